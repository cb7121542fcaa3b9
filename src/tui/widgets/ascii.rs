//! The `--ascii` pass over a drawn buffer: box lines, blocks, arrows and markers replaced by ASCII
//! for terminals or fonts that cannot draw them. Changes symbols only, never styles or text.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// The ASCII stand-in of a drawing character, if it is one.
pub fn stand_in(c: char) -> Option<char> {
    Some(match c {
        '─' | '━' | '═' | '╌' | '┄' => '-',
        '│' | '┃' | '║' | '╎' | '┆' | '▏' | '▕' => '|',
        '┌' | '┐' | '└' | '┘' | '├' | '┤' | '┬' | '┴' | '┼' | '╭' | '╮' | '╰' | '╯' | '╔' | '╗'
        | '╚' | '╝' | '╠' | '╣' | '╦' | '╩' | '╬' | '┏' | '┓' | '┗' | '┛' => {
            '+'
        }
        '█' | '▓' | '▉' | '▊' | '▋' | '▌' | '▍' | '▎' | '▇' | '▆' | '▅' | '▀' | '▐' => {
            '#'
        }
        '▒' | '▄' | '▃' => '=',
        '░' | '▂' | '▁' => '.',
        '▲' | '↑' => '^',
        '▼' | '↓' => 'v',
        '←' => '<',
        '→' | '▸' | '›' | '▶' => '>',
        '◆' | '●' | '◉' => '*',
        '·' | '•' => '.',
        '…' => '~',
        '⚠' => '!',
        '✓' => '+',
        '±' => '~',
        '⏎' => '<',
        '⌫' => '<',
        '⇧' => '^',
        '␣' => '_',
        'Δ' => 'D',
        _ => return None,
    })
}

/// Replaces every drawing character in `area` with its ASCII stand-in.
pub fn to_ascii(buf: &mut Buffer, area: Rect) {
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let cell = &mut buf[(x, y)];
            let mut chars = cell.symbol().chars();
            if let (Some(c), None) = (chars.next(), chars.next())
                && let Some(a) = stand_in(c)
            {
                cell.set_char(a);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn box_lines_and_blocks_become_ascii_and_text_stays() {
        let mut buf = Buffer::with_lines(["┌─ Kasus ─┐", "│███▊ é ▲2│", "└─────────┘"]);
        let area = buf.area;
        to_ascii(&mut buf, area);
        assert_eq!(
            buf,
            Buffer::with_lines(["+- Kasus -+", "|#### é ^2|", "+---------+"])
        );
    }
}
