//! The two header lines: the title bar (pantau, the database, the as-of date, the live marker) and
//! the tab bar (screens, the current view and its total). Render-only; inputs are given.

use chrono::{NaiveDate, NaiveDateTime};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::i18n::{Lang, Msg, tr};
use crate::tui::action::Screen;
use crate::tui::marks::Mark;
use crate::tui::theme::Theme;
use crate::tui::widgets::figure::Figure;
use crate::tui::widgets::text::{date, fit, fit_start, line_width, width};

/// Whether the screen follows the database.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Live {
    /// Following; the time of the last refresh, if one arrived yet.
    Following(Option<NaiveDateTime>),
    /// Frozen by `f`; whether the database changed since.
    Frozen { changed: bool },
}

/// The first line.
pub struct TitleBar<'a> {
    pub db: &'a str,
    pub as_of: NaiveDate,
    /// The as-of date is after today (stepped past it with `]`): marked, figures are not complete.
    pub future: bool,
    /// How the meeting baseline is named (`acuan 14:05`), when one is set.
    pub baseline: Option<String>,
    pub live: Live,
    pub busy: bool,
    pub lang: Lang,
    pub theme: &'a Theme,
}

impl Widget for TitleBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let l = self.lang;
        let mut right = vec![Span::raw(format!(
            "{} {}",
            tr(l, Msg::AsOf),
            date(self.as_of)
        ))];
        if self.future {
            right.push(Span::styled(
                format!(" ({})", tr(l, Msg::TuiFuture)),
                t.error(),
            ));
        }
        right.push(Span::raw(" · "));
        if let Some(b) = &self.baseline {
            right.push(Span::styled(format!("Δ {b}"), t.heading()));
            right.push(Span::raw(" · "));
        }
        match self.live {
            Live::Following(Some(at)) => right.push(Span::styled(
                format!("● {} {}", tr(l, Msg::TuiLive), at.format("%H:%M:%S")),
                t.live(),
            )),
            Live::Following(None) => right.push(Span::styled(
                format!("● {}", tr(l, Msg::TuiWaiting)),
                t.live(),
            )),
            Live::Frozen { changed } => {
                right.push(Span::styled(
                    format!("■ {}", tr(l, Msg::TuiFrozen)),
                    t.frozen(),
                ));
                if changed {
                    right.push(Span::styled(
                        format!(" · {}", tr(l, Msg::TuiChangesWaiting)),
                        t.frozen(),
                    ));
                }
            }
        }
        right.push(Span::raw(if self.busy { " ⟳ " } else { "   " }));
        let right = Line::from(right);
        let right_w = right.width();
        let room = usize::from(area.width).saturating_sub(right_w + 1);
        // A long path loses its start, never the file name.
        let db = fit_start(self.db, room.saturating_sub(10));
        buf.set_line(
            area.x,
            area.y,
            &Line::from(Span::styled(format!(" pantau · {db}"), t.title())),
            area.width,
        );
        let x = area.x + area.width.saturating_sub(right_w as u16);
        buf.set_line(x, area.y, &right, right_w as u16);
    }
}

/// The second line.
pub struct TabBar<'a> {
    pub current: Screen,
    /// The view in canonical form ("" for all cases).
    pub view: &'a str,
    pub total: Option<i64>,
    pub total_mark: Option<Mark>,
    /// The total at the baseline, when one is set (and its figures arrived).
    pub baseline: Option<Option<i64>>,
    pub lang: Lang,
    pub theme: &'a Theme,
}

impl Widget for TabBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let l = self.lang;
        // The screens keep their names: a long view is shortened (whole on `/`), never the tabs.
        let mut tabs = vec![Span::raw(" ")];
        for s in Screen::ALL {
            let label = format!("{} {}", s.number(), tr(l, s.title()));
            if s == self.current {
                tabs.push(Span::styled(format!("[{label}]"), t.tab_active()));
            } else {
                tabs.push(Span::raw(format!(" {label} ")));
            }
            tabs.push(Span::raw(" "));
        }
        let tabs = Line::from(tabs);
        buf.set_line(area.x, area.y, &tabs, area.width);
        let mut right = Vec::new();
        if let Some(n) = self.total {
            // The one form of every count: `47 cases (+2) ▲1`, the changes after the count.
            right.push(Span::raw(format!(" · {}", crate::i18n::cases(l, n))));
            let figure = Figure {
                count: n,
                base: self.baseline.flatten(),
                mark: self.total_mark,
            };
            right.extend(figure.change_spans(t));
        }
        right.push(Span::raw(" "));
        let tail_w: usize = right.iter().map(|s| s.width()).sum();
        let room = usize::from(area.width).saturating_sub(tabs.width() + 1 + tail_w);
        let spec = if self.view.is_empty() {
            tr(l, Msg::NoView).to_string()
        } else {
            self.view.to_string()
        };
        // The label goes first when space is short, then the end of the spec.
        let label = format!("{}: ", tr(l, Msg::View));
        let label = if width(&label) + width(&spec) <= room {
            label
        } else {
            String::new()
        };
        let spec = fit(&spec, room.saturating_sub(width(&label)));
        let mut spans = vec![
            Span::styled(label, t.dim()),
            Span::styled(spec, t.heading()),
        ];
        spans.extend(right);
        let line = Line::from(spans);
        let w = u16::try_from(line_width(&line)).unwrap_or(u16::MAX);
        buf.set_line(area.x + area.width.saturating_sub(w), area.y, &line, w);
    }
}
