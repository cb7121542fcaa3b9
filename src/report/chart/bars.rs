//! Horizontal bars, one per category with its label on the left and its count at the end, single
//! or stacked by series (then a legend above). Long lists keep their largest bars, in the order
//! given, and say how many were left out and what they count.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::HPos;

use super::pen::{self, Face, Legend, Pen};
use super::spec::Chart;
use crate::i18n::chart::Chart as Words;
use crate::i18n::number;

/// The most bars one picture shows: more would not be read, on a phone or on paper.
pub(super) const MOST_BARS: usize = 40;

/// The space under the bars for the axis's numbers, and the line saying what was left out.
const TICKS: f64 = 54.0;
const MORE: f64 = 70.0;

/// Horizontal bars laid out.
pub(super) struct Bars {
    /// The index in the chart of each category shown, in the chart's order.
    shown: Vec<usize>,
    /// Each shown category's label, on one or two lines.
    labels: Vec<Vec<String>>,
    /// Each shown category's total.
    totals: Vec<i64>,
    /// The width of the label column and the height of a row, in pixels.
    label_width: f64,
    row: f64,
    /// The series above stacked bars; none for a single series.
    legend: Option<Legend>,
    /// The line for the categories not shown.
    more: Option<String>,
}

impl Bars {
    pub(super) fn new(chart: &Chart, pen: &Pen, room: f64) -> Bars {
        let lang = chart.lang;
        let all = chart.totals();
        let shown = largest(&all, MOST_BARS);
        let more = (all.len() > shown.len()).then(|| {
            let hidden = all.len() - shown.len();
            let total = (0..all.len())
                .filter(|i| shown.binary_search(i).is_err())
                .fold(0i64, |a, i| a.saturating_add(all[i]));
            let hidden = number(lang, hidden as i64);
            let total = number(lang, total);
            Words::More {
                hidden: &hidden,
                total: &total,
            }
            .text(lang)
        });
        let longest = shown
            .iter()
            .map(|&i| pen.width(chart.categories[i].label.trim(), pen::LABEL))
            .fold(0.0, f64::max);
        let label_width = longest.min(room * 0.42);
        let labels: Vec<Vec<String>> = shown
            .iter()
            .map(|&i| pen.wrap(&chart.categories[i].label, pen::LABEL, label_width, 2))
            .collect();
        let two = labels.iter().any(|l| l.len() > 1);
        let legend = (chart.series.len() > 1).then(|| {
            let names: Vec<&str> = chart.series.iter().map(|s| s.name.as_str()).collect();
            Legend::new(pen, &names, room)
        });
        Bars {
            labels,
            totals: shown.iter().map(|&i| all[i]).collect(),
            shown,
            label_width,
            row: pen.px(if two { 88.0 } else { 60.0 }),
            legend,
            more: more.map(|m| pen.fit(&m, pen::NOTE, room)),
        }
    }

    /// The height of the legend and the space under it.
    fn legend_height(&self, pen: &Pen) -> f64 {
        self.legend
            .as_ref()
            .map_or(0.0, |l| l.height(pen) + pen.px(24.0))
    }

    /// The height the bars take, in pixels.
    pub(super) fn height(&self, pen: &Pen) -> f64 {
        self.legend_height(pen)
            + self.row * self.labels.len() as f64
            + pen.px(TICKS)
            + self.more.as_ref().map_or(0.0, |_| pen.px(MORE))
    }

    /// Draws the bars with their top left corner at `(x, y)`, `room` pixels wide.
    pub(super) fn draw<DB: DrawingBackend>(
        &self,
        chart: &Chart,
        pen: &Pen,
        root: &DrawingArea<DB, Shift>,
        (x, y): (f64, f64),
        room: f64,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        let lang = chart.lang;
        if let Some(legend) = &self.legend {
            legend.draw(pen, root, (x, y))?;
        }
        let top = y + self.legend_height(pen);
        let n = self.labels.len();
        let plot_left = x + self.label_width + pen.px(20.0);
        let plot_width = x + room - plot_left;
        let rows = self.row * n as f64;
        let ticks = pen.px(TICKS);

        // The axis reaches far enough that the longest bar's count fits after its end.
        let most = self.totals.iter().copied().max().unwrap_or(0).max(1);
        let count_width = self
            .totals
            .iter()
            .map(|t| pen.width(&number(lang, *t), pen::COUNT))
            .fold(0.0, f64::max);
        let usable = (plot_width - pen.px(16.0) - count_width - pen.px(8.0)).max(plot_width / 3.0);
        let end = ((most as f64) * plot_width / usable).ceil() as i64;

        let area = root.clone().shrink(
            (plot_left.round() as i32, top.round() as i32),
            (plot_width.round() as u32, (rows + ticks).round() as u32),
        );
        let mut grid = ChartBuilder::on(&area)
            .x_label_area_size(ticks.round() as u32)
            .build_cartesian_2d(0i64..end, 0f64..n as f64)?;
        let tick_font = FontDesc::new(
            FontFamily::Name(super::spec::FAMILY),
            pen::TICK.size * pen.k,
            FontStyle::Normal,
        );
        let format = |v: &i64| number(lang, *v);
        grid.configure_mesh()
            .disable_y_mesh()
            .y_labels(0)
            .x_labels(6)
            .x_label_formatter(&format)
            .x_label_style(tick_font.clone().color(&pen::TICK.color))
            .y_label_style(tick_font.clone().color(&pen::TICK.color))
            .axis_desc_style(tick_font.color(&pen::TICK.color))
            .bold_line_style(pen::GRID.stroke_width(pen.px(2.0).max(1.0) as u32))
            .light_line_style(TRANSPARENT)
            .axis_style(pen::AXIS.stroke_width(pen.px(2.0).max(1.0) as u32))
            .set_all_tick_mark_size(pen.px(8.0).round() as u32)
            .draw()?;
        let at = |v: i64| f64::from(grid.backend_coord(&(v, 0.0)).0);
        let zero = at(0);
        pen.rect(
            root,
            (zero - pen.px(1.0), top),
            (zero + pen.px(1.0), top + rows),
            pen::AXIS,
        )?;

        let bar = (self.row * 0.62).min(pen.px(42.0));
        let gap = pen.px(2.0).max(1.0);
        for (i, label) in self.labels.iter().enumerate() {
            let mid = top + self.row * (i as f64 + 0.5);
            pen.write_block(
                root,
                label,
                (plot_left - pen.px(20.0), mid),
                pen::LABEL,
                HPos::Right,
            )?;
            let (y0, y1) = (mid - bar / 2.0, mid + bar / 2.0);
            let at_chart = self.shown[i];
            let mut sum = 0i64;
            let last = (0..chart.series.len())
                .rev()
                .find(|&s| chart.value(s, at_chart) > 0)
                .unwrap_or(0);
            for s in 0..chart.series.len().max(1) {
                let v = chart.value(s, at_chart);
                if v == 0 {
                    continue;
                }
                let (a, b) = (at(sum), at(sum + v));
                sum += v;
                let fill = if self.legend.is_some() {
                    pen::series_color(s)
                } else {
                    pen::BAR
                };
                // A hairline of white between segments, so neighbours never merge.
                let right = if s == last { b } else { (b - gap).max(a + 1.0) };
                pen.rect(root, (a + 1.0, y0), (right, y1), fill)?;
                if self.legend.is_some() {
                    let text = number(lang, v);
                    let face = Face {
                        color: pen::ink_on(fill),
                        ..pen::SEGMENT
                    };
                    if pen.width(&text, face) + pen.px(12.0) <= b - a {
                        let center = ((a + b) / 2.0, mid + pen.half_cap(face));
                        pen.write(root, &text, center, face, HPos::Center)?;
                    }
                }
            }
            let end = (at(sum) + pen.px(12.0), mid + pen.half_cap(pen::COUNT));
            pen.write(
                root,
                &number(lang, self.totals[i]),
                end,
                pen::COUNT,
                HPos::Left,
            )?;
        }
        if let Some(more) = &self.more {
            let base = top + rows + ticks + pen.px(MORE) * 0.6 + pen.half_cap(pen::NOTE);
            pen.write(root, more, (x, base), pen::NOTE, HPos::Left)?;
        }
        Ok(())
    }
}

/// The indices of the `most` largest of `totals` (the earlier first among equals), in their
/// own order: a long list keeps what weighs most, wherever it stands (the recent weeks, the
/// provinces with cases), and reads in the order it was given.
fn largest(totals: &[i64], most: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..totals.len()).collect();
    order.sort_by(|&a, &b| totals[b].cmp(&totals[a]).then(a.cmp(&b)));
    order.truncate(most);
    order.sort_unstable();
    order
}
