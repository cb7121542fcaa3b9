//! pantau's error type: every failure a user can meet, with the path or value it concerns,
//! its message in both languages and the exit status it maps to.

use std::path::PathBuf;

use crate::i18n::Lang;

/// The way out of a read-only database: drop the flag, or get permission (or use a copy).
fn read_only_way_out(why: &str, lang: Lang) -> &'static str {
    match (why == "--read-only", lang) {
        (true, Lang::En) => "run it without --read-only",
        (true, Lang::Id) => "jalankan tanpa --read-only",
        (false, Lang::En) => {
            "ask for write permission on the file and its folder (README: a shared database for a team), or work on a copy"
        }
        (false, Lang::Id) => {
            "mintalah izin tulis pada berkas dan foldernya (README: database bersama untuk satu tim), atau kerjakan pada salinan"
        }
    }
}

/// Something a user should know that does not stop the command.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Warning {
    /// Every user of the computer may write to the database file.
    WorldWritable { path: PathBuf },
    /// Every user of the computer may replace or delete the database in its folder.
    WorldWritableFolder { path: PathBuf, dir: PathBuf },
}

impl Warning {
    /// The warning in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Warning::WorldWritable { path }, Lang::En) => format!(
                "{p} can be changed by every user of this computer; anyone could alter the evidence. \
                 Remove their write permission: chmod o-w {p} (README: a shared database for a team)",
                p = path.display()
            ),
            (Warning::WorldWritable { path }, Lang::Id) => format!(
                "{p} dapat diubah oleh setiap pengguna komputer ini; siapa pun dapat mengubah bukti. \
                 Cabut izin tulis mereka: chmod o-w {p} (README: database bersama untuk satu tim)",
                p = path.display()
            ),
            (Warning::WorldWritableFolder { path, dir }, Lang::En) => format!(
                "{} lies in {d}, which every user of this computer may write to: anyone could replace or \
                 delete it. Remove their write permission: chmod o-w {d} (README: a shared database for a team)",
                path.display(),
                d = dir.display()
            ),
            (Warning::WorldWritableFolder { path, dir }, Lang::Id) => format!(
                "{} berada di {d}, yang dapat ditulisi setiap pengguna komputer ini: siapa pun dapat mengganti \
                 atau menghapusnya. Cabut izin tulis mereka: chmod o-w {d} (README: database bersama untuk satu tim)",
                path.display(),
                d = dir.display()
            ),
        }
    }
}

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
        "{path} is not a SQLite database (it may be another kind of file, or damaged); check the path, or restore the last copy made with `pantau backup`"
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
        "{path} has an older schema (version {found} of {known}); commands that only read never change the file: upgrade it once with a command that writes, `pantau --db {path} init` (keeps every case and batch; give the same --reference if the database was made with one), then try again"
    )]
    NeedsUpgrade {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("{path} is read-only ({why}); `{command}` must write to it: {}", read_only_way_out(.why, Lang::En))]
    ReadOnly {
        path: PathBuf,
        why: String,
        command: String,
    },
    #[error(
        "{path} cannot be used: SQLite must create or write {path}-wal and {path}-shm beside it, and you may not write in the folder {dir}; ask for write permission on the folder (README: a shared database for a team)"
    )]
    FolderReadOnly { path: PathBuf, dir: PathBuf },
    #[error(
        "{path} is an empty file (0 bytes), not a pantau database; if it was one it has been cut short: restore the last copy made with `pantau backup`, or turn it into a new, empty database with `pantau init`"
    )]
    Empty { path: PathBuf },
    #[error(
        "{path} is damaged ({detail}); pantau changed nothing. See what is wrong with `pantau check`, then restore the last copy made with `pantau backup`"
    )]
    Corrupt { path: PathBuf, detail: String },
    #[error(
        "the disk holding {path} is full; what was being written was rolled back and nothing stored was lost: free some space there and try again"
    )]
    DiskFull { path: PathBuf },
    #[error(
        "{path} is locked by another writer for longer than {seconds} s; try again when it has finished"
    )]
    Locked { path: PathBuf, seconds: u64 },
    #[error("{path} already exists; add --force to replace it (its data will be lost)")]
    Exists { path: PathBuf },
    #[error(
        "the regions or stages stored in {path} changed while the import was being checked; nothing was written: run the import again"
    )]
    ReferenceChanged { path: PathBuf },
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
    Reference(#[from] ReferenceError),
    /// A mistake in what the user typed (a view spec, a date, an argument): exit status 2.
    #[error("{message}")]
    Usage { message: String, message_id: String },
    #[error("{0}")]
    Other(String),
    /// A runtime failure (exit status 1) with its text in both languages.
    #[error("{message}")]
    Failed { message: String, message_id: String },
}

impl Error {
    /// A usage error with its text in both languages.
    pub fn usage(id: impl Into<String>, en: impl Into<String>) -> Error {
        Error::Usage {
            message: en.into(),
            message_id: id.into(),
        }
    }

    /// A runtime failure (exit status 1) with its text in both languages.
    pub fn failed(id: impl Into<String>, en: impl Into<String>) -> Error {
        Error::Failed {
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
                "{} bukan database SQLite (mungkin berkas jenis lain, atau rusak); periksa path-nya, \
                 atau pulihkan salinan terakhir dari `pantau backup`",
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
                "{p} memakai skema lama (versi {found} dari {known}); perintah yang hanya membaca tidak pernah mengubah berkas: \
                 perbarui sekali dengan perintah yang menulis, `pantau --db {p} init` (semua kasus dan batch tetap; \
                 berikan --reference yang sama bila database dibuat dengannya), lalu coba lagi",
                p = path.display()
            ),
            Error::ReadOnly { path, why, command } => {
                format!(
                    "{} hanya-baca ({why}); `{command}` perlu menulis ke sana: {}",
                    path.display(),
                    read_only_way_out(why, lang)
                )
            }
            Error::FolderReadOnly { path, dir } => format!(
                "{p} tidak dapat dipakai: SQLite harus membuat atau menulis {p}-wal dan {p}-shm di sebelahnya, \
                 dan Anda tidak boleh menulis di folder {}; mintalah izin tulis pada folder itu \
                 (README: database bersama untuk satu tim)",
                dir.display(),
                p = path.display()
            ),
            Error::Empty { path } => format!(
                "{} berkas kosong (0 byte), bukan database pantau; bila tadinya database, isinya terpotong: \
                 pulihkan salinan terakhir dari `pantau backup`, atau jadikan database baru yang kosong dengan `pantau init`",
                path.display()
            ),
            Error::Corrupt { path, detail } => format!(
                "{} rusak ({detail}); pantau tidak mengubah apa pun. Lihat kerusakannya dengan `pantau check`, \
                 lalu pulihkan salinan terakhir dari `pantau backup`",
                path.display()
            ),
            Error::DiskFull { path } => format!(
                "disk tempat {} penuh; yang sedang ditulis dibatalkan dan tidak ada data tersimpan yang hilang: \
                 kosongkan sebagian ruang di sana lalu coba lagi",
                path.display()
            ),
            Error::Locked { path, seconds } => format!(
                "{} dikunci penulis lain lebih dari {seconds} detik; coba lagi setelah selesai",
                path.display()
            ),
            Error::ReferenceChanged { path } => format!(
                "wilayah atau tahapan yang tersimpan di {} berubah selama impor diperiksa; tidak ada yang ditulis: jalankan impor lagi",
                path.display()
            ),
            Error::Exists { path } => format!(
                "{} sudah ada; tambahkan --force untuk menggantinya (datanya akan hilang)",
                path.display()
            ),
            Error::Usage { message_id, .. } | Error::Failed { message_id, .. } => {
                message_id.clone()
            }
            other => other.to_string(),
        }
    }
}

impl Error {
    /// Whether this is the reader of standard output having gone away (`pantau report | head`).
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Io { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

/// Ends pantau the way a Unix tool ends when the reader of its output has gone away: quietly,
/// killed by SIGPIPE (shells show status 141), or with that status should the signal not end it.
pub fn end_on_broken_pipe() -> ! {
    let _ = signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGPIPE);
    std::process::exit(128 + signal_hook::consts::SIGPIPE)
}

/// Whether a panic's message is the standard library's "failed printing to stdout: Broken pipe":
/// `print!` to a pipe whose reader has gone away.
fn is_broken_pipe_panic(info: &std::panic::PanicHookInfo<'_>) -> bool {
    let payload = info.payload();
    let text = payload
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| payload.downcast_ref::<&str>().copied())
        .unwrap_or_default();
    text.starts_with("failed printing to std") && text.contains("Broken pipe")
}

/// Replaces Rust's panic message: output to a closed pipe ends quietly (see
/// [`end_on_broken_pipe`]); any other panic prints one line in the user's language saying that
/// it is a bug and that nothing was changed, with Rust's own message and backtrace only when
/// `RUST_BACKTRACE` is set. The interactive screen chains its own hook (which restores the
/// terminal first) in front of this one.
pub fn install_panic_hook(lang: Lang) {
    let rust_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if is_broken_pipe_panic(info) {
            end_on_broken_pipe();
        }
        if std::env::var_os("RUST_BACKTRACE").is_some_and(|v| v != "0") {
            rust_hook(info);
        }
        let place = info
            .location()
            .map(|l| format!(" ({}:{})", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!(
            "pantau: {}{place}",
            lang.pick(
                "ini kesalahan (bug) di pantau, bukan kesalahan Anda; tidak ada data yang diubah. \
                 Laporkan kepada pengelola pantau beserta perintah yang dijalankan",
                "this is a bug in pantau, not your mistake; no data was changed. Report it to \
                 pantau's maintainers with the command you ran",
            )
        );
    }));
}

impl From<crate::fsread::ReadError> for Error {
    /// A refused file is a usage error (exit status 2); a failure of the system stays one.
    fn from(e: crate::fsread::ReadError) -> Error {
        match e.refusal {
            crate::fsread::Refusal::Io(source) => Error::Io {
                path: e.path,
                source,
            },
            _ => Error::usage(e.message(Lang::Id), e.message(Lang::En)),
        }
    }
}

/// An error in a reference file (regions, stages, holidays, map tiles), naming the file and line.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct ReferenceError {
    pub file: String,
    pub line: u64,
    pub message: String,
}
