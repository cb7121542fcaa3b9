//! Malformed inputs through the real binary: each gives its documented `FILE:LINE: column "x":
//! message`, exit status 1, and leaves the database exactly as it was (checksum of every case,
//! history entry, batch, full-text entry and the schema, before and after).

use crate::import_support;

use std::path::{Path, PathBuf};

use import_support::*;
use pantau::store::{Mode, Store};

/// A database holding a few cases already, so "unchanged" means something.
fn seeded(dir: &Path) -> PathBuf {
    let db = init_db(dir, "p.db");
    seed(&db, &varied_cases(30));
    db
}

/// Imports `name` with `content` and `args`; expects failure with every line of `expected` in
/// standard error, and the database untouched. Returns standard error.
fn refused(db: &Path, name: &str, content: &[u8], args: &[&str], expected: &[&str]) -> String {
    let dir = db.parent().unwrap();
    let file = dir.join(name);
    std::fs::write(&file, content).unwrap();
    let before = full_checksum(db);
    let out = pantau(db)
        .current_dir(dir)
        .arg("import")
        .args(PEMILU)
        .args(args)
        .arg(name)
        .output()
        .unwrap();
    let (_, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    for e in expected {
        assert!(stderr.contains(e), "expected {e:?} in:\n{stderr}");
    }
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert_eq!(full_checksum(db), before, "the database is unchanged");
    stderr
}

const MIN_HEAD: &str = "nomor,sumber,kode_wilayah,kode_tahapan,tanggal_diterima,status,uraian\n";

fn min_row(n: &str, region: &str, date: &str) -> String {
    format!("{n},laporan,{region},KAMPANYE,{date},DITERIMA,uraian {n}\n")
}

#[test]
fn a_bad_date() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let text = format!(
        "{MIN_HEAD}{}{}",
        min_row("B-1", "64.71", "2024-01-15"),
        min_row("B-2", "64.71", "2024-13-45")
    );
    refused(
        &db,
        "tanggal.csv",
        text.as_bytes(),
        &[],
        &[
            "tanggal.csv:3: column \"tanggal_diterima\": not a date: \"2024-13-45\" (write YYYY-MM-DD or DD/MM/YYYY)",
            "pantau: 1 problem in 1 row of 1 file; nothing was written (fix them, or add --skip-invalid to import the valid rows)",
        ],
    );
    let future = format!("{MIN_HEAD}{}", min_row("B-3", "64.71", "2024-03-02"));
    refused(
        &db,
        "besok.csv",
        future.as_bytes(),
        &[],
        &[
            "besok.csv:2: column \"tanggal_diterima\": date 2024-03-02 is in the future (today is 2024-03-01)",
        ],
    );
}

#[test]
fn an_unknown_region_with_a_suggestion_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let text = format!("{MIN_HEAD}{}", min_row("R-1", "Samarindah", "2024-01-15"));
    refused(
        &db,
        "wilayah.csv",
        text.as_bytes(),
        &[],
        &[
            "wilayah.csv:2: column \"kode_wilayah\": unknown region \"Samarindah\" — did you mean Samarinda (64.72)?",
        ],
    );
    let file = dir.path().join("wilayah.csv");
    let out = pantau(&db)
        .args(["--lang", "id", "import"])
        .arg(&file)
        .output()
        .unwrap();
    let (_, stderr) = texts(&out);
    assert!(stderr.contains("kolom \"kode_wilayah\": wilayah tidak dikenal \"Samarindah\" — maksud Anda Samarinda (64.72)?"), "{stderr}");
    assert!(stderr.contains("tidak ada yang ditulis"), "{stderr}");
}

#[test]
fn a_missing_required_column_and_unknown_columns() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    refused(&db, "kolom.csv", b"nomor,sumber,kode_wilayah,kode_tahapan,tanggal_diterima\nX,laporan,64,KAMPANYE,2024-01-01\n", &[], &[
        "kolom.csv:1: column \"status\": required column is missing",
        "pantau: kolom.csv cannot be read (see above); nothing was written",
    ]);
    let unknown = format!("{}catatan\n", MIN_HEAD.trim_end().to_string() + ",");
    let unknown = format!(
        "{unknown}{}",
        min_row("U-1", "64", "2024-01-01").trim_end().to_string() + ",bebas\n"
    );
    refused(
        &db,
        "asing.csv",
        unknown.as_bytes(),
        &[],
        &["asing.csv:1: column \"catatan\": unknown column (--ignore-unknown to skip it)"],
    );
    refused(
        &db,
        "typo.csv",
        b"nomor,sumber,kode_wilayah,kode_tahapan,tanggal_diterima,stauts\n",
        &[],
        &["typo.csv:1: column \"stauts\": unknown column — did you mean \"status\"?"],
    );
    refused(
        &db,
        "dua.csv",
        b"nomor,number,sumber,kode_wilayah,kode_tahapan,tanggal_diterima,status\n",
        &[],
        &["dua.csv:1: column \"number\": the same column as \"nomor\"; remove one of them"],
    );
    // With --ignore-unknown the unknown column is skipped and the rows are imported.
    let file = dir.path().join("asing.csv");
    pantau(&db)
        .args(["import", "--ignore-unknown"])
        .args(PEMILU)
        .arg(&file)
        .assert()
        .success();
    assert!(cases(&db).iter().any(|c| c.nomor == "U-1"));
}

#[test]
fn the_same_intake_number_twice_names_both_lines() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let text = format!(
        "{MIN_HEAD}{}{}{}",
        min_row("D-1", "64", "2024-01-01"),
        min_row("D-2", "64", "2024-01-01"),
        min_row(" D-1 ", "64", "2024-01-02")
    );
    refused(
        &db,
        "ganda.csv",
        text.as_bytes(),
        &[],
        &["ganda.csv:4: column \"nomor\": \"D-1\" appears twice: on line 2 and on line 4"],
    );
}

#[test]
fn wrong_types_in_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let text = r#"[
  {"nomor": "J-1", "sumber": "laporan", "kode_wilayah": "64", "kode_tahapan": "KAMPANYE", "tanggal_diterima": "2024-01-02", "status": "DITERIMA", "diperpanjang": "mungkin"},
  {"nomor": "J-2", "sumber": "laporan", "kode_wilayah": "64", "kode_tahapan": "KAMPANYE", "tanggal_diterima": 20240102, "status": "DITERIMA"},
  {"nomor": "J-3", "sumber": "laporan", "kode_wilayah": "64", "kode_tahapan": "KAMPANYE", "tanggal_diterima": "2024-01-02", "status": "DITERIMA", "uraian": {"teks": "x"}},
  "J-4",
  {"nomor": "J-5" "sumber": "laporan"}
]"#;
    refused(
        &db,
        "tipe.json",
        text.as_bytes(),
        &[],
        &[
            "tipe.json:2: object #1: column \"diperpanjang\": not yes/no: \"mungkin\" (write yes, no, ya, tidak, true, false, 1 or 0)",
            "tipe.json:3: object #2: column \"tanggal_diterima\": not a date: \"20240102\"",
            "tipe.json:4: object #3: column \"uraian\": wrong type: expected text, a number or true/false, found an object",
            "tipe.json:5: object #4: each row must be a JSON object, found a string",
            "tipe.json:6: object #5: invalid JSON: expected `,` or `}`",
        ],
    );
    refused(
        &db,
        "rusak.json",
        b"[{\"nomor\": \"J-1\"}\n",
        &[],
        &["rusak.json:2: invalid JSON: the array is never closed with ]"],
    );
}

#[test]
fn embedded_newlines_and_quotes() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    // Well quoted: imported exactly, and the line numbers after it stay right.
    let good = format!(
        "{MIN_HEAD}Q-1,laporan,64,KAMPANYE,2024-01-02,DITERIMA,\"Kata \"\"kutip\"\", koma;\nbaris dua\"\nQ-2,laporan,64,KAMPANYE,2024-01-02,DITERIMA,x\nQ-3,laporan,64,KAMPANYE,2024-13-02,DITERIMA,x\n"
    );
    refused(
        &db,
        "kutip.csv",
        good.as_bytes(),
        &[],
        &["kutip.csv:5: column \"tanggal_diterima\": not a date"],
    );
    let fixed = good.replace("2024-13-02", "2024-01-02");
    let file = dir.path().join("kutip.csv");
    std::fs::write(&file, fixed).unwrap();
    pantau(&db)
        .arg("import")
        .args(PEMILU)
        .arg(&file)
        .assert()
        .success();
    let q1 = cases(&db).into_iter().find(|c| c.nomor == "Q-1").unwrap();
    assert_eq!(q1.uraian, "Kata \"kutip\", koma;\nbaris dua");

    // A quote never closed would swallow the rows after it: refused, on the line it opens.
    let db2 = init_db(dir.path(), "q.db");
    let open = format!(
        "{MIN_HEAD}Q-4,laporan,64,KAMPANYE,2024-01-02,DITERIMA,\"tidak ditutup\nQ-5,laporan,64,KAMPANYE,2024-01-02,DITERIMA,x\n"
    );
    refused(
        &db2,
        "terbuka.csv",
        open.as_bytes(),
        &[],
        &["terbuka.csv:2: a quote opened on this line is never closed"],
    );
    let short = format!(
        "{MIN_HEAD}Q-6,laporan,\"64,KAMPANYE,2024-01-02,DITERIMA,x\nQ-7,laporan,64,KAMPANYE,2024-01-02,DITERIMA,x\n"
    );
    refused(
        &db2,
        "pendek.csv",
        short.as_bytes(),
        &[],
        &["pendek.csv:2: this row has 3 fields, the header 7"],
    );
}

#[test]
fn invalid_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let mut bytes = format!("{MIN_HEAD}{}", min_row("W-1", "64", "2024-01-02")).into_bytes();
    bytes
        .extend_from_slice(b"W-2,laporan,64,KAMPANYE,2024-01-02,DITERIMA,Caf\xe9 (Windows-1252)\n");
    refused(
        &db,
        "latin1.csv",
        &bytes,
        &[],
        &["latin1.csv:3: column \"uraian\": not UTF-8 text; save the file again as \"CSV UTF-8\""],
    );
    refused(
        &db,
        "latin1.json",
        b"[{\"nomor\": \"W-3\", \"uraian\": \"Caf\xe9\"}]",
        &[],
        &["latin1.json:1: object #1: invalid JSON"],
    );
}

#[test]
fn an_empty_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    refused(
        &db,
        "kosong.csv",
        b"",
        &[],
        &["kosong.csv:1: the file is empty: no header row"],
    );
    refused(
        &db,
        "bom.csv",
        b"\xEF\xBB\xBF\r\n",
        &[],
        &["bom.csv:1: the file is empty: no header row"],
    );
    refused(
        &db,
        "kosong.json",
        b"  \n",
        &[],
        &["kosong.json:1: the file is empty"],
    );
    refused(
        &db,
        "kosong.xlsx",
        b"",
        &[],
        &["kosong.xlsx:1: the file is empty"],
    );
    // A header without rows is not an error: nothing to import.
    let file = dir.path().join("judul.csv");
    std::fs::write(&file, MIN_HEAD).unwrap();
    let before = case_checksum(&db);
    pantau(&db)
        .arg("import")
        .arg(&file)
        .assert()
        .success()
        .stdout(predicates::str::contains("0 new, 0 changed, 0 unchanged"));
    assert_eq!(case_checksum(&db), before);
}

#[test]
fn a_one_megabyte_field() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let huge = "x".repeat(1 << 20);
    let text = format!(
        "{MIN_HEAD}{}M-2,laporan,64,KAMPANYE,2024-01-02,DITERIMA,\"{huge}\"\n",
        min_row("M-1", "64", "2024-01-02")
    );
    refused(
        &db,
        "besar.csv",
        text.as_bytes(),
        &[],
        &["besar.csv:3: column \"uraian\": value too long: 1048576 bytes (at most 65536)"],
    );
}

#[test]
fn a_semicolon_file_saved_by_excel_imports_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    // Excel in an Indonesian locale: BOM, semicolons, CRLF, DD/MM/YYYY, names instead of codes,
    // headers as a person writes them, decimal commas inside quotes, empty trailing rows.
    let mut text = String::from(
        "\u{feff}Nomor;Sumber;Wilayah;Tahapan;Tanggal Diterima;Status;Diperpanjang;Uraian\r\n",
    );
    text += "S-1;Laporan;Balikpapan;Masa kampanye;15/01/2024;Diterima;tidak;\"Uang Rp 50.000,00; dibagikan\"\r\n";
    text += "S-2;Temuan;Kutai Kartanegara;kampanye;16/01/2024;Penelusuran;ya;Alat peraga di sekolah\r\n";
    text += ";;;;;;;\r\n;;;;;;;\r\n";
    let file = dir.path().join("excel.csv");
    std::fs::write(&file, &text).unwrap();
    pantau(&db)
        .arg("import")
        .args(PEMILU)
        .arg(&file)
        .assert()
        .success()
        .stdout(predicates::str::contains("2 new, 0 changed, 0 unchanged"));
    let all = cases(&db);
    let s1 = all.iter().find(|c| c.nomor == "S-1").unwrap();
    assert_eq!(
        (s1.kode_wilayah.as_str(), s1.kode_tahapan.as_str()),
        ("64.71", "KAMPANYE")
    );
    assert_eq!(s1.uraian, "Uang Rp 50.000,00; dibagikan");
    let s2 = all.iter().find(|c| c.nomor == "S-2").unwrap();
    assert_eq!(
        (
            s2.kode_wilayah.as_str(),
            s2.diperpanjang,
            s2.tanggal_diterima.to_string().as_str()
        ),
        ("64.02", true, "2024-01-16")
    );
    // The same file with a mistake: the line is the line in Excel's file.
    let bad = text.replace("16/01/2024", "32/01/2024");
    refused(
        &db,
        "excel-salah.csv",
        bad.as_bytes(),
        &[],
        &["excel-salah.csv:3: column \"Tanggal Diterima\": not a date: \"32/01/2024\""],
    );
}

/// An xlsx workbook: a header row and rows of cells, dates as real date cells.
fn workbook(sheets: &[(&str, Vec<Vec<Cell>>)]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let date = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
    for (name, rows) in sheets {
        let ws = book.add_worksheet();
        ws.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match cell {
                    Cell::Text(t) => {
                        ws.write_string(r, c, *t).unwrap();
                    }
                    Cell::Number(n) => {
                        ws.write_number(r, c, *n).unwrap();
                    }
                    Cell::Date(y, m, d) => {
                        let dt = rust_xlsxwriter::ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
                        ws.write_datetime_with_format(r, c, &dt, &date).unwrap();
                    }
                    Cell::Bool(b) => {
                        ws.write_boolean(r, c, *b).unwrap();
                    }
                    Cell::Empty => {}
                }
            }
        }
    }
    book.save_to_buffer().unwrap()
}

enum Cell {
    Text(&'static str),
    Number(f64),
    Date(u16, u8, u8),
    Bool(bool),
    Empty,
}

fn xlsx_rows(region: &'static str) -> Vec<Vec<Cell>> {
    use Cell::*;
    vec![
        vec![Empty],
        vec![
            Text("Nomor"),
            Text("Sumber"),
            Text("Wilayah"),
            Text("Tahapan"),
            Text("Tanggal Diterima"),
            Text("Status"),
            Text("Diperpanjang"),
            Text("Uraian"),
        ],
        vec![
            Text("X-1"),
            Text("laporan"),
            Number(64.71),
            Text("Masa kampanye"),
            Date(2024, 1, 15),
            Text("Diterima"),
            Bool(false),
            Text("Dari lembar kerja"),
        ],
        vec![
            Number(1002.0),
            Text("temuan"),
            Text(region),
            Text("KAMPANYE"),
            Text("16/01/2024"),
            Text("penelusuran"),
            Bool(true),
            Empty,
        ],
    ]
}

#[test]
fn an_xlsx_file_imports_with_real_date_cells_and_reports_its_rows() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let bytes = workbook(&[
        ("Rekap", xlsx_rows("Samarindah")),
        ("Kiriman", xlsx_rows("Samarinda")),
    ]);
    refused(
        &db,
        "rekap.xlsx",
        &bytes,
        &[],
        &[
            "rekap.xlsx:Rekap!C4: column \"Wilayah\": unknown region \"Samarindah\" — did you mean Samarinda (64.72)?",
        ],
    );
    refused(
        &db,
        "rekap.xlsx",
        &bytes,
        &["--sheet", "Lain"],
        &["rekap.xlsx: no sheet \"Lain\" (the sheets are: Rekap, Kiriman)"],
    );
    let file = dir.path().join("rekap.xlsx");
    pantau(&db)
        .args(["import", "--sheet", "kiriman"])
        .args(PEMILU)
        .arg(&file)
        .assert()
        .success()
        .stdout(predicates::str::contains("2 new"));
    let all = cases(&db);
    let x1 = all.iter().find(|c| c.nomor == "X-1").unwrap();
    assert_eq!(
        (
            x1.kode_wilayah.as_str(),
            x1.tanggal_diterima.to_string().as_str(),
            x1.diperpanjang
        ),
        ("64.71", "2024-01-15", false)
    );
    let x2 = all.iter().find(|c| c.nomor == "1002").unwrap();
    assert_eq!(
        (
            x2.kode_wilayah.as_str(),
            x2.diperpanjang,
            x2.uraian.as_str()
        ),
        ("64.72", true, "")
    );
    let store = pantau::store::Store::open(&db, pantau::store::Mode::ReadOnly).unwrap();
    assert_eq!(
        store.batches().unwrap()[0].source_name,
        format!("{} [Kiriman]", file.display())
    );
    refused(
        &db,
        "bukan.xlsx",
        b"PK\x03\x04 not a workbook",
        &[],
        &["bukan.xlsx: unreadable spreadsheet"],
    );
}

#[test]
fn only_the_first_twenty_problems_are_shown_with_the_count() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let mut text = String::from(MIN_HEAD);
    for i in 0..25 {
        text += &min_row(&format!("E-{i}"), "Jakarta", "2024-01-02");
    }
    let stderr = refused(
        &db,
        "banyak.csv",
        text.as_bytes(),
        &[],
        &[
            "… and 5 more (25 problems in all)",
            "25 problems in 25 rows of 1 file",
        ],
    );
    assert_eq!(
        stderr
            .lines()
            .filter(|l| l.starts_with("banyak.csv:"))
            .count(),
        20,
        "{stderr}"
    );
    assert!(
        stderr.contains("banyak.csv:21:") && !stderr.contains("banyak.csv:22:"),
        "{stderr}"
    );
}

#[test]
fn one_bad_file_of_several_writes_nothing_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let good = dir.path().join("baik.csv");
    std::fs::write(&good, csv_file(0, 20)).unwrap();
    let bad = dir.path().join("buruk.csv");
    std::fs::write(
        &bad,
        format!("{MIN_HEAD}{}", min_row("Z-1", "64", "kemarin")),
    )
    .unwrap();
    let also = dir.path().join("juga.csv");
    std::fs::write(
        &also,
        format!("{MIN_HEAD}{}", min_row("Z-2", "Jakarta", "2024-01-01")),
    )
    .unwrap();
    let before = full_checksum(&db);
    let out = pantau(&db)
        .arg("import")
        .args(PEMILU)
        .arg(&good)
        .arg(&bad)
        .arg(&also)
        .output()
        .unwrap();
    let (_, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr.contains("buruk.csv:2:") && stderr.contains("juga.csv:2:"),
        "every file is checked: {stderr}"
    );
    assert!(
        stderr.contains("2 problems in 2 rows of 2 files"),
        "{stderr}"
    );
    assert_eq!(full_checksum(&db), before);
}

#[test]
fn skip_invalid_writes_the_valid_rows_and_the_rejected_ones_beside_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let text = format!(
        "{MIN_HEAD}{}{}{}{}{}",
        min_row("K-1", "64", "2024-01-02"),
        min_row("K-2", "Samarindah", "2024-01-02"),
        min_row("K-3", "64", "2024-01-02"),
        min_row("K-1", "64.71", "2024-01-03"),
        min_row("K-5", "64", "2024-01-02"),
    );
    let file = dir.path().join("kiriman.csv");
    std::fs::write(&file, &text).unwrap();
    let out = pantau(&db)
        .args(["import", "--skip-invalid"])
        .args(PEMILU)
        .arg(&file)
        .output()
        .unwrap();
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stdout.contains("2 new, 0 changed, 0 unchanged, 3 rejected — batch #2"),
        "{stdout}"
    );
    let rejected = dir.path().join("kiriman.csv.rejected.csv");
    assert!(
        stdout.contains(&format!(
            "3 rejected rows, with their reasons → {}",
            rejected.display()
        )),
        "{stdout}"
    );
    assert!(
        stderr.contains("kiriman.csv:3: column \"kode_wilayah\": unknown region"),
        "{stderr}"
    );
    let nomors: Vec<String> = cases(&db)
        .into_iter()
        .map(|c| c.nomor)
        .filter(|n| n.starts_with("K-"))
        .collect();
    assert_eq!(
        nomors,
        ["K-3", "K-5"],
        "both lines of a duplicate are rejected"
    );
    let content = std::fs::read_to_string(&rejected).unwrap();
    let lines: Vec<&str> = content.lines().collect();
    assert_eq!(
        lines[0],
        "nomor,sumber,kode_wilayah,kode_tahapan,tanggal_diterima,status,uraian,baris,alasan"
    );
    assert!(
        lines[1].starts_with("K-1,laporan,64,KAMPANYE,2024-01-02,DITERIMA,uraian K-1,2,"),
        "{content}"
    );
    assert!(
        lines[2].contains("Samarindah")
            && lines[2].contains(",3,")
            && lines[2].contains("did you mean Samarinda (64.72)?"),
        "{content}"
    );
    assert!(
        lines[3].contains(",5,") && lines[3].contains("appears twice: on line 2 and on line 5"),
        "{content}"
    );
    let store = pantau::store::Store::open(&db, pantau::store::Mode::ReadOnly).unwrap();
    assert_eq!(store.batches().unwrap()[0].rows_rejected, 3);
    drop(store);

    // The rejected file, corrected, imports as it is (its `baris` and `alasan` columns are ignored).
    let corrected = content
        .replace("Samarindah", "Samarinda")
        .replace("K-1,laporan,64.71", "K-4,laporan,64.71");
    std::fs::write(&rejected, corrected).unwrap();
    pantau(&db)
        .arg("import")
        .args(PEMILU)
        .arg(&rejected)
        .assert()
        .success()
        .stdout(predicates::str::contains("3 new, 0 changed, 0 unchanged"));
}

/// Imports `file` with `--skip-invalid`, expecting one row written and one rejected.
fn import_skipping_one_row(db: &Path, file: &Path) {
    pantau(db)
        .args(["import", "--skip-invalid"])
        .args(PEMILU)
        .arg(file)
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "1 new, 0 changed, 0 unchanged, 1 rejected",
        ));
}

#[test]
fn a_short_row_is_rejected_with_its_reason_under_the_reason_header() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let file = dir.path().join("pendek.csv");
    std::fs::write(
        &file,
        format!("{MIN_HEAD}P-1;x\n{}", min_row("P-2", "64", "2024-01-02")).replace(';', ","),
    )
    .unwrap();
    import_skipping_one_row(&db, &file);
    let mut rdr = csv::Reader::from_path(dir.path().join("pendek.csv.rejected.csv")).unwrap();
    let header = rdr.headers().unwrap().clone();
    let row = rdr.records().next().unwrap().unwrap();
    assert_eq!(row.len(), header.len());
    assert_eq!(&row[header.len() - 2], "2");
    assert!(
        row[header.len() - 1].contains("this row has 2 fields, the header 7"),
        "{row:?}"
    );
}

#[test]
fn skip_invalid_copies_json_rows_as_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let file = dir.path().join("kiriman.json");
    std::fs::write(
        &file,
        r#"[
  {"nomor": "L-1", "sumber": "laporan", "kode_wilayah": "64", "kode_tahapan": "KAMPANYE", "tanggal_diterima": "2024-01-02", "status": "DITERIMA"},
  {"nomor": "L-2", "sumber": "laporan", "kode_wilayah": "Jakarta", "kode_tahapan": "KAMPANYE", "tanggal_diterima": "2024-01-02", "status": "DITERIMA", "uraian": "baris\nbaru"}
]"#,
    )
    .unwrap();
    import_skipping_one_row(&db, &file);
    let rejected = std::fs::read_to_string(dir.path().join("kiriman.json.rejected.jsonl")).unwrap();
    assert_eq!(rejected.lines().count(), 1);
    let row: serde_json::Value = serde_json::from_str(rejected.trim()).unwrap();
    assert_eq!(row["nomor"], "L-2");
    assert_eq!(row["uraian"], "baris\nbaru");
    assert_eq!(row["baris"], 3);
    assert!(
        row["alasan"]
            .as_str()
            .unwrap()
            .contains("unknown region \"Jakarta\"")
    );
}

#[test]
fn usage_mistakes_exit_with_two() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let before = full_checksum(&db);
    pantau(&db).arg("import").assert().code(2);
    pantau(&db)
        .args(["import", "--format", "xml", "a.csv"])
        .assert()
        .code(2);
    let pdf = dir.path().join("laporan.pdf");
    std::fs::write(&pdf, "x").unwrap();
    pantau(&db)
        .arg("import")
        .arg(&pdf)
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "cannot tell the format from the extension; add --format",
        ));
    let csv = dir.path().join("a.csv");
    std::fs::write(&csv, MIN_HEAD).unwrap();
    pantau(&db)
        .args(["import", "--sheet", "x"])
        .arg(&csv)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--sheet is only for xlsx files"));
    pantau(&db).args(["import", "-", "-"]).assert().code(2);
    // Runtime errors exit with 1: a missing file, a missing database, a read-only database.
    pantau(&db)
        .args(["import", "tidak-ada.csv"])
        .current_dir(dir.path())
        .assert()
        .code(1)
        .stderr(predicates::str::contains("tidak-ada.csv"));
    pantau(&dir.path().join("none.db"))
        .arg("import")
        .arg(&csv)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("pantau init"));
    pantau(&db)
        .args(["--read-only", "import"])
        .arg(&csv)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("read-only"));
    assert_eq!(full_checksum(&db), before);
}

/// An import checked against regions that are no longer those stored (changed by another program
/// between the check and the write) writes nothing: the writing connection leaves foreign keys to
/// that check, so it must hold.
#[test]
fn regions_changed_under_an_import_write_nothing() {
    use std::sync::atomic::AtomicBool;
    use std::time::Duration;

    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let before = full_checksum(&db);
    let store = Store::open(&db, Mode::Write).unwrap();
    store.prepare_bulk_write(pantau::import::CACHE_MIB).unwrap();
    let mut reference = store.reference().unwrap().as_ref().clone();
    let mut gone = reference.regions[1].clone();
    gone.code = "64.99".into();
    gone.name = "Kabupaten Baru".into();
    reference.regions.push(gone);
    let cancel = AtomicBool::new(false);
    let tx = store
        .begin_write(Duration::from_secs(5), &cancel, &mut || {})
        .unwrap()
        .unwrap();
    let mut text = String::from(MIN_HEAD);
    for i in 0..5000 {
        let region = if i == 4000 { "64.99" } else { "64.72" };
        text.push_str(&min_row(&format!("B/{i}/2024"), region, "2024-01-12"));
    }
    let input =
        pantau::import::Input::from_bytes("b.csv", pantau::import::Format::Csv, text.into());
    let opts = pantau::import::Options {
        ignore_unknown: false,
        skip_invalid: false,
        today: chrono::NaiveDate::from_ymd_opt(2024, 3, 1).unwrap(),
        lang: pantau::i18n::Lang::En,
        election: None,
    };
    let now = chrono::NaiveDate::from_ymd_opt(2024, 3, 1)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    let err = pantau::import::check_and_write(
        &tx,
        input,
        &reference,
        &opts,
        "tester",
        now,
        &cancel,
        &|_| {},
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("regions or stages stored in")
            && err.to_string().contains("run the import again"),
        "{err}"
    );
    drop(tx);
    drop(store);
    assert_eq!(full_checksum(&db), before, "the database is unchanged");
    assert_intact(&db);
}
