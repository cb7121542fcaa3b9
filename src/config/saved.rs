//! Saved views (the configuration's `[views]` table) and what the configuration gives the
//! interactive screen. Plain data; reads no file.

use crate::tui::bindings::Keymap;

/// A view saved in the configuration's `[views]` table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedView {
    pub name: String,
    pub spec: String,
}

/// Whether `name` can name a saved view: letters, digits, `-` and `_`, at most 40.
pub fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.chars().count() <= 40
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// What the configuration gives the interactive screen (passed in, never read from a global).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Prefs {
    /// The keymap in force (pantau's own with the user's remaps).
    pub keymap: Keymap,
    /// The saved views, in the file's order.
    pub views: Vec<SavedView>,
    /// Box lines, blocks and arrows drawn as ASCII characters (`--ascii`).
    pub ascii: bool,
}
