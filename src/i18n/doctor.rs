//! The messages of `pantau doctor`, in Bahasa Indonesia and English.
//! One variant per message; a variant without both texts does not compile.

use std::path::Path;

use super::{Lang, Msg, tr};

/// A message of `pantau doctor`, with the values it shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Doctor<'a> {
    /// The database's or the configuration's file (a check's name).
    File,
    /// Whether the database can be written (a check's name).
    Writable,
    /// The database and its folder can be written.
    WritableYes,
    /// The database can be read only.
    ReadOnly,
    /// The fix for a read-only database.
    AskWriteFile,
    /// The fix for a folder that cannot be written.
    AskWriteFolder,
    /// The fix for a database that does not exist.
    MissingFix,
    /// The SQLite files beside the database (a check's name).
    Sidecars,
    /// A -wal or -shm owned by someone who cannot write the database.
    ForeignSidecar,
    /// Opening the database (a check's name).
    Open,
    /// The schema version (a check's name).
    Schema,
    /// The fix for a schema this pantau does not know.
    SchemaFix,
    /// SQLite's quick check (a check's name).
    Integrity,
    /// The fix for a database that fails its quick check.
    IntegrityFix,
    /// The database is in WAL mode.
    WalOn,
    /// The fix for a database not in WAL mode.
    WalFix,
    /// The database's or the terminal's size (a check's name).
    Size,
    /// How many cases the database holds (a check's name).
    Cases,
    /// The write-ahead log's size (a check's name).
    WalLog,
    /// The fix for a write-ahead log above its limit.
    WalShrink,
    /// A variable that is not set.
    NotSet,
    /// The terminal shows 24-bit colour.
    TrueColour,
    /// The terminal shows no colour.
    NoColours,
    /// The terminal's colours (a check's name).
    Colours,
    /// NO_COLOR is set.
    NoColorSet,
    /// The fix for a terminal smaller than 80×24.
    Enlarge,
    /// The output is not a terminal, so its size is not known.
    NotTerminal,
    /// The locale is UTF-8, with box lines to judge by eye.
    BoxLines,
    /// What to do when the box lines look broken.
    BoxFix,
    /// The characters pantau draws with (a check's name).
    Characters,
    /// Unicode: box lines and blocks.
    GlyphsUnicode,
    /// The characters of the Linux console's font.
    GlyphsConsole,
    /// ASCII only.
    GlyphsAscii,
    /// NO_COLOR is set (why the colours are none).
    WhyNoColor,
    /// None of LC_ALL, LC_CTYPE, LANG is set.
    WhyNoLocale,
    /// TERM is the Linux console.
    WhyConsole,
    /// The fix for a locale that is not UTF-8.
    Utf8Fix,
    /// Yes.
    Yes,
    /// The locale does not matter: the terminal draws ASCII.
    NotAsked,
    /// pantau runs inside tmux.
    Tmux,
    /// The clipboard (a check's name).
    Clipboard,
    /// How copies reach the clipboard.
    Osc52,
    /// The keys (a check's name).
    Keys,
    /// The keys are tested with `pantau doctor --keys`.
    KeysInteractive,
    /// No configuration file, as HOME is not set.
    NoConfigPath,
    /// A mistake in the configuration (a check's name).
    Mistake,
    /// What the configuration holds (a check's name).
    Contents,
    /// The locale (a check's name).
    Locale,
    /// The language chosen (a check's name).
    Language,
    /// How to choose the language.
    LanguageTip,
    /// A file other users can read or write (a check's name).
    OpenToOthers,
    /// The permissions of pantau's files (a check's name).
    Permissions,
    /// No file of pantau's is open to other users.
    AllClosed,
    /// A SQLite file beside the database that is a link (a check's name).
    SymbolicLink,
    /// A private file or folder of pantau's that belongs to another user (a check's name).
    NotYourOwn,
    /// A temporary file of pantau's (a check's name).
    TemporaryFile,
    /// A temporary file left by a run that stopped (a check's name).
    TemporaryLeft,
    /// A folder open to other users.
    Folder,
    /// A baseline copy open to other users.
    BaselineCopy,
    /// An index cache open to other users.
    IndexCache,
    /// The log open to other users.
    Log,
    /// The configuration open to other users.
    Configuration,
    /// No check failed, but `warned` warned.
    Warned { warned: usize },
    /// `failed` checks failed: doctor's error.
    Problems { failed: usize },
    /// The database's folder cannot be written.
    FolderNotWritable { dir: &'a Path },
    /// The schema version, the one this pantau knows.
    SchemaVersion { version: i64 },
    /// A schema version this pantau does not know.
    SchemaOther { version: i64, known: i64 },
    /// The database is not in WAL mode but in `mode`.
    Journal { mode: &'a str },
    /// The write-ahead log (MiB) within its limit (MiB).
    WalWithin { wal: f64, limit: f64 },
    /// The write-ahead log (MiB) above its limit (MiB), and why.
    WalAbove { wal: f64, limit: f64 },
    /// The colours sent and the theme, why (what the terminal declares), and the user's choice
    /// of theme that came before it, if any.
    ColourDepth {
        depth: &'a str,
        theme: &'a str,
        why: &'a str,
        chosen: Option<&'a str>,
    },
    /// The characters drawn with, why (what the terminal declares), and the user's choice that
    /// came before it, if any.
    GlyphsChosen {
        glyphs: &'a str,
        why: &'a str,
        chosen: Option<&'a str>,
    },
    /// The locale is not UTF-8 (`locale` as `LANG=C`), and whether pantau draws in ASCII.
    NotUtf8 { locale: &'a str, ascii: bool },
    /// COLORTERM says 24-bit.
    WhyColorTerm { value: &'a str },
    /// TERM's terminfo entry and its colours (none without).
    WhyTerminfo { term: &'a str, colours: Option<u32> },
    /// TERM's name, no terminfo entry being installed.
    WhyTermName { term: &'a str },
    /// TERM is not set (None) or is `dumb`.
    WhyNoTerm { term: Option<&'a str> },
    /// The locale variable that decides the character set, its value, and whether it is UTF-8.
    WhyLocale {
        var: &'a str,
        value: &'a str,
        utf8: bool,
    },
    /// TERM names a terminal from before Unicode.
    WhyHardware { term: &'a str },
    /// The configuration file is ignored.
    ConfigIgnored { path: &'a str },
    /// There is no configuration file.
    ConfigNotFound { path: &'a str },
    /// What the configuration holds.
    ConfigHolds { views: usize, keys: usize },
    /// The fix for a SQLite file that is a link (`path` shell-quoted).
    RemoveLink { path: &'a str },
    /// A SQLite file beside the database that is a link, where it leads and who made it.
    LinkedSide {
        path: &'a Path,
        to: &'a str,
        owner: &'a str,
    },
    /// One of pantau's private files or folders (`what`) that is a symbolic link.
    LinkedCopy {
        what: &'static str,
        path: &'a Path,
        to: &'a str,
        owner: &'a str,
    },
    /// One of pantau's private files or folders (`what`) that belongs to another user.
    OthersCopy {
        what: &'static str,
        path: &'a Path,
        owner: &'a str,
    },
    /// A temporary file a running pantau writes.
    TempLive { shown: &'a str, owner: &'a str },
    /// A temporary file left by a run that stopped.
    TempLeft { shown: &'a str, owner: &'a str },
    /// A temporary file nobody can tell is still written.
    TempUnknown { shown: &'a str, owner: &'a str },
    /// The fix for a temporary file of another user's.
    TempAsk { owner: &'a str },
    /// The holiday list (a check's name).
    Holidays,
    /// The fix for elections whose period reaches a year without holidays.
    HolidaysFix,
    /// The years holidays.csv lists (`2022–2026`), none of the database's elections reaching
    /// beyond them.
    HolidaysListed { years: &'a str },
    /// Cases of these elections (`Pemilu 2029 (2029)`) whose period reaches years the holiday
    /// list does not hold: working days there skip weekends only.
    HolidaysMissing { elections: &'a str },
    /// The key test could not watch for signals.
    Signal { error: &'a str },
    /// The key test could not use the terminal.
    Terminal { error: &'a str },
}

impl Doctor<'_> {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use Lang::{En, Id};
        match (self, lang) {
            (Self::HolidaysListed { years }, Id) => {
                format!(
                    "holidays.csv memuat {years}; periode setiap pemilihan yang punya kasus tercakup"
                )
            }
            (Self::HolidaysListed { years }, En) => {
                format!(
                    "holidays.csv lists {years}; the period of every election with cases is covered"
                )
            }
            (Self::HolidaysMissing { elections }, Id) => format!(
                "ada kasus pemilihan yang periodenya mencapai tahun tanpa daftar libur: {elections}; \
                 hari kerja di tahun itu hanya melewati Sabtu dan Minggu"
            ),
            (Self::HolidaysMissing { elections }, En) => format!(
                "cases of elections whose period reaches a year without a holiday list: {elections}; \
                 working days in that year skip Saturdays and Sundays only"
            ),
            (Self::Warned { warned: 1 }, Id) => {
                "Lulus dengan 1 peringatan (!) di atas, beserta perbaikannya.".into()
            }
            (Self::Warned { warned }, Id) => format!(
                "Lulus dengan {warned} peringatan (!) di atas, masing-masing beserta perbaikannya."
            ),
            (Self::Warned { warned: 1 }, En) => {
                "Passed with 1 warning (!) above, with its fix.".into()
            }
            (Self::Warned { warned }, En) => {
                format!("Passed with {warned} warnings (!) above, each with its fix.")
            }
            (Self::Problems { failed }, Id) => {
                format!("{}: {failed} (lihat di atas)", tr(Id, Msg::DoctorProblems))
            }
            (Self::Problems { failed }, En) => {
                format!("{}: {failed} (listed above)", tr(En, Msg::DoctorProblems))
            }
            (Self::FolderNotWritable { dir }, Id) => {
                format!("folder tidak dapat ditulis: {}", dir.display())
            }
            (Self::FolderNotWritable { dir }, En) => {
                format!("its folder cannot be written: {}", dir.display())
            }
            (Self::SchemaVersion { version }, Id) => format!("versi {version}"),
            (Self::SchemaVersion { version }, En) => format!("version {version}"),
            (Self::SchemaOther { version, known }, Id) => {
                format!("versi {version}, pantau ini mengenal {known}")
            }
            (Self::SchemaOther { version, known }, En) => {
                format!("version {version}, this pantau knows {known}")
            }
            (Self::Journal { mode }, Id) => format!("tidak, mode jurnal {mode}"),
            (Self::Journal { mode }, En) => format!("no, journal mode {mode}"),
            (Self::WalWithin { wal, limit }, Id) => {
                format!("{wal:.1} MiB, dalam batas {limit:.0} MiB")
            }
            (Self::WalWithin { wal, limit }, En) => {
                format!("{wal:.1} MiB, within the limit of {limit:.0} MiB")
            }
            (Self::WalAbove { wal, limit }, Id) => format!(
                "{wal:.1} MiB, di atas batas {limit:.0} MiB: pembaca yang lama terbuka (mis. layar interaktif pantau yang dibiarkan berjalan, atau sqlite3) menahan log agar tidak dimulai ulang"
            ),
            (Self::WalAbove { wal, limit }, En) => format!(
                "{wal:.1} MiB, above the limit of {limit:.0} MiB: a reader open for a long time (e.g. an interactive pantau screen left running, or sqlite3) kept the log from starting over"
            ),
            (
                Self::ColourDepth {
                    depth,
                    theme,
                    why,
                    chosen: None,
                },
                Id,
            ) => format!("{depth}; tema {theme} ({why})"),
            (
                Self::ColourDepth {
                    depth,
                    theme,
                    why,
                    chosen: None,
                },
                En,
            ) => format!("{depth}; theme {theme} ({why})"),
            (
                Self::ColourDepth {
                    depth,
                    theme,
                    why,
                    chosen: Some(by),
                },
                Id,
            ) => format!("{depth}; tema {theme} (dipilih dengan {by}; terminal menyatakan: {why})"),
            (
                Self::ColourDepth {
                    depth,
                    theme,
                    why,
                    chosen: Some(by),
                },
                En,
            ) => format!("{depth}; theme {theme} (chosen with {by}; the terminal declares: {why})"),
            (
                Self::GlyphsChosen {
                    glyphs,
                    why,
                    chosen: None,
                },
                _,
            ) => format!("{glyphs} ({why})"),
            (
                Self::GlyphsChosen {
                    glyphs,
                    why,
                    chosen: Some(by),
                },
                Id,
            ) => format!("{glyphs} (dipilih dengan {by}; terminal menyatakan: {why})"),
            (
                Self::GlyphsChosen {
                    glyphs,
                    why,
                    chosen: Some(by),
                },
                En,
            ) => format!("{glyphs} (chosen with {by}; the terminal declares: {why})"),
            (
                Self::NotUtf8 {
                    locale,
                    ascii: true,
                },
                Id,
            ) => {
                format!("tidak, {locale}: pantau menggambar dengan ASCII")
            }
            (
                Self::NotUtf8 {
                    locale,
                    ascii: true,
                },
                En,
            ) => {
                format!("no, {locale}: pantau draws in ASCII")
            }
            (
                Self::NotUtf8 {
                    locale,
                    ascii: false,
                },
                Id,
            ) => format!(
                "tidak, {locale}, tetapi pantau diminta menggambar dengan Unicode: garis kotak mungkin rusak"
            ),
            (
                Self::NotUtf8 {
                    locale,
                    ascii: false,
                },
                En,
            ) => format!(
                "no, {locale}, yet pantau was asked to draw in Unicode: box lines may not draw"
            ),
            (Self::WhyColorTerm { value }, _) => format!("COLORTERM={value}"),
            (
                Self::WhyTerminfo {
                    term,
                    colours: Some(n),
                },
                Id,
            ) => {
                format!("terminfo {term}: {n} warna")
            }
            (
                Self::WhyTerminfo {
                    term,
                    colours: Some(n),
                },
                En,
            ) => {
                format!("terminfo {term}: {n} colours")
            }
            (
                Self::WhyTerminfo {
                    term,
                    colours: None,
                },
                Id,
            ) => {
                format!("terminfo {term}: tanpa warna")
            }
            (
                Self::WhyTerminfo {
                    term,
                    colours: None,
                },
                En,
            ) => {
                format!("terminfo {term}: no colours")
            }
            (Self::WhyTermName { term }, Id) => {
                format!("TERM={term}; entri terminfo-nya tidak terpasang")
            }
            (Self::WhyTermName { term }, En) => {
                format!("TERM={term}; its terminfo entry is not installed")
            }
            (Self::WhyNoTerm { term: Some(t) }, _) => format!("TERM={t}"),
            (Self::WhyNoTerm { term: None }, Id) => "TERM tidak diatur".into(),
            (Self::WhyNoTerm { term: None }, En) => "TERM is not set".into(),
            (
                Self::WhyLocale {
                    var,
                    value,
                    utf8: true,
                },
                Id,
            ) => format!("{var}={value} adalah UTF-8"),
            (
                Self::WhyLocale {
                    var,
                    value,
                    utf8: true,
                },
                En,
            ) => format!("{var}={value} is UTF-8"),
            (
                Self::WhyLocale {
                    var,
                    value,
                    utf8: false,
                },
                Id,
            ) => format!("{var}={value} bukan UTF-8"),
            (
                Self::WhyLocale {
                    var,
                    value,
                    utf8: false,
                },
                En,
            ) => format!("{var}={value} is not UTF-8"),
            (Self::WhyHardware { term }, Id) => {
                format!("TERM={term}, terminal dari sebelum Unicode")
            }
            (Self::WhyHardware { term }, En) => {
                format!("TERM={term}, a terminal from before Unicode")
            }
            (Self::ConfigIgnored { path }, Id) => format!("{path} (diabaikan: pengaturan bawaan)"),
            (Self::ConfigIgnored { path }, En) => format!("{path} (ignored: the defaults)"),
            (Self::ConfigNotFound { path }, Id) => format!("{path} (tidak ada: pengaturan bawaan)"),
            (Self::ConfigNotFound { path }, En) => format!("{path} (not found: the defaults)"),
            (Self::ConfigHolds { views, keys }, Id) => {
                format!("{views} tampilan tersimpan, {keys} tombol dipetakan ulang")
            }
            (Self::ConfigHolds { views, keys }, En) => {
                format!("{views} saved views, {keys} keys remapped")
            }
            (Self::RemoveLink { path }, Id) => {
                format!("saat tidak ada yang membuka database: rm {path}")
            }
            (Self::RemoveLink { path }, En) => {
                format!("when nobody has the database open: rm {path}")
            }
            (Self::LinkedSide { path, to, owner }, Id) => format!(
                "{} → {to} (dibuat oleh {owner}; SQLite tidak membuka berkas lewat tautan, jadi database tidak dapat dibaca)",
                path.display()
            ),
            (Self::LinkedSide { path, to, owner }, En) => format!(
                "{} → {to} (made by {owner}; SQLite opens no file through a link, so the database cannot be read)",
                path.display()
            ),
            (
                Self::LinkedCopy {
                    what,
                    path,
                    to,
                    owner,
                },
                Id,
            ) => format!(
                "{what} {} → {to} (tautan simbolik buatan {owner}; pantau tidak membaca atau menulis lewat \
                 tautan, jadi berkas itu tidak dipakai); hapus tautannya, pantau membuat yang baru",
                path.display()
            ),
            (
                Self::LinkedCopy {
                    what,
                    path,
                    to,
                    owner,
                },
                En,
            ) => format!(
                "{what} {} → {to} (a symbolic link made by {owner}; pantau neither reads nor writes through \
                 a link, so it is not used); remove the link and pantau makes a new one",
                path.display()
            ),
            (Self::OthersCopy { what, path, owner }, Id) => format!(
                "{what} {} milik {owner}, jadi tidak dipakai (pengguna lain dapat mengubahnya); minta {owner} \
                 atau admin menghapusnya, atau pakai folder milik Anda sendiri lewat XDG_CACHE_HOME",
                path.display()
            ),
            (Self::OthersCopy { what, path, owner }, En) => format!(
                "{what} {} belongs to {owner}, so it is not used (another user could change it); ask {owner} \
                 or an administrator to remove it, or point XDG_CACHE_HOME at a folder of your own",
                path.display()
            ),
            (Self::TempLive { shown, owner }, Id) => format!(
                "{shown} (sedang ditulis oleh pantau milik {owner} yang masih berjalan; biarkan: berkas itu hilang saat perintah itu selesai)"
            ),
            (Self::TempLive { shown, owner }, En) => format!(
                "{shown} (being written by a running pantau of {owner}; leave it: it goes away when that command ends)"
            ),
            (Self::TempLeft { shown, owner }, Id) => format!(
                "{shown} (milik {owner}; dari proses yang terhenti; pantau berikutnya menghapus milik Anda sendiri)"
            ),
            (Self::TempLeft { shown, owner }, En) => format!(
                "{shown} (of {owner}; from a run that was stopped; pantau's next run removes your own)"
            ),
            (Self::TempUnknown { shown, owner }, Id) => format!(
                "{shown} (milik {owner}; tidak dapat diketahui apakah pantau yang berjalan masih menulisnya)"
            ),
            (Self::TempUnknown { shown, owner }, En) => format!(
                "{shown} (of {owner}; whether a running pantau still writes it cannot be told)"
            ),
            (Self::TempAsk { owner }, Id) => format!(
                "tanyakan kepada {owner}: pantau berikutnya miliknya menghapus berkas itu bila tertinggal"
            ),
            (Self::TempAsk { owner }, En) => {
                format!("ask {owner}: their next pantau removes it if it was left behind")
            }
            (Self::Signal { error }, Id) => format!("sinyal: {error}"),
            (Self::Signal { error }, En) => format!("signal: {error}"),
            (Self::Terminal { error }, Id) => format!("terminal: {error}"),
            (Self::Terminal { error }, En) => format!("terminal: {error}"),
            (
                Self::File
                | Self::Writable
                | Self::WritableYes
                | Self::ReadOnly
                | Self::AskWriteFile
                | Self::AskWriteFolder
                | Self::MissingFix
                | Self::Sidecars
                | Self::ForeignSidecar
                | Self::Open
                | Self::Schema
                | Self::SchemaFix
                | Self::Integrity
                | Self::IntegrityFix
                | Self::WalOn
                | Self::WalFix
                | Self::Size
                | Self::Cases
                | Self::WalLog
                | Self::WalShrink
                | Self::NotSet
                | Self::TrueColour
                | Self::NoColours
                | Self::Colours
                | Self::NoColorSet
                | Self::Enlarge
                | Self::NotTerminal
                | Self::BoxLines
                | Self::BoxFix
                | Self::Characters
                | Self::GlyphsUnicode
                | Self::GlyphsConsole
                | Self::GlyphsAscii
                | Self::WhyNoColor
                | Self::WhyNoLocale
                | Self::WhyConsole
                | Self::Utf8Fix
                | Self::Yes
                | Self::NotAsked
                | Self::Tmux
                | Self::Clipboard
                | Self::Osc52
                | Self::Keys
                | Self::KeysInteractive
                | Self::NoConfigPath
                | Self::Mistake
                | Self::Contents
                | Self::Locale
                | Self::Language
                | Self::LanguageTip
                | Self::OpenToOthers
                | Self::Permissions
                | Self::AllClosed
                | Self::SymbolicLink
                | Self::NotYourOwn
                | Self::TemporaryFile
                | Self::TemporaryLeft
                | Self::Folder
                | Self::BaselineCopy
                | Self::IndexCache
                | Self::Log
                | Self::Holidays
                | Self::HolidaysFix
                | Self::Configuration,
                _,
            ) => self.str(lang).to_string(),
        }
    }

    /// The text of a message that shows no value, in `lang`, for a check's name (`&'static str`).
    /// A message with values has its text from [`Doctor::text`] only: here it is empty.
    pub fn str(&self, lang: Lang) -> &'static str {
        use Lang::{En, Id};
        match (self, lang) {
            (Self::Holidays, Id) => "daftar libur",
            (Self::Holidays, En) => "holiday list",
            (Self::HolidaysFix, Id) => {
                "tambahkan hari libur dan cuti bersama tahun itu (SKB 3 Menteri) ke holidays.csv, lalu muat: pantau init --reference FOLDER"
            }
            (Self::HolidaysFix, En) => {
                "add that year's holidays and cuti bersama (SKB 3 Menteri) to holidays.csv, then load it: pantau init --reference FOLDER"
            }
            (Self::File, Id) => "berkas",
            (Self::File, En) => "file",
            (Self::Writable, Id) => "dapat ditulis",
            (Self::Writable, En) => "writable",
            (Self::WritableYes, Id) => "ya, juga foldernya",
            (Self::WritableYes, En) => "yes, and its folder",
            (Self::ReadOnly, Id) => "tidak: hanya dapat dibaca",
            (Self::ReadOnly, En) => "no: it can be read only",
            (Self::AskWriteFile, Id) => {
                "untuk mengimpor, mintalah izin tulis pada berkas (README: database bersama untuk satu tim)"
            }
            (Self::AskWriteFile, En) => {
                "to import, ask for write permission on the file (README: a shared database for a team)"
            }
            (Self::AskWriteFolder, Id) => {
                "SQLite harus membuat berkas -shm di folder itu: mintalah izin tulis pada folder (README: database bersama untuk satu tim)"
            }
            (Self::AskWriteFolder, En) => {
                "SQLite must create the -shm file in that folder: ask for write permission on it (README: a shared database for a team)"
            }
            (Self::MissingFix, Id) => {
                "buat dengan `pantau init` (kosong) atau `pantau demo`; atau pilih berkas lain dengan --db, $PANTAU_DB atau `database` di pengaturan"
            }
            (Self::MissingFix, En) => {
                "create it with `pantau init` (empty) or `pantau demo`; or choose another file with --db, $PANTAU_DB or `database` in the configuration"
            }
            (Self::Sidecars, Id) => "berkas -wal/-shm",
            (Self::Sidecars, En) => "-wal/-shm files",
            (Self::ForeignSidecar, Id) => {
                "milik pengguna yang bukan penulis: penulis tidak dapat menulis database"
            }
            (Self::ForeignSidecar, En) => {
                "owned by a user who is not a writer: writers cannot write the database"
            }
            (Self::Open, Id) => "buka",
            (Self::Open, En) => "open",
            (Self::Schema, Id) => "skema",
            (Self::Schema, En) => "schema",
            (Self::SchemaFix, Id) => {
                "versi lebih lama: perbarui dengan perintah yang menulis, `pantau --db BERKAS init` (semua kasus tetap); lebih baru: perbarui pantau"
            }
            (Self::SchemaFix, En) => {
                "older: upgrade it with a command that writes, `pantau --db FILE init` (every case stays); newer: upgrade pantau"
            }
            (Self::Integrity, Id) => "integritas",
            (Self::Integrity, En) => "integrity",
            (Self::IntegrityFix, Id) => {
                "jalankan `pantau check`, lalu pulihkan salinan terakhir dari `pantau backup`"
            }
            (Self::IntegrityFix, En) => {
                "run `pantau check`, then restore the last copy made with `pantau backup`"
            }
            (Self::WalOn, Id) => "ya: pembaca tidak menunggu penulis",
            (Self::WalOn, En) => "yes: readers do not wait for writers",
            (Self::WalFix, Id) => {
                "jalankan sekali perintah pantau yang menulis, mis. impor (pantau menyalakan WAL)"
            }
            (Self::WalFix, En) => {
                "run a pantau command that writes once, e.g. an import (pantau turns WAL on)"
            }
            (Self::Size, Id) => "ukuran",
            (Self::Size, En) => "size",
            (Self::Cases, Id) => "kasus",
            (Self::Cases, En) => "cases",
            (Self::WalLog, Id) => "log WAL",
            (Self::WalLog, En) => "WAL log",
            (Self::WalShrink, Id) => {
                "tutup pembaca itu; perintah berikutnya yang menulis (mis. impor) memangkas log bila tak ada pembaca yang masih memerlukannya"
            }
            (Self::WalShrink, En) => {
                "close that reader; the next command that writes (an import) cuts the log back once no reader still needs it"
            }
            (Self::NotSet, Id) => "tidak diatur",
            (Self::NotSet, En) => "not set",
            (Self::TrueColour, Id) => "24-bit (COLORTERM)",
            (Self::TrueColour, En) => "24-bit (COLORTERM)",
            (Self::NoColours, Id) => "tanpa warna",
            (Self::NoColours, En) => "none",
            (Self::Colours, Id) => "warna",
            (Self::Colours, En) => "colours",
            (Self::NoColorSet, Id) => "diatur: tema mono, tanpa warna",
            (Self::NoColorSet, En) => "set: the mono theme, no colour",
            (Self::Enlarge, Id) => "perbesar jendela atau perkecil huruf sampai sedikitnya 80×24",
            (Self::Enlarge, En) => "enlarge the window or shrink the font to at least 80×24",
            (Self::NotTerminal, Id) => "keluaran bukan terminal",
            (Self::NotTerminal, En) => "output is not a terminal",
            (Self::BoxLines, Id) => "ya; garis kotak: ┌─┐ │█▓▒░│ ▲▼◆ └─┘",
            (Self::BoxLines, En) => "yes; box lines: ┌─┐ │█▓▒░│ ▲▼◆ └─┘",
            (Self::BoxFix, Id) => {
                "bila garis di atas tampil rusak, pakai --ascii (atau ascii = true)"
            }
            (Self::BoxFix, En) => "if the lines above look broken, use --ascii (or ascii = true)",
            (Self::Characters, Id) => "karakter",
            (Self::Characters, En) => "characters",
            (Self::GlyphsUnicode, Id) => "Unicode: garis kotak dan blok",
            (Self::GlyphsUnicode, En) => "Unicode: box lines and blocks",
            (Self::GlyphsConsole, Id) => {
                "huruf konsol Linux (code page 437): tanpa pecahan blok dan simbol tombol"
            }
            (Self::GlyphsConsole, En) => {
                "the Linux console's font (code page 437): no eighths of a block or key symbols"
            }
            (Self::GlyphsAscii, Id) => "ASCII",
            (Self::GlyphsAscii, En) => "ASCII",
            (Self::WhyNoColor, Id) => "NO_COLOR diatur",
            (Self::WhyNoColor, En) => "NO_COLOR is set",
            (Self::WhyNoLocale, Id) => "LC_ALL, LC_CTYPE dan LANG tidak diatur: lokal C",
            (Self::WhyNoLocale, En) => "LC_ALL, LC_CTYPE and LANG are not set: the C locale",
            (Self::WhyConsole, Id) => "TERM=linux, konsol Linux",
            (Self::WhyConsole, En) => "TERM=linux, the Linux console",
            (Self::Utf8Fix, Id) => {
                "export LANG=C.UTF-8 (atau id_ID.UTF-8) untuk garis kotak dan blok"
            }
            (Self::Yes, Id) => "ya",
            (Self::Yes, En) => "yes",
            (Self::NotAsked, Id) => "tidak ditanyakan: terminal ini menggambar ASCII",
            (Self::NotAsked, En) => "not asked: this terminal draws ASCII",
            (Self::Utf8Fix, En) => "export LANG=C.UTF-8 (or id_ID.UTF-8) for box lines and blocks",
            (Self::Tmux, Id) => "ya: salinan (y, Y) lewat passthrough tmux",
            (Self::Tmux, En) => "yes: copies (y, Y) go through tmux's passthrough",
            (Self::Clipboard, Id) => "papan klip",
            (Self::Clipboard, En) => "clipboard",
            (Self::Osc52, Id) => "OSC 52 (y, Y), juga lewat SSH bila terminal mengizinkan",
            (Self::Osc52, En) => "OSC 52 (y, Y), also over SSH where the terminal allows it",
            (Self::Keys, Id) => "tombol",
            (Self::Keys, En) => "keys",
            (Self::KeysInteractive, Id) => "Esc dan F1–F12 diuji secara interaktif",
            (Self::KeysInteractive, En) => "Esc and F1–F12 are tested interactively",
            (Self::NoConfigPath, Id) => "tidak ada (HOME tidak diatur)",
            (Self::NoConfigPath, En) => "none (HOME not set)",
            (Self::Mistake, Id) => "kesalahan",
            (Self::Mistake, En) => "mistake",
            (Self::Contents, Id) => "isi",
            (Self::Contents, En) => "contents",
            (Self::Locale, Id) => "lokal",
            (Self::Locale, En) => "locale",
            (Self::Language, Id) => "bahasa",
            (Self::Language, En) => "language",
            (Self::LanguageTip, Id) => "--lang id|en, atau language = \"id\" di pengaturan",
            (Self::LanguageTip, En) => "--lang id|en, or language = \"id\" in the configuration",
            (Self::OpenToOthers, Id) => "terbuka bagi pengguna lain",
            (Self::OpenToOthers, En) => "open to other users",
            (Self::Permissions, Id) => "izin",
            (Self::Permissions, En) => "permissions",
            (Self::AllClosed, Id) => {
                "salinan, cache, log dan pengaturan tertutup bagi pengguna lain"
            }
            (Self::AllClosed, En) => {
                "copies, cache, log and configuration are closed to other users"
            }
            (Self::SymbolicLink, Id) => "tautan simbolik",
            (Self::SymbolicLink, En) => "symbolic link",
            (Self::NotYourOwn, Id) => "bukan milik Anda",
            (Self::NotYourOwn, En) => "not your own",
            (Self::TemporaryFile, Id) => "berkas sementara",
            (Self::TemporaryFile, En) => "temporary file",
            (Self::TemporaryLeft, Id) => "berkas sementara tertinggal",
            (Self::TemporaryLeft, En) => "temporary file left behind",
            (Self::Folder, Id) => "folder",
            (Self::Folder, En) => "folder",
            (Self::BaselineCopy, Id) => "salinan baseline",
            (Self::BaselineCopy, En) => "baseline copy",
            (Self::IndexCache, Id) => "cache indeks",
            (Self::IndexCache, En) => "index cache",
            (Self::Log, Id) => "log",
            (Self::Log, En) => "log",
            (Self::Configuration, Id) => "pengaturan",
            (Self::Configuration, En) => "configuration",
            (
                Self::Warned { .. }
                | Self::Problems { .. }
                | Self::FolderNotWritable { .. }
                | Self::SchemaVersion { .. }
                | Self::SchemaOther { .. }
                | Self::Journal { .. }
                | Self::WalWithin { .. }
                | Self::WalAbove { .. }
                | Self::ColourDepth { .. }
                | Self::GlyphsChosen { .. }
                | Self::NotUtf8 { .. }
                | Self::WhyColorTerm { .. }
                | Self::WhyTerminfo { .. }
                | Self::WhyTermName { .. }
                | Self::WhyNoTerm { .. }
                | Self::WhyLocale { .. }
                | Self::WhyHardware { .. }
                | Self::ConfigIgnored { .. }
                | Self::ConfigNotFound { .. }
                | Self::ConfigHolds { .. }
                | Self::RemoveLink { .. }
                | Self::LinkedSide { .. }
                | Self::LinkedCopy { .. }
                | Self::OthersCopy { .. }
                | Self::TempLive { .. }
                | Self::TempLeft { .. }
                | Self::TempUnknown { .. }
                | Self::TempAsk { .. }
                | Self::Signal { .. }
                | Self::HolidaysListed { .. }
                | Self::HolidaysMissing { .. }
                | Self::Terminal { .. },
                _,
            ) => "",
        }
    }
}

/// The words of `pantau doctor --keys` for keys whose name is not the same in both languages,
/// and for what happened to a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyWord {
    Space,
    Up,
    Down,
    Left,
    Right,
    /// The key was let go (terminals that report releases).
    Released,
    /// The key is held down and repeats.
    Repeated,
    /// No command of pantau's runs on the key.
    Unbound,
}

impl KeyWord {
    /// The word in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        use Lang::{En, Id};
        match (self, lang) {
            (Self::Space, Id) => "Spasi",
            (Self::Space, En) => "Space",
            (Self::Up, Id) => "Panah atas",
            (Self::Up, En) => "Up",
            (Self::Down, Id) => "Panah bawah",
            (Self::Down, En) => "Down",
            (Self::Left, Id) => "Panah kiri",
            (Self::Left, En) => "Left",
            (Self::Right, Id) => "Panah kanan",
            (Self::Right, En) => "Right",
            (Self::Released, Id) => "(dilepas)",
            (Self::Released, En) => "(released)",
            (Self::Repeated, Id) => "(ditahan)",
            (Self::Repeated, En) => "(held)",
            (Self::Unbound, Id) => "tidak menjalankan apa pun di pantau",
            (Self::Unbound, En) => "runs nothing in pantau",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every message once, with values.
    fn all() -> Vec<Doctor<'static>> {
        use Doctor::*;
        let dir = Path::new("/srv/pantau");
        vec![
            File,
            Writable,
            WritableYes,
            ReadOnly,
            AskWriteFile,
            AskWriteFolder,
            MissingFix,
            Sidecars,
            ForeignSidecar,
            Open,
            Schema,
            SchemaFix,
            Integrity,
            IntegrityFix,
            WalOn,
            WalFix,
            Size,
            Cases,
            WalLog,
            WalShrink,
            NotSet,
            TrueColour,
            NoColours,
            Colours,
            NoColorSet,
            Enlarge,
            NotTerminal,
            BoxLines,
            BoxFix,
            Characters,
            GlyphsUnicode,
            GlyphsConsole,
            GlyphsAscii,
            WhyNoColor,
            WhyNoLocale,
            WhyConsole,
            Utf8Fix,
            Yes,
            NotAsked,
            Tmux,
            Clipboard,
            Osc52,
            Keys,
            KeysInteractive,
            NoConfigPath,
            Mistake,
            Contents,
            Locale,
            Language,
            LanguageTip,
            OpenToOthers,
            Permissions,
            AllClosed,
            SymbolicLink,
            TemporaryFile,
            TemporaryLeft,
            Folder,
            BaselineCopy,
            IndexCache,
            Log,
            Configuration,
            Warned { warned: 2 },
            Problems { failed: 3 },
            FolderNotWritable { dir },
            SchemaVersion { version: 7 },
            SchemaOther {
                version: 9,
                known: 7,
            },
            Journal { mode: "delete" },
            WalWithin {
                wal: 1.25,
                limit: 64.0,
            },
            WalAbove {
                wal: 80.0,
                limit: 64.0,
            },
            ColourDepth {
                depth: "256",
                theme: "mono",
                why: "TERM=x",
                chosen: None,
            },
            ColourDepth {
                depth: "8",
                theme: "dark",
                why: "TERM=x",
                chosen: Some("--theme"),
            },
            GlyphsChosen {
                glyphs: "ASCII",
                why: "LANG=C",
                chosen: Some("--ascii"),
            },
            NotUtf8 {
                locale: "LANG=C",
                ascii: true,
            },
            NotUtf8 {
                locale: "LANG=C",
                ascii: false,
            },
            WhyTerminfo {
                term: "linux",
                colours: Some(8),
            },
            WhyTerminfo {
                term: "vt100",
                colours: None,
            },
            WhyTermName { term: "foo" },
            WhyNoTerm { term: None },
            WhyLocale {
                var: "LANG",
                value: "C",
                utf8: false,
            },
            WhyLocale {
                var: "LANG",
                value: "C.UTF-8",
                utf8: true,
            },
            WhyHardware { term: "vt100" },
            ConfigIgnored { path: "c.toml" },
            ConfigNotFound { path: "c.toml" },
            ConfigHolds { views: 1, keys: 2 },
            RemoveLink { path: "db-wal" },
            LinkedSide {
                path: dir,
                to: "/tmp/x",
                owner: "bob",
            },
            TempLive {
                shown: "t",
                owner: "bob",
            },
            TempLeft {
                shown: "t",
                owner: "bob",
            },
            TempUnknown {
                shown: "t",
                owner: "bob",
            },
            TempAsk { owner: "bob" },
            Signal { error: "e" },
            Terminal { error: "e" },
        ]
    }

    /// The words that read the same in both languages.
    const SAME: [&str; 5] = [
        "24-bit (COLORTERM)",
        "folder",
        "log",
        "terminal: e",
        "ASCII",
    ];

    #[test]
    fn every_doctor_message_has_its_own_text_in_both_languages() {
        for m in all() {
            let (id, en) = (m.text(Lang::Id), m.text(Lang::En));
            assert!(!id.is_empty() && !en.is_empty(), "{m:?}: {id:?} / {en:?}");
            if !SAME.contains(&en.as_str()) {
                assert_ne!(id, en, "{m:?} has no Indonesian text");
            }
        }
    }

    #[test]
    fn doctor_names_its_failures_with_their_values_in_both_languages() {
        let m = Doctor::Problems { failed: 3 };
        assert_eq!(
            m.text(Lang::Id),
            "pemeriksaan yang gagal: 3 (lihat di atas)"
        );
        assert_eq!(m.text(Lang::En), "failed checks: 3 (listed above)");
        let m = Doctor::Signal { error: "EINVAL" };
        assert_eq!(m.text(Lang::Id), "sinyal: EINVAL");
        assert_eq!(m.text(Lang::En), "signal: EINVAL");
        let m = Doctor::WalAbove {
            wal: 80.04,
            limit: 64.0,
        };
        assert!(
            m.text(Lang::Id)
                .starts_with("80.0 MiB, di atas batas 64 MiB: ")
        );
        assert!(
            m.text(Lang::En)
                .starts_with("80.0 MiB, above the limit of 64 MiB: ")
        );
    }

    #[test]
    fn a_check_name_is_the_same_text_as_the_message() {
        for m in all() {
            let s = m.str(Lang::Id);
            if !s.is_empty() {
                assert_eq!(s, m.text(Lang::Id));
                assert_eq!(m.str(Lang::En), m.text(Lang::En));
            }
        }
    }
}
