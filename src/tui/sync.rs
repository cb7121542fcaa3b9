//! Keeping the screen in step with the database: generation-tagged requests to the worker, refreshes
//! that keep the cursor on its case, and answers taken in (stale ones dropped). Part of `App::update`.

use crate::engine::PageRequest;
use crate::i18n::{Msg, core::Core, tr};
use crate::tui::action::Screen;
use crate::tui::app::{App, Overlay};
use crate::tui::cases::{Fill, Landing};
use crate::tui::data::{Answer, Need, Reply, Request};
use crate::view::{DateExpr, View};

impl App {
    /// The view sent to the worker: the current view at the as-of date.
    pub(crate) fn query_view(&self) -> View {
        View {
            as_of: self.as_of.map(DateExpr::Date),
            ..self.view.clone()
        }
    }

    pub(crate) fn request(&mut self, need: Need) -> u64 {
        self.generation += 1;
        let req = Request {
            generation: self.generation,
            view: self.query_view(),
            today: self.today,
            need,
            area: self.area.clone(),
        };
        self.outbox.push(req);
        self.generation
    }

    pub(crate) fn request_counts(&mut self) {
        let key = (self.query_view(), self.today);
        let generation = self.request(Need::Counts);
        self.pending.counts = Some((generation, key));
    }

    pub(crate) fn request_page(&mut self, req: PageRequest, fill: Fill) {
        let position = matches!(fill, Fill::Replace(_));
        let generation = self.request(Need::Page { req, position });
        self.pending.page = Some((generation, fill));
    }

    pub(crate) fn request_detail(&mut self, id: i64) {
        let generation = self.request(Need::Detail(id));
        self.pending.detail = Some(generation);
    }

    /// Asks again for everything on screen, keeping the cursor on its case.
    pub(crate) fn refresh(&mut self) {
        self.stale = false;
        self.request_counts();
        self.reanchor_cases();
        if let Some(Overlay::Detail { id, .. }) = self.detail_overlay() {
            let id = *id;
            self.request_detail(id);
        }
        self.refresh_views();
    }

    /// The open detail, even under the help.
    pub(crate) fn detail_overlay(&mut self) -> Option<&mut Overlay> {
        match &mut self.overlay {
            Some(Overlay::Help { under: Some(o), .. }) => Some(o.as_mut()),
            Some(o @ Overlay::Detail { .. }) => Some(o),
            _ => None,
        }
    }

    /// Re-reads the case list around its cursor now if it is on screen, else when next shown.
    pub(crate) fn reanchor_cases(&mut self) {
        if !self.screens.cases.list.is_loaded() {
            self.pending.page = None;
            return;
        }
        if self.screen == Screen::Cases {
            let visible = self.case_rows();
            let descending = self.view.sort.is_some_and(|s| s.descending);
            // A jump to the first or last case still on its way is asked again, not forgotten.
            let jump = match self.pending.page.as_ref().map(|(_, f)| f) {
                Some(Fill::Replace(Landing::First)) => {
                    self.screens.cases.list.clone().to_first(visible)
                }
                Some(Fill::Replace(Landing::Last)) => {
                    self.screens.cases.list.clone().to_last(visible)
                }
                _ => None,
            };
            let (req, fill) =
                jump.unwrap_or_else(|| self.screens.cases.list.reanchor(visible, descending));
            self.request_page(req, fill);
            self.screens.cases.stale = false;
        } else {
            self.screens.cases.stale = true;
        }
    }

    /// Asks for the pages the case list needs, one at a time.
    pub(crate) fn fetch_pages(&mut self) {
        if self.screen != Screen::Cases
            || self.pending.page.is_some()
            || self.screens.cases.list.has_failed()
        {
            return;
        }
        let visible = self.case_rows();
        if !self.screens.cases.list.is_loaded() {
            if let Some((req, fill)) = self.screens.cases.list.to_first(visible) {
                self.request_page(req, fill);
            }
        } else if self.screens.cases.stale {
            self.reanchor_cases();
        } else if let Some((req, fill)) = self.screens.cases.list.wants(visible) {
            self.request_page(req, fill);
        }
    }

    /// Takes in a worker answer, dropping it if something newer was asked since.
    pub(crate) fn receive(&mut self, reply: Reply) {
        let Some(reply) = self.receive_report(reply) else {
            return;
        };
        let generation = reply.generation;
        match reply.answer {
            Answer::Counts { now: counts, base } => {
                let Some((g, key)) = self.pending.counts.take() else {
                    return;
                };
                if g != generation {
                    self.pending.counts = Some((g, key));
                    return;
                }
                if let Some(old) = &self.counts
                    && self.counts_key.as_ref() == Some(&key)
                {
                    self.marks.record(old, &counts, self.now);
                }
                self.held = Some(counts.held.clone());
                self.counts = Some(*counts);
                self.base = base.map(|b| *b);
                self.counts_key = Some(key);
                self.refreshed_at = Some(self.now);
                if self.notice.as_ref().is_some_and(|n| n.error) {
                    self.notice = None;
                }
                // `is:new` without a baseline matches nothing: say so while it lasts.
                if self.pending.baseline.is_none()
                    && self.baseline.is_none()
                    && self.view.uses_baseline()
                {
                    self.error(Core::NewNeedsBaseline.text(self.lang));
                }
            }
            Answer::Page { page, position } => {
                let Some((g, fill)) = self.pending.page.take() else {
                    return;
                };
                if g != generation {
                    self.pending.page = Some((g, fill));
                    return;
                }
                let visible = self.case_rows();
                self.screens.cases.list.apply(fill, page, position, visible);
                self.follow_list();
            }
            Answer::Detail(detail) => {
                if self.pending.detail != Some(generation) {
                    return;
                }
                self.pending.detail = None;
                if let Some(Overlay::Detail {
                    detail: d, missing, ..
                }) = self.detail_overlay()
                {
                    *missing = detail.is_none();
                    *d = detail;
                }
            }
            Answer::ViewCounts(counts) => {
                if self.pending.views != Some(generation) {
                    return;
                }
                self.pending.views = None;
                let overlay = match &mut self.overlay {
                    Some(Overlay::Help { under: Some(o), .. }) => Some(o.as_mut()),
                    o => o.as_mut(),
                };
                if let Some(Overlay::Views { counts: c, .. }) = overlay {
                    *c = Some(counts);
                }
            }
            // Taken in above.
            Answer::Written(_) => {}
            Answer::Baseline(baseline) => {
                let Some((g, op)) = self.pending.baseline else {
                    return;
                };
                if g != generation {
                    return;
                }
                self.pending.baseline = None;
                self.receive_baseline(op, baseline);
            }
            Answer::Failed(message) => {
                if self
                    .pending
                    .counts
                    .as_ref()
                    .is_some_and(|(g, _)| *g == generation)
                {
                    self.pending.counts = None;
                } else if self
                    .pending
                    .page
                    .as_ref()
                    .is_some_and(|(g, _)| *g == generation)
                {
                    self.pending.page = None;
                    self.screens.cases.list.set_failed();
                } else if self.pending.detail == Some(generation) {
                    self.pending.detail = None;
                } else if self.pending.views == Some(generation) {
                    self.pending.views = None;
                } else if self.pending.baseline.is_some_and(|(g, _)| g == generation) {
                    self.pending.baseline = None;
                    let text = format!("{}: {message}", tr(self.lang, Msg::TuiBaselineFailed));
                    self.error(text);
                    return;
                } else {
                    return;
                }
                self.error(format!("{}: {message}", tr(self.lang, Msg::TuiQueryFailed)));
            }
        }
    }
}
