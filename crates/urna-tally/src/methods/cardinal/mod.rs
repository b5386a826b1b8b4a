//! Methods on scored ballots: approval, score, support/oppose/neutral, majority judgment, STAR.

pub mod approval;
pub mod mj;
pub mod score;
pub mod son;
pub mod star;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ApprovalDetails {}
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ScoreDetails {}
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SonDetails {}
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MjDetails {}
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StarDetails {}

impl ApprovalDetails {
    pub fn to_json(&self, _candidates: &[String]) -> serde_json::Value {
        serde_json::Value::Null
    }
}
impl ScoreDetails {
    pub fn to_json(&self, _candidates: &[String]) -> serde_json::Value {
        serde_json::Value::Null
    }
}
impl SonDetails {
    pub fn to_json(&self, _candidates: &[String]) -> serde_json::Value {
        serde_json::Value::Null
    }
}
impl MjDetails {
    pub fn to_json(&self, _candidates: &[String]) -> serde_json::Value {
        serde_json::Value::Null
    }
}
impl StarDetails {
    pub fn to_json(&self, _candidates: &[String]) -> serde_json::Value {
        serde_json::Value::Null
    }
}
