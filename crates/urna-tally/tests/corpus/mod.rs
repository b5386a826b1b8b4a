//! Access to the shared conformance corpus, `../shared/data/elections` from the workspace root
//! (or `$URNA_CORPUS`). Tests skip with a message when it is absent, as on a fresh clone.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use serde_json::Value;
use urna_tally::RankedElection;

pub struct Case {
    pub file: String,
    pub method: String,
    pub seats: usize,
    pub expected_elected: Vec<String>,
    pub elected_order_matters: bool,
    pub stages: Option<String>,
}

pub struct Corpus {
    pub root: PathBuf,
    pub cases: Vec<Case>,
}

impl Corpus {
    /// The corpus, or `None` (with a message on stderr) when it is not there.
    pub fn open() -> Option<Corpus> {
        let root = std::env::var_os("URNA_CORPUS")
            .map(PathBuf::from)
            .unwrap_or_else(|| {
                Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/elections")
            });
        let manifest = root.join("manifest.json");
        let Ok(text) = std::fs::read_to_string(&manifest) else {
            eprintln!(
                "SKIPPED: conformance corpus not found at {} (set URNA_CORPUS to its folder)",
                root.display()
            );
            return None;
        };
        let json: Value = serde_json::from_str(&text).expect("manifest.json is JSON");
        let cases = json["cases"]
            .as_array()
            .expect("manifest has cases")
            .iter()
            .map(|c| Case {
                file: c["file"].as_str().expect("file").to_owned(),
                method: c["method"].as_str().expect("method").to_owned(),
                seats: c["seats"].as_u64().expect("seats") as usize,
                expected_elected: c["expected_elected"]
                    .as_array()
                    .expect("expected_elected")
                    .iter()
                    .map(|n| n.as_str().expect("name").to_owned())
                    .collect(),
                elected_order_matters: c["elected_order_matters"].as_bool().unwrap_or(false),
                stages: c["stages"].as_str().map(str::to_owned),
            })
            .collect();
        Some(Corpus { root, cases })
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    pub fn election(&self, rel: &str) -> RankedElection {
        urna_tally::blt::parse(&self.read(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    pub fn cases_for<'a>(&'a self, method: &'a str) -> impl Iterator<Item = &'a Case> + 'a {
        self.cases.iter().filter(move |c| c.method == method)
    }
}
