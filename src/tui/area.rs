//! Where in the region tree the screens stand: the office whose database it is, and the names
//! the path line gives the levels drilled through (Kaltim › Samarinda › Samarinda Ulu). Part of
//! `App`; reads the reference data only.

use crate::engine::Level;
use crate::tui::action::{Action, Command, Screen};
use crate::tui::app::App;
use crate::tui::state::Place;
use crate::view::View;

impl App {
    /// The office whose database it is, as the title bar names it: "Bawaslu Kaltim" for a
    /// province's database, "Bawaslu RI" for a national one; empty without a root.
    pub(crate) fn office(&self) -> String {
        match self.reference.root() {
            Some(r) if r.kind == "nasional" => r.short_name.clone(),
            Some(r) => format!("Bawaslu {}", r.short_name),
            None => String::new(),
        }
    }
}

impl App {
    /// Where a drill from the table shown now starts: the screen, the view and the one it leads
    /// to, the table and the cursors.
    pub(crate) fn place(&self, to: &View, row: Option<(String, bool)>) -> Place {
        Place {
            screen: self.screen,
            view: self.view.clone(),
            to: to.clone(),
            area: self.area.clone(),
            row,
            dashboard: self.screens.dashboard.clone(),
            map: self.screens.map.clone(),
        }
    }

    /// Enter on a row of a table of regions: the next table (a province's, a region's
    /// kecamatan) on the same screen, its cursor at the top, or the row's cases; Esc comes back.
    pub(crate) fn descend(
        &mut self,
        view: View,
        next: Option<Level>,
        name: String,
    ) -> Option<Action> {
        self.back
            .push(self.place(&view, Some((name, next.is_some()))));
        let Some(level) = next else {
            if view != self.view {
                self.set_view(view);
            }
            return Some(Action::Command(Command::Show(Screen::Cases)));
        };
        self.area = level;
        self.screens.dashboard.region_row = 0;
        self.screens.map.row = 0;
        if view != self.view {
            self.set_view(view);
        } else {
            self.request_counts();
        }
        self.settle_list();
        None
    }

    /// How the path names a table: the root's by its short name ("Kaltim", "Bawaslu RI"), a
    /// province's or a region's kecamatan by the region's ("Samarinda"; the provincial office's
    /// as in the table, "Provinsi (Kaltim)").
    pub(crate) fn area_name(&self, area: &Level) -> String {
        let region = match area {
            Level::Root => self.reference.root(),
            Level::Province(c) | Level::Kecamatan(c) => self.reference.region(c),
        };
        match (area, region) {
            (Level::Kecamatan(_), Some(r)) if r.kind == "provinsi" => r.display_name(self.lang),
            (_, Some(r)) => r.short_name.clone(),
            (Level::Province(c) | Level::Kecamatan(c), None) => c.clone(),
            (Level::Root, None) => String::new(),
        }
    }
}
