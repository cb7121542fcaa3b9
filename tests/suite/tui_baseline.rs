//! The meeting baseline with a second process writing: `b` marks it, counts show `6 (+2)`, a restart
//! keeps it, `B` clears it once asked (a slipped `B` or `b` loses nothing), and `--baseline` with a
//! past time rebuilds the counts of then.

use crate::sealed;
use crate::tui_support;

use std::path::Path;

use chrono::NaiveDate;
use pantau::i18n::Lang;
use pantau::tui::action::{Command, Screen};
use pantau::view::View;
use ratatui::crossterm::event::KeyCode;
use tui_support::{Harness, demo_db, state_dir};

fn feb9() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 2, 9).unwrap()
}

/// Imports `rows` (CSV lines under the header) into `db` with the real binary, as a second process.
fn import(db: &Path, name: &str, rows: &[&str]) {
    let file = db.with_file_name(name);
    let mut text =
        String::from("nomor,sumber,kode_wilayah,kode_tahapan,tanggal_diterima,status,uraian\n");
    for r in rows {
        text.push_str(r);
        text.push('\n');
    }
    std::fs::write(&file, text).unwrap();
    let dir = db.parent().unwrap();
    let out = sealed::pantau_std(&dir.join("home"))
        .arg("--db")
        .arg(db)
        .arg("import")
        .arg(&file)
        .env("XDG_STATE_HOME", dir.join("xdg-state"))
        .env("XDG_CACHE_HOME", dir.join("xdg-cache"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "import failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Two new campaign cases in Samarinda, received on 8 Feb 2024.
const TWO_IN_SAMARINDA: [&str; 2] = [
    "901/TM/PL/64.72/II/2024,temuan,64.72,KAMPANYE,2024-02-08,PENELUSURAN,Alat peraga di sekolah",
    "902/LP/PL/64.72/II/2024,laporan,64.72,KAMPANYE,2024-02-08,DITERIMA,Pembagian minyak goreng",
];

fn at_feb9(db: &Path) -> Harness {
    // A meeting held on 9 Feb 2024 (the as-of date is today, not a date ahead).
    Harness::with(db, (80, 24), Lang::En, View::default(), |o| {
        o.as_of = Some(feb9());
        o.today = feb9();
    })
}

fn region_total(counts: &pantau::tui::data::Counts, code: &str) -> i64 {
    counts
        .regions
        .iter()
        .find(|r| r.code == code)
        .map_or(-1, |r| r.figures.total)
}

#[test]
fn b_marks_a_baseline_and_every_count_shows_its_change_after_another_process_writes() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let mut h = at_feb9(&db);
    assert!(h.app.baseline().is_none());
    h.press(KeyCode::Char('b'));
    let at = h.app.baseline().map(|b| b.at);
    assert_eq!(at, Some(tui_support::clock()), "marked at the app's clock");
    assert_eq!(
        h.app.base_counts(),
        h.app.counts(),
        "nothing changed since a baseline just marked"
    );
    let marked = h.screen();
    assert!(marked.contains("49 cases"), "{marked}");
    assert!(
        !marked.contains('±') && !marked.contains("(+") && !marked.contains("(-"),
        "a baseline just marked changes nothing, and says nothing: {marked}"
    );

    import(&db, "kiriman.csv", &TWO_IN_SAMARINDA);
    h.wait_for_change();
    let (now, base) = (h.app.counts().unwrap(), h.app.base_counts().unwrap());
    assert_eq!((now.headline.total, base.headline.total), (51, 49));
    assert_eq!(region_total(now, "64.72"), 6);
    assert_eq!(region_total(base, "64.72"), 4);
    assert_eq!((now.campaign.cases, base.campaign.cases), (24, 22));
    let dashboard = h.screen();
    assert!(dashboard.contains("51 cases (+2)"), "{dashboard}");
    let samarinda = dashboard
        .lines()
        .find(|l| l.contains("Samarinda"))
        .unwrap_or_default();
    assert!(samarinda.contains("6 (+2)"), "{samarinda}");
    assert!(
        !samarinda.contains('±') && samarinda.matches("(+").count() == 1,
        "at 80 columns the change is written in the cases column only (the other changed \
         counts take its colour) and the names stay whole: {samarinda}"
    );
    insta::assert_snapshot!("baseline_dashboard_80x24", dashboard);

    h.press(KeyCode::Char('3'));
    let timeline = h.screen();
    assert!(
        timeline.contains("24 (+2)"),
        "the campaign stage: {timeline}"
    );
    h.press(KeyCode::Right);
    let campaign = h.screen();
    assert!(
        campaign.contains("24 (+2) cases in the campaign stage, out of 7,120"),
        "{campaign}"
    );
    h.press(KeyCode::Char('4'));
    assert!(
        h.screen().contains("6 (+2)"),
        "the Samarinda tile: {}",
        h.screen()
    );

    // A restarted pantau knows the baseline of this database.
    drop(h);
    let mut again = at_feb9(&db);
    assert_eq!(again.app.baseline().map(|b| b.at), at);
    assert_eq!(again.app.base_counts().map(|b| b.headline.total), Some(49));
    assert!(again.screen().contains("51 cases (+2)"));

    again.press(KeyCode::Char('B'));
    assert!(again.app.baseline().is_some(), "B asks first");
    again.press(KeyCode::Char('y'));
    assert!(again.app.baseline().is_none() && again.app.base_counts().is_none());
    assert!(!again.screen().contains("(+2)"));
    let left: Vec<_> = std::fs::read_dir(state_dir(&db))
        .map(|d| d.filter_map(|e| e.ok()).collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "B removes the baseline's files: {left:?}");
    drop(again);
    assert!(
        at_feb9(&db).app.baseline().is_none(),
        "and it stays cleared"
    );
}

/// The files a baseline is kept in, by name and content.
fn kept_files(db: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(state_dir(db))
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    (name, std::fs::read(e.path()).unwrap_or_default())
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

fn footer(h: &Harness) -> String {
    h.screen().lines().last().unwrap_or_default().to_string()
}

#[test]
fn a_slipped_b_or_shift_b_loses_nothing_the_footer_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let mut h = Harness::with(&db, (80, 24), Lang::Id, View::default(), |o| {
        o.as_of = Some(feb9())
    });
    h.press(KeyCode::Char('B'));
    assert!(
        footer(&h).contains("Belum ada acuan untuk dihapus (b menetapkannya)"),
        "{}",
        footer(&h)
    );
    h.press(KeyCode::Char('b'));
    let marked = h
        .app
        .baseline()
        .cloned()
        .expect("the first b marks at once");
    import(&db, "kiriman.csv", &TWO_IN_SAMARINDA);
    h.wait_for_change();
    let kept = kept_files(&db);
    assert_eq!(kept.len(), 2, "the copy and its note: {kept:?}");
    let meeting = |h: &Harness| {
        (
            h.app.baseline().cloned(),
            h.app.base_counts().map(|c| c.headline.total),
            h.app.counts().map(|c| c.headline.total),
        )
    };
    let before = meeting(&h);
    assert_eq!(before, (Some(marked.clone()), Some(49), Some(51)));

    // B, then any answer but y: the question, then the same baseline, files and figures.
    for answer in [
        KeyCode::Char('n'),
        KeyCode::Esc,
        KeyCode::Char('B'),
        KeyCode::Char('j'),
        KeyCode::Enter,
        KeyCode::Down,
    ] {
        h.press(KeyCode::Char('B'));
        assert_eq!(h.app.mode(), pantau::tui::keymap::Mode::Confirm);
        let asked = footer(&h);
        assert!(
            asked.contains("Hapus acuan 14:32?") && asked.contains("y ya  n tidak"),
            "{asked}"
        );
        assert!(
            h.screen().contains("Δ acuan 14:32"),
            "still in force while asked"
        );
        h.press(answer);
        assert_eq!(meeting(&h), before, "after B and {answer:?}");
        assert_eq!(kept_files(&db), kept, "after B and {answer:?}");
        assert!(
            footer(&h).contains("Acuan 14:32 tetap"),
            "{answer:?}: {}",
            footer(&h)
        );
        assert_eq!(h.app.screen(), Screen::Dashboard, "the key only answered");
        assert_eq!(h.app.dashboard_cursor().1, 0, "the key only answered");
    }

    // b while one is in force: it would replace the meeting's baseline with one counting 51.
    for answer in [KeyCode::Char('b'), KeyCode::Char('n'), KeyCode::Esc] {
        h.press(KeyCode::Char('b'));
        let asked = footer(&h);
        assert!(
            asked.contains("Ganti acuan 14:32 dengan acuan sekarang?"),
            "{asked}"
        );
        h.press(answer);
        assert_eq!(meeting(&h), before, "after b and {answer:?}");
        assert_eq!(kept_files(&db), kept, "after b and {answer:?}");
    }
    assert!(h.screen().contains("51 kasus (+2)"), "{}", h.screen());

    // A restarted pantau still has it; yes is the one answer that acts.
    drop(h);
    let mut h = Harness::with(&db, (80, 24), Lang::En, View::default(), |o| {
        o.as_of = Some(feb9())
    });
    assert_eq!(h.app.baseline(), Some(&marked));
    h.press(KeyCode::Char('b'));
    assert!(
        footer(&h).contains("Replace the baseline of 14:32 with one taken now?")
            && footer(&h).contains("y yes  n no"),
        "{}",
        footer(&h)
    );
    h.press(KeyCode::Char('y'));
    assert_eq!(
        h.app.base_counts().map(|c| c.headline.total),
        Some(51),
        "replaced by one taken now"
    );
    h.press(KeyCode::Char('B'));
    assert!(footer(&h).contains("Clear the baseline of 14:32?"));
    h.press(KeyCode::Char('y'));
    assert!(h.app.baseline().is_none());
    assert!(kept_files(&db).is_empty());
}

#[test]
fn a_past_baseline_rebuilds_the_counts_the_database_had_then() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    // Today's view of every election (no as-of date, today after every case): statuses are the
    // current ones.
    let today =
        pantau::view::parse("pemilihan:semua", &pantau::domain::Reference::embedded()).unwrap();
    let end_of_year = NaiveDate::from_ymd_opt(2024, 12, 31).unwrap();
    let current = |h: &mut Harness| h.app.counts().cloned().unwrap();
    let mut before = Harness::with(&db, (80, 24), Lang::En, today.clone(), |o| {
        o.as_of = None;
        o.today = end_of_year;
    });
    let expected = current(&mut before);
    drop(before);
    // A case under clarification is decided, and two cases arrive, after the baseline time.
    let store = pantau::store::Store::open(&db, pantau::store::Mode::ReadOnly).unwrap();
    let (nomor, sumber, region, stage, received): (String, String, String, String, String) = store
        .conn()
        .query_row(
            "SELECT nomor, sumber, kode_wilayah, kode_tahapan, tanggal_diterima FROM cases \
             WHERE status = 'KLARIFIKASI' ORDER BY id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .unwrap();
    drop(store);
    let t = chrono::Local::now().naive_local() - chrono::Duration::seconds(1);
    // The import comes after the baseline time on the clock: wait for the clock, not for work.
    while chrono::Local::now().naive_local() < t + chrono::Duration::milliseconds(1100) {
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let decided = format!("{nomor},{sumber},{region},{stage},{received},PELANGGARAN,Diputuskan");
    let mut rows = vec![decided.as_str()];
    rows.extend(TWO_IN_SAMARINDA);
    import(&db, "kiriman.csv", &rows);

    let mut h = Harness::with(&db, (80, 24), Lang::En, today, |o| {
        o.as_of = None;
        o.today = end_of_year;
        o.baseline = Some(t);
    });
    let b = h.app.baseline().cloned().unwrap();
    assert_eq!(b.at, t);
    let rewound = b.rewound.unwrap();
    assert_eq!(
        (rewound.removed, rewound.changes, rewound.touched),
        (2, 1, 1)
    );
    assert_eq!(
        h.app.base_counts(),
        Some(&expected),
        "every count of the view as the database stood at the baseline"
    );
    let now = current(&mut h);
    assert_eq!(now.headline.total, expected.headline.total + 2);
    assert_eq!(now.headline.violations, expected.headline.violations + 1);
    assert!(
        h.app
            .notice()
            .is_some_and(|n| n.text.contains("1 cases were changed after it")),
        "{:?}",
        h.app.notice()
    );
    // The same time again reuses the kept copy; `b` replaces it with one taken now, once asked.
    h.run(Command::SetBaseline);
    h.run(Command::Apply);
    assert_eq!(h.app.base_counts(), h.app.counts());
}

#[test]
fn present_and_baseline_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let run = |args: &[&str]| {
        sealed::pantau_std(&dir.path().join("home"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .env("XDG_STATE_HOME", dir.path().join("xdg-state"))
            .output()
            .unwrap()
    };
    let out = run(&["present", "--baseline", "kemarin"]);
    assert_eq!(out.status.code(), Some(2), "a usage error");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--baseline: write YYYY-MM-DD HH:MM or HH:MM"),
        "{err}"
    );
    let out = run(&["--baseline", "2999-01-01 09:00"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("has not happened yet"));
    let out = run(&[
        "present",
        "--cycle",
        "20s",
        "--baseline",
        "2024-02-09 09:00",
    ]);
    assert_eq!(out.status.code(), Some(1), "without a terminal");
    assert!(String::from_utf8_lossy(&out.stderr).contains("needs a terminal"));
    let out = run(&["--cycle", "20s", "report"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "the screen's flags before another subcommand"
    );
}

/// The rows of the case list on screen, without the quotes of the snapshot text.
fn list_rows(screen: &str) -> Vec<String> {
    screen
        .lines()
        .map(|l| l.trim_matches('"').to_string())
        .skip(3)
        .take_while(|l| !l.starts_with('─'))
        .filter(|l| !l.trim().is_empty())
        .collect()
}

#[test]
fn cases_new_since_the_baseline_are_marked_and_is_new_lists_them() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let mut h = at_feb9(&db);
    // Without a baseline, `is:new` says what it needs instead of matching nothing.
    h.press(KeyCode::Char('/'));
    h.press_with(
        KeyCode::Char('u'),
        ratatui::crossterm::event::KeyModifiers::CONTROL,
    );
    h.type_text("stage:kampanye is:new");
    h.press(KeyCode::Enter);
    assert_eq!(h.app.mode(), pantau::tui::keymap::Mode::Filter);
    let screen = h.screen();
    assert!(
        screen.contains("is:new counts the cases recorded since the meeting"),
        "{screen}"
    );
    h.press(KeyCode::Esc);

    h.press(KeyCode::Char('b'));
    import(&db, "kiriman.csv", &TWO_IN_SAMARINDA);
    h.wait_for_change();
    h.press(KeyCode::Char('2'));
    h.press(KeyCode::Char('G'));
    let screen = h.screen();
    let rows = list_rows(&screen);
    let marked: Vec<&String> = rows.iter().filter(|r| r.starts_with('●')).collect();
    assert_eq!(marked.len(), 2, "the two new cases and no other: {screen}");
    assert!(
        marked[0].contains("901/TM/") && marked[1].contains("902/LP/"),
        "{screen}"
    );
    assert!(!screen.contains("new since the baseline"), "{screen}");
    // On the cursor's row the mark gives way to the cursor; the preview says what it means.
    h.press(KeyCode::Char('k'));
    let screen = h.screen();
    assert!(
        screen.contains("─ 902/LP/PL/64.72/II/2024 ● new since the baseline ─"),
        "{screen}"
    );

    // The view term, in either language, lists exactly them.
    for spec in ["is:new", "is:baru region:samarinda"] {
        h.apply_view(spec);
        assert_eq!(h.app.counts().map(|c| c.headline.total), Some(2), "{spec}");
        assert_eq!(
            h.app.base_counts().map(|c| c.headline.total),
            Some(0),
            "{spec}: the baseline held none of them"
        );
        let numbers: Vec<&str> = h
            .app
            .cases()
            .rows()
            .iter()
            .map(|r| r.nomor.as_str())
            .collect();
        assert_eq!(
            numbers,
            ["901/TM/PL/64.72/II/2024", "902/LP/PL/64.72/II/2024"],
            "{spec}"
        );
    }
    // `-is:new` is the rest.
    h.press(KeyCode::Char('/'));
    h.press_with(
        KeyCode::Char('u'),
        ratatui::crossterm::event::KeyModifiers::CONTROL,
    );
    h.type_text("-is:new");
    h.press(KeyCode::Enter);
    assert_eq!(h.app.counts().map(|c| c.headline.total), Some(49));

    // Clearing the baseline (once asked and answered) says that `is:new` has nothing to count
    // from.
    h.press(KeyCode::Char('B'));
    h.press(KeyCode::Char('y'));
    assert!(
        h.app
            .notice()
            .is_some_and(|n| n.error && n.text.contains("is:new counts")),
        "{:?}",
        h.app.notice()
    );
    assert!(h.app.cases().rows().iter().all(|r| !r.new));
}

#[test]
fn is_new_on_the_command_line_counts_from_the_kept_baseline_or_says_there_is_none() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let home = dir.path().join("home");
    let run = |args: &[&str]| {
        sealed::pantau_std(&home)
            .arg("--db")
            .arg(&db)
            .args(args)
            .env("PANTAU_TODAY", "2024-02-09")
            .output()
            .unwrap()
    };
    for lang in ["en", "id"] {
        let out = run(&[
            "--lang",
            lang,
            "report",
            "--view",
            "region:samarinda is:new",
        ]);
        assert_eq!(out.status.code(), Some(2), "a usage error");
        let err = String::from_utf8_lossy(&out.stderr);
        let want = if lang == "en" {
            "is:new counts the cases recorded since the meeting baseline, and there is none"
        } else {
            "is:baru menghitung kasus yang tercatat sejak acuan rapat, dan belum ada acuan"
        };
        assert!(err.contains(want), "{err}");
        let caret = format!("  region:samarinda is:new\n  {}^", " ".repeat(17));
        assert!(err.contains(&caret), "the caret under is:new: {err}");
    }
    // A baseline kept for the database (as `b` keeps it), then two cases arrive.
    let kept = home.join(".local/state/pantau/baselines");
    let store = pantau::store::Store::open(&db, pantau::store::Mode::ReadOnly).unwrap();
    pantau::store::baseline::Keeper::new(&kept, &db)
        .unwrap()
        .apply(
            pantau::store::baseline::Op::Mark(tui_support::clock()),
            &store,
        )
        .unwrap();
    drop(store);
    import(&db, "kiriman.csv", &TWO_IN_SAMARINDA);
    let out = run(&["report", "--view", "is:baru", "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["total"], 2, "{json}");
    let out = run(&["export", "--view", "is:new", "--format", "csv", "-o", "-"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = String::from_utf8_lossy(&out.stdout);
    assert_eq!(csv.lines().count(), 3, "{csv}");
    assert!(csv.contains("901/TM/PL/64.72/II/2024") && csv.contains("902/LP/PL/64.72/II/2024"));
}
