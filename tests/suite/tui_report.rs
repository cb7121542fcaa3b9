//! `W` on a screen writes the screen's report: one question (the format, a key each, Enter the
//! highlighted one, Esc none), then the file in the configured `reports_dir`, private to the user,
//! named after the screen and the time, and the status line says where. The real binary in a
//! pseudo-terminal writes a workbook equal to `report --format json` in both languages, and
//! refuses a reports folder that is a symbolic link, saying why.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use calamine::{Data, Reader, Xlsx, open_workbook};
use pantau::i18n::Lang;
use pantau::tui::action::{Action, Command, Screen};
use pantau::tui::data::{Answer, Reply};
use pantau::tui::keymap::{Key, Mode};
use ratatui::crossterm::event::KeyCode;

use crate::demo_support::{all_groups, report_json};
use crate::tui_support::pty::Tui;
use crate::tui_support::{self, Harness};

/// A generous limit that only guards against hanging, never a measure of speed.
const SOON: Duration = Duration::from_secs(60);

/// The header row of a table sheet (0-based), below the title and the four lines about it.
const HEADER: u32 = 6;

#[test]
fn the_report_key_asks_the_format_once_and_esc_writes_nothing() {
    let mut h = Harness::demo((80, 24), Lang::En);
    h.press(KeyCode::Char('W'));
    assert_eq!(h.app.mode(), Mode::Report);
    let screen = h.screen();
    assert!(
        screen.contains("Recap by region ") && screen.contains("[x xlsx]"),
        "{screen}"
    );
    assert!(screen.contains("⏎ write") && screen.contains("Esc cancel"));
    // The highlight moves; Esc closes the question and asks the worker nothing.
    h.press(KeyCode::Right);
    assert!(h.screen().contains("[p png]"), "{}", h.screen());
    h.press(KeyCode::Esc);
    assert_eq!(h.app.mode(), Mode::Screen(Screen::Dashboard));
    assert!(!h.app.is_busy());
    assert!(h.app.take_requests().is_empty());
    assert!(!h.screen().contains("Recap by"), "{}", h.screen());

    // Each screen asks for its own report.
    for (key, screen, by) in [
        ('2', Screen::Cases, "Recap by status "),
        ('3', Screen::Stages, "Recap by campaign week (pekan) "),
        ('4', Screen::Map, "Recap by region "),
    ] {
        h.press(KeyCode::Char(key));
        h.press(KeyCode::Char('W'));
        assert_eq!(h.app.screen(), screen);
        assert!(h.screen().contains(by), "{screen:?}: {}", h.screen());
        h.press(KeyCode::Esc);
    }
    // No report of an overlay: the key means nothing over a case or the help.
    let keymap = h.app.keymap();
    for mode in [Mode::Detail, Mode::Help, Mode::Present, Mode::Views] {
        assert_eq!(keymap.lookup(mode, Key::ch('W')), None, "{mode:?}");
    }
}

#[test]
fn a_kab_kota_drilled_into_is_reported_by_kecamatan() {
    let mut h = Harness::demo((80, 24), Lang::Id);
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Enter);
    assert!(h.screen().contains("Kaltim › Balikpapan"), "{}", h.screen());
    h.press(KeyCode::Char('W'));
    assert!(
        h.screen().contains("Rekap per kecamatan "),
        "{}",
        h.screen()
    );
}

#[test]
fn without_a_reports_folder_the_status_line_says_why_in_full() {
    // The harness's worker is given no reports folder.
    for (lang, words) in [
        (
            Lang::En,
            [
                "File not written:",
                "there is no reports folder",
                "configuration",
            ],
        ),
        (
            Lang::Id,
            [
                "Berkas tidak ditulis:",
                "tidak ada folder rekap",
                "pengaturan",
            ],
        ),
    ] {
        let mut h = Harness::demo((80, 24), lang);
        h.press(KeyCode::Char('W'));
        h.press(KeyCode::Char('d'));
        assert!(!h.app.is_busy(), "the answer came");
        let screen = h.screen();
        for w in words {
            assert!(screen.contains(w), "{lang:?} {w}: {screen}");
        }
        // The format chosen is the one Enter takes next time.
        h.press(KeyCode::Char('W'));
        assert!(h.screen().contains("[d pdf]"), "{}", h.screen());
        h.press(KeyCode::Esc);
    }
}

#[test]
fn the_question_of_the_format_80x24() {
    for (lang, name) in [(Lang::En, "en"), (Lang::Id, "id")] {
        let mut h = Harness::demo((80, 24), lang);
        h.press(KeyCode::Char('W'));
        insta::assert_snapshot!(format!("report_prompt_80x24_{name}"), h.screen());
    }
}

#[test]
fn config_commands_lists_the_report_key_of_every_screen_and_its_question() {
    let home = crate::sealed::scratch_home();
    let out = crate::sealed::pantau(&home)
        .args(["--lang", "en", "config", "--commands"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for screen in ["dashboard", "cases", "stages", "map"] {
        let table = text
            .split(&format!("[keys.{screen}]\n"))
            .nth(1)
            .and_then(|t| t.split("\n\n").next())
            .unwrap_or_else(|| panic!("no [keys.{screen}] in\n{text}"));
        assert!(table.contains("write-report = \"W\""), "{screen}: {table}");
    }
    let report = text.split("[keys.report]\n").nth(1).unwrap_or_default();
    for line in [
        "choose-xlsx = \"x\"",
        "choose-png = \"p\"",
        "choose-pdf = \"d\"",
        "apply = \"Enter\"",
        "cancel = \"Esc\"",
    ] {
        assert!(report.contains(line), "{line}: {report}");
    }
}

/// A home with a configuration whose `reports_dir` is `~/Documents/pantau`.
fn home_with_reports_dir(dir: &Path) -> PathBuf {
    let home = dir.join("home");
    std::fs::create_dir_all(home.join(".config/pantau")).unwrap();
    std::fs::write(
        home.join(".config/pantau/config.toml"),
        "reports_dir = \"~/Documents/pantau\"\n",
    )
    .unwrap();
    home
}

/// The files in `dir`, by name.
fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Writes the dashboard's report as xlsx with `W x` in `lang` and checks the file: where the
/// status line says, private, named after the screen, holding JSON's counts by region.
fn writes_the_dashboard_workbook(lang: &str, written: &str, stem: &str, sheet: &str) {
    let dir = tempfile::tempdir().unwrap();
    let db = tui_support::demo_db(dir.path());
    let home = home_with_reports_dir(dir.path());
    let home_text = home.display().to_string();
    let db_text = db.display().to_string();
    let mut tui = Tui::start(
        &["--db", &db_text, "--as-of", "2024-02-02", "--lang", lang],
        &[("HOME", &home_text)],
    );
    tui.wait_for("47", SOON);
    tui.send("W");
    tui.wait_for("[x xlsx]", SOON);
    tui.send("x");
    tui.wait_for(&format!("{written} ~/Documents/pantau/{stem}-"), SOON);

    let folder = home.join("Documents/pantau");
    let names = files_in(&folder);
    assert_eq!(names.len(), 1, "{names:?}");
    let name = &names[0];
    assert!(
        name.starts_with(&format!("{stem}-"))
            && name.ends_with(".xlsx")
            && name.len() == stem.len() + 21,
        "{name}"
    );
    assert!(tui.contents().contains(name.as_str()), "{}", tui.contents());
    let file = folder.join(name);
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(
        mode(&file),
        0o600,
        "a copy of case data is the user's alone"
    );
    assert_eq!(mode(&folder), 0o700, "the folder pantau made too");

    let mut book: Xlsx<_> = open_workbook(&file).unwrap();
    let sheets = book.sheet_names();
    assert_eq!(sheets[0], sheet, "{sheets:?}");
    let r = book.worksheet_range(&sheets[0]).unwrap();
    let doc = report_json(&db, &["--by", "region", "--as-of", "2024-02-02"]);
    let want = all_groups(&doc);
    // The date counted at is the screen's, on its own line; the view is the filter in force.
    match r.get_value((3, 1)) {
        Some(Data::DateTime(d)) => assert_eq!(
            d.as_datetime().unwrap().date().to_string(),
            doc["as_of"].as_str().unwrap()
        ),
        other => panic!("the date counted at: {other:?}"),
    }
    let all = if lang == "id" { "(semua)" } else { "(all)" };
    assert_eq!(r.get_value((2, 1)), Some(&Data::String(all.into())));
    let mut got = std::collections::BTreeMap::new();
    for i in 0..want.len() as u32 {
        let row = HEADER + 1 + i;
        let key = match r.get_value((row, 0)) {
            Some(Data::String(s)) => s.clone(),
            other => panic!("a region's code at row {row}: {other:?}"),
        };
        let count = match r.get_value((row, 2)) {
            Some(Data::Float(x)) => *x as i64,
            Some(Data::Int(n)) => *n,
            other => panic!("a count at row {row}: {other:?}"),
        };
        got.insert(key, count);
    }
    assert_eq!(got, want, "{lang}: the workbook's counts are the report's");
    assert_eq!(want.values().sum::<i64>(), 47);

    tui.send("q");
    assert!(tui.wait_exit().success());
}

#[test]
fn x_at_the_question_writes_the_dashboard_workbook_in_english() {
    writes_the_dashboard_workbook("en", "File written to", "pantau-dashboard", "Region");
}

#[test]
fn x_at_the_question_writes_the_dashboard_workbook_in_indonesian() {
    writes_the_dashboard_workbook("id", "Berkas ditulis ke", "pantau-ringkasan", "Wilayah");
}

#[test]
fn a_reports_folder_that_is_a_symbolic_link_is_refused_and_the_message_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let db = tui_support::demo_db(dir.path());
    let home = home_with_reports_dir(dir.path());
    let elsewhere = dir.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    std::fs::create_dir(home.join("Documents")).unwrap();
    std::os::unix::fs::symlink(&elsewhere, home.join("Documents/pantau")).unwrap();
    let home_text = home.display().to_string();
    let db_text = db.display().to_string();
    let mut tui = Tui::sized(
        &["--db", &db_text, "--as-of", "2024-02-02", "--lang", "en"],
        &[("HOME", &home_text)],
        (200, 50),
    );
    tui.wait_for("47 cases", SOON);
    tui.send("W");
    tui.wait_for("[x xlsx]", SOON);
    tui.send("x");
    tui.wait_for("is a symbolic link to", SOON);
    // The message is whole, over as many rows as it needs.
    let said = tui
        .contents()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let link = elsewhere.display().to_string();
    for words in [
        "File not written: the reports folder ~/Documents/pantau is a symbolic link to",
        link.as_str(),
        "writes no copy of case data through a link",
        "set reports_dir in the configuration file to the real folder",
    ] {
        assert!(said.contains(words), "{words}: {said}");
    }
    assert!(
        files_in(&elsewhere).is_empty(),
        "nothing written through the link"
    );
    assert_eq!(
        files_in(&home.join("Documents")),
        vec!["pantau".to_string()]
    );
    tui.send("q");
    assert!(tui.wait_exit().success());
}

/// Asks for the dashboard's workbook without waiting for the worker: the request it queued,
/// which the test answers itself.
fn ask_workbook(h: &mut Harness) -> pantau::tui::data::Request {
    h.press(KeyCode::Char('W'));
    h.dispatch(Action::Command(Command::ChooseXlsx));
    let mut asked = h.app.take_requests();
    assert_eq!(asked.len(), 1, "{asked:?}");
    asked.remove(0)
}

/// The worker's answer to `req`: the file written at `path`.
fn written(req: &pantau::tui::data::Request, path: &str) -> Action {
    Action::Reply(Box::new(Reply {
        generation: req.generation,
        answer: Answer::Written(PathBuf::from(path)),
    }))
}

/// The bottom rows of a screen joined, the indentation of wrapped lines dropped.
fn bottom(screen: &str, rows: usize) -> String {
    let lines: Vec<&str> = screen.lines().collect();
    lines[lines.len() - rows..]
        .iter()
        .map(|l| l.trim_matches(|c| c == '"' || c == ' '))
        .collect::<Vec<_>>()
        .join("")
}

#[test]
fn while_the_file_is_written_the_status_line_shows_the_busy_marker_and_no_tick() {
    let mut h = Harness::demo((80, 24), Lang::Id);
    let req = ask_workbook(&mut h);
    let screen = h.screen();
    assert!(screen.contains("⟳ Menulis rekap xlsx…"), "{screen}");
    assert!(!screen.contains('✓'), "nothing is done yet: {screen}");
    // It stays while the file is written, past the seconds a notice shows.
    h.dispatch(Action::Tick(
        tui_support::clock() + chrono::Duration::seconds(20),
    ));
    assert!(
        h.screen().contains("⟳ Menulis rekap xlsx…"),
        "{}",
        h.screen()
    );
    h.dispatch(written(
        &req,
        "/srv/a/pantau-ringkasan-20240202-141502.xlsx",
    ));
    let screen = h.screen();
    assert!(
        screen.contains("✓ Berkas ditulis ke /srv/a/pantau-ringkasan-20240202-141502.xlsx"),
        "{screen}"
    );
    assert!(!screen.contains("⟳ Menulis"), "{screen}");
}

#[test]
fn a_path_too_long_for_the_line_at_80_columns_is_shown_whole_over_the_rows_above() {
    let path = "/home/petugas/.local/share/pantau/laporan/pantau-ringkasan-20240202-141502.xlsx";
    let mut h = Harness::demo((80, 24), Lang::Id);
    let req = ask_workbook(&mut h);
    h.dispatch(written(&req, path));
    let screen = h.screen();
    let said = bottom(&screen, 3);
    assert!(
        said.contains(&format!("✓ Berkas ditulis ke{path}")),
        "the whole path: {said}\n{screen}"
    );
    insta::assert_snapshot!("report_written_long_path_80x24_id", screen);
}

#[test]
fn quitting_while_the_file_is_written_waits_for_it_then_quits() {
    let mut h = Harness::demo((80, 24), Lang::Id);
    let req = ask_workbook(&mut h);
    h.dispatch(Action::Command(Command::Quit));
    assert!(!h.app.should_quit(), "the file is waited for");
    let screen = h.screen();
    assert!(
        screen.contains("⟳ Menunggu berkas selesai ditulis…"),
        "{screen}"
    );
    // The wait says so as long as it lasts.
    h.dispatch(Action::Tick(
        tui_support::clock() + chrono::Duration::seconds(10),
    ));
    assert!(!h.app.should_quit());
    assert!(h.screen().contains("Menunggu berkas"), "{}", h.screen());
    h.dispatch(written(
        &req,
        "/srv/a/pantau-ringkasan-20240202-141502.xlsx",
    ));
    assert!(h.app.should_quit(), "written: it quits");
}

#[test]
fn the_wait_at_quitting_is_bounded_and_a_second_quit_does_not_wait() {
    let mut h = Harness::demo((80, 24), Lang::En);
    ask_workbook(&mut h);
    h.dispatch(Action::Command(Command::Quit));
    assert!(!h.app.should_quit());
    assert!(
        h.screen().contains("Waiting for the file to be written…"),
        "{}",
        h.screen()
    );
    h.dispatch(Action::Tick(
        tui_support::clock() + chrono::Duration::seconds(29),
    ));
    assert!(!h.app.should_quit());
    h.dispatch(Action::Tick(
        tui_support::clock() + chrono::Duration::seconds(31),
    ));
    assert!(h.app.should_quit(), "the worker is not waited for forever");

    let mut h = Harness::demo((80, 24), Lang::En);
    ask_workbook(&mut h);
    h.dispatch(Action::Command(Command::Quit));
    h.dispatch(Action::Command(Command::Quit));
    assert!(h.app.should_quit(), "a second quit does not wait");
}

#[test]
fn a_file_that_fails_while_quitting_is_said_and_the_screen_stays() {
    let mut h = Harness::demo((80, 24), Lang::En);
    let req = ask_workbook(&mut h);
    h.dispatch(Action::Command(Command::Quit));
    h.dispatch(Action::Reply(Box::new(Reply {
        generation: req.generation,
        answer: Answer::Failed("the disk is full".into()),
    })));
    assert!(!h.app.should_quit(), "why it failed is read first");
    assert!(
        h.screen().contains("File not written: the disk is full"),
        "{}",
        h.screen()
    );
    h.dispatch(Action::Command(Command::Quit));
    assert!(h.app.should_quit());
}
