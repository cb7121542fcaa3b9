//! The list of saved views (`v`): each name with its spec and how many cases it holds now, the
//! selected one reversed, the question before deleting one, or a line saying how to save one.
//! Render-only; the views, counts, selection and texts are given.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Clear, Widget};

use crate::tui::theme::Theme;
use crate::tui::widgets::text::{fit, heading, left, right, width};

/// The list.
pub struct SavedViews<'a> {
    pub title: &'a str,
    /// Name and spec of each view.
    pub views: &'a [(&'a str, &'a str)],
    /// How many cases each view holds, as shown (`22`, `…` while counting, `–` for none).
    pub counts: &'a [String],
    pub selected: usize,
    /// The question before deleting the selected view, when it is asked.
    pub confirm: Option<&'a str>,
    /// What shows when there is none.
    pub empty: &'a str,
    pub theme: &'a Theme,
}

impl Widget for SavedViews<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height == 0 {
            return;
        }
        Clear.render(area, buf);
        let t = self.theme;
        heading(buf, area, format!("─ {} ", self.title), 0, t);
        if self.views.is_empty() {
            buf.set_string(
                area.x + 1,
                area.y + 2,
                fit(self.empty, usize::from(area.width) - 1),
                t.dim(),
            );
            return;
        }
        let mut rows = usize::from(area.height - 1);
        if let Some(q) = self.confirm {
            // The question takes the last row, under the list.
            rows = rows.saturating_sub(1);
            let y = area.y + area.height - 1;
            buf.set_string(
                area.x,
                y,
                left(&format!(" {q}"), usize::from(area.width)),
                t.error(),
            );
        }
        let rows = rows.max(1);
        let top = (self.selected + 1).saturating_sub(rows);
        let w = usize::from(area.width);
        let name_w = self
            .views
            .iter()
            .map(|(n, _)| width(n) + 1)
            .max()
            .unwrap_or(0)
            .min(w / 3);
        let count_w = self.counts.iter().map(|c| width(c)).max().unwrap_or(0);
        for (i, (name, spec)) in self.views.iter().enumerate().skip(top).take(rows) {
            let y = area.y + 1 + (i - top) as u16;
            let marker = if i == self.selected { "▸ " } else { "  " };
            let count = self.counts.get(i).map_or("", String::as_str);
            let spec_w = w.saturating_sub(name_w + 5 + count_w + 2);
            let text = format!(
                "{marker}{}  {}  {}",
                left(&format!("@{name}"), name_w),
                left(&fit(spec, spec_w), spec_w),
                right(count, count_w),
            );
            let style = if i == self.selected {
                t.selected()
            } else {
                t.normal()
            };
            buf.set_string(area.x, y, left(&text, w), style);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::widgets::text::buffer_row;

    #[test]
    fn the_selected_view_is_marked_and_reversed() {
        let t = Theme::new(false);
        let views = [("kampanye", "stage:kampanye"), ("lewat", "is:overdue")];
        let counts = ["22".to_string(), "0".to_string()];
        let w = SavedViews {
            title: "Saved views",
            views: &views,
            counts: &counts,
            selected: 1,
            confirm: None,
            empty: "none",
            theme: &t,
        };
        let mut buf = Buffer::empty(Rect::new(0, 0, 40, 4));
        w.render(buf.area, &mut buf);
        let row = |y: u16| buffer_row(&buf, y).trim_end().to_string();
        assert_eq!(row(1), "  @kampanye  stage:kampanye          22");
        assert_eq!(row(2), "▸ @lewat     is:overdue               0");
        assert!(
            buf[(0, 2)]
                .modifier
                .contains(ratatui::style::Modifier::REVERSED)
        );
        assert!(
            !buf[(0, 1)]
                .modifier
                .contains(ratatui::style::Modifier::REVERSED)
        );
    }

    #[test]
    fn the_question_before_deleting_shows_under_the_list() {
        let t = Theme::new(false);
        let views = [("kampanye", "stage:kampanye")];
        let counts = ["…".to_string()];
        let w = SavedViews {
            title: "Saved views",
            views: &views,
            counts: &counts,
            selected: 0,
            confirm: Some("Delete the view @kampanye?"),
            empty: "none",
            theme: &t,
        };
        let mut buf = Buffer::empty(Rect::new(0, 0, 40, 5));
        w.render(buf.area, &mut buf);
        assert_eq!(
            buffer_row(&buf, 4).trim_end(),
            " Delete the view @kampanye?"
        );
        assert!(buffer_row(&buf, 1).trim_end().ends_with('…'));
    }
}
