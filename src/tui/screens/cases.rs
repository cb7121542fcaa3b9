//! Screen 2, the cases: the view's cases page by page, with the selected case's preview. Owns the
//! list around its cursor; asks for pages through `App`, which talks to the worker.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::i18n::{Msg, number, tr};
use crate::tui::action::Command;
use crate::tui::cases::CaseList;
use crate::tui::layout;
use crate::tui::screens::{Ctx, ScreenState, Want};
use crate::tui::widgets::case_table::{CasePreview, CaseTable, Column};
use crate::view::{Sort, SortKey, TermKind, View};

/// The case screen's state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cases {
    /// The rows loaded around the cursor.
    pub list: CaseList,
    /// The list must be re-read around its cursor when it is next shown.
    pub stale: bool,
}

impl ScreenState for Cases {
    /// The moves go through the list (asking for a page when one is needed); Enter opens the case.
    fn command(&mut self, c: Command, ctx: &Ctx<'_>) -> Option<Want> {
        let visible = layout::case_rows(ctx.size.0, ctx.size.1);
        let jump = match c {
            Command::Up => {
                self.list.move_by(-1, visible);
                None
            }
            Command::Down => {
                self.list.move_by(1, visible);
                None
            }
            Command::PageUp => {
                self.list.page_by(-1, visible);
                None
            }
            Command::PageDown => {
                self.list.page_by(1, visible);
                None
            }
            Command::Top => self.list.to_first(visible),
            Command::Bottom => self.list.to_last(visible),
            Command::Open => return self.list.selected_row().map(|r| Want::Open(r.id)),
            _ => None,
        };
        jump.map(|(req, fill)| Want::Page(req, fill))
    }

    /// Screen 2: the page of cases around the cursor, and the selected case's preview.
    fn draw(&self, ctx: &Ctx<'_>, body: Rect, buf: &mut Buffer) {
        let list_h = body.height.saturating_sub(layout::PREVIEW);
        let list = &self.list;
        let hidden = fixed_columns(ctx.view);
        let elections = ctx.elections();
        CaseTable {
            rows: list.rows(),
            top: list.top(),
            selected: list.selected(),
            loaded: list.is_loaded(),
            sort: ctx.view.sort.unwrap_or(Sort {
                key: SortKey::Received,
                descending: false,
            }),
            sort_chosen: ctx.view.sort.is_some(),
            hidden: &hidden,
            as_of: ctx.as_of,
            reference: ctx.reference,
            elections: &elections,
            lang: ctx.lang,
            theme: &ctx.theme,
        }
        .render(
            Rect {
                height: list_h,
                ..body
            },
            buf,
        );
        let total = ctx.counts.map(|c| c.headline.total);
        let position = match (list.position(), total) {
            (Some(n), Some(t)) => Some(format!(
                "{} {} {}",
                number(ctx.lang, n as i64),
                tr(ctx.lang, Msg::TuiOf),
                number(ctx.lang, t)
            )),
            _ => None,
        };
        CasePreview {
            row: list.selected_row(),
            position,
            new_note: Some(tr(ctx.lang, Msg::TuiNewSinceBaseline).to_string()),
            theme: &ctx.theme,
        }
        .render(
            Rect {
                y: body.y + list_h,
                height: layout::PREVIEW.min(body.height),
                ..body
            },
            buf,
        );
    }
}

/// The columns a view fixes, which the list leaves out: one region, one stage, one type or one
/// status asked for (not excluded) leaves the same value on every row.
pub fn fixed_columns(view: &View) -> Vec<Column> {
    view.terms
        .iter()
        .filter(|t| !t.negated)
        .filter_map(|t| match &t.kind {
            TermKind::Region(v) if v.len() == 1 => Some(Column::Region),
            TermKind::Stage(v) if v.len() == 1 => Some(Column::Stage),
            TermKind::Type(v) if v.len() == 1 => Some(Column::Type),
            TermKind::Status(v) if v.len() == 1 => Some(Column::Status),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{CaseRow, Page};
    use crate::tui::cases::{Fill, Landing};
    use crate::tui::screens::fixture::{Fixture, body, text};

    fn row(id: i64) -> CaseRow {
        CaseRow {
            id,
            nomor: format!("{id:03}/PL/PP/64/2024"),
            received: chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default(),
            region: "64.72".into(),
            stage: "KAMPANYE".into(),
            type_group: "PIDANA".into(),
            status: "KAJIAN".into(),
            due: None,
            overdue: false,
            uraian: "Politik uang".into(),
            new: id == 2,
            cursor: Default::default(),
        }
    }

    fn loaded(ids: std::ops::Range<i64>) -> Cases {
        let mut c = Cases::default();
        let page = Page {
            rows: ids.map(row).collect(),
            more: false,
        };
        c.list
            .apply(Fill::Replace(Landing::First), page, Some(0), 10);
        c
    }

    #[test]
    fn before_the_first_page_a_move_asks_for_nothing_and_enter_opens_nothing() {
        let f = Fixture::new();
        let mut c = Cases::default();
        assert_eq!(c.command(Command::Down, &f.ctx()), None);
        assert_eq!(c.command(Command::Open, &f.ctx()), None);
    }

    #[test]
    fn enter_opens_the_case_under_the_cursor() {
        let f = Fixture::new();
        let mut c = loaded(1..4);
        c.command(Command::Down, &f.ctx());
        assert_eq!(c.command(Command::Open, &f.ctx()), Some(Want::Open(2)));
    }

    #[test]
    fn draws_the_rows_and_the_preview() {
        let f = Fixture::new();
        let c = loaded(1..4);
        let (area, mut buf) = body();
        c.draw(&f.ctx(), area, &mut buf);
        let screen = text(&buf);
        assert!(screen.contains("003/PL/PP/64/2024"), "{screen}");
        assert!(screen.contains("Politik uang"), "{screen}");
    }
}
