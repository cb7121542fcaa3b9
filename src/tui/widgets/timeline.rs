//! The election calendar as bands over the months, the as-of date as a line, each stage's count at
//! the end of its row, the campaign marked ◆. Render-only; rows, dates and cursor are given.

use chrono::{Datelike, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::tui::theme::Theme;
use crate::tui::widgets::figure::{Figure, widest};
use crate::tui::widgets::text::{fit, left, width};

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

impl Timeline<'_> {
    /// Rows a timeline of `stages` rows takes in an area `height` rows tall: its title, axis and
    /// month names, the rows (twice as far apart when there is room), the total, note and legend.
    pub fn height(stages: usize, height: u16) -> u16 {
        let n = stages as u16;
        let top = if height >= n + 6 { 3 } else { 2 };
        let spacing = if height >= top + 2 * n + 3 { 2 } else { 1 };
        (top + n * spacing + 3).min(height)
    }
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

/// The cells of the band from `a` to `b` (both included): at least one, however short the stage,
/// and on the right side of the date's line (`marker`: its date and cell) when the stage lies wholly
/// before or after that date, so that no stage hides under the line or crosses it by rounding.
fn band_cells(
    scale: &Scale,
    a: NaiveDate,
    b: NaiveDate,
    marker: Option<(NaiveDate, usize)>,
) -> std::ops::Range<usize> {
    let w = scale.w.max(1) as usize;
    let mut x0 = scale.x(a) as usize;
    let mut x1 = scale.x(b.succ_opt().unwrap_or(b)) as usize;
    if let Some((date, mx)) = marker {
        if b < date && x1 > mx {
            // Wholly before the date: left of its line.
            x1 = mx;
            x0 = x0.min(mx.saturating_sub(1));
        } else if a > date && x0 <= mx && mx + 1 < w {
            // Wholly after the date: right of its line.
            x0 = mx + 1;
        }
    }
    let x0 = x0.min(w - 1);
    x0..x1.clamp(x0 + 1, w)
}

/// The month names under the axis and where they go: three letters each, for every month when
/// there is room, else for every second, third or sixth (counted from January), so that names
/// never touch; `None` when not even that fits. `starts` are the months and their columns, `end`
/// the column after the band (a name that would pass it is left out).
fn month_labels<'m>(
    starts: &[(NaiveDate, usize)],
    end: usize,
    months: &[&'m str; 12],
) -> Option<Vec<(usize, &'m str)>> {
    let letters = months.iter().map(|m| width(m)).max().unwrap_or(3).max(1);
    [1, 2, 3, 6].into_iter().find_map(|step| {
        let picked: Vec<(usize, &str)> = starts
            .iter()
            .filter(|(m, _)| m.month0() % step == 0)
            .map(|(m, x)| (x + 1, months[m.month0() as usize]))
            .filter(|(x, _)| x + letters <= end)
            .collect();
        let apart = picked.windows(2).all(|p| p[0].0 + letters < p[1].0);
        (apart && picked.len() >= 2).then_some(picked)
    })
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
        let band_w = w.saturating_sub(band_x + 2 + count_w.total());
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
        let n = self.rows.len() as u16;
        if area.height >= n + 6
            && let Some(labels) = month_labels(&starts, band_x + band_w, &self.months)
        {
            let mut names = vec![' '; w];
            for (x, name) in labels {
                for (i, c) in name.chars().enumerate() {
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
        let spacing = if area.height >= top + 2 * n + 3 { 2 } else { 1 };
        for (i, r) in self.rows.iter().enumerate() {
            let y = area.y + top + i as u16 * spacing;
            if y >= bottom {
                break;
            }
            let selected = self.focused && self.selected == Some(i);
            let style = if r.campaign { t.campaign() } else { t.normal() };
            let mut band: Vec<(char, ratatui::style::Style)> = vec![(' ', t.normal()); band_w];
            let marker = marker_x.map(|mx| (self.marker.0, mx - band_x));
            let cells = match (r.starts, r.ends) {
                (Some(a), Some(b)) => band_cells(&scale, a, b, marker),
                _ => 0..0,
            };
            let bar = if r.campaign { t.campaign() } else { t.bar() };
            for cell in band.iter_mut().take(cells.end).skip(cells.start) {
                *cell = ('█', bar);
            }
            // The date's line crosses every row, except the one cell of a stage it would hide.
            if let Some((_, mx)) = marker
                && !(cells.len() == 1 && cells.start == mx)
                && let Some(cell) = band.get_mut(mx)
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
                format!(
                    "   {}",
                    left(self.total.0, w.saturating_sub(3 + count_w.total()))
                ),
                t.total(),
            )];
            spans.extend(self.total.1.spans(count_w, t.total(), t));
            buf.set_line(area.x, y, &Line::from(spans), area.width);
        }
        if y + 1 < bottom && !self.note.is_empty() {
            buf.set_line(
                area.x,
                y + 1,
                &Line::from(Span::styled(
                    fit(&format!(" › {}", self.note), w),
                    t.normal(),
                )),
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
    use crate::i18n::Lang;
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
                figure: Figure::plain(Lang::En, 9),
                campaign: false,
            },
            TimelineRow {
                label: "Masa kampanye".into(),
                starts: Some(d(2023, 11, 28)),
                ends: Some(d(2024, 2, 10)),
                figure: Figure::plain(Lang::En, 22),
                campaign: true,
            },
        ];
        let t = Theme::new(false);
        let mut buf = Buffer::empty(Rect::new(0, 0, 80, 6));
        Timeline {
            title: "Jadwal",
            rows: &rows,
            total: ("Jumlah", Figure::plain(Lang::En, 31)),
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

    /// The stages of the reference, labelled `S00`, `S01`… so that a row can be found.
    fn reference_rows() -> Vec<TimelineRow> {
        crate::domain::Reference::embedded()
            .stages
            .iter()
            .enumerate()
            .map(|(i, s)| TimelineRow {
                label: format!("S{i:02}"),
                starts: s.starts_on,
                ends: s.ends_on,
                figure: Figure::plain(Lang::En, i as i64),
                campaign: s.code == crate::domain::CAMPAIGN,
            })
            .collect()
    }

    fn draw(rows: &[TimelineRow], w: u16, as_of: NaiveDate, months: [&str; 12]) -> Buffer {
        let t = Theme::new(false);
        let mut buf = Buffer::empty(Rect::new(0, 0, w, 30));
        Timeline {
            title: "Jadwal",
            rows,
            total: ("Jumlah", Figure::plain(Lang::En, 31)),
            marker: (as_of, "as of"),
            months,
            note: "",
            legend: "◆",
            selected: None,
            focused: false,
            theme: &t,
        }
        .render(buf.area, &mut buf);
        buf
    }

    fn month_names(lang: crate::i18n::Lang) -> [&'static str; 12] {
        let names: Vec<&str> = crate::i18n::tr(lang, crate::i18n::Msg::TuiMonths)
            .split(' ')
            .collect();
        std::array::from_fn(|i| names.get(i).copied().unwrap_or(""))
    }

    #[test]
    fn every_stage_has_a_cell_at_every_width_and_date() {
        let rows = reference_rows();
        let months = month_names(crate::i18n::Lang::En);
        // Before, on and after the short stages (quiet period, voting day), and at both ends.
        let dates = [
            d(2022, 6, 14),
            d(2024, 2, 2),
            d(2024, 2, 12),
            d(2024, 2, 14),
            d(2024, 3, 1),
            d(2024, 10, 20),
        ];
        for as_of in dates {
            for w in 60..=250 {
                let buf = draw(&rows, w, as_of, months);
                for (i, r) in rows.iter().enumerate() {
                    if r.starts.is_none() {
                        continue;
                    }
                    let label = format!("S{i:02}");
                    let row = (0..buf.area.height)
                        .map(|y| buffer_row(&buf, y))
                        .find(|row| row.chars().skip(3).take(3).collect::<String>() == label)
                        .unwrap_or_default();
                    assert!(
                        row.contains('█'),
                        "stage {label} has no cell at width {w} as of {as_of}:\n{row}"
                    );
                }
            }
        }
    }

    #[test]
    fn month_names_keep_one_style_per_width_and_never_touch() {
        let rows = reference_rows();
        for lang in [crate::i18n::Lang::Id, crate::i18n::Lang::En] {
            let months = month_names(lang);
            for w in 60..=250 {
                let buf = draw(&rows, w, d(2024, 2, 2), months);
                let line = buffer_row(&buf, 2);
                let names: Vec<&str> = line.split_whitespace().collect();
                assert!(names.len() >= 2, "month names at width {w}: {line}");
                let index: Vec<usize> = names
                    .iter()
                    .map(|n| {
                        months
                            .iter()
                            .position(|m| m == n)
                            .unwrap_or_else(|| panic!("{n:?} is not a month name: {line}"))
                    })
                    .collect();
                let steps: Vec<usize> = index.windows(2).map(|p| (p[1] + 12 - p[0]) % 12).collect();
                assert!(
                    steps.windows(2).all(|s| s[0] == s[1]),
                    "one step between names at width {w}: {line}"
                );
                assert!(
                    names.iter().all(|n| n.chars().count() == 3),
                    "one style (three letters) at width {w}: {line}"
                );
            }
        }
    }
}
