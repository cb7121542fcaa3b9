//! A panel of counts by one dimension (stage, type or status) beside or below the region table:
//! a title, one line per key with its count, mark and bar. Render-only; lines and cursor are given.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::i18n::{Lang, number};
use crate::tui::marks::Mark;
use crate::tui::theme::Theme;
use crate::tui::widgets::bar::bar_at;
use crate::tui::widgets::figure::{Figure, Width, widest};
use crate::tui::widgets::text::{left, panel_heading, width};

/// One line of a panel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PanelLine {
    pub label: String,
    pub count: i64,
    pub mark: Option<Mark>,
    /// Marked with ◆ (the campaign stage).
    pub flagged: bool,
    /// The count at the baseline, when one is in force.
    pub base: Option<i64>,
}

impl PanelLine {
    /// The count with its changes, in the one form of every screen: `22 (+1)`, `22 ▲1`.
    fn figure(&self, lang: Lang) -> Figure {
        Figure {
            lang,
            count: self.count,
            base: self.base,
            mark: self.mark,
        }
    }
}

/// The panel.
pub struct CountPanel<'a> {
    pub title: &'a str,
    pub lines: &'a [PanelLine],
    pub selected: Option<usize>,
    pub focused: bool,
    /// "more", for the line that says how many lines did not fit.
    pub more: &'a str,
    /// Lines per row: 2 when there is room to spare, for legibility from the back of the room.
    pub spacing: u16,
    /// Columns per case of the bars, so that panels side by side draw at one scale; `None`: the
    /// largest count fills the panel's room.
    pub scale: Option<f64>,
    /// How the counts are written (`1.078`, `1,078`).
    pub lang: Lang,
    pub theme: &'a Theme,
}

/// The columns of a panel's line: label, count (with its change) and bar.
struct Columns {
    label: usize,
    count: Width,
    bar: usize,
}

impl CountPanel<'_> {
    fn columns(&self, w: usize) -> Columns {
        let figures: Vec<Figure> = self.lines.iter().map(|l| l.figure(self.lang)).collect();
        let count = widest(&figures, 2);
        // Labels as long as they need, leaving at least a short bar; the bar takes the rest.
        let longest = self
            .lines
            .iter()
            .map(|l| width(&l.label) + if l.flagged { 2 } else { 0 })
            .max()
            .unwrap_or(8);
        let label = longest
            .min(w.saturating_sub(2 + 1 + count.total() + 1 + self.bar_min()))
            .max(6);
        let bar = w.saturating_sub(2 + label + 1 + count.total() + 1);
        Columns { label, count, bar }
    }

    /// The columns per case at which the largest count fills this panel's bars in `width`
    /// columns; the smallest of these over panels side by side is a scale they can all share.
    pub fn cells_per_case(&self, width: u16) -> Option<f64> {
        let room = self.columns(usize::from(width)).bar.saturating_sub(1);
        let max = self.lines.iter().map(|l| l.count).max().unwrap_or(0);
        (room > 0 && max > 0).then(|| room as f64 / max as f64)
    }

    /// The least room a bar keeps: beside changes since a baseline, a label matters more.
    fn bar_min(&self) -> usize {
        if self.lines.iter().any(|l| l.base.is_some()) {
            1
        } else {
            5
        }
    }

    /// The width at which every label shows whole, with the least room for a bar.
    pub fn natural_width(&self) -> u16 {
        let c = self.columns(usize::from(u16::MAX));
        u16::try_from(2 + c.label + 1 + c.count.total() + 1 + self.bar_min()).unwrap_or(u16::MAX)
    }

    /// The largest count of the panel.
    pub fn largest(&self) -> i64 {
        self.lines.iter().map(|l| l.count).max().unwrap_or(0).max(0)
    }

    /// Rows the panel takes to show every line at `spacing`, its heading included.
    pub fn height(lines: usize, spacing: u16) -> u16 {
        let n = lines.max(1) as u16;
        2 + (n - 1) * spacing.max(1)
    }
}

impl Widget for CountPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height == 0 || area.width < 10 {
            return;
        }
        let t = self.theme;
        panel_heading(buf, area, self.title, self.focused, t);
        let spacing = usize::from(self.spacing.max(1));
        let rows = usize::from(area.height - 1).div_ceil(spacing);
        let n = self.lines.len();
        let sel = self.selected.unwrap_or(0);
        // Scroll so the cursor shows; when lines are hidden below, the last row says how many.
        let mut offset = 0;
        if n > rows {
            offset = (sel + 2).saturating_sub(rows).min(n - rows);
        }
        let shown = if n > rows + offset {
            rows - 1
        } else {
            rows.min(n - offset)
        };
        let Columns {
            label: label_w,
            count: count_w,
            bar: bar_w,
        } = self.columns(usize::from(area.width));
        let max = self.lines.iter().map(|l| l.count).max().unwrap_or(0).max(1);
        let cells = self
            .scale
            .unwrap_or(bar_w.saturating_sub(1) as f64 / max as f64);
        for (row, (i, l)) in self
            .lines
            .iter()
            .enumerate()
            .skip(offset)
            .take(shown)
            .enumerate()
        {
            let y = area.y + 1 + (row * spacing) as u16;
            let label = if l.flagged {
                format!("{} ◆", l.label)
            } else {
                l.label.clone()
            };
            let style = if l.flagged { t.campaign() } else { t.normal() };
            let cursor = if self.focused && self.selected == Some(i) {
                "› "
            } else {
                "  "
            };
            let mut spans = vec![
                Span::raw(cursor),
                Span::styled(left(&label, label_w), style),
                Span::raw(" "),
            ];
            spans.extend(l.figure(self.lang).spans(count_w, t.normal(), t));
            if bar_w > 1 {
                spans.push(Span::raw(" "));
                spans.push(Span::styled(bar_at(l.count, cells, bar_w - 1), t.bar()));
            }
            buf.set_line(area.x, y, &Line::from(spans), area.width);
            if self.focused && self.selected == Some(i) {
                buf.set_style(
                    Rect {
                        x: area.x,
                        y,
                        width: area.width,
                        height: 1,
                    },
                    t.selected(),
                );
            }
        }
        if n > offset + shown {
            let y = area.y + 1 + (shown * spacing) as u16;
            let hidden: i64 = self.lines[offset + shown..].iter().map(|l| l.count).sum();
            let text = format!(
                "  +{} {} ({})",
                number(self.lang, (n - offset - shown) as i64),
                self.more,
                number(self.lang, hidden)
            );
            if y < area.y + area.height {
                buf.set_line(
                    area.x,
                    y,
                    &Line::from(Span::styled(text, t.dim())),
                    area.width,
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::widgets::text::buffer_row;

    fn line(label: &str, count: i64, flagged: bool) -> PanelLine {
        PanelLine {
            label: label.into(),
            count,
            mark: None,
            flagged,
            base: None,
        }
    }

    #[test]
    fn a_panel_lists_counts_and_says_how_many_did_not_fit() {
        let lines = [
            line("KAMPANYE", 22, true),
            line("PENCALONAN", 9, false),
            line("LAINNYA", 8, false),
            line("DATA_PEMILIH", 6, false),
        ];
        let t = Theme::new(false);
        let panel = CountPanel {
            title: "Tahapan",
            lines: &lines,
            selected: Some(0),
            focused: true,
            more: "lainnya",
            spacing: 1,
            scale: None,
            lang: Lang::En,
            theme: &t,
        };
        let mut buf = Buffer::empty(Rect::new(0, 0, 30, 4));
        panel.render(buf.area, &mut buf);
        let text: Vec<String> = (0..4)
            .map(|y| buffer_row(&buf, y).trim_end().to_string())
            .collect();
        assert_eq!(
            text,
            vec![
                "▸ Tahapan ───────────────────",
                "› KAMPANYE ◆   22 ███████████",
                "  PENCALONAN    9 ████▌",
                "  +2 lainnya (14)",
            ]
        );
    }
}
