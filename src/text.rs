//! Text from the database or a file made safe for a terminal, and measured in terminal cells.
//! Display only: it must never touch what is stored, imported or exported (CSV and JSON keep every byte).

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The stand-in of a character that never reaches a terminal as it is: a space for line breaks
/// and tabs, the control picture (`␛`, `␇`, `␡`…) for the other C0 controls and DEL, `�` for C1
/// controls, bidirectional controls, interlinear annotations and the invisible format characters
/// whose width terminals disagree on (zero-width space, joiners and non-joiners, word joiner and
/// the invisible operators, byte-order mark, soft hyphen, combining grapheme joiner, Mongolian
/// vowel separator, text and emoji variation selectors, tag characters) and the parts of emoji
/// sequences found on their own (a regional indicator, skin-tone modifier or keycap outside a flag
/// or sequence). `None` for every other character.
pub fn placeholder(c: char) -> Option<char> {
    match c {
        '\t' | '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' => Some(' '),
        '\0'..='\u{1f}' => char::from_u32(0x2400 + u32::from(c)),
        '\u{7f}' => Some('\u{2421}'),
        '\u{80}'..='\u{9f}'
        | '\u{ad}'
        | '\u{34f}'
        | '\u{61c}'
        | '\u{180e}'
        | '\u{200b}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{20e3}'
        | '\u{2060}'..='\u{206f}'
        | '\u{fe0e}'
        | '\u{fe0f}'
        | '\u{feff}'
        | '\u{fff9}'..='\u{fffb}'
        | '\u{1f1e6}'..='\u{1f1ff}'
        | '\u{1f3fb}'..='\u{1f3ff}'
        | '\u{e0000}'..='\u{e007f}' => Some('\u{fffd}'),
        _ => None,
    }
}

/// A character that makes an emoji sequence of the grapheme it is in: zero-width joiner, emoji
/// variation selector, skin-tone modifier, regional indicator, keycap, tag.
fn joins_emoji(c: char) -> bool {
    matches!(
        c,
        '\u{200d}'
            | '\u{fe0f}'
            | '\u{20e3}'
            | '\u{1f3fb}'..='\u{1f3ff}'
            | '\u{1f1e6}'..='\u{1f1ff}'
            | '\u{e0020}'..='\u{e007f}'
    )
}

/// Whether the grapheme `g` (more than one character) is an emoji sequence: a flag, a ZWJ
/// sequence, a modifier or keycap sequence, a tag sequence, or a character made emoji by VS16.
/// Terminals draw these in 1 to 8 cells depending on the terminal, its version and its font.
fn emoji_sequence(g: &str) -> bool {
    let mut chars = g.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if matches!(first, '\u{1f1e6}'..='\u{1f1ff}') {
        return true;
    }
    let rest: Vec<char> = chars.collect();
    let joined = |c: &char| *c != '\u{200d}' && joins_emoji(*c);
    // A joiner between two pictographs; a letter's joiner (Indic conjuncts) is not an emoji.
    let zwj_inside = !first.is_alphanumeric()
        && rest
            .iter()
            .take(rest.len().saturating_sub(1))
            .any(|c| *c == '\u{200d}');
    rest.iter().any(joined) || zwj_inside
}

/// `s` with every character a terminal could act on replaced by a visible one (see
/// [`placeholder`]), on one line: C0 and C1 controls (so every `ESC [`, `ESC ]` and `ESC P`
/// sequence loses its `ESC`), DEL, bidirectional overrides and isolates. Every emoji sequence
/// (flag, ZWJ sequence, skin tone, keycap, tag sequence, VS16) becomes one `�`, one cell wide in
/// every terminal: they draw such sequences in anything from 1 to 8 cells, which shifts the rest
/// of a row. A single emoji character stays (two cells, which terminals agree on). Widths
/// elsewhere in this module are counted per grapheme cluster the way ratatui draws them. Text
/// that needs none of this (all ordinary Indonesian text) is returned as it is, without copying.
pub fn safe(s: &str) -> Cow<'_, str> {
    replace(s, false)
}

/// Like [`safe`] but keeps line breaks (`\n`), for messages of several lines.
pub fn safe_lines(s: &str) -> Cow<'_, str> {
    replace(s, true)
}

/// Like [`safe`] but each character becomes exactly one character (an emoji sequence becomes its
/// pictographs and a `�` for each joining part, so no sequence is left to draw), and positions
/// counted in characters stay valid: for text being edited, where the cursor counts characters.
pub fn safe_chars(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| placeholder(c).is_some()) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(|c| placeholder(c).unwrap_or(c)).collect())
}

fn replace(s: &str, keep_newlines: bool) -> Cow<'_, str> {
    let needs = |c: char| !(keep_newlines && c == '\n') && placeholder(c).is_some();
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) || !s.chars().any(needs) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for g in s.graphemes(true) {
        if g.chars().nth(1).is_some() && emoji_sequence(g) {
            out.push('\u{fffd}');
            continue;
        }
        out.extend(g.chars().map(|c| {
            if needs(c) {
                placeholder(c).unwrap_or('\u{fffd}')
            } else {
                c
            }
        }));
    }
    Cow::Owned(out)
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

/// `path` as one word of a shell command.
pub fn shell_quote(path: &str) -> String {
    if !path.is_empty()
        && path
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/._-+=:,@".contains(c))
    {
        path.to_string()
    } else {
        format!("'{}'", path.replace('\'', "'\\''"))
    }
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
        assert_eq!(width("a\u{200b}b"), 3, "a zero-width space shows as `�`");
        assert_eq!(width("👩‍🔬"), 1, "a ZWJ sequence shows as one `�`");
        assert_eq!(width("\x1b[2J"), 4, "a control counts as its placeholder");
    }

    /// Every kind of awkward cluster, its display form, and the cells that form takes.
    const AWKWARD: [(&str, &str, usize); 20] = [
        ("👨\u{200d}👩\u{200d}👧", "\u{fffd}", 1),
        ("🏳\u{fe0f}\u{200d}🌈", "\u{fffd}", 1),
        ("🇮🇩", "\u{fffd}", 1),
        ("❤\u{fe0f}", "\u{fffd}", 1),
        ("☺\u{fe0f}", "\u{fffd}", 1),
        ("👍🏽", "\u{fffd}", 1),
        ("1\u{fe0f}\u{20e3}", "\u{fffd}", 1),
        (
            "🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}",
            "\u{fffd}",
            1,
        ),
        ("a\u{200b}b", "a\u{fffd}b", 3),
        ("a\u{200c}\u{200d}b", "a\u{fffd}\u{fffd}b", 4),
        ("kata\u{2060}\u{2064}", "kata\u{fffd}\u{fffd}", 6),
        ("\u{feff}Nama", "\u{fffd}Nama", 5),
        ("Sam\u{ad}arinda", "Sam\u{fffd}arinda", 10),
        ("e\u{34f}\u{301}", "e\u{fffd}\u{301}", 2),
        ("⌚\u{fe0e}", "⌚\u{fffd}", 3),
        ("🇮 lone", "\u{fffd} lone", 6),
        ("🎉 pesta", "🎉 pesta", 8),
        ("🏽 lone", "\u{fffd} lone", 6),
        ("क\u{94d}\u{200d}ष", "क\u{94d}\u{fffd}ष", 3),
        ("東京 e\u{301}", "東京 e\u{301}", 6),
    ];

    #[test]
    fn awkward_clusters_get_a_form_every_terminal_draws_alike() {
        for (raw, shown, cells) in AWKWARD {
            assert_eq!(safe(raw), shown, "{raw:?}");
            assert_eq!(width(raw), cells, "{raw:?}");
            // Nothing a terminal might join or size on its own is left in what is drawn.
            assert!(!safe(raw).chars().any(hides), "{raw:?}");
            // Each grapheme left is as wide as its characters, as `wcwidth` counts them.
            for g in safe(raw).graphemes(true) {
                let chars: usize = g
                    .chars()
                    .map(|c| unicode_width::UnicodeWidthChar::width(c).unwrap_or(0))
                    .sum();
                assert_eq!(grapheme_width(g), chars, "{g:?} of {raw:?}");
            }
        }
        assert_eq!(fit("Unggahan 🇮🇩👍🏽 x", 11), "Unggahan �…");
        assert_eq!(wrap("🇮🇩 👨\u{200d}👩\u{200d}👧 abc", 3), vec!["� �", "abc"]);
        assert_eq!(pad_right("👍🏽", 3), "\u{fffd}  ");
    }

    fn hides(c: char) -> bool {
        c != '\u{fffd}' && (joins_emoji(c) || placeholder(c).is_some())
    }

    #[test]
    fn ordinary_text_is_not_copied() {
        for s in [
            "Pembagian sembako di Kelurahan Sepinggan",
            "Sa\u{301}marinda Ulu",
            "東京都千代田区",
            "Tim 🎉 pemenangan",
            "",
        ] {
            assert!(matches!(safe(s), Cow::Borrowed(_)), "{s:?}");
            assert!(matches!(safe_chars(s), Cow::Borrowed(_)), "{s:?}");
        }
    }

    #[test]
    fn text_being_edited_keeps_one_character_for_each() {
        for (raw, _, _) in AWKWARD {
            let shown = safe_chars(raw);
            assert_eq!(shown.chars().count(), raw.chars().count(), "{raw:?}");
            assert!(!shown.chars().any(hides), "{raw:?}");
        }
        assert_eq!(safe_chars("👍🏽"), "👍\u{fffd}");
        assert_eq!(safe_chars("a\x1b"), "a␛");
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
