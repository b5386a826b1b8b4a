//! A standalone HTML page: summary, round table and an SVG chart of the last stage.

use std::fmt::Write as _;

use super::names;
use super::svg::{Bar, Marker, esc, horizontal_bars};
use super::table::rows;
use crate::report::{Details, Report};

/// Horizontal bars of each candidate's votes at the last stage, with the quota as a line.
fn chart(report: &Report) -> String {
    let Some(last) = report.rounds.iter().rev().find(|r| !r.votes.is_empty()) else {
        return String::new();
    };
    // Values before the last stage matter too: an excluded candidate shows its peak.
    let bars: Vec<(usize, f64)> = (0..report.candidates.len())
        .filter(|c| !report.withdrawn.contains(c))
        .map(|c| {
            let v = report
                .rounds
                .iter()
                .rev()
                .find_map(|r| r.votes.get(c).copied().flatten())
                .map_or(0.0, |d| d.to_f64_lossy());
            (c, v)
        })
        .collect();
    let marker = last.quota.map(|q| {
        let q = q.to_f64_lossy();
        Marker {
            value: q,
            label: format!("quota {q:.2}"),
            class: "quota",
        }
    });
    let bars: Vec<Bar<'_>> = bars
        .iter()
        .map(|&(c, v)| Bar {
            label: &report.candidates[c],
            value: v,
            shown: format!("{v:.2}"),
            class: if report.elected.contains(&c) {
                "elected"
            } else {
                "other"
            },
        })
        .collect();
    horizontal_bars(
        "chart-title",
        "Votes at the last stage",
        &bars,
        marker.as_ref(),
    )
}

/// Condorcet methods: the pairwise matrix as a heat map; a cell is green where the row candidate
/// beats the column candidate, red where it loses, and darker the larger the margin.
fn heat_map(report: &Report) -> String {
    let Details::Condorcet(d) = &report.details else {
        return String::new();
    };
    let n = d.standing.len();
    let (label_w, cell) = (220.0, 34.0);
    let total = report.ballots.max(1) as f64;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="pw-title" viewBox="0 0 {w} {h}" width="100%"><title id="pw-title">Pairwise preferences: row candidate over column candidate</title>"#,
        w = label_w + cell * n as f64 + 10.0,
        h = cell * (n as f64 + 1.0) + 10.0
    );
    for (j, _) in d.standing.iter().enumerate() {
        let _ = write!(
            svg,
            r#"<text x="{x:.1}" y="{y:.1}" text-anchor="middle">{num}</text>"#,
            x = label_w + cell * (j as f64 + 0.5),
            y = cell * 0.6,
            num = j + 1
        );
    }
    for (i, &a) in d.standing.iter().enumerate() {
        let y = cell * (i as f64 + 1.0);
        let _ = write!(
            svg,
            r#"<text x="{tx}" y="{ty:.1}" text-anchor="end">{num}. {name}</text>"#,
            tx = label_w - 6.0,
            ty = y + cell * 0.6,
            num = i + 1,
            name = esc(&report.candidates[a])
        );
        for (j, &b) in d.standing.iter().enumerate() {
            if a == b {
                continue;
            }
            let (win, lose) = (d.pairwise.get(a, b), d.pairwise.get(b, a));
            let margin = (win as f64 - lose as f64) / total;
            let alpha = 0.15 + 0.85 * margin.abs().min(1.0);
            let color = if win > lose {
                "31,111,67"
            } else if win < lose {
                "176,0,32"
            } else {
                "138,138,138"
            };
            let _ = write!(
                svg,
                r#"<rect x="{x:.1}" y="{y:.1}" width="{c}" height="{c}" fill="rgba({color},{alpha:.2})"><title>{an} over {bn}: {win} to {lose}</title></rect><text x="{tx:.1}" y="{ty:.1}" text-anchor="middle">{win}</text>"#,
                x = label_w + cell * j as f64,
                c = cell - 2.0,
                an = esc(&report.candidates[a]),
                bn = esc(&report.candidates[b]),
                tx = label_w + cell * (j as f64 + 0.5),
                ty = y + cell * 0.6,
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

pub fn html(report: &Report) -> String {
    let title = if report.title.is_empty() {
        "Election result".to_owned()
    } else {
        report.title.clone()
    };
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{t}</title>
<style>
body{{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;color:#1b1b1b}}
table{{border-collapse:collapse;font-variant-numeric:tabular-nums}}td,th{{border:1px solid #bbb;padding:.2rem .5rem;text-align:end}}
td:first-child,th:first-child{{text-align:start}}.table{{overflow-x:auto}}
rect.elected{{fill:#1f6f43}}rect.other{{fill:#8a8a8a}}line.quota{{stroke:#b00020;stroke-width:2;stroke-dasharray:4 3}}svg text{{font-size:12px}}
</style></head><body>
<h1>{t}</h1>
<p>Method: <strong>{m}</strong>. Seats: {s}. Ballots: {b}.</p>
<p>Elected: <strong>{e}</strong>{v}</p>
"#,
        t = esc(&title),
        m = report.method,
        s = report.seats,
        b = report.ballots,
        e = esc(&names(report, &report.elected).join(", ")),
        v = if report.vacant > 0 {
            format!(". Vacant seats: {}", report.vacant)
        } else {
            String::new()
        },
    );
    out.push_str(&chart(report));
    out.push_str(&heat_map(report));
    if report.rounds.iter().any(|r| !r.votes.is_empty()) {
        out.push_str("<div class=\"table\"><table>\n");
        for (i, row) in rows(report).iter().enumerate() {
            let tag = if i == 0 { "th" } else { "td" };
            out.push_str("<tr>");
            for cell in row {
                let _ = write!(out, "<{tag}>{}</{tag}>", esc(cell));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</table></div>\n");
    }
    out.push_str("<ol>\n");
    for r in &report.rounds {
        let _ = write!(out, "<li>{}", esc(&r.action));
        if let Some(t) = &r.tie_break {
            let rules: Vec<&str> = t.rules.iter().map(|r| r.as_str()).collect();
            let _ = write!(
                out,
                " (tie between {} decided by {}: {})",
                esc(&names(report, &t.tied).join(", ")),
                rules.join(", then "),
                esc(&report.candidates[t.chosen])
            );
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n");
    if let Some(seed) = report.seed {
        let _ = writeln!(out, "<p>Lot drawn with seed {seed}.</p>");
    }
    out.push_str("</body></html>\n");
    out
}
