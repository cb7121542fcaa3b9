//! The real binary in a pseudo-terminal, its screen read with vt100: start, filter, drill down,
//! open a case, quit with the terminal restored; a second process writing while it runs; signals.

use crate::sealed;
use crate::tui_support;

use std::path::Path;
use std::time::{Duration, Instant};

use tui_support::pty::Tui;

/// A generous limit that only guards against hanging, never a measure of speed.
const SOON: Duration = Duration::from_secs(60);

fn demo(dir: &Path) -> String {
    tui_support::demo_db(dir).display().to_string()
}

#[test]
fn start_filter_drill_down_open_a_case_and_quit() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let mut tui = Tui::start(&["--db", &db, "--as-of", "2024-02-02", "--lang", "en"], &[]);
    tui.wait_for("view: (all) · 47 cases", SOON);
    tui.wait_for("Total                  47", SOON);
    assert!(tui.parser().screen().alternate_screen());

    tui.send("/");
    tui.wait_for("view›", SOON);
    tui.send("stage:kampanye\r");
    tui.wait_for("view: stage:kampanye · 22 cases", SOON);

    // Balikpapan is the second row: its kecamatan, then the total of them.
    tui.send("j");
    tui.send("\r");
    tui.wait_for("Kaltim › Balikpapan", SOON);
    tui.wait_for("(no kecamatan)", SOON);
    tui.send("G");
    tui.send("\r");
    // The tabs keep their names; the longer view is shortened beside them (whole on `/`).
    tui.wait_for("4 Map   region:balikpapan stage… · 8 cases", SOON);
    tui.wait_for("[2 Cases]", SOON);
    tui.wait_for("1 of 8", SOON);

    tui.send("\r");
    tui.wait_for("Case detail · ", SOON);
    tui.wait_for("Balikpapan · 64.71", SOON);
    tui.send("\x1b");
    tui.wait_gone("Case detail · ");
    tui.wait_for("1 of 8", SOON);

    tui.send("\x1b");
    tui.wait_for("[1 Dashboard]", SOON);
    tui.wait_for("Kaltim › Balikpapan", SOON);
    tui.send("\x1b");
    tui.wait_for("view: stage:kampanye · 22 cases", SOON);

    tui.send("q");
    let status = tui.wait_exit();
    assert!(status.success(), "{status:?}");
    tui.assert_restored();
}

#[test]
fn a_case_written_by_another_process_shows_without_a_key() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let mut tui = Tui::start(&["--db", &db, "--as-of", "2024-02-02", "--lang", "en"], &[]);
    tui.wait_for("47 cases", SOON);
    let feb1 = chrono::NaiveDate::from_ymd_opt(2024, 2, 1).unwrap();
    tui_support::insert_case(
        Path::new(&db),
        "099/TM/PL/Kota/23.06/II/2024",
        "64.72",
        "KAMPANYE",
        feb1,
    );
    tui.wait_for("48 cases ▲1", SOON);
    // The mark follows the count it changed, as on every screen.
    tui.wait_for("Total                  48 ▲1", SOON);
    tui.send("q");
    assert!(tui.wait_exit().success());
    tui.assert_restored();
}

#[test]
fn sigterm_ends_it_and_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let mut tui = Tui::start(
        &[
            "--db",
            &db,
            "--as-of",
            "2024-02-02",
            "--view",
            "wilayah:balikpapan",
        ],
        &[],
    );
    tui.wait_for("region:balikpapan · 14 cases", SOON);
    let pid = tui.child.process_id().unwrap();
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    tui.wait_exit();
    tui.assert_restored();
}

#[test]
fn sighup_ends_it_without_leaving_a_process() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let mut tui = Tui::start(&["--db", &db, "--as-of", "2024-02-02"], &[]);
    tui.wait_for("47", SOON);
    // portable-pty's kill sends SIGHUP, as when an SSH connection drops.
    tui.child.kill().unwrap();
    tui.wait_exit();
}

#[test]
fn a_dropped_connection_ends_it_without_leaving_a_process() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let mut tui = Tui::start(&["--db", &db, "--as-of", "2024-02-02"], &[]);
    tui.wait_for("47", SOON);
    // A dead terminal reads as end-of-file forever; pantau must notice it and end, not spin.
    tui.hang_up("j");
    let start = Instant::now();
    while tui.child.try_wait().unwrap().is_none() {
        assert!(
            start.elapsed() < SOON,
            "pantau still runs {SOON:?} after its terminal hung up"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn resizing_lays_out_again_and_too_small_says_what_is_needed() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let mut tui = Tui::start(&["--db", &db, "--as-of", "2024-02-02", "--lang", "en"], &[]);
    tui.wait_for("47 cases", SOON);
    tui.resize(60, 20);
    tui.wait_for("Terminal too small: need 80×24, have 60×20", SOON);
    tui.resize(100, 30);
    tui.wait_for("47 cases", SOON);
    tui.send("q");
    assert!(tui.wait_exit().success());
    tui.assert_restored();
}

#[test]
fn a_missing_database_is_named_with_the_commands_that_create_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("absent.db").display().to_string();
    let mut tui = Tui::start(&["--db", &db], &[]);
    let status = tui.wait_exit();
    assert_eq!(status.exit_code(), 1);
    let text = tui.contents().replace('\n', "");
    assert!(
        text.contains("absent.db") && text.contains("pantau init") && text.contains("pantau demo"),
        "{text}"
    );
    assert!(!Path::new(&db).exists());
}

#[test]
fn demo_creates_the_demo_database_in_the_data_folder_and_opens_it() {
    let home = tempfile::tempdir().unwrap();
    let home_s = home.path().display().to_string();
    let mut tui = Tui::start(
        &["--demo", "--as-of", "2024-02-02", "--lang", "en"],
        &[("HOME", &home_s), ("XDG_DATA_HOME", "")],
    );
    tui.wait_for("47 cases", SOON);
    tui.wait_for("demo.db", SOON);
    tui.send("q");
    assert!(tui.wait_exit().success());
    assert!(home.path().join(".local/share/pantau/demo.db").exists());
}

#[test]
fn without_a_terminal_it_says_so_and_points_to_report() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let out = sealed::pantau(&dir.path().join("home"))
        .args(["--db", &db])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("needs a terminal") && err.contains("pantau report"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
}
