//! The campaign's cases per pekan as bars split by type (a coloured block, or a letter without
//! colour) with a legend and each pekan's count, and where there is room more columns (the total
//! since the campaign began, the activities, the rate). Labels shorten as the chart narrows:
//! "Pekan ke-6 (2–8 Jan 2024)", "Pekan ke-6", "P6". Render-only; lines, cells and cursor are given.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::tui::theme::Theme;
use crate::tui::widgets::figure::{Figure, widest};
use crate::tui::widgets::text::{left, panel_heading, width};

/// One pekan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WeekLine {
    /// The label, from the longest to the shortest: the chart takes the longest that leaves the
    /// bars room.
    pub labels: Vec<String>,
    /// The values of the chart's further columns (see [`WeekChart::columns`]).
    pub extra: Vec<String>,
    /// Cases per type, in the order of the chart's cells.
    pub parts: Vec<i64>,
    pub figure: Figure,
    /// The pekan starts after the as-of date.
    pub future: bool,
}

impl WeekLine {
    /// The label at `tier` (0 the longest), or the shortest there is.
    fn label(&self, tier: usize) -> &str {
        self.labels
            .get(tier)
            .or(self.labels.last())
            .map_or("", String::as_str)
    }
}

/// The fewest columns a bar gets before the chart drops its further columns or shortens labels.
const MIN_BAR: usize = 12;

/// The chart.
pub struct WeekChart<'a> {
    pub title: &'a str,
    pub lines: &'a [WeekLine],
    /// The cell and style of each type, and its name for the legend.
    pub cells: &'a [(char, Style, String)],
    /// Extra legend text, and its shorter wording for a chart too narrow for it.
    pub note: &'a str,
    pub note_short: &'a str,
    /// The headings of the further columns each line has values for, shown when there is room
    /// (the first over the count of each line, the rest over the further columns), and what
    /// the legend says of them then.
    pub columns: &'a [String],
    pub columns_note: &'a str,
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
        let count_w = widest(self.lines.iter().map(|l| &l.figure), 2);
        let tiers = self.lines.iter().map(|l| l.labels.len()).max().unwrap_or(1);
        let label_w = |tier: usize| {
            self.lines
                .iter()
                .map(|l| width(l.label(tier)))
                .max()
                .unwrap_or(2)
        };
        let (count_heading, further) = match self.columns.split_first() {
            Some((first, rest)) => (first.as_str(), rest),
            None => ("", self.columns),
        };
        let column_w: Vec<usize> = further
            .iter()
            .enumerate()
            .map(|(i, h)| {
                self.lines
                    .iter()
                    .filter_map(|l| l.extra.get(i))
                    .map(|v| width(v))
                    .chain(std::iter::once(width(h)))
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let columns_w: usize = column_w.iter().map(|c| c + 2).sum();
        let bar_room = |tier: usize, extra: usize| {
            w.saturating_sub(2 + label_w(tier) + 1 + 1 + count_w.total() + extra)
        };
        // The further columns and the longest labels that leave a bar its room: the columns
        // first (they carry figures), then the labels' dates; the shortest labels otherwise.
        // The columns need their headings beside the title.
        let headings_fit = 2 + width(self.title) + 3 + width(count_heading) + columns_w <= w;
        let with_columns = !further.is_empty() && headings_fit;
        let (tier, columns_shown) = (0..tiers)
            .map(|t| (t, with_columns))
            .chain((0..tiers).map(|t| (t, false)))
            .find(|(t, c)| bar_room(*t, if *c { columns_w } else { 0 }) >= MIN_BAR)
            .unwrap_or((tiers.saturating_sub(1), false));
        let extra_w = if columns_shown { columns_w } else { 0 };
        let label_w = label_w(tier);
        let bar_w = bar_room(tier, extra_w);
        if columns_shown {
            // The headings over their columns, at the right of the title row.
            let count_right = area.x + area.width - extra_w as u16 - count_w.change as u16;
            let heading = format!(" {count_heading}");
            let hw = width(&heading) as u16;
            buf.set_string(count_right.saturating_sub(hw), area.y, &heading, t.dim());
            let mut x = area.x + area.width - extra_w as u16;
            for (h, cw) in further.iter().zip(&column_w) {
                let cell = crate::tui::widgets::text::right(h, cw + 2);
                buf.set_string(x, area.y, &cell, t.dim());
                x += (cw + 2) as u16;
            }
        }
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
        let columns_note = if columns_shown { self.columns_note } else { "" };
        let notes = legend_notes(
            columns_note,
            (self.note, self.note_short),
            w.saturating_sub(2),
        );
        let legend = legend_lines(&used, &notes, w.saturating_sub(2));
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
                Span::styled(left(l.label(tier), label_w), label_style),
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
            if columns_shown {
                for (i, cw) in column_w.iter().enumerate() {
                    let v = l.extra.get(i).map_or("", String::as_str);
                    let style = if l.future { t.dim() } else { t.normal() };
                    spans.push(Span::styled(
                        crate::tui::widgets::text::right(v, cw + 2),
                        style,
                    ));
                }
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

/// The notes of a legend `w` columns wide, each an item of its own so that each wraps whole:
/// what the further columns count, then the note (its short wording where the long one would
/// not fit on a line).
pub fn legend_notes<'n>(columns_note: &'n str, note: (&'n str, &'n str), w: usize) -> Vec<&'n str> {
    let (long, short) = note;
    let note = if width(long) + 2 > w && !short.is_empty() {
        short
    } else {
        long
    };
    [columns_note, note]
        .into_iter()
        .filter(|n| !n.is_empty())
        .collect()
}

/// The legend, wrapped to `w` columns: each type's cell and name, then the notes.
fn legend_lines(cells: &[(char, Style, String)], notes: &[&str], w: usize) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    let items = cells
        .iter()
        .map(|(c, s, name)| (Some((*c, *s)), name.clone()))
        .chain(notes.iter().map(|n| (None, n.to_string())));
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
    use crate::i18n::Lang;
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
            labels: vec!["01/01".into()],
            extra: Vec::new(),
            parts: vec![2, 1],
            figure: Figure::plain(Lang::En, 3),
            future: false,
        }];
        let mut buf = Buffer::empty(Rect::new(0, 0, 30, 4));
        WeekChart {
            title: "Per minggu",
            lines: &lines,
            cells: &cells,
            note: "",
            note_short: "",
            columns: &[],
            columns_note: "",
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

    #[test]
    fn a_note_too_wide_for_the_chart_takes_its_short_wording_whole() {
        let t = Theme::new(false);
        let lines = [WeekLine {
            labels: vec!["Pekan ke-1".into()],
            extra: Vec::new(),
            parts: vec![1],
            figure: Figure::plain(Lang::En, 1),
            future: false,
        }];
        let (long, short) = (
            "6 kasus diterima di luar masa kampanye",
            "6 kasus di luar masa kampanye",
        );
        for (w, want) in [(38, short), (60, long)] {
            let mut buf = Buffer::empty(Rect::new(0, 0, w, 6));
            WeekChart {
                title: "Kasus kampanye per pekan",
                lines: &lines,
                cells: &[('A', Style::new(), "Administrasi".to_string())],
                note: long,
                note_short: short,
                columns: &[],
                columns_note: "",
                selected: None,
                focused: false,
                theme: &t,
            }
            .render(buf.area, &mut buf);
            let text: Vec<String> = (0..6).map(|y| buffer_row(&buf, y)).collect();
            assert!(text.iter().any(|r| r.contains(want)), "{w}: {text:#?}");
            assert!(!text.iter().any(|r| r.contains('…')), "{w}: {text:#?}");
        }
    }
}
