//! The printed report's ink: planned pages drawn with krilla, the text shaped with the embedded
//! fonts, into the PDF's bytes. Plans nothing.

use krilla::Document;
use krilla::color::rgb;
use krilla::error::KrillaError;
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::image::Image;
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;

use super::pdf_content::{logo_not_image, picture_not_image};
use super::pdf_font::Fonts;
use super::pdf_layout::{Ink, Mark, Page, Picture};
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::i18n::pdf::Pdf;

/// The pictures a plan places, decoded by krilla when the document is written.
pub(super) struct Images {
    pub logo: Option<Image>,
    pub pictures: Vec<Image>,
}

/// Draws `pages` into a PDF with `metadata`.
pub(super) fn render(
    pages: &[Page],
    fonts: &Fonts,
    images: &Images,
    metadata: Metadata,
) -> Result<Vec<u8>> {
    let mut document = Document::new();
    document.set_metadata(metadata);
    for page in pages {
        let settings = PageSettings::from_wh(page.width, page.height)
            .ok_or_else(|| not_written(&"a page has no size"))?;
        let mut p = document.start_page_with(settings);
        let mut surface = p.surface();
        for mark in &page.marks {
            draw(&mut surface, mark, fonts, images);
        }
        surface.finish();
        p.finish();
    }
    document.finish().map_err(|e| match &e {
        // A picture krilla could not decode: the logo, or a chart.
        KrillaError::Image(image, _, why) if images.logo.as_ref() == Some(image) => {
            logo_not_image(None, why, why)
        }
        KrillaError::Image(image, _, why) => {
            let number = images.pictures.iter().position(|p| p == image).unwrap_or(0) + 1;
            picture_not_image(number, why)
        }
        _ => not_written(&e),
    })
}

fn not_written(error: &dyn std::fmt::Display) -> Error {
    let m = Pdf::NotWritten { error };
    Error::failed(m.text(Lang::Id), m.text(Lang::En))
}

fn colour(ink: Ink) -> rgb::Color {
    match ink {
        Ink::Black => rgb::Color::new(0, 0, 0),
        Ink::Grey => rgb::Color::new(90, 90, 90),
        Ink::Rule => rgb::Color::new(150, 150, 150),
        Ink::Band => rgb::Color::new(226, 226, 226),
        Ink::Zebra => rgb::Color::new(244, 244, 244),
        Ink::Box => rgb::Color::new(240, 243, 247),
    }
}

fn fill(ink: Ink) -> Fill {
    Fill {
        paint: colour(ink).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

fn draw(surface: &mut Surface<'_>, mark: &Mark, fonts: &Fonts, images: &Images) {
    match mark {
        Mark::Text {
            x,
            y,
            size,
            bold,
            ink,
            text,
        } => {
            let face = fonts.face(*bold);
            let glyphs = face.shape(text);
            surface.set_fill(Some(fill(*ink)));
            surface.set_stroke(None);
            surface.draw_glyphs(
                Point::from_xy(*x, *y),
                &glyphs,
                face.font.clone(),
                text,
                *size,
                false,
            );
        }
        Mark::Line {
            x1,
            y1,
            x2,
            y2,
            width,
            ink,
        } => {
            let mut pb = PathBuilder::new();
            pb.move_to(*x1, *y1);
            pb.line_to(*x2, *y2);
            if let Some(path) = pb.finish() {
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke {
                    paint: colour(*ink).into(),
                    width: *width,
                    ..Default::default()
                }));
                surface.draw_path(&path);
            }
        }
        Mark::Rect {
            x,
            y,
            w,
            h,
            ink,
            frame,
        } => {
            let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) else {
                return;
            };
            let mut pb = PathBuilder::new();
            pb.push_rect(rect);
            if let Some(path) = pb.finish() {
                surface.set_fill(Some(fill(*ink)));
                surface.set_stroke(frame.map(|(ink, width)| Stroke {
                    paint: colour(ink).into(),
                    width,
                    ..Default::default()
                }));
                surface.draw_path(&path);
            }
        }
        Mark::Image { which, x, y, w, h } => {
            let image = match which {
                Picture::Logo => images.logo.clone(),
                Picture::Chart(i) => images.pictures.get(*i).cloned(),
            };
            if let (Some(image), Some(size)) = (image, Size::from_wh(*w, *h)) {
                surface.push_transform(&Transform::from_translate(*x, *y));
                surface.draw_image(image, size);
                surface.pop();
            }
        }
    }
}
