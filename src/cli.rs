//! The command line: global flags and one subcommand each (clap derive).
//! Parsing only; the work is in commands/.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::domain::DayCount;
use crate::engine::Dim;
use crate::i18n::Lang;
use crate::i18n::usage::{Refused, Usage};
use crate::import::Format;
use crate::tui::theme::ThemeName;

mod explain;
pub use explain::{explain, global_of_raw, is_mistake};

/// pantau — election-violation cases of a provincial Bawaslu (Kalimantan Timur unless set up for
/// another province, or for Bawaslu RI), live in the terminal.
///
/// Each subcommand takes only the flags that mean something to it (`pantau report --help` lists
/// them); given before the subcommand they work the same (`pantau --db F report`), and a flag
/// given there that the subcommand does not take is a usage error rather than silently nothing.
#[derive(Debug, Parser)]
#[command(name = "pantau", version, about, long_about = None)]
pub struct Cli {
    #[command(flatten)]
    pub common: Common,
    #[command(flatten)]
    pub writes: Writes,
    #[command(flatten)]
    pub limits: Limits,
    #[command(flatten)]
    pub look: Look,
    #[command(flatten)]
    pub tui: TuiArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Flags of the interactive screen (`pantau` without a subcommand, and `present`); not given to
/// other subcommands, so they do not clash with the `--view` and `--as-of` of `report` and
/// `export`.
#[derive(Debug, Args, Clone, Default)]
pub struct TuiArgs {
    /// Open the interactive screen with this view (the filter language; `/` edits it there). A
    /// view may start with `-`: `--view -minyak` and `--view=-region:64` both work.
    #[arg(long = "view", value_name = "SPEC", allow_hyphen_values = true)]
    pub view: Option<String>,
    /// Open the interactive screen as of this date (YYYY-MM-DD, DD/MM/YYYY, today or -7d);
    /// `[` and `]` move it there.
    #[arg(long = "as-of", value_name = "DATE", allow_hyphen_values = true)]
    pub as_of: Option<String>,
    /// Show every count's change since this time (YYYY-MM-DD HH:MM, or HH:MM today), as `b` does
    /// now; kept per database until `B` clears it.
    #[arg(long, value_name = "DATE-TIME")]
    pub baseline: Option<String>,
}

impl TuiArgs {
    /// Whether any flag of the interactive screen was given.
    pub fn any(&self) -> bool {
        self.view.is_some() || self.as_of.is_some() || self.baseline.is_some()
    }

    /// These flags, each taken from `fallback` where not given here.
    pub fn or(&self, fallback: &TuiArgs) -> TuiArgs {
        TuiArgs {
            view: self.view.clone().or_else(|| fallback.view.clone()),
            as_of: self.as_of.clone().or_else(|| fallback.as_of.clone()),
            baseline: self.baseline.clone().or_else(|| fallback.baseline.clone()),
        }
    }
}

/// `pantau present`.
#[derive(Debug, Args)]
pub struct PresentArgs {
    #[command(flatten)]
    pub tui: TuiArgs,
    /// Turn to the next page every D (20s, 1m) while no key is pressed.
    #[arg(long, value_name = "D", value_parser = parse_duration)]
    pub cycle: Option<std::time::Duration>,
    #[command(flatten)]
    pub common: Common,
    #[command(flatten)]
    pub writes: Writes,
    #[command(flatten)]
    pub limits: Limits,
    #[command(flatten)]
    pub look: Look,
}

/// Flags of every command that reads the database or the configuration.
#[derive(Debug, Args, Clone, Default)]
pub struct Common {
    /// Database file [default: $PANTAU_DB, else the configuration's database, else
    /// ~/.local/share/pantau/pantau.db].
    #[arg(long, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Use the demo database in the data folder (~/.local/share/pantau/demo.db), creating it if
    /// missing; takes precedence over --db and PANTAU_DB.
    #[arg(long)]
    pub demo: bool,
    /// Language of everything printed [default: the configuration's language, else from LANG:
    /// id when it starts with "id", else en].
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// The configuration file [default: ~/.config/pantau/config.toml].
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Start with the default configuration only, whatever the file says.
    #[arg(long)]
    pub ignore_config: bool,
}

impl Common {
    /// The flags given, as typed.
    fn given(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        for (set, name) in [
            (self.db.is_some(), "--db"),
            (self.demo, "--demo"),
            (self.lang.is_some(), "--lang"),
            (self.config.is_some(), "--config"),
            (self.ignore_config, "--ignore-config"),
        ] {
            if set {
                out.push(name);
            }
        }
        out
    }
}

/// The flag of the commands that open the database and could write to it (all but `doctor` and
/// `config`, which never do).
#[derive(Debug, Args, Clone, Default)]
pub struct Writes {
    /// Never write to the database.
    #[arg(long)]
    pub read_only: bool,
}

/// The flag of the commands that judge deadlines (the screen, `report`, `export`, `config`).
#[derive(Debug, Args, Clone, Default)]
pub struct Limits {
    /// How the clocks before a decision count their days (a lead's 7, the kajian awal's 2, the
    /// reporter's 2); each election's filing and decision limits count as its election.toml says
    /// [default: $PANTAU_DEADLINE_DAYS, else the configuration's deadline_days, else calendar].
    #[arg(long, value_enum)]
    pub deadline_days: Option<DayCount>,
}

/// How the screen looks: flags of the interactive screen, `present`, and of `doctor` and
/// `config`, which say what was chosen.
#[derive(Debug, Args, Clone, Default)]
pub struct Look {
    /// The colours [default: mono when NO_COLOR is set, else the configuration's theme, else dark,
    /// or mono on a terminal that declares no colour].
    #[arg(long, value_enum)]
    pub theme: Option<ThemeName>,
    /// Draw box lines, blocks and arrows with ASCII characters [default: when the locale is not
    /// UTF-8 or TERM is a vt100].
    #[arg(long)]
    pub ascii: bool,
}

/// The flags in force for a command, from before and after its name (after wins), as the
/// commands read them. `PANTAU_DB` and `PANTAU_DEADLINE_DAYS` are read with the configuration
/// (`commands::Context`), below the flags.
#[derive(Debug, Clone, Default)]
pub struct Global {
    pub db: Option<PathBuf>,
    pub demo: bool,
    pub lang: Option<Lang>,
    pub read_only: bool,
    pub deadline_days: Option<DayCount>,
    pub config: Option<PathBuf>,
    pub ignore_config: bool,
    pub theme: Option<ThemeName>,
    pub ascii: bool,
}

/// The groups of flags a subcommand takes (`None` for a group it does not take).
#[derive(Default)]
struct Own<'a> {
    common: Option<&'a Common>,
    writes: Option<&'a Writes>,
    limits: Option<&'a Limits>,
    look: Option<&'a Look>,
}

impl Cli {
    /// The groups of flags the subcommand takes.
    fn own(&self) -> Own<'_> {
        let data = |common, writes| Own {
            common: Some(common),
            writes: Some(writes),
            ..Own::default()
        };
        let Some(command) = &self.command else {
            return Own {
                common: Some(&self.common),
                writes: Some(&self.writes),
                limits: Some(&self.limits),
                look: Some(&self.look),
            };
        };
        match command {
            Command::Init(a) => data(&a.common, &a.writes),
            Command::Demo(a) => data(&a.common, &a.writes),
            Command::Report(a) => Own {
                limits: Some(&a.limits),
                ..data(&a.common, &a.writes)
            },
            Command::Export(a) => Own {
                limits: Some(&a.limits),
                ..data(&a.common, &a.writes)
            },
            Command::Rekap(a) => data(&a.common, &a.writes),
            Command::Batches(a) => data(&a.common, &a.writes),
            Command::Check(a) => data(&a.common, &a.writes),
            Command::Import(a) => data(&a.common, &a.writes),
            Command::Kegiatan(a) => match &a.action {
                Some(KegiatanAction::Import(i)) => data(&i.common, &i.writes),
                Some(KegiatanAction::Export(e)) => data(&e.common, &e.writes),
                None => data(&a.common, &a.writes),
            },
            Command::Simulate(a) => data(&a.common, &a.writes),
            Command::Limpah(a) => data(&a.common, &a.writes),
            Command::Present(a) => Own {
                limits: Some(&a.limits),
                look: Some(&a.look),
                ..data(&a.common, &a.writes)
            },
            Command::Backup(a) => data(&a.common, &a.writes),
            Command::Config(a) => Own {
                common: Some(&a.common),
                limits: Some(&a.limits),
                look: Some(&a.look),
                writes: None,
            },
            Command::Doctor(a) => Own {
                common: Some(&a.common),
                look: Some(&a.look),
                ..Own::default()
            },
            Command::Completions(_) | Command::Man(_) => Own::default(),
        }
    }

    /// The flags in force: each as given after the subcommand's name, else before it.
    pub fn global(&self) -> Global {
        let own = self.own();
        let top = &self.common;
        let c = own.common.unwrap_or(top);
        let days = own.limits.and_then(|l| l.deadline_days);
        let theme = own.look.and_then(|l| l.theme);
        Global {
            db: c.db.clone().or_else(|| top.db.clone()),
            demo: c.demo || top.demo,
            lang: c.lang.or(top.lang),
            read_only: own.writes.is_some_and(|w| w.read_only) || self.writes.read_only,
            deadline_days: days.or(self.limits.deadline_days),
            config: c.config.clone().or_else(|| top.config.clone()),
            ignore_config: c.ignore_config || top.ignore_config,
            theme: theme.or(self.look.theme),
            ascii: own.look.is_some_and(|l| l.ascii) || self.look.ascii,
        }
    }

    /// The flags given before the subcommand's name that it does not take (they would do
    /// nothing there), and the subcommand's name; `None` when there are none.
    pub fn misplaced(&self) -> Option<(Vec<&'static str>, &'static str)> {
        let name = self.command.as_ref()?.name();
        let own = self.own();
        let mut given = Vec::new();
        if own.common.is_none() {
            given.extend(self.common.given());
        }
        for (taken, set, flag) in [
            (own.writes.is_some(), self.writes.read_only, "--read-only"),
            (
                own.limits.is_some(),
                self.limits.deadline_days.is_some(),
                "--deadline-days",
            ),
            (own.look.is_some(), self.look.theme.is_some(), "--theme"),
            (own.look.is_some(), self.look.ascii, "--ascii"),
        ] {
            if set && !taken {
                given.push(flag);
            }
        }
        (!given.is_empty()).then_some((given, name))
    }
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create the database with its schema and reference data (running it again changes nothing).
    Init(Deferred<InitArgs>),
    /// Write the demo database: Pemilu 2024 and Pilkada 2024 in Kalimantan Timur, or N synthetic
    /// cases of any province (--province) or of every one (--nasional).
    Demo(Deferred<DemoArgs>),
    /// Count cases by one or two dimensions.
    Report(Deferred<ReportArgs>),
    /// Write every field of every case of a view.
    Export(Deferred<ExportArgs>),
    /// Write the office's weekly release of the campaign for one pekan: activities supervised,
    /// cases received, and what each office handled that pekan.
    Rekap(Deferred<RekapArgs>),
    /// List the recorded import batches: when, by whom, from which file, what each loaded
    /// (cases or campaign activities) and how many rows were new, changed, unchanged, rejected.
    Batches(Deferred<BatchesArgs>),
    /// Import cases from CSV, JSON, JSON Lines or XLSX files: every row checked, all or nothing.
    ///
    /// Each row belongs to an election, told by its `pemilihan` column (also `election`,
    /// `kode_pemilihan`: a code or name, PILKADA2024 or "Pilkada 2024"), else by `--election`,
    /// else by its case number when it carries PL or PB and the year of exactly one election
    /// (006/TM/PL/Kab/27.09/IV/2024 is Pemilu 2024's). A database of one election needs none of
    /// them; otherwise a row whose election cannot be told is refused. Its `kode_tahapan` is a
    /// stage of that election, and `kontestasi` (also `contest`, optional) one of its races, by
    /// code or name (GUBERNUR).
    Import(Deferred<ImportArgs>),
    /// Campaign activities supervised per region and pekan: load the office's weekly figures
    /// (`kegiatan import`), see what is loaded and what corrections replaced, export them.
    Kegiatan(KegiatanArgs),
    /// Write plausible new cases and status changes as time passes, for rehearsals and tests.
    Simulate(Deferred<SimulateArgs>),
    /// Record that a case was transferred to another office (dilimpahkan) or taken over by a
    /// higher one (diambil alih) on a date; without --ke, show who handled it when.
    #[command(visible_alias = "transfer")]
    Limpah(Deferred<LimpahArgs>),
    /// The interactive screen for a projector: no chrome, big figures, high contrast, navigation
    /// only; with --cycle it turns through dashboard, campaign, map and stages.
    Present(Deferred<PresentArgs>),
    /// Copy the database consistently while others read and write it (SQLite's online backup).
    Backup(Deferred<BackupArgs>),
    /// Check the database: integrity, foreign keys, schema, full-text index, status history.
    Check(Deferred<Plain>),
    /// Show the configuration in force and where each value came from, or the bindable commands.
    Config(Deferred<ConfigArgs>),
    /// Check the database, the terminal, the configuration and the locale, each with its fix.
    Doctor(Deferred<DoctorArgs>),
    /// Print the completion script of a shell (bash, zsh, fish, elvish, powershell).
    Completions(Deferred<CompletionsArgs>),
    /// Print a manual page (roff) made from this command line: `pantau man | man -l -`.
    #[command(hide = true)]
    Man(Deferred<ManArgs>),
}

/// A subcommand's flags, added to the command line only when that subcommand is the one typed
/// (clap's `Command::defer`): every start built the flags of all seventeen subcommands, 0.8 M of
/// the 12.6 M instructions of a report on 1,000 cases. Help, completions and manual pages build
/// the whole tree first, so they see every flag. Not for a subcommand with subcommands of its own
/// (`kegiatan`, whose own subcommands' flags are deferred): clap's `help` subcommand copies those
/// when the command line is built.
#[derive(Debug)]
pub struct Deferred<T>(pub T);

impl<T> std::ops::Deref for Deferred<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: Args> Args for Deferred<T> {
    fn group_id() -> Option<clap::Id> {
        T::group_id()
    }
    fn augment_args(cmd: clap::Command) -> clap::Command {
        cmd.defer(|cmd| keeping_about(cmd, T::augment_args))
    }
    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        cmd.defer(|cmd| keeping_about(cmd, T::augment_args_for_update))
    }
}

/// `augment(cmd)` with `cmd`'s own description kept: the subcommand's (its variant's doc
/// comment) is set before the deferred flags are added, and outranks their struct's as it does
/// when clap adds them at once.
fn keeping_about(cmd: clap::Command, augment: fn(clap::Command) -> clap::Command) -> clap::Command {
    use clap::builder::Resettable;
    let about = cmd
        .get_about()
        .cloned()
        .map_or(Resettable::Reset, Resettable::Value);
    let long_about = (cmd.get_long_about().cloned()).map_or(Resettable::Reset, Resettable::Value);
    augment(cmd).about(about).long_about(long_about)
}

impl<T: clap::FromArgMatches> clap::FromArgMatches for Deferred<T> {
    fn from_arg_matches(matches: &clap::ArgMatches) -> Result<Self, clap::Error> {
        T::from_arg_matches(matches).map(Deferred)
    }
    fn from_arg_matches_mut(matches: &mut clap::ArgMatches) -> Result<Self, clap::Error> {
        T::from_arg_matches_mut(matches).map(Deferred)
    }
    fn update_from_arg_matches(&mut self, matches: &clap::ArgMatches) -> Result<(), clap::Error> {
        self.0.update_from_arg_matches(matches)
    }
    fn update_from_arg_matches_mut(
        &mut self,
        matches: &mut clap::ArgMatches,
    ) -> Result<(), clap::Error> {
        self.0.update_from_arg_matches_mut(matches)
    }
}

impl Command {
    /// The subcommand's name as typed.
    pub fn name(&self) -> &'static str {
        match self {
            Command::Init(_) => "init",
            Command::Demo(_) => "demo",
            Command::Report(_) => "report",
            Command::Export(_) => "export",
            Command::Rekap(_) => "rekap",
            Command::Batches(_) => "batches",
            Command::Import(_) => "import",
            Command::Kegiatan(_) => "kegiatan",
            Command::Simulate(_) => "simulate",
            Command::Limpah(_) => "limpah",
            Command::Present(_) => "present",
            Command::Backup(_) => "backup",
            Command::Check(_) => "check",
            Command::Config(_) => "config",
            Command::Doctor(_) => "doctor",
            Command::Completions(_) => "completions",
            Command::Man(_) => "man",
        }
    }
}

/// `pantau check`: the common flags only.
#[derive(Debug, Args)]
pub struct Plain {
    #[command(flatten)]
    pub common: Common,
    #[command(flatten)]
    pub writes: Writes,
}

/// `pantau batches`.
#[derive(Debug, Args)]
pub struct BatchesArgs {
    /// One line per batch, or JSON.
    #[arg(long, value_enum, default_value = "table")]
    pub format: KegiatanFormat,
    #[command(flatten)]
    pub common: Common,
    #[command(flatten)]
    pub writes: Writes,
}

/// `pantau completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell: bash (`pantau completions bash > /etc/bash_completion.d/pantau`), zsh, fish,
    /// elvish or powershell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// `pantau man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// The page of this subcommand (`pantau man import` is pantau-import(1)); without it, pantau(1).
    pub subcommand: Option<String>,
    /// List the subcommands that have a page, one a line.
    #[arg(long, conflicts_with = "subcommand")]
    pub list: bool,
}

/// `pantau config`.
#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Print the configuration in force as TOML, each value followed by where it came from
    /// (what `pantau config` does without a flag).
    #[arg(long)]
    pub print: bool,
    /// List every mode, command and its keys, as `[keys.MODE] COMMAND = "KEY"` rebinds them.
    #[arg(long, conflicts_with = "print")]
    pub commands: bool,
    #[command(flatten)]
    pub common: Common,
    #[command(flatten)]
    pub limits: Limits,
    #[command(flatten)]
    pub look: Look,
}

/// `pantau doctor`.
#[derive(Debug, Args)]
pub struct DoctorArgs {
    /// Show each key press as pantau receives it (Esc, F-keys, arrows…) until q is pressed.
    #[arg(long)]
    pub keys: bool,
    #[command(flatten)]
    pub common: Common,
    #[command(flatten)]
    pub look: Look,
}

/// `pantau backup`.
#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The copy to write; it appears only when complete and checked.
    #[arg(value_name = "DEST")]
    pub dest: PathBuf,
    /// Replace DEST if it is an earlier pantau copy (never a file that is not a pantau database).
    #[arg(long)]
    pub force: bool,
    /// Permissions of the copy (octal, e.g. 640 to let the group read it).
    #[arg(long, value_name = "OCTAL", default_value = "600", value_parser = crate::fs_safe::parse_mode)]
    pub mode: u32,
    #[command(flatten)]
    pub common: Common,
    #[command(flatten)]
    pub writes: Writes,
}

/// `pantau init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Read regions.csv, holidays.csv and the elections of elections/ (or an older folder's
    /// stages.csv) from this folder instead of the built-in copies.
    #[arg(long, value_name = "DIR")]
    pub reference: Option<PathBuf>,
    /// Load one election from its folder (election.toml, stages.csv, campaign_methods.csv,
    /// contests.csv; see docs/elections.md): added, or corrected where the database holds it.
    /// Repeat it for several; all are loaded in one transaction, and the rest of the reference
    /// data is left as it is (unless --reference is given too).
    #[arg(long = "election", value_name = "DIR")]
    pub elections: Vec<PathBuf>,
    /// Set a new database up for this province instead of Kalimantan Timur: its Kemendagri code
    /// (32), name ("Jawa Barat") or short name (jabar), with its kabupaten/kota, kecamatan and
    /// kelurahan/desa. `--province list` prints the 38 provinces.
    #[arg(long, value_name = "PROVINCE", conflicts_with_all = ["nasional", "reference"])]
    pub province: Option<String>,
    /// Set a new database up for Bawaslu RI: the 38 provinces, 514 kabupaten/kota and every
    /// kecamatan and kelurahan/desa (the national roll-up of the provinces' exports).
    #[arg(long, visible_alias = "national", conflicts_with = "reference")]
    pub nasional: bool,
    #[command(flatten)]
    pub common: Common,
    #[command(flatten)]
    pub writes: Writes,
}

/// `pantau demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Seed of the generator: the same seed always writes the same cases.
    #[arg(long, default_value_t = 2024)]
    pub seed: u64,
    /// Write N synthetic cases with national shares instead of the Kaltim story (for scale tests).
    #[arg(long, value_name = "N", value_parser = parse_records)]
    pub records: Option<usize>,
    /// With --records: a database of this province (code, name or short name, as `init
    /// --province`) and its cases spread over its kabupaten/kota, kecamatan and kelurahan/desa.
    #[arg(
        long,
        value_name = "PROVINCE",
        requires = "records",
        conflicts_with = "nasional"
    )]
    pub province: Option<String>,
    /// With --records: a national database, the cases spread over every province.
    #[arg(long, visible_alias = "national", requires = "records")]
    pub nasional: bool,
    /// Replace an existing database (its data is lost).
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub common: Common,
    #[command(flatten)]
    pub writes: Writes,
}

/// Output formats of `report`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Table,
    Csv,
    Json,
    Md,
    /// An Excel workbook: a sheet per table and one saying where it came from (with -o FILE).
    Xlsx,
    /// The report's chart as a PNG picture, 1080 pixels wide (with -o FILE).
    Png,
    /// The report's chart as an SVG drawing (with -o FILE).
    Svg,
    /// The printed report: an A4 PDF with the letterhead, headline figures, tables and charts
    /// (with -o FILE).
    Pdf,
}

impl ReportFormat {
    /// Whether the format is bytes a terminal does not show: written with -o or through a pipe.
    pub fn is_binary(self) -> bool {
        matches!(self, Self::Xlsx | Self::Png | Self::Pdf)
    }
}

/// Which chart a picture of a report by region draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ChartChoice {
    /// A bar per group: places and types largest first, stages, statuses and weeks in order;
    /// stacked for a cross-tab, the pekan and the recap.
    Bars,
    /// Kalimantan Timur's kab/kota shaded by count (a report by region of Kaltim).
    Map,
}

/// `pantau report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The view to count (the filter language; see README). A view may start with `-`:
    /// `--view -minyak` and `--view=-region:64` both work.
    #[arg(long, default_value = "", allow_hyphen_values = true)]
    pub view: String,
    /// One dimension, or two separated by a comma for a cross-tab. Types are counted two ways,
    /// each named in the heading: `type` the suspected types of all cases (as Bawaslu Kaltim's
    /// year-end release), `violation` the types among violations only (as Bawaslu RI).
    #[arg(long, value_enum, value_delimiter = ',', num_args = 1..=2, default_value = "region")]
    pub by: Vec<Dim>,
    /// Bawaslu RI's recap instead: per region, received (temuan, laporan), registered / not
    /// registered / not yet registered, among registered violation / not a violation / in
    /// process / stopped, laporan filed late, and the types among violations.
    #[arg(long, conflicts_with = "by")]
    pub recap: bool,
    /// Count cases received on or before this date, each with the status it had then
    /// (YYYY-MM-DD, DD/MM/YYYY, today or -7d) [default: the view's per:, else today]. The
    /// view's relative dates (from:-7d, to:today) count from it.
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub as_of: Option<String>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: ReportFormat,
    /// The chart of `--format png` or `svg`: bars, or the map of Kaltim for a report by region.
    #[arg(long, value_enum, default_value = "bars")]
    pub chart: ChartChoice,
    /// Write to this file instead of standard output (`-`); a workbook, PNG or PDF is never
    /// shown on a terminal.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Permissions of the file written with -o (octal, e.g. 640 to let the group read it).
    #[arg(long, value_name = "OCTAL", default_value = "600", value_parser = crate::fs_safe::parse_mode)]
    pub mode: u32,
    #[command(flatten)]
    pub common: Common,
    #[command(flatten)]
    pub writes: Writes,
    #[command(flatten)]
    pub limits: Limits,
}

/// Output formats of `export`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Csv,
    Json,
    Jsonl,
    /// An Excel workbook of the CSV's columns, which `pantau import` reads back (with -o FILE).
    Xlsx,
}

/// `pantau export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The view to export (the filter language; see README). A view may start with `-`:
    /// `--view -minyak` and `--view=-region:64` both work.
    #[arg(long, default_value = "", allow_hyphen_values = true)]
    pub view: String,
    #[arg(long, value_enum, default_value = "csv")]
    pub format: ExportFormat,
    /// Write to this file (and its provenance beside it) instead of standard output (`-`).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Export cases received on or before this date, each with the status it had then
    /// (YYYY-MM-DD, DD/MM/YYYY, today or -7d) [default: the view's per:, else today]. The
    /// view's relative dates (from:-7d, to:today) count from it.
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub as_of: Option<String>,
    /// Permissions of the file and its provenance (octal, e.g. 640 to let the group read them).
    #[arg(long, value_name = "OCTAL", default_value = "600", value_parser = crate::fs_safe::parse_mode)]
    pub mode: u32,
    #[command(flatten)]
    pub common: Common,
    #[command(flatten)]
    pub writes: Writes,
    #[command(flatten)]
    pub limits: Limits,
}

/// Output formats of `rekap`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RekapFormat {
    /// For the terminal.
    Text,
    /// Markdown, to paste into a report.
    Md,
    /// One JSON object, for other tools and checks.
    Json,
}

/// `pantau rekap`.
#[derive(Debug, Args)]
pub struct RekapArgs {
    /// The pekan of the campaign of the election in view (the one the view names, else the one
    /// whose period holds --as-of or the view's per:, else today's), counted from its first day
    /// (Pemilu 2024: 1 to 10; Pilkada 2024: 1 to 8).
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub pekan: u32,
    /// Narrow the release to a view (the filter language; see README): `wilayah:balikpapan`.
    /// Words are joined; a view starting with `-` goes after `--`, or in --view.
    #[arg(value_name = "VIEW")]
    pub words: Vec<String>,
    /// The view, as `report --view` takes it (joined with VIEW if both are given).
    #[arg(long, default_value = "", allow_hyphen_values = true)]
    pub view: String,
    /// Count each case with the status it had on this date (YYYY-MM-DD, DD/MM/YYYY, today or
    /// -7d) [default: the view's per:, else the pekan's last day, or today while it runs].
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub as_of: Option<String>,
    #[arg(long, value_enum, default_value = "text")]
    pub format: RekapFormat,
    #[command(flatten)]
    pub common: Common,
    #[command(flatten)]
    pub writes: Writes,
}

impl RekapArgs {
    /// The view as typed: `--view` and the words after the flags, joined by spaces.
    pub fn spec(&self) -> String {
        std::iter::once(self.view.as_str())
            .chain(self.words.iter().map(String::as_str))
            .filter(|s| !s.trim().is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

impl ReportArgs {
    /// What `pantau` prints without a subcommand: the region table of all cases today.
    pub fn dashboard() -> ReportArgs {
        ReportArgs {
            view: String::new(),
            by: vec![Dim::Region],
            recap: false,
            as_of: None,
            format: ReportFormat::Table,
            chart: ChartChoice::Bars,
            output: None,
            mode: 0o600,
            common: Common::default(),
            writes: Writes::default(),
            limits: Limits::default(),
        }
    }
}

/// `pantau import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Files to import (`-` reads standard input); one bad row in any of them and none is written.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<String>,
    #[command(flatten)]
    pub read: ReadArgs,
    /// Write the valid rows and copy the rejected ones, with their reasons, to FILE.rejected.csv
    /// (.rejected.jsonl for JSON) beside the input.
    #[arg(long)]
    pub skip_invalid: bool,
    /// The province every file comes from (code, name or short name; RI for Bawaslu RI's own),
    /// recorded with its batch; a row of an office elsewhere refuses the file [default: worked
    /// out from the offices of the rows written].
    #[arg(long, value_name = "PROVINCE")]
    pub origin: Option<String>,
    /// Permissions of the file of rejected rows (octal, e.g. 640 to let the group read it).
    #[arg(long, value_name = "OCTAL", default_value = "600", value_parser = crate::fs_safe::parse_mode)]
    pub mode: u32,
    #[command(flatten)]
    pub common: Common,
    #[command(flatten)]
    pub writes: Writes,
}

/// How an import reads its file and waits for the database: the same for cases and activities.
#[derive(Debug, Args)]
pub struct ReadArgs {
    /// The format of every file [default: from each file's extension].
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// The sheet of an xlsx workbook to read [default: the first visible one].
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Skip columns pantau does not know (a column of remarks, say) instead of refusing the file.
    #[arg(long)]
    pub ignore_unknown: bool,
    /// Check everything and say what would change, but write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// How long to wait for another writer to finish, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 60, value_parser = parse_wait)]
    pub wait: u64,
    /// The election of the rows that do not name theirs, by code or name (PILKADA2024,
    /// "Pilkada 2024"); a row's own `pemilihan` column comes first.
    #[arg(long, value_name = "CODE|NAME")]
    pub election: Option<String>,
}

/// `pantau kegiatan`: the activities loaded, by pekan and region.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct KegiatanArgs {
    #[command(subcommand)]
    pub action: Option<KegiatanAction>,
    /// Show the figures corrections replaced, with the batches that loaded and replaced them.
    #[arg(long)]
    pub history: bool,
    /// A table by pekan and region, or JSON.
    #[arg(long, value_enum, default_value = "table")]
    pub format: KegiatanFormat,
    /// The election whose activities to show, by code or name (PEMILU2024, "Pilkada 2024")
    /// [default: the election in view today: the one whose period holds today, else the latest].
    #[arg(long, value_name = "CODE|NAME")]
    pub election: Option<String>,
    #[command(flatten)]
    pub common: Common,
    #[command(flatten)]
    pub writes: Writes,
}

/// How `pantau kegiatan` shows the activities loaded, and `pantau batches` the batches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum KegiatanFormat {
    Table,
    Json,
}

/// What `pantau kegiatan` does besides showing.
#[derive(Debug, Subcommand)]
pub enum KegiatanAction {
    /// Load the office's weekly figures from a CSV, JSON or XLSX file: one row per region,
    /// pekan, method, contestant kind and (optionally) party; all or nothing. A region's pekan in
    /// the file replaces that region's pekan whole; replaced figures are kept in the history.
    /// Each row is of an election: its `pemilihan` column, else --election, else the database's
    /// only one; its pekan and method are that election's.
    Import(Deferred<KegiatanImportArgs>),
    /// Write every figure loaded as CSV (which `kegiatan import` reads back) or JSON.
    Export(Deferred<KegiatanExportArgs>),
}

/// `pantau kegiatan import`.
#[derive(Debug, Args)]
pub struct KegiatanImportArgs {
    /// The file to load (`-` reads standard input).
    #[arg(value_name = "FILE")]
    pub file: String,
    #[command(flatten)]
    pub read: ReadArgs,
    #[command(flatten)]
    pub common: Common,
    #[command(flatten)]
    pub writes: Writes,
}

/// Output formats of `kegiatan export`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum KegiatanExportFormat {
    Csv,
    Json,
}

/// `pantau kegiatan export`.
#[derive(Debug, Args)]
pub struct KegiatanExportArgs {
    #[arg(long, value_enum, default_value = "csv")]
    pub format: KegiatanExportFormat,
    /// Write to this file instead of standard output (`-`).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Permissions of the file (octal, e.g. 640 to let the group read it).
    #[arg(long, value_name = "OCTAL", default_value = "600", value_parser = crate::fs_safe::parse_mode)]
    pub mode: u32,
    /// The election whose activities to write, by code or name [default: the election in view
    /// today]; each row names it in its `pemilihan` column.
    #[arg(long, value_name = "CODE|NAME")]
    pub election: Option<String>,
    #[command(flatten)]
    pub common: Common,
    #[command(flatten)]
    pub writes: Writes,
}

/// `pantau simulate`.
#[derive(Debug, Args)]
pub struct SimulateArgs {
    /// Events per minute (new cases and status changes).
    #[arg(long, value_name = "R", default_value = "4", value_parser = parse_rate)]
    pub rate: f64,
    /// Stop after this long: 30s, 10m, 1h, 1h30m [default: until Ctrl-C].
    #[arg(long, value_name = "D", value_parser = parse_duration)]
    pub duration: Option<std::time::Duration>,
    /// Seed of the generator: the same seed on the same database makes the same events.
    #[arg(long)]
    pub seed: Option<u64>,
    /// Run even on a database holding imported cases (a rehearsal copy of the real one).
    #[arg(long)]
    pub force: bool,
    /// The election whose cases to write, by code or name (PILKADA2024, "Pilkada 2024")
    /// [default: the election in view today: the one whose period holds today, else the latest].
    #[arg(long, value_name = "ELECTION")]
    pub election: Option<String>,
    /// How long to wait for another writer before each event, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 60, value_parser = parse_wait)]
    pub wait: u64,
    #[command(flatten)]
    pub common: Common,
    #[command(flatten)]
    pub writes: Writes,
}

/// `pantau limpah` (`pantau transfer`).
#[derive(Debug, Args)]
pub struct LimpahArgs {
    /// The case's intake number (nomor penerimaan), as the case list shows it.
    #[arg(value_name = "NOMOR")]
    pub nomor: String,
    /// The office taking the case, by code, short name or name: a kabupaten/kota ("Samarinda",
    /// 64.72), the province ("Kaltim", 64) or a Panwaslu Kecamatan ("Samarinda Ulu", 64.72.03).
    /// Without it, the case's chain of offices is shown.
    #[arg(
        long = "ke",
        visible_alias = "to",
        value_name = "OFFICE",
        requires = "tanggal"
    )]
    pub ke: Option<String>,
    /// The day the transfer took effect (YYYY-MM-DD, DD/MM/YYYY or today): not before the case
    /// was received, nor before its last transfer, nor after today.
    #[arg(
        long = "tanggal",
        visible_alias = "date",
        value_name = "DATE",
        requires = "ke"
    )]
    pub tanggal: Option<String>,
    /// A take-over (diambil alih) by an office above the one handling the case, instead of a
    /// transfer (dilimpahkan).
    #[arg(long = "ambil-alih", visible_alias = "take-over", requires = "ke")]
    pub ambil_alih: bool,
    /// The number of the letter that ordered it.
    #[arg(
        long = "surat",
        visible_alias = "letter",
        value_name = "NO",
        requires = "ke"
    )]
    pub surat: Option<String>,
    /// A note kept with the entry.
    #[arg(
        long = "catatan",
        visible_alias = "note",
        value_name = "TEXT",
        requires = "ke"
    )]
    pub catatan: Option<String>,
    /// Check everything and say what would be recorded, but write nothing.
    #[arg(long, requires = "ke")]
    pub dry_run: bool,
    /// How long to wait for another writer to finish, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 60, value_parser = parse_wait)]
    pub wait: u64,
    #[command(flatten)]
    pub common: Common,
    #[command(flatten)]
    pub writes: Writes,
}

/// The most cases `demo --records` writes: ten times the largest benchmark.
pub const MAX_RECORDS: usize = 10_000_000;
/// The longest `--duration`, `--cycle`: 30 days.
pub const MAX_DURATION_SECS: u64 = 30 * 86_400;
/// The longest `--wait` for another writer: one day.
pub const MAX_WAIT_SECS: u64 = 86_400;

/// A number of synthetic cases: 0 to 10,000,000.
pub fn parse_records(text: &str) -> std::result::Result<usize, Refused> {
    match text.trim().parse::<usize>() {
        Ok(n) if n <= MAX_RECORDS => Ok(n),
        _ => Err(Refused::new(Usage::Records { max: MAX_RECORDS })),
    }
}

/// Seconds to wait for another writer: 0 to 86,400 (one day).
pub fn parse_wait(text: &str) -> std::result::Result<u64, Refused> {
    match text.trim().parse::<u64>() {
        Ok(n) if n <= MAX_WAIT_SECS => Ok(n),
        _ => Err(Refused::new(Usage::Wait { max: MAX_WAIT_SECS })),
    }
}

/// A rate of events per minute: a positive number up to 60,000.
pub fn parse_rate(text: &str) -> std::result::Result<f64, Refused> {
    match text.trim().parse::<f64>() {
        Ok(r) if r > 0.0 && r <= 60_000.0 => Ok(r),
        _ => Err(Refused::new(Usage::Rate)),
    }
}

/// A duration such as `30s`, `10m`, `1h`, `1h30m` or `90` (seconds), at most 30 days.
pub fn parse_duration(text: &str) -> std::result::Result<std::time::Duration, Refused> {
    let d = any_duration(text).ok_or_else(|| Refused::new(Usage::Duration))?;
    if d.as_secs() > MAX_DURATION_SECS {
        return Err(Refused::new(Usage::DurationTooLong {
            max: MAX_DURATION_SECS,
        }));
    }
    Ok(d)
}

fn any_duration(text: &str) -> Option<std::time::Duration> {
    let t = text.trim();
    if let Ok(secs) = t.parse::<u64>() {
        return Some(std::time::Duration::from_secs(secs));
    }
    let (mut total, mut digits) = (0u64, String::new());
    for ch in t.chars() {
        if ch.is_ascii_digit() {
            digits.push(ch);
            continue;
        }
        let unit = match ch {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            'd' => 86_400,
            _ => return None,
        };
        let n: u64 = digits.parse().ok()?;
        total = total.checked_add(n.checked_mul(unit)?)?;
        digits.clear();
    }
    if !digits.is_empty() || t.is_empty() {
        return None;
    }
    Some(std::time::Duration::from_secs(total))
}

#[cfg(test)]
mod import_args_tests {
    use super::*;

    #[test]
    fn durations_and_rates() {
        assert_eq!(
            parse_duration("30s"),
            Ok(std::time::Duration::from_secs(30))
        );
        assert_eq!(
            parse_duration("1h30m"),
            Ok(std::time::Duration::from_secs(5400))
        );
        assert_eq!(parse_duration("90"), Ok(std::time::Duration::from_secs(90)));
        assert!(parse_duration("10x").is_err());
        assert!(parse_duration("m").is_err());
        assert!(parse_duration("5m3").is_err());
        assert_eq!(parse_rate("600"), Ok(600.0));
        assert!(parse_rate("0").is_err());
        assert!(parse_duration("30d").is_ok());
        assert!(parse_duration("31d").is_err());
        assert!(parse_duration("18446744073709551615").is_err());
        assert!(parse_rate("-1").is_err());
    }
}
