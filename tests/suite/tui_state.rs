//! The app driven by keys and commands through `App::update`, with answers from the real worker
//! (`wait_idle` waits on them): what each key changes — screen, view, cursor, language, date, marks.

use crate::tui_support;

use chrono::Duration;
use pantau::i18n::Lang;
use pantau::tui::action::{Action, Command, Screen};
use pantau::tui::app::{Overlay, Panel};
use pantau::tui::keymap::Mode;
use pantau::view::View;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use tui_support::{Harness, clock, feb2, insert_case};

fn total(h: &Harness) -> i64 {
    h.app.counts().map(|c| c.headline.total).unwrap_or(-1)
}

fn stage_count(h: &Harness, code: &str) -> i64 {
    h.app
        .counts()
        .and_then(|c| c.stages.iter().find(|g| g.key == code))
        .map_or(-1, |g| g.count)
}

#[test]
fn it_opens_on_the_dashboard_with_the_published_figures() {
    let h = Harness::demo((80, 24), Lang::Id);
    assert_eq!(h.app.screen(), Screen::Dashboard);
    assert_eq!(h.app.mode(), Mode::Screen(Screen::Dashboard));
    assert_eq!(total(&h), 47);
    assert_eq!(stage_count(&h, "KAMPANYE"), 22);
    assert_eq!(h.app.as_of(), feb2());
    assert!(!h.app.is_busy());
}

#[test]
fn enter_on_a_region_lists_its_cases_and_esc_comes_back() {
    let mut h = Harness::demo((80, 24), Lang::Id);
    h.press(KeyCode::Char('j'));
    assert_eq!(h.app.dashboard_cursor(), (Panel::Regions, 1));
    // Its kecamatan first, then the total of them: every case of Balikpapan.
    h.press(KeyCode::Enter);
    assert_eq!(h.app.screen(), Screen::Dashboard);
    assert_eq!(total(&h), 14);
    h.press(KeyCode::Char('G'));
    h.press(KeyCode::Enter);
    assert_eq!(h.app.screen(), Screen::Cases);
    assert_eq!(
        h.app.view_spec(),
        "wilayah:balikpapan",
        "keys in the interface language"
    );
    assert_eq!(total(&h), 14);
    let rows = h.app.cases().rows();
    assert_eq!(rows.len(), 14);
    assert!(rows.iter().all(|r| r.region == "64.71"));
    assert_eq!(h.app.cases().position(), Some(1));

    h.press(KeyCode::Esc);
    assert_eq!(h.app.screen(), Screen::Dashboard);
    assert_eq!(h.app.view_spec(), "wilayah:balikpapan");
    h.press(KeyCode::Esc);
    assert_eq!(h.app.view_spec(), "");
    assert_eq!(total(&h), 47);
    assert_eq!(
        h.app.dashboard_cursor(),
        (Panel::Regions, 1),
        "the cursor is where it was"
    );
}

#[test]
fn a_drill_down_replaces_the_region_and_keeps_the_rest_of_the_view() {
    let dir = tempfile::tempdir().unwrap();
    let db = tui_support::demo_db(dir.path());
    let reference = pantau::domain::Reference::embedded();
    let view = pantau::view::parse("wilayah:samarinda tahapan:kampanye", &reference).unwrap();
    let mut h = Harness::on(&db, (80, 24), Lang::Id, view);
    assert_eq!(total(&h), 4);
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Enter);
    assert_eq!(h.app.view_spec(), "wilayah:balikpapan tahapan:kampanye");
    assert_eq!(total(&h), 8);
    h.press(KeyCode::Esc);
    assert_eq!(h.app.view_spec(), "wilayah:samarinda tahapan:kampanye");
}

#[test]
fn the_panels_drill_into_a_stage_a_type_or_a_status() {
    let mut h = Harness::demo((80, 24), Lang::En);
    h.press(KeyCode::Right);
    assert_eq!(h.app.dashboard_cursor().0, Panel::Stages);
    for _ in 0..3 {
        h.press(KeyCode::Down);
    }
    h.press(KeyCode::Enter);
    assert_eq!(h.app.view_spec(), "stage:kampanye");
    assert_eq!(total(&h), 22);
    assert_eq!(h.app.screen(), Screen::Cases);
    h.press(KeyCode::Esc);
    h.press(KeyCode::Right);
    assert_eq!(h.app.dashboard_cursor(), (Panel::Types, 0));
    h.press(KeyCode::Enter);
    assert_eq!(h.app.view_spec(), "type:administrasi");
    assert_eq!(total(&h), 13);
    h.press(KeyCode::Esc);
    h.press(KeyCode::Char('l'));
    h.press(KeyCode::Enter);
    assert!(
        h.app.view_spec().starts_with("status:"),
        "{}",
        h.app.view_spec()
    );
    h.press(KeyCode::Esc);
    h.press(KeyCode::Char('l'));
    assert_eq!(
        h.app.dashboard_cursor().0,
        Panel::Regions,
        "the focus goes round"
    );
}

#[test]
fn the_view_editor_applies_reports_errors_restores_and_recalls() {
    let mut h = Harness::demo((80, 24), Lang::En);
    h.press(KeyCode::Char('/'));
    assert_eq!(h.app.mode(), Mode::Filter);
    assert_eq!(h.app.filter().map(|f| f.editor.text()), Some(""));
    h.type_text("wilayah:kukar");
    h.press(KeyCode::Enter);
    assert_eq!(h.app.mode(), Mode::Screen(Screen::Dashboard));
    assert_eq!(h.app.view_spec(), "region:kukar");
    assert_eq!(total(&h), 5);

    h.press(KeyCode::Char('/'));
    assert_eq!(
        h.app.filter().map(|f| f.editor.text()),
        Some("region:kukar"),
        "prefilled, canonical"
    );
    h.press_with(KeyCode::Char('u'), KeyModifiers::CONTROL);
    h.type_text("stage:kampanye regoin:kukar");
    h.press(KeyCode::Enter);
    let f = h.app.filter().expect("the editor stays open on an error");
    let e = f.error.as_ref().expect("with the error");
    assert_eq!(e.position(), 16);
    assert_eq!(e.suggestion(), Some("\"region\""));
    assert_eq!(f.editor.cursor(), 15, "the cursor goes to the mistake");
    assert_eq!(h.app.view_spec(), "region:kukar", "the view did not change");
    h.press(KeyCode::Backspace);
    assert!(
        h.app.filter().is_some_and(|f| f.error.is_none()),
        "editing clears the error"
    );

    h.press(KeyCode::Esc);
    assert!(h.app.filter().is_none());
    assert_eq!(
        h.app.view_spec(),
        "region:kukar",
        "Esc keeps the previous view"
    );

    h.press(KeyCode::Char('/'));
    h.press_with(KeyCode::Char('u'), KeyModifiers::CONTROL);
    h.type_text("is:open");
    h.press(KeyCode::Enter);
    assert_eq!(h.app.view_spec(), "is:open");
    h.press(KeyCode::Char('/'));
    h.press(KeyCode::Up);
    assert_eq!(h.app.filter().map(|f| f.editor.text()), Some("is:open"));
    h.press(KeyCode::Up);
    assert_eq!(
        h.app.filter().map(|f| f.editor.text()),
        Some("region:kukar")
    );
    h.press(KeyCode::Down);
    h.press(KeyCode::Down);
    assert_eq!(
        h.app.filter().map(|f| f.editor.text()),
        Some("is:open"),
        "back to what was typed"
    );
    h.press(KeyCode::Home);
    h.press(KeyCode::Delete);
    h.press(KeyCode::End);
    h.press(KeyCode::Left);
    h.press(KeyCode::Char('X'));
    assert_eq!(
        h.app.filter().map(|f| (f.editor.text(), f.editor.cursor())),
        Some(("s:opeXn", 6))
    );
    h.press(KeyCode::Char('q'));
    assert!(!h.app.should_quit(), "q is typed in the editor");
}

#[test]
fn l_switches_the_language_of_every_string() {
    let mut h = Harness::demo((80, 24), Lang::Id);
    assert!(h.screen().contains("Ringkasan") && h.screen().contains("Jumlah"));
    h.press(KeyCode::Char('L'));
    assert_eq!(h.app.lang(), Lang::En);
    let screen = h.screen();
    assert!(
        screen.contains("Dashboard")
            && screen.contains("Total")
            && screen.contains("Province (Kaltim)"),
        "{screen}"
    );
    assert!(screen.contains("Temuan"), "domain terms stay Indonesian");
}

#[test]
fn brackets_move_the_as_of_date_by_a_day() {
    let mut h = Harness::demo((80, 24), Lang::Id);
    h.press(KeyCode::Char('['));
    assert_eq!(h.app.as_of(), feb2() - Duration::days(1));
    assert!(h.screen().contains("per 01/02/2024"));
    h.press(KeyCode::Char(']'));
    assert!(
        !h.screen().contains("belum tiba"),
        "today is not the future: {}",
        h.screen()
    );
    h.press(KeyCode::Char(']'));
    assert_eq!(h.app.as_of(), feb2() + Duration::days(1));
    let past_today = h.screen();
    assert!(
        past_today.contains("per 03/02/2024 (belum tiba)"),
        "a date past today is marked: {past_today}"
    );
    assert!(
        past_today.contains("melewati hari ini"),
        "and said once: {past_today}"
    );
    assert!(
        h.app.marks().is_empty(),
        "a different date is not a change in the data"
    );
}

#[test]
fn the_title_bar_clock_moves_in_a_quiet_meeting() {
    let mut h = Harness::demo((80, 24), Lang::En);
    assert!(h.screen().contains("● live 14:32:05"), "{}", h.screen());
    h.dispatch(Action::Tick(clock() + Duration::seconds(42)));
    assert!(
        h.screen().contains("● live 14:32:47"),
        "no answer came, yet the clock moved: {}",
        h.screen()
    );
}

#[test]
fn tab_and_numbers_switch_screens() {
    let mut h = Harness::demo((80, 24), Lang::Id);
    h.press(KeyCode::Tab);
    assert_eq!(h.app.screen(), Screen::Cases);
    h.press(KeyCode::Tab);
    assert_eq!(h.app.screen(), Screen::Stages);
    h.press(KeyCode::Tab);
    assert_eq!(h.app.screen(), Screen::Map);
    h.press(KeyCode::Tab);
    assert_eq!(h.app.screen(), Screen::Dashboard);
    h.press(KeyCode::BackTab);
    assert_eq!(h.app.screen(), Screen::Map);
    h.press(KeyCode::Char('3'));
    assert_eq!(h.app.screen(), Screen::Stages);
    h.press(KeyCode::Char('4'));
    assert_eq!(h.app.screen(), Screen::Map);
    h.press(KeyCode::Char('2'));
    assert_eq!(h.app.screen(), Screen::Cases);
}

#[test]
fn the_stage_screen_drills_into_a_stage() {
    let mut h = Harness::demo((80, 24), Lang::Id);
    h.press(KeyCode::Char('3'));
    h.press(KeyCode::Char('G'));
    assert_eq!(h.app.stage_row(), 12);
    h.press(KeyCode::Char('g'));
    for _ in 0..6 {
        h.press(KeyCode::Char('j'));
    }
    h.press(KeyCode::Enter);
    assert_eq!(h.app.view_spec(), "tahapan:kampanye");
    assert_eq!(h.app.screen(), Screen::Cases);
    h.press(KeyCode::Esc);
    assert_eq!(h.app.screen(), Screen::Stages);
}

#[test]
fn enter_opens_a_case_and_help_over_it_comes_back_to_it() {
    let mut h = Harness::demo((80, 24), Lang::Id);
    h.press(KeyCode::Char('2'));
    h.press(KeyCode::Char('j'));
    let id = h.app.cases().selected_row().map(|r| r.id);
    h.press(KeyCode::Enter);
    assert_eq!(h.app.mode(), Mode::Detail);
    match h.app.overlay() {
        Some(Overlay::Detail {
            id: shown,
            detail: Some(d),
            ..
        }) => {
            assert_eq!(Some(*shown), id);
            assert!(!d.history.is_empty());
        }
        other => panic!("no detail: {other:?}"),
    }
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Char('?'));
    assert_eq!(h.app.mode(), Mode::Help);
    h.press(KeyCode::Esc);
    assert_eq!(
        h.app.mode(),
        Mode::Detail,
        "closing the help shows the case again"
    );
    h.press(KeyCode::Esc);
    assert_eq!(h.app.mode(), Mode::Screen(Screen::Cases));
    assert_eq!(h.app.cases().selected_row().map(|r| r.id), id);
}

#[test]
fn o_cycles_the_sort_and_shift_o_reverses_it() {
    let mut h = Harness::demo((80, 24), Lang::En);
    h.press(KeyCode::Char('2'));
    h.press(KeyCode::Char('o'));
    assert_eq!(
        h.app.view_spec(),
        "sort:region",
        "the column after the received date"
    );
    assert_eq!(
        h.app.cases().rows()[0].region,
        "64",
        "the provincial office comes first"
    );
    for _ in 0..5 {
        h.press(KeyCode::Char('o'));
    }
    assert_eq!(h.app.view_spec(), "sort:number");
    let first = h.app.cases().rows()[0].nomor.clone();
    h.press(KeyCode::Char('O'));
    assert_eq!(h.app.view_spec(), "sort:-number");
    let rows = h.app.cases().rows();
    assert!(rows[0].nomor > first, "{} then {first}", rows[0].nomor);
    assert!(h.screen().contains("Number ▼"));
}

#[test]
fn q_quits_at_once() {
    let mut h = Harness::demo((80, 24), Lang::Id);
    h.press(KeyCode::Char('2'));
    h.press(KeyCode::Char('q'));
    assert!(h.app.should_quit());
}

#[test]
fn counts_of_a_thousand_and_more_are_grouped_on_every_screen_as_the_language_writes_them() {
    let dir = tempfile::tempdir().unwrap();
    let db = tui_support::synthetic_db(dir.path(), 3000);
    for lang in [Lang::Id, Lang::En] {
        let mut h = Harness::on(&db, (80, 24), lang, View::default());
        let n = total(&h);
        assert!(n >= 1000, "{n}");
        let grouped = pantau::i18n::number(lang, n);
        let total_row = h
            .screen()
            .lines()
            .find(|l| {
                let label = if lang == Lang::Id { "Jumlah" } else { "Total" };
                l.trim_matches('"').trim_start().starts_with(label)
            })
            .map(str::to_string)
            .unwrap_or_default();
        assert!(
            total_row.contains(&grouped),
            "{grouped} in {total_row:?}\n{}",
            h.screen()
        );
        assert!(!total_row.contains(&n.to_string()), "{total_row:?}");
        h.press(KeyCode::Char('3'));
        assert!(h.screen().contains(&grouped), "stages: {}", h.screen());
        h.press(KeyCode::Char('4'));
        h.wait_idle();
        assert!(
            !h.screen().contains(&format!(" {n}")),
            "map: {}",
            h.screen()
        );
    }
}

#[test]
fn paging_through_many_cases_fetches_only_pages_around_the_cursor() {
    let dir = tempfile::tempdir().unwrap();
    let db = tui_support::synthetic_db(dir.path(), 3000);
    let mut h = Harness::on(&db, (80, 24), Lang::En, View::default());
    h.press(KeyCode::Char('2'));
    let n = total(&h) as usize;
    assert!(n > 1000, "{n}");
    let visible = h.app.case_rows();
    assert!(h.app.cases().rows().len() < 200, "only a page is fetched");

    h.press(KeyCode::Char('G'));
    assert_eq!(h.app.cases().position(), Some(n), "G goes to the last case");
    let grouped = pantau::i18n::number(Lang::En, n as i64);
    assert!(grouped.contains(','), "{grouped}");
    assert!(
        h.screen().contains(&format!("{grouped} of {grouped}")),
        "{}",
        h.screen()
    );
    h.press(KeyCode::PageUp);
    assert_eq!(h.app.cases().position(), Some(n - visible));
    h.press(KeyCode::Char('g'));
    assert_eq!(h.app.cases().position(), Some(1));

    let mut seen = Vec::new();
    for _ in 0..40 {
        h.press(KeyCode::PageDown);
        seen.push(h.app.cases().selected_row().map(|r| r.id));
        assert!(
            h.app.cases().rows().len() <= 4 * pantau::tui::cases::chunk(visible),
            "the window stays small"
        );
    }
    assert_eq!(h.app.cases().position(), Some(1 + 40 * visible));
    seen.dedup();
    assert_eq!(seen.len(), 40, "every page moved the cursor");
    for _ in 0..(visible + 3) {
        h.press(KeyCode::Char('k'));
    }
    assert_eq!(
        h.app.cases().position(),
        Some(1 + 40 * visible - visible - 3),
        "k walks back across page joins"
    );
}

#[test]
fn a_write_by_another_process_is_counted_marked_and_keeps_the_cursor() {
    let mut h = Harness::demo((80, 24), Lang::Id);
    h.press(KeyCode::Char('2'));
    for _ in 0..30 {
        h.press(KeyCode::Char('j'));
    }
    for _ in 0..8 {
        h.press(KeyCode::Char('k'));
    }
    let selected = h.app.cases().selected_row().map(|r| r.id);
    let offset = h.app.cases().selected() - h.app.cases().top();
    assert_eq!(h.app.cases().position(), Some(23));

    // A case received long before: it lands above the screen; the rows on screen stay put.
    insert_case(
        &h.db,
        "999/TM/PL/Kota/23.06/I/2023",
        "64.72",
        "KAMPANYE",
        chrono::NaiveDate::from_ymd_opt(2022, 6, 2).unwrap(),
    );
    h.wait_for_change();
    assert_eq!(total(&h), 48);
    assert_eq!(
        h.app.cases().selected_row().map(|r| r.id),
        selected,
        "the cursor stays on its case"
    );
    assert_eq!(
        h.app.cases().position(),
        Some(24),
        "which is now one further down"
    );
    assert_eq!(
        h.app.cases().selected() - h.app.cases().top(),
        offset,
        "the rows on screen stay put"
    );

    // A case received between the top row and the selected one: it shows up above the cursor.
    let list = h.app.cases();
    let sel = &list.rows()[list.selected()];
    let earlier = list.rows()[list.top()..list.selected()]
        .iter()
        .rev()
        .find(|r| r.received < sel.received)
        .map(|r| r.received);
    insert_case(
        &h.db,
        "997/TM/PL/Kota/23.06/I/2023",
        "64.72",
        "KAMPANYE",
        earlier.expect("an earlier row on screen"),
    );
    h.wait_for_change();
    assert_eq!(total(&h), 49);
    assert_eq!(h.app.cases().selected_row().map(|r| r.id), selected);
    assert_eq!(h.app.cases().position(), Some(25));
    assert_eq!(
        h.app.cases().selected() - h.app.cases().top(),
        offset + 1,
        "the new row pushes the cursor down"
    );
    let mark = h.app.marks().region("64.72", 0).map(|m| m.text());
    assert_eq!(
        mark.as_deref(),
        Some("▲2"),
        "two new cases in a minute add up"
    );
    assert_eq!(h.app.marks().region("", 0).map(|m| m.delta), Some(2));
    assert!(h.screen().contains("49 kasus ▲2"));

    h.dispatch(Action::Tick(clock() + Duration::seconds(30)));
    assert!(!h.app.marks().is_empty(), "a mark stays a while");
    h.dispatch(Action::Tick(clock() + Duration::seconds(61)));
    assert!(h.app.marks().is_empty(), "and fades after a minute");
}

#[test]
fn frozen_the_screen_ignores_writes_until_unfrozen() {
    let mut h = Harness::demo((80, 24), Lang::En);
    h.press(KeyCode::Char('f'));
    assert!(h.app.is_frozen());
    assert!(h.screen().contains("■ frozen"));
    insert_case(
        &h.db,
        "998/TM/PL/Kota/23.06/II/2024",
        "64.72",
        "KAMPANYE",
        feb2(),
    );
    h.wait_for_change();
    assert_eq!(total(&h), 47, "nothing refreshed while frozen");
    assert!(h.screen().contains("changes waiting"));
    h.press(KeyCode::Char('f'));
    assert_eq!(total(&h), 48, "unfreezing refreshes at once");
    assert_eq!(stage_count(&h, "KAMPANYE"), 23);
    assert!(h.screen().contains("● live"));
}

#[test]
fn the_command_line_view_and_date_are_where_it_starts() {
    let dir = tempfile::tempdir().unwrap();
    let db = tui_support::demo_db(dir.path());
    let reference = pantau::domain::Reference::embedded();
    let view = pantau::view::parse("per:2023-12-31 sumber:laporan", &reference).unwrap();
    let h = Harness::on(&db, (80, 24), Lang::Id, view);
    assert_eq!(
        h.app.as_of(),
        chrono::NaiveDate::from_ymd_opt(2023, 12, 31).unwrap(),
        "asof: in the view wins"
    );
    assert_eq!(h.app.view_spec(), "sumber:laporan");
    assert_eq!(total(&h), 9);
}

#[test]
fn every_command_of_the_keymap_is_handled_in_every_mode_without_panicking() {
    let mut h = Harness::demo((80, 24), Lang::Id);
    for b in pantau::tui::keymap::bindings() {
        for key in b.keys {
            if b.command == Command::Quit {
                continue;
            }
            if let Some(a) = pantau::tui::bindings::action_for(
                h.app.mode(),
                &ratatui::crossterm::event::KeyEvent::new(key.code, key.mods),
            ) {
                h.dispatch(a);
                h.wait_idle();
                let _ = h.screen();
            }
        }
    }
    assert!(!h.app.should_quit());
}

#[test]
fn a_failing_worker_is_reported_in_the_status_line_not_over_the_screen() {
    let mut h = Harness::demo((80, 24), Lang::En);
    let absent = h.db.with_file_name("absent.db");
    // Baselines beside the database, never in the user's state folder.
    let state = crate::tui_support::state_dir(&absent);
    let gone = pantau::tui::worker::spawn_in(
        absent,
        pantau::domain::DeadlineRules::new(Default::default(), []),
        Lang::En,
        Some(state),
    )
    .unwrap();
    let message = match gone
        .events
        .recv_timeout(std::time::Duration::from_secs(30))
        .unwrap()
    {
        pantau::tui::data::Event::Gone(m) => m,
        other => panic!("{other:?}"),
    };
    assert!(
        message.contains("absent.db") && message.contains("pantau init"),
        "{message}"
    );
    h.dispatch(Action::WorkerGone(message));
    let screen = h.screen();
    let footer = screen.lines().last().unwrap_or_default();
    assert!(
        footer.contains("⚠ The database reader stopped: no pantau database at"),
        "{screen}"
    );
    assert!(
        screen.contains("Total                  47"),
        "the last figures stay on screen"
    );
}

/// The id of the case the detail shows.
fn detail_id(h: &Harness) -> Option<i64> {
    match h.app.overlay() {
        Some(Overlay::Detail { id, .. }) => Some(*id),
        _ => None,
    }
}

#[test]
fn the_detail_steps_to_the_next_and_previous_case_and_shows_where_it_is() {
    let mut h = Harness::demo((80, 24), Lang::En);
    h.press(KeyCode::Char('2'));
    let ids: Vec<i64> = h.app.cases().rows().iter().map(|r| r.id).collect();
    h.press(KeyCode::Enter);
    assert_eq!(detail_id(&h), Some(ids[0]));
    let title = h.screen().lines().nth(2).unwrap_or_default().to_string();
    assert!(title.contains("case 1/47 · lines 1–20/"), "{title}");
    let footer = h.screen().lines().last().unwrap_or_default().to_string();
    assert!(footer.contains("← → case"), "{footer}");

    h.press(KeyCode::Char('n'));
    assert_eq!(detail_id(&h), Some(ids[1]));
    h.press(KeyCode::Right);
    assert_eq!(detail_id(&h), Some(ids[2]));
    assert!(h.screen().contains("case 3/47"), "{}", h.screen());
    h.press(KeyCode::Char('N'));
    assert_eq!(detail_id(&h), Some(ids[1]));
    // Scrolled, the title says which lines show; the next case starts at its top.
    h.press(KeyCode::PageDown);
    let title = h.screen().lines().nth(2).unwrap_or_default().to_string();
    assert!(title.contains("case 2/47 · lines 21–40/"), "{title}");
    h.press(KeyCode::Left);
    assert_eq!(detail_id(&h), Some(ids[0]));
    assert!(h.screen().contains("lines 1–20/"));
    // Before the first case there is none: a notice says so and the case stays.
    h.press(KeyCode::Left);
    assert_eq!(detail_id(&h), Some(ids[0]));
    assert!(
        h.app
            .notice()
            .is_some_and(|n| n.text == "This is the first case of the list"),
        "{:?}",
        h.app.notice()
    );
    // Closing the detail leaves the list's cursor on the case last shown.
    h.press(KeyCode::Char('n'));
    h.press(KeyCode::Esc);
    assert_eq!(h.app.cases().selected_row().map(|r| r.id), Some(ids[1]));
}

#[test]
fn next_case_past_the_rows_fetched_waits_for_the_next_page() {
    let dir = tempfile::tempdir().unwrap();
    let db = tui_support::synthetic_db(dir.path(), 300);
    let mut h = Harness::on(&db, (80, 24), Lang::En, View::default());
    h.press(KeyCode::Char('2'));
    let fetched = h.app.cases().rows().len();
    assert!(fetched < 300, "{fetched}");
    h.press(KeyCode::Enter);
    let mut seen = vec![detail_id(&h).unwrap()];
    for _ in 0..fetched + 5 {
        h.press(KeyCode::Char('n'));
        seen.push(detail_id(&h).unwrap());
    }
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), seen.len(), "every step shows another case");
    let position = h.app.cases().position();
    assert_eq!(position, Some(fetched + 6), "the list's cursor went along");
}

#[test]
fn f1_opens_the_help_everywhere_and_closes_back_to_where_it_was() {
    let mut h = Harness::demo((80, 24), Lang::Id);
    for screen in ['1', '2', '3', '4'] {
        h.press(KeyCode::Char(screen));
        h.press(KeyCode::F(1));
        assert_eq!(h.app.mode(), Mode::Help, "screen {screen}");
        h.press(KeyCode::F(1));
        assert_eq!(
            h.app.mode(),
            Mode::Screen(h.app.screen()),
            "screen {screen}"
        );
    }
    h.press(KeyCode::Char('2'));
    h.press(KeyCode::Enter);
    h.press(KeyCode::F(1));
    assert_eq!(h.app.mode(), Mode::Help);
    h.press(KeyCode::Esc);
    assert_eq!(h.app.mode(), Mode::Detail, "back to the case");
    h.press(KeyCode::Esc);
    // Over the view editor: the help covers it, and closing the help gives it back as it was.
    h.press(KeyCode::Char('/'));
    h.type_text(" kukar");
    h.press(KeyCode::F(1));
    assert_eq!(h.app.mode(), Mode::Help);
    let help = h.screen();
    assert!(
        help.contains("─ Bantuan ─") && !help.contains("tampilan›"),
        "{help}"
    );
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Esc);
    assert_eq!(h.app.mode(), Mode::Filter);
    assert_eq!(h.app.filter().map(|f| f.editor.text()), Some(" kukar"));
    h.press(KeyCode::Esc);
    // And over the list of saved views.
    h.press(KeyCode::Char('v'));
    h.press(KeyCode::F(1));
    assert_eq!(h.app.mode(), Mode::Help);
    h.press(KeyCode::F(1));
    assert_eq!(h.app.mode(), Mode::Views);
}
