//! The configuration driving the app: remapped keys run their commands and show in the help and
//! the footer; `y` and `Y` send the view and the case to the clipboard as OSC 52.

use crate::tui_support;

use pantau::config::Config;
use pantau::config::Prefs;
use pantau::i18n::Lang;
use pantau::tui::action::Screen;
use pantau::tui::clipboard::base64;
use pantau::tui::effect::{Outside, perform};
use pantau::view::View;
use ratatui::crossterm::event::KeyCode;
use tui_support::Harness;

/// An app whose configuration is `toml`.
fn with_config(toml: &str, lang: Lang) -> (Harness, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    std::fs::write(&file, toml).unwrap();
    let config = Config::load(&file, true).unwrap();
    let keymap = config.keymap().unwrap();
    let db = tui_support::demo_db(dir.path());
    let h = Harness::with(&db, (80, 24), lang, View::default(), |o| {
        o.prefs = Prefs {
            keymap,
            views: config.views.iter().map(|(v, _)| v.clone()).collect(),
            ascii: false,
        }
    });
    (h, dir)
}

#[test]
fn remapped_keys_drive_the_app_and_the_help_and_footer_show_them() {
    let (mut h, _dir) = with_config(
        "[keys.cases]\nsort-next = \"s\"\nsort-flip = \"S\"\n\n[keys.global]\nsave-view = \"w\"\nhelp = \"F1\"\n",
        Lang::En,
    );
    h.press(KeyCode::Char('2'));
    assert_eq!(h.app.screen(), Screen::Cases);
    h.press(KeyCode::Char('o'));
    assert_eq!(h.app.view_spec(), "", "o no longer sorts");
    h.press(KeyCode::Char('s'));
    assert_eq!(h.app.view_spec(), "sort:region");
    h.press(KeyCode::Char('S'));
    assert_eq!(h.app.view_spec(), "sort:-region");
    let footer = h.screen().lines().last().unwrap_or_default().to_string();
    assert!(
        footer.contains("s sort") && footer.contains("F1 help"),
        "{footer}"
    );
    h.press(KeyCode::Char('?'));
    assert!(h.app.overlay().is_none(), "? no longer opens the help");
    h.press(KeyCode::F(1));
    assert!(h.screen().contains("─ Help ─"), "F1 opens the help");
    let mut lines = Vec::new();
    let mut scroll = 0;
    // The whole help, page by page.
    loop {
        lines.extend(h.screen().lines().map(str::to_string));
        h.press(KeyCode::PageDown);
        scroll += 1;
        if scroll > 20 {
            break;
        }
    }
    let all = lines.join("\n");
    assert!(
        all.contains("   s               sort by the next column"),
        "{all}"
    );
    assert!(all.contains("   S               reverse the sort"));
    assert!(all.contains("   w               save this view under a name"));
    assert!(all.contains("   F1              this key help"), "{all}");
    assert!(!all.contains("   o               sort by the next column"));
    h.press(KeyCode::Esc);
    h.press(KeyCode::Char('w'));
    assert_eq!(h.app.mode(), pantau::tui::keymap::Mode::Save);
}

#[test]
fn y_copies_the_canonical_view_and_capital_y_the_case_under_the_cursor() {
    let (mut h, _dir) = with_config("", Lang::En);
    h.press(KeyCode::Char('/'));
    h.press_with(
        KeyCode::Char('u'),
        ratatui::crossterm::event::KeyModifiers::CONTROL,
    );
    h.type_text("wilayah:samarinda tahapan:kampanye");
    h.press(KeyCode::Enter);
    h.press(KeyCode::Char('y'));
    let outside = Outside {
        config: None,
        tmux: false,
    };
    let mut terminal = Vec::new();
    for e in h.app.take_effects() {
        let done = perform(e, &outside, Lang::En, &mut terminal);
        h.dispatch(done);
    }
    let spec = "region:samarinda stage:kampanye asof:2024-02-02";
    assert_eq!(
        String::from_utf8(terminal).unwrap(),
        format!("\x1b]52;c;{}\x07", base64(spec.as_bytes()))
    );
    assert_eq!(
        h.app.notice().map(|n| n.text.as_str()),
        Some("Copied to the clipboard (OSC 52): region:samarinda stage:kampanye asof:2024-02-02")
    );

    // Y with no case under the cursor says so.
    h.press(KeyCode::Char('Y'));
    assert!(h.app.take_effects().is_empty());
    assert!(h.screen().contains("No case under the cursor"));

    h.press(KeyCode::Char('2'));
    h.press(KeyCode::Char('Y'));
    let row = h.app.cases().selected_row().unwrap().clone();
    let mut terminal = Vec::new();
    let outside = Outside {
        config: None,
        tmux: true,
    };
    for e in h.app.take_effects() {
        h.dispatch(perform(e, &outside, Lang::En, &mut terminal));
    }
    let text = format!("{} — {}", row.nomor, row.uraian);
    assert_eq!(
        String::from_utf8(terminal).unwrap(),
        format!(
            "\x1bPtmux;\x1b\x1b]52;c;{}\x07\x1b\\",
            base64(text.as_bytes())
        ),
        "inside tmux, wrapped in its passthrough"
    );
}
