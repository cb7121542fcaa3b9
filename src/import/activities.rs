//! Loading the campaign activities the office supervised, from its weekly figures: one row per
//! region, pekan, method, contestant kind and (optionally) party, read by the same readers as case
//! files. All or nothing: every problem of every row is found, and one stops the whole file. A
//! region's pekan in the file replaces that region's pekan whole; what a correction replaced is
//! kept in the history. Each row is of an election (its `pemilihan` cell, else the election the
//! command was given, else the database's only one): its pekan are that election's campaign's,
//! its method one of that election's methods.

use std::collections::{BTreeMap, HashMap};
use std::ops::ControlFlow;

use chrono::{NaiveDate, NaiveDateTime};

use crate::domain::{ContestantKind, Election, Reference, fold};
use crate::error::Result;
use crate::i18n::kegiatan::MethodName;
use crate::import::problem::{CodeList, Issue, Problem};
use crate::import::read::{self, Input};
use crate::import::table::{Named, Table, names_column, nearest, spellings};
use crate::import::validate::{MAX_CELL, Validator, code};
use crate::store::Store;
use crate::store::activities::{ActivityRow, PekanWrite};
use crate::store::write::{NewBatch, Write};

/// The region: Kemendagri code, short name or name.
pub const REGION: usize = 0;
/// The pekan: its number, or a day of it.
pub const PEKAN: usize = 1;
/// The campaign method: code or name in either language (reference data).
pub const METHOD: usize = 2;
/// The contestant kind: code or label in either language.
pub const CONTESTANT: usize = 3;
/// The party, when the figure is split by party.
pub const PARTY: usize = 4;
/// The number of activities.
pub const COUNT: usize = 5;
/// The election: code or name in either language.
pub const ELECTION: usize = 6;
/// The election column's name, as an export writes it.
pub const ELECTION_COLUMN: &str = "pemilihan";

/// One column of a file of campaign activities: its Indonesian name (the one an export writes),
/// the other accepted headers (the first is the English name), and whether every file has it.
struct Spec {
    name: &'static str,
    aliases: &'static [&'static str],
    required: bool,
}

const COLUMNS: [Spec; 7] = [
    Spec {
        name: "kode_wilayah",
        aliases: &["region", "region_code", "wilayah", "kabupaten_kota"],
        required: true,
    },
    Spec {
        name: "pekan",
        aliases: &["week", "pekan_ke", "tanggal", "date"],
        required: true,
    },
    Spec {
        name: "metode",
        aliases: &["method", "bentuk_kegiatan", "bentuk", "metode_kampanye"],
        required: true,
    },
    Spec {
        name: "peserta",
        aliases: &["contestant", "jenis_peserta", "contestant_kind"],
        required: true,
    },
    Spec {
        name: "partai",
        aliases: &["party", "partai_politik"],
        required: false,
    },
    Spec {
        name: "jumlah",
        aliases: &["count", "kegiatan", "activities", "jumlah_kegiatan"],
        required: true,
    },
    Spec {
        name: ELECTION_COLUMN,
        aliases: &["election", "kode_pemilihan"],
        required: false,
    },
];

/// The columns of a file of campaign activities, as the readers see them.
#[derive(Debug)]
pub struct ActivityTable;

/// The table of files of campaign activities.
pub static ACTIVITIES: ActivityTable = ActivityTable;

impl Table for ActivityTable {
    fn width(&self) -> usize {
        COLUMNS.len()
    }

    fn name(&self, column: usize) -> &'static str {
        COLUMNS[column].name
    }

    fn named(&self, header: &str) -> Named {
        let want = fold(header.trim());
        COLUMNS
            .iter()
            .position(|s| names_column(&want, s.name, s.aliases))
            .map_or(Named::Unknown, Named::Column)
    }

    fn suggest(&self, header: &str) -> Option<&'static str> {
        nearest(
            header,
            COLUMNS.iter().flat_map(|s| spellings(s.name, s.aliases)),
        )
    }

    fn required(&self, column: usize) -> bool {
        COLUMNS[column].required
    }
}

/// One figure of a file, with the election it is of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figure {
    /// The election's code.
    pub election: String,
    pub row: ActivityRow,
}

/// A row whose election is not one the database holds (`value`), or cannot be told (`None`: no
/// `pemilihan` cell, no election given, several in the database).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ElectionProblem {
    pub line: u64,
    pub value: Option<String>,
}

/// A file of campaign activities, read and checked.
#[derive(Debug)]
pub struct Loaded {
    pub input: Input,
    /// The figures, in file order (only when there is no problem).
    pub rows: Vec<Figure>,
    /// Every problem, in file order.
    pub problems: Vec<Problem>,
    /// The rows whose election is unknown or cannot be told, in file order.
    pub election_problems: Vec<ElectionProblem>,
    /// Rows with at least one problem.
    pub bad_rows: usize,
    /// Whether the file as a whole cannot be read (its header, its structure).
    pub fatal: bool,
}

impl Loaded {
    /// Every problem found, those of the rows' elections included.
    pub fn problem_count(&self) -> usize {
        self.problems.len() + self.election_problems.len()
    }
}

/// Reads and checks every row of `input` against the reference data and the campaign of each
/// row's election: its `pemilihan` cell, else `default` (the election given, or the only one);
/// with `ignore_unknown`, columns pantau does not know are skipped instead of refused.
pub fn check(
    input: Input,
    reference: &Reference,
    default: Option<&Election>,
    today: NaiveDate,
    ignore_unknown: bool,
) -> Loaded {
    let reader = Reader {
        reference,
        default,
        validator: Validator::new(reference, today),
    };
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    let mut election_problems = Vec::new();
    let mut bad_rows = 0;
    // The line of each figure's first row, by its key.
    let mut seen: HashMap<(String, String, u32, String, String, String), u64> = HashMap::new();
    let fatal = read::scan(&input, ignore_unknown, &mut |row| {
        let mut found: Vec<Problem> = row.problems;
        let mut bad_election = false;
        match reader.row(&row.cells, row.given, row.skip) {
            Ok(figure) => {
                let r = &figure.row;
                let key = (
                    figure.election.clone(),
                    r.region.clone(),
                    r.pekan,
                    r.method.clone(),
                    r.contestant.clone(),
                    r.party.clone(),
                );
                match seen.get(&key) {
                    Some(&first_line) => found.push(Problem::new(
                        row.line,
                        None,
                        Issue::DuplicateFigure { first_line },
                    )),
                    None => {
                        seen.insert(key, row.line);
                    }
                }
                rows.push(figure);
            }
            Err((issues, election)) => {
                if let Some(value) = election {
                    bad_election = true;
                    election_problems.push(ElectionProblem {
                        line: row.line,
                        value,
                    });
                }
                found.extend(issues.into_iter().map(|(c, issue)| {
                    Problem::new(row.line, Some(&row.names[c]), issue).at(row.at.of(Some(c)))
                }))
            }
        }
        if !found.is_empty() || bad_election {
            bad_rows += 1;
            problems.extend(found.into_iter().map(|p| p.at(row.at.of(None))));
        }
        ControlFlow::Continue(())
    });
    let is_fatal = !fatal.is_empty();
    problems.extend(fatal);
    if !problems.is_empty() || !election_problems.is_empty() {
        rows.clear();
    }
    Loaded {
        input,
        rows,
        problems,
        election_problems,
        bad_rows,
        fatal: is_fatal,
    }
}

/// Why a row gives no figure: the issues of its cells (by column), and its election's problem
/// when it has one (`Some(None)`: it cannot be told; `Some(Some(value))`: not one known).
type RowError = (Vec<(usize, Issue)>, Option<Option<String>>);

/// What reads one row's cells.
struct Reader<'r> {
    reference: &'r Reference,
    /// The election of a row without a `pemilihan` cell.
    default: Option<&'r Election>,
    validator: Validator<'r>,
}

impl Reader<'_> {
    /// The figure a row gives, or every issue of its cells (by column) and of its election.
    fn row(
        &self,
        cells: &[Option<std::borrow::Cow<'_, str>>],
        given: crate::import::table::ColumnSet,
        skip: crate::import::table::ColumnSet,
    ) -> std::result::Result<Figure, RowError> {
        let mut issues = Vec::new();
        let mut text: [Option<&str>; 7] = [None; 7];
        for (c, spec) in COLUMNS.iter().enumerate() {
            if skip.contains(c) {
                continue;
            }
            match cells[c].as_deref().map(str::trim).filter(|t| !t.is_empty()) {
                Some(t) if t.len() > MAX_CELL => issues.push((
                    c,
                    Issue::TooLong {
                        bytes: t.len(),
                        max: MAX_CELL,
                    },
                )),
                Some(t) => text[c] = Some(t),
                None if spec.required && !given.contains(c) => {
                    issues.push((c, Issue::MissingColumn))
                }
                None if spec.required => issues.push((c, Issue::Required)),
                None => {}
            }
        }
        // The row's election decides its campaign and its methods.
        let (election, election_problem) = match text[ELECTION] {
            Some(t) => match self.reference.find_election(t) {
                Some(e) => (Some(e), None),
                None => (None, Some(Some(t.to_string()))),
            },
            None => match self.default {
                Some(e) => (Some(e), None),
                None => (None, Some(None)),
            },
        };
        let mut read = |c: usize, f: &dyn Fn(&str) -> std::result::Result<String, Issue>| {
            text[c].and_then(|t| f(t).map_err(|i| issues.push((c, i))).ok())
        };
        let region = read(REGION, &|t| self.validator.region(t));
        let (pekan, method) = match election {
            Some(e) => (
                read(PEKAN, &|t| self.pekan(e, t).map(|n| n.to_string())),
                read(METHOD, &|t| method(e, t)),
            ),
            None => (None, None),
        };
        let contestant = read(CONTESTANT, &|t| {
            code::<ContestantKind>(t, CodeList::ContestantKind).map(str::to_string)
        });
        let count = read(COUNT, &|t| count(t).map(|n| n.to_string()));
        let party = text[PARTY].unwrap_or("").to_string();
        if !issues.is_empty()
            || election_problem.is_some()
            || (0..COLUMNS.len()).any(|c| skip.contains(c))
        {
            return Err((issues, election_problem));
        }
        match (election, region, pekan, method, contestant, count) {
            (Some(e), Some(region), Some(pekan), Some(method), Some(contestant), Some(count)) => {
                Ok(Figure {
                    election: e.code.clone(),
                    row: ActivityRow {
                        region,
                        pekan: pekan.parse().unwrap_or(0),
                        method,
                        contestant,
                        party,
                        count: count.parse().unwrap_or(0),
                    },
                })
            }
            _ => Err((issues, None)),
        }
    }

    /// The pekan a cell names in `election`'s campaign: its number, or a day of the campaign.
    fn pekan(&self, election: &Election, t: &str) -> std::result::Result<u32, Issue> {
        let Some(period) = election.campaign_period() else {
            return Err(Issue::PekanOutOfRange {
                value: t.to_string(),
                count: 0,
            });
        };
        let n = period.count();
        if t.bytes().all(|b| b.is_ascii_digit()) {
            return match t.parse::<u32>() {
                Ok(p) if (1..=n).contains(&p) => Ok(p),
                _ => Err(Issue::PekanOutOfRange {
                    value: t.to_string(),
                    count: n,
                }),
            };
        }
        let day = self.validator.date(t, t)?;
        period.number_of(day).ok_or_else(|| Issue::OutsideCampaign {
            value: t.to_string(),
            from: period.starts,
            to: period.ends,
        })
    }
}

/// The code of the campaign method a cell names, from `election`'s list; refused with that list
/// (a Pemilu method is not one of Pilkada's).
fn method(election: &Election, t: &str) -> std::result::Result<String, Issue> {
    let methods = &election.methods;
    let want = fold(t);
    if let Some(m) = methods
        .iter()
        .find(|m| fold(&m.code) == want || fold(&m.name_id) == want || fold(&m.name_en) == want)
    {
        return Ok(m.code.clone());
    }
    let named = |m: &crate::domain::CampaignMethod| MethodName {
        code: m.code.clone(),
        name_id: m.name_id.clone(),
        name_en: m.name_en.clone(),
    };
    let suggestion = methods
        .iter()
        .map(|m| {
            [&m.code, &m.name_id, &m.name_en]
                .iter()
                .map(|k| strsim::levenshtein(&fold(k), &want))
                .min()
                .unwrap_or(usize::MAX)
        })
        .enumerate()
        .filter(|(_, d)| *d <= 2.max(want.len() / 4))
        .min_by_key(|(_, d)| *d)
        .map(|(i, _)| i);
    Err(Issue::UnknownMethod {
        value: t.to_string(),
        suggestion,
        // The list is the row's election's, named in the message's language.
        choices: methods.iter().map(named).collect(),
        election: Box::new((
            election.name(crate::i18n::Lang::Id).to_string(),
            election.name(crate::i18n::Lang::En).to_string(),
        )),
    })
}

/// The most activities one row may count: far above any region's pekan, and low enough that the
/// sums of a file, a pekan and a campaign can never overflow.
pub const MAX_COUNT: i64 = 1_000_000_000;

/// A number of activities: a whole number from zero to [`MAX_COUNT`], in digits.
fn count(t: &str) -> std::result::Result<i64, Issue> {
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Issue::BadCount {
            value: t.to_string(),
        });
    }
    match t.parse::<i64>() {
        Ok(n) if n <= MAX_COUNT => Ok(n),
        _ => Err(Issue::CountTooLarge {
            value: t.to_string(),
            max: MAX_COUNT,
        }),
    }
}

/// What loading did to one region's pekan of an election.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PekanChange {
    /// The election's code.
    pub election: String,
    pub region: String,
    pub pekan: u32,
    pub outcome: PekanWrite,
    /// The activities loaded before, and in the file.
    pub before: i64,
    pub after: i64,
}

/// A checked file written: its batch (none when nothing changed) and each region's pekan.
#[derive(Debug)]
pub struct Written {
    pub batch_id: Option<i64>,
    pub changes: Vec<PekanChange>,
}

/// Writes the figures of a checked file in `tx`: each region's pekan of each election whole, the
/// replaced figures to the history, one batch for the file. When every pekan is unchanged no
/// batch is kept: the caller rolls back and nothing at all is written.
pub fn write(
    store: &Store,
    tx: &Write<'_>,
    loaded: &Loaded,
    who: &str,
    now: NaiveDateTime,
) -> Result<Written> {
    let input = &loaded.input;
    let batch_id = tx.insert_batch(&NewBatch {
        kind: "import",
        imported_by: who.to_string(),
        imported_at: now,
        source_name: input.source_name(),
        sha256: Some(input.sha256.clone()),
    })?;
    tx.mark_activity_batch(batch_id)?;
    let mut groups: BTreeMap<(String, u32, String), Vec<ActivityRow>> = BTreeMap::new();
    for f in &loaded.rows {
        groups
            .entry((f.election.clone(), f.row.pekan, f.row.region.clone()))
            .or_default()
            .push(f.row.clone());
    }
    // The activities stored before, by election, pekan and region.
    let mut stored: HashMap<(String, u32, String), i64> = HashMap::new();
    let mut spans: BTreeMap<&str, (u32, u32)> = BTreeMap::new();
    for (election, pekan, _) in groups.keys() {
        let e = spans.entry(election).or_insert((u32::MAX, 0));
        *e = (e.0.min(*pekan), e.1.max(*pekan));
    }
    for (election, (first, last)) in spans {
        for r in store.activity_rows(election, first..=last)? {
            *stored
                .entry((election.to_string(), r.pekan, r.region))
                .or_default() += r.count;
        }
    }
    let mut changes = Vec::with_capacity(groups.len());
    // Rows in new, corrected and unchanged pekan, for the batch's counts.
    let mut counts = [0i64; 3];
    for ((election, pekan, region), rows) in groups {
        let outcome = tx.write_pekan(&election, &region, pekan, &rows, Some(batch_id), now)?;
        let slot = match outcome {
            PekanWrite::New => 0,
            PekanWrite::Corrected => 1,
            PekanWrite::Unchanged => 2,
        };
        counts[slot] += rows.len() as i64;
        let before = stored
            .get(&(election.clone(), pekan, region.clone()))
            .copied()
            .unwrap_or(0);
        changes.push(PekanChange {
            after: rows.iter().map(|r| r.count).sum(),
            election,
            region,
            pekan,
            outcome,
            before,
        });
    }
    if changes.iter().all(|c| c.outcome == PekanWrite::Unchanged) {
        return Ok(Written {
            batch_id: None,
            changes,
        });
    }
    let total = loaded.rows.len() as i64;
    tx.finish_batch(batch_id, [total, counts[0], counts[1], counts[2], 0])?;
    Ok(Written {
        batch_id: Some(batch_id),
        changes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_header_names_one_column_in_either_language() {
        let mut all: Vec<String> = COLUMNS
            .iter()
            .flat_map(|s| std::iter::once(s.name).chain(s.aliases.iter().copied()))
            .map(fold)
            .collect();
        let n = all.len();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), n);
        assert_eq!(ACTIVITIES.named("Kode Wilayah"), Named::Column(REGION));
        assert_eq!(ACTIVITIES.named("WEEK"), Named::Column(PEKAN));
        assert_eq!(ACTIVITIES.named("catatan"), Named::Unknown);
        assert_eq!(ACTIVITIES.suggest("jumlh"), Some("jumlah"));
        assert_eq!(count("042"), Ok(42));
        assert!(count("1.491").is_err() && count("-1").is_err() && count("").is_err());
        assert_eq!(count("1000000000"), Ok(MAX_COUNT));
        assert!(matches!(
            count("99999999999999999999"),
            Err(Issue::CountTooLarge { .. })
        ));
    }
}
