//! What the meeting screens read beside the engine's counts: campaign activities supervised, and
//! baseline copies of a database (now, or rewound to a past time); never writes the database read.

use std::path::Path;
use std::time::Duration;

use chrono::NaiveDateTime;
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags, params, params_from_iter};

use crate::domain::{Phase, Status};
use crate::error::Result;
use crate::store::{Store, sqlite_error};

/// What rewinding a copy to a past time changed in it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Rewound {
    /// Cases recorded after the time, taken out.
    pub removed: i64,
    /// Status changes recorded after the time, taken out.
    pub changes: i64,
    /// Cases written after the time that were there before it: their status (and the registration
    /// that came with it) is put back; any other field keeps its present value.
    pub touched: i64,
}

impl Store {
    /// Copies the database as it stands into the new file `dest`, in one read of a consistent
    /// state, and leaves the copy as a single file (rollback journal).
    pub fn copy_to(&self, dest: &Path) -> Result<()> {
        let fail = |e| sqlite_error(dest, e);
        // Never through a link that replaced the temporary copy's name.
        let mut copy = Connection::open_with_flags(
            dest,
            OpenFlags::default() | OpenFlags::SQLITE_OPEN_NOFOLLOW,
        )
        .map_err(fail)?;
        {
            let backup = Backup::new(self.conn(), &mut copy).map_err(fail)?;
            // Every page in one step; a busy source is waited for, a little at a time.
            let mut tries = 0;
            loop {
                match backup.step(-1).map_err(fail)? {
                    StepResult::Done => break,
                    StepResult::Busy | StepResult::Locked | StepResult::More if tries < 200 => {
                        tries += 1;
                        std::thread::sleep(Duration::from_millis(50));
                    }
                    // Busy for ten seconds: said as a lock, naming the database.
                    _ => {
                        return Err(crate::error::Error::Locked {
                            path: self.path().to_path_buf(),
                            seconds: 10,
                        });
                    }
                }
            }
        }
        copy.execute_batch("PRAGMA journal_mode = DELETE;")
            .map_err(fail)?;
        Ok(())
    }
}

/// Rewinds the copy at `path` to the database as it stood at `at`, from the times it records:
/// cases created after `at` go, status changes recorded after it go, and a case written after it
/// gets back the status it then had (and loses a registration its later status brought).
pub fn rewind(path: &Path, at: NaiveDateTime) -> Result<Rewound> {
    let fail = |e| sqlite_error(path, e);
    let mut conn =
        Connection::open_with_flags(path, OpenFlags::default() | OpenFlags::SQLITE_OPEN_NOFOLLOW)
            .map_err(fail)?;
    let tx = conn.transaction().map_err(fail)?;
    let t = at.format("%Y-%m-%d %H:%M:%S%.f").to_string();
    let after = |col: &str| format!("julianday({col}) > julianday(?1)");
    tx.execute(
        &format!(
            "DELETE FROM status_history WHERE case_id IN (SELECT id FROM cases WHERE {})",
            after("created_at")
        ),
        [&t],
    )
    .map_err(fail)?;
    let removed = tx
        .execute(
            &format!("DELETE FROM cases WHERE {}", after("created_at")),
            [&t],
        )
        .map_err(fail)?;
    let changes = tx
        .execute(
            &format!("DELETE FROM status_history WHERE {}", after("changed_at")),
            [&t],
        )
        .map_err(fail)?;
    tx.execute(
        &format!(
            "CREATE TEMP TABLE touched AS SELECT id FROM cases WHERE {}",
            after("updated_at")
        ),
        [&t],
    )
    .map_err(fail)?;
    let touched: i64 = tx
        .query_row("SELECT count(*) FROM touched", [], |r| r.get(0))
        .map_err(fail)?;
    tx.execute(
        "UPDATE cases SET status = COALESCE((SELECT h.to_status FROM status_history h \
         WHERE h.case_id = cases.id ORDER BY julianday(h.changed_at) DESC, h.id DESC LIMIT 1), status) \
         WHERE id IN (SELECT id FROM touched)",
        [],
    )
    .map_err(fail)?;
    // A registration comes with the status that registers; before it, there was none.
    let unregistered: Vec<&str> = Status::ALL
        .iter()
        .filter(|s| matches!(s.phase(), Phase::Lead | Phase::Intake | Phase::Completion))
        .chain([&Status::TidakDiregistrasi, &Status::Dicabut])
        .map(|s| s.code())
        .collect();
    let marks = (1..=unregistered.len())
        .map(|i| format!("?{i}"))
        .collect::<Vec<_>>()
        .join(", ");
    tx.execute(
        &format!(
            "UPDATE cases SET tanggal_registrasi = NULL, nomor_registrasi = NULL, diperpanjang = 0 \
             WHERE id IN (SELECT id FROM touched) AND status IN ({marks})"
        ),
        params_from_iter(&unregistered),
    )
    .map_err(fail)?;
    tx.execute(
        "UPDATE cases SET diperpanjang = 0 WHERE id IN (SELECT id FROM touched) AND status IN (?1, ?2)",
        params![
            Status::Diregistrasi.code(),
            Status::Klarifikasi.code()
        ],
    )
    .map_err(fail)?;
    tx.execute_batch("DROP TABLE temp.touched").map_err(fail)?;
    tx.commit().map_err(fail)?;
    Ok(Rewound {
        removed: i64::try_from(removed).unwrap_or(i64::MAX),
        changes: i64::try_from(changes).unwrap_or(i64::MAX),
        touched,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Mode;

    #[test]
    fn a_copy_is_a_single_file_and_the_source_is_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let src = dir.path().join("src.db");
        let store = Store::open(&src, Mode::Create).unwrap();
        let before = store.data_version().unwrap();
        let dest = dir.path().join("copy.db");
        store.copy_to(&dest).unwrap();
        assert_eq!(store.data_version().unwrap(), before);
        let copy = Store::open(&dest, Mode::ReadOnly).unwrap();
        assert_eq!(copy.case_count().unwrap(), 0);
        assert!(!dir.path().join("copy.db-wal").exists());
    }
}
