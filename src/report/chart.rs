//! The chart a person would draw from a report (bars by region or stage, the campaign's pekan as
//! stacked bars by type, Kaltim's map shaded by count), as PNG or SVG, in an embedded font.
//! Draws what it is given: it reads no database and writes no file (callers write the bytes).

mod bars;
mod columns;
mod pen;
mod spec;
#[cfg(test)]
mod tests;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::HPos;

use crate::error::{Error, Result};
use crate::i18n::chart::Chart as Words;
use crate::i18n::{Lang, number};

use bars::Bars;
use columns::Columns;
use pen::{Face, Pen, Target};
pub use spec::{Category, Chart, Kind, Series};
/// The font of every picture, for the map to write its labels in the same letters.
pub(super) use spec::{FAMILY, fonts};

/// The width of a picture for a phone's screen (and the width every size is given for).
pub const WIDTH: u32 = 1080;
/// The narrowest and widest pictures drawn: half a phone's width, and three times it for print.
const LEAST: u32 = 540;
const MOST: u32 = 3 * WIDTH;

/// The side margins, the space above the title and below the source line, at 1080 px.
const MARGIN: f64 = 56.0;
const TOP: f64 = 46.0;
const BOTTOM: f64 = 34.0;
/// No picture is flatter than this (at 1080 px): a one-bar chart still reads as a picture.
const LEAST_HEIGHT: f64 = 560.0;

/// The chart as a PNG `width` pixels wide (`WIDTH` for a phone, twice that for print: the same
/// picture, sharper). Its height follows what it shows.
pub fn png(chart: &Chart, width: u32) -> Result<Vec<u8>> {
    if !(LEAST..=MOST).contains(&width) {
        let m = Words::Width {
            width,
            least: LEAST,
            most: MOST,
        };
        return Err(Error::failed(m.text(Lang::Id), m.text(Lang::En)));
    }
    let pen = Pen::new(width, Target::Bitmap);
    let plan = Plan::new(chart, &pen, width)?;
    let height = plan.height;
    let mut pixels = vec![255u8; width as usize * height as usize * 3];
    {
        let root = BitMapBackend::with_buffer(&mut pixels, (width, height)).into_drawing_area();
        plan.draw(chart, &pen, &root).map_err(not_drawn)?;
        root.present().map_err(not_drawn)?;
    }
    let mut out = Vec::new();
    let mut encoder = ::png::Encoder::new(&mut out, width, height);
    encoder.set_color(::png::ColorType::Rgb);
    encoder.set_depth(::png::BitDepth::Eight);
    let mut writer = encoder.write_header().map_err(not_drawn)?;
    writer.write_image_data(&pixels).map_err(not_drawn)?;
    writer.finish().map_err(not_drawn)?;
    Ok(out)
}

/// The same picture as an SVG document, `WIDTH` pixels wide. Its texts name the family
/// `DejaVu Sans, sans-serif`: a viewer without DejaVu Sans shows its own sans-serif.
pub fn svg(chart: &Chart) -> Result<String> {
    let pen = Pen::new(WIDTH, Target::Svg);
    let plan = Plan::new(chart, &pen, WIDTH)?;
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (WIDTH, plan.height)).into_drawing_area();
        plan.draw(chart, &pen, &root).map_err(not_drawn)?;
        root.present().map_err(not_drawn)?;
    }
    Ok(out)
}

/// The refusal for a picture that could not be drawn or encoded.
fn not_drawn(error: impl std::fmt::Display) -> Error {
    let m = Words::NotDrawn { error: &error };
    Error::failed(m.text(Lang::Id), m.text(Lang::En))
}

/// The refusal when the embedded font cannot be read: each language names the font in its own.
fn no_font() -> Error {
    let text = |lang| {
        let error = Words::Font.text(lang);
        Words::NotDrawn { error: &error }.text(lang)
    };
    Error::failed(text(Lang::Id), text(Lang::En))
}

/// What sits between the title block and the source line.
enum Body {
    /// Not a single case: a panel saying so, its words wrapped.
    Empty(Vec<String>),
    /// Horizontal bars, single or stacked.
    Bars(Bars),
    /// Vertical stacked bars (the campaign's pekan).
    Columns(Columns),
    /// Kaltim's map, drawn by `map`.
    Map,
}

/// A picture laid out: every line of text placed and the height known before drawing.
struct Plan {
    /// The title block's lines with their face and baseline.
    head: Vec<(String, Face, f64)>,
    body: Body,
    /// Where the body starts and how tall it is.
    body_top: f64,
    body_height: f64,
    /// The source line(s) with their baselines, and the rule above them.
    foot: Vec<(String, f64)>,
    rule: f64,
    left: f64,
    room: f64,
    width: f64,
    height: u32,
}

impl Plan {
    fn new(chart: &Chart, pen: &Pen, width: u32) -> Result<Plan> {
        if !fonts() {
            return Err(no_font());
        }
        let lang = chart.lang;
        let width = f64::from(width);
        let left = pen.px(MARGIN);
        let room = width - 2.0 * left;
        let mut head = Vec::new();
        let mut y = pen.px(TOP);
        let mut put = |text: String, face: Face, gap: f64| {
            y += gap + pen.cap(face);
            head.push((text, face, y));
            y += face.size * pen.k * pen::DESCENT;
        };
        // The space between one line's descenders and the next line's capitals.
        let between =
            |face: Face, leading: f64| face.size * pen.k * (leading - pen::CAP - pen::DESCENT);
        let title = pen.wrap(&chart.title, pen::TITLE, room, 3);
        for (i, line) in title.into_iter().enumerate() {
            // Tighter than text: a heading's lines belong together.
            put(
                line,
                pen::TITLE,
                if i == 0 {
                    0.0
                } else {
                    between(pen::TITLE, 1.12)
                },
            );
        }
        let mut gap = pen.px(16.0);
        for sub in &chart.subtitle {
            for line in pen.wrap_all(sub, pen::SUBTITLE, room) {
                put(line, pen::SUBTITLE, gap);
                gap = between(pen::SUBTITLE, pen::LEADING);
            }
        }
        let empty = chart.is_empty();
        if !empty {
            let total = chart.totals().into_iter().fold(0i64, i64::saturating_add);
            let total = number(lang, total);
            let line = pen.fit(&Words::Total { total: &total }.text(lang), pen::TOTAL, room);
            put(line, pen::TOTAL, gap.max(pen.px(10.0)));
        }
        let body_top = y + pen.px(52.0);
        let body = if empty {
            Body::Empty(pen.wrap(&Words::Empty.text(lang), pen::EMPTY, room * 0.85, 2))
        } else {
            match chart.kind {
                Kind::Map => Body::Map,
                Kind::Bars if chart.series.len() <= 1 => Body::Bars(Bars::new(chart, pen, room)),
                Kind::Bars | Kind::Stacked => match Columns::new(chart, pen, room) {
                    Some(columns) => Body::Columns(columns),
                    None => Body::Bars(Bars::new(chart, pen, room)),
                },
            }
        };
        let mut body_height = match &body {
            Body::Empty(_) => pen.px(300.0),
            Body::Bars(bars) => bars.height(pen),
            Body::Columns(columns) => columns.height(pen),
            Body::Map => room * 0.92,
        };
        let source = pen.wrap_all(&chart.source, pen::SOURCE, room);
        let foot_height =
            pen.px(30.0) + pen.line(pen::SOURCE) * source.len() as f64 + pen.px(BOTTOM);
        let least = pen.px(LEAST_HEIGHT);
        let natural = body_top + body_height + foot_height;
        if natural < least {
            body_height += least - natural;
        }
        let rule = body_top + body_height + pen.px(28.0);
        let mut foot = Vec::new();
        let mut y = rule + pen.px(26.0);
        for line in source {
            y += pen.cap(pen::SOURCE);
            foot.push((line, y));
            y += pen.line(pen::SOURCE) - pen.cap(pen::SOURCE);
        }
        let height = (y + pen.px(BOTTOM)).ceil() as u32;
        Ok(Plan {
            head,
            body,
            body_top,
            body_height,
            foot,
            rule,
            left,
            room,
            width,
            height,
        })
    }

    fn draw<DB: DrawingBackend>(
        &self,
        chart: &Chart,
        pen: &Pen,
        root: &DrawingArea<DB, Shift>,
    ) -> std::result::Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        root.fill(&WHITE)?;
        for (text, face, y) in &self.head {
            pen.write(root, text, (self.left, *y), *face, HPos::Left)?;
        }
        let line = |y: f64| {
            pen.rect(
                root,
                (self.left, y),
                (self.width - self.left, y + pen.px(2.0).max(1.0)),
                pen::GRID,
            )
        };
        line(self.body_top - pen.px(28.0))?;
        let top = self.body_top;
        match &self.body {
            Body::Empty(lines) => {
                let bottom = top + pen.px(300.0);
                pen.rect(
                    root,
                    (self.left, top),
                    (self.left + self.room, bottom),
                    pen::PANEL,
                )?;
                let mid = (self.left + self.room / 2.0, (top + bottom) / 2.0);
                pen.write_block(root, lines, mid, pen::EMPTY, HPos::Center)?;
            }
            Body::Bars(bars) => bars.draw(chart, pen, root, (self.left, top), self.room)?,
            Body::Columns(columns) => {
                columns.draw(chart, pen, root, (self.left, top), self.room)?
            }
            Body::Map => {
                let area = root.clone().shrink(
                    (self.left.round() as i32, top.round() as i32),
                    (self.room.round() as u32, self.body_height.round() as u32),
                );
                super::map::draw(&area, chart)?;
            }
        }
        line(self.rule)?;
        for (text, y) in &self.foot {
            pen.write(root, text, (self.left, *y), pen::SOURCE, HPos::Left)?;
        }
        Ok(())
    }
}
