//! Office files that used to lose data without a word, through the real binary: a hidden first
//! sheet, formulas without a saved result, implausible years, one-line JSON arrays, intake numbers
//! written two ways, and title rows or Excel's `sep=;` above the header.

use crate::import_support;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use chrono::NaiveDate;
use import_support::{PEMILU, cases, full_checksum, init_db, texts};
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};

const HEAD: &str = "nomor,sumber,kode_wilayah,kode_tahapan,tanggal_diterima,status,uraian";

/// The binary on `db`, sealed from the machine: its own home and XDG folders, English, no
/// PANTAU_* variable but a fixed day.
fn pantau(db: &Path) -> Command {
    let home = db.parent().unwrap().join("home");
    std::fs::create_dir_all(&home).unwrap();
    import_support::pantau_in(&home, db)
}

/// Imports `file` (written with `content`) with `args`: the exit code, standard output and error.
fn import(db: &Path, name: &str, content: &[u8], args: &[&str]) -> (Option<i32>, String, String) {
    let dir = db.parent().unwrap();
    std::fs::write(dir.join(name), content).unwrap();
    let out = pantau(db)
        .current_dir(dir)
        .arg("import")
        .args(PEMILU)
        .args(args)
        .arg(name)
        .output()
        .unwrap();
    let (stdout, stderr) = texts(&out);
    (out.status.code(), stdout, stderr)
}

/// Expects `name` refused with every one of `expected` in standard error, the database as it was.
fn refused(db: &Path, name: &str, content: &[u8], args: &[&str], expected: &[&str]) -> String {
    let before = full_checksum(db);
    let (code, _, stderr) = import(db, name, content, args);
    assert_eq!(code, Some(1), "{stderr}");
    for e in expected {
        assert!(stderr.contains(e), "expected {e:?} in:\n{stderr}");
    }
    assert_eq!(full_checksum(db), before, "the database is unchanged");
    stderr
}

fn accepted(db: &Path, name: &str, content: &[u8], args: &[&str]) -> String {
    let (code, stdout, stderr) = import(db, name, content, args);
    assert_eq!(code, Some(0), "{stdout}\n{stderr}");
    stdout
}

fn new_db(dir: &Path) -> PathBuf {
    init_db(dir, "p.db")
}

/// What `pantau export` writes (CSV), to see what was stored.
fn export(db: &Path) -> String {
    let out = pantau(db).arg("export").output().unwrap();
    assert!(out.status.success());
    texts(&out).0
}

fn row(nomor: &str, date: &str, status: &str, uraian: &str) -> String {
    format!("{nomor},laporan,64.71,KAMPANYE,{date},{status},{uraian}\n")
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

const XLSX_HEAD: [&str; 7] = [
    "nomor",
    "sumber",
    "kode_wilayah",
    "kode_tahapan",
    "tanggal_diterima",
    "status",
    "uraian",
];

/// Writes the header and rows of text cells to a worksheet, from `first_row`.
fn sheet_rows(ws: &mut rust_xlsxwriter::Worksheet, first_row: u32, rows: &[[&str; 7]]) {
    for (c, h) in XLSX_HEAD.iter().enumerate() {
        ws.write_string(first_row, c as u16, *h).unwrap();
    }
    for (r, cells) in rows.iter().enumerate() {
        for (c, v) in cells.iter().enumerate() {
            ws.write_string(first_row + 1 + r as u32, c as u16, *v)
                .unwrap();
        }
    }
}

#[test]
fn a_hidden_first_sheet_is_never_the_one_imported_and_the_sheet_read_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_db(dir.path());
    let mut book = Workbook::new();
    let old = book.add_worksheet().set_name("Arsip 2023").unwrap();
    sheet_rows(
        old,
        0,
        &[[
            "A-1",
            "laporan",
            "64.71",
            "KAMPANYE",
            "2024-01-15",
            "DITERIMA",
            "lama",
        ]],
    );
    old.set_hidden(true);
    let now = book.add_worksheet().set_name("Kasus").unwrap();
    sheet_rows(
        now,
        0,
        &[[
            "A-1",
            "laporan",
            "64.71",
            "KAMPANYE",
            "2024-01-15",
            "DIREGISTRASI",
            "baru",
        ]],
    );
    now.set_active(true);
    let stdout = accepted(&db, "rekap.xlsx", &book.save_to_buffer().unwrap(), &[]);
    assert!(stdout.contains("rekap.xlsx [Kasus]: 1 new"), "{stdout}");
    assert!(
        stdout.contains("hidden sheets skipped: Arsip 2023"),
        "{stdout}"
    );
    let stored = cases(&db);
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].uraian, "baru", "the visible sheet was imported");
    assert_eq!(stored[0].status.code(), "DIREGISTRASI");
}

/// The workbook as a script writes it: each formula without its saved result (`<v>`), which
/// only a spreadsheet program computes and saves.
pub(crate) fn without_results(book: &[u8]) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(book)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let name = entry.name().unwrap().to_string();
        let mut body = Vec::new();
        entry.read_to_end(&mut body).unwrap();
        if name.starts_with("xl/worksheets/") {
            let xml = String::from_utf8(body).unwrap();
            assert!(xml.contains("</f><v>0</v>"), "{xml}");
            body = xml.replace("</f><v>0</v>", "</f>").into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&body).unwrap();
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn formula_cells_without_a_saved_result_and_error_cells_are_refused_by_cell() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_db(dir.path());
    accepted(
        &db,
        "awal.csv",
        format!(
            "{HEAD}\n{}{}",
            row("F-1", "2024-01-15", "DITERIMA", "uraian satu"),
            row("F-2", "2024-01-15", "DITERIMA", "uraian dua")
        )
        .as_bytes(),
        &[],
    );
    let mut book = Workbook::new();
    let ws = book.add_worksheet().set_name("Kasus").unwrap();
    sheet_rows(
        ws,
        0,
        &[
            [
                "F-1",
                "laporan",
                "64.71",
                "KAMPANYE",
                "2024-01-15",
                "DITERIMA",
                "",
            ],
            [
                "F-2",
                "laporan",
                "64.71",
                "KAMPANYE",
                "2024-01-15",
                "DITERIMA",
                "",
            ],
        ],
    );
    ws.write_formula(1, 6, Formula::new("=CONCAT(\"a\",\"b\")"))
        .unwrap();
    ws.write_formula(2, 6, Formula::new("=Z99/0").set_result("#REF!"))
        .unwrap();
    let stderr = refused(
        &db,
        "skrip.xlsx",
        &without_results(&book.save_to_buffer().unwrap()),
        &[],
        &[
            "skrip.xlsx:Kasus!G2: column \"uraian\": the cell holds the formula =CONCAT",
            "without a saved result",
            "skrip.xlsx:Kasus!G3: column \"uraian\": the cell holds the error #REF!",
        ],
    );
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert!(
        export(&db).contains("uraian satu"),
        "the descriptions are kept"
    );
}

#[test]
fn a_short_year_means_this_century_and_implausible_years_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_db(dir.path());
    accepted(
        &db,
        "pendek.csv",
        format!("{HEAD}\n{}", row("Y-1", "15/01/24", "DITERIMA", "x")).as_bytes(),
        &[],
    );
    assert_eq!(cases(&db)[0].tanggal_diterima, day(2024, 1, 15));

    let text = format!(
        "{HEAD}\n{}{}{}{}{}",
        row("Y-2", "0024-01-15", "DITERIMA", "x"),
        row("Y-3", "15/01/0202", "DITERIMA", "x"),
        row("Y-4", "-2024-01-15", "DITERIMA", "x"),
        row("Y-5", "0000-01-01", "DITERIMA", "x"),
        row("Y-6", "15/01/99", "DITERIMA", "x"),
    );
    refused(
        &db,
        "tahun.csv",
        text.as_bytes(),
        &[],
        &[
            "tahun.csv:2: column \"tanggal_diterima\": the year of date \"0024-01-15\" is outside 2000–2024",
            "tahun.csv:3: column \"tanggal_diterima\": the year of date \"15/01/0202\" is outside 2000–2024",
            "tahun.csv:4: column \"tanggal_diterima\":",
            "tahun.csv:5: column \"tanggal_diterima\": the year of date \"0000-01-01\"",
            "tahun.csv:6: column \"tanggal_diterima\": the two-digit year of \"15/01/99\" is not one of 2000–2024; write the year with four digits",
        ],
    );

    // A date cell of a workbook, and a JSON date, are held to the same years.
    let mut book = Workbook::new();
    let ws = book.add_worksheet().set_name("Kasus").unwrap();
    sheet_rows(
        ws,
        0,
        &[["Y-7", "laporan", "64.71", "KAMPANYE", "", "DITERIMA", "x"]],
    );
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let old = ExcelDateTime::from_ymd(1924, 1, 15).unwrap();
    ws.write_datetime_with_format(1, 4, &old, &date).unwrap();
    refused(
        &db,
        "tahun.xlsx",
        &book.save_to_buffer().unwrap(),
        &[],
        &[
            "tahun.xlsx:Kasus!E2: column \"tanggal_diterima\": the year of date \"1924-01-15\" is outside 2000–2024",
        ],
    );
    let json = r#"[{"nomor":"Y-8","sumber":"laporan","kode_wilayah":"64.71","kode_tahapan":"KAMPANYE","tanggal_diterima":"0202-01-15","status":"DITERIMA"}]"#;
    refused(
        &db,
        "tahun.json",
        json.as_bytes(),
        &[],
        &["tahun.json:1: object #1: column \"tanggal_diterima\": the year of date \"0202-01-15\""],
    );
    assert_eq!(cases(&db).len(), 1);
}

fn json_object(nomor: &str, region: &str) -> String {
    format!(
        r#"{{"nomor":"{nomor}","sumber":"laporan","kode_wilayah":"{region}","kode_tahapan":"KAMPANYE","tanggal_diterima":"2024-01-15","status":"DITERIMA"}}"#
    )
}

#[test]
fn a_one_line_json_array_names_each_object_and_skips_only_the_bad_ones() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_db(dir.path());
    let one_line = format!(
        "[{},{},{}]",
        json_object("J-1", "64.71"),
        json_object("J-2", "Samarindah"),
        json_object("J-3", "64.72")
    );
    refused(
        &db,
        "satu.json",
        one_line.as_bytes(),
        &[],
        &["satu.json:1: object #2: column \"kode_wilayah\": unknown region \"Samarindah\""],
    );
    let stdout = accepted(&db, "satu.json", one_line.as_bytes(), &["--skip-invalid"]);
    assert!(
        stdout.contains("2 new, 0 changed, 0 unchanged, 1 rejected"),
        "{stdout}"
    );
    let nomors: Vec<String> = cases(&db).into_iter().map(|c| c.nomor).collect();
    assert_eq!(nomors.len(), 2, "{nomors:?}");
    assert!(nomors.contains(&"J-1".to_string()) && nomors.contains(&"J-3".to_string()));
    let rejected = std::fs::read_to_string(dir.path().join("satu.json.rejected.jsonl")).unwrap();
    assert_eq!(rejected.lines().count(), 1, "{rejected}");
    assert!(rejected.contains("J-2"), "{rejected}");

    // JSON Lines and a pretty-printed array: the object and its line.
    let lines = format!(
        "{}\n{}\n",
        json_object("J-4", "64.71"),
        json_object("J-5", "Balikpapn")
    );
    refused(
        &db,
        "baris.jsonl",
        lines.as_bytes(),
        &[],
        &["baris.jsonl:2: object #2: column \"kode_wilayah\""],
    );
    let pretty = format!(
        "[\n  {},\n  {}\n]\n",
        json_object("J-6", "64.71"),
        json_object("J-7", "Balikpapn")
    );
    refused(
        &db,
        "rapi.json",
        pretty.as_bytes(),
        &[],
        &["rapi.json:3: object #2: column \"kode_wilayah\""],
    );
}

#[test]
fn one_intake_number_written_two_ways_in_a_file_is_refused_with_both_spellings() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_db(dir.path());
    let text = format!(
        "{HEAD}\n{}{}{}{}",
        row("001/LP/PL/64.71/I/2024", "2024-01-15", "DITERIMA", "a"),
        row("001/lp/pl/64.71/i/2024", "2024-01-15", "DITERIMA", "b"),
        row("001/LP/PL/ 64.71/I/2024", "2024-01-15", "DITERIMA", "c"),
        row("001／LP／PL／64.71／I／2024", "2024-01-15", "DITERIMA", "d"),
    );
    refused(
        &db,
        "ganda.csv",
        text.as_bytes(),
        &[],
        &[
            "ganda.csv:3: column \"nomor\": \"001/lp/pl/64.71/i/2024\" is the intake number \"001/LP/PL/64.71/I/2024\" of line 2 written differently",
            "ganda.csv:4: column \"nomor\": \"001/LP/PL/ 64.71/I/2024\" is the intake number",
            "ganda.csv:5: column \"nomor\": \"001／LP／PL／64.71／I／2024\" is the intake number",
        ],
    );
    assert!(cases(&db).is_empty());
}

#[test]
fn a_stored_intake_number_written_differently_is_refused_and_invisible_characters_are_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_db(dir.path());
    let n = "001/LP/PL/64.71/I/2024";
    accepted(
        &db,
        "awal.csv",
        format!("{HEAD}\n{}", row(n, "2024-01-15", "DITERIMA", "a")).as_bytes(),
        &[],
    );
    refused(
        &db,
        "kecil.csv",
        format!(
            "{HEAD}\n{}",
            row("001/lp/pl/64.71/i/2024", "2024-01-15", "DIREGISTRASI", "a")
        )
        .as_bytes(),
        &[],
        &[
            "kecil.csv:2: nomor \"001/lp/pl/64.71/i/2024\" is the stored case \"001/LP/PL/64.71/I/2024\" written differently",
            "Write \"001/LP/PL/64.71/I/2024\" to update that case",
        ],
    );
    // A zero-width space is no part of the number: the row updates the stored case.
    let stdout = accepted(
        &db,
        "zwsp.csv",
        format!(
            "{HEAD}\n{}",
            row(
                "001/LP\u{200B}/PL/64.71/I/2024",
                "2024-01-15",
                "DIREGISTRASI",
                "a"
            )
        )
        .as_bytes(),
        &[],
    );
    assert!(stdout.contains("0 new, 1 changed"), "{stdout}");
    let stored = cases(&db);
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].nomor, n);
    assert_eq!(stored[0].status.code(), "DIREGISTRASI");
}

#[test]
fn a_title_row_above_the_header_and_excel_sep_line_are_recognised() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_db(dir.path());
    let semi = |r: String| r.replace(',', ";");
    let text = format!(
        "sep=;\r\n{}\r\n{}",
        semi(HEAD.into()),
        semi(row("S-1", "2024-01-15", "DITERIMA", "a"))
    );
    let stdout = accepted(&db, "excel.csv", text.as_bytes(), &[]);
    assert!(stdout.contains("1 new"), "{stdout}");
    let text = format!(
        "Rekap Pelanggaran Januari 2024;;;;;;\n;;;;;;\n{}\n{}",
        semi(HEAD.into()),
        semi(row("S-2", "2024-01-15", "DITERIMA", "a"))
            + &semi(row("S-3", "2024-01-15", "BOGUS", "a"))
    );
    refused(
        &db,
        "judul.csv",
        text.as_bytes(),
        &[],
        &["judul.csv:5: column \"status\": unknown status \"BOGUS\""],
    );
    let text = text.replace("BOGUS", "DITERIMA");
    let stdout = accepted(&db, "judul.csv", text.as_bytes(), &[]);
    assert!(stdout.contains("2 new"), "{stdout}");
    assert!(
        stdout.contains(
            "the header row is line 3; the 1 line(s) above it (a title?) were not imported"
        ),
        "{stdout}"
    );

    let mut book = Workbook::new();
    let ws = book.add_worksheet().set_name("Rekap").unwrap();
    ws.write_string(0, 0, "Rekap Pelanggaran Januari 2024")
        .unwrap();
    sheet_rows(
        ws,
        2,
        &[[
            "S-4",
            "laporan",
            "64.71",
            "KAMPANYE",
            "2024-01-15",
            "DITERIMA",
            "a",
        ]],
    );
    let stdout = accepted(&db, "judul.xlsx", &book.save_to_buffer().unwrap(), &[]);
    assert!(stdout.contains("judul.xlsx [Rekap]: 1 new"), "{stdout}");
    assert!(stdout.contains("the header row is line 3"), "{stdout}");
    assert_eq!(cases(&db).len(), 4);
}
