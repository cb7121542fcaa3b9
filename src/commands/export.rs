//! `pantau export`: every field of every case of a view, in its sort order, as CSV or an Excel
//! workbook of the same columns (which `pantau import` reads back), JSON or JSON Lines; with
//! `-o`, a provenance file beside it.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::cli::{ExportArgs, ExportFormat};
use crate::commands::Context;
use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::i18n::commands::Command;

/// What is written beside an exported file.
#[derive(Debug, Serialize)]
struct Provenance {
    file: String,
    format: &'static str,
    view: String,
    as_of: String,
    generated_at: String,
    rows: usize,
    sha256: String,
    database: String,
    pantau_version: &'static str,
}

/// Runs `pantau export`.
pub fn run(ctx: &Context, args: &ExportArgs) -> Result<()> {
    // A workbook is bytes no terminal shows: without `-o`, only through a pipe.
    if args.format == ExportFormat::Xlsx
        && super::output_file(args.output.as_deref()).is_none()
        && std::io::IsTerminal::is_terminal(&std::io::stdout())
    {
        let m = crate::i18n::xlsx::Xlsx::ToTerminal {
            format: "xlsx",
            file: crate::i18n::xlsx::Binary::Cases,
        };
        return Err(Error::usage(m.text(Lang::Id), m.text(Lang::En)));
    }
    let store = ctx.open_for_reading()?;
    let view = ctx.parse_view(&store, &args.view, args.as_of.as_deref())?;
    let mut engine = ctx.engine_for(&store, &view, &args.view)?;
    // An export is the data rather than a figure: without an election term, every election's.
    engine.set_election_scope(crate::engine::ElectionScope::Every);
    ctx.say_about_dates(&view, args.as_of.is_some(), false);
    // A bar on the terminal (a count with its rate when a view filters: its size is not known
    // beforehand), and Ctrl-C stops between two cases: nothing is put in place.
    let cancel = super::stop_on_signals()?;
    let whole = view.terms.is_empty() && view.text.is_empty() && view.as_of.is_none();
    let total = match whole {
        // A workbook passes over the cases twice: into its CSV, then into its sheet.
        true => Some(
            store.case_count()? as u64
                * if args.format == ExportFormat::Xlsx {
                    2
                } else {
                    1
                },
        ),
        false => None,
    };
    let bar = crate::progress::bar(
        total,
        &Command::ExportWriting.text(ctx.lang),
        crate::progress::Unit::Items,
        ctx.progress_style(),
    );
    let to_file = super::output_file(args.output.as_deref()).is_some();
    let step = || -> Result<()> {
        if cancel.load(std::sync::atomic::Ordering::Relaxed) {
            let m = Command::ExportCancelled { to_file };
            return Err(Error::failed(m.text(Lang::Id), m.text(Lang::En)));
        }
        bar.inc(1);
        Ok(())
    };
    let written = export_to(ctx, args, &engine, &view, &step);
    bar.finish_and_clear();
    written
}

/// The export itself, `step` called before each case (see [`run`]).
fn export_to(
    ctx: &Context,
    args: &ExportArgs,
    engine: &Engine<'_>,
    view: &crate::view::View,
    step: &dyn Fn() -> Result<()>,
) -> Result<()> {
    // `-o -` is standard output, as `-` is standard input to `import`.
    let Some(path) = super::output_file(args.output.as_deref()) else {
        let stdout = Path::new("<stdout>");
        if args.format == ExportFormat::Xlsx {
            // `Stdout` (not its lock, which stays on this thread) goes where the zip writer asks.
            let mut out = std::io::BufWriter::with_capacity(OUT_BUFFER, std::io::stdout());
            workbook(engine, view, &mut out, stdout, step)?;
            return out.flush().map_err(io_at(stdout));
        }
        // Streamed as the cases are read: a million cases never sit in memory.
        let mut out = std::io::BufWriter::with_capacity(OUT_BUFFER, std::io::stdout().lock());
        write_cases(engine, view, args.format, &mut out, stdout, step)?;
        return out.flush().map_err(io_at(stdout));
    };
    // Both names are checked before anything is written, and put in place as a pair.
    let prov_path = provenance_path(path);
    crate::fs_safe::refuse_database(path)?;
    crate::fs_safe::check_writable(path, crate::fs_safe::Replace::Yes)?;
    crate::fs_safe::check_writable(&prov_path, crate::fs_safe::Replace::Yes)?;
    // The cases go to a temporary file beside `path` as they are read, hashed on the way; `mode`
    // (0600 unless `--mode`) from the first byte on, and nobody sees half of it.
    let mut temp = crate::fs_safe::Temp::beside(path, args.mode)?;
    // A failure (a full disk) names the file asked for: the temporary one is removed with it.
    let at = path.to_path_buf();
    let (rows, sha256) = {
        let mut out = Hashing::new(std::io::BufWriter::with_capacity(OUT_BUFFER, temp.file()));
        let rows = if args.format == ExportFormat::Xlsx {
            workbook(engine, view, &mut out, &at, step)?
        } else {
            write_cases(engine, view, args.format, &mut out, &at, step)?
        };
        out.flush().map_err(io_at(&at))?;
        (rows, format!("{:x}", out.hash.finalize()))
    };
    let prov = Provenance {
        file: path
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default(),
        format: match args.format {
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
            ExportFormat::Jsonl => "jsonl",
            ExportFormat::Xlsx => "xlsx",
        },
        view: {
            let mut printed = view.clone();
            if args.as_of.is_some() {
                printed.as_of = None;
            }
            printed.print(engine.reference())
        },
        as_of: engine.dates(view).as_of.to_string(),
        generated_at: chrono::Local::now().to_rfc3339(),
        rows,
        sha256,
        database: ctx.db.display().to_string(),
        pantau_version: env!("CARGO_PKG_VERSION"),
    };
    let json = serde_json::to_vec_pretty(&prov).map_err(|e| not_encoded(&e))?;
    crate::fs_safe::commit_pair(
        (temp, path),
        (temp_with(&prov_path, &json, args.mode)?, &prov_path),
        args.mode,
    )?;
    eprintln!(
        "{} {} → {}",
        Command::ExportDone.text(ctx.lang),
        crate::i18n::cases(ctx.lang, i64::try_from(rows).unwrap_or(i64::MAX)),
        path.display()
    );
    Ok(())
}

/// How many bytes of an export are gathered before each write.
const OUT_BUFFER: usize = 256 * 1024;

/// The cases of `view` as a workbook of the CSV's columns and cells (which `import` reads back
/// alike) written to `out`, with their number.
fn workbook(
    engine: &Engine<'_>,
    view: &crate::view::View,
    out: impl Write + Send,
    at: &Path,
    step: &dyn Fn() -> Result<()>,
) -> Result<usize> {
    // The cases as CSV first, into an unnamed temporary file of the user's alone (gone when
    // pantau ends, however it ends), then row by row into the workbook: neither is ever whole
    // in memory.
    let mut csv = tempfile::tempfile().map_err(io_at(at))?;
    let rows = {
        let mut w = std::io::BufWriter::with_capacity(OUT_BUFFER, &mut csv);
        let rows = write_cases(
            engine,
            view,
            ExportFormat::Csv,
            &mut w,
            Path::new("<xlsx>"),
            step,
        )?;
        w.flush().map_err(io_at(at))?;
        rows
    };
    crate::report::xlsx::fits(rows)?;
    std::io::Seek::rewind(&mut csv).map_err(io_at(at))?;
    crate::report::xlsx::cases(
        std::io::BufReader::with_capacity(OUT_BUFFER, csv),
        out,
        step,
    )?;
    Ok(rows)
}

/// A writer that hashes (SHA-256) what goes through it, for the provenance file.
struct Hashing<W> {
    inner: W,
    hash: Sha256,
}

impl<W: Write> Hashing<W> {
    fn new(inner: W) -> Hashing<W> {
        Hashing {
            inner,
            hash: Sha256::new(),
        }
    }
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hash.update(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// The error of a write to `path` (a full disk, a closed pipe).
fn io_at(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// The error of cases (or provenance) that could not be encoded in the format asked for.
fn not_encoded(error: &dyn std::fmt::Display) -> Error {
    let m = Command::ExportEncode { error };
    Error::failed(m.text(Lang::Id), m.text(Lang::En))
}

/// The provenance file of an export: `cases.csv` → `cases.csv.provenance.json`.
pub fn provenance_path(path: &Path) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(".provenance.json");
    PathBuf::from(s)
}

/// A case as JSON writes it: its fields, then its steps after forwarding (when it has any).
#[derive(Serialize)]
struct WithSteps<'a> {
    #[serde(flatten)]
    case: &'a crate::domain::Case,
    /// The kelurahan/desa's name beside its code, for a person reading the file (`import`
    /// reads either).
    desa: Option<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    lanjut: &'a [crate::domain::FollowUp],
    /// The day its status last changed, which `import` dates the status by.
    #[serde(skip_serializing_if = "Option::is_none")]
    tanggal_status: Option<chrono::NaiveDate>,
    /// Its transfers and take-overs, oldest first (none for a case never transferred), which
    /// `import` adds once, so that a roll-up counts it where it was handled on each date.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pelimpahan: Vec<crate::import::chain::Entry<'a>>,
}

/// The four follow-up cells of a CSV row: the n-th step on the n-th line of each, as `import`
/// reads them.
fn step_cells(steps: &[crate::domain::FollowUp]) -> [String; 4] {
    let join = |f: &dyn Fn(&crate::domain::FollowUp) -> String| -> String {
        let lines: Vec<String> = steps.iter().map(f).collect();
        if lines.iter().all(String::is_empty) {
            String::new()
        } else {
            lines.join("\n")
        }
    };
    let one_line = |t: &Option<String>| t.as_deref().unwrap_or("").replace(['\n', '\r'], " ");
    [
        join(&|f| f.step.code().to_string()),
        join(&|f| f.on.to_string()),
        join(&|f| one_line(&f.reference)),
        join(&|f| one_line(&f.note)),
    ]
}

/// Writes the cases of `view` to `out` (`at`, for messages) as they are read, each with its
/// steps after forwarding; the same view always gives the same bytes. What is held meanwhile
/// does not grow with the cases: the steps and handling histories (few, and only of the cases
/// that have them), one case at a time.
pub fn write_cases(
    engine: &Engine<'_>,
    view: &crate::view::View,
    format: ExportFormat,
    out: &mut dyn Write,
    at: &Path,
    step: &dyn Fn() -> Result<()>,
) -> Result<usize> {
    // An I/O error comes back as the one the writer gave (a full disk is then said as such, in
    // the user's language), not as serde's text of it.
    let json_err = |e: serde_json::Error| match e.io_error_kind() {
        Some(_) => io_at(at)(std::io::Error::from(e)),
        None => not_encoded(&e),
    };
    let csv_err = |e: csv::Error| {
        if !e.is_io_error() {
            return not_encoded(&e);
        }
        match e.into_kind() {
            csv::ErrorKind::Io(source) => io_at(at)(source),
            other => not_encoded(&format!("{other:?}")),
        }
    };
    let steps = engine.store().all_follow_ups()?;
    let steps_of = |id: i64| steps.get(&id).map_or(&[][..], Vec::as_slice);
    let chains = engine.store().all_handling()?;
    let chain_of = |id: i64| chains.get(&id).map_or(&[][..], Vec::as_slice);
    // A status dated after today only comes from a rehearsal's `PANTAU_TODAY`: an import of the
    // export on that day takes it as today. Looked up case by case: a map of every case's
    // would grow with them (some 35 MB at a million).
    let mut dates = engine.store().last_status_day()?;
    let today = engine.today();
    let mut status_on =
        |id: i64| -> Result<Option<chrono::NaiveDate>> { Ok(dates.of(id)?.map(|d| d.min(today))) };
    let reference = engine.reference();
    let desa_of = |case: &crate::domain::Case| {
        case.kode_desa
            .as_deref()
            .and_then(|code| reference.desa(code))
            .map(|d| d.name.clone())
    };
    match format {
        // The workbook is made from the CSV (see `run`).
        ExportFormat::Csv | ExportFormat::Xlsx => {
            let mut w = csv::WriterBuilder::new()
                .has_headers(false)
                .from_writer(&mut *out);
            // The header: the case columns, the desa's name, the follow-up ones, the status
            // date and the handling history.
            w.write_record(crate::import::columns::COLUMNS.iter().map(|s| s.name))
                .map_err(csv_err)?;
            let n = engine.for_each_case(view, |id, case| {
                step()?;
                let [a, b, c, d] = step_cells(steps_of(id));
                let e = status_on(id)?.map_or_else(String::new, |d| d.to_string());
                let desa = desa_of(&case).unwrap_or_default();
                let chain = crate::import::chain::cell(chain_of(id));
                w.serialize((&case, desa, a, b, c, d, e, chain))
                    .map_err(csv_err)
            })?;
            w.flush().map_err(io_at(at))?;
            Ok(n)
        }
        ExportFormat::Jsonl => engine.for_each_case(view, |id, case| {
            step()?;
            let desa = desa_of(&case);
            let row = WithSteps {
                case: &case,
                desa: desa.as_deref(),
                lanjut: steps_of(id),
                tanggal_status: status_on(id)?,
                pelimpahan: crate::import::chain::entries(chain_of(id)),
            };
            serde_json::to_writer(&mut *out, &row).map_err(json_err)?;
            out.write_all(b"\n").map_err(io_at(at))
        }),
        ExportFormat::Json => {
            out.write_all(b"[").map_err(io_at(at))?;
            let mut first = true;
            let n = engine.for_each_case(view, |id, case| {
                step()?;
                out.write_all(if first { b"\n  " } else { b",\n  " })
                    .map_err(io_at(at))?;
                first = false;
                let desa = desa_of(&case);
                let row = WithSteps {
                    case: &case,
                    desa: desa.as_deref(),
                    lanjut: steps_of(id),
                    tanggal_status: status_on(id)?,
                    pelimpahan: crate::import::chain::entries(chain_of(id)),
                };
                serde_json::to_writer(&mut *out, &row).map_err(json_err)
            })?;
            out.write_all(if n > 0 { b"\n]\n" } else { b"]\n" })
                .map_err(io_at(at))?;
            Ok(n)
        }
    }
}

/// `bytes` in a temporary file beside `path`, so a reader never sees half of it and nothing is
/// written through a link; `mode` (0600 unless `--mode`) from the first byte on.
fn temp_with(path: &Path, bytes: &[u8], mode: u32) -> Result<crate::fs_safe::Temp> {
    let mut temp = crate::fs_safe::Temp::beside(path, mode)?;
    let at = path.to_path_buf();
    temp.file()
        .write_all(bytes)
        .map_err(|source| Error::Io { path: at, source })?;
    Ok(temp)
}
