//! The file a screen's report leaves as (`W`): which report each screen's is, the file's name in
//! the reports folder (never over another), the folder made private when missing and refused when
//! it is a link or not a folder. The worker writes with it; it draws nothing and keeps no state.

use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;

use crate::config::letterhead::Letterhead;
use crate::domain::Reference;
use crate::engine::{Dim, Engine, Level};
use crate::error::{Error, Result};
use crate::i18n::screen_report::ScreenReport;
use crate::i18n::{Lang, tr};
use crate::report::document::{self, Ask, ViewWords};
use crate::report::files::{self, Format, Options, Pick};
use crate::tui::action::Screen;
use crate::tui::data::Job;
use crate::view::View;

/// The formats the screen offers, in the order the question lists them.
pub const FORMATS: [Format; 3] = [Format::Xlsx, Format::Png, Format::Pdf];

/// How many names (`…-2`, `…-3`) are tried before the folder is said to be full of them.
const TRIES: u32 = 999;

/// What the worker needs from the configuration to write reports.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Setup {
    /// The reports folder (`reports_dir`); `None` when the session was given none.
    pub folder: Option<PathBuf>,
    /// The head of a printed report.
    pub letterhead: Letterhead,
}

/// The report of a screen: what it counts by, and which chart a picture of it draws. The
/// dashboard and the map count the rows of the table of regions they show (a national
/// database's provinces, a province's kab/kota, a region's kecamatan); the map of a Kaltim
/// database draws Kaltim's map; the stage screen counts the campaign's pekan; the case list counts
/// its cases by status.
pub fn ask_for(screen: Screen, area: &Level, reference: &Reference) -> (Ask, Pick) {
    let dim = match screen {
        Screen::Cases => Dim::Status,
        Screen::Stages => Dim::Pekan,
        Screen::Dashboard | Screen::Map => match area {
            Level::Root if reference.is_national() => Dim::Province,
            Level::Root | Level::Province(_) => Dim::Region,
            Level::Kecamatan(_) => Dim::Kecamatan,
        },
    };
    let kaltim = reference
        .root()
        .is_some_and(|r| r.code == crate::domain::wilayah::KALTIM);
    let pick = if screen == Screen::Map && dim == Dim::Region && kaltim {
        Pick::Map
    } else {
        Pick::Main
    };
    let ask = Ask {
        by: vec![dim],
        recap: false,
    };
    (ask, pick)
}

/// The start of a report's file name: `pantau-` and the screen's title in `lang`, in lower case
/// letters and digits (`pantau-ringkasan`, `pantau-dashboard`).
pub fn stem(screen: Screen, lang: Lang) -> String {
    let title: String = tr(lang, screen.title())
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let title = title.trim_matches('-');
    if title.is_empty() {
        format!("pantau-{}", screen.name())
    } else {
        format!("pantau-{title}")
    }
}

/// The `n`th name of a report made at `made`: `pantau-ringkasan-20240202-141502.xlsx`, then
/// `…-141502-2.xlsx`, `…-3.xlsx`.
pub fn file_name(stem: &str, made: NaiveDateTime, n: u32, extension: &str) -> String {
    let at = made.format("%Y%m%d-%H%M%S");
    if n <= 1 {
        format!("{stem}-{at}.{extension}")
    } else {
        format!("{stem}-{at}-{n}.{extension}")
    }
}

/// Writes the report `job` asks of `view` into the setup's folder; the file's path.
pub fn write(
    engine: &Engine<'_>,
    view: &View,
    job: &Job,
    setup: &Setup,
    database: &str,
) -> Result<PathBuf> {
    let Some(folder) = setup.folder.as_deref() else {
        return Err(failed(ScreenReport::NoFolder));
    };
    // The date counted at is the screen's own (`[`, `]`, `--as-of`), stated on its own line.
    let words = ViewWords::of(engine, view, job.lang, true);
    let doc = document::build(engine, view, &job.ask, job.lang, words)?;
    let made = doc.made.naive_local();
    write_new(folder, &job.stem, made, job.format.extension(), |name| {
        files::bytes(&doc, job.format, &options(name, database, job.pick, setup))
    })
}

/// What the file says beyond the document; the one place the screen's reports make it, so that
/// what the configuration adds (the letterhead) joins here.
fn options(file: &str, database: &str, pick: Pick, setup: &Setup) -> Options {
    Options {
        file: file.to_string(),
        database: database.to_string(),
        pick,
        letterhead: setup.letterhead.head(),
    }
}

/// Writes the bytes `encode` makes for a name into the first free name in `dir` (`stem`, the time
/// `made`, `-2`, `-3`…), exclusively and readable by the user alone; `dir` is made (0700) when it
/// is missing. Nothing is made when `encode` fails.
pub fn write_new(
    dir: &Path,
    stem: &str,
    made: NaiveDateTime,
    extension: &str,
    mut encode: impl FnMut(&str) -> Result<Vec<u8>>,
) -> Result<PathBuf> {
    let mut missing = !folder_is_there(dir)?;
    for n in 1..=TRIES {
        let name = file_name(stem, made, n, extension);
        let path = dir.join(&name);
        // A name taken by anything, a link included, is left alone.
        if !missing && std::fs::symlink_metadata(&path).is_ok() {
            continue;
        }
        let bytes = encode(&name)?;
        if missing {
            make_folder(dir)?;
            missing = false;
        }
        match crate::fs_safe::write_whole(
            &path,
            &bytes,
            crate::fs_safe::PRIVATE,
            crate::fs_safe::Replace::No,
        ) {
            Err(Error::Exists { .. }) => continue,
            Err(e) => return Err(e),
            Ok(()) => return Ok(path),
        }
    }
    let name = file_name(stem, made, 1, extension);
    let dir = shown(dir);
    Err(failed(ScreenReport::NamesTaken {
        dir: &dir,
        name: &name,
    }))
}

/// Whether the reports folder is there (false when missing); refused when it is a symbolic
/// link or something else than a folder.
pub fn folder_is_there(dir: &Path) -> Result<bool> {
    let meta = match std::fs::symlink_metadata(dir) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(source) => {
            return Err(Error::Io {
                path: dir.to_path_buf(),
                source,
            });
        }
    };
    if meta.file_type().is_symlink() {
        let to = std::fs::read_link(dir)
            .map(|t| shown(&t))
            .unwrap_or_else(|_| "?".into());
        let dir = shown(dir);
        return Err(failed(ScreenReport::FolderIsLink { dir: &dir, to: &to }));
    }
    if !meta.is_dir() {
        let dir = shown(dir);
        return Err(failed(ScreenReport::FolderNotFolder { dir: &dir }));
    }
    Ok(true)
}

/// Makes the reports folder (and any missing folder above it), open to the user alone.
fn make_folder(dir: &Path) -> Result<()> {
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(crate::fs_safe::PRIVATE_DIR)
        .create(dir)
        .map_err(|e| {
            let (dir, why) = (shown(dir), e.to_string());
            failed(ScreenReport::FolderNotMade {
                dir: &dir,
                why: &why,
            })
        })?;
    // Made here or by another process meanwhile: either way it must be a folder, not a link.
    if folder_is_there(dir)? {
        Ok(())
    } else {
        let why = std::io::Error::from(std::io::ErrorKind::NotFound).to_string();
        let dir = shown(dir);
        Err(failed(ScreenReport::FolderNotMade {
            dir: &dir,
            why: &why,
        }))
    }
}

/// A path as the status line shows it: the home folder as `~`.
pub fn shown(path: &Path) -> String {
    let home = directories::BaseDirs::new().map(|b| b.home_dir().to_path_buf());
    let text = match home.as_deref().and_then(|h| path.strip_prefix(h).ok()) {
        Some(rest) if !rest.as_os_str().is_empty() => format!("~/{}", rest.display()),
        _ => path.display().to_string(),
    };
    crate::text::safe(&text).into_owned()
}

fn failed(m: ScreenReport<'_>) -> Error {
    Error::failed(m.text(Lang::Id), m.text(Lang::En))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn made() -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2024, 2, 2)
            .and_then(|d| d.and_hms_opt(14, 15, 2))
            .unwrap_or_default()
    }

    fn kaltim() -> Reference {
        Reference::embedded()
    }

    #[test]
    fn each_screen_asks_its_own_report() {
        let r = kaltim();
        let by = |screen, area: &Level| {
            let (ask, pick) = ask_for(screen, area, &r);
            assert!(!ask.recap);
            (ask.by, pick)
        };
        assert_eq!(
            by(Screen::Dashboard, &Level::Root),
            (vec![Dim::Region], Pick::Main)
        );
        assert_eq!(
            by(Screen::Dashboard, &Level::Kecamatan("64.72".into())),
            (vec![Dim::Kecamatan], Pick::Main),
            "a kab/kota's kecamatan are counted by kecamatan"
        );
        assert_eq!(
            by(Screen::Map, &Level::Root),
            (vec![Dim::Region], Pick::Map),
            "Kaltim's map"
        );
        assert_eq!(
            by(Screen::Map, &Level::Kecamatan("64.72".into())),
            (vec![Dim::Kecamatan], Pick::Main),
            "no map of kecamatan: bars"
        );
        assert_eq!(
            by(Screen::Stages, &Level::Root),
            (vec![Dim::Pekan], Pick::Main)
        );
        assert_eq!(
            by(Screen::Cases, &Level::Root),
            (vec![Dim::Status], Pick::Main)
        );
    }

    #[test]
    fn a_national_database_counts_provinces_and_draws_no_kaltim_map() {
        let r = Reference::national();
        let (ask, pick) = ask_for(Screen::Map, &Level::Root, &r);
        assert_eq!((ask.by, pick), (vec![Dim::Province], Pick::Main));
        let (ask, _) = ask_for(Screen::Dashboard, &Level::Root, &r);
        assert_eq!(ask.by, vec![Dim::Province]);
        let (ask, pick) = ask_for(Screen::Map, &Level::Province("64".into()), &r);
        assert_eq!((ask.by, pick), (vec![Dim::Region], Pick::Main));
    }

    #[test]
    fn a_name_says_the_screen_and_the_time_and_a_taken_one_gets_a_number() {
        assert_eq!(stem(Screen::Dashboard, Lang::Id), "pantau-ringkasan");
        assert_eq!(stem(Screen::Stages, Lang::En), "pantau-stages");
        assert_eq!(
            file_name("pantau-ringkasan", made(), 1, "xlsx"),
            "pantau-ringkasan-20240202-141502.xlsx"
        );
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let bytes = |_: &str| Ok(b"one".to_vec());
        let first = write_new(dir.path(), "pantau-peta", made(), "xlsx", bytes)
            .unwrap_or_else(|e| panic!("{e}"));
        let second = write_new(dir.path(), "pantau-peta", made(), "xlsx", |name: &str| {
            Ok(name.as_bytes().to_vec())
        })
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            first.file_name().and_then(|n| n.to_str()),
            Some("pantau-peta-20240202-141502.xlsx")
        );
        assert_eq!(
            second.file_name().and_then(|n| n.to_str()),
            Some("pantau-peta-20240202-141502-2.xlsx")
        );
        assert_eq!(
            std::fs::read(&first).ok(),
            Some(b"one".to_vec()),
            "not overwritten"
        );
        assert_eq!(
            std::fs::read(&second).ok(),
            Some(b"pantau-peta-20240202-141502-2.xlsx".to_vec()),
            "the bytes are made for the name they are written under"
        );
        let mode = std::fs::metadata(&second).map(|m| m.permissions().mode() & 0o777);
        assert_eq!(mode.ok(), Some(0o600));
        // A link at a name is a taken name, never written through.
        let target = dir.path().join("elsewhere");
        let link = dir
            .path()
            .join(file_name("pantau-kasus", made(), 1, "xlsx"));
        std::os::unix::fs::symlink(&target, &link).unwrap_or_else(|e| panic!("{e}"));
        let third = write_new(dir.path(), "pantau-kasus", made(), "xlsx", bytes)
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(third.to_string_lossy().ends_with("-2.xlsx"), "{third:?}");
        assert!(!target.exists());
    }

    #[test]
    fn a_missing_folder_is_made_private_and_a_link_or_a_file_is_refused() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let folder = dir.path().join("Documents/pantau");
        let path = write_new(&folder, "pantau-kasus", made(), "xlsx", |_| Ok(vec![1]))
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(path.starts_with(&folder));
        let mode = std::fs::metadata(&folder).map(|m| m.permissions().mode() & 0o777);
        assert_eq!(mode.ok(), Some(0o700));

        // Nothing is made when the bytes cannot be.
        let never = dir.path().join("never");
        let refused = write_new(&never, "pantau-kasus", made(), "pdf", |_| {
            Err(Error::usage("belum", "not yet"))
        });
        assert!(refused.is_err());
        assert!(!never.exists(), "no folder for a file that was not made");

        let elsewhere = dir.path().join("elsewhere");
        std::fs::create_dir(&elsewhere).unwrap_or_else(|e| panic!("{e}"));
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&elsewhere, &link).unwrap_or_else(|e| panic!("{e}"));
        let err = write_new(&link, "pantau-kasus", made(), "xlsx", |_| Ok(vec![1]))
            .err()
            .map(|e| e.message(Lang::En))
            .unwrap_or_default();
        assert!(
            err.contains("symbolic link") && err.contains("reports_dir"),
            "{err}"
        );
        assert_eq!(
            std::fs::read_dir(&elsewhere).map(|d| d.count()).ok(),
            Some(0),
            "nothing written through the link"
        );

        let file = dir.path().join("a-file");
        std::fs::write(&file, b"x").unwrap_or_else(|e| panic!("{e}"));
        let err = write_new(&file, "pantau-kasus", made(), "xlsx", |_| Ok(vec![1]))
            .err()
            .map(|e| e.message(Lang::Id))
            .unwrap_or_default();
        assert!(err.contains("bukan folder"), "{err}");
    }

    #[test]
    fn a_path_in_the_home_folder_is_shown_from_tilde() {
        let Some(home) = directories::BaseDirs::new().map(|b| b.home_dir().to_path_buf()) else {
            return;
        };
        assert_eq!(
            shown(&home.join("Documents/pantau/a.xlsx")),
            "~/Documents/pantau/a.xlsx"
        );
        assert_eq!(shown(Path::new("/srv/a.xlsx")), "/srv/a.xlsx");
    }
}
