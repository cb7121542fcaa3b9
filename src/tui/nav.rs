//! Moving around: the dashboard's panels, the case list, scrolling the overlays, and drilling down
//! (Enter); the map and the stage screen move in their own modules (screens/). Part of
//! `App::update`; changes state only through the app's methods.

use crate::domain::{CAMPAIGN, Status, TypeGroup};
use crate::engine::Group;
use crate::tui::action::{Action, Command};
use crate::tui::app::{App, Overlay};
use crate::tui::keymap::Mode;
use crate::tui::layout;
use crate::tui::screens::step;
use crate::tui::state::Panel;
use crate::view::{TermKind, View};

impl App {
    /// The rows of a dashboard panel: the keys with cases (and the campaign stage always); stages
    /// and types in their own order, statuses (the longest list) the most frequent first.
    pub fn panel_items(&self, panel: Panel) -> Vec<&Group> {
        let Some(counts) = &self.counts else {
            return Vec::new();
        };
        let groups = match panel {
            Panel::Regions => return Vec::new(),
            Panel::Stages => &counts.stages,
            Panel::Types => &counts.types,
            Panel::Statuses => &counts.statuses,
        };
        let mut items: Vec<&Group> = groups
            .iter()
            .filter(|g| g.count > 0 || (panel == Panel::Stages && g.key == CAMPAIGN))
            .collect();
        if panel == Panel::Statuses {
            items.sort_by_key(|g| std::cmp::Reverse(g.count));
        }
        items
    }

    /// The selected row of a panel (the region table counts its total row last).
    pub(crate) fn panel_index(&self, panel: Panel) -> usize {
        match panel {
            Panel::Regions => self.region_row,
            _ => {
                let key = self.panel_keys[panel_slot(panel)].as_deref();
                self.panel_items(panel)
                    .iter()
                    .position(|g| Some(g.key.as_str()) == key)
                    .unwrap_or(0)
            }
        }
    }

    /// Up, Down, Left, Right, Top, Bottom, PageUp, PageDown in the current mode.
    pub(crate) fn navigate(&mut self, c: Command) {
        let mode = match self.mode() {
            Mode::Present => self.screen_mode(),
            m => m,
        };
        match mode {
            Mode::Dashboard => self.navigate_dashboard(c),
            Mode::Cases => self.navigate_cases(c),
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

    fn navigate_dashboard(&mut self, c: Command) {
        let i = Panel::ALL
            .iter()
            .position(|p| *p == self.panel)
            .unwrap_or(0);
        let n = Panel::ALL.len();
        match c {
            Command::Left => self.panel = Panel::ALL[(i + n - 1) % n],
            Command::Right => self.panel = Panel::ALL[(i + 1) % n],
            _ if self.panel == Panel::Regions => {
                let rows = self.reference.regions.len() + 1;
                self.region_row = step(self.region_row, rows, c, 5);
            }
            _ => {
                let items = self.panel_items(self.panel);
                let j = step(self.panel_index(self.panel), items.len(), c, 5);
                let key = items.get(j).map(|g| g.key.clone());
                self.panel_keys[panel_slot(self.panel)] = key;
            }
        }
    }

    fn navigate_cases(&mut self, c: Command) {
        let visible = self.case_rows();
        let jump = match c {
            Command::Up => {
                self.cases.move_by(-1, visible);
                None
            }
            Command::Down => {
                self.cases.move_by(1, visible);
                None
            }
            Command::PageUp => {
                self.cases.page_by(-1, visible);
                None
            }
            Command::PageDown => {
                self.cases.page_by(1, visible);
                None
            }
            Command::Top => self.cases.to_first(visible),
            Command::Bottom => self.cases.to_last(visible),
            _ => None,
        };
        if let Some((req, fill)) = jump {
            self.request_page(req, fill);
        }
    }

    /// Enter: drill down into the row under the cursor, or open the case.
    pub(crate) fn open(&mut self) -> Option<Action> {
        match self.mode() {
            Mode::Dashboard => {
                let kind = match self.panel {
                    Panel::Regions => match self.reference.regions.get(self.region_row) {
                        Some(r) => Some(TermKind::Region(vec![r.code.clone()])),
                        // The total row: every region of the view.
                        None => return self.drill(self.view.clone()),
                    },
                    panel => {
                        let items = self.panel_items(panel);
                        let g = items.get(self.panel_index(panel))?;
                        match panel {
                            Panel::Stages => Some(TermKind::Stage(vec![g.key.clone()])),
                            Panel::Types => {
                                TypeGroup::from_code(&g.key).map(|t| TermKind::Type(vec![t]))
                            }
                            _ => Status::from_code(&g.key).map(|s| TermKind::Status(vec![s])),
                        }
                    }
                };
                let view = self.with_term(kind?);
                self.drill(view)
            }
            Mode::Stages => self.screen_command(Command::Open),
            Mode::Map => self.screen_command(Command::Open),
            Mode::Cases => {
                let id = self.cases.selected_row()?.id;
                self.open_detail(id);
                None
            }
            _ => None,
        }
    }

    /// The current view with `kind` replacing any term of the same key, in normal form.
    fn with_term(&self, kind: TermKind) -> View {
        self.ctx().with_term(kind)
    }
}

/// Where a panel's selected key is kept.
fn panel_slot(panel: Panel) -> usize {
    Panel::ALL.iter().position(|p| *p == panel).unwrap_or(0)
}
