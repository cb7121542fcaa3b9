//! `pantau kegiatan`: the campaign activities supervised, as the office reports them each pekan.
//! `kegiatan import` loads a file of them (all or nothing, one batch), `kegiatan` shows what is
//! loaded by pekan and region (or, with `--history`, what corrections replaced), `kegiatan export`
//! writes every figure. The work is in `crate::import::activities`; this is the conversation.
//! Activities are an election's: its pekan and methods. Showing and exporting take `--election`,
//! else the election in view today; loading takes each row's `pemilihan`, else `--election`, else
//! the database's only election.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::PathBuf;
use std::time::Duration;

use chrono::{NaiveDate, Timelike};
use serde::Serialize;

use crate::cli::{
    KegiatanAction, KegiatanArgs, KegiatanExportArgs, KegiatanExportFormat, KegiatanFormat,
    KegiatanImportArgs,
};
use crate::commands::Context;
use crate::domain::pekan::CampaignPeriod;
use crate::domain::{Election, Reference};
use crate::error::{Error, Result};
use crate::i18n::commands::Command;
use crate::i18n::kegiatan::Kegiatan;
use crate::i18n::{Lang, number};
use crate::import::activities::{self, ACTIVITIES, PekanChange};
use crate::import::{Input, Issue, os_user};
use crate::store::activities::{ActivityRow, PekanWrite};
use crate::text::{pad_left, pad_right, safe, width};

/// Runs `pantau kegiatan`.
pub fn run(ctx: &Context, args: &KegiatanArgs) -> Result<()> {
    match &args.action {
        Some(KegiatanAction::Import(a)) => load(ctx, a),
        Some(KegiatanAction::Export(a)) => export(ctx, a),
        None if args.history => history(ctx, args.format, args.election.as_deref()),
        None => show(ctx, args.format, args.election.as_deref()),
    }
}

/// The error of an election `value` the database does not hold, with the nearest and the list.
fn unknown_election(reference: &Reference, value: &str) -> Error {
    let suggestion = reference.suggest_election(value).map(|e| e.code.as_str());
    let choices = election_codes(reference);
    let m = Kegiatan::UnknownElection {
        value: &safe(value),
        suggestion,
        choices: &choices,
    };
    Error::usage(m.text(Lang::Id), m.text(Lang::En))
}

/// The codes of the elections the database holds: `PEMILU2024, PILKADA2024`.
fn election_codes(reference: &Reference) -> String {
    reference
        .elections
        .iter()
        .map(|e| e.code.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The election `given` names, else the election in view on `today` (see
/// [`crate::commands::chosen_election`]), or the error naming the elections there are.
fn election<'r>(
    store: &crate::store::Store,
    reference: &'r Reference,
    given: Option<&str>,
    today: NaiveDate,
) -> Result<&'r Election> {
    crate::commands::chosen_election(store, reference, given, today)?
        .ok_or_else(|| unknown_election(reference, given.unwrap_or_default()))
}

/// The pekan of `election`'s campaign, from its campaign stage.
fn period(election: &Election) -> Result<CampaignPeriod> {
    crate::engine::campaign::period_of(election).ok_or_else(|| {
        let m = Kegiatan::NoCampaign {
            election: election.name(Lang::Id),
            stage: &election.campaign_stage,
        };
        let en = Kegiatan::NoCampaign {
            election: election.name(Lang::En),
            stage: &election.campaign_stage,
        };
        Error::failed(m.text(Lang::Id), en.text(Lang::En))
    })
}

/// A region's name as every report shows it, `Provinsi (Kaltim)` for the provincial office (its
/// code when the reference does not know it).
fn region_name(reference: &Reference, code: &str, lang: Lang) -> String {
    reference
        .region(code)
        .map_or_else(|| code.to_string(), |r| r.display_name(lang))
}

/// The case import's own required columns (`nomor, sumber, status`) among the columns a file of
/// activities has and activities do not, when there are any: the file is then one of cases.
fn case_columns(problems: &[crate::import::Problem]) -> Option<String> {
    use crate::import::table::{Named, Table};
    let table = &crate::import::columns::CASES;
    let mut found: Vec<&str> = problems
        .iter()
        .filter(|p| matches!(p.issue, Issue::UnknownColumn { .. }))
        .filter_map(|p| match table.named(p.column.as_deref()?) {
            Named::Column(c) if table.required(c) => Some(table.name(c)),
            _ => None,
        })
        .collect();
    found.dedup();
    (!found.is_empty()).then(|| found.join(", "))
}

/// The name of a figure's `partai` cell in `lang`. A pemilihan's figures are split by candidate
/// pair, the cell naming the race and the pair's ballot number (`WALIKOTA_BALIKPAPAN/03`): "Pemilihan
/// Wali Kota Balikpapan, nomor urut 03" / "Mayor of Balikpapan, pair no. 3". A party, or a cell
/// that names no race of the election, is shown as written.
pub(crate) fn party_label(election: &Election, party: &str, lang: Lang) -> String {
    let pair = party.split_once('/').and_then(|(race, n)| {
        let race = election.contest(race.trim())?;
        let n: u32 = n.trim().parse().ok()?;
        Some((race, n))
    });
    match pair {
        Some((race, number)) if election.kind == crate::domain::ElectionKind::Pemilihan => {
            Kegiatan::PairOf {
                race: race.name(lang),
                number,
            }
            .text(lang)
        }
        _ => party.to_string(),
    }
}

/// The heading of the column of a figure's `partai` cell: the party, or a pemilihan's pair.
fn party_heading(election: &Election) -> Kegiatan<'static> {
    match election.kind {
        crate::domain::ElectionKind::Pemilihan => Kegiatan::Pair,
        crate::domain::ElectionKind::Pemilu => Kegiatan::Party,
    }
}

/// A pekan's label with its dates: "Pekan ke-6 (2–8 Jan 2024)".
fn pekan_label(period: &CampaignPeriod, n: u32, lang: Lang) -> String {
    period
        .pekan(n)
        .map_or_else(|| n.to_string(), |p| p.label(lang))
}

/// `pantau kegiatan import FILE`.
fn load(ctx: &Context, args: &KegiatanImportArgs) -> Result<()> {
    let lang = ctx.lang;
    // Read before the database is opened: standard input may wait for its writer.
    let input = Input::load_with(
        &ACTIVITIES,
        &args.file,
        args.read.format,
        args.read.sheet.as_deref(),
    )?;
    let cancel = super::stop_on_signals()?;
    let store = ctx
        .open_for_writing_within("pantau kegiatan import", args.read.wait, &cancel)?
        .ok_or_else(super::cancelled)?;
    let reference = store.reference()?;
    // The election of the rows that name none: the one given, else the only one held.
    let default = match args.read.election.as_deref() {
        Some(text) => Some(
            reference
                .find_election(text)
                .ok_or_else(|| unknown_election(&reference, text))?,
        ),
        None => match reference.elections.as_slice() {
            [only] => Some(only),
            _ => None,
        },
    };
    let loaded = activities::check(
        input,
        &reference,
        default,
        ctx.today,
        args.read.ignore_unknown,
    );
    if loaded.problem_count() > 0 {
        for p in &loaded.problems {
            let name = match p.at {
                Some(_) => loaded.input.name.clone(),
                None => loaded.input.source_name(),
            };
            eprintln!("{}", safe(&p.display(&name, lang)));
        }
        let choices = election_codes(&reference);
        let mut untold = 0;
        for p in &loaded.election_problems {
            match &p.value {
                Some(value) => {
                    let suggestion = reference.suggest_election(value).map(|e| e.code.as_str());
                    let m = Kegiatan::UnknownElection {
                        value,
                        suggestion,
                        choices: &choices,
                    };
                    let said = crate::i18n::core::Core::InColumn {
                        column: activities::ELECTION_COLUMN,
                        reason: m.text(lang),
                    };
                    eprintln!(
                        "{}",
                        safe(&format!(
                            "{}:{}: {}",
                            loaded.input.source_name(),
                            p.line,
                            said.text(lang)
                        ))
                    );
                }
                None => untold += 1,
            }
        }
        if untold > 0 {
            // Said once for the file: the same for every row that names no election.
            let m = Kegiatan::ElectionUntold {
                rows: untold,
                elections: &choices,
            };
            eprintln!(
                "{}",
                safe(&format!("{}: {}", loaded.input.source_name(), m.text(lang)))
            );
        }
        if let Some(columns) = case_columns(&loaded.problems) {
            let m = Kegiatan::LooksLikeCases {
                name: &loaded.input.name,
                columns: &columns,
            };
            eprintln!("{}", safe(&m.text(lang)));
        }
        return Err(if loaded.fatal {
            let m = Command::ImportUnreadable {
                name: &loaded.input.name,
            };
            Error::failed(m.text(Lang::Id), m.text(Lang::En))
        } else {
            let m = Kegiatan::Problems {
                total: loaded.problem_count(),
                rows: loaded.bad_rows,
            };
            Error::failed(m.text(Lang::Id), m.text(Lang::En))
        });
    }
    if loaded.rows.is_empty() {
        let source = loaded.input.source_name();
        let m = Kegiatan::NoFigures {
            name: &safe(&source),
        };
        return Err(Error::failed(m.text(Lang::Id), m.text(Lang::En)));
    }
    let mut waiting = ctx.waiting_for_writer(args.read.wait);
    let tx = store
        .begin_write(Duration::from_secs(args.read.wait), &cancel, &mut waiting)?
        .ok_or_else(super::cancelled)?;
    let earlier = store.batches_with_sha(&loaded.input.sha256)?;
    let now = chrono::Local::now().naive_local();
    let now = now.with_nanosecond(0).unwrap_or(now);
    let written = activities::write(&store, &tx, &loaded, &os_user(lang), now)?;
    // Ctrl-C before the commit: the transaction rolls back as it is dropped.
    if cancel.load(std::sync::atomic::Ordering::Relaxed) {
        return Err(super::cancelled());
    }
    match written.batch_id {
        Some(_) if !args.read.dry_run => tx.commit()?,
        _ => drop(tx),
    }
    let count = |o: PekanWrite| written.changes.iter().filter(|c| c.outcome == o).count();
    let mut line = format!(
        "{}: {}",
        safe(&loaded.input.source_name()),
        Kegiatan::Loaded {
            new: count(PekanWrite::New),
            corrected: count(PekanWrite::Corrected),
            unchanged: count(PekanWrite::Unchanged),
        }
        .text(lang)
    );
    match written.batch_id {
        Some(id) if !args.read.dry_run => line += &format!(" — batch #{id}"),
        Some(_) => {}
        None => line += &format!("; {}", Kegiatan::NothingChanged.text(lang)),
    }
    println!("{line}");
    if let Some(b) = earlier.first() {
        println!(
            "  ({})",
            Kegiatan::SameFile {
                batch: b.id,
                at: &b.imported_at,
                by: &safe(&b.imported_by),
            }
            .text(lang)
        );
    }
    for note in loaded.input.notes(lang) {
        println!("  {}", safe(&note));
    }
    for c in &written.changes {
        println!("  {}", change_line(&reference, c, lang));
    }
    if args.read.dry_run {
        println!("{}", Command::ImportDryRun.text(lang));
    }
    Ok(())
}

/// "Pekan ke-6 (2–8 Jan 2024), Balikpapan: dikoreksi, 40 → 42 kegiatan", the pekan of the
/// figures' election (named when the database holds several).
fn change_line(reference: &Reference, c: &PekanChange, lang: Lang) -> String {
    let election = reference.election(&c.election);
    let pekan = election
        .and_then(crate::engine::campaign::period_of)
        .map_or_else(|| c.pekan.to_string(), |p| pekan_label(&p, c.pekan, lang));
    let pekan = match election {
        Some(e) if reference.elections.len() > 1 => format!("{} {pekan}", e.name(lang)),
        _ => pekan,
    };
    let (before, after) = (number(lang, c.before), number(lang, c.after));
    let what = match c.outcome {
        PekanWrite::New => Kegiatan::PekanNew { total: &after },
        PekanWrite::Unchanged => Kegiatan::PekanUnchanged { total: &after },
        PekanWrite::Corrected => Kegiatan::PekanCorrected {
            old: &before,
            new: &after,
        },
    };
    format!(
        "{pekan}, {}: {}",
        region_name(reference, &c.region, lang),
        what.text(lang)
    )
}

/// One line of `pantau kegiatan --format json`: a region's pekan.
#[derive(Serialize)]
struct PekanJson {
    pekan: u32,
    from: String,
    to: String,
    region: String,
    region_name: String,
    by_method: BTreeMap<String, i64>,
    by_contestant: BTreeMap<String, i64>,
    total: i64,
}

/// `pantau kegiatan --format json`: the election's figures, each a region's pekan.
#[derive(Serialize)]
struct ShownJson<'a> {
    elections: [&'a str; 1],
    figures: Vec<&'a PekanJson>,
}

/// `pantau kegiatan`: a table by pekan and region, one column per method of the election.
fn show(ctx: &Context, format: KegiatanFormat, given: Option<&str>) -> Result<()> {
    let lang = ctx.lang;
    let store = ctx.open_to_answer()?;
    let reference = store.reference()?;
    let election = election(&store, &reference, given, ctx.today)?;
    let period = period(election)?;
    let rows = store.activity_rows(&election.code, 1..=period.count())?;
    let mut cells: BTreeMap<(u32, String), PekanJson> = BTreeMap::new();
    for r in &rows {
        let e = cells.entry((r.pekan, r.region.clone())).or_insert_with(|| {
            let p = period.pekan(r.pekan);
            PekanJson {
                pekan: r.pekan,
                from: p.map(|p| p.starts.to_string()).unwrap_or_default(),
                to: p.map(|p| p.ends.to_string()).unwrap_or_default(),
                region: r.region.clone(),
                region_name: region_name(&reference, &r.region, lang),
                by_method: BTreeMap::new(),
                by_contestant: BTreeMap::new(),
                total: 0,
            }
        });
        *e.by_method.entry(r.method.clone()).or_default() += r.count;
        *e.by_contestant.entry(r.contestant.clone()).or_default() += r.count;
        e.total += r.count;
    }
    if format == KegiatanFormat::Json {
        return print_json(&ShownJson {
            elections: [&election.code],
            figures: cells.values().collect(),
        });
    }
    println!(
        "{}",
        Kegiatan::OfElection {
            name: election.name(lang)
        }
        .text(lang)
    );
    if cells.is_empty() {
        println!("{}", Kegiatan::NoneLoaded.text(lang));
        return Ok(());
    }
    let methods = &election.methods;
    let mut head = vec![Kegiatan::Pekan.text(lang), Kegiatan::Region.text(lang)];
    head.extend(methods.iter().map(|m| m.name(lang).to_string()));
    head.push(Kegiatan::Total.text(lang));
    let line = |label: String, region: String, by: &BTreeMap<String, i64>, total: i64| {
        let mut out = vec![label, region];
        out.extend(
            methods
                .iter()
                .map(|m| number(lang, by.get(&m.code).copied().unwrap_or(0))),
        );
        out.push(number(lang, total));
        out
    };
    let mut table = vec![head];
    let mut all: BTreeMap<String, i64> = BTreeMap::new();
    let mut grand = 0;
    let by_pekan = cells.values().fold(
        BTreeMap::new(),
        |mut m: BTreeMap<u32, Vec<&PekanJson>>, c| {
            m.entry(c.pekan).or_default().push(c);
            m
        },
    );
    for (n, list) in &by_pekan {
        let mut sum: BTreeMap<String, i64> = BTreeMap::new();
        for c in list {
            table.push(line(
                pekan_label(&period, *n, lang),
                c.region_name.clone(),
                &c.by_method,
                c.total,
            ));
            for (m, v) in &c.by_method {
                *sum.entry(m.clone()).or_default() += v;
            }
        }
        let total: i64 = sum.values().sum();
        table.push(line(
            Kegiatan::PekanTotal { pekan: *n }.text(lang),
            String::new(),
            &sum,
            total,
        ));
        for (m, v) in sum {
            *all.entry(m).or_default() += v;
        }
        grand += total;
    }
    table.push(line(
        Kegiatan::AllTotal.text(lang),
        String::new(),
        &all,
        grand,
    ));
    print_table(&table, &|c| c >= 2);
    Ok(())
}

/// One figure a correction replaced, as `--history --format json` writes it.
#[derive(Serialize)]
struct ReplacedJson<'a> {
    #[serde(flatten)]
    row: &'a ActivityRow,
    batch: Option<i64>,
    replaced_by: Option<i64>,
    replaced_at: &'a str,
}

/// `pantau kegiatan --history --format json`: what corrections replaced in the election.
#[derive(Serialize)]
struct HistoryJson<'a> {
    elections: [&'a str; 1],
    replaced: Vec<ReplacedJson<'a>>,
}

/// `pantau kegiatan --history`: the figures corrections replaced in the election, oldest first.
fn history(ctx: &Context, format: KegiatanFormat, given: Option<&str>) -> Result<()> {
    let lang = ctx.lang;
    let store = ctx.open_to_answer()?;
    let reference = store.reference()?;
    let election = election(&store, &reference, given, ctx.today)?;
    let period = period(election)?;
    let replaced = store.activity_history(&election.code)?;
    if format == KegiatanFormat::Json {
        let all: Vec<ReplacedJson<'_>> = replaced
            .iter()
            .map(|r| ReplacedJson {
                row: &r.row,
                batch: r.batch_id,
                replaced_by: r.replaced_by,
                replaced_at: &r.replaced_at,
            })
            .collect();
        return print_json(&HistoryJson {
            elections: [&election.code],
            replaced: all,
        });
    }
    println!(
        "{}",
        Kegiatan::OfElection {
            name: election.name(lang)
        }
        .text(lang)
    );
    if replaced.is_empty() {
        println!("{}", Kegiatan::NoHistory.text(lang));
        return Ok(());
    }
    let batch = |b: Option<i64>| b.map_or_else(|| "—".to_string(), |b| format!("#{b}"));
    let mut table = vec![
        [
            Kegiatan::Pekan,
            Kegiatan::Region,
            Kegiatan::Method,
            Kegiatan::Contestant,
            party_heading(election),
            Kegiatan::Count,
            Kegiatan::LoadedBy,
            Kegiatan::ReplacedBy,
        ]
        .iter()
        .map(|k| k.text(lang))
        .collect::<Vec<_>>(),
    ];
    for r in &replaced {
        let row = &r.row;
        table.push(vec![
            pekan_label(&period, row.pekan, lang),
            region_name(&reference, &row.region, lang),
            election
                .methods
                .iter()
                .find(|m| m.code == row.method)
                .map_or_else(|| row.method.clone(), |m| m.name(lang).to_string()),
            crate::domain::ContestantKind::from_code(&row.contestant)
                .map_or_else(|| row.contestant.clone(), |k| k.label(lang).to_string()),
            safe(&party_label(election, &row.party, lang)).into_owned(),
            number(lang, row.count),
            batch(r.batch_id),
            format!("{} {}", batch(r.replaced_by), r.replaced_at),
        ]);
    }
    print_table(&table, &|c| c == 5);
    Ok(())
}

/// Prints `table` (the first row its header) in columns; those `right` names are right-aligned
/// (counts).
fn print_table(table: &[Vec<String>], right: &dyn Fn(usize) -> bool) {
    let cols = table.first().map_or(0, Vec::len);
    let widths: Vec<usize> = (0..cols)
        .map(|c| table.iter().map(|r| width(&r[c])).max().unwrap_or(0))
        .collect();
    for row in table {
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(c, s)| {
                if right(c) {
                    pad_left(s, widths[c])
                } else {
                    pad_right(s, widths[c])
                }
            })
            .collect();
        println!("{}", cells.join("  ").trim_end());
    }
}

/// Writes `value` as pretty JSON to standard output.
fn print_json<T: Serialize>(value: &T) -> Result<()> {
    let mut out = serde_json::to_vec_pretty(value).map_err(|e| not_encoded(&e))?;
    out.push(b'\n');
    std::io::stdout()
        .write_all(&out)
        .map_err(|source| Error::Io {
            path: PathBuf::from("<stdout>"),
            source,
        })
}

fn not_encoded(error: &dyn std::fmt::Display) -> Error {
    let m = Command::ExportEncode { error };
    Error::failed(m.text(Lang::Id), m.text(Lang::En))
}

/// A figure as `kegiatan export` writes it: the columns `kegiatan import` reads back.
#[derive(Serialize)]
struct ExportRow<'a> {
    kode_wilayah: &'a str,
    pekan: u32,
    metode: &'a str,
    peserta: &'a str,
    partai: &'a str,
    jumlah: i64,
    pemilihan: &'a str,
}

/// `pantau kegiatan export`: every figure loaded, to standard output or a new private file. An
/// export is the data, not a figure of one election (as `pantau export` of cases): without
/// `--election` it writes the figures of every election, each row naming its own in `pemilihan`,
/// so the file loads back whole.
fn export(ctx: &Context, args: &KegiatanExportArgs) -> Result<()> {
    let store = ctx.open_to_answer()?;
    let reference = store.reference()?;
    let elections: Vec<&Election> = match args.election.as_deref() {
        Some(text) => vec![election(&store, &reference, Some(text), ctx.today)?],
        None => reference.elections.iter().collect(),
    };
    let mut rows: Vec<(&str, ActivityRow)> = Vec::new();
    for e in elections {
        // Every pekan stored: the figures as loaded, whatever the campaign's dates say now.
        for r in store.activity_rows(&e.code, 1..=u32::MAX)? {
            rows.push((&e.code, r));
        }
    }
    let out: Vec<ExportRow<'_>> = rows
        .iter()
        .map(|(election, r)| ExportRow {
            kode_wilayah: &r.region,
            pekan: r.pekan,
            metode: &r.method,
            peserta: &r.contestant,
            partai: &r.party,
            jumlah: r.count,
            pemilihan: election,
        })
        .collect();
    let mut buf = Vec::new();
    match args.format {
        KegiatanExportFormat::Json => {
            buf = serde_json::to_vec_pretty(&out).map_err(|e| not_encoded(&e))?;
            buf.push(b'\n');
        }
        KegiatanExportFormat::Csv => {
            let mut w = csv::WriterBuilder::new()
                .has_headers(false)
                .from_writer(&mut buf);
            w.write_record([
                "kode_wilayah",
                "pekan",
                "metode",
                "peserta",
                "partai",
                "jumlah",
                "pemilihan",
            ])
            .map_err(|e| not_encoded(&e))?;
            for r in &out {
                w.serialize(r).map_err(|e| not_encoded(&e))?;
            }
            w.flush().map_err(|source| Error::Io {
                path: PathBuf::from("<export>"),
                source,
            })?;
            drop(w);
        }
    }
    match super::output_file(args.output.as_deref()) {
        None => super::to_stdout(&buf),
        Some(path) => {
            // A missing or unwritable folder is named as such, not by the temporary file.
            crate::fs_safe::refuse_database(path)?;
            crate::fs_safe::check_writable(path, crate::fs_safe::Replace::Yes)?;
            crate::fs_safe::write_whole(path, &buf, args.mode, crate::fs_safe::Replace::Yes)?;
            eprintln!(
                "{}",
                Kegiatan::Exported {
                    rows: out.len(),
                    path: &safe(&path.display().to_string()),
                }
                .text(ctx.lang)
            );
            Ok(())
        }
    }
}
