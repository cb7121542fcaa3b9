//! The table of a report, shared by its formats: the text ones (`pantau report`), the workbook,
//! the charts and the printed report.

/// A table as a header row, body rows and a total row; the first column is text, the rest numbers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// How many leading columns hold text (left-aligned); the rest are numbers.
    pub text_cols: usize,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub total: Vec<String>,
}
