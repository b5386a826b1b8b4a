//! Condorcet methods: pairwise comparisons, then Schulze, ranked pairs or minimax.

pub mod minimax;
pub mod ranked_pairs;
pub mod schulze;

/// Pairwise tables and the Condorcet winner/loser report.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CondorcetDetails {}

impl CondorcetDetails {
    pub fn to_json(&self, _candidates: &[String]) -> serde_json::Value {
        serde_json::Value::Null
    }
}
