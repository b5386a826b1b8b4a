//! The JSON contract. Keys appear in a fixed order; numbers are decimal strings with the
//! method's own decimals.

use serde_json::{Map, Value, json};

use super::names;
use crate::report::{Decimal, Details, Report, Round, TieBreak};

/// The report as one JSON object, pretty-printed.
pub fn json(report: &Report) -> String {
    // Serialising a `Value` cannot fail.
    serde_json::to_string_pretty(&json_value(report)).unwrap_or_default()
}

fn dec(d: Option<Decimal>) -> Value {
    d.map_or(Value::Null, |d| Value::String(d.to_string()))
}

fn tie(report: &Report, t: &TieBreak) -> Value {
    json!({
        "tied": names(report, &t.tied),
        "rules": t.rules.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
        "chosen": report.candidates[t.chosen],
    })
}

fn round(report: &Report, r: &Round) -> Value {
    let mut votes = Map::new();
    for (c, v) in r.votes.iter().enumerate() {
        if let Some(v) = v {
            votes.insert(report.candidates[c].clone(), Value::String(v.to_string()));
        }
    }
    let mut obj = json!({
        "stage": r.stage,
        "action": r.action,
        "quota": dec(r.quota),
        "votes": votes,
        "non_transferable": dec(r.non_transferable),
        "rounding_loss": dec(r.rounding_loss),
        "elected": names(report, &r.elected),
        "excluded": names(report, &r.excluded),
        "tie_break": r.tie_break.as_ref().map_or(Value::Null, |t| tie(report, t)),
    });
    if let (Some(kf), Value::Object(o)) = (&r.keep_factors, &mut obj) {
        let mut m = Map::new();
        for (c, k) in kf.iter().enumerate() {
            if let Some(k) = k {
                m.insert(report.candidates[c].clone(), Value::String(k.to_string()));
            }
        }
        o.insert("keep_factors".into(), Value::Object(m));
    }
    obj
}

/// The report as a JSON value.
pub fn json_value(report: &Report) -> Value {
    let details = match &report.details {
        Details::None => Value::Null,
        Details::Condorcet(d) => d.to_json(&report.candidates),
        Details::Approval(d) => d.to_json(&report.candidates),
        Details::Score(d) => d.to_json(&report.candidates),
        Details::SupportOppose(d) => d.to_json(&report.candidates),
        Details::MajorityJudgment(d) => d.to_json(&report.candidates),
        Details::Star(d) => d.to_json(&report.candidates),
    };
    json!({
        "format": 1,
        "method": report.method.name(),
        "title": report.title,
        "seats": report.seats,
        "ballots": report.ballots,
        "candidates": report.candidates,
        "withdrawn": names(report, &report.withdrawn),
        "elected": names(report, &report.elected),
        "vacant": report.vacant,
        "ranking": report.ranking.as_ref().map_or(Value::Null, |tiers| {
            Value::Array(tiers.iter().map(|t| json!(names(report, t))).collect())
        }),
        "rounds": report.rounds.iter().map(|r| round(report, r)).collect::<Vec<_>>(),
        "seed": report.seed.map_or(Value::Null, |s| json!(s.to_string())),
        "details": details,
    })
}
