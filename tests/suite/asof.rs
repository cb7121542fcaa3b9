//! "How did things stand at the 31 Jan meeting?": as-of answers checked by hand on a small history.

use chrono::{NaiveDate, NaiveDateTime};
use pantau::domain::{
    Case, DayCount, DeadlineRules, Reference, Source, Status, StatusChange, ViolationType,
};
use pantau::engine::{Dim, Engine};
use pantau::i18n::Lang;
use pantau::store::Store;
use pantau::view::{DateExpr, Flag, Term, TermKind, View};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

fn change(from: Option<Status>, to: Status, when: &str) -> StatusChange {
    StatusChange {
        from,
        to,
        at: at(when),
        by: "Bawaslu Kota Balikpapan".into(),
        note: None,
    }
}

/// Three cases:
/// A: laporan received 2024-01-10, registered 2024-01-12, decided PIDANA violation 2024-02-05.
/// B: temuan received 2024-01-20 (known 2024-01-18), still tracing — its 7-day limit ends 2024-01-25.
/// C: laporan received 2024-02-01, not registered on 2024-02-02.
fn store() -> Store {
    let mut store = Store::memory().unwrap();
    let tx = store.conn_mut().transaction().unwrap();
    let mut a = Case::new(
        "PEMILU2024",
        "A",
        Source::Laporan,
        "64.71",
        "KAMPANYE",
        d("2024-01-10"),
    );
    a.tanggal_registrasi = Some(d("2024-01-12"));
    a.jenis_dugaan = Some(ViolationType::Pidana);
    a.jenis_pelanggaran = Some(ViolationType::Pidana);
    a.status = Status::Pelanggaran;
    let ha = vec![
        change(None, Status::Diterima, "2024-01-10 09:00"),
        change(
            Some(Status::Diterima),
            Status::KajianAwal,
            "2024-01-11 10:00",
        ),
        change(
            Some(Status::KajianAwal),
            Status::Diregistrasi,
            "2024-01-12 15:00",
        ),
        change(
            Some(Status::Diregistrasi),
            Status::Klarifikasi,
            "2024-01-15 09:00",
        ),
        change(
            Some(Status::Klarifikasi),
            Status::Pelanggaran,
            "2024-02-05 16:30",
        ),
    ];
    let mut b = Case::new(
        "PEMILU2024",
        "B",
        Source::Temuan,
        "64.72",
        "KAMPANYE",
        d("2024-01-20"),
    );
    b.tanggal_diketahui = Some(d("2024-01-18"));
    b.jenis_dugaan = Some(ViolationType::HukumLainnya);
    let hb = vec![change(None, Status::Penelusuran, "2024-01-20 11:00")];
    let mut c = Case::new(
        "PEMILU2024",
        "C",
        Source::Laporan,
        "64.71",
        "LAINNYA",
        d("2024-02-01"),
    );
    c.status = Status::TidakDiregistrasi;
    let hc = vec![
        change(None, Status::Diterima, "2024-02-01 08:00"),
        change(
            Some(Status::Diterima),
            Status::TidakDiregistrasi,
            "2024-02-02 17:00",
        ),
    ];
    for (case, h) in [(a, ha), (b, hb), (c, hc)] {
        pantau::store::write::insert_case(&tx, &case, &h, None, at("2024-03-01 00:00")).unwrap();
    }
    tx.commit().unwrap();
    store
}

fn as_of(date: &str) -> View {
    View {
        as_of: Some(DateExpr::Date(d(date))),
        ..View::default()
    }
}

fn with(mut v: View, kind: TermKind) -> View {
    v.terms.push(Term {
        negated: false,
        kind,
    });
    v
}

fn engine(store: &Store) -> Engine<'_> {
    let r = Reference::embedded();
    Engine::new(
        store,
        d("2024-03-01"),
        DeadlineRules::new(DayCount::Calendar, r.holidays.iter().map(|h| h.date)),
    )
    .unwrap()
}

#[test]
fn the_31_january_meeting_saw_two_cases_one_registered_one_overdue() {
    let s = store();
    let e = engine(&s);
    let h = e.headline(&as_of("2024-01-31")).unwrap();
    assert_eq!(h.total, 2, "C was received on 1 Feb");
    assert_eq!(h.registered, 1);
    assert_eq!(h.violations, 0, "A was decided on 5 Feb");
    assert_eq!(h.in_process, 2);
    // A: registered 12 Jan, 7 days → 19 Jan, still in clarification on 31 Jan: overdue.
    // B: known 18 Jan, 7 days → 25 Jan, still tracing: overdue.
    assert_eq!(h.overdue, 2);
    let status = e
        .group(&as_of("2024-01-31"), Dim::Status, Lang::En)
        .unwrap();
    let count = |k: &str| status.iter().find(|g| g.key == k).unwrap().count;
    assert_eq!(count("KLARIFIKASI"), 1);
    assert_eq!(count("PENELUSURAN"), 1);
    assert_eq!(count("PELANGGARAN"), 0);
}

#[test]
fn a_status_changed_late_on_a_day_counts_on_that_day() {
    let s = store();
    let e = engine(&s);
    let v = with(
        as_of("2024-02-02"),
        TermKind::Status(vec![Status::TidakDiregistrasi]),
    );
    assert_eq!(
        e.headline(&v).unwrap().total,
        1,
        "C changed at 17:00 on 2 Feb"
    );
    let v = with(
        as_of("2024-02-01"),
        TermKind::Status(vec![Status::TidakDiregistrasi]),
    );
    assert_eq!(e.headline(&v).unwrap().total, 0);
}

#[test]
fn after_the_decision_the_type_is_the_proven_one() {
    let s = store();
    let e = engine(&s);
    let v = with(as_of("2024-02-05"), TermKind::Is(Flag::Violation));
    assert_eq!(e.headline(&v).unwrap().total, 1);
    let h = e.headline(&as_of("2024-02-05")).unwrap();
    assert_eq!(
        (h.total, h.violations, h.overdue),
        (3, 1, 1),
        "only B is still open and late"
    );
    let types = e.group(&as_of("2024-02-05"), Dim::Type, Lang::En).unwrap();
    let count = |k: &str| types.iter().find(|g| g.key == k).unwrap().count;
    assert_eq!(count("PIDANA"), 1);
    assert_eq!(count("HUKUM_LAINNYA"), 1);
    // C never had a type and was not registered: closed without a decision, never in process.
    assert_eq!(count("TIDAK_DITINDAKLANJUTI"), 1, "C was not registered");
    assert_eq!(count("BELUM_DITENTUKAN"), 0, "no open case lacks a type");
}

#[test]
fn without_an_as_of_date_the_current_status_counts() {
    let s = store();
    let e = engine(&s);
    let h = e.headline(&View::default()).unwrap();
    assert_eq!((h.total, h.violations, h.in_process), (3, 1, 1));
}
