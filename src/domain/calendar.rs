//! Working days over a run of dates, counted once: adding n working days is then a lookup rather
//! than a walk day by day. Answers exactly as [`DeadlineRules::add`]; knows no election's limits.

use chrono::{Duration, NaiveDate};

use crate::domain::{DayCount, DeadlineRules};

/// The working days from `first` to a last day, under one set of rules.
#[derive(Debug)]
pub struct Calendar<'r> {
    rules: &'r DeadlineRules,
    first: NaiveDate,
    /// By day from `first`: how many working days there are from `first` to that day, inclusive.
    rank: Vec<u32>,
    /// The working days from `first` on, in order, as days from `first`.
    working: Vec<u32>,
}

impl<'r> Calendar<'r> {
    /// The calendar of `first..=last` under `rules`. A sum reaching past `last` (or starting
    /// outside the run) is counted day by day, so any span gives the same answers.
    pub fn new(rules: &'r DeadlineRules, first: NaiveDate, last: NaiveDate) -> Calendar<'r> {
        let days = usize::try_from((last - first).num_days() + 1).unwrap_or(0);
        let mut rank = Vec::with_capacity(days);
        let mut working = Vec::with_capacity(days);
        for (at, day) in (0u32..).zip(first.iter_days().take(days)) {
            if rules.is_working_day(day) {
                working.push(at);
            }
            rank.push(u32::try_from(working.len()).unwrap_or(u32::MAX));
        }
        Calendar {
            rules,
            first,
            rank,
            working,
        }
    }

    /// `start` plus `days`, counted as `count`: as [`DeadlineRules::add`].
    pub fn add(&self, start: NaiveDate, days: u32, count: DayCount) -> NaiveDate {
        match count {
            DayCount::Calendar => start + Duration::days(i64::from(days)),
            DayCount::Working if days == 0 => start,
            DayCount::Working => self
                .lookup(start, days)
                .unwrap_or_else(|| self.rules.add(start, days, count)),
        }
    }

    /// [`Self::add`] on days counted from the run's first day (`at`): `None` when a sum of
    /// working days starts or ends outside the run (then [`Self::add`] answers). No date is
    /// made: a table of deadlines for every day of a run is a few additions and lookups.
    pub fn add_from_first(&self, at: u32, days: u32, count: DayCount) -> Option<u32> {
        match count {
            DayCount::Calendar => at.checked_add(days),
            DayCount::Working if days == 0 => Some(at),
            DayCount::Working => {
                let before = *self.rank.get(usize::try_from(at).ok()?)?;
                let nth = usize::try_from(before.checked_add(days)? - 1).ok()?;
                self.working.get(nth).copied()
            }
        }
    }

    /// The `days`-th working day after `start` (`days` ≥ 1), if the run holds it.
    fn lookup(&self, start: NaiveDate, days: u32) -> Option<NaiveDate> {
        let at = u32::try_from((start - self.first).num_days()).ok()?;
        let nth = self.add_from_first(at, days, DayCount::Working)?;
        Some(self.first + Duration::days(i64::from(nth)))
    }
}

/// Idul Fitri 2024 with its joint leave (a week of holidays around a weekend), for tests.
#[cfg(test)]
pub(crate) const IDUL_FITRI_2024: [&str; 6] = [
    "2024-04-08",
    "2024-04-09",
    "2024-04-10",
    "2024-04-11",
    "2024-04-12",
    "2024-04-15",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn every_sum_is_the_walk_day_by_day() {
        // Idul Fitri 2024: a week of holidays and joint leave around a weekend.
        let holidays = IDUL_FITRI_2024
            .into_iter()
            .chain(["2024-02-14", "2024-12-25"])
            .map(day);
        let rules = DeadlineRules::new(DayCount::Working, holidays);
        let calendar = Calendar::new(&rules, day("2024-03-01"), day("2024-05-31"));
        for start in day("2024-02-01").iter_days().take(150) {
            for days in 0..40 {
                for count in [DayCount::Working, DayCount::Calendar] {
                    assert_eq!(
                        calendar.add(start, days, count),
                        rules.add(start, days, count),
                        "{start} + {days} {count:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_sum_from_the_first_day_is_the_sum_of_dates() {
        let holidays = ["2024-04-08", "2024-04-09", "2024-04-10", "2024-12-25"].map(day);
        let rules = DeadlineRules::new(DayCount::Working, holidays);
        let first = day("2024-03-01");
        let calendar = Calendar::new(&rules, first, day("2024-05-31"));
        let mut inside = 0;
        for at in 0..100u32 {
            let start = first + Duration::days(i64::from(at));
            for days in 0..40 {
                for count in [DayCount::Working, DayCount::Calendar] {
                    if let Some(due) = calendar.add_from_first(at, days, count) {
                        inside += 1;
                        assert_eq!(
                            first + Duration::days(i64::from(due)),
                            rules.add(start, days, count),
                            "{start} + {days} {count:?}"
                        );
                    }
                }
            }
        }
        // Only sums of working days that leave the run are left to the walk.
        assert!(inside > 6_000, "{inside}");
        assert_eq!(calendar.add_from_first(95, 10, DayCount::Working), None);
    }

    #[test]
    fn a_run_of_one_day_or_none_still_answers() {
        let rules = DeadlineRules::new(DayCount::Working, []);
        let start = day("2024-01-05");
        for calendar in [
            Calendar::new(&rules, start, start),
            Calendar::new(&rules, start, day("2023-12-01")),
        ] {
            assert_eq!(calendar.add(start, 1, DayCount::Working), day("2024-01-08"));
            assert_eq!(calendar.add(start, 0, DayCount::Working), start);
        }
    }
}
