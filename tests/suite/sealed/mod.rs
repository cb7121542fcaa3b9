//! The one environment every run of the pantau binary in the tests starts from: nothing of the
//! machine's own setup (its configuration, language, colour wishes, `PANTAU_*` variables) gets in.
//!
//! `seal` clears the environment and sets PATH, HOME and the four XDG folders inside a folder of
//! the test, and one fixed locale in LANG, LC_ALL and LC_MESSAGES. A test sets on top of it what
//! it means to vary (`PANTAU_TODAY`, a language with [`locale`], `NO_COLOR`, `TERM`).
#![allow(dead_code)]

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::Once;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The locale of every run unless a test asks for another: English, UTF-8.
pub const LOCALE: &str = "C.UTF-8";

/// Where programs are looked for: the system's folders only.
const PATH: &str = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/// A command whose environment can be cleared and set: std's, assert_cmd's and portable-pty's.
pub trait Env {
    /// Removes every variable.
    fn clear_all(&mut self);
    /// Sets `key` to `value`.
    fn put(&mut self, key: &str, value: &OsStr);
}

impl Env for std::process::Command {
    fn clear_all(&mut self) {
        self.env_clear();
    }
    fn put(&mut self, key: &str, value: &OsStr) {
        self.env(key, value);
    }
}

impl Env for assert_cmd::Command {
    fn clear_all(&mut self) {
        self.env_clear();
    }
    fn put(&mut self, key: &str, value: &OsStr) {
        self.env(key, value);
    }
}

impl Env for portable_pty::CommandBuilder {
    fn clear_all(&mut self) {
        self.env_clear();
    }
    fn put(&mut self, key: &str, value: &OsStr) {
        self.env(key, value);
    }
}

/// Clears the environment of `c` and sets PATH, HOME=`home`, the XDG folders where they are by
/// default in `home` (`.config`, `.local/share`, `.local/state`, `.cache`), and
/// [`LOCALE`] in LANG, LC_ALL and LC_MESSAGES. No TERM, COLORTERM, NO_COLOR, TMUX or `PANTAU_*`.
pub fn seal<C: Env>(c: &mut C, home: &Path) {
    c.clear_all();
    c.put("PATH", OsStr::new(PATH));
    c.put("HOME", home.as_os_str());
    for (var, sub) in [
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_STATE_HOME", ".local/state"),
        ("XDG_CACHE_HOME", ".cache"),
    ] {
        c.put(var, home.join(sub).as_os_str());
    }
    locale(c, LOCALE);
}

/// Sets `name` in LANG, LC_ALL and LC_MESSAGES, so no other setting of the three can win.
pub fn locale<C: Env>(c: &mut C, name: &str) {
    for var in ["LANG", "LC_ALL", "LC_MESSAGES"] {
        c.put(var, OsStr::new(name));
    }
}

/// The path of the pantau binary under test.
pub fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_pantau"))
}

/// The pantau binary with a sealed environment whose home is `home`.
pub fn pantau(home: &Path) -> assert_cmd::Command {
    let mut c = assert_cmd::Command::new(binary());
    seal(&mut c, home);
    c
}

/// The pantau binary as a std command (to spawn it and wait for it), sealed to `home`.
pub fn pantau_std(home: &Path) -> std::process::Command {
    let mut c = std::process::Command::new(binary());
    seal(&mut c, home);
    c
}

/// A new empty folder to serve as the home of one run, for a test that has no folder of its own
/// to give: under cargo's scratch folder for integration tests, never the user's home. The homes
/// of test processes that have ended are removed on the first call.
pub fn scratch_home() -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    static SWEEP: Once = Once::new();
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("homes");
    SWEEP.call_once(|| sweep(&root));
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let dir = root.join(format!("{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch home under the target folder");
    dir
}

/// Removes the scratch homes in `root` whose process (the number before the dash) has ended.
fn sweep(root: &Path) {
    let Ok(entries) = std::fs::read_dir(root) else {
        return; // No home was ever made.
    };
    for entry in entries {
        let entry = entry.expect("an entry of the scratch homes");
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let pid = name.split('-').next().unwrap_or_default();
        if !Path::new("/proc").join(pid).exists() {
            match std::fs::remove_dir_all(entry.path()) {
                // Another test process swept it first.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                r => r.expect("an old scratch home removed"),
            }
        }
    }
}
