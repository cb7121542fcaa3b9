//! Drawing with the characters the terminal has: the last pass over a drawn buffer replaces what
//! the Linux console's font lacks (eighths of a block, `…`, `◆`) with its nearest character, and
//! in ASCII every character above 0x7F with a readable ASCII one (box lines `+-|`, shades `.:+#`,
//! `…` as `...`, accents dropped). Changes symbols only, never styles. Key names that become
//! words (`⏎` is `Enter`) change width, so they are written at the text level (`words`).

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_normalization::UnicodeNormalization;

use crate::tui::terminal::Glyphs;

/// The characters above 0x7F of code page 437, the Linux console's built-in font.
const CP437: &str = "☺☻♥♦♣♠•◘○◙♂♀♪♫☼►◄↕‼¶§▬↨↑↓→←∟↔▲▼⌂\
ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»\
░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀\
αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u{a0}";

/// Whether the Linux console's font draws `c`.
pub fn in_console_font(c: char) -> bool {
    c.is_ascii() || CP437.contains(c)
}

/// The ASCII stand-in of a drawing character or symbol, if it is one.
pub fn stand_in(c: char) -> Option<char> {
    Some(match c {
        '─' | '═' | '╌' | '┄' | '╴' | '╶' => '-',
        '│' | '║' | '╎' | '┆' | '╷' | '╵' | '▕' => '|',
        // Heavy lines (the selected tile, the view's date on the timeline) stand out.
        '━' => '=',
        '┃' => ':',
        '┌' | '┐' | '└' | '┘' | '├' | '┤' | '┬' | '┴' | '┼' | '╭' | '╮' | '╰' | '╯' | '╔' | '╗'
        | '╚' | '╝' | '╠' | '╣' | '╦' | '╩' | '╬' | '┏' | '┓' | '┗' | '┛' | '╒' | '╕' | '╘'
        | '╛' | '╞' | '╡' | '╤' | '╧' | '╪' | '╓' | '╖' | '╙' | '╜' | '╟' | '╢' | '╥' | '╨'
        | '╫' => '+',
        // Shades, lightest to densest, each its own pattern.
        '░' => '.',
        '▒' => ':',
        '▓' => '+',
        '█' | '▉' | '▊' | '▋' | '▇' | '▆' | '▅' | '▀' | '▐' | '▔' => '#',
        // A part of a cell at the end of a bar.
        '▌' | '▍' | '▎' | '▏' => '=',
        '▄' | '▃' | '▂' | '▁' => '_',
        '▲' | '↑' | '△' | '▴' => '^',
        '▼' | '↓' | '▽' | '▾' => 'v',
        '←' | '◀' | '◄' | '«' | '‹' => '<',
        '→' | '▸' | '›' | '▶' | '►' | '»' => '>',
        '↕' => '|',
        '↔' => '-',
        '◆' | '♦' | '●' | '◉' | '•' | '★' | '∙' => '*',
        '○' | '◦' | '□' => 'o',
        '■' | '▪' => '#',
        '·' => '.',
        '…' => '.',
        '–' | '—' | '−' | '‐' | '‑' | '¬' => '-',
        '⚠' | '‼' | '¡' => '!',
        '✓' | '✔' | '√' => '+',
        '✗' | '✘' | '×' => 'x',
        '±' => '=',
        '⏎' => '<',
        '⌫' => '<',
        '⇧' => '^',
        '␣' => '_',
        '␛' => '^',
        '⟳' => '~',
        // `Δ acuan 14:05`, the changes since the baseline: `@ baseline 14:05` reads "at".
        'Δ' => '@',
        'δ' => 'd',
        '§' => 'S',
        '°' => 'o',
        '¿' => '?',
        '÷' => '/',
        '≈' | '≡' => '=',
        '≤' => '<',
        '≥' => '>',
        '\u{a0}' | '\u{3000}' => ' ',
        _ => return None,
    })
}

/// The ASCII character drawn for `c`: itself, its stand-in, its letter without the accent
/// (`é` is `e`), the ASCII form of a full-width character, else `?`.
pub fn ascii_of(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    if let Some(a) = stand_in(c) {
        return a;
    }
    if ('\u{ff01}'..='\u{ff5e}').contains(&c) {
        return char::from_u32(u32::from(c) - 0xfee0).unwrap_or('?');
    }
    match c {
        'ß' => return 's',
        'æ' | 'Æ' => return if c == 'æ' { 'a' } else { 'A' },
        'ø' => return 'o',
        'Ø' => return 'O',
        'đ' => return 'd',
        'Đ' => return 'D',
        'ł' => return 'l',
        'Ł' => return 'L',
        _ => {}
    }
    std::iter::once(c)
        .nfd()
        .find(char::is_ascii_alphanumeric)
        .unwrap_or('?')
}

/// The character the Linux console draws for `c`: itself when its font has it, else the nearest
/// it has, else the ASCII one.
pub fn console_of(c: char) -> char {
    if in_console_font(c) {
        return c;
    }
    match c {
        '▏' | '▎' | '▍' | '▋' => '▌',
        '▊' | '▉' | '▇' | '▆' | '▅' => '█',
        '▃' | '▂' | '▁' => '▄',
        '▕' => '▐',
        '━' => '═',
        '┃' => '║',
        '┏' => '╔',
        '┓' => '╗',
        '┗' => '╚',
        '┛' => '╝',
        '╭' => '┌',
        '╮' => '┐',
        '╰' => '└',
        '╯' => '┘',
        '╌' | '┄' | '╴' | '╶' => '─',
        '╎' | '┆' | '╷' | '╵' => '│',
        '◆' => '♦',
        '●' | '◉' => '•',
        '▸' | '▶' => '►',
        '◀' => '◄',
        '✓' | '✔' => '√',
        '▪' => '■',
        _ => ascii_of(c),
    }
}

/// Key names and hints written for `glyphs`: without Unicode `⏎` is `Enter`, `␣` `Space`, `⌫`
/// `Backspace`, `⇧Tab` `Shift-Tab` and `…` `...` (the console's font lacks them); in ASCII the
/// arrows are words too.
pub fn words(text: &str, glyphs: Glyphs) -> Cow<'_, str> {
    const CONSOLE: [(&str, &str); 6] = [
        ("⏎", "Enter"),
        ("␣", "Space"),
        ("⌫", "Backspace"),
        ("⇧Tab", "Shift-Tab"),
        ("⇧", "Shift-"),
        ("…", "..."),
    ];
    const ARROWS: [(&str, &str); 6] = [
        ("←→", "Left/Right"),
        ("↑↓", "Up/Down"),
        ("←", "Left"),
        ("→", "Right"),
        ("↑", "Up"),
        ("↓", "Down"),
    ];
    let pairs: &[(&str, &str)] = match glyphs {
        Glyphs::Unicode => return Cow::Borrowed(text),
        Glyphs::Console => &CONSOLE,
        Glyphs::Ascii => &[CONSOLE.as_slice(), ARROWS.as_slice()].concat(),
    };
    if text.is_ascii() || !pairs.iter().any(|(from, _)| text.contains(from)) {
        return Cow::Borrowed(text);
    }
    let mut out = text.to_string();
    for (from, to) in pairs {
        out = out.replace(from, to);
    }
    Cow::Owned(out)
}

/// A text (a line of `doctor`, a message) written with `glyphs`: key names as words, then every
/// character the terminal lacks replaced as on the screen.
pub fn text(text: &str, glyphs: Glyphs) -> Cow<'_, str> {
    let of: fn(char) -> char = match glyphs {
        Glyphs::Unicode => return Cow::Borrowed(text),
        Glyphs::Console => console_of,
        Glyphs::Ascii => ascii_of,
    };
    // Only the key names: an arrow in a sentence stays an arrow (`>`), not the word `Right`.
    let worded = words(text, Glyphs::Console);
    if worded.chars().all(|c| of(c) == c) {
        return worded;
    }
    Cow::Owned(worded.chars().map(of).collect())
}

/// Replaces every drawing character in `area` with its ASCII stand-in.
pub fn to_ascii(buf: &mut Buffer, area: Rect) {
    to_glyphs(buf, area, Glyphs::Ascii);
}

/// Whether a symbol is text (not blank, not a line or a block) for placing the dots of `…`.
fn is_text(symbol: &str) -> bool {
    symbol
        .chars()
        .next()
        .is_some_and(|c| !c.is_whitespace() && !('\u{2500}'..='\u{259f}').contains(&c))
}

/// Leaves in `area` only characters `glyphs` has. A `…` becomes `...`: over the spaces after it
/// when there are three, else over the end of the cut text before it (`Administ…` is
/// `Admini...`) or the start of the text after it (`…test/demo.db` is `...st/demo.db`, never a
/// home folder's `~test`).
pub fn to_glyphs(buf: &mut Buffer, area: Rect, glyphs: Glyphs) {
    if glyphs == Glyphs::Unicode {
        return;
    }
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        let row: Vec<String> = (area.left()..area.right())
            .map(|x| buf[(x, y)].symbol().to_string())
            .collect();
        let at = |i: isize| -> Option<&str> {
            usize::try_from(i)
                .ok()
                .and_then(|i| row.get(i))
                .map(String::as_str)
        };
        let mut dots: Vec<usize> = Vec::new();
        for (i, symbol) in row.iter().enumerate() {
            let x = area.left() + i as u16;
            if symbol.is_ascii() {
                continue;
            }
            if symbol == "…" {
                let i = i as isize;
                let space = |k: isize| at(i + k) == Some(" ");
                let room = space(1) && space(2) && (space(3) || at(i + 3).is_none());
                let (from, to) = if room {
                    (i, i + 2)
                } else if at(i - 1).is_some_and(is_text) {
                    // Within the cut text: a space counts when text comes before it.
                    let inside = |k: isize| {
                        at(i - k).is_some_and(|s| {
                            is_text(s) || (s == " " && at(i - k - 1).is_some_and(is_text))
                        })
                    };
                    let back = (1..=2).take_while(|k| inside(*k)).count();
                    (i - back as isize, i)
                } else {
                    let ahead = (1..=2)
                        .take_while(|k| at(i + k).is_some_and(is_text))
                        .count();
                    (i, i + ahead as isize)
                };
                for k in from..=to {
                    dots.extend(usize::try_from(k).ok());
                }
                continue;
            }
            let mut chars = symbol.chars();
            let first = chars.next().unwrap_or(' ');
            let one = chars.next().is_none();
            let c = match glyphs {
                Glyphs::Console if one => console_of(first),
                Glyphs::Console => {
                    let composed: String = symbol.nfc().collect();
                    let mut cs = composed.chars();
                    match (cs.next(), cs.next()) {
                        (Some(c), None) if in_console_font(c) => c,
                        _ => ascii_of(first),
                    }
                }
                _ if first == '·' => {
                    // A separator between spaces reads better as a bar than as a full stop.
                    let spaced = at(i as isize - 1) == Some(" ") && at(i as isize + 1) == Some(" ");
                    if spaced { '|' } else { '.' }
                }
                _ => ascii_of(first),
            };
            buf[(x, y)].set_char(c);
        }
        for i in dots {
            if let Some(x) = u16::try_from(i).ok().map(|i| area.left() + i)
                && x < area.right()
            {
                buf[(x, y)].set_char('.');
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ascii(lines: &[&str]) -> Vec<String> {
        let mut buf = Buffer::with_lines(lines.to_vec());
        let area = buf.area;
        to_ascii(&mut buf, area);
        (0..area.height)
            .map(|y| {
                (0..area.width)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn box_lines_and_blocks_become_ascii_and_text_stays_readable() {
        assert_eq!(
            ascii(&["┌─ Kasus ─┐", "│███▊ é ▲2│", "└─────────┘"]),
            ["+- Kasus -+", "|#### e ^2|", "+---------+"]
        );
    }

    #[test]
    fn shades_keep_four_patterns_and_separators_read_as_bars() {
        assert_eq!(ascii(&["░▒▓█"]), [".:+#"]);
        assert_eq!(ascii(&["a · b·c – d — e"]), ["a | b.c - d - e"]);
    }

    #[test]
    fn an_ellipsis_is_three_dots_that_never_look_like_a_home_folder() {
        assert_eq!(ascii(&["…test/demo.db"]), ["...st/demo.db"]);
        assert_eq!(ascii(&["Administ… Not"]), ["Admini... Not"]);
        assert_eq!(ascii(&[" Violation (… 2"]), [" Violation... 2"]);
        assert_eq!(ascii(&["loading…    "]), ["loading...  "]);
        assert_eq!(ascii(&["a …"]), ["a ."]);
    }

    #[test]
    fn every_character_becomes_seven_bit() {
        let lines = ["Ｐ０ ß ⟳ ✓ ⚠ ● ◆ ○ ■ × ± Δ 中"];
        let out = ascii(&lines);
        assert!(out.iter().all(|l| l.is_ascii()), "{out:?}");
        // A wide character keeps its two cells: its ASCII form and a space.
        assert_eq!(out[0], "P 0  s ~ + ! * * o # x = @ ? ", "{out:?}");
    }

    #[test]
    fn the_console_keeps_what_its_font_has() {
        let mut buf = Buffer::with_lines(["┌─┐ ██▍ ░▒▓ ◆ ▲ ┃ ━ é ✓ ⏎"]);
        let area = buf.area;
        to_glyphs(&mut buf, area, Glyphs::Console);
        let row: String = (0..area.width).map(|x| buf[(x, 0)].symbol()).collect();
        assert_eq!(row, "┌─┐ ██▌ ░▒▓ ♦ ▲ ║ ═ é √ <");
        assert!(row.chars().all(in_console_font));
    }

    #[test]
    fn key_names_become_words_without_unicode() {
        assert_eq!(
            words("⏎ apply · ↑↓ history", Glyphs::Unicode),
            "⏎ apply · ↑↓ history"
        );
        assert_eq!(
            words("⏎ apply · ↑↓ history", Glyphs::Console),
            "Enter apply · ↑↓ history"
        );
        assert_eq!(
            words("⏎ apply · ↑↓ history", Glyphs::Ascii),
            "Enter apply · Up/Down history"
        );
        assert_eq!(words("⇧Tab", Glyphs::Ascii), "Shift-Tab");
        assert_eq!(words("a-z …", Glyphs::Ascii), "a-z ...");
    }
}
