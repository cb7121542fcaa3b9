//! Small text helpers for the widgets: display width, cutting to a width with an ellipsis,
//! padding, dates as a person writes them, the heading line of a panel. Every string is made safe
//! for the terminal first (`crate::text`), so a widget drawing through them cannot be fooled by its
//! data.

use std::borrow::Cow;

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::tui::theme::Theme;

/// The number of terminal columns `s` takes.
pub fn width(s: &str) -> usize {
    crate::text::width(s)
}

/// The number of terminal columns `line` takes as the buffer draws it, grapheme by grapheme
/// (ratatui's `Line::width` measures whole strings, which can disagree with what is drawn).
pub fn line_width(line: &Line<'_>) -> usize {
    line.spans.iter().map(|s| width(&s.content)).sum()
}

/// `s` cut to at most `w` columns, ending in `…` when cut.
pub fn fit(s: &str, w: usize) -> String {
    crate::text::fit(s, w)
}

/// `s` cut to at most `w` columns from the start, beginning with `…` when cut (for paths).
pub fn fit_start(s: &str, w: usize) -> String {
    crate::text::fit_start(s, w)
}

/// `s` fitted and padded on the right to exactly `w` columns.
pub fn left(s: &str, w: usize) -> String {
    crate::text::pad_right(s, w)
}

/// `s` fitted and padded on the left to exactly `w` columns.
pub fn right(s: &str, w: usize) -> String {
    crate::text::pad_left(s, w)
}

/// `02/02/2024`, the way both languages write dates here.
pub fn date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// Words of `s` wrapped to lines of at most `w` columns (a word longer than a line is broken).
pub fn wrap(s: &str, w: usize) -> Vec<String> {
    crate::text::wrap(s, w)
}

/// The first row of `area` as a heading: `title`, then a rule up to `margin` cells before the
/// right edge.
pub fn heading(buf: &mut Buffer, area: Rect, title: String, margin: usize, theme: &Theme) {
    let rule = "─".repeat(usize::from(area.width).saturating_sub(width(&title) + margin));
    buf.set_line(
        area.x,
        area.y,
        &Line::from(vec![
            Span::styled(title, theme.heading()),
            Span::styled(rule, theme.dim()),
        ]),
        area.width,
    );
}

/// A panel's heading: `▸` when it has the focus, its title, a rule up to one cell before the edge.
pub fn panel_heading(buf: &mut Buffer, area: Rect, title: &str, focused: bool, theme: &Theme) {
    let marker = if focused { "▸" } else { " " };
    heading(buf, area, format!("{marker} {title} "), 1, theme);
}

/// The last guard before the terminal: any cell of `area` whose symbol still holds a character a
/// terminal could act on (a widget that wrote a cell directly) shows its placeholder instead.
pub fn scrub(buf: &mut Buffer, area: Rect) {
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let cell = &mut buf[(x, y)];
            if let Cow::Owned(clean) = crate::text::safe(cell.symbol()) {
                cell.set_symbol(&clean);
            }
        }
    }
}

/// The text of row `y` of `buf`, every cell of it (widget tests).
#[cfg(test)]
pub fn buffer_row(buf: &Buffer, y: u16) -> String {
    (buf.area.left()..buf.area.right())
        .map(|x| buf[(x, y)].symbol())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitting_counts_columns() {
        assert_eq!(fit("Penajam Paser Utara", 10), "Penajam P…");
        assert_eq!(left("Bontang", 9), "Bontang  ");
        assert_eq!(right("47", 4), "  47");
        assert_eq!(fit("abc", 0), "");
        assert_eq!(fit_start("/srv/pantau/kaltim.db", 12), "…u/kaltim.db");
        assert_eq!(
            wrap("satu dua tiga empat", 9),
            vec!["satu dua", "tiga", "empat"]
        );
    }

    #[test]
    fn scrubbing_replaces_what_a_widget_wrote_directly() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 4, 1));
        buf[(0, 0)].set_symbol("\x1b");
        buf[(1, 0)].set_symbol("]");
        buf[(2, 0)].set_symbol("\u{9d}");
        let area = buf.area;
        scrub(&mut buf, area);
        let row: String = (0..4).map(|x| buf[(x, 0)].symbol().to_string()).collect();
        assert_eq!(row, "␛]\u{fffd} ");
    }
}
