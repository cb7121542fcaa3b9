//! Status paths and their dates for demo cases: which statuses a case passes (domain.md §4) and
//! when, in office hours and within the 2/7/14-day limits, optionally pinned around a cut-off date.

use std::collections::BTreeSet;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use fastrand::Rng;

use crate::domain::{Reference, Source, Status, ViolationType};

/// How handling of a case ends (or where it stands).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// A laporan that was not registered (after a request to complete it, or not).
    NotRegistered { perbaikan: bool },
    /// A laporan withdrawn by the reporter after the initial review.
    Withdrawn,
    /// Registered and decided a violation of this type.
    Violation(ViolationType),
    /// Registered and decided not a violation.
    NotViolation,
    /// Registered and stopped (e.g. by the Gakkumdu discussion).
    Stopped,
    /// Registered and still open in this status.
    Open(Status),
}

/// The days handling moves on: Monday to Friday except the holidays of the reference data (a
/// Pemilu, UU 7/2017), or every day (a Pilkada, whose law counts calendar days).
#[derive(Clone, Debug)]
pub(crate) struct Calendar {
    holidays: BTreeSet<NaiveDate>,
    every_day: bool,
}

impl Calendar {
    /// The working days of the embedded reference data.
    pub fn embedded() -> Calendar {
        Calendar {
            holidays: Reference::embedded()
                .holidays
                .iter()
                .map(|h| h.date)
                .collect(),
            every_day: false,
        }
    }

    /// Every day a working day: the offices handle a Pilkada's cases on weekends too.
    pub fn every_day() -> Calendar {
        Calendar {
            holidays: BTreeSet::new(),
            every_day: true,
        }
    }

    /// Whether `d` is a working day.
    pub fn is_working(&self, d: NaiveDate) -> bool {
        self.every_day
            || (!matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && !self.holidays.contains(&d))
    }

    /// `d` plus `n` working days (`n = 0`: `d` itself).
    pub fn add_working(&self, d: NaiveDate, n: u32) -> NaiveDate {
        let mut d = d;
        let mut left = n;
        while left > 0 {
            d += Duration::days(1);
            if self.is_working(d) {
                left -= 1;
            }
        }
        d
    }
}

/// The statuses a case passes, first to last.
pub(crate) fn path(
    source: Source,
    outcome: Outcome,
    dugaan: Option<ViolationType>,
    info_first: bool,
) -> Vec<Status> {
    use Status::*;
    let mut p = Vec::with_capacity(8);
    match source {
        Source::Laporan => {
            p.push(Diterima);
            p.push(KajianAwal);
            match outcome {
                Outcome::NotRegistered { perbaikan } => {
                    if perbaikan {
                        p.push(PerbaikanSyarat);
                    }
                    p.push(TidakDiregistrasi);
                    return p;
                }
                Outcome::Withdrawn => {
                    p.push(Dicabut);
                    return p;
                }
                _ => {}
            }
        }
        Source::Temuan => {
            if info_first {
                p.push(InformasiAwal);
            }
            p.push(Penelusuran);
        }
    }
    p.extend([Diregistrasi, Klarifikasi, Kajian]);
    if dugaan == Some(ViolationType::Pidana) {
        p.push(PembahasanGakkumdu);
    }
    match outcome {
        Outcome::Violation(_) => p.push(Pelanggaran),
        Outcome::NotViolation => p.push(BukanPelanggaran),
        Outcome::Stopped => p.push(Dihentikan),
        Outcome::Open(s) => {
            if let Some(i) = p.iter().position(|x| *x == s) {
                p.truncate(i + 1);
            }
        }
        Outcome::NotRegistered { .. } | Outcome::Withdrawn => {}
    }
    p
}

/// Constraints on the dates of a path.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Timing {
    /// `(date, k)`: entries `0..=k` fall on or before `date`, the later ones after it.
    pub cut: Option<(NaiveDate, usize)>,
    /// The last entry falls on exactly this date.
    pub pin_last: Option<NaiveDate>,
    /// Examination needs more information (extended to 14 working days after registration in
    /// total): longer clarification.
    pub slow: bool,
    /// The last entry falls on this date at the latest (a Pilkada's limit, counted from receipt).
    pub limit: Option<NaiveDate>,
}

/// Working days between two consecutive statuses.
fn gap(rng: &mut Rng, from: Status, to: Status, slow: bool) -> u32 {
    use Status::*;
    match (from, to) {
        (Diterima, _) | (InformasiAwal, _) | (Diregistrasi, _) => rng.u32(0..=1),
        (KajianAwal, PerbaikanSyarat) => rng.u32(0..=1),
        (PerbaikanSyarat, _) => rng.u32(2..=3),
        (KajianAwal, _) => rng.u32(1..=2),
        (Penelusuran, _) => rng.u32(1..=3),
        (Klarifikasi, _) if slow => rng.u32(5..=7),
        (Klarifikasi, _) => rng.u32(1..=2),
        (Kajian, PembahasanGakkumdu) => rng.u32(0..=1),
        _ => rng.u32(1..=2),
    }
}

/// Dates and times of each status of `path`, the first on `received`, in office hours, strictly
/// increasing, satisfying `timing` (which wins over the usual gaps).
pub(crate) fn schedule(
    rng: &mut Rng,
    cal: &Calendar,
    received: NaiveDate,
    path: &[Status],
    timing: Timing,
) -> Vec<NaiveDateTime> {
    let n = path.len();
    let mut days = Vec::with_capacity(n);
    days.push(received);
    for w in path.windows(2) {
        let prev = days[days.len() - 1];
        days.push(cal.add_working(prev, gap(rng, w[0], w[1], timing.slow)));
    }
    let mut lb = vec![received; n];
    let mut ub = vec![NaiveDate::MAX; n];
    ub[0] = received;
    if let Some((cut, k)) = timing.cut {
        // What comes after the cut-off comes on the next working day at the earliest.
        let after = cal.add_working(cut, 1);
        for i in 0..n {
            if i <= k {
                ub[i] = ub[i].min(cut);
            } else {
                lb[i] = lb[i].max(after);
            }
        }
    }
    if let Some(pin) = timing.pin_last {
        lb[n - 1] = lb[n - 1].max(pin);
        ub[n - 1] = ub[n - 1].min(pin);
    }
    if let Some(limit) = timing.limit {
        ub[n - 1] = ub[n - 1].min(limit);
    }
    for i in 0..n {
        let floor = if i == 0 {
            lb[0]
        } else {
            lb[i].max(days[i - 1])
        };
        days[i] = days[i].max(floor);
    }
    for i in (0..n).rev() {
        let ceil = if i + 1 == n {
            ub[i]
        } else {
            ub[i].min(days[i + 1])
        };
        days[i] = days[i].min(ceil);
    }
    let mut out: Vec<NaiveDateTime> = Vec::with_capacity(n);
    for day in days {
        let at = match out.last() {
            Some(prev) if prev.date() == day => {
                let next = *prev + Duration::minutes(i64::from(rng.u32(15..=110)));
                if next.date() == day {
                    next
                } else {
                    *prev + Duration::minutes(1)
                }
            }
            _ => day.and_time(office_time(rng)),
        };
        out.push(at);
    }
    out
}

/// A time in office hours, 08:00–14:59, on the minute.
fn office_time(rng: &mut Rng) -> NaiveTime {
    NaiveTime::from_hms_opt(rng.u32(8..15), rng.u32(0..60), 0).unwrap_or(NaiveTime::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn paths_follow_the_procedure() {
        use Status::*;
        let p = path(
            Source::Laporan,
            Outcome::Violation(ViolationType::Pidana),
            Some(ViolationType::Pidana),
            false,
        );
        assert_eq!(
            p,
            vec![
                Diterima,
                KajianAwal,
                Diregistrasi,
                Klarifikasi,
                Kajian,
                PembahasanGakkumdu,
                Pelanggaran
            ]
        );
        let p = path(
            Source::Temuan,
            Outcome::Open(Klarifikasi),
            Some(ViolationType::Administrasi),
            true,
        );
        assert_eq!(
            p,
            vec![InformasiAwal, Penelusuran, Diregistrasi, Klarifikasi]
        );
        let p = path(
            Source::Laporan,
            Outcome::NotRegistered { perbaikan: true },
            None,
            false,
        );
        assert_eq!(
            p,
            vec![Diterima, KajianAwal, PerbaikanSyarat, TidakDiregistrasi]
        );
    }

    #[test]
    fn schedules_respect_the_cut_and_the_pin() {
        let cal = Calendar::embedded();
        let p = path(
            Source::Laporan,
            Outcome::Violation(ViolationType::Pidana),
            Some(ViolationType::Pidana),
            false,
        );
        for seed in 0..200 {
            let mut rng = Rng::with_seed(seed);
            let cut = d(2024, 2, 2);
            let t = Timing {
                cut: Some((cut, 3)),
                pin_last: Some(d(2024, 2, 9)),
                slow: seed % 2 == 0,
                limit: None,
            };
            let s = schedule(&mut rng, &cal, d(2024, 1, 31), &p, t);
            assert_eq!(s[0].date(), d(2024, 1, 31));
            assert!(s.windows(2).all(|w| w[0] < w[1]), "{s:?}");
            assert!(s[..=3].iter().all(|x| x.date() <= cut), "{s:?}");
            assert!(s[4..].iter().all(|x| x.date() > cut), "{s:?}");
            assert_eq!(s[6].date(), d(2024, 2, 9));
        }
    }
}
