//! The election in view as the screens name it and as `e`/`E` step through it: one election at a
//! time by voting day, then every election where a screen can show them together. Which election
//! a view is of is `view::elections_in_view`'s answer, never a rule of the screen's own.

use chrono::NaiveDate;

use crate::domain::{Election, Reference};
use crate::i18n::{Lang, Msg, tr};
use crate::view::{Elections, Term, TermKind, View};

/// How the title bar and the presenter's caption name what the figures are of: in full, and in a
/// short form that a narrow bar takes instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ElectionName {
    /// The name in the screen's language (`Pilkada 2024`, `2024 Regional Head Elections`,
    /// `Semua pemilihan`).
    pub full: String,
    /// The short form derived from the code (`Pilkada 2024`), or `Semua`/`All`.
    pub short: String,
    /// The widest full name `e`/`E` can bring in this language (every election's, and every
    /// election together): a place shows the full name only where the widest one would fit, so
    /// that at one width every election is named the same way, all in full or all short.
    pub widest: usize,
}

impl ElectionName {
    /// The columns the widest full name takes beyond this one's: a place that shows the full
    /// name keeps them free.
    pub fn pad(&self) -> usize {
        self.widest
            .saturating_sub(crate::tui::widgets::text::width(&self.full))
    }
}

/// The name of the elections `view` is of on `as_of`, in `lang`; `None` only without elections.
pub fn name_in_view(
    view: &View,
    reference: &Reference,
    as_of: NaiveDate,
    held: &[String],
    lang: Lang,
) -> Option<ElectionName> {
    let elections = crate::view::elections_in_view(view, reference, as_of, held);
    let widest = reference
        .elections
        .iter()
        .map(|e| e.name(lang))
        .chain([tr(lang, Msg::TuiAllElections)])
        .map(crate::tui::widgets::text::width)
        .max()
        .unwrap_or(0);
    let name = match elections.as_slice() {
        [] => None,
        [one] => Some(ElectionName {
            full: one.name(lang).to_string(),
            short: short_name(&one.code),
            widest: 0,
        }),
        several if several.len() >= reference.elections.len() => Some(ElectionName {
            full: tr(lang, Msg::TuiAllElections).to_string(),
            short: tr(lang, Msg::TuiAllElectionsShort).to_string(),
            widest: 0,
        }),
        several => Some(ElectionName {
            full: several
                .iter()
                .map(|e| e.name(lang))
                .collect::<Vec<_>>()
                .join(" + "),
            short: several
                .iter()
                .map(|e| short_name(&e.code))
                .collect::<Vec<_>>()
                .join(" + "),
            widest: 0,
        }),
    };
    name.map(|n| ElectionName {
        widest: widest.max(crate::tui::widgets::text::width(&n.full)),
        ..n
    })
}

/// The short form of an election's name, read from its code: `PILKADA2024` is `Pilkada 2024`,
/// `PEMILU2029` is `Pemilu 2029` (the word capitalised, a space before the year).
pub fn short_name(code: &str) -> String {
    let split = code
        .find(|c: char| c.is_ascii_digit())
        .unwrap_or(code.len());
    let (word, digits) = code.split_at(split);
    let mut chars = word.chars();
    let mut out: String = chars
        .next()
        .map(|c| {
            c.to_uppercase()
                .chain(chars.flat_map(char::to_lowercase))
                .collect()
        })
        .unwrap_or_default();
    if !digits.is_empty() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(digits);
    }
    out
}

/// What `e`/`E` switch the view to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice<'r> {
    One(&'r Election),
    /// Every election the database knows.
    All,
}

/// The choice after (or before) the one `view` makes on `as_of` (the database holding cases of
/// `held`), going round the elections by voting day and then, where `all` allows it, every
/// election; `None` only without elections.
pub fn step<'r>(
    view: &View,
    reference: &'r Reference,
    as_of: NaiveDate,
    held: &[String],
    forward: bool,
    all: bool,
) -> Option<Choice<'r>> {
    let list: Vec<&Election> = reference.elections.iter().collect();
    let n = list.len();
    if n == 0 {
        return None;
    }
    let slots = n + 1;
    let now = match crate::view::elections_in_view(view, reference, as_of, held).as_slice() {
        [one] => list.iter().position(|e| e.code == one.code).unwrap_or(0),
        _ => n,
    };
    let mut i = now;
    loop {
        i = if forward {
            (i + 1) % slots
        } else {
            (i + slots - 1) % slots
        };
        if i < n {
            return Some(Choice::One(list[i]));
        }
        if all && n > 1 {
            return Some(Choice::All);
        }
    }
}

/// `view` of `choice`: its election terms (negated or not) replaced by one naming it, in normal
/// form (as if typed).
pub fn view_of(choice: Choice<'_>, view: &View, reference: &Reference) -> View {
    let elections = match choice {
        Choice::One(e) => Elections::Codes(vec![e.code.clone()]),
        Choice::All => Elections::All,
    };
    let mut out = view.clone();
    out.terms
        .retain(|t| !matches!(t.kind, TermKind::Election(_)));
    out.terms.push(Term {
        negated: false,
        kind: TermKind::Election(elections),
    });
    crate::view::parse(&out.print(reference), reference).unwrap_or(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_short_form_is_read_from_the_code() {
        assert_eq!(short_name("PILKADA2024"), "Pilkada 2024");
        assert_eq!(short_name("PEMILU2029"), "Pemilu 2029");
        assert_eq!(short_name("PSU"), "Psu");
        assert_eq!(short_name("2029"), "2029");
    }

    #[test]
    fn the_default_election_is_named_in_the_screen_s_language() {
        let r = Reference::embedded();
        let feb = NaiveDate::from_ymd_opt(2024, 2, 2).unwrap_or_default();
        let oct = NaiveDate::from_ymd_opt(2024, 10, 2).unwrap_or_default();
        let name = |day, lang| name_in_view(&View::default(), &r, day, &[], lang);
        assert_eq!(
            name(feb, Lang::Id).map(|n| n.full),
            Some("Pemilu 2024".into())
        );
        let pilkada = name(oct, Lang::En);
        assert_eq!(
            pilkada.as_ref().map(|n| n.full.as_str()),
            Some("2024 Regional Head Elections")
        );
        assert_eq!(
            pilkada.as_ref().map(|n| n.short.as_str()),
            Some("Pilkada 2024")
        );
    }
}
