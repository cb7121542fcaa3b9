//! The path of drill-downs, a line of its own above the screen while there is one:
//! `Ringkasan › wilayah:balikpapan › Kasus`, each screen a drill-down started from and the terms
//! it added, the screen shown now last; on the right where Esc leads (`Esc kembali ke Ringkasan`).
//! When the line is short the Esc hint goes first, then the oldest steps (`… ›`). Render-only.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::tui::theme::Theme;
use crate::tui::widgets::text::{fit, line_width};

/// One drill-down of the path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// The title of the screen it started from.
    pub screen: String,
    /// The terms it added to the view, as printed (empty when it added none).
    pub added: String,
}

/// The path line.
pub struct Breadcrumb<'a> {
    pub steps: &'a [Step],
    /// The title of the screen shown now.
    pub here: &'a str,
    /// The key that goes back and where it leads, when it leads somewhere.
    pub back: Option<(String, String)>,
    pub theme: &'a Theme,
}

const SEPARATOR: &str = " › ";
const ELIDED: &str = "…";

impl Breadcrumb<'_> {
    /// The path from step `from` on (earlier ones elided), the screen shown now last.
    fn path(&self, from: usize) -> Line<'static> {
        let t = self.theme;
        let mut spans = vec![Span::raw(" ")];
        if from > 0 {
            spans.push(Span::styled(ELIDED, t.dim()));
            spans.push(Span::styled(SEPARATOR, t.dim()));
        }
        for s in &self.steps[from.min(self.steps.len())..] {
            spans.push(Span::styled(s.screen.clone(), t.normal()));
            spans.push(Span::styled(SEPARATOR, t.dim()));
            if !s.added.is_empty() {
                spans.push(Span::styled(s.added.clone(), t.heading()));
                spans.push(Span::styled(SEPARATOR, t.dim()));
            }
        }
        spans.push(Span::styled(self.here.to_string(), t.heading()));
        Line::from(spans)
    }
}

impl Widget for Breadcrumb<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height == 0 || area.width == 0 {
            return;
        }
        let t = self.theme;
        let w = usize::from(area.width);
        let back = self.back.as_ref().map(|(key, text)| {
            Line::from(vec![
                Span::styled(key.clone(), t.key()),
                Span::styled(format!(" {text} "), t.dim()),
            ])
        });
        let whole = self.path(0);
        let back_w = back.as_ref().map_or(0, |b| line_width(b) + 2);
        // The Esc hint gives way first, then the oldest steps; the screen shown now stays.
        let (path, back) = if line_width(&whole) + back_w <= w {
            (whole, back)
        } else {
            let shortest = (1..=self.steps.len())
                .map(|from| self.path(from))
                .find(|l| line_width(l) <= w)
                .unwrap_or_else(|| self.path(self.steps.len()));
            let line = if line_width(&whole) <= w {
                whole
            } else {
                shortest
            };
            (line, None)
        };
        let path = if line_width(&path) > w {
            let text: String = path.spans.iter().map(|s| s.content.as_ref()).collect();
            Line::from(Span::styled(fit(&text, w), t.normal()))
        } else {
            path
        };
        buf.set_line(area.x, area.y, &path, area.width);
        if let Some(back) = back {
            let bw = line_width(&back);
            let x = area.x + area.width.saturating_sub(bw as u16);
            buf.set_line(x, area.y, &back, bw as u16);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::widgets::text::buffer_row;

    fn row(steps: &[Step], width: u16, back: bool) -> String {
        let t = Theme::new(false);
        let mut buf = Buffer::empty(Rect::new(0, 0, width, 1));
        Breadcrumb {
            steps,
            here: "Kasus",
            back: back.then(|| ("Esc".to_string(), "kembali ke Ringkasan".to_string())),
            theme: &t,
        }
        .render(buf.area, &mut buf);
        buffer_row(&buf, 0)
    }

    fn step(screen: &str, added: &str) -> Step {
        Step {
            screen: screen.into(),
            added: added.into(),
        }
    }

    #[test]
    fn the_path_names_each_drill_down_and_where_esc_leads() {
        let steps = [step("Ringkasan", "wilayah:balikpapan")];
        let line = row(&steps, 80, true);
        assert!(
            line.starts_with(" Ringkasan › wilayah:balikpapan › Kasus"),
            "{line}"
        );
        assert!(
            line.trim_end().ends_with("Esc kembali ke Ringkasan"),
            "{line}"
        );
    }

    #[test]
    fn a_short_line_drops_the_hint_then_the_oldest_steps_never_the_screen_shown() {
        let steps = [
            step("Ringkasan", "wilayah:balikpapan"),
            step("Peta", ""),
            step("Ringkasan", "tahapan:kampanye"),
        ];
        let line = row(&steps, 90, true);
        assert!(!line.contains("Esc"), "{line}");
        assert!(
            line.contains("Ringkasan › wilayah:balikpapan › Peta › Ringkasan"),
            "{line}"
        );
        let line = row(&steps, 45, true);
        assert!(
            line.starts_with(" … › Ringkasan › tahapan:kampanye › Kasus"),
            "{line}"
        );
        let line = row(&steps, 12, true);
        assert!(line.chars().count() <= 12, "{line}");
    }
}
