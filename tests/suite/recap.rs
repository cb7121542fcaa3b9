//! Bawaslu RI's recap (`report --recap`), the two named conventions of counting types, and the
//! filing limit of a laporan (`is:late`), through the real binary.

use std::path::PathBuf;

use serde_json::Value;

use crate::demo_support::{demo_db, int, pantau, report_json as json, stdout};

fn n(v: &Value, key: &str) -> i64 {
    int(&v[key])
}

/// Every row's groups add up to the figure before them.
fn assert_adds_up(row: &Value) {
    let name = &row["name"];
    assert_eq!(
        n(row, "temuan") + n(row, "laporan"),
        n(row, "received"),
        "{name}"
    );
    assert_eq!(
        n(row, "registered") + n(row, "not_registered") + n(row, "not_yet_registered"),
        n(row, "received"),
        "{name}"
    );
    assert_eq!(
        n(row, "violation") + n(row, "not_violation") + n(row, "in_process") + n(row, "stopped"),
        n(row, "registered"),
        "{name}"
    );
    let types: i64 = row["types"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["count"].as_i64().unwrap())
        .sum();
    assert_eq!(types, n(row, "violation"), "{name}: types among violations");
    assert!(n(row, "late_laporan") <= n(row, "laporan"), "{name}");
}

#[test]
fn the_recap_of_2_february_2024_receives_47_and_adds_up() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, 7);
    let doc = json(&db, &["--recap", "--as-of", "2024-02-02"]);
    assert_eq!(doc["table"], "bawaslu_ri_recap");
    assert_eq!(doc["convention"]["name"], "types_among_violations");
    let total = &doc["total"];
    assert_eq!(
        (
            n(total, "received"),
            n(total, "temuan"),
            n(total, "laporan")
        ),
        (47, 29, 18)
    );
    let regions = doc["regions"].as_array().unwrap();
    assert_eq!(regions.len(), 11, "every office, zeros included");
    assert_eq!(
        regions[0]["code"], "64",
        "the province first, in display order"
    );
    for r in regions.iter().chain([total]) {
        assert_adds_up(r);
    }
    // The same as the headline of the plain report.
    let plain = json(&db, &["--as-of", "2024-02-02", "--by", "source"]);
    assert_eq!(n(&plain["headline"], "registered"), n(total, "registered"));
    assert_eq!(n(&plain["headline"], "violations"), n(total, "violation"));
    // The late laporan are those of `is:late`.
    let late = json(&db, &["--as-of", "2024-02-02", "--view", "is:late"]);
    assert_eq!(n(&late, "total"), n(total, "late_laporan"));
}

#[test]
fn the_recap_table_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, 7);
    let id = stdout(
        &db,
        &["--lang", "id", "report", "--recap", "--as-of", "2024-02-02"],
    );
    insta::assert_snapshot!("recap_2024_02_02_id", id);
    let en = stdout(&db, &["report", "--recap", "--as-of", "2024-02-02"]);
    insta::assert_snapshot!("recap_2024_02_02_en", en);
    let md = stdout(
        &db,
        &[
            "report",
            "--recap",
            "--as-of",
            "2024-02-02",
            "--format",
            "md",
        ],
    );
    assert!(
        md.contains("| Region | Temuan | Laporan | Received | Reg. |"),
        "{md}"
    );
    assert!(
        md.contains("| **Total** | **29** | **18** | **47** |"),
        "{md}"
    );
    let csv = stdout(
        &db,
        &[
            "report",
            "--recap",
            "--as-of",
            "2024-02-02",
            "--format",
            "csv",
        ],
    );
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("Region,Temuan,Laporan,Received,")
    );
    assert_eq!(lines.count(), 12, "eleven offices and the total");
}

#[test]
fn the_recap_honours_the_view_and_the_as_of_date() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, 7);
    let doc = json(
        &db,
        &[
            "--recap",
            "--as-of",
            "2024-02-02",
            "--view",
            "region:balikpapan",
        ],
    );
    assert_eq!(n(&doc["total"], "received"), 14);
    assert_eq!(doc["view"], "region:balikpapan");
    let year_end = json(&db, &["--recap", "--as-of", "2023-12-31"]);
    let t = &year_end["total"];
    assert_eq!(
        (n(t, "received"), n(t, "temuan"), n(t, "laporan")),
        (23, 14, 9)
    );
    assert_eq!(n(t, "registered"), 17);
    assert_adds_up(t);
    // A recap is not counted by a dimension as well.
    pantau(&db)
        .args(["report", "--recap", "--by", "stage"])
        .assert()
        .code(2);
}

#[test]
fn each_way_of_counting_types_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, 7);
    let all = json(&db, &["--as-of", "2024-02-02", "--by", "type"]);
    assert_eq!(
        all["conventions"][0]["name"],
        "suspected_types_of_all_cases"
    );
    assert_eq!(all["total"], 47);
    let among = json(&db, &["--as-of", "2024-02-02", "--by", "violation"]);
    assert_eq!(among["conventions"][0]["name"], "types_among_violations");
    let counted: i64 = among["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["count"].as_i64().unwrap())
        .sum();
    assert_eq!(counted, n(&among["headline"], "violations"));
    // A closed case without a decision is never "in process": it counts by its suspected type
    // (suspected types of all cases), or as not pursued when it has none.
    let unregistered = json(
        &db,
        &[
            "--as-of",
            "2024-02-02",
            "--by",
            "type",
            "--view",
            "status:tidak_diregistrasi,dicabut,dihentikan",
        ],
    );
    for g in unregistered["groups"].as_array().unwrap() {
        if g["key"] == "BELUM_DITENTUKAN" {
            assert_eq!(g["count"], 0, "{g}");
        }
    }
    let en = stdout(
        &db,
        &["report", "--as-of", "2024-02-02", "--by", "violation"],
    );
    assert!(
        en.starts_with("Cases by type among violations (as Bawaslu RI's recap) · "),
        "{en}"
    );
    let id = stdout(
        &db,
        &[
            "--lang",
            "id",
            "report",
            "--as-of",
            "2024-02-02",
            "--by",
            "type",
        ],
    );
    assert!(
        id.starts_with(
            "Kasus per jenis dugaan semua kasus (seperti rilis akhir tahun Bawaslu Kaltim) · "
        ),
        "{id}"
    );
    assert!(id.contains("Belum ditentukan"), "{id}");
    assert!(id.contains("Tidak ditindaklanjuti"), "{id}");
    assert!(!id.contains("Dalam proses"), "{id}");
}

/// Imports laporan known on Mon 5 Feb 2024 (7 working days skip Isra Mikraj on the 8th, the
/// cuti bersama on the 9th, two weekends and voting day on the 14th: the limit is Mon 19 Feb).
fn late_db(dir: &tempfile::TempDir) -> PathBuf {
    let db = dir.path().join("late.db");
    pantau(&db).arg("init").assert().success();
    let file = dir.path().join("laporan.csv");
    std::fs::write(
        &file,
        "nomor,sumber,kode_wilayah,kode_tahapan,tanggal_diketahui,tanggal_diterima,status,uraian\n\
         001/LP/PL/Kota/23.05/II/2024,laporan,64.71,KAMPANYE,2024-02-05,2024-02-19,DITERIMA,tepat waktu\n\
         002/LP/PL/Kota/23.05/II/2024,laporan,64.71,KAMPANYE,2024-02-05,2024-02-20,DITERIMA,terlambat\n\
         003/TM/PL/Kota/23.05/II/2024,temuan,64.71,KAMPANYE,2024-02-05,2024-02-20,PENELUSURAN,temuan\n",
    )
    .unwrap();
    pantau(&db).arg("import").arg(&file).assert().success();
    db
}

#[test]
fn a_laporan_filed_after_seven_working_days_is_late_across_holidays() {
    let dir = tempfile::tempdir().unwrap();
    let db = late_db(&dir);
    for view in ["is:late", "is:terlambat"] {
        let doc = json(
            &db,
            &["--as-of", "2024-03-01", "--view", view, "--by", "source"],
        );
        assert_eq!(doc["total"], 1, "{view}");
        assert_eq!(doc["view"], "is:late", "printed in English");
    }
    let not = json(&db, &["--as-of", "2024-03-01", "--view", "-is:late"]);
    assert_eq!(not["total"], 2, "the one in time and the temuan");
    let recap = json(&db, &["--recap", "--as-of", "2024-03-01"]);
    assert_eq!(n(&recap["total"], "late_laporan"), 1);
}
