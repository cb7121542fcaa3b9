//! The store: migrations, identity checks, reference data. Every refusal leaves the file as it was.

use std::path::Path;

use pantau::Error;
use pantau::domain::Reference;
use pantau::store::{Mode, SCHEMA_VERSION, Store};

fn dump(path: &Path) -> String {
    let store = Store::open(path, Mode::ReadOnly).expect("open");
    let mut out = String::new();
    for table in [
        "regions",
        "stages",
        "holidays",
        "cases",
        "status_history",
        "import_batches",
    ] {
        let mut stmt = store
            .conn()
            .prepare(&format!("SELECT * FROM {table} ORDER BY 1"))
            .unwrap();
        let n = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                Ok((0..n)
                    .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                    .collect::<Vec<_>>()
                    .join("|"))
            })
            .unwrap();
        for row in rows {
            out += &format!("{table}: {}\n", row.unwrap());
        }
    }
    out
}

#[test]
fn a_fresh_database_gets_the_whole_schema_and_is_marked_as_pantaus() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/folder/pantau.db");
    let store = Store::open(&path, Mode::Create).unwrap();
    assert_eq!(store.user_version().unwrap(), SCHEMA_VERSION);
    let app_id: i64 = store
        .conn()
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap();
    assert_eq!(app_id, pantau::store::APPLICATION_ID);
    let mode: String = store
        .conn()
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = store
        .conn()
        .pragma_query_value(None, "foreign_keys", |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
    let strict: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM pragma_table_list WHERE strict = 1 AND schema = 'main'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(strict >= 7, "all tables are STRICT, found {strict}");
}

#[test]
fn migrating_twice_and_loading_reference_twice_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.db");
    let mut store = Store::open(&path, Mode::Create).unwrap();
    assert!(store.load_reference(&Reference::embedded()).unwrap());
    drop(store);
    let before = dump(&path);
    let mut store = Store::open(&path, Mode::Write).unwrap();
    assert!(
        !store.load_reference(&Reference::embedded()).unwrap(),
        "second load reports no change"
    );
    assert_eq!(store.user_version().unwrap(), SCHEMA_VERSION);
    drop(store);
    assert_eq!(before, dump(&path));
}

#[test]
fn reference_data_is_loaded_complete() {
    let store = Store::memory().unwrap();
    let r = store.reference().unwrap();
    assert_eq!(*r, Reference::embedded());
    let codes: Vec<&str> = r.regions.iter().map(|x| x.code.as_str()).collect();
    for code in [
        "64", "64.01", "64.02", "64.03", "64.07", "64.08", "64.09", "64.11", "64.71", "64.72",
        "64.74",
    ] {
        assert!(codes.contains(&code), "region {code}");
    }
    let stages: Vec<&str> = r.stages.iter().map(|s| s.code.as_str()).collect();
    assert_eq!(stages.len(), 13);
    assert!(stages.contains(&"KAMPANYE") && stages.contains(&"LAINNYA"));
    assert_eq!(r.region("64.02").unwrap().kecamatan_count, 20);
    assert!(
        r.holidays
            .iter()
            .any(|h| h.date.to_string() == "2024-02-14")
    );
}

fn assert_untouched(path: &Path, before: &[u8]) {
    assert_eq!(
        std::fs::read(path).unwrap(),
        before,
        "{} was changed",
        path.display()
    );
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.db");
    let content = b"kasus: 47\n".repeat(500);
    std::fs::write(&path, &content).unwrap();
    for mode in [Mode::Write, Mode::Create, Mode::ReadOnly] {
        let err = Store::open(&path, mode).unwrap_err();
        assert!(matches!(err, Error::NotSqlite { .. }), "{err}");
        assert!(err.to_string().contains("notes.db"));
    }
    assert_untouched(&path, &content);
}

#[test]
fn a_foreign_sqlite_database_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch("CREATE TABLE t (a); INSERT INTO t VALUES (1);")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path, Mode::Write).unwrap_err();
    assert!(matches!(err, Error::Foreign { .. }), "{err}");
    assert!(err.to_string().contains("not pantau's"));
    assert_untouched(&path, &before);
}

#[test]
fn a_database_from_a_newer_pantau_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    drop(Store::open(&path, Mode::Create).unwrap());
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
        c.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path, Mode::Write).unwrap_err();
    match &err {
        Error::TooNew { found, known, .. } => {
            assert_eq!((*found, *known), (SCHEMA_VERSION + 1, SCHEMA_VERSION))
        }
        other => panic!("expected TooNew, got {other}"),
    }
    assert!(err.to_string().contains("newer pantau"));
    assert_untouched(&path, &before);
}

#[test]
fn a_missing_database_is_not_created_by_readers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("absent.db");
    for mode in [Mode::Write, Mode::ReadOnly] {
        let err = Store::open(&path, mode).unwrap_err();
        assert!(matches!(err, Error::Missing { .. }));
        assert!(err.to_string().contains("pantau init") && err.to_string().contains("pantau demo"));
    }
    assert!(!path.exists());
}

#[test]
fn a_read_only_store_refuses_writes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ro.db");
    drop(Store::open(&path, Mode::Create).unwrap());
    let store = Store::open(&path, Mode::ReadOnly).unwrap();
    assert!(store.is_read_only());
    let err = store.require_writable("pantau import").unwrap_err();
    assert!(err.to_string().contains("--read-only"), "{err}");
    assert!(store.conn().execute("DELETE FROM holidays", []).is_err());
}

#[test]
fn the_version_one_fixture_still_opens_with_its_cases() {
    // A database written by schema version 1 with two cases; later versions must upgrade it.
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema-v1.db");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    std::fs::copy(&fixture, &path).unwrap();
    let store = Store::open(&path, Mode::Write).unwrap();
    assert_eq!(store.user_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(store.case_count().unwrap(), 2);
    let (case, history) = store.case_with_history(1).unwrap().unwrap();
    assert_eq!(case.nomor, "001/TM/PL/Kota/23.05/I/2024");
    assert_eq!(history.len(), 2);
    // Its stages gain the short labels the screens show, in both languages.
    let reference = store.reference().unwrap();
    let voting = reference.stage("PUNGUT_HITUNG").unwrap();
    assert_eq!(
        (
            voting.short(pantau::i18n::Lang::Id),
            voting.short(pantau::i18n::Lang::En)
        ),
        ("Pemungutan", "Voting day")
    );
    let embedded = Reference::embedded();
    for s in &reference.stages {
        let e = embedded.stage(&s.code).unwrap();
        assert_eq!(
            (&s.short_id, &s.short_en),
            (&e.short_id, &e.short_en),
            "{}",
            s.code
        );
    }
}
