//! Awkward and hostile text on its way to a terminal: the case list and detail keep their columns
//! (snapshots), printed tables and lists show placeholders and stay aligned, exports keep every byte.

use crate::trust_support;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use pantau::domain::{Case, DayCount, DeadlineRules, Reference, Source, StatusChange};
use pantau::engine::{Engine, PageRequest};
use pantau::i18n::Lang;
use pantau::store::{Mode, Store};
use pantau::text::width;
use pantau::tui::theme::Theme;
use pantau::tui::widgets::case_table::{CasePreview, CaseTable};
use pantau::tui::widgets::detail::{self, DetailView};
use pantau::view::{Sort, SortKey, View};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use trust_support::*;

/// Intake number, kecamatan, reported party and description of each awkward case.
const AWKWARD: [(&str, &str, &str, &str); 6] = [
    (
        "001/LP/PL/Kota/23.05/I/2024",
        "Balikpapan Selatan",
        "Sdr. Muhammad Rizky Ramadhani Syahputra bin Abdurrahman Wahid (tim kampanye)",
        "Pembagian minyak goreng kepada warga Kelurahan Sepinggan Raya oleh tim kampanye calon anggota DPRD",
    ),
    (
        "002/東京/PL/64.71/I/2024",
        "東京都千代田区",
        "株式会社 選挙",
        "選挙運動の違反 — 候補者のポスターが学校に掲示された",
    ),
    (
        "003/Se\u{301}ko\u{308}lah/PL/I/2024",
        "Sa\u{301}marinda Ulu",
        "Sdr. A\u{300}\u{301}\u{302} (guru)",
        "Kampanye di sekolah: e\u{301}e\u{301}e\u{301} combining marks",
    ),
    (
        "004/🗳️👩‍👩‍👧/PL/I/2024",
        "Balikpapan 🇮🇩",
        "Tim 🎉 pemenangan",
        "Unggahan 🗳️ dengan emoji 👍🏽 di media sosial",
    ),
    (
        "005/ZW\u{200b}\u{200d}\u{2060}/PL/I/2024",
        "Balik\u{200b}papan",
        "Sdr.\u{feff}ZW",
        "Teks dengan karakter lebar nol\u{200b}di dalamnya",
    ),
    (
        "006/\x1b[31m/PL/I/2024",
        "\x1b]0;owned\x07Kota",
        "\u{202e}gnp.exe",
        "\x1b]0;owned\x07\x1b[2J",
    ),
];

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 1, 20).unwrap()
}

/// A database with the reference data and the awkward cases, all in Balikpapan on one day.
fn awkward_db(dir: &Path) -> PathBuf {
    let path = dir.join("aneh.db");
    let mut store = Store::open(&path, Mode::Create).unwrap();
    store.load_reference(&Reference::embedded()).unwrap();
    let tx = store.conn_mut().transaction().unwrap();
    for (nomor, kecamatan, terlapor, uraian) in AWKWARD {
        let mut case = Case::new(
            "PEMILU2024",
            nomor,
            Source::Laporan,
            "64.71",
            "KAMPANYE",
            day(),
        );
        case.kecamatan = Some(kecamatan.into());
        case.terlapor = Some(terlapor.into());
        case.uraian = uraian.into();
        let at = day().and_hms_opt(9, 0, 0).unwrap();
        let first = StatusChange {
            from: None,
            to: case.status,
            at,
            by: "petugas 東京".into(),
            note: Some(format!("catatan {kecamatan}")),
        };
        pantau::store::write::insert_case(&tx, &case, &[first], None, at).unwrap();
    }
    tx.commit().unwrap();
    path
}

/// Row `y` of `buf` as a terminal shows it: a wide character's second cell is not repeated.
fn row(buf: &Buffer, y: u16) -> String {
    let mut out = String::new();
    let mut x = buf.area.x;
    while x < buf.area.right() {
        let symbol = buf[(x, y)].symbol();
        out.push_str(symbol);
        x += u16::try_from(width(symbol).max(1)).unwrap();
    }
    out.trim_end().to_string()
}

fn screen(buf: &Buffer) -> String {
    (buf.area.y..buf.area.bottom())
        .map(|y| row(buf, y))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The cell column at which `needle` starts in the terminal line `line`.
fn column_of(line: &str, needle: &str) -> Option<usize> {
    line.find(needle).map(|i| width(&line[..i]))
}

#[test]
fn the_case_list_keeps_its_columns_with_wide_combining_and_hostile_text() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&awkward_db(dir.path()), Mode::ReadOnly).unwrap();
    let engine = Engine::with_defaults(&store, day()).unwrap();
    let view = View::default();
    let page = engine.page(&view, &PageRequest::first(20)).unwrap();
    assert_eq!(page.rows.len(), 6);
    let theme = Theme::new(false);
    for cols in [120u16, 160] {
        let area = Rect::new(0, 0, cols, 8);
        let mut buf = Buffer::empty(area);
        CaseTable {
            rows: &page.rows,
            top: 0,
            selected: 5,
            loaded: true,
            sort: Sort {
                key: SortKey::Received,
                descending: false,
            },
            sort_chosen: false,
            hidden: &[],
            as_of: NaiveDate::from_ymd_opt(2024, 2, 2).unwrap(),
            reference: engine.reference(),
            elections: &[],
            lang: Lang::En,
            theme: &theme,
        }
        .render(area, &mut buf);
        let text = screen(&buf);
        let lines: Vec<&str> = text.lines().collect();
        let received = column_of(lines[0], "Rec").unwrap();
        let region = column_of(lines[0], "Region").unwrap();
        for line in &lines[1..7] {
            assert_eq!(
                column_of(line, "20/01/"),
                Some(received),
                "{line:?}\n{text}"
            );
            assert_eq!(
                column_of(line, "Balikpapan"),
                Some(region),
                "{line:?}\n{text}"
            );
            assert!(width(line) <= usize::from(cols));
        }
        assert!(text.contains("006/␛[31m/PL/I/2024"), "{text}");
        assert!(!text.contains('\x1b'));
        insta::assert_snapshot!(format!("case_list_{cols}"), text);
    }
    // The preview under the list wraps the description without losing a word.
    let area = Rect::new(0, 0, 40, 6);
    let mut buf = Buffer::empty(area);
    CasePreview {
        row: Some(&page.rows[1]),
        position: Some("2 of 6".into()),
        new_note: None,
        theme: &theme,
    }
    .render(area, &mut buf);
    let text = screen(&buf);
    assert!(text.lines().all(|l| width(l) <= 40), "{text}");
    insta::assert_snapshot!("case_preview_40", text);
}

#[test]
fn the_case_detail_keeps_labels_and_values_aligned() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&awkward_db(dir.path()), Mode::ReadOnly).unwrap();
    let reference = store.reference().unwrap();
    let rules = DeadlineRules::new(
        DayCount::Calendar,
        reference.holidays.iter().map(|h| h.date),
    );
    let engine = Engine::with_defaults(&store, day()).unwrap();
    let theme = Theme::new(false);
    let as_of = NaiveDate::from_ymd_opt(2024, 2, 2).unwrap();
    for (id, cols) in [(2i64, 80u16), (3, 80), (4, 160), (6, 80)] {
        let d = engine
            .detail(&View::default(), id, &rules)
            .unwrap()
            .unwrap();
        let lines = detail::lines(&d, &reference, Lang::En, as_of, &theme, usize::from(cols));
        let area = Rect::new(0, 0, cols, 34);
        let mut buf = Buffer::empty(area);
        DetailView {
            title: format!("Case detail · {}", pantau::text::safe(&d.case.nomor)),
            lines,
            scroll: 0,
            placeholder: None,
            case_position: None,
            lang: Lang::En,
            theme: &theme,
        }
        .render(area, &mut buf);
        let text = screen(&buf);
        // Every field's value starts in the same column, however wide its characters.
        for line in text.lines().skip(1).take(24) {
            if line.len() > 22 && line.starts_with(' ') && !line.starts_with("  ") {
                let value = &line[line.char_indices().nth(22).map_or(line.len(), |(i, _)| i)..];
                assert!(!value.starts_with(' '), "{line:?}\n{text}");
            }
            assert!(width(line) <= usize::from(cols), "{line:?}");
        }
        assert!(!text.contains('\x1b') && !text.contains('\u{202e}'));
        insta::assert_snapshot!(format!("case_detail_{id}_{cols}"), text);
    }
}

/// Gives region 64.02 an awkward name behind pantau's back (a corrected reference file could).
fn rename_region(db: &Path, name: &str) {
    let c = rusqlite::Connection::open(db).unwrap();
    c.execute(
        "UPDATE regions SET name = ?1, short_name = ?1 WHERE code = '64.02'",
        [name],
    )
    .unwrap();
}

#[test]
fn printed_tables_are_safe_and_aligned_and_data_formats_keep_every_byte() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path(), "kaltim.db");
    let name = "Kutai 東京 Kartane\u{301}gara \x1b]0;owned\x07";
    rename_region(&db, name);
    let out = pantau(&db)
        .args(["report", "--as-of", "2024-02-02"])
        .output()
        .unwrap();
    let (table, _) = texts(&out);
    assert!(out.status.success());
    assert!(
        !table.contains('\x1b') && !table.contains('\x07'),
        "{table:?}"
    );
    assert!(
        table.contains("Kutai 東京 Kartane\u{301}gara ␛]0;owned␇"),
        "{table}"
    );
    let lines: Vec<&str> = table.lines().skip(2).collect();
    let rule = width(lines[1]);
    for line in &lines {
        assert_eq!(width(line), rule, "{line:?} in\n{table}");
    }
    let cross = pantau(&db)
        .args(["report", "--as-of", "2024-02-02", "--by", "stage,region"])
        .output()
        .unwrap();
    let (cross, _) = texts(&cross);
    let lines: Vec<&str> = cross.lines().skip(2).collect();
    for line in &lines {
        assert_eq!(width(line), width(lines[1]), "{line:?} in\n{cross}");
    }
    let md = pantau(&db)
        .args(["report", "--as-of", "2024-02-02", "--format", "md"])
        .output()
        .unwrap();
    assert!(!texts(&md).0.contains('\x1b'));
    let json = pantau(&db)
        .args(["report", "--as-of", "2024-02-02", "--format", "json"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let labels: Vec<&str> = doc["groups"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|g| g["label"].as_str())
        .collect();
    assert!(
        labels.contains(&name),
        "JSON keeps the name exactly: {labels:?}"
    );
}

#[test]
fn exports_keep_hostile_text_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let db = awkward_db(dir.path());
    let csv = pantau(&db)
        .args(["export", "--format", "csv"])
        .output()
        .unwrap();
    assert!(csv.status.success());
    let mut reader = csv::Reader::from_reader(csv.stdout.as_slice());
    let headers = reader.headers().unwrap().clone();
    let col = headers.iter().position(|h| h == "uraian").unwrap();
    let uraian: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[col].to_string())
        .collect();
    let expected: Vec<String> = AWKWARD.iter().map(|a| a.3.to_string()).collect();
    assert_eq!(uraian, expected);
    let jsonl = pantau(&db)
        .args(["export", "--format", "jsonl"])
        .output()
        .unwrap();
    let nomor: Vec<String> = String::from_utf8(jsonl.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["nomor"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let expected: Vec<String> = AWKWARD.iter().map(|a| a.0.to_string()).collect();
    assert_eq!(nomor, expected);
}

#[test]
fn file_names_and_values_from_files_are_shown_safely() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path(), "kaltim.db");
    let hostile = dir.path().join("kiriman\x1b]0;owned\x07東京.csv");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/assets/contoh-import.csv"),
        &hostile,
    )
    .unwrap();
    let out = pantau(&db).arg("import").arg(&hostile).output().unwrap();
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stdout.contains("kiriman␛]0;owned␇東京.csv: 8 new"),
        "{stdout}"
    );
    assert!(!stdout.contains('\x1b'));
    let out = pantau(&db).arg("batches").output().unwrap();
    let (list, _) = texts(&out);
    assert!(list.contains("kiriman␛]0;owned␇東京.csv"), "{list}");
    assert!(!list.contains('\x1b') && !list.contains('\x07'));

    let bad = dir.path().join("salah.csv");
    std::fs::write(
        &bad,
        "nomor,sumber,kode_wilayah,kode_tahapan,tanggal_diterima,status\n\
         900/LP/PL/2024,laporan,\x1b[2JSamarindah,KAMPANYE,2024-01-12,DITERIMA\n",
    )
    .unwrap();
    let out = pantau(&db).arg("import").arg(&bad).output().unwrap();
    let (_, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr.contains("␛[2JSamarindah"), "{stderr}");
    assert!(!stderr.contains('\x1b'), "{stderr:?}");

    let odd = dir.path().join("\x1b]0;t\x07.db");
    let out = pantau(&odd).arg("report").output().unwrap();
    let (_, stderr) = texts(&out);
    assert!(
        stderr.contains("␛]0;t␇.db; create one with `pantau init`"),
        "{stderr}"
    );
    assert!(!stderr.contains('\x1b'));
}
