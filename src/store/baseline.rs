//! The meeting baseline: its time and the database copy its counts come from, kept per database in
//! the user's state folder. Run by the worker; never writes to the database itself.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::i18n::{Lang, core::Core};
use crate::store::meeting::{Rewound, rewind};
use crate::store::{Mode, Store};

/// A baseline in force.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Baseline {
    /// The database it belongs to (its canonical path).
    pub database: PathBuf,
    /// The time it stands for.
    pub at: NaiveDateTime,
    /// `None` when the copy was taken at that very time (`b`), so it is the database as it stood;
    /// else what rewinding a copy taken later changed (`--baseline` with a past time).
    pub rewound: Option<Rewound>,
}

/// What the app asks of the baseline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    /// The baseline kept for this database, if any (at start).
    Load,
    /// A baseline now: a copy of the database as it stands (`b`).
    Mark(NaiveDateTime),
    /// A baseline at a past time (`--baseline`): the kept one if it is for that time, else a copy
    /// rewound to it.
    At(NaiveDateTime),
    /// No baseline any more (`B`): its files are removed.
    Clear,
}

/// Where baselines are kept: `$XDG_STATE_HOME/pantau/baselines` (`~/.local/state/pantau/baselines`),
/// or the local data folder on systems without a state folder.
pub fn default_dir() -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "pantau")?;
    let base = dirs.state_dir().unwrap_or(dirs.data_local_dir());
    Some(base.join("baselines"))
}

/// The files of one database's baseline.
#[derive(Clone, Debug)]
pub struct Keeper {
    database: PathBuf,
    dir: PathBuf,
    meta: PathBuf,
    copy: PathBuf,
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

impl Keeper {
    /// The keeper of `db`'s baseline in the folder `dir`.
    pub fn new(dir: &Path, db: &Path) -> Result<Keeper> {
        let database = std::fs::canonicalize(db).map_err(io(db))?;
        let digest = Sha256::digest(database.as_os_str().as_encoded_bytes());
        let key: String = digest.iter().take(10).map(|b| format!("{b:02x}")).collect();
        Ok(Keeper {
            meta: dir.join(format!("{key}.json")),
            copy: dir.join(format!("{key}.db")),
            dir: dir.to_path_buf(),
            database,
        })
    }

    /// The copy the baseline counts come from.
    pub fn copy_path(&self) -> &Path {
        &self.copy
    }

    /// Carries out `op` with `source` the open database; the baseline in force afterwards, with
    /// its copy open for reading.
    pub fn apply(&self, op: Op, source: &Store) -> Result<Option<(Baseline, Store)>> {
        match op {
            Op::Load => self.load(),
            Op::Mark(at) => self.take(source, at, false).map(Some),
            Op::At(at) => match self.load()? {
                Some((b, copy)) if b.at == at => Ok(Some((b, copy))),
                _ => self.take(source, at, true).map(Some),
            },
            Op::Clear => {
                self.clear()?;
                Ok(None)
            }
        }
    }

    /// The kept baseline of this database and its copy, if both are there and belong to it.
    pub fn load(&self) -> Result<Option<(Baseline, Store)>> {
        match self.kept()? {
            Some(b) => Ok(Some((b, open_copy(&self.copy)?))),
            None => Ok(None),
        }
    }

    /// The kept baseline of this database, if its record and its copy are there and belong to
    /// it, without opening the copy (what `is:new` on the command line counts from).
    pub fn kept(&self) -> Result<Option<Baseline>> {
        let text = match crate::fsread::read_to_string(&self.meta, crate::fsread::OWN) {
            Ok(t) => t,
            Err(e) if e.is_not_found() => return Ok(None),
            Err(e) => return Err(e.into()),
        };
        let Ok(b) = serde_json::from_str::<Baseline>(&text) else {
            return Ok(None);
        };
        if b.database != self.database || !self.copy.exists() {
            return Ok(None);
        }
        Ok(Some(b))
    }

    /// Copies the database now and, for a past time, rewinds the copy; then records it.
    fn take(&self, source: &Store, at: NaiveDateTime, past: bool) -> Result<(Baseline, Store)> {
        // Copies of the whole database: in a folder of the user's own, readable by the user only.
        crate::fs_safe::private_dir(&self.dir)?;
        let fresh = crate::fs_safe::Temp::new_in(&self.dir, crate::fs_safe::PRIVATE)?;
        source.copy_to(fresh.path())?;
        let rewound = if past {
            Some(rewind(fresh.path(), at)?)
        } else {
            None
        };
        let b = Baseline {
            database: self.database.clone(),
            at,
            rewound,
        };
        let text = serde_json::to_string_pretty(&b).map_err(|e| {
            let m = Core::BaselineRecord {
                meta: &self.meta,
                why: e.to_string(),
            };
            Error::failed(m.text(Lang::Id), m.text(Lang::En))
        })?;
        let mut record = crate::fs_safe::Temp::new_in(&self.dir, crate::fs_safe::PRIVATE)?;
        let at_path = record.path().to_path_buf();
        std::io::Write::write_all(record.file(), text.as_bytes()).map_err(io(&at_path))?;
        // A record never describes another copy than the one beside it.
        crate::fs_safe::commit_pair(
            (fresh, &self.copy),
            (record, &self.meta),
            crate::fs_safe::PRIVATE,
        )?;
        Ok((b, open_copy(&self.copy)?))
    }

    /// Removes the baseline's files.
    pub fn clear(&self) -> Result<()> {
        remove_if_there(&self.meta)?;
        remove_if_there(&self.copy)?;
        for side in ["db-wal", "db-shm"] {
            remove_if_there(&self.copy.with_extension(side))?;
        }
        Ok(())
    }
}

/// Opens a baseline copy for reading; a copy kept from before a schema upgrade of the database is
/// brought up to date first (it is pantau's own file).
fn open_copy(path: &Path) -> Result<Store> {
    match Store::open(path, Mode::ReadOnly) {
        Err(Error::NeedsUpgrade { .. }) => {
            drop(Store::open(path, Mode::Write)?);
            Store::open(path, Mode::ReadOnly)
        }
        other => other,
    }
}

fn remove_if_there(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(io(path)(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_kept_from_an_older_schema_is_upgraded_to_be_read() {
        let dir = tempfile::tempdir().unwrap();
        let copy = dir.path().join("old.db");
        let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/schema-v1.db");
        std::fs::copy(fixture, &copy).unwrap();
        assert!(matches!(
            Store::open(&copy, Mode::ReadOnly),
            Err(Error::NeedsUpgrade { .. })
        ));
        let store = open_copy(&copy).unwrap();
        assert!(store.case_count().is_ok());
    }

    #[test]
    fn a_baseline_is_kept_per_database_and_cleared() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("a.db");
        let other = dir.path().join("b.db");
        let store = Store::open(&db, Mode::Create).unwrap();
        drop(Store::open(&other, Mode::Create).unwrap());
        let state = dir.path().join("state");
        let keeper = Keeper::new(&state, &db).unwrap();
        assert!(keeper.apply(Op::Load, &store).unwrap().is_none());
        let at = chrono::NaiveDate::from_ymd_opt(2024, 2, 9)
            .and_then(|d| d.and_hms_opt(9, 0, 0))
            .unwrap();
        let (b, _) = keeper.apply(Op::Mark(at), &store).unwrap().unwrap();
        assert_eq!(b.at, at);
        assert_eq!(b.rewound, None);
        let again = Keeper::new(&state, &dir.path().join(".").join("a.db")).unwrap();
        assert_eq!(
            again.load().unwrap().map(|(b, _)| b.at),
            Some(at),
            "the same file by another path"
        );
        let elsewhere = Keeper::new(&state, &other).unwrap();
        assert!(elsewhere.load().unwrap().is_none());
        keeper.apply(Op::Clear, &store).unwrap();
        assert!(keeper.load().unwrap().is_none());
        assert!(!keeper.copy_path().exists());
    }
}
