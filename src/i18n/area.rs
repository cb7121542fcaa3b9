//! The words of counting below the kabupaten/kota and across provinces: the rows of the tables a
//! region drills into and the headings of counts by place, each in Bahasa Indonesia and English.
//! A message without both texts does not compile.

use super::Lang;

/// A message about places and the offices that handle cases.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Area<'a> {
    /// The row of a kecamatan table for the cases that name no kecamatan.
    NoKecamatan,
    /// The row of a desa count for the cases that name no desa.
    NoDesa,
    /// The row of a province count for Bawaslu RI's own cases.
    Ri,
    /// A kecamatan outside the table's region, labelled with its kabupaten/kota.
    KecamatanIn { name: &'a str, region: &'a str },
}

impl Area<'_> {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use Lang::{En, Id};
        match (self, lang) {
            (Self::NoKecamatan, Id) => "(tanpa kecamatan)".into(),
            (Self::NoKecamatan, En) => "(no kecamatan)".into(),
            (Self::NoDesa, Id) => "(tanpa kelurahan/desa)".into(),
            (Self::NoDesa, En) => "(no kelurahan/desa)".into(),
            (Self::Ri, _) => "Bawaslu RI".into(),
            (Self::KecamatanIn { name, region }, _) => format!("{name} ({region})"),
        }
    }
}

/// A level of the tree, as a heading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Province,
    Kecamatan,
    Desa,
}

impl Level {
    /// The heading of a count by this level.
    pub fn heading(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Level::Province, Lang::Id) => "Provinsi",
            (Level::Province, Lang::En) => "Province",
            (Level::Kecamatan, _) => "Kecamatan",
            (Level::Desa, _) => "Kelurahan/desa",
        }
    }
}
