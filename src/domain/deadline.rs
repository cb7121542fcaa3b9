//! Handling deadlines: which clock a case runs on, from which date, and how days are counted
//! (calendar, or working days skipping weekends and holidays). The limits a law sets (filing a
//! laporan, deciding a case, the extension) are each election's own (`[limits]` of its
//! election.toml: UU 7/2017 for Pemilu, UU 10/2016 for Pilkada); the clocks before a decision
//! that no election sets (a lead's 7 days, the kajian awal's 2, the reporter's 2 to complete a
//! laporan) count as the configuration's `deadline_days` says. See docs/elections.md.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::domain::election::{DecideFrom, Election, Limits};
use crate::domain::{Phase, Status};
use crate::i18n::{Lang, core::Core};

pub use crate::domain::election::DayCount;

/// The deadline rules in force: each election's limits, how the clocks no election sets count,
/// and the holiday calendar working days count against.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeadlineRules {
    /// How the clocks before a decision that no election sets count: a lead set as a temuan
    /// within 7 days, a laporan's kajian awal within 2, the reporter's 2 days to complete it
    /// (the configuration's `deadline_days`).
    pub procedure: DayCount,
    pub holidays: BTreeSet<NaiveDate>,
    /// The years the holiday list covers (those with at least one day in it): in any other
    /// year a working-day count skips weekends only, and says so.
    pub listed_years: BTreeSet<i32>,
    /// Each election's limits, by its code.
    pub elections: BTreeMap<String, Limits>,
}

/// A due date with what it was computed from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Deadline {
    pub due: NaiveDate,
    pub from: NaiveDate,
    pub days: u32,
    pub count: DayCount,
    pub phase: Phase,
    /// The decision limit was extended (14 working days after registration in total for
    /// Pemilu, 5 calendar days after receipt for Pilkada).
    pub extended: bool,
    /// The decision limit counts from receipt (the election counts it so, or the case has no
    /// registration date), not from registration.
    pub from_receipt: bool,
    /// A year without a holiday list that a working-day count crossed (only weekends were
    /// skipped in it).
    pub unlisted: Option<i32>,
}

/// The unit a count is written in: "hari kerja", "hari kalender".
fn unit(count: DayCount, lang: Lang) -> String {
    match count {
        DayCount::Calendar => Core::DaysCalendar.text(lang),
        DayCount::Working => Core::DaysWorking.text(lang),
    }
}

/// `text`, with " (tanpa daftar libur 2029)" when a count crossed a year without holidays.
fn noting(text: String, unlisted: Option<i32>, lang: Lang) -> String {
    match unlisted {
        Some(year) => format!("{text} ({})", Core::NoHolidayList { year }.text(lang)),
        None => text,
    }
}

impl Deadline {
    /// "7 hari kerja sejak registrasi 08/01/2024 → 17/01/2024"; extended, "Diperpanjang (5 hari
    /// kalender) sejak diterima 29/11/2024 → 04/12/2024".
    pub fn explain(&self, lang: Lang) -> String {
        let unit = unit(self.count, lang);
        let since = match self.phase {
            Phase::Lead => Core::SinceKnown.text(lang),
            Phase::Intake => Core::SinceReceived.text(lang),
            Phase::Completion => Core::SinceReviewEnded.text(lang),
            _ if self.from_receipt => Core::SinceReceived.text(lang),
            _ => Core::SinceRegistration.text(lang),
        };
        // Extended, the limit is named once, as the election's law counts it in total
        // ("Diperpanjang (14 hari kerja)", never "7 + 7" or "3 + 2"), then what it counts from.
        let limit = if self.extended {
            Core::ExtendedLimit {
                days: self.days,
                unit,
            }
            .text(lang)
        } else {
            format!("{} {unit}", self.days)
        };
        let explained = format!(
            "{limit} {since} {} → {}",
            self.from.format("%d/%m/%Y"),
            self.due.format("%d/%m/%Y")
        );
        noting(explained, self.unlisted, lang)
    }
}

/// Days a lead has to be set as a temuan after it became known.
pub const LEAD_DAYS: u32 = 7;

/// Days of the initial review (kajian awal) after receipt (Perbawaslu 7/2022 Pasal 15).
pub const INITIAL_REVIEW_DAYS: u32 = 2;

/// Days the reporter has to complete the report once told to ("melengkapi syarat"): 2 days
/// (Perbawaslu 7/2022), counted like the initial review.
pub const COMPLETION_DAYS: u32 = 2;

/// How a laporan's filing compares with its election's filing limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Filing {
    pub known: NaiveDate,
    pub received: NaiveDate,
    /// Days from known to received (the day known not counted), counted as the limit counts.
    pub days: u32,
    /// The limit: its days and how it counts them.
    pub limit: u32,
    pub count: DayCount,
    /// The last day the laporan could be filed.
    pub due: NaiveDate,
    pub late: bool,
    /// A year without a holiday list the count crossed.
    pub unlisted: Option<i32>,
}

impl Filing {
    /// "diterima 9 hari kerja setelah diketahui 02/01/2024; batas 7 hari kerja → 11/01/2024".
    pub fn explain(&self, lang: Lang) -> String {
        let text = Core::Filing {
            days: self.days,
            known: self.known.format("%d/%m/%Y").to_string(),
            limit: self.limit,
            due: self.due.format("%d/%m/%Y").to_string(),
            unit: unit(self.count, lang),
        }
        .text(lang);
        noting(text, self.unlisted, lang)
    }
}

impl DeadlineRules {
    /// Rules whose clocks before a decision count as `count`, with the given holidays and the
    /// limits of the elections shipped with pantau ([`DeadlineRules::with_elections`] gives a
    /// database's own).
    pub fn new(count: DayCount, holidays: impl IntoIterator<Item = NaiveDate>) -> DeadlineRules {
        let shipped = Election::embedded().unwrap_or_default();
        DeadlineRules::for_elections(count, holidays, &shipped)
    }

    /// Rules with the given holidays and the limits of `elections` alone (a database's): the
    /// elections shipped with pantau are not read.
    pub fn for_elections<'e>(
        count: DayCount,
        holidays: impl IntoIterator<Item = NaiveDate>,
        elections: impl IntoIterator<Item = &'e Election>,
    ) -> DeadlineRules {
        let holidays: BTreeSet<NaiveDate> = holidays.into_iter().collect();
        DeadlineRules {
            procedure: count,
            listed_years: holidays.iter().map(|d| d.year()).collect(),
            holidays,
            elections: BTreeMap::new(),
        }
        .with_elections(elections)
    }

    /// These rules with the limits of `elections` (a database's), in place of those held.
    pub fn with_elections<'e>(
        mut self,
        elections: impl IntoIterator<Item = &'e Election>,
    ) -> DeadlineRules {
        self.elections = elections
            .into_iter()
            .map(|e| (e.code.clone(), e.limits))
            .collect();
        self
    }

    /// The limits of the election with this code, if the rules know it.
    pub fn limits(&self, election: &str) -> Option<&Limits> {
        self.elections.get(election)
    }

    /// Whether `day` is a working day.
    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) && !self.holidays.contains(&day)
    }

    /// `start` plus `days`, counted as `count`.
    pub fn add(&self, start: NaiveDate, days: u32, count: DayCount) -> NaiveDate {
        match count {
            DayCount::Calendar => start + Duration::days(i64::from(days)),
            DayCount::Working => {
                let mut d = start;
                let mut left = days;
                while left > 0 {
                    d += Duration::days(1);
                    if self.is_working_day(d) {
                        left -= 1;
                    }
                }
                d
            }
        }
    }

    /// The first year from the day after `from` to `to` the holiday list does not cover, when
    /// the days between count as working days: there only weekends were skipped.
    pub fn unlisted_year(&self, from: NaiveDate, to: NaiveDate, count: DayCount) -> Option<i32> {
        if count != DayCount::Working || to <= from {
            return None;
        }
        let first = (from + Duration::days(1)).year();
        (first..=to.year()).find(|y| !self.listed_years.contains(y))
    }

    /// The last day a laporan known on `known` may be filed under `limits` (Pemilu: 7 working
    /// days later; Pilkada: 7 calendar days).
    pub fn filing_due(&self, limits: &Limits, known: NaiveDate) -> NaiveDate {
        self.add(known, limits.file_days, limits.file_count)
    }

    /// Whether a case was filed late: a laporan received after its election's filing limit. A
    /// temuan, or a laporan without the day it became known, is never late.
    pub fn is_late(
        &self,
        limits: &Limits,
        laporan: bool,
        known: Option<NaiveDate>,
        received: NaiveDate,
    ) -> bool {
        laporan && known.is_some_and(|k| received > self.filing_due(limits, k))
    }

    /// How a laporan's filing compares with its election's limit; `None` for a temuan or a
    /// laporan without the day it became known.
    pub fn filing(
        &self,
        limits: &Limits,
        laporan: bool,
        known: Option<NaiveDate>,
        received: NaiveDate,
    ) -> Option<Filing> {
        let known = known.filter(|_| laporan)?;
        let count = limits.file_count;
        let mut days = 0;
        let mut d = known;
        while d < received {
            d += Duration::days(1);
            days += u32::from(count == DayCount::Calendar || self.is_working_day(d));
        }
        let due = self.filing_due(limits, known);
        Some(Filing {
            known,
            received,
            days,
            limit: limits.file_days,
            count,
            due,
            late: received > due,
            unlisted: self.unlisted_year(known, due.max(received), count),
        })
    }

    /// The deadline of a case of an election with `limits` in `status`, from its dates; `None`
    /// once handling has ended.
    ///
    /// The decision runs on the election's limit: its days (its extended days in total when
    /// extended), counted as it counts them, from registration or from receipt. The clocks
    /// before it count as [`DeadlineRules::procedure`]. Completing the report
    /// (`PERBAIKAN_SYARAT`) runs on its own clock: the reporter's 2 days counted from the end of
    /// the kajian awal (received + 2 days), not from receipt. It is not counted from the day the
    /// status began because the relation answers views over the current status without reading
    /// the history; the end of the kajian awal is when the reporter is told at the latest.
    pub fn deadline(
        &self,
        limits: &Limits,
        status: Status,
        known: Option<NaiveDate>,
        received: NaiveDate,
        registered: Option<NaiveDate>,
        extended: bool,
    ) -> Option<Deadline> {
        let phase = status.phase();
        let mut from_receipt = false;
        let (from, days, count) = match phase {
            Phase::Closed => return None,
            Phase::Lead => (known.unwrap_or(received), LEAD_DAYS, self.procedure),
            Phase::Intake => (received, INITIAL_REVIEW_DAYS, self.procedure),
            Phase::Completion => (
                self.add(received, INITIAL_REVIEW_DAYS, self.procedure),
                COMPLETION_DAYS,
                self.procedure,
            ),
            Phase::Examination => {
                let days = if extended {
                    limits.decide_extended_days
                } else {
                    limits.decide_days
                };
                let from = match (limits.decide_from, registered) {
                    (DecideFrom::Registration, Some(r)) => r,
                    _ => {
                        from_receipt = true;
                        received
                    }
                };
                (from, days, limits.decide_count)
            }
        };
        let due = self.add(from, days, count);
        Some(Deadline {
            due,
            from,
            days,
            count,
            phase,
            extended: extended && phase == Phase::Examination,
            from_receipt,
            unlisted: self.unlisted_year(from, due, count),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn rules(count: DayCount) -> DeadlineRules {
        let r = crate::domain::Reference::embedded();
        DeadlineRules::new(count, r.holidays.iter().map(|h| h.date)).with_elections(&r.elections)
    }

    fn pemilu() -> Limits {
        *rules(DayCount::Calendar).limits("PEMILU2024").unwrap()
    }

    fn pilkada() -> Limits {
        *rules(DayCount::Calendar).limits("PILKADA2024").unwrap()
    }

    #[test]
    fn a_pemilu_decision_counts_working_days_from_registration() {
        let r = rules(DayCount::Calendar);
        // Registered Mon 8 Jan 2024: 7 working days later is Wed 17 Jan, whatever the
        // configured count (it governs the clocks before a decision only).
        let dl = r
            .deadline(
                &pemilu(),
                Status::Kajian,
                None,
                d(2024, 1, 5),
                Some(d(2024, 1, 8)),
                false,
            )
            .unwrap();
        assert_eq!(dl.due, d(2024, 1, 17));
        assert_eq!(
            dl.explain(Lang::Id),
            "7 hari kerja sejak registrasi 08/01/2024 → 17/01/2024"
        );
    }

    #[test]
    fn a_pilkada_decision_counts_calendar_days_from_receipt() {
        let r = rules(DayCount::Working);
        // Received Thu 28 Nov 2024, registered the next day: 3 calendar days from receipt.
        let dl = r
            .deadline(
                &pilkada(),
                Status::Klarifikasi,
                None,
                d(2024, 11, 28),
                Some(d(2024, 11, 29)),
                false,
            )
            .unwrap();
        assert_eq!(dl.due, d(2024, 12, 1));
        assert_eq!(
            dl.explain(Lang::Id),
            "3 hari kalender sejak diterima 28/11/2024 → 01/12/2024"
        );
        assert_eq!(
            dl.explain(Lang::En),
            "3 calendar days since received 28/11/2024 → 01/12/2024"
        );
        let ext = r
            .deadline(
                &pilkada(),
                Status::Klarifikasi,
                None,
                d(2024, 11, 28),
                Some(d(2024, 11, 29)),
                true,
            )
            .unwrap();
        assert_eq!(ext.due, d(2024, 12, 3));
        assert_eq!(
            ext.explain(Lang::Id),
            "Diperpanjang (5 hari kalender) sejak diterima 28/11/2024 → 03/12/2024"
        );
        assert!(
            ext.explain(Lang::En)
                .starts_with("Extended (5 calendar days) since received ")
        );
    }

    #[test]
    fn working_days_skip_weekends_and_holidays() {
        let r = rules(DayCount::Working);
        // Received Thu 1 Feb 2024; Fri 2 Feb is a working day, Sat/Sun skipped, so 2 working days → Mon 5 Feb.
        assert_eq!(r.add(d(2024, 2, 1), 2, DayCount::Working), d(2024, 2, 5));
        // Wed 7 Feb + 2: Thu 8 Feb (Isra Mikraj) and Fri 9 Feb (cuti bersama) are holidays,
        // Sat 10 (Imlek) and Sun 11 weekend → Mon 12, Tue 13.
        assert_eq!(r.add(d(2024, 2, 7), 2, DayCount::Working), d(2024, 2, 13));
        // Voting day 14 Feb 2024 is a holiday: Tue 13 + 1 → Thu 15.
        assert_eq!(r.add(d(2024, 2, 13), 1, DayCount::Working), d(2024, 2, 15));
        // 2025 and 2026 are listed: Idulfitri 1446 H and its leave (31 Mar – 7 Apr 2025).
        assert_eq!(r.add(d(2025, 3, 28), 1, DayCount::Working), d(2025, 4, 8));
        assert_eq!(
            r.unlisted_year(d(2025, 12, 30), d(2026, 1, 5), DayCount::Working),
            None
        );
    }

    #[test]
    fn a_count_into_a_year_without_holidays_says_so() {
        let r = rules(DayCount::Working);
        assert_eq!(r.listed_years.last(), Some(&2026));
        // Wed 31 Dec 2031 + 2 working days: Thu 1 Jan 2032 is not known as a holiday.
        assert_eq!(r.add(d(2031, 12, 31), 2, DayCount::Working), d(2032, 1, 2));
        let dl = r
            .deadline(
                &pemilu(),
                Status::Kajian,
                None,
                d(2029, 1, 2),
                Some(d(2029, 1, 2)),
                false,
            )
            .unwrap();
        assert_eq!(dl.unlisted, Some(2029));
        assert_eq!(
            dl.explain(Lang::Id),
            "7 hari kerja sejak registrasi 02/01/2029 → 11/01/2029 (tanpa daftar libur 2029)"
        );
        assert!(dl.explain(Lang::En).ends_with("(no holiday list for 2029)"));
        // Calendar days need no list.
        let cal = r
            .deadline(&pilkada(), Status::Kajian, None, d(2029, 1, 2), None, false)
            .unwrap();
        assert_eq!(cal.unlisted, None);
    }

    #[test]
    fn an_extended_pemilu_examination_runs_fourteen_working_days() {
        let r = rules(DayCount::Calendar);
        // Registered Mon 1 Apr 2024; 8–12 and 15 Apr are Idulfitri holidays and leave.
        let dl = r
            .deadline(
                &pemilu(),
                Status::Klarifikasi,
                None,
                d(2024, 3, 28),
                Some(d(2024, 4, 1)),
                true,
            )
            .unwrap();
        assert_eq!(dl.count, DayCount::Working);
        // Working days: 2,3,4,5 Apr (4), 16,17,18,19 (8), 22..26 (13), 29 (14).
        assert_eq!(dl.due, d(2024, 4, 29));
        // Named as the law counts it, never "7 + 7".
        assert_eq!(
            dl.explain(Lang::Id),
            "Diperpanjang (14 hari kerja) sejak registrasi 01/04/2024 → 29/04/2024"
        );
        assert!(
            dl.explain(Lang::En)
                .starts_with("Extended (14 working days) since registration ")
        );
        let plain = r
            .deadline(
                &pemilu(),
                Status::Klarifikasi,
                None,
                d(2024, 3, 28),
                Some(d(2024, 4, 1)),
                false,
            )
            .unwrap();
        assert!(!plain.explain(Lang::Id).contains("Diperpanjang"));
        // Without a registration date the limit counts from receipt, and says so.
        let unregistered = r
            .deadline(&pemilu(), Status::Kajian, None, d(2024, 1, 8), None, false)
            .unwrap();
        assert!(
            unregistered
                .explain(Lang::Id)
                .contains("sejak diterima 08/01/2024")
        );
    }

    #[test]
    fn each_phase_has_its_own_clock() {
        let r = rules(DayCount::Calendar);
        let lead = r
            .deadline(
                &pemilu(),
                Status::Penelusuran,
                Some(d(2024, 1, 2)),
                d(2024, 1, 3),
                None,
                false,
            )
            .unwrap();
        assert_eq!(lead.due, d(2024, 1, 9));
        let intake = r
            .deadline(
                &pemilu(),
                Status::KajianAwal,
                None,
                d(2024, 1, 3),
                None,
                false,
            )
            .unwrap();
        assert_eq!(intake.due, d(2024, 1, 5));
        assert!(
            r.deadline(
                &pemilu(),
                Status::Pelanggaran,
                None,
                d(2024, 1, 3),
                None,
                false
            )
            .is_none()
        );
    }

    #[test]
    fn completing_the_report_runs_after_the_initial_review() {
        let r = rules(DayCount::Calendar);
        // Received Wed 3 Jan: kajian awal ends Fri 5 Jan, the reporter has until Sun 7 Jan.
        let dl = r
            .deadline(
                &pemilu(),
                Status::PerbaikanSyarat,
                None,
                d(2024, 1, 3),
                None,
                false,
            )
            .unwrap();
        assert_eq!((dl.from, dl.due), (d(2024, 1, 5), d(2024, 1, 7)));
        assert_eq!(dl.phase, Phase::Completion);
        assert_eq!(
            dl.explain(Lang::Id),
            "2 hari kalender setelah kajian awal berakhir 05/01/2024 → 07/01/2024"
        );
        assert_eq!(
            dl.explain(Lang::En),
            "2 calendar days after the initial review ended 05/01/2024 → 07/01/2024"
        );
        // In working days, across the Isra Mikraj holidays and a weekend: received Mon 5 Feb
        // 2024, the kajian awal ends Wed 7; Thu 8 and Fri 9 are holidays, Sat 10 and Sun 11 the
        // weekend → Mon 12, Tue 13.
        let w = rules(DayCount::Working);
        let dl = w
            .deadline(
                &pemilu(),
                Status::PerbaikanSyarat,
                None,
                d(2024, 2, 5),
                None,
                false,
            )
            .unwrap();
        assert_eq!(dl.from, d(2024, 2, 7));
        assert_eq!(dl.due, d(2024, 2, 13));
    }

    #[test]
    fn a_laporan_filed_after_its_elections_limit_is_late() {
        let r = rules(DayCount::Calendar);
        let p = pemilu();
        // Known Tue 2 Jan 2024: 7 working days skip the weekend of 6–7 Jan → Thu 11 Jan.
        assert_eq!(r.filing_due(&p, d(2024, 1, 2)), d(2024, 1, 11));
        let f = r
            .filing(&p, true, Some(d(2024, 1, 2)), d(2024, 1, 15))
            .unwrap();
        assert!(f.late);
        assert_eq!(f.days, 9);
        assert_eq!(
            f.explain(Lang::Id),
            "diterima 9 hari kerja setelah diketahui 02/01/2024; batas 7 hari kerja → 11/01/2024"
        );
        assert_eq!(
            f.explain(Lang::En),
            "received 9 working days after known 02/01/2024; limit 7 working days → 11/01/2024"
        );
        // On the last day is in time.
        assert!(!r.is_late(&p, true, Some(d(2024, 1, 2)), d(2024, 1, 11)));
        assert!(r.is_late(&p, true, Some(d(2024, 1, 2)), d(2024, 1, 12)));
        // Across a holiday: known Mon 5 Feb 2024; Thu 8 (Isra Mikraj), Fri 9 (cuti bersama),
        // the weekend and Wed 14 (voting day) are skipped → Tue 6, Wed 7, Mon 12, Tue 13,
        // Thu 15, Fri 16, Mon 19.
        assert_eq!(r.filing_due(&p, d(2024, 2, 5)), d(2024, 2, 19));
        assert!(!r.is_late(&p, true, Some(d(2024, 2, 5)), d(2024, 2, 19)));
        assert!(r.is_late(&p, true, Some(d(2024, 2, 5)), d(2024, 2, 20)));
        // A temuan, or a laporan not knowing when it became known, is never late.
        assert!(!r.is_late(&p, false, Some(d(2024, 1, 2)), d(2024, 3, 1)));
        assert!(!r.is_late(&p, true, None, d(2024, 3, 1)));
        assert!(
            r.filing(&p, false, Some(d(2024, 1, 2)), d(2024, 3, 1))
                .is_none()
        );
        // Pilkada counts 7 calendar days: known Mon 25 Nov 2024 → Mon 2 Dec, the weekend and
        // voting day included.
        let k = pilkada();
        assert_eq!(r.filing_due(&k, d(2024, 11, 25)), d(2024, 12, 2));
        let f = r
            .filing(&k, true, Some(d(2024, 11, 25)), d(2024, 12, 3))
            .unwrap();
        assert!(f.late);
        assert_eq!(
            f.explain(Lang::Id),
            "diterima 8 hari kalender setelah diketahui 25/11/2024; batas 7 hari kalender → 02/12/2024"
        );
        // The same dates are in time under Pemilu's working days.
        assert!(!r.is_late(&p, true, Some(d(2024, 11, 25)), d(2024, 12, 3)));
    }
}
