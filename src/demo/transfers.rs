//! The demo's pelimpahan: a few story cases change office on a date, as cases do (Perbawaslu
//! 7/2022 Pasal 20). Chosen so that no published figure moves, whether a count by region reads the
//! office handling a case now or the office on the date counted at:
//! - a Panwaslu Kecamatan's finding handed to its Bawaslu kabupaten/kota the day the Bawaslu took
//!   it up (a Pemilu 2024 temuan after voting and tabulation): a Panwaslu Kecamatan's cases count
//!   under its kabupaten/kota, so no region's count moves on any date;
//! - a Pemilu 2024 case about the swearing-in (October 2024) transferred from a kabupaten/kota to
//!   the province, long after every published Pemilu 2024 figure by region (the last, the re-votes
//!   of 30 Apr 2024, names only re-vote cases);
//! - a Pilkada 2024 temuan of the governor's race taken over by the province after the campaign
//!   (whose releases end on 23 Nov 2024) and not a re-vote (the only Pilkada figures by region
//!   after October).

use chrono::{Duration, NaiveDate};

use crate::demo::DemoCase;
use crate::demo::places::office;
use crate::domain::election::FIRST_ELECTION;
use crate::domain::{Reference, Source};
use crate::store::offices::{Transfer, TransferKind};

/// Who the demo's transfers are recorded by, as its steps after forwarding.
const BY: &str = "pantau demo";

/// The text the re-vote figures are read with: no case of theirs is transferred.
const RE_VOTE: &str = "pemungutan suara ulang";

/// Records the demo's transfers on `cases` (in order of receipt): each case's `transfers`, its
/// handling office now, and the steps its new office took.
pub(crate) fn apply(cases: &mut [DemoCase], reference: &Reference) {
    let pilkada = crate::demo::pilkada::ELECTION;
    let governor = reference
        .election(pilkada)
        .and_then(|e| {
            e.contests
                .iter()
                .find(|c| c.region.as_deref() == Some("64"))
        })
        .map(|c| c.code.clone());
    let kab_kota = |c: &DemoCase| c.case.kode_wilayah.contains('.');
    let not_re_vote = |c: &DemoCase| !c.case.uraian.to_lowercase().contains(RE_VOTE);

    // A Panwaslu Kecamatan's finding, handed on the day its Bawaslu took the next step.
    if let Some((i, kec, on)) = cases.iter().enumerate().find_map(|(i, c)| {
        let case = &c.case;
        if case.election != FIRST_ELECTION
            || case.sumber != Source::Temuan
            || case.tanggal_diterima < day(2024, 4, 15)
            || !kab_kota(c)
            || !c.transfers.is_empty()
        {
            return None;
        }
        let first = c.history.first()?;
        if !first.by.starts_with("Panwaslu Kecamatan") {
            return None;
        }
        let on = c
            .history
            .iter()
            .find(|h| !h.by.starts_with("Panwaslu Kecamatan"))?
            .at
            .date();
        let kec = match case.kode_kecamatan.as_deref() {
            Some(code) => reference.kecamatan(code)?,
            None => crate::store::regions::resolve_kecamatan(
                reference,
                &case.kode_wilayah,
                case.kecamatan.as_deref()?,
            )?,
        };
        (on > case.tanggal_diterima).then(|| (i, kec.clone(), on))
    }) {
        let c = &mut cases[i];
        let num = office(&c.case.kode_wilayah).num;
        c.transfers.push(Transfer {
            on,
            from: kec.code.clone(),
            to: c.case.kode_wilayah.clone(),
            kind: TransferKind::Dilimpahkan,
            letter: Some(letter(num, on, 27)),
            note: Some(format!(
                "Temuan Panwaslu Kecamatan {} dilimpahkan untuk ditangani {}",
                kec.name,
                office(&c.case.kode_wilayah).bawaslu()
            )),
            at: on.and_hms_opt(9, 0, 0).unwrap_or_default(),
            by: BY.into(),
        });
        c.case.kode_kecamatan = Some(kec.code);
        c.case.kecamatan = Some(kec.name);
    }

    // A swearing-in case about the provincial DPRD, transferred to the province.
    if let Some(i) = cases.iter().position(|c| {
        c.case.election == FIRST_ELECTION
            && c.case.tanggal_diterima >= day(2024, 10, 1)
            && kab_kota(c)
            && not_re_vote(c)
            && c.transfers.is_empty()
    }) {
        let on = cases[i].case.tanggal_diterima + Duration::days(2);
        move_to_province(
            &mut cases[i],
            on,
            TransferKind::Dilimpahkan,
            "Menyangkut pengucapan sumpah/janji anggota DPRD Provinsi; dilimpahkan ke Bawaslu Provinsi",
        );
    }

    // A governor's-race temuan taken over by the province after the campaign.
    if let Some(i) = cases.iter().position(|c| {
        c.case.election == pilkada
            && c.case.sumber == Source::Temuan
            && c.case.tanggal_diterima >= day(2024, 11, 24)
            && kab_kota(c)
            && not_re_vote(c)
            && c.transfers.is_empty()
            && governor.is_some()
            && c.case.kontestasi == governor
    }) {
        let on = cases[i].case.tanggal_diterima + Duration::days(1);
        move_to_province(
            &mut cases[i],
            on,
            TransferKind::DiambilAlih,
            "Diambil alih Bawaslu Provinsi: menyangkut pemilihan gubernur di lebih dari satu kabupaten/kota",
        );
    }
}

/// Moves a kabupaten/kota's case to the province on `on`: the entry, the office now, and the
/// steps from that day on taken by the province's Bawaslu.
fn move_to_province(c: &mut DemoCase, on: NaiveDate, kind: TransferKind, note: &str) {
    let from = office(&c.case.kode_wilayah);
    let to = office("64");
    c.transfers.push(Transfer {
        on,
        from: from.code.to_string(),
        to: to.code.to_string(),
        kind,
        letter: Some(letter(to.num, on, 31)),
        note: Some(note.to_string()),
        at: on.and_hms_opt(9, 0, 0).unwrap_or_default(),
        by: BY.into(),
    });
    c.case.kode_wilayah = to.code.to_string();
    let (old, new) = (from.bawaslu(), to.bawaslu());
    for h in c.history.iter_mut().filter(|h| h.at.date() >= on) {
        h.by = h.by.replace(&old, &new);
        if let Some(note) = &mut h.note {
            *note = note.replace(&old, &new);
        }
    }
}

/// The number of the letter ordering a transfer: `031/PP.01.02/K.KI-06/10/2024`.
fn letter(num: &str, on: NaiveDate, seq: u32) -> String {
    use chrono::Datelike;
    let unit = match num.split_once('.') {
        Some((_, "00")) | None => "K.KI".to_string(),
        Some((_, n)) => format!("K.KI-{n}"),
    };
    format!("{seq:03}/PP.01.02/{unit}/{:02}/{}", on.month(), on.year())
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    crate::demo::story::ymd(y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_seed_transfers_a_few_cases_in_order_and_ends_at_the_office_now() {
        for seed in (0..40).chain([2024]) {
            let demo = crate::demo::kaltim(seed);
            let moved: Vec<&DemoCase> = demo
                .cases
                .iter()
                .filter(|c| !c.transfers.is_empty())
                .collect();
            assert!(
                (2..=3).contains(&moved.len()),
                "seed {seed}: {}",
                moved.len()
            );
            for c in moved {
                let id = &c.case.nomor;
                let t = &c.transfers[0];
                assert_eq!(c.transfers.len(), 1, "{id}");
                assert!(t.on > c.case.tanggal_diterima, "{id}");
                assert_ne!(t.from, t.to, "{id}");
                assert_eq!(t.to, c.case.kode_wilayah, "{id}: the office now");
                assert!(
                    crate::store::offices::is_above(&t.to, &t.from)
                        || t.kind == TransferKind::Dilimpahkan,
                    "{id}"
                );
                assert!(!c.case.uraian.to_lowercase().contains(RE_VOTE), "{id}");
            }
        }
        let demo = crate::demo::kaltim(2024);
        let kinds: Vec<(&str, TransferKind)> = demo
            .cases
            .iter()
            .flat_map(|c| &c.transfers)
            .map(|t| (t.to.as_str(), t.kind))
            .collect();
        assert_eq!(
            kinds,
            [
                ("64.09", TransferKind::Dilimpahkan),
                ("64", TransferKind::Dilimpahkan),
                ("64", TransferKind::DiambilAlih)
            ]
        );
    }
}
