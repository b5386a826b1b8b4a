//! `urna import securepoll` as a user runs it (issue 6): a dump with preferential votes
//! becomes an election definition the domain accepts and a BLT file `urna tally` counts to
//! the hand-counted winner; warnings name the dump's lines; a broken dump fails with the line.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn urna(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_urna"))
        .args(args)
        .output()
        .expect("urna runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8")
}

/// A ranked vote over options 0x10 (16, Ana), 0x11 (17, Bo) and 0x12 (18, Cy) of question
/// 0x0F (15), ranks 1, 2, 3 in the order given.
fn ranking(order: [u32; 3]) -> String {
    order
        .iter()
        .enumerate()
        .map(|(rank, option)| format!("Q0000000F-A{option:08X}-R{:08X}--", rank + 1))
        .collect()
}

fn dump() -> String {
    let abc = ranking([16, 17, 18]);
    let bca = ranking([17, 18, 16]);
    let cab = ranking([18, 16, 17]);
    // Line 22: a vote for option 0x13 (19), which question 15 does not have.
    let bad = "Q0000000F-A00000013-R00000001--";
    format!(
        "<SecurePoll>\n<election>\n<configuration>\n<title>Board</title>\n\
<ballot>preferential</ballot>\n<tally>schulze</tally>\n<primaryLang>en</primaryLang>\n\
<startDate>2026-01-01T00:00:00Z</startDate>\n<endDate>2026-01-08T00:00:00Z</endDate>\n\
<id>7</id>\n<property name=\"admins\">Tim</property>\n\
<message name=\"title\" lang=\"en\">Board 2026</message>\n\
<message name=\"title\" lang=\"fr\">Conseil 2026</message>\n\
<question>\n<id>15</id>\n<message name=\"text\" lang=\"en\">Chair</message>\n\
<option><id>16</id><message name=\"text\" lang=\"en\">Ana</message></option>\n\
<option><id>17</id><message name=\"text\" lang=\"en\">Bo</message></option>\n\
<option><id>18</id><message name=\"text\" lang=\"en\">Cy</message></option>\n\
</question>\n</configuration>\n\
<vote>{bad}</vote>\n<vote>{abc}</vote>\n<vote>{abc}</vote>\n<vote>{abc}</vote>\n\
<vote>{bca}</vote>\n<vote>{cab}</vote>\n</election>\n</SecurePoll>\n"
    )
}

fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary directory")
}

fn write(dir: &Path, name: &str, contents: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("written");
    path
}

#[test]
fn a_dump_with_votes_imports_and_its_ballots_count_to_the_hand_count() {
    let dir = temp_dir();
    let xml = write(dir.path(), "board.xml", &dump());
    let out = dir.path().join("election.json");
    let ballots = dir.path().join("ballots.blt");
    let o = urna(&[
        "import",
        "securepoll",
        xml.to_str().expect("path"),
        "--out",
        out.to_str().expect("path"),
        "--ballots",
        ballots.to_str().expect("path"),
    ]);
    let err = text(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(o.stdout.is_empty(), "the definition went to --out");
    // Line 11: admins; line 22: the vote for option 19.
    let name = xml.display();
    assert!(
        err.contains(&format!(
            "{name}:11:1: warning: the election: admins \"Tim\""
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{name}:22:1: warning: vote record not counted: option 19 (hexadecimal 13)"
        )),
        "{err}"
    );
    assert!(err.contains("5 vote(s) imported"), "{err}");

    let definition = std::fs::read_to_string(&out).expect("the definition was written");
    let election: urna_core::election::Election =
        serde_json::from_str(&definition).expect("the domain accepts the definition");
    assert_eq!(election.title().default_text(), "Board 2026");
    let languages: Vec<&str> = election.languages().iter().map(|l| l.as_str()).collect();
    assert_eq!(languages, ["en", "fr"]);
    assert_eq!(election.slug().as_str(), "board-7");

    // Schulze by hand over the 5 counted votes (3 Ana>Bo>Cy, 1 Bo>Cy>Ana, 1 Cy>Ana>Bo):
    // Ana beats Bo 4–1 and Cy 3–2, so Ana is the Condorcet winner and Schulze elects her.
    let o = urna(&[
        "tally",
        ballots.to_str().expect("path"),
        "--method",
        "schulze",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON report");
    assert_eq!(report["ballots"], 5);
    assert_eq!(report["elected"], serde_json::json!(["Ana"]));
}

#[test]
fn a_broken_dump_fails_naming_the_line() {
    let dir = temp_dir();
    // Line 3 closes <titel>, which was never opened.
    let xml = write(
        dir.path(),
        "broken.xml",
        "<SecurePoll>\n<election>\n<title>x</titel>\n</election>\n</SecurePoll>\n",
    );
    let o = urna(&["import", "securepoll", xml.to_str().expect("path")]);
    assert!(!o.status.success());
    assert!(o.stdout.is_empty());
    let err = text(&o.stderr);
    assert!(err.contains("line 3, column"), "{err}");
}

#[test]
fn without_out_the_definition_goes_to_stdout() {
    let dir = temp_dir();
    let xml = write(dir.path(), "board.xml", &dump());
    let o = urna(&["import", "securepoll", xml.to_str().expect("path")]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let _: urna_core::election::Election =
        serde_json::from_slice(&o.stdout).expect("stdout is the definition");
    assert!(text(&o.stderr).contains("--ballots FILE writes them"));
}
