//! Elections as reference data: each election pantau knows (Pemilu 2024, Pilkada 2024, the cycles
//! after them) is a folder a person can read and correct — `election.toml` (code, names, kind,
//! voting day, campaign stage, case-number segment, handling limits), `stages.csv`,
//! `campaign_methods.csv` and `contests.csv` — embedded in the binary for the shipped ones. The
//! types of those files (a stage, a campaign method, how a limit counts its days) live here too:
//! this module is a leaf of `domain`, read by `reference` and `deadline`.

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize};

pub use crate::error::ReferenceError;
use crate::i18n::Lang;
use crate::i18n::core::Core;
use crate::i18n::election::{CellWant, ElectionMsg};

/// How a limit counts its days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum DayCount {
    /// Every day counts.
    #[default]
    Calendar,
    /// Saturdays, Sundays and the holidays of assets/holidays.csv are skipped.
    Working,
}

/// One stage (tahapan) of the election calendar.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stage {
    pub code: String,
    pub name_id: String,
    pub name_en: String,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub position: i64,
    /// The short label in Indonesian (`Kampanye`), for narrow columns and panels; empty: the name.
    #[serde(default)]
    pub short_id: String,
    /// The short label in English (`Campaign`); empty: the name.
    #[serde(default)]
    pub short_en: String,
}

impl Stage {
    /// The stage's name in `lang`: the column of stages.csv for that language (data the
    /// reference file gives, not a message of pantau's).
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::Id => &self.name_id,
            Lang::En => &self.name_en,
        }
    }

    /// The stage's short label in `lang` (`Kampanye`, `Voting day`): what a case list or a panel
    /// shows, never the code; the name when the reference data gives no short label.
    pub fn short(&self, lang: Lang) -> &str {
        let short = match lang {
            Lang::Id => &self.short_id,
            Lang::En => &self.short_en,
        };
        if short.trim().is_empty() {
            self.name(lang)
        } else {
            short
        }
    }
}

/// One way of campaigning the office counts activities by (tatap muka, pertemuan terbatas, ...):
/// reference data, since each election has its own list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignMethod {
    pub code: String,
    pub name_id: String,
    pub name_en: String,
    pub position: i64,
}

impl CampaignMethod {
    /// The method's name in `lang` (data the reference file gives).
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::Id => &self.name_id,
            Lang::En => &self.name_en,
        }
    }
}

/// The columns every row of stages.csv, campaign_methods.csv and contests.csv fills.
const NAMED: [&str; 4] = ["code", "name_id", "name_en", "position"];

/// Parses and checks a `campaign_methods.csv` (`file` names it in errors): codes unique, at least
/// one method.
pub(crate) fn parse_methods(file: &str, text: &str) -> Result<Vec<CampaignMethod>, ReferenceError> {
    let mut methods: Vec<CampaignMethod> = parse_csv(file, text, &NAMED)?;
    methods.sort_by_key(|m| m.position);
    for (i, m) in methods.iter().enumerate() {
        if methods[..i]
            .iter()
            .any(|o| folded(&o.code) == folded(&m.code))
        {
            return Err(ReferenceError::new(
                file,
                0,
                &Core::MethodTwice { code: &m.code },
            ));
        }
    }
    if methods.is_empty() {
        return Err(ReferenceError::new(file, 0, &Core::NoMethods));
    }
    Ok(methods)
}

/// Parses a reference CSV file (`file` names it in errors) into rows of `T`. Every mistake in a
/// cell is told in the catalogue with its line and column and the form the column wants (a date
/// written `31-05-2029`: "write it YYYY-MM-DD"); a column of `required` left empty is refused
/// rather than read as an empty text.
pub(crate) fn parse_csv<T: for<'de> Deserialize<'de>>(
    file: &str,
    text: &str,
    required: &[&str],
) -> Result<Vec<T>, ReferenceError> {
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let headers = rdr.headers().map_err(|e| csv_error(file, &e))?.clone();
    for want in required {
        if !headers.iter().any(|h| h.trim() == *want) {
            return Err(msg(file, 1, ElectionMsg::ColumnMissing { column: want }));
        }
    }
    let mut out = Vec::new();
    let mut rec = csv::StringRecord::new();
    while rdr.read_record(&mut rec).map_err(|e| csv_error(file, &e))? {
        let line = rec.position().map_or(0, |p| p.line());
        for (i, h) in headers.iter().enumerate() {
            if required.contains(&h.trim()) && rec.get(i).is_none_or(|c| c.trim().is_empty()) {
                return Err(msg(
                    file,
                    line,
                    ElectionMsg::CellEmpty {
                        number: i + 1,
                        column: h,
                    },
                ));
            }
        }
        let row: T = rec
            .deserialize(Some(&headers))
            .map_err(|e| match e.kind() {
                csv::ErrorKind::Deserialize { err, .. } => {
                    cell_error(file, line, &headers, &rec, err)
                }
                _ => csv_error(file, &e),
            })?;
        out.push(row);
    }
    Ok(out)
}

/// The message of a row that `csv` could not read as a whole (cells counted wrong, not UTF-8).
fn csv_error(file: &str, e: &csv::Error) -> ReferenceError {
    let line = e.position().map_or(0, |p| p.line());
    match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => msg(
            file,
            line,
            ElectionMsg::RowLength {
                found: *len,
                expected: *expected_len,
            },
        ),
        csv::ErrorKind::Utf8 { .. } => msg(file, line, ElectionMsg::NotUtf8),
        _ => {
            let why = e.to_string();
            ReferenceError::new(file, line, &Core::ReferenceUnreadable { why: &why })
        }
    }
}

/// The message of a cell that does not hold what its column wants.
fn cell_error(
    file: &str,
    line: u64,
    headers: &csv::StringRecord,
    rec: &csv::StringRecord,
    e: &csv::DeserializeError,
) -> ReferenceError {
    use csv::DeserializeErrorKind as K;
    // serde's own messages (a date's "trailing input") come without their cell: a date column
    // whose cell is not a date is that cell.
    let is_date = |h: &str| h.trim() == "date" || h.trim().ends_with("_on");
    let field = e.field().and_then(|i| usize::try_from(i).ok()).or_else(|| {
        headers.iter().zip(rec.iter()).position(|(h, c)| {
            is_date(h)
                && !c.trim().is_empty()
                && NaiveDate::parse_from_str(c.trim(), "%Y-%m-%d").is_err()
        })
    });
    let Some(i) = field else {
        // No cell: a column the row type needs is not in the header ("missing field `x`").
        if let K::Message(m) = e.kind()
            && let Some(name) = m.split('`').nth(1)
        {
            return msg(file, 1, ElectionMsg::ColumnMissing { column: name });
        }
        let why = e.to_string();
        return ReferenceError::new(file, line, &Core::ReferenceUnreadable { why: &why });
    };
    let column = headers.get(i).unwrap_or_default().trim();
    let value = crate::text::safe(rec.get(i).unwrap_or_default()).into_owned();
    let want = match e.kind() {
        K::ParseInt(_) => CellWant::Whole,
        K::ParseFloat(_) => CellWant::Number,
        K::ParseBool(_) => CellWant::Bool,
        _ if is_date(column) => CellWant::Date,
        _ => {
            let why = e.to_string();
            return ReferenceError::new(file, line, &Core::ReferenceUnreadable { why: &why });
        }
    };
    if value.trim().is_empty() {
        return msg(
            file,
            line,
            ElectionMsg::CellEmpty {
                number: i + 1,
                column,
            },
        );
    }
    msg(
        file,
        line,
        ElectionMsg::CellBad {
            number: i + 1,
            column,
            value: &value,
            want,
        },
    )
}

/// The elections shipped in assets/elections/, embedded in the binary: folder name and the text of
/// its four files (election.toml, stages.csv, campaign_methods.csv, contests.csv).
pub const EMBEDDED: &[(&str, [&str; 4])] = &[
    (
        "PEMILU2024",
        [
            include_str!("../../assets/elections/PEMILU2024/election.toml"),
            include_str!("../../assets/elections/PEMILU2024/stages.csv"),
            include_str!("../../assets/elections/PEMILU2024/campaign_methods.csv"),
            include_str!("../../assets/elections/PEMILU2024/contests.csv"),
        ],
    ),
    (
        "PILKADA2024",
        [
            include_str!("../../assets/elections/PILKADA2024/election.toml"),
            include_str!("../../assets/elections/PILKADA2024/stages.csv"),
            include_str!("../../assets/elections/PILKADA2024/campaign_methods.csv"),
            include_str!("../../assets/elections/PILKADA2024/contests.csv"),
        ],
    ),
];

/// The files of an election folder, in the order of [`EMBEDDED`]'s texts.
pub const FILES: [&str; 4] = [
    "election.toml",
    "stages.csv",
    "campaign_methods.csv",
    "contests.csv",
];

/// The election every case recorded before elections were data belongs to.
pub const FIRST_ELECTION: &str = "PEMILU2024";

/// Which law an election runs under.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ElectionKind {
    /// The general election (UU 7/2017): President, DPR, DPD, DPRD.
    Pemilu,
    /// The election of regional heads (UU 10/2016): governor, bupati, wali kota.
    Pemilihan,
}

impl ElectionKind {
    /// The code in election.toml and the database: `pemilu`, `pemilihan`.
    pub fn code(self) -> &'static str {
        match self {
            ElectionKind::Pemilu => "pemilu",
            ElectionKind::Pemilihan => "pemilihan",
        }
    }

    /// The kind with this code.
    pub fn from_code(code: &str) -> Option<ElectionKind> {
        match code {
            "pemilu" => Some(ElectionKind::Pemilu),
            "pemilihan" => Some(ElectionKind::Pemilihan),
            _ => None,
        }
    }
}

/// What an election's decision limit is counted from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DecideFrom {
    /// From registration (Pemilu: UU 7/2017 Pasal 454(7)).
    Registration,
    /// From receipt of the laporan (Pilkada: UU 10/2016 Pasal 134).
    Receipt,
}

impl DecideFrom {
    /// The code in election.toml and the database: `registration`, `receipt`.
    pub fn code(self) -> &'static str {
        match self {
            DecideFrom::Registration => "registration",
            DecideFrom::Receipt => "receipt",
        }
    }

    /// The value with this code.
    pub fn from_code(code: &str) -> Option<DecideFrom> {
        match code {
            "registration" => Some(DecideFrom::Registration),
            "receipt" => Some(DecideFrom::Receipt),
            _ => None,
        }
    }
}

/// The code of a day count in election.toml and the database: `calendar`, `working`.
pub fn count_code(count: DayCount) -> &'static str {
    match count {
        DayCount::Calendar => "calendar",
        DayCount::Working => "working",
    }
}

/// The day count with this code.
pub fn count_from_code(code: &str) -> Option<DayCount> {
    match code {
        "calendar" => Some(DayCount::Calendar),
        "working" => Some(DayCount::Working),
        _ => None,
    }
}

/// How long an election's handling may take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Days within which a laporan is filed after the event became known.
    pub file_days: u32,
    pub file_count: DayCount,
    /// Days within which a case is decided.
    pub decide_days: u32,
    /// Days in total when the limit is extended (14 for Pemilu, 3 + 2 = 5 for Pilkada).
    pub decide_extended_days: u32,
    pub decide_count: DayCount,
    pub decide_from: DecideFrom,
}

/// One race of an election: the presidential pair, DPR, a governor, a bupati.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Contest {
    pub code: String,
    pub name_id: String,
    pub name_en: String,
    /// The region (Kemendagri code) the race is for; empty: every office handles it.
    #[serde(default, deserialize_with = "empty_none")]
    pub region: Option<String>,
    /// The number of candidate pairs, where the race has pairs.
    #[serde(default)]
    pub pairs: Option<u32>,
    /// A single pair against the empty box ("kolom kosong").
    #[serde(default)]
    pub empty_box: bool,
    pub position: i64,
}

impl Contest {
    /// The contest's name in `lang` (data the reference file gives).
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::Id => &self.name_id,
            Lang::En => &self.name_en,
        }
    }
}

fn empty_none<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let s: Option<String> = Option::deserialize(d)?;
    Ok(s.filter(|s| !s.trim().is_empty()))
}

/// One election: its calendar, campaign, limits, methods and contests.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Election {
    /// `PEMILU2024`, `PILKADA2024`: capitals and digits, the name of its folder.
    pub code: String,
    pub name_id: String,
    pub name_en: String,
    pub kind: ElectionKind,
    pub voting_day: NaiveDate,
    /// The stage whose dates are the campaign's.
    pub campaign_stage: String,
    /// The segment of its case numbers: `PL` (Pemilu), `PB` (Pilkada).
    pub case_segment: String,
    pub limits: Limits,
    /// Its stages, in display order.
    pub stages: Vec<Stage>,
    /// Its campaign methods, in display order.
    pub methods: Vec<CampaignMethod>,
    /// Its contests, in display order.
    pub contests: Vec<Contest>,
}

impl Election {
    /// The election's name in `lang` (data the reference file gives).
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::Id => &self.name_id,
            Lang::En => &self.name_en,
        }
    }

    /// The stage with exactly this code.
    pub fn stage(&self, code: &str) -> Option<&Stage> {
        self.stages.iter().find(|s| s.code == code)
    }

    /// The contest with exactly this code.
    pub fn contest(&self, code: &str) -> Option<&Contest> {
        self.contests.iter().find(|c| c.code == code)
    }

    /// The campaign: the campaign stage's first and last day. Its pekan are counted from its
    /// first day.
    pub fn campaign_period(&self) -> Option<crate::domain::pekan::CampaignPeriod> {
        let s = self.stage(&self.campaign_stage)?;
        crate::domain::pekan::CampaignPeriod::new(s.starts_on?, s.ends_on?)
    }

    /// The first and last day of its dated stages: the period the election covers.
    pub fn period(&self) -> Option<(NaiveDate, NaiveDate)> {
        let first = self.stages.iter().filter_map(|s| s.starts_on).min()?;
        let last = self
            .stages
            .iter()
            .filter_map(|s| s.ends_on)
            .max()
            .unwrap_or(first)
            .max(self.voting_day);
        Some((first, last))
    }

    /// Parses and checks an election's four files; `folder` names them in errors
    /// (`PILKADA2024/stages.csv:3: …`) and must be the election's code.
    pub fn parse(folder: &str, files: [&str; 4]) -> Result<Election, ReferenceError> {
        let [toml, stages, methods, contests] = files;
        let name = |f: &str| format!("{folder}/{f}");
        let mut e = parse_toml(&name(FILES[0]), toml)?;
        if e.code != folder.rsplit(['/', '\\']).next().unwrap_or(folder) {
            return Err(msg(
                &name(FILES[0]),
                0,
                ElectionMsg::CodeNotFolder {
                    code: &e.code,
                    folder,
                },
            ));
        }
        let mut st: Vec<Stage> = parse_csv(&name(FILES[1]), stages, &NAMED)?;
        st.sort_by_key(|s| s.position);
        for (i, s) in st.iter().enumerate() {
            if st[..i].iter().any(|o| o.code == s.code) {
                return Err(ReferenceError::new(
                    name(FILES[1]),
                    0,
                    &Core::StageTwice { code: &s.code },
                ));
            }
        }
        e.stages = st;
        e.methods = parse_methods(&name(FILES[2]), methods)?;
        let mut cs: Vec<Contest> = parse_csv(&name(FILES[3]), contests, &NAMED)?;
        for (i, c) in cs.iter().enumerate() {
            let line = i as u64 + 2;
            if cs[..i].iter().any(|o| o.code == c.code) {
                return Err(msg(
                    &name(FILES[3]),
                    line,
                    ElectionMsg::ContestTwice { code: &c.code },
                ));
            }
            if c.empty_box && c.pairs != Some(1) {
                return Err(msg(
                    &name(FILES[3]),
                    line,
                    ElectionMsg::EmptyBoxPairs { code: &c.code },
                ));
            }
        }
        cs.sort_by_key(|c| c.position);
        e.contests = cs;
        if e.stage(&e.campaign_stage).is_none() {
            let line = toml
                .lines()
                .position(|l| l.trim_start().starts_with("campaign_stage"))
                .map_or(0, |i| i as u64 + 1);
            let code = &e.campaign_stage;
            let want = folded(code);
            let near = e
                .stages
                .iter()
                .map(|s| (strsim::levenshtein(&folded(&s.code), &want), &s.code))
                .filter(|(d, _)| *d <= (want.len() / 3).max(1) && *d < want.len())
                .min_by_key(|(d, _)| *d)
                .map(|(_, c)| c.as_str());
            let m = match near {
                Some(near) => ElectionMsg::CampaignStageNear { code, near },
                None => ElectionMsg::CampaignStage { code },
            };
            return Err(msg(&name(FILES[0]), line, m));
        }
        Ok(e)
    }

    /// The shipped elections, in the order of [`EMBEDDED`].
    ///
    /// Parsed once per process: every command's deadline rules start from them.
    pub fn embedded() -> Result<Vec<Election>, ReferenceError> {
        static PARSED: std::sync::OnceLock<Result<Vec<Election>, ReferenceError>> =
            std::sync::OnceLock::new();
        PARSED
            .get_or_init(|| {
                EMBEDDED
                    .iter()
                    .map(|(folder, files)| Election::parse(folder, *files))
                    .collect()
            })
            .clone()
    }
}

/// The code folded as [`crate::domain::fold`] folds it (this module stays a leaf of `domain`).
fn folded(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_' | '\t'))
        .flat_map(char::to_lowercase)
        .collect()
}

fn msg(file: &str, line: u64, m: ElectionMsg<'_>) -> ReferenceError {
    ReferenceError {
        file: file.to_string(),
        line,
        message: m.text(Lang::En),
        message_id: m.text(Lang::Id),
    }
}

/// The line (from 1) that byte `offset` of `text` is on.
fn line_of(text: &str, offset: usize) -> u64 {
    let upto = text.get(..offset.min(text.len())).unwrap_or(text);
    upto.bytes().filter(|b| *b == b'\n').count() as u64 + 1
}

const TOP_KEYS: [&str; 8] = [
    "code",
    "name_id",
    "name_en",
    "kind",
    "voting_day",
    "campaign_stage",
    "case_segment",
    "limits",
];

const LIMIT_KEYS: [&str; 6] = [
    "file_days",
    "file_count",
    "decide_days",
    "decide_extended_days",
    "decide_count",
    "decide_from",
];

/// Reads election.toml: every key present, of its kind, and no unknown key.
fn parse_toml(file: &str, text: &str) -> Result<Election, ReferenceError> {
    let doc = toml_edit::Document::parse(text.to_string()).map_err(|e| {
        let line = e.span().map_or(0, |s| line_of(text, s.start));
        let why = e.message().to_string();
        msg(file, line, ElectionMsg::TomlUnreadable { why: &why })
    })?;
    let root = doc.as_table();
    let at = |item: &toml_edit::Item| item.span().map_or(0, |s| line_of(text, s.start));
    let unknown = |table: &toml_edit::Table, known: &[&str]| {
        for (k, item) in table.iter() {
            if !known.contains(&k) {
                let line = table
                    .key(k)
                    .and_then(|k| k.span())
                    .map_or_else(|| at(item), |s| line_of(text, s.start));
                return Err(msg(file, line, ElectionMsg::KeyUnknown { key: k }));
            }
        }
        Ok(())
    };
    unknown(root, &TOP_KEYS)?;
    fn get<'t>(
        file: &str,
        table: &'t toml_edit::Table,
        key: &'static str,
    ) -> Result<&'t toml_edit::Item, ReferenceError> {
        table
            .get(key)
            .ok_or_else(|| msg(file, 0, ElectionMsg::KeyMissing { key }))
    }
    let bad = |item: &toml_edit::Item, key: &str, want: &str| {
        msg(file, at(item), ElectionMsg::KeyBad { key, want })
    };
    let string = |table: &toml_edit::Table, key: &'static str| {
        let item = get(file, table, key)?;
        item.as_str()
            .filter(|s| !s.trim().is_empty())
            .map(|s| s.trim().to_string())
            .ok_or_else(|| msg(file, at(item), ElectionMsg::KeyEmpty { key }))
    };
    let code = string(root, "code")?;
    if !code
        .chars()
        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    {
        return Err(bad(get(file, root, "code")?, "code", "A-Z 0-9"));
    }
    let kind_item = get(file, root, "kind")?;
    let kind = kind_item
        .as_str()
        .and_then(ElectionKind::from_code)
        .ok_or_else(|| bad(kind_item, "kind", "\"pemilu\" | \"pemilihan\""))?;
    let day_item = get(file, root, "voting_day")?;
    let voting_day = day_item
        .as_str()
        .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
        .ok_or_else(|| bad(day_item, "voting_day", "\"YYYY-MM-DD\""))?;
    let seg_item = get(file, root, "case_segment")?;
    let case_segment = seg_item
        .as_str()
        .filter(|s| s.len() == 2 && s.chars().all(|c| c.is_ascii_uppercase()))
        .map(str::to_string)
        .ok_or_else(|| bad(seg_item, "case_segment", "\"PL\" | \"PB\" (A-Z A-Z)"))?;
    let limits_item = get(file, root, "limits")?;
    let limits = limits_item
        .as_table()
        .ok_or_else(|| bad(limits_item, "limits", "[limits]"))?;
    unknown(limits, &LIMIT_KEYS)?;
    let days = |key: &'static str| {
        let item = get(file, limits, key)?;
        item.as_integer()
            .and_then(|n| u32::try_from(n).ok())
            .filter(|n| (1..=366).contains(n))
            .ok_or_else(|| bad(item, key, "1..366"))
    };
    let count = |key: &'static str| {
        let item = get(file, limits, key)?;
        item.as_str()
            .and_then(count_from_code)
            .ok_or_else(|| bad(item, key, "\"calendar\" | \"working\""))
    };
    let from_item = get(file, limits, "decide_from")?;
    let decide_from = from_item
        .as_str()
        .and_then(DecideFrom::from_code)
        .ok_or_else(|| bad(from_item, "decide_from", "\"registration\" | \"receipt\""))?;
    let limits = Limits {
        file_days: days("file_days")?,
        file_count: count("file_count")?,
        decide_days: days("decide_days")?,
        decide_extended_days: days("decide_extended_days")?,
        decide_count: count("decide_count")?,
        decide_from,
    };
    if limits.decide_extended_days < limits.decide_days {
        let item = get(file, doc.as_table(), "limits")?;
        return Err(msg(
            file,
            at(item),
            ElectionMsg::ExtensionShort {
                days: limits.decide_days,
                extended: limits.decide_extended_days,
            },
        ));
    }
    Ok(Election {
        code,
        name_id: string(root, "name_id")?,
        name_en: string(root, "name_en")?,
        kind,
        voting_day,
        campaign_stage: string(root, "campaign_stage")?,
        case_segment,
        limits,
        stages: Vec::new(),
        methods: Vec::new(),
        contests: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Reference;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn both_elections_of_2024_ship_with_their_own_calendar_limits_and_contests() {
        let r = Reference::embedded();
        let codes: Vec<&str> = r.elections.iter().map(|e| e.code.as_str()).collect();
        assert_eq!(codes, ["PEMILU2024", "PILKADA2024"]);
        let pemilu = r.election("PEMILU2024").unwrap();
        assert_eq!(pemilu.stages, r.stages, "today's stages are Pemilu 2024's");
        assert_eq!(pemilu.methods, r.methods);
        assert_eq!(pemilu.kind, ElectionKind::Pemilu);
        assert_eq!(pemilu.case_segment, "PL");
        assert_eq!(pemilu.limits.decide_extended_days, 14);
        assert_eq!(pemilu.limits.decide_count, DayCount::Working);
        assert_eq!(pemilu.contests.len(), 5);

        let pilkada = r.election("PILKADA2024").unwrap();
        assert_eq!(pilkada.kind, ElectionKind::Pemilihan);
        assert_eq!(pilkada.voting_day, day(2024, 11, 27));
        assert_eq!(pilkada.case_segment, "PB");
        let campaign = pilkada.campaign_period().unwrap();
        assert_eq!(
            (campaign.starts, campaign.ends),
            (day(2024, 9, 25), day(2024, 11, 23))
        );
        let pekan1 = campaign.pekan(1).unwrap();
        assert_eq!(
            (pekan1.starts, pekan1.ends),
            (day(2024, 9, 25), day(2024, 10, 1))
        );
        assert_eq!(
            pilkada.limits,
            Limits {
                file_days: 7,
                file_count: DayCount::Calendar,
                decide_days: 3,
                decide_extended_days: 5,
                decide_count: DayCount::Calendar,
                decide_from: DecideFrom::Receipt,
            }
        );
        assert_eq!(pilkada.contests.len(), 11, "the governor and ten kab/kota");
        let pairs: u32 = pilkada.contests.iter().filter_map(|c| c.pairs).sum();
        assert_eq!(pairs, 29);
        let empty: Vec<&str> = pilkada
            .contests
            .iter()
            .filter(|c| c.empty_box)
            .map(|c| c.code.as_str())
            .collect();
        assert_eq!(empty, ["WALIKOTA_SAMARINDA"]);
        assert_eq!(
            pilkada
                .contest("WALIKOTA_SAMARINDA")
                .unwrap()
                .region
                .as_deref(),
            Some("64.72")
        );
        assert_eq!(pilkada.methods.len(), 7);
        assert_eq!(r.find_election("pilkada 2024").unwrap().code, "PILKADA2024");
        assert_eq!(
            r.suggest_election("pilkada2042").unwrap().code,
            "PILKADA2024"
        );
        assert_eq!(r.primary().unwrap().code, "PEMILU2024");
    }

    #[test]
    fn every_stage_of_every_election_has_a_short_label_for_narrow_columns() {
        for e in Reference::embedded().elections {
            for s in &e.stages {
                for lang in [Lang::Id, Lang::En] {
                    let short = s.short(lang);
                    assert!(!short.is_empty() && short != s.code, "{}", s.code);
                    assert!(crate::text::width(short) <= 12, "{} {short}", e.code);
                }
            }
        }
    }

    fn pilkada_with(toml: &str) -> Result<Election, ReferenceError> {
        let [_, stages, methods, contests] = EMBEDDED[1].1;
        Election::parse("PILKADA2024", [toml, stages, methods, contests])
    }

    #[test]
    fn a_mistake_in_election_toml_names_the_file_and_line_in_both_languages() {
        let good = EMBEDDED[1].1[0];
        let bad = good.replace("kind = \"pemilihan\"", "kind = \"pilkada\"");
        let line = bad.lines().position(|l| l.starts_with("kind")).unwrap() as u64 + 1;
        let e = pilkada_with(&bad).unwrap_err();
        assert_eq!(
            (e.file.as_str(), e.line),
            ("PILKADA2024/election.toml", line)
        );
        assert!(e.message.contains("`kind` must be"), "{}", e.message);
        assert!(e.message_id.contains("`kind` harus"), "{}", e.message_id);

        let misspelt = good.replace("decide_days", "decide_dayz");
        let e = pilkada_with(&misspelt).unwrap_err();
        assert!(e.message.contains("decide_dayz"), "{}", e.message);
        assert!(e.line > 0);

        let e = pilkada_with(&good.replace("case_segment = \"PB\"", "")).unwrap_err();
        assert!(e.message.contains("case_segment"), "{}", e.message);

        let e = pilkada_with("code = [").unwrap_err();
        assert_eq!(e.line, 1);
        assert!(e.message_id.starts_with("bukan TOML"), "{}", e.message_id);

        let renamed = good.replace("code = \"PILKADA2024\"", "code = \"PILKADA2029\"");
        let e = pilkada_with(&renamed).unwrap_err();
        assert!(e.message.contains("PILKADA2029"), "{}", e.message);

        let shorter = good.replace("decide_extended_days = 5", "decide_extended_days = 2");
        assert!(pilkada_with(&shorter).is_err());
    }

    #[test]
    fn a_contest_against_the_empty_box_has_one_pair() {
        let [toml, stages, methods, contests] = EMBEDDED[1].1;
        let bad = contests.replace("64.72,1,true", "64.72,2,true");
        let e = Election::parse("PILKADA2024", [toml, stages, methods, &bad]).unwrap_err();
        assert_eq!(e.file, "PILKADA2024/contests.csv");
        assert_eq!(e.line, 11);
        assert!(e.message_id.contains("kolom kosong"), "{}", e.message_id);
    }
    #[test]
    fn every_bad_cell_of_an_elections_files_names_line_column_and_the_form_wanted() {
        let [toml, stages, methods, contests] = EMBEDDED[1].1;
        let parse = |i: usize, text: &str| {
            let mut files = [toml, stages, methods, contests];
            files[i] = text;
            Election::parse("PILKADA2024", files).unwrap_err()
        };
        // A date written day first: the parser's "trailing input" is not what a user reads.
        let second = stages.lines().nth(1).unwrap();
        let day_first = second.replace("2024-05-05", "05-05-2024");
        let e = parse(1, &stages.replace(second, &day_first));
        assert_eq!((e.file.as_str(), e.line), ("PILKADA2024/stages.csv", 2));
        assert!(
            e.message.contains(
                "column 4 (`starts_on`): \"05-05-2024\" is not a date; write it YYYY-MM-DD"
            ),
            "{}",
            e.message
        );
        assert!(
            e.message_id
                .contains("bukan tanggal; tulis dalam bentuk YYYY-MM-DD"),
            "{}",
            e.message_id
        );
        assert!(!e.message.contains("trailing input"));

        let e = parse(3, &contests.replace("64.72,1,true", "64.72,satu,true"));
        assert!(
            e.message
                .contains("(`pairs`): \"satu\" is not a whole number"),
            "{}",
            e.message
        );
        assert!(
            e.message_id.contains("bukan bilangan bulat"),
            "{}",
            e.message_id
        );
        let e = parse(3, &contests.replace("64.72,1,true", "64.72,1,ya"));
        assert!(
            e.message
                .contains("(`empty_box`): \"ya\" must be true or false"),
            "{}",
            e.message
        );
        assert!(
            e.message_id.contains("harus true atau false"),
            "{}",
            e.message_id
        );

        let first = methods.lines().nth(1).unwrap();
        let e = parse(
            2,
            &methods.replace(first, &first.replacen("PERTEMUAN_TERBATAS", "", 1)),
        );
        assert_eq!(e.line, 2);
        assert!(
            e.message.contains("column 1 (`code`) is empty"),
            "{}",
            e.message
        );
        assert!(
            e.message_id.contains("kolom 1 (`code`) kosong"),
            "{}",
            e.message_id
        );
        let e = parse(2, &methods.replace(first, &format!("{first},x")));
        assert!(
            e.message.contains("5 cells, the header 4 columns"),
            "{}",
            e.message
        );
        let e = parse(2, &methods.replace(",position", ",urutan"));
        assert_eq!(e.line, 1);
        assert!(e.message.contains("no column `position`"), "{}", e.message);
        assert!(
            e.message_id.contains("kolom `position`"),
            "{}",
            e.message_id
        );

        let e = parse(
            0,
            &toml.replace(
                "campaign_stage = \"KAMPANYE\"",
                "campaign_stage = \"KAMPANY\"",
            ),
        );
        assert!(e.line > 0);
        assert!(
            e.message.contains("did you mean KAMPANYE?"),
            "{}",
            e.message
        );
        assert!(
            e.message_id.contains("maksud Anda KAMPANYE?"),
            "{}",
            e.message_id
        );
    }

    #[test]
    fn an_error_of_a_whole_file_names_no_line() {
        let [toml, stages, methods, contests] = EMBEDDED[1].1;
        let twice = format!("{methods}{}\n", methods.lines().nth(1).unwrap());
        let e = Election::parse("PILKADA2024", [toml, stages, &twice, contests]).unwrap_err();
        assert_eq!(e.line, 0);
        let shown = e.message(Lang::En);
        assert!(
            shown.starts_with("PILKADA2024/campaign_methods.csv: "),
            "{shown}"
        );
    }
}
