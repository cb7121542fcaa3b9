//! The database as a file on disk: created without write permission for other users, told
//! apart from an empty file, and checked for permissions that let anyone change it. No SQL here.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result, Warning};
use crate::i18n::{Lang, core::Core};

pub use crate::fs_safe::{folder_of as folder, sidecar};

/// Creates `path` as a new, empty file that its owner and group may write (as the umask allows)
/// and other users never may; SQLite then makes its `-wal` and `-shm` files with the same
/// permissions. Leaves a file that exists by now (another process made it) as it is.
pub fn create_new(path: &Path) -> Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o664);
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => {
            let dir = folder(path);
            let m = Core::CreateDbFile {
                path,
                source: &e,
                dir: &dir,
            };
            Err(Error::failed(m.text(Lang::Id), m.text(Lang::En)))
        }
    }
}

/// Makes the folder of a new database at `path` when it is missing: the user's own data folder
/// (`~/.local/share/pantau`, with the folders above it, closed to others), or else the one folder
/// the path names, when the folder above it exists. Never a longer chain of folders: a mistyped
/// path is refused with the missing folder named.
pub fn create_folder(path: &Path) -> Result<()> {
    let dir = folder(path);
    if dir.is_dir() {
        return Ok(());
    }
    let default =
        directories::ProjectDirs::from("", "", "pantau").map(|d| d.data_dir().to_path_buf());
    if default.as_deref() == Some(dir.as_path()) {
        return crate::fs_safe::private_dir(&dir);
    }
    let above = folder(&dir);
    if std::fs::metadata(&above).is_err() {
        return Err({
            let m = Core::NoParentFolder {
                above: &above,
                dir: &dir,
            };
            Error::usage(m.text(Lang::Id), m.text(Lang::En))
        });
    }
    match std::fs::create_dir(&dir) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && dir.is_dir() => Ok(()),
        Err(source) => Err(Error::CreateDir { path: dir, source }),
    }
}

/// Whether `path` holds nothing at all: zero bytes, and no write-ahead log with data beside it.
pub fn is_empty(path: &Path) -> bool {
    let len = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    path.is_file() && len(path) == 0 && len(&sidecar(path, "-wal")) == 0
}

/// What is wrong with the permissions of the database at `path`: a file every user may write,
/// or a folder every user may write without the sticky bit (anyone could replace the file).
pub fn warnings(path: &Path) -> Vec<Warning> {
    let mut out = Vec::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).map(|m| m.permissions().mode()).ok();
        if mode(path).is_some_and(|m| m & 0o002 != 0) {
            out.push(Warning::WorldWritable {
                path: path.to_path_buf(),
            });
        }
        let dir = folder(path);
        if mode(&dir).is_some_and(|m| m & 0o002 != 0 && m & 0o1000 == 0) {
            out.push(Warning::WorldWritableFolder {
                path: path.to_path_buf(),
                dir,
            });
        }
    }
    out
}

/// Refuses a database path that is a folder, a named pipe or a device: SQLite would block on a
/// pipe with no writer, or say "disk I/O error". A missing path is left to the caller.
pub fn refuse_not_regular(path: &Path) -> Result<()> {
    match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() => {
            let (en, id) = crate::fsread::kind_words(meta.file_type());
            let m = Core::DbNotRegular { path, en, id };
            Err(Error::failed(m.text(Lang::Id), m.text(Lang::En)))
        }
        _ => Ok(()),
    }
}

/// Whether this process (by its real uid and groups) may write `path`.
pub fn may_write(path: &Path) -> bool {
    rustix::fs::access(path, rustix::fs::Access::WRITE_OK).is_ok()
}

/// Whether the file at `path` says it is a WAL database (header bytes 18 and 19 are 2).
pub fn is_wal(path: &Path) -> bool {
    use std::io::Read;
    let mut header = [0u8; 20];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut header))
        .is_ok_and(|()| header[18] == 2 && header[19] == 2)
}

/// Before a writer opens the WAL database at `path`: its `-wal` and `-shm` files, if they exist,
/// must be writable by this process. A reader without write permission on the database once made
/// them its own (with the database's mode), so that the owner could no longer write: say whose
/// they are and the safe way out, rather than SQLite's "attempt to write a readonly database".
pub fn check_sidecars_writable(path: &Path) -> Result<()> {
    for suffix in ["-wal", "-shm"] {
        let file = sidecar(path, suffix);
        if std::fs::symlink_metadata(&file).is_err() || may_write(&file) {
            continue;
        }
        return Err(locked_out(path, &file, true));
    }
    Ok(())
}

/// The `-wal` or `-shm` file of the WAL database at `path` that locks some of its writers out:
/// one this process may not write while it may write the database, or one owned by another user
/// than the database's owner that the group may not write. With the way out (as the error a
/// writer meets gives it).
pub fn foreign_sidecar(path: &Path) -> Option<Error> {
    use std::os::unix::fs::MetadataExt;
    let db = std::fs::metadata(path).ok()?;
    let writer = may_write(path);
    ["-wal", "-shm"].into_iter().find_map(|suffix| {
        let file = sidecar(path, suffix);
        let meta = std::fs::symlink_metadata(&file).ok()?;
        let foreign = meta.uid() != db.uid() && meta.mode() & 0o020 == 0;
        (foreign || writer && !may_write(&file))
            .then(|| locked_out(path, &file, writer && !may_write(&file)))
    })
}

/// Why the `-wal`/`-shm` file `file` of the database at `path` keeps writers out, and the safe
/// way out; `you`: this process is one of the writers it keeps out.
fn locked_out(path: &Path, file: &Path, you: bool) -> Error {
    use std::os::unix::fs::MetadataExt;
    let uid = std::fs::symlink_metadata(file).map_or(0, |m| m.uid());
    let owner = nix::unistd::User::from_uid(uid.into())
        .ok()
        .flatten()
        .map_or_else(|| format!("uid {uid}"), |u| u.name);
    let wal_empty = std::fs::metadata(sidecar(path, "-wal")).map_or(true, |m| m.len() == 0);
    let m = Core::SidecarLocksOut {
        file,
        db: path,
        owner,
        wal: sidecar(path, "-wal").display().to_string(),
        shm: sidecar(path, "-shm").display().to_string(),
        you,
        wal_empty,
    };
    Error::failed(m.text(Lang::Id), m.text(Lang::En))
}

/// Before a reader that may not write the WAL database at `path` opens it: SQLite would make the
/// missing `-wal` and `-shm` files as this reader's own, and then writers could no longer write
/// them. Refuse instead, and say how a writer makes them.
pub fn check_sidecars_present(path: &Path) -> Result<()> {
    let missing: Vec<PathBuf> = ["-wal", "-shm"]
        .into_iter()
        .map(|s| sidecar(path, s))
        .filter(|f| std::fs::symlink_metadata(f).is_err())
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let names = missing
        .iter()
        .map(|f| f.display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    Err({
        let m = Core::SidecarsMissing { db: path, names };
        Error::failed(m.text(Lang::Id), m.text(Lang::En))
    })
}

/// The error for a database whose `-wal`, `-shm` or `-journal` is a symbolic link (SQLite opens
/// none through a link): which link, where it points, who made it, and the way out.
pub fn linked_sidecar(path: &Path) -> Option<Error> {
    use std::os::unix::fs::MetadataExt;
    ["-wal", "-shm", "-journal"].iter().find_map(|suffix| {
        let side = crate::fs_safe::sidecar(path, suffix);
        let meta = std::fs::symlink_metadata(&side).ok()?;
        if !meta.file_type().is_symlink() {
            return None;
        }
        let to = std::fs::read_link(&side)
            .map(|t| t.display().to_string())
            .unwrap_or_else(|_| "?".into());
        let owner = crate::fs_safe::user_name(meta.uid());
        Some({
            let m = Core::SidecarIsLink {
                side: &side,
                to,
                owner,
                db: path,
            };
            Error::failed(m.text(Lang::Id), m.text(Lang::En))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_file_is_never_writable_by_others_and_an_empty_one_is_told_apart() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k.db");
        create_new(&path).unwrap();
        assert!(is_empty(&path));
        std::fs::write(&path, b"x").unwrap();
        create_new(&path).unwrap();
        assert_eq!(
            std::fs::read(&path).unwrap(),
            b"x",
            "an existing file is left alone"
        );
        std::fs::write(&path, b"").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o002, 0, "mode {mode:o}");
            assert!(warnings(&path).is_empty());
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o666)).unwrap();
            assert_eq!(
                warnings(&path),
                vec![Warning::WorldWritable { path: path.clone() }]
            );
        }
        std::fs::write(sidecar(&path, "-wal"), b"frames").unwrap();
        assert!(!is_empty(&path), "the data may still be in the log");
    }
}
