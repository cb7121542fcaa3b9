//! What pantau says about its copies of the column index (the user's cache file, the copy saved
//! in the database) while it answers: warnings on standard error, or in the session's log.

use std::path::Path;

use super::Lang;

/// Why a folder or file of the index cache is not used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unfit {
    /// It is a symbolic link.
    Link,
    /// It belongs to another user.
    Others,
    /// Other users may write it (`mode` is its permission bits).
    Open { mode: u32 },
}

/// One warning about the index cache.
pub enum CacheSays<'a> {
    /// The cache folder `path` is not used.
    FolderUnfit { path: &'a Path, why: Unfit },
    /// The cache file `path` is not used.
    FileUnfit { path: &'a Path, why: Unfit },
    /// A copy of the index disagreed with the cases and was built again.
    Disagrees { db: &'a Path, in_file: bool },
    /// A writer could not save the index in the database.
    NotSaved { db: &'a Path, error: &'a str },
}

impl CacheSays<'_> {
    /// The text in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use Lang::{En, Id};
        match (self, lang) {
            (Self::FolderUnfit { path, why }, Id) => format!(
                "{}: folder cache indeks tidak dipakai: {}; pantau menghitung langsung dari database",
                path.display(),
                unfit(*why, path, Id)
            ),
            (Self::FolderUnfit { path, why }, En) => format!(
                "{}: index cache folder not used: {}; pantau counts from the database instead",
                path.display(),
                unfit(*why, path, En)
            ),
            (Self::FileUnfit { path, why }, Id) => format!(
                "{}: cache indeks tidak dipakai: {}; pantau menghitung langsung dari database",
                path.display(),
                unfit(*why, path, Id)
            ),
            (Self::FileUnfit { path, why }, En) => format!(
                "{}: index cache not used: {}; pantau counts from the database instead",
                path.display(),
                unfit(*why, path, En)
            ),
            (Self::Disagrees { db, in_file }, Id) => format!(
                "{}: indeks {} tidak sesuai dengan kasusnya; pantau membangunnya lagi dari kasus",
                db.display(),
                if *in_file {
                    "di berkas cache"
                } else {
                    "yang tersimpan di database"
                }
            ),
            (Self::Disagrees { db, in_file }, En) => format!(
                "{}: the index {} disagrees with the cases; pantau built it again from the cases",
                db.display(),
                if *in_file {
                    "in the cache file"
                } else {
                    "saved in the database"
                }
            ),
            (Self::NotSaved { db, error }, Id) => format!(
                "{}: indeks kolom tidak tersimpan di database ({error}); pembaca berikutnya membangunnya",
                db.display()
            ),
            (Self::NotSaved { db, error }, En) => format!(
                "{}: the column index was not saved in the database ({error}); the next reader builds it",
                db.display()
            ),
        }
    }
}

/// Why, and the way out, for `path`.
fn unfit(why: Unfit, path: &Path, lang: Lang) -> String {
    let quoted = crate::text::shell_quote(&path.display().to_string());
    match (why, lang) {
        (Unfit::Link, Lang::Id) => format!(
            "itu tautan simbolik, dan pantau tidak membaca atau menulis lewat tautan (hapus: rm {quoted})"
        ),
        (Unfit::Link, Lang::En) => {
            format!(
                "it is a symbolic link, and pantau reads and writes through none (remove it: rm {quoted})"
            )
        }
        (Unfit::Others, Lang::Id) => {
            "itu milik pengguna lain (arahkan XDG_CACHE_HOME ke folder milik Anda sendiri)".into()
        }
        (Unfit::Others, Lang::En) => {
            "it belongs to another user (point XDG_CACHE_HOME at a folder of your own)".into()
        }
        (Unfit::Open { mode }, Lang::Id) => {
            format!("pengguna lain dapat menulisnya ({mode:o}; tutup: chmod go-w {quoted})")
        }
        (Unfit::Open { mode }, Lang::En) => {
            format!("other users may write it ({mode:o}; close it: chmod go-w {quoted})")
        }
    }
}
