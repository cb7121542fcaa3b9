//! The catalogue of messages of files, imports, the store and the TUI: a failure that used to
//! reach a user in English only now reads in Bahasa Indonesia too, with the same values in it,
//! and its English text is the one users already knew.

use std::path::Path;

use pantau::i18n::Lang;
use pantau::i18n::core::Core;

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
            tmp: Path::new("salinan.tmp"),
            check: "ok".into(),
            copied: 9,
            cases: 10,
        },
        "salinan.tmp: the copy did not check out (quick_check: ok; 9 of 10 cases); nothing was written",
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
