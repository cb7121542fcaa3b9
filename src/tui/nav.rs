//! Moving around: the dashboard's panels, the case list, scrolling the overlays, and drilling down
//! (Enter); the map and the stage screen move in their own modules (screens/). Part of
//! `App::update`; changes state only through the app's methods.

use crate::tui::action::{Action, Command};
use crate::tui::app::{App, Overlay};
use crate::tui::keymap::Mode;
use crate::tui::layout;
use crate::tui::screens::step;

impl App {
    /// Up, Down, Left, Right, Top, Bottom, PageUp, PageDown in the current mode.
    pub(crate) fn navigate(&mut self, c: Command) {
        let mode = match self.mode() {
            Mode::Present => self.screen_mode(),
            m => m,
        };
        match mode {
            Mode::Dashboard => {
                // Moving between panels and rows never drills: nothing comes back to carry out.
                let _ = self.screen_command(c);
            }
            Mode::Cases => {
                // A move may need another page: the worker is asked for it.
                let _ = self.screen_command(c);
            }
            Mode::Stages => {
                // Moving between parts and rows never drills: nothing comes back to carry out.
                let _ = self.screen_command(c);
            }
            Mode::Map => {
                // Moving on the map never drills: nothing comes back to carry out.
                let _ = self.screen_command(c);
            }
            Mode::Detail | Mode::Help => {
                let page = layout::text_rows(self.size.1);
                let max = self.overlay_lines().saturating_sub(page);
                match &mut self.overlay {
                    Some(Overlay::Help { scroll, .. }) | Some(Overlay::Detail { scroll, .. }) => {
                        *scroll = step(*scroll, max + 1, c, page);
                    }
                    Some(Overlay::Views { .. }) | None => {}
                }
            }
            Mode::Global | Mode::Filter | Mode::Present | Mode::Views | Mode::Save => {}
        }
    }

    /// Enter: drill down into the row under the cursor, or open the case.
    pub(crate) fn open(&mut self) -> Option<Action> {
        match self.mode() {
            Mode::Dashboard => self.screen_command(Command::Open),
            Mode::Stages => self.screen_command(Command::Open),
            Mode::Map => self.screen_command(Command::Open),
            Mode::Cases => self.screen_command(Command::Open),
            _ => None,
        }
    }
}
