//! The `/` view editor: its state (text, error, place in the history) and the commands that run
//! while it is open. Part of `App::update`; it parses views but never queries or draws.

use crate::i18n::core::Core;
use crate::tui::action::Action;
use crate::tui::action::Command;
use crate::tui::app::App;
use crate::tui::state::Prompt;
use crate::view::View;

impl App {
    /// Commands while the view editor is open.
    pub(crate) fn filter_command(&mut self, c: Command) -> Option<Action> {
        let f = self.prompt.as_mut().and_then(Prompt::filter_mut)?;
        match c {
            Command::Quit => self.quit = true,
            Command::Cancel => self.prompt = None,
            Command::Apply => return self.apply_filter(),
            Command::CursorLeft => f.editor.left(),
            Command::CursorRight => f.editor.right(),
            Command::CursorHome => f.editor.home(),
            Command::CursorEnd => f.editor.end(),
            Command::DeleteBack => f.editor.delete_back(),
            Command::DeleteForward => f.editor.delete_forward(),
            Command::ClearLine => f.editor.clear_to_start(),
            Command::HistoryPrev if !self.history.is_empty() => {
                if f.recall.is_none() {
                    f.draft = f.editor.text().to_string();
                }
                let i = f
                    .recall
                    .map_or(self.history.len() - 1, |i| i.saturating_sub(1));
                f.recall = Some(i);
                f.editor.set(&self.history[i]);
                f.error = None;
            }
            Command::HistoryNext => {
                if let Some(i) = f.recall {
                    if i + 1 < self.history.len() {
                        f.recall = Some(i + 1);
                        f.editor.set(&self.history[i + 1]);
                    } else {
                        f.recall = None;
                        let draft = f.draft.clone();
                        f.editor.set(&draft);
                    }
                    f.error = None;
                }
            }
            _ => {}
        }
        if let Some(f) = self.prompt.as_mut().and_then(Prompt::filter_mut)
            && matches!(
                c,
                Command::DeleteBack | Command::DeleteForward | Command::ClearLine
            )
        {
            f.error = None;
        }
        None
    }

    /// Enter in the editor: parse; on success the view changes, on error the editor stays open.
    fn apply_filter(&mut self) -> Option<Action> {
        let text = self
            .filter()
            .map(|f| f.editor.text().to_string())
            .unwrap_or_default();
        let expanded = self.expand_saved(&text);
        let parsed = expanded
            .as_deref()
            .map_err(Clone::clone)
            .and_then(|spec| self.parse_spec(spec))
            .and_then(|view| {
                // `is:new` counts from the baseline: without one it would quietly match nothing.
                if view.uses_baseline() && self.baseline.is_none() {
                    Err(crate::view::needs_baseline(&text))
                } else {
                    Ok(view)
                }
            });
        match parsed {
            Ok(view) => {
                self.prompt = None;
                if let Some(date) = self.choose_view(view) {
                    self.say(date);
                }
            }
            Err(e) => {
                if let Some(f) = self.prompt.as_mut().and_then(Prompt::filter_mut) {
                    // A position in an expanded saved view is not one in the typed text.
                    if expanded.as_deref() == Ok(text.as_str()) || expanded.is_err() {
                        f.editor.set_cursor(e.position().saturating_sub(1));
                    }
                    f.error = Some(e);
                }
            }
        }
        None
    }

    /// Makes a view the user chose outright (typed with `/`, or a saved view) current. A
    /// different view starts afresh: the path of drill-downs is forgotten. Its `per:` moves the
    /// as-of date of the screen, which stays for every later view until `[`, `]` or another
    /// `per:` moves it; what it became is returned, to be said (the title bar shows it from then).
    pub(crate) fn choose_view(&mut self, view: View) -> Option<String> {
        let terms = View {
            as_of: None,
            ..view.clone()
        };
        let spec = terms.print(&self.reference);
        if !spec.is_empty() && self.history.last() != Some(&spec) {
            self.history.push(spec);
        }
        if terms != self.view {
            self.forget_path();
        }
        let per = view.as_of;
        if view != self.view {
            self.set_view(view);
        }
        // The key only (`per:`, `asof:`): the date beside it says the rest.
        let printed = View {
            as_of: Some(per?),
            ..View::default()
        }
        .print_in(&self.reference, self.lang);
        let term = match printed.split_once(':') {
            Some((key, _)) => format!("{key}:"),
            None => printed,
        };
        let date = self.as_of().format("%d/%m/%Y").to_string();
        Some(Core::AsOfFromView { date, term }.text(self.lang))
    }
}
