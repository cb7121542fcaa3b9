//! What pantau draws with on a given terminal: in ASCII every screen, overlay, prompt and
//! presenter page holds no byte above 0x7F and still reads (Enter, `...`, four shades); each theme
//! holds its contrast on all of them, cell by cell, at 256 and at 8 colours; `doctor` says what
//! was chosen for a vt100 and for LANG=C, through the real binary.

use std::path::Path;

use pantau::config::Prefs;
use pantau::i18n::Lang;
use pantau::tui::action::Command;
use pantau::tui::sgr::{self, Index};
use pantau::tui::terminal::Depth;
use pantau::tui::theme::{Theme, ThemeName};
use pantau::view::View;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Color;

use crate::sealed;
use crate::tui_support::{self, Harness};

/// The app drawn now, as a buffer.
fn frame(h: &Harness) -> Buffer {
    let (w, hh) = h.app.size();
    let mut term = Terminal::new(TestBackend::new(w, hh)).unwrap();
    term.draw(|f| f.render_widget(&h.app, f.area())).unwrap();
    term.backend().buffer().clone()
}

fn text_of(buf: &Buffer) -> String {
    let a = buf.area;
    (a.top()..a.bottom())
        .map(|y| {
            (a.left()..a.right())
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every screen and its parts, the case detail, the help (scrolled), the saved views, the view
/// editor with a mistake, the save prompt and the presenter's pages, with a baseline in force;
/// `each` sees every frame with its name.
fn tour(h: &mut Harness, each: &mut dyn FnMut(&str, Buffer)) {
    h.run(Command::SetBaseline);
    // A baseline kept from an earlier tour of the same database is replaced only when asked.
    if h.app.mode() == pantau::tui::keymap::Mode::Confirm {
        h.run(Command::Apply);
    }
    each("dashboard", frame(h));
    h.press(KeyCode::Down);
    h.press(KeyCode::Right);
    each("dashboard, a panel", frame(h));
    h.press(KeyCode::Char('2'));
    each("cases", frame(h));
    h.press(KeyCode::Enter);
    each("detail", frame(h));
    h.press(KeyCode::Esc);
    h.press(KeyCode::Char('3'));
    each("stages", frame(h));
    h.press(KeyCode::Right);
    each("stages, weeks", frame(h));
    h.press(KeyCode::Right);
    each("stages, regions", frame(h));
    h.press(KeyCode::Char('4'));
    each("map", frame(h));
    h.press(KeyCode::Right);
    each("map, a tile", frame(h));
    h.press(KeyCode::Char('?'));
    for page in 0..4 {
        each(&format!("help {page}"), frame(h));
        h.press(KeyCode::PageDown);
    }
    h.press(KeyCode::Esc);
    h.press(KeyCode::Char('v'));
    each("saved views", frame(h));
    h.press(KeyCode::Esc);
    h.press(KeyCode::Char('/'));
    h.type_text(" regoin:x");
    h.press(KeyCode::Enter);
    each("view editor, a mistake", frame(h));
    h.press(KeyCode::Esc);
    h.run(Command::SaveView);
    each("save prompt", frame(h));
    h.press(KeyCode::Esc);
    h.run(Command::TogglePresent);
    for page in 0..4 {
        each(&format!("presenter {page}"), frame(h));
        h.press(KeyCode::Tab);
    }
    h.run(Command::TogglePresent);
}

fn harness(db: &Path, size: (u16, u16), lang: Lang, theme: Theme, ascii: bool) -> Harness {
    Harness::with(db, size, lang, View::default(), |o| {
        o.theme = theme;
        o.prefs = Prefs {
            ascii,
            ..Prefs::default()
        };
    })
}

#[test]
fn every_ascii_frame_is_seven_bit_and_reads() {
    let dir = tempfile::tempdir().unwrap();
    let db = tui_support::demo_db(dir.path());
    for lang in [Lang::Id, Lang::En] {
        for size in [(80, 24), (200, 50)] {
            let mut h = harness(&db, size, lang, Theme::named(ThemeName::Dark), true);
            let mut frames = Vec::new();
            tour(&mut h, &mut |name, buf| {
                let text = text_of(&buf);
                let high: Vec<char> = text.chars().filter(|c| !c.is_ascii()).collect();
                assert!(
                    high.is_empty(),
                    "{name} {lang:?} {size:?}: {high:?}\n{text}"
                );
                frames.push((name.to_string(), text));
            });
            let find = |name: &str| {
                frames
                    .iter()
                    .find(|(n, _)| n == name)
                    .map(|(_, t)| t.clone())
                    .unwrap_or_default()
            };
            // Enter is written out, never `<` (which reads as "back").
            assert!(
                find("dashboard").contains("Enter "),
                "{}",
                find("dashboard")
            );
            let help: String = (0..4).map(|p| find(&format!("help {p}"))).collect();
            assert!(help.contains("   Enter "), "{help}");
            // A cut text ends in three dots, never `~` (which reads as a home folder).
            let all: String = frames.iter().map(|(_, t)| t.as_str()).collect();
            assert!(all.contains("..."), "no cut text anywhere?");
            assert!(!all.contains('~'), "{all}");
            // The map's four bands have four patterns, and its legend says which is which.
            let map = find("map");
            for fill in [".. ", ":: ", "++ ", "## "] {
                assert!(
                    map.contains(fill),
                    "{fill:?} missing from the legend\n{map}"
                );
            }
        }
    }
}

/// Relative luminance of an sRGB colour (WCAG 2).
fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let lin = |v: u8| {
        let c = f64::from(v) / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// The colour a cell shows, as the terminal is sent it at `depth`, with xterm's values; the
/// terminal's own colour where none is sent.
fn shown(c: Color, depth: Depth, default: (u8, u8, u8)) -> (u8, u8, u8) {
    match sgr::index(c).and_then(|i| sgr::reduce(i, depth)) {
        Some(Index::Palette(n)) => sgr::rgb(n),
        Some(Index::Rgb(r, g, b)) => (r, g, b),
        None => default,
    }
}

/// Box lines and blocks are graphics (3:1 is enough, as WCAG asks of graphics); text needs 4.5:1.
fn needed(symbol: &str) -> f64 {
    match symbol.chars().next() {
        Some(c) if ('\u{2500}'..='\u{259f}').contains(&c) => 3.0,
        _ => 4.5,
    }
}

#[test]
fn every_theme_holds_its_contrast_on_every_screen_and_in_presenter_mode() {
    let dir = tempfile::tempdir().unwrap();
    let db = tui_support::demo_db(dir.path());
    const BLACK: (u8, u8, u8) = (0, 0, 0);
    const WHITE: (u8, u8, u8) = (255, 255, 255);
    const GREY: (u8, u8, u8) = (229, 229, 229);
    for name in ThemeName::ALL {
        // A light theme is for a white background with black text, the others for black with grey.
        let (fg0, bg0) = if name == ThemeName::Light {
            (BLACK, WHITE)
        } else {
            (GREY, BLACK)
        };
        for depth in [Depth::Palette256, Depth::Ansi16, Depth::Ansi8] {
            for size in [(80, 24), (160, 48)] {
                let theme = Theme::named(name).with_depth(depth);
                let mut h = harness(&db, size, Lang::En, theme, false);
                let mut failures: Vec<String> = Vec::new();
                tour(&mut h, &mut |frame_name, buf| {
                    let a = buf.area;
                    for y in a.top()..a.bottom() {
                        for x in a.left()..a.right() {
                            let cell = &buf[(x, y)];
                            if cell.symbol().trim().is_empty() {
                                continue;
                            }
                            let fg = shown(cell.fg, depth, fg0);
                            let bg = shown(cell.bg, depth, bg0);
                            let ratio = contrast(fg, bg);
                            if ratio < needed(cell.symbol()) && failures.len() < 12 {
                                failures.push(format!(
                                    "{frame_name} ({x},{y}) {:?} {:?} on {:?}: {ratio:.2}",
                                    cell.symbol(),
                                    cell.fg,
                                    cell.bg
                                ));
                            }
                        }
                    }
                });
                assert!(
                    failures.is_empty(),
                    "{name:?} at {depth:?} {size:?}:\n{}",
                    failures.join("\n")
                );
            }
        }
    }
}

#[test]
fn presenter_mode_keeps_a_light_theme_light() {
    let dir = tempfile::tempdir().unwrap();
    let db = tui_support::demo_db(dir.path());
    let mut h = harness(
        &db,
        (80, 24),
        Lang::En,
        Theme::named(ThemeName::Light),
        false,
    );
    h.run(Command::TogglePresent);
    let buf = frame(&h);
    let colours: Vec<Color> = buf
        .content()
        .iter()
        .map(|c| c.fg)
        .filter(|c| *c != Color::Reset)
        .collect();
    assert!(!colours.is_empty(), "the presenter has colours");
    for bright in [Color::Yellow, Color::LightCyan, Color::Cyan, Color::White] {
        assert!(
            !colours.contains(&bright),
            "{bright:?} on a light background"
        );
    }
}

fn doctor(home: &Path, env: &[(&str, &str)]) -> (i32, String) {
    let mut c = sealed::pantau(home);
    for (k, v) in env {
        c.env(k, v);
    }
    let db = home.join("demo.db");
    c.arg("--db").arg(&db);
    let out = c.arg("doctor").output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
    )
}

#[test]
fn doctor_on_a_vt100_and_with_lang_c_says_what_was_chosen_and_why() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("demo.db");
    let mut demo = sealed::pantau(home.path());
    demo.arg("--db").arg(&db).arg("demo").assert().success();
    for suffix in ["", "-wal", "-shm"] {
        let mut path = db.clone().into_os_string();
        path.push(suffix);
        if Path::new(&path).exists() {
            std::fs::set_permissions(&path, std::os::unix::fs::PermissionsExt::from_mode(0o660))
                .unwrap();
        }
    }

    // A vt100: no colour, ASCII, whatever the locale; the output is ASCII too.
    let (code, text) = doctor(home.path(), &[("TERM", "vt100")]);
    assert_eq!(code, 0, "{text}");
    assert!(text.is_ascii(), "{text}");
    assert!(text.contains("  + colours: none; theme mono ("), "{text}");
    assert!(text.contains("vt100"), "{text}");
    assert!(
        text.contains("  + characters: ASCII (TERM=vt100, a terminal from before Unicode)"),
        "{text}"
    );
    assert!(text.contains("Every check passed."), "{text}");

    // LANG=C on a colour terminal: colours stay, the characters become ASCII, with a warning
    // that is counted as one, and the exit status of a pass.
    let c = [
        ("TERM", "xterm-256color"),
        ("LANG", "C"),
        ("LC_ALL", "C"),
        ("LC_MESSAGES", "C"),
    ];
    let (code, text) = doctor(home.path(), &c);
    assert_eq!(code, 0, "{text}");
    assert!(text.is_ascii(), "{text}");
    assert!(text.contains("  + colours: 256; theme dark ("), "{text}");
    assert!(
        text.contains("  + characters: ASCII (LC_ALL=C is not UTF-8)"),
        "{text}"
    );
    assert!(
        text.contains("  ! UTF-8: no, LC_ALL=C: pantau draws in ASCII"),
        "{text}"
    );
    assert!(!text.contains("Every check passed"), "{text}");
    assert!(
        text.contains("Passed with 1 warning (!) above, with its fix."),
        "{text}"
    );

    // The user's choice comes first, and doctor says so.
    let mut both = c.to_vec();
    both.push(("TERM", "vt100"));
    let mut cmd = sealed::pantau(home.path());
    for (k, v) in &both {
        cmd.env(k, v);
    }
    let out = cmd
        .arg("--db")
        .arg(&db)
        .args(["--theme", "light", "--ascii", "doctor"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("  + colours: 8; theme light (chosen with --theme; the terminal declares: "),
        "{text}"
    );
    assert!(
        text.contains("  + characters: ASCII (chosen with --ascii; the terminal declares: "),
        "{text}"
    );
}
