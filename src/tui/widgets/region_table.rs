//! The dashboard's region table: one row per handling office and a total row, seven figures each
//! with its change mark (and its change since the baseline), and a bar of all cases. Render-only;
//! rows, marks and the cursor are given.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::i18n::Lang;
use crate::tui::marks::{COLUMNS, Mark};
use crate::tui::theme::Theme;
use crate::tui::widgets::bar::bar;
use crate::tui::widgets::figure::{Figure, Width, widest};
use crate::tui::widgets::text::{left, right, width};

/// One row: a name, the figures in column order and their marks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegionLine {
    pub name: String,
    pub figures: [i64; COLUMNS],
    pub marks: [Option<Mark>; COLUMNS],
    /// The same figures at the baseline, when one is in force.
    pub base: Option<[i64; COLUMNS]>,
}

impl RegionLine {
    /// Column `c` as a figure.
    fn figure(&self, lang: Lang, c: usize) -> Figure {
        Figure {
            lang,
            count: self.figures[c],
            base: self.base.map(|b| b[c]),
            mark: self.marks[c],
        }
    }
}

/// The table.
pub struct RegionTable<'a> {
    /// The name column's heading, then one heading per figure.
    pub headings: [&'a str; COLUMNS + 1],
    pub rows: &'a [RegionLine],
    pub total: &'a RegionLine,
    /// The row under the cursor (`rows.len()` for the total row), when the table has the focus.
    pub selected: Option<usize>,
    /// Whether the table has the focus (its heading is marked).
    pub focused: bool,
    /// Lines per row: 2 on a tall projector screen, for legibility from the back of the room.
    pub spacing: u16,
    /// How the counts are written (`1.078`, `1,078`).
    pub lang: Lang,
    pub theme: &'a Theme,
}

impl Widget for RegionTable<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let all = self.rows.iter().chain(std::iter::once(self.total));
        let name_w = all
            .clone()
            .map(|r| width(&r.name))
            .chain([width(self.headings[0])])
            .max()
            .unwrap_or(10)
            .min(24);
        let mut widths = [Width::default(); COLUMNS];
        for (c, w) in widths.iter_mut().enumerate() {
            let figures: Vec<Figure> = all.clone().map(|r| r.figure(self.lang, c)).collect();
            *w = widest(&figures, width(self.headings[c + 1]).max(4));
        }
        // Where the changes do not all fit beside whole names, they stay in the cases column
        // only, then nowhere; a count without room for its change takes its colour.
        let need = |widths: &[Width; COLUMNS]| {
            2 + name_w + widths.iter().map(|w| w.total() + 1).sum::<usize>()
        };
        for keep in [1, 0] {
            if need(&widths) > usize::from(area.width) {
                for w in widths.iter_mut().skip(keep) {
                    w.change = 0;
                }
            }
        }
        // Names give way before figures do.
        let figures_w: usize = widths.iter().map(|w| w.total() + 1).sum();
        let name_w = name_w
            .min(usize::from(area.width).saturating_sub(2 + figures_w))
            .max(10);
        let fixed = 2 + name_w + figures_w;
        let bar_w = usize::from(area.width).saturating_sub(fixed + 2);
        let max = self.rows.iter().map(|r| r.figures[0]).max().unwrap_or(0);

        let marker = if self.focused { "▸" } else { " " };
        let mut head = vec![Span::styled(
            format!("{marker} {}", left(self.headings[0], name_w)),
            t.heading(),
        )];
        for (c, w) in widths.iter().enumerate() {
            head.push(Span::styled(
                format!(
                    " {}{}",
                    right(self.headings[c + 1], w.count),
                    " ".repeat(w.change)
                ),
                t.heading(),
            ));
        }
        buf.set_line(area.x, area.y, &Line::from(head), area.width);

        // More rows than lines (27 kabupaten/kota, 38 provinces, a regency's kecamatan): a
        // window of them around the cursor, the total always last, arrows where rows are hidden.
        let (start, shown) = window(
            self.rows.len(),
            usize::from(area.height.saturating_sub(1) / self.spacing.max(1)),
            self.selected,
        );
        let lines = self
            .rows
            .iter()
            .enumerate()
            .skip(start)
            .take(shown)
            .map(|(i, r)| (i, r, false))
            .chain(std::iter::once((self.rows.len(), self.total, true)));
        for (line, (i, r, is_total)) in lines.enumerate() {
            let y = area.y + 1 + line as u16 * self.spacing.max(1);
            if y >= area.y + area.height {
                break;
            }
            let base = if is_total { t.total() } else { Style::new() };
            let hidden_above = line == 0 && start > 0;
            let hidden_below = !is_total && i + 1 == start + shown && i + 1 < self.rows.len();
            let cursor = match (self.selected == Some(i), hidden_above, hidden_below) {
                (true, _, _) => "› ",
                (false, true, _) => "↑ ",
                (false, false, true) => "↓ ",
                _ => "  ",
            };
            let mut spans = vec![Span::styled(
                format!("{cursor}{}", left(&r.name, name_w)),
                base,
            )];
            for (c, w) in widths.iter().enumerate() {
                spans.push(Span::raw(" "));
                spans.extend(r.figure(self.lang, c).spans(*w, base, t));
            }
            if !is_total && bar_w > 0 {
                spans.push(Span::raw("  "));
                spans.push(Span::styled(bar(r.figures[0], max, bar_w), t.bar()));
            }
            let row = Rect {
                x: area.x,
                y,
                width: area.width,
                height: 1,
            };
            buf.set_line(area.x, y, &Line::from(spans), area.width);
            if self.selected == Some(i) {
                buf.set_style(row, t.selected());
            }
        }
    }
}

/// Which rows of `rows` show in `lines` lines that also hold the total: the first shown and how
/// many, the cursor's row among them (near the middle when they do not all fit).
pub fn window(rows: usize, lines: usize, selected: Option<usize>) -> (usize, usize) {
    let room = lines.saturating_sub(1).max(1);
    if rows <= room {
        return (0, rows);
    }
    let at = selected.unwrap_or(0).min(rows - 1);
    let start = at.saturating_sub(room / 2).min(rows - room);
    (start, room)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::widgets::text::buffer_row;
    use chrono::NaiveDateTime;

    fn line(name: &str, total: i64, mark: Option<i64>) -> RegionLine {
        let mut marks = [None; COLUMNS];
        marks[0] = mark.map(|delta| Mark {
            delta,
            since: NaiveDateTime::default(),
        });
        RegionLine {
            name: name.into(),
            figures: [total, total, 0, total, 0, total, 0],
            marks,
            base: None,
        }
    }

    #[test]
    fn many_rows_scroll_around_the_cursor_with_the_total_kept() {
        assert_eq!(window(10, 20, Some(3)), (0, 10), "all fit");
        assert_eq!(window(40, 11, None), (0, 10));
        assert_eq!(window(40, 11, Some(20)), (15, 10));
        assert_eq!(window(40, 11, Some(39)), (30, 10));
        assert_eq!(window(40, 11, Some(40)), (30, 10), "the total row");
        let rows: Vec<RegionLine> = (0..40).map(|i| line(&format!("R{i}"), i, None)).collect();
        let total = line("Jumlah", 780, None);
        let t = Theme::new(false);
        let table = RegionTable {
            headings: ["Wilayah", "K", "T", "L", "R", "B", "P", "W"],
            rows: &rows,
            total: &total,
            selected: Some(20),
            focused: true,
            spacing: 1,
            lang: Lang::En,
            theme: &t,
        };
        let mut buf = Buffer::empty(Rect::new(0, 0, 60, 12));
        table.render(buf.area, &mut buf);
        let row = |y: u16| buffer_row(&buf, y);
        assert!(row(1).starts_with("↑ R15"), "{}", row(1));
        assert!(row(6).starts_with("› R20"), "{}", row(6));
        assert!(row(10).starts_with("↓ R24"), "{}", row(10));
        assert!(row(11).starts_with("  Jumlah"), "{}", row(11));
    }

    #[test]
    fn a_row_shows_its_figures_its_mark_and_a_bar() {
        let rows = [line("Balikpapan", 14, None), line("Samarinda", 4, Some(2))];
        let total = line("Jumlah", 18, Some(2));
        let t = Theme::new(false);
        let table = RegionTable {
            headings: [
                "Wilayah", "Kasus", "Temuan", "Laporan", "Reg", "Terbukti", "Proses", "Lewat",
            ],
            rows: &rows,
            total: &total,
            selected: Some(1),
            focused: true,
            spacing: 1,
            lang: Lang::En,
            theme: &t,
        };
        let mut buf = Buffer::empty(Rect::new(0, 0, 70, 4));
        table.render(buf.area, &mut buf);
        let row = |y: u16| buffer_row(&buf, y);
        // The mark follows the count it changed (never before it), and the counts stay aligned.
        assert_eq!(
            row(0),
            "▸ Wilayah    Kasus    Temuan Laporan  Reg Terbukti Proses Lewat       "
        );
        assert_eq!(
            row(1),
            "  Balikpapan    14        14       0   14        0     14     0  █████"
        );
        assert_eq!(
            row(2),
            "› Samarinda      4 ▲2      4       0    4        0      4     0  █▍   "
        );
        assert_eq!(
            row(3),
            "  Jumlah        18 ▲2     18       0   18        0     18     0       "
        );
        let reversed = |y: u16| {
            buf[(40, y)]
                .modifier
                .contains(ratatui::style::Modifier::REVERSED)
        };
        assert!(
            reversed(2) && !reversed(1),
            "the cursor row is in reverse video, colour or not"
        );
    }
}
