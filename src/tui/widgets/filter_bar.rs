//! The `/` view editor: the prompt and the text with its cursor, then either a reminder of the
//! view language's keys or the error with a caret under its position. Render-only; the text, cursor and error are given.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use crate::tui::theme::Theme;
use crate::tui::widgets::text::width;

/// The editor.
pub struct FilterBar<'a> {
    pub prompt: &'a str,
    pub text: &'a str,
    /// In characters from the start.
    pub cursor: usize,
    /// The error's 1-based character position and its message.
    pub error: Option<(usize, String)>,
    /// A reminder of the view language's keys, shown when there is no error (the keys of the
    /// editor itself are in the footer).
    pub hint: &'a str,
    pub theme: &'a Theme,
}

impl FilterBar<'_> {
    /// The rows the editor needs at `width`: the text, the caret and every line of the error, or
    /// the text and the reminder.
    pub fn rows(&self, width: u16) -> u16 {
        match &self.error {
            Some((_, message)) => {
                let n = message_lines(message, width).len();
                2 + u16::try_from(n).unwrap_or(u16::MAX).max(1)
            }
            None => 3,
        }
    }
}

/// The error's lines at `width`: ` ⚠ ` before the first, the others indented under it.
fn message_lines(message: &str, width: u16) -> Vec<String> {
    let room = usize::from(width).saturating_sub(3).max(10);
    crate::tui::widgets::text::wrap(&crate::text::safe(message), room)
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                format!(" ⚠ {l}")
            } else {
                format!("   {l}")
            }
        })
        .collect()
}

impl Widget for FilterBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height == 0 {
            return;
        }
        Clear.render(area, buf);
        let t = self.theme;
        let prompt = format!(" {} ", self.prompt);
        let pw = width(&prompt);
        let room = usize::from(area.width).saturating_sub(pw + 1).max(1);
        // One visible character for each typed or recalled one, so the cursor stays in place.
        let chars: Vec<char> = crate::text::safe_chars(self.text).chars().collect();
        // Scroll the text so the cursor (and the error's spot) stay in view.
        let focus = self
            .cursor
            .max(self.error.as_ref().map_or(0, |(p, _)| p.saturating_sub(1)));
        let start = (focus + 1).saturating_sub(room);
        let shown: String = chars.iter().skip(start).take(room).collect();
        let at = self.cursor.saturating_sub(start);
        let (before, rest): (String, String) = (
            shown.chars().take(at).collect(),
            shown.chars().skip(at).collect(),
        );
        let mut rest = rest.chars();
        let under = rest.next().map_or(" ".to_string(), |c| c.to_string());
        let line = Line::from(vec![
            Span::styled(prompt, t.heading()),
            Span::raw(before.clone()),
            Span::styled(under, t.edit_cursor()),
            Span::raw(rest.collect::<String>()),
        ]);
        buf.set_line(area.x, area.y, &line, area.width);
        if area.height < 2 {
            return;
        }
        match &self.error {
            Some((pos, message)) => {
                let before: String = chars
                    .iter()
                    .skip(start)
                    .take(pos.saturating_sub(1).saturating_sub(start))
                    .collect();
                let caret = format!("{}^", " ".repeat(pw + width(&before)));
                buf.set_line(
                    area.x,
                    area.y + 1,
                    &Line::from(Span::styled(caret, t.error())),
                    area.width,
                );
                // The message wraps onto the rows it is given (see `FilterBar::rows`), so the
                // end of a long one (the choices a value may take) is not cut off.
                let lines = message_lines(message, area.width);
                for (i, l) in lines.iter().enumerate().take(usize::from(area.height) - 2) {
                    buf.set_line(
                        area.x,
                        area.y + 2 + i as u16,
                        &Line::from(Span::styled(l.clone(), t.error())),
                        area.width,
                    );
                }
            }
            None => {
                buf.set_line(
                    area.x,
                    area.y + 1,
                    &Line::from(Span::styled(format!(" {}", self.hint), t.dim())),
                    area.width,
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::widgets::text::buffer_row;

    #[test]
    fn the_caret_points_at_the_error() {
        let t = Theme::new(false);
        let bar = FilterBar {
            prompt: "view›",
            text: "stage:kampanye regoin:kukar",
            cursor: 15,
            error: Some((16, "unknown key \"regoin\"".into())),
            hint: "",
            theme: &t,
        };
        let mut buf = Buffer::empty(Rect::new(0, 0, 40, 3));
        bar.render(buf.area, &mut buf);
        let row = |y: u16| buffer_row(&buf, y).trim_end().to_string();
        assert_eq!(row(0), " view› stage:kampanye regoin:kukar");
        assert_eq!(row(1), "                      ^");
        assert_eq!(row(2), " ⚠ unknown key \"regoin\"");
    }

    #[test]
    fn a_long_error_wraps_onto_the_rows_it_asks_for() {
        let t = Theme::new(false);
        let message = "no follow-up step matches \"xyz\" at 8; the choices are: penyidikan, sp3, \
                       penuntutan, persidangan, putusan, putusan_dkpp, keputusan_kpu";
        let bar = FilterBar {
            prompt: "view›",
            text: "lanjut:xyz",
            cursor: 10,
            error: Some((8, message.into())),
            hint: "",
            theme: &t,
        };
        let rows = bar.rows(40);
        assert!(rows > 3, "{rows}");
        let quiet = FilterBar {
            error: None,
            hint: "",
            ..bar
        };
        assert_eq!(quiet.rows(40), 3);
        let bar = FilterBar {
            error: Some((8, message.into())),
            ..quiet
        };
        let mut buf = Buffer::empty(Rect::new(0, 0, 40, rows));
        bar.render(buf.area, &mut buf);
        let shown: String = (2..rows)
            .map(|y| {
                buffer_row(&buf, y)
                    .trim()
                    .trim_start_matches('⚠')
                    .trim()
                    .to_string()
            })
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(shown, message);
    }
}
