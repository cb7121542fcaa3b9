//! `pantau` without a subcommand: the interactive screen on the chosen database. Checks the
//! terminal and the database, reads the start view and date, then hands off to `tui::run`.

use std::io::IsTerminal;

use crate::cli::TuiArgs;
use crate::commands::Context;
use crate::config::Prefs;
use crate::domain::DeadlineRules;
use crate::error::{Error, Result};
use crate::i18n::commands::Command;
use crate::i18n::{Lang, Msg, tr};
use crate::tui::app::Options;
use crate::tui::effect::Outside;

/// Runs the interactive screen; `present` is `Some` for `pantau present`, with its `--cycle`.
pub fn run(
    ctx: &Context,
    args: &TuiArgs,
    present: Option<Option<std::time::Duration>>,
) -> Result<()> {
    // A mistake in what was typed is said first (exit status 2), terminal or not.
    let baseline = args
        .baseline
        .as_deref()
        .map(|text| parse_baseline(text, ctx.today, chrono::Local::now().naive_local()))
        .transpose()?;
    if !std::io::stdout().is_terminal() {
        return Err(Error::failed(
            tr(Lang::Id, Msg::TuiNeedsTerminal),
            tr(Lang::En, Msg::TuiNeedsTerminal),
        ));
    }
    // From here until the screen is given back, errors and warnings go to the log file, never
    // over the screen; afterwards one line says where they are.
    if let Some(path) = crate::log::default_path() {
        crate::log::start_session(path);
    }
    let result = session(ctx, args, present, baseline);
    if let Some(summary) = crate::log::end_session() {
        eprintln!(
            "pantau: {} {}",
            tr(ctx.lang, Msg::LogWritten),
            crate::text::safe(&summary.path.display().to_string())
        );
        if let Some(failure) = summary.failure {
            eprintln!("pantau: {}", crate::text::safe(&failure));
        }
    }
    result
}

/// Opens the database and runs the screen (within the log session).
fn session(
    ctx: &Context,
    args: &TuiArgs,
    present: Option<Option<std::time::Duration>>,
    baseline: Option<chrono::NaiveDateTime>,
) -> Result<()> {
    // Creates the demo database with --demo; a missing database is an error naming the path and
    // the two commands that create one.
    let store = ctx.open_for_reading()?;
    let view = ctx.parse_view(
        &store,
        args.view.as_deref().unwrap_or(""),
        args.as_of.as_deref(),
    )?;
    let reference = store.reference()?;
    drop(store);
    let tiles = crate::domain::tiles::Tiles::for_database(&reference)
        .map_err(|e| Error::failed(e.message(Lang::Id), e.message(Lang::En)))?;
    let rules = DeadlineRules::new(ctx.deadline_days, reference.holidays.iter().map(|h| h.date));
    let now = chrono::Local::now().naive_local();
    let size = ratatui::crossterm::terminal::size().unwrap_or((80, 24));
    let options = Options {
        lang: ctx.lang,
        theme: ctx.theme(),
        reference: crate::domain::Reference::clone(&reference),
        db_label: ctx.db.display().to_string(),
        as_of: view.as_of.map(|d| d.resolve(ctx.today)),
        view,
        today: ctx.today,
        // PANTAU_TODAY fixes the day for a rehearsal; otherwise the day follows the clock.
        follow_clock: ctx.today == now.date(),
        now,
        size,
        tiles,
        baseline,
        present: present.is_some(),
        cycle: present
            .flatten()
            .and_then(|d| chrono::Duration::from_std(d).ok())
            .filter(|d| *d > chrono::Duration::zero()),
        prefs: Prefs {
            keymap: ctx.keymap.clone(),
            views: ctx.config.views.iter().map(|(v, _)| v.clone()).collect(),
            ascii: ctx.config.ascii.value,
        },
    };
    crate::tui::run(crate::tui::Session {
        db: ctx.db.clone(),
        rules,
        options,
        poll: std::time::Duration::from_millis(ctx.config.refresh_ms.value),
        outside: Outside {
            config: ctx.config_path.clone(),
            tmux: crate::tui::clipboard::in_tmux(),
        },
        reports: crate::tui::report_file::Setup {
            folder: Some(ctx.config.reports_folder()),
            letterhead: ctx.config.letterhead.clone(),
        },
    })
    .inspect_err(|e| crate::log::error(&e.message(ctx.lang)))
}

/// The time of `--baseline`: `YYYY-MM-DD HH:MM[:SS]` (or with `T`, or `DD/MM/YYYY HH:MM`), or
/// `HH:MM[:SS]` on `today`; not after `now`. A mistake is a usage error.
pub fn parse_baseline(
    text: &str,
    today: chrono::NaiveDate,
    now: chrono::NaiveDateTime,
) -> Result<chrono::NaiveDateTime> {
    use chrono::{NaiveDateTime, NaiveTime};
    let t = text.trim();
    let full = [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
    ]
    .iter()
    .chain(&["%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M"])
    .find_map(|f| NaiveDateTime::parse_from_str(t, f).ok());
    let at = full.or_else(|| {
        ["%H:%M:%S", "%H:%M"]
            .iter()
            .find_map(|f| NaiveTime::parse_from_str(t, f).ok())
            .map(|time| today.and_time(time))
    });
    let (first, last) = (crate::domain::first_day(), crate::domain::last_day());
    match at {
        Some(at) if at > now => {
            let m = Command::BaselineFuture { t };
            Err(Error::usage(m.text(Lang::Id), m.text(Lang::En)))
        }
        Some(at) if !crate::domain::day_in_range(at.date()) => {
            let m = Command::BaselineRange {
                t,
                first: &first,
                last: &last,
            };
            Err(Error::usage(m.text(Lang::Id), m.text(Lang::En)))
        }
        Some(at) => Ok(at),
        None => {
            let m = Command::BaselineBad { t };
            Err(Error::usage(m.text(Lang::Id), m.text(Lang::En)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_baseline_time_is_a_date_and_time_or_a_time_today() {
        let today = chrono::NaiveDate::from_ymd_opt(2024, 2, 9).unwrap();
        let now = today.and_hms_opt(15, 0, 0).unwrap();
        let at = |h, m| today.and_hms_opt(h, m, 0).unwrap();
        assert_eq!(parse_baseline("09:00", today, now).unwrap(), at(9, 0));
        assert_eq!(
            parse_baseline("2024-02-09 09:30", today, now).unwrap(),
            at(9, 30)
        );
        assert_eq!(
            parse_baseline("2024-02-09T09:30:00", today, now).unwrap(),
            at(9, 30)
        );
        assert_eq!(
            parse_baseline("09/02/2024 10:15", today, now).unwrap(),
            at(10, 15)
        );
        assert!(
            parse_baseline("16:00", today, now).is_err(),
            "in the future"
        );
        assert!(parse_baseline("kemarin", today, now).is_err());
    }
}
