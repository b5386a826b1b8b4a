//! `urna bench mail` against a real SMTP server (Debian's `python3-aiosmtpd`, its sink
//! handler, on a loopback port): 50 notices by two senders sharing one outbox, each sent
//! once. Skipped with a message without aiosmtpd (`scripts/test` installs it).

// Integration tests are separate crates: `allow-unwrap-in-tests` does not reach their helpers.
#![allow(clippy::unwrap_used)]

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[test]
fn fifty_notices_by_two_senders_are_each_sent_once() {
    let python = "/usr/bin/python3";
    let has_aiosmtpd = Command::new(python)
        .args(["-c", "import aiosmtpd"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !has_aiosmtpd {
        eprintln!("SKIPPED: no python3 with aiosmtpd (apt-get install python3-aiosmtpd)");
        return;
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let listen = format!("127.0.0.1:{port}");
    let mut server = Command::new(python)
        .args([
            "-m",
            "aiosmtpd",
            "-n",
            "-c",
            "aiosmtpd.handlers.Sink",
            "-l",
            &listen,
        ])
        .spawn()
        .unwrap();
    // Wait until it accepts connections.
    let started = Instant::now();
    while std::net::TcpStream::connect(&listen).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the SMTP server did not start"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let output = Command::new(env!("CARGO_BIN_EXE_urna"))
        .args([
            "bench",
            "mail",
            "--smtp",
            &listen,
            "--messages",
            "50",
            "--senders",
            "2",
        ])
        .output()
        .unwrap();
    server.kill().unwrap();
    server.wait().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("mail: 50 notices through"), "{stdout}");
    assert!(
        stdout.contains("by 2 senders") && stdout.contains("each sent once"),
        "{stdout}"
    );

    // Nothing listens any more: every notice is retried, none sent, and the run says so.
    let refused = Command::new(env!("CARGO_BIN_EXE_urna"))
        .args([
            "bench",
            "mail",
            "--smtp",
            &listen,
            "--messages",
            "3",
            "--senders",
            "1",
        ])
        .output()
        .unwrap();
    assert!(!refused.status.success());
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("0 of 3 notices sent and 3 not"), "{stderr}");
}
