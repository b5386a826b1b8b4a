//! Single transferable vote.

pub mod ers97;
pub mod meek;
pub mod scottish;
pub mod wigm;
