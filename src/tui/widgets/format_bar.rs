//! The question of a report's format in the footer's place (`Rekap per
//! wilayah  [x xlsx]  p png   d pdf   ⏎ tulis  Esc batal`): one key a format, the bracketed
//! one Enter's. Render-only; the keys and words come from the keymap and the catalogue.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::tui::theme::Theme;
use crate::tui::widgets::text::{fit, width};

/// The question line.
pub struct FormatBar<'a> {
    pub question: &'a str,
    /// Each format: its key, its name, and whether Enter takes it.
    pub choices: &'a [(String, &'a str, bool)],
    /// The other keys and their words (Enter, Esc).
    pub answers: &'a [(String, &'a str)],
    pub theme: &'a Theme,
}

impl Widget for FormatBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        // Each format takes the same room, bracketed or not: the line stays still as the
        // highlight moves.
        let choices_w: usize = self
            .choices
            .iter()
            .map(|(k, w, _)| width(k) + width(w) + 3 + 1)
            .sum();
        let answers_w: usize = self
            .answers
            .iter()
            .map(|(k, w)| width(k) + 1 + width(w) + 2)
            .sum();
        // The keys always show; the question gives way at its end if it must.
        let room =
            usize::from(area.width).saturating_sub(1 + 2 + 1 + choices_w + 1 + answers_w) + 2;
        let question = fit(self.question, room);
        let mut spans = vec![
            Span::raw(" "),
            Span::styled(format!(" {question} "), t.tab_active()),
            Span::raw(" "),
        ];
        for (key, word, chosen) in self.choices {
            if *chosen {
                spans.push(Span::styled(format!("[{key} {word}]"), t.selected()));
            } else {
                spans.push(Span::raw(" "));
                spans.push(Span::styled(key.clone(), t.key()));
                spans.push(Span::raw(format!(" {word} ")));
            }
            spans.push(Span::raw(" "));
        }
        spans.push(Span::raw(" "));
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

    fn row(width: u16, question: &str) -> String {
        let t = Theme::new(false);
        let choices = [
            ("x".to_string(), "xlsx", false),
            ("p".to_string(), "png", true),
            ("d".to_string(), "pdf", false),
        ];
        let answers = [("⏎".to_string(), "tulis"), ("Esc".to_string(), "batal")];
        let mut buf = Buffer::empty(Rect::new(0, 0, width, 1));
        FormatBar {
            question,
            choices: &choices,
            answers: &answers,
            theme: &t,
        }
        .render(buf.area, &mut buf);
        buffer_row(&buf, 0)
    }

    #[test]
    fn the_question_its_formats_and_its_keys_share_the_line() {
        let line = row(100, "Rekap per wilayah");
        assert!(
            line.starts_with("  Rekap per wilayah   x xlsx  [p png]  d pdf   ⏎ tulis  Esc batal"),
            "{line}"
        );
        // Narrow, the question gives way and every key still shows.
        let narrow = row(60, "Rekap per kecamatan sampai ke desa dan kelurahan");
        assert!(
            narrow.contains("[p png]") && narrow.contains("Esc batal"),
            "{narrow}"
        );
        assert!(narrow.contains('…'), "{narrow}");
    }
}
