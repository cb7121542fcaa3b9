//! `pantau doctor`: checks the database, the terminal, the configuration and the locale, and
//! prints each finding with its fix; `--keys` echoes key presses. Reads only; changes nothing.

use std::io::{IsTerminal, Write};
use std::path::Path;

use crate::cli::DoctorArgs;
use crate::commands::Context;
use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg, tr};
use crate::store::{Mode, SCHEMA_VERSION, Store, WAL_LIMIT, files};

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
    let sections = [
        (Msg::DoctorDatabase, database(ctx)),
        (Msg::DoctorTerminal, terminal(ctx)),
        (Msg::DoctorConfig, config(ctx)),
        (Msg::DoctorLocale, locale(ctx)),
        (Msg::DoctorFiles, files(ctx)),
    ];
    let ascii = ctx.config.ascii.value;
    let mut out = String::from("pantau doctor\n");
    let mut failed = 0;
    let mut warned = 0;
    for (title, checks) in &sections {
        out += &format!("{}\n", tr(l, *title));
        for c in checks {
            let mark = match (c.level, ascii) {
                (Level::Ok, false) => "✓",
                (Level::Warn, _) => "!",
                (Level::Fail, false) => "✗",
                (Level::Info, false) => "–",
                (Level::Ok, true) => "+",
                (Level::Fail, true) => "x",
                (Level::Info, true) => "-",
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
    print!("{}", crate::text::safe_lines(&out));
    if failed == 0 && warned == 0 {
        println!("{}", tr(l, Msg::DoctorAllWell));
        return Ok(());
    }
    if failed == 0 {
        // Everything works, but a warning is not a pass.
        println!(
            "{}",
            l.pick(
                &format!("Tidak ada yang gagal; {warned} peringatan (!) di atas, masing-masing dengan perbaikannya."),
                &format!("No check failed; {warned} warning(s) (!) above, each with its fix."),
            )
        );
        return Ok(());
    }
    Err(Error::Other(format!(
        "{}: {failed} ({})",
        tr(l, Msg::DoctorProblems),
        l.pick("lihat di atas", "listed above")
    )))
}

/// The database: where, writable, schema, integrity, journal, size, cases.
pub fn database(ctx: &Context) -> Vec<Check> {
    let l = ctx.lang;
    let db = &ctx.db;
    let mut out = vec![check(
        Level::Ok,
        l.pick("berkas", "file"),
        format!(
            "{} ({})",
            db.display(),
            ctx.config.database.source.describe(l)
        ),
        None,
    )];
    if !db.exists() {
        out[0].level = Level::Fail;
        out[0].fix = Some(
            l.pick(
                "buat dengan `pantau init` (kosong) atau `pantau demo`; atau pilih berkas lain dengan --db, $PANTAU_DB atau `database` di pengaturan",
                "create it with `pantau init` (empty) or `pantau demo`; or choose another file with --db, $PANTAU_DB or `database` in the configuration",
            )
            .into(),
        );
        return out;
    }
    let file_ok = std::fs::OpenOptions::new().append(true).open(db).is_ok();
    let dir = db
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let dir_ok = rustix::fs::access(dir, rustix::fs::Access::WRITE_OK).is_ok();
    out.push(match (file_ok, dir_ok) {
        (true, true) => check(Level::Ok, l.pick("dapat ditulis", "writable"), l.pick("ya, juga foldernya", "yes, and its folder").into(), None),
        (false, true) => check(
            Level::Warn,
            l.pick("dapat ditulis", "writable"),
            l.pick("tidak: hanya dapat dibaca", "no: it can be read only").into(),
            Some(l.pick("untuk mengimpor, mintalah izin tulis pada berkas (README: database bersama untuk satu tim)", "to import, ask for write permission on the file (README: a shared database for a team)").into()),
        ),
        (_, false) => check(
            Level::Fail,
            l.pick("dapat ditulis", "writable"),
            format!("{} {}", l.pick("folder tidak dapat ditulis:", "its folder cannot be written:"), dir.display()),
            Some(l.pick("SQLite harus membuat berkas -shm di folder itu: mintalah izin tulis pada folder (README: database bersama untuk satu tim)", "SQLite must create the -shm file in that folder: ask for write permission on it (README: a shared database for a team)").into()),
        ),
    });
    if let Some(e) = files::foreign_sidecar(db) {
        out.push(check(
            Level::Fail,
            l.pick("berkas -wal/-shm", "-wal/-shm files"),
            l.pick(
                "milik pengguna yang bukan penulis: penulis tidak dapat menulis database",
                "owned by a user who is not a writer: writers cannot write the database",
            )
            .into(),
            Some(e.message(l)),
        ));
    }
    let store = match Store::open(db, Mode::ReadOnly) {
        Ok(s) => s,
        Err(e) => {
            out.push(check(
                Level::Fail,
                l.pick("buka", "open"),
                e.message(l),
                None,
            ));
            return out;
        }
    };
    out.extend(store_checks(&store, db, l));
    out
}

fn store_checks(store: &Store, db: &Path, l: Lang) -> Vec<Check> {
    let mut out = Vec::new();
    let conn = store.conn();
    let version = store.user_version().unwrap_or(-1);
    out.push(if version == SCHEMA_VERSION {
        check(
            Level::Ok,
            l.pick("skema", "schema"),
            format!("{} {version}", l.pick("versi", "version")),
            None,
        )
    } else {
        check(
            Level::Fail,
            l.pick("skema", "schema"),
            format!(
                "{} {version}, {} {SCHEMA_VERSION}",
                l.pick("versi", "version"),
                l.pick("pantau ini mengenal", "this pantau knows")
            ),
            Some(
                l.pick(
                    "versi lebih lama: perbarui dengan perintah yang menulis, `pantau --db BERKAS init` (semua kasus tetap); lebih baru: perbarui pantau",
                    "older: upgrade it with a command that writes, `pantau --db FILE init` (every case stays); newer: upgrade pantau",
                )
                .into(),
            ),
        )
    });
    let quick: Result<Vec<String>, _> = conn
        .prepare("PRAGMA quick_check")
        .and_then(|mut s| s.query_map([], |r| r.get::<_, String>(0))?.collect());
    out.push(match quick {
        Ok(rows) if rows == ["ok"] => check(
            Level::Ok,
            l.pick("integritas", "integrity"),
            "ok (PRAGMA quick_check)".into(),
            None,
        ),
        Ok(rows) => check(
            Level::Fail,
            l.pick("integritas", "integrity"),
            rows.into_iter().take(3).collect::<Vec<_>>().join("; "),
            Some(
                l.pick(
                    "jalankan `pantau check`, lalu pulihkan salinan terakhir dari `pantau backup`",
                    "run `pantau check`, then restore the last copy made with `pantau backup`",
                )
                .into(),
            ),
        ),
        Err(e) => check(
            Level::Fail,
            l.pick("integritas", "integrity"),
            e.to_string(),
            Some("pantau check".into()),
        ),
    });
    let journal: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap_or_default();
    out.push(if journal.eq_ignore_ascii_case("wal") {
        check(
            Level::Ok,
            "WAL",
            l.pick(
                "ya: pembaca tidak menunggu penulis",
                "yes: readers do not wait for writers",
            )
            .into(),
            None,
        )
    } else {
        check(
            Level::Warn,
            "WAL",
            format!(
                "{} {journal}",
                l.pick("tidak, mode jurnal", "no, journal mode")
            ),
            Some(
                l.pick(
                    "jalankan sekali perintah pantau yang menulis, mis. impor (pantau menyalakan WAL)",
                    "run a pantau command that writes once, e.g. an import (pantau turns WAL on)",
                )
                .into(),
            ),
        )
    });
    let size = |p: &Path| std::fs::metadata(p).map_or(0, |m| m.len());
    let wal = size(&files::sidecar(db, "-wal"));
    out.push(check(
        Level::Ok,
        l.pick("ukuran", "size"),
        format!("{:.1} MiB (+ {:.1} MiB WAL)", mib(size(db)), mib(wal)),
        None,
    ));
    out.push(wal_size(wal, l));
    out.push(match store.case_count() {
        Ok(n) => check(
            Level::Ok,
            l.pick("kasus", "cases"),
            crate::i18n::number(l, n),
            None,
        ),
        Err(e) => check(
            Level::Fail,
            l.pick("kasus", "cases"),
            e.message(l),
            Some("pantau check".into()),
        ),
    });
    out
}

/// The write-ahead log against the size it is cut back to (`WAL_LIMIT`): above it, what keeps it
/// large and what shrinks it.
fn wal_size(wal: u64, l: Lang) -> Check {
    let name = l.pick("log WAL", "WAL log");
    let limit = u64::try_from(WAL_LIMIT).unwrap_or(u64::MAX);
    if wal <= limit {
        return check(
            Level::Ok,
            name,
            format!(
                "{:.1} MiB, {} {:.0} MiB",
                mib(wal),
                l.pick("dalam batas", "within the limit of"),
                mib(limit)
            ),
            None,
        );
    }
    check(
        Level::Warn,
        name,
        format!(
            "{:.1} MiB, {} {:.0} MiB: {}",
            mib(wal),
            l.pick("di atas batas", "above the limit of"),
            mib(limit),
            l.pick(
                "pembaca yang lama terbuka (mis. layar interaktif pantau yang dibiarkan berjalan, atau sqlite3) menahan log agar tidak dimulai ulang",
                "a reader open for a long time (e.g. an interactive pantau screen left running, or sqlite3) kept the log from starting over",
            )
        ),
        Some(
            l.pick(
                "tutup pembaca itu; perintah berikutnya yang menulis (mis. impor) memangkas log bila tak ada pembaca yang masih memerlukannya",
                "close that reader; the next command that writes (an import) cuts the log back once no reader still needs it",
            )
            .into(),
        ),
    )
}

fn mib(bytes: u64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// Whether the locale's character set is UTF-8 (`LC_ALL`, else `LC_CTYPE`, else `LANG`).
pub fn utf8_locale() -> bool {
    ["LC_ALL", "LC_CTYPE", "LANG"]
        .into_iter()
        .find_map(var)
        .is_some_and(|v| {
            let v = v.to_ascii_lowercase();
            v.contains("utf-8") || v.contains("utf8")
        })
}

/// The terminal: TERM, colours, NO_COLOR, size, UTF-8 and box lines, tmux and the clipboard, keys.
pub fn terminal(ctx: &Context) -> Vec<Check> {
    let l = ctx.lang;
    let term = var("TERM");
    let mut out = vec![match term.as_deref() {
        None | Some("dumb") => check(
            Level::Fail,
            "TERM",
            term.clone()
                .unwrap_or_else(|| l.pick("tidak diatur", "not set").into()),
            Some("export TERM=xterm-256color".into()),
        ),
        Some(t) => check(Level::Ok, "TERM", t.into(), None),
    }];
    let colorterm = var("COLORTERM").unwrap_or_default();
    let depth = if colorterm == "truecolor" || colorterm == "24bit" {
        l.pick("24-bit (COLORTERM)", "24-bit (COLORTERM)")
    } else if term.as_deref().is_some_and(|t| t.contains("256color")) {
        "256"
    } else if term.as_deref().is_some_and(|t| t != "dumb") {
        "16"
    } else {
        l.pick("tanpa warna", "none")
    };
    out.push(check(
        Level::Ok,
        l.pick("warna", "colours"),
        format!(
            "{depth}; {} {}",
            l.pick("tema", "theme"),
            ctx.config.theme.value.name()
        ),
        None,
    ));
    out.push(match var("NO_COLOR") {
        Some(_) => check(
            Level::Ok,
            "NO_COLOR",
            l.pick(
                "diatur: tema mono, tanpa warna",
                "set: the mono theme, no colour",
            )
            .into(),
            None,
        ),
        None => check(
            Level::Ok,
            "NO_COLOR",
            l.pick("tidak diatur", "not set").into(),
            None,
        ),
    });
    out.push(if std::io::stdout().is_terminal() {
        match ratatui::crossterm::terminal::size() {
            Ok((w, h)) if w >= 80 && h >= 24 => check(
                Level::Ok,
                l.pick("ukuran", "size"),
                format!("{w}×{h}"),
                None,
            ),
            Ok((w, h)) => check(
                Level::Warn,
                l.pick("ukuran", "size"),
                format!("{w}×{h}"),
                Some(
                    l.pick(
                        "perbesar jendela atau perkecil huruf sampai sedikitnya 80×24",
                        "enlarge the window or shrink the font to at least 80×24",
                    )
                    .into(),
                ),
            ),
            Err(e) => check(Level::Warn, l.pick("ukuran", "size"), e.to_string(), None),
        }
    } else {
        check(
            Level::Info,
            l.pick("ukuran", "size"),
            l.pick("keluaran bukan terminal", "output is not a terminal")
                .into(),
            None,
        )
    });
    out.push(if utf8_locale() {
        check(
            Level::Ok,
            "UTF-8",
            format!(
                "{} ┌─┐ │█▓▒░│ ▲▼◆ └─┘",
                l.pick("ya; garis kotak:", "yes; box lines:")
            ),
            Some(
                l.pick(
                    "bila garis di atas tampil rusak, pakai --ascii (atau ascii = true)",
                    "if the lines above look broken, use --ascii (or ascii = true)",
                )
                .into(),
            ),
        )
    } else {
        check(
            Level::Warn,
            "UTF-8",
            l.pick(
                "lokal bukan UTF-8: garis kotak mungkin rusak",
                "the locale is not UTF-8: box lines may not draw",
            )
            .into(),
            Some("export LANG=C.UTF-8 (--ascii)".into()),
        )
    });
    out.push(if crate::tui::clipboard::in_tmux() {
        check(
            Level::Ok,
            "tmux",
            l.pick(
                "ya: salinan (y, Y) lewat passthrough tmux",
                "yes: copies (y, Y) go through tmux's passthrough",
            )
            .into(),
            Some("tmux set -g allow-passthrough on".into()),
        )
    } else {
        check(
            Level::Ok,
            l.pick("papan klip", "clipboard"),
            l.pick(
                "OSC 52 (y, Y), juga lewat SSH bila terminal mengizinkan",
                "OSC 52 (y, Y), also over SSH where the terminal allows it",
            )
            .into(),
            None,
        )
    });
    out.push(check(
        Level::Info,
        l.pick("tombol", "keys"),
        l.pick(
            "Esc dan F1–F12 diuji secara interaktif",
            "Esc and F1–F12 are tested interactively",
        )
        .into(),
        Some("pantau doctor --keys".into()),
    ));
    out
}

/// The configuration: the file, its mistakes, what is in force.
pub fn config(ctx: &Context) -> Vec<Check> {
    let l = ctx.lang;
    let path = ctx.config_path.as_ref().map_or_else(
        || {
            l.pick("tidak ada (HOME tidak diatur)", "none (HOME not set)")
                .to_string()
        },
        |p| p.display().to_string(),
    );
    let mut out = vec![match &ctx.config.file {
        Some(_) => check(Level::Ok, l.pick("berkas", "file"), path, None),
        None => check(
            Level::Ok,
            l.pick("berkas", "file"),
            format!(
                "{path} ({})",
                match ctx.config_path.as_ref().is_some_and(|p| p.exists()) {
                    true => l.pick("diabaikan: pengaturan bawaan", "ignored: the defaults"),
                    false => l.pick("tidak ada: pengaturan bawaan", "not found: the defaults"),
                }
            ),
            None,
        ),
    }];
    for e in &ctx.config_errors {
        out.push(check(
            Level::Fail,
            l.pick("kesalahan", "mistake"),
            e.message(l),
            None,
        ));
    }
    if ctx.config_errors.is_empty() {
        out.push(check(
            Level::Ok,
            l.pick("isi", "contents"),
            format!(
                "{} {}, {} {}",
                ctx.config.views.len(),
                l.pick("tampilan tersimpan", "saved views"),
                ctx.config.keys.len(),
                l.pick("tombol dipetakan ulang", "keys remapped")
            ),
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
    let lang = match l {
        Lang::Id => "id",
        Lang::En => "en",
    };
    vec![
        check(
            if vars.is_empty() {
                Level::Warn
            } else {
                Level::Ok
            },
            l.pick("lokal", "locale"),
            if vars.is_empty() {
                l.pick("tidak diatur", "not set").into()
            } else {
                vars.join(" ")
            },
            vars.is_empty()
                .then(|| "export LANG=id_ID.UTF-8 (C.UTF-8)".into()),
        ),
        check(
            Level::Ok,
            l.pick("bahasa", "language"),
            format!("{lang} ({})", ctx.config.language.source.describe(l)),
            Some(
                l.pick(
                    "--lang id|en, atau language = \"id\" di pengaturan",
                    "--lang id|en, or language = \"id\" in the configuration",
                )
                .into(),
            ),
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
        return Err(Error::Other(tr(l, Msg::TuiNeedsTerminal).to_string()));
    }
    let stop = Arc::new(AtomicBool::new(false));
    for s in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(s, Arc::clone(&stop))
            .map_err(|e| Error::Other(format!("signal: {e}")))?;
    }
    let term = |e: std::io::Error| Error::Other(format!("terminal: {e}"));
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
        let line = format!(
            "{:?} {:?} {:?} → {}  {}",
            ev.code,
            ev.modifiers,
            ev.kind,
            key.label(),
            if runs.is_empty() {
                "–".to_string()
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
    let mut open = |path: &Path, mask: u32, private: u32, what: (&str, &str)| {
        if let Some(m) = mode(path)
            && m & mask != 0
        {
            // The database is the team's file, guarded by its folder (README), and the
            // configuration holds no case; a copy of cases must be the user's only.
            let level = if matches!(what.1, "database" | "configuration") {
                Level::Warn
            } else {
                Level::Fail
            };
            out.push(check(
                level,
                l.pick("terbuka bagi pengguna lain", "open to other users"),
                format!("{} {} ({m:o})", l.pick(what.0, what.1), path.display()),
                Some(format!(
                    "chmod {private:o} {}",
                    shell_quote(&path.display().to_string())
                )),
            ));
        }
    };
    let mut private = Vec::new();
    if let Some(dir) = crate::store::baseline::default_dir() {
        private.push((dir, ("salinan baseline", "baseline copy")));
    }
    if let Some(dir) = crate::engine::cache::cache_path(&ctx.db)
        .and_then(|p| p.parent().map(Path::to_path_buf))
        .or_else(|| {
            directories::ProjectDirs::from("", "", "pantau").map(|d| d.cache_dir().join("index"))
        })
    {
        private.push((dir, ("cache indeks", "index cache")));
    }
    let mut temp_dirs = Vec::new();
    for (dir, what) in &private {
        open(dir, 0o077, 0o700, ("folder", "folder"));
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
        open(&log, 0o077, 0o600, ("log", "log"));
        if let Some(dir) = log.parent() {
            temp_dirs.push(dir.to_path_buf());
        }
    }
    if let Some(config) = &ctx.config_path {
        open(config, 0o006, 0o600, ("pengaturan", "configuration"));
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
            l.pick("izin", "permissions"),
            l.pick(
                "salinan, cache, log dan pengaturan tertutup bagi pengguna lain",
                "copies, cache, log and configuration are closed to other users",
            )
            .into(),
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
                    l.pick("tautan simbolik", "symbolic link"),
                    linked_side(path, meta.uid(), l),
                    Some(format!(
                        "{}: rm {}",
                        l.pick(
                            "saat tidak ada yang membuka database",
                            "when nobody has the database open"
                        ),
                        shell_quote(&path.display().to_string())
                    )),
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
            l.pick("terbuka bagi pengguna lain", "open to other users"),
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
    format!(
        "{} → {to} ({} {owner}; {})",
        path.display(),
        l.pick("dibuat oleh", "made by"),
        l.pick(
            "SQLite tidak membuka berkas lewat tautan, jadi database tidak dapat dibaca",
            "SQLite opens no file through a link, so the database cannot be read"
        )
    )
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
            l.pick("berkas sementara", "temporary file"),
            l.pick(
                &format!(
                    "{shown} (sedang ditulis oleh pantau milik {owner} yang masih berjalan; biarkan: berkas itu hilang saat perintah itu selesai)"
                ),
                &format!(
                    "{shown} (being written by a running pantau of {owner}; leave it: it goes away when that command ends)"
                ),
            )
            .to_string(),
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
                l.pick("berkas sementara tertinggal", "temporary file left behind"),
                format!(
                    "{shown} ({} {owner}; {})",
                    l.pick("milik", "of"),
                    l.pick(
                        "dari proses yang terhenti; pantau berikutnya menghapus milik Anda sendiri",
                        "from a run that was stopped; pantau's next run removes your own"
                    )
                ),
                Some(format!("rm {}", rm.join(" "))),
            )
        }
        Holder::Unknown => check(
            Level::Warn,
            l.pick("berkas sementara", "temporary file"),
            format!(
                "{shown} ({} {owner}; {})",
                l.pick("milik", "of"),
                l.pick(
                    "tidak dapat diketahui apakah pantau yang berjalan masih menulisnya",
                    "whether a running pantau still writes it cannot be told"
                )
            ),
            Some(format!(
                "{} {owner}: {}",
                l.pick("tanyakan kepada", "ask"),
                l.pick(
                    "pantau berikutnya miliknya menghapus berkas itu bila tertinggal",
                    "their next pantau removes it if it was left behind"
                )
            )),
        ),
    }
}

/// `path` as one word of a shell command.
fn shell_quote(path: &str) -> String {
    if !path.is_empty()
        && path
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/._-+=:,@".contains(c))
    {
        path.to_string()
    } else {
        format!("'{}'", path.replace('\'', "'\\''"))
    }
}
