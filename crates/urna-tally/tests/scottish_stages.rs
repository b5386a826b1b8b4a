//! Scottish STV against the official stage-by-stage count sheets of the corpus (Glasgow 2007
//! Linn, Dundee 2022): every stage, every candidate, to 5 dp. The sheets fold the loss from
//! truncation into "non-transferable", so our non-transferable plus rounding loss is compared
//! with the sheet's figure. Skips when the corpus is absent.

mod corpus;

use std::collections::BTreeMap;

use serde_json::Value;
use urna_tally::{Ballots, Decimal, Method, Options, count};

fn dec5(s: &str) -> Decimal {
    let (w, f) = s.split_once('.').unwrap_or((s, ""));
    assert!(f.len() <= 5, "{s}: more than 5 decimals");
    Decimal::new(format!("{w}{f:0<5}").parse().expect("digits"), 5)
}

fn add(a: Decimal, b: Decimal) -> Decimal {
    assert_eq!((a.scale(), b.scale()), (5, 5));
    Decimal::new(a.raw() + b.raw(), 5)
}

#[test]
fn every_official_stage_matches_to_five_decimals() {
    let Some(corpus) = corpus::Corpus::open() else {
        return;
    };
    let mut files = 0;
    let mut stages = 0;
    let mut failures = Vec::new();
    for case in corpus.cases_for("scottish-stv") {
        let Some(stages_file) = &case.stages else {
            continue;
        };
        let sheet: Value =
            serde_json::from_str(&corpus.read(stages_file)).expect("stages file is JSON");
        let e = corpus.election(&case.file);
        let ballots = Ballots::Ranked(e);
        let report = count(
            Method::ScottishStv,
            &ballots,
            &Options {
                seats: Some(case.seats),
                ..Options::default()
            },
        )
        .expect("count");
        let index: BTreeMap<String, usize> = report
            .candidates
            .iter()
            .enumerate()
            .map(|(i, n)| (n.clone(), i))
            .collect();
        // The Dundee sheets drop the party that the file's names carry
        // (`Will DAWSON "Scottish National Party (SNP)"`): match the name before the quote.
        let find = |sheet_name: &str| -> Option<usize> {
            if let Some(&c) = index.get(sheet_name) {
                return Some(c);
            }
            let prefix = format!("{sheet_name} \"");
            let hits: Vec<usize> = (0..report.candidates.len())
                .filter(|&c| report.candidates[c].starts_with(&prefix))
                .collect();
            (hits.len() == 1).then(|| hits[0])
        };
        let name = |c: usize| -> String {
            let full = &report.candidates[c];
            full.split_once(" \"")
                .map_or(full.clone(), |(n, _)| n.to_owned())
        };
        let want_stages = sheet["stages"].as_array().expect("stages");
        let quota = sheet["quota"].as_str().expect("quota");
        if report.rounds[0].quota != Some(dec5(quota)) {
            failures.push(format!(
                "{}: quota {:?}, sheet {quota}",
                case.file, report.rounds[0].quota
            ));
        }
        if want_stages.len() != report.rounds.len() {
            failures.push(format!(
                "{}: {} stages, sheet {}",
                case.file,
                report.rounds.len(),
                want_stages.len()
            ));
        }
        for (i, (want, got)) in want_stages.iter().zip(&report.rounds).enumerate() {
            let at = format!("{} stage {}", case.file, i + 1);
            for (cand, v) in want["votes"].as_object().expect("votes") {
                let c = find(cand).unwrap_or_else(|| panic!("{at}: unknown candidate {cand:?}"));
                // A blank on the sheet (null) is a candidate excluded at an earlier stage,
                // which the report leaves out (None); Dundee sheets print 0 instead.
                let want_v = v.as_str().map(dec5);
                let got_v = got.votes[c];
                let same = match (want_v, got_v) {
                    (None, None) => true,
                    (Some(w), None) => w.raw() == 0,
                    (Some(w), Some(g)) => w == g,
                    (None, Some(_)) => false,
                };
                if !same {
                    failures.push(format!("{at}: {cand} {got_v:?}, sheet {want_v:?}"));
                }
            }
            let nt = dec5(want["non_transferable"].as_str().expect("nt"));
            let got_nt = add(
                got.non_transferable.expect("nt reported"),
                got.rounding_loss.expect("loss reported"),
            );
            if got_nt != nt {
                failures.push(format!(
                    "{at}: non-transferable + loss {got_nt}, sheet {nt}"
                ));
            }
            let names = |v: &Value| -> Vec<String> {
                let mut n: Vec<String> = v
                    .as_array()
                    .expect("list")
                    .iter()
                    .map(|x| x.as_str().expect("name").to_owned())
                    .collect();
                n.sort();
                n
            };
            let mut got_el: Vec<String> = got.elected.iter().map(|&c| name(c)).collect();
            got_el.sort();
            if got_el != names(&want["elected"]) {
                failures.push(format!(
                    "{at}: elected {got_el:?}, sheet {:?}",
                    want["elected"]
                ));
            }
            let mut got_ex: Vec<String> = got.excluded.iter().map(|&c| name(c)).collect();
            got_ex.sort();
            if got_ex != names(&want["excluded"]) {
                failures.push(format!(
                    "{at}: excluded {got_ex:?}, sheet {:?}",
                    want["excluded"]
                ));
            }
            let full = |sheet_name: &str| {
                find(sheet_name).map_or(sheet_name.to_owned(), |c| report.candidates[c].clone())
            };
            let want_action = match want["surplus"].as_str() {
                Some(s) => format!("Surplus of {}", full(s)),
                None if i == 0 => "First preferences".to_owned(),
                None => format!(
                    "Exclusion of {}",
                    full(&names(&want["excluded"]).join(", "))
                ),
            };
            if got.action != want_action {
                failures.push(format!(
                    "{at}: action {:?}, sheet {want_action:?}",
                    got.action
                ));
            }
            stages += 1;
        }
        files += 1;
    }
    assert!(
        failures.is_empty(),
        "{} differences:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(files >= 8, "only {files} stage sheets found");
    eprintln!("scottish stages: {stages} stages of {files} official sheets match to 5 dp");
}
