//! `pantau` without a subcommand: the interactive screen on the chosen database. Checks the
//! terminal and the database, reads the start view and date, then hands off to `tui::run`.

use std::io::IsTerminal;

use crate::cli::TuiArgs;
use crate::commands::Context;
use crate::domain::DeadlineRules;
use crate::error::{Error, Result};
use crate::i18n::{Msg, tr};
use crate::tui::app::Options;
use crate::tui::theme::Theme;

/// Runs the interactive screen.
pub fn run(ctx: &Context, args: &TuiArgs) -> Result<()> {
    if !std::io::stdout().is_terminal() {
        return Err(Error::Other(
            tr(ctx.lang, Msg::TuiNeedsTerminal).to_string(),
        ));
    }
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
    let rules = DeadlineRules::new(ctx.deadline_days, reference.holidays.iter().map(|h| h.date));
    let now = chrono::Local::now().naive_local();
    let size = ratatui::crossterm::terminal::size().unwrap_or((80, 24));
    let options = Options {
        lang: ctx.lang,
        theme: Theme::from_env(),
        reference,
        db_label: ctx.db.display().to_string(),
        as_of: view.as_of.map(|d| d.resolve(ctx.today)),
        view,
        today: ctx.today,
        // PANTAU_TODAY fixes the day for a rehearsal; otherwise the day follows the clock.
        follow_clock: ctx.today == now.date(),
        now,
        size,
    };
    crate::tui::run(crate::tui::Session {
        db: ctx.db.clone(),
        rules,
        options,
    })
}
