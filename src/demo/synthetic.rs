//! Synthetic cases at scale with the national shares of Bawaslu RI (domain.md §5), written fast:
//! one transaction, cached statements, precomputed date strings, reused buffers.

use std::fmt::Write as _;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::{Duration, NaiveDate, NaiveDateTime};
use fastrand::Rng;

use crate::demo::activity;
use crate::demo::places::OFFICES;
use crate::demo::texts::initials;
use crate::domain::election::FIRST_ELECTION;
use crate::domain::{Forwarding, PartyCategory, Reference, Status, ViolationType};
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::i18n::commands::Command;
use crate::store::Store;
use crate::store::load::{CaseText, HistoryText};
use crate::store::write::{NewBatch, Write};

/// Page cache during a load, in KiB (negative: SQLite's unit for KiB).
const LOAD_CACHE_KIB: i64 = -262_144;

/// How often progress is reported and cancellation checked.
const STEP: usize = 10_000;

/// Whether to drop the FTS insert trigger during the load and rebuild the index at the end
/// (measured faster for large loads; see `cargo bench --bench synthetic`).
const REBUILD_FTS: bool = true;

/// First and last day a synthetic case may be received, and the end of the date table.
fn first_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 6, 1).unwrap_or(NaiveDate::MIN)
}
fn last_received() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 10, 31).unwrap_or(NaiveDate::MIN)
}
const TABLE_DAYS: usize = 1_000;

/// Share of each stage among synthetic cases, in per mille (KAMPANYE 30%, as the type mix assumes).
const STAGE_SHARE: &[(&str, u32)] = &[
    ("PERENCANAAN", 10),
    ("PENDAFTARAN_VERIFIKASI", 50),
    ("DATA_PEMILIH", 80),
    ("DAPIL_KURSI", 10),
    ("PENETAPAN_PESERTA", 10),
    ("PENCALONAN", 100),
    ("KAMPANYE", 300),
    ("MASA_TENANG", 40),
    ("PUNGUT_HITUNG", 150),
    ("REKAPITULASI", 120),
    ("PENETAPAN_HASIL", 20),
    ("SUMPAH_JANJI", 30),
    ("LAINNYA", 80),
];

/// Proven types in the campaign stage (Bawaslu RI): other laws 51%, ethics 23%, crime 22%, admin 4%.
const CAMPAIGN_MIX: [(ViolationType, u32); 4] = [
    (ViolationType::HukumLainnya, 51),
    (ViolationType::KodeEtik, 23),
    (ViolationType::Pidana, 22),
    (ViolationType::Administrasi, 4),
];

/// Proven types outside the campaign stage, chosen so that with 30% campaign cases the overall
/// mix is the national one (ethics 52%, other laws 26%, administrative 13%, crime 8%).
const OTHER_MIX: [(ViolationType, u32); 4] = [
    (ViolationType::KodeEtik, 644),
    (ViolationType::HukumLainnya, 153),
    (ViolationType::Administrasi, 169),
    (ViolationType::Pidana, 20),
];

/// Description pieces: stage (`*` any), type, what happened, article.
#[rustfmt::skip]
const PHRASES: &[(&str, ViolationType, &str, &str)] = &[
    ("KAMPANYE", ViolationType::Pidana, "politik uang berupa pembagian minyak goreng", "Pasal 523 ayat (1) UU 7/2017"),
    ("KAMPANYE", ViolationType::Pidana, "politik uang berupa pembagian sembako", "Pasal 523 ayat (1) UU 7/2017"),
    ("KAMPANYE", ViolationType::Pidana, "politik uang melalui transfer saldo uang elektronik", "Pasal 523 ayat (1) UU 7/2017"),
    ("KAMPANYE", ViolationType::Pidana, "perusakan alat peraga kampanye", "Pasal 521 UU 7/2017"),
    ("MASA_TENANG", ViolationType::Pidana, "politik uang pada masa tenang", "Pasal 523 ayat (2) UU 7/2017"),
    ("PUNGUT_HITUNG", ViolationType::Pidana, "pemilih mencoblos lebih dari satu kali", "Pasal 516 UU 7/2017"),
    ("PUNGUT_HITUNG", ViolationType::Pidana, "politik uang pada hari pemungutan suara", "Pasal 523 ayat (3) UU 7/2017"),
    ("REKAPITULASI", ViolationType::Pidana, "penggelembungan suara dalam rekapitulasi", "Pasal 532 UU 7/2017"),
    ("PENCALONAN", ViolationType::Pidana, "penggunaan dokumen palsu dalam pencalonan", "Pasal 520 UU 7/2017"),
    ("*", ViolationType::Pidana, "tindak pidana pemilu", "UU 7/2017"),
    ("KAMPANYE", ViolationType::HukumLainnya, "pelanggaran netralitas ASN di media sosial", "Pasal 280 ayat (2) huruf f UU 7/2017"),
    ("KAMPANYE", ViolationType::HukumLainnya, "kepala desa ikut berkampanye untuk calon", "Pasal 280 ayat (2) huruf h UU 7/2017"),
    ("KAMPANYE", ViolationType::HukumLainnya, "ASN menghadiri kampanye pertemuan terbatas", "Pasal 9 ayat (2) UU 5/2014"),
    ("*", ViolationType::HukumLainnya, "pelanggaran netralitas ASN", "Pasal 9 ayat (2) UU 5/2014"),
    ("*", ViolationType::HukumLainnya, "perangkat desa berpihak kepada peserta pemilu", "Pasal 29 huruf j UU 6/2014"),
    ("PUNGUT_HITUNG", ViolationType::KodeEtik, "anggota KPPS tidak netral di TPS", "Peraturan DKPP 2/2017"),
    ("PUNGUT_HITUNG", ViolationType::KodeEtik, "Pengawas TPS meninggalkan TPS saat penghitungan", "Peraturan DKPP 2/2017"),
    ("REKAPITULASI", ViolationType::KodeEtik, "anggota PPK menolak keberatan saksi", "Peraturan DKPP 2/2017"),
    ("DATA_PEMILIH", ViolationType::KodeEtik, "Pantarlih tidak melakukan coklit", "Peraturan DKPP 2/2017"),
    ("*", ViolationType::KodeEtik, "pelanggaran kode etik penyelenggara ad hoc", "Peraturan DKPP 2/2017"),
    ("*", ViolationType::KodeEtik, "anggota badan ad hoc tercatat sebagai anggota partai", "Peraturan DKPP 2/2017"),
    ("KAMPANYE", ViolationType::Administrasi, "pemasangan alat peraga kampanye di sekolah", "Pasal 280 ayat (1) huruf h UU 7/2017"),
    ("KAMPANYE", ViolationType::Administrasi, "alat peraga kampanye di tempat ibadah", "Pasal 280 ayat (1) huruf h UU 7/2017"),
    ("MASA_TENANG", ViolationType::Administrasi, "alat peraga kampanye belum diturunkan pada masa tenang", "PKPU 15/2023"),
    ("DATA_PEMILIH", ViolationType::Administrasi, "kesalahan prosedur coklit oleh Pantarlih", "PKPU 7/2022"),
    ("DATA_PEMILIH", ViolationType::Administrasi, "pemilih tidak memenuhi syarat dalam daftar pemilih", "PKPU 7/2022"),
    ("PENCALONAN", ViolationType::Administrasi, "KPU menerima berkas pencalonan melewati batas waktu", "PKPU 10/2023"),
    ("PENDAFTARAN_VERIFIKASI", ViolationType::Administrasi, "verifikasi faktual partai politik tidak sesuai prosedur", "PKPU 4/2022"),
    ("PUNGUT_HITUNG", ViolationType::Administrasi, "rekomendasi pemungutan suara ulang di TPS", "Pasal 372 ayat (2) UU 7/2017"),
    ("REKAPITULASI", ViolationType::Administrasi, "selisih rekapitulasi suara di tingkat kecamatan", "PKPU 5/2024"),
    ("REKAPITULASI", ViolationType::Administrasi, "data Sirekap berbeda dengan formulir C Hasil", "PKPU 5/2024"),
    ("*", ViolationType::Administrasi, "prosedur penyelenggara tidak sesuai ketentuan", "UU 7/2017"),
];

/// Closing sentences of the synthetic descriptions.
const EVIDENCE: &[&str] = &[
    "Bukti berupa foto dan video kegiatan.",
    "Bukti berupa tangkapan layar media sosial.",
    "Dilengkapi keterangan dua orang saksi.",
    "Bukti berupa salinan dokumen dan formulir hasil pengawasan.",
    "Ditemukan dalam pengawasan melekat.",
];

/// One stage as the generator uses it: its code, the received window (day offsets into the date
/// table), the first day an event can have, the phrases of each type.
struct StageGen {
    code: &'static str,
    from: usize,
    to: usize,
    campaign: bool,
    phrases: [Vec<(&'static str, &'static str)>; 4],
}

fn type_index(t: ViolationType) -> usize {
    match t {
        ViolationType::Pidana => 0,
        ViolationType::HukumLainnya => 1,
        ViolationType::KodeEtik => 2,
        _ => 3,
    }
}

fn stages() -> Vec<StageGen> {
    let reference = Reference::embedded();
    let first = first_day();
    let last = (last_received() - first).num_days() as usize;
    let off = |d: NaiveDate| ((d - first).num_days().max(0) as usize).min(last);
    STAGE_SHARE
        .iter()
        .map(|&(code, _)| {
            let s = reference.stage(code);
            let from = s.and_then(|s| s.starts_on).map(off).unwrap_or(0);
            let to = s
                .and_then(|s| s.ends_on)
                .map(|e| off(e + Duration::days(7)))
                .unwrap_or(last)
                .max(from);
            let mut phrases: [Vec<(&str, &str)>; 4] = Default::default();
            for &(stage, t, what, pasal) in PHRASES {
                if stage == code {
                    phrases[type_index(t)].push((what, pasal));
                }
            }
            for (i, list) in phrases.iter_mut().enumerate() {
                if list.is_empty() {
                    list.extend(
                        PHRASES
                            .iter()
                            .filter(|p| p.0 == "*" && type_index(p.1) == i)
                            .map(|p| (p.2, p.3)),
                    );
                }
            }
            StageGen {
                code,
                from,
                to,
                campaign: code == "KAMPANYE",
                phrases,
            }
        })
        .collect()
}

fn weighted<T: Copy>(rng: &mut Rng, items: &[(T, u32)]) -> T {
    let total: u32 = items.iter().map(|x| x.1).sum();
    let mut x = rng.u32(..total.max(1));
    for &(item, w) in items {
        if x < w {
            return item;
        }
        x -= w;
    }
    items[0].0
}

fn stage_index(rng: &mut Rng) -> usize {
    let total: u32 = STAGE_SHARE.iter().map(|x| x.1).sum();
    let mut x = rng.u32(..total);
    for (i, &(_, w)) in STAGE_SHARE.iter().enumerate() {
        if x < w {
            return i;
        }
        x -= w;
    }
    0
}

fn office_index(rng: &mut Rng, total: u32) -> usize {
    let mut x = rng.u32(..total);
    for (i, o) in OFFICES.iter().enumerate() {
        if x < o.weight {
            return i;
        }
        x -= o.weight;
    }
    0
}

/// The outcome of one synthetic case.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fate {
    /// Laporan not registered (or withdrawn, or a temuan lead dropped).
    Unregistered(Status),
    Violation,
    NotViolation,
    InProcess,
}

/// One generated case, in reused buffers; days are offsets into the date table.
#[derive(Default)]
struct Row {
    id: i64,
    office: usize,
    stage: usize,
    laporan: bool,
    event: usize,
    known: usize,
    received: usize,
    reg_day: Option<usize>,
    last_day: usize,
    status: Option<Status>,
    dugaan: Option<ViolationType>,
    proven: Option<ViolationType>,
    pasal: &'static str,
    kec: &'static str,
    kategori: Option<PartyCategory>,
    forward: Option<Forwarding>,
    /// Status, day, minute of the day.
    steps: Vec<(Status, usize, u32)>,
    nomor: String,
    reg_no: String,
    letter: String,
    uraian: String,
    terlapor: String,
    pelapor: String,
}

/// What the generator draws from: stages, offices, date strings, initials.
struct Generator {
    rng: Rng,
    stages: Vec<StageGen>,
    days: Vec<String>,
    years: Vec<i32>,
    names: Vec<(String, String)>,
    weight_total: u32,
    people: Vec<String>,
}

impl Generator {
    fn new(seed: u64) -> Generator {
        let mut rng = Rng::with_seed(seed);
        let first = first_day();
        let dates: Vec<NaiveDate> = (0..TABLE_DAYS)
            .map(|i| first + Duration::days(i as i64))
            .collect();
        let people = (0..400).map(|_| initials(&mut rng)).collect();
        Generator {
            rng,
            stages: stages(),
            days: dates.iter().map(NaiveDate::to_string).collect(),
            years: dates.iter().map(chrono::Datelike::year).collect(),
            names: OFFICES.iter().map(|o| (o.bawaslu(), o.pemda())).collect(),
            weight_total: OFFICES.iter().map(|o| o.weight).sum(),
            people,
        }
    }

    /// Fills `row` with the case numbered `id`.
    fn next(&mut self, id: i64, row: &mut Row) {
        let rng = &mut self.rng;
        row.id = id;
        row.stage = stage_index(rng);
        row.office = office_index(rng, self.weight_total);
        let st = &self.stages[row.stage];
        let office = &OFFICES[row.office];
        row.received = rng.usize(st.from..=st.to);
        row.known = row
            .received
            .saturating_sub(rng.usize(0..=3))
            .max(st.from.min(row.received));
        row.event = row
            .known
            .saturating_sub(rng.usize(0..=1))
            .max(st.from.min(row.known));
        row.laporan = rng.u32(..1722) < 1116;
        let fate = if row.laporan {
            if rng.u32(..3) > 0 {
                Fate::Unregistered(match rng.u32(..20) {
                    0 => Status::Dicabut,
                    1 => Status::KajianAwal,
                    _ => Status::TidakDiregistrasi,
                })
            } else {
                registered_fate(rng)
            }
        } else if rng.u32(..100) < 3 {
            Fate::Unregistered(Status::Dihentikan)
        } else {
            registered_fate(rng)
        };
        let mix: &[(ViolationType, u32)] = if st.campaign {
            &CAMPAIGN_MIX
        } else {
            &OTHER_MIX
        };
        let proven = weighted(rng, mix);
        let dugaan = if fate == Fate::Violation {
            proven
        } else {
            weighted(rng, mix)
        };
        let no_dugaan = matches!(fate, Fate::Unregistered(_)) && rng.u32(..4) == 0;
        let (kategori, forward) = party_of(rng, dugaan);
        row.dugaan = (!no_dugaan).then_some(dugaan);
        row.kategori = Some(kategori);

        history(rng, row, fate);
        let status = row.steps[row.steps.len() - 1].0;
        let violation = status == Status::Pelanggaran;
        row.status = Some(status);
        row.reg_day = row
            .steps
            .iter()
            .find(|s| s.0 == Status::Diregistrasi)
            .map(|s| s.1);
        row.last_day = row.steps[row.steps.len() - 1].1;
        row.proven = violation.then_some(proven);
        row.forward = violation.then_some(forward);

        row.nomor.clear();
        let _ = write!(row.nomor, "SIM/{id:07}/{}", self.years[row.received]);
        row.reg_no.clear();
        if let Some(r) = row.reg_day {
            let _ = write!(row.reg_no, "SIM/Reg/{id:07}/{}", self.years[r]);
        }
        row.letter.clear();
        if violation {
            let _ = write!(
                row.letter,
                "{id:07}/PP.01.02/SIM/{}",
                self.years[row.last_day]
            );
        }
        let phrases = &st.phrases[type_index(dugaan)];
        let (what, pasal) = phrases[rng.usize(..phrases.len())];
        row.pasal = pasal;
        let places = if office.places.is_empty() {
            OFFICES[1 + rng.usize(..OFFICES.len() - 1)].places
        } else {
            office.places
        };
        let (kec, kels) = places[rng.usize(..places.len())];
        let kel = kels[rng.usize(..kels.len())];
        row.kec = kec;
        row.uraian.clear();
        let _ = write!(
            row.uraian,
            "Dugaan {what} di {kel}, Kecamatan {kec}. {}",
            EVIDENCE[rng.usize(..EVIDENCE.len())]
        );
        let who = &self.people[rng.usize(..self.people.len())];
        let pemda = &self.names[row.office].1;
        row.terlapor.clear();
        let _ = match kategori {
            PartyCategory::Asn => write!(row.terlapor, "ASN {pemda} (inisial {who})"),
            PartyCategory::KepalaDesa => write!(
                row.terlapor,
                "Kepala desa di Kecamatan {kec} (inisial {who})"
            ),
            PartyCategory::Penyelenggara | PartyCategory::PenyelenggaraAdhoc => {
                write!(row.terlapor, "Anggota KPPS/PPS di {kel} (inisial {who})")
            }
            PartyCategory::PengawasAdhoc => {
                write!(row.terlapor, "Pengawas TPS di {kel} (inisial {who})")
            }
            PartyCategory::Calon => {
                write!(row.terlapor, "Caleg DPRD {} (inisial {who})", office.bare())
            }
            _ => write!(row.terlapor, "Tim kampanye (inisial {who})"),
        };
        row.pelapor.clear();
        if row.laporan {
            let _ = write!(
                row.pelapor,
                "{} (warga {kel})",
                self.people[rng.usize(..self.people.len())]
            );
        }
    }
}

/// The status history of a case: 2–5 entries a few days apart, in office hours.
fn history(rng: &mut Rng, row: &mut Row, fate: Fate) {
    let steps = &mut row.steps;
    steps.clear();
    let mut day = row.received;
    let mut push = |s: Status, gap: usize, rng: &mut Rng| {
        day = (day + gap).min(TABLE_DAYS - 1);
        let mut minute = rng.u32(8 * 60..15 * 60);
        if let Some(&(_, d, m)) = steps.last()
            && d == day
            && minute <= m
        {
            minute = m + 7;
        }
        steps.push((s, day, minute));
    };
    if row.laporan {
        push(Status::Diterima, 0, rng);
        let gap = rng.usize(0..=1);
        push(Status::KajianAwal, gap, rng);
    } else {
        push(Status::Penelusuran, 0, rng);
    }
    match fate {
        Fate::Unregistered(Status::KajianAwal) => {}
        Fate::Unregistered(s) => {
            let gap = rng.usize(1..=2);
            push(s, gap, rng);
        }
        _ => {
            let gap = rng.usize(1..=3);
            push(Status::Diregistrasi, gap, rng);
            if fate == Fate::InProcess {
                let gap = rng.usize(1..=2);
                push(Status::Klarifikasi, gap, rng);
            } else {
                let gap = rng.usize(2..=5);
                push(Status::Kajian, gap, rng);
                let end = if fate == Fate::Violation {
                    Status::Pelanggaran
                } else {
                    Status::BukanPelanggaran
                };
                let gap = rng.usize(1..=4);
                push(end, gap, rng);
            }
        }
    }
}

/// Writes `n` synthetic cases in one transaction (rolled back on error or cancellation) and returns
/// `n`. Calls `progress` every 10,000 cases; stops with an error when `cancel` becomes true.
pub fn synthetic(
    store: &mut Store,
    n: usize,
    seed: u64,
    now: NaiveDateTime,
    progress: &mut dyn FnMut(usize),
    cancel: &AtomicBool,
) -> Result<usize> {
    load(store, n, seed, now, progress, cancel, REBUILD_FTS)
}

/// [`synthetic`], choosing how the full-text index is kept: by the trigger row by row, or rebuilt
/// once at the end (`rebuild_fts`).
pub fn load(
    store: &mut Store,
    n: usize,
    seed: u64,
    now: NaiveDateTime,
    progress: &mut dyn FnMut(usize),
    cancel: &AtomicBool,
    rebuild_fts: bool,
) -> Result<usize> {
    // A larger page cache keeps the indexes of a big load in memory; restored afterwards.
    let written = store.with_page_cache(LOAD_CACHE_KIB, |store| {
        load_in_transaction(store, n, seed, now, progress, cancel, rebuild_fts)
    })?;
    progress(written);
    Ok(written)
}

/// The load itself, in one transaction that is rolled back on any error or on cancellation.
fn load_in_transaction(
    store: &mut Store,
    n: usize,
    seed: u64,
    now: NaiveDateTime,
    progress: &mut dyn FnMut(usize),
    cancel: &AtomicBool,
    rebuild_fts: bool,
) -> Result<usize> {
    let tx = store.begin()?;
    let batch = NewBatch {
        kind: "demo",
        imported_by: "pantau demo".into(),
        imported_at: now,
        source_name: format!("synthetic {n} seed {seed}"),
        sha256: None,
    };
    let batch_id = tx.insert_batch(&batch)?;
    let aside = if rebuild_fts {
        Some(tx.set_full_text_aside()?)
    } else {
        None
    };
    let written = fill(&tx, n, seed, now, batch_id, progress, cancel).map_err(|e| match e {
        Fill::Db(e) => e,
        Fill::Cancelled => {
            let m = Command::DemoCancelled;
            Error::failed(m.text(Lang::Id), m.text(Lang::En))
        }
    })?;
    if let Some(aside) = aside {
        aside.rebuild(&tx)?;
    }
    let activity = activity::scaled(
        &activity::campaign(&mut Rng::with_seed(seed)),
        activity_factor(n),
    );
    activity::write(&tx, &activity, batch_id, now)?;
    tx.finish_batch(batch_id, [written as i64, written as i64, 0, 0, 0])?;
    tx.commit()?;
    Ok(written)
}

/// How many times the Kaltim demo's campaign activities `n` synthetic cases stand beside: about
/// 200 cases over the whole election to its 7,120 activities, so that cases per 1,000 activities
/// read alike at any scale.
pub(crate) fn activity_factor(n: usize) -> i64 {
    i64::try_from(n / 200).unwrap_or(i64::MAX).max(1)
}

enum Fill {
    Db(Error),
    Cancelled,
}

impl From<Error> for Fill {
    fn from(e: Error) -> Fill {
        Fill::Db(e)
    }
}

fn fill(
    tx: &Write<'_>,
    n: usize,
    seed: u64,
    now: NaiveDateTime,
    batch_id: i64,
    progress: &mut dyn FnMut(usize),
    cancel: &AtomicBool,
) -> std::result::Result<usize, Fill> {
    let mut generator = Generator::new(seed);
    let now = now.format("%Y-%m-%d %H:%M:%S").to_string();
    let base = tx.largest_case_id()?;
    let mut loader = tx.case_loader()?;
    let mut row = Row {
        steps: Vec::with_capacity(6),
        ..Row::default()
    };
    let mut at = String::new();
    for i in 0..n {
        if i.is_multiple_of(STEP) {
            if cancel.load(Ordering::Relaxed) {
                return Err(Fill::Cancelled);
            }
            progress(i);
        }
        generator.next(base + i as i64 + 1, &mut row);
        let g = &generator;
        let office = &OFFICES[row.office];
        let day = |d: usize| g.days[d].as_str();
        let status = row.status.unwrap_or(Status::Diterima);
        loader.case(&CaseText {
            id: row.id,
            nomor: &row.nomor,
            nomor_registrasi: row.reg_day.map(|_| row.reg_no.as_str()),
            sumber: if row.laporan { "laporan" } else { "temuan" },
            kode_wilayah: office.code,
            kecamatan: row.kec,
            kode_tahapan: g.stages[row.stage].code,
            tanggal_kejadian: day(row.event),
            tanggal_diketahui: day(row.known),
            tanggal_diterima: day(row.received),
            tanggal_registrasi: row.reg_day.map(day),
            status: status.code(),
            diperpanjang: row.reg_day.is_some_and(|r| row.last_day > r + 7),
            jenis_dugaan: row.dugaan.map(ViolationType::code),
            jenis_pelanggaran: row.proven.map(ViolationType::code),
            pasal: row.pasal,
            uraian: &row.uraian,
            terlapor: &row.terlapor,
            kategori_terlapor: row.kategori.map(PartyCategory::code),
            pelapor: row.laporan.then_some(row.pelapor.as_str()),
            diteruskan_ke: row.forward.map(Forwarding::code),
            nomor_surat_penerusan: row.proven.map(|_| row.letter.as_str()),
            tanggal_penerusan: row.proven.map(|_| day(row.last_day)),
            batch_id,
            written_at: &now,
            // Spread over the shipped elections once a Pilkada case can be generated.
            election: FIRST_ELECTION,
        })?;
        let mut prev: Option<&str> = None;
        for &(s, d, minute) in &row.steps {
            at.clear();
            let _ = write!(
                at,
                "{} {:02}:{:02}:00",
                day(d),
                (minute / 60).min(23),
                minute % 60
            );
            let by = if s == Status::Penelusuran && !office.is_province() {
                "Panwaslu Kecamatan"
            } else {
                g.names[row.office].0.as_str()
            };
            loader.history(&HistoryText {
                case_id: row.id,
                from: prev,
                to: s.code(),
                changed_at: &at,
                changed_by: by,
                batch_id,
            })?;
            prev = Some(s.code());
        }
    }
    Ok(n)
}

fn registered_fate(rng: &mut Rng) -> Fate {
    match rng.u32(..973) {
        0..468 => Fate::Violation,
        468..767 => Fate::NotViolation,
        _ => Fate::InProcess,
    }
}

/// The reported party's category and where a proven violation of type `t` goes.
fn party_of(rng: &mut Rng, t: ViolationType) -> (PartyCategory, Forwarding) {
    match t {
        ViolationType::KodeEtik => {
            if rng.u32(..5) == 0 {
                (PartyCategory::PengawasAdhoc, Forwarding::Bawaslu)
            } else {
                (PartyCategory::PenyelenggaraAdhoc, Forwarding::Kpu)
            }
        }
        ViolationType::HukumLainnya => {
            if rng.u32(..3) == 0 {
                (PartyCategory::KepalaDesa, Forwarding::InstansiLain)
            } else {
                (PartyCategory::Asn, Forwarding::Kasn)
            }
        }
        ViolationType::Pidana => {
            if rng.bool() {
                (PartyCategory::Calon, Forwarding::Gakkumdu)
            } else {
                (PartyCategory::TimKampanye, Forwarding::Gakkumdu)
            }
        }
        _ => (PartyCategory::PenyelenggaraAdhoc, Forwarding::Kpu),
    }
}

#[cfg(test)]
#[path = "synthetic_tests.rs"]
mod tests;
