//! The screens below and beyond the kabupaten/kota: the drill from a region to its kecamatan and
//! to their cases and back, on the dashboard and the map; another province's and a national
//! database's dashboard and map.

use pantau::domain::Reference;
use pantau::i18n::Lang;
use pantau::tui::action::{Action, Command, Screen};
use pantau::view::View;
use ratatui::crossterm::event::KeyCode;

use crate::tui_support::{Harness, province_reference, tree_db};

/// Row `n` of the screen, without the quotes the test backend writes around it.
fn row(h: &Harness, n: usize) -> String {
    let screen = h.screen();
    let line = screen.lines().nth(n).unwrap_or_default();
    line.trim_matches('"').to_string()
}

/// The selected row of the dashboard's table, as drawn.
fn cursor_row(h: &Harness) -> String {
    h.screen()
        .lines()
        .map(|l| l.trim_matches('"').to_string())
        .find(|l| l.starts_with('›'))
        .unwrap_or_default()
}

/// The demo's dashboard with the cursor on Samarinda (the third row).
fn on_samarinda() -> Harness {
    let mut h = Harness::demo((80, 24), Lang::En);
    h.press(KeyCode::Down);
    h.press(KeyCode::Down);
    assert!(cursor_row(&h).starts_with("› Samarinda"), "{}", h.screen());
    h
}

#[test]
fn enter_on_a_region_opens_its_kecamatan_table_with_the_path() {
    let mut h = on_samarinda();
    h.press(KeyCode::Enter);
    assert_eq!(
        h.app.screen(),
        Screen::Dashboard,
        "the table stays on its screen"
    );
    let path = row(&h, 2);
    assert!(
        path.starts_with(" Kaltim › Samarinda ") && path.trim_end().ends_with("Esc back to Kaltim"),
        "{path}"
    );
    let screen = h.screen();
    for kecamatan in [
        "Samarinda Ulu",
        "Sungai Kunjang",
        "Palaran",
        "(no kecamatan)",
    ] {
        assert!(screen.contains(kecamatan), "{kecamatan}\n{screen}");
    }
    assert!(
        h.app.view_spec().contains("samarinda"),
        "the row's term is part of the view: {}",
        h.app.view_spec()
    );
    insta::assert_snapshot!("samarinda_kecamatan_80x24", screen);
}

#[test]
fn the_kecamatan_table_adds_up_to_the_row_drilled() {
    let mut h = on_samarinda();
    let before = h.app.counts().map(|c| c.regions[2].figures);
    h.press(KeyCode::Enter);
    let counts = h.app.counts().expect("the kecamatan table came");
    let mut sum = pantau::engine::Headline::default();
    for r in &counts.regions {
        sum += r.figures;
    }
    assert_eq!(Some(sum), before, "rows add up to Samarinda's");
    assert_eq!(
        Some(counts.headline),
        before,
        "and the headline is Samarinda's"
    );
}

#[test]
fn enter_enter_esc_esc_climbs_back_to_where_it_started() {
    let mut h = on_samarinda();
    let start = h.screen();
    h.press(KeyCode::Enter);
    h.press(KeyCode::Down);
    let table = h.screen();
    let kecamatan = cursor_row(&h);
    h.press(KeyCode::Enter);
    assert_eq!(h.app.screen(), Screen::Cases);
    let name: String = kecamatan.chars().skip(2).collect();
    let name = name
        .split("  ")
        .next()
        .unwrap_or_default()
        .trim()
        .to_string();
    let path = row(&h, 2);
    assert!(
        path.starts_with(&format!(" Kaltim › Samarinda › {name} › Cases")),
        "{path}"
    );
    h.press(KeyCode::Esc);
    assert_eq!(h.app.screen(), Screen::Dashboard);
    assert_eq!(
        h.screen(),
        table,
        "back on the kecamatan table, the same row selected"
    );
    h.press(KeyCode::Esc);
    assert_eq!(h.screen(), start, "back on the regions, Samarinda selected");
    assert!(!h.app.shows_path());
}

#[test]
fn the_map_drills_into_a_regions_kecamatan_and_esc_climbs() {
    let mut h = Harness::demo((80, 24), Lang::Id);
    h.press(KeyCode::Char('4'));
    let tiles = h.screen();
    // From the first tile down to Samarinda, the way a person would.
    let mut moves = 0;
    while !row(&h, 2).contains("Samarinda") && !h.screen().contains("› Samarinda") && moves < 12 {
        h.press(KeyCode::Down);
        moves += 1;
    }
    let at = h.screen();
    h.press(KeyCode::Enter);
    let screen = h.screen();
    assert!(screen.contains("kasus menurut kecamatan"), "{screen}");
    assert!(row(&h, 2).starts_with(" Kaltim › "), "{screen}");
    assert!(screen.contains("(tanpa kecamatan)"), "{screen}");
    h.press(KeyCode::Esc);
    assert_eq!(h.screen(), at, "the tiles again, the same tile selected");
    assert_ne!(tiles, "");
}

#[test]
fn a_view_typed_afresh_leaves_the_kecamatan_table() {
    let mut h = on_samarinda();
    h.press(KeyCode::Enter);
    h.press(KeyCode::Char('/'));
    h.press_with(
        KeyCode::Char('u'),
        ratatui::crossterm::event::KeyModifiers::CONTROL,
    );
    h.press(KeyCode::Enter);
    assert!(!h.app.shows_path());
    assert!(h.screen().contains("Balikpapan"), "{}", h.screen());
}

/// The app on a database written for `reference`, at `size`.
fn tree_app(reference: &Reference, size: (u16, u16)) -> (Harness, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let db = tree_db(dir.path(), reference, "tree.db");
    (Harness::on(&db, size, Lang::En, View::default()), dir)
}

#[test]
fn a_province_with_27_regions_scrolls_on_every_screen_without_a_fault() {
    let jabar = province_reference("32");
    for size in [(80, 24), (200, 50), (40, 12)] {
        let (mut h, _dir) = tree_app(&jabar, size);
        for screen in ['1', '2', '3', '4'] {
            h.press(KeyCode::Char(screen));
            for _ in 0..3 {
                h.press(KeyCode::Right);
            }
            h.run(Command::Bottom);
            h.run(Command::Top);
            h.run(Command::PageDown);
            let s = h.screen();
            if size.0 < 80 {
                assert!(s.contains("too small"), "{s}");
            }
        }
        h.press(KeyCode::Char('1'));
        h.press(KeyCode::Left);
        h.press(KeyCode::Left);
        h.press(KeyCode::Left);
        h.run(Command::Bottom);
        h.run(Command::Up);
        if size.0 >= 80 {
            let s = h.screen();
            assert!(s.contains("› Kota Banjar") || s.contains("› Banjar"), "{s}");
            assert!(s.contains("Total"), "the total stays: {s}");
        }
    }
}

#[test]
fn another_provinces_map_is_a_ranked_list_that_drills() {
    let (mut h, _dir) = tree_app(&province_reference("32"), (80, 24));
    h.press(KeyCode::Char('4'));
    let screen = h.screen();
    assert!(
        screen.contains("Jawa Barat · cases by handling office"),
        "{screen}"
    );
    let counts: Vec<i64> = screen
        .lines()
        .skip(3)
        .filter_map(|l| {
            let l = l.trim_matches('"');
            l.get(2..)?
                .split("  ")
                .filter(|s| !s.trim().is_empty())
                .nth(1)?
                .trim()
                .parse()
                .ok()
        })
        .collect();
    assert!(counts.len() > 10, "{screen}");
    assert!(
        counts.windows(2).all(|w| w[0] >= w[1]),
        "the most cases first: {counts:?}\n{screen}"
    );
    h.press(KeyCode::Enter);
    assert!(h.app.shows_path(), "{}", h.screen());
    assert!(h.screen().contains("cases by kecamatan"), "{}", h.screen());
    h.press(KeyCode::Esc);
    assert_eq!(h.screen(), screen);
}

#[test]
fn a_national_dashboard_has_a_row_per_province() {
    let (mut h, _dir) = tree_app(&Reference::national(), (80, 24));
    let screen = h.screen();
    insta::assert_snapshot!("national_dashboard_80x24", screen);
    let rows = h.app.counts().map_or(0, |c| c.regions.len());
    assert_eq!(rows, 39, "Bawaslu RI and 38 provinces");
    // Aceh, then its kabupaten/kota, then one of them's kecamatan.
    h.press(KeyCode::Down);
    let screen = h.screen();
    h.press(KeyCode::Enter);
    assert!(
        row(&h, 2).starts_with(" Bawaslu RI › Aceh"),
        "{}",
        h.screen()
    );
    h.press(KeyCode::Down);
    h.press(KeyCode::Enter);
    assert!(h.screen().contains("Kecamatan"), "{}", h.screen());
    h.dispatch(Action::Command(Command::Back));
    h.wait_idle();
    h.dispatch(Action::Command(Command::Back));
    h.wait_idle();
    assert_eq!(h.screen(), screen);
}

#[test]
fn the_kecamatan_table_follows_another_process_writing() {
    let mut h = on_samarinda();
    h.press(KeyCode::Enter);
    let none = |h: &Harness| {
        h.app
            .counts()
            .and_then(|c| c.regions.iter().find(|r| r.code == "NONE"))
            .map(|r| r.figures.total)
    };
    let before = none(&h).expect("the row of cases naming no kecamatan");
    let db = h.db.clone();
    crate::tui_support::insert_case(
        &db,
        "901/TM/23.06/II/2024",
        "64.72",
        "KAMPANYE",
        crate::tui_support::feb2(),
    );
    h.wait_for_change();
    assert_eq!(none(&h), Some(before + 1), "{}", h.screen());
    assert!(
        row(&h, 3).contains("Kecamatan"),
        "still the kecamatan table"
    );
}
