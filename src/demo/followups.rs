//! What happened to the demo's forwarded cases afterwards: the police investigation, SP3,
//! prosecution, trial and verdict of a crime (a Balikpapan money-politics case reaches its verdict,
//! a Kukar one is stopped by SP3); DKPP's ruling, KPU's decision or Bawaslu's own on ethics; the
//! KASN recommendation on civil servants (BKN's, for Pilkada 2024); KPU's correction after an
//! administrative decision. Deterministic from each case alone (no draw from the demo's random
//! stream, so no other figure moves), and never after `until`, the last day of the case's
//! election in the demo.

use chrono::{Datelike, Duration, NaiveDate};

use crate::demo::texts::roman;
use crate::domain::election::FIRST_ELECTION;
use crate::domain::{Case, FollowUp, FollowUpStep, Forwarding, ViolationType};

/// The district court (pengadilan negeri) that tries an office's crimes, as case numbers name it.
fn court(region: &str) -> &'static str {
    match region {
        "64.71" => "PN Bpp",
        "64.01" => "PN Tgt",
        "64.02" => "PN Trg",
        "64.03" => "PN Tnr",
        "64.07" | "64.11" => "PN Sdw",
        "64.08" => "PN Sgt",
        "64.09" => "PN Pnj",
        "64.74" => "PN Bon",
        _ => "PN Smr",
    }
}

/// A small number from the intake number, for variety without randomness.
fn spread(nomor: &str, modulo: u32) -> u32 {
    let h = nomor.bytes().fold(2_166_136_261u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(16_777_619)
    });
    h % modulo.max(1)
}

/// The steps of one case, by date: none unless it was forwarded as a proven violation.
pub(crate) fn steps(c: &Case, until: NaiveDate) -> Vec<FollowUp> {
    steps_on(c, until, None)
}

/// The steps of a crime that was tried: investigation, prosecution, trial and verdict.
pub(crate) fn tried(c: &Case, until: NaiveDate) -> Vec<FollowUp> {
    steps_on(c, until, Some(0))
}

/// The steps of one case; a crime takes `crime_path` when given (0: tried, 1: SP3, 2: prosecuted).
fn steps_on(c: &Case, until: NaiveDate, crime_path: Option<u32>) -> Vec<FollowUp> {
    let (Some(t), Some(to), Some(from)) =
        (c.jenis_pelanggaran, c.diteruskan_ke, c.tanggal_penerusan)
    else {
        return Vec::new();
    };
    let n = spread(&c.nomor, 90) + 1;
    let step = |days: i64, step: FollowUpStep, reference: Option<String>, note: &str| {
        let on = from + Duration::days(days);
        FollowUp {
            step,
            on,
            reference,
            note: (!note.is_empty()).then(|| note.to_string()),
        }
    };
    let year = from.year();
    let month = |d: i64| roman((from + Duration::days(d)).month());
    use FollowUpStep::*;
    let mut out = match (t, to) {
        (ViolationType::Pidana, Forwarding::Gakkumdu) => {
            let mut v = vec![step(
                1,
                Penyidikan,
                Some(format!("SP.Sidik/{n}/{}/{year}/Reskrim", month(1))),
                "Penyidik Polri memulai penyidikan setelah pembahasan Sentra Gakkumdu",
            )];
            // Pemilu 2024: Balikpapan's crimes reach a verdict; Kukar's is stopped; the others
            // alternate. Pilkada 2024: stopped or prosecuted, unless told it was tried.
            let pemilu = c.election == FIRST_ELECTION;
            let path = match (crime_path, c.kode_wilayah.as_str()) {
                (Some(p), _) => p,
                (None, "64.71") if pemilu => 0,
                (None, "64.02") if pemilu => 1,
                (None, _) if pemilu => spread(&c.nomor, 3),
                (None, _) => 1 + spread(&c.nomor, 2),
            };
            match path {
                0 => v.extend([
                    step(
                        14,
                        Penuntutan,
                        Some(format!("B-{n}/O.4.1{}/Eku.2/{}/{year}", n % 9, month(14))),
                        "Berkas perkara dinyatakan lengkap (P-21) dan dilimpahkan ke penuntut umum",
                    ),
                    step(
                        19,
                        Persidangan,
                        Some(format!("{n}/Pid.Sus/{year}/{}", court(&c.kode_wilayah))),
                        "Sidang pertama",
                    ),
                    step(
                        25,
                        Putusan,
                        Some(format!("{n}/Pid.Sus/{year}/{}", court(&c.kode_wilayah))),
                        "Terdakwa dinyatakan bersalah; pidana penjara 3 bulan dengan masa percobaan 6 bulan dan denda",
                    ),
                ]),
                1 => v.push(step(
                    14,
                    Sp3,
                    Some(format!("SP3/{n}/{}/{year}/Reskrim", month(14))),
                    "Penyidikan dihentikan: tidak cukup bukti",
                )),
                _ => v.push(step(
                    14,
                    Penuntutan,
                    Some(format!("B-{n}/O.4.1{}/Eku.2/{}/{year}", n % 9, month(14))),
                    "Berkas perkara dilimpahkan ke penuntut umum",
                )),
            }
            v
        }
        (ViolationType::KodeEtik, Forwarding::Dkpp) => vec![step(
            75,
            PutusanDkpp,
            Some(format!("{n}-PKE-DKPP/{}/{year}", month(75))),
            "Teradu dijatuhi sanksi peringatan",
        )],
        (ViolationType::KodeEtik, Forwarding::Kpu) => vec![step(
            14,
            KeputusanKpu,
            Some(format!("{n}/PP.04.2-Kpt/{}/{year}", month(14))),
            "Anggota badan ad hoc diberi sanksi peringatan tertulis",
        )],
        (ViolationType::KodeEtik, Forwarding::Bawaslu) => vec![step(
            7,
            PutusanBawaslu,
            Some(format!("{n}/PP.01.00/K.KI/{}/{year}", month(7))),
            "Pengawas ad hoc diberhentikan sementara",
        )],
        (ViolationType::HukumLainnya, Forwarding::Kasn) if c.election == FIRST_ELECTION => {
            vec![step(
                30,
                RekomendasiInstansi,
                Some(format!("B-{n}/KASN/{}/{year}", month(30))),
                "KASN merekomendasikan sanksi moral kepada pejabat pembina kepegawaian",
            )]
        }
        (ViolationType::HukumLainnya, Forwarding::Kasn) => vec![step(
            21,
            RekomendasiInstansi,
            Some(format!("{n}/B-KR.02.03/SD/K/{year}")),
            "BKN merekomendasikan sanksi disiplin kepada pejabat pembina kepegawaian",
        )],
        (ViolationType::HukumLainnya, _) if spread(&c.nomor, 2) == 0 => vec![step(
            21,
            RekomendasiInstansi,
            None,
            "Instansi menjatuhkan teguran tertulis",
        )],
        (ViolationType::Administrasi | ViolationType::Tsm, Forwarding::Kpu) => vec![step(
            3,
            PerbaikanKpu,
            None,
            "KPU melaksanakan perbaikan sesuai putusan Bawaslu",
        )],
        _ => Vec::new(),
    };
    out.retain(|f| f.on <= until && c.check_follow_up(f).is_ok());
    out
}
