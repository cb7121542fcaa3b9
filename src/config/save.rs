//! Writing a saved view into the configuration file with toml_edit, so that every comment, blank
//! line and key order outside the one entry stays as it was. Writes only `[views]`.

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
    let fail = |line, column, problem| {
        Box::new(ConfigError {
            file: path.to_path_buf(),
            line,
            column,
            key: format!("views.{name}"),
            problem,
        })
    };
    if !valid_name(name) {
        return Err(fail(
            0,
            0,
            Problem::Expected {
                expected: Expected::ViewName,
                found: format!("{name:?}"),
            },
        ));
    }
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
    match views.get_mut(name).and_then(Item::as_value_mut) {
        Some(old) => {
            let decor = old.decor().clone();
            *old = spec.into();
            *old.decor_mut() = decor;
        }
        None => {
            views.insert(name, value(spec));
        }
    }
    write_whole(path, doc.to_string().as_bytes())
        .map_err(|e| fail(0, 0, Problem::Read(e.to_string())))
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
