//! Turns specs into demo cases: dates of the event and of each status, texts, then intake,
//! registration and letter numbers in date order per office, and the notes of the history.

use std::collections::HashMap;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use fastrand::Rng;

use crate::demo::DemoCase;
use crate::demo::history::{Calendar, Outcome, Timing, path, schedule};
use crate::demo::pilkada::texts as pilkada;
use crate::demo::places::{Office, Place, office};
use crate::demo::story::{About, Race, Spec};
use crate::demo::texts::{hari_tgl, pelapor, roman};
use crate::domain::election::{ElectionKind, FIRST_ELECTION};
use crate::domain::wilayah::match_place;
use crate::domain::{Case, Forwarding, PartyCategory, Reference, Source, Status, StatusChange};

/// A case with its dated path, before numbering.
pub(crate) struct Draft {
    about: About,
    office: &'static Office,
    case: Case,
    steps: Vec<(Status, NaiveDateTime)>,
    forward_to: Option<String>,
    witnesses: u32,
    late: bool,
}

/// Fills in one spec from the seed. A Pilkada's case moves on every day and is decided within
/// its election's limit from receipt (3 days, 5 when extended).
pub(crate) fn draft(spec: &Spec, rng: &mut Rng, cal: &Calendar, reference: &Reference) -> Draft {
    let office = office(spec.region);
    let election = reference.election(spec.election);
    let pilkada = election.is_some_and(|e| e.kind == ElectionKind::Pemilihan);
    let span = (spec.to - spec.from).num_days().max(0);
    let received = spec.from + Duration::days(rng.i64(0..=span));
    let laporan = spec.source == Source::Laporan;
    let late =
        laporan && spec.outcome == (Outcome::NotRegistered { perbaikan: false }) && rng.u8(..3) > 0;
    let mut known = if late {
        received - Duration::days(rng.i64(8..=12))
    } else if laporan {
        received - Duration::days(rng.i64(0..=4))
    } else {
        received - Duration::days(rng.i64(0..=2))
    };
    let mut event = known - Duration::days(rng.i64(0..=2));
    let stage = election.and_then(|e| e.stage(spec.topic.stage()));
    if let Some(start) = stage.and_then(|s| s.starts_on).filter(|s| *s <= received) {
        event = event.max(start);
    }
    if let Some(end) = stage.and_then(|s| s.ends_on) {
        event = event.min(end);
    }
    known = known.max(event).min(received);
    event = event.min(known);

    let contest = spec.race.and_then(|race| {
        let e = election?;
        match race {
            Race::Governor => e
                .contests
                .iter()
                .find(|c| c.region.as_deref() == Some("64")),
            Race::Local => e
                .contests
                .iter()
                .find(|c| c.region.as_deref() == Some(office.code)),
        }
    });
    let r = match spec.topic {
        About::Pemilu(t) => t.render(rng, office, laporan, event),
        About::Pilkada(k) => pilkada::render(k, rng, office, laporan, event, contest),
    };
    let statuses = path(
        spec.source,
        spec.outcome,
        spec.dugaan,
        !laporan && rng.bool(),
    );
    let last = statuses.len() - 1;
    let cut = spec.cut.map(|(date, reach)| {
        (
            date,
            reach
                .and_then(|s| statuses.iter().position(|x| *x == s))
                .unwrap_or(last),
        )
    });
    let slow = rng.u32(..100) < 15;
    let limit = election.filter(|_| pilkada).map(|e| {
        let l = &e.limits;
        let days = if slow {
            l.decide_extended_days
        } else {
            l.decide_days
        };
        // What comes after a cut-off comes the next day at the earliest: the extension makes room.
        let mut until = received + Duration::days(i64::from(days));
        if let Some((date, k)) = cut
            && k < last
        {
            let needed = date + Duration::days(1);
            if until < needed {
                until = received + Duration::days(i64::from(l.decide_extended_days));
            }
        }
        until
    });
    let timing = Timing {
        cut,
        pin_last: spec.pin,
        slow,
        limit,
    };
    let times = schedule(rng, cal, received, &statuses, timing);
    let steps: Vec<(Status, NaiveDateTime)> = statuses.iter().copied().zip(times).collect();

    let mut case = Case::new(
        spec.election,
        "",
        spec.source,
        office.code,
        spec.topic.stage(),
        received,
    );
    case.kontestasi = contest.map(|c| c.code.clone());
    case.kecamatan = Some(r.place.kec.to_string());
    case.tanggal_kejadian = Some(event);
    case.tanggal_diketahui = Some(known);
    case.status = steps[last].0;
    case.tanggal_registrasi = steps
        .iter()
        .find(|(s, _)| *s == Status::Diregistrasi)
        .map(|(_, at)| at.date());
    case.jenis_dugaan = spec.dugaan;
    case.pasal = Some(r.pasal);
    case.uraian = r.uraian;
    case.terlapor = Some(r.terlapor);
    case.kategori_terlapor = Some(r.kategori);
    if laporan {
        case.pelapor = Some(match r.pelapor {
            Some(p) => p,
            None => pelapor(rng, r.reporter, &r.place),
        });
    }
    locate(&mut case, &r.place, reference);
    let decided = steps[last].1.date();
    if let Some(reg) = case.tanggal_registrasi {
        case.diperpanjang = if pilkada {
            (decided - received).num_days() > 3
        } else {
            timing.slow || (decided - reg).num_days() > 7
        };
    }
    let mut forward_to = None;
    if let (Outcome::Violation(t), Status::Pelanggaran) = (spec.outcome, case.status) {
        case.jenis_pelanggaran = Some(t);
        let fwd = t.forwarding(Some(r.kategori));
        case.diteruskan_ke = fwd;
        case.tanggal_penerusan = Some(decided);
        forward_to = fwd.map(|f| recipient(f, office, r.kategori, spec.election));
    }
    Draft {
        about: spec.topic,
        office,
        case,
        steps,
        forward_to,
        witnesses: rng.u32(1..=4),
        late,
    }
}

/// Where a case happened, in the region tree's codes: its kecamatan always; its kelurahan/desa
/// when its texts name it; and then the TPS its description names first (a TPS is numbered
/// within its kelurahan/desa). Reads no random numbers, so the story's figures stay as they are.
fn locate(case: &mut Case, place: &Place, reference: &Reference) {
    let Ok(k) = match_place(
        place.kec,
        reference.kecamatan_in(place.area.code),
        |k| &k.code,
        |k| &k.name,
    ) else {
        return;
    };
    case.kecamatan = Some(k.name.clone());
    case.kode_kecamatan = Some(k.code.clone());
    let named = |t: &str| t.contains(place.kel);
    let texts = [
        Some(&case.uraian),
        case.terlapor.as_ref(),
        case.pelapor.as_ref(),
    ];
    if !texts.into_iter().flatten().any(|t| named(t)) {
        return;
    }
    let Ok(d) = match_place(
        place.kel,
        reference.desa_in(&k.code),
        |d| &d.code,
        |d| &d.name,
    ) else {
        return;
    };
    case.kode_desa = Some(d.code.clone());
    case.tps = first_tps(&case.uraian);
}

/// The number of the first "TPS 012" a text names.
fn first_tps(text: &str) -> Option<u16> {
    text.match_indices("TPS ").find_map(|(i, m)| {
        let rest = &text[i + m.len()..];
        let end = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        rest[..end].parse().ok().filter(|n| (1..=9999).contains(n))
    })
}

/// Who a forwarding letter is addressed to. KASN's tasks passed to BKN in 2024 (UU 20/2023): a
/// Pilkada's civil servants go to BKN.
fn recipient(f: Forwarding, office: &Office, kategori: PartyCategory, election: &str) -> String {
    match f {
        Forwarding::Kasn if election != FIRST_ELECTION => "Badan Kepegawaian Negara (BKN)".into(),
        Forwarding::Kpu => office.kpu(),
        Forwarding::Gakkumdu => format!(
            "Penyidik Kepolisian melalui Sentra Gakkumdu {}",
            office.name
        ),
        Forwarding::Dkpp => "DKPP".into(),
        Forwarding::Kasn => "KASN".into(),
        Forwarding::Bawaslu => office.bawaslu(),
        Forwarding::InstansiLain if kategori == PartyCategory::KepalaDesa => match office.seg {
            "Kota" => format!("Wali Kota {}", office.bare()),
            "Kab" => format!("Bupati {}", office.bare()),
            _ => "Gubernur Kalimantan Timur".into(),
        },
        Forwarding::InstansiLain => format!("Inspektorat {}", office.name),
    }
}

/// The numbers an office has given, per year: intake numbers per source, registration numbers
/// and forwarding letters. Pemilu 2024's cases are numbered first; Pilkada 2024's go on from where
/// they ended, so no two cases of an office share a serial in one year.
#[derive(Default)]
pub(crate) struct Registers {
    intake: HashMap<(&'static str, i32, Source), u32>,
    reg: HashMap<(&'static str, i32), u32>,
    letters: HashMap<(&'static str, i32), u32>,
}

/// Numbers the drafts per office and year in date order (`segment`: the election's part of the
/// number, `PL` or `PB`), writes the history notes, and returns the cases in order of receipt,
/// each with what it is about.
pub(crate) fn finish(
    mut drafts: Vec<Draft>,
    segment: &str,
    registers: &mut Registers,
) -> Vec<(DemoCase, About)> {
    drafts.sort_by_key(|d| (d.steps[0].1, d.office.code));
    for d in &mut drafts {
        let at = d.steps[0].1;
        let seq = registers
            .intake
            .entry((d.office.code, at.year(), d.case.sumber))
            .or_insert(0);
        *seq += 1;
        d.case.nomor = format!(
            "{:03}/{}/{segment}/{}/{}/{}/{}",
            seq,
            kind(d.case.sumber),
            d.office.seg,
            d.office.num,
            roman(at.month()),
            at.year()
        );
    }
    let mut by_reg: Vec<usize> = (0..drafts.len())
        .filter(|&i| reg_at(&drafts[i]).is_some())
        .collect();
    by_reg.sort_by_key(|&i| reg_at(&drafts[i]));
    for i in by_reg {
        let d = &mut drafts[i];
        let Some(at) = reg_at(d) else { continue };
        let seq = registers.reg.entry((d.office.code, at.year())).or_insert(0);
        *seq += 1;
        d.case.nomor_registrasi = Some(format!(
            "{:03}/Reg/{}/{segment}/{}/{}/{}/{}",
            seq,
            kind(d.case.sumber),
            d.office.seg,
            d.office.num,
            roman(at.month()),
            at.year()
        ));
    }
    let mut by_letter: Vec<usize> = (0..drafts.len())
        .filter(|&i| drafts[i].case.tanggal_penerusan.is_some())
        .collect();
    by_letter.sort_by_key(|&i| (drafts[i].case.tanggal_penerusan, drafts[i].steps[0].1));
    for i in by_letter {
        let d = &mut drafts[i];
        let Some(day) = d.case.tanggal_penerusan else {
            continue;
        };
        let seq = registers
            .letters
            .entry((d.office.code, day.year()))
            .or_insert(0);
        *seq += 1;
        let unit = match d.office.num.split_once('.') {
            Some((_, "00")) | None => "K.KI".to_string(),
            Some((_, n)) => format!("K.KI-{n}"),
        };
        d.case.nomor_surat_penerusan = Some(format!(
            "{:03}/PP.01.02/{unit}/{:02}/{}",
            *seq * 3 + 10,
            day.month(),
            day.year()
        ));
    }
    drafts.into_iter().map(materialize).collect()
}

fn kind(s: Source) -> &'static str {
    match s {
        Source::Temuan => "TM",
        Source::Laporan => "LP",
    }
}

fn reg_at(d: &Draft) -> Option<NaiveDateTime> {
    d.steps
        .iter()
        .find(|(s, _)| *s == Status::Diregistrasi)
        .map(|(_, at)| *at)
}

/// The history with who did each step and a note.
fn materialize(d: Draft) -> (DemoCase, About) {
    let bawaslu = d.office.bawaslu();
    let kec = d.case.kecamatan.clone().unwrap_or_default();
    let mut history = Vec::with_capacity(d.steps.len());
    let mut prev: Option<Status> = None;
    for &(status, at) in &d.steps {
        let (by, note) = step_text(&d, status, at.date(), &bawaslu, &kec);
        history.push(StatusChange {
            from: prev,
            to: status,
            at,
            by,
            note: Some(note),
        });
        prev = Some(status);
    }
    (
        DemoCase {
            case: d.case,
            history,
            follow_ups: Vec::new(),
            transfers: Vec::new(),
        },
        d.about,
    )
}

fn step_text(
    d: &Draft,
    status: Status,
    day: NaiveDate,
    bawaslu: &str,
    kec: &str,
) -> (String, String) {
    use Status::*;
    let field = if d.office.is_province() {
        bawaslu.to_string()
    } else {
        format!("Panwaslu Kecamatan {kec}")
    };
    match status {
        InformasiAwal => (
            field,
            "Informasi awal dicatat dari hasil pengawasan dan media sosial".into(),
        ),
        Penelusuran => (field, format!("Penelusuran ke lokasi di Kecamatan {kec}")),
        Diterima => (
            format!("Staf Penerimaan Laporan {bawaslu}"),
            format!("Laporan diterima di Sekretariat {bawaslu}"),
        ),
        KajianAwal => (
            bawaslu.to_string(),
            "Kajian awal syarat formal dan materiil".into(),
        ),
        PerbaikanSyarat => (
            bawaslu.to_string(),
            "Pelapor diminta melengkapi syarat materiil (bukti dan saksi)".into(),
        ),
        TidakDiregistrasi if d.late => (
            bawaslu.to_string(),
            "Tidak diregistrasi: laporan disampaikan melewati 7 hari sejak diketahui".into(),
        ),
        TidakDiregistrasi => (
            bawaslu.to_string(),
            "Tidak diregistrasi: syarat formal/materiil tidak terpenuhi".into(),
        ),
        Dicabut => (
            bawaslu.to_string(),
            "Pelapor mencabut laporan secara tertulis".into(),
        ),
        Diregistrasi => (
            bawaslu.to_string(),
            format!(
                "Diregistrasi dengan nomor {}",
                d.case.nomor_registrasi.as_deref().unwrap_or("-")
            ),
        ),
        Klarifikasi => (
            format!("Divisi Penanganan Pelanggaran {bawaslu}"),
            format!(
                "Undangan klarifikasi kepada terlapor dan {} saksi",
                d.witnesses
            ),
        ),
        Kajian => (
            format!("Divisi Penanganan Pelanggaran {bawaslu}"),
            "Penyusunan kajian dugaan pelanggaran".into(),
        ),
        PembahasanGakkumdu => (
            format!("Sentra Gakkumdu {}", d.office.name),
            "Pembahasan bersama Kepolisian dan Kejaksaan di Sentra Gakkumdu".into(),
        ),
        Pelanggaran => {
            let what = d
                .case
                .jenis_pelanggaran
                .map(|t| t.label(crate::i18n::Lang::Id).to_lowercase())
                .unwrap_or_default();
            let to = d.forward_to.as_deref().unwrap_or("instansi berwenang");
            let letter = d.case.nomor_surat_penerusan.as_deref().unwrap_or("-");
            (
                format!("Pleno {bawaslu}"),
                format!(
                    "Pelanggaran {what}; diteruskan kepada {to} dengan surat nomor {letter} ({})",
                    hari_tgl(day)
                ),
            )
        }
        BukanPelanggaran => (
            format!("Pleno {bawaslu}"),
            "Tidak memenuhi unsur pelanggaran; penanganan dihentikan".into(),
        ),
        Dihentikan => (
            format!("Pleno {bawaslu}"),
            "Tidak cukup bukti menurut pembahasan Sentra Gakkumdu; penanganan dihentikan".into(),
        ),
    }
}
