//! Prints a view in its one canonical form (English keys, lower-case codes and short names, terms
//! in normalised order), which parses back to the same view; or in the same form with the keys of
//! the interface language (`wilayah:samarinda`), which parses back too. Knows no SQL.

use crate::domain::Reference;
use crate::i18n::Lang;

/// `today` as a date of the filter language.
const TODAY: (&str, &str) = ("hariini", "today");

use super::ast::Elections;
use super::ast::FollowUpValue;
use super::ast::{DateExpr, Sort, Term, TermKind, TextTerm, View};
use super::parse::{ALL_ELECTIONS, FLAGS, KEYS, NO_STEP, SORT_KEYS, normalise};
use super::place::NO_PLACE;

impl View {
    /// The canonical spec of this view: `parse(&view.print(r), r) == Ok(view)` for a normalised
    /// view. The empty view prints as "".
    pub fn print(&self, reference: &Reference) -> String {
        self.print_in(reference, Lang::En)
    }

    /// The spec with the keys, flags and words of `lang` (`wilayah:samarinda is:terbuka`), as a
    /// person reads it on an Indonesian screen; it parses back to the same view in either
    /// language, since the parser knows both.
    pub fn print_in(&self, reference: &Reference, lang: Lang) -> String {
        let mut view = self.clone();
        normalise(&mut view, reference);
        let mut parts: Vec<String> = view
            .terms
            .iter()
            .map(|t| term(t, reference, lang))
            .collect();
        parts.extend(view.text.iter().map(text));
        if let Some(d) = view.as_of {
            parts.push(format!("{}:{}", key("asof", lang), date(d, lang)));
        }
        if let Some(s) = view.sort {
            parts.push(format!("{}:{}", key("sort", lang), sort(s, lang)));
        }
        parts.join(" ")
    }
}

/// Key `en` (its English name) in `lang`.
fn key(en: &'static str, lang: Lang) -> &'static str {
    KEYS.iter()
        .find(|(_, e, _)| *e == en)
        .map_or(en, |(id, en, _)| word(id, en, lang))
}

/// A word of the filter language (a key, a flag, a sort key) in `lang`: the parser's vocabulary,
/// whose tables hold both names.
fn word(id: &'static str, en: &'static str, lang: Lang) -> &'static str {
    match lang {
        Lang::Id => id,
        Lang::En => en,
    }
}

fn term(t: &Term, reference: &Reference, lang: Lang) -> String {
    let (key_en, values) = match &t.kind {
        TermKind::Election(Elections::All) => (
            "election",
            vec![word(ALL_ELECTIONS.0, ALL_ELECTIONS.1, lang).to_string()],
        ),
        TermKind::Election(Elections::Codes(codes)) => {
            ("election", codes.iter().map(|c| c.to_lowercase()).collect())
        }
        TermKind::Contest(codes) => ("contest", codes.iter().map(|c| c.to_lowercase()).collect()),
        TermKind::Region(codes) => (
            "region",
            codes
                .iter()
                .map(|c| {
                    reference
                        .region(c)
                        .map_or_else(|| c.clone(), |r| r.short_name.to_lowercase())
                })
                .collect(),
        ),
        TermKind::Stage(codes) => ("stage", codes.iter().map(|c| c.to_lowercase()).collect()),
        TermKind::Type(v) => ("type", v.iter().map(|x| x.code().to_lowercase()).collect()),
        TermKind::Status(v) => (
            "status",
            v.iter().map(|x| x.code().to_lowercase()).collect(),
        ),
        TermKind::Source(v) => (
            "source",
            v.iter().map(|x| x.code().to_lowercase()).collect(),
        ),
        TermKind::FollowUp(v) => (
            "followup",
            v.iter()
                .map(|x| match x {
                    FollowUpValue::Step(s) => s.code().to_lowercase(),
                    FollowUpValue::NoStep => word(NO_STEP.0, NO_STEP.1, lang).to_string(),
                })
                .collect(),
        ),
        TermKind::Province(codes) => ("province", codes.clone()),
        TermKind::Kecamatan(codes) => ("kecamatan", place_codes(codes, lang)),
        TermKind::Desa(codes) => ("desa", place_codes(codes, lang)),
        TermKind::Tps(numbers) => (
            "tps",
            numbers
                .iter()
                .map(|n| match n {
                    0 => word(NO_PLACE.0, NO_PLACE.1, lang).to_string(),
                    n => n.to_string(),
                })
                .collect(),
        ),
        TermKind::From(d) => ("from", vec![date(*d, lang)]),
        TermKind::To(d) => ("to", vec![date(*d, lang)]),
        TermKind::Pekan(v) => ("pekan", pekan_runs(v)),
        TermKind::Is(flag) => {
            let name = FLAGS
                .iter()
                .find(|(_, _, f)| f == flag)
                .map_or("", |(id, en, _)| word(id, en, lang));
            ("is", vec![name.to_string()])
        }
    };
    let values: Vec<String> = values.iter().map(|v| value(v)).collect();
    format!(
        "{}{}:{}",
        if t.negated { "-" } else { "" },
        key(key_en, lang),
        values.join(",")
    )
}

/// Place codes as written, the empty code (a case naming none) as `tanpa`/`none`.
fn place_codes(codes: &[String], lang: Lang) -> Vec<String> {
    codes
        .iter()
        .map(|c| match c.as_str() {
            "" => word(NO_PLACE.0, NO_PLACE.1, lang).to_string(),
            c => c.to_string(),
        })
        .collect()
}

/// Pekan numbers as written: a run of three or more as `6-8`, the rest one by one (`pekan:2,6-8`).
fn pekan_runs(pekan: &[crate::domain::Pekan]) -> Vec<String> {
    let mut numbers: Vec<u32> = pekan.iter().map(|p| p.number).collect();
    numbers.sort_unstable();
    numbers.dedup();
    let mut out = Vec::new();
    let mut i = 0;
    while i < numbers.len() {
        let mut j = i;
        while j + 1 < numbers.len() && numbers[j + 1] == numbers[j] + 1 {
            j += 1;
        }
        if j - i >= 2 {
            out.push(format!("{}-{}", numbers[i], numbers[j]));
        } else {
            out.extend(numbers[i..=j].iter().map(u32::to_string));
        }
        i = j + 1;
    }
    out
}

/// A value as written in a term, quoted when it holds a space, a comma or a quote.
fn value(v: &str) -> String {
    if v.is_empty() || v.contains(|c: char| c.is_whitespace() || c == ',' || c == '"') {
        quote(v)
    } else {
        v.to_string()
    }
}

/// `"…"`, with `\` and `"` escaped by a backslash.
fn quote(v: &str) -> String {
    format!("\"{}\"", v.replace('\\', "\\\\").replace('"', "\\\""))
}

/// A word as typed, a phrase in quotes. A word that would not read back as the same word (a
/// space, a quote, a leading `-` or `@`, or `letters:` like a key) is printed as a phrase.
fn text(t: &TextTerm) -> String {
    let sign = if t.negated { "-" } else { "" };
    let keyish = t
        .text
        .split_once(':')
        .is_some_and(|(k, _)| !k.is_empty() && k.chars().all(char::is_alphabetic));
    let plain = !t.phrase
        && !t.text.is_empty()
        && !keyish
        && (t.negated || !t.text.starts_with('-'))
        && !t.text.starts_with('@')
        && !t.text.contains(|c: char| c.is_whitespace() || c == '"');
    if plain {
        format!("{sign}{}", t.text)
    } else {
        format!("{sign}{}", quote(&t.text))
    }
}

/// A date as the canonical spec writes it: `2024-01-15`, `today`, `-7d`.
impl std::fmt::Display for DateExpr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&date(*self, Lang::En))
    }
}

fn date(d: DateExpr, lang: Lang) -> String {
    match d {
        DateExpr::Date(d) => d.format("%Y-%m-%d").to_string(),
        DateExpr::Today => word(TODAY.0, TODAY.1, lang).to_string(),
        DateExpr::DaysAgo(n) => format!("-{n}d"),
    }
}

fn sort(s: Sort, lang: Lang) -> String {
    let name = SORT_KEYS
        .iter()
        .find(|(_, _, k)| *k == s.key)
        .map_or("", |(id, en, _)| word(id, en, lang));
    format!("{}{name}", if s.descending { "-" } else { "" })
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use proptest::prelude::*;

    use super::*;
    use crate::domain::{Source, Status, TypeGroup};
    use crate::view::Elections;
    use crate::view::{Flag, SortKey, parse};

    fn r() -> Reference {
        Reference::embedded()
    }

    fn printed(input: &str) -> String {
        let reference = r();
        match parse(input, &reference) {
            Ok(v) => v.print(&reference),
            Err(e) => panic!("{input:?}: {e}"),
        }
    }

    #[test]
    fn an_indonesian_screen_prints_indonesian_keys_that_parse_back_in_both_languages() {
        let reference = r();
        let input =
            "-region:64 stage:kampanye is:open from:today sort:-received asof:2024-02-02 minyak";
        let view = parse(input, &reference).unwrap_or_else(|e| panic!("{e}"));
        let id = view.print_in(&reference, Lang::Id);
        assert_eq!(
            id,
            "tahapan:kampanye dari:hariini is:terbuka -wilayah:kaltim minyak per:2024-02-02 \
             urut:-diterima"
        );
        assert_eq!(
            parse(&id, &reference).map(|v| v.print(&reference)),
            Ok(view.print(&reference))
        );
        assert_eq!(view.print_in(&reference, Lang::En), view.print(&reference));
    }

    #[test]
    fn the_empty_view_prints_nothing() {
        assert_eq!(View::default().print(&r()), "");
    }

    #[test]
    fn prints_english_keys_codes_and_short_names_in_normal_order() {
        assert_eq!(
            printed(
                "urut:-diterima per:2024-02-14 \"politik uang\" jenis:hukum_lainnya wilayah:samarinda,balikpapan"
            ),
            "region:balikpapan,samarinda type:hukum_lainnya \"politik uang\" asof:2024-02-14 sort:-received"
        );
        assert_eq!(
            printed(
                "-is:lewat tahapan:\"masa kampanye\" status:\"initial review\" sumber:Temuan dari:15/01/2024 sampai:hari-ini"
            ),
            "stage:kampanye status:kajian_awal source:temuan from:2024-01-15 to:today -is:overdue"
        );
        assert_eq!(
            printed("is:terlambat sumber:laporan"),
            "source:laporan is:late"
        );
        assert_eq!(
            parse("is:late", &r())
                .map(|v| v.print_in(&r(), Lang::Id))
                .ok(),
            Some("is:terlambat".to_string())
        );
        assert_eq!(
            printed("from:-7d sort:nomor wilayah:ppu,kaltim"),
            "region:kaltim,ppu from:-7d sort:number"
        );
        assert_eq!(
            printed("Politik* -minyak -\"serangan fajar\""),
            "Politik* -minyak -\"serangan fajar\""
        );
    }

    #[test]
    fn pekan_print_as_numbers_with_runs_of_three_or_more_as_ranges() {
        assert_eq!(printed("pekan:6"), "pekan:6");
        assert_eq!(printed("pekan:7,6"), "pekan:6,7");
        assert_eq!(printed("pekan:8,6-7"), "pekan:6-8");
        assert_eq!(printed("pekan:1,3-5,9,10"), "pekan:1,3-5,9,10");
        assert_eq!(
            printed("-pekan:2 tahapan:kampanye"),
            "stage:kampanye -pekan:2"
        );
        let reference = r();
        let v = parse("pekan:6-8 wilayah:berau", &reference).unwrap_or_default();
        assert_eq!(v.print_in(&reference, Lang::Id), "wilayah:berau pekan:6-8");
    }

    #[test]
    fn elections_and_contests_print_as_lower_case_codes_in_either_language() {
        assert_eq!(
            printed("kontestasi:\"Mayor of Bontang\" wilayah:bontang pemilihan:\"Pilkada 2024\""),
            "election:pilkada2024 contest:walikota_bontang region:bontang"
        );
        assert_eq!(printed("-pemilihan:pilkada2024"), "-election:pilkada2024");
        assert_eq!(
            printed("pemilihan:pilkada2024,pemilu2024 tahapan:kampanye"),
            "election:pemilu2024,pilkada2024 stage:kampanye"
        );
        let reference = r();
        for spec in [
            "pemilihan:semua kontestasi:gubernur,dpr -wilayah:64",
            "-election:pemilu2024 stage:dukungan_perseorangan",
            "election:pilkada2024 pekan:1-3",
        ] {
            let v = parse(spec, &reference).unwrap_or_default();
            let id = v.print_in(&reference, Lang::Id);
            assert_eq!(parse(&id, &reference), Ok(v.clone()), "{spec}: {id}");
            let en = v.print(&reference);
            assert_eq!(parse(&en, &reference), Ok(v), "{spec}: {en}");
        }
        assert_eq!(
            parse("election:all contest:gubernur", &reference)
                .map(|v| v.print_in(&reference, Lang::Id))
                .ok(),
            Some("pemilihan:semua kontestasi:gubernur".to_string())
        );
    }

    #[test]
    fn region_names_with_a_space_are_quoted() {
        let mut reference = r();
        reference.regions[2].short_name = "Kutai Kartanegara".into();
        let v = View {
            terms: vec![Term {
                negated: false,
                kind: TermKind::Region(vec![reference.regions[2].code.clone()]),
            }],
            ..View::default()
        };
        let s = v.print(&reference);
        assert_eq!(s, "region:\"kutai kartanegara\"");
        assert_eq!(parse(&s, &reference), Ok(v));
    }

    #[test]
    fn phrases_escape_quotes_and_backslashes() {
        let v = View {
            text: vec![TextTerm {
                negated: true,
                phrase: true,
                text: r#"kata "ini" \ itu"#.into(),
            }],
            ..View::default()
        };
        let s = v.print(&r());
        assert_eq!(s, r#"-"kata \"ini\" \\ itu""#);
        assert_eq!(parse(&s, &r()), Ok(v));
    }

    #[test]
    fn words_that_would_not_read_back_as_words_are_quoted() {
        let word = |negated, text: &str| TextTerm {
            negated,
            phrase: false,
            text: text.into(),
        };
        let v = View {
            text: vec![
                word(false, "-x"),
                word(false, "abc:d"),
                word(true, "-y"),
                word(false, "12:30"),
            ],
            ..View::default()
        };
        assert_eq!(v.print(&r()), "\"-x\" 12:30 \"abc:d\" --y");
    }

    #[test]
    fn printing_normalises_a_view_built_by_hand() {
        let v = View {
            terms: vec![
                Term {
                    negated: false,
                    kind: TermKind::Status(vec![Status::Kajian, Status::Diterima, Status::Kajian]),
                },
                Term {
                    negated: false,
                    kind: TermKind::Region(vec!["64.72".into(), "64.71".into()]),
                },
            ],
            ..View::default()
        };
        assert_eq!(
            v.print(&r()),
            "region:balikpapan,samarinda status:diterima,kajian"
        );
    }

    // Strategies over the real reference data, for the round trip.

    fn subset<T: Clone + std::fmt::Debug + 'static>(all: Vec<T>) -> impl Strategy<Value = Vec<T>> {
        let n = all.len();
        proptest::sample::subsequence(all, 1..=n.min(4)).prop_shuffle()
    }

    fn date_expr() -> impl Strategy<Value = DateExpr> {
        let start = NaiveDate::from_ymd_opt(2022, 1, 1).unwrap_or_default();
        prop_oneof![
            (0i64..1461).prop_map(move |n| DateExpr::Date(start + chrono::Duration::days(n))),
            Just(DateExpr::Today),
            (0u32..400).prop_map(DateExpr::DaysAgo),
        ]
    }

    fn term_strategy() -> impl Strategy<Value = Term> {
        let reference = r();
        let regions: Vec<String> = reference.regions.iter().map(|x| x.code.clone()).collect();
        let stages: Vec<String> = reference
            .stage_codes()
            .into_iter()
            .map(str::to_string)
            .collect();
        let contests: Vec<String> = reference
            .contest_codes()
            .into_iter()
            .map(str::to_string)
            .collect();
        let elections: Vec<String> = reference.elections.iter().map(|e| e.code.clone()).collect();
        let pekan = reference
            .campaign_period()
            .map(|c| c.all())
            .unwrap_or_default();
        let flags = vec![
            Flag::Open,
            Flag::Closed,
            Flag::Overdue,
            Flag::Registered,
            Flag::Violation,
            Flag::Late,
            Flag::New,
            Flag::Transferred,
        ];
        let kecamatan: Vec<String> = reference
            .kecamatan_in("64.72")
            .iter()
            .map(|k| k.code.clone())
            .chain([String::new()])
            .collect();
        let desa: Vec<String> = reference
            .desa_in("64.72.03")
            .iter()
            .take(5)
            .map(|d| d.code.clone())
            .chain([String::new()])
            .collect();
        let places = prop_oneof![
            subset(vec!["64".to_string(), "RI".to_string(), "32".to_string()])
                .prop_map(TermKind::Province),
            subset(kecamatan).prop_map(TermKind::Kecamatan),
            subset(desa).prop_map(TermKind::Desa),
            subset((0u16..6).collect()).prop_map(TermKind::Tps),
        ];
        let listed = prop_oneof![
            prop_oneof![
                Just(Elections::All),
                subset(elections).prop_map(Elections::Codes)
            ]
            .prop_map(TermKind::Election),
            subset(contests).prop_map(TermKind::Contest),
            subset(regions).prop_map(TermKind::Region),
            subset(stages).prop_map(TermKind::Stage),
            subset(TypeGroup::ALL.to_vec()).prop_map(TermKind::Type),
            subset(Status::ALL.to_vec()).prop_map(TermKind::Status),
            subset(Source::ALL.to_vec()).prop_map(TermKind::Source),
            subset(pekan).prop_map(TermKind::Pekan),
            proptest::sample::select(flags).prop_map(TermKind::Is),
            subset(
                crate::domain::FollowUpStep::ALL
                    .iter()
                    .map(|s| FollowUpValue::Step(*s))
                    .chain([FollowUpValue::NoStep])
                    .collect()
            )
            .prop_map(TermKind::FollowUp),
        ];
        prop_oneof![
            3 => (any::<bool>(), listed).prop_map(|(negated, kind)| Term { negated, kind }),
            1 => (any::<bool>(), places).prop_map(|(negated, kind)| Term { negated, kind }),
            1 => date_expr().prop_map(|d| Term { negated: false, kind: TermKind::From(d) }),
            1 => date_expr().prop_map(|d| Term { negated: false, kind: TermKind::To(d) }),
        ]
    }

    const WORDS: &[&str] = &[
        "politik",
        "uang",
        "Sembako",
        "APK",
        "baliho",
        "kampanye",
        "ASN",
        "desa",
        "masjid",
        "netralitas",
        "12:30",
        "a\\b",
        "région",
        "x-y",
    ];

    fn text_strategy() -> impl Strategy<Value = TextTerm> {
        let word = (proptest::sample::select(WORDS), any::<bool>()).prop_map(|(w, star)| {
            if star { format!("{w}*") } else { w.to_string() }
        });
        let phrase = prop_oneof![
            proptest::collection::vec(proptest::sample::select(WORDS), 1..4)
                .prop_map(|ws| ws.join(" ")),
            "[a-zA-Z \"\\\\:,-]{1,12}".prop_filter("something to search", |s| s
                .chars()
                .any(char::is_alphanumeric)),
        ];
        prop_oneof![
            (any::<bool>(), word).prop_map(|(negated, text)| TextTerm {
                negated,
                phrase: false,
                text
            }),
            (any::<bool>(), phrase).prop_map(|(negated, text)| TextTerm {
                negated,
                phrase: true,
                text
            }),
        ]
    }

    fn sort_strategy() -> impl Strategy<Value = Sort> {
        let keys = vec![
            SortKey::Received,
            SortKey::Number,
            SortKey::Region,
            SortKey::Stage,
            SortKey::Status,
            SortKey::Type,
            SortKey::Due,
        ];
        (proptest::sample::select(keys), any::<bool>())
            .prop_map(|(key, descending)| Sort { key, descending })
    }

    fn view_strategy() -> impl Strategy<Value = View> {
        (
            proptest::collection::vec(term_strategy(), 0..6),
            proptest::collection::vec(text_strategy(), 0..4),
            proptest::option::of(date_expr()),
            proptest::option::of(sort_strategy()),
        )
            .prop_map(|(terms, text, as_of, sort)| {
                let mut v = View {
                    terms,
                    text,
                    as_of,
                    sort,
                };
                // A pekan is one of the campaign of the election the view names, when it names
                // one: the numbers that campaign has, with its dates.
                let reference = r();
                let campaign = crate::view::pekan_campaign(&v, &reference);
                for t in &mut v.terms {
                    if let TermKind::Pekan(pekan) = &mut t.kind {
                        *pekan = pekan
                            .iter()
                            .filter_map(|p| campaign.and_then(|c| c.pekan(p.number)))
                            .collect();
                    }
                }
                v.terms
                    .retain(|t| !matches!(&t.kind, TermKind::Pekan(p) if p.is_empty()));
                normalise(&mut v, &reference);
                v
            })
    }

    /// Strings made of the characters the parser cares about, with some keys in front.
    fn tricky_input() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("region:".to_string()),
            Just("-wilayah:".to_string()),
            Just("is:".to_string()),
            Just("asof:".to_string()),
            Just("sort:-".to_string()),
            Just("from:".to_string()),
            Just("pekan:".to_string()),
            Just("pemilihan:".to_string()),
            Just("contest:".to_string()),
            "[a-zA-Z0-9:,\"\\\\ */.é“”\\-]{0,12}",
        ];
        proptest::collection::vec(piece, 0..8).prop_map(|ps| ps.concat())
    }

    proptest! {
        #[test]
        fn a_printed_view_parses_back_to_itself(v in view_strategy()) {
            let reference = r();
            let s = v.print(&reference);
            // Views that can count nothing are refused, whatever their form: leaving out every
            // election, or a contest none of the named elections holds.
            if let Err(e) = parse(&s, &reference) {
                let m = e.to_string();
                prop_assume!(
                    !m.contains("leaves out every election")
                        && !m.contains("is not a contest of the elections this view names")
                );
            }
            prop_assert_eq!(parse(&s, &reference), Ok(v), "printed as {}", s);
        }

        #[test]
        fn parse_never_panics_on_any_string(s in any::<String>()) {
            let _ = parse(&s, &r());
        }

        #[test]
        fn parse_never_panics_on_tricky_strings_and_printing_what_parses_is_stable(s in tricky_input()) {
            let reference = r();
            match parse(&s, &reference) {
                Ok(v) => {
                    let printed = v.print(&reference);
                    prop_assert_eq!(parse(&printed, &reference), Ok(v), "{} printed as {}", s, printed);
                }
                Err(e) => {
                    let inside = e.position() >= 1 && e.position() <= s.chars().count();
                    prop_assert!(inside, "{}: {}", s, e);
                }
            }
        }
    }
}
