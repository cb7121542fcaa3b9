//! The handling of a span of days: the status changes made in it, each with its case, for the
//! weekly release's digest of what every office did.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::params;

use crate::domain::StatusChange;
use crate::error::Result;
use crate::store::Store;
use crate::store::read::change_from_row;
use crate::store::write::Write;

impl Store {
    /// The day each case's status last changed, by case id (for an export's `tanggal_status`).
    pub fn last_status_dates(&self) -> Result<std::collections::HashMap<i64, NaiveDate>> {
        let mut stmt = self
            .conn()
            .prepare(
                "SELECT case_id, substr(max(changed_at), 1, 10) AS day FROM status_history \
                 GROUP BY case_id",
            )
            .map_err(|e| self.err(e))?;
        stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, NaiveDate>(1)?)))
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))
    }

    /// Every status change made on a day from `from` to `to` (both included), with the id of its
    /// case, oldest first.
    pub fn status_changes_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<(i64, StatusChange)>> {
        let mut stmt = self
            .conn()
            .prepare_cached(
                "SELECT case_id, from_status, to_status, changed_at, changed_by, note \
                 FROM status_history WHERE date(changed_at) BETWEEN ?1 AND ?2 \
                 ORDER BY changed_at, id",
            )
            .map_err(|e| self.err(e))?;
        stmt.query_map(params![from, to], |r| {
            Ok((r.get::<_, i64>("case_id")?, change_from_row(r)?))
        })
        .and_then(|rows| rows.collect())
        .map_err(|e| self.err(e))
    }
}

impl Write<'_> {
    /// When case `case_id`'s status last changed, as its history says; `None` without history.
    pub fn last_status_change(&self, case_id: i64) -> Result<Option<NaiveDateTime>> {
        self.transaction()
            .prepare_cached("SELECT max(changed_at) FROM status_history WHERE case_id = ?1")
            .and_then(|mut s| s.query_row([case_id], |r| r.get::<_, Option<NaiveDateTime>>(0)))
            .map_err(|e| self.err(e))
    }
}
