//! Drawing the app: a pure function of its state (`impl Widget for &App`) that lays out the
//! screen and feeds each widget its inputs. No queries, no I/O, no clock reads.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::engine::Headline;
use crate::i18n::{Msg, core::Core, tr};
use crate::tui::action::Command;
use crate::tui::app::{App, Overlay};
use crate::tui::elections::ElectionName;
use crate::tui::keymap::{Key, Mode};
use crate::tui::layout::{self, MIN_HEIGHT, MIN_WIDTH};
use crate::tui::theme::Theme;
use crate::tui::widgets::breadcrumb::Breadcrumb;
use crate::tui::widgets::confirm::ConfirmBar;
use crate::tui::widgets::detail::{self, DetailView};
use crate::tui::widgets::filter_bar::FilterBar;
use crate::tui::widgets::footer::Footer;
use crate::tui::widgets::header::{Live, TabBar, TitleBar};
use crate::tui::widgets::help::HelpView;
use crate::tui::widgets::saved_views::SavedViews;
use crate::tui::widgets::too_small::TooSmall;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if layout::too_small(area.width, area.height) {
            TooSmall {
                need: (MIN_WIDTH, MIN_HEIGHT),
                have: (area.width, area.height),
                quit: self
                    .prefs
                    .keymap
                    .keys_of(crate::tui::keymap::Mode::Global, Command::Quit)
                    .first()
                    .map_or_else(|| "Ctrl-C".into(), |k| crate::tui::bindings::key_name(*k)),
                lang: self.lang,
            }
            .render(area, buf);
            self.finish(area, buf);
            return;
        }
        if self.presenter.is_some() {
            self.draw_present(area, buf);
            self.finish(area, buf);
            return;
        }
        let mut a = layout::areas(area);
        if self.shows_path() {
            let row = Rect {
                height: 1,
                ..a.body
            };
            a.body.y += 1;
            a.body.height = a.body.height.saturating_sub(1);
            self.draw_path(row, buf);
        }
        let live = if self.frozen {
            Live::Frozen {
                changed: self.stale,
            }
        } else {
            // A clock that moves while the worker follows the database (the last answer's time
            // looked frozen in a quiet meeting).
            Live::Following(self.refreshed_at.map(|_| self.now))
        };
        let election = self.election_name();
        TitleBar {
            office: &self.office(),
            db: &self.db_label,
            election: election.as_ref(),
            as_of: self.as_of(),
            future: self.as_of() > self.today,
            baseline: self.baseline_label(),
            live,
            busy: self.is_busy(),
            lang: self.lang,
            theme: &self.look(),
        }
        .render(a.title, buf);
        TabBar {
            current: self.screen,
            view: &self.view_spec(),
            total: self.counts.as_ref().map(|c| c.headline.total),
            total_mark: self.marks.region("", 0),
            baseline: self
                .baseline
                .as_ref()
                .map(|_| self.base_counts().map(|b| b.headline.total)),
            lang: self.lang,
            theme: &self.look(),
        }
        .render(a.tabs, buf);
        match &self.overlay {
            Some(Overlay::Views {
                selected,
                counts,
                confirm,
            }) => {
                let views: Vec<(&str, &str)> = self
                    .prefs
                    .views
                    .iter()
                    .map(|v| (v.name.as_str(), v.spec.as_str()))
                    .collect();
                let counted = crate::tui::personal::VIEWS_COUNTED;
                let counts: Vec<String> = (0..views.len())
                    .map(|i| match counts.as_ref().map(|c| c.get(i).copied()) {
                        None if i < counted => "…".to_string(),
                        None | Some(None) => String::new(),
                        Some(Some(None)) => "–".to_string(),
                        Some(Some(Some(n))) => crate::i18n::number(self.lang, n),
                    })
                    .collect();
                let question = confirm
                    .then(|| views.get(*selected))
                    .flatten()
                    .map(|(name, _)| Core::ConfirmDeleteView { name }.text(self.lang));
                let save_key = self
                    .prefs
                    .keymap
                    .keys_of(Mode::Global, Command::SaveView)
                    .first()
                    .map(Key::label)
                    .unwrap_or_default();
                SavedViews {
                    title: tr(self.lang, Msg::TuiViewsTitle),
                    views: &views,
                    counts: &counts,
                    selected: *selected,
                    confirm: question.as_deref(),
                    empty: &format!("{} {save_key}", tr(self.lang, Msg::TuiNoViews)),
                    theme: &self.look(),
                }
                .render(a.body, buf)
            }
            Some(Overlay::Help { scroll, .. }) => HelpView {
                keymap: &self.prefs.keymap,
                lang: self.lang,
                scroll: *scroll,
                theme: &self.look(),
            }
            .render(a.body, buf),
            Some(Overlay::Detail {
                id,
                detail,
                missing,
                scroll,
                ..
            }) => {
                let lines = detail
                    .as_ref()
                    .map(|d| {
                        detail::lines(
                            d,
                            &self.reference,
                            self.lang,
                            self.as_of(),
                            &self.look(),
                            usize::from(a.body.width),
                        )
                    })
                    .unwrap_or_default();
                let title = match detail {
                    Some(d) => format!(
                        "{} · {}",
                        tr(self.lang, Msg::TuiDetail),
                        crate::text::safe(&d.case.nomor)
                    ),
                    None => tr(self.lang, Msg::TuiDetail).to_string(),
                };
                let placeholder = match (detail, missing) {
                    (None, true) => Some(tr(self.lang, Msg::TuiCaseNotFound)),
                    (None, false) => Some(tr(self.lang, Msg::TuiLoading)),
                    _ => None,
                };
                DetailView {
                    title,
                    lines,
                    scroll: *scroll,
                    placeholder,
                    case_position: self.detail_position(*id),
                    lang: self.lang,
                    theme: &self.look(),
                }
                .render(a.body, buf);
            }
            None => self.screens.draw(self.screen, &self.ctx(), a.body, buf),
        }
        // The help (F1) covers a prompt; closing it shows the prompt again.
        let help = matches!(self.overlay, Some(Overlay::Help { .. }));
        if let Some(f) = self.filter().filter(|_| !help) {
            let bar = FilterBar {
                prompt: tr(self.lang, Msg::TuiEditPrompt),
                text: f.editor.text(),
                cursor: f.editor.cursor(),
                error: f
                    .error
                    .as_ref()
                    .map(|e| (e.position(), e.message(self.lang))),
                hint: &self.look().words(tr(self.lang, Msg::TuiEditHint)),
                theme: &self.look(),
            };
            // A long error takes more of the body's bottom rows, never more than half of it.
            let area = layout::editor_area(a.body);
            let rows = bar.rows(area.width).min(a.body.height / 2).max(area.height);
            let area = Rect {
                y: a.body.y + a.body.height - rows.min(a.body.height),
                height: rows.min(a.body.height),
                ..area
            };
            bar.render(area, buf);
        }
        if let Some(p) = self.save_prompt().filter(|_| !help) {
            let (prompt, hint) = if p.rename_from.is_some() {
                (Msg::TuiRenamePrompt, Msg::TuiRenameHint)
            } else {
                (Msg::TuiSavePrompt, Msg::TuiSaveHint)
            };
            FilterBar {
                prompt: tr(self.lang, prompt),
                text: p.editor.text(),
                cursor: p.editor.cursor(),
                error: p.error.clone().map(|e| (p.editor.cursor() + 1, e)),
                hint: &self.look().words(tr(self.lang, hint)),
                theme: &self.look(),
            }
            .render(layout::editor_area(a.body), buf);
        }
        let look = self.look();
        // Esc on the case list goes back from a drill-down, or clears a message: offered then.
        // The map's kecamatan are a ranked list: ←→ move between tiles only.
        use crate::tui::action::Screen;
        let back = !self.back.is_empty() || self.notice.is_some();
        let mode = self.mode();
        let ranked = mode == Mode::Screen(Screen::Map)
            && matches!(self.area, crate::engine::Level::Kecamatan(_));
        let hints: Vec<(String, &str)> = self
            .prefs
            .keymap
            .hints_where(mode, self.lang, |c| match c {
                Command::Back => back || mode != Mode::Screen(Screen::Cases),
                Command::Left => !ranked,
                _ => true,
            })
            .into_iter()
            .map(|(keys, word)| (look.words(&keys).into_owned(), word))
            .collect();
        if let Some(question) = self.question_text() {
            ConfirmBar {
                question: &question,
                answers: &hints,
                theme: &self.look(),
            }
            .render(a.footer, buf);
        } else if let Some(question) = self.report_question_text().filter(|_| !help) {
            self.draw_format_question(&question, &hints, a.footer, buf);
        } else if let Some(text) = self.failed_notice(usize::from(a.footer.width)) {
            // The whole error, over the status line and as many rows above it as it needs.
            let error = crate::tui::widgets::error_box::ErrorBox { text, theme: &look };
            let area = over_footer(error.lines(a.footer.width).len(), &a);
            error.render(area, buf);
        } else if let Some(text) = self.written_box(usize::from(a.footer.width).saturating_sub(3)) {
            // The whole path of the file written, wrapped like an error is.
            let done = crate::tui::widgets::error_box::DoneBox { text, theme: &look };
            let area = over_footer(done.lines(a.footer.width).len(), &a);
            done.render(area, buf);
        } else {
            // The room a notice has beside help and quit (see `Footer`), and on its own.
            let w = usize::from(a.footer.width);
            let keys: usize = hints
                .iter()
                .rev()
                .take(2)
                .map(|(k, word)| {
                    crate::tui::widgets::text::width(k) + crate::tui::widgets::text::width(word) + 3
                })
                .sum();
            let written = self.written_notice(w.saturating_sub(3), w.saturating_sub(3 + keys));
            let (hints, notice) = match &written {
                Some(text) => (&[][..], Some((text.as_str(), false))),
                // Quitting waits for a file: the keys give way to what is waited for.
                None if self.report.leaving.is_some() => (
                    &[][..],
                    self.notice.as_ref().map(|n| (n.text.as_str(), n.error)),
                ),
                None => (
                    &hints[..],
                    self.notice.as_ref().map(|n| (n.text.as_str(), n.error)),
                ),
            };
            Footer {
                hints,
                notice,
                busy: self.report_busy(),
                theme: &self.look(),
            }
            .render(a.footer, buf);
        }
        self.finish(area, buf);
    }
}

impl App {
    /// The question of a report's format, in the footer's place: each format with its key (the
    /// highlighted one bracketed), then Enter's and Esc's.
    fn draw_format_question(
        &self,
        question: &str,
        answers: &[(String, &str)],
        row: Rect,
        buf: &mut Buffer,
    ) {
        let look = self.look();
        let highlighted = self.report_question();
        let choices: Vec<(String, &str, bool)> = [
            (Command::ChooseXlsx, crate::report::files::Format::Xlsx),
            (Command::ChoosePng, crate::report::files::Format::Png),
            (Command::ChoosePdf, crate::report::files::Format::Pdf),
        ]
        .into_iter()
        .map(|(c, f)| {
            let key = self
                .prefs
                .keymap
                .keys_of(Mode::Report, c)
                .first()
                .map(Key::label)
                .unwrap_or_default();
            (
                look.words(&key).into_owned(),
                f.extension(),
                highlighted == Some(f),
            )
        })
        .collect();
        crate::tui::widgets::format_bar::FormatBar {
            question,
            choices: &choices,
            answers,
            theme: &look,
        }
        .render(row, buf);
    }

    /// The path of drill-downs, on the row above the body while there is one (see nav.rs); where
    /// Esc leads is left out while an overlay is open, as Esc closes that first.
    fn draw_path(&self, row: Rect, buf: &mut Buffer) {
        let steps = self.path();
        let here = self.path_here();
        Breadcrumb {
            steps: &steps,
            here: &here,
            back: self.overlay.is_none().then(|| self.path_back()).flatten(),
            theme: &self.look(),
        }
        .render(row, buf);
    }

    /// The last passes over the whole screen: no cell reaches the terminal with a character it
    /// could act on, whatever a widget wrote; then only characters the terminal can draw (the
    /// Linux console's font, or ASCII).
    fn finish(&self, area: Rect, buf: &mut Buffer) {
        crate::tui::widgets::text::scrub(buf, area);
        // For a projector every character is bold, whichever widget drew it.
        if self.look().is_high_contrast() {
            buf.set_style(area, ratatui::style::Modifier::BOLD);
        }
        crate::tui::widgets::ascii::to_glyphs(buf, area, self.look().glyphs());
    }

    /// Where the case shown in the detail stands in the list (`3/14`), when the list's cursor is
    /// on it and its place is known.
    fn detail_position(&self, id: i64) -> Option<String> {
        let list = &self.screens.cases.list;
        list.selected_row().filter(|r| r.id == id)?;
        let n = list.position()?;
        let total = self.counts.as_ref().map(|c| c.headline.total)?;
        Some(format!(
            "{}/{}",
            crate::i18n::number(self.lang, n as i64),
            crate::i18n::number(self.lang, total)
        ))
    }

    /// What the figures are of, as the title bar and the presenter's caption name it: not yet
    /// for a view that names no election while the worker has not said which elections the
    /// database holds (the default is one of them).
    pub(crate) fn election_name(&self) -> Option<ElectionName> {
        if self.held.is_none() && !self.view.names_elections() {
            return None;
        }
        crate::tui::elections::name_in_view(
            &self.view,
            &self.reference,
            self.as_of(),
            self.held(),
            self.lang,
        )
    }

    /// The theme drawn with: high contrast in presenter mode.
    pub(crate) fn look(&self) -> Theme {
        if self.presenter.is_some() {
            self.theme.high_contrast()
        } else {
            self.theme
        }
    }

    /// The baseline's headline of region `code` (`""` for the total), when a baseline is in force.
    pub(crate) fn base_headline(&self, code: &str) -> Option<Headline> {
        self.ctx().base_headline(code)
    }
}

/// The rows a box of `lines` lines takes over the status line and the rows above it: as many as
/// it needs, at most half the body.
fn over_footer(lines: usize, a: &crate::tui::layout::Areas) -> Rect {
    let rows = u16::try_from(lines).unwrap_or(1);
    let rows = rows.min(a.body.height / 2 + 1).max(1);
    Rect {
        y: a.footer.y + 1 - rows,
        height: rows,
        ..a.footer
    }
}
