//! Large block digits for figures read from the back of a meeting room: a 3×5 pixel font drawn
//! five rows tall or a multiple of that on a large screen, or three rows tall with half blocks when
//! room is short (in ASCII, three rows of seven-segment digits drawn with `_` and `|`).
//! Render-only.

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
    /// Five rows times the scale, each pixel twice the scale wide and the scale tall.
    Tall(u16),
    /// Three rows of half blocks, each pixel one column wide.
    Half,
}

/// The largest scale of [`Size::Tall`] tried.
const LARGEST: u16 = 8;

impl Size {
    /// Rows the digits take.
    pub fn rows(self) -> u16 {
        match self {
            Size::Tall(k) => 5 * k.max(1),
            Size::Half => 3,
        }
    }

    /// Columns a pixel takes.
    fn px(self) -> u16 {
        match self {
            Size::Tall(k) => 2 * k.max(1),
            Size::Half => 1,
        }
    }

    /// Every size, the largest first.
    pub fn largest_first() -> impl Iterator<Item = Size> {
        (1..=LARGEST).rev().map(Size::Tall).chain([Size::Half])
    }
}

/// Whether every character of `text` has a glyph.
pub fn drawable(text: &str) -> bool {
    text.chars().all(|c| glyph(c).is_some())
}

/// The columns `text` takes at `size` (one pixel of space between characters).
pub fn width(text: &str, size: Size) -> u16 {
    let px = usize::from(size.px());
    let n: usize = text
        .chars()
        .filter_map(glyph)
        .map(|g| (g[0].chars().count() + 1) * px)
        .sum();
    u16::try_from(n.saturating_sub(px)).unwrap_or(u16::MAX)
}

/// The largest size at which `text` fits `area`, if any.
pub fn fitting(text: &str, area: Rect) -> Option<Size> {
    Size::largest_first()
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
        let area = area.intersection(buf.area);
        let mut x = area.x;
        let right = area.x + area.width;
        let bottom = area.y + area.height;
        let px = self.size.px();
        for c in self.text.chars() {
            let Some(g) = glyph(c) else { continue };
            let w = g[0].chars().count() as u16;
            if self.size == Size::Half && self.glyphs == Glyphs::Ascii {
                for (row, line) in segments(c).unwrap_or_default().iter().enumerate() {
                    let row = row as u16;
                    for (col, ch) in (0u16..).zip(line.chars()) {
                        if ch != ' ' && x + col < right && area.y + row < bottom {
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
            for col in 0..w {
                let on = |row: usize| g[row].chars().nth(usize::from(col)) == Some('#');
                match self.size {
                    Size::Tall(k) => {
                        let k = k.max(1);
                        for row in 0..5u16 {
                            if !on(usize::from(row)) {
                                continue;
                            }
                            let cx = x + px * col;
                            for y in area.y + row * k..area.y + (row + 1) * k {
                                for cx in cx..cx + px {
                                    if cx < right && y < bottom {
                                        buf[(cx, y)].set_symbol("█").set_style(self.style);
                                    }
                                }
                            }
                        }
                    }
                    Size::Half => {
                        for row in 0..3u16 {
                            let top = on(usize::from(row) * 2);
                            let bottom_half = row < 2 && on(usize::from(row) * 2 + 1);
                            let cell = match (top, bottom_half) {
                                (true, true) => "█",
                                (true, false) => "▀",
                                (false, true) => "▄",
                                (false, false) => continue,
                            };
                            let cx = x + col;
                            if cx < right && area.y + row < bottom {
                                buf.set_string(cx, area.y + row, cell, self.style);
                            }
                        }
                    }
                }
            }
            x += px * (w + 1);
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
        let tall = draw("1", Size::Tall(1));
        assert_eq!(tall[0], "  ██  ");
        assert_eq!(tall[4], "██████");
        assert_eq!(width("7.120", Size::Tall(1)), 6 * 4 + 2 + 2 * 4);
        assert!(fitting("7.120", Rect::new(0, 0, 20, 5)) == Some(Size::Half));
        assert_eq!(fitting("abc", Rect::new(0, 0, 80, 10)), None);
    }

    #[test]
    fn digits_grow_with_the_room() {
        let double = draw("1", Size::Tall(2));
        assert_eq!(double.len(), 10, "twice as tall");
        assert_eq!(double[0], "    ████    ");
        assert_eq!(double[1], double[0], "each pixel two rows tall");
        assert_eq!(double[9], "████████████");
        assert_eq!(width("47", Size::Tall(2)), 2 * width("47", Size::Tall(1)));
        assert_eq!(
            fitting("47", Rect::new(0, 0, 200, 12)),
            Some(Size::Tall(2)),
            "as large as the area allows"
        );
        assert_eq!(fitting("47", Rect::new(0, 0, 200, 5)), Some(Size::Tall(1)));
    }
}
