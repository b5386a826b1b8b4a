//! Ranked pairs (Tideman), winning votes.

use crate::ballots::RankedElection;
use crate::error::TallyError;
use crate::methods::Context;
use crate::report::Report;

pub fn count(_e: &RankedElection, _ctx: &mut Context<'_>) -> Result<Report, TallyError> {
    Err(TallyError::Unsupported(
        "ranked-pairs is not implemented yet".into(),
    ))
}
