//! The words of the chart pictures pantau draws (`report --format png`/`svg`): the total beside a
//! title, the line for bars left out, the empty picture and the refusals, each in Bahasa Indonesia
//! and English. A message without both texts does not compile.

use super::Lang;

/// A text of a chart picture, or of drawing one.
#[derive(Clone, Copy)]
pub enum Chart<'a> {
    /// The line under the title counting every case drawn; `total` comes written out (`1.342`).
    Total { total: &'a str },
    /// The line under the last bar when more categories were given than a picture can hold:
    /// how many were left out and what they count together (`total` comes written out: `1.023`).
    /// The words say no unit: a chart may count cases or anything else.
    More { hidden: &'a str, total: &'a str },
    /// What a picture of a view without a single case says instead of bars.
    Empty,
    /// A map was asked of a report it cannot draw.
    MapOnlyByRegion,
    /// A picture asked for at a width pantau does not draw.
    Width { width: u32, least: u32, most: u32 },
    /// The font compiled into pantau could not be read (a damaged binary).
    Font,
    /// The picture could not be drawn or encoded.
    NotDrawn { error: &'a dyn std::fmt::Display },
}

impl Chart<'_> {
    /// The text in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use Lang::{En, Id};
        match (self, lang) {
            (Self::Total { total }, Id) => format!("Jumlah: {total}"),
            (Self::Total { total }, En) => format!("Total: {total}"),
            (Self::More { hidden, total }, Id) => format!("+{hidden} lainnya (jumlah {total})"),
            (Self::More { hidden, total }, En) => format!("+{hidden} more (total {total})"),
            (Self::MapOnlyByRegion, Id) => "--chart map menggambar kab/kota Kalimantan Timur: \
                 pakai --by region pada basis data Kaltim, atau --chart bars"
                .into(),
            (Self::MapOnlyByRegion, En) => "--chart map draws the kab/kota of Kalimantan Timur: \
                 use --by region on a Kaltim database, or --chart bars"
                .into(),
            (Self::Empty, Id) => "Tidak ada kasus pada tampilan ini".into(),
            (Self::Empty, En) => "No cases in this view".into(),
            (Self::Width { width, least, most }, Id) => format!(
                "lebar gambar {width} px tidak dapat digambar: pilih lebar antara {least} dan \
                 {most} px (1080 untuk layar ponsel, 2160 untuk cetak)"
            ),
            (Self::Width { width, least, most }, En) => format!(
                "a picture {width} px wide cannot be drawn: choose a width between {least} and \
                 {most} px (1080 for a phone screen, 2160 for print)"
            ),
            (Self::Font, Id) => "huruf DejaVu Sans bawaan pantau tidak terbaca".into(),
            (Self::Font, En) => "pantau's built-in DejaVu Sans font could not be read".into(),
            (Self::NotDrawn { error }, Id) => format!(
                "gambar grafik tidak dapat dibuat: {error}. Rekap yang sama dapat ditulis \
                 dengan --format xlsx; laporkan masalah ini beserta keluaran `pantau doctor`"
            ),
            (Self::NotDrawn { error }, En) => format!(
                "the chart picture could not be drawn: {error}. The same recap can be written \
                 with --format xlsx; report this problem with the output of `pantau doctor`"
            ),
        }
    }
}
