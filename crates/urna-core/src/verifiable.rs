//! Verifiable elections' questions as bits (`docs/record-format.md` §2, §3): which questions a
//! verifiable election can hold, the parameters every ballot proof is bound to, a voter's
//! answer as the bits the voter's device encrypts (and back, for audits), and the decrypted
//! totals of those bits as urna-tally's counting input.
//!
//! Plain data only: no cryptography here (urna-crypto encrypts and proves the bits).
//!
//! **Abstentions.** Bits cannot tell an approval abstention from approving no one, nor a score
//! abstention from scoring no one (all bits zero, all options blank), so [`answer_from_bits`]
//! reads all-zero bits as [`Answer::Abstain`], and the count from totals counts every counted
//! ballot of the election as a ballot of the question (one that supports no one when it
//! abstained; see `urna_tally::totals`).

use thiserror::Error;
use urna_tally::TotalsElection;
use urna_tally::totals::{
    Totals, TotalsElectionSpec, TotalsError, TotalsKind, TotalsScale, totals_kind,
};

use crate::ballot::{Answer, PlainBallot};
use crate::question::{BallotType, CandidateId, Question};
use crate::tally::election_info;

/// The widest score range a verifiable question may have (`max − min`, record format §3).
pub const MAX_VERIFIABLE_SCORE_SPAN: i64 = 100;

/// A question's parameters, as the election digest and the election-parameters JSON carry
/// them (record format §3).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct QuestionParameters {
    pub id: String,
    /// `"choose_one"`, `"approval"` or `"score"`.
    pub ballot_type: String,
    pub min: i64,
    pub max: i64,
    /// Option ids in the question's order, withdrawn ones included.
    pub options: Vec<String>,
}

/// Why an answer, bits or totals do not fit a question.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum VerifiableError {
    #[error("question {question}: {reason}; it cannot be in a verifiable election")]
    NotVerifiable { question: String, reason: String },
    #[error("question {question}: {message}")]
    InvalidAnswer { question: String, message: String },
    #[error("question {question}: {found} bits, but its layout has {expected}")]
    BitCount {
        question: String,
        expected: usize,
        found: usize,
    },
    #[error("question {question}: bit {position} is {value}, not 0 or 1")]
    NotABit {
        question: String,
        position: usize,
        value: u8,
    },
    #[error(
        "question {question}: group {group} of the bits adds up to {sum}, which its layout does not allow"
    )]
    GroupSum {
        question: String,
        group: usize,
        sum: usize,
    },
    #[error("question {question}: {found} totals, but its layout has {expected} bits")]
    TotalsCount {
        question: String,
        expected: usize,
        found: usize,
    },
    #[error("question {question}: {source}")]
    Totals {
        question: String,
        #[source]
        source: TotalsError,
    },
}

/// The most questions a verifiable election may have (record format §3).
pub const MAX_VERIFIABLE_QUESTIONS: usize = 100;

/// How a verifiable question's answers map to bits (record format §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// `n` bits, one group, sums `{0, 1}`.
    ChooseOne,
    /// `n` bits, one group, sums `{0} ∪ {min..max}`.
    Approval { min: usize, max: usize },
    /// `n · w` bits, `w = max − min + 2`: per option a group (blank, then each score) of sum 1.
    Score { min: i64, max: i64 },
}

impl Layout {
    /// The layout of `q`, or why it has none: its ballot type has no bit layout, its score
    /// range is too wide, or its method does not count from totals of that type.
    fn of(q: &Question) -> Result<Layout, VerifiableError> {
        let not = |reason: String| VerifiableError::NotVerifiable {
            question: q.id.to_string(),
            reason,
        };
        let (layout, kind) = match q.ballot_type {
            BallotType::ChooseOne => (Layout::ChooseOne, TotalsKind::Choice),
            BallotType::Approval { min, max } => {
                (Layout::Approval { min, max }, TotalsKind::Approval)
            }
            BallotType::Score { min, max } => {
                if max - min > MAX_VERIFIABLE_SCORE_SPAN {
                    return Err(not(format!(
                        "its score range {min}..{max} is wider than {MAX_VERIFIABLE_SCORE_SPAN}"
                    )));
                }
                (Layout::Score { min, max }, TotalsKind::Score)
            }
            BallotType::Ranked { .. } => {
                return Err(not("ranked ballots cannot be counted from totals".into()));
            }
        };
        // Majority judgment counts a blank as the lowest grade, and the bits cannot tell a
        // voter who abstained on the question from one who left every option blank: counted
        // from totals, abstentions would lower every grade, so it keeps sealed ballots until
        // the layout has an abstention bit.
        if q.method == urna_tally::Method::Mj {
            return Err(not(
                "majority judgment would count abstentions as the lowest grade".into(),
            ));
        }
        if totals_kind(q.method) != Some(kind) {
            return Err(not(format!(
                "{} cannot be counted from {} totals",
                q.method,
                kind.as_str()
            )));
        }
        Ok(layout)
    }

    /// Bits per option group: 1, or `w` for score.
    fn group_width(self) -> usize {
        match self {
            Layout::Score { min, max } => (max - min) as usize + 2,
            _ => 1,
        }
    }
}

/// Whether every question can be counted from encrypted totals: there are 1 to
/// [`MAX_VERIFIABLE_QUESTIONS`] questions, each of ballot type choose-one, approval or score (of
/// span at most [`MAX_VERIFIABLE_SCORE_SPAN`]), with a method that counts from the totals of
/// that type (`urna_tally::totals::totals_kind`).
pub fn is_verifiable(questions: &[Question]) -> bool {
    (1..=MAX_VERIFIABLE_QUESTIONS).contains(&questions.len())
        && questions.iter().all(|q| Layout::of(q).is_ok())
}

/// The question's parameters (record format §3): choose-one has `min = 0, max = 1`; approval
/// its minimum and maximum number of approvals; score its score range. (A ranked question has
/// `"ranked"`, 0 and the most options a voter may rank (docs/record-format.md A.6), which is
/// the number of options when unlimited.)
pub fn question_parameters(q: &Question) -> QuestionParameters {
    let (ballot_type, min, max) = match q.ballot_type {
        BallotType::ChooseOne => ("choose_one", 0, 1),
        BallotType::Approval { min, max } => ("approval", min as i64, max as i64),
        BallotType::Score { min, max } => ("score", min, max),
        BallotType::Ranked { max_ranks, .. } => (
            "ranked",
            0,
            max_ranks.unwrap_or(q.options.len()).min(q.options.len()) as i64,
        ),
    };
    QuestionParameters {
        id: q.id.to_string(),
        ballot_type: ballot_type.to_owned(),
        min,
        max,
        options: q.options.iter().map(|c| c.id.to_string()).collect(),
    }
}

/// The number of bits of `q`'s answers.
pub fn bit_count(q: &Question) -> Result<usize, VerifiableError> {
    Ok(q.options.len() * Layout::of(q)?.group_width())
}

/// The bits of `answer` to `q` (record format §2), after checking the answer as a ballot
/// would be checked. An abstention is all zeros (choose-one, approval) or every option blank
/// (score), as are an empty approval and a score answer that scores no one.
pub fn answer_bits(q: &Question, answer: &Answer) -> Result<Vec<u8>, VerifiableError> {
    let layout = Layout::of(q)?;
    let checked = PlainBallot {
        answers: vec![answer.clone()],
    }
    .validate(std::slice::from_ref(q))
    .map_err(|e| VerifiableError::InvalidAnswer {
        question: q.id.to_string(),
        message: e.to_string(),
    })?;
    let width = layout.group_width();
    let mut bits = vec![0u8; q.options.len() * width];
    // The answer is checked: every option it names is one of `q`'s.
    let index = |c: &CandidateId| q.option_index(c).unwrap_or(0);
    match (&checked.answers()[0], layout) {
        (Answer::Choice(c), _) => bits[index(c)] = 1,
        (Answer::Approvals(list), _) => {
            for c in list {
                bits[index(c)] = 1;
            }
        }
        (Answer::Scores(list), Layout::Score { min, .. }) => {
            for i in 0..q.options.len() {
                bits[i * width] = 1;
            }
            for (c, v) in list {
                let i = index(c);
                bits[i * width] = 0;
                bits[i * width + 1 + (v - min) as usize] = 1;
            }
        }
        (_, Layout::Score { .. }) => {
            for i in 0..q.options.len() {
                bits[i * width] = 1;
            }
        }
        _ => {}
    }
    Ok(bits)
}

/// The answer that `bits` encode (record format §2). All zeros (choose-one, approval) and
/// every option blank (score) read as [`Answer::Abstain`]. Errors name the first bit that is
/// not 0 or 1, or the first group whose sum the layout does not allow.
pub fn answer_from_bits(q: &Question, bits: &[u8]) -> Result<Answer, VerifiableError> {
    let layout = Layout::of(q)?;
    let question = || q.id.to_string();
    let width = layout.group_width();
    let expected = q.options.len() * width;
    if bits.len() != expected {
        return Err(VerifiableError::BitCount {
            question: question(),
            expected,
            found: bits.len(),
        });
    }
    if let Some(position) = bits.iter().position(|&b| b > 1) {
        return Err(VerifiableError::NotABit {
            question: question(),
            position,
            value: bits[position],
        });
    }
    let set = |range: std::ops::Range<usize>| range.filter(|&i| bits[i] == 1);
    let bad_sum = |group: usize, sum: usize| VerifiableError::GroupSum {
        question: question(),
        group,
        sum,
    };
    let id = |i: usize| q.options[i].id.clone();
    match layout {
        Layout::ChooseOne => {
            let chosen: Vec<usize> = set(0..expected).collect();
            match chosen[..] {
                [] => Ok(Answer::Abstain),
                [c] => Ok(Answer::Choice(id(c))),
                _ => Err(bad_sum(0, chosen.len())),
            }
        }
        Layout::Approval { min, max } => {
            let approved: Vec<usize> = set(0..expected).collect();
            match approved.len() {
                0 => Ok(Answer::Abstain),
                k if (min..=max).contains(&k) => {
                    Ok(Answer::Approvals(approved.into_iter().map(id).collect()))
                }
                k => Err(bad_sum(0, k)),
            }
        }
        Layout::Score { min, .. } => {
            let mut scores = Vec::new();
            for i in 0..q.options.len() {
                let marked: Vec<usize> = set(i * width..(i + 1) * width).collect();
                match marked[..] {
                    [slot] if slot == i * width => {}
                    [slot] => scores.push((id(i), min + (slot - i * width - 1) as i64)),
                    _ => return Err(bad_sum(i, marked.len())),
                }
            }
            if scores.is_empty() {
                Ok(Answer::Abstain)
            } else {
                Ok(Answer::Scores(scores))
            }
        }
    }
}

/// urna-tally's input from the decrypted totals of `q`'s bits (record format §5), one total
/// per bit, over the counted ballots (`ballots` of them, of total `weight`). Candidates are
/// named as in [`crate::tally::tally_input`], title and seats are the question's. Every
/// counted ballot is a ballot of the question: an abstention counts as a ballot that supports
/// no one (see the module doc).
pub fn totals_election(
    q: &Question,
    totals: &[u64],
    ballots: u64,
    weight: u64,
) -> Result<TotalsElection, VerifiableError> {
    let layout = Layout::of(q)?;
    let width = layout.group_width();
    let expected = q.options.len() * width;
    if totals.len() != expected {
        return Err(VerifiableError::TotalsCount {
            question: q.id.to_string(),
            expected,
            found: totals.len(),
        });
    }
    let info = election_info(q);
    let totals = match layout {
        Layout::ChooseOne => Totals::Choice {
            per_option: totals.to_vec(),
        },
        Layout::Approval { .. } => Totals::Approval {
            per_option: totals.to_vec(),
        },
        Layout::Score { min, max } => Totals::Score {
            scale: TotalsScale { min, max },
            histogram: totals.chunks(width).map(<[u64]>::to_vec).collect(),
        },
    };
    TotalsElection::try_from(TotalsElectionSpec {
        title: info.title,
        candidates: info.candidates,
        seats: q.seats,
        withdrawn: info.withdrawn,
        ballots,
        weight,
        totals,
    })
    .map_err(|source| VerifiableError::Totals {
        question: q.id.to_string(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use urna_tally::{Ballots, Method, count_totals};

    use super::*;
    use crate::question::test_util::*;
    use crate::tally::{count_options, tally_input};

    fn choose_one() -> Question {
        question(
            "motion",
            BallotType::ChooseOne,
            Method::Plurality,
            1,
            &["Yes", "No", "Later"],
        )
    }

    fn approval(min: usize, max: usize) -> Question {
        question(
            "board",
            BallotType::Approval { min, max },
            Method::Approval,
            2,
            &["Ann", "Bob", "Cy", "Dee"],
        )
    }

    fn score() -> Question {
        question(
            "arbcom",
            BallotType::Score { min: -1, max: 1 },
            Method::Son,
            1,
            &["Ann", "Bob"],
        )
    }

    #[test]
    fn bits_by_hand_for_each_type() {
        // Choose-one, 3 options: "No" is option 1 → [0, 1, 0]; abstain → [0, 0, 0].
        let q = choose_one();
        assert_eq!(
            answer_bits(&q, &Answer::Choice(cid("no"))).unwrap(),
            [0, 1, 0]
        );
        assert_eq!(answer_bits(&q, &Answer::Abstain).unwrap(), [0, 0, 0]);
        // Approval of Dee and Ann (any order) → bits 0 and 3.
        let q = approval(0, 4);
        let a = Answer::Approvals(vec![cid("dee"), cid("ann")]);
        assert_eq!(answer_bits(&q, &a).unwrap(), [1, 0, 0, 1]);
        // Score -1..1: w = 1 − (−1) + 2 = 4 bits per option: blank, −1, 0, +1.
        // Ann +1 → [0, 0, 0, 1]; Bob blank → [1, 0, 0, 0].
        let q = score();
        let s = Answer::Scores(vec![(cid("ann"), 1)]);
        assert_eq!(answer_bits(&q, &s).unwrap(), [0, 0, 0, 1, 1, 0, 0, 0]);
        // Bob −1, Ann 0 → Ann [0, 0, 1, 0], Bob [0, 1, 0, 0].
        let s = Answer::Scores(vec![(cid("bob"), -1), (cid("ann"), 0)]);
        assert_eq!(answer_bits(&q, &s).unwrap(), [0, 0, 1, 0, 0, 1, 0, 0]);
        // Abstaining on a score question: every option blank.
        assert_eq!(
            answer_bits(&q, &Answer::Abstain).unwrap(),
            [1, 0, 0, 0, 1, 0, 0, 0]
        );
    }

    #[test]
    fn parameters_follow_the_record_format() {
        let p = question_parameters(&approval(1, 3));
        assert_eq!(
            (p.ballot_type.as_str(), p.min, p.max, p.options.len()),
            ("approval", 1, 3, 4)
        );
        let p = question_parameters(&choose_one());
        assert_eq!((p.ballot_type.as_str(), p.min, p.max), ("choose_one", 0, 1));
        assert_eq!(p.options, ["yes", "no", "later"]);
        assert_eq!(p.id, "motion");
        let p = question_parameters(&score());
        assert_eq!((p.ballot_type.as_str(), p.min, p.max), ("score", -1, 1));
    }

    #[test]
    fn which_questions_are_verifiable() {
        assert!(is_verifiable(&[choose_one(), approval(0, 2), score()]));
        assert!(!is_verifiable(&[]));
        let ranked = question("chair", RANKED, Method::Irv, 1, &["A", "B"]);
        assert!(!is_verifiable(&[choose_one(), ranked.clone()]));
        let star = question(
            "art",
            BallotType::Score { min: 0, max: 5 },
            Method::Star,
            1,
            &["A", "B"],
        );
        assert!(!is_verifiable(std::slice::from_ref(&star)));
        let wide = question(
            "wide",
            BallotType::Score { min: 0, max: 101 },
            Method::Score,
            1,
            &["A"],
        );
        assert!(!is_verifiable(std::slice::from_ref(&wide)));
        let err = answer_bits(&star, &Answer::Abstain)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("star cannot be counted from score totals"),
            "{err}"
        );
        let err = answer_bits(&ranked, &Answer::Abstain)
            .unwrap_err()
            .to_string();
        assert!(err.contains("ranked ballots"), "{err}");
    }

    #[test]
    fn bad_answers_and_bits_are_errors() {
        let q = approval(1, 2);
        let three = Answer::Approvals(vec![cid("ann"), cid("bob"), cid("cy")]);
        assert!(matches!(
            answer_bits(&q, &three),
            Err(VerifiableError::InvalidAnswer { .. })
        ));
        assert_eq!(
            answer_from_bits(&q, &[1, 1, 1, 0]).unwrap_err(),
            VerifiableError::GroupSum {
                question: "board".into(),
                group: 0,
                sum: 3
            }
        );
        assert!(matches!(
            answer_from_bits(&q, &[1, 2, 0, 0]),
            Err(VerifiableError::NotABit {
                position: 1,
                value: 2,
                ..
            })
        ));
        assert!(matches!(
            answer_from_bits(&q, &[1, 0, 0]),
            Err(VerifiableError::BitCount {
                expected: 4,
                found: 3,
                ..
            })
        ));
        // Score: Bob's group (group 1) holds two marks.
        assert!(matches!(
            answer_from_bits(&score(), &[1, 0, 0, 0, 0, 1, 1, 0]),
            Err(VerifiableError::GroupSum {
                group: 1,
                sum: 2,
                ..
            })
        ));
        assert!(matches!(
            answer_from_bits(&choose_one(), &[1, 1, 0]),
            Err(VerifiableError::GroupSum {
                group: 0,
                sum: 2,
                ..
            })
        ));
        assert!(matches!(
            totals_election(&choose_one(), &[1, 2], 3, 3),
            Err(VerifiableError::TotalsCount {
                expected: 3,
                found: 2,
                ..
            })
        ));
        // Choices adding up to more than the counted weight.
        assert!(matches!(
            totals_election(&choose_one(), &[2, 2, 0], 3, 3),
            Err(VerifiableError::Totals { .. })
        ));
    }

    /// A random valid answer to `q` from raw draws.
    fn answer(q: &Question, draw: &[u8]) -> Answer {
        let n = q.options.len();
        let id = |i: usize| q.options[i].id.clone();
        match q.ballot_type {
            BallotType::ChooseOne => match draw[0] as usize % (n + 1) {
                0 => Answer::Abstain,
                k => Answer::Choice(id(k - 1)),
            },
            BallotType::Approval { min, max } => {
                let chosen: Vec<CandidateId> =
                    (0..n).filter(|&i| draw[i] % 2 == 1).map(id).collect();
                if draw[n].is_multiple_of(4) || !(min..=max).contains(&chosen.len()) {
                    Answer::Abstain
                } else {
                    Answer::Approvals(chosen)
                }
            }
            BallotType::Score { min, max } => {
                let span = (max - min + 2) as u8;
                let scores: Vec<(CandidateId, i64)> = (0..n)
                    .filter(|&i| !draw[i].is_multiple_of(span))
                    .map(|i| (id(i), min + i64::from(draw[i] % span) - 1))
                    .collect();
                if scores.is_empty() {
                    Answer::Abstain
                } else {
                    Answer::Scores(scores)
                }
            }
            BallotType::Ranked { .. } => Answer::Abstain,
        }
    }

    fn questions() -> Vec<Question> {
        let mut with_withdrawn = spec(
            "council",
            BallotType::Approval { min: 1, max: 3 },
            Method::Approval,
            2,
            &["Ann", "Bob", "Cy", "Dee"],
        );
        with_withdrawn.options[1].withdrawn = true;
        with_withdrawn.tie_seed = Some(7);
        let seeded = |mut s: crate::question::QuestionSpec| {
            s.tie_seed = Some(11);
            Question::try_from(s).unwrap()
        };
        let mut motion = spec(
            "motion",
            BallotType::ChooseOne,
            Method::Plurality,
            1,
            &["Yes", "No", "Later"],
        );
        motion.options[2].withdrawn = true;
        vec![
            Question::try_from(with_withdrawn).unwrap(),
            seeded(motion),
            seeded(spec(
                "block",
                BallotType::ChooseOne,
                Method::Block,
                2,
                &["A", "B", "C"],
            )),
            seeded(spec(
                "son",
                BallotType::Score { min: -1, max: 1 },
                Method::Son,
                2,
                &["A", "B", "C"],
            )),
            seeded(spec(
                "score",
                BallotType::Score { min: 0, max: 4 },
                Method::Score,
                1,
                &["A", "B", "C"],
            )),
        ]
    }

    #[test]
    fn majority_judgment_keeps_sealed_ballots() {
        let mj = Question::try_from(spec(
            "mj",
            BallotType::Score { min: 0, max: 3 },
            Method::Mj,
            1,
            &["A", "B", "C"],
        ))
        .unwrap();
        assert!(!is_verifiable(std::slice::from_ref(&mj)));
    }

    /// What the verifiable count reads an abstention as (module doc): an approval or score
    /// ballot that supports no one. (Choose-one abstentions are handled in the test.)
    fn as_counted(q: &Question, a: &Answer) -> Answer {
        match (a, q.ballot_type) {
            (Answer::Abstain, BallotType::Approval { .. }) => Answer::Approvals(vec![]),
            (Answer::Abstain, BallotType::Score { .. }) => Answer::Scores(vec![]),
            _ => a.clone(),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn answers_round_trip_through_bits(draw in proptest::collection::vec(any::<u8>(), 5)) {
            for q in questions() {
                let a = answer(&q, &draw);
                let bits = answer_bits(&q, &a).unwrap();
                prop_assert_eq!(bits.len(), bit_count(&q).unwrap());
                // The canonical answer (options in the question's order) comes back.
                let canonical = PlainBallot { answers: vec![a] }
                    .validate(std::slice::from_ref(&q))
                    .unwrap()
                    .into_answers()
                    .remove(0);
                prop_assert_eq!(answer_from_bits(&q, &bits).unwrap(), canonical);
            }
        }

        #[test]
        fn totals_of_bits_count_as_the_ballots(
            ballots in proptest::collection::vec(
                (1u64..=3, proptest::collection::vec(any::<u8>(), 5)),
                0..15,
            ),
        ) {
            for q in questions() {
                let answers: Vec<(u64, Answer)> =
                    ballots.iter().map(|(w, d)| (*w, answer(&q, d))).collect();
                // The trustees' totals: per bit, the weighted sum over the counted ballots.
                let mut totals = vec![0u64; bit_count(&q).unwrap()];
                for (w, a) in &answers {
                    for (t, b) in totals.iter_mut().zip(answer_bits(&q, a).unwrap()) {
                        *t += w * u64::from(b);
                    }
                }
                let weight: u64 = answers.iter().map(|(w, _)| w).sum();
                let input = totals_election(&q, &totals, answers.len() as u64, weight).unwrap();
                let from_totals = count_totals(q.method, &input, &count_options(&q)).unwrap();

                let counted: Vec<(u64, Answer)> =
                    answers.iter().map(|(w, a)| (*w, as_counted(&q, a))).collect();
                let mut plain = tally_input(&q, counted.iter().map(|(w, a)| (*w, a))).unwrap();
                // A choose-one abstention is an empty ballot: counted, for no one.
                let abstained: u64 = answers
                    .iter()
                    .filter(|(_, a)| *a == Answer::Abstain)
                    .map(|(w, _)| w)
                    .sum();
                if let (Ballots::Ranked(e), true) = (&mut plain, abstained > 0) {
                    e.ballots.push_ranking(abstained, &[]);
                }
                let from_ballots = urna_tally::count(q.method, &plain, &count_options(&q)).unwrap();
                prop_assert_eq!(
                    urna_tally::render::json(&from_totals),
                    urna_tally::render::json(&from_ballots),
                    "question {}", q.id
                );
            }
        }
    }
}
