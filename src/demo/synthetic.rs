//! Synthetic cases at scale with the national shares of Bawaslu RI (domain.md §5), spread over
//! the shipped elections (Pemilu 2024 and Pilkada 2024, see [`ELECTIONS`]), each case under its
//! own election's stages and contests and received within its period; written fast: one
//! transaction, cached statements, precomputed date strings, reused buffers.

use std::fmt::Write as _;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::{Duration, NaiveDate, NaiveDateTime};
use fastrand::Rng;

use crate::demo::activity;
use crate::demo::places::OFFICES;
use crate::demo::texts::initials;
use crate::domain::election::{Election, ElectionKind};
use crate::domain::{Forwarding, PartyCategory, Reference, Status, ViolationType};
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::i18n::commands::Command;
use crate::store::Store;
use crate::store::bulk::Bulk;
use crate::store::load::{CaseText, HistoryText};
use crate::store::write::{NewBatch, Write};

/// Page cache during a load, in KiB (negative: SQLite's unit for KiB).
const LOAD_CACHE_KIB: i64 = -262_144;

/// How often progress is reported and cancellation checked.
const STEP: usize = 10_000;

/// Whether to load in a [`Bulk`]: the full-text and change-log insert triggers (and, into an
/// empty database, the secondary indexes) set aside during the load, their entries written at
/// the end in a few statements (measured faster for large loads; see `cargo bench --bench
/// synthetic`).
const BULK: bool = true;

/// First day of the date table, and the last day a synthetic Pemilu 2024 case may be received
/// (a week after its last stage); a Pilkada 2024 case is received up to a week after its
/// tabulation (23 Dec 2024). The table's 1,000 days run to February 2025.
fn first_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 6, 1).unwrap_or(NaiveDate::MIN)
}
fn last_received() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 10, 31).unwrap_or(NaiveDate::MIN)
}
const TABLE_DAYS: usize = 1_000;

/// What the generator needs of one shipped election: its share of the synthetic cases, the share
/// of each of its stages and the phrases of its law.
struct ElectionSpec {
    code: &'static str,
    /// Relative share of the cases.
    weight: u32,
    stages: &'static [(&'static str, u32)],
    phrases: &'static [Phrase],
}

/// The shipped elections and their shares: two Pemilu 2024 cases to one Pilkada 2024 case, about
/// as in Kalimantan Timur's published figures (domain.md §5, §7): the Pemilu's 21 months of stages
/// brought the office some 170 cases (the demo's story), the Pilkada's seven months about 80
/// laporan (59 in its campaign by 26 Nov 2024, 16 more after voting day) and its temuan. An
/// election missing from the database (one upgraded without `pantau init`) gets none.
const ELECTIONS: &[ElectionSpec] = &[
    ElectionSpec {
        code: "PEMILU2024",
        weight: 2,
        stages: STAGE_SHARE,
        phrases: PHRASES,
    },
    ElectionSpec {
        code: "PILKADA2024",
        weight: 1,
        stages: PILKADA_STAGE_SHARE,
        phrases: PILKADA_PHRASES,
    },
];

/// Share of each stage of Pemilu 2024 among its synthetic cases, in per mille (KAMPANYE 30%, as
/// the type mix assumes).
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

/// Share of each stage of Pilkada 2024 among its synthetic cases, in per mille: the campaign 30%
/// as for Pemilu 2024 (so that the type mix is the same), voting day and the quiet period with
/// the money-politics cases after them, candidacy and the independents' support before.
const PILKADA_STAGE_SHARE: &[(&str, u32)] = &[
    ("DUKUNGAN_PERSEORANGAN", 20),
    ("DATA_PEMILIH", 60),
    ("PENGUMUMAN_PENDAFTARAN", 10),
    ("PENDAFTARAN_PASLON", 30),
    ("PENELITIAN_PERSYARATAN", 60),
    ("PENETAPAN_PASLON", 20),
    ("KAMPANYE", 300),
    ("MASA_TENANG", 60),
    ("PUNGUT_HITUNG", 200),
    ("REKAPITULASI", 120),
    ("PENETAPAN_TERPILIH", 40),
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

/// A description piece: stage (`*` any), type, what happened, article.
type Phrase = (&'static str, ViolationType, &'static str, &'static str);

/// Description pieces of Pemilu 2024 (UU 7/2017).
#[rustfmt::skip]
const PHRASES: &[Phrase] = &[
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

/// Description pieces of Pilkada 2024 (UU 1/2015 as amended to UU 10/2016).
#[rustfmt::skip]
const PILKADA_PHRASES: &[Phrase] = &[
    ("KAMPANYE", ViolationType::Pidana, "politik uang oleh tim pemenangan pasangan calon", "Pasal 187A ayat (1) UU 10/2016"),
    ("KAMPANYE", ViolationType::Pidana, "pembagian sembako disertai ajakan memilih pasangan calon", "Pasal 187A ayat (1) UU 10/2016"),
    ("KAMPANYE", ViolationType::Pidana, "penghadangan kegiatan kampanye pasangan calon", "UU 10/2016"),
    ("MASA_TENANG", ViolationType::Pidana, "politik uang pada masa tenang Pilkada", "Pasal 187A ayat (1) UU 10/2016"),
    ("PUNGUT_HITUNG", ViolationType::Pidana, "politik uang pada hari pemungutan suara Pilkada", "Pasal 187A ayat (1) UU 10/2016"),
    ("PUNGUT_HITUNG", ViolationType::Pidana, "pemilih mencoblos lebih dari satu kali", "UU 10/2016"),
    ("*", ViolationType::Pidana, "tindak pidana pemilihan", "UU 10/2016"),
    ("KAMPANYE", ViolationType::HukumLainnya, "pelanggaran netralitas ASN dalam Pilkada di media sosial", "Pasal 71 ayat (1) UU 10/2016"),
    ("KAMPANYE", ViolationType::HukumLainnya, "kepala desa berpihak kepada pasangan calon", "Pasal 71 ayat (1) UU 10/2016"),
    ("*", ViolationType::HukumLainnya, "pelanggaran netralitas ASN dalam Pilkada", "Pasal 71 ayat (1) UU 10/2016"),
    ("*", ViolationType::HukumLainnya, "penggantian pejabat oleh kepala daerah menjelang penetapan pasangan calon", "Pasal 71 ayat (2) UU 10/2016"),
    ("PUNGUT_HITUNG", ViolationType::KodeEtik, "anggota KPPS tidak netral di TPS", "Peraturan DKPP 2/2017"),
    ("REKAPITULASI", ViolationType::KodeEtik, "anggota PPK menolak keberatan saksi pasangan calon", "Peraturan DKPP 2/2017"),
    ("DATA_PEMILIH", ViolationType::KodeEtik, "Pantarlih tidak melakukan coklit", "Peraturan DKPP 2/2017"),
    ("*", ViolationType::KodeEtik, "pelanggaran kode etik penyelenggara ad hoc", "Peraturan DKPP 2/2017"),
    ("KAMPANYE", ViolationType::Administrasi, "alat peraga kampanye dipasang di luar lokasi yang ditetapkan KPU", "UU 10/2016"),
    ("MASA_TENANG", ViolationType::Administrasi, "alat peraga kampanye belum diturunkan pada masa tenang", "UU 10/2016"),
    ("DATA_PEMILIH", ViolationType::Administrasi, "pemilih tidak memenuhi syarat dalam daftar pemilih", "UU 10/2016"),
    ("DUKUNGAN_PERSEORANGAN", ViolationType::Administrasi, "KTP warga dicatut sebagai dukungan bakal pasangan calon perseorangan", "UU 10/2016"),
    ("PENELITIAN_PERSYARATAN", ViolationType::Administrasi, "syarat pencalonan bakal pasangan calon tidak diteliti sesuai prosedur", "UU 10/2016"),
    ("PUNGUT_HITUNG", ViolationType::Administrasi, "rekomendasi pemungutan suara ulang di TPS", "UU 10/2016"),
    ("REKAPITULASI", ViolationType::Administrasi, "selisih rekapitulasi suara di tingkat kecamatan", "UU 10/2016"),
    ("*", ViolationType::Administrasi, "prosedur penyelenggara tidak sesuai ketentuan", "UU 10/2016"),
];

/// Closing sentences of the synthetic descriptions.
const EVIDENCE: &[&str] = &[
    "Bukti berupa foto dan video kegiatan.",
    "Bukti berupa tangkapan layar media sosial.",
    "Dilengkapi keterangan dua orang saksi.",
    "Bukti berupa salinan dokumen dan formulir hasil pengawasan.",
    "Ditemukan dalam pengawasan melekat.",
];

/// One stage as the generator uses it: its code, its share, the received window (day offsets into
/// the date table), whether it is its election's campaign, whether its cases belong to a contest
/// (a dated stage from the campaign on), the phrases of each type.
struct StageGen {
    code: String,
    share: u32,
    from: usize,
    to: usize,
    campaign: bool,
    contest: bool,
    phrases: [Vec<(&'static str, &'static str)>; 4],
}

/// One handling office as the generator uses it: its code, the names its texts need, the code its
/// case numbers carry (Kaltim's Bawaslu numbering code `23.05`, elsewhere the Kemendagri code,
/// so that a number is never used by two provinces), its share of the cases and the kecamatan
/// its cases happen in (indexes into [`Generator::kecamatan`]).
struct OfficeGen {
    code: String,
    bawaslu: String,
    pemda: String,
    bare: String,
    num: String,
    weight: u32,
    /// The provincial office or Bawaslu RI: its cases happen anywhere below it.
    above: bool,
    kecamatan: std::ops::Range<usize>,
}

/// One kecamatan with its kelurahan/desa (a range of [`Generator::desa`]).
struct KecGen {
    code: String,
    name: String,
    desa: std::ops::Range<usize>,
}

/// One kelurahan/desa: its code and its name as the descriptions say it ("Kelurahan Sidodadi").
struct DesaGen {
    code: String,
    name: String,
}

/// The handling offices of the database's reference data, with the kecamatan and kelurahan/desa
/// below them. Kalimantan Timur's offices keep the demo's shares and numbering codes
/// (`places::OFFICES`); another province's are weighted by their number of kecamatan, its
/// provincial office by a sixteenth of them (about Kaltim's share), Bawaslu RI by one in a
/// hundred.
fn offices(reference: &Reference) -> (Vec<OfficeGen>, Vec<KecGen>, Vec<DesaGen>) {
    let desa: Vec<DesaGen> = reference
        .desa
        .iter()
        .map(|d| DesaGen {
            code: d.code.clone(),
            name: format!(
                "{} {}",
                if d.kind == "kelurahan" {
                    "Kelurahan"
                } else {
                    "Desa"
                },
                d.name
            ),
        })
        .collect();
    // The tree's lists are sorted by code, so each kecamatan's desa and each region's kecamatan
    // are ranges.
    fn range(prefix: &str, codes: &[&str]) -> std::ops::Range<usize> {
        let want = format!("{prefix}.");
        let start = codes.partition_point(|c| *c < want.as_str());
        let len = codes[start..]
            .iter()
            .take_while(|c| c.starts_with(&want))
            .count();
        start..start + len
    }
    let desa_codes: Vec<&str> = reference.desa.iter().map(|d| d.code.as_str()).collect();
    let kecamatan: Vec<KecGen> = reference
        .kecamatan
        .iter()
        .map(|k| KecGen {
            code: k.code.clone(),
            name: k.name.clone(),
            desa: range(&k.code, &desa_codes),
        })
        .collect();
    let total_kec: u32 = reference
        .regions
        .iter()
        .filter(|r| r.kind == "kabupaten" || r.kind == "kota")
        .map(|r| u32::try_from(r.kecamatan_count).unwrap_or(0))
        .sum();
    let kec_codes: Vec<&str> = kecamatan.iter().map(|k| k.code.as_str()).collect();
    let kaltim = reference.root().is_some_and(|r| r.code == "64");
    let offices = reference
        .regions
        .iter()
        .filter_map(|r| {
            let shipped = OFFICES.iter().find(|o| o.code == r.code).filter(|_| kaltim);
            let above = r.kind == "provinsi" || r.kind == "nasional";
            let kec = if r.kind == "nasional" {
                0..kecamatan.len()
            } else {
                range(&r.code, &kec_codes)
            };
            if kec.is_empty() {
                return None;
            }
            let weight = match (shipped, r.kind.as_str()) {
                (Some(o), _) => o.weight,
                (None, "nasional") => (total_kec / 100).max(1),
                (None, "provinsi") => (u32::try_from(r.kecamatan_count).unwrap_or(0) / 16).max(1),
                (None, _) => u32::try_from(r.kecamatan_count).unwrap_or(0).max(1),
            };
            let name = match r.kind.as_str() {
                "nasional" => "Republik Indonesia".to_string(),
                _ => r.name.clone(),
            };
            let bare = name
                .trim_start_matches("Provinsi ")
                .trim_start_matches("Kabupaten ")
                .trim_start_matches("Kota ")
                .to_string();
            Some(OfficeGen {
                code: r.code.clone(),
                bawaslu: format!("Bawaslu {name}"),
                pemda: format!("Pemerintah {name}"),
                bare,
                num: shipped.map_or_else(|| r.code.clone(), |o| o.num.to_string()),
                weight,
                above,
                kecamatan: kec,
            })
        })
        .collect();
    (offices, kecamatan, desa)
}

/// One election as the generator uses it: its code, case-number segment and kind, its stages, and
/// the contests each office (by index into [`Generator::offices`]) handles.
struct ElectionGen {
    code: String,
    segment: String,
    kind: ElectionKind,
    weight: u32,
    stages: Vec<StageGen>,
    stage_total: u32,
    contests: Vec<Vec<String>>,
}

fn type_index(t: ViolationType) -> usize {
    match t {
        ViolationType::Pidana => 0,
        ViolationType::HukumLainnya => 1,
        ViolationType::KodeEtik => 2,
        _ => 3,
    }
}

/// The shipped elections the database holds, ready to generate from.
fn elections(reference: &Reference, offices: &[OfficeGen]) -> Vec<ElectionGen> {
    ELECTIONS
        .iter()
        .filter_map(|spec| {
            let e = reference.election(spec.code)?;
            let stages = stages(e, spec);
            Some(ElectionGen {
                code: e.code.clone(),
                segment: e.case_segment.clone(),
                kind: e.kind,
                weight: spec.weight,
                stage_total: stages.iter().map(|s| s.share).sum(),
                stages,
                contests: offices.iter().map(|o| handled(e, &o.code)).collect(),
            })
        })
        .filter(|g| g.stage_total > 0)
        .collect()
}

/// The contests of `e` the office `region` handles: those of every office, of its own region, or
/// of the province it belongs to.
fn handled(e: &Election, region: &str) -> Vec<String> {
    let province = region.split('.').next().unwrap_or(region);
    e.contests
        .iter()
        .filter(|c| {
            c.region
                .as_deref()
                .is_none_or(|r| r == region || r == province)
        })
        .map(|c| c.code.clone())
        .collect()
}

/// The stages of `e` that `spec` gives a share, with their
/// received windows: a dated stage from
/// its first day to a week after its last; the stage outside the statutory ones (`LAINNYA`) over
/// the whole period; another undated stage (the declaration of the elected, after the Court's
/// schedule) from voting day to a week after the period. Pemilu 2024's cases are received by
/// 31 Oct 2024.
fn stages(e: &Election, spec: &ElectionSpec) -> Vec<StageGen> {
    let first = first_day();
    let table_end = TABLE_DAYS - 1;
    let off = |d: NaiveDate| ((d - first).num_days().max(0) as usize).min(table_end);
    let (start, end) = e.period().unwrap_or((first, last_received()));
    let last = if e.code == "PEMILU2024" {
        off(last_received())
    } else {
        off(end + Duration::days(7))
    };
    let start = if e.code == "PEMILU2024" {
        0
    } else {
        off(start)
    };
    let campaign = e.stage(&e.campaign_stage).map_or(i64::MAX, |s| s.position);
    spec.stages
        .iter()
        .filter_map(|&(code, share)| {
            let s = e.stage(code)?;
            let (from, to) = match (s.starts_on, s.ends_on) {
                (Some(a), b) => (off(a), b.map_or(last, |b| off(b + Duration::days(7)))),
                (None, _) if code == "LAINNYA" => (start, last),
                (None, _) => (off(e.voting_day), last),
            };
            let mut phrases: [Vec<(&str, &str)>; 4] = Default::default();
            for &(stage, t, what, pasal) in spec.phrases {
                if stage == code {
                    phrases[type_index(t)].push((what, pasal));
                }
            }
            for (i, list) in phrases.iter_mut().enumerate() {
                if list.is_empty() {
                    list.extend(
                        spec.phrases
                            .iter()
                            .filter(|p| p.0 == "*" && type_index(p.1) == i)
                            .map(|p| (p.2, p.3)),
                    );
                }
            }
            Some(StageGen {
                code: code.to_string(),
                share,
                from,
                to: to.min(last).max(from),
                campaign: code == e.campaign_stage,
                contest: s.position >= campaign && s.starts_on.is_some(),
                phrases,
            })
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

/// An index into `items` drawn by their weights (`total` their sum, at least 1).
fn pick_index<T>(rng: &mut Rng, items: &[T], total: u32, weight: impl Fn(&T) -> u32) -> usize {
    let mut x = rng.u32(..total.max(1));
    for (i, item) in items.iter().enumerate() {
        let w = weight(item);
        if x < w {
            return i;
        }
        x -= w;
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
    election: usize,
    office: usize,
    stage: usize,
    contest: Option<usize>,
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
    kec: usize,
    desa: Option<usize>,
    tps: Option<u16>,
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

/// What the generator draws from: elections with their stages, offices, date strings, initials.
struct Generator {
    rng: Rng,
    elections: Vec<ElectionGen>,
    election_total: u32,
    days: Vec<String>,
    years: Vec<i32>,
    offices: Vec<OfficeGen>,
    kecamatan: Vec<KecGen>,
    desa: Vec<DesaGen>,
    weight_total: u32,
    people: Vec<String>,
}

impl Generator {
    fn new(seed: u64, reference: &Reference) -> Generator {
        let mut rng = Rng::with_seed(seed);
        let (offices, kecamatan, desa) = offices(reference);
        let elections = elections(reference, &offices);
        let first = first_day();
        let dates: Vec<NaiveDate> = (0..TABLE_DAYS)
            .map(|i| first + Duration::days(i as i64))
            .collect();
        let people = (0..400).map(|_| initials(&mut rng)).collect();
        Generator {
            rng,
            election_total: elections.iter().map(|e| e.weight).sum(),
            elections,
            days: dates.iter().map(NaiveDate::to_string).collect(),
            years: dates.iter().map(chrono::Datelike::year).collect(),
            weight_total: offices.iter().map(|o| o.weight).sum(),
            offices,
            kecamatan,
            desa,
            people,
        }
    }

    /// Fills `row` with the case numbered `id`.
    fn next(&mut self, id: i64, row: &mut Row) {
        let rng = &mut self.rng;
        row.id = id;
        row.election = pick_index(rng, &self.elections, self.election_total, |e| e.weight);
        let el = &self.elections[row.election];
        row.stage = pick_index(rng, &el.stages, el.stage_total, |s| s.share);
        row.office = pick_index(rng, &self.offices, self.weight_total, |o| o.weight);
        let st = &el.stages[row.stage];
        let office = &self.offices[row.office];
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

        // The election's segment, as in real case numbers: SIM/0000001/PL/2024, SIM/…/PB/2024.
        let seg = &el.segment;
        row.nomor.clear();
        // The office's code too, as in the demo's story: two provinces' demos never share a number.
        let num = &office.num;
        let _ = write!(
            row.nomor,
            "SIM/{id:07}/{num}/{seg}/{}",
            self.years[row.received]
        );
        row.reg_no.clear();
        if let Some(r) = row.reg_day {
            let _ = write!(row.reg_no, "SIM/Reg/{id:07}/{num}/{seg}/{}", self.years[r]);
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
        // Where it happened: a kecamatan of the office's area (for the provincial office, or
        // Bawaslu RI, anywhere below it) and one of its kelurahan/desa; a voting-day case at a TPS.
        row.kec = rng.usize(office.kecamatan.clone());
        let k = &self.kecamatan[row.kec];
        row.desa = (!k.desa.is_empty()).then(|| rng.usize(k.desa.clone()));
        row.tps = (st.code == "PUNGUT_HITUNG" && row.desa.is_some()).then(|| rng.u16(1..=30));
        let kec = k.name.as_str();
        let kel = row.desa.map_or(kec, |d| self.desa[d].name.as_str());
        row.uraian.clear();
        let _ = write!(
            row.uraian,
            "Dugaan {what} di {kel}, Kecamatan {kec}. {}",
            EVIDENCE[rng.usize(..EVIDENCE.len())]
        );
        let who = &self.people[rng.usize(..self.people.len())];
        let pemda = &office.pemda;
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
            PartyCategory::Calon if el.kind == ElectionKind::Pemilihan => write!(
                row.terlapor,
                "Calon kepala daerah {} (inisial {who})",
                office.bare
            ),
            PartyCategory::Calon => {
                write!(row.terlapor, "Caleg DPRD {} (inisial {who})", office.bare)
            }
            _ => write!(row.terlapor, "Tim kampanye (inisial {who})"),
        };
        // A case of a stage from the campaign on, or about a candidate or campaign team, belongs
        // to one of the contests its office handles.
        let contests = &el.contests[row.office];
        let about_a_contestant = matches!(
            kategori,
            PartyCategory::Calon | PartyCategory::TimKampanye | PartyCategory::Peserta
        );
        row.contest = ((st.contest || about_a_contestant) && !contests.is_empty())
            .then(|| rng.usize(..contests.len()));
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
    load(store, n, seed, now, progress, cancel, BULK)
}

/// [`synthetic`], choosing how the full-text index and the change log are kept: by their triggers
/// row by row, or in a [`Bulk`] (`bulk`).
pub fn load(
    store: &mut Store,
    n: usize,
    seed: u64,
    now: NaiveDateTime,
    progress: &mut dyn FnMut(usize),
    cancel: &AtomicBool,
    bulk: bool,
) -> Result<usize> {
    // A larger page cache keeps the indexes of a big load in memory; restored afterwards. Every
    // code a case refers to comes from the reference data read inside the load's transaction
    // (and its history refers to the case just written): foreign keys need no checking.
    let written = store.with_page_cache(LOAD_CACHE_KIB, |store| {
        store.without_foreign_keys(|store| {
            load_in_transaction(store, n, seed, now, progress, cancel, bulk)
        })
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
    bulk: bool,
) -> Result<usize> {
    let tx = store.begin()?;
    let reference = tx.reference()?;
    let batch = NewBatch {
        kind: "demo",
        imported_by: "pantau demo".into(),
        imported_at: now,
        source_name: format!("synthetic {n} seed {seed}"),
        sha256: None,
    };
    let batch_id = tx.insert_batch(&batch)?;
    let aside = if bulk {
        Some(Bulk::begin(&tx, true)?)
    } else {
        None
    };
    let first = tx.largest_case_id()? + 1;
    let generator = Generator::new(seed, &reference);
    let written =
        fill(&tx, n, generator, now, batch_id, progress, cancel).map_err(|e| match e {
            Fill::Db(e) => e,
            Fill::Cancelled => {
                let m = Command::DemoCancelled;
                Error::failed(m.text(Lang::Id), m.text(Lang::En))
            }
        })?;
    if let Some(aside) = aside {
        aside.new_cases(&tx, first, first + written as i64)?;
        aside.finish(&tx)?;
    }
    // The campaign activities are the Kaltim offices' weekly figures: another province's
    // database (or a national one) gets none.
    if reference.root().is_some_and(|r| r.code == "64") {
        let activity = activity::scaled(
            &activity::campaign(&mut Rng::with_seed(seed)),
            activity_factor(n),
        );
        activity::write(&tx, &activity, batch_id, now)?;
    }
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
    mut generator: Generator,
    now: NaiveDateTime,
    batch_id: i64,
    progress: &mut dyn FnMut(usize),
    cancel: &AtomicBool,
) -> std::result::Result<usize, Fill> {
    let now = now.format("%Y-%m-%d %H:%M:%S").to_string();
    let base = tx.largest_case_id()?;
    let mut loader = tx.case_loader()?;
    let mut row = Row {
        steps: Vec::with_capacity(6),
        ..Row::default()
    };
    // The times of a case's history entries, buffers reused from case to case.
    let mut at: Vec<String> = Vec::new();
    for i in 0..n {
        if i.is_multiple_of(STEP) {
            if cancel.load(Ordering::Relaxed) {
                return Err(Fill::Cancelled);
            }
            progress(i);
        }
        generator.next(base + i as i64 + 1, &mut row);
        let g = &generator;
        let el = &g.elections[row.election];
        let office = &g.offices[row.office];
        let kec = &g.kecamatan[row.kec];
        let day = |d: usize| g.days[d].as_str();
        let status = row.status.unwrap_or(Status::Diterima);
        loader.case(&CaseText {
            id: row.id,
            nomor: &row.nomor,
            nomor_registrasi: row.reg_day.map(|_| row.reg_no.as_str()),
            sumber: if row.laporan { "laporan" } else { "temuan" },
            kode_wilayah: &office.code,
            kecamatan: &kec.name,
            kode_tahapan: &el.stages[row.stage].code,
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
            election: &el.code,
            kontestasi: row.contest.map(|i| el.contests[row.office][i].as_str()),
            kode_kecamatan: Some(&kec.code),
            kode_desa: row.desa.map(|d| g.desa[d].code.as_str()),
            tps: row.tps,
        })?;
        if at.len() < row.steps.len() {
            at.resize(row.steps.len(), String::new());
        }
        for (&(_, d, minute), at) in row.steps.iter().zip(at.iter_mut()) {
            at.clear();
            let _ = write!(
                at,
                "{} {:02}:{:02}:00",
                day(d),
                (minute / 60).min(23),
                minute % 60
            );
        }
        let mut prev: Option<&str> = None;
        let entries: Vec<HistoryText<'_>> = row
            .steps
            .iter()
            .zip(&at)
            .map(|(&(s, _, _), at)| {
                let by = if s == Status::Penelusuran && !office.above {
                    "Panwaslu Kecamatan"
                } else {
                    office.bawaslu.as_str()
                };
                let h = HistoryText {
                    case_id: row.id,
                    from: prev,
                    to: s.code(),
                    changed_at: at,
                    changed_by: by,
                    batch_id,
                };
                prev = Some(s.code());
                h
            })
            .collect();
        loader.histories(&entries)?;
    }
    // Every case is made: what is left is writing them out (the full-text index, the commit).
    progress(n);
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
