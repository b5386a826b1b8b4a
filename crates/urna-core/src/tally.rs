//! From answers to a count: builds the counting engine's input for one question
//! ([`tally_input`]), counts it ([`count`]), and writes the anonymised ballots for publication
//! ([`to_blt`], [`to_csv`]).
//!
//! **Order never matters.** The ballots are sorted and identical ones merged (their weights
//! summed) before the count, so the input, the result and the default tie seed (a digest of
//! the ballots, see urna-tally) depend only on the multiset of ballots, never on the order the
//! server holds them in. The published files hold exactly the counted input: anyone can re-run
//! `urna tally` on them and get the same result, lots included.
//!
//! Abstentions are left out of the question's count. An approval ballot that approves no one
//! and a score ballot that scores no one are counted (they are ballots that support no one).
//! Candidates are named by their default-language name; two candidates with the same name get
//! their ids appended, since the ballot files need distinct names.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use thiserror::Error;
use urna_tally::ballots::{RankedBallots, ScoreScale, ScoredBallot, normalize_name};
use urna_tally::{Ballots, ElectionInfo, Options, RankedElection, Report, ScoredElection};

use crate::ballot::Answer;
use crate::question::{BallotType, CandidateId, Question};

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TallyInputError {
    #[error("ballot {ballot}: question {question} asks for {expected}, but the answer is {found}")]
    WrongAnswer {
        ballot: usize,
        question: String,
        expected: &'static str,
        found: &'static str,
    },
    #[error("ballot {ballot}: question {question} has no option {candidate}")]
    UnknownCandidate {
        ballot: usize,
        question: String,
        candidate: CandidateId,
    },
    #[error("ballot {ballot}: a weight must be at least 1")]
    ZeroWeight { ballot: usize },
    #[error("the total weight of the ballots is too large to count")]
    WeightOverflow,
    #[error(
        "question {0}: published ranked ballots (BLT) exist only for ranked and choose-one questions"
    )]
    NotRanked(String),
    #[error(transparent)]
    Count(#[from] urna_tally::TallyError),
}

/// The counting engine's input for `question`. `ballots` yields each ballot's weight (1 unless
/// the election allows weights) and its answer to this question; answers were validated when
/// cast, but are checked again here, since they come back from storage and decryption.
pub fn tally_input<'a>(
    question: &Question,
    ballots: impl IntoIterator<Item = (u64, &'a Answer)>,
) -> Result<Ballots, TallyInputError> {
    let info = election_info(question);
    let n = question.options.len();
    let index: HashMap<&CandidateId, usize> = question
        .options
        .iter()
        .enumerate()
        .map(|(i, c)| (&c.id, i))
        .collect();
    let unknown = |ballot: usize, c: &CandidateId| TallyInputError::UnknownCandidate {
        ballot,
        question: question.id.to_string(),
        candidate: c.clone(),
    };
    let idx =
        |ballot: usize, c: &CandidateId| index.get(c).copied().ok_or_else(|| unknown(ballot, c));
    let wrong = |ballot: usize, found: &Answer| TallyInputError::WrongAnswer {
        ballot,
        question: question.id.to_string(),
        expected: expected_answer(question.ballot_type),
        found: answer_kind(found),
    };
    let add = |map_weight: &mut u64, w: u64| -> Result<(), TallyInputError> {
        *map_weight = map_weight
            .checked_add(w)
            .ok_or(TallyInputError::WeightOverflow)?;
        Ok(())
    };

    match question.ballot_type {
        BallotType::ChooseOne | BallotType::Ranked { .. } => {
            // Rank groups as option indices; the map sorts and merges.
            let mut rows: BTreeMap<Vec<Vec<usize>>, u64> = BTreeMap::new();
            for (i, (weight, answer)) in ballots.into_iter().enumerate() {
                let ballot = i + 1;
                if weight == 0 {
                    return Err(TallyInputError::ZeroWeight { ballot });
                }
                let groups = match (answer, question.ballot_type) {
                    (Answer::Abstain, _) => continue,
                    (Answer::Choice(c), BallotType::ChooseOne) => vec![vec![idx(ballot, c)?]],
                    (Answer::Ranking(groups), BallotType::Ranked { .. }) => groups
                        .iter()
                        .map(|g| {
                            let mut g = g
                                .iter()
                                .map(|c| idx(ballot, c))
                                .collect::<Result<Vec<_>, _>>()?;
                            g.sort_unstable();
                            Ok(g)
                        })
                        .collect::<Result<Vec<_>, TallyInputError>>()?,
                    (other, _) => return Err(wrong(ballot, other)),
                };
                add(rows.entry(groups).or_default(), weight)?;
            }
            let mut packed = RankedBallots::new();
            for (groups, weight) in rows {
                packed.push_groups(weight, groups);
            }
            Ok(Ballots::Ranked(RankedElection {
                info,
                ballots: packed,
            }))
        }
        BallotType::Approval { .. } | BallotType::Score { .. } => {
            let mut rows: BTreeMap<Vec<Option<i64>>, u64> = BTreeMap::new();
            for (i, (weight, answer)) in ballots.into_iter().enumerate() {
                let ballot = i + 1;
                if weight == 0 {
                    return Err(TallyInputError::ZeroWeight { ballot });
                }
                let scores = match (answer, question.ballot_type) {
                    (Answer::Abstain, _) => continue,
                    (Answer::Approvals(list), BallotType::Approval { .. }) => {
                        let mut s = vec![Some(0); n];
                        for c in list {
                            s[idx(ballot, c)?] = Some(1);
                        }
                        s
                    }
                    (Answer::Scores(list), BallotType::Score { .. }) => {
                        let mut s = vec![None; n];
                        for (c, v) in list {
                            s[idx(ballot, c)?] = Some(*v);
                        }
                        s
                    }
                    (other, _) => return Err(wrong(ballot, other)),
                };
                add(rows.entry(scores).or_default(), weight)?;
            }
            let scale = match question.ballot_type {
                BallotType::Score { min, max } => ScoreScale { min, max },
                _ => ScoreScale { min: 0, max: 1 },
            };
            Ok(Ballots::Scored(ScoredElection {
                info,
                ballots: rows
                    .into_iter()
                    .map(|(scores, weight)| ScoredBallot { weight, scores })
                    .collect(),
                scale: Some(scale),
            }))
        }
    }
}

/// The count options the question sets: seats, tie seed, minimum share.
pub fn count_options(question: &Question) -> Options<'static> {
    Options {
        seats: Some(question.seats),
        seed: question.tie_seed,
        min_share: question.min_share.map(|p| p.to_decimal()),
        progress: None,
    }
}

/// Counts one question with its method and options.
pub fn count<'a>(
    question: &Question,
    ballots: impl IntoIterator<Item = (u64, &'a Answer)>,
) -> Result<Report, TallyInputError> {
    let input = tally_input(question, ballots)?;
    Ok(urna_tally::count(
        question.method,
        &input,
        &count_options(question),
    )?)
}

/// The anonymised ballots of a ranked or choose-one question as BLT, exactly as counted.
pub fn to_blt<'a>(
    question: &Question,
    ballots: impl IntoIterator<Item = (u64, &'a Answer)>,
) -> Result<String, TallyInputError> {
    match tally_input(question, ballots)? {
        Ballots::Ranked(e) => Ok(urna_tally::blt::write(&e)),
        Ballots::Scored(_) => Err(TallyInputError::NotRanked(question.id.to_string())),
    }
}

/// The anonymised ballots as CSV, exactly as counted, a ballot (or a group of identical
/// ballots) a row, with a `weight` column first.
///
/// - Scored and approval questions: urna-tally's scored CSV (`# title`, `# seats`, `# scale`,
///   `# withdrawn` directives; a score per candidate, empty = blank), which `urna tally` reads.
/// - Ranked and choose-one questions: the rank each candidate is given (1 = first; equal ranks
///   share a number; empty = not ranked). This is for spreadsheets; recounts read the BLT.
pub fn to_csv<'a>(
    question: &Question,
    ballots: impl IntoIterator<Item = (u64, &'a Answer)>,
) -> Result<String, TallyInputError> {
    let input = tally_input(question, ballots)?;
    let info = input.info();
    let mut out = String::new();
    if let Ballots::Scored(e) = &input {
        let _ = writeln!(out, "# title: {}", info.title);
        let _ = writeln!(out, "# seats: {}", info.seats);
        if let Some(s) = e.scale {
            let _ = writeln!(out, "# scale: {}..{}", s.min, s.max);
        }
        if !info.withdrawn.is_empty() {
            let names: Vec<String> = info
                .withdrawn
                .iter()
                .map(|&c| csv_field(&info.candidates[c]))
                .collect();
            let _ = writeln!(out, "# withdrawn: {}", names.join(","));
        }
    }
    out.push_str("weight");
    for name in &info.candidates {
        out.push(',');
        out.push_str(&csv_field(name));
    }
    out.push('\n');
    match &input {
        Ballots::Ranked(e) => {
            for b in e.ballots.iter() {
                let mut rank = vec![None; info.candidates.len()];
                for (r, group) in b.groups().enumerate() {
                    for &c in group {
                        rank[usize::from(c)] = Some(r + 1);
                    }
                }
                write_row(&mut out, b.weight, rank.iter().map(|r| r.map(|r| r as i64)));
            }
        }
        Ballots::Scored(e) => {
            for b in &e.ballots {
                write_row(&mut out, b.weight, b.scores.iter().copied());
            }
        }
    }
    Ok(out)
}

fn write_row(out: &mut String, weight: u64, cells: impl Iterator<Item = Option<i64>>) {
    let _ = write!(out, "{weight}");
    for cell in cells {
        out.push(',');
        if let Some(v) = cell {
            let _ = write!(out, "{v}");
        }
    }
    out.push('\n');
}

/// An RFC 4180 field: quoted when it holds a comma, quote, line break or outer space.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) || s.trim() != s || s.starts_with('#') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

pub(crate) fn election_info(q: &Question) -> ElectionInfo {
    let names: Vec<String> = q
        .options
        .iter()
        .map(|c| normalize_name(c.name.default_text()))
        .collect();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for n in &names {
        *seen.entry(n.as_str()).or_default() += 1;
    }
    let candidates = names
        .iter()
        .zip(&q.options)
        .map(|(n, c)| {
            if seen.get(n.as_str()).copied().unwrap_or(0) > 1 {
                format!("{n} ({})", c.id)
            } else {
                n.clone()
            }
        })
        .collect();
    ElectionInfo {
        title: normalize_name(q.title.default_text()),
        candidates,
        seats: q.seats,
        withdrawn: q
            .options
            .iter()
            .enumerate()
            .filter(|(_, c)| c.withdrawn)
            .map(|(i, _)| i)
            .collect(),
        tie_order: None,
    }
}

fn expected_answer(bt: BallotType) -> &'static str {
    match bt {
        BallotType::ChooseOne => "a choice",
        BallotType::Approval { .. } => "approvals",
        BallotType::Score { .. } => "scores",
        BallotType::Ranked { .. } => "a ranking",
    }
}

fn answer_kind(a: &Answer) -> &'static str {
    match a {
        Answer::Abstain => "an abstention",
        Answer::Choice(_) => "a choice",
        Answer::Approvals(_) => "approvals",
        Answer::Scores(_) => "scores",
        Answer::Ranking(_) => "a ranking",
    }
}

#[cfg(test)]
mod tests {
    use urna_tally::Method;

    use super::*;
    use crate::question::test_util::*;
    use crate::question::{Percent, QuestionSpec};

    fn rank(groups: &[&str]) -> Answer {
        Answer::Ranking(groups.iter().map(|c| vec![cid(c)]).collect())
    }

    fn elected(r: &Report) -> Vec<&str> {
        r.elected
            .iter()
            .map(|&c| r.candidates[c].as_str())
            .collect()
    }

    #[test]
    fn irv_by_hand() {
        // 4 a>b>c, 3 b>c>a, 2 c>b>a (9 ballots, majority 5).
        // Round 1: a 4, b 3, c 2 → c eliminated; its 2 go to b.
        // Round 2: a 4, b 5 → b elected.
        let q = question("chair", RANKED, Method::Irv, 1, &["A", "B", "C"]);
        let (abc, bca, cba) = (
            rank(&["a", "b", "c"]),
            rank(&["b", "c", "a"]),
            rank(&["c", "b", "a"]),
        );
        let ballots = [
            (4, &abc),
            (3, &bca),
            (1, &cba),
            (1, &cba),
            (1, &Answer::Abstain),
        ];
        let r = count(&q, ballots).unwrap();
        assert_eq!(elected(&r), ["B"]);
        assert_eq!(r.ballots, 9, "the abstention is not counted");
    }

    #[test]
    fn approval_by_hand_with_a_withdrawn_candidate() {
        // Approvals: Ann 3 (1+2), Bob 3 (1+2), Cy 4 (2+2) but withdrawn, Dee 1.
        // Two seats among the standing: Ann and Bob.
        let mut s = spec(
            "board",
            BallotType::Approval { min: 0, max: 4 },
            Method::Approval,
            2,
            &["Ann", "Bob", "Cy", "Dee"],
        );
        s.options[2].withdrawn = true;
        let q = Question::try_from(s).unwrap();
        let a1 = Answer::Approvals(vec![cid("ann"), cid("bob"), cid("dee")]);
        let a2 = Answer::Approvals(vec![cid("cy"), cid("ann"), cid("bob")]);
        let a3 = Answer::Approvals(vec![cid("cy")]);
        let r = count(&q, [(1, &a1), (2, &a2), (2, &a3)]).unwrap();
        assert_eq!(elected(&r), ["Ann", "Bob"]);
    }

    #[test]
    fn son_uses_the_minimum_share() {
        // Ann: 3 support, 1 oppose → 75 %. Bob: 2 support, 2 oppose → 50 %.
        // Minimum 60 %: only Ann, and the second seat stays vacant.
        let mut s = spec(
            "arbcom",
            BallotType::Score { min: -1, max: 1 },
            Method::Son,
            2,
            &["Ann", "Bob"],
        );
        s.min_share = Some(Percent::parse("60").unwrap());
        let q = Question::try_from(s).unwrap();
        let b1 = Answer::Scores(vec![(cid("ann"), 1), (cid("bob"), 1)]);
        let b2 = Answer::Scores(vec![(cid("ann"), 1), (cid("bob"), -1)]);
        let b3 = Answer::Scores(vec![(cid("ann"), -1)]);
        let b4 = Answer::Scores(vec![(cid("bob"), 1)]);
        let b5 = Answer::Scores(vec![(cid("ann"), 1), (cid("bob"), -1)]);
        let r = count(&q, [(1, &b1), (1, &b2), (1, &b3), (1, &b4), (1, &b5)]).unwrap();
        assert_eq!(elected(&r), ["Ann"]);
        assert_eq!(r.vacant, 1);
    }

    #[test]
    fn meek_from_plain_ballots_through_the_encoding() {
        // What the server does: validate plain ballots, encode, (seal, shuffle, decrypt),
        // decode, count. 6 A>B, 2 B, 3 C; 2 seats; 11 votes, Droop quota 11/3 ≈ 3.67.
        // A has 6: elected; A's surplus (≈ 2.33) goes to B: B ≈ 4.33 > C 3, so B is elected.
        use crate::ballot::{PlainBallot, ValidBallot};
        let qs = vec![question(
            "council",
            RANKED,
            Method::Meek,
            2,
            &["A", "B", "C"],
        )];
        let plain = |r: Answer| PlainBallot { answers: vec![r] };
        let mut sealed = Vec::new();
        for (n, r) in [(6, rank(&["a", "b"])), (2, rank(&["b"])), (3, rank(&["c"]))] {
            for _ in 0..n {
                sealed.push(plain(r.clone()).validate(&qs).unwrap().padded());
            }
        }
        let decoded: Vec<ValidBallot> = sealed
            .iter()
            .map(|bytes| ValidBallot::decode_padded(bytes, &qs).unwrap())
            .collect();
        let r = count(&qs[0], decoded.iter().map(|b| (1, &b.answers()[0]))).unwrap();
        assert_eq!(elected(&r), ["A", "B"]);
    }

    #[test]
    fn choose_one_counts_as_plurality() {
        // Yes 3, No 2.
        let q = question(
            "motion",
            BallotType::ChooseOne,
            Method::Plurality,
            1,
            &["Yes", "No"],
        );
        let (y, n) = (Answer::Choice(cid("yes")), Answer::Choice(cid("no")));
        let r = count(&q, [(1, &n), (1, &y), (2, &y), (1, &n)]).unwrap();
        assert_eq!(elected(&r), ["Yes"]);
    }

    #[test]
    fn order_of_ballots_does_not_matter_and_identical_ones_merge() {
        let q = question("q", RANKED, Method::Meek, 1, &["A", "B", "C"]);
        let (x, y) = (rank(&["a", "b"]), rank(&["c"]));
        let one = tally_input(&q, [(1, &x), (1, &y), (1, &x)]).unwrap();
        let two = tally_input(&q, [(1, &x), (1, &x), (1, &y)]).unwrap();
        assert_eq!(one, two);
        assert_eq!(one.default_seed(), two.default_seed());
        let Ballots::Ranked(e) = one else {
            panic!("ranked")
        };
        assert_eq!(e.ballots.len(), 2, "a>b twice becomes one line of weight 2");
    }

    #[test]
    fn blt_is_exactly_what_was_counted() {
        let mut s: QuestionSpec = spec("council", RANKED, Method::Meek, 2, &["Ann", "Bob", "Cy"]);
        s.options[1].withdrawn = true;
        s.title = crate::text::Texts::new(crate::text::lang("en"), "Council");
        let q = Question::try_from(s).unwrap();
        let (x, y) = (rank(&["bob", "ann"]), rank(&["cy"]));
        let blt = to_blt(&q, [(1, &y), (2, &x), (1, &y)]).unwrap();
        // Options Ann=0, Bob=1 (withdrawn, BLT "-2"), Cy=2. Rows as rank groups of indices:
        // bob>ann = [[1],[0]] (weight 2), cy = [[2]] (1+1 merged). [[1],[0]] < [[2]], so the
        // bob>ann line comes first; BLT numbers candidates from 1.
        assert_eq!(
            blt,
            "3 2\n-2\n2 2 1 0\n2 3 0\n0\n\"Ann\"\n\"Bob\"\n\"Cy\"\n\"Council\"\n"
        );
        let Ballots::Ranked(counted) = tally_input(&q, [(1, &y), (2, &x), (1, &y)]).unwrap() else {
            panic!("ranked")
        };
        assert_eq!(urna_tally::blt::parse(&blt).unwrap(), counted);
    }

    #[test]
    fn scored_csv_is_read_back_by_the_counting_engine() {
        // A name with a comma must be quoted in the header.
        let mut s2 = spec(
            "art",
            BallotType::Score { min: 0, max: 5 },
            Method::Star,
            1,
            &["X", "Bob", "Cy"],
        );
        s2.options[0] = cand("ann-jr", "Ann, Jr.");
        s2.options[2].withdrawn = true;
        let q2 = Question::try_from(s2).unwrap();
        let b1 = Answer::Scores(vec![(cid("ann-jr"), 5)]);
        let b2 = Answer::Scores(vec![(cid("bob"), 3), (cid("cy"), 4)]);
        let csv = to_csv(&q2, [(1, &b1), (1, &b2)]).unwrap();
        // Rows sorted: [None, 3, 4] < [Some(5), None, None] (None sorts first).
        assert_eq!(
            csv,
            "# title: Question art\n# seats: 1\n# scale: 0..5\n# withdrawn: Cy\n\
             weight,\"Ann, Jr.\",Bob,Cy\n1,,3,4\n1,5,,\n"
        );
        let parsed = urna_tally::scored::parse_csv(&csv).unwrap();
        let Ballots::Scored(counted) = tally_input(&q2, [(1, &b1), (1, &b2)]).unwrap() else {
            panic!("scored")
        };
        assert_eq!(parsed, counted);
    }

    #[test]
    fn ranked_csv_gives_ranks_per_candidate() {
        let q = question(
            "q",
            BallotType::Ranked {
                max_ranks: None,
                allow_equal: true,
            },
            Method::Schulze,
            1,
            &["A", "B", "C"],
        );
        let b = Answer::Ranking(vec![vec![cid("c")], vec![cid("a"), cid("b")]]);
        assert_eq!(to_csv(&q, [(3, &b)]).unwrap(), "weight,A,B,C\n3,2,2,1\n");
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        let q = question("q", RANKED, Method::Irv, 1, &["A", "B"]);
        let choice = Answer::Choice(cid("a"));
        assert_eq!(
            tally_input(&q, [(1, &Answer::Abstain), (1, &choice)])
                .unwrap_err()
                .to_string(),
            "ballot 2: question q asks for a ranking, but the answer is a choice"
        );
        let zed = rank(&["zed"]);
        assert_eq!(
            tally_input(&q, [(1, &zed)]).unwrap_err().to_string(),
            "ballot 1: question q has no option zed"
        );
        let a = rank(&["a"]);
        assert_eq!(
            tally_input(&q, [(0, &a)]).unwrap_err(),
            TallyInputError::ZeroWeight { ballot: 1 }
        );
        assert_eq!(
            tally_input(&q, [(u64::MAX, &a), (1, &a)]).unwrap_err(),
            TallyInputError::WeightOverflow
        );
        let approval = question(
            "ap",
            BallotType::Approval { min: 0, max: 1 },
            Method::Approval,
            1,
            &["A"],
        );
        assert!(matches!(
            to_blt(&approval, []),
            Err(TallyInputError::NotRanked(_))
        ));
    }

    #[test]
    fn duplicate_names_get_their_ids() {
        let mut s = spec("q", RANKED, Method::Irv, 1, &["A", "B"]);
        s.options[1].name = crate::text::Texts::new(crate::text::lang("en"), "A");
        let q = Question::try_from(s).unwrap();
        let input = tally_input(&q, []).unwrap();
        assert_eq!(input.info().candidates, ["A (a)", "A (b)"]);
    }
}
