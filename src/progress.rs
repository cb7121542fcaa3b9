//! Progress of long work: a bar with rate and time left on a terminal, nothing when piped.

use indicatif::{HumanCount, ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

use crate::i18n::Lang;

/// What a bar counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Things (cases, pages): `12,000/300,000 4,100/s`.
    Items,
    /// Bytes of a file: `23.4 MiB/98.1 MiB 38.9 MiB/s`.
    Bytes,
}

/// How a bar is drawn: its words in the user's language, its blocks in Unicode or, where the
/// terminal or locale cannot show them, in ASCII.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    pub lang: Lang,
    pub unicode: bool,
}

/// A bar for `total` items (or, without a total, a count with its rate), drawn on standard
/// error only when it is a terminal.
pub fn bar(total: Option<u64>, what: &str, unit: Unit, style: Style) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(total, ProgressDrawTarget::stderr());
    if !std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        bar.set_draw_target(ProgressDrawTarget::hidden());
    }
    let counts = match (unit, total.is_some()) {
        (Unit::Items, true) => "{human_pos}/{human_len}",
        (Unit::Items, false) => "{human_pos}",
        (Unit::Bytes, true) => "{binary_bytes}/{binary_total_bytes}",
        (Unit::Bytes, false) => "{binary_bytes}",
    };
    let left = match (total.is_some(), style.lang) {
        (false, _) => "",
        (true, Lang::Id) => " sisa {eta}",
        (true, Lang::En) => " {eta} left",
    };
    let template = if total.is_some() {
        format!("{{msg}} [{{wide_bar}}] {counts} {{rate}}{left}")
    } else {
        format!("{{msg}} {counts} {{rate}}")
    };
    let style_of = ProgressStyle::with_template(&template)
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .with_key(
            "rate",
            move |s: &ProgressState, w: &mut dyn std::fmt::Write| {
                // Whole numbers: a rate of cases has no fraction worth reading.
                let per_sec = s.per_sec();
                let _ = match unit {
                    Unit::Items => write!(w, "{}/s", HumanCount(per_sec as u64)),
                    Unit::Bytes => write!(w, "{}/s", indicatif::BinaryBytes(per_sec as u64)),
                };
            },
        )
        .progress_chars(if style.unicode { "█▌ " } else { "#- " });
    bar.set_style(style_of);
    bar.set_message(what.to_string());
    bar
}
