//! Handling deadlines (UU 7/2017, Perbawaslu 7/2022): which clock a case runs on, from which date,
//! and how days are counted (calendar, or working days skipping weekends and holidays).

use std::collections::BTreeSet;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::domain::{Phase, Status};
use crate::i18n::{Lang, core::Core};

/// How a limit counts its days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum DayCount {
    /// Every day counts.
    #[default]
    Calendar,
    /// Saturdays, Sundays and the holidays of assets/holidays.csv are skipped.
    Working,
}

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
            _ => Core::SinceRegistration.text(lang),
        };
        format!(
            "{} {unit} {since} {} → {}",
            self.days,
            self.from.format("%d/%m/%Y"),
            self.due.format("%d/%m/%Y")
        )
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

    /// The deadline of a case in `status`, from its dates; `None` once handling has ended.
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
            Phase::Intake => (received, 2, self.filing),
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
}
