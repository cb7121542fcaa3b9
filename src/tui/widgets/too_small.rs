//! The message shown when the terminal is below the smallest usable size: the size needed and the
//! size there is, wrapped so that all of it shows even in a very narrow terminal. Render-only.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::i18n::{Lang, Msg, tr};

/// The message.
pub struct TooSmall {
    pub need: (u16, u16),
    pub have: (u16, u16),
    /// The key that quits (the one key that works meanwhile).
    pub quit: String,
    pub lang: Lang,
}

impl TooSmall {
    /// "Layar terlalu kecil: perlu 80×24, ada 60×20. Perbesar jendela terminal …, atau tekan q".
    pub fn text(&self) -> String {
        format!(
            "{} {}×{}, {} {}×{}. {} {}.",
            tr(self.lang, Msg::TuiTooSmall),
            self.need.0,
            self.need.1,
            tr(self.lang, Msg::TuiHave),
            self.have.0,
            self.have.1,
            tr(self.lang, Msg::TuiTooSmallWayOut),
            self.quit,
        )
    }
}

impl Widget for TooSmall {
    fn render(self, area: Rect, buf: &mut Buffer) {
        Paragraph::new(self.text())
            .wrap(Wrap { trim: true })
            .render(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::widgets::text::buffer_row;

    #[test]
    fn it_says_what_is_needed_and_what_there_is() {
        let w = TooSmall {
            need: (80, 24),
            have: (60, 20),
            quit: "q".into(),
            lang: Lang::Id,
        };
        assert_eq!(
            w.text(),
            "Layar terlalu kecil: perlu 80×24, ada 60×20. Perbesar jendela terminal (tombol lain \
             diabaikan sampai cukup), atau tekan q."
        );
        let w = TooSmall {
            lang: Lang::En,
            ..w
        };
        assert_eq!(
            w.text(),
            "Terminal too small: need 80×24, have 60×20. Make the terminal larger (other keys are \
             ignored until it is), or press q."
        );
    }

    #[test]
    fn a_very_narrow_terminal_still_reads_the_whole_message() {
        let w = TooSmall {
            need: (80, 24),
            have: (20, 9),
            quit: "q".into(),
            lang: Lang::Id,
        };
        let area = Rect::new(0, 0, 20, 9);
        let mut buf = Buffer::empty(area);
        w.render(area, &mut buf);
        let text: String = (0..9)
            .map(|y| buffer_row(&buf, y).trim_end().to_string())
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            text.contains("perlu 80×24,")
                && text.contains("ada 20×9")
                && text.trim_end().ends_with("tekan q."),
            "{text}"
        );
    }
}
