//! The printed report's two embedded fonts: each text measured and shaped with the shaper krilla
//! draws with, so that what the layout measures is what is drawn. Measures; draws nothing.

use std::cell::RefCell;
use std::collections::HashMap;

use krilla::text::{Font, GlyphId, KrillaGlyph};

use super::fonts;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::i18n::pdf::Pdf;

/// One embedded font: the shaper's face and krilla's font over the same bytes.
pub(super) struct Face {
    shaper: rustybuzz::Face<'static>,
    pub(super) font: Font,
    units: f32,
}

impl Face {
    fn new(bytes: &'static [u8], name: &str) -> Result<Face> {
        let broken = || {
            Error::failed(
                Pdf::Font { name }.text(Lang::Id),
                Pdf::Font { name }.text(Lang::En),
            )
        };
        let shaper = rustybuzz::Face::from_slice(bytes, 0).ok_or_else(broken)?;
        let font = Font::new(bytes.into(), 0).ok_or_else(broken)?;
        let units = shaper.units_per_em() as f32;
        Ok(Face {
            shaper,
            font,
            units,
        })
    }

    /// The glyphs of `text`, left to right, with advances in ems.
    pub(super) fn shape(&self, text: &str) -> Vec<KrillaGlyph> {
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.set_direction(rustybuzz::Direction::LeftToRight);
        buffer.guess_segment_properties();
        let output = rustybuzz::shape(&self.shaper, &[], buffer);
        let infos = output.glyph_infos();
        let positions = output.glyph_positions();
        let mut glyphs = Vec::with_capacity(infos.len());
        for (i, (info, pos)) in infos.iter().zip(positions).enumerate() {
            let start = info.cluster as usize;
            // A cluster ends where the next cluster begins (several glyphs may share one).
            let end = infos[i + 1..]
                .iter()
                .map(|next| next.cluster as usize)
                .find(|&c| c != start)
                .unwrap_or(text.len());
            glyphs.push(KrillaGlyph::new(
                GlyphId::new(info.glyph_id),
                pos.x_advance as f32 / self.units,
                pos.x_offset as f32 / self.units,
                pos.y_offset as f32 / self.units,
                pos.y_advance as f32 / self.units,
                start..end.max(start),
                None,
            ));
        }
        glyphs
    }
}

/// The fonts of the printed report, and the widths of the texts measured so far.
pub(super) struct Fonts {
    regular: Face,
    bold: Face,
    /// Width at size 1 of each text measured, by boldness.
    widths: RefCell<HashMap<(bool, String), f32>>,
}

impl Fonts {
    pub(super) fn new() -> Result<Fonts> {
        Ok(Fonts {
            regular: Face::new(fonts::REGULAR, "DejaVu Sans")?,
            bold: Face::new(fonts::BOLD, "DejaVu Sans Bold")?,
            widths: RefCell::new(HashMap::new()),
        })
    }

    pub(super) fn face(&self, bold: bool) -> &Face {
        if bold { &self.bold } else { &self.regular }
    }

    /// The width of `text` at `size` points.
    pub(super) fn width(&self, text: &str, bold: bool, size: f32) -> f32 {
        let key = (bold, text.to_string());
        if let Some(w) = self.widths.borrow().get(&key) {
            return w * size;
        }
        let w: f32 = self
            .face(bold)
            .shape(text)
            .iter()
            .map(|g| g.x_advance)
            .sum();
        self.widths.borrow_mut().insert(key, w);
        w * size
    }
}
