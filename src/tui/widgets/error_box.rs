//! An error too long for the status line, shown whole: wrapped over the status line and the rows
//! above it (half the screen at most), ` ⚠ ` before its first line; a file written whose path is
//! too long likewise, ` ✓ ` first. Render-only.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::tui::theme::Theme;
use crate::tui::widgets::text::{self, wrap};

/// The error's lines.
pub struct ErrorBox<'a> {
    pub text: &'a str,
    pub theme: &'a Theme,
}

/// A notice too long for the status line (`Berkas ditulis ke` and a long path), shown whole the
/// same way: the path is wrapped onto the next rows, never cut.
pub struct DoneBox<'a> {
    pub text: &'a str,
    pub theme: &'a Theme,
}

impl ErrorBox<'_> {
    /// The error's lines at `width`: ` ⚠ ` before the first, the others indented under it.
    pub fn lines(&self, width: u16) -> Vec<String> {
        marked("⚠", self.text, width)
    }
}

impl DoneBox<'_> {
    /// The notice's lines at `width`: ` ✓ ` before the first, the others indented under it; a
    /// path longer than a line breaks after a `/`, so the file's name stays on one line.
    pub fn lines(&self, width: u16) -> Vec<String> {
        let room = usize::from(width).saturating_sub(4).max(10);
        let mut lines: Vec<String> = Vec::new();
        let mut line = String::new();
        for word in self.text.split_whitespace() {
            let sep = usize::from(!line.is_empty());
            if text::width(&line) + sep + text::width(word) <= room {
                if sep == 1 {
                    line.push(' ');
                }
                line.push_str(word);
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            for part in word.split_inclusive('/') {
                if !line.is_empty() && text::width(&line) + text::width(part) > room {
                    lines.push(std::mem::take(&mut line));
                }
                line.push_str(part);
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        // A part still longer than a line (a very narrow screen) wraps anywhere.
        let lines: Vec<String> = lines.iter().flat_map(|l| wrap(l, room)).collect();
        mark_lines("✓", lines)
    }
}

/// `text` wrapped at `width`, `mark` before the first line and the others indented under it.
fn marked(mark: &str, text: &str, width: u16) -> Vec<String> {
    let room = usize::from(width).saturating_sub(4).max(10);
    mark_lines(mark, wrap(text, room))
}

/// `mark` before the first line, the others indented under it.
fn mark_lines(mark: &str, lines: Vec<String>) -> Vec<String> {
    lines
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                format!(" {mark} {l}")
            } else {
                format!("   {l}")
            }
        })
        .collect()
}

impl Widget for ErrorBox<'_> {
    /// Draws the lines at the bottom of `area`, the last on its last row; lines that do not fit
    /// are the first ones left out, never the way out the message ends with.
    fn render(self, area: Rect, buf: &mut Buffer) {
        let lines = self.lines(area.width);
        bottom_up(&lines, self.theme.error(), area, buf);
    }
}

impl Widget for DoneBox<'_> {
    /// Draws the lines at the bottom of `area` as `ErrorBox` does, in the notice's colours.
    fn render(self, area: Rect, buf: &mut Buffer) {
        let lines = self.lines(area.width);
        bottom_up(&lines, self.theme.notice(), area, buf);
    }
}

/// Draws `lines` at the bottom of `area` in `style`, the last on its last row; lines that do not
/// fit are the first ones left out.
fn bottom_up(lines: &[String], style: ratatui::style::Style, area: Rect, buf: &mut Buffer) {
    let n = lines.len().min(usize::from(area.height));
    let top = area.y + area.height - u16::try_from(n).unwrap_or(area.height);
    for (i, line) in lines[lines.len() - n..].iter().enumerate() {
        let y = top + u16::try_from(i).unwrap_or(0);
        let row = Rect {
            y,
            height: 1,
            ..area
        };
        buf.set_style(row, style);
        buf.set_string(row.x, y, " ".repeat(usize::from(row.width)), style);
        buf.set_line(
            row.x,
            y,
            &Line::from(Span::styled(line.clone(), style)),
            row.width,
        );
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

    #[test]
    fn a_long_path_breaks_after_a_slash_and_keeps_the_file_name_whole() {
        let t = Theme::new(false);
        let text = "Berkas ditulis ke /home/petugas/.local/share/pantau/laporan/\
                    pantau-ringkasan-20240202-141502.xlsx";
        let lines = DoneBox { text, theme: &t }.lines(60);
        assert_eq!(
            lines,
            vec![
                " ✓ Berkas ditulis ke",
                "   /home/petugas/.local/share/pantau/laporan/",
                "   pantau-ringkasan-20240202-141502.xlsx",
            ]
        );
        let narrow = DoneBox { text, theme: &t }.lines(20);
        assert_eq!(
            narrow.concat().replace(' ', ""),
            format!("✓{}", text.replace(' ', ""))
        );
    }
}
