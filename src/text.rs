//! Text from the database or a file made safe for a terminal, and measured in terminal cells.
//! Display only: it must never touch what is stored, imported or exported (CSV and JSON keep every byte).

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The stand-in of a character that never reaches a terminal as it is: a space for line breaks
/// and tabs, the control picture (`␛`, `␇`, `␡`…) for the other C0 controls and DEL, `�` for C1
/// controls, bidirectional controls and interlinear annotations. `None` for every other character.
pub fn placeholder(c: char) -> Option<char> {
    match c {
        '\t' | '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' => Some(' '),
        '\0'..='\u{1f}' => char::from_u32(0x2400 + u32::from(c)),
        '\u{7f}' => Some('\u{2421}'),
        '\u{80}'..='\u{9f}'
        | '\u{61c}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}'
        | '\u{fff9}'..='\u{fffb}' => Some('\u{fffd}'),
        _ => None,
    }
}

/// `s` with every character a terminal could act on replaced by a visible one (see
/// [`placeholder`]), on one line: C0 and C1 controls (so every `ESC [`, `ESC ]` and `ESC P`
/// sequence loses its `ESC`), DEL, bidirectional overrides and isolates. Each character becomes
/// exactly one character, so positions counted in characters stay valid. Widths elsewhere in this
/// module are counted per grapheme cluster the way ratatui draws them.
pub fn safe(s: &str) -> Cow<'_, str> {
    replace(s, false)
}

/// Like [`safe`] but keeps line breaks (`\n`), for messages of several lines.
pub fn safe_lines(s: &str) -> Cow<'_, str> {
    replace(s, true)
}

fn replace(s: &str, keep_newlines: bool) -> Cow<'_, str> {
    let needs = |c: char| !(keep_newlines && c == '\n') && placeholder(c).is_some();
    if !s.chars().any(needs) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| {
                if needs(c) {
                    placeholder(c).unwrap_or('\u{fffd}')
                } else {
                    c
                }
            })
            .collect(),
    )
}

/// The cells one grapheme of safe text takes, as ratatui counts them (halfwidth sound marks,
/// which terminals draw on a cell of their own, count one each).
fn grapheme_width(g: &str) -> usize {
    if g.len() == 1 {
        return 1;
    }
    g.width()
        + g.chars()
            .filter(|c| matches!(c, '\u{ff9e}' | '\u{ff9f}'))
            .count()
}

/// The number of terminal cells `s` takes once made safe.
pub fn width(s: &str) -> usize {
    safe(s).graphemes(true).map(grapheme_width).sum()
}

/// `s` made safe and cut to at most `w` cells at a grapheme boundary, ending in `…` when cut.
pub fn fit(s: &str, w: usize) -> String {
    let s = safe(s);
    if width(&s) <= w {
        return s.into_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let gw = grapheme_width(g);
        if used + gw + 1 > w {
            break;
        }
        out.push_str(g);
        used += gw;
    }
    if w > 0 {
        out.push('…');
    }
    out
}

/// `s` made safe and cut to at most `w` cells from the start, beginning with `…` when cut
/// (for paths: the file name stays).
pub fn fit_start(s: &str, w: usize) -> String {
    let s = safe(s);
    if width(&s) <= w {
        return s.into_owned();
    }
    let mut kept: Vec<&str> = Vec::new();
    let mut used = 0;
    for g in s.graphemes(true).rev() {
        let gw = grapheme_width(g);
        if used + gw + 1 > w {
            break;
        }
        kept.push(g);
        used += gw;
    }
    if w == 0 {
        return String::new();
    }
    std::iter::once("…").chain(kept.into_iter().rev()).collect()
}

/// `s` fitted into `w` cells and padded with spaces on the right to exactly `w` cells.
pub fn pad_right(s: &str, w: usize) -> String {
    let f = fit(s, w);
    let pad = w.saturating_sub(width(&f));
    f + &" ".repeat(pad)
}

/// `s` fitted into `w` cells and padded with spaces on the left to exactly `w` cells.
pub fn pad_left(s: &str, w: usize) -> String {
    let f = fit(s, w);
    let pad = w.saturating_sub(width(&f));
    " ".repeat(pad) + &f
}

/// `s` made safe and padded with spaces on the right to at least `w` cells; never cut (for lists
/// where a long name may push the rest of its line along).
pub fn pad_min(s: &str, w: usize) -> String {
    let s = safe(s);
    let pad = w.saturating_sub(width(&s));
    s.into_owned() + &" ".repeat(pad)
}

/// The words of `s`, made safe, wrapped into lines of at most `w` cells; a word longer than a
/// line is broken across lines, so nothing of it is hidden.
pub fn wrap(s: &str, w: usize) -> Vec<String> {
    let w = w.max(1);
    let s = safe(s);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for word in s.split_whitespace() {
        let ww = width(word);
        if !line.is_empty() && used + 1 + ww <= w {
            line.push(' ');
            line.push_str(word);
            used += 1 + ww;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        for g in word.graphemes(true) {
            let gw = grapheme_width(g);
            if used + gw > w && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push_str(g);
            used += gw;
        }
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
    fn escape_sequences_lose_their_power_and_stay_visible() {
        let hostile = "\x1b]0;owned\x07\x1b[2J";
        assert_eq!(safe(hostile), "␛]0;owned␇␛[2J");
        assert_eq!(safe("\x1bP1$r\x1b\\"), "␛P1$r␛\\");
        assert_eq!(safe("a\u{9b}31m"), "a\u{fffd}31m", "a C1 CSI");
        assert_eq!(
            safe("x\u{202e}gnp.exe"),
            "x\u{fffd}gnp.exe",
            "a bidi override"
        );
        assert_eq!(safe("satu\nDua\tTiga\r\n"), "satu Dua Tiga  ");
        assert_eq!(safe_lines("satu\ndua\x1b"), "satu\ndua␛");
        assert_eq!(safe("\x7f"), "␡");
        assert!(matches!(safe("Balikpapan Selatan"), Cow::Borrowed(_)));
    }

    #[test]
    fn widths_are_cells() {
        assert_eq!(width("Samarinda"), 9);
        assert_eq!(width("東京"), 4, "CJK takes two cells each");
        assert_eq!(width("e\u{301}"), 1, "a combining accent takes none");
        assert_eq!(width("a\u{200b}b"), 2, "a zero-width space takes none");
        assert_eq!(width("👩‍🔬"), 2, "a ZWJ sequence is one emoji");
        assert_eq!(width("\x1b[2J"), 4, "a control counts as its placeholder");
    }

    #[test]
    fn fitting_and_padding_never_split_a_grapheme_or_overflow() {
        assert_eq!(fit("Penajam Paser Utara", 10), "Penajam P…");
        assert_eq!(fit("東京都庁", 5), "東京…");
        assert_eq!(fit("Se\u{301}kolah", 3), "Se\u{301}…");
        assert_eq!(fit("abc", 0), "");
        assert_eq!(pad_right("東京都庁", 6), "東京… ");
        assert_eq!(width(&pad_right("東京都庁", 6)), 6);
        assert_eq!(pad_left("47", 4), "  47");
        assert_eq!(pad_min("東京", 6), "東京  ");
        assert_eq!(pad_min("Balikpapan", 4), "Balikpapan");
        assert_eq!(fit_start("/srv/pantau/kaltim.db", 12), "…u/kaltim.db");
        assert_eq!(fit_start("/srv/東京/k.db", 8), "…京/k.db");
    }

    #[test]
    fn wrapping_keeps_every_word() {
        assert_eq!(
            wrap("satu dua tiga empat", 9),
            vec!["satu dua", "tiga", "empat"]
        );
        assert_eq!(
            wrap("001/LP/PL/64.71/I/2024", 10),
            vec!["001/LP/PL/", "64.71/I/20", "24"]
        );
        assert_eq!(wrap("東京都 庁", 3), vec!["東", "京", "都", "庁"]);
        assert_eq!(wrap("a\x1b[2Jb", 20), vec!["a␛[2Jb"]);
    }
}
