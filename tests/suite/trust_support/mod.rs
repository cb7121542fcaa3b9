//! Shared by the trust_* tests: the binary as an ordinary user (root passes every permission
//! check, so as root it runs as `nobody` through setpriv), permissions, and a demo database.
#![allow(dead_code)]

pub mod team;

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// Whether this test runs as root (then permissions are tested as `nobody`).
pub fn is_root() -> bool {
    let probe = tempfile::NamedTempFile::new().expect("a temporary file");
    probe.as_file().metadata().expect("its metadata").uid() == 0
}

/// The uid and gid the binary runs under when the test runs as root.
pub const NOBODY: u32 = 65534;

/// The binary on `db`, English, a fixed day; run as `nobody` when the test runs as root.
pub fn pantau_as_user(db: &Path) -> Command {
    let home = db.parent().unwrap_or(Path::new("/"));
    let mut c = if is_root() {
        let mut c = Command::new("setpriv");
        c.args([
            "--reuid",
            &NOBODY.to_string(),
            "--regid",
            &NOBODY.to_string(),
            "--clear-groups",
        ])
        .arg(crate::sealed::binary());
        crate::sealed::seal(&mut c, home);
        c
    } else {
        crate::sealed::pantau(home)
    };
    c.env("PANTAU_TODAY", "2024-03-01").arg("--db").arg(db);
    c
}

/// The binary on `db`, as the user running the test.
pub fn pantau(db: &Path) -> Command {
    let mut c = crate::sealed::pantau(&crate::sealed::scratch_home());
    c.env("PANTAU_TODAY", "2024-03-01").arg("--db").arg(db);
    c
}

/// Sets the permission bits of `path`.
pub fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

/// The permission bits of `path`.
pub fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o7777
}

/// Gives `path` to the user the binary runs as (only needed, and only possible, as root).
pub fn give_to_user(path: &Path) {
    if is_root() {
        std::os::unix::fs::chown(path, Some(NOBODY), Some(NOBODY)).expect("chown");
    }
}

/// The Kaltim demo database (seed 7) in `dir`, written by the binary.
pub fn demo_db(dir: &Path, name: &str) -> PathBuf {
    let db = dir.join(name);
    pantau(&db).args(["demo", "--seed", "7"]).assert().success();
    db
}

/// stdout and stderr of an output, as text.
pub fn texts(out: &std::process::Output) -> (String, String) {
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The bytes of the database and of its `-wal` beside it, if any: what must not change.
pub fn bytes(db: &Path) -> (Vec<u8>, Option<Vec<u8>>) {
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    (
        std::fs::read(db).expect("the database file"),
        std::fs::read(PathBuf::from(wal)).ok(),
    )
}
