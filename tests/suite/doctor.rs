//! `pantau doctor` through the real binary: every section with its findings, a failing check
//! (no database, a broken configuration) with its fix and exit status 1.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

use crate::sealed;

fn pantau(home: &Path) -> Command {
    let mut c = sealed::pantau(home);
    // The language comes from LANG alone, as on most hosts.
    c.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("TERM", "xterm-256color");
    c
}

#[test]
fn all_well_on_the_demo_database() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("demo.db");
    pantau(home.path())
        .arg("--db")
        .arg(&db)
        .arg("demo")
        .assert()
        .success();
    // As the README's `umask 007` makes it: any other mode is a warning, and a warning is not a pass.
    for suffix in ["", "-wal", "-shm"] {
        let mut path = db.clone().into_os_string();
        path.push(suffix);
        if std::path::Path::new(&path).exists() {
            std::fs::set_permissions(&path, std::os::unix::fs::PermissionsExt::from_mode(0o660))
                .unwrap();
        }
    }
    let out = pantau(home.path())
        .arg("--db")
        .arg(&db)
        .arg("doctor")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{text}");
    for line in [
        "Database\n",
        &format!("  ✓ file: {} (--db)", db.display()),
        "  ✓ writable: yes, and its folder",
        "  ✓ integrity: ok (PRAGMA quick_check)",
        "  ✓ WAL: yes",
        // The demo's 168 cases of Pemilu 2024 and 113 of Pilkada 2024.
        "  ✓ cases: 281",
        // Every check's name in lower case, as the others.
        "  ✓ case kecamatan: every kecamatan a case names is in the region tree",
        "  ✓ region tree: Provinsi Kalimantan Timur (64)",
        "Terminal\n",
        "  ✓ TERM: xterm-256color",
        "  ✓ colours: 256; theme dark",
        "  ✓ UTF-8: yes",
        "      → pantau doctor --keys",
        "Configuration\n",
        "(not found: the defaults)",
        "Language and locale\n",
        "  ✓ language: en ($LANG)",
        "Every check passed.",
    ] {
        assert!(text.contains(line), "{line:?} missing:\n{text}");
    }
}

#[test]
fn a_missing_database_and_a_broken_configuration_fail_with_their_fix() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config/pantau/config.toml");
    std::fs::create_dir_all(config.parent().unwrap()).unwrap();
    std::fs::write(&config, "theme = \"dark\"\nrefresh_ms = 5\n").unwrap();
    let out = pantau(home.path())
        .env("NO_COLOR", "1")
        .arg("--db")
        .arg(home.path().join("none.db"))
        .arg("doctor")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("  ✗ file: "), "{text}");
    assert!(
        text.contains("      fix: create it with `pantau init`"),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "  ✗ mistake: {}:2:14: refresh_ms: expected",
            config.display()
        )),
        "{text}"
    );
    assert!(text.contains("NO_COLOR: set: the mono theme"), "{text}");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("failed checks: 2"), "{err}");
    // Other commands stop at the same mistake.
    pantau(home.path())
        .args(["report"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("refresh_ms: expected"));
}

#[test]
fn keys_needs_a_terminal() {
    let home = tempfile::tempdir().unwrap();
    pantau(home.path())
        .args(["doctor", "--keys"])
        .write_stdin("")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("terminal"));
}

#[test]
fn keys_are_shown_as_a_user_types_them_in_the_interface_language() {
    use crate::tui_support::pty::{HANG, Tui};
    let mut tui = Tui::start(&["doctor", "--keys", "--lang", "en"], &[]);
    tui.wait_for("Press any key", HANG);
    // Shift-Tab, F1, Enter, the up arrow, a letter, and Ctrl-C, which ends the test.
    for (keys, shown) in [
        ("\x1b[Z", "Shift-Tab"),
        ("\x1bOP", "F1"),
        ("\r", "Enter"),
        ("\x1b[A", "Up"),
        ("z", "z "),
        ("\x03", "Ctrl-C"),
    ] {
        tui.send(keys);
        tui.wait_for(shown, HANG);
    }
    assert!(tui.wait_exit().success());
    let screen = tui.contents();
    // Below the first line, which says what to do: one line a key.
    let keys: String = screen.lines().skip(1).collect::<Vec<_>>().join("\n");
    for debug in ["KeyModifiers", "Press", "Char(", "BackTab", "0x"] {
        assert!(!keys.contains(debug), "{debug} on the screen:\n{screen}");
    }
    assert!(screen.contains("runs nothing in pantau"), "{screen}");
    tui.assert_restored();

    let mut tui = Tui::start(&["doctor", "--keys", "--lang", "id"], &[]);
    tui.wait_for("Tekan tombol apa saja", HANG);
    for (keys, shown) in [
        ("\x1b[A", "Panah atas"),
        (" ", "Spasi"),
        ("z", "z "),
        ("q", "q "),
    ] {
        tui.send(keys);
        tui.wait_for(shown, HANG);
    }
    assert!(tui.wait_exit().success());
    let screen = tui.contents();
    assert!(
        screen.contains("tidak menjalankan apa pun di pantau"),
        "{screen}"
    );
}

#[test]
fn a_database_path_that_is_a_pipe_or_a_folder_is_named_at_once_never_waited_on() {
    let home = tempfile::tempdir().unwrap();
    let fifo = home.path().join("kaltim.db");
    rustix::fs::mknodat(
        rustix::fs::CWD,
        &fifo,
        rustix::fs::FileType::Fifo,
        rustix::fs::Mode::from_raw_mode(0o600),
        0,
    )
    .unwrap();
    for (db, what) in [
        (fifo.as_path(), "a named pipe (FIFO)"),
        (home.path(), "a folder"),
    ] {
        for args in [vec!["doctor"], vec!["report"], vec!["backup", "copy.db"]] {
            let out = pantau(home.path())
                .timeout(std::time::Duration::from_secs(60))
                .arg("--db")
                .arg(db)
                .args(&args)
                .output()
                .unwrap();
            let said = format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(
                said.contains(&format!("is {what}, not a database file")),
                "{args:?}: {said}"
            );
            assert_eq!(out.status.code(), Some(1), "{args:?}: {said}");
        }
    }
}
