//! JSON rows: an array of objects, or one object per line (JSON Lines). Each object is found by
//! its braces and parsed on its own, so one broken object is one rejected row with its line.

use std::borrow::Cow;
use std::collections::HashMap;

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::Value;

use crate::import::problem::{At, Issue, Problem};
use crate::import::row::{Each, Raw, Row, RowAt, no_cells, text_of};
use crate::import::table::{ColumnSet, Named, Table};

/// An object's members in file order, duplicates kept.
struct Members(Vec<(String, Value)>);

impl<'de> Deserialize<'de> for Members {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Members, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Members;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Members, A::Error> {
                let mut out = Vec::new();
                while let Some(entry) = map.next_entry::<String, Value>()? {
                    out.push(entry);
                }
                Ok(Members(out))
            }
        }
        d.deserialize_map(V)
    }
}

fn kind_of(first: u8) -> &'static str {
    match first {
        b'[' => "an array",
        b'"' => "a string",
        b't' | b'f' => "true/false",
        b'n' => "null",
        _ => "a number",
    }
}

fn value_kind(v: &Value) -> &'static str {
    match v {
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
        _ => "a value",
    }
}

/// Scans JSON text, tracking the line.
struct Scanner<'t> {
    text: &'t [u8],
    at: usize,
    line: u64,
}

impl Scanner<'_> {
    fn skip_space(&mut self) {
        while let Some(&b) = self.text.get(self.at) {
            if !b.is_ascii_whitespace() {
                break;
            }
            if b == b'\n' {
                self.line += 1;
            }
            self.at += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    /// Moves past one value (object, array, string or scalar); `Err` with a message if the file
    /// ends inside it.
    fn skip_value(&mut self) -> Result<(), String> {
        let start_line = self.line;
        let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
        let first = self.peek().unwrap_or(b' ');
        if !matches!(first, b'{' | b'[' | b'"') {
            while let Some(b) = self.peek() {
                if b.is_ascii_whitespace() || matches!(b, b',' | b']' | b'}') {
                    break;
                }
                self.at += 1;
            }
            return Ok(());
        }
        while let Some(b) = self.peek() {
            self.at += 1;
            if b == b'\n' {
                self.line += 1;
            }
            if in_string {
                match (escaped, b) {
                    (true, _) => escaped = false,
                    (false, b'\\') => escaped = true,
                    (false, b'"') => {
                        in_string = false;
                        if depth == 0 {
                            return Ok(());
                        }
                    }
                    _ => {}
                }
                continue;
            }
            match b {
                b'"' => in_string = true,
                b'{' | b'[' => depth += 1,
                b'}' | b']' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return Ok(());
                    }
                }
                _ => {}
            }
        }
        Err(format!(
            "the value that starts on line {start_line} is never closed"
        ))
    }
}

/// An array of objects as the cells of `columns` (from [`Table::array_of`]): the n-th object on
/// the n-th line of each (a line break inside a value becomes a space); each member found by one
/// of its column's names. `Err` with the kind of value found where an array of objects belongs.
fn array_cells(
    value: Value,
    columns: &[(usize, &'static [&'static str])],
) -> Result<Vec<String>, &'static str> {
    let items = match value {
        Value::Null => return Ok(vec![String::new(); columns.len()]),
        Value::Array(items) => items,
        other => return Err(value_kind(&other)),
    };
    let mut out: Vec<Vec<String>> = vec![Vec::new(); columns.len()];
    for item in items {
        let Value::Object(map) = item else {
            return Err("a value");
        };
        for (k, (_, names)) in columns.iter().enumerate() {
            let found = map
                .iter()
                .find(|(key, _)| names.contains(&key.to_lowercase().as_str()))
                .map(|(_, v)| v);
            let text = match found {
                None | Some(Value::Null) => String::new(),
                Some(Value::String(s)) => s.replace(['\n', '\r'], " "),
                Some(Value::Number(n)) => n.to_string(),
                Some(other) => return Err(value_kind(other)),
            };
            out[k].push(text);
        }
    }
    Ok(out
        .into_iter()
        .map(|lines| {
            if lines.iter().all(String::is_empty) {
                String::new()
            } else {
                lines.join("\n")
            }
        })
        .collect())
}

/// Hands every object of a JSON array, or of a JSON Lines file, to `each`.
pub fn scan(
    table: &dyn Table,
    bytes: &[u8],
    ignore_unknown: bool,
    each: &mut Each<'_>,
) -> Vec<Problem> {
    let text = match text_of(bytes) {
        Ok(t) => t,
        Err(p) => return vec![p],
    };
    let mut s = Scanner {
        text: &text,
        at: 0,
        line: 1,
    };
    s.skip_space();
    let array = match s.peek() {
        None => return vec![Problem::new(1, None, Issue::EmptyFile)],
        Some(b'[') => true,
        Some(b'{') => false,
        Some(_) => {
            return vec![Problem::new(
                s.line,
                None,
                Issue::Json("expected an array of objects, or one object per line".into()),
            )];
        }
    };
    if array {
        s.at += 1;
    }
    let mut headers: HashMap<String, Named> = HashMap::new();
    let mut names = table.canonical_names();
    let mut fatal = Vec::new();
    let mut first = true;
    // The object being read, counted from 1: on one line of many objects, the line alone does
    // not say which one is meant.
    let mut index = 0u64;
    loop {
        s.skip_space();
        match s.peek() {
            None if array => {
                fatal.push(Problem::new(
                    s.line,
                    None,
                    Issue::Json("the array is never closed with ]".into()),
                ));
                break;
            }
            None => break,
            Some(b']') if array => {
                s.at += 1;
                s.skip_space();
                if s.peek().is_some() {
                    fatal.push(Problem::new(
                        s.line,
                        None,
                        Issue::Json("unexpected text after the closing ]".into()),
                    ));
                }
                break;
            }
            Some(b',') if array && !first => {
                s.at += 1;
                s.skip_space();
                if s.peek() == Some(b']') {
                    fatal.push(Problem::new(
                        s.line,
                        None,
                        Issue::Json("a comma before the closing ]".into()),
                    ));
                    break;
                }
            }
            Some(_) if array && !first => {
                fatal.push(Problem::new(
                    s.line,
                    None,
                    Issue::Json("expected , or ] between objects".into()),
                ));
                break;
            }
            Some(_) => {}
        }
        let (line, start) = (s.line, s.at);
        if let Err(msg) = s.skip_value() {
            fatal.push(Problem::new(line, None, Issue::Json(msg)));
            break;
        }
        // A stray `]`, `}` or `,` where a value should begin is no value at all.
        if s.at == start {
            let found = text.get(start).map_or(' ', |b| char::from(*b));
            fatal.push(Problem::new(
                line,
                None,
                Issue::Json(format!("expected an object, found {found:?}")),
            ));
            break;
        }
        first = false;
        index += 1;
        let element = &text[start..s.at];
        let mut cells = no_cells(table.width());
        let (mut given, mut skip, mut problems) =
            (ColumnSet::default(), ColumnSet::default(), Vec::new());
        if element.first() != Some(&b'{') {
            problems.push(Problem::new(
                line,
                None,
                Issue::NotAnObject {
                    found: kind_of(element[0]),
                },
            ));
            skip = ColumnSet::ALL;
        } else {
            match serde_json::from_slice::<Members>(element) {
                Err(e) => {
                    let msg = e.to_string();
                    let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
                    problems.push(Problem::new(
                        line + e.line().saturating_sub(1) as u64,
                        None,
                        Issue::Json(msg),
                    ));
                    skip = ColumnSet::ALL;
                }
                Ok(Members(members)) => {
                    for (key, value) in members {
                        if let Some(columns) = table.array_of(&key) {
                            if columns.iter().any(|(c, _)| given.contains(*c)) {
                                let first = columns.first().map_or("", |(c, _)| table.name(*c));
                                problems.push(Problem::new(
                                    line,
                                    Some(&key),
                                    Issue::DuplicateColumn {
                                        first: first.into(),
                                    },
                                ));
                                continue;
                            }
                            match array_cells(value, &columns) {
                                Ok(texts) => {
                                    for ((c, _), text) in columns.iter().zip(texts) {
                                        given.insert(*c);
                                        cells[*c] = Some(Cow::Owned(text));
                                    }
                                }
                                Err(found) => {
                                    problems.push(Problem::new(
                                        line,
                                        Some(&key),
                                        Issue::WrongType { found },
                                    ));
                                    for (c, _) in &columns {
                                        skip.insert(*c);
                                    }
                                }
                            }
                            continue;
                        }
                        let header = *headers.entry(key.clone()).or_insert_with(|| {
                            let h = table.named(&key);
                            if h == Named::Unknown && !ignore_unknown {
                                fatal.push(
                                    Problem::new(
                                        line,
                                        Some(&key),
                                        Issue::UnknownColumn {
                                            suggestion: table.suggest(&key),
                                        },
                                    )
                                    .at(Some(At::Object(index))),
                                );
                            }
                            if let Named::Column(c) = h
                                && names[c] == table.name(c)
                            {
                                names[c] = key.clone();
                            }
                            h
                        });
                        let Named::Column(c) = header else { continue };
                        if given.contains(c) {
                            problems.push(Problem::new(
                                line,
                                Some(&key),
                                Issue::DuplicateColumn {
                                    first: table.name(c).into(),
                                },
                            ));
                            continue;
                        }
                        given.insert(c);
                        let text = match value {
                            Value::Null => String::new(),
                            Value::String(s) => s,
                            Value::Bool(b) => b.to_string(),
                            Value::Number(n) => n.to_string(),
                            other @ (Value::Array(_) | Value::Object(_)) if table.keeps_json(c) => {
                                other.to_string()
                            }
                            other => {
                                problems.push(Problem::new(
                                    line,
                                    Some(&key),
                                    Issue::WrongType {
                                        found: value_kind(&other),
                                    },
                                ));
                                skip.insert(c);
                                continue;
                            }
                        };
                        cells[c] = Some(Cow::Owned(text));
                    }
                }
            }
        }
        let at = RowAt::Object(index);
        let row = Row {
            line,
            cells,
            given,
            skip,
            problems: problems.into_iter().map(|p| p.at(at.of(None))).collect(),
            names: &names,
            raw: Raw::Json(element),
            offset: start as u64,
            at,
        };
        if each(row).is_break() {
            return Vec::new();
        }
    }
    fatal
}

#[cfg(test)]
mod tests {
    use std::ops::ControlFlow;

    use super::*;
    use crate::import::columns::{CASES, Column};

    type Rows = Vec<(u64, Option<String>, Vec<Issue>)>;

    fn rows(text: &str) -> (Rows, Vec<Issue>) {
        let mut out = Vec::new();
        let fatal = scan(&CASES, text.as_bytes(), false, &mut |row: Row<'_>| {
            let nomor = row.cells[Column::Nomor.index()]
                .as_deref()
                .map(str::to_string);
            out.push((
                row.line,
                nomor,
                row.problems.into_iter().map(|p| p.issue).collect(),
            ));
            ControlFlow::Continue(())
        });
        (out, fatal.into_iter().map(|p| p.issue).collect())
    }

    #[test]
    fn an_array_gives_each_object_with_its_line() {
        let (r, fatal) = rows(
            "[\n  {\"nomor\": \"A\", \"diperpanjang\": true},\n  {\"number\": 12,\n \"uraian\": \"a } b\"}\n]\n",
        );
        assert!(fatal.is_empty(), "{fatal:?}");
        assert_eq!(
            r,
            vec![
                (2, Some("A".into()), vec![]),
                (3, Some("12".into()), vec![])
            ]
        );
    }

    #[test]
    fn json_lines_and_broken_objects() {
        let (r, fatal) = rows(
            "{\"nomor\": \"A\"}\n{\"nomor\": \"B\" \"status\": 1}\n[1]\n{\"nomor\": {\"x\": 1}}\n",
        );
        assert!(fatal.is_empty());
        assert_eq!(r.len(), 4);
        assert!(matches!(r[1].2[0], Issue::Json(_)));
        assert_eq!(r[2].2, vec![Issue::NotAnObject { found: "an array" }]);
        assert_eq!(r[3].2, vec![Issue::WrongType { found: "an object" }]);
    }

    #[test]
    fn structure_errors_stop_the_file() {
        assert_eq!(rows("").1, vec![Issue::EmptyFile]);
        assert!(matches!(rows("[{\"nomor\": \"A\"}").1[0], Issue::Json(_)));
        assert!(matches!(rows("[{\"nomor\": \"A\"},]").1[0], Issue::Json(_)));
        assert!(matches!(
            rows("[{\"nomor\": \"A\"} {}]").1[0],
            Issue::Json(_)
        ));
        assert!(matches!(rows("{\"nomor\": \"A").1[0], Issue::Json(_)));
        assert!(matches!(rows("\"text\"").1[0], Issue::Json(_)));
        let (r, fatal) = rows("[]");
        assert!(r.is_empty() && fatal.is_empty());
        assert!(matches!(
            rows("[{\"catatan\": 1}]").1[0],
            Issue::UnknownColumn { .. }
        ));
    }
}
