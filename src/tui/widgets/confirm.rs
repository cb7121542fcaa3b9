//! A yes/no question in the footer's place (`Hapus acuan 14:05?  y ya  n tidak`): it takes the
//! whole line, so nothing else can be read as the answer. Render-only; the keys come from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::tui::theme::Theme;
use crate::tui::widgets::text::{fit, width};

/// The question line.
pub struct ConfirmBar<'a> {
    pub question: &'a str,
    /// The keys that answer and their words (yes first).
    pub answers: &'a [(String, &'a str)],
    pub theme: &'a Theme,
}

impl Widget for ConfirmBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let answers_w: usize = self
            .answers
            .iter()
            .map(|(k, w)| width(k) + 1 + width(w) + 2)
            .sum();
        // The answers always show; the question gives way at the end if it must.
        let room = usize::from(area.width).saturating_sub(1 + 2 + 2 + answers_w);
        let question = fit(self.question, room);
        let mut spans = vec![
            Span::raw(" "),
            Span::styled(format!(" {question} "), t.tab_active()),
            Span::raw("  "),
        ];
        for (keys, word) in self.answers {
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

    #[test]
    fn the_question_and_its_answers_share_the_line() {
        let t = Theme::new(false);
        let answers = [("y".to_string(), "ya"), ("n".to_string(), "tidak")];
        let mut buf = Buffer::empty(Rect::new(0, 0, 80, 1));
        ConfirmBar {
            question: "Hapus acuan 14:05?",
            answers: &answers,
            theme: &t,
        }
        .render(buf.area, &mut buf);
        let row = buffer_row(&buf, 0);
        assert!(
            row.starts_with("  Hapus acuan 14:05?   y ya  n tidak"),
            "{row}"
        );
    }
}
