//! The case list of the Kaltim story of Pemilu 2024: the 47 cases behind the published figures of
//! 31 Dec 2023 and 2 Feb 2024 (fixed by hand, see domain.md §5), then the cases after 2 Feb 2024
//! (drawn by seed). Pilkada 2024's are in `pilkada`; both are told as [`Spec`]s.

use chrono::NaiveDate;
use fastrand::Rng;

use crate::demo::history::Outcome;
use crate::demo::pilkada::texts::Kind;
use crate::demo::places::{Office, pick_office};
use crate::demo::topics::{Body, Gift, Spot, Topic};
use crate::domain::election::FIRST_ELECTION;
use crate::domain::{Source, Status, ViolationType};

/// What a case is about: a kind of case of Pemilu 2024 or of Pilkada 2024.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum About {
    Pemilu(Topic),
    Pilkada(Kind),
}

impl About {
    /// The code of the stage (of the case's election) the case belongs to.
    pub fn stage(self) -> &'static str {
        match self {
            About::Pemilu(t) => t.stage(),
            About::Pilkada(k) => k.stage(),
        }
    }
}

/// Which race of a Pilkada a case concerns, as the handling office sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Race {
    /// The governor's race.
    Governor,
    /// The race of the office's own kabupaten/kota (the governor's for the provincial office).
    Local,
}

/// What is fixed about one case before the seed fills in dates, names and texts.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Spec {
    /// The code of the case's election.
    pub election: &'static str,
    pub region: &'static str,
    pub source: Source,
    pub topic: About,
    /// The race the case concerns, if any (a Pilkada's cases).
    pub race: Option<Race>,
    /// Received between these dates (inclusive).
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub dugaan: Option<ViolationType>,
    pub outcome: Outcome,
    /// The cut-off date the published figures are read at, and the last status reached by then
    /// (`None`: the whole path).
    pub cut: Option<(NaiveDate, Option<Status>)>,
    /// The decision falls on exactly this date.
    pub pin: Option<NaiveDate>,
}

/// A date written as a literal; the literals below are all valid.
pub(crate) fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

/// The year-end cut-off of the published 2023 recap.
pub(crate) fn year_end() -> NaiveDate {
    ymd(2023, 12, 31)
}

/// The date of the published "47 cases, 22 in the campaign stage".
pub(crate) fn rakor() -> NaiveDate {
    ymd(2024, 2, 2)
}

use Outcome::{NotRegistered, NotViolation, Stopped, Violation as V, Withdrawn};
use Source::{Laporan as L, Temuan as T};
use Status::{Diregistrasi, Kajian, KajianAwal, Klarifikasi, PembahasanGakkumdu, Penelusuran};
use Topic::*;
use ViolationType::{Administrasi as ADM, HukumLainnya as HL, KodeEtik as KE, Pidana as PID};

/// A laporan not registered after a request to complete it / without one (filed late or incomplete).
const NR_P: Outcome = NotRegistered { perbaikan: true };
const NR: Outcome = NotRegistered { perbaikan: false };

/// One row of the fixed table: office, source, kind, received from/to, suspected type, outcome,
/// and the last status reached by the cut-off date (`None`: all of it).
type Row = (
    &'static str,
    Source,
    Topic,
    Ymd,
    Ymd,
    Option<ViolationType>,
    Outcome,
    Option<Status>,
);

/// A date as a literal `(year, month, day)`.
type Ymd = (i32, u32, u32);

fn date(d: Ymd) -> NaiveDate {
    ymd(d.0, d.1, d.2)
}

/// The 47 cases recorded on or before 2 Feb 2024. Per office, source, stage, registration and
/// type they add up to the published figures and the fixture of domain.md §5. Of the 23 received to
/// 31 Dec 2023 (14 temuan, all registered; 3 laporan registered, 6 not), two are the campaign's
/// first: Balikpapan's temuan of cooking oil and of e-money handed out in December, still in
/// handling at the year's end and forwarded to the police in January, as the pekan-6 release
/// (2–8 Jan 2024) reports. Of the 24 received in January, 20 are campaign cases; the others are
/// two laporan in Balikpapan (a dead voter still on the DPT, a candidate's forged document) and
/// the KPPS recruitments in PPU and Kubar. The year-end types hold because the two provincial
/// laporan about names taken for party membership and DPD support are administrative: the data
/// KPU keeps in Sipol and Silon.
#[rustfmt::skip]
const CORE: &[Row] = &[
    // To 31 Dec 2023: 23 cases.
    ("64",    L, CatutNama,               (2022, 8, 15),  (2022, 9, 30),  Some(ADM), NR_P,         None),
    ("64",    L, DukunganDpd,             (2023, 1, 5),   (2023, 2, 10),  Some(ADM), NR,           None),
    ("64",    L, BerkasTerlambat,         (2023, 5, 22),  (2023, 6, 9),   Some(ADM), V(ADM),       None),
    ("64",    T, SeleksiKpu,              (2023, 6, 15),  (2023, 7, 31),  Some(KE),  V(KE),        None),
    ("64",    T, SyaratCalon,             (2023, 10, 2),  (2023, 11, 10), Some(ADM), V(ADM),       None),
    ("64.71", T, Coklit,                  (2023, 2, 13),  (2023, 3, 10),  Some(ADM), V(ADM),       None),
    ("64.71", T, PolitikUang(Gift::MinyakGoreng), (2023, 12, 13), (2023, 12, 19), Some(PID), V(PID), Some(PembahasanGakkumdu)),
    ("64.71", T, PolitikUang(Gift::Transfer), (2023, 12, 18), (2023, 12, 21), Some(PID), V(PID), Some(Diregistrasi)),
    ("64.71", L, CalonPegawai,            (2023, 8, 21),  (2023, 9, 15),  Some(ADM), NotViolation, None),
    ("64.71", L, Rekrutmen(Body::Ppk),    (2022, 12, 5),  (2022, 12, 28), Some(KE),  NR,           None),
    ("64.71", L, PemilihTms,              (2023, 4, 10),  (2023, 5, 5),   None,      NR_P,         None),
    ("64.01", T, CoklitJoki,              (2023, 2, 20),  (2023, 3, 10),  Some(KE),  V(KE),        None),
    ("64.01", T, VerifikasiFaktual,       (2022, 10, 20), (2022, 11, 25), Some(ADM), V(ADM),       None),
    ("64.01", T, Rekrutmen(Body::Pps),    (2023, 1, 16),  (2023, 2, 10),  Some(KE),  V(KE),        None),
    ("64.02", T, KadesNyaleg,             (2023, 6, 5),   (2023, 8, 31),  Some(HL),  V(HL),        None),
    ("64.02", T, SaranDiabaikan,          (2023, 3, 20),  (2023, 5, 31),  Some(ADM), V(ADM),       None),
    ("64.02", L, DokumenPalsu,            (2023, 8, 28),  (2023, 10, 20), Some(PID), V(PID),       None),
    ("64.74", L, SosialisasiSembako,      (2023, 9, 4),   (2023, 10, 31), Some(PID), NR,           None),
    ("64.74", L, NetralitasAdhoc,         (2023, 10, 9),  (2023, 11, 17), Some(KE),  NR_P,         None),
    ("64.74", T, SyaratCalon,             (2023, 10, 16), (2023, 11, 20), Some(ADM), V(ADM),       None),
    ("64.08", T, DpsTidakDiumumkan,       (2023, 4, 3),   (2023, 5, 26),  Some(ADM), V(ADM),       None),
    ("64.08", T, AsnDeklarasi,            (2023, 8, 1),   (2023, 10, 31), Some(HL),  V(HL),        None),
    ("64.09", T, DokumenPalsu,            (2023, 5, 22),  (2023, 7, 14),  Some(PID), V(PID),       None),
    // 1 Jan – 2 Feb 2024: 24 cases, 22 of them in the campaign stage.
    ("64",    L, PolitikUang(Gift::MinyakGoreng), (2024, 1, 22), (2024, 1, 26), Some(PID), Stopped, Some(Klarifikasi)),
    ("64.71", T, Apk(Spot::Sekolah),      (2024, 1, 3),   (2024, 1, 12),  Some(ADM), V(ADM),       None),
    ("64.71", T, Apk(Spot::Ibadah),       (2024, 1, 8),   (2024, 1, 17),  Some(ADM), V(ADM),       None),
    ("64.71", L, PemilihTms,              (2024, 1, 8),   (2024, 1, 19),  Some(ADM), NotViolation, None),
    ("64.71", L, DokumenPalsu,            (2024, 1, 9),   (2024, 1, 26),  Some(PID), NR,           None),
    ("64.71", T, AsnMedsos,               (2024, 1, 4),   (2024, 1, 16),  Some(HL),  V(HL),        None),
    ("64.71", T, KadesBerpihak,           (2024, 1, 10),  (2024, 1, 19),  Some(HL),  V(HL),        None),
    ("64.71", T, AdhocKampanye,           (2024, 1, 22),  (2024, 1, 29),  Some(KE),  V(KE),        Some(Kajian)),
    ("64.71", L, PolitikUang(Gift::Transfer), (2024, 2, 1), (2024, 2, 2), None,      Withdrawn,    Some(KajianAwal)),
    ("64.72", T, AsnMedsos,               (2024, 1, 8),   (2024, 1, 19),  Some(HL),  V(HL),        None),
    ("64.72", L, PolitikUang(Gift::Transfer), (2024, 1, 24), (2024, 1, 29), Some(PID), V(PID),     Some(Klarifikasi)),
    ("64.72", T, Apk(Spot::Fasilitas),    (2024, 1, 15),  (2024, 1, 22),  Some(ADM), V(ADM),       None),
    ("64.72", L, KampanyeIbadah,          (2024, 1, 5),   (2024, 1, 15),  Some(PID), NotViolation, None),
    ("64.74", T, AsnMedsos,               (2024, 1, 17),  (2024, 1, 26),  Some(HL),  V(HL),        Some(Klarifikasi)),
    ("64.74", T, PolitikUang(Gift::MinyakGoreng), (2024, 1, 20), (2024, 1, 27), Some(PID), V(PID), Some(PembahasanGakkumdu)),
    ("64.74", L, FasilitasPemerintah,     (2024, 1, 3),   (2024, 1, 12),  Some(PID), NotViolation, None),
    ("64.02", T, Asn11Kukar,              (2024, 1, 16),  (2024, 1, 19),  Some(HL),  V(HL),        None),
    ("64.02", T, KadesBerpihak,           (2024, 1, 23),  (2024, 1, 30),  Some(HL),  V(HL),        Some(Kajian)),
    ("64.08", T, KadesBerpihak,           (2024, 1, 11),  (2024, 1, 22),  Some(HL),  V(HL),        None),
    ("64.08", L, Apk(Spot::Sekolah),      (2024, 1, 25),  (2024, 1, 30),  Some(ADM), V(ADM),       Some(Diregistrasi)),
    ("64.08", T, PolitikUang(Gift::Amplop), (2024, 1, 5), (2024, 1, 12),  Some(PID), NotViolation, None),
    ("64.03", T, KadesBerpihak,           (2024, 1, 30),  (2024, 2, 1),   Some(HL),  V(HL),        Some(Penelusuran)),
    ("64.09", T, Rekrutmen(Body::Kpps),   (2024, 1, 8),   (2024, 1, 19),  Some(KE),  V(KE),        None),
    ("64.07", L, Rekrutmen(Body::Kpps),   (2024, 1, 22),  (2024, 1, 29),  Some(KE),  V(KE),        Some(Klarifikasi)),
];

/// Decisions that fall on a known day: the eleven Kukar civil servants were forwarded to KASN on
/// 31 Jan 2024; Balikpapan's cooking-oil temuan went to the police on 4 Jan 2024, in pekan 6, its
/// e-money temuan (still in handling in the pekan-6 release) on 11 Jan, in pekan 7.
const PINS: &[(&str, Source, Topic, Ymd)] = &[
    ("64.02", T, Asn11Kukar, (2024, 1, 31)),
    ("64.71", T, PolitikUang(Gift::MinyakGoreng), (2024, 1, 4)),
    ("64.71", T, PolitikUang(Gift::Transfer), (2024, 1, 11)),
];

/// The 47 cases of [`CORE`] as specs: read at 31 Dec 2023 when received by then, else at
/// 2 Feb 2024, with the decisions of [`PINS`] on their day.
pub(crate) fn core() -> Vec<Spec> {
    CORE.iter()
        .map(
            |&(region, source, topic, from, to, dugaan, outcome, reach)| {
                let (from, to) = (date(from), date(to));
                let cut = if to <= year_end() {
                    year_end()
                } else {
                    rakor()
                };
                let pin = PINS
                    .iter()
                    .find(|p| (p.0, p.1, p.2) == (region, source, topic))
                    .map(|p| date(p.3));
                Spec {
                    election: FIRST_ELECTION,
                    region,
                    source,
                    topic: About::Pemilu(topic),
                    race: None,
                    from,
                    to,
                    dugaan,
                    outcome,
                    cut: Some((cut, reach)),
                    pin,
                }
            },
        )
        .collect()
}

/// A group of later cases: kinds with counts, received from/to, whether the provincial office
/// handles some of them, and the share of laporan in percent.
type Group = (&'static [(Topic, u32)], Ymd, Ymd, bool, u32);

/// The cases after 2 Feb 2024. No campaign-stage case is received 3–9 Feb 2024.
#[rustfmt::skip]
const LATER: &[Group] = &[
    (&[(Logistik, 1), (Rekrutmen(Body::Ptps), 1)], (2024, 2, 3), (2024, 2, 9), false, 50),
    (&[(PolitikUang(Gift::Amplop), 1), (PolitikUang(Gift::Sembako), 1), (AsnMedsos, 2), (KadesBerpihak, 1),
        (PerusakanApk, 1)],
        (2024, 2, 10), (2024, 2, 16), true, 50),
    (&[(UangMasaTenang, 7), (ApkMasaTenang, 4), (IklanMasaTenang, 3)], (2024, 2, 11), (2024, 2, 16), true, 45),
    (&[(Psu, 9), (KppsProsedur, 10), (PemilihGanda, 7), (HitungUlang, 8), (UangHariH, 5), (PtpsEtik, 5)],
        (2024, 2, 14), (2024, 2, 21), false, 35),
    (&[(RekapSelisih, 12), (Penggelembungan, 9), (RekapEtik, 8), (Sirekap, 9)], (2024, 2, 17), (2024, 3, 22), true, 60),
    (&[(PenetapanHasil, 5)], (2024, 3, 20), (2024, 4, 5), true, 60),
    (&[(Rekrutmen(Body::Ppk), 3), (Rekrutmen(Body::Pps), 2), (EtikPasca, 3)], (2024, 4, 15), (2024, 9, 20), false, 50),
    (&[(SumpahJanji, 4)], (2024, 10, 1), (2024, 10, 25), true, 50),
];

/// The offices that recommended re-votes (PSU) after voting day.
const PSU_REGIONS: [&str; 6] = ["64.07", "64.72", "64.08", "64.02", "64.03", "64.71"];

/// The cases after 2 Feb 2024: the rest of the campaign, the quiet period, voting day, tabulation,
/// declaration, swearing-in and a few outside the stages. Counts are fixed; regions, sources and
/// outcomes come from the seed.
pub(crate) fn later(rng: &mut Rng) -> Vec<Spec> {
    let mut out = Vec::new();
    let mut psu = 0;
    for &(topics, from, to, province, laporan_pct) in LATER {
        let (from, to) = (date(from), date(to));
        for &(topic, count) in topics {
            for _ in 0..count {
                let region = if topic == Psu {
                    psu += 1;
                    match PSU_REGIONS.get(psu - 1) {
                        Some(r) => *r,
                        None => PSU_REGIONS[rng.usize(..PSU_REGIONS.len())],
                    }
                } else {
                    pick(rng, province).code
                };
                // Re-vote and recount recommendations come from the supervisors themselves.
                let laporan = !matches!(topic, Psu | HitungUlang) && rng.u32(..100) < laporan_pct;
                let source = if laporan { L } else { T };
                let dugaan = topic.dugaan();
                let outcome = later_outcome(rng, topic, source, dugaan);
                out.push(Spec {
                    election: FIRST_ELECTION,
                    region,
                    source,
                    topic: About::Pemilu(topic),
                    race: None,
                    from,
                    to,
                    dugaan: Some(dugaan),
                    outcome,
                    cut: None,
                    pin: None,
                });
            }
        }
    }
    out
}

pub(crate) fn pick(rng: &mut Rng, province: bool) -> &'static Office {
    loop {
        let o = pick_office(rng);
        if province || !o.is_province() {
            return o;
        }
    }
}

fn later_outcome(rng: &mut Rng, topic: Topic, source: Source, dugaan: ViolationType) -> Outcome {
    use Outcome::*;
    if matches!(topic, Topic::Psu | Topic::HitungUlang) {
        return Violation(ADM);
    }
    let x = rng.u32(..100);
    if source == L {
        if x < 14 {
            return NotRegistered { perbaikan: false };
        }
        if x < 26 {
            return NotRegistered { perbaikan: true };
        }
        if x < 30 {
            return Withdrawn;
        }
    }
    let y = rng.u32(..100);
    let proven = match topic {
        Topic::KppsProsedur if rng.bool() => ADM,
        Topic::Penggelembungan => [PID, PID, KE, ADM][rng.usize(..4)],
        _ => dugaan,
    };
    match y {
        0..=54 => Violation(proven),
        55..=84 => NotViolation,
        85..=93 if dugaan == PID => Stopped,
        85..=93 => Violation(proven),
        _ => Open([Status::Klarifikasi, Status::Kajian][rng.usize(..2)]),
    }
}
