//! Single transferable vote.

pub mod ers97;
pub mod gregory;
pub mod inclusive;
pub mod meek;
pub mod scottish;
pub mod wigm;
