//! A case's handling history (pelimpahan) as files carry it: the `pelimpahan` array of a JSON
//! or JSON Lines export, or the `pelimpahan` cell of a CSV row with one transfer per line
//! (`2024-01-20 64.72>64 dilimpahkan "031/PP.01.02/K.KI/01/2024"`). Written by `export`, read
//! back by `import`, so that a roll-up counts a case where it was handled on each date.

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;
use serde_json::Value;

use crate::import::problem::ChainFault;
use crate::store::offices::{Transfer, TransferKind};

/// One entry as JSON writes it.
#[derive(Serialize)]
pub struct Entry<'a> {
    pub on_date: NaiveDate,
    pub from_office: &'a str,
    pub to_office: &'a str,
    pub kind: &'static str,
    pub letter: Option<&'a str>,
    pub note: Option<&'a str>,
    pub changed_by: &'a str,
    pub changed_at: String,
}

/// How a recording time is written: `2024-01-20T10:00:00` (fractions of a second kept).
fn at_text(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.f").to_string()
}

/// The entries of a chain as JSON writes them, oldest first.
pub fn entries(chain: &[Transfer]) -> Vec<Entry<'_>> {
    chain
        .iter()
        .map(|t| Entry {
            on_date: t.on,
            from_office: &t.from,
            to_office: &t.to,
            kind: t.kind.code(),
            letter: t.letter.as_deref(),
            note: t.note.as_deref(),
            changed_by: &t.by,
            changed_at: at_text(t.at),
        })
        .collect()
}

/// A chain as a CSV cell: one entry per line, `DATE FROM>TO KIND`, then as JSON strings the
/// letter, the note, who recorded it and when (`null` for a letter or note not given).
pub fn cell(chain: &[Transfer]) -> String {
    let quoted = |s: Option<&str>| match s {
        Some(s) => serde_json::to_string(s).unwrap_or_else(|_| "null".to_string()),
        None => "null".to_string(),
    };
    chain
        .iter()
        .map(|t| {
            format!(
                "{} {}>{} {} {} {} {} {}",
                t.on,
                t.from,
                t.to,
                t.kind.code(),
                quoted(t.letter.as_deref()),
                quoted(t.note.as_deref()),
                quoted(Some(&t.by)),
                quoted(Some(&at_text(t.at))),
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// An entry as read, before it is checked against the database and the row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Read {
    pub on: NaiveDate,
    pub from: String,
    pub to: String,
    pub kind: TransferKind,
    pub letter: Option<String>,
    pub note: Option<String>,
    pub by: Option<String>,
    pub at: Option<NaiveDateTime>,
}

/// Reads a `pelimpahan` cell: the JSON array an export writes, or one entry per line. `Err` with
/// the entry (from 1) and what is wrong with it.
pub fn parse(
    text: &str,
    date: &dyn Fn(&str) -> Option<NaiveDate>,
) -> Result<Vec<Read>, (usize, ChainFault)> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(Vec::new());
    }
    if trimmed.starts_with('[') {
        let items: Vec<Value> = serde_json::from_str(trimmed).map_err(|_| {
            (
                1,
                ChainFault::Unreadable {
                    value: trimmed.to_string(),
                },
            )
        })?;
        return items
            .iter()
            .enumerate()
            .map(|(i, v)| from_object(v, date).map_err(|f| (i + 1, f)))
            .collect();
    }
    trimmed
        .lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, l)| from_line(l.trim(), date).map_err(|f| (i + 1, f)))
        .collect()
}

fn unreadable(value: &str) -> ChainFault {
    ChainFault::Unreadable {
        value: value.to_string(),
    }
}

fn kind_of(text: &str) -> Result<TransferKind, ChainFault> {
    let folded = text.trim().to_lowercase().replace([' ', '-'], "_");
    TransferKind::from_code(&folded).ok_or_else(|| ChainFault::UnknownKind {
        value: text.to_string(),
    })
}

fn day_of(text: &str, date: &dyn Fn(&str) -> Option<NaiveDate>) -> Result<NaiveDate, ChainFault> {
    date(text.trim()).ok_or_else(|| ChainFault::BadDate {
        value: text.to_string(),
    })
}

fn time_of(text: &str) -> Result<NaiveDateTime, ChainFault> {
    let t = text.trim();
    NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M:%S%.f")
        .or_else(|_| NaiveDateTime::parse_from_str(t, "%Y-%m-%d %H:%M:%S%.f"))
        .map_err(|_| ChainFault::BadDate {
            value: text.to_string(),
        })
}

/// Text that is not empty.
fn some(s: Option<&str>) -> Option<String> {
    s.filter(|s| !s.trim().is_empty()).map(str::to_string)
}

fn from_object(v: &Value, date: &dyn Fn(&str) -> Option<NaiveDate>) -> Result<Read, ChainFault> {
    let Value::Object(map) = v else {
        return Err(unreadable(&v.to_string()));
    };
    let get = |names: &[&str]| -> Result<Option<&str>, ChainFault> {
        match names.iter().find_map(|n| map.get(*n)) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.as_str())),
            Some(other) => Err(unreadable(&other.to_string())),
        }
    };
    let need = |names: &[&str]| -> Result<&str, ChainFault> {
        get(names)?
            .filter(|s| !s.trim().is_empty())
            .ok_or_else(|| unreadable(&v.to_string()))
    };
    Ok(Read {
        on: day_of(need(&["on_date", "tanggal"])?, date)?,
        from: need(&["from_office", "dari"])?.trim().to_string(),
        to: need(&["to_office", "ke"])?.trim().to_string(),
        kind: kind_of(need(&["kind", "jenis"])?)?,
        letter: some(get(&["letter", "surat"])?),
        note: some(get(&["note", "catatan"])?),
        by: some(get(&["changed_by", "oleh"])?),
        at: get(&["changed_at", "pada"])?
            .filter(|s| !s.trim().is_empty())
            .map(time_of)
            .transpose()?,
    })
}

fn from_line(line: &str, date: &dyn Fn(&str) -> Option<NaiveDate>) -> Result<Read, ChainFault> {
    let mut words = line.splitn(3, char::is_whitespace);
    let (Some(day), Some(offices), Some(rest)) = (words.next(), words.next(), words.next()) else {
        return Err(unreadable(line));
    };
    let rest = rest.trim_start();
    let (kind, rest) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    let Some((from, to)) = offices.split_once('>') else {
        return Err(unreadable(line));
    };
    // The letter, the note, who and when: JSON strings (or null), as `cell` writes them.
    let mut fields: Vec<Option<String>> = Vec::new();
    for value in serde_json::Deserializer::from_str(rest).into_iter::<Value>() {
        match value {
            Ok(Value::String(s)) => fields.push(some(Some(&s))),
            Ok(Value::Null) => fields.push(None),
            _ => return Err(unreadable(line)),
        }
    }
    if fields.len() > 4 {
        return Err(unreadable(line));
    }
    fields.resize(4, None);
    Ok(Read {
        on: day_of(day, date)?,
        from: from.trim().to_string(),
        to: to.trim().to_string(),
        kind: kind_of(kind)?,
        letter: fields[0].take(),
        note: fields[1].take(),
        by: fields[2].take(),
        at: fields[3].as_deref().map(time_of).transpose()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(t: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(t, "%Y-%m-%d").ok()
    }

    fn chain() -> Vec<Transfer> {
        let at = NaiveDate::from_ymd_opt(2024, 1, 20)
            .unwrap()
            .and_hms_opt(10, 0, 0)
            .unwrap();
        vec![
            Transfer {
                on: NaiveDate::from_ymd_opt(2024, 1, 20).unwrap(),
                from: "64.72".into(),
                to: "64".into(),
                kind: TransferKind::Dilimpahkan,
                letter: Some("031/PP \"01\"".into()),
                note: Some("baris satu\nbaris dua".into()),
                at,
                by: "alice".into(),
            },
            Transfer {
                on: NaiveDate::from_ymd_opt(2024, 2, 1).unwrap(),
                from: "64".into(),
                to: "RI".into(),
                kind: TransferKind::DiambilAlih,
                letter: None,
                note: None,
                at,
                by: "bob".into(),
            },
        ]
    }

    fn back(r: &[Read]) -> Vec<Transfer> {
        r.iter()
            .map(|r| Transfer {
                on: r.on,
                from: r.from.clone(),
                to: r.to.clone(),
                kind: r.kind,
                letter: r.letter.clone(),
                note: r.note.clone(),
                at: r.at.unwrap(),
                by: r.by.clone().unwrap(),
            })
            .collect()
    }

    #[test]
    fn a_cell_and_the_json_array_read_back_as_written() {
        let c = chain();
        let text = cell(&c);
        assert_eq!(text.lines().count(), 2);
        assert!(text.starts_with("2024-01-20 64.72>64 dilimpahkan \"031/PP \\\"01\\\"\""));
        assert_eq!(back(&parse(&text, &date).unwrap()), c);
        let json = serde_json::to_string(&entries(&c)).unwrap();
        assert_eq!(back(&parse(&json, &date).unwrap()), c);
        assert_eq!(parse("  ", &date).unwrap(), Vec::new());
    }

    #[test]
    fn a_hand_written_line_needs_only_the_day_the_offices_and_the_kind() {
        let r = parse("2024-01-20 64.72>64 Diambil alih", &date);
        assert!(matches!(r, Err((1, ChainFault::Unreadable { .. }))));
        let r = parse("2024-01-20 64.72>64 diambil_alih \"surat\"", &date).unwrap();
        assert_eq!(r[0].kind, TransferKind::DiambilAlih);
        assert_eq!(r[0].letter.as_deref(), Some("surat"));
        assert_eq!((r[0].by.as_deref(), r[0].at), (None, None));
        let r = parse(
            "2024-01-20 64.72>64 dilimpahkan\n2024-13-01 64>RI dilimpahkan",
            &date,
        );
        assert!(matches!(r, Err((2, ChainFault::BadDate { .. }))));
        let r = parse("2024-01-20 64.72>64 pindah", &date);
        assert!(matches!(r, Err((1, ChainFault::UnknownKind { .. }))));
        let r = parse("2024-01-20 64.72-64 dilimpahkan", &date);
        assert!(matches!(r, Err((1, ChainFault::Unreadable { .. }))));
    }
}
