//! Parses a view spec (`wilayah:kukar -status:dicabut "politik uang" per:2024-02-14`) into a
//! normalised [`View`], or an error naming the 1-based character position; knows no SQL.
//!
//! Quoting: a double quote opens and closes a quoted section anywhere in a token; inside it, `\"`
//! stands for `"` and `\\` for `\` (any other backslash is kept as it is). Outside quotes a
//! backslash is an ordinary character.

use std::fmt;

use crate::domain::{FollowUpStep, Pekan, Reference, Source, Status, TypeGroup, fold, parse_date};
use crate::i18n::view::{Named, Spec};
use crate::i18n::{Lang, core::Core};

use super::ast::{
    DateExpr, Elections, Flag, FollowUpValue, Sort, SortKey, Term, TermKind, TextTerm, View,
};

/// The keys a term can have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Key {
    Region,
    Stage,
    Type,
    Status,
    Source,
    From,
    To,
    Pekan,
    AsOf,
    Sort,
    Is,
    FollowUp,
    Election,
    Contest,
    Province,
    Kecamatan,
    Desa,
    Tps,
}

/// Every key with its Indonesian and English name.
pub(super) const KEYS: &[(&str, &str, Key)] = &[
    ("wilayah", "region", Key::Region),
    ("tahapan", "stage", Key::Stage),
    ("jenis", "type", Key::Type),
    ("status", "status", Key::Status),
    ("sumber", "source", Key::Source),
    ("dari", "from", Key::From),
    ("sampai", "to", Key::To),
    ("pekan", "pekan", Key::Pekan),
    ("per", "asof", Key::AsOf),
    ("urut", "sort", Key::Sort),
    ("is", "is", Key::Is),
    ("lanjut", "followup", Key::FollowUp),
    ("pemilihan", "election", Key::Election),
    ("kontestasi", "contest", Key::Contest),
    ("provinsi", "province", Key::Province),
    // Domain words: the same in both languages, with English aliases read (never printed).
    ("kecamatan", "kecamatan", Key::Kecamatan),
    ("desa", "desa", Key::Desa),
    ("tps", "tps", Key::Tps),
    ("district", "district", Key::Kecamatan),
    ("kelurahan", "village", Key::Desa),
];

/// The words of `pemilihan:semua` / `election:all`: every election.
pub(super) const ALL_ELECTIONS: (&str, &str) = ("semua", "all");

/// `is:` flags with their Indonesian and English names (print.rs prints the English one).
pub(super) const FLAGS: &[(&str, &str, Flag)] = &[
    ("terbuka", "open", Flag::Open),
    ("selesai", "closed", Flag::Closed),
    ("lewat", "overdue", Flag::Overdue),
    ("teregistrasi", "registered", Flag::Registered),
    ("pelanggaran", "violation", Flag::Violation),
    ("terlambat", "late", Flag::Late),
    ("baru", "new", Flag::New),
    ("dilimpahkan", "transferred", Flag::Transferred),
];

/// Sort keys with their Indonesian and English names (print.rs prints the English one).
pub(super) const SORT_KEYS: &[(&str, &str, SortKey)] = &[
    ("diterima", "received", SortKey::Received),
    ("nomor", "number", SortKey::Number),
    ("wilayah", "region", SortKey::Region),
    ("tahapan", "stage", SortKey::Stage),
    ("status", "status", SortKey::Status),
    ("jenis", "type", SortKey::Type),
    ("tenggat", "due", SortKey::Due),
];

/// A mistake in a view spec: where it is, what it is (its message in the catalogue), and perhaps
/// what was meant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ViewError {
    position: usize,
    problem: Spec,
    // Boxed: an error stays small on the way back through every `Result` of the parser.
    suggestion: Option<Box<Hint>>,
}

/// What was probably meant, in each language: a code with its name in that language
/// (`gubernur (Governor and Vice-Governor of East Kalimantan)`), or the same text in both.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Hint {
    id: String,
    en: String,
}

impl Hint {
    /// A code with a name in each language: `KAMPANYE (Masa kampanye)`, `KAMPANYE (Campaign period)`.
    fn named(code: &str, name_id: &str, name_en: &str) -> Hint {
        Hint {
            id: format!("{code} ({name_id})"),
            en: format!("{code} ({name_en})"),
        }
    }

    fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::Id => &self.id,
            Lang::En => &self.en,
        }
    }
}

impl ViewError {
    pub(super) fn new(position: usize, problem: Spec) -> ViewError {
        ViewError {
            position,
            problem,
            suggestion: None,
        }
    }

    /// The same mistake, pointed at `position` instead (a nested spec's, shown where it was named).
    pub(super) fn at(self, position: usize) -> ViewError {
        ViewError { position, ..self }
    }

    pub(super) fn suggesting(self, suggestion: Option<String>) -> ViewError {
        self.hinting(suggestion.map(|s| Hint {
            id: s.clone(),
            en: s,
        }))
    }

    fn hinting(mut self, suggestion: Option<Hint>) -> ViewError {
        self.suggestion = suggestion.map(Box::new);
        self
    }

    /// The 1-based character position of the offending token or value.
    pub fn position(&self) -> usize {
        self.position
    }

    /// What was probably meant, as printed in the Indonesian message (`"region"`,
    /// `Samarinda (64.72)`).
    pub fn suggestion(&self) -> Option<&str> {
        self.suggestion_in(Lang::Id)
    }

    /// What was probably meant, as printed in the message in `lang`: a name in that language.
    pub fn suggestion_in(&self, lang: Lang) -> Option<&str> {
        self.suggestion.as_ref().map(|h| h.text(lang))
    }

    /// The whole message in `lang`, with the suggestion if there is one.
    pub fn message(&self, lang: Lang) -> String {
        let base = self.problem.text(lang);
        match &self.suggestion {
            Some(s) => Core::DidYouMean {
                base: &base,
                suggestion: s.text(lang),
            }
            .text(lang),
            None => base,
        }
    }
}

impl fmt::Display for ViewError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ViewError {}

/// The campaign whose pekan a view's `pekan:` terms name, given the view (its other terms read):
/// see `view::parse` and `view::parse_on`, which pass it in.
pub(super) type CampaignOf<'c> = dyn Fn(&View) -> Option<crate::domain::CampaignPeriod> + 'c;

/// Parses a view spec (see `view::parse`), resolving its `pekan:` terms in the campaign
/// `campaign_of` gives for the view once every other term is read (its election and date terms,
/// wherever they stand).
pub(super) fn parse_with(
    input: &str,
    reference: &Reference,
    campaign_of: &CampaignOf<'_>,
) -> Result<View, ViewError> {
    let mut parser = Parser {
        reference,
        view: View::default(),
        as_of_at: None,
        sort_at: None,
        pekan: Vec::new(),
        contests: Vec::new(),
        places: Vec::new(),
    };
    for token in tokenize(input)? {
        parser.token(&token)?;
    }
    contests_in_view(&parser.view, &parser.contests, reference)?;
    // The kecamatan first: a desa's name is looked for within them.
    let mut places = std::mem::take(&mut parser.places);
    places.sort_by_key(|(key, _, _)| *key == Key::Desa);
    for (key, negated, values) in places {
        let kind = match key {
            Key::Desa => TermKind::Desa(resolve(&values, |v| {
                super::place::desa(&parser.view, reference, v)
            })?),
            _ => TermKind::Kecamatan(resolve(&values, |v| {
                super::place::kecamatan(&parser.view, reference, v)
            })?),
        };
        parser.view.terms.push(Term { negated, kind });
    }
    if !parser.pekan.is_empty() {
        let campaign = campaign_of(&parser.view);
        for (pos, negated, values) in std::mem::take(&mut parser.pekan) {
            let kind = TermKind::Pekan(pekan(&values, campaign, pos)?);
            parser.view.terms.push(Term { negated, kind });
        }
    }
    let mut view = parser.view;
    normalise(&mut view, reference);
    Ok(view)
}

/// Puts a view in its normal order, so equal views compare equal: the values of a term in display
/// order (regions and stages by position, the rest by declaration) without repeats, then the terms
/// and the text terms sorted, without repeats.
pub(crate) fn normalise(view: &mut View, reference: &Reference) {
    let stages = reference.stage_codes();
    let contests = reference.contest_codes();
    let at = |all: &[&str], c: &str| {
        all.iter()
            .position(|x| *x == c)
            .and_then(|p| i64::try_from(p).ok())
    };
    for term in &mut view.terms {
        match &mut term.kind {
            TermKind::Election(Elections::Codes(codes)) => order_codes(codes, |c| {
                reference
                    .elections
                    .iter()
                    .position(|e| e.code == c)
                    .and_then(|p| i64::try_from(p).ok())
            }),
            TermKind::Election(Elections::All) => {}
            TermKind::Contest(codes) => order_codes(codes, |c| at(&contests, c)),
            TermKind::Region(codes) => {
                order_codes(codes, |c| reference.region(c).map(|r| r.position))
            }
            TermKind::Stage(codes) => order_codes(codes, |c| at(&stages, c)),
            TermKind::Type(v) => sort_dedup(v),
            TermKind::Status(v) => sort_dedup(v),
            TermKind::Source(v) => sort_dedup(v),
            TermKind::Pekan(v) => sort_dedup(v),
            TermKind::FollowUp(v) => sort_dedup(v),
            TermKind::Province(v) | TermKind::Kecamatan(v) | TermKind::Desa(v) => sort_dedup(v),
            TermKind::Tps(v) => sort_dedup(v),
            TermKind::From(_) | TermKind::To(_) | TermKind::Is(_) => {}
        }
    }
    sort_dedup(&mut view.terms);
    sort_dedup(&mut view.text);
}

fn sort_dedup<T: Ord>(v: &mut Vec<T>) {
    v.sort();
    v.dedup();
}

/// Orders codes by their display position; codes the reference does not know go last, by code.
fn order_codes(codes: &mut Vec<String>, position: impl Fn(&str) -> Option<i64>) {
    codes.sort_by_cached_key(|c| (position(c).map_or((1, 0), |p| (0, p)), c.clone()));
    codes.dedup();
}

/// One character of a token, or a quote mark opening or closing a quoted section.
#[derive(Clone, Copy, Debug)]
pub(super) enum Piece {
    Char { c: char, quoted: bool, pos: usize },
    Quote { pos: usize },
}

impl Piece {
    pub(super) fn pos(self) -> usize {
        match self {
            Piece::Char { pos, .. } | Piece::Quote { pos } => pos,
        }
    }

    /// The character, if it is one outside quotes.
    pub(super) fn plain(self) -> Option<char> {
        match self {
            Piece::Char {
                c, quoted: false, ..
            } => Some(c),
            _ => None,
        }
    }
}

/// A whitespace-separated token (quoted sections may hold whitespace).
pub(super) struct Token {
    pub(super) pos: usize,
    pub(super) pieces: Vec<Piece>,
}

pub(super) fn tokenize(input: &str) -> Result<Vec<Token>, ViewError> {
    let mut tokens = Vec::new();
    let mut current: Option<Token> = None;
    let mut open_quote: Option<usize> = None;
    let mut chars = input
        .chars()
        .enumerate()
        .map(|(i, c)| (i + 1, c))
        .peekable();
    while let Some((pos, c)) = chars.next() {
        if open_quote.is_some() {
            let piece = match c {
                '"' => {
                    open_quote = None;
                    Piece::Quote { pos }
                }
                '\\' => match chars.next_if(|&(_, n)| n == '"' || n == '\\') {
                    Some((_, escaped)) => Piece::Char {
                        c: escaped,
                        quoted: true,
                        pos,
                    },
                    None => Piece::Char {
                        c,
                        quoted: true,
                        pos,
                    },
                },
                _ => Piece::Char {
                    c,
                    quoted: true,
                    pos,
                },
            };
            current
                .get_or_insert_with(|| Token {
                    pos,
                    pieces: Vec::new(),
                })
                .pieces
                .push(piece);
        } else if c.is_whitespace() {
            tokens.extend(current.take());
        } else {
            let piece = if c == '"' {
                open_quote = Some(pos);
                Piece::Quote { pos }
            } else {
                Piece::Char {
                    c,
                    quoted: false,
                    pos,
                }
            };
            current
                .get_or_insert_with(|| Token {
                    pos,
                    pieces: Vec::new(),
                })
                .pieces
                .push(piece);
        }
    }
    if let Some(pos) = open_quote {
        return Err(ViewError::new(pos, Spec::UnterminatedQuote { pos }));
    }
    tokens.extend(current);
    Ok(tokens)
}

/// One value of a `key:a,b` term, unquoted.
pub(super) struct Value {
    pub(super) text: String,
    pub(super) pos: usize,
}

/// Splits the pieces after `key:` at the commas outside quotes.
fn split_values(token: &Token, key: &str, pieces: &[Piece]) -> Result<Vec<Value>, ViewError> {
    let empty = |pos: usize| {
        ViewError::new(
            pos,
            Spec::EmptyValue {
                key: key.to_string(),
                pos,
            },
        )
    };
    if pieces.is_empty() {
        return Err(empty(token.pos));
    }
    let mut values = Vec::new();
    let mut text = String::new();
    let mut start: Option<usize> = None;
    let mut last_comma: Option<usize> = None;
    for &piece in pieces {
        match piece {
            Piece::Char {
                c: ',',
                quoted: false,
                pos,
            } => {
                if text.is_empty() {
                    return Err(empty(start.unwrap_or(pos)));
                }
                values.push(Value {
                    text: std::mem::take(&mut text),
                    pos: start.unwrap_or(pos),
                });
                start = None;
                last_comma = Some(pos);
            }
            Piece::Char { c, pos, .. } => {
                start.get_or_insert(pos);
                text.push(c);
            }
            Piece::Quote { pos } => {
                start.get_or_insert(pos);
            }
        }
    }
    let pos = start.or(last_comma).unwrap_or(token.pos);
    if text.is_empty() {
        return Err(empty(pos));
    }
    values.push(Value { text, pos });
    Ok(values)
}

/// The state of one parse: the view so far, where the single-use keys were seen, and the
/// `pekan:` terms still to read (position, negated, values), read last.
struct Parser<'r> {
    reference: &'r Reference,
    view: View,
    as_of_at: Option<usize>,
    sort_at: Option<usize>,
    /// The `pekan:` terms (position, negated, values), resolved once the whole view is read.
    pekan: Vec<(usize, bool, Vec<Value>)>,
    /// The contests of the view's positive `kontestasi:` terms (code, value as typed, position),
    /// checked against its elections once the whole view is read.
    contests: Vec<(String, String, usize)>,
    /// The `kecamatan:` and `desa:` terms (key, negated, values), resolved once the whole view
    /// is read: a name is looked for within the view's regions (and a desa within its kecamatan).
    places: Vec<(Key, bool, Vec<Value>)>,
}

impl Parser<'_> {
    fn token(&mut self, token: &Token) -> Result<(), ViewError> {
        let negated = token.pieces.first().and_then(|p| p.plain()) == Some('-');
        let rest = if negated {
            &token.pieces[1..]
        } else {
            &token.pieces[..]
        };
        let Some(first) = rest.first() else {
            let pos = token.pos;
            return Err(ViewError::new(pos, Spec::NothingAfterMinus { pos }));
        };
        let letters = rest
            .iter()
            .take_while(|p| p.plain().is_some_and(char::is_alphabetic))
            .count();
        if letters > 0 && rest.get(letters).and_then(|p| p.plain()) == Some(':') {
            let typed: String = rest[..letters].iter().filter_map(|p| p.plain()).collect();
            let key = lookup_key(&typed, first.pos())?;
            let typed = typed.to_lowercase();
            let values = split_values(token, &typed, &rest[letters + 1..])?;
            return self.term(token, negated, key, &typed, values);
        }
        if first.plain() == Some('@') {
            // A saved view is expanded before parsing (`view::expand`); one left here would
            // otherwise become a silent text search for its name.
            let pos = first.pos();
            let typed: String = rest.iter().filter_map(|p| p.plain()).collect();
            return Err(ViewError::new(pos, Spec::SavedViewHere { typed, pos }));
        }
        let phrase = rest.iter().any(|p| matches!(p, Piece::Quote { .. }));
        let text: String = rest
            .iter()
            .filter_map(|p| match p {
                Piece::Char { c, .. } => Some(*c),
                Piece::Quote { .. } => None,
            })
            .collect();
        if text.is_empty() {
            let pos = first.pos();
            return Err(ViewError::new(pos, Spec::EmptyPhrase { pos }));
        }
        // A word with no letter or digit would search for nothing and match every case.
        if !text.chars().any(char::is_alphanumeric) {
            let pos = first.pos();
            return Err(ViewError::new(pos, Spec::NothingToSearch { text, pos }));
        }
        // Every word must match already; a boolean word typed bare would be searched as a word.
        if !phrase && ["AND", "OR", "NOT"].contains(&text.as_str()) {
            let pos = first.pos();
            return Err(ViewError::new(pos, Spec::BooleanWord { word: text, pos }));
        }
        self.view.text.push(TextTerm {
            negated,
            phrase,
            text,
        });
        Ok(())
    }

    fn term(
        &mut self,
        token: &Token,
        negated: bool,
        key: Key,
        typed: &str,
        values: Vec<Value>,
    ) -> Result<(), ViewError> {
        let r = self.reference;
        let kind = match key {
            Key::Region => TermKind::Region(resolve(&values, |v| {
                r.find_region(&v.text)
                    .map(|x| x.code.clone())
                    .ok_or_else(|| {
                        let hint = r
                            .suggest_region(&v.text)
                            .map(|x| format!("{} ({})", x.short_name, x.code));
                        no_match(Named::Region, v, hint)
                    })
            })?),
            // A stage of any election: the term names that stage in each election in view.
            Key::Stage => TermKind::Stage(resolve(&values, |v| {
                r.find_any_stage(&v.text)
                    .map(|x| x.code.clone())
                    .ok_or_else(|| {
                        let hint = r
                            .suggest_any_stage(&v.text)
                            .map(|x| Hint::named(&x.code, &x.name_id, &x.name_en));
                        no_match_hinting(Named::Stage, v, hint)
                    })
            })?),
            Key::Election => {
                let e = elections(&values, r)?;
                if negated && e == Elections::All {
                    let written: Vec<&str> = values.iter().map(|v| v.text.as_str()).collect();
                    let (typed, pos) = (format!("-{typed}:{}", written.join(",")), token.pos);
                    return Err(ViewError::new(pos, Spec::NoElectionLeft { typed, pos }));
                }
                TermKind::Election(e)
            }
            Key::Contest => TermKind::Contest(resolve(&values, |v| {
                r.find_contest(&v.text)
                    .map(|x| {
                        if !negated {
                            self.contests.push((x.code.clone(), v.text.clone(), v.pos));
                        }
                        x.code.clone()
                    })
                    .ok_or_else(|| {
                        match r.suggest_contest(&v.text) {
                            Some(x) => no_match_hinting(
                                Named::Contest,
                                v,
                                Some(Hint::named(&x.code.to_lowercase(), &x.name_id, &x.name_en)),
                            ),
                            // Nothing near: the contests there are, as for elections.
                            None => no_choice(
                                Named::Contest,
                                v,
                                r.contest_codes().into_iter().map(str::to_lowercase),
                            ),
                        }
                    })
            })?),
            Key::Type => TermKind::Type(resolve(&values, |v| coded(v, Named::Type))?),
            Key::Status => TermKind::Status(resolve(&values, |v| coded(v, Named::Status))?),
            Key::Source => TermKind::Source(resolve(&values, |v| coded(v, Named::Source))?),
            Key::Pekan => {
                self.pekan.push((token.pos, negated, values));
                return Ok(());
            }
            Key::FollowUp => TermKind::FollowUp(resolve(&values, follow_up)?),
            Key::Province => TermKind::Province(resolve(&values, super::place::province)?),
            Key::Tps => TermKind::Tps(resolve(&values, super::place::tps)?),
            Key::Kecamatan | Key::Desa => {
                self.places.push((key, negated, values));
                return Ok(());
            }
            Key::Is => {
                let [value] = values.as_slice() else {
                    let pos = token.pos;
                    let typed = typed.to_string();
                    return Err(ViewError::new(pos, Spec::SingleValue { typed, pos }));
                };
                TermKind::Is(named(value, FLAGS, Named::Flag, "")?)
            }
            Key::From | Key::To | Key::AsOf | Key::Sort => {
                let ([value], false) = (values.as_slice(), negated) else {
                    let pos = token.pos;
                    let typed = typed.to_string();
                    return Err(ViewError::new(pos, Spec::NotNegatable { typed, pos }));
                };
                match key {
                    Key::AsOf => {
                        once(&mut self.as_of_at, typed, token.pos)?;
                        self.view.as_of = Some(date(value)?);
                    }
                    Key::Sort => {
                        once(&mut self.sort_at, typed, token.pos)?;
                        self.view.sort = Some(sort(value)?);
                    }
                    Key::From => self.view.terms.push(Term {
                        negated,
                        kind: TermKind::From(date(value)?),
                    }),
                    _ => self.view.terms.push(Term {
                        negated,
                        kind: TermKind::To(date(value)?),
                    }),
                }
                return Ok(());
            }
        };
        self.view.terms.push(Term { negated, kind });
        Ok(())
    }
}

/// The key named `typed` (either language, any case), or an error suggesting the nearest key.
fn lookup_key(typed: &str, pos: usize) -> Result<Key, ViewError> {
    let lower = typed.to_lowercase();
    if let Some(&(_, _, key)) = KEYS.iter().find(|(id, en, _)| *id == lower || *en == lower) {
        return Ok(key);
    }
    let names = KEYS
        .iter()
        .flat_map(|(id, en, _)| [*id, *en])
        .map(|n| (n, n));
    let typed = typed.to_string();
    match nearest(&lower, names) {
        Some(n) => Err(ViewError::new(pos, Spec::UnknownKey { typed, pos })
            .suggesting(Some(format!("\"{n}\"")))),
        None => {
            // Each key once, as printed (the English aliases of domain words are read only).
            let mut seen = Vec::new();
            let (mut id, mut en) = (Vec::new(), Vec::new());
            for (i, e, key) in KEYS {
                if !seen.contains(key) {
                    seen.push(*key);
                    id.push(*i);
                    en.push(*e);
                }
            }
            Err(ViewError::new(
                pos,
                Spec::UnknownKeyListed {
                    typed,
                    pos,
                    keys_id: id.join(", "),
                    keys_en: en.join(", "),
                },
            ))
        }
    }
}

/// The error for a value that names nothing of its kind (`what`).
pub(super) fn no_match(what: Named, value: &Value, suggestion: Option<String>) -> ViewError {
    let (text, pos) = (value.text.clone(), value.pos);
    ViewError::new(pos, Spec::NoMatch { what, text, pos }).suggesting(suggestion)
}

/// As [`no_match`], with a suggestion named in each language.
fn no_match_hinting(what: Named, value: &Value, suggestion: Option<Hint>) -> ViewError {
    let (text, pos) = (value.text.clone(), value.pos);
    ViewError::new(pos, Spec::NoMatch { what, text, pos }).hinting(suggestion)
}

/// Resolves every value of a term, stopping at the first that names nothing.
fn resolve<T>(
    values: &[Value],
    mut one: impl FnMut(&Value) -> Result<T, ViewError>,
) -> Result<Vec<T>, ViewError> {
    values.iter().map(&mut one).collect()
}

/// The candidate nearest to `text` (folded, by Levenshtein distance with a swap of neighbours as one edit), if it is reasonably close:
/// at most one edit in three characters, and at least one edit allowed.
fn nearest<'a, T>(text: &str, candidates: impl Iterator<Item = (&'a str, T)>) -> Option<T> {
    let want = fold(text);
    let allowed = want.chars().count().max(3) / 3;
    candidates
        .map(|(name, value)| (strsim::osa_distance(&fold(name), &want), value))
        .filter(|(d, _)| *d <= allowed)
        .min_by_key(|(d, _)| *d)
        .map(|(_, value)| value)
}

/// The code lists a term can test, with what parsing them needs.
trait Coded: Copy + 'static {
    fn all() -> &'static [Self];
    fn find(text: &str) -> Option<Self>;
    fn code_of(self) -> &'static str;
    fn labels(self) -> [&'static str; 2];
    fn other_names(self) -> &'static [&'static str];
}

macro_rules! coded {
    ($($t:ty),+) => {$(
        impl Coded for $t {
            fn all() -> &'static [Self] {
                <$t>::ALL
            }
            fn find(text: &str) -> Option<Self> {
                <$t>::lookup(text)
            }
            fn code_of(self) -> &'static str {
                self.code()
            }
            fn labels(self) -> [&'static str; 2] {
                [self.label(Lang::Id), self.label(Lang::En)]
            }
            fn other_names(self) -> &'static [&'static str] {
                self.former_labels()
            }
        }
    )+};
}

coded!(TypeGroup, Status, Source, FollowUpStep);

/// A type, status, source or step by code or label, or an error suggesting the nearest code (a
/// typo of any name it takes counts, `vonsi` for `vonis`), else naming every code.
fn coded<T: Coded>(value: &Value, what: Named) -> Result<T, ViewError> {
    coded_or(value, what, &[])
}

/// As [`coded`], for a key that also takes the words `more` (read by the caller): a typo of one
/// is suggested as it is, and they close the list of choices.
fn coded_or<T: Coded>(value: &Value, what: Named, more: &[&'static str]) -> Result<T, ViewError> {
    T::find(&value.text).ok_or_else(|| {
        let names = T::all()
            .iter()
            .flat_map(|&v| {
                let code = v.code_of().to_lowercase();
                [v.code_of(), v.labels()[0], v.labels()[1]]
                    .into_iter()
                    .chain(v.other_names().iter().copied())
                    .map(move |n| (n, code.clone()))
            })
            .chain(more.iter().map(|&w| (w, w.to_string())));
        match nearest(&value.text, names) {
            Some(name) => no_match(what, value, Some(format!("\"{name}\""))),
            None => {
                let choices = T::all()
                    .iter()
                    .map(|v| v.code_of().to_lowercase())
                    .chain(more.iter().map(|w| w.to_string()));
                no_choice(what, value, choices)
            }
        }
    })
}

/// The words of `lanjut:belum` / `followup:none`: a forwarded case with no step yet.
pub(super) const NO_STEP: (&str, &str) = ("belum", "none");

/// A value of `lanjut:`: a step by code or label, or `belum`/`none`.
fn follow_up(value: &Value) -> Result<FollowUpValue, ViewError> {
    let want = fold(&value.text);
    if want == NO_STEP.0 || want == NO_STEP.1 {
        return Ok(FollowUpValue::NoStep);
    }
    coded_or(value, Named::FollowUp, &[NO_STEP.1, NO_STEP.0]).map(FollowUpValue::Step)
}

/// The error for a value that names nothing of its kind (`what`) and comes near no name: it
/// lists the `choices`.
fn no_choice(what: Named, value: &Value, choices: impl Iterator<Item = String>) -> ViewError {
    let (text, pos) = (value.text.clone(), value.pos);
    let choices = choices.collect::<Vec<_>>().join(", ");
    ViewError::new(
        pos,
        Spec::NoMatchChoices {
            what,
            text,
            pos,
            choices,
        },
    )
}

/// A value from a table of Indonesian and English names, or an error suggesting the nearest name
/// (printed after `prefix`).
fn named<T: Copy>(
    value: &Value,
    table: &[(&'static str, &'static str, T)],
    what: Named,
    prefix: &str,
) -> Result<T, ViewError> {
    let text = value.text.strip_prefix(prefix).unwrap_or(&value.text);
    let want = fold(text);
    if let Some(&(_, _, v)) = table
        .iter()
        .find(|(id, en, _)| fold(id) == want || fold(en) == want)
    {
        return Ok(v);
    }
    let hint = nearest(
        text,
        table
            .iter()
            .flat_map(|(id, en, _)| [*id, *en])
            .map(|n| (n, n)),
    );
    Err(no_match(
        what,
        value,
        hint.map(|n| format!("\"{prefix}{n}\"")),
    ))
}

/// `urut:`/`sort:` — a sort key, descending after a leading `-`.
fn sort(value: &Value) -> Result<Sort, ViewError> {
    let descending = value.text.starts_with('-');
    let prefix = if descending { "-" } else { "" };
    let key = named(value, SORT_KEYS, Named::SortKey, prefix).map_err(|e| {
        // No key near what was typed: name them all.
        if e.suggestion().is_some() {
            return e;
        }
        let choices = SORT_KEYS
            .iter()
            .map(|(id, en, _)| format!("{prefix}{id}/{prefix}{en}"));
        no_choice(Named::SortKey, value, choices)
    })?;
    Ok(Sort { key, descending })
}

/// Refuses a contest that no election the view names holds (`pemilihan:pemilu2024
/// kontestasi:gubernur` could only ever count nothing), naming the elections that do hold it.
fn contests_in_view(
    view: &View,
    contests: &[(String, String, usize)],
    r: &Reference,
) -> Result<(), ViewError> {
    let named: Vec<&str> = view
        .terms
        .iter()
        .filter(|t| !t.negated)
        .filter_map(|t| match &t.kind {
            TermKind::Election(Elections::Codes(codes)) => Some(codes.iter().map(String::as_str)),
            _ => None,
        })
        .flatten()
        .collect();
    if named.is_empty() {
        return Ok(());
    }
    for (code, text, pos) in contests {
        if named
            .iter()
            .any(|e| r.election(e).is_some_and(|e| e.contest(code).is_some()))
        {
            continue;
        }
        let holders: Vec<String> = r
            .elections
            .iter()
            .filter(|e| e.contest(code).is_some())
            .map(|e| e.code.to_lowercase())
            .collect();
        return Err(ViewError::new(
            *pos,
            Spec::ContestOfOtherElection {
                text: text.clone(),
                pos: *pos,
                elections: holders.join(", "),
            },
        ));
    }
    Ok(())
}

/// `pemilihan:pilkada2024`, `election:"Pemilu 2024",pilkada2024`, `pemilihan:semua`: elections by
/// code or name in either language (case and spacing forgiven), in voting-day order; `semua`/`all`
/// among them is every election.
fn elections(values: &[Value], r: &Reference) -> Result<Elections, ViewError> {
    let every = |t: &str| {
        let want = fold(t);
        want == ALL_ELECTIONS.0 || want == ALL_ELECTIONS.1
    };
    let mut all = false;
    let mut codes = Vec::new();
    for v in values {
        if every(&v.text) {
            all = true;
            continue;
        }
        match r.find_election(&v.text) {
            Some(e) => codes.push(e.code.clone()),
            None => {
                let words = [ALL_ELECTIONS.0, ALL_ELECTIONS.1];
                let hint = r
                    .suggest_election(&v.text)
                    .map(|e| Hint::named(&e.code.to_lowercase(), &e.name_id, &e.name_en))
                    .or_else(|| {
                        nearest(&v.text, words.iter().map(|w| (*w, *w))).map(|w| Hint {
                            id: format!("\"{w}\""),
                            en: format!("\"{w}\""),
                        })
                    });
                return Err(match hint {
                    Some(h) => no_match_hinting(Named::Election, v, Some(h)),
                    None => no_choice(
                        Named::Election,
                        v,
                        r.elections
                            .iter()
                            .map(|e| e.code.to_lowercase())
                            .chain(words.iter().map(|w| w.to_string())),
                    ),
                });
            }
        }
    }
    Ok(if all {
        Elections::All
    } else {
        Elections::Codes(codes)
    })
}

/// `pekan:6`, `pekan:6,7`, `pekan:6-8`: pekan of `campaign` (the election in view's), each
/// checked against the campaign's count and resolved to its dates.
fn pekan(
    values: &[Value],
    campaign: Option<crate::domain::CampaignPeriod>,
    pos: usize,
) -> Result<Vec<Pekan>, ViewError> {
    let Some(campaign) = campaign else {
        return Err(ViewError::new(pos, Spec::NoCampaign { pos }));
    };
    let count = campaign.count();
    let mut out = Vec::new();
    for v in values {
        let number = |t: &str| -> Option<u64> {
            let t = t.trim();
            (!t.is_empty() && t.len() <= 9 && t.bytes().all(|b| b.is_ascii_digit()))
                .then(|| t.parse().ok())
                .flatten()
        };
        let (text, pos) = (v.text.clone(), v.pos);
        let (a, b) = match v.text.split_once(['-', '–']) {
            Some((a, b)) => (number(a), number(b)),
            None => (number(&v.text), number(&v.text)),
        };
        let (Some(a), Some(b)) = (a, b) else {
            return Err(ViewError::new(pos, Spec::BadPekan { text, pos }));
        };
        if a > b {
            return Err(ViewError::new(pos, Spec::BadPekan { text, pos }));
        }
        let inside = |n: u64| n >= 1 && n <= u64::from(count);
        if !inside(a) || !inside(b) {
            let nearest = |n: u64| n.clamp(1, u64::from(count));
            let hint = if a == b {
                format!("\"pekan:{}\"", nearest(a))
            } else {
                format!("\"pekan:{}-{}\"", nearest(a), nearest(b))
            };
            let campaign_days =
                crate::domain::pekan::day_range(Lang::En, campaign.starts, campaign.ends);
            let campaign_hari =
                crate::domain::pekan::day_range(Lang::Id, campaign.starts, campaign.ends);
            return Err(ViewError::new(
                pos,
                Spec::PekanOutOfRange {
                    text,
                    pos,
                    count,
                    days_id: campaign_hari,
                    days_en: campaign_days,
                },
            )
            .suggesting(Some(hint)));
        }
        // Both ends are inside 1..=count, so each fits a u32 and names a pekan.
        for n in a..=b {
            if let Some(p) = u32::try_from(n).ok().and_then(|n| campaign.pekan(n)) {
                out.push(p);
            }
        }
    }
    Ok(out)
}

/// The most days back `-Nd` may go (about a hundred years).
pub const MAX_DAYS_AGO: u32 = 36_500;

/// A date: `2024-01-15`, `15/01/2024`, `today`/`hariini`/`hari-ini`, or `-7d`; absolute dates from
/// 1900-01-01 to 2199-12-31 and at most `-36500d`, so that no date arithmetic can overflow.
fn date(value: &Value) -> Result<DateExpr, ViewError> {
    let (text, pos) = (&value.text, value.pos);
    match parse_date_expr(text) {
        Some(d) if in_range(d) => Ok(d),
        Some(_) => Err(ViewError::new(
            pos,
            Spec::DateOutOfRange {
                text: text.clone(),
                pos,
                max_days: MAX_DAYS_AGO,
            },
        )),
        None => Err(ViewError::new(
            pos,
            Spec::BadDate {
                text: text.clone(),
                pos,
            },
        )),
    }
}

fn in_range(d: DateExpr) -> bool {
    match d {
        DateExpr::Date(d) => crate::domain::day_in_range(d),
        DateExpr::Today => true,
        DateExpr::DaysAgo(n) => n <= MAX_DAYS_AGO,
    }
}

fn parse_date_expr(text: &str) -> Option<DateExpr> {
    let t = text.trim();
    if ["today", "hariini", "hari-ini", "hari ini"].contains(&t.to_lowercase().as_str()) {
        return Some(DateExpr::Today);
    }
    if let Some(n) = t.strip_prefix('-').and_then(|r| r.strip_suffix(['d', 'D'])) {
        if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        // Too many digits for a number is out of range, not a bad date.
        return Some(DateExpr::DaysAgo(n.parse().unwrap_or(u32::MAX)));
    }
    parse_date(t).map(DateExpr::Date)
}

/// Records where a key that may appear only once was seen, or the error for the second time.
fn once(seen: &mut Option<usize>, typed: &str, pos: usize) -> Result<(), ViewError> {
    if let Some(first) = *seen {
        let typed = typed.to_string();
        return Err(ViewError::new(pos, Spec::GivenTwice { typed, first, pos }));
    }
    *seen = Some(pos);
    Ok(())
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::view::parse;

    fn r() -> Reference {
        Reference::embedded()
    }

    fn p(input: &str) -> View {
        match parse(input, &r()) {
            Ok(v) => v,
            Err(e) => panic!("{input:?}: {e}"),
        }
    }

    #[test]
    fn a_word_that_searches_for_nothing_or_a_bare_boolean_word_is_refused_saying_why() {
        for (input, pos) in [("(", 1), ("kampanye *", 10), ("--", 2), ("\"-\"", 1)] {
            let e = err(input);
            assert!(
                e.to_string()
                    .contains("a search word needs a letter or a digit"),
                "{input}: {e}"
            );
            assert_eq!(e.position(), pos, "{input}");
        }
        let e = err("sembako AND");
        assert_eq!(e.position(), 9);
        assert!(
            e.to_string().contains("\"AND\" at 9 is not an operator"),
            "{e}"
        );
        assert!(e.message(Lang::Id).contains("bukan operator"));
        // Quoted, or as part of a word, it is searched for.
        assert!(parse("\"AND\" sembako", &r()).is_ok());
        assert!(parse("sembako and", &r()).is_ok());
        assert!(parse("-politik*", &r()).is_ok());
    }

    #[test]
    fn a_key_or_sort_key_near_none_lists_them_all() {
        let e = err("urut:tangal");
        assert!(
            e.message(Lang::Id).contains("diterima/received"),
            "{}",
            e.message(Lang::Id)
        );
        assert!(err("sort:-xyz").to_string().contains("-tenggat/-due"));
        assert_eq!(err("urut:tengat").suggestion(), Some("\"tenggat\""));
        let e = err("a:b");
        assert_eq!(
            e.to_string(),
            "unknown key \"a\" at 1; the keys are: region, stage, type, status, source, from, to, \
             pekan, asof, sort, is, followup, election, contest, province, kecamatan, desa, tps"
        );
        assert!(e.message(Lang::Id).contains("kuncinya: wilayah, tahapan"));
        assert_eq!(err("regoin:x").suggestion(), Some("\"region\""));
    }

    fn err(input: &str) -> ViewError {
        match parse(input, &r()) {
            Ok(v) => panic!("{input:?} parsed as {v:?}"),
            Err(e) => e,
        }
    }

    fn one(input: &str) -> Term {
        let v = p(input);
        assert_eq!(v.terms.len(), 1, "{input:?}: {v:?}");
        v.terms[0].clone()
    }

    fn kind(input: &str) -> TermKind {
        one(input).kind
    }

    fn day(y: i32, m: u32, d: u32) -> DateExpr {
        DateExpr::Date(NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    fn word(negated: bool, phrase: bool, text: &str) -> TextTerm {
        TextTerm {
            negated,
            phrase,
            text: text.into(),
        }
    }

    #[test]
    fn follow_up_steps_in_both_languages() {
        use crate::domain::FollowUpStep as F;
        for input in [
            "lanjut:putusan",
            "followup:verdict",
            "LANJUT:Putusan-pengadilan",
        ] {
            assert_eq!(
                kind(input),
                TermKind::FollowUp(vec![FollowUpValue::Step(F::Putusan)]),
                "{input}"
            );
        }
        assert_eq!(
            kind("followup:sp3,penyidikan"),
            TermKind::FollowUp(vec![
                FollowUpValue::Step(F::Penyidikan),
                FollowUpValue::Step(F::Sp3)
            ])
        );
        let v = p("jenis:pidana lanjut:putusan");
        assert_eq!(v.print(&r()), "type:pidana followup:putusan");
        assert_eq!(v.print_in(&r(), Lang::Id), "jenis:pidana lanjut:putusan");
        let e = err("lanjut:putsan");
        assert_eq!(e.suggestion(), Some("\"putusan\""));
        assert!(e.message(Lang::Id).contains("tahap tindak lanjut"));
        assert_eq!(err("folowup:sp3").suggestion(), Some("\"followup\""));
        // A typo of another word the step takes is near it too.
        assert_eq!(err("lanjut:vonsi").suggestion(), Some("\"putusan\""));
        assert_eq!(err("followup:verdikt").suggestion(), Some("\"putusan\""));
    }

    #[test]
    fn a_forwarded_case_without_a_step_yet_in_both_languages() {
        use crate::domain::FollowUpStep as F;
        for input in [
            "lanjut:belum",
            "followup:none",
            "LANJUT:Belum",
            "followup:NONE",
        ] {
            assert_eq!(
                kind(input),
                TermKind::FollowUp(vec![FollowUpValue::NoStep]),
                "{input}"
            );
        }
        // With steps, any of them: the words of each language print back.
        let v = p("jenis:pidana lanjut:belum,putusan");
        assert_eq!(v.print(&r()), "type:pidana followup:putusan,none");
        assert_eq!(
            v.print_in(&r(), Lang::Id),
            "jenis:pidana lanjut:putusan,belum"
        );
        assert_eq!(
            kind("-followup:none,sp3"),
            TermKind::FollowUp(vec![FollowUpValue::Step(F::Sp3), FollowUpValue::NoStep])
        );
        assert!(p("-lanjut:belum").terms[0].negated);
        // A typo of either word is suggested as it was meant.
        assert_eq!(err("lanjut:blum").suggestion(), Some("\"belum\""));
        assert_eq!(err("followup:nnoe").suggestion(), Some("\"none\""));
        assert_eq!(err("followup:putsan").suggestion(), Some("\"putusan\""));
    }

    #[test]
    fn a_value_near_no_name_lists_the_choices() {
        let e = err("lanjut:xyz");
        assert_eq!(e.suggestion(), None);
        assert_eq!(
            e.message(Lang::En),
            "no follow-up step matches \"xyz\" at 8; the choices are: penyidikan, sp3, \
             penuntutan, persidangan, putusan, putusan_dkpp, keputusan_kpu, putusan_bawaslu, \
             rekomendasi_instansi, perbaikan_kpu, none, belum"
        );
        assert_eq!(
            err("sumber:xyz").message(Lang::Id),
            "tidak ada sumber yang cocok dengan \"xyz\" di posisi 8; pilihannya: temuan, laporan"
        );
        assert!(
            err("status:xyz")
                .message(Lang::En)
                .contains("kajian_awal, perbaikan_syarat")
        );
        assert_eq!(err("jenis:xyz").position(), 7);
    }

    #[test]
    fn empty_and_blank_inputs_are_the_empty_view() {
        assert_eq!(p(""), View::default());
        assert_eq!(p("   \t \n "), View::default());
    }

    #[test]
    fn region_in_both_languages_by_short_name_code_and_name() {
        let kukar = TermKind::Region(vec!["64.02".into()]);
        for input in [
            "wilayah:kukar",
            "region:kukar",
            "REGION:Kukar",
            "Wilayah:64.02",
            "region:\"Kutai Kartanegara\"",
        ] {
            assert_eq!(kind(input), kukar, "{input}");
        }
        assert_eq!(kind("region:\"kabupaten kutai kartanegara\""), kukar);
    }

    #[test]
    fn stage_in_both_languages() {
        let k = TermKind::Stage(vec!["KAMPANYE".into()]);
        assert_eq!(kind("tahapan:kampanye"), k);
        assert_eq!(kind("stage:KAMPANYE"), k);
        assert_eq!(kind("stage:\"masa kampanye\""), k);
        assert_eq!(kind("stage:\"Campaign period\""), k);
        assert_eq!(
            kind("stage:masa_tenang"),
            TermKind::Stage(vec!["MASA_TENANG".into()])
        );
    }

    fn codes(list: &[&str]) -> Elections {
        Elections::Codes(list.iter().map(|c| c.to_string()).collect())
    }

    #[test]
    fn elections_by_code_or_name_in_both_languages() {
        let pilkada = TermKind::Election(codes(&["PILKADA2024"]));
        for spec in [
            "pemilihan:pilkada2024",
            "election:PILKADA2024",
            "pemilihan:\"Pilkada 2024\"",
            "election:\"2024 regional head elections\"",
            "PEMILIHAN:pilkada_2024",
        ] {
            assert_eq!(kind(spec), pilkada, "{spec}");
        }
        // Several, in voting-day order whatever order they are typed in.
        assert_eq!(
            kind("election:pilkada2024,\"pemilu 2024\""),
            TermKind::Election(codes(&["PEMILU2024", "PILKADA2024"]))
        );
        for every in [
            "pemilihan:semua",
            "election:ALL",
            "election:pilkada2024,all",
        ] {
            assert_eq!(kind(every), TermKind::Election(Elections::All), "{every}");
        }
        assert_eq!(
            one("-pemilihan:pemilu2024"),
            Term {
                negated: true,
                kind: TermKind::Election(codes(&["PEMILU2024"]))
            }
        );
        assert_eq!(
            p("pemilihan:pemilu2024 wilayah:kukar"),
            p("region:kukar election:pemilu2024")
        );
    }

    #[test]
    fn an_unknown_election_suggests_the_nearest_or_names_the_choices() {
        let e = err("region:kukar election:pilkada2042");
        assert_eq!(e.position(), 23);
        assert_eq!(
            e.to_string(),
            "no election matches \"pilkada2042\" at 23 — did you mean pilkada2024 \
             (2024 Regional Head Elections)?"
        );
        // Each language names it in its own words.
        assert!(
            e.message(Lang::Id)
                .ends_with("maksud Anda pilkada2024 (Pilkada 2024)?"),
            "{}",
            e.message(Lang::Id)
        );
        assert_eq!(
            e.message(Lang::Id),
            "tidak ada pemilihan yang cocok dengan \"pilkada2042\" di posisi 23 — maksud Anda pilkada2024 (Pilkada 2024)?"
        );
        assert_eq!(err("pemilihan:semau").suggestion(), Some("\"semua\""));
        assert_eq!(
            err("election:zzz").to_string(),
            "no election matches \"zzz\" at 10; the choices are: pemilu2024, pilkada2024, semua, all"
        );
        assert_eq!(
            err("election:").to_string(),
            "empty value for \"election\" at 1"
        );
    }

    #[test]
    fn contests_by_code_or_name_in_both_languages() {
        let gubernur = TermKind::Contest(vec!["GUBERNUR".into()]);
        assert_eq!(kind("kontestasi:gubernur"), gubernur);
        assert_eq!(kind("contest:\"Governor of Kalimantan Timur\""), gubernur);
        assert_eq!(
            kind("contest:\"Pemilihan Gubernur dan Wakil Gubernur Kalimantan Timur\""),
            gubernur
        );
        // In display order: Pemilu 2024's races, then Pilkada 2024's.
        assert_eq!(
            kind("kontestasi:walikota_samarinda,gubernur,dpr"),
            TermKind::Contest(vec![
                "DPR".into(),
                "GUBERNUR".into(),
                "WALIKOTA_SAMARINDA".into()
            ])
        );
        assert_eq!(
            one("-contest:presiden"),
            Term {
                negated: true,
                kind: TermKind::Contest(vec!["PRESIDEN".into()])
            }
        );
        let e = err("contest:gubernr");
        assert_eq!(
            e.to_string(),
            "no contest matches \"gubernr\" at 9 — did you mean gubernur \
             (Governor of Kalimantan Timur)?"
        );
        assert_eq!(
            e.message(Lang::Id),
            "tidak ada kontestasi yang cocok dengan \"gubernr\" di posisi 9 — maksud Anda gubernur \
             (Pemilihan Gubernur dan Wakil Gubernur Kalimantan Timur)?"
        );
        assert_eq!(err("kontestasi:xyz").suggestion(), None);
    }

    #[test]
    fn a_contest_that_nothing_in_view_can_hold_and_a_view_of_no_election_are_refused() {
        // Nothing near: the contests there are.
        let e = err("kontestasi:xyz");
        assert!(
            e.to_string().contains("the choices are: presiden, dpr")
                && e.to_string().contains("gubernur"),
            "{e}"
        );
        // A contest of another election than those named, at its own position.
        let e = err("pemilihan:pemilu2024 kontestasi:gubernur");
        assert_eq!(e.position(), 33);
        assert!(
            e.to_string().contains("it is a contest of: pilkada2024"),
            "{e}"
        );
        assert!(
            e.message(Lang::Id)
                .contains("kontestasi itu ada pada: pilkada2024"),
            "{}",
            e.message(Lang::Id)
        );
        // Named among several, or with no election named (the default decides), it stands.
        assert!(parse("pemilihan:pemilu2024,pilkada2024 kontestasi:gubernur", &r()).is_ok());
        assert!(parse("kontestasi:gubernur", &r()).is_ok());
        assert!(parse("pemilihan:pemilu2024 -kontestasi:gubernur", &r()).is_ok());
        // Leaving out every election leaves nothing to count.
        for spec in ["-pemilihan:semua", "region:bontang -election:all"] {
            let e = err(spec);
            assert!(e.to_string().contains("leaves out every election"), "{e}");
            assert!(
                e.message(Lang::Id)
                    .contains("mengecualikan semua pemilihan")
            );
        }
        assert!(parse("-pemilihan:pilkada2024", &r()).is_ok());
    }

    #[test]
    fn a_stage_of_any_election_is_a_stage() {
        // Pilkada 2024's own stages are named as Pemilu 2024's are.
        assert_eq!(
            kind("tahapan:dukungan_perseorangan,kampanye"),
            TermKind::Stage(vec!["KAMPANYE".into(), "DUKUNGAN_PERSEORANGAN".into()])
        );
        assert_eq!(
            kind("stage:penetapan_paslon"),
            TermKind::Stage(vec!["PENETAPAN_PASLON".into()])
        );
        assert_eq!(
            err("stage:penetapan_paslom").to_string(),
            "no stage matches \"penetapan_paslom\" at 7 — did you mean PENETAPAN_PASLON \
             (Designation of candidate pairs)?"
        );
        assert!(
            err("tahapan:penetapan_paslom")
                .message(Lang::Id)
                .ends_with("maksud Anda PENETAPAN_PASLON (Penetapan pasangan calon)?")
        );
    }

    #[test]
    fn a_pekan_is_one_of_the_campaign_of_the_election_the_view_names() {
        let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
        let pekan_of = |spec: &str| -> Vec<Pekan> {
            p(spec)
                .terms
                .into_iter()
                .find_map(|t| match t.kind {
                    TermKind::Pekan(v) => Some(v),
                    _ => None,
                })
                .unwrap_or_default()
        };
        // Pilkada 2024's campaign starts on 25 Sep 2024, whichever comes first in the spec.
        for spec in [
            "pemilihan:pilkada2024 pekan:1",
            "pekan:1 pemilihan:pilkada2024",
        ] {
            let one = pekan_of(spec);
            assert_eq!((one[0].starts, one[0].ends), (d(9, 25), d(10, 1)), "{spec}");
        }
        // Without one election named: Pemilu 2024's, as before elections were data.
        for spec in ["pekan:6", "pemilihan:semua pekan:6"] {
            let six = pekan_of(spec);
            assert_eq!((six[0].starts, six[0].ends), (d(1, 2), d(1, 8)), "{spec}");
        }
        // Pilkada 2024's 60 days are eight pekan.
        let e = err("pemilihan:pilkada2024 pekan:9");
        assert_eq!(
            e.to_string(),
            "pekan 9 at 29 is outside the campaign: the campaign (25 Sep – 23 Nov 2024) \
             has pekan 1–8 — did you mean \"pekan:8\"?"
        );
    }

    #[test]
    fn type_status_and_source_in_both_languages() {
        assert_eq!(
            kind("jenis:pidana"),
            TermKind::Type(vec![TypeGroup::Pidana])
        );
        assert_eq!(
            kind("type:\"other laws\""),
            TermKind::Type(vec![TypeGroup::HukumLainnya])
        );
        assert_eq!(
            kind("type:hukum_lainnya"),
            TermKind::Type(vec![TypeGroup::HukumLainnya])
        );
        assert_eq!(
            kind("status:kajian_awal"),
            TermKind::Status(vec![Status::KajianAwal])
        );
        assert_eq!(
            kind("status:\"initial review\""),
            TermKind::Status(vec![Status::KajianAwal])
        );
        assert_eq!(
            kind("STATUS:tidak-diregistrasi"),
            TermKind::Status(vec![Status::TidakDiregistrasi])
        );
        assert_eq!(
            kind("sumber:temuan"),
            TermKind::Source(vec![Source::Temuan])
        );
        assert_eq!(
            kind("source:Laporan"),
            TermKind::Source(vec![Source::Laporan])
        );
    }

    #[test]
    fn dates_in_both_languages_and_every_form() {
        assert_eq!(kind("dari:2024-01-15"), TermKind::From(day(2024, 1, 15)));
        assert_eq!(kind("from:15/01/2024"), TermKind::From(day(2024, 1, 15)));
        assert_eq!(kind("sampai:today"), TermKind::To(DateExpr::Today));
        assert_eq!(kind("to:hariini"), TermKind::To(DateExpr::Today));
        assert_eq!(kind("to:hari-ini"), TermKind::To(DateExpr::Today));
        assert_eq!(kind("to:\"hari ini\""), TermKind::To(DateExpr::Today));
        assert_eq!(kind("from:-7d"), TermKind::From(DateExpr::DaysAgo(7)));
        assert_eq!(kind("from:-0d"), TermKind::From(DateExpr::DaysAgo(0)));
        assert_eq!(p("per:2024-02-14").as_of, Some(day(2024, 2, 14)));
        assert_eq!(p("asof:-30d").as_of, Some(DateExpr::DaysAgo(30)));
        assert_eq!(p("AsOf:Today").as_of, Some(DateExpr::Today));
        assert_eq!(p("asof:\"2024-02-14\"").as_of, Some(day(2024, 2, 14)));
    }

    fn pekan(numbers: &[u32]) -> TermKind {
        let c = r().campaign_period().unwrap();
        TermKind::Pekan(numbers.iter().map(|n| c.pekan(*n).unwrap()).collect())
    }

    #[test]
    fn pekan_one_a_list_or_a_range_resolved_to_their_dates() {
        let TermKind::Pekan(six) = kind("pekan:6") else {
            panic!("a pekan term");
        };
        let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
        assert_eq!(
            (six[0].number, six[0].starts, six[0].ends),
            (6, d(1, 2), d(1, 8))
        );
        assert_eq!(kind("pekan:6,7"), pekan(&[6, 7]));
        assert_eq!(kind("PEKAN:6-8"), pekan(&[6, 7, 8]));
        assert_eq!(kind("pekan:8,6-7,7"), pekan(&[6, 7, 8]), "normalised");
        assert_eq!(kind("pekan:10-10"), pekan(&[10]));
        assert_eq!(
            one("-pekan:1"),
            Term {
                negated: true,
                kind: pekan(&[1])
            }
        );
    }

    #[test]
    fn a_pekan_the_campaign_does_not_have_names_its_range() {
        let e = err("region:bontang pekan:11");
        assert_eq!(e.position(), 22);
        assert_eq!(
            e.to_string(),
            "pekan 11 at 22 is outside the campaign: the campaign (28 Nov 2023 – 10 Feb 2024) \
             has pekan 1–10 — did you mean \"pekan:10\"?"
        );
        assert_eq!(
            e.message(Lang::Id),
            "pekan 11 di posisi 22 di luar masa kampanye: masa kampanye (28 Nov 2023 – 10 Feb 2024) \
             terdiri atas pekan 1–10 — maksud Anda \"pekan:10\"?"
        );
        assert_eq!(err("pekan:0").suggestion(), Some("\"pekan:1\""));
        assert_eq!(err("pekan:9-12").suggestion(), Some("\"pekan:9-10\""));
        for bad in [
            "pekan:x",
            "pekan:8-6",
            "pekan:-3",
            "pekan:6-",
            "pekan:1.5",
            "pekan:99999999999",
        ] {
            let e = err(bad);
            assert!(
                e.to_string().starts_with("bad pekan")
                    || e.to_string().contains("outside the campaign"),
                "{bad}: {e}"
            );
        }
        // Without campaign dates there are no pekan to name.
        let mut reference = r();
        for s in &mut reference.stages {
            s.starts_on = None;
        }
        for e in &mut reference.elections {
            for s in &mut e.stages {
                s.starts_on = None;
            }
        }
        let e = parse("pekan:1", &reference).unwrap_err();
        assert!(e.to_string().contains("no dates"), "{e}");
    }

    #[test]
    fn bad_dates_are_refused_with_the_forms_to_write() {
        let e = err("from:2024-13-01");
        assert_eq!(
            e.to_string(),
            "bad date \"2024-13-01\" at 6 — write YYYY-MM-DD, DD/MM/YYYY, today or -7d"
        );
        assert_eq!(e.position(), 6);
        assert_eq!(
            e.message(Lang::Id),
            "tanggal \"2024-13-01\" tidak valid di posisi 6 — tulis YYYY-MM-DD, DD/MM/YYYY, hariini atau -7d"
        );
        for bad in [
            "from:-7",
            "from:-d",
            "from:7d",
            "from:-7w",
            "to:yesterday",
            "per:31/02/2024",
        ] {
            assert!(err(bad).to_string().starts_with("bad date"), "{bad}");
        }
        for far in [
            "from:-99999999999d",
            "from:-36501d",
            "to:1899-12-31",
            "asof:2200-01-01",
        ] {
            assert!(err(far).to_string().contains("out of range"), "{far}");
        }
        assert_eq!(p("from:-36500d").terms.len(), 1);
    }

    #[test]
    fn is_flags_in_both_languages_and_negated() {
        let cases = [
            ("terbuka", "open", Flag::Open),
            ("selesai", "closed", Flag::Closed),
            ("lewat", "overdue", Flag::Overdue),
            ("teregistrasi", "registered", Flag::Registered),
            ("pelanggaran", "violation", Flag::Violation),
            ("terlambat", "late", Flag::Late),
            ("baru", "new", Flag::New),
        ];
        for (id, en, flag) in cases {
            assert_eq!(kind(&format!("is:{id}")), TermKind::Is(flag));
            assert_eq!(
                kind(&format!("IS:{}", en.to_uppercase())),
                TermKind::Is(flag)
            );
        }
        assert_eq!(
            one("-is:open"),
            Term {
                negated: true,
                kind: TermKind::Is(Flag::Open)
            }
        );
    }

    #[test]
    fn sort_in_both_languages_ascending_and_descending() {
        let cases = [
            ("diterima", "received", SortKey::Received),
            ("nomor", "number", SortKey::Number),
            ("wilayah", "region", SortKey::Region),
            ("tahapan", "stage", SortKey::Stage),
            ("status", "status", SortKey::Status),
            ("jenis", "type", SortKey::Type),
            ("tenggat", "due", SortKey::Due),
        ];
        for (id, en, key) in cases {
            assert_eq!(
                p(&format!("urut:{id}")).sort,
                Some(Sort {
                    key,
                    descending: false
                })
            );
            assert_eq!(
                p(&format!("sort:-{en}")).sort,
                Some(Sort {
                    key,
                    descending: true
                })
            );
        }
    }

    #[test]
    fn lists_are_any_of_and_negation_excludes() {
        assert_eq!(
            kind("status:kajian,klarifikasi"),
            TermKind::Status(vec![Status::Klarifikasi, Status::Kajian])
        );
        assert_eq!(
            one("-region:\"kutai kartanegara\",samarinda"),
            Term {
                negated: true,
                kind: TermKind::Region(vec!["64.72".into(), "64.02".into()])
            }
        );
        assert_eq!(
            one("-sumber:temuan"),
            Term {
                negated: true,
                kind: TermKind::Source(vec![Source::Temuan])
            }
        );
    }

    #[test]
    fn quoted_values_may_hold_commas_and_escaped_quotes() {
        // A comma inside quotes is part of the value, so this names no region.
        let e = err("region:\"samarinda,kukar\"");
        assert_eq!(e.to_string(), "no region matches \"samarinda,kukar\" at 8");
        assert_eq!(
            kind("region:kutai\" kartanegara\""),
            TermKind::Region(vec!["64.02".into()])
        );
        assert_eq!(
            err(r#"region:"sam\"arinda""#).to_string(),
            "no region matches \"sam\"arinda\" at 8 — did you mean Samarinda (64.72)?"
        );
    }

    #[test]
    fn values_are_ordered_and_deduplicated() {
        assert_eq!(
            p("region:samarinda,balikpapan"),
            p("region:balikpapan,samarinda")
        );
        assert_eq!(
            kind("region:samarinda,balikpapan,64.72"),
            TermKind::Region(vec!["64.71".into(), "64.72".into()])
        );
        assert_eq!(
            kind("stage:pungut_hitung,kampanye,kampanye"),
            TermKind::Stage(vec!["KAMPANYE".into(), "PUNGUT_HITUNG".into()])
        );
        assert_eq!(
            kind("type:tsm,pidana,administrasi"),
            TermKind::Type(vec![
                TypeGroup::Administrasi,
                TypeGroup::Pidana,
                TypeGroup::Tsm
            ])
        );
        assert_eq!(
            kind("source:laporan,temuan"),
            TermKind::Source(vec![Source::Temuan, Source::Laporan])
        );
    }

    #[test]
    fn terms_and_text_are_ordered_and_deduplicated() {
        let a = p("politik -is:open status:kajian region:kukar \"uang\" politik region:kukar");
        let b = p("region:kukar \"uang\" status:kajian politik -is:open");
        assert_eq!(a, b);
        assert_eq!(a.terms.len(), 3);
        assert_eq!(a.text.len(), 2);
        assert_eq!(
            p("wilayah:kukar tahapan:kampanye"),
            p("stage:kampanye region:64.02")
        );
    }

    #[test]
    fn text_terms_words_prefixes_phrases_and_negation() {
        let v = p("Politik* -minyak \"politik uang\" -\"serangan fajar\" 12:30");
        assert_eq!(
            v.text,
            vec![
                word(false, false, "12:30"),
                word(false, false, "Politik*"),
                word(false, true, "politik uang"),
                word(true, false, "minyak"),
                word(true, true, "serangan fajar"),
            ]
        );
        assert!(v.terms.is_empty());
        assert_eq!(
            p(r#""say \"no\" \\ now""#).text,
            vec![word(false, true, r#"say "no" \ now"#)]
        );
        assert_eq!(p(r#""a\b""#).text, vec![word(false, true, r"a\b")]);
        assert_eq!(p("--x").text, vec![word(true, false, "-x")]);
        assert_eq!(p("region").text, vec![word(false, false, "region")]);
    }

    #[test]
    fn a_full_spec_in_indonesian_equals_its_english_twin() {
        let id = p(
            "wilayah:kukar,samarinda -status:dicabut jenis:pidana sumber:laporan dari:2024-01-01 sampai:-1d is:lewat per:hariini urut:-tenggat \"politik uang\"",
        );
        let en = p(
            "region:samarinda,kukar -status:withdrawn type:pidana source:laporan from:2024-01-01 to:-1d is:overdue asof:today sort:-due \"politik uang\"",
        );
        assert_eq!(id, en);
        assert_eq!(id.terms.len(), 7);
    }

    #[test]
    fn unknown_key_suggests_the_nearest_key() {
        let e = err("regoin:samarinda");
        assert_eq!(
            e.to_string(),
            "unknown key \"regoin\" at 1 — did you mean \"region\"?"
        );
        assert_eq!(
            e.message(Lang::Id),
            "kunci \"regoin\" tidak dikenal di posisi 1 — maksud Anda \"region\"?"
        );
        assert_eq!(e.position(), 1);
        assert_eq!(e.suggestion(), Some("\"region\""));
        let e = err("kukar -wilayh:x");
        assert_eq!(
            e.to_string(),
            "unknown key \"wilayh\" at 8 — did you mean \"wilayah\"?"
        );
        let e = err("zzzqqq:1");
        assert!(
            e.to_string()
                .starts_with("unknown key \"zzzqqq\" at 1; the keys are: region, stage"),
            "{e}"
        );
        assert_eq!(e.suggestion(), None);
        assert_eq!(err("http://example.com").position(), 1);
    }

    #[test]
    fn unknown_region_suggests_the_nearest_region() {
        let e = err("region:samarindah");
        assert_eq!(
            e.to_string(),
            "no region matches \"samarindah\" at 8 — did you mean Samarinda (64.72)?"
        );
        assert_eq!(e.position(), 8);
        assert_eq!(
            e.message(Lang::Id),
            "tidak ada wilayah yang cocok dengan \"samarindah\" di posisi 8 — maksud Anda Samarinda (64.72)?"
        );
        let e = err("region:kukar,jakarta");
        assert_eq!(e.to_string(), "no region matches \"jakarta\" at 14");
    }

    #[test]
    fn unknown_stage_type_status_source_flag_and_sort_suggest_the_nearest() {
        assert_eq!(
            err("stage:kampanya").to_string(),
            "no stage matches \"kampanya\" at 7 — did you mean KAMPANYE (Campaign period)?"
        );
        assert_eq!(
            err("tahapan:kampnye").message(Lang::Id),
            "tidak ada tahapan yang cocok dengan \"kampnye\" di posisi 9 — maksud Anda KAMPANYE \
             (Masa kampanye)?"
        );
        assert_eq!(
            err("type:pidna").to_string(),
            "no type matches \"pidna\" at 6 — did you mean \"pidana\"?"
        );
        assert_eq!(
            err("status:kajian_awl").to_string(),
            "no status matches \"kajian_awl\" at 8 — did you mean \"kajian_awal\"?"
        );
        assert_eq!(
            err("source:lapran").to_string(),
            "no source matches \"lapran\" at 8 — did you mean \"laporan\"?"
        );
        assert_eq!(
            err("is:opne").to_string(),
            "no flag matches \"opne\" at 4 — did you mean \"open\"?"
        );
        assert_eq!(
            err("is:lewet").message(Lang::Id),
            "tidak ada penanda yang cocok dengan \"lewet\" di posisi 4 — maksud Anda \"lewat\"?"
        );
        assert_eq!(
            err("is:terlambt").message(Lang::Id),
            "tidak ada penanda yang cocok dengan \"terlambt\" di posisi 4 — maksud Anda \"terlambat\"?"
        );
        assert_eq!(
            err("is:lte").to_string(),
            "no flag matches \"lte\" at 4 — did you mean \"late\"?"
        );
        assert_eq!(
            err("sort:-recieved").to_string(),
            "no sort key matches \"-recieved\" at 6 — did you mean \"-received\"?"
        );
        // Near no name: the message names the choices instead.
        assert_eq!(
            err("type:xyz").to_string(),
            "no type matches \"xyz\" at 6; the choices are: administrasi, pidana, kode_etik, \
             hukum_lainnya, tsm, bukan_pelanggaran, belum_ditentukan, tidak_ditindaklanjuti"
        );
    }

    #[test]
    fn unterminated_quote_names_the_opening_quote() {
        let e = err("wilayah:\"kutai kartanegara");
        assert_eq!(e.to_string(), "unterminated quote at 9");
        assert_eq!(e.position(), 9);
        assert_eq!(e.message(Lang::Id), "tanda kutip tidak ditutup di posisi 9");
        assert_eq!(err("politik \"uang").position(), 9);
        assert_eq!(err(r#""ends in \""#).to_string(), "unterminated quote at 1");
    }

    #[test]
    fn empty_values_are_refused() {
        let e = err("region:");
        assert_eq!(e.to_string(), "empty value for \"region\" at 1");
        assert_eq!(
            e.message(Lang::Id),
            "nilai kosong untuk \"region\" di posisi 1"
        );
        assert_eq!(
            err("kukar wilayah:").to_string(),
            "empty value for \"wilayah\" at 7"
        );
        assert_eq!(err("region:kukar,").position(), 13);
        assert_eq!(err("region:kukar,,samarinda").position(), 14);
        assert_eq!(err("region:,kukar").position(), 8);
        assert_eq!(err("region:\"\"").position(), 8);
        assert_eq!(err("\"\"").to_string(), "empty phrase at 1");
        assert_eq!(err("a - b").to_string(), "nothing after \"-\" at 3");
    }

    #[test]
    fn asof_and_sort_may_appear_once() {
        let e = err("asof:today asof:-1d");
        assert_eq!(e.to_string(), "\"asof\" given twice (at 1 and 12)");
        assert_eq!(e.position(), 12);
        assert_eq!(
            e.message(Lang::Id),
            "\"asof\" diberikan dua kali (di posisi 1 dan 12)"
        );
        assert_eq!(
            err("per:today kukar asof:today").to_string(),
            "\"asof\" given twice (at 1 and 17)"
        );
        assert_eq!(
            err("sort:number urut:-nomor").to_string(),
            "\"urut\" given twice (at 1 and 13)"
        );
    }

    #[test]
    fn dates_and_sort_cannot_be_negated_or_listed() {
        let e = err("-from:2024-01-01");
        assert_eq!(
            e.to_string(),
            "\"from\" cannot be negated or take several values at 1"
        );
        assert_eq!(e.position(), 1);
        assert_eq!(
            e.message(Lang::Id),
            "\"from\" tidak dapat dinegasikan atau diberi beberapa nilai di posisi 1"
        );
        assert_eq!(
            err("kukar to:today,-1d").to_string(),
            "\"to\" cannot be negated or take several values at 7"
        );
        assert_eq!(err("-per:today").position(), 1);
        assert_eq!(err("sort:number,due").position(), 1);
        assert_eq!(
            err("is:open,overdue").to_string(),
            "\"is\" takes a single value at 1"
        );
    }

    #[test]
    fn positions_count_characters_not_bytes() {
        assert_eq!(err("pemilu régoin:x").position(), 8);
        assert_eq!(err("“kutip” status:nope").position(), 16);
    }
}
