//! Inputs that must not take the shared host down, through the real binary: devices, FIFOs and
//! huge configurations are refused or read in bounded time and memory; far dates, big numbers,
//! a third `--by` dimension and saved views naming each other are usage errors or expand; output
//! to a closed pipe ends quietly.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use predicates::prelude::*;

use crate::sealed;

/// A generous guard against hanging, never a measure of speed.
const LIMIT: Duration = Duration::from_secs(120);

/// The binary as a plain process, sealed from the developer's own configuration and locale.
fn sealed(home: &Path, db: &Path) -> std::process::Command {
    let mut c = sealed::pantau_std(home);
    c.env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("PANTAU_TODAY", "2024-03-01")
        .arg("--db")
        .arg(db);
    c
}

/// [`sealed`], to assert on, with a guard against hanging.
fn pantau(home: &Path, db: &Path) -> Command {
    let mut c = Command::from_std(sealed(home, db));
    c.timeout(LIMIT);
    c
}

/// A home folder and a demo database in it.
fn demo() -> (tempfile::TempDir, PathBuf) {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("demo.db");
    pantau(home.path(), &db)
        .args(["demo", "--seed", "7"])
        .assert()
        .success();
    (home, db)
}

fn write_config(home: &Path, text: &str) {
    let dir = home.join("config/pantau");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), text).unwrap();
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
fn dev_zero_as_an_import_file_is_refused_naming_what_it_is() {
    let (home, db) = demo();
    pantau(home.path(), &db)
        .args(["import", "--format", "csv", "/dev/zero"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "/dev/zero is a character device, not a regular file",
        ));
}

#[test]
fn a_file_of_zeros_or_one_endless_line_is_refused_without_quoting_it() {
    let (home, db) = demo();
    let before = std::fs::read(&db).unwrap();
    for (name, bytes, says) in [
        (
            "nol.csv",
            vec![0u8; 3_000_000],
            "nol.csv:1: holds a NUL byte: binary data, not a CSV of cases",
        ),
        (
            "panjang.csv",
            vec![b'a'; 3_000_000],
            "panjang.csv:1: the first line runs 3000000 bytes without a line break",
        ),
        (
            "nul-di-tengah.csv",
            b"nomor,uraian\nA/1,ab\0cd\n".to_vec(),
            "nul-di-tengah.csv:2: holds a NUL byte",
        ),
    ] {
        let file = home.path().join(name);
        std::fs::write(&file, &bytes).unwrap();
        let out = pantau(home.path(), &db)
            .arg("import")
            .arg(&file)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{err}");
        assert!(err.contains(says), "{err}");
        // The message names the problem; it never carries the file's bytes back.
        assert!(err.len() < 2_000, "a message of {} bytes", err.len());
    }
    assert_eq!(std::fs::read(&db).unwrap(), before, "the database changed");
}

#[test]
fn dev_zero_as_the_configuration_is_refused_naming_what_it_is() {
    let (home, db) = demo();
    pantau(home.path(), &db)
        .args(["--config", "/dev/zero", "report"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/dev/zero"))
        .stderr(predicate::str::contains("character device"));
}

#[test]
fn a_configuration_over_one_mebibyte_is_refused_naming_the_limit() {
    let (home, db) = demo();
    let big = home.path().join("big.toml");
    std::fs::write(&big, format!("# {}\n", "x".repeat(1 << 20))).unwrap();
    pantau(home.path(), &db)
        .arg("--config")
        .arg(&big)
        .arg("report")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("more than 1 MiB"));
}

#[test]
fn a_fifo_as_an_import_file_or_configuration_is_refused_without_blocking() {
    let (home, db) = demo();
    let fifo = home.path().join("cases.csv");
    mkfifo(&fifo);
    pantau(home.path(), &db)
        .arg("import")
        .arg(&fifo)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "named pipe (FIFO), not a regular file",
        ));
    pantau(home.path(), &db)
        .arg("--config")
        .arg(&fifo)
        .arg("report")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("named pipe (FIFO)"));
}

#[test]
fn sigterm_ends_an_import_waiting_on_standard_input() {
    let (home, db) = demo();
    let mut child = sealed(home.path(), &db)
        .args(["import", "--format", "csv", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let pid = child.id().to_string();
    // Wait until it is blocked reading standard input: read(2) is system call 0, on fd 0.
    let started = Instant::now();
    let syscall = Path::new("/proc").join(&pid).join("syscall");
    while !std::fs::read_to_string(&syscall).is_ok_and(|s| s.starts_with("0 0x0 ")) {
        assert!(started.elapsed() < LIMIT, "never waited on standard input");
        std::thread::yield_now();
    }
    let kill = std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap();
    assert!(kill.success());
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(!status.success());
            break;
        }
        if started.elapsed() > LIMIT {
            let _ = child.kill();
            panic!("SIGTERM did not end an import waiting on standard input");
        }
        std::thread::yield_now();
    }
}

#[test]
fn forty_thousand_saved_views_load() {
    let (home, db) = demo();
    let mut text = String::from("[views]\n");
    for i in 0..40_000 {
        text.push_str(&format!("v{i} = \"stage:kampanye\"\n"));
    }
    write_config(home.path(), &text);
    pantau(home.path(), &db)
        .args(["report", "--view", "@v39999", "--format", "json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"view\": \"stage:kampanye\""));
}

#[test]
fn far_relative_dates_are_usage_errors_naming_the_range() {
    let (home, db) = demo();
    pantau(home.path(), &db)
        .args(["report", "--view", "from:-100000000d"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("out of range"))
        .stderr(predicate::str::contains("1900-01-01 to 2199-12-31"))
        .stderr(predicate::str::contains("panicked").not());
    pantau(home.path(), &db)
        .args(["report", "--as-of=-1000000000d"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--as-of"))
        .stderr(predicate::str::contains("-36500d"));
    pantau(home.path(), &db)
        .args(["report", "--view", "to:2500-01-01"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("out of range"));
}

#[test]
fn a_report_to_a_closed_pipe_ends_quietly() {
    let (home, db) = demo();
    // The reader is gone before pantau writes, as `head -1` is after its line: the pipe's reading
    // end is closed before pantau starts, so its first write fails whatever the machine's speed.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = sealed(home.path(), &db)
        .env("RUST_BACKTRACE", "1")
        .args(["report", "--by", "region,stage"])
        .stdout(Stdio::from(writer))
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert_eq!(stderr, "", "nothing is said about a closed pipe");
}

#[test]
fn a_third_by_dimension_is_refused_naming_the_accepted_forms() {
    let (home, db) = demo();
    pantau(home.path(), &db)
        .args(["report", "--by", "region,stage,type"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("at most two dimensions"))
        .stderr(predicate::str::contains("--by region,stage"));
}

#[test]
fn a_saved_view_naming_another_expands_and_a_circle_is_refused() {
    let (home, db) = demo();
    write_config(
        home.path(),
        "[views]\na = \"region:samarinda\"\nb = \"@a stage:kampanye\"\nc = \"@d\"\nd = \"@c\"\n",
    );
    let json = |view: &str| {
        let out = pantau(home.path(), &db)
            .args(["report", "--format", "json", "--view", view])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };
    assert_eq!(
        json("@b")["total"],
        json("region:samarinda stage:kampanye")["total"]
    );
    assert_eq!(json("@b")["view"], "region:samarinda stage:kampanye");
    // `@a` after other terms is the saved view too, never a search for the text "a".
    assert_eq!(
        json("stage:kampanye @a")["view"],
        "region:samarinda stage:kampanye"
    );
    pantau(home.path(), &db)
        .args(["report", "--view", "@c"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("@c → @d → @c"));
}

#[test]
fn numbers_beyond_the_limits_are_refused_naming_the_limit() {
    let (home, db) = demo();
    pantau(home.path(), &db)
        .args(["demo", "--force", "--records", "18446744073709551615"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("10000000"));
    pantau(home.path(), &db)
        .args(["simulate", "--force", "--duration", "18446744073709551615"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("30d"));
    pantau(home.path(), &db)
        .args(["import", "--wait", "18446744073709551615", "x.csv"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("86400"));
}

/// Specs of date keys with numbers of any size, and other keys with anything.
fn date_spec() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let key = proptest::sample::select(vec!["from:", "to:", "asof:", "dari:", "sampai:", "per:"]);
    let value = prop_oneof![
        any::<u64>().prop_map(|n| format!("-{n}d")),
        any::<u32>().prop_map(|n| format!("-{n}d")),
        (any::<i32>(), 1u32..13, 1u32..29).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}")),
        (any::<i32>(), 1u32..13, 1u32..29).prop_map(|(y, m, d)| format!("{d:02}/{m:02}/{y}")),
        "[0-9@\\-d/]{0,24}",
    ];
    proptest::collection::vec((key, value), 1..4).prop_map(|terms| {
        terms
            .into_iter()
            .map(|(k, v)| format!("{k}{v}"))
            .collect::<Vec<_>>()
            .join(" ")
    })
}

proptest::proptest! {
    /// Parsing, printing and resolving every date of what parses never panics, whatever the numbers.
    #[test]
    fn views_with_any_numbers_parse_print_and_resolve_without_panicking(spec in date_spec()) {
        let reference = pantau::domain::Reference::embedded();
        let today = chrono::NaiveDate::from_ymd_opt(2024, 3, 1).unwrap();
        if let Ok(view) = pantau::view::parse(&spec, &reference) {
            let printed = view.print(&reference);
            proptest::prop_assert_eq!(pantau::view::parse(&printed, &reference), Ok(view.clone()));
            for date in view.as_of.into_iter().chain(view.terms.iter().filter_map(|t| match t.kind {
                pantau::view::TermKind::From(d) | pantau::view::TermKind::To(d) => Some(d),
                _ => None,
            })) {
                let day = date.resolve(today);
                let _ = day.succ_opt();
            }
        }
    }
}

#[test]
fn output_that_cannot_be_written_is_named_in_the_users_language_never_called_a_bug() {
    let full = Path::new("/dev/full");
    if !full.exists() {
        eprintln!("skipped: this system has no /dev/full");
        return;
    }
    let (home, db) = demo();
    for (lang, expected) in [
        (
            "en",
            "the output could not be written (no space left on the disk)",
        ),
        ("id", "keluaran tidak dapat ditulis (disk penuh"),
    ] {
        for args in [
            &["report", "--by", "region"][..],
            &["report", "--by", "pekan"],
            &["report", "--recap"],
            &["rekap", "--pekan", "6"],
            &["kegiatan"],
            &["batches"],
        ] {
            let out = sealed(home.path(), &db)
                .env_remove("RUST_BACKTRACE")
                .args(["--lang", lang])
                .args(args)
                .stdout(std::fs::File::create(full).unwrap())
                .output()
                .unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
            assert!(err.contains(expected), "{lang} {args:?}: {err}");
            assert!(!err.contains("bug"), "{lang} {args:?}: {err}");
        }
    }
}
