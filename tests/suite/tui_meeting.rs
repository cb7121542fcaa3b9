//! The meeting screens on the demo database with the real worker: timeline, campaign (22 cases of
//! 7,120 activities as of 9 Feb 2024, from the data), map, presenter; snapshots at 80x24 and 160x48.

use crate::tui_support;

use chrono::NaiveDate;
use pantau::i18n::Lang;
use pantau::tui::action::{Command, Screen};
use pantau::tui::app::StagePart;
use pantau::tui::keymap::Mode;
use pantau::tui::meeting::Page;
use pantau::view::View;
use ratatui::crossterm::event::KeyCode;
use tui_support::{Harness, demo_db};

fn feb9() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 2, 9).unwrap()
}

/// The app on a fresh demo database as of 9 Feb 2024 (the week after the press release).
fn at_feb9(size: (u16, u16), lang: Lang) -> (Harness, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    // A meeting held on 9 Feb 2024 (the as-of date is today, not a date ahead).
    let h = Harness::with(&db, size, lang, View::default(), |o| {
        o.as_of = Some(feb9());
        o.today = feb9();
    });
    (h, dir)
}

#[test]
fn the_campaign_figures_come_from_the_data() {
    let (mut h, _dir) = at_feb9((80, 24), Lang::En);
    let c = &h.app.counts().unwrap().campaign;
    assert_eq!(c.cases, 22, "the campaign stage as of 9 Feb 2024");
    assert_eq!(
        c.activities.total(),
        7120,
        "the weekly recap up to the week of 5 Feb"
    );
    let in_pekan: i64 = c.pekan.pekan.iter().map(|p| p.cases).sum();
    assert_eq!(in_pekan + c.pekan.outside, 22);
    assert_eq!(c.regions.iter().map(|r| r.cases).sum::<i64>(), 22);
    assert_eq!(c.pekan.pekan.len(), 10);
    assert_eq!(
        c.pekan.pekan.first().map(|p| p.pekan.starts),
        NaiveDate::from_ymd_opt(2023, 11, 28),
        "pekan 1 starts on the campaign's first day, as the releases count"
    );
    assert_eq!(
        c.pekan.pekan.last().map(|p| p.activities_cumulative),
        Some(7120),
        "the activities since the campaign began"
    );
    h.press(KeyCode::Char('3'));
    h.press(KeyCode::Right);
    assert_eq!(h.app.stage_part(), StagePart::Weeks);
    let screen = h.screen();
    assert!(
        screen.contains("22 cases in the campaign stage, out of 7,120 campaign activities"),
        "{screen}"
    );
    h.press(KeyCode::Char('L'));
    assert!(
        h.screen()
            .contains("22 kasus pada tahapan kampanye, dari 7.120 kegiatan kampanye"),
        "{}",
        h.screen()
    );
}

#[test]
fn a_pekan_or_a_region_of_the_campaign_drills_down_to_its_cases() {
    let (mut h, _dir) = at_feb9((80, 24), Lang::En);
    h.press(KeyCode::Char('3'));
    h.press(KeyCode::Right);
    let screen = h.screen();
    assert!(screen.contains("Week 1 (28 Nov – 4 Dec 2023)"), "{screen}");
    // Pekan 9 runs from 23 to 29 Jan 2024.
    for _ in 0..8 {
        h.press(KeyCode::Down);
    }
    let pekan = h.app.counts().unwrap().campaign.pekan.pekan[8].clone();
    assert_eq!(
        pekan.pekan.starts,
        NaiveDate::from_ymd_opt(2024, 1, 23).unwrap()
    );
    assert!(pekan.cases > 0, "the demo has campaign cases in pekan 9");
    let screen = h.screen();
    assert!(
        screen.contains("Week 9 (23–29 Jan 2024)"),
        "the selected pekan's figures\n{screen}"
    );
    h.press(KeyCode::Enter);
    assert_eq!(h.app.screen(), Screen::Cases);
    assert_eq!(h.app.view_spec(), "stage:kampanye pekan:9");
    assert_eq!(
        h.app.counts().unwrap().headline.total,
        pekan.cases,
        "the list holds the pekan's campaign cases"
    );
    assert!(
        h.screen().contains("pekan:9"),
        "the breadcrumb names it\n{}",
        h.screen()
    );
    h.press(KeyCode::Esc);
    assert_eq!(
        h.app.screen(),
        Screen::Stages,
        "back where the drill-down began"
    );
    h.press(KeyCode::Right);
    assert_eq!(h.app.stage_part(), StagePart::Regions);
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Enter);
    assert_eq!(h.app.view_spec(), "region:balikpapan stage:kampanye");
    assert_eq!(h.app.counts().unwrap().headline.total, 8);
}

#[test]
fn a_pekan_drilled_into_keeps_the_views_own_terms() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let reference = pantau::domain::Reference::embedded();
    let view = pantau::view::parse("region:balikpapan", &reference).unwrap();
    let mut h = Harness::with(&db, (120, 40), Lang::Id, view, |o| {
        o.as_of = Some(feb9());
        o.today = feb9();
    });
    h.press(KeyCode::Char('3'));
    h.press(KeyCode::Right);
    for _ in 0..5 {
        h.press(KeyCode::Down);
    }
    let pekan = h.app.counts().unwrap().campaign.pekan.pekan[5].clone();
    assert_eq!(pekan.pekan.number, 6);
    let screen = h.screen();
    for needed in [
        "Pekan ke-6 (2–8 Jan 2024)",
        "Kumulatif: sejak 28 November 2023",
    ] {
        assert!(screen.contains(needed), "{needed}\n{screen}");
    }
    h.press(KeyCode::Enter);
    assert_eq!(
        h.app.view_spec(),
        "wilayah:balikpapan tahapan:kampanye pekan:6",
        "an Indonesian screen writes the view with Indonesian keys"
    );
    assert_eq!(h.app.counts().unwrap().headline.total, pekan.cases);
    assert!(
        pekan.cases > 0,
        "Balikpapan temuan in pekan 6, as the release reports"
    );
}

#[test]
fn the_map_moves_between_tiles_by_direction_and_drills_down() {
    let (mut h, _dir) = at_feb9((80, 24), Lang::En);
    h.press(KeyCode::Char('4'));
    assert_eq!(h.app.screen(), Screen::Map);
    assert_eq!(h.app.mode(), Mode::Screen(Screen::Map));
    assert_eq!(h.app.map_region(), Some("64.03"), "the first tile: Berau");
    h.press(KeyCode::Down);
    assert_eq!(h.app.map_region(), Some("64.08"), "Kutim under Berau");
    h.press(KeyCode::Down);
    h.press(KeyCode::Right);
    assert_eq!(h.app.map_region(), Some("64.74"), "Bontang on the coast");
    h.press(KeyCode::Down);
    assert_eq!(h.app.map_region(), Some("64.72"), "Samarinda");
    h.press(KeyCode::Down);
    assert_eq!(h.app.map_region(), Some("64.71"), "Balikpapan");
    // Enter opens the region's kecamatan, ranked, on the map screen; Esc climbs back.
    h.press(KeyCode::Enter);
    assert_eq!(h.app.view_spec(), "region:balikpapan");
    assert_eq!(h.app.screen(), Screen::Map);
    assert!(h.screen().contains("cases by kecamatan"), "{}", h.screen());
    h.press(KeyCode::Esc);
    assert_eq!(h.app.screen(), Screen::Map);
    assert_eq!(
        h.app.map_region(),
        Some("64.71"),
        "Balikpapan still selected"
    );
    let screen = h.screen();
    for name in [
        "Berau",
        "Kutim",
        "Mahulu",
        "Kubar",
        "Kukar",
        "Bontang",
        "Samarinda",
    ] {
        assert!(screen.contains(name), "{name} is on the map:\n{screen}");
    }
}

#[test]
fn presenter_mode_only_navigates_and_turns_its_pages_while_no_key_is_pressed() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let mut h = Harness::with(&db, (80, 24), Lang::Id, View::default(), |o| {
        o.present = true;
        o.cycle = Some(chrono::Duration::seconds(20));
    });
    assert_eq!(h.app.mode(), Mode::Present);
    assert_eq!(h.app.page(), Some(Page::Dashboard));
    let start = tui_support::clock();
    let tick = |h: &mut Harness, s: i64| {
        h.dispatch(pantau::tui::action::Action::Tick(
            start + chrono::Duration::seconds(s),
        ))
    };
    tick(&mut h, 19);
    assert_eq!(h.app.page(), Some(Page::Dashboard));
    tick(&mut h, 20);
    assert_eq!(h.app.page(), Some(Page::Campaign));
    tick(&mut h, 30);
    h.press(KeyCode::Down);
    tick(&mut h, 45);
    assert_eq!(
        h.app.page(),
        Some(Page::Campaign),
        "a key at 30 s holds the page"
    );
    tick(&mut h, 50);
    assert_eq!(h.app.page(), Some(Page::Map));
    assert_eq!(h.app.screen(), Screen::Map);
    h.press(KeyCode::Char('/'));
    h.press(KeyCode::Char('b'));
    assert!(
        h.app.filter().is_none() && h.app.baseline().is_none(),
        "navigation only"
    );
    h.press(KeyCode::Tab);
    assert_eq!(h.app.page(), Some(Page::Stages));
    h.press(KeyCode::Esc);
    assert!(!h.app.is_presenting());
    assert_eq!(
        h.app.mode(),
        Mode::Screen(Screen::Dashboard),
        "back where it started"
    );
}

#[test]
fn snapshots_at_80x24() {
    let (mut h, _dir) = at_feb9((80, 24), Lang::Id);
    h.press(KeyCode::Char('3'));
    for _ in 0..6 {
        h.press(KeyCode::Down);
    }
    insta::assert_snapshot!("stages_timeline_80x24", h.screen());
    h.press(KeyCode::Right);
    insta::assert_snapshot!("stages_campaign_80x24", h.screen());
    h.press(KeyCode::Char('4'));
    insta::assert_snapshot!("map_80x24", h.screen());
    h.run(Command::TogglePresent);
    insta::assert_snapshot!("present_map_80x24", h.screen());
    h.press(KeyCode::Tab);
    insta::assert_snapshot!("present_stages_80x24", h.screen());
    h.press(KeyCode::Tab);
    insta::assert_snapshot!("present_dashboard_80x24", h.screen());
    h.press(KeyCode::Tab);
    insta::assert_snapshot!("present_campaign_80x24", h.screen());
}

#[test]
fn snapshots_at_160x48() {
    let (mut h, _dir) = at_feb9((160, 48), Lang::En);
    h.press(KeyCode::Char('3'));
    h.press(KeyCode::Right);
    insta::assert_snapshot!("stages_160x48", h.screen());
    h.press(KeyCode::Char('4'));
    insta::assert_snapshot!("map_160x48", h.screen());
    h.run(Command::TogglePresent);
    insta::assert_snapshot!("present_map_160x48", h.screen());
    h.press(KeyCode::Tab);
    insta::assert_snapshot!("present_stages_160x48", h.screen());
    h.press(KeyCode::Tab);
    insta::assert_snapshot!("present_dashboard_160x48", h.screen());
    h.press(KeyCode::Tab);
    insta::assert_snapshot!("present_campaign_160x48", h.screen());
}
