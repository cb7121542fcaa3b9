//! The configuration file through the real binary: valid and invalid fixtures (the file, line
//! and key named in the error), `--ignore-config`, `config --print`, `--view @NAME`, and the docs.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

use crate::sealed;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/config")
        .join(name)
}

/// The binary with a home of its own, so no real configuration is read.
fn pantau(home: &Path) -> Command {
    let mut c = sealed::pantau(home);
    c.env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("PANTAU_TODAY", "2024-02-02");
    c
}

/// `text` with every run of spaces as one, so the alignment of comments does not matter.
fn squash(text: &str) -> String {
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n")
}

fn demo(home: &Path) -> PathBuf {
    let db = home.join("demo.db");
    pantau(home)
        .arg("--db")
        .arg(&db)
        .args(["demo", "--seed", "2024"])
        .assert()
        .success();
    db
}

fn stderr_of(home: &Path, config: &str, args: &[&str]) -> (i32, String) {
    let out = pantau(home)
        .arg("--config")
        .arg(fixture(config))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_valid_file_is_in_force_and_print_says_where_each_value_came_from() {
    let home = tempfile::tempdir().unwrap();
    let file = fixture("valid.toml");
    let out = pantau(home.path())
        .arg("--config")
        .arg(&file)
        .args(["config", "--print"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = squash(&String::from_utf8(out.stdout).unwrap());
    let f = file.display();
    for expected in [
        format!("language = \"id\"                         # {f}:2"),
        format!("theme = \"high-contrast\"                  # {f}:3"),
        format!("refresh_ms = 500                         # {f}:4"),
        format!("deadline_days = \"working\"                # {f}:5"),
        // Not set in the file: the terminal decides (the sealed run's locale is UTF-8).
        "ascii = \"auto\"                           # bawaan: unicode".to_string(),
        format!("samarinda = \"region:samarinda\"           # {f}:10"),
        "kampanye = \"stage:kampanye\"              # bawaan".to_string(),
        format!("sort-next = \"s\"                          # {f}:13"),
        format!("save-view = \"w\"                          # {f}:17"),
    ] {
        let expected = squash(&expected);
        assert!(text.contains(&expected), "{expected}\n---\n{text}");
    }
}

#[test]
fn flags_and_the_environment_come_before_the_file() {
    let home = tempfile::tempdir().unwrap();
    let out = pantau(home.path())
        .env("NO_COLOR", "1")
        .env("PANTAU_DEADLINE_DAYS", "calendar")
        .arg("--config")
        .arg(fixture("valid.toml"))
        .args(["--lang", "en", "config"])
        .output()
        .unwrap();
    let text = squash(&String::from_utf8(out.stdout).unwrap());
    assert!(text.contains("language = \"en\" # --lang"), "{text}");
    assert!(text.contains("theme = \"mono\" # $NO_COLOR"), "{text}");
    assert!(
        text.contains("deadline_days = \"calendar\" # $PANTAU_DEADLINE_DAYS"),
        "{text}"
    );
}

#[test]
fn a_bad_value_names_the_file_line_and_key_and_what_was_expected() {
    let home = tempfile::tempdir().unwrap();
    let (code, err) = stderr_of(home.path(), "bad-theme.toml", &["config"]);
    assert_eq!(code, 2, "{err}");
    let file = fixture("bad-theme.toml");
    assert_eq!(
        err.trim_end(),
        format!(
            "pantau: {}:4:9: theme: expected one of dark, light, high-contrast, mono, auto, found \"blue\"; \
             correct the file, or start with the defaults only: pantau --ignore-config",
            file.display()
        )
    );
    let (code, err) = stderr_of(home.path(), "bad-refresh.toml", &["config"]);
    assert_eq!(code, 2);
    assert!(
        err.contains(&format!(
            "{}:4:14: refresh_ms: expected a whole number of milliseconds from 50 to 500",
            fixture("bad-refresh.toml").display()
        )) && err.contains("found 2000"),
        "{err}"
    );
}

#[test]
fn unknown_keys_syntax_and_conflicts_are_named_too() {
    let home = tempfile::tempdir().unwrap();
    let (code, err) = stderr_of(home.path(), "unknown-key.toml", &["report"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("unknown-key.toml:1:1: thme: unknown key; did you mean \"theme\"?"),
        "{err}"
    );
    let (code, err) = stderr_of(home.path(), "syntax.toml", &["report"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("syntax.toml:2:") && err.contains("not valid TOML"),
        "{err}"
    );
    let (code, err) = stderr_of(home.path(), "conflict.toml", &["report"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("conflict.toml:3:1: keys.cases.sort-next: key s is bound to both sort-next in [keys.cases] (line 3) and save-view in [keys.global] (default)"),
        "{err}"
    );
    let (_, err) = stderr_of(home.path(), "bad-theme.toml", &["--lang", "id", "report"]);
    assert!(
        err.contains("theme: diharapkan salah satu dari dark"),
        "{err}"
    );
}

#[test]
fn ignore_config_starts_with_the_defaults_and_a_missing_file_named_is_an_error() {
    let home = tempfile::tempdir().unwrap();
    let out = pantau(home.path())
        .arg("--config")
        .arg(fixture("bad-theme.toml"))
        .args(["--ignore-config", "config"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = squash(&String::from_utf8(out.stdout).unwrap());
    // No TERM in the sealed run: a terminal without colour gets mono.
    assert!(text.contains("theme = \"auto\" # default: mono"), "{text}");
    let missing = home.path().join("nowhere.toml");
    pantau(home.path())
        .arg("--config")
        .arg(&missing)
        .arg("config")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "{}: cannot be read",
            missing.display()
        )));
    // Without --config, a missing file is just the defaults.
    pantau(home.path()).arg("config").assert().success();
}

#[test]
fn a_saved_view_is_usable_on_the_command_line() {
    let home = tempfile::tempdir().unwrap();
    let db = demo(home.path());
    let count = |view: &str| {
        let out = pantau(home.path())
            .arg("--config")
            .arg(fixture("valid.toml"))
            .arg("--db")
            .arg(&db)
            .args([
                "report",
                "--format",
                "json",
                "--as-of",
                "2024-02-02",
                "--view",
                view,
            ])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        (
            doc["total"].as_i64().unwrap(),
            doc["view"].as_str().unwrap().to_string(),
        )
    };
    assert_eq!(count("@samarinda"), count("region:samarinda"));
    assert_eq!(count("@kampanye").0, 22, "a default view");
    assert_eq!(
        count("@samarinda stage:kampanye"),
        count("region:samarinda stage:kampanye")
    );
    pantau(home.path())
        .arg("--db")
        .arg(&db)
        .args(["report", "--view", "@rapat"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no saved view @rapat in [views]"))
        .stderr(predicate::str::contains("@kampanye, @overdue-kampanye"));
}

#[test]
fn the_readme_documents_every_setting_and_every_command_name() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    for key in pantau::config::KEYS {
        assert!(
            readme.contains(&format!("`{key}`")),
            "README lacks the setting {key}"
        );
    }
    let home = tempfile::tempdir().unwrap();
    let out = pantau(home.path())
        .args(["config", "--commands"])
        .output()
        .unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.contains("sort-next = \"o\""), "{table}");
    assert!(
        readme.contains(table.trim()),
        "README's command table is not what `pantau config --commands` prints:\n{table}"
    );
}

#[test]
fn print_shows_the_reports_folder_and_the_letterhead_with_their_sources() {
    let home = tempfile::tempdir().unwrap();
    let file = fixture("letterhead.toml");
    let out = pantau(home.path())
        .arg("--config")
        .arg(&file)
        .args(["--lang", "en", "config", "--print"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = squash(&String::from_utf8(out.stdout).unwrap());
    let f = file.display();
    let h = home.path().display();
    for expected in [
        format!("reports_dir = \"{h}/rapat/laporan\" # {f}:2"),
        "[letterhead]".to_string(),
        format!("name = \"BADAN PENGAWAS PEMILIHAN UMUM\\nKOTA SAMARINDA\" # {f}:5"),
        format!("address = \"Jalan Contoh No. 1, Samarinda\\nTelepon (0541) 000000\" # {f}:6"),
        format!("logo = \"{h}/kop/logo.png\" # {f}:9"),
    ] {
        assert!(text.contains(&expected), "{expected}\n---\n{text}");
    }
    // The logo does not exist: that is for the printed report to say, not for every command.

    // The defaults: the data folder's `laporan` where no documents folder is declared, and the
    // provincial office's name.
    let out = pantau(home.path())
        .args(["config", "--print"])
        .output()
        .unwrap();
    let text = squash(&String::from_utf8(out.stdout).unwrap());
    for expected in [
        format!("reports_dir = \"{h}/data/pantau/rekap\" # default"),
        "name = \"BADAN PENGAWAS PEMILIHAN UMUM\\nPROVINSI KALIMANTAN TIMUR\" # default".into(),
        "address = \"\" # default".into(),
        "logo = \"\" # default".into(),
    ] {
        assert!(text.contains(&expected), "{expected}\n---\n{text}");
    }

    // A documents folder declared the XDG way: reports go into its `pantau`.
    let config = home.path().join("config");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("user-dirs.dirs"),
        "XDG_DOCUMENTS_DIR=\"$HOME/Dokumen\"\n",
    )
    .unwrap();
    let out = pantau(home.path())
        .args(["config", "--print"])
        .output()
        .unwrap();
    let text = squash(&String::from_utf8(out.stdout).unwrap());
    let expected = format!("reports_dir = \"{h}/Dokumen/pantau\" # default");
    assert!(text.contains(&expected), "{expected}\n---\n{text}");
}

#[test]
fn an_unknown_key_in_the_letterhead_is_refused_with_its_file_and_line() {
    let home = tempfile::tempdir().unwrap();
    let (code, err) = stderr_of(
        home.path(),
        "bad-letterhead.toml",
        &["--lang", "en", "config"],
    );
    assert_eq!(code, 2, "{err}");
    let file = fixture("bad-letterhead.toml");
    assert!(
        err.contains(&format!(
            "{}:4:1: letterhead.alamat: unknown key",
            file.display()
        )) && err.contains("name, address, logo")
            && err.ends_with("pantau --ignore-config\n"),
        "{err}"
    );
    let (code, err) = stderr_of(
        home.path(),
        "bad-letterhead.toml",
        &["--lang", "id", "report"],
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("letterhead.alamat"), "{err}");
}
