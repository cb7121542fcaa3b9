//! The messages of campaign activities (kegiatan kampanye): loading the office's weekly figures,
//! the problems a file of them can have, and `pantau kegiatan`'s tables. Bahasa Indonesia and
//! English side by side; a variant without both texts does not compile.

use chrono::{Datelike, NaiveDate};

use super::Lang;
use super::core::Core;

/// A message about campaign activities.
#[derive(Clone, Copy, Debug)]
pub enum Kegiatan<'a> {
    /// A method not in the list of `election` (its names in Bahasa Indonesia and English): the
    /// nearest one and the list, each method as its code and its name in the message's language.
    UnknownMethod {
        value: &'a str,
        suggestion: Option<&'a MethodName>,
        choices: &'a [MethodName],
        election: (&'a str, &'a str),
    },
    /// A pekan number the campaign does not have.
    PekanOutOfRange {
        value: &'a str,
        count: u32,
    },
    /// A date outside the campaign.
    OutsideCampaign {
        value: &'a str,
        from: NaiveDate,
        to: NaiveDate,
    },
    /// Not a whole number of zero or more.
    BadCount {
        value: &'a str,
    },
    /// A count above the most one row may hold.
    CountTooLarge {
        value: &'a str,
        max: i64,
    },
    /// The same figure on an earlier line.
    DuplicateFigure {
        first_line: u64,
    },
    /// The campaign stage (`stage`) of `election` has no dates: no pekan can be counted.
    NoCampaign {
        election: &'a str,
        stage: &'a str,
    },
    /// An election the database does not hold, in a row's `pemilihan` cell or in `--election`
    /// (`choices`: those it holds).
    UnknownElection {
        value: &'a str,
        suggestion: Option<&'a str>,
        choices: &'a str,
    },
    /// `rows` rows name no election, none was given, and the database holds several.
    ElectionUntold {
        rows: usize,
        elections: &'a str,
    },
    /// The election a table or a file of activities is of.
    OfElection {
        name: &'a str,
    },
    /// What loading a file did, counted in regions' pekan.
    Loaded {
        new: usize,
        corrected: usize,
        unchanged: usize,
    },
    /// A region's pekan that had no figures.
    PekanNew {
        total: &'a str,
    },
    /// A region's pekan whose figures were the same.
    PekanUnchanged {
        total: &'a str,
    },
    /// A region's pekan whose figures were replaced.
    PekanCorrected {
        old: &'a str,
        new: &'a str,
    },
    /// Every figure of the file is loaded already: nothing was written.
    NothingChanged,
    /// A file with a header row and no figure under it.
    NoFigures {
        name: &'a str,
    },
    /// Among the columns the file has and activities do not, some are the case import's own:
    /// the file is most likely one of cases, which `pantau import` loads.
    LooksLikeCases {
        name: &'a str,
        columns: &'a str,
    },
    /// The same bytes were loaded before.
    SameFile {
        batch: i64,
        at: &'a str,
        by: &'a str,
    },
    /// Nothing loaded yet.
    NoneLoaded,
    /// No correction has replaced a figure.
    NoHistory,
    /// Column headers.
    Region,
    Pekan,
    Total,
    Method,
    Contestant,
    Party,
    /// Column: the candidate pair a Pilkada's figure is of (its `partai` cell).
    Pair,
    /// A candidate pair: its race's name and its ballot number (nomor urut).
    PairOf {
        race: &'a str,
        number: u32,
    },
    Count,
    LoadedBy,
    ReplacedBy,
    /// The total of a pekan, all regions.
    PekanTotal {
        pekan: u32,
    },
    /// The total of all pekan.
    AllTotal,
    /// Problems, so nothing was written.
    Problems {
        total: usize,
        rows: usize,
    },
    /// `kegiatan export` wrote its file.
    Exported {
        rows: usize,
        path: &'a str,
    },
}

/// A campaign method as a message names it: its code and its names in either language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MethodName {
    pub code: String,
    pub name_id: String,
    pub name_en: String,
}

impl MethodName {
    /// `TATAP_MUKA (Tatap muka)`: the code and the name in `lang` only.
    fn shown(&self, lang: Lang) -> String {
        let name = match lang {
            Lang::Id => &self.name_id,
            Lang::En => &self.name_en,
        };
        format!("{} ({name})", self.code)
    }
}

/// The methods of `choices` as a message in `lang` lists them.
fn methods(choices: &[MethodName], lang: Lang) -> String {
    choices
        .iter()
        .map(|m| m.shown(lang))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A date written out in `lang`: "28 November 2023".
fn long(lang: Lang, d: NaiveDate) -> String {
    format!(
        "{} {} {}",
        d.day(),
        Core::month_long(lang, d.month()),
        d.year()
    )
}

impl Kegiatan<'_> {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use Lang::{En, Id};
        match (*self, lang) {
            (
                Self::UnknownMethod {
                    value,
                    suggestion,
                    choices,
                    election: (name, _),
                },
                Id,
            ) => {
                let choices = methods(choices, Id);
                match suggestion {
                    Some(s) => format!(
                        "metode kampanye tidak dikenal \"{value}\" — maksud Anda {}? (pilihan {name}: {choices})",
                        s.shown(Id)
                    ),
                    None => format!(
                        "metode kampanye tidak dikenal \"{value}\" (pilihan {name}: {choices})"
                    ),
                }
            }
            (
                Self::UnknownMethod {
                    value,
                    suggestion,
                    choices,
                    election: (_, name),
                },
                En,
            ) => {
                let choices = methods(choices, En);
                match suggestion {
                    Some(s) => format!(
                        "unknown campaign method \"{value}\" — did you mean {}? (choices of the {name}: {choices})",
                        s.shown(En)
                    ),
                    None => format!(
                        "unknown campaign method \"{value}\" (choices of the {name}: {choices})"
                    ),
                }
            }
            (Self::PekanOutOfRange { value, count }, Id) => format!(
                "pekan \"{value}\" tidak ada: kampanye ini punya pekan 1 sampai {count} (atau tulis tanggal dalam masa kampanye)"
            ),
            (Self::PekanOutOfRange { value, count }, En) => format!(
                "there is no pekan \"{value}\": this campaign has pekan 1 to {count} (or write a date of the campaign)"
            ),
            (Self::OutsideCampaign { value, from, to }, Id) => format!(
                "tanggal \"{value}\" di luar masa kampanye ({} – {}), jadi tidak ada di pekan mana pun",
                long(Id, from),
                long(Id, to)
            ),
            (Self::OutsideCampaign { value, from, to }, En) => format!(
                "the date \"{value}\" is outside the campaign ({} – {}), so in no pekan",
                long(En, from),
                long(En, to)
            ),
            (Self::BadCount { value }, Id) => format!(
                "jumlah \"{value}\" bukan bilangan bulat nol atau lebih (tulis angka saja, tanpa titik atau koma)"
            ),
            (Self::BadCount { value }, En) => format!(
                "the count \"{value}\" is not a whole number of zero or more (digits only, no dots or commas)"
            ),
            (Self::CountTooLarge { value, max }, Id) => format!(
                "jumlah \"{value}\" terlalu besar: paling banyak {} kegiatan dalam satu baris",
                super::number(Id, max)
            ),
            (Self::CountTooLarge { value, max }, En) => format!(
                "the count \"{value}\" is too large: at most {} activities in one row",
                super::number(En, max)
            ),
            (Self::DuplicateFigure { first_line }, Id) => format!(
                "wilayah, pekan, metode, peserta dan partai yang sama sudah ada di baris {first_line}; satukan angkanya di satu baris"
            ),
            (Self::DuplicateFigure { first_line }, En) => format!(
                "the same region, pekan, method, contestant and party are on line {first_line} already; put the figure on one line"
            ),
            (Self::NoCampaign { election, stage }, Id) => format!(
                "tahapan {stage} {election} tidak punya tanggal di data rujukan, jadi pekan tidak dapat dihitung; lengkapi stages.csv pemilihan itu lalu jalankan `pantau init --reference`"
            ),
            (Self::NoCampaign { election, stage }, En) => format!(
                "the {stage} stage of {election} has no dates in the reference data, so no pekan can be counted; complete that election's stages.csv and run `pantau init --reference`"
            ),
            (
                Self::UnknownElection {
                    value,
                    suggestion,
                    choices,
                },
                Id,
            ) => match suggestion {
                Some(s) => format!("pemilihan tidak dikenal \"{value}\" — maksud Anda {s}?"),
                None => format!("pemilihan tidak dikenal \"{value}\" (yang ada: {choices})"),
            },
            (
                Self::UnknownElection {
                    value,
                    suggestion,
                    choices,
                },
                En,
            ) => match suggestion {
                Some(s) => format!("unknown election \"{value}\" — did you mean {s}?"),
                None => format!("unknown election \"{value}\" (known: {choices})"),
            },
            (Self::ElectionUntold { rows, elections }, Id) => format!(
                "{rows} baris tidak menyebut pemilihannya: sebutkan di kolom \"pemilihan\" ({elections}), atau beri --election KODE untuk baris yang tidak menyebutnya"
            ),
            (Self::ElectionUntold { rows, elections }, En) => format!(
                "{rows} {} not say {} election: name it in a column \"pemilihan\" ({elections}), or give --election CODE for the rows that do not name it",
                if rows == 1 { "row does" } else { "rows do" },
                if rows == 1 { "its" } else { "their" }
            ),
            (Self::OfElection { name }, Id) => format!("Pemilihan: {name}"),
            (Self::OfElection { name }, En) => format!("Election: {name}"),
            (
                Self::Loaded {
                    new,
                    corrected,
                    unchanged,
                },
                Id,
            ) => format!(
                "pekan per wilayah: {new} baru, {corrected} dikoreksi, {unchanged} tidak berubah"
            ),
            (
                Self::Loaded {
                    new,
                    corrected,
                    unchanged,
                },
                En,
            ) => format!(
                "figures of a region's pekan: {new} new, {corrected} corrected, {unchanged} unchanged"
            ),
            (Self::PekanNew { total }, Id) => format!("baru, {total} kegiatan"),
            (Self::PekanNew { total }, En) => format!("new, {total} activities"),
            (Self::PekanUnchanged { total }, Id) => format!("tidak berubah, {total} kegiatan"),
            (Self::PekanUnchanged { total }, En) => format!("unchanged, {total} activities"),
            (Self::PekanCorrected { old, new }, Id) if old == new => format!(
                "dikoreksi, rinciannya (metode, peserta, partai) berubah, jumlahnya tetap {new} kegiatan (angka lama disimpan di riwayat)"
            ),
            (Self::PekanCorrected { old, new }, En) if old == new => format!(
                "corrected: its breakdown (method, contestant, party) changed, its total stays {new} activities (the old figures kept in the history)"
            ),
            (Self::PekanCorrected { old, new }, Id) => {
                format!("dikoreksi, {old} → {new} kegiatan (angka lama disimpan di riwayat)")
            }
            (Self::PekanCorrected { old, new }, En) => {
                format!("corrected, {old} → {new} activities (the old figures kept in the history)")
            }
            (Self::NoFigures { name }, Id) => format!(
                "{name} tidak berisi angka, hanya baris judul; tidak ada yang ditulis (apakah lembar atau berkas yang dipilih benar?)"
            ),
            (Self::NoFigures { name }, En) => format!(
                "{name} has no figures, only its header row; nothing was written (is it the right file or sheet?)"
            ),
            (Self::LooksLikeCases { name, columns }, Id) => format!(
                "{name} tampaknya berkas kasus (kolom {columns}); kasus dimuat dengan \
                 `pantau import {name}`"
            ),
            (Self::LooksLikeCases { name, columns }, En) => format!(
                "{name} looks like a file of cases (columns {columns}); cases are loaded with \
                 `pantau import {name}`"
            ),
            (Self::NothingChanged, Id) => {
                "tidak ada yang berubah: semua angka ini sudah dimuat; tidak ada yang ditulis".into()
            }
            (Self::NothingChanged, En) => {
                "nothing changed: every figure is loaded already; nothing was written".into()
            }
            (Self::SameFile { batch, at, by }, Id) => {
                format!("berkas yang sama sudah dimuat sebagai batch #{batch} pada {at} oleh {by}")
            }
            (Self::SameFile { batch, at, by }, En) => {
                format!("the same file was loaded as batch #{batch} on {at} by {by}")
            }
            (Self::NoneLoaded, Id) => {
                "Belum ada kegiatan kampanye yang dimuat; muat angka mingguan dengan `pantau kegiatan import BERKAS`.".into()
            }
            (Self::NoneLoaded, En) => {
                "No campaign activities are loaded yet; load the weekly figures with `pantau kegiatan import FILE`.".into()
            }
            (Self::NoHistory, Id) => "Belum ada angka yang diganti oleh koreksi.".into(),
            (Self::NoHistory, En) => "No figure has been replaced by a correction yet.".into(),
            (Self::Region, Id) => "Wilayah".into(),
            (Self::Region, En) => "Region".into(),
            (Self::Pekan, _) => "Pekan".into(),
            (Self::Total, Id) => "Jumlah".into(),
            (Self::Total, En) => "Total".into(),
            (Self::Method, Id) => "Metode".into(),
            (Self::Method, En) => "Method".into(),
            (Self::Contestant, Id) => "Peserta".into(),
            (Self::Contestant, En) => "Contestant".into(),
            (Self::Party, Id) => "Partai".into(),
            (Self::Party, En) => "Party".into(),
            (Self::Pair, Id) => "Pasangan calon".into(),
            (Self::Pair, En) => "Candidate pair".into(),
            (Self::PairOf { race, number }, Id) => format!("{race}, nomor urut {number:02}"),
            (Self::PairOf { race, number }, En) => format!("{race}, pair no. {number}"),
            (Self::Count, Id) => "Kegiatan".into(),
            (Self::Count, En) => "Activities".into(),
            (Self::LoadedBy, Id) => "Dimuat".into(),
            (Self::LoadedBy, En) => "Loaded".into(),
            (Self::ReplacedBy, Id) => "Diganti".into(),
            (Self::ReplacedBy, En) => "Replaced".into(),
            (Self::PekanTotal { pekan }, Id) => format!("Jumlah pekan ke-{pekan}"),
            (Self::PekanTotal { pekan }, En) => format!("Total of week {pekan}"),
            (Self::AllTotal, Id) => "Jumlah semua pekan".into(),
            (Self::AllTotal, En) => "Total of every pekan".into(),
            (Self::Problems { total, rows }, Id) => format!(
                "{total} kesalahan di {rows} baris; tidak ada yang ditulis (perbaiki berkasnya, lalu muat lagi)"
            ),
            (Self::Problems { total, rows }, En) => format!(
                "{total} {} in {rows} {}; nothing was written (fix the file, then load it again)",
                if total == 1 { "problem" } else { "problems" },
                if rows == 1 { "row" } else { "rows" }
            ),
            (Self::Exported { rows, path }, Id) => {
                format!("{rows} baris kegiatan kampanye ditulis → {path}")
            }
            (Self::Exported { rows, path }, En) => {
                format!("{rows} rows of campaign activities written → {path}")
            }
        }
    }
}
