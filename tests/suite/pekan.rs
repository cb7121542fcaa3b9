//! Campaign weeks as the office counts them (pekan from the campaign's first day) through the
//! real binary on the demo database: `report --by pekan`, the `pekan:` view term, the activities.

use crate::demo_support::{demo_db, int, pantau, report_json as report};

/// A day of Pemilu 2024's period and not of Pilkada 2024's: views counted then are of Pemilu
/// 2024, whose pekan these tests name (on the demo's later days the election in view is the
/// latest one, Pilkada 2024).
const PEMILU_DAY: &str = "2024-03-20";

#[test]
fn every_pekan_of_the_campaign_is_a_row_with_its_dates_zeros_included() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, 7);
    let doc = report(
        &db,
        &[
            "--by",
            "pekan",
            "--view",
            "stage:kampanye",
            "--as-of",
            "2024-02-09",
        ],
    );
    let pekan = doc["pekan"].as_object().unwrap();
    let mut keys: Vec<u32> = pekan.keys().map(|k| k.parse().unwrap()).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        (1..=10).collect::<Vec<u32>>(),
        "keyed by the pekan numbers"
    );
    assert_eq!(pekan["1"]["from"], "2023-11-28");
    assert_eq!(pekan["1"]["to"], "2023-12-04");
    assert_eq!(pekan["6"]["from"], "2024-01-02");
    assert_eq!(pekan["6"]["to"], "2024-01-08");
    assert_eq!(pekan["10"]["from"], "2024-01-30");
    assert_eq!(
        pekan["10"]["to"], "2024-02-10",
        "the last pekan runs to the campaign's end"
    );
    assert_eq!(pekan["6"]["label"], "Week 6 (2–8 Jan 2024)");
    assert!(
        pekan.values().any(|p| int(&p["cases"]) == 0),
        "a pekan without cases is there, with 0: {doc}"
    );
    // Every case of the view is in a pekan or counted outside; the cumulative figures add up.
    let sum: i64 = pekan.values().map(|p| int(&p["cases"])).sum();
    assert_eq!(sum + int(&doc["outside_campaign"]), int(&doc["total"]));
    assert_eq!(
        int(&doc["total"]),
        22,
        "the campaign's 22 cases on 9 Feb 2024"
    );
    assert_eq!(int(&pekan["10"]["cases_cumulative"]), sum);
    let mut acts = 0;
    for n in 1..=10 {
        let p = &pekan[&n.to_string()];
        acts += int(&p["activities"]);
        assert_eq!(int(&p["activities_cumulative"]), acts, "pekan {n}");
        assert_eq!(p["begun"], true);
    }
    let store = pantau::store::Store::open(&db, pantau::store::Mode::ReadOnly).unwrap();
    let held: i64 = store
        .activity_rows("PEMILU2024", 1..=10)
        .unwrap()
        .iter()
        .map(|r| r.count)
        .sum();
    assert_eq!(
        acts, held,
        "every activity the store holds, as of 9 Feb 2024"
    );
}

#[test]
fn cases_outside_the_campaign_are_counted_not_dropped_and_pekan_not_begun_are_marked() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, 7);
    // Without a stage of its own, the view counts the campaign stage's cases, as the release does.
    let campaign = report(&db, &["--by", "pekan", "--as-of", "2024-01-03"]);
    assert_eq!(campaign["campaign_stage_only"], true);
    let kampanye = report(
        &db,
        &[
            "--by",
            "pekan",
            "--as-of",
            "2024-01-03",
            "--view",
            "tahapan:kampanye",
        ],
    );
    assert_eq!(campaign["total"], kampanye["total"]);
    assert_eq!(kampanye["campaign_stage_only"], false);
    // With stages of its own, cases received outside the campaign are counted apart.
    let doc = report(
        &db,
        &[
            "--by",
            "pekan",
            "--as-of",
            "2024-01-03",
            "--view",
            "tahapan:kampanye,pencalonan,data_pemilih,lainnya",
        ],
    );
    let pekan = doc["pekan"].as_object().unwrap();
    assert_eq!(pekan.len(), 10);
    let sum: i64 = pekan.values().map(|p| int(&p["cases"])).sum();
    let outside = int(&doc["outside_campaign"]);
    assert!(outside > 0, "the view holds cases of other stages: {doc}");
    assert_eq!(sum + outside, int(&doc["total"]));
    assert_eq!(pekan["6"]["begun"], true, "pekan 6 began on 2 Jan");
    assert_eq!(pekan["7"]["begun"], false);
    assert_eq!(
        int(&pekan["7"]["activities"]),
        0,
        "nothing counted before it begins"
    );

    let text = pantau(&db)
        .args([
            "--lang",
            "id",
            "report",
            "--by",
            "pekan",
            "--as-of",
            "2024-01-03",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    for line in [
        "Pekan ke-6 (2–8 Jan 2024)",
        "Pekan ke-7 (9–15 Jan 2024) — belum dimulai",
        "Kasus tahapan kampanye saja, seperti rilis mingguan",
        "Tidak ada kasus yang diterima di luar masa kampanye",
        "Kumulatif: sejak 28 November 2023",
    ] {
        assert!(text.contains(line), "{line}\n{text}");
    }
}

#[test]
fn activities_per_pekan_follow_the_regions_of_the_view() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, 7);
    let total = |view: &str| {
        let doc = report(
            &db,
            &["--by", "pekan", "--view", view, "--as-of", "2024-02-10"],
        );
        doc["pekan"]
            .as_object()
            .unwrap()
            .values()
            .map(|p| int(&p["activities"]))
            .sum::<i64>()
    };
    let all = total("");
    let berau = total("region:berau");
    let not_berau = total("-region:berau");
    assert!(berau > 0 && not_berau > 0);
    assert_eq!(berau + not_berau, all);
}

#[test]
fn pekan_6_is_the_days_from_2_to_8_january() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, 7);
    // Pemilu 2024's pekan 6, named, and counted on a day of Pemilu 2024's period (not Pilkada
    // 2024's): both views are of its cases as they stood then.
    for extra in ["", " stage:kampanye", " -region:balikpapan"] {
        let by_pekan = report(
            &db,
            &[
                "--view",
                &format!("pemilihan:pemilu2024 pekan:6{extra}"),
                "--by",
                "status",
                "--as-of",
                PEMILU_DAY,
            ],
        );
        let by_dates = report(
            &db,
            &[
                "--view",
                &format!("pemilihan:pemilu2024 from:2024-01-02 to:2024-01-08{extra}"),
                "--by",
                "status",
                "--as-of",
                PEMILU_DAY,
            ],
        );
        assert_eq!(by_pekan["groups"], by_dates["groups"], "{extra}");
        assert_eq!(by_pekan["headline"], by_dates["headline"], "{extra}");
    }
    let doc = report(&db, &["--view", "pekan:6", "--as-of", "2024-02-09"]);
    assert!(int(&doc["total"]) > 0, "the demo has cases in pekan 6");
    let none = report(
        &db,
        &["--view", "pekan:1-10 -pekan:1-10", "--as-of", PEMILU_DAY],
    );
    assert_eq!(int(&none["total"]), 0);
}

#[test]
fn a_pekan_the_campaign_does_not_have_is_refused_with_its_range() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, 7);
    let out = pantau(&db)
        .args(["report", "--view", "pekan:11", "--as-of", PEMILU_DAY])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("has pekan 1–10"), "{err}");
    assert!(err.contains("pekan:10"), "a suggestion: {err}");
    let out = pantau(&db)
        .args(["--lang", "id", "report", "--view", "pekan:enam"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("pekan:6-8"), "the forms to write: {err}");
}

#[test]
fn a_cross_tab_by_pekan_and_type_has_every_pekan() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, 7);
    let doc = report(
        &db,
        &[
            "--by",
            "pekan,type",
            "--view",
            "stage:kampanye",
            "--as-of",
            "2024-02-09",
        ],
    );
    let groups = doc["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 10, "no case outside the campaign here: {doc}");
    let cells: i64 = doc["cross"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| int(&c["count"]))
        .sum();
    assert_eq!(cells, 22);
    // Calendar weeks stay, labelled by their dates.
    let weeks = report(
        &db,
        &[
            "--by",
            "week",
            "--view",
            "stage:kampanye",
            "--as-of",
            "2024-02-09",
        ],
    );
    let first = weeks["groups"][0]["label"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(
        first.contains('–') && !first.contains('/'),
        "a calendar week reads as its dates: {first}"
    );
}
