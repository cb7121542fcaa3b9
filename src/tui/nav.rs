//! Moving around: the dashboard's panels, the case list, scrolling the overlays, the next and
//! previous case in the detail, and drilling down (Enter); the map and the stage screen move in their own modules (screens/). Part of
//! `App::update`; changes state only through the app's methods.

use crate::i18n::{Msg, tr};
use crate::tui::action::{Action, Command};
use crate::tui::app::{App, Overlay};
use crate::tui::keymap::Mode;
use crate::tui::layout;
use crate::tui::screens::step;

impl App {
    /// Up, Down, Left, Right, Top, Bottom, PageUp, PageDown in the current mode: the screen's
    /// own module moves its cursor (also under the presenter); the overlays scroll here.
    pub(crate) fn navigate(&mut self, c: Command) -> Option<Action> {
        let mode = match self.mode() {
            Mode::Present => self.screen_mode(),
            m => m,
        };
        if mode == self.screen_mode() {
            return self.screen_command(c);
        }
        if let Mode::Detail | Mode::Help = mode {
            let page = layout::text_rows(self.size.1);
            let max = self.overlay_lines().saturating_sub(page);
            match &mut self.overlay {
                Some(Overlay::Help { scroll, .. }) | Some(Overlay::Detail { scroll, .. }) => {
                    *scroll = step(*scroll, max + 1, c, page);
                }
                Some(Overlay::Views { .. }) | None => {}
            }
        }
        None
    }

    /// Enter: the screen's own module drills down into the row under its cursor, or opens the case.
    pub(crate) fn open(&mut self) -> Option<Action> {
        if self.mode() == self.screen_mode() {
            return self.screen_command(Command::Open);
        }
        None
    }

    /// `n`/`N` (→/←) in the detail: the next or previous case of the list, whose cursor moves
    /// along; at the end of the rows fetched the next page is asked for and its case shown when
    /// it arrives; at the end of the list a notice says so.
    pub(crate) fn step_case(&mut self, forward: bool) {
        let Some(Overlay::Detail { id, .. }) = &self.overlay else {
            return;
        };
        let id = *id;
        let visible = self.case_rows();
        let list = &mut self.screens.cases.list;
        list.select_id(id, visible);
        let before = list.selected_row().map(|r| r.id);
        list.move_by(if forward { 1 } else { -1 }, visible);
        let after = list.selected_row().map(|r| r.id);
        let owes = list.owes();
        match after {
            Some(next) if after != before => self.open_detail(next),
            _ if owes => {
                if let Some(Overlay::Detail { follow, .. }) = &mut self.overlay {
                    *follow = true;
                }
            }
            _ => {
                let msg = if forward {
                    Msg::TuiLastCase
                } else {
                    Msg::TuiFirstCase
                };
                self.say(tr(self.lang, msg).to_string());
            }
        }
    }

    /// After a page of the list arrives: a detail waiting for it shows the case now under the
    /// list's cursor.
    pub(crate) fn follow_list(&mut self) {
        let Some(Overlay::Detail {
            follow: true, id, ..
        }) = &self.overlay
        else {
            return;
        };
        let id = *id;
        match self.screens.cases.list.selected_row().map(|r| r.id) {
            Some(next) if next != id => self.open_detail(next),
            _ => {
                if let Some(Overlay::Detail { follow, .. }) = &mut self.overlay {
                    *follow = false;
                }
            }
        }
    }
}
