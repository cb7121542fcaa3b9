//! The footer: the status line (a notice or an error) and the few keys of the current mode, as
//! many as fit, help and quit always. Render-only; hints come from the keymap.

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
    pub theme: &'a Theme,
}

impl Widget for Footer<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let w = usize::from(area.width);
        let hint_w = |h: &(String, &str)| width(&h.0) + 1 + width(h.1) + 2;
        let mut spans = vec![Span::raw(" ")];
        let mut used = 1;
        if let Some((text, error)) = self.notice {
            let (mark, style) = if error {
                ("⚠ ", t.error())
            } else {
                ("✓ ", t.notice())
            };
            let room = if error {
                w.saturating_sub(2)
            } else {
                (w / 2).max(20)
            };
            let text = fit(&format!("{mark}{text}"), room);
            used += width(&text) + 2;
            spans.push(Span::styled(text, style));
            spans.push(Span::raw("  "));
        }
        let split = self.hints.len().saturating_sub(2);
        let (rest, last) = self.hints.split_at(split);
        let reserved: usize = last.iter().map(hint_w).sum();
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
