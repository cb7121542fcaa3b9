//! `pantau init`: the schema and the reference data, idempotent; `--election DIR` loads one
//! election's folder (a later cycle, or a correction of one the database holds).

use std::path::{Path, PathBuf};

use crate::cli::InitArgs;
use crate::commands::Context;
use crate::domain::Reference;
use crate::domain::election::Election;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::i18n::commands::{Command, ElectionList, ListChange};
use crate::store::elections::{InUse, Item, Listed, Loaded, Outcome};

/// Creates or brings up to date the database and its reference data, and loads the elections of
/// `--election`. Without `--election`, the shipped reference data (or `--reference`'s) is loaded
/// as always. With it, only those elections are, unless `--reference` is given too or the database
/// has no reference data yet: the shipped copy of an election would otherwise undo a correction of
/// it loaded from files. Everything is written in one transaction.
pub fn run(ctx: &Context, args: &InitArgs) -> Result<()> {
    let shipped = match &args.reference {
        Some(dir) => Reference::from_dir(dir)?,
        None => Reference::embedded(),
    };
    let (dirs, files) = read_elections(&args.elections)?;
    let mut store = ctx.open_for_writing("pantau init", true)?;
    let stored = store.reference()?;
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
