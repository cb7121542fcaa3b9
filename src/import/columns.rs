//! The column table of imports: each column's Indonesian name (the `cases` column and `Case` field),
//! its English aliases, whether it is required, and how a header row is matched against it.

use crate::domain::fold;
pub use crate::import::table::ColumnSet;
use crate::import::table::{Named, Table, names_column, nearest, spellings};

/// What a column holds, and so how its text is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The intake number: text, surrounding spaces removed.
    Nomor,
    /// Free text, kept exactly as written.
    Text,
    /// `temuan` or `laporan`.
    Source,
    /// A region by Kemendagri code, short name or name.
    Region,
    /// A stage by code or name.
    Stage,
    /// `YYYY-MM-DD` or `DD/MM/YYYY` (or a date cell of a spreadsheet).
    Date,
    /// A status by code or label.
    Status,
    /// true/false, 1/0, ya/tidak, yes/no.
    Bool,
    /// A violation type by code or label.
    ViolationType,
    /// A reported-party category by code or label.
    PartyCategory,
    /// A forwarding destination by code or label.
    Forwarding,
    /// An election by code or name (`PILKADA2024`, `Pilkada 2024`).
    Election,
    /// A contest of the row's election by code or name (`GUBERNUR`).
    Contest,
    /// Where the case happened: a kecamatan or kelurahan/desa by code or name, read together
    /// with the row's handling office (the area the names are looked up in) by
    /// `Validator::place`.
    Place,
    /// A TPS number: `5`, `005`, `TPS 005`.
    Tps,
    /// Part of the steps after forwarding (not a column of `cases`): one step per line of the
    /// cell, the n-th line of each follow-up column making the n-th step.
    FollowUp,
    /// The handling history (not a column of `cases`): one transfer per line, or the JSON array
    /// an export writes; read by `Validator::transfers`.
    Chain,
}

/// One column of the `cases` table, in the order of `store::write::CASE_COLUMNS`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Column {
    Nomor,
    NomorRegistrasi,
    Sumber,
    KodeWilayah,
    Kecamatan,
    KodeTahapan,
    TanggalKejadian,
    TanggalDiketahui,
    TanggalDiterima,
    TanggalRegistrasi,
    Status,
    Diperpanjang,
    JenisDugaan,
    JenisPelanggaran,
    Pasal,
    Uraian,
    Terlapor,
    KategoriTerlapor,
    Pelapor,
    DiteruskanKe,
    NomorSuratPenerusan,
    TanggalPenerusan,
    /// The election the case belongs to: the `cases` column `election`, the `Case` field
    /// `election`, written `pemilihan` in files (export and import) as every other column is
    /// written in Indonesian.
    Pemilihan,
    /// The race the case concerns, a contest of the row's election.
    Kontestasi,
    /// Where it happened: the kecamatan's code (`kecamatan` may name it instead), the
    /// kelurahan/desa's code and the TPS number within it.
    KodeKecamatan,
    KodeDesa,
    Tps,
    /// The kelurahan/desa by name (not a column of `cases`, which keeps its code): what an export
    /// writes beside `kode_desa` for a person reading the sheet, and what a person may write
    /// instead of the code.
    Desa,
    /// The steps after forwarding (table `follow_ups`): step, date, the decision's number, note.
    LanjutTahap,
    LanjutTanggal,
    LanjutNomor,
    LanjutCatatan,
    /// The day the row's status took effect (not a column of `cases`): it dates the history
    /// entry a change of status makes, instead of the time of the import.
    TanggalStatus,
    /// The case's transfers and take-overs (table `handling_history`), oldest first: what lets a
    /// roll-up count a case where it was handled on each date.
    Pelimpahan,
}

/// The number of importable columns.
pub const N: usize = 34;

/// The number of columns of the `cases` table: the first of [`COLUMNS`]; the desa's name and the
/// follow-up columns come after them.
pub const CASE_N: usize = 27;

/// How one column is named, matched, read and documented.
#[derive(Clone, Copy, Debug)]
pub struct Spec {
    pub column: Column,
    /// The Indonesian name: the database column and the `Case` field (`pemilihan` alone is the
    /// column `election`: see [`Column::Pemilihan`]).
    pub name: &'static str,
    /// Other accepted headers; the first is the English name.
    pub aliases: &'static [&'static str],
    pub required: bool,
    pub kind: Kind,
    /// A value as it may appear in a file (for the README and the example files).
    pub example: &'static str,
}

const fn spec(
    column: Column,
    name: &'static str,
    aliases: &'static [&'static str],
    required: bool,
    kind: Kind,
    example: &'static str,
) -> Spec {
    Spec {
        column,
        name,
        aliases,
        required,
        kind,
        example,
    }
}

/// Every importable column, in the order of the `cases` table.
pub const COLUMNS: [Spec; N] = [
    spec(
        Column::Nomor,
        "nomor",
        &["number", "intake_number", "case_number"],
        true,
        Kind::Nomor,
        "001/LP/PL/Kota/23.05/I/2024",
    ),
    spec(
        Column::NomorRegistrasi,
        "nomor_registrasi",
        &["registration_number"],
        false,
        Kind::Text,
        "001/Reg/LP/PL/Kota/23.05/I/2024",
    ),
    spec(
        Column::Sumber,
        "sumber",
        &["source"],
        true,
        Kind::Source,
        "laporan",
    ),
    spec(
        Column::KodeWilayah,
        "kode_wilayah",
        &["region", "region_code", "wilayah"],
        true,
        Kind::Region,
        "64.71 or Balikpapan",
    ),
    spec(
        Column::Kecamatan,
        "kecamatan",
        &["district"],
        false,
        Kind::Place,
        "Balikpapan Selatan or 64.71.01",
    ),
    spec(
        Column::KodeTahapan,
        "kode_tahapan",
        &["stage", "stage_code", "tahapan"],
        true,
        Kind::Stage,
        "KAMPANYE or Masa kampanye",
    ),
    spec(
        Column::TanggalKejadian,
        "tanggal_kejadian",
        &["event_date"],
        false,
        Kind::Date,
        "2024-01-10",
    ),
    spec(
        Column::TanggalDiketahui,
        "tanggal_diketahui",
        &["known_date"],
        false,
        Kind::Date,
        "11/01/2024",
    ),
    spec(
        Column::TanggalDiterima,
        "tanggal_diterima",
        &["received_date"],
        true,
        Kind::Date,
        "2024-01-12",
    ),
    spec(
        Column::TanggalRegistrasi,
        "tanggal_registrasi",
        &["registration_date"],
        false,
        Kind::Date,
        "2024-01-15",
    ),
    spec(
        Column::Status,
        "status",
        &[],
        true,
        Kind::Status,
        "DIREGISTRASI or Registered",
    ),
    spec(
        Column::Diperpanjang,
        "diperpanjang",
        &["extended"],
        false,
        Kind::Bool,
        "ya, tidak, true, false, 1, 0",
    ),
    spec(
        Column::JenisDugaan,
        "jenis_dugaan",
        &["suspected_type"],
        false,
        Kind::ViolationType,
        "PIDANA",
    ),
    spec(
        Column::JenisPelanggaran,
        "jenis_pelanggaran",
        &["proven_type", "violation_type"],
        false,
        Kind::ViolationType,
        "Kode etik",
    ),
    spec(
        Column::Pasal,
        "pasal",
        &["article"],
        false,
        Kind::Text,
        "Pasal 523 ayat (1) UU 7/2017",
    ),
    spec(
        Column::Uraian,
        "uraian",
        &["description"],
        false,
        Kind::Text,
        "Pembagian minyak goreng oleh tim kampanye",
    ),
    spec(
        Column::Terlapor,
        "terlapor",
        &["reported_party"],
        false,
        Kind::Text,
        "Sdr. AR (tim kampanye)",
    ),
    spec(
        Column::KategoriTerlapor,
        "kategori_terlapor",
        &["reported_category"],
        false,
        Kind::PartyCategory,
        "TIM_KAMPANYE",
    ),
    spec(
        Column::Pelapor,
        "pelapor",
        &["reporter"],
        false,
        Kind::Text,
        "Sdr. HS (pemilih)",
    ),
    spec(
        Column::DiteruskanKe,
        "diteruskan_ke",
        &["forwarded_to"],
        false,
        Kind::Forwarding,
        "GAKKUMDU",
    ),
    spec(
        Column::NomorSuratPenerusan,
        "nomor_surat_penerusan",
        &["forwarding_letter"],
        false,
        Kind::Text,
        "012/PP.01.02/K.KI-10/I/2024",
    ),
    spec(
        Column::TanggalPenerusan,
        "tanggal_penerusan",
        &["forwarding_date"],
        false,
        Kind::Date,
        "2024-01-20",
    ),
    spec(
        Column::Pemilihan,
        "pemilihan",
        &["election", "kode_pemilihan"],
        false,
        Kind::Election,
        "PILKADA2024 or Pilkada 2024",
    ),
    spec(
        Column::Kontestasi,
        "kontestasi",
        &["contest"],
        false,
        Kind::Contest,
        "GUBERNUR",
    ),
    spec(
        Column::KodeKecamatan,
        "kode_kecamatan",
        &["district_code"],
        false,
        Kind::Place,
        "64.71.01",
    ),
    spec(
        Column::KodeDesa,
        "kode_desa",
        &["village_code"],
        false,
        Kind::Place,
        "64.71.01.1001",
    ),
    spec(
        Column::Tps,
        "tps",
        &["polling_station", "nomor_tps"],
        false,
        Kind::Tps,
        "5, 005 or TPS 005",
    ),
    spec(
        Column::Desa,
        "desa",
        &["village", "kelurahan"],
        false,
        Kind::Place,
        "Sepinggan or Kelurahan Sepinggan",
    ),
    spec(
        Column::LanjutTahap,
        "lanjut_tahap",
        &["follow_up_step", "tahap_tindak_lanjut"],
        false,
        Kind::FollowUp,
        "PUTUSAN or Putusan pengadilan (one step per line)",
    ),
    spec(
        Column::LanjutTanggal,
        "lanjut_tanggal",
        &["follow_up_date", "tanggal_tindak_lanjut"],
        false,
        Kind::FollowUp,
        "2024-03-05",
    ),
    spec(
        Column::LanjutNomor,
        "lanjut_nomor",
        &["follow_up_reference", "nomor_putusan"],
        false,
        Kind::FollowUp,
        "12/Pid.Sus/2024/PN Bpp",
    ),
    spec(
        Column::LanjutCatatan,
        "lanjut_catatan",
        &["follow_up_note", "catatan_tindak_lanjut"],
        false,
        Kind::FollowUp,
        "Pidana penjara 3 bulan, masa percobaan 6 bulan",
    ),
    spec(
        Column::TanggalStatus,
        "tanggal_status",
        &["status_date"],
        false,
        Kind::Date,
        "2024-01-18",
    ),
    spec(
        Column::Pelimpahan,
        "pelimpahan",
        &["transfers", "handling_history"],
        false,
        Kind::Chain,
        "2024-01-20 64.72>64 dilimpahkan \"031/PP.01.02/K.KI/01/2024\"",
    ),
];

/// The follow-up columns, in order: step, date, reference, note.
pub const FOLLOW_UP: [Column; 4] = [
    Column::LanjutTahap,
    Column::LanjutTanggal,
    Column::LanjutNomor,
    Column::LanjutCatatan,
];

/// Headers that are accepted and ignored: the line number and reason pantau adds to a file of
/// rejected rows, so a corrected rejected file imports as it is.
pub const IGNORED: &[&str] = &["baris", "line", "alasan", "reason"];

impl Column {
    /// The column's position in [`COLUMNS`] and in a row of cells.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The column's specification.
    pub fn spec(self) -> &'static Spec {
        &COLUMNS[self.index()]
    }

    /// The Indonesian (canonical) name.
    pub fn name(self) -> &'static str {
        self.spec().name
    }
}

/// What a header names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Header {
    Column(Column),
    /// One of [`IGNORED`].
    Ignored,
    Unknown,
}

/// Matches a header, ignoring case, spaces, dashes and underscores: `Tanggal Diterima`,
/// `tanggal_diterima` and `received date` all name `tanggal_diterima`.
pub fn match_header(text: &str) -> Header {
    let want = fold(text.trim());
    for s in &COLUMNS {
        if names_column(&want, s.name, s.aliases) {
            return Header::Column(s.column);
        }
    }
    if IGNORED.iter().any(|i| fold(i) == want) {
        Header::Ignored
    } else {
        Header::Unknown
    }
}

/// The known column name nearest to a misspelt header, for "did you mean".
pub fn suggest_header(text: &str) -> Option<&'static str> {
    nearest(
        text,
        COLUMNS.iter().flat_map(|s| spellings(s.name, s.aliases)),
    )
}

/// The required columns.
pub fn required() -> impl Iterator<Item = Column> {
    COLUMNS.iter().filter(|s| s.required).map(|s| s.column)
}

impl From<Column> for usize {
    fn from(c: Column) -> usize {
        c.index()
    }
}

/// The columns of a case file, as the readers see them.
#[derive(Debug)]
pub struct CaseTable;

/// The table of case files.
pub static CASES: CaseTable = CaseTable;

impl Table for CaseTable {
    fn width(&self) -> usize {
        N
    }

    fn array_of(&self, key: &str) -> Option<Vec<(usize, &'static [&'static str])>> {
        const NAMES: [&[&str]; 4] = [
            &["tahap", "step", "lanjut_tahap"],
            &["tanggal", "date", "lanjut_tanggal"],
            &["nomor", "reference", "lanjut_nomor"],
            &["catatan", "note", "lanjut_catatan"],
        ];
        ["lanjut", "followups", "tindaklanjut"]
            .contains(&crate::domain::fold(key).as_str())
            .then(|| FOLLOW_UP.iter().map(|c| c.index()).zip(NAMES).collect())
    }

    fn name(&self, column: usize) -> &'static str {
        COLUMNS[column].name
    }

    fn keeps_json(&self, column: usize) -> bool {
        COLUMNS[column].kind == Kind::Chain
    }

    fn named(&self, header: &str) -> Named {
        match match_header(header) {
            Header::Column(c) => Named::Column(c.index()),
            Header::Ignored => Named::Ignored,
            Header::Unknown => Named::Unknown,
        }
    }

    fn suggest(&self, header: &str) -> Option<&'static str> {
        suggest_header(header)
    }

    fn required(&self, column: usize) -> bool {
        COLUMNS[column].required
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_follows_the_case_columns_in_order() {
        let names: Vec<&str> = COLUMNS[..CASE_N].iter().map(|s| s.name).collect();
        // After the case columns: the desa's name, the four follow-up ones, the status date, then
        // the handling history.
        let rest: Vec<Column> = COLUMNS[CASE_N..].iter().map(|s| s.column).collect();
        let mut want = vec![Column::Desa];
        want.extend(FOLLOW_UP);
        want.push(Column::TanggalStatus);
        want.push(Column::Pelimpahan);
        assert_eq!(rest, want);
        assert!(
            COLUMNS[CASE_N + 1..N - 2]
                .iter()
                .all(|s| s.kind == Kind::FollowUp)
        );
        // Every column of `cases` is imported, under its own name but for `election`, which
        // files (and the `Case` field's serialised name) call `pemilihan`.
        let store: Vec<&str> = crate::store::write::CASE_COLUMNS
            .split(',')
            .map(str::trim)
            .map(|c| if c == "election" { "pemilihan" } else { c })
            .collect();
        assert_eq!(names, store);
        assert_eq!(Column::Pemilihan.spec().aliases[0], "election");
        for (i, s) in COLUMNS.iter().enumerate() {
            assert_eq!(s.column.index(), i, "{}", s.name);
        }
    }

    #[test]
    fn headers_match_in_either_language_and_any_spelling() {
        assert_eq!(
            match_header("tanggal_diterima"),
            Header::Column(Column::TanggalDiterima)
        );
        assert_eq!(
            match_header(" Tanggal Diterima "),
            Header::Column(Column::TanggalDiterima)
        );
        assert_eq!(
            match_header("Received-Date"),
            Header::Column(Column::TanggalDiterima)
        );
        assert_eq!(match_header("REGION"), Header::Column(Column::KodeWilayah));
        assert_eq!(match_header("alasan"), Header::Ignored);
        assert_eq!(match_header("catatan"), Header::Unknown);
        assert_eq!(suggest_header("tanggal_diterma"), Some("tanggal_diterima"));
        assert_eq!(suggest_header("stauts"), Some("status"));
        assert_eq!(suggest_header("catatan"), None);
    }

    #[test]
    fn every_header_names_one_column_only() {
        let mut all: Vec<String> = COLUMNS
            .iter()
            .flat_map(|s| std::iter::once(s.name).chain(s.aliases.iter().copied()))
            .chain(IGNORED.iter().copied())
            .map(fold)
            .collect();
        let n = all.len();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), n);
    }
}
