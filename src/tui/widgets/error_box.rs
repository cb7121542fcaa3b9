//! An error too long for the status line, shown whole: wrapped over the status line and the rows
//! above it (half the screen at most), ` ⚠ ` before its first line. Render-only.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::tui::theme::Theme;
use crate::tui::widgets::text::wrap;

/// The error's lines.
pub struct ErrorBox<'a> {
    pub text: &'a str,
    pub theme: &'a Theme,
}

impl ErrorBox<'_> {
    /// The error's lines at `width`: ` ⚠ ` before the first, the others indented under it.
    pub fn lines(&self, width: u16) -> Vec<String> {
        let room = usize::from(width).saturating_sub(4).max(10);
        wrap(self.text, room)
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
}

impl Widget for ErrorBox<'_> {
    /// Draws the lines at the bottom of `area`, the last on its last row; lines that do not fit
    /// are the first ones left out, never the way out the message ends with.
    fn render(self, area: Rect, buf: &mut Buffer) {
        let lines = self.lines(area.width);
        let n = lines.len().min(usize::from(area.height));
        let top = area.y + area.height - u16::try_from(n).unwrap_or(area.height);
        for (i, line) in lines[lines.len() - n..].iter().enumerate() {
            let y = top + u16::try_from(i).unwrap_or(0);
            let row = Rect {
                y,
                height: 1,
                ..area
            };
            buf.set_style(row, self.theme.error());
            buf.set_string(
                row.x,
                y,
                " ".repeat(usize::from(row.width)),
                self.theme.error(),
            );
            buf.set_line(
                row.x,
                y,
                &Line::from(Span::styled(line.clone(), self.theme.error())),
                row.width,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::widgets::text::buffer_row;

    #[test]
    fn a_long_error_is_wrapped_whole_above_the_last_row() {
        let t = Theme::new(false);
        let text = "Report not written: the reports folder ~/Documents/pantau is a symbolic link \
                    to /mnt/shared/reports: set reports_dir in the configuration file";
        let mut buf = Buffer::empty(Rect::new(0, 0, 60, 5));
        ErrorBox { text, theme: &t }.render(buf.area, &mut buf);
        let rows: Vec<String> = (0..5).map(|y| buffer_row(&buf, y)).collect();
        let shown = rows.join(" ");
        for word in [
            "Report",
            "symbolic",
            "/mnt/shared/reports:",
            "configuration",
            "file",
        ] {
            assert!(shown.contains(word), "{word}: {rows:#?}");
        }
        assert!(rows[4].trim_end().ends_with("file"), "{rows:#?}");
        assert!(
            rows[0].trim().is_empty(),
            "only the rows it needs: {rows:#?}"
        );
    }
}
