//! The dimensions cases are counted by: a leaf of the engine, so that both the statements that
//! count by one (`sql::counts`) and the figures that name one can import it.

use crate::i18n::Lang;

/// A dimension cases can be counted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Dim {
    Region,
    Stage,
    Type,
    Status,
    Source,
    Week,
    /// Types among violations only (as Bawaslu RI's recap): the cases decided PELANGGARAN, by
    /// proven type. The other cases have no key and are not counted.
    Violation,
    /// The campaign's pekan ("1"…"10"; "0" for a case received outside the campaign).
    Pekan,
    /// The latest step after forwarding reached by the as-of date (`NONE` for cases with none).
    #[value(name = "followup")]
    #[serde(rename = "followup")]
    FollowUp,
    /// The election (keys: election codes, by voting day).
    Election,
    /// The race of its election (keys: contest codes, a code several elections use counting the
    /// race of each; `NONE` for a case without one).
    Contest,
    /// Where the case happened (keys: kecamatan codes; `NONE` for a case naming none).
    Kecamatan,
    /// Where the case happened (keys: kelurahan/desa codes; `NONE` for a case naming none).
    Desa,
    /// The province of the office handling the case on the view's date (keys: province codes;
    /// `RI` for Bawaslu RI's own cases).
    #[value(name = "province")]
    #[serde(rename = "province")]
    Province,
}

/// The key of [`Dim::Kecamatan`] and [`Dim::Desa`] for a case naming no place.
pub const NO_PLACE: &str = "NONE";

/// The key of [`Dim::FollowUp`] for a case that reached no step.
pub const NO_STEP: &str = "NONE";

/// The key of [`Dim::Contest`] for a case without a contest.
pub const NO_CONTEST: &str = "NONE";

impl Dim {
    /// The name used on the command line and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Dim::Election => "election",
            Dim::Contest => "contest",
            Dim::Region => "region",
            Dim::Stage => "stage",
            Dim::Type => "type",
            Dim::Status => "status",
            Dim::Source => "source",
            Dim::Week => "week",
            Dim::Violation => "violation",
            Dim::Pekan => "pekan",
            Dim::FollowUp => "followup",
            Dim::Kecamatan => "kecamatan",
            Dim::Desa => "desa",
            Dim::Province => "province",
        }
    }

    /// Which convention of counting types the dimension follows, when it counts types: the
    /// name JSON gives it, and its words.
    pub fn convention(self) -> Option<(&'static str, crate::i18n::Msg)> {
        use crate::i18n::Msg;
        match self {
            Dim::Type => Some(("suspected_types_of_all_cases", Msg::ConventionKaltim)),
            Dim::Violation => Some(("types_among_violations", Msg::ConventionRi)),
            _ => None,
        }
    }

    /// The heading of this dimension.
    pub fn heading(self, lang: Lang) -> &'static str {
        use crate::i18n::{Msg, tr};
        if let Some(place) = match self {
            Dim::Kecamatan => Some(crate::i18n::area::Level::Kecamatan),
            Dim::Desa => Some(crate::i18n::area::Level::Desa),
            Dim::Province => Some(crate::i18n::area::Level::Province),
            _ => None,
        } {
            return place.heading(lang);
        }
        tr(
            lang,
            match self {
                Dim::Election => Msg::Election,
                Dim::Contest => Msg::Contest,
                Dim::Region => Msg::Region,
                Dim::Stage => Msg::Stage,
                Dim::Type => Msg::TypeAllCases,
                Dim::Status => Msg::Status,
                Dim::Source => Msg::Source,
                Dim::Week => Msg::Week,
                Dim::Violation => Msg::TypeAmongViolations,
                Dim::Pekan => Msg::PekanHeading,
                Dim::FollowUp => Msg::TuiFollowUp,
                Dim::Kecamatan | Dim::Desa | Dim::Province => Msg::Region,
            },
        )
    }
}
