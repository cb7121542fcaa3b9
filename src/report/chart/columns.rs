//! Vertical stacked bars, one column per category (the campaign's pekan 1…11) stacked by series,
//! a legend above in stack order and each column's total on top. Only for a few short labels:
//! when they do not fit under their columns, the chart draws horizontal bars instead.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::HPos;

use super::pen::{self, Face, Legend, Pen};
use super::spec::{Chart, FAMILY};
use crate::i18n::number;

/// The most columns a picture holds; more categories are drawn as horizontal bars.
const MOST_COLUMNS: usize = 16;
/// The height of the plot, at 1080 px.
const PLOT: f64 = 620.0;

/// The category's words under each column.
const CATEGORY: Face = Face {
    size: 28.0,
    ..pen::LABEL
};

/// The shared word under the categories' own.
const CAPTION: Face = Face {
    color: pen::MUTED,
    ..CATEGORY
};

/// Vertical stacked bars laid out.
pub(super) struct Columns {
    /// Each category's label, on one or two lines (without the word they all share).
    labels: Vec<Vec<String>>,
    /// The first word every label shares (`Pekan` of `Pekan 1`…`Pekan 11`), said once below.
    shared: Option<String>,
    totals: Vec<i64>,
    legend: Legend,
    /// The top of the value axis, leaving room for the tallest column's total.
    end: i64,
    /// The width of the value axis's numbers.
    ticks: f64,
}

impl Columns {
    /// The layout, or none when the labels would not fit under their columns.
    pub(super) fn new(chart: &Chart, pen: &Pen, room: f64) -> Option<Columns> {
        let n = chart.categories.len();
        if n == 0 || n > MOST_COLUMNS {
            return None;
        }
        let lang = chart.lang;
        let totals = chart.totals();
        let most = totals.iter().copied().max().unwrap_or(0).max(1);
        let plot = pen.px(PLOT);
        let headroom = pen.line(pen::COUNT) + pen.px(8.0);
        let end = ((most as f64) * plot / (plot - headroom)).ceil() as i64;
        let ticks = pen.width(&number(lang, end), pen::TICK) + pen.px(22.0);
        let slot = (room - ticks) / n as f64;
        let shared = shared_word(chart.categories.iter().map(|c| c.label.as_str()));
        let mut labels = Vec::with_capacity(n);
        for c in &chart.categories {
            let mut words = c.label.split_whitespace();
            if shared.is_some() {
                words.next();
            }
            let whole = words.collect::<Vec<_>>().join(" ");
            let lines = pen.wrap(&whole, CATEGORY, slot * 0.96, 2);
            if lines.join(" ") != whole {
                return None;
            }
            labels.push(lines);
        }
        let shared = shared.map(|w| pen.fit(&w, CAPTION, room));
        let names: Vec<&str> = chart.series.iter().map(|s| s.name.as_str()).collect();
        Some(Columns {
            labels,
            shared,
            totals,
            legend: Legend::new(pen, &names, room),
            end,
            ticks,
        })
    }

    fn label_height(&self, pen: &Pen) -> f64 {
        let lines = self.labels.iter().map(Vec::len).max().unwrap_or(1);
        let caption = self
            .shared
            .as_ref()
            .map_or(0.0, |_| pen.line(CAPTION) + pen.px(4.0));
        pen.px(16.0) + pen.line(CATEGORY) * lines as f64 + caption
    }

    /// The height the columns take, in pixels.
    pub(super) fn height(&self, pen: &Pen) -> f64 {
        self.legend.height(pen) + pen.px(28.0) + pen.px(PLOT) + self.label_height(pen)
    }

    /// Draws the columns with their top left corner at `(x, y)`, `room` pixels wide.
    pub(super) fn draw<DB: DrawingBackend>(
        &self,
        chart: &Chart,
        pen: &Pen,
        root: &DrawingArea<DB, Shift>,
        (x, y): (f64, f64),
        room: f64,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        let lang = chart.lang;
        self.legend.draw(pen, root, (x, y))?;
        let top = y + self.legend.height(pen) + pen.px(28.0);
        let n = self.labels.len();
        let under = self.label_height(pen);
        let area = root.clone().shrink(
            (x.round() as i32, top.round() as i32),
            (room.round() as u32, (pen.px(PLOT) + under).round() as u32),
        );
        let mut grid = ChartBuilder::on(&area)
            .x_label_area_size(under.round() as u32)
            .y_label_area_size(self.ticks.round() as u32)
            .build_cartesian_2d(0f64..n as f64, 0i64..self.end)?;
        let tick_font = FontDesc::new(
            FontFamily::Name(FAMILY),
            pen::TICK.size * pen.k,
            FontStyle::Normal,
        );
        let format = |v: &i64| number(lang, *v);
        let nothing = |_: &f64| String::new();
        grid.configure_mesh()
            .disable_x_mesh()
            .x_labels(n)
            .x_label_formatter(&nothing)
            .y_labels(6)
            .y_label_formatter(&format)
            .y_label_offset(pen.centre_fix(pen::TICK))
            .x_label_style(tick_font.clone().color(&pen::TICK.color))
            .y_label_style(tick_font.clone().color(&pen::TICK.color))
            .axis_desc_style(tick_font.color(&pen::TICK.color))
            .bold_line_style(pen::GRID.stroke_width(pen.px(2.0).max(1.0) as u32))
            .light_line_style(TRANSPARENT)
            .axis_style(pen::AXIS.stroke_width(pen.px(2.0).max(1.0) as u32))
            .set_tick_mark_size(LabelAreaPosition::Left, pen.px(8.0).round() as u32)
            .set_tick_mark_size(LabelAreaPosition::Bottom, 0)
            .draw()?;
        let at = |i: f64, v: i64| {
            let (px, py) = grid.backend_coord(&(i, v));
            (f64::from(px), f64::from(py))
        };
        let slot = at(1.0, 0).0 - at(0.0, 0).0;
        let width = slot * 0.68;
        let gap = pen.px(2.0).max(1.0);
        for (i, label) in self.labels.iter().enumerate() {
            let center = at(i as f64 + 0.5, 0).0;
            let (x0, x1) = (center - width / 2.0, center + width / 2.0);
            let mut sum = 0i64;
            for s in 0..chart.series.len() {
                let v = chart.value(s, i);
                if v == 0 {
                    continue;
                }
                let (bottom, up) = (at(0.0, sum).1, at(0.0, sum + v).1);
                sum += v;
                let fill = pen::series_color(s);
                let lower = if sum == self.totals[i] { up } else { up + gap };
                pen.rect(root, (x0, lower.min(bottom - 1.0)), (x1, bottom), fill)?;
                let text = number(lang, v);
                let face = Face {
                    color: pen::ink_on(fill),
                    ..pen::SEGMENT
                };
                let fits_across = pen.width(&text, face) + pen.px(8.0) <= width;
                let fits_up = pen.cap(face) + pen.px(10.0) <= bottom - up;
                if fits_across && fits_up {
                    let base = (bottom + up) / 2.0 + pen.half_cap(face);
                    pen.write(root, &text, (center, base), face, HPos::Center)?;
                }
            }
            let total = number(lang, self.totals[i]);
            let above = at(0.0, sum).1 - pen.px(12.0);
            pen.write(root, &total, (center, above), pen::COUNT, HPos::Center)?;
            let first = at(0.0, 0).1 + pen.px(16.0) + pen.cap(CATEGORY);
            for (l, line) in label.iter().enumerate() {
                let base = first + pen.line(CATEGORY) * l as f64;
                pen.write(root, line, (center, base), CATEGORY, HPos::Center)?;
            }
        }
        if let Some(word) = &self.shared {
            let lines = self.labels.iter().map(Vec::len).max().unwrap_or(1);
            let (left, right) = (at(0.0, 0).0, at(n as f64, 0).0);
            let base = at(0.0, 0).1
                + pen.px(16.0)
                + pen.cap(CATEGORY)
                + pen.line(CATEGORY) * (lines as f64 - 1.0)
                + pen.line(CAPTION)
                + pen.px(4.0);
            pen.write(
                root,
                word,
                ((left + right) / 2.0, base),
                CAPTION,
                HPos::Center,
            )?;
        }
        Ok(())
    }
}

/// The first word of every label when they all have more than one and it is the same
/// (`Pekan 1`…`Pekan 11`): written once under the columns rather than under each.
fn shared_word<'a>(labels: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut shared: Option<&str> = None;
    let mut count = 0;
    for label in labels {
        let mut words = label.split_whitespace();
        let first = words.next()?;
        words.next()?;
        if shared.is_some_and(|s| s != first) {
            return None;
        }
        shared = Some(first);
        count += 1;
    }
    shared.filter(|_| count > 1).map(str::to_string)
}
