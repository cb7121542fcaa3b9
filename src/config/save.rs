//! Writing a saved view into the configuration file with toml_edit, so that every comment, blank
//! line and key order outside the one entry stays as it was. Writes only `[views]`.

use std::io::Write;
use std::path::Path;

use toml_edit::{DocumentMut, Item, Table, value};

use crate::config::{ConfigError, DEFAULTS, Problem, line_col};
use crate::tui::personal::valid_name;

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
                id: "nama dari huruf, angka, - dan _".into(),
                en: "a name of letters, digits, - and _".into(),
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
                id: "tabel [views]".into(),
                en: "a table [views]".into(),
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

/// Replaces `path` with `bytes` through a temporary file in the same folder, keeping the old
/// file's permissions.
fn write_whole(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir)?;
    let tmp = dir.join(format!(
        ".{}.tmp",
        path.file_name()
            .map_or("config.toml".into(), |n| n.to_string_lossy())
    ));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        if let Ok(meta) = std::fs::metadata(path) {
            std::fs::set_permissions(&tmp, meta.permissions())?;
        }
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
