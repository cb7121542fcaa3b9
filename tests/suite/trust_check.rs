//! `pantau check` through the real binary: a healthy database passes every check without a
//! byte changing; each kind of damage is found, named, and exits 1.

use crate::trust_support;

use std::path::Path;

use rusqlite::Connection;
use trust_support::*;

/// Runs `pantau check` on `db`: exit status, stdout, stderr.
fn check(db: &Path, extra: &[&str]) -> (Option<i32>, String, String) {
    let out = pantau(db).args(extra).arg("check").output().unwrap();
    let (o, e) = texts(&out);
    (out.status.code(), o, e)
}

/// Changes `db` behind pantau's back, as a tool or a bug could.
fn tamper(db: &Path, sql: &str) {
    let c = Connection::open(db).unwrap();
    c.execute_batch(sql).unwrap();
}

#[test]
fn a_healthy_database_passes_every_check_and_is_not_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path(), "kaltim.db");
    let before = bytes(&db);
    let (code, out, err) = check(&db, &[]);
    assert_eq!(code, Some(0), "{out}{err}");
    for line in [
        "  ✓ file integrity: ok (PRAGMA integrity_check)",
        "  ✓ foreign keys: ok (PRAGMA foreign_key_check)",
        "  ✓ identity: a pantau database, schema version",
        "  ✓ schema: ",
        // The demo's 168 cases of Pemilu 2024 and 113 of Pilkada 2024.
        "  ✓ full-text index: matches the 281 cases",
        "  ✓ status history: 281 cases, ",
        "No problems found.",
    ] {
        assert!(out.contains(line), "{line:?} in:\n{out}");
    }
    assert_eq!(bytes(&db).0, before.0, "check only reads");
    let (code, out, _) = check(&db, &["--lang", "id"]);
    assert_eq!(code, Some(0));
    assert!(out.contains("✓ riwayat status: 281 kasus") && out.contains("Tidak ada masalah"));
    let (code, out, _) = check(&db, &["--read-only"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("  – full-text index: not checked: the database is open read-only"),
        "{out}"
    );
}

#[test]
fn a_full_text_index_out_of_step_is_found_with_the_way_to_rebuild_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path(), "kaltim.db");
    let c = Connection::open(&db).unwrap();
    let trigger: String = c
        .query_row(
            "SELECT sql FROM sqlite_schema WHERE name = 'cases_fts_update'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    // A description changed while the trigger that keeps the index in step was away.
    c.execute_batch(&format!(
        "BEGIN; DROP TRIGGER cases_fts_update; \
         UPDATE cases SET uraian = 'diubah diam-diam' WHERE id = 3; {trigger}; COMMIT;"
    ))
    .unwrap();
    drop(c);
    let (code, out, err) = check(&db, &[]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("  ✓ schema: "),
        "the schema itself is whole: {out}"
    );
    assert!(
        out.contains("  ✗ full-text index:")
            && out.contains("the full-text index does not match the cases")
            && out.contains("INSERT INTO cases_fts(cases_fts) VALUES('rebuild')"),
        "{out}"
    );
    assert!(
        err.contains(&format!(
            "pantau: {}: 1 check found problems (listed above); pantau changed nothing",
            db.display()
        )),
        "{err}"
    );
}

#[test]
fn a_status_history_that_does_not_end_in_the_status_is_found() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path(), "kaltim.db");
    let nomor = |id: i64| -> String {
        let c = Connection::open(&db).unwrap();
        c.query_row("SELECT nomor FROM cases WHERE id = ?1", [id], |r| r.get(0))
            .unwrap()
    };
    let (a, b, d) = (nomor(5), nomor(6), nomor(7));
    let status7: String = Connection::open(&db)
        .unwrap()
        .query_row("SELECT status FROM cases WHERE id = 7", [], |r| r.get(0))
        .unwrap();
    // An entry that ends in the case's status but does not start where the one before ended.
    let from = if status7 == "KAJIAN" {
        "KLARIFIKASI"
    } else {
        "KAJIAN"
    };
    tamper(
        &db,
        &format!(
            "UPDATE cases SET status = 'DIHENTIKAN' WHERE id = 5;
             DELETE FROM status_history WHERE case_id = 6;
             INSERT INTO status_history (case_id, from_status, to_status, changed_at, changed_by)
                VALUES (7, '{from}', '{status7}', '2099-01-01 00:00:00', 'x');"
        ),
    );
    let (code, out, _) = check(&db, &[]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("  ✗ status history:"), "{out}");
    assert!(
        out.contains(&format!("{a}: status DIHENTIKAN, but its history ends at ")),
        "{out}"
    );
    assert!(
        out.contains(&format!("{b}: has no status history")),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "{d}: the entry of 2099-01-01 00:00:00 starts from {from}, but the status before was {status7}"
        )),
        "{out}"
    );
}

#[test]
fn a_missing_index_and_a_dangling_reference_are_found() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path(), "kaltim.db");
    tamper(
        &db,
        "PRAGMA foreign_keys = OFF; DROP INDEX cases_by_stage; UPDATE cases SET kode_wilayah = '99.99' WHERE id = 1;",
    );
    let (code, out, _) = check(&db, &[]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("index cases_by_stage is missing"), "{out}");
    assert!(
        out.contains("cases row 1 refers to a regions row that does not exist"),
        "{out}"
    );
}

#[test]
fn a_step_after_forwarding_that_does_not_fit_its_case_is_found_with_the_way_out() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path(), "kaltim.db");
    let (code, out, _) = check(&db, &[]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("  ✓ steps after forwarding: "), "{out}");
    // A crime forwarded to the police, as the demo has them.
    let c = Connection::open(&db).unwrap();
    let (id, nomor, region, received, status, forwarded): (i64, String, String, String, String, String) = c
        .query_row(
            "SELECT id, nomor, kode_wilayah, tanggal_diterima, status, tanggal_penerusan FROM cases \
             WHERE jenis_pelanggaran = 'PIDANA' AND tanggal_penerusan <= '2024-02-20' \
             ORDER BY id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
        )
        .unwrap();
    drop(c);
    // A DKPP ruling on a crime, and an investigation before the case was forwarded.
    tamper(
        &db,
        &format!(
            "INSERT INTO follow_ups (case_id, step, happened_on, recorded_at, recorded_by)
                VALUES ({id}, 'PUTUSAN_DKPP', '{forwarded}', '2024-03-01 09:00:00', 'x'),
                       ({id}, 'PENYIDIKAN', '2023-01-02', '2024-03-01 09:00:00', 'x');"
        ),
    );
    let (code, out, _) = check(&db, &[]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("  ✗ steps after forwarding:"), "{out}");
    assert!(
        out.contains(&format!(
            "{nomor}: follow-up step PUTUSAN_DKPP ({forwarded}) does not fit a PIDANA violation; \
             it follows KODE_ETIK. Import the case again with the corrected step"
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "{nomor}: follow-up step PENYIDIKAN is dated 2023-01-02, before the case was \
             forwarded ({forwarded}). Import the case again with the step's corrected date"
        )),
        "{out}"
    );
    let (_, id_out, _) = check(&db, &["--lang", "id"]);
    assert!(
        id_out.contains("✗ tindak lanjut:")
            && id_out.contains(&format!("{nomor}: tahap tindak lanjut PUTUSAN_DKPP")),
        "{id_out}"
    );

    // The way out: the case imported again with its steps as they were.
    let file = dir.path().join("koreksi.csv");
    std::fs::write(
        &file,
        format!(
            "nomor,sumber,kode_wilayah,kode_tahapan,tanggal_diterima,status,lanjut_tahap,lanjut_tanggal\n\
             {nomor},temuan,{region},KAMPANYE,{received},{status},PENYIDIKAN,{forwarded}\n"
        ),
    )
    .unwrap();
    // (The source and stage as stored: only the steps are the point.)
    let c = Connection::open(&db).unwrap();
    let (sumber, tahapan): (String, String) = c
        .query_row(
            "SELECT sumber, kode_tahapan FROM cases WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    drop(c);
    let text = std::fs::read_to_string(&file)
        .unwrap()
        .replace(",temuan,", &format!(",{sumber},"))
        .replace(",KAMPANYE,", &format!(",{tahapan},"));
    std::fs::write(&file, text).unwrap();
    pantau(&db).arg("import").arg(&file).assert().success();
    let (code, out, _) = check(&db, &[]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("  ✓ steps after forwarding: "), "{out}");
}
