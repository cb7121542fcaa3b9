//! Append-only schema migrations keyed by `PRAGMA user_version`, applied in one transaction.
//! Never edit a released migration: add the next one to the end of `MIGRATIONS`.

use rusqlite::{Connection, OptionalExtension, TransactionBehavior};

/// Marks a SQLite file as pantau's ("PNTU").
pub const APPLICATION_ID: i64 = 0x504E_5455;

/// Each entry upgrades the schema by one version; entry `i` makes version `i + 1`.
pub(crate) const MIGRATIONS: &[&str] = &[
    include_str!("schema.sql"),
    include_str!("changes.sql"),
    include_str!("stamps.sql"),
    include_str!("stage_labels.sql"),
    include_str!("activities_followups.sql"),
    include_str!("elections.sql"),
    include_str!("wilayah.sql"),
    include_str!("saved_index.sql"),
];

/// The version whose migration is followed by filling the region tree from the embedded
/// dataset and resolving free-text kecamatan (`store/regions.rs`): data SQL alone cannot hold.
const FILLS_TREE: i64 = 7;

/// The last version whose migration rebuilds tables that others refer to (`cases` and `stages`
/// in 6, `regions` in 7): migrations run with foreign keys off, since dropping `cases` with them
/// on would delete every status history and follow-up by cascade, and an upgrade through any of
/// them is checked with `foreign_key_check` before commit.
const REBUILDS_UP_TO: i64 = 7;

/// The schema version this program writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Why an upgrade did not happen.
#[derive(Debug)]
pub enum Failed {
    /// SQLite refused a statement.
    Sqlite(rusqlite::Error),
    /// A row would point nowhere after the upgrade (`PRAGMA foreign_key_check`): the upgrade was
    /// rolled back whole.
    Dangling {
        from: i64,
        table: String,
        rowid: Option<i64>,
        parent: String,
    },
}

impl From<rusqlite::Error> for Failed {
    fn from(e: rusqlite::Error) -> Failed {
        Failed::Sqlite(e)
    }
}

/// Applies every migration the file lacks, all in one transaction (so a failure leaves it as it was).
/// `fill_tree` runs after the migration to version 7 (see [`FILLS_TREE`]).
pub fn migrate(conn: &mut Connection, fill_tree: FillTree) -> Result<(), Failed> {
    let current: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if current >= SCHEMA_VERSION {
        return Ok(());
    }
    // `PRAGMA foreign_keys` does nothing inside a transaction: it is set around it, and put back
    // as it was whatever happens.
    let keys: bool = conn.pragma_query_value(None, "foreign_keys", |r| r.get(0))?;
    if keys {
        conn.pragma_update(None, "foreign_keys", false)?;
    }
    let result = migrate_in_one(conn, fill_tree);
    let restored = if keys {
        conn.pragma_update(None, "foreign_keys", true)
    } else {
        Ok(())
    };
    result?;
    Ok(restored?)
}

/// What fills the region tree in the migration's transaction (given by the store, so that the
/// runner imports nothing of it).
pub type FillTree = fn(&rusqlite::Transaction<'_>) -> rusqlite::Result<()>;

fn migrate_in_one(conn: &mut Connection, fill_tree: FillTree) -> Result<(), Failed> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Another process may have migrated while we waited for the lock.
    let current: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
    for sql in MIGRATIONS
        .iter()
        .skip(usize::try_from(current).unwrap_or(0))
    {
        tx.execute_batch(sql)?;
    }
    if current < FILLS_TREE {
        fill_tree(&tx)?;
    }
    if current < REBUILDS_UP_TO {
        // Foreign keys were off while tables were rebuilt: any row that now points nowhere rolls
        // the whole upgrade back rather than being kept unchecked.
        let broken: Option<(String, Option<i64>, String)> = tx
            .query_row("PRAGMA foreign_key_check", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?;
        if let Some((table, rowid, parent)) = broken {
            // Dropping the transaction rolls it back.
            return Err(Failed::Dangling {
                from: current,
                table,
                rowid,
                parent,
            });
        }
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    Ok(tx.commit()?)
}
