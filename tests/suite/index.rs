//! The column index kept current from the change log: writes by another connection (new cases,
//! status changes, deletions, even from outside pantau) reach it through `refresh`, and its cache
//! file is used only when it belongs to the same database.

use crate::tui_support;

use std::sync::Arc;

use pantau::domain::{DayCount, DeadlineRules};
use pantau::engine::cache;
use pantau::engine::index::{CaseIndex, Refresh};
use pantau::engine::{Dashboard, Engine};
use pantau::i18n::Lang;
use pantau::store::{Mode, Store};
use tui_support::{demo_db, feb2, insert_case};

fn rules(store: &Store) -> DeadlineRules {
    let holidays = store.reference().unwrap().holidays.clone();
    DeadlineRules::new(DayCount::Calendar, holidays.into_iter().map(|h| h.date))
}

/// "Today" for the engines: after every case of the demo.
fn end_of_2024() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2024, 12, 31).unwrap()
}

/// The dashboard of `spec` from SQL and from `index`; they must agree.
fn both(store: &Store, index: &CaseIndex, spec: &str) -> (Dashboard, Dashboard) {
    let view = pantau::view::parse(spec, &store.reference().unwrap()).unwrap();
    let sql = Engine::new(store, end_of_2024(), rules(store)).unwrap();
    let mut fast = Engine::new(store, end_of_2024(), rules(store)).unwrap();
    fast.set_index(Some(Arc::new(index.clone())));
    (
        sql.dashboard(&view, Lang::En).unwrap(),
        fast.dashboard(&view, Lang::En).unwrap(),
    )
}

/// How many cases `spec` counts, the same from the index as from SQL (other modules' tests too).
pub(crate) fn total(store: &Store, index: &CaseIndex, spec: &str) -> i64 {
    let (sql, fast) = both(store, index, spec);
    assert_eq!(sql, fast, "index and SQL disagree on {spec:?}");
    fast.headline.total
}

#[test]
fn a_case_written_by_another_connection_reaches_the_index_by_refresh() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let reader = Store::open(&db, Mode::ReadOnly).unwrap();
    let reference = reader.reference().unwrap();
    let mut index = CaseIndex::build(&reader, &reference).unwrap();
    assert_eq!(total(&reader, &index, "asof:2024-02-02"), 47);
    assert_eq!(
        index.refresh(&reader, &reference).unwrap(),
        Refresh::Current
    );

    insert_case(
        &db,
        "999/TM/PL/Kota/23.04/II/2024",
        "64.72",
        "KAMPANYE",
        feb2(),
    );
    assert_eq!(
        index.refresh(&reader, &reference).unwrap(),
        Refresh::Updated(1)
    );
    assert_eq!(total(&reader, &index, "asof:2024-02-02"), 48);
    assert_eq!(
        total(
            &reader,
            &index,
            "asof:2024-02-02 region:samarinda stage:kampanye"
        ),
        {
            let fresh = CaseIndex::build(&reader, &reference).unwrap();
            total(
                &reader,
                &fresh,
                "asof:2024-02-02 region:samarinda stage:kampanye",
            )
        }
    );
}

#[test]
fn status_changes_and_deletions_from_outside_pantau_reach_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let reader = Store::open(&db, Mode::ReadOnly).unwrap();
    let reference = reader.reference().unwrap();
    let mut index = CaseIndex::build(&reader, &reference).unwrap();
    let before = both(&reader, &index, "pemilihan:semua").1.headline;

    // As the sqlite3 shell would: no pantau code involved, only the triggers.
    let writer = rusqlite::Connection::open(&db).unwrap();
    let open: i64 = writer
        .query_row(
            "SELECT id FROM cases WHERE status = 'KLARIFIKASI' ORDER BY id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    writer
        .execute_batch(&format!(
            "BEGIN;
             UPDATE cases SET status = 'PELANGGARAN', jenis_pelanggaran = 'PIDANA' WHERE id = {open};
             INSERT INTO status_history (case_id, from_status, to_status, changed_at, changed_by)
                 VALUES ({open}, 'KLARIFIKASI', 'PELANGGARAN', '2024-11-01 10:00:00', 'uji');
             CREATE TEMP TABLE gone AS SELECT max(id) AS id FROM cases WHERE status <> 'PELANGGARAN';
             DELETE FROM status_history WHERE case_id = (SELECT id FROM gone);
             DELETE FROM cases WHERE id = (SELECT id FROM gone);
             COMMIT;"
        ))
        .unwrap();
    assert_eq!(
        index.refresh(&reader, &reference).unwrap(),
        Refresh::Updated(2)
    );
    let (sql, fast) = both(&reader, &index, "pemilihan:semua");
    assert_eq!(sql, fast);
    assert_eq!(fast.headline.violations, before.violations + 1);
    assert_eq!(fast.headline.total, before.total - 1);
    assert_eq!(fast.headline.total, index.len() as i64);
    // And historical views still see the case's past status.
    for spec in [
        "asof:2024-02-02",
        "asof:2024-10-31 is:open",
        "asof:2024-11-02 type:pidana",
    ] {
        total(&reader, &index, spec);
    }
}

#[test]
fn a_reader_behind_the_pruned_log_rebuilds() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let reader = Store::open(&db, Mode::ReadOnly).unwrap();
    let reference = reader.reference().unwrap();
    let mut index = CaseIndex::build(&reader, &reference).unwrap();
    insert_case(
        &db,
        "998/TM/PL/Kota/23.04/II/2024",
        "64.71",
        "KAMPANYE",
        feb2(),
    );
    let writer = rusqlite::Connection::open(&db).unwrap();
    writer
        .execute(
            "DELETE FROM case_changes WHERE rev < (SELECT max(rev) FROM case_changes)",
            [],
        )
        .unwrap();
    assert_eq!(
        index.refresh(&reader, &reference).unwrap(),
        Refresh::Rebuilt
    );
    assert_eq!(total(&reader, &index, "asof:2024-02-02"), 48);
}

#[test]
fn the_cache_file_round_trips_and_is_never_trusted_blindly() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let store = Store::open(&db, Mode::ReadOnly).unwrap();
    let reference = store.reference().unwrap();
    let index = CaseIndex::build(&store, &reference).unwrap();
    let file = dir.path().join("demo.idx");
    cache::write(&file, &index).unwrap();
    assert_eq!(cache::read(&file).unwrap(), index);

    // Cut short, or one byte changed where it breaks the shape: refused, not believed.
    let bytes = std::fs::read(&file).unwrap();
    std::fs::write(&file, &bytes[..bytes.len() - 3]).unwrap();
    assert!(cache::read(&file).is_err());
    std::fs::write(&file, b"not an index at all").unwrap();
    assert!(cache::read(&file).is_err());

    // An index of another database (a demo rebuilt in its place) does not fit this one.
    let other_dir = tempfile::tempdir().unwrap();
    let other_db = demo_db(other_dir.path());
    let other = Store::open(&other_db, Mode::ReadOnly).unwrap();
    let mut foreign = CaseIndex::build(&other, &reference).unwrap();
    assert_ne!(foreign.database_id, index.database_id);
    assert_eq!(
        foreign.refresh(&store, &reference).unwrap(),
        Refresh::Rebuilt
    );
    assert_eq!(foreign.database_id, index.database_id);
}

#[test]
fn a_view_the_index_cannot_compile_is_answered_by_sql() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let store = Store::open(&db, Mode::ReadOnly).unwrap();
    let reference = store.reference().unwrap();
    let index = CaseIndex::build(&store, &reference).unwrap();
    // Before 1970: outside the index's day range, so SQL answers, and answers the same.
    let view = pantau::view::parse("from:1969-01-01", &reference).unwrap();
    let sql = Engine::new(&store, feb2(), rules(&store)).unwrap();
    let mut fast = Engine::new(&store, feb2(), rules(&store)).unwrap();
    fast.set_index(Some(Arc::new(index)));
    assert_eq!(
        fast.dashboard(&view, Lang::En).unwrap(),
        sql.dashboard(&view, Lang::En).unwrap()
    );
}

#[test]
fn an_index_read_without_histories_answers_current_views_and_leaves_past_ones_to_sql() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let store = Store::open(&db, Mode::ReadOnly).unwrap();
    let reference = store.reference().unwrap();
    let full = CaseIndex::build(&store, &reference).unwrap();
    let file = dir.path().join("demo.idx");
    cache::write(&file, &full).unwrap();
    let light = cache::read_with(&file, false).unwrap();
    assert!(light.without_history && light.history.is_empty());
    // Current views from the light index; past ones go to SQL. Both agree with SQL either way.
    for spec in [
        "",
        "stage:kampanye is:open",
        "asof:2024-02-02",
        "asof:2023-12-31 is:registered",
    ] {
        assert_eq!(
            total(&store, &light, spec),
            total(&store, &full, spec),
            "{spec}"
        );
    }
}
