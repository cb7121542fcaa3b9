//! The messages of files, imports, the store, the engine and the TUI, in both languages.
//! Each variant carries the values it shows; a variant without both texts does not compile.

use std::path::Path;

use super::Lang;

/// A message of pantau's core: files, imports, the store, the engine and the TUI.
#[derive(Clone, Debug)]
pub enum Core<'a> {
    /// A temporary file was swapped by another process while it was written.
    TempReplaced { temp: &'a Path, dest: &'a Path },
    /// The destination is a symbolic link.
    DestIsLink { dest: &'a Path, to: String },
    /// The destination exists and is not a regular file.
    DestNotFile { dest: &'a Path },
    /// `--db` names something that is not a regular file (a folder, a pipe, a device).
    DbNotRegular {
        path: &'a Path,
        en: &'static str,
        id: &'static str,
    },
    /// The final name is a file of a database's own (`X.db-wal`, `-shm`, `-journal`).
    DestIsSidecar { dest: &'a Path, db: &'a Path },
    /// The main file was written, its companion could not be put in place.
    AboutNotPlaced {
        main: &'a Path,
        about: &'a Path,
        why: String,
        kept: String,
    },
    /// A temporary file was kept aside twice (a bug in pantau).
    TempKeptTwice,
    /// The user may not write in the destination's folder.
    DirNotWritable { dest: &'a Path, dir: &'a Path },
    /// A report or an export asked to go over a database file.
    WouldReplaceDatabase { dest: &'a Path },
    /// The folder of a file to write does not exist.
    DirMissing { dest: &'a Path, dir: &'a Path },
    /// The destination belongs to someone else in a sticky folder.
    StickyOwner {
        dest: &'a Path,
        dir: &'a Path,
        owner: String,
    },
    /// A private folder is not the user's own.
    NotOwnDir { dir: &'a Path },
    /// A baseline record could not be turned into JSON.
    BaselineRecord { meta: &'a Path, why: String },
    /// The database's folder's parent does not exist.
    NoParentFolder { above: &'a Path, dir: &'a Path },
    /// The new database file cannot be created in its folder, for the system's reason.
    CreateDbFile {
        path: &'a Path,
        source: &'a std::io::Error,
        dir: &'a Path,
    },
    /// A `-wal`/`-shm` file keeps writers out.
    SidecarLocksOut {
        file: &'a Path,
        db: &'a Path,
        owner: String,
        wal: String,
        shm: String,
        you: bool,
        wal_empty: bool,
    },
    /// A reader may not create the missing `-wal`/`-shm` files.
    SidecarsMissing { db: &'a Path, names: String },
    /// A `-wal`/`-shm` name is a symbolic link.
    SidecarIsLink {
        side: &'a Path,
        to: String,
        owner: String,
        db: &'a Path,
    },
    /// SQLite would not switch the database to WAL.
    NoWal { path: &'a Path, mode: String },
    /// The database was removed or replaced while written.
    DbMoved { path: &'a Path },
    /// An upgrade was rolled back: a row would point nowhere after it (`foreign_key_check`).
    UpgradeDangling {
        path: &'a Path,
        from: i64,
        to: i64,
        table: &'a str,
        rowid: String,
        parent: &'a str,
    },
    /// A copy could not leave WAL mode.
    CopyNoDelete { tmp: &'a Path, journal: String },
    /// A copy failed its check.
    CopyBad {
        source: &'a Path,
        dest: &'a Path,
        check: String,
        copied: i64,
        cases: i64,
    },
    /// The import file's format cannot be told from its extension.
    FormatUnknown { arg: &'a str },
    /// `--sheet` given for a file that is not a spreadsheet.
    SheetNotXlsx { arg: &'a str },
    /// A row of one format reached the rejected file of another (a bug in pantau).
    RejectedMixed,
    /// `SUDO_USER` names no user of this host.
    SudoUserUnknown { value: String },
    /// The import file read differently the second time.
    ReadTwiceDiffers { file: &'a str },
    /// A row checked differently the second time.
    RowTwiceDiffers { file: &'a str, line: u64 },
    /// The import's reading thread failed (a bug in pantau).
    ReaderFailed,
    /// A nomor is a stored case's nomor written differently.
    NearStored {
        file: String,
        line: u64,
        value: String,
        stored: String,
    },
    /// `simulate` refuses a database holding imported cases.
    SimulateEvidence {
        path: &'a Path,
        batch: i64,
        source: &'a str,
    },
    /// A case vanished while the simulation ran.
    SimulateVanished { nomor: &'a str, id: i64 },
    /// An open-listed case has a closed status.
    SimulateClosed { nomor: &'a str, status: &'a str },
    /// The name of the list of source codes.
    CodeSource,
    /// The name of the list of status codes.
    CodeStatus,
    /// The name of the list of violation-type codes.
    CodeViolationType,
    /// The name of the list of reported-party categories.
    CodePartyCategory,
    /// The name of the list of forwarding destinations.
    CodeForwarding,
    /// The name of the contestant kinds' list (jenis peserta).
    CodeContestantKind,
    /// The name of the list of follow-up steps.
    CodeFollowUpStep,
    /// An import problem in a named column.
    InColumn { column: &'a str, reason: String },
    /// An import problem in a JSON object.
    AtObject {
        file: &'a str,
        line: u64,
        n: u64,
        reason: String,
    },
    /// An import problem in a spreadsheet row.
    AtRow {
        file: &'a str,
        sheet: &'a str,
        line: u64,
        reason: String,
    },
    /// The import file is empty.
    EmptyFile,
    /// The import file is not UTF-8.
    NotUtf8,
    /// A NUL byte in a text file.
    Binary,
    /// The header row again, the first being at line `first`.
    RepeatedHeader { first: u64 },
    /// A first line this long without a line break.
    LongFirstLine { bytes: usize },
    /// The CSV cannot be read.
    Csv { why: &'a str },
    /// The JSON is not valid.
    Json { why: &'a str },
    /// The spreadsheet cannot be read.
    Spreadsheet { why: &'a str },
    /// A JSON row is not an object.
    NotAnObject { found: &'a str },
    /// A row has another number of fields than the header.
    FieldCount { found: usize, expected: usize },
    /// A quote is never closed.
    UnterminatedQuote,
    /// A column pantau does not know.
    UnknownColumn { suggestion: Option<&'a str> },
    /// A value in a column without a header.
    Unnamed,
    /// The named sheet does not exist.
    NoSheet { name: &'a str, sheets: &'a str },
    /// A column given twice.
    DuplicateColumn { first: &'a str },
    /// A required column is missing.
    MissingColumn,
    /// A required value is empty.
    Required,
    /// A value is too long.
    TooLong { bytes: usize, max: usize },
    /// Not a date.
    BadDate { value: String },
    /// A date in the future.
    FutureDate { value: &'a str, today: &'a str },
    /// A date before another one of the row.
    DateBefore {
        value: &'a str,
        other: &'a str,
        other_value: &'a str,
    },
    /// A follow-up column with more lines than the steps named.
    FollowUpLines { steps: usize, lines: usize },
    /// A follow-up step that does not fit the case's violation type.
    FollowUpMisfit {
        step: &'a str,
        label: &'a str,
        case_type: &'a str,
        fits: String,
    },
    /// A follow-up step dated before the case was forwarded.
    FollowUpBefore { value: &'a str, forwarded: &'a str },
    /// A status date before the case's last status change.
    StatusDateBefore { value: &'a str, last: &'a str },
    /// Not yes/no.
    BadBool { value: String },
    /// A region pantau does not know.
    UnknownRegion {
        value: String,
        suggestion: Option<&'a str>,
    },
    /// A tahapan pantau does not know.
    UnknownStage {
        value: String,
        suggestion: Option<&'a str>,
    },
    /// A stage of another election, not of the row's.
    StageNotOfElection {
        value: String,
        election: &'a str,
        stages: String,
    },
    /// An election the database does not hold (`choices`: those it does).
    UnknownElection {
        value: String,
        suggestion: Option<&'a str>,
        choices: String,
    },
    /// A contest that is not one of the row's election.
    UnknownContest {
        value: String,
        election: &'a str,
        suggestion: Option<&'a str>,
        contests: String,
    },
    /// A known case moved to an election its stored contest is not of.
    StoredContestNotOf {
        contest: &'a str,
        election: &'a str,
        contests: &'a str,
    },
    /// The row's column names one election and its case number another.
    ElectionConflict {
        named: &'a str,
        nomor: String,
        by_number: &'a str,
    },
    /// The row does not say its election: neither column nor `--election` nor a number that fits
    /// one election (`fits`: the elections the number fits, when several).
    ElectionUntold {
        fits: Option<&'a str>,
        elections: &'a str,
        segments: &'a [String],
    },
    /// A code not in its list.
    UnknownCode {
        list: &'a Core<'a>,
        value: String,
        suggestion: Option<&'a str>,
        choices: String,
    },
    /// A JSON value of the wrong type.
    WrongType { found: &'a str },
    /// A spreadsheet cell holding an error.
    CellError { value: &'a str },
    /// A nomor given twice in the file.
    DuplicateNomor {
        value: String,
        first_line: u64,
        line: u64,
    },
    /// A nomor given again later in the file.
    DuplicateOf { value: String, other_line: u64 },
    /// A nomor that is another row's nomor written differently.
    NearDuplicateNomor {
        value: String,
        first: String,
        first_line: u64,
    },
    /// A formula without a saved result.
    FormulaWithoutValue { formula: String },
    /// A year outside the plausible range.
    ImplausibleYear { value: String, min: i32, max: i32 },
    /// A two-digit year outside 2000–max.
    ShortYear { value: String, max: i32 },
    /// Every worksheet is hidden.
    NoVisibleSheet { hidden: &'a str },
    /// The terminal cannot be set up or used.
    TuiTerminal { why: String },
    /// A signal handler cannot be installed.
    TuiSignal { why: String },
    /// The TUI's worker thread cannot be started.
    TuiWorker { why: String },
    /// The hang-up watchdog cannot be started.
    TuiWatchdog { why: String },
    /// An as-of date outside the dates pantau takes.
    AsOfOutOfRange {
        day: String,
        first: String,
        last: String,
    },
    /// A view's `per:` moved the as-of date of the screen (`term`: the key, `per:` or `asof:`).
    AsOfFromView { date: String, term: String },
    /// Esc with no drill-down to undo.
    NothingToGoBack,
    /// Where Esc leads, beside the path of drill-downs: `kembali ke Ringkasan`.
    PathBack { screen: &'a str },
    /// `B` asks before clearing the baseline marked at `at` (`14:05`).
    AskClearBaseline { at: String },
    /// `b` asks before replacing the baseline marked at `at` with one taken now.
    AskReplaceBaseline { at: String },
    /// A question about the baseline answered no: it stays.
    BaselineKept { at: String },
    /// `B` without a baseline; `key` marks one.
    NoBaselineToClear { key: String },
    /// Where the saved views are listed.
    SavedViewsListed,
    /// The question before a saved view is deleted.
    ConfirmDeleteView { name: &'a str },
    /// A saved view was deleted from the configuration file.
    ViewDeleted { name: &'a str, file: &'a str },
    /// A saved view was renamed in the configuration file.
    ViewRenamed {
        from: &'a str,
        to: &'a str,
        file: &'a str,
    },
    /// No configuration file to save a view in.
    NoConfigFile,
    /// A campaign method's code is given twice in the reference file.
    MethodTwice { code: &'a str },
    /// The reference file lists no campaign method.
    NoMethods,
    /// A campaign pekan with its dates: `Pekan ke-6 (2–8 Jan 2024)`.
    Pekan { number: u32, days: String },
    /// The campaign cases no pekan holds, under the pekan chart.
    OutsideCampaignCases { count: String },
    /// The same, shorter, for a narrow chart.
    OutsideCampaignCasesShort { count: String },
    /// The figures since the campaign began: a column heading.
    Cumulative,
    /// What the cumulative figures count from: "Kumulatif: sejak 28 November 2023".
    CumulativeSince { since: String },
    /// The dashboard's stage panel while the view covers several elections: the stages of the
    /// calendar's election (by its short name), whose cases alone it counts.
    StagesOf { election: &'a str },
    /// The stage timeline's title: the calendar of the election in view.
    TimelineOf { election: &'a str },
    /// The selected pekan's figures: the column of the pekan itself (beside the cumulative one).
    PekanThisWeek,
    /// The selected pekan has not begun by the date counted at.
    PekanNotBegun { as_of: String },
    /// Cases per 1,000 activities, as a row of the selected pekan's figures.
    PekanRate,
    /// The selected pekan had no campaign cases.
    PekanNoCases,
    /// The regions with the most activities supervised that pekan.
    PekanBusiest,
    /// The reference data gives the campaign no dates, so there are no pekan.
    NoCampaignPekan,
    /// A pekan where there is no room for more: `P6` / `W6`.
    PekanShort { number: u32 },
    /// The cases received before or after the campaign, in a count by pekan.
    OutsideCampaign,
    /// A campaign pekan without its dates: `Pekan ke-6`.
    PekanNumber { number: u32 },
    /// What a cumulative campaign figure counts from: `sejak 28 November 2023`.
    SinceCampaignBegan { day: String },
    /// The extended decision limit's name, with the limit in total as the election counts it:
    /// `Diperpanjang (14 hari kerja)`, `Diperpanjang (5 hari kalender)` (never "3 + 2").
    ExtendedLimit { days: u32, unit: String },
    /// A working-day count crossed a year the holiday list does not cover: only weekends were
    /// skipped in it.
    NoHolidayList { year: i32 },
    /// A deadline counted in calendar days.
    DaysCalendar,
    /// A deadline counted in working days.
    DaysWorking,
    /// A deadline counted since the case became known.
    SinceKnown,
    /// A deadline counted since intake.
    SinceReceived,
    /// A deadline counted since registration.
    SinceRegistration,
    /// A deadline counted from the end of the kajian awal (completing the report).
    SinceReviewEnded,
    /// How a laporan's filing was measured against its election's limit: `diterima 9 hari
    /// kerja setelah diketahui 02/01/2024; batas 7 hari kerja → 11/01/2024` (`unit` is
    /// [`Core::DaysWorking`] or [`Core::DaysCalendar`] in the same language).
    Filing {
        days: u32,
        known: String,
        limit: u32,
        due: String,
        unit: String,
    },
    /// A configuration file cannot be read.
    ConfigRead { why: &'a str },
    /// A configuration file is not valid TOML.
    ConfigSyntax { why: &'a str },
    /// A configuration key pantau does not know.
    ConfigUnknownKey {
        known: String,
        suggestion: Option<&'a str>,
    },
    /// A configuration value of the wrong kind.
    ConfigExpected {
        expected: &'a Expected,
        found: &'a str,
    },
    /// One key bound to two commands.
    ConfigConflict {
        key: &'a str,
        first: &'a str,
        second: &'a str,
    },
    /// The way out of a mistake in a configuration file.
    ConfigWayOut,
    /// A setting left at its default (`config --print`).
    ConfigDefault,
    /// A view-spec mistake with a suggestion.
    DidYouMean { base: &'a str, suggestion: &'a str },
    /// `is:new` in a view while no meeting baseline is in force.
    NewNeedsBaseline,
    /// The provincial office's row: `Provinsi (Kaltim)`.
    Province { short: &'a str },
    /// The map-tiles file's header is not the expected one.
    TilesHeader { want: String, found: &'a str },
    /// A map-tiles line has another number of fields.
    TilesFields { n: usize },
    /// A map-tiles cell is not a whole number in range.
    TilesNumber {
        column: &'a str,
        value: &'a str,
        least: u16,
        max: u16,
    },
    /// A tile reaches past the grid.
    TilesBeyond { max: u16 },
    /// A tile of an unknown region.
    TilesUnknown { code: &'a str },
    /// A region with two tiles.
    TilesTwice { code: &'a str, first: usize },
    /// Two tiles overlapping.
    TilesOverlap {
        code: &'a str,
        other: &'a str,
        other_line: usize,
        row: u16,
        col: u16,
    },
    /// A region without a tile.
    TilesMissing { code: &'a str, name: &'a str },
    /// A line of a reference file that cannot be read (the CSV reader's words).
    ReferenceUnreadable { why: &'a str },
    /// A region is in regions.csv twice.
    RegionTwice { code: &'a str, short: &'a str },
    /// A region's kind is not provinsi, kabupaten or kota.
    RegionKind { code: &'a str },
    /// A stage is in stages.csv twice.
    StageTwice { code: &'a str },
    /// The embedded schema has no full-text trigger (a bug in pantau).
    SchemaNoTrigger,
    /// A code stored in the database that pantau does not know.
    StoredCodeUnknown {
        path: &'a Path,
        list: &'a Core<'a>,
        code: &'a str,
    },
    /// A baseline request reached the engine instead of the worker (a bug in pantau).
    TuiBaselineElsewhere,
}

impl Core<'_> {
    /// A month's short name, 1 to 12 (`Agu` in Indonesian, `Aug` in English); `?` for no month.
    pub fn month_short(lang: Lang, month: u32) -> &'static str {
        const ID: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
        ];
        const EN: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        let names = match lang {
            Lang::Id => &ID,
            Lang::En => &EN,
        };
        usize::try_from(month)
            .ok()
            .and_then(|m| m.checked_sub(1))
            .and_then(|i| names.get(i))
            .copied()
            .unwrap_or("?")
    }

    /// A month's full name, 1 to 12 (`Agustus`, `August`); `?` for no month.
    pub fn month_long(lang: Lang, month: u32) -> &'static str {
        const ID: [&str; 12] = [
            "Januari",
            "Februari",
            "Maret",
            "April",
            "Mei",
            "Juni",
            "Juli",
            "Agustus",
            "September",
            "Oktober",
            "November",
            "Desember",
        ];
        const EN: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let names = match lang {
            Lang::Id => &ID,
            Lang::En => &EN,
        };
        usize::try_from(month)
            .ok()
            .and_then(|m| m.checked_sub(1))
            .and_then(|i| names.get(i))
            .copied()
            .unwrap_or("?")
    }

    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use Lang::{En, Id};
        match (self, lang) {
            (Self::TempReplaced { temp, dest }, Id) => format!(
                "berkas sementara {} diganti oleh proses lain selama ditulis; tidak ada yang ditulis ke {}: periksa siapa yang dapat menulis di folder itu, lalu ulangi",
                temp.display(),
                dest.display()
            ),
            (Self::TempReplaced { temp, dest }, En) => format!(
                "the temporary file {} was replaced by another process while it was written; nothing was written to {}: check who may write in that folder, then try again",
                temp.display(),
                dest.display()
            ),
            (Self::DestIsLink { dest, to }, Id) => format!(
                "{} adalah tautan simbolik (ke {to}); pantau tidak menulis melalui tautan: hapus tautan itu atau tulis path berkas yang sebenarnya",
                dest.display()
            ),
            (Self::DestIsLink { dest, to }, En) => format!(
                "{} is a symbolic link (to {to}); pantau does not write through links: remove the link or give the real file's path",
                dest.display()
            ),
            (Self::DestIsSidecar { dest, db }, Id) => format!(
                "{} adalah berkas milik basis data {} (-wal, -shm atau -journal-nya): menimpanya menghilangkan perubahan terakhir basis data itu; tidak ada yang ditulis. Pilih nama berkas lain",
                dest.display(),
                db.display()
            ),
            (Self::DestIsSidecar { dest, db }, En) => format!(
                "{} belongs to the database {} (it is its -wal, -shm or -journal file): replacing it would lose that database's latest changes; nothing was written. Choose another file name",
                dest.display(),
                db.display()
            ),
            (Self::DbNotRegular { path, id, .. }, Id) => format!(
                "{} adalah {id}, bukan berkas basis data: sebutkan di --db berkas basis data pantau, atau buat yang baru dengan `pantau --db BERKAS.db init`",
                path.display()
            ),
            (Self::DbNotRegular { path, en, .. }, En) => format!(
                "{} is {en}, not a database file: give --db the path of a pantau database, or make a new one with `pantau --db FILE.db init`",
                path.display()
            ),
            (Self::DestNotFile { dest }, Id) => format!(
                "{} ada tetapi bukan berkas biasa; pilih path lain",
                dest.display()
            ),
            (Self::DestNotFile { dest }, En) => format!(
                "{} exists and is not a regular file; choose another path",
                dest.display()
            ),
            (
                Self::AboutNotPlaced {
                    main,
                    about,
                    why,
                    kept,
                },
                Id,
            ) => format!(
                "{} sudah ditulis, tetapi {} tidak dapat diletakkan ({why}); isinya disimpan di {kept}: periksa siapa yang menulis di folder itu",
                main.display(),
                about.display(),
            ),
            (
                Self::AboutNotPlaced {
                    main,
                    about,
                    why,
                    kept,
                },
                En,
            ) => format!(
                "{} was written, but {} could not be put in place ({why}); its contents were kept in {kept}: check who writes in that folder",
                main.display(),
                about.display(),
            ),
            (Self::TempKeptTwice, Id) => {
                "internal: berkas sementara disimpan dua kali (kesalahan pantau); laporkan ke pengembang".into()
            }
            (Self::TempKeptTwice, En) => "internal: a temporary file kept twice".into(),
            (Self::WouldReplaceDatabase { dest }, Id) => format!(
                "{} adalah basis data SQLite (mungkin basis data pantau): rekap atau ekspor tidak pernah menimpanya; tidak ada yang ditulis. Pilih nama berkas lain, misalnya dengan akhiran .xlsx, .pdf, .png atau .csv",
                dest.display()
            ),
            (Self::WouldReplaceDatabase { dest }, En) => format!(
                "{} is an SQLite database (perhaps a pantau database): a report or an export never replaces one; nothing was written. Choose another file name, such as one ending in .xlsx, .pdf, .png or .csv",
                dest.display()
            ),
            (Self::DirMissing { dest, dir }, Id) => format!(
                "{} tidak dapat dibuat: folder {} tidak ada; tidak ada yang ditulis. Buat foldernya dulu (mkdir -p) atau pilih folder lain",
                dest.display(),
                dir.display()
            ),
            (Self::DirMissing { dest, dir }, En) => format!(
                "{} cannot be created: the folder {} does not exist; nothing was written. Create it first (mkdir -p) or choose another folder",
                dest.display(),
                dir.display()
            ),
            (Self::DirNotWritable { dest, dir }, Id) => format!(
                "{} tidak dapat dibuat: Anda tidak boleh menulis di folder {}; tidak ada yang ditulis. Pilih folder lain atau mintalah izin tulis",
                dest.display(),
                dir.display()
            ),
            (Self::DirNotWritable { dest, dir }, En) => format!(
                "{} cannot be created: you may not write in the folder {}; nothing was written. Choose another folder or ask for write permission",
                dest.display(),
                dir.display()
            ),
            (Self::StickyOwner { dest, dir, owner }, Id) => format!(
                "{} milik {owner}, di folder {} yang ber-sticky bit: hanya {owner} yang dapat menggantinya; tidak ada yang ditulis. Mintalah {owner} menghapusnya, atau pilih nama atau folder lain",
                dest.display(),
                dir.display()
            ),
            (Self::StickyOwner { dest, dir, owner }, En) => format!(
                "{} belongs to {owner}, in {}, a folder with the sticky bit: only {owner} may replace it; nothing was written. Ask {owner} to remove it, or choose another name or folder",
                dest.display(),
                dir.display()
            ),
            (Self::NotOwnDir { dir }, Id) => format!(
                "{} bukan folder milik Anda (tautan simbolik, berkas, atau milik pengguna lain); pantau tidak menyimpan salinan data di sana: pindahkan atau hapus, lalu ulangi",
                dir.display()
            ),
            (Self::NotOwnDir { dir }, En) => format!(
                "{} is not a folder of yours (a symbolic link, a file, or another user's); pantau keeps no copy of case data there: move or remove it, then try again",
                dir.display()
            ),
            (Self::BaselineRecord { meta, why }, Id) => format!(
                "{}: catatan baseline tidak dapat ditulis ({why}); tidak ada yang ditulis",
                meta.display()
            ),
            (Self::BaselineRecord { meta, why }, En) => format!("{}: {why}", meta.display()),
            (Self::CreateDbFile { path, source, dir }, Id) => format!(
                "{}: berkas database tidak dapat dibuat ({}); periksa bahwa Anda boleh menulis di {}",
                path.display(),
                super::os::os_error(source, Id),
                dir.display()
            ),
            (Self::CreateDbFile { path, source, dir }, En) => format!(
                "{}: cannot create the database file ({}); check that you may write in {}",
                path.display(),
                super::os::os_error(source, En),
                dir.display()
            ),
            (Self::NoParentFolder { above, dir }, Id) => format!(
                "folder {} tidak ada; pantau hanya membuat folder database itu sendiri ({}): buat folder di atasnya dahulu (mkdir -p {}) atau periksa path-nya",
                above.display(),
                dir.display(),
                above.display()
            ),
            (Self::NoParentFolder { above, dir }, En) => format!(
                "the folder {} does not exist; pantau creates only the database's own folder ({}): create the folders above it first (mkdir -p {}) or check the path",
                above.display(),
                dir.display(),
                above.display()
            ),
            (
                Self::SidecarLocksOut {
                    file,
                    db,
                    owner,
                    wal,
                    shm,
                    you,
                    wal_empty,
                },
                Id,
            ) => {
                let (f, db) = (file.display(), db.display());
                let who_id = if *you {
                    "Anda tidak boleh menulisnya"
                } else {
                    "penulis lain (grupnya) tidak boleh menulisnya"
                };
                let remove_id = if *wal_empty {
                    format!(
                        " Atau, bila tidak ada proses yang membuka database (`fuser {db} {wal} {shm}` tidak \
                         mencetak apa pun), hapus {wal} dan {shm}: keduanya tidak berisi data (log kosong, \
                         indeks bersama dibuat ulang) dan pantau membuatnya lagi dengan izin yang benar."
                    )
                } else {
                    format!(" Jangan hapus {wal}: isinya data yang belum dipindahkan ke database.")
                };
                format!(
                    "{f} milik {owner} dan {who_id}, jadi {db} tidak dapat ditulis. \
                     Biasanya berkas ini dibuat oleh pembaca yang hanya boleh membaca database (pantau versi lama \
                     atau sqlite3). Jalan keluar yang aman: {owner} (atau root) menjalankan \
                     `chmod g+w {wal} {shm}`.{remove_id}"
                )
            }
            (
                Self::SidecarLocksOut {
                    file,
                    db,
                    owner,
                    wal,
                    shm,
                    you,
                    wal_empty,
                },
                En,
            ) => {
                let (f, db) = (file.display(), db.display());
                let who_en = if *you {
                    "you may not write it"
                } else {
                    "other writers (its group) may not write it"
                };
                let remove_en = if *wal_empty {
                    format!(
                        " Or, when no process has the database open (`fuser {db} {wal} {shm}` prints \
                         nothing), remove {wal} and {shm}: they hold no data (an empty log, a shared index \
                         that is rebuilt) and pantau makes them again with the right permissions."
                    )
                } else {
                    format!(" Do not remove {wal}: it holds data not yet moved into the database.")
                };
                format!(
                    "{f} belongs to {owner} and {who_en}, so {db} cannot be written. Such a file \
                     is usually made by a reader with read permission only on the database (an older pantau, \
                     or sqlite3). The safe way out: {owner} (or root) runs `chmod g+w {wal} {shm}`.{remove_en}"
                )
            }
            (Self::SidecarsMissing { db, names }, Id) => {
                let db = db.display();
                format!(
                    "{db} hanya boleh Anda baca, dan {names} belum ada di sebelahnya; bila pantau membuatnya atas \
                     nama Anda, rekan yang menulis database tidak dapat menulis lagi. Mintalah rekan yang boleh \
                     menulis {db} menjalankan sekali perintah pantau apa pun padanya (mis. `pantau --db {db} batches`), \
                     lalu coba lagi (README: database bersama untuk satu tim)"
                )
            }
            (Self::SidecarsMissing { db, names }, En) => {
                let db = db.display();
                format!(
                    "you may only read {db}, and {names} do not exist beside it yet; if pantau made them as \
                     yours, the colleagues who write the database could no longer write. Ask a colleague who may \
                     write {db} to run any pantau command on it once (e.g. `pantau --db {db} batches`), then try \
                     again (README: a shared database for a team)"
                )
            }
            (
                Self::SidecarIsLink {
                    side,
                    to,
                    owner,
                    db,
                },
                Id,
            ) => {
                let side = side.display();
                format!(
                    "{side} adalah tautan simbolik ke {to}, dibuat oleh {owner}; SQLite tidak membuka berkas lewat tautan, jadi {} tidak dapat dibuka: hapus tautan itu (rm {side}) saat tidak ada yang membuka database, lalu ulangi",
                    db.display()
                )
            }
            (
                Self::SidecarIsLink {
                    side,
                    to,
                    owner,
                    db,
                },
                En,
            ) => {
                let side = side.display();
                format!(
                    "{side} is a symbolic link to {to}, made by {owner}; SQLite opens no file through a link, so {} cannot be opened: remove the link (rm {side}) when nobody has the database open, then try again",
                    db.display()
                )
            }
            (Self::NoWal { path, mode }, Id) => format!(
                "{}: tidak dapat beralih ke jurnal WAL (didapat {mode})",
                path.display()
            ),
            (Self::NoWal { path, mode }, En) => format!(
                "{}: could not switch to WAL journal (got {mode})",
                path.display()
            ),
            (
                Self::UpgradeDangling {
                    path,
                    from,
                    to,
                    table,
                    rowid,
                    parent,
                },
                Id,
            ) => format!(
                "{p}: peningkatan skema dari versi {from} ke {to} dibatalkan seluruhnya dan berkasnya tidak berubah: baris {rowid} tabel {table} merujuk ke baris {parent} yang tidak ada (ditulis saat foreign key mati, mis. dari shell sqlite3). Jalan keluarnya: `sqlite3 {p} 'PRAGMA foreign_key_check'` menampilkan setiap baris seperti itu; isi dengan nilai yang ada atau hapus barisnya, lalu jalankan `pantau --db {p} init` lagi. Sampai itu, pantau versi yang menulis berkas ini tetap dapat membukanya",
                p = path.display()
            ),
            (
                Self::UpgradeDangling {
                    path,
                    from,
                    to,
                    table,
                    rowid,
                    parent,
                },
                En,
            ) => format!(
                "{p}: the upgrade of its schema from version {from} to {to} was rolled back whole and the file is unchanged: row {rowid} of table {table} refers to a {parent} row that does not exist (written while foreign keys were off, e.g. from the sqlite3 shell). The way out: `sqlite3 {p} 'PRAGMA foreign_key_check'` lists every such row; give it a value that exists or delete the row, then run `pantau --db {p} init` again. Until then the pantau that wrote the file still opens it",
                p = path.display()
            ),
            (Self::DbMoved { path }, Id) => format!(
                "{} dihapus atau diganti oleh proses lain saat pantau menulisnya; tidak ada yang ditulis ke tempat tujuannya: jangan hapus berkas yang sedang dipakai (`pantau doctor` menunjukkannya), lalu ulangi",
                path.display()
            ),
            (Self::DbMoved { path }, En) => format!(
                "{} was removed or replaced by another process while pantau was writing it; nothing was put in its place: do not remove files in use (`pantau doctor` shows them), then try again",
                path.display()
            ),
            (Self::CopyNoDelete { tmp, journal }, Id) => format!(
                "{}: tidak dapat keluar dari mode WAL (didapat {journal})",
                tmp.display()
            ),
            (Self::CopyNoDelete { tmp, journal }, En) => format!(
                "{}: could not leave WAL mode (got {journal})",
                tmp.display()
            ),
            (
                Self::CopyBad {
                    source,
                    dest,
                    check,
                    copied,
                    cases,
                },
                Id,
            ) => format!(
                "{0} tidak dapat disalin utuh: salinannya rusak saat dibaca ulang (quick_check: {check}; {copied} dari {cases} kasus), jadi {0} sendiri kemungkinan rusak; tidak ada yang ditulis ke {1}. Periksa dengan `pantau --db {0} check`; bila rusak, pulihkan dari cadangan terakhir yang baik",
                source.display(),
                dest.display()
            ),
            (
                Self::CopyBad {
                    source,
                    dest,
                    check,
                    copied,
                    cases,
                },
                En,
            ) => format!(
                "{0} could not be copied whole: the copy read back damaged (quick_check: {check}; {copied} of {cases} cases), so {0} itself is probably damaged; nothing was written to {1}. Check it with `pantau --db {0} check`; if it is damaged, restore the last good backup",
                source.display(),
                dest.display()
            ),
            (Self::FormatUnknown { arg }, Id) => format!(
                "{arg}: format tidak dikenali dari ekstensinya; tambahkan --format csv|json|jsonl|xlsx"
            ),
            (Self::FormatUnknown { arg }, En) => format!(
                "{arg}: cannot tell the format from the extension; add --format csv|json|jsonl|xlsx"
            ),
            (Self::SheetNotXlsx { arg }, Id) => format!("{arg}: --sheet hanya untuk berkas xlsx"),
            (Self::SheetNotXlsx { arg }, En) => format!("{arg}: --sheet is only for xlsx files"),
            (Self::RejectedMixed, Id) => {
                "internal: baris satu format masuk ke berkas tolakan format lain (kesalahan pantau); laporkan ke pengembang".into()
            }
            (Self::RejectedMixed, En) => {
                "internal: a row of one format in the rejected file of another".into()
            }
            (Self::SudoUserUnknown { value }, Id) => format!(
                "SUDO_USER={value} bukan nama pengguna di komputer ini; dicatat sebagai pengguna yang menjalankan pantau (root)"
            ),
            (Self::SudoUserUnknown { value }, En) => format!(
                "SUDO_USER={value} names no user of this host; recorded as the user running pantau (root) instead"
            ),
            (Self::ReadTwiceDiffers { file }, Id) => format!(
                "{file}: berkas terbaca berbeda pada kali kedua; tidak ada yang ditulis"
            ),
            (Self::ReadTwiceDiffers { file }, En) => format!(
                "{file}: the file read differently the second time; nothing was written"
            ),
            (Self::RowTwiceDiffers { file, line }, Id) => format!(
                "{file}:{line}: baris ini terperiksa berbeda pada kali kedua; tidak ada yang ditulis"
            ),
            (Self::RowTwiceDiffers { file, line }, En) => format!(
                "{file}:{line}: the row checked differently the second time; nothing was written"
            ),
            (Self::ReaderFailed, Id) => {
                "internal: thread pembaca impor gagal (kesalahan pantau); laporkan ke pengembang".into()
            }
            (Self::ReaderFailed, En) => "internal: the reading thread of the import failed".into(),
            (
                Self::NearStored {
                    file,
                    line,
                    value,
                    stored,
                },
                Id,
            ) => format!(
                "{file}:{line}: nomor \"{value}\" adalah nomor perkara tersimpan \"{stored}\" yang ditulis berbeda (huruf besar/kecil, spasi, karakter tak terlihat atau bentuk garis); tidak ada yang ditulis. Tulis \"{stored}\" untuk memperbarui perkara itu."
            ),
            (
                Self::NearStored {
                    file,
                    line,
                    value,
                    stored,
                },
                En,
            ) => format!(
                "{file}:{line}: nomor \"{value}\" is the stored case \"{stored}\" written differently (case, spaces, invisible characters or dash/slash forms); nothing was written. Write \"{stored}\" to update that case."
            ),
            (
                Self::SimulateEvidence {
                    path,
                    batch,
                    source,
                },
                Id,
            ) => format!(
                "{} berisi kasus hasil impor (batch #{batch} dari {source}); simulasi membuat kasus rekaan dan \
                 memajukan kasus nyata. Jalankan pada salinan atau database demo (--demo), atau tambahkan --force",
                path.display()
            ),
            (
                Self::SimulateEvidence {
                    path,
                    batch,
                    source,
                },
                En,
            ) => format!(
                "{} holds imported cases (batch #{batch} from {source}); simulate invents cases and moves real ones on. \
                 Run it on a copy or on the demo database (--demo), or add --force",
                path.display()
            ),
            (Self::SimulateVanished { nomor, id }, Id) => format!(
                "kasus {nomor} (id {id}) hilang selama simulasi"
            ),
            (Self::SimulateVanished { nomor, id }, En) => {
                format!("case {nomor} (id {id}) vanished during the simulation")
            }
            (Self::SimulateClosed { nomor, status }, Id) => format!(
                "kasus {nomor} tercatat terbuka tetapi statusnya {status} sudah tertutup"
            ),
            (Self::SimulateClosed { nomor, status }, En) => {
                format!("case {nomor} is listed open but its status {status} is closed")
            }
            (Self::CodeSource, Id) => "sumber".into(),
            (Self::CodeSource, En) => "source".into(),
            (Self::CodeStatus, Id | En) => "status".into(),
            (Self::CodeViolationType, Id) => "jenis".into(),
            (Self::CodeViolationType, En) => "type".into(),
            (Self::CodePartyCategory, Id) => "kategori terlapor".into(),
            (Self::CodePartyCategory, En) => "reported-party category".into(),
            (Self::CodeForwarding, Id) => "tujuan penerusan".into(),
            (Self::CodeForwarding, En) => "forwarding destination".into(),
            (Self::CodeContestantKind, Id) => "jenis peserta".into(),
            (Self::CodeContestantKind, En) => "contestant kind".into(),
            (Self::CodeFollowUpStep, Id) => "tahap tindak lanjut".into(),
            (Self::CodeFollowUpStep, En) => "follow-up step".into(),
            (Self::InColumn { column, reason }, Id) => format!("kolom \"{column}\": {reason}"),
            (Self::InColumn { column, reason }, En) => format!("column \"{column}\": {reason}"),
            (
                Self::AtObject {
                    file,
                    line,
                    n,
                    reason,
                },
                Id,
            ) => format!("{file}:{line}: objek #{n}: {reason}"),
            (
                Self::AtObject {
                    file,
                    line,
                    n,
                    reason,
                },
                En,
            ) => format!("{file}:{line}: object #{n}: {reason}"),
            (
                Self::AtRow {
                    file,
                    sheet,
                    line,
                    reason,
                },
                Id,
            ) => format!("{file}:{sheet}: baris {line}: {reason}"),
            (
                Self::AtRow {
                    file,
                    sheet,
                    line,
                    reason,
                },
                En,
            ) => format!("{file}:{sheet}: row {line}: {reason}"),
            (Self::EmptyFile, Id) => "berkas kosong: tidak ada baris judul".into(),
            (Self::EmptyFile, En) => "the file is empty: no header row".into(),
            (Self::NotUtf8, Id) => "bukan teks UTF-8; simpan ulang berkas sebagai \"CSV UTF-8\"".into(),
            (Self::NotUtf8, En) => "not UTF-8 text; save the file again as \"CSV UTF-8\"".into(),
            (Self::RepeatedHeader { first }, Id) => format!(
                "baris ini mengulang baris judul (baris {first}): dua berkas digabung? hapus baris ini"
            ),
            (Self::RepeatedHeader { first }, En) => format!(
                "this line repeats the header row (line {first}): two files joined? remove this line"
            ),
            (Self::Binary, Id) => "berisi byte NUL: ini data biner, bukan CSV kasus (apakah berkasnya benar?)".into(),
            (Self::Binary, En) => "holds a NUL byte: binary data, not a CSV of cases (is this the right file?)".into(),
            (Self::LongFirstLine { bytes }, Id) => format!(
                "baris pertama sepanjang {bytes} byte tanpa pindah baris: bukan CSV kasus (baris judul hanya \
                 beberapa ratus byte; apakah berkasnya benar?)"
            ),
            (Self::LongFirstLine { bytes }, En) => format!(
                "the first line runs {bytes} bytes without a line break: not a CSV of cases (a header row is \
                 a few hundred bytes; is this the right file?)"
            ),
            (Self::Csv { why }, Id) => format!("CSV tidak terbaca: {why}"),
            (Self::Csv { why }, En) => format!("unreadable CSV: {why}"),
            (Self::Json { why }, Id) => format!("JSON tidak valid: {why}"),
            (Self::Json { why }, En) => format!("invalid JSON: {why}"),
            (Self::Spreadsheet { why }, Id) => format!("lembar kerja tidak terbaca: {why}"),
            (Self::Spreadsheet { why }, En) => format!("unreadable spreadsheet: {why}"),
            (Self::NotAnObject { found }, Id) => {
                format!("setiap baris harus berupa objek JSON, ditemukan {found}")
            }
            (Self::NotAnObject { found }, En) => {
                format!("each row must be a JSON object, found {found}")
            }
            (Self::FieldCount { found, expected }, Id) => format!(
                "baris ini punya {found} kolom, baris judul {expected} (tanda kutip atau pemisah hilang?)"
            ),
            (Self::FieldCount { found, expected }, En) => format!(
                "this row has {found} fields, the header {expected} (a missing quote or separator?)"
            ),
            (Self::UnterminatedQuote, Id) => {
                "tanda kutip dibuka di baris ini tetapi tidak pernah ditutup".into()
            }
            (Self::UnterminatedQuote, En) => "a quote opened on this line is never closed".into(),
            (Self::UnknownColumn { suggestion }, Id) => {
                let (base, hint) = (
                    "kolom tidak dikenal",
                    "(--ignore-unknown untuk melewatinya)",
                );
                match suggestion {
                    Some(s) => format!("{base} — maksud Anda \"{s}\"? {hint}"),
                    None => format!("{base} {hint}"),
                }
            }
            (Self::UnknownColumn { suggestion }, En) => {
                let (base, hint) = ("unknown column", "(--ignore-unknown to skip it)");
                match suggestion {
                    Some(s) => format!("{base} — did you mean \"{s}\"? {hint}"),
                    None => format!("{base} {hint}"),
                }
            }
            (Self::Unnamed, Id) => {
                "ada isi di kolom tanpa judul (--ignore-unknown untuk melewatinya)".into()
            }
            (Self::Unnamed, En) => {
                "a value in a column without a header (--ignore-unknown to skip it)".into()
            }
            (Self::NoSheet { name, sheets }, Id) => {
                format!("lembar \"{name}\" tidak ada (lembar yang ada: {sheets})")
            }
            (Self::NoSheet { name, sheets }, En) => {
                format!("no sheet \"{name}\" (the sheets are: {sheets})")
            }
            (Self::DuplicateColumn { first }, Id) => {
                format!("kolom yang sama dengan \"{first}\"; hapus salah satunya")
            }
            (Self::DuplicateColumn { first }, En) => {
                format!("the same column as \"{first}\"; remove one of them")
            }
            (Self::MissingColumn, Id) => "kolom wajib tidak ada".into(),
            (Self::MissingColumn, En) => "required column is missing".into(),
            (Self::Required, Id) => "wajib diisi, tetapi kosong".into(),
            (Self::Required, En) => "required, but empty".into(),
            (Self::TooLong { bytes, max }, Id) => {
                format!("isi terlalu panjang: {bytes} byte (paling banyak {max})")
            }
            (Self::TooLong { bytes, max }, En) => {
                format!("value too long: {bytes} bytes (at most {max})")
            }
            (Self::BadDate { value }, Id) => {
                format!("bukan tanggal: \"{value}\" (tulis YYYY-MM-DD atau DD/MM/YYYY)")
            }
            (Self::BadDate { value }, En) => {
                format!("not a date: \"{value}\" (write YYYY-MM-DD or DD/MM/YYYY)")
            }
            (Self::FutureDate { value, today }, Id) => {
                format!("tanggal {value} belum terjadi (hari ini {today})")
            }
            (Self::FutureDate { value, today }, En) => {
                format!("date {value} is in the future (today is {today})")
            }
            (
                Self::DateBefore {
                    value,
                    other,
                    other_value,
                },
                Id,
            ) => format!("tanggal {value} lebih awal dari {other} {other_value}"),
            (
                Self::DateBefore {
                    value,
                    other,
                    other_value,
                },
                En,
            ) => format!("date {value} is before {other} {other_value}"),
            (Self::FollowUpLines { steps, lines }, Id) => format!(
                "kolom ini berisi {lines} baris untuk {steps} tahap tindak lanjut (satu baris per tahap, \
                 tahapnya di kolom lanjut_tahap)"
            ),
            (Self::FollowUpLines { steps, lines }, En) => format!(
                "this column holds {lines} lines for {steps} follow-up steps (one line per step, \
                 the step in column lanjut_tahap)"
            ),
            (
                Self::FollowUpMisfit {
                    step,
                    label,
                    case_type,
                    fits,
                },
                Id,
            ) => format!(
                "tahap tindak lanjut {step} ({label}) tidak cocok untuk pelanggaran {case_type}; \
                 tahap ini untuk {fits}"
            ),
            (
                Self::FollowUpMisfit {
                    step,
                    label,
                    case_type,
                    fits,
                },
                En,
            ) => format!(
                "follow-up step {step} ({label}) does not fit a {case_type} violation; \
                 it follows {fits}"
            ),
            (Self::FollowUpBefore { value, forwarded }, Id) => format!(
                "tahap tindak lanjut bertanggal {value}, sebelum perkara diteruskan ({forwarded})"
            ),
            (Self::FollowUpBefore { value, forwarded }, En) => format!(
                "follow-up step dated {value}, before the case was forwarded ({forwarded})"
            ),
            (Self::StatusDateBefore { value, last }, Id) => format!(
                "tanggal status {value} lebih awal dari perubahan status terakhir kasus ini \
                 ({last}); riwayat status hanya bertambah ke depan: tulis tanggal sejak {last}"
            ),
            (Self::StatusDateBefore { value, last }, En) => format!(
                "status date {value} is before the case's last status change ({last}); the \
                 status history only grows forward: write a date from {last} on"
            ),
            (Self::BadBool { value }, Id) => format!(
                "bukan ya/tidak: \"{value}\" (tulis ya, tidak, true, false, 1 atau 0)"
            ),
            (Self::BadBool { value }, En) => format!(
                "not yes/no: \"{value}\" (write yes, no, ya, tidak, true, false, 1 or 0)"
            ),
            (Self::UnknownRegion { value, suggestion }, Id) => {
                let base = format!("wilayah tidak dikenal \"{value}\"");
                match suggestion {
                    Some(s) => format!("{base} — maksud Anda {s}?"),
                    None => format!(
                        "{base} (tulis kode Kemendagri seperti 64.71 atau nama seperti Balikpapan)"
                    ),
                }
            }
            (Self::UnknownRegion { value, suggestion }, En) => {
                let base = format!("unknown region \"{value}\"");
                match suggestion {
                    Some(s) => format!("{base} — did you mean {s}?"),
                    None => format!(
                        "{base} (write a Kemendagri code such as 64.71 or a name such as Balikpapan)"
                    ),
                }
            }
            (Self::UnknownStage { value, suggestion }, Id) => {
                let base = format!("tahapan tidak dikenal \"{value}\"");
                match suggestion {
                    Some(s) => format!("{base} — maksud Anda {s}?"),
                    None => format!("{base} (tulis kode seperti KAMPANYE)"),
                }
            }
            (Self::UnknownStage { value, suggestion }, En) => {
                let base = format!("unknown stage \"{value}\"");
                match suggestion {
                    Some(s) => format!("{base} — did you mean {s}?"),
                    None => format!("{base} (write a code such as KAMPANYE)"),
                }
            }
            (
                Self::StageNotOfElection {
                    value,
                    election,
                    stages,
                },
                Id,
            ) => format!("\"{value}\" bukan tahapan {election}; tahapannya: {stages}"),
            (
                Self::StageNotOfElection {
                    value,
                    election,
                    stages,
                },
                En,
            ) => format!("\"{value}\" is not a stage of {election}; its stages: {stages}"),
            (
                Self::UnknownElection {
                    value,
                    suggestion,
                    choices,
                },
                Id,
            ) => {
                let base = format!("pemilihan tidak dikenal \"{value}\"");
                match suggestion {
                    Some(s) => format!("{base} — maksud Anda {s}?"),
                    None => format!("{base} (yang ada: {choices})"),
                }
            }
            (
                Self::UnknownElection {
                    value,
                    suggestion,
                    choices,
                },
                En,
            ) => {
                let base = format!("unknown election \"{value}\"");
                match suggestion {
                    Some(s) => format!("{base} — did you mean {s}?"),
                    None => format!("{base} (known: {choices})"),
                }
            }
            (
                Self::UnknownContest {
                    value,
                    election,
                    suggestion,
                    contests,
                },
                Id,
            ) => {
                let base = format!("\"{value}\" bukan kontestasi {election}");
                match suggestion {
                    Some(s) => format!("{base} — maksud Anda {s}?"),
                    None => format!("{base}; kontestasinya: {contests}"),
                }
            }
            (
                Self::UnknownContest {
                    value,
                    election,
                    suggestion,
                    contests,
                },
                En,
            ) => {
                let base = format!("\"{value}\" is not a contest of {election}");
                match suggestion {
                    Some(s) => format!("{base} — did you mean {s}?"),
                    None => format!("{base}; its contests: {contests}"),
                }
            }
            (
                Self::StoredContestNotOf {
                    contest,
                    election,
                    contests,
                },
                Id,
            ) => format!(
                "kontestasi kasus ini yang tersimpan, {contest}, bukan kontestasi {election}, \
                 pemilihan tujuan baris ini; sebutkan kontestasinya di kolom \"kontestasi\" \
                 ({contests}), atau biarkan sel itu kosong untuk menghapusnya"
            ),
            (
                Self::StoredContestNotOf {
                    contest,
                    election,
                    contests,
                },
                En,
            ) => format!(
                "the case's stored contest {contest} is not a contest of {election}, the election \
                 this row moves it to; give its contest in a column \"kontestasi\" ({contests}), \
                 or leave that cell empty to clear it"
            ),
            (
                Self::ElectionConflict {
                    named,
                    nomor,
                    by_number,
                },
                Id,
            ) => format!(
                "baris ini menyebut pemilihan {named}, tetapi nomornya \"{nomor}\" milik \
                 {by_number}; perbaiki salah satunya"
            ),
            (
                Self::ElectionConflict {
                    named,
                    nomor,
                    by_number,
                },
                En,
            ) => format!(
                "the row names the election {named}, but its number \"{nomor}\" is one of \
                 {by_number}; correct one of them"
            ),
            (
                Self::ElectionUntold {
                    fits,
                    elections,
                    segments,
                },
                Id,
            ) => {
                let why = match fits {
                    Some(f) => format!(" (nomornya cocok untuk lebih dari satu: {f})"),
                    None => String::new(),
                };
                let segments = segments.join(" atau ");
                format!(
                    "baris ini tidak menyebut pemilihannya{why}: sebutkan di kolom \
                     \"pemilihan\" ({elections}), dengan --election KODE untuk baris yang tidak \
                     menyebutnya, atau dalam nomor dengan {segments} dan tahunnya \
                     (006/TM/PL/Kab/27.09/IV/2024)"
                )
            }
            (
                Self::ElectionUntold {
                    fits,
                    elections,
                    segments,
                },
                En,
            ) => {
                let why = match fits {
                    Some(f) => format!(" (its number fits more than one: {f})"),
                    None => String::new(),
                };
                let segments = segments.join(" or ");
                format!(
                    "this row does not say its election{why}: name it in a column \
                     \"pemilihan\" ({elections}), with --election CODE for the rows that do not \
                     name it, or in the number, with {segments} and its year \
                     (006/TM/PL/Kab/27.09/IV/2024)"
                )
            }
            (
                Self::UnknownCode {
                    list,
                    value,
                    suggestion,
                    choices,
                },
                Id,
            ) => {
                let base = format!("{} tidak dikenal \"{value}\"", list.text(Id));
                match suggestion {
                    Some(s) => format!("{base} — maksud Anda {s}?"),
                    None => format!("{base} (pilihan: {choices})"),
                }
            }
            (
                Self::UnknownCode {
                    list,
                    value,
                    suggestion,
                    choices,
                },
                En,
            ) => {
                let base = format!("unknown {} \"{value}\"", list.text(En));
                match suggestion {
                    Some(s) => format!("{base} — did you mean {s}?"),
                    None => format!("{base} (one of: {choices})"),
                }
            }
            (Self::WrongType { found }, Id) => {
                format!("tipe salah: diharapkan teks, angka atau true/false, ditemukan {found}")
            }
            (Self::WrongType { found }, En) => {
                format!("wrong type: expected text, a number or true/false, found {found}")
            }
            (Self::CellError { value }, Id) => format!("sel berisi galat {value}"),
            (Self::CellError { value }, En) => format!("the cell holds the error {value}"),
            (
                Self::DuplicateNomor {
                    value,
                    first_line,
                    line,
                },
                Id,
            ) => format!(
                "nomor \"{value}\" muncul dua kali: di baris {first_line} dan di baris {line}"
            ),
            (
                Self::DuplicateNomor {
                    value,
                    first_line,
                    line,
                },
                En,
            ) => format!("\"{value}\" appears twice: on line {first_line} and on line {line}"),
            (Self::DuplicateOf { value, other_line }, Id) => {
                format!("nomor \"{value}\" muncul lagi di baris {other_line}")
            }
            (Self::DuplicateOf { value, other_line }, En) => {
                format!("\"{value}\" appears again on line {other_line}")
            }
            (
                Self::NearDuplicateNomor {
                    value,
                    first,
                    first_line,
                },
                Id,
            ) => format!(
                "nomor \"{value}\" sama dengan \"{first}\" di baris {first_line}, hanya beda huruf besar/kecil, spasi, karakter tak terlihat atau bentuk garis; satu perkara ditulis dua kali — samakan penulisannya dan sisakan satu baris"
            ),
            (
                Self::NearDuplicateNomor {
                    value,
                    first,
                    first_line,
                },
                En,
            ) => format!(
                "\"{value}\" is the intake number \"{first}\" of line {first_line} written differently (case, spaces, invisible characters or dash/slash forms): one case written twice — write it one way and keep one row"
            ),
            (Self::FormulaWithoutValue { formula }, Id) => format!(
                "sel berisi rumus ={formula} tanpa hasil tersimpan (berkas dibuat oleh skrip); buka dan simpan di Excel atau LibreOffice agar hasilnya tersimpan, atau tulis nilainya"
            ),
            (Self::FormulaWithoutValue { formula }, En) => format!(
                "the cell holds the formula ={formula} without a saved result (a file written by a script); open and save it in Excel or LibreOffice so the result is saved, or write the value"
            ),
            (Self::ImplausibleYear { value, min, max }, Id) => format!(
                "tahun pada tanggal \"{value}\" di luar {min}–{max}; tulis tanggal dengan tahun empat angka (YYYY-MM-DD atau DD/MM/YYYY)"
            ),
            (Self::ImplausibleYear { value, min, max }, En) => format!(
                "the year of date \"{value}\" is outside {min}–{max}; write the date with a four-digit year (YYYY-MM-DD or DD/MM/YYYY)"
            ),
            (Self::ShortYear { value, max }, Id) => format!(
                "tahun dua angka pada \"{value}\" bukan 2000–{max}; tulis tahun dengan empat angka (DD/MM/YYYY)"
            ),
            (Self::ShortYear { value, max }, En) => format!(
                "the two-digit year of \"{value}\" is not one of 2000–{max}; write the year with four digits (DD/MM/YYYY)"
            ),
            (Self::NoVisibleSheet { hidden }, Id) => format!(
                "semua lembar kerja tersembunyi ({hidden}); sebutkan lembar yang diimpor dengan --sheet NAMA"
            ),
            (Self::NoVisibleSheet { hidden }, En) => format!(
                "every worksheet is hidden ({hidden}); name the sheet to import with --sheet NAME"
            ),
            (Self::TuiTerminal { why }, Id) => format!("terminal tidak dapat dipakai: {why}"),
            (Self::TuiTerminal { why }, En) => format!("terminal: {why}"),
            (Self::TuiSignal { why }, Id) => format!("penangan sinyal tidak dapat dipasang: {why}"),
            (Self::TuiSignal { why }, En) => format!("signal: {why}"),
            (Self::TuiWorker { why }, Id) => {
                format!("thread pekerja tampilan tidak dapat dijalankan: {why}")
            }
            (Self::TuiWorker { why }, En) => format!("worker: {why}"),
            (Self::TuiWatchdog { why }, Id) => {
                format!("penjaga terminal tidak dapat dijalankan: {why}")
            }
            (Self::TuiWatchdog { why }, En) => format!("watchdog: {why}"),
            (Self::AsOfOutOfRange { day, first, last }, Id) => {
                format!("{day}: pantau menerima tanggal {first} sampai {last}")
            }
            (Self::AsOfOutOfRange { day, first, last }, En) => {
                format!("{day}: pantau takes dates from {first} to {last}")
            }
            (Self::AsOfFromView { date, term }, Id) => {
                format!("Tanggal tampilan sekarang {date} (dari {term})")
            }
            (Self::AsOfFromView { date, term }, En) => {
                format!("The as-of date is now {date} (from {term})")
            }
            (Self::NothingToGoBack, Id) => {
                "Esc: tidak ada rinci untuk dibatalkan".into()
            }
            (Self::NothingToGoBack, En) => {
                "Esc: no drill-down to undo".into()
            }
            (Self::PathBack { screen }, Id) => format!("kembali ke {screen}"),
            (Self::PathBack { screen }, En) => format!("back to {screen}"),
            (Self::AskClearBaseline { at }, Id) => format!("Hapus acuan {at}?"),
            (Self::AskClearBaseline { at }, En) => format!("Clear the baseline of {at}?"),
            (Self::AskReplaceBaseline { at }, Id) => {
                format!("Ganti acuan {at} dengan acuan sekarang?")
            }
            (Self::AskReplaceBaseline { at }, En) => {
                format!("Replace the baseline of {at} with one taken now?")
            }
            (Self::BaselineKept { at }, Id) => format!("Acuan {at} tetap"),
            (Self::BaselineKept { at }, En) => format!("The baseline of {at} is kept"),
            (Self::NoBaselineToClear { key }, Id) => {
                format!("Belum ada acuan untuk dihapus ({key} menetapkannya)")
            }
            (Self::NoBaselineToClear { key }, En) => {
                format!("No baseline to clear ({key} marks one)")
            }
            (Self::SavedViewsListed, Id) => "; tampilan tersimpan didaftar oleh v".into(),
            (Self::SavedViewsListed, En) => "; the saved views are listed by v".into(),
            (Self::ConfirmDeleteView { name }, Id) => {
                format!("Hapus tampilan @{name} dari berkas pengaturan?")
            }
            (Self::ConfirmDeleteView { name }, En) => {
                format!("Delete the view @{name} from the config file?")
            }
            (Self::ViewDeleted { name, file }, Id) => format!("Tampilan @{name} dihapus dari {file}"),
            (Self::ViewDeleted { name, file }, En) => format!("View @{name} deleted from {file}"),
            (Self::ViewRenamed { from, to, file }, Id) => {
                format!("Tampilan @{from} sekarang bernama @{to} di {file}")
            }
            (Self::ViewRenamed { from, to, file }, En) => {
                format!("View @{from} is now @{to} in {file}")
            }
            (Self::NoConfigFile, Id) => {
                "tidak ada berkas pengaturan (atur HOME atau XDG_CONFIG_HOME, atau pakai --config FILE)".into()
            }
            (Self::NoConfigFile, En) => {
                "no configuration file (set HOME or XDG_CONFIG_HOME, or use --config FILE)".into()
            }
            (Self::MethodTwice { code }, Id) => format!("metode kampanye {code} tertulis dua kali"),
            (Self::MethodTwice { code }, En) => format!("campaign method {code} is listed twice"),
            (Self::NoMethods, Id) => "tidak ada metode kampanye satu pun".into(),
            (Self::NoMethods, En) => "no campaign method is listed".into(),
            (Self::Pekan { number, days }, Id) => format!("Pekan ke-{number} ({days})"),
            (Self::Pekan { number, days }, En) => format!("Week {number} ({days})"),
            (Self::OutsideCampaignCases { count }, Id) => {
                format!("{count} kasus diterima di luar masa kampanye")
            }
            (Self::OutsideCampaignCases { count }, En) => {
                format!("{count} cases received outside the campaign")
            }
            (Self::OutsideCampaignCasesShort { count }, Id) => {
                format!("{count} kasus di luar masa kampanye")
            }
            (Self::OutsideCampaignCasesShort { count }, En) => {
                format!("{count} cases outside the campaign")
            }
            (Self::Cumulative, Id) => "Kumulatif".to_string(),
            (Self::Cumulative, En) => "Cumulative".to_string(),
            (Self::CumulativeSince { since }, Id) => format!("Kumulatif: {since}"),
            (Self::CumulativeSince { since }, En) => format!("Cumulative: {since}"),
            (Self::StagesOf { election }, Id) => format!("Tahapan {election}"),
            (Self::StagesOf { election }, En) => format!("{election} stages"),
            (Self::TimelineOf { election }, Id) => format!("Jadwal tahapan {election}"),
            (Self::TimelineOf { election }, En) => format!("{election} stages (tahapan)"),
            (Self::PekanThisWeek, Id) => "Pekan ini".to_string(),
            (Self::PekanThisWeek, En) => "This pekan".to_string(),
            (Self::PekanNotBegun { as_of }, Id) => format!("Belum dimulai per {as_of}"),
            (Self::PekanNotBegun { as_of }, En) => format!("Not begun as of {as_of}"),
            (Self::PekanRate, Id) => "Per 1.000 kegiatan".to_string(),
            (Self::PekanRate, En) => "Per 1,000 activities".to_string(),
            (Self::PekanNoCases, Id) => "Tidak ada kasus pada pekan ini".to_string(),
            (Self::PekanNoCases, En) => "No case this pekan".to_string(),
            (Self::PekanBusiest, Id) => "Pengawasan terbanyak".to_string(),
            (Self::PekanBusiest, En) => "Most activities supervised".to_string(),
            (Self::NoCampaignPekan, Id) => {
                "Data rujukan tidak memberi tanggal masa kampanye".to_string()
            }
            (Self::NoCampaignPekan, En) => {
                "The reference data gives the campaign no dates".to_string()
            }
            (Self::PekanShort { number }, Id) => format!("P{number}"),
            (Self::PekanShort { number }, En) => format!("W{number}"),
            (Self::OutsideCampaign, Id) => "Di luar masa kampanye".to_string(),
            (Self::OutsideCampaign, En) => "Outside the campaign".to_string(),
            (Self::PekanNumber { number }, Id) => format!("Pekan ke-{number}"),
            (Self::PekanNumber { number }, En) => format!("Week {number}"),
            (Self::SinceCampaignBegan { day }, Id) => format!("sejak {day}"),
            (Self::SinceCampaignBegan { day }, En) => format!("since {day}"),
            (Self::ExtendedLimit { days, unit }, Id) => format!("Diperpanjang ({days} {unit})"),
            (Self::ExtendedLimit { days, unit }, En) => format!("Extended ({days} {unit})"),
            (Self::NoHolidayList { year }, Id) => format!("tanpa daftar libur {year}"),
            (Self::NoHolidayList { year }, En) => format!("no holiday list for {year}"),
            (Self::DaysCalendar, Id) => "hari kalender".into(),
            (Self::DaysCalendar, En) => "calendar days".into(),
            (Self::DaysWorking, Id) => "hari kerja".into(),
            (Self::DaysWorking, En) => "working days".into(),
            (Self::SinceKnown, Id) => "sejak diketahui".into(),
            (Self::SinceKnown, En) => "since known".into(),
            (Self::SinceReceived, Id) => "sejak diterima".into(),
            (Self::SinceReceived, En) => "since received".into(),
            (Self::SinceRegistration, Id) => "sejak registrasi".into(),
            (Self::SinceRegistration, En) => "since registration".into(),
            (Self::SinceReviewEnded, Id) => "setelah kajian awal berakhir".into(),
            (Self::SinceReviewEnded, En) => "after the initial review ended".into(),
            (
                Self::Filing {
                    days,
                    known,
                    limit,
                    due,
                    unit,
                },
                Id,
            ) => format!(
                "diterima {days} {unit} setelah diketahui {known}; batas {limit} {unit} → {due}"
            ),
            (
                Self::Filing {
                    days,
                    known,
                    limit,
                    due,
                    unit,
                },
                En,
            ) => format!(
                "received {days} {unit} after known {known}; limit {limit} {unit} → {due}"
            ),
            (Self::ConfigRead { why }, Id) => format!("tidak dapat dibaca: {why}"),
            (Self::ConfigRead { why }, En) => format!("cannot be read: {why}"),
            (Self::ConfigSyntax { why }, Id) => format!("bukan TOML yang sah: {why}"),
            (Self::ConfigSyntax { why }, En) => format!("not valid TOML: {why}"),
            (Self::ConfigUnknownKey { known, suggestion }, Id) => {
                let near = suggestion
                    .map(|s| format!("maksudnya {s:?}? "))
                    .unwrap_or_default();
                format!("kunci tidak dikenal; {near}yang dikenal: {known}")
            }
            (Self::ConfigUnknownKey { known, suggestion }, En) => {
                let near = suggestion
                    .map(|s| format!("did you mean {s:?}? "))
                    .unwrap_or_default();
                format!("unknown key; {near}known keys: {known}")
            }
            (Self::ConfigExpected { expected, found }, Id) => {
                format!("diharapkan {}, bukan {found}", expected.text(Id))
            }
            (Self::ConfigExpected { expected, found }, En) => {
                format!("expected {}, found {found}", expected.text(En))
            }
            (Self::ConfigConflict { key, first, second }, Id) => format!(
                "tombol {key} terikat pada {first} dan juga {second}; beri salah satunya tombol lain"
            ),
            (Self::ConfigConflict { key, first, second }, En) => format!(
                "key {key} is bound to both {first} and {second}; give one of them another key"
            ),
            (Self::ConfigWayOut, Id) => {
                "perbaiki berkas itu, atau mulai dengan pengaturan bawaan saja: pantau --ignore-config".into()
            }
            (Self::ConfigWayOut, En) => {
                "correct the file, or start with the defaults only: pantau --ignore-config".into()
            }
            (Self::ConfigDefault, Id) => "bawaan".into(),
            (Self::ConfigDefault, En) => "default".into(),
            (Self::NewNeedsBaseline, Id) => "is:baru menghitung kasus yang tercatat sejak acuan \
                rapat, dan belum ada acuan: tetapkan dulu dengan b di layar interaktif (atau \
                --baseline WAKTU), atau hapus is:baru"
                .into(),
            (Self::NewNeedsBaseline, En) => "is:new counts the cases recorded since the meeting \
                baseline, and there is none: set one first with b in the interactive screen (or \
                --baseline TIME), or leave is:new out"
                .into(),
            (Self::DidYouMean { base, suggestion }, Id) => {
                format!("{base} — maksud Anda {suggestion}?")
            }
            (Self::DidYouMean { base, suggestion }, En) => {
                format!("{base} — did you mean {suggestion}?")
            }
            (Self::Province { short }, Id) => format!("Provinsi ({short})"),
            (Self::Province { short }, En) => format!("Province ({short})"),
            (Self::TilesHeader { want, found }, Id) => {
                format!("baris judul harus `{want}`, tertulis `{found}`")
            }
            (Self::TilesHeader { want, found }, En) => {
                format!("the header must be `{want}`, found `{found}`")
            }
            (Self::TilesFields { n }, Id) => {
                format!("perlu 5 kolom (kode_wilayah,baris,kolom,tinggi,lebar), ada {n}")
            }
            (Self::TilesFields { n }, En) => {
                format!("expected 5 fields (region,row,column,height,width), found {n}")
            }
            (
                Self::TilesNumber {
                    column,
                    value,
                    least,
                    max,
                },
                Id,
            ) => format!("kolom {column}: \"{value}\" bukan bilangan bulat {least}–{max}"),
            (
                Self::TilesNumber {
                    column,
                    value,
                    least,
                    max,
                },
                En,
            ) => format!("column {column}: \"{value}\" is not a whole number {least}–{max}"),
            (Self::TilesBeyond { max }, Id) => format!("petak melewati baris atau kolom {max}"),
            (Self::TilesBeyond { max }, En) => {
                format!("the tile reaches past row or column {max}")
            }
            (Self::TilesUnknown { code }, Id) => {
                format!("wilayah \"{code}\" tidak dikenal (pakai kode Kemendagri, mis. 64.71)")
            }
            (Self::TilesUnknown { code }, En) => {
                format!("unknown region \"{code}\" (use the Kemendagri code, e.g. 64.71)")
            }
            (Self::TilesTwice { code, first }, Id) => {
                format!("wilayah {code} muncul dua kali: di baris {first} dan di sini")
            }
            (Self::TilesTwice { code, first }, En) => {
                format!("region {code} appears twice: on line {first} and here")
            }
            (
                Self::TilesOverlap {
                    code,
                    other,
                    other_line,
                    row,
                    col,
                },
                Id,
            ) => format!(
                "petak {code} menimpa petak {other} (baris {other_line}) di baris {row}, kolom {col}"
            ),
            (
                Self::TilesOverlap {
                    code,
                    other,
                    other_line,
                    row,
                    col,
                },
                En,
            ) => format!(
                "tile {code} overlaps tile {other} (line {other_line}) at row {row}, column {col}"
            ),
            (Self::TilesMissing { code, name }, Id) => {
                format!("wilayah {code} ({name}) tidak punya petak; tambahkan satu baris untuknya")
            }
            (Self::TilesMissing { code, name }, En) => {
                format!("region {code} ({name}) has no tile; add a line for it")
            }
            (Self::ReferenceUnreadable { why }, Id) => {
                format!("baris tidak dapat dibaca: {why}")
            }
            (Self::ReferenceUnreadable { why }, En) => why.to_string(),
            (Self::RegionTwice { code, short }, Id) => {
                format!("wilayah {code} ({short}) muncul dua kali")
            }
            (Self::RegionTwice { code, short }, En) => {
                format!("region {code} ({short}) appears twice")
            }
            (Self::RegionKind { code }, Id) => {
                format!("wilayah {code}: jenisnya harus provinsi, kabupaten atau kota")
            }
            (Self::RegionKind { code }, En) => {
                format!("region {code}: kind must be provinsi, kabupaten or kota")
            }
            (Self::StageTwice { code }, Id) => format!("tahapan {code} muncul dua kali"),
            (Self::StageTwice { code }, En) => format!("stage {code} appears twice"),
            (Self::SchemaNoTrigger, Id) => {
                "internal: schema.sql tidak memuat trigger cases_fts_insert (kesalahan pantau); laporkan ke pengembang".into()
            }
            (Self::SchemaNoTrigger, En) => {
                "internal: schema.sql has no cases_fts_insert trigger (a bug in pantau); report it to pantau's maintainers".into()
            }
            (Self::StoredCodeUnknown { path, list, code }, Id) => format!(
                "{} menyimpan {} \"{code}\" yang tidak dikenal pantau ini. Lihat kerusakannya dengan \
                 `pantau check`, lalu pulihkan salinan terakhir dari `pantau backup`",
                path.display(),
                list.text(Id)
            ),
            (Self::StoredCodeUnknown { path, list, code }, En) => format!(
                "{} holds the {} \"{code}\", which this pantau does not know. See what is wrong with \
                 `pantau check`, then restore the last copy made with `pantau backup`",
                path.display(),
                list.text(En)
            ),
            (Self::TuiBaselineElsewhere, Id) => {
                "internal: permintaan acuan sampai ke mesin penghitung (kesalahan pantau); laporkan ke pengembang".into()
            }
            (Self::TuiBaselineElsewhere, En) => {
                "internal: a baseline request reached the engine (a bug in pantau); report it to pantau's maintainers".into()
            }
        }
    }
}

/// What a value of the configuration file should have been (`expected …, found …`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expected {
    /// `database`: a path.
    PathText,
    /// `letterhead.name`, `letterhead.address`: text, lines split by `\n`.
    LinesText,
    /// `[letterhead]`.
    LetterheadTable,
    /// `language`.
    Language,
    /// One of the names given (`theme`).
    OneOf { names: String },
    /// `refresh_ms`.
    RefreshMs,
    /// `deadline_days`.
    DeadlineDays,
    /// A boolean or `"auto"` (`ascii`).
    Bool,
    /// `[views]`.
    ViewsTable,
    /// `[keys.MODE]`.
    KeysTables,
    /// The name of a saved view.
    ViewName,
    /// A name no other saved view has (renaming one).
    UnusedViewName,
    /// The name of a saved view that exists (deleting or renaming one).
    SavedViewNamed,
    /// The spec of a saved view.
    ViewText,
    /// `[keys.MODE]`: one mode's table.
    KeysTable,
    /// The keys of a binding.
    KeyList,
    /// A command the mode has (`mode`), for a remap naming another mode's.
    ModeCommand { mode: String },
}

impl Expected {
    /// What was expected, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use Lang::{En, Id};
        match (self, lang) {
            (Self::PathText, Id) => "path sebagai teks".into(),
            (Self::PathText, En) => "a path as a string".into(),
            (Self::LinesText, Id) => "teks, baris dipisah dengan \\n, mis. \"baris 1\\nbaris 2\"".into(),
            (Self::LinesText, En) => "a string, lines split by \\n, e.g. \"line 1\\nline 2\"".into(),
            (Self::LetterheadTable, Id) => "tabel [letterhead] (name, address, logo)".into(),
            (Self::LetterheadTable, En) => "a table [letterhead] (name, address, logo)".into(),
            (Self::Language, Id) => "\"id\", \"en\" atau \"\"".into(),
            (Self::Language, En) => "\"id\", \"en\" or \"\"".into(),
            (Self::OneOf { names }, Id) => format!("salah satu dari {names}"),
            (Self::OneOf { names }, En) => format!("one of {names}"),
            (Self::RefreshMs, Id) => "bilangan bulat milidetik dari 50 sampai 500 (layar mengikuti database sedikitnya dua kali sedetik)".into(),
            (Self::RefreshMs, En) => "a whole number of milliseconds from 50 to 500 (the screen follows the database at least twice a second)".into(),
            (Self::DeadlineDays, Id) => "\"calendar\" atau \"working\"".into(),
            (Self::DeadlineDays, En) => "\"calendar\" or \"working\"".into(),
            (Self::Bool, Id) => "true, false atau \"auto\"".into(),
            (Self::Bool, En) => "true, false or \"auto\"".into(),
            (Self::ViewsTable, Id) => "tabel [views]".into(),
            (Self::ViewsTable, En) => "a table [views]".into(),
            (Self::KeysTables, Id) => "tabel [keys.MODE]".into(),
            (Self::KeysTables, En) => "tables [keys.MODE]".into(),
            (Self::ViewName, Id) => "nama dari huruf, angka, - dan _ (paling panjang 40)".into(),
            (Self::ViewName, En) => "a name of letters, digits, - and _ (at most 40)".into(),
            (Self::UnusedViewName, Id) => "nama yang belum dipakai tampilan lain".into(),
            (Self::UnusedViewName, En) => "a name no other view has".into(),
            (Self::SavedViewNamed, Id) => "tampilan tersimpan dengan nama ini".into(),
            (Self::SavedViewNamed, En) => "a saved view of this name".into(),
            (Self::ViewText, Id) => "tampilan sebagai teks, mis. \"stage:kampanye is:overdue\"".into(),
            (Self::ViewText, En) => "a view as a string, e.g. \"stage:kampanye is:overdue\"".into(),
            (Self::KeysTable, Id) => "tabel perintah = tombol".into(),
            (Self::KeysTable, En) => "a table of command = key".into(),
            (Self::KeyList, Id) => "tombol atau daftar tombol: \"o\", \"O\", \"ctrl-u\", \"alt-x\", \"F5\", \"Enter\", [\"j\", \"Down\"]".into(),
            (Self::KeyList, En) => "a key or a list of keys: \"o\", \"O\", \"ctrl-u\", \"alt-x\", \"F5\", \"Enter\", [\"j\", \"Down\"]".into(),
            (Self::ModeCommand { mode }, Id) => format!("perintah mode {mode}"),
            (Self::ModeCommand { mode }, En) => format!("a command of mode {mode}"),
        }
    }
}
