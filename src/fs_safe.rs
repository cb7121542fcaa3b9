//! Every file pantau creates or replaces: made exclusively under an unpredictable name that pantau
//! recognises, never through a symbolic link, private from the first byte, and moved into place whole.
//! Also the private folders pantau keeps its own files in, and the cleaning of what a killed run left.

use std::fs::File;
use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use rustix::fs::{FlockOperation, OFlags};

use crate::error::{Error, Result};
use crate::i18n::usage::{Refused, Usage};
use crate::i18n::{Lang, core::Core};

/// The mode of a copy of case data: its owner reads and writes it, nobody else.
pub const PRIVATE: u32 = 0o600;

/// The mode of a folder of pantau's own (state, cache, baselines).
pub const PRIVATE_DIR: u32 = 0o700;

/// The start and end of every temporary file's name: `.pantau-XXXXXXXXXXXX.tmp`.
const PREFIX: &str = ".pantau-";
const SUFFIX: &str = ".tmp";

/// Files SQLite may keep beside a database it writes.
const SQLITE_SIDES: [&str; 3] = ["-journal", "-wal", "-shm"];

fn io_at(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// `path` with `suffix` appended to its name: `kaltim.db` → `kaltim.db-wal`.
pub fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// The folder `path` is in (`.` for a bare name).
pub fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Whether `name` is that of a temporary file of pantau's (or of a SQLite file beside one).
fn is_temp_name(name: &str) -> bool {
    let base = SQLITE_SIDES
        .iter()
        .find_map(|s| name.strip_suffix(s))
        .unwrap_or(name);
    base.starts_with(PREFIX) && base.ends_with(SUFFIX) && base.len() > PREFIX.len() + SUFFIX.len()
}

/// A file being written under a temporary name; removed (with any SQLite files beside it) unless
/// [`Temp::commit`] moves it into place. While it lives it holds a lock on itself, so that
/// [`sweep`] in another process knows a live process owns it.
#[derive(Debug)]
pub struct Temp {
    file: File,
    path: Option<tempfile::TempPath>,
}

/// Whether [`Temp::commit`] may replace a file already at the final name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Replace {
    /// Replace a regular file (never a link, never a folder).
    Yes,
    /// Refuse when anything is at the final name.
    No,
}

impl Temp {
    /// A new, empty temporary file in the folder of `target`, created with `mode` (as the umask
    /// allows). First removes what earlier runs of this user left in that folder.
    pub fn beside(target: &Path, mode: u32) -> Result<Temp> {
        Temp::new_in(&folder_of(target), mode)
    }

    /// A new, empty temporary file in `dir`, created with `mode` (as the umask allows).
    pub fn new_in(dir: &Path, mode: u32) -> Result<Temp> {
        sweep(dir);
        loop {
            let named = tempfile::Builder::new()
                .prefix(PREFIX)
                .suffix(SUFFIX)
                .rand_bytes(12)
                .permissions(std::fs::Permissions::from_mode(mode))
                .tempfile_in(dir)
                .map_err(io_at(dir))?;
            let (file, path) = named.into_parts();
            rustix::fs::flock(&file, FlockOperation::LockExclusive)
                .map_err(|e| io_at(&path)(e.into()))?;
            // A sweep in another process may have taken the lock between the creation and ours
            // and removed the name: then start again with a new one.
            if same_inode(&file, &path) {
                return Ok(Temp {
                    file,
                    path: Some(path),
                });
            }
            let _ = path.keep();
        }
    }

    /// Where the file is being written.
    pub fn path(&self) -> &Path {
        self.path.as_deref().unwrap_or(Path::new(""))
    }

    /// The open file.
    pub fn file(&mut self) -> &mut File {
        &mut self.file
    }

    /// Writes the file out to the disk, gives it `mode` (when given) and moves it to `dest`:
    /// never through a link at `dest`, never over a folder, over an existing file only with
    /// [`Replace::Yes`].
    pub fn commit(self, dest: &Path, mode: Option<u32>, replace: Replace) -> Result<()> {
        self.try_commit(dest, mode, replace).map_err(|(_, e)| e)
    }

    /// [`Temp::commit`], giving the file back when it could not be moved into place.
    pub fn try_commit(
        mut self,
        dest: &Path,
        mode: Option<u32>,
        replace: Replace,
    ) -> std::result::Result<(), (Temp, Error)> {
        match self.commit_inner(dest, mode, replace) {
            Ok(()) => Ok(()),
            Err(e) => Err((self, e)),
        }
    }

    fn commit_inner(&mut self, dest: &Path, mode: Option<u32>, replace: Replace) -> Result<()> {
        let path = self.path().to_path_buf();
        // A failure to get the bytes to the disk (a full one) names the file asked for: the
        // temporary one goes with the error.
        self.file.sync_all().map_err(io_at(dest))?;
        if let Some(mode) = mode {
            self.file
                .set_permissions(std::fs::Permissions::from_mode(mode))
                .map_err(io_at(&path))?;
        }
        if !same_inode(&self.file, &path) {
            return Err({
                let m = Core::TempReplaced { temp: &path, dest };
                Error::failed(m.text(Lang::Id), m.text(Lang::En))
            });
        }
        check_dest(dest, replace)?;
        let Some(temp) = self.path.take() else {
            return Ok(());
        };
        let moved = match replace {
            Replace::Yes => temp.persist(dest),
            Replace::No => temp.persist_noclobber(dest),
        };
        if let Err(e) = moved {
            let err = e.error;
            self.path = Some(e.path);
            if err.kind() == std::io::ErrorKind::AlreadyExists {
                return Err(Error::Exists {
                    path: dest.to_path_buf(),
                });
            }
            return Err(io_at(dest)(err));
        }
        if let Ok(d) = File::open(folder_of(dest)) {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

impl Drop for Temp {
    /// A file that was not committed is removed, with what SQLite kept beside it.
    fn drop(&mut self) {
        if let Some(path) = self.path.take() {
            for side in SQLITE_SIDES {
                let _ = std::fs::remove_file(sidecar(&path, side));
            }
            drop(path);
        }
    }
}

/// Whether the name `path` is still the file open as `file`.
fn same_inode(file: &File, path: &Path) -> bool {
    match (file.metadata(), std::fs::symlink_metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// The SQLite database `dest` belongs to, when `dest` is named as one of its files beside it
/// (`X.db-wal`, `X.db-shm`, `X.db-journal`) and `X.db` is an SQLite database: writing there would
/// replace the database's latest changes, or its readers' shared index.
fn database_of_sidecar(dest: &Path) -> Option<PathBuf> {
    let name = dest.file_name()?.to_str()?;
    let base = ["-wal", "-shm", "-journal"]
        .iter()
        .find_map(|s| name.strip_suffix(s))
        .filter(|b| !b.is_empty())?;
    let db = dest.with_file_name(base);
    is_sqlite_file(&db).then_some(db)
}

/// Whether `path` leads to a regular file that starts as an SQLite database does (opened without
/// blocking: a named pipe is no database).
fn is_sqlite_file(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 16];
    crate::fsread::open_regular(path)
        .ok()
        .is_some_and(|mut f| f.read_exact(&mut head).is_ok())
        && &head == b"SQLite format 3\0"
}

/// Refuses a final name that is a link or not a regular file, that exists when it must not, or
/// that is a file of an SQLite database's own (its `-wal`, `-shm` or `-journal`).
pub fn check_dest(dest: &Path, replace: Replace) -> Result<()> {
    if let Some(db) = database_of_sidecar(dest) {
        let m = Core::DestIsSidecar { dest, db: &db };
        return Err(Error::failed(m.text(Lang::Id), m.text(Lang::En)));
    }
    let meta = match std::fs::symlink_metadata(dest) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(io_at(dest)(e)),
    };
    if meta.file_type().is_symlink() {
        let to = std::fs::read_link(dest)
            .map(|t| t.display().to_string())
            .unwrap_or_else(|_| "?".into());
        return Err({
            let m = Core::DestIsLink { dest, to };
            Error::failed(m.text(Lang::Id), m.text(Lang::En))
        });
    }
    if !meta.file_type().is_file() {
        return Err({
            let m = Core::DestNotFile { dest };
            Error::failed(m.text(Lang::Id), m.text(Lang::En))
        });
    }
    if replace == Replace::No {
        return Err(Error::Exists {
            path: dest.to_path_buf(),
        });
    }
    Ok(())
}

/// Writes `bytes` to `dest` through a [`Temp`] beside it, with `mode`.
pub fn write_whole(dest: &Path, bytes: &[u8], mode: u32, replace: Replace) -> Result<()> {
    use std::io::Write;
    let mut temp = Temp::beside(dest, mode)?;
    // A failure (a full disk) names the file asked for; the temporary one goes with the error.
    temp.file().write_all(bytes).map_err(io_at(dest))?;
    temp.commit(dest, Some(mode), replace)
}

/// Puts a file and the file that describes it (an export and its provenance, a baseline copy and
/// its record) in place as a consistent pair: a describing file at its name always describes the
/// file beside it. Both names are checked before either moves; the old describing file goes
/// first, then the file, then its new description. Should the last step fail (another process
/// took the name meanwhile), the description is kept under a new name beside it, which the error
/// names.
pub fn commit_pair(
    (main, main_dest): (Temp, &Path),
    (about, about_dest): (Temp, &Path),
    mode: u32,
) -> Result<()> {
    check_writable(main_dest, Replace::Yes)?;
    check_writable(about_dest, Replace::Yes)?;
    match std::fs::remove_file(about_dest) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(io_at(about_dest)(e)),
    }
    main.commit(main_dest, Some(mode), Replace::Yes)?;
    match about.try_commit(about_dest, Some(mode), Replace::Yes) {
        Ok(()) => Ok(()),
        Err((about, e)) => {
            let kept = keep_aside(about, about_dest)
                .map(|p| p.display().to_string())
                .unwrap_or_else(|_| "-".into());
            Err({
                let m = |lang| {
                    Core::AboutNotPlaced {
                        main: main_dest,
                        about: about_dest,
                        why: e.message(lang),
                        kept: kept.clone(),
                    }
                    .text(lang)
                };
                Error::failed(m(Lang::Id), m(Lang::En))
            })
        }
    }
}

/// Removes the temporary files in `dir` that an earlier run of this user left: only names pantau
/// gives ([`Temp`]), only regular files this user owns, only when no live process holds their
/// lock. Anything else is left alone; trouble reading the folder is no reason to fail.
pub fn sweep(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let me = rustix::process::geteuid().as_raw();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if !is_temp_name(name) || SQLITE_SIDES.iter().any(|s| name.ends_with(s)) {
            continue;
        }
        let path = entry.path();
        if let Some(owned) = open_unowned(&path, me) {
            let _ = std::fs::remove_file(&path);
            for side in SQLITE_SIDES {
                let _ = std::fs::remove_file(sidecar(&path, side));
            }
            drop(owned);
        }
    }
}

/// The temporary file at `path`, opened and locked, when it is a regular file of user `me` that
/// no live process holds.
fn open_unowned(path: &Path, me: u32) -> Option<File> {
    let fd = rustix::fs::open(
        path,
        OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC,
        rustix::fs::Mode::empty(),
    )
    .ok()?;
    let file = File::from(fd);
    let meta = file.metadata().ok()?;
    if !meta.file_type().is_file() || meta.uid() != me {
        return None;
    }
    rustix::fs::flock(&file, FlockOperation::NonBlockingLockExclusive).ok()?;
    same_inode(&file, path).then_some(file)
}

/// Whether a live process holds the lock of a temporary file, as far as this user can tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holder {
    /// A running pantau is writing it.
    Live,
    /// Nobody holds it: a run that was stopped left it.
    Nobody,
    /// This user can neither open it nor read the kernel's list of locks.
    Unknown,
}

/// A temporary file in a folder, with the SQLite files beside it, for `pantau doctor`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Leftover {
    pub path: PathBuf,
    /// Its `-journal`, `-wal` and `-shm` files that exist.
    pub sides: Vec<PathBuf>,
    pub holder: Holder,
    /// Its owner's uid.
    pub uid: u32,
}

/// The temporary files in `dir` (any user's), each with whether a live process holds it: tested
/// with its lock, as [`sweep`] does, or, for a file this user may not open, in `/proc/locks`.
/// SQLite files beside a temporary file are listed with it, not apart.
pub fn leftovers(dir: &Path) -> Vec<Leftover> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| e.file_name().to_str().is_some_and(is_temp_name))
        .map(|e| e.path())
        .collect();
    names.sort();
    let mut out: Vec<Leftover> = Vec::new();
    for path in &names {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let main = SQLITE_SIDES
            .iter()
            .find_map(|s| name.strip_suffix(s))
            .map(|base| path.with_file_name(base));
        if let Some(main) = main
            && names.contains(&main)
        {
            continue;
        }
        let Ok(meta) = std::fs::symlink_metadata(path) else {
            continue;
        };
        out.push(Leftover {
            sides: SQLITE_SIDES
                .iter()
                .map(|s| sidecar(path, s))
                .filter(|p| names.contains(p))
                .collect(),
            holder: holder(path, &meta),
            uid: meta.uid(),
            path: path.clone(),
        });
    }
    out
}

/// Whether a live process holds the lock of the file at `path`.
fn holder(path: &Path, meta: &std::fs::Metadata) -> Holder {
    if !meta.file_type().is_file() {
        return Holder::Nobody;
    }
    if let Ok(fd) = rustix::fs::open(
        path,
        OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC,
        rustix::fs::Mode::empty(),
    ) {
        let file = File::from(fd);
        return match rustix::fs::flock(&file, FlockOperation::NonBlockingLockShared) {
            Ok(()) => Holder::Nobody,
            Err(_) => Holder::Live,
        };
    }
    let Ok(locks) = std::fs::read_to_string("/proc/locks") else {
        return Holder::Unknown;
    };
    let dev = meta.dev();
    let id = format!(
        "{:02x}:{:02x}:{}",
        rustix::fs::major(dev),
        rustix::fs::minor(dev),
        meta.ino()
    );
    let held = locks.lines().any(|line| {
        let fields: Vec<&str> = line.split_whitespace().collect();
        fields.get(1) == Some(&"FLOCK") && fields.get(5) == Some(&id.as_str())
    });
    if held { Holder::Live } else { Holder::Nobody }
}

/// Moves the file under a temporary name that could not be put at `dest` to a new, unpredictable
/// name beside `dest` (`bad.csv.rejected.csv` → `bad.csv.rejected-k3x9q2.csv`) that no later
/// run removes, and returns that name.
pub fn keep_aside(mut temp: Temp, dest: &Path) -> Result<PathBuf> {
    let Some(path) = temp.path.take() else {
        return Err({
            let m = Core::TempKeptTwice;
            Error::failed(m.text(Lang::Id), m.text(Lang::En))
        });
    };
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (stem, ext) = match name.rsplit_once('.') {
        Some((s, e)) if !s.is_empty() => (s.to_string(), format!(".{e}")),
        _ => (name.clone(), String::new()),
    };
    let mut path = path;
    loop {
        let word: String = std::iter::repeat_with(fastrand::alphanumeric)
            .take(8)
            .collect();
        let aside = folder_of(dest).join(format!("{stem}-{word}{ext}"));
        match path.persist_noclobber(&aside) {
            Ok(()) => return Ok(aside),
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => path = e.path,
            Err(e) => {
                let err = io_at(&aside)(e.error);
                temp.path = Some(e.path);
                return Err(err);
            }
        }
    }
}

/// Refuses to put a report or an export over an SQLite database (the one being read, or any
/// other): a copy of figures never replaces the data. A file it cannot read is left to the checks
/// of writing.
pub fn refuse_database(dest: &Path) -> Result<()> {
    // A link is refused as a link, when the file is put in place.
    let is_file = std::fs::symlink_metadata(dest).is_ok_and(|m| m.is_file());
    if is_file && is_sqlite_file(dest) {
        let m = Core::WouldReplaceDatabase { dest };
        return Err(Error::failed(m.text(Lang::Id), m.text(Lang::En)));
    }
    Ok(())
}

/// Refuses, before anything is written, a final name this user could not create or replace: what
/// [`check_dest`] refuses, a folder this user may not write, and a file of another user in a
/// folder with the sticky bit (such as /tmp) that is not this user's either.
pub fn check_writable(dest: &Path, replace: Replace) -> Result<()> {
    check_dest(dest, replace)?;
    let dir = folder_of(dest);
    let dir_meta = match std::fs::metadata(&dir) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let m = Core::DirMissing { dest, dir: &dir };
            return Err(Error::failed(m.text(Lang::Id), m.text(Lang::En)));
        }
        Err(e) => return Err(io_at(&dir)(e)),
    };
    let writable = rustix::fs::accessat(
        rustix::fs::CWD,
        &dir,
        rustix::fs::Access::WRITE_OK | rustix::fs::Access::EXEC_OK,
        rustix::fs::AtFlags::EACCESS,
    )
    .is_ok();
    if !writable {
        return Err({
            let m = Core::DirNotWritable { dest, dir: &dir };
            Error::failed(m.text(Lang::Id), m.text(Lang::En))
        });
    }
    let me = rustix::process::geteuid().as_raw();
    if let Ok(meta) = std::fs::symlink_metadata(dest)
        && me != 0
        && dir_meta.mode() & 0o1000 != 0
        && meta.uid() != me
        && dir_meta.uid() != me
    {
        let owner = user_name(meta.uid());
        return Err({
            let m = Core::StickyOwner {
                dest,
                dir: &dir,
                owner,
            };
            Error::failed(m.text(Lang::Id), m.text(Lang::En))
        });
    }
    Ok(())
}

/// The login of `uid`, or `uid 1234`.
pub fn user_name(uid: u32) -> String {
    match nix::unistd::User::from_uid(nix::unistd::Uid::from_raw(uid)) {
        Ok(Some(u)) => u.name,
        _ => format!("uid {uid}"),
    }
}

/// Makes sure `dir` is a folder of pantau's own: created 0700 (with any missing folders above
/// it), not a link, owned by this user, and closed to others (a folder left open by an older
/// pantau is closed).
pub fn private_dir(dir: &Path) -> Result<()> {
    match std::fs::symlink_metadata(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            std::fs::DirBuilder::new()
                .recursive(true)
                .mode(PRIVATE_DIR)
                .create(dir)
                .map_err(|source| Error::CreateDir {
                    path: dir.to_path_buf(),
                    source,
                })?;
        }
        Err(e) => return Err(io_at(dir)(e)),
        Ok(_) => {}
    }
    let fd = rustix::fs::open(
        dir,
        OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC,
        rustix::fs::Mode::empty(),
    )
    .map_err(|_| not_own_dir(dir))?;
    let d = File::from(fd);
    let meta = d.metadata().map_err(io_at(dir))?;
    if meta.uid() != rustix::process::geteuid().as_raw() {
        return Err(not_own_dir(dir));
    }
    if meta.mode() & 0o077 != 0 {
        d.set_permissions(std::fs::Permissions::from_mode(PRIVATE_DIR))
            .map_err(io_at(dir))?;
    }
    sweep(dir);
    Ok(())
}

fn not_own_dir(dir: &Path) -> Error {
    {
        let m = Core::NotOwnDir { dir };
        Error::failed(m.text(Lang::Id), m.text(Lang::En))
    }
}

/// Parses `--mode OCTAL` (`600`, `0640`): a mode of a copy the user names; never writable by
/// every user, never executable, always readable and writable by its owner.
pub fn parse_mode(text: &str) -> std::result::Result<u32, Refused> {
    let mode = u32::from_str_radix(text.trim_start_matches("0o"), 8)
        .map_err(|_| Refused::new(Usage::ModeNotOctal))?;
    let why = if mode > 0o777 {
        Usage::ModeTooBig
    } else if mode & 0o002 != 0 {
        Usage::ModeWorldWritable
    } else if mode & 0o111 != 0 {
        Usage::ModeExecutable
    } else if mode & 0o600 != 0o600 {
        Usage::ModeOwner
    } else {
        return Ok(mode);
    };
    Err(Refused::new(why))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_temporary_file_is_private_and_gone_unless_committed() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("out.csv");
        let temp = Temp::beside(&dest, PRIVATE).unwrap();
        let p = temp.path().to_path_buf();
        assert!(is_temp_name(p.file_name().unwrap().to_str().unwrap()));
        assert_eq!(std::fs::metadata(&p).unwrap().mode() & 0o777, 0o600);
        drop(temp);
        assert!(!p.exists());
        write_whole(&dest, b"x", PRIVATE, Replace::No).unwrap();
        assert!(matches!(
            write_whole(&dest, b"y", PRIVATE, Replace::No),
            Err(Error::Exists { .. })
        ));
        write_whole(&dest, b"y", 0o640, Replace::Yes).unwrap();
        assert_eq!(std::fs::read(&dest).unwrap(), b"y");
        assert_eq!(std::fs::metadata(&dest).unwrap().mode() & 0o777, 0o640);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_sweep_leaves_a_file_whose_lock_is_held_and_names_it_does_not_know() {
        let dir = tempfile::tempdir().unwrap();
        let live = Temp::new_in(dir.path(), PRIVATE).unwrap();
        let left = dir.path().join(".pantau-abcdefabcdef.tmp");
        std::fs::write(&left, b"x").unwrap();
        std::fs::write(sidecar(&left, "-journal"), b"j").unwrap();
        let other = dir.path().join("kiriman.csv.partial");
        std::fs::write(&other, b"x").unwrap();
        sweep(dir.path());
        assert!(live.path().exists());
        assert!(!left.exists());
        assert!(!sidecar(&left, "-journal").exists());
        assert!(other.exists());
    }

    #[test]
    fn modes_that_others_could_write_or_run_are_refused() {
        assert_eq!(parse_mode("640"), Ok(0o640));
        assert_eq!(parse_mode("0600"), Ok(0o600));
        for bad in ["666", "644x", "1640", "700", "440", "9"] {
            assert!(parse_mode(bad).is_err(), "{bad}");
        }
    }
}
