//! Meek STV.

use crate::ballots::RankedElection;
use crate::error::TallyError;
use crate::methods::Context;
use crate::report::Report;

pub fn count(
    _e: &RankedElection,
    _ctx: &mut Context<'_>,
    _variant: Variant,
) -> Result<Report, TallyError> {
    Err(TallyError::Unsupported(
        "meek is not implemented yet".into(),
    ))
}

/// Which Meek reference rule to follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    /// Droop.py's `meek` rule (fixed 9 dp, omega 10^-6); stv-rs `fixed9` matches it.
    Droop,
    /// The PR Foundation reference rule (Droop.py `meek-prf`).
    Prf,
}
