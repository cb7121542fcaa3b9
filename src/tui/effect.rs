//! Carrying out what the app asks of the world outside it: a saved view written into, deleted from
//! or renamed in the configuration file, a copy sent to the terminal as OSC 52. The event loop
//! calls it; no state.

use std::io::Write;
use std::path::PathBuf;

use crate::i18n::{Lang, core::Core};
use crate::tui::action::Action;
use crate::tui::clipboard;
use crate::tui::data::{Effect, Outcome};

/// Where effects go.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outside {
    /// The configuration file saved views are written to (none without a home folder).
    pub config: Option<PathBuf>,
    /// Whether the terminal is tmux's (OSC 52 then goes through its passthrough).
    pub tmux: bool,
}

/// Carries out `effect`, writing any terminal bytes to `out`, and says what became of it.
pub fn perform(effect: Effect, outside: &Outside, lang: Lang, out: &mut impl Write) -> Action {
    let outcome = match effect {
        Effect::SaveView { name, spec } => match &outside.config {
            Some(path) => match crate::config::save::save_view(path, &name, &spec) {
                Ok(()) => Outcome::Saved {
                    name,
                    spec,
                    file: path.display().to_string(),
                },
                Err(e) => Outcome::Failed(e.message(lang)),
            },
            None => Outcome::Failed(Core::NoConfigFile.text(lang).to_string()),
        },
        Effect::DeleteView { name } => match &outside.config {
            Some(path) => match crate::config::save::delete_view(path, &name) {
                Ok(()) => Outcome::Deleted {
                    name,
                    file: path.display().to_string(),
                },
                Err(e) => Outcome::Failed(e.message(lang)),
            },
            None => Outcome::Failed(Core::NoConfigFile.text(lang).to_string()),
        },
        Effect::RenameView { from, to } => match &outside.config {
            Some(path) => match crate::config::save::rename_view(path, &from, &to) {
                Ok(()) => Outcome::Renamed {
                    from,
                    to,
                    file: path.display().to_string(),
                },
                Err(e) => Outcome::Failed(e.message(lang)),
            },
            None => Outcome::Failed(Core::NoConfigFile.text(lang).to_string()),
        },
        Effect::Copy { text, what } => {
            let sent = out
                .write_all(clipboard::osc52(&text, outside.tmux).as_bytes())
                .and_then(|()| out.flush());
            match sent {
                Ok(()) => Outcome::Copied { what },
                Err(e) => Outcome::Failed(format!("OSC 52: {e}")),
            }
        }
    };
    Action::Done(outcome)
}
