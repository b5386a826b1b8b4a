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
    // secret sealed under the key file the command created next to it (0600).
    let key_file = dir.path().join("secret.key");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key_file)
            .expect("key file")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let key = urna_web::auth::server_key::ServerSecretKey::load_or_create_file(&key_file)
        .expect("the key file reads");
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
        let sealed = account.totp_secret.expect("TOTP secret");
        let printed = urna_web::auth::totp::TotpSecret::from_base32(secret).expect("base32");
        assert!(
            !sealed.0.windows(20).any(|w| w == printed.expose_bytes()),
            "the raw secret is not stored"
        );
        let stored = urna_web::auth::totp::TotpSecret::unseal(&key, account.id, &sealed)
            .expect("opens with the data directory's key");
        assert_eq!(stored.to_base32(), secret);
        db.close().await;
    });

    // The server over the same data directory lets ada sign in with her authenticator's code.
    runtime.block_on(sign_in_over_http(
        dir.path(),
        "ada",
        "correct horse battery staple",
        secret,
    ));

    // The data directory without its key file (say, copied without it): the server makes a
    // fresh key, which cannot open ada's secret, and refuses to start, saying why.
    let kept = dir.path().join("secret.key.kept");
    std::fs::rename(&key_file, &kept).expect("move the key away");
    let refused = runtime.block_on(urna_web::Application::build(urna_web::Config {
        listen: std::net::SocketAddr::from(([127, 0, 0, 1], 0)),
        data_dir: dir.path().to_owned(),
        ..urna_web::Config::default()
    }));
    let message = match refused {
        Ok(_) => panic!("the server started with a fresh key"),
        Err(error) => error.to_string(),
    };
    assert!(
        message.contains("does not open the stored TOTP secrets") && message.contains("secret.key"),
        "{message}"
    );
    std::fs::rename(&kept, &key_file).expect("restore the key");

    // The same username again: refused, one line on stderr, nothing on stdout.
    let again = create_operator(dir.path(), "ada", "another long passphrase\n");
    assert!(!again.status.success());
    assert!(again.stdout.is_empty());
    let err = text(&again.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("\"ada\" is already taken"), "{err}");
}

/// Starts the web server over `data_dir` (as `urna serve --data-dir` does) on a loopback port,
/// and signs in through the staff form with `password` and the current code of `base32`.
async fn sign_in_over_http(data_dir: &Path, username: &str, password: &str, base32: &str) {
    let config = urna_web::Config {
        listen: std::net::SocketAddr::from(([127, 0, 0, 1], 0)),
        data_dir: data_dir.to_owned(),
        ..urna_web::Config::default()
    };
    let app = urna_web::Application::build(config)
        .await
        .expect("the server starts");
    let base = format!("http://127.0.0.1:{}", app.port());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(app.run_until(async {
        let _ = stopped.await;
    }));
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let form = client
        .get(format!("{base}/staff/sign-in"))
        .send()
        .await
        .expect("form");
    let cookie = form
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|c| c.strip_prefix("urna_session="))
        .and_then(|c| c.split(';').next())
        .expect("session cookie")
        .to_owned();
    let page = form.text().await.expect("page");
    let marker = "name=\"csrf_token\" value=\"";
    let start = page.find(marker).expect("CSRF field") + marker.len();
    let csrf = &page[start..start + page[start..].find('"').expect("quote")];
    let secret = urna_web::auth::totp::TotpSecret::from_base32(base32).expect("base32");
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("after 1970")
        .as_secs();
    let code = urna_web::auth::totp::totp(secret.expose_bytes(), now, urna_web::auth::totp::DIGITS);
    let response = client
        .post(format!("{base}/staff/sign-in"))
        .header("cookie", format!("urna_session={cookie}"))
        .header("origin", &base)
        .form(&[
            ("csrf_token", csrf),
            ("username", username),
            ("password", password),
            ("code", code.as_str()),
        ])
        .send()
        .await
        .expect("sign-in");
    let status = response.status();
    let location = response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let body = response.text().await.unwrap_or_default();
    assert_eq!(status, 303, "{body}");
    assert_eq!(location.as_deref(), Some("/staff"));
    let _ = stop.send(());
    server.await.expect("joins").expect("serves");
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

#[cfg(unix)]
#[test]
fn a_key_file_readable_by_others_or_malformed_is_refused_before_the_password() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let key_file = dir.path().join("secret.key");
    std::fs::write(&key_file, format!("{}\n", "5a".repeat(32))).expect("write");
    std::fs::set_permissions(&key_file, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let open = create_operator(dir.path(), "ada", "correct horse battery staple\n");
    assert!(!open.status.success());
    let err = text(&open.stderr);
    assert!(
        err.contains("readable by group or others (mode 0644)"),
        "{err}"
    );
    assert!(!err.contains("5a5a"), "the key is not printed: {err}");

    std::fs::write(&key_file, "5a5a\n").expect("write");
    std::fs::set_permissions(&key_file, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    let malformed = create_operator(dir.path(), "ada", "correct horse battery staple\n");
    assert!(!malformed.status.success());
    let err = text(&malformed.stderr);
    assert!(err.contains("is malformed: found 4 characters"), "{err}");
    assert!(!err.contains("5a5a"), "the key is not printed: {err}");
}
