//! How a chart writes: the sizes, colours and faces of its texts scaled to the picture's width,
//! measuring, wrapping and shortening text so it never runs off, and placing it on a baseline.
//! Knows no chart kind: it lays out words and swatches it is handed.

use ab_glyph::{Font, ScaleFont};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::spec::{FAMILY, face as font_face};

/// The width every size below is given for; a wider picture scales them all.
pub(super) const BASE: f64 = 1080.0;

/// A kind of text: its size at 1080 px wide, its weight and its colour.
#[derive(Clone, Copy)]
pub(super) struct Face {
    pub size: f64,
    pub bold: bool,
    pub color: RGBColor,
}

pub(super) const INK: RGBColor = RGBColor(0x1a, 0x1a, 0x1a);
pub(super) const MUTED: RGBColor = RGBColor(0x4d, 0x4d, 0x4d);
pub(super) const GRID: RGBColor = RGBColor(0xe2, 0xe2, 0xe2);
pub(super) const AXIS: RGBColor = RGBColor(0x80, 0x80, 0x80);
pub(super) const PANEL: RGBColor = RGBColor(0xf3, 0xf3, 0xf3);

pub(super) const TITLE: Face = Face {
    size: 54.0,
    bold: true,
    color: INK,
};
pub(super) const SUBTITLE: Face = Face {
    size: 33.0,
    bold: false,
    color: MUTED,
};
pub(super) const TOTAL: Face = Face {
    size: 33.0,
    bold: true,
    color: INK,
};
pub(super) const LABEL: Face = Face {
    size: 32.0,
    bold: false,
    color: INK,
};
pub(super) const COUNT: Face = Face {
    size: 32.0,
    bold: true,
    color: INK,
};
pub(super) const TICK: Face = Face {
    size: 27.0,
    bold: false,
    color: MUTED,
};
pub(super) const LEGEND: Face = Face {
    size: 31.0,
    bold: false,
    color: INK,
};
pub(super) const SEGMENT: Face = Face {
    size: 26.0,
    bold: true,
    color: INK,
};
pub(super) const SOURCE: Face = Face {
    size: 27.0,
    bold: false,
    color: MUTED,
};
pub(super) const NOTE: Face = Face {
    size: 30.0,
    bold: false,
    color: MUTED,
};
pub(super) const EMPTY: Face = Face {
    size: 40.0,
    bold: true,
    color: MUTED,
};

/// Colours of stacked series, in stack order: Okabe and Ito's palette, told apart by readers
/// with any common colour blindness, but for its pale yellow, which all but vanishes on white
/// (a "Belum ditentukan" segment went unseen): Paul Tol's olive stands in its place, as far
/// from the orange and the green. The black comes last: it hides the count written on it.
pub(super) const PALETTE: [RGBColor; 8] = [
    RGBColor(0x00, 0x72, 0xb2),
    RGBColor(0xe6, 0x9f, 0x00),
    RGBColor(0x00, 0x9e, 0x73),
    RGBColor(0xcc, 0x79, 0xa7),
    RGBColor(0x56, 0xb4, 0xe9),
    RGBColor(0xd5, 0x5e, 0x00),
    RGBColor(0x99, 0x99, 0x33),
    RGBColor(0x00, 0x00, 0x00),
];

/// The colour of the bars of a single series.
pub(super) const BAR: RGBColor = PALETTE[0];

/// The colour of series `i` (the palette repeats past eight series).
pub(super) fn series_color(i: usize) -> RGBColor {
    PALETTE[i % PALETTE.len()]
}

/// Text written on `fill`: white on a dark fill, ink on a light one.
pub(super) fn ink_on(fill: RGBColor) -> RGBColor {
    let RGBColor(r, g, b) = fill;
    let light = 0.299 * f64::from(r) + 0.587 * f64::from(g) + 0.114 * f64::from(b);
    if light > 128.0 { INK } else { WHITE }
}

/// Where plotters puts a text's baseline below the point given for its top, as a share of the
/// font size: the bitmap and the SVG place it differently, and the chart wants one picture.
#[derive(Clone, Copy)]
pub(super) enum Target {
    Bitmap,
    Svg,
}

/// The writer of one picture: every length is given at 1080 px and scaled here.
pub(super) struct Pen {
    /// Pixels per pixel of the 1080-wide picture.
    pub k: f64,
    baseline: f64,
    target: Target,
}

/// The height of a capital letter of DejaVu Sans, as a share of the size plotters is given, and
/// the depth below the baseline a line keeps for descenders.
pub(super) const CAP: f64 = 0.626;
pub(super) const DESCENT: f64 = 0.28;
/// The space from one line's baseline to the next, as a share of the size.
pub(super) const LEADING: f64 = 1.22;

impl Pen {
    pub(super) fn new(width: u32, target: Target) -> Pen {
        Pen {
            k: f64::from(width) / BASE,
            baseline: match target {
                Target::Bitmap => 0.5,
                Target::Svg => 0.76 / 1.24,
            },
            target,
        }
    }

    /// `base` pixels of the 1080-wide picture in this one.
    pub(super) fn px(&self, base: f64) -> f64 {
        base * self.k
    }

    fn font(&self, face: Face) -> FontDesc<'static> {
        let style = if face.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        FontDesc::new(FontFamily::Name(FAMILY), face.size * self.k, style)
    }

    /// Where each character of `text` starts (its pen position, kerning included) and the
    /// width of the whole, in pixels: what plotters measures, in fractions of a pixel.
    fn advances(&self, text: &str, face: Face) -> (Vec<(char, f64, f64)>, f64) {
        let Some(font) = font_face(face.bold) else {
            // Without the font nothing is drawn anyway; a generous guess keeps the layout sane.
            return (
                Vec::new(),
                text.chars().count() as f64 * face.size * self.k * 0.65,
            );
        };
        let font = font.as_scaled((face.size * self.k) as f32);
        let mut x = 0.0f32;
        let mut prev = None;
        let mut out = Vec::with_capacity(text.len());
        for c in text.chars() {
            let id = font.glyph_id(c);
            if let Some(p) = prev {
                x += font.kern(p, id);
            }
            // The left edge of the glyph's ink, as ab_glyph rasterises it at the origin.
            let ink = font
                .outline_glyph(id.with_scale(font.scale()))
                .map_or(0.0, |o| o.px_bounds().min.x);
            out.push((c, f64::from(x), f64::from(ink)));
            x += font.h_advance(id);
            prev = Some(id);
        }
        (out, f64::from(x))
    }

    /// The width `text` takes in `face`, in pixels.
    pub(super) fn width(&self, text: &str, face: Face) -> f64 {
        self.advances(text, face).1
    }

    /// The space between two lines of `face`, in pixels.
    pub(super) fn line(&self, face: Face) -> f64 {
        face.size * self.k * LEADING
    }

    /// Half a capital's height in `face`: a baseline this far below a centre line centres the text.
    pub(super) fn half_cap(&self, face: Face) -> f64 {
        face.size * self.k * CAP / 2.0
    }

    /// How far down plotters' own labels centred on a height (the value axis's numbers) must move
    /// to look centred: the bitmap sets them a fifth of their size too high, the SVG a little.
    pub(super) fn centre_fix(&self, face: Face) -> i32 {
        let share = match self.target {
            Target::Bitmap => 0.216,
            Target::Svg => 0.074,
        };
        (share * face.size * self.k).round() as i32
    }

    /// The capital height of `face`, in pixels.
    pub(super) fn cap(&self, face: Face) -> f64 {
        face.size * self.k * CAP
    }

    /// `text` shortened with "…" to fit `room` pixels (whole, if it fits).
    pub(super) fn fit(&self, text: &str, face: Face, room: f64) -> String {
        let text = text.trim();
        if self.width(text, face) <= room {
            return text.to_string();
        }
        let chars: Vec<char> = text.chars().collect();
        // The longest prefix that fits with the ellipsis; widths grow with length.
        let (mut lo, mut hi) = (0usize, chars.len());
        while lo < hi {
            let mid = (lo + hi).div_ceil(2);
            let head: String = chars[..mid].iter().collect();
            if self.width(&format!("{}…", head.trim_end()), face) <= room {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        let head: String = chars[..lo].iter().collect();
        format!("{}…", head.trim_end())
    }

    /// `text` broken into at most `lines` lines of `room` pixels at word breaks; what does not fit
    /// in the last line is cut with "…", as is a word longer than a line.
    pub(super) fn wrap(&self, text: &str, face: Face, room: f64, lines: usize) -> Vec<String> {
        let words: Vec<&str> = text.split_whitespace().collect();
        let mut out: Vec<String> = Vec::new();
        let mut current = String::new();
        for (i, word) in words.iter().enumerate() {
            let tried = if current.is_empty() {
                (*word).to_string()
            } else {
                format!("{current} {word}")
            };
            if self.width(&tried, face) <= room {
                current = tried;
                continue;
            }
            if !current.is_empty() {
                if out.len() + 1 == lines {
                    // The last line: it takes the rest, shortened.
                    out.push(self.fit(&format!("{current} {}", words[i..].join(" ")), face, room));
                    return out;
                }
                out.push(std::mem::take(&mut current));
            }
            if out.len() + 1 == lines {
                out.push(self.fit(&words[i..].join(" "), face, room));
                return out;
            }
            current = self.fit(word, face, room);
        }
        if !current.is_empty() || out.is_empty() {
            out.push(current);
        }
        out
    }

    /// `text` broken into as many lines of `room` pixels as it needs, never cut: lines break
    /// between words, and a word longer than a line (a view's `wilayah:balikpapan,…,paser`)
    /// breaks after a comma, colon, slash or hyphen where it can, else between letters.
    pub(super) fn wrap_all(&self, text: &str, face: Face, room: f64) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut current = String::new();
        for word in text.split_whitespace() {
            let tried = if current.is_empty() {
                word.to_string()
            } else {
                format!("{current} {word}")
            };
            if self.width(&tried, face) <= room {
                current = tried;
                continue;
            }
            if self.width(word, face) <= room {
                out.push(std::mem::replace(&mut current, word.to_string()));
                continue;
            }
            // Longer than a line: its first piece fills what the current line leaves.
            let mut rest = word;
            loop {
                let lead = if current.is_empty() {
                    String::new()
                } else {
                    format!("{current} ")
                };
                let space = room - self.width(&lead, face);
                if self.width(rest, face) <= space {
                    current = format!("{lead}{rest}");
                    break;
                }
                match self.cut(rest, face, space, current.is_empty()) {
                    Some(at) => {
                        out.push(format!("{lead}{}", &rest[..at]));
                        current.clear();
                        rest = &rest[at..];
                    }
                    // Nothing of it fits even a line of its own (a single letter wider than the
                    // room): it stands alone, whole, rather than loop.
                    None if current.is_empty() => {
                        current = rest.to_string();
                        break;
                    }
                    None => out.push(std::mem::take(&mut current)),
                }
            }
        }
        if !current.is_empty() || out.is_empty() {
            out.push(current);
        }
        out
    }

    /// Where to break `word` so its head fits `room`: after the last comma, colon, semicolon,
    /// slash, hyphen or middle dot that fits; failing that, when `anywhere`, after the last letter
    /// that fits (at least one, so a line always takes something). A byte index inside `word`.
    fn cut(&self, word: &str, face: Face, room: f64, anywhere: bool) -> Option<usize> {
        let (glyphs, _) = self.advances(word, face);
        let starts: Vec<usize> = word.char_indices().map(|(i, _)| i).collect();
        let mut mark = None;
        let mut letter = None;
        for (k, (c, _, _)) in glyphs.iter().enumerate() {
            // The head up to and with this character ends where the next one starts.
            let Some(&(_, end_x, _)) = glyphs.get(k + 1) else {
                break;
            };
            if end_x > room {
                break;
            }
            let end = starts.get(k + 1).copied()?;
            letter = Some(end);
            if matches!(c, ',' | ':' | ';' | '/' | '-' | '·' | '|') {
                mark = Some(end);
            }
        }
        if glyphs.is_empty() {
            // Without the font: a guess by characters, as `advances` guesses.
            let each = face.size * self.k * 0.65;
            let n = ((room / each).floor() as usize).clamp(1, starts.len().max(1));
            return starts.get(n).copied().filter(|_| anywhere);
        }
        let first = starts.get(1).copied();
        mark.or(if anywhere { letter.or(first) } else { None })
    }

    /// Writes `text` with its baseline at `y`, starting at `x` (or ending at it, or centred on it).
    pub(super) fn write<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        text: &str,
        (x, y): (f64, f64),
        face: Face,
        h: HPos,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        if text.is_empty() {
            return Ok(());
        }
        let top = (y - self.baseline * face.size * self.k).round() as i32;
        match self.target {
            Target::Svg => {
                let style = self
                    .font(face)
                    .color(&face.color)
                    .pos(Pos::new(h, VPos::Top));
                area.draw(&Text::new(text, (x.round() as i32, top), style))
            }
            Target::Bitmap => {
                // plotters 0.3.7 draws each glyph of a string from its ink's left edge, dropping
                // the glyph's side bearing, so letters bunch and gape ("Ku tai"). Placed one by
                // one at their own pen position, they sit where the font puts them.
                let (glyphs, width) = self.advances(text, face);
                let left = match h {
                    HPos::Left => x,
                    HPos::Center => x - width / 2.0,
                    HPos::Right => x - width,
                };
                let style = self
                    .font(face)
                    .color(&face.color)
                    .pos(Pos::new(HPos::Left, VPos::Top));
                let mut buf = [0u8; 4];
                for (c, at, ink) in glyphs {
                    if c.is_whitespace() {
                        continue;
                    }
                    let glyph: &str = c.encode_utf8(&mut buf);
                    let gx = (left + at + ink).round() as i32;
                    area.draw(&Text::new(glyph, (gx, top), style.clone()))?;
                }
                Ok(())
            }
        }
    }

    /// Writes `lines` one under the other, centred as a block on the height `y`.
    pub(super) fn write_block<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        lines: &[String],
        (x, y): (f64, f64),
        face: Face,
        h: HPos,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        let step = self.line(face) * 0.92;
        let first = y - step * (lines.len().saturating_sub(1)) as f64 / 2.0 + self.half_cap(face);
        for (i, line) in lines.iter().enumerate() {
            self.write(area, line, (x, first + step * i as f64), face, h)?;
        }
        Ok(())
    }

    /// A filled rectangle between two corners, in pixels.
    pub(super) fn rect<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        (x0, y0): (f64, f64),
        (x1, y1): (f64, f64),
        color: RGBColor,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        let a = (x0.round() as i32, y0.round() as i32);
        let b = (x1.round() as i32, y1.round() as i32);
        area.draw(&Rectangle::new([a, b], color.filled()))
    }
}

/// The series named above a stacked chart: rows of a swatch and a name, in stack order.
pub(super) struct Legend {
    /// Per row, per item: the series, its left edge from the legend's left, and its name as shown.
    rows: Vec<Vec<(usize, f64, String)>>,
}

impl Legend {
    /// Lays the names out in rows of at most `room` pixels.
    pub(super) fn new(pen: &Pen, names: &[&str], room: f64) -> Legend {
        let swatch = pen.px(LEGEND.size * 0.8) + pen.px(12.0);
        let gap = pen.px(40.0);
        let mut rows: Vec<Vec<(usize, f64, String)>> = vec![Vec::new()];
        let mut x = 0.0;
        for (i, name) in names.iter().enumerate() {
            let text = pen.fit(name, LEGEND, room - swatch);
            let w = swatch + pen.width(&text, LEGEND);
            if x > 0.0 && x + w > room {
                rows.push(Vec::new());
                x = 0.0;
            }
            if let Some(row) = rows.last_mut() {
                row.push((i, x, text));
            }
            x += w + gap;
        }
        Legend { rows }
    }

    /// The height the legend takes, in pixels.
    pub(super) fn height(&self, pen: &Pen) -> f64 {
        self.rows.len() as f64 * pen.line(LEGEND) * 1.1
    }

    /// Draws the legend with its top left corner at `(x, y)`.
    pub(super) fn draw<DB: DrawingBackend>(
        &self,
        pen: &Pen,
        area: &DrawingArea<DB, Shift>,
        (x, y): (f64, f64),
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        let line = pen.line(LEGEND) * 1.1;
        let side = pen.px(LEGEND.size * 0.8);
        for (r, row) in self.rows.iter().enumerate() {
            let mid = y + line * (r as f64 + 0.5);
            for (series, left, name) in row {
                let x0 = x + left;
                pen.rect(
                    area,
                    (x0, mid - side / 2.0),
                    (x0 + side, mid + side / 2.0),
                    series_color(*series),
                )?;
                let at = (x0 + side + pen.px(12.0), mid + pen.half_cap(LEGEND));
                pen.write(area, name, at, LEGEND, HPos::Left)?;
            }
        }
        Ok(())
    }
}
