//! Small text helpers for the widgets: display width, cutting to a width with an ellipsis,
//! padding, dates as a person writes them. Pure functions.

use chrono::NaiveDate;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The number of terminal columns `s` takes.
pub fn width(s: &str) -> usize {
    s.width()
}

/// `s` cut to at most `w` columns, ending in `…` when cut.
pub fn fit(s: &str, w: usize) -> String {
    if s.width() <= w {
        return s.to_string();
    }
    if w == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if used + cw > w - 1 {
            break;
        }
        out.push(c);
        used += cw;
    }
    out.push('…');
    out
}

/// `s` cut to at most `w` columns from the start, beginning with `…` when cut (for paths).
pub fn fit_start(s: &str, w: usize) -> String {
    if s.width() <= w {
        return s.to_string();
    }
    let reversed: String = s.chars().rev().collect();
    let cut: String = fit(&reversed, w).chars().rev().collect();
    cut
}

/// `s` fitted and padded on the right to exactly `w` columns.
pub fn left(s: &str, w: usize) -> String {
    let f = fit(s, w);
    let pad = w.saturating_sub(f.width());
    f + &" ".repeat(pad)
}

/// `s` fitted and padded on the left to exactly `w` columns.
pub fn right(s: &str, w: usize) -> String {
    let f = fit(s, w);
    let pad = w.saturating_sub(f.width());
    " ".repeat(pad) + &f
}

/// `02/02/2024`, the way both languages write dates here.
pub fn date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// Words of `s` wrapped to lines of at most `w` columns (a word longer than a line is cut).
pub fn wrap(s: &str, w: usize) -> Vec<String> {
    let w = w.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in s.split_whitespace() {
        let needed = if line.is_empty() {
            word.width()
        } else {
            line.width() + 1 + word.width()
        };
        if needed > w && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&fit(word, w));
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
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
}
