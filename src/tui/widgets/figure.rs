//! How a count reads on every screen: the number, its recent change mark (`▲2`) and its change since
//! the meeting baseline (`14 (+3)`), as text with styles. Pure functions of the figures given.

use ratatui::text::Span;

use crate::tui::marks::Mark;
use crate::tui::theme::Theme;
use crate::tui::widgets::text::width;

/// A count with what it is compared to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Figure {
    pub count: i64,
    /// The same count at the baseline, when one is in force.
    pub base: Option<i64>,
    /// A change seen at the last refreshes.
    pub mark: Option<Mark>,
}

impl Figure {
    /// A count with neither baseline nor mark.
    pub fn plain(count: i64) -> Figure {
        Figure {
            count,
            ..Figure::default()
        }
    }

    /// The change since the baseline: `(+3)`, `(-2)`, `(±0)`.
    pub fn delta(&self) -> Option<String> {
        self.base.map(|b| delta_text(self.count - b))
    }

    /// The recent mark as written before the count: `▲2 `, or just `▲` beside a baseline change
    /// (the change since the baseline already gives the number).
    fn mark_text(&self) -> Option<String> {
        let m = self.mark?;
        Some(match self.base {
            Some(_) => m.text().chars().take(1).collect(),
            None => format!("{} ", m.text()),
        })
    }

    /// The text without styles: `▲2 14`, `14 (+3)`, `▲14 (+3)`.
    pub fn text(&self) -> String {
        let mut s = String::new();
        if let Some(m) = self.mark_text() {
            s.push_str(&m);
        }
        s.push_str(&self.count.to_string());
        if let Some(d) = self.delta() {
            s.push(' ');
            s.push_str(&d);
        }
        s
    }

    /// How many columns the text takes.
    pub fn width(&self) -> usize {
        width(&self.text())
    }

    /// The text as styled spans, right-aligned in `w` columns; `base` styles the number.
    pub fn spans(&self, w: usize, base: ratatui::style::Style, t: &Theme) -> Vec<Span<'static>> {
        let mut out = vec![Span::raw(" ".repeat(w.saturating_sub(self.width())))];
        if let (Some(m), Some(text)) = (self.mark, self.mark_text()) {
            let style = if m.delta > 0 {
                t.increased()
            } else {
                t.decreased()
            };
            out.push(Span::styled(text, style));
        }
        out.push(Span::styled(self.count.to_string(), base));
        if let (Some(d), Some(b)) = (self.delta(), self.base) {
            let style = match (self.count - b).signum() {
                1 => t.increased(),
                -1 => t.decreased(),
                _ => t.dim(),
            };
            out.push(Span::styled(format!(" {d}"), style));
        }
        out
    }
}

/// `(+3)`, `(-2)` or `(±0)`.
pub fn delta_text(d: i64) -> String {
    match d.signum() {
        1 => format!("(+{d})"),
        -1 => format!("(-{})", -d),
        _ => "(±0)".into(),
    }
}

/// The widest text of some figures (at least `least`).
pub fn widest<'a>(figures: impl IntoIterator<Item = &'a Figure>, least: usize) -> usize {
    figures
        .into_iter()
        .map(Figure::width)
        .max()
        .unwrap_or(0)
        .max(least)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_shows_its_change_since_the_baseline_as_text() {
        assert_eq!(Figure::plain(14).text(), "14");
        let f = Figure {
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
            "14 (±0)"
        );
        let spans = f.spans(9, ratatui::style::Style::new(), &Theme::new(false));
        let text: String = spans.iter().map(|s| s.content.to_string()).collect();
        assert_eq!(text, "  14 (+3)");
    }
}
