//! Weighted inclusive Gregory method (Droop.py wigm).

use crate::ballots::RankedElection;
use crate::error::TallyError;
use crate::methods::Context;
use crate::report::Report;

pub fn count(_e: &RankedElection, _ctx: &mut Context<'_>) -> Result<Report, TallyError> {
    Err(TallyError::Unsupported(
        "wigm is not implemented yet".into(),
    ))
}
pub const DECIMALS: u32 = 4;
