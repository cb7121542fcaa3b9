//! `pantau init`: the schema and the reference data, idempotent; `--election DIR` loads one
//! election's folder (a later cycle, or a correction of one the database holds).

use std::path::{Path, PathBuf};

use crate::cli::InitArgs;
use crate::commands::Context;
use crate::domain::Reference;
use crate::domain::election::Election;
use crate::domain::wilayah;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::i18n::commands::{Command, ElectionList, ListChange};
use crate::i18n::national::National;
use crate::store::elections::{InUse, Item, Listed, Loaded, Outcome};

/// Creates or brings up to date the database and its reference data, and loads the elections of
/// `--election`. Without `--election`, the shipped reference data (or `--reference`'s) is loaded
/// as always. With it, only those elections are, unless `--reference` is given too or the database
/// has no reference data yet: the shipped copy of an election would otherwise undo a correction of
/// it loaded from files. Everything is written in one transaction.
pub fn run(ctx: &Context, args: &InitArgs) -> Result<()> {
    if args
        .province
        .as_deref()
        .is_some_and(|p| p.trim().eq_ignore_ascii_case("list"))
    {
        print_provinces(ctx.lang);
        return Ok(());
    }
    // Every file is read before the database is opened: a mistake in one creates nothing.
    let from_dir = match &args.reference {
        Some(dir) => Some(Reference::from_dir(dir)?),
        None => None,
    };
    let wanted = wanted(args)?;
    let (dirs, files) = read_elections(&args.elections)?;
    let mut store = ctx.open_for_writing("pantau init", true)?;
    let stored = store.reference()?;
    if let (Some(held), Some(want)) = (stored.root(), wanted.as_ref().and_then(Reference::root))
        && held.code != want.code
    {
        let text = |l: Lang| {
            National::OtherRoot {
                held: &root_label(&stored, l),
                wanted: &root_label(wanted.as_ref().unwrap_or(&stored), l),
            }
            .text(l)
        };
        return Err(Error::failed(text(Lang::Id), text(Lang::En)));
    }
    let shipped = match (from_dir, wanted) {
        (Some(r), _) => r,
        (None, Some(r)) => r,
        // A database set up for another province (or for Bawaslu RI) stays so.
        (None, None) => same_root(&stored),
    };
    let with_reference = files.is_empty() || args.reference.is_some() || stored.regions.is_empty();
    let base = if with_reference { &shipped } else { &stored };
    // The files checked against the reference data they join: every contest's region known.
    let mut all: Vec<Election> = base
        .elections
        .iter()
        .filter(|e| !files.iter().any(|f| f.code == e.code))
        .cloned()
        .collect();
    all.extend(files.iter().cloned());
    Reference::assemble(base.regions.clone(), base.holidays.clone(), all)?;

    let outcome = store.load_elections(with_reference.then_some(&shipped), &files)?;
    let l = ctx.lang;
    let (reference_changed, loaded) = match outcome {
        Outcome::Loaded {
            reference_changed,
            elections,
        } => (reference_changed, elections),
        Outcome::Refused(in_use) => return Err(refused(&dirs, &files, &in_use)),
    };
    let upgraded = store.upgraded_from();
    if let Some(from) = upgraded {
        let m = Command::InitUpgraded {
            from,
            to: crate::store::SCHEMA_VERSION,
        };
        println!("{}", m.text(l));
    }
    for (e, done) in files.iter().zip(&loaded) {
        println!("{}", crate::text::safe(&said(e, done, l)));
    }
    let now = store.reference()?;
    let changed = reference_changed || loaded.iter().any(|d| !d.unchanged());
    if args.province.is_some() || args.nasional {
        println!("{}", set_up_for(&now, l));
    }
    println!(
        "{}: {} ({} {}, {} {}, {} {}){}",
        Command::InitReady.text(l),
        ctx.db.display(),
        now.regions.len(),
        Command::InitRegions.text(l),
        now.elections.len(),
        Command::InitElections.text(l),
        now.holidays.len(),
        Command::InitHolidays.text(l),
        if changed || upgraded.is_some() {
            String::new()
        } else {
            Command::InitUnchanged.text(l)
        },
    );
    Ok(())
}

/// The reference data `--province` or `--nasional` asks for; `None` when neither is given.
fn wanted(args: &InitArgs) -> Result<Option<Reference>> {
    if args.nasional {
        return Ok(Some(Reference::national()));
    }
    let Some(given) = args.province.as_deref() else {
        return Ok(None);
    };
    let (code, _) = province(given)?;
    Ok(Reference::for_province(&code))
}

/// The province `given` names (code, name or short name), or the usage error with the nearest
/// one.
pub fn province(given: &str) -> Result<(String, String)> {
    wilayah::find_province(given).map_err(|e| {
        Error::usage(
            wilayah::unknown_province_text(&e, Lang::Id),
            wilayah::unknown_province_text(&e, Lang::En),
        )
    })
}

/// The shipped reference data of the database's own root: Kalimantan Timur's for a new database
/// (or a Kaltim one), the province's or the country's otherwise.
fn same_root(stored: &Reference) -> Reference {
    match stored.root() {
        Some(r) if r.kind == "nasional" => Reference::national(),
        Some(r) => Reference::for_province(&r.code).unwrap_or_else(Reference::embedded),
        None => Reference::embedded(),
    }
}

/// What a database is set up for, in a sentence: `Provinsi Jawa Barat (32)`, or the whole
/// country.
pub fn root_label(r: &Reference, l: Lang) -> String {
    match r.root() {
        Some(root) if root.kind == "nasional" => National::Nationwide.text(l),
        Some(root) => format!("{} ({})", root.name, root.code),
        None => National::TreeEmpty.text(l),
    }
}

/// `Provinsi Jawa Barat (32): 27 kabupaten/kota, 627 kecamatan, 5957 kelurahan/desa`.
fn set_up_for(r: &Reference, l: Lang) -> String {
    National::SetUpFor {
        root: &root_label(r, l),
        regencies: r
            .regions
            .iter()
            .filter(|x| x.kind == "kabupaten" || x.kind == "kota")
            .count(),
        kecamatan: r.kecamatan.len(),
        desa: r.desa.len(),
    }
    .text(l)
}

/// `init --province list`: the 38 provinces with their codes, short names and counts.
fn print_provinces(l: Lang) {
    use crate::text::pad_min;
    println!("{}", National::ProvinceListHeading.text(l));
    for (code, name) in wilayah::provinces() {
        let regions = wilayah::province_regions(&code).unwrap_or_default();
        let regencies = regions.len().saturating_sub(1);
        let kecamatan = regions.first().map_or(0, |p| p.kecamatan_count);
        let short = wilayah::province_short(&code, &name);
        println!(
            "{:<4}  {} {} {:>9}  {:>9}",
            code,
            pad_min(&name, 38),
            pad_min(&short, 20),
            regencies,
            kecamatan
        );
    }
    println!();
    println!("{}", National::ProvinceListUse.text(l));
}

/// Reads each `--election` folder (errors name the file and line); two folders of one election
/// are refused.
fn read_elections(dirs: &[PathBuf]) -> Result<(Vec<PathBuf>, Vec<Election>)> {
    let mut read: Vec<PathBuf> = Vec::new();
    let mut elections: Vec<Election> = Vec::new();
    for dir in dirs {
        // `PEMILU2029/` (as a shell completes it) is the folder PEMILU2029.
        let dir: PathBuf = dir.components().collect();
        let e = Election::from_dir(&dir)?;
        if let Some(i) = elections.iter().position(|o| o.code == e.code) {
            let m = Command::InitElectionTwice {
                code: &e.code,
                first: &read[i].display().to_string(),
                second: &dir.display().to_string(),
            };
            return Err(Error::usage(m.text(Lang::Id), m.text(Lang::En)));
        }
        read.push(dir);
        elections.push(e);
    }
    Ok((read, elections))
}

/// What loading one election's folder did, in one line.
fn said(e: &Election, done: &Loaded, l: Lang) -> String {
    let name = e.name(l);
    if done.new {
        let m = Command::InitElectionAdded {
            name,
            code: &e.code,
            stages: e.stages.len(),
            methods: e.methods.len(),
            contests: e.contests.len(),
            voting_day: &e.voting_day,
        };
        return m.text(l);
    }
    if done.unchanged() {
        return Command::InitElectionUnchanged {
            name,
            code: &e.code,
        }
        .text(l);
    }
    let mut parts = Vec::new();
    if !done.keys.is_empty() {
        let keys = done.keys.join(", ");
        parts.push(Command::InitKeysChanged { keys: &keys }.text(l));
    }
    for (list, listed) in [
        (ElectionList::Stages, &done.stages),
        (ElectionList::Methods, &done.methods),
        (ElectionList::Contests, &done.contests),
    ] {
        parts.extend(changes(list, listed, l));
    }
    let what = parts.join("; ");
    Command::InitElectionCorrected {
        name,
        code: &e.code,
        what: &what,
    }
    .text(l)
}

fn changes(list: ElectionList, listed: &Listed, l: Lang) -> Vec<String> {
    [
        (ListChange::Added, &listed.added),
        (ListChange::Changed, &listed.changed),
        (ListChange::Removed, &listed.removed),
    ]
    .into_iter()
    .filter(|(_, codes)| !codes.is_empty())
    .map(|(change, codes)| {
        let codes = codes.join(", ");
        Command::InitListChanged {
            list,
            change,
            codes: &codes,
        }
        .text(l)
    })
    .collect()
}

/// The refusal of a correction that would remove what stored data uses, naming each, by folder.
fn refused(dirs: &[PathBuf], files: &[Election], in_use: &[InUse]) -> Error {
    let text = |lang: Lang| {
        let mut out = Vec::new();
        for (dir, e) in dirs.iter().zip(files) {
            let items: Vec<String> = in_use
                .iter()
                .filter(|u| u.election == e.code)
                .map(|u| {
                    let list = match u.item {
                        Item::Stage => ElectionList::Stages,
                        Item::Method => ElectionList::Methods,
                        Item::Contest => ElectionList::Contests,
                    };
                    Command::InitInUse {
                        list,
                        code: &u.code,
                        rows: u.rows,
                    }
                    .text(lang)
                })
                .collect();
            if items.is_empty() {
                continue;
            }
            let m = Command::InitRemovedInUse {
                dir: &shown(dir),
                items: &items.join("; "),
            };
            out.push(m.text(lang));
        }
        out.join("\n")
    };
    Error::failed(text(Lang::Id), text(Lang::En))
}

fn shown(dir: &Path) -> String {
    crate::text::safe(&dir.display().to_string()).into_owned()
}
