//! The voting window: when an election opens and closes, and the time zone its dates are
//! announced in — a named IANA zone (`Europe/Berlin`) or "Anywhere on Earth" (AoE, the fixed
//! offset UTC−12: a deadline of "23:59 AoE" has passed nowhere on Earth before it passes at
//! UTC−12).
//!
//! The window is the half-open interval `[opens, closes)` of instants: at `closes` exactly the
//! election is closed. Instants are what is stored and compared; the zone is for people.
//!
//! **Local times at clock changes.** [`VotingWindow::from_local`] refuses a local time that
//! does not exist (skipped when clocks go forward) or happens twice (when clocks go back), and
//! says which, rather than guessing: a deadline must mean one instant, and the admin is the
//! one who knows which.

use std::fmt;

use jiff::civil::DateTime;
use jiff::tz::{AmbiguousOffset, Offset, TimeZone};
use jiff::{Timestamp, ZonedDateTime};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// AoE: UTC−12 all year.
const AOE_HOURS: i8 = -12;

/// The zone an election's dates are given in.
#[derive(Clone, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum ElectionZone {
    /// A zone of the IANA time zone database.
    Iana(IanaZone),
    /// Anywhere on Earth: UTC−12.
    Aoe,
}

/// An IANA time zone name that the time zone database knows, with its rules.
#[derive(Clone)]
pub struct IanaZone {
    name: String,
    tz: TimeZone,
}

impl fmt::Debug for IanaZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "IanaZone({})", self.name)
    }
}

impl IanaZone {
    pub fn name(&self) -> &str {
        &self.name
    }
}

impl PartialEq for ElectionZone {
    fn eq(&self, other: &Self) -> bool {
        self.name() == other.name()
    }
}

impl Eq for ElectionZone {}

impl fmt::Debug for ElectionZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ElectionZone({})", self.name())
    }
}

impl fmt::Display for ElectionZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum WindowError {
    #[error("{0:?} is not a time zone: use an IANA name such as \"Europe/Berlin\" or \"AoE\"")]
    UnknownZone(String),
    #[error("the window must close after it opens: it opens {opens} and closes {closes}")]
    ClosesBeforeOpens { opens: String, closes: String },
    #[error(
        "{local} does not exist in {zone}: the clocks skip it (from UTC{before} to UTC{after}); choose another time"
    )]
    NonexistentLocalTime {
        local: String,
        zone: String,
        before: String,
        after: String,
    },
    #[error(
        "{local} happens twice in {zone} (first at UTC{first}, then at UTC{second}) when the clocks go back; choose another time"
    )]
    AmbiguousLocalTime {
        local: String,
        zone: String,
        first: String,
        second: String,
    },
    #[error("{0} is outside the supported range of dates")]
    OutOfRange(String),
    #[error("the new end {new} is not later than the current end {current}")]
    NotAnExtension { current: String, new: String },
}

impl ElectionZone {
    /// `AoE` (any case, or "Anywhere on Earth"), or an IANA zone name.
    pub fn parse(name: &str) -> Result<ElectionZone, WindowError> {
        let trimmed = name.trim();
        if trimmed.eq_ignore_ascii_case("aoe") || trimmed.eq_ignore_ascii_case("anywhere on earth")
        {
            return Ok(ElectionZone::Aoe);
        }
        let tz = jiff::tz::db()
            .get(trimmed)
            .map_err(|_| WindowError::UnknownZone(name.to_owned()))?;
        let name = tz.iana_name().unwrap_or(trimmed).to_owned();
        Ok(ElectionZone::Iana(IanaZone { name, tz }))
    }

    /// `AoE` or the IANA name.
    pub fn name(&self) -> &str {
        match self {
            ElectionZone::Iana(z) => &z.name,
            ElectionZone::Aoe => "AoE",
        }
    }

    pub fn time_zone(&self) -> TimeZone {
        match self {
            ElectionZone::Iana(z) => z.tz.clone(),
            ElectionZone::Aoe => TimeZone::fixed(Offset::constant(AOE_HOURS)),
        }
    }

    /// The instant at local time `local` in this zone; refuses times that do not exist or that
    /// happen twice (see the module documentation).
    pub fn instant_at(&self, local: DateTime) -> Result<Timestamp, WindowError> {
        let ambiguous = self.time_zone().to_ambiguous_timestamp(local);
        let out_of_range = || WindowError::OutOfRange(format_local(local));
        match ambiguous.offset() {
            AmbiguousOffset::Unambiguous { .. } => {
                ambiguous.compatible().map_err(|_| out_of_range())
            }
            AmbiguousOffset::Gap { before, after } => Err(WindowError::NonexistentLocalTime {
                local: format_local(local),
                zone: self.name().to_owned(),
                before: format_offset(before),
                after: format_offset(after),
            }),
            AmbiguousOffset::Fold { before, after } => Err(WindowError::AmbiguousLocalTime {
                local: format_local(local),
                zone: self.name().to_owned(),
                first: format_offset(before),
                second: format_offset(after),
            }),
        }
    }

    /// The local date and time of `ts` in this zone, with a label for the zone.
    pub fn local(&self, ts: Timestamp) -> LocalTime {
        let zoned: ZonedDateTime = ts.to_zoned_datetime(self.time_zone());
        let offset = zoned.offset();
        let label = match self {
            ElectionZone::Aoe => format!("AoE (UTC{})", format_offset(offset)),
            ElectionZone::Iana(z) => {
                let info = z.tz.to_offset_info(ts);
                let abbr = info.abbreviation();
                // Zones without a customary abbreviation have "+03" in the database.
                if abbr.starts_with(['+', '-']) || abbr.is_empty() {
                    format!("UTC{}", format_offset(offset))
                } else {
                    abbr.to_owned()
                }
            }
        };
        LocalTime {
            datetime: zoned.datetime(),
            offset,
            label,
        }
    }
}

impl TryFrom<String> for ElectionZone {
    type Error = WindowError;
    fn try_from(s: String) -> Result<ElectionZone, WindowError> {
        ElectionZone::parse(&s)
    }
}

impl From<ElectionZone> for String {
    fn from(z: ElectionZone) -> String {
        z.name().to_owned()
    }
}

/// An instant as local time in some zone. `Display`: `2026-11-30 23:59 AoE (UTC−12)`,
/// `2026-12-01 12:59 CET` (seconds shown only when not zero). The web layer may format
/// `datetime` with the reader's locale instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalTime {
    pub datetime: DateTime,
    pub offset: Offset,
    /// `AoE (UTC−12)`, an abbreviation such as `CET`, or `UTC+03` where there is none.
    pub label: String,
}

impl fmt::Display for LocalTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", format_local(self.datetime), self.label)
    }
}

/// `2026-11-30 23:59`, or `23:59:30` when the seconds are not zero.
fn format_local(dt: DateTime) -> String {
    let (y, mo, d) = (dt.year(), dt.month(), dt.day());
    let (h, mi, s) = (dt.hour(), dt.minute(), dt.second());
    if s == 0 {
        format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}")
    } else {
        format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}")
    }
}

/// `−12`, `+01`, `+05:30`, with a true minus sign (U+2212) as typography wants.
fn format_offset(o: Offset) -> String {
    let secs = o.seconds();
    let sign = if secs < 0 { '\u{2212}' } else { '+' };
    let abs = secs.unsigned_abs();
    let (h, m) = (abs / 3600, abs % 3600 / 60);
    if m == 0 {
        format!("{sign}{h:02}")
    } else {
        format!("{sign}{h:02}:{m:02}")
    }
}

/// Where an instant is relative to the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WindowStatus {
    Before,
    Open,
    After,
}

/// When voting is possible: `[opens, closes)`, announced in `zone`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "WindowSpec", into = "WindowSpec")]
pub struct VotingWindow {
    opens: Timestamp,
    closes: Timestamp,
    zone: ElectionZone,
}

/// The JSON shape of a [`VotingWindow`]: instants in RFC 3339 (`2026-12-01T11:59:00Z`) and the
/// zone name.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct WindowSpec {
    pub opens: Timestamp,
    pub closes: Timestamp,
    pub zone: ElectionZone,
}

impl TryFrom<WindowSpec> for VotingWindow {
    type Error = WindowError;
    fn try_from(s: WindowSpec) -> Result<VotingWindow, WindowError> {
        VotingWindow::new(s.opens, s.closes, s.zone)
    }
}

impl From<VotingWindow> for WindowSpec {
    fn from(w: VotingWindow) -> WindowSpec {
        WindowSpec {
            opens: w.opens,
            closes: w.closes,
            zone: w.zone,
        }
    }
}

impl VotingWindow {
    pub fn new(
        opens: Timestamp,
        closes: Timestamp,
        zone: ElectionZone,
    ) -> Result<VotingWindow, WindowError> {
        if closes <= opens {
            return Err(WindowError::ClosesBeforeOpens {
                opens: zone.local(opens).to_string(),
                closes: zone.local(closes).to_string(),
            });
        }
        Ok(VotingWindow {
            opens,
            closes,
            zone,
        })
    }

    /// A window given as local times in `zone` (what an admin types).
    pub fn from_local(
        opens: DateTime,
        closes: DateTime,
        zone: ElectionZone,
    ) -> Result<VotingWindow, WindowError> {
        let o = zone.instant_at(opens)?;
        let c = zone.instant_at(closes)?;
        VotingWindow::new(o, c, zone)
    }

    pub fn opens(&self) -> Timestamp {
        self.opens
    }

    pub fn closes(&self) -> Timestamp {
        self.closes
    }

    pub fn zone(&self) -> &ElectionZone {
        &self.zone
    }

    pub fn status_at(&self, now: Timestamp) -> WindowStatus {
        if now < self.opens {
            WindowStatus::Before
        } else if now < self.closes {
            WindowStatus::Open
        } else {
            WindowStatus::After
        }
    }

    /// The window with a later end.
    pub fn extended_to(&self, closes: Timestamp) -> Result<VotingWindow, WindowError> {
        if closes <= self.closes {
            return Err(WindowError::NotAnExtension {
                current: self.zone.local(self.closes).to_string(),
                new: self.zone.local(closes).to_string(),
            });
        }
        VotingWindow::new(self.opens, closes, self.zone.clone())
    }

    /// The window with another start (an election opened by hand before its scheduled start).
    pub fn with_opens(&self, opens: Timestamp) -> Result<VotingWindow, WindowError> {
        VotingWindow::new(opens, self.closes, self.zone.clone())
    }

    /// The window with another end (an election closed by hand before its scheduled end).
    pub fn with_closes(&self, closes: Timestamp) -> Result<VotingWindow, WindowError> {
        VotingWindow::new(self.opens, closes, self.zone.clone())
    }

    /// `ts` in the election's zone, and in the viewer's when it differs:
    /// `2026-11-30 23:59 AoE (UTC−12) = 2026-12-01 12:59 CET`.
    pub fn describe(&self, ts: Timestamp, viewer: Option<&ElectionZone>) -> String {
        let here = self.zone.local(ts);
        match viewer {
            Some(v) if *v != self.zone => {
                let there = v.local(ts);
                if there.datetime == here.datetime && there.offset == here.offset {
                    here.to_string()
                } else {
                    format!("{here} = {there}")
                }
            }
            _ => here.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    fn zone(name: &str) -> ElectionZone {
        ElectionZone::parse(name).unwrap()
    }

    fn ts(rfc3339: &str) -> Timestamp {
        rfc3339.parse().unwrap()
    }

    #[test]
    fn aoe_is_utc_minus_twelve() {
        // 2026-11-30 23:59 at UTC−12 is 2026-12-01 11:59 UTC, which is 12:59 in Berlin
        // (CET = UTC+1 in December).
        let w = VotingWindow::from_local(
            date(2026, 11, 1).at(0, 0, 0, 0),
            date(2026, 11, 30).at(23, 59, 0, 0),
            zone("AoE"),
        )
        .unwrap();
        assert_eq!(w.opens(), ts("2026-11-01T12:00:00Z"));
        assert_eq!(w.closes(), ts("2026-12-01T11:59:00Z"));
        assert_eq!(
            w.describe(w.closes(), Some(&zone("Europe/Berlin"))),
            "2026-11-30 23:59 AoE (UTC\u{2212}12) = 2026-12-01 12:59 CET"
        );
        // The IANA zone Etc/GMT+12 (POSIX sign: west of Greenwich) is the same offset.
        let etc = zone("Etc/GMT+12").instant_at(date(2026, 11, 30).at(23, 59, 0, 0));
        assert_eq!(etc.unwrap(), w.closes());
        assert_eq!(zone("anywhere on earth"), ElectionZone::Aoe);
    }

    #[test]
    fn status_is_half_open() {
        let w = VotingWindow::new(
            ts("2026-11-01T12:00:00Z"),
            ts("2026-12-01T11:59:00Z"),
            zone("AoE"),
        )
        .unwrap();
        assert_eq!(
            w.status_at(ts("2026-11-01T11:59:59Z")),
            WindowStatus::Before
        );
        assert_eq!(w.status_at(ts("2026-11-01T12:00:00Z")), WindowStatus::Open);
        assert_eq!(
            w.status_at(ts("2026-12-01T11:58:59.999Z")),
            WindowStatus::Open
        );
        assert_eq!(w.status_at(ts("2026-12-01T11:59:00Z")), WindowStatus::After);
    }

    #[test]
    fn dst_gap_in_berlin_is_refused() {
        // 2026-03-29 (last Sunday of March): 02:00 CET becomes 03:00 CEST; 02:30 never happens.
        let err = zone("Europe/Berlin")
            .instant_at(date(2026, 3, 29).at(2, 30, 0, 0))
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "2026-03-29 02:30 does not exist in Europe/Berlin: the clocks skip it (from UTC+01 to UTC+02); choose another time"
        );
        // 03:00 CEST exists: 01:00 UTC.
        assert_eq!(
            zone("Europe/Berlin")
                .instant_at(date(2026, 3, 29).at(3, 0, 0, 0))
                .unwrap(),
            ts("2026-03-29T01:00:00Z")
        );
    }

    #[test]
    fn dst_fold_in_berlin_is_refused() {
        // 2026-10-25 (last Sunday of October): 03:00 CEST becomes 02:00 CET; 02:30 happens at
        // 00:30 UTC and again at 01:30 UTC.
        let err = zone("Europe/Berlin")
            .instant_at(date(2026, 10, 25).at(2, 30, 0, 0))
            .unwrap_err();
        assert_eq!(
            err,
            WindowError::AmbiguousLocalTime {
                local: "2026-10-25 02:30".into(),
                zone: "Europe/Berlin".into(),
                first: "+02".into(),
                second: "+01".into(),
            }
        );
    }

    #[test]
    fn a_window_across_a_dst_change_uses_each_dates_offset() {
        // New York: 2026-03-01 09:00 EST (UTC−5) = 14:00 UTC; DST starts 2026-03-08, so
        // 2026-03-15 09:00 EDT (UTC−4) = 13:00 UTC.
        let ny = zone("America/New_York");
        let w = VotingWindow::from_local(
            date(2026, 3, 1).at(9, 0, 0, 0),
            date(2026, 3, 15).at(9, 0, 0, 0),
            ny.clone(),
        )
        .unwrap();
        assert_eq!(w.opens(), ts("2026-03-01T14:00:00Z"));
        assert_eq!(w.closes(), ts("2026-03-15T13:00:00Z"));
        assert_eq!(w.describe(w.opens(), None), "2026-03-01 09:00 EST");
        assert_eq!(w.describe(w.closes(), Some(&ny)), "2026-03-15 09:00 EDT");
        // India has no DST and a half-hour offset: 13:00 UTC = 18:30 IST.
        assert_eq!(
            w.describe(w.closes(), Some(&zone("Asia/Kolkata"))),
            "2026-03-15 09:00 EDT = 2026-03-15 18:30 IST"
        );
    }

    #[test]
    fn zones_without_abbreviation_show_the_offset() {
        // Asia/Riyadh is UTC+3 all year; the database abbreviation is "+03".
        let l = zone("Asia/Riyadh").local(ts("2026-12-01T11:59:30Z"));
        assert_eq!(l.to_string(), "2026-12-01 14:59:30 UTC+03");
    }

    #[test]
    fn bad_zones_and_windows_are_refused() {
        assert_eq!(
            ElectionZone::parse("Mars/Olympus").unwrap_err().to_string(),
            "\"Mars/Olympus\" is not a time zone: use an IANA name such as \"Europe/Berlin\" or \"AoE\""
        );
        let err = VotingWindow::new(
            ts("2026-12-01T00:00:00Z"),
            ts("2026-12-01T00:00:00Z"),
            zone("UTC"),
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "the window must close after it opens: it opens 2026-12-01 00:00 UTC and closes 2026-12-01 00:00 UTC"
        );
        let w = VotingWindow::new(
            ts("2026-12-01T00:00:00Z"),
            ts("2026-12-02T00:00:00Z"),
            zone("UTC"),
        )
        .unwrap();
        assert!(
            w.extended_to(ts("2026-12-01T12:00:00Z")).is_err(),
            "earlier is no extension"
        );
        assert_eq!(
            w.extended_to(ts("2026-12-03T00:00:00Z")).unwrap().closes(),
            ts("2026-12-03T00:00:00Z")
        );
    }

    #[test]
    fn json_round_trip() {
        let w = VotingWindow::new(
            ts("2026-11-01T12:00:00Z"),
            ts("2026-12-01T11:59:00Z"),
            zone("AoE"),
        )
        .unwrap();
        let json = serde_json::to_string(&w).unwrap();
        assert_eq!(
            json,
            r#"{"opens":"2026-11-01T12:00:00Z","closes":"2026-12-01T11:59:00Z","zone":"AoE"}"#
        );
        assert_eq!(serde_json::from_str::<VotingWindow>(&json).unwrap(), w);
        let bad =
            r#"{"opens":"2026-12-01T12:00:00Z","closes":"2026-11-01T11:59:00Z","zone":"AoE"}"#;
        assert!(serde_json::from_str::<VotingWindow>(bad).is_err());
        let bad =
            r#"{"opens":"2026-11-01T12:00:00Z","closes":"2026-12-01T11:59:00Z","zone":"CEST"}"#;
        let e = serde_json::from_str::<VotingWindow>(bad)
            .unwrap_err()
            .to_string();
        assert!(e.contains("\"CEST\" is not a time zone"), "{e}");
    }
}
