//! The values of the terms that name where a case happened and which province handled it:
//! `kecamatan:`, `desa:`, `tps:`, `provinsi:`. Codes or names (case, spacing and a "Kec." prefix
//! forgiven); a name is looked for within the view's regions, so "did you mean" offers the places
//! there and a name two kabupaten/kota share is refused naming both with their codes.

use crate::domain::wilayah::{Desa, RI, fold_place, match_place};
use crate::domain::{Reference, fold};
use crate::i18n::view::{Named, Spec};

use super::ast::{TermKind, View};
use super::parse::{Value, ViewError, no_match};

/// The words of `kecamatan:tanpa` / `kecamatan:none` (and `desa:`, `tps:`): a case naming none.
pub(super) const NO_PLACE: (&str, &str) = ("tanpa", "none");

/// Whether a value is the word for "none".
fn is_none_word(v: &Value) -> bool {
    let want = fold(&v.text);
    want == NO_PLACE.0 || want == NO_PLACE.1
}

/// The codes of the view's positive terms of one kind.
fn codes_of<'v>(
    view: &'v View,
    pick: impl Fn(&'v TermKind) -> Option<&'v Vec<String>>,
) -> Vec<&'v str> {
    view.terms
        .iter()
        .filter(|t| !t.negated)
        .filter_map(|t| pick(&t.kind))
        .flatten()
        .map(String::as_str)
        .filter(|c| !c.is_empty())
        .collect()
}

/// The regions a view narrows to (its `wilayah:` and `provinsi:` codes), if any.
fn regions_of(view: &View) -> Vec<&str> {
    codes_of(view, |k| match k {
        TermKind::Region(c) | TermKind::Province(c) => Some(c),
        _ => None,
    })
}

/// A `kecamatan:` value: a kecamatan code of the database, `tanpa`/`none` (the empty code), or
/// a name within the view's regions (every kecamatan of the database when it names none).
pub(super) fn kecamatan(view: &View, r: &Reference, v: &Value) -> Result<String, ViewError> {
    if is_none_word(v) {
        return Ok(String::new());
    }
    if let Some(k) = r.kecamatan(v.text.trim()) {
        return Ok(k.code.clone());
    }
    let regions = regions_of(view);
    let within: Vec<&crate::domain::Region> = if regions.is_empty() {
        r.kecamatan.iter().collect()
    } else {
        let mut all: Vec<&crate::domain::Region> = regions
            .iter()
            .flat_map(|c| r.kecamatan_in(c).iter())
            .collect();
        all.sort_by(|a, b| a.code.cmp(&b.code));
        all.dedup_by(|a, b| a.code == b.code);
        all
    };
    let label = |k: &crate::domain::Region| {
        let parent = k
            .parent_code
            .as_deref()
            .and_then(|p| r.region(p))
            .map_or(String::new(), |p| format!(", {}", p.short_name));
        format!("{} ({}{parent})", k.name, k.code)
    };
    match match_place(&v.text, &within, |k| &k.code, |k| &k.name) {
        Ok(k) => Ok(k.code.clone()),
        Err(found) => Err(refused(
            v,
            Named::Kecamatan,
            &found,
            |k| label(k),
            |k| &k.name,
        )),
    }
}

/// A `desa:` value: a kelurahan/desa code of the database, `tanpa`/`none`, or a name within the
/// view's kecamatan (else its regions, else the whole database).
pub(super) fn desa(view: &View, r: &Reference, v: &Value) -> Result<String, ViewError> {
    if is_none_word(v) {
        return Ok(String::new());
    }
    if let Some(d) = r.desa(v.text.trim()) {
        return Ok(d.code.clone());
    }
    let kecamatan = codes_of(view, |k| match k {
        TermKind::Kecamatan(c) => Some(c),
        _ => None,
    });
    let scope = if kecamatan.is_empty() {
        regions_of(view)
    } else {
        kecamatan
    };
    let within: Vec<&Desa> = if scope.is_empty() {
        r.desa.iter().collect()
    } else {
        let mut all: Vec<&Desa> = scope.iter().flat_map(|c| r.desa_in(c).iter()).collect();
        all.sort_by(|a, b| a.code.cmp(&b.code));
        all.dedup_by(|a, b| a.code == b.code);
        all
    };
    let label = |d: &Desa| {
        let k = r.kecamatan(&d.kecamatan).map_or("", |k| k.name.as_str());
        format!("{} ({}, {k})", d.name, d.code)
    };
    match match_place(&v.text, &within, |d| &d.code, |d| &d.name) {
        Ok(d) => Ok(d.code.clone()),
        Err(found) => Err(refused(v, Named::Desa, &found, |d| label(d), |d| &d.name)),
    }
}

/// The error for a name that is not one place: several places of that name (each with its code),
/// or none, with the nearest as the suggestion.
fn refused<T>(
    v: &Value,
    what: Named,
    found: &[&&T],
    label: impl Fn(&T) -> String,
    name: impl Fn(&T) -> &str,
) -> ViewError {
    let want = fold_place(&v.text);
    let labels: Vec<String> = found.iter().map(|t| label(t)).collect();
    if found.len() > 1 && found.iter().all(|t| fold_place(name(t)) == want) {
        let (text, pos) = (v.text.clone(), v.pos);
        return ViewError::new(
            pos,
            Spec::AmbiguousPlace {
                text,
                pos,
                choices: labels.join(", "),
            },
        );
    }
    no_match(what, v, labels.into_iter().next())
}

/// A `provinsi:` value: a province's code, name or short name (`64`, `Kalimantan Timur`,
/// `kaltim`), or `RI` for Bawaslu RI's own cases.
pub(super) fn province(v: &Value) -> Result<String, ViewError> {
    if fold(&v.text) == fold(RI) {
        return Ok(RI.to_string());
    }
    crate::domain::wilayah::find_province(&v.text)
        .map(|(code, _)| code)
        .map_err(|e| {
            no_match(
                Named::Province,
                v,
                e.nearest.map(|(c, n)| format!("{n} ({c})")),
            )
        })
}

/// A `tps:` value: a number from 1 to 9999 written as imports take it (`5`, `005`, `TPS 05`),
/// or `tanpa`/`none` (0: a case naming no TPS).
pub(super) fn tps(v: &Value) -> Result<u16, ViewError> {
    if is_none_word(v) {
        return Ok(0);
    }
    match crate::domain::wilayah::parse_tps(&v.text) {
        Some(n) => Ok(n),
        None => {
            let (text, pos) = (v.text.clone(), v.pos);
            Err(ViewError::new(pos, Spec::BadTps { text, pos }))
        }
    }
}
