//! Broken files and databases through the real binary: each gets a message naming the path and the
//! way out, exit 1, and keeps every byte; new databases' permissions and the world-writable warning.

use crate::sealed;
use crate::trust_support;

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, TransactionBehavior};
use trust_support::*;

const CONTOH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/contoh-import.csv");

/// Every case of `db` as `pantau export --format jsonl` writes them.
fn every_case(db: &Path) -> Vec<u8> {
    pantau(db)
        .args(["export", "--format", "jsonl"])
        .output()
        .unwrap()
        .stdout
}

/// Runs `pantau ARGS` on `db`, expects exit status 1 and returns standard error.
fn fails(db: &Path, args: &[&str]) -> String {
    let out = pantau(db).args(args).output().expect("pantau runs");
    let (_, err) = texts(&out);
    assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
    err
}

#[test]
fn a_file_that_is_not_sqlite_is_named_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("catatan.db");
    std::fs::write(&db, "kasus: 47\n".repeat(800)).unwrap();
    let before = bytes(&db);
    for args in [&["report"][..], &["import", CONTOH], &["check"], &["init"]] {
        let err = fails(&db, args);
        assert!(
            err.contains(&format!(
                "{} is not a SQLite database (it may be another kind of file, or damaged); check the \
                 path, or restore the last copy made with `pantau backup`",
                db.display()
            )),
            "{args:?}: {err}"
        );
    }
    assert_eq!(bytes(&db), before);
}

#[test]
fn a_truncated_database_says_it_is_damaged_and_is_not_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path(), "kaltim.db");
    let len = std::fs::metadata(&db).unwrap().len();
    let file = std::fs::OpenOptions::new().write(true).open(&db).unwrap();
    file.set_len(len / 2).unwrap();
    drop(file);
    let before = bytes(&db);
    let damaged = format!(
        "{} is damaged (database disk image is malformed); pantau changed nothing. See what is wrong \
         with `pantau check`, then restore the last copy made with `pantau backup`",
        db.display()
    );
    for args in [
        &["report", "--as-of", "2024-02-02"][..],
        &["export"],
        &["import", CONTOH],
    ] {
        let err = fails(&db, args);
        assert!(err.contains(&damaged), "{args:?}: {err}");
    }
    let out = pantau(&db).arg("check").output().unwrap();
    let (stdout, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    assert!(
        stdout.contains(
            "  ✗ file integrity:\n      unreadable: database disk image is malformed; restore \
             the last copy made with `pantau backup`"
        ),
        "{stdout}"
    );
    assert!(
        stderr.contains(&format!("pantau: {}: 1 check found problems", db.display())),
        "{stderr}"
    );
    assert_eq!(bytes(&db), before, "not one byte written");
}

#[test]
fn damaged_pages_are_found_by_check_and_named_by_the_commands_that_meet_them() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("besar.db");
    pantau(&db)
        .args(["demo", "--records", "3000", "--seed", "3"])
        .assert()
        .success();
    // Garbage over pages in the middle of the file, as a failing disk would leave.
    let mut content = std::fs::read(&db).unwrap();
    let page = usize::from(u16::from_be_bytes([content[16], content[17]]));
    let middle = content.len() / 2 / page * page;
    for (i, b) in content[middle..middle + 8 * page].iter_mut().enumerate() {
        *b = (i * 7 + 13) as u8;
    }
    std::fs::write(&db, &content).unwrap();
    let before = bytes(&db);
    let out = pantau(&db).arg("check").output().unwrap();
    let (stdout, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    assert!(stdout.contains("✗ file integrity:"), "{stdout}");
    assert!(
        stderr.contains(&format!("{}: ", db.display()))
            && stderr.contains("pantau changed nothing"),
        "{stderr}"
    );
    let err = fails(&db, &["export", "--format", "jsonl"]);
    assert!(
        err.contains(&format!("{} is damaged (", db.display())),
        "{err}"
    );
    assert_eq!(bytes(&db), before);
}

#[test]
fn an_empty_file_is_not_taken_for_a_database_except_by_init() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kosong.db");
    std::fs::write(&db, b"").unwrap();
    let empty = format!(
        "{} is an empty file (0 bytes), not a pantau database; if it was one it has been cut short: \
         restore the last copy made with `pantau backup`, or turn it into a new, empty database with \
         `pantau init`",
        db.display()
    );
    for args in [
        &["report"][..],
        &["import", CONTOH],
        &["--read-only", "report"],
    ] {
        let err = fails(&db, args);
        assert!(err.contains(&empty), "{args:?}: {err}");
    }
    assert_eq!(std::fs::metadata(&db).unwrap().len(), 0, "still empty");
    let out = pantau(&db)
        .args(["--lang", "id", "report"])
        .output()
        .unwrap();
    assert!(texts(&out).1.contains("berkas kosong (0 byte)"));
    pantau(&db).arg("init").assert().success();
    pantau(&db).arg("check").assert().success();
    let other = dir.path().join("kosong-2.db");
    std::fs::write(&other, b"").unwrap();
    pantau(&other).args(["demo", "--force"]).assert().success();
}

#[test]
fn a_database_locked_longer_than_the_wait_is_named_and_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path(), "kaltim.db");
    let before = every_case(&db);
    let mut other = Connection::open(&db).unwrap();
    let tx = other
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .unwrap();
    let err = fails(&db, &["import", "--wait", "1", CONTOH]);
    assert!(
        err.contains(&format!(
            "{} is locked by another writer for longer than 1 s; try again when it has finished",
            db.display()
        )),
        "{err}"
    );
    // Readers are not held up by a writer.
    pantau(&db).args(["report"]).assert().success();
    tx.rollback().unwrap();
    let after = every_case(&db);
    assert_eq!(before, after);
}

#[test]
fn a_read_only_file_can_be_read_and_refuses_writes_saying_how_to_get_permission() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("bersama");
    std::fs::create_dir(&folder).unwrap();
    let db = demo_db(&folder, "kaltim.db");
    // The folder is writable for the user (SQLite puts its -shm there); the file is not.
    chmod(dir.path(), 0o755);
    chmod(&folder, 0o1777);
    chmod(&db, 0o444);
    let before = bytes(&db);
    let out = pantau_as_user(&db)
        .args(["import", CONTOH])
        .output()
        .unwrap();
    let (_, err) = texts(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!(
            "{} is read-only (no write permission); `pantau import` must write to it: ask for write \
             permission on the file and its folder (README: a shared database for a team), or work on a copy",
            db.display()
        )),
        "{err}"
    );
    // In Indonesian, the reason in brackets is Indonesian too.
    let mut c = pantau_as_user(&db);
    crate::sealed::locale(&mut c, "id_ID.UTF-8");
    let out = c.args(["import", CONTOH]).output().unwrap();
    let (_, err) = texts(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!(
            "{} hanya-baca (tanpa izin tulis); `pantau import` perlu menulis ke sana: mintalah izin \
             tulis pada berkas dan foldernya (README: database bersama untuk satu tim), atau kerjakan pada salinan",
            db.display()
        )),
        "{err}"
    );
    let out = pantau_as_user(&db)
        .args(["report", "--as-of", "2024-02-02", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", texts(&out).1);
    assert!(texts(&out).0.contains("\"total\": 47"));
    let err = fails(&db, &["--read-only", "import", CONTOH]);
    assert!(
        err.contains("must write to it: run it without --read-only"),
        "{err}"
    );
    assert_eq!(bytes(&db).0, before.0);
}

#[test]
fn a_database_in_a_folder_the_user_may_not_write_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("arsip");
    std::fs::create_dir(&folder).unwrap();
    let db = demo_db(&folder, "kaltim.db");
    give_to_user(&db);
    chmod(&db, 0o644);
    // pantau keeps `-wal` and `-shm` beside the database; here they were never made.
    for suffix in ["-wal", "-shm"] {
        let mut side = db.as_os_str().to_owned();
        side.push(suffix);
        std::fs::remove_file(side).unwrap();
    }
    chmod(dir.path(), 0o755);
    chmod(&folder, 0o555);
    let before = bytes(&db);
    let expected = format!(
        "{p} cannot be used: SQLite must create or write {p}-wal and {p}-shm beside it, and you may not \
         write in the folder {d}; ask for write permission on the folder (README: a shared database for a team)",
        p = db.display(),
        d = folder.display()
    );
    for args in [&["import", CONTOH][..], &["report"]] {
        let out = pantau_as_user(&db).args(args).output().unwrap();
        let (_, err) = texts(&out);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert_eq!(
            err.matches(&expected).count(),
            1,
            "said once: {args:?}: {err}"
        );
    }
    let new = folder.join("baru.db");
    let out = pantau_as_user(&new).arg("init").output().unwrap();
    let (_, err) = texts(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!(
            "{}: cannot create the database file (permission denied); check that you \
             may write in {}",
            new.display(),
            folder.display()
        )),
        "{err}"
    );
    chmod(&folder, 0o755);
    assert_eq!(bytes(&db), before);
}

#[test]
fn a_new_database_is_never_world_writable_and_a_group_may_write_it() {
    let dir = tempfile::tempdir().unwrap();
    let bin = sealed::binary();
    for (umask, name, want) in [
        ("000", "a.db", 0o664),
        ("007", "b.db", 0o660),
        ("022", "c.db", 0o644),
    ] {
        let db = dir.path().join(name);
        let mut sh = std::process::Command::new("sh");
        sealed::seal(&mut sh, &sealed::scratch_home());
        let status = sh
            .arg("-c")
            .arg(format!("umask {umask}; exec \"$0\" --db \"$1\" init"))
            .arg(&bin)
            .arg(&db)
            .status()
            .unwrap();
        assert!(status.success());
        assert_eq!(mode(&db), want, "umask {umask}: {:o}", mode(&db));
    }
}

#[test]
fn a_world_writable_database_is_warned_about_and_still_works() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path(), "kaltim.db");
    chmod(&db, 0o666);
    let out = pantau(&db)
        .args(["report", "--as-of", "2024-02-02"])
        .output()
        .unwrap();
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("47"));
    assert!(
        stderr.contains(&format!(
            "pantau: {p} can be changed by every user of this computer; anyone could alter the evidence. \
             Remove their write permission: chmod o-w {p} (README: a shared database for a team)",
            p = db.display()
        )),
        "{stderr}"
    );
    chmod(&db, 0o664);
    let out = pantau(&db).arg("report").output().unwrap();
    assert!(texts(&out).1.is_empty(), "no warning once fixed");
}

/// A file of `n` new cases.
fn big_csv(n: usize) -> String {
    let mut csv =
        String::from("nomor,sumber,kode_wilayah,kode_tahapan,tanggal_diterima,status,uraian\n");
    for i in 0..n {
        csv += &format!(
            "{i:06}/LP/PL/Kota/23.05/II/2024,laporan,64.71,KAMPANYE,2024-02-01,DITERIMA,\
             Pembagian minyak goreng kepada warga oleh tim kampanye nomor {i}\n"
        );
    }
    csv
}

/// Whether this machine lets an ordinary process mount a small tmpfs in a user namespace.
fn tmpfs_available() -> bool {
    std::process::Command::new("unshare")
        .args(["-Urm", "sh", "-c", "mount -t tmpfs -o size=64k none /mnt"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn a_full_disk_during_import_is_named_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path(), "kaltim.db");
    let big = dir.path().join("besar.csv");
    std::fs::write(&big, big_csv(20_000)).unwrap();
    if !tmpfs_available() {
        // The next test still makes SQLite report a full disk, through max_page_count.
        eprintln!("no user namespaces here: the full tmpfs case is left out");
        return;
    }
    // The database on a 2 MiB tmpfs (the demo database itself takes about 1.5 MiB): the import
    // cannot fit. Everything runs inside the namespace.
    let bin = sealed::binary();
    let mnt = dir.path().join("kecil");
    std::fs::create_dir(&mnt).unwrap();
    let script = r#"
        set -u
        mount -t tmpfs -o size=2m none "$MNT"
        cp "$DB" "$MNT/kaltim.db"
        "$BIN" --db "$MNT/kaltim.db" import "$CSV" > "$OUT/import.out" 2> "$OUT/import.err"
        echo $? > "$OUT/import.code"
        "$BIN" --db "$MNT/kaltim.db" report --as-of 2024-03-01 --format json > "$OUT/report.json"
        "$BIN" --db "$MNT/kaltim.db" check > "$OUT/check.out" 2>&1
        echo $? > "$OUT/check.code"
    "#;
    let mut unshare = std::process::Command::new("unshare");
    sealed::seal(&mut unshare, &sealed::scratch_home());
    let status = unshare
        .args(["-Urm", "sh", "-c", script])
        .env("MNT", &mnt)
        .env("DB", &db)
        .env("BIN", &bin)
        .env("CSV", &big)
        .env("OUT", dir.path())
        .env("PANTAU_TODAY", "2024-03-01")
        .status()
        .unwrap();
    assert!(status.success());
    let read = |name: &str| std::fs::read_to_string(dir.path().join(name)).unwrap();
    assert_eq!(read("import.code").trim(), "1", "{}", read("import.err"));
    assert!(
        read("import.err").contains(&format!(
            "the disk holding {}/kaltim.db is full; what was being written was rolled back and nothing \
             stored was lost: free some space there and try again",
            mnt.display()
        )),
        "{}",
        read("import.err")
    );
    let total = pantau(&db)
        .args(["report", "--as-of", "2024-03-01", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        read("report.json"),
        texts(&total).0,
        "the same cases as before"
    );
    assert_eq!(read("check.code").trim(), "0", "{}", read("check.out"));
}

#[test]
fn a_database_that_cannot_grow_fails_the_import_as_a_full_disk_and_keeps_its_cases() {
    use pantau::import::{self, Format, Input, Options};
    use pantau::store::{Mode, Store};
    use std::sync::atomic::AtomicBool;

    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path(), "kaltim.db");
    let before = every_case(&db);
    let store = Store::open(&db, Mode::Write).unwrap();
    // SQLite's own limit on the file's size stands in for a full disk: SQLITE_FULL either way.
    let pages: i64 = store
        .conn()
        .pragma_query_value(None, "page_count", |r| r.get(0))
        .unwrap();
    store
        .conn()
        .pragma_update(None, "max_page_count", pages + 8)
        .unwrap();
    let reference = store.reference().unwrap();
    let opts = Options {
        ignore_unknown: false,
        skip_invalid: false,
        today: chrono::NaiveDate::from_ymd_opt(2024, 3, 1).unwrap(),
        lang: pantau::i18n::Lang::En,
        election: None,
    };
    let now = opts.today.and_hms_opt(10, 0, 0).unwrap();
    let cancel = AtomicBool::new(false);
    let input = Input::from_bytes("besar.csv", Format::Csv, big_csv(5000).into_bytes());
    let tx = store
        .begin_write(Duration::from_secs(5), &cancel, &mut || {})
        .unwrap()
        .unwrap();
    let err = import::check_and_write(&tx, input, &reference, &opts, "uji", now, &cancel, &|_| {})
        .unwrap_err();
    drop(tx);
    assert!(matches!(err, pantau::Error::DiskFull { .. }), "{err}");
    assert_eq!(
        err.message(pantau::i18n::Lang::En),
        format!(
            "the disk holding {} is full; what was being written was rolled back and nothing stored \
             was lost: free some space there and try again",
            db.display()
        )
    );
    assert!(
        err.message(pantau::i18n::Lang::Id)
            .starts_with("disk tempat ")
    );
    drop(store);
    let after = every_case(&db);
    assert_eq!(before, after, "every case as it was");
    pantau(&db).arg("check").assert().success();
}

#[test]
fn no_output_ever_replaces_a_database_s_own_wal_shm_or_journal_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path(), "kaltim.db");
    // A reader holds the database open, so its -wal and -shm exist as in a working office.
    let reader = Connection::open(&db).unwrap();
    reader
        .query_row("SELECT count(*) FROM cases", [], |r| r.get::<_, i64>(0))
        .unwrap();
    let before = every_case(&db);
    let side = |s: &str| dir.path().join(format!("kaltim.db{s}"));
    let kept = |s: &str| std::fs::read(side(s)).ok();
    let (wal, shm) = (kept("-wal"), kept("-shm"));
    for (args, s) in [
        (vec!["export", "--format", "csv", "-o"], "-wal"),
        (
            vec!["report", "--by", "region", "--format", "csv", "-o"],
            "-shm",
        ),
        (vec!["export", "--format", "jsonl", "-o"], "-journal"),
        (vec!["backup", "--force"], "-wal"),
    ] {
        let target = side(s);
        let mut all: Vec<&str> = args.clone();
        all.push(target.to_str().unwrap());
        let err = fails(&db, &all);
        assert!(
            err.contains("belongs to the database") && err.contains("nothing was written"),
            "{args:?} {s}: {err}"
        );
    }
    assert_eq!(kept("-wal"), wal, "the WAL is untouched");
    assert_eq!(kept("-shm"), shm);
    assert!(!side("-journal").exists(), "no journal was made");
    drop(reader);
    assert_eq!(every_case(&db), before, "every case is still there");
}
