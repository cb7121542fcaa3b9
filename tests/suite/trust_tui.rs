//! Hostile text through the real binary in a pseudo-terminal: escape sequences show as placeholders
//! and leave title, clipboard and screen alone; a session's warnings go to its log, not the screen.

use crate::tui_support;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;
use pantau::domain::{Case, Reference, Source, StatusChange};
use pantau::store::{Mode, Store};
use tui_support::pty::Tui;

/// What the terminal was asked to do besides drawing: every request is a failure here.
#[derive(Default)]
struct Requests {
    titles: Vec<Vec<u8>>,
    clipboard: Vec<Vec<u8>>,
    bells: usize,
}

impl vt100::Callbacks for Requests {
    fn audible_bell(&mut self, _: &mut vt100::Screen) {
        self.bells += 1;
    }
    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.titles.push(title.to_vec());
    }
    fn set_window_icon_name(&mut self, _: &mut vt100::Screen, name: &[u8]) {
        self.titles.push(name.to_vec());
    }
    fn copy_to_clipboard(&mut self, _: &mut vt100::Screen, _ty: &[u8], data: &[u8]) {
        self.clipboard.push(data.to_vec());
    }
}

/// A generous limit that only guards against hanging, never a measure of speed.
const SOON: Duration = Duration::from_secs(60);

/// The description of the hostile case: a title, a screen clear, a clipboard write, a device
/// control string, C1 controls and a bidi override.
const HOSTILE: &str = "\x1b]0;owned\x07\x1b[2J\x1b]52;c;b3duZWQ=\x07\x1bP+q544e\x1b\\\u{9b}1m \u{202e}fdp.exe dibagikan";

/// A database with the reference data and three cases, one of them hostile.
fn hostile_db(dir: &Path) -> PathBuf {
    let path = dir.join("kaltim.db");
    let mut store = Store::open(&path, Mode::Create).unwrap();
    store.load_reference(&Reference::embedded()).unwrap();
    let tx = store.conn_mut().transaction().unwrap();
    let day = NaiveDate::from_ymd_opt(2024, 1, 20).unwrap();
    for (i, (nomor, uraian, terlapor)) in [
        (
            "001/LP/PL/Kota/23.05/I/2024",
            "Pembagian minyak goreng di Balikpapan Selatan",
            "Sdr. AR",
        ),
        (
            "002/TM/PL/Kota/23.05/I/2024",
            HOSTILE,
            "\x1b[31mSdr. \u{202e}RA\x1b[0m",
        ),
        (
            "003/TM/PL/Kota/23.05/I/2024",
            "Alat peraga kampanye di halaman sekolah",
            "Sdr. HS",
        ),
    ]
    .into_iter()
    .enumerate()
    {
        let mut case = Case::new(
            "PEMILU2024",
            nomor,
            Source::Temuan,
            "64.71",
            "KAMPANYE",
            day,
        );
        case.uraian = uraian.into();
        case.terlapor = Some(terlapor.into());
        case.kecamatan = Some(format!("Balikpapan\x1b]2;x\x07 Kota {i}"));
        let at = day.and_hms_opt(9, 0, 0).unwrap();
        let first = StatusChange {
            from: None,
            to: case.status,
            at,
            by: "uji\x1b[5m".into(),
            note: Some("catatan\x07".into()),
        };
        pantau::store::write::insert_case(&tx, &case, &[first], None, at).unwrap();
    }
    tx.commit().unwrap();
    path
}

#[test]
fn a_case_with_escape_sequences_is_shown_harmlessly_and_the_terminal_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let db = hostile_db(dir.path()).display().to_string();
    let state = dir.path().join("state");
    let mut tui = Tui::with_callbacks(
        &["--db", &db, "--as-of", "2024-02-02", "--lang", "en"],
        &[("XDG_STATE_HOME", &state.display().to_string())],
        (160, 40),
        Requests::default(),
    );
    tui.wait_for("view: (all) · 3 cases", SOON);
    tui.send("2");
    tui.wait_for("1 of 3", SOON);
    // The hostile case in the list, then under the cursor in the preview, then in full.
    tui.wait_for("␛]0;owned␇␛[2J", SOON);
    tui.send("j");
    tui.wait_for("2 of 3", SOON);
    tui.wait_for("─ 002/TM/PL/Kota/23.05/I/2024 ", SOON);
    tui.send("\r");
    tui.wait_for("Case detail · 002/TM/PL/Kota/23.05/I/2024", SOON);
    // (`¤` is how this test's screen shows the `�` pantau draws.)
    tui.wait_for(
        "␛]0;owned␇␛[2J␛]52;c;b3duZWQ=␇␛P+q544e␛\\¤1m ¤fdp.exe",
        SOON,
    );
    tui.wait_for("␛[31mSdr. ¤RA␛[0m", SOON);
    tui.wait_for("Balikpapan␛]2;x␇ Kota 1", SOON);
    // The screen was not cleared: the title bar and the footer are still there.
    assert!(tui.row(0).contains("pantau · "), "{}", tui.contents());
    assert!(tui.row(1).contains("[2 Cases]"), "{}", tui.contents());
    tui.send("q");
    let status = tui.wait_exit();
    assert!(status.success(), "{status:?}");
    let parser = tui.parser();
    let requests = parser.callbacks();
    assert!(
        requests.titles.is_empty(),
        "title set: {:?}",
        requests.titles
    );
    assert!(requests.clipboard.is_empty(), "clipboard written");
    assert_eq!(requests.bells, 0, "bell rung");
    drop(parser);
    let raw = tui.raw();
    for (needle, what) in [
        (&b"\x1b]"[..], "an OSC sequence"),
        (b"\x1bP", "a device control string"),
        (b"\x07", "a bell"),
        (b"\xc2\x9b", "a C1 CSI"),
        ("\u{202e}".as_bytes(), "a bidi override"),
    ] {
        assert!(
            !raw.windows(needle.len()).any(|w| w == needle),
            "pantau wrote {what} to the terminal"
        );
    }
    assert!(!state.exists(), "nothing to log, no log file");
}

#[test]
fn warnings_of_a_session_go_to_the_log_file_not_over_the_screen() {
    let dir = tempfile::tempdir().unwrap();
    let db = hostile_db(dir.path());
    std::fs::set_permissions(&db, std::os::unix::fs::PermissionsExt::from_mode(0o666)).unwrap();
    let state = dir.path().join("state");
    let db_s = db.display().to_string();
    let mut tui = Tui::with_callbacks(
        &["--db", &db_s, "--as-of", "2024-02-02", "--lang", "en"],
        &[("XDG_STATE_HOME", &state.display().to_string())],
        (100, 30),
        Requests::default(),
    );
    tui.wait_for("view: (all) · 3 cases", SOON);
    assert!(
        !tui.contents().contains("every user"),
        "the warning is not drawn over the screen:\n{}",
        tui.contents()
    );
    tui.send("q");
    assert!(tui.wait_exit().success());
    let log = state.join("pantau/pantau.log");
    let text = std::fs::read_to_string(&log).expect("the session's log file");
    assert!(
        text.contains(&format!(
            " WARNING {db_s} can be changed by every user of this computer; anyone could alter the evidence."
        )),
        "{text}"
    );
    let said = tui.contents().replace('\n', "");
    assert!(
        said.contains(&format!(
            "pantau: errors and warnings of this session are in {}",
            log.display()
        )),
        "{said}"
    );
}
