//! The list of saved views (`v`): each name with its spec, the selected one reversed, or a line
//! saying how to save one. Render-only; the views, selection and texts are given.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Clear, Widget};

use crate::tui::theme::Theme;
use crate::tui::widgets::text::{fit, heading, left, width};

/// The list.
pub struct SavedViews<'a> {
    pub title: &'a str,
    /// Name and spec of each view.
    pub views: &'a [(&'a str, &'a str)],
    pub selected: usize,
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
        let rows = usize::from(area.height - 1);
        let top = (self.selected + 1).saturating_sub(rows);
        let name_w = self
            .views
            .iter()
            .map(|(n, _)| width(n) + 1)
            .max()
            .unwrap_or(0)
            .min(usize::from(area.width) / 3);
        let w = usize::from(area.width);
        for (i, (name, spec)) in self.views.iter().enumerate().skip(top).take(rows) {
            let y = area.y + 1 + (i - top) as u16;
            let marker = if i == self.selected { "▸ " } else { "  " };
            let text = format!(
                "{marker}{}  {}",
                left(&format!("@{name}"), name_w),
                fit(spec, w.saturating_sub(name_w + 5))
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
        let w = SavedViews {
            title: "Saved views",
            views: &views,
            selected: 1,
            empty: "none",
            theme: &t,
        };
        let mut buf = Buffer::empty(Rect::new(0, 0, 40, 4));
        w.render(buf.area, &mut buf);
        let row = |y: u16| buffer_row(&buf, y).trim_end().to_string();
        assert_eq!(row(1), "  @kampanye  stage:kampanye");
        assert_eq!(row(2), "▸ @lewat     is:overdue");
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
}
