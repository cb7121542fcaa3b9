//! `pantau report --format xlsx -o FILE`: a real workbook, read back with calamine: the title and
//! what it counts above each table, the counts as numbers equal to `report --format json`, the
//! total row, a sheet per dimension and the cross-tab as a matrix, the source sheet; in Bahasa
//! Indonesia and English. Without `-o` on a terminal it is refused with the way out. And
//! `export --format xlsx`, whose workbook `import` reads back unchanged.

use std::path::Path;
use std::time::Duration;

use calamine::{Data, Range, Reader, Xlsx, open_workbook};
use serde_json::Value;

use crate::demo_support::{LATER, all_groups, demo_db, int, pantau, report_json};
use crate::tui_support::pty::Tui;

/// The header row of a table sheet (0-based), below the title and the four lines about it.
const HEADER: u32 = 6;

fn workbook(
    db: &Path,
    lang: &str,
    args: &[&str],
    file: &Path,
) -> Xlsx<std::io::BufReader<std::fs::File>> {
    let out = pantau(db)
        .args(["--lang", lang, "report", "--format", "xlsx", "-o"])
        .arg(file)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty(), "nothing on standard output with -o");
    open_workbook(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()))
}

fn text(r: &Range<Data>, row: u32, col: u32) -> String {
    match r.get_value((row, col)) {
        Some(Data::String(s)) => s.clone(),
        other => panic!("a text at ({row}, {col}): {other:?}"),
    }
}

fn number(r: &Range<Data>, row: u32, col: u32) -> i64 {
    match r.get_value((row, col)) {
        Some(Data::Float(x)) => *x as i64,
        Some(Data::Int(n)) => *n,
        other => panic!("a number at ({row}, {col}): {other:?}"),
    }
}

fn date(r: &Range<Data>, row: u32, col: u32) -> String {
    match r.get_value((row, col)) {
        Some(Data::DateTime(d)) => d.as_datetime().unwrap().date().to_string(),
        other => panic!("a date at ({row}, {col}): {other:?}"),
    }
}

/// Checks the lines above a table: its title, the election, the view, the as-of date (a date
/// cell equal to JSON's) and the time made (a date cell).
fn check_about(r: &Range<Data>, lang: &str, title: &str, doc: &Value) {
    let labels = match lang {
        "id" => ["Pemilihan", "Tampilan", "Per tanggal", "Dibuat"],
        _ => ["Election", "View", "As of", "Made"],
    };
    assert!(text(r, 0, 0).contains(title), "{lang}: {}", text(r, 0, 0));
    for (i, l) in labels.iter().enumerate() {
        assert_eq!(text(r, 1 + i as u32, 0), *l, "{lang}");
    }
    assert!(text(r, 1, 1).contains("2024"), "{lang}: the election named");
    assert_eq!(date(r, 3, 1), doc["as_of"].as_str().unwrap(), "{lang}");
    date(r, 4, 1);
}

#[test]
fn a_workbook_by_region_and_stage_holds_the_figures_of_json_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, 2024);
    let by = ["--by", "region,stage"];
    let doc = report_json(&db, &by);
    let regions = all_groups(&report_json(&db, &["--by", "region"]));
    let stages = all_groups(&report_json(&db, &["--by", "stage"]));
    let total = int(&doc["total"]);
    for (lang, names, word_total) in [
        ("id", ["Wilayah", "Tahapan", "Sumber"], "Jumlah"),
        ("en", ["Region", "Stage", "Source"], "Total"),
    ] {
        let file = dir.path().join(format!("rekap-{lang}.xlsx"));
        let mut book = workbook(&db, lang, &by, &file);
        let sheets = book.sheet_names();
        assert_eq!(sheets.len(), 4, "{lang}: {sheets:?}");
        assert_eq!(sheets[0], names[0], "{lang}");
        assert_eq!(sheets[1], names[1], "{lang}");
        assert!(sheets[2].contains(names[0]) && sheets[2].contains(names[1]));
        assert_eq!(sheets[3], names[2], "{lang}");
        // A sheet per dimension: a row per key with its count, then the total.
        for (sheet, want) in [(&sheets[0], &regions), (&sheets[1], &stages)] {
            let r = book.worksheet_range(sheet).unwrap();
            check_about(&r, lang, &sheet.to_lowercase(), &doc);
            let mut got = std::collections::BTreeMap::new();
            for (i, _) in want.iter().enumerate() {
                let row = HEADER + 1 + i as u32;
                got.insert(text(&r, row, 0), number(&r, row, 2));
            }
            assert_eq!(&got, want, "{lang} {sheet}");
            let last = HEADER + 1 + want.len() as u32;
            assert_eq!(text(&r, last, 0), word_total, "{lang} {sheet}");
            assert_eq!(number(&r, last, 2), total, "{lang} {sheet}");
        }
        // The cross-tab as a matrix: its cells are JSON's, its corner the total.
        let r = book.worksheet_range(&sheets[2]).unwrap();
        check_about(&r, lang, &names[1].to_lowercase(), &doc);
        let cols = r.get_size().1 as u32;
        let rows = regions.len() as u32;
        assert_eq!(text(&r, HEADER + 1 + rows, 0), word_total);
        assert_eq!(number(&r, HEADER + 1 + rows, cols - 1), total, "{lang}");
        let cells: i64 = doc["cross"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| int(&c["count"]))
            .sum();
        let mut inside = 0;
        for row in HEADER + 1..HEADER + 1 + rows {
            for col in 1..cols - 1 {
                inside += number(&r, row, col);
            }
        }
        assert_eq!(inside, cells, "{lang}: the matrix holds every cell");
        // Where it came from.
        let r = book.worksheet_range(&sheets[3]).unwrap();
        check_about(&r, lang, "", &doc);
        assert_eq!(number(&r, 5, 1), total, "{lang}");
        let all: Vec<String> = r.cells().map(|(_, _, d)| d.to_string()).collect();
        assert!(
            all.contains(&format!("rekap-{lang}.xlsx")),
            "{lang}: {all:?}"
        );
        assert!(all.contains(&"xlsx".to_string()), "{lang}");
        assert!(all.iter().any(|c| c.ends_with("demo-2024.db")), "{lang}");
        assert!(
            all.contains(&env!("CARGO_PKG_VERSION").to_string()),
            "{lang}"
        );
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{lang}: a copy of case figures is private");
    }
}

#[test]
fn the_recap_and_the_pekan_report_are_workbooks_too() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, 2024);
    let recap = report_json(&db, &["--recap"]);
    let file = dir.path().join("recap.xlsx");
    let mut book = workbook(&db, "en", &["--recap"], &file);
    let first = book.sheet_names()[0].clone();
    let r = book.worksheet_range(&first).unwrap();
    let rows = recap["regions"].as_array().unwrap().len() as u32;
    let last = HEADER + 1 + rows;
    assert_eq!(text(&r, last, 0), "Total");
    assert_eq!(number(&r, last, 1), int(&recap["total"]["temuan"]));
    assert_eq!(number(&r, last, 2), int(&recap["total"]["laporan"]));
    let pekan = report_json(&db, &["--by", "pekan"]);
    let file = dir.path().join("pekan.xlsx");
    let mut book = workbook(&db, "id", &["--by", "pekan"], &file);
    let first = book.sheet_names()[0].clone();
    let r = book.worksheet_range(&first).unwrap();
    check_about(&r, "id", "pekan", &pekan);
    // JSON keeps its keys as text ("10" before "2"): the sheet's rows go by number.
    let mut weeks: Vec<_> = pekan["pekan"].as_object().unwrap().iter().collect();
    weeks.sort_by_key(|(n, _)| n.parse::<u32>().unwrap());
    assert!(weeks.len() > 1, "the campaign's every pekan");
    for (i, (n, p)) in weeks.into_iter().enumerate() {
        let row = HEADER + 1 + i as u32;
        assert_eq!(text(&r, row, 0), **n);
        if p["begun"].as_bool().unwrap() {
            assert_eq!(number(&r, row, 2), int(&p["cases"]), "pekan {n}");
        }
    }
}

#[test]
fn a_workbook_is_refused_on_a_terminal_with_the_way_out_and_flows_through_a_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, 2024);
    let path = db.to_str().unwrap();
    for (lang, words) in [("en", "-o RECAP.xlsx"), ("id", "-o REKAP.xlsx")] {
        let args = ["--db", path, "--lang", lang, "report", "--format", "xlsx"];
        let mut tui = Tui::sized(&args, &[("PANTAU_TODAY", LATER)], (200, 24));
        tui.wait_for(words, Duration::from_secs(60));
        assert_eq!(tui.wait_exit().exit_code(), 2, "{lang}: a usage error");
        let raw = tui.raw();
        assert!(
            !raw.windows(4).any(|w| w == b"PK\x03\x04"),
            "{lang}: no workbook bytes on the terminal"
        );
    }
    let out = pantau(&db)
        .args(["report", "--format", "xlsx"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        out.stdout.starts_with(b"PK\x03\x04"),
        "a workbook through a pipe"
    );
}

#[test]
fn an_exported_workbook_imports_back_unchanged_and_into_an_empty_database_identical() {
    use crate::import_support::{assert_intact, cases, init_db, seed, varied_cases};
    let dir = tempfile::tempdir().unwrap();
    let source = init_db(dir.path(), "source.db");
    seed(&source, &varied_cases(120));
    let expected = cases(&source);
    let file = dir.path().join("kasus.xlsx");
    let export = |db: &Path, file: &Path| {
        crate::import_support::pantau(db)
            .args(["export", "--format", "xlsx", "-o"])
            .arg(file)
            .assert()
            .success();
    };
    export(&source, &file);
    assert!(
        std::fs::read(&file).unwrap().starts_with(b"PK\x03\x04"),
        "a real workbook"
    );
    let prov: Value = serde_json::from_slice(
        &std::fs::read(dir.path().join("kasus.xlsx.provenance.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(prov["format"], "xlsx");
    assert_eq!(prov["rows"], 120);
    // Into the database it came from: nothing changes.
    let out = crate::import_support::pantau(&source)
        .arg("import")
        .arg(&file)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("0 new, 0 changed, 120 unchanged"), "{said}");
    assert_eq!(cases(&source), expected);
    // Into an empty one: every field of every case survives.
    let target = init_db(dir.path(), "target.db");
    let out = crate::import_support::pantau(&target)
        .arg("import")
        .arg(&file)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("120 new, 0 changed, 0 unchanged"), "{said}");
    assert_eq!(
        cases(&target),
        expected,
        "every field of every case survives"
    );
    assert_intact(&target);
}
