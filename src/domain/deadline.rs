//! Handling deadlines (UU 7/2017, Perbawaslu 7/2022): which clock a case runs on, from which date,
//! and how days are counted (calendar, or working days skipping weekends and holidays).

use std::collections::BTreeSet;

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::domain::{Phase, Status};
use crate::i18n::{Lang, core::Core};

pub use crate::domain::election::DayCount;

/// The deadline rules in force, with the holiday calendar they count against.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeadlineRules {
    /// How the filing limits count: a temuan set within 7 days, a laporan reviewed within 2.
    pub filing: DayCount,
    /// How the 7-day decision limit after registration counts.
    pub decision: DayCount,
    pub holidays: BTreeSet<NaiveDate>,
}

/// A due date with what it was computed from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Deadline {
    pub due: NaiveDate,
    pub from: NaiveDate,
    pub days: u32,
    pub count: DayCount,
    pub phase: Phase,
    /// The decision limit was extended: 14 working days after registration in total.
    pub extended: bool,
}

impl Deadline {
    /// "7 hari sejak registrasi 08/01/2024 → 15/01/2024".
    pub fn explain(&self, lang: Lang) -> String {
        let unit = match self.count {
            DayCount::Calendar => Core::DaysCalendar.text(lang),
            DayCount::Working => Core::DaysWorking.text(lang),
        };
        let since = match self.phase {
            Phase::Lead => Core::SinceKnown.text(lang),
            Phase::Intake => Core::SinceReceived.text(lang),
            Phase::Completion => Core::SinceReviewEnded.text(lang),
            _ => Core::SinceRegistration.text(lang),
        };
        let explained = format!(
            "{} {unit} {since} {} → {}",
            self.days,
            self.from.format("%d/%m/%Y"),
            self.due.format("%d/%m/%Y")
        );
        if self.extended {
            // "Diperpanjang (14 hari kerja)", never "7 + 7".
            format!("{}: {explained}", Core::ExtendedLimit.text(lang))
        } else {
            explained
        }
    }
}

/// The limit a laporan is filed within: 7 working days of the event becoming known (UU 7/2017
/// Pasal 454(6)), whatever the configured counts.
pub const FILING_LIMIT_DAYS: u32 = 7;

/// Days of the initial review (kajian awal) after receipt (Perbawaslu 7/2022 Pasal 15).
pub const INITIAL_REVIEW_DAYS: u32 = 2;

/// Days the reporter has to complete the report once told to ("melengkapi syarat"): 2 days
/// (Perbawaslu 7/2022), counted like the initial review.
pub const COMPLETION_DAYS: u32 = 2;

/// How a laporan's filing compares with the 7-working-day limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Filing {
    pub known: NaiveDate,
    pub received: NaiveDate,
    /// Working days from known to received (the day known not counted).
    pub days: u32,
    /// The last day the laporan could be filed.
    pub due: NaiveDate,
    pub late: bool,
}

impl Filing {
    /// "diterima 9 hari kerja setelah diketahui 02/01/2024; batas 7 hari kerja → 11/01/2024".
    pub fn explain(&self, lang: Lang) -> String {
        Core::Filing {
            days: self.days,
            known: self.known.format("%d/%m/%Y").to_string(),
            limit: FILING_LIMIT_DAYS,
            due: self.due.format("%d/%m/%Y").to_string(),
        }
        .text(lang)
    }
}

impl DeadlineRules {
    /// Rules with both counts set to `count` and the given holidays.
    pub fn new(count: DayCount, holidays: impl IntoIterator<Item = NaiveDate>) -> DeadlineRules {
        DeadlineRules {
            filing: count,
            decision: count,
            holidays: holidays.into_iter().collect(),
        }
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

    /// The last day a laporan known on `known` may be filed: 7 working days later.
    pub fn filing_due(&self, known: NaiveDate) -> NaiveDate {
        self.add(known, FILING_LIMIT_DAYS, DayCount::Working)
    }

    /// Whether a case was filed late: a laporan received after its filing limit. A temuan, or a
    /// laporan without the day it became known, is never late.
    pub fn is_late(&self, laporan: bool, known: Option<NaiveDate>, received: NaiveDate) -> bool {
        laporan && known.is_some_and(|k| received > self.filing_due(k))
    }

    /// How a laporan's filing compares with its limit; `None` for a temuan or a laporan without
    /// the day it became known.
    pub fn filing(
        &self,
        laporan: bool,
        known: Option<NaiveDate>,
        received: NaiveDate,
    ) -> Option<Filing> {
        let known = known.filter(|_| laporan)?;
        let mut days = 0;
        let mut d = known;
        while d < received {
            d += Duration::days(1);
            days += u32::from(self.is_working_day(d));
        }
        let due = self.filing_due(known);
        Some(Filing {
            known,
            received,
            days,
            due,
            late: received > due,
        })
    }

    /// The deadline of a case in `status`, from its dates; `None` once handling has ended.
    ///
    /// Completing the report (`PERBAIKAN_SYARAT`) runs on its own clock: the reporter's 2 days
    /// counted from the end of the kajian awal (received + 2 days), not from receipt. It is not
    /// counted from the day the status began because the relation answers views over the current
    /// status without reading the history; the end of the kajian awal is when the reporter is
    /// told at the latest.
    pub fn deadline(
        &self,
        status: Status,
        known: Option<NaiveDate>,
        received: NaiveDate,
        registered: Option<NaiveDate>,
        extended: bool,
    ) -> Option<Deadline> {
        let phase = status.phase();
        let (from, days, count) = match phase {
            Phase::Closed => return None,
            Phase::Lead => (known.unwrap_or(received), 7, self.filing),
            Phase::Intake => (received, INITIAL_REVIEW_DAYS, self.filing),
            Phase::Completion => (
                self.add(received, INITIAL_REVIEW_DAYS, self.filing),
                COMPLETION_DAYS,
                self.filing,
            ),
            Phase::Examination if extended => {
                (registered.unwrap_or(received), 14, DayCount::Working)
            }
            Phase::Examination => (registered.unwrap_or(received), 7, self.decision),
        };
        Some(Deadline {
            due: self.add(from, days, count),
            from,
            days,
            count,
            phase,
            extended: extended && phase == Phase::Examination,
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
        DeadlineRules::new(count, r.holidays.iter().map(|h| h.date))
    }

    #[test]
    fn calendar_days_ignore_weekends() {
        let r = rules(DayCount::Calendar);
        // Registered Mon 8 Jan 2024: 7 days later is Mon 15 Jan.
        let dl = r
            .deadline(
                Status::Kajian,
                None,
                d(2024, 1, 5),
                Some(d(2024, 1, 8)),
                false,
            )
            .unwrap();
        assert_eq!(dl.due, d(2024, 1, 15));
        assert_eq!(
            dl.explain(Lang::Id),
            "7 hari sejak registrasi 08/01/2024 → 15/01/2024"
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
    }

    #[test]
    fn an_extended_examination_runs_fourteen_working_days() {
        let r = rules(DayCount::Calendar);
        // Registered Mon 1 Apr 2024; 8–12 and 15 Apr are Idulfitri holidays and leave.
        let dl = r
            .deadline(
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
            "Diperpanjang (14 hari kerja): 14 hari kerja sejak registrasi 01/04/2024 → 29/04/2024"
        );
        assert!(
            dl.explain(Lang::En)
                .starts_with("Extended (14 working days): ")
        );
        let plain = r
            .deadline(
                Status::Klarifikasi,
                None,
                d(2024, 3, 28),
                Some(d(2024, 4, 1)),
                false,
            )
            .unwrap();
        assert!(!plain.explain(Lang::Id).contains("Diperpanjang"));
    }

    #[test]
    fn each_phase_has_its_own_clock() {
        let r = rules(DayCount::Calendar);
        let lead = r
            .deadline(
                Status::Penelusuran,
                Some(d(2024, 1, 2)),
                d(2024, 1, 3),
                None,
                false,
            )
            .unwrap();
        assert_eq!(lead.due, d(2024, 1, 9));
        let intake = r
            .deadline(Status::KajianAwal, None, d(2024, 1, 3), None, false)
            .unwrap();
        assert_eq!(intake.due, d(2024, 1, 5));
        assert!(
            r.deadline(Status::Pelanggaran, None, d(2024, 1, 3), None, false)
                .is_none()
        );
    }

    #[test]
    fn completing_the_report_runs_after_the_initial_review() {
        let r = rules(DayCount::Calendar);
        // Received Wed 3 Jan: kajian awal ends Fri 5 Jan, the reporter has until Sun 7 Jan.
        let dl = r
            .deadline(Status::PerbaikanSyarat, None, d(2024, 1, 3), None, false)
            .unwrap();
        assert_eq!((dl.from, dl.due), (d(2024, 1, 5), d(2024, 1, 7)));
        assert_eq!(dl.phase, Phase::Completion);
        assert_eq!(
            dl.explain(Lang::Id),
            "2 hari setelah kajian awal berakhir 05/01/2024 → 07/01/2024"
        );
        assert_eq!(
            dl.explain(Lang::En),
            "2 days after the initial review ended 05/01/2024 → 07/01/2024"
        );
        // In working days, across the Isra Mikraj holidays and a weekend: received Mon 5 Feb
        // 2024, the kajian awal ends Wed 7; Thu 8 and Fri 9 are holidays, Sat 10 and Sun 11 the
        // weekend → Mon 12, Tue 13.
        let w = rules(DayCount::Working);
        let dl = w
            .deadline(Status::PerbaikanSyarat, None, d(2024, 2, 5), None, false)
            .unwrap();
        assert_eq!(dl.from, d(2024, 2, 7));
        assert_eq!(dl.due, d(2024, 2, 13));
    }

    #[test]
    fn a_laporan_filed_after_seven_working_days_is_late() {
        let r = rules(DayCount::Calendar);
        // Known Tue 2 Jan 2024: 7 working days skip the weekend of 6–7 Jan → Thu 11 Jan.
        assert_eq!(r.filing_due(d(2024, 1, 2)), d(2024, 1, 11));
        let f = r.filing(true, Some(d(2024, 1, 2)), d(2024, 1, 15)).unwrap();
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
        assert!(!r.is_late(true, Some(d(2024, 1, 2)), d(2024, 1, 11)));
        assert!(r.is_late(true, Some(d(2024, 1, 2)), d(2024, 1, 12)));
        // Across a holiday: known Mon 5 Feb 2024; Thu 8 (Isra Mikraj), Fri 9 (cuti bersama),
        // the weekend and Wed 14 (voting day) are skipped → Tue 6, Wed 7, Mon 12, Tue 13,
        // Thu 15, Fri 16, Mon 19.
        assert_eq!(r.filing_due(d(2024, 2, 5)), d(2024, 2, 19));
        assert!(!r.is_late(true, Some(d(2024, 2, 5)), d(2024, 2, 19)));
        assert!(r.is_late(true, Some(d(2024, 2, 5)), d(2024, 2, 20)));
        // A temuan, or a laporan not knowing when it became known, is never late.
        assert!(!r.is_late(false, Some(d(2024, 1, 2)), d(2024, 3, 1)));
        assert!(!r.is_late(true, None, d(2024, 3, 1)));
        assert!(
            r.filing(false, Some(d(2024, 1, 2)), d(2024, 3, 1))
                .is_none()
        );
    }
}
