//! Drawing presenter mode: one caption line, the page's figures in block digits, then the page in
//! high contrast. A pure function of the app's state: no queries, no clock reads.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::engine::campaign::per_thousand;
use crate::i18n::{Msg, decimal, number, tr};
use crate::tui::app::App;
use crate::tui::screens::ScreenState;
use crate::tui::state::Page;
use crate::tui::theme::Theme;
use crate::tui::widgets::big_digits::{self, BigText, Size};
use crate::tui::widgets::figure::Figure;
use crate::tui::widgets::text::{date, fit, width};

/// One headline figure: its digits, what it counts, and its change since the baseline.
struct Big {
    value: String,
    label: String,
    style: Style,
}

impl App {
    pub(crate) fn draw_present(&self, area: Rect, buf: &mut Buffer) {
        let t = self.look();
        let l = self.lang;
        let Some(page) = self.page() else { return };
        self.draw_caption(page, Rect { height: 1, ..area }, buf, &t);
        let body = Rect {
            y: area.y + 1,
            height: area.height.saturating_sub(1),
            ..area
        };
        let Some(counts) = &self.counts else {
            buf.set_string(body.x + 2, body.y + 1, tr(l, Msg::TuiLoading), t.normal());
            return;
        };
        let h = counts.headline;
        // As on every screen: a change since the baseline only where there is one.
        let delta = |count: i64, base: Option<i64>| {
            Figure {
                lang: l,
                count,
                base,
                mark: None,
            }
            .delta()
        };
        let label = |text: &str, d: Option<String>| match d {
            Some(d) => format!("{text} {d}"),
            None => text.to_string(),
        };
        let base = self.base_headline("");
        let ctx = self.ctx();
        // The campaign is the calendar's election's: its cases alone, whatever else is in view.
        let campaign_stage = ctx.campaign_stage();
        let kampanye = ctx
            .stage_groups()
            .and_then(|(g, _)| g.iter().find(|g| g.key == campaign_stage))
            .map_or(0, |g| g.count);
        let base_kampanye = ctx.base_stage(campaign_stage);
        let total = Big {
            value: number(l, h.total),
            label: label(
                tr(l, Msg::TuiColCases),
                delta(h.total, base.map(|b| b.total)),
            ),
            style: t.total(),
        };
        // The stage page's total is what its calendar's rows add up to: that election's cases.
        let calendar_total = |total: Big| match ctx.stage_groups() {
            Some((_, n)) if counts.calendar.is_some() => Big {
                value: number(l, n),
                label: label(tr(l, Msg::TuiColCases), delta(n, ctx.base_stage_total())),
                ..total
            },
            _ => total,
        };
        let campaign_big = Big {
            value: number(l, kampanye),
            label: label(tr(l, Msg::TuiCampaignCases), delta(kampanye, base_kampanye)),
            style: t.campaign(),
        };
        let (bigs, tall_only): (Vec<Big>, bool) = match page {
            Page::Dashboard => (
                vec![
                    total,
                    Big {
                        value: number(l, h.temuan),
                        label: label(tr(l, Msg::Temuan), delta(h.temuan, base.map(|b| b.temuan))),
                        style: t.total(),
                    },
                    Big {
                        value: number(l, h.laporan),
                        label: label(
                            tr(l, Msg::Laporan),
                            delta(h.laporan, base.map(|b| b.laporan)),
                        ),
                        style: t.total(),
                    },
                    campaign_big,
                ],
                false,
            ),
            Page::Campaign => {
                let c = &counts.campaign;
                let cb = self.base_counts().map(|b| &b.campaign);
                let acts = c.activities.total();
                let mut v = vec![
                    Big {
                        value: number(l, c.cases),
                        label: label(
                            tr(l, Msg::TuiCampaignCases),
                            delta(c.cases, cb.map(|b| b.cases)),
                        ),
                        style: t.campaign(),
                    },
                    Big {
                        value: number(l, acts),
                        label: label(
                            tr(l, Msg::TuiActivities),
                            delta(acts, cb.map(|b| b.activities.total())),
                        ),
                        style: t.total(),
                    },
                ];
                if let Some(x) = per_thousand(c.cases, acts) {
                    v.push(Big {
                        value: decimal(l, x),
                        label: tr(l, Msg::TuiPerThousand).to_string(),
                        style: t.total(),
                    });
                }
                (v, false)
            }
            Page::Map => (vec![total], true),
            Page::Stages => (vec![calendar_total(total), campaign_big], false),
        };
        // The map needs its height more than big digits on a small screen. The digits take up
        // to a quarter of the height (a sixth above the map), so they grow with the screen and
        // leave the page its room.
        let room_for_bigs = !tall_only || body.height >= 40;
        let used = if room_for_bigs {
            let part = if tall_only { 6 } else { 4 };
            let share = Rect {
                height: (body.height / part + 1).min(body.height),
                ..body
            };
            draw_bigs(&bigs, share, buf, &t)
        } else {
            0
        };
        let rest = Rect {
            y: body.y + used,
            height: body.height.saturating_sub(used),
            ..body
        };
        match page {
            Page::Dashboard => self.screens.dashboard.draw(&self.ctx(), rest, buf),
            Page::Campaign => {
                let lines = self.screens.stages.campaign_lines(
                    &self.ctx(),
                    &counts.campaign,
                    usize::from(rest.width) - 1,
                    &t,
                );
                if let Some(sentence) = lines.get(1) {
                    buf.set_line(rest.x + 1, rest.y, sentence, rest.width.saturating_sub(1));
                }
                let charts = Rect {
                    y: rest.y + 2,
                    height: rest.height.saturating_sub(2),
                    ..rest
                };
                self.screens
                    .stages
                    .draw_campaign_charts(&self.ctx(), charts, buf, &t);
            }
            Page::Map => self.screens.map.draw_map(&self.ctx(), rest, buf, &t),
            Page::Stages => {
                self.screens
                    .stages
                    .draw_timeline(&self.ctx(), rest, buf, &t);
            }
        }
    }

    /// `pantau · Ringkasan · Pemilu 2024 · per 09/02/2024 · ● 14:32:05 · Δ acuan 14:05   halaman
    /// berikutnya dalam 12 d`; the election's short name where its full one would cut the rest.
    fn draw_caption(&self, page: Page, area: Rect, buf: &mut Buffer, t: &Theme) {
        let l = self.lang;
        let election = self.election_name();
        let caption = |name: Option<&str>| {
            let mut parts = vec![format!(" pantau · {}", tr(l, page.title()))];
            parts.extend(name.map(str::to_string));
            parts.push(format!("{} {}", tr(l, Msg::AsOf), date(self.as_of())));
            if self.refreshed_at.is_some() {
                parts.push(format!("● {}", self.now.format("%H:%M:%S")));
            }
            if let Some(b) = self.baseline_label() {
                parts.push(format!("Δ {b}"));
            }
            parts.join(" · ")
        };
        let right = self
            .seconds_to_turn()
            .map(|s| {
                format!(
                    "{} {s} {} ",
                    tr(l, Msg::TuiNextPage),
                    tr(l, Msg::TuiSeconds)
                )
            })
            .unwrap_or_default();
        let w = usize::from(area.width);
        let room = w.saturating_sub(width(&right) + 1);
        let left = caption(election.as_ref().map(|e| e.full.as_str()));
        // The full name where every election's would fit on every page's caption, else the
        // short form: one election is named the same way on every page, and as any other is.
        let widest_title = Page::ALL
            .iter()
            .map(|p| width(tr(l, p.title())))
            .max()
            .unwrap_or(0);
        let pad = |e: &crate::tui::elections::ElectionName| {
            e.pad() + widest_title.saturating_sub(width(tr(l, page.title())))
        };
        let left = match &election {
            Some(e) if width(&left) + pad(e) > room => caption(Some(&e.short)),
            _ => left,
        };
        let left = fit(&left, room);
        buf.set_line(
            area.x,
            area.y,
            &Line::from(Span::styled(left, t.title())),
            area.width,
        );
        let rw = width(&right) as u16;
        buf.set_string(
            area.x + area.width.saturating_sub(rw),
            area.y,
            right,
            t.normal(),
        );
    }
}

/// Draws the figures side by side in block digits, each centred in an equal share of the width
/// with its label under it and a rule between shares, at the largest size at which every one fits
/// (plain text between rules when even half blocks do not); the rows used, a blank one included.
fn draw_bigs(bigs: &[Big], area: Rect, buf: &mut Buffer, t: &Theme) -> u16 {
    if bigs.is_empty() || area.height == 0 {
        return 0;
    }
    let n = bigs.len() as u16;
    let share = area.width / n;
    let shares = |i: u16| -> Rect {
        let x = area.x + i * share;
        let width = if i + 1 == n {
            area.width - i * share
        } else {
            share
        };
        Rect { x, width, ..area }
    };
    // Clear of the rules by two columns each side, however large the digits.
    let room = share.saturating_sub(5);
    let size = Size::largest_first().find(|s| {
        s.rows() + 2 <= area.height
            && bigs
                .iter()
                .all(|b| big_digits::drawable(&b.value) && big_digits::width(&b.value, *s) <= room)
    });
    let rule_rows = size.map_or(1, |s| s.rows() + 1);
    for i in 1..n {
        let x = shares(i).x;
        for y in area.y..area.y + rule_rows.min(area.height) {
            buf.set_string(x, y, "│", t.normal());
        }
    }
    for (i, b) in bigs.iter().enumerate() {
        let cell = shares(i as u16);
        // Inside the share: after its rule, before the next one.
        let inner = Rect {
            x: cell.x + 2,
            width: cell.width.saturating_sub(4),
            ..cell
        };
        let centred = |w: u16| inner.x + inner.width.saturating_sub(w) / 2;
        let Some(size) = size else {
            let text = fit(
                &format!("{} {}", b.value, b.label),
                usize::from(inner.width),
            );
            buf.set_string(centred(width(&text) as u16), area.y, &text, b.style);
            continue;
        };
        let dw = big_digits::width(&b.value, size);
        BigText {
            text: &b.value,
            size,
            style: b.style,
            glyphs: t.glyphs(),
        }
        .render(Rect::new(centred(dw), area.y, dw, size.rows()), buf);
        let label = fit(&b.label, usize::from(inner.width));
        buf.set_string(
            centred(width(&label) as u16),
            area.y + size.rows(),
            &label,
            t.heading(),
        );
    }
    rule_rows + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_shrink_to_what_fits() {
        let t = Theme::new(false).high_contrast();
        let bigs = [Big {
            value: "22".into(),
            label: "KAMPANYE (+1)".into(),
            style: Style::new(),
        }];
        let mut buf = Buffer::empty(Rect::new(0, 0, 40, 7));
        assert_eq!(draw_bigs(&bigs, buf.area, &mut buf, &t), 7);
        let mut buf = Buffer::empty(Rect::new(0, 0, 40, 5));
        assert_eq!(draw_bigs(&bigs, buf.area, &mut buf, &t), 5, "half blocks");
        let row: String = (0..40).map(|x| buf[(x, 3)].symbol().to_string()).collect();
        assert!(row.contains("KAMPANYE (+1)"), "{row}");
    }

    fn four() -> Vec<Big> {
        ["49", "30", "19", "24"]
            .iter()
            .zip(["kasus", "Temuan", "Laporan", "KAMPANYE"])
            .map(|(v, l)| Big {
                value: v.to_string(),
                label: l.to_string(),
                style: Style::new(),
            })
            .collect()
    }

    fn row(buf: &Buffer, y: u16) -> String {
        (0..buf.area.width)
            .map(|x| buf[(x, y)].symbol().to_string())
            .collect()
    }

    #[test]
    fn figures_grow_with_the_screen_and_stand_apart() {
        let t = Theme::new(false).high_contrast();
        // A quarter of a 200x50 projector's height, and of an 80x24 terminal's.
        for (w, h, rows) in [(200, 13, 10), (160, 12, 10), (120, 10, 5), (80, 6, 3)] {
            let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
            let used = draw_bigs(&four(), buf.area, &mut buf, &t);
            assert_eq!(used, rows + 2, "{w}x{h}: digits {rows} rows tall");
            let top = row(&buf, 0);
            // Between two figures: a rule, and blank columns each side of it.
            let groups: Vec<&str> = top.split('│').collect();
            assert_eq!(groups.len(), 4, "{w}x{h}: a rule between figures: {top}");
            for g in &groups {
                assert!(
                    g.starts_with("  ") && g.trim_end().len() + 2 <= g.len(),
                    "{w}x{h}: room each side of the digits: {top:?}"
                );
            }
            let labels = row(&buf, rows);
            for l in ["kasus", "Temuan", "Laporan", "KAMPANYE"] {
                assert!(
                    labels.contains(l),
                    "{w}x{h}: each label under its figure: {labels}"
                );
            }
        }
    }
}
