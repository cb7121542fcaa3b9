//! Drawing presenter mode: one caption line, the page's figures in block digits, then the page in
//! high contrast. A pure function of the app's state: no queries, no clock reads.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::domain::CAMPAIGN;
use crate::engine::campaign::per_thousand;
use crate::i18n::{Msg, decimal, number, tr};
use crate::tui::app::App;
use crate::tui::screens::ScreenState;
use crate::tui::state::Page;
use crate::tui::theme::Theme;
use crate::tui::widgets::big_digits::{self, BigText, Size};
use crate::tui::widgets::figure::delta_text;
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
        let delta = |now: i64, base: Option<i64>| base.map(|b| delta_text(now - b));
        let label = |text: &str, d: Option<String>| match d {
            Some(d) => format!("{text} {d}"),
            None => text.to_string(),
        };
        let base = self.base_headline("");
        let kampanye = counts
            .stages
            .iter()
            .find(|g| g.key == CAMPAIGN)
            .map_or(0, |g| g.count);
        let base_kampanye = self.base_group(crate::engine::Dim::Stage, CAMPAIGN);
        let total = Big {
            value: number(l, h.total),
            label: label(tr(l, Msg::Cases), delta(h.total, base.map(|b| b.total))),
            style: t.total(),
        };
        let campaign_big = Big {
            value: number(l, kampanye),
            label: label(
                self.reference
                    .stage(CAMPAIGN)
                    .map_or(CAMPAIGN, |s| s.short(l)),
                delta(kampanye, base_kampanye),
            ),
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
                            &format!("{} {CAMPAIGN}", tr(l, Msg::Cases)),
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
            Page::Stages => (vec![total, campaign_big], false),
        };
        // The map needs its height more than big digits on a small screen.
        let room_for_bigs = !tall_only || body.height >= 40;
        let used = if room_for_bigs {
            draw_bigs(&bigs, body, buf, &t)
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
            Page::Map => self.screens.map.draw_tiles(&self.ctx(), rest, buf, &t),
            Page::Stages => self
                .screens
                .stages
                .draw_timeline(&self.ctx(), rest, buf, &t),
        }
    }

    /// `pantau · Ringkasan · per 09/02/2024 · ● 14:32:05 · Δ acuan 14:05   halaman berikutnya dalam 12 d`.
    fn draw_caption(&self, page: Page, area: Rect, buf: &mut Buffer, t: &Theme) {
        let l = self.lang;
        let mut parts = vec![
            format!(" pantau · {}", tr(l, page.title())),
            format!("{} {}", tr(l, Msg::AsOf), date(self.as_of())),
        ];
        if let Some(at) = self.refreshed_at {
            parts.push(format!("● {}", at.format("%H:%M:%S")));
        }
        if let Some(b) = self.baseline_label() {
            parts.push(format!("Δ {b}"));
        }
        let left = parts.join(" · ");
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
        let left = fit(&left, w.saturating_sub(width(&right) + 1));
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

/// Draws the figures side by side in block digits, each with its label under it, as large as fits
/// (plain text when even half blocks do not); the rows used, a blank one included.
fn draw_bigs(bigs: &[Big], area: Rect, buf: &mut Buffer, t: &Theme) -> u16 {
    let gap = 4u16;
    let block = |b: &Big, size: Size| big_digits::width(&b.value, size).max(width(&b.label) as u16);
    let total = |size: Size| -> u16 { bigs.iter().map(|b| block(b, size) + gap).sum::<u16>() };
    let size = [Size::Tall, Size::Half]
        .into_iter()
        .find(|s| total(*s) < area.width && s.rows() + 2 <= area.height);
    let Some(size) = size else {
        let text = bigs
            .iter()
            .map(|b| format!("{} {}", b.value, b.label))
            .collect::<Vec<_>>()
            .join(" · ");
        buf.set_string(
            area.x + 1,
            area.y,
            fit(&text, usize::from(area.width)),
            t.total(),
        );
        return 2;
    };
    let mut x = area.x + 2;
    for b in bigs {
        BigText {
            text: &b.value,
            size,
            style: b.style,
        }
        .render(
            Rect::new(
                x,
                area.y,
                area.width.saturating_sub(x - area.x),
                size.rows(),
            ),
            buf,
        );
        buf.set_string(x, area.y + size.rows(), &b.label, t.heading());
        x += block(b, size) + gap;
    }
    size.rows() + 2
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
}
