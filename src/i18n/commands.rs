//! The messages of the command-line commands (`check`, `import`, `export`, `backup`, …), each in
//! Bahasa Indonesia and English. A message without both texts does not compile.

use super::Lang;

/// One of the lists of an election's files (`init --election` says what changed in it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ElectionList {
    /// stages.csv.
    Stages,
    /// campaign_methods.csv.
    Methods,
    /// contests.csv.
    Contests,
}

/// What a correction did to entries of a list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListChange {
    Added,
    Changed,
    Removed,
}

/// One message of a command, with the values it shows.
#[derive(Clone, Copy)]
pub enum Command<'a> {
    /// `check`: nothing wrong in what ran, but some checks did not run.
    CheckPartly {
        names: &'a str,
    },
    /// `check`: how many checks found problems.
    CheckProblems {
        path: &'a dyn std::fmt::Display,
        problems: usize,
    },
    /// `check`: the file is damaged.
    CheckDamaged,
    /// `check`: a check met pages it cannot read.
    CheckUnreadable {
        detail: &'a str,
    },
    /// `check`: a row points at a parent that is not there.
    CheckOrphan {
        table: &'a str,
        rowid: &'a str,
        parent: &'a str,
    },
    /// `check`: `… and N more`.
    CheckMore {
        more: usize,
        total: usize,
    },
    /// `check`: the file's `application_id` is not pantau's.
    CheckAppId {
        found: i64,
        expected: i64,
    },
    /// `check`: the schema version is not the one this program writes.
    CheckVersion {
        version: i64,
        current: i64,
    },
    /// `check`: a pantau database at the current schema.
    CheckIdentityOk {
        version: i64,
    },
    /// `check`: a schema object is missing.
    CheckObjectMissing {
        kind: &'a str,
        name: &'a str,
    },
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
    CheckMatches {
        cases: &'a dyn std::fmt::Display,
    },
    /// `check`: the full-text index is damaged.
    CheckFullTextDamaged {
        path: &'a dyn std::fmt::Display,
    },
    /// `check`: no index cache kept.
    CheckNoCache,
    /// `check`: the cache file is not trusted.
    CheckCacheUntrusted {
        shown: &'a dyn std::fmt::Display,
    },
    /// `check`: the cache file cannot be read (damaged, or of another version); removed if it could be.
    CheckCacheUnreadable {
        shown: &'a dyn std::fmt::Display,
        removed: bool,
    },
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
    /// `check`: no index saved in the database.
    CheckNoSavedIndex,
    /// `check`: the database holds an index saved by another version of pantau, not read.
    CheckSavedOtherVersion,
    /// `check`: what the database holds as its saved index is damaged (cut short or changed
    /// outside pantau), so no one reads it.
    CheckSavedDamaged {
        path: &'a dyn std::fmt::Display,
    },
    /// `check`: the problems found are all in pantau's copies of its index, not in the cases.
    CheckCopiesOnly {
        path: &'a dyn std::fmt::Display,
        problems: usize,
    },
    /// `check`: the index saved in the database disagrees with it.
    CheckSavedDisagrees {
        path: &'a dyn std::fmt::Display,
        differ: usize,
    },
    /// `check`: a case without status history.
    CheckNoHistory {
        case: &'a str,
    },
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
    /// `check`: a step after forwarding that does not follow a violation of its case's type.
    CheckStepMisfit {
        case: &'a str,
        step: &'a str,
        on: &'a str,
        case_type: &'a str,
        fits: &'a str,
    },
    /// `check`: a step dated before its case was forwarded (`received`: the case has no
    /// forwarding date, and the step comes before its receipt).
    CheckStepBefore {
        case: &'a str,
        step: &'a str,
        on: &'a str,
        forwarded: &'a str,
        received: bool,
    },
    /// `check`: every step fits its case.
    CheckStepsOk {
        steps: usize,
    },
    /// `check`: every history is whole.
    CheckHistoryOk {
        cases: i64,
        entries: i64,
    },
    /// `import`: `-` named twice.
    ImportStdinTwice,
    /// `--election` names no election the database holds (`why`: the reason, in the language).
    ElectionFlag {
        why: &'a str,
    },
    /// `import`: waiting for another writer.
    WaitingForWriter {
        path: &'a str,
        seconds: u64,
    },
    /// `import`: the progress bar while importing.
    ImportImporting,
    /// `import`: the progress bar while checking.
    ImportChecking,
    /// `import`: the progress bar while writing.
    ImportWriting,
    /// `import`: problems were found but none was reported (a bug).
    ImportNoneReported,
    /// `import`: a file changed nothing.
    ImportNothingChanged,
    /// `import`: the same bytes were imported before.
    ImportSameFile {
        batch: i64,
        at: &'a str,
        by: &'a str,
    },
    /// `import`: where the rejected rows went.
    ImportRejectedRows {
        rows: u64,
    },
    /// `import`: the total line.
    ImportTotal,
    /// `import`: a dry run wrote nothing.
    ImportDryRun,
    /// `import`: the batch was saved, but its rejected rows were not put in place.
    ImportNotPlaced {
        batch: i64,
        why: &'a str,
        kept: Option<&'a str>,
    },
    /// `import`: new cases.
    New,
    /// `import`: changed cases.
    Changed,
    /// `import`: unchanged cases.
    Unchanged,
    /// `import`: rejected rows.
    Rejected,
    /// `import`: cancelled before anything was written.
    ImportCancelled,
    /// `import`: `… and N more` problems.
    ImportMore {
        more: usize,
        total: usize,
    },
    /// `import`: a file cannot be read.
    ImportUnreadable {
        name: &'a str,
    },
    /// `import`: problems, so nothing was written.
    ImportProblems {
        total: usize,
        rows: usize,
        files: usize,
    },
    /// The word after a number of cases.
    Cases,
    /// SIGINT/SIGTERM could not be caught.
    Signals {
        error: &'a dyn std::fmt::Display,
    },
    /// `export`: what was exported.
    ExportDone,
    /// `backup`: the progress bar while copying.
    BackupCopying,
    /// `backup`: the copy was checked.
    BackupChecked,
    /// `backup`: the copy would overwrite the database itself.
    BackupIsDatabase {
        dest: &'a dyn std::fmt::Display,
    },
    /// `backup`: the destination is a folder; `id`/`en` are a copy's path in it.
    BackupIsFolder {
        dest: &'a dyn std::fmt::Display,
        id: &'a dyn std::fmt::Display,
        en: &'a dyn std::fmt::Display,
    },
    /// `backup --force`, `demo --force`: the file in place, which would be replaced, is not a
    /// pantau database.
    NotOursToReplace {
        dest: &'a dyn std::fmt::Display,
    },
    /// `demo`: the demo database was written.
    DemoWritten,
    /// `demo`: the progress bar while writing.
    DemoWriting,
    /// `demo`: cancelled, the database left as it was.
    DemoCancelled,
    /// `demo`: every case made, the database being written out.
    DemoSaving,
    /// `export`: the bar's words.
    ExportWriting,
    /// `export`: stopped by Ctrl-C; into a file, nothing was put in place.
    ExportCancelled {
        to_file: bool,
    },
    /// `init`: the database is ready.
    InitReady,
    /// `init`: regions.
    InitRegions,
    /// `init`: holidays.
    InitHolidays,
    /// `init`: the reference data was already there.
    InitUnchanged,
    /// `pantau init` upgraded an older database's schema.
    InitUpgraded {
        from: i64,
        to: i64,
    },
    /// `init`: elections (in the database after loading).
    InitElections,
    /// `init --election`: an election the database did not hold was added.
    InitElectionAdded {
        name: &'a str,
        code: &'a str,
        stages: usize,
        methods: usize,
        contests: usize,
        voting_day: &'a dyn std::fmt::Display,
    },
    /// `init --election`: an election the database held was corrected; `what` lists the changes.
    InitElectionCorrected {
        name: &'a str,
        code: &'a str,
        what: &'a str,
    },
    /// `init --election`: the files hold what the database holds.
    InitElectionUnchanged {
        name: &'a str,
        code: &'a str,
    },
    /// `init --election`: election.toml keys whose value changed.
    InitKeysChanged {
        keys: &'a str,
    },
    /// `init --election`: what a correction did to one list of the election.
    InitListChanged {
        list: ElectionList,
        change: ListChange,
        codes: &'a str,
    },
    /// `init --election`: a stage, method or contest the files no longer list, still in use.
    InitInUse {
        list: ElectionList,
        code: &'a str,
        rows: i64,
    },
    /// `init --election`: refused, nothing loaded; `items` lists what is in use.
    InitRemovedInUse {
        dir: &'a str,
        items: &'a str,
    },
    /// `init --election`: two folders of one election.
    InitElectionTwice {
        code: &'a str,
        first: &'a str,
        second: &'a str,
    },
    /// `report`: more than two `--by` dimensions.
    ReportTooManyDims {
        typed: &'a str,
    },
    /// `report`: the same `--by` dimension twice.
    ReportSameDims,
    /// `report --chart map` with a format that draws no picture.
    ReportChartOnlyPictures {
        format: &'a str,
    },
    /// `report`: `--by stage` or `--by pekan` (not led by `election`) with several elections in
    /// view: two elections' stages and pekan do not add up.
    ReportOneElection {
        by: &'a str,
        elections: &'a str,
        example: &'a str,
    },
    /// `report`: `per`/`by` before the dimensions.
    ReportBy,
    /// `report`: the code column.
    ReportCode,
    /// `report --recap`: the title.
    RecapTitle,
    /// `report --recap`: the columns, after temuan and laporan.
    RecapReceived,
    RecapRegistered,
    RecapNotRegistered,
    RecapNotYetRegistered,
    RecapViolation,
    RecapNotViolation,
    RecapInProcess,
    RecapStopped,
    RecapLate,
    /// `report --recap`: how the columns add up.
    RecapNote,
    /// `report --by pekan`: what the cumulative columns count from (`since`: "sejak 28 November 2023").
    ReportPekanSince {
        since: &'a str,
    },
    /// `report --by pekan`: the columns.
    ReportPekanCases,
    ReportPekanCasesSince,
    ReportPekanActivities,
    ReportPekanActivitiesSince,
    ReportPekanRate,
    /// `report --by pekan`: a pekan that has not begun by the date counted at.
    ReportPekanNotBegun,
    /// `report --by pekan`: the view has no cases outside the campaign (said so, not left out).
    ReportPekanNoneOutside,
    /// `report --by pekan` without a stage in the view: it counts the campaign stage's cases.
    ReportPekanCampaignOnly,
    /// `simulate`: the simulation started.
    /// `simulate --election`: no election of that code or name.
    SimulateNoElection {
        typed: &'a str,
        known: &'a str,
        suggestion: Option<&'a str>,
    },
    SimulateStart {
        election: &'a str,
        path: &'a str,
        rate: &'a dyn std::fmt::Display,
        batch: i64,
    },
    /// `simulate`: the simulation stopped.
    SimulateStopped {
        new: u64,
        changed: u64,
        batch: i64,
    },
    /// `config`: a configuration file that was not read.
    ConfigUnread,
    /// `config`: no configuration file.
    ConfigNone,
    /// `config`: the word before the file's path.
    ConfigFile,
    /// `config`: no keys remapped.
    ConfigNoKeys,
    /// `batches`: nothing imported yet.
    BatchesNone,
    /// `batches`: what a batch loaded, by its `content` code (`cases`, `activities`).
    BatchContent {
        content: &'a str,
    },
    /// `--baseline` in the future.
    BaselineFuture {
        t: &'a str,
    },
    /// `--baseline` outside the dates pantau takes.
    BaselineRange {
        t: &'a str,
        first: &'a dyn std::fmt::Display,
        last: &'a dyn std::fmt::Display,
    },
    /// `--baseline` not a time.
    BaselineBad {
        t: &'a str,
    },
    /// An unknown saved view: where the views are and which there are.
    ViewsKnown {
        file: &'a str,
        known: &'a str,
    },
    /// No home folder to put the database in.
    NoHome,
    /// `PANTAU_TODAY` outside the dates pantau takes.
    TodayRange {
        s: &'a str,
        first: &'a dyn std::fmt::Display,
        last: &'a dyn std::fmt::Display,
    },
    /// `PANTAU_TODAY` not a date.
    TodayBad {
        s: &'a str,
    },
    /// Screen options given before a subcommand.
    ScreenFlagsFirst,
    /// Flags given before a subcommand that does not take them.
    FlagsMeanNothing {
        flags: &'a str,
        count: usize,
        command: &'a str,
    },
    /// `PANTAU_DEADLINE_DAYS` is neither `calendar` nor `working`.
    DeadlineDaysEnv {
        value: &'a str,
    },
    /// An option that takes a value (`--view`) is followed by another flag instead.
    FlagAsValue {
        option: &'a str,
        value: &'a str,
    },
    /// `--as-of` and the view's `per:` name two different dates.
    AsOfTwice {
        flag: &'a str,
        view: &'a str,
    },
    /// The view's `per:` sets the date counted at, and the output does not show it.
    AsOfFromView {
        date: &'a str,
    },
    /// A `from:` after the date counted at: no case can match.
    FromAfterAsOf {
        from: &'a str,
        as_of: &'a str,
    },
    /// `pantau man NAME` of no subcommand.
    NoSubcommand {
        name: &'a str,
        names: &'a str,
    },
    /// Standard output cannot be written.
    StdoutWrite {
        error: &'a dyn std::fmt::Display,
    },
    /// `export`: the cases could not be encoded as the format asks.
    ExportEncode {
        error: &'a dyn std::fmt::Display,
    },
    /// `report --format json`: the report could not be encoded.
    ReportEncode {
        error: &'a dyn std::fmt::Display,
    },
    /// `pantau man`: the page could not be rendered.
    ManRender {
        error: &'a dyn std::fmt::Display,
    },
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
                "{path}: {problems} pemeriksaan menemukan masalah (lihat di atas); pantau tidak mengubah apa pun di database. \
                 Pulihkan salinan baik terakhir dari `pantau backup`, atau simpan salinan berkas ini sebelum menulis ke sana"
            ),
            (Self::CheckProblems { path, problems }, En) => format!(
                "{path}: {problems} {} found problems (listed above); pantau changed nothing in the database. Restore the last \
                 good copy made with `pantau backup`, or keep a copy of this file before anything writes to it",
                if problems == 1 { "check" } else { "checks" }
            ),
            (Self::CheckCopiesOnly { path, problems }, Id) => format!(
                "{path}: {problems} pemeriksaan menemukan masalah (lihat di atas), semuanya pada salinan indeks \
                 pantau, bukan pada kasus; kasusnya utuh dan tidak perlu dipulihkan. Jalankan jalan keluar \
                 yang tertulis pada masing-masing"
            ),
            (Self::CheckCopiesOnly { path, problems }, En) => format!(
                "{path}: {problems} {} found problems (listed above), all in pantau's copies of its index, \
                 not in the cases: the cases are sound and nothing needs restoring. Follow the way out \
                 given with each",
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
                format!("… dan {} lagi ({} seluruhnya)", count(Id, more), count(Id, total))
            }
            (Self::CheckMore { more, total }, En) => format!(
                "… and {} more ({} in all)",
                count(En, more),
                count(En, total)
            ),
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
            (Self::CheckNoSavedIndex, Id) => {
                "tidak ada; impor besar berikutnya menyimpannya".into()
            }
            (Self::CheckNoSavedIndex, En) => "none saved; the next large import saves one".into(),
            (Self::CheckSavedOtherVersion, Id) => {
                "salinan dari versi pantau lain, tidak dibaca; impor besar berikutnya menggantinya"
                    .into()
            }
            (Self::CheckSavedOtherVersion, En) => {
                "a copy from another version of pantau, not read; the next large import replaces it"
                    .into()
            }
            (Self::CheckSavedDisagrees { path, differ }, Id) => format!(
                "indeks yang tersimpan di database tidak sesuai dengan kasusnya ({} kasus berbeda); \
                 angka yang dibaca darinya bisa keliru, karena pantau hanya memeriksa beberapa kasus setiap \
                 kali membacanya. Hapus sekarang: sqlite3 {path} \"DELETE FROM case_index\" (impor besar \
                 berikutnya menyimpan yang baru)",
                count(Id, differ)
            ),
            (Self::CheckSavedDisagrees { path, differ }, En) => format!(
                "the index saved in the database disagrees with its cases ({}); figures read from it \
                 may be wrong, as pantau checks only a few cases each time it reads it. Remove it now: \
                 sqlite3 {path} \"DELETE FROM case_index\" (the next large import saves a new one)",
                cases_differ(differ)
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
            (Self::CheckCacheUnreadable { shown, removed: true }, Id) => format!(
                "{shown} tidak terbaca (rusak, atau dari versi pantau lain) dan tidak dipakai; berkas itu \
                 dihapus, perintah berikutnya membangunnya dari database"
            ),
            (Self::CheckCacheUnreadable { shown, removed: false }, Id) => format!(
                "{shown} tidak terbaca (rusak, atau dari versi pantau lain) dan tidak dipakai; hapus berkas itu"
            ),
            (Self::CheckCacheUnreadable { shown, removed: true }, En) => format!(
                "{shown} cannot be read (damaged, or from another version of pantau) and is not used; it was \
                 removed, the next command builds it from the database"
            ),
            (Self::CheckCacheUnreadable { shown, removed: false }, En) => format!(
                "{shown} cannot be read (damaged, or from another version of pantau) and is not used; remove that file"
            ),
            (Self::CheckSavedDamaged { path }, Id) => format!(
                "indeks yang tersimpan di database rusak (terpotong, atau diubah oleh selain pantau) dan tidak \
                 dibaca siapa pun; kasusnya sendiri tidak tersentuh. Hapus: sqlite3 {path} \"DELETE FROM \
                 case_index\" (impor besar berikutnya menyimpan yang baru)"
            ),
            (Self::CheckSavedDamaged { path }, En) => format!(
                "the index saved in the database is damaged (cut short, or changed by something other than \
                 pantau) and nobody reads it; the cases themselves are untouched. Remove it: sqlite3 {path} \
                 \"DELETE FROM case_index\" (the next large import saves a new one)"
            ),
            (Self::CheckCacheUnused, Id) => "tidak dipakai untuk database ini".into(),
            (Self::CheckCacheUnused, En) => "not used for this database".into(),
            (Self::CheckCacheStale, Id) => "menggambarkan keadaan lain database ini yang tidak dapat \
                 disusul lewat log perubahan (salinan yang dipulihkan lalu ditulis lagi, atau tertinggal terlalu \
                 jauh); tidak dipakai: pembaca membangun indeks dari kasus"
                .into(),
            (Self::CheckCacheStale, En) => "describes another state of this database that the change log \
                 cannot bring up to date (a restored copy written again, or too far behind); not used: readers \
                 build the index from the cases"
                .into(),
            (Self::CheckCacheDisagrees { shown, differ, removed: true }, Id) => format!(
                "{shown} tidak sesuai dengan database ({} kasus berbeda; angka dari cache ini keliru); \
                 berkas itu dihapus, perintah berikutnya membangunnya dari database",
                count(Id, differ)
            ),
            (Self::CheckCacheDisagrees { shown, differ, removed: false }, Id) => format!(
                "{shown} tidak sesuai dengan database ({} kasus berbeda; angka dari cache ini keliru); \
                 hapus berkas itu",
                count(Id, differ)
            ),
            (Self::CheckCacheDisagrees { shown, differ, removed: true }, En) => format!(
                "{shown} disagrees with the database ({}; figures from it were wrong); \
                 it was removed, the next command builds it from the database",
                cases_differ(differ)
            ),
            (Self::CheckCacheDisagrees { shown, differ, removed: false }, En) => format!(
                "{shown} disagrees with the database ({}; figures from it were wrong); \
                 remove that file",
                cases_differ(differ)
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
            (
                Self::CheckStepMisfit {
                    case,
                    step,
                    on,
                    case_type,
                    fits,
                },
                Id,
            ) => format!(
                "{case}: tahap tindak lanjut {step} ({on}) tidak cocok untuk pelanggaran \
                 {case_type}; tahap ini untuk {fits}. Impor kasus ini lagi dengan tahap yang benar \
                 (lanjut_tahap, lanjut_tanggal), atau dengan jenisnya yang benar (jenis_pelanggaran)"
            ),
            (
                Self::CheckStepMisfit {
                    case,
                    step,
                    on,
                    case_type,
                    fits,
                },
                En,
            ) => format!(
                "{case}: follow-up step {step} ({on}) does not fit a {case_type} violation; it \
                 follows {fits}. Import the case again with the corrected step (lanjut_tahap, \
                 lanjut_tanggal), or with its corrected type (jenis_pelanggaran)"
            ),
            (
                Self::CheckStepBefore {
                    case,
                    step,
                    on,
                    forwarded,
                    received: false,
                },
                Id,
            ) => format!(
                "{case}: tahap tindak lanjut {step} bertanggal {on}, sebelum perkara diteruskan \
                 ({forwarded}). Impor kasus ini lagi dengan tanggal tahap yang benar \
                 (lanjut_tahap, lanjut_tanggal), atau dengan tanggal_penerusan yang benar"
            ),
            (
                Self::CheckStepBefore {
                    case,
                    step,
                    on,
                    forwarded,
                    received: true,
                },
                Id,
            ) => format!(
                "{case}: tahap tindak lanjut {step} bertanggal {on}, sebelum kasus diterima \
                 ({forwarded}, tanggal_diterima). Impor kasus ini lagi dengan tanggal tahap yang \
                 benar (lanjut_tahap, lanjut_tanggal) dan tanggal_penerusan-nya"
            ),
            (
                Self::CheckStepBefore {
                    case,
                    step,
                    on,
                    forwarded,
                    received: false,
                },
                En,
            ) => format!(
                "{case}: follow-up step {step} is dated {on}, before the case was forwarded \
                 ({forwarded}). Import the case again with the step's corrected date \
                 (lanjut_tahap, lanjut_tanggal), or with its corrected tanggal_penerusan"
            ),
            (
                Self::CheckStepBefore {
                    case,
                    step,
                    on,
                    forwarded,
                    received: true,
                },
                En,
            ) => format!(
                "{case}: follow-up step {step} is dated {on}, before the case was received \
                 ({forwarded}, tanggal_diterima). Import the case again with the step's corrected \
                 date (lanjut_tahap, lanjut_tanggal) and its tanggal_penerusan"
            ),
            (Self::CheckStepsOk { steps }, Id) => format!(
                "{} tahap; setiap tahap cocok dengan jenis kasusnya dan bertanggal sejak \
                 perkara diteruskan",
                count(Id, steps)
            ),
            (Self::CheckStepsOk { steps }, En) => format!(
                "{} steps; each fits its case's type and is dated from its forwarding on",
                count(En, steps)
            ),
            (Self::CheckHistoryOk { cases, entries }, Id) => format!(
                "{} kasus, {} entri; status setiap kasus adalah entri terakhir riwayatnya",
                count(Id, cases),
                count(Id, entries)
            ),
            (Self::CheckHistoryOk { cases, entries }, En) => format!(
                "{} cases, {} entries; each case's status is the last entry of its history",
                count(En, cases),
                count(En, entries)
            ),
            (Self::ImportStdinTwice, Id) => "standar input (-) hanya bisa dibaca sekali".into(),
            (Self::ImportStdinTwice, En) => "standard input (-) can be read only once".into(),
            (Self::ElectionFlag { why }, Id) => format!("--election: {why}"),
            (Self::ElectionFlag { why }, En) => format!("--election: {why}"),
            (Self::WaitingForWriter { path, seconds }, Id) => format!(
                "menunggu penulis lain selesai dengan {path} (paling lama {seconds} detik)…"
            ),
            (Self::WaitingForWriter { path, seconds }, En) => format!(
                "waiting for another writer to finish with {path} (at most {seconds} s)…"
            ),
            (Self::ImportImporting, Id) => "mengimpor".into(),
            (Self::ImportImporting, En) => "importing".into(),
            (Self::ImportChecking, Id) => "memeriksa".into(),
            (Self::ImportChecking, En) => "checking".into(),
            (Self::ImportWriting, Id) => "menulis".into(),
            (Self::ImportWriting, En) => "writing".into(),
            (Self::ImportNoneReported, Id) => {
                "internal: impor yang bermasalah tidak melaporkan satu masalah pun".into()
            }
            (Self::ImportNoneReported, En) => {
                "internal: an import with problems reported none".into()
            }
            (Self::ImportNothingChanged, Id) => "; tidak ada yang berubah".into(),
            (Self::ImportNothingChanged, En) => "; nothing changed".into(),
            (Self::ImportSameFile { batch, at, by }, Id) => format!(
                " (berkas yang sama sudah diimpor sebagai batch #{batch} pada {at} oleh {by})"
            ),
            (Self::ImportSameFile { batch, at, by }, En) => {
                format!(" (the same file was imported as batch #{batch} on {at} by {by})")
            }
            (Self::ImportRejectedRows { .. }, Id) => "baris ditolak, dengan alasannya".into(),
            (Self::ImportRejectedRows { rows: 1 }, En) => "rejected row, with its reason".into(),
            (Self::ImportRejectedRows { .. }, En) => "rejected rows, with their reasons".into(),
            (Self::ImportTotal, Id) => "Jumlah".into(),
            (Self::ImportTotal, En) => "Total".into(),
            (Self::ImportDryRun, Id) => "Uji coba (--dry-run): tidak ada yang ditulis.".into(),
            (Self::ImportDryRun, En) => "Dry run (--dry-run): nothing was written.".into(),
            (Self::ImportNotPlaced { batch, why, kept }, Id) => format!(
                "impor tersimpan sebagai batch #{batch}, tetapi berkas baris yang ditolak tidak dapat diletakkan: {why}; {}",
                match kept {
                    Some(p) => format!("baris yang ditolak disimpan di {p}"),
                    None => "baris yang ditolak tidak tersimpan: jalankan impor berkas itu lagi dengan --skip-invalid setelah masalahnya teratasi (baris yang sudah diimpor tercatat tidak berubah)".into(),
                }
            ),
            (Self::ImportNotPlaced { batch, why, kept }, En) => format!(
                "the import was saved as batch #{batch}, but the file of rejected rows could not be put in place: {why}; {}",
                match kept {
                    Some(p) => format!("the rejected rows were kept in {p}"),
                    None => "the rejected rows were not kept: import that file again with --skip-invalid once the problem is solved (the rows already imported count as unchanged)".into(),
                }
            ),
            (Self::New, Id) => "baru".into(),
            (Self::New, En) => "new".into(),
            (Self::Changed, Id) => "berubah".into(),
            (Self::Changed, En) => "changed".into(),
            (Self::Unchanged, Id) => "tetap".into(),
            (Self::Unchanged, En) => "unchanged".into(),
            (Self::Rejected, Id) => "ditolak".into(),
            (Self::Rejected, En) => "rejected".into(),
            (Self::ImportCancelled, Id) => "dibatalkan; tidak ada yang ditulis".into(),
            (Self::ImportCancelled, En) => "cancelled; nothing was written".into(),
            (Self::ImportMore { more, total }, Id) => format!(
                "… dan {} lagi ({} kesalahan seluruhnya)",
                count(Id, more),
                count(Id, total)
            ),
            (Self::ImportMore { more, total }, En) => format!(
                "… and {} more ({} problems in all)",
                count(En, more),
                count(En, total)
            ),
            (Self::ImportUnreadable { name }, Id) => {
                format!("{name} tidak dapat dibaca (lihat di atas); tidak ada yang ditulis")
            }
            (Self::ImportUnreadable { name }, En) => {
                format!("{name} cannot be read (see above); nothing was written")
            }
            (Self::ImportProblems { total, rows, files }, Id) => format!(
                "{} kesalahan di {} baris dari {files} berkas; tidak ada yang ditulis \
                 (perbaiki, atau tambahkan --skip-invalid untuk mengimpor baris yang valid)",
                count(Id, total),
                count(Id, rows)
            ),
            (Self::ImportProblems { total, rows, files }, En) => format!(
                "{} {} in {} {} of {files} {}; nothing was written \
                 (fix them, or add --skip-invalid to import the valid rows)",
                count(En, total),
                plural(total, "problem", "problems"),
                count(En, rows),
                plural(rows, "row", "rows"),
                plural(files, "file", "files"),
            ),
            (Self::Cases, Id) => "kasus".into(),
            (Self::Cases, En) => "cases".into(),
            (Self::Signals { error }, Id) => {
                format!("tidak dapat menangkap sinyal SIGINT/SIGTERM: {error}")
            }
            (Self::Signals { error }, En) => format!("cannot catch SIGINT/SIGTERM: {error}"),
            (Self::ExportDone, Id) => "Diekspor".into(),
            (Self::ExportDone, En) => "Exported".into(),
            (Self::BackupCopying, Id) => "menyalin".into(),
            (Self::BackupCopying, En) => "copying".into(),
            (Self::BackupChecked, Id) => "diperiksa: baik".into(),
            (Self::BackupChecked, En) => "checked: ok".into(),
            (Self::BackupIsDatabase { dest }, Id) => {
                format!("{dest} adalah database itu sendiri; pilih path lain untuk salinan")
            }
            (Self::BackupIsDatabase { dest }, En) => {
                format!("{dest} is the database itself; choose another path for the copy")
            }
            (Self::BackupIsFolder { dest, id, .. }, Id) => {
                format!("{dest} adalah folder; tulis path berkas salinan, mis. {id}")
            }
            (Self::BackupIsFolder { dest, en, .. }, En) => {
                format!("{dest} is a folder; give the path of the copy, e.g. {en}")
            }
            (Self::NotOursToReplace { dest }, Id) => format!(
                "{dest} sudah ada dan bukan database pantau; --force hanya menimpa database \
                 pantau: pilih path lain, atau pindahkan dulu berkas itu"
            ),
            (Self::NotOursToReplace { dest }, En) => format!(
                "{dest} exists and is not a pantau database; --force replaces only a pantau \
                 database: choose another path, or move that file away first"
            ),
            (Self::DemoWritten, Id) => "Database demo ditulis".into(),
            (Self::DemoWritten, En) => "Demo database written".into(),
            (Self::DemoWriting, Id) => "menulis kasus".into(),
            (Self::DemoWriting, En) => "writing cases".into(),
            (Self::ExportWriting, Id) => "mengekspor kasus".into(),
            (Self::ExportWriting, En) => "exporting cases".into(),
            (Self::ExportCancelled { to_file: true }, Id) => {
                "dibatalkan; tidak ada berkas yang ditulis".into()
            }
            (Self::ExportCancelled { to_file: true }, En) => "cancelled; no file was written".into(),
            (Self::ExportCancelled { to_file: false }, Id) => {
                "dibatalkan; keluaran terpotong di tengah jalan".into()
            }
            (Self::ExportCancelled { to_file: false }, En) => {
                "cancelled; the output stops part of the way".into()
            }
            (Self::DemoSaving, Id) => "menyimpan ke disk".into(),
            (Self::DemoSaving, En) => "saving to disk".into(),
            (Self::DemoCancelled, Id) => "dibatalkan; database lama tidak berubah".into(),
            (Self::DemoCancelled, En) => "cancelled; the existing database is unchanged".into(),
            (Self::InitReady, Id) => "Database siap".into(),
            (Self::InitReady, En) => "Database ready".into(),
            (Self::InitRegions, Id) => "wilayah".into(),
            (Self::InitRegions, En) => "regions".into(),
            (Self::InitHolidays, Id) => "hari libur".into(),
            (Self::InitHolidays, En) => "holidays".into(),
            (Self::InitUnchanged, Id) => " — tidak ada perubahan".into(),
            (Self::InitUnchanged, En) => " — nothing changed".into(),
            (Self::InitUpgraded { from, to }, Id) => format!(
                "Skema database dinaikkan dari versi {from} ke {to}; setiap kasus dan batch tetap ada"
            ),
            (Self::InitUpgraded { from, to }, En) => format!(
                "The database's schema was upgraded from version {from} to {to}; every case and batch is kept"
            ),
            (Self::InitElections, Id) => "pemilihan".into(),
            (Self::InitElections, En) => "elections".into(),
            (
                Self::InitElectionAdded {
                    name,
                    code,
                    stages,
                    methods,
                    contests,
                    voting_day,
                },
                Id,
            ) => format!(
                "{name} ({code}) ditambahkan: {stages} tahapan, {methods} metode kampanye, {contests} kontestasi; hari pemungutan suara {voting_day}"
            ),
            (
                Self::InitElectionAdded {
                    name,
                    code,
                    stages,
                    methods,
                    contests,
                    voting_day,
                },
                En,
            ) => format!(
                "{name} ({code}) added: {stages} stages, {methods} campaign methods, {contests} contests; voting day {voting_day}"
            ),
            (Self::InitElectionCorrected { name, code, what }, Id) => {
                format!("{name} ({code}) dikoreksi: {what}")
            }
            (Self::InitElectionCorrected { name, code, what }, En) => {
                format!("{name} ({code}) corrected: {what}")
            }
            (Self::InitElectionUnchanged { name, code }, Id) => {
                format!("{name} ({code}): tidak ada perubahan")
            }
            (Self::InitElectionUnchanged { name, code }, En) => {
                format!("{name} ({code}): nothing changed")
            }
            (Self::InitKeysChanged { keys }, Id) => format!("election.toml ({keys})"),
            (Self::InitKeysChanged { keys }, En) => format!("election.toml ({keys})"),
            (Self::InitListChanged { list, change, codes }, Id) => {
                let list = match list {
                    ElectionList::Stages => "tahapan",
                    ElectionList::Methods => "metode kampanye",
                    ElectionList::Contests => "kontestasi",
                };
                let change = match change {
                    ListChange::Added => "ditambahkan",
                    ListChange::Changed => "diubah",
                    ListChange::Removed => "dihapus",
                };
                format!("{list} {change}: {codes}")
            }
            (Self::InitListChanged { list, change, codes }, En) => {
                let list = match list {
                    ElectionList::Stages => "stages",
                    ElectionList::Methods => "campaign methods",
                    ElectionList::Contests => "contests",
                };
                let change = match change {
                    ListChange::Added => "added",
                    ListChange::Changed => "changed",
                    ListChange::Removed => "removed",
                };
                format!("{list} {change}: {codes}")
            }
            (Self::InitInUse { list, code, rows }, Id) => match list {
                ElectionList::Stages => format!("tahapan {code} (stages.csv), dipakai {rows} kasus"),
                ElectionList::Contests => {
                    format!("kontestasi {code} (contests.csv), dipakai {rows} kasus")
                }
                ElectionList::Methods => format!(
                    "metode kampanye {code} (campaign_methods.csv), dipakai {rows} baris kegiatan kampanye"
                ),
            },
            (Self::InitInUse { list, code, rows }, En) => match list {
                ElectionList::Stages => {
                    format!("stage {code} (stages.csv), cases using it: {rows}")
                }
                ElectionList::Contests => {
                    format!("contest {code} (contests.csv), cases using it: {rows}")
                }
                ElectionList::Methods => format!(
                    "campaign method {code} (campaign_methods.csv), rows of campaign activities using it: {rows}"
                ),
            },
            (Self::InitRemovedInUse { dir, items }, Id) => format!(
                "{dir}: berkasnya tidak lagi memuat yang masih dipakai data tersimpan: {items}. Tidak ada yang dimuat. Tahapan, kontestasi atau metode kampanye yang dipakai kasus atau kegiatan tidak pernah dihapus: cantumkan lagi (perbaiki saja nama atau tanggalnya), atau pindahkan dulu kasus atau kegiatan itu ke yang lain (impor lagi dengan kode barunya)"
            ),
            (Self::InitRemovedInUse { dir, items }, En) => format!(
                "{dir}: its files no longer list what stored data still uses: {items}. Nothing was loaded. A stage, contest or campaign method that cases or activities use is never removed: list it again (correct only its name or dates), or first move those cases or activities to another one (import them again with its code)"
            ),
            (Self::InitElectionTwice { code, first, second }, Id) => format!(
                "pemilihan {code} diberikan dua kali: {first} dan {second}; berikan satu folder untuk setiap pemilihan"
            ),
            (Self::InitElectionTwice { code, first, second }, En) => format!(
                "election {code} is given twice: {first} and {second}; give one folder per election"
            ),
            (Self::ReportTooManyDims { typed }, Id) => format!(
                "--by {typed}: paling banyak dua dimensi; tulis satu (--by region) atau dua dipisah koma untuk tabel silang (--by region,stage)"
            ),
            (Self::ReportTooManyDims { typed }, En) => format!(
                "--by {typed}: at most two dimensions; write one (--by region) or two separated by a comma for a cross-tab (--by region,stage)"
            ),
            (Self::ReportSameDims, Id) => "--by: dua dimensi harus berbeda".into(),
            (Self::ReportChartOnlyPictures { format }, Id) => format!(
                "--chart memilih gambar --format png atau svg; --format {format} tidak menggambar satu grafik \
                 (pdf memuat semua grafiknya, peta termasuk): hapus --chart, atau pakai --format png"
            ),
            (Self::ReportChartOnlyPictures { format }, En) => format!(
                "--chart picks the picture of --format png or svg; --format {format} draws no single chart \
                 (a pdf holds all its charts, the map included): leave out --chart, or use --format png"
            ),
            (Self::ReportSameDims, En) => "--by: the two dimensions must differ".into(),
            (Self::ReportOneElection { by, elections, example }, Id) => format!(
                "--by {by}: tahapan dan pekan dihitung per pemilihan, sedangkan tampilan mencakup beberapa pemilihan ({elections}); tahapan dan pekan dua pemilihan tidak bisa dijumlahkan. Sebut satu pemilihan di tampilan (--view pemilihan:{example}), atau pisahkan per pemilihan (--by election,{by})"
            ),
            (Self::ReportOneElection { by, elections, example }, En) => format!(
                "--by {by}: stages and pekan are counted per election, and the view covers several elections ({elections}); two elections' stages and pekan do not add up. Name one election in the view (--view election:{example}), or split by election (--by election,{by})"
            ),
            (Self::ReportBy, Id) => "per".into(),
            (Self::ReportBy, En) => "by".into(),
            (Self::ReportPekanSince { since }, Id) => {
                format!("Kumulatif: {since} (hari pertama masa kampanye)")
            }
            (Self::ReportPekanSince { since }, En) => {
                format!("Cumulative: {since} (the campaign's first day)")
            }
            (Self::ReportPekanCases, Id) => "Kasus".into(),
            (Self::ReportPekanCases, En) => "Cases".into(),
            (Self::ReportPekanCasesSince, Id) => "Kasus kumulatif".into(),
            (Self::ReportPekanCasesSince, En) => "Cases, cumulative".into(),
            (Self::ReportPekanActivities, Id) => "Kegiatan diawasi".into(),
            (Self::ReportPekanActivities, En) => "Activities supervised".into(),
            (Self::ReportPekanActivitiesSince, Id) => "Kegiatan kumulatif".into(),
            (Self::ReportPekanActivitiesSince, En) => "Activities, cumulative".into(),
            (Self::ReportPekanRate, Id) => "Kasus per 1.000 kegiatan".into(),
            (Self::ReportPekanRate, En) => "Cases per 1,000 activities".into(),
            (Self::ReportPekanNotBegun, Id) => "belum dimulai".into(),
            (Self::ReportPekanNotBegun, En) => "not begun".into(),
            (Self::ReportPekanCampaignOnly, Id) => {
                "Kasus tahapan kampanye saja, seperti rilis mingguan (untuk tahapan lain, tulis tahapan: di tampilan)".into()
            }
            (Self::ReportPekanCampaignOnly, En) => {
                "Campaign-stage cases only, as the weekly release counts them (for other stages, give stage: in the view)".into()
            }
            (Self::ReportPekanNoneOutside, Id) => {
                "Tidak ada kasus yang diterima di luar masa kampanye.".into()
            }
            (Self::ReportPekanNoneOutside, En) => {
                "No case was received outside the campaign.".into()
            }
            (Self::ReportCode, Id) => "Kode".into(),
            (Self::ReportCode, En) => "Code".into(),
            (Self::RecapTitle, Id) => "Rekap penanganan pelanggaran".into(),
            (Self::RecapTitle, En) => "Recap of case handling".into(),
            (Self::RecapReceived, Id) => "Diterima".into(),
            (Self::RecapReceived, En) => "Received".into(),
            (Self::RecapRegistered, Id) => "Reg.".into(),
            (Self::RecapRegistered, En) => "Reg.".into(),
            (Self::RecapNotRegistered, Id) => "Tdk reg.".into(),
            (Self::RecapNotRegistered, En) => "Not reg.".into(),
            (Self::RecapNotYetRegistered, Id) => "Blm reg.".into(),
            (Self::RecapNotYetRegistered, En) => "Not yet reg.".into(),
            (Self::RecapViolation, Id) => "Pelanggaran".into(),
            (Self::RecapViolation, En) => "Violation".into(),
            (Self::RecapNotViolation, Id) => "Bukan pel.".into(),
            (Self::RecapNotViolation, En) => "Not viol.".into(),
            (Self::RecapInProcess, Id) => "Proses".into(),
            (Self::RecapInProcess, En) => "In process".into(),
            (Self::RecapStopped, Id) => "Dihentikan".into(),
            (Self::RecapStopped, En) => "Stopped".into(),
            (Self::RecapLate, Id) => "Terlambat".into(),
            (Self::RecapLate, En) => "Late".into(),
            (Self::RecapNote, Id) => "Diterima = Temuan + Laporan = Reg. + Tdk reg. (ditutup tanpa \
                registrasi) + Blm reg. (belum diregistrasi). Reg. = Pelanggaran + Bukan pel. + \
                Proses + Dihentikan (dicabut atau dihentikan setelah registrasi). Terlambat: laporan \
                diterima setelah batas pelaporan pemilihannya, dihitung sejak diketahui (Pemilu, \
                UU 7/2017: 7 hari kerja; Pilkada, UU 10/2016: 7 hari). Jenis dihitung di antara \
                pelanggaran saja (seperti rekap Bawaslu RI)."
                .into(),
            (Self::RecapNote, En) => "Received = Temuan + Laporan = Reg. + Not reg. (closed \
                without registration) + Not yet reg. Reg. = Violation + Not viol. + In process + \
                Stopped (withdrawn or stopped after registration). Late: laporan received after \
                its election's filing limit, counted from when the event became known (Pemilu, \
                UU 7/2017: 7 working days; Pilkada, UU 10/2016: 7 days). Types are counted among \
                violations only (as Bawaslu RI's recap)."
                .into(),
            (
                Self::SimulateNoElection {
                    typed,
                    known,
                    suggestion,
                },
                Id,
            ) => match suggestion {
                Some(s) => format!(
                    "--election {typed}: database ini tidak memuat pemilihan itu; maksud Anda {s}? (yang dimuat: {known})"
                ),
                None => format!(
                    "--election {typed}: database ini tidak memuat pemilihan itu (yang dimuat: {known}); pemilihan lain dimuat dengan `pantau init --election FOLDER`"
                ),
            },
            (
                Self::SimulateNoElection {
                    typed,
                    known,
                    suggestion,
                },
                En,
            ) => match suggestion {
                Some(s) => format!(
                    "--election {typed}: this database holds no such election; did you mean {s}? (it holds: {known})"
                ),
                None => format!(
                    "--election {typed}: this database holds no such election (it holds: {known}); another is loaded with `pantau init --election DIR`"
                ),
            },
            (
                Self::SimulateStart {
                    election,
                    path,
                    rate,
                    batch,
                },
                Id,
            ) => format!(
                "Simulasi kasus {election} ke {path}: {rate} kejadian per menit, batch #{batch} (Ctrl-C untuk berhenti)"
            ),
            (
                Self::SimulateStart {
                    election,
                    path,
                    rate,
                    batch,
                },
                En,
            ) => format!(
                "Simulating cases of {election} into {path}: {rate} events per minute, batch #{batch} (Ctrl-C to stop)"
            ),
            (Self::SimulateStopped { new, changed, batch }, Id) => format!(
                "Simulasi selesai: {} kasus baru, {} perubahan status (batch #{batch})",
                count(Id, new),
                count(Id, changed)
            ),
            (Self::SimulateStopped { new, changed, batch }, En) => format!(
                "Simulation stopped: {} new {}, {} status {} (batch #{batch})",
                count(En, new),
                if new == 1 { "case" } else { "cases" },
                count(En, changed),
                if changed == 1 { "change" } else { "changes" }
            ),
            (Self::ConfigUnread, Id) => "tidak dibaca: bawaan saja".into(),
            (Self::ConfigUnread, En) => "not read: defaults only".into(),
            (Self::ConfigNone, Id) => "tidak ada".into(),
            (Self::ConfigNone, En) => "none".into(),
            (Self::ConfigFile, Id) => "berkas".into(),
            (Self::ConfigFile, En) => "file".into(),
            (Self::ConfigNoKeys, Id) => {
                "tidak ada tombol yang dipetakan ulang (pantau config --commands)".into()
            }
            (Self::ConfigNoKeys, En) => "no keys remapped (pantau config --commands)".into(),
            (Self::BatchesNone, Id) => "Belum ada batch.".into(),
            (Self::BatchesNone, En) => "No batches yet.".into(),
            (Self::BatchContent { content }, Id) => match content {
                "cases" => "kasus".into(),
                "activities" => "kegiatan kampanye".into(),
                other => other.to_string(),
            },
            (Self::BatchContent { content }, En) => match content {
                "cases" => "cases".into(),
                "activities" => "campaign activities".into(),
                other => other.to_string(),
            },
            (Self::BaselineFuture { t }, Id) => {
                format!("--baseline: {t:?} belum terjadi; acuan harus waktu yang sudah lewat")
            }
            (Self::BaselineFuture { t }, En) => {
                format!("--baseline: {t:?} has not happened yet; a baseline is a time already past")
            }
            (Self::BaselineRange { t, first, last }, Id) => format!(
                "--baseline: {t:?} di luar jangkauan; pantau menerima tanggal {first} sampai {last}"
            ),
            (Self::BaselineRange { t, first, last }, En) => {
                format!("--baseline: {t:?} is out of range; pantau takes dates from {first} to {last}")
            }
            (Self::BaselineBad { t }, Id) => {
                format!("--baseline: tulis YYYY-MM-DD HH:MM atau HH:MM (hari ini), bukan {t:?}")
            }
            (Self::BaselineBad { t }, En) => {
                format!("--baseline: write YYYY-MM-DD HH:MM or HH:MM (today), not {t:?}")
            }
            (Self::ViewsKnown { file, known }, Id) => format!("di [views] {file}; yang ada: {known}"),
            (Self::ViewsKnown { file, known }, En) => {
                format!("in [views] of {file}; there are: {known}")
            }
            (Self::NoHome, Id) => {
                "folder rumah tidak ditemukan; atur HOME atau pakai --db PATH".into()
            }
            (Self::NoHome, En) => "cannot find the home folder; set HOME or use --db PATH".into(),
            (Self::TodayRange { s, first, last }, Id) => format!(
                "PANTAU_TODAY {s:?} di luar jangkauan: pantau menerima tanggal {first} sampai {last}; ubah atau hapus variabel itu (unset PANTAU_TODAY)"
            ),
            (Self::TodayRange { s, first, last }, En) => format!(
                "PANTAU_TODAY {s:?} is out of range: pantau takes dates from {first} to {last}; change the variable or remove it (unset PANTAU_TODAY)"
            ),
            (Self::TodayBad { s }, Id) => format!("PANTAU_TODAY tidak valid: {s:?}"),
            (Self::TodayBad { s }, En) => format!("bad PANTAU_TODAY: {s:?}"),
            (Self::FlagsMeanNothing { flags, command, .. }, Id) => format!(
                "{flags} tidak berarti apa pun untuk `pantau {command}`; `pantau {command} --help` \
                 menyebut opsi yang diterimanya"
            ),
            (Self::FlagsMeanNothing { flags, count, command }, En) => format!(
                "{flags} {} nothing to `pantau {command}`; `pantau {command} --help` lists the \
                 flags it takes",
                plural(count, "means", "mean")
            ),
            (Self::DeadlineDaysEnv { value }, Id) => {
                format!("PANTAU_DEADLINE_DAYS tidak valid: {value:?}; tulis calendar atau working")
            }
            (Self::DeadlineDaysEnv { value }, En) => {
                format!("bad PANTAU_DEADLINE_DAYS: {value:?}; write calendar or working")
            }
            (Self::FlagAsValue { option, value }, Id) => format!(
                "{option} perlu nilai, tetapi diikuti opsi {value}; tulis nilainya tepat sesudah \
                 {option} (nilai yang diawali \"-\" juga boleh: {option} -minyak, {option}=-minyak)"
            ),
            (Self::FlagAsValue { option, value }, En) => format!(
                "{option} takes a value but is followed by the flag {value}; give the value right \
                 after {option} (one starting with \"-\" is fine: {option} -minyak, {option}=-minyak)"
            ),
            (Self::AsOfTwice { flag, view }, Id) => format!(
                "--as-of {flag} dan per:{view} di tampilan menyebut dua tanggal yang berbeda; \
                 angka dihitung pada satu tanggal saja: pakai salah satunya"
            ),
            (Self::AsOfTwice { flag, view }, En) => format!(
                "--as-of {flag} and the view's asof:{view} are two different dates; figures are \
                 counted at one date only: give one of them"
            ),
            (Self::AsOfFromView { date }, Id) => {
                format!("dihitung per {date}, sesuai per: di tampilan")
            }
            (Self::AsOfFromView { date }, En) => {
                format!("counted as of {date}, as the view's asof: says")
            }
            (Self::FromAfterAsOf { from, as_of }, Id) => format!(
                "dari:{from} jatuh sesudah tanggal hitung {as_of}: tidak ada kasus yang dapat cocok"
            ),
            (Self::FromAfterAsOf { from, as_of }, En) => format!(
                "from:{from} is after the date counted at, {as_of}: no case can match"
            ),
            (Self::ScreenFlagsFirst, Id) => "--view/--as-of/--baseline sebelum subperintah berlaku untuk layar interaktif; tulis \
                 sesudah subperintah, mis. `pantau report --view ...`"
                .into(),
            (Self::ScreenFlagsFirst, En) => "--view/--as-of/--baseline before the subcommand apply to the interactive screen; put \
                 them after it, e.g. `pantau report --view ...`"
                .into(),
            (Self::NoSubcommand { name, names }, Id) => {
                format!("tidak ada subperintah {name:?}; yang ada: {names}")
            }
            (Self::NoSubcommand { name, names }, En) => {
                format!("no subcommand {name:?}; there are: {names}")
            }
            (Self::StdoutWrite { error }, Id) => {
                format!("tidak dapat menulis ke keluaran standar: {error}")
            }
            (Self::StdoutWrite { error }, En) => format!("cannot write to standard output: {error}"),
            (Self::ExportEncode { error }, Id) => {
                format!("tidak dapat menyusun berkas ekspor: {error}")
            }
            (Self::ExportEncode { error }, En) => format!("cannot encode the export: {error}"),
            (Self::ReportEncode { error }, Id) => {
                format!("tidak dapat menyusun keluaran JSON: {error}")
            }
            (Self::ReportEncode { error }, En) => {
                format!("cannot encode the report as JSON: {error}")
            }
            (Self::ManRender { error }, Id) => {
                format!("tidak dapat menyusun halaman manual: {error}")
            }
            (Self::ManRender { error }, En) => format!("cannot render the manual page: {error}"),
        }
    }
}

/// `one` for 1, else `many` (English only; Indonesian nouns do not change).
/// "1 case differs", "2 cases differ".
fn cases_differ(n: usize) -> String {
    format!(
        "{} {}",
        count(Lang::En, n),
        plural(n, "case differs", "cases differ")
    )
}

/// A quantity (cases, rows, problems) as `lang` writes numbers: `2.746` in Indonesian, `2,746`
/// in English. Line numbers, batch numbers and versions are names, not quantities: written plain.
pub fn count<N: TryInto<i64>>(lang: Lang, n: N) -> String {
    super::number(lang, n.try_into().unwrap_or(i64::MAX))
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}
