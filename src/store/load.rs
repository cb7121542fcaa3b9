//! Loading many generated cases fast (the synthetic demo): page cache, foreign keys and two
//! prepared statements for its cases and histories; never commits, never writes other tables.

use std::path::Path;

use rusqlite::{CachedStatement, params};

use crate::error::Result;
use crate::store::write::Write;
use crate::store::{Store, sqlite_error};

impl Store {
    /// Runs `load` with the page cache set to `cache_size` (as SQLite takes it: negative for KiB),
    /// so that the indexes of a big load stay in memory; then sets it back as it was, whatever
    /// `load` did.
    pub fn with_page_cache<T>(
        &mut self,
        cache_size: i64,
        load: impl FnOnce(&mut Store) -> Result<T>,
    ) -> Result<T> {
        let before: i64 = self
            .conn()
            .pragma_query_value(None, "cache_size", |r| r.get(0))
            .map_err(|e| self.err(e))?;
        let temp_before: i64 = self
            .conn()
            .pragma_query_value(None, "temp_store", |r| r.get(0))
            .map_err(|e| self.err(e))?;
        // Statement journals (one per statement that may need undoing inside the transaction:
        // an insert firing triggers) in memory: on disk they cost some 35 writes per case.
        self.conn()
            .pragma_update(None, "cache_size", cache_size)
            .and_then(|()| self.conn().pragma_update(None, "temp_store", "MEMORY"))
            .map_err(|e| self.err(e))?;
        let result = load(self);
        let restored = self
            .conn()
            .pragma_update(None, "cache_size", before)
            .and_then(|()| self.conn().pragma_update(None, "temp_store", temp_before))
            .map_err(|e| self.err(e));
        let out = result?;
        restored?;
        Ok(out)
    }

    /// Runs `load` with foreign keys unchecked on this connection, then sets them back as they
    /// were, whatever `load` did. For a writer whose every reference is to a row it read (or
    /// wrote) inside its own write transaction, which nobody else can change meanwhile: checking
    /// them row by row cost a fifth of the synthetic demo's inserts (seven lookups per case, two
    /// per history entry).
    pub fn without_foreign_keys<T>(
        &mut self,
        load: impl FnOnce(&mut Store) -> Result<T>,
    ) -> Result<T> {
        let before: bool = self
            .conn()
            .pragma_query_value(None, "foreign_keys", |r| r.get(0))
            .map_err(|e| self.err(e))?;
        // A no-op inside a transaction: set around it.
        self.conn()
            .pragma_update(None, "foreign_keys", false)
            .map_err(|e| self.err(e))?;
        let result = load(self);
        let restored = self
            .conn()
            .pragma_update(None, "foreign_keys", before)
            .map_err(|e| self.err(e));
        let out = result?;
        restored?;
        Ok(out)
    }
}

/// A case as stored, every field already the text (or number) written: the synthetic demo makes
/// these without building a `Case`, a million at a time.
#[derive(Clone, Copy, Debug)]
pub struct CaseText<'a> {
    pub id: i64,
    pub nomor: &'a str,
    pub nomor_registrasi: Option<&'a str>,
    pub sumber: &'a str,
    pub kode_wilayah: &'a str,
    pub kecamatan: &'a str,
    pub kode_tahapan: &'a str,
    pub tanggal_kejadian: &'a str,
    pub tanggal_diketahui: &'a str,
    pub tanggal_diterima: &'a str,
    pub tanggal_registrasi: Option<&'a str>,
    pub status: &'a str,
    pub diperpanjang: bool,
    pub jenis_dugaan: Option<&'a str>,
    pub jenis_pelanggaran: Option<&'a str>,
    pub pasal: &'a str,
    pub uraian: &'a str,
    pub terlapor: &'a str,
    pub kategori_terlapor: Option<&'a str>,
    pub pelapor: Option<&'a str>,
    pub diteruskan_ke: Option<&'a str>,
    pub nomor_surat_penerusan: Option<&'a str>,
    pub tanggal_penerusan: Option<&'a str>,
    pub batch_id: i64,
    /// Both `created_at` and `updated_at`.
    pub written_at: &'a str,
    /// The election's code.
    pub election: &'a str,
    /// The contest's code (of that election), if known.
    pub kontestasi: Option<&'a str>,
    /// The kecamatan's and desa's codes and the TPS number, where known.
    pub kode_kecamatan: Option<&'a str>,
    pub kode_desa: Option<&'a str>,
    pub tps: Option<u16>,
}

/// A status history entry as stored.
#[derive(Clone, Copy, Debug)]
pub struct HistoryText<'a> {
    pub case_id: i64,
    pub from: Option<&'a str>,
    pub to: &'a str,
    pub changed_at: &'a str,
    pub changed_by: &'a str,
    pub batch_id: i64,
}

/// Writes cases and history entries given as [`CaseText`] and [`HistoryText`], each by its one
/// prepared statement.
pub struct CaseLoader<'t> {
    case: CachedStatement<'t>,
    history: CachedStatement<'t>,
    conn: &'t rusqlite::Connection,
    path: &'t Path,
}

impl CaseLoader<'_> {
    /// Inserts one case, with the id it names.
    pub fn case(&mut self, c: &CaseText<'_>) -> Result<()> {
        self.case
            .execute(params![
                c.id,
                c.nomor,
                c.nomor_registrasi,
                c.sumber,
                c.kode_wilayah,
                c.kecamatan,
                c.kode_tahapan,
                c.tanggal_kejadian,
                c.tanggal_diketahui,
                c.tanggal_diterima,
                c.tanggal_registrasi,
                c.status,
                c.diperpanjang,
                c.jenis_dugaan,
                c.jenis_pelanggaran,
                c.pasal,
                c.uraian,
                c.terlapor,
                c.kategori_terlapor,
                c.pelapor,
                c.diteruskan_ke,
                c.nomor_surat_penerusan,
                c.tanggal_penerusan,
                c.batch_id,
                c.written_at,
                c.election,
                c.kontestasi,
                c.kode_kecamatan,
                c.kode_desa,
                c.tps,
            ])
            .map(|_| ())
            .map_err(|e| sqlite_error(self.path, e))
    }

    /// Appends one entry to a case's status history (without a note).
    pub fn history(&mut self, h: &HistoryText<'_>) -> Result<()> {
        self.history
            .execute(params![
                h.case_id,
                h.from,
                h.to,
                h.changed_at,
                h.changed_by,
                h.batch_id
            ])
            .map(|_| ())
            .map_err(|e| sqlite_error(self.path, e))
    }

    /// Appends entries to status histories (without a note), in one statement: one statement
    /// started and stepped per case rather than per entry. Written `OR FAIL`, so that SQLite keeps
    /// no statement journal for it (see [`crate::store::bulk`]): a failure fails the load, whose
    /// transaction is then rolled back whole.
    pub fn histories(&mut self, entries: &[HistoryText<'_>]) -> Result<()> {
        self.write_histories(entries)
            .map_err(|e| sqlite_error(self.path, e))
    }

    fn write_histories(&mut self, entries: &[HistoryText<'_>]) -> rusqlite::Result<()> {
        let [first, rest @ ..] = entries else {
            return Ok(());
        };
        if rest.is_empty() {
            return self
                .history
                .execute(params![
                    first.case_id,
                    first.from,
                    first.to,
                    first.changed_at,
                    first.changed_by,
                    first.batch_id
                ])
                .map(|_| ());
        }
        let sql = format!(
            "INSERT OR FAIL INTO status_history (case_id, from_status, to_status, changed_at, \
             changed_by, note, batch_id) VALUES {}",
            vec!["(?, ?, ?, ?, ?, NULL, ?)"; entries.len()].join(", ")
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        for (i, h) in entries.iter().enumerate() {
            let at = 6 * i;
            stmt.raw_bind_parameter(at + 1, h.case_id)?;
            stmt.raw_bind_parameter(at + 2, h.from)?;
            stmt.raw_bind_parameter(at + 3, h.to)?;
            stmt.raw_bind_parameter(at + 4, h.changed_at)?;
            stmt.raw_bind_parameter(at + 5, h.changed_by)?;
            stmt.raw_bind_parameter(at + 6, h.batch_id)?;
        }
        stmt.raw_execute().map(|_| ())
    }
}

impl<'s> Write<'s> {
    /// The reference data stored, as this transaction reads it: nobody can change it until the
    /// transaction ends.
    pub fn reference(&self) -> Result<crate::domain::Reference> {
        crate::store::write::read_reference(self.transaction()).map_err(|e| self.err(e))
    }

    /// The largest case id (0 without cases): a load numbers its cases after it.
    pub fn largest_case_id(&self) -> Result<i64> {
        self.transaction()
            .query_row("SELECT coalesce(max(id), 0) FROM cases", [], |r| r.get(0))
            .map_err(|e| self.err(e))
    }

    /// The writer of a load's cases, its statements prepared once.
    pub fn case_loader(&self) -> Result<CaseLoader<'_>> {
        let tx = self.transaction();
        let err = |e| self.err(e);
        Ok(CaseLoader {
            case: tx
                .prepare_cached(
                    "INSERT INTO cases (id, nomor, nomor_registrasi, sumber, kode_wilayah, kecamatan, \
                     kode_tahapan, tanggal_kejadian, tanggal_diketahui, tanggal_diterima, \
                     tanggal_registrasi, status, diperpanjang, jenis_dugaan, jenis_pelanggaran, pasal, \
                     uraian, terlapor, kategori_terlapor, pelapor, diteruskan_ke, nomor_surat_penerusan, \
                     tanggal_penerusan, batch_id, created_at, updated_at, election, kontestasi, \
                     kode_kecamatan, kode_desa, tps) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, \
                     ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?25, ?26, ?27, ?28, ?29, ?30)",
                )
                .map_err(err)?,
            history: tx
                .prepare_cached(
                    "INSERT INTO status_history (case_id, from_status, to_status, changed_at, \
                     changed_by, note, batch_id) VALUES (?1, ?2, ?3, ?4, ?5, NULL, ?6)",
                )
                .map_err(err)?,
            conn: tx,
            path: self.path(),
        })
    }
}
