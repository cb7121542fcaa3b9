//! The columns an import reads, as the readers (CSV, JSON, workbook) see them: a table that says
//! what a header names, which columns are required and what to suggest for a misspelt one. Each
//! import (cases, campaign activities) has its own table; the readers are the same for all.
//! A leaf: imports nothing of `import`, so every reader and table may use it.

/// What a header cell names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Named {
    /// The column at this position of the table.
    Column(usize),
    /// A column accepted and not read (the line and reason of a file of rejected rows).
    Ignored,
    Unknown,
}

/// The columns of one kind of import file. Positions run from 0 to `width() - 1` (at most 64).
pub trait Table: std::fmt::Debug + Sync {
    /// How many columns the table has.
    fn width(&self) -> usize;
    /// The canonical (Indonesian) name of the column at `column`.
    fn name(&self, column: usize) -> &'static str;
    /// What `header` names, ignoring case, spaces, dashes and underscores.
    fn named(&self, header: &str) -> Named;
    /// The known column name nearest to a misspelt header, for "did you mean".
    fn suggest(&self, header: &str) -> Option<&'static str>;
    /// Whether the column at `column` must be in every file.
    fn required(&self, column: usize) -> bool;

    /// When `key` (a JSON member) stands for several columns as an array of objects (the case
    /// import's `"lanjut": [{"tahap": ..}]`), those columns with the member names each is read
    /// from; the n-th object goes on the n-th line of each column's cell.
    fn array_of(&self, _key: &str) -> Option<Vec<(usize, &'static [&'static str])>> {
        None
    }

    /// Whether the column at `column` takes a JSON array or object as it is: the cell holds the
    /// value's JSON text (the case import's `"pelimpahan": [{"on_date": ..}]`).
    fn keeps_json(&self, _column: usize) -> bool {
        false
    }

    /// The canonical names, for rows whose file names no column differently.
    fn canonical_names(&self) -> Vec<String> {
        (0..self.width())
            .map(|c| self.name(c).to_string())
            .collect()
    }
}

/// A set of columns by position, e.g. those a file gives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ColumnSet(u64);

impl ColumnSet {
    /// Every column.
    pub const ALL: ColumnSet = ColumnSet(u64::MAX);

    pub fn insert(&mut self, c: impl Into<usize>) {
        self.0 |= 1 << c.into();
    }

    pub fn contains(self, c: impl Into<usize>) -> bool {
        self.0 & (1 << c.into()) != 0
    }
}

/// Whether `header`, folded (no case, spaces, dashes or underscores), is a column's `name` or one
/// of its `aliases`.
pub fn names_column(want: &str, name: &str, aliases: &[&str]) -> bool {
    let fold = crate::domain::fold;
    fold(name) == want || aliases.iter().any(|a| fold(a) == want)
}

/// Every spelling of a column, its name and its aliases, each with the name it stands for: what
/// [`nearest`] chooses among.
pub fn spellings(
    name: &'static str,
    aliases: &'static [&'static str],
) -> impl Iterator<Item = (&'static str, &'static str)> {
    std::iter::once(name)
        .chain(aliases.iter().copied())
        .map(move |n| (n, name))
}

/// The nearest of `names` (pairs of a spelling and the canonical name it stands for) to `header`,
/// when near enough to be a misspelling.
pub fn nearest<'n>(
    header: &str,
    names: impl Iterator<Item = (&'n str, &'static str)>,
) -> Option<&'static str> {
    let want = crate::domain::fold(header.trim());
    names
        .map(|(n, canonical)| {
            (
                strsim::levenshtein(&crate::domain::fold(n), &want),
                canonical,
            )
        })
        .filter(|(d, _)| *d <= 2.max(want.len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, canonical)| canonical)
}
