//! Tests of the synthetic generator: national shares, dates, histories, full-text index,
//! cancellation, and the 1,000,000-case benchmark (ignored by default).

use super::*;

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2025, 1, 6)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap()
}

fn share(store: &Store, filter: &str, of: &str) -> f64 {
    let q = |w: &str| -> f64 {
        store
            .conn()
            .query_row(&format!("SELECT count(*) FROM cases WHERE {w}"), [], |r| {
                r.get::<_, i64>(0)
            })
            .unwrap() as f64
    };
    q(&format!("({of}) AND ({filter})")) / q(of)
}

fn near(got: f64, want: f64, tol: f64, what: &str) {
    assert!(
        (got - want).abs() <= tol,
        "{what}: got {got:.3}, want {want:.3} ± {tol}"
    );
}

#[test]
fn synthetic_cases_have_the_national_shares() {
    let mut store = Store::memory().unwrap();
    let mut calls = 0;
    let n = synthetic(
        &mut store,
        20_000,
        11,
        now(),
        &mut |_| calls += 1,
        &AtomicBool::new(false),
    )
    .unwrap();
    assert_eq!(n, 20_000);
    assert_eq!(store.case_count().unwrap(), 20_000);
    assert!(calls >= 3, "{calls}");
    near(
        share(&store, "sumber = 'laporan'", "1"),
        1116.0 / 1722.0,
        0.015,
        "laporan",
    );
    near(
        share(
            &store,
            "tanggal_registrasi IS NOT NULL",
            "sumber = 'laporan'",
        ),
        1.0 / 3.0,
        0.02,
        "laporan registered",
    );
    assert!(
        share(
            &store,
            "tanggal_registrasi IS NOT NULL",
            "sumber = 'temuan'"
        ) > 0.95
    );
    let reg = "tanggal_registrasi IS NOT NULL";
    near(
        share(&store, "status = 'PELANGGARAN'", reg),
        468.0 / 973.0,
        0.02,
        "violations",
    );
    near(
        share(&store, "status = 'BUKAN_PELANGGARAN'", reg),
        299.0 / 973.0,
        0.02,
        "not violations",
    );
    near(
        share(
            &store,
            "status NOT IN ('PELANGGARAN', 'BUKAN_PELANGGARAN')",
            reg,
        ),
        206.0 / 973.0,
        0.02,
        "in process",
    );
    let proven = "status = 'PELANGGARAN'";
    for (t, want) in [
        ("KODE_ETIK", 0.52),
        ("HUKUM_LAINNYA", 0.26),
        ("ADMINISTRASI", 0.13),
        ("PIDANA", 0.08),
    ] {
        near(
            share(&store, &format!("jenis_pelanggaran = '{t}'"), proven),
            want,
            0.03,
            t,
        );
    }
    let camp = "status = 'PELANGGARAN' AND kode_tahapan = 'KAMPANYE'";
    for (t, want) in [
        ("HUKUM_LAINNYA", 0.51),
        ("KODE_ETIK", 0.23),
        ("PIDANA", 0.22),
        ("ADMINISTRASI", 0.04),
    ] {
        near(
            share(&store, &format!("jenis_pelanggaran = '{t}'"), camp),
            want,
            0.04,
            t,
        );
    }
    // Every region and every stage of each election is used; dates stay within the election's
    // period (Pemilu 2024: 2022-06 … 2024-10; Pilkada 2024: May … a week after its tabulation) and
    // the stage's dates.
    let distinct = |col: &str| -> i64 {
        store
            .conn()
            .query_row(
                &format!("SELECT count(DISTINCT {col}) FROM cases"),
                [],
                |r| r.get(0),
            )
            .unwrap()
    };
    assert_eq!(distinct("kode_wilayah"), 11);
    assert_eq!(distinct("election"), 2);
    let pilkada_stages = 12;
    assert_eq!(
        distinct("election || ' ' || kode_tahapan"),
        13 + pilkada_stages
    );
    let bad: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM cases c JOIN stages s ON s.election = c.election AND s.code = c.kode_tahapan \
             WHERE (c.election = 'PEMILU2024' AND (c.tanggal_diterima < '2022-06-01' OR c.tanggal_diterima > '2024-10-31')) \
             OR (c.election = 'PILKADA2024' AND (c.tanggal_diterima < '2024-05-05' OR c.tanggal_diterima > '2024-12-23')) \
             OR (s.starts_on IS NOT NULL AND c.tanggal_kejadian < s.starts_on) \
             OR c.tanggal_kejadian > c.tanggal_diketahui OR c.tanggal_diketahui > c.tanggal_diterima",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(bad, 0);
    // Histories: 2–5 entries, the first on the day received, the last the current status.
    let bad: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM cases c WHERE (SELECT count(*) FROM status_history h WHERE h.case_id = c.id) NOT BETWEEN 2 AND 5 \
             OR (SELECT substr(min(changed_at), 1, 10) FROM status_history h WHERE h.case_id = c.id) <> c.tanggal_diterima \
             OR (SELECT to_status FROM status_history h WHERE h.case_id = c.id ORDER BY changed_at DESC, id DESC LIMIT 1) <> c.status",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(bad, 0);
    // Full-text search finds the template words, and the trigger is back for later inserts.
    let hits = |w: &str| -> i64 {
        store
            .conn()
            .query_row(
                "SELECT count(*) FROM cases_fts WHERE cases_fts MATCH ?1",
                [w],
                |r| r.get(0),
            )
            .unwrap()
    };
    assert!(hits("\"politik uang\"") > 100);
    assert!(hits("minyak") > 10);
    assert!(hits("ASN") > 100);
    let trigger = |store: &Store| -> String {
        store
            .conn()
            .query_row(
                "SELECT sql FROM sqlite_schema WHERE name = 'cases_fts_insert'",
                [],
                |r| r.get(0),
            )
            .unwrap()
    };
    let created = trigger(&Store::memory().unwrap());
    assert_eq!(trigger(&store), created, "as the schema creates it");
}

#[test]
fn both_fts_strategies_give_the_same_index() {
    let count = |rebuild: bool| {
        let mut store = Store::memory().unwrap();
        load(
            &mut store,
            3_000,
            5,
            now(),
            &mut |_| {},
            &AtomicBool::new(false),
            rebuild,
        )
        .unwrap();
        let q =
            "SELECT count(*) FROM cases_fts WHERE cases_fts MATCH 'kampanye OR ASN OR Samarinda'";
        store
            .conn()
            .query_row(q, [], |r| r.get::<_, i64>(0))
            .unwrap()
    };
    assert_eq!(count(true), count(false));
}

#[test]
fn cancelling_leaves_the_database_as_it_was() {
    let mut store = Store::memory().unwrap();
    crate::demo::write(&mut store, &crate::demo::kaltim(1), now()).unwrap();
    let before = store.case_count().unwrap();
    let schema = |store: &Store| -> Vec<(String, Option<String>)> {
        let mut s = store
            .conn()
            .prepare("SELECT name, sql FROM sqlite_schema ORDER BY name")
            .unwrap();
        s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let tables = schema(&store);
    let cancel = AtomicBool::new(false);
    let mut seen = 0;
    let r = synthetic(
        &mut store,
        50_000,
        1,
        now(),
        &mut |done| {
            seen = done;
            if done >= 20_000 {
                cancel.store(true, Ordering::SeqCst);
            }
        },
        &cancel,
    );
    assert!(
        matches!(r, Err(Error::Failed { ref message, .. }) if message.contains("cancelled")),
        "{r:?}"
    );
    assert_eq!(seen, 20_000);
    assert_eq!(store.case_count().unwrap(), before);
    let batches: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM import_batches", [], |r| r.get(0))
        .unwrap();
    assert_eq!(batches, 1);
    assert_eq!(
        schema(&store),
        tables,
        "every trigger and index the load set aside is back"
    );

    // Into an empty database the indexes of `cases` are set aside too: back as well.
    let mut empty = Store::memory().unwrap();
    let tables = schema(&empty);
    let cancel = AtomicBool::new(false);
    let r = synthetic(
        &mut empty,
        40_000,
        1,
        now(),
        &mut |done| {
            if done >= 20_000 {
                cancel.store(true, Ordering::SeqCst);
            }
        },
        &cancel,
    );
    assert!(r.is_err());
    assert_eq!(empty.case_count().unwrap(), 0);
    assert_eq!(schema(&empty), tables);

    let mut empty = Store::memory().unwrap();
    let r = synthetic(
        &mut empty,
        10,
        1,
        now(),
        &mut |_| {},
        &AtomicBool::new(true),
    );
    assert!(r.is_err());
    assert_eq!(empty.case_count().unwrap(), 0);
}

#[test]
fn synthetic_ids_continue_after_existing_cases() {
    let mut store = Store::memory().unwrap();
    synthetic(
        &mut store,
        100,
        1,
        now(),
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .unwrap();
    synthetic(
        &mut store,
        100,
        2,
        now(),
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .unwrap();
    assert_eq!(store.case_count().unwrap(), 200);
}

#[test]
fn synthetic_activities_follow_the_pekan_of_the_kaltim_demo_at_scale() {
    for (n, factor) in [(50, 1), (2_000, 10)] {
        let mut store = Store::memory().unwrap();
        synthetic(
            &mut store,
            n,
            3,
            now(),
            &mut |_| {},
            &AtomicBool::new(false),
        )
        .unwrap();
        assert_eq!(activity_factor(n), factor);
        let rows = store
            .activity_rows(crate::domain::election::FIRST_ELECTION, 1..=10)
            .unwrap();
        for (p, published) in crate::demo::activity::PEKAN.iter().enumerate() {
            let got: i64 = rows
                .iter()
                .filter(|r| r.pekan as usize == p + 1)
                .map(|r| r.count)
                .sum();
            assert_eq!(got, published * factor, "{n} cases, pekan {}", p + 1);
        }
        let berau_p1: i64 = rows
            .iter()
            .filter(|r| r.pekan == 1 && r.region == "64.03")
            .map(|r| r.count)
            .sum();
        assert_eq!(berau_p1, 42 * factor);
    }
}

#[test]
fn synthetic_cases_are_spread_over_both_elections_each_under_its_own_calendar_and_races() {
    let mut store = Store::memory().unwrap();
    synthetic(
        &mut store,
        6_000,
        4,
        now(),
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .unwrap();
    let count = |sql: &str| -> i64 { store.conn().query_row(sql, [], |r| r.get(0)).unwrap() };
    let pemilu = count("SELECT count(*) FROM cases WHERE election = 'PEMILU2024'");
    let pilkada = count("SELECT count(*) FROM cases WHERE election = 'PILKADA2024'");
    assert_eq!(pemilu + pilkada, 6_000);
    near(
        pilkada as f64 / 6_000.0,
        1.0 / 3.0,
        0.03,
        "Pilkada 2024's share",
    );
    // The election's own stages: pair registration is Pilkada's, the parties' verification
    // Pemilu's; Pilkada's voting day is its own.
    let under = |e: &str, stage: &str| {
        count(&format!(
            "SELECT count(*) FROM cases WHERE election = '{e}' AND kode_tahapan = '{stage}'"
        ))
    };
    assert!(under("PILKADA2024", "PENDAFTARAN_PASLON") > 0);
    assert_eq!(under("PILKADA2024", "PENDAFTARAN_VERIFIKASI"), 0);
    assert!(under("PEMILU2024", "PENDAFTARAN_VERIFIKASI") > 0);
    assert_eq!(
        count(
            "SELECT count(*) FROM cases WHERE election = 'PILKADA2024' AND kode_tahapan = 'PUNGUT_HITUNG' \
             AND tanggal_kejadian < '2024-11-27'"
        ),
        0
    );
    let shares: Vec<u32> = PILKADA_STAGE_SHARE.iter().map(|s| s.1).collect();
    near(
        under("PILKADA2024", "KAMPANYE") as f64 / pilkada as f64,
        300.0 / f64::from(shares.iter().sum::<u32>()),
        0.03,
        "Pilkada campaign cases",
    );
    // Received in Pilkada's campaign when of its campaign: 25 Sep … a week after 23 Nov 2024.
    assert_eq!(
        count(
            "SELECT count(*) FROM cases WHERE election = 'PILKADA2024' AND kode_tahapan = 'KAMPANYE' \
             AND (tanggal_diterima < '2024-09-25' OR tanggal_diterima > '2024-11-30')"
        ),
        0
    );
    // Case numbers carry the election's segment.
    assert_eq!(
        count(
            "SELECT count(*) FROM cases WHERE NOT ((election = 'PEMILU2024' AND nomor LIKE '%/PL/%') \
             OR (election = 'PILKADA2024' AND nomor LIKE '%/PB/%'))"
        ),
        0
    );
    // Campaign cases belong to a race their office handles: the governor's or their own region's.
    assert_eq!(
        count("SELECT count(*) FROM cases WHERE kode_tahapan = 'KAMPANYE' AND kontestasi IS NULL"),
        0
    );
    assert_eq!(
        count(
            "SELECT count(*) FROM cases c JOIN contests k ON k.election = c.election \
             AND k.code = c.kontestasi WHERE k.region IS NOT NULL AND k.region <> c.kode_wilayah \
             AND k.region <> '64'"
        ),
        0
    );
    assert!(
        count(
            "SELECT count(*) FROM cases WHERE election = 'PILKADA2024' \
             AND kontestasi = 'WALIKOTA_SAMARINDA' AND kode_wilayah = '64.72'"
        ) > 0
    );
    // Pilkada cases cite the Pilkada law (or the organisers' code of ethics), never the Pemilu law.
    assert_eq!(
        count(
            "SELECT count(*) FROM cases WHERE election = 'PILKADA2024' \
             AND pasal NOT LIKE '%UU 10/2016%' AND pasal NOT LIKE '%DKPP%'"
        ),
        0
    );
    assert!(
        count("SELECT count(*) FROM cases WHERE election = 'PILKADA2024' AND pasal LIKE '%187A%'")
            > 0
    );
}
