//! What a colleague on the same host can do to pantau's files, through the real binary and real
//! users (see trust_support/team.rs): temporary files in use, names that cannot be had, linked
//! SQLite files, open database files, an unfinished check, and who an import is recorded under.

use crate::trust_support;

use std::path::{Path, PathBuf};

use trust_support::team;

fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("pantau")
}

/// The binary as the user running the tests, sealed from the machine in `home`.
fn pantau(home: &Path) -> assert_cmd::Command {
    let mut c = crate::sealed::pantau(home);
    c.env("PANTAU_TODAY", "2024-03-01");
    c
}

fn text(out: &std::process::Output) -> (String, String) {
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn ok(out: std::process::Output) -> (String, String) {
    let (o, e) = text(&out);
    assert!(out.status.success(), "{o}\n{e}");
    (o, e)
}

const HEAD: &str = "nomor,sumber,kode_wilayah,kode_tahapan,tanggal_diterima,status,uraian\n";

#[test]
fn doctor_tells_a_temporary_file_in_use_from_one_left_behind() {
    let Some(t) = team::team() else { return };
    let db = t.shared.join("kaltim.db");
    ok(t.alice.pantau_on(&db).arg("init").output().unwrap());
    // A temporary file of alice's running pantau (a demo database under its temporary name),
    // with the SQLite files beside it; its lock is held as a running pantau holds it.
    let temp = t.shared.join(".pantau-abcdefabcdef.tmp");
    let planted = t.alice.sh(&format!(
        "echo x > {0}; echo w > {0}-wal; echo s > {0}-shm; chmod 600 {0}*",
        temp.display()
    ));
    assert!(planted.status.success());
    let held = std::fs::File::open(&temp).unwrap();
    rustix::fs::flock(&held, rustix::fs::FlockOperation::LockExclusive).unwrap();
    for user in [&t.alice, &t.bob] {
        let out = user
            .pantau_on(&db)
            .arg("doctor")
            .env("TERM", "xterm-256color")
            .output()
            .unwrap();
        let (stdout, _) = text(&out);
        assert!(
            stdout.contains("being written by a running pantau of pantau-alice"),
            "{}: {stdout}",
            user.name
        );
        assert!(!stdout.contains("left behind"), "{stdout}");
        assert!(!stdout.contains("rm "), "{stdout}");
        assert_eq!(
            stdout.matches(".pantau-abcdefabcdef.tmp").count(),
            3,
            "one line names the file with its -wal and -shm: {stdout}"
        );
        assert!(
            out.status.success(),
            "a file in use is no failure: {stdout}"
        );
    }
    drop(held);
    let out = t
        .bob
        .pantau_on(&db)
        .arg("doctor")
        .env("TERM", "xterm-256color")
        .output()
        .unwrap();
    let (stdout, _) = text(&out);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    let t0 = temp.display().to_string();
    assert!(stdout.contains("temporary file left behind"), "{stdout}");
    assert!(
        stdout.contains(&format!("rm {t0} {t0}-wal {t0}-shm")),
        "{stdout}"
    );
}

#[test]
fn an_import_whose_rejected_rows_cannot_be_put_in_place_is_refused_before_writing() {
    let Some(t) = team::team() else { return };
    let sticky = t.dir.path().join("tmp");
    std::fs::create_dir(&sticky).unwrap();
    std::os::unix::fs::PermissionsExt::set_mode(
        &mut std::fs::metadata(&sticky).unwrap().permissions(),
        0o1777,
    );
    std::fs::set_permissions(
        &sticky,
        std::os::unix::fs::PermissionsExt::from_mode(0o1777),
    )
    .unwrap();
    let db = t.shared.join("kaltim.db");
    ok(t.alice.pantau_on(&db).arg("init").output().unwrap());
    let bad = sticky.join("bad.csv");
    let rejected = sticky.join("bad.csv.rejected.csv");
    assert!(
        t.bob
            .sh(&format!("echo bob > {}", rejected.display()))
            .status
            .success()
    );
    assert!(
        t.alice
            .sh(&format!(
                "printf '{HEAD}K-1,laporan,64,KAMPANYE,2024-01-02,DITERIMA,satu\\nK-2,laporan,Samarindah,KAMPANYE,2024-01-02,DITERIMA,dua\\n' > {}",
                bad.display()
            ))
            .status
            .success()
    );
    let out = t
        .alice
        .pantau_on(&db)
        .args(["import", "--skip-invalid"])
        .arg(&bad)
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    assert!(!stdout.contains("batch #"), "nothing imported: {stdout}");
    assert!(
        stderr.contains(&rejected.display().to_string())
            && stderr.contains("belongs to pantau-bob")
            && stderr.contains("sticky bit")
            && stderr.contains("nothing was written"),
        "{stderr}"
    );
    let batches = ok(t.alice.pantau_on(&db).arg("batches").output().unwrap()).0;
    assert!(!batches.contains("bad.csv"), "{batches}");
    assert_eq!(std::fs::read_to_string(&rejected).unwrap(), "bob\n");
}

#[test]
fn an_export_whose_provenance_cannot_be_written_writes_neither_file() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("k.db");
    ok(pantau(home.path())
        .arg("--db")
        .arg(&db)
        .args(["demo", "--records", "50"])
        .output()
        .unwrap());
    let out_file = home.path().join("kasus.csv");
    std::fs::write(&out_file, "older export\n").unwrap();
    let target = home.path().join("target.json");
    std::fs::write(&target, "someone's file\n").unwrap();
    std::os::unix::fs::symlink(&target, home.path().join("kasus.csv.provenance.json")).unwrap();
    let out = pantau(home.path())
        .arg("--db")
        .arg(&db)
        .args(["export", "-o"])
        .arg(&out_file)
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("kasus.csv.provenance.json is a symbolic link"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(&out_file).unwrap(),
        "older export\n",
        "the older export stays as it was, with no provenance refused beside a new one"
    );
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        "someone's file\n"
    );
    let leftovers: Vec<_> = std::fs::read_dir(home.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".pantau-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn doctor_names_every_open_database_file_in_its_fix() {
    let Some(t) = team::team() else { return };
    let db = t.shared.join("u0.db");
    let out = t
        .alice
        .command(std::ffi::OsStr::new("sh"))
        .args(["-c", "umask 000; exec \"$@\"", "sh"])
        .arg(bin())
        .arg("--db")
        .arg(&db)
        .args(["demo", "--records", "20"])
        .output()
        .unwrap();
    ok(out);
    let d = db.display().to_string();
    for side in ["", "-wal", "-shm"] {
        let p = format!("{d}{side}");
        if Path::new(&p).exists() {
            let mode = std::os::unix::fs::PermissionsExt::mode(
                &std::fs::metadata(&p).unwrap().permissions(),
            );
            assert_ne!(mode & 0o004, 0, "{p} is open to every user");
        }
    }
    assert!(Path::new(&format!("{d}-wal")).exists());
    let (stdout, _) = text(
        &t.alice
            .pantau_on(&db)
            .arg("doctor")
            .env("TERM", "xterm-256color")
            .output()
            .unwrap(),
    );
    assert!(
        stdout.contains(&format!("chmod 660 {d} {d}-wal {d}-shm")),
        "{stdout}"
    );
}

#[test]
fn a_linked_wal_file_is_named_with_where_it_points_and_who_made_it() {
    let Some(t) = team::team() else { return };
    let db = t.shared.join("kaltim.db");
    ok(t.alice
        .pantau_on(&db)
        .args(["demo", "--records", "20"])
        .output()
        .unwrap());
    let wal = format!("{}-wal", db.display());
    let aim = t.alice.home.join("notes.txt");
    assert!(
        t.alice
            .sh(&format!("echo private > {}", aim.display()))
            .status
            .success()
    );
    let planted = t
        .bob
        .sh(&format!("rm -f {wal}; ln -s {} {wal}", aim.display()));
    assert!(planted.status.success(), "{planted:?}");
    for cmd in [&["report"][..], &["check"][..]] {
        let out = t.alice.pantau_on(&db).args(cmd).output().unwrap();
        let (stdout, stderr) = text(&out);
        assert_eq!(out.status.code(), Some(1), "{cmd:?}: {stdout}{stderr}");
        assert!(
            stderr.contains(&format!("{wal} is a symbolic link to {}", aim.display()))
                && stderr.contains("made by pantau-bob")
                && stderr.contains(&format!("rm {wal}")),
            "{cmd:?}: {stderr}"
        );
    }
    let out = t
        .alice
        .pantau_on(&db)
        .arg("doctor")
        .env("TERM", "xterm-256color")
        .output()
        .unwrap();
    let (stdout, _) = text(&out);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains(&format!("✗ symbolic link: {wal} → {}", aim.display()))
            && stdout.contains("pantau-bob"),
        "{stdout}"
    );
    assert_eq!(std::fs::read_to_string(&aim).unwrap(), "private\n");
}

#[test]
fn check_does_not_say_no_problems_when_it_skipped_the_full_text_index() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("k.db");
    ok(pantau(home.path())
        .arg("--db")
        .arg(&db)
        .args(["demo", "--records", "50"])
        .output()
        .unwrap());
    // An import holding the write lock.
    let writer = rusqlite::Connection::open(&db).unwrap();
    writer.execute_batch("BEGIN IMMEDIATE").unwrap();
    let out = pantau(home.path())
        .arg("--db")
        .arg(&db)
        .arg("check")
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stdout}{stderr}");
    assert!(!stdout.contains("No problems found."), "{stdout}");
    assert!(stdout.contains("not everything was"), "{stdout}");
    writer.execute_batch("ROLLBACK").unwrap();
    let (stdout, _) = ok(pantau(home.path())
        .arg("--db")
        .arg(&db)
        .arg("check")
        .output()
        .unwrap());
    assert!(stdout.contains("No problems found."), "{stdout}");
}

#[test]
fn a_sudo_user_that_names_nobody_is_not_recorded() {
    if !rustix::process::getuid().is_root() {
        eprintln!("SKIPPED: needs root");
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("k.db");
    ok(pantau(home.path())
        .arg("--db")
        .arg(&db)
        .arg("init")
        .output()
        .unwrap());
    let file = home.path().join("satu.csv");
    std::fs::write(
        &file,
        format!("{HEAD}K-1,laporan,64,KAMPANYE,2024-01-02,DITERIMA,satu\n"),
    )
    .unwrap();
    let out = pantau(home.path())
        .env("SUDO_USER", "evil\tname")
        .arg("--db")
        .arg(&db)
        // The row's number says no election, and `init` loads Pemilu 2024 and Pilkada 2024.
        .args(["import", "--election", "PEMILU2024"])
        .arg(&file)
        .output()
        .unwrap();
    let (_, stderr) = ok(out);
    assert!(stderr.contains("names no user of this host"), "{stderr}");
    let (batches, _) = ok(pantau(home.path())
        .arg("--db")
        .arg(&db)
        .arg("batches")
        .output()
        .unwrap());
    assert!(!batches.contains("evil"), "{batches}");
    assert!(batches.contains("root"), "{batches}");
}
