//! The quorum and turnout tracker: how many voters have voted, hour by hour, against an
//! optional quorum (a number of voters the election needs).
//!
//! Built from the private record of when voters voted, only as counts per UTC hour of each
//! voter's first vote (voters whose ballot was struck and who did not vote again are not
//! counted), so no individual time is shown. Drawn as a bar chart of voters so far with the
//! quorum as a line ([`chart_svg`], on urna-tally's shared SVG bars), and given as JSON.

use jiff::Timestamp;
use serde::Serialize;
use urna_store::Db;
use urna_store::notify::HOUR_MICROS;
use urna_tally::render::svg::{Bar, Marker, horizontal_bars};

use super::{Actor, LoadedElection, ServiceError, commit_audited, micros};

/// A quorum: at least one voter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quorum(i64);

impl Quorum {
    /// A whole number of voters, at least 1. Blank means no quorum (`None`).
    pub fn parse(text: &str) -> Result<Option<Quorum>, ServiceError> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        match text.parse::<i64>() {
            Ok(n) if n >= 1 => Ok(Some(Quorum(n))),
            _ => Err(ServiceError::Refused(format!(
                "{text:?} is not a quorum: give a whole number of voters, at least 1, or leave it empty"
            ))),
        }
    }

    pub fn voters(self) -> i64 {
        self.0
    }
}

/// Voters so far at the end of one hour in which some voted for the first time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HourPoint {
    /// The hour's start, UTC (RFC 3339).
    pub hour: String,
    /// The hour's start in the election's zone, for people (`2026-11-26 14:00 CET`).
    #[serde(skip)]
    pub local: String,
    /// Voters whose first vote fell in this hour.
    pub new_voters: i64,
    /// Voters so far, at the end of this hour.
    pub voters: i64,
}

/// Turnout over time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TurnoutTimeline {
    /// Voters not revoked.
    pub eligible: i64,
    /// Voters with a counted ballot now.
    pub voted: i64,
    pub quorum: Option<i64>,
    /// Whether `voted` reaches the quorum (`None` without one).
    pub quorum_reached: Option<bool>,
    /// Only hours in which someone first voted, oldest first.
    pub hours: Vec<HourPoint>,
}

pub async fn turnout_over_time(db: &Db, slug: &str) -> Result<TurnoutTimeline, ServiceError> {
    let loaded = super::load(db, slug).await?;
    timeline_of(db, &loaded).await
}

async fn timeline_of(db: &Db, loaded: &LoadedElection) -> Result<TurnoutTimeline, ServiceError> {
    let totals = db.turnout(loaded.row_id).await?;
    let quorum = db.quorum(loaded.row_id).await?;
    let mut so_far = 0;
    let hours = db
        .first_votes_by_hour(loaded.row_id)
        .await?
        .into_iter()
        .map(|h| {
            so_far += h.voters;
            let start = h
                .hour
                .checked_mul(HOUR_MICROS)
                .and_then(|us| Timestamp::from_microsecond(us).ok())
                .ok_or_else(|| super::corrupt("turnout per hour", format!("hour {}", h.hour)))?;
            let local = match loaded.election.window() {
                Some(w) => w.zone().local(start).to_string(),
                None => start.to_string(),
            };
            Ok(HourPoint {
                hour: start.to_string(),
                local,
                new_voters: h.voters,
                voters: so_far,
            })
        })
        .collect::<Result<Vec<_>, ServiceError>>()?;
    Ok(TurnoutTimeline {
        eligible: totals.eligible,
        voted: totals.voted,
        quorum,
        quorum_reached: quorum.map(|q| totals.voted >= q),
        hours,
    })
}

/// Sets or removes the quorum (logged). Allowed until the election is counted.
pub async fn set_quorum(
    db: &Db,
    slug: &str,
    quorum: Option<Quorum>,
    actor: Actor,
    now: Timestamp,
) -> Result<(), ServiceError> {
    let loaded = super::load(db, slug).await?;
    let mut tx = db.begin_write().await?;
    tx.set_quorum(loaded.row_id, quorum.map(Quorum::voters), micros(now))
        .await?;
    commit_audited(
        tx,
        loaded.row_id,
        actor,
        "quorum_set",
        &serde_json::json!({ "voters": quorum.map(Quorum::voters) }),
        now,
    )
    .await
}

/// The most bars a chart draws: more hours are drawn in groups of consecutive hours (each
/// bar the voters so far at its group's last hour); the table keeps every hour.
pub const MAX_BARS: usize = 48;

/// The texts of a chart, in the reader's language.
#[derive(Debug)]
pub struct ChartTexts {
    pub title: String,
    /// The quorum line's label.
    pub quorum: String,
}

/// The turnout chart, or `None` before anyone voted.
pub fn chart_svg(timeline: &TurnoutTimeline, texts: &ChartTexts) -> Option<String> {
    if timeline.hours.is_empty() {
        return None;
    }
    let per_bar = timeline.hours.len().div_ceil(MAX_BARS);
    let bars: Vec<Bar<'_>> = timeline
        .hours
        .chunks(per_bar)
        .filter_map(<[HourPoint]>::last)
        .map(|h| Bar {
            label: &h.local,
            // Voter counts stay far below 2^53: exact as f64 (only geometry uses floats).
            value: h.voters as f64,
            shown: h.voters.to_string(),
            class: "turnout",
        })
        .collect();
    let marker = timeline.quorum.map(|q| Marker {
        value: q as f64,
        label: texts.quorum.clone(),
        class: "quorum",
    });
    Some(horizontal_bars(
        "turnout-chart-title",
        &texts.title,
        &bars,
        marker.as_ref(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(i: i64, voters: i64) -> HourPoint {
        HourPoint {
            hour: format!("h{i}"),
            local: format!("hour {i}"),
            new_voters: 1,
            voters,
        }
    }

    #[test]
    fn quorums_parse_and_bad_ones_are_named() {
        assert_eq!(Quorum::parse(" 120 ").unwrap(), Some(Quorum(120)));
        assert_eq!(Quorum::parse("").unwrap(), None);
        for bad in ["0", "-3", "12.5", "many"] {
            let err = Quorum::parse(bad).unwrap_err().to_string();
            assert!(err.contains(&format!("{bad:?}")), "{err}");
        }
    }

    #[test]
    fn more_hours_than_bars_are_grouped_and_the_last_of_each_group_is_drawn() {
        // 100 hours, voters so far 1..=100: ceil(100 / 48) = 3 hours a bar, so 34 bars, the
        // last one the lone 100th hour (99 = 33 × 3 hours before it).
        let timeline = TurnoutTimeline {
            eligible: 200,
            voted: 100,
            quorum: Some(150),
            quorum_reached: Some(false),
            hours: (1..=100).map(|i| point(i, i)).collect(),
        };
        let texts = ChartTexts {
            title: "Turnout".into(),
            quorum: "Quorum: 150".into(),
        };
        let svg = chart_svg(&timeline, &texts).unwrap();
        assert_eq!(svg.matches("<rect").count(), 34);
        assert!(svg.contains(">hour 3<"), "the first bar is the third hour");
        assert!(!svg.contains(">hour 2<"));
        assert!(svg.contains(">hour 100<"));
        // The quorum (150) is the largest value: its line spans the full 480 units.
        assert!(svg.contains(r#"<line class="quorum" x1="700.0""#), "{svg}");
        let empty = TurnoutTimeline {
            hours: vec![],
            ..timeline
        };
        assert_eq!(chart_svg(&empty, &texts), None);
    }
}
