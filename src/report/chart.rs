//! The chart a person would draw from a report (bars by region or stage, the campaign's pekan as
//! stacked bars by type, Kaltim's map shaded by count), as PNG or SVG, in an embedded font.
//! Draws what it is given: it reads no database and writes no file.

use crate::i18n::Lang;

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
