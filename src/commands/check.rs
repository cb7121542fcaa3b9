//! `pantau check`: file integrity, foreign keys, identity, schema, full-text index and status
//! history of the database, each with what it found. It only reads; it never repairs anything.

use std::collections::BTreeMap;

use crate::commands::Context;
use crate::error::{Error, Result};
use crate::i18n::commands::Command;
use crate::i18n::{Lang, Msg, tr};
use crate::store::checks::{self, FullText};
use crate::store::{APPLICATION_ID, SCHEMA_VERSION, Store};

/// At most this many examples are listed per kind of problem.
const EXAMPLES: usize = 20;

/// What one check found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// All well, with what was seen.
    Ok(String),
    /// Problems, one line each (the first [`EXAMPLES`] of each kind, then a count).
    Problems(Vec<String>),
    /// Not used for this database, and why.
    Skipped(String),
    /// Could have found problems but was not run this time, and why: the summary says so.
    NotChecked(String),
}

/// One line of the report: which check, and its outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub check: Msg,
    pub outcome: Outcome,
}

/// Runs `pantau check`: prints every check; exit status 1 if any found a problem.
pub fn run(ctx: &Context) -> Result<()> {
    let lang = ctx.lang;
    println!(
        "pantau check {}",
        crate::text::safe(&ctx.db.display().to_string())
    );
    let findings = match ctx.open_to_answer() {
        Ok(store) => inspect(&store, lang)?,
        // Too damaged to open: that is the finding.
        Err(Error::Corrupt { detail, .. }) => vec![Finding {
            check: Msg::CheckIntegrity,
            outcome: unreadable(&detail, lang),
        }],
        Err(e) => return Err(e),
    };
    let mut problems = 0;
    for f in &findings {
        let name = tr(lang, f.check);
        match &f.outcome {
            Outcome::Ok(text) => println!("  ✓ {name}: {text}"),
            Outcome::Skipped(text) | Outcome::NotChecked(text) => println!("  – {name}: {text}"),
            Outcome::Problems(lines) => {
                problems += 1;
                println!("  ✗ {name}:");
                for l in lines {
                    println!("      {}", crate::text::safe(l));
                }
            }
        }
    }
    let unchecked: Vec<&str> = findings
        .iter()
        .filter(|f| matches!(f.outcome, Outcome::NotChecked(_)))
        .map(|f| tr(lang, f.check))
        .collect();
    if problems == 0 && unchecked.is_empty() {
        println!("{}", tr(lang, Msg::CheckAllWell));
        return Ok(());
    }
    if problems == 0 {
        let names = unchecked.join(", ");
        println!("{}", Command::CheckPartly { names: &names }.text(lang));
        return Ok(());
    }
    let path = ctx.db.display();
    // Only pantau's copies of its index are wrong: the cases are sound, and no restore is due.
    let copies_only = findings.iter().all(|f| {
        !matches!(f.outcome, Outcome::Problems(_))
            || matches!(f.check, Msg::CheckIndexCache | Msg::CheckSavedIndex)
    });
    let m = if copies_only {
        Command::CheckCopiesOnly {
            path: &path,
            problems,
        }
    } else {
        Command::CheckProblems {
            path: &path,
            problems,
        }
    };
    Err(Error::failed(m.text(Lang::Id), m.text(Lang::En)))
}

/// Every check on `store`, in order. A check that meets damaged pages reports them as its
/// finding and the others still run; fails only on other errors (a lock, an unreadable file).
pub fn inspect(store: &Store, lang: Lang) -> Result<Vec<Finding>> {
    type Check = fn(&Store, Lang) -> Result<Outcome>;
    let checks: [(Msg, Check); 9] = [
        (Msg::CheckIntegrity, integrity),
        (Msg::CheckForeignKeys, foreign_keys),
        (Msg::CheckIdentity, identity),
        (Msg::CheckSchema, schema),
        (Msg::CheckFullText, full_text),
        (Msg::CheckHistory, history),
        (Msg::CheckFollowUps, follow_ups),
        (Msg::CheckIndexCache, index_cache),
        (Msg::CheckSavedIndex, saved_index),
    ];
    let mut findings = Vec::with_capacity(checks.len());
    for (check, run) in checks {
        let outcome = match run(store, lang) {
            Ok(outcome) => outcome,
            Err(Error::Corrupt { detail, .. }) => unreadable(&detail, lang),
            Err(e) => return Err(e),
        };
        findings.push(Finding { check, outcome });
    }
    Ok(findings)
}

/// The finding of a check that met damaged pages.
fn unreadable(detail: &str, lang: Lang) -> Outcome {
    Outcome::Problems(vec![Command::CheckUnreadable { detail }.text(lang)])
}

/// Whether every check of `findings` passed (skipped and unchecked ones count as passed).
pub fn all_well(findings: &[Finding]) -> bool {
    !findings
        .iter()
        .any(|f| matches!(f.outcome, Outcome::Problems(_)))
}

/// `PRAGMA integrity_check`: the b-trees, indexes and constraints of the whole file.
fn integrity(store: &Store, lang: Lang) -> Result<Outcome> {
    let rows = checks::integrity(store)?;
    Ok(if rows == ["ok"] {
        Outcome::Ok("ok (PRAGMA integrity_check)".into())
    } else {
        let mut lines = rows;
        lines.push(Command::CheckDamaged.text(lang));
        Outcome::Problems(lines)
    })
}

/// `PRAGMA foreign_key_check`: rows pointing at a region, stage, case or batch that is not there.
fn foreign_keys(store: &Store, lang: Lang) -> Result<Outcome> {
    let rows = checks::foreign_keys(store)?;
    if rows.is_empty() {
        return Ok(Outcome::Ok("ok (PRAGMA foreign_key_check)".into()));
    }
    let mut lines: Vec<String> = rows
        .iter()
        .take(EXAMPLES)
        .map(|(table, rowid, parent)| {
            let rowid = rowid.map_or_else(|| "?".into(), |r| r.to_string());
            Command::CheckOrphan {
                table,
                rowid: &rowid,
                parent,
            }
            .text(lang)
        })
        .collect();
    more(&mut lines, rows.len(), lang);
    Ok(Outcome::Problems(lines))
}

/// `… and N more` when there are more problems than examples.
fn more(lines: &mut Vec<String>, total: usize, lang: Lang) {
    if total > EXAMPLES {
        lines.push(
            Command::CheckMore {
                more: total - EXAMPLES,
                total,
            }
            .text(lang),
        );
    }
}

/// `application_id` and `user_version`: pantau's file, at the schema this program writes.
fn identity(store: &Store, lang: Lang) -> Result<Outcome> {
    let app_id = checks::application_id(store)?;
    let version = store.user_version()?;
    let mut lines = Vec::new();
    if app_id != APPLICATION_ID {
        lines.push(
            Command::CheckAppId {
                found: app_id,
                expected: APPLICATION_ID,
            }
            .text(lang),
        );
    }
    if version != SCHEMA_VERSION {
        lines.push(
            Command::CheckVersion {
                version,
                current: SCHEMA_VERSION,
            }
            .text(lang),
        );
    }
    Ok(if lines.is_empty() {
        Outcome::Ok(Command::CheckIdentityOk { version }.text(lang))
    } else {
        Outcome::Problems(lines)
    })
}

/// Every table, index and trigger as pantau's migrations make them: none missing or changed.
fn schema(store: &Store, lang: Lang) -> Result<Outcome> {
    let expected = checks::objects(&Store::memory()?)?;
    let found = checks::objects(store)?;
    let mut lines = Vec::new();
    for ((kind, name), sql) in &expected {
        match found.get(&(kind.clone(), name.clone())) {
            None => lines.push(Command::CheckObjectMissing { kind, name }.text(lang)),
            Some(f) if f != sql => {
                lines.push(Command::CheckObjectDiffers { kind, name, sql: f }.text(lang));
            }
            Some(_) => {}
        }
    }
    if !lines.is_empty() {
        return Ok(Outcome::Problems(lines));
    }
    let of = |kind: &str| expected.keys().filter(|(k, _)| k == kind).count();
    let extra: Vec<&str> = found
        .keys()
        .filter(|k| !expected.contains_key(k))
        .map(|(_, n)| n.as_str())
        .collect();
    let mut text = Command::CheckSchemaOk {
        tables: of("table"),
        indexes: of("index"),
        triggers: of("trigger"),
    }
    .text(lang);
    if !extra.is_empty() {
        text += &format!("; {}: {}", Command::CheckExtra.text(lang), extra.join(", "));
    }
    Ok(Outcome::Ok(text))
}

/// FTS5's own check of the full-text index against the cases (rank 1: the content too). It is
/// an `INSERT` that changes nothing, run in a transaction that is rolled back.
fn full_text(store: &Store, lang: Lang) -> Result<Outcome> {
    let Some(found) = checks::full_text(store)? else {
        return Ok(Outcome::NotChecked(Command::CheckReadOnly.text(lang)));
    };
    let cases = store.case_count()?;
    match found {
        // Another process is writing (an import): `check` never waits for it.
        FullText::Busy => Ok(Outcome::NotChecked(Command::CheckBusy.text(lang))),
        FullText::Matches => Ok(Outcome::Ok(
            Command::CheckMatches {
                cases: &crate::i18n::commands::count(lang, cases),
            }
            .text(lang),
        )),
        FullText::Damaged => {
            let path = store.path().display();
            Ok(Outcome::Problems(vec![
                Command::CheckFullTextDamaged { path: &path }.text(lang),
            ]))
        }
    }
}

/// The index cache kept for this database (what `report` and the screen count from) against the
/// database itself: an index built from SQL now must hold the same cases, field by field. A cache
/// that disagrees is removed (the next command builds a new one); the database is not touched.
fn index_cache(store: &Store, lang: Lang) -> Result<Outcome> {
    use crate::engine::cache;
    let Some(path) = cache::cache_path(store.path()).filter(|p| p.exists()) else {
        return Ok(Outcome::Ok(Command::CheckNoCache.text(lang)));
    };
    let shown = path.display();
    if !cache::trusted_file(&path) {
        return Ok(Outcome::Problems(vec![
            Command::CheckCacheUntrusted { shown: &shown }.text(lang),
        ]));
    }
    let Ok(cached) = cache::read(&path) else {
        // The user's own file, of no use to anyone: readers pass over it and never replace it
        // while the database stands still, so it goes now.
        let removed = std::fs::remove_file(&path).is_ok();
        return Ok(Outcome::Ok(
            Command::CheckCacheUnreadable {
                shown: &shown,
                removed,
            }
            .text(lang),
        ));
    };
    let differ = match compared(store, &cached, lang)? {
        Compared::Said(outcome) => return Ok(outcome),
        Compared::Differ(differ) => differ,
    };
    let removed = std::fs::remove_file(&path).is_ok();
    Ok(Outcome::Problems(vec![
        Command::CheckCacheDisagrees {
            shown: &shown,
            differ,
            removed,
        }
        .text(lang),
    ]))
}

/// The index saved in the database by its last large write against the cases: an index built
/// from SQL now must hold the same cases, field by field. `check` changes nothing: it names the
/// way to remove a copy that disagrees (readers already build past it).
fn saved_index(store: &Store, lang: Lang) -> Result<Outcome> {
    use crate::engine::{cache, index::IndexError};
    let saved = match cache::read_saved(store, true) {
        Ok(Some(saved)) => saved,
        Ok(None) => {
            let said = match cache::saved_unread(store) {
                Ok(cache::Unread::OtherVersion) => Command::CheckSavedOtherVersion,
                Ok(cache::Unread::Damaged) => {
                    let path = store.path().display();
                    return Ok(Outcome::Problems(vec![
                        Command::CheckSavedDamaged { path: &path }.text(lang),
                    ]));
                }
                Ok(cache::Unread::Absent) | Err(IndexError::Unsupported(_)) => {
                    Command::CheckNoSavedIndex
                }
                Err(IndexError::Sql(e)) => return Err(e),
            };
            return Ok(Outcome::Ok(said.text(lang)));
        }
        Err(IndexError::Sql(e)) => return Err(e),
        Err(IndexError::Unsupported(_)) => {
            return Ok(Outcome::Skipped(Command::CheckCacheUnused.text(lang)));
        }
    };
    match compared(store, &saved, lang)? {
        Compared::Said(outcome) => Ok(outcome),
        Compared::Differ(differ) => {
            let path = store.path().display();
            Ok(Outcome::Problems(vec![
                Command::CheckSavedDisagrees {
                    path: &path,
                    differ,
                }
                .text(lang),
            ]))
        }
    }
}

/// What holding a copy of the index against one built from SQL now found.
enum Compared {
    /// All there is to say: it matches, describes another state, or cannot be built.
    Said(Outcome),
    /// This many cases differ (at least one).
    Differ(usize),
}

/// `copy` (the cache file's or the saved index) against an index built from SQL now.
fn compared(store: &Store, copy: &crate::engine::index::CaseIndex, lang: Lang) -> Result<Compared> {
    use crate::engine::index::{CaseIndex, IndexError, Refresh};
    let reference = store.reference()?;
    let fresh = match CaseIndex::build(store, &reference) {
        Ok(i) => i,
        Err(IndexError::Sql(e)) => return Err(e),
        Err(IndexError::Unsupported(_)) => {
            return Ok(Compared::Said(Outcome::Skipped(
                Command::CheckCacheUnused.text(lang),
            )));
        }
    };
    let state = |i: &CaseIndex| (i.database_id.clone(), i.revision, i.stamp);
    // A copy behind the cases is caught up as a reader catches it up (the cases the change log
    // names since it, read again), then held whole against the fresh one: what it held before
    // those changes is what may be wrong, and readers take it as it is.
    let mut caught;
    let copy = if state(copy) == state(&fresh) {
        copy
    } else {
        caught = copy.clone();
        match caught.refresh(store, &reference) {
            Ok(Refresh::Rebuilt) => {
                return Ok(Compared::Said(Outcome::Ok(
                    Command::CheckCacheStale.text(lang),
                )));
            }
            Ok(_) => {}
            Err(IndexError::Sql(e)) => return Err(e),
            Err(IndexError::Unsupported(_)) => {
                return Ok(Compared::Said(Outcome::Skipped(
                    Command::CheckCacheUnused.text(lang),
                )));
            }
        }
        // Another process wrote between the two reads: neither describes the other's state.
        if state(&caught) != state(&fresh) {
            return Ok(Compared::Said(Outcome::NotChecked(
                Command::CheckBusy.text(lang),
            )));
        }
        &caught
    };
    Ok(match differing_cases(copy, &fresh) {
        0 => Compared::Said(Outcome::Ok(
            Command::CheckMatches {
                cases: &crate::i18n::commands::count(lang, fresh.len()),
            }
            .text(lang),
        )),
        differ => Compared::Differ(differ),
    })
}

/// The transfers of the case at `p`, each with its offices' codes.
fn moves(
    i: &crate::engine::index::CaseIndex,
    p: usize,
) -> Vec<(u16, Option<&String>, Option<&String>)> {
    i.moves_of(p)
        .iter()
        .map(|m| {
            let code = |o: u16| i.regions.get(usize::from(o));
            (m.day, code(m.from), code(m.to))
        })
        .collect()
}

/// How many cases two indexes hold differently (a case in one only counts too).
fn differing_cases(
    a: &crate::engine::index::CaseIndex,
    b: &crate::engine::index::CaseIndex,
) -> usize {
    use crate::engine::index::DELETED;
    let live = |i: &crate::engine::index::CaseIndex| -> BTreeMap<i64, usize> {
        (0..i.len())
            .filter(|p| i.region[*p] != DELETED)
            .map(|p| (i.id(p), p))
            .collect()
    };
    let (la, lb) = (live(a), live(b));
    let same = |pa: usize, pb: usize| {
        a.regions.get(usize::from(a.region[pa])) == b.regions.get(usize::from(b.region[pb]))
            && a.stages.get(usize::from(a.stage[pa])) == b.stages.get(usize::from(b.stage[pb]))
            && a.election_of(pa) == b.election_of(pb)
            && a.contest_of(pa) == b.contest_of(pb)
            && a.flags[pa] == b.flags[pb]
            && a.status[pa] == b.status[pb]
            && a.suspected[pa] == b.suspected[pb]
            && a.proven[pa] == b.proven[pb]
            && a.received[pa] == b.received[pb]
            && a.known[pa] == b.known[pb]
            && a.registered[pa] == b.registered[pb]
            && a.history_of(pa) == b.history_of(pb)
            && a.regions.get(usize::from(a.kecamatan_of(pa)))
                == b.regions.get(usize::from(b.kecamatan_of(pb)))
            && a.desa_codes.get(a.desa_of(pa) as usize) == b.desa_codes.get(b.desa_of(pb) as usize)
            && a.tps_of(pa) == b.tps_of(pb)
            && moves(a, pa) == moves(b, pb)
    };
    let mut differ = la.keys().filter(|id| !lb.contains_key(id)).count();
    for (id, pb) in &lb {
        match la.get(id) {
            Some(pa) if same(*pa, *pb) => {}
            _ => differ += 1,
        }
    }
    differ
}

/// Each case has a history that starts from nothing, runs on without gaps (each entry leaves the
/// status the one before reached) and ends in the case's current status.
fn history(store: &Store, lang: Lang) -> Result<Outcome> {
    let mut lines = Vec::new();
    type Describe<'a> = &'a dyn Fn(&str) -> String;
    let kinds: [(checks::History, Describe<'_>); 3] = [
        (checks::History::Missing, &|n| {
            Command::CheckNoHistory { case: n }.text(lang)
        }),
        (checks::History::StatusNotLast, &|row| {
            let f: Vec<&str> = row.split('\u{1f}').collect();
            let (n, now, last) = (f[0], f.get(1).unwrap_or(&""), f.get(2).unwrap_or(&""));
            Command::CheckStatusNotLast { case: n, now, last }.text(lang)
        }),
        (checks::History::BrokenChain, &|row| {
            let f: Vec<&str> = row.split('\u{1f}').collect();
            let (n, at) = (f[0], f.get(1).unwrap_or(&""));
            let (from, prev) = (f.get(2).unwrap_or(&""), f.get(3).unwrap_or(&""));
            Command::CheckBrokenChain {
                case: n,
                at,
                from,
                prev,
            }
            .text(lang)
        }),
    ];
    for (kind, describe) in kinds {
        let rows = checks::history(store, kind)?;
        lines.extend(rows.iter().take(EXAMPLES).map(|r| describe(r)));
        more(&mut lines, rows.len(), lang);
    }
    if !lines.is_empty() {
        return Ok(Outcome::Problems(lines));
    }
    let cases = store.case_count()?;
    let entries = checks::history_entries(store)?;
    Ok(Outcome::Ok(
        Command::CheckHistoryOk { cases, entries }.text(lang),
    ))
}

/// Each step after forwarding fits its case: a step that follows a violation of the case's type,
/// dated on or after its forwarding (or, with no forwarding date, its receipt). Each misfit names
/// the case and the step, and how to put it right.
fn follow_ups(store: &Store, lang: Lang) -> Result<Outcome> {
    use crate::domain::FollowUpMisfit;
    let all = checks::follow_ups_with_cases(store)?;
    let mut lines = Vec::new();
    let mut found = 0;
    for (case, step) in &all {
        let Err(misfit) = case.check_follow_up(step) else {
            continue;
        };
        found += 1;
        if found > EXAMPLES {
            continue;
        }
        let on = step.on.to_string();
        let code = step.step.code();
        lines.push(match misfit {
            FollowUpMisfit::Type { step, case_type } => {
                let fits: Vec<&str> = step.types().iter().map(|t| t.code()).collect();
                Command::CheckStepMisfit {
                    case: &case.nomor,
                    step: code,
                    on: &on,
                    case_type: case_type.code(),
                    fits: &fits.join(", "),
                }
                .text(lang)
            }
            FollowUpMisfit::Before { forwarded, .. } => Command::CheckStepBefore {
                case: &case.nomor,
                step: code,
                on: &on,
                forwarded: &forwarded.to_string(),
                received: false,
            }
            .text(lang),
            FollowUpMisfit::BeforeReceipt { received, .. } => Command::CheckStepBefore {
                case: &case.nomor,
                step: code,
                on: &on,
                forwarded: &received.to_string(),
                received: true,
            }
            .text(lang),
        });
    }
    more(&mut lines, found, lang);
    Ok(if lines.is_empty() {
        Outcome::Ok(Command::CheckStepsOk { steps: all.len() }.text(lang))
    } else {
        Outcome::Problems(lines)
    })
}
