//! The election calendar as bands over the months, the as-of date as a line, each stage's count at
//! the end of its row, the campaign marked ◆. Render-only; rows, dates and cursor are given.

use chrono::{Datelike, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::tui::theme::Theme;
use crate::tui::widgets::figure::{Figure, widest};
use crate::tui::widgets::text::{left, width};

/// One stage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimelineRow {
    pub label: String,
    pub starts: Option<NaiveDate>,
    pub ends: Option<NaiveDate>,
    pub figure: Figure,
    pub campaign: bool,
}

/// The timeline.
pub struct Timeline<'a> {
    pub title: &'a str,
    pub rows: &'a [TimelineRow],
    /// The total row's label and figure.
    pub total: (&'a str, Figure),
    /// The date drawn as a line, and its label (`per 09/02/2024`).
    pub marker: (NaiveDate, &'a str),
    /// Short month names, January first, for the axis when there is room.
    pub months: [&'a str; 12],
    /// A line about the selected stage (its dates), under the total.
    pub note: &'a str,
    /// The legend under the rows.
    pub legend: &'a str,
    pub selected: Option<usize>,
    pub focused: bool,
    pub theme: &'a Theme,
}

/// The first day of the month of `d`.
fn month_start(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

/// The first day of the month after `d`.
fn next_month(d: NaiveDate) -> NaiveDate {
    let (y, m) = if d.month() == 12 {
        (d.year() + 1, 1)
    } else {
        (d.year(), d.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(d)
}

/// Maps dates to columns of a band `w` wide from `from` up to (not including) `to`.
struct Scale {
    from: NaiveDate,
    days: i64,
    w: i64,
}

impl Scale {
    fn x(&self, d: NaiveDate) -> i64 {
        ((d - self.from).num_days() * self.w / self.days.max(1)).clamp(0, self.w)
    }
}

impl Widget for Timeline<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height < 3 || area.width < 40 {
            return;
        }
        let t = self.theme;
        let w = usize::from(area.width);
        let dated = self.rows.iter().flat_map(|r| [r.starts, r.ends]).flatten();
        let (Some(first), Some(last)) = (dated.clone().min(), dated.max()) else {
            return;
        };
        let from = month_start(first);
        let to = next_month(last);
        let longest = self
            .rows
            .iter()
            .map(|r| width(&r.label))
            .max()
            .unwrap_or(20);
        let label_w = longest.min(w / 3).max(20);
        let count_w = widest(
            self.rows.iter().map(|r| &r.figure).chain([&self.total.1]),
            3,
        );
        let band_x = 3 + label_w + 1;
        let band_w = w.saturating_sub(band_x + 2 + count_w);
        let scale = Scale {
            from,
            days: (to - from).num_days(),
            w: band_w as i64,
        };
        let marker_x = (self.marker.0 >= from && self.marker.0 < to)
            .then(|| band_x + scale.x(self.marker.0) as usize);

        // Title, with the marker's label over its line.
        let focus = if self.focused { "▸" } else { " " };
        let title = format!("{focus} {} ", self.title);
        buf.set_line(
            area.x,
            area.y,
            &Line::from(Span::styled(title.clone(), t.heading())),
            area.width,
        );
        if let Some(mx) = marker_x {
            let label = format!("▼ {}", self.marker.1);
            let lw = width(&label);
            let x = mx.min(w.saturating_sub(lw)).max(width(&title));
            buf.set_string(area.x + x as u16, area.y, &label, t.heading());
        }
        // The axis: a tick at every month when a month has three columns or more, a heavy one at
        // January, and the years written after their ticks where they fit.
        let mut axis = vec![' '; w];
        let roomy = band_w as i64 >= 3 * ((to - from).num_days() / 30).max(1);
        let mut starts = Vec::new();
        let mut m = from;
        while m < to {
            starts.push((m, band_x + scale.x(m) as usize));
            m = next_month(m);
        }
        for (m, x) in &starts {
            if let Some(cell) = axis.get_mut(*x) {
                if m.month() == 1 {
                    *cell = '┃';
                } else if roomy {
                    *cell = '╷';
                }
            }
        }
        let mut free_from = 0;
        for (m, x) in &starts {
            if m.month() != 1 && *m != from {
                continue;
            }
            let at = x + 1;
            let label = m.year().to_string();
            let next_jan = starts
                .iter()
                .find(|(n, _)| n > m && n.month() == 1)
                .map_or(band_x + band_w, |(_, nx)| *nx);
            if at < free_from || at + label.len() >= next_jan.min(band_x + band_w + 1) {
                continue;
            }
            for (i, c) in label.chars().enumerate() {
                if let Some(cell) = axis.get_mut(at + i) {
                    *cell = c;
                }
            }
            free_from = at + label.len() + 1;
        }
        let axis_y = area.y + 1;
        buf.set_string(area.x, axis_y, axis.iter().collect::<String>(), t.dim());
        let mut top = 2;
        let per_month = band_w / starts.len().max(1);
        if per_month >= 2 && area.height > 16 {
            let mut names = vec![' '; w];
            for (i, (m, x)) in starts.iter().enumerate() {
                let next = starts.get(i + 1).map_or(band_x + band_w, |(_, nx)| *nx);
                let x = x + 1;
                let name = self.months[m.month0() as usize];
                // The short name where the month has room for it, else its initial.
                let letters = if next.saturating_sub(x) > 3 { 3 } else { 1 };
                for (i, c) in name.chars().take(letters).enumerate() {
                    if let Some(cell) = names.get_mut(x + i) {
                        *cell = c;
                    }
                }
            }
            buf.set_string(
                area.x,
                axis_y + 1,
                names.iter().collect::<String>(),
                t.dim(),
            );
            top = 3;
        }

        let bottom = area.y + area.height;
        // Rows twice as far apart when there is room (a projector seen from the back).
        let n = self.rows.len() as u16;
        let spacing = if area.height >= top + 2 * n + 3 { 2 } else { 1 };
        for (i, r) in self.rows.iter().enumerate() {
            let y = area.y + top + i as u16 * spacing;
            if y >= bottom {
                break;
            }
            let selected = self.focused && self.selected == Some(i);
            let style = if r.campaign { t.campaign() } else { t.normal() };
            let mut band: Vec<(char, ratatui::style::Style)> = vec![(' ', t.normal()); band_w];
            if let (Some(a), Some(b)) = (r.starts, r.ends) {
                let x0 = scale.x(a) as usize;
                let x1 = (scale.x(b.succ_opt().unwrap_or(b)) as usize).max(x0 + 1);
                let bar = if r.campaign { t.campaign() } else { t.bar() };
                for cell in band.iter_mut().take(x1.min(band_w)).skip(x0) {
                    *cell = ('█', bar);
                }
            }
            if let Some(mx) = marker_x
                && let Some(cell) = band.get_mut(mx - band_x)
            {
                *cell = ('┃', t.heading());
            }
            let mut spans = vec![
                Span::raw(if selected { "›" } else { " " }),
                Span::styled(if r.campaign { "◆ " } else { "  " }, t.campaign()),
                Span::styled(left(&r.label, label_w), style),
                Span::raw(" "),
            ];
            spans.extend(
                band.into_iter()
                    .map(|(c, s)| Span::styled(c.to_string(), s)),
            );
            spans.push(Span::raw("  "));
            spans.extend(r.figure.spans(count_w, t.normal(), t));
            buf.set_line(area.x, y, &Line::from(spans), area.width);
            if selected {
                buf.set_style(Rect::new(area.x, y, area.width, 1), t.selected());
            }
        }
        let y = area.y + top + n * spacing;
        if y < bottom {
            let mut spans = vec![Span::styled(
                format!("   {}", left(self.total.0, w.saturating_sub(3 + count_w))),
                t.total(),
            )];
            spans.extend(self.total.1.spans(count_w, t.total(), t));
            buf.set_line(area.x, y, &Line::from(spans), area.width);
        }
        if y + 1 < bottom && !self.note.is_empty() {
            buf.set_line(
                area.x,
                y + 1,
                &Line::from(Span::styled(format!(" › {}", self.note), t.normal())),
                area.width,
            );
        }
        let legend_y = y + 1 + u16::from(!self.note.is_empty());
        if legend_y < bottom {
            buf.set_line(
                area.x,
                legend_y,
                &Line::from(Span::styled(
                    format!("   {}", t.words(self.legend)),
                    t.dim(),
                )),
                area.width,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::widgets::text::buffer_row;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn stages_are_bands_over_the_months_with_the_date_as_a_line() {
        let rows = [
            TimelineRow {
                label: "Pencalonan".into(),
                starts: Some(d(2022, 12, 6)),
                ends: Some(d(2023, 11, 25)),
                figure: Figure::plain(9),
                campaign: false,
            },
            TimelineRow {
                label: "Masa kampanye".into(),
                starts: Some(d(2023, 11, 28)),
                ends: Some(d(2024, 2, 10)),
                figure: Figure::plain(22),
                campaign: true,
            },
        ];
        let t = Theme::new(false);
        let mut buf = Buffer::empty(Rect::new(0, 0, 80, 6));
        Timeline {
            title: "Jadwal",
            rows: &rows,
            total: ("Jumlah", Figure::plain(31)),
            marker: (d(2024, 2, 9), "09/02/2024"),
            months: ["J", "F", "M", "A", "M", "J", "J", "A", "S", "O", "N", "D"],
            note: "",
            legend: "◆ masa kampanye",
            selected: Some(1),
            focused: true,
            theme: &t,
        }
        .render(buf.area, &mut buf);
        let row = |y: u16| buffer_row(&buf, y);
        assert!(row(0).starts_with("▸ Jadwal") && row(0).contains("▼ 09/02/2024"));
        assert!(
            row(1).contains("2023") && row(1).contains("2024"),
            "{}",
            row(1)
        );
        assert!(row(2).starts_with("   Pencalonan") && row(2).trim_end().ends_with(" 9"));
        assert!(row(3).starts_with("›◆ Masa kampanye"), "{}", row(3));
        assert!(
            row(3).contains('┃'),
            "the date line crosses the campaign: {}",
            row(3)
        );
        let at = |y: u16| row(y).chars().position(|c| c == '█').unwrap();
        let (band_start, campaign_start) = (at(2), at(3));
        assert!(
            campaign_start > band_start,
            "later stages start further right"
        );
        assert!(row(4).starts_with("   Jumlah") && row(4).trim_end().ends_with("31"));
    }
}
