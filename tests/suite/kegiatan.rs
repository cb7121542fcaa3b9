//! Loading the office's weekly campaign activities (`pantau kegiatan import`): all or nothing with
//! every problem named, the same file twice changes nothing, a correction replaces a region's pekan
//! and keeps the old figures, every format, dates as pekan, both languages.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::import_support::{init_db, pantau};

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/contoh-kegiatan.csv");

/// `ARGS` of `pantau kegiatan`, an import being of Pemilu 2024's figures: a database made by
/// `pantau init` holds Pemilu 2024 and Pilkada 2024, and these files' rows name no election.
fn pemilu<'a>(args: &[&'a str]) -> Vec<&'a str> {
    match args.split_first() {
        Some((&"import", rest)) => [&["import", "--election", "PEMILU2024"][..], rest].concat(),
        _ => args.to_vec(),
    }
}

/// Runs `pantau kegiatan ARGS` on `db` and gives its standard output; it must succeed.
fn ok(db: &Path, args: &[&str]) -> String {
    let out = pantau(db)
        .arg("kegiatan")
        .args(pemilu(args))
        .assert()
        .success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

/// Runs `pantau kegiatan ARGS` on `db`, which must fail; gives its standard error.
fn refused(db: &Path, args: &[&str]) -> String {
    let out = pantau(db)
        .arg("kegiatan")
        .args(pemilu(args))
        .assert()
        .failure();
    String::from_utf8(out.get_output().stderr.clone()).unwrap()
}

/// The figures loaded, as `kegiatan --format json` gives them: (pekan, region, total).
fn loaded(db: &Path) -> Vec<(u64, String, i64)> {
    let v: Value = serde_json::from_str(&ok(db, &["--format", "json"])).unwrap();
    assert_eq!(v["elections"], serde_json::json!(["PEMILU2024"]));
    v["figures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["pekan"].as_u64().unwrap(),
                p["region"].as_str().unwrap().to_string(),
                p["total"].as_i64().unwrap(),
            )
        })
        .collect()
}

fn write(dir: &Path, name: &str, content: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, content).unwrap();
    p
}

fn batches(db: &Path) -> usize {
    let out = pantau(db).arg("batches").assert().success();
    String::from_utf8_lossy(&out.get_output().stdout)
        .lines()
        .filter(|l| l.starts_with('#'))
        .count()
}

#[test]
fn one_bad_row_writes_nothing_and_every_problem_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path(), "t.db");
    let file = write(
        dir.path(),
        "salah.csv",
        b"wilayah,pekan,metode,peserta,partai,jumlah\n\
          Berau,1,Tatap muka,PARTAI,,30\n\
          Samarindah,1,Tatap muka,PARTAI,,2\n\
          Kukar,12,tatap mka,partei,,-3\n\
          Bontang,2024-02-11,Rapat umum,DPD,,1.491\n\
          Berau,1,TATAP_MUKA,Partai,,5\n",
    );
    let err = refused(&db, &["import", file.to_str().unwrap()]);
    for expected in [
        "salah.csv:3: column \"wilayah\": unknown region \"Samarindah\" — did you mean Samarinda (64.72)?",
        "salah.csv:4: column \"pekan\": there is no pekan \"12\": this campaign has pekan 1 to 10",
        "salah.csv:4: column \"metode\": unknown campaign method \"tatap mka\" — did you mean TATAP_MUKA (Face-to-face meetings)?",
        "salah.csv:4: column \"peserta\": unknown contestant kind \"partei\" — did you mean PARTAI?",
        "salah.csv:4: column \"jumlah\": the count \"-3\" is not a whole number",
        "salah.csv:5: column \"pekan\": the date \"2024-02-11\" is outside the campaign (28 November 2023 – 10 February 2024)",
        "salah.csv:5: column \"jumlah\": the count \"1.491\"",
        "salah.csv:6: the same region, pekan, method, contestant and party are on line 2 already",
        "8 problems in 4 rows; nothing was written",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    assert!(loaded(&db).is_empty(), "nothing was loaded");
    assert_eq!(batches(&db), 0, "no batch was recorded");
}

#[test]
fn the_same_file_twice_changes_nothing_and_a_correction_keeps_the_old_figures() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path(), "t.db");
    let first = ok(&db, &["import", EXAMPLE]);
    assert!(
        first.contains("7 new, 0 corrected, 0 unchanged — batch #1"),
        "{first}"
    );
    assert!(
        first.contains("Week 1 (28 Nov – 4 Dec 2023), Berau: new, 42 activities"),
        "{first}"
    );
    let before = loaded(&db);
    assert_eq!(before.iter().map(|r| r.2).sum::<i64>(), 92 + 168);

    let again = ok(&db, &["import", EXAMPLE]);
    assert!(
        again.contains("0 new, 0 corrected, 7 unchanged; nothing changed"),
        "{again}"
    );
    assert!(
        again.contains("the same file was loaded as batch #1"),
        "{again}"
    );
    assert_eq!(loaded(&db), before);
    assert_eq!(batches(&db), 1, "the second load recorded no batch");
    assert!(ok(&db, &["--history"]).contains("No figure has been replaced"));

    // Berau's pekan 1 again, without "Bentuk lain": the pekan is replaced whole.
    let fix = write(
        dir.path(),
        "koreksi.csv",
        b"region,week,method,contestant,count\n\
          64.03,1,Face-to-face meetings,parties,33\n\
          64.03,1,PERTEMUAN_TERBATAS,PARTAI,12\n",
    );
    let corrected = ok(&db, &["import", fix.to_str().unwrap()]);
    assert!(
        corrected.contains("0 new, 1 corrected, 0 unchanged — batch #2"),
        "{corrected}"
    );
    assert!(
        corrected.contains("Week 1 (28 Nov – 4 Dec 2023), Berau: corrected, 42 → 45 activities"),
        "{corrected}"
    );
    let after = loaded(&db);
    assert!(after.contains(&(1, "64.03".into(), 45)), "{after:?}");
    let history: Value =
        serde_json::from_str(&ok(&db, &["--history", "--format", "json"])).unwrap();
    let old: Vec<(String, i64, i64)> = history["replaced"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["method"].as_str().unwrap().to_string(),
                h["count"].as_i64().unwrap(),
                h["replaced_by"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(old.len(), 3, "{old:?}");
    assert_eq!(old.iter().map(|o| o.1).sum::<i64>(), 42);
    assert!(old.iter().all(|o| o.2 == 2));
    assert!(old.iter().any(|o| o.0 == "LAINNYA"));
    let table = ok(&db, &["--history"]);
    assert!(
        table.contains("Bentuk lain") || table.contains("Other forms"),
        "{table}"
    );
    assert_eq!(batches(&db), 2);
}

#[test]
fn a_dry_run_says_what_would_happen_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path(), "t.db");
    let out = ok(&db, &["import", "--dry-run", EXAMPLE]);
    assert!(out.contains("7 new"), "{out}");
    assert!(
        out.contains("Dry run (--dry-run): nothing was written."),
        "{out}"
    );
    assert!(!out.contains("batch #"), "{out}");
    assert!(loaded(&db).is_empty());
    assert_eq!(batches(&db), 0);
}

#[test]
fn dates_map_to_their_pekan_from_the_campaigns_first_day() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path(), "t.db");
    let file = write(
        dir.path(),
        "tanggal.csv",
        b"wilayah,tanggal,metode,peserta,jumlah\n\
          Balikpapan,28/11/2023,Tatap muka,PARTAI,1\n\
          Balikpapan,2023-12-04,Rapat umum,PARTAI,2\n\
          Balikpapan,2024-01-02,Tatap muka,PARTAI,3\n\
          Balikpapan,2024-01-08,Rapat umum,PARTAI,4\n\
          Balikpapan,2024-02-10,Tatap muka,PARTAI,5\n",
    );
    ok(&db, &["import", file.to_str().unwrap()]);
    assert_eq!(
        loaded(&db),
        vec![
            (1, "64.71".into(), 3),
            (6, "64.71".into(), 7),
            (10, "64.71".into(), 5)
        ]
    );
    let before = write(
        dir.path(),
        "sebelum.csv",
        b"wilayah,pekan,metode,peserta,jumlah\nBerau,2023-11-27,Tatap muka,PARTAI,1\n",
    );
    let err = refused(&db, &["import", before.to_str().unwrap()]);
    assert!(err.contains("outside the campaign"), "{err}");
}

#[test]
fn every_format_loads_the_same_figures() {
    let dir = tempfile::tempdir().unwrap();
    let want = vec![(1, "64.03".into(), 42), (2, "64.72".into(), 15)];

    // `;`-separated, as Excel writes it in an Indonesian locale, with its `sep=;` line.
    let db = init_db(dir.path(), "semicolon.db");
    let f = write(
        dir.path(),
        "titik-koma.csv",
        "sep=;\r\nKode Wilayah;Pekan;Metode;Peserta;Partai;Jumlah\r\n\
         64.03;1;Tatap muka;PARTAI;;40\r\n64.03;1;Bentuk lain;PARTAI;;2\r\n\
         Samarinda;2;Pertemuan terbatas;DPD;;4\r\nSamarinda;2;Tatap muka;Partai politik;;11\r\n"
            .replace("Partai politik", "PARTAI")
            .as_bytes(),
    );
    ok(&db, &["import", f.to_str().unwrap()]);
    assert_eq!(loaded(&db), want);

    // JSON: an array of objects, English names.
    let db = init_db(dir.path(), "json.db");
    let f = write(
        dir.path(),
        "kegiatan.json",
        br#"[
  {"region": "Berau", "week": 1, "method": "Face-to-face meetings", "contestant": "PARTAI", "count": 40},
  {"region": "Berau", "week": 1, "method": "LAINNYA", "contestant": "PARTAI", "count": 2},
  {"region": "64.72", "week": "2023-12-05", "method": "Limited meetings", "contestant": "DPD", "count": 4},
  {"region": "64.72", "week": 2, "method": "Tatap muka", "contestant": "PARTAI", "party": null, "count": 11}
]"#,
    );
    ok(&db, &["import", f.to_str().unwrap()]);
    assert_eq!(loaded(&db), want);
    // A problem in JSON names its object.
    let bad = write(
        dir.path(),
        "salah.json",
        br#"[{"region": "Berau", "week": 1, "method": "Rally", "contestant": "PARTAI", "count": 1}]"#,
    );
    let err = refused(&db, &["import", bad.to_str().unwrap()]);
    assert!(
        err.contains(
            "salah.json:1: object #1: column \"method\": unknown campaign method \"Rally\""
        ),
        "{err}"
    );

    // XLSX: a title above the header, a hidden sheet before the one read, numbers and dates as
    // cells of their own type.
    let db = init_db(dir.path(), "xlsx.db");
    let mut book = rust_xlsxwriter::Workbook::new();
    let date = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
    let hidden = book.add_worksheet();
    hidden.set_name("Lama").unwrap();
    hidden.write_string(0, 0, "wilayah").unwrap();
    hidden.set_hidden(true);
    let ws = book.add_worksheet();
    ws.set_name("Rekap").unwrap().set_active(true);
    ws.write_string(0, 0, "Rekap pengawasan kegiatan kampanye")
        .unwrap();
    for (c, h) in ["Wilayah", "Pekan", "Metode", "Peserta", "Jumlah"]
        .iter()
        .enumerate()
    {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    let rows: [(&str, Option<u8>, &str, &str, f64); 4] = [
        ("Berau", None, "Tatap muka", "PARTAI", 40.0),
        ("Berau", None, "Bentuk lain", "PARTAI", 2.0),
        ("Samarinda", Some(5), "Pertemuan terbatas", "DPD", 4.0),
        ("Samarinda", Some(11), "Tatap muka", "PARTAI", 11.0),
    ];
    for (i, (region, day, method, who, n)) in rows.iter().enumerate() {
        let r = 3 + i as u32;
        ws.write_string(r, 0, *region).unwrap();
        match day {
            Some(d) => {
                let dt = rust_xlsxwriter::ExcelDateTime::from_ymd(2023, 12, *d).unwrap();
                ws.write_datetime_with_format(r, 1, &dt, &date).unwrap();
            }
            None => {
                ws.write_number(r, 1, 1.0).unwrap();
            }
        }
        ws.write_string(r, 2, *method).unwrap();
        ws.write_string(r, 3, *who).unwrap();
        ws.write_number(r, 4, *n).unwrap();
    }
    let f = write(dir.path(), "kegiatan.xlsx", &book.save_to_buffer().unwrap());
    let out = ok(&db, &["import", f.to_str().unwrap()]);
    assert!(
        out.contains("kegiatan.xlsx [Rekap]:"),
        "the sheet read is named: {out}"
    );
    assert!(out.contains("hidden sheets skipped: Lama"), "{out}");
    assert_eq!(loaded(&db), want);

    // A formula without a saved value is refused, in its cell.
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    for (c, h) in ["wilayah", "pekan", "metode", "peserta", "jumlah"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_string(1, 0, "Berau").unwrap();
    ws.write_number(1, 1, 1.0).unwrap();
    ws.write_string(1, 2, "Tatap muka").unwrap();
    ws.write_string(1, 3, "PARTAI").unwrap();
    ws.write_formula(1, 4, "=SUM(F2:H2)").unwrap();
    let script = crate::office_files::without_results(&book.save_to_buffer().unwrap());
    let f = write(dir.path(), "rumus.xlsx", &script);
    let err = refused(&db, &["import", f.to_str().unwrap()]);
    assert!(err.contains("rumus.xlsx:Sheet1!E2"), "{err}");
    assert_eq!(
        loaded(&db),
        want,
        "nothing of the refused workbook was written"
    );
}

#[test]
fn one_message_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path(), "t.db");
    let f = write(
        dir.path(),
        "k.csv",
        b"wilayah,pekan,metode,peserta,jumlah\nBerau,1,kampanye akbar,PARTAI,3\n",
    );
    let en = refused(&db, &["import", "--lang", "en", f.to_str().unwrap()]);
    let id = refused(&db, &["import", "--lang", "id", f.to_str().unwrap()]);
    // The list of methods is in the message's language only, named by the row's election.
    assert!(
        en.contains("k.csv:2: column \"metode\": unknown campaign method \"kampanye akbar\" (choices of the 2024 General Election: PERTEMUAN_TERBATAS (Limited meetings), TATAP_MUKA (Face-to-face meetings)"),
        "{en}"
    );
    assert!(
        id.contains("k.csv:2: kolom \"metode\": metode kampanye tidak dikenal \"kampanye akbar\" (pilihan Pemilu 2024: PERTEMUAN_TERBATAS (Pertemuan terbatas), TATAP_MUKA (Tatap muka)"),
        "{id}"
    );
    assert!(
        !en.contains("Pertemuan terbatas") && !en.contains("Tatap muka"),
        "{en}"
    );
    assert!(
        !id.contains("Limited meetings") && !id.contains("Face-to-face"),
        "{id}"
    );
    // A near miss is suggested in the message's language too.
    let g = write(
        dir.path(),
        "g.csv",
        b"wilayah,pekan,metode,peserta,jumlah\nBerau,1,tatap mka,PARTAI,3\n",
    );
    let en = refused(&db, &["import", "--lang", "en", g.to_str().unwrap()]);
    let id = refused(&db, &["import", "--lang", "id", g.to_str().unwrap()]);
    assert!(
        en.contains("did you mean TATAP_MUKA (Face-to-face meetings)?"),
        "{en}"
    );
    assert!(id.contains("maksud Anda TATAP_MUKA (Tatap muka)?"), "{id}");
    assert!(
        id.contains("1 kesalahan di 1 baris; tidak ada yang ditulis"),
        "{id}"
    );
}

#[test]
fn the_table_names_regions_as_every_report_does() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path(), "t.db");
    let f = write(
        dir.path(),
        "k.csv",
        b"wilayah,pekan,metode,peserta,jumlah\n64,1,TATAP_MUKA,PARTAI,3\nKukar,1,TATAP_MUKA,PARTAI,2\n",
    );
    ok(&db, &["import", f.to_str().unwrap()]);
    // The provincial office's row reads as in `report` and on the screen.
    let en = ok(&db, &["--lang", "en"]);
    assert!(en.contains("Province (Kaltim)"), "{en}");
    assert!(en.contains("Kutai Kartanegara"), "{en}");
    let id = ok(&db, &["--lang", "id"]);
    assert!(id.contains("Provinsi (Kaltim)"), "{id}");
    assert!(!id.contains("Kaltim "), "{id}");
}

#[test]
fn an_export_is_private_and_loads_back_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path(), "t.db");
    ok(&db, &["import", EXAMPLE]);
    let out = dir.path().join("ekspor.csv");
    pantau(&db)
        .args(["kegiatan", "export", "-o"])
        .arg(&out)
        .assert()
        .success();
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(
        text.starts_with("kode_wilayah,pekan,metode,peserta,partai,jumlah,pemilihan\n"),
        "{text}"
    );
    let again = ok(&db, &["import", out.to_str().unwrap()]);
    assert!(again.contains("7 unchanged; nothing changed"), "{again}");
    let json: Value = serde_json::from_slice(
        &pantau(&db)
            .args(["kegiatan", "export", "--format", "json"])
            .assert()
            .success()
            .get_output()
            .stdout,
    )
    .unwrap();
    assert_eq!(json.as_array().unwrap().len(), 16);
}

#[test]
fn a_read_only_database_is_refused_as_the_case_import_refuses_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path(), "t.db");
    let err = refused(&db, &["import", "--read-only", EXAMPLE]);
    assert!(err.contains("read-only"), "{err}");
    assert!(loaded(&db).is_empty());
}

#[test]
fn batches_say_what_each_loaded_in_both_languages_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path(), "t.db");
    let cases = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/contoh-import.csv");
    pantau(&db).args(["import", cases]).assert().success();
    ok(&db, &["import", EXAMPLE]);
    let lines = |lang: &str| {
        let out = pantau(&db)
            .args(["batches", "--lang", lang])
            .assert()
            .success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    };
    let en = lines("en");
    let (activities, cases_line) = (
        en.lines().find(|l| l.starts_with("#2")).unwrap(),
        en.lines().find(|l| l.starts_with("#1")).unwrap(),
    );
    assert!(
        activities.contains("campaign activities") && activities.contains("contoh-kegiatan.csv"),
        "{en}"
    );
    assert!(
        cases_line.contains(" cases ") && cases_line.contains("contoh-import.csv"),
        "{en}"
    );
    let id = lines("id");
    assert!(
        id.lines()
            .any(|l| l.starts_with("#2") && l.contains("kegiatan kampanye")),
        "{id}"
    );
    assert!(
        id.lines()
            .any(|l| l.starts_with("#1") && l.contains(" kasus ")),
        "{id}"
    );

    let out = pantau(&db)
        .args(["batches", "--format", "json"])
        .assert()
        .success();
    let v: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let all = v.as_array().unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0]["id"], 2);
    assert_eq!(all[0]["content"], "activities");
    assert_eq!(all[0]["content_label"], "campaign activities");
    assert_eq!(all[1]["content"], "cases");
    assert!(
        all[1]["source_name"]
            .as_str()
            .unwrap()
            .ends_with("contoh-import.csv")
    );
}

#[test]
fn a_count_too_large_is_named_as_such_and_never_crashes_the_sum() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path(), "t.db");
    // Each count fits a 64-bit integer; their sum for Balikpapan's pekan 3 does not.
    let f = write(
        dir.path(),
        "besar.csv",
        b"kode_wilayah,pekan,metode,peserta,partai,jumlah\n\
          64.71,3,TATAP_MUKA,PARTAI,,9000000000000000000\n\
          64.71,3,PERTEMUAN_TERBATAS,PARTAI,,9000000000000000000\n\
          64.72,3,TATAP_MUKA,PARTAI,,99999999999999999999\n",
    );
    let out = pantau(&db)
        .args(["kegiatan", "import", "--election", "PEMILU2024"])
        .arg(f.to_str().unwrap())
        .assert()
        .code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(!err.contains("bug in pantau"), "{err}");
    assert!(
        err.contains(
            "besar.csv:2: column \"jumlah\": the count \"9000000000000000000\" is too large: at most 1,000,000,000 activities in one row"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "besar.csv:4: column \"jumlah\": the count \"99999999999999999999\" is too large"
        ),
        "{err}"
    );
    let id = refused(&db, &["import", "--lang", "id", f.to_str().unwrap()]);
    assert!(
        id.contains("jumlah \"9000000000000000000\" terlalu besar: paling banyak 1.000.000.000 kegiatan dalam satu baris"),
        "{id}"
    );
    assert!(loaded(&db).is_empty());
}

#[test]
fn a_column_pantau_does_not_know_is_skipped_with_the_option_the_message_names() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path(), "t.db");
    let f = write(
        dir.path(),
        "catatan.csv",
        b"kode_wilayah,pekan,metode,peserta,partai,jumlah,keterangan\n\
          64.71,3,TATAP_MUKA,PARTAI,,5,dari laporan PKD\n",
    );
    let err = refused(&db, &["import", f.to_str().unwrap()]);
    assert!(
        err.contains("column \"keterangan\": unknown column (--ignore-unknown to skip it)"),
        "{err}"
    );
    assert!(!err.contains("file of cases"), "{err}");
    ok(&db, &["import", "--ignore-unknown", f.to_str().unwrap()]);
    assert_eq!(loaded(&db), vec![(3, "64.71".to_string(), 5)]);
}

#[test]
fn a_file_of_cases_is_pointed_to_the_case_import() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path(), "t.db");
    let f = write(
        dir.path(),
        "kasus.csv",
        b"nomor,sumber,kode_wilayah,kode_tahapan,tanggal_diterima,status\n\
          001/TM/PL/Kota/23.05/I/2024,temuan,64.71,KAMPANYE,2024-01-03,PENELUSURAN\n",
    );
    let path = f.to_str().unwrap();
    let err = refused(&db, &["import", path]);
    let said = |err: &str, line: &str| err.lines().filter(|l| *l == line).count();
    assert_eq!(
        said(
            &err,
            &format!(
                "{path} looks like a file of cases (columns nomor, sumber, kode_tahapan, \
                 tanggal_diterima, status); cases are loaded with `pantau import {path}`"
            )
        ),
        1,
        "{err}"
    );
    let id = refused(&db, &["import", "--lang", "id", path]);
    assert_eq!(
        said(
            &id,
            &format!(
                "{path} tampaknya berkas kasus (kolom nomor, sumber, kode_tahapan, \
                 tanggal_diterima, status); kasus dimuat dengan `pantau import {path}`"
            )
        ),
        1,
        "{id}"
    );
    assert_eq!(batches(&db), 0);
}

#[test]
fn a_file_with_only_its_header_says_it_has_no_figures() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path(), "t.db");
    let f = write(
        dir.path(),
        "kosong.csv",
        b"kode_wilayah,pekan,metode,peserta,partai,jumlah\n",
    );
    let err = refused(&db, &["import", f.to_str().unwrap()]);
    assert!(!err.contains("loaded already"), "{err}");
    assert!(
        err.contains("kosong.csv has no figures, only its header row; nothing was written"),
        "{err}"
    );
    let id = refused(&db, &["import", "--lang", "id", f.to_str().unwrap()]);
    assert!(
        id.contains("kosong.csv tidak berisi angka, hanya baris judul; tidak ada yang ditulis"),
        "{id}"
    );
    assert_eq!(batches(&db), 0);
}

#[test]
fn an_export_into_a_missing_folder_names_it_without_a_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path(), "t.db");
    ok(&db, &["import", EXAMPLE]);
    let out = pantau(&db)
        .args(["kegiatan", "export", "-o"])
        .arg(dir.path().join("tidak-ada").join("k.csv"))
        .assert()
        .failure();
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(err.contains("tidak-ada"), "{err}");
    assert!(!err.contains(".pantau-"), "{err}");
}

/// Pilkada 2024's figures of pekan 1 in Balikpapan, split by candidate pair, each row naming its
/// election: the pair of the third ballot number with `third` activities.
fn pilkada_pairs(third: u32) -> Vec<u8> {
    format!(
        "kode_wilayah,pekan,metode,peserta,partai,jumlah,pemilihan\n\
         64.71,1,TATAP_MUKA,BUPATI_WALIKOTA,WALIKOTA_BALIKPAPAN/01,12,PILKADA2024\n\
         64.71,1,TATAP_MUKA,BUPATI_WALIKOTA,WALIKOTA_BALIKPAPAN/03,{third},Pilkada 2024\n\
         64.71,1,PERTEMUAN_TERBATAS,GUBERNUR,GUBERNUR/02,4,PILKADA2024\n"
    )
    .into_bytes()
}

#[test]
fn an_export_without_an_election_is_every_elections_figures_and_loads_back_whole() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path(), "t.db");
    ok(&db, &["import", EXAMPLE]);
    let pairs = write(dir.path(), "pairs.csv", &pilkada_pairs(9));
    ok(&db, &["import", pairs.to_str().unwrap()]);
    let out = dir.path().join("semua.csv");
    pantau(&db)
        .args(["kegiatan", "export", "-o"])
        .arg(&out)
        .assert()
        .success();
    let text = std::fs::read_to_string(&out).unwrap();
    let of = |code: &str| text.lines().filter(|l| l.ends_with(code)).count();
    // Pemilu 2024's 16 figures and Pilkada 2024's 3: none left out.
    assert_eq!((of(",PEMILU2024"), of(",PILKADA2024")), (16, 3), "{text}");
    assert!(
        text.contains("64.71,1,TATAP_MUKA,BUPATI_WALIKOTA,WALIKOTA_BALIKPAPAN/03,9,PILKADA2024\n"),
        "{text}"
    );
    // `--election` still narrows it to one election.
    let one = pantau(&db)
        .args(["kegiatan", "export", "--election", "pilkada 2024"])
        .assert()
        .success();
    let one = String::from_utf8(one.get_output().stdout.clone()).unwrap();
    assert_eq!(one.lines().count(), 1 + 3, "{one}");
    // Into a database of both elections, with no --election: each row's own column says it.
    let fresh = init_db(dir.path(), "fresh.db");
    pantau(&fresh)
        .args(["kegiatan", "import"])
        .arg(&out)
        .assert()
        .success();
    let again = pantau(&fresh)
        .args(["kegiatan", "export"])
        .assert()
        .success();
    assert_eq!(String::from_utf8_lossy(&again.get_output().stdout), text);
    // And back into the database it came from, nothing changes.
    let back = pantau(&db)
        .args(["kegiatan", "import"])
        .arg(&out)
        .assert()
        .success();
    let back = String::from_utf8_lossy(&back.get_output().stdout).into_owned();
    assert!(back.contains("nothing changed"), "{back}");
}

#[test]
fn a_pilkadas_history_names_its_candidate_pairs_in_either_language() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path(), "t.db");
    let first = write(dir.path(), "a.csv", &pilkada_pairs(9));
    let second = write(dir.path(), "b.csv", &pilkada_pairs(11));
    ok(&db, &["import", first.to_str().unwrap()]);
    ok(&db, &["import", second.to_str().unwrap()]);
    let history = |lang: &str| {
        ok(
            &db,
            &["--history", "--election", "PILKADA2024", "--lang", lang],
        )
    };
    let id = history("id");
    assert!(id.starts_with("Pemilihan: Pilkada 2024\n"), "{id}");
    assert!(
        id.contains("Pasangan calon") && !id.contains("Partai"),
        "{id}"
    );
    assert!(
        id.contains("Pemilihan Wali Kota Balikpapan, nomor urut 03"),
        "{id}"
    );
    assert!(!id.contains("WALIKOTA_BALIKPAPAN/"), "{id}");
    let en = history("en");
    assert!(
        en.starts_with("Election: 2024 Regional Head Elections\n"),
        "{en}"
    );
    assert!(
        en.contains("Candidate pair") && !en.contains("Party"),
        "{en}"
    );
    assert!(en.contains("Mayor of Balikpapan, pair no. 3"), "{en}");
    assert!(
        en.contains("Governor of Kalimantan Timur, pair no. 2"),
        "{en}"
    );
}
