//! The messages of setting a database up for a province or for Bawaslu RI, of the demo of any
//! province, and of the national roll-up (where a batch came from, a case claimed by two
//! provinces). Bahasa Indonesia and English side by side; a variant without both texts does not
//! compile.

use super::Lang;

/// A message of the provinces and the national roll-up.
#[derive(Clone, Copy, Debug)]
pub enum National<'a> {
    /// `init --province list`: the heading of the list.
    ProvinceListHeading,
    /// `init --province list`: the line under it, how to use the list.
    ProvinceListUse,
    /// `init`: the database is set up for this root (`Provinsi Jawa Barat (32)`) with these
    /// counts below it.
    SetUpFor {
        root: &'a str,
        regencies: usize,
        kecamatan: usize,
        desa: usize,
    },
    /// `init --province`/`--nasional` on a database set up for another root.
    OtherRoot { held: &'a str, wanted: &'a str },
    /// The name of a national database's root in a sentence.
    Nationwide,
    /// `doctor`: the region tree (a check's name).
    TreeCheck,
    /// `doctor`: the database's root and where its tree comes from.
    TreeOf { root: &'a str, source: &'a str },
    /// `doctor`: a database without reference data.
    TreeEmpty,
    /// `demo --province`: a province the shipped elections' Pilkada contests do not cover.
    DemoNoContests { province: &'a str },
    /// `demo --nasional`: Pilkada contests only in Kalimantan Timur.
    DemoContestsOnlyKaltim,
    /// `import --origin`: rows of offices outside the province the file is said to come from.
    OriginMismatch {
        file: &'a str,
        origin: &'a str,
        found: &'a str,
        examples: &'a str,
    },
    /// `import`: stored cases of one province the file would give to another (a case moved, or
    /// one intake number used by two provinces); `cases` lists `nomor (64.72 → 32.73)`.
    Moves {
        file: &'a str,
        count: usize,
        cases: &'a str,
    },
    /// `import`: the origin recorded for a file's batch.
    OriginRecorded { origin: &'a str },
    /// `batches`: the column of the origin, when a batch has none.
    OriginNone,
    /// `simulate` on a database of another province: it writes Kaltim's offices' cases only.
    SimulateKaltimOnly { province: &'a str, code: &'a str },
}

impl National<'_> {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use Lang::{En, Id};
        match (*self, lang) {
            (Self::ProvinceListHeading, Id) => {
                "kode  provinsi                               singkatan             kab/kota  kecamatan".into()
            }
            (Self::ProvinceListHeading, En) => {
                "code  province                               short name          regencies  kecamatan".into()
            }
            (Self::ProvinceListUse, Id) => {
                "Siapkan database sebuah provinsi: pantau init --province KODE (atau nama, atau singkatan); untuk Bawaslu RI: pantau init --nasional".into()
            }
            (Self::ProvinceListUse, En) => {
                "Set a database up for a province: pantau init --province CODE (or its name, or short name); for Bawaslu RI: pantau init --nasional".into()
            }
            (
                Self::SetUpFor {
                    root,
                    regencies,
                    kecamatan,
                    desa,
                },
                Id,
            ) => format!(
                "Wilayah {root}: {regencies} kabupaten/kota, {kecamatan} kecamatan, {desa} kelurahan/desa"
            ),
            (
                Self::SetUpFor {
                    root,
                    regencies,
                    kecamatan,
                    desa,
                },
                En,
            ) => format!(
                "Regions of {root}: {regencies} kabupaten/kota, {kecamatan} kecamatan, {desa} kelurahan/desa"
            ),
            (Self::OtherRoot { held, wanted }, Id) => format!(
                "database ini sudah disiapkan untuk {held}, bukan {wanted}: satu database memegang satu provinsi (atau seluruh Indonesia). Buat database lain untuk {wanted}: pantau --db FILE init ..."
            ),
            (Self::OtherRoot { held, wanted }, En) => format!(
                "this database is set up for {held}, not {wanted}: one database holds one province (or the whole country). Create another database for {wanted}: pantau --db FILE init ..."
            ),
            (Self::Nationwide, Id) => "seluruh Indonesia (Bawaslu RI)".into(),
            (Self::Nationwide, En) => "the whole country (Bawaslu RI)".into(),
            (Self::TreeCheck, l) => tree_check(l).into(),
            (Self::TreeOf { root, source }, Id) => format!("{root}; sumber: {source}"),
            (Self::TreeOf { root, source }, En) => format!("{root}; source: {source}"),
            (Self::TreeEmpty, Id) => "belum ada data rujukan (pantau init)".into(),
            (Self::TreeEmpty, En) => "no reference data yet (pantau init)".into(),
            (Self::DemoNoContests { province }, Id) => format!(
                "catatan: kontestasi Pilkada 2024 yang dikirim bersama pantau hanya milik Kaltim; kasus Pilkada di {province} dibuat tanpa kontestasi"
            ),
            (Self::DemoNoContests { province }, En) => format!(
                "note: the Pilkada 2024 contests pantau ships are Kaltim's; Pilkada cases in {province} are written without a contest"
            ),
            (Self::SimulateKaltimOnly { province, code }, Id) => format!(
                "pantau simulate hanya menulis kasus kantor-kantor Kaltim, sedangkan database ini milik {province}; untuk kasus buatan {province} gunakan pantau demo --records N --province {code} pada berkas lain"
            ),
            (Self::SimulateKaltimOnly { province, code }, En) => format!(
                "pantau simulate writes cases of Kaltim's offices only, and this database is {province}'s; for synthetic cases of {province} use pantau demo --records N --province {code} on another file"
            ),
            (Self::DemoContestsOnlyKaltim, Id) => {
                "catatan: kontestasi Pilkada 2024 yang dikirim bersama pantau hanya milik Kaltim; kasus Pilkada di provinsi lain dibuat tanpa kontestasi".into()
            }
            (Self::DemoContestsOnlyKaltim, En) => {
                "note: the Pilkada 2024 contests pantau ships are Kaltim's; Pilkada cases in other provinces are written without a contest".into()
            }
            (
                Self::OriginMismatch {
                    file,
                    origin,
                    found,
                    examples,
                },
                Id,
            ) => format!(
                "{file}: berkas ini disebut berasal dari provinsi {origin} (--origin), tetapi memuat kasus kantor provinsi {found} (misalnya {examples}); tidak ada yang disimpan. Periksa berkasnya, atau impor tanpa --origin"
            ),
            (
                Self::OriginMismatch {
                    file,
                    origin,
                    found,
                    examples,
                },
                En,
            ) => format!(
                "{file}: this file is said to come from province {origin} (--origin), yet it holds cases of offices in province {found} (e.g. {examples}); nothing was saved. Check the file, or import it without --origin"
            ),
            (Self::Moves { file, count, cases }, Id) => format!(
                "{file}: {count} kasus yang tersimpan sebagai kasus satu provinsi akan menjadi kasus provinsi lain (nomor penerimaan yang sama): {cases}. Tidak ada yang disimpan: kasus yang dilimpahkan antarprovinsi atau satu nomor yang dipakai dua provinsi diselesaikan dulu oleh kedua kantor (lihat docs/rollup.md)"
            ),
            (Self::Moves { file, count, cases }, En) => format!(
                "{file}: {count} cases stored as one province's would become another province's (the same intake number): {cases}. Nothing was saved: a case transferred between provinces, or one number used by two provinces, is settled by the two offices first (see docs/rollup.md)"
            ),
            (Self::OriginRecorded { origin }, Id) => format!("asal: {origin}"),
            (Self::OriginRecorded { origin }, En) => format!("origin: {origin}"),
            (Self::OriginNone, Id) => "-".into(),
            (Self::OriginNone, En) => "-".into(),
        }
    }
}

/// `doctor`'s name of the region tree check, as its checks name themselves (`&'static str`).
pub fn tree_check(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "pohon wilayah",
        Lang::En => "region tree",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_both_languages_and_they_differ_where_words_do() {
        let m = National::OtherRoot {
            held: "Provinsi Kalimantan Timur (64)",
            wanted: "Provinsi Jawa Barat (32)",
        };
        assert!(m.text(Lang::Id).contains("bukan Provinsi Jawa Barat (32)"));
        assert!(m.text(Lang::En).contains("not Provinsi Jawa Barat (32)"));
        assert_ne!(
            National::TreeCheck.text(Lang::Id),
            National::TreeCheck.text(Lang::En)
        );
    }
}
