//! Screen 2, the cases: the view's cases page by page, with the selected case's preview. Owns the
//! list around its cursor; asks for pages through `App`, which talks to the worker.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::i18n::{Msg, tr};
use crate::tui::action::Command;
use crate::tui::cases::CaseList;
use crate::tui::layout;
use crate::tui::screens::{Ctx, Want};
use crate::tui::widgets::case_table::{CasePreview, CaseTable};
use crate::view::{Sort, SortKey};

/// The case screen's state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cases {
    /// The rows loaded around the cursor.
    pub list: CaseList,
    /// The list must be re-read around its cursor when it is next shown.
    pub stale: bool,
}

impl Cases {
    /// The moves go through the list (asking for a page when one is needed); Enter opens the case.
    pub fn command(&mut self, c: Command, ctx: &Ctx<'_>) -> Option<Want> {
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
    pub fn draw(&self, ctx: &Ctx<'_>, body: Rect, buf: &mut Buffer) {
        let list_h = body.height.saturating_sub(layout::PREVIEW);
        let list = &self.list;
        CaseTable {
            rows: list.rows(),
            top: list.top(),
            selected: list.selected(),
            loaded: list.is_loaded(),
            sort: ctx.view.sort.unwrap_or(Sort {
                key: SortKey::Received,
                descending: false,
            }),
            as_of: ctx.as_of,
            reference: ctx.reference,
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
            (Some(n), Some(t)) => Some(format!("{n} {} {t}", tr(ctx.lang, Msg::TuiOf))),
            _ => None,
        };
        CasePreview {
            row: list.selected_row(),
            position,
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
