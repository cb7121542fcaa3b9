//! The `[letterhead]` table (the office's name, address and logo at the head of a printed report)
//! and `reports_dir` (where the interactive screen writes reports). Parses paths; reads the logo
//! only when asked, for a printed report, and never at start.

use std::path::PathBuf;

use toml_edit::Table;

use super::{Config, Parser, Setting, expand_home};
use crate::error::Result;
use crate::i18n::core::Expected;
use crate::report::files::Head;
use crate::report::pdf::read_logo;

/// The keys of `[letterhead]`, in the order `config --print` shows them.
pub const LETTERHEAD_KEYS: [&str; 3] = ["name", "address", "logo"];

/// The office's name as the letterhead prints it by default, one line per `\n`.
pub const DEFAULT_NAME: &str = "BADAN PENGAWAS PEMILIHAN UMUM\nPROVINSI KALIMANTAN TIMUR";

/// The head of a printed report: what the office is called, where it is, its emblem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Letterhead {
    /// The office's name; lines split on `\n`, printed bold and centred.
    pub name: Setting<String>,
    /// The address below it; lines split on `\n`; empty for none.
    pub address: Setting<String>,
    /// A PNG or JPEG file; `None` for no logo. Checked when a report is printed, not at start.
    pub logo: Setting<Option<PathBuf>>,
}

impl Default for Letterhead {
    fn default() -> Letterhead {
        Letterhead {
            name: Setting::default(DEFAULT_NAME.to_string()),
            address: Setting::default(String::new()),
            logo: Setting::default(None),
        }
    }
}

impl Letterhead {
    /// The name's lines, trimmed, blank ones left out.
    pub fn name_lines(&self) -> Vec<String> {
        lines(&self.name.value)
    }

    /// The address's lines, trimmed, blank ones left out.
    pub fn address_lines(&self) -> Vec<String> {
        lines(&self.address.value)
    }
}

impl Letterhead {
    /// The logo's bytes, checked to be a PNG (decoded whole) or a JPEG picture; `None` when none
    /// is configured. A missing, unreadable or other file is an error naming it and the key.
    pub fn logo_bytes(&self) -> Result<Option<Vec<u8>>> {
        let Some(path) = &self.logo.value else {
            return Ok(None);
        };
        read_logo(path).map(Some)
    }

    /// The letterhead as a printed report takes it: the name when the configuration gives one
    /// (else the report names the database's own office), the address, the logo's file.
    pub fn head(&self) -> Head {
        Head {
            name: (self.name.source != super::Source::Default).then(|| self.name_lines()),
            address: self.address_lines(),
            logo: self.logo.value.clone(),
        }
    }
}

fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

impl Config {
    /// The folder the interactive screen writes reports into: `reports_dir`, else the user's
    /// documents folder's `pantau`, else `$XDG_DATA_HOME/pantau/rekap`. Not created here: the
    /// caller creates it, privately.
    pub fn reports_folder(&self) -> PathBuf {
        if let Some(dir) = &self.reports_dir.value {
            return dir.clone();
        }
        let documents =
            directories::UserDirs::new().and_then(|u| u.document_dir().map(|d| d.join("pantau")));
        documents
            .or_else(|| {
                directories::ProjectDirs::from("", "", "pantau").map(|d| d.data_dir().join("rekap"))
            })
            .unwrap_or_else(|| PathBuf::from("pantau-laporan"))
    }
}

impl Parser<'_> {
    /// `reports_dir = "…"`.
    pub(super) fn reports_dir(&mut self, item: &toml_edit::Item, c: &mut Config) {
        let source = self.source(self.at(item.span()).0);
        match item.as_str() {
            Some("") => c.reports_dir.set(None, source),
            Some(t) => c.reports_dir.set(Some(expand_home(t)), source),
            None => self.expected(item, "reports_dir", Expected::PathText),
        }
    }

    /// The `[letterhead]` table.
    pub(super) fn letterhead(&mut self, table: &Table, c: &mut Config) {
        for (key, item) in table.iter() {
            let path = format!("letterhead.{key}");
            let source = self.source(self.at(item.span()).0);
            let text = item.as_str();
            match key {
                "name" => match text {
                    Some(t) => c.letterhead.name.set(t.to_string(), source),
                    None => self.expected(item, &path, Expected::LinesText),
                },
                "address" => match text {
                    Some(t) => c.letterhead.address.set(t.to_string(), source),
                    None => self.expected(item, &path, Expected::LinesText),
                },
                "logo" => match text {
                    Some("") => c.letterhead.logo.set(None, source),
                    Some(t) => c.letterhead.logo.set(Some(expand_home(t)), source),
                    None => self.expected(item, &path, Expected::PathText),
                },
                _ => self.unknown(table, key, path, &LETTERHEAD_KEYS),
            }
        }
    }
}
