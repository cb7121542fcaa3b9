//! The schematic tile map: a bordered tile per region, shaded by its count's band (pattern and
//! colour), name and count always printed. Render-only; tiles, shades and cursor are given.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;

use crate::tui::theme::Theme;
use crate::tui::widgets::big_digits::{self, BigText, Size};
use crate::tui::widgets::figure::Figure;
use crate::tui::widgets::text::{fit, width};

/// One region's tile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MapTile {
    pub name: String,
    pub figure: Figure,
    /// Grid cell of the top-left corner and size in cells.
    pub cell: (u16, u16, u16, u16),
    /// The shade band of its count (0 for none).
    pub level: usize,
}

/// The bands of counts for `max`: up to four ranges `(from, to)` splitting 1..=max evenly.
pub fn bands(max: i64) -> Vec<(i64, i64)> {
    let mut out = Vec::new();
    let mut from = 1;
    for k in 1..=4 {
        let to = (max * k + 3) / 4;
        if to >= from {
            out.push((from, to));
            from = to + 1;
        }
    }
    out
}

/// The band (1-based) of `count`, 0 for none.
pub fn level(count: i64, bands: &[(i64, i64)]) -> usize {
    bands
        .iter()
        .position(|(a, b)| (*a..=*b).contains(&count))
        .map_or(0, |i| i + 1)
}

/// The map.
pub struct TileMap<'a> {
    pub tiles: &'a [MapTile],
    /// The grid's rows and columns.
    pub grid: (u16, u16),
    /// Columns no tile uses, drawn narrow.
    pub gaps: &'a [bool],
    pub selected: Option<usize>,
    /// The fill of each level, 0 first.
    pub shades: &'a [(char, Style)],
    pub theme: &'a Theme,
}

/// Splits `total` cells into `sizes.len()` parts: fixed sizes where given, the rest shared.
fn spans(total: u16, fixed: &[Option<u16>]) -> Vec<(u16, u16)> {
    let fixed_sum: u16 = fixed.iter().flatten().sum();
    let free = fixed.iter().filter(|f| f.is_none()).count() as u16;
    let room = total.saturating_sub(fixed_sum);
    let each = room.checked_div(free).unwrap_or(0);
    let mut extra = room.checked_rem(free).unwrap_or(0);
    let mut at = 0;
    fixed
        .iter()
        .map(|f| {
            let size = f.unwrap_or_else(|| {
                let e = u16::from(extra > 0);
                extra = extra.saturating_sub(1);
                each + e
            });
            let s = (at, size);
            at += size;
            s
        })
        .collect()
}

/// Where cells `(row, col, height, width)` of a grid of `grid` cells lie in `area`, the columns in
/// `gaps` drawn two wide; the last column of the rectangle is left as space between tiles.
pub fn cell_rect(area: Rect, grid: (u16, u16), gaps: &[bool], cell: (u16, u16, u16, u16)) -> Rect {
    let (rows, cols) = grid;
    let col_fixed: Vec<Option<u16>> = (0..usize::from(cols))
        .map(|c| gaps.get(c).copied().unwrap_or(false).then_some(2))
        .collect();
    let xs = spans(area.width, &col_fixed);
    let ys = spans(area.height, &vec![None; usize::from(rows)]);
    let (r, c, h, w) = cell;
    let (Some(x0), Some(y0)) = (xs.get(usize::from(c)), ys.get(usize::from(r))) else {
        return Rect::new(area.x, area.y, 0, 0);
    };
    let x1 = xs
        .get(usize::from(c + w.max(1) - 1))
        .map_or(x0.0, |(a, s)| a + s);
    let y1 = ys
        .get(usize::from(r + h.max(1) - 1))
        .map_or(y0.0, |(a, s)| a + s);
    Rect::new(
        area.x + x0.0,
        area.y + y0.0,
        (x1 - x0.0).saturating_sub(1),
        y1 - y0.0,
    )
}

impl Widget for TileMap<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if self.grid.0 == 0 || self.grid.1 == 0 {
            return;
        }
        for (i, tile) in self.tiles.iter().enumerate() {
            let rect = cell_rect(area, self.grid, self.gaps, tile.cell);
            self.tile(tile, rect, self.selected == Some(i), buf);
        }
    }
}

impl TileMap<'_> {
    fn tile(&self, tile: &MapTile, r: Rect, selected: bool, buf: &mut Buffer) {
        if r.width < 4 || r.height == 0 {
            return;
        }
        let t = self.theme;
        let (fill, fill_style) = self
            .shades
            .get(tile.level)
            .copied()
            .unwrap_or((' ', Style::new()));
        let border = if selected {
            t.heading().add_modifier(Modifier::BOLD)
        } else {
            t.dim()
        };
        let bordered = r.height >= 3;
        let inner = if bordered {
            Rect::new(r.x + 1, r.y + 1, r.width - 2, r.height - 2)
        } else {
            r
        };
        for y in inner.y..inner.y + inner.height {
            for x in inner.x..inner.x + inner.width {
                buf.set_string(x, y, fill.to_string(), fill_style);
            }
        }
        if bordered {
            let (h, v, tl, tr, bl, br) = if selected {
                ("━", "┃", "┏", "┓", "┗", "┛")
            } else {
                ("─", "│", "┌", "┐", "└", "┘")
            };
            let right = r.x + r.width - 1;
            let bottom = r.y + r.height - 1;
            for x in r.x + 1..right {
                buf.set_string(x, r.y, h, border);
                buf.set_string(x, bottom, h, border);
            }
            for y in r.y + 1..bottom {
                buf.set_string(r.x, y, v, border);
                buf.set_string(right, y, v, border);
            }
            buf.set_string(r.x, r.y, tl, border);
            buf.set_string(right, r.y, tr, border);
            buf.set_string(r.x, bottom, bl, border);
            buf.set_string(right, bottom, br, border);
        }
        let iw = usize::from(inner.width);
        let name_style = if selected { t.selected() } else { t.heading() };
        // Text goes on cleared cells, so the shade's colour does not tint it.
        let clear = |x: u16, y: u16, w: u16, buf: &mut Buffer| {
            for cx in x..(x + w).min(inner.x + inner.width) {
                buf[(cx, y)].reset();
            }
        };
        let text = |y: u16, s: &str, style: Style, buf: &mut Buffer| {
            let s = fit(&format!(" {s} "), iw);
            let x = inner.x + ((iw.saturating_sub(width(&s))) / 2) as u16;
            clear(x, y, width(&s) as u16, buf);
            buf.set_string(x, y, &s, style);
        };
        let count = tile.figure.count_text();
        let digits = Rect::new(inner.x, inner.y, inner.width.saturating_sub(2), 3);
        match inner.height {
            0 => {}
            1 => text(
                inner.y,
                &format!("{} {}", tile.name, tile.figure.text()),
                name_style,
                buf,
            ),
            h if h >= 5 && big_digits::fitting(&count, digits) == Some(Size::Half) => {
                let top = inner.y + (h - 5) / 2;
                text(top, &tile.name, name_style, buf);
                let dw = big_digits::width(&count, Size::Half);
                let x = inner.x + (inner.width - dw) / 2;
                for y in top + 1..top + 4 {
                    clear(x.saturating_sub(1), y, dw + 2, buf);
                }
                BigText {
                    text: &count,
                    size: Size::Half,
                    style: t.total(),
                    glyphs: t.glyphs(),
                }
                .render(Rect::new(x, top + 1, dw, 3), buf);
                // Under the digits: the change since the baseline, then the recent mark.
                let rest: Vec<String> = tile
                    .figure
                    .delta()
                    .into_iter()
                    .chain(tile.figure.mark.map(|m| m.text()))
                    .collect();
                if !rest.is_empty() {
                    text(top + 4, &rest.join(" "), t.total(), buf);
                }
            }
            h => {
                let top = inner.y + (h - 2) / 2;
                text(top, &tile.name, name_style, buf);
                text(top + 1, &tile.figure.text(), t.total(), buf);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::tui::widgets::text::buffer_row;

    #[test]
    fn counts_fall_into_up_to_four_bands() {
        assert_eq!(bands(14), vec![(1, 4), (5, 7), (8, 11), (12, 14)]);
        assert_eq!(bands(2), vec![(1, 1), (2, 2)]);
        assert_eq!(bands(0), vec![]);
        let b = bands(14);
        assert_eq!(level(0, &b), 0);
        assert_eq!(level(6, &b), 2);
        assert_eq!(level(14, &b), 4);
    }

    #[test]
    fn a_tile_prints_its_name_and_count_over_its_shade() {
        let tiles = [MapTile {
            name: "Bontang".into(),
            figure: Figure {
                lang: Lang::En,
                count: 6,
                base: Some(5),
                mark: None,
            },
            cell: (0, 0, 1, 1),
            level: 2,
        }];
        let t = Theme::new(false);
        let shades = [
            (' ', Style::new()),
            ('░', Style::new()),
            ('▒', Style::new()),
        ];
        let mut buf = Buffer::empty(Rect::new(0, 0, 16, 4));
        TileMap {
            tiles: &tiles,
            grid: (1, 1),
            gaps: &[false],
            selected: None,
            shades: &shades,
            theme: &t,
        }
        .render(buf.area, &mut buf);
        let row = |y: u16| buffer_row(&buf, y);
        assert_eq!(row(0), "┌─────────────┐ ");
        assert_eq!(row(1), "│▒▒ Bontang ▒▒│ ");
        assert_eq!(row(2), "│▒▒ 6 (+1) ▒▒▒│ ");
        assert_eq!(row(3), "└─────────────┘ ");
    }
}
