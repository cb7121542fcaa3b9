//! Large block digits for figures read from the back of a meeting room: a 3×5 pixel font drawn
//! five rows tall, or three rows tall with half blocks when room is short (in ASCII, three rows
//! of seven-segment digits drawn with `_` and `|`). Render-only.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use crate::tui::terminal::Glyphs;

/// The pixels of a character, five rows of `#` and spaces; `None` for characters without a glyph.
fn glyph(c: char) -> Option<[&'static str; 5]> {
    Some(match c {
        '0' => ["###", "# #", "# #", "# #", "###"],
        '1' => [" # ", "## ", " # ", " # ", "###"],
        '2' => ["###", "  #", "###", "#  ", "###"],
        '3' => ["###", "  #", "###", "  #", "###"],
        '4' => ["# #", "# #", "###", "  #", "  #"],
        '5' => ["###", "#  ", "###", "  #", "###"],
        '6' => ["###", "#  ", "###", "# #", "###"],
        '7' => ["###", "  #", "  #", "  #", "  #"],
        '8' => ["###", "# #", "###", "# #", "###"],
        '9' => ["###", "# #", "###", "  #", "###"],
        '.' => [" ", " ", " ", " ", "#"],
        ',' => ["  ", "  ", "  ", " #", "# "],
        '+' => ["   ", " # ", "###", " # ", "   "],
        '-' => ["   ", "   ", "###", "   ", "   "],
        ' ' => [" ", " ", " ", " ", " "],
        _ => return None,
    })
}

/// A character in three rows of seven-segment ASCII, as wide as its pixels.
fn segments(c: char) -> Option<[&'static str; 3]> {
    Some(match c {
        '0' => [" _ ", "| |", "|_|"],
        '1' => ["   ", "  |", "  |"],
        '2' => [" _ ", " _|", "|_ "],
        '3' => [" _ ", " _|", " _|"],
        '4' => ["   ", "|_|", "  |"],
        '5' => [" _ ", "|_ ", " _|"],
        '6' => [" _ ", "|_ ", "|_|"],
        '7' => [" _ ", "  |", "  |"],
        '8' => [" _ ", "|_|", "|_|"],
        '9' => [" _ ", "|_|", " _|"],
        '.' => [" ", " ", "."],
        ',' => ["  ", "  ", " ,"],
        '+' => ["   ", "_|_", " | "],
        '-' => ["   ", " _ ", "   "],
        ' ' => [" ", " ", " "],
        _ => return None,
    })
}

/// How tall the digits are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Size {
    /// Five rows, each pixel two columns wide.
    Tall,
    /// Three rows of half blocks, each pixel one column wide.
    Half,
}

impl Size {
    /// Rows the digits take.
    pub fn rows(self) -> u16 {
        match self {
            Size::Tall => 5,
            Size::Half => 3,
        }
    }
}

/// Whether every character of `text` has a glyph.
pub fn drawable(text: &str) -> bool {
    text.chars().all(|c| glyph(c).is_some())
}

/// The columns `text` takes at `size` (one pixel of space between characters).
pub fn width(text: &str, size: Size) -> u16 {
    let px = match size {
        Size::Tall => 2,
        Size::Half => 1,
    };
    let n: usize = text
        .chars()
        .filter_map(glyph)
        .map(|g| (g[0].chars().count() + 1) * px)
        .sum();
    u16::try_from(n.saturating_sub(px)).unwrap_or(u16::MAX)
}

/// The largest size at which `text` fits `area`, if any.
pub fn fitting(text: &str, area: Rect) -> Option<Size> {
    [Size::Tall, Size::Half]
        .into_iter()
        .find(|s| area.height >= s.rows() && area.width >= width(text, *s) && drawable(text))
}

/// The text in block digits, from the top-left of the area, clipped to it.
pub struct BigText<'a> {
    pub text: &'a str,
    pub size: Size,
    pub style: Style,
    /// In ASCII the half-block size is drawn as seven segments.
    pub glyphs: Glyphs,
}

impl Widget for BigText<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let mut x = area.x;
        let right = area.x + area.width;
        for c in self.text.chars() {
            let Some(g) = glyph(c) else { continue };
            let w = g[0].chars().count() as u16;
            if self.size == Size::Half && self.glyphs == Glyphs::Ascii {
                for (row, line) in segments(c).unwrap_or_default().iter().enumerate() {
                    let row = row as u16;
                    for (col, ch) in (0u16..).zip(line.chars()) {
                        if ch != ' ' && x + col < right && row < area.height {
                            buf[(x + col, area.y + row)]
                                .set_char(ch)
                                .set_style(self.style);
                        }
                    }
                }
                x += w + 1;
                if x >= right {
                    break;
                }
                continue;
            }
            for (col, px) in (0..w).zip(0u16..) {
                let on = |row: usize| g[row].chars().nth(usize::from(col)) == Some('#');
                match self.size {
                    Size::Tall => {
                        for row in 0..5u16 {
                            let cx = x + 2 * px;
                            if on(usize::from(row)) && cx + 1 < right && row < area.height {
                                buf.set_string(cx, area.y + row, "██", self.style);
                            }
                        }
                    }
                    Size::Half => {
                        for row in 0..3u16 {
                            let top = on(usize::from(row) * 2);
                            let bottom = row < 2 && on(usize::from(row) * 2 + 1);
                            let cell = match (top, bottom) {
                                (true, true) => "█",
                                (true, false) => "▀",
                                (false, true) => "▄",
                                (false, false) => continue,
                            };
                            let cx = x + px;
                            if cx < right && row < area.height {
                                buf.set_string(cx, area.y + row, cell, self.style);
                            }
                        }
                    }
                }
            }
            x += match self.size {
                Size::Tall => 2 * (w + 1),
                Size::Half => w + 1,
            };
            if x >= right {
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draw(text: &str, size: Size) -> Vec<String> {
        let w = width(text, size);
        let mut buf = Buffer::empty(Rect::new(0, 0, w, size.rows()));
        BigText {
            text,
            size,
            style: Style::new(),
            glyphs: Glyphs::Unicode,
        }
        .render(buf.area, &mut buf);
        (0..size.rows())
            .map(|y| (0..w).map(|x| buf[(x, y)].symbol().to_string()).collect())
            .collect()
    }

    #[test]
    fn digits_are_drawn_tall_or_in_half_blocks() {
        assert_eq!(
            draw("22", Size::Half),
            vec!["▀▀█ ▀▀█", "█▀▀ █▀▀", "▀▀▀ ▀▀▀"]
        );
        let tall = draw("1", Size::Tall);
        assert_eq!(tall[0], "  ██  ");
        assert_eq!(tall[4], "██████");
        assert_eq!(width("7.120", Size::Tall), 6 * 4 + 2 + 2 * 4);
        assert!(fitting("7.120", Rect::new(0, 0, 20, 5)) == Some(Size::Half));
        assert_eq!(fitting("abc", Rect::new(0, 0, 80, 10)), None);
    }
}
