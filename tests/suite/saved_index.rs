//! The column index saved in the database by the commands that write many cases: the readers
//! after them read it and the cases changed since, never trust it beyond what the cases show
//! (a forged copy is found and built past), and `check` compares it case by case.

use crate::sealed;

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use rusqlite::OptionalExtension;

const HANG: Duration = Duration::from_secs(180);

fn pantau(home: &Path, db: &Path) -> Command {
    let mut c = sealed::pantau(home);
    c.env("PANTAU_TODAY", "2024-03-01")
        .timeout(HANG)
        .arg("--db")
        .arg(db);
    c
}

fn text(out: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// The revision the saved index reaches and the change log's newest, read without pantau.
fn reach(db: &Path) -> (Option<i64>, i64) {
    let c = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .unwrap();
    let saved = c
        .query_row("SELECT revision FROM case_index", [], |r| r.get(0))
        .optional()
        .unwrap();
    let max = c
        .query_row("SELECT COALESCE(max(rev), 0) FROM case_changes", [], |r| {
            r.get(0)
        })
        .unwrap();
    (saved, max)
}

/// `report` by region and by status as of a date, and one kab/kota's cases: with the index,
/// then from SQL alone.
fn figures(home: &Path, db: &Path) -> (String, String) {
    let run = |off: bool| {
        let mut all = String::new();
        for args in [
            &["report", "--by", "region"][..],
            &["report", "--by", "status", "--as-of", "2024-02-02"],
            &["report", "--view", "region:balikpapan"],
        ] {
            let mut c = pantau(home, db);
            if off {
                c.env("PANTAU_INDEX", "off");
            }
            let out = c.args(args).output().unwrap();
            assert!(out.status.success(), "{}", text(&out));
            all += &String::from_utf8_lossy(&out.stdout);
        }
        all
    };
    (run(false), run(true))
}

fn cache_files(home: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(home.join(".cache/pantau/index"))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default()
}

/// A demo database of 21,000 cases in `dir`, which is also the home of the runs.
fn demo_of_21000(dir: &Path) -> (PathBuf, PathBuf) {
    let db = dir.join("besar.db");
    let out = pantau(dir, &db)
        .args(["demo", "--records", "21000"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    (dir.to_path_buf(), db)
}

#[test]
fn a_large_write_saves_the_index_and_the_next_reader_needs_no_cache_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let (home, db) = demo_of_21000(dir.path());
    let home = home.as_path();
    let (saved, max) = reach(&db);
    assert_eq!(
        saved,
        Some(max),
        "demo saved no index reaching its last change"
    );
    let (shown, sql) = figures(home, &db);
    assert_eq!(shown, sql);
    assert!(shown.contains("Balikpapan"), "{shown}");
    // The saved index was current: nobody had to build one, nor keep one of their own.
    assert_eq!(cache_files(home), Vec::<PathBuf>::new());

    // A small import leaves the saved index behind (below the step at which writers save it
    // again): the readers read the new cases on top of it.
    let csv = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/contoh-import.csv");
    let out = pantau(home, &db).arg("import").arg(&csv).output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let (saved_after, max_after) = reach(&db);
    assert!(max_after > max, "the import changed nothing");
    assert_eq!(
        saved_after,
        Some(max),
        "a small import saved the index again"
    );
    let (shown_after, sql_after) = figures(home, &db);
    assert_eq!(shown_after, sql_after);
    assert_ne!(shown_after, shown, "the imported cases are not counted");
}

/// Every case of the saved index moved to another office and given another status: figures
/// from it would be wrong everywhere.
fn forge_saved(db: &Path) {
    let c = rusqlite::Connection::open(db).unwrap();
    let bytes: Vec<u8> = c
        .query_row("SELECT bytes FROM case_index", [], |r| r.get(0))
        .unwrap();
    let len = bytes.len();
    let mut index = pantau::engine::cache::decode(std::io::Cursor::new(bytes), len, true).unwrap();
    let offices = u16::try_from(index.regions.len()).unwrap();
    for r in index.region.iter_mut() {
        *r = (*r + 1) % offices;
    }
    for s in index.status.iter_mut() {
        *s = (*s + 1) % 3;
    }
    let mut forged = Vec::new();
    pantau::engine::cache::encode(&mut forged, &index).unwrap();
    c.execute("UPDATE case_index SET bytes = ?1", [forged])
        .unwrap();
}

#[test]
fn a_forged_saved_index_is_found_by_readers_and_by_check() {
    let dir = tempfile::tempdir().unwrap();
    let (home, db) = demo_of_21000(dir.path());
    let home = home.as_path();
    let (honest, sql) = figures(home, &db);
    assert_eq!(honest, sql);
    let out = pantau(home, &db).arg("check").output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("saved index: matches the 21,000 cases"),
        "{}",
        text(&out)
    );

    forge_saved(&db);
    let (shown, _) = figures(home, &db);
    assert_eq!(shown, sql, "figures were taken from a forged saved index");
    let out = pantau(home, &db).arg("check").output().unwrap();
    assert!(!out.status.success(), "{}", text(&out));
    let said = text(&out);
    assert!(
        said.contains("saved index") && said.contains("21,000 cases differ"),
        "{said}"
    );
    assert!(said.contains("DELETE FROM case_index"), "{said}");

    // A copy written by another version of pantau (its format's version byte differs): readers
    // build past it without a word of error, and `check` names it rather than calling it absent.
    let c = rusqlite::Connection::open(&db).unwrap();
    let mut bytes: Vec<u8> = c
        .query_row("SELECT bytes FROM case_index", [], |r| r.get(0))
        .unwrap();
    bytes[7] = 0x7f;
    c.execute("UPDATE case_index SET bytes = ?1", [bytes])
        .unwrap();
    drop(c);
    let (shown, _) = figures(home, &db);
    assert_eq!(
        shown, sql,
        "figures of a database whose saved index is of another version"
    );
    let out = pantau(home, &db).arg("check").output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("saved index: a copy from another version of pantau, not read"),
        "{}",
        text(&out)
    );
}

/// The saved index as its bytes, and written back.
fn saved_bytes(db: &Path) -> Vec<u8> {
    let c = rusqlite::Connection::open(db).unwrap();
    c.query_row("SELECT bytes FROM case_index", [], |r| r.get(0))
        .unwrap()
}

fn put_saved_bytes(db: &Path, bytes: &[u8]) {
    let c = rusqlite::Connection::open(db).unwrap();
    c.execute("UPDATE case_index SET bytes = ?1", [bytes])
        .unwrap();
}

/// One case's status changed in the saved index, written in its proper format (checksums
/// right): what only a case-by-case comparison can find.
fn forge_one_status(db: &Path) {
    let bytes = saved_bytes(db);
    let len = bytes.len();
    let mut index = pantau::engine::cache::decode(std::io::Cursor::new(bytes), len, true).unwrap();
    index.status[100] = (index.status[100] + 1) % 3;
    let mut forged = Vec::new();
    pantau::engine::cache::encode(&mut forged, &index).unwrap();
    put_saved_bytes(db, &forged);
}

/// A case changed with sqlite3 (the change log names it), so that readers of the saved index
/// must catch it up before using it.
fn touch_one_case(db: &Path) {
    let c = rusqlite::Connection::open(db).unwrap();
    c.execute("UPDATE cases SET uraian = uraian || '.' WHERE id = 5", [])
        .unwrap();
}

#[test]
fn a_saved_index_changed_outside_pantau_is_not_read_even_when_it_must_catch_up() {
    let dir = tempfile::tempdir().unwrap();
    let (home, db) = demo_of_21000(dir.path());
    let home = home.as_path();

    // One byte of one case's status changed in place, and one case changed since: the copy is
    // behind, so readers catch it up; its checksum no longer matches, so they never read it.
    let mut bytes = saved_bytes(&db);
    let at = bytes.len() / 2;
    bytes[at] ^= 0x01;
    put_saved_bytes(&db, &bytes);
    touch_one_case(&db);
    let (shown, sql) = figures(home, &db);
    assert_eq!(shown, sql, "figures were taken from a damaged saved index");
    let out = pantau(home, &db).arg("check").output().unwrap();
    assert!(!out.status.success(), "{}", text(&out));
    let said = text(&out);
    assert!(
        said.contains("the index saved in the database is damaged")
            && said.contains("DELETE FROM case_index")
            && said.contains("all in pantau's copies of its index")
            && !said.contains("Restore the last good copy"),
        "{said}"
    );

    // A forged copy in the proper format, one case wrong, behind by one change: `check` catches
    // it up as readers do and then compares every case, rather than calling it "another state".
    let dir = tempfile::tempdir().unwrap();
    let (home, db) = demo_of_21000(dir.path());
    let home = home.as_path();
    forge_one_status(&db);
    touch_one_case(&db);
    let out = pantau(home, &db).arg("check").output().unwrap();
    assert!(!out.status.success(), "{}", text(&out));
    let said = text(&out);
    assert!(
        said.contains("the index saved in the database disagrees with its cases (1 case differs)"),
        "{said}"
    );
}

#[test]
fn an_index_made_while_the_change_log_was_empty_is_not_taken_for_other_cases() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    // Two databases of the same identity and an emptied change log (by hand: pantau never
    // empties it), one with a case moved to Samarinda: one case, so that the spot check of a
    // few cases would almost never see it.
    let first = home.join("awal.db");
    let out = pantau(home, &first)
        .args(["demo", "--records", "3000"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let c = rusqlite::Connection::open(&first).unwrap();
    c.execute_batch("DELETE FROM case_changes; DELETE FROM case_index;")
        .unwrap();
    drop(c);
    let moved = home.join("pindah.db");
    std::fs::copy(&first, &moved).unwrap();
    let c = rusqlite::Connection::open(&moved).unwrap();
    c.execute_batch(
        "UPDATE cases SET kode_wilayah = '64.72' \
         WHERE id = (SELECT min(id) FROM cases WHERE kode_wilayah = '64.71' \
         AND election = 'PEMILU2024'); \
         DELETE FROM case_changes;",
    )
    .unwrap();
    drop(c);

    // The moved copy is read (its index cached at revision 0), then the first copied over it.
    let db = home.join("kerja.db");
    std::fs::copy(&moved, &db).unwrap();
    let (shown, sql) = figures(home, &db);
    assert_eq!(shown, sql);
    std::fs::copy(&first, &db).unwrap();
    let (shown, sql) = figures(home, &db);
    assert_eq!(
        shown, sql,
        "figures were taken from the index of the copy read before"
    );
}

#[test]
fn the_index_built_on_two_threads_equals_the_one_built_on_one() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let db = home.join("dua.db");
    let out = pantau(home, &db)
        .env("PANTAU_INDEX", "off")
        .args(["demo", "--records", "3000"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let store = pantau::store::Store::open(&db, pantau::store::Mode::ReadOnly).unwrap();
    let reference = store.reference().unwrap();
    let one = pantau::engine::index::CaseIndex::build_on_one_thread(&store, &reference).unwrap();
    for mid in [1, 2, 1500, 2999, 3000, 3001, 5000] {
        let two = pantau::engine::index::CaseIndex::build_split_at(&store, &reference, mid)
            .unwrap()
            .expect("a second connection");
        let mut a = Vec::new();
        let mut b = Vec::new();
        pantau::engine::cache::encode(&mut a, &one).unwrap();
        pantau::engine::cache::encode(&mut b, &two).unwrap();
        assert!(a == b, "split at {mid}: the two indexes differ");
    }
}
