//! A report as files that leave the meeting room: the workbook, the chart pictures and the printed
//! report, made from figures the engine has answered. Writes no file itself (callers write through
//! `fs_safe`) and asks the engine nothing: it shapes figures it is given.

pub mod build;
pub mod chart;
pub mod document;
pub mod files;
pub mod fonts;
mod map;
pub mod pdf;
mod pdf_content;
mod pdf_draw;
mod pdf_font;
mod pdf_layout;
mod pdf_table;
pub mod pekan;
mod table;
pub mod xlsx;

pub use table::Table;

/// The Kaltim demo's counts by kab/kota (code, name, cases), as the charts' and the map's tests
/// draw them.
#[cfg(test)]
pub(crate) const KALTIM_DEMO: [(&str, &str, i64); 10] = [
    ("64.72", "Samarinda", 12),
    ("64.02", "Kutai Kartanegara", 9),
    ("64.71", "Balikpapan", 7),
    ("64.74", "Bontang", 4),
    ("64.08", "Kutai Timur", 4),
    ("64.03", "Berau", 3),
    ("64.01", "Paser", 3),
    ("64.09", "Penajam Paser Utara", 2),
    ("64.07", "Kutai Barat", 2),
    ("64.11", "Mahakam Ulu", 1),
];

/// The categories of test rows (code, label, count).
#[cfg(test)]
pub(crate) fn test_categories(rows: &[(&str, &str, i64)]) -> Vec<chart::Category> {
    rows.iter()
        .map(|(code, label, _)| chart::Category {
            code: (*code).into(),
            label: (*label).into(),
        })
        .collect()
}

/// The one series of test rows (code, label, count), named `name`.
#[cfg(test)]
pub(crate) fn test_series(rows: &[(&str, &str, i64)], name: String) -> Vec<chart::Series> {
    vec![chart::Series {
        name,
        values: rows.iter().map(|r| r.2).collect(),
    }]
}
