//! Moving around: the dashboard's panels, the case list, scrolling the overlays, the next and
//! previous case in the detail, drilling down (Enter) and undoing a drill-down (Esc), with the
//! path of drill-downs drawn above the screen; the map and the stage screen move in their own
//! modules (screens/). Part of `App::update`; changes state only through the app's methods.
//!
//! The rule of Esc: it closes the overlay if one is open; else it undoes the last drill-down, back
//! to the screen and view it started from, wherever the user is now; else it clears the status
//! line, or with nothing there says that there is nothing to go back to. Switching screens (Tab,
//! 1–4) is not a drill-down and Esc does not undo it; a view typed with `/` or taken from the
//! saved views starts afresh, with nothing to go back to.

use crate::engine::Level;
use crate::i18n::{Lang, Msg, core::Core, tr};
use crate::tui::action::{Action, Command, Screen};
use crate::tui::app::{App, Overlay};
use crate::tui::keymap::{Key, Mode};
use crate::tui::layout;
use crate::tui::screens::step;
use crate::tui::widgets::breadcrumb::Step;
use crate::view::View;

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
            let page = layout::text_rows(self.body_size().1);
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

    /// Drills into `view` on the case list; the path remembers where it started.
    pub(crate) fn drill(&mut self, view: View) -> Option<Action> {
        self.back.push(self.place(&view, None));
        if view != self.view {
            self.set_view(view);
        }
        Some(Action::Command(Command::Show(Screen::Cases)))
    }

    /// Esc: close the overlay; else undo the last drill-down (the screen and view before it come
    /// back); else the status line's message goes; else say that there is nothing to go back to.
    pub(crate) fn back(&mut self) -> Option<Action> {
        if let Some(overlay) = self.overlay.take() {
            if let Overlay::Help { under, .. } = overlay {
                self.overlay = under.map(|o| *o);
            }
            return None;
        }
        if let Some(place) = self.back.pop() {
            let area = place.area != self.area;
            self.area = place.area;
            if place.view != self.view {
                self.set_view(place.view);
            } else if area {
                self.request_counts();
            }
            self.screens.dashboard = place.dashboard;
            self.screens.map = place.map;
            // The dashboard and the map show the same level of the region tree: a drill made on
            // one and climbed on the other climbs where the person is, as the path line says.
            let tables = |s: Screen| matches!(s, Screen::Dashboard | Screen::Map);
            if !(tables(self.screen) && tables(place.screen)) {
                self.screen = place.screen;
            }
            self.settle_list();
        } else if self.notice.is_some() {
            self.notice = None;
        } else {
            self.say(Core::NothingToGoBack.text(self.lang));
        }
        None
    }

    /// `e`/`E`: the view of the next (or previous) election by voting day, then of every
    /// election on the screens that show them together (not the stage screen: a calendar is one
    /// election's). Its election term replaces the view's, as if typed with `/`.
    pub(crate) fn switch_election(&mut self, forward: bool) {
        let all = self.screen != Screen::Stages;
        let Some(choice) = crate::tui::elections::step(
            &self.view,
            &self.reference,
            self.as_of(),
            self.held(),
            forward,
            all,
        ) else {
            return;
        };
        let view = crate::tui::elections::view_of(choice, &self.view, &self.reference);
        self.overlay = None;
        self.choose_view(view);
    }

    /// Forgets every drill-down: a view chosen outright has nothing to go back to.
    pub(crate) fn forget_path(&mut self) {
        if !self.back.is_empty() {
            self.back.clear();
            self.settle_list();
        }
        if self.area != Level::Root {
            self.area = Level::Root;
            self.request_counts();
        }
    }

    /// The case list keeps its cursor in sight when the body changes height (the path's row).
    pub(crate) fn settle_list(&mut self) {
        let visible = self.case_rows();
        self.screens.cases.list.scroll_to_cursor(visible);
    }

    /// Whether the path of drill-downs takes a row above the body (never in presenter mode).
    pub fn shows_path(&self) -> bool {
        !self.back.is_empty() && self.presenter.is_none()
    }

    /// The size the screens lay out for: the terminal's, a row less while the path is shown.
    pub(crate) fn body_size(&self) -> (u16, u16) {
        let (w, h) = self.size;
        if self.shows_path() {
            (w, h.saturating_sub(1))
        } else {
            (w, h)
        }
    }

    /// The path Esc walks back, oldest first: for each drill-down the screen it started from and
    /// the terms it added to the view, in the interface language.
    /// A drill from a table of regions names the table it started from ("Kaltim", "Samarinda")
    /// and, when it opened cases, the row ("Samarinda Ulu"); the next table names itself.
    pub fn path(&self) -> Vec<Step> {
        self.back
            .iter()
            .map(|p| match &p.row {
                Some((name, opened_table)) => Step {
                    screen: self.area_name(&p.area),
                    added: if *opened_table {
                        String::new()
                    } else {
                        name.clone()
                    },
                },
                None => Step {
                    screen: screen_title(self.lang, p.screen),
                    added: added(&p.view, &p.to).print_in(&self.reference, self.lang),
                },
            })
            .collect()
    }

    /// The end of the path: the table drilled into on the screens that show it ("Samarinda"),
    /// else the screen's title.
    pub fn path_here(&self) -> String {
        let title = screen_title(self.lang, self.screen);
        let drilled = self
            .back
            .last()
            .is_some_and(|p| p.row.as_ref().is_some_and(|(_, table)| *table));
        match self.screen {
            Screen::Dashboard | Screen::Map if drilled => self.area_name(&self.area),
            _ => title,
        }
    }

    /// Where Esc leads now, as the path line says it (`Esc`, `kembali ke Ringkasan`), if anywhere.
    pub fn path_back(&self) -> Option<(String, String)> {
        let place = self.back.last()?;
        let key = self
            .prefs
            .keymap
            .keys_of(self.screen_mode(), Command::Back)
            .first()
            .map(Key::label)?;
        let screen = match place.row {
            Some(_) => self.area_name(&place.area),
            None => screen_title(self.lang, place.screen),
        };
        Some((key, Core::PathBack { screen: &screen }.text(self.lang)))
    }
}

fn screen_title(lang: Lang, screen: Screen) -> String {
    tr(lang, screen.title()).to_string()
}

/// The terms and words of `to` that `from` does not have: what a drill-down added.
fn added(from: &View, to: &View) -> View {
    View {
        terms: to
            .terms
            .iter()
            .filter(|t| !from.terms.contains(t))
            .cloned()
            .collect(),
        text: to
            .text
            .iter()
            .filter(|t| !from.text.contains(t))
            .cloned()
            .collect(),
        as_of: None,
        sort: None,
    }
}
