//! What the printed report shows, as its callers give it (the letterhead, figures, tables, charts,
//! every word already in the reader's language), and the check that a logo or chart is a picture.
//! Holds no layout and draws nothing.

use chrono::{DateTime, Local};

use super::Table;
use crate::error::Error;
use crate::i18n::Lang;
use crate::i18n::pdf::Pdf;

/// The kop surat at the head of the first page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Letterhead {
    /// The office's name, a line each, bold and centred.
    pub name: Vec<String>,
    /// The address, a line each, below the name.
    pub address: Vec<String>,
    /// The logo at the left: the bytes of a PNG or JPEG file.
    pub logo: Option<Vec<u8>>,
}

/// A headline figure: a count and what it counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figure {
    pub label: String,
    pub value: i64,
}

/// A chart, already drawn, as PNG bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Picture {
    pub png: Vec<u8>,
}

/// Everything the printed report shows, every word already in `lang`.
pub struct Printed {
    /// The language of the footer and of the numbers (`1.342`, `1,342`).
    pub lang: Lang,
    pub letterhead: Letterhead,
    /// `Rekapitulasi kasus menurut kab/kota`.
    pub title: String,
    /// What it counts, a label and a value each: `("Pemilihan", "Pemilu 2024")`.
    pub about: Vec<(String, String)>,
    /// When it was made, as the footer gives it.
    pub made: DateTime<Local>,
    /// Where it comes from, at the left of every footer: `pantau · Bawaslu Provinsi Kalimantan Timur`.
    pub source: String,
    /// The headline figures, in the order shown.
    pub figures: Vec<Figure>,
    /// The tables, each under its title.
    pub tables: Vec<(String, Table)>,
    /// The charts, after the tables, each whole on a page.
    pub pictures: Vec<Picture>,
}

/// Whether `bytes` are a PNG picture (`Ok(true)`, decoded whole, so a cut-off file is found) or
/// a JPEG one (`Ok(false)`), else why not, in Indonesian and English.
pub fn picture_kind(bytes: &[u8]) -> std::result::Result<bool, (String, String)> {
    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n";
    const JPEG: &[u8] = &[0xff, 0xd8, 0xff];
    if bytes.starts_with(JPEG) {
        return Ok(false);
    }
    if !bytes.starts_with(PNG) {
        return Err(both(Pdf::NotPicture));
    }
    let broken = |e: png::DecodingError| both(Pdf::BrokenPng { why: &e });
    // A logo a few thousand pixels across is plenty; a larger one is refused, not decoded.
    let limits = png::Limits { bytes: 64 << 20 };
    let mut reader = png::Decoder::new_with_limits(std::io::Cursor::new(bytes), limits)
        .read_info()
        .map_err(broken)?;
    let size = reader
        .output_buffer_size()
        .ok_or_else(|| both(Pdf::PngTooLarge))?;
    let mut buf = vec![0; size];
    reader.next_frame(&mut buf).map_err(broken)?;
    Ok(true)
}

/// A text of the catalogue in Indonesian and English.
fn both(m: Pdf<'_>) -> (String, String) {
    (m.text(Lang::Id), m.text(Lang::En))
}

/// The error of a letterhead logo (the file at `path`, when known) that is no picture, for the
/// reasons `id` and `en`.
pub fn logo_not_image(path: Option<&std::path::Path>, id: &str, en: &str) -> Error {
    Error::failed(
        Pdf::LogoNotImage { path, why: id }.text(Lang::Id),
        Pdf::LogoNotImage { path, why: en }.text(Lang::En),
    )
}

/// The error of chart `number` (from 1) that is no picture.
pub(crate) fn picture_not_image(number: usize, why: &str) -> Error {
    Error::failed(
        Pdf::PictureNotImage { number, why }.text(Lang::Id),
        Pdf::PictureNotImage { number, why }.text(Lang::En),
    )
}
