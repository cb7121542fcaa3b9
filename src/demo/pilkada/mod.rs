//! The story of Pilkada 2024 in Kalimantan Timur (domain.md §7): the cases behind the figures Bawaslu
//! Kaltim published, from the campaign (25 Sep – 23 Nov 2024) to the re-votes after voting day
//! (27 Nov) and the money-politics laporan that followed, and the campaign activities of §8.
//! Fixed by hand where a figure depends on them; dates, places, races and texts come from the
//! seed. Told with their own stream of the seed, so Pemilu 2024's cases stay as they are.
//!
//! | as of | published | here |
//! |---|---|---|
//! | 21 Oct 2024 | 3 laporan at the province, 20 at kab/kota offices; kode etik, administrasi, pidana; most in process | [`CAMPAIGN_LAPORAN`]: 10 decided violations, 13 still open |
//! | 13 Nov 2024 | 43 suspected violations, most of them ASN neutrality | 6 before the campaign, 23 + 3 laporan, 11 temuan: 14 ASN |
//! | 26 Nov 2024 | 59 laporan since 25 Sep 2024 | 23 + 3 + 33 |
//! | 1 Dec 2024 | re-votes recommended at 10 TPS in 6 regions | [`PSU`] |
//! | 21 Jan 2025 | 16 money-politics laporan after voting day, all stopped | [`AFTER_VOTING`] |

pub(crate) mod activity;
pub(crate) mod texts;

use chrono::{Duration, NaiveDate};
use fastrand::Rng;

use crate::demo::DemoCase;
use crate::demo::assemble::{self, Registers};
use crate::demo::history::{Calendar, Outcome};
use crate::demo::places::{OFFICES, Office};
use crate::demo::story::{About, Race, Spec, pick, ymd};
use crate::demo::topics::{Gift, Spot};
use crate::domain::{FollowUp, FollowUpStep, Reference, Source, Status, ViolationType};
use crate::store::activities::ActivityRow;

use texts::{Fate, Kind, Tps};

pub(crate) use texts::ELECTION;

use Kind::*;
use Outcome::{NotRegistered, NotViolation, Stopped, Violation as V, Withdrawn};
use Source::{Laporan as L, Temuan as T};
use Status::{Diregistrasi, Kajian, KajianAwal, Klarifikasi};
use ViolationType::{Administrasi as ADM, HukumLainnya as HL, KodeEtik as KE, Pidana as PID};

/// A date as a literal `(year, month, day)`.
type Ymd = (i32, u32, u32);

fn date(d: Ymd) -> NaiveDate {
    ymd(d.0, d.1, d.2)
}

/// The day of the first published figure.
pub(crate) fn first_release() -> NaiveDate {
    ymd(2024, 10, 21)
}

/// One fixed laporan of the campaign: office, kind, received from/to, outcome, and the last status
/// reached on 21 Oct 2024 (`None`: the whole path by then).
type Row = (&'static str, Kind, Ymd, Ymd, Outcome, Option<Status>);

/// The 23 laporan received from 25 Sep to 21 Oct 2024: 3 at the provincial office and 20 at the
/// kab/kota offices, suspected of ethics, administrative and criminal violations. Ten were decided
/// (violations all) by 21 Oct, thirteen still in handling, received in the last days before it
/// (a Pilkada's laporan is decided within 3 days of receipt, 5 when extended). Balikpapan's
/// obstructed campaign went to the police and on to court.
#[rustfmt::skip]
pub(crate) const CAMPAIGN_LAPORAN: &[Row] = &[
    // Decided by 21 Oct 2024.
    ("64.71", HalangiKampanye,        (2024, 10, 3),  (2024, 10, 6),  V(PID), None),
    ("64.71", Apk(Spot::Sekolah),     (2024, 9, 27),  (2024, 10, 4),  V(ADM), None),
    ("64.72", Apk(Spot::Ibadah),      (2024, 9, 28),  (2024, 10, 8),  V(ADM), None),
    ("64.02", KampanyeLuarJadwal,     (2024, 10, 1),  (2024, 10, 10), V(ADM), None),
    ("64",    KampanyeHitam,          (2024, 10, 2),  (2024, 10, 12), V(PID), None),
    ("64.74", AdhocTidakNetral,       (2024, 10, 5),  (2024, 10, 14), V(KE),  None),
    ("64.03", AdhocTidakNetral,       (2024, 9, 30),  (2024, 10, 10), V(KE),  None),
    ("64.08", PengawasTidakNetral,    (2024, 10, 7),  (2024, 10, 15), V(KE),  None),
    ("64.01", PolitikUang(Gift::Sembako), (2024, 10, 4), (2024, 10, 14), V(PID), None),
    ("64.09", Apk(Spot::Fasilitas),   (2024, 10, 8),  (2024, 10, 15), V(ADM), None),
    // Still in handling on 21 Oct 2024.
    ("64",    KpuTidakNetral,         (2024, 10, 18), (2024, 10, 20), V(KE),  Some(Klarifikasi)),
    ("64",    Apk(Spot::Fasilitas),   (2024, 10, 19), (2024, 10, 21), NotViolation, Some(KajianAwal)),
    ("64.71", PolitikUang(Gift::Amplop), (2024, 10, 18), (2024, 10, 20), Stopped, Some(Kajian)),
    ("64.71", KampanyeHitam,          (2024, 10, 19), (2024, 10, 21), NotRegistered { perbaikan: true }, Some(KajianAwal)),
    ("64.71", AdhocTidakNetral,       (2024, 10, 18), (2024, 10, 20), V(KE),  Some(Klarifikasi)),
    ("64.72", FasilitasPemerintah,    (2024, 10, 18), (2024, 10, 20), NotViolation, Some(Diregistrasi)),
    ("64.72", PolitikUang(Gift::Sembako), (2024, 10, 19), (2024, 10, 21), V(PID), Some(KajianAwal)),
    ("64.02", Apk(Spot::Sekolah),     (2024, 10, 18), (2024, 10, 20), V(ADM), Some(Klarifikasi)),
    ("64.02", PolitikUang(Gift::Amplop), (2024, 10, 19), (2024, 10, 21), Stopped, Some(KajianAwal)),
    ("64.74", KampanyeLuarJadwal,     (2024, 10, 18), (2024, 10, 20), V(ADM), Some(Diregistrasi)),
    ("64.08", AdhocTidakNetral,       (2024, 10, 19), (2024, 10, 21), NotViolation, Some(KajianAwal)),
    ("64.03", Apk(Spot::Ibadah),      (2024, 10, 18), (2024, 10, 20), Withdrawn, Some(KajianAwal)),
    ("64.07", KampanyeHitam,          (2024, 10, 18), (2024, 10, 20), NotViolation, Some(Kajian)),
];

/// Where the offices' laporan and temuan come from in a group of [`GROUPS`]: any office, a
/// kabupaten/kota office (a race's own candidacy), or a kabupaten (the cases about village heads:
/// the cities have kelurahan, no desa).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Offices {
    Any,
    KabKota,
    Kabupaten,
}

/// A group of cases whose offices come from the seed: kinds with counts, source, received
/// from/to, the offices, and how they end.
type Group = (&'static [(Kind, u32)], Source, Ymd, Ymd, Offices, Ends);

/// How the cases of a group end.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ends {
    /// As the seed has it (mostly violations for temuan; laporan not registered or withdrawn too).
    Drawn,
    /// Stopped after the Gakkumdu deliberation.
    Stopped,
    /// A violation of the suspected type.
    Proven,
}

/// The cases before the campaign, the rest of the campaign and quiet period, and after voting
/// day. No laporan came before the campaign; the temuan about civil servants make ASN neutrality
/// the commonest suspected violation by 13 Nov 2024. Each case is received within its stage.
#[rustfmt::skip]
const GROUPS: &[Group] = &[
    // Before the campaign: recruiting the ad-hoc bodies, an independent pair's support, the
    // voter list, the pairs' registration and the vetting of their papers.
    (&[(RekrutmenAdhoc, 1)], T, (2024, 5, 20), (2024, 6, 14), Offices::Any, Ends::Proven),
    (&[(DukunganTanpaVerifikasi, 1)], T, (2024, 6, 17), (2024, 8, 9), Offices::KabKota, Ends::Proven),
    (&[(Coklit, 1)], T, (2024, 6, 26), (2024, 7, 20), Offices::Any, Ends::Proven),
    (&[(DpsTms, 1)], T, (2024, 8, 5), (2024, 8, 30), Offices::Any, Ends::Proven),
    (&[(PendaftaranLewatWaktu, 1)], T, (2024, 8, 27), (2024, 8, 29), Offices::Any, Ends::Proven),
    (&[(SyaratCalon, 1)], T, (2024, 9, 12), (2024, 9, 20), Offices::Any, Ends::Proven),
    // The campaign to 13 Nov 2024: temuan, then the laporan after 21 Oct.
    (&[(AsnMedsos, 6), (AsnKampanye, 5)], T, (2024, 9, 26), (2024, 11, 13), Offices::Any, Ends::Drawn),
    (&[(AsnMedsos, 2), (AsnKampanye, 1)], L, (2024, 10, 22), (2024, 11, 13), Offices::Any, Ends::Drawn),
    // 14 Nov to the end of the quiet period: 33 laporan, 7 temuan.
    (&[(PolitikUang(Gift::Amplop), 4), (PolitikUang(Gift::Sembako), 3), (PolitikUang(Gift::Transfer), 2),
        (Apk(Spot::Sekolah), 1), (Apk(Spot::Ibadah), 2), (Apk(Spot::Fasilitas), 1), (AsnMedsos, 3),
        (KampanyeHitam, 3), (AdhocTidakNetral, 2), (FasilitasPemerintah, 1)],
        L, (2024, 11, 14), (2024, 11, 23), Offices::Any, Ends::Drawn),
    (&[(KadesBerpihak, 2)], L, (2024, 11, 14), (2024, 11, 23), Offices::Kabupaten, Ends::Drawn),
    (&[(UangMasaTenang, 6), (ApkMasaTenang, 3)], L, (2024, 11, 24), (2024, 11, 26), Offices::Any, Ends::Drawn),
    (&[(AsnKampanye, 2)], T, (2024, 11, 14), (2024, 11, 23), Offices::Any, Ends::Drawn),
    (&[(KadesBerpihak, 1)], T, (2024, 11, 14), (2024, 11, 23), Offices::Kabupaten, Ends::Drawn),
    (&[(ApkMasaTenang, 2), (UangMasaTenang, 2)], T, (2024, 11, 24), (2024, 11, 26), Offices::Any, Ends::Drawn),
    // After voting day: the supervisors' own findings at the polling stations and the tabulation.
    (&[(KppsProsedur, 2)], T, (2024, 11, 27), (2024, 11, 30), Offices::Any, Ends::Drawn),
    (&[(RekapSelisih, 2)], T, (2024, 11, 28), (2024, 12, 6), Offices::Any, Ends::Drawn),
];

/// The 16 money-politics laporan received after voting day (quiet-period and voting-day money
/// reported late), all stopped after the Gakkumdu deliberation.
#[rustfmt::skip]
const AFTER_VOTING: Group =
    (&[(UangMasaTenang, 9), (UangHariH, 7)], L, (2024, 11, 28), (2024, 12, 4), Offices::Any, Ends::Stopped);

/// The re-votes recommended after voting day (published with the day KPU held five of them, and
/// the two KPU Balikpapan declined); the TPS of the other three are the demo's own.
#[rustfmt::skip]
pub(crate) static PSU: [Tps; 10] = [
    Tps { region: "64.72", tps: "TPS 1",   kel: "Kelurahan Bugis",              kec: "Samarinda Kota",    fate: Fate::Held },
    Tps { region: "64.72", tps: "TPS 023", kel: "Kelurahan Sungai Pinang Dalam", kec: "Sungai Pinang",     fate: Fate::Unknown },
    Tps { region: "64.71", tps: "TPS 34",  kel: "Kelurahan Manggar",            kec: "Balikpapan Timur",  fate: Fate::Declined },
    Tps { region: "64.71", tps: "TPS 57",  kel: "Kelurahan Graha Indah",        kec: "Balikpapan Utara",  fate: Fate::Declined },
    Tps { region: "64.09", tps: "TPS 4",   kel: "Desa Babulu Darat",            kec: "Babulu",            fate: Fate::Held },
    Tps { region: "64.09", tps: "TPS 15",  kel: "Desa Babulu Darat",            kec: "Babulu",            fate: Fate::Held },
    Tps { region: "64.08", tps: "TPS 15",  kel: "Desa Singa Gembara",           kec: "Sangatta Utara",    fate: Fate::Held },
    Tps { region: "64.08", tps: "TPS 088", kel: "Desa Sangatta Utara",          kec: "Sangatta Utara",    fate: Fate::Held },
    Tps { region: "64.74", tps: "TPS 012", kel: "Kelurahan Lok Tuan",           kec: "Bontang Utara",     fate: Fate::Unknown },
    Tps { region: "64.02", tps: "TPS 007", kel: "Desa Bukit Raya",              kec: "Tenggarong Seberang", fate: Fate::Unknown },
];

/// The day the re-votes were recommended by at the latest.
pub(crate) fn psu_day() -> NaiveDate {
    ymd(2024, 12, 1)
}

/// The specs of every Pilkada case, in the order of the tables above.
pub(crate) fn specs(rng: &mut Rng) -> Vec<Spec> {
    let mut out = Vec::new();
    for &(region, kind, from, to, outcome, reach) in CAMPAIGN_LAPORAN {
        out.push(Spec {
            election: ELECTION,
            region,
            source: L,
            topic: About::Pilkada(kind),
            race: race(rng, kind, region),
            from: date(from),
            to: date(to),
            dugaan: Some(kind.dugaan()),
            outcome,
            cut: Some((first_release(), reach)),
            pin: None,
        });
    }
    for group in GROUPS.iter().chain([&AFTER_VOTING]) {
        out.extend(group_specs(rng, group));
    }
    for tps in &PSU {
        out.push(Spec {
            election: ELECTION,
            region: tps.region,
            source: T,
            topic: About::Pilkada(Psu(tps)),
            race: None,
            from: ymd(2024, 11, 27),
            to: ymd(2024, 11, 28),
            dugaan: Some(ADM),
            outcome: V(ADM),
            cut: Some((psu_day(), None)),
            pin: None,
        });
    }
    out
}

fn group_specs(rng: &mut Rng, &(kinds, source, from, to, offices, ends): &Group) -> Vec<Spec> {
    let mut out = Vec::new();
    for &(kind, count) in kinds {
        for _ in 0..count {
            let office = match offices {
                Offices::Any => pick(rng, true),
                Offices::KabKota => pick(rng, false),
                Offices::Kabupaten => kabupaten(rng),
            };
            let outcome = match ends {
                Ends::Stopped => Stopped,
                Ends::Proven => V(kind.dugaan()),
                Ends::Drawn => drawn_outcome(rng, kind, source),
            };
            out.push(Spec {
                election: ELECTION,
                region: office.code,
                source,
                topic: About::Pilkada(kind),
                race: race(rng, kind, office.code),
                from: date(from),
                to: date(to),
                dugaan: Some(kind.dugaan()),
                outcome,
                cut: None,
                pin: None,
            });
        }
    }
    out
}

/// A kabupaten office, for the cases about village heads.
fn kabupaten(rng: &mut Rng) -> &'static Office {
    let kab: Vec<&'static Office> = OFFICES.iter().filter(|o| o.seg == "Kab").collect();
    kab[rng.usize(..kab.len())]
}

/// The race a case concerns: the provincial office's are the governor's; a kab/kota office handles
/// its own race and, for one case in four from the campaign on, the governor's within its area. A
/// candidacy is its own KPU's, so its office's own race. Balikpapan's obstructed campaign was the
/// mayoral race's.
fn race(rng: &mut Rng, kind: Kind, region: &str) -> Option<Race> {
    if !kind.about_a_race() {
        return None;
    }
    if region == "64" || kind == HalangiKampanye || kind.candidacy() || rng.u8(..4) > 0 {
        Some(Race::Local)
    } else {
        Some(Race::Governor)
    }
}

/// How a case of the seeded groups ends: the supervisors' own findings on civil servants and
/// village heads are proven, nine laporan about them in ten; laporan are sometimes not registered
/// or withdrawn; crimes are often stopped at the Gakkumdu deliberation.
fn drawn_outcome(rng: &mut Rng, kind: Kind, source: Source) -> Outcome {
    let dugaan = kind.dugaan();
    let x = rng.u32(..100);
    if source == L {
        if x < 10 {
            return NotRegistered { perbaikan: false };
        }
        if x < 18 {
            return NotRegistered { perbaikan: true };
        }
        if x < 21 {
            return Withdrawn;
        }
    }
    let y = rng.u32(..100);
    match (dugaan, y) {
        (HL, _) if source == T => V(HL),
        (HL, 0..=89) => V(HL),
        (HL, _) => NotViolation,
        (PID, 0..=34) => V(PID),
        (PID, 35..=69) => Stopped,
        (PID, _) => NotViolation,
        (t, 0..=64) => V(t),
        _ => NotViolation,
    }
}

/// Pilkada 2024's cases, numbered on from Pemilu 2024's in `registers`, with what happened after
/// forwarding: the re-votes KPU held on 2–3 Dec 2024, the Balikpapan obstruction tried and
/// sentenced, and the steps of the others as for Pemilu (civil servants through BKN).
pub(crate) fn cases(
    rng: &mut Rng,
    reference: &Reference,
    registers: &mut Registers,
) -> Vec<DemoCase> {
    let cal = Calendar::every_day();
    let segment = reference
        .election(ELECTION)
        .map_or("PB", |e| e.case_segment.as_str());
    let specs = specs(rng);
    let drafts = specs
        .iter()
        .map(|s| assemble::draft(s, rng, &cal, reference))
        .collect();
    let mut cases = assemble::finish(drafts, segment, registers);
    let until = cases
        .iter()
        .flat_map(|(c, _)| c.history.iter().map(|h| h.at.date()))
        .max()
        .unwrap_or_else(crate::domain::first_day);
    // The days KPU held each re-vote: 2 or 3 Dec 2024.
    let held: Vec<NaiveDate> = PSU
        .iter()
        .map(|_| ymd(2024, 12, 2) + Duration::days(rng.i64(0..=1)))
        .collect();
    for (c, about) in &mut cases {
        c.follow_ups = match *about {
            About::Pilkada(Psu(tps)) => {
                let i = PSU.iter().position(|t| std::ptr::eq(t, tps)).unwrap_or(0);
                re_vote(tps, held.get(i).copied())
            }
            About::Pilkada(HalangiKampanye) if c.case.kode_wilayah == "64.71" => {
                crate::demo::followups::tried(&c.case, until)
            }
            _ => crate::demo::followups::steps(&c.case, until),
        };
    }
    cases.into_iter().map(|(c, _)| c).collect()
}

/// Pilkada 2024's campaign activities (see `activity`).
pub(crate) fn campaign(rng: &mut Rng, reference: &Reference) -> Vec<ActivityRow> {
    reference
        .election(ELECTION)
        .map(|e| activity::campaign(rng, e))
        .unwrap_or_default()
}

/// The step after a re-vote recommendation: KPU's correction, the re-vote held, when it was.
fn re_vote(tps: &Tps, held: Option<NaiveDate>) -> Vec<FollowUp> {
    match (tps.fate, held) {
        (Fate::Held, Some(on)) => vec![FollowUp {
            step: FollowUpStep::PerbaikanKpu,
            on,
            reference: None,
            note: Some(format!(
                "Pemungutan suara ulang di {} {} dilaksanakan pada {}",
                tps.tps,
                tps.kel,
                texts::held_on(on)
            )),
        }],
        _ => Vec::new(),
    }
}
