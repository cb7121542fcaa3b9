//! The counts over the relation of a view: the headline figures, the same per region, and the
//! number of cases per key of one or two dimensions.

use std::collections::HashMap;

use rusqlite::params_from_iter;

use crate::domain::{CampaignPeriod, Source, Status};
use crate::engine::dim::Dim;
use crate::engine::sql::{Dates, Params, relation};
use crate::error::Result;
use crate::store::Store;
use crate::view::View;

/// The headline figures in the order of `Headline`'s fields: total, temuan, laporan, registered,
/// violations, not a violation, in process, overdue.
pub type Figures = [i64; 8];

/// The campaigns pekan are counted in, by election code: each case's pekan is one of its own
/// election's campaign.
pub(crate) type Campaigns = [(String, CampaignPeriod)];

/// The SQL of the pekan of a case received in `c` (its dates bound as parameters), 0 outside.
fn pekan_of(c: CampaignPeriod, p: &mut Params) -> String {
    let (s, e) = (p.bind(c.starts.to_string()), p.bind(c.ends.to_string()));
    let n = p.bind(i64::from(c.count()));
    format!(
        "CASE WHEN tanggal_diterima BETWEEN {s} AND {e} THEN \
         MIN(CAST(julianday(tanggal_diterima) - julianday({s}) AS INTEGER) / 7 + 1, {n}) \
         ELSE 0 END"
    )
}

/// The column of the relation that holds a dimension's key (NULL for a case without one); a pekan
/// counts from the first day of its election's campaign in `campaigns` (bound as parameters), "0"
/// outside it.
fn column(dim: Dim, campaigns: &Campaigns, dates: Dates, p: &mut Params) -> String {
    match dim {
        Dim::Election => "election".into(),
        Dim::Contest => format!(
            "COALESCE(kontestasi, {})",
            p.text(crate::engine::dim::NO_CONTEST)
        ),
        Dim::Region => "hreg".into(),
        Dim::Province => "prov".into(),
        Dim::Kecamatan => format!(
            "COALESCE(kode_kecamatan, {})",
            p.text(crate::engine::dim::NO_PLACE)
        ),
        Dim::Desa => format!(
            "COALESCE(kode_desa, {})",
            p.text(crate::engine::dim::NO_PLACE)
        ),
        Dim::Stage => "kode_tahapan".into(),
        Dim::Type => "tg".into(),
        Dim::Status => "st".into(),
        Dim::Source => "sumber".into(),
        Dim::Week => "date(tanggal_diterima, '-6 days', 'weekday 1')".into(),
        Dim::Pekan if campaigns.is_empty() => "'0'".into(),
        Dim::Pekan => {
            let arms: Vec<String> = campaigns
                .iter()
                .map(|(code, c)| format!("WHEN {} THEN {}", p.text(code), pekan_of(*c, p)))
                .collect();
            format!("CAST(CASE election {} ELSE 0 END AS TEXT)", arms.join(" "))
        }
        Dim::Violation => "CASE WHEN st = 'PELANGGARAN' THEN tg END".into(),
        // The last step reached by the as-of date; on one day, the later step of the list.
        Dim::FollowUp => {
            let arms: Vec<String> = crate::domain::FollowUpStep::ALL
                .iter()
                .enumerate()
                .map(|(i, s)| format!("WHEN {} THEN {i}", p.text(s.code())))
                .collect();
            format!(
                "COALESCE((SELECT f.step FROM follow_ups f WHERE f.case_id = w.id \
                 AND f.happened_on <= {} ORDER BY f.happened_on DESC, CASE f.step {} ELSE -1 END DESC \
                 LIMIT 1), {})",
                p.bind(dates.as_of.to_string()),
                arms.join(" "),
                p.text(crate::engine::dim::NO_STEP)
            )
        }
    }
}

/// The aggregate columns of the [`Figures`], over the relation `w`.
fn figure_columns(p: &mut Params) -> String {
    let closed = p.bind_list(Status::closed_codes());
    let viol = p.text(Status::Pelanggaran.code());
    let notv = p.text(Status::BukanPelanggaran.code());
    let temuan = p.text(Source::Temuan.code());
    let laporan = p.text(Source::Laporan.code());
    format!(
        "count(*), COALESCE(SUM(sumber = {temuan}), 0), COALESCE(SUM(sumber = {laporan}), 0), \
         COALESCE(SUM(reg), 0), COALESCE(SUM(st = {viol}), 0), COALESCE(SUM(st = {notv}), 0), \
         COALESCE(SUM(st NOT IN ({closed})), 0), COALESCE(SUM(overdue), 0)"
    )
}

/// The [`Figures`] of a row, from its column `first` on.
fn figures_from(row: &rusqlite::Row<'_>, first: usize) -> rusqlite::Result<Figures> {
    let mut f = [0; 8];
    for (i, v) in f.iter_mut().enumerate() {
        *v = row.get(first + i)?;
    }
    Ok(f)
}

/// The headline figures of the cases of `view`.
pub(crate) fn headline(store: &Store, view: &View, dates: Dates) -> Result<Figures> {
    let mut p = Params::default();
    let cols = figure_columns(&mut p);
    let query = format!("SELECT {cols} FROM w");
    let sql = relation(store, view, dates, &mut p, &query)?;
    store
        .conn()
        .query_row(&sql, params_from_iter(&p.values), |r| figures_from(r, 0))
        .map_err(|e| store.err(e))
}

/// The headline figures of the cases of `view` in each region that has any, by region code.
pub(crate) fn headline_by_region(
    store: &Store,
    view: &View,
    dates: Dates,
) -> Result<HashMap<String, Figures>> {
    headline_by(store, view, dates, Dim::Region)
}

/// The headline figures of the cases of `view` by each key of `dim` they have (a region, a
/// province, a kecamatan: `NONE` for the cases naming none).
pub(crate) fn headline_by(
    store: &Store,
    view: &View,
    dates: Dates,
    dim: Dim,
) -> Result<HashMap<String, Figures>> {
    let mut p = Params::default();
    let key = column(dim, &[], dates, &mut p);
    let cols = figure_columns(&mut p);
    let query = format!("SELECT {key}, {cols} FROM w GROUP BY 1");
    let sql = relation(store, view, dates, &mut p, &query)?;
    let mut stmt = store
        .conn()
        .prepare_cached(&sql)
        .map_err(|e| store.err(e))?;
    stmt.query_map(params_from_iter(&p.values), |r| {
        Ok((r.get::<_, String>(0)?, figures_from(r, 1)?))
    })
    .and_then(|rows| rows.collect())
    .map_err(|e| store.err(e))
}

/// How many cases of `view` have each combination of keys of `dims` found among them.
pub(crate) fn count_by(
    store: &Store,
    view: &View,
    dates: Dates,
    dims: &[Dim],
    campaigns: &Campaigns,
) -> Result<Vec<(Vec<String>, i64)>> {
    grouped(
        store,
        view,
        dates,
        (dims, campaigns),
        true,
        |_| "count(*)".into(),
        |r, n| {
            let keys = (0..n)
                .map(|i| r.get::<_, String>(i))
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok((keys, r.get::<_, i64>(n)?))
        },
    )
}

/// The [`Figures`] of the cases of `view` by each combination of keys of `dims` (`None` for the
/// cases without one): the headline, the counts by one dimension and the cross-tab of two in one
/// pass over the relation. Without `headline`, only the count (the other figures 0): SQLite then
/// works out a case's status on the date, its office or its deadline only where a key needs it.
pub(crate) fn figures_by(
    store: &Store,
    view: &View,
    dates: Dates,
    dims: &[Dim],
    campaigns: &Campaigns,
    headline: bool,
) -> Result<Vec<(Vec<Option<String>>, Figures)>> {
    let aggregates = |p: &mut Params| {
        if headline {
            figure_columns(p)
        } else {
            "count(*)".to_string()
        }
    };
    grouped(
        store,
        view,
        dates,
        (dims, campaigns),
        false,
        aggregates,
        |r, n| {
            let keys = (0..n)
                .map(|i| r.get::<_, Option<String>>(i))
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let figures = if headline {
                figures_from(r, n)?
            } else {
                let mut f = [0; 8];
                f[0] = r.get(n)?;
                f
            };
            Ok((keys, figures))
        },
    )
}

/// `SELECT keys, aggregates FROM w GROUP BY keys` over the relation of `view`, the keys those of
/// `dims` (only the cases that have every key, when `keyed`), each row read by `row` with the
/// number of keys.
fn grouped<T>(
    store: &Store,
    view: &View,
    dates: Dates,
    (dims, campaigns): (&[Dim], &Campaigns),
    keyed: bool,
    aggregates: impl FnOnce(&mut Params) -> String,
    row: impl Fn(&rusqlite::Row<'_>, usize) -> rusqlite::Result<T>,
) -> Result<Vec<T>> {
    let mut p = Params::default();
    let cols: Vec<String> = dims
        .iter()
        .map(|d| column(*d, campaigns, dates, &mut p))
        .collect();
    let aggregates = aggregates(&mut p);
    let filter = if keyed {
        let each: Vec<String> = cols.iter().map(|c| format!("{c} IS NOT NULL")).collect();
        format!(" WHERE {}", each.join(" AND "))
    } else {
        String::new()
    };
    let keys: Vec<String> = (1..=cols.len()).map(|i| i.to_string()).collect();
    let query = format!(
        "SELECT {c}, {aggregates} FROM w{filter} GROUP BY {k}",
        c = cols.join(", "),
        k = keys.join(", ")
    );
    let sql = relation(store, view, dates, &mut p, &query)?;
    let mut stmt = store
        .conn()
        .prepare_cached(&sql)
        .map_err(|e| store.err(e))?;
    let n = dims.len();
    stmt.query_map(params_from_iter(&p.values), |r| row(r, n))
        .and_then(|rows| rows.collect())
        .map_err(|e| store.err(e))
}

/// How many figures a row of the recap has before its types: see [`recap_by_region`].
pub const RECAP_FIGURES: usize = 11;

/// Bawaslu RI's recap of the cases of `view`, for each region that has any: temuan, laporan,
/// received; registered, not registered (closed without registration), not yet registered (open
/// without registration); among registered: violation, not a violation, in process (open),
/// stopped (closed without a decision: withdrawn, stopped); laporan filed late; then, for each
/// code of `types`, the registered violations of that proven type. Each group adds up to the one
/// before it.
pub(crate) fn recap_by_region(
    store: &Store,
    view: &View,
    dates: Dates,
    types: &[&str],
) -> Result<HashMap<String, Vec<i64>>> {
    let mut p = Params::default();
    let closed = p.bind_list(Status::closed_codes());
    let viol = p.text(Status::Pelanggaran.code());
    let notv = p.text(Status::BukanPelanggaran.code());
    let temuan = p.text(Source::Temuan.code());
    let laporan = p.text(Source::Laporan.code());
    let mut cols = vec![
        format!("sumber = {temuan}"),
        format!("sumber = {laporan}"),
        "1".to_string(),
        "reg".to_string(),
        format!("NOT reg AND st IN ({closed})"),
        format!("NOT reg AND st NOT IN ({closed})"),
        format!("reg AND st = {viol}"),
        format!("reg AND st = {notv}"),
        format!("reg AND st NOT IN ({closed})"),
        format!("reg AND st IN ({closed}) AND st NOT IN ({viol}, {notv})"),
        "late".to_string(),
    ];
    for t in types {
        cols.push(format!("reg AND st = {viol} AND tg = {}", p.text(t)));
    }
    let sums: Vec<String> = cols
        .iter()
        .map(|c| format!("COALESCE(SUM({c}), 0)"))
        .collect();
    let query = format!("SELECT hreg, {} FROM w GROUP BY hreg", sums.join(", "));
    let sql = relation(store, view, dates, &mut p, &query)?;
    let n = cols.len();
    let mut stmt = store
        .conn()
        .prepare_cached(&sql)
        .map_err(|e| store.err(e))?;
    stmt.query_map(params_from_iter(&p.values), |r| {
        let figures = (1..=n)
            .map(|i| r.get::<_, i64>(i))
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok((r.get::<_, String>(0)?, figures))
    })
    .and_then(|rows| rows.collect())
    .map_err(|e| store.err(e))
}
