//! `pantau config`: the configuration in force as TOML, each value followed by where it came
//! from, or the table of bindable commands. Prints only; never writes the file.

use crate::cli::ConfigArgs;
use crate::commands::Context;
use crate::config::Source;
use crate::error::Result;
use crate::i18n::commands::Command;
use crate::i18n::{Lang, Msg, tr};
use crate::tui::bindings::Keymap;
use crate::tui::bindings::{Origin, key_name};
use crate::tui::keymap::Mode;

/// Runs `pantau config`.
pub fn run(ctx: &Context, args: &ConfigArgs) -> Result<()> {
    let text = if args.commands {
        commands(&ctx.keymap, ctx.lang)
    } else {
        effective(ctx)
    };
    print!("{}", crate::text::safe_lines(&text));
    Ok(())
}

/// A TOML string or other value as the file would write it.
fn toml<V: Into<toml_edit::Value>>(v: V) -> String {
    v.into().to_string().trim().to_string()
}

/// A TOML basic string on one line: quotes, backslashes, line breaks and other control
/// characters escaped (a letterhead's lines are `\n`, as the file writes them).
fn basic(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn line(key: &str, value: String, from: &Source, lang: Lang) -> String {
    commented(key, value, &from.describe(lang))
}

fn commented(key: &str, value: String, comment: &str) -> String {
    let left = format!("{key} = {value}");
    format!("{left:<40} # {comment}\n")
}

/// A value the terminal decides unless the user chose it: `"auto"`, and what it came to.
fn auto(key: &str, value: String, from: &Source, chosen: &str, lang: Lang) -> String {
    if *from == Source::Default {
        commented(
            key,
            toml("auto"),
            &format!("{}: {chosen}", from.describe(lang)),
        )
    } else {
        line(key, value, from, lang)
    }
}

/// The configuration in force, as TOML with the source of each value in a comment.
pub fn effective(ctx: &Context) -> String {
    let c = &ctx.config;
    let l = ctx.lang;
    let mut out = format!("# pantau: {}\n", tr(l, Msg::ConfigEffective));
    let file = match (&c.file, &ctx.config_path) {
        (Some(f), _) => f.display().to_string(),
        (None, Some(p)) => format!("{} ({})", p.display(), Command::ConfigUnread.text(l)),
        (None, None) => Command::ConfigNone.text(l),
    };
    out += &format!("# {}: {file}\n\n", Command::ConfigFile.text(l));
    out += &line(
        "database",
        toml(ctx.db.display().to_string()),
        &c.database.source,
        l,
    );
    out += &line("language", toml(l.code()), &c.language.source, l);
    let choice = ctx.choice();
    out += &auto(
        "theme",
        toml(c.theme.value.name()),
        &c.theme.source,
        choice.theme.name(),
        l,
    );
    out += &line(
        "refresh_ms",
        toml(c.refresh_ms.value as i64),
        &c.refresh_ms.source,
        l,
    );
    let days = match c.deadline_days.value {
        crate::domain::DayCount::Calendar => "calendar",
        crate::domain::DayCount::Working => "working",
    };
    out += &line("deadline_days", toml(days), &c.deadline_days.source, l);
    out += &auto(
        "ascii",
        toml(c.ascii.value),
        &c.ascii.source,
        choice.glyphs.name(),
        l,
    );
    out += &line(
        "reports_dir",
        basic(&ctx.config.reports_folder().display().to_string()),
        &c.reports_dir.source,
        l,
    );
    out += "\n[letterhead]\n";
    let head = &c.letterhead;
    out += &line("name", basic(&head.name.value), &head.name.source, l);
    out += &line(
        "address",
        basic(&head.address.value),
        &head.address.source,
        l,
    );
    let logo = head.logo.value.as_ref().map(|p| p.display().to_string());
    out += &line(
        "logo",
        basic(logo.as_deref().unwrap_or_default()),
        &head.logo.source,
        l,
    );
    out += "\n[views]\n";
    for (v, from) in &c.views {
        out += &line(&v.name, toml(v.spec.as_str()), from, l);
    }
    let mut modes: Vec<Mode> = Vec::new();
    for b in ctx.keymap.rows() {
        if matches!(b.origin, Origin::Config { .. }) && !modes.contains(&b.mode) {
            modes.push(b.mode);
        }
    }
    if modes.is_empty() {
        out += &format!("\n# [keys]: {}\n", Command::ConfigNoKeys.text(l));
    }
    for mode in modes {
        out += &format!("\n[keys.{}]\n", mode.name());
        for b in ctx.keymap.rows().iter().filter(|b| b.mode == mode) {
            if let Origin::Config { line: at } = b.origin {
                let from = Source::File {
                    path: c.file.clone().unwrap_or_default(),
                    line: at,
                };
                out += &line(b.command.name(), keys(&b.keys), &from, l);
            }
        }
    }
    out
}

fn keys(keys: &[crate::tui::keymap::Key]) -> String {
    match keys {
        [one] => toml(key_name(*one)),
        many => {
            let names: Vec<String> = many.iter().map(|k| toml(key_name(*k))).collect();
            format!("[{}]", names.join(", "))
        }
    }
}

/// Every mode, command and its keys in force, as `[keys.MODE]` tables a file can rebind.
pub fn commands(keymap: &Keymap, lang: Lang) -> String {
    let mut out = String::new();
    for mode in Mode::ALL {
        out += &format!("[keys.{}]\n", mode.name());
        for b in keymap.rows().iter().filter(|b| b.mode == mode) {
            let left = format!("{} = {}", b.command.name(), keys(&b.keys));
            out += &format!("{left:<36} # {}\n", b.help_text(lang));
        }
        out += "\n";
    }
    out
}
