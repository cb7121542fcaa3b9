//! Indonesian words for the demo: dates, initials, fictional parties and candidates, reporters,
//! roads and offices. Every person is initials only and every party a letter ("Partai C").

use chrono::{Datelike, NaiveDate, Weekday};
use fastrand::Rng;

use crate::demo::places::{Office, Place};
use crate::i18n::Lang;
use crate::i18n::core::Core;

/// "13 Januari 2024".
pub(crate) fn tgl(d: NaiveDate) -> String {
    format!(
        "{} {} {}",
        d.day(),
        Core::month_long(Lang::Id, d.month()),
        d.year()
    )
}

/// "Sabtu, 13 Januari 2024".
pub(crate) fn hari_tgl(d: NaiveDate) -> String {
    let day = match d.weekday() {
        Weekday::Mon => "Senin",
        Weekday::Tue => "Selasa",
        Weekday::Wed => "Rabu",
        Weekday::Thu => "Kamis",
        Weekday::Fri => "Jumat",
        Weekday::Sat => "Sabtu",
        Weekday::Sun => "Minggu",
    };
    format!("{day}, {}", tgl(d))
}

/// The Roman numeral of a month, as case numbers write it.
pub(crate) fn roman(month: u32) -> &'static str {
    [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
    ][(month.clamp(1, 12) - 1) as usize]
}

/// Initials of a fictional person: "AS", "HMR", "H. AR".
pub(crate) fn initials(rng: &mut Rng) -> String {
    const FIRST: &[u8] = b"AAABDEFHHIJKLMMMNRRSSSTWYZ";
    const REST: &[u8] = b"AABDEFGHIJKLMNPRRSSTUWYZ";
    let a = FIRST[rng.usize(..FIRST.len())] as char;
    let b = REST[rng.usize(..REST.len())] as char;
    match rng.u8(..10) {
        0 => format!("H. {a}{b}"),
        1 | 2 => format!("{a}{b}{}", REST[rng.usize(..REST.len())] as char),
        _ => format!("{a}{b}"),
    }
}

/// A fictional party: "Partai A" … "Partai R" (18 national parties took part in 2024).
pub(crate) fn party(rng: &mut Rng) -> String {
    format!("Partai {}", (b'A' + rng.u8(..18)) as char)
}

/// A polling station number: "TPS 012".
pub(crate) fn tps(rng: &mut Rng) -> String {
    format!("TPS {:03}", rng.u32(1..=48))
}

/// A road found in most towns of the province.
pub(crate) fn road(rng: &mut Rng) -> &'static str {
    const ROADS: &[&str] = &[
        "Jalan Jenderal Sudirman",
        "Jalan Ahmad Yani",
        "Jalan MT Haryono",
        "Jalan Pangeran Antasari",
        "Jalan Soekarno-Hatta",
        "Jalan Gatot Subroto",
        "Jalan Pattimura",
        "Jalan Poros",
        "Jalan Imam Bonjol",
    ];
    ROADS[rng.usize(..ROADS.len())]
}

/// Where a civil servant works: "guru SD negeri di Kecamatan X".
pub(crate) fn asn_post(rng: &mut Rng, place: &Place) -> String {
    match rng.u8(..7) {
        0 => format!("guru SD negeri di Kecamatan {}", place.kec),
        1 => format!("staf Kantor Camat {}", place.kec),
        2 => format!("tenaga kesehatan Puskesmas {}", place.kel_bare()),
        3 => format!("pegawai Dinas Pendidikan {}", place.area.name),
        4 => format!("staf Sekretariat DPRD {}", place.area.name),
        5 => format!("pegawai Badan Pendapatan Daerah {}", place.area.name),
        _ => format!("guru SMP negeri di Kecamatan {}", place.kec),
    }
}

/// A candidate as the texts name them: the phrase for the description and the reported party.
pub(crate) struct Candidate {
    /// "Caleg DPRD Kota Balikpapan Dapil 2 dari Partai C berinisial AS".
    pub phrase: String,
    /// "Caleg DPRD Kota Balikpapan Dapil 2 dari Partai C (inisial AS)".
    pub terlapor: String,
}

/// A fictional candidate of the office's level (the provincial office handles DPR, DPD and
/// provincial DPRD candidates).
pub(crate) fn candidate(rng: &mut Rng, office: &Office) -> Candidate {
    let who = initials(rng);
    let p = party(rng);
    let body = if office.is_province() {
        match rng.u8(..3) {
            0 => format!("Caleg DPR RI Dapil Kalimantan Timur dari {p}"),
            1 => {
                return Candidate {
                    phrase: format!("calon anggota DPD RI Dapil Kalimantan Timur berinisial {who}"),
                    terlapor: format!(
                        "Calon anggota DPD RI Dapil Kalimantan Timur (inisial {who})"
                    ),
                };
            }
            _ => format!(
                "Caleg DPRD Provinsi Kalimantan Timur Dapil {} dari {p}",
                rng.u32(1..=office.dapil)
            ),
        }
    } else {
        format!(
            "Caleg {} Dapil {} dari {p}",
            office.dprd(),
            rng.u32(1..=office.dapil)
        )
    };
    Candidate {
        phrase: format!("{body} berinisial {who}"),
        terlapor: format!("{body} (inisial {who})"),
    }
}

/// A reporter of a laporan: initials and role, fitting the kind of case.
pub(crate) fn pelapor(rng: &mut Rng, kind: Reporter, place: &Place) -> String {
    let who = initials(rng);
    match kind {
        Reporter::Warga => format!("{who} (warga {})", place.kel),
        Reporter::Peserta => match rng.u8(..4) {
            0 => format!("{who} (LO {})", party(rng)),
            1 => format!(
                "{who} (tim kampanye Pasangan Calon Nomor Urut 0{})",
                rng.u8(1..=3)
            ),
            2 => format!("{who} (pengurus {} {})", party(rng), place.area.bare()),
            _ => format!("{who} (warga {})", place.kel),
        },
        Reporter::Saksi => match rng.u8(..3) {
            0 => format!("{who} (saksi {} di {})", party(rng), place.kel),
            1 => format!("{who} (caleg {} dari {})", place.area.dprd(), party(rng)),
            _ => format!(
                "{who} (saksi {} tingkat Kecamatan {})",
                party(rng),
                place.kec
            ),
        },
        Reporter::Pemantau => match rng.u8(..2) {
            0 => format!("{who} (pemantau pemilu terdaftar)"),
            _ => format!("{who} (warga {})", place.kel),
        },
    }
}

/// Who typically reports a kind of case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Reporter {
    Warga,
    Peserta,
    Saksi,
    Pemantau,
}

/// The opening of a description up to the date: who found or reported it, and when.
pub(crate) fn opening(rng: &mut Rng, laporan: bool, place: &Place, date: NaiveDate) -> String {
    let when = hari_tgl(date);
    if laporan {
        return match rng.u8(..3) {
            0 => format!("Pelapor melaporkan bahwa pada {when}"),
            1 => format!("Menurut laporan yang diterima, pada {when}"),
            _ => format!("Pelapor menerangkan bahwa pada {when}"),
        };
    }
    match rng.u8(..4) {
        0 => format!(
            "Berdasarkan hasil pengawasan Panwaslu Kecamatan {}, pada {when}",
            place.kec
        ),
        1 => format!("PKD {} mendapati bahwa pada {when}", place.kel),
        2 => format!(
            "Dari penelusuran informasi awal yang beredar di media sosial, diketahui bahwa pada {when}"
        ),
        _ => format!("Dalam pengawasan melekat, pengawas mendapati bahwa pada {when}"),
    }
}

/// The evidence sentence.
pub(crate) fn evidence(laporan: bool, items: &str) -> String {
    if laporan {
        format!("Pelapor menyerahkan bukti berupa {items}.")
    } else {
        format!("Bukti yang dihimpun pengawas berupa {items}.")
    }
}

/// Picks one of `items`.
pub(crate) fn one<'a>(rng: &mut Rng, items: &[&'a str]) -> &'a str {
    items[rng.usize(..items.len())]
}

/// Indonesian thousands: 1.250.000.
pub(crate) fn rupiah(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    format!("Rp{out}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indonesian_dates_and_money() {
        let d = NaiveDate::from_ymd_opt(2024, 1, 13).unwrap();
        assert_eq!(hari_tgl(d), "Sabtu, 13 Januari 2024");
        assert_eq!(roman(12), "XII");
        assert_eq!(rupiah(1_250_000), "Rp1.250.000");
        assert_eq!(rupiah(50_000), "Rp50.000");
    }
}
