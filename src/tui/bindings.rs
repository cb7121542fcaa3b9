//! The keymap in force: keymap.rs's table with the user's remaps applied, and the conflicts they
//! make. Dispatch, footer and help read it; it never reads files (the configuration hands remaps in).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::i18n::Lang;
use crate::tui::action::{Action, Command};
use crate::tui::keymap::{Key, Mode, bindings};

/// Where a binding in force comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// pantau's own table.
    Default,
    /// A line of the configuration file.
    Config { line: usize },
}

/// One binding in force.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bound {
    pub mode: Mode,
    pub keys: Vec<Key>,
    pub command: Command,
    pub hint: Option<(&'static str, &'static str)>,
    pub help: (&'static str, &'static str),
    pub origin: Origin,
}

impl Bound {
    /// What the help says of this binding, in `lang`.
    pub fn help_text(&self, lang: Lang) -> &'static str {
        lang.pick(self.help.0, self.help.1)
    }
}

/// A remap the configuration asks for: in `mode`, `command` runs on `keys` instead of its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Remap {
    pub mode: Mode,
    pub command: Command,
    pub keys: Vec<Key>,
    pub line: usize,
}

/// A key bound twice where only one binding can win: in one mode, or in a mode over a global one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub key: Key,
    /// The two bindings: mode, command and origin of each.
    pub first: (Mode, Command, Origin),
    pub second: (Mode, Command, Origin),
}

/// The keymap in force.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keymap {
    rows: Vec<Bound>,
}

impl Default for Keymap {
    /// pantau's own bindings.
    fn default() -> Keymap {
        Keymap {
            rows: bindings()
                .map(|b| Bound {
                    mode: b.mode,
                    keys: b.keys.to_vec(),
                    command: b.command,
                    hint: b.hint,
                    help: b.help,
                    origin: Origin::Default,
                })
                .collect(),
        }
    }
}

impl Keymap {
    /// The default bindings with `remaps` applied; a remap of a command the mode does not have
    /// is returned as the error (with the modes that do have it).
    pub fn with(remaps: &[Remap]) -> Result<Keymap, (Remap, Vec<Mode>)> {
        let mut map = Keymap::default();
        for r in remaps {
            match map
                .rows
                .iter_mut()
                .find(|b| b.mode == r.mode && b.command == r.command)
            {
                Some(row) => {
                    row.keys = r.keys.clone();
                    row.origin = Origin::Config { line: r.line };
                }
                None => {
                    let modes = Mode::ALL
                        .into_iter()
                        .filter(|m| {
                            map.rows
                                .iter()
                                .any(|b| b.mode == *m && b.command == r.command)
                        })
                        .collect();
                    return Err((r.clone(), modes));
                }
            }
        }
        Ok(map)
    }

    /// Every binding in force, in table order.
    pub fn rows(&self) -> &[Bound] {
        &self.rows
    }

    /// Keys bound twice where a remap is involved: the same key for two commands of one mode, or a
    /// mode's key hiding a global binding of another command. pantau's own table has none.
    pub fn conflicts(&self) -> Vec<Conflict> {
        let mut out = Vec::new();
        for (i, a) in self.rows.iter().enumerate() {
            for b in &self.rows[i + 1..] {
                let related = a.mode == b.mode
                    || (a.mode == Mode::Global && b.mode.falls_back())
                    || (b.mode == Mode::Global && a.mode.falls_back());
                if !related
                    || a.command == b.command
                    || (a.origin == Origin::Default && b.origin == Origin::Default)
                {
                    continue;
                }
                for k in a.keys.iter().filter(|k| b.keys.contains(k)) {
                    out.push(Conflict {
                        key: *k,
                        first: (a.mode, a.command, a.origin.clone()),
                        second: (b.mode, b.command, b.origin.clone()),
                    });
                }
            }
        }
        out
    }

    /// The keys of `command` in `mode` (or, failing that, globally).
    pub fn keys_of(&self, mode: Mode, command: Command) -> &[Key] {
        let find = |m: Mode| {
            self.rows
                .iter()
                .find(|b| b.mode == m && b.command == command)
        };
        find(mode)
            .or_else(|| find(Mode::Global))
            .map_or(&[], |b| b.keys.as_slice())
    }

    /// The command `key` runs in `mode`, if any.
    pub fn lookup(&self, mode: Mode, key: Key) -> Option<Command> {
        let find = |m: Mode| {
            self.rows
                .iter()
                .find(|b| b.mode == m && b.keys.contains(&key))
                .map(|b| b.command)
        };
        if mode.falls_back() {
            find(mode).or_else(|| find(Mode::Global))
        } else {
            find(mode)
        }
    }

    /// The action of a terminal key event in `mode`: a command, a character typed into the
    /// editor or the name prompt, or nothing.
    pub fn action_for(&self, mode: Mode, ev: &KeyEvent) -> Option<Action> {
        if ev.kind == KeyEventKind::Release {
            return None;
        }
        let key = Key::from_event(ev);
        if let Some(c) = self.lookup(mode, key) {
            return Some(Action::Command(c));
        }
        match key.code {
            KeyCode::Char(c) if mode.types() && key.mods.is_empty() => Some(Action::Insert(c)),
            // A question is answered no by any key but its yes: a slip cannot say yes.
            KeyCode::Modifier(_) | KeyCode::Null => None,
            _ if mode == Mode::Confirm => Some(Action::Command(Command::Cancel)),
            _ => None,
        }
    }

    /// The footer's hints for `mode`: the keys and the word, the mode's own rows first.
    pub fn hints(&self, mode: Mode, lang: Lang) -> Vec<(String, &'static str)> {
        self.hints_where(mode, lang, |_| true)
    }

    /// [`Self::hints`] of the commands `offered` says do something now (Esc on the case list
    /// only when there is a drill-down to go back from).
    pub fn hints_where(
        &self,
        mode: Mode,
        lang: Lang,
        offered: impl Fn(Command) -> bool,
    ) -> Vec<(String, &'static str)> {
        let with_global =
            mode.falls_back() && !matches!(mode, Mode::Help | Mode::Detail | Mode::Views);
        let first = |m: Mode, c: Command| self.keys_of(m, c).first().map(Key::label);
        let mut out: Vec<(String, &'static str)> = self
            .rows
            .iter()
            .filter(|b| b.mode == mode || (with_global && b.mode == Mode::Global))
            .filter(|b| offered(b.command))
            .filter_map(|b| {
                let (id, en) = b.hint?;
                let own = b.keys.first().map(Key::label).unwrap_or_default();
                let keys = match (b.command, first(b.mode, Command::DayForward)) {
                    (Command::DayBack, Some(fwd)) => format!("{own} {fwd}"),
                    (Command::PrevCase, _) => match first(b.mode, Command::NextCase) {
                        Some(next) => format!("{own} {next}"),
                        None => own,
                    },
                    (Command::Left, _) => match first(b.mode, Command::Right) {
                        Some(r) if b.keys.contains(&Key::plain(KeyCode::Left)) => {
                            if self
                                .keys_of(b.mode, Command::Right)
                                .contains(&Key::plain(KeyCode::Right))
                            {
                                "←→".to_string()
                            } else {
                                format!("← {r}")
                            }
                        }
                        Some(r) => format!("{own} {r}"),
                        None => own,
                    },
                    _ => own,
                };
                Some((keys, lang.pick(id, en)))
            })
            .collect();
        if !with_global && mode.falls_back() {
            let quit = first(Mode::Global, Command::Quit).unwrap_or_default();
            out.push((quit, lang.pick("keluar", "quit")));
        }
        out
    }

    /// The help's rows for one mode: the keys written out and the description.
    pub fn help_rows(&self, mode: Mode, lang: Lang) -> Vec<(String, &'static str)> {
        self.rows
            .iter()
            .filter(|b| b.mode == mode)
            .map(|b| {
                (
                    b.keys.iter().map(Key::label).collect::<Vec<_>>().join(" "),
                    lang.pick(b.help.0, b.help.1),
                )
            })
            .collect()
    }
}

/// The named keys a configuration may write (in any case), besides single characters.
const NAMES: &[(&str, KeyCode)] = &[
    ("Enter", KeyCode::Enter),
    ("Esc", KeyCode::Esc),
    ("Tab", KeyCode::Tab),
    ("BackTab", KeyCode::BackTab),
    ("Space", KeyCode::Char(' ')),
    ("Up", KeyCode::Up),
    ("Down", KeyCode::Down),
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
    ("PageUp", KeyCode::PageUp),
    ("PageDown", KeyCode::PageDown),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
    ("Backspace", KeyCode::Backspace),
    ("Delete", KeyCode::Delete),
    ("Insert", KeyCode::Insert),
];

/// How a key is written in the configuration, as `parse_key` reads it back: `o`, `O`,
/// `ctrl-u`, `alt-x`, `F5`, `Enter`, `Space`.
pub fn key_name(key: Key) -> String {
    let base = match key.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::F(n) => format!("F{n}"),
        code => NAMES
            .iter()
            .find(|(_, c)| *c == code)
            .map(|(n, _)| n.to_string())
            .unwrap_or_else(|| format!("{code:?}")),
    };
    let mut prefix = String::new();
    if key.mods.contains(KeyModifiers::CONTROL) {
        prefix.push_str("ctrl-");
    }
    if key.mods.contains(KeyModifiers::ALT) {
        prefix.push_str("alt-");
    }
    prefix + &base
}

/// A key as the configuration writes it: one character (`o`, `O`, `?`), a name (`Enter`, `Esc`,
/// `Tab`, `BackTab`, `Space`, `Up`, `PageDown`, `F1`–`F12`…), with `ctrl-` or `alt-` before it.
pub fn parse_key(text: &str) -> Option<Key> {
    let mut mods = KeyModifiers::NONE;
    let mut rest = text;
    loop {
        let lower = rest.to_ascii_lowercase();
        if lower.starts_with("ctrl-") && rest.len() > 5 {
            mods |= KeyModifiers::CONTROL;
            rest = &rest[5..];
        } else if lower.starts_with("alt-") && rest.len() > 4 {
            mods |= KeyModifiers::ALT;
            rest = &rest[4..];
        } else {
            break;
        }
    }
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(c), None) if !c.is_control() => KeyCode::Char(c),
        _ => {
            let lower = rest.to_ascii_lowercase();
            match lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
                Some(n) if (1..=12).contains(&n) => KeyCode::F(n),
                _ => NAMES
                    .iter()
                    .find(|(n, _)| n.eq_ignore_ascii_case(&lower))
                    .map(|(_, c)| *c)?,
            }
        }
    };
    let code = match code {
        KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => {
            KeyCode::Char(c.to_ascii_lowercase())
        }
        other => other,
    };
    Some(Key { code, mods })
}

/// The default keymap, for the free functions below.
static DEFAULT: std::sync::LazyLock<Keymap> = std::sync::LazyLock::new(Keymap::default);

/// The command `key` runs in `mode` with the default bindings, if any.
pub fn lookup(mode: Mode, key: Key) -> Option<Command> {
    DEFAULT.lookup(mode, key)
}

/// The action of a terminal key event in `mode` with the default bindings: a command, a
/// character typed into the editor, or nothing.
pub fn action_for(mode: Mode, ev: &KeyEvent) -> Option<Action> {
    DEFAULT.action_for(mode, ev)
}

/// The footer's hints for `mode` with the default bindings.
pub fn hints(mode: Mode, lang: Lang) -> Vec<(String, &'static str)> {
    DEFAULT.hints(mode, lang)
}

/// The help's rows for one mode with the default bindings.
pub fn help_rows(mode: Mode, lang: Lang) -> Vec<(String, &'static str)> {
    DEFAULT.help_rows(mode, lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::Screen;

    #[test]
    fn key_names_read_back() {
        for text in [
            "o", "O", "?", "ctrl-u", "alt-x", "F5", "Enter", "Space", "PageDown", "BackTab",
        ] {
            let key = parse_key(text).unwrap();
            assert_eq!(parse_key(&key_name(key)), Some(key), "{text}");
        }
        assert_eq!(parse_key("Ctrl-C"), Some(Key::ctrl('c')));
        assert_eq!(parse_key("esc"), Some(Key::plain(KeyCode::Esc)));
        assert_eq!(parse_key("F13"), None);
        assert_eq!(parse_key("hyper-x"), None);
        assert_eq!(parse_key(""), None);
    }

    #[test]
    fn a_remap_replaces_the_keys_and_reports_what_it_hides() {
        let remap = |mode, command, key: &str, line| Remap {
            mode,
            command,
            keys: vec![parse_key(key).unwrap()],
            line,
        };
        let map = Keymap::with(&[remap(
            Mode::Screen(Screen::Cases),
            Command::SortNext,
            "x",
            3,
        )])
        .unwrap();
        assert_eq!(
            map.lookup(Mode::Screen(Screen::Cases), Key::ch('x')),
            Some(Command::SortNext)
        );
        assert_eq!(map.lookup(Mode::Screen(Screen::Cases), Key::ch('o')), None);
        assert!(map.conflicts().is_empty());

        let map = Keymap::with(&[remap(
            Mode::Screen(Screen::Cases),
            Command::SortNext,
            "q",
            4,
        )])
        .unwrap();
        let c = map.conflicts();
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].key, Key::ch('q'));
        assert_eq!(
            c[0].first,
            (
                Mode::Screen(Screen::Cases),
                Command::SortNext,
                Origin::Config { line: 4 }
            )
        );
        assert_eq!(c[0].second, (Mode::Global, Command::Quit, Origin::Default));

        let err = Keymap::with(&[remap(Mode::Screen(Screen::Map), Command::SortNext, "x", 5)])
            .unwrap_err();
        assert_eq!(err.1, vec![Mode::Screen(Screen::Cases)]);
    }
}
