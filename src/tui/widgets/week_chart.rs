//! The campaign's cases per week as bars split by type (a coloured block, or a letter without
//! colour) with a legend and each week's count. Render-only; weeks, cells and cursor are given.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::tui::theme::Theme;
use crate::tui::widgets::figure::{Figure, widest};
use crate::tui::widgets::text::{left, panel_heading, width};

/// One week.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WeekLine {
    /// `27/11`, with `*` when the week is outside the campaign's dates.
    pub label: String,
    /// Cases per type, in the order of the chart's cells.
    pub parts: Vec<i64>,
    pub figure: Figure,
    /// The week starts after the as-of date.
    pub future: bool,
}

/// The chart.
pub struct WeekChart<'a> {
    pub title: &'a str,
    pub lines: &'a [WeekLine],
    /// The cell and style of each type, and its name for the legend.
    pub cells: &'a [(char, Style, String)],
    /// Extra legend text (what `*` means).
    pub note: &'a str,
    pub selected: Option<usize>,
    pub focused: bool,
    pub theme: &'a Theme,
}

/// Splits `cells` columns among `parts` in proportion (largest remainders), every non-zero part
/// getting at least one column when there is room.
pub fn split(parts: &[i64], cells: usize) -> Vec<usize> {
    let total: i64 = parts.iter().sum();
    if total <= 0 || cells == 0 {
        return vec![0; parts.len()];
    }
    let cells_i = cells as i64;
    let mut out: Vec<usize> = parts
        .iter()
        .map(|p| (p * cells_i / total) as usize)
        .collect();
    let mut rest: Vec<(i64, usize)> = parts
        .iter()
        .enumerate()
        .map(|(i, p)| (-(p * cells_i % total), i))
        .collect();
    rest.sort();
    let mut left_over = cells.saturating_sub(out.iter().sum());
    for (_, i) in rest {
        if left_over == 0 {
            break;
        }
        if parts[i] > 0 {
            out[i] += 1;
            left_over -= 1;
        }
    }
    // A part too small for its own column borrows one from the largest.
    for i in 0..parts.len() {
        if parts[i] > 0
            && out[i] == 0
            && let Some(j) = (0..out.len())
                .filter(|j| out[*j] > 1)
                .max_by_key(|j| out[*j])
        {
            out[j] -= 1;
            out[i] = 1;
        }
    }
    out
}

impl Widget for WeekChart<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height < 2 || area.width < 20 {
            return;
        }
        let t = self.theme;
        let w = usize::from(area.width);
        panel_heading(buf, area, self.title, self.focused, t);
        let label_w = self
            .lines
            .iter()
            .map(|l| width(&l.label))
            .max()
            .unwrap_or(5);
        let count_w = widest(self.lines.iter().map(|l| &l.figure), 2);
        let bar_w = w.saturating_sub(2 + label_w + 1 + 1 + count_w.total());
        let max = self
            .lines
            .iter()
            .map(|l| l.figure.count)
            .max()
            .unwrap_or(0)
            .max(1);
        let bottom = area.y + area.height;
        // The legend takes the last rows; the weeks what is left.
        // The legend names the types the chart shows.
        let used: Vec<(char, Style, String)> = self
            .cells
            .iter()
            .enumerate()
            .filter(|(k, _)| {
                self.lines
                    .iter()
                    .any(|l| l.parts.get(*k).is_some_and(|n| *n > 0))
            })
            .map(|(_, c)| c.clone())
            .collect();
        let legend = legend_lines(&used, self.note, w.saturating_sub(2));
        let room = usize::from(area.height - 1).saturating_sub(legend.len());
        let n = self.lines.len();
        // Weeks twice as far apart when there is room, the first under a blank line (so they line
        // up with a table beside them).
        let spacing = if room > 2 * n { 2 } else { 1 };
        let top = spacing as u16;
        let room = (room + 1 - spacing) / spacing;
        let sel = self.selected.unwrap_or(0);
        let offset = if n > room {
            (sel + 1).saturating_sub(room).min(n - room)
        } else {
            0
        };
        for (row, (i, l)) in self
            .lines
            .iter()
            .enumerate()
            .skip(offset)
            .take(room)
            .enumerate()
        {
            let y = area.y + top + (row * spacing) as u16;
            let selected = self.focused && self.selected == Some(i);
            let label_style = if l.future { t.dim() } else { t.normal() };
            let mut spans = vec![
                Span::raw(if selected { "› " } else { "  " }),
                Span::styled(left(&l.label, label_w), label_style),
                Span::raw(" "),
            ];
            let len = ((l.figure.count * bar_w as i64 + max / 2) / max) as usize;
            let len = if l.figure.count > 0 { len.max(1) } else { 0 };
            let widths = split(&l.parts, len);
            let mut used = 0;
            for (k, cw) in widths.iter().enumerate() {
                if let Some((c, style, _)) = self.cells.get(k) {
                    spans.push(Span::styled(c.to_string().repeat(*cw), *style));
                    used += cw;
                }
            }
            spans.push(Span::raw(" ".repeat(bar_w.saturating_sub(used) + 1)));
            if l.future && l.figure.count == 0 {
                spans.push(Span::styled(
                    left("", count_w.total().saturating_sub(1)),
                    t.dim(),
                ));
                spans.push(Span::styled("·", t.dim()));
            } else {
                spans.extend(l.figure.spans(count_w, t.normal(), t));
            }
            buf.set_line(area.x, y, &Line::from(spans), area.width);
            if selected {
                buf.set_style(Rect::new(area.x, y, area.width, 1), t.selected());
            }
        }
        let first = area.y + top + (room.min(n) * spacing) as u16;
        for (i, line) in legend.into_iter().enumerate() {
            let y = first + i as u16;
            if y < bottom {
                buf.set_line(area.x + 2, y, &line, area.width.saturating_sub(2));
            }
        }
    }
}

/// The legend, wrapped to `w` columns: each type's cell and name, then the note.
fn legend_lines(cells: &[(char, Style, String)], note: &str, w: usize) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    let items = cells
        .iter()
        .map(|(c, s, name)| (Some((*c, *s)), name.clone()))
        .chain((!note.is_empty()).then(|| (None, note.to_string())));
    for (cell, name) in items {
        let need = width(&name) + if cell.is_some() { 2 } else { 0 } + 2;
        if used > 0 && used + need > w {
            lines.push(Line::from(std::mem::take(&mut spans)));
            used = 0;
        }
        if let Some((c, s)) = cell {
            spans.push(Span::styled(c.to_string(), s));
            spans.push(Span::raw(" "));
        }
        spans.push(Span::raw(format!("{name}  ")));
        used += need;
    }
    if !spans.is_empty() {
        lines.push(Line::from(spans));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::widgets::text::buffer_row;

    #[test]
    fn bars_are_split_by_type_in_proportion() {
        assert_eq!(split(&[2, 1, 1], 8), vec![4, 2, 2]);
        assert_eq!(
            split(&[10, 0, 1], 5),
            vec![4, 0, 1],
            "a small part still shows"
        );
        assert_eq!(split(&[0, 0], 5), vec![0, 0]);
        assert_eq!(split(&[1, 1, 1], 4).iter().sum::<usize>(), 4);
    }

    #[test]
    fn a_week_reads_without_colour() {
        let t = Theme::new(false);
        let cells = vec![
            ('A', Style::new(), "Administrasi".to_string()),
            ('P', Style::new(), "Pidana".to_string()),
        ];
        let lines = [WeekLine {
            label: "01/01".into(),
            parts: vec![2, 1],
            figure: Figure::plain(3),
            future: false,
        }];
        let mut buf = Buffer::empty(Rect::new(0, 0, 30, 4));
        WeekChart {
            title: "Per minggu",
            lines: &lines,
            cells: &cells,
            note: "",
            selected: None,
            focused: false,
            theme: &t,
        }
        .render(buf.area, &mut buf);
        let row = |y: u16| buffer_row(&buf, y);
        assert!(
            row(1).starts_with("  01/01 AAAAAAAAAAAAAPPPPPP  3"),
            "{}",
            row(1)
        );
        assert!(
            row(2).contains("A Administrasi"),
            "the legend follows the weeks: {}",
            row(2)
        );
    }
}
