//! Writing, deleting and renaming a saved view in the configuration file with toml_edit, so that
//! every comment, blank line and key order outside the one entry stays as it was. Writes only
//! `[views]`.

use std::os::unix::fs::DirBuilderExt;
use std::path::Path;

use toml_edit::{DocumentMut, Item, Table, value};

use crate::config::saved::valid_name;
use crate::config::{ConfigError, DEFAULTS, Problem, line_col};
use crate::i18n::core::Expected;

/// Sets `name = "spec"` in the `[views]` table of the file at `path` (created from the documented
/// defaults when missing), replacing a view of the same name in place. The file is replaced
/// whole, through a temporary file beside it, so a failure leaves the old one.
pub fn save_view(path: &Path, name: &str, spec: &str) -> Result<(), Box<ConfigError>> {
    if !valid_name(name) {
        return Err(error(path, name, bad_name(name)));
    }
    edit_views(path, name, |views| {
        set_in_place(views, name, spec.into());
        Ok(())
    })
}

/// Takes the view `name` out of the `[views]` table of the file at `path`, with the comment lines
/// just above it; the rest of the file stays byte for byte. One of pantau's own views (which the
/// defaults would bring back) is written `NAME = false` instead. A view that is not there is an
/// error.
pub fn delete_view(path: &Path, name: &str) -> Result<(), Box<ConfigError>> {
    let own = own_views();
    edit_views(path, name, |views| {
        let in_file = views.get(name).and_then(Item::as_str).is_some();
        let default = own.iter().any(|(n, _)| n == name);
        let hidden = views.get(name).and_then(Item::as_bool) == Some(false);
        match (in_file, default && !hidden) {
            (false, false) => return Err(missing(name)),
            (true, false) => {
                views.remove(name);
            }
            (_, true) => set_in_place(views, name, false.into()),
        }
        Ok(())
    })
}

/// Gives the view `from` the name `to` in the `[views]` table of the file at `path`, in its place
/// and with its comments; the rest of the file stays byte for byte. `to` must be a valid name no
/// other view has. One of pantau's own views is copied under the new name and written
/// `NAME = false`, so that the defaults do not bring it back.
pub fn rename_view(path: &Path, from: &str, to: &str) -> Result<(), Box<ConfigError>> {
    if !valid_name(to) {
        return Err(error(path, to, bad_name(to)));
    }
    let own = own_views();
    edit_views(path, from, |views| {
        if from == to {
            return Ok(());
        }
        let hidden = |views: &Table, n: &str| views.get(n).and_then(Item::as_bool) == Some(false);
        let own_spec = |views: &Table, n: &str| {
            own.iter()
                .find(|(o, _)| o == n)
                .filter(|_| !hidden(views, n))
                .map(|(_, spec)| spec.clone())
        };
        if views.get(to).and_then(Item::as_str).is_some() || own_spec(views, to).is_some() {
            return Err(Problem::Expected {
                expected: Expected::UnusedViewName,
                found: format!("{to:?}"),
            });
        }
        // A hidden view of pantau's own under the new name gives way.
        if hidden(views, to) {
            views.remove(to);
        }
        let default = own_spec(views, from);
        if views.get(from).and_then(Item::as_str).is_some() {
            let order: Vec<String> = views.iter().map(|(k, _)| k.to_string()).collect();
            let Some((key, item)) = views.remove_entry(from) else {
                return Err(missing(from));
            };
            let renamed = toml_edit::Key::new(to).with_leaf_decor(key.leaf_decor().clone());
            views.insert_formatted(&renamed, item);
            let place = |k: &str| {
                let k = if k == to { from } else { k };
                order.iter().position(|o| o == k).unwrap_or(usize::MAX)
            };
            views.sort_values_by(|a, _, b, _| place(a.get()).cmp(&place(b.get())));
        } else if let Some(spec) = &default {
            views.insert(to, value(spec.as_str()));
        } else {
            return Err(missing(from));
        }
        if default.is_some() {
            set_in_place(views, from, false.into());
        }
        Ok(())
    })
}

/// pantau's own views (assets/config.toml): name and spec.
fn own_views() -> Vec<(String, String)> {
    crate::config::Config::defaults()
        .views
        .into_iter()
        .map(|(v, _)| (v.name, v.spec))
        .collect()
}

/// Sets `name = v` in `views`, in place (keeping its comments) when it is there, else at the end.
fn set_in_place(views: &mut Table, name: &str, v: toml_edit::Value) {
    match views.get_mut(name).and_then(Item::as_value_mut) {
        Some(old) => {
            let decor = old.decor().clone();
            *old = v;
            *old.decor_mut() = decor;
        }
        None => {
            views.insert(name, Item::Value(v));
        }
    }
}

fn error(path: &Path, name: &str, problem: Problem) -> Box<ConfigError> {
    Box::new(ConfigError {
        file: path.to_path_buf(),
        line: 0,
        column: 0,
        key: format!("views.{name}"),
        problem,
    })
}

fn bad_name(name: &str) -> Problem {
    Problem::Expected {
        expected: Expected::ViewName,
        found: format!("{name:?}"),
    }
}

fn missing(name: &str) -> Problem {
    Problem::Expected {
        expected: Expected::SavedViewNamed,
        found: format!("{name:?}"),
    }
}

/// Reads the file at `path` (the documented defaults when missing), lets `change` edit its
/// `[views]` table, and writes it back whole. Mistakes name the file and `views.NAME`.
fn edit_views(
    path: &Path,
    name: &str,
    change: impl FnOnce(&mut Table) -> Result<(), Problem>,
) -> Result<(), Box<ConfigError>> {
    let fail = |line, column, problem| {
        Box::new(ConfigError {
            file: path.to_path_buf(),
            line,
            column,
            key: format!("views.{name}"),
            problem,
        })
    };
    let text = match crate::fsread::read_to_string(path, crate::fsread::CONFIG) {
        Ok(t) => t,
        Err(e) if e.is_not_found() => DEFAULTS.to_string(),
        Err(e) => return Err(fail(0, 0, Problem::of_read(&e))),
    };
    let mut doc: DocumentMut = text.parse().map_err(|e: toml_edit::TomlError| {
        let (line, column) = e.span().map_or((1, 1), |s| line_col(&text, s.start));
        let message = e.message().lines().next().unwrap_or_default().to_string();
        fail(line, column, Problem::Syntax(message))
    })?;
    let views = doc
        .entry("views")
        .or_insert_with(|| Item::Table(Table::new()));
    let Some(views) = views.as_table_mut() else {
        return Err(fail(
            0,
            0,
            Problem::Expected {
                expected: Expected::ViewsTable,
                found: "views = …".into(),
            },
        ));
    };
    change(views).map_err(|p| fail(0, 0, p))?;
    write_whole(path, doc.to_string().as_bytes()).map_err(|e| fail(0, 0, Problem::read(&e)))
}

/// Replaces `path` with `bytes` through a private temporary file in the same folder, keeping the
/// old file's permissions (never letting every user write it); a new file is the user's only.
/// A symbolic link is followed only when the link and the file it names are both the user's own;
/// any other link is refused, named with its target, and nothing is written or changed through it.
fn write_whole(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let me = rustix::process::geteuid().as_raw();
    let mut target = path.to_path_buf();
    if let Ok(link) = std::fs::symlink_metadata(path)
        && link.file_type().is_symlink()
    {
        let resolved = std::fs::canonicalize(path).ok().filter(|t| {
            link.uid() == me
                && std::fs::symlink_metadata(t).is_ok_and(|m| m.is_file() && m.uid() == me)
        });
        let Some(resolved) = resolved else {
            let to = std::fs::read_link(path)
                .map(|t| t.display().to_string())
                .unwrap_or_else(|_| "?".into());
            return Err(std::io::Error::other(format!(
                "{} is a symbolic link to {to}, and they are not both yours; pantau writes through a link only when the link and its target are yours: save to another file (--config) or replace the link with a copy",
                path.display()
            )));
        };
        target = resolved;
    }
    let dir = crate::fs_safe::folder_of(&target);
    if !dir.is_dir() {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(crate::fs_safe::PRIVATE_DIR)
            .create(&dir)?;
    }
    let mode = std::fs::symlink_metadata(&target)
        .ok()
        .filter(|m| m.is_file())
        .map_or(crate::fs_safe::PRIVATE, |m| {
            (m.permissions().mode() & 0o664) | crate::fs_safe::PRIVATE
        });
    crate::fs_safe::write_whole(&target, bytes, mode, crate::fs_safe::Replace::Yes)
        .map_err(std::io::Error::other)
}
