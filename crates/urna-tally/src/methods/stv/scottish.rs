//! Scottish STV (SSI 2007/42).

use crate::ballots::RankedElection;
use crate::error::TallyError;
use crate::methods::Context;
use crate::report::Report;

pub fn count(_e: &RankedElection, _ctx: &mut Context<'_>) -> Result<Report, TallyError> {
    Err(TallyError::Unsupported(
        "scottish-stv is not implemented yet".into(),
    ))
}
