//! Handling offices with a dated history (pelimpahan): `pantau limpah` records a transfer or a
//! take-over, the chain and the case detail show it, the office on a date follows it, and every
//! mistake is refused in both languages with the data left as it was.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use pantau::domain::{DayCount, DeadlineRules};
use pantau::engine::Engine;
use pantau::i18n::Lang;
use pantau::store::{Mode, Store};
use pantau::tui::theme::Theme;
use pantau::tui::widgets::detail;
use pantau::view::View;

use crate::sealed;
use crate::trust_support::team;

/// Bawaslu Kota Samarinda's laporan of the example file, received 15 Jan 2024.
const SAMARINDA: &str = "043/LP/PL/Kota/23.06/I/2024";
const TODAY: &str = "2024-03-01";

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/contoh-import.csv")
}

fn pantau(home: &Path, db: &Path) -> assert_cmd::Command {
    let mut c = sealed::pantau(home);
    c.env("PANTAU_TODAY", TODAY).arg("--db").arg(db);
    c
}

/// A database holding the example file's cases.
fn example_db(dir: &Path) -> PathBuf {
    let db = dir.join("kaltim.db");
    pantau(dir, &db).arg("init").assert().success();
    pantau(dir, &db)
        .arg("import")
        .arg(example())
        .assert()
        .success();
    db
}

fn out(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// `pantau ARGS` on `db` in `lang`, which must succeed; its standard output.
fn run(dir: &Path, db: &Path, lang: &str, args: &[&str]) -> String {
    let o = pantau(dir, db)
        .args(["--lang", lang])
        .args(args)
        .output()
        .unwrap();
    assert!(o.status.success(), "{args:?}: {}", err(&o));
    out(&o)
}

/// `pantau ARGS` on `db` in `lang`, which must be refused as a usage mistake; its message.
fn refused(dir: &Path, db: &Path, lang: &str, args: &[&str]) -> String {
    let o = pantau(dir, db)
        .args(["--lang", lang])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{args:?}: {}", err(&o));
    err(&o)
}

/// The rows of case `id`'s detail, as the screen draws them 100 columns wide in `lang` on the
/// date `as_of` (the figures read on [`TODAY`]).
fn detail_rows(store: &Store, id: i64) -> impl Fn(Lang, &str) -> Vec<String> {
    let reference = store.reference().unwrap();
    let rules = DeadlineRules::new(
        DayCount::Calendar,
        reference.holidays.iter().map(|h| h.date),
    );
    let engine = Engine::with_defaults(store, day(TODAY)).unwrap();
    let d = engine
        .detail(&View::default(), id, &rules)
        .unwrap()
        .unwrap();
    move |lang, as_of| {
        detail::lines(&d, &reference, lang, day(as_of), &Theme::new(false), 100)
            .iter()
            .map(|l| {
                l.spans
                    .iter()
                    .map(|s| s.content.as_ref())
                    .collect::<String>()
            })
            .collect()
    }
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// The rows of the database that a refused command must leave as they were.
fn rows(db: &Path) -> (i64, String) {
    let c = rusqlite::Connection::open(db).unwrap();
    let n = c
        .query_row("SELECT count(*) FROM handling_history", [], |r| r.get(0))
        .unwrap();
    let office = c
        .query_row(
            "SELECT kode_wilayah FROM cases WHERE nomor = ?1",
            [SAMARINDA],
            |r| r.get(0),
        )
        .unwrap();
    (n, office)
}

#[test]
fn a_transfer_is_recorded_and_the_chain_and_the_detail_show_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = example_db(dir.path());
    let said = run(
        dir.path(),
        &db,
        "id",
        &[
            "limpah",
            SAMARINDA,
            "--ke",
            "Kaltim",
            "--tanggal",
            "2024-01-20",
            "--surat",
            "031/PP.01.02/K.KI-06/01/2024",
            "--catatan",
            "Menyangkut calon anggota DPRD Provinsi",
        ],
    );
    assert!(
        said.contains(&format!(
            "{SAMARINDA}: dilimpahkan 20/01/2024 dari Bawaslu Kota Samarinda ke Bawaslu Provinsi Kaltim"
        )),
        "{said}"
    );
    // Then taken over by nobody lower: the English aliases, to a Panwaslu Kecamatan by name.
    let said = run(
        dir.path(),
        &db,
        "en",
        &[
            "transfer",
            SAMARINDA,
            "--to",
            "Kec. Samarinda Ulu",
            "--date",
            "05/02/2024",
        ],
    );
    assert!(
        said.contains("transferred on 05/02/2024 from Bawaslu Provinsi Kaltim to Panwaslu Kecamatan Samarinda Ulu"),
        "{said}"
    );
    let chain = run(dir.path(), &db, "en", &["limpah", SAMARINDA]);
    for part in [
        "Handling of 043/LP/PL/Kota/23.06/I/2024",
        "received 15/01/2024 by Bawaslu Kota Samarinda",
        "20/01/2024  transferred → Bawaslu Provinsi Kaltim · letter 031/PP.01.02/K.KI-06/01/2024",
        "Menyangkut calon anggota DPRD Provinsi",
        "05/02/2024  transferred → Panwaslu Kecamatan Samarinda Ulu",
        "handled now by Panwaslu Kecamatan Samarinda Ulu",
    ] {
        assert!(chain.contains(part), "{part:?} in\n{chain}");
    }

    // The office on each date, and the detail's chain with the current office last.
    let store = Store::open(&db, Mode::ReadOnly).unwrap();
    let (id, case, _) = store.case_chain(SAMARINDA).unwrap();
    assert_eq!(case.kode_wilayah, "64.72.03");
    // Where it happened stays as the case says.
    assert_eq!(case.kecamatan.as_deref(), Some("Sungai Kunjang"));
    for (on, office) in [
        ("2024-01-15", "64.72"),
        ("2024-01-19", "64.72"),
        ("2024-01-20", "64"),
        ("2024-02-04", "64"),
        ("2024-02-05", "64.72.03"),
    ] {
        assert_eq!(
            store.office_on(id, day(on)).unwrap().as_deref(),
            Some(office),
            "{on}"
        );
    }
    let rows = detail_rows(&store, id);
    let text = |lang: Lang, as_of: &str| -> String {
        // One column, its lines joined: the chain wraps at any width.
        let all = rows(lang, as_of).join(" ");
        all.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let id_text = text(Lang::Id, TODAY);
    assert!(
        id_text.contains(
            "Penanganan Bawaslu Kota Samarinda → (dilimpahkan 20/01/2024, surat 031/PP.01.02/K.KI-06/01/2024) Bawaslu Provinsi Kaltim → (dilimpahkan 05/02/2024) Panwaslu Kecamatan Samarinda Ulu"
        ),
        "{id_text}"
    );
    let en_text = text(Lang::En, "2024-01-31");
    assert!(
        en_text.contains("Region Samarinda Ulu · 64.72.03 Handled by Bawaslu Kota Samarinda"),
        "{en_text}"
    );
    assert!(
        en_text.contains(
            "→ (transferred 05/02/2024, after the view's date) Panwaslu Kecamatan Samarinda Ulu"
        ),
        "{en_text}"
    );
}

#[test]
fn a_case_never_transferred_shows_no_chain() {
    let dir = tempfile::tempdir().unwrap();
    let db = example_db(dir.path());
    let chain = run(dir.path(), &db, "id", &["limpah", SAMARINDA]);
    assert!(
        chain.contains("diterima 15/01/2024 oleh Bawaslu Kota Samarinda"),
        "{chain}"
    );
    assert!(chain.contains("belum pernah dilimpahkan"), "{chain}");
    // The number as imports match it: case and spaces forgiven.
    let chain = run(
        dir.path(),
        &db,
        "en",
        &["limpah", " 043/lp/pl/kota/23.06/i/2024"],
    );
    assert!(
        chain.contains("Handling of 043/LP/PL/Kota/23.06/I/2024"),
        "{chain}"
    );
    let store = Store::open(&db, Mode::ReadOnly).unwrap();
    let (id, _, chain) = store.case_chain(SAMARINDA).unwrap();
    assert!(chain.is_empty());
    assert_eq!(
        store.office_on(id, day("2024-02-01")).unwrap().as_deref(),
        Some("64.72")
    );
}

#[test]
fn mistakes_are_refused_in_both_languages_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = example_db(dir.path());
    let before = rows(&db);
    let to = |office: &str, date: &str| -> Vec<String> {
        ["limpah", SAMARINDA, "--ke", office, "--tanggal", date]
            .map(String::from)
            .to_vec()
    };
    let cases: [(Vec<String>, &str, &str); 6] = [
        (
            to("Samarnda", "2024-01-20"),
            "kantor \"Samarnda\" tidak ada di database ini; maksud Anda Bawaslu Kota Samarinda (64.72)",
            "no office \"Samarnda\" in this database; did you mean Bawaslu Kota Samarinda (64.72)",
        ),
        (
            to("Kaltim", "2024-01-10"),
            "tanggal 10/01/2024 sebelum kasus diterima (15/01/2024)",
            "10/01/2024 is before the case was received (15/01/2024)",
        ),
        (
            to("Samarinda", "2024-01-20"),
            "kasus ini sudah ditangani Bawaslu Kota Samarinda",
            "Bawaslu Kota Samarinda already handles this case",
        ),
        (
            to("64", "2024-03-02"),
            "tanggal 02/03/2024 belum tiba (hari ini 01/03/2024)",
            "02/03/2024 has not come yet (today is 01/03/2024)",
        ),
        (
            [
                "limpah",
                "999/XX/2024",
                "--ke",
                "64",
                "--tanggal",
                "2024-01-20",
            ]
            .map(String::from)
            .to_vec(),
            "tidak ada kasus bernomor \"999/XX/2024\"",
            "no case has the intake number \"999/XX/2024\"",
        ),
        (
            [
                "limpah",
                SAMARINDA,
                "--ke",
                "Samarinda Ulu",
                "--tanggal",
                "2024-01-20",
                "--ambil-alih",
            ]
            .map(String::from)
            .to_vec(),
            "Panwaslu Kecamatan Samarinda Ulu tidak berada di atas Bawaslu Kota Samarinda",
            "Panwaslu Kecamatan Samarinda Ulu is not above Bawaslu Kota Samarinda",
        ),
    ];
    for (args, id, en) in &cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let said = refused(dir.path(), &db, "id", &args);
        assert!(said.contains(id), "{args:?}: {said}");
        let said = refused(dir.path(), &db, "en", &args);
        assert!(said.contains(en), "{args:?}: {said}");
    }
    assert_eq!(rows(&db), before);

    // A transfer recorded, then one dated before it.
    run(
        dir.path(),
        &db,
        "en",
        &to("Kaltim", "2024-01-25")
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    let args = to("Samarinda", "2024-01-22");
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    assert!(
        refused(dir.path(), &db, "id", &args)
            .contains("tanggal 22/01/2024 sebelum pelimpahan terakhir kasus ini (25/01/2024)")
    );
    assert!(
        refused(dir.path(), &db, "en", &args)
            .contains("22/01/2024 is before this case's last transfer (25/01/2024)")
    );
    // A dry run says what it would do and writes nothing.
    let after = rows(&db);
    let said = run(
        dir.path(),
        &db,
        "en",
        &[
            "limpah",
            SAMARINDA,
            "--ke",
            "64.72",
            "--tanggal",
            "2024-02-01",
            "--dry-run",
        ],
    );
    assert!(said.contains("would be transferred on 01/02/2024 from Bawaslu Provinsi Kaltim to Bawaslu Kota Samarinda (dry run, nothing written)"), "{said}");
    assert_eq!(rows(&db), after);
}

#[test]
fn a_read_only_database_is_refused_with_its_data_intact() {
    let dir = tempfile::tempdir().unwrap();
    let db = example_db(dir.path());
    let before = rows(&db);
    let args = [
        "limpah",
        SAMARINDA,
        "--ke",
        "Kaltim",
        "--tanggal",
        "2024-01-20",
    ];
    let o = pantau(dir.path(), &db)
        .args(["--lang", "en", "--read-only"])
        .args(args)
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert!(err(&o).contains("read-only"), "{}", err(&o));
    assert_eq!(rows(&db), before);
    // A file the user may not write to (for root, any file is writable: skipped there).
    if !crate::trust_support::is_root() {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).unwrap();
        let o = pantau(dir.path(), &db).args(args).output().unwrap();
        assert!(!o.status.success());
        std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
        assert_eq!(rows(&db), before);
    }
}

#[test]
fn the_history_names_the_real_user_whatever_the_environment_says() {
    let Some(t) = team::team() else { return };
    let db = t.shared.join("kaltim.db");
    let alice = || {
        let mut c = t.alice.pantau();
        c.env("SUDO_USER", "pantau-bob")
            .env("USER", "pantau-bob")
            .env("LOGNAME", "pantau-bob")
            .env("PANTAU_TODAY", TODAY)
            .arg("--db")
            .arg(&db);
        c
    };
    alice().arg("init").assert().success();
    alice().arg("import").arg(example()).assert().success();
    alice()
        .args(["limpah", SAMARINDA, "--ke", "64", "--tanggal", "2024-01-20"])
        .assert()
        .success();
    let o = alice()
        .args(["--lang", "en", "limpah", SAMARINDA])
        .output()
        .unwrap();
    let said = out(&o);
    assert!(said.contains("recorded by pantau-alice"), "{said}");
    assert!(!said.contains("pantau-bob"), "{said}");
}

#[test]
fn a_database_another_writer_holds_is_refused_after_the_wait_with_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = example_db(dir.path());
    let before = rows(&db);
    let writer = rusqlite::Connection::open(&db).unwrap();
    writer.execute_batch("BEGIN IMMEDIATE").unwrap();
    let said = pantau(dir.path(), &db)
        .args(["--lang", "en", "limpah", SAMARINDA, "--ke", "64"])
        .args(["--tanggal", "2024-01-20", "--wait", "0"])
        .output()
        .unwrap();
    assert_eq!(said.status.code(), Some(1), "{}", err(&said));
    assert!(
        err(&said).contains("is locked by another writer and --wait 0 does not wait"),
        "{}",
        err(&said)
    );
    writer.execute_batch("ROLLBACK").unwrap();
    drop(writer);
    assert_eq!(rows(&db), before);
}

#[test]
fn a_detail_seen_before_the_decision_marks_the_proven_type_as_after_the_view_s_date() {
    let dir = tempfile::tempdir().unwrap();
    let db = crate::tui_support::demo_db(dir.path());
    let store = Store::open(&db, Mode::ReadOnly).unwrap();
    // A case of the demo decided a violation on 5 Feb 2024, its proven type set then.
    let id: i64 = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT id FROM cases WHERE nomor = '001/TM/PL/Kota/23.07/I/2024' \
             AND status = 'PELANGGARAN' AND jenis_pelanggaran = 'HUKUM_LAINNYA'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let rows = detail_rows(&store, id);
    let row = |as_of: &str| -> String {
        rows(Lang::En, as_of)
            .into_iter()
            .find(|l| l.contains("Proven type"))
            .unwrap_or_default()
    };
    assert!(
        row("2024-02-02").contains("Other laws (after the view's date)"),
        "{}",
        row("2024-02-02")
    );
    assert!(
        row("2024-02-05").contains("Other laws"),
        "{}",
        row("2024-02-05")
    );
    assert!(
        !row("2024-02-05").contains("after"),
        "{}",
        row("2024-02-05")
    );
}
