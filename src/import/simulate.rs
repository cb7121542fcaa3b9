//! Simulated arrivals for rehearsals: plausible new cases of one election (its stages, its
//! contests, its case-number segment, stories of its law) and status changes of its open cases in
//! the order of handling (domain.md §4), each its own short transaction, all under one batch of
//! kind `simulate`.

use std::sync::atomic::AtomicBool;
use std::time::Duration;

use chrono::{Datelike, Duration as Days, NaiveDate, NaiveDateTime};

use crate::domain::election::{Election, ElectionKind};
use crate::domain::{Case, Forwarding, PartyCategory, Source, Status, StatusChange, ViolationType};
use crate::error::{Error, Result};
use crate::i18n::{Lang, core::Core};
use crate::store::Store;
use crate::store::write::NewBatch;

/// What one simulated event did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// A new case arrived.
    New(Box<Case>),
    /// A case moved on.
    Change {
        nomor: String,
        from: Status,
        to: Status,
    },
}

/// A running simulation over one database, writing cases of one election.
#[derive(Debug)]
pub struct Simulator<'s> {
    store: &'s Store,
    rng: fastrand::Rng,
    election: Election,
    who: String,
    wait: Duration,
    pub batch_id: i64,
    pub new: u64,
    pub changed: u64,
}

/// A story a case can tell: what happened, the suspected type, who is reported, the article,
/// and the kind of election it happens in (`None`: either).
struct Story {
    kind: Option<ElectionKind>,
    stages: &'static [&'static str],
    uraian: &'static str,
    jenis: ViolationType,
    kategori: PartyCategory,
    pasal: Option<&'static str>,
}

const CAMPAIGN: &[&str] = &["KAMPANYE"];

/// Typical cases of Kaltim 2023–2024 (domain.md §4); `{kec}` is the kecamatan.
const STORIES: &[Story] = &[
    Story {
        kind: Some(ElectionKind::Pemilu),
        stages: CAMPAIGN,
        uraian: "Pembagian minyak goreng kepada warga oleh tim kampanye calon anggota DPRD di {kec}",
        jenis: ViolationType::Pidana,
        kategori: PartyCategory::TimKampanye,
        pasal: Some("Pasal 523 ayat (1) UU 7/2017"),
    },
    Story {
        kind: Some(ElectionKind::Pemilu),
        stages: CAMPAIGN,
        uraian: "Pemberian saldo uang elektronik (e-money) kepada pemilih disertai ajakan memilih calon tertentu",
        jenis: ViolationType::Pidana,
        kategori: PartyCategory::Calon,
        pasal: Some("Pasal 523 ayat (1) UU 7/2017"),
    },
    Story {
        kind: Some(ElectionKind::Pemilu),
        stages: CAMPAIGN,
        uraian: "ASN mengunggah dukungan kepada peserta pemilu di media sosial",
        jenis: ViolationType::HukumLainnya,
        kategori: PartyCategory::Asn,
        pasal: Some("Pasal 9 ayat (2) UU 5/2014"),
    },
    Story {
        kind: Some(ElectionKind::Pemilu),
        stages: CAMPAIGN,
        uraian: "Kepala desa hadir dan menyatakan dukungan dalam kampanye pertemuan terbatas di {kec}",
        jenis: ViolationType::Pidana,
        kategori: PartyCategory::KepalaDesa,
        pasal: Some("Pasal 490 UU 7/2017"),
    },
    Story {
        kind: Some(ElectionKind::Pemilu),
        stages: CAMPAIGN,
        uraian: "Alat peraga kampanye dipasang di lingkungan sekolah di {kec}",
        jenis: ViolationType::Administrasi,
        kategori: PartyCategory::TimKampanye,
        pasal: Some("Pasal 280 ayat (1) huruf h UU 7/2017"),
    },
    Story {
        kind: Some(ElectionKind::Pemilu),
        stages: CAMPAIGN,
        uraian: "Perusakan alat peraga kampanye peserta pemilu di {kec}",
        jenis: ViolationType::Pidana,
        kategori: PartyCategory::Lainnya,
        pasal: None,
    },
    Story {
        kind: None,
        stages: CAMPAIGN,
        uraian: "Pengawas kelurahan/desa tampil dalam kegiatan kampanye salah satu calon",
        jenis: ViolationType::KodeEtik,
        kategori: PartyCategory::PengawasAdhoc,
        pasal: None,
    },
    Story {
        kind: Some(ElectionKind::Pemilu),
        stages: &["MASA_TENANG", "PUNGUT_HITUNG"],
        uraian: "Pembagian amplop berisi uang kepada pemilih di {kec} menjelang hari pemungutan suara",
        jenis: ViolationType::Pidana,
        kategori: PartyCategory::TimKampanye,
        pasal: Some("Pasal 523 ayat (2) UU 7/2017"),
    },
    Story {
        kind: None,
        stages: &["PUNGUT_HITUNG"],
        uraian: "KPPS mengizinkan pemilih yang tidak terdaftar mencoblos tanpa prosedur di TPS di {kec}",
        jenis: ViolationType::Administrasi,
        kategori: PartyCategory::PenyelenggaraAdhoc,
        pasal: None,
    },
    Story {
        kind: None,
        stages: &["REKAPITULASI"],
        uraian: "Selisih perolehan suara antara salinan hasil TPS dan rekapitulasi kecamatan {kec}",
        jenis: ViolationType::Administrasi,
        kategori: PartyCategory::PenyelenggaraAdhoc,
        pasal: None,
    },
    Story {
        kind: None,
        stages: &["DATA_PEMILIH"],
        uraian: "Pantarlih tidak mendatangi pemilih saat pencocokan dan penelitian di {kec}",
        jenis: ViolationType::Administrasi,
        kategori: PartyCategory::PenyelenggaraAdhoc,
        pasal: None,
    },
    Story {
        kind: None,
        stages: &["DATA_PEMILIH"],
        uraian: "PPS tidak menindaklanjuti tanggapan masyarakat atas daftar pemilih sementara di {kec}",
        jenis: ViolationType::KodeEtik,
        kategori: PartyCategory::PenyelenggaraAdhoc,
        pasal: None,
    },
    Story {
        kind: Some(ElectionKind::Pemilu),
        stages: &["PENCALONAN"],
        uraian: "KPU kabupaten/kota menerima berkas pencalonan yang diserahkan melewati batas waktu",
        jenis: ViolationType::KodeEtik,
        kategori: PartyCategory::Penyelenggara,
        pasal: None,
    },
    Story {
        kind: Some(ElectionKind::Pemilu),
        stages: &["PENCALONAN"],
        uraian: "Bakal calon anggota DPRD berstatus ASN belum mengundurkan diri",
        jenis: ViolationType::HukumLainnya,
        kategori: PartyCategory::Calon,
        pasal: None,
    },
    Story {
        kind: Some(ElectionKind::Pemilu),
        stages: &["PENDAFTARAN_VERIFIKASI"],
        uraian: "Warga dicatut sebagai anggota partai politik dalam Sipol",
        jenis: ViolationType::Administrasi,
        kategori: PartyCategory::Peserta,
        pasal: None,
    },
    Story {
        kind: None,
        stages: &[
            "LAINNYA",
            "PERENCANAAN",
            "PENETAPAN_PESERTA",
            "DAPIL_KURSI",
            "PENETAPAN_HASIL",
            "SUMPAH_JANJI",
        ],
        uraian: "Rekrutmen badan ad hoc di {kec} diduga tidak sesuai prosedur",
        jenis: ViolationType::KodeEtik,
        kategori: PartyCategory::PenyelenggaraAdhoc,
        pasal: None,
    },
    Story {
        kind: Some(ElectionKind::Pemilu),
        stages: &[
            "LAINNYA",
            "PERENCANAAN",
            "PENETAPAN_PESERTA",
            "DAPIL_KURSI",
            "PENETAPAN_HASIL",
            "SUMPAH_JANJI",
        ],
        uraian: "Pejabat daerah membuat kebijakan yang menguntungkan salah satu peserta pemilu",
        jenis: ViolationType::HukumLainnya,
        kategori: PartyCategory::Pejabat,
        pasal: None,
    },
    Story {
        kind: Some(ElectionKind::Pemilihan),
        stages: CAMPAIGN,
        uraian: "Pembagian uang tunai kepada warga oleh tim pemenangan pasangan calon di {kec}",
        jenis: ViolationType::Pidana,
        kategori: PartyCategory::TimKampanye,
        pasal: Some("Pasal 187A ayat (1) UU 10/2016"),
    },
    Story {
        kind: Some(ElectionKind::Pemilihan),
        stages: CAMPAIGN,
        uraian: "ASN mengunggah dukungan kepada pasangan calon kepala daerah di media sosial",
        jenis: ViolationType::HukumLainnya,
        kategori: PartyCategory::Asn,
        pasal: Some("Pasal 71 ayat (1) UU 10/2016"),
    },
    Story {
        kind: Some(ElectionKind::Pemilihan),
        stages: CAMPAIGN,
        uraian: "Kepala desa mengajak warga memilih pasangan calon tertentu dalam pertemuan di {kec}",
        jenis: ViolationType::HukumLainnya,
        kategori: PartyCategory::KepalaDesa,
        pasal: Some("Pasal 71 ayat (1) UU 10/2016"),
    },
    Story {
        kind: Some(ElectionKind::Pemilihan),
        stages: CAMPAIGN,
        uraian: "Alat peraga kampanye pasangan calon dipasang di luar lokasi yang ditetapkan KPU di {kec}",
        jenis: ViolationType::Administrasi,
        kategori: PartyCategory::TimKampanye,
        pasal: None,
    },
    Story {
        kind: Some(ElectionKind::Pemilihan),
        stages: CAMPAIGN,
        uraian: "Kegiatan kampanye pasangan calon dihadang sekelompok orang di {kec}",
        jenis: ViolationType::Pidana,
        kategori: PartyCategory::Lainnya,
        pasal: None,
    },
    Story {
        kind: Some(ElectionKind::Pemilihan),
        stages: &["MASA_TENANG", "PUNGUT_HITUNG"],
        uraian: "Pembagian amplop berisi uang kepada pemilih di {kec} menjelang pemungutan suara Pilkada",
        jenis: ViolationType::Pidana,
        kategori: PartyCategory::TimKampanye,
        pasal: Some("Pasal 187A ayat (1) UU 10/2016"),
    },
    Story {
        kind: Some(ElectionKind::Pemilihan),
        stages: &["DUKUNGAN_PERSEORANGAN"],
        uraian: "KTP warga di {kec} dicatut sebagai dukungan bakal pasangan calon perseorangan",
        jenis: ViolationType::Administrasi,
        kategori: PartyCategory::Calon,
        pasal: None,
    },
    Story {
        kind: Some(ElectionKind::Pemilihan),
        stages: &[
            "PENGUMUMAN_PENDAFTARAN",
            "PENDAFTARAN_PASLON",
            "PENELITIAN_PERSYARATAN",
            "PENETAPAN_PASLON",
        ],
        uraian: "Dokumen syarat pencalonan bakal pasangan calon diduga tidak benar",
        jenis: ViolationType::Administrasi,
        kategori: PartyCategory::Calon,
        pasal: None,
    },
    Story {
        kind: Some(ElectionKind::Pemilihan),
        stages: &[
            "LAINNYA",
            "PENGUMUMAN_PENDAFTARAN",
            "PENDAFTARAN_PASLON",
            "PENELITIAN_PERSYARATAN",
            "PENETAPAN_PASLON",
            "PENETAPAN_TERPILIH",
        ],
        uraian: "Kepala daerah mengganti pejabat menjelang penetapan pasangan calon tanpa persetujuan Menteri",
        jenis: ViolationType::HukumLainnya,
        kategori: PartyCategory::Pejabat,
        pasal: Some("Pasal 71 ayat (2) UU 10/2016"),
    },
];

/// One handling office: Kemendagri code, weight, the segment and Bawaslu numbering code of its
/// case numbers (as the demo writes them, src/demo/places.rs), and some of its kecamatan.
struct Office {
    code: &'static str,
    weight: u32,
    seg: &'static str,
    num: &'static str,
    kecamatan: &'static [&'static str],
}

const fn office(
    code: &'static str,
    weight: u32,
    seg: &'static str,
    num: &'static str,
    kecamatan: &'static [&'static str],
) -> Office {
    Office {
        code,
        weight,
        seg,
        num,
        kecamatan,
    }
}

/// Handling offices, weighted like the Kaltim figures of 2 Feb 2024 (domain.md §5).
const OFFICES: &[Office] = &[
    office("64", 6, "Prov", "23.00", &[]),
    office(
        "64.71",
        14,
        "Kota",
        "23.05",
        &[
            "Balikpapan Kota",
            "Balikpapan Selatan",
            "Balikpapan Utara",
            "Balikpapan Tengah",
            "Balikpapan Timur",
            "Balikpapan Barat",
        ],
    ),
    office(
        "64.72",
        4,
        "Kota",
        "23.06",
        &[
            "Samarinda Ulu",
            "Samarinda Ilir",
            "Sungai Kunjang",
            "Palaran",
            "Sambutan",
            "Sungai Pinang",
        ],
    ),
    office(
        "64.74",
        6,
        "Kota",
        "23.07",
        &["Bontang Utara", "Bontang Selatan", "Bontang Barat"],
    ),
    office(
        "64.02",
        5,
        "Kab",
        "23.02",
        &[
            "Tenggarong",
            "Tenggarong Seberang",
            "Loa Kulu",
            "Muara Badak",
            "Samboja",
        ],
    ),
    office(
        "64.08",
        5,
        "Kab",
        "23.08",
        &[
            "Sangatta Utara",
            "Sangatta Selatan",
            "Bengalon",
            "Muara Wahau",
        ],
    ),
    office(
        "64.01",
        3,
        "Kab",
        "23.01",
        &["Tanah Grogot", "Long Ikis", "Kuaro"],
    ),
    office(
        "64.09",
        2,
        "Kab",
        "23.09",
        &["Penajam", "Waru", "Babulu", "Sepaku"],
    ),
    office(
        "64.03",
        1,
        "Kab",
        "23.03",
        &["Tanjung Redeb", "Sambaliung", "Gunung Tabur"],
    ),
    office(
        "64.07",
        1,
        "Kab",
        "23.04",
        &["Barong Tongkok", "Melak", "Linggang Bigung"],
    ),
    office(
        "64.11",
        1,
        "Kab",
        "23.10",
        &["Long Bagun", "Long Pahangai", "Long Hubung"],
    ),
];

/// Stages when no stage of the calendar is running, weighted like the 47 cases of 2 Feb 2024;
/// those a Pilkada has and a Pemilu does not weigh like their Pemilu counterparts. Only the
/// stages of the election written are drawn.
const STAGES: &[(&str, u32)] = &[
    ("KAMPANYE", 22),
    ("PENCALONAN", 9),
    ("PENELITIAN_PERSYARATAN", 9),
    ("LAINNYA", 8),
    ("DATA_PEMILIH", 6),
    ("PENDAFTARAN_VERIFIKASI", 2),
    ("DUKUNGAN_PERSEORANGAN", 2),
];

fn weighted<'a, T>(rng: &mut fastrand::Rng, items: &'a [T], weight: impl Fn(&T) -> u32) -> &'a T {
    let total: u32 = items.iter().map(&weight).sum();
    let mut pick = rng.u32(0..total.max(1));
    for item in items {
        let w = weight(item);
        if pick < w {
            return item;
        }
        pick -= w;
    }
    &items[items.len() - 1]
}

fn roman(month: u32) -> &'static str {
    [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
    ][(month.clamp(1, 12) - 1) as usize]
}

fn initials(rng: &mut fastrand::Rng) -> String {
    let letters = "ABDEFHIJKMNRSTWY".as_bytes();
    let mut s = String::new();
    for _ in 0..2 {
        s.push(char::from(letters[rng.usize(0..letters.len())]));
    }
    s
}

/// The stage of `election` a case arriving on `today` is most likely in: one running that day,
/// else a weighted pick among its stages (its campaign when none of [`STAGES`] is one of them).
fn stage_for(rng: &mut fastrand::Rng, election: &Election, today: NaiveDate) -> String {
    let running: Vec<&str> = election
        .stages
        .iter()
        .filter(|s| {
            s.code != "LAINNYA"
                && s.starts_on.is_some_and(|a| a <= today)
                && s.ends_on.is_some_and(|b| today <= b)
        })
        .map(|s| s.code.as_str())
        .collect();
    if running.is_empty() {
        let own: Vec<(&str, u32)> = STAGES
            .iter()
            .copied()
            .filter(|(code, _)| election.stage(code).is_some())
            .collect();
        if own.is_empty() {
            return election.campaign_stage.clone();
        }
        weighted(rng, &own, |s| s.1).0.to_string()
    } else {
        running[rng.usize(0..running.len())].to_string()
    }
}

/// A plausible new case of `election` arriving on `today`. Intake numbers follow the demo's, with
/// the election's segment: `001/LP/PL/Kota/23.05/II/2024` (Pemilu), `001/LP/PB/…` (Pilkada),
/// counted per office, source, segment and year; `seq(pattern, rest)` gives the next free number
/// for a `LIKE` pattern of the year's numbers and the rest after the number. A case of a stage
/// from the campaign on, or about a candidate or campaign team, belongs to one of the election's
/// contests that its office handles.
pub fn new_case(
    rng: &mut fastrand::Rng,
    election: &Election,
    today: NaiveDate,
    seq: impl Fn(&str, &str) -> u64,
) -> Case {
    let o = weighted(rng, OFFICES, |o| o.weight);
    let (region, kecamatan) = (o.code, o.kecamatan);
    let stage = stage_for(rng, election, today);
    let of_kind = |s: &&Story| s.kind.is_none_or(|k| k == election.kind);
    let stories: Vec<&Story> = STORIES
        .iter()
        .filter(of_kind)
        .filter(|s| s.stages.contains(&stage.as_str()))
        .collect();
    // Outside every story's stages: the last of the election's kind (an official's decision).
    let story = if stories.is_empty() {
        STORIES
            .iter()
            .rev()
            .find(of_kind)
            .unwrap_or(&STORIES[STORIES.len() - 1])
    } else {
        stories[rng.usize(0..stories.len())]
    };
    let source = if rng.u32(0..47) < 29 {
        Source::Temuan
    } else {
        Source::Laporan
    };
    let kind = if source == Source::Temuan { "TM" } else { "LP" };
    let office_part = format!("/{kind}/{}/{}/{}/", election.case_segment, o.seg, o.num);
    let rest = format!("{office_part}{}/{}", roman(today.month()), today.year());
    let nomor = format!(
        "{:03}{rest}",
        seq(&format!("%{office_part}%/{}", today.year()), &rest)
    );
    let kec = (!kecamatan.is_empty()).then(|| kecamatan[rng.usize(0..kecamatan.len())].to_string());
    let mut case = Case::new(&election.code, &nomor, source, region, &stage, today);
    let event = today - Days::days(rng.i64(0..=4));
    case.tanggal_kejadian = Some(event);
    case.tanggal_diketahui = Some((event + Days::days(rng.i64(0..=1))).min(today));
    case.status = match source {
        Source::Temuan if rng.bool() => Status::InformasiAwal,
        Source::Temuan => Status::Penelusuran,
        Source::Laporan => Status::Diterima,
    };
    // As the region tree spells it, with its code: a simulated case counts by kecamatan.
    if let Some(name) = &kec {
        let tree = crate::domain::wilayah::kecamatan_of(&[region]);
        if let Ok(k) = crate::domain::wilayah::match_place(name, &tree, |k| &k.code, |k| &k.name) {
            case.kode_kecamatan = Some(k.code.clone());
        }
    }
    case.kecamatan = kec.clone();
    case.uraian = story
        .uraian
        .replace("{kec}", kec.as_deref().unwrap_or("Kalimantan Timur"));
    case.jenis_dugaan = Some(story.jenis);
    case.kategori_terlapor = Some(story.kategori);
    case.pasal = story.pasal.map(str::to_string);
    case.terlapor = Some(format!(
        "Sdr. {} ({})",
        initials(rng),
        story.kategori.label(Lang::Id).to_lowercase()
    ));
    if source == Source::Laporan {
        let contestant = match election.kind {
            ElectionKind::Pemilu => "peserta pemilu",
            ElectionKind::Pemilihan => "tim pasangan calon",
        };
        let who = ["pemilih", contestant, "pemantau terdaftar"][rng.usize(0..3)];
        case.pelapor = Some(format!("Sdr. {} ({who})", initials(rng)));
    }
    case.kontestasi = contest_for(rng, election, &case, region);
    case
}

/// The contest of `election` a new case is about, if any: for a case of a stage from the
/// campaign on (the stages without dates aside) or about a candidate or campaign team, one of the
/// contests the office handles (those of every office, of its own region, or of the province it
/// belongs to).
fn contest_for(
    rng: &mut fastrand::Rng,
    election: &Election,
    case: &Case,
    region: &str,
) -> Option<String> {
    let position = |code: &str| election.stage(code).map(|s| (s.position, s.starts_on));
    let campaign = position(&election.campaign_stage).map_or(i64::MAX, |p| p.0);
    let late =
        position(&case.kode_tahapan).is_some_and(|(p, starts)| p >= campaign && starts.is_some());
    let about_a_contestant = matches!(
        case.kategori_terlapor,
        Some(PartyCategory::Calon | PartyCategory::TimKampanye | PartyCategory::Peserta)
    );
    if !late && !about_a_contestant {
        return None;
    }
    let province = region.split('.').next().unwrap_or(region);
    let handled: Vec<&str> = election
        .contests
        .iter()
        .filter(|c| {
            c.region
                .as_deref()
                .is_none_or(|r| r == region || r == province)
        })
        .map(|c| c.code.as_str())
        .collect();
    if handled.is_empty() {
        return None;
    }
    Some(handled[rng.usize(0..handled.len())].to_string())
}

/// The next status of an open case in the order of handling (domain.md §4); `None` once closed.
pub fn next_status(case: &Case, rng: &mut fastrand::Rng) -> Option<Status> {
    use Status::*;
    let roll = rng.u32(0..100);
    Some(match case.status {
        InformasiAwal => Penelusuran,
        Penelusuran if roll < 85 => Diregistrasi,
        Penelusuran => Dihentikan,
        Diterima => KajianAwal,
        KajianAwal if roll < 55 => Diregistrasi,
        KajianAwal if roll < 75 => PerbaikanSyarat,
        KajianAwal if roll < 95 => TidakDiregistrasi,
        KajianAwal => Dicabut,
        PerbaikanSyarat if roll < 70 => Diregistrasi,
        PerbaikanSyarat => TidakDiregistrasi,
        Diregistrasi => Klarifikasi,
        Klarifikasi => Kajian,
        Kajian if case.jenis_dugaan == Some(ViolationType::Pidana) => PembahasanGakkumdu,
        Kajian | PembahasanGakkumdu if roll < 65 => Pelanggaran,
        Kajian | PembahasanGakkumdu if roll < 90 => BukanPelanggaran,
        Kajian | PembahasanGakkumdu => Dihentikan,
        TidakDiregistrasi | Dicabut | Pelanggaran | BukanPelanggaran | Dihentikan => return None,
    })
}

/// The case after moving to `to` on `today`: registration and forwarding get their numbers and dates.
pub fn advance(case: &Case, to: Status, today: NaiveDate, rng: &mut fastrand::Rng) -> Case {
    let mut c = case.clone();
    c.status = to;
    let day = today.max(c.tanggal_diterima);
    match to {
        Status::Diregistrasi => {
            c.tanggal_registrasi = Some(day);
            c.nomor_registrasi = Some(match c.nomor.split_once('/') {
                Some((seq, rest)) => format!("{seq}/Reg/{rest}"),
                None => format!("Reg/{}", c.nomor),
            });
        }
        Status::Kajian => c.diperpanjang = rng.u32(0..10) == 0,
        Status::Pelanggaran => {
            let proven = c
                .jenis_dugaan
                .filter(|t| *t != ViolationType::BukanPelanggaran)
                .unwrap_or(ViolationType::HukumLainnya);
            c.jenis_pelanggaran = Some(proven);
            c.diteruskan_ke = proven
                .forwarding(c.kategori_terlapor)
                .or(Some(Forwarding::InstansiLain));
            c.nomor_surat_penerusan = Some(format!(
                "{:03}/PP.01.02/K.KI/{}/{}",
                rng.u32(1..400),
                roman(day.month()),
                day.year()
            ));
            c.tanggal_penerusan = Some(day);
        }
        _ => {}
    }
    c
}

/// Refuses a database holding imported cases: they are evidence, and a simulation invents cases
/// and moves real ones on. A rehearsal runs on a copy (with `--force`) or on the demo database.
pub fn refuse_evidence(store: &Store, _lang: Lang) -> Result<()> {
    let Some(b) = store
        .batches()?
        .into_iter()
        .rev()
        .find(|b| b.kind == "import")
    else {
        return Ok(());
    };
    Err({
        let m = Core::SimulateEvidence {
            path: store.path(),
            batch: b.id,
            source: &b.source_name,
        };
        Error::failed(m.text(Lang::Id), m.text(Lang::En))
    })
}

impl<'s> Simulator<'s> {
    /// Records the batch the simulation of `election`'s cases writes under; `None` if cancelled
    /// while waiting for the lock. See [`refuse_evidence`] before.
    #[allow(clippy::too_many_arguments)]
    pub fn start(
        store: &'s Store,
        election: Election,
        seed: u64,
        who: &str,
        now: NaiveDateTime,
        source_name: &str,
        wait: Duration,
        cancel: &AtomicBool,
        waiting: &mut dyn FnMut(),
    ) -> Result<Option<Simulator<'s>>> {
        let Some(tx) = store.begin_write(wait, cancel, waiting)? else {
            return Ok(None);
        };
        let batch = NewBatch {
            kind: "simulate",
            imported_by: who.to_string(),
            imported_at: now,
            source_name: source_name.to_string(),
            sha256: None,
        };
        let batch_id = tx.insert_batch(&batch)?;
        tx.commit()?;
        Ok(Some(Simulator {
            store,
            rng: fastrand::Rng::with_seed(seed),
            election,
            who: who.to_string(),
            wait,
            batch_id,
            new: 0,
            changed: 0,
        }))
    }

    /// The election whose cases are written.
    pub fn election(&self) -> &Election {
        &self.election
    }

    /// One event in its own transaction: a new case of the election (about a third of the time,
    /// or when none of its cases is open), else the next status of one of its open cases. `None`
    /// if cancelled while waiting.
    pub fn step(
        &mut self,
        today: NaiveDate,
        now: NaiveDateTime,
        cancel: &AtomicBool,
        waiting: &mut dyn FnMut(),
    ) -> Result<Option<Event>> {
        let store = self.store;
        let Some(tx) = store.begin_write(self.wait, cancel, waiting)? else {
            return Ok(None);
        };
        let open = tx.open_cases(&self.election.code)?;
        let event = if open.is_empty() || self.rng.u32(0..3) == 0 {
            let seq = |pattern: &str, rest: &str| {
                let taken = tx.count_nomor_like(pattern).unwrap_or(0);
                let mut n = u64::try_from(taken).unwrap_or(0) + 1;
                while matches!(tx.find_case(&format!("{n:03}{rest}")), Ok(Some(_))) {
                    n += 1;
                }
                n
            };
            let case = new_case(&mut self.rng, &self.election, today, seq);
            let first = StatusChange {
                from: None,
                to: case.status,
                at: today.and_time(now.time()),
                by: self.who.clone(),
                note: Some("simulasi".into()),
            };
            tx.insert_case(
                &case,
                &[first],
                Some(self.batch_id),
                today.and_time(now.time()),
            )?;
            self.new += 1;
            Event::New(Box::new(case))
        } else {
            let (id, nomor) = &open[self.rng.usize(0..open.len())];
            let Some((_, old)) = tx.find_case(nomor)? else {
                return Err({
                    let m = Core::SimulateVanished { nomor, id: *id };
                    Error::failed(m.text(Lang::Id), m.text(Lang::En))
                });
            };
            let Some(to) = next_status(&old, &mut self.rng) else {
                return Err({
                    let m = Core::SimulateClosed {
                        nomor,
                        status: old.status.code(),
                    };
                    Error::failed(m.text(Lang::Id), m.text(Lang::En))
                });
            };
            let at = today.max(old.tanggal_diterima).and_time(now.time());
            let new = advance(&old, to, today, &mut self.rng);
            tx.update_case(*id, &old, &new, Some(self.batch_id), at)?;
            let change = StatusChange {
                from: Some(old.status),
                to,
                at,
                by: self.who.clone(),
                note: Some("simulasi".into()),
            };
            tx.insert_history(*id, &change, Some(self.batch_id))?;
            self.changed += 1;
            Event::Change {
                nomor: nomor.clone(),
                from: old.status,
                to,
            }
        };
        let n = i64::try_from(self.new).unwrap_or(i64::MAX);
        let c = i64::try_from(self.changed).unwrap_or(i64::MAX);
        tx.finish_batch(self.batch_id, [n + c, n, c, 0, 0])?;
        tx.commit()?;
        Ok(Some(event))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Reference;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, 1, 20).unwrap()
    }

    #[test]
    fn new_cases_are_valid_and_follow_the_calendar() {
        let reference = Reference::embedded();
        let pemilu = reference.election("PEMILU2024").unwrap();
        let mut rng = fastrand::Rng::with_seed(1);
        for _ in 0..200 {
            let c = new_case(&mut rng, pemilu, day(), |_, _| 7);
            assert!(reference.region(&c.kode_wilayah).is_some());
            // Every kecamatan is the tree's, in the office's area.
            if let Some(name) = &c.kecamatan {
                let k = reference
                    .kecamatan(c.kode_kecamatan.as_deref().unwrap_or_default())
                    .unwrap_or_else(|| panic!("{name} not resolved"));
                assert_eq!(&k.name, name);
                assert_eq!(k.parent_code.as_deref(), Some(c.kode_wilayah.as_str()));
            }
            assert_eq!(c.kode_tahapan, "KAMPANYE", "20 Jan 2024 is in the campaign");
            assert!(
                c.tanggal_diketahui.unwrap() <= day()
                    && c.tanggal_kejadian.unwrap() <= c.tanggal_diketahui.unwrap()
            );
            assert!(
                c.nomor.starts_with("007/") && c.nomor.ends_with("/I/2024"),
                "{}",
                c.nomor
            );
            assert_eq!(c.pelapor.is_some(), c.sumber == Source::Laporan);
            assert!(matches!(
                c.status,
                Status::InformasiAwal | Status::Penelusuran | Status::Diterima
            ));
            assert!(!c.uraian.contains("{kec}"));
        }
    }

    #[test]
    fn pilkada_cases_follow_its_calendar_its_races_its_law_and_carry_pb() {
        let reference = Reference::embedded();
        let pilkada = reference.election("PILKADA2024").unwrap();
        let mut rng = fastrand::Rng::with_seed(2);
        let campaign_day = NaiveDate::from_ymd_opt(2024, 10, 10).unwrap();
        let later = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        for _ in 0..300 {
            let c = new_case(&mut rng, pilkada, campaign_day, |_, _| 3);
            assert_eq!(c.election, "PILKADA2024");
            assert_eq!(c.kode_tahapan, "KAMPANYE", "10 Oct 2024 is in its campaign");
            assert!(c.nomor.contains("/PB/"), "{}", c.nomor);
            assert!(!c.pasal.as_deref().unwrap_or("").contains("7/2017"));
            assert!(!c.uraian.contains("pemilu"), "{}", c.uraian);
            let contest = pilkada.contest(c.kontestasi.as_deref().unwrap()).unwrap();
            let region = contest.region.as_deref().unwrap();
            assert!(region == c.kode_wilayah || region == "64", "{region}");
            // After its period: one of its own stages still.
            let c = new_case(&mut rng, pilkada, later, |_, _| 1);
            assert!(
                pilkada.stage(&c.kode_tahapan).is_some(),
                "{}",
                c.kode_tahapan
            );
        }
    }

    #[test]
    fn every_case_reaches_a_closed_status_in_the_order_of_handling() {
        let reference = Reference::embedded();
        let pemilu = reference.election("PEMILU2024").unwrap();
        let mut rng = fastrand::Rng::with_seed(3);
        for _ in 0..100 {
            let mut c = new_case(&mut rng, pemilu, day(), |_, _| 1);
            let mut path = vec![c.status];
            while let Some(to) = next_status(&c, &mut rng) {
                c = advance(&c, to, day(), &mut rng);
                path.push(to);
                assert!(path.len() < 10, "{path:?}");
            }
            assert!(!c.status.is_open());
            let registered = path.contains(&Status::Diregistrasi);
            assert_eq!(c.tanggal_registrasi.is_some(), registered);
            if registered {
                assert!(
                    c.nomor_registrasi
                        .as_deref()
                        .is_some_and(|n| n.contains("/Reg/"))
                );
                let after = &path[path
                    .iter()
                    .position(|s| *s == Status::Diregistrasi)
                    .unwrap()..];
                assert!(
                    after.len() == 1 || after[1] == Status::Klarifikasi,
                    "{path:?}"
                );
            }
            if c.status == Status::Pelanggaran {
                assert!(
                    c.jenis_pelanggaran.is_some()
                        && c.diteruskan_ke.is_some()
                        && c.tanggal_penerusan.is_some()
                );
            }
        }
    }
}
