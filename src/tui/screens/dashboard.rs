//! Screen 1, the dashboard: the region table and the stage, type and status panels, with the
//! focused panel and each panel's selected row. Owns that cursor; draws from the view's counts.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::domain::{CAMPAIGN, Status, TypeGroup};
use crate::engine::{Dim, Group, Headline};
use crate::i18n::{Msg, tr};
use crate::tui::action::Command;
use crate::tui::layout;
use crate::tui::marks::{COLUMNS, figures};
use crate::tui::screens::{Ctx, ScreenState, Want, step};
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
        Panel::Stages => &counts.stages,
        Panel::Types => &counts.types,
        Panel::Statuses => &counts.statuses,
    };
    let mut items: Vec<&Group> = groups
        .iter()
        .filter(|g| g.count > 0 || (panel == Panel::Stages && g.key == CAMPAIGN))
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
                let rows = ctx.reference.regions.len() + 1;
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
        let Some(counts) = ctx.counts else {
            buf.set_string(
                body.x + 2,
                body.y + 1,
                tr(l, Msg::TuiLoading),
                ctx.theme.dim(),
            );
            return;
        };
        let rows: Vec<RegionLine> = counts
            .regions
            .iter()
            .map(|r| {
                let name = ctx
                    .reference
                    .region(&r.code)
                    .map_or(r.name.clone(), |g| g.display_name(l));
                self.region_line(ctx, &r.code, name, &r.figures)
            })
            .collect();
        let total = self.region_line(ctx, "", tr(l, Msg::Total).to_string(), &counts.headline);
        let wide = layout::is_wide(body.width, body.height + 3);
        let spacing = if wide && usize::from(body.height) >= 2 * (rows.len() + 2) {
            2
        } else {
            1
        };
        let table_h = 1 + (rows.len() as u16 + 1) * spacing;
        let (table_area, panels_area) = if wide {
            let tw = (body.width * 11 / 20).min(120);
            (
                Rect {
                    width: tw,
                    height: table_h.min(body.height),
                    ..body
                },
                Rect {
                    x: body.x + tw + 2,
                    width: body.width - tw - 2,
                    ..body
                },
            )
        } else {
            (
                Rect {
                    height: table_h.min(body.height),
                    ..body
                },
                Rect {
                    y: body.y + table_h,
                    height: body.height.saturating_sub(table_h),
                    ..body
                },
            )
        };
        let (panel, index) = self.cursor(ctx);
        RegionTable {
            headings: [
                tr(l, Msg::Region),
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
            spacing,
            theme: &ctx.theme,
        }
        .render(table_area, buf);
        if counts.headline.total == 0 && ctx.view.terms.is_empty() && ctx.view.text.is_empty() {
            let y = table_area.y + table_area.height;
            if y < body.y + body.height {
                buf.set_string(body.x + 2, y, tr(l, Msg::TuiEmptyDb), ctx.theme.dim());
            }
        }
        let panels = [
            (Panel::Stages, Msg::Stage),
            (Panel::Types, Msg::Type),
            (Panel::Statuses, Msg::Status),
        ];
        let lines: Vec<Vec<PanelLine>> = panels
            .iter()
            .map(|(p, _)| self.panel_lines(ctx, *p))
            .collect();
        // Stacked beside the table on a projector, each as tall as its lines (the last takes the
        // rest); side by side under the table otherwise.
        let mut y = panels_area.y;
        for (i, (p, title)) in panels.iter().enumerate() {
            let area = if wide {
                let bottom = panels_area.y + panels_area.height;
                let want = if i == 2 {
                    bottom.saturating_sub(y)
                } else {
                    lines[i].len() as u16 + 1
                };
                let area = Rect {
                    y,
                    height: want.min(bottom.saturating_sub(y)),
                    ..panels_area
                };
                y += area.height + 1;
                area
            } else {
                let w = panels_area.width / 3;
                Rect {
                    x: panels_area.x + w * i as u16,
                    width: if i == 2 {
                        panels_area.width - 2 * w
                    } else {
                        w - 1
                    },
                    ..panels_area
                }
            };
            CountPanel {
                title: tr(l, *title),
                lines: &lines[i],
                selected: Some(self.panel_index(ctx, *p)),
                focused: panel == *p,
                more: tr(l, Msg::TuiMore),
                theme: &ctx.theme,
            }
            .render(area, buf);
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
            Panel::Regions => match ctx.reference.regions.get(self.region_row) {
                Some(r) => Some(TermKind::Region(vec![r.code.clone()])),
                // The total row: every region of the view.
                None => return Some(ctx.view.clone()),
            },
            panel => {
                let items = panel_items(ctx, panel);
                let g = items.get(self.panel_index(ctx, panel))?;
                match panel {
                    Panel::Stages => Some(TermKind::Stage(vec![g.key.clone()])),
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
                        .reference
                        .stage(&g.key)
                        .map_or(g.key.clone(), |s| s.short(ctx.lang).to_string()),
                    Panel::Types => crate::domain::TypeGroup::from_code(&g.key)
                        .map_or(g.key.clone(), |t| t.label(ctx.lang).to_string()),
                    _ => crate::domain::Status::from_code(&g.key)
                        .map_or(g.key.clone(), |s| s.label(ctx.lang).to_string()),
                },
                count: g.count,
                mark: ctx.marks.group(dim, &g.key),
                flagged: panel == Panel::Stages && g.key == CAMPAIGN,
                base: ctx.base_group(dim, &g.key),
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
        let Some(Want::Drill(view)) = d.command(Command::Open, &ctx) else {
            panic!("Enter drills down");
        };
        let code = f.reference.regions[1].code.clone();
        let kinds: Vec<&TermKind> = view.terms.iter().map(|t| &t.kind).collect();
        assert_eq!(kinds, [&TermKind::Region(vec![code])]);
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
}
