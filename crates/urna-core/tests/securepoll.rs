//! The SecurePoll importer (issue 6) against the sample dumps in
//! `../shared/data/securepoll-dumps` (or `$URNA_SECUREPOLL_DUMPS`; skipped with a message
//! when absent, as the conformance tests skip without their corpus) and against small dumps
//! written here. Every expected value was read off the XML by hand: titles, languages, ids,
//! and the line of each warning; vote records were decoded by hand from SecurePoll's
//! `Q%08X-A%08X-…` formats (notes §1) and counted by hand.

use std::path::PathBuf;

use jiff::Timestamp;
use proptest::prelude::*;
use urna_core::ballot::Answer;
use urna_core::election::{Election, ElectionId};
use urna_core::question::{BallotType, CandidateId, Question};
use urna_core::securepoll::{Imported, SecurePollError, Warning, import, parse_dump};
use urna_core::text::Lang;
use urna_tally::Method;

const ID: &str = "0123456789ABCDEFGHJKMNPQR0";

fn dumps_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("URNA_SECUREPOLL_DUMPS")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("URNA_CORPUS").map(|c| PathBuf::from(c).join("../securepoll-dumps"))
        })
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/securepoll-dumps")
        });
    if dir.join("3way-test.xml").is_file() {
        Some(dir)
    } else {
        eprintln!(
            "SKIPPED: SecurePoll sample dumps not found at {} (set URNA_SECUREPOLL_DUMPS to their folder)",
            dir.display()
        );
        None
    }
}

fn id() -> ElectionId {
    ElectionId::parse(ID).expect("a valid id")
}

/// Every election of a dump, imported.
fn import_all(xml: &str) -> Vec<Imported> {
    parse_dump(xml)
        .expect("the dump parses")
        .iter()
        .map(|e| import(e, id()).expect("the election imports"))
        .collect()
}

fn import_one(xml: &str) -> Imported {
    let mut all = import_all(xml);
    assert_eq!(all.len(), 1, "one election in the dump");
    all.remove(0)
}

fn sample(name: &str) -> Option<Imported> {
    let dir = dumps_dir()?;
    let xml = std::fs::read_to_string(dir.join(name)).expect("the sample is readable");
    Some(import_one(&xml))
}

/// The names of the elected candidates, in order.
fn elected(report: &urna_tally::Report) -> Vec<&str> {
    report
        .elected
        .iter()
        .map(|&c| report.candidates[c].as_str())
        .collect()
}

fn lang(tag: &str) -> Lang {
    Lang::parse(tag).expect("a valid tag")
}

fn cid(id: &str) -> CandidateId {
    CandidateId::parse(id).expect("a valid candidate id")
}

fn langs(e: &Election) -> Vec<&str> {
    e.languages().iter().map(Lang::as_str).collect()
}

/// The lines of the warnings, in order.
fn warning_lines(warnings: &[Warning]) -> Vec<u32> {
    warnings.iter().map(|w| w.at.line).collect()
}

fn has_warning(warnings: &[Warning], line: u32, needle: &str) -> bool {
    warnings
        .iter()
        .any(|w| w.at.line == line && w.message.contains(needle))
}

/// `(id, English name, French name)` of each option.
fn options(q: &Question) -> Vec<(String, String, Option<String>)> {
    q.options
        .iter()
        .map(|c| {
            (
                c.id.to_string(),
                c.name.default_text().to_owned(),
                c.name.exact(&lang("fr")).map(str::to_owned),
            )
        })
        .collect()
}

fn owned(rows: &[(&str, &str, Option<&str>)]) -> Vec<(String, String, Option<String>)> {
    rows.iter()
        .map(|(a, b, c)| ((*a).to_owned(), (*b).to_owned(), c.map(str::to_owned)))
        .collect()
}

/// What 3way-test.xml and 3way-with-votes-test.xml share (read off the XML): election 50,
/// title message "RR1 test", a radio-range ballot from -1 to 1 over options 52–55 with
/// French names, dates 2009-07-19 to 2019-08-10 UTC.
fn check_three_way(imported: &Imported) {
    let e = &imported.election;
    assert_eq!(imported.securepoll_id.as_deref(), Some("50"));
    assert_eq!(e.title().default_text(), "RR1 test");
    assert_eq!(e.slug().as_str(), "radio-range-test-1-50");
    assert_eq!(langs(e), ["en", "fr"]);
    let window = e.window().expect("the dump has both dates");
    assert_eq!(
        window.opens(),
        "2009-07-19T00:00:00Z".parse::<Timestamp>().expect("time")
    );
    assert_eq!(
        window.closes(),
        "2019-08-10T00:00:00Z".parse::<Timestamp>().expect("time")
    );
    let [q] = e.questions() else {
        panic!("one question")
    };
    assert_eq!(q.id.as_str(), "51");
    assert_eq!(q.title.default_text(), "RR1 test question");
    assert_eq!(q.ballot_type, BallotType::Score { min: -1, max: 1 });
    assert_eq!(q.method, Method::Score);
    assert_eq!(
        options(q),
        owned(&[
            ("52", "AAA", Some("AAA fr")),
            ("53", "B", Some("B fr")),
            ("54", "C", Some("C fr")),
            ("55", "D", Some("D fr")),
        ])
    );
    // Line 11 admins; 13–15 the intro, jump-text and return-text messages; 20
    // column-label-msgs; 21 default-score; 22 the first column label (column-1, column0,
    // column+1 on lines 22–24, reported once).
    let w = &imported.warnings;
    assert_eq!(warning_lines(w), [11, 13, 14, 15, 20, 21, 22], "{w:#?}");
    assert!(has_warning(w, 11, "admins \"Tim\""));
    assert!(has_warning(w, 13, "intro"));
    assert!(has_warning(w, 14, "jump-text"));
    assert!(has_warning(w, 15, "return-text"));
    assert!(has_warning(w, 20, "column-label-msgs"));
    assert!(has_warning(w, 21, "default-score"));
    assert!(has_warning(w, 22, "column-1, column0, column+1"));
}

#[test]
fn three_way_test_imports_a_score_question() {
    let Some(imported) = sample("3way-test.xml") else {
        return;
    };
    check_three_way(&imported);
    assert!(imported.ballots.is_empty());
}

#[test]
fn three_way_with_votes_decodes_and_counts_its_vote() {
    let Some(imported) = sample("3way-with-votes-test.xml") else {
        return;
    };
    check_three_way(&imported);
    // Line 49: Q00000033-A00000034-S-0000000001-- …: question 0x33 = 51; options 0x34–0x37
    // = 52–55 scored -1, +0, +1, +0.
    let [ballot] = imported.ballots.as_slice() else {
        panic!("one vote")
    };
    assert_eq!(
        ballot.answers(),
        [Answer::Scores(vec![
            (cid("52"), -1),
            (cid("53"), 0),
            (cid("54"), 1),
            (cid("55"), 0),
        ])]
    );
    // Hand count (score = total): AAA -1, B 0, C 1, D 0; C wins the one seat.
    let q = &imported.election.questions()[0];
    let report = urna_core::tally::count(q, imported.ballots.iter().map(|b| (1, &b.answers()[0])))
        .expect("counts");
    assert_eq!(elected(&report), ["C"]);
    // The ballot file `urna tally` reads: urna-tally's scored CSV, the scale and one row.
    let file = imported
        .ballot_file(0)
        .expect("a ballot file")
        .expect("question 0");
    assert_eq!(file.extension, "csv");
    assert_eq!(
        file.contents,
        "# title: RR1 test question\n# seats: 1\n# scale: -1..1\nweight,AAA,B,C,D\n1,-1,0,1,0\n"
    );
    let parsed = urna_tally::scored::parse_csv(&file.contents).expect("urna tally reads it");
    let recount = urna_tally::count(
        Method::Score,
        &urna_tally::Ballots::Scored(parsed),
        &urna_tally::Options::default(),
    )
    .expect("counts");
    assert_eq!(elected(&recount), ["C"]);
}

#[test]
fn approval_test_imports_an_approval_question_and_reports_its_tally() {
    let Some(imported) = sample("approval-test.xml") else {
        return;
    };
    let e = &imported.election;
    assert_eq!(e.title().default_text(), "Approval test");
    assert_eq!(langs(e), ["en", "fr"]);
    let q = &e.questions()[0];
    assert_eq!(q.id.as_str(), "41");
    assert_eq!(q.ballot_type, BallotType::Approval { min: 0, max: 4 });
    assert_eq!(q.method, Method::Approval);
    assert_eq!(
        options(q),
        owned(&[
            ("42", "AAAA", Some("AAAA fr")),
            ("43", "B", Some("B fr")),
            ("44", "C", Some("C fr")),
            ("45", "D", Some("D fr")),
        ])
    );
    // Line 6: <tally>range</tally>, not SecurePoll's plurality tally for approval.
    let w = &imported.warnings;
    assert_eq!(warning_lines(w), [6, 11, 13, 14, 15], "{w:#?}");
    assert!(has_warning(w, 6, "\"range\""));
}

#[test]
fn radio_range_keeps_its_scale_and_decodes_entities() {
    let Some(imported) = sample("radio-range.xml") else {
        return;
    };
    let e = &imported.election;
    assert_eq!(e.title().default_text(), "RR2 test");
    assert_eq!(langs(e), ["en"]);
    let q = &e.questions()[0];
    assert_eq!(q.id.as_str(), "61");
    assert_eq!(q.ballot_type, BallotType::Score { min: 1, max: 5 });
    assert_eq!(
        options(q),
        owned(&[
            ("62", "I like icecream.", None),
            ("63", "Kittens are evil.", None),
            (
                "64",
                "Radiative forcing due to a doubling of atmospheric CO<sub>2</sub> is 3.7 W/m<sup>2</sup>.",
                None
            ),
        ])
    );
    // Line 6: histogram-range without a default-score (averages and totals can order
    // differently); line 12: must-answer-all; no column labels here.
    let w = &imported.warnings;
    assert_eq!(warning_lines(w), [6, 11, 12, 14, 15, 16], "{w:#?}");
    assert!(has_warning(w, 6, "question 61: histogram-range"));
    assert!(has_warning(w, 12, "must-answer-all"));
}

#[test]
fn schulze_test_imports_a_ranked_question() {
    let Some(imported) = sample("schulze-test.xml") else {
        return;
    };
    let e = &imported.election;
    assert_eq!(e.title().default_text(), "Schulze test");
    assert_eq!(langs(e), ["en", "fr"]);
    let q = &e.questions()[0];
    assert_eq!(q.id.as_str(), "12");
    // SecurePoll's preferential ballot allows equal ranks.
    assert_eq!(
        q.ballot_type,
        BallotType::Ranked {
            max_ranks: None,
            allow_equal: true
        }
    );
    assert_eq!(q.method, Method::Schulze);
    assert_eq!(
        options(q),
        owned(&[
            ("13", "A", Some("A fr")),
            ("14", "B", Some("B fr")),
            ("15", "C", Some("C fr")),
            ("16", "D", Some("D fr")),
        ])
    );
    assert_eq!(warning_lines(&imported.warnings), [11, 13, 14, 15]);
}

#[test]
fn stv_test_maps_to_meek_and_reports_its_duplicate_option_id() {
    let Some(imported) = sample("stv-test.xml") else {
        return;
    };
    let e = &imported.election;
    assert_eq!(e.title().default_text(), "STV test");
    assert_eq!(langs(e), ["en"]);
    let q = &e.questions()[0];
    assert_eq!(q.id.as_str(), "71");
    assert_eq!(q.method, Method::Meek);
    assert_eq!(q.seats, 1);
    assert_eq!(
        q.ballot_type,
        BallotType::Ranked {
            max_ranks: None,
            allow_equal: false
        }
    );
    // Options 72, 73, 77, 75 and a second 75 (line 36), which gets a new id.
    assert_eq!(
        options(q),
        owned(&[
            ("72", "1", None),
            ("73", "2", None),
            ("77", "3", None),
            ("75", "4", None),
            ("71-opt5", "5", None),
        ])
    );
    // Line 5 the droop-quota note; 11 admins; 13–15 messages; 17 no min-seats; 36 the
    // duplicate id.
    let w = &imported.warnings;
    assert_eq!(warning_lines(w), [5, 11, 13, 14, 15, 17, 36], "{w:#?}");
    assert!(has_warning(w, 36, "75 is used twice"));
    assert!(has_warning(w, 17, "min-seats"));
}

#[test]
fn election_tests_imports_all_fourteen_elections_and_reports_each_eligibility_rule() {
    let Some(dir) = dumps_dir() else {
        return;
    };
    let xml = std::fs::read_to_string(dir.join("election-tests.xml")).expect("readable");
    let all = import_all(&xml);
    // (SecurePoll id, eligibility properties with their lines), read off the XML.
    let expected: [(&str, &[(u32, &str)]); 14] = [
        (
            "100",
            &[
                (12, "not-centrally-blocked"),
                (13, "central-block-threshold"),
                (14, "not-partial-blocked"),
            ],
        ),
        (
            "101",
            &[
                (56, "not-centrally-blocked"),
                (57, "central-block-threshold"),
                (58, "not-partial-blocked"),
            ],
        ),
        ("102", &[]),
        ("103", &[(141, "exclude-list")]),
        ("104", &[(183, "include-list"), (184, "min-edits")]),
        ("105", &[(226, "min-edits")]),
        ("106", &[(268, "max-registration")]),
        ("107", &[(310, "not-sitewide-blocked")]),
        ("108", &[(352, "not-partial-blocked")]),
        ("109", &[(394, "not-bot")]),
        ("110", &[(436, "need-group")]),
        ("111", &[(478, "need-list")]),
        ("112", &[(520, "need-central-list")]),
        ("113", &[(562, "need-central-list")]),
    ];
    assert_eq!(all.len(), expected.len());
    for (imported, (sp_id, rules)) in all.iter().zip(expected) {
        assert_eq!(imported.securepoll_id.as_deref(), Some(sp_id));
        let q = &imported.election.questions()[0];
        assert_eq!(q.id.as_str(), "41");
        assert_eq!(q.ballot_type, BallotType::Approval { min: 0, max: 4 });
        assert_eq!(q.options.len(), 4);
        let eligibility: Vec<(u32, &str)> = imported
            .warnings
            .iter()
            .filter(|w| w.message.contains("eligibility rule"))
            .map(|w| {
                let name = rules
                    .iter()
                    .find(|(_, n)| w.message.contains(&format!("rule {n} ")))
                    .map_or("?", |(_, n)| n);
                (w.at.line, name)
            })
            .collect();
        assert_eq!(eligibility, rules, "election {sp_id}");
    }
    // Election 113's custom unqualified-error message (line 567) has no Urna field.
    assert!(has_warning(&all[13].warnings, 567, "unqualified-error"));
    // Fourteen slugs, all different (titles differ; the SecurePoll id ends each).
    assert_eq!(
        all[0].election.slug().as_str(),
        "approval-test-cross-wiki-partial-blocks-allowed-100"
    );
}

/// A small dump written for these tests: two questions of a ballot type, options 0x10–0x12
/// (16–18) and 0x20–0x21 (32–33).
fn dump(ballot: &str, tally: &str, question_props: &str, votes: &[&str]) -> String {
    let votes: String = votes
        .iter()
        .map(|v| format!("<vote>\n{v}\n</vote>\n"))
        .collect();
    format!(
        "<SecurePoll>\n<election>\n<configuration>\n\
<title>Test</title>\n<ballot>{ballot}</ballot>\n<tally>{tally}</tally>\n\
<primaryLang>de</primaryLang>\n<startDate>2026-01-01T00:00:00Z</startDate>\n\
<endDate>2026-01-08T00:00:00Z</endDate>\n<id>9</id>\n\
<message name=\"title\" lang=\"de\">Wahl</message>\n\
<message name=\"title\" lang=\"en\">Election</message>\n\
<question>\n<id>15</id>\n{question_props}<message name=\"text\" lang=\"de\">Erste</message>\n\
<option><id>16</id><message name=\"text\" lang=\"de\">Anna</message></option>\n\
<option><id>17</id><message name=\"text\" lang=\"de\">Ben</message></option>\n\
<option><id>18</id><message name=\"text\" lang=\"de\">Cem</message></option>\n\
</question>\n<question>\n<id>31</id>\n{question_props}<message name=\"text\" lang=\"de\">Zweite</message>\n\
<option><id>32</id><message name=\"text\" lang=\"de\">Dora</message></option>\n\
<option><id>33</id><message name=\"text\" lang=\"de\">Emil</message></option>\n\
</question>\n</configuration>\n{votes}</election>\n</SecurePoll>\n"
    )
}

/// Line of the first `<vote>` in [`dump`]: 26 lines of configuration and questions before it
/// (counted in the format string above), plus two per question property line (each question
/// repeats them).
fn first_vote_line(question_props: &str) -> u32 {
    let extra = u32::try_from(question_props.lines().count()).expect("few lines") * 2;
    27 + extra
}

#[test]
fn the_primary_language_is_the_default_and_every_message_language_a_translation() {
    let imported = import_one(&dump("choose", "plurality", "", &[]));
    let e = &imported.election;
    assert_eq!(langs(e), ["de", "en"]);
    assert_eq!(e.title().default_lang(), &lang("de"));
    assert_eq!(e.title().default_text(), "Wahl");
    assert_eq!(e.title().exact(&lang("en")), Some("Election"));
    assert_eq!(e.questions()[0].ballot_type, BallotType::ChooseOne);
    assert_eq!(e.questions()[0].method, Method::Plurality);
    assert!(imported.warnings.is_empty(), "{:#?}", imported.warnings);
}

#[test]
fn choose_records_decode_per_question() {
    // Q0000000FA00000011: question 15 → option 17 (Ben); Q0000001FA00000020: question 31 →
    // option 32 (Dora). The second record answers only question 15 (Anna).
    let imported = import_one(&dump(
        "choose",
        "plurality",
        "",
        &["Q0000000FA00000011Q0000001FA00000020", "Q0000000FA00000010"],
    ));
    let answers: Vec<&[Answer]> = imported.ballots.iter().map(|b| b.answers()).collect();
    assert_eq!(
        answers,
        [
            &[Answer::Choice(cid("17")), Answer::Choice(cid("32"))][..],
            &[Answer::Choice(cid("16")), Answer::Abstain][..],
        ]
    );
    // Question 15 by hand: Ben 1, Anna 1, a tie broken by lot; question 31: Dora 1, elected.
    let blt = imported.ballot_file(1).expect("file").expect("question 31");
    assert_eq!(blt.extension, "blt");
    let e = urna_tally::blt::parse(&blt.contents).expect("urna tally reads it");
    let report = urna_tally::count(
        Method::Plurality,
        &urna_tally::Ballots::Ranked(e),
        &urna_tally::Options::default(),
    )
    .expect("counts");
    assert_eq!(elected(&report), ["Dora"]);
}

#[test]
fn approval_records_count_yes_only() {
    // Ballot 1: 16 y, 17 n, 18 y; 32 n, 33 y. Ballot 2: 16 y, 17 y, 18 n; 32 n, 33 n.
    let v1 = "Q0000000F-A00000010-y--Q0000000F-A00000011-n--Q0000000F-A00000012-y--\
              Q0000001F-A00000020-n--Q0000001F-A00000021-y--";
    let v2 = "Q0000000F-A00000010-y--Q0000000F-A00000011-y--Q0000000F-A00000012-n--\
              Q0000001F-A00000020-n--Q0000001F-A00000021-n--";
    let imported = import_one(&dump("approval", "plurality", "", &[v1, v2]));
    let answers: Vec<&[Answer]> = imported.ballots.iter().map(|b| b.answers()).collect();
    assert_eq!(
        answers,
        [
            &[
                Answer::Approvals(vec![cid("16"), cid("18")]),
                Answer::Approvals(vec![cid("33")])
            ][..],
            &[
                Answer::Approvals(vec![cid("16"), cid("17")]),
                Answer::Approvals(vec![])
            ][..],
        ]
    );
    // Hand count of question 15: Anna 2, Ben 1, Cem 1 → Anna.
    let q = &imported.election.questions()[0];
    let report = urna_core::tally::count(q, imported.ballots.iter().map(|b| (1, &b.answers()[0])))
        .expect("counts");
    assert_eq!(elected(&report), ["Anna"]);
}

#[test]
fn preferential_records_group_equal_ranks_and_leave_blanks_out() {
    // R%08X is hexadecimal: Cem rank 1, Anna and Ben rank 2 (equal); 0x3E8 = 1000 = blank.
    // Question 31: Emil 1, Dora blank.
    let v = "Q0000000F-A00000010-R00000002--Q0000000F-A00000011-R00000002--\
             Q0000000F-A00000012-R00000001--Q0000001F-A00000020-R000003E8--\
             Q0000001F-A00000021-R00000001--";
    let imported = import_one(&dump("preferential", "schulze", "", &[v]));
    assert_eq!(
        imported.ballots[0].answers(),
        [
            Answer::Ranking(vec![vec![cid("18")], vec![cid("16"), cid("17")]]),
            Answer::Ranking(vec![vec![cid("33")]]),
        ]
    );
}

#[test]
fn stv_records_follow_their_positions_and_seats_come_from_min_seats() {
    // C = candidate, R = position: Ben first (0), Cem second (1), Anna third (2), written
    // out of order; question 31: Emil only.
    let v = "Q0000000F-C00000012-R00000001--Q0000000F-C00000011-R00000000--\
             Q0000000F-C00000010-R00000002--Q0000001F-C00000021-R00000000--";
    let props = "<property name=\"min-seats\">2</property>\n";
    let imported = import_one(&dump("stv", "droop-quota", props, &[v]));
    let q = &imported.election.questions()[0];
    assert_eq!(q.seats, 2);
    assert_eq!(q.method, Method::Meek);
    assert_eq!(
        imported.ballots[0].answers(),
        [
            Answer::Ranking(vec![vec![cid("17")], vec![cid("18")], vec![cid("16")]]),
            Answer::Ranking(vec![vec![cid("33")]]),
        ]
    );
    let blt = imported.ballot_file(0).expect("file").expect("question 15");
    // BLT (docs/ballot-formats.md): 3 candidates, 2 seats; the ballot "1 2 3 1 0" (weight 1:
    // Ben=2, Cem=3, Anna=1 in option order Anna, Ben, Cem), then the names and the title.
    assert!(
        blt.contents.starts_with("3 2\n1 2 3 1 0\n0\n"),
        "{}",
        blt.contents
    );
}

#[test]
fn a_json_record_is_read_and_its_comment_reported() {
    let v = r#"{"vote":"Q0000000FA00000012","comment":"Danke"}"#;
    let imported = import_one(&dump("choose", "plurality", "", &[v]));
    assert_eq!(
        imported.ballots[0].answers(),
        [Answer::Choice(cid("18")), Answer::Abstain]
    );
    assert!(
        imported
            .warnings
            .iter()
            .any(|w| w.message.contains("1 vote record(s) carry a comment")),
        "{:#?}",
        imported.warnings
    );
}

#[test]
fn encrypted_records_are_reported_not_counted() {
    let v1 = "-----BEGIN PGP MESSAGE-----\nhQEMA1234\n-----END PGP MESSAGE-----";
    let v2 = "U2FsdGVkX19vZXhhbXBsZQ==";
    let imported = import_one(&dump("choose", "plurality", "", &[v1, v2]));
    assert!(imported.ballots.is_empty());
    let line = first_vote_line("");
    let w = &imported.warnings;
    assert!(
        has_warning(w, line, "2 vote record(s) are encrypted"),
        "{w:#?}"
    );
}

#[test]
fn a_vote_for_an_option_that_does_not_exist_is_reported_at_its_line() {
    // 0x13 = 19: question 15 has options 16–18 only. The second vote is good.
    let imported = import_one(&dump(
        "choose",
        "plurality",
        "",
        &["Q0000000FA00000013", "Q0000000FA00000010"],
    ));
    assert_eq!(imported.ballots.len(), 1);
    let line = first_vote_line("");
    let w = &imported.warnings;
    assert!(
        has_warning(
            w,
            line,
            "option 19 (hexadecimal 13) is not an option of question 15"
        ),
        "{w:#?}"
    );
}

#[test]
fn a_score_outside_the_range_is_reported() {
    // Scores must be 1..=5; +6 is refused by the ballot's own check.
    let props =
        "<property name=\"min-score\">1</property>\n<property name=\"max-score\">5</property>\n";
    let v = "Q0000000F-A00000010-S+0000000006--";
    let imported = import_one(&dump("radio-range", "plurality", props, &[v]));
    assert!(imported.ballots.is_empty());
    let line = first_vote_line(props);
    assert!(
        has_warning(&imported.warnings, line, "vote record not counted"),
        "{:#?}",
        imported.warnings
    );
}

#[test]
fn an_stv_record_ranking_a_candidate_twice_is_reported() {
    // Anna (0x10) at positions 0 and 1: the ranking rules refuse a duplicate.
    let v = "Q0000000F-C00000010-R00000000--Q0000000F-C00000010-R00000001--";
    let imported = import_one(&dump("stv", "droop-quota", "", &[v]));
    assert!(imported.ballots.is_empty());
    assert!(
        has_warning(
            &imported.warnings,
            first_vote_line(""),
            "vote record not counted"
        ),
        "{:#?}",
        imported.warnings
    );
}

#[test]
fn a_record_of_another_ballot_type_is_reported() {
    // An approval item (…-y--) in a choose election's record.
    let imported = import_one(&dump(
        "choose",
        "plurality",
        "",
        &["Q0000000F-A00000010-y--"],
    ));
    assert!(imported.ballots.is_empty());
    assert!(
        has_warning(
            &imported.warnings,
            first_vote_line(""),
            "an approval (y/n) item in a record of a Choose ballot"
        ),
        "{:#?}",
        imported.warnings
    );
}

#[test]
fn a_question_id_used_twice_gets_a_new_id_and_a_warning() {
    // The second <question> (line 20) gets <id>15</id> (line 21), the first question's id.
    let xml = dump("choose", "plurality", "", &["Q0000000FA00000010"])
        .replace("<id>31</id>", "<id>15</id>");
    let imported = import_one(&xml);
    let ids: Vec<&str> = imported
        .election
        .questions()
        .iter()
        .map(|q| q.id.as_str())
        .collect();
    assert_eq!(ids, ["15", "q2"]);
    assert!(
        has_warning(&imported.warnings, 20, "question 15: the id is used twice"),
        "{:#?}",
        imported.warnings
    );
    // The vote names question 15: the first one.
    assert_eq!(
        imported.ballots[0].answers(),
        [Answer::Choice(cid("16")), Answer::Abstain]
    );
}

#[test]
fn a_garbled_legacy_record_names_the_character() {
    let imported = import_one(&dump("choose", "plurality", "", &["Q0000000FA0000001X"]));
    let line = first_vote_line("");
    assert!(
        has_warning(&imported.warnings, line, "character 11"),
        "{:#?}",
        imported.warnings
    );
}

#[test]
fn malformed_xml_names_the_line() {
    let xml = "<SecurePoll>\n<election>\n<configuration>\n<title>x</titel>\n";
    match parse_dump(xml) {
        Err(SecurePollError::Xml { at, message }) => {
            assert_eq!(at.line, 4, "{message}");
        }
        other => panic!("expected an XML error, got {other:?}"),
    }
}

#[test]
fn a_truncated_dump_names_the_line_where_it_ends() {
    let xml = dump("choose", "plurality", "", &[]);
    // Keep lines 1–14: the dump now ends with the first question's <id>15</id> on line 14.
    let cut: String = xml.lines().take(14).collect::<Vec<_>>().join("\n");
    match parse_dump(&cut) {
        Err(SecurePollError::Xml { at, .. }) => assert_eq!(at.line, 14),
        other => panic!("expected an XML error, got {other:?}"),
    }
}

#[test]
fn an_unknown_ballot_type_is_an_error_at_its_line() {
    let xml = dump("condorcet", "plurality", "", &[]);
    let elections = parse_dump(&xml).expect("well-formed");
    match import(&elections[0], id()) {
        Err(SecurePollError::UnknownBallot { at, ballot }) => {
            assert_eq!((at.line, ballot.as_str()), (5, "condorcet"));
        }
        other => panic!("expected UnknownBallot, got {other:?}"),
    }
}

#[test]
fn an_entity_declaration_is_refused() {
    // A DTD could declare entities (the "billion laughs"); dumps have none.
    let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY a \"aaaa\">]>\n<SecurePoll/>";
    assert!(matches!(parse_dump(xml), Err(SecurePollError::Xml { at, .. }) if at.line == 2));
}

#[test]
fn key_properties_are_reported_without_their_value() {
    let xml = dump("choose", "plurality", "", &[]).replace(
        "<id>9</id>",
        "<id>9</id>\n<property name=\"gpg-decrypt-key\">SECRET-KEY-MATERIAL</property>",
    );
    let imported = import_one(&xml);
    let w = &imported.warnings;
    assert!(has_warning(
        w,
        11,
        "gpg-decrypt-key (key material, value not shown)"
    ));
    assert!(w.iter().all(|w| !w.message.contains("SECRET")), "{w:#?}");
}

#[test]
fn remote_authentication_and_unknown_elements_are_reported() {
    let xml = dump("choose", "plurality", "", &[]).replace(
        "<id>9</id>",
        "<id>9</id>\n<auth>remote-mw</auth>\n<colour>red</colour>",
    );
    let w = import_one(&xml).warnings;
    assert!(has_warning(&w, 11, "\"remote-mw\""), "{w:#?}");
    assert!(has_warning(&w, 12, "<colour>"), "{w:#?}");
}

/// A valid dump for mutation: the vote-bearing test dump of each ballot type.
fn seeds() -> Vec<String> {
    vec![
        dump(
            "choose",
            "plurality",
            "",
            &["Q0000000FA00000011Q0000001FA00000020"],
        ),
        dump(
            "radio-range",
            "histogram-range",
            "<property name=\"min-score\">-1</property>\n<property name=\"max-score\">1</property>\n",
            &["Q0000000F-A00000010-S-0000000001--"],
        ),
        dump(
            "stv",
            "droop-quota",
            "<property name=\"min-seats\">2</property>\n",
            &["Q0000000F-C00000012-R00000001--Q0000000F-C00000011-R00000000--"],
        ),
    ]
}

/// Parses and imports; every error names a line of at least 1.
fn never_panics(xml: &str) {
    match parse_dump(xml) {
        Ok(elections) => {
            for e in &elections {
                match import(e, id()) {
                    Ok(imported) => {
                        for w in &imported.warnings {
                            assert!(w.at.line >= 1);
                        }
                        for i in 0..imported.election.questions().len() {
                            let _ = imported.ballot_file(i);
                        }
                    }
                    Err(SecurePollError::TooLarge { .. }) => {}
                    Err(
                        SecurePollError::Xml { at, .. }
                        | SecurePollError::Structure { at, .. }
                        | SecurePollError::UnknownBallot { at, .. }
                        | SecurePollError::Invalid { at, .. },
                    ) => assert!(at.line >= 1),
                }
            }
        }
        Err(SecurePollError::Xml { at, .. } | SecurePollError::Structure { at, .. }) => {
            assert!(at.line >= 1);
        }
        Err(_) => {}
    }
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics(text in ".{0,400}") {
        never_panics(&text);
    }

    #[test]
    fn mutated_dumps_never_panic(
        seed in 0usize..3,
        edits in proptest::collection::vec((any::<prop::sample::Index>(), 0u8..4, any::<char>()), 1..8),
    ) {
        let mut chars: Vec<char> = seeds()[seed].chars().collect();
        for (at, op, c) in edits {
            if chars.is_empty() {
                break;
            }
            let i = at.index(chars.len());
            match op {
                0 => { chars.remove(i); }
                1 => chars.insert(i, c),
                2 => chars[i] = c,
                // Swap in a character that matters to the formats.
                _ => chars[i] = ['<', '>', '-', 'Q', 'A', '0', 'F', '"', '/'][i % 9],
            }
        }
        never_panics(&chars.into_iter().collect::<String>());
    }
}
