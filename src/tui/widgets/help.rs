//! The `?` help: every binding of the keymap, grouped by mode, generated from the same table that
//! dispatches keys, so the two cannot disagree. Render-only.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::i18n::{Lang, Msg, tr};
use crate::tui::bindings::Keymap;
use crate::tui::keymap::Mode;
use crate::tui::theme::Theme;
use crate::tui::widgets::text::{heading, left};

/// The help's lines.
pub fn lines(keymap: &Keymap, lang: Lang, theme: &Theme) -> Vec<Line<'static>> {
    let mut out = vec![Line::from(Span::styled(
        format!(" {}", tr(lang, Msg::TuiHelpClose)),
        theme.dim(),
    ))];
    for mode in Mode::ALL {
        out.push(Line::default());
        out.push(Line::from(Span::styled(
            format!(" {}", tr(lang, mode.title())),
            theme.heading(),
        )));
        for (keys, what) in keymap.help_rows(mode, lang) {
            out.push(Line::from(vec![
                Span::styled(format!("   {}", left(&theme.words(&keys), 16)), theme.key()),
                Span::raw(what),
            ]));
        }
        if mode.types() {
            out.push(Line::from(vec![
                Span::styled(
                    format!("   {}", left(&theme.words("a-z …"), 16)),
                    theme.key(),
                ),
                Span::raw(tr(lang, Msg::TuiHelpTyping)),
            ]));
        }
    }
    out
}

/// How many lines the help has.
pub fn line_count(keymap: &Keymap, lang: Lang) -> usize {
    lines(keymap, lang, &Theme::new(false)).len()
}

/// The help, scrolled; in two columns when the screen is wide enough.
pub struct HelpView<'a> {
    /// The bindings in force (with the user's remaps).
    pub keymap: &'a Keymap,
    pub lang: Lang,
    pub scroll: usize,
    pub theme: &'a Theme,
}

impl Widget for HelpView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height == 0 {
            return;
        }
        let t = self.theme;
        heading(
            buf,
            area,
            format!("─ {} ", tr(self.lang, Msg::TuiHelp)),
            0,
            t,
        );
        let all = lines(self.keymap, self.lang, t);
        let rows = usize::from(area.height - 1);
        let columns = if area.width >= 150 && all.len() > rows {
            2
        } else {
            1
        };
        let col_w = area.width / columns as u16;
        let scroll = self.scroll.min(all.len().saturating_sub(rows * columns));
        for (i, line) in all.iter().skip(scroll).take(rows * columns).enumerate() {
            let (col, row) = (i / rows, i % rows);
            buf.set_line(
                area.x + col as u16 * col_w,
                area.y + 1 + row as u16,
                line,
                col_w,
            );
        }
    }
}
