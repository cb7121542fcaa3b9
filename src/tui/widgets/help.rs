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
use crate::tui::widgets::text::{heading, left, wrap};

/// The columns before a binding's description.
const KEYS_W: usize = 3 + 16;

/// A binding's line: its keys, then its description wrapped to `width` columns, the lines after
/// the first under the first.
fn binding(keys: &str, what: &str, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let room = width.saturating_sub(KEYS_W + 1).max(20);
    let mut out = Vec::new();
    for (i, part) in wrap(what, room).into_iter().enumerate() {
        let lead = if i == 0 {
            Span::styled(format!("   {}", left(keys, 16)), theme.key())
        } else {
            Span::raw(" ".repeat(KEYS_W))
        };
        out.push(Line::from(vec![lead, Span::raw(part)]));
    }
    out
}

/// The help's lines, for a column `width` wide.
pub fn lines(keymap: &Keymap, lang: Lang, theme: &Theme, width: usize) -> Vec<Line<'static>> {
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
            out.extend(binding(&theme.words(&keys), what, width, theme));
        }
        if mode.types() {
            let what = tr(lang, Msg::TuiHelpTyping);
            out.extend(binding(&theme.words("a-z …"), what, width, theme));
        }
    }
    out
}

/// How many lines the help has in one column `width` wide.
pub fn line_count(keymap: &Keymap, lang: Lang, width: usize) -> usize {
    lines(keymap, lang, &Theme::new(false), width).len()
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
        let rows = usize::from(area.height - 1);
        let mut all = lines(self.keymap, self.lang, t, usize::from(area.width));
        let columns = if area.width >= 150 && all.len() > rows {
            2
        } else {
            1
        };
        let col_w = area.width / columns as u16;
        if columns > 1 {
            all = lines(self.keymap, self.lang, t, usize::from(col_w));
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::widgets::text::width;

    #[test]
    fn every_description_is_whole_at_80_columns_wrapped_under_itself() {
        let keymap = Keymap::default();
        for lang in [Lang::Id, Lang::En] {
            let t = Theme::new(false);
            let wrapped = lines(&keymap, lang, &t, 80);
            let text = |l: &Line<'_>| {
                l.spans
                    .iter()
                    .map(|s| s.content.to_string())
                    .collect::<String>()
            };
            assert!(wrapped.iter().all(|l| width(&text(l)) <= 80));
            let words = |ls: &[Line<'_>]| {
                ls.iter()
                    .flat_map(|l| {
                        text(l)
                            .split_whitespace()
                            .map(str::to_string)
                            .collect::<Vec<_>>()
                    })
                    .collect::<Vec<_>>()
            };
            assert_eq!(words(&wrapped), words(&lines(&keymap, lang, &t, 1000)));
            assert!(
                wrapped.len() > lines(&keymap, lang, &t, 1000).len(),
                "some wrap at 80"
            );
            assert_eq!(line_count(&keymap, lang, 80), wrapped.len());
        }
    }
}
