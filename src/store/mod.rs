//! With `engine/sql/`, the only module that talks SQL: opening a database (pragmas, identity checks), migrations,
//! reference data, and writes of cases and their history. Nothing here draws or parses views.

pub mod activities;
pub mod aside;
pub mod baseline;
pub mod bulk;
pub mod checks;
pub mod copy;
pub mod elections;
pub mod files;
pub mod followups;
pub mod handling;
pub mod last_status;
pub mod load;
pub mod meeting;
mod migrate;
pub mod offices;
pub mod read;
pub mod regions;
pub mod rollup;
pub mod write;

pub use migrate::{APPLICATION_ID, SCHEMA_VERSION};
pub use write::{BatchInfo, NewBatch};

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use rusqlite::config::DbConfig;
use rusqlite::{Connection, ErrorCode, OpenFlags};

use crate::error::{Error, Result, Warning};
use crate::i18n::{Lang, core::Core};

/// Stops the query a connection is running (`sqlite3_interrupt`), from any thread.
pub struct Interrupt(rusqlite::InterruptHandle);

impl Interrupt {
    /// The running query (if any) fails at once as interrupted.
    pub fn interrupt(&self) {
        self.0.interrupt();
    }
}

/// How long a writer waits for another writer's lock before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// The page size of a new database file. 16 KiB rather than SQLite's 4 KiB: a case row is about
/// 330 bytes and its full-text entries are large blobs, so bigger pages mean fewer B-tree splits and
/// WAL frames. Measured at 100,000 new cases: an import 10–25 % faster. At 1M cases, counts, pages
/// and full-text terms (answered by the engine's index) are as fast as before; a count left to SQL
/// alone (`PANTAU_INDEX=off`), which reads rows all over the file, takes 1.3 s instead of 0.75 s.
pub const PAGE_SIZE: i64 = 16_384;

/// The size the write-ahead log is cut back to when it starts over (`journal_size_limit`).
pub const WAL_LIMIT: i64 = 64 * 1024 * 1024;

/// How much of the file a command that answers one question and exits reads through a memory
/// map ([`Store::map_file`]): a province's database (tens of thousands of cases) whole, a larger
/// one in part, so that the command's resident memory stays bounded.
pub const MAP_LIMIT: i64 = 32 * 1024 * 1024;

/// How a database is opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Read and write; create the file (and its folder) if it does not exist.
    Create,
    /// Read and write an existing database.
    Write,
    /// Never write: no migration, no pragma that changes the file.
    ReadOnly,
}

/// An open pantau database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Why writes are refused, if they are: `--read-only`, or no write permission.
    read_only: Option<&'static str>,
    /// What is wrong with the file's permissions, for the command to say.
    warnings: Vec<Warning>,
    /// The schema version the file had when this connection upgraded it, if it did.
    upgraded_from: Option<i64>,
    /// The reference data last read, with the state of the database it was read in (see
    /// [`Store::reference`]): a command asks for it several times, and it is read once.
    reference: std::cell::RefCell<Option<(DataState, std::sync::Arc<crate::domain::Reference>)>>,
}

/// What tells one state of a database from another on one connection: `PRAGMA data_version`
/// (changes when another connection commits) and the connection's own count of changed rows.
type DataState = (i64, u64);

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .field("read_only", &self.read_only)
            .finish()
    }
}

/// Runs `attempt` until it fails on something other than a lock ([`Error::Locked`]), for up to
/// `wait`: each try is given the rest of the wait, at most 200 ms, as its busy timeout, so that
/// `waiting` is called once when the lock is not had within a second, and `cancel` (Ctrl-C) is
/// heard between tries and ends the wait with `None`. After `wait`, fails naming that wait.
fn patiently<T>(
    wait: Duration,
    cancel: &AtomicBool,
    waiting: &mut dyn FnMut(),
    mut attempt: impl FnMut(Duration) -> Result<T>,
) -> Result<Option<T>> {
    let started = Instant::now();
    let mut told = false;
    loop {
        let left = wait.saturating_sub(started.elapsed());
        match attempt(left.min(Duration::from_millis(200))) {
            Ok(t) => return Ok(Some(t)),
            Err(Error::Locked { path, .. }) => {
                if cancel.load(Ordering::SeqCst) {
                    return Ok(None);
                }
                if started.elapsed() >= wait {
                    return Err(Error::Locked {
                        path,
                        seconds: wait.as_secs(),
                    });
                }
                if !told && started.elapsed() >= Duration::from_secs(1) {
                    told = true;
                    waiting();
                }
            }
            Err(e) => return Err(e),
        }
    }
}

/// The write lock of a database file, held while it is replaced by another file (`demo
/// --force`): a writer in the middle of a transaction finishes first (its work is then replaced,
/// as asked), and one that comes later finds the file moved and is refused by SQLite rather than
/// writing to the old file where nobody would read it.
pub struct WriteLock {
    conn: Connection,
}

impl WriteLock {
    /// Takes the write lock of the database at `path`, waiting for a writer as any command
    /// does ([`BUSY_TIMEOUT`]).
    pub fn take(path: &Path) -> Result<WriteLock> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| open_error(path, e))?;
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)
            .map_err(|e| sqlite_error(path, e))?;
        conn.busy_timeout(BUSY_TIMEOUT)
            .map_err(|e| sqlite_error(path, e))?;
        conn.execute_batch("BEGIN IMMEDIATE")
            .map_err(|e| sqlite_error(path, e))?;
        Ok(WriteLock { conn })
    }
}

impl Drop for WriteLock {
    fn drop(&mut self) {
        let _ = self.conn.execute_batch("ROLLBACK");
    }
}

impl Store {
    /// Opens the database at `path`, checks that it is pantau's and brings its schema up to date
    /// (unless read-only). A file that is not pantau's is left untouched.
    pub fn open(path: &Path, mode: Mode) -> Result<Store> {
        Store::open_with(path, mode, OpenFlags::empty())
    }

    /// [`Store::open`] for a file pantau has just made for itself under a temporary name (the demo
    /// being written, a backup or baseline copy being checked): SQLite refuses the path should it
    /// have been replaced by a symbolic link since, so nothing is ever written through one.
    pub fn open_own(path: &Path, mode: Mode) -> Result<Store> {
        Store::open_with(path, mode, OpenFlags::SQLITE_OPEN_NOFOLLOW)
    }

    fn open_with(path: &Path, mode: Mode, extra: OpenFlags) -> Result<Store> {
        let mut store = Store::connect(path, mode, extra)?;
        store.settle()?;
        Ok(store)
    }

    /// [`Store::open`] waiting up to `wait` (a writer's `--wait`, else [`BUSY_TIMEOUT`]) for a
    /// lock already held when it starts: an upgrade needs the write lock, and sqlite3 in
    /// `locking_mode=EXCLUSIVE` keeps even readers out. The checks run in slices of 200 ms, so
    /// that `waiting` is called once if the database is not had within a second, and so that
    /// `cancel` (Ctrl-C) is heard: it ends the wait with `None`, nothing read or written.
    pub fn open_waiting(
        path: &Path,
        mode: Mode,
        wait: Duration,
        cancel: &AtomicBool,
        waiting: &mut dyn FnMut(),
    ) -> Result<Option<Store>> {
        let mut store = Store::connect(path, mode, OpenFlags::empty())?;
        let settled = patiently(wait, cancel, waiting, |slice| {
            store.conn.busy_timeout(slice).map_err(|e| store.err(e))?;
            store.settle()
        })?;
        if settled.is_none() {
            return Ok(None);
        }
        store
            .conn
            .busy_timeout(wait.max(BUSY_TIMEOUT))
            .map_err(|e| store.err(e))?;
        Ok(Some(store))
    }

    /// The connection to the file at `path`, with the store's busy timeout: nothing read yet.
    fn connect(path: &Path, mode: Mode, extra: OpenFlags) -> Result<Store> {
        files::refuse_not_regular(path)?;
        let exists = path.exists();
        if !exists && mode != Mode::Create {
            return Err(Error::Missing {
                path: path.to_path_buf(),
            });
        }
        if !exists && let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| Error::CreateDir {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        if !exists {
            // Created here rather than by SQLite, so that other users may never write to it.
            files::create_new(path)?;
        } else if mode != Mode::Create && files::is_empty(path) {
            return Err(Error::Empty {
                path: path.to_path_buf(),
            });
        }
        // The `-wal` and `-shm` files of a WAL database take the mode of the database and the
        // owner of whoever makes them. A reader that may not write the database must never make
        // them (writers could no longer write them), and a writer that meets such files says so.
        let may_write = files::may_write(path);
        let wal = files::is_wal(path);
        if wal && may_write && mode != Mode::ReadOnly {
            files::check_sidecars_writable(path)?;
        }
        let shared_read_only = wal && !may_write;
        if shared_read_only {
            files::check_sidecars_present(path)?;
        }
        let flags = match mode {
            Mode::ReadOnly => OpenFlags::SQLITE_OPEN_READ_ONLY,
            Mode::Write => OpenFlags::SQLITE_OPEN_READ_WRITE,
            Mode::Create => OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
        } | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | extra;
        let conn = if shared_read_only {
            // `readonly_shm`: open the `-shm` file read-only, never create it.
            let uri = format!("{}?mode=ro&readonly_shm=1", file_uri(path));
            Connection::open_with_flags(
                uri,
                OpenFlags::SQLITE_OPEN_READ_ONLY
                    | OpenFlags::SQLITE_OPEN_URI
                    | OpenFlags::SQLITE_OPEN_NO_MUTEX
                    | extra,
            )
        } else {
            Connection::open_with_flags(path, flags)
        }
        .map_err(|e| open_error(path, e))?;
        // Keep `-wal` and `-shm` in place when the last connection closes (no checkpoint at close:
        // it would delete them); each command that wrote checkpoints itself (see `Drop`). Readers
        // without write permission then always find them, made by a writer.
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)
            .map_err(|e| open_error(path, e))?;
        let read_only = if mode == Mode::ReadOnly {
            Some("--read-only")
        } else if conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(true) {
            Some("no write permission")
        } else {
            None
        };
        let store = Store {
            conn,
            path: path.to_path_buf(),
            read_only,
            warnings: files::warnings(path),
            upgraded_from: None,
            reference: std::cell::RefCell::new(None),
        };
        store
            .conn
            .busy_timeout(BUSY_TIMEOUT)
            .map_err(|e| store.err(e))?;
        Ok(store)
    }

    /// Checks that the file is pantau's and brings its schema up to date (unless read-only).
    /// Safe to run again after it failed on a lock: each step either did all of its work or none.
    fn settle(&mut self) -> Result<()> {
        let store = self;
        store.check_identity()?;
        if store.read_only.is_none() {
            store.configure()?;
            let before = store.user_version()?;
            migrate::migrate(&mut store.conn, write::fill_tree)
                .map_err(|e| upgrade_failed(&store.path, e))?;
            // A new file (version 0) is created, not upgraded.
            store.upgraded_from = (before > 0 && before < SCHEMA_VERSION).then_some(before);
        } else {
            let found = store.user_version()?;
            if found < SCHEMA_VERSION {
                return Err(Error::NeedsUpgrade {
                    path: store.path.clone(),
                    found,
                    known: SCHEMA_VERSION,
                });
            }
            store
                .conn
                .pragma_update(None, "query_only", true)
                .map_err(|e| store.err(e))?;
        }
        store
            .conn
            .pragma_update(None, "foreign_keys", true)
            .map_err(|e| store.err(e))?;
        Ok(())
    }

    /// Creates a private in-memory database with the schema and reference data (tests, benches).
    pub fn memory() -> Result<Store> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|e| open_error(&path, e))?;
        let mut store = Store {
            conn,
            path,
            read_only: None,
            warnings: Vec::new(),
            upgraded_from: None,
            reference: std::cell::RefCell::new(None),
        };
        store
            .conn
            .pragma_update(None, "foreign_keys", true)
            .map_err(|e| store.err(e))?;
        migrate::migrate(&mut store.conn, write::fill_tree)
            .map_err(|e| upgrade_failed(&store.path, e))?;
        store.load_reference(&crate::domain::Reference::embedded())?;
        Ok(store)
    }

    /// Refuses files that are not SQLite, SQLite files that are not pantau's, and newer schemas.
    fn check_identity(&self) -> Result<()> {
        let app_id: i64 = self
            .conn
            .pragma_query_value(None, "application_id", |r| r.get(0))
            .map_err(|e| open_error(&self.path, e))?;
        let tables: i64 = self
            .conn
            .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
            .map_err(|e| open_error(&self.path, e))?;
        if app_id != APPLICATION_ID && (app_id != 0 || tables > 0) {
            return Err(Error::Foreign {
                path: self.path.clone(),
            });
        }
        if app_id == 0 && tables == 0 && self.read_only.is_some() {
            return Err(Error::Missing {
                path: self.path.clone(),
            });
        }
        let found = self.user_version()?;
        if found > SCHEMA_VERSION {
            return Err(Error::TooNew {
                path: self.path.clone(),
                found,
                known: SCHEMA_VERSION,
            });
        }
        Ok(())
    }

    /// Pragmas of a writable connection, outside any transaction.
    fn configure(&self) -> Result<()> {
        let c = &self.conn;
        // Only a file with no pages yet takes it; an existing file keeps its page size.
        c.pragma_update(None, "page_size", PAGE_SIZE)
            .map_err(|e| self.err(e))?;
        let mode: String = c
            .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))
            .map_err(|e| self.err(e))?;
        if !mode.eq_ignore_ascii_case("wal") && self.path.as_os_str() != ":memory:" {
            return Err({
                let m = Core::NoWal {
                    path: &self.path,
                    mode,
                };
                Error::failed(m.text(Lang::Id), m.text(Lang::En))
            });
        }
        c.pragma_update(None, "synchronous", "NORMAL")
            .map_err(|e| self.err(e))?;
        // Each time the log starts over, cut it back to this size: a long reader lets it grow,
        // and it shrinks again once readers are gone.
        c.pragma_update(None, "journal_size_limit", WAL_LIMIT)
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// Moves the write-ahead log into the database and leaves WAL mode, so that the file alone
    /// holds everything (a database made to be copied whole, such as the demo's).
    pub fn into_single_file(&self) -> Result<()> {
        self.conn
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;")
            .map_err(|e| self.err(e))
    }

    /// Moves the write-ahead log into the database and empties it, if no reader still needs it;
    /// with readers it does what it can and leaves the rest to the next writer. Never waits.
    pub fn checkpoint(&self) -> Result<()> {
        if self.read_only.is_some() || self.path.as_os_str() == ":memory:" {
            return Ok(());
        }
        let c = &self.conn;
        c.busy_timeout(Duration::ZERO).map_err(|e| self.err(e))?;
        let result = c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
        c.busy_timeout(BUSY_TIMEOUT).map_err(|e| self.err(e))?;
        match result {
            Ok(()) => Ok(()),
            // A reader or writer holds the log: it stays as it is, nothing is lost.
            Err(e)
                if matches!(
                    e.sqlite_error_code(),
                    Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
                ) =>
            {
                Ok(())
            }
            Err(e) => Err(self.err(e)),
        }
    }

    /// The schema version the file had when this connection upgraded it to the present one.
    pub fn upgraded_from(&self) -> Option<i64> {
        self.upgraded_from
    }

    /// The schema version recorded in the file (`PRAGMA user_version`).
    pub fn user_version(&self) -> Result<i64> {
        self.conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(|e| open_error(&self.path, e))
    }

    /// A handle that stops this connection's running query from another thread.
    pub fn interrupt_handle(&self) -> Interrupt {
        Interrupt(self.conn.get_interrupt_handle())
    }

    /// The connection, for the engine's queries.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The connection, for writes in a transaction.
    pub fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    /// The file this store reads.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// What is wrong with the permissions of the database file (see [`Warning`]).
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// Whether this store refuses writes.
    pub fn is_read_only(&self) -> bool {
        self.read_only.is_some()
    }

    /// Marks a store opened read-only by a command that only reads (not because of `--read-only`).
    pub fn reading(mut self) -> Store {
        if self.read_only == Some("--read-only") {
            self.read_only = Some("opened for reading");
        }
        self
    }

    /// Lets SQLite read the first `limit` bytes of the file through a memory map instead of
    /// copying each page it reads into a buffer of its own: on a small database most of a short
    /// command's time is its first touch of memory, and a mapped page is not copied (measured on
    /// 1,000 cases: a fifth fewer page faults). For a read-only connection of a command that
    /// exits after answering: the mapped pages count in its resident memory, so not for the TUI
    /// or an export, whose memory is bounded. (A file truncated under the map by a program other
    /// than SQLite would end the command with SIGBUS rather than an error: such a program
    /// could as well overwrite the cases.)
    pub fn map_file(self, limit: i64) -> Result<Store> {
        self.conn
            .pragma_update(None, "mmap_size", limit)
            .map_err(|e| self.err(e))?;
        Ok(self)
    }

    /// A second connection that may write, for a check that must run in a write transaction it
    /// then rolls back; `None` under `--read-only` or without write permission. It never waits
    /// for the write lock: it fails at once with `SQLITE_BUSY` while another process holds it.
    pub fn probe_writer(&self) -> Result<Option<Connection>> {
        if self.read_only == Some("--read-only") || !files::may_write(&self.path) {
            return Ok(None);
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(&self.path, flags).map_err(|e| self.err(e))?;
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)
            .map_err(|e| self.err(e))?;
        conn.busy_timeout(Duration::ZERO).map_err(|e| self.err(e))?;
        Ok(Some(conn))
    }

    /// Fails with a clear message if this store cannot be written by `command`.
    pub fn require_writable(&self, command: &str) -> Result<()> {
        if let Some(why) = self.read_only {
            return Err(Error::ReadOnly {
                path: self.path.clone(),
                why: why.to_string(),
                command: command.to_string(),
            });
        }
        Ok(())
    }

    /// Converts a SQLite error on this database into pantau's error.
    pub fn err(&self, e: rusqlite::Error) -> Error {
        sqlite_error(&self.path, e)
    }

    /// The number of cases stored.
    pub fn case_count(&self) -> Result<i64> {
        read::count_cases(&self.conn).map_err(|e| self.err(e))
    }

    /// The cases whose kecamatan is text the region tree does not know, by intake number.
    pub fn unresolved_kecamatan(&self) -> Result<Vec<regions::Unresolved>> {
        regions::unresolved_kecamatan(&self.conn)
            .map(|rows| {
                rows.into_iter()
                    .map(|(nomor, office, kecamatan)| regions::Unresolved {
                        nomor,
                        office,
                        kecamatan,
                    })
                    .collect()
            })
            .map_err(|e| self.err(e))
    }

    /// The largest case id (0 without cases): how big an index of this database would be.
    pub fn largest_case_id(&self) -> Result<i64> {
        self.conn
            .query_row("SELECT COALESCE(max(id), 0) FROM cases", [], |r| r.get(0))
            .map_err(|e| self.err(e))
    }

    /// `PRAGMA data_version`: changes whenever another connection commits to the file (the TUI's
    /// worker polls it to notice writes by other processes).
    pub fn data_version(&self) -> Result<i64> {
        self.conn
            .pragma_query_value(None, "data_version", |r| r.get(0))
            .map_err(|e| self.err(e))
    }
}

impl Drop for Store {
    /// A store that may write leaves the log empty when no reader needs it (connections do not
    /// checkpoint at close, so that `-wal` and `-shm` stay in place for readers). A checkpoint
    /// that cannot be done now is left to the next writer: the log keeps every commit.
    fn drop(&mut self) {
        match self.checkpoint() {
            // Nothing to do here that the next writer cannot: the command that failed has said
            // why (a folder or file it may not write, a lock) in the user's language already.
            Ok(())
            | Err(Error::FolderReadOnly { .. } | Error::ReadOnly { .. } | Error::Locked { .. }) => {
            }
            Err(e) => crate::log::warn(&e.to_string()),
        }
    }
}

/// `path` as a SQLite URI (`file:` with `?`, `#` and `%` escaped).
fn file_uri(path: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    let mut uri = String::from("file:");
    for &b in path.as_os_str().as_bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            uri.push(char::from(b));
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri
}

/// Converts a SQLite error on `path` into pantau's error: a lock, a read-only file and a file that
/// is not a database each get their own message.
pub fn sqlite_error(path: &Path, e: rusqlite::Error) -> Error {
    if let rusqlite::Error::FromSqlConversionFailure(_, _, cause) = &e
        && let Some(unknown) = cause.downcast_ref::<read::UnknownCode>()
    {
        let m = Core::StoredCodeUnknown {
            path,
            list: &unknown.list,
            code: &unknown.code,
        };
        return Error::failed(m.text(Lang::Id), m.text(Lang::En));
    }
    if e.sqlite_error_code() == Some(ErrorCode::CannotOpen)
        && let Some(linked) = files::linked_sidecar(path)
    {
        return linked;
    }
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => Error::Locked {
            path: path.to_path_buf(),
            seconds: BUSY_TIMEOUT.as_secs(),
        },
        // SQLITE_READONLY_DIRECTORY, _CANTINIT, _CANTLOCK: the -wal/-shm files cannot be made.
        Some(ErrorCode::ReadOnly) if matches!(extended_code(&e), Some(1544 | 1288 | 520)) => {
            Error::FolderReadOnly {
                path: path.to_path_buf(),
                dir: files::folder(path),
            }
        }
        Some(ErrorCode::DatabaseCorrupt) => Error::Corrupt {
            path: path.to_path_buf(),
            detail: e.to_string(),
        },
        Some(ErrorCode::DiskFull) => Error::DiskFull {
            path: path.to_path_buf(),
        },
        // SQLITE_READONLY_DBMOVED: the name no longer leads to the file being written.
        Some(ErrorCode::ReadOnly) if extended_code(&e) == Some(1032) => {
            let m = Core::DbMoved { path };
            Error::failed(m.text(Lang::Id), m.text(Lang::En))
        }
        Some(ErrorCode::ReadOnly) => Error::ReadOnly {
            path: path.to_path_buf(),
            why: "no write permission".into(),
            command: "pantau".into(),
        },
        Some(ErrorCode::NotADatabase) => Error::NotSqlite {
            path: path.to_path_buf(),
        },
        _ => Error::Sqlite {
            path: path.to_path_buf(),
            source: e,
        },
    }
}

/// pantau's error for an upgrade of the file at `path` that did not happen: a row pointing nowhere
/// is named, with the way out, in both languages.
fn upgrade_failed(path: &Path, e: migrate::Failed) -> Error {
    match e {
        migrate::Failed::Sqlite(e) => sqlite_error(path, e),
        migrate::Failed::Dangling {
            from,
            table,
            rowid,
            parent,
        } => {
            let m = Core::UpgradeDangling {
                path,
                from,
                to: SCHEMA_VERSION,
                table: &table,
                rowid: rowid.map_or_else(|| "?".to_string(), |r| r.to_string()),
                parent: &parent,
            };
            Error::failed(m.text(Lang::Id), m.text(Lang::En))
        }
    }
}

/// SQLite's extended result code of `e`, if it is a SQLite failure.
fn extended_code(e: &rusqlite::Error) -> Option<i32> {
    match e {
        rusqlite::Error::SqliteFailure(f, _) => Some(f.extended_code),
        _ => None,
    }
}

fn open_error(path: &Path, e: rusqlite::Error) -> Error {
    if let Some(linked) = files::linked_sidecar(path) {
        return linked;
    }
    match e.sqlite_error_code() {
        Some(ErrorCode::CannotOpen) => Error::Io {
            path: path.to_path_buf(),
            source: std::io::Error::other(
                "cannot open the file (check the path and its permissions)",
            ),
        },
        _ => sqlite_error(path, e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_of_pantau_s_own_is_never_opened_through_a_link_that_replaced_it() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.db");
        drop(Store::open(&real, Mode::Create).unwrap());
        let link = dir.path().join(".pantau-xxxxxxxxxxxx.tmp");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let before = std::fs::read(&real).unwrap();
        assert!(Store::open_own(&link, Mode::Create).is_err());
        assert!(Store::open_own(&link, Mode::ReadOnly).is_err());
        assert_eq!(
            std::fs::read(&real).unwrap(),
            before,
            "nothing written through it"
        );
        // A database the user names may be reached through a link of the user's choosing.
        assert!(Store::open(&link, Mode::ReadOnly).is_ok());
    }
}
