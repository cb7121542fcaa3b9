//! The two header lines: the title bar (pantau, the database, the election in view, the as-of
//! date, the live marker) and the tab bar (screens, the current view and its total). Render-only;
//! inputs are given.

use chrono::{NaiveDate, NaiveDateTime};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::i18n::{Lang, Msg, tr};
use crate::tui::action::Screen;
use crate::tui::elections::ElectionName;
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

/// The least room between the database and the right-hand part of the title bar.
const GAP: usize = 3;

/// The first line.
pub struct TitleBar<'a> {
    /// The office whose database it is ("Bawaslu Kaltim", "Bawaslu RI"), from its root.
    pub office: &'a str,
    pub db: &'a str,
    /// What the figures are of (the election in view, or every election), in full and short.
    pub election: Option<&'a ElectionName>,
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

impl TitleBar<'_> {
    /// The right-hand part: the election (when named), the as-of date, the baseline, whether the
    /// screen follows the database (with the changes waiting while frozen, when `changes`), busy.
    fn right(&self, election: Option<&str>, changes: bool) -> Line<'static> {
        let t = self.theme;
        let l = self.lang;
        let mut right = Vec::new();
        if let Some(name) = election {
            right.push(Span::styled(format!("{name} · "), t.heading()));
        }
        right.push(Span::raw(format!(
            "{} {}",
            tr(l, Msg::AsOf),
            date(self.as_of)
        )));
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
                if changed && changes {
                    right.push(Span::styled(
                        format!(" · {}", tr(l, Msg::TuiChangesWaiting)),
                        t.frozen(),
                    ));
                }
            }
        }
        right.push(Span::raw(if self.busy { " ⟳ " } else { "   " }));
        Line::from(right)
    }
}

/// A database's path in at most `w` columns: whole, else its end from a folder on (`…/kaltim/
/// pantau.db`), else its file name cut at the start; nothing where not even `…/` and a few
/// characters fit.
fn fit_path(path: &str, w: usize) -> String {
    if width(path) <= w {
        return crate::text::safe(path).into_owned();
    }
    if w < 6 {
        return String::new();
    }
    path.match_indices('/')
        .map(|(i, _)| format!("…{}", &path[i..]))
        .find(|tail| width(tail) <= w)
        .map(|tail| crate::text::safe(&tail).into_owned())
        .unwrap_or_else(|| fit_start(path, w))
}

impl Widget for TitleBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let w = usize::from(area.width);
        // What gives way when the line is short: the election's full name (while the database's
        // file name fits whole beside it) for its short form; then the database's path from its
        // start, as before; then the words saying changes wait (the frozen mark stays); the
        // election's name last.
        let file = self.db.rsplit('/').next().unwrap_or(self.db);
        let pantau = width(" pantau · ");
        let (full, short, pad) = match self.election {
            Some(e) => (Some(e.full.as_str()), Some(e.short.as_str()), e.pad()),
            None => (None, None, 0),
        };
        // The full name only where every election's would fit: never one election in full and
        // another short at the same width.
        let candidates = [
            (full, true, pantau + width(file) + GAP + pad),
            (short, true, 0),
            (short, false, 0),
            (None, false, 0),
        ];
        let right = candidates
            .iter()
            .map(|(name, changes, left)| (self.right(*name, *changes), *left))
            .find(|(line, left)| left + line.width() < w)
            .map_or_else(|| self.right(None, false), |(line, _)| line);
        let right_w = right.width();
        let room = w.saturating_sub(right_w + GAP);
        // The office goes where the path would not fit whole beside it.
        let office =
            if self.office.is_empty() || pantau + width(self.office) + 3 + width(self.db) > room {
                String::new()
            } else {
                format!("{} · ", self.office)
            };
        // A long path loses its start at a folder, never the file name.
        let db = fit_path(self.db, room.saturating_sub(pantau + width(&office)));
        let left = if db.is_empty() {
            " pantau".to_string()
        } else {
            format!(" pantau · {office}{db}")
        };
        buf.set_line(
            area.x,
            area.y,
            &Line::from(Span::styled(left, t.title())),
            room.max(width(" pantau")).min(usize::from(area.width)) as u16,
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
                lang: l,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_path_loses_whole_folders_from_its_start_never_the_file_name() {
        let p = "/srv/bawaslu/kaltim/pantau.db";
        assert_eq!(fit_path(p, 40), p);
        assert_eq!(fit_path(p, 20), "…/kaltim/pantau.db");
        assert_eq!(fit_path(p, 12), "…/pantau.db");
        assert_eq!(fit_path(p, 8), "…ntau.db");
        assert_eq!(fit_path(p, 3), "");
    }
    use crate::tui::widgets::text::buffer_row;

    fn bar(w: u16, lang: Lang, election: Option<&ElectionName>, crowded: bool) -> String {
        let t = Theme::new(false);
        let mut buf = Buffer::empty(Rect::new(0, 0, w, 1));
        let day = NaiveDate::from_ymd_opt(2024, 10, 2).unwrap_or_default();
        TitleBar {
            office: "Bawaslu Kaltim",
            db: "/srv/bawaslu/kaltim/pantau.db",
            election,
            as_of: day,
            future: crowded,
            baseline: crowded.then(|| "acuan 01/10/2024 14:05".to_string()),
            live: if crowded {
                Live::Frozen { changed: true }
            } else {
                Live::Following(day.and_hms_opt(14, 32, 5))
            },
            busy: crowded,
            lang,
            theme: &t,
        }
        .render(buf.area, &mut buf);
        buffer_row(&buf, 0)
    }

    #[test]
    fn the_election_shortens_before_anything_else_gives_way() {
        let e = ElectionName {
            full: "2024 Regional Head Elections".into(),
            short: "Pilkada 2024".into(),
            widest: 28,
        };
        let wide = bar(200, Lang::En, Some(&e), false);
        assert!(
            wide.starts_with(" pantau · Bawaslu Kaltim · /srv/bawaslu/kaltim/pantau.db"),
            "the office beside the database where there is room: {wide}"
        );
        assert!(
            !bar(80, Lang::En, Some(&e), false).contains("Bawaslu"),
            "the office gives way first"
        );
        assert!(
            wide.contains("/srv/bawaslu/kaltim/pantau.db")
                && wide.contains("2024 Regional Head Elections · as of 02/10/2024 · ● live"),
            "{wide}"
        );
        for (lang, needed) in [
            (
                Lang::En,
                "Pilkada 2024 · as of 02/10/2024 · ● live 14:32:05",
            ),
            (
                Lang::Id,
                "Pilkada 2024 · per 02/10/2024 · ● terkini 14:32:05",
            ),
        ] {
            let row = bar(80, lang, Some(&e), false);
            assert!(row.contains(needed), "{row}");
            assert!(
                row.contains("pantau.db   "),
                "the file name whole, apart: {row}"
            );
        }
        // Crowded (a future date, a baseline of another day, frozen with changes waiting): all
        // that the bar showed before still shows, whole, at 80 columns.
        for (lang, needed) in [
            (
                Lang::Id,
                "per 02/10/2024 (belum tiba) · Δ acuan 01/10/2024 14:05 · ■ dibekukan ⟳",
            ),
            (
                Lang::En,
                "as of 02/10/2024 (future) · Δ acuan 01/10/2024 14:05 · ■ frozen ⟳",
            ),
        ] {
            let row = bar(80, lang, Some(&e), true);
            assert!(row.contains(needed), "{row}");
            assert!(row.starts_with(" pantau"), "{row}");
        }
        let wide = bar(200, Lang::Id, Some(&e), true);
        assert!(
            wide.contains("2024 Regional Head Elections · per")
                && wide.contains("■ dibekukan · ada perubahan ⟳"),
            "{wide}"
        );
        assert!(!bar(80, Lang::Id, None, false).contains("Pilkada"));
    }
}
