//! `urna admin create-operator` run as a user runs it, against a temporary SQLite data
//! directory; the account it creates is then read back from the database.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn create_operator(data_dir: &Path, username: &str, stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_urna"))
        .args([
            "admin",
            "create-operator",
            "--username",
            username,
            "--data-dir",
        ])
        .arg(data_dir)
        // No urna.toml or URNA_* settings from the developer's environment.
        .current_dir(data_dir)
        .env_remove("URNA_DATABASE")
        .env_remove("URNA_DATA_DIR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("urna runs");
    // urna may refuse the arguments and exit before it reads the password: a closed pipe
    // then is expected, not a failure.
    if let Err(e) = child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
    {
        assert_eq!(
            e.kind(),
            std::io::ErrorKind::BrokenPipe,
            "password written: {e}"
        );
    }
    child.wait_with_output().expect("urna finishes")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8")
}

#[test]
fn creates_an_operator_once_and_prints_the_totp_uri() {
    let dir = tempfile::tempdir().expect("temp dir");
    let first = create_operator(dir.path(), "ada", "correct horse battery staple\n");
    assert!(first.status.success(), "{}", text(&first.stderr));
    let out = text(&first.stdout);
    let uri = out
        .lines()
        .find(|l| l.starts_with("otpauth://"))
        .expect("a URI line");
    let prefix = "otpauth://totp/Urna:ada?secret=";
    assert!(uri.starts_with(prefix), "{uri}");
    let secret = &uri[prefix.len()..uri.find('&').expect("more parameters")];
    // 160-bit secret: 32 base32 characters (RFC 4648, unpadded).
    assert_eq!(secret.len(), 32, "{secret}");
    assert!(uri.contains("&issuer=Urna"), "{uri}");
    assert!(
        out.contains(&format!("Or enter the secret by hand: {secret}")),
        "{out}"
    );
    assert!(!out.contains("horse"), "the password is not printed");

    // The account is in the data directory's database: an operator, Argon2id, with that TOTP
    // secret.
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    runtime.block_on(async {
        let db = urna_store::Db::connect(dir.path().to_str().expect("UTF-8 path"))
            .await
            .expect("opens");
        let account = db
            .account_by_username("ada")
            .await
            .expect("reads")
            .expect("created");
        assert!(account.is_operator);
        assert!(account.password_hash.0.starts_with("$argon2id$"));
        let stored = urna_web::auth::totp::TotpSecret::from_bytes(
            account.totp_secret.expect("TOTP secret").0,
        )
        .expect("valid");
        assert_eq!(stored.to_base32(), secret);
        db.close().await;
    });

    // The same username again: refused, one line on stderr, nothing on stdout.
    let again = create_operator(dir.path(), "ada", "another long passphrase\n");
    assert!(!again.status.success());
    assert!(again.stdout.is_empty());
    let err = text(&again.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("\"ada\" is already taken"), "{err}");
}

#[test]
fn short_passwords_and_bad_usernames_are_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let short = create_operator(dir.path(), "ada", "short\n");
    assert!(!short.status.success());
    assert!(
        text(&short.stderr).contains("at least 12 characters"),
        "{}",
        text(&short.stderr)
    );
    let bad = create_operator(dir.path(), "ada lovelace", "correct horse battery staple\n");
    assert!(!bad.status.success());
    assert!(
        text(&bad.stderr).contains("\"ada lovelace\""),
        "{}",
        text(&bad.stderr)
    );
}

#[test]
fn serve_names_the_database_it_cannot_open() {
    let dir = tempfile::tempdir().expect("temp dir");
    // A SQLite file in a directory that does not exist (no `mode=rwc`): cannot be opened.
    let url = format!("sqlite://{}/missing/urna.sqlite3", dir.path().display());
    let output = Command::new(env!("CARGO_BIN_EXE_urna"))
        .args(["serve", "--listen", "127.0.0.1:0", "--database", &url])
        .current_dir(dir.path())
        .output()
        .expect("urna runs");
    assert!(!output.status.success());
    let err = text(&output.stderr);
    let last = err.lines().last().unwrap_or_default();
    assert!(
        last.starts_with(&format!("urna: error: cannot use the database at {url}: ")),
        "{err}"
    );
}
