//! Saving a view into the configuration file: one entry of `[views]` written, every other byte of
//! the file kept; and the same through the app (`s`, a name, Enter) as the event loop carries it out.

use crate::tui_support;

use std::path::Path;

use pantau::config::SavedView;
use pantau::config::save::{delete_view, rename_view, save_view};
use pantau::i18n::Lang;
use pantau::tui::action::{Command, Screen};
use pantau::tui::data::Effect;
use pantau::tui::effect::{Outside, perform};
use pantau::view::View;
use ratatui::crossterm::event::KeyCode;
use tui_support::Harness;

fn fixture() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/config/valid.toml"),
    )
    .unwrap()
}

#[test]
fn a_new_view_is_one_more_line_and_every_other_byte_stays() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    let original = fixture();
    std::fs::write(&path, &original).unwrap();
    save_view(&path, "lewat-tenggat", "is:overdue sort:due").unwrap();
    let saved = std::fs::read_to_string(&path).unwrap();
    let line = "lewat-tenggat = \"is:overdue sort:due\"\n";
    assert_eq!(saved.matches(line).count(), 1, "{saved}");
    assert_eq!(
        saved.replacen(line, "", 1),
        original,
        "only the new line differs"
    );
    let at = saved.find(line).unwrap();
    assert!(
        saved[..at].ends_with("samarinda = \"region:samarinda\"\n"),
        "it goes at the end of [views]:\n{saved}"
    );
    let config = pantau::config::Config::load(&path, true).unwrap();
    assert!(config.views.iter().any(|(v, _)| v.name == "lewat-tenggat"));
}

#[test]
fn saving_under_a_name_in_use_changes_that_value_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    let original = fixture();
    std::fs::write(&path, &original).unwrap();
    save_view(&path, "samarinda", "region:samarinda is:open").unwrap();
    let saved = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        saved,
        original.replace(
            "samarinda = \"region:samarinda\"",
            "samarinda = \"region:samarinda is:open\""
        )
    );
}

#[test]
fn a_missing_file_starts_from_the_documented_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pantau/config.toml");
    save_view(&path, "rapat", "region:kukar").unwrap();
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.starts_with(pantau::config::DEFAULTS.lines().next().unwrap()));
    assert!(saved.contains("# Key remapping"), "the comments are kept");
    assert!(saved.contains("rapat = \"region:kukar\"\n"));
    assert!(pantau::config::Config::load(&path, true).is_ok());
}

#[test]
fn a_broken_file_is_left_alone_and_the_error_names_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, "theme = \"dark\"\n[views\n").unwrap();
    let e = save_view(&path, "rapat", "region:kukar").unwrap_err();
    assert!(
        e.message(Lang::En)
            .starts_with(&format!("{}:2:", path.display())),
        "{}",
        e.message(Lang::En)
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "theme = \"dark\"\n[views\n"
    );
}

#[test]
fn s_in_the_app_saves_the_view_under_the_name_typed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, fixture()).unwrap();
    let mut h = Harness::demo((80, 24), Lang::En);
    h.press(KeyCode::Char('/'));
    h.press_with(
        KeyCode::Char('u'),
        ratatui::crossterm::event::KeyModifiers::CONTROL,
    );
    h.type_text("region:samarinda stage:kampanye");
    h.press(KeyCode::Enter);
    h.press(KeyCode::Char('s'));
    assert_eq!(h.app.mode(), pantau::tui::keymap::Mode::Save);
    h.type_text("dua kata");
    h.press(KeyCode::Enter);
    assert!(
        h.screen()
            .contains("a name is letters, digits, - and _ only"),
        "{}",
        h.screen()
    );
    h.press_with(
        KeyCode::Char('u'),
        ratatui::crossterm::event::KeyModifiers::CONTROL,
    );
    h.type_text("rapat-senin");
    insta::assert_snapshot!("save_prompt_80x24", h.screen());
    h.press(KeyCode::Enter);
    let effects = h.app.take_effects();
    assert_eq!(
        effects,
        vec![Effect::SaveView {
            name: "rapat-senin".into(),
            spec: "region:samarinda stage:kampanye".into()
        }]
    );
    let outside = Outside {
        config: Some(path.clone()),
        tmux: false,
    };
    let mut terminal = Vec::new();
    for e in effects {
        let done = perform(e, &outside, Lang::En, &mut terminal);
        h.dispatch(done);
    }
    assert!(terminal.is_empty(), "saving writes nothing to the terminal");
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("rapat-senin = \"region:samarinda stage:kampanye\"\n")
    );
    let footer = h.screen().lines().last().unwrap_or_default().to_string();
    assert!(footer.contains("✓ View saved @rapat-senin"), "{footer}");
    assert!(h.app.saved_views().contains(&SavedView {
        name: "rapat-senin".into(),
        spec: "region:samarinda stage:kampanye".into()
    }));

    // The list shows it; Enter on it brings the view back.
    h.run(Command::Show(Screen::Dashboard));
    h.press(KeyCode::Esc);
    h.press(KeyCode::Char('/'));
    h.press_with(
        KeyCode::Char('u'),
        ratatui::crossterm::event::KeyModifiers::CONTROL,
    );
    h.press(KeyCode::Enter);
    assert_eq!(h.app.view_spec(), "");
    h.press(KeyCode::Char('v'));
    insta::assert_snapshot!("saved_views_80x24", h.screen());
    h.press(KeyCode::Char('G'));
    h.press(KeyCode::Enter);
    assert_eq!(h.app.view_spec(), "region:samarinda stage:kampanye");
    assert!(h.app.overlay().is_none());
}

#[test]
fn deleting_a_view_takes_out_its_line_and_its_comment_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    let original = fixture();
    std::fs::write(&path, &original).unwrap();
    delete_view(&path, "samarinda").unwrap();
    let saved = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        saved,
        original.replace("samarinda = \"region:samarinda\"\n", "")
    );
    // pantau's own views would come back from the defaults: they are written `= false`.
    delete_view(&path, "overdue-kampanye").unwrap();
    delete_view(&path, "kampanye").unwrap();
    let saved = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        saved,
        original.replace(
            "overdue-kampanye = \"stage:kampanye is:overdue\"\nsamarinda = \"region:samarinda\"\n",
            "overdue-kampanye = false\nkampanye = false\n"
        ),
        "{saved}"
    );
    let config = pantau::config::Config::load(&path, true).unwrap();
    assert!(config.views.is_empty(), "{:?}", config.views);
    for gone in ["kampanye", "samarinda"] {
        let e = delete_view(&path, gone).unwrap_err();
        assert!(
            e.message(Lang::En).contains(&format!("views.{gone}")),
            "{}",
            e.message(Lang::En)
        );
    }
    assert_eq!(std::fs::read_to_string(&path).unwrap(), saved, "left alone");
}

#[test]
fn renaming_a_view_keeps_its_place_its_comment_and_every_other_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    let original = fixture();
    std::fs::write(&path, &original).unwrap();
    rename_view(&path, "samarinda", "smd").unwrap();
    let saved = std::fs::read_to_string(&path).unwrap();
    assert_eq!(saved, original.replace("samarinda = ", "smd = "), "{saved}");
    // One of pantau's own views keeps its place under the new name, and stays away.
    rename_view(&path, "overdue-kampanye", "lewat").unwrap();
    let saved = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        saved,
        original
            .replace("samarinda = ", "smd = ")
            .replace("overdue-kampanye = ", "lewat = ")
            .replace(
                "smd = \"region:samarinda\"\n",
                "smd = \"region:samarinda\"\noverdue-kampanye = false\n"
            ),
        "{saved}"
    );
    for (to, why) in [
        ("kampanye", "a name no other view has"),
        ("dua kata", "letters, digits"),
    ] {
        let e = rename_view(&path, "smd", to).unwrap_err();
        assert!(e.message(Lang::En).contains(why), "{}", e.message(Lang::En));
        assert!(
            e.message(Lang::Id).contains("views."),
            "{}",
            e.message(Lang::Id)
        );
    }
    assert_eq!(std::fs::read_to_string(&path).unwrap(), saved, "left alone");
    let config = pantau::config::Config::load(&path, true).unwrap();
    let names: Vec<&str> = config.views.iter().map(|(v, _)| v.name.as_str()).collect();
    assert_eq!(names, ["kampanye", "lewat", "smd"]);
}

#[test]
fn the_list_of_saved_views_counts_renames_and_deletes_after_asking() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, fixture()).unwrap();
    let db = tui_support::demo_db(dir.path());
    let config = pantau::config::Config::load(&path, true).unwrap();
    let views: Vec<SavedView> = config.views.iter().map(|(v, _)| v.clone()).collect();
    let mut h = Harness::with(&db, (80, 24), Lang::En, View::default(), |o| {
        o.prefs.views = views
    });
    let outside = Outside {
        config: Some(path.clone()),
        tmux: false,
    };
    let carry_out = |h: &mut Harness| {
        for e in h.app.take_effects() {
            let done = perform(e, &outside, Lang::En, &mut Vec::new());
            h.dispatch(done);
            h.wait_idle();
        }
    };
    let names = |h: &Harness| -> Vec<String> {
        h.app.saved_views().iter().map(|v| v.name.clone()).collect()
    };
    h.press(KeyCode::Char('v'));
    let list = h.screen();
    let row = |screen: &str, name: &str| {
        screen
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_default()
            .trim_matches('"')
            .trim_end()
            .to_string()
    };
    assert!(row(&list, "@kampanye ").ends_with(" 22"), "{list}");
    assert!(row(&list, "@samarinda").ends_with(" 4"), "{list}");
    assert!(row(&list, "@overdue-kampanye").ends_with(" 0"), "{list}");
    let footer = list.lines().last().unwrap_or_default().to_string();
    assert!(
        footer.contains("r rename") && footer.contains("d delete"),
        "{footer}"
    );

    // Rename the second: r, a new name, Enter; the file and the list follow.
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Char('r'));
    assert_eq!(h.app.mode(), pantau::tui::keymap::Mode::Save);
    assert!(
        h.screen().contains("new name› overdue-kampanye"),
        "{}",
        h.screen()
    );
    h.press_with(
        KeyCode::Char('u'),
        ratatui::crossterm::event::KeyModifiers::CONTROL,
    );
    h.type_text("samarinda");
    h.press(KeyCode::Enter);
    assert!(
        h.screen().contains("another view has that name already"),
        "{}",
        h.screen()
    );
    h.press_with(
        KeyCode::Char('u'),
        ratatui::crossterm::event::KeyModifiers::CONTROL,
    );
    h.type_text("lewat");
    h.press(KeyCode::Enter);
    carry_out(&mut h);
    assert_eq!(h.app.mode(), pantau::tui::keymap::Mode::Views);
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("# For the Monday meeting.\nlewat = \"stage:kampanye is:overdue\"\n")
    );
    assert_eq!(names(&h), ["kampanye", "lewat", "samarinda"]);
    assert!(
        h.screen().contains("View @overdue-kampanye is now @lewat"),
        "{}",
        h.screen()
    );

    // Delete the last: d asks; n keeps it; Delete, y deletes it.
    h.press(KeyCode::Char('G'));
    h.press(KeyCode::Char('d'));
    assert_eq!(h.app.mode(), pantau::tui::keymap::Mode::Confirm);
    let asked = h.screen();
    assert!(
        asked.contains("Delete the view @samarinda from the config file?"),
        "{asked}"
    );
    // The notice of the rename before names the test's temporary folder: the same on every run.
    let tmp = format!("{}/.tmp", std::env::temp_dir().display());
    let masked = match asked.find(&tmp) {
        Some(i) => {
            let end = asked[i + tmp.len()..]
                .char_indices()
                .nth(6)
                .map_or(asked.len(), |(j, _)| i + tmp.len() + j);
            format!("{}/tmp/.tmpXXXXXX{}", &asked[..i], &asked[end..])
        }
        None => asked.clone(),
    };
    insta::assert_snapshot!("delete_view_question_80x24", masked);
    h.press(KeyCode::Char('n'));
    assert_eq!(h.app.mode(), pantau::tui::keymap::Mode::Views);
    assert!(h.app.take_effects().is_empty(), "n deletes nothing");
    h.press(KeyCode::Delete);
    h.press(KeyCode::Char('y'));
    carry_out(&mut h);
    assert!(
        !std::fs::read_to_string(&path)
            .unwrap()
            .contains("samarinda =")
    );
    assert_eq!(names(&h), ["kampanye", "lewat"]);
    assert!(
        h.screen().contains("View @samarinda deleted from"),
        "{}",
        h.screen()
    );
    // pantau's own view goes too, and stays gone when the file is read again.
    h.press(KeyCode::Char('g'));
    h.press(KeyCode::Char('d'));
    h.press(KeyCode::Enter);
    assert_eq!(
        h.app.mode(),
        pantau::tui::keymap::Mode::Views,
        "only y says yes: Enter, like any other key, keeps the view"
    );
    h.press(KeyCode::Char('d'));
    h.press(KeyCode::Char('y'));
    carry_out(&mut h);
    assert_eq!(names(&h), ["lewat"]);
    let config = pantau::config::Config::load(&path, true).unwrap();
    let names: Vec<&str> = config.views.iter().map(|(v, _)| v.name.as_str()).collect();
    assert_eq!(names, ["lewat"]);
}
