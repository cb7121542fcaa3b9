//! `@name` in a view spec: replaced by the spec of the saved view of that name, which may itself
//! name others; a name not saved, a circle of names or a runaway expansion is an error.

use crate::i18n::Lang;

use super::parse::{Token, ViewError, tokenize};

/// The longest a spec may grow to by expanding saved views, in characters.
pub const MAX_EXPANDED: usize = 65_536;

/// Where the saved views come from: the spec of a name, and where they are listed (for the
/// message about a name not saved: "in [views] of FILE; there are: @a, @b").
pub struct Saved<'a> {
    pub spec: &'a dyn Fn(&str) -> Option<String>,
    pub listed: &'a dyn Fn(Lang) -> String,
}

/// `input` with every `@name` token (outside quotes) replaced by the spec of that saved view,
/// expanded in turn. Errors point at the `@name` typed in `input`.
pub fn expand(input: &str, saved: &Saved<'_>) -> Result<String, ViewError> {
    let mut chain = Vec::new();
    expand_in(input, saved, &mut chain, None)
}

/// Expands `input`; `chain` holds the names being expanded, `at` the position in the typed spec
/// every error of a nested spec is reported at.
fn expand_in(
    input: &str,
    saved: &Saved<'_>,
    chain: &mut Vec<String>,
    at: Option<usize>,
) -> Result<String, ViewError> {
    if !input.contains('@') {
        return Ok(input.to_string());
    }
    let tokens = tokenize(input).map_err(|e| match at {
        Some(pos) => ViewError::new(pos, e.message(Lang::En), e.message(Lang::Id)),
        None => e,
    })?;
    let chars: Vec<char> = input.chars().collect();
    let mut out = String::new();
    let mut next = 0;
    for token in &tokens {
        let Some(name) = saved_name(token)? else {
            continue;
        };
        let pos = at.unwrap_or(token.pos);
        let end = token.pieces.last().map_or(token.pos, |p| p.pos());
        out.extend(&chars[next..token.pos - 1]);
        next = end;
        if let Some(i) = chain.iter().position(|n| *n == name) {
            let circle: Vec<String> = chain[i..]
                .iter()
                .chain(std::iter::once(&name))
                .map(|n| format!("@{n}"))
                .collect();
            let circle = circle.join(" → ");
            return Err(ViewError::new(
                pos,
                format!(
                    "the saved views at {pos} name each other in a circle: {circle}; change one of them so the circle ends"
                ),
                format!(
                    "tampilan tersimpan di posisi {pos} saling menyebut melingkar: {circle}; ubah salah satunya agar lingkaran terputus"
                ),
            ));
        }
        let Some(spec) = (saved.spec)(&name) else {
            return Err(ViewError::new(
                pos,
                format!("no saved view @{name} {}", (saved.listed)(Lang::En)),
                format!(
                    "tidak ada tampilan tersimpan @{name} {}",
                    (saved.listed)(Lang::Id)
                ),
            ));
        };
        chain.push(name);
        let inner = expand_in(&spec, saved, chain, Some(pos))?;
        chain.pop();
        out.push(' ');
        out.push_str(&inner);
        out.push(' ');
        if out.chars().count() > MAX_EXPANDED {
            return Err(ViewError::new(
                pos,
                format!(
                    "the saved views at {pos} expand to more than {MAX_EXPANDED} characters; name fewer views in one another"
                ),
                format!(
                    "tampilan tersimpan di posisi {pos} menjadi lebih dari {MAX_EXPANDED} karakter; kurangi tampilan yang saling menyebut"
                ),
            ));
        }
    }
    out.extend(&chars[next..]);
    Ok(out.trim().to_string())
}

/// The name of a `@name` token, `None` for any other token; `-@name` is an error.
fn saved_name(token: &Token) -> Result<Option<String>, ViewError> {
    let plain: Option<String> = token.pieces.iter().map(|p| p.plain()).collect();
    let (negated, text) = match plain.as_deref() {
        Some(t) if t.starts_with('@') => (false, t),
        Some(t) if t.starts_with("-@") => (true, &t[1..]),
        _ => return Ok(None),
    };
    let pos = token.pos;
    if negated {
        return Err(ViewError::new(
            pos,
            format!(
                "a saved view cannot be negated at {pos} ({text}); negate its terms one by one"
            ),
            format!(
                "tampilan tersimpan tidak dapat dinegasikan di posisi {pos} ({text}); negasikan istilahnya satu per satu"
            ),
        ));
    }
    let name = &text[1..];
    if name.is_empty() {
        return Err(ViewError::new(
            pos,
            format!("\"@\" at {pos} needs the name of a saved view after it, e.g. @overdue"),
            format!(
                "\"@\" di posisi {pos} perlu nama tampilan tersimpan sesudahnya, mis. @overdue"
            ),
        ));
    }
    Ok(Some(name.to_string()))
}
