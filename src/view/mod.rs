//! The view-spec language: one filter language for the TUI's filter bar, the CLI's `--view` and
//! saved views. Owns the syntax tree, parsing, canonical printing and errors; knows no SQL.

mod ast;
mod parse;
mod place;
mod print;
mod saved;

pub use ast::{
    DateExpr, Elections, Flag, FollowUpValue, Sort, SortKey, Term, TermKind, TextTerm, View,
};
pub use parse::ViewError;
pub use saved::{MAX_EXPANDED, Saved, expand};

/// Parses a view spec. An empty or blank spec is the empty view (all cases). Its `pekan:` terms
/// are resolved, with no today to count from, in the campaign of the one election the view
/// names, else of the primary election (Pemilu 2024); the engine counts them again in the
/// default election's campaign when it narrows a view that names none ([`of_election`]). A
/// command, which knows today and the date the view is counted at, parses with [`parse_on`].
pub fn parse(input: &str, reference: &crate::domain::Reference) -> Result<View, ViewError> {
    parse::parse_with(input, reference, &|view| pekan_campaign(view, reference))
}

/// [`parse`], the `pekan:` terms resolved in the campaign of the election in view
/// ([`election_in_view`]) on the date the view is counted at: `as_of` (a command's `--as-of`)
/// when given, else the view's `per:` (counted from `today` when relative), else `today`. So
/// `pekan:9` on a day of Pilkada 2024 is refused naming its eight pekan rather than matching no
/// case. `held` gives the codes of the elections the database holds cases of (as
/// `Engine::elections_with_cases`); it is asked only when the view has a `pekan:` term.
pub fn parse_on(
    input: &str,
    reference: &crate::domain::Reference,
    today: chrono::NaiveDate,
    as_of: Option<chrono::NaiveDate>,
    held: &dyn Fn() -> Vec<String>,
) -> Result<View, ViewError> {
    parse::parse_with(input, reference, &|view| {
        let on = as_of.unwrap_or_else(|| view.as_of.map_or(today, |d| d.resolve(today)));
        election_in_view(view, reference, on, &held()).and_then(|e| e.campaign_period())
    })
}

/// [`parse`] as the TUI's filter bar and saved views read a spec: the `pekan:` terms resolved in
/// the campaign of the election in view on the date the screen shows (`shown`), or on the date
/// the spec's own `per:` moves it to (counted from `today`). So with Pilkada 2024 on the screen,
/// `pekan:9` is refused naming its eight pekan, as the CLI refuses it.
pub fn parse_shown(
    input: &str,
    reference: &crate::domain::Reference,
    today: chrono::NaiveDate,
    shown: chrono::NaiveDate,
    held: &dyn Fn() -> Vec<String>,
) -> Result<View, ViewError> {
    parse::parse_with(input, reference, &|view| {
        let on = view.as_of.map_or(shown, |d| d.resolve(today));
        election_in_view(view, reference, on, &held()).and_then(|e| e.campaign_period())
    })
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

/// The elections the view's election terms admit, by voting day; `None` when it names none.
fn named_elections<'r>(
    view: &View,
    reference: &'r crate::domain::Reference,
) -> Option<Vec<&'r crate::domain::Election>> {
    if !view.names_elections() {
        return None;
    }
    Some(
        reference
            .elections
            .iter()
            .filter(|e| {
                view.terms
                    .iter()
                    .all(|t| t.admits_election(&e.code).unwrap_or(true))
            })
            .collect(),
    )
}

/// The campaign a view's `pekan:` terms count in when parsed: that of the one election the view
/// names, else the primary election's (see [`crate::domain::Reference::primary`]). The engine
/// counts them again in the campaign of the default election when it narrows a view to it.
pub(crate) fn pekan_campaign(
    view: &View,
    reference: &crate::domain::Reference,
) -> Option<crate::domain::CampaignPeriod> {
    match named_elections(view, reference).as_deref() {
        Some([one]) => one.campaign_period(),
        _ => reference.campaign_period(),
    }
}

/// The elections a view's figures are of, on `as_of` (the view's as-of date), by voting day: those
/// its election terms admit (`pemilihan:pilkada2024`; `-pemilihan:pemilu2024` every other;
/// `pemilihan:semua` every one), or, when it names none, the default election
/// ([`crate::domain::Reference::default_election`]) among those `held` names (the codes of the
/// elections the database holds cases of: the engine knows them, see
/// `Engine::elections_in_view`). See docs/elections.md, "The election in view".
pub fn elections_in_view<'r>(
    view: &View,
    reference: &'r crate::domain::Reference,
    as_of: chrono::NaiveDate,
    held: &[String],
) -> Vec<&'r crate::domain::Election> {
    match named_elections(view, reference) {
        Some(named) => named,
        None => reference
            .default_election(as_of, held)
            .into_iter()
            .collect(),
    }
}

/// The one election whose rules frame a view's figures (its stage calendar, its campaign and
/// pekan): the view's election when it covers one; with several, the default election when it
/// is among them, else the latest of them; with none, the default election.
pub fn election_in_view<'r>(
    view: &View,
    reference: &'r crate::domain::Reference,
    as_of: chrono::NaiveDate,
    held: &[String],
) -> Option<&'r crate::domain::Election> {
    let default = reference.default_election(as_of, held);
    match elections_in_view(view, reference, as_of, held).as_slice() {
        [one] => Some(one),
        [] => default,
        several => default
            .filter(|d| several.iter().any(|e| e.code == d.code))
            .or_else(|| several.last().copied()),
    }
}

/// `view` narrowed to `election` as the engine answers a view that names none: with the term
/// `pemilihan:CODE`, and its `pekan:` terms counted in that election's campaign (a number the
/// campaign does not have matches no case). A view that names its elections comes back as it is.
pub fn of_election(
    view: &View,
    election: &crate::domain::Election,
    reference: &crate::domain::Reference,
) -> View {
    if view.names_elections() {
        return view.clone();
    }
    let mut v = view.clone();
    let campaign = election.campaign_period();
    for t in &mut v.terms {
        if let TermKind::Pekan(pekan) = &mut t.kind {
            let numbers: Vec<u32> = pekan.iter().map(|p| p.number).collect();
            *pekan = numbers
                .into_iter()
                .filter_map(|n| campaign.and_then(|c| c.pekan(n)))
                .collect();
        }
    }
    v.terms.push(Term {
        negated: false,
        kind: TermKind::Election(Elections::Codes(vec![election.code.clone()])),
    });
    parse::normalise(&mut v, reference);
    v
}
