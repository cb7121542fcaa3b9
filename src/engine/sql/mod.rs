//! Every statement the engine runs. Here the one WHERE builder: it turns a view into SQL over the
//! cases "as of" a date, with every user value a bound parameter. Counts, pages and exports all
//! select from the relation built here: `counts` and `pages` hold those statements, `index` what
//! the column index reads, `due` the deadline rules as SQL compares them.

pub(crate) mod counts;
mod due;
pub(crate) mod index;
pub(crate) mod pages;

pub(crate) use due::register_due;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, Value, ValueRef};

use crate::domain::{Status, TypeGroup};
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
/// order of region and stage), `off`/`hreg`/`prov` (the office handling it on the date, its
/// handling region and province). Returns `query` (which selects from `w`, its parameters bound
/// in `p` already) behind the `WITH v AS (...), u AS (...), w AS (...)` that defines it.
///
/// How SQLite runs it: the CTEs are flattened into `query`, so a column it does not use costs
/// nothing (a count by region never computes a deadline). A join is another matter: SQLite keeps
/// a LEFT JOIN whose key is a subquery even when nothing reads it, so the relation joins only
/// what `query` and the view's terms read ([`Reads`]): a column they never name is left out, and
/// naming one left out is an error from SQLite, never a wrong count. The cases are read in one
/// pass over the table, each joined with what it needs by key: its region and stage, and on a
/// date asked for its latest status change and transfers by then (one index lookup each, the
/// row found once however often the query names its status). The received date bounds every
/// view but narrows almost none, so it is written `+c.tanggal_diterima`: not a reason to walk an
/// index and look each case up (a plain scan of the table is several times faster); the joins
/// are LEFT JOINs (every case has its region and stage, by foreign key) so the scan of `cases`
/// stays the outer loop. A narrow term (a region, a stage, dates, words) still reaches its index.
/// Deadlines and filing limits are compared with dates computed once per statement
/// ([`due::Rules`]), not by a function called per case.
pub fn relation(
    store: &Store,
    view: &View,
    dates: Dates,
    p: &mut Params,
    query: &str,
) -> Result<String> {
    let rules = due::Rules::as_of(store, dates.as_of)?;
    let asof = p.bind(dates.as_of.to_string());
    let office = Office::as_of(dates, &asof);
    let mut inner = vec![format!("+c.tanggal_diterima <= {asof}")];
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
    let inner = inner.join(" AND ");
    let outer_where = if outer.is_empty() {
        String::new()
    } else {
        format!(" WHERE {}", outer.join(" AND "))
    };
    let read = Reads::of(&[query, &inner, &outer_where]);
    let (mut v, mut joins) = (vec!["c.*".to_string()], String::new());
    if read.status {
        let status = AsOf::of(dates, p);
        v.push(format!("{} AS st", status.column));
        joins += &status.join;
    }
    if read.office {
        v.push(format!(
            "{} AS off, {} AS hreg, {} AS prov",
            office.office, office.region, office.province
        ));
        joins += &office.joins;
    }
    if read.region {
        v.push("r.position AS rpos".into());
        joins += "LEFT JOIN regions r ON r.code = c.kode_wilayah ";
    }
    if read.stage {
        v.push("s.position AS spos".into());
        joins += "LEFT JOIN stages s ON s.election = c.election AND s.code = c.kode_tahapan ";
    }
    let late = rules.late_sql(&mut |v| p.text(v));
    let mut u = vec![
        format!("{late} AS late"),
        format!("(tanggal_registrasi IS NOT NULL AND tanggal_registrasi <= {asof}) AS reg"),
    ];
    let mut w = vec!["u.*".to_string()];
    if read.status {
        let closed = p.bind_list(Status::closed_codes());
        u.push(format!(
            "{} AS tg",
            TYPE_GROUP_SQL.replace("?closed", &closed)
        ));
        u.push(format!(
            "CASE WHEN st IN ({closed}) THEN NULL ELSE pantau_due(election, st, tanggal_diketahui, \
             tanggal_diterima, CASE WHEN tanggal_registrasi <= {asof} THEN tanggal_registrasi END, \
             diperpanjang) END AS due"
        ));
        w.push(format!(
            "{} AS overdue",
            rules.overdue_sql(&asof, &mut |v| p.text(v))
        ));
    }
    Ok(format!(
        "WITH v AS (SELECT {v} FROM cases c {joins}WHERE {inner}), \
         u AS (SELECT v.*, {u} FROM v), \
         w AS (SELECT {w} FROM u{outer_where}) {query}",
        v = v.join(", "),
        u = u.join(", "),
        w = w.join(", "),
    ))
}

/// Which of the relation's joins a statement reads, from the words of its text outside string
/// literals: a derived column's name or the alias of the row it comes from. Reading more than it
/// names costs a join; naming one not read is SQLite's "no such column".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Reads {
    /// `st` and what follows from it (`tg`, `due`, `overdue`): the status history on a date.
    status: bool,
    /// `off`, `hreg`, `prov`, or the transfers' rows (`ht`, `hf`, `x`).
    office: bool,
    /// `rpos`, or the row of the case's region (`r`; `hreg` is made from it).
    region: bool,
    /// `spos`, or the row of the case's stage (`s`).
    stage: bool,
}

impl Reads {
    fn of(texts: &[&str]) -> Reads {
        let mut words = std::collections::HashSet::new();
        for text in texts {
            words.extend(words_of(text));
        }
        let any = |names: &[&str]| names.iter().any(|n| words.contains(n));
        let office = any(&["off", "hreg", "prov", "ht", "hf", "x"]);
        Reads {
            status: any(&["st", "tg", "due", "overdue"]),
            office,
            region: office || any(&["rpos", "r"]),
            stage: any(&["spos", "s"]),
        }
    }
}

/// The words (letters, digits, `_`) of SQL text `sql`, leaving out its '…' string literals.
fn words_of(sql: &str) -> impl Iterator<Item = &str> {
    let mut quoted = false;
    sql.split(move |c: char| {
        if c == '\'' {
            quoted = !quoted;
            return true;
        }
        quoted || !(c.is_ascii_alphanumeric() || c == '_')
    })
    .filter(|w| !w.is_empty())
}

/// The status of case `c` as of the view's date: the column, and the join it reads.
struct AsOf {
    column: String,
    join: String,
}

impl AsOf {
    /// From its latest status change on or before the date when a date was asked for (the one
    /// recorded last of a day's), else the current one.
    fn of(dates: Dates, p: &mut Params) -> AsOf {
        if !dates.historical {
            return AsOf {
                column: "c.status".into(),
                join: String::new(),
            };
        }
        let next = p.bind((dates.as_of + Duration::days(1)).to_string());
        AsOf {
            column: "COALESCE(h.to_status, c.status)".into(),
            join: format!(
                "LEFT JOIN status_history h ON h.id = (SELECT h2.id FROM status_history h2 \
                 WHERE h2.case_id = c.id AND h2.changed_at < {next} \
                 ORDER BY h2.changed_at DESC, h2.id DESC LIMIT 1) "
            ),
        }
    }
}

/// SQL for the office handling case `c` (joined with its current office's row `r`) on the view's
/// date, its handling region and its province (docs/regions.md): the office on a date is the
/// `to_office` of the last transfer on or before it (`ht`), else the `from_office` of the first
/// transfer (`hf`), else `kode_wilayah`; without an as-of date, `kode_wilayah`. A Panwaslu
/// Kecamatan's handling region is its kabupaten/kota (`x` the row of a transferred case's
/// office). The joins are by key, and SQLite leaves out those a query does not use.
pub(crate) struct Office {
    pub office: String,
    pub region: String,
    pub province: String,
    pub joins: String,
}

impl Office {
    fn as_of(dates: Dates, asof: &str) -> Office {
        let (office, region, joins) = if dates.historical {
            let joins = format!(
                "LEFT JOIN handling_history ht ON ht.id = (SELECT hh.id FROM handling_history hh \
                 WHERE hh.case_id = c.id AND hh.on_date <= {asof} ORDER BY hh.on_date DESC, hh.id DESC LIMIT 1) \
                 LEFT JOIN handling_history hf ON hf.id = (SELECT hh.id FROM handling_history hh \
                 WHERE hh.case_id = c.id ORDER BY hh.on_date, hh.id LIMIT 1) \
                 LEFT JOIN regions x ON x.code = COALESCE(ht.to_office, hf.from_office) "
            );
            // A case never transferred is handled where it is now.
            let region = format!(
                "CASE WHEN hf.id IS NULL THEN {now} ELSE CASE WHEN x.kind = 'kecamatan' \
                 THEN x.parent_code ELSE x.code END END",
                now = CURRENT_REGION
            );
            (
                "COALESCE(ht.to_office, hf.from_office, c.kode_wilayah)".to_string(),
                region,
                joins,
            )
        } else {
            (
                "c.kode_wilayah".to_string(),
                CURRENT_REGION.to_string(),
                String::new(),
            )
        };
        let province = format!(
            "CASE WHEN {office} = '{ri}' THEN '{ri}' ELSE substr({office}, 1, 2) END",
            ri = crate::domain::wilayah::RI
        );
        Office {
            office,
            region,
            province,
            joins,
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
        // looked up first. A region holds a tenth of the cases or more, and the rows are wide:
        // reading them all is faster than a lookup per case through cases_by_region (`+`).
        TermKind::Region(codes) if !dates.historical => {
            let l = p.bind_list(codes);
            (
                format!(
                    "+c.kode_wilayah IN (SELECT x.code FROM regions x WHERE x.code IN ({l}) \
                     OR (x.kind = 'kecamatan' AND x.parent_code IN ({l})))"
                ),
                false,
            )
        }
        TermKind::Province(codes) if !dates.historical => {
            let l = p.bind_list(codes);
            (
                format!(
                    "+c.kode_wilayah IN (SELECT x.code FROM regions x WHERE \
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
        // A stage holds a large share of the cases: a scan, not cases_by_stage (`+`).
        TermKind::Stage(codes) => (list("+c.kode_tahapan", codes.clone(), p), false),
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
///
/// No index leads with the election, so `SELECT DISTINCT` would read every case. Each case is of
/// an election of the `elections` table (by foreign key), so the cases are read in table order
/// only until each election there has been met: on a database holding cases of all of them,
/// after a handful of rows; at worst (an election without cases) one scan, as before.
pub(crate) fn elections_with_cases(store: &Store) -> Result<Vec<String>> {
    let known: Vec<String> = {
        let mut stmt = store
            .conn()
            .prepare_cached("SELECT code FROM elections")
            .map_err(|e| store.err(e))?;
        stmt.query_map([], |r| r.get(0))
            .and_then(|rows| rows.collect::<rusqlite::Result<_>>())
            .map_err(|e| store.err(e))?
    };
    let mut found: Vec<String> = Vec::new();
    let mut stmt = store
        .conn()
        .prepare_cached("SELECT election FROM cases")
        .map_err(|e| store.err(e))?;
    let mut rows = stmt.query([]).map_err(|e| store.err(e))?;
    while let Some(r) = rows.next().map_err(|e| store.err(e))? {
        let code = r
            .get_ref(0)
            .and_then(|v| v.as_str().map_err(Into::into))
            .map_err(|e| store.err(e))?;
        if found.iter().any(|f| f == code) {
            continue;
        }
        found.push(code.to_string());
        if known.iter().all(|k| found.contains(k)) {
            break;
        }
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_statement_reads_the_joins_its_words_name_and_no_word_inside_a_literal() {
        let none = Reads {
            status: false,
            office: false,
            region: false,
            stage: false,
        };
        assert_eq!(Reads::of(&["SELECT count(*) FROM w"]), none);
        assert_eq!(
            Reads::of(&["SELECT kode_wilayah FROM w WHERE uraian = 'st tg hreg s r'"]),
            none,
            "words inside '…' are data, even with '' in them"
        );
        assert!(!Reads::of(&["SELECT x FROM w WHERE y = 'it''s st'"]).status);
        let tg = Reads::of(&["SELECT tg, count(*) FROM w GROUP BY 1"]);
        assert!(tg.status && !tg.office && !tg.region && !tg.stage);
        let hreg = Reads::of(&["SELECT hreg FROM w"]);
        assert!(
            hreg.office && hreg.region,
            "the handling region is made from the region's row"
        );
        let alias = Reads::of(&[
            "",
            "+c.tanggal_diterima <= ?1 AND (CASE WHEN r.kind = ?2 END)",
        ]);
        assert!(
            alias.region && !alias.office,
            "a term naming the region's row joins it"
        );
        assert!(Reads::of(&["ORDER BY spos"]).stage);
        assert!(Reads::of(&["WHERE overdue"]).status);
    }

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
