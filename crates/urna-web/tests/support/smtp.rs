//! A real SMTP server for tests: Debian's `python3-aiosmtpd` on a loopback port, with a small
//! handler that writes each received message (envelope recipients, subject, decoded plain-text
//! body) to a JSON file in a temporary inbox. Included by path (`#[path]`) from the test crates
//! that read what the server sent; `None` from [`python_with_aiosmtpd`] means skip.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use serde_json::Value;

const HANDLER: &str = r#"
import email, json, os, sys, threading
from email import policy
from aiosmtpd.controller import Controller

port, out = int(sys.argv[1]), sys.argv[2]

class Handler:
    count = 0
    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        Handler.count += 1
        record = {
            "to": envelope.rcpt_tos,
            "subject": str(message["subject"]),
            "body": message.get_body(("plain",)).get_content(),
        }
        tmp = os.path.join(out, ".%d.tmp" % Handler.count)
        with open(tmp, "w") as f:
            json.dump(record, f)
        os.rename(tmp, os.path.join(out, "%05d.json" % Handler.count))
        return "250 Message accepted"

controller = Controller(Handler(), hostname="127.0.0.1", port=port)
controller.start()
print("ready", flush=True)
threading.Event().wait()
"#;

/// A python3 that can import aiosmtpd (Debian's lives under /usr/bin, whatever else is first
/// on PATH), or `None` with a notice.
pub fn python_with_aiosmtpd() -> Option<&'static str> {
    for python in ["/usr/bin/python3", "python3"] {
        let ok = std::process::Command::new(python)
            .args(["-c", "import aiosmtpd"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if ok {
            return Some(python);
        }
    }
    eprintln!("SKIPPED: no python3 with aiosmtpd (apt-get install python3-aiosmtpd)");
    None
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

/// A received message.
#[derive(Debug, Clone)]
pub struct Received {
    pub to: Vec<String>,
    pub subject: String,
    pub body: String,
}

pub struct SmtpServer {
    child: tokio::process::Child,
    dir: tempfile::TempDir,
    pub port: u16,
}

impl SmtpServer {
    /// Starts the server on a free port and waits until it listens.
    pub async fn start(python: &str) -> SmtpServer {
        let port = free_port();
        let dir = tempfile::tempdir().expect("temporary directory");
        let script = dir.path().join("handler.py");
        std::fs::write(&script, HANDLER).expect("handler written");
        let inbox = dir.path().join("inbox");
        std::fs::create_dir(&inbox).expect("inbox");
        let mut child = tokio::process::Command::new(python)
            .arg(&script)
            .arg(port.to_string())
            .arg(&inbox)
            .stdout(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .expect("the SMTP server starts");
        let stdout = child.stdout.take().expect("stdout");
        let mut lines = tokio::io::AsyncBufReadExt::lines(tokio::io::BufReader::new(stdout));
        let first = tokio::time::timeout(Duration::from_secs(20), lines.next_line())
            .await
            .expect("the SMTP server starts within 20 s")
            .expect("its first line");
        assert_eq!(first.as_deref(), Some("ready"));
        SmtpServer { child, dir, port }
    }

    fn inbox(&self) -> PathBuf {
        self.dir.path().join("inbox")
    }

    pub fn messages(&self) -> Vec<Received> {
        read_inbox(&self.inbox())
    }

    /// Waits until at least `n` messages arrived (`within` at most).
    pub async fn wait_for(&self, n: usize, within: Duration) -> Vec<Received> {
        let deadline = std::time::Instant::now() + within;
        loop {
            let got = self.messages();
            if got.len() >= n {
                return got;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "expected {n} messages, got {got:?}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn stop(mut self) {
        let _ = self.child.kill().await;
    }
}

fn read_inbox(dir: &Path) -> Vec<Received> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("inbox")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    names.sort();
    names
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).expect("a message file");
            let v: Value = serde_json::from_str(&text).expect("message JSON");
            Received {
                to: v["to"]
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|t| t.as_str().map(str::to_owned))
                            .collect()
                    })
                    .unwrap_or_default(),
                subject: v["subject"].as_str().unwrap_or_default().to_owned(),
                body: v["body"].as_str().unwrap_or_default().to_owned(),
            }
        })
        .collect()
}
