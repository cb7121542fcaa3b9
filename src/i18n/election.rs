//! The messages of elections as reference data: an election's files (election.toml, stages.csv,
//! campaign_methods.csv, contests.csv) and what can be wrong in them. Bahasa Indonesia and English
//! side by side; a variant without both texts does not compile.

use super::Lang;

/// What a column of a reference file holds, for the message of a cell that does not hold it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellWant {
    /// A day, `YYYY-MM-DD`.
    Date,
    /// A whole number.
    Whole,
    /// A number.
    Number,
    /// `true` or `false`.
    Bool,
}

/// A message about an election's reference files.
#[derive(Clone, Copy, Debug)]
pub enum ElectionMsg<'a> {
    /// election.toml is not valid TOML (the parser's words).
    TomlUnreadable { why: &'a str },
    /// A key election.toml must have is missing.
    KeyMissing { key: &'a str },
    /// A key holds no text.
    KeyEmpty { key: &'a str },
    /// A key holds a value of the wrong kind or out of range.
    KeyBad { key: &'a str, want: &'a str },
    /// A key election.toml does not know (a misspelling would otherwise be ignored).
    KeyUnknown { key: &'a str },
    /// The code names another election than its folder.
    CodeNotFolder { code: &'a str, folder: &'a str },
    /// The campaign stage is not a stage of stages.csv.
    CampaignStage { code: &'a str },
    /// The extended decision limit is shorter than the ordinary one.
    ExtensionShort { days: u32, extended: u32 },
    /// A contest is listed twice.
    ContestTwice { code: &'a str },
    /// A contest names a region regions.csv does not have.
    ContestRegion { code: &'a str, region: &'a str },
    /// A contest against the empty box with more than one pair.
    EmptyBoxPairs { code: &'a str },
    /// Two elections with one code.
    ElectionTwice { code: &'a str },
    /// No election at all.
    NoElections,
    /// The folder has stages.csv beside elections/: which one holds is not clear.
    StagesBesideElections,
    /// A column the file needs is not in its header.
    ColumnMissing { column: &'a str },
    /// A cell every row must fill is empty (`number` counts columns from 1).
    CellEmpty { number: usize, column: &'a str },
    /// A cell does not hold what its column wants.
    CellBad {
        number: usize,
        column: &'a str,
        value: &'a str,
        want: CellWant,
    },
    /// A row has more or fewer cells than the header.
    RowLength { found: u64, expected: u64 },
    /// The file is not UTF-8 text.
    NotUtf8,
    /// The campaign stage is not a stage of stages.csv, but one is near it.
    CampaignStageNear { code: &'a str, near: &'a str },
    /// A folder holds no election.toml, but folders in it are elections.
    FolderOfElections { codes: &'a str, flags: &'a str },
}

impl ElectionMsg<'_> {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use Lang::{En, Id};
        match (*self, lang) {
            (Self::TomlUnreadable { why }, Id) => format!("bukan TOML yang sah: {why}"),
            (Self::TomlUnreadable { why }, En) => format!("not valid TOML: {why}"),
            (Self::KeyMissing { key }, Id) => format!("kunci `{key}` tidak ada; tambahkan"),
            (Self::KeyMissing { key }, En) => format!("the key `{key}` is missing; add it"),
            (Self::KeyEmpty { key }, Id) => format!("`{key}` harus berisi teks"),
            (Self::KeyEmpty { key }, En) => format!("`{key}` must hold some text"),
            (Self::KeyBad { key, want }, Id) => format!("`{key}` harus {want}"),
            (Self::KeyBad { key, want }, En) => format!("`{key}` must be {want}"),
            (Self::KeyUnknown { key }, Id) => {
                format!("kunci `{key}` tidak dikenal (salah eja?)")
            }
            (Self::KeyUnknown { key }, En) => format!("unknown key `{key}` (misspelt?)"),
            (Self::CodeNotFolder { code, folder }, Id) => format!(
                "kode pemilihan {code} berbeda dengan nama foldernya {folder}; samakan keduanya"
            ),
            (Self::CodeNotFolder { code, folder }, En) => format!(
                "the election code {code} differs from its folder's name {folder}; make them the same"
            ),
            (Self::CampaignStage { code }, Id) => {
                format!("`campaign_stage`: tahapan {code} tidak ada di stages.csv")
            }
            (Self::CampaignStage { code }, En) => {
                format!("`campaign_stage`: the stage {code} is not in stages.csv")
            }
            (Self::CampaignStageNear { code, near }, Id) => format!(
                "`campaign_stage`: tahapan {code} tidak ada di stages.csv; maksud Anda {near}?"
            ),
            (Self::CampaignStageNear { code, near }, En) => format!(
                "`campaign_stage`: the stage {code} is not in stages.csv; did you mean {near}?"
            ),
            (Self::FolderOfElections { codes, flags, .. }, Id) => format!(
                "bukan folder satu pemilihan (tidak ada election.toml di dalamnya), \
                 tetapi folder di dalamnya adalah pemilihan: {codes}; sebut tiap folder: {flags}"
            ),
            (Self::FolderOfElections { codes, flags, .. }, En) => format!(
                "not one election's folder (it holds no election.toml), \
                 but the folders in it are elections: {codes}; name each folder: {flags}"
            ),
            (Self::ColumnMissing { column }, Id) => {
                format!("baris judul tidak memiliki kolom `{column}`; tambahkan")
            }
            (Self::ColumnMissing { column }, En) => {
                format!("the header has no column `{column}`; add it")
            }
            (Self::CellEmpty { number, column }, Id) => {
                format!("kolom {number} (`{column}`) kosong; setiap baris harus mengisinya")
            }
            (Self::CellEmpty { number, column }, En) => {
                format!("column {number} (`{column}`) is empty; every row must fill it")
            }
            (
                Self::CellBad {
                    number,
                    column,
                    value,
                    want,
                },
                Id,
            ) => {
                let want = match want {
                    CellWant::Date => {
                        "bukan tanggal; tulis dalam bentuk YYYY-MM-DD (misalnya 2029-05-31)"
                    }
                    CellWant::Whole => "bukan bilangan bulat; tulis angka saja (misalnya 3)",
                    CellWant::Number => "bukan angka; tulis misalnya 3 atau 2.5",
                    CellWant::Bool => "harus true atau false",
                };
                format!("kolom {number} (`{column}`): \"{value}\" {want}")
            }
            (
                Self::CellBad {
                    number,
                    column,
                    value,
                    want,
                },
                En,
            ) => {
                let want = match want {
                    CellWant::Date => "is not a date; write it YYYY-MM-DD (for example 2029-05-31)",
                    CellWant::Whole => "is not a whole number; write digits only (for example 3)",
                    CellWant::Number => "is not a number; write for example 3 or 2.5",
                    CellWant::Bool => "must be true or false",
                };
                format!("column {number} (`{column}`): \"{value}\" {want}")
            }
            (Self::RowLength { found, expected }, Id) => format!(
                "baris ini berisi {found} sel, baris judul {expected} kolom \
                 (koma kurang atau lebih? teks yang memuat koma diapit tanda kutip)"
            ),
            (Self::RowLength { found, expected }, En) => format!(
                "this row has {found} cells, the header {expected} columns \
                 (a comma too many or too few? text holding a comma goes in quotes)"
            ),
            (Self::NotUtf8, Id) => "bukan teks UTF-8; simpan ulang berkas sebagai UTF-8".into(),
            (Self::NotUtf8, En) => "not UTF-8 text; save the file again as UTF-8".into(),
            (Self::ExtensionShort { days, extended }, Id) => format!(
                "batas yang diperpanjang ({extended} hari) lebih pendek dari batas biasa ({days} hari)"
            ),
            (Self::ExtensionShort { days, extended }, En) => format!(
                "the extended limit ({extended} days) is shorter than the ordinary one ({days} days)"
            ),
            (Self::ContestTwice { code }, Id) => format!("kontestasi {code} muncul dua kali"),
            (Self::ContestTwice { code }, En) => format!("contest {code} appears twice"),
            (Self::ContestRegion { code, region }, Id) => {
                format!("kontestasi {code}: wilayah {region} tidak ada di regions.csv")
            }
            (Self::ContestRegion { code, region }, En) => {
                format!("contest {code}: region {region} is not in regions.csv")
            }
            (Self::EmptyBoxPairs { code }, Id) => {
                format!("kontestasi {code}: melawan kolom kosong berarti tepat satu pasangan calon")
            }
            (Self::EmptyBoxPairs { code }, En) => {
                format!("contest {code}: against the empty box means exactly one pair")
            }
            (Self::ElectionTwice { code }, Id) => format!("pemilihan {code} dimuat dua kali"),
            (Self::ElectionTwice { code }, En) => format!("election {code} is loaded twice"),
            (Self::NoElections, Id) => {
                "tidak ada satu pun pemilihan (folder elections/KODE/ dengan election.toml)".into()
            }
            (Self::NoElections, En) => {
                "no election at all (a folder elections/CODE/ with election.toml)".into()
            }
            (Self::StagesBesideElections, Id) => "stages.csv ada di samping folder elections/; \
                 tahapan kini milik tiap pemilihan: pindahkan ke elections/KODE/stages.csv"
                .into(),
            (Self::StagesBesideElections, En) => "stages.csv lies beside the folder elections/; \
                 stages now belong to each election: move it to elections/CODE/stages.csv"
                .into(),
        }
    }
}
