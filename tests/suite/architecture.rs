//! The shape of the code, checked: no module imports a layer above its own, src/tui and src/import
//! have no import circle, and SQL is written and rusqlite named only in store/ and engine/sql/.
//!
//! Layers, from the bottom (a module may import its own layer and those below it):
//!
//! | layer | modules | owns |
//! |---|---|---|
//! | 0 | `text`, `log`, `progress`, `fs_safe`, `fsread`, `error`, `i18n` | text width, logging, safe files, errors, the message catalogue |
//! | 1 | `domain` | regions, stages, campaign stages, codes, deadlines, reference data (tiles too) |
//! | 2 | `view` | the view-spec language: parse, print, expand |
//! | 3 | `store` | SQLite: open, migrations, every write and most reads |
//! | 4 | `engine` | answers a view: counts, pages, the index, campaign figures; its SQL in `engine/sql/` |
//! | 5 | `import`, `demo`, `config`, `report` | files in: imports, the demo database, configuration and saved views; files out: the workbook, charts and printed report |
//! | 6 | `tui` | the interactive screen |
//! | 7 | `commands`, `cli` | one function per subcommand, the clap definitions |
//!
//! `config` sits below `tui` yet reads and checks the user's key remaps: it may import the key
//! table (`tui::keymap`, the keymap in force `tui::bindings`) and the events (`tui::action`),
//! which import nothing else of the TUI, and nothing more of it.
//! `main.rs` is the binary and goes through `pantau::` only.
//!
//! Test code (files named `tests.rs`, `*_tests.rs`, and what follows `#[cfg(test)]`) is not read:
//! a test may reach anything.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The layer of a top-level module of the crate.
fn layer(top: &str) -> Option<u8> {
    Some(match top {
        "text" | "log" | "progress" | "fs_safe" | "fsread" | "error" | "i18n" => 0,
        "domain" => 1,
        "view" => 2,
        "store" => 3,
        "engine" => 4,
        "import" | "demo" | "config" | "report" => 5,
        "tui" => 6,
        "commands" | "cli" => 7,
        _ => return None,
    })
}

/// Imports that cross layers upwards on purpose (see the module doc).
fn allowed_upward(from: &str, to: &str) -> bool {
    (from.starts_with("config") && ["tui::action", "tui::keymap", "tui::bindings"].contains(&to))
        || KNOWN_UPWARD.contains(&(from, to))
}

/// Upward imports not yet removed, as (importer, imported). Add nothing here.
const KNOWN_UPWARD: &[(&str, &str)] = &[("error", "domain::reference"), ("log", "store::files")];

/// Modules that still import each other in a circle (a `mod.rs` and the children whose items it
/// re-exports). src/tui and src/import must have none. Add nothing here; break the circle instead.
const KNOWN_CIRCLES: &[&[&str]] = &[
    &[
        "domain",
        "domain::case",
        "domain::codes",
        "domain::deadline",
        "domain::reference",
    ],
    &["engine", "engine::counts", "engine::pages"],
    &["store", "store::read", "store::write"],
];

struct Module {
    path: String,
    file: PathBuf,
    /// Source with test code removed.
    text: String,
}

fn src_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn modules() -> Vec<Module> {
    let mut out = Vec::new();
    walk(&src_dir(), &mut out);
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

fn walk(dir: &Path, out: &mut Vec<Module>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .expect("src/ is readable")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out);
            continue;
        }
        if p.extension().and_then(|e| e.to_str()) != Some("rs") {
            continue;
        }
        let stem = p.file_stem().and_then(|s| s.to_str()).expect("utf-8 name");
        if stem == "tests" || stem.ends_with("_tests") || stem == "main" {
            continue;
        }
        let rel = p.strip_prefix(src_dir()).expect("under src");
        let mut parts: Vec<String> = rel
            .iter()
            .map(|s| s.to_str().expect("utf-8 path").to_string())
            .collect();
        let last = parts.pop().expect("a file");
        if last != "mod.rs" && last != "lib.rs" {
            parts.push(last.trim_end_matches(".rs").to_string());
        }
        let raw = fs::read_to_string(&p).expect("source is readable");
        let text = strip_tests(&strip_comments(&raw));
        out.push(Module {
            path: parts.join("::"),
            file: p,
            text,
        });
    }
}

/// Removes `//` comments (doc comments included) so that paths named in prose do not count.
fn strip_comments(src: &str) -> String {
    src.lines()
        .map(|l| match l.find("//") {
            Some(i) if !l[..i].contains('"') => &l[..i],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Cuts the source at the first `#[cfg(test)]` followed by a `mod`: test modules come last.
fn strip_tests(src: &str) -> String {
    let mut from = 0;
    while let Some(i) = src[from..].find("#[cfg(test)]") {
        let at = from + i;
        let rest = src[at + "#[cfg(test)]".len()..].trim_start();
        if rest.starts_with("mod ") {
            return src[..at].to_string();
        }
        from = at + 1;
    }
    src.to_string()
}

/// Every `use` tree in the text, expanded to whole paths (`a::{b, c::d}` gives `a::b`, `a::c::d`).
fn use_paths(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = find_word(rest, "use") {
        let after = &rest[i + 3..];
        let Some(end) = after.find(';') else { break };
        let tree: String = after[..end]
            .replace(" as ", "@")
            .split_whitespace()
            .collect();
        expand("", &tree, &mut out);
        rest = &after[end..];
    }
    out
}

fn find_word(text: &str, word: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(i) = text[from..].find(word) {
        let at = from + i;
        let before_ok =
            at == 0 || !(bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_');
        let end = at + word.len();
        let after_ok = end < bytes.len() && bytes[end] == b' ';
        if before_ok && after_ok {
            return Some(at);
        }
        from = end;
    }
    None
}

fn expand(prefix: &str, tree: &str, out: &mut Vec<String>) {
    if let Some(open) = tree.find('{') {
        let head = &tree[..open];
        let inner = &tree[open + 1..tree.len() - 1];
        let mut depth = 0;
        let mut start = 0;
        for (i, c) in inner.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    expand(&format!("{prefix}{head}"), &inner[start..i], out);
                    start = i + 1;
                }
                _ => {}
            }
        }
        if start < inner.len() {
            expand(&format!("{prefix}{head}"), &inner[start..], out);
        }
    } else if !tree.is_empty() {
        let path = tree.split('@').next().unwrap_or(tree);
        out.push(format!("{prefix}{path}"));
    }
}

/// `crate::a::b` paths written inline in code (not in a `use`).
fn inline_paths(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, _) in text.match_indices("crate::") {
        let b = text.as_bytes();
        if i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_') {
            continue;
        }
        let path: String = text[i..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == ':')
            .collect();
        if text[i + path.len()..].starts_with('{') {
            // a `use` tree, read by `use_paths`
            continue;
        }
        out.push(path.trim_end_matches(':').to_string());
    }
    out
}

/// The module a path names, as the longest known module prefix; re-exports through a `mod.rs`
/// (`pub use child::Item`) are followed to the child, the module that really holds the item.
fn resolve(
    from: &str,
    path: &str,
    known: &BTreeSet<String>,
    reexports: &BTreeMap<String, BTreeMap<String, String>>,
) -> Option<String> {
    let mut segs: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
    let here: Vec<&str> = if from.is_empty() {
        vec![]
    } else {
        from.split("::").collect()
    };
    let mut base: Vec<String> = match segs.first().copied() {
        Some("crate") => {
            segs.remove(0);
            vec![]
        }
        Some("super") => {
            let mut b: Vec<String> = here.iter().map(|s| s.to_string()).collect();
            while segs.first() == Some(&"super") {
                segs.remove(0);
                b.pop();
            }
            b
        }
        Some("self") => {
            segs.remove(0);
            here.iter().map(|s| s.to_string()).collect()
        }
        Some(first) => {
            let child = if from.is_empty() {
                first.to_string()
            } else {
                format!("{from}::{first}")
            };
            if known.contains(&child) {
                here.iter().map(|s| s.to_string()).collect()
            } else {
                return None;
            }
        }
        None => return None,
    };
    let mut best = None;
    for s in segs {
        base.push(s.to_string());
        let cand = base.join("::");
        if known.contains(&cand) {
            best = Some(cand);
            continue;
        }
        if let Some(target) = best
            .as_ref()
            .and_then(|m| reexports.get(m))
            .and_then(|r| r.get(s))
        {
            return Some(target.clone());
        }
        break;
    }
    best
}

struct Graph {
    edges: BTreeMap<String, BTreeSet<String>>,
    files: BTreeMap<String, PathBuf>,
}

fn graph() -> Graph {
    let mods = modules();
    let known: BTreeSet<String> = mods.iter().map(|m| m.path.clone()).collect();
    // name -> child module, for `pub use child::Name` in each module
    let mut reexports: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for m in &mods {
        for p in use_paths(&m.text) {
            let segs: Vec<&str> = p.split("::").collect();
            if segs.len() < 2 {
                continue;
            }
            let child = if m.path.is_empty() {
                segs[0].to_string()
            } else {
                format!("{}::{}", m.path, segs[0])
            };
            if known.contains(&child) && m.text.contains(&format!("pub use {}", segs[0])) {
                let name = segs[segs.len() - 1];
                reexports
                    .entry(m.path.clone())
                    .or_default()
                    .insert(name.to_string(), child);
            }
        }
    }
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut files = BTreeMap::new();
    for m in &mods {
        files.insert(m.path.clone(), m.file.clone());
        let set = edges.entry(m.path.clone()).or_default();
        for p in use_paths(&m.text).into_iter().chain(inline_paths(&m.text)) {
            if let Some(to) = resolve(&m.path, &p, &known, &reexports) {
                if to != m.path && !m.path.starts_with(&format!("{to}::")) {
                    set.insert(to);
                } else if m.path.starts_with(&format!("{to}::")) && !p.ends_with("::*") {
                    // a child naming its parent's own item
                    set.insert(to);
                }
            }
        }
    }
    Graph { edges, files }
}

fn top(m: &str) -> &str {
    m.split("::").next().unwrap_or(m)
}

#[test]
fn no_module_imports_a_layer_above_its_own() {
    let g = graph();
    let mut wrong = Vec::new();
    for (from, tos) in &g.edges {
        let Some(lf) = layer(top(from)) else { continue };
        for to in tos {
            let Some(lt) = layer(top(to)) else { continue };
            if lt > lf && !allowed_upward(from, to) {
                wrong.push(format!(
                    "{} (layer {lf}) imports {to} (layer {lt})",
                    g.files[from]
                        .strip_prefix(src_dir())
                        .unwrap_or(&g.files[from])
                        .display()
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "modules import a layer above their own (see the table at the top of tests/architecture.rs):\n{}",
        wrong.join("\n")
    );
}

/// Strongly connected components with more than one module (Tarjan).
fn circles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct T<'a> {
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on: BTreeSet<&'a str>,
        next: usize,
        out: Vec<Vec<String>>,
    }
    fn visit<'a>(t: &mut T<'a>, v: &'a str) {
        t.index.insert(v, t.next);
        t.low.insert(v, t.next);
        t.next += 1;
        t.stack.push(v);
        t.on.insert(v);
        if let Some(tos) = t.edges.get(v) {
            for w in tos {
                let w = w.as_str();
                if !t.edges.contains_key(w) {
                    continue;
                }
                if !t.index.contains_key(w) {
                    visit(t, w);
                    let lw = t.low[w];
                    let lv = t.low[v];
                    t.low.insert(v, lv.min(lw));
                } else if t.on.contains(w) {
                    let iw = t.index[w];
                    let lv = t.low[v];
                    t.low.insert(v, lv.min(iw));
                }
            }
        }
        if t.low[v] == t.index[v] {
            let mut comp = Vec::new();
            while let Some(w) = t.stack.pop() {
                t.on.remove(w);
                comp.push(w.to_string());
                if w == v {
                    break;
                }
            }
            if comp.len() > 1 {
                comp.sort();
                t.out.push(comp);
            }
        }
    }
    let mut t = T {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        next: 0,
        out: Vec::new(),
    };
    for v in edges.keys() {
        if !t.index.contains_key(v.as_str()) {
            visit(&mut t, v);
        }
    }
    t.out.sort();
    t.out
}

fn circles_under(prefix: &str) -> Vec<Vec<String>> {
    let g = graph();
    let inside =
        |m: &str| prefix.is_empty() || m == prefix || m.starts_with(&format!("{prefix}::"));
    let sub: BTreeMap<String, BTreeSet<String>> = g
        .edges
        .iter()
        .filter(|(m, _)| inside(m))
        .map(|(m, tos)| {
            (
                m.clone(),
                tos.iter().filter(|t| inside(t)).cloned().collect(),
            )
        })
        .collect();
    circles(&sub)
}

fn assert_no_new_circles(prefix: &str) {
    let found = circles_under(prefix);
    let known: Vec<Vec<String>> = KNOWN_CIRCLES
        .iter()
        .filter(|_| prefix.is_empty())
        .map(|c| c.iter().map(|s| s.to_string()).collect())
        .collect();
    let new: Vec<String> = found
        .iter()
        .filter(|c| !known.contains(c))
        .map(|c| c.join(" -> "))
        .collect();
    let gone: Vec<String> = known
        .iter()
        .filter(|c| !found.contains(c))
        .map(|c| c.join(" -> "))
        .collect();
    assert!(
        gone.is_empty(),
        "these circles are gone: take them off KNOWN_CIRCLES in tests/architecture.rs:\n{}",
        gone.join("\n")
    );
    assert!(
        new.is_empty(),
        "modules of src/{prefix} import each other in a circle; move what they share into a leaf \
         module that imports none of them:\n{}",
        new.join("\n")
    );
}

#[test]
fn the_tui_has_no_import_circle() {
    assert_no_new_circles("tui");
}

#[test]
fn no_new_import_circle_anywhere() {
    assert_no_new_circles("");
}

#[test]
fn import_has_no_import_circle() {
    assert_no_new_circles("import");
}

/// Whether the (comment-free, test-free) source runs or writes SQL.
fn writes_sql(text: &str) -> bool {
    // (A pragma runs through one of these calls; its name alone may be a message's text.)
    const CALLS: [&str; 8] = [
        "prepare(",
        "prepare_cached(",
        "query_row(",
        ".execute(",
        "execute_batch(",
        "pragma_query",
        "pragma_update",
        "query_map(",
    ];
    const WORDS: [&str; 5] = [
        "\"SELECT ",
        "\"INSERT ",
        "\"UPDATE ",
        "\"DELETE ",
        "\"WITH ",
    ];
    // A statement quoted inside a message (`\"INSERT …\"`, a command for the user) is not SQL run.
    let opens_sql = |w: &&str| {
        text.match_indices(*w)
            .any(|(i, _)| i == 0 || text.as_bytes()[i - 1] != b'\\')
    };
    CALLS.iter().any(|w| text.contains(w)) || WORDS.iter().any(opens_sql)
}

/// A module's file, as a path under `src/`.
fn rel(m: &Module) -> String {
    m.file
        .strip_prefix(src_dir())
        .unwrap_or(&m.file)
        .display()
        .to_string()
}

/// The files (paths under `src/`) that `offends` and that `exempt` does not cover.
fn offenders(exempt: impl Fn(&Module) -> bool, offends: impl Fn(&str) -> bool) -> Vec<String> {
    modules()
        .iter()
        .filter(|m| !exempt(m) && offends(&m.text))
        .map(rel)
        .collect()
}

/// [`offenders`] checked against `known`: a new one fails, and so does a known one that no longer
/// offends (the list only shrinks).
fn check_known(
    known: &[&str],
    list: &str,
    exempt: impl Fn(&Module) -> bool,
    offends: impl Fn(&str) -> bool,
    what: &str,
) {
    let wrong: Vec<String> = offenders(exempt, &offends)
        .into_iter()
        .filter(|f| !known.contains(&f.as_str()))
        .collect();
    let all = modules();
    let gone: Vec<&&str> = known
        .iter()
        .filter(|f| {
            all.iter()
                .find(|m| m.file.ends_with(f))
                .is_none_or(|m| !offends(&m.text))
        })
        .collect();
    assert!(
        gone.is_empty(),
        "take these off {list}, they are mended: {gone:?}"
    );
    assert!(wrong.is_empty(), "{what}:\n{}", wrong.join("\n"));
}

/// Where SQL is written and rusqlite named: the store, and the engine's statements.
fn holds_sql(m: &Module) -> bool {
    top(&m.path) == "store" || m.path == "engine::sql" || m.path.starts_with("engine::sql::")
}

#[test]
fn sql_stays_in_store_and_engine_sql() {
    let wrong = offenders(holds_sql, writes_sql);
    assert!(
        wrong.is_empty(),
        "files outside store/ and engine/sql/ write SQL; give them a function there instead \
         (named for what it does, with a doc comment) and call it:\n{}",
        wrong.join("\n")
    );
    // The check is only as good as its reading: the statements it lets through are found.
    let found: Vec<String> = modules()
        .iter()
        .filter(|m| writes_sql(&m.text))
        .map(|m| m.path.clone())
        .collect();
    for home in ["store::write", "engine::sql", "engine::sql::counts"] {
        assert!(found.iter().any(|p| p == home), "{home} writes SQL");
    }
}

#[test]
fn rusqlite_stays_in_store_and_engine_sql() {
    // `error.rs` is the one place beside them that turns a database error into a message.
    let wrong = offenders(
        |m| holds_sql(m) || m.path == "error",
        |text| text.contains("rusqlite"),
    );
    assert!(
        wrong.is_empty(),
        "files outside store/ and engine/sql/ name rusqlite; give them a function there that \
         answers with pantau's own types instead:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_reader_sees_the_imports_it_must() {
    // The checks above are only as good as the parsing: a few imports that exist must be found.
    let g = graph();
    let has = |from: &str, to: &str| g.edges.get(from).is_some_and(|t| t.contains(to));
    assert!(has("store", "error"), "store imports error");
    assert!(
        has("tui::app", "engine") || g.edges["tui::app"].iter().any(|t| t.starts_with("engine"))
    );
    assert!(g.edges.len() > 100, "every module is read");
}

/// Files that still hold user-visible text of their own (a `pick` between two texts, a match
/// on the language that gives a text, or an English-only `Error::Other`) instead of taking it from
/// the catalogue in `src/i18n/`. Shrinks as they move there; a file that no longer does must leave
/// the list.
const KNOWN_TEXT: &[&str] = &["tui/bindings.rs"];

/// Whether the (comment-free, test-free) source holds user-visible text of its own: a `pick`
/// between two texts, an arm of a match on the language that gives a text written there (a string
/// literal or a `format!`), or pantau's `Error::Other`. An arm that gives data is not text of its
/// own: `Lang::Id => &self.name_id` (a column of a reference file) or a message the catalogue
/// has already made in both languages.
fn holds_text(text: &str) -> bool {
    text.contains(".pick(")
        || crate_error_other(text)
        || ["Lang::Id =>", "Lang::En =>"]
            .iter()
            .any(|arm| arm_gives_text(text, arm))
}

/// `Error::Other(` as pantau's own error (not, say, rusqlite's `FromSqlError::Other(`). pantau's
/// error has no such variant any more; should one come back, English-only, this finds its uses.
fn crate_error_other(text: &str) -> bool {
    text.match_indices("Error::Other(").any(|(i, _)| {
        let before = text[..i].chars().next_back();
        !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

/// Whether some `arm` (`Lang::Id =>`) is followed by a text: a string literal or a `format!`.
fn arm_gives_text(text: &str, arm: &str) -> bool {
    text.match_indices(arm).any(|(i, _)| {
        let value = text[i + arm.len()..].trim_start();
        let value = value.strip_prefix('{').unwrap_or(value).trim_start();
        [
            "\"",
            "r\"",
            "r#\"",
            "format!",
            "&format!",
            "String::from(\"",
        ]
        .iter()
        .any(|t| value.starts_with(t))
    })
}

#[test]
fn the_text_check_tells_text_from_data() {
    // Text written in the source: each must be found.
    for text in [
        "lang.pick(\"Jumlah\", \"Total\")",
        "match lang { Lang::Id => \"Jumlah\", Lang::En => \"Total\" }",
        "match lang {\n    Lang::Id => {\n        \"Jumlah\"\n    }\n}",
        "match lang { Lang::En => format!(\"{n} cases\"), _ => todo!() }",
        "Err(Error::Other(\"cancelled\".into()))",
        "Err(crate::error::Error::Other(text))",
    ] {
        assert!(holds_text(text), "text not found in: {text}");
    }
    // Data: the column of a reference file, a message made by the catalogue, another crate's error.
    for data in [
        "match lang { Lang::Id => &self.name_id, Lang::En => &self.name_en }",
        "match lang { Lang::Id => message_id.clone(), Lang::En => message.clone() }",
        "FromSqlError::Other(Box::new(UnknownCode { code }))",
    ] {
        assert!(!holds_text(data), "data taken for text: {data}");
    }
}

#[test]
fn user_text_lives_in_the_catalogue() {
    check_known(
        KNOWN_TEXT,
        "KNOWN_TEXT",
        |m| top(&m.path) == "i18n",
        holds_text,
        "user-visible text outside src/i18n/: give it a variant in the area's message enum there \
         (both languages, one match) instead",
    );
}
