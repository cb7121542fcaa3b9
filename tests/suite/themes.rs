//! Each theme drawn at 80x24 on the demo dashboard: the text snapshotted, the styles checked where
//! they carry meaning (title, keys, the selected row), and mono holding no colour at all.

use crate::tui_support;

use pantau::config::Prefs;
use pantau::i18n::Lang;
use pantau::tui::theme::{Theme, ThemeName};
use pantau::view::View;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use tui_support::Harness;

fn drawn(name: ThemeName, ascii: bool) -> (String, Buffer) {
    let dir = tempfile::tempdir().unwrap();
    let db = tui_support::demo_db(dir.path());
    let h = Harness::with(&db, (80, 24), Lang::En, View::default(), |o| {
        o.theme = Theme::named(name);
        o.prefs = Prefs {
            ascii,
            ..Prefs::default()
        };
    });
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    term.draw(|f| f.render_widget(&h.app, f.area())).unwrap();
    (h.screen(), term.backend().buffer().clone())
}

/// The first cell of row `y` whose symbol is `text`'s first character, from column `x`.
fn cell(buf: &Buffer, x: u16, y: u16) -> &ratatui::buffer::Cell {
    &buf[(x, y)]
}

fn colours(buf: &Buffer) -> Vec<Color> {
    buf.content()
        .iter()
        .flat_map(|c| [c.fg, c.bg])
        .filter(|c| *c != Color::Reset)
        .collect()
}

#[test]
fn every_theme_at_80x24() {
    let mut texts = Vec::new();
    for name in ThemeName::ALL {
        let (text, buf) = drawn(name, false);
        insta::assert_snapshot!(format!("theme_{}_80x24", name.name()), &text);
        // " pantau · demo.db": the title; the selected region row reversed in every theme.
        let title = cell(&buf, 1, 0);
        let selected = cell(&buf, 2, 3);
        assert!(
            selected.modifier.contains(Modifier::REVERSED),
            "{name:?}: the selected row is reversed, colour or not"
        );
        match name {
            ThemeName::Dark => {
                assert_eq!(title.fg, Color::Cyan);
                // A grey of the 256-colour palette: the same on every terminal, readable on black.
                assert!(
                    colours(&buf).contains(&Color::Indexed(245)),
                    "dim text is grey"
                );
            }
            ThemeName::Light => {
                assert_eq!(title.fg, Color::Blue, "no cyan on a light background");
                let c = colours(&buf);
                assert!(
                    !c.contains(&Color::Yellow) && !c.contains(&Color::Cyan),
                    "{c:?}"
                );
            }
            ThemeName::HighContrast => {
                assert_eq!(title.fg, Color::Cyan);
                assert!(!colours(&buf).contains(&Color::DarkGray), "no grey");
                let region = cell(&buf, 4, 4);
                assert!(
                    region.modifier.contains(Modifier::BOLD),
                    "ordinary text is bold"
                );
            }
            ThemeName::Mono => {
                assert_eq!(colours(&buf), Vec::<Color>::new(), "no colour at all");
                assert!(title.modifier.contains(Modifier::BOLD));
            }
        }
        texts.push(text);
    }
    assert!(
        texts.windows(2).all(|w| w[0] == w[1]),
        "the themes change styles only, never the text"
    );
}

#[test]
fn ascii_draws_no_box_line_or_block() {
    let (text, _) = drawn(ThemeName::Mono, true);
    insta::assert_snapshot!("ascii_80x24", &text);
    let drawing: Vec<char> = text
        .chars()
        .filter(|c| pantau::tui::widgets::ascii::stand_in(*c).is_some())
        .collect();
    assert!(drawing.is_empty(), "{drawing:?}\n{text}");
}
