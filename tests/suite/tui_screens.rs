//! Snapshots of every screen at 80x24 (the dashboard at 160x48, the meeting screens at 200x50) on
//! the demo database as of 2 Feb 2024 with a fixed clock, drawn by the real app from answers of the
//! real worker.

use crate::tui_support;

use pantau::i18n::Lang;
use pantau::tui::action::{Action, Command, Screen};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use tui_support::Harness;

#[test]
fn dashboard() {
    let h = Harness::demo((80, 24), Lang::Id);
    let screen = h.screen();
    assert!(screen.contains("47 kasus"), "{screen}");
    insta::assert_snapshot!("dashboard_80x24", screen);
}

#[test]
fn cases() {
    let mut h = Harness::demo((80, 24), Lang::Id);
    h.press(KeyCode::Char('2'));
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Char('j'));
    assert_eq!(h.app.screen(), Screen::Cases);
    insta::assert_snapshot!("cases_80x24", h.screen());
}

#[test]
fn stages() {
    let mut h = Harness::demo((80, 24), Lang::En);
    h.press(KeyCode::Char('3'));
    for _ in 0..6 {
        h.press(KeyCode::Down);
    }
    insta::assert_snapshot!("stages_80x24", h.screen());
}

#[test]
fn detail() {
    let mut h = Harness::demo((80, 24), Lang::Id);
    h.press(KeyCode::Char('/'));
    h.press_with(KeyCode::Char('u'), KeyModifiers::CONTROL);
    h.type_text("region:samarinda");
    h.press(KeyCode::Enter);
    h.press(KeyCode::Char('2'));
    h.press(KeyCode::Char('G'));
    h.press(KeyCode::Enter);
    insta::assert_snapshot!("detail_80x24", h.screen());
    h.press(KeyCode::PageDown);
    insta::assert_snapshot!("detail_80x24_history", h.screen());
}

#[test]
fn help() {
    let mut h = Harness::demo((80, 24), Lang::Id);
    h.press(KeyCode::Char('?'));
    insta::assert_snapshot!("help_80x24", h.screen());
}

#[test]
fn filter_bar_with_an_error() {
    let mut h = Harness::demo((80, 24), Lang::En);
    h.press(KeyCode::Char('/'));
    h.type_text("stage:kampanye regoin:kukar");
    h.press(KeyCode::Enter);
    insta::assert_snapshot!("filter_error_80x24", h.screen());
}

#[test]
fn too_small() {
    let mut h = Harness::demo((80, 24), Lang::Id);
    h.dispatch(Action::Resize(60, 20));
    let screen = h.screen();
    assert!(
        screen.contains("Layar terlalu kecil: perlu 80×24, ada 60×20"),
        "{screen}"
    );
    insta::assert_snapshot!("too_small_60x20", screen);
    h.dispatch(Action::Resize(80, 24));
    assert!(
        h.screen().contains("Ringkasan"),
        "back to normal when it grows"
    );
}

#[test]
fn projector() {
    let mut h = Harness::demo((160, 48), Lang::En);
    h.run(Command::Right);
    insta::assert_snapshot!("dashboard_160x48", h.screen());
    h.press(KeyCode::Char('2'));
    insta::assert_snapshot!("cases_160x48", h.screen());
}

/// A large projector: the dashboard, stages and map use the room, the presenter's figures grow.
#[test]
fn projector_200x50() {
    let mut h = Harness::demo((200, 50), Lang::Id);
    insta::assert_snapshot!("dashboard_200x50", h.screen());
    h.press(KeyCode::Char('3'));
    insta::assert_snapshot!("stages_200x50", h.screen());
    h.press(KeyCode::Char('4'));
    insta::assert_snapshot!("map_200x50", h.screen());
    h.press(KeyCode::Char('1'));
    h.run(Command::TogglePresent);
    let screen = h.screen();
    // Block digits ten rows tall, a rule between the figures.
    let rows: Vec<&str> = screen.lines().collect();
    let tall = rows.iter().skip(1).take_while(|r| r.contains('█')).count();
    assert!(tall >= 10, "{screen}");
    assert!(
        rows.get(1).is_some_and(|r| r.matches('│').count() == 3),
        "{screen}"
    );
    insta::assert_snapshot!("present_dashboard_200x50", screen);
}
