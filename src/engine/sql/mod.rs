//! Every statement the engine runs. Here the one WHERE builder: it turns a view into SQL over the
//! cases "as of" a date, with every user value a bound parameter, and registers the deadline
//! function that SQL calls. Counts, pages and exports all select from the relation built here:
//! `counts` and `pages` hold those statements, `index` what the column index reads.

pub(crate) mod counts;
pub(crate) mod index;
pub(crate) mod pages;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use rusqlite::functions::FunctionFlags;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, Value, ValueRef};

use crate::domain::{DeadlineRules, Status, TypeGroup};
use crate::error::Result;
use crate::store::Store;
use crate::view::{Elections, Flag, FollowUpValue, SortKey, Term, TermKind, TextTerm, View};

/// SQL text with its numbered parameters.
#[derive(Debug, Default)]
pub struct Params {
    pub values: Vec<Value>,
}

impl Params {
    /// Adds a value and returns its placeholder (`?N`).
    pub fn bind(&mut self, v: impl Into<Value>) -> String {
        self.values.push(v.into());
        format!("?{}", self.values.len())
    }

    /// Adds a text value and returns its placeholder.
    pub fn text(&mut self, s: &str) -> String {
        self.bind(s.to_string())
    }

    /// Placeholders for a list of text values: `?3, ?4, ?5`.
    pub fn bind_list<T: AsRef<str>>(&mut self, values: impl IntoIterator<Item = T>) -> String {
        values
            .into_iter()
            .map(|v| self.text(v.as_ref()))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The value a row of the case list sorts by (see [`sort_expr`]): a date or an intake number as
/// text, or a display position. A page's cursor holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SortValue {
    Integer(i64),
    Text(String),
}

impl ToSql for SortValue {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match self {
            SortValue::Integer(i) => ToSqlOutput::Borrowed(ValueRef::Integer(*i)),
            SortValue::Text(t) => ToSqlOutput::Borrowed(ValueRef::Text(t.as_bytes())),
        })
    }
}

impl FromSql for SortValue {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        match value {
            ValueRef::Integer(i) => Ok(SortValue::Integer(i)),
            ValueRef::Text(_) => value.as_str().map(|t| SortValue::Text(t.to_string())),
            _ => Err(FromSqlError::InvalidType),
        }
    }
}

impl From<&SortValue> for Value {
    fn from(v: &SortValue) -> Value {
        match v {
            SortValue::Integer(i) => Value::Integer(*i),
            SortValue::Text(t) => Value::Text(t.clone()),
        }
    }
}

/// The dates a view is answered at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dates {
    /// Today: what a relative `per:` counts from.
    pub today: NaiveDate,
    /// The as-of date: only cases received on or before it count; a relative `from:` or `to:`
    /// (`today`, `-7d`) counts from it.
    pub as_of: NaiveDate,
    /// Whether the as-of date was asked for (statuses then come from the history).
    pub historical: bool,
    /// The time of the baseline in force: `is:new` is a case recorded after it. With none, no
    /// case is new (the command line and the screen refuse `is:new` before it gets here).
    pub new_since: Option<NaiveDateTime>,
}

impl Dates {
    /// The dates of `view` when today is `today`.
    pub fn of(view: &View, today: NaiveDate) -> Dates {
        match view.as_of {
            Some(d) => Dates {
                today,
                as_of: d.resolve(today),
                historical: true,
                new_since: None,
            },
            None => Dates {
                today,
                as_of: today,
                historical: false,
                new_since: None,
            },
        }
    }
}

/// SQL for the type group of a row of the relation (mirrors `Case::type_group`); `?closed` is
/// replaced by the list of closed statuses.
const TYPE_GROUP_SQL: &str = "CASE WHEN st = 'BUKAN_PELANGGARAN' THEN 'BUKAN_PELANGGARAN' \
     WHEN st = 'PELANGGARAN' THEN COALESCE(jenis_pelanggaran, jenis_dugaan, 'BELUM_DITENTUKAN') \
     WHEN st IN (?closed) AND jenis_dugaan IS NULL THEN 'TIDAK_DITINDAKLANJUTI' \
     ELSE COALESCE(jenis_dugaan, 'BELUM_DITENTUKAN') END";

/// The relation `w` of the cases counted by `view`: every column of `cases`, plus `st` (status as
/// of the date), `tg` (type group), `reg` (1 if registered as of the date), `due` (deadline or
/// NULL), `overdue` (0/1), `late` (0/1: a laporan filed after its limit), `rpos`/`spos` (display
/// order of region and stage).
/// Returns the SQL of a `WITH v AS (...), w AS (...)` prefix followed by nothing; select from `w`.
pub fn relation(view: &View, dates: Dates, p: &mut Params) -> String {
    let asof = p.bind(dates.as_of.to_string());
    let status = status_as_of(dates, p);
    let office = Office::as_of(dates, &asof);
    let mut inner = vec![format!("c.tanggal_diterima <= {asof}")];
    let mut outer = Vec::new();
    for term in &view.terms {
        let (clause, dynamic) = term_sql(term, dates, &office, p);
        if dynamic {
            outer.push(clause)
        } else {
            inner.push(clause)
        }
    }
    for t in &view.text {
        if let Some(c) = text_sql(t, p) {
            inner.push(c);
        }
    }
    let closed = p.bind_list(Status::closed_codes());
    let type_group = TYPE_GROUP_SQL.replace("?closed", &closed);
    let outer_where = if outer.is_empty() {
        String::new()
    } else {
        format!(" WHERE {}", outer.join(" AND "))
    };
    format!(
        "WITH v AS (SELECT c.*, {status} AS st, r.position AS rpos, s.position AS spos, \
           {off} AS off, {hreg} AS hreg, {prov} AS prov \
           FROM cases c JOIN regions r ON r.code = c.kode_wilayah JOIN stages s ON s.election = c.election AND s.code = c.kode_tahapan \
           WHERE {inner}), \
         u AS (SELECT v.*, {type_group} AS tg, {LATE_SQL} AS late, \
           (tanggal_registrasi IS NOT NULL AND tanggal_registrasi <= {asof}) AS reg, \
           CASE WHEN st IN ({closed}) THEN NULL ELSE pantau_due(election, st, tanggal_diketahui, tanggal_diterima, \
             CASE WHEN tanggal_registrasi <= {asof} THEN tanggal_registrasi END, diperpanjang) END AS due FROM v), \
         w AS (SELECT u.*, (due IS NOT NULL AND due < {asof}) AS overdue FROM u{outer_where}) ",
        inner = inner.join(" AND "),
        off = office.office,
        hreg = office.region,
        prov = office.province,
    )
}

/// SQL for the office handling case `c` (joined with its current office's row `r`) on the view's
/// date, its handling region and its province (docs/regions.md): the office on a date is the
/// `to_office` of the last transfer on or before it, else the `from_office` of the first
/// transfer, else `kode_wilayah`; without an as-of date, `kode_wilayah`. A Panwaslu Kecamatan's
/// handling region is its kabupaten/kota.
pub(crate) struct Office {
    pub office: String,
    pub region: String,
    pub province: String,
}

impl Office {
    fn as_of(dates: Dates, asof: &str) -> Office {
        let (office, region) = if dates.historical {
            let office = format!(
                "COALESCE((SELECT hh.to_office FROM handling_history hh WHERE hh.case_id = c.id \
                 AND hh.on_date <= {asof} ORDER BY hh.on_date DESC, hh.id DESC LIMIT 1), \
                 (SELECT hh.from_office FROM handling_history hh WHERE hh.case_id = c.id \
                 ORDER BY hh.on_date, hh.id LIMIT 1), c.kode_wilayah)"
            );
            // A case never transferred is handled where it is now: no lookups.
            let region = format!(
                "CASE WHEN NOT EXISTS (SELECT 1 FROM handling_history hh WHERE hh.case_id = c.id) \
                 THEN {now} ELSE (SELECT CASE WHEN x.kind = 'kecamatan' THEN x.parent_code \
                 ELSE x.code END FROM regions x WHERE x.code = {office}) END",
                now = CURRENT_REGION
            );
            (office, region)
        } else {
            ("c.kode_wilayah".to_string(), CURRENT_REGION.to_string())
        };
        let province = format!(
            "CASE WHEN {office} = '{ri}' THEN '{ri}' ELSE substr({office}, 1, 2) END",
            ri = crate::domain::wilayah::RI
        );
        Office {
            office,
            region,
            province,
        }
    }
}

/// The handling region of the office handling case `c` now (`r` its row of `regions`).
const CURRENT_REGION: &str = "CASE WHEN r.kind = 'kecamatan' THEN r.parent_code ELSE r.code END";

/// SQL for the status of case `c` as of the view's date: from its history when a date was asked
/// for, else the current one.
fn status_as_of(dates: Dates, p: &mut Params) -> String {
    if dates.historical {
        let next = p.bind((dates.as_of + Duration::days(1)).to_string());
        format!(
            "COALESCE((SELECT h.to_status FROM status_history h WHERE h.case_id = c.id AND h.changed_at < {next} \
             ORDER BY h.changed_at DESC, h.id DESC LIMIT 1), c.status)"
        )
    } else {
        "c.status".to_string()
    }
}

/// SQL for a `lanjut:` term over the case whose columns are `{row}.id`, `{row}.diteruskan_ke`
/// and whose status as of the date is `status`: it reached one of `values`' steps by the as-of
/// date, or (`NoStep`) it was forwarded (`diteruskan_ke` set, or decided a violation) and reached
/// none by then. Every value is a bound parameter.
pub(crate) fn follow_up_sql(
    values: &[FollowUpValue],
    row: &str,
    status: &str,
    dates: Dates,
    p: &mut Params,
) -> String {
    let steps: Vec<&str> = values
        .iter()
        .filter_map(|v| match v {
            FollowUpValue::Step(s) => Some(s.code()),
            FollowUpValue::NoStep => None,
        })
        .collect();
    let mut any = Vec::new();
    if !steps.is_empty() {
        any.push(format!(
            "EXISTS (SELECT 1 FROM follow_ups f WHERE f.case_id = {row}.id AND f.step IN ({}) \
             AND f.happened_on <= {})",
            p.bind_list(steps),
            p.bind(dates.as_of.to_string())
        ));
    }
    if values.contains(&FollowUpValue::NoStep) {
        any.push(format!(
            "(({row}.diteruskan_ke IS NOT NULL OR {status} = {}) AND NOT EXISTS (SELECT 1 FROM \
             follow_ups f WHERE f.case_id = {row}.id AND f.happened_on <= {}))",
            p.text(Status::Pelanggaran.code()),
            p.bind(dates.as_of.to_string())
        ));
    }
    if any.is_empty() {
        return "0".to_string();
    }
    format!("({})", any.join(" OR "))
}

/// The SQL of [`follow_up_sql`] as a query of the ids of the cases it holds, for the column
/// index's mask; the status as of the date comes from the history as the relation's does.
pub(crate) fn follow_up_ids(values: &[FollowUpValue], dates: Dates, p: &mut Params) -> String {
    let status = status_as_of(dates, p);
    let test = follow_up_sql(values, "c", &status, dates, p);
    format!("SELECT c.id FROM cases c WHERE {test}")
}

/// SQL for one term, and whether it tests an as-of column (status, type, flags) or a stored one.
fn term_sql(term: &Term, dates: Dates, office: &Office, p: &mut Params) -> (String, bool) {
    let list = |col: &str, codes: Vec<String>, p: &mut Params| {
        format!("{col} IN ({})", p.bind_list(codes))
    };
    let (sql, dynamic) = match &term.kind {
        TermKind::Election(Elections::All) => ("1".to_string(), false),
        TermKind::Election(Elections::Codes(codes)) => {
            (list("c.election", codes.clone(), p), false)
        }
        // A case without a contest is in no list (and so in every `-contest:` term).
        TermKind::Contest(codes) => (list("COALESCE(c.kontestasi, '')", codes.clone(), p), false),
        // Without an as-of date the office is the stored one: the offices of those regions are
        // looked up first, so the index of cases by office still serves the term.
        TermKind::Region(codes) if !dates.historical => {
            let l = p.bind_list(codes);
            (
                format!(
                    "c.kode_wilayah IN (SELECT x.code FROM regions x WHERE x.code IN ({l}) \
                     OR (x.kind = 'kecamatan' AND x.parent_code IN ({l})))"
                ),
                false,
            )
        }
        TermKind::Province(codes) if !dates.historical => {
            let l = p.bind_list(codes);
            (
                format!(
                    "c.kode_wilayah IN (SELECT x.code FROM regions x WHERE \
                     (CASE WHEN x.code = '{ri}' THEN '{ri}' ELSE substr(x.code, 1, 2) END) IN ({l}))",
                    ri = crate::domain::wilayah::RI
                ),
                false,
            )
        }
        TermKind::Region(codes) => (
            list(&format!("({})", office.region), codes.clone(), p),
            false,
        ),
        TermKind::Province(codes) => (
            list(&format!("({})", office.province), codes.clone(), p),
            false,
        ),
        // A case naming no place has the empty code, in no list but `tanpa`'s.
        TermKind::Kecamatan(codes) => (
            list("COALESCE(c.kode_kecamatan, '')", codes.clone(), p),
            false,
        ),
        TermKind::Desa(codes) => (list("COALESCE(c.kode_desa, '')", codes.clone(), p), false),
        TermKind::Tps(numbers) => {
            let list = numbers
                .iter()
                .map(|n| p.bind(i64::from(*n)))
                .collect::<Vec<_>>()
                .join(", ");
            (format!("COALESCE(c.tps, 0) IN ({list})"), false)
        }
        TermKind::Is(Flag::Transferred) => (
            format!(
                "EXISTS (SELECT 1 FROM handling_history hh WHERE hh.case_id = c.id AND hh.on_date <= {})",
                p.bind(dates.as_of.to_string())
            ),
            false,
        ),
        TermKind::Stage(codes) => (list("c.kode_tahapan", codes.clone(), p), false),
        TermKind::Source(v) => (
            list(
                "c.sumber",
                v.iter().map(|x| x.code().to_string()).collect(),
                p,
            ),
            false,
        ),
        TermKind::Status(v) => (
            list("st", v.iter().map(|x| x.code().to_string()).collect(), p),
            true,
        ),
        TermKind::Type(v) => (
            list("tg", v.iter().map(|x| x.code().to_string()).collect(), p),
            true,
        ),
        TermKind::From(d) => (
            format!(
                "c.tanggal_diterima >= {}",
                p.bind(d.resolve(dates.as_of).to_string())
            ),
            false,
        ),
        TermKind::To(d) => (
            format!(
                "c.tanggal_diterima <= {}",
                p.bind(d.resolve(dates.as_of).to_string())
            ),
            false,
        ),
        TermKind::Pekan(v) => (pekan_sql(v, p), false),
        TermKind::Is(flag) => (flag_sql(*flag, dates, p), true),
        // A step is a stored fact; "forwarded and no step yet" also asks for the status as of
        // the date (decided a violation), a column of the outer relation.
        TermKind::FollowUp(v) if v.contains(&FollowUpValue::NoStep) => {
            (follow_up_sql(v, "u", "u.st", dates, p), true)
        }
        TermKind::FollowUp(v) => (follow_up_sql(v, "c", "st", dates, p), false),
    };
    if term.negated {
        (format!("NOT ({sql})"), dynamic)
    } else {
        (sql, dynamic)
    }
}

/// SQL for whether a row of the relation is a laporan filed late under its election's filing
/// limit (mirrors `DeadlineRules::is_late`).
const LATE_SQL: &str = "(sumber = 'laporan' AND tanggal_diketahui IS NOT NULL \
     AND tanggal_diterima > pantau_filing_due(election, tanggal_diketahui))";

/// Received within any of these pekan: each pekan's first and last day bound as parameters.
fn pekan_sql(pekan: &[crate::domain::Pekan], p: &mut Params) -> String {
    if pekan.is_empty() {
        return "0".to_string();
    }
    let within: Vec<String> = pekan
        .iter()
        .map(|k| {
            let (a, b) = (p.bind(k.starts.to_string()), p.bind(k.ends.to_string()));
            format!("c.tanggal_diterima BETWEEN {a} AND {b}")
        })
        .collect();
    format!("({})", within.join(" OR "))
}

fn flag_sql(flag: Flag, dates: Dates, p: &mut Params) -> String {
    match flag {
        Flag::New => match dates.new_since {
            Some(t) => format!("julianday(created_at) > julianday({})", p.bind(datetime(t))),
            None => "0".to_string(),
        },
        Flag::Open => format!("st NOT IN ({})", p.bind_list(Status::closed_codes())),
        Flag::Closed => format!("st IN ({})", p.bind_list(Status::closed_codes())),
        Flag::Overdue => "overdue".to_string(),
        Flag::Registered => "reg".to_string(),
        Flag::Violation => format!("st = {}", p.text(Status::Pelanggaran.code())),
        Flag::Late => "late".to_string(),
        // Answered in `term_sql`, over the stored history.
        Flag::Transferred => "0".to_string(),
    }
}

/// A time as the database writes it (`2024-02-02 14:05:00`).
pub fn datetime(t: NaiveDateTime) -> String {
    t.format("%F %T%.f").to_string()
}

/// Whether the case with this id was recorded after `since` (`is:new`): one row, or none when
/// the case is gone.
pub const CREATED_AFTER: &str =
    "SELECT julianday(created_at) > julianday(?2) FROM cases WHERE id = ?1";

/// The FTS5 query for one text term: each word quoted (so no FTS syntax leaks through), `*` kept
/// as a prefix marker. `None` for a term with nothing to search.
pub fn fts_query(t: &TextTerm) -> Option<String> {
    let (body, prefix) = match t.text.strip_suffix('*') {
        Some(b) if !t.phrase => (b, true),
        _ => (t.text.as_str(), false),
    };
    if !body.chars().any(char::is_alphanumeric) {
        return None;
    }
    let quoted = format!("\"{}\"", body.replace('"', "\"\""));
    Some(if prefix { format!("{quoted}*") } else { quoted })
}

fn text_sql(t: &TextTerm, p: &mut Params) -> Option<String> {
    let q = fts_query(t)?;
    let not = if t.negated { "NOT " } else { "" };
    Some(format!(
        "c.id {not}IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH {})",
        p.bind(q)
    ))
}

/// The SQL expression a sort key orders by (never NULL, so keyset paging works).
pub fn sort_expr(key: SortKey) -> String {
    match key {
        SortKey::Received => "tanggal_diterima".into(),
        SortKey::Number => "nomor".into(),
        SortKey::Region => "rpos".into(),
        SortKey::Stage => "spos".into(),
        SortKey::Status => ordinal_case("st", Status::ALL.iter().map(|s| s.code())),
        SortKey::Type => ordinal_case("tg", TypeGroup::ALL.iter().map(|s| s.code())),
        SortKey::Due => "COALESCE(due, '9999-12-31')".into(),
    }
}

fn ordinal_case<'a>(col: &str, codes: impl Iterator<Item = &'a str>) -> String {
    let arms: Vec<String> = codes
        .enumerate()
        .map(|(i, c)| format!("WHEN '{c}' THEN {i}"))
        .collect();
    format!("CASE {col} {} ELSE 999 END", arms.join(" "))
}

/// The codes of the elections the database holds cases of.
pub(crate) fn elections_with_cases(store: &Store) -> Result<Vec<String>> {
    store.elections_with_cases()
}

/// Registers `pantau_due(election, status, known, received, registered, extended)` on the store's
/// connection: the deadline of a case of that election as an ISO date, or NULL when handling has
/// ended (or the rules know no such election); and `pantau_filing_due(election, known)`: the last
/// day a laporan of that election known then may be filed.
pub(crate) fn register_due(store: &Store, rules: DeadlineRules) -> Result<()> {
    let filing = rules.clone();
    store
        .conn()
        .create_scalar_function(
            "pantau_filing_due",
            2,
            FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
            move |ctx| {
                let election: String = ctx.get(0)?;
                let known: Option<NaiveDate> = ctx.get(1)?;
                Ok(filing
                    .limits(&election)
                    .zip(known)
                    .map(|(l, k)| filing.filing_due(l, k).to_string()))
            },
        )
        .map_err(|e| store.err(e))?;
    store
        .conn()
        .create_scalar_function(
            "pantau_due",
            6,
            FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
            move |ctx| {
                let election: String = ctx.get(0)?;
                let status: String = ctx.get(1)?;
                let (Some(limits), Some(status)) =
                    (rules.limits(&election), Status::from_code(&status))
                else {
                    return Ok(None);
                };
                let known: Option<NaiveDate> = ctx.get(2)?;
                let received: NaiveDate = ctx.get(3)?;
                let registered: Option<NaiveDate> = ctx.get(4)?;
                let extended: bool = ctx.get(5)?;
                Ok(rules
                    .deadline(limits, status, known, received, registered, extended)
                    .map(|d| d.due.to_string()))
            },
        )
        .map_err(|e| store.err(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str, phrase: bool) -> TextTerm {
        TextTerm {
            negated: false,
            phrase,
            text: text.into(),
        }
    }

    #[test]
    fn fts_queries_are_quoted_so_user_text_is_never_syntax() {
        assert_eq!(
            fts_query(&word("politik*", false)).as_deref(),
            Some("\"politik\"*")
        );
        assert_eq!(
            fts_query(&word("politik uang", true)).as_deref(),
            Some("\"politik uang\"")
        );
        assert_eq!(
            fts_query(&word("a\"b OR c", true)).as_deref(),
            Some("\"a\"\"b OR c\"")
        );
        assert_eq!(
            fts_query(&word("NEAR(", false)).as_deref(),
            Some("\"NEAR(\"")
        );
        assert_eq!(fts_query(&word("*", false)), None);
    }
}
