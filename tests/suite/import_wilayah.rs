//! Where a case happened, through the real binary: a kecamatan and kelurahan/desa by code or name
//! within the handling office's area, "did you mean" for a near miss, the area's kecamatan for a
//! name the region tree does not know, a desa of another kecamatan refused, the forms of a TPS
//! number, a Panwaslu Kecamatan's own kecamatan, and an export that imports back unchanged.

use std::path::Path;

use crate::import_support::*;
use pantau::store::{Mode, Store};

const HEAD: &str =
    "nomor,sumber,kode_wilayah,kode_tahapan,tanggal_diterima,status,kecamatan,desa,tps\n";

fn row(n: &str, office: &str, kecamatan: &str, desa: &str, tps: &str) -> String {
    format!("{n},temuan,{office},KAMPANYE,2024-01-15,PENELUSURAN,{kecamatan},{desa},{tps}\n")
}

/// `(nomor, kecamatan, kode_kecamatan, kode_desa, tps)` of every stored case, by nomor.
type Placed = (
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<i64>,
);

fn placed(db: &Path) -> Vec<Placed> {
    let store = Store::open(db, Mode::ReadOnly).unwrap();
    store
        .conn()
        .prepare(
            "SELECT nomor, kecamatan, kode_kecamatan, kode_desa, tps FROM cases ORDER BY nomor",
        )
        .unwrap()
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

fn some(s: &str) -> Option<String> {
    Some(s.to_string())
}

/// Imports `rows` as `name` in `lang` with `args`: its exit status and standard error.
fn import(db: &Path, name: &str, rows: &str, lang: &str, args: &[&str]) -> (Option<i32>, String) {
    let file = db.parent().unwrap().join(name);
    std::fs::write(&file, format!("{HEAD}{rows}")).unwrap();
    let out = pantau(db)
        .args(["--lang", lang, "import"])
        .args(PEMILU)
        .args(args)
        .arg(&file)
        .output()
        .unwrap();
    (out.status.code(), texts(&out).1)
}

/// Expects the import of `rows` refused with `expected` in standard error and nothing written.
fn refused(db: &Path, rows: &str, lang: &str, expected: &[&str]) {
    let before = full_checksum(db);
    let (code, stderr) = import(db, "tempat.csv", rows, lang, &[]);
    assert_eq!(code, Some(1), "{stderr}");
    for e in expected {
        assert!(stderr.contains(e), "expected {e:?} in:\n{stderr}");
    }
    assert_eq!(full_checksum(db), before, "nothing was written");
}

#[test]
fn codes_and_names_resolve_forgiving_case_spacing_and_prefixes() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path(), "p.db");
    let rows = [
        row("W-1", "64.72", "64.72.09", "64.72.09.1004", "1"),
        row(
            "W-2",
            "Samarinda",
            "  kec. SAMARINDA   kota ",
            "kel. bugis",
            "TPS 001",
        ),
        row("W-3", "64.72", "Kecamatan Samarinda Ulu", "", ""),
        // The desa tells the kecamatan.
        row("W-4", "64.72", "", "Pelita", "005"),
        // The provincial office's cases may happen anywhere in the province.
        row("W-5", "64", "Sungai Kunjang", "", ""),
        row("W-6", "64.72", "", "", ""),
    ]
    .concat();
    let (code, stderr) = import(&db, "tempat.csv", &rows, "en", &[]);
    assert_eq!(code, Some(0), "{stderr}");
    let kota = (some("Samarinda Kota"), some("64.72.09"));
    assert_eq!(
        placed(&db),
        [
            (
                "W-1".into(),
                kota.0.clone(),
                kota.1.clone(),
                some("64.72.09.1004"),
                Some(1)
            ),
            ("W-2".into(), kota.0, kota.1, some("64.72.09.1004"), Some(1)),
            (
                "W-3".into(),
                some("Samarinda Ulu"),
                some("64.72.03"),
                None,
                None
            ),
            (
                "W-4".into(),
                some("Samarinda Ilir"),
                some("64.72.04"),
                some("64.72.04.1014"),
                Some(5)
            ),
            (
                "W-5".into(),
                some("Sungai Kunjang"),
                some("64.72.06"),
                None,
                None
            ),
            ("W-6".into(), None, None, None, None),
        ]
    );
}

#[test]
fn a_near_miss_is_refused_with_did_you_mean_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path(), "p.db");
    let rows = row("W-1", "64.72", "Samarinda Uluu", "", "");
    refused(
        &db,
        &rows,
        "en",
        &[
            "tempat.csv:2: column \"kecamatan\": unknown kecamatan \"Samarinda Uluu\" — did you mean Samarinda Ulu (64.72.03)?",
        ],
    );
    refused(
        &db,
        &rows,
        "id",
        &[
            "tempat.csv:2: kolom \"kecamatan\": kecamatan tidak dikenal \"Samarinda Uluu\" — maksud Anda Samarinda Ulu (64.72.03)?",
        ],
    );
    let rows = row("W-1", "64.72", "Samarinda Kota", "Bugiss", "");
    refused(
        &db,
        &rows,
        "en",
        &[
            "column \"desa\": unknown kelurahan/desa \"Bugiss\" — did you mean Bugis (64.72.09.1004)?",
        ],
    );
}

#[test]
fn a_name_the_tree_does_not_know_is_refused_with_the_areas_kecamatan() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path(), "p.db");
    refused(
        &db,
        &row("W-1", "64.74", "Kecamatan Antah Berantah", "", ""),
        "en",
        &[
            "tempat.csv:2: column \"kecamatan\": kecamatan \"Kecamatan Antah Berantah\" is not in the region tree of Kota Bontang; write one of these names or its code (Bontang Barat, Bontang Selatan, Bontang Utara) and import the row again",
        ],
    );
    // The province's hundred and five are not all listed.
    refused(
        &db,
        &row("W-1", "64", "Antah Berantah", "", ""),
        "id",
        &[
            "tidak ada di pohon wilayah Provinsi Kalimantan Timur",
            ", dan 93 lainnya)",
        ],
    );
    // A kecamatan of another kabupaten/kota says where it is.
    refused(
        &db,
        &row("W-1", "64.72", "Tenggarong", "", ""),
        "en",
        &[
            "kecamatan \"Tenggarong\" is Tenggarong (64.02.06), Kabupaten Kutai Kartanegara, outside the area of Kota Samarinda",
        ],
    );
}

#[test]
fn a_desa_of_another_kecamatan_or_of_two_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path(), "p.db");
    refused(
        &db,
        &row("W-1", "64.72", "Samarinda Ulu", "Bugis", ""),
        "en",
        &[
            "column \"desa\": kelurahan/desa \"Bugis\" lies in Kec. Samarinda Kota (64.72.09), not in Kec. Samarinda Ulu (64.72.03)",
        ],
    );
    refused(
        &db,
        &row("W-1", "64.02", "", "Bukit Raya", ""),
        "en",
        &[
            "several kelurahan/desa are named \"Bukit Raya\" (Bukit Raya (64.02.13.2016, Kec. Samboja), Bukit Raya (64.02.16.2002, Kec. Tenggarong Seberang))",
        ],
    );
    // Named with its kecamatan, it is one.
    let (code, stderr) = import(
        &db,
        "t.csv",
        &row("W-1", "64.02", "Samboja", "Bukit Raya", ""),
        "en",
        &[],
    );
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(placed(&db)[0].3, some("64.02.13.2016"));
}

#[test]
fn a_tps_is_a_number_from_1_to_9999_in_any_usual_form() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path(), "p.db");
    let rows: String = ["5", "005", "TPS 005", "tps 5", "9999"]
        .iter()
        .enumerate()
        .map(|(i, t)| row(&format!("T-{i}"), "64.72", "Samarinda Kota", "Bugis", t))
        .collect();
    let (code, stderr) = import(&db, "tps.csv", &rows, "en", &[]);
    assert_eq!(code, Some(0), "{stderr}");
    let tps: Vec<Option<i64>> = placed(&db).into_iter().map(|p| p.4).collect();
    assert_eq!(tps, [Some(5), Some(5), Some(5), Some(5), Some(9999)]);
    for bad in ["0", "10000", "lima", "TPS", "5a", "-3"] {
        refused(
            &db,
            &row("T-9", "64.72", "Samarinda Kota", "Bugis", bad),
            "en",
            &[&format!(
                "column \"tps\": invalid TPS number \"{bad}\" (write a number 1–9999: 5, 005 or TPS 005)"
            )],
        );
    }
}

#[test]
fn a_panwaslu_kecamatan_case_happened_in_its_kecamatan_unless_it_says_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path(), "p.db");
    let rows = [
        row("K-1", "64.72.03", "", "", ""),
        row("K-2", "64.72.03", "", "Sidodadi", ""),
        // Its area is its kabupaten/kota.
        row("K-3", "64.72.03", "Samarinda Kota", "", ""),
    ]
    .concat();
    let (code, stderr) = import(&db, "panwascam.csv", &rows, "en", &[]);
    assert_eq!(code, Some(0), "{stderr}");
    let got: Vec<(String, Option<String>, Option<String>)> =
        placed(&db).into_iter().map(|p| (p.0, p.2, p.3)).collect();
    assert_eq!(
        got,
        [
            ("K-1".into(), some("64.72.03"), None),
            ("K-2".into(), some("64.72.03"), some("64.72.03.1005")),
            ("K-3".into(), some("64.72.09"), None),
        ]
    );
}

#[test]
fn skip_invalid_writes_the_rows_whose_place_is_known() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path(), "p.db");
    let rows = [
        row("S-1", "64.72", "Samarinda Kota", "Bugis", "1"),
        row("S-2", "64.72", "Samarinda Uluu", "", ""),
        row("S-3", "64.72", "Palaran", "", "TPS nol"),
    ]
    .concat();
    let (code, stderr) = import(&db, "s.csv", &rows, "en", &["--skip-invalid"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("s.csv:3: column \"kecamatan\""), "{stderr}");
    assert!(stderr.contains("s.csv:4: column \"tps\""), "{stderr}");
    let nomors: Vec<String> = placed(&db).into_iter().map(|p| p.0).collect();
    assert_eq!(nomors, ["S-1"]);
}

#[test]
fn an_export_with_places_imports_back_unchanged_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path(), "p.db");
    let rows = [
        row("E-1", "64.72", "Samarinda Kota", "Bugis", "1"),
        row("E-2", "64.72.03", "", "", ""),
        row("E-3", "64.02", "Samboja", "", "12"),
        row("E-4", "64.71", "", "", ""),
    ]
    .concat();
    let (code, stderr) = import(&db, "e.csv", &rows, "en", &[]);
    assert_eq!(code, Some(0), "{stderr}");
    let stored = placed(&db);
    for format in ["csv", "json", "jsonl"] {
        let out = pantau(&db)
            .args(["export", "--format", format])
            .output()
            .unwrap();
        assert!(out.status.success(), "{format}");
        let text = texts(&out).0;
        // A person reading the sheet sees the desa's name beside its code.
        assert!(
            text.contains("64.72.09.1004") && text.contains("Bugis"),
            "{text}"
        );
        let copy = init_db(dir.path(), &format!("copy-{format}.db"));
        let file = dir.path().join(format!("export.{format}"));
        std::fs::write(&file, &text).unwrap();
        pantau(&copy).arg("import").arg(&file).assert().success();
        assert_eq!(placed(&copy), stored, "{format}");
    }
}
