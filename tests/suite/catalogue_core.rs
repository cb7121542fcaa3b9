//! The catalogue of messages of files, imports, the store and the TUI: a failure that used to
//! reach a user in English only now reads in Bahasa Indonesia too, with the same values in it,
//! and its English text is the one users already knew.

use std::path::{Path, PathBuf};

use pantau::i18n::Lang;
use pantau::i18n::core::Core;

use crate::sealed;

/// `pantau --db DB ARGS…` in `locale`: its exit status and standard error.
fn run(db: &Path, locale: &str, args: &[&str]) -> (Option<i32>, String) {
    let mut c = sealed::pantau(&sealed::scratch_home());
    sealed::locale(&mut c, locale);
    let out = c.arg("--db").arg(db).args(args).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).trim_end().to_string();
    (out.status.code(), err)
}

/// A folder of reference files for `init --reference`: pantau's own, with one line added to
/// regions.csv.
fn reference_with_region(dir: &Path, line: &str) -> PathBuf {
    let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    let refs = dir.join("referensi");
    std::fs::create_dir(&refs).unwrap();
    for f in [
        "regions.csv",
        "elections/PEMILU2024/stages.csv",
        "holidays.csv",
    ] {
        let name = Path::new(f).file_name().unwrap();
        std::fs::copy(assets.join(f), refs.join(name)).unwrap();
    }
    let regions = std::fs::read_to_string(refs.join("regions.csv")).unwrap();
    std::fs::write(refs.join("regions.csv"), format!("{regions}{line}\n")).unwrap();
    refs
}

/// The English text, unchanged, and an Indonesian text of its own that names the same value.
fn both(m: Core<'_>, en: &str, shows: &str) {
    assert_eq!(m.text(Lang::En), en);
    let id = m.text(Lang::Id);
    assert_ne!(id, en, "no Indonesian text: {id}");
    assert!(id.contains(shows), "{id} does not show {shows}");
}

#[test]
fn the_failures_once_in_english_only_read_in_indonesian_too() {
    let db = Path::new("kasus.db");
    both(
        Core::NoWal {
            path: db,
            mode: "delete".into(),
        },
        "kasus.db: could not switch to WAL journal (got delete)",
        "kasus.db",
    );
    both(
        Core::CopyBad {
            source: Path::new("kaltim.db"),
            dest: Path::new("salinan.db"),
            check: "ok".into(),
            copied: 9,
            cases: 10,
        },
        "kaltim.db could not be copied whole: the copy read back damaged (quick_check: ok; 9 of 10 cases), so kaltim.db itself is probably damaged; nothing was written to salinan.db. Check it with `pantau --db kaltim.db check`; if it is damaged, restore the last good backup",
        "9 dari 10",
    );
    both(
        Core::CopyNoDelete {
            tmp: Path::new("salinan.tmp"),
            journal: "wal".into(),
        },
        "salinan.tmp: could not leave WAL mode (got wal)",
        "salinan.tmp",
    );
    both(
        Core::ReadTwiceDiffers {
            file: "kiriman.csv",
        },
        "kiriman.csv: the file read differently the second time; nothing was written",
        "kiriman.csv",
    );
    both(
        Core::RowTwiceDiffers {
            file: "kiriman.csv",
            line: 7,
        },
        "kiriman.csv:7: the row checked differently the second time; nothing was written",
        "kiriman.csv:7",
    );
    both(
        Core::SimulateVanished {
            nomor: "001/PL/PP/Kota/23.00/I/2024",
            id: 3,
        },
        "case 001/PL/PP/Kota/23.00/I/2024 (id 3) vanished during the simulation",
        "001/PL/PP/Kota/23.00/I/2024",
    );
    both(
        Core::TuiTerminal {
            why: "not a terminal".into(),
        },
        "terminal: not a terminal",
        "not a terminal",
    );
    both(
        Core::TempKeptTwice,
        "internal: a temporary file kept twice",
        "pantau",
    );
}

#[test]
fn an_unknown_code_names_its_list_in_the_language_of_the_message() {
    let m = Core::UnknownCode {
        list: &Core::CodeForwarding,
        value: "polisi".into(),
        suggestion: None,
        choices: "GAKKUMDU, KPU".into(),
    };
    assert_eq!(
        m.text(Lang::Id),
        "tujuan penerusan tidak dikenal \"polisi\" (pilihan: GAKKUMDU, KPU)"
    );
    assert_eq!(
        m.text(Lang::En),
        "unknown forwarding destination \"polisi\" (one of: GAKKUMDU, KPU)"
    );
}

#[test]
fn the_internal_failures_read_in_indonesian_too() {
    both(
        Core::SchemaNoTrigger,
        "internal: schema.sql has no cases_fts_insert trigger (a bug in pantau); report it to pantau's maintainers",
        "cases_fts_insert",
    );
    both(
        Core::TuiBaselineElsewhere,
        "internal: a baseline request reached the engine (a bug in pantau); report it to pantau's maintainers",
        "laporkan",
    );
}

#[test]
fn a_mistake_in_a_reference_file_is_said_in_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    let refs = reference_with_region(dir.path(), "64.99,Kota Lain,Kukar,kota,64,1,12");
    let db = dir.path().join("kasus.db");
    let refs = refs.to_str().unwrap();
    let (code, err) = run(&db, "id_ID.UTF-8", &["init", "--reference", refs]);
    assert_eq!(code, Some(1), "{err}");
    assert_eq!(
        err,
        "pantau: regions.csv: wilayah 64.99 (Kukar) muncul dua kali"
    );
    // The English text is the one it always was.
    let (code, err) = run(&db, "C.UTF-8", &["init", "--reference", refs]);
    assert_eq!(code, Some(1), "{err}");
    assert_eq!(
        err,
        "pantau: regions.csv: region 64.99 (Kukar) appears twice"
    );
    assert!(!db.exists(), "nothing was created");
}

#[test]
fn a_region_of_an_unknown_kind_is_said_in_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    let refs = reference_with_region(dir.path(), "64.99,Kota Lain,Lain,desa,64,1,12");
    let db = dir.path().join("kasus.db");
    let refs = refs.to_str().unwrap();
    let (code, err) = run(&db, "id_ID.UTF-8", &["init", "--reference", refs]);
    assert_eq!(code, Some(1), "{err}");
    assert_eq!(
        err,
        "pantau: regions.csv: wilayah 64.99: jenisnya harus provinsi, kabupaten atau kota"
    );
    let (code, err) = run(&db, "C.UTF-8", &["init", "--reference", refs]);
    assert_eq!(code, Some(1), "{err}");
    assert_eq!(
        err,
        "pantau: regions.csv: region 64.99: kind must be provinsi, kabupaten or kota"
    );
}

#[test]
fn a_status_code_pantau_does_not_know_is_said_in_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kasus.db");
    let (code, err) = run(&db, "C.UTF-8", &["demo", "--seed", "7"]);
    assert_eq!(code, Some(0), "{err}");
    // Another program wrote a status pantau has never had.
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute(
        "UPDATE cases SET status = 'DIARSIPKAN' WHERE id = (SELECT min(id) FROM cases)",
        [],
    )
    .unwrap();
    drop(conn);
    let shown = db.display();
    let (code, err) = run(&db, "id_ID.UTF-8", &["export", "-o", "-"]);
    assert_eq!(code, Some(1), "{err}");
    assert_eq!(
        err,
        format!(
            "pantau: {shown} menyimpan status \"DIARSIPKAN\" yang tidak dikenal pantau ini. \
             Lihat kerusakannya dengan `pantau check`, lalu pulihkan salinan terakhir dari `pantau backup`"
        )
    );
    let (code, err) = run(&db, "C.UTF-8", &["export", "-o", "-"]);
    assert_eq!(code, Some(1), "{err}");
    assert_eq!(
        err,
        format!(
            "pantau: {shown} holds the status \"DIARSIPKAN\", which this pantau does not know. \
             See what is wrong with `pantau check`, then restore the last copy made with `pantau backup`"
        )
    );
}
