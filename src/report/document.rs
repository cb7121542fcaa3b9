//! A report as one document every file format is made from: what it counts (the election, the
//! view, the date counted at), its headline figures, its tables and its charts. Asks the engine;
//! writes nothing.

use chrono::{DateTime, Local, NaiveDate};

use super::build::{Cells, by_words, cross_table, one_dim_table, recap_table, short_label};
use super::chart::{Category, Chart, Kind, Series};
use super::xlsx::Sheet;
use crate::domain::TypeGroup;
use crate::engine::{Dim, Engine, Group, Headline};
use crate::error::{Error, Result};
use crate::i18n::commands::Command;
use crate::i18n::rekap::Rekap;
use crate::i18n::{Lang, Msg, tr};
use crate::view::View;

/// What a report counts by: one or two dimensions, or Bawaslu RI's recap.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ask {
    pub by: Vec<Dim>,
    pub recap: bool,
}

/// The words a document says its view in.
#[derive(Clone, Debug, Default)]
pub struct ViewWords {
    /// The view in its canonical form (English words), as JSON and provenance give it.
    pub spec: String,
    /// The view in the reader's words, with the days relative dates stood for:
    /// `dari:-7h (dari:2024-01-26)`; `(semua kasus)` when it has no term.
    pub read: String,
}

impl ViewWords {
    /// The words of `view` in `lang`; `as_of_apart` leaves the date counted at out, when it is
    /// stated on its own (`--as-of`).
    pub fn of(engine: &Engine<'_>, view: &View, lang: Lang, as_of_apart: bool) -> ViewWords {
        let printed = |v: &View, in_lang: Lang| {
            let mut v = v.clone();
            if as_of_apart {
                v.as_of = None;
            }
            v.print_in(engine.reference(), in_lang)
        };
        let read = printed(view, lang);
        let anchored = printed(&view.anchored(engine.dates(view).today), lang);
        let read = if read.is_empty() {
            tr(lang, Msg::NoView).to_string()
        } else if anchored != read {
            format!("{read} ({anchored})")
        } else {
            read
        };
        ViewWords {
            spec: printed(view, Lang::En),
            read,
        }
    }
}

/// A report ready to be written as a workbook, a chart or a printed report.
#[derive(Debug)]
pub struct Document {
    pub lang: Lang,
    /// What the report counts: `Jumlah kasus menurut kab/kota`.
    pub title: String,
    /// The elections counted, by name: `Pemilu 2024`.
    pub elections: String,
    pub view: ViewWords,
    pub as_of: NaiveDate,
    pub made: DateTime<Local>,
    /// The office the figures are of: `Bawaslu Provinsi Kalimantan Timur`.
    pub office: String,
    pub headline: Headline,
    /// The tables, a sheet each in a workbook.
    pub sheets: Vec<Sheet>,
    /// The charts, the first the one a picture of the report shows.
    pub charts: Vec<Chart>,
}

impl Document {
    /// The line at the foot of a chart or page: `pantau · Bawaslu Provinsi Kalimantan Timur`.
    pub fn source(&self) -> String {
        format!("pantau · {}", self.office)
    }

    /// The foot of a picture, which leaves the meeting on its own: the source and the time made
    /// (`pantau · Bawaslu Provinsi Kalimantan Timur · dibuat 03/12/2026 09.14`).
    pub fn picture_source(&self) -> String {
        let (made, time) = match self.lang {
            Lang::Id => ("dibuat", self.made.format("%d/%m/%Y %H.%M")),
            Lang::En => ("made", self.made.format("%d/%m/%Y %H:%M")),
        };
        format!("{} · {made} {time}", self.source())
    }

    /// The letterhead's name lines when the configuration gives none of its own: the office of the
    /// database's province (or Bawaslu RI), as a kop surat writes it.
    pub fn default_letterhead(&self) -> Vec<String> {
        let rest = self.office.strip_prefix("Bawaslu ").unwrap_or(&self.office);
        vec![
            "BADAN PENGAWAS PEMILIHAN UMUM".to_string(),
            rest.to_uppercase(),
        ]
    }

    /// What the workbook of `self` says about its figures, written to the file named `file` from
    /// `database`.
    pub fn about<'a>(&'a self, file: &'a str, database: &'a str) -> super::xlsx::About<'a> {
        super::xlsx::About {
            lang: self.lang,
            elections: &self.elections,
            view: &self.view.read,
            spec: &self.view.spec,
            as_of: self.as_of,
            made: self.made,
            file,
            database,
            cases: self.headline.total,
        }
    }

    /// The lines under a chart's title: the election, the date counted at, the view.
    pub fn subtitle(&self) -> Vec<String> {
        vec![
            format!(
                "{} · {} {}",
                self.elections,
                tr(self.lang, Msg::AsOf),
                self.as_of.format("%d/%m/%Y")
            ),
            format!("{}: {}", tr(self.lang, Msg::View), self.view.read),
        ]
    }
}

/// The report of `view` asked by `ask`, in `lang`.
pub fn build(
    engine: &Engine<'_>,
    view: &View,
    ask: &Ask,
    lang: Lang,
    words: ViewWords,
) -> Result<Document> {
    let elections = engine.elections_in_view(view)?;
    let names = if elections.is_empty() {
        "—".to_string()
    } else {
        let names: Vec<&str> = elections.iter().map(|e| e.name(lang)).collect();
        names.join(", ")
    };
    let mut doc = Document {
        lang,
        title: String::new(),
        elections: names,
        view: words,
        as_of: engine.dates(view).as_of,
        made: Local::now(),
        office: office(engine, lang),
        headline: engine.headline(view)?,
        sheets: Vec::new(),
        charts: Vec::new(),
    };
    let counted = |dims: &[Dim]| format!("{} {}", tr(lang, Msg::Count), by_words(lang, dims));
    if ask.recap {
        let (rows, total) = engine.recap(view, lang)?;
        doc.title = format!(
            "{} ({})",
            Command::RecapTitle.text(lang),
            tr(lang, Msg::ConventionRi)
        );
        doc.sheets.push(Sheet {
            name: Command::RecapTitle.text(lang),
            title: doc.title.clone(),
            table: recap_table(Cells::Digits, lang, &rows, &total),
        });
        // The violations of each region by type, stacked: the recap's right-hand columns.
        let chart = Chart {
            kind: Kind::Stacked,
            lang,
            title: doc.title.clone(),
            subtitle: doc.subtitle(),
            source: doc.picture_source(),
            categories: rows
                .iter()
                .map(|r| Category {
                    code: r.code.clone(),
                    label: short_region(engine, &r.code, &r.name),
                })
                .collect(),
            series: total
                .types
                .iter()
                .enumerate()
                .map(|(i, g)| Series {
                    name: TypeGroup::from_code(&g.key)
                        .map_or_else(|| g.key.clone(), |t| t.label(lang).to_string()),
                    values: rows
                        .iter()
                        .map(|r| r.types.get(i).map_or(0, |t| t.count))
                        .collect(),
                })
                .collect(),
        };
        doc.charts.push(chart);
        return Ok(doc);
    }
    if ask.by == [Dim::Pekan] {
        doc.title = counted(&[Dim::Pekan]);
        doc.sheets
            .push(super::pekan::sheet(engine, view, lang, |by| {
                format!("{} {by}", tr(lang, Msg::Count))
            })?);
        // The figures are the campaign's when the view gave no stage: so is the headline, and the
        // view's words say so.
        let (counted_view, campaign_only) = super::pekan::counted_view(engine, view)?;
        doc.headline = engine.headline(&counted_view)?;
        if campaign_only {
            doc.view.read = format!(
                "{} · {}",
                doc.view.read,
                Command::ReportPekanCampaignOnly.text(lang)
            );
        }
        doc.charts.push(pekan_chart(engine, view, &doc)?);
        return Ok(doc);
    }
    let first = *ask.by.first().unwrap_or(&Dim::Region);
    doc.title = counted(&ask.by);
    let mut first_groups = Vec::new();
    for (i, &dim) in ask.by.iter().enumerate() {
        let groups = engine.group(view, dim, lang)?;
        // Types among violations count the violations only: their total is theirs.
        let total = if dim == Dim::Violation {
            groups.iter().map(|g| g.count).sum()
        } else {
            doc.headline.total
        };
        doc.sheets.push(Sheet {
            name: dim.heading(lang).to_string(),
            title: counted(&[dim]),
            table: one_dim_table(Cells::Digits, lang, dim, &groups, total),
        });
        if i == 0 {
            first_groups = groups;
        }
    }
    match *ask.by.as_slice() {
        [_, second] if second == first => {
            let m = Command::ReportSameDims;
            Err(Error::usage(m.text(Lang::Id), m.text(Lang::En)))
        }
        [_, second] => {
            let crossed = engine.cross(view, (first, second))?;
            doc.sheets.push(Sheet {
                name: format!("{} × {}", first.heading(lang), second.heading(lang)),
                title: counted(&ask.by),
                table: cross_table(
                    engine,
                    Cells::Digits,
                    lang,
                    (first, second),
                    &first_groups,
                    &crossed,
                )?,
            });
            let mut keys: Vec<&str> = Vec::new();
            // Types in one order, every one: a colour means the same type in every chart.
            if matches!(second, Dim::Type | Dim::Violation) {
                keys.extend(TypeGroup::ALL.iter().map(|t| t.code()));
            }
            for c in &crossed {
                if !keys.contains(&c.key2.as_str()) {
                    keys.push(&c.key2);
                }
            }
            let series = keys
                .iter()
                .map(|k| Series {
                    name: short_label(engine, second, k, lang),
                    values: first_groups
                        .iter()
                        .map(|g| {
                            crossed
                                .iter()
                                .find(|c| c.key == g.key && c.key2 == *k)
                                .map_or(0, |c| c.count)
                        })
                        .collect(),
                })
                .collect();
            let chart = doc.chart(
                Kind::Stacked,
                categories(engine, first, &first_groups),
                series,
            );
            doc.charts.push(chart);
            Ok(doc)
        }
        _ => {
            let mut cats = categories(engine, first, &first_groups);
            let mut values: Vec<i64> = first_groups.iter().map(|g| g.count).collect();
            // Places and types read best largest first; stages, statuses, weeks keep their order.
            if matches!(
                first,
                Dim::Region
                    | Dim::Kecamatan
                    | Dim::Desa
                    | Dim::Province
                    | Dim::Type
                    | Dim::Violation
                    | Dim::Contest
            ) {
                let mut order: Vec<usize> = (0..cats.len()).collect();
                order.sort_by_key(|&i| std::cmp::Reverse(values[i]));
                cats = order.iter().map(|&i| cats[i].clone()).collect();
                values = order.iter().map(|&i| values[i]).collect();
            }
            let series = vec![Series {
                name: tr(lang, Msg::Count).to_string(),
                values,
            }];
            doc.charts
                .push(doc.chart(Kind::Bars, cats.clone(), series.clone()));
            // Kaltim's kab/kota are drawn on its map as well.
            if first == Dim::Region && is_kaltim(engine) {
                let mut map = doc.chart(Kind::Map, cats, series);
                // The province's own office has no outline: its cases are said, not hidden.
                let root = engine.reference().root();
                if let Some(g) = first_groups
                    .iter()
                    .find(|g| root.is_some_and(|r| r.code == g.key) && g.count > 0)
                {
                    let count = crate::i18n::number(lang, g.count);
                    let office = crate::i18n::peta::Peta::NotOnMap {
                        office: &g.label,
                        count: &count,
                    };
                    map.subtitle.push(office.text(lang));
                }
                doc.charts.push(map);
            }
            Ok(doc)
        }
    }
}

impl Document {
    fn chart(&self, kind: Kind, categories: Vec<Category>, series: Vec<Series>) -> Chart {
        Chart {
            kind,
            lang: self.lang,
            title: self.title.clone(),
            subtitle: self.subtitle(),
            source: self.picture_source(),
            categories,
            series,
        }
    }
}

/// The campaign's pekan, each a bar stacked by type group; the cases outside the campaign apart.
fn pekan_chart(engine: &Engine<'_>, view: &View, doc: &Document) -> Result<Chart> {
    let lang = doc.lang;
    let (view, _) = super::pekan::counted_view(engine, view)?;
    let table = crate::engine::campaign::pekan_table(engine, &view)?;
    let mut categories: Vec<Category> = table
        .pekan
        .iter()
        .map(|f| Category {
            code: f.pekan.number.to_string(),
            // Pekan is a word officers keep in both languages: `P6`, never `W6`.
            label: crate::i18n::core::Core::PekanShort {
                number: f.pekan.number,
            }
            .text(Lang::Id),
        })
        .collect();
    let outside = table.outside > 0;
    if outside {
        categories.push(Category {
            code: crate::engine::OUTSIDE_CAMPAIGN.to_string(),
            label: crate::i18n::core::Core::OutsideCampaign.text(lang),
        });
    }
    let series = TypeGroup::ALL
        .iter()
        .enumerate()
        .map(|(i, t)| Series {
            name: t.label(lang).to_string(),
            values: table
                .pekan
                .iter()
                .map(|f| f.by_type.map_or(0, |t| t[i]))
                .chain(outside.then(|| table.outside_by_type.map_or(0, |t| t[i])))
                .collect(),
        })
        // Every type, in one order, even one no pekan has: a colour means the same type in every
        // chart pantau draws.
        .collect();
    Ok(doc.chart(Kind::Stacked, categories, series))
}

/// The categories of a chart from a dimension's groups: regions by their short names.
fn categories(engine: &Engine<'_>, dim: Dim, groups: &[Group]) -> Vec<Category> {
    let mut cats: Vec<Category> = groups
        .iter()
        .map(|g| Category {
            code: g.key.clone(),
            label: match dim {
                Dim::Region => short_region(engine, &g.key, &g.label),
                _ => g.label.clone(),
            },
        })
        .collect();
    // Two places of one name (Jawa Barat's many kecamatan named twice, Kaltim's two Belimbing)
    // are told apart by where they lie.
    let labels: Vec<String> = cats.iter().map(|c| c.label.clone()).collect();
    for c in &mut cats {
        if labels.iter().filter(|l| **l == c.label).count() > 1 {
            c.label = format!("{} ({})", c.label, lies_in(engine, &c.code));
        }
    }
    cats
}

/// Where a kecamatan or desa lies, by the name of what holds it (`Majalengka`, `Loa Kulu`); its
/// code when the reference does not say.
fn lies_in(engine: &Engine<'_>, code: &str) -> String {
    let reference = engine.reference();
    let Some((parent, _)) = code.rsplit_once('.') else {
        return code.to_string();
    };
    reference
        .region(parent)
        .map(|r| r.short_name.clone())
        .or_else(|| reference.kecamatan(parent).map(|k| k.name.clone()))
        .unwrap_or_else(|| code.to_string())
}

/// A region's short name for a chart (`Kukar`, `PPU`); the province's own office keeps the words
/// of the table (`Provinsi (Kaltim)`), so that it is not read as a kab/kota.
fn short_region(engine: &Engine<'_>, code: &str, name: &str) -> String {
    match engine.reference().region(code) {
        Some(r) if r.parent_code.is_some() => r.short_name.clone(),
        _ => name.to_string(),
    }
}

/// Whether the database is Kalimantan Timur's, whose kab/kota a map can draw.
fn is_kaltim(engine: &Engine<'_>) -> bool {
    engine
        .reference()
        .root()
        .is_some_and(|r| r.code == crate::domain::wilayah::KALTIM)
}

/// The office whose figures these are: the root of the region tree (`Bawaslu Provinsi Kalimantan
/// Timur`, `Bawaslu Republik Indonesia`).
fn office(engine: &Engine<'_>, lang: Lang) -> String {
    let name = engine.reference().root().map_or("", |r| r.name.as_str());
    // The national root is named as its office already: `Bawaslu Republik Indonesia`.
    if name.starts_with("Bawaslu") {
        return name.to_string();
    }
    Rekap::Office { name }.text(lang)
}
