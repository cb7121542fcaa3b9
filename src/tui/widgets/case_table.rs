//! The case list: one row per case (number, received, region, stage, type, status, deadline, the
//! start of the description) with the sort shown in the heading, and the preview of the selected case.

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::domain::{Reference, Status, TypeGroup};
use crate::engine::CaseRow;
use crate::i18n::{Lang, Msg, tr};
use crate::tui::theme::Theme;
use crate::tui::widgets::text::{date, fit, left, width, wrap};
use crate::view::{Sort, SortKey};

/// The columns, in order, with the sort key each one shows.
const COLUMNS: [(Msg, Option<SortKey>); 8] = [
    (Msg::TuiColNumber, Some(SortKey::Number)),
    (Msg::TuiColReceived, Some(SortKey::Received)),
    (Msg::Region, Some(SortKey::Region)),
    (Msg::Stage, Some(SortKey::Stage)),
    (Msg::Type, Some(SortKey::Type)),
    (Msg::Status, Some(SortKey::Status)),
    (Msg::TuiColDue, Some(SortKey::Due)),
    (Msg::TuiColDescription, None),
];

/// Smallest and ideal widths of the columns but the last (the description takes what is left).
const MIN: [usize; 7] = [14, 8, 10, 8, 9, 12, 11];
const IDEAL: [usize; 7] = [30, 10, 17, 22, 16, 24, 12];
/// Which columns get extra room first.
const PRIORITY: [usize; 7] = [0, 5, 4, 3, 2, 6, 1];

/// The widths of the eight columns at `total` columns (one is the cursor marker, one space each).
pub fn widths(total: usize) -> [usize; 8] {
    let mut w = [0usize; 8];
    w[..7].copy_from_slice(&MIN);
    let mut room = total.saturating_sub(1 + MIN.iter().sum::<usize>() + 7);
    for i in PRIORITY {
        let add = (IDEAL[i] - w[i]).min(room);
        w[i] += add;
        room -= add;
    }
    w[7] = room.saturating_sub(1);
    if w[7] < 8 {
        w[7] = 0;
    }
    w
}

/// The deadline cell: `⚠ lewat 3h`, `s/d 05/02`, or `–` when handling has ended.
pub fn due_text(row: &CaseRow, as_of: NaiveDate, lang: Lang) -> String {
    match row.due {
        Some(due) if row.overdue => {
            format!(
                "⚠ {} {}{}",
                tr(lang, Msg::TuiLate),
                (as_of - due).num_days(),
                tr(lang, Msg::TuiDayUnit)
            )
        }
        Some(due) => format!("{} {}", tr(lang, Msg::TuiUntil), due.format("%d/%m")),
        None => "–".into(),
    }
}

/// The list.
pub struct CaseTable<'a> {
    pub rows: &'a [CaseRow],
    pub top: usize,
    pub selected: usize,
    pub loaded: bool,
    pub sort: Sort,
    pub as_of: NaiveDate,
    pub reference: &'a Reference,
    pub lang: Lang,
    pub theme: &'a Theme,
}

impl Widget for CaseTable<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let l = self.lang;
        let w = widths(usize::from(area.width));
        let mut head = vec![Span::raw(" ")];
        for (i, (msg, key)) in COLUMNS.iter().enumerate() {
            if w[i] == 0 {
                continue;
            }
            let mut label = match (*msg, w[i]) {
                // "Diterima ▲" does not fit the short date column; "Terima ▲" does.
                (Msg::TuiColReceived, 8) => tr(l, Msg::TuiColReceivedShort).to_string(),
                _ => tr(l, *msg).to_string(),
            };
            if *key == Some(self.sort.key) {
                label = format!("{label} {}", if self.sort.descending { "▼" } else { "▲" });
            }
            head.push(Span::styled(left(&label, w[i]), t.heading()));
            head.push(Span::raw(" "));
        }
        buf.set_line(area.x, area.y, &Line::from(head), area.width);
        let rows = usize::from(area.height.saturating_sub(1));
        if !self.loaded || self.rows.is_empty() {
            let msg = if self.loaded {
                Msg::TuiNoCases
            } else {
                Msg::TuiLoading
            };
            buf.set_line(
                area.x + 2,
                area.y + 1,
                &Line::from(Span::styled(tr(l, msg), t.dim())),
                area.width.saturating_sub(2),
            );
            return;
        }
        // The cursor always shows, even if the stored scroll was for another size.
        let mut top = self.top.min(self.selected);
        if self.selected >= top + rows {
            top = self.selected + 1 - rows;
        }
        for (i, r) in self.rows.iter().enumerate().skip(top).take(rows) {
            let y = area.y + 1 + (i - top) as u16;
            let region = self
                .reference
                .region(&r.region)
                .map_or(r.region.clone(), |g| g.short_name.clone());
            let kind = TypeGroup::from_code(&r.type_group)
                .map_or(r.type_group.clone(), |g| g.label(l).to_string());
            let status =
                Status::from_code(&r.status).map_or(r.status.clone(), |s| s.label(l).to_string());
            let cells = [
                r.nomor.clone(),
                if w[1] >= 10 {
                    date(r.received)
                } else {
                    r.received.format("%d/%m/%y").to_string()
                },
                region,
                r.stage.clone(),
                kind,
                status,
                due_text(r, self.as_of, l),
                r.uraian.clone(),
            ];
            let selected = i == self.selected;
            let mut spans = vec![Span::raw(if selected { "›" } else { " " })];
            for (c, text) in cells.iter().enumerate() {
                if w[c] == 0 {
                    continue;
                }
                let style = match c {
                    3 if r.stage == crate::domain::CAMPAIGN => t.campaign(),
                    6 if r.overdue => t.overdue(),
                    _ => t.normal(),
                };
                spans.push(Span::styled(left(text, w[c]), style));
                spans.push(Span::raw(" "));
            }
            buf.set_line(area.x, y, &Line::from(spans), area.width);
            if selected {
                buf.set_style(
                    Rect {
                        x: area.x,
                        y,
                        width: area.width,
                        height: 1,
                    },
                    t.selected(),
                );
            }
        }
    }
}

/// The selected case's number and description under the list, with "n of N".
pub struct CasePreview<'a> {
    pub row: Option<&'a CaseRow>,
    /// "3 dari 14".
    pub position: Option<String>,
    pub theme: &'a Theme,
}

impl Widget for CasePreview<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height == 0 {
            return;
        }
        let t = self.theme;
        let w = usize::from(area.width);
        let left_part = self
            .row
            .map(|r| format!("─ {} ", r.nomor))
            .unwrap_or_else(|| "─".into());
        let right_part = self
            .position
            .map(|p| format!(" {p} ─"))
            .unwrap_or_else(|| "─".into());
        let fill = w.saturating_sub(width(&left_part) + width(&right_part));
        let rule = format!("{}{}{}", fit(&left_part, w), "─".repeat(fill), right_part);
        buf.set_line(
            area.x,
            area.y,
            &Line::from(Span::styled(fit(&rule, w), t.dim())),
            area.width,
        );
        let Some(row) = self.row else { return };
        let mut lines = wrap(&row.uraian, w.saturating_sub(2));
        let room = usize::from(area.height - 1);
        if lines.len() > room {
            lines.truncate(room);
            if let Some(last) = lines.last_mut() {
                *last = fit(&format!("{last} …"), w.saturating_sub(2));
            }
        }
        for (i, text) in lines.iter().enumerate() {
            buf.set_line(
                area.x + 1,
                area.y + 1 + i as u16,
                &Line::from(text.as_str()),
                area.width.saturating_sub(1),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_fill_the_width_by_priority() {
        let narrow = widths(80);
        assert_eq!(
            narrow,
            [14, 8, 10, 8, 9, 12, 11, 0],
            "no description column at 80"
        );
        let mid = widths(160);
        assert_eq!(
            1 + mid.iter().sum::<usize>() + 8,
            160,
            "the description takes the rest"
        );
        let wide = widths(200);
        assert_eq!(&wide[..7], &IDEAL);
        assert!(wide[7] > 50, "the projector shows the description");
    }
}
