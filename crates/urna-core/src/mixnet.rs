//! A mixnet election's answers as ranks (docs/record-format.md A.1, A.6–A.7): a ranked answer
//! becomes the rank of each option (`0` = unranked) that the voter's device packs into points,
//! and decrypted ranks become an answer again, checked against the question's own rules (its
//! `max_ranks`, whether equal ranks are allowed). Plain data only: urna-crypto packs, encrypts
//! and decodes the points.

use thiserror::Error;

use crate::ballot::{Answer, PlainBallot};
use crate::question::{BallotType, Question};

/// Why ranks do not make an answer to a question. The message is public: it is the reason a
/// decrypted ballot is set aside.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RanksError {
    #[error("question {question} is not a ranked question")]
    NotRanked { question: String },
    #[error("{found} ranks for the {expected} options of question {question}")]
    RankCount {
        question: String,
        expected: usize,
        found: usize,
    },
    #[error("question {question}: rank {rank} is given but rank {missing} is not")]
    SkippedRank {
        question: String,
        rank: u8,
        missing: u8,
    },
    /// The ballot checks' message, which names the question.
    #[error("{message}")]
    Invalid { question: String, message: String },
}

/// The rank of each of `q`'s options in `answer` (`0` = unranked; equal ranks share a number),
/// after checking the answer as a ballot would be checked. An abstention ranks no one.
pub fn answer_ranks(q: &Question, answer: &Answer) -> Result<Vec<u8>, RanksError> {
    if !matches!(q.ballot_type, BallotType::Ranked { .. }) {
        return Err(RanksError::NotRanked {
            question: q.id.to_string(),
        });
    }
    let checked = PlainBallot {
        answers: vec![answer.clone()],
    }
    .validate(std::slice::from_ref(q))
    .map_err(|e| RanksError::Invalid {
        question: q.id.to_string(),
        message: e.to_string(),
    })?;
    let mut ranks = vec![0u8; q.options.len()];
    if let Answer::Ranking(groups) = &checked.answers()[0] {
        for (rank, group) in groups.iter().enumerate() {
            for option in group {
                // The answer is checked: every option it names is one of `q`'s, and a
                // ranked question has at most 70 options (so ranks fit a byte).
                if let Some(i) = q.option_index(option) {
                    ranks[i] = u8::try_from(rank + 1).unwrap_or(u8::MAX);
                }
            }
        }
    }
    Ok(ranks)
}

/// The answer that `ranks` give to `q`: options grouped by rank, most preferred first, then
/// checked against the question's rules. No option ranked is an abstention.
pub fn answer_from_ranks(q: &Question, ranks: &[u8]) -> Result<Answer, RanksError> {
    let question = || q.id.to_string();
    if !matches!(q.ballot_type, BallotType::Ranked { .. }) {
        return Err(RanksError::NotRanked {
            question: question(),
        });
    }
    if ranks.len() != q.options.len() {
        return Err(RanksError::RankCount {
            question: question(),
            expected: q.options.len(),
            found: ranks.len(),
        });
    }
    let highest = ranks.iter().copied().max().unwrap_or(0);
    let mut groups = vec![Vec::new(); usize::from(highest)];
    for (option, &rank) in q.options.iter().zip(ranks) {
        if rank > 0 {
            groups[usize::from(rank) - 1].push(option.id.clone());
        }
    }
    if let Some(missing) = groups.iter().position(Vec::is_empty) {
        return Err(RanksError::SkippedRank {
            question: question(),
            rank: highest,
            missing: u8::try_from(missing + 1).unwrap_or(u8::MAX),
        });
    }
    let checked = PlainBallot {
        answers: vec![Answer::Ranking(groups)],
    }
    .validate(std::slice::from_ref(q))
    .map_err(|e| RanksError::Invalid {
        question: question(),
        message: e.to_string(),
    })?;
    Ok(checked.answers()[0].clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::question::CandidateId;

    /// A ranked question over options a, b, c, d.
    fn question(max_ranks: Option<usize>, allow_equal: bool) -> Question {
        let ballot = BallotType::Ranked {
            max_ranks,
            allow_equal,
        };
        let spec = crate::question::test_util::spec(
            "q",
            ballot,
            urna_tally::Method::Meek,
            1,
            &["a", "b", "c", "d"],
        );
        Question::try_from(spec).expect("a valid question")
    }

    fn ranking(groups: &[&[&str]]) -> Answer {
        Answer::Ranking(
            groups
                .iter()
                .map(|g| {
                    g.iter()
                        .map(|c| CandidateId::parse(c).expect("id"))
                        .collect()
                })
                .collect(),
        )
    }

    #[test]
    fn a_ranking_becomes_ranks_per_option_and_back() {
        let q = question(None, true);
        // c first, then a and d together, b unranked: ranks (a, b, c, d) = (2, 0, 1, 2).
        let answer = ranking(&[&["c"], &["a", "d"]]);
        assert_eq!(answer_ranks(&q, &answer), Ok(vec![2, 0, 1, 2]));
        assert_eq!(answer_from_ranks(&q, &[2, 0, 1, 2]), Ok(answer));
        assert_eq!(answer_ranks(&q, &Answer::Abstain), Ok(vec![0, 0, 0, 0]));
        assert_eq!(answer_from_ranks(&q, &[0, 0, 0, 0]), Ok(Answer::Abstain));
    }

    #[test]
    fn ranks_that_break_the_question_rules_are_refused_with_the_reason() {
        // Rank 3 given without rank 2.
        assert!(matches!(
            answer_from_ranks(&question(None, true), &[1, 3, 0, 0]),
            Err(RanksError::SkippedRank { missing: 2, .. })
        ));
        // a and b share rank 1, but this question does not allow equal ranks.
        assert!(matches!(
            answer_from_ranks(&question(None, false), &[1, 1, 2, 0]),
            Err(RanksError::Invalid { .. })
        ));
        // Three options ranked where at most two may be.
        assert!(matches!(
            answer_from_ranks(&question(Some(2), false), &[1, 2, 3, 0]),
            Err(RanksError::Invalid { .. })
        ));
        assert!(matches!(
            answer_from_ranks(&question(None, false), &[1, 2, 3]),
            Err(RanksError::RankCount {
                expected: 4,
                found: 3,
                ..
            })
        ));
    }
}
