//! `pantau doctor`: checks the database, the terminal, the configuration and the locale, and
//! prints each finding with its fix; `--keys` echoes key presses. Reads only; changes nothing.

use std::io::{IsTerminal, Write};
use std::path::Path;

use crate::cli::DoctorArgs;
use crate::commands::Context;
use crate::config::Source;
use crate::error::{Error, Result};
use crate::i18n::doctor::{Doctor as D, KeyWord};
use crate::i18n::{Lang, Msg, tr};
use crate::store::{Mode, SCHEMA_VERSION, Store, WAL_LIMIT, checks, files};
use crate::text::shell_quote;
use crate::tui::terminal::{Depth, DepthFrom, Glyphs, GlyphsFrom};

/// How a check came out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Ok,
    /// Works, but something is worth knowing or fixing.
    Warn,
    /// Does not work.
    Fail,
    /// Not checked here.
    Info,
}

/// One check: its name, what was found, and the fix when it is not all well.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    pub level: Level,
    pub name: &'static str,
    pub found: String,
    pub fix: Option<String>,
}

fn check(level: Level, name: &'static str, found: String, fix: Option<String>) -> Check {
    Check {
        level,
        name,
        found,
        fix,
    }
}

/// Runs `pantau doctor`: every section, then exit status 1 if any check failed.
pub fn run(ctx: &Context, args: &DoctorArgs) -> Result<()> {
    if args.keys {
        return keys(ctx);
    }
    let l = ctx.lang;
    // The title first: opening the database may say it waits for another writer.
    {
        use std::io::Write;
        let mut stdout = std::io::stdout();
        let _ = writeln!(stdout, "pantau doctor").and_then(|()| stdout.flush());
    }
    let sections = [
        (Msg::DoctorDatabase, database(ctx)),
        (Msg::DoctorTerminal, terminal(ctx)),
        (Msg::DoctorConfig, config(ctx)),
        (Msg::DoctorLocale, locale(ctx)),
        (Msg::DoctorFiles, files(ctx)),
    ];
    let glyphs = ctx.choice().glyphs;
    let mut out = String::new();
    let mut failed = 0;
    let mut warned = 0;
    for (title, checks) in &sections {
        out += &format!("{}\n", tr(l, *title));
        for c in checks {
            // In ASCII (and on the console) the marks become `+`, `x` and `-` below.
            let mark = match c.level {
                Level::Ok => "✓",
                Level::Warn => "!",
                Level::Fail => "✗",
                Level::Info => "–",
            };
            failed += usize::from(c.level == Level::Fail);
            warned += usize::from(c.level == Level::Warn);
            out += &format!("  {mark} {}: {}\n", c.name, c.found);
            match (&c.fix, c.level) {
                (Some(fix), Level::Warn | Level::Fail) => {
                    out += &format!("      {}: {fix}\n", tr(l, Msg::DoctorFix));
                }
                (Some(tip), _) => out += &format!("      → {tip}\n"),
                (None, _) => {}
            }
        }
    }
    // What the terminal cannot draw is written with what it can, as on the screen.
    let shown = |text: &str| crate::tui::widgets::ascii::text(text, glyphs).into_owned();
    print!("{}", shown(&crate::text::safe_lines(&out)));
    // The exit status is 0 unless a check failed; the last line tells a clean pass from one
    // with warnings, which is not the same thing.
    if failed == 0 && warned == 0 {
        println!("{}", shown(tr(l, Msg::DoctorAllWell)));
        return Ok(());
    }
    if failed == 0 {
        println!("{}", shown(&D::Warned { warned }.text(l)));
        return Ok(());
    }
    let m = D::Problems { failed };
    Err(Error::failed(m.text(Lang::Id), m.text(Lang::En)))
}

/// The database: where, writable, schema, integrity, journal, size, cases.
pub fn database(ctx: &Context) -> Vec<Check> {
    let l = ctx.lang;
    let db = &ctx.db;
    let mut out = vec![check(
        Level::Ok,
        D::File.str(l),
        format!(
            "{} ({})",
            db.display(),
            ctx.config.database.source.describe(l)
        ),
        None,
    )];
    if !db.exists() {
        out[0].level = Level::Fail;
        out[0].fix = Some(D::MissingFix.str(l).into());
        return out;
    }
    // A folder, a pipe or a device: opening a pipe to try writing would wait for a reader.
    if let Err(e) = files::refuse_not_regular(db) {
        out[0].level = Level::Fail;
        out[0].fix = Some(e.message(l));
        return out;
    }
    let file_ok = std::fs::OpenOptions::new().append(true).open(db).is_ok();
    let dir = db
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let dir_ok = rustix::fs::access(dir, rustix::fs::Access::WRITE_OK).is_ok();
    out.push(match (file_ok, dir_ok) {
        (true, true) => check(
            Level::Ok,
            D::Writable.str(l),
            D::WritableYes.str(l).into(),
            None,
        ),
        (false, true) => check(
            Level::Warn,
            D::Writable.str(l),
            D::ReadOnly.str(l).into(),
            Some(D::AskWriteFile.str(l).into()),
        ),
        // A reader of a shared database may write neither it nor its folder, as long as the
        // writers' -shm is there to read (see README, "One database, many users").
        (false, false) if crate::fs_safe::sidecar(db, "-shm").is_file() => check(
            Level::Warn,
            D::Writable.str(l),
            D::ReadOnly.str(l).into(),
            Some(D::AskWriteFile.str(l).into()),
        ),
        (_, false) => check(
            Level::Fail,
            D::Writable.str(l),
            D::FolderNotWritable { dir }.text(l),
            Some(D::AskWriteFolder.str(l).into()),
        ),
    });
    if let Some(e) = files::foreign_sidecar(db) {
        out.push(check(
            Level::Fail,
            D::Sidecars.str(l),
            D::ForeignSidecar.str(l).into(),
            Some(e.message(l)),
        ));
    }
    // A database held exclusively is waited for as any reader waits, saying so after a second.
    let store = match ctx.open_patiently(db, Mode::ReadOnly) {
        Ok(s) => s,
        Err(e) => {
            out.push(check(Level::Fail, D::Open.str(l), e.message(l), None));
            return out;
        }
    };
    out.extend(store_checks(&store, db, l));
    out
}

fn store_checks(store: &Store, db: &Path, l: Lang) -> Vec<Check> {
    let mut out = Vec::new();
    let version = store.user_version().unwrap_or(-1);
    out.push(if version == SCHEMA_VERSION {
        check(
            Level::Ok,
            D::Schema.str(l),
            D::SchemaVersion { version }.text(l),
            None,
        )
    } else {
        check(
            Level::Fail,
            D::Schema.str(l),
            D::SchemaOther {
                version,
                known: SCHEMA_VERSION,
            }
            .text(l),
            Some(D::SchemaFix.str(l).into()),
        )
    });
    let quick = checks::quick_check(store);
    out.push(match quick {
        Ok(rows) if rows == ["ok"] => check(
            Level::Ok,
            D::Integrity.str(l),
            "ok (PRAGMA quick_check)".into(),
            None,
        ),
        Ok(rows) => check(
            Level::Fail,
            D::Integrity.str(l),
            rows.into_iter().take(3).collect::<Vec<_>>().join("; "),
            Some(D::IntegrityFix.str(l).into()),
        ),
        Err(e) => check(
            Level::Fail,
            D::Integrity.str(l),
            e,
            Some("pantau check".into()),
        ),
    });
    let journal = checks::journal_mode(store).unwrap_or_default();
    out.push(if journal.eq_ignore_ascii_case("wal") {
        check(Level::Ok, "WAL", D::WalOn.str(l).into(), None)
    } else {
        check(
            Level::Warn,
            "WAL",
            D::Journal { mode: &journal }.text(l),
            Some(D::WalFix.str(l).into()),
        )
    });
    let size = |p: &Path| std::fs::metadata(p).map_or(0, |m| m.len());
    let wal = size(&files::sidecar(db, "-wal"));
    out.push(check(
        Level::Ok,
        D::Size.str(l),
        format!("{:.1} MiB (+ {:.1} MiB WAL)", mib(size(db)), mib(wal)),
        None,
    ));
    out.push(wal_size(wal, l));
    out.push(match store.case_count() {
        Ok(n) => check(Level::Ok, D::Cases.str(l), crate::i18n::number(l, n), None),
        Err(e) => check(
            Level::Fail,
            D::Cases.str(l),
            e.message(l),
            Some("pantau check".into()),
        ),
    });
    // The reference data of another schema is not read: the schema check above says what to run.
    if version == SCHEMA_VERSION {
        out.push(holidays(store, l));
        out.push(kecamatan(store, l));
        out.push(tree(store, l));
    }
    out
}

/// Whether every kecamatan a case names is in the region tree: a name written before the tree
/// existed that matched none of its office's area stays as text, counted under no kecamatan.
fn kecamatan(store: &Store, l: Lang) -> Check {
    use crate::i18n::wilayah::{Wilayah as W, doctor_name};
    /// How many of them the check names.
    const FIRST: usize = 5;
    let name = doctor_name(l);
    let cases = match store.unresolved_kecamatan() {
        Ok(c) => c,
        Err(e) => return check(Level::Fail, name, e.message(l), Some("pantau check".into())),
    };
    if cases.is_empty() {
        return check(Level::Ok, name, W::DoctorAllResolved.text(l), None);
    }
    let mut first: Vec<String> = cases
        .iter()
        .take(FIRST)
        .map(|c| format!("{} ({}, \"{}\")", c.nomor, c.office, c.kecamatan))
        .collect();
    if cases.len() > FIRST {
        first.push("…".into());
    }
    check(
        Level::Warn,
        name,
        W::DoctorUnresolved {
            count: cases.len(),
            first: &first.join("; "),
        }
        .text(l),
        Some(W::DoctorFix.text(l)),
    )
}

/// What the database is set up for (a province, or the whole country) and where its region
/// tree comes from.
fn tree(store: &Store, l: Lang) -> Check {
    use crate::i18n::national::National;
    let name = crate::i18n::national::tree_check(l);
    let found = match store.reference() {
        Ok(r) if r.root().is_some() => National::TreeOf {
            root: &crate::commands::init::root_label(&r, l),
            source: crate::domain::wilayah::SOURCE,
        }
        .text(l),
        Ok(_) => National::TreeEmpty.text(l),
        Err(e) => e.message(l),
    };
    check(Level::Ok, name, found, None)
}

/// Whether the holiday list covers the period of every election that has cases: in a year it
/// does not list, working days skip weekends only (docs/elections.md).
fn holidays(store: &Store, l: Lang) -> Check {
    use chrono::Datelike;
    let name = D::Holidays.str(l);
    let (reference, used) = match (store.reference(), store.elections_with_cases()) {
        (Ok(r), Ok(u)) => (r, u),
        (Err(e), _) | (_, Err(e)) => {
            return check(Level::Fail, name, e.message(l), Some("pantau check".into()));
        }
    };
    let listed: std::collections::BTreeSet<i32> =
        reference.holidays.iter().map(|h| h.date.year()).collect();
    let missing: Vec<String> = reference
        .elections
        .iter()
        .filter(|e| used.contains(&e.code))
        .filter_map(|e| {
            let (first, last) = e.period()?;
            let years: Vec<String> = (first.year()..=last.year())
                .filter(|y| !listed.contains(y))
                .map(|y| y.to_string())
                .collect();
            (!years.is_empty()).then(|| format!("{} ({})", e.name(l), years.join(", ")))
        })
        .collect();
    if missing.is_empty() {
        let years = match (listed.first(), listed.last()) {
            (Some(a), Some(b)) if a != b => format!("{a}–{b}"),
            (Some(a), _) => a.to_string(),
            _ => "—".to_string(),
        };
        return check(
            Level::Ok,
            name,
            D::HolidaysListed { years: &years }.text(l),
            None,
        );
    }
    check(
        Level::Warn,
        name,
        D::HolidaysMissing {
            elections: &missing.join("; "),
        }
        .text(l),
        Some(D::HolidaysFix.str(l).into()),
    )
}

/// The write-ahead log against the size it is cut back to (`WAL_LIMIT`): above it, what keeps it
/// large and what shrinks it.
fn wal_size(wal: u64, l: Lang) -> Check {
    let name = D::WalLog.str(l);
    let limit = u64::try_from(WAL_LIMIT).unwrap_or(u64::MAX);
    if wal <= limit {
        return check(
            Level::Ok,
            name,
            D::WalWithin {
                wal: mib(wal),
                limit: mib(limit),
            }
            .text(l),
            None,
        );
    }
    check(
        Level::Warn,
        name,
        D::WalAbove {
            wal: mib(wal),
            limit: mib(limit),
        }
        .text(l),
        Some(D::WalShrink.str(l).into()),
    )
}

fn mib(bytes: u64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// The terminal: TERM, colours, NO_COLOR, size, UTF-8 and box lines, tmux and the clipboard, keys.
pub fn terminal(ctx: &Context) -> Vec<Check> {
    let l = ctx.lang;
    let term = var("TERM");
    let mut out = vec![match term.as_deref() {
        None | Some("dumb") => check(
            Level::Fail,
            "TERM",
            term.clone().unwrap_or_else(|| D::NotSet.str(l).into()),
            Some("export TERM=xterm-256color".into()),
        ),
        Some(t) => check(Level::Ok, "TERM", t.into(), None),
    }];
    out.push(colours(ctx));
    out.push(characters(ctx));
    out.push(match var("NO_COLOR") {
        Some(_) => check(Level::Ok, "NO_COLOR", D::NoColorSet.str(l).into(), None),
        None => check(Level::Ok, "NO_COLOR", D::NotSet.str(l).into(), None),
    });
    out.push(if std::io::stdout().is_terminal() {
        match ratatui::crossterm::terminal::size() {
            Ok((w, h)) if w >= 80 && h >= 24 => {
                check(Level::Ok, D::Size.str(l), format!("{w}×{h}"), None)
            }
            Ok((w, h)) => check(
                Level::Warn,
                D::Size.str(l),
                format!("{w}×{h}"),
                Some(D::Enlarge.str(l).into()),
            ),
            Err(e) => check(Level::Warn, D::Size.str(l), e.to_string(), None),
        }
    } else {
        check(
            Level::Info,
            D::Size.str(l),
            D::NotTerminal.str(l).into(),
            None,
        )
    });
    let glyphs = ctx.choice().glyphs;
    out.push(match (&ctx.terminal.glyphs_from, glyphs) {
        (GlyphsFrom::Locale { utf8: true, .. }, Glyphs::Unicode) => check(
            Level::Ok,
            "UTF-8",
            D::BoxLines.text(l),
            Some(D::BoxFix.str(l).into()),
        ),
        (GlyphsFrom::Locale { utf8: true, .. } | GlyphsFrom::Console, _) => {
            check(Level::Ok, "UTF-8", D::Yes.str(l).into(), None)
        }
        (GlyphsFrom::Locale { var, value, .. }, g) => check(
            Level::Warn,
            "UTF-8",
            D::NotUtf8 {
                locale: &format!("{var}={value}"),
                ascii: g != Glyphs::Unicode,
            }
            .text(l),
            Some(D::Utf8Fix.str(l).into()),
        ),
        (GlyphsFrom::NoLocale, g) => check(
            Level::Warn,
            "UTF-8",
            D::NotUtf8 {
                locale: D::WhyNoLocale.str(l),
                ascii: g != Glyphs::Unicode,
            }
            .text(l),
            Some(D::Utf8Fix.str(l).into()),
        ),
        // A vt100 is not asked about the locale: it draws ASCII whatever the locale says.
        (GlyphsFrom::Hardware(_), _) => {
            check(Level::Info, "UTF-8", D::NotAsked.str(l).into(), None)
        }
    });
    out.push(if crate::tui::clipboard::in_tmux() {
        check(
            Level::Ok,
            "tmux",
            D::Tmux.str(l).into(),
            Some("tmux set -g allow-passthrough on".into()),
        )
    } else {
        check(Level::Ok, D::Clipboard.str(l), D::Osc52.str(l).into(), None)
    });
    out.push(check(
        Level::Info,
        D::Keys.str(l),
        D::KeysInteractive.str(l).into(),
        Some("pantau doctor --keys".into()),
    ));
    out
}

/// How a setting the user chose is named (`--theme`, `$NO_COLOR`, `config.toml:3`), `None` when
/// the terminal decides.
fn chosen_by(source: &Source, l: Lang) -> Option<String> {
    (*source != Source::Default).then(|| source.describe(l))
}

/// The colours sent and the theme, with what the terminal declares and the user's choice.
fn colours(ctx: &Context) -> Check {
    let l = ctx.lang;
    let choice = ctx.choice();
    let depth = match choice.depth {
        Depth::NoColour => D::NoColours.str(l).to_string(),
        Depth::TrueColour => "24-bit".into(),
        d => d.name().to_string(),
    };
    let why = match &ctx.terminal.depth_from {
        DepthFrom::NoColor => D::WhyNoColor.text(l),
        DepthFrom::ColorTerm(value) => D::WhyColorTerm { value }.text(l),
        DepthFrom::Terminfo { term, colours } => D::WhyTerminfo {
            term,
            colours: *colours,
        }
        .text(l),
        DepthFrom::TermName(term) => D::WhyTermName { term }.text(l),
        DepthFrom::NoTerm => D::WhyNoTerm {
            term: var("TERM").as_deref(),
        }
        .text(l),
    };
    let source = &ctx.config.theme.source;
    // NO_COLOR is the terminal's answer and the user's choice at once: said once.
    let chosen = chosen_by(source, l).filter(|_| *source != Source::Env("NO_COLOR"));
    check(
        Level::Ok,
        D::Colours.str(l),
        D::ColourDepth {
            depth: &depth,
            theme: choice.theme.name(),
            why: &why,
            chosen: chosen.as_deref(),
        }
        .text(l),
        None,
    )
}

/// The characters drawn with, with what the terminal declares and the user's choice.
fn characters(ctx: &Context) -> Check {
    let l = ctx.lang;
    let choice = ctx.choice();
    let glyphs = match choice.glyphs {
        Glyphs::Unicode => D::GlyphsUnicode,
        Glyphs::Console => D::GlyphsConsole,
        Glyphs::Ascii => D::GlyphsAscii,
    };
    let why = match &ctx.terminal.glyphs_from {
        GlyphsFrom::Locale { var, value, utf8 } => D::WhyLocale {
            var,
            value,
            utf8: *utf8,
        }
        .text(l),
        GlyphsFrom::NoLocale => D::WhyNoLocale.text(l),
        GlyphsFrom::Console => D::WhyConsole.text(l),
        GlyphsFrom::Hardware(term) => D::WhyHardware { term }.text(l),
    };
    let chosen = chosen_by(&ctx.config.ascii.source, l);
    check(
        Level::Ok,
        D::Characters.str(l),
        D::GlyphsChosen {
            glyphs: glyphs.str(l),
            why: &why,
            chosen: chosen.as_deref(),
        }
        .text(l),
        None,
    )
}

/// The configuration: the file, its mistakes, what is in force.
pub fn config(ctx: &Context) -> Vec<Check> {
    let l = ctx.lang;
    let path = ctx.config_path.as_ref().map_or_else(
        || D::NoConfigPath.str(l).to_string(),
        |p| p.display().to_string(),
    );
    let mut out = vec![match &ctx.config.file {
        Some(_) => check(Level::Ok, D::File.str(l), path, None),
        None => check(
            Level::Ok,
            D::File.str(l),
            match ctx.config_path.as_ref().is_some_and(|p| p.exists()) {
                true => D::ConfigIgnored { path: &path }.text(l),
                false => D::ConfigNotFound { path: &path }.text(l),
            },
            None,
        ),
    }];
    for e in &ctx.config_errors {
        out.push(check(Level::Fail, D::Mistake.str(l), e.message(l), None));
    }
    if ctx.config_errors.is_empty() {
        out.push(check(
            Level::Ok,
            D::Contents.str(l),
            D::ConfigHolds {
                views: ctx.config.views.len(),
                keys: ctx.config.keys.len(),
            }
            .text(l),
            None,
        ));
    }
    out
}

/// The locale: LANG and friends, and the language chosen.
pub fn locale(ctx: &Context) -> Vec<Check> {
    let l = ctx.lang;
    let vars: Vec<String> = ["LC_ALL", "LC_MESSAGES", "LC_CTYPE", "LANG"]
        .into_iter()
        .filter_map(|v| var(v).map(|x| format!("{v}={x}")))
        .collect();
    vec![
        check(
            if vars.is_empty() {
                Level::Warn
            } else {
                Level::Ok
            },
            D::Locale.str(l),
            if vars.is_empty() {
                D::NotSet.str(l).into()
            } else {
                vars.join(" ")
            },
            vars.is_empty()
                .then(|| "export LANG=id_ID.UTF-8 (C.UTF-8)".into()),
        ),
        check(
            Level::Ok,
            D::Language.str(l),
            format!("{} ({})", l.code(), ctx.config.language.source.describe(l)),
            Some(D::LanguageTip.str(l).into()),
        ),
    ]
}

/// Leaves raw mode however the key test ends (q, an error, a panic).
struct RawMode;

impl Drop for RawMode {
    fn drop(&mut self) {
        let _ = ratatui::crossterm::terminal::disable_raw_mode();
    }
}

/// `pantau doctor --keys`: each key event as crossterm decodes it and what it runs in pantau,
/// until `q` (or Ctrl-C, SIGTERM, SIGHUP); the terminal is restored on every way out.
fn keys(ctx: &Context) -> Result<()> {
    use ratatui::crossterm::event::{self, Event, KeyCode, KeyModifiers};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    let l = ctx.lang;
    if !std::io::stdin().is_terminal() {
        return Err(Error::failed(
            tr(Lang::Id, Msg::TuiNeedsTerminal),
            tr(Lang::En, Msg::TuiNeedsTerminal),
        ));
    }
    let stop = Arc::new(AtomicBool::new(false));
    for s in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(s, Arc::clone(&stop)).map_err(|e| {
            let error = e.to_string();
            let m = D::Signal { error: &error };
            Error::failed(m.text(Lang::Id), m.text(Lang::En))
        })?;
    }
    let term = |e: std::io::Error| {
        let error = e.to_string();
        let m = D::Terminal { error: &error };
        Error::failed(m.text(Lang::Id), m.text(Lang::En))
    };
    ratatui::crossterm::terminal::enable_raw_mode().map_err(term)?;
    let _raw = RawMode;
    let mut out = std::io::stdout();
    write!(out, "{}\r\n", tr(l, Msg::DoctorKeysIntro)).map_err(term)?;
    out.flush().map_err(term)?;
    while !stop.load(Ordering::SeqCst) {
        if !event::poll(std::time::Duration::from_millis(200)).map_err(term)? {
            continue;
        }
        let Event::Key(ev) = event::read().map_err(term)? else {
            continue;
        };
        let key = crate::tui::keymap::Key::from_event(&ev);
        let mut runs: Vec<String> = Vec::new();
        for mode in crate::tui::keymap::Mode::ALL {
            if let Some(c) = ctx
                .keymap
                .rows()
                .iter()
                .find(|b| b.mode == mode && b.keys.contains(&key))
                .map(|b| b.command)
            {
                runs.push(format!("{}:{}", mode.name(), c.name()));
            }
        }
        let typed = typed(&ev, l);
        let pad = " ".repeat(16usize.saturating_sub(crate::text::width(&typed)));
        let line = format!(
            "{typed}{pad} {}",
            if runs.is_empty() {
                KeyWord::Unbound.text(l).to_string()
            } else {
                runs.join(" ")
            }
        );
        write!(out, "{}\r\n", crate::text::safe(&line)).map_err(term)?;
        out.flush().map_err(term)?;
        let quit = ev.code == KeyCode::Char('q') && ev.modifiers.is_empty()
            || ev.code == KeyCode::Char('c') && ev.modifiers.contains(KeyModifiers::CONTROL);
        if quit {
            break;
        }
    }
    Ok(())
}

/// A key press as a user types it, in `lang`: `q`, `G`, `Enter`, `Ctrl-C`, `Shift-Tab`,
/// `Alt-x`, `F1`, `Up` (`Panah atas`); a release or a held key says so.
pub fn typed(ev: &ratatui::crossterm::event::KeyEvent, lang: Lang) -> String {
    use ratatui::crossterm::event::{KeyCode, KeyEventKind, KeyModifiers as M};
    let mods = ev.modifiers;
    let ctrl = mods.contains(M::CONTROL);
    // A character typed carries its own Shift (`G`), as Shift-Tab does; other keys name it.
    let mut shift = mods.contains(M::SHIFT);
    let base = match ev.code {
        KeyCode::Char(' ') => KeyWord::Space.text(lang).to_string(),
        KeyCode::Char(c) if ctrl => c.to_uppercase().collect(),
        KeyCode::Char(c) => {
            shift = false;
            c.to_string()
        }
        KeyCode::BackTab => {
            shift = true;
            "Tab".into()
        }
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Delete => "Delete".into(),
        KeyCode::Insert => "Insert".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::PageUp => "Page Up".into(),
        KeyCode::PageDown => "Page Down".into(),
        KeyCode::Up => KeyWord::Up.text(lang).into(),
        KeyCode::Down => KeyWord::Down.text(lang).into(),
        KeyCode::Left => KeyWord::Left.text(lang).into(),
        KeyCode::Right => KeyWord::Right.text(lang).into(),
        KeyCode::F(n) => format!("F{n}"),
        KeyCode::Null => {
            // What Ctrl-Space and Ctrl-@ send.
            return format!("Ctrl-{}", KeyWord::Space.text(lang));
        }
        KeyCode::CapsLock => "Caps Lock".into(),
        KeyCode::ScrollLock => "Scroll Lock".into(),
        KeyCode::NumLock => "Num Lock".into(),
        KeyCode::PrintScreen => "Print Screen".into(),
        KeyCode::Pause => "Pause".into(),
        KeyCode::Menu => "Menu".into(),
        KeyCode::KeypadBegin => "Keypad 5".into(),
        KeyCode::Media(m) => words(&format!("{m:?}")),
        KeyCode::Modifier(m) => words(&format!("{m:?}")),
    };
    let mut name = String::new();
    for (on, word) in [
        (ctrl, "Ctrl-"),
        (mods.contains(M::ALT), "Alt-"),
        (mods.contains(M::SUPER), "Super-"),
        (mods.contains(M::HYPER), "Hyper-"),
        (mods.contains(M::META), "Meta-"),
        (shift, "Shift-"),
    ] {
        if on {
            name.push_str(word);
        }
    }
    name.push_str(&base);
    match ev.kind {
        KeyEventKind::Press => name,
        KeyEventKind::Release => format!("{name} {}", KeyWord::Released.text(lang)),
        KeyEventKind::Repeat => format!("{name} {}", KeyWord::Repeated.text(lang)),
    }
}

/// `PlayPause` as `Play Pause`, `LeftShift` as `Left Shift`.
fn words(camel: &str) -> String {
    let mut out = String::new();
    for (i, c) in camel.chars().enumerate() {
        if i > 0 && c.is_uppercase() {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// pantau's files that other users can read or write, and temporary files left by killed runs;
/// each with the command that fixes it. A copy of case data open to others fails the check.
pub fn files(ctx: &Context) -> Vec<Check> {
    use std::os::unix::fs::PermissionsExt;
    let l = ctx.lang;
    let mode = |p: &Path| {
        std::fs::symlink_metadata(p)
            .ok()
            .map(|m| m.permissions().mode() & 0o7777)
    };
    let mut out = Vec::new();
    let me = nix::unistd::getuid().as_raw();
    let mut open = |path: &Path, mask: u32, private: u32, what: D| {
        // pantau's own copies and folders: never used through a link, nor when another user's
        // (the configuration may well be a link into a dotfiles folder, and is not checked so).
        if !matches!(what, D::Configuration)
            && let Ok(meta) = std::fs::symlink_metadata(path)
        {
            use std::os::unix::fs::MetadataExt;
            let shown = shell_quote(&path.display().to_string());
            let owner = crate::fs_safe::user_name(meta.uid());
            if meta.file_type().is_symlink() {
                let to = std::fs::read_link(path)
                    .map(|t| t.display().to_string())
                    .unwrap_or_else(|_| "?".into());
                out.push(check(
                    Level::Fail,
                    D::SymbolicLink.str(l),
                    D::LinkedCopy {
                        what: what.str(l),
                        path,
                        to: &to,
                        owner: &owner,
                    }
                    .text(l),
                    Some(format!("rm {shown}")),
                ));
                return;
            }
            if meta.uid() != me {
                out.push(check(
                    Level::Fail,
                    D::NotYourOwn.str(l),
                    D::OthersCopy {
                        what: what.str(l),
                        path,
                        owner: &owner,
                    }
                    .text(l),
                    None,
                ));
                return;
            }
        }
        if let Some(m) = mode(path)
            && m & mask != 0
        {
            // The database is the team's file, guarded by its folder (README), and the
            // configuration holds no case; a copy of cases must be the user's only.
            let level = if matches!(what, D::Configuration) {
                Level::Warn
            } else {
                Level::Fail
            };
            out.push(check(
                level,
                D::OpenToOthers.str(l),
                format!("{} {} ({m:o})", what.str(l), path.display()),
                Some(format!(
                    "chmod {private:o} {}",
                    shell_quote(&path.display().to_string())
                )),
            ));
        }
    };
    let mut private = Vec::new();
    if let Some(dir) = crate::store::baseline::default_dir() {
        private.push((dir, D::BaselineCopy));
    }
    let cache_root =
        directories::ProjectDirs::from("", "", "pantau").map(|d| d.cache_dir().to_path_buf());
    if let Some(dir) = crate::engine::cache::cache_path(&ctx.db)
        .and_then(|p| p.parent().map(Path::to_path_buf))
        .or_else(|| cache_root.as_ref().map(|d| d.join("index")))
    {
        private.push((dir, D::IndexCache));
    }
    // The index cache is used only when its folder and the one above it (`…/pantau`) are the
    // user's own and closed to others: both are looked at.
    if let Some(root) = &cache_root {
        open(root, 0o022, 0o700, D::Folder);
    }
    let mut temp_dirs = Vec::new();
    for (dir, what) in &private {
        open(dir, 0o077, 0o700, D::Folder);
        // A folder that is a link is said above; what it leads to is not pantau's.
        if std::fs::symlink_metadata(dir).is_ok_and(|m| m.file_type().is_symlink()) {
            continue;
        }
        if let Ok(entries) = std::fs::read_dir(dir) {
            let mut files: Vec<_> = entries.flatten().map(|e| e.path()).collect();
            files.sort();
            for f in files {
                open(&f, 0o077, 0o600, *what);
            }
        }
        temp_dirs.push(dir.clone());
    }
    if let Some(log) = crate::log::default_path() {
        open(&log, 0o077, 0o600, D::Log);
        if let Some(dir) = log.parent() {
            temp_dirs.push(dir.to_path_buf());
        }
    }
    if let Some(config) = &ctx.config_path {
        open(config, 0o006, 0o600, D::Configuration);
    }
    out.extend(database_files(&ctx.db, l));
    temp_dirs.push(crate::fs_safe::folder_of(&ctx.db));
    for dir in temp_dirs {
        for left in crate::fs_safe::leftovers(&dir) {
            out.push(temporary(&left, l));
        }
    }
    if out.is_empty() {
        out.push(check(
            Level::Ok,
            D::Permissions.str(l),
            D::AllClosed.str(l).into(),
            None,
        ));
    }
    out
}

/// The database and the SQLite files beside it: open to other users (one fix for all of them), and
/// a `-wal`, `-shm` or `-journal` that is a symbolic link, which SQLite refuses to open.
fn database_files(db: &Path, l: Lang) -> Vec<Check> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let mut out = Vec::new();
    let mut paths = vec![db.to_path_buf()];
    paths.extend(
        ["-wal", "-shm", "-journal"]
            .iter()
            .map(|s| crate::fs_safe::sidecar(db, s)),
    );
    let mut open = Vec::new();
    for path in &paths {
        let Ok(meta) = std::fs::symlink_metadata(path) else {
            continue;
        };
        if meta.file_type().is_symlink() {
            if path != db {
                out.push(check(
                    Level::Fail,
                    D::SymbolicLink.str(l),
                    linked_side(path, meta.uid(), l),
                    Some(
                        D::RemoveLink {
                            path: &shell_quote(&path.display().to_string()),
                        }
                        .text(l),
                    ),
                ));
            }
            continue;
        }
        let m = meta.permissions().mode() & 0o7777;
        if m & 0o006 != 0 {
            open.push((path.clone(), m));
        }
    }
    if !open.is_empty() {
        // The database is the team's file, guarded by its folder (README): a warning. Its -wal
        // and -shm hold the same cases, so the fix names every one of them.
        out.push(check(
            Level::Warn,
            D::OpenToOthers.str(l),
            format!(
                "database {}",
                open.iter()
                    .map(|(p, m)| format!("{} ({m:o})", p.display()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Some(format!(
                "chmod 660 {}",
                open.iter()
                    .map(|(p, _)| shell_quote(&p.display().to_string()))
                    .collect::<Vec<_>>()
                    .join(" ")
            )),
        ));
    }
    out
}

/// What doctor says of a SQLite file beside the database that is a link.
fn linked_side(path: &Path, uid: u32, l: Lang) -> String {
    let to = std::fs::read_link(path)
        .map(|t| t.display().to_string())
        .unwrap_or_else(|_| "?".into());
    let owner = crate::fs_safe::user_name(uid);
    D::LinkedSide {
        path,
        to: &to,
        owner: &owner,
    }
    .text(l)
}

/// One temporary file of pantau's: in use by a running pantau, or left by a run that stopped.
fn temporary(left: &crate::fs_safe::Leftover, l: Lang) -> Check {
    use crate::fs_safe::Holder;
    let mut shown = left.path.display().to_string();
    for side in &left.sides {
        shown += &format!(" (+ {})", side.display());
    }
    let owner = crate::fs_safe::user_name(left.uid);
    match left.holder {
        Holder::Live => check(
            Level::Info,
            D::TemporaryFile.str(l),
            D::TempLive {
                shown: &shown,
                owner: &owner,
            }
            .text(l),
            None,
        ),
        Holder::Nobody => {
            let mut rm = vec![shell_quote(&left.path.display().to_string())];
            rm.extend(
                left.sides
                    .iter()
                    .map(|p| shell_quote(&p.display().to_string())),
            );
            check(
                Level::Fail,
                D::TemporaryLeft.str(l),
                D::TempLeft {
                    shown: &shown,
                    owner: &owner,
                }
                .text(l),
                Some(format!("rm {}", rm.join(" "))),
            )
        }
        Holder::Unknown => check(
            Level::Warn,
            D::TemporaryFile.str(l),
            D::TempUnknown {
                shown: &shown,
                owner: &owner,
            }
            .text(l),
            Some(D::TempAsk { owner: &owner }.text(l)),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers as M};

    fn typed_as(code: KeyCode, mods: M, lang: Lang) -> String {
        typed(&KeyEvent::new(code, mods), lang)
    }

    #[test]
    fn keys_are_named_as_a_user_types_them() {
        let en = |code, mods| typed_as(code, mods, Lang::En);
        assert_eq!(en(KeyCode::Char('q'), M::NONE), "q");
        assert_eq!(en(KeyCode::Char('G'), M::SHIFT), "G");
        assert_eq!(en(KeyCode::Char('c'), M::CONTROL), "Ctrl-C");
        assert_eq!(en(KeyCode::Char('x'), M::ALT), "Alt-x");
        assert_eq!(en(KeyCode::BackTab, M::SHIFT), "Shift-Tab");
        assert_eq!(en(KeyCode::BackTab, M::NONE), "Shift-Tab");
        assert_eq!(en(KeyCode::F(1), M::NONE), "F1");
        assert_eq!(en(KeyCode::Enter, M::NONE), "Enter");
        assert_eq!(en(KeyCode::Up, M::SHIFT), "Shift-Up");
        assert_eq!(en(KeyCode::Char(' '), M::NONE), "Space");
        assert_eq!(en(KeyCode::Null, M::NONE), "Ctrl-Space");
        assert_eq!(
            en(
                KeyCode::Modifier(ratatui::crossterm::event::ModifierKeyCode::LeftShift),
                M::NONE
            ),
            "Left Shift"
        );
        let mut ev = KeyEvent::new(KeyCode::Esc, M::NONE);
        ev.kind = KeyEventKind::Release;
        assert_eq!(typed(&ev, Lang::En), "Esc (released)");
        assert_eq!(typed(&ev, Lang::Id), "Esc (dilepas)");
    }

    #[test]
    fn keys_with_their_own_word_are_named_in_the_interface_language() {
        let id = |code, mods| typed_as(code, mods, Lang::Id);
        assert_eq!(id(KeyCode::Up, M::NONE), "Panah atas");
        assert_eq!(id(KeyCode::Left, M::CONTROL), "Ctrl-Panah kiri");
        assert_eq!(id(KeyCode::Char(' '), M::NONE), "Spasi");
        assert_eq!(id(KeyCode::Enter, M::NONE), "Enter");
        for code in [
            KeyCode::Char('a'),
            KeyCode::Esc,
            KeyCode::F(12),
            KeyCode::PageDown,
            KeyCode::Media(ratatui::crossterm::event::MediaKeyCode::PlayPause),
        ] {
            for lang in [Lang::Id, Lang::En] {
                let name = typed_as(code, M::CONTROL | M::ALT, lang);
                assert!(
                    !name.contains('(') && !name.contains("Char") && !name.contains("0x"),
                    "{name}"
                );
            }
        }
    }
}
