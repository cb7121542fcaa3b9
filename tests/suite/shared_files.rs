//! Every file pantau writes, on a host shared with colleagues (see trust_support/team.rs): nothing
//! is written through a link a colleague planted, copies of case data are private unless the user
//! asks otherwise, what a killed run left is cleaned by the user's next run, and only that.

use crate::trust_support;

use std::io::{BufRead, BufReader};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use trust_support::team::{self, Team, User};

fn mode(path: &Path) -> u32 {
    std::fs::symlink_metadata(path).unwrap().mode() & 0o7777
}

fn ok(out: &std::process::Output) -> (String, String) {
    let (o, e) = (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    );
    assert!(out.status.success(), "{o}\n{e}");
    (o, e)
}

/// A demo database of alice's in the group folder.
fn shared_db(t: &Team) -> PathBuf {
    let db = t.shared.join("kaltim.db");
    ok(&t.alice.pantau_on(&db).arg("demo").output().unwrap());
    db
}

/// A file of alice's that must never change: `~/.bashrc`, 0600.
fn victim(u: &User) -> (PathBuf, Vec<u8>) {
    let path = u.home.join(".bashrc");
    let bytes = b"# alice's own\n".to_vec();
    std::fs::write(&path, &bytes).unwrap();
    std::os::unix::fs::chown(&path, Some(u.uid), Some(u.gid)).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    (path, bytes)
}

fn unchanged(path: &Path, bytes: &[u8]) {
    assert_eq!(
        std::fs::read(path).unwrap(),
        bytes,
        "{} was written",
        path.display()
    );
    assert_eq!(mode(path), 0o600, "{} was chmodded", path.display());
}

/// An import file with one row that cannot be read.
fn import_file(t: &Team) -> PathBuf {
    let path = t.shared.join("kiriman.csv");
    let mut text = std::fs::read_to_string("assets/contoh-import.csv").unwrap();
    text += "999/TM/PL/64.71/I/2024,x,temuan\n";
    std::fs::write(&path, text).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o664)).unwrap();
    path
}

#[test]
fn links_a_colleague_plants_under_every_temporary_name_are_never_written_through() {
    let Some(t) = team::team() else { return };
    let db = shared_db(&t);
    let (bashrc, before) = victim(&t.alice);
    let input = import_file(&t);
    let mut script = String::from("cd \"$1\" && ");
    for name in [
        "kiriman.csv.rejected.csv.partial",
        "keluar.csv.partial",
        "keluar.csv.provenance.json.partial",
        ".bersama.toml.tmp",
        "salinan.db.partial",
        "salinan.db.new",
        "kaltim.db.tmp",
    ] {
        script += &format!("ln -s \"$2\" {name} && ");
    }
    script += "true";
    let planted = t
        .bob
        .command("sh".as_ref())
        .args(["-c", &script, "sh"])
        .arg(&t.shared)
        .arg(&bashrc)
        .output()
        .unwrap();
    assert!(planted.status.success(), "{planted:?}");

    ok(&t
        .alice
        .pantau_on(&db)
        .args(["import", "--skip-invalid"])
        .arg(&input)
        .output()
        .unwrap());
    assert!(t.shared.join("kiriman.csv.rejected.csv").is_file());
    ok(&t
        .alice
        .pantau_on(&db)
        .args(["export", "-o"])
        .arg(t.shared.join("keluar.csv"))
        .output()
        .unwrap());
    ok(&t
        .alice
        .pantau_on(&db)
        .arg("backup")
        .arg(t.shared.join("salinan.db"))
        .output()
        .unwrap());
    unchanged(&bashrc, &before);

    // A link under the final name is refused, named, and nothing is written through it.
    std::fs::remove_file(t.shared.join("keluar.csv")).unwrap();
    t.bob.sh(&format!(
        "ln -s {} {}",
        bashrc.display(),
        t.shared.join("keluar.csv").display()
    ));
    let out = t
        .alice
        .pantau_on(&db)
        .args(["export", "-o"])
        .arg(t.shared.join("keluar.csv"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("symbolic link") && err.contains("keluar.csv"),
        "{err}"
    );
    unchanged(&bashrc, &before);
}

#[test]
fn a_link_planted_under_the_configuration_files_temporary_name_is_not_written() {
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim");
    std::fs::write(&victim, b"keep").unwrap();
    std::fs::set_permissions(&victim, std::fs::Permissions::from_mode(0o600)).unwrap();
    let config = dir.path().join("bersama.toml");
    std::os::unix::fs::symlink(&victim, dir.path().join(".bersama.toml.tmp")).unwrap();
    pantau::config::save::save_view(&config, "pekan", "status:KAJIAN").unwrap();
    assert_eq!(std::fs::read(&victim).unwrap(), b"keep");
    assert_eq!(mode(&victim), 0o600);
    assert!(std::fs::read_to_string(&config).unwrap().contains("pekan"));
}

#[test]
fn copies_of_case_data_are_private_unless_a_mode_is_asked_for() {
    let Some(t) = team::team() else { return };
    let db = shared_db(&t);
    let input = import_file(&t);
    let export = t.shared.join("keluar.csv");
    let backup = t.shared.join("salinan.db");
    ok(&t
        .alice
        .pantau_on(&db)
        .args(["import", "--skip-invalid"])
        .arg(&input)
        .output()
        .unwrap());
    ok(&t
        .alice
        .pantau_on(&db)
        .args(["export", "-o"])
        .arg(&export)
        .output()
        .unwrap());
    ok(&t
        .alice
        .pantau_on(&db)
        .arg("backup")
        .arg(&backup)
        .output()
        .unwrap());
    let rejected = t.shared.join("kiriman.csv.rejected.csv");
    let provenance = t.shared.join("keluar.csv.provenance.json");
    for f in [&rejected, &export, &provenance, &backup] {
        assert_eq!(mode(f), 0o600, "{}", f.display());
        let read = t.bob.sh(&format!("cat {} >/dev/null", f.display()));
        assert!(!read.status.success(), "bob read {}", f.display());
    }
    // The index cache of a database worth caching, in alice's own cache folder (written with the
    // index off, so that none is saved in the database and the first reader keeps one).
    let big = t.shared.join("besar.db");
    ok(&t
        .alice
        .pantau_on(&big)
        .env("PANTAU_INDEX", "off")
        .args(["demo", "--records", "20001"])
        .output()
        .unwrap());
    ok(&t.alice.pantau_on(&big).arg("report").output().unwrap());
    let index = t.alice.home.join(".cache/pantau/index");
    let files: Vec<_> = std::fs::read_dir(&index)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    assert!(!files.is_empty());
    assert_eq!(mode(&index) & 0o777, 0o700);
    for f in files {
        assert_eq!(mode(&f), 0o600, "{}", f.display());
    }

    // Asked for: the group reads, nobody else.
    let shared = t.shared.join("untuk-tim.csv");
    ok(&t
        .alice
        .pantau_on(&db)
        .args(["export", "--mode", "640", "-o"])
        .arg(&shared)
        .output()
        .unwrap());
    assert_eq!(mode(&shared), 0o640);
    assert!(
        t.bob
            .sh(&format!("cat {} >/dev/null", shared.display()))
            .status
            .success()
    );
    let out = t
        .alice
        .pantau_on(&db)
        .args(["backup", "--mode", "666"])
        .arg(t.shared.join("x.db"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("writable by every user"));
}

#[test]
fn a_baseline_copy_is_private_in_a_private_folder_and_doctor_reports_one_that_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let db = trust_support::demo_db(dir.path(), "k.db");
    let baselines = dir.path().join("state/pantau/baselines");
    let keeper = pantau::store::baseline::Keeper::new(&baselines, &db).unwrap();
    let store = pantau::store::Store::open(&db, pantau::store::Mode::ReadOnly).unwrap();
    let at = chrono::NaiveDate::from_ymd_opt(2024, 3, 1)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    keeper
        .apply(pantau::store::baseline::Op::Mark(at), &store)
        .unwrap();
    assert_eq!(mode(&baselines), 0o700);
    assert_eq!(mode(keeper.copy_path()), 0o600);

    std::fs::set_permissions(keeper.copy_path(), std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = trust_support::pantau(&db)
        .env("HOME", dir.path())
        .env("XDG_STATE_HOME", dir.path().join("state"))
        .env("XDG_CACHE_HOME", dir.path().join("cache"))
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .env("XDG_DATA_HOME", dir.path().join("data"))
        .arg("doctor")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "{text}");
    assert!(text.contains("open to other users"), "{text}");
    assert!(
        text.contains(&format!("chmod 600 {}", keeper.copy_path().display())),
        "{text}"
    );
}

#[test]
fn an_index_cache_through_a_link_or_in_an_open_folder_is_named_with_its_own_way_out() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let db = home.join("k.db");
    let cache = home.join("cache");
    let run = |args: &[&str]| {
        trust_support::pantau(&db)
            .env("HOME", home)
            .env("XDG_STATE_HOME", home.join("state"))
            .env("XDG_CACHE_HOME", &cache)
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_DATA_HOME", home.join("data"))
            .args(args)
            .output()
            .unwrap()
    };
    // Large enough for a cache file, and a change since the saved index so one is written.
    ok(&run(&["demo", "--records", "3000"]));
    let c = rusqlite::Connection::open(&db).unwrap();
    c.execute_batch("UPDATE cases SET uraian = uraian || '.' WHERE id < 400")
        .unwrap();
    drop(c);
    ok(&run(&["report", "--by", "status", "--as-of", "2024-02-02"]));
    let files: Vec<PathBuf> = std::fs::read_dir(cache.join("pantau/index"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let file = &files[0];

    // The cache file replaced by a link to a file of the user's: the fix is to remove the link,
    // never a `chmod` (which would act on the file it leads to).
    let target = home.join("notes.txt");
    std::fs::write(&target, "mine\n").unwrap();
    trust_support::chmod(&target, 0o644);
    std::fs::remove_file(file).unwrap();
    std::os::unix::fs::symlink(&target, file).unwrap();
    let out = run(&["report", "--by", "region"]);
    let (_, said) = ok(&out);
    assert!(
        said.contains("it is a symbolic link") && said.contains(&format!("rm {}", file.display())),
        "{said}"
    );
    let out = run(&["doctor"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "{text}");
    assert!(
        text.contains(&format!("{} > {}", file.display(), target.display()))
            || text.contains(&format!("{} → {}", file.display(), target.display())),
        "{text}"
    );
    assert!(text.contains(&format!("rm {}", file.display())), "{text}");
    assert!(
        !text.contains(&format!("chmod 600 {}", file.display())),
        "{text}"
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "mine\n");
    assert_eq!(mode(&target), 0o644);
    std::fs::remove_file(file).unwrap();

    // The folder above the index folder open to everyone: the warning and doctor name that
    // folder, with the command that closes it.
    let top = cache.join("pantau");
    trust_support::chmod(&top, 0o777);
    let out = run(&["report", "--by", "region"]);
    let (_, said) = ok(&out);
    assert!(
        said.contains(&format!("{}: index cache folder not used", top.display()))
            && said.contains(&format!("chmod go-w {}", top.display())),
        "{said}"
    );
    let out = run(&["doctor"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "{text}");
    assert!(
        text.contains(&format!("chmod 700 {}", top.display())),
        "{text}"
    );
}

/// Holds the lock of `path` as `user` in a live process until the returned child is ended.
fn hold_lock(user: &User, path: &Path) -> std::process::Child {
    let mut child = Command::new("setpriv")
        .arg(format!("--reuid={}", user.uid))
        .arg(format!("--regid={}", user.gid))
        .args(["--init-groups", "--", "flock"])
        .arg(path)
        .args(["-c", "echo locked; exec cat"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.as_mut().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert_eq!(line.trim(), "locked");
    child
}

#[test]
fn what_a_killed_run_left_is_removed_by_the_next_run_of_the_same_user_only() {
    let Some(t) = team::team() else { return };
    let db = shared_db(&t);
    let left = t.shared.join(".pantau-0123456789ab.tmp");
    let journal = t.shared.join(".pantau-0123456789ab.tmp-journal");
    let bobs = t.shared.join(".pantau-bbbbbbbbbbbb.tmp");
    let live = t.shared.join(".pantau-cccccccccccc.tmp");
    assert!(
        t.alice
            .sh(&format!(
                "echo x > {0}; echo j > {1}; echo y > {2}",
                left.display(),
                journal.display(),
                live.display()
            ))
            .status
            .success()
    );
    assert!(
        t.bob
            .sh(&format!("echo z > {}", bobs.display()))
            .status
            .success()
    );
    let mut holder = hold_lock(&t.alice, &live);

    ok(&t
        .alice
        .pantau_on(&db)
        .arg("backup")
        .arg(t.shared.join("salinan.db"))
        .output()
        .unwrap());
    assert!(!left.exists(), "alice's leftover stays");
    assert!(!journal.exists(), "the leftover's journal stays");
    assert!(bobs.exists(), "bob's file was removed by alice");
    assert!(live.exists(), "a file a live process holds was removed");
    drop(holder.stdin.take());
    holder.wait().unwrap();

    // doctor names the one that is left, with the command that removes it.
    let out = t.bob.pantau_on(&db).arg("doctor").output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains(&format!("rm {}", bobs.display())), "{text}");
}

#[test]
fn init_creates_the_databases_own_folder_but_no_chain_of_missing_folders() {
    let dir = tempfile::tempdir().unwrap();
    let deep = dir.path().join("a/b/c/x.db");
    let out = trust_support::pantau(&deep)
        .env("HOME", dir.path())
        .env("XDG_DATA_HOME", dir.path().join("data"))
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .env("XDG_STATE_HOME", dir.path().join("state"))
        .env("XDG_CACHE_HOME", dir.path().join("cache"))
        .arg("init")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&dir.path().join("a/b").display().to_string()),
        "{err}"
    );
    assert!(
        !dir.path().join("a").exists(),
        "a chain of folders was made"
    );
    let one = dir.path().join("tim/x.db");
    trust_support::pantau(&one)
        .env("HOME", dir.path())
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .arg("init")
        .assert()
        .success();
    assert!(one.is_file());
}
