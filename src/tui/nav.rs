//! Moving around: the dashboard's panels, the case list, scrolling the overlays, and drilling down
//! (Enter); the map and the stage screen move in their own modules (screens/). Part of
//! `App::update`; changes state only through the app's methods.

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
}
