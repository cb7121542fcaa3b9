//! `pantau rekap --pekan N`: the office's weekly release of the campaign, as Bawaslu Kaltim writes
//! its own: the activities supervised that pekan and since the campaign began (by region, busiest
//! first, by method and by contestant), the campaign-stage cases received that pekan and in all
//! (by region and type, temuan and laporan apart), and what each office handled that pekan, from
//! the status history. Every figure is counted from the data; the view narrows all of it.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use serde::Serialize;

use crate::cli::{RekapArgs, RekapFormat};
use crate::commands::Context;
use crate::domain::pekan::{day_range, long_date};
use crate::domain::{
    CampaignPeriod, Case, ContestantKind, FollowUpStep, Forwarding, Pekan, Reference, Source,
    Status, ViolationType,
};
use crate::engine::campaign::{admits_region, campaign_view_of, period_of};
use crate::engine::{Dim, Engine, Headline};
use crate::error::{Error, Result};
use crate::i18n::rekap::{Handled, Rekap};
use crate::i18n::{Lang, Msg, number, tr};
use crate::store::activities::ActivityRow;
use crate::view::{DateExpr, Term, TermKind, View};

/// A figure of the pekan beside the same figure since the campaign began.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Split {
    pub key: String,
    pub label: String,
    pub pekan: i64,
    pub cumulative: i64,
}

/// Cases, temuan and laporan apart.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Cases {
    pub total: i64,
    pub temuan: i64,
    pub laporan: i64,
}

/// The cases of one region or type, in the pekan and since the campaign began.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CaseSplit {
    pub key: String,
    pub label: String,
    pub pekan: Cases,
    pub cumulative: Cases,
}

/// How many cases one thing happened to at one office in the pekan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Event {
    pub kind: Handled,
    pub count: i64,
    pub text: String,
}

/// What one office handled in the pekan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OfficeDigest {
    pub office: String,
    pub label: String,
    pub events: Vec<Event>,
}

/// The release, as `--format json` prints it and the other formats write it out.
#[derive(Debug, Serialize)]
pub struct Release {
    /// The election whose campaign the release is of (one: its pekan are its own).
    pub elections: Vec<String>,
    pub pekan: u32,
    pub label: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The last day counted: the pekan's last, or the date counted at while it runs.
    pub counted_to: NaiveDate,
    pub as_of: NaiveDate,
    pub campaign_from: NaiveDate,
    pub campaign_to: NaiveDate,
    pub office: String,
    /// The campaign stage's name, as the reference data gives it.
    #[serde(skip)]
    pub stage: String,
    /// The election's name in the release's language (the JSON names it by its code).
    #[serde(skip)]
    pub election_name: String,
    /// Whether the election is a pemilihan (Pilkada): its contestants are candidate pairs of a
    /// race, not parties.
    #[serde(skip)]
    pub pemilihan: bool,
    pub view: String,
    /// The view in the words of the release's language (`wilayah:kukar is:terlambat`).
    #[serde(skip)]
    pub view_read: String,
    /// Whether any activity figure is loaded at all.
    pub activities_loaded: bool,
    /// The pekan's activities; `null` when none is loaded for it.
    pub activities: Option<i64>,
    /// The activities from pekan 1 to this one; `null` when none is loaded.
    pub activities_cumulative: Option<i64>,
    /// Busiest first (by the pekan, then since the campaign began).
    pub activities_by_region: Vec<Split>,
    pub activities_by_method: Vec<Split>,
    pub activities_by_contestant: Vec<Split>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub activities_by_party: Vec<Split>,
    /// Campaign-stage cases received in the pekan.
    pub cases: i64,
    /// Campaign-stage cases received from the campaign's first day to `counted_to`.
    pub cases_cumulative: i64,
    pub cases_headline: Headline,
    pub cases_cumulative_headline: Headline,
    pub cases_by_region: Vec<CaseSplit>,
    /// The type each case counts under: its proven type once decided, else its suspected type.
    pub type_convention: &'static str,
    pub cases_by_type: Vec<CaseSplit>,
    /// The offices that handled something in the pekan, in display order.
    pub digest: Vec<OfficeDigest>,
    /// The offices the view admits that handled nothing in the pekan.
    pub quiet_offices: Vec<String>,
    /// Their regions' names, as the tables name them.
    #[serde(skip)]
    pub quiet_names: Vec<String>,
}

/// Runs `pantau rekap`.
pub fn run(ctx: &Context, args: &RekapArgs) -> Result<()> {
    let lang = ctx.lang;
    let store = ctx.open_to_answer()?;
    let reference = store.reference()?;
    let spec = args.spec();
    let mut view = ctx.parse_view(&store, &spec, args.as_of.as_deref())?;
    let mut engine = ctx.engine_for(&store, &view, &spec)?;
    engine.use_cached_index(true)?;
    // The release is of the election in view (the one the view names, else the default on the
    // date asked for, else today): its campaign, its pekan, its activities.
    let Some(election) = engine.election_in_view(&view)? else {
        let m = Rekap::NoCampaign;
        return Err(Error::failed(m.text(Lang::Id), m.text(Lang::En)));
    };
    let Some(campaign) = period_of(election) else {
        let m = Rekap::NoCampaign;
        return Err(Error::failed(m.text(Lang::Id), m.text(Lang::En)));
    };
    let Some(pekan) = campaign.pekan(args.pekan) else {
        let days = |l| day_range(l, campaign.starts, campaign.ends);
        let m = |l| {
            Rekap::PekanOutside {
                number: args.pekan,
                count: campaign.count(),
                days: &days(l),
            }
            .text(l)
        };
        return Err(Error::usage(m(Lang::Id), m(Lang::En)));
    };
    // The view as shown: the date counted at is stated on its own when `--as-of` gave it.
    // JSON holds the canonical spec; the text shows it in the words of its language.
    let shown = {
        let mut v = view.clone();
        if args.as_of.is_some() {
            v.as_of = None;
        }
        (v.print(&reference), v.print_in(&reference, lang))
    };
    if view.as_of.is_none() {
        view.as_of = Some(DateExpr::Date(pekan.ends.min(ctx.today)));
    }
    let as_of = engine.dates(&view).as_of;
    ctx.say_about_dates(&view, args.as_of.is_some(), true);
    if as_of < pekan.starts {
        let m = |l| {
            Rekap::PekanNotBegun {
                pekan: &pekan.label(l),
                as_of: &long_date(l, as_of),
            }
            .text(l)
        };
        return Err(Error::usage(m(Lang::Id), m(Lang::En)));
    }
    // Counted in that election whatever the default is on the pekan's last day.
    let view = crate::view::of_election(&view, election, &reference);
    let release = release(&engine, &view, election, pekan, lang, shown)?;
    let out = match args.format {
        RekapFormat::Json => {
            serde_json::to_string_pretty(&release).map_err(|e| {
                let m = Rekap::Encode { error: &e };
                Error::failed(m.text(Lang::Id), m.text(Lang::En))
            })? + "\n"
        }
        RekapFormat::Md => markdown(&release, campaign, lang),
        RekapFormat::Text => {
            let text = plain(&release, campaign, lang);
            crate::tui::widgets::ascii::text(&text, ctx.choice().glyphs).into_owned()
        }
    };
    print!("{out}");
    Ok(())
}

/// `view` also asking for cases received from `from` to `to`.
fn received(view: &View, from: NaiveDate, to: NaiveDate) -> View {
    let mut v = view.clone();
    for kind in [
        TermKind::From(DateExpr::Date(from)),
        TermKind::To(DateExpr::Date(to)),
    ] {
        v.terms.push(Term {
            negated: false,
            kind,
        });
    }
    v
}

/// Counts every figure of the release of `election`'s campaign.
fn release(
    engine: &Engine<'_>,
    view: &View,
    election: &crate::domain::Election,
    pekan: Pekan,
    lang: Lang,
    (shown, shown_read): (String, String),
) -> Result<Release> {
    let reference = engine.reference();
    let pemilihan = election.kind == crate::domain::ElectionKind::Pemilihan;
    let Some(campaign) = period_of(election) else {
        let m = Rekap::NoCampaign;
        return Err(Error::failed(m.text(Lang::Id), m.text(Lang::En)));
    };
    let as_of = engine.dates(view).as_of;
    let counted_to = pekan.ends.min(as_of);
    let kview = campaign_view_of(view, &election.campaign_stage);
    let week = received(&kview, pekan.starts, counted_to);
    let all = received(&kview, campaign.starts, counted_to);
    let regions: Vec<_> = reference
        .regions
        .iter()
        .filter(|r| admits_region(view, &r.code))
        .collect();
    let region_name = |code: &str| {
        reference
            .region(code)
            .map_or_else(|| code.to_string(), |r| r.display_name(lang))
    };

    // Activities: only the region terms of the view apply to them.
    let rows: Vec<ActivityRow> = engine
        .store()
        .activity_rows(&election.code, 1..=campaign.count())?
        .into_iter()
        .collect();
    let loaded = !rows.is_empty();
    let rows: Vec<&ActivityRow> = rows
        .iter()
        .filter(|r| r.pekan <= pekan.number && admits_region(view, &r.region))
        .collect();
    let this = |r: &&&ActivityRow| r.pekan == pekan.number;
    let sum = |it: &mut dyn Iterator<Item = &&ActivityRow>| it.map(|r| r.count).sum::<i64>();
    let any_this = rows.iter().any(|r| r.pekan == pekan.number);
    let activities = (loaded && any_this).then(|| sum(&mut rows.iter().filter(this)));
    let activities_cumulative = loaded.then(|| sum(&mut rows.iter()));
    let split_by = |key: &dyn Fn(&ActivityRow) -> String| {
        let mut m: BTreeMap<String, (i64, i64)> = BTreeMap::new();
        for r in &rows {
            let e = m.entry(key(r)).or_default();
            e.1 += r.count;
            if r.pekan == pekan.number {
                e.0 += r.count;
            }
        }
        m
    };
    let (mut by_region, mut by_method, mut by_contestant, mut by_party) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    if loaded {
        let m = split_by(&|r| r.region.clone());
        by_region = regions
            .iter()
            .map(|r| {
                let (p, c) = m.get(&r.code).copied().unwrap_or_default();
                Split {
                    key: r.code.clone(),
                    label: r.display_name(lang),
                    pekan: p,
                    cumulative: c,
                }
            })
            .collect();
        // Busiest first, as the releases name them; ties keep the display order.
        by_region.sort_by_key(|s| std::cmp::Reverse((s.pekan, s.cumulative)));
        // The known codes in their order, then any other the figures name.
        let splits = |m: BTreeMap<String, (i64, i64)>,
                      mut codes: Vec<String>,
                      label: &dyn Fn(&str) -> Option<String>| {
            codes.extend(
                m.keys()
                    .filter(|k| !codes.contains(k))
                    .cloned()
                    .collect::<Vec<_>>(),
            );
            codes
                .into_iter()
                .map(|code| {
                    let (p, c) = m.get(&code).copied().unwrap_or_default();
                    Split {
                        label: label(&code).unwrap_or_else(|| code.clone()),
                        key: code,
                        pekan: p,
                        cumulative: c,
                    }
                })
                .collect::<Vec<_>>()
        };
        by_method = splits(
            split_by(&|r| r.method.clone()),
            election.methods.iter().map(|x| x.code.clone()).collect(),
            &|code| {
                election
                    .methods
                    .iter()
                    .find(|x| x.code == code)
                    .map(|x| x.name(lang).to_string())
            },
        );
        let m = split_by(&|r| r.contestant.clone());
        let known = ContestantKind::ALL
            .iter()
            .map(|k| k.code().to_string())
            .filter(|k| m.contains_key(k))
            .collect();
        by_contestant = splits(m, known, &|code| {
            ContestantKind::from_code(code).map(|k| k.label(lang).to_string())
        });
        if rows.iter().any(|r| !r.party.is_empty()) {
            let m = split_by(&|r| r.party.clone());
            by_party = m
                .into_iter()
                .map(|(party, (p, c))| Split {
                    label: match (party.is_empty(), pemilihan) {
                        (true, false) => Rekap::NoParty.text(lang),
                        (true, true) => Rekap::NoPair.text(lang),
                        (false, _) => super::kegiatan::party_label(election, &party, lang),
                    },
                    key: party,
                    pekan: p,
                    cumulative: c,
                })
                .collect();
            by_party
                .sort_by_key(|s| (s.key.is_empty(), std::cmp::Reverse((s.pekan, s.cumulative))));
        }
    }

    // Cases of the campaign stage, by region and type, temuan and laporan apart.
    let cases_headline = engine.headline(&week)?;
    let cases_cumulative_headline = engine.headline(&all)?;
    let by_source = |v: &View, dim: Dim| -> Result<HashMap<String, Cases>> {
        let mut m: HashMap<String, Cases> = HashMap::new();
        for c in engine.cross(v, (dim, Dim::Source))? {
            let e = m.entry(c.key).or_default();
            e.total += c.count;
            match Source::from_code(&c.key2) {
                Some(Source::Temuan) => e.temuan += c.count,
                Some(Source::Laporan) => e.laporan += c.count,
                None => {}
            }
        }
        Ok(m)
    };
    let case_split = |dim: Dim, keep: &dyn Fn(&str) -> bool| -> Result<Vec<CaseSplit>> {
        let (w, a) = (by_source(&week, dim)?, by_source(&all, dim)?);
        Ok(engine
            .group(&all, dim, lang)?
            .into_iter()
            .filter(|g| keep(&g.key))
            .map(|g| CaseSplit {
                pekan: w.get(&g.key).copied().unwrap_or_default(),
                cumulative: a.get(&g.key).copied().unwrap_or_default(),
                label: if dim == Dim::Region {
                    region_name(&g.key)
                } else {
                    g.label
                },
                key: g.key,
            })
            .collect())
    };
    let cases_by_region = case_split(Dim::Region, &|k| admits_region(view, k))?;
    let cases_by_type = case_split(Dim::Type, &|_| true)?;

    // The digest: what each office did with the view's campaign cases in the pekan.
    let digest = digest(engine, &all, pekan.starts, counted_to, lang)?;
    let busy: BTreeSet<&str> = digest.iter().map(|d| d.office.as_str()).collect();
    let quiet: Vec<_> = regions
        .iter()
        .filter(|r| !busy.contains(r.code.as_str()))
        .collect();
    let quiet_offices = quiet.iter().map(|r| r.code.clone()).collect();
    let quiet_names = quiet.iter().map(|r| r.display_name(lang)).collect();

    Ok(Release {
        elections: vec![election.code.clone()],
        pekan: pekan.number,
        label: pekan.label(lang),
        from: pekan.starts,
        to: pekan.ends,
        counted_to,
        as_of,
        campaign_from: campaign.starts,
        campaign_to: campaign.ends,
        office: office(reference, lang),
        stage: election
            .stage(&election.campaign_stage)
            .map_or_else(String::new, |s| s.name(lang).to_string()),
        election_name: election.name(lang).to_string(),
        pemilihan,
        view: shown,
        view_read: shown_read,
        activities_loaded: loaded,
        activities,
        activities_cumulative,
        activities_by_region: by_region,
        activities_by_method: by_method,
        activities_by_contestant: by_contestant,
        activities_by_party: by_party,
        cases: cases_headline.total,
        cases_cumulative: cases_cumulative_headline.total,
        cases_headline,
        cases_cumulative_headline,
        cases_by_region,
        type_convention: "proven_else_suspected_all_cases",
        cases_by_type,
        digest,
        quiet_offices,
        quiet_names,
    })
}

/// The office that writes the release: the provincial Bawaslu of the reference's province.
fn office(reference: &Reference, lang: Lang) -> String {
    let name = reference
        .regions
        .iter()
        .find(|r| r.kind == "provinsi")
        .map_or("", |r| r.name.as_str());
    Rekap::Office { name }.text(lang)
}

/// The name of a handling office, as the release's subtitle names the provincial one: `Bawaslu
/// Kota Balikpapan`, `Bawaslu Provinsi Kalimantan Timur`. Its region, in a table or a list, goes
/// by the name every report gives it ([`crate::domain::Region::display_name`]).
fn office_of(reference: &Reference, code: &str, lang: Lang) -> String {
    let name = reference
        .region(code)
        .map_or_else(|| code.to_string(), |r| r.name.clone());
    Rekap::Office { name: &name }.text(lang)
}

/// What happened to a case when its status became `to`, for the digest.
fn on_status(to: Status, source: Source) -> Option<Handled> {
    Some(match to {
        Status::Diregistrasi => Handled::Registered,
        Status::PerbaikanSyarat => Handled::Completing,
        Status::TidakDiregistrasi if source == Source::Temuan => Handled::TemuanNotRegistered,
        Status::TidakDiregistrasi => Handled::LaporanNotRegistered,
        Status::Dicabut => Handled::Withdrawn,
        Status::PembahasanGakkumdu => Handled::Gakkumdu,
        Status::Pelanggaran => Handled::Violation,
        Status::BukanPelanggaran => Handled::NotViolation,
        Status::Dihentikan => Handled::Stopped,
        Status::InformasiAwal
        | Status::Penelusuran
        | Status::Diterima
        | Status::KajianAwal
        | Status::Klarifikasi
        | Status::Kajian => return None,
    })
}

/// Where a forwarded case went, as the digest says it. An administrative (or TSM) violation is
/// decided by Bawaslu itself and only its correction goes to KPU (domain.md §4): it is told as
/// decided, not as forwarded; KPU otherwise receives the ethics of its ad-hoc bodies.
fn on_forwarding(to: Forwarding, case: &Case) -> Handled {
    let administrative = matches!(
        case.jenis_pelanggaran.or(case.jenis_dugaan),
        Some(ViolationType::Administrasi | ViolationType::Tsm)
    );
    match to {
        Forwarding::Gakkumdu => Handled::ToPolice,
        Forwarding::Dkpp => Handled::ToDkpp,
        Forwarding::Kpu if administrative => Handled::AdministrativeDecided,
        Forwarding::Kpu => Handled::ToKpu,
        Forwarding::Kasn => Handled::ToKasn,
        Forwarding::Bawaslu => Handled::ToBawaslu,
        Forwarding::InstansiLain => Handled::ToAgency,
    }
}

/// What a step after forwarding is, for the digest.
fn on_step(step: FollowUpStep) -> Handled {
    match step {
        FollowUpStep::Penyidikan => Handled::Investigation,
        FollowUpStep::Sp3 => Handled::Sp3,
        FollowUpStep::Penuntutan => Handled::Prosecution,
        FollowUpStep::Persidangan => Handled::Trial,
        FollowUpStep::Putusan => Handled::Verdict,
        FollowUpStep::PutusanDkpp => Handled::DkppRuling,
        FollowUpStep::KeputusanKpu => Handled::KpuDecision,
        FollowUpStep::PutusanBawaslu => Handled::BawasluRuling,
        FollowUpStep::RekomendasiInstansi => Handled::AgencyRecommendation,
        FollowUpStep::PerbaikanKpu => Handled::KpuCorrection,
    }
}

/// Per office (in display order), the cases of `view` that something happened to from `from` to
/// `to`: received (by the date received), a status reached (by the status history), forwarded (by
/// the date of forwarding, else the day it was decided a violation), a step after forwarding
/// reached (by the step's date). A case counts once per kind.
fn digest(
    engine: &Engine<'_>,
    view: &View,
    from: NaiveDate,
    to: NaiveDate,
    lang: Lang,
) -> Result<Vec<OfficeDigest>> {
    let mut cases: HashMap<i64, Case> = HashMap::new();
    engine.for_each_case(view, |id, case| {
        cases.insert(id, case);
        Ok(())
    })?;
    let mut seen: BTreeSet<(String, Handled, i64)> = BTreeSet::new();
    let in_week = |d: NaiveDate| (from..=to).contains(&d);
    let mut decided: HashMap<i64, NaiveDate> = HashMap::new();
    for (id, change) in engine.store().status_changes_between(from, to)? {
        let Some(case) = cases.get(&id) else { continue };
        if change.to == Status::Pelanggaran {
            decided.insert(id, change.at.date());
        }
        if let Some(what) = on_status(change.to, case.sumber) {
            seen.insert((case.kode_wilayah.clone(), what, id));
        }
    }
    for (id, step) in engine.store().follow_ups_between(from, to)? {
        let Some(case) = cases.get(&id) else { continue };
        seen.insert((case.kode_wilayah.clone(), on_step(step.step), id));
    }
    for (id, case) in &cases {
        let office = case.kode_wilayah.clone();
        if in_week(case.tanggal_diterima) {
            let what = match case.sumber {
                Source::Temuan => Handled::NewTemuan,
                Source::Laporan => Handled::NewLaporan,
            };
            seen.insert((office.clone(), what, *id));
        }
        if let Some(fw) = case.diteruskan_ke {
            let day = case.tanggal_penerusan.or_else(|| decided.get(id).copied());
            if day.is_some_and(in_week) {
                seen.insert((office, on_forwarding(fw, case), *id));
            }
        }
    }
    let mut counts: BTreeMap<(String, Handled), i64> = BTreeMap::new();
    for (office, what, _) in seen {
        *counts.entry((office, what)).or_default() += 1;
    }
    let reference = engine.reference();
    let mut out: Vec<OfficeDigest> = Vec::new();
    for r in &reference.regions {
        let events: Vec<Event> = counts
            .iter()
            .filter(|((o, _), _)| *o == r.code)
            .map(|((_, what), n)| Event {
                kind: *what,
                count: *n,
                text: Rekap::Event {
                    what: *what,
                    n: *n,
                    count: &number(lang, *n),
                }
                .text(lang),
            })
            .collect();
        if !events.is_empty() {
            out.push(OfficeDigest {
                office: r.code.clone(),
                label: office_of(reference, &r.code, lang),
                events,
            });
        }
    }
    Ok(out)
}

/// One part of the release as written out: a heading, a paragraph, a table, a list.
enum Block {
    Heading(String),
    Line(String),
    Table(Table),
    Item { lead: String, text: String },
}

/// A table: the first `text_cols` columns are text, the rest numbers; a total row if any.
struct Table {
    text_cols: usize,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    total: Option<Vec<String>>,
}

/// The release as blocks, in the order a release tells it.
fn blocks(r: &Release, campaign: CampaignPeriod, lang: Lang) -> (String, String, Vec<Block>) {
    let n = |x: i64| number(lang, x);
    let since = campaign.since(lang);
    let title = Rekap::Title {
        election: &r.election_name,
        pekan: &r.label,
    }
    .text(lang);
    let mut sub = Rekap::Subtitle {
        office: &r.office,
        stage: &r.stage,
        days: &day_range(lang, campaign.starts, campaign.ends),
        as_of: &long_date(lang, r.as_of),
    }
    .text(lang);
    if !r.view_read.is_empty() {
        sub += &format!(" · {}: {}", tr(lang, Msg::View), r.view_read);
    }
    let mut out = Vec::new();
    if r.counted_to < r.to {
        out.push(Block::Line(
            Rekap::UnderWay {
                upto: &long_date(lang, r.counted_to),
            }
            .text(lang),
        ));
    }
    let two = |first: String| {
        vec![
            first,
            Rekap::ColPekan.text(lang),
            Rekap::ColCumulative.text(lang),
        ]
    };
    let split_table = |first: String, rows: &[Split], total: bool| Table {
        text_cols: 1,
        header: two(first),
        rows: rows
            .iter()
            .map(|s| vec![s.label.clone(), n(s.pekan), n(s.cumulative)])
            .collect(),
        total: total.then(|| {
            vec![
                tr(lang, Msg::Total).to_string(),
                n(rows.iter().map(|s| s.pekan).sum()),
                n(rows.iter().map(|s| s.cumulative).sum()),
            ]
        }),
    };

    out.push(Block::Heading(Rekap::ActivitiesHeading.text(lang)));
    if !r.activities_loaded {
        out.push(Block::Line(Rekap::NoActivities.text(lang)));
    } else {
        if r.activities.is_none() {
            out.push(Block::Line(
                Rekap::NoActivitiesThisPekan { pekan: &r.label }.text(lang),
            ));
        }
        out.push(Block::Line(
            Rekap::ActivitiesLine {
                pekan: &r.activities.map_or_else(|| "–".to_string(), n),
                since: &since,
                cumulative: &n(r.activities_cumulative.unwrap_or(0)),
            }
            .text(lang),
        ));
        let (with, without): (Vec<Split>, Vec<Split>) = r
            .activities_by_region
            .iter()
            .cloned()
            .partition(|s| s.cumulative > 0);
        if !with.is_empty() {
            out.push(Block::Table(split_table(
                tr(lang, Msg::Region).to_string(),
                &with,
                false,
            )));
        }
        let active: Vec<&Split> = with.iter().filter(|s| s.pekan > 0).collect();
        if active.len() > 1
            && let Some(least) = active.iter().map(|s| s.pekan).min()
        {
            let names: Vec<&str> = active
                .iter()
                .filter(|s| s.pekan == least)
                .map(|s| s.label.as_str())
                .collect();
            out.push(Block::Line(
                Rekap::Quietest {
                    names: &names.join(", "),
                    count: &n(least),
                }
                .text(lang),
            ));
        }
        if !without.is_empty() {
            let names: Vec<&str> = without.iter().map(|s| s.label.as_str()).collect();
            out.push(Block::Line(
                Rekap::NoFigures {
                    names: &names.join(", "),
                }
                .text(lang),
            ));
        }
        out.push(Block::Table(split_table(
            Rekap::ColMethod.text(lang),
            &r.activities_by_method,
            true,
        )));
        out.push(Block::Table(split_table(
            Rekap::ColContestant {
                pemilihan: r.pemilihan,
            }
            .text(lang),
            &r.activities_by_contestant,
            true,
        )));
        if !r.activities_by_party.is_empty() {
            let heading = if r.pemilihan {
                Rekap::ColPair
            } else {
                Rekap::ColParty
            };
            out.push(Block::Table(split_table(
                heading.text(lang),
                &r.activities_by_party,
                true,
            )));
        }
    }

    out.push(Block::Heading(Rekap::CasesHeading.text(lang)));
    let (w, a) = (&r.cases_headline, &r.cases_cumulative_headline);
    out.push(Block::Line(
        Rekap::CasesLine {
            pekan: &n(w.total),
            temuan: &n(w.temuan),
            laporan: &n(w.laporan),
            since: &since,
            cumulative: &n(a.total),
            cumulative_temuan: &n(a.temuan),
            cumulative_laporan: &n(a.laporan),
        }
        .text(lang),
    ));
    let case_table = |first: String, rows: &[CaseSplit]| {
        let cells = |c: &Cases| [n(c.total), n(c.temuan), n(c.laporan)];
        let mut header = vec![first, Rekap::ColPekan.text(lang)];
        header.push(tr(lang, Msg::Temuan).to_string());
        header.push(tr(lang, Msg::Laporan).to_string());
        header.push(Rekap::ColCumulative.text(lang));
        header.push(tr(lang, Msg::Temuan).to_string());
        header.push(tr(lang, Msg::Laporan).to_string());
        let row = |label: String, p: &Cases, c: &Cases| {
            let mut v = vec![label];
            v.extend(cells(p));
            v.extend(cells(c));
            v
        };
        let add = |pick: &dyn Fn(&CaseSplit) -> Cases| {
            rows.iter().map(pick).fold(Cases::default(), |s, c| Cases {
                total: s.total + c.total,
                temuan: s.temuan + c.temuan,
                laporan: s.laporan + c.laporan,
            })
        };
        Table {
            text_cols: 1,
            header,
            rows: rows
                .iter()
                .map(|s| row(s.label.clone(), &s.pekan, &s.cumulative))
                .collect(),
            total: Some(row(
                tr(lang, Msg::Total).to_string(),
                &add(&|s| s.pekan),
                &add(&|s| s.cumulative),
            )),
        }
    };
    out.push(Block::Table(case_table(
        tr(lang, Msg::Region).to_string(),
        &r.cases_by_region,
    )));
    out.push(Block::Line(Rekap::TypeConvention.text(lang)));
    out.push(Block::Table(case_table(
        tr(lang, Msg::Type).to_string(),
        &r.cases_by_type,
    )));

    out.push(Block::Heading(Rekap::DigestHeading.text(lang)));
    if r.digest.is_empty() {
        out.push(Block::Line(Rekap::NothingHandled.text(lang)));
    }
    for d in &r.digest {
        let text: Vec<&str> = d.events.iter().map(|e| e.text.as_str()).collect();
        out.push(Block::Item {
            lead: d.label.clone(),
            text: text.join("; "),
        });
    }
    if !r.digest.is_empty() && !r.quiet_names.is_empty() {
        out.push(Block::Line(
            Rekap::Quiet {
                names: &r.quiet_names.join(", "),
            }
            .text(lang),
        ));
    }
    (title, sub, out)
}

/// A table's cells made safe for a terminal.
fn safe_table(t: &Table) -> Table {
    use super::report::safe_row;
    Table {
        text_cols: t.text_cols,
        header: safe_row(&t.header),
        rows: t.rows.iter().map(|r| safe_row(r)).collect(),
        total: t.total.as_deref().map(safe_row),
    }
}

/// The release for the terminal: columns aligned by display width.
fn plain(r: &Release, campaign: CampaignPeriod, lang: Lang) -> String {
    let (title, sub, blocks) = blocks(r, campaign, lang);
    let mut out = format!("{title}\n{sub}\n");
    for b in blocks {
        match b {
            Block::Heading(h) => {
                let rule = "─".repeat(crate::text::width(&h));
                out += &format!("\n{h}\n{rule}\n");
            }
            Block::Line(l) => {
                for part in crate::text::wrap(&l, WIDTH) {
                    out += &format!("{part}\n");
                }
            }
            Block::Item { lead, text } => {
                let mut first = true;
                for part in crate::text::wrap(&format!("{lead}: {text}"), WIDTH - 4) {
                    out += &format!("{}{part}\n", if first { "  " } else { "      " });
                    first = false;
                }
            }
            Block::Table(t) => {
                let t = safe_table(&t);
                let cols = t.header.len();
                let mut widths = vec![0usize; cols];
                let all = std::iter::once(&t.header)
                    .chain(&t.rows)
                    .chain(t.total.iter());
                for row in all {
                    for (i, c) in row.iter().enumerate() {
                        widths[i] = widths[i].max(crate::text::width(c));
                    }
                }
                let line = |row: &Vec<String>| {
                    let cells: Vec<String> = row
                        .iter()
                        .enumerate()
                        .map(|(i, c)| {
                            if i < t.text_cols {
                                crate::text::pad_right(c, widths[i])
                            } else {
                                crate::text::pad_left(c, widths[i])
                            }
                        })
                        .collect();
                    format!("  {}", cells.join("  ")).trim_end().to_string() + "\n"
                };
                let rule = format!(
                    "  {}\n",
                    "─".repeat(widths.iter().sum::<usize>() + 2 * (cols - 1))
                );
                out += "\n";
                out += &line(&t.header);
                out += &rule;
                for row in &t.rows {
                    out += &line(row);
                }
                if let Some(total) = &t.total {
                    out += &rule;
                    out += &line(total);
                }
                out += "\n";
            }
        }
    }
    // One empty line between parts, however they meet.
    while out.contains("\n\n\n") {
        out = out.replace("\n\n\n", "\n\n");
    }
    crate::text::safe_lines(&out).into_owned()
}

/// The width the terminal form wraps its sentences at.
const WIDTH: usize = 96;

/// The release in Markdown, to paste into a report.
fn markdown(r: &Release, campaign: CampaignPeriod, lang: Lang) -> String {
    let esc = |s: &str| crate::text::safe(s).replace('|', "\\|");
    let (title, sub, blocks) = blocks(r, campaign, lang);
    let mut out = format!("## {}\n\n{}\n", esc(&title), esc(&sub));
    let mut in_list = false;
    for b in blocks {
        if in_list && !matches!(b, Block::Item { .. }) {
            in_list = false;
            out += "\n";
        }
        match b {
            Block::Heading(h) => out += &format!("\n### {}\n\n", esc(&h)),
            Block::Line(l) => out += &format!("{}\n\n", esc(&l)),
            Block::Item { lead, text } => {
                in_list = true;
                out += &format!("- **{}**: {}\n", esc(&lead), esc(&text));
            }
            Block::Table(t) => {
                let row = |cells: &[String], bold: bool| {
                    let cells: Vec<String> = cells
                        .iter()
                        .map(|c| match (bold, c.is_empty()) {
                            (true, false) => format!("**{}**", esc(c)),
                            _ => esc(c),
                        })
                        .collect();
                    format!("| {} |\n", cells.join(" | "))
                };
                out += &row(&t.header, false);
                out += &format!(
                    "|{}\n",
                    (0..t.header.len())
                        .map(|i| if i < t.text_cols { " --- |" } else { " ---: |" })
                        .collect::<String>()
                );
                for r in &t.rows {
                    out += &row(r, false);
                }
                if let Some(total) = &t.total {
                    out += &row(total, true);
                }
                out += "\n";
            }
        }
    }
    while out.contains("\n\n\n") {
        out = out.replace("\n\n\n", "\n\n");
    }
    out.trim_end().to_string() + "\n"
}
