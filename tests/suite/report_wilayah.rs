//! `pantau report --by kecamatan` (and `desa`, `province`): within the view's regions every
//! kecamatan is a row, zeros included, then any other kecamatan its cases name, then the cases
//! naming none; JSON keys are codes, the text shows names; the rows add up to the region's count.

use std::path::{Path, PathBuf};

use crate::demo_support::{all_groups, demo_db, group, report_json, stdout};
use crate::sealed;

/// The Kaltim demo with places written into some of its cases: none in Samarinda Utara (the
/// demo's own there moved to no kecamatan), a third of Samarinda's cases in Samarinda Ulu (two of
/// them in its first kelurahan, TPS 3), one of them in Balikpapan Kota.
fn demo_with_places(dir: &tempfile::TempDir) -> PathBuf {
    let db = demo_db(dir, 2024);
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(
        "UPDATE cases SET kode_kecamatan = NULL, kecamatan = NULL, kode_desa = NULL
           WHERE kode_kecamatan = '64.72.05';
         UPDATE cases SET kode_kecamatan = '64.72.03' WHERE kode_wilayah = '64.72' AND id % 3 = 0;
         UPDATE cases SET kode_kecamatan = '64.71.06'
           WHERE id = (SELECT min(id) FROM cases WHERE kode_wilayah = '64.72' AND id % 3 = 1);
         UPDATE cases SET kode_desa = '64.72.03.1001', tps = 3
           WHERE id IN (SELECT id FROM cases WHERE kode_kecamatan = '64.72.03' ORDER BY id LIMIT 2);",
    )
    .unwrap();
    db
}

fn count(db: &Path, sql: &str) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn report_by_kecamatan_lists_every_kecamatan_of_the_region_with_zeros_then_others_then_none() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_with_places(&dir);
    let view = ["--view", "wilayah:samarinda pemilihan:semua"];
    let doc = report_json(&db, &[&["--by", "kecamatan"][..], &view].concat());
    let keys: Vec<String> = doc["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["key"].as_str().unwrap().to_string())
        .collect();
    let mut want: Vec<String> = (1..=10).map(|i| format!("64.72.{i:02}")).collect();
    want.extend(["64.71.06".to_string(), "NONE".to_string()]);
    assert_eq!(
        keys, want,
        "every kecamatan of Samarinda, then others, then none"
    );
    let groups = all_groups(&doc);
    let in_ulu = count(
        &db,
        "SELECT count(*) FROM cases WHERE kode_wilayah = '64.72' AND kode_kecamatan = '64.72.03'",
    );
    for k in &want[..10] {
        let stored = count(
            &db,
            &format!(
                "SELECT count(*) FROM cases WHERE kode_wilayah = '64.72' AND kode_kecamatan = '{k}'"
            ),
        );
        assert_eq!(group(&doc, k), stored, "{k}");
    }
    assert!(in_ulu > 0);
    assert_eq!(group(&doc, "64.72.03"), in_ulu);
    assert_eq!(
        group(&doc, "64.72.05"),
        0,
        "a kecamatan without cases is a row"
    );
    assert_eq!(group(&doc, "64.71.06"), 1);
    let samarinda = report_json(&db, &[&["--by", "region"][..], &view].concat());
    assert_eq!(
        groups.values().sum::<i64>(),
        group(&samarinda, "64.72"),
        "the rows add up to the region"
    );

    // The text names them; Indonesian and English.
    let mut c = crate::demo_support::pantau(&db);
    sealed::locale(&mut c, "id_ID.UTF-8");
    let out = c
        .args(["report", "--by", "kecamatan"])
        .args(view)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    for name in [
        "Samarinda Ulu",
        "Palaran",
        "Balikpapan Kota (Balikpapan)",
        "(tanpa kecamatan)",
    ] {
        assert!(text.contains(name), "{name}: {text}");
    }
    let text = stdout(&db, &[&["report", "--by", "kecamatan"][..], &view].concat());
    assert!(text.contains("(no kecamatan)"), "{text}");
}

#[test]
fn report_by_kecamatan_without_a_region_lists_every_kecamatan_of_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_with_places(&dir);
    let doc = report_json(&db, &["--by", "kecamatan", "--view", "pemilihan:semua"]);
    let groups = all_groups(&doc);
    assert_eq!(groups.len(), 105 + 1);
    let total = count(&db, "SELECT count(*) FROM cases");
    assert_eq!(groups.values().sum::<i64>(), total);
    assert_eq!(
        group(&doc, "NONE"),
        count(
            &db,
            "SELECT count(*) FROM cases WHERE kode_kecamatan IS NULL"
        )
    );

    // A kecamatan's desa, and its TPS.
    let doc = report_json(
        &db,
        &[
            "--by",
            "desa",
            "--view",
            "pemilihan:semua kecamatan:\"samarinda ulu\"",
        ],
    );
    assert_eq!(group(&doc, "64.72.03.1001"), 2);
    let doc = report_json(&db, &["--by", "region", "--view", "pemilihan:semua tps:3"]);
    assert_eq!(group(&doc, "64.72"), 2);
    let doc = report_json(&db, &["--by", "province", "--view", "pemilihan:semua"]);
    assert_eq!(group(&doc, "64"), total);
}
