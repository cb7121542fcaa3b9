//! Typed reads: one `from_row` per type, by column name, converting codes back to enums with an
//! error that names the column and the value.

use rusqlite::Row;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ValueRef};

use crate::domain::{
    Case, FollowUpStep, Forwarding, PartyCategory, Source, Status, StatusChange, ViolationType,
};
use crate::error::Result;
use crate::i18n::Lang;
use crate::i18n::core::Core;
use crate::store::Store;

/// A code stored in the database that pantau does not know: the list it belongs to and the value.
/// It travels inside rusqlite's conversion error; [`crate::store::sqlite_error`] makes it
/// pantau's error, naming the database.
#[derive(Debug)]
pub struct UnknownCode {
    /// The list's name (`Core::CodeStatus`, …).
    pub list: Core<'static>,
    pub code: String,
    /// The codes the list has, for the message.
    pub choices: String,
}

impl std::fmt::Display for UnknownCode {
    /// The English message (the one in the user's language is made with the database's path).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let m = Core::UnknownCode {
            list: &self.list,
            value: self.code.clone(),
            suggestion: None,
            choices: self.choices.clone(),
        };
        f.write_str(&m.text(Lang::En))
    }
}

impl std::error::Error for UnknownCode {}

/// A code column read into its enum.
macro_rules! code_from_sql {
    ($($t:ty => $list:ident),+) => {$(
        impl FromSql for $t {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                let s = value.as_str()?;
                <$t>::from_code(s).ok_or_else(|| {
                    let choices: Vec<&str> = <$t>::ALL.iter().map(|c| c.code()).collect();
                    FromSqlError::Other(Box::new(UnknownCode {
                        list: Core::$list,
                        code: s.to_string(),
                        choices: choices.join(", "),
                    }))
                })
            }
        }
    )+};
}

code_from_sql!(
    Source => CodeSource,
    Status => CodeStatus,
    ViolationType => CodeViolationType,
    PartyCategory => CodePartyCategory,
    Forwarding => CodeForwarding,
    FollowUpStep => CodeFollowUpStep
);

/// How many cases the database holds, on any connection (a transaction too).
pub fn count_cases(conn: &rusqlite::Connection) -> rusqlite::Result<i64> {
    conn.query_row("SELECT count(*) FROM cases", [], |r| r.get(0))
}

/// Reads a case from a row that has every column of `cases`.
pub fn case_from_row(r: &Row<'_>) -> rusqlite::Result<Case> {
    Ok(Case {
        election: r.get("election")?,
        nomor: r.get("nomor")?,
        nomor_registrasi: r.get("nomor_registrasi")?,
        sumber: r.get("sumber")?,
        kode_wilayah: r.get("kode_wilayah")?,
        kecamatan: r.get("kecamatan")?,
        kode_tahapan: r.get("kode_tahapan")?,
        tanggal_kejadian: r.get("tanggal_kejadian")?,
        tanggal_diketahui: r.get("tanggal_diketahui")?,
        tanggal_diterima: r.get("tanggal_diterima")?,
        tanggal_registrasi: r.get("tanggal_registrasi")?,
        status: r.get("status")?,
        diperpanjang: r.get("diperpanjang")?,
        jenis_dugaan: r.get("jenis_dugaan")?,
        jenis_pelanggaran: r.get("jenis_pelanggaran")?,
        pasal: r.get("pasal")?,
        uraian: r.get("uraian")?,
        terlapor: r.get("terlapor")?,
        kategori_terlapor: r.get("kategori_terlapor")?,
        pelapor: r.get("pelapor")?,
        diteruskan_ke: r.get("diteruskan_ke")?,
        nomor_surat_penerusan: r.get("nomor_surat_penerusan")?,
        tanggal_penerusan: r.get("tanggal_penerusan")?,
        kontestasi: r.get("kontestasi")?,
        kode_kecamatan: r.get("kode_kecamatan")?,
        kode_desa: r.get("kode_desa")?,
        tps: r.get("tps")?,
    })
}

/// Reads a status-history entry.
pub fn change_from_row(r: &Row<'_>) -> rusqlite::Result<StatusChange> {
    Ok(StatusChange {
        from: r.get("from_status")?,
        to: r.get("to_status")?,
        at: r.get("changed_at")?,
        by: r.get("changed_by")?,
        note: r.get("note")?,
    })
}

impl Store {
    /// The codes of the elections the database holds cases of.
    pub fn elections_with_cases(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT DISTINCT election FROM cases")
            .map_err(|e| self.err(e))?;
        stmt.query_map([], |r| r.get(0))
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))
    }

    /// The case with this id and its status history, oldest first.
    pub fn case_with_history(&self, id: i64) -> Result<Option<(Case, Vec<StatusChange>)>> {
        use rusqlite::OptionalExtension;
        let case = self
            .conn()
            .query_row("SELECT * FROM cases WHERE id = ?1", [id], case_from_row)
            .optional()
            .map_err(|e| self.err(e))?;
        let Some(case) = case else { return Ok(None) };
        let mut stmt = self
            .conn()
            .prepare_cached(
                "SELECT from_status, to_status, changed_at, changed_by, note FROM status_history \
                 WHERE case_id = ?1 ORDER BY changed_at, id",
            )
            .map_err(|e| self.err(e))?;
        let history = stmt
            .query_map([id], change_from_row)
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))?;
        Ok(Some((case, history)))
    }
}
