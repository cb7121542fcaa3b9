//! The messages of the command-line commands (`check`, `import`, `export`, `backup`, …), each in
//! Bahasa Indonesia and English. A message without both texts does not compile.

use super::Lang;

/// One message of a command, with the values it shows.
#[derive(Clone, Copy)]
pub enum Command<'a> {
    /// `check`: nothing wrong in what ran, but some checks did not run.
    CheckPartly { names: &'a str },
    /// `check`: how many checks found problems.
    CheckProblems {
        path: &'a dyn std::fmt::Display,
        problems: usize,
    },
    /// `check`: the file is damaged.
    CheckDamaged,
    /// `check`: a check met pages it cannot read.
    CheckUnreadable { detail: &'a str },
    /// `check`: a row points at a parent that is not there.
    CheckOrphan {
        table: &'a str,
        rowid: &'a str,
        parent: &'a str,
    },
    /// `check`: `… and N more`.
    CheckMore { more: usize, total: usize },
    /// `check`: the file's `application_id` is not pantau's.
    CheckAppId { found: i64, expected: i64 },
    /// `check`: the schema version is not the one this program writes.
    CheckVersion { version: i64, current: i64 },
    /// `check`: a pantau database at the current schema.
    CheckIdentityOk { version: i64 },
    /// `check`: a schema object is missing.
    CheckObjectMissing { kind: &'a str, name: &'a str },
    /// `check`: a schema object differs.
    CheckObjectDiffers {
        kind: &'a str,
        name: &'a str,
        sql: &'a str,
    },
    /// `check`: the schema as pantau makes it.
    CheckSchemaOk {
        tables: usize,
        indexes: usize,
        triggers: usize,
    },
    /// `check`: the word for objects beyond pantau's schema.
    CheckExtra,
    /// `check`: the full-text check needs the write lock.
    CheckReadOnly,
    /// `check`: another process is writing.
    CheckBusy,
    /// `check`: the index (or cache) matches the cases.
    CheckMatches { cases: &'a dyn std::fmt::Display },
    /// `check`: the full-text index is damaged.
    CheckFullTextDamaged { path: &'a dyn std::fmt::Display },
    /// `check`: no index cache kept.
    CheckNoCache,
    /// `check`: the cache file is not trusted.
    CheckCacheUntrusted { shown: &'a dyn std::fmt::Display },
    /// `check`: the cache file cannot be read.
    CheckCacheUnreadable,
    /// `check`: the cache is not used for this database.
    CheckCacheUnused,
    /// `check`: the cache describes another state.
    CheckCacheStale,
    /// `check`: the cache disagrees with the database.
    CheckCacheDisagrees {
        shown: &'a dyn std::fmt::Display,
        differ: usize,
        removed: bool,
    },
    /// `check`: a case without status history.
    CheckNoHistory { case: &'a str },
    /// `check`: a case whose status is not its history's last.
    CheckStatusNotLast {
        case: &'a str,
        now: &'a str,
        last: &'a str,
    },
    /// `check`: a history entry that does not follow the one before.
    CheckBrokenChain {
        case: &'a str,
        at: &'a str,
        from: &'a str,
        prev: &'a str,
    },
    /// `check`: every history is whole.
    CheckHistoryOk { cases: i64, entries: i64 },
}

impl Command<'_> {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use Lang::{En, Id};
        match (*self, lang) {
            (Self::CheckPartly { names }, Id) => format!(
                "Tidak ada masalah pada yang diperiksa, tetapi tidak semua diperiksa: {names} tidak diperiksa (lihat alasannya di atas); jalankan `pantau check` lagi setelah itu teratasi"
            ),
            (Self::CheckPartly { names }, En) => format!(
                "No problems in what was checked, but not everything was: {names} not checked (the reason is above); run `pantau check` again once that is over"
            ),
            (Self::CheckProblems { path, problems }, Id) => format!(
                "{path}: {problems} pemeriksaan menemukan masalah (lihat di atas); pantau tidak mengubah apa pun. \
                 Pulihkan salinan baik terakhir dari `pantau backup`, atau simpan salinan berkas ini sebelum menulis ke sana"
            ),
            (Self::CheckProblems { path, problems }, En) => format!(
                "{path}: {problems} {} found problems (listed above); pantau changed nothing. Restore the last \
                 good copy made with `pantau backup`, or keep a copy of this file before anything writes to it",
                if problems == 1 { "check" } else { "checks" }
            ),
            (Self::CheckDamaged, Id) => {
                "berkas rusak: pulihkan salinan terakhir dari `pantau backup`".into()
            }
            (Self::CheckDamaged, En) => {
                "the file is damaged: restore the last copy made with `pantau backup`".into()
            }
            (Self::CheckUnreadable { detail }, Id) => {
                format!("tidak terbaca: {detail}; pulihkan salinan terakhir dari `pantau backup`")
            }
            (Self::CheckUnreadable { detail }, En) => {
                format!("unreadable: {detail}; restore the last copy made with `pantau backup`")
            }
            (Self::CheckOrphan { table, rowid, parent }, Id) => {
                format!("{table} baris {rowid} menunjuk ke {parent} yang tidak ada")
            }
            (Self::CheckOrphan { table, rowid, parent }, En) => {
                format!("{table} row {rowid} refers to a {parent} row that does not exist")
            }
            (Self::CheckMore { more, total }, Id) => {
                format!("… dan {more} lagi ({total} seluruhnya)")
            }
            (Self::CheckMore { more, total }, En) => format!("… and {more} more ({total} in all)"),
            (Self::CheckAppId { found, expected }, Id) => {
                format!("application_id {found:#x}, seharusnya {expected:#x} (pantau)")
            }
            (Self::CheckAppId { found, expected }, En) => {
                format!("application_id {found:#x}, expected {expected:#x} (pantau)")
            }
            (Self::CheckVersion { version, current }, Id) => {
                format!("skema versi {version}, program ini menulis versi {current}")
            }
            (Self::CheckVersion { version, current }, En) => {
                format!("schema version {version}, this program writes version {current}")
            }
            (Self::CheckIdentityOk { version }, Id) => {
                format!("database pantau, skema versi {version} (terbaru)")
            }
            (Self::CheckIdentityOk { version }, En) => {
                format!("a pantau database, schema version {version} (current)")
            }
            (Self::CheckObjectMissing { kind, name }, Id) => format!("{kind} {name} tidak ada"),
            (Self::CheckObjectMissing { kind, name }, En) => format!("{kind} {name} is missing"),
            (Self::CheckObjectDiffers { kind, name, sql }, Id) => {
                format!("{kind} {name} berbeda dari skema pantau: {sql}")
            }
            (Self::CheckObjectDiffers { kind, name, sql }, En) => {
                format!("{kind} {name} differs from pantau's schema: {sql}")
            }
            (Self::CheckSchemaOk { tables, indexes, triggers }, Id) => {
                format!("{tables} tabel, {indexes} indeks, {triggers} pemicu sesuai buatan pantau")
            }
            (Self::CheckSchemaOk { tables, indexes, triggers }, En) => {
                format!("{tables} tables, {indexes} indexes, {triggers} triggers as pantau makes them")
            }
            (Self::CheckExtra, Id) => "tambahan".into(),
            (Self::CheckExtra, En) => "also".into(),
            (Self::CheckReadOnly, Id) => "tidak diperiksa: database dibuka hanya-baca (pemeriksaan ini perlu kunci tulis sesaat)".into(),
            (Self::CheckReadOnly, En) => "not checked: the database is open read-only (this check needs the write lock for a moment)".into(),
            (Self::CheckBusy, Id) => "tidak diperiksa: proses lain sedang menulis database (mis. impor); jalankan \
                 `pantau check` lagi setelah selesai"
                .into(),
            (Self::CheckBusy, En) => "not checked: another process is writing the database (an import?); run \
                 `pantau check` again when it has finished"
                .into(),
            (Self::CheckMatches { cases }, Id) => format!("sesuai dengan {cases} kasus"),
            (Self::CheckMatches { cases }, En) => format!("matches the {cases} cases"),
            (Self::CheckFullTextDamaged { path }, Id) => format!(
                "indeks teks tidak sesuai dengan kasus (pencarian kata bisa keliru); setelah membuat salinan, \
                 bangun ulang: sqlite3 {path} \"INSERT INTO cases_fts(cases_fts) VALUES('rebuild')\""
            ),
            (Self::CheckFullTextDamaged { path }, En) => format!(
                "the full-text index does not match the cases (word search may be wrong); after making a copy, \
                 rebuild it: sqlite3 {path} \"INSERT INTO cases_fts(cases_fts) VALUES('rebuild')\""
            ),
            (Self::CheckNoCache, Id) => "tidak ada cache".into(),
            (Self::CheckNoCache, En) => "no cache kept".into(),
            (Self::CheckCacheUntrusted { shown }, Id) => format!(
                "{shown} bukan berkas milik Anda atau dapat ditulis orang lain; pantau tidak memakainya. \
                 Hapus berkas itu"
            ),
            (Self::CheckCacheUntrusted { shown }, En) => format!(
                "{shown} is not your own file, or others may write it; pantau does not use it. Remove it"
            ),
            (Self::CheckCacheUnreadable, Id) => {
                "cache tidak terbaca; dibangun ulang pada perintah berikutnya".into()
            }
            (Self::CheckCacheUnreadable, En) => {
                "cache unreadable; the next command builds a new one".into()
            }
            (Self::CheckCacheUnused, Id) => "tidak dipakai untuk database ini".into(),
            (Self::CheckCacheUnused, En) => "not used for this database".into(),
            (Self::CheckCacheStale, Id) => {
                "menggambarkan keadaan lain; diperbarui pada perintah berikutnya".into()
            }
            (Self::CheckCacheStale, En) => {
                "describes another state; the next command brings it up to date".into()
            }
            (Self::CheckCacheDisagrees { shown, differ, removed: true }, Id) => format!(
                "{shown} tidak sesuai dengan database ({differ} kasus berbeda; angka dari cache ini keliru); \
                 berkas itu dihapus, perintah berikutnya membangunnya dari database"
            ),
            (Self::CheckCacheDisagrees { shown, differ, removed: false }, Id) => format!(
                "{shown} tidak sesuai dengan database ({differ} kasus berbeda; angka dari cache ini keliru); \
                 hapus berkas itu"
            ),
            (Self::CheckCacheDisagrees { shown, differ, removed: true }, En) => format!(
                "{shown} disagrees with the database ({differ} cases differ; figures from it were wrong); \
                 it was removed, the next command builds it from the database"
            ),
            (Self::CheckCacheDisagrees { shown, differ, removed: false }, En) => format!(
                "{shown} disagrees with the database ({differ} cases differ; figures from it were wrong); \
                 remove that file"
            ),
            (Self::CheckNoHistory { case }, Id) => format!("{case}: tidak punya riwayat status"),
            (Self::CheckNoHistory { case }, En) => format!("{case}: has no status history"),
            (Self::CheckStatusNotLast { case, now, last }, Id) => {
                format!("{case}: status {now}, tetapi riwayatnya berakhir di {last}")
            }
            (Self::CheckStatusNotLast { case, now, last }, En) => {
                format!("{case}: status {now}, but its history ends at {last}")
            }
            (Self::CheckBrokenChain { case, at, from, prev }, Id) => {
                format!("{case}: entri {at} berangkat dari {from}, padahal status sebelumnya {prev}")
            }
            (Self::CheckBrokenChain { case, at, from, prev }, En) => {
                format!("{case}: the entry of {at} starts from {from}, but the status before was {prev}")
            }
            (Self::CheckHistoryOk { cases, entries }, Id) => format!(
                "{cases} kasus, {entries} entri; status setiap kasus adalah entri terakhir riwayatnya"
            ),
            (Self::CheckHistoryOk { cases, entries }, En) => format!(
                "{cases} cases, {entries} entries; each case's status is the last entry of its history"
            ),
        }
    }
}
