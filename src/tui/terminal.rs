//! What the terminal can draw: its colours (NO_COLOR, COLORTERM, the terminfo entry of TERM, else
//! TERM's name) and its characters (the locale's character set, the Linux console's font, a
//! terminal from before Unicode). `detect` is a pure function of the environment it is given;
//! `Env::from_process` is the one place that reads the real one. `choose` puts the user's own
//! choice (`--theme`, `--ascii`, the configuration) over what was detected.

use std::path::{Path, PathBuf};

use crate::config::ThemeName;

/// How many colours the terminal declares.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Depth {
    /// No colour: bold, underline and reverse video only.
    NoColour,
    /// The eight ANSI colours (SGR 30–37): the Linux console, `xterm`, `screen`, `tmux`.
    Ansi8,
    /// The eight and their bright forms (SGR 90–97).
    Ansi16,
    /// The 256-colour palette (`xterm-256color`, `tmux-256color`).
    Palette256,
    /// 24-bit colour (`COLORTERM=truecolor`).
    TrueColour,
}

impl Depth {
    /// How doctor writes it.
    pub fn name(self) -> &'static str {
        match self {
            Depth::NoColour => "0",
            Depth::Ansi8 => "8",
            Depth::Ansi16 => "16",
            Depth::Palette256 => "256",
            Depth::TrueColour => "24-bit",
        }
    }
}

/// Which characters pantau draws with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Glyphs {
    /// Box lines, blocks in eighths, arrows and symbols.
    Unicode,
    /// What the Linux console's font holds (the 256 characters of code page 437): box lines,
    /// whole and half blocks, shades and arrows, but no eighths of a block and no `⏎`.
    Console,
    /// Seven-bit ASCII only.
    Ascii,
}

impl Glyphs {
    /// How doctor and `config --print` write it.
    pub fn name(self) -> &'static str {
        match self {
            Glyphs::Unicode => "unicode",
            Glyphs::Console => "console",
            Glyphs::Ascii => "ascii",
        }
    }
}

/// The environment the choice is made from: the variables, and the colours of TERM's terminfo
/// entry when one was found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Env {
    pub term: Option<String>,
    pub colorterm: Option<String>,
    pub no_color: Option<String>,
    pub lc_all: Option<String>,
    pub lc_ctype: Option<String>,
    pub lang: Option<String>,
    /// The `colors` number of TERM's terminfo entry: `Some(None)` for an entry without it (a
    /// terminal without colour), `None` when no entry was found.
    pub terminfo: Option<Option<u32>>,
}

impl Env {
    /// The environment of this process, and TERM's terminfo entry if one is installed.
    pub fn from_process() -> Env {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        let mut env = Env {
            term: var("TERM"),
            colorterm: var("COLORTERM"),
            no_color: var("NO_COLOR"),
            lc_all: var("LC_ALL"),
            lc_ctype: var("LC_CTYPE"),
            lang: var("LANG"),
            terminfo: None,
        };
        if let Some(term) = &env.term {
            let dirs = terminfo_dirs(
                var("TERMINFO").map(PathBuf::from),
                var("HOME").map(PathBuf::from),
                var("TERMINFO_DIRS"),
            );
            env.terminfo = terminfo_colours(term, &dirs);
        }
        env
    }
}

/// Where the colours were read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DepthFrom {
    /// `NO_COLOR` is set.
    NoColor,
    /// `COLORTERM` says 24-bit.
    ColorTerm(String),
    /// TERM's terminfo entry, with its `colors` (none when it has no such number).
    Terminfo { term: String, colours: Option<u32> },
    /// TERM's name: no terminfo entry was found.
    TermName(String),
    /// TERM is not set, or is `dumb`.
    NoTerm,
}

/// Where the characters were chosen from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GlyphsFrom {
    /// The locale variable that decides the character set (`LC_ALL`, else `LC_CTYPE`, else
    /// `LANG`), its value, and whether it is UTF-8.
    Locale {
        var: &'static str,
        value: String,
        utf8: bool,
    },
    /// None of `LC_ALL`, `LC_CTYPE` and `LANG` is set: the C locale, which is not UTF-8.
    NoLocale,
    /// TERM is the Linux console: its font has the characters of code page 437 only.
    Console,
    /// TERM names a terminal from before Unicode (`vt100`, `vt220`…): ASCII only.
    Hardware(String),
}

/// What the terminal declares, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Detected {
    pub depth: Depth,
    pub depth_from: DepthFrom,
    pub glyphs: Glyphs,
    pub glyphs_from: GlyphsFrom,
}

/// What the terminal declares: a pure function of `env`.
pub fn detect(env: &Env) -> Detected {
    let (depth, depth_from) = depth(env);
    let (glyphs, glyphs_from) = glyphs(env);
    Detected {
        depth,
        depth_from,
        glyphs,
        glyphs_from,
    }
}

/// Whether a locale name's character set is UTF-8 (`C.UTF-8`, `id_ID.utf8`).
pub fn is_utf8(locale: &str) -> bool {
    let l = locale.to_ascii_lowercase();
    l.contains("utf-8") || l.contains("utf8")
}

/// TERM names of terminals from before Unicode, which draw ASCII only.
fn hardware(term: &str) -> bool {
    let t = term.to_ascii_lowercase();
    t.starts_with("vt5") || t.starts_with("vt1") || t.starts_with("vt2") || t.starts_with("vt3")
}

fn depth(env: &Env) -> (Depth, DepthFrom) {
    if env.no_color.is_some() {
        return (Depth::NoColour, DepthFrom::NoColor);
    }
    let term = env.term.as_deref().unwrap_or("");
    if term.is_empty() || term == "dumb" {
        return (Depth::NoColour, DepthFrom::NoTerm);
    }
    if hardware(term) {
        let from = match env.terminfo {
            Some(colours) => DepthFrom::Terminfo {
                term: term.to_string(),
                colours,
            },
            None => DepthFrom::TermName(term.to_string()),
        };
        return (Depth::NoColour, from);
    }
    if let Some(c) = &env.colorterm
        && matches!(c.to_ascii_lowercase().as_str(), "truecolor" | "24bit")
    {
        return (Depth::TrueColour, DepthFrom::ColorTerm(c.clone()));
    }
    if let Some(colours) = env.terminfo {
        let d = match colours {
            Some(n) if n >= 1 << 24 => Depth::TrueColour,
            Some(n) if n >= 256 => Depth::Palette256,
            Some(n) if n >= 16 => Depth::Ansi16,
            Some(n) if n >= 8 => Depth::Ansi8,
            _ => Depth::NoColour,
        };
        return (
            d,
            DepthFrom::Terminfo {
                term: term.to_string(),
                colours,
            },
        );
    }
    (by_name(term), DepthFrom::TermName(term.to_string()))
}

/// The colours of a TERM whose terminfo entry is not installed, from its name.
fn by_name(term: &str) -> Depth {
    let t = term.to_ascii_lowercase();
    let family = t.split('-').next().unwrap_or("");
    if t.ends_with("-direct") || t.contains("truecolor") || t.contains("24bit") {
        Depth::TrueColour
    } else if t.contains("256col") {
        Depth::Palette256
    } else if t.contains("16color") {
        Depth::Ansi16
    } else if hardware(&t) || t.ends_with("-mono") || t.ends_with("-m") {
        Depth::NoColour
    } else if matches!(
        family,
        "alacritty" | "foot" | "wezterm" | "contour" | "ghostty" | "iterm2"
    ) || t == "xterm-kitty"
    {
        Depth::Palette256
    } else if matches!(
        family,
        "xterm"
            | "screen"
            | "tmux"
            | "linux"
            | "rxvt"
            | "ansi"
            | "cygwin"
            | "putty"
            | "konsole"
            | "gnome"
            | "vte"
            | "st"
            | "eterm"
            | "aixterm"
            | "color_xterm"
            | "xterm_color"
    ) || t.contains("color")
    {
        Depth::Ansi8
    } else {
        Depth::NoColour
    }
}

fn glyphs(env: &Env) -> (Glyphs, GlyphsFrom) {
    let term = env.term.as_deref().unwrap_or("");
    if hardware(term) {
        return (Glyphs::Ascii, GlyphsFrom::Hardware(term.to_string()));
    }
    let locale = [
        ("LC_ALL", &env.lc_all),
        ("LC_CTYPE", &env.lc_ctype),
        ("LANG", &env.lang),
    ]
    .into_iter()
    .find_map(|(var, v)| v.as_ref().filter(|v| !v.is_empty()).map(|v| (var, v)));
    let Some((var, value)) = locale else {
        return (Glyphs::Ascii, GlyphsFrom::NoLocale);
    };
    let utf8 = is_utf8(value);
    if !utf8 {
        return (
            Glyphs::Ascii,
            GlyphsFrom::Locale {
                var,
                value: value.clone(),
                utf8,
            },
        );
    }
    if term == "linux" || term.starts_with("linux-") {
        return (Glyphs::Console, GlyphsFrom::Console);
    }
    (
        Glyphs::Unicode,
        GlyphsFrom::Locale {
            var,
            value: value.clone(),
            utf8,
        },
    )
}

/// What the screen is drawn with, the user's choice over the terminal's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Choice {
    pub theme: ThemeName,
    pub depth: Depth,
    pub glyphs: Glyphs,
}

/// The theme, colours and characters: `theme` and `ascii` are the user's explicit choices
/// (`--theme`, `NO_COLOR`, the configuration; `--ascii` or `ascii = true|false`), `None` where the
/// terminal decides. A colour theme chosen on a terminal that declares no colour gets the eight
/// ANSI colours, which nearly every terminal draws.
pub fn choose(detected: &Detected, theme: Option<ThemeName>, ascii: Option<bool>) -> Choice {
    let (theme, depth) = match theme {
        Some(ThemeName::Mono) => (ThemeName::Mono, Depth::NoColour),
        Some(t) if detected.depth == Depth::NoColour => (t, Depth::Ansi8),
        Some(t) => (t, detected.depth),
        None if detected.depth == Depth::NoColour => (ThemeName::Mono, Depth::NoColour),
        None => (ThemeName::Dark, detected.depth),
    };
    let glyphs = match ascii {
        Some(true) => Glyphs::Ascii,
        Some(false) => Glyphs::Unicode,
        None => detected.glyphs,
    };
    Choice {
        theme,
        depth,
        glyphs,
    }
}

/// The folders terminfo entries are looked up in, in ncurses' order: `$TERMINFO`,
/// `~/.terminfo`, `$TERMINFO_DIRS` (an empty part is the system's folders), the system's.
pub fn terminfo_dirs(
    terminfo: Option<PathBuf>,
    home: Option<PathBuf>,
    dirs: Option<String>,
) -> Vec<PathBuf> {
    const SYSTEM: [&str; 4] = [
        "/etc/terminfo",
        "/lib/terminfo",
        "/usr/share/terminfo",
        "/usr/lib/terminfo",
    ];
    let mut out: Vec<PathBuf> = terminfo.into_iter().collect();
    out.extend(home.map(|h| h.join(".terminfo")));
    let mut system_added = false;
    if let Some(d) = dirs {
        for part in d.split(':') {
            if part.is_empty() {
                out.extend(SYSTEM.iter().map(PathBuf::from));
                system_added = true;
            } else {
                out.push(PathBuf::from(part));
            }
        }
    }
    if !system_added {
        out.extend(SYSTEM.iter().map(PathBuf::from));
    }
    out
}

/// The `colors` of TERM's compiled terminfo entry in the first of `dirs` that has one:
/// `Some(None)` for an entry without colours, `None` for no entry (or an unreadable one).
pub fn terminfo_colours(term: &str, dirs: &[PathBuf]) -> Option<Option<u32>> {
    let first = term.chars().next()?;
    if term.contains('/') || term.starts_with('.') || term.len() > 128 {
        return None;
    }
    let limit = crate::fsread::Limit {
        bytes: 1 << 16,
        en: "a terminfo entry",
        id: "entri terminfo",
        way_out_en: "check TERM",
        way_out_id: "periksa TERM",
    };
    for dir in dirs {
        for sub in [first.to_string(), format!("{:x}", u32::from(first))] {
            let path: PathBuf = dir.join(sub).join(term);
            if let Ok(bytes) = crate::fsread::read(Path::new(&path), limit) {
                return parse_colours(&bytes);
            }
        }
    }
    None
}

/// The `colors` number (the 14th number) of a compiled terminfo entry, in the legacy format
/// (16-bit numbers, magic 0432) or the extended one (32-bit, magic 01036).
pub fn parse_colours(b: &[u8]) -> Option<Option<u32>> {
    let word = |i: usize| -> Option<usize> {
        let lo = *b.get(i)?;
        let hi = *b.get(i + 1)?;
        Some(usize::from(u16::from_le_bytes([lo, hi])))
    };
    let magic = word(0)?;
    let wide = match magic {
        0o432 => false,
        0o1036 => true,
        _ => return None,
    };
    let (names, bools, nums) = (word(2)?, word(4)?, word(6)?);
    const COLORS: usize = 13;
    if nums <= COLORS {
        return Some(None);
    }
    let mut at = 12 + names + bools;
    at += at % 2;
    let value = if wide {
        let at = at + 4 * COLORS;
        let bytes: [u8; 4] = b.get(at..at + 4)?.try_into().ok()?;
        i64::from(i32::from_le_bytes(bytes))
    } else {
        let at = at + 2 * COLORS;
        let bytes: [u8; 2] = b.get(at..at + 2)?.try_into().ok()?;
        i64::from(i16::from_le_bytes(bytes))
    };
    Some(u32::try_from(value).ok().filter(|n| *n > 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(term: &str, colorterm: &str, no_color: &str, locale: (&str, &str, &str)) -> Env {
        let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
        Env {
            term: some(term),
            colorterm: some(colorterm),
            no_color: some(no_color),
            lc_all: some(locale.0),
            lc_ctype: some(locale.1),
            lang: some(locale.2),
            terminfo: None,
        }
    }

    /// LC_ALL, LC_CTYPE, LANG.
    type Locale = (&'static str, &'static str, &'static str);
    /// TERM, COLORTERM, NO_COLOR, the locale → theme, colours, characters.
    type Row = (
        &'static str,
        &'static str,
        &'static str,
        Locale,
        ThemeName,
        Depth,
        Glyphs,
    );

    const UTF8: Locale = ("", "", "C.UTF-8");
    const C: Locale = ("", "", "C");

    #[test]
    fn the_choice_follows_term_colorterm_no_color_and_the_locale() {
        use Depth::*;
        use Glyphs::*;
        use ThemeName::*;
        #[rustfmt::skip]
        let table: &[Row] = &[
            ("xterm-256color", "", "", UTF8, Dark, Palette256, Unicode),
            ("xterm-256color", "truecolor", "", UTF8, Dark, TrueColour, Unicode),
            ("xterm-256color", "", "1", UTF8, Mono, NoColour, Unicode),
            ("tmux-256color", "", "", UTF8, Dark, Palette256, Unicode),
            ("screen", "", "", UTF8, Dark, Ansi8, Unicode),
            ("xterm", "", "", UTF8, Dark, Ansi8, Unicode),
            ("xterm-16color", "", "", UTF8, Dark, Ansi16, Unicode),
            ("linux", "", "", UTF8, Dark, Ansi8, Console),
            ("linux", "", "", C, Dark, Ansi8, Ascii),
            ("linux", "", "1", C, Mono, NoColour, Ascii),
            ("vt100", "", "", UTF8, Mono, NoColour, Ascii),
            ("vt220", "truecolor", "", UTF8, Mono, NoColour, Ascii),
            ("dumb", "", "", UTF8, Mono, NoColour, Unicode),
            ("", "", "", UTF8, Mono, NoColour, Unicode),
            ("", "truecolor", "", UTF8, Mono, NoColour, Unicode),
            ("unknown-thing", "", "", UTF8, Mono, NoColour, Unicode),
            ("xterm-256color", "", "", C, Dark, Palette256, Ascii),
            ("xterm-256color", "", "", ("", "", "POSIX"), Dark, Palette256, Ascii),
            ("xterm-256color", "", "", ("", "", ""), Dark, Palette256, Ascii),
            ("xterm-256color", "", "", ("", "", "id_ID.ISO-8859-1"), Dark, Palette256, Ascii),
            ("xterm-256color", "", "", ("", "", "id_ID.utf8"), Dark, Palette256, Unicode),
            // LC_ALL over LC_CTYPE over LANG.
            ("xterm-256color", "", "", ("C", "", "C.UTF-8"), Dark, Palette256, Ascii),
            ("xterm-256color", "", "", ("C.UTF-8", "C", "C"), Dark, Palette256, Unicode),
            ("xterm-256color", "", "", ("", "C", "C.UTF-8"), Dark, Palette256, Ascii),
            ("xterm-256color", "", "", ("", "en_US.UTF-8", "C"), Dark, Palette256, Unicode),
        ];
        for (term, colorterm, no_color, locale, theme, depth, glyphs) in table {
            let e = env(term, colorterm, no_color, *locale);
            let got = choose(&detect(&e), None, None);
            assert_eq!(
                (got.theme, got.depth, got.glyphs),
                (*theme, *depth, *glyphs),
                "TERM={term:?} COLORTERM={colorterm:?} NO_COLOR={no_color:?} locale={locale:?}"
            );
        }
    }

    #[test]
    fn terminfo_comes_before_the_name_and_colorterm_before_terminfo() {
        let mut e = env("putty", "", "", UTF8);
        e.terminfo = Some(Some(256));
        let d = detect(&e);
        assert_eq!(d.depth, Depth::Palette256);
        assert_eq!(
            d.depth_from,
            DepthFrom::Terminfo {
                term: "putty".into(),
                colours: Some(256)
            }
        );
        e.terminfo = Some(None);
        assert_eq!(
            detect(&e).depth,
            Depth::NoColour,
            "an entry without colours"
        );
        e.colorterm = Some("truecolor".into());
        assert_eq!(detect(&e).depth, Depth::TrueColour);
        e.terminfo = Some(Some(1 << 24));
        e.colorterm = None;
        assert_eq!(detect(&e).depth, Depth::TrueColour, "xterm-direct");
    }

    #[test]
    fn the_users_choice_wins_over_the_terminal() {
        let vt100 = detect(&env("vt100", "", "", UTF8));
        let c = choose(&vt100, Some(ThemeName::Light), Some(false));
        assert_eq!(
            (c.theme, c.depth, c.glyphs),
            (ThemeName::Light, Depth::Ansi8, Glyphs::Unicode)
        );
        let xterm = detect(&env("xterm-256color", "", "", UTF8));
        let c = choose(&xterm, Some(ThemeName::Mono), Some(true));
        assert_eq!(
            (c.theme, c.depth, c.glyphs),
            (ThemeName::Mono, Depth::NoColour, Glyphs::Ascii)
        );
        let c = choose(&xterm, Some(ThemeName::HighContrast), None);
        assert_eq!(
            (c.theme, c.depth),
            (ThemeName::HighContrast, Depth::Palette256)
        );
    }

    #[test]
    fn terminfo_entries_are_read_in_both_formats() {
        // Header, names "x|y\0", no booleans, 14 numbers with colors#8 last, no strings.
        let legacy = |magic: u16, width: usize, colours: i64| {
            let names = b"x|y\0";
            let mut b = Vec::new();
            for w in [magic, names.len() as u16, 0, 14, 0, 0] {
                b.extend_from_slice(&w.to_le_bytes());
            }
            b.extend_from_slice(names);
            for i in 0..14 {
                let v = if i == 13 { colours } else { -1 };
                b.extend_from_slice(&v.to_le_bytes()[..width]);
            }
            b
        };
        assert_eq!(parse_colours(&legacy(0o432, 2, 8)), Some(Some(8)));
        assert_eq!(parse_colours(&legacy(0o432, 2, -1)), Some(None));
        assert_eq!(
            parse_colours(&legacy(0o1036, 4, 1 << 24)),
            Some(Some(1 << 24))
        );
        assert_eq!(parse_colours(b"not terminfo"), None);
        assert_eq!(parse_colours(&legacy(0o432, 2, 8)[..20]), None, "cut short");
    }

    #[test]
    fn terminfo_folders_follow_ncurses() {
        let dirs = terminfo_dirs(Some("/t".into()), Some("/h".into()), Some("/a::/b".into()));
        let shown: Vec<String> = dirs.iter().map(|d| d.display().to_string()).collect();
        assert_eq!(shown[..3], ["/t", "/h/.terminfo", "/a"]);
        assert_eq!(shown.last().map(String::as_str), Some("/b"));
        assert_eq!(terminfo_colours("../etc", &dirs), None);
    }
}
