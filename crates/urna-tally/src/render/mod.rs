//! Renderings of a [`Report`]: JSON (the stable contract, `docs/report.schema.json`), a text
//! round table, a standalone HTML page with an SVG chart, and CSV.

mod html;
mod json;
mod table;
// Shared with the server's turnout chart (urna-web).
pub mod svg;

pub use html::html;
pub use json::{json, json_value};
pub use table::{csv, text};

use crate::report::Report;

/// The names of `ids`, in that order.
fn names(report: &Report, ids: &[usize]) -> Vec<String> {
    ids.iter().map(|&c| report.candidates[c].clone()).collect()
}
