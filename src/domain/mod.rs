//! Pure types and rules of the domain: codes, reference data, a case, deadlines.
//! No SQL and no terminal here.

pub mod calendar;
pub mod case;
pub mod codes;
pub mod deadline;
pub mod election;
pub mod nomor;
pub mod pekan;
pub mod peta;
pub mod reference;
pub mod tiles;
pub mod wilayah;

pub use case::{Case, FollowUp, FollowUpMisfit, StatusChange, latest_step};
pub use codes::{
    ContestantKind, FollowUpStep, Forwarding, PartyCategory, Phase, Source, Status, TypeGroup,
    ViolationType,
};
pub use deadline::{DayCount, Deadline, DeadlineRules, Filing};
pub use election::{Contest, DecideFrom, Election, ElectionKind, Limits};
pub use nomor::{SHORTEST_NOMOR, clean_nomor, nomor_key, short_nomor};
pub use pekan::{CampaignPeriod, Pekan};
pub use reference::{CampaignMethod, Holiday, Reference, Region, Stage};

use chrono::NaiveDate;

pub use reference::CAMPAIGN;

/// Folds text for matching: lower case, with spaces, dashes, underscores and dots removed.
pub fn fold(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_' | '\t'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Parses a date written `YYYY-MM-DD` or `DD/MM/YYYY` (the way Indonesian spreadsheets write it).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(t, "%d/%m/%Y"))
        .ok()
}

/// The earliest day pantau works with (views, `--as-of`, `--baseline`, `PANTAU_TODAY`).
pub fn first_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(NaiveDate::MIN)
}

/// The latest day pantau works with; far enough from chrono's limits that no date arithmetic of
/// pantau's can overflow.
pub fn last_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2199, 12, 31).unwrap_or(NaiveDate::MAX)
}

/// Whether `day` lies from [`first_day`] to [`last_day`].
pub fn day_in_range(day: NaiveDate) -> bool {
    (first_day()..=last_day()).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_both_spellings() {
        let d = NaiveDate::from_ymd_opt(2024, 1, 15).unwrap();
        assert_eq!(parse_date("2024-01-15"), Some(d));
        assert_eq!(parse_date("15/01/2024"), Some(d));
        assert_eq!(parse_date("31/02/2024"), None);
        assert_eq!(parse_date("yesterday"), None);
    }
}
