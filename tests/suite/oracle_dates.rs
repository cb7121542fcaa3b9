//! The oracle on the days where the as-of forms of the SQL path could slip: for a few cases built
//! by hand (several status changes in one day, two at the same instant, a history that begins
//! after receipt, transfers in one day and to a Panwaslu Kecamatan, deadlines and filing limits
//! in working and calendar days, extended or not), SQL, the column index and the brute force
//! agree on every count and page for every as-of date around them, day by day.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use pantau::domain::{
    Case, DayCount, DeadlineRules, Reference, Source, Status, StatusChange, ViolationType,
};
use pantau::engine::Engine;
use pantau::store::Store;
use pantau::view::{DateExpr, View};

use crate::oracle::{Fixture, Stored, brute, check, index_of, today};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(d: NaiveDate, h: u32, m: u32) -> NaiveDateTime {
    d.and_hms_opt(h, m, 0).unwrap()
}

/// One hand-made case: its election, source, office, stage, received and known days, and its
/// status changes (time, status) in the order recorded.
struct Made {
    election: &'static str,
    source: Source,
    office: &'static str,
    stage: &'static str,
    received: NaiveDate,
    known: Option<NaiveDate>,
    extended: bool,
    changes: Vec<(NaiveDateTime, Status)>,
    /// Transfers in the order recorded: the day, from and to which office.
    moves: Vec<(NaiveDate, &'static str, &'static str)>,
}

fn made() -> Vec<Made> {
    let pemilu = |received, known, changes, moves| Made {
        election: "PEMILU2024",
        source: Source::Laporan,
        office: "64.72",
        stage: "KAMPANYE",
        received,
        known,
        extended: false,
        changes,
        moves,
    };
    let pilkada = |source, received, known, extended, changes, moves| Made {
        election: "PILKADA2024",
        source,
        office: "64.71",
        stage: "KAMPANYE",
        received,
        known,
        extended,
        changes,
        moves,
    };
    let jan = |d| day(2024, 1, d);
    let oct = |d| day(2024, 10, d);
    vec![
        // Two changes in the morning of one day, two at the same instant (the one recorded
        // last counts), registered on the 12th, decided later; known long before: late under
        // Pemilu's working days.
        pemilu(
            jan(10),
            Some(day(2023, 12, 28)),
            vec![
                (at(jan(10), 9, 0), Status::Diterima),
                (at(jan(10), 15, 0), Status::KajianAwal),
                (at(jan(12), 10, 0), Status::Diregistrasi),
                (at(jan(12), 10, 0), Status::Klarifikasi),
                (at(jan(30), 8, 0), Status::Pelanggaran),
            ],
            vec![],
        ),
        // A history that begins three days after receipt: before it, the current status.
        pemilu(
            jan(15),
            None,
            vec![(at(jan(18), 9, 0), Status::PerbaikanSyarat)],
            vec![],
        ),
        // Transferred twice in one day (the one recorded last counts), then to a Panwaslu
        // Kecamatan, whose handling region is its kabupaten/kota.
        pemilu(
            jan(3),
            Some(jan(2)),
            vec![
                (at(jan(3), 9, 0), Status::Diterima),
                (at(jan(5), 9, 0), Status::Diregistrasi),
            ],
            vec![
                (jan(8), "64.72", "64.71"),
                (jan(8), "64.71", "64.02"),
                (jan(20), "64.02", "64.72.03"),
            ],
        ),
        // A lead: its clock runs from the day known.
        pemilu(
            jan(22),
            Some(jan(17)),
            vec![(at(jan(22), 9, 0), Status::Penelusuran)],
            vec![],
        ),
        // Pilkada, extended, decided from receipt in calendar days; transferred on a day asked.
        pilkada(
            Source::Temuan,
            day(2024, 9, 30),
            Some(day(2024, 9, 28)),
            true,
            vec![
                (at(day(2024, 9, 30), 9, 0), Status::Penelusuran),
                (at(oct(3), 9, 0), Status::Diregistrasi),
                (at(oct(3), 16, 0), Status::Kajian),
            ],
            vec![(oct(5), "64.71", "64.72")],
        ),
        // Filed on the 7th calendar day after it was known (in time), and on the 8th (late).
        pilkada(
            Source::Laporan,
            oct(8),
            Some(oct(1)),
            false,
            vec![(at(oct(8), 9, 0), Status::Diregistrasi)],
            vec![],
        ),
        pilkada(
            Source::Laporan,
            oct(9),
            Some(oct(1)),
            false,
            vec![(at(oct(9), 9, 0), Status::Klarifikasi)],
            vec![],
        ),
    ]
}

fn fixture() -> Fixture {
    let mut store = Store::memory().unwrap();
    let reference = Reference::embedded();
    let rules = DeadlineRules::new(DayCount::Working, reference.holidays.iter().map(|h| h.date));
    let tx = store.conn_mut().transaction().unwrap();
    let mut cases = Vec::new();
    for (i, m) in made().into_iter().enumerate() {
        let office = m.moves.last().map_or(m.office, |(_, _, to)| *to);
        let mut case = Case::new(
            m.election,
            &format!("{i:03}/DATES"),
            m.source,
            office,
            m.stage,
            m.received,
        );
        case.tanggal_diketahui = m.known;
        case.diperpanjang = m.extended;
        case.jenis_dugaan = Some(ViolationType::ALL[0]);
        let mut history = Vec::new();
        for (when, to) in &m.changes {
            if *to == Status::Diregistrasi && case.tanggal_registrasi.is_none() {
                case.tanggal_registrasi = Some(when.date());
            }
            history.push(StatusChange {
                from: history.last().map(|h: &StatusChange| h.to),
                to: *to,
                at: *when,
                by: "t".into(),
                note: None,
            });
            case.status = *to;
        }
        let id = pantau::store::write::insert_case(&tx, &case, &history, None, at(today(), 9, 0))
            .unwrap();
        for (on, from, to) in &m.moves {
            tx.execute(
                "INSERT INTO handling_history (case_id, on_date, from_office, to_office, kind, \
                 changed_at, changed_by) VALUES (?1, ?2, ?3, ?4, 'dilimpahkan', '2024-03-01 00:00:00', 't')",
                rusqlite::params![id, on.to_string(), from, to],
            )
            .unwrap();
        }
        cases.push(Stored {
            id,
            case,
            history,
            steps: Vec::new(),
            moves: m
                .moves
                .iter()
                .map(|(on, from, to)| (*on, from.to_string(), to.to_string()))
                .collect(),
        });
    }
    tx.commit().unwrap();
    Fixture {
        store,
        cases,
        rules,
    }
}

/// Every day from the first case's receipt to a month after the last status change, under
/// views that read the status, the deadline, the filing limit and the office as of that day.
#[test]
fn sql_the_index_and_the_brute_force_agree_on_every_day_around_the_history() {
    let fx = fixture();
    let reference = Reference::embedded();
    let sql = Engine::new(&fx.store, today(), fx.rules.clone()).unwrap();
    let mut indexed = Engine::new(&fx.store, today(), fx.rules.clone()).unwrap();
    indexed.set_index(Some(index_of(&fx)));
    let specs = [
        "pemilihan:semua",
        "pemilihan:semua is:lewat",
        "pemilihan:semua is:terlambat",
        "pemilihan:semua -is:terlambat is:terbuka",
        "pemilihan:semua status:klarifikasi,kajian_awal,perbaikan_syarat",
        "pemilihan:semua wilayah:samarinda",
        "pemilihan:semua wilayah:balikpapan,paser",
        "pemilihan:semua is:dilimpahkan",
    ];
    let (mut overdue, mut late, mut moved) = (0, 0, 0);
    for (first, last) in [
        (day(2024, 1, 2), day(2024, 3, 1)),
        (day(2024, 9, 29), day(2024, 10, 31)),
    ] {
        let mut d = first;
        while d <= last {
            for spec in specs {
                let mut view: View = pantau::view::parse(spec, &reference).unwrap();
                view.as_of = Some(DateExpr::Date(d));
                let want = brute(&fx.cases, &view, &fx.rules).len() as i64;
                let got = sql.headline(&view).unwrap().total;
                assert_eq!(got, want, "SQL, {spec} per:{d}");
                assert_eq!(
                    indexed.headline(&view).unwrap().total,
                    want,
                    "index, {spec} per:{d}"
                );
                // Every count and page too, for the views that read the status and the deadline.
                if spec == specs[0] || spec == specs[1] {
                    check(&sql, &fx, &view).unwrap();
                    check(&indexed, &fx, &view).unwrap();
                }
                match spec {
                    "pemilihan:semua is:lewat" => overdue += want,
                    "pemilihan:semua is:terlambat" => late += want,
                    "pemilihan:semua is:dilimpahkan" => moved += want,
                    _ => {}
                }
            }
            d += Duration::days(1);
        }
    }
    // The sweep met overdue, late and transferred cases (and so the days around each).
    assert!(
        overdue > 0 && late > 0 && moved > 0,
        "{overdue} {late} {moved}"
    );
}
