//! Who handles a case, and since when (pelimpahan): the dated history of transfers
//! ("dilimpahkan") and take-overs ("diambil_alih") in `handling_history`, recorded one at a time
//! with `cases.kode_wilayah` in the same transaction, and read back as a chain. The rule for the
//! office on a date is docs/regions.md's ("A case: who handles it").

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{OptionalExtension, params};

use crate::domain::{Case, Reference, nomor_key};
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::i18n::offices::Offices;
use crate::store::Store;
use crate::store::write::{Write, date_text, datetime_text};

/// How a case came to another office.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TransferKind {
    /// Handed on to another office (Perbawaslu 7/2022 Pasal 20): a kabupaten/kota's case to the
    /// province, a Panwaslu Kecamatan's finding to its kabupaten/kota.
    Dilimpahkan,
    /// Taken over by an office above the one handling it.
    DiambilAlih,
}

impl TransferKind {
    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            TransferKind::Dilimpahkan => "dilimpahkan",
            TransferKind::DiambilAlih => "diambil_alih",
        }
    }

    /// The kind of a stored code.
    pub fn from_code(code: &str) -> Option<TransferKind> {
        match code {
            "dilimpahkan" => Some(TransferKind::Dilimpahkan),
            "diambil_alih" => Some(TransferKind::DiambilAlih),
            _ => None,
        }
    }

    /// The word shown for it: "dilimpahkan" / "transferred", "diambil alih" / "taken over".
    pub fn label(self, lang: Lang) -> String {
        match self {
            TransferKind::Dilimpahkan => Offices::KindDilimpahkan.text(lang),
            TransferKind::DiambilAlih => Offices::KindDiambilAlih.text(lang),
        }
    }
}

/// One entry of a case's handling history.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Transfer {
    /// The day it took effect.
    pub on: NaiveDate,
    /// The office handling the case until then.
    pub from: String,
    /// The office handling it from that day.
    pub to: String,
    pub kind: TransferKind,
    /// The letter that ordered it, if given.
    pub letter: Option<String>,
    pub note: Option<String>,
    /// When it was recorded, and by whom.
    pub at: NaiveDateTime,
    pub by: String,
}

/// The office handling a case on `day`, from its chain (oldest first) and the office handling it
/// now: the `to` of the last entry on or before `day`, else the `from` of the first entry (the
/// office that received it), else `now`.
pub fn office_on<'a>(chain: &'a [Transfer], now: &'a str, day: NaiveDate) -> &'a str {
    match chain.iter().rfind(|t| t.on <= day) {
        Some(t) => &t.to,
        None => chain.first().map_or(now, |t| t.from.as_str()),
    }
}

/// Whether office `upper` stands above office `lower` in the tree: Bawaslu RI above every
/// other, a province above its kabupaten/kota and kecamatan, a kabupaten/kota above its kecamatan.
pub fn is_above(upper: &str, lower: &str) -> bool {
    upper != lower
        && (upper == crate::domain::wilayah::RI
            || lower
                .strip_prefix(upper)
                .is_some_and(|rest| rest.starts_with('.')))
}

/// A transfer or take-over about to be recorded.
#[derive(Clone, Debug)]
pub struct NewTransfer<'a> {
    /// The case's intake number, as typed.
    pub nomor: &'a str,
    /// The code of the office taking the case.
    pub to: &'a str,
    pub on: NaiveDate,
    pub kind: TransferKind,
    pub letter: Option<&'a str>,
    pub note: Option<&'a str>,
}

/// A transfer recorded (or, in a dry run, checked): the case's intake number as stored, its id
/// and the entry.
#[derive(Clone, Debug)]
pub struct Recorded {
    pub case_id: i64,
    pub nomor: String,
    pub transfer: Transfer,
}

fn usage(m: Offices<'_>) -> Error {
    Error::usage(m.text(Lang::Id), m.text(Lang::En))
}

fn transfer_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Transfer> {
    let kind: String = r.get("kind")?;
    Ok(Transfer {
        on: r.get("on_date")?,
        from: r.get("from_office")?,
        to: r.get("to_office")?,
        kind: TransferKind::from_code(&kind).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                0,
                rusqlite::types::Type::Text,
                format!("unknown handling kind {kind:?}").into(),
            )
        })?,
        letter: r.get("letter")?,
        note: r.get("note")?,
        at: r.get("changed_at")?,
        by: r.get("changed_by")?,
    })
}

const CHAIN: &str = "SELECT on_date, from_office, to_office, kind, letter, note, changed_at, \
    changed_by FROM handling_history WHERE case_id = ?1 ORDER BY on_date, id";

fn chain_of(c: &rusqlite::Connection, case_id: i64) -> rusqlite::Result<Vec<Transfer>> {
    c.prepare_cached(CHAIN)?
        .query_map([case_id], transfer_from_row)?
        .collect()
}

/// The case with intake number `nomor` as typed: exactly, else by its key form (upper case,
/// without spaces), as imports match numbers.
fn case_by_nomor(c: &rusqlite::Connection, nomor: &str) -> rusqlite::Result<Option<(i64, Case)>> {
    let mut stmt = c.prepare_cached("SELECT * FROM cases WHERE nomor = ?1")?;
    let read = |r: &rusqlite::Row<'_>| Ok((r.get("id")?, crate::store::read::case_from_row(r)?));
    if let Some(found) = stmt.query_row([nomor.trim()], read).optional()? {
        return Ok(Some(found));
    }
    let key = nomor_key(nomor);
    if let Some(found) = stmt.query_row([key.as_ref()], read).optional()? {
        return Ok(Some(found));
    }
    // A number stored with lower case or spaces ("023/TM/PL/Kota/…"): the few not in key form.
    let stored: Vec<String> = c
        .prepare_cached("SELECT nomor FROM cases WHERE nomor GLOB '*[^!-`{-~]*'")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    match stored.iter().find(|n| nomor_key(n) == key) {
        Some(n) => stmt.query_row([n.as_str()], read).optional(),
        None => Ok(None),
    }
}

impl Store {
    /// The handling history of case `case_id`, oldest first (empty for a case never transferred).
    pub fn handling_chain(&self, case_id: i64) -> Result<Vec<Transfer>> {
        chain_of(self.conn(), case_id).map_err(|e| self.err(e))
    }

    /// The handling history of every case that has one, by case id, each oldest first (for an
    /// export carrying the chain, so that a roll-up keeps it).
    pub fn all_handling(&self) -> Result<std::collections::HashMap<i64, Vec<Transfer>>> {
        let mut stmt = self
            .conn()
            .prepare(
                "SELECT case_id, on_date, from_office, to_office, kind, letter, note, changed_at, \
                 changed_by FROM handling_history ORDER BY case_id, on_date, id",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| {
                Ok((r.get::<_, i64>("case_id")?, transfer_from_row(r)?))
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(|e| self.err(e))?;
        let mut out: std::collections::HashMap<i64, Vec<Transfer>> = Default::default();
        for (id, t) in rows {
            out.entry(id).or_default().push(t);
        }
        Ok(out)
    }

    /// The office that handled case `case_id` on `day` (see [`office_on`]); `None` for no case.
    pub fn office_on(&self, case_id: i64, day: NaiveDate) -> Result<Option<String>> {
        let now: Option<String> = self
            .conn()
            .query_row(
                "SELECT kode_wilayah FROM cases WHERE id = ?1",
                [case_id],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err(e))?;
        let Some(now) = now else { return Ok(None) };
        let chain = self.handling_chain(case_id)?;
        Ok(Some(office_on(&chain, &now, day).to_string()))
    }

    /// The case with intake number `nomor` (as typed: exactly, else by its key form),
    /// its id and its handling history; a clear error when there is none.
    pub fn case_chain(&self, nomor: &str) -> Result<(i64, Case, Vec<Transfer>)> {
        let found = case_by_nomor(self.conn(), nomor).map_err(|e| self.err(e))?;
        let Some((id, case)) = found else {
            return Err(usage(Offices::CaseNotFound { nomor }));
        };
        let chain = self.handling_chain(id)?;
        Ok((id, case, chain))
    }
}

impl Write<'_> {
    /// The handling history of case `case_id` as this transaction sees it, oldest first.
    pub fn handling_chain(&self, case_id: i64) -> Result<Vec<Transfer>> {
        chain_of(self.transaction(), case_id).map_err(|e| self.err(e))
    }

    /// Records a transfer or take-over of a case (`by`: the audit identity, as for a status
    /// change), after checking it: the case exists; the office is one of the database's (a
    /// region or a kecamatan) and not the one handling it; the day is neither before its receipt
    /// nor before its last transfer nor after `today`; a take-over comes from an office above.
    /// Sets the case's handling office (and, going to a Panwaslu Kecamatan, its kecamatan when it
    /// names none, neither by code nor by name). With `dry_run`, checks only.
    #[allow(clippy::too_many_arguments)]
    pub fn record_transfer(
        &self,
        reference: &Reference,
        t: &NewTransfer<'_>,
        by: &str,
        now: NaiveDateTime,
        today: NaiveDate,
        dry_run: bool,
    ) -> Result<Recorded> {
        let tx = self.transaction();
        let found = case_by_nomor(tx, t.nomor).map_err(|e| self.err(e))?;
        let Some((id, case)) = found else {
            return Err(usage(Offices::CaseNotFound { nomor: t.nomor }));
        };
        let name = |code: &str| office_name_of(reference, code);
        let Some(to) = reference.office(t.to) else {
            return Err(usage(Offices::UnknownOffice {
                typed: t.to,
                near: "",
            }));
        };
        let chain = chain_of(tx, id).map_err(|e| self.err(e))?;
        if t.on < case.tanggal_diterima {
            return Err(usage(Offices::BeforeReceipt {
                on: t.on,
                received: case.tanggal_diterima,
            }));
        }
        if let Some(last) = chain.last().filter(|l| t.on < l.on) {
            return Err(usage(Offices::BeforeLast {
                on: t.on,
                last: last.on,
            }));
        }
        if t.on > today {
            return Err(usage(Offices::InFuture { on: t.on, today }));
        }
        let from = case.kode_wilayah.clone();
        if to.code == from {
            let office = name(&from);
            return Err(usage(Offices::SameOffice { office: &office }));
        }
        if t.kind == TransferKind::DiambilAlih && !is_above(&to.code, &from) {
            let (f, o) = (name(&from), name(&to.code));
            return Err(usage(Offices::NotAbove { from: &f, to: &o }));
        }
        let transfer = Transfer {
            on: t.on,
            from,
            to: to.code.clone(),
            kind: t.kind,
            letter: t
                .letter
                .map(str::to_string)
                .filter(|s| !s.trim().is_empty()),
            note: t.note.map(str::to_string).filter(|s| !s.trim().is_empty()),
            at: now,
            by: by.to_string(),
        };
        if !dry_run {
            self.insert_transfer(id, &transfer, None)?;
            // A Panwaslu Kecamatan's case happened in its kecamatan unless it names another.
            let unplaced = case.kode_kecamatan.is_none() && case.kecamatan.is_none();
            let (kecamatan, kode) = if unplaced && to.kind == "kecamatan" {
                (Some(to.name.clone()), Some(to.code.clone()))
            } else {
                (case.kecamatan.clone(), case.kode_kecamatan.clone())
            };
            tx.prepare_cached(
                "UPDATE cases SET kode_wilayah = ?2, kecamatan = ?3, kode_kecamatan = ?4, \
                 updated_at = ?5 WHERE id = ?1",
            )
            .and_then(|mut s| {
                s.execute(params![
                    id,
                    transfer.to,
                    kecamatan,
                    kode,
                    datetime_text(now)
                ])
            })
            .map_err(|e| self.err(e))?;
        }
        Ok(Recorded {
            case_id: id,
            nomor: case.nomor,
            transfer,
        })
    }

    /// Adds to case `case_id`'s handling history the entries of `chain` it does not hold yet
    /// (the same day, offices and kind), as a re-imported export carries them: importing the same
    /// chain twice adds nothing. Returns how many were added; the case's office is the caller's.
    pub fn merge_transfers(
        &self,
        case_id: i64,
        chain: &[Transfer],
        batch_id: Option<i64>,
    ) -> Result<usize> {
        let held = chain_of(self.transaction(), case_id).map_err(|e| self.err(e))?;
        let same = |a: &Transfer, b: &Transfer| {
            (a.on, &a.from, &a.to, a.kind) == (b.on, &b.from, &b.to, b.kind)
        };
        let mut added = 0;
        for t in chain {
            if !held.iter().any(|h| same(h, t)) {
                self.insert_transfer(case_id, t, batch_id)?;
                added += 1;
            }
        }
        Ok(added)
    }

    /// Appends one entry to case `case_id`'s handling history as it is (the demo's, an
    /// import's); the case's handling office is the caller's.
    pub fn insert_transfer(&self, case_id: i64, t: &Transfer, batch_id: Option<i64>) -> Result<()> {
        self.transaction()
            .prepare_cached(
                "INSERT INTO handling_history (case_id, on_date, from_office, to_office, kind, \
                 letter, note, changed_at, changed_by, batch_id) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )
            .and_then(|mut s| {
                s.execute(params![
                    case_id,
                    date_text(t.on),
                    t.from,
                    t.to,
                    t.kind.code(),
                    t.letter,
                    t.note,
                    datetime_text(t.at),
                    t.by,
                    batch_id
                ])
            })
            .map(|_| ())
            .map_err(|e| self.err(e))
    }
}

/// An office as messages and the detail name it: "Bawaslu Kota Samarinda", "Bawaslu Provinsi
/// Kaltim", "Panwaslu Kecamatan Samarinda Ulu", "Bawaslu RI".
pub fn office_name(r: &crate::domain::Region) -> String {
    match r.kind.as_str() {
        "nasional" => "Bawaslu RI".to_string(),
        "kecamatan" => format!("Panwaslu Kecamatan {}", r.name),
        "provinsi" => format!("Bawaslu Provinsi {}", r.short_name),
        _ => format!("Bawaslu {}", r.name),
    }
}

/// The name of the office with this code, or the code itself when the database does not know it.
pub fn office_name_of(reference: &Reference, code: &str) -> String {
    reference.office(code).map_or(code.to_string(), office_name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(on: (i32, u32, u32), from: &str, to: &str) -> Transfer {
        Transfer {
            on: NaiveDate::from_ymd_opt(on.0, on.1, on.2).unwrap(),
            from: from.into(),
            to: to.into(),
            kind: TransferKind::Dilimpahkan,
            letter: None,
            note: None,
            at: NaiveDate::from_ymd_opt(2024, 1, 1)
                .unwrap()
                .and_hms_opt(0, 0, 0)
                .unwrap(),
            by: "x".into(),
        }
    }

    #[test]
    fn the_office_on_a_date_follows_the_chain() {
        let d = |m, d| NaiveDate::from_ymd_opt(2024, m, d).unwrap();
        assert_eq!(office_on(&[], "64.72", d(1, 1)), "64.72");
        let chain = [t((2024, 1, 12), "64.72", "64"), t((2024, 3, 1), "64", "RI")];
        assert_eq!(office_on(&chain, "RI", d(1, 11)), "64.72");
        assert_eq!(office_on(&chain, "RI", d(1, 12)), "64");
        assert_eq!(office_on(&chain, "RI", d(2, 29)), "64");
        assert_eq!(office_on(&chain, "RI", d(3, 1)), "RI");
    }

    /// A store with Kaltim's offices and one case of Bawaslu Kota Samarinda received 15 Jan 2024.
    fn store() -> Store {
        let mut store = Store::memory().unwrap();
        store.load_reference(&Reference::embedded()).unwrap();
        let w = store.begin().unwrap();
        let c = Case::new(
            crate::domain::election::FIRST_ELECTION,
            "043/LP/PL/Kota/23.06/I/2024",
            crate::domain::Source::Laporan,
            "64.72",
            "KAMPANYE",
            NaiveDate::from_ymd_opt(2024, 1, 15).unwrap(),
        );
        w.insert_case(&c, &[], None, now()).unwrap();
        w.commit().unwrap();
        store
    }

    fn now() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2024, 3, 1)
            .unwrap()
            .and_hms_opt(10, 0, 0)
            .unwrap()
    }

    #[test]
    fn a_transfer_moves_the_case_and_a_merged_chain_is_added_once() {
        let mut store = store();
        let reference = store.reference().unwrap();
        let today = NaiveDate::from_ymd_opt(2024, 3, 1).unwrap();
        let new = NewTransfer {
            nomor: "043/lp/pl/kota/23.06/i/2024",
            to: "64",
            on: NaiveDate::from_ymd_opt(2024, 1, 20).unwrap(),
            kind: TransferKind::DiambilAlih,
            letter: Some("031/PP.01.02/K.KI/01/2024"),
            note: None,
        };
        let w = store.begin().unwrap();
        let done = w
            .record_transfer(&reference, &new, "alice", now(), today, false)
            .unwrap();
        w.commit().unwrap();
        assert_eq!(done.nomor, "043/LP/PL/Kota/23.06/I/2024");
        let (id, case, chain) = store.case_chain(&done.nomor).unwrap();
        assert_eq!(case.kode_wilayah, "64");
        assert_eq!(chain, std::slice::from_ref(&done.transfer));
        assert_eq!(chain[0].by, "alice");
        // The same chain again (a re-imported export) adds nothing; another entry is added.
        let later = Transfer {
            on: NaiveDate::from_ymd_opt(2024, 2, 1).unwrap(),
            from: "64".into(),
            to: "64.71".into(),
            ..done.transfer.clone()
        };
        let w = store.begin().unwrap();
        assert_eq!(w.merge_transfers(id, &chain, None).unwrap(), 0);
        assert_eq!(
            w.merge_transfers(id, &[chain[0].clone(), later.clone()], None)
                .unwrap(),
            1
        );
        assert_eq!(w.merge_transfers(id, &[later], None).unwrap(), 0);
        w.commit().unwrap();
        assert_eq!(store.all_handling().unwrap()[&id].len(), 2);
        // A dry run checks and writes nothing.
        let w = store.begin().unwrap();
        let back = NewTransfer {
            to: "64.72",
            kind: TransferKind::Dilimpahkan,
            on: NaiveDate::from_ymd_opt(2024, 2, 2).unwrap(),
            ..new
        };
        w.record_transfer(&reference, &back, "alice", now(), today, true)
            .unwrap();
        drop(w);
        assert_eq!(
            store.office_on(id, today).unwrap().as_deref(),
            Some("64.71")
        );
    }

    #[test]
    fn above_is_the_tree() {
        assert!(is_above("64", "64.72"));
        assert!(is_above("64.72", "64.72.01"));
        assert!(is_above("RI", "64"));
        assert!(!is_above("64.72", "64"));
        assert!(!is_above("64.7", "64.72"));
        assert!(!is_above("64.72", "64.72"));
        assert!(!is_above("64.71", "64.72.01"));
    }
}
