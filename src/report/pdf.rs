//! The printed report: the meeting's recap as an A4 PDF with the office's letterhead, headline
//! figures, tables and charts, page numbers and the time made, fonts embedded. Writes no file.
//!
//! Made with krilla (maintained by the author of Typst's PDF export): it embeds and subsets the
//! TrueType fonts, draws PNG and JPEG pictures, and writes PDF that readers and `pdftotext` take.
//! Pages are planned whole first (pdf_layout, pdf_table, measured by pdf_font), then drawn
//! (pdf_draw), so that each can say `Halaman 2 dari 5`.

use chrono::{Datelike, Offset, Timelike};
use krilla::image::Image;
use krilla::metadata::Metadata;

use super::pdf_content::picture_not_image;
pub use super::pdf_content::{Figure, Letterhead, Picture, Printed, logo_not_image, picture_kind};
use super::pdf_draw::{Images, render};
use super::pdf_font::Fonts;
use super::pdf_layout::{Sizes, plan};
use crate::error::Result;

/// The PDF of `p`.
pub fn document(p: &Printed) -> Result<Vec<u8>> {
    let fonts = Fonts::new()?;
    let logo = match &p.letterhead.logo {
        Some(bytes) => Some(logo_image(bytes)?),
        None => None,
    };
    let pictures = p
        .pictures
        .iter()
        .enumerate()
        .map(|(i, picture)| {
            Image::from_png(picture.png.clone().into(), true)
                .map_err(|why| picture_not_image(i + 1, &why))
        })
        .collect::<Result<Vec<_>>>()?;
    let sizes = Sizes {
        logo: logo.as_ref().map(Image::size),
        pictures: pictures.iter().map(Image::size).collect(),
    };
    let pages = plan(p, &fonts, &sizes);
    render(&pages, &fonts, &Images { logo, pictures }, metadata(p))
}

/// The logo as krilla's picture, checked whole.
fn logo_image(bytes: &[u8]) -> Result<Image> {
    let png = picture_kind(bytes).map_err(|(id, en)| logo_not_image(None, &id, &en))?;
    let data = bytes.to_vec().into();
    let image = if png {
        Image::from_png(data, true)
    } else {
        Image::from_jpeg(data, true)
    };
    image.map_err(|why| logo_not_image(None, &why, &why))
}

/// The document's title, creator, language and date.
fn metadata(p: &Printed) -> Metadata {
    let m = p.made;
    let offset = m.offset().fix().local_minus_utc();
    let date = krilla::metadata::DateTime::new(u16::try_from(m.year()).unwrap_or(2000))
        .month(m.month() as u8)
        .day(m.day() as u8)
        .hour(m.hour() as u8)
        .minute(m.minute() as u8)
        .second(m.second().min(59) as u8)
        .utc_offset_hour((offset / 3600) as i8)
        .utc_offset_minute(((offset.abs() % 3600) / 60) as u8);
    Metadata::new()
        .title(p.title.clone())
        .creator("pantau".into())
        .language(p.lang.code().into())
        .creation_date(date)
}

#[cfg(test)]
#[path = "pdf_tests.rs"]
mod tests;

/// The logo at `path`, checked to be a PNG (decoded whole) or a JPEG picture. A missing,
/// unreadable or other file is an error naming it and the configuration's key.
pub fn read_logo(path: &std::path::Path) -> Result<Vec<u8>> {
    use crate::i18n::Lang;
    use crate::i18n::pdf::Pdf;
    let bytes = crate::fsread::read(path, crate::fsread::LOGO).map_err(|e| {
        let (id, en) = (e.reason(Lang::Id), e.reason(Lang::En));
        crate::error::Error::failed(
            Pdf::LogoUnreadable { path, why: &id }.text(Lang::Id),
            Pdf::LogoUnreadable { path, why: &en }.text(Lang::En),
        )
    })?;
    picture_kind(&bytes).map_err(|(id, en)| logo_not_image(Some(path), &id, &en))?;
    Ok(bytes)
}
