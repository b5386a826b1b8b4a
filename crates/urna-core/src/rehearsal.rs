//! What a rehearsal finds in an election's definition before real voters meet it (issue 7,
//! "Rehearsal before opening"): pure checks over an [`Election`], no I/O and no clock (the
//! caller passes `now`). The web layer adds what only it can see (the voter list's size, the
//! mail server, what happened when synthetic voters voted and the count ran) as further
//! [`FindingKind`]s, so that one list of findings, with one severity rule, reaches the admin
//! page, the API and `urna rehearse`.
//!
//! **Severity.** An [`Severity::Error`] blocks opening unless an admin overrides it with a
//! reason (logged); a [`Severity::Warning`] does not; [`Severity::Info`] spells something out
//! (the AoE conversion) that an admin should read once.
//!
//! **Messages.** Each finding has a stable [`FindingKind::code`] (the web layer's Fluent
//! message is `rehearsal-<code>`) and named arguments ([`FindingKind::args`]); `Display`
//! gives the English text for logs and the CLI.

use std::fmt;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::election::Election;
use crate::question::BallotType;
use crate::window::{ElectionZone, WindowError};

/// The longest candidate name, in characters, that a published BLT file carries. The BLT
/// format itself has no limit, but counting programs print names in fixed columns (the ERS
/// count sheet) and several readers keep a fixed buffer; Urna sets its own limit here, so
/// that the ballot files it publishes open anywhere and a name that will be cut is caught.
pub const BLT_NAME_MAX_CHARS: usize = 100;

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// For reading once (the AoE conversion).
    Info,
    /// Worth fixing; does not block opening.
    Warning,
    /// Blocks opening unless an admin overrides it with a reason.
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Which end of the voting window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WindowEdge {
    Opens,
    Closes,
}

impl WindowEdge {
    pub fn name(self) -> &'static str {
        match self {
            WindowEdge::Opens => "opens",
            WindowEdge::Closes => "closes",
        }
    }
}

/// One problem, or one fact worth spelling out. Values are already formatted for people
/// (local times with their zone, question and candidate ids).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum FindingKind {
    NoQuestions,
    NoWindow,
    /// The end of voting has passed (or is now).
    DeadlineInPast {
        closes: String,
    },
    /// The start has passed: opening by hand moves it to now, the scheduler never opens it.
    OpensInPast {
        opens: String,
    },
    /// The local time announced for an edge happens twice in the zone (clocks go back):
    /// voters reading it cannot tell which. `window.rs` refuses such times when typed in;
    /// an instant stored another way (the API, an import) can still land there.
    AmbiguousLocalTime {
        edge: WindowEdge,
        local: String,
        zone: String,
        first: String,
        second: String,
    },
    /// The edge in AoE, spelled out in UTC ("ends 2026-12-01 23:59 AoE = 2026-12-02 11:59 UTC").
    AoeConversion {
        edge: WindowEdge,
        local: String,
        utc: String,
    },
    /// A text lacks a version in one of the election's languages (the default shows instead).
    MissingTranslation {
        text: String,
        languages: String,
    },
    /// A candidate name longer than [`BLT_NAME_MAX_CHARS`] in a question whose ballots are
    /// published as BLT.
    NameTooLongForBlt {
        question: String,
        candidate: String,
        lang: String,
        chars: usize,
        limit: usize,
    },
    /// A candidate name with a character a BLT file cannot carry (a line break or another
    /// control character: BLT is line-based, one quoted name per line).
    NameUnfitForBlt {
        question: String,
        candidate: String,
        lang: String,
        character: String,
    },
    /// Fewer candidates still standing than seats: seats stay empty whatever voters do.
    FewerCandidatesThanSeats {
        question: String,
        candidates: usize,
        seats: usize,
    },
    /// As many candidates as seats: every candidate is elected whatever voters do.
    Uncontested {
        question: String,
        seats: usize,
    },
    /// Nobody is on the voter list.
    NoVoters,
    /// Voters are listed but the eligibility rules admit none of them (all revoked).
    NobodyEligible {
        listed: usize,
    },
    /// The election mails voting links, and its mail server could not be reached.
    MailUnreachable {
        server: String,
        error: String,
    },
    /// The count of the rehearsal left seats empty.
    SeatsLeftEmpty {
        question: String,
        elected: usize,
        seats: usize,
    },
    /// A step of the rehearsal (set-up, key ceremony, voting, count) failed.
    StepFailed {
        step: String,
        error: String,
    },
    /// Synthetic voters whose ballots were not accepted.
    BallotsRefused {
        refused: usize,
        voters: usize,
    },
}

impl FindingKind {
    /// The stable code (`deadline-in-past`), also the suffix of the Fluent message id.
    pub fn code(&self) -> &'static str {
        match self {
            FindingKind::NoQuestions => "no-questions",
            FindingKind::NoWindow => "no-window",
            FindingKind::DeadlineInPast { .. } => "deadline-in-past",
            FindingKind::OpensInPast { .. } => "opens-in-past",
            FindingKind::AmbiguousLocalTime { .. } => "ambiguous-local-time",
            FindingKind::AoeConversion { .. } => "aoe-conversion",
            FindingKind::MissingTranslation { .. } => "missing-translation",
            FindingKind::NameTooLongForBlt { .. } => "name-too-long-for-blt",
            FindingKind::NameUnfitForBlt { .. } => "name-unfit-for-blt",
            FindingKind::FewerCandidatesThanSeats { .. } => "fewer-candidates-than-seats",
            FindingKind::Uncontested { .. } => "uncontested",
            FindingKind::NoVoters => "no-voters",
            FindingKind::NobodyEligible { .. } => "nobody-eligible",
            FindingKind::MailUnreachable { .. } => "mail-unreachable",
            FindingKind::SeatsLeftEmpty { .. } => "seats-left-empty",
            FindingKind::StepFailed { .. } => "step-failed",
            FindingKind::BallotsRefused { .. } => "ballots-refused",
        }
    }

    /// How much it matters (see the module documentation).
    pub fn severity(&self) -> Severity {
        match self {
            FindingKind::AoeConversion { .. } => Severity::Info,
            FindingKind::MissingTranslation { .. }
            | FindingKind::Uncontested { .. }
            | FindingKind::OpensInPast { .. }
            | FindingKind::SeatsLeftEmpty { .. } => Severity::Warning,
            FindingKind::NoQuestions
            | FindingKind::NoWindow
            | FindingKind::DeadlineInPast { .. }
            | FindingKind::AmbiguousLocalTime { .. }
            | FindingKind::NameTooLongForBlt { .. }
            | FindingKind::NameUnfitForBlt { .. }
            | FindingKind::FewerCandidatesThanSeats { .. }
            | FindingKind::NoVoters
            | FindingKind::NobodyEligible { .. }
            | FindingKind::MailUnreachable { .. }
            | FindingKind::StepFailed { .. }
            | FindingKind::BallotsRefused { .. } => Severity::Error,
        }
    }

    /// The named arguments of its message, as Fluent variables.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        let value = serde_json::to_value(self).unwrap_or(serde_json::Value::Null);
        let mut out = Vec::new();
        if let serde_json::Value::Object(fields) = value {
            for (name, v) in fields {
                if name == "code" {
                    continue;
                }
                let text = match v {
                    serde_json::Value::String(s) => s,
                    other => other.to_string(),
                };
                if let Some(name) = ARG_NAMES.iter().find(|n| **n == name) {
                    out.push((*name, text));
                }
            }
        }
        out
    }
}

/// Every argument name a finding has (Fluent wants `&'static str` names).
const ARG_NAMES: &[&str] = &[
    "closes",
    "opens",
    "edge",
    "local",
    "zone",
    "first",
    "second",
    "utc",
    "text",
    "languages",
    "question",
    "candidate",
    "lang",
    "chars",
    "limit",
    "character",
    "candidates",
    "seats",
    "listed",
    "server",
    "error",
    "elected",
    "step",
    "refused",
    "voters",
];

impl fmt::Display for FindingKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FindingKind::NoQuestions => write!(f, "the election has no questions"),
            FindingKind::NoWindow => write!(f, "the election has no voting window"),
            FindingKind::DeadlineInPast { closes } => {
                write!(f, "the end of voting, {closes}, has already passed")
            }
            FindingKind::OpensInPast { opens } => write!(
                f,
                "the start of voting, {opens}, has passed: the scheduler will not open it; \
                 opening by hand moves the start to now"
            ),
            FindingKind::AmbiguousLocalTime {
                edge,
                local,
                zone,
                first,
                second,
            } => write!(
                f,
                "voting {} at {local} in {zone}, a time that happens twice there (first at \
                 UTC{first}, then at UTC{second}) when the clocks go back: choose another time",
                edge.name()
            ),
            FindingKind::AoeConversion { edge, local, utc } => {
                write!(f, "voting {} {local} = {utc}", edge.name())
            }
            FindingKind::MissingTranslation { text, languages } => {
                write!(f, "{text} has no translation into {languages}")
            }
            FindingKind::NameTooLongForBlt {
                question,
                candidate,
                lang,
                chars,
                limit,
            } => write!(
                f,
                "the name of {candidate} in question {question} ({lang}) has {chars} \
                 characters; a ballot file (BLT) carries at most {limit}"
            ),
            FindingKind::NameUnfitForBlt {
                question,
                candidate,
                lang,
                character,
            } => write!(
                f,
                "the name of {candidate} in question {question} ({lang}) contains {character}, \
                 which a ballot file (BLT) cannot carry"
            ),
            FindingKind::FewerCandidatesThanSeats {
                question,
                candidates,
                seats,
            } => write!(
                f,
                "question {question} has {candidates} candidates standing for {seats} seats: \
                 seats will stay empty"
            ),
            FindingKind::Uncontested { question, seats } => write!(
                f,
                "question {question} has exactly as many candidates as seats ({seats}): all \
                 are elected whatever the votes"
            ),
            FindingKind::NoVoters => write!(f, "the voter list is empty"),
            FindingKind::NobodyEligible { listed } => write!(
                f,
                "{listed} voters are listed, but the eligibility rules admit none of them"
            ),
            FindingKind::MailUnreachable { server, error } => write!(
                f,
                "voting links are e-mailed, but the mail server {server} cannot be reached: \
                 {error}"
            ),
            FindingKind::SeatsLeftEmpty {
                question,
                elected,
                seats,
            } => write!(
                f,
                "the rehearsal's count of question {question} filled {elected} of {seats} seats"
            ),
            FindingKind::StepFailed { step, error } => {
                write!(f, "the rehearsal failed at {step}: {error}")
            }
            FindingKind::BallotsRefused { refused, voters } => write!(
                f,
                "{refused} of {voters} synthetic voters could not cast a valid ballot"
            ),
        }
    }
}

/// A finding with its severity (stored with it, so a stored report reads the same later).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub severity: Severity,
    #[serde(flatten)]
    pub kind: FindingKind,
}

impl From<FindingKind> for Finding {
    fn from(kind: FindingKind) -> Finding {
        Finding {
            severity: kind.severity(),
            kind,
        }
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.severity.name(), self.kind)
    }
}

/// Whether any finding blocks opening.
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

/// Everything the definition alone shows at `now`: the window, the texts, the candidate
/// names as BLT carries them, the questions' seats. `voters` and `eligible` are the voter
/// list's size and how many of it the eligibility rules admit (kept by the store).
pub fn definition_findings(
    election: &Election,
    now: Timestamp,
    voters: usize,
    eligible: usize,
) -> Vec<Finding> {
    let mut out: Vec<FindingKind> = Vec::new();
    if election.questions().is_empty() {
        out.push(FindingKind::NoQuestions);
    }
    window_findings(election, now, &mut out);
    for missing in election.missing_translations() {
        let languages: Vec<&str> = missing.languages.iter().map(|l| l.as_str()).collect();
        out.push(FindingKind::MissingTranslation {
            text: missing.target.to_string(),
            languages: languages.join(", "),
        });
    }
    name_findings(election, &mut out);
    seat_findings(election, &mut out);
    if voters == 0 {
        out.push(FindingKind::NoVoters);
    } else if eligible == 0 {
        out.push(FindingKind::NobodyEligible { listed: voters });
    }
    out.into_iter().map(Finding::from).collect()
}

fn window_findings(election: &Election, now: Timestamp, out: &mut Vec<FindingKind>) {
    let Some(window) = election.window() else {
        out.push(FindingKind::NoWindow);
        return;
    };
    let zone = window.zone();
    let utc = ElectionZone::parse("UTC").ok();
    if window.closes() <= now {
        out.push(FindingKind::DeadlineInPast {
            closes: zone.local(window.closes()).to_string(),
        });
    } else if window.opens() < now {
        out.push(FindingKind::OpensInPast {
            opens: zone.local(window.opens()).to_string(),
        });
    }
    for (edge, instant) in [
        (WindowEdge::Opens, window.opens()),
        (WindowEdge::Closes, window.closes()),
    ] {
        let local = zone.local(instant);
        // Asking the zone for the instant of the local time announced shows whether that
        // local time names one instant (the refusal window.rs gives a typed-in time).
        if let Err(WindowError::AmbiguousLocalTime {
            local,
            zone,
            first,
            second,
        }) = zone.instant_at(local.datetime)
        {
            out.push(FindingKind::AmbiguousLocalTime {
                edge,
                local,
                zone,
                first,
                second,
            });
        }
        if matches!(zone, ElectionZone::Aoe)
            && let Some(utc) = &utc
        {
            out.push(FindingKind::AoeConversion {
                edge,
                local: local.to_string(),
                utc: utc.local(instant).to_string(),
            });
        }
    }
}

fn name_findings(election: &Election, out: &mut Vec<FindingKind>) {
    for question in election.questions() {
        // Only ranked and choose-one questions publish their ballots as BLT.
        if !matches!(
            question.ballot_type,
            BallotType::Ranked { .. } | BallotType::ChooseOne
        ) {
            continue;
        }
        for candidate in &question.options {
            for (lang, name) in candidate.name.iter() {
                let chars = name.chars().count();
                if chars > BLT_NAME_MAX_CHARS {
                    out.push(FindingKind::NameTooLongForBlt {
                        question: question.id.to_string(),
                        candidate: candidate.id.to_string(),
                        lang: lang.to_string(),
                        chars,
                        limit: BLT_NAME_MAX_CHARS,
                    });
                }
                if let Some(bad) = name.chars().find(|c| c.is_control()) {
                    out.push(FindingKind::NameUnfitForBlt {
                        question: question.id.to_string(),
                        candidate: candidate.id.to_string(),
                        lang: lang.to_string(),
                        character: format!("U+{:04X}", u32::from(bad)),
                    });
                }
            }
        }
    }
}

fn seat_findings(election: &Election, out: &mut Vec<FindingKind>) {
    for question in election.questions() {
        let standing = question.options.iter().filter(|c| !c.withdrawn).count();
        if standing < question.seats {
            out.push(FindingKind::FewerCandidatesThanSeats {
                question: question.id.to_string(),
                candidates: standing,
                seats: question.seats,
            });
        } else if standing == question.seats {
            out.push(FindingKind::Uncontested {
                question: question.id.to_string(),
                seats: question.seats,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::election::ElectionSpec;

    fn ts(s: &str) -> Timestamp {
        s.parse().expect("timestamp")
    }

    /// A clean election: AoE window, two languages with every text translated, a ranked
    /// question of 3 candidates for 1 seat.
    fn spec() -> serde_json::Value {
        let t = |en: &str, fr: &str| serde_json::json!({"default": "en", "texts": {"en": en, "fr": fr}});
        serde_json::json!({
            "id": "01JD0000000000000000000000",
            "slug": "clean",
            "languages": ["en", "fr"],
            "title": t("Board", "Conseil"),
            "window": {"opens": "2026-11-30T12:00:00Z", "closes": "2026-12-02T11:59:00Z", "zone": "AoE"},
            "questions": [{
                "id": "board", "title": t("Board", "Conseil"), "description": null,
                "ballot_type": {"type": "ranked", "max_ranks": null, "allow_equal": false},
                "method": "meek", "seats": 1,
                "options": [
                    {"id": "ann", "name": t("Ann", "Ann")},
                    {"id": "bob", "name": t("Bob", "Bob")},
                    {"id": "cleo", "name": t("Cleo", "Cleo")}
                ]
            }]
        })
    }

    fn election(value: serde_json::Value) -> Election {
        let spec: ElectionSpec = serde_json::from_value(value).expect("spec");
        Election::try_from(spec).expect("election")
    }

    fn codes(findings: &[Finding]) -> Vec<&'static str> {
        findings.iter().map(|f| f.kind.code()).collect()
    }

    #[test]
    fn a_clean_election_has_only_the_aoe_conversion() {
        let e = election(spec());
        let found = definition_findings(&e, ts("2026-11-01T00:00:00Z"), 10, 10);
        assert_eq!(codes(&found), ["aoe-conversion", "aoe-conversion"]);
        assert!(!has_errors(&found));
        // The example: 23:59 AoE (UTC−12) on 1 December is 11:59 UTC on 2 December.
        assert_eq!(
            found[1].kind.to_string(),
            "voting closes 2026-12-01 23:59 AoE (UTC\u{2212}12) = 2026-12-02 11:59 UTC"
        );
        assert_eq!(found[1].severity, Severity::Info);
    }

    #[test]
    fn a_past_deadline_is_an_error() {
        let e = election(spec());
        let found = definition_findings(&e, ts("2026-12-02T11:59:00Z"), 10, 10);
        assert!(codes(&found).contains(&"deadline-in-past"), "{found:?}");
        assert!(has_errors(&found));
    }

    #[test]
    fn an_ambiguous_local_deadline_is_found() {
        // Europe/Berlin goes back from CEST (UTC+2) to CET (UTC+1) at 03:00 on 2026-10-25:
        // 02:30 local happens at 00:30 UTC and again at 01:30 UTC. Ending at 00:30 UTC
        // shows as "02:30", which names two instants.
        let mut v = spec();
        v["window"] = serde_json::json!({
            "opens": "2026-10-20T10:00:00Z", "closes": "2026-10-25T00:30:00Z", "zone": "Europe/Berlin"
        });
        let found = definition_findings(&election(v), ts("2026-10-01T00:00:00Z"), 1, 1);
        let ambiguous: Vec<&Finding> = found
            .iter()
            .filter(|f| f.kind.code() == "ambiguous-local-time")
            .collect();
        assert_eq!(ambiguous.len(), 1, "{found:?}");
        assert!(matches!(
            &ambiguous[0].kind,
            FindingKind::AmbiguousLocalTime { edge: WindowEdge::Closes, local, .. } if local == "2026-10-25 02:30"
        ));
        assert_eq!(ambiguous[0].severity, Severity::Error);
    }

    #[test]
    fn missing_translations_are_warnings() {
        let mut v = spec();
        v["questions"][0]["options"][1]["name"] =
            serde_json::json!({"default": "en", "texts": {"en": "Bob"}});
        let found = definition_findings(&election(v), ts("2026-11-01T00:00:00Z"), 1, 1);
        let missing: Vec<String> = found
            .iter()
            .filter(|f| f.kind.code() == "missing-translation")
            .map(|f| f.kind.to_string())
            .collect();
        assert_eq!(
            missing,
            ["the name of bob in question board has no translation into fr"]
        );
        assert!(!has_errors(&found));
    }

    #[test]
    fn names_a_blt_file_cannot_carry_are_errors() {
        let mut v = spec();
        // 101 characters: one over the limit; a line break inside a name.
        v["questions"][0]["options"][0]["name"]["texts"]["fr"] =
            serde_json::Value::String("é".repeat(101));
        v["questions"][0]["options"][2]["name"]["texts"]["en"] =
            serde_json::Value::String("Cleo\nLee".into());
        let found = definition_findings(&election(v), ts("2026-11-01T00:00:00Z"), 1, 1);
        let blt: Vec<&FindingKind> = found
            .iter()
            .map(|f| &f.kind)
            .filter(|k| k.code().ends_with("blt"))
            .collect();
        assert_eq!(
            blt,
            [
                &FindingKind::NameTooLongForBlt {
                    question: "board".into(),
                    candidate: "ann".into(),
                    lang: "fr".into(),
                    chars: 101,
                    limit: 100
                },
                &FindingKind::NameUnfitForBlt {
                    question: "board".into(),
                    candidate: "cleo".into(),
                    lang: "en".into(),
                    character: "U+000A".into()
                }
            ]
        );
        assert!(has_errors(&found));
    }

    #[test]
    fn withdrawals_can_leave_fewer_candidates_than_seats() {
        let mut v = spec();
        v["questions"][0]["seats"] = serde_json::json!(2);
        v["questions"][0]["options"][0]["withdrawn"] = serde_json::json!(true);
        let found = definition_findings(&election(v.clone()), ts("2026-11-01T00:00:00Z"), 1, 1);
        assert!(codes(&found).contains(&"uncontested"), "{found:?}");
        v["questions"][0]["options"][1]["withdrawn"] = serde_json::json!(true);
        let found = definition_findings(&election(v), ts("2026-11-01T00:00:00Z"), 1, 1);
        assert!(
            found.contains(&Finding::from(FindingKind::FewerCandidatesThanSeats {
                question: "board".into(),
                candidates: 1,
                seats: 2
            })),
            "{found:?}"
        );
    }

    #[test]
    fn an_empty_or_all_ineligible_voter_list_is_an_error() {
        let e = election(spec());
        let now = ts("2026-11-01T00:00:00Z");
        assert!(codes(&definition_findings(&e, now, 0, 0)).contains(&"no-voters"));
        assert!(codes(&definition_findings(&e, now, 5, 0)).contains(&"nobody-eligible"));
    }

    #[test]
    fn arguments_name_every_field() {
        let kind = FindingKind::FewerCandidatesThanSeats {
            question: "q".into(),
            candidates: 1,
            seats: 2,
        };
        let mut args = kind.args();
        args.sort();
        assert_eq!(
            args,
            [
                ("candidates", "1".to_owned()),
                ("question", "q".to_owned()),
                ("seats", "2".to_owned())
            ]
        );
        // Stored and read back, a finding is the same.
        let finding = Finding::from(kind);
        let json = serde_json::to_string(&finding).expect("json");
        assert_eq!(
            serde_json::from_str::<Finding>(&json).expect("read"),
            finding
        );
    }
}
