//! A throwaway MediaWiki: Debian's `mediawiki` package (1.39) installed with SQLite into a
//! temporary directory by its own `install.php`, served by `php -S` on a free loopback port,
//! and stopped when dropped. `None` (with a message) where the package is not installed;
//! `scripts/test` installs it. Shared by two test binaries (`#[path]`), not all of which use
//! every helper.
#![allow(dead_code)]

use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Where Debian installs MediaWiki.
pub const MEDIAWIKI: &str = "/usr/share/mediawiki";

/// The wiki's id in the tests (`Name@testwiki`).
pub const WIKI_ID: &str = "testwiki";

pub struct Wiki {
    dir: tempfile::TempDir,
    server: Child,
    pub api: String,
}

impl Drop for Wiki {
    /// Stops the server and its workers: `php -S` with `PHP_CLI_SERVER_WORKERS` forks them,
    /// and they outlive a killed parent, so the whole process group (made at spawn) goes.
    fn drop(&mut self) {
        let group = format!("-{}", self.server.id());
        let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        let _ = self.server.kill();
        let _ = self.server.wait();
    }
}

fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

fn run(command: &mut Command, what: &str) -> String {
    let out = command.output().unwrap_or_else(|e| panic!("{what}: {e}"));
    assert!(
        out.status.success(),
        "{what} failed: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

impl Wiki {
    /// Installs and starts a wiki, or `None` when MediaWiki or PHP is missing.
    pub fn start() -> Option<Wiki> {
        let php_ok = Command::new("php")
            .arg("--version")
            .stdout(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !Path::new(MEDIAWIKI)
            .join("maintenance/install.php")
            .exists()
            || !php_ok
        {
            eprintln!(
                "SKIPPED: the MediaWiki tests need Debian's mediawiki package and PHP \
                 (apt-get install --no-install-recommends mediawiki php-sqlite3 php-cli \
                 php-mbstring php-xml php-intl; scripts/test installs them)"
            );
            return None;
        }
        let started = Instant::now();
        // On tmpfs where there is one: SQLite syncs every write, and a wiki on disk spends
        // most of its time in fsync.
        let shm = Path::new("/dev/shm");
        let dir = if shm.is_dir() {
            tempfile::Builder::new()
                .prefix("urna-wiki")
                .tempdir_in(shm)
                .unwrap()
        } else {
            tempfile::tempdir().unwrap()
        };
        let port = free_port();
        let server_url = format!("http://127.0.0.1:{port}");
        run(
            Command::new("php")
                .current_dir(MEDIAWIKI)
                .args([
                    "maintenance/install.php",
                    "--dbtype",
                    "sqlite",
                    "--dbname",
                    "wiki",
                ])
                .arg("--dbpath")
                .arg(dir.path())
                .arg("--confpath")
                .arg(dir.path())
                .args(["--server", &server_url, "--scriptpath", "", "--skins", ""])
                .args(["--pass", "Urna-test-pass-1234", "TestWiki", "Admin"]),
            "installing MediaWiki",
        );
        // A `staff` group (as on Wikimedia wikis), no rate limits, no object cache.
        let settings = dir.path().join("LocalSettings.php");
        let mut text = std::fs::read_to_string(&settings).unwrap();
        text.push_str(
            "\n$wgGroupPermissions['staff']['read'] = true;\n\
             $wgGroupPermissions['steward']['read'] = true;\n\
             $wgRateLimits = [];\n$wgMainCacheType = CACHE_NONE;\n",
        );
        std::fs::write(&settings, text).unwrap();
        let log = std::fs::File::create(dir.path().join("server.log")).unwrap();
        let server = Command::new("php")
            .args(["-S", &format!("127.0.0.1:{port}"), "-t", MEDIAWIKI])
            .process_group(0)
            .env("MW_CONFIG_FILE", &settings)
            .env("PHP_CLI_SERVER_WORKERS", "4")
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .unwrap();
        let wiki = Wiki {
            dir,
            server,
            api: format!("{server_url}/api.php"),
        };
        wiki.wait_until_up();
        eprintln!("MediaWiki up in {:?} at {}", started.elapsed(), wiki.api);
        Some(wiki)
    }

    fn wait_until_up(&self) {
        let deadline = Instant::now() + Duration::from_secs(30);
        let addr = self
            .api
            .trim_start_matches("http://")
            .trim_end_matches("/api.php");
        while Instant::now() < deadline {
            if std::net::TcpStream::connect(addr).is_ok() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("MediaWiki did not start listening on {addr} within 30 s");
    }

    fn maintenance(&self, script: &Path) -> Command {
        let mut c = Command::new("php");
        c.arg(script)
            .env("MW_INSTALL_PATH", MEDIAWIKI)
            .env("MW_CONFIG_FILE", self.dir.path().join("LocalSettings.php"))
            .current_dir(MEDIAWIKI);
        c
    }

    /// Runs `tests/wiki/fixture.php` with `spec` (users, groups, edits, blocks).
    pub fn fixture(&self, spec: &serde_json::Value) {
        // Next to this file, whichever crate includes it.
        let script = PathBuf::from(file!()).with_file_name("fixture.php");
        let script = if script.is_absolute() {
            script
        } else {
            // `file!()` is relative to the workspace root; tests run in the crate directory.
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../..")
                .join(script)
        };
        let spec_file = self.dir.path().join("spec.json");
        std::fs::write(&spec_file, spec.to_string()).unwrap();
        let out = run(
            self.maintenance(&script)
                .stdin(std::fs::File::open(&spec_file).unwrap()),
            "the MediaWiki fixture script",
        );
        assert!(out.contains("ok"), "fixture.php said: {out}");
    }

    /// Imports revisions with the given timestamps through `importDump.php` (edits by existing
    /// users are credited to them), then recounts every user's edit count from the revisions
    /// (`initEditCount.php`), as the wiki would have counted them live.
    pub fn import_edits(&self, edits: &[(&str, &str)]) {
        let mut xml = String::from(
            r#"<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" xml:lang="en">
"#,
        );
        for (i, (user, timestamp)) in edits.iter().enumerate() {
            xml.push_str(&format!(
                "<page><title>Imported {i}</title><ns>0</ns><id>{id}</id>\
                 <revision><id>{id}</id><timestamp>{timestamp}</timestamp>\
                 <contributor><username>{user}</username></contributor>\
                 <model>wikitext</model><format>text/x-wiki</format>\
                 <text xml:space=\"preserve\">Imported edit {i}</text></revision></page>\n",
                id = 100_000 + i
            ));
        }
        xml.push_str("</mediawiki>\n");
        let file = self.dir.path().join("import.xml");
        std::fs::write(&file, xml).unwrap();
        run(
            self.maintenance(&Path::new(MEDIAWIKI).join("maintenance/importDump.php"))
                .arg(&file),
            "importDump.php",
        );
        run(
            &mut self.maintenance(&Path::new(MEDIAWIKI).join("maintenance/initEditCount.php")),
            "initEditCount.php",
        );
    }
}
