//! The real binary in a pseudo-terminal, its screen read with vt100: start, filter, drill down,
//! open a case, quit with the terminal restored; a second process writing while it runs; signals.

mod tui_support;

use std::io::{Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// The binary running in a pseudo-terminal.
struct Tui {
    child: Box<dyn Child + Send + Sync>,
    /// The master side; `None` once the terminal has been hung up.
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Option<Box<dyn Write + Send>>,
    screen: Arc<Mutex<vt100::Parser>>,
    reader: Option<JoinHandle<()>>,
    /// Tells the reader to let go of its handle on the master side after its next read.
    stop_reading: Arc<AtomicBool>,
}

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).unwrap()
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

impl Tui {
    fn start(args: &[&str], env: &[(&str, &str)]) -> Tui {
        let pair = native_pty_system().openpty(size(80, 24)).unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_pantau"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "C");
        cmd.env_remove("PANTAU_DB");
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let screen = Arc::new(Mutex::new(vt100::Parser::new(nz(24), nz(80), 0)));
        let parser = Arc::clone(&screen);
        let stop_reading = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&stop_reading);
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while !stop.load(Ordering::SeqCst) {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => parser.lock().unwrap().process(&buf[..n]),
                }
            }
        });
        Tui {
            child,
            master: Some(pair.master),
            writer: Some(writer),
            screen,
            reader: Some(reader),
            stop_reading,
        }
    }

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows `text`, failing with the screen after `within`.
    fn wait_for(&self, text: &str, within: Duration) -> Duration {
        let start = Instant::now();
        loop {
            if self.contents().contains(text) {
                return start.elapsed();
            }
            if start.elapsed() > within {
                panic!(
                    "{text:?} did not show within {within:?}; the screen:\n{}",
                    self.contents()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until `text` is gone from the screen.
    fn wait_gone(&self, text: &str) {
        let start = Instant::now();
        while self.contents().contains(text) {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "{text:?} stayed; the screen:\n{}",
                self.contents()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn send(&mut self, keys: &str) {
        let writer = self.writer.as_mut().expect("the terminal is still there");
        writer.write_all(keys.as_bytes()).unwrap();
        writer.flush().unwrap();
    }

    /// Closes every handle on the master side, as sshd does when a connection drops: the
    /// terminal hangs up under the running process. `wake` is a key that changes the screen, so
    /// that the reader returns from its read and lets go of its handle.
    fn hang_up(&mut self, wake: &str) {
        self.stop_reading.store(true, Ordering::SeqCst);
        self.send(wake);
        if let Some(r) = self.reader.take() {
            r.join().unwrap();
        }
        self.writer = None;
        self.master = None;
    }

    /// Waits for the process to end (failing after 10 s) and for its last output.
    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "pantau did not exit; the screen:\n{}",
                self.contents()
            );
            std::thread::sleep(Duration::from_millis(20));
        };
        if let Some(r) = self.reader.take() {
            let _ = r.join();
        }
        status
    }

    /// The terminal is as pantau found it: main screen, cursor visible.
    fn assert_restored(&self) {
        let parser = self.screen.lock().unwrap();
        assert!(
            !parser.screen().alternate_screen(),
            "still on the alternate screen"
        );
        assert!(!parser.screen().hide_cursor(), "the cursor is still hidden");
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
        }
    }
}

const SOON: Duration = Duration::from_secs(10);

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
    assert!(tui.screen.lock().unwrap().screen().alternate_screen());

    tui.send("/");
    tui.wait_for("view›", SOON);
    tui.send("stage:kampanye\r");
    tui.wait_for("view: stage:kampanye · 22 cases", SOON);

    // Balikpapan is the second row.
    tui.send("j");
    tui.send("\r");
    tui.wait_for("region:balikpapan stage:kampanye · 8 cases", SOON);
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
    tui.wait_for("view: stage:kampanye · 22 cases", SOON);

    tui.send("q");
    let status = tui.wait_exit();
    assert!(status.success(), "{status:?}");
    tui.assert_restored();
}

#[test]
fn a_case_written_by_another_process_shows_within_two_seconds() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let mut tui = Tui::start(&["--db", &db, "--as-of", "2024-02-02", "--lang", "en"], &[]);
    tui.wait_for("47 cases", SOON);
    let feb1 = chrono::NaiveDate::from_ymd_opt(2024, 2, 1).unwrap();
    let written = Instant::now();
    tui_support::insert_case(
        Path::new(&db),
        "099/TM/PL/Kota/23.06/II/2024",
        "64.72",
        "KAMPANYE",
        feb1,
    );
    tui.wait_for("48 cases ▲1", Duration::from_secs(2));
    tui.wait_for(
        "Total               ▲1 48",
        Duration::from_secs(2).saturating_sub(written.elapsed()),
    );
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
    tui.master.as_ref().unwrap().resize(size(60, 20)).unwrap();
    tui.screen
        .lock()
        .unwrap()
        .screen_mut()
        .set_size(nz(20), nz(60));
    tui.wait_for("Terminal too small: need 80×24, have 60×20", SOON);
    tui.master.as_ref().unwrap().resize(size(100, 30)).unwrap();
    tui.screen
        .lock()
        .unwrap()
        .screen_mut()
        .set_size(nz(30), nz(100));
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
    let out = assert_cmd::Command::cargo_bin("pantau")
        .unwrap()
        .env("LANG", "C")
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
