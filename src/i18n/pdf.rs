//! The words of the printed report pantau writes (`report --format pdf`): its footer, the headings
//! of continued tables, and the refusals (a logo or a chart that is not a picture, a font pantau
//! cannot embed), each in Bahasa Indonesia and English. A message without both does not compile.

use std::path::Path;

use super::Lang;

/// A text of a printed report, or of making one.
#[derive(Clone, Copy)]
pub enum Pdf<'a> {
    /// The footer's page number: `Halaman 2 dari 5`.
    PageOf { page: usize, pages: usize },
    /// The footer's time made, the time already written: `Dibuat 03/12/2026 09.14`.
    Made { when: &'a str },
    /// The footer's time made, as chrono writes it: `03/12/2026 09.14`.
    TimeFormat,
    /// After the title of a table continued from the page before.
    Continued,
    /// Why a logo or chart is no picture: it does not start as PNG or JPEG files do.
    NotPicture,
    /// Why: a PNG that cannot be decoded, for the decoder's reason.
    BrokenPng { why: &'a dyn std::fmt::Display },
    /// Why: a PNG too large to decode.
    PngTooLarge,
    /// The letterhead's logo cannot be read (missing, unreadable, too large).
    LogoUnreadable { path: &'a Path, why: &'a str },
    /// The letterhead's logo is read but is no PNG or JPEG picture.
    LogoNotImage {
        path: Option<&'a Path>,
        why: &'a str,
    },
    /// A chart given to the report is no PNG picture.
    PictureNotImage { number: usize, why: &'a str },
    /// An embedded font cannot be used (a broken build of pantau).
    Font { name: &'a str },
    /// The document could not be made.
    NotWritten { error: &'a dyn std::fmt::Display },
}

impl Pdf<'_> {
    /// The text in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use Lang::{En, Id};
        match (self, lang) {
            (Self::PageOf { page, pages }, Id) => format!("Halaman {page} dari {pages}"),
            (Self::PageOf { page, pages }, En) => format!("Page {page} of {pages}"),
            (Self::Made { when }, Id) => format!("Dibuat {when}"),
            (Self::Made { when }, En) => format!("Made {when}"),
            (Self::TimeFormat, Id) => "%d/%m/%Y %H.%M".into(),
            (Self::TimeFormat, En) => "%d/%m/%Y %H:%M".into(),
            (Self::NotPicture, Id) => "isinya tidak diawali seperti berkas PNG atau JPEG".into(),
            (Self::NotPicture, En) => "it does not start as a PNG or JPEG file does".into(),
            (Self::BrokenPng { why }, Id) => format!("PNG rusak ({why})"),
            (Self::BrokenPng { why }, En) => format!("a broken PNG ({why})"),
            (Self::PngTooLarge, Id) => {
                "gambarnya terlalu besar untuk dibaca (lebih dari 64 MiB setelah dibuka)".into()
            }
            (Self::PngTooLarge, En) => {
                "the picture is too large to read (more than 64 MiB once unpacked)".into()
            }
            (Self::Continued, Id) => "(lanjutan)".into(),
            (Self::Continued, En) => "(continued)".into(),
            (Self::LogoUnreadable { path, why }, Id) => format!(
                "logo kop surat {} (letterhead.logo di konfigurasi) tidak dapat dibaca: {why}; \
                 perbaiki path-nya, atau kosongkan logo = \"\" untuk mencetak tanpa logo",
                path.display()
            ),
            (Self::LogoUnreadable { path, why }, En) => format!(
                "the letterhead's logo {} (letterhead.logo in the configuration) cannot be read: \
                 {why}; correct the path, or set logo = \"\" to print without a logo",
                path.display()
            ),
            (Self::LogoNotImage { path, why }, Id) => format!(
                "logo kop surat {}(letterhead.logo di konfigurasi) bukan gambar PNG atau JPEG: \
                 {why}; simpan logonya sebagai PNG atau JPEG, atau kosongkan logo = \"\"",
                path.map(|p| format!("{} ", p.display()))
                    .unwrap_or_default()
            ),
            (Self::LogoNotImage { path, why }, En) => format!(
                "the letterhead's logo {}(letterhead.logo in the configuration) is not a PNG or \
                 JPEG picture: {why}; save the logo as PNG or JPEG, or set logo = \"\"",
                path.map(|p| format!("{} ", p.display()))
                    .unwrap_or_default()
            ),
            (Self::PictureNotImage { number, why }, Id) => format!(
                "grafik ke-{number} laporan bukan gambar PNG: {why} (kesalahan pantau); \
                 laporkan ke pengembang"
            ),
            (Self::PictureNotImage { number, why }, En) => format!(
                "the report's chart {number} is not a PNG picture: {why} (a bug in pantau); \
                 report it to pantau's maintainers"
            ),
            (Self::Font { name }, Id) => format!(
                "internal: huruf {name} yang dibawa pantau tidak dapat dipakai (kesalahan pantau); \
                 laporkan ke pengembang"
            ),
            (Self::Font { name }, En) => format!(
                "internal: the font {name} built into pantau cannot be used (a bug in pantau); \
                 report it to pantau's maintainers"
            ),
            (Self::NotWritten { error }, Id) => {
                format!("laporan PDF tidak dapat dibuat: {error}")
            }
            (Self::NotWritten { error }, En) => {
                format!("the PDF report could not be made: {error}")
            }
        }
    }
}
