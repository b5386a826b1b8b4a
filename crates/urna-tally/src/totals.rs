//! Counting from totals: the per-option sums that a verifiable election's trustees decrypt
//! (`docs/record-format.md` §2, §5), never single ballots.
//!
//! A [`TotalsElection`] is the input (JSON, `docs/ballot-formats.md`, "Totals JSON"); it is
//! validated when built or parsed. [`count_totals`] counts it with every method whose result
//! is a function of these totals — plurality and block (choice totals), approval (approval
//! totals), score, son and mj (score histograms) — by calling the same rule code as
//! [`crate::methods::count`] does on whole ballots, so that the two give identical reports
//! (the property test `tests/totals.rs` checks it). STAR and the ranked methods need whole
//! ballots and return [`TallyError::Unsupported`].
//!
//! **Abstentions.** `weight` is the weight of every ballot counted for the question. A ballot
//! that chose, approved or scored no one is part of it exactly as an empty ballot is part of a
//! ballot file: it counts in the report's ballots (and, for plurality, in the non-transferable
//! votes; for a score histogram, as a blank).

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use thiserror::Error;

use crate::ballots::{CandidateId, ElectionInfo, ScoreScale, normalize_name, seed_from_digest};
use crate::error::{ParseError, TallyError};
use crate::methods::cardinal::{approval, mj, score, son};
use crate::methods::{Context, Method, Options, plurality};
use crate::report::Report;
use crate::scored::json_error;

/// The widest score scale (`max − min`) a totals histogram may have: the widest the score
/// methods keep a histogram for. (The record format allows `max − min ≤ 100`.)
pub const MAX_SCALE_SPAN: i64 = crate::methods::cardinal::MAX_SCALE_WIDTH - 1;

/// The kind of totals a method counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TotalsKind {
    /// Per option, the weight of the ballots that chose it (choose-one).
    Choice,
    /// Per option, the weight of the ballots that approved it.
    Approval,
    /// Per option, a histogram: the weight of blanks, then of each score.
    Score,
}

impl TotalsKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TotalsKind::Choice => "choice",
            TotalsKind::Approval => "approval",
            TotalsKind::Score => "score",
        }
    }
}

/// The kind of totals `method` counts from, or `None` when its result is not a function of
/// per-option totals (it needs whole ballots).
pub fn totals_kind(method: Method) -> Option<TotalsKind> {
    match method {
        Method::Plurality | Method::Block => Some(TotalsKind::Choice),
        Method::Approval => Some(TotalsKind::Approval),
        Method::Score | Method::Son | Method::Mj => Some(TotalsKind::Score),
        Method::Star
        | Method::Schulze
        | Method::RankedPairs
        | Method::Minimax
        | Method::Irv
        | Method::Meek
        | Method::MeekPrf
        | Method::ScottishStv
        | Method::Ers97
        | Method::Wigm => None,
    }
}

/// The score scale of score totals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TotalsScale {
    pub min: i64,
    pub max: i64,
}

impl From<TotalsScale> for ScoreScale {
    fn from(s: TotalsScale) -> ScoreScale {
        ScoreScale {
            min: s.min,
            max: s.max,
        }
    }
}

/// Per-option totals, in the candidates' order (withdrawn options included).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Totals {
    Choice {
        per_option: Vec<u64>,
    },
    Approval {
        per_option: Vec<u64>,
    },
    /// `histogram[c] = [blank, v_min, …, v_max]`: weights of the ballots leaving option `c`
    /// blank, then giving it each score.
    Score {
        scale: TotalsScale,
        histogram: Vec<Vec<u64>>,
    },
}

impl Totals {
    pub fn kind(&self) -> TotalsKind {
        match self {
            Totals::Choice { .. } => TotalsKind::Choice,
            Totals::Approval { .. } => TotalsKind::Approval,
            Totals::Score { .. } => TotalsKind::Score,
        }
    }
}

/// The fields of a [`TotalsElection`], unchecked: what JSON holds and what callers fill in.
/// [`TotalsElection::try_from`] checks them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TotalsElectionSpec {
    #[serde(default)]
    pub title: String,
    pub candidates: Vec<String>,
    pub seats: usize,
    #[serde(default)]
    pub withdrawn: Vec<CandidateId>,
    /// The number of ballots counted.
    pub ballots: u64,
    /// Their total weight.
    pub weight: u64,
    pub totals: Totals,
}

/// A validated election given by its totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "TotalsElectionSpec", into = "TotalsElectionSpec")]
pub struct TotalsElection {
    spec: TotalsElectionSpec,
}

/// Why totals are not a valid count input. Candidates are named by index (0-based) and name.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TotalsError {
    #[error("an election needs at least one candidate")]
    NoCandidates,
    #[error("candidate {0} has an empty name")]
    EmptyName(usize),
    #[error("candidates {first} and {second} are both named {name:?}")]
    DuplicateName {
        first: usize,
        second: usize,
        name: String,
    },
    #[error("the number of seats must be at least 1")]
    NoSeats,
    #[error("withdrawn candidate {index} does not exist ({candidates} candidates, from 0)")]
    WithdrawnOutOfRange { index: usize, candidates: usize },
    #[error("candidate {0} is listed as withdrawn twice")]
    WithdrawnTwice(usize),
    #[error("{ballots} ballots cannot weigh {weight} in all: every ballot weighs at least 1")]
    WeightBelowBallots { ballots: u64, weight: u64 },
    #[error("{found} {what} for {candidates} candidates")]
    WrongLength {
        what: &'static str,
        found: usize,
        candidates: usize,
    },
    #[error("the choices add up to {sum}, more than the ballots' weight {weight}")]
    ChoicesExceedWeight { sum: u128, weight: u64 },
    #[error("{name} has {total} approvals, more than the ballots' weight {weight}")]
    ApprovalsExceedWeight {
        name: String,
        total: u64,
        weight: u64,
    },
    #[error(
        "the scale {min}..{max} is not a range of at most {MAX_SCALE_SPAN} steps with min < max"
    )]
    BadScale { min: i64, max: i64 },
    #[error(
        "{name}'s histogram has {found} entries; the scale needs {expected} (blank, then each score)"
    )]
    HistogramWidth {
        name: String,
        found: usize,
        expected: usize,
    },
    #[error("{name}'s histogram adds up to {sum}, not the ballots' weight {weight}")]
    HistogramSum {
        name: String,
        sum: u128,
        weight: u64,
    },
}

impl TryFrom<TotalsElectionSpec> for TotalsElection {
    type Error = TotalsError;

    fn try_from(mut spec: TotalsElectionSpec) -> Result<Self, TotalsError> {
        let n = spec.candidates.len();
        if n == 0 {
            return Err(TotalsError::NoCandidates);
        }
        for name in &mut spec.candidates {
            *name = normalize_name(name);
        }
        for (i, name) in spec.candidates.iter().enumerate() {
            if name.is_empty() {
                return Err(TotalsError::EmptyName(i));
            }
            if let Some(first) = spec.candidates[..i].iter().position(|m| m == name) {
                return Err(TotalsError::DuplicateName {
                    first,
                    second: i,
                    name: name.clone(),
                });
            }
        }
        if spec.seats == 0 {
            return Err(TotalsError::NoSeats);
        }
        spec.withdrawn.sort_unstable();
        for (k, &index) in spec.withdrawn.iter().enumerate() {
            if index >= n {
                return Err(TotalsError::WithdrawnOutOfRange {
                    index,
                    candidates: n,
                });
            }
            if k > 0 && spec.withdrawn[k - 1] == index {
                return Err(TotalsError::WithdrawnTwice(index));
            }
        }
        if spec.weight < spec.ballots {
            return Err(TotalsError::WeightBelowBallots {
                ballots: spec.ballots,
                weight: spec.weight,
            });
        }
        let weight = spec.weight;
        let name = |c: usize| spec.candidates[c].clone();
        let check_len = |what, found| {
            if found == n {
                Ok(())
            } else {
                Err(TotalsError::WrongLength {
                    what,
                    found,
                    candidates: n,
                })
            }
        };
        match &spec.totals {
            Totals::Choice { per_option } => {
                check_len("choice totals", per_option.len())?;
                let sum: u128 = per_option.iter().map(|&t| u128::from(t)).sum();
                if sum > u128::from(weight) {
                    return Err(TotalsError::ChoicesExceedWeight { sum, weight });
                }
            }
            Totals::Approval { per_option } => {
                check_len("approval totals", per_option.len())?;
                if let Some(c) = per_option.iter().position(|&t| t > weight) {
                    return Err(TotalsError::ApprovalsExceedWeight {
                        name: name(c),
                        total: per_option[c],
                        weight,
                    });
                }
            }
            Totals::Score { scale, histogram } => {
                let width = scale
                    .max
                    .checked_sub(scale.min)
                    .filter(|&span| span > 0 && span <= MAX_SCALE_SPAN)
                    .ok_or(TotalsError::BadScale {
                        min: scale.min,
                        max: scale.max,
                    })?;
                // Blank, then each score of min..=max.
                let expected = width as usize + 2;
                check_len("histograms", histogram.len())?;
                for (c, row) in histogram.iter().enumerate() {
                    if row.len() != expected {
                        return Err(TotalsError::HistogramWidth {
                            name: name(c),
                            found: row.len(),
                            expected,
                        });
                    }
                    let sum: u128 = row.iter().map(|&t| u128::from(t)).sum();
                    if sum != u128::from(weight) {
                        return Err(TotalsError::HistogramSum {
                            name: name(c),
                            sum,
                            weight,
                        });
                    }
                }
            }
        }
        Ok(TotalsElection { spec })
    }
}

impl From<TotalsElection> for TotalsElectionSpec {
    fn from(e: TotalsElection) -> Self {
        e.spec
    }
}

impl TotalsElection {
    pub fn title(&self) -> &str {
        &self.spec.title
    }
    /// Candidate names (normalised), in order.
    pub fn candidates(&self) -> &[String] {
        &self.spec.candidates
    }
    pub fn seats(&self) -> usize {
        self.spec.seats
    }
    /// Withdrawn candidates' indices, sorted.
    pub fn withdrawn(&self) -> &[CandidateId] {
        &self.spec.withdrawn
    }
    pub fn ballots(&self) -> u64 {
        self.spec.ballots
    }
    pub fn weight(&self) -> u64 {
        self.spec.weight
    }
    pub fn totals(&self) -> &Totals {
        &self.spec.totals
    }

    /// What a count reports about the election apart from the totals.
    pub fn info(&self) -> ElectionInfo {
        ElectionInfo {
            title: normalize_name(&self.spec.title),
            candidates: self.spec.candidates.clone(),
            seats: self.spec.seats,
            withdrawn: self.spec.withdrawn.clone(),
            tie_order: None,
        }
    }

    /// The lot's seed when the user gives none: a digest of the canonical totals, so that the
    /// draw is reproducible from the input alone and cannot be known before the totals are.
    ///
    /// `SHA-256("urna-tally totals seed v1\0" ‖ u64 candidates ‖ u64 ballots ‖ u64 weight ‖
    /// kind)`, first 8 bytes little-endian, where kind is `0x01 ‖ each total` (choice),
    /// `0x02 ‖ each total` (approval) or `0x03 ‖ i64 min ‖ i64 max ‖ each histogram entry,
    /// option by option` (score); every integer little-endian on 8 bytes. Names, title and
    /// seats are left out, as in the ballots' seed.
    pub fn default_seed(&self) -> u64 {
        let mut h = Sha256::new();
        h.update(b"urna-tally totals seed v1\0");
        h.update((self.spec.candidates.len() as u64).to_le_bytes());
        h.update(self.spec.ballots.to_le_bytes());
        h.update(self.spec.weight.to_le_bytes());
        match &self.spec.totals {
            Totals::Choice { per_option } | Totals::Approval { per_option } => {
                h.update([match self.spec.totals.kind() {
                    TotalsKind::Choice => 1,
                    _ => 2,
                }]);
                for t in per_option {
                    h.update(t.to_le_bytes());
                }
            }
            Totals::Score { scale, histogram } => {
                h.update([3]);
                h.update(scale.min.to_le_bytes());
                h.update(scale.max.to_le_bytes());
                for t in histogram.iter().flatten() {
                    h.update(t.to_le_bytes());
                }
            }
        }
        seed_from_digest(&h.finalize())
    }
}

/// Reads totals JSON (`docs/ballot-formats.md`, "Totals JSON"); errors name the line and column.
pub fn parse(text: &str) -> Result<TotalsElection, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str(text).map_err(|e| json_error(text, &e))
}

/// Writes totals JSON, one line, keys in the documented order.
pub fn write(input: &TotalsElection) -> String {
    // Strings, integers and vectors only: serialising cannot fail.
    serde_json::to_string(&input.spec).unwrap_or_default()
}

/// Counts `input` with `method`: the same rules, options and report as [`crate::count`] on the
/// ballots the totals came from (the default seed aside: see
/// [`TotalsElection::default_seed`]).
pub fn count_totals(
    method: Method,
    input: &TotalsElection,
    options: &Options<'_>,
) -> Result<Report, TallyError> {
    let Some(wanted) = totals_kind(method) else {
        let why = match method {
            Method::Star => {
                "STAR needs whole ballots (its runoff compares the two finalists on each ballot)"
            }
            _ => "ranked methods need whole ballots (rankings cannot be summed per option)",
        };
        return Err(TallyError::Unsupported(format!(
            "{method} cannot be counted from totals: {why}"
        )));
    };
    let found = input.totals().kind();
    if wanted != found {
        return Err(TallyError::WrongTotalsKind {
            method: method.name(),
            wanted: wanted.as_str(),
            found: found.as_str(),
        });
    }
    let info = input.info();
    let mut ctx = Context::resolve(method, &info, options, || input.default_seed())?;
    let weight = input.weight();
    let mut report = match input.totals() {
        Totals::Choice { per_option } => {
            // Every ballot marks one option or none, so for block as for plurality a
            // ballot's mark is its choice; ballots that chose no standing option (abstained or
            // chose a withdrawn one) are not counted for anyone.
            let marked: u64 = info.standing().iter().map(|&c| per_option[c]).sum();
            plurality::report_from_marks(
                method,
                &info,
                &mut ctx,
                per_option,
                weight - marked,
                weight,
            )
        }
        Totals::Approval { per_option } => {
            approval::report_from_approvals(&info, &mut ctx, per_option, weight)
        }
        Totals::Score { scale, histogram } => {
            let scale = ScoreScale::from(*scale);
            let blanks: Vec<u64> = histogram.iter().map(|row| row[0]).collect();
            let scores: Vec<Vec<u64>> = histogram.iter().map(|row| row[1..].to_vec()).collect();
            match method {
                Method::Score => {
                    score::report_from_histogram(&info, &mut ctx, scale, scores, blanks, weight)?
                }
                Method::Son => {
                    son_from_histogram(&info, &mut ctx, scale, &scores, &blanks, weight)?
                }
                _ => {
                    // Mj, the one other method of score totals (`totals_kind`). Majority
                    // judgment counts a blank as the lowest grade.
                    let mut grades = scores;
                    for (row, blank) in grades.iter_mut().zip(&blanks) {
                        row[0] += blank;
                    }
                    mj::report_from_grades(&info, &mut ctx, scale, &grades, weight)
                }
            }
        }
    };
    report.seed = ctx.lot.used_seed();
    Ok(report)
}

/// Support/oppose from score histograms: 1 supports, -1 opposes, 0 and blank are neutral; any
/// other score with weight is an error, as it is on a ballot.
fn son_from_histogram(
    info: &ElectionInfo,
    ctx: &mut Context<'_>,
    scale: ScoreScale,
    scores: &[Vec<u64>],
    blanks: &[u64],
    weight: u64,
) -> Result<Report, TallyError> {
    let n = info.candidates.len();
    let (mut sup, mut opp, mut neu) = (vec![0u64; n], vec![0u64; n], blanks.to_vec());
    for (c, row) in scores.iter().enumerate() {
        for (v, &w) in (scale.min..).zip(row) {
            match v {
                1 => sup[c] += w,
                -1 => opp[c] += w,
                0 => neu[c] += w,
                _ if w == 0 => {}
                _ => {
                    return Err(TallyError::InvalidTotals(format!(
                        "{} is scored {v} with weight {w}; support/oppose ballots hold 1 \
                         (support), -1 (oppose), 0 or blank (neutral)",
                        info.candidates[c]
                    )));
                }
            }
        }
    }
    son::report_from_counts(info, ctx, sup, opp, neu, weight)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Decimal, Details};

    fn choice(per_option: &[u64], weight: u64) -> TotalsElection {
        TotalsElection::try_from(TotalsElectionSpec {
            title: "Motion".into(),
            candidates: vec!["Yes".into(), "No".into(), "Later".into()],
            seats: 1,
            withdrawn: vec![2],
            ballots: weight,
            weight,
            totals: Totals::Choice {
                per_option: per_option.to_vec(),
            },
        })
        .unwrap()
    }

    #[test]
    fn plurality_from_choice_totals_by_hand() {
        // 10 ballots of weight 1: Yes 5, No 3, Later (withdrawn) 1, so 1 abstained.
        // Yes wins; not counted for anyone: the abstention and the withdrawn choice, 1 + 1 = 2.
        let r = count_totals(
            Method::Plurality,
            &choice(&[5, 3, 1], 10),
            &Options::default(),
        )
        .unwrap();
        assert_eq!(r.elected, vec![0]);
        assert_eq!(r.ballots, 10);
        let round = &r.rounds[0];
        assert_eq!(
            round.votes,
            vec![Some(Decimal::whole(5)), Some(Decimal::whole(3)), None]
        );
        assert_eq!(round.non_transferable, Some(Decimal::whole(2)));
        assert_eq!(r.seed, None, "no lot was drawn");
    }

    #[test]
    fn score_totals_by_hand_for_score_son_and_mj() {
        // Scale -1..1, 6 ballots. Histograms [blank, -1, 0, 1]:
        //   A: [1, 1, 0, 4] → sum −1 + 4 = 3, scored 5, mean 0.60; son S 4, O 1 (80 %);
        //      mj grades with the blank at -1: [-1 ×2, 1 ×4], lower median (position 3) = 1.
        //   B: [0, 2, 0, 4] → sum −2 + 4 = 2, mean 0.33; son S 4, O 2 (66.67 %); mj median 1.
        // Score and son elect A. Mj: A's grades [-1 ×2, 1 ×4] and B's [-1 ×2, 1 ×4] are the
        // same multiset, so the majority gauge never separates them and the lot decides.
        let e = TotalsElection::try_from(TotalsElectionSpec {
            title: "Arbcom".into(),
            candidates: vec!["A".into(), "B".into()],
            seats: 1,
            withdrawn: vec![],
            ballots: 6,
            weight: 6,
            totals: Totals::Score {
                scale: TotalsScale { min: -1, max: 1 },
                histogram: vec![vec![1, 1, 0, 4], vec![0, 2, 0, 4]],
            },
        })
        .unwrap();
        let opts = Options {
            seed: Some(1),
            ..Options::default()
        };
        let score = count_totals(Method::Score, &e, &opts).unwrap();
        assert_eq!(score.elected, vec![0]);
        let Details::Score(d) = &score.details else {
            panic!("score details")
        };
        assert_eq!(d.sums, vec![Some(3), Some(2)]);
        assert_eq!(d.scored, vec![5, 6]);
        assert_eq!(d.blanks, vec![1, 0]);
        let son = count_totals(Method::Son, &e, &opts).unwrap();
        assert_eq!(son.elected, vec![0]);
        let Details::SupportOppose(d) = &son.details else {
            panic!("son details")
        };
        assert_eq!(
            (d.support.clone(), d.oppose.clone()),
            (vec![4, 4], vec![1, 2])
        );
        assert_eq!(d.neutral, vec![1, 0], "A's blank is neutral");
        let mj = count_totals(Method::Mj, &e, &opts).unwrap();
        assert_eq!(mj.ranking, Some(vec![vec![0, 1]]));
        assert_eq!(mj.seed, Some(1), "the lot decided");
    }

    #[test]
    fn methods_that_need_whole_ballots_are_refused() {
        let e = choice(&[1, 1, 0], 2);
        let star = count_totals(Method::Star, &e, &Options::default()).unwrap_err();
        assert!(
            star.to_string().contains("STAR needs whole ballots"),
            "{star}"
        );
        let irv = count_totals(Method::Irv, &e, &Options::default()).unwrap_err();
        assert!(irv.to_string().contains("ranked methods"), "{irv}");
        assert_eq!(
            count_totals(Method::Approval, &e, &Options::default())
                .unwrap_err()
                .to_string(),
            "approval counts from approval totals, but these are choice totals"
        );
    }

    #[test]
    fn json_round_trip_and_validation() {
        let text = r#"{"title": "Board", "candidates": ["Ann", "Bob"], "seats": 1,
            "withdrawn": [], "ballots": 3, "weight": 4,
            "totals": {"kind": "approval", "per_option": [4, 2]}}"#;
        let e = parse(text).unwrap();
        assert_eq!(e.totals().kind(), TotalsKind::Approval);
        assert_eq!(parse(&write(&e)).unwrap(), e);
        // Ann approved by weight 4 of 4: share 100.00 %; Bob 2 of 4: 50.00 %.
        let r = count_totals(Method::Approval, &e, &Options::default()).unwrap();
        let Details::Approval(d) = &r.details else {
            panic!("approval details")
        };
        let shares: Vec<String> = d
            .share_percent
            .iter()
            .map(|s| s.unwrap().to_string())
            .collect();
        assert_eq!(shares, ["100.00", "50.00"]);

        let bad = |body: &str| parse(body).unwrap_err().message;
        assert!(
            bad(&text.replace("[4, 2]", "[5, 2]"))
                .contains("Ann has 5 approvals, more than the ballots' weight 4"),
        );
        assert!(bad(&text.replace("[4, 2]", "[4]")).contains("1 approval totals for 2 candidates"));
        assert!(bad(&text.replace("\"Bob\"", "\"Ann\"")).contains("both named \"Ann\""));
        assert!(
            bad(&text.replace("\"weight\": 4", "\"weight\": 2"))
                .contains("3 ballots cannot weigh 2")
        );
        assert!(
            bad(&text.replace("\"withdrawn\": []", "\"withdrawn\": [2]"))
                .contains("withdrawn candidate 2 does not exist")
        );
        assert!(
            bad(&text.replace("\"seats\": 1", "\"seats\": 1, \"x\": 1")).contains("unknown field")
        );
        let score = r#"{"candidates": ["A"], "seats": 1, "ballots": 2, "weight": 2,
            "totals": {"kind": "score", "scale": {"min": 0, "max": 2}, "histogram": [[1, 0, 0]]}}"#;
        assert!(bad(score).contains("A's histogram has 3 entries; the scale needs 4"));
        let score = score.replace("[[1, 0, 0]]", "[[1, 0, 0, 0]]");
        assert!(bad(&score).contains("A's histogram adds up to 1, not the ballots' weight 2"));
        let score = score.replace("\"max\": 2", "\"max\": 0");
        assert!(bad(&score).contains("the scale 0..0"));
    }

    #[test]
    fn default_seed_follows_the_documented_construction() {
        // Recomputed from the doc of `default_seed`: tag, 3 candidates, ballots 9, weight 9,
        // kind 0x01 and the totals 5, 3, 1, each u64 little-endian; first 8 bytes LE.
        let mut h = Sha256::new();
        h.update(b"urna-tally totals seed v1\0");
        for x in [3u64, 9, 9] {
            h.update(x.to_le_bytes());
        }
        h.update([1]);
        for x in [5u64, 3, 1] {
            h.update(x.to_le_bytes());
        }
        let d = h.finalize();
        let expected = u64::from_le_bytes([d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7]]);
        assert_eq!(choice(&[5, 3, 1], 9).default_seed(), expected);
        assert_ne!(choice(&[5, 3, 0], 9).default_seed(), expected);
    }
}
