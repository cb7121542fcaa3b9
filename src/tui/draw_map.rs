//! Drawing the map screen: its title, the tile map of the view's counts by region, the legend and
//! the selected region beside the provincial office. Pure function of state: no queries, no clock.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::i18n::{Msg, tr};
use crate::tui::app::App;
use crate::tui::theme::Theme;
use crate::tui::widgets::figure::Figure;
use crate::tui::widgets::text::{date, fit};
use crate::tui::widgets::tile_map::{MapTile, TileMap, bands, cell_rect, level};

impl App {
    /// Screen 4.
    pub(crate) fn draw_map(&self, body: Rect, buf: &mut Buffer) {
        let t = self.look();
        let title = format!(
            " {} · {} {}",
            tr(self.lang, Msg::TuiMapTitle),
            tr(self.lang, Msg::AsOf),
            date(self.as_of())
        );
        buf.set_line(
            body.x,
            body.y,
            &Line::from(Span::styled(
                fit(&title, usize::from(body.width)),
                t.heading(),
            )),
            body.width,
        );
        self.draw_tiles(
            Rect {
                y: body.y + 1,
                height: body.height.saturating_sub(1),
                ..body
            },
            buf,
            &t,
        );
    }

    /// The tiles with the legend; also the presenter's map page.
    pub(crate) fn draw_tiles(&self, area: Rect, buf: &mut Buffer, t: &Theme) {
        let l = self.lang;
        let Some(counts) = &self.counts else {
            buf.set_string(area.x + 2, area.y, tr(l, Msg::TuiLoading), t.dim());
            return;
        };
        let count_of = |code: &str| {
            counts
                .regions
                .iter()
                .find(|r| r.code == code)
                .map_or(0, |r| r.figures.total)
        };
        let max = self
            .tiles
            .tiles
            .iter()
            .map(|tile| count_of(&tile.code))
            .max()
            .unwrap_or(0);
        let ranges = bands(max);
        let tiles: Vec<MapTile> = self
            .tiles
            .tiles
            .iter()
            .map(|tile| {
                let count = count_of(&tile.code);
                MapTile {
                    name: match self.reference.region(&tile.code) {
                        Some(r) if r.kind == "provinsi" => tr(l, Msg::TuiProvinceTile).into(),
                        Some(r) => r.short_name.clone(),
                        None => tile.code.clone(),
                    },
                    figure: Figure {
                        count,
                        base: self.base_headline(&tile.code).map(|h| h.total),
                        mark: self.marks.region(&tile.code, 0),
                    },
                    cell: (tile.row, tile.col, tile.height, tile.width),
                    level: level(count, &ranges),
                }
            })
            .collect();
        let grid = (self.tiles.rows, self.tiles.cols);
        let gaps: Vec<bool> = (0..self.tiles.cols)
            .map(|c| self.tiles.is_gap_column(c))
            .collect();
        let shades: Vec<(char, ratatui::style::Style)> = (0..=4).map(|i| t.shade(i)).collect();
        TileMap {
            tiles: &tiles,
            grid,
            gaps: &gaps,
            selected: Some(self.tile),
            shades: &shades,
            theme: t,
        }
        .render(area, buf);

        // The legend goes under the provincial office's tile, in the column it stands alone in.
        let Some(prov) = self.tiles.tiles.iter().find(|tile| {
            self.reference
                .region(&tile.code)
                .is_some_and(|r| r.kind == "provinsi")
        }) else {
            return;
        };
        let below = prov.row + prov.height;
        let spot = cell_rect(
            area,
            grid,
            &gaps,
            (below, prov.col, grid.0.saturating_sub(below), prov.width),
        );
        let mut lines: Vec<Line<'static>> = vec![Line::from(Span::styled(
            tr(l, Msg::TuiMapLegend).to_string(),
            t.heading(),
        ))];
        for (i, (a, b)) in ranges.iter().enumerate() {
            let (c, s) = t.shade(i + 1);
            let range = if a == b {
                a.to_string()
            } else {
                format!("{a}–{b}")
            };
            lines.push(Line::from(vec![
                Span::styled(c.to_string().repeat(2), s),
                Span::raw(format!(" {range}")),
            ]));
        }
        let none = format!("   0 ({})", tr(l, Msg::TuiMapNone));
        lines.push(Line::from(
            if none.chars().count() < usize::from(spot.width) {
                none
            } else {
                "   0".to_string()
            },
        ));
        if let (Some(tile), Some(h)) = (
            self.tiles.tiles.get(self.tile),
            counts.regions.iter().find(|r| {
                self.tiles
                    .tiles
                    .get(self.tile)
                    .is_some_and(|tile| tile.code == r.code)
            }),
        ) {
            let name = self
                .reference
                .region(&tile.code)
                .map_or(tile.code.clone(), |r| r.display_name(l));
            let f = Figure {
                count: h.figures.total,
                base: self.base_headline(&tile.code).map(|b| b.total),
                mark: None,
            };
            lines.push(Line::default());
            lines.push(Line::from(Span::styled(format!("› {name}"), t.heading())));
            lines.push(Line::from(format!("{}: {}", tr(l, Msg::Count), f.text())));
            lines.push(Line::from(format!(
                "{} {} · {} {}",
                h.figures.temuan,
                tr(l, Msg::TuiColTemuan),
                h.figures.laporan,
                tr(l, Msg::TuiColLaporan)
            )));
        }
        let w = usize::from(spot.width);
        for (i, line) in lines.iter().enumerate() {
            let y = spot.y + 1 + i as u16;
            if y >= spot.y + spot.height {
                break;
            }
            let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            if crate::tui::widgets::text::width(&text) > w {
                buf.set_string(spot.x + 1, y, fit(&text, w.saturating_sub(1)), t.normal());
            } else {
                buf.set_line(spot.x + 1, y, line, spot.width.saturating_sub(1));
            }
        }
    }
}
