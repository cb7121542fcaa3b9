//! Import through the real binary: export then import gives identical cases, a second import
//! changes nothing, a new status is appended to the history, the example files import cleanly.

use crate::import_support;

use std::path::Path;

use import_support::*;
use predicates::prelude::*;

fn export(db: &Path, format: &str, out: &Path) {
    pantau(db)
        .args(["export", "--format", format, "-o"])
        .arg(out)
        .assert()
        .success();
}

#[test]
fn export_then_import_into_an_empty_database_gives_identical_cases() {
    let dir = tempfile::tempdir().unwrap();
    let source = init_db(dir.path(), "source.db");
    seed(&source, &varied_cases(120));
    let expected = cases(&source);
    assert_eq!(expected.len(), 120);
    for format in ["csv", "json", "jsonl"] {
        let file = dir.path().join(format!("cases.{format}"));
        export(&source, format, &file);
        let target = init_db(dir.path(), &format!("target-{format}.db"));
        pantau(&target)
            .arg("import")
            .arg(&file)
            .assert()
            .success()
            .stdout(predicate::str::contains("120 new, 0 changed, 0 unchanged"));
        assert_eq!(
            cases(&target),
            expected,
            "{format}: every field of every case survives"
        );
        assert_intact(&target);

        // The export of the copy is the same file, byte for byte.
        let again = dir.path().join(format!("again.{format}"));
        export(&target, format, &again);
        assert_eq!(
            std::fs::read(&file).unwrap(),
            std::fs::read(&again).unwrap(),
            "{format}"
        );
    }
}

#[test]
fn importing_a_file_twice_changes_nothing_the_second_time_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path(), "p.db");
    let file = dir.path().join("kiriman.csv");
    std::fs::write(&file, csv_file(0, 47)).unwrap();
    pantau(&db)
        .arg("import")
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "47 new, 0 changed, 0 unchanged — batch #1",
        ));
    let before = case_checksum(&db);
    pantau(&db)
        .arg("import")
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "0 new, 0 changed, 47 unchanged — batch #2; nothing changed",
        ))
        .stdout(predicate::str::contains(
            "the same file was imported as batch #1",
        ));
    assert_eq!(
        case_checksum(&db),
        before,
        "no case and no history entry changed"
    );
    pantau(&db)
        .args(["--lang", "id", "import"])
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "0 baru, 0 berubah, 47 tetap — batch #3; tidak ada yang berubah",
        ));
    let out = pantau(&db).arg("batches").output().unwrap();
    let (stdout, _) = texts(&out);
    assert_eq!(stdout.lines().count(), 3, "{stdout}");
    assert!(
        // Recorded under the real user, not the USER variable.
        stdout.contains(
            &nix::unistd::User::from_uid(nix::unistd::getuid())
                .unwrap()
                .unwrap()
                .name
        ) && stdout.contains("kiriman.csv"),
        "{stdout}"
    );
    let store = pantau::store::Store::open(&db, pantau::store::Mode::ReadOnly).unwrap();
    let b = &store.batches().unwrap()[0];
    assert_eq!((b.rows_total, b.rows_new, b.rows_unchanged), (47, 0, 47));
    assert_eq!(b.sha256.as_deref().map(str::len), Some(64));
}

#[test]
fn a_new_status_updates_the_case_and_appends_to_its_history() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path(), "p.db");
    let first = dir.path().join("a.csv");
    std::fs::write(&first, "nomor;sumber;kode_wilayah;kode_tahapan;tanggal_diterima;status;uraian\nA-1;laporan;kukar;kampanye;15/01/2024;diterima;Asli\nA-2;temuan;64.71;KAMPANYE;2024-01-16;penelusuran;Tetap\n").unwrap();
    pantau(&db)
        .arg("import")
        .args(PEMILU)
        .arg(&first)
        .assert()
        .success();
    // The office sends the case again later: a new status, a registration, no description column.
    let later = dir.path().join("b.csv");
    std::fs::write(&later, "nomor,sumber,kode_wilayah,kode_tahapan,tanggal_diterima,status,tanggal_registrasi\nA-1,laporan,kukar,kampanye,2024-01-15,Registered,2024-01-17\nA-2,temuan,64.71,KAMPANYE,2024-01-16,penelusuran,\n").unwrap();
    pantau(&db)
        // SUDO_USER is believed only when it names a user of this host (daemon exists on every Linux).
        .env("SUDO_USER", "daemon")
        .arg("import")
        .args(PEMILU)
        .arg(&later)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "0 new, 1 changed, 1 unchanged — batch #2",
        ));
    let all = cases(&db);
    assert_eq!(all[0].status, pantau::domain::Status::Diregistrasi);
    assert_eq!(
        all[0].uraian, "Asli",
        "a column the file does not give is kept"
    );
    assert_eq!(
        all[0].tanggal_registrasi.map(|d| d.to_string()).as_deref(),
        Some("2024-01-17")
    );
    let store = pantau::store::Store::open(&db, pantau::store::Mode::ReadOnly).unwrap();
    let rows: Vec<(Option<String>, String, String, String, i64)> = store
        .conn()
        .prepare("SELECT h.from_status, h.to_status, h.changed_at, h.changed_by, h.batch_id FROM status_history h JOIN cases c ON c.id = h.case_id WHERE c.nomor = 'A-1' ORDER BY h.id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(
        rows[0],
        (
            None,
            "DITERIMA".into(),
            "2024-01-15 00:00:00".into(),
            nix::unistd::User::from_uid(nix::unistd::getuid())
                .unwrap()
                .unwrap()
                .name,
            1
        )
    );
    assert_eq!(
        (
            rows[1].0.as_deref(),
            rows[1].1.as_str(),
            rows[1].3.as_str(),
            rows[1].4
        ),
        (Some("DITERIMA"), "DIREGISTRASI", "daemon", 2)
    );
    let (batch_of_case, updated): (i64, String) = store
        .conn()
        .query_row(
            "SELECT batch_id, updated_at FROM cases WHERE nomor = 'A-1'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        batch_of_case, 2,
        "the case records the last batch that wrote it"
    );
    assert_eq!(updated, rows[1].2, "updated_at is the time of the import");
    assert_intact(&db);
}

#[test]
fn the_example_files_in_assets_import_cleanly_and_alike() {
    let dir = tempfile::tempdir().unwrap();
    let mut seen = Vec::new();
    for name in [
        "contoh-import.csv",
        "contoh-import.json",
        "contoh-import.jsonl",
        "contoh-import.xlsx",
    ] {
        let db = init_db(dir.path(), &format!("{name}.db"));
        pantau(&db)
            .arg("import")
            .arg(asset(name))
            .assert()
            .success()
            .stdout(predicate::str::contains("8 new, 0 changed, 0 unchanged"));
        // The steps after forwarding travel in every format: a KASN recommendation, a crime
        // under investigation, KPU's correction of a PPS member's procedure.
        let steps: Vec<(String, String, String)> = rusqlite::Connection::open(&db)
            .unwrap()
            .prepare(
                "SELECT c.nomor, f.step, f.happened_on FROM follow_ups f \
                 JOIN cases c ON c.id = f.case_id ORDER BY c.nomor",
            )
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let steps: Vec<(&str, &str)> = steps
            .iter()
            .map(|(n, s, _)| (&n[..3], s.as_str()))
            .collect();
        assert_eq!(
            steps,
            [
                ("041", "REKOMENDASI_INSTANSI"),
                ("044", "PENYIDIKAN"),
                ("045", "PERBAIKAN_KPU")
            ],
            "{name}"
        );
        seen.push((name, cases(&db)));
        assert_intact(&db);
    }
    for (name, c) in &seen[1..] {
        assert_eq!(
            c, &seen[0].1,
            "{name} holds the same cases as contoh-import.csv"
        );
    }
    let c = &seen[0].1;
    assert!(c.iter().any(|c| c.uraian.contains('\n')) && c.iter().any(|c| c.uraian.contains('"')));
    // A PPS member is a member of KPU's ad-hoc body, not of KPU itself.
    assert!(c.iter().any(|c| c.uraian.starts_with("PPS")
        && c.kategori_terlapor == Some(pantau::domain::PartyCategory::PenyelenggaraAdhoc)));
}

#[test]
fn standard_input_and_several_files_in_one_batch_each() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path(), "p.db");
    let a = dir.path().join("a.csv");
    std::fs::write(&a, csv_file(0, 10)).unwrap();
    let out = pantau(&db)
        .args(["import", "-"])
        .arg(&a)
        .write_stdin(std::fs::read(asset("contoh-import.json")).unwrap())
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(stdout.contains("<stdin>: 8 new"), "{stdout}");
    assert!(
        stdout.contains("Total: 18 new, 0 changed, 0 unchanged"),
        "{stdout}"
    );
    assert_eq!(cases(&db).len(), 18);
}

#[test]
fn dry_run_counts_but_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path(), "p.db");
    let before = full_checksum(&db);
    pantau(&db)
        .args(["import", "--dry-run"])
        .arg(asset("contoh-import.csv"))
        .assert()
        .success()
        .stdout(predicate::str::contains("8 new, 0 changed, 0 unchanged"))
        .stdout(predicate::str::contains("nothing was written"));
    assert_eq!(full_checksum(&db), before);
}

#[test]
fn a_large_file_is_indexed_for_search_and_keeps_the_schema() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path(), "p.db");
    let small = dir.path().join("small.csv");
    std::fs::write(&small, csv_file(0, 5)).unwrap();
    pantau(&db).arg("import").arg(&small).assert().success();
    let schema = |db: &Path| {
        let store = pantau::store::Store::open(db, pantau::store::Mode::ReadOnly).unwrap();
        let mut s = store
            .conn()
            .prepare("SELECT type, name, sql FROM sqlite_schema ORDER BY name")
            .unwrap();
        s.query_map([], |r| {
            Ok(format!(
                "{:?}",
                (
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<String>>(2)?
                )
            ))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect::<Vec<_>>()
    };
    let before = schema(&db);
    // Large enough for the bulk path (the FTS trigger set aside, history written at the end),
    // overlapping the small file: those rows are updates through the normal path.
    let big = dir.path().join("big.csv");
    let mut text = csv_file(0, 3000);
    let one = crate::import_support::csv_row(1);
    assert!(text.contains(&one) && one.contains(",KAJIAN_AWAL,"));
    text = text.replace(&one, &one.replace(",KAJIAN_AWAL,", ",KLARIFIKASI,"));
    std::fs::write(&big, text).unwrap();
    pantau(&db)
        .arg("import")
        .arg(&big)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "2,995 new, 1 changed, 4 unchanged",
        ));
    assert_eq!(schema(&db), before, "the trigger is back exactly as it was");
    assert_intact(&db);
    let store = pantau::store::Store::open(&db, pantau::store::Mode::ReadOnly).unwrap();
    let found: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM cases_fts WHERE cases_fts MATCH '\"2999\"'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        found, 1,
        "a new case of the bulk path is found by full-text search"
    );
    let histories: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM status_history", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        histories,
        3000 + 1,
        "one entry per new case, one for the changed status"
    );
    let by: String = store
        .conn()
        .query_row(
            "SELECT changed_by FROM status_history ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        by,
        nix::unistd::User::from_uid(nix::unistd::getuid())
            .unwrap()
            .unwrap()
            .name
    );
}
