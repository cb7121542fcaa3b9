//! The oracle: for many random views over a generated database of two elections (Pemilu 2024 and
//! Pilkada 2024, each case under its own election's stages and contests), every count the engine
//! gives equals a brute-force filter over all cases in Rust, and paging through the list visits
//! exactly those cases in the view's order. A view that names no election is of the default one.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use pantau::domain::{
    Case, DayCount, DeadlineRules, FollowUpStep, Forwarding, PartyCategory, Reference, Source,
    Status, StatusChange, TypeGroup, ViolationType,
};
use pantau::engine::campaign::{pekan_report, pekan_table};
use pantau::engine::index::CaseIndex;
use pantau::engine::summary::{Summary, Wanted};
use pantau::engine::{Cursor, Dim, Engine, PageRequest};
use pantau::i18n::Lang;
use pantau::store::Store;
use pantau::view::{
    DateExpr, Elections, Flag, FollowUpValue, Sort, SortKey, Term, TermKind, TextTerm, View,
};
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "politik", "uang", "minyak", "goreng", "asn", "kampanye", "sekolah", "baliho", "desa", "kepala",
];

pub(crate) fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 3, 1).unwrap()
}

pub(crate) struct Stored {
    pub(crate) id: i64,
    pub(crate) case: Case,
    pub(crate) history: Vec<StatusChange>,
    /// Steps after forwarding, with their dates.
    pub(crate) steps: Vec<(FollowUpStep, NaiveDate)>,
    /// Transfers and take-overs: the day each took effect, from and to which office.
    pub(crate) moves: Vec<(NaiveDate, String, String)>,
}

/// The Panwaslu Kecamatan that handle some of the fixture's cases.
const KECAMATAN_OFFICES: [&str; 3] = ["64.72.01", "64.72.03", "64.71.06"];

/// The kecamatan the fixture's cases happen in: Samarinda's, and two elsewhere.
fn kecamatan_pool() -> Vec<String> {
    let r = Reference::embedded();
    r.kecamatan_in("64.72")
        .iter()
        .map(|k| k.code.clone())
        .chain(["64.71.06".to_string(), "64.02.06".to_string()])
        .collect()
}

/// A few desa of two of those kecamatan.
fn desa_pool() -> Vec<String> {
    let r = Reference::embedded();
    ["64.72.03", "64.71.06"]
        .iter()
        .flat_map(|k| r.desa_in(k).iter().take(3))
        .map(|d| d.code.clone())
        .collect()
}

/// The office handling a case on the view's date (docs/regions.md): without an as-of date, its
/// office now.
fn office_on(s: &Stored, view: &View) -> String {
    let Some(d) = view.as_of else {
        return s.case.kode_wilayah.clone();
    };
    let as_of = d.resolve(today());
    match s.moves.iter().rev().find(|(on, _, _)| *on <= as_of) {
        Some((_, _, to)) => to.clone(),
        None => s
            .moves
            .first()
            .map_or_else(|| s.case.kode_wilayah.clone(), |(_, from, _)| from.clone()),
    }
}

fn generate(store: &mut Store, n: usize, seed: u64) -> Vec<Stored> {
    let reference = Reference::embedded();
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut out = Vec::new();
    let tx = store.conn_mut().transaction().unwrap();
    for i in 0..n {
        // A third are Pilkada 2024's, under its stages and contests.
        let (election, start, days) = if rng.u8(..3) == 0 {
            (
                "PILKADA2024",
                NaiveDate::from_ymd_opt(2024, 2, 1).unwrap(),
                300,
            )
        } else {
            (
                "PEMILU2024",
                NaiveDate::from_ymd_opt(2023, 10, 1).unwrap(),
                150,
            )
        };
        let e = reference.election(election).unwrap();
        let received = start + Duration::days(rng.i64(0..days));
        let source = if rng.bool() {
            Source::Temuan
        } else {
            Source::Laporan
        };
        let offices: Vec<&str> = reference
            .regions
            .iter()
            .map(|r| r.code.as_str())
            .chain(KECAMATAN_OFFICES)
            .collect();
        let region = offices[rng.usize(..offices.len())];
        let stage = &e.stages[rng.usize(..e.stages.len())].code;
        let mut case = Case::new(
            election,
            &format!("{i:03}/X/{}", rng.u32(..)),
            source,
            region,
            stage,
            received,
        );
        case.kontestasi = rng
            .bool()
            .then(|| e.contests[rng.usize(..e.contests.len())].code.clone());
        case.uraian = (0..rng.usize(3..9))
            .map(|_| WORDS[rng.usize(..WORDS.len())])
            .collect::<Vec<_>>()
            .join(" ");
        case.terlapor = rng
            .bool()
            .then(|| WORDS[rng.usize(..WORDS.len())].to_uppercase());
        case.kecamatan = Some("Balikpapan Kota".into());
        // Where it happened: a kecamatan (with a desa of it, at times), a TPS.
        let kecamatan = kecamatan_pool();
        case.kode_kecamatan =
            (rng.u8(..4) > 0).then(|| kecamatan[rng.usize(..kecamatan.len())].clone());
        let desa: Vec<String> = desa_pool()
            .into_iter()
            .filter(|d| {
                case.kode_kecamatan
                    .as_ref()
                    .is_some_and(|k| d.starts_with(k.as_str()))
            })
            .collect();
        case.kode_desa =
            (!desa.is_empty() && rng.bool()).then(|| desa[rng.usize(..desa.len())].clone());
        case.tps = (rng.u8(..3) == 0).then(|| rng.u16(1..6));
        // Known up to three weeks before: some laporan are filed after their 7 working days.
        case.tanggal_diketahui = rng
            .bool()
            .then(|| received - Duration::days(rng.i64(0..21)));
        case.diperpanjang = rng.u8(..4) == 0;
        let types = ViolationType::ALL;
        case.jenis_dugaan = (rng.u8(..5) > 0).then(|| types[rng.usize(..types.len())]);
        let mut at: NaiveDateTime = received.and_hms_opt(9, 0, 0).unwrap();
        let mut history = vec![StatusChange {
            from: None,
            to: case.status,
            at,
            by: "t".into(),
            note: None,
        }];
        for _ in 0..rng.usize(0..4) {
            let to = Status::ALL[rng.usize(..Status::ALL.len())];
            at += Duration::hours(rng.i64(1..24 * 20));
            if to == Status::Diregistrasi && case.tanggal_registrasi.is_none() {
                case.tanggal_registrasi = Some(at.date());
            }
            if to == Status::Pelanggaran {
                case.jenis_pelanggaran = Some(types[rng.usize(..4)]);
            }
            history.push(StatusChange {
                from: Some(case.status),
                to,
                at,
                by: "t".into(),
                note: None,
            });
            case.status = to;
        }
        case.kategori_terlapor = Some(PartyCategory::Asn);
        // Some cases are forwarded whatever their status, so `lanjut:none` meets both kinds of
        // forwarded case (and cases decided a violation without a forwarding).
        case.diteruskan_ke =
            (rng.u8(..4) == 0).then(|| [Forwarding::Kpu, Forwarding::Gakkumdu][rng.usize(..2)]);
        // One case in six moves once or twice between offices after it was received.
        let mut moves: Vec<(NaiveDate, String, String)> = Vec::new();
        if rng.u8(..6) == 0 {
            let mut on = received;
            for _ in 0..rng.usize(1..3) {
                on += Duration::days(rng.i64(1..90));
                let from = moves.last().map_or(region.to_string(), |m| m.2.clone());
                let to = offices[rng.usize(..offices.len())].to_string();
                if to == from {
                    continue;
                }
                moves.push((on, from, to));
            }
            if let Some(last) = moves.last() {
                case.kode_wilayah = last.2.clone();
            }
        }
        let id = pantau::store::write::insert_case(&tx, &case, &history, None, at).unwrap();
        for (on, from, to) in &moves {
            let kind = if rng.bool() {
                "dilimpahkan"
            } else {
                "diambil_alih"
            };
            tx.execute(
                "INSERT INTO handling_history (case_id, on_date, from_office, to_office, kind, \
                 changed_at, changed_by) VALUES (?1, ?2, ?3, ?4, ?5, '2024-03-01 00:00:00', 't')",
                rusqlite::params![id, on.to_string(), from, to, kind],
            )
            .unwrap();
        }
        let mut steps: Vec<(FollowUpStep, NaiveDate)> = Vec::new();
        for _ in 0..rng.usize(0..3) {
            let step = FollowUpStep::ALL[rng.usize(..FollowUpStep::ALL.len())];
            let on = received + Duration::days(rng.i64(0..120));
            if steps.contains(&(step, on)) {
                continue;
            }
            tx.execute(
                "INSERT INTO follow_ups (case_id, step, happened_on, recorded_at, recorded_by) \
                 VALUES (?1, ?2, ?3, '2024-03-01 00:00:00', 't')",
                rusqlite::params![id, step.code(), on.to_string()],
            )
            .unwrap();
            steps.push((step, on));
        }
        out.push(Stored {
            id,
            case,
            history,
            steps,
            moves,
        });
    }
    tx.commit().unwrap();
    out
}

fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn text_matches(c: &Case, t: &TextTerm) -> bool {
    let fields = [
        Some(&c.nomor),
        c.nomor_registrasi.as_ref(),
        Some(&c.uraian),
        c.terlapor.as_ref(),
        c.pelapor.as_ref(),
        c.kecamatan.as_ref(),
        c.pasal.as_ref(),
    ];
    let hit = fields.iter().flatten().any(|f| {
        let toks = tokens(f);
        if t.phrase {
            let want = tokens(&t.text);
            !want.is_empty() && toks.windows(want.len()).any(|w| w == want.as_slice())
        } else if let Some(prefix) = t.text.strip_suffix('*') {
            let p = prefix.to_lowercase();
            toks.iter().any(|x| x.starts_with(&p))
        } else {
            let want = tokens(&t.text);
            !want.is_empty() && toks.windows(want.len()).any(|w| w == want.as_slice())
        }
    });
    hit != t.negated
}

/// What the engine must say about one case under a view.
pub(crate) struct Facts {
    status: Status,
    tg: TypeGroup,
    reg: bool,
    due: Option<NaiveDate>,
    overdue: bool,
    late: bool,
    /// The office handling the case on the view's date.
    office: String,
}

fn facts(s: &Stored, view: &View, rules: &DeadlineRules) -> Option<Facts> {
    let as_of = view.as_of.map(|d| d.resolve(today())).unwrap_or(today());
    if s.case.tanggal_diterima > as_of {
        return None;
    }
    let status = if view.as_of.is_some() {
        s.history
            .iter()
            .rfind(|h| h.at.date() <= as_of)
            .map(|h| h.to)
            .unwrap_or(s.case.status)
    } else {
        s.case.status
    };
    let reg_date = s.case.tanggal_registrasi.filter(|d| *d <= as_of);
    // Each case under its own election's limits (none known: no deadline, never late).
    let limits = rules.limits(&s.case.election);
    let due = limits
        .and_then(|l| {
            rules.deadline(
                l,
                status,
                s.case.tanggal_diketahui,
                s.case.tanggal_diterima,
                reg_date,
                s.case.diperpanjang,
            )
        })
        .map(|d| d.due);
    Some(Facts {
        office: office_on(s, view),
        status,
        tg: Case::type_group(status, s.case.jenis_dugaan, s.case.jenis_pelanggaran),
        reg: reg_date.is_some(),
        due,
        overdue: due.is_some_and(|d| d < as_of),
        late: limits.is_some_and(|l| {
            rules.is_late(
                l,
                s.case.sumber == Source::Laporan,
                s.case.tanggal_diketahui,
                s.case.tanggal_diterima,
            )
        }),
    })
}

/// The election a view that names none is of on `as_of`, for the fixture's database (which holds
/// cases of both): Pemilu 2024 until Pilkada 2024's period begins (5 May 2024); from then on
/// Pilkada 2024, which votes sooner while both periods hold, alone holds the date after Pemilu
/// 2024's ends, and is the latest after its own.
fn default_election(as_of: NaiveDate) -> &'static str {
    if as_of < NaiveDate::from_ymd_opt(2024, 5, 5).unwrap() {
        "PEMILU2024"
    } else {
        "PILKADA2024"
    }
}

/// `view` as it is answered: naming no election, it is of the default one, its pekan counted in
/// that election's campaign.
fn as_answered(view: &View) -> View {
    if view
        .terms
        .iter()
        .any(|t| matches!(t.kind, TermKind::Election(_)))
    {
        return view.clone();
    }
    let as_of = view.as_of.map(|d| d.resolve(today())).unwrap_or(today());
    let code = default_election(as_of);
    let campaign = Reference::embedded()
        .election(code)
        .unwrap()
        .campaign_period()
        .unwrap();
    let mut v = view.clone();
    for t in &mut v.terms {
        if let TermKind::Pekan(p) = &mut t.kind {
            *p = p.iter().filter_map(|k| campaign.pekan(k.number)).collect();
        }
    }
    v.terms.push(Term {
        negated: false,
        kind: TermKind::Election(Elections::Codes(vec![code.to_string()])),
    });
    v
}

/// The elections a view's figures are of.
fn elections_of(view: &View) -> Vec<&'static str> {
    let view = as_answered(view);
    ["PEMILU2024", "PILKADA2024"]
        .into_iter()
        .filter(|code| {
            view.terms.iter().all(|t| match &t.kind {
                TermKind::Election(Elections::All) => !t.negated,
                TermKind::Election(Elections::Codes(c)) => c.iter().any(|x| x == code) != t.negated,
                _ => true,
            })
        })
        .collect()
}

/// The handling region of an office: a Panwaslu Kecamatan's is its kabupaten/kota.
fn handling_region(office: &str) -> &str {
    if office.matches('.').count() == 2 {
        office.rsplit_once('.').map_or(office, |(p, _)| p)
    } else {
        office
    }
}

/// The province of an office, `RI` for Bawaslu RI.
fn province(office: &str) -> &str {
    office.split('.').next().unwrap_or(office)
}

/// `as_of` is the date the view is counted at: a relative `from:`/`to:` counts from it.
fn term_matches(s: &Stored, f: &Facts, t: &Term, as_of: NaiveDate) -> bool {
    let c = &s.case;
    let hit = match &t.kind {
        TermKind::Election(Elections::All) => true,
        TermKind::Election(Elections::Codes(v)) => v.contains(&c.election),
        TermKind::Contest(v) => c.kontestasi.as_ref().is_some_and(|k| v.contains(k)),
        TermKind::Region(v) => v.iter().any(|r| r == handling_region(&f.office)),
        TermKind::Stage(v) => v.contains(&c.kode_tahapan),
        TermKind::Type(v) => v.contains(&f.tg),
        TermKind::Status(v) => v.contains(&f.status),
        TermKind::Source(v) => v.contains(&c.sumber),
        TermKind::From(d) => c.tanggal_diterima >= d.resolve(as_of),
        TermKind::To(d) => c.tanggal_diterima <= d.resolve(as_of),
        TermKind::Pekan(v) => v.iter().any(|p| p.holds(c.tanggal_diterima)),
        TermKind::Is(Flag::Open) => f.status.is_open(),
        TermKind::Is(Flag::Closed) => !f.status.is_open(),
        TermKind::Is(Flag::Overdue) => f.overdue,
        TermKind::Is(Flag::Registered) => f.reg,
        TermKind::Is(Flag::Violation) => f.status == Status::Pelanggaran,
        TermKind::Is(Flag::Late) => f.late,
        // No baseline is in force here: no case is new.
        TermKind::Is(Flag::New) => false,
        TermKind::Is(Flag::Transferred) => s.moves.iter().any(|(on, _, _)| *on <= as_of),
        TermKind::Province(v) => v.iter().any(|p| p == province(&f.office)),
        TermKind::Kecamatan(v) => v.contains(&c.kode_kecamatan.clone().unwrap_or_default()),
        TermKind::Desa(v) => v.contains(&c.kode_desa.clone().unwrap_or_default()),
        TermKind::Tps(v) => v.contains(&c.tps.unwrap_or(0)),
        TermKind::FollowUp(v) => v.iter().any(|x| match x {
            FollowUpValue::Step(want) => s
                .steps
                .iter()
                .any(|(step, on)| step == want && *on <= as_of),
            FollowUpValue::NoStep => {
                (c.diteruskan_ke.is_some() || f.status == Status::Pelanggaran)
                    && !s.steps.iter().any(|(_, on)| *on <= as_of)
            }
        }),
    };
    hit != t.negated
}

pub(crate) fn brute<'a>(
    all: &'a [Stored],
    view: &View,
    rules: &DeadlineRules,
) -> Vec<(&'a Stored, Facts)> {
    let view = &as_answered(view);
    let as_of = view.as_of.map(|d| d.resolve(today())).unwrap_or(today());
    all.iter()
        .filter_map(|s| facts(s, view, rules).map(|f| (s, f)))
        .filter(|(s, f)| view.terms.iter().all(|t| term_matches(s, f, t, as_of)))
        .filter(|(s, _)| view.text.iter().all(|t| text_matches(&s.case, t)))
        .collect()
}

fn date_expr() -> impl Strategy<Value = DateExpr> {
    prop_oneof![
        // Up to January 2025: Pilkada 2024's days too.
        (0i64..480).prop_map(|d| DateExpr::Date(
            NaiveDate::from_ymd_opt(2023, 9, 20).unwrap() + Duration::days(d)
        )),
        Just(DateExpr::Today),
        (0u32..150).prop_map(DateExpr::DaysAgo),
    ]
}

fn term() -> impl Strategy<Value = Term> {
    let r = Reference::embedded();
    let regions: Vec<String> = r.regions.iter().map(|x| x.code.clone()).collect();
    let stages: Vec<String> = r.stage_codes().into_iter().map(str::to_string).collect();
    let contests: Vec<String> = r.contest_codes().into_iter().map(str::to_string).collect();
    let elections: Vec<String> = r.elections.iter().map(|e| e.code.clone()).collect();
    let pekan = r.campaign_period().unwrap().all();
    let kind = prop_oneof![
        prop_oneof![
            Just(Elections::All),
            proptest::sample::subsequence(elections, 1..3).prop_map(Elections::Codes),
        ]
        .prop_map(TermKind::Election),
        proptest::sample::subsequence(contests, 1..4).prop_map(TermKind::Contest),
        proptest::sample::subsequence(pekan, 1..4).prop_map(TermKind::Pekan),
        proptest::sample::subsequence(regions, 1..4).prop_map(TermKind::Region),
        proptest::sample::subsequence(["64", "32", "RI"].map(String::from).to_vec(), 1..2)
            .prop_map(TermKind::Province),
        proptest::sample::subsequence(
            kecamatan_pool()
                .into_iter()
                .chain([String::new()])
                .collect::<Vec<_>>(),
            1..4
        )
        .prop_map(TermKind::Kecamatan),
        proptest::sample::subsequence(
            desa_pool()
                .into_iter()
                .chain([String::new()])
                .collect::<Vec<_>>(),
            1..3
        )
        .prop_map(TermKind::Desa),
        proptest::sample::subsequence((0u16..6).collect::<Vec<_>>(), 1..3).prop_map(TermKind::Tps),
        proptest::sample::subsequence(stages, 1..4).prop_map(TermKind::Stage),
        proptest::sample::subsequence(TypeGroup::ALL.to_vec(), 1..3).prop_map(TermKind::Type),
        proptest::sample::subsequence(Status::ALL.to_vec(), 1..5).prop_map(TermKind::Status),
        proptest::sample::subsequence(Source::ALL.to_vec(), 1..2).prop_map(TermKind::Source),
        date_expr().prop_map(TermKind::From),
        date_expr().prop_map(TermKind::To),
        proptest::sample::select(vec![
            Flag::Open,
            Flag::Closed,
            Flag::Overdue,
            Flag::Registered,
            Flag::Violation,
            Flag::Late,
            Flag::Transferred
        ])
        .prop_map(TermKind::Is),
        proptest::sample::subsequence(
            FollowUpStep::ALL
                .iter()
                .map(|s| FollowUpValue::Step(*s))
                .chain([FollowUpValue::NoStep])
                .collect::<Vec<_>>(),
            1..3
        )
        .prop_map(TermKind::FollowUp),
        Just(TermKind::FollowUp(vec![FollowUpValue::NoStep])),
    ];
    (any::<bool>(), kind).prop_map(|(negated, kind)| {
        let negated = negated && !matches!(kind, TermKind::From(_) | TermKind::To(_));
        Term { negated, kind }
    })
}

fn text_term() -> impl Strategy<Value = TextTerm> {
    (
        any::<bool>(),
        0usize..3,
        proptest::sample::select(WORDS.to_vec()),
        proptest::sample::select(WORDS.to_vec()),
    )
        .prop_map(|(negated, shape, a, b)| match shape {
            0 => TextTerm {
                negated,
                phrase: false,
                text: a.to_string(),
            },
            1 => TextTerm {
                negated,
                phrase: false,
                text: format!("{}*", &a[..3]),
            },
            _ => TextTerm {
                negated,
                phrase: true,
                text: format!("{a} {b}"),
            },
        })
}

fn view() -> impl Strategy<Value = View> {
    let sort_keys = vec![
        SortKey::Received,
        SortKey::Number,
        SortKey::Region,
        SortKey::Stage,
        SortKey::Status,
        SortKey::Type,
        SortKey::Due,
    ];
    (
        proptest::collection::vec(term(), 0..4),
        proptest::collection::vec(text_term(), 0..2),
        proptest::option::of(date_expr()),
        proptest::option::of((proptest::sample::select(sort_keys), any::<bool>())),
    )
        .prop_map(|(terms, text, as_of, sort)| View {
            terms,
            text,
            as_of,
            sort: sort.map(|(key, descending)| Sort { key, descending }),
        })
}

fn sort_value(s: &Stored, f: &Facts, key: SortKey, r: &Reference) -> String {
    match key {
        SortKey::Received => s.case.tanggal_diterima.to_string(),
        SortKey::Number => s.case.nomor.clone(),
        SortKey::Region => format!("{:08}", r.office(&s.case.kode_wilayah).unwrap().position),
        SortKey::Stage => format!(
            "{:04}",
            r.election(&s.case.election)
                .unwrap()
                .stage(&s.case.kode_tahapan)
                .unwrap()
                .position
        ),
        SortKey::Status => format!(
            "{:04}",
            Status::ALL.iter().position(|x| *x == f.status).unwrap()
        ),
        SortKey::Type => format!(
            "{:04}",
            TypeGroup::ALL.iter().position(|x| *x == f.tg).unwrap()
        ),
        SortKey::Due => f
            .due
            .map(|d| d.to_string())
            .unwrap_or_else(|| "9999-12-31".into()),
    }
}

pub(crate) struct Fixture {
    pub(crate) store: Store,
    pub(crate) cases: Vec<Stored>,
    pub(crate) rules: DeadlineRules,
}

fn fixture() -> Fixture {
    let mut store = Store::memory().unwrap();
    let cases = generate(&mut store, 300, 42);
    let reference = Reference::embedded();
    let rules = DeadlineRules::new(DayCount::Working, reference.holidays.iter().map(|h| h.date));
    Fixture {
        store,
        cases,
        rules,
    }
}

/// Every count and every page of `engine` for `view` against the brute-force answer.
pub(crate) fn check(engine: &Engine<'_>, fx: &Fixture, view: &View) -> Result<(), TestCaseError> {
    let view = view.clone();
    let expected = brute(&fx.cases, &view, &fx.rules);

    let h = engine.headline(&view).unwrap();
    prop_assert_eq!(h.total, expected.len() as i64);
    prop_assert_eq!(
        h.registered,
        expected.iter().filter(|(_, f)| f.reg).count() as i64
    );
    prop_assert_eq!(
        h.overdue,
        expected.iter().filter(|(_, f)| f.overdue).count() as i64
    );
    prop_assert_eq!(
        h.in_process,
        expected.iter().filter(|(_, f)| f.status.is_open()).count() as i64
    );
    prop_assert_eq!(
        h.violations,
        expected
            .iter()
            .filter(|(_, f)| f.status == Status::Pelanggaran)
            .count() as i64
    );
    prop_assert_eq!(
        h.temuan,
        expected
            .iter()
            .filter(|(s, _)| s.case.sumber == Source::Temuan)
            .count() as i64
    );

    let reference = Reference::embedded();
    for dim in [
        Dim::Region,
        Dim::Stage,
        Dim::Type,
        Dim::Status,
        Dim::Source,
        Dim::Pekan,
        Dim::Election,
        Dim::Contest,
        Dim::Kecamatan,
        Dim::Desa,
        Dim::Province,
    ] {
        let mut want: HashMap<String, i64> = HashMap::new();
        for (s, f) in &expected {
            let key = match dim {
                // A case's pekan is one of its own election's campaign.
                Dim::Pekan => reference
                    .election(&s.case.election)
                    .and_then(|e| e.campaign_period())
                    .and_then(|c| c.number_of(s.case.tanggal_diterima))
                    .unwrap_or(0)
                    .to_string(),
                Dim::Election => s.case.election.clone(),
                Dim::Contest => s.case.kontestasi.clone().unwrap_or_else(|| "NONE".into()),
                Dim::Region => handling_region(&f.office).to_string(),
                Dim::Province => province(&f.office).to_string(),
                Dim::Kecamatan => s
                    .case
                    .kode_kecamatan
                    .clone()
                    .unwrap_or_else(|| "NONE".into()),
                Dim::Desa => s.case.kode_desa.clone().unwrap_or_else(|| "NONE".into()),
                Dim::Stage => s.case.kode_tahapan.clone(),
                Dim::Type => f.tg.code().to_string(),
                Dim::Status => f.status.code().to_string(),
                _ => s.case.sumber.code().to_string(),
            };
            *want.entry(key).or_default() += 1;
        }
        let groups = engine.group(&view, dim, Lang::En).unwrap();
        if dim == Dim::Election {
            let keys: Vec<&str> = groups.iter().map(|g| g.key.as_str()).collect();
            prop_assert_eq!(keys, elections_of(&view), "the elections in view");
        }
        prop_assert_eq!(
            groups.iter().map(|g| g.count).sum::<i64>(),
            expected.len() as i64,
            "{:?}: every case in one group",
            dim
        );
        for g in groups {
            prop_assert_eq!(
                g.count,
                want.get(&g.key).copied().unwrap_or(0),
                "{:?} {}",
                dim,
                g.key
            );
        }
    }

    let rows = engine.region_table(&view, Lang::Id).unwrap();
    prop_assert_eq!(rows.iter().map(|r| r.figures.total).sum::<i64>(), h.total);
    // Each region's kecamatan table adds up to its row, and each row to its cases.
    for row in rows.iter().filter(|r| r.figures.total > 0).take(3) {
        let level = pantau::engine::Level::Kecamatan(row.code.clone());
        let table = engine.area_table(&view, &level, Lang::En).unwrap();
        prop_assert_eq!(
            table.iter().map(|r| r.figures.total).sum::<i64>(),
            row.figures.total
        );
        for k in table.iter().filter(|k| k.figures.total > 0) {
            let want = expected
                .iter()
                .filter(|(s, f)| {
                    handling_region(&f.office) == row.code
                        && s.case.kode_kecamatan.as_deref().unwrap_or("NONE") == k.code
                })
                .count() as i64;
            prop_assert_eq!(k.figures.total, want, "{} {}", row.code, k.code);
        }
    }

    // Paging forward through everything visits exactly the expected cases, in order.
    let sort = view.sort.unwrap_or(Sort {
        key: SortKey::Received,
        descending: false,
    });
    let r = Reference::embedded();
    let mut want: Vec<(String, i64)> = expected
        .iter()
        .map(|(s, f)| (sort_value(s, f, sort.key, &r), s.id))
        .collect();
    want.sort();
    if sort.descending {
        want.reverse();
    }
    let want_ids: Vec<i64> = want.iter().map(|(_, id)| *id).collect();
    let mut got = Vec::new();
    let mut req = PageRequest::first(7);
    loop {
        let page = engine.page(&view, &req).unwrap();
        got.extend(page.rows.iter().map(|r| r.id));
        if !page.more {
            break;
        }
        req = PageRequest {
            anchor: page.next(),
            backward: false,
            limit: 7,
        };
    }
    prop_assert_eq!(&got, &want_ids);

    // And backward from the end gives the same order.
    let mut back = Vec::new();
    let mut req = PageRequest {
        anchor: None,
        backward: true,
        limit: 5,
    };
    loop {
        let page = engine.page(&view, &req).unwrap();
        let mut ids: Vec<i64> = page.rows.iter().map(|r| r.id).collect();
        ids.extend(back);
        back = ids;
        if !page.more {
            break;
        }
        req = PageRequest {
            anchor: page.prev(),
            backward: true,
            limit: 5,
        };
    }
    prop_assert_eq!(&back, &want_ids);
    Ok(())
}

/// The column index of the fixture's database.
pub(crate) fn index_of(fx: &Fixture) -> Arc<CaseIndex> {
    let reference = fx.store.reference().unwrap();
    Arc::new(CaseIndex::build(&fx.store, &reference).unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn every_count_equals_a_brute_force_filter(view in view()) {
        let fx = fixture();
        let sql = Engine::new(&fx.store, today(), fx.rules.clone()).unwrap();
        check(&sql, &fx, &view)?;
    }

    #[test]
    fn the_column_index_answers_as_sql_and_the_brute_force_do(view in view(), threads in 1usize..4) {
        let fx = fixture();
        let sql = Engine::new(&fx.store, today(), fx.rules.clone()).unwrap();
        let mut indexed = Engine::new(&fx.store, today(), fx.rules.clone()).unwrap();
        indexed.set_index(Some(index_of(&fx)));
        // Small enough that the 300 cases are split between threads, as a million would be.
        indexed.set_parallel_from(if threads == 1 { usize::MAX } else { 1 });
        check(&indexed, &fx, &view)?;

        // Beyond the brute force: weeks, cross-tabs, the dashboard, rows and cursors, positions.
        prop_assert_eq!(indexed.group(&view, Dim::Week, Lang::En).unwrap(), sql.group(&view, Dim::Week, Lang::En).unwrap());
        prop_assert_eq!(
            indexed.cross(&view, (Dim::Region, Dim::Status)).unwrap(),
            sql.cross(&view, (Dim::Region, Dim::Status)).unwrap()
        );
        prop_assert_eq!(
            indexed.cross(&view, (Dim::Pekan, Dim::Type)).unwrap(),
            sql.cross(&view, (Dim::Pekan, Dim::Type)).unwrap()
        );
        prop_assert_eq!(
            indexed.cross(&view, (Dim::Election, Dim::Contest)).unwrap(),
            sql.cross(&view, (Dim::Election, Dim::Contest)).unwrap()
        );
        prop_assert_eq!(
            indexed.cross(&view, (Dim::Contest, Dim::Stage)).unwrap(),
            sql.cross(&view, (Dim::Contest, Dim::Stage)).unwrap()
        );
        prop_assert_eq!(indexed.dashboard(&view, Lang::Id).unwrap(), sql.dashboard(&view, Lang::Id).unwrap());
        // A report's counts in one pass (SQL: one statement) are its parts asked one by one.
        for (first, second) in [
            (Dim::Region, None),
            (Dim::Status, Some(Dim::Region)),
            (Dim::Region, Some(Dim::Status)),
            (Dim::Pekan, Some(Dim::Type)),
            (Dim::Kecamatan, Some(Dim::Status)),
            (Dim::Desa, None),
            (Dim::FollowUp, Some(Dim::Contest)),
            (Dim::Violation, Some(Dim::Source)),
        ] {
            let headline = sql.headline(&view).unwrap();
            let parts = Summary {
                groups: sql.group(&view, first, Lang::Id).unwrap(),
                total: headline.total,
                headline: Some(headline),
                cross: second.map(|b| sql.cross(&view, (first, b)).unwrap()),
            };
            let dims = (first, second);
            prop_assert_eq!(&sql.summary(&view, dims, Wanted::Headline, Lang::Id).unwrap(), &parts);
            prop_assert_eq!(&indexed.summary(&view, dims, Wanted::Headline, Lang::Id).unwrap(), &parts);
            // Asked for the total alone (a table prints no other figure), the same less the rest.
            let total_only = Summary { headline: None, ..parts };
            prop_assert_eq!(&sql.summary(&view, dims, Wanted::Total, Lang::Id).unwrap(), &total_only);
            prop_assert_eq!(&indexed.summary(&view, dims, Wanted::Total, Lang::Id).unwrap(), &total_only);
        }
        // The pekan table of a report (no split by type) is the screen's, summed over types.
        for engine in [&sql, &indexed] {
            let split = pekan_table(engine, &view).unwrap();
            let (plain, summary) = pekan_report(engine, &view, Wanted::Total).unwrap();
            prop_assert_eq!(plain.outside, split.outside);
            prop_assert_eq!(plain.outside_by_type, None);
            prop_assert_eq!(
                split.outside_by_type.map(|t| t.iter().sum::<i64>()),
                Some(split.outside)
            );
            prop_assert_eq!(plain.pekan.len(), split.pekan.len());
            for (p, s) in plain.pekan.iter().zip(&split.pekan) {
                prop_assert_eq!(p.by_type, None);
                prop_assert_eq!(s.by_type.map(|t| t.iter().sum::<i64>()), Some(s.cases));
                prop_assert_eq!((p.cases, p.cases_cumulative), (s.cases, s.cases_cumulative));
                prop_assert_eq!((p.activities, &p.busiest), (s.activities, &s.busiest));
            }
            // Of one election, every case is in a pekan or outside the campaign (a report refuses
            // a view of several: their pekan do not add up).
            if engine.elections_in_view(&view).unwrap().len() == 1 {
                let in_table = plain.pekan.iter().map(|p| p.cases).sum::<i64>() + plain.outside;
                prop_assert_eq!(in_table, summary.total);
            }
        }
        prop_assert_eq!(
            indexed.cross(&view, (Dim::Kecamatan, Dim::Status)).unwrap(),
            sql.cross(&view, (Dim::Kecamatan, Dim::Status)).unwrap()
        );
        prop_assert_eq!(
            indexed.cross(&view, (Dim::Province, Dim::Desa)).unwrap(),
            sql.cross(&view, (Dim::Province, Dim::Desa)).unwrap()
        );
        for level in ["64", "64.72", "64.71"] {
            let level = pantau::engine::Level::Kecamatan(level.to_string());
            prop_assert_eq!(
                indexed.area_table(&view, &level, Lang::Id).unwrap(),
                sql.area_table(&view, &level, Lang::Id).unwrap()
            );
        }
        let mut req = PageRequest::first(6);
        for _ in 0..3 {
            let a = indexed.page(&view, &req).unwrap();
            let b = sql.page(&view, &req).unwrap();
            prop_assert_eq!(&a, &b);
            for row in &a.rows {
                let cursor = Cursor { value: row.cursor.0.clone().unwrap(), id: row.id };
                prop_assert_eq!(indexed.position(&view, &cursor).unwrap(), sql.position(&view, &cursor).unwrap());
            }
            req.anchor = a.next();
            if !a.more { break; }
        }
    }
}

/// The fixture holds cases of both elections whose deadline or lateness would differ under the
/// other election's limits (Pemilu 2024: 7 working days from registration, a filing limit of 7
/// working days; Pilkada 2024: 3 calendar days from receipt, 7 calendar days to file), and SQL,
/// the column index and the brute force agree on each election's overdue and late cases, on
/// days of either election's period: each case is judged by its own election's rules.
#[test]
fn each_election_is_judged_by_its_own_rules_in_sql_the_index_and_the_brute_force() {
    let fx = fixture();
    let reference = Reference::embedded();
    let both = ["PEMILU2024", "PILKADA2024"];
    for (code, other) in [(both[0], both[1]), (both[1], both[0])] {
        let own = fx.rules.limits(code).unwrap();
        let theirs = fx.rules.limits(other).unwrap();
        let (mut due_differs, mut late_differs) = (0, 0);
        for c in fx
            .cases
            .iter()
            .map(|s| &s.case)
            .filter(|c| c.election == code)
        {
            let due = |l| {
                fx.rules
                    .deadline(
                        l,
                        c.status,
                        c.tanggal_diketahui,
                        c.tanggal_diterima,
                        c.tanggal_registrasi,
                        c.diperpanjang,
                    )
                    .map(|d| d.due)
            };
            let late = |l| {
                fx.rules.is_late(
                    l,
                    c.sumber == Source::Laporan,
                    c.tanggal_diketahui,
                    c.tanggal_diterima,
                )
            };
            due_differs += usize::from(due(own) != due(theirs));
            late_differs += usize::from(late(own) != late(theirs));
        }
        assert!(
            due_differs > 0,
            "{code}: a deadline only its own rules give"
        );
        assert!(
            late_differs > 0,
            "{code}: a lateness only its own rules give"
        );
    }

    let sql = Engine::new(&fx.store, today(), fx.rules.clone()).unwrap();
    let mut indexed = Engine::new(&fx.store, today(), fx.rules.clone()).unwrap();
    indexed.set_index(Some(index_of(&fx)));
    let mut judged = [0i64; 2];
    for (i, code) in both.iter().enumerate() {
        for day in ["2024-01-15", "2024-03-01", "2024-09-10", "2024-12-01"] {
            for is in ["is:terlambat", "is:lewat", "is:terbuka -is:lewat"] {
                let spec = format!("pemilihan:{code} {is} per:{day}");
                let view = pantau::view::parse(&spec, &reference).unwrap();
                let want = brute(&fx.cases, &view, &fx.rules).len() as i64;
                assert_eq!(sql.headline(&view).unwrap().total, want, "SQL: {spec}");
                assert_eq!(
                    indexed.headline(&view).unwrap().total,
                    want,
                    "index: {spec}"
                );
                if is != "is:terbuka -is:lewat" {
                    judged[i] += want;
                }
            }
        }
    }
    assert!(
        judged.iter().all(|n| *n > 0),
        "late or overdue cases of both: {judged:?}"
    );
}
