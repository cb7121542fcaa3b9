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

/// Replaces the view by `spec` through the filter bar, as a user types it.
fn set_view(h: &mut Harness, spec: &str) {
    h.press(KeyCode::Char('/'));
    h.press_with(KeyCode::Char('u'), KeyModifiers::CONTROL);
    h.type_text(spec);
    h.press(KeyCode::Enter);
}

/// The case numbers of the rows on screen (the first word of each row under the heading).
fn numbers(screen: &str) -> Vec<String> {
    screen
        .lines()
        .map(|l| l.trim_matches('"'))
        .skip(3)
        .take_while(|l| !l.starts_with('─'))
        .filter_map(|l| l.split_whitespace().next())
        .map(|n| n.trim_start_matches('›').to_string())
        .collect()
}

#[test]
fn case_list_at_80x24_in_both_languages_narrowed_by_the_view_and_not() {
    let mut h = Harness::demo((80, 24), Lang::En);
    h.press(KeyCode::Char('2'));
    h.press(KeyCode::Char('j'));
    let all = h.screen();
    let heading = all.lines().nth(2).unwrap_or_default();
    assert!(
        heading.contains("Region") && heading.contains("Stage"),
        "{all}"
    );
    // Every row tells its case apart by its number, and no stage is a code.
    let shown = numbers(&all);
    assert_eq!(shown.len(), 17, "{all}");
    let mut unique = shown.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), shown.len(), "two rows read alike:\n{all}");
    assert!(
        !all.contains("PENDAFTARAN_") && !all.contains("DATA_PEMILIH"),
        "{all}"
    );
    assert!(
        all.contains("Verification") && all.contains("Voter list"),
        "{all}"
    );
    insta::assert_snapshot!("cases_80x24_en", all);

    // One region: the region column goes, the received date comes back.
    set_view(&mut h, "region:balikpapan");
    let one = h.screen();
    let heading = one.lines().nth(2).unwrap_or_default();
    assert!(!heading.contains("Region"), "{one}");
    assert!(heading.contains("Recvd ▲"), "{one}");
    assert!(
        one.contains(" 001/TM/23.05/III/23 "),
        "the year shows: {one}"
    );
    insta::assert_snapshot!("cases_region_80x24_en", one);

    h.press(KeyCode::Char('L'));
    let id = h.screen();
    let heading = id.lines().nth(2).unwrap_or_default();
    assert!(
        !heading.contains("Wilayah") && heading.contains("Terima ▲"),
        "{id}"
    );
    insta::assert_snapshot!("cases_region_80x24", id);

    // The campaign in one city: neither region nor stage repeats on every row.
    set_view(&mut h, "wilayah:samarinda tahapan:kampanye");
    let campaign = h.screen();
    let heading = campaign.lines().nth(2).unwrap_or_default();
    assert!(
        !heading.contains("Wilayah") && !heading.contains("Tahapan"),
        "{campaign}"
    );
    assert_eq!(numbers(&campaign).len(), 4, "{campaign}");
    insta::assert_snapshot!("cases_campaign_samarinda_80x24", campaign);
}

/// Every screen and part at 80x24 (the size an SSH session opens with), in both languages; the
/// case list whole and narrowed by a view. Nothing on them is a stage code or an English word on
/// the Indonesian screens' own chrome.
#[test]
fn every_screen_at_80x24_in_both_languages() {
    for (lang, tag) in [(Lang::Id, "id"), (Lang::En, "en")] {
        let mut h = Harness::demo((80, 24), lang);
        let mut shots = Vec::new();
        for key in ['1', '2', '3', '4'] {
            h.press(KeyCode::Char(key));
            shots.push((format!("screen{key}"), h.screen()));
        }
        // The stage screen's other part.
        h.press(KeyCode::Char('3'));
        h.press(KeyCode::Right);
        shots.push(("screen3_campaign".into(), h.screen()));
        // The case list narrowed by a view that fixes the region and the stage.
        h.press(KeyCode::Char('2'));
        h.press(KeyCode::Char('/'));
        h.press_with(KeyCode::Char('u'), KeyModifiers::CONTROL);
        h.type_text("region:samarinda stage:kampanye");
        h.press(KeyCode::Enter);
        shots.push(("screen2_narrowed".into(), h.screen()));
        for (name, screen) in shots {
            assert!(
                !screen.contains("PENDAFTARAN_") && !screen.contains("DATA_PEMILIH"),
                "{tag} {name}: a stage code\n{screen}"
            );
            if lang == Lang::Id {
                for english in ["Dashboard", " cases", "view:", " live "] {
                    assert!(
                        !screen.contains(english),
                        "{tag} {name}: {english}\n{screen}"
                    );
                }
            }
            insta::assert_snapshot!(format!("all_{name}_80x24_{tag}"), screen);
        }
    }
}
