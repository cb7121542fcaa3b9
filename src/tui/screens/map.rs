//! Screen 4, the map: a tile per region, roughly where it lies, shaded by the view's count; the
//! selected tile's figures beside the provincial office. Owns the layout and the selected tile.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::domain::tiles::{Dir, Tiles};
use crate::engine::{Headline, RegionRow};
use crate::i18n::{Msg, tr};
use crate::tui::action::Command;
use crate::tui::marks::{COLUMNS, figures};
use crate::tui::screens::{Ctx, ScreenState, Want, open_row, step};
use crate::tui::widgets::bar::bar;
use crate::tui::theme::Theme;
use crate::tui::widgets::figure::Figure;
use crate::tui::widgets::text::{date, fit, left, right, width};
use crate::tui::widgets::tile_map::{MapTile, TileMap, bands, cell_rect, level};
use crate::engine::Level;

/// The map screen's state (the layout is reference data, in the context).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Map {
    /// The selected tile (an index into the layout's tiles).
    pub tile: usize,
    /// The selected row of the ranked list (by its place in the ranking), drawn where there is
    /// no layout: another province's database, a national one, a region's kecamatan.
    pub row: usize,
}

impl ScreenState for Map {
    /// Arrows move to the next tile that way; Enter drills into the selected region.
    fn command(&mut self, c: Command, ctx: &Ctx<'_>) -> Option<Want> {
        if !uses_tiles(ctx) {
            let ranked = ranked(ctx);
            if c == Command::Open {
                return open_row(ctx, ranked.get(self.row).copied());
            }
            let page = usize::from(ctx.size.1.saturating_sub(6)).max(1);
            self.row = step(self.row, ranked.len(), c, page);
            return None;
        }
        let dir = match c {
            Command::Up => Dir::Up,
            Command::Down => Dir::Down,
            Command::Left => Dir::Left,
            Command::Right => Dir::Right,
            Command::Open => {
                let code = self.region(ctx.tiles)?;
                let row = ctx.area_rows()?.iter().find(|r| r.code == code);
                return open_row(ctx, row);
            }
            _ => return None,
        };
        if let Some(i) = ctx.tiles.neighbour(self.tile, dir) {
            self.tile = i;
        }
        None
    }

    /// Screen 4: its title, the tiles and the legend.
    fn draw(&self, ctx: &Ctx<'_>, body: Rect, buf: &mut Buffer) {
        let t = ctx.theme;
        let title = format!(
            " {} · {} · {} {}",
            area_name(ctx),
            tr(
                ctx.lang,
                match ctx.area {
                    Level::Kecamatan(_) => Msg::TuiMapByKecamatan,
                    _ => Msg::TuiMapTitle,
                }
            ),
            tr(ctx.lang, Msg::AsOf),
            date(ctx.as_of)
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
        let area = Rect {
            y: body.y + 1,
            height: body.height.saturating_sub(1),
            ..body
        };
        self.draw_map(ctx, area, buf, &t);
    }
}

/// Whether the map is drawn as tiles: with a layout (Kaltim's), at the top of the tree.
pub fn uses_tiles(ctx: &Ctx<'_>) -> bool {
    !ctx.tiles.is_empty() && ctx.at_root()
}

/// The rows of the table in view, the most cases first (ties in the table's order).
fn ranked<'c>(ctx: &Ctx<'c>) -> Vec<&'c RegionRow> {
    let mut rows: Vec<&RegionRow> = ctx
        .area_rows()
        .map(|r| r.iter().collect())
        .unwrap_or_default();
    rows.sort_by_key(|r| std::cmp::Reverse(r.figures.total));
    rows
}

/// The name of the place the map shows: the root's ("Kalimantan Timur", "Bawaslu RI"), or the
/// region drilled into.
fn area_name(ctx: &Ctx<'_>) -> String {
    let region = match ctx.area_code() {
        Some(code) => ctx.reference.region(code),
        None => ctx.reference.root(),
    };
    match region {
        Some(r) if r.kind == "nasional" => r.short_name.clone(),
        Some(r) => r.name.trim_start_matches("Provinsi ").to_string(),
        None => String::new(),
    }
}

impl Map {
    /// The region code of the selected tile.
    pub fn region<'t>(&self, tiles: &'t Tiles) -> Option<&'t str> {
        tiles.tiles.get(self.tile).map(|t| t.code.as_str())
    }

}

impl Map {

    /// The tiles, or the ranked list where there is no layout; also the presenter's map page.
    pub fn draw_map(&self, ctx: &Ctx<'_>, area: Rect, buf: &mut Buffer, t: &Theme) {
        if uses_tiles(ctx) {
            self.draw_tiles(ctx, area, buf, t);
        } else {
            self.draw_ranked(ctx, area, buf, t);
        }
    }

    /// The ranked list: a row per region of the table in view with its count and a bar, the
    /// most cases first, scrolling around the cursor; the selected row's figures beside it
    /// when there is room.
    pub fn draw_ranked(&self, ctx: &Ctx<'_>, area: Rect, buf: &mut Buffer, t: &Theme) {
        let l = ctx.lang;
        if ctx.area_rows().is_none() {
            buf.set_string(area.x + 2, area.y, tr(l, Msg::TuiLoading), t.dim());
            return;
        }
        let rows = ranked(ctx);
        let names: Vec<String> = rows.iter().map(|r| ctx.row_name(r)).collect();
        let counts: Vec<String> = rows
            .iter()
            .map(|r| crate::i18n::number(l, r.figures.total))
            .collect();
        let count_w = counts.iter().map(|c| width(c)).max().unwrap_or(1).max(2);
        let panel_w: u16 = 26;
        let side = area.width >= 70;
        let list_w = if side {
            area.width.saturating_sub(panel_w + 2)
        } else {
            area.width
        };
        let name_w = names
            .iter()
            .map(|n| width(n))
            .max()
            .unwrap_or(10)
            .min(28)
            .min(usize::from(list_w).saturating_sub(count_w + 6));
        let bar_w = usize::from(list_w).saturating_sub(2 + name_w + 1 + count_w + 2);
        let max = rows.first().map_or(0, |r| r.figures.total);
        let lines = usize::from(area.height);
        let selected = self.row.min(rows.len().saturating_sub(1));
        // Every line a row (no total line): the window as the region table's, a line more.
        let (start, shown) = crate::tui::widgets::region_table::window(rows.len(), lines + 1, Some(selected));
        for (line, i) in (start..start + shown).enumerate() {
            let y = area.y + line as u16;
            if y >= area.y + area.height {
                break;
            }
            let cursor = if i == selected {
                "› "
            } else if line == 0 && start > 0 {
                "↑ "
            } else if line + 1 == shown && i + 1 < rows.len() {
                "↓ "
            } else {
                "  "
            };
            let spans = vec![
                Span::raw(cursor),
                Span::raw(left(&names[i], name_w)),
                Span::raw(" "),
                Span::styled(right(&counts[i], count_w), t.total()),
                Span::raw("  "),
                Span::styled(bar(rows[i].figures.total, max, bar_w), t.bar()),
            ];
            buf.set_line(area.x, y, &Line::from(spans), list_w);
            if i == selected {
                buf.set_style(
                    Rect {
                        x: area.x,
                        y,
                        width: list_w,
                        height: 1,
                    },
                    t.selected(),
                );
            }
        }
        if side && let Some(r) = rows.get(selected) {
            let x = area.x + list_w + 2;
            let w = usize::from(panel_w.saturating_sub(1));
            for (i, line) in self
                .selected_lines(ctx, &r.code, &names[selected], &r.figures, w, t)
                .iter()
                .enumerate()
            {
                let y = area.y + i as u16;
                if y >= area.y + area.height {
                    break;
                }
                buf.set_line(x, y, line, panel_w);
            }
        }
    }

    /// The tiles with the legend.
    pub fn draw_tiles(&self, ctx: &Ctx<'_>, area: Rect, buf: &mut Buffer, t: &Theme) {
        let l = ctx.lang;
        let Some(counts) = ctx.counts else {
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
        let max = ctx
            .tiles
            .tiles
            .iter()
            .map(|tile| count_of(&tile.code))
            .max()
            .unwrap_or(0);
        let ranges = bands(max);
        let tiles: Vec<MapTile> = ctx
            .tiles
            .tiles
            .iter()
            .map(|tile| {
                let count = count_of(&tile.code);
                MapTile {
                    name: match ctx.reference.region(&tile.code) {
                        Some(r) if r.kind == "provinsi" => tr(l, Msg::TuiProvinceTile).into(),
                        Some(r) => r.short_name.clone(),
                        None => tile.code.clone(),
                    },
                    figure: Figure {
                        lang: l,
                        count,
                        base: ctx.base_headline(&tile.code).map(|h| h.total),
                        mark: ctx.marks.region(&tile.code, 0),
                    },
                    cell: (tile.row, tile.col, tile.height, tile.width),
                    level: level(count, &ranges),
                }
            })
            .collect();
        let grid = (ctx.tiles.rows, ctx.tiles.cols);
        let gaps: Vec<bool> = (0..ctx.tiles.cols)
            .map(|c| ctx.tiles.is_gap_column(c))
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
        let Some(prov) = ctx.tiles.tiles.iter().find(|tile| {
            ctx.reference
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
            let n = |x: &i64| crate::i18n::number(l, *x);
            let range = if a == b {
                n(a)
            } else {
                format!("{}–{}", n(a), n(b))
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
        let w = usize::from(spot.width.saturating_sub(1));
        if let Some(tile) = ctx.tiles.tiles.get(self.tile)
            && let Some(r) = counts.regions.iter().find(|r| r.code == tile.code)
        {
            lines.push(Line::default());
            lines.extend(self.selected_lines(ctx, &tile.code, &r.name, &r.figures, w, t));
        }
        for (i, line) in lines.iter().enumerate() {
            let y = spot.y + 1 + i as u16;
            if y >= spot.y + spot.height {
                break;
            }
            let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            if crate::tui::widgets::text::width(&text) > w {
                buf.set_string(spot.x + 1, y, fit(&text, w), t.normal());
            } else {
                buf.set_line(spot.x + 1, y, line, spot.width.saturating_sub(1));
            }
        }
    }

    /// The selected region under the legend, `w` columns wide: its name (the short one when the
    /// full one does not fit), then each of its figures on a line of its own, the label on the
    /// left and the count on the right, as many as there are rows for (the case count first).
    fn selected_lines(
        &self,
        ctx: &Ctx<'_>,
        code: &str,
        label: &str,
        h: &Headline,
        w: usize,
        t: &Theme,
    ) -> Vec<Line<'static>> {
        let l = ctx.lang;
        let name = match ctx.reference.region(code) {
            // A national table's province is the whole province, named as its row is.
            Some(r) if r.kind == "provinsi" && ctx.at_root() && ctx.reference.is_national() => {
                fit(label, w.saturating_sub(2))
            }
            Some(r) if width(&r.display_name(l)) + 2 <= w => r.display_name(l),
            Some(r) => r.short_name.clone(),
            None => fit(label, w.saturating_sub(2)),
        };
        let now = figures(h);
        let base = ctx.base_headline(code).map(|b| figures(&b));
        let values: Vec<String> = (0..COLUMNS)
            .map(|c| {
                Figure {
                    lang: l,
                    count: now[c],
                    base: base.map(|b| b[c]),
                    mark: None,
                }
                .text()
            })
            .collect();
        let long = [
            Msg::Count,
            Msg::Temuan,
            Msg::Laporan,
            Msg::Registered,
            Msg::Violations,
            Msg::InProcess,
            Msg::Overdue,
        ];
        let short = [
            Msg::TuiColCases,
            Msg::TuiColTemuan,
            Msg::TuiColLaporan,
            Msg::TuiColRegistered,
            Msg::TuiColViolations,
            Msg::TuiColInProcess,
            Msg::TuiColOverdue,
        ];
        let value_w = values.iter().map(|v| width(v)).max().unwrap_or(1);
        // One style of labels for all: the full ones when every one fits.
        let fits = |labels: &[Msg; COLUMNS]| {
            labels
                .iter()
                .all(|m| width(tr(l, *m)) + 1 + value_w <= w)
        };
        let labels = if fits(&long) { long } else { short };
        // Not wider than a glance takes in.
        let row_w = w.min(
            labels.iter().map(|m| width(tr(l, *m))).max().unwrap_or(0) + 2 + value_w,
        );
        let mut out = vec![Line::from(Span::styled(format!("› {name}"), t.heading()))];
        for (c, (m, v)) in labels.iter().zip(&values).enumerate() {
            let label = tr(l, *m);
            let style = if c == 0 { t.total() } else { t.normal() };
            out.push(Line::from(vec![
                Span::styled(left(label, row_w.saturating_sub(value_w)), style),
                Span::styled(right(v, value_w), style),
            ]));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::view::TermKind;
    use crate::tui::screens::fixture::{Fixture, body, text};

    #[test]
    fn arrows_move_between_tiles_and_enter_drills_into_the_region() {
        let f = Fixture::new();
        let ctx = f.ctx();
        let mut map = Map::default();
        let first = map.region(&f.tiles).map(str::to_string);
        assert_eq!(
            map.command(Command::Down, &ctx),
            None,
            "a move asks for nothing"
        );
        let moved = map.region(&f.tiles).map(str::to_string);
        assert_ne!(moved, first, "Down reaches another tile");
        let Some(Want::Area { view, next, .. }) = map.command(Command::Open, &ctx) else {
            panic!("Enter drills down");
        };
        assert_eq!(next, None, "a row of the fixture opens its cases");
        let kinds: Vec<&TermKind> = view.terms.iter().map(|t| &t.kind).collect();
        assert_eq!(kinds, [&TermKind::Region(vec![moved.unwrap_or_default()])]);
    }

    #[test]
    fn without_a_layout_the_map_is_a_ranked_list_that_opens_its_rows() {
        let mut f = Fixture::new();
        f.tiles = Tiles::default();
        let ctx = f.ctx();
        let (area, mut buf) = body();
        let mut map = Map::default();
        map.draw(&ctx, area, &mut buf);
        let screen = text(&buf);
        let rows: Vec<&str> = screen.lines().skip(1).take(3).collect();
        // The fixture's last region has the most cases.
        let last = f.reference.regions.last().map(|r| r.display_name(Lang::En));
        assert!(
            rows[0].starts_with(&format!("› {}", last.unwrap_or_default())),
            "{screen}"
        );
        assert!(rows[0].contains('█'), "a bar: {screen}");
        assert_eq!(map.command(Command::Down, &ctx), None);
        assert_eq!(map.row, 1);
        let Some(Want::Area { view, .. }) = map.command(Command::Open, &ctx) else {
            panic!("Enter opens the row");
        };
        let code = f.reference.regions[f.reference.regions.len() - 2].code.clone();
        let kinds: Vec<&TermKind> = view.terms.iter().map(|t| &t.kind).collect();
        assert_eq!(kinds, [&TermKind::Region(vec![code])], "the second most");
    }

    #[test]
    fn a_national_province_is_named_beside_the_list_as_in_it() {
        let mut f = Fixture::new();
        f.reference = crate::domain::reference::Reference::national();
        f.tiles = Tiles::default();
        let roots: Vec<_> = f
            .reference
            .regions
            .iter()
            .filter(|r| r.kind == "nasional" || r.kind == "provinsi")
            .cloned()
            .collect();
        f.counts.regions = roots
            .iter()
            .map(|r| RegionRow {
                code: r.code.clone(),
                name: r.name.clone(),
                figures: Headline {
                    total: if r.code == "32" { 2810 } else { 0 },
                    ..Default::default()
                },
                drill: None,
            })
            .collect();
        let ctx = f.ctx();
        let (area, mut buf) = body();
        Map::default().draw(&ctx, area, &mut buf);
        let screen = text(&buf);
        let first = screen.lines().nth(1).unwrap_or_default();
        // The whole province's count, so not its office's name ("Province (Jabar)").
        assert!(first.starts_with("› Jawa Barat"), "{screen}");
        assert_eq!(first.matches("› Jawa Barat").count(), 2, "{screen}");
        assert!(!screen.contains("Province (Jabar)"), "{screen}");
    }

    #[test]
    fn draws_its_title_and_a_tile_per_region() {
        let f = Fixture::new();
        let n = f.tiles.tiles.len();
        let (area, mut buf) = body();
        Map::default().draw(&f.ctx(), area, &mut buf);
        let screen = text(&buf);
        assert!(screen.contains("cases by handling office"), "{screen}");
        assert!(
            screen.contains("01/03/2024") || screen.contains("1 Mar"),
            "{screen}"
        );
        assert_eq!(n, f.reference.regions.len(), "every region has a tile");
    }

    /// The map drawn into the body of a `w`x`h` terminal.
    fn drawn(map: &Map, f: &Fixture, w: u16, h: u16, lang: Lang) -> String {
        let mut ctx = f.ctx();
        ctx.size = (w, h);
        ctx.lang = lang;
        let area = Rect::new(0, 0, w, h - 3);
        let mut buf = Buffer::empty(area);
        map.draw(&ctx, area, &mut buf);
        text(&buf)
    }

    #[test]
    fn the_side_panel_is_whole_at_every_size() {
        let f = Fixture::new();
        // The region with the longest name, and one with a two-digit count.
        let long = f
            .reference
            .regions
            .iter()
            .max_by_key(|r| r.display_name(Lang::En).len())
            .map(|r| r.code.clone())
            .unwrap_or_default();
        let map = Map {
            tile: f.tiles.index_of(&long).unwrap_or(0),
            ..Map::default()
        };
        for lang in [Lang::Id, Lang::En] {
            for (w, h) in [(80, 24), (100, 30), (120, 40), (160, 48), (200, 50)] {
                let screen = drawn(&map, &f, w, h, lang);
                // The panel is the column right of the last tile's border.
                let panel: Vec<String> = screen
                    .lines()
                    .map(|l| {
                        let cells: Vec<char> = l.chars().collect();
                        let edge = cells.iter().rposition(|c| "│┃┐┓┘┛".contains(*c));
                        cells[edge.map_or(0, |e| e + 1)..].iter().collect()
                    })
                    .collect();
                let panel = panel.join("\n");
                assert!(!panel.contains('…'), "{w}x{h}: nothing cut\n{panel}");
                for m in [Msg::TuiColTemuan, Msg::TuiColOverdue] {
                    let short = tr(lang, m);
                    assert!(panel.contains(short) || {
                        let long = match m {
                            Msg::TuiColTemuan => Msg::Temuan,
                            _ => Msg::Overdue,
                        };
                        panel.contains(tr(lang, long))
                    }, "{w}x{h}: {short}\n{panel}");
                }
                let index = f.reference.regions.iter().position(|r| r.code == long);
                let count = index.unwrap_or(0).to_string();
                assert!(
                    panel.lines().any(|l| l.trim_end().ends_with(&count)),
                    "{w}x{h}: the count {count}\n{panel}"
                );
            }
        }
    }
}
