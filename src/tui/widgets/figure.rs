//! How a count reads on every screen, in one form: the count first, then what changed, never
//! before it (so a room cannot read the change as the count): `14 (+3)` since the meeting
//! baseline, `14 ▲2` for cases that arrived at the last refreshes. With a baseline, a recent
//! arrival brightens the `(+3)` instead of adding `▲2` (the baseline's change already counts it).
//! A baseline change of zero is quiet; where a table has no room for changes, the count itself
//! takes the colour of its change, underlined (so that it shows without colour). Pure functions
//! of the figures given.

use ratatui::style::Modifier;
use ratatui::text::Span;

use crate::i18n::{Lang, number};
use crate::tui::marks::Mark;
use crate::tui::theme::Theme;
use crate::tui::widgets::text::width;

/// A count with what it is compared to, written as its language writes numbers (`1.078` in
/// Indonesian, `1,078` in English).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Figure {
    pub lang: Lang,
    pub count: i64,
    /// The same count at the baseline, when one is in force.
    pub base: Option<i64>,
    /// A change seen at the last refreshes.
    pub mark: Option<Mark>,
}

/// The columns a set of figures takes: their counts right-aligned, the changes after them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Width {
    pub count: usize,
    /// The widest change text, with its leading space (0 when no figure has a change).
    pub change: usize,
}

impl Width {
    /// All columns.
    pub fn total(self) -> usize {
        self.count + self.change
    }
}

impl Figure {
    /// A count with neither baseline nor mark.
    pub fn plain(lang: Lang, count: i64) -> Figure {
        Figure {
            lang,
            count,
            base: None,
            mark: None,
        }
    }

    /// The count alone, as the language writes it.
    pub fn count_text(&self) -> String {
        number(self.lang, self.count)
    }

    /// The change since the baseline, when there is one: `(+3)`, `(-2)`; none for no change.
    pub fn delta(&self) -> Option<String> {
        self.base
            .map(|b| self.count - b)
            .filter(|d| *d != 0)
            .map(|d| delta_text(self.lang, d))
    }

    /// The recent mark as text, where it is written out: without a baseline change beside it.
    fn mark_text(&self) -> Option<String> {
        self.mark
            .filter(|_| self.delta().is_none())
            .map(|m| m.text())
    }

    /// What follows the count, with its leading space: ` (+3)`, ` ▲2`, or nothing.
    fn change_text(&self) -> String {
        match (self.delta(), self.mark_text()) {
            (Some(d), _) => format!(" {d}"),
            (None, Some(m)) => format!(" {m}"),
            (None, None) => String::new(),
        }
    }

    /// The style of a change: up or down, brighter while it is recent.
    fn change_style(&self, t: &Theme) -> Option<ratatui::style::Style> {
        let up = match (self.base, self.mark) {
            (Some(b), _) if b != self.count => self.count > b,
            (_, Some(m)) => m.delta > 0,
            _ => return None,
        };
        let style = if up { t.increased() } else { t.decreased() };
        Some(match self.mark {
            Some(_) if self.delta().is_some() => style.add_modifier(Modifier::REVERSED),
            _ => style,
        })
    }

    /// The text without styles: `14`, `14 (+3)`, `14 ▲2`.
    pub fn text(&self) -> String {
        format!("{}{}", self.count_text(), self.change_text())
    }

    /// How many columns the text takes.
    pub fn width(&self) -> usize {
        width(&self.text())
    }

    /// The text as styled spans in the columns `w`: the count right-aligned in its part, the
    /// change left-aligned after it; `base` styles the count.
    pub fn spans(&self, w: Width, base: ratatui::style::Style, t: &Theme) -> Vec<Span<'static>> {
        let count = self.count_text();
        // No room for the change: the count itself takes its colour, and is underlined so that
        // a change shows without colour too.
        let count_style = match self.change_style(t) {
            Some(style) if w.change == 0 => style.add_modifier(Modifier::UNDERLINED),
            _ => base,
        };
        let mut out = vec![
            Span::raw(" ".repeat(w.count.saturating_sub(width(&count)))),
            Span::styled(count, count_style),
        ];
        if w.change == 0 {
            return out;
        }
        let change = self.change_spans(t);
        let used: usize = change.iter().map(Span::width).sum();
        out.extend(change);
        out.push(Span::raw(" ".repeat(w.change.saturating_sub(used))));
        out
    }

    /// What follows the count, styled: ` (+3)` or ` ▲2`, with its leading space; none when
    /// nothing changed.
    pub fn change_spans(&self, t: &Theme) -> Vec<Span<'static>> {
        let text = self.change_text();
        match self.change_style(t) {
            Some(style) if !text.is_empty() => vec![Span::styled(text, style)],
            _ => Vec::new(),
        }
    }
}

/// `(+3)` or `(-2)`, `(+1.078)` in Indonesian; `(±0)` for no change, where a change must be said.
pub fn delta_text(lang: Lang, d: i64) -> String {
    match d.signum() {
        1 => format!("(+{})", number(lang, d)),
        -1 => format!("(-{})", number(lang, -d)),
        _ => "(±0)".into(),
    }
}

/// The columns some figures take; the counts at least `least` wide.
pub fn widest<'a>(figures: impl IntoIterator<Item = &'a Figure>, least: usize) -> Width {
    figures.into_iter().fold(
        Width {
            count: least,
            change: 0,
        },
        |w, f| Width {
            count: w.count.max(width(&f.count_text())),
            change: w.change.max(width(&f.change_text())),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_changes_of_a_thousand_and_more_are_grouped_as_the_language_writes_them() {
        let f = Figure {
            lang: Lang::Id,
            count: 6783,
            base: Some(5700),
            mark: None,
        };
        assert_eq!(f.text(), "6.783 (+1.083)");
        assert_eq!(
            Figure {
                lang: Lang::En,
                ..f
            }
            .text(),
            "6,783 (+1,083)"
        );
        assert_eq!(widest(&[f], 2).count, "6.783".len());
    }

    #[test]
    fn a_count_shows_its_change_since_the_baseline_as_text() {
        assert_eq!(Figure::plain(Lang::En, 14).text(), "14");
        let f = Figure {
            lang: Lang::En,
            count: 14,
            base: Some(11),
            mark: None,
        };
        assert_eq!(f.text(), "14 (+3)");
        assert_eq!(
            Figure {
                base: Some(15),
                ..f
            }
            .text(),
            "14 (-1)"
        );
        assert_eq!(
            Figure {
                base: Some(14),
                ..f
            }
            .text(),
            "14",
            "no change since the baseline is quiet"
        );
        let spans = f.spans(
            Width {
                count: 4,
                change: 5,
            },
            ratatui::style::Style::new(),
            &Theme::new(false),
        );
        let text: String = spans.iter().map(|s| s.content.to_string()).collect();
        assert_eq!(text, "  14 (+3)");
    }

    #[test]
    fn the_change_always_follows_the_count_and_counts_stay_aligned() {
        let now = chrono::NaiveDate::from_ymd_opt(2024, 2, 2)
            .and_then(|d| d.and_hms_opt(10, 0, 0))
            .unwrap_or_default();
        let up = |delta| Some(Mark { delta, since: now });
        let figs = [
            Figure {
                lang: Lang::En,
                count: 49,
                base: Some(47),
                mark: up(2),
            },
            Figure {
                lang: Lang::En,
                count: 0,
                base: Some(1),
                mark: up(-1),
            },
            Figure::plain(Lang::En, 7),
        ];
        assert_eq!(
            figs[0].text(),
            "49 (+2)",
            "the baseline's change counts the arrival"
        );
        assert_eq!(figs[1].text(), "0 (-1)");
        assert_eq!(Figure::plain(Lang::En, 7).text(), "7");
        assert_eq!(
            Figure {
                mark: up(3),
                ..Figure::plain(Lang::En, 7)
            }
            .text(),
            "7 ▲3"
        );
        let w = widest(&figs, 2);
        assert_eq!(
            w,
            Width {
                count: 2,
                change: 5
            }
        );
        let cells: Vec<String> = figs
            .iter()
            .map(|f| {
                f.spans(w, ratatui::style::Style::new(), &Theme::new(false))
                    .iter()
                    .map(|s| s.content.to_string())
                    .collect()
            })
            .collect();
        assert_eq!(cells, ["49 (+2)", " 0 (-1)", " 7     "]);
        let recent = figs[0].spans(w, ratatui::style::Style::new(), &Theme::new(false));
        assert!(
            recent[2].style.add_modifier.contains(Modifier::REVERSED),
            "a recent arrival brightens the change: {recent:?}"
        );
        let narrow = figs[0].spans(
            Width {
                count: 2,
                change: 0,
            },
            ratatui::style::Style::new(),
            &Theme::new(false),
        );
        assert_eq!(narrow.len(), 2, "no room: the count alone");
        assert_eq!(
            narrow[1].style,
            Theme::new(false)
                .increased()
                .add_modifier(Modifier::REVERSED | Modifier::UNDERLINED),
            "underlined: the change shows without colour"
        );
        let plain = figs[2].spans(
            Width {
                count: 2,
                change: 0,
            },
            ratatui::style::Style::new(),
            &Theme::new(false),
        );
        assert!(!plain[1].style.add_modifier.contains(Modifier::UNDERLINED));
    }
}
