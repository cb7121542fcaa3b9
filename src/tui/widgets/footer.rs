//! The footer: the status line (a notice or an error) and the few keys of the current mode, as
//! many as fit, help and quit always. A notice comes first and whole (the keys give way to it; it
//! goes by itself after a few seconds); an error takes the line. Render-only; hints come from the
//! keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::tui::theme::Theme;
use crate::tui::widgets::text::{fit, width};

/// The footer.
pub struct Footer<'a> {
    /// Keys and words, in order of importance except the last two (help, quit) which always show.
    pub hints: &'a [(String, &'a str)],
    /// A notice, and whether it is an error.
    pub notice: Option<(&'a str, bool)>,
    /// Whether the notice is of work under way (a file being written): the busy marker `⟳`
    /// before it instead of `✓`, which says it is done.
    pub busy: bool,
    pub theme: &'a Theme,
}

impl Widget for Footer<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let w = usize::from(area.width);
        let hint_w = |h: &(String, &str)| width(&h.0) + 1 + width(h.1) + 2;
        let mut spans = vec![Span::raw(" ")];
        let mut used = 1;
        let split = self.hints.len().saturating_sub(2);
        let (rest, last) = self.hints.split_at(split);
        let reserved: usize = last.iter().map(hint_w).sum();
        if let Some((text, error)) = self.notice {
            let (mark, style) = if error {
                ("⚠ ", t.error())
            } else if self.busy {
                ("⟳ ", t.notice())
            } else {
                ("✓ ", t.notice())
            };
            let room = if error {
                w.saturating_sub(2)
            } else {
                w.saturating_sub(1 + 2 + reserved).max(20)
            };
            let text = fit(&format!("{mark}{text}"), room);
            used += width(&text) + 2;
            spans.push(Span::styled(text, style));
            spans.push(Span::raw("  "));
        }
        let mut shown: Vec<&(String, &str)> = Vec::new();
        for h in rest {
            if used + reserved + hint_w(h) <= w {
                used += hint_w(h);
                shown.push(h);
            }
        }
        if used + reserved <= w {
            shown.extend(last.iter());
        }
        for (keys, word) in shown {
            spans.push(Span::styled(keys.clone(), t.key()));
            spans.push(Span::raw(format!(" {word}  ")));
        }
        buf.set_line(area.x, area.y, &Line::from(spans), area.width);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::widgets::text::buffer_row;

    fn footer(notice: Option<(&str, bool)>) -> String {
        let hints: Vec<(String, &str)> = [
            ("⏎", "rinci"),
            ("/", "saring"),
            ("f", "beku"),
            ("Tab", "layar"),
            ("?", "bantuan"),
            ("q", "keluar"),
        ]
        .iter()
        .map(|(k, w)| (k.to_string(), *w))
        .collect();
        let t = Theme::new(false);
        let mut buf = Buffer::empty(Rect::new(0, 0, 80, 1));
        Footer {
            hints: &hints,
            notice,
            busy: false,
            theme: &t,
        }
        .render(buf.area, &mut buf);
        buffer_row(&buf, 0)
    }

    #[test]
    fn a_notice_shows_whole_and_the_keys_give_way_but_help_and_quit() {
        let text = "Acuan ditetapkan 12:27:09 · B menghapusnya";
        let row = footer(Some((text, false)));
        assert!(row.contains(text), "{row}");
        assert!(
            row.contains("? bantuan") && row.contains("q keluar"),
            "{row}"
        );
        assert!(!row.contains("Tab layar"), "{row}");
        let quiet = footer(None);
        assert!(
            quiet.contains("Tab layar") && quiet.contains("q keluar"),
            "{quiet}"
        );
    }
}
