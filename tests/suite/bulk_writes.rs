//! Large writes in bulk (an import of a large file, the synthetic demo): with the per-row triggers
//! set aside, every reader still learns of every case written (by replaying the change log, or
//! by rebuilding when the load outgrows it), the full-text index keeps step with the cases, and
//! a failed or cancelled load leaves every trigger and index as it was.

use crate::import_support;
use crate::tui_support;

use std::path::Path;
use std::sync::atomic::AtomicBool;

use pantau::engine::index::{CaseIndex, Refresh};
use pantau::store::{Mode, Store};

// `total`: the count of a view from SQL and from the index, asserted equal.
use crate::index::total;

fn count(store: &Store, sql: &str) -> i64 {
    store.conn().query_row(sql, [], |r| r.get(0)).unwrap()
}

/// Every trigger and index, with its statement.
fn schema(db: &Path) -> Vec<(String, String)> {
    let store = Store::open(db, Mode::ReadOnly).unwrap();
    let mut s = store
        .conn()
        .prepare(
            "SELECT name, coalesce(sql, '') FROM sqlite_schema \
             WHERE type IN ('trigger', 'index') ORDER BY name",
        )
        .unwrap();
    s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn a_reader_replays_every_case_of_a_bulk_import_and_finds_them_by_their_words() {
    let dir = tempfile::tempdir().unwrap();
    let db = tui_support::demo_db(dir.path());
    let reader = Store::open(&db, Mode::ReadOnly).unwrap();
    let reference = reader.reference().unwrap();
    let mut index = CaseIndex::build(&reader, &reference).unwrap();
    let before = total(&reader, &index, "pemilihan:semua");
    let triggers = schema(&db);

    // Over 256 KiB: written in bulk, the insert triggers set aside.
    let file = dir.path().join("besar.csv");
    let text = import_support::csv_file(0, 3000);
    assert!(text.len() > pantau::import::BULK_BYTES);
    std::fs::write(&file, text).unwrap();
    import_support::pantau(&db)
        .arg("import")
        .arg(&file)
        .assert()
        .success()
        .stdout(predicates::str::contains("3,000 new"));
    assert_eq!(schema(&db), triggers, "every trigger and index is back");

    // The log names each new case: the reader reads those and nothing else.
    assert_eq!(
        index.refresh(&reader, &reference).unwrap(),
        Refresh::Updated(3000)
    );
    assert_eq!(total(&reader, &index, "pemilihan:semua"), before + 3000);
    assert_eq!(
        index.len() as i64,
        count(&reader, "SELECT count(*) FROM cases")
    );
    for spec in ["asof:2024-02-02", "region:balikpapan stage:kampanye"] {
        total(&reader, &index, spec);
    }
    // Each new case is found by the words of its description, the first and the last alike.
    assert_eq!(
        total(&reader, &index, "pemilihan:semua \"calon nomor 0\""),
        1
    );
    assert_eq!(
        total(&reader, &index, "pemilihan:semua \"calon nomor 2999\""),
        1
    );
    assert_eq!(total(&reader, &index, "pemilihan:semua zebra"), 0);

    // Changed by a later (small) import, the case is found by its new words only.
    let one = import_support::csv_row(2999);
    let changed = one.replace("calon nomor 2999", "calon nomor 2999 berbaju zebra");
    assert_ne!(one, changed);
    let small = dir.path().join("ubah.csv");
    std::fs::write(&small, format!("{}\n{changed}\n", import_support::HEADER)).unwrap();
    import_support::pantau(&db)
        .arg("import")
        .arg(&small)
        .assert()
        .success()
        .stdout(predicates::str::contains("1 changed"));
    assert_eq!(
        index.refresh(&reader, &reference).unwrap(),
        Refresh::Updated(1)
    );
    assert_eq!(total(&reader, &index, "pemilihan:semua zebra"), 1);
    assert_eq!(
        total(
            &reader,
            &index,
            "pemilihan:semua \"calon nomor 2999\" -zebra"
        ),
        0
    );
    import_support::assert_intact(&db);
}

#[test]
fn a_load_larger_than_the_change_log_keeps_sends_every_reader_to_rebuild() {
    let dir = tempfile::tempdir().unwrap();
    let db = tui_support::demo_db(dir.path());
    let reader = Store::open(&db, Mode::ReadOnly).unwrap();
    let reference = reader.reference().unwrap();
    let mut index = CaseIndex::build(&reader, &reference).unwrap();
    let before = index.len() as i64;
    let triggers = schema(&db);

    // As many new cases as the log keeps entries: its older entries would all be pruned.
    let n = pantau::store::write::CHANGES_KEPT as usize;
    let mut store = Store::open(&db, Mode::Write).unwrap();
    let cancel = AtomicBool::new(false);
    pantau::demo::synthetic(&mut store, n, 3, tui_support::clock(), &mut |_| {}, &cancel).unwrap();
    assert_eq!(schema(&db), triggers, "every trigger and index is back");

    // A reader from before the load cannot replay it: it rebuilds, and counts every case.
    assert_eq!(
        index.refresh(&reader, &reference).unwrap(),
        Refresh::Rebuilt
    );
    assert_eq!(index.len() as i64, before + n as i64);
    total(&reader, &index, "pemilihan:semua region:samarinda");

    // A reader of the state after the load (as the index saved for readers is) stands at the
    // load's entry of the log, and follows the next small write by replaying it.
    let mut after = CaseIndex::build(&reader, &reference).unwrap();
    assert_eq!(after.len(), index.len());
    tui_support::insert_case(
        &db,
        "997/TM/PL/Kota/23.04/II/2024",
        "64.72",
        "KAMPANYE",
        tui_support::feb2(),
    );
    for ix in [&mut index, &mut after] {
        assert_eq!(
            ix.refresh(&reader, &reference).unwrap(),
            Refresh::Updated(1)
        );
        assert_eq!(ix.len() as i64, before + n as i64 + 1);
        total(&reader, ix, "pemilihan:semua stage:kampanye");
    }
    drop(store);
    import_support::assert_intact(&db);
}

#[test]
fn a_bulk_import_that_fails_late_leaves_every_trigger_and_case_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let db = import_support::init_db(dir.path(), "p.db");
    import_support::seed(&db, &import_support::varied_cases(20));
    let before = import_support::full_checksum(&db);
    // Valid rows, written as they are read, then one with an unknown status.
    let mut text = import_support::csv_file(0, 3000);
    let last = import_support::csv_row(2999);
    let broken = last.replacen(",false,", ",mungkin,", 1);
    assert_ne!(broken, last);
    text = text.replace(&last, &broken);
    let file = dir.path().join("rusak.csv");
    std::fs::write(&file, text).unwrap();
    import_support::pantau(&db)
        .arg("import")
        .arg(&file)
        .assert()
        .failure();
    assert_eq!(
        import_support::full_checksum(&db),
        before,
        "no case, history entry, log entry, trigger or index changed"
    );
    import_support::assert_intact(&db);
}
