//! The national roll-up's side of an import: where a batch came from (`import_batches.origin`),
//! and the stored cases an import would hand from one province to another, which the import
//! refuses rather than overwrite (docs/rollup.md).

use rusqlite::{OptionalExtension, params};

use crate::error::Result;
use crate::store::write::Write;

/// The province of an office code in SQL: `64` of `64.72.01`, `RI` of `RI`.
const PROVINCE_OF_NEW: &str = "CASE WHEN instr(new.kode_wilayah, '.') > 0 \
     THEN substr(new.kode_wilayah, 1, instr(new.kode_wilayah, '.') - 1) ELSE new.kode_wilayah END";
const PROVINCE_OF_OLD: &str = "CASE WHEN instr(old.kode_wilayah, '.') > 0 \
     THEN substr(old.kode_wilayah, 1, instr(old.kode_wilayah, '.') - 1) ELSE old.kode_wilayah END";
const PROVINCE_OF: &str = "CASE WHEN instr(kode_wilayah, '.') > 0 \
     THEN substr(kode_wilayah, 1, instr(kode_wilayah, '.') - 1) ELSE kode_wilayah END";

/// A stored case a batch gave to an office of another province.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Moved {
    pub nomor: String,
    pub from_office: String,
    pub to_office: String,
}

impl Write<'_> {
    /// From here to the end of the transaction, notes every case whose handling office moves to
    /// another province (a temporary trigger of this connection: nothing is stored in the
    /// database).
    pub fn watch_province_moves(&self) -> Result<()> {
        let sql = format!(
            "CREATE TEMP TABLE IF NOT EXISTS moved_cases (nomor TEXT NOT NULL, \
                 from_office TEXT NOT NULL, to_office TEXT NOT NULL, batch_id INTEGER); \
             CREATE TEMP TRIGGER IF NOT EXISTS note_moved_case AFTER UPDATE OF kode_wilayah \
                 ON main.cases WHEN ({PROVINCE_OF_OLD}) IS NOT ({PROVINCE_OF_NEW}) BEGIN \
                 INSERT INTO moved_cases VALUES (old.nomor, old.kode_wilayah, new.kode_wilayah, \
                 new.batch_id); END;"
        );
        self.transaction()
            .execute_batch(&sql)
            .map_err(|e| self.err(e))
    }

    /// The cases batch `batch_id` moved to another province, by number, since
    /// [`Write::watch_province_moves`].
    pub fn province_moves(&self, batch_id: i64) -> Result<Vec<Moved>> {
        let tx = self.transaction();
        tx.prepare(
            "SELECT nomor, from_office, to_office FROM moved_cases WHERE batch_id IS ?1 \
             ORDER BY nomor",
        )
        .and_then(|mut s| {
            s.query_map([batch_id], |r| {
                Ok(Moved {
                    nomor: r.get(0)?,
                    from_office: r.get(1)?,
                    to_office: r.get(2)?,
                })
            })?
            .collect()
        })
        .map_err(|e| self.err(e))
    }

    /// The provinces of the offices of the cases batch `batch_id` wrote (new or changed), with
    /// how many of each and one case number as an example, by province.
    pub fn batch_provinces(&self, batch_id: i64) -> Result<Vec<(String, i64, String)>> {
        let sql = format!(
            "SELECT {PROVINCE_OF} AS p, count(*), min(nomor) FROM cases WHERE batch_id = ?1 \
             GROUP BY p ORDER BY p"
        );
        self.transaction()
            .prepare(&sql)
            .and_then(|mut s| {
                s.query_map([batch_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                    .collect()
            })
            .map_err(|e| self.err(e))
    }

    /// Records where batch `batch_id` came from.
    pub fn set_batch_origin(&self, batch_id: i64, origin: Option<&str>) -> Result<()> {
        self.transaction()
            .execute(
                "UPDATE import_batches SET origin = ?2 WHERE id = ?1",
                params![batch_id, origin],
            )
            .map(|_| ())
            .map_err(|e| self.err(e))
    }

    /// The origin recorded for the latest earlier batch of a file of this name that has one.
    pub fn last_origin(&self, source_name: &str) -> Result<Option<String>> {
        self.transaction()
            .query_row(
                "SELECT origin FROM import_batches WHERE source_name = ?1 AND origin IS NOT NULL \
                 ORDER BY id DESC LIMIT 1",
                [source_name],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err(e))
    }
}
