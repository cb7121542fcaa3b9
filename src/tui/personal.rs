//! The user's own part of `App::update`: saved views (`v` lists them with their counts, `s` saves
//! one under a name, `r` renames and `d` deletes one) and copying (`y`, `Y`). Changes state and
//! queues effects; never writes a file or the terminal.

use crate::config::{SavedView, valid_name};
use crate::i18n::{Lang, Msg, core::Core, tr};
use crate::tui::action::{Command, Screen};
use crate::tui::app::{App, Notice, Overlay};
use crate::tui::bindings::Keymap;
use crate::tui::data::{Effect, Need, Outcome};
use crate::tui::editor::LineEditor;
use crate::tui::state::{Prompt, SavePrompt};
use crate::view::{DateExpr, View};

/// How many saved views the list counts.
pub const VIEWS_COUNTED: usize = 200;

impl App {
    /// The saved views.
    pub fn saved_views(&self) -> &[SavedView] {
        &self.prefs.views
    }

    /// The keymap in force.
    pub fn keymap(&self) -> &Keymap {
        &self.prefs.keymap
    }

    /// The name prompt, when open.
    pub fn save_prompt(&self) -> Option<&SavePrompt> {
        self.prompt.as_ref().and_then(Prompt::save)
    }

    /// The effects queued since the last call, for the event loop to carry out.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// The view with its as-of date when one is set: what `y` copies.
    pub fn canonical_spec(&self) -> String {
        View {
            as_of: self.as_of.map(DateExpr::Date),
            ..self.view.clone()
        }
        .print_in(&self.reference, self.lang)
    }

    /// A notice in the status line (it fades).
    pub(crate) fn say(&mut self, text: String) {
        self.notice = Some(Notice {
            text,
            error: false,
            since: self.now,
        });
    }

    /// The commands of this part; false when `c` is none of them.
    pub(crate) fn personal_command(&mut self, c: Command) -> bool {
        let help = matches!(self.overlay, Some(Overlay::Help { .. }));
        if self.save_prompt().is_some() && !help && c != Command::Help {
            self.save_command(c);
            return true;
        }
        if let Some(Overlay::Views { .. }) = self.overlay
            && self.views_command(c)
        {
            return true;
        }
        match c {
            Command::ListViews => {
                self.overlay = Some(Overlay::Views {
                    selected: 0,
                    counts: None,
                    confirm: false,
                });
                self.request_view_counts();
            }
            Command::SaveView => {
                self.overlay = None;
                self.prompt = Some(Prompt::Save(SavePrompt {
                    editor: LineEditor::new(""),
                    error: None,
                    spec: self.view_spec(),
                    rename_from: None,
                }));
            }
            Command::CopyView => {
                let spec = self.canonical_spec();
                let what = if spec.is_empty() {
                    tr(self.lang, Msg::AllCases).to_string()
                } else {
                    spec.clone()
                };
                self.effects.push(Effect::Copy { text: spec, what });
            }
            Command::CopyCase => match self.case_under_cursor() {
                Some((nomor, summary)) => {
                    let text = format!("{nomor} — {summary}");
                    self.effects.push(Effect::Copy { text, what: nomor });
                }
                None => self.error(tr(self.lang, Msg::TuiNoCaseToCopy).to_string()),
            },
            _ => return false,
        }
        true
    }

    /// The number and summary of the case under the cursor (or the open case), if any.
    fn case_under_cursor(&self) -> Option<(String, String)> {
        if let Some(Overlay::Detail {
            detail: Some(d), ..
        }) = &self.overlay
        {
            return Some((d.case.nomor.clone(), d.case.uraian.clone()));
        }
        if self.overlay.is_none() && self.screen == Screen::Cases {
            let row = self.screens.cases.list.selected_row()?;
            return Some((row.nomor.clone(), row.uraian.clone()));
        }
        None
    }

    /// Moves, Enter, rename and delete in the list of saved views, and the answer to the question
    /// before deleting; false for commands it leaves to the rest.
    fn views_command(&mut self, c: Command) -> bool {
        let n = self.prefs.views.len();
        let Some(Overlay::Views {
            selected, confirm, ..
        }) = &mut self.overlay
        else {
            return false;
        };
        if *confirm {
            match c {
                Command::Apply => {
                    *confirm = false;
                    if let Some(v) = self.prefs.views.get(*selected) {
                        let name = v.name.clone();
                        self.effects.push(Effect::DeleteView { name });
                    }
                }
                Command::Cancel => *confirm = false,
                Command::Quit => self.quit = true,
                _ => {}
            }
            return true;
        }
        let last = n.saturating_sub(1);
        match c {
            Command::Up => *selected = selected.saturating_sub(1),
            Command::Down => *selected = (*selected + 1).min(last),
            Command::Top => *selected = 0,
            Command::Bottom => *selected = last,
            Command::Open => {
                let i = *selected;
                self.use_saved(i);
            }
            Command::DeleteView if n > 0 => *confirm = true,
            Command::RenameView => {
                if let Some(v) = self.prefs.views.get(*selected) {
                    let (name, spec) = (v.name.clone(), v.spec.clone());
                    self.prompt = Some(Prompt::Save(SavePrompt {
                        editor: LineEditor::new(&name),
                        error: None,
                        spec,
                        rename_from: Some(name),
                    }));
                }
            }
            Command::DeleteView => {}
            _ => return false,
        }
        true
    }

    /// Asks the worker how many cases each saved view holds at the as-of date (a view that does
    /// not read, or asks for `is:new` without a baseline, has none); the first
    /// [`VIEWS_COUNTED`] only, so that a configuration of thousands of views stays quick.
    pub(crate) fn request_view_counts(&mut self) {
        let views: Vec<Option<View>> = self
            .prefs
            .views
            .iter()
            .take(VIEWS_COUNTED)
            .map(|saved| {
                let view = self
                    .expand_saved(&saved.spec)
                    .and_then(|spec| self.parse_spec(&spec))
                    .ok()?;
                if view.uses_baseline() && self.baseline.is_none() {
                    return None;
                }
                Some(View {
                    as_of: view.as_of.or(self.as_of.map(DateExpr::Date)),
                    ..view
                })
            })
            .collect();
        let generation = self.request(Need::ViewCounts(views));
        self.pending.views = Some(generation);
    }

    /// `spec` with every `@name` replaced by that saved view (see `view::expand`).
    pub(crate) fn expand_saved(&self, spec: &str) -> Result<String, crate::view::ViewError> {
        let views = &self.prefs.views;
        let spec_of = |name: &str| {
            views
                .iter()
                .find(|v| v.name == name)
                .map(|v| v.spec.clone())
        };
        let listed = |lang: Lang| Core::SavedViewsListed.text(lang).to_string();
        let saved = crate::view::Saved {
            spec: &spec_of,
            listed: &listed,
        };
        crate::view::expand(spec, &saved)
    }

    /// Makes saved view `i` current, or says why it cannot be.
    fn use_saved(&mut self, i: usize) {
        let Some(saved) = self.prefs.views.get(i).cloned() else {
            return;
        };
        let parsed = self
            .expand_saved(&saved.spec)
            .and_then(|spec| self.parse_spec(&spec));
        match parsed {
            Ok(view) if view.uses_baseline() && self.baseline.is_none() => {
                self.error(format!(
                    "@{}: {}",
                    saved.name,
                    Core::NewNeedsBaseline.text(self.lang)
                ));
            }
            Ok(view) => {
                self.overlay = None;
                let text = match self.choose_view(view) {
                    Some(date) => format!("@{} · {date}", saved.name),
                    None => format!("@{}", saved.name),
                };
                self.say(text);
            }
            Err(e) => self.error(format!(
                "@{}: {} ({:?})",
                saved.name,
                e.message(self.lang),
                saved.spec
            )),
        }
    }

    /// Commands while the name prompt is open.
    fn save_command(&mut self, c: Command) {
        let Some(p) = self.prompt.as_mut().and_then(Prompt::save_mut) else {
            return;
        };
        match c {
            Command::Quit => self.quit = true,
            Command::Cancel => self.prompt = None,
            Command::CursorLeft => p.editor.left(),
            Command::CursorRight => p.editor.right(),
            Command::CursorHome => p.editor.home(),
            Command::CursorEnd => p.editor.end(),
            Command::DeleteBack => p.editor.delete_back(),
            Command::DeleteForward => p.editor.delete_forward(),
            Command::ClearLine => p.editor.clear_to_start(),
            Command::Apply => {
                let name = p.editor.text().trim().to_string();
                let taken = |name: &str| self.prefs.views.iter().any(|v| v.name == name);
                match p.rename_from.clone() {
                    _ if !valid_name(&name) => {
                        p.error = Some(tr(self.lang, Msg::TuiSaveBadName).to_string());
                    }
                    Some(from) if from == name => self.prompt = None,
                    Some(_) if taken(&name) => {
                        p.error = Some(tr(self.lang, Msg::TuiNameTaken).to_string());
                    }
                    Some(from) => {
                        self.prompt = None;
                        self.effects.push(Effect::RenameView { from, to: name });
                    }
                    None => {
                        let spec = p.spec.clone();
                        self.prompt = None;
                        self.effects.push(Effect::SaveView { name, spec });
                    }
                }
            }
            _ => {}
        }
    }

    /// A character typed into the name prompt.
    pub(crate) fn save_insert(&mut self, c: char) {
        if let Some(p) = self.prompt.as_mut().and_then(Prompt::save_mut) {
            p.editor.insert(c);
            p.error = None;
        }
    }

    /// Counts the saved views again when their list is open (after a change to the list, the
    /// database or the as-of date).
    pub(crate) fn refresh_views(&mut self) {
        let open = match &self.overlay {
            Some(Overlay::Views { .. }) => true,
            Some(Overlay::Help { under: Some(o), .. }) => matches!(**o, Overlay::Views { .. }),
            _ => false,
        };
        if open {
            self.request_view_counts();
        }
    }

    /// What the event loop reports back.
    pub(crate) fn outcome(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Saved { name, spec, file } => {
                let text = format!(
                    "{} @{name} → {}",
                    tr(self.lang, Msg::TuiViewSaved),
                    crate::text::safe(&file)
                );
                match self.prefs.views.iter_mut().find(|v| v.name == name) {
                    Some(v) => v.spec = spec,
                    None => self.prefs.views.push(SavedView { name, spec }),
                }
                self.say(text);
            }
            Outcome::Deleted { name, file } => {
                self.prefs.views.retain(|v| v.name != name);
                let n = self.prefs.views.len();
                if let Some(Overlay::Views { selected, .. }) = &mut self.overlay {
                    *selected = (*selected).min(n.saturating_sub(1));
                }
                let file = crate::text::safe(&file).into_owned();
                self.say(
                    Core::ViewDeleted {
                        name: &name,
                        file: &file,
                    }
                    .text(self.lang),
                );
                self.refresh_views();
            }
            Outcome::Renamed { from, to, file } => {
                if let Some(v) = self.prefs.views.iter_mut().find(|v| v.name == from) {
                    v.name = to.clone();
                }
                let file = crate::text::safe(&file).into_owned();
                self.say(
                    Core::ViewRenamed {
                        from: &from,
                        to: &to,
                        file: &file,
                    }
                    .text(self.lang),
                );
                self.refresh_views();
            }
            Outcome::Copied { what } => {
                let text = format!(
                    "{}: {}",
                    tr(self.lang, Msg::TuiCopied),
                    crate::text::safe(&what)
                );
                self.say(text);
            }
            Outcome::Failed(message) => self.error(message),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_saved_views() {
        assert!(valid_name("overdue-kampanye"));
        assert!(valid_name("rapat_2024"));
        assert!(!valid_name(""));
        assert!(!valid_name("dua kata"));
        assert!(!valid_name("a=b"));
        assert!(!valid_name(&"x".repeat(41)));
    }
}
