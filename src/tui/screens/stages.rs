//! Screen 3, the stages: the election calendar as a timeline, and the campaign (its figures, the
//! pekan by type with the selected pekan's figures as the weekly release gives them, the regions
//! per 1,000 activities). Owns the focused part and each part's row.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::domain::TypeGroup;
use crate::engine::Dim;
use crate::engine::campaign::{Campaign, per_thousand};
use crate::i18n::core::Core;
use crate::i18n::{Msg, campaign_sentence, decimal, number, tr};
use crate::tui::action::Command;
use crate::tui::layout;
use crate::tui::screens::{Ctx, ScreenState, Want, step, with};
use crate::tui::theme::Theme;
use crate::tui::widgets::campaign_table::{CampaignLine, CampaignTable};
use crate::tui::widgets::figure::Figure;
use crate::tui::widgets::text::{date, fit, width as text_width};
use crate::tui::widgets::timeline::{Timeline, TimelineRow};
use crate::tui::widgets::week_chart::{WeekChart, WeekLine};
use crate::view::{TermKind, View};

/// The parts of the stage screen, in focus order: the timeline, the campaign by pekan and by region.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StagePart {
    Timeline,
    Weeks,
    Regions,
}

impl StagePart {
    pub const ALL: [StagePart; 3] = [StagePart::Timeline, StagePart::Weeks, StagePart::Regions];
}

/// The stage screen's state.
#[derive(Clone, Debug, PartialEq)]
pub struct Stages {
    /// The focused part.
    pub stage_part: StagePart,
    /// The selected stage of the timeline.
    pub stage_row: usize,
    /// The selected pekan of the campaign chart and row of the campaign's region table.
    pub week_row: usize,
    pub campaign_row: usize,
}

impl Default for Stages {
    fn default() -> Stages {
        Stages {
            stage_part: StagePart::Timeline,
            stage_row: 0,
            week_row: 0,
            campaign_row: 0,
        }
    }
}

impl ScreenState for Stages {
    /// Left and Right change the focused part; the other moves select a row in it; Enter drills
    /// into the selected stage, pekan of the campaign, or region in the campaign.
    fn command(&mut self, c: Command, ctx: &Ctx<'_>) -> Option<Want> {
        if c == Command::Open {
            return self.drill(ctx).map(Want::Drill);
        }
        let parts = StagePart::ALL;
        let i = parts
            .iter()
            .position(|p| *p == self.stage_part)
            .unwrap_or(0);
        let page = layout::text_rows(ctx.size.1);
        match (c, self.stage_part) {
            (Command::Left, _) => self.stage_part = parts[(i + parts.len() - 1) % parts.len()],
            (Command::Right, _) => self.stage_part = parts[(i + 1) % parts.len()],
            (_, StagePart::Timeline) => {
                self.stage_row = step(self.row(ctx), ctx.stages().len(), c, page);
            }
            (_, StagePart::Weeks) => {
                let n = ctx.counts.map_or(0, |k| k.campaign.pekan.pekan.len());
                self.week_row = step(self.week_row, n, c, page);
            }
            (_, StagePart::Regions) => {
                // The regions, then the total row.
                let n = ctx.counts.map_or(0, |k| k.campaign.regions.len()) + 1;
                self.campaign_row = step(self.campaign_row, n, c, page);
            }
        }
        None
    }

    /// Screen 3: the timeline beside the campaign on a wide screen, above it on a tall one, else
    /// the focused part under a line naming the parts.
    fn draw(&self, ctx: &Ctx<'_>, body: Rect, buf: &mut Buffer) {
        let t = ctx.theme;
        let arrangement = if ctx.presenting {
            Arrangement::OneAtATime
        } else {
            Arrangement::of(ctx, body)
        };
        match arrangement {
            Arrangement::SideBySide(left_w) => {
                let left = Rect {
                    width: left_w,
                    ..body
                };
                // One row down, so that the weeks line up with the stages beside them.
                let right = Rect {
                    x: body.x + left_w + 2,
                    y: body.y + 1,
                    width: body.width.saturating_sub(left_w + 2),
                    height: body.height.saturating_sub(1),
                };
                let used = self.draw_timeline(ctx, left, buf, &t);
                // The campaign's figures under the timeline when they fit there (a wider place
                // than the right-hand column), else over the charts.
                let under = Rect {
                    y: left.y + used + 1,
                    height: left.height.saturating_sub(used + 1),
                    ..left
                };
                if under.height >= 3 {
                    self.draw_campaign_headline(ctx, under, buf, &t);
                    self.draw_campaign_charts(ctx, right, buf, &t);
                } else {
                    self.draw_campaign(ctx, right, buf, &t);
                }
            }
            Arrangement::Stacked => {
                let used = self.draw_timeline(
                    ctx,
                    Rect {
                        height: timeline_height(ctx.stages().len()),
                        ..body
                    },
                    buf,
                    &t,
                );
                let gap = u16::from(body.height >= used + 1 + campaign_height(ctx, body.width));
                self.draw_campaign(
                    ctx,
                    Rect {
                        y: body.y + used + gap,
                        height: body.height.saturating_sub(used + gap),
                        ..body
                    },
                    buf,
                    &t,
                );
            }
            Arrangement::OneAtATime => {
                let rest = if !ctx.presenting {
                    self.draw_parts_line(ctx, body, buf, &t);
                    Rect {
                        y: body.y + 1,
                        height: body.height.saturating_sub(1),
                        ..body
                    }
                } else {
                    body
                };
                match self.stage_part {
                    StagePart::Timeline => {
                        let used = self.draw_timeline(ctx, rest, buf, &t);
                        // The campaign's figures in the room the timeline leaves.
                        if !ctx.presenting && rest.height >= used + 4 {
                            let under = Rect {
                                y: rest.y + used + 1,
                                height: rest.height - used - 1,
                                ..rest
                            };
                            self.draw_campaign_headline(ctx, under, buf, &t);
                        }
                    }
                    _ => self.draw_campaign(ctx, rest, buf, &t),
                }
            }
        }
    }
}

/// How the stage screen shares its body between the timeline and the campaign.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Arrangement {
    /// The timeline on the left, this many columns wide; the campaign on the right.
    SideBySide(u16),
    /// The timeline over the campaign.
    Stacked,
    /// The focused part alone, under a line naming the parts.
    OneAtATime,
}

impl Arrangement {
    fn of(ctx: &Ctx<'_>, body: Rect) -> Arrangement {
        let timeline = timeline_height(ctx.stages().len());
        let campaign = campaign_height(ctx, body.width);
        if body.width >= 160 && body.height >= timeline.max(campaign) {
            let right = (body.width * 2 / 5).clamp(CHARTS_SIDE_BY_SIDE, 100);
            Arrangement::SideBySide(body.width - right - 2)
        } else if body.height >= timeline + campaign {
            Arrangement::Stacked
        } else {
            Arrangement::OneAtATime
        }
    }
}

/// Rows the campaign takes at the least in `width` columns: its three lines of figures and the
/// charts side by side.
fn campaign_height(ctx: &Ctx<'_>, width: u16) -> u16 {
    let Some(c) = ctx.counts.map(|k| &k.campaign) else {
        return 4;
    };
    let weeks_w = side_by_side(width).0;
    3 + week_chart_height(ctx, c, 1, weeks_w)
        .max(campaign_table_height(c, 1))
        .max(PEKAN_PANEL_ROWS)
}

/// The rows the selected pekan's figures need at the least (heading, columns, three figures,
/// what the cumulative figures count from, the types, the busiest regions).
const PEKAN_PANEL_ROWS: u16 = 8;

/// The widths of the weekly chart and the region table side by side in `width` columns.
fn side_by_side(width: u16) -> (u16, u16) {
    let lw = (width * 11 / 20).min(width.saturating_sub(41));
    (lw.saturating_sub(1), width.saturating_sub(lw + 1))
}

/// Rows the pekan chart takes `width` columns wide at `spacing`: its heading, the pekan and its
/// legend (a cell and a name per type the chart shows, and the note on the cases outside the
/// campaign, wrapped as the chart wraps them).
fn week_chart_height(ctx: &Ctx<'_>, c: &Campaign, spacing: u16, width: u16) -> u16 {
    let n = c.pekan.pekan.len() as u16;
    let w = usize::from(width.saturating_sub(2));
    let shown = TypeGroup::ALL.iter().enumerate().filter(|(k, _)| {
        c.pekan
            .pekan
            .iter()
            .any(|p| p.by_type.is_some_and(|t| t[*k] > 0))
    });
    let (since, (note, short)) = (since_note(ctx, c), outside_notes(ctx, c));
    let notes =
        crate::tui::widgets::week_chart::legend_notes(&since, (&note, &short), w);
    let items = shown
        .map(|(_, g)| text_width(g.label(ctx.lang)) + 4)
        .chain(notes.iter().map(|n| text_width(n) + 2));
    let (mut legend, mut used) = (0u16, 0);
    for need in items {
        if used == 0 || used + need > w {
            legend += 1;
            used = 0;
        }
        used += need;
    }
    if spacing > 1 {
        2 * n + 2 + legend
    } else {
        1 + n + legend
    }
}

/// What the chart's cumulative column counts from: "Kumulatif: sejak 28 November 2023".
fn since_note(ctx: &Ctx<'_>, c: &Campaign) -> String {
    c.pekan
        .period
        .map(|p| {
            crate::i18n::core::Core::CumulativeSince {
                since: p.since(ctx.lang),
            }
            .text(ctx.lang)
        })
        .unwrap_or_default()
}

/// The campaign cases received outside the campaign (which no pekan holds), if any: in full,
/// and in the shorter wording a narrow chart takes.
fn outside_notes(ctx: &Ctx<'_>, c: &Campaign) -> (String, String) {
    let outside = c.pekan.outside;
    if outside == 0 {
        return (String::new(), String::new());
    }
    let count = number(ctx.lang, outside);
    (
        Core::OutsideCampaignCases {
            count: count.clone(),
        }
        .text(ctx.lang),
        Core::OutsideCampaignCasesShort { count }.text(ctx.lang),
    )
}

/// Rows the campaign's region table takes at `spacing`: heading, column heading, the regions and
/// the total.
fn campaign_table_height(c: &Campaign, spacing: u16) -> u16 {
    2 + (c.regions.len() as u16 + 1) * spacing
}

/// The width from which the weekly chart and the region table stand side by side.
const CHARTS_SIDE_BY_SIDE: u16 = 76;

impl Stages {
    /// The selected stage of the timeline, within the election in view's stages (a switch to an
    /// election with fewer stages leaves the cursor on its last).
    fn row(&self, ctx: &Ctx<'_>) -> usize {
        self.stage_row.min(ctx.stages().len().saturating_sub(1))
    }

    /// The view of the stage screen's selected row: a stage, a pekan of the campaign (its cases
    /// in the campaign stage), or a region (or all regions) in the campaign.
    fn drill(&self, ctx: &Ctx<'_>) -> Option<View> {
        // The campaign of the calendar's election, whose cases its figures count.
        let campaign = ctx.campaign_stage().to_string();
        match self.stage_part {
            StagePart::Timeline => {
                let code = ctx.stages().get(self.row(ctx))?.code.clone();
                Some(ctx.with_stage(code))
            }
            StagePart::Weeks => {
                let pekan = ctx.counts?.campaign.pekan.pekan.get(self.week_row)?.pekan;
                let view = ctx.with_stage(campaign);
                Some(ctx.normal(with(view, TermKind::Pekan(vec![pekan]))))
            }
            StagePart::Regions => {
                let regions = &ctx.counts?.campaign.regions;
                let view = ctx.with_stage(campaign);
                Some(match regions.get(self.campaign_row) {
                    Some(r) => ctx.normal(with(view, TermKind::Region(vec![r.code.clone()]))),
                    None => view,
                })
            }
        }
    }
}

/// Rows the timeline takes with its title, axis and months, total, note and legend, a row per
/// stage.
fn timeline_height(stages: usize) -> u16 {
    stages as u16 + 6
}

impl Stages {

    /// `[Jadwal tahapan]  Masa KAMPANYE   ←→ bagian lain`.
    fn draw_parts_line(&self, ctx: &Ctx<'_>, body: Rect, buf: &mut Buffer, t: &Theme) {
        let l = ctx.lang;
        let on_timeline = self.stage_part == StagePart::Timeline;
        let tab = |msg: Msg, on: bool| {
            if on {
                Span::styled(format!("[{}]", tr(l, msg)), t.tab_active())
            } else {
                Span::raw(format!(" {} ", tr(l, msg)))
            }
        };
        let line = Line::from(vec![
            Span::raw(" "),
            tab(Msg::TuiTimelineShort, on_timeline),
            Span::raw("  "),
            tab(Msg::TuiCampaign, !on_timeline),
            Span::styled(format!("   {}", tr(l, Msg::TuiPartsHint)), t.dim()),
        ]);
        buf.set_line(body.x, body.y, &line, body.width);
    }

    /// The timeline in `area`; the rows it used.
    pub fn draw_timeline(&self, ctx: &Ctx<'_>, area: Rect, buf: &mut Buffer, t: &Theme) -> u16 {
        let l = ctx.lang;
        // The calendar's election's cases alone, whatever else the view covers.
        let groups = ctx.stage_groups();
        let campaign = ctx.campaign_stage();
        let row = self.row(ctx);
        let rows: Vec<TimelineRow> = ctx
            .stages()
            .iter()
            .map(|s| TimelineRow {
                label: s.name(l).to_string(),
                starts: s.starts_on,
                ends: s.ends_on,
                figure: Figure {
                    lang: l,
                    count: groups
                        .and_then(|(g, _)| g.iter().find(|g| g.key == s.code))
                        .map_or(0, |g| g.count),
                    base: ctx.base_stage(&s.code),
                    mark: ctx.marks.group(Dim::Stage, &s.code),
                },
                campaign: s.code == campaign,
            })
            .collect();
        let months: Vec<&str> = tr(l, Msg::TuiMonths).split(' ').collect();
        let months: [&str; 12] = std::array::from_fn(|i| months.get(i).copied().unwrap_or(""));
        let marker = format!("{} {}", tr(l, Msg::AsOf), date(ctx.as_of));
        // The selected stage with its dates, which the bands only show roughly.
        let note = ctx
            .stages()
            .get(row)
            .filter(|_| self.stage_part == StagePart::Timeline)
            .map(|s| {
                let dates = match (s.starts_on, s.ends_on) {
                    (Some(a), Some(b)) if a == b => date(a),
                    (Some(a), Some(b)) => format!("{}–{}", date(a), date(b)),
                    (Some(a), None) => format!("{}–", date(a)),
                    _ => "–".into(),
                };
                format!("{}: {dates}", s.name(l))
            })
            .unwrap_or_default();
        let title = Core::TimelineOf {
            election: ctx.election().map_or("", |e| e.name(l)),
        }
        .text(l);
        Timeline {
            title: &title,
            rows: &rows,
            total: (
                tr(l, Msg::Total),
                Figure {
                    lang: l,
                    count: groups.map_or(0, |(_, total)| total),
                    base: ctx.base_stage_total(),
                    mark: ctx.marks.region("", 0),
                },
            ),
            marker: (ctx.as_of, &marker),
            months,
            note: &note,
            legend: tr(l, Msg::TuiTimelineLegend),
            selected: Some(row),
            focused: self.stage_part == StagePart::Timeline,
            theme: t,
        }
        .render(area, buf);
        Timeline::height(ctx.stages().len(), area.height)
    }

    /// The campaign's headline lines: dates and rate, the press figure, the activities by kind.
    pub fn campaign_lines(
        &self,
        ctx: &Ctx<'_>,
        c: &Campaign,
        w: usize,
        t: &Theme,
    ) -> Vec<Line<'static>> {
        let l = ctx.lang;
        let base = ctx.base.map(|b| &b.campaign);
        // The dates of the election in view's campaign (the engine's figures are of it too).
        let period = ctx
            .election()
            .and_then(|e| e.campaign_period())
            .map(|p| (p.starts, p.ends));
        let dates = match period.or(c.starts.zip(c.ends)) {
            Some((a, b)) => format!(" {}–{}", date(a), date(b)),
            None => String::new(),
        };
        let rate = per_thousand(c.cases, c.activities.total())
            .map(|x| format!("{} {}", decimal(l, x), tr(l, Msg::TuiPerThousand)))
            .unwrap_or_default();
        // With several elections in view, the figures are of one campaign: it is named.
        let of = match ctx.election() {
            Some(e) if ctx.several_elections() => {
                format!(" {}", crate::tui::elections::short_name(&e.code))
            }
            _ => String::new(),
        };
        let first = [
            format!(
                "◆ {}{of}{dates}",
                ctx.stage(ctx.campaign_stage())
                    .map_or(ctx.campaign_stage(), |s| s.short(l))
            ),
            format!("{} {}", tr(l, Msg::AsOf), date(ctx.as_of)),
            rate,
        ]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
        let cases = Figure {
            lang: l,
            count: c.cases,
            base: base.map(|b| b.cases),
            mark: None,
        };
        let acts = c.activities.total();
        let acts = (acts > 0).then(|| number(l, acts));
        let sentence = campaign_sentence(l, &cases.text(), acts.as_deref());
        let a = &c.activities;
        let by_kind = ctx
            .methods()
            .iter()
            .filter(|m| a.of(&m.code) > 0)
            .map(|m| format!("{} {}", number(l, a.of(&m.code)), m.name(l).to_lowercase()))
            .collect::<Vec<_>>()
            .join(" · ");
        vec![
            Line::from(Span::styled(fit(&first, w), t.campaign())),
            Line::from(Span::styled(fit(&sentence, w), t.total())),
            Line::from(Span::styled(fit(&by_kind, w), t.dim())),
        ]
    }

    /// The pekan of the chart: labels from "Pekan ke-6 (2–8 Jan 2024)" down to "P6", the cases
    /// by type, and the columns [`Stages::week_columns`] heads.
    pub fn week_lines(&self, ctx: &Ctx<'_>, c: &Campaign) -> Vec<WeekLine> {
        let l = ctx.lang;
        let base = ctx.base.map(|b| &b.campaign);
        c.pekan
            .pekan
            .iter()
            .map(|p| WeekLine {
                labels: vec![
                    p.pekan.label(l),
                    p.pekan.short_label(l),
                    crate::i18n::core::Core::PekanShort {
                        number: p.pekan.number,
                    }
                    .text(l),
                ],
                extra: if p.begun {
                    vec![
                        number(l, p.cases_cumulative),
                        number(l, p.activities),
                        per_thousand(p.cases, p.activities)
                            .map_or("–".into(), |x| decimal(l, x)),
                    ]
                } else {
                    vec![String::new(), String::new(), "·".into()]
                },
                parts: p.by_type.unwrap_or_default().to_vec(),
                figure: Figure {
                    lang: l,
                    count: p.cases,
                    base: base.map(|b| {
                        b.pekan
                            .pekan
                            .iter()
                            .find(|x| x.pekan.number == p.pekan.number)
                            .map_or(0, |x| x.cases)
                    }),
                    mark: None,
                },
                future: !p.begun,
            })
            .collect()
    }

    /// The headings of the chart's columns: the pekan's cases, then cases since the campaign
    /// began, the pekan's activities, cases per 1,000 of them.
    pub fn week_columns(&self, ctx: &Ctx<'_>) -> Vec<String> {
        let l = ctx.lang;
        vec![
            tr(l, Msg::TuiColCases).to_string(),
            crate::i18n::core::Core::Cumulative.text(l),
            tr(l, Msg::TuiColActivities).to_string(),
            tr(l, Msg::TuiColRate).to_string(),
        ]
    }

    /// The selected pekan's figures as the weekly release gives them: the activities supervised
    /// that pekan and since the campaign began, its cases and since, the rate, the cases by type,
    /// the busiest regions (by activities).
    pub fn pekan_lines(&self, ctx: &Ctx<'_>, c: &Campaign, w: usize, rows: usize, t: &Theme) -> Vec<Line<'static>> {
        use crate::i18n::core::Core;
        let l = ctx.lang;
        let Some(p) = c.pekan.pekan.get(self.week_row).or(c.pekan.pekan.last()) else {
            return vec![Line::from(Span::styled(
                fit(&Core::NoCampaignPekan.text(l), w),
                t.dim(),
            ))];
        };
        let mut out = Vec::new();
        if !p.begun {
            out.push(Line::from(Span::styled(
                fit(
                    &Core::PekanNotBegun {
                        as_of: date(ctx.as_of),
                    }
                    .text(l),
                    w,
                ),
                t.dim(),
            )));
            return out;
        }
        let rate = |cases: i64, acts: i64| per_thousand(cases, acts).map_or("–".into(), |x| decimal(l, x));
        let rows_of = [
            (Core::PekanThisWeek.text(l), Core::Cumulative.text(l)),
            (number(l, p.activities), number(l, p.activities_cumulative)),
            (number(l, p.cases), number(l, p.cases_cumulative)),
            (
                rate(p.cases, p.activities),
                rate(p.cases_cumulative, p.activities_cumulative),
            ),
        ];
        let a = rows_of.iter().map(|r| text_width(&r.0)).max().unwrap_or(0);
        let b = rows_of.iter().map(|r| text_width(&r.1)).max().unwrap_or(0);
        // The rate's name in full where it fits, else as the tables head it (`/1.000`).
        let rate_name = Core::PekanRate.text(l);
        let rate_name = if text_width(&rate_name) + a + b + 4 <= w {
            rate_name
        } else {
            tr(l, Msg::TuiColRate).to_string()
        };
        let names = [
            String::new(),
            tr(l, Msg::TuiColActivities).to_string(),
            tr(l, Msg::TuiColCases).to_string(),
            rate_name,
        ];
        let name_w = w.saturating_sub(a + b + 4).min(
            names.iter().map(|n| text_width(n)).max().unwrap_or(0),
        );
        for (i, (name, (x, y))) in names.iter().zip(&rows_of).enumerate() {
            let text = format!(
                "{}  {}  {}",
                crate::tui::widgets::text::left(&fit(name, name_w), name_w),
                crate::tui::widgets::text::right(x, a),
                crate::tui::widgets::text::right(y, b)
            );
            let style = if i == 0 { t.dim() } else { t.normal() };
            out.push(Line::from(Span::styled(fit(&text, w), style)));
        }
        if let Some(period) = c.pekan.period {
            out.push(Line::from(Span::styled(
                fit(
                    &Core::CumulativeSince {
                        since: period.since(l),
                    }
                    .text(l),
                    w,
                ),
                t.dim(),
            )));
        }
        let by_type: Vec<String> = TypeGroup::ALL
            .iter()
            .zip(p.by_type.unwrap_or_default())
            .filter(|(_, n)| *n > 0)
            .map(|(g, n)| format!("{} {}", g.label(l), number(l, n)))
            .collect();
        if by_type.is_empty() {
            out.push(Line::from(Span::styled(
                fit(&Core::PekanNoCases.text(l), w),
                t.dim(),
            )));
        }
        // The types wrapped at the width, one line each time the next would not fit.
        let mut line = String::new();
        for item in by_type {
            if !line.is_empty() && text_width(&line) + 3 + text_width(&item) > w {
                out.push(Line::from(Span::raw(fit(&line, w))));
                line.clear();
            }
            if !line.is_empty() {
                line += " · ";
            }
            line += &item;
        }
        if !line.is_empty() {
            out.push(Line::from(Span::raw(fit(&line, w))));
        }
        if !p.busiest.is_empty() {
            let name = |code: &str| {
                ctx.reference
                    .region(code)
                    .map_or(code.to_string(), |r| r.short_name.clone())
            };
            let left_rows = rows.saturating_sub(out.len() + 1);
            if left_rows >= 3 {
                out.push(Line::from(Span::styled(
                    fit(&Core::PekanBusiest.text(l), w),
                    t.dim(),
                )));
                let shown: Vec<(String, String)> = p
                    .busiest
                    .iter()
                    .take(left_rows.min(5))
                    .map(|(code, n)| (name(code), number(l, *n)))
                    .collect();
                let nw = shown.iter().map(|(n, _)| text_width(n)).max().unwrap_or(0);
                let cw = shown.iter().map(|(_, c)| text_width(c)).max().unwrap_or(0);
                for (n, c) in shown {
                    let text = format!(
                        "  {}  {}",
                        crate::tui::widgets::text::left(&n, nw),
                        crate::tui::widgets::text::right(&c, cw)
                    );
                    out.push(Line::from(Span::raw(fit(&text, w))));
                }
            } else {
                let list = p
                    .busiest
                    .iter()
                    .take(3)
                    .map(|(code, n)| format!("{} {}", name(code), number(l, *n)))
                    .collect::<Vec<_>>()
                    .join(" · ");
                out.push(Line::from(Span::raw(fit(
                    &format!("{}: {list}", Core::PekanBusiest.text(l)),
                    w,
                ))));
            }
        }
        out
    }

    /// The selected pekan's panel: its label as the heading, then [`Stages::pekan_lines`].
    fn draw_pekan_panel(&self, ctx: &Ctx<'_>, c: &Campaign, area: Rect, buf: &mut Buffer, t: &Theme) {
        if area.height < 2 || area.width < 10 {
            return;
        }
        let l = ctx.lang;
        let title = c
            .pekan
            .pekan
            .get(self.week_row)
            .map_or_else(|| tr(l, Msg::TuiWeeks).to_string(), |p| p.pekan.label(l));
        crate::tui::widgets::text::panel_heading(buf, area, &title, false, t);
        let w = usize::from(area.width.saturating_sub(2));
        let rows = usize::from(area.height - 1);
        for (i, line) in self.pekan_lines(ctx, c, w, rows, t).iter().take(rows).enumerate() {
            buf.set_line(area.x + 2, area.y + 1 + i as u16, line, area.width.saturating_sub(2));
        }
    }

    /// The regions of the campaign, and the total line.
    pub fn campaign_region_lines(
        &self,
        ctx: &Ctx<'_>,
        c: &Campaign,
        long_names: bool,
    ) -> (Vec<CampaignLine>, CampaignLine) {
        let l = ctx.lang;
        let base = ctx.base.map(|b| &b.campaign);
        let line = |name: String, cases: i64, acts: i64, base: Option<(i64, i64)>| CampaignLine {
            name,
            cases: Figure {
                lang: l,
                count: cases,
                base: base.map(|b| b.0),
                mark: None,
            },
            activities: Figure {
                lang: l,
                count: acts,
                base: base.map(|b| b.1),
                mark: None,
            },
            activities_text: number(l, acts),
            rate: per_thousand(cases, acts).map_or("–".into(), |x| decimal(l, x)),
        };
        let rows = c
            .regions
            .iter()
            .map(|r| {
                let name = ctx.reference.region(&r.code).map_or(r.code.clone(), |g| {
                    if long_names {
                        g.display_name(l)
                    } else {
                        g.short_name.clone()
                    }
                });
                let b = base.map(|b| {
                    b.regions
                        .iter()
                        .find(|x| x.code == r.code)
                        .map_or((0, 0), |x| (x.cases, x.activities.total()))
                });
                line(name, r.cases, r.activities.total(), b)
            })
            .collect();
        let total = line(
            tr(l, Msg::Total).to_string(),
            c.cases,
            c.activities.total(),
            base.map(|b| (b.cases, b.activities.total())),
        );
        (rows, total)
    }

    /// The cells of the type groups in the weekly chart, with their names.
    pub fn type_cells(
        &self,
        ctx: &Ctx<'_>,
        t: &Theme,
    ) -> Vec<(char, ratatui::style::Style, String)> {
        // Without colour a type is drawn by a letter of its name in the interface language (the
        // first not taken by an earlier type).
        let mut taken = Vec::new();
        TypeGroup::ALL
            .iter()
            .enumerate()
            .map(|(i, g)| {
                let (c, s) = t.type_cell(i);
                let label = g.label(ctx.lang).to_string();
                let c = if c.is_alphabetic() {
                    label
                        .chars()
                        .filter(|c| c.is_alphabetic())
                        .map(|c| c.to_ascii_uppercase())
                        .find(|c| !taken.contains(c))
                        .unwrap_or(c)
                } else {
                    c
                };
                taken.push(c);
                (c, s, label)
            })
            .collect()
    }

    /// The campaign: its figures, then the charts.
    pub fn draw_campaign(&self, ctx: &Ctx<'_>, area: Rect, buf: &mut Buffer, t: &Theme) {
        let used = self.draw_campaign_headline(ctx, area, buf, t);
        if used == 0 {
            return;
        }
        let top = used + u16::from(area.height >= 24);
        let rest = Rect {
            y: area.y + top,
            height: area.height.saturating_sub(top),
            ..area
        };
        self.draw_campaign_charts(ctx, rest, buf, t);
    }

    /// The campaign's three lines of figures at the top of `area`; the rows used (none while the
    /// figures are loading).
    pub fn draw_campaign_headline(
        &self,
        ctx: &Ctx<'_>,
        area: Rect,
        buf: &mut Buffer,
        t: &Theme,
    ) -> u16 {
        let l = ctx.lang;
        let Some(c) = ctx.counts.map(|k| &k.campaign) else {
            buf.set_string(area.x + 2, area.y, tr(l, Msg::TuiLoading), t.dim());
            return 0;
        };
        let w = usize::from(area.width);
        let lines = self.campaign_lines(ctx, c, w.saturating_sub(1), t);
        for (i, line) in lines.iter().enumerate() {
            if (i as u16) < area.height {
                buf.set_line(
                    area.x + 1,
                    area.y + i as u16,
                    line,
                    area.width.saturating_sub(1),
                );
            }
        }
        (lines.len() as u16).min(area.height)
    }

    /// The weekly chart and the region table: side by side on a wide or short area, the one over
    /// the other on a tall one (split in two when neither fits).
    pub fn draw_campaign_charts(&self, ctx: &Ctx<'_>, rest: Rect, buf: &mut Buffer, t: &Theme) {
        let l = ctx.lang;
        let Some(c) = ctx.counts.map(|k| &k.campaign) else {
            return;
        };
        let weeks_h = |spacing: u16| week_chart_height(ctx, c, spacing, rest.width);
        let stacked = weeks_h(1) + 1 + campaign_table_height(c, 1);
        let (left, right) = if rest.width >= CHARTS_SIDE_BY_SIDE
            && (rest.width >= 2 * CHARTS_SIDE_BY_SIDE || rest.height < stacked)
        {
            let (lw, rw) = side_by_side(rest.width);
            (
                Rect { width: lw, ..rest },
                Rect {
                    x: rest.x + rest.width - rw,
                    width: rw,
                    ..rest
                },
            )
        } else if rest.height >= stacked {
            // Each as tall as it needs, rows twice as far apart where there is room: the weeks
            // first, then the regions.
            let table_spaced = campaign_table_height(c, 2);
            let weeks_spaced = weeks_h(2);
            let table_h = if rest.height > weeks_spaced + table_spaced {
                table_spaced
            } else {
                campaign_table_height(c, 1)
            };
            let weeks_h = if rest.height > weeks_spaced + table_h {
                weeks_spaced
            } else {
                weeks_h(1)
            };
            (
                Rect {
                    height: weeks_h,
                    ..rest
                },
                Rect {
                    y: rest.y + weeks_h + 1,
                    height: rest.height - weeks_h - 1,
                    ..rest
                },
            )
        } else {
            let h = rest.height / 2;
            (
                Rect { height: h, ..rest },
                Rect {
                    y: rest.y + h,
                    height: rest.height - h,
                    ..rest
                },
            )
        };
        let weeks = self.week_lines(ctx, c);
        let cells = self.type_cells(ctx, t);
        let (note, note_short) = outside_notes(ctx, c);
        let since = since_note(ctx, c);
        let columns = self.week_columns(ctx);
        WeekChart {
            title: tr(l, Msg::TuiWeeks),
            lines: &weeks,
            cells: &cells,
            note: &note,
            note_short: &note_short,
            columns: &columns,
            columns_note: &since,
            selected: Some(self.week_row),
            focused: self.stage_part == StagePart::Weeks,
            theme: t,
        }
        .render(left, buf);
        // On the pekan, the selected pekan's figures where the regions stand otherwise; over
        // the regions where there is room for both. The presenter keeps the regions: a room
        // reads the campaign whole, not one pekan under a cursor.
        let right = if self.stage_part == StagePart::Weeks && !ctx.presenting {
            let busiest = c
                .pekan
                .pekan
                .get(self.week_row)
                .map_or(0, |p| p.busiest.len().min(5)) as u16;
            let panel = PEKAN_PANEL_ROWS + busiest;
            let table = campaign_table_height(c, 1);
            if right.height < panel + 1 + table {
                self.draw_pekan_panel(ctx, c, right, buf, t);
                return;
            }
            self.draw_pekan_panel(
                ctx,
                c,
                Rect {
                    height: panel,
                    ..right
                },
                buf,
                t,
            );
            Rect {
                y: right.y + panel + 1,
                height: right.height - panel - 1,
                ..right
            }
        } else {
            right
        };
        let (rows, total) = self.campaign_region_lines(ctx, c, right.width >= 56);
        CampaignTable {
            title: tr(l, Msg::TuiCampaignRegions),
            headings: [
                tr(l, Msg::Region),
                tr(l, Msg::TuiColCases),
                tr(l, Msg::TuiColActivities),
                tr(l, Msg::TuiColRate),
            ],
            rows: &rows,
            total: &total,
            selected: Some(self.campaign_row),
            focused: self.stage_part == StagePart::Regions,
            theme: t,
        }
        .render(right, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::tui::screens::fixture::{Fixture, body, text};

    #[test]
    fn the_timeline_moves_and_enter_drills_into_the_stage() {
        let f = Fixture::new();
        let ctx = f.ctx();
        let mut s = Stages::default();
        assert_eq!(
            s.command(Command::Down, &ctx),
            None,
            "a move asks for nothing"
        );
        assert_eq!(s.stage_row, 1);
        let Some(Want::Drill(view)) = s.command(Command::Open, &ctx) else {
            panic!("Enter drills down");
        };
        let code = f.reference.stages[1].code.to_lowercase();
        assert_eq!(view.print(&f.reference), format!("stage:{code}"));
    }

    #[test]
    fn without_colour_each_type_is_a_letter_of_its_name_in_the_interface_language() {
        let f = Fixture::new();
        for lang in [Lang::Id, Lang::En] {
            let ctx = Ctx { lang, ..f.ctx() };
            let cells = Stages::default().type_cells(&ctx, &Theme::new(false));
            let letters: Vec<char> = cells.iter().map(|(c, _, _)| *c).collect();
            let mut unique = letters.clone();
            unique.sort_unstable();
            unique.dedup();
            assert_eq!(unique.len(), letters.len(), "{lang:?}: {letters:?}");
            for (c, _, name) in &cells {
                assert!(
                    !c.is_alphabetic() || name.to_uppercase().contains(*c),
                    "{lang:?}: {c} for {name}"
                );
            }
        }
    }

    #[test]
    fn left_and_right_go_round_the_parts() {
        let f = Fixture::new();
        let ctx = f.ctx();
        let mut s = Stages::default();
        s.command(Command::Right, &ctx);
        assert_eq!(s.stage_part, StagePart::Weeks);
        s.command(Command::Left, &ctx);
        s.command(Command::Left, &ctx);
        assert_eq!(
            s.stage_part,
            StagePart::Regions,
            "Left from the first part wraps"
        );
    }

    #[test]
    fn draws_the_stages_of_the_reference() {
        let f = Fixture::new();
        let (area, mut buf) = body();
        Stages::default().draw(&f.ctx(), area, &mut buf);
        let screen = text(&buf);
        let first = f.reference.stages[0].name(crate::i18n::Lang::En);
        assert!(screen.contains(first), "{screen}");
    }

    #[test]
    fn the_calendar_and_campaign_are_the_election_in_view_s() {
        let f = Fixture::new();
        let (area, mut buf) = body();
        let draw = |ctx: &Ctx<'_>, buf: &mut Buffer| {
            let s = Stages::default();
            s.draw(ctx, area, buf);
            let mut under = Buffer::empty(Rect::new(0, 0, 100, 3));
            s.draw_campaign_headline(ctx, under.area, &mut under, &Theme::new(false));
            format!("{}\n{}", text(buf), text(&under))
        };
        // On 15 October 2024 the view is of Pilkada 2024: its stages, its campaign.
        let pilkada = Ctx {
            as_of: chrono::NaiveDate::from_ymd_opt(2024, 10, 15).unwrap_or_default(),
            lang: Lang::Id,
            ..f.ctx()
        };
        let screen = draw(&pilkada, &mut buf);
        for needed in [
            "Jadwal tahapan Pilkada 2024",
            "Penetapan pasangan calon",
            "Kampanye 25/09/2024–23/11/2024",
        ] {
            assert!(screen.contains(needed), "{needed}\n{screen}");
        }
        assert!(!screen.contains("Pemilu 2024"), "{screen}");
        // On 1 March 2024, Pemilu 2024's.
        let mut buf = Buffer::empty(area);
        let screen = draw(&Ctx { lang: Lang::Id, ..f.ctx() }, &mut buf);
        for needed in [
            "Jadwal tahapan Pemilu 2024",
            "Penetapan peserta pemilu",
            "Kampanye 28/11/2023–10/02/2024",
        ] {
            assert!(screen.contains(needed), "{needed}\n{screen}");
        }
    }

    #[test]
    fn with_every_election_in_view_the_calendar_counts_its_own_election_alone() {
        let mut f = Fixture::new();
        f.view = crate::view::parse("election:all", &f.reference).unwrap_or_default();
        let group = |key: &str, count| crate::engine::Group {
            key: key.into(),
            label: String::new(),
            count,
        };
        // Both elections' cases: 30 in the campaign of either, 50 in all.
        f.counts.stages = vec![group("KAMPANYE", 30), group("PUNGUT_HITUNG", 20)];
        f.counts.headline.total = 50;
        // Pemilu 2024's alone (the calendar's on 1 March 2024): 12 + 5.
        f.counts.calendar = Some(crate::tui::data::Calendar {
            election: "PEMILU2024".into(),
            stages: vec![group("KAMPANYE", 12), group("PUNGUT_HITUNG", 5)],
            total: 17,
        });
        let (area, mut buf) = body();
        let ctx = f.ctx();
        Stages::default().draw(&ctx, area, &mut buf);
        let screen = text(&buf);
        assert!(screen.contains("2024 General Election stages"), "{screen}");
        assert!(!screen.contains("several"), "{screen}");
        let row = |name: &str| {
            screen
                .lines()
                .find(|l| l.contains(name))
                .and_then(|l| l.split_whitespace().last())
                .unwrap_or_default()
                .to_string()
        };
        assert_eq!(row("◆ Campaign period"), "12", "{screen}");
        assert_eq!(row("Total"), "17", "{screen}");
        // Its rows drill into the cases they counted: that election's.
        let s = Stages {
            stage_row: ctx
                .stages()
                .iter()
                .position(|s| s.code == "KAMPANYE")
                .unwrap_or(0),
            ..Stages::default()
        };
        let Some(Want::Drill(view)) = s.clone().command(Command::Open, &ctx) else {
            panic!("no drill");
        };
        assert_eq!(
            view.print(&f.reference),
            "election:pemilu2024 stage:kampanye"
        );
    }

    #[test]
    fn a_switch_to_an_election_with_fewer_stages_keeps_the_cursor_on_the_calendar() {
        let f = Fixture::new();
        let pilkada = Ctx {
            as_of: chrono::NaiveDate::from_ymd_opt(2024, 10, 15).unwrap_or_default(),
            ..f.ctx()
        };
        let mut s = Stages {
            stage_row: 12,
            ..Stages::default()
        };
        let last = pilkada.stages().len() - 1;
        assert_eq!(s.row(&pilkada), last);
        let Some(Want::Drill(view)) = s.command(Command::Open, &pilkada) else {
            panic!("Enter drills into the last stage");
        };
        assert_eq!(view.print(&f.reference), "stage:lainnya");
        s.command(Command::Up, &pilkada);
        assert_eq!(s.stage_row, last - 1);
    }

    /// The fixture with a campaign as full as the demo's: ten pekan, every region.
    fn meeting() -> Fixture {
        use crate::engine::campaign::{PekanFigures, PekanTable, RegionFigures};
        use crate::store::activities::Activities;
        let mut f = Fixture::new();
        let period = f.reference.campaign_period().unwrap();
        let c = &mut f.counts.campaign;
        c.starts = Some(period.starts);
        c.ends = Some(period.ends);
        let (mut cases, mut acts) = (0, 0);
        c.pekan = PekanTable {
            period: Some(period),
            pekan: period
                .all()
                .into_iter()
                .enumerate()
                .map(|(i, p)| {
                    let mut by_type = [0; TypeGroup::ALL.len()];
                    by_type[i % by_type.len()] = i as i64;
                    cases += i as i64;
                    acts += 100 * i as i64;
                    PekanFigures {
                        pekan: p,
                        cases: i as i64,
                        by_type: Some(by_type),
                        cases_cumulative: cases,
                        activities: 100 * i as i64,
                        activities_cumulative: acts,
                        busiest: vec![("64.03".into(), 60 * i as i64), ("64.02".into(), 40 * i as i64)],
                        begun: true,
                    }
                })
                .collect(),
            outside: 0,
            outside_by_type: Some([0; TypeGroup::ALL.len()]),
        };
        c.regions = f
            .reference
            .regions
            .iter()
            .enumerate()
            .map(|(i, r)| RegionFigures {
                code: r.code.clone(),
                cases: i as i64,
                activities: {
                    let mut a = Activities::default();
                    a.add("PERTEMUAN_TERBATAS", 100 * i as i64);
                    a
                },
            })
            .collect();
        c.cases = 55;
        c.activities = Activities::default();
        c.activities.add("PERTEMUAN_TERBATAS", 5500);
        f
    }

    fn drawn(f: &Fixture, w: u16, h: u16, lang: crate::i18n::Lang) -> String {
        let mut ctx = f.ctx();
        ctx.size = (w, h);
        ctx.lang = lang;
        let area = Rect::new(0, 0, w, h - 3);
        let mut buf = ratatui::buffer::Buffer::empty(area);
        Stages::default().draw(&ctx, area, &mut buf);
        text(&buf)
    }

    /// The longest run of empty rows.
    fn empty_band(screen: &str) -> usize {
        screen
            .lines()
            .map(|l| l.trim().is_empty())
            .fold((0, 0), |(run, best), b| {
                let run = if b { run + 1 } else { 0 };
                (run, best.max(run))
            })
            .1
    }

    #[test]
    fn the_parts_stand_side_by_side_when_wide_over_each_other_when_tall() {
        let f = meeting();
        let ctx = f.ctx();
        let body = |w: u16, h: u16| Rect::new(0, 2, w, h - 3);
        assert_eq!(
            Arrangement::of(&ctx, body(80, 24)),
            Arrangement::OneAtATime
        );
        assert_eq!(
            Arrangement::of(&ctx, body(100, 30)),
            Arrangement::OneAtATime
        );
        assert_eq!(Arrangement::of(&ctx, body(120, 40)), Arrangement::Stacked);
        for (w, h) in [(160, 48), (200, 50)] {
            assert!(
                matches!(
                    Arrangement::of(&ctx, body(w, h)),
                    Arrangement::SideBySide(left) if left >= w / 2
                ),
                "{w}x{h}"
            );
        }
    }

    #[test]
    fn every_part_shows_and_the_height_is_used() {
        let f = meeting();
        let first = f.reference.stages[0].name(crate::i18n::Lang::En);
        let first = &first[..first.len().min(20)];
        for (w, h, most) in [(120, 40, 2), (160, 48, 5), (200, 50, 6)] {
            let screen = drawn(&f, w, h, crate::i18n::Lang::En);
            for needed in [first, "Total", "Campaign cases per pekan", "By region", "Berau"] {
                assert!(screen.contains(needed), "{w}x{h}: {needed}\n{screen}");
            }
            let band = empty_band(&screen);
            assert!(band <= most, "{w}x{h}: {band} empty rows\n{screen}");
        }
        let screen = drawn(&f, 100, 30, crate::i18n::Lang::Id);
        assert!(
            screen.contains("Kampanye 28/11/2023–10/02/2024"),
            "the campaign's figures under the timeline\n{screen}"
        );
        assert!(empty_band(&screen) <= 3, "{screen}");
    }

    #[test]
    fn enter_on_a_pekan_lists_its_campaign_cases() {
        let f = meeting();
        let ctx = f.ctx();
        let mut s = Stages {
            stage_part: StagePart::Weeks,
            ..Stages::default()
        };
        for _ in 0..5 {
            s.command(Command::Down, &ctx);
        }
        let Some(Want::Drill(view)) = s.command(Command::Open, &ctx) else {
            panic!("Enter drills down");
        };
        assert_eq!(view.print(&f.reference), "stage:kampanye pekan:6");
    }

    #[test]
    fn the_pekan_read_as_the_releases_write_them_at_every_size() {
        let f = meeting();
        let s = Stages {
            stage_part: StagePart::Weeks,
            week_row: 5,
            ..Stages::default()
        };
        let draw = |w: u16, h: u16, lang: Lang| {
            let mut ctx = f.ctx();
            ctx.size = (w, h);
            ctx.lang = lang;
            let area = Rect::new(0, 0, w, h - 3);
            let mut buf = ratatui::buffer::Buffer::empty(area);
            s.draw(&ctx, area, &mut buf);
            text(&buf)
        };
        // Narrow: the pekan by number, the selected pekan's figures beside them.
        let screen = draw(80, 24, Lang::Id);
        for needed in [
            "Pekan ke-1 ",
            "Pekan ke-10",
            "Pekan ke-6 (2–8 Jan 2024)",
            "Pekan ini",
            "Kumulatif",
            "Kumulatif: sejak 28 November 2023",
            "Berau",
        ] {
            assert!(screen.contains(needed), "80x24: {needed}\n{screen}");
        }
        // Wide: every pekan with its dates, and the columns of the release.
        let screen = draw(200, 50, Lang::En);
        for needed in [
            "Week 6 (2–8 Jan 2024)",
            "Week 10 ",
            "Cumulative",
            "Activities",
            "/1,000",
        ] {
            assert!(screen.contains(needed), "200x50: {needed}\n{screen}");
        }
        assert!(!screen.contains("27/11"), "no calendar week\n{screen}");
        // Where the chart has the width (the presenter's page), the labels carry their dates.
        let mut ctx = f.ctx();
        ctx.lang = Lang::En;
        let area = Rect::new(0, 0, 120, 30);
        let mut buf = ratatui::buffer::Buffer::empty(area);
        s.draw_campaign_charts(&ctx, area, &mut buf, &Theme::new(false));
        let screen = text(&buf);
        for needed in [
            "Week 1 (28 Nov – 4 Dec 2023)",
            "Week 10 (30 Jan – 10 Feb 2024)",
            "Cumulative",
        ] {
            assert!(screen.contains(needed), "120 wide: {needed}\n{screen}");
        }
    }

    #[test]
    fn any_size_draws_without_a_fault() {
        let f = meeting();
        for part in StagePart::ALL {
            let s = Stages {
                stage_part: part,
                ..Stages::default()
            };
            for w in (80..=300).step_by(11) {
                for h in (24..=80).step_by(7) {
                    let mut ctx = f.ctx();
                    ctx.size = (w, h);
                    let area = Rect::new(0, 2, w, h - 3);
                    let mut buf = ratatui::buffer::Buffer::empty(Rect::new(0, 0, w, h));
                    s.draw(&ctx, area, &mut buf);
                }
            }
        }
    }
}
