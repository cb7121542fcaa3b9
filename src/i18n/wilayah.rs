//! The messages of places below the kabupaten/kota: a kecamatan, kelurahan/desa or TPS in an
//! imported row, the kecamatan `pantau doctor` finds unresolved, and the place row of a case's
//! detail. Bahasa Indonesia and English side by side; a variant without both texts does not
//! compile.

use super::Lang;

/// A message about a kecamatan, kelurahan/desa or TPS.
#[derive(Clone, Copy, Debug)]
pub enum Wilayah<'a> {
    /// A kecamatan name or code not in the area of the row's office (`area`, its name):
    /// `suggestion` the nearest one ("Samarinda Ulu (64.72.03)"), else `candidates`, the
    /// area's kecamatan (the first of them, `more` left out).
    UnknownKecamatan {
        value: &'a str,
        suggestion: Option<&'a str>,
        area: &'a str,
        candidates: &'a str,
        more: usize,
    },
    /// A kecamatan that lies outside the area of the row's office: `found` is where it is
    /// ("Tenggarong (64.02.06), Kutai Kartanegara").
    KecamatanElsewhere {
        value: &'a str,
        found: &'a str,
        area: &'a str,
    },
    /// A name that several kecamatan of the area have (`which`: each with its code).
    KecamatanTwice { value: &'a str, which: &'a str },
    /// `kecamatan` and `kode_kecamatan` name two different kecamatan.
    KecamatanConflict { named: &'a str, coded: &'a str },
    /// A kelurahan/desa not in `within` ("Kec. Samarinda Kota", or the office's area).
    UnknownDesa {
        value: &'a str,
        suggestion: Option<&'a str>,
        within: &'a str,
        candidates: &'a str,
        more: usize,
    },
    /// A kelurahan/desa of another kecamatan than the row's: `lies_in` is its own.
    DesaOutside {
        value: &'a str,
        lies_in: &'a str,
        kecamatan: &'a str,
    },
    /// A kelurahan/desa name found in several kecamatan of the area (`which`: each with its
    /// kecamatan), and the row names no kecamatan.
    DesaTwice { value: &'a str, which: &'a str },
    /// `desa` and `kode_desa` name two different kelurahan/desa.
    DesaConflict { named: &'a str, coded: &'a str },
    /// A TPS number that is not one of 1–9999.
    BadTps { value: &'a str },
    /// `pantau doctor`: every case's kecamatan is known to the region tree.
    DoctorAllResolved,
    /// `pantau doctor`: `count` cases name a kecamatan the tree does not know; `first` lists a
    /// few (nomor, office, text).
    DoctorUnresolved { count: usize, first: &'a str },
    /// `pantau doctor`: the way out.
    DoctorFix,
    /// The detail's place row: a kecamatan the region tree does not know.
    NotInTree,
    /// The detail's place row: "Kel." or "Desa" before a name, by its kind.
    DesaPrefix { kelurahan: bool },
}

/// The name of `pantau doctor`'s check of the kecamatan cases name.
pub fn doctor_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "kecamatan kasus",
        Lang::En => "case kecamatan",
    }
}

impl Wilayah<'_> {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use Lang::{En, Id};
        let rest = |more: usize, lang: Lang| match (more, lang) {
            (0, _) => String::new(),
            (n, Id) => format!(", dan {n} lainnya"),
            (n, En) => format!(", and {n} more"),
        };
        match (*self, lang) {
            (
                Self::UnknownKecamatan {
                    value,
                    suggestion: Some(s),
                    ..
                },
                Id,
            ) => format!("kecamatan tidak dikenal \"{value}\" — maksud Anda {s}?"),
            (
                Self::UnknownKecamatan {
                    value,
                    suggestion: Some(s),
                    ..
                },
                En,
            ) => format!("unknown kecamatan \"{value}\" — did you mean {s}?"),
            (
                Self::UnknownKecamatan {
                    value,
                    suggestion: None,
                    area,
                    candidates,
                    more,
                },
                Id,
            ) => format!(
                "kecamatan \"{value}\" tidak ada di pohon wilayah {area}; tulis salah satu nama atau kodenya ({candidates}{}) lalu impor ulang baris ini",
                rest(more, Id)
            ),
            (
                Self::UnknownKecamatan {
                    value,
                    suggestion: None,
                    area,
                    candidates,
                    more,
                },
                En,
            ) => format!(
                "kecamatan \"{value}\" is not in the region tree of {area}; write one of these names or its code ({candidates}{}) and import the row again",
                rest(more, En)
            ),
            (Self::KecamatanElsewhere { value, found, area }, Id) => format!(
                "kecamatan \"{value}\" adalah {found}, di luar wilayah {area}; periksa kode_wilayah atau kecamatan baris ini"
            ),
            (Self::KecamatanElsewhere { value, found, area }, En) => format!(
                "kecamatan \"{value}\" is {found}, outside the area of {area}; check the row's kode_wilayah or kecamatan"
            ),
            (Self::KecamatanTwice { value, which }, Id) => format!(
                "nama kecamatan \"{value}\" dipakai beberapa kecamatan ({which}); tulis kodenya"
            ),
            (Self::KecamatanTwice { value, which }, En) => format!(
                "several kecamatan are named \"{value}\" ({which}); write its code"
            ),
            (Self::KecamatanConflict { named, coded }, Id) => format!(
                "kecamatan \"{named}\" dan kode_kecamatan \"{coded}\" menunjuk kecamatan yang berbeda; kosongkan salah satu atau samakan"
            ),
            (Self::KecamatanConflict { named, coded }, En) => format!(
                "kecamatan \"{named}\" and kode_kecamatan \"{coded}\" name different kecamatan; leave one empty or make them agree"
            ),
            (
                Self::UnknownDesa {
                    value,
                    suggestion: Some(s),
                    ..
                },
                Id,
            ) => format!("kelurahan/desa tidak dikenal \"{value}\" — maksud Anda {s}?"),
            (
                Self::UnknownDesa {
                    value,
                    suggestion: Some(s),
                    ..
                },
                En,
            ) => format!("unknown kelurahan/desa \"{value}\" — did you mean {s}?"),
            (
                Self::UnknownDesa {
                    value,
                    suggestion: None,
                    within,
                    candidates,
                    more,
                },
                Id,
            ) => format!(
                "kelurahan/desa \"{value}\" tidak ada di {within}; tulis salah satu nama atau kodenya ({candidates}{}) lalu impor ulang baris ini",
                rest(more, Id)
            ),
            (
                Self::UnknownDesa {
                    value,
                    suggestion: None,
                    within,
                    candidates,
                    more,
                },
                En,
            ) => format!(
                "kelurahan/desa \"{value}\" is not in {within}; write one of these names or its code ({candidates}{}) and import the row again",
                rest(more, En)
            ),
            (
                Self::DesaOutside {
                    value,
                    lies_in,
                    kecamatan,
                },
                Id,
            ) => format!(
                "kelurahan/desa \"{value}\" ada di Kec. {lies_in}, bukan di Kec. {kecamatan}; perbaiki kecamatan atau desa baris ini"
            ),
            (
                Self::DesaOutside {
                    value,
                    lies_in,
                    kecamatan,
                },
                En,
            ) => format!(
                "kelurahan/desa \"{value}\" lies in Kec. {lies_in}, not in Kec. {kecamatan}; correct the row's kecamatan or desa"
            ),
            (Self::DesaTwice { value, which }, Id) => format!(
                "ada beberapa kelurahan/desa bernama \"{value}\" ({which}); isi kolom kecamatan atau tulis kode desanya"
            ),
            (Self::DesaTwice { value, which }, En) => format!(
                "several kelurahan/desa are named \"{value}\" ({which}); fill in the kecamatan column or write the desa's code"
            ),
            (Self::DesaConflict { named, coded }, Id) => format!(
                "desa \"{named}\" dan kode_desa \"{coded}\" menunjuk kelurahan/desa yang berbeda; kosongkan salah satu atau samakan"
            ),
            (Self::DesaConflict { named, coded }, En) => format!(
                "desa \"{named}\" and kode_desa \"{coded}\" name different kelurahan/desa; leave one empty or make them agree"
            ),
            (Self::BadTps { value }, Id) => format!(
                "nomor TPS tidak sah \"{value}\" (tulis angka 1–9999: 5, 005 atau TPS 005)"
            ),
            (Self::BadTps { value }, En) => format!(
                "invalid TPS number \"{value}\" (write a number 1–9999: 5, 005 or TPS 005)"
            ),
            (Self::DoctorAllResolved, Id) => {
                "setiap kecamatan yang ditulis kasus dikenal pohon wilayah".into()
            }
            (Self::DoctorAllResolved, En) => {
                "every kecamatan a case names is in the region tree".into()
            }
            (Self::DoctorUnresolved { count, first }, Id) => format!(
                "{count} kasus menulis kecamatan yang tidak ada di pohon wilayah: {first}"
            ),
            (Self::DoctorUnresolved { count, first }, En) => format!(
                "{count} cases name a kecamatan that is not in the region tree: {first}"
            ),
            (Self::DoctorFix, Id) => "ekspor kasus itu (pantau export), perbaiki kolom kecamatan dengan nama atau kode dari pohon wilayah, lalu impor ulang baris-baris itu (pantau import)".into(),
            (Self::DoctorFix, En) => "export those cases (pantau export), correct their kecamatan column with a name or code from the region tree, and import those rows again (pantau import)".into(),
            (Self::NotInTree, Id) => "tidak ada di pohon wilayah".into(),
            (Self::NotInTree, En) => "not in the region tree".into(),
            (Self::DesaPrefix { kelurahan: true }, _) => "Kel.".into(),
            (Self::DesaPrefix { kelurahan: false }, _) => "Desa".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_near_miss_is_suggested_in_both_languages() {
        let m = Wilayah::UnknownKecamatan {
            value: "Samarinda Uluu",
            suggestion: Some("Samarinda Ulu (64.72.03)"),
            area: "Samarinda",
            candidates: "",
            more: 0,
        };
        assert_eq!(
            m.text(Lang::Id),
            "kecamatan tidak dikenal \"Samarinda Uluu\" — maksud Anda Samarinda Ulu (64.72.03)?"
        );
        assert_eq!(
            m.text(Lang::En),
            "unknown kecamatan \"Samarinda Uluu\" — did you mean Samarinda Ulu (64.72.03)?"
        );
    }
}
