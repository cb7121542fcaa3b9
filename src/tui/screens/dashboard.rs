//! Screen 1, the dashboard: the region table and the stage, type and status panels, with the
//! focused panel and each panel's selected row. Owns that cursor; draws from the view's counts.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::domain::{Status, TypeGroup};
use crate::engine::{Dim, Group, Headline};
use crate::i18n::core::Core;
use crate::i18n::{Msg, tr};
use crate::tui::action::Command;
use crate::tui::marks::{COLUMNS, figures};
use crate::engine::Level;
use crate::tui::screens::{Ctx, ScreenState, Want, open_row, step};
use crate::tui::widgets::count_panel::{CountPanel, PanelLine};
use crate::tui::widgets::region_table::{RegionLine, RegionTable};
use crate::view::{TermKind, View};

/// The dashboard's panels, in focus order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Panel {
    Regions,
    Stages,
    Types,
    Statuses,
}

impl Panel {
    pub const ALL: [Panel; 4] = [Panel::Regions, Panel::Stages, Panel::Types, Panel::Statuses];
}

/// The dashboard's state: the focused panel and the selected row of each.
#[derive(Clone, Debug, PartialEq)]
pub struct Dashboard {
    pub panel: Panel,
    pub region_row: usize,
    /// The selected key of the stage, type and status panels (kept by key, so that a row stays
    /// selected when the counts change its place).
    pub panel_keys: [Option<String>; 4],
}

impl Default for Dashboard {
    fn default() -> Dashboard {
        Dashboard {
            panel: Panel::Regions,
            region_row: 0,
            panel_keys: [None, None, None, None],
        }
    }
}

/// The rows of a dashboard panel: the keys with cases (and the campaign stage always); stages
/// and types in their own order, statuses (the longest list) the most frequent first.
pub fn panel_items<'c>(ctx: &Ctx<'c>, panel: Panel) -> Vec<&'c Group> {
    let Some(counts) = ctx.counts else {
        return Vec::new();
    };
    let groups = match panel {
        Panel::Regions => return Vec::new(),
        // The calendar's election's stages alone: two elections' stages do not add up.
        Panel::Stages => ctx.stage_groups().map_or(&counts.stages[..], |(g, _)| g),
        Panel::Types => &counts.types,
        Panel::Statuses => &counts.statuses,
    };
    let mut items: Vec<&Group> = groups
        .iter()
        .filter(|g| g.count > 0 || (panel == Panel::Stages && g.key == ctx.campaign_stage()))
        .collect();
    if panel == Panel::Statuses {
        items.sort_by_key(|g| std::cmp::Reverse(g.count));
    }
    items
}

impl ScreenState for Dashboard {
    /// Left and Right move between the table and the panels; the other moves select a row; Enter
    /// drills into the selected region, stage, type or status (the total row: the whole view).
    fn command(&mut self, c: Command, ctx: &Ctx<'_>) -> Option<Want> {
        if c == Command::Open {
            if self.panel == Panel::Regions {
                // Not before the rows of the table drilled into have come.
                let rows = ctx.area_rows()?;
                if let Some(row) = rows.get(self.region_row) {
                    return open_row(ctx, Some(row));
                }
                // The total row of a table drilled into: its region's cases, named by the path.
                if !ctx.at_root() {
                    return Some(Want::Area {
                        view: ctx.view.clone(),
                        next: None,
                        name: String::new(),
                    });
                }
            }
            return self.drill(ctx).map(Want::Drill);
        }
        let i = Panel::ALL
            .iter()
            .position(|p| *p == self.panel)
            .unwrap_or(0);
        let n = Panel::ALL.len();
        match c {
            Command::Left => self.panel = Panel::ALL[(i + n - 1) % n],
            Command::Right => self.panel = Panel::ALL[(i + 1) % n],
            _ if self.panel == Panel::Regions => {
                let rows = ctx.area_rows().map_or(0, <[_]>::len) + 1;
                self.region_row = step(self.region_row, rows, c, 5);
            }
            _ => {
                let items = panel_items(ctx, self.panel);
                let j = step(self.panel_index(ctx, self.panel), items.len(), c, 5);
                let key = items.get(j).map(|g| g.key.clone());
                self.panel_keys[panel_slot(self.panel)] = key;
            }
        }
        None
    }

    fn draw(&self, ctx: &Ctx<'_>, body: Rect, buf: &mut Buffer) {
        let l = ctx.lang;
        let (Some(counts), Some(area_rows)) = (ctx.counts, ctx.area_rows()) else {
            buf.set_string(
                body.x + 2,
                body.y + 1,
                tr(l, Msg::TuiLoading),
                ctx.theme.dim(),
            );
            return;
        };
        let rows: Vec<RegionLine> = area_rows
            .iter()
            .map(|r| self.region_line(ctx, &r.code, ctx.row_name(r), &r.figures))
            .collect();
        let total = self.region_line(ctx, "", tr(l, Msg::Total).to_string(), &counts.headline);
        let panels = [
            (Panel::Stages, Msg::Stage),
            // The suspected types of all cases (Bawaslu Kaltim's convention), named as such.
            (Panel::Types, Msg::TypeSuspected),
            (Panel::Statuses, Msg::Status),
        ];
        let lines: Vec<Vec<PanelLine>> = panels
            .iter()
            .map(|(p, _)| self.panel_lines(ctx, *p))
            .collect();
        let longest = lines.iter().map(Vec::len).max().unwrap_or(0);
        let shape = Shape::of(body, rows.len() + 1, longest);
        let table_area = Rect {
            height: shape.table.min(body.height),
            ..body
        };
        let panels_area = Rect {
            y: body.y + shape.table + shape.gap,
            height: body.height.saturating_sub(shape.table + shape.gap),
            ..body
        };
        let (panel, index) = self.cursor(ctx);
        RegionTable {
            headings: [
                tr(
                    l,
                    match ctx.area {
                        Level::Kecamatan(_) => Msg::TuiColKecamatan,
                        Level::Root if ctx.reference.is_national() => Msg::TuiColProvince,
                        _ => Msg::Region,
                    },
                ),
                tr(l, Msg::TuiColCases),
                tr(l, Msg::TuiColTemuan),
                tr(l, Msg::TuiColLaporan),
                tr(l, Msg::TuiColRegistered),
                tr(l, Msg::TuiColViolations),
                tr(l, Msg::TuiColInProcess),
                tr(l, Msg::TuiColOverdue),
            ],
            rows: &rows,
            total: &total,
            selected: (panel == Panel::Regions).then_some(index),
            focused: panel == Panel::Regions,
            spacing: shape.table_spacing,
            lang: l,
            theme: &ctx.theme,
        }
        .render(table_area, buf);
        if counts.headline.total == 0 && ctx.view.terms.is_empty() && ctx.view.text.is_empty() {
            let y = table_area.y + table_area.height;
            if y < body.y + body.height {
                buf.set_string(body.x + 2, y, tr(l, Msg::TuiEmptyDb), ctx.theme.dim());
            }
        }
        // The three panels side by side under the table, their bars at one scale: the one at
        // which the fullest panel's largest count fills its room. When every label fits whole,
        // the room left is shared in proportion to each panel's largest count, so that every
        // panel's bars can reach across it at that one scale; else the panels share the width.
        // With several elections in view, the stage panel is the calendar's election's, and
        // says so.
        let stage_title = match (ctx.counts.and_then(|c| c.calendar.as_ref()), ctx.election()) {
            (Some(_), Some(e)) => Core::StagesOf {
                election: &crate::tui::elections::short_name(&e.code),
            }
            .text(l),
            _ => tr(l, Msg::Stage).to_string(),
        };
        let widgets: Vec<CountPanel> = panels
            .iter()
            .enumerate()
            .map(|(i, (p, title))| CountPanel {
                title: match p {
                    Panel::Stages => &stage_title,
                    _ => tr(l, *title),
                },
                lines: &lines[i],
                selected: Some(self.panel_index(ctx, *p)),
                focused: panel == *p,
                more: tr(l, Msg::TuiMore),
                spacing: shape.panel_spacing,
                scale: None,
                lang: l,
                theme: &ctx.theme,
            })
            .collect();
        let widths = panel_widths(&widgets, panels_area.width);
        let mut x = panels_area.x;
        // A column of space after each panel but the last.
        let areas: Vec<Rect> = widths
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let area = Rect {
                    x,
                    width: if i + 1 == widths.len() {
                        *w
                    } else {
                        w.saturating_sub(1)
                    },
                    ..panels_area
                };
                x += w;
                area
            })
            .collect();
        let scale = widgets
            .iter()
            .zip(&areas)
            .filter_map(|(p, area)| p.cells_per_case(area.width))
            .reduce(f64::min);
        for (mut widget, area) in widgets.into_iter().zip(areas) {
            widget.scale = scale;
            widget.render(area, buf);
        }
    }
}

/// The widths of panels side by side in `total` columns (a column of space after each but the last):
/// every label whole and the room left in proportion to the panels' largest counts, or equal
/// shares when the labels do not all fit.
fn panel_widths(panels: &[CountPanel], total: u16) -> Vec<u16> {
    let n = panels.len() as u16;
    if n == 0 {
        return Vec::new();
    }
    let natural: Vec<u16> = panels
        .iter()
        .enumerate()
        .map(|(i, p)| p.natural_width().saturating_add(u16::from(i + 1 < panels.len())))
        .collect();
    let need = natural.iter().fold(0u16, |a, w| a.saturating_add(*w));
    if need > total {
        let w = total / n;
        return (0..n)
            .map(|i| if i + 1 == n { total - w * (n - 1) } else { w })
            .collect();
    }
    let spare = i64::from(total - need);
    let largest: Vec<i64> = panels.iter().map(CountPanel::largest).collect();
    let sum: i64 = largest.iter().sum();
    let mut widths: Vec<u16> = natural
        .iter()
        .zip(&largest)
        .map(|(w, m)| w.saturating_add(u16::try_from(spare * m / sum.max(1)).unwrap_or(0)))
        .collect();
    // What rounding leaves goes to the last.
    let used = widths.iter().fold(0u16, |a, w| a.saturating_add(*w));
    if let Some(last) = widths.last_mut() {
        *last += total.saturating_sub(used);
    }
    widths
}

/// How the dashboard uses its height: the region table's rows and the panels' lines twice as far
/// apart when there is room (a projector seen from the back), the table first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Shape {
    /// Rows of the table (its heading, its rows and the total).
    table: u16,
    table_spacing: u16,
    /// Blank rows between the table and the panels.
    gap: u16,
    panel_spacing: u16,
}

impl Shape {
    /// The shape for a body, a table of `rows` rows (the total included) and panels of at most
    /// `lines` lines.
    fn of(body: Rect, rows: usize, lines: usize) -> Shape {
        let rows = rows as u16;
        let table = |spacing: u16| 1 + rows * spacing;
        let panels = |spacing: u16| CountPanel::height(lines, spacing);
        for (ts, ps) in [(2, 2), (2, 1)] {
            let used = table(ts) + panels(ps);
            if used <= body.height {
                // What is left over goes half between the table and the panels.
                return Shape {
                    table: table(ts),
                    table_spacing: ts,
                    gap: ((body.height - used) / 2).min(2),
                    panel_spacing: ps,
                };
            }
        }
        // A table whole when the panels keep their heading and three lines; a longer one (27
        // kabupaten/kota, 38 provinces, a regency's kecamatan) scrolls in two thirds of the body
        // at least, and leaves the panels what they need if it can.
        let fit = if table(1) + 4 <= body.height {
            table(1)
        } else {
            body.height
                .saturating_sub(panels(1))
                .max(body.height * 2 / 3)
        };
        Shape {
            table: table(1).min(fit),
            table_spacing: 1,
            gap: 0,
            panel_spacing: 1,
        }
    }
}

impl Dashboard {
    /// The focused panel and its selected row.
    pub fn cursor(&self, ctx: &Ctx<'_>) -> (Panel, usize) {
        (self.panel, self.panel_index(ctx, self.panel))
    }

    /// The selected row of a panel (the region table counts its total row last).
    pub fn panel_index(&self, ctx: &Ctx<'_>, panel: Panel) -> usize {
        match panel {
            Panel::Regions => self.region_row,
            _ => {
                let key = self.panel_keys[panel_slot(panel)].as_deref();
                panel_items(ctx, panel)
                    .iter()
                    .position(|g| Some(g.key.as_str()) == key)
                    .unwrap_or(0)
            }
        }
    }


    /// The view of the selected row.
    fn drill(&self, ctx: &Ctx<'_>) -> Option<View> {
        let kind = match self.panel {
            // The total row (a region's row opens in `command`): every case of the view.
            Panel::Regions => return Some(ctx.view.clone()),
            panel => {
                let items = panel_items(ctx, panel);
                let g = items.get(self.panel_index(ctx, panel))?;
                match panel {
                    Panel::Stages => return Some(ctx.with_stage(g.key.clone())),
                    Panel::Types => TypeGroup::from_code(&g.key).map(|t| TermKind::Type(vec![t])),
                    _ => Status::from_code(&g.key).map(|s| TermKind::Status(vec![s])),
                }
            }
        };
        Some(ctx.with_term(kind?))
    }

    fn region_line(&self, ctx: &Ctx<'_>, code: &str, name: String, h: &Headline) -> RegionLine {
        let mut marks = [None; COLUMNS];
        for (c, m) in marks.iter_mut().enumerate() {
            *m = ctx.marks.region(code, c);
        }
        RegionLine {
            name,
            figures: figures(h),
            marks,
            base: ctx.base_headline(code).map(|b| figures(&b)),
        }
    }

    fn panel_lines(&self, ctx: &Ctx<'_>, panel: Panel) -> Vec<PanelLine> {
        let dim = match panel {
            Panel::Stages => Dim::Stage,
            Panel::Types => Dim::Type,
            _ => Dim::Status,
        };
        panel_items(ctx, panel)
            .into_iter()
            .map(|g| PanelLine {
                label: match panel {
                    Panel::Stages => ctx
                        .stage(&g.key)
                        .map_or(g.key.clone(), |s| s.short(ctx.lang).to_string()),
                    Panel::Types => crate::domain::TypeGroup::from_code(&g.key)
                        .map_or(g.key.clone(), |t| t.label(ctx.lang).to_string()),
                    _ => crate::domain::Status::from_code(&g.key)
                        .map_or(g.key.clone(), |s| s.label(ctx.lang).to_string()),
                },
                count: g.count,
                mark: ctx.marks.group(dim, &g.key),
                flagged: panel == Panel::Stages && g.key == ctx.campaign_stage(),
                base: match panel {
                    Panel::Stages => ctx.base_stage(&g.key),
                    _ => ctx.base_group(dim, &g.key),
                },
            })
            .collect()
    }

}

/// Where a panel's selected key is kept.
fn panel_slot(panel: Panel) -> usize {
    Panel::ALL.iter().position(|p| *p == panel).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::screens::fixture::{Fixture, body, text};
    use ratatui::buffer::Buffer;

    #[test]
    fn the_region_table_moves_and_enter_drills_into_the_region() {
        let f = Fixture::new();
        let ctx = f.ctx();
        let mut d = Dashboard::default();
        assert_eq!(
            d.command(Command::Down, &ctx),
            None,
            "a move asks for nothing"
        );
        assert_eq!(d.cursor(&ctx), (Panel::Regions, 1));
        let Some(Want::Area { view, .. }) = d.command(Command::Open, &ctx) else {
            panic!("Enter drills down");
        };
        let code = f.reference.regions[1].code.clone();
        let kinds: Vec<&TermKind> = view.terms.iter().map(|t| &t.kind).collect();
        assert_eq!(kinds, [&TermKind::Region(vec![code])]);
    }

    #[test]
    fn a_region_opens_the_table_its_row_names_and_waits_for_that_tables_rows() {
        let mut f = Fixture::new();
        let code = f.reference.regions[1].code.clone();
        let next = Level::Kecamatan(code.clone());
        f.counts.regions[1].drill = Some(crate::engine::Drill {
            term: format!("wilayah:{code}"),
            next: Some(next.clone()),
        });
        let ctx = f.ctx();
        let mut d = Dashboard::default();
        d.command(Command::Down, &ctx);
        let Some(Want::Area { view, next: to, .. }) = d.command(Command::Open, &ctx) else {
            panic!("Enter opens the kecamatan table");
        };
        assert_eq!(to, Some(next.clone()));
        let kinds: Vec<&TermKind> = view.terms.iter().map(|t| &t.kind).collect();
        assert_eq!(kinds, [&TermKind::Region(vec![code])]);
        // Drilled, before the kecamatan rows came: the region rows on screen open nothing.
        let drilled = Ctx {
            area: &next,
            ..f.ctx()
        };
        assert_eq!(d.command(Command::Open, &drilled), None);
        let (area, mut buf) = body();
        d.draw(&drilled, area, &mut buf);
        assert!(text(&buf).contains("loading"), "{}", text(&buf));
    }

    #[test]
    fn enter_on_the_total_row_drills_into_the_whole_view() {
        let f = Fixture::new();
        let ctx = f.ctx();
        let mut d = Dashboard::default();
        d.command(Command::Bottom, &ctx);
        assert_eq!(
            d.cursor(&ctx).1,
            f.reference.regions.len(),
            "the total row is last"
        );
        assert_eq!(
            d.command(Command::Open, &ctx),
            Some(Want::Drill(f.view.clone()))
        );
    }

    #[test]
    fn right_focuses_the_stage_panel_and_enter_drills_into_the_campaign() {
        let f = Fixture::new();
        let ctx = f.ctx();
        let mut d = Dashboard::default();
        d.command(Command::Right, &ctx);
        assert_eq!(d.cursor(&ctx), (Panel::Stages, 0));
        let Some(Want::Drill(view)) = d.command(Command::Open, &ctx) else {
            panic!("Enter drills down");
        };
        assert_eq!(view.print(&f.reference), "stage:kampanye");
    }

    #[test]
    fn draws_every_region_and_the_total_from_the_context() {
        let f = Fixture::new();
        let (area, mut buf) = body();
        Dashboard::default().draw(&f.ctx(), area, &mut buf);
        let screen = text(&buf);
        let last = f
            .reference
            .regions
            .last()
            .map(|r| r.display_name(crate::i18n::Lang::En));
        assert!(screen.contains(last.as_deref().unwrap_or("?")), "{screen}");
        assert!(screen.contains("Total"), "{screen}");
        assert!(
            screen.contains(&f.counts.headline.total.to_string()),
            "{screen}"
        );
    }

    /// The fixture with panels as full as the demo's: five stages, six types, nine statuses.
    fn meeting() -> Fixture {
        let mut f = Fixture::new();
        let groups = |keys: &[(&str, i64)]| -> Vec<Group> {
            keys.iter()
                .map(|(k, n)| Group {
                    key: k.to_string(),
                    label: k.to_string(),
                    count: *n,
                })
                .collect()
        };
        f.counts.stages = groups(&[
            ("PENDAFTARAN", 2),
            ("DATA_PEMILIH", 6),
            ("PENCALONAN", 9),
            (crate::domain::CAMPAIGN, 22),
            ("LAINNYA", 8),
        ]);
        f.counts.types = groups(&[
            ("ADMINISTRASI", 13),
            ("PIDANA", 9),
            ("ETIK", 8),
            ("LAIN", 10),
            ("BUKAN", 5),
            ("PROSES", 2),
        ]);
        f.counts.statuses = groups(&[
            ("DITERUSKAN", 25),
            ("TIDAK_REG", 6),
            ("BUKAN", 5),
            ("KLARIFIKASI", 4),
            ("PEMERIKSAAN", 2),
            ("GAKKUMDU", 2),
            ("PENELUSURAN", 1),
            ("KAJIAN", 1),
            ("TERDAFTAR", 1),
        ]);
        f
    }

    /// The dashboard drawn into a body of a `w`x`h` terminal.
    fn drawn(f: &Fixture, w: u16, h: u16) -> Buffer {
        let mut ctx = f.ctx();
        ctx.size = (w, h);
        let area = Rect::new(0, 0, w, h - 3);
        let mut buf = Buffer::empty(area);
        Dashboard::default().draw(&ctx, area, &mut buf);
        buf
    }

    /// The length of a bar in eighths of a column.
    fn eighths(s: &str) -> usize {
        s.chars()
            .map(|c| match c {
                '█' => 8,
                _ => "▏▎▍▌▋▊▉".chars().position(|e| e == c).map_or(0, |i| i + 1),
            })
            .sum()
    }

    /// Each panel line's count and bar (in eighths), from the rows under the panels' headings.
    fn panel_bars(buf: &Buffer) -> Vec<(i64, usize)> {
        let rows: Vec<String> = text(buf).lines().map(str::to_string).collect();
        let Some(first) = rows.iter().position(|r| r.contains("Stage ─")) else {
            return Vec::new();
        };
        // Each panel starts where its heading does.
        let heading: Vec<char> = rows[first].chars().collect();
        // The types panel names its convention: "Suspected type".
        let starts: Vec<usize> = ["Stage ─", "Suspected type ─", "Status ─"]
            .iter()
            .filter_map(|t| {
                let at = rows[first].find(t)?;
                Some(rows[first][..at].chars().count().saturating_sub(2))
            })
            .chain([heading.len()])
            .collect();
        let mut out = Vec::new();
        for row in &rows[first + 1..] {
            let cells: Vec<char> = row.chars().collect();
            for span in starts.windows(2) {
                let part: String = cells[span[0]..span[1].min(cells.len())].iter().collect();
                let Some(at) = part.find(|c: char| eighths(&c.to_string()) > 0) else {
                    continue;
                };
                let count = part[..at]
                    .split_whitespace()
                    .last()
                    .and_then(|n| n.parse::<i64>().ok());
                if let Some(count) = count {
                    out.push((count, eighths(&part[at..])));
                }
            }
        }
        out
    }

    #[test]
    fn the_panels_bars_share_one_scale() {
        let f = meeting();
        for (w, h) in [(80, 24), (100, 30), (120, 40), (160, 48), (200, 50)] {
            let bars = panel_bars(&drawn(&f, w, h));
            assert!(bars.len() >= 12, "{w}x{h}: {bars:?}");
            let &(most, longest) = bars.iter().max_by_key(|(n, _)| *n).unwrap_or(&(1, 0));
            for (n, len) in &bars {
                let expected = (*n as f64 * longest as f64 / most as f64).round() as usize;
                assert!(
                    len.abs_diff(expected.max(1)) <= 1,
                    "{w}x{h}: {n} cases draw {len} eighths, at the scale of {most} in {longest}: \
                     {expected}"
                );
            }
            let of = |n: i64| bars.iter().find(|b| b.0 == n).map_or(0, |b| b.1);
            assert!(of(13) < of(22), "{w}x{h}: 13 draws shorter than 22");
        }
    }

    #[test]
    fn the_dashboard_uses_the_height_it_has() {
        let f = meeting();
        for (w, h, most) in [(120, 40, 3), (160, 48, 3), (200, 50, 3)] {
            let buf = drawn(&f, w, h);
            let screen = text(&buf);
            let blank = screen
                .lines()
                .map(|l| l.trim().is_empty())
                .fold((0, 0), |(run, best), b| {
                    let run = if b { run + 1 } else { 0 };
                    (run, best.max(run))
                })
                .1;
            assert!(blank <= most, "{w}x{h}: {blank} empty rows together\n{screen}");
            for needed in ["Total", "TERDAFTAR", "PROSES", "Other"] {
                assert!(screen.contains(needed), "{w}x{h}: {needed}\n{screen}");
            }
        }
    }

    #[test]
    fn any_size_draws_without_a_fault() {
        let f = meeting();
        for w in (80..=300).step_by(11) {
            for h in (24..=80).step_by(7) {
                let buf = drawn(&f, w, h);
                assert!(text(&buf).contains("Total"), "{w}x{h}");
            }
        }
    }
}
