//! What a chart is (the types the report builder fills) and the embedded font every picture of a
//! report is drawn in. Draws nothing and reads no file: the font comes compiled in.

use std::sync::OnceLock;

use ab_glyph::FontRef;
use plotters::style::{FontStyle, register_font};

use crate::i18n::Lang;
use crate::report::fonts::{BOLD, REGULAR};

/// The kind of figure a chart draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One bar per category, longest first as given (counts by region, by stage, by type…).
    Bars,
    /// One bar per category, stacked by series (the campaign's pekan by type, a cross-tab).
    Stacked,
    /// Kaltim's kab/kota shaded by the count of each (categories carry region codes).
    Map,
}

/// One thing counted: a region, a stage, a pekan, a type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Category {
    /// The code the data knows it by (`64.72`, `kampanye`, `3`).
    pub code: String,
    /// What a reader sees (`Samarinda`, `Kampanye`, `Pekan 3`).
    pub label: String,
}

/// A series of counts, one per category in order. A `Bars` or `Map` chart has one series.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Series {
    /// The legend's words (`Pidana`, `Administrasi`); for a single series, what is counted.
    pub name: String,
    pub values: Vec<i64>,
}

/// A chart ready to draw: every word already in the reader's language.
#[derive(Debug, Clone)]
pub struct Chart {
    pub kind: Kind,
    /// Numbers are written in this language's way (`1.342`, `1,342`).
    pub lang: Lang,
    /// The heading: `Kasus menurut kab/kota`.
    pub title: String,
    /// The lines under it: the election, the date counted at, the view.
    pub subtitle: Vec<String>,
    /// The line at the foot: `pantau · Bawaslu Provinsi Kalimantan Timur · dibuat 03/12/2026 09.14`.
    pub source: String,
    pub categories: Vec<Category>,
    pub series: Vec<Series>,
}

impl Chart {
    /// The count of `series` for category `at`: 0 where the series is shorter than the
    /// categories, and never below 0 (a count drawn as a negative bar would be a lie).
    pub(in crate::report) fn value(&self, series: usize, at: usize) -> i64 {
        self.series
            .get(series)
            .and_then(|s| s.values.get(at))
            .copied()
            .unwrap_or(0)
            .max(0)
    }

    /// Each category's count over every series, in the categories' order.
    pub(in crate::report) fn totals(&self) -> Vec<i64> {
        (0..self.categories.len())
            .map(|at| {
                (0..self.series.len())
                    .map(|s| self.value(s, at))
                    .fold(0i64, i64::saturating_add)
            })
            .collect()
    }

    /// Whether there is nothing to draw: no category, or not a single case in any.
    pub(in crate::report) fn is_empty(&self) -> bool {
        self.totals().iter().all(|&t| t == 0)
    }
}

/// The font family every text of a chart is drawn in (the embedded DejaVu Sans, regular and bold).
/// It is also what an SVG names: a viewer with DejaVu Sans shows the same letters, one without
/// falls back to its own sans-serif.
pub(in crate::report) const FAMILY: &str = "DejaVu Sans, sans-serif";

/// Registers the embedded fonts under [`FAMILY`] (once; later calls only answer). Whether they
/// are there: without them no text can be drawn, and no system font is ever used instead.
pub(in crate::report) fn fonts() -> bool {
    static DONE: OnceLock<bool> = OnceLock::new();
    *DONE.get_or_init(|| {
        register_font(FAMILY, FontStyle::Normal, REGULAR).is_ok()
            && register_font(FAMILY, FontStyle::Bold, BOLD).is_ok()
    })
}

/// The embedded regular or bold face itself, to measure and place glyphs as plotters draws them.
pub(super) fn face(bold: bool) -> Option<&'static FontRef<'static>> {
    static FACES: OnceLock<Option<(FontRef<'static>, FontRef<'static>)>> = OnceLock::new();
    let faces = FACES.get_or_init(|| {
        Some((
            FontRef::try_from_slice(REGULAR).ok()?,
            FontRef::try_from_slice(BOLD).ok()?,
        ))
    });
    faces
        .as_ref()
        .map(|(regular, bold_face)| if bold { bold_face } else { regular })
}
