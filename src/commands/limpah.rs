//! `pantau limpah` (`pantau transfer`): records that a case was transferred to another office
//! (dilimpahkan) or taken over by a higher one (diambil alih) on a date, through the same write
//! lock as every writer; without `--ke`, prints who handled the case when.

use std::sync::atomic::Ordering;
use std::time::Duration;

use crate::cli::LimpahArgs;
use crate::commands::Context;
use crate::domain::wilayah::{fold_place, match_place};
use crate::domain::{Reference, Region};
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::i18n::offices::Offices;
use crate::store::offices::{NewTransfer, Transfer, TransferKind, office_name, office_name_of};
use crate::text::{safe, safe_lines};

/// Runs `pantau limpah`.
pub fn run(ctx: &Context, args: &LimpahArgs) -> Result<()> {
    let (Some(typed), Some(date)) = (args.ke.as_deref(), args.tanggal.as_deref()) else {
        return show_chain(ctx, &args.nomor);
    };
    let lang = ctx.lang;
    let on = parse_day(date, ctx.today)?;
    let cancel = super::stop_on_signals()?;
    let store = ctx
        .open_for_writing_within("pantau limpah", args.wait, &cancel)?
        .ok_or_else(super::cancelled)?;
    let reference = store.reference()?;
    let to = resolve_office(&reference, typed)?;
    let who = crate::import::os_user(lang);
    let now = chrono::Local::now().naive_local();
    let kind = if args.ambil_alih {
        TransferKind::DiambilAlih
    } else {
        TransferKind::Dilimpahkan
    };
    let mut waiting = ctx.waiting_for_writer(args.wait);
    let tx = store
        .begin_write(Duration::from_secs(args.wait), &cancel, &mut waiting)?
        .ok_or_else(super::cancelled)?;
    let new = NewTransfer {
        nomor: &args.nomor,
        to: &to.code,
        on,
        kind,
        letter: args.surat.as_deref(),
        note: args.catatan.as_deref(),
    };
    let done = tx.record_transfer(&reference, &new, &who, now, ctx.today, args.dry_run)?;
    // Ctrl-C before the commit: the transaction rolls back as it is dropped.
    if cancel.load(Ordering::Relaxed) {
        return Err(super::cancelled());
    }
    if !args.dry_run {
        tx.commit()?;
    }
    let t = &done.transfer;
    let (from, to) = (
        office_name_of(&reference, &t.from),
        office_name_of(&reference, &t.to),
    );
    let kind = t.kind.label(lang);
    let m = if args.dry_run {
        Offices::WouldRecord {
            nomor: &done.nomor,
            kind: &kind,
            on: t.on,
            from: &from,
            to: &to,
        }
    } else {
        Offices::Recorded {
            nomor: &done.nomor,
            kind: &kind,
            on: t.on,
            from: &from,
            to: &to,
        }
    };
    println!("{}", safe(&m.text(lang)));
    Ok(())
}

/// Prints the chain of offices of case `nomor`: the office that received it, each transfer with
/// its day, letter, note and who recorded it, and the office handling it now.
fn show_chain(ctx: &Context, nomor: &str) -> Result<()> {
    let lang = ctx.lang;
    let store = ctx.open_to_answer()?;
    let reference = store.reference()?;
    let (_, case, chain) = store.case_chain(nomor)?;
    let mut out = vec![Offices::ChainOf { nomor: &case.nomor }.text(lang)];
    let first = chain
        .first()
        .map_or(case.kode_wilayah.as_str(), |t| t.from.as_str());
    let received = office_name_of(&reference, first);
    out.push(format!(
        "  {}",
        Offices::ReceivedBy {
            office: &received,
            on: case.tanggal_diterima
        }
        .text(lang)
    ));
    for t in &chain {
        out.extend(entry_lines(t, &reference, lang));
    }
    if chain.is_empty() {
        out.push(format!("  {}", Offices::NeverTransferred.text(lang)));
    }
    let now = office_name_of(&reference, &case.kode_wilayah);
    out.push(format!(
        "  {}",
        Offices::HandledNow { office: &now }.text(lang)
    ));
    println!("{}", safe_lines(&out.join("\n")));
    Ok(())
}

/// One transfer as the chain prints it: its day, kind and office, then its letter and who
/// recorded it, then its note.
fn entry_lines(t: &Transfer, reference: &Reference, lang: Lang) -> Vec<String> {
    let mut head = format!(
        "  {}  {} → {}",
        t.on.format("%d/%m/%Y"),
        t.kind.label(lang),
        office_name_of(reference, &t.to)
    );
    if let Some(letter) = &t.letter {
        head += &format!(" · {} {letter}", Offices::Letter.text(lang));
    }
    let mut out = vec![
        head,
        format!("              {}", Offices::By { who: &t.by }.text(lang)),
    ];
    if let Some(note) = &t.note {
        out.push(format!("              {note}"));
    }
    out
}

/// A day as `--tanggal` takes it: YYYY-MM-DD, DD/MM/YYYY, or today (`hari ini`).
fn parse_day(text: &str, today: chrono::NaiveDate) -> Result<chrono::NaiveDate> {
    let folded = crate::domain::fold(text);
    if folded == "today" || folded == "hariini" {
        return Ok(today);
    }
    crate::domain::parse_date(text)
        .filter(|d| crate::domain::day_in_range(*d))
        .ok_or_else(|| {
            let m = Offices::BadDate { typed: text };
            Error::usage(m.text(Lang::Id), m.text(Lang::En))
        })
}

/// The office of the database that `typed` names: its code; the name or short name of Bawaslu
/// RI, a province or a kabupaten/kota (with or without "Bawaslu"); else a kecamatan's name (a
/// Panwaslu Kecamatan), "Kecamatan"/"Kec."/"Panwaslu Kecamatan" forgiven. A name several
/// kecamatan carry is refused with their codes; a near miss with the nearest offices.
pub fn resolve_office<'r>(reference: &'r Reference, typed: &str) -> Result<&'r Region> {
    let text = typed.trim();
    if let Some(r) = reference.office(text) {
        return Ok(r);
    }
    let lower = text.to_lowercase();
    let mut rest = text;
    let mut only_kecamatan = false;
    for (prefix, kec) in [
        ("panwaslu kecamatan ", true),
        ("panwascam ", true),
        ("panwaslu ", true),
        ("kecamatan ", true),
        ("kec. ", true),
        ("kec ", true),
        ("bawaslu ", false),
    ] {
        if lower.starts_with(prefix) {
            rest = text[prefix.len()..].trim();
            only_kecamatan = kec;
            break;
        }
    }
    if !only_kecamatan {
        if crate::domain::fold(rest) == "ri" {
            if let Some(ri) = reference.region(crate::domain::wilayah::RI) {
                return Ok(ri);
            }
        } else if let Some(r) = reference.find_region(rest) {
            return Ok(r);
        }
    }
    let shown = |r: &Region| format!("{} ({})", office_name(r), r.code);
    match match_place(rest, &reference.kecamatan, |k| &k.code, |k| &k.name) {
        Ok(k) => Ok(k),
        Err(hits)
            if hits.len() > 1 && hits.iter().all(|k| fold_place(&k.name) == fold_place(rest)) =>
        {
            let candidates = hits.iter().map(|k| shown(k)).collect::<Vec<_>>().join(", ");
            let m = Offices::AmbiguousOffice {
                typed: text,
                candidates: &candidates,
            };
            Err(Error::usage(m.text(Lang::Id), m.text(Lang::En)))
        }
        Err(near) => {
            let mut names: Vec<String> = Vec::new();
            if !only_kecamatan && let Some(r) = reference.suggest_region(rest) {
                names.push(shown(r));
            }
            names.extend(near.into_iter().map(shown));
            names.truncate(3);
            let near = names.join(", ");
            let m = Offices::UnknownOffice {
                typed: text,
                near: &near,
            };
            Err(Error::usage(m.text(Lang::Id), m.text(Lang::En)))
        }
    }
}
