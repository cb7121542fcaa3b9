//! The messages of the commands come from one catalogue in both languages: a message that used to
//! be English only is now said in Bahasa Indonesia to a user whose language is Indonesian.

use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::process::Command;

use crate::sealed;

/// A user id with no entry in /etc/passwd: the system knows no home folder for it.
const STRANGER: u32 = 54_321;

/// `pantau batches` run as a user the system has no home folder for, with no HOME and no --db,
/// in `locale`: its status and standard error. None (and SKIPPED printed) when not root.
fn without_home(locale: &str) -> Option<(Option<i32>, String)> {
    if !rustix::process::geteuid().is_root() {
        println!("SKIPPED: only root can run pantau as a user without a home folder");
        return None;
    }
    // The binary is copied where that user may run it: the build folder may be closed to others.
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let bin = dir.path().join("pantau");
    std::fs::copy(sealed::binary(), &bin).unwrap();
    std::fs::set_permissions(&bin, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut c = Command::new(&bin);
    // Sealed, then HOME and the XDG folders taken away again: the point is that there is none.
    sealed::seal(&mut c, dir.path());
    for var in [
        "HOME",
        "XDG_CONFIG_HOME",
        "XDG_DATA_HOME",
        "XDG_STATE_HOME",
        "XDG_CACHE_HOME",
    ] {
        c.env_remove(var);
    }
    sealed::locale(&mut c, locale);
    let out = c
        .current_dir(dir.path())
        .uid(STRANGER)
        .gid(STRANGER)
        .arg("batches")
        .output()
        .unwrap();
    Some((
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    ))
}

#[test]
fn a_missing_home_folder_is_said_in_the_users_language() {
    let Some((code, err)) = without_home("id_ID.UTF-8") else {
        return;
    };
    assert_eq!(code, Some(1), "{err}");
    assert_eq!(
        err.trim_end(),
        "pantau: folder rumah tidak ditemukan; atur HOME atau pakai --db PATH"
    );
    // The English text is the one it always was.
    let (code, err) = without_home("C.UTF-8").unwrap();
    assert_eq!(code, Some(1), "{err}");
    assert_eq!(
        err.trim_end(),
        "pantau: cannot find the home folder; set HOME or use --db PATH"
    );
}
