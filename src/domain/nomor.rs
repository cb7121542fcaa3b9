//! How an intake number (`nomor`) is stored, when two spellings are one number, and how it is
//! shortened for a narrow column. Pure text rules: no storage, no messages.
//!
//! Bawaslu writes an intake number `serial/TM or LP/PL/level/office/month/year`:
//! `006/TM/PL/Kab/27.09/IV/2024`, `021/LP/PL/RI/00.00/III/2024`, or without the level,
//! `001/TM/PL/64.71/XII/2023`; a registration number puts `Reg` after the serial. The serial
//! counts per office, year and source, so the serial, the source, the office and the month (in
//! Roman numerals) are what tell two cases of one list apart; `PL` and the level never do.

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

/// An intake number read in its parts (see the module's notes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NomorParts<'a> {
    /// `001`.
    pub serial: &'a str,
    /// `TM` or `LP`, when the number names its source.
    pub source: Option<&'a str>,
    /// The office code, `23.05`.
    pub office: &'a str,
    /// The month in Roman numerals, `XII`.
    pub month: &'a str,
    /// `2024`.
    pub year: &'a str,
}

/// Whether `s` is a month in Roman numerals (`I` to `XII`, either case).
fn roman_month(s: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
    ];
    MONTHS.iter().any(|m| m.eq_ignore_ascii_case(s))
}

/// The parts of an intake number written the Bawaslu way; `None` for any other spelling.
pub fn nomor_parts(nomor: &str) -> Option<NomorParts<'_>> {
    let parts: Vec<&str> = nomor.split('/').map(str::trim).collect();
    let n = parts.len();
    if n < 4 {
        return None;
    }
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let (serial, office, month, year) = (parts[0], parts[n - 3], parts[n - 2], parts[n - 1]);
    let bawaslu = digits(serial)
        && digits(year)
        && year.len() == 4
        && roman_month(month)
        && office.bytes().any(|b| b.is_ascii_digit());
    if !bawaslu {
        return None;
    }
    let source = parts[1..n - 3]
        .iter()
        .find(|p| p.eq_ignore_ascii_case("TM") || p.eq_ignore_ascii_case("LP"))
        .copied();
    Some(NomorParts {
        serial,
        source,
        office,
        month,
        year,
    })
}

/// Whether an intake number carries the election segment `segment` (`PL`, `PB`) and, if so, the
/// year it ends with: `006/TM/PL/Kab/27.09/IV/2024` carries `PL` of 2024. The segment is one of
/// the parts between the serial and the year, in either case; the year is the last part, four
/// digits. Looser than [`nomor_parts`] (an office that leaves out the month or the office code
/// still says its election), and `None` for a number without that segment or without a year.
pub fn nomor_segment_year(nomor: &str, segment: &str) -> Option<i32> {
    let (head, year) = nomor.rsplit_once('/')?;
    let year = year.trim();
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (_serial, middle) = head.split_once('/')?;
    middle
        .split('/')
        .any(|p| p.trim().eq_ignore_ascii_case(segment))
        .then(|| year.parse().ok())
        .flatten()
}

/// The shortest form [`short_nomor`] gives a number written the Bawaslu way: the serial, the
/// office and the month (`001/23.05/I`, 11 columns for a kabupaten/kota office).
pub const SHORTEST_NOMOR: usize = 11;

/// The number in at most `width` columns, keeping what tells cases apart however narrow it gets.
/// A number written the Bawaslu way loses first `PL` and the level, then two digits of the year,
/// then the year, then the source: `001/TM/PL/Kota/23.05/I/2024`, `001/TM/23.05/I/2024`,
/// `001/TM/23.05/I/24`, `001/TM/23.05/I`, `001/23.05/I`. Any other number keeps its
/// serial whole (see `around_serial`). The text is made terminal-safe.
pub fn short_nomor(nomor: &str, width: usize) -> String {
    let safe = crate::text::safe(nomor);
    if crate::text::width(&safe) <= width {
        return safe.into_owned();
    }
    let Some(p) = nomor_parts(&safe) else {
        return around_serial(&safe, width);
    };
    let yy = &p.year[2..];
    let mut forms = Vec::with_capacity(5);
    if let Some(src) = p.source {
        forms.push(format!(
            "{}/{src}/{}/{}/{}",
            p.serial, p.office, p.month, p.year
        ));
        forms.push(format!("{}/{src}/{}/{}/{yy}", p.serial, p.office, p.month));
        forms.push(format!("{}/{src}/{}/{}", p.serial, p.office, p.month));
    } else {
        forms.push(format!("{}/{}/{}/{}", p.serial, p.office, p.month, p.year));
        forms.push(format!("{}/{}/{}/{yy}", p.serial, p.office, p.month));
    }
    let last = format!("{}/{}/{}", p.serial, p.office, p.month);
    forms
        .into_iter()
        .find(|f| crate::text::width(f) <= width)
        .unwrap_or_else(|| crate::text::fit(&last, width))
}

/// A number not written the Bawaslu way in at most `width` columns, keeping whole the part that
/// tells cases apart: the one of its parts (between `/`, `-`, `_` or spaces) with the most digits,
/// taken as the serial (`SIM/0000101/23.06/PL/2024` → `…0000101/23.06/PL…`), with as many of
/// the parts after it, then before it, as fit; `…` where parts are left out. A serial wider than
/// `width` keeps its end, where serials differ.
fn around_serial(s: &str, width: usize) -> String {
    let w = crate::text::width;
    let parts: Vec<&str> = s.split_inclusive(['/', '-', '_', ' ']).collect();
    let digits = |p: &str| p.bytes().filter(u8::is_ascii_digit).count();
    let Some(key) = (0..parts.len())
        .filter(|&i| digits(parts[i]) > 0)
        .max_by_key(|&i| (digits(parts[i]), std::cmp::Reverse(i)))
    else {
        return fit_middle(s, width);
    };
    let text = |from: usize, to: usize| {
        let body: String = parts[from..=to].concat();
        // A separator that ends the kept parts goes with the parts left out.
        let body = if to + 1 < parts.len() {
            body.trim_end_matches(['/', '-', '_', ' ']).to_string()
        } else {
            body
        };
        let head = if from > 0 { "…" } else { "" };
        let tail = if to + 1 < parts.len() { "…" } else { "" };
        format!("{head}{body}{tail}")
    };
    let (mut from, mut to) = (key, key);
    if w(&text(from, to)) > width {
        let serial = parts[key].trim_end_matches(['/', '-', '_', ' ']);
        let tail: String = {
            let mut kept: Vec<char> = Vec::new();
            for c in serial.chars().rev() {
                if w(&kept.iter().rev().collect::<String>()) + w(c.encode_utf8(&mut [0; 4])) + 1
                    > width
                {
                    break;
                }
                kept.push(c);
            }
            kept.into_iter().rev().collect()
        };
        return if width == 0 {
            String::new()
        } else {
            format!("…{tail}")
        };
    }
    while to + 1 < parts.len() && w(&text(from, to + 1)) <= width {
        to += 1;
    }
    while from > 0 && w(&text(from - 1, to)) <= width {
        from -= 1;
    }
    text(from, to)
}

/// `s` in at most `width` columns: its start, `…`, and its end.
fn fit_middle(s: &str, width: usize) -> String {
    if width < 3 {
        return crate::text::fit(s, width);
    }
    let tail_w = (width - 1) / 2;
    let head_w = width - 1 - tail_w;
    let mut head = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = crate::text::width(c.encode_utf8(&mut [0; 4]));
        if used + w > head_w {
            break;
        }
        head.push(c);
        used += w;
    }
    let mut tail: Vec<char> = Vec::new();
    let mut used = 0;
    for c in s.chars().rev() {
        let w = crate::text::width(c.encode_utf8(&mut [0; 4]));
        if used + w > tail_w {
            break;
        }
        tail.push(c);
        used += w;
    }
    head + "…" + &tail.into_iter().rev().collect::<String>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_keeps_its_serial_office_and_month_however_narrow() {
        let n = "001/TM/PL/Kota/23.05/I/2024";
        assert_eq!(short_nomor(n, 40), n);
        assert_eq!(short_nomor(n, 26), "001/TM/23.05/I/2024");
        assert_eq!(short_nomor(n, 18), "001/TM/23.05/I/24");
        assert_eq!(short_nomor(n, 16), "001/TM/23.05/I");
        assert_eq!(short_nomor(n, 13), "001/23.05/I");
        assert_eq!(short_nomor(n, SHORTEST_NOMOR), "001/23.05/I");
        assert_eq!(
            short_nomor("001/TM/PL/64.71/XII/2023", 17),
            "001/TM/64.71/XII"
        );
        assert_eq!(
            short_nomor("004/Reg/LP/PL/Kota/23.06/I/2024", 19),
            "004/LP/23.06/I/2024"
        );
        assert_eq!(
            short_nomor("021/PL/RI/00.00/III/2024", 16),
            "021/00.00/III/24"
        );
        // Two cases of one office and month stay apart at every width.
        for w in SHORTEST_NOMOR..30 {
            assert_ne!(
                short_nomor("001/TM/PL/Kota/23.05/I/2024", w),
                short_nomor("002/TM/PL/Kota/23.05/I/2024", w),
                "{w}"
            );
        }
    }

    #[test]
    fn another_spelling_keeps_its_serial_whole_so_two_cases_never_read_alike() {
        for w in 8..30 {
            let (a, b) = (
                short_nomor("SIM/0000081/23.00/PB/2024", w),
                short_nomor("SIM/0000080/23.00/PB/2024", w),
            );
            assert_ne!(a, b, "{w}");
            assert!(crate::text::width(&a) <= w, "{a} in {w}");
        }
        assert_eq!(short_nomor("LAPORAN-2024-000123-SMD", 11), "…000123-SMD");
        assert_eq!(
            short_nomor("LAPORAN-2024-000123-SMD", 16),
            "…2024-000123-SMD"
        );
        assert_eq!(short_nomor("LAPORAN-2024-000123-SMD", 5), "…0123");
        assert_eq!(short_nomor("short", 11), "short");
        assert_eq!(
            short_nomor("SIM/0000101/23.06/PL/2024", 19),
            "…0000101/23.06/PL…"
        );
        assert_eq!(
            short_nomor("SIM/0000101/23.06/PL/2024", 22),
            "…0000101/23.06/PL/2024"
        );
        assert_eq!(short_nomor("SIM/0000101/23.06/PL/2024", 8), "…0000101");
        assert_eq!(nomor_parts("001/TM/PL/Kota/23.05/XIII/2024"), None);
        assert_eq!(nomor_parts("abc/TM/23.05/I/2024"), None);
        assert_eq!(
            nomor_segment_year("006/TM/PL/Kab/27.09/IV/2024", "PL"),
            Some(2024)
        );
        assert_eq!(
            nomor_segment_year("001/lp/pb/64.71/X/2024", "PB"),
            Some(2024)
        );
        assert_eq!(
            nomor_segment_year("0001/LP/PL/64.71/2023", "PL"),
            Some(2023)
        );
        assert_eq!(
            nomor_segment_year("006/TM/PL/Kab/27.09/IV/2024", "PB"),
            None
        );
        assert_eq!(
            nomor_segment_year("PL/2024", "PL"),
            None,
            "PL is the serial here"
        );
        assert_eq!(
            nomor_segment_year("001/PL/IV/24", "PL"),
            None,
            "no four-digit year"
        );
        assert_eq!(nomor_segment_year("B/7/2024", "PL"), None);
        assert!(crate::text::width(&short_nomor("٠٠١/ＬＰ/ＰＬ/第一/Ⅻ/2024", 9)) <= 9);
    }

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
