//! The real binary in a pseudo-terminal, its raw output kept: with NO_COLOR not one SGR colour
//! code reaches the terminal (and without it some do); `y` sends an OSC 52 sequence.

use crate::tui_support;

use std::path::Path;
use std::time::Duration;

use tui_support::pty::Tui;

/// A generous limit that only guards against hanging, never a measure of speed.
const SOON: Duration = Duration::from_secs(60);

/// Runs pantau on `db` in an 80x24 pseudo-terminal, types `keys` once the dashboard shows (each
/// after the screen shows the text paired with it), and returns every byte it wrote.
fn run(db: &Path, env: &[(&str, &str)], keys: &[(&str, &str)]) -> Vec<u8> {
    let dir = db.parent().unwrap();
    let db = db.display().to_string();
    let home = dir.display().to_string();
    let state = dir.join("state").display().to_string();
    let mut vars = vec![("HOME", home.as_str()), ("XDG_STATE_HOME", state.as_str())];
    vars.extend_from_slice(env);
    let mut tui = Tui::start(
        &["--db", &db, "--ignore-config", "--as-of", "2024-02-02"],
        &vars,
    );
    tui.wait_for("47 cases", SOON);
    for (key, then) in keys {
        tui.send(key);
        if *key == "\x1b" {
            // Esc closes the case: wait until it has, or the next key could follow it so closely
            // that the terminal reads the two as one Alt key (and the list's text may still be on
            // the screen half drawn over).
            tui.wait_gone("Case detail");
        }
        tui.wait_for(then, SOON);
    }
    tui.send("q");
    tui.wait_exit();
    tui.raw()
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

/// Every screen, the help and a case, as in the NO_COLOR test; `help` is the help's title as the
/// terminal's characters draw it.
fn tour(help: &'static str) -> [(&'static str, &'static str); 6] {
    [
        ("2", "1 of 47"),
        ("\r", "Case detail"),
        ("\x1b", "1 of 47"),
        ("3", "[3 Stages]"),
        ("4", "[4 Map]"),
        ("?", help),
    ]
}

#[test]
fn a_vt100_with_lang_c_gets_no_colour_and_only_ascii() {
    let dir = tempfile::tempdir().unwrap();
    let db = tui_support::demo_db(dir.path());
    let env = [
        ("TERM", "vt100"),
        ("LANG", "C"),
        ("LC_ALL", "C"),
        ("LC_MESSAGES", "C"),
    ];
    let bytes = run(&db, &env, &tour("- Help"));
    let codes = colour_codes(&bytes);
    assert!(codes.is_empty(), "colour codes on a vt100: {codes:?}");
    let high: Vec<u8> = bytes.iter().copied().filter(|b| *b > 0x7f).collect();
    assert!(high.is_empty(), "{} bytes above 0x7F", high.len());
}

#[test]
fn the_linux_console_gets_eight_colours_and_the_characters_of_its_font() {
    let dir = tempfile::tempdir().unwrap();
    let db = tui_support::demo_db(dir.path());
    let bytes = run(&db, &[("TERM", "linux")], &tour("─ Help"));
    let codes = colour_codes(&bytes);
    assert!(!codes.is_empty(), "the console has colours");
    let beyond: Vec<&String> = codes
        .iter()
        .filter(|p| {
            p.contains("38;") || p.contains("48;") || {
                p.split(';')
                    .any(|n| matches!(n.parse::<u16>(), Ok(90..=97 | 100..=107)))
            }
        })
        .collect();
    assert!(beyond.is_empty(), "more than eight colours: {beyond:?}");
    let text = String::from_utf8(bytes).unwrap();
    let missing: Vec<char> = text
        .chars()
        .filter(|c| !pantau::tui::widgets::ascii::in_console_font(*c))
        .collect();
    assert!(missing.is_empty(), "not in the console's font: {missing:?}");
}
