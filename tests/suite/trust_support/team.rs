//! Real users of one host for the shared-host tests: two colleagues in one group (`alice`, `bob`)
//! and one user outside it (`eve`), a group folder set up as the README says (`2770`, setgid), and
//! the binary run as any of them with `umask 007`, its own HOME, XDG folders and locale.
//!
//! The kernel's permission checks are the point of these tests, so they need real users: as root
//! (CI) the users and the group are created once with `useradd`/`groupadd`; as anyone else
//! [`team`] says the test is skipped, visibly, and returns `None`.
#![allow(dead_code)]

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Command as Std;
use std::sync::Mutex;

use assert_cmd::Command;

/// The group the team shares.
pub const GROUP: &str = "pantau-datin";

/// One user of the host.
#[derive(Debug, Clone)]
pub struct User {
    pub name: String,
    pub uid: u32,
    pub gid: u32,
    /// A home folder of its own (0700), inside the test's folder.
    pub home: PathBuf,
}

/// A host with a team: the users, their group and the group folder.
pub struct Team {
    /// Holds everything; removed when the test ends.
    pub dir: tempfile::TempDir,
    /// `DIR/srv`: owned by root, group `pantau-datin`, mode 2770 (README: a shared database).
    pub shared: PathBuf,
    pub alice: User,
    pub bob: User,
    /// Not in the group.
    pub eve: User,
    pub group_gid: u32,
}

static SETUP: Mutex<()> = Mutex::new(());

/// The team, or `None` (with a line saying the test was skipped) when not run as root.
pub fn team() -> Option<Team> {
    if !super::is_root() {
        eprintln!("SKIPPED: this test needs real users and runs only as root (CI runs it as root)");
        return None;
    }
    let guard = SETUP.lock().unwrap_or_else(|e| e.into_inner());
    ensure_group(GROUP);
    let group_gid = gid_of(GROUP);
    let user = |name: &str, in_group: bool| -> (u32, u32) {
        ensure_user(name, if in_group { Some(GROUP) } else { None });
        (id(name, "-u"), id(name, "-g"))
    };
    let (a_uid, a_gid) = user("pantau-alice", true);
    let (b_uid, b_gid) = user("pantau-bob", true);
    let (e_uid, e_gid) = user("pantau-eve", false);
    drop(guard);

    let dir = tempfile::Builder::new()
        .prefix("pantau-team-")
        .tempdir()
        .expect("a temporary folder");
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let shared = dir.path().join("srv");
    std::fs::create_dir(&shared).expect("the group folder");
    std::os::unix::fs::chown(&shared, Some(0), Some(group_gid)).expect("chown");
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o2770)).expect("chmod");
    let home = |name: &str, uid: u32, gid: u32| -> User {
        let home = dir.path().join(format!("home-{name}"));
        std::fs::create_dir(&home).expect("a home folder");
        std::os::unix::fs::chown(&home, Some(uid), Some(gid)).expect("chown");
        std::fs::set_permissions(&home, std::fs::Permissions::from_mode(0o700)).expect("chmod");
        User {
            name: name.to_string(),
            uid,
            gid,
            home,
        }
    };
    Some(Team {
        alice: home("pantau-alice", a_uid, a_gid),
        bob: home("pantau-bob", b_uid, b_gid),
        eve: home("pantau-eve", e_uid, e_gid),
        shared,
        group_gid,
        dir,
    })
}

impl User {
    /// The pantau binary as this user: real uid and gid, the user's groups, `umask 007`, a sealed
    /// environment (HOME and XDG folders in the user's home, English, a fixed day).
    pub fn pantau(&self) -> Command {
        let mut c = self.command(crate::sealed::binary().as_os_str());
        c.env("PANTAU_TODAY", "2024-03-01");
        c
    }

    /// [`User::pantau`] on the database at `db`.
    pub fn pantau_on(&self, db: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut c = self.pantau();
        c.arg("--db").arg(db);
        c
    }

    /// Any program as this user, with the same environment as [`User::pantau`].
    pub fn command(&self, program: &std::ffi::OsStr) -> Command {
        let mut c = Command::new("setpriv");
        c.arg(format!("--reuid={}", self.uid))
            .arg(format!("--regid={}", self.gid))
            .arg("--init-groups")
            .args(["--", "sh", "-c", "umask 007; exec \"$@\"", "sh"])
            .arg(program);
        crate::sealed::seal(&mut c, &self.home);
        c.env("USER", &self.name).env("LOGNAME", &self.name);
        c
    }

    /// Runs `sh -c SCRIPT` as this user (to plant files as a colleague would).
    pub fn sh(&self, script: &str) -> std::process::Output {
        self.command(std::ffi::OsStr::new("sh"))
            .args(["-c", script])
            .output()
            .expect("sh as the user")
    }
}

/// The owner's uid of `path` (not following a symlink).
pub fn owner(path: &Path) -> u32 {
    std::fs::symlink_metadata(path).expect("metadata").uid()
}

fn ensure_group(name: &str) {
    if Std::new("getent")
        .args(["group", name])
        .output()
        .is_ok_and(|o| o.status.success())
    {
        return;
    }
    let out = Std::new("groupadd").arg(name).output().expect("groupadd");
    // 9: the group exists (made by another test process meanwhile).
    assert!(
        out.status.success() || out.status.code() == Some(9),
        "groupadd {name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn ensure_user(name: &str, group: Option<&str>) {
    if Std::new("id")
        .arg(name)
        .output()
        .is_ok_and(|o| o.status.success())
    {
        return;
    }
    let mut c = Std::new("useradd");
    c.args([
        "--no-create-home",
        "--home-dir",
        "/nonexistent",
        "--shell",
        "/usr/sbin/nologin",
    ]);
    if let Some(g) = group {
        c.args(["--groups", g]);
    }
    let out = c.arg(name).output().expect("useradd");
    assert!(
        out.status.success() || out.status.code() == Some(9),
        "useradd {name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn id(name: &str, flag: &str) -> u32 {
    let out = Std::new("id").args([flag, name]).output().expect("id");
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .unwrap_or_else(|_| panic!("id {flag} {name}"))
}

fn gid_of(group: &str) -> u32 {
    let out = Std::new("getent")
        .args(["group", group])
        .output()
        .expect("getent");
    String::from_utf8_lossy(&out.stdout)
        .split(':')
        .nth(2)
        .and_then(|g| g.trim().parse().ok())
        .unwrap_or_else(|| panic!("no gid for {group}"))
}
