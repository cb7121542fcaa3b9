//! What happened after a case was forwarded (the `follow_ups` table of schema 5): each step once
//! per case and day, with who recorded it in which batch. Written by imports and the demo, read
//! by the case detail and exports.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{OptionalExtension, params};

use crate::domain::FollowUp;
use crate::error::Result;
use crate::store::Store;
use crate::store::write::{Write, date_text, datetime_text};

/// What recording one step did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepWrite {
    /// The step was not recorded before.
    New,
    /// The same step on the same day, with the same number and note: nothing written.
    Unchanged,
    /// The same step on the same day with another number or note: those replaced.
    Corrected,
}

const COLUMNS: &str = "step, happened_on, reference, note";

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<FollowUp> {
    Ok(FollowUp {
        step: r.get("step")?,
        on: r.get::<_, NaiveDate>("happened_on")?,
        reference: r.get("reference")?,
        note: r.get("note")?,
    })
}

impl Write<'_> {
    /// Records step `f` of case `case_id` once: a step already recorded on that day is left as it
    /// is, or its number and note corrected. A change is logged for the case, so readers see it.
    pub fn write_follow_up(
        &self,
        case_id: i64,
        f: &FollowUp,
        batch_id: Option<i64>,
        by: &str,
        now: NaiveDateTime,
    ) -> Result<StepWrite> {
        let run = || -> rusqlite::Result<StepWrite> {
            let tx = self.transaction();
            let on = date_text(f.on);
            let stored: Option<(i64, Option<String>, Option<String>)> = tx
                .prepare_cached(
                    "SELECT id, reference, note FROM follow_ups \
                     WHERE case_id = ?1 AND step = ?2 AND happened_on = ?3",
                )?
                .query_row(params![case_id, f.step.code(), on], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })
                .optional()?;
            let done = match stored {
                Some((_, reference, note)) if reference == f.reference && note == f.note => {
                    return Ok(StepWrite::Unchanged);
                }
                Some((id, _, _)) => {
                    tx.prepare_cached(
                        "UPDATE follow_ups SET reference = ?2, note = ?3, recorded_at = ?4, \
                         recorded_by = ?5, batch_id = ?6 WHERE id = ?1",
                    )?
                    .execute(params![
                        id,
                        f.reference,
                        f.note,
                        datetime_text(now),
                        by,
                        batch_id
                    ])?;
                    StepWrite::Corrected
                }
                None => {
                    tx.prepare_cached(
                        "INSERT INTO follow_ups (case_id, step, happened_on, reference, note, \
                         recorded_at, recorded_by, batch_id) \
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    )?
                    .execute(params![
                        case_id,
                        f.step.code(),
                        on,
                        f.reference,
                        f.note,
                        datetime_text(now),
                        by,
                        batch_id
                    ])?;
                    StepWrite::New
                }
            };
            note_change(tx, case_id)?;
            Ok(done)
        };
        run().map_err(|e| self.err(e))
    }

    /// Removes the steps of case `case_id` that do not fit `case` as it now is (its type, its
    /// forwarding or receipt date): an import that gives the case's steps again replaces them.
    /// Returns how many were removed; a change is logged for the case when any was.
    pub fn drop_misfit_steps(&self, case_id: i64, case: &crate::domain::Case) -> Result<usize> {
        let run = || -> rusqlite::Result<usize> {
            let tx = self.transaction();
            let stored: Vec<(i64, FollowUp)> = tx
                .prepare_cached(&format!(
                    "SELECT id, {COLUMNS} FROM follow_ups WHERE case_id = ?1"
                ))?
                .query_map([case_id], |r| Ok((r.get::<_, i64>("id")?, from_row(r)?)))?
                .collect::<rusqlite::Result<_>>()?;
            let mut removed = 0;
            for (id, f) in stored {
                if case.check_follow_up(&f).is_err() {
                    removed += tx
                        .prepare_cached("DELETE FROM follow_ups WHERE id = ?1")?
                        .execute([id])?;
                }
            }
            if removed > 0 {
                note_change(tx, case_id)?;
            }
            Ok(removed)
        };
        run().map_err(|e| self.err(e))
    }
}

/// Logs a change of case `case_id`, so readers see it.
fn note_change(tx: &rusqlite::Transaction<'_>, case_id: i64) -> rusqlite::Result<()> {
    tx.prepare_cached("INSERT INTO case_changes (case_id, stamp) VALUES (?1, random())")?
        .execute([case_id])?;
    Ok(())
}

fn steps_of(conn: &rusqlite::Connection, case_id: i64) -> rusqlite::Result<Vec<FollowUp>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM follow_ups WHERE case_id = ?1 ORDER BY happened_on, id"
    ))?;
    stmt.query_map([case_id], from_row)?.collect()
}

impl Store {
    /// The steps recorded for case `case_id`, by date.
    pub fn follow_ups(&self, case_id: i64) -> Result<Vec<FollowUp>> {
        steps_of(self.conn(), case_id).map_err(|e| self.err(e))
    }

    /// Every step dated from `from` to `to` (both included), with the id of its case, by date:
    /// for the weekly release's digest.
    pub fn follow_ups_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<(i64, FollowUp)>> {
        let read = || -> rusqlite::Result<Vec<(i64, FollowUp)>> {
            let mut stmt = self.conn().prepare_cached(&format!(
                "SELECT case_id, {COLUMNS} FROM follow_ups WHERE happened_on BETWEEN ?1 AND ?2 \
                 ORDER BY happened_on, id"
            ))?;
            stmt.query_map(params![date_text(from), date_text(to)], |r| {
                Ok((r.get::<_, i64>("case_id")?, from_row(r)?))
            })?
            .collect()
        };
        read().map_err(|e| self.err(e))
    }

    /// Every case's steps, by case id, each case's by date (for an export).
    pub fn all_follow_ups(&self) -> Result<HashMap<i64, Vec<FollowUp>>> {
        let read = || -> rusqlite::Result<HashMap<i64, Vec<FollowUp>>> {
            let mut stmt = self.conn().prepare(&format!(
                "SELECT case_id, {COLUMNS} FROM follow_ups ORDER BY case_id, happened_on, id"
            ))?;
            let mut out: HashMap<i64, Vec<FollowUp>> = HashMap::new();
            let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>("case_id")?, from_row(r)?)))?;
            for row in rows {
                let (id, f) = row?;
                out.entry(id).or_default().push(f);
            }
            Ok(out)
        };
        read().map_err(|e| self.err(e))
    }
}
