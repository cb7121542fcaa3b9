//! The view-spec language: one filter language for the TUI's filter bar, the CLI's `--view` and
//! saved views. Owns the syntax tree, parsing, canonical printing and errors; knows no SQL.

mod ast;
mod parse;
mod print;
mod saved;

pub use ast::{DateExpr, Flag, FollowUpValue, Sort, SortKey, Term, TermKind, TextTerm, View};
pub use parse::ViewError;
pub use saved::{MAX_EXPANDED, Saved, expand};

/// Parses a view spec. An empty or blank spec is the empty view (all cases). Its `pekan:` terms
/// are resolved, with no today to count from, in the campaign of the election the view names,
/// else of the primary election (Pemilu 2024). A command, which knows today and the date the
/// view is counted at, parses with [`parse_on`].
pub fn parse(input: &str, reference: &crate::domain::Reference) -> Result<View, ViewError> {
    parse::parse_with(input, reference, None, &campaign_in(reference))
}

/// [`parse`], the `pekan:` terms resolved in the campaign of the election in view on the date the
/// view is counted at: `as_of` (a command's `--as-of`) when given, else the view's `per:`
/// (counted from `today` when relative), else `today`.
pub fn parse_on(
    input: &str,
    reference: &crate::domain::Reference,
    today: chrono::NaiveDate,
    as_of: Option<chrono::NaiveDate>,
) -> Result<View, ViewError> {
    parse::parse_with(
        input,
        reference,
        Some((today, as_of)),
        &campaign_in(reference),
    )
}

/// The campaign of the election in view of a view on a date.
fn campaign_in(
    reference: &crate::domain::Reference,
) -> impl Fn(&View, chrono::NaiveDate) -> Option<crate::domain::CampaignPeriod> + '_ {
    move |view, on| election_in_view(view, reference, on).and_then(|e| e.campaign_period())
}

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

/// The elections a view's figures are of, on `as_of` (the view's as-of date), by voting day: those
/// its election terms name, or the default election ([`crate::domain::Reference::default_election`])
/// when it names none. See docs/elections.md, "The election in view".
pub fn elections_in_view<'r>(
    view: &View,
    reference: &'r crate::domain::Reference,
    as_of: chrono::NaiveDate,
) -> Vec<&'r crate::domain::Election> {
    // Until views can name an election, every view is of the default one.
    let _ = view;
    reference.default_election(as_of).into_iter().collect()
}

/// The one election whose rules frame a view's figures (its stage calendar, its campaign and
/// pekan): the view's election when it covers one, else the default election on `as_of`.
pub fn election_in_view<'r>(
    view: &View,
    reference: &'r crate::domain::Reference,
    as_of: chrono::NaiveDate,
) -> Option<&'r crate::domain::Election> {
    match elections_in_view(view, reference, as_of).as_slice() {
        [one] => Some(one),
        _ => reference.default_election(as_of),
    }
}
