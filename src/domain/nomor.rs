//! How an intake number (`nomor`) is stored, and when two spellings are one number.
//! Pure text rules: no storage, no messages.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

/// Characters that show nothing on a screen but make two numbers differ: zero-width spaces and
/// joiners, the soft hyphen, direction marks, the byte-order mark, variation selectors, tags.
pub fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFF8}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}

/// The intake number as it is stored: without white space around it, without invisible
/// characters, each run of white space inside it one space. Borrowed when nothing changes
/// (printable ASCII without double spaces, nearly every number).
pub fn clean_nomor(text: &str) -> Cow<'_, str> {
    let t = text.trim();
    let b = t.as_bytes();
    if b.iter().all(|&c| c.is_ascii_graphic() || c == b' ') && !t.contains("  ") {
        return Cow::Borrowed(t);
    }
    let mut out = String::with_capacity(t.len());
    let mut space = false;
    for c in t.chars() {
        if invisible(c) {
            continue;
        }
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    Cow::Owned(out)
}

/// The form every spelling of one intake number shares: compatibility-normalised (NFKC, so a
/// full-width `／` is `/`), without white space or invisible characters, in upper case, every
/// dash `-` and every slash `/`. Two numbers with the same key are one number written twice.
/// Borrowed when `text` is already in that form.
pub fn nomor_key(text: &str) -> Cow<'_, str> {
    if text
        .bytes()
        .all(|b| b.is_ascii_graphic() && !b.is_ascii_lowercase())
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.nfkc() {
        if invisible(c) || c.is_whitespace() {
            continue;
        }
        match c {
            '\u{2010}'..='\u{2015}' | '\u{2043}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' => {
                out.push('-')
            }
            '\u{2044}' | '\u{2215}' | '\u{29F8}' => out.push('/'),
            c => out.extend(c.to_uppercase()),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clean_number_is_borrowed_and_unchanged() {
        let n = "001/LP/PL/64.71/I/2024";
        assert!(matches!(clean_nomor(n), Cow::Borrowed(s) if s == n));
        assert!(matches!(nomor_key(n), Cow::Borrowed(s) if s == n));
        assert_eq!(clean_nomor("  001/LP  "), "001/LP");
    }

    #[test]
    fn invisible_characters_and_space_runs_are_cleaned() {
        assert_eq!(clean_nomor("001/LP\u{200B}/PL"), "001/LP/PL");
        assert_eq!(clean_nomor("\u{FEFF}001 \u{00A0} LP\t/PL"), "001 LP /PL");
        assert_eq!(clean_nomor("\u{200B}"), "");
    }

    #[test]
    fn every_spelling_of_one_number_has_one_key() {
        let key = "001/LP/PL/64.71/I/2024";
        for spelling in [
            "001/lp/pl/64.71/i/2024",
            "001/LP/PL/ 64.71/I/2024",
            "001/LP\u{200B}/PL/64.71/I/2024",
            "００１／ＬＰ／PL/64.71/I/2024",
            "001\u{2215}LP/PL/64.71/I/2024",
        ] {
            assert_eq!(nomor_key(spelling), key, "{spelling}");
        }
        assert_eq!(nomor_key("A\u{2013}1"), "A-1");
        assert_ne!(nomor_key("001/LP"), nomor_key("002/LP"));
    }
}
