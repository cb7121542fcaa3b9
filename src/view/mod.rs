//! The view-spec language: one filter language for the TUI's filter bar, the CLI's `--view` and
//! saved views. Owns the syntax tree, parsing, canonical printing and errors; knows no SQL.

mod ast;
mod parse;
mod print;
mod saved;

pub use ast::{DateExpr, Flag, FollowUpValue, Sort, SortKey, Term, TermKind, TextTerm, View};
pub use parse::{ViewError, parse};
pub use saved::{MAX_EXPANDED, Saved, expand};

/// The error of a view asking for `is:new` while no meeting baseline is in force, placed at the
/// term in `spec` (as typed, in either language).
pub fn needs_baseline(spec: &str) -> ViewError {
    let lower = spec.to_lowercase();
    let at = ["is:new", "is:baru"]
        .iter()
        .filter_map(|t| lower.find(t))
        .min()
        .map_or(1, |byte| lower[..byte].chars().count() + 1);
    ViewError::new(at, crate::i18n::view::Spec::NewNeedsBaseline { pos: at })
}
