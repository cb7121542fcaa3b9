//! Campaign weeks ("pekan") as Bawaslu counts them: from the campaign's first day, seven days
//! each, the last one running to the campaign's end. Pure dates and their labels; no SQL here.

use chrono::{Datelike, Duration, NaiveDate};

use crate::i18n::Lang;
use crate::i18n::core::Core;

/// A campaign's first and last day: the dates its pekan are counted from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CampaignPeriod {
    pub starts: NaiveDate,
    pub ends: NaiveDate,
}

/// One pekan: its number (from 1) and its first and last day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pekan {
    pub number: u32,
    pub starts: NaiveDate,
    pub ends: NaiveDate,
}

impl CampaignPeriod {
    /// The period from `starts` to `ends`, if it is at least one day long.
    pub fn new(starts: NaiveDate, ends: NaiveDate) -> Option<CampaignPeriod> {
        (starts <= ends).then_some(CampaignPeriod { starts, ends })
    }

    /// How many pekan the campaign has: one per full seven days; the days left over belong to
    /// the last (Pemilu 2024's 75 days are ten pekan, the tenth of twelve days).
    pub fn count(&self) -> u32 {
        let days = (self.ends - self.starts).num_days() + 1;
        u32::try_from((days / 7).max(1)).unwrap_or(u32::MAX)
    }

    /// Pekan `number`, if the campaign has it.
    pub fn pekan(&self, number: u32) -> Option<Pekan> {
        if number == 0 || number > self.count() {
            return None;
        }
        let starts = self.starts + Duration::days(7 * i64::from(number - 1));
        let ends = if number == self.count() {
            self.ends
        } else {
            starts + Duration::days(6)
        };
        Some(Pekan {
            number,
            starts,
            ends,
        })
    }

    /// The number of the pekan that holds `day`, or `None` before or after the campaign.
    pub fn number_of(&self, day: NaiveDate) -> Option<u32> {
        if day < self.starts || day > self.ends {
            return None;
        }
        let n = u32::try_from((day - self.starts).num_days() / 7 + 1).ok()?;
        Some(n.min(self.count()))
    }

    /// The pekan that holds `day`.
    pub fn pekan_of(&self, day: NaiveDate) -> Option<Pekan> {
        self.number_of(day).and_then(|n| self.pekan(n))
    }

    /// Every pekan of the campaign, in order.
    pub fn all(&self) -> Vec<Pekan> {
        (1..=self.count()).filter_map(|n| self.pekan(n)).collect()
    }

    /// The pekan that have begun by `as_of` (all of them once the campaign is over).
    pub fn begun_by(&self, as_of: NaiveDate) -> Vec<Pekan> {
        self.all()
            .into_iter()
            .filter(|p| p.starts <= as_of)
            .collect()
    }

    /// "sejak 28 November 2023" / "since 28 November 2023": what a cumulative figure counts from.
    pub fn since(&self, lang: Lang) -> String {
        Core::SinceCampaignBegan {
            day: long_date(lang, self.starts),
        }
        .text(lang)
    }
}

impl Pekan {
    /// "Pekan ke-6 (2–8 Jan 2024)" / "Week 6 (2–8 Jan 2024)".
    pub fn label(&self, lang: Lang) -> String {
        Core::Pekan {
            number: self.number,
            days: day_range(lang, self.starts, self.ends),
        }
        .text(lang)
    }

    /// "Pekan ke-6" / "Week 6": the label without its dates, where space is short.
    pub fn short_label(&self, lang: Lang) -> String {
        Core::PekanNumber {
            number: self.number,
        }
        .text(lang)
    }

    /// Whether `day` falls in this pekan.
    pub fn holds(&self, day: NaiveDate) -> bool {
        (self.starts..=self.ends).contains(&day)
    }
}

/// A month's short name (`Jan`, `Agu`/`Aug`, `Des`/`Dec`).
pub fn short_month(lang: Lang, month: u32) -> &'static str {
    Core::month_short(lang, month)
}

/// A date written out: "28 November 2023" (Indonesian and English month names).
pub fn long_date(lang: Lang, day: NaiveDate) -> String {
    format!(
        "{} {} {}",
        day.day(),
        Core::month_long(lang, day.month()),
        day.year()
    )
}

/// Two dates as a range, sharing what they share: "2–8 Jan 2024", "28 Nov – 4 Des 2023",
/// "26 Des 2023 – 1 Jan 2024"; one date alone when both are the same day.
pub fn day_range(lang: Lang, from: NaiveDate, to: NaiveDate) -> String {
    let m = |d: NaiveDate| short_month(lang, d.month());
    if from == to {
        format!("{} {} {}", from.day(), m(from), from.year())
    } else if from.year() != to.year() {
        format!(
            "{} {} {} – {} {} {}",
            from.day(),
            m(from),
            from.year(),
            to.day(),
            m(to),
            to.year()
        )
    } else if from.month() != to.month() {
        format!(
            "{} {} – {} {} {}",
            from.day(),
            m(from),
            to.day(),
            m(to),
            to.year()
        )
    } else {
        format!("{}–{} {} {}", from.day(), to.day(), m(to), to.year())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn pemilu() -> CampaignPeriod {
        CampaignPeriod::new(d(2023, 11, 28), d(2024, 2, 10)).unwrap()
    }

    #[test]
    fn pemilu_2024_has_ten_pekan_from_tuesday_28_november_the_last_to_10_february() {
        let c = pemilu();
        assert_eq!(c.count(), 10);
        let p1 = c.pekan(1).unwrap();
        assert_eq!((p1.starts, p1.ends), (d(2023, 11, 28), d(2023, 12, 4)));
        let p2 = c.pekan(2).unwrap();
        assert_eq!((p2.starts, p2.ends), (d(2023, 12, 5), d(2023, 12, 11)));
        let p6 = c.pekan(6).unwrap();
        assert_eq!((p6.starts, p6.ends), (d(2024, 1, 2), d(2024, 1, 8)));
        let p9 = c.pekan(9).unwrap();
        assert_eq!((p9.starts, p9.ends), (d(2024, 1, 23), d(2024, 1, 29)));
        let p10 = c.pekan(10).unwrap();
        assert_eq!((p10.starts, p10.ends), (d(2024, 1, 30), d(2024, 2, 10)));
        assert_eq!(c.pekan(11), None);
        assert_eq!(c.pekan(0), None);
        assert_eq!(c.number_of(d(2023, 11, 27)), None);
        assert_eq!(c.number_of(d(2023, 11, 28)), Some(1));
        assert_eq!(c.number_of(d(2023, 12, 4)), Some(1));
        assert_eq!(c.number_of(d(2023, 12, 5)), Some(2));
        assert_eq!(c.number_of(d(2024, 2, 6)), Some(10));
        assert_eq!(c.number_of(d(2024, 2, 10)), Some(10));
        assert_eq!(c.number_of(d(2024, 2, 11)), None);
        // Every day of the campaign is in exactly one pekan, and the pekan follow each other.
        let all = c.all();
        assert_eq!(all.len(), 10);
        for w in all.windows(2) {
            assert_eq!(w[0].ends + Duration::days(1), w[1].starts);
        }
        assert_eq!(all[0].starts, c.starts);
        assert_eq!(all[9].ends, c.ends);
    }

    #[test]
    fn pilkada_2024_pekan_1_is_wednesday_25_september_to_tuesday_1_october() {
        let c = CampaignPeriod::new(d(2024, 9, 25), d(2024, 11, 23)).unwrap();
        let p1 = c.pekan(1).unwrap();
        assert_eq!((p1.starts, p1.ends), (d(2024, 9, 25), d(2024, 10, 1)));
        assert_eq!(c.count(), 8);
        assert_eq!(c.pekan(8).unwrap().ends, d(2024, 11, 23));
    }

    #[test]
    fn a_campaign_shorter_than_a_week_is_one_pekan() {
        let c = CampaignPeriod::new(d(2024, 1, 1), d(2024, 1, 3)).unwrap();
        assert_eq!(c.count(), 1);
        assert_eq!(c.pekan(1).unwrap().ends, d(2024, 1, 3));
        assert_eq!(CampaignPeriod::new(d(2024, 1, 3), d(2024, 1, 1)), None);
    }

    #[test]
    fn labels_read_as_the_releases_write_them() {
        let c = pemilu();
        assert_eq!(
            c.pekan(6).unwrap().label(Lang::Id),
            "Pekan ke-6 (2–8 Jan 2024)"
        );
        assert_eq!(c.pekan(6).unwrap().label(Lang::En), "Week 6 (2–8 Jan 2024)");
        assert_eq!(
            c.pekan(1).unwrap().label(Lang::Id),
            "Pekan ke-1 (28 Nov – 4 Des 2023)"
        );
        assert_eq!(
            c.pekan(5).unwrap().label(Lang::En),
            "Week 5 (26 Dec 2023 – 1 Jan 2024)"
        );
        assert_eq!(c.since(Lang::Id), "sejak 28 November 2023");
        assert_eq!(c.since(Lang::En), "since 28 November 2023");
        assert_eq!(c.pekan(10).unwrap().short_label(Lang::Id), "Pekan ke-10");
        assert_eq!(long_date(Lang::Id, d(2024, 8, 17)), "17 Agustus 2024");
        assert_eq!(
            day_range(Lang::Id, d(2024, 8, 17), d(2024, 8, 17)),
            "17 Agu 2024"
        );
    }

    #[test]
    fn pekan_begun_by_a_date_include_the_one_under_way() {
        let c = pemilu();
        assert_eq!(c.begun_by(d(2023, 11, 27)).len(), 0);
        assert_eq!(c.begun_by(d(2023, 11, 28)).len(), 1);
        assert_eq!(c.begun_by(d(2024, 1, 8)).len(), 6);
        assert_eq!(c.begun_by(d(2024, 2, 9)).len(), 10);
    }
}
