//! Kaltim's kab/kota drawn as a map shaded by count, inside the area the chart gives it.
//! Draws only: the outlines come from `domain`, the counts from the chart; it writes no file.

use std::collections::HashMap;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::FontStyle;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::chart::Chart;
use super::chart::{FAMILY, fonts};
use crate::domain::peta::{self, Outline};
use crate::i18n::{self, Lang, peta::Peta};

/// The shades, light to dark: ColorBrewer's single-hue "Blues", which readers with any common
/// colour-blindness, and a grey printer, still see in order.
const RAMP: [RGBColor; 5] = [
    RGBColor(0xef, 0xf3, 0xff),
    RGBColor(0xbd, 0xd7, 0xe7),
    RGBColor(0x6b, 0xae, 0xd6),
    RGBColor(0x31, 0x82, 0xbd),
    RGBColor(0x08, 0x51, 0x9c),
];
/// How many classes the counts fall in, at most: none, and four of equal width above it.
const CLASSES: usize = RAMP.len();
/// Borders, the coast, and the edge of the legend's swatches.
const BORDER: RGBColor = RGBColor(0x70, 0x70, 0x70);
/// The first of the shades dark enough for white letters.
const DARK: usize = 3;
/// Text on light shades and on the white around the map.
const INK: RGBColor = RGBColor(0x1a, 0x1a, 0x1a);
/// The credit for the outlines.
const FAINT: RGBColor = RGBColor(0x6e, 0x6e, 0x6e);

/// The cities too small to hold their own label: theirs stands in the sea off the coast, where a
/// line from the city leads to it. Positions as (longitude, latitude) of the label's left end.
const CALLOUTS: [(&str, f64, f64); 3] = [
    ("64.74", 117.95, 0.22),
    ("64.72", 117.95, -0.50),
    ("64.71", 117.30, -1.48),
];

/// Draws `chart`'s counts (one series, categories carrying region codes) as a shaded map in `area`.
/// Kab/kota the chart does not name count 0; codes outside Kaltim are ignored.
pub(super) fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &Chart,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (w, h) = area.dim_in_pixel();
    let map = Layout::new(peta::kaltim(), chart, w, h);
    let text = map.text_size;

    // Fills first, then every border over them in a thin grey that shows on every shade.
    let border = ShapeStyle::from(&BORDER).stroke_width(1);
    for r in &map.regions {
        for ring in &r.outline.polygons {
            let pts: Vec<(i32, i32)> = ring.iter().map(|&p| map.px(p)).collect();
            area.draw(&Polygon::new(pts, RAMP[r.shade].filled()))?;
        }
    }
    for r in &map.regions {
        for ring in &r.outline.polygons {
            let mut pts: Vec<(i32, i32)> = ring.iter().map(|&p| map.px(p)).collect();
            if let Some(&first) = pts.first() {
                pts.push(first);
            }
            area.draw(&PathElement::new(pts, border))?;
        }
    }

    // The small cities outlined in ink, to be seen beside a neighbour of the same shade.
    let city = ShapeStyle::from(&INK).stroke_width(map.line);
    for r in map.regions.iter().filter(|r| r.callout.is_some()) {
        for ring in &r.outline.polygons {
            let mut pts: Vec<(i32, i32)> = ring.iter().map(|&p| map.px(p)).collect();
            if let Some(&first) = pts.first() {
                pts.push(first);
            }
            area.draw(&PathElement::new(pts, city))?;
        }
    }

    // Labels: inside the region, or in the sea at the end of a line for the small cities.
    for r in &map.regions {
        match r.callout {
            Some(_) => {
                let from = map.px(r.label_point);
                let lead = ShapeStyle::from(&INK).stroke_width(map.line);
                area.draw(&PathElement::new(
                    vec![from, (r.at.0 - text / 4, r.at.1)],
                    lead,
                ))?;
                area.draw(&Circle::new(from, (text / 5).max(2), INK.filled()))?;
                let style = font(r.text, FontStyle::Bold, &INK, HPos::Left);
                area.draw(&Text::new(r.words.as_str(), r.at, style))?;
            }
            None => {
                let ink = if r.shade >= DARK { &WHITE } else { &INK };
                let style = font(r.text, FontStyle::Bold, ink, HPos::Center);
                area.draw(&Text::new(r.words.as_str(), r.at, style))?;
            }
        }
    }

    draw_legend(area, &map, chart)
}

/// The legend in the map's empty south-west corner: a heading, then a swatch and the range of
/// each class. The credit for the outlines in the empty south-east corner, over the sea.
fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    map: &Layout<'_>,
    chart: &Chart,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let lang = chart.lang;
    let text = map.text_size;
    let row = text * 3 / 2;
    let swatch = text * 6 / 5;
    let (x, bottom) = map.legend_corner;
    let rows = map.classes.len() as i32;
    // Heading and rows, upwards from the bottom.
    let last_row = bottom - swatch / 2;
    let first_row = last_row - (rows - 1) * row;
    let heading_y = first_row - row;
    let heading = chart
        .series
        .first()
        .map(|s| s.name.trim())
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .unwrap_or_else(|| Peta::Legend.text(lang));
    area.draw(&Text::new(
        heading,
        (x, heading_y),
        font(text, FontStyle::Bold, &INK, HPos::Left),
    ))?;
    for (i, &(from, to)) in map.classes.iter().enumerate() {
        let y = first_row + i as i32 * row;
        let shade = shade_of(i, map.classes.len());
        let corner = (x, y - swatch / 2);
        let far = (x + swatch * 2, y + swatch / 2);
        area.draw(&Rectangle::new([corner, far], RAMP[shade].filled()))?;
        area.draw(&Rectangle::new(
            [corner, far],
            ShapeStyle::from(&BORDER).stroke_width(1),
        ))?;
        let words = if to == 0 {
            Peta::Zero.text(lang)
        } else {
            Peta::Range {
                from: &i18n::number(lang, from),
                to: &i18n::number(lang, to),
            }
            .text(lang)
        };
        area.draw(&Text::new(
            words,
            (x + swatch * 2 + text / 2, y),
            font(text, FontStyle::Normal, &INK, HPos::Left),
        ))?;
    }
    area.draw(&Text::new(
        Peta::Credit.text(lang),
        map.credit_corner,
        font(
            // Small print, but still read on a phone: some 16 px in a 1080-wide picture.
            (text * 7 / 10).max(9),
            FontStyle::Normal,
            &FAINT,
            HPos::Right,
        ),
    ))?;
    Ok(())
}

fn font(size: i32, style: FontStyle, color: &'static RGBColor, h: HPos) -> TextStyle<'static> {
    TextStyle::from((FAMILY, f64::from(size), style).into_font())
        .color(color)
        .pos(Pos::new(h, VPos::Center))
}

/// The classes of `max`: `0` alone, then up to four ranges of equal width covering 1 to `max`,
/// the width rounded up to a round number once it reaches 10 (`1–400`, not `1–336`).
fn classes(max: i64) -> Vec<(i64, i64)> {
    let mut out = vec![(0, 0)];
    if max <= 0 {
        return out;
    }
    let mut width = (max + (CLASSES as i64 - 2)) / (CLASSES as i64 - 1);
    if width >= 10 {
        let unit = 10_i64.pow(width.ilog10());
        width = (width + unit - 1) / unit * unit;
    }
    let mut from = 1;
    while from <= max {
        let to = (from + width - 1).min(max);
        out.push((from, to));
        from = to + 1;
    }
    out
}

/// The shade of class `i` of `n`: the lightest for the first, the darkest for the last, spread
/// evenly between.
fn shade_of(i: usize, n: usize) -> usize {
    if n <= 1 {
        0
    } else {
        (i * (CLASSES - 1) + (n - 1) / 2) / (n - 1)
    }
}

/// One kab/kota, counted and placed.
struct Placed<'a> {
    outline: &'a Outline,
    count: i64,
    /// Index into [`RAMP`].
    shade: usize,
    label: String,
    label_point: (f64, f64),
    /// Where its label stands instead, for a city too small to hold it.
    callout: Option<(f64, f64)>,
    /// The label as written: the name and the count.
    words: String,
    /// The pixel the label is written at: its centre, or its left end for a callout.
    at: (i32, i32),
    /// The label's width and height in pixels.
    size: (i32, i32),
    /// The label's font size: the map's, or smaller for a label that would not fit otherwise.
    text: i32,
}

/// The map fitted to the area: where each region and its label go, the classes, the sizes.
struct Layout<'a> {
    regions: Vec<Placed<'a>>,
    classes: Vec<(i64, i64)>,
    /// Longitude is multiplied by this (the cosine of the middle latitude) before scaling.
    squeeze: f64,
    west: f64,
    north: f64,
    /// Pixels per degree.
    scale: f64,
    offset: (f64, f64),
    text_size: i32,
    line: u32,
    /// The legend's bottom-left corner.
    legend_corner: (i32, i32),
    /// The right end of the credit line.
    credit_corner: (i32, i32),
}

impl<'a> Layout<'a> {
    fn new(outlines: &'a [Outline], chart: &Chart, w: u32, h: u32) -> Layout<'a> {
        fonts();
        let mut counts: HashMap<&str, i64> = HashMap::new();
        let mut labels: HashMap<&str, &str> = HashMap::new();
        let values = chart
            .series
            .first()
            .map(|s| s.values.as_slice())
            .unwrap_or(&[]);
        for (i, c) in chart.categories.iter().enumerate() {
            let n = values.get(i).copied().unwrap_or(0).max(0);
            *counts.entry(c.code.as_str()).or_insert(0) += n;
            if !c.label.trim().is_empty() {
                labels.insert(c.code.as_str(), c.label.trim());
            }
        }
        let max = outlines
            .iter()
            .map(|o| counts.get(o.code.as_str()).copied().unwrap_or(0))
            .max()
            .unwrap_or(0);
        let classes = classes(max);
        let regions = outlines
            .iter()
            .map(|o| {
                let count = counts.get(o.code.as_str()).copied().unwrap_or(0);
                let class = classes
                    .iter()
                    .position(|&(from, to)| (from..=to).contains(&count))
                    .unwrap_or(0);
                Placed {
                    outline: o,
                    count,
                    shade: shade_of(class, classes.len()),
                    label: labels
                        .get(o.code.as_str())
                        .map_or_else(|| o.name.clone(), |l| (*l).to_string()),
                    label_point: peta::label_point(o),
                    callout: CALLOUTS
                        .iter()
                        .find(|c| c.0 == o.code)
                        .map(|&(_, lon, lat)| (lon, lat)),
                    words: String::new(),
                    at: (0, 0),
                    size: (0, 0),
                    text: 0,
                }
            })
            .collect();

        let (west, south, east, north) = peta::bounds(outlines);
        let squeeze = ((south + north) / 2.0).to_radians().cos();
        let (fw, fh) = (f64::from(w), f64::from(h));
        let pad = fw.min(fh) * 0.02;
        let span_x = ((east - west) * squeeze).max(1e-9);
        let span_y = (north - south).max(1e-9);
        let scale = ((fw - 2.0 * pad) / span_x).min((fh - 2.0 * pad) / span_y);
        let offset = ((fw - span_x * scale) / 2.0, (fh - span_y * scale) / 2.0);
        // About 23 px in a phone's 1080-wide picture, near the bars' labels, so a phone reads
        // the names without zooming; twice that for print. Labels that do not fit shrink alone.
        let text_size = ((fw.min(fh) / 38.0).round() as i32).clamp(11, 64);
        let line = if fw.min(fh) >= 700.0 { 2 } else { 1 };
        let mut map = Layout {
            regions,
            classes,
            squeeze,
            west,
            north,
            scale,
            offset,
            text_size,
            line,
            legend_corner: (0, 0),
            credit_corner: (0, 0),
        };
        // Kalimantan Tengah and Selatan's side of the box: nothing of Kaltim is drawn there.
        let corner = map.px((west, south));
        map.legend_corner = (corner.0.max(pad as i32), corner.1);
        // The Makassar Strait, off Paser: the south-east corner is sea.
        let corner = map.px((east, south));
        map.credit_corner = (
            corner.0.min((fw - pad) as i32),
            corner.1 - map.text_size / 3,
        );
        let lang = chart.lang;
        let mut regions = std::mem::take(&mut map.regions);
        for r in &mut regions {
            map.place_label(r, lang, w);
        }
        map.regions = regions;
        map
    }

    /// Words and place of a region's label. Inside the region it is centred on the label point,
    /// moved sideways to stay inside if it can; a label wider than the region there gives way
    /// to a slightly smaller size (four fifths), then to pantau's short name (`PPU` for `Penajam
    /// Paser Utara`) at sizes down to three quarters. A city's label stands in the sea, left-aligned, in the short name if the
    /// long one would leave the picture.
    fn place_label(&self, r: &mut Placed<'_>, lang: Lang, width: u32) {
        let count = i18n::number(lang, r.count);
        let long = format!("{} {count}", r.label);
        let short = format!("{} {count}", r.outline.name);
        let full = self.text_size;
        if let Some(end) = r.callout {
            let (x, y) = self.px(end);
            let right = i32::try_from(width).unwrap_or(i32::MAX) - full / 2;
            let size = self.measure(&long, full);
            let (words, size) = if x + size.0 <= right {
                (long, size)
            } else {
                let size = self.measure(&short, full);
                (short, size)
            };
            r.at = (x.min(right - size.0), y);
            (r.words, r.size, r.text) = (words, size, full);
            return;
        }
        let at = self.px(r.label_point);
        let span = self.span(r.outline, at);
        let room = |size: (i32, i32), text: i32| {
            span.is_some_and(|(left, right)| right - left - 2 * (text / 3) >= size.0)
        };
        let smallest = (full * 3 / 4).max(9);
        // The whole name a little smaller reads better than a short one: down to four fifths.
        let slightly = (full * 4 / 5).max(smallest);
        let tries = (slightly..=full)
            .rev()
            .map(|text| (long.as_str(), text))
            .chain((smallest..=full).rev().map(|text| (short.as_str(), text)));
        let mut chosen = None;
        for (words, text) in tries {
            let size = self.measure(words, text);
            if room(size, text) {
                chosen = Some((words, size, text));
                break;
            }
        }
        let fits = chosen.is_some();
        let (words, size, text) =
            chosen.unwrap_or_else(|| (short.as_str(), self.measure(&short, smallest), smallest));
        let x = match span {
            Some((left, right)) if fits => {
                let margin = text / 3;
                at.0.clamp(left + margin + size.0 / 2, right - margin - size.0 / 2)
            }
            _ => at.0,
        };
        r.at = (x, at.1);
        (r.words, r.size, r.text) = (words.to_string(), size, text);
    }

    /// The width and height of `words` in the labels' font at `text` pixels.
    fn measure(&self, words: &str, text: i32) -> (i32, i32) {
        let font = (FAMILY, f64::from(text), FontStyle::Bold).into_font();
        match font.box_size(words) {
            Ok((w, _)) => (i32::try_from(w).unwrap_or(i32::MAX), text),
            // Without the font nothing is written; a guess keeps the layout sane.
            Err(_) => (
                (words.chars().count() as f64 * f64::from(text) * 0.65) as i32,
                text,
            ),
        }
    }

    /// The stretch of the row of pixel `at` that lies inside the region's largest polygon around
    /// `at`, as (left, right).
    fn span(&self, outline: &Outline, at: (i32, i32)) -> Option<(i32, i32)> {
        let ring: Vec<(i32, i32)> = outline
            .polygons
            .first()?
            .iter()
            .map(|&p| self.px(p))
            .collect();
        let y = f64::from(at.1) + 0.5;
        let n = ring.len();
        let mut xs: Vec<f64> = (0..n)
            .filter_map(|i| {
                let (x1, y1) = (f64::from(ring[i].0), f64::from(ring[i].1));
                let (x2, y2) = (
                    f64::from(ring[(i + 1) % n].0),
                    f64::from(ring[(i + 1) % n].1),
                );
                ((y1 > y) != (y2 > y)).then(|| x1 + (y - y1) * (x2 - x1) / (y2 - y1))
            })
            .collect();
        xs.sort_by(f64::total_cmp);
        let x = f64::from(at.0);
        xs.chunks(2)
            .find(|pair| pair.len() == 2 && pair[0] <= x && x <= pair[1])
            .map(|pair| (pair[0].floor() as i32, pair[1].ceil() as i32))
    }

    /// The pixel of a (longitude, latitude).
    fn px(&self, (lon, lat): (f64, f64)) -> (i32, i32) {
        (
            (self.offset.0 + (lon - self.west) * self.squeeze * self.scale).round() as i32,
            (self.offset.1 + (self.north - lat) * self.scale).round() as i32,
        )
    }
}

#[cfg(test)]
#[path = "map_tests.rs"]
mod tests;
