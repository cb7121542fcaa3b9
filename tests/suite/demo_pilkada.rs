//! The demo database holds Pilkada 2024 beside Pemilu 2024: the figures Bawaslu Kaltim published
//! for the Pilkada (domain.md §7) through `pantau report`, for several seeds, and its campaign
//! activities of §8 through the store.
//!
//! Each view reads its figures at the date they were published and names its election
//! (`pemilihan:PILKADA2024`, `election:pilkada2024`), so that no figure rests on which election a
//! view without an election term counts at that date.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::{Value, json};

use pantau::store::{Mode, Store};

use crate::demo_support::{demo_db, groups, int, map, report_json};

/// Seeds the figures are checked for: the default one and a few others.
const SEEDS: [u64; 3] = [2024, 7, 31_337];

/// `pantau report --format json --as-of DATE --by BY --view VIEW`.
fn report(db: &Path, as_of: &str, by: &str, view: &str) -> Value {
    report_json(db, &["--as-of", as_of, "--by", by, "--view", view])
}

#[test]
fn the_published_pilkada_figures_hold_through_the_report() {
    let dir = tempfile::tempdir().unwrap();
    for seed in SEEDS {
        let db = demo_db(&dir, seed);

        // 21 Oct 2024: 3 laporan at Bawaslu Provinsi and 20 at the kab/kota offices, of ethics,
        // administrative and criminal violations, most of them in process.
        let oct21 = report(
            &db,
            "2024-10-21",
            "region",
            "pemilihan:PILKADA2024 sumber:laporan",
        );
        let by_office = groups(&oct21);
        assert_eq!(by_office["64"], 3, "seed {seed}: {by_office:?}");
        assert_eq!(
            by_office.values().sum::<i64>() - by_office["64"],
            20,
            "seed {seed}"
        );
        assert_eq!(
            groups(&report(
                &db,
                "2024-10-21",
                "type",
                "pemilihan:PILKADA2024 sumber:laporan"
            )),
            map(&[("ADMINISTRASI", 8), ("KODE_ETIK", 6), ("PIDANA", 9)]),
            "seed {seed}"
        );
        let in_process = int(&oct21["headline"]["in_process"]);
        assert!(in_process * 2 > 23, "seed {seed}: {in_process} of 23");
        assert_eq!(in_process, 13, "seed {seed}");

        // Before the campaign, the cases of the Pilkada's own stages: an independent pair's
        // support, the pairs' registration and the vetting of their papers, besides the voter list
        // and the recruiting of the ad-hoc bodies.
        let before = report(&db, "2024-09-24", "stage", "pemilihan:PILKADA2024");
        assert_eq!(before["elections"], json!(["PILKADA2024"]), "seed {seed}");
        assert_eq!(
            groups(&before),
            map(&[
                ("DUKUNGAN_PERSEORANGAN", 1),
                ("DATA_PEMILIH", 2),
                ("PENDAFTARAN_PASLON", 1),
                ("PENELITIAN_PERSYARATAN", 1),
                ("LAINNYA", 1)
            ]),
            "seed {seed}"
        );

        // 13 Nov 2024: 43 suspected violations (temuan and laporan), ASN neutrality the commonest.
        let nov13 = report(&db, "2024-11-13", "type", "pemilihan:PILKADA2024");
        assert_eq!(nov13["total"], 43, "seed {seed}");
        let asn = int(&report(
            &db,
            "2024-11-13",
            "source",
            "election:pilkada2024 \"netralitas ASN\"",
        )["total"]);
        assert_eq!(asn, 14, "seed {seed}");
        let types = groups(&nov13);
        for (t, n) in &types {
            if t != "HUKUM_LAINNYA" {
                assert!(
                    *n < types["HUKUM_LAINNYA"] && *n < asn,
                    "seed {seed}: {types:?}"
                );
            }
        }

        // 26 Nov 2024: 59 laporan received since 25 Sep 2024.
        let nov26 = report(
            &db,
            "2024-11-26",
            "source",
            "pemilihan:PILKADA2024 sumber:laporan from:2024-09-25",
        );
        assert_eq!(nov26["total"], 59, "seed {seed}");
        assert_eq!(
            report(
                &db,
                "2024-11-26",
                "source",
                "pemilihan:PILKADA2024 sumber:laporan"
            )["total"],
            59,
            "seed {seed}: none before the campaign"
        );

        // 1 Dec 2024: re-votes recommended at 10 TPS in 6 regions, each a temuan decided an
        // administrative violation (its recommendation goes to KPU).
        let psu = "election:pilkada2024 \"pemungutan suara ulang\"";
        assert_eq!(
            groups(&report(&db, "2024-12-01", "region", psu)),
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
        for (by, key) in [
            ("status", "PELANGGARAN"),
            ("type", "ADMINISTRASI"),
            ("source", "temuan"),
            ("violation", "ADMINISTRASI"),
        ] {
            assert_eq!(
                groups(&report(&db, "2024-12-01", by, psu)),
                map(&[(key, 10)]),
                "seed {seed}: by {by}"
            );
        }
        // KPU held five on 2–3 Dec 2024 (Kutai Timur two, Samarinda one, PPU two); KPU Balikpapan
        // declined its two.
        let held = format!("{psu} lanjut:perbaikan");
        assert_eq!(
            report(&db, "2024-12-01", "region", &held)["total"],
            0,
            "seed {seed}"
        );
        assert_eq!(
            groups(&report(&db, "2024-12-03", "region", &held)),
            map(&[("64.08", 2), ("64.72", 1), ("64.09", 2)]),
            "seed {seed}"
        );
        assert_eq!(
            groups(&report(
                &db,
                "2024-12-31",
                "region",
                &format!("{psu} \"tidak melaksanakan\" lanjut:belum")
            )),
            map(&[("64.71", 2)]),
            "seed {seed}"
        );

        // 21 Jan 2025: 16 money-politics laporan received after voting day (27 Nov), all stopped.
        let after = "pemilihan:PILKADA2024 sumber:laporan from:2024-11-27";
        assert_eq!(
            groups(&report(&db, "2025-01-21", "status", after)),
            map(&[("DIHENTIKAN", 16)]),
            "seed {seed}"
        );
        assert_eq!(
            report(
                &db,
                "2025-01-21",
                "status",
                &format!("{after} \"politik uang\"")
            )["total"],
            16,
            "seed {seed}"
        );
    }
}

#[test]
fn the_pemilu_figures_still_hold_beside_the_pilkada() {
    // The Pemilu 2024 figures read at their own dates are demo_figures'; here, that the Pilkada
    // adds nothing before its period (5 May 2024), that once it is the default election a view
    // naming Pemilu 2024 still counts Pemilu's cases alone, and that every Pemilu case keeps its
    // PL number and every Pilkada case its PB.
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, 2024);
    assert_eq!(
        report(&db, "2024-05-04", "source", "pemilihan:PILKADA2024")["total"],
        0
    );
    let feb2 = report(&db, "2024-02-02", "region", "");
    assert_eq!(feb2["total"], 47);
    assert_eq!(feb2["elections"], json!(["PEMILU2024"]));
    assert_eq!(
        report(&db, "2024-02-02", "region", "pemilihan:semua")["total"],
        47
    );
    assert_eq!(
        report(&db, "2024-02-02", "region", "pemilihan:PEMILU2024 pl")["total"],
        47
    );
    let at_end = |view: &str| report(&db, "2025-01-21", "source", view);
    assert_eq!(at_end("")["elections"], json!(["PILKADA2024"]));
    let pemilu = at_end("pemilihan:PEMILU2024");
    assert_eq!(pemilu["elections"], json!(["PEMILU2024"]));
    assert!(int(&pemilu["total"]) > 47);
    assert_eq!(at_end("pemilihan:PEMILU2024 pl")["total"], pemilu["total"]);
    let pilkada = at_end("election:pilkada2024");
    assert!(int(&pilkada["total"]) > 59);
    assert_eq!(at_end("election:pilkada2024 pb")["total"], pilkada["total"]);
    assert_eq!(
        int(&at_end("pemilihan:semua")["total"]),
        int(&pemilu["total"]) + int(&pilkada["total"])
    );
}

#[test]
fn report_by_pekan_gives_the_pilkada_activities_of_its_releases() {
    // Pekan 1 (25 Sep – 1 Oct 2024): 348; 2–15 Oct (pekan 2 and 3): 994; counted in the
    // Pilkada's own campaign.
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, 2024);
    let doc = report(&db, "2024-11-23", "pekan", "pemilihan:pilkada2024");
    assert_eq!(doc["elections"], json!(["PILKADA2024"]));
    assert_eq!(doc["campaign_from"], "2024-09-25");
    assert_eq!(doc["campaign_to"], "2024-11-23");
    let pekan = |n: u32, field: &str| doc["pekan"][n.to_string()][field].as_i64().unwrap();
    assert_eq!(pekan(1, "activities"), 348, "{doc}");
    assert_eq!(
        pekan(2, "activities") + pekan(3, "activities"),
        994,
        "{doc}"
    );
    assert_eq!(pekan(3, "activities_cumulative"), 348 + 994);
    assert_eq!(doc["pekan"]["1"]["from"], "2024-09-25");
    assert_eq!(doc["pekan"]["1"]["to"], "2024-10-01");
    assert_eq!(doc["pekan"]["3"]["to"], "2024-10-15");
}

#[test]
fn the_pilkada_campaign_activities_of_the_releases_are_loaded() {
    let dir = tempfile::tempdir().unwrap();
    for seed in SEEDS {
        let db = demo_db(&dir, seed);
        let store = Store::open(&db, Mode::ReadOnly).unwrap();
        let rows = store.activity_rows("PILKADA2024", 1..=8).unwrap();
        let sum = |f: &dyn Fn(&pantau::store::activities::ActivityRow) -> bool| -> i64 {
            rows.iter().filter(|r| f(r)).map(|r| r.count).sum()
        };
        // Pekan 1 (25 Sep – 1 Oct 2024): 348 with the published split, 245 face-to-face.
        let pekan1: BTreeMap<String, i64> =
            rows.iter()
                .filter(|r| r.pekan == 1)
                .fold(BTreeMap::new(), |mut m, r| {
                    *m.entry(r.region.clone()).or_default() += r.count;
                    m
                });
        assert_eq!(
            pekan1,
            map(&[
                ("64.74", 74),
                ("64.71", 73),
                ("64.03", 57),
                ("64.02", 47),
                ("64.01", 29),
                ("64.07", 21),
                ("64.72", 17),
                ("64.08", 16),
                ("64.09", 11),
                ("64.11", 3)
            ]),
            "seed {seed}"
        );
        assert_eq!(pekan1.values().sum::<i64>(), 348);
        assert_eq!(
            sum(&|r| r.pekan == 1 && r.method == "TATAP_MUKA"),
            245,
            "seed {seed}"
        );
        // 2–15 Oct (pekan 2 and 3): 994, 67 for the governor's race, 927 for the kab/kota races;
        // Balikpapan the most with 216, Kutai Timur the fewest with 18.
        let october = |r: &pantau::store::activities::ActivityRow| matches!(r.pekan, 2 | 3);
        assert_eq!(sum(&october), 994, "seed {seed}");
        assert_eq!(sum(&|r| october(r) && r.contestant == "GUBERNUR"), 67);
        assert_eq!(
            sum(&|r| october(r) && r.contestant == "BUPATI_WALIKOTA"),
            927
        );
        let mut by_office: Vec<(i64, String)> = pekan1
            .keys()
            .map(|code| (sum(&|r| october(r) && &r.region == code), code.clone()))
            .collect();
        by_office.sort();
        assert_eq!(by_office[0], (18, "64.08".to_string()), "seed {seed}");
        assert!(by_office[1].0 > 18, "seed {seed}: {by_office:?}");
        assert_eq!(by_office[9], (216, "64.71".to_string()), "seed {seed}");
        assert!(by_office[8].0 < 216, "seed {seed}: {by_office:?}");
        // The whole campaign: Bontang 724, its mayoral pairs 240, 211, 177 and 76; Balikpapan 770.
        assert_eq!(sum(&|r| r.region == "64.74"), 724, "seed {seed}");
        assert_eq!(sum(&|r| r.region == "64.71"), 770, "seed {seed}");
        for (pair, n) in [
            ("WALIKOTA_BONTANG/01", 240),
            ("WALIKOTA_BONTANG/02", 211),
            ("WALIKOTA_BONTANG/03", 177),
            ("WALIKOTA_BONTANG/04", 76),
        ] {
            assert_eq!(sum(&|r| r.party == pair), n, "seed {seed}: {pair}");
        }
        // Pemilu 2024's activities are where they were.
        let pemilu: i64 = store
            .activity_rows("PEMILU2024", 1..=10)
            .unwrap()
            .iter()
            .map(|r| r.count)
            .sum();
        assert_eq!(pemilu, 7_120, "seed {seed}");
    }
}
