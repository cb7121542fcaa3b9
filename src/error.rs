//! pantau's error type: every failure a user can meet, with the path or value it concerns,
//! its message in both languages and the exit status it maps to.

use std::path::PathBuf;

use crate::i18n::Lang;

/// The result of pantau's operations.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong, each naming what it concerns and the way out.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(
        "no pantau database at {path}; create one with `pantau init` (empty) or `pantau demo` (demo data)"
    )]
    Missing { path: PathBuf },
    #[error("cannot create the folder {path}: {source}")]
    CreateDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{path} is not a SQLite database (it may be another kind of file, or damaged); check the path"
    )]
    NotSqlite { path: PathBuf },
    #[error(
        "{path} is a SQLite database but not pantau's; pantau leaves it untouched, choose another path"
    )]
    Foreign { path: PathBuf },
    #[error(
        "{path} was written by a newer pantau (schema version {found}, this program knows up to {known}); upgrade pantau"
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error(
        "{path} has an older schema (version {found} of {known}) and is open read-only; open it once without --read-only to upgrade"
    )]
    NeedsUpgrade {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("{path} is read-only ({why}); `{command}` must write to it")]
    ReadOnly {
        path: PathBuf,
        why: String,
        command: String,
    },
    #[error(
        "{path} is locked by another writer for longer than {seconds} s; try again when it has finished"
    )]
    Locked { path: PathBuf, seconds: u64 },
    #[error("{path} already exists; add --force to replace it (its data will be lost)")]
    Exists { path: PathBuf },
    #[error("database {path}: {source}")]
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0}")]
    Reference(#[from] crate::domain::reference::ReferenceError),
    /// A mistake in what the user typed (a view spec, a date, an argument): exit status 2.
    #[error("{message}")]
    Usage { message: String, message_id: String },
    #[error("{0}")]
    Other(String),
}

impl Error {
    /// A usage error with its text in both languages.
    pub fn usage(id: impl Into<String>, en: impl Into<String>) -> Error {
        Error::Usage {
            message: en.into(),
            message_id: id.into(),
        }
    }

    /// The exit status: 2 for a usage error, 1 for everything else.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Usage { .. } => 2,
            _ => 1,
        }
    }

    /// The message in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            Error::Missing { path } => format!(
                "tidak ada database pantau di {}; buat dengan `pantau init` (kosong) atau `pantau demo` (data demo)",
                path.display()
            ),
            Error::CreateDir { path, source } => {
                format!("tidak dapat membuat folder {}: {source}", path.display())
            }
            Error::NotSqlite { path } => format!(
                "{} bukan database SQLite (mungkin berkas jenis lain, atau rusak); periksa path-nya",
                path.display()
            ),
            Error::Foreign { path } => format!(
                "{} adalah database SQLite tetapi bukan milik pantau; pantau tidak mengubahnya, pilih path lain",
                path.display()
            ),
            Error::TooNew { path, found, known } => format!(
                "{} ditulis oleh pantau yang lebih baru (skema versi {found}, program ini mengenal sampai {known}); perbarui pantau",
                path.display()
            ),
            Error::NeedsUpgrade { path, found, known } => format!(
                "{} memakai skema lama (versi {found} dari {known}) dan dibuka hanya-baca; buka sekali tanpa --read-only untuk memperbarui",
                path.display()
            ),
            Error::ReadOnly { path, why, command } => {
                format!(
                    "{} hanya-baca ({why}); `{command}` perlu menulis ke sana",
                    path.display()
                )
            }
            Error::Locked { path, seconds } => format!(
                "{} dikunci penulis lain lebih dari {seconds} detik; coba lagi setelah selesai",
                path.display()
            ),
            Error::Exists { path } => format!(
                "{} sudah ada; tambahkan --force untuk menggantinya (datanya akan hilang)",
                path.display()
            ),
            Error::Usage { message_id, .. } => message_id.clone(),
            other => other.to_string(),
        }
    }
}
