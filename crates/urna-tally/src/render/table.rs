//! The round table, as text and as CSV: a row per candidate, a column per stage.

use std::fmt::Write as _;

use super::names;
use crate::report::{Decimal, Details, Report};

/// For Condorcet methods: a header (candidate numbers) and one row per standing candidate with
/// the weight of ballots preferring it to each other candidate.
pub(super) fn pairwise_rows(report: &Report) -> Option<(Vec<String>, Vec<Vec<String>>)> {
    let Details::Condorcet(d) = &report.details else {
        return None;
    };
    let mut header = vec![String::new()];
    header.extend((1..=d.standing.len()).map(|i| i.to_string()));
    let rows = d
        .standing
        .iter()
        .enumerate()
        .map(|(i, &a)| {
            let mut row = vec![format!("{} {}", i + 1, report.candidates[a])];
            row.extend(d.standing.iter().map(|&b| {
                if a == b {
                    "-".to_owned()
                } else {
                    d.pairwise.get(a, b).to_string()
                }
            }));
            row
        })
        .collect();
    Some((header, rows))
}

/// A table of cells: the first row is the header.
pub(super) fn rows(report: &Report) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut header = vec!["Candidate".to_owned()];
    header.extend(report.rounds.iter().map(|r| format!("Stage {}", r.stage)));
    rows.push(header);
    let cell = |d: Option<Decimal>| d.map_or_else(|| "-".to_owned(), |d| d.to_string());
    for (c, name) in report.candidates.iter().enumerate() {
        if report.withdrawn.contains(&c) {
            continue;
        }
        let mut row = vec![name.clone()];
        row.extend(
            report
                .rounds
                .iter()
                .map(|r| cell(r.votes.get(c).copied().flatten())),
        );
        rows.push(row);
    }
    let mut extra = |label: &str, f: &dyn Fn(&crate::report::Round) -> Option<Decimal>| {
        if report.rounds.iter().any(|r| f(r).is_some()) {
            let mut row = vec![label.to_owned()];
            row.extend(report.rounds.iter().map(|r| cell(f(r))));
            rows.push(row);
        }
    };
    extra("Non-transferable", &|r| r.non_transferable);
    extra("Rounding loss", &|r| r.rounding_loss);
    extra("Quota", &|r| r.quota);
    rows
}

/// Writes `rows` as columns: the first left-aligned, the others right-aligned.
fn aligned(out: &mut String, rows: &[Vec<String>]) {
    let widths: Vec<usize> = (0..rows.first().map_or(0, Vec::len))
        .map(|i| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0))
        .collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            let pad = " ".repeat(widths[i] - cell.chars().count());
            if i == 0 {
                let _ = write!(out, "{cell}{pad}");
            } else {
                let _ = write!(out, "  {pad}{cell}");
            }
        }
        out.push('\n');
    }
}

/// A plain-text report: summary, round table and the action of every stage.
pub fn text(report: &Report) -> String {
    let mut out = String::new();
    if !report.title.is_empty() {
        let _ = writeln!(out, "{}", report.title);
    }
    let _ = writeln!(
        out,
        "Method: {}   Seats: {}   Ballots: {}",
        report.method, report.seats, report.ballots
    );
    if report.rounds.iter().any(|r| !r.votes.is_empty()) {
        out.push('\n');
        aligned(&mut out, &rows(report));
    }
    if !report.rounds.is_empty() {
        out.push('\n');
    }
    for r in &report.rounds {
        let _ = write!(out, "Stage {}: {}", r.stage, r.action);
        if !r.elected.is_empty() {
            let _ = write!(out, "; elected {}", names(report, &r.elected).join(", "));
        }
        if !r.excluded.is_empty() {
            let _ = write!(out, "; excluded {}", names(report, &r.excluded).join(", "));
        }
        out.push('\n');
        if let Some(t) = &r.tie_break {
            let rules: Vec<&str> = t.rules.iter().map(|r| r.as_str()).collect();
            let _ = writeln!(
                out,
                "  tie between {} decided by {}: {}",
                names(report, &t.tied).join(", "),
                rules.join(", then "),
                report.candidates[t.chosen]
            );
        }
    }
    if let Some((header, matrix)) = pairwise_rows(report) {
        out.push_str("\nPairwise (row over column):\n");
        let mut rows = vec![header];
        rows.extend(matrix);
        aligned(&mut out, &rows);
        if let Details::Condorcet(d) = &report.details {
            let name = |c: Option<usize>| c.map_or("none", |c| report.candidates[c].as_str());
            let _ = writeln!(
                out,
                "Condorcet winner: {}; Condorcet loser: {}",
                name(d.condorcet_winner),
                name(d.condorcet_loser)
            );
        }
    }
    if let Some(tiers) = &report.ranking {
        out.push_str("\nRanking:\n");
        for (i, t) in tiers.iter().enumerate() {
            let _ = writeln!(out, "  {}. {}", i + 1, names(report, t).join(" = "));
        }
    }
    let _ = writeln!(
        out,
        "\nElected: {}",
        names(report, &report.elected).join(", ")
    );
    if report.vacant > 0 {
        let _ = writeln!(out, "Vacant seats: {}", report.vacant);
    }
    if let Some(seed) = report.seed {
        let _ = writeln!(out, "Lot drawn with seed {seed}");
    }
    out
}

/// The round table as CSV (RFC 4180 quoting).
pub fn csv(report: &Report) -> String {
    let mut out = String::new();
    for row in rows(report) {
        let cells: Vec<String> = row
            .iter()
            .map(|c| {
                if c.contains([',', '"', '\n', '\r']) {
                    format!("\"{}\"", c.replace('"', "\"\""))
                } else {
                    c.clone()
                }
            })
            .collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}
