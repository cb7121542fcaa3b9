//! `@name` in a view spec: replaced by the spec of the saved view of that name, which may itself
//! name others; a name not saved, a circle of names or a runaway expansion is an error.

use crate::i18n::Lang;
use crate::i18n::view::Spec;

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
        Some(pos) => e.at(pos),
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
            return Err(ViewError::new(pos, Spec::SavedCircle { pos, circle }));
        }
        let Some(spec) = (saved.spec)(&name) else {
            let problem = Spec::NoSavedView {
                name,
                listed_id: (saved.listed)(Lang::Id),
                listed_en: (saved.listed)(Lang::En),
            };
            return Err(ViewError::new(pos, problem));
        };
        chain.push(name);
        let inner = expand_in(&spec, saved, chain, Some(pos))?;
        chain.pop();
        out.push(' ');
        out.push_str(&inner);
        out.push(' ');
        if out.chars().count() > MAX_EXPANDED {
            let max = MAX_EXPANDED;
            return Err(ViewError::new(pos, Spec::SavedTooLong { pos, max }));
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
        let text = text.to_string();
        return Err(ViewError::new(pos, Spec::SavedNegated { pos, text }));
    }
    let name = &text[1..];
    if name.is_empty() {
        return Err(ViewError::new(pos, Spec::AtWithoutName { pos }));
    }
    Ok(Some(name.to_string()))
}
