//! Append-only schema migrations keyed by `PRAGMA user_version`, applied in one transaction.
//! Never edit a released migration: add the next one to the end of `MIGRATIONS`.

use rusqlite::{Connection, TransactionBehavior};

/// Marks a SQLite file as pantau's ("PNTU").
pub const APPLICATION_ID: i64 = 0x504E_5455;

/// Each entry upgrades the schema by one version; entry `i` makes version `i + 1`.
pub(crate) const MIGRATIONS: &[&str] = &[
    include_str!("schema.sql"),
    include_str!("changes.sql"),
    include_str!("stamps.sql"),
    include_str!("stage_labels.sql"),
    include_str!("activities_followups.sql"),
];

/// The schema version this program writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Applies every migration the file lacks, all in one transaction (so a failure leaves it as it was).
pub fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    let current: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if current >= SCHEMA_VERSION {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Another process may have migrated while we waited for the lock.
    let current: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
    for sql in MIGRATIONS
        .iter()
        .skip(usize::try_from(current).unwrap_or(0))
    {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    tx.commit()
}
