//! The real binary in a pseudo-terminal, its raw output kept: with NO_COLOR not one SGR colour
//! code reaches the terminal (and without it some do); `y` sends an OSC 52 sequence.

mod tui_support;

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// Runs pantau on `db` in an 80x24 pseudo-terminal, types `keys` once the dashboard shows (each
/// after the screen shows the text paired with it), and returns every byte it wrote.
fn run(db: &Path, env: &[(&str, &str)], keys: &[(&str, &str)]) -> Vec<u8> {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_pantau"));
    cmd.arg("--db");
    cmd.arg(db);
    cmd.args(["--ignore-config", "--as-of", "2024-02-02"]);
    cmd.env("TERM", "xterm-256color");
    cmd.env("LANG", "C");
    cmd.env("HOME", db.parent().unwrap());
    cmd.env("XDG_STATE_HOME", db.parent().unwrap().join("state"));
    cmd.env_remove("NO_COLOR");
    cmd.env_remove("TMUX");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let mut writer = pair.master.take_writer().unwrap();
    let bytes = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&bytes);
    let nz = |n| std::num::NonZeroU16::new(n).unwrap();
    let screen = Arc::new(Mutex::new(vt100::Parser::new(nz(24), nz(80), 0)));
    let parser = Arc::clone(&screen);
    let reading = std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock().unwrap().extend_from_slice(&buf[..n]);
            parser.lock().unwrap().process(&buf[..n]);
        }
    });
    let shows = |text: &str| {
        let start = Instant::now();
        loop {
            let seen = screen.lock().unwrap().screen().contents();
            if seen.contains(text) {
                return;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "{text:?} never showed:\n{seen}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    };
    shows("47 cases");
    for (key, then) in keys {
        writer.write_all(key.as_bytes()).unwrap();
        writer.flush().unwrap();
        shows(then);
    }
    writer.write_all(b"q").unwrap();
    writer.flush().unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "pantau did not quit"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    drop(writer);
    drop(pair.master);
    let _ = reading.join();
    Arc::try_unwrap(bytes).unwrap().into_inner().unwrap()
}

/// The parameters of every SGR sequence (`ESC [ … m`) in `bytes`.
fn sgr_params(bytes: &[u8]) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < bytes.len() {
        if bytes[i] == 0x1b && bytes[i + 1] == b'[' {
            let start = i + 2;
            let mut j = start;
            while j < bytes.len() && (bytes[j].is_ascii_digit() || bytes[j] == b';') {
                j += 1;
            }
            if j < bytes.len() && bytes[j] == b'm' {
                out.push(String::from_utf8_lossy(&bytes[start..j]).into_owned());
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// The SGR parameters that set a colour: 30–39, 40–49, 90–97, 100–107, or 38;…/48;….
fn colour_codes(bytes: &[u8]) -> Vec<String> {
    sgr_params(bytes)
        .into_iter()
        .filter(|p| {
            p.split(';')
                .any(|n| matches!(n.parse::<u16>(), Ok(30..=49 | 90..=97 | 100..=107)))
        })
        .collect()
}

#[test]
fn no_color_sends_no_colour_escape_sequence() {
    let dir = tempfile::tempdir().unwrap();
    let db = tui_support::demo_db(dir.path());
    // Every screen, the help and a case, so every widget has drawn.
    let keys = [
        ("2", "1 of 47"),
        ("\r", "Case detail"),
        ("\x1b", "1 of 47"),
        ("3", "[3 Stages]"),
        ("4", "[4 Map]"),
        ("?", "─ Help"),
    ];
    let mono = run(&db, &[("NO_COLOR", "1")], &keys);
    assert!(!sgr_params(&mono).is_empty(), "bold and reverse still come");
    let codes = colour_codes(&mono);
    assert!(codes.is_empty(), "colour codes with NO_COLOR: {codes:?}");
    let text = String::from_utf8_lossy(&mono);
    assert!(
        !text.contains("\x1b[38;") && !text.contains("\x1b[48;"),
        "no extended colour either"
    );

    let coloured = run(&db, &[], &keys[..1]);
    assert!(
        !colour_codes(&coloured).is_empty(),
        "without NO_COLOR the same screens are coloured"
    );
}

#[test]
fn y_sends_the_view_to_the_clipboard_as_osc_52() {
    let dir = tempfile::tempdir().unwrap();
    let db = tui_support::demo_db(dir.path());
    let bytes = run(&db, &[], &[("y", "Copied to the")]);
    let expected = format!(
        "\x1b]52;c;{}\x07",
        pantau::tui::clipboard::base64(b"asof:2024-02-02")
    );
    assert!(
        String::from_utf8_lossy(&bytes).contains(&expected),
        "no {expected:?} in the output"
    );
}
