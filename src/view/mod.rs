//! The view-spec language: one filter language for the TUI's filter bar, the CLI's `--view` and
//! saved views. Owns the syntax tree, parsing, canonical printing and errors; knows no SQL.

mod ast;
mod parse;
mod print;
mod saved;

pub use ast::{DateExpr, Flag, Sort, SortKey, Term, TermKind, TextTerm, View};
pub use parse::{ViewError, parse};
pub use saved::{MAX_EXPANDED, Saved, expand};
