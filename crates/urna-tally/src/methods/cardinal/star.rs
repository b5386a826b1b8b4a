//! STAR voting.

use crate::ballots::ScoredElection;
use crate::error::TallyError;
use crate::methods::Context;
use crate::report::Report;

pub fn count(_e: &ScoredElection, _ctx: &mut Context<'_>) -> Result<Report, TallyError> {
    Err(TallyError::Unsupported(
        "star is not implemented yet".into(),
    ))
}
