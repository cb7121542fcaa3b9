//! The demo database written by the binary holds every figure Bawaslu Kaltim published: the cases
//! through `pantau report`, the campaign activities of each pekan's release through the store
//! (for several seeds) and through `pantau report --by pekan`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::Value;

use pantau::store::{Mode, Store};

use crate::demo_support::{demo_db, groups, map, pantau, report_json};

/// Seeds the figures are checked for: the default one and a few others.
const SEEDS: [u64; 3] = [2024, 7, 31_337];

/// `pantau report --format json --as-of DATE --by BY [--view VIEW]`.
fn report(db: &Path, as_of: &str, by: &str, view: &str) -> Value {
    report_json(db, &["--as-of", as_of, "--by", by, "--view", view])
}

#[test]
fn the_published_case_figures_hold_through_the_report() {
    let dir = tempfile::tempdir().unwrap();
    for seed in SEEDS {
        let db = demo_db(&dir, seed);
        let at = |as_of: &str, by: &str, view: &str| groups(&report(&db, as_of, by, view));

        // Year-end 2023: 23 = 14 temuan + 9 laporan, 17 registered, by office and type.
        let year_end = report(&db, "2023-12-31", "region", "");
        assert_eq!(year_end["total"], 23, "seed {seed}");
        assert_eq!(year_end["headline"]["registered"], 17, "seed {seed}");
        assert_eq!(
            groups(&year_end),
            map(&[
                ("64", 5),
                ("64.71", 6),
                ("64.01", 3),
                ("64.02", 3),
                ("64.74", 3),
                ("64.08", 2),
                ("64.09", 1)
            ]),
            "seed {seed}"
        );
        assert_eq!(
            at("2023-12-31", "source", ""),
            map(&[("temuan", 14), ("laporan", 9)]),
            "seed {seed}"
        );
        let types = at("2023-12-31", "type", "");
        assert_eq!(
            ["ADMINISTRASI", "KODE_ETIK", "PIDANA", "HUKUM_LAINNYA"].map(|t| types[t]),
            [9, 5, 5, 2],
            "seed {seed}"
        );

        // The campaign's first cases: Balikpapan's two temuan of December, the cooking oil
        // forwarded to the police by the pekan-6 release (2–8 Jan 2024).
        let december = report(&db, "2023-12-31", "region", "tahapan:kampanye");
        assert_eq!(groups(&december), map(&[("64.71", 2)]), "seed {seed}");
        assert_eq!(
            at("2023-12-31", "source", "tahapan:kampanye"),
            map(&[("temuan", 2)]),
            "seed {seed}"
        );
        assert_eq!(
            at(
                "2024-01-08",
                "status",
                "tahapan:kampanye to:2023-12-31 minyak"
            ),
            map(&[("PELANGGARAN", 1)]),
            "seed {seed}"
        );

        // 2 Feb 2024: 47 cases, 22 in the campaign stage, per office, type, stage and source.
        let feb2 = report(&db, "2024-02-02", "region", "");
        assert_eq!(feb2["total"], 47, "seed {seed}");
        assert_eq!(
            groups(&feb2),
            map(&[
                ("64", 6),
                ("64.71", 14),
                ("64.72", 4),
                ("64.74", 6),
                ("64.02", 5),
                ("64.08", 5),
                ("64.01", 3),
                ("64.09", 2),
                ("64.03", 1),
                ("64.07", 1)
            ]),
            "seed {seed}"
        );
        assert_eq!(
            at("2024-02-02", "region", "tahapan:kampanye"),
            map(&[
                ("64", 1),
                ("64.71", 8),
                ("64.72", 4),
                ("64.74", 3),
                ("64.02", 2),
                ("64.08", 3),
                ("64.03", 1)
            ]),
            "seed {seed}"
        );
        assert_eq!(
            at("2024-02-02", "type", ""),
            map(&[
                ("ADMINISTRASI", 13),
                ("PIDANA", 9),
                ("KODE_ETIK", 8),
                ("HUKUM_LAINNYA", 10),
                ("BUKAN_PELANGGARAN", 5),
                // The two "in process" of the fixture: one open without a type yet, one closed
                // without a decision or a suspected type (never counted as in process).
                ("BELUM_DITENTUKAN", 1),
                ("TIDAK_DITINDAKLANJUTI", 1)
            ]),
            "seed {seed}"
        );
        assert_eq!(
            at("2024-02-02", "stage", ""),
            map(&[
                ("DATA_PEMILIH", 6),
                ("PENCALONAN", 9),
                ("PENDAFTARAN_VERIFIKASI", 2),
                ("LAINNYA", 8),
                ("KAMPANYE", 22)
            ]),
            "seed {seed}"
        );
        assert_eq!(
            at("2024-02-02", "source", ""),
            map(&[("temuan", 29), ("laporan", 18)]),
            "seed {seed}"
        );
        // 9 Feb 2024: still 22 in the campaign stage.
        assert_eq!(at("2024-02-09", "stage", "")["KAMPANYE"], 22, "seed {seed}");
        // The re-votes recommended after voting day (14 Feb 2024), read before Pilkada 2024
        // began (its own re-votes are demo_pilkada's).
        let psu: BTreeSet<String> = at("2024-04-30", "region", "\"pemungutan suara ulang\"")
            .into_keys()
            .collect();
        assert_eq!(
            psu,
            ["64.02", "64.03", "64.07", "64.08", "64.71", "64.72"]
                .map(String::from)
                .into(),
            "seed {seed}"
        );
        // Read after Pilkada 2024 began, when it is the default election, they are Pemilu 2024's
        // when the view names it.
        let later: BTreeSet<String> = at(
            "2024-12-31",
            "region",
            "pemilihan:PEMILU2024 \"pemungutan suara ulang\"",
        )
        .into_keys()
        .collect();
        assert_eq!(later, psu, "seed {seed}");
    }
}

#[test]
fn every_pekan_holds_the_activities_of_its_release() {
    let dir = tempfile::tempdir().unwrap();
    for seed in SEEDS {
        let db = demo_db(&dir, seed);
        let store = Store::open(&db, Mode::ReadOnly).unwrap();
        let rows = store.activity_rows("PEMILU2024", 1..=10).unwrap();
        let pekan = |p: u32| -> i64 { rows.iter().filter(|r| r.pekan == p).map(|r| r.count).sum() };
        let region = |p: u32, code: &str| -> i64 {
            rows.iter()
                .filter(|r| r.pekan == p && r.region == code)
                .map(|r| r.count)
                .sum()
        };
        let parties = |p: u32| -> i64 {
            rows.iter()
                .filter(|r| r.pekan == p && r.contestant == "PARTAI")
                .map(|r| r.count)
                .sum()
        };
        for (p, n) in [
            (1, 139),
            (2, 288),
            (4, 497),
            (6, 705),
            (7, 923),
            (9, 997),
            (10, 1_491),
        ] {
            assert_eq!(pekan(p), n, "seed {seed}: pekan {p}");
        }
        assert_eq!(parties(1), 138, "seed {seed}");
        assert_eq!(parties(3), 472, "seed {seed}");
        let since = |n: u32| -> i64 {
            store
                .campaign_activity("PEMILU2024", 1..=n)
                .unwrap()
                .iter()
                .map(|(_, a)| a.total())
                .sum()
        };
        assert_eq!(since(6), 2_495, "seed {seed}: by 8 Jan 2024");
        assert_eq!(since(10), 7_120, "seed {seed}: by 9 Feb 2024");
        for (p, code, n) in [
            (1, "64.03", 42),
            (1, "64.02", 31),
            (1, "64.74", 16),
            (1, "64.72", 3),
            (2, "64.03", 80),
            (2, "64.02", 73),
            (2, "64.01", 25),
            (2, "64.74", 24),
            (2, "64.71", 24),
            (2, "64.72", 15),
            (4, "64.03", 137),
            (4, "64.02", 123),
            (4, "64.71", 89),
            (4, "64.74", 58),
            (4, "64.08", 24),
            (4, "64.01", 21),
            (4, "64.72", 19),
            (4, "64.07", 9),
            (4, "64.11", 8),
            (4, "64.09", 7),
            (10, "64.03", 426),
            (10, "64.07", 293),
        ] {
            assert_eq!(region(p, code), n, "seed {seed}: pekan {p}, {code}");
        }
        let mut by_method: BTreeMap<&str, i64> = BTreeMap::new();
        for r in &rows {
            *by_method.entry(r.method.as_str()).or_default() += r.count;
        }
        assert_eq!(
            by_method,
            BTreeMap::from([
                ("PERTEMUAN_TERBATAS", 5_600),
                ("TATAP_MUKA", 1_500),
                ("RAPAT_UMUM", 5),
                ("LAINNYA", 15)
            ]),
            "seed {seed}"
        );
    }
}

#[test]
fn the_weekly_figures_and_totals_come_out_of_report_by_pekan() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, 2024);
    let doc = report(&db, "2024-02-09", "pekan", "tahapan:kampanye");
    let pekan = |n: u32, field: &str| doc["pekan"][n.to_string()][field].as_i64().unwrap();
    for (n, activities) in [
        (1, 139),
        (2, 288),
        (4, 497),
        (6, 705),
        (7, 923),
        (9, 997),
        (10, 1_491),
    ] {
        assert_eq!(pekan(n, "activities"), activities, "pekan {n}");
    }
    assert_eq!(pekan(6, "activities_cumulative"), 2_495, "by 8 Jan 2024");
    assert_eq!(pekan(10, "activities_cumulative"), 7_120, "by 9 Feb 2024");
    assert_eq!(
        pekan(10, "cases_cumulative"),
        22,
        "22 campaign cases on 9 Feb 2024"
    );
    assert_eq!(doc["pekan"]["1"]["from"], "2023-11-28");
    assert_eq!(doc["pekan"]["10"]["to"], "2024-02-10");
    // Campaign cases begin in December, as the releases show.
    let december: i64 = (1..=5).map(|n| pekan(n, "cases")).sum();
    assert!(december > 0, "{doc}");
    // One region: Berau, busiest in pekan 1 and 10.
    let berau = report(&db, "2024-02-09", "pekan", "wilayah:berau");
    assert_eq!(berau["pekan"]["1"]["activities"], 42);
    assert_eq!(berau["pekan"]["10"]["activities"], 426);
}

#[test]
fn synthetic_data_at_scale_keeps_the_pekan_of_the_releases() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("synthetic.db");
    pantau(&db)
        .args(["demo", "--records", "4000", "--seed", "5"])
        .assert()
        .success();
    let store = Store::open(&db, Mode::ReadOnly).unwrap();
    let per_pekan: BTreeMap<u32, i64> = store
        .activity_rows("PEMILU2024", 1..=10)
        .unwrap()
        .iter()
        .fold(BTreeMap::new(), |mut m, r| {
            *m.entry(r.pekan).or_default() += r.count;
            m
        });
    let kaltim = [139, 288, 490, 497, 376, 705, 923, 1_214, 997, 1_491];
    let factor = per_pekan[&1] / 139;
    assert!(factor >= 1);
    for (p, n) in (1..=10).zip(kaltim) {
        assert_eq!(per_pekan[&p], n * factor, "pekan {p}");
    }
}
