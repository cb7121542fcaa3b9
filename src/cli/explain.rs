//! clap's parsing errors in the user's language: each read by its kind and context (the flag,
//! the value, the values taken, the suggestions) and worded by the catalogue (`i18n::usage`).
//! Help and version output are not errors and stay clap's.

use std::ffi::OsString;
use std::num::{IntErrorKind, ParseFloatError, ParseIntError};
use std::path::PathBuf;

use clap::ValueEnum;
use clap::error::{ContextKind, ContextValue, ErrorKind};

use super::Global;
use crate::i18n::Lang;
use crate::i18n::usage::{Refused, Usage};

/// Whether `e` is a mistake in what was typed (worded by [`explain`], exit status 2) rather than
/// help or the version, which clap prints itself.
pub fn is_mistake(e: &clap::Error) -> bool {
    !matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            | ErrorKind::Io
            | ErrorKind::Format
    )
}

/// The flags that choose the language, read from the raw arguments (parsing them failed):
/// `--lang`, `--config` and `--ignore-config`, anywhere before a `--`; a `--lang` value that is
/// not a language is left out.
pub fn global_of_raw(args: impl IntoIterator<Item = OsString>) -> Global {
    let mut g = Global::default();
    let mut args = args.into_iter().skip(1);
    while let Some(arg) = args.next() {
        let Some(arg) = arg.to_str().map(str::to_owned) else {
            continue;
        };
        if arg == "--" {
            break;
        }
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_owned(), Some(OsString::from(v))),
            _ => (arg, None),
        };
        match flag.as_str() {
            "--lang" => {
                let value = inline.or_else(|| args.next());
                if let Some(l) = value
                    .as_ref()
                    .and_then(|v| v.to_str())
                    .and_then(|v| Lang::from_str(v, false).ok())
                {
                    g.lang = Some(l);
                }
            }
            "--config" => g.config = inline.or_else(|| args.next()).map(PathBuf::from),
            "--ignore-config" => g.ignore_config = true,
            _ => {}
        }
    }
    g
}

fn string(e: &clap::Error, kind: ContextKind) -> Option<&str> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s),
        _ => None,
    }
}

fn strings(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        _ => Vec::new(),
    }
}

fn number(e: &clap::Error, kind: ContextKind) -> Option<isize> {
    match e.get(kind) {
        Some(ContextValue::Number(n)) => Some(*n),
        _ => None,
    }
}

/// Why a value parser refused `value`, in `lang`: pantau's own reasons, and the standard
/// library's number errors; any other keeps its own words.
fn reason(source: &(dyn std::error::Error + 'static), value: &str, lang: Lang) -> String {
    if let Some(r) = source.downcast_ref::<Refused>() {
        return r.text(lang).to_owned();
    }
    if let Some(e) = source.downcast_ref::<ParseIntError>() {
        let negative = value
            .trim()
            .strip_prefix('-')
            .is_some_and(|rest| !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()));
        let m = match e.kind() {
            IntErrorKind::Empty => Usage::Empty,
            IntErrorKind::InvalidDigit if negative => Usage::Negative,
            IntErrorKind::PosOverflow => Usage::TooLarge,
            IntErrorKind::NegOverflow => Usage::TooSmall,
            IntErrorKind::Zero => Usage::Zero,
            _ => Usage::NotWhole,
        };
        return m.text(lang);
    }
    if source.downcast_ref::<ParseFloatError>().is_some() {
        return Usage::NotNumber.text(lang);
    }
    let text = source.to_string();
    // clap's ranged number parsers: `-1 is not in 0..=4294967295`.
    if let Some((_, range)) = text.split_once(" is not in ") {
        let (low, high) = range.split_once("..=").unwrap_or((range, ""));
        let negative = value.trim().starts_with('-');
        return match (low.parse::<i128>(), high.parse::<i128>()) {
            (Ok(0), _) if negative => Usage::Negative.text(lang),
            (Ok(low), Ok(high)) => Usage::Between { low, high }.text(lang),
            _ => text,
        };
    }
    text
}

/// The suggestions clap wrote out itself (`to pass '-1' as a value, write '-- -1'`), recognised
/// and worded in `lang`; one not recognised keeps clap's words.
fn suggestion(text: &str, lang: Lang) -> String {
    let between = |s: &str| -> Vec<String> {
        s.split('\'')
            .skip(1)
            .step_by(2)
            .map(str::to_owned)
            .collect()
    };
    let q = between(text);
    let m = if text.starts_with("to pass ") && q.len() == 2 {
        Usage::PassAsValue {
            arg: &q[0],
            fix: &q[1],
        }
    } else if text.starts_with("subcommand ") && text.contains("remove the") && !q.is_empty() {
        Usage::RemoveDashes { name: &q[0] }
    } else if text.ends_with("' exists") && q.len() == 1 {
        Usage::DidYouMean { list: &q }
    } else {
        return text.to_owned();
    };
    m.text(lang)
}

/// The message of a parsing error `e` in `lang`, as pantau prints it after `pantau: `: what is
/// wrong, the suggestions, the usage line and where to read more.
pub fn explain(e: &clap::Error, lang: Lang) -> String {
    let arg = string(e, ContextKind::InvalidArg);
    let value = string(e, ContextKind::InvalidValue);
    let valid = strings(e, ContextKind::ValidValue);
    let prior = strings(e, ContextKind::PriorArg);
    let source = std::error::Error::source(e);
    let mut lines = Vec::new();
    let head = match (e.kind(), arg, value) {
        (ErrorKind::InvalidValue, Some(arg), Some("")) => Usage::NeedsValue { arg }.text(lang),
        (ErrorKind::InvalidValue, Some(arg), Some(value)) => {
            Usage::BadValue { arg, value }.text(lang)
        }
        (ErrorKind::ValueValidation, Some(arg), Some(value)) => match source {
            Some(s) => Usage::BadValueWhy {
                arg,
                value,
                why: &reason(s, value, lang),
            }
            .text(lang),
            None => Usage::BadValue { arg, value }.text(lang),
        },
        (ErrorKind::UnknownArgument, Some(arg), _) => Usage::Unexpected { arg }.text(lang),
        (ErrorKind::InvalidSubcommand, ..) => match string(e, ContextKind::InvalidSubcommand) {
            Some(name) => Usage::UnknownSubcommand { name }.text(lang),
            None => fallback(e),
        },
        (ErrorKind::MissingRequiredArgument, ..) => {
            let args = strings(e, ContextKind::InvalidArg);
            Usage::Required { args: &args }.text(lang)
        }
        (ErrorKind::MissingSubcommand, ..) => match string(e, ContextKind::InvalidSubcommand) {
            Some(name) => {
                let list = strings(e, ContextKind::ValidSubcommand);
                Usage::NeedsSubcommand { name, list: &list }.text(lang)
            }
            None => fallback(e),
        },
        (ErrorKind::ArgumentConflict, Some(arg), _) if prior.iter().any(|p| p == arg) => {
            Usage::Twice { arg }.text(lang)
        }
        (ErrorKind::ArgumentConflict, Some(arg), _) if prior.is_empty() => {
            Usage::ConflictOthers { arg }.text(lang)
        }
        (ErrorKind::ArgumentConflict, Some(arg), _) => {
            Usage::Conflict { arg, with: &prior }.text(lang)
        }
        (ErrorKind::ArgumentConflict, None, _) => match string(e, ContextKind::InvalidSubcommand) {
            Some(name) => Usage::SubcommandConflict { name, with: &prior }.text(lang),
            None => fallback(e),
        },
        (ErrorKind::TooManyValues, Some(arg), Some(value)) => {
            Usage::ExtraValue { arg, value }.text(lang)
        }
        (ErrorKind::TooFewValues, Some(arg), _) => match (
            number(e, ContextKind::MinValues),
            number(e, ContextKind::ActualNumValues),
        ) {
            (Some(least), Some(given)) => Usage::TooFewValues { arg, least, given }.text(lang),
            _ => fallback(e),
        },
        (ErrorKind::WrongNumberOfValues, Some(arg), _) => match (
            number(e, ContextKind::ExpectedNumValues),
            number(e, ContextKind::ActualNumValues),
        ) {
            (Some(expected), Some(given)) => Usage::ValueCount {
                arg,
                expected,
                given,
            }
            .text(lang),
            _ => fallback(e),
        },
        (ErrorKind::NoEquals, Some(arg), _) => Usage::NoEquals { arg }.text(lang),
        (ErrorKind::InvalidUtf8, ..) => Usage::NotUtf8.text(lang),
        _ => fallback(e),
    };
    lines.push(head);
    if matches!(e.kind(), ErrorKind::InvalidValue) && !valid.is_empty() {
        lines.push(format!(
            "  {}",
            Usage::Possible { values: &valid }.text(lang)
        ));
    }
    let mut tips = Vec::new();
    for kind in [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ] {
        let list = strings(e, kind);
        if !list.is_empty() {
            tips.push(Usage::DidYouMean { list: &list }.text(lang));
        }
    }
    if let Some(ContextValue::StyledStrs(more)) = e.get(ContextKind::Suggested) {
        tips.extend(more.iter().map(|s| suggestion(&s.to_string(), lang)));
    }
    if !tips.is_empty() {
        lines.push(String::new());
        for text in &tips {
            lines.push(Usage::Tip { text }.text(lang));
        }
    }
    if let Some(ContextValue::StyledStr(usage)) = e.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage.trim_end();
        let usage = usage.strip_prefix("Usage:").map_or(usage, str::trim_start);
        lines.push(String::new());
        lines.push(Usage::UsageLine { usage }.text(lang));
    }
    lines.push(String::new());
    lines.push(Usage::TryHelp { help: "--help" }.text(lang));
    lines.join("\n")
}

/// clap's own words, for an error pantau does not word itself (a kind without its context).
fn fallback(e: &clap::Error) -> String {
    let text = e.render().to_string();
    let first = text.lines().next().unwrap_or_default();
    first.strip_prefix("error: ").unwrap_or(first).to_owned()
}
