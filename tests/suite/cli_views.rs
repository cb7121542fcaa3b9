//! Views and dates on the command line, through the real binary: a view that starts with `-`
//! reaches every command that takes one (`--view -x` and `--view=-x`), and a view's relative dates
//! count from the date the figures are counted at, with that date said where the output does not
//! show it and `--as-of` against a different `per:` refused.

use std::path::Path;
use std::time::Duration;

use serde_json::Value;

use crate::demo_support::{demo_db, pantau, report_with_stderr as report, stdout as stdout_of};
use crate::tui_support::pty::Tui;

/// A generous limit that only guards against hanging, never a measure of speed.
const SOON: Duration = Duration::from_secs(60);

/// The Kaltim demo (47 cases on 2 February 2024), of the seed `pantau demo` takes by default.
const SEED: u64 = 2024;

fn total(db: &Path, args: &[&str]) -> i64 {
    report(db, args).0["total"].as_i64().unwrap()
}

/// `export --format jsonl` with `args`: the case numbers, in order.
fn exported(db: &Path, args: &[&str]) -> Vec<String> {
    let out = pantau(db)
        .args(["export", "--format", "jsonl"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice::<Value>(l).unwrap()["nomor"].to_string())
        .collect()
}

/// A usage error (exit 2) of `args`: its standard error.
fn refused(db: &Path, args: &[&str]) -> String {
    let out = pantau(db).args(args).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
    err
}

#[test]
fn a_view_that_starts_with_an_exclusion_works_in_report_and_export() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, SEED);
    let day = ["--as-of", "2024-02-02"];
    let all = total(&db, &day);
    assert_eq!(all, 47);
    for (excluding, including) in [("-region:64", "region:64"), ("-minyak", "minyak")] {
        let left = all - total(&db, &[&day[..], &["--view", including]].concat());
        assert!(left < all, "{including} matches some cases");
        for form in [
            vec!["--view", excluding],
            vec!["--view", excluding, "--by", "stage,source"],
        ] {
            let (doc, _) = report(&db, &[&day[..], &form].concat());
            assert_eq!(doc["total"], left, "{form:?}");
            assert_eq!(doc["view"], excluding.replace("64", "kaltim"), "{form:?}");
        }
        let joined = format!("--view={excluding}");
        assert_eq!(total(&db, &[&day[..], &[joined.as_str()]].concat()), left);
        let rows = exported(&db, &[&day[..], &["--view", excluding]].concat());
        assert_eq!(rows.len() as i64, left);
        assert_eq!(
            rows,
            exported(&db, &[&day[..], &[joined.as_str()]].concat())
        );
    }
    // A free-text exclusion with a phrase, and a date that starts with `-`.
    assert_eq!(
        total(
            &db,
            &["--as-of", "2024-02-02", "--view", "-\"minyak goreng\""]
        ),
        all - 3
    );
    let (doc, _) = report(&db, &["--as-of", "-7d"]);
    assert_eq!(doc["as_of"], "2026-11-22", "seven days before PANTAU_TODAY");
}

#[test]
fn a_forgotten_value_does_not_take_the_next_flag_as_a_view() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, SEED);
    let err = refused(&db, &["report", "--view", "--read-only"]);
    assert!(
        err.contains("--view takes a value but is followed by the flag --read-only"),
        "{err}"
    );
    let err = refused(&db, &["--lang", "id", "export", "--as-of", "--format=csv"]);
    assert!(
        err.contains("--as-of perlu nilai, tetapi diikuti opsi --format=csv"),
        "{err}"
    );
}

#[test]
fn the_interactive_screen_and_present_take_a_view_that_starts_with_a_dash() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, SEED);
    let db = db.to_str().unwrap();
    for view in [&["--view", "-region:64"][..], &["--view=-region:64"]] {
        let args = [&["--db", db, "--as-of", "2024-02-02", "--lang", "en"], view].concat();
        let mut tui = Tui::start(&args, &[("PANTAU_TODAY", "2024-02-09")]);
        tui.wait_for("view: -region:kaltim · 41 cases", SOON);
        tui.send("q");
        assert!(tui.wait_exit().success());
    }
    for view in [&["--view", "-regoin:64"][..], &["--view=-regoin:64"]] {
        let args = [&["present", "--db", db, "--lang", "en"], view].concat();
        let mut tui = Tui::start(&args, &[("PANTAU_TODAY", "2024-02-09")]);
        tui.wait_for("unknown key \"regoin\"", SOON);
        assert_eq!(
            tui.wait_exit().exit_code(),
            2,
            "the view reached the parser"
        );
    }
    let args = [
        "present",
        "--db",
        db,
        "--lang",
        "en",
        "--view",
        "-region:64",
    ];
    let mut tui = Tui::start(&args, &[("PANTAU_TODAY", "2024-02-09")]);
    tui.wait_for("pantau · Dashboard", SOON);
    tui.send("q");
    assert!(tui.wait_exit().success());
}

#[test]
fn relative_dates_count_from_the_as_of_date_in_report_and_export() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, SEED);
    let day = ["--as-of", "2024-02-02"];
    for (relative, absolute) in [
        ("from:-7d", "from:2024-01-26"),
        ("from:today", "from:2024-02-02"),
        ("to:-30d", "to:2024-01-03"),
        ("dari:-14d sampai:-7d", "from:2024-01-19 to:2024-01-26"),
    ] {
        let n = total(&db, &[&day[..], &["--view", absolute]].concat());
        assert!(n > 0, "{absolute} matches some cases");
        assert_eq!(
            total(&db, &[&day[..], &["--view", relative]].concat()),
            n,
            "{relative} counts from 2 February 2024, not from the real today"
        );
        // The same when the view sets the date itself.
        let with_per = format!("per:2024-02-02 {relative}");
        assert_eq!(total(&db, &["--view", &with_per]), n, "{with_per}");
        assert_eq!(
            exported(&db, &[&day[..], &["--view", relative]].concat()),
            exported(&db, &[&day[..], &["--view", absolute]].concat()),
            "{relative}"
        );
    }
    // The table says which days the relative dates stood for.
    let out = pantau(&db)
        .args(["report", "--as-of", "2024-02-02", "--view", "from:-7d"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with(
            "Cases by region · 2024 General Election · as of 02/02/2024 · view: from:-7d \
             (from:2024-01-26)\n"
        ),
        "{text}"
    );
}

#[test]
fn the_interactive_screen_counts_relative_dates_from_its_as_of_date() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, SEED);
    let n = total(&db, &["--as-of", "2024-02-02", "--view", "from:2024-01-26"]);
    assert_eq!(n, 6);
    let later = total(&db, &["--as-of", "2024-02-03", "--view", "from:2024-01-27"]);
    let db = db.to_str().unwrap();
    let args = [
        "--db",
        db,
        "--as-of",
        "2024-02-02",
        "--view",
        "from:-7d",
        "--lang",
        "en",
    ];
    let mut tui = Tui::start(&args, &[("PANTAU_TODAY", "2024-06-01")]);
    tui.wait_for("view: from:-7d · 6 cases", SOON);
    // A day later the week moves with it.
    tui.send("]");
    tui.wait_for(&format!("view: from:-7d · {later} cases"), SOON);
    tui.send("q");
    assert!(tui.wait_exit().success());
}

#[test]
fn as_of_and_a_different_per_are_refused_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, SEED);
    let err = refused(
        &db,
        &[
            "report",
            "--as-of",
            "2024-02-02",
            "--view",
            "per:2024-01-31",
        ],
    );
    assert!(
        err.contains("--as-of 2024-02-02 and the view's asof:2024-01-31 are two different dates"),
        "{err}"
    );
    let err = refused(
        &db,
        &[
            "--lang",
            "id",
            "export",
            "--as-of",
            "today",
            "--view",
            "region:samarinda per:-7d",
        ],
    );
    assert!(
        err.contains("--as-of today (2026-11-29) dan per:-7d (2026-11-22) di tampilan menyebut dua tanggal yang berbeda"),
        "{err}"
    );
    // The same date twice is no conflict.
    let (doc, _) = report(&db, &["--as-of", "2024-02-02", "--view", "per:02/02/2024"]);
    assert_eq!(
        (doc["as_of"].as_str(), doc["total"].as_i64()),
        (Some("2024-02-02"), Some(47))
    );
}

#[test]
fn a_date_set_by_the_view_is_said_where_the_output_does_not_show_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, SEED);
    let said = "counted as of 31/01/2024, as the view's asof: says";
    let (doc, err) = report(&db, &["--view", "per:2024-01-31"]);
    assert_eq!(doc["as_of"], "2024-01-31");
    assert!(!err.contains(said), "the JSON says it: {err}");
    let out = pantau(&db)
        .args(["report", "--view", "per:2024-01-31", "--format", "csv"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains(said));
    let out = pantau(&db)
        .args(["report", "--view", "per:2024-01-31"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .starts_with("Cases by region · 2024 General Election · as of 31/01/2024 · "),
        "the table's title says it"
    );
    let out = pantau(&db)
        .args(["--lang", "id", "export", "--view", "per:2024-01-31"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("dihitung per 31/01/2024, sesuai per: di tampilan")
    );
    // Given with --as-of, the date is the user's own: nothing more to say.
    let out = pantau(&db)
        .args(["export", "--as-of", "2024-01-31"])
        .output()
        .unwrap();
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A from: after the date counted at can match nothing, and says so.
    let (doc, err) = report(&db, &["--as-of", "2024-02-02", "--view", "from:2024-03-01"]);
    assert_eq!(doc["total"], 0);
    assert!(
        err.contains("from:2024-03-01 is after the date counted at, 2024-02-02: no case can match"),
        "{err}"
    );
}

#[test]
fn a_title_shows_the_view_in_its_own_language_and_json_keeps_the_canonical_spec() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, SEED);
    let view = "region:kukar is:late followup:verdict";
    let id = stdout_of(
        &db,
        &[
            "report",
            "--by",
            "source",
            "--as-of",
            "2024-02-09",
            "--lang",
            "id",
            "--view",
            view,
        ],
    );
    assert!(
        id.lines()
            .next()
            .unwrap()
            .ends_with("tampilan: wilayah:kukar is:terlambat lanjut:putusan"),
        "{id}"
    );
    let pekan = stdout_of(
        &db,
        &[
            "report",
            "--by",
            "pekan",
            "--as-of",
            "2024-02-09",
            "--lang",
            "id",
            "--view",
            view,
        ],
    );
    assert!(
        pekan.contains("tampilan: wilayah:kukar is:terlambat lanjut:putusan"),
        "{pekan}"
    );
    let recap = stdout_of(
        &db,
        &[
            "report",
            "--recap",
            "--as-of",
            "2024-02-09",
            "--lang",
            "id",
            "--view",
            view,
        ],
    );
    assert!(
        recap.contains("tampilan: wilayah:kukar is:terlambat lanjut:putusan"),
        "{recap}"
    );
    let rekap = stdout_of(
        &db,
        &["rekap", "--pekan", "6", "--lang", "id", "--view", view],
    );
    assert!(
        rekap.contains("tampilan: wilayah:kukar is:terlambat lanjut:putusan"),
        "{rekap}"
    );
    let en = stdout_of(
        &db,
        &[
            "report",
            "--by",
            "source",
            "--as-of",
            "2024-02-09",
            "--lang",
            "en",
            "--view",
            view,
        ],
    );
    assert!(
        en.lines()
            .next()
            .unwrap()
            .ends_with("view: region:kukar is:late followup:putusan"),
        "{en}"
    );
    let (json, _) = report(
        &db,
        &[
            "--by",
            "source",
            "--as-of",
            "2024-02-09",
            "--lang",
            "id",
            "--view",
            view,
        ],
    );
    assert_eq!(json["view"], "region:kukar is:late followup:putusan");
    let rekap_json: Value = serde_json::from_str(&stdout_of(
        &db,
        &[
            "rekap", "--pekan", "6", "--lang", "id", "--format", "json", "--view", view,
        ],
    ))
    .unwrap();
    assert_eq!(rekap_json["view"], "region:kukar is:late followup:putusan");
}
