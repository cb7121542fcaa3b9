//! The handling of a span of days: the status changes made in it, each with its case, for the
//! weekly release's digest of what every office did.

use chrono::NaiveDate;
use rusqlite::params;

use crate::domain::StatusChange;
use crate::error::Result;
use crate::store::Store;
use crate::store::read::change_from_row;

impl Store {
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
