//! The one line shown when the terminal is below the smallest usable size: the size needed and the
//! size there is. Render-only.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use crate::i18n::{Lang, Msg, tr};

/// The message.
pub struct TooSmall {
    pub need: (u16, u16),
    pub have: (u16, u16),
    pub lang: Lang,
}

impl TooSmall {
    /// "Layar terlalu kecil: perlu 80×24, ada 60×20".
    pub fn text(&self) -> String {
        format!(
            "{} {}×{}, {} {}×{}",
            tr(self.lang, Msg::TuiTooSmall),
            self.need.0,
            self.need.1,
            tr(self.lang, Msg::TuiHave),
            self.have.0,
            self.have.1
        )
    }
}

impl Widget for TooSmall {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height == 0 {
            return;
        }
        buf.set_line(area.x, area.y, &Line::from(self.text()), area.width);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_says_what_is_needed_and_what_there_is() {
        let w = TooSmall {
            need: (80, 24),
            have: (60, 20),
            lang: Lang::Id,
        };
        assert_eq!(w.text(), "Layar terlalu kecil: perlu 80×24, ada 60×20");
        let w = TooSmall {
            lang: Lang::En,
            ..w
        };
        assert_eq!(w.text(), "Terminal too small: need 80×24, have 60×20");
    }
}
