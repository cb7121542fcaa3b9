//! The database as a file on disk: created without write permission for other users, told
//! apart from an empty file, and checked for permissions that let anyone change it. No SQL here.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result, Warning};

/// `path` with `suffix` appended to its name: `kaltim.db` → `kaltim.db-wal`.
pub fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

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
        Err(e) => Err(Error::Io {
            path: path.to_path_buf(),
            source: std::io::Error::new(
                e.kind(),
                format!(
                    "cannot create the database file ({e}); check that you may write in {}",
                    folder(path).display()
                ),
            ),
        }),
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
        return Err(Error::usage(
            format!(
                "folder {} tidak ada; pantau hanya membuat folder database itu sendiri ({}): buat folder di atasnya dahulu (mkdir -p {}) atau periksa path-nya",
                above.display(),
                dir.display(),
                above.display()
            ),
            format!(
                "the folder {} does not exist; pantau creates only the database's own folder ({}): create the folders above it first (mkdir -p {}) or check the path",
                above.display(),
                dir.display(),
                above.display()
            ),
        ));
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

/// The folder of `path`, for messages (`.` for a bare file name).
pub fn folder(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
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
