//! Tests of the demo data: every published figure of both elections read back with plain SQL from
//! a written store, the history invariants of every case, and determinism.

use std::collections::{BTreeMap, HashSet};

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Timelike};
use rusqlite::params;

use super::*;
use crate::domain::election::FIRST_ELECTION;
use crate::domain::{Forwarding, Source, Status, TypeGroup, ViolationType};
use crate::store::Store;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn now() -> NaiveDateTime {
    d(2025, 1, 6).and_hms_opt(9, 0, 0).unwrap()
}

fn written(seed: u64) -> Store {
    let mut store = Store::memory().unwrap();
    let n = write(&mut store, &kaltim(seed), now()).unwrap();
    assert_eq!(store.case_count().unwrap(), n as i64);
    store
}

/// The cases of election `?3` as of `date` with `st` (status as of then: the last history entry on
/// or before the end of that day), `tg` (type group as of then) and `reg` (registered as of then).
const AS_OF: &str = "WITH a AS (SELECT c.*, (SELECT h.to_status FROM status_history h WHERE h.case_id = c.id \
       AND h.changed_at < ?2 ORDER BY h.changed_at DESC, h.id DESC LIMIT 1) AS st \
       FROM cases c WHERE c.tanggal_diterima <= ?1 AND c.election = ?3), \
     b AS (SELECT a.*, CASE WHEN st = 'BUKAN_PELANGGARAN' THEN 'BUKAN_PELANGGARAN' \
       WHEN st = 'PELANGGARAN' THEN COALESCE(jenis_pelanggaran, jenis_dugaan, 'BELUM_DITENTUKAN') \
       ELSE COALESCE(jenis_dugaan, 'BELUM_DITENTUKAN') END AS tg, \
       (tanggal_registrasi IS NOT NULL AND tanggal_registrasi <= ?1) AS reg FROM a) ";

/// `SELECT key, count(*) FROM b [WHERE filter] GROUP BY key` as of `date`, Pemilu 2024's cases.
fn tally(store: &Store, date: NaiveDate, key: &str, filter: &str) -> BTreeMap<String, i64> {
    tally_of(store, FIRST_ELECTION, date, key, filter)
}

/// [`tally`] of the cases of `election`.
fn tally_of(
    store: &Store,
    election: &str,
    date: NaiveDate,
    key: &str,
    filter: &str,
) -> BTreeMap<String, i64> {
    let filter = if filter.is_empty() {
        String::new()
    } else {
        format!("WHERE {filter}")
    };
    let sql = format!("{AS_OF} SELECT {key}, count(*) FROM b {filter} GROUP BY 1");
    let next = (date + Duration::days(1)).to_string();
    let mut stmt = store.conn().prepare(&sql).unwrap();
    stmt.query_map(params![date.to_string(), next, election], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
    })
    .unwrap()
    .map(|r| r.unwrap())
    .collect()
}

fn count(store: &Store, date: NaiveDate, filter: &str) -> i64 {
    count_of(store, FIRST_ELECTION, date, filter)
}

fn count_of(store: &Store, election: &str, date: NaiveDate, filter: &str) -> i64 {
    tally_of(store, election, date, "'all'", filter)
        .get("all")
        .copied()
        .unwrap_or(0)
}

fn map(pairs: &[(&str, i64)]) -> BTreeMap<String, i64> {
    pairs
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(k, n)| (k.to_string(), *n))
        .collect()
}

/// Every published figure of domain.md §5, read with SQL from the written store.
fn check_figures(seed: u64) {
    let store = written(seed);
    let feb2 = d(2024, 2, 2);
    let dec31 = d(2023, 12, 31);

    // 2 Feb 2024: 47 cases, 22 in the campaign stage, the fixture per region.
    assert_eq!(count(&store, feb2, ""), 47, "seed {seed}");
    assert_eq!(
        count(&store, feb2, "kode_tahapan = 'KAMPANYE'"),
        22,
        "seed {seed}"
    );
    let fixture: [(&str, i64, i64, i64); 11] = [
        ("64", 5, 1, 1),
        ("64.71", 6, 8, 8),
        ("64.72", 0, 4, 4),
        ("64.74", 3, 3, 3),
        ("64.02", 3, 2, 2),
        ("64.08", 2, 3, 3),
        ("64.01", 3, 0, 0),
        ("64.09", 1, 1, 0),
        ("64.03", 0, 1, 1),
        ("64.07", 0, 1, 0),
        ("64.11", 0, 0, 0),
    ];
    let to_dec = tally(&store, dec31, "kode_wilayah", "");
    let total = tally(&store, feb2, "kode_wilayah", "");
    let jan = tally(
        &store,
        feb2,
        "kode_wilayah",
        "tanggal_diterima >= '2024-01-01'",
    );
    let camp = tally(&store, feb2, "kode_wilayah", "kode_tahapan = 'KAMPANYE'");
    for (code, dec, jan_n, k) in fixture {
        let get = |m: &BTreeMap<String, i64>| m.get(code).copied().unwrap_or(0);
        assert_eq!(get(&to_dec), dec, "seed {seed}: {code} to 31 Dec");
        assert_eq!(get(&jan), jan_n, "seed {seed}: {code} in January");
        assert_eq!(get(&total), dec + jan_n, "seed {seed}: {code} total");
        assert_eq!(get(&camp), k, "seed {seed}: {code} campaign");
    }
    assert_eq!(
        tally(&store, feb2, "tg", ""),
        map(&[
            ("ADMINISTRASI", 13),
            ("PIDANA", 9),
            ("KODE_ETIK", 8),
            ("HUKUM_LAINNYA", 10),
            ("BUKAN_PELANGGARAN", 5),
            ("BELUM_DITENTUKAN", 2)
        ]),
        "seed {seed}"
    );
    assert_eq!(
        tally(&store, feb2, "kode_tahapan", "kode_tahapan <> 'KAMPANYE'"),
        map(&[
            ("DATA_PEMILIH", 6),
            ("PENCALONAN", 9),
            ("PENDAFTARAN_VERIFIKASI", 2),
            ("LAINNYA", 8)
        ]),
        "seed {seed}"
    );
    assert_eq!(
        tally(&store, feb2, "sumber", ""),
        map(&[("temuan", 29), ("laporan", 18)]),
        "seed {seed}"
    );
    // The campaign's cases begin in December: Balikpapan's temuan of cooking oil and e-money,
    // registered by the year's end and still in handling then; by the pekan-6 release (2–8 Jan
    // 2024) the cooking oil has gone to the police, the e-money follows in pekan 7.
    let december = "kode_tahapan = 'KAMPANYE' AND tanggal_diterima < '2024-01-01'";
    assert_eq!(
        tally(&store, feb2, "kode_wilayah || ':' || sumber", december),
        map(&[("64.71:temuan", 2)]),
        "seed {seed}"
    );
    assert_eq!(
        count(
            &store,
            dec31,
            &format!("{december} AND tanggal_diterima >= '2023-12-01' AND reg")
        ),
        2,
        "seed {seed}: registered in December"
    );
    assert_eq!(
        tally(&store, dec31, "st", december),
        tally(
            &store,
            dec31,
            "st",
            &format!(
                "{december} AND st IN ('DIREGISTRASI', 'KLARIFIKASI', 'KAJIAN', 'PEMBAHASAN_GAKKUMDU')"
            )
        ),
        "seed {seed}: in handling at the year's end"
    );
    let forwarded = |date: NaiveDate, what: &str| {
        count(
            &store,
            date,
            &format!(
                "{december} AND st = 'PELANGGARAN' AND diteruskan_ke = 'GAKKUMDU' AND uraian LIKE '%{what}%'"
            ),
        )
    };
    assert_eq!(forwarded(d(2024, 1, 3), "minyak goreng"), 0, "seed {seed}");
    assert_eq!(forwarded(d(2024, 1, 8), "minyak goreng"), 1, "seed {seed}");
    assert_eq!(
        forwarded(d(2024, 1, 8), "uang elektronik"),
        0,
        "seed {seed}"
    );
    assert_eq!(forwarded(feb2, "uang elektronik"), 1, "seed {seed}");

    // Year-end 2023: 23 = 14 temuan + 9 laporan; 17 registered; 6 laporan not registered.
    assert_eq!(count(&store, dec31, ""), 23, "seed {seed}");
    assert_eq!(
        tally(&store, dec31, "sumber", ""),
        map(&[("temuan", 14), ("laporan", 9)]),
        "seed {seed}"
    );
    assert_eq!(count(&store, dec31, "reg"), 17, "seed {seed}");
    assert_eq!(
        count(&store, dec31, "reg AND sumber = 'temuan'"),
        14,
        "seed {seed}"
    );
    assert_eq!(
        count(&store, dec31, "reg AND sumber = 'laporan'"),
        3,
        "seed {seed}"
    );
    assert_eq!(
        count(
            &store,
            dec31,
            "NOT reg AND sumber = 'laporan' AND st = 'TIDAK_DIREGISTRASI'"
        ),
        6,
        "seed {seed}"
    );
    let per_office = tally(&store, dec31, "kode_wilayah || ':' || sumber", "");
    assert_eq!(
        per_office,
        map(&[
            ("64:laporan", 3),
            ("64:temuan", 2),
            ("64.71:laporan", 3),
            ("64.71:temuan", 3),
            ("64.01:temuan", 3),
            ("64.02:laporan", 1),
            ("64.02:temuan", 2),
            ("64.74:laporan", 2),
            ("64.74:temuan", 1),
            ("64.08:temuan", 2),
            ("64.09:temuan", 1),
        ]),
        "seed {seed}"
    );
    let types = tally(&store, dec31, "tg", "");
    let get = |k: &str| types.get(k).copied().unwrap_or(0);
    assert_eq!(
        (
            get("ADMINISTRASI"),
            get("KODE_ETIK"),
            get("PIDANA"),
            get("HUKUM_LAINNYA")
        ),
        (9, 5, 5, 2),
        "seed {seed}"
    );
    assert_eq!(
        get("BUKAN_PELANGGARAN") + get("BELUM_DITENTUKAN"),
        2,
        "seed {seed}: {types:?}"
    );

    // A week later the campaign figure is still 22.
    assert_eq!(
        count(&store, d(2024, 2, 9), "kode_tahapan = 'KAMPANYE'"),
        22,
        "seed {seed}"
    );

    // The rest of the election, to a total of 150–300.
    let all = count(&store, d(2030, 1, 1), "");
    assert!((150..=300).contains(&all), "{all}");
    for stage in [
        "MASA_TENANG",
        "PUNGUT_HITUNG",
        "REKAPITULASI",
        "PENETAPAN_HASIL",
        "SUMPAH_JANJI",
    ] {
        assert!(
            count(&store, d(2025, 1, 1), &format!("kode_tahapan = '{stage}'")) > 0,
            "{stage}"
        );
    }
    let psu = tally(
        &store,
        d(2025, 1, 1),
        "kode_wilayah",
        "uraian LIKE '%pemungutan suara ulang%'",
    );
    let psu: HashSet<&str> = psu.keys().map(String::as_str).collect();
    assert_eq!(
        psu,
        HashSet::from(["64.07", "64.72", "64.08", "64.02", "64.03", "64.71"])
    );

    check_activities(&store, seed);
}

/// The campaign activities of domain.md §8, read back through the store's API.
fn check_activities(store: &Store, seed: u64) {
    let rows = store.activity_rows(FIRST_ELECTION, 1..=10).unwrap();
    let sum = |f: &dyn Fn(&crate::store::activities::ActivityRow) -> bool| -> i64 {
        rows.iter().filter(|r| f(r)).map(|r| r.count).sum()
    };
    let pekan = |p: u32| sum(&|r| r.pekan == p);
    let region = |p: u32, code: &str| sum(&|r| r.pekan == p && r.region == code);
    let kind = |p: u32, k: &str| sum(&|r| r.pekan == p && r.contestant == k);

    // Every pekan's release, and what the published figures imply for the others.
    for (p, n) in [
        (1, 139),
        (2, 288),
        (4, 497),
        (6, 705),
        (7, 923),
        (8, 1_214),
        (9, 997),
        (10, 1_491),
    ] {
        assert_eq!(pekan(p), n, "seed {seed}: pekan {p}");
    }
    assert_eq!(kind(3, "PARTAI"), 472, "seed {seed}: parties in pekan 3");
    assert!(
        pekan(3) > 472 && pekan(3) < 520,
        "seed {seed}: {}",
        pekan(3)
    );
    assert_eq!(
        (kind(1, "PARTAI"), kind(1, "DPD"), kind(1, "PRESIDEN")),
        (138, 1, 0),
        "seed {seed}: pekan 1 by contestant"
    );
    // 2,495 since the campaign began by 8 Jan 2024, the last day of pekan 6; 7,120 in all.
    let period = crate::engine::campaign::period(&crate::domain::Reference::embedded()).unwrap();
    assert_eq!(period.pekan(6).unwrap().ends, d(2024, 1, 8));
    let by = |n: u32| -> i64 {
        store
            .campaign_activity(FIRST_ELECTION, 1..=n)
            .unwrap()
            .iter()
            .map(|(_, a)| a.total())
            .sum()
    };
    assert_eq!(by(6), 2_495, "seed {seed}");
    assert_eq!(by(10), 7_120, "seed {seed}");

    // The regional splits of the releases.
    let exact: [(u32, &[(&str, i64)]); 4] = [
        (
            1,
            &[("64.03", 42), ("64.02", 31), ("64.74", 16), ("64.72", 3)],
        ),
        (
            2,
            &[
                ("64.03", 80),
                ("64.02", 73),
                ("64.01", 25),
                ("64.74", 24),
                ("64.71", 24),
                ("64.72", 15),
            ],
        ),
        (
            4,
            &[
                ("64.03", 137),
                ("64.02", 123),
                ("64.71", 89),
                ("64.74", 58),
                ("64.08", 24),
                ("64.01", 21),
                ("64.72", 19),
                ("64.07", 9),
                ("64.11", 8),
                ("64.09", 7),
                ("64", 2),
            ],
        ),
        (10, &[("64.03", 426), ("64.07", 293)]),
    ];
    for (p, figures) in exact {
        for (code, n) in figures {
            assert_eq!(region(p, code), *n, "seed {seed}: pekan {p}, {code}");
        }
    }
    let codes: Vec<&str> = crate::demo::places::OFFICES
        .iter()
        .map(|o| o.code)
        .collect();
    for code in &codes {
        if *code != "64.72" {
            assert!(
                region(1, code) > 3,
                "seed {seed}: Samarinda the fewest in pekan 1"
            );
        }
    }
    // Berau and Kukar busiest in the first six pekan; Balikpapan, Kukar, Berau in pekan 7.
    for p in 1..=6 {
        let least = region(p, "64.03").min(region(p, "64.02"));
        for code in codes.iter().filter(|c| !["64.03", "64.02"].contains(c)) {
            assert!(region(p, code) < least, "seed {seed}: pekan {p}, {code}");
        }
    }
    let (bpp, kukar, berau) = (region(7, "64.71"), region(7, "64.02"), region(7, "64.03"));
    assert!(
        bpp >= kukar && kukar >= berau,
        "seed {seed}: {bpp} {kukar} {berau}"
    );
    for code in codes
        .iter()
        .filter(|c| !["64.71", "64.02", "64.03"].contains(c))
    {
        assert!(region(7, code) < berau, "seed {seed}: pekan 7, {code}");
    }

    // Methods over the campaign; rallies only from 21 Jan 2024 (pekan 9 and 10).
    let method = |m: &str| sum(&|r| r.method == m);
    assert_eq!(
        [
            method("PERTEMUAN_TERBATAS"),
            method("TATAP_MUKA"),
            method("RAPAT_UMUM"),
            method("LAINNYA")
        ],
        [5_600, 1_500, 5, 15],
        "seed {seed}"
    );
    assert_eq!(
        sum(&|r| r.method == "RAPAT_UMUM" && r.pekan >= 9),
        5,
        "seed {seed}"
    );
    // Parties most, DPD candidates some, presidential pairs some.
    let all = |k: &str| sum(&|r| r.contestant == k);
    assert_eq!(
        all("PARTAI") + all("DPD") + all("PRESIDEN"),
        7_120,
        "seed {seed}"
    );
    assert!(all("PARTAI") > 6_000 && all("DPD") > 50 && all("PRESIDEN") > 50);
    assert!(rows.iter().all(|r| r.count > 0 && r.party.is_empty()));
    // Few enough figures for the demo database to stay under 1 MiB.
    assert!(rows.len() <= 330, "seed {seed}: {} figures", rows.len());
}

#[test]
fn the_published_figures_hold_for_the_default_seed() {
    check_figures(2024);
    check_pilkada(&written(2024), 2024);
}

#[test]
fn the_published_figures_hold_for_any_seed() {
    // PANTAU_DEMO_SEEDS=N checks seeds 0..N as well.
    let extra: u64 = std::env::var("PANTAU_DEMO_SEEDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    for seed in [0, 1, 7, 42, 99, 12345, u64::MAX]
        .into_iter()
        .chain(0..extra)
    {
        check_figures(seed);
        check_pilkada(&written(seed), seed);
    }
}

#[test]
fn the_same_seed_gives_the_same_data_and_another_seed_other_texts() {
    let a = kaltim(7);
    assert_eq!(a, kaltim(7));
    let b = kaltim(8);
    assert_eq!(a.cases.len(), b.cases.len());
    assert_ne!(
        a.cases.iter().map(|c| &c.case.uraian).collect::<Vec<_>>(),
        b.cases.iter().map(|c| &c.case.uraian).collect::<Vec<_>>()
    );
    assert_ne!(a.activity, b.activity);
}

#[test]
fn every_history_follows_the_procedure() {
    use Status::*;
    let allowed = |from: Status, to: Status| -> bool {
        matches!(
            (from, to),
            (InformasiAwal, Penelusuran)
                | (Penelusuran, Diregistrasi)
                | (Diterima, KajianAwal)
                | (
                    KajianAwal,
                    PerbaikanSyarat | Diregistrasi | TidakDiregistrasi | Dicabut
                )
                | (PerbaikanSyarat, Diregistrasi | TidakDiregistrasi | Dicabut)
                | (Diregistrasi, Klarifikasi)
                | (Klarifikasi, Kajian | Dihentikan)
                | (
                    Kajian,
                    PembahasanGakkumdu | Pelanggaran | BukanPelanggaran | Dihentikan
                )
                | (
                    PembahasanGakkumdu,
                    Pelanggaran | BukanPelanggaran | Dihentikan
                )
        )
    };
    for seed in (0..40).chain([2024]) {
        let demo = kaltim(seed);
        let mut nomor = HashSet::new();
        let mut reg = HashSet::new();
        for DemoCase {
            case: c,
            history: h,
            ..
        } in &demo.cases
        {
            let id = &c.nomor;
            assert!(nomor.insert(c.nomor.clone()), "duplicate {id}");
            assert!(!h.is_empty(), "{id}");
            assert_eq!(h[0].from, None, "{id}");
            assert_eq!(h[0].at.date(), c.tanggal_diterima, "{id}");
            let first_ok = match c.sumber {
                Source::Laporan => h[0].to == Diterima,
                Source::Temuan => matches!(h[0].to, InformasiAwal | Penelusuran),
            };
            assert!(first_ok, "{id}: starts with {:?}", h[0].to);
            for w in h.windows(2) {
                assert!(w[0].at < w[1].at, "{id}: not in time order");
                assert_eq!(w[1].from, Some(w[0].to), "{id}");
                assert!(
                    allowed(w[0].to, w[1].to),
                    "{id}: {:?} -> {:?}",
                    w[0].to,
                    w[1].to
                );
            }
            for e in h {
                assert!((7..=23).contains(&e.at.hour()), "{id}: {}", e.at);
                assert!(!e.by.is_empty());
            }
            assert_eq!(h.last().unwrap().to, c.status, "{id}");
            let reg_entry = h.iter().find(|e| e.to == Diregistrasi).map(|e| e.at.date());
            assert_eq!(reg_entry, c.tanggal_registrasi, "{id}");
            assert_eq!(
                c.nomor_registrasi.is_some(),
                c.tanggal_registrasi.is_some(),
                "{id}"
            );
            if let Some(r) = &c.nomor_registrasi {
                assert!(reg.insert(r.clone()), "duplicate {r}");
            }
            if c.status == Pelanggaran {
                let t = c
                    .jenis_pelanggaran
                    .unwrap_or_else(|| panic!("{id}: no type"));
                assert!(c.diteruskan_ke.is_some(), "{id}");
                assert!(c.nomor_surat_penerusan.is_some(), "{id}");
                assert!(
                    c.tanggal_penerusan.is_some_and(|p| p >= c.tanggal_diterima),
                    "{id}"
                );
                let fwd = c.diteruskan_ke.unwrap();
                match t {
                    ViolationType::Administrasi => assert_eq!(fwd, Forwarding::Kpu),
                    ViolationType::Pidana => assert_eq!(fwd, Forwarding::Gakkumdu),
                    ViolationType::KodeEtik => assert!(matches!(
                        fwd,
                        Forwarding::Kpu | Forwarding::Dkpp | Forwarding::Bawaslu
                    )),
                    ViolationType::HukumLainnya => {
                        assert!(matches!(fwd, Forwarding::Kasn | Forwarding::InstansiLain))
                    }
                    _ => {}
                }
            } else {
                assert!(
                    c.jenis_pelanggaran.is_none() && c.diteruskan_ke.is_none(),
                    "{id}"
                );
            }
            assert_eq!(c.sumber == Source::Laporan, c.pelapor.is_some(), "{id}");
            let (e, k) = (c.tanggal_kejadian.unwrap(), c.tanggal_diketahui.unwrap());
            assert!(
                e <= k && k <= c.tanggal_diterima,
                "{id}: {e} {k} {}",
                c.tanggal_diterima
            );
            let sentences = c.uraian.matches(". ").count() + 1;
            assert!((2..=5).contains(&sentences), "{id}: {}", c.uraian);
            assert!(
                c.kecamatan.is_some() && c.terlapor.is_some() && c.pasal.is_some(),
                "{id}"
            );
        }
    }
}

#[test]
fn numbers_follow_the_bawaslu_pattern() {
    let demo = kaltim(2024);
    let first = &demo.cases[0].case;
    assert!(first.nomor.starts_with("001/"), "{}", first.nomor);
    let balikpapan = demo
        .cases
        .iter()
        .find(|c| c.case.kode_wilayah == "64.71" && c.case.tanggal_diterima.year() == 2024);
    let nomor = &balikpapan.unwrap().case.nomor;
    assert!(
        nomor.contains("/PL/Kota/23.05/") && nomor.ends_with("/2024"),
        "{nomor}"
    );
    assert!(
        demo.cases
            .iter()
            .any(|c| c.case.nomor.contains("/LP/PL/Prov/23.00/"))
    );
}

#[test]
fn the_kukar_asn_case_went_to_kasn_on_31_january() {
    let demo = kaltim(2024);
    let c = demo
        .cases
        .iter()
        .find(|c| c.case.uraian.contains("11 ASN"))
        .unwrap();
    assert_eq!(c.case.kode_wilayah, "64.02");
    assert_eq!(c.case.diteruskan_ke, Some(Forwarding::Kasn));
    assert_eq!(c.case.tanggal_penerusan, Some(d(2024, 1, 31)));
    assert_eq!(
        Case::type_group(c.case.status, c.case.jenis_dugaan, c.case.jenis_pelanggaran),
        TypeGroup::HukumLainnya
    );
}

#[test]
fn the_activity_recap_covers_every_office_and_pekan() {
    let demo = kaltim(5);
    let activity = demo.activity_of(FIRST_ELECTION);
    for code in [
        "64", "64.71", "64.72", "64.74", "64.02", "64.08", "64.01", "64.09", "64.03", "64.07",
        "64.11",
    ] {
        let pekan: HashSet<u32> = activity
            .iter()
            .filter(|a| a.region == code)
            .map(|a| a.pekan)
            .collect();
        assert_eq!(pekan, (1..=10).collect(), "{code}");
    }
    let per_region = |code: &str| {
        activity
            .iter()
            .filter(|a| a.region == code)
            .map(|a| a.count)
            .sum::<i64>()
    };
    let total: i64 = activity.iter().map(|a| a.count).sum();
    assert_eq!(total, 7_120);
    let mahulu = per_region("64.11");
    for code in [
        "64", "64.71", "64.72", "64.74", "64.02", "64.08", "64.01", "64.09", "64.03", "64.07",
    ] {
        assert!(per_region(code) > mahulu, "{code}");
    }
    for big in ["64.72", "64.71", "64.02"] {
        assert!(per_region(big) > per_region("64.08"), "{big}");
    }
}

#[test]
fn write_records_one_demo_batch() {
    let store = written(3);
    let (kind, by, name, total): (String, String, String, i64) = store
        .conn()
        .query_row(
            "SELECT kind, imported_by, source_name, rows_total FROM import_batches",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!(
        (kind.as_str(), by.as_str(), name.as_str()),
        ("demo", "pantau demo", "demo seed 3")
    );
    assert_eq!(total, store.case_count().unwrap());
    let fts: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM cases_fts WHERE cases_fts MATCH 'minyak'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(fts > 0);
}

#[test]
fn the_2023_ethics_cases_took_the_ad_hoc_routes_and_dkpp_hears_only_members() {
    use crate::domain::PartyCategory;
    for seed in [0, 7, 2024] {
        let demo = kaltim(seed);
        let ethics_2023: Vec<_> = demo
            .cases
            .iter()
            .map(|c| &c.case)
            .filter(|c| c.tanggal_diterima.year() == 2023)
            .filter(|c| c.jenis_pelanggaran.or(c.jenis_dugaan) == Some(ViolationType::KodeEtik))
            .collect();
        assert!(!ethics_2023.is_empty());
        for c in &ethics_2023 {
            assert_ne!(c.diteruskan_ke, Some(Forwarding::Dkpp), "{}", c.nomor);
            assert!(
                matches!(
                    c.kategori_terlapor,
                    Some(PartyCategory::PenyelenggaraAdhoc | PartyCategory::PengawasAdhoc)
                ),
                "{}",
                c.nomor
            );
        }
        for c in demo.cases.iter().map(|c| &c.case) {
            if let Some(t) = c.jenis_pelanggaran {
                // Every forwarding follows the rule on the type and who was reported.
                assert_eq!(
                    c.diteruskan_ke,
                    t.forwarding(c.kategori_terlapor),
                    "{}",
                    c.nomor
                );
            }
        }
    }
}

#[test]
fn forwarded_cases_have_plausible_steps_and_no_count_moves() {
    use crate::domain::FollowUpStep;
    let demo = kaltim(2024);
    let mut seen: HashSet<FollowUpStep> = HashSet::new();
    for c in &demo.cases {
        if c.case.diteruskan_ke.is_none() {
            assert!(c.follow_ups.is_empty(), "{}", c.case.nomor);
        }
        for f in &c.follow_ups {
            assert_eq!(c.case.check_follow_up(f), Ok(()), "{}", c.case.nomor);
            seen.insert(f.step);
        }
    }
    for step in [
        FollowUpStep::Penyidikan,
        FollowUpStep::Sp3,
        FollowUpStep::Persidangan,
        FollowUpStep::Putusan,
        FollowUpStep::KeputusanKpu,
        FollowUpStep::RekomendasiInstansi,
        FollowUpStep::PerbaikanKpu,
    ] {
        assert!(seen.contains(&step), "{step:?}");
    }
    // A Balikpapan money-politics crime was tried and sentenced, with the court's case number.
    let verdict = demo
        .cases
        .iter()
        .find(|c| {
            c.case.kode_wilayah == "64.71"
                && c.case.uraian.to_lowercase().contains("kampanye")
                && c.follow_ups.iter().any(|f| f.step == FollowUpStep::Putusan)
        })
        .expect("a Balikpapan verdict");
    let f = verdict
        .follow_ups
        .iter()
        .find(|f| f.step == FollowUpStep::Putusan)
        .unwrap();
    assert!(
        f.reference
            .as_deref()
            .is_some_and(|r| r.ends_with("/Pid.Sus/2024/PN Bpp")),
        "{f:?}"
    );
    // Steps are written with the cases, and change none of the figures the demo reproduces.
    let store = written(2024);
    let steps: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM follow_ups", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        steps,
        demo.cases
            .iter()
            .map(|c| c.follow_ups.len() as i64)
            .sum::<i64>()
    );
    let feb2: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM cases WHERE tanggal_diterima <= '2024-02-02'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(feb2, 47);
}

/// Every published figure of Pilkada 2024 (domain.md §7 and §8), read with SQL from the written
/// store.
fn check_pilkada(store: &Store, seed: u64) {
    const E: &str = pilkada::ELECTION;
    let tally = |date: NaiveDate, key: &str, filter: &str| tally_of(store, E, date, key, filter);
    let count = |date: NaiveDate, filter: &str| count_of(store, E, date, filter);

    // 21 Oct 2024: 3 laporan at the provincial office, 20 at the kab/kota offices, of ethics,
    // administrative and criminal violations, most still in handling.
    let oct21 = d(2024, 10, 21);
    let laporan = "sumber = 'laporan'";
    let by_office = tally(oct21, "kode_wilayah", laporan);
    assert_eq!(by_office.get("64"), Some(&3), "seed {seed}: {by_office:?}");
    assert_eq!(
        by_office.values().sum::<i64>() - 3,
        20,
        "seed {seed}: {by_office:?}"
    );
    assert_eq!(
        tally(oct21, "tg", laporan),
        map(&[("ADMINISTRASI", 8), ("KODE_ETIK", 6), ("PIDANA", 9)]),
        "seed {seed}"
    );
    let open = count(
        oct21,
        &format!(
            "{laporan} AND st NOT IN ('PELANGGARAN', 'BUKAN_PELANGGARAN', 'DIHENTIKAN', 'TIDAK_DIREGISTRASI', 'DICABUT')"
        ),
    );
    assert_eq!(open, 13, "seed {seed}: most in process");

    // Before the campaign: the Pilkada's own stages of candidacy, besides the voter list and the
    // ad-hoc bodies; all of them temuan.
    let sep24 = d(2024, 9, 24);
    assert_eq!(
        tally(sep24, "kode_tahapan || ':' || sumber", ""),
        map(&[
            ("DUKUNGAN_PERSEORANGAN:temuan", 1),
            ("DATA_PEMILIH:temuan", 2),
            ("PENDAFTARAN_PASLON:temuan", 1),
            ("PENELITIAN_PERSYARATAN:temuan", 1),
            ("LAINNYA:temuan", 1)
        ]),
        "seed {seed}"
    );
    // Every case happened within its stage's dates, and those of a stage before the campaign were
    // received within them too (money of the quiet period is reported after voting day).
    let mut stmt = store
        .conn()
        .prepare(
            "SELECT c.nomor, c.kode_tahapan, c.tanggal_kejadian, c.tanggal_diterima, s.starts_on, s.ends_on \
             FROM cases c JOIN stages s ON s.election = c.election AND s.code = c.kode_tahapan \
             WHERE c.election = ?1 AND s.starts_on IS NOT NULL",
        )
        .unwrap();
    let rows: Vec<(String, String, NaiveDate, NaiveDate, NaiveDate, NaiveDate)> = stmt
        .query_map([E], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert!(rows.len() > 100, "seed {seed}");
    for (nomor, stage, event, received, starts, ends) in rows {
        assert!(
            starts <= event && event <= ends,
            "seed {seed}: {nomor} {stage} {event}"
        );
        if ends < d(2024, 9, 25) {
            assert!(
                starts <= received && received <= ends,
                "seed {seed}: {nomor} {stage} {received}"
            );
        }
    }

    // 13 Nov 2024: 43 suspected violations, ASN neutrality the commonest.
    let nov13 = d(2024, 11, 13);
    assert_eq!(count(nov13, ""), 43, "seed {seed}");
    let asn = count(nov13, "uraian LIKE '%netralitas ASN%'");
    assert_eq!(asn, 14, "seed {seed}");
    let types = tally(nov13, "tg", "");
    let hl = types["HUKUM_LAINNYA"];
    for (t, n) in &types {
        if t != "HUKUM_LAINNYA" {
            assert!(*n < asn && *n < hl, "seed {seed}: {types:?}");
        }
    }

    // 26 Nov 2024: 59 laporan since 25 Sep 2024, none before.
    let nov26 = d(2024, 11, 26);
    assert_eq!(count(nov26, laporan), 59, "seed {seed}");
    assert_eq!(
        count(
            nov26,
            &format!("{laporan} AND tanggal_diterima >= '2024-09-25'")
        ),
        59,
        "seed {seed}"
    );

    // 1 Dec 2024: re-votes recommended at 10 TPS in 6 regions, each an administrative violation
    // forwarded to KPU; five held on 2–3 Dec, Balikpapan's two declined.
    let dec1 = d(2024, 12, 1);
    let psu = "uraian LIKE '%pemungutan suara ulang%'";
    assert_eq!(
        tally(dec1, "kode_wilayah", psu),
        map(&[
            ("64.72", 2),
            ("64.71", 2),
            ("64.09", 2),
            ("64.08", 2),
            ("64.74", 1),
            ("64.02", 1)
        ]),
        "seed {seed}"
    );
    assert_eq!(
        tally(
            dec1,
            "sumber || ':' || st || ':' || jenis_pelanggaran || ':' || diteruskan_ke",
            psu
        ),
        map(&[("temuan:PELANGGARAN:ADMINISTRASI:KPU", 10)]),
        "seed {seed}"
    );
    let held = tally(
        d(2024, 12, 3),
        "kode_wilayah",
        &format!(
            "{psu} AND EXISTS (SELECT 1 FROM follow_ups f WHERE f.case_id = b.id AND f.step = 'PERBAIKAN_KPU' \
             AND f.happened_on BETWEEN '2024-12-02' AND '2024-12-03')"
        ),
    );
    assert_eq!(
        held,
        map(&[("64.72", 1), ("64.09", 2), ("64.08", 2)]),
        "seed {seed}"
    );
    assert_eq!(
        tally(
            d(2025, 1, 21),
            "kode_wilayah",
            &format!("{psu} AND uraian LIKE '%tidak melaksanakan%'")
        ),
        map(&[("64.71", 2)]),
        "seed {seed}"
    );

    // 21 Jan 2025: 16 money-politics laporan received after voting day, all stopped.
    let jan21 = d(2025, 1, 21);
    let after = "sumber = 'laporan' AND tanggal_diterima > '2024-11-27'";
    assert_eq!(
        tally(jan21, "st", after),
        map(&[("DIHENTIKAN", 16)]),
        "seed {seed}"
    );
    assert_eq!(
        count(jan21, &format!("{after} AND uraian LIKE '%politik uang%'")),
        16,
        "seed {seed}"
    );
    assert_eq!(
        count(
            jan21,
            "sumber = 'laporan' AND tanggal_diterima = '2024-11-27'"
        ),
        0,
        "seed {seed}"
    );

    check_pilkada_activities(store, seed);
}

/// Pilkada 2024's campaign activities of domain.md §8, read back through the store's API.
fn check_pilkada_activities(store: &Store, seed: u64) {
    use crate::demo::pilkada::activity::{BONTANG_PAIRS, OFFICES, PEKAN_1, pair_label};
    let rows = store.activity_rows(pilkada::ELECTION, 1..=8).unwrap();
    let sum = |f: &dyn Fn(&crate::store::activities::ActivityRow) -> bool| -> i64 {
        rows.iter().filter(|r| f(r)).map(|r| r.count).sum()
    };
    assert!(rows.iter().all(|r| r.count > 0 && r.pekan <= 8));
    // Pekan 1: 348 with the published split, 245 face-to-face; none at the provincial office.
    assert_eq!(sum(&|r| r.pekan == 1), 348, "seed {seed}");
    for (code, n) in OFFICES.iter().zip(PEKAN_1) {
        assert_eq!(
            sum(&|r| r.pekan == 1 && r.region == *code),
            n,
            "seed {seed}: {code}"
        );
    }
    assert_eq!(sum(&|r| r.region == "64"), 0, "seed {seed}");
    assert_eq!(
        sum(&|r| r.pekan == 1 && r.method == "TATAP_MUKA"),
        245,
        "seed {seed}"
    );
    // 2–15 Oct: 994, 67 for the governor's race; Balikpapan 216 the most, Kutai Timur 18 the fewest.
    let oct = |r: &crate::store::activities::ActivityRow| (2..=3).contains(&r.pekan);
    assert_eq!(sum(&oct), 994, "seed {seed}");
    assert_eq!(
        sum(&|r| oct(r) && r.contestant == "GUBERNUR"),
        67,
        "seed {seed}"
    );
    assert_eq!(
        sum(&|r| oct(r) && r.contestant == "BUPATI_WALIKOTA"),
        927,
        "seed {seed}"
    );
    for code in OFFICES {
        let n = sum(&|r| oct(r) && r.region == code);
        match code {
            "64.71" => assert_eq!(n, 216, "seed {seed}"),
            "64.08" => assert_eq!(n, 18, "seed {seed}"),
            _ => assert!(n > 18 && n < 216, "seed {seed}: {code} {n}"),
        }
    }
    // The whole campaign: Bontang 724 (its pairs 240, 211, 177, 76), Balikpapan 770.
    assert_eq!(sum(&|r| r.region == "64.74"), 724, "seed {seed}");
    assert_eq!(sum(&|r| r.region == "64.71"), 770, "seed {seed}");
    for (i, n) in BONTANG_PAIRS.iter().enumerate() {
        let pair = pair_label("WALIKOTA_BONTANG", i + 1);
        assert_eq!(
            sum(&|r| r.region == "64.74" && r.party == pair),
            *n,
            "seed {seed}: {pair}"
        );
    }
    // Every method is one of Pilkada 2024's, every pair one of its race's.
    let reference = crate::domain::Reference::embedded();
    let election = reference.election(pilkada::ELECTION).unwrap();
    for r in &rows {
        assert!(election.methods.iter().any(|m| m.code == r.method), "{r:?}");
        let (contest, n) = r.party.split_once('/').unwrap();
        let contest = election.contest(contest).unwrap();
        let n: u32 = n.parse().unwrap();
        assert!(n >= 1 && n <= contest.pairs.unwrap(), "{r:?}");
        let governor = contest.region.as_deref() == Some("64");
        assert_eq!(governor, r.contestant == "GUBERNUR", "{r:?}");
        assert!(
            governor || contest.region.as_deref() == Some(r.region.as_str()),
            "{r:?}"
        );
    }
    // Few enough figures for the demo database to stay small.
    assert!(rows.len() <= 1_200, "seed {seed}: {} figures", rows.len());
}

#[test]
fn pilkada_cases_carry_their_election_race_and_pb_numbers() {
    for seed in [0, 7, 2024] {
        let demo = kaltim(seed);
        let reference = crate::domain::Reference::embedded();
        let pilkada: Vec<&Case> = demo
            .cases
            .iter()
            .map(|c| &c.case)
            .filter(|c| c.election == pilkada::ELECTION)
            .collect();
        assert!(pilkada.len() > 100, "{}", pilkada.len());
        // Pemilu 2024's cases first, then Pilkada 2024's.
        let first = demo
            .cases
            .iter()
            .position(|c| c.case.election == pilkada::ELECTION)
            .unwrap();
        assert!(
            demo.cases[first..]
                .iter()
                .all(|c| c.case.election == pilkada::ELECTION)
        );
        let election = reference.election(pilkada::ELECTION).unwrap();
        for c in pilkada {
            let id = &c.nomor;
            assert!(id.contains("/PB/"), "{id}");
            assert!(
                c.nomor_registrasi
                    .as_deref()
                    .is_none_or(|r| r.contains("/PB/")),
                "{id}"
            );
            assert!(election.stage(&c.kode_tahapan).is_some(), "{id}");
            assert!(c.tanggal_diterima >= d(2024, 5, 5), "{id}");
            if let Some(k) = &c.kontestasi {
                let contest = election.contest(k).unwrap();
                let region = contest.region.as_deref().unwrap();
                assert!(region == "64" || region == c.kode_wilayah, "{id}: {k}");
                if c.kode_wilayah == "64" {
                    assert_eq!(k, "GUBERNUR", "{id}");
                }
            }
            // Civil servants go to BKN, village heads to the bupati.
            if c.jenis_pelanggaran == Some(ViolationType::HukumLainnya) {
                let to = c.diteruskan_ke.unwrap();
                match c.kategori_terlapor {
                    Some(crate::domain::PartyCategory::Asn) => assert_eq!(to, Forwarding::Kasn),
                    _ => assert_eq!(to, Forwarding::InstansiLain, "{id}"),
                }
            }
        }
        // Every Pemilu 2024 case still carries PL.
        assert!(
            demo.cases
                .iter()
                .filter(|c| c.case.election == FIRST_ELECTION)
                .all(|c| c.case.nomor.contains("/PL/"))
        );
    }
}

#[test]
fn pilkada_cases_are_decided_within_its_calendar_day_limits() {
    for seed in [0, 1, 7, 42, 2024] {
        let demo = kaltim(seed);
        for c in demo
            .cases
            .iter()
            .filter(|c| c.case.election == pilkada::ELECTION)
        {
            let first = c.history[0].at.date();
            let last = c.history.last().unwrap().at.date();
            assert!(!c.case.status.is_open(), "{}", c.case.nomor);
            let days = (last - first).num_days();
            assert!(days <= 5, "seed {seed}: {} took {days} days", c.case.nomor);
            assert_eq!(
                c.case.diperpanjang,
                c.case.tanggal_registrasi.is_some() && days > 3
            );
        }
    }
}

#[test]
fn pilkada_forwardings_go_where_they_went() {
    use crate::domain::FollowUpStep;
    let demo = kaltim(2024);
    let pilkada: Vec<&DemoCase> = demo
        .cases
        .iter()
        .filter(|c| c.case.election == pilkada::ELECTION)
        .collect();
    // ASN neutrality to BKN, with BKN's recommendation afterwards.
    let asn = pilkada
        .iter()
        .find(|c| {
            c.case.diteruskan_ke == Some(Forwarding::Kasn)
                && c.follow_ups
                    .iter()
                    .any(|f| f.step == FollowUpStep::RekomendasiInstansi)
        })
        .expect("an ASN case with BKN's recommendation");
    assert!(asn.case.uraian.contains("netralitas ASN"));
    let note = asn.history.last().unwrap().note.as_deref().unwrap();
    assert!(note.contains("Badan Kepegawaian Negara (BKN)"), "{note}");
    // Balikpapan's obstructed campaign: investigated, prosecuted, tried and sentenced.
    let obstruction = pilkada
        .iter()
        .find(|c| c.case.kode_wilayah == "64.71" && c.case.uraian.contains("menghalang-halangi"))
        .unwrap();
    let steps: Vec<FollowUpStep> = obstruction.follow_ups.iter().map(|f| f.step).collect();
    assert_eq!(
        steps,
        [
            FollowUpStep::Penyidikan,
            FollowUpStep::Penuntutan,
            FollowUpStep::Persidangan,
            FollowUpStep::Putusan
        ]
    );
    assert_eq!(
        obstruction.case.kontestasi.as_deref(),
        Some("WALIKOTA_BALIKPAPAN")
    );
    let verdict = obstruction.follow_ups.last().unwrap();
    assert!(
        verdict
            .reference
            .as_deref()
            .is_some_and(|r| r.ends_with("/Pid.Sus/2024/PN Bpp")),
        "{verdict:?}"
    );
    // No other Pilkada crime reached a verdict; every step fits its case.
    for c in &pilkada {
        for f in &c.follow_ups {
            assert_eq!(c.case.check_follow_up(f), Ok(()), "{}", c.case.nomor);
        }
        if !std::ptr::eq(*c, *obstruction) {
            assert!(
                c.follow_ups.iter().all(|f| f.step != FollowUpStep::Putusan),
                "{}",
                c.case.nomor
            );
        }
    }
}

#[test]
fn every_case_happened_at_a_place_of_the_region_tree_and_the_re_votes_at_their_tps() {
    let r = Reference::embedded();
    for seed in [2024, 7] {
        let demo = kaltim(seed);
        for d in &demo.cases {
            let c = &d.case;
            let k = c
                .kode_kecamatan
                .as_deref()
                .unwrap_or_else(|| panic!("{}", c.nomor));
            let kec = r.kecamatan(k).unwrap_or_else(|| panic!("{}: {k}", c.nomor));
            assert_eq!(
                c.kecamatan.as_deref(),
                Some(kec.name.as_str()),
                "{}",
                c.nomor
            );
            assert!(
                k.starts_with(&format!("{}.", c.kode_wilayah)) || c.kode_wilayah == "64",
                "{}: Kec. {} outside {}",
                c.nomor,
                kec.name,
                c.kode_wilayah
            );
            if let Some(desa) = &c.kode_desa {
                let desa = r.desa(desa).unwrap_or_else(|| panic!("{}", c.nomor));
                assert_eq!(desa.kecamatan, k, "{}", c.nomor);
                let texts = [Some(&c.uraian), c.terlapor.as_ref(), c.pelapor.as_ref()];
                assert!(
                    texts.into_iter().flatten().any(|t| t.contains(&desa.name)),
                    "{}: its texts name the desa",
                    c.nomor
                );
            }
            if let Some(n) = c.tps {
                assert!(c.kode_desa.is_some(), "{}: a TPS within its desa", c.nomor);
                let named = format!("TPS {n}");
                let padded = format!("TPS {n:03}");
                assert!(
                    c.uraian.contains(&named) || c.uraian.contains(&padded),
                    "{}",
                    c.nomor
                );
            }
        }
        // Pilkada 2024's ten re-votes at their own TPS, as published where KPU named them.
        let psu: Vec<&Case> = demo
            .cases
            .iter()
            .map(|d| &d.case)
            .filter(|c| {
                c.election != FIRST_ELECTION && c.uraian.contains("pemungutan suara ulang di TPS")
            })
            .collect();
        assert_eq!(psu.len(), 10);
        let at = |kec: &str, desa: &str, tps: u16| {
            psu.iter().any(|c| {
                c.kecamatan.as_deref() == Some(kec)
                    && c.kode_desa
                        .as_deref()
                        .and_then(|d| r.desa(d))
                        .is_some_and(|d| d.name == desa)
                    && c.tps == Some(tps)
            })
        };
        assert!(at("Samarinda Kota", "Bugis", 1));
        assert!(at("Babulu", "Babulu Darat", 4) && at("Babulu", "Babulu Darat", 15));
        assert!(at("Sangatta Utara", "Singa Gembara", 15));
        assert!(at("Sangatta Utara", "Sangatta Utara", 88));
        assert!(at("Balikpapan Timur", "Manggar", 34));
        assert!(at("Balikpapan Utara", "Graha Indah", 57));
        // Pemilu 2024's re-votes too.
        let pemilu_psu = demo
            .cases
            .iter()
            .map(|d| &d.case)
            .filter(|c| {
                c.election == FIRST_ELECTION
                    && c.uraian.contains("merekomendasikan pemungutan suara ulang")
            })
            .collect::<Vec<_>>();
        assert_eq!(pemilu_psu.len(), 9);
        assert!(
            pemilu_psu
                .iter()
                .all(|c| c.tps.is_some() && c.kode_desa.is_some())
        );
    }
}
