//! The messages of pantau's error type (`crate::error`): the failures every command can meet,
//! the warnings that do not stop one, and the words of a panic. Each in Bahasa Indonesia and
//! English; a variant without both texts does not compile.

use std::fmt::Display;
use std::path::Path;

use super::Lang;
use super::os::os_error;

/// A failure or warning of pantau's error type, with the values it shows.
#[derive(Clone, Copy)]
pub enum Failure<'a> {
    /// No database at the path.
    Missing { path: &'a Path },
    /// The database's folder cannot be created.
    CreateDir {
        path: &'a Path,
        source: &'a std::io::Error,
    },
    /// The file is not a SQLite database.
    NotSqlite { path: &'a Path },
    /// A SQLite database, not pantau's.
    Foreign { path: &'a Path },
    /// Written by a newer pantau.
    TooNew {
        path: &'a Path,
        found: i64,
        known: i64,
    },
    /// An older schema that a command that only reads does not upgrade.
    NeedsUpgrade {
        path: &'a Path,
        found: i64,
        known: i64,
    },
    /// The database may not be written: opened with `--read-only` (`flag`), or without
    /// permission to write.
    ReadOnly {
        path: &'a Path,
        flag: bool,
        command: &'a str,
    },
    /// SQLite cannot make its `-wal`/`-shm` files in the folder.
    FolderReadOnly { path: &'a Path, dir: &'a Path },
    /// The file is empty.
    Empty { path: &'a Path },
    /// The database is damaged.
    Corrupt { path: &'a Path, detail: &'a str },
    /// The disk is full.
    DiskFull { path: &'a Path },
    /// Another writer holds the lock.
    Locked { path: &'a Path, seconds: u64 },
    /// The destination exists and `--force` was not given.
    Exists { path: &'a Path },
    /// The regions or stages changed while an import was checked.
    ReferenceChanged { path: &'a Path },
    /// SQLite failed in a way pantau has no words of its own for (SQLite's are English).
    Sqlite {
        path: &'a Path,
        source: &'a dyn Display,
    },
    /// The system refused to read or write a file (its words are the system's).
    Io {
        path: &'a Path,
        source: &'a std::io::Error,
    },
    /// A panic: a bug in pantau.
    Bug,
    /// Standard output could not be written (a full disk, `> /dev/full`), for `reason`.
    StdoutWrite { reason: &'a str },
    /// Warning: every user of the computer may write to the database file.
    WorldWritable { path: &'a Path },
    /// Warning: every user of the computer may replace or delete the database in its folder.
    WorldWritableFolder { path: &'a Path, dir: &'a Path },
}

impl Failure<'_> {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use Lang::{En, Id};
        match (*self, lang) {
            (Self::Missing { path }, Id) => format!(
                "tidak ada database pantau di {}; buat dengan `pantau init` (kosong) atau `pantau demo` (data demo)",
                path.display()
            ),
            (Self::Missing { path }, En) => format!(
                "no pantau database at {}; create one with `pantau init` (empty) or `pantau demo` (demo data)",
                path.display()
            ),
            (Self::CreateDir { path, source }, Id) => {
                format!(
                    "tidak dapat membuat folder {}: {}",
                    path.display(),
                    os_error(source, Id)
                )
            }
            (Self::CreateDir { path, source }, En) => {
                format!(
                    "cannot create the folder {}: {}",
                    path.display(),
                    os_error(source, En)
                )
            }
            (Self::NotSqlite { path }, Id) => format!(
                "{} bukan database SQLite (mungkin berkas jenis lain, atau rusak); periksa path-nya, \
                 atau pulihkan salinan terakhir dari `pantau backup`",
                path.display()
            ),
            (Self::NotSqlite { path }, En) => format!(
                "{} is not a SQLite database (it may be another kind of file, or damaged); check the path, or restore the last copy made with `pantau backup`",
                path.display()
            ),
            (Self::Foreign { path }, Id) => format!(
                "{} adalah database SQLite tetapi bukan milik pantau; pantau tidak mengubahnya, pilih path lain",
                path.display()
            ),
            (Self::Foreign { path }, En) => format!(
                "{} is a SQLite database but not pantau's; pantau leaves it untouched, choose another path",
                path.display()
            ),
            (Self::TooNew { path, found, known }, Id) => format!(
                "{} ditulis oleh pantau yang lebih baru (skema versi {found}, program ini mengenal sampai {known}); perbarui pantau",
                path.display()
            ),
            (Self::TooNew { path, found, known }, En) => format!(
                "{} was written by a newer pantau (schema version {found}, this program knows up to {known}); upgrade pantau",
                path.display()
            ),
            (Self::NeedsUpgrade { path, found, known }, Id) => format!(
                "{p} memakai skema lama (versi {found} dari {known}); perintah yang hanya membaca tidak pernah mengubah berkas: \
                 perbarui sekali dengan perintah yang menulis, `pantau --db {p} init` (semua kasus dan batch tetap; \
                 berikan --reference yang sama bila database dibuat dengannya), lalu coba lagi",
                p = path.display()
            ),
            (Self::NeedsUpgrade { path, found, known }, En) => format!(
                "{p} has an older schema (version {found} of {known}); commands that only read never change the file: \
                 upgrade it once with a command that writes, `pantau --db {p} init` (keeps every case and batch; \
                 give the same --reference if the database was made with one), then try again",
                p = path.display()
            ),
            (
                Self::ReadOnly {
                    path,
                    flag: true,
                    command,
                },
                Id,
            ) => format!(
                "{} hanya-baca (--read-only); `{command}` perlu menulis ke sana: jalankan tanpa --read-only",
                path.display()
            ),
            (
                Self::ReadOnly {
                    path,
                    flag: true,
                    command,
                },
                En,
            ) => format!(
                "{} is read-only (--read-only); `{command}` must write to it: run it without --read-only",
                path.display()
            ),
            (
                Self::ReadOnly {
                    path,
                    flag: false,
                    command,
                },
                Id,
            ) => format!(
                "{} hanya-baca (tanpa izin tulis); `{command}` perlu menulis ke sana: mintalah izin tulis pada berkas \
                 dan foldernya (README: database bersama untuk satu tim), atau kerjakan pada salinan",
                path.display()
            ),
            (
                Self::ReadOnly {
                    path,
                    flag: false,
                    command,
                },
                En,
            ) => format!(
                "{} is read-only (no write permission); `{command}` must write to it: ask for write permission on \
                 the file and its folder (README: a shared database for a team), or work on a copy",
                path.display()
            ),
            (Self::FolderReadOnly { path, dir }, Id) => format!(
                "{p} tidak dapat dipakai: SQLite harus membuat atau menulis {p}-wal dan {p}-shm di sebelahnya, \
                 dan Anda tidak boleh menulis di folder {}; mintalah izin tulis pada folder itu \
                 (README: database bersama untuk satu tim)",
                dir.display(),
                p = path.display()
            ),
            (Self::FolderReadOnly { path, dir }, En) => format!(
                "{p} cannot be used: SQLite must create or write {p}-wal and {p}-shm beside it, and you may not \
                 write in the folder {}; ask for write permission on the folder (README: a shared database for a team)",
                dir.display(),
                p = path.display()
            ),
            (Self::Empty { path }, Id) => format!(
                "{} berkas kosong (0 byte), bukan database pantau; bila tadinya database, isinya terpotong: \
                 pulihkan salinan terakhir dari `pantau backup`, atau jadikan database baru yang kosong dengan `pantau init`",
                path.display()
            ),
            (Self::Empty { path }, En) => format!(
                "{} is an empty file (0 bytes), not a pantau database; if it was one it has been cut short: \
                 restore the last copy made with `pantau backup`, or turn it into a new, empty database with `pantau init`",
                path.display()
            ),
            (Self::Corrupt { path, detail }, Id) => format!(
                "{} rusak ({detail}); pantau tidak mengubah apa pun. Lihat kerusakannya dengan `pantau check`, \
                 lalu pulihkan salinan terakhir dari `pantau backup`",
                path.display()
            ),
            (Self::Corrupt { path, detail }, En) => format!(
                "{} is damaged ({detail}); pantau changed nothing. See what is wrong with `pantau check`, \
                 then restore the last copy made with `pantau backup`",
                path.display()
            ),
            (Self::DiskFull { path }, Id) => format!(
                "disk tempat {} penuh; yang sedang ditulis dibatalkan dan tidak ada data tersimpan yang hilang: \
                 kosongkan sebagian ruang di sana lalu coba lagi",
                path.display()
            ),
            (Self::DiskFull { path }, En) => format!(
                "the disk holding {} is full; what was being written was rolled back and nothing stored was lost: \
                 free some space there and try again",
                path.display()
            ),
            (Self::Locked { path, seconds: 0 }, Id) => format!(
                "{} sedang dikunci penulis lain dan --wait 0 tidak menunggu; coba lagi setelah selesai, atau beri --wait DETIK",
                path.display()
            ),
            (Self::Locked { path, seconds: 0 }, En) => format!(
                "{} is locked by another writer and --wait 0 does not wait; try again when it has finished, or give --wait SECONDS",
                path.display()
            ),
            (Self::Locked { path, seconds }, Id) => format!(
                "{} dikunci penulis lain lebih dari {seconds} detik; coba lagi setelah selesai",
                path.display()
            ),
            (Self::Locked { path, seconds }, En) => format!(
                "{} is locked by another writer for longer than {seconds} s; try again when it has finished",
                path.display()
            ),
            (Self::Exists { path }, Id) => format!(
                "{} sudah ada; tambahkan --force untuk menggantinya (datanya akan hilang)",
                path.display()
            ),
            (Self::Exists { path }, En) => format!(
                "{} already exists; add --force to replace it (its data will be lost)",
                path.display()
            ),
            (Self::ReferenceChanged { path }, Id) => format!(
                "wilayah atau tahapan yang tersimpan di {} berubah selama impor diperiksa; tidak ada yang ditulis: jalankan impor lagi",
                path.display()
            ),
            (Self::ReferenceChanged { path }, En) => format!(
                "the regions or stages stored in {} changed while the import was being checked; nothing was written: run the import again",
                path.display()
            ),
            (Self::Sqlite { path, source }, Id) => {
                format!("kesalahan database {}: {source}", path.display())
            }
            (Self::Sqlite { path, source }, En) => {
                format!("database {}: {source}", path.display())
            }
            (Self::Io { path, source }, lang) => {
                format!("{}: {}", path.display(), os_error(source, lang))
            }
            (Self::StdoutWrite { reason }, Id) => format!(
                "keluaran tidak dapat ditulis ({reason}); yang tertulis mungkin terpotong: \
                 arahkan keluaran ke tempat lain (mis. berkas di disk yang masih ada ruangnya), lalu coba lagi"
            ),
            (Self::StdoutWrite { reason }, En) => format!(
                "the output could not be written ({reason}); what was written may be cut short: \
                 send the output elsewhere (e.g. a file on a disk with room left) and try again"
            ),
            (Self::Bug, Id) => {
                "ini kesalahan (bug) di pantau, bukan kesalahan Anda; tidak ada data yang diubah. \
                 Laporkan kepada pengelola pantau beserta perintah yang dijalankan"
                    .into()
            }
            (Self::Bug, En) => {
                "this is a bug in pantau, not your mistake; no data was changed. Report it to \
                 pantau's maintainers with the command you ran"
                    .into()
            }
            (Self::WorldWritable { path }, Id) => format!(
                "{p} dapat diubah oleh setiap pengguna komputer ini; siapa pun dapat mengubah bukti. \
                 Cabut izin tulis mereka: chmod o-w {p} (README: database bersama untuk satu tim)",
                p = path.display()
            ),
            (Self::WorldWritable { path }, En) => format!(
                "{p} can be changed by every user of this computer; anyone could alter the evidence. \
                 Remove their write permission: chmod o-w {p} (README: a shared database for a team)",
                p = path.display()
            ),
            (Self::WorldWritableFolder { path, dir }, Id) => format!(
                "{} berada di {d}, yang dapat ditulisi setiap pengguna komputer ini: siapa pun dapat mengganti \
                 atau menghapusnya. Cabut izin tulis mereka: chmod o-w {d} (README: database bersama untuk satu tim)",
                path.display(),
                d = dir.display()
            ),
            (Self::WorldWritableFolder { path, dir }, En) => format!(
                "{} lies in {d}, which every user of this computer may write to: anyone could replace or \
                 delete it. Remove their write permission: chmod o-w {d} (README: a shared database for a team)",
                path.display(),
                d = dir.display()
            ),
        }
    }
}
