//! Bulk mode: a large write's insert triggers (and an empty table's indexes) set aside inside its
//! transaction and their entries written in a few statements; never commits, never leaves it.

use rusqlite::types::Value;
use rusqlite::{OptionalExtension, Transaction};

use crate::error::Result;
use crate::store::write::{CHANGES_KEPT, Write, prune_changes};

/// The memory FTS5 may hold pending terms in during a [`Bulk`] (bytes).
const BULK_FTS_HASH: i64 = 64 << 20;

/// The full-text insert trigger (schema version 1).
pub(crate) const FTS_INSERT: &str = "cases_fts_insert";

/// The change log's insert triggers (schema version 2), set aside together or not at all.
pub(crate) const LOG_INSERTS: [&str; 2] = ["cases_log_insert", "history_log_insert"];

/// The tables whose secondary indexes a bulk write into them while they are empty builds at the
/// end, sorted once, rather than entry by entry: those of `cases` take their keys (dates, codes)
/// in no order. (`status_history`'s index is by case and time, the order its rows come in: built
/// at the end, it took 2 s more at a million cases.)
const INDEXED_LATER: [&str; 1] = ["cases"];

/// The `CREATE TRIGGER name … END` statement of a trigger as the latest migration that creates it
/// does, which is how SQLite stores it.
fn trigger_sql(name: &str) -> Option<&'static str> {
    let head = format!("CREATE TRIGGER {name} ");
    super::migrate::MIGRATIONS
        .iter()
        .rev()
        .find_map(|migration| {
            let start = migration.find(&head)?;
            let len = migration[start..].find("\nEND;")? + "\nEND".len();
            Some(&migration[start..start + len])
        })
}

/// Many new cases written inside one write transaction with the per-row insert triggers set
/// aside: the writer (the import's [`crate::store::bulk::CaseWriter`], the synthetic demo's
/// loader) inserts the cases and their history, then [`Bulk::new_cases`] writes what the triggers
/// would have for them in two statements: their full-text entries, and their change-log entries
/// (one per case, or the single entry that tells every reader to rebuild when pruning would keep
/// none of the log from before them). Meanwhile FTS5 may hold up to [`BULK_FTS_HASH`] bytes of
/// pending terms rather than 1 MB, so that it writes them out and merges the pieces less often.
///
/// Only a trigger stored exactly as pantau's migrations create it is set aside; any other stays
/// and fires row by row, as the update and delete triggers always do. The non-unique indexes of
/// `cases` may be set aside too when it is empty, and built again from their stored statements
/// at the end. [`Bulk::finish`] puts everything back exactly as it
/// was stored; an error, a Ctrl-C or a kill before commit rolls all of it back with the rest of
/// the transaction, and other connections never see the schema without them.
#[derive(Debug)]
pub struct Bulk {
    /// The triggers set aside, with their statements.
    set_aside: Vec<(&'static str, &'static str)>,
    /// The indexes set aside, with their statements as stored.
    indexes: Vec<(String, String)>,
    /// The FTS5 `hashsize` setting as stored before (`Some(None)`: not stored), when the
    /// full-text trigger is set aside.
    hashsize: Option<Option<Value>>,
}

impl Bulk {
    /// Sets the known insert triggers aside and, with the full-text trigger, lets FTS5 hold more
    /// pending terms; with `indexes_later`, sets the secondary indexes of `cases` aside too when
    /// it is empty (worth it for a million cases, whose indexes outgrow the page cache; at
    /// 100,000 building them again costs more than it saves).
    pub fn begin(w: &Write<'_>, indexes_later: bool) -> Result<Bulk> {
        Bulk::set_aside(w.transaction(), indexes_later).map_err(|e| w.err(e))
    }

    pub(crate) fn set_aside(tx: &Transaction<'_>, indexes_later: bool) -> rusqlite::Result<Bulk> {
        let stored_as_created = |name: &str| -> rusqlite::Result<Option<&'static str>> {
            let stored: Option<String> = tx
                .query_row(
                    "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?1",
                    [name],
                    |r| r.get(0),
                )
                .optional()?;
            Ok(trigger_sql(name).filter(|sql| stored.as_deref() == Some(*sql)))
        };
        let mut set_aside = Vec::new();
        if let Some(sql) = stored_as_created(FTS_INSERT)? {
            set_aside.push((FTS_INSERT, sql));
        }
        let log: Vec<_> = LOG_INSERTS
            .iter()
            .map(|name| Ok(stored_as_created(name)?.map(|sql| (*name, sql))))
            .collect::<rusqlite::Result<_>>()?;
        if log.iter().all(Option::is_some) {
            set_aside.extend(log.into_iter().flatten());
        }
        let hashsize = if set_aside.iter().any(|(name, _)| *name == FTS_INSERT) {
            let stored: Option<Value> = tx
                .query_row(
                    "SELECT v FROM cases_fts_config WHERE k = 'hashsize'",
                    [],
                    |r| r.get(0),
                )
                .optional()?;
            set_hashsize(tx, BULK_FTS_HASH)?;
            Some(stored)
        } else {
            None
        };
        for (name, _) in &set_aside {
            tx.execute_batch(&format!("DROP TRIGGER {name}"))?;
        }
        let indexes = if indexes_later && tables_empty(tx)? {
            later_indexes(tx)?
        } else {
            Vec::new()
        };
        for (name, _) in &indexes {
            tx.execute_batch(&format!("DROP INDEX \"{}\"", name.replace('"', "\"\"")))?;
        }
        Ok(Bulk {
            set_aside,
            indexes,
            hashsize,
        })
    }

    /// Whether the trigger `name` is set aside.
    pub(crate) fn has_set_aside(&self, name: &str) -> bool {
        self.set_aside.iter().any(|(n, _)| *n == name)
    }

    /// Whether the full-text and the change-log insert triggers are set aside.
    pub(crate) fn writes(&self) -> NewCases {
        NewCases {
            index: self.has_set_aside(FTS_INSERT),
            log: self.has_set_aside(LOG_INSERTS[0]),
        }
    }

    /// Writes what the triggers set aside would have for the new cases with ids from `first` up
    /// to (not including) `next`, inserted with their history in this bulk.
    pub fn new_cases(&self, w: &Write<'_>, first: i64, next: i64) -> Result<()> {
        self.writes()
            .write(w.transaction(), first, next)
            .map_err(|e| w.err(e))
    }

    /// Builds the indexes set aside again and puts the triggers and the `hashsize` setting back.
    pub fn finish(self, w: &Write<'_>) -> Result<()> {
        self.put_back(w.transaction()).map_err(|e| w.err(e))
    }

    pub(crate) fn put_back(self, tx: &Transaction<'_>) -> rusqlite::Result<()> {
        for (_, sql) in &self.indexes {
            tx.execute_batch(sql)?;
        }
        match self.hashsize {
            Some(Some(stored)) => set_hashsize(tx, stored)?,
            Some(None) => {
                tx.execute("DELETE FROM cases_fts_config WHERE k = 'hashsize'", [])?;
            }
            None => {}
        }
        for (_, sql) in self.set_aside {
            tx.execute_batch(sql)?;
        }
        Ok(())
    }
}

/// What a bulk's writer writes itself for its new cases: their full-text entries (`index`) and
/// their change-log entries (`log`), as the triggers set aside would have.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct NewCases {
    pub index: bool,
    pub log: bool,
}

impl NewCases {
    /// Writes them for the new cases with ids `first..next`.
    pub fn write(self, tx: &rusqlite::Connection, first: i64, next: i64) -> rusqlite::Result<()> {
        if next <= first {
            return Ok(());
        }
        if self.index {
            tx.prepare_cached(
                "INSERT INTO cases_fts(rowid, nomor, nomor_registrasi, uraian, terlapor, pelapor, kecamatan, pasal) \
                 SELECT id, nomor, nomor_registrasi, uraian, terlapor, pelapor, kecamatan, pasal FROM cases \
                 WHERE id >= ?1 AND id < ?2",
            )?
            .execute([first, next])?;
        }
        if self.log {
            log_new_cases(tx, first, next)?;
        }
        Ok(())
    }
}

/// The change-log entries of the new cases with ids `first..next`: one per case (standing for
/// the case and its first history entries: the log names the cases that changed), numbered after
/// the newest entry. When there are [`CHANGES_KEPT`] or more, pruning would keep none of the log
/// from before them: every reader of an earlier revision then finds the entry it stands at gone
/// and rebuilds, whatever the entries of these cases say. So only the newest is written, with
/// the revision the last of them would have had, and the entries before it are pruned at once;
/// a reader reaching the new state stands at that entry and its stamp.
pub(crate) fn log_new_cases(
    tx: &rusqlite::Connection,
    first: i64,
    next: i64,
) -> rusqlite::Result<()> {
    let n = next - first;
    if n <= 0 {
        return Ok(());
    }
    if n < CHANGES_KEPT {
        tx.prepare_cached(
            "WITH RECURSIVE new(id) AS (SELECT ?1 UNION ALL SELECT id + 1 FROM new WHERE id + 1 < ?2) \
             INSERT INTO case_changes (case_id, stamp) SELECT id, random() FROM new",
        )?
        .execute([first, next])?;
        return Ok(());
    }
    tx.prepare_cached(
        "INSERT INTO case_changes (rev, case_id, stamp) \
         SELECT coalesce(max(rev), 0) + ?1, ?2, random() FROM case_changes",
    )?
    .execute([n, next - 1])?;
    prune_changes(tx)
}

/// Whether the tables of [`INDEXED_LATER`] hold no row.
fn tables_empty(tx: &Transaction<'_>) -> rusqlite::Result<bool> {
    tx.query_row("SELECT NOT EXISTS (SELECT 1 FROM cases)", [], |r| r.get(0))
}

/// The indexes of [`INDEXED_LATER`] that may be built after the rows: every one with a stored
/// statement (not a UNIQUE or PRIMARY KEY constraint's) that is not UNIQUE itself, whose checks
/// would otherwise come only at the end.
fn later_indexes(tx: &Transaction<'_>) -> rusqlite::Result<Vec<(String, String)>> {
    let mut found = Vec::new();
    let mut stmt = tx.prepare(
        "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ?1 \
         AND sql IS NOT NULL ORDER BY name",
    )?;
    for table in INDEXED_LATER {
        let rows = stmt.query_map([table], |r| Ok((r.get(0)?, r.get::<_, String>(1)?)))?;
        for row in rows {
            let (name, sql): (String, String) = row?;
            let unique = sql
                .split_whitespace()
                .nth(1)
                .is_some_and(|w| w.eq_ignore_ascii_case("unique"));
            if !unique {
                found.push((name, sql));
            }
        }
    }
    Ok(found)
}

/// Sets the FTS5 `hashsize` of the full-text index: how many bytes of pending terms it holds
/// before writing them out.
pub(crate) fn set_hashsize(
    tx: &Transaction<'_>,
    bytes: impl rusqlite::ToSql,
) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO cases_fts(cases_fts, rank) VALUES ('hashsize', ?1)",
        [bytes],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    /// The change log as (revision, case) pairs.
    fn log(tx: &Transaction<'_>) -> Vec<(i64, i64)> {
        let mut s = tx
            .prepare("SELECT rev, case_id FROM case_changes ORDER BY rev")
            .unwrap();
        s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    }

    #[test]
    fn new_cases_get_one_entry_each_until_pruning_would_keep_nothing_from_before() {
        let mut store = Store::memory().unwrap();
        let write = store.begin().unwrap();
        let tx = write.transaction();
        tx.execute_batch(
            "INSERT INTO case_changes (rev, case_id, stamp) VALUES (7, 1, 11), (8, 2, 12);",
        )
        .unwrap();
        log_new_cases(tx, 3, 6).unwrap();
        assert_eq!(
            log(tx),
            [(7, 1), (8, 2), (9, 3), (10, 4), (11, 5)],
            "one entry per new case, after the newest"
        );
        log_new_cases(tx, 6, 6).unwrap();
        assert_eq!(log(tx).len(), 5, "no new case, no entry");

        // As many new cases as the log keeps: one entry, where the last of theirs would be, and
        // nothing from before it (every reader of an earlier revision must rebuild).
        log_new_cases(tx, 6, 6 + CHANGES_KEPT).unwrap();
        assert_eq!(log(tx), [(11 + CHANGES_KEPT, 5 + CHANGES_KEPT)]);
        let stamp: i64 = tx
            .query_row("SELECT stamp FROM case_changes", [], |r| r.get(0))
            .unwrap();
        assert_ne!(stamp, 0, "a stamp of its own, as every entry has");
    }
}
