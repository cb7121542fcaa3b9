//! Counting: the headline figures of a meeting, the region table, counts by one dimension with
//! every known key (zeros included), and cross-tabs of two dimensions.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use crate::domain::Election;
use crate::domain::{FollowUpStep, Source, Status, TypeGroup};
use crate::engine::dim::{NO_CONTEST, NO_STEP};
use crate::engine::sql::counts::{self as sql, Figures};
use crate::engine::{Dim, Engine};
use crate::error::Result;
use crate::i18n::core::Core;
use crate::i18n::{Lang, Msg, tr};
use crate::view::View;

/// The key of [`Dim::Pekan`] for the cases received outside the campaign.
pub const OUTSIDE_CAMPAIGN: &str = "0";

/// The figures a coordination meeting asks for first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Headline {
    /// Every temuan and laporan, registered or not (the press's "pelanggaran").
    pub total: i64,
    pub temuan: i64,
    pub laporan: i64,
    pub registered: i64,
    /// Decided as a violation.
    pub violations: i64,
    pub not_violation: i64,
    /// Handling still going on.
    pub in_process: i64,
    /// Open and past its deadline.
    pub overdue: i64,
}

impl std::ops::AddAssign for Headline {
    fn add_assign(&mut self, o: Headline) {
        self.total += o.total;
        self.temuan += o.temuan;
        self.laporan += o.laporan;
        self.registered += o.registered;
        self.violations += o.violations;
        self.not_violation += o.not_violation;
        self.in_process += o.in_process;
        self.overdue += o.overdue;
    }
}

/// One row of the dashboard's region table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RegionRow {
    pub code: String,
    pub name: String,
    pub figures: Headline,
    /// How the row narrows the view, and what opening it shows; `None` for a row that opens
    /// nothing. Not part of any output.
    #[serde(skip)]
    pub drill: Option<Drill>,
}

/// Which table of regions ([`Engine::area_table`]): the root's, a province's (national
/// databases), or the kecamatan of a row (a kabupaten/kota, or a provincial office: all of its
/// province's).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Level {
    Root,
    Province(String),
    Kecamatan(String),
}

/// What opening a row of a table of regions does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Drill {
    /// The view term that narrows to this row: `wilayah:64.72`, `provinsi:64`,
    /// `kecamatan:64.72.03`, `kecamatan:tanpa`.
    pub term: String,
    /// The table opening the row shows: a province's, a kecamatan table, or (`None`) its cases.
    pub next: Option<Level>,
}

/// The key of a kecamatan table's row for the cases naming no kecamatan.
pub const NO_KECAMATAN: &str = crate::engine::dim::NO_PLACE;

/// Every figure of the dashboard for one view.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Dashboard {
    pub headline: Headline,
    pub regions: Vec<RegionRow>,
    pub stages: Vec<Group>,
    pub types: Vec<Group>,
    pub statuses: Vec<Group>,
}

/// One group of a count by one dimension.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Group {
    pub key: String,
    pub label: String,
    pub count: i64,
}

/// One cell of a cross-tab.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Cross {
    pub key: String,
    pub key2: String,
    pub count: i64,
}

/// One row of Bawaslu RI's recap (a region, or the total): what was received, how registration
/// stands, how the registered cases stand, the laporan filed late, and the types among
/// violations. Each group adds up to the figure before it: `received = temuan + laporan =
/// registered + not_registered + not_yet_registered`, `registered = violation + not_violation +
/// in_process + stopped`, and the types add up to `violation`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Recap {
    pub code: String,
    pub name: String,
    pub temuan: i64,
    pub laporan: i64,
    pub received: i64,
    pub registered: i64,
    /// Closed without being registered (tidak diregistrasi, dicabut, dihentikan).
    pub not_registered: i64,
    /// Open and not registered yet ("belum diregistrasi").
    pub not_yet_registered: i64,
    /// Registered and decided PELANGGARAN.
    pub violation: i64,
    pub not_violation: i64,
    /// Registered and still open.
    pub in_process: i64,
    /// Registered and closed without a decision (withdrawn or stopped).
    pub stopped: i64,
    /// Laporan received more than 7 working days after the event became known.
    pub late_laporan: i64,
    /// The registered violations by proven type, in display order (as Bawaslu RI).
    pub types: Vec<Group>,
}

/// The proven types a recap counts violations by.
pub const RECAP_TYPES: [TypeGroup; 6] = [
    TypeGroup::Administrasi,
    TypeGroup::Pidana,
    TypeGroup::KodeEtik,
    TypeGroup::HukumLainnya,
    TypeGroup::Tsm,
    // A violation recorded without a type: shown only when there is one.
    TypeGroup::BelumDitentukan,
];

impl Recap {
    fn from_figures(code: &str, name: String, f: &[i64], lang: Lang) -> Recap {
        let at = |i: usize| f.get(i).copied().unwrap_or(0);
        Recap {
            code: code.to_string(),
            name,
            temuan: at(0),
            laporan: at(1),
            received: at(2),
            registered: at(3),
            not_registered: at(4),
            not_yet_registered: at(5),
            violation: at(6),
            not_violation: at(7),
            in_process: at(8),
            stopped: at(9),
            late_laporan: at(10),
            types: RECAP_TYPES
                .iter()
                .enumerate()
                .map(|(i, t)| Group {
                    key: t.code().to_string(),
                    label: t.label(lang).to_string(),
                    count: at(sql::RECAP_FIGURES + i),
                })
                .collect(),
        }
    }

    fn add(&mut self, o: &Recap) {
        self.temuan += o.temuan;
        self.laporan += o.laporan;
        self.received += o.received;
        self.registered += o.registered;
        self.not_registered += o.not_registered;
        self.not_yet_registered += o.not_yet_registered;
        self.violation += o.violation;
        self.not_violation += o.not_violation;
        self.in_process += o.in_process;
        self.stopped += o.stopped;
        self.late_laporan += o.late_laporan;
        for (a, b) in self.types.iter_mut().zip(&o.types) {
            a.count += b.count;
        }
    }
}

/// What opening a row of the office `r` does: narrow to its handling region, then show its
/// kecamatan table (Bawaslu RI's row shows its cases).
fn office_drill(r: &crate::domain::Region) -> Drill {
    Drill {
        term: format!("wilayah:{}", r.code),
        next: (r.kind != "nasional").then(|| Level::Kecamatan(r.code.clone())),
    }
}

/// Counts by some dimensions: the keys found, with their counts.
pub(crate) type Found = Vec<(Vec<String>, i64)>;

impl From<Figures> for Headline {
    fn from(f: Figures) -> Headline {
        let [
            total,
            temuan,
            laporan,
            registered,
            violations,
            not_violation,
            in_process,
            overdue,
        ] = f;
        Headline {
            total,
            temuan,
            laporan,
            registered,
            violations,
            not_violation,
            in_process,
            overdue,
        }
    }
}

impl Engine<'_> {
    /// The headline figures of `view`.
    pub fn headline(&self, view: &View) -> Result<Headline> {
        let view = &*self.scoped(view)?;
        if let Some(pass) = self.index_pass(view) {
            return pass.map(|p| p.headline);
        }
        sql::headline(self.store, view, self.dates(view)).map(Headline::from)
    }

    /// The region table: every region in display order (zeros included) with its figures.
    pub fn region_table(&self, view: &View, lang: Lang) -> Result<Vec<RegionRow>> {
        let view = &*self.scoped(view)?;
        if let Some(pass) = self.index_pass(view) {
            let pass = pass?;
            return Ok(self.region_rows(&pass.regions, lang));
        }
        let found = sql::headline_by_region(self.store, view, self.dates(view))?;
        Ok(self
            .reference
            .regions
            .iter()
            .map(|r| RegionRow {
                code: r.code.clone(),
                name: r.display_name(lang),
                figures: found
                    .get(&r.code)
                    .copied()
                    .map(Headline::from)
                    .unwrap_or_default(),
                drill: Some(office_drill(r)),
            })
            .collect())
    }

    /// The rows of a table of regions for `view`, each with the dashboard's figures and what
    /// opening it does (docs/regions.md, "Counting by region, at each level"):
    /// - `Root` of a province's database: [`Engine::region_table`], the provincial office then
    ///   the kabupaten/kota, zeros included;
    /// - `Root` of a national database: Bawaslu RI's own cases, then the 38 provinces, each
    ///   counting every case handled within it (`provinsi:`);
    /// - `Province(p)`: that province's office, then its kabupaten/kota;
    /// - `Kecamatan(r)`: the cases handled by `r` (`wilayah:r`) by where they happened: every
    ///   kecamatan of its area (zeros included), then any other kecamatan its cases name (each
    ///   labelled with its kabupaten/kota), then those naming none (key [`NO_KECAMATAN`]). The
    ///   rows add up to `r`'s row.
    pub fn area_table(&self, view: &View, level: &Level, lang: Lang) -> Result<Vec<RegionRow>> {
        let national = self.reference.is_national();
        match level {
            Level::Root if !national => self.region_table(view, lang),
            Level::Root => {
                let view = &*self.scoped(view)?;
                let found = self.headline_by(view, Dim::Province)?;
                let ri = crate::domain::wilayah::RI;
                let mut rows = vec![RegionRow {
                    code: ri.to_string(),
                    name: crate::i18n::area::Area::Ri.text(lang),
                    figures: found.get(ri).copied().unwrap_or_default(),
                    drill: Some(Drill {
                        term: format!("wilayah:{ri}"),
                        next: None,
                    }),
                }];
                rows.extend(
                    self.reference
                        .regions
                        .iter()
                        .filter(|r| r.kind == "provinsi")
                        .map(|r| RegionRow {
                            code: r.code.clone(),
                            name: r.name.clone(),
                            figures: found.get(&r.code).copied().unwrap_or_default(),
                            drill: Some(Drill {
                                term: format!("provinsi:{}", r.code),
                                next: Some(Level::Province(r.code.clone())),
                            }),
                        }),
                );
                Ok(rows)
            }
            Level::Province(p) => Ok(self
                .region_table(view, lang)?
                .into_iter()
                .filter(|row| {
                    row.code == *p
                        || self
                            .reference
                            .region(&row.code)
                            .is_some_and(|r| r.parent_code.as_deref() == Some(p.as_str()))
                })
                .collect()),
            Level::Kecamatan(region) => {
                let view = self.scoped(view)?;
                let mut view = view.into_owned();
                view.terms.push(crate::view::Term {
                    negated: false,
                    kind: crate::view::TermKind::Region(vec![region.clone()]),
                });
                let mut found = self.headline_by(&view, Dim::Kecamatan)?;
                let row = |code: &str, name: String, figures: Headline| RegionRow {
                    drill: Some(Drill {
                        term: if code == NO_KECAMATAN {
                            "kecamatan:tanpa".to_string()
                        } else {
                            format!("kecamatan:{code}")
                        },
                        next: None,
                    }),
                    code: code.to_string(),
                    name,
                    figures,
                };
                let mut rows: Vec<RegionRow> = self
                    .reference
                    .kecamatan_in(region)
                    .iter()
                    .map(|k| {
                        let figures = found.remove(&k.code).unwrap_or_default();
                        row(&k.code, k.display_name(lang), figures)
                    })
                    .collect();
                let none = found.remove(NO_KECAMATAN).unwrap_or_default();
                let mut others: Vec<(String, Headline)> = found.into_iter().collect();
                others.sort_by(|a, b| a.0.cmp(&b.0));
                for (code, figures) in others {
                    let name = self.place_label(&code, lang);
                    rows.push(row(&code, name, figures));
                }
                rows.push(row(
                    NO_KECAMATAN,
                    crate::i18n::area::Area::NoKecamatan.text(lang),
                    none,
                ));
                Ok(rows)
            }
        }
    }

    /// The label of a place outside a count's region: a kecamatan with its kabupaten/kota, the
    /// cases naming none as such.
    fn place_label_of(&self, dim: Dim, code: &str, lang: Lang) -> String {
        match code {
            NO_KECAMATAN => self.label(dim, code, lang).unwrap_or_default(),
            _ => self.place_label(code, lang),
        }
    }

    /// A kecamatan's name with its kabupaten/kota ("Samarinda Ulu (Samarinda)"), or the code
    /// when the tree does not know it.
    fn place_label(&self, code: &str, lang: Lang) -> String {
        let Some(k) = self.reference.kecamatan(code) else {
            return code.to_string();
        };
        match k
            .parent_code
            .as_deref()
            .and_then(|p| self.reference.region(p))
        {
            Some(parent) => crate::i18n::area::Area::KecamatanIn {
                name: &k.display_name(lang),
                region: &parent.display_name(lang),
            }
            .text(lang),
            None => k.display_name(lang),
        }
    }

    /// The headline figures of `view` (already scoped) by each key of `dim` its cases have.
    fn headline_by(&self, view: &View, dim: Dim) -> Result<HashMap<String, Headline>> {
        if let Some(found) = self.index_headline_by(view, dim) {
            return found;
        }
        Ok(sql::headline_by(self.store, view, self.dates(view), dim)?
            .into_iter()
            .map(|(k, f)| (k, Headline::from(f)))
            .collect())
    }

    /// Every figure of the dashboard for `view`: the headline, the region table and the counts by
    /// stage, type and status; from one pass over the column index when one is loaded.
    pub fn dashboard(&self, view: &View, lang: Lang) -> Result<Dashboard> {
        let view = &*self.scoped(view)?;
        let Some(pass) = self.index_pass(view) else {
            return Ok(Dashboard {
                headline: self.headline(view)?,
                regions: self.region_table(view, lang)?,
                stages: self.group(view, Dim::Stage, lang)?,
                types: self.group(view, Dim::Type, lang)?,
                statuses: self.group(view, Dim::Status, lang)?,
            });
        };
        let pass = pass?;
        let elections = self.elections_in_view(view)?;
        let found = |dim: Dim, counts: &[i64]| -> Found {
            let keys = self.keys(dim, std::iter::empty(), &elections);
            keys.into_iter()
                .zip(counts)
                .filter(|(_, n)| **n > 0)
                .map(|((k, _), n)| (vec![k], *n))
                .collect()
        };
        // Counted by stage of each election: the stages of one code are one key.
        let mut stages: Found = Vec::new();
        if let Some(ix) = self.index() {
            for (code, n) in ix.stages.iter().zip(&pass.stages) {
                match stages.iter_mut().find(|(k, _)| k[0] == *code) {
                    Some((_, m)) => *m += n,
                    None if *n > 0 => stages.push((vec![code.clone()], *n)),
                    None => {}
                }
            }
        }
        Ok(Dashboard {
            headline: pass.headline,
            regions: self.region_rows(&pass.regions, lang),
            stages: self.group_from(stages, Dim::Stage, lang, &elections),
            types: self.group_from(found(Dim::Type, &pass.types), Dim::Type, lang, &elections),
            statuses: self.group_from(
                found(Dim::Status, &pass.statuses),
                Dim::Status,
                lang,
                &elections,
            ),
        })
    }

    /// Bawaslu RI's recap of `view`: every region in display order (zeros included), then the
    /// total. A violation recorded without a type is a column only when there is one.
    pub fn recap(&self, view: &View, lang: Lang) -> Result<(Vec<Recap>, Recap)> {
        let view = &*self.scoped(view)?;
        let codes: Vec<&str> = RECAP_TYPES.iter().map(|t| t.code()).collect();
        let found = sql::recap_by_region(self.store, view, self.dates(view), &codes)?;
        let rows: Vec<Recap> = self
            .reference
            .regions
            .iter()
            .map(|r| {
                let f = found.get(&r.code).map(Vec::as_slice).unwrap_or(&[]);
                Recap::from_figures(&r.code, r.display_name(lang), f, lang)
            })
            .collect();
        let mut total = Recap::from_figures(
            "",
            crate::i18n::tr(lang, crate::i18n::Msg::Total).into(),
            &[],
            lang,
        );
        for r in &rows {
            total.add(r);
        }
        let untyped = |r: &Recap| {
            r.types
                .last()
                .is_some_and(|g| g.key == TypeGroup::BelumDitentukan.code() && g.count == 0)
        };
        let drop_untyped = untyped(&total);
        let trim = |mut r: Recap| {
            if drop_untyped {
                r.types.pop();
            }
            r
        };
        Ok((rows.into_iter().map(trim).collect(), trim(total)))
    }

    /// The region table from figures in reference order.
    fn region_rows(&self, figures: &[Headline], lang: Lang) -> Vec<RegionRow> {
        self.reference
            .regions
            .iter()
            .zip(figures)
            .map(|(r, f)| RegionRow {
                code: r.code.clone(),
                name: r.display_name(lang),
                figures: *f,
                drill: Some(office_drill(r)),
            })
            .collect()
    }

    /// Counts of `view` by `dim`, every known key in display order, zeros included (the keys of
    /// the elections in view: their stages, their contests, their pekan).
    pub fn group(&self, view: &View, dim: Dim, lang: Lang) -> Result<Vec<Group>> {
        let view = &*self.scoped(view)?;
        let found = self.count_by(view, &[dim])?;
        self.group_found(view, dim, found, lang)
    }

    /// The groups of `found`, the counts by `dim` of `view` (already [`Engine::scoped`]).
    pub(crate) fn group_found(
        &self,
        view: &View,
        dim: Dim,
        found: Found,
        lang: Lang,
    ) -> Result<Vec<Group>> {
        if matches!(dim, Dim::Kecamatan | Dim::Desa) {
            let counts: HashMap<&str, i64> =
                found.iter().map(|(k, n)| (k[0].as_str(), *n)).collect();
            let known = self.places_in_view(view, dim);
            let keys = self.place_keys(dim, &known, found.iter().map(|(k, _)| k[0].as_str()));
            return Ok(keys
                .into_iter()
                .map(|(key, _)| Group {
                    count: counts.get(key.as_str()).copied().unwrap_or(0),
                    label: if dim == Dim::Kecamatan && !known.contains(&key.as_str()) {
                        self.place_label_of(dim, &key, lang)
                    } else {
                        self.label(dim, &key, lang).unwrap_or_else(|| key.clone())
                    },
                    key,
                })
                .collect());
        }
        let elections = self.elections_in_view(view)?;
        Ok(self.group_from(found, dim, lang, &elections))
    }

    /// The keys of a count by kecamatan or desa: `known` (in code order, zeros included), then
    /// any other place found (by code), then [`NO_KECAMATAN`] for the cases naming none. English
    /// labels (see [`Engine::label`]).
    fn place_keys<'a>(
        &self,
        dim: Dim,
        known: &[&str],
        found: impl Iterator<Item = &'a str>,
    ) -> Vec<(String, String)> {
        let label = |k: &str| {
            self.label(dim, k, Lang::En)
                .unwrap_or_else(|| k.to_string())
        };
        let mut out: Vec<(String, String)> =
            known.iter().map(|k| (k.to_string(), label(k))).collect();
        let mut others: Vec<&str> = found
            .filter(|k| *k != NO_KECAMATAN && !known.contains(k))
            .collect();
        others.sort_unstable();
        others.dedup();
        out.extend(others.into_iter().map(|k| (k.to_string(), label(k))));
        out.push((NO_KECAMATAN.to_string(), label(NO_KECAMATAN)));
        out
    }

    /// The places a count of `view` by kecamatan or desa lists even at zero: those of the view's
    /// regions (`wilayah:`, `provinsi:`; for desa, of its kecamatan first), else every one of the
    /// database.
    fn places_in_view(&self, view: &View, dim: Dim) -> Vec<&str> {
        use crate::view::TermKind;
        let codes = |pick: &dyn Fn(&TermKind) -> Option<&Vec<String>>| -> Vec<&str> {
            view.terms
                .iter()
                .filter(|t| !t.negated)
                .filter_map(|t| pick(&t.kind))
                .flatten()
                .map(String::as_str)
                .filter(|c| !c.is_empty())
                .collect()
        };
        let regions = codes(&|k| match k {
            TermKind::Region(c) | TermKind::Province(c) => Some(c),
            _ => None,
        });
        let mut out: Vec<&str> = match dim {
            Dim::Desa => {
                let kecamatan = codes(&|k| match k {
                    TermKind::Kecamatan(c) => Some(c),
                    _ => None,
                });
                let scope = if kecamatan.is_empty() {
                    regions
                } else {
                    kecamatan
                };
                if scope.is_empty() {
                    self.reference
                        .desa
                        .iter()
                        .map(|d| d.code.as_str())
                        .collect()
                } else {
                    scope
                        .iter()
                        .flat_map(|c| self.reference.desa_in(c))
                        .map(|d| d.code.as_str())
                        .collect()
                }
            }
            _ if regions.is_empty() => self
                .reference
                .kecamatan
                .iter()
                .map(|k| k.code.as_str())
                .collect(),
            _ => regions
                .iter()
                .flat_map(|c| self.reference.kecamatan_in(c))
                .map(|k| k.code.as_str())
                .collect(),
        };
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Groups of every known key of `dim` from the keys found with their counts.
    fn group_from(
        &self,
        found: Found,
        dim: Dim,
        lang: Lang,
        elections: &[&Election],
    ) -> Vec<Group> {
        let counts: HashMap<&str, i64> = found.iter().map(|(k, n)| (k[0].as_str(), *n)).collect();
        let keys = self.keys(dim, found.iter().map(|(k, _)| k[0].as_str()), elections);
        keys.into_iter()
            .map(|(key, label)| Group {
                count: counts.get(key.as_str()).copied().unwrap_or(0),
                key,
                label,
            })
            .map(|g| Group {
                label: self
                    .label_among(dim, &g.key, lang, elections)
                    .unwrap_or(g.label),
                ..g
            })
            .collect()
    }

    /// A cross-tab of `view` by two dimensions: every pair of known keys, zeros included.
    pub fn cross(&self, view: &View, dims: (Dim, Dim)) -> Result<Vec<Cross>> {
        let view = &*self.scoped(view)?;
        let found = self.count_by(view, &[dims.0, dims.1])?;
        self.cross_found(view, dims, &found)
    }

    /// The cross-tab of `found`, the counts by `dims` of `view` (already [`Engine::scoped`]).
    pub(crate) fn cross_found(
        &self,
        view: &View,
        dims: (Dim, Dim),
        found: &Found,
    ) -> Result<Vec<Cross>> {
        let elections = self.elections_in_view(view)?;
        let counts: HashMap<(&str, &str), i64> = found
            .iter()
            .map(|(k, n)| ((k[0].as_str(), k[1].as_str()), *n))
            .collect();
        let keys1 = self.keys(dims.0, found.iter().map(|(k, _)| k[0].as_str()), &elections);
        let keys2 = self.keys(dims.1, found.iter().map(|(k, _)| k[1].as_str()), &elections);
        let mut out = Vec::with_capacity(keys1.len() * keys2.len());
        for (a, _) in &keys1 {
            for (b, _) in &keys2 {
                let count = counts.get(&(a.as_str(), b.as_str())).copied().unwrap_or(0);
                out.push(Cross {
                    key: a.clone(),
                    key2: b.clone(),
                    count,
                });
            }
        }
        Ok(out)
    }

    /// Raw counts grouped by the given dimensions (of a view already [`Engine::scoped`]).
    fn count_by(&self, view: &View, dims: &[Dim]) -> Result<Found> {
        if let Some(found) = self.index_count_by(view, dims) {
            return found;
        }
        let campaigns = self.campaigns(view)?;
        sql::count_by(self.store, view, self.dates(view), dims, &campaigns)
    }

    /// The campaigns of the elections in `view`, by election code: each case's pekan is one of
    /// its own election's campaign.
    pub(crate) fn campaigns(
        &self,
        view: &View,
    ) -> Result<Vec<(String, crate::domain::CampaignPeriod)>> {
        Ok(self
            .elections_in_view(view)?
            .iter()
            .filter_map(|e| e.campaign_period().map(|c| (e.code.clone(), c)))
            .collect())
    }

    /// Every known key of a dimension in display order, with an English label; for weeks, every
    /// week from the first to the last found. The stages, contests and pekan are those of
    /// `elections` (the elections in view), a code several share listed once.
    fn keys<'a>(
        &self,
        dim: Dim,
        found: impl Iterator<Item = &'a str>,
        elections: &[&Election],
    ) -> Vec<(String, String)> {
        let pairs = |v: Vec<(&str, &str)>| {
            v.into_iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        };
        let once = |all: &mut Vec<(String, String)>, key: &str, label: &str| {
            if !all.iter().any(|(k, _)| k == key) {
                all.push((key.to_string(), label.to_string()));
            }
        };
        match dim {
            Dim::Election => elections
                .iter()
                .map(|e| (e.code.clone(), e.name_en.clone()))
                .collect(),
            Dim::Contest => {
                let mut out = Vec::new();
                for c in elections.iter().flat_map(|e| &e.contests) {
                    once(&mut out, &c.code, &c.name_en);
                }
                // Cases without a contest are a row of their own, last.
                out.push((
                    NO_CONTEST.to_string(),
                    tr(Lang::En, Msg::NoContest).to_string(),
                ));
                out
            }
            Dim::Region => self
                .reference
                .regions
                .iter()
                .map(|r| (r.code.clone(), r.display_name(Lang::En)))
                .collect(),
            Dim::Kecamatan | Dim::Desa => {
                let all: Vec<&str> = match dim {
                    Dim::Kecamatan => self
                        .reference
                        .kecamatan
                        .iter()
                        .map(|k| k.code.as_str())
                        .collect(),
                    _ => self
                        .reference
                        .desa
                        .iter()
                        .map(|d| d.code.as_str())
                        .collect(),
                };
                self.place_keys(dim, &all, found)
            }
            Dim::Province => {
                let mut out = Vec::new();
                if self.reference.is_national() {
                    out.push((
                        crate::domain::wilayah::RI.to_string(),
                        crate::i18n::area::Area::Ri.text(Lang::En),
                    ));
                }
                for r in self
                    .reference
                    .regions
                    .iter()
                    .filter(|r| r.kind == "provinsi")
                {
                    out.push((r.code.clone(), r.name.clone()));
                }
                for k in found {
                    once(&mut out, k, k);
                }
                out
            }
            Dim::Stage => {
                let mut out = Vec::new();
                for s in elections.iter().flat_map(|e| &e.stages) {
                    once(&mut out, &s.code, &s.name_en);
                }
                if elections.is_empty() {
                    for s in &self.reference.stages {
                        once(&mut out, &s.code, &s.name_en);
                    }
                }
                out
            }
            Dim::Type => pairs(
                TypeGroup::ALL
                    .iter()
                    .map(|t| (t.code(), t.label(Lang::En)))
                    .collect(),
            ),
            // The proven types; a violation recorded without one counts as not yet determined.
            Dim::Violation => {
                let undecided = found
                    .into_iter()
                    .any(|k| k == TypeGroup::BelumDitentukan.code());
                pairs(
                    TypeGroup::ALL
                        .iter()
                        .filter(|t| match t {
                            TypeGroup::BukanPelanggaran | TypeGroup::TidakDitindaklanjuti => false,
                            TypeGroup::BelumDitentukan => undecided,
                            _ => true,
                        })
                        .map(|t| (t.code(), t.label(Lang::En)))
                        .collect(),
                )
            }
            Dim::Status => pairs(
                Status::ALL
                    .iter()
                    .map(|t| (t.code(), t.label(Lang::En)))
                    .collect(),
            ),
            Dim::Source => pairs(
                Source::ALL
                    .iter()
                    .map(|t| (t.code(), t.label(Lang::En)))
                    .collect(),
            ),
            Dim::FollowUp => pairs(
                FollowUpStep::ALL
                    .iter()
                    .map(|t| (t.code(), t.label(Lang::En)))
                    .chain([(NO_STEP, tr(Lang::En, Msg::NoStepYet))])
                    .collect(),
            ),
            Dim::Week => {
                let weeks: Vec<NaiveDate> = found.filter_map(|k| k.parse().ok()).collect();
                let (Some(first), Some(last)) = (weeks.iter().min(), weeks.iter().max()) else {
                    return Vec::new();
                };
                let mut out = Vec::new();
                let mut w = *first;
                while w <= *last {
                    out.push((w.to_string(), w.to_string()));
                    w += Duration::days(7);
                }
                out
            }
            Dim::Pekan => {
                // Every pekan number of the campaigns in view, named by the first that has it.
                let mut out: Vec<(String, String)> = Vec::new();
                let campaigns: Vec<_> = if elections.is_empty() {
                    self.reference.campaign_period().into_iter().collect()
                } else {
                    elections
                        .iter()
                        .filter_map(|e| e.campaign_period())
                        .collect()
                };
                for c in &campaigns {
                    for p in c.all() {
                        once(&mut out, &p.number.to_string(), &p.label(Lang::En));
                    }
                }
                out.sort_by_key(|(k, _)| k.parse::<u32>().unwrap_or(u32::MAX));
                // Cases received outside the campaign are a row of their own, last.
                if found.into_iter().any(|k| k == OUTSIDE_CAMPAIGN) {
                    out.push((
                        OUTSIDE_CAMPAIGN.to_string(),
                        Core::OutsideCampaign.text(Lang::En),
                    ));
                }
                out
            }
        }
    }

    /// The label of a key of `dim` in `lang` (a stage, a contest or a pekan as the primary
    /// election names it, else the first election that has it).
    pub fn label(&self, dim: Dim, key: &str, lang: Lang) -> Option<String> {
        let primary: Vec<&Election> = self.reference.primary().into_iter().collect();
        self.label_among(dim, key, lang, &primary)
    }

    /// The label of a key of `dim` in `lang`, as the first of `elections` that has it names it,
    /// else the first election of the reference data that does.
    fn label_among(
        &self,
        dim: Dim,
        key: &str,
        lang: Lang,
        elections: &[&Election],
    ) -> Option<String> {
        let all = elections
            .iter()
            .copied()
            .chain(self.reference.elections.iter());
        match dim {
            Dim::Election => self
                .reference
                .election(key)
                .map(|e| e.name(lang).to_string()),
            Dim::Contest if key == NO_CONTEST => Some(tr(lang, Msg::NoContest).to_string()),
            Dim::Contest => all
                .filter_map(|e| e.contest(key))
                .next()
                .map(|c| c.name(lang).to_string()),
            Dim::Region => self.reference.region(key).map(|r| r.display_name(lang)),
            Dim::Kecamatan if key == NO_KECAMATAN => {
                Some(crate::i18n::area::Area::NoKecamatan.text(lang))
            }
            Dim::Kecamatan => self.reference.kecamatan(key).map(|k| k.display_name(lang)),
            Dim::Desa if key == NO_KECAMATAN => Some(crate::i18n::area::Area::NoDesa.text(lang)),
            Dim::Desa => self.reference.desa(key).map(|d| d.name.clone()),
            Dim::Province if key == crate::domain::wilayah::RI => {
                Some(crate::i18n::area::Area::Ri.text(lang))
            }
            Dim::Province => self
                .reference
                .region(key)
                .map(|r| r.name.clone())
                .or_else(|| {
                    crate::domain::wilayah::find_province(key)
                        .ok()
                        .map(|(_, name)| name)
                }),
            Dim::Stage => all
                .filter_map(|e| e.stage(key))
                .next()
                .or_else(|| self.reference.stage(key))
                .map(|s| s.name(lang).to_string()),
            Dim::Type | Dim::Violation => {
                TypeGroup::from_code(key).map(|t| t.label(lang).to_string())
            }
            Dim::Status => Status::from_code(key).map(|t| t.label(lang).to_string()),
            Dim::Source => Source::from_code(key).map(|t| t.label(lang).to_string()),
            Dim::FollowUp if key == NO_STEP => Some(tr(lang, Msg::NoStepYet).to_string()),
            Dim::FollowUp => FollowUpStep::from_code(key).map(|t| t.label(lang).to_string()),
            Dim::Week => key
                .parse::<NaiveDate>()
                .ok()
                .map(|d| crate::domain::pekan::day_range(lang, d, d + chrono::Duration::days(6))),
            Dim::Pekan if key == OUTSIDE_CAMPAIGN => Some(Core::OutsideCampaign.text(lang)),
            Dim::Pekan => {
                let n = key.parse::<u32>().ok()?;
                all.filter_map(|e| e.campaign_period())
                    .chain(self.reference.campaign_period())
                    .find_map(|c| c.pekan(n))
                    .map(|p| p.label(lang))
            }
        }
    }
}
