//! Emoji sequences and invisible format characters in case text: what pantau draws takes the
//! same cells in ratatui's buffer, in pantau's own width and in a terminal that counts character
//! by character (xterm, tmux, the Linux console; here the vt100 crate), so rows stay aligned.

use crate::trust_support;
use crate::tui_support;

use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;
use pantau::domain::{Case, Reference, Source, StatusChange};
use pantau::engine::{Engine, PageRequest};
use pantau::i18n::Lang;
use pantau::store::{Mode, Store};
use pantau::text::{safe, width};
use pantau::tui::theme::Theme;
use pantau::tui::widgets::case_table::CaseTable;
use pantau::view::{Sort, SortKey, View};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use tui_support::pty::Tui;

/// One of each kind of cluster terminals disagree on, with what it is.
const AWKWARD: [(&str, &str); 15] = [
    ("👨\u{200d}👩\u{200d}👧", "a ZWJ family"),
    ("🏳\u{fe0f}\u{200d}🌈", "a ZWJ flag"),
    ("🇮🇩", "a flag pair"),
    ("❤\u{fe0f}", "a heart made emoji by VS16"),
    ("☺\u{fe0f}", "a smile made emoji by VS16"),
    ("👍🏽", "a skin-tone modifier"),
    ("1\u{fe0f}\u{20e3}", "a keycap"),
    (
        "🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}",
        "a tag sequence",
    ),
    ("a\u{200b}b", "a zero-width space"),
    ("a\u{200c}\u{200d}b", "a non-joiner and a joiner"),
    (
        "kata\u{2060}\u{2063}",
        "a word joiner and an invisible separator",
    ),
    ("\u{feff}Nama", "a byte-order mark"),
    ("Sam\u{ad}arinda", "a soft hyphen"),
    ("e\u{34f}\u{301}", "a combining grapheme joiner"),
    ("🇮 sendiri", "a lone regional indicator"),
];

/// Characters that must never reach a cell: joiners, variation selectors, regional indicators,
/// skin-tone modifiers, keycaps, tags and the other invisible format characters.
fn hidden(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{34f}'
            | '\u{200b}'..='\u{200f}'
            | '\u{2060}'..='\u{206f}'
            | '\u{20e3}'
            | '\u{fe0e}'
            | '\u{fe0f}'
            | '\u{feff}'
            | '\u{1f1e6}'..='\u{1f1ff}'
            | '\u{1f3fb}'..='\u{1f3ff}'
            | '\u{e0000}'..='\u{e007f}'
    )
}

/// The column a character-cell terminal's cursor ends at after printing `s` from column 0.
fn drawn_width(s: &str) -> usize {
    let mut term = vt100::Parser::new(
        NonZeroU16::new(1).unwrap(),
        NonZeroU16::new(1000).unwrap(),
        0,
    );
    // vt100 takes U+FFFD for a decoding error and draws nothing; a terminal draws `�` in one cell.
    term.process(s.replace('\u{fffd}', "¤").as_bytes());
    usize::from(term.screen().cursor_position().1)
}

/// The cells `s` takes counted character by character, as `wcwidth` does.
fn wcwidth(s: &str) -> usize {
    s.chars()
        .map(|c| unicode_width::UnicodeWidthChar::width(c).unwrap_or(0))
        .sum()
}

#[test]
fn every_awkward_cluster_takes_the_same_cells_in_the_buffer_and_in_a_terminal() {
    for (raw, what) in AWKWARD {
        let shown = safe(raw);
        assert!(
            !shown.chars().any(hidden),
            "{what}: {shown:?} keeps a hidden character"
        );
        let mut buf = Buffer::empty(Rect::new(0, 0, 30, 1));
        let (end, _) = buf.set_stringn(0, 0, format!("{shown}|"), 30, ratatui::style::Style::new());
        let bar = usize::from(end) - 1;
        assert_eq!(buf[(end - 1, 0)].symbol(), "|", "{what}");
        assert_eq!(bar, width(raw), "{what}: the buffer and pantau's width");
        assert_eq!(bar, wcwidth(&shown), "{what}: the buffer and wcwidth");
        assert_eq!(
            bar,
            drawn_width(&shown),
            "{what}: the buffer and a terminal"
        );
        for x in 0..30 {
            assert!(
                !buf[(x, 0)].symbol().chars().any(hidden),
                "{what}: cell {x} holds {:?}",
                buf[(x, 0)].symbol()
            );
        }
    }
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 1, 20).unwrap()
}

/// A database with the reference data and one case for each awkward cluster, whose number,
/// kecamatan and description hold it.
fn emoji_db(dir: &Path) -> PathBuf {
    let path = dir.join("emoji.db");
    let mut store = Store::open(&path, Mode::Create).unwrap();
    store.load_reference(&Reference::embedded()).unwrap();
    let tx = store.conn_mut().transaction().unwrap();
    for (i, (raw, _)) in AWKWARD.iter().enumerate() {
        let nomor = format!("{:03}/{raw}/PL/I/2024", i + 1);
        let mut case = Case::new(
            "PEMILU2024",
            &nomor,
            Source::Laporan,
            "64.71",
            "KAMPANYE",
            day(),
        );
        case.kecamatan = Some(format!("Balikpapan {raw}"));
        case.terlapor = Some(format!("Tim {raw} pemenangan"));
        case.uraian = format!("Unggahan {raw} di media sosial");
        let at = day().and_hms_opt(9, 0, 0).unwrap();
        let first = StatusChange {
            from: None,
            to: case.status,
            at,
            by: "petugas".into(),
            note: None,
        };
        pantau::store::write::insert_case(&tx, &case, &[first], None, at).unwrap();
    }
    tx.commit().unwrap();
    path
}

#[test]
fn the_case_list_keeps_its_columns_in_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&emoji_db(dir.path()), Mode::ReadOnly).unwrap();
    let engine = Engine::with_defaults(&store, day()).unwrap();
    let page = engine
        .page(&View::default(), &PageRequest::first(20))
        .unwrap();
    assert_eq!(page.rows.len(), AWKWARD.len());
    let theme = Theme::new(false);
    let area = Rect::new(0, 0, 160, 1 + AWKWARD.len() as u16);
    let mut buf = Buffer::empty(area);
    CaseTable {
        rows: &page.rows,
        top: 0,
        selected: 0,
        loaded: true,
        sort: Sort {
            key: SortKey::Number,
            descending: false,
        },
        sort_chosen: true,
        hidden: &[],
        as_of: NaiveDate::from_ymd_opt(2024, 2, 2).unwrap(),
        reference: engine.reference(),
        elections: &[],
        lang: Lang::En,
        theme: &theme,
    }
    .render(area, &mut buf);
    // Each row printed cell after cell, as a terminal receives it, into a terminal of its own.
    let mut received = None;
    for y in 1..area.height {
        let mut line = String::new();
        let mut x = 0;
        while x < area.width {
            let symbol = buf[(x, y)].symbol();
            assert!(!symbol.chars().any(hidden), "cell {x},{y} holds {symbol:?}");
            line.push_str(symbol);
            x += u16::try_from(width(symbol).max(1)).unwrap();
        }
        let at = line.find("20/01/2024").unwrap();
        let column = drawn_width(&line[..at]);
        assert_eq!(*received.get_or_insert(column), column, "row {y}: {line:?}");
        assert_eq!(
            drawn_width(&line),
            usize::from(area.width),
            "row {y}: {line:?}"
        );
    }
}

#[test]
fn a_report_table_with_emoji_in_a_region_name_stays_aligned() {
    let dir = tempfile::tempdir().unwrap();
    let db = trust_support::demo_db(dir.path(), "kaltim.db");
    let name = "Kutai 🇮🇩 👨\u{200d}👩\u{200d}👧 ❤\u{fe0f} 👍🏽 Karta\u{ad}negara\u{200b}";
    let c = rusqlite::Connection::open(&db).unwrap();
    c.execute(
        "UPDATE regions SET name = ?1, short_name = ?1 WHERE code = '64.02'",
        [name],
    )
    .unwrap();
    drop(c);
    for by in ["region", "stage,region"] {
        let out = trust_support::pantau(&db)
            .args(["report", "--as-of", "2024-02-02", "--by", by])
            .output()
            .unwrap();
        let (table, stderr) = trust_support::texts(&out);
        assert!(out.status.success(), "{stderr}");
        assert!(!table.chars().any(hidden), "{table:?}");
        let lines: Vec<&str> = table.lines().skip(2).collect();
        let rule = drawn_width(lines[1]);
        for line in &lines {
            assert_eq!(drawn_width(line), rule, "{line:?} in\n{table}");
        }
        assert!(table.contains("Kutai � � � � Karta�negara�"), "{table}");
    }
}

#[test]
fn the_real_tui_shows_a_placeholder_and_keeps_the_list_aligned() {
    let dir = tempfile::tempdir().unwrap();
    let db = emoji_db(dir.path()).display().to_string();
    let home = dir.path().join("home");
    let var = |sub: &str| home.join(sub).display().to_string();
    let (h, config, data, state, cache) = (
        var(""),
        var("config"),
        var("data"),
        var("state"),
        var("cache"),
    );
    let env = vec![
        ("HOME", h.as_str()),
        ("XDG_CONFIG_HOME", config.as_str()),
        ("XDG_DATA_HOME", data.as_str()),
        ("XDG_STATE_HOME", state.as_str()),
        ("XDG_CACHE_HOME", cache.as_str()),
        ("LANG", "C.UTF-8"),
        ("LC_ALL", "C.UTF-8"),
    ];
    // (The harness removes every `PANTAU_*` variable of the test's own environment.)
    std::fs::create_dir_all(&home).unwrap();
    let mut tui = Tui::sized(
        &["--db", &db, "--as-of", "2024-02-02", "--lang", "en"],
        &env,
        (160, 30),
    );
    let soon = Duration::from_secs(30);
    tui.wait_for("15 cases", soon);
    tui.send("2");
    tui.wait_for("1 of 15", soon);
    // (`¤` is how this test's screen shows the `�` pantau draws.)
    tui.wait_for("001/¤/PL/I/2024", soon);
    let screen = tui.contents();
    let rows: Vec<&str> = screen
        .lines()
        .filter(|l| l.contains("/PL/I/2024") && l.contains("20/01/"))
        .collect();
    assert!(rows.len() >= 10, "{screen}");
    let columns: Vec<usize> = rows
        .iter()
        .map(|l| drawn_width(&l[..l.find("20/01/").unwrap()]))
        .collect();
    assert!(
        columns.windows(2).all(|w| w[0] == w[1]),
        "{columns:?}\n{screen}"
    );
    tui.send("q");
    assert!(tui.wait_exit().success());
    let raw = String::from_utf8_lossy(&tui.raw()).into_owned();
    assert!(
        !raw.chars().any(hidden),
        "pantau wrote a joiner or selector"
    );
}
