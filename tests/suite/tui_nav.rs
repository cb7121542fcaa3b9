//! Where Esc leads and where the as-of date comes from, through the app and the real worker: the
//! path of drill-downs drawn under the tabs, Esc undoing the last drill-down only, a view's `per:`
//! moving the screen's as-of date and saying so.

use crate::tui_support;

use chrono::NaiveDate;
use pantau::config::SavedView;
use pantau::i18n::Lang;
use pantau::tui::action::{Action, Screen};
use pantau::view::View;
use ratatui::crossterm::event::KeyCode;
use tui_support::{Harness, clock, feb2};

/// Row `n` of the screen, without the quotes the test backend writes around it.
fn row(h: &Harness, n: usize) -> String {
    let screen = h.screen();
    let line = screen.lines().nth(n).unwrap_or_default();
    line.trim_matches('"').to_string()
}

/// The line under the tabs (the path's, while there is one).
fn third_line(h: &Harness) -> String {
    row(h, 2)
}

fn footer(h: &Harness) -> String {
    let (_, rows) = h.app.size();
    row(h, usize::from(rows) - 1)
}

fn total(h: &Harness) -> i64 {
    h.app.counts().map_or(-1, |c| c.headline.total)
}

/// Replaces the view through the editor, as typed.
fn type_view(h: &mut Harness, spec: &str) {
    h.apply_view(spec);
}

#[test]
fn the_path_shows_where_esc_leads_and_esc_undoes_the_last_drill_down_only() {
    let mut h = Harness::demo((80, 24), Lang::Id);
    assert!(!h.app.shows_path());
    // Balikpapan's kecamatan, then their total: Balikpapan's cases.
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Enter);
    h.press(KeyCode::Char('G'));
    h.press(KeyCode::Enter);
    let path = third_line(&h);
    assert!(
        path.starts_with(" Kaltim › Balikpapan › Kasus")
            && path.trim_end().ends_with("Esc kembali ke Balikpapan"),
        "{path}"
    );
    insta::assert_snapshot!("drilled_cases_80x24_id", h.screen());
    assert!(
        footer(&h).contains("Esc kembali"),
        "a drill to go back from: {}",
        footer(&h)
    );
    assert_eq!(
        h.app.case_rows(),
        16,
        "the path takes a row from the list, not from the tabs"
    );

    // Switching screens is not a drill-down: the path says where Esc still leads.
    h.press(KeyCode::Char('4'));
    let path = third_line(&h);
    assert!(
        path.starts_with(" Kaltim › Balikpapan › Peta")
            && path.contains("Esc kembali ke Balikpapan"),
        "{path}"
    );
    // Esc climbs to Balikpapan's kecamatan where the person is: the map shows the same level
    // of the region tree as the dashboard it was drilled on.
    h.press(KeyCode::Esc);
    assert_eq!(h.app.screen(), Screen::Map);
    assert_eq!(h.app.view_spec(), "wilayah:balikpapan");
    h.press(KeyCode::Esc);
    assert_eq!(h.app.screen(), Screen::Map);
    h.press(KeyCode::Char('1'));
    assert_eq!((h.app.view_spec().as_str(), total(&h)), ("", 47));
    assert!(!h.app.shows_path());
    assert!(third_line(&h).starts_with("▸ Wilayah"), "{}", h.screen());

    // Nothing to undo: Esc stays where it is and says so.
    h.press(KeyCode::Char('3'));
    h.press(KeyCode::Esc);
    assert_eq!(
        h.app.screen(),
        Screen::Stages,
        "Esc does not undo Tab or 1–4"
    );
    assert!(
        footer(&h).contains("Esc: tidak ada rinci untuk dibatalkan"),
        "{}",
        footer(&h)
    );
    h.press(KeyCode::Esc);
    assert!(
        !footer(&h).contains("tidak ada rinci"),
        "a second Esc clears the line"
    );
}

#[test]
fn two_drill_downs_make_a_path_of_two_steps_walked_back_one_at_a_time() {
    let mut h = Harness::demo((80, 24), Lang::En);
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Enter);
    h.press(KeyCode::Char('G'));
    h.press(KeyCode::Enter);
    h.press(KeyCode::Char('1'));
    h.press(KeyCode::Right);
    // Balikpapan's stages: DATA_PEMILIH, PENCALONAN, KAMPANYE, …
    for _ in 0..2 {
        h.press(KeyCode::Down);
    }
    h.press(KeyCode::Enter);
    assert_eq!(h.app.view_spec(), "region:balikpapan stage:kampanye");
    let path = third_line(&h);
    assert!(
        path.starts_with(" Kaltim › Balikpapan › Dashboard › stage:kampanye › Cases"),
        "{path}"
    );
    insta::assert_snapshot!("drilled_twice_cases_80x24_en", h.screen());
    h.press(KeyCode::Esc);
    assert_eq!(h.app.screen(), Screen::Dashboard);
    assert_eq!(h.app.view_spec(), "region:balikpapan");
    assert!(
        third_line(&h).starts_with(" Kaltim › Balikpapan › Dashboard"),
        "{}",
        third_line(&h)
    );
    h.press(KeyCode::Esc);
    assert_eq!(h.app.screen(), Screen::Dashboard, "Balikpapan's kecamatan");
    assert_eq!(h.app.view_spec(), "region:balikpapan");
    h.press(KeyCode::Esc);
    assert_eq!(h.app.view_spec(), "");
    assert!(!h.app.shows_path());
}

#[test]
fn a_view_typed_or_chosen_starts_afresh_with_nothing_to_undo() {
    let dir = tempfile::tempdir().unwrap();
    let db = tui_support::demo_db(dir.path());
    let mut h = Harness::with(&db, (80, 24), Lang::En, View::default(), |o| {
        o.prefs.views = vec![SavedView {
            name: "kukar".into(),
            spec: "region:kukar".into(),
        }];
    });
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Enter);
    h.press(KeyCode::Char('G'));
    h.press(KeyCode::Enter);
    assert!(h.app.shows_path());
    // The same view applied again changes nothing, the path included.
    h.press(KeyCode::Char('/'));
    h.press(KeyCode::Enter);
    assert!(h.app.shows_path());
    type_view(&mut h, "region:balikpapan is:open");
    assert!(!h.app.shows_path(), "{}", h.screen());
    h.press(KeyCode::Esc);
    assert_eq!(h.app.screen(), Screen::Cases);
    assert_eq!(h.app.view_spec(), "region:balikpapan is:open");
    assert!(footer(&h).contains("Esc: no drill-down to undo"));

    h.press(KeyCode::Char('4'));
    h.press(KeyCode::Enter);
    assert!(h.app.shows_path());
    h.press(KeyCode::Char('v'));
    h.press(KeyCode::Enter);
    assert_eq!(h.app.view_spec(), "region:kukar");
    assert!(!h.app.shows_path(), "a saved view starts afresh too");
}

#[test]
fn per_in_a_view_moves_the_as_of_date_and_says_so() {
    let jan15 = NaiveDate::from_ymd_opt(2024, 1, 15).unwrap();
    let mut h = Harness::demo((80, 24), Lang::Id);
    type_view(&mut h, "wilayah:kukar per:2024-01-15");
    assert_eq!(h.app.as_of(), jan15);
    let screen = h.screen();
    assert!(
        footer(&h).contains("Tanggal tampilan sekarang 15/01/2024 (dari per:)"),
        "{screen}"
    );
    let title = screen.lines().next().unwrap_or_default();
    assert!(title.contains("per 15/01/2024"), "{title}");
    assert_eq!(
        h.app.view_spec(),
        "wilayah:kukar",
        "the title bar is the one place the date shows"
    );
    assert_eq!(h.app.canonical_spec(), "wilayah:kukar per:2024-01-15");

    // A later view keeps the date, without a word; [ moves it from there.
    h.dispatch(Action::Tick(clock() + chrono::Duration::seconds(10)));
    type_view(&mut h, "is:terbuka");
    assert_eq!(h.app.as_of(), jan15);
    assert!(!footer(&h).contains("Tanggal tampilan"), "{}", footer(&h));
    h.press(KeyCode::Char('['));
    assert_eq!(h.app.as_of(), jan15.pred_opt().unwrap());

    // A relative per: counts from today; per:today follows today again.
    type_view(&mut h, "per:-7d");
    assert_eq!(h.app.as_of(), NaiveDate::from_ymd_opt(2024, 1, 26).unwrap());
    assert!(
        footer(&h).contains("Tanggal tampilan sekarang 26/01/2024 (dari per:)"),
        "{}",
        footer(&h)
    );
    h.press(KeyCode::Char('L'));
    type_view(&mut h, "asof:today");
    assert_eq!(h.app.as_of(), feb2());
    assert!(
        footer(&h).contains("The as-of date is now 02/02/2024 (from asof:)"),
        "{}",
        footer(&h)
    );
    assert_eq!(h.app.canonical_spec(), "", "today's date is no fixed date");
}

#[test]
fn a_saved_view_with_per_says_that_it_moved_the_date() {
    let dir = tempfile::tempdir().unwrap();
    let db = tui_support::demo_db(dir.path());
    let mut h = Harness::with(&db, (80, 24), Lang::En, View::default(), |o| {
        o.prefs.views = vec![SavedView {
            name: "rapat".into(),
            spec: "stage:kampanye asof:2024-01-15".into(),
        }];
    });
    h.press(KeyCode::Char('v'));
    h.press(KeyCode::Enter);
    assert_eq!(h.app.as_of(), NaiveDate::from_ymd_opt(2024, 1, 15).unwrap());
    assert!(
        footer(&h).contains("@rapat · The as-of date is now 15/01/2024 (from asof:)"),
        "{}",
        footer(&h)
    );
}

#[test]
fn the_footer_offers_only_keys_that_do_something_where_the_person_is() {
    let mut h = Harness::demo((80, 24), Lang::Id);
    h.press(KeyCode::Char('2'));
    assert!(
        !footer(&h).contains("Esc"),
        "nothing to go back to: {}",
        footer(&h)
    );
    h.press(KeyCode::Char('4'));
    assert!(footer(&h).contains("←→ petak"), "{}", footer(&h));
    // A region's kecamatan are a ranked list: up and down only.
    h.press(KeyCode::Enter);
    assert!(third_line(&h).contains("Esc kembali"), "{}", h.screen());
    assert!(!footer(&h).contains("petak"), "{}", footer(&h));
    h.press(KeyCode::Char('2'));
    assert!(footer(&h).contains("Esc kembali"), "{}", footer(&h));
}
