//! `pantau init`: the schema and the reference data, idempotent.

use crate::cli::InitArgs;
use crate::commands::Context;
use crate::domain::Reference;
use crate::error::Result;
use crate::i18n::commands::Command;

/// Creates or brings up to date the database and its reference data.
pub fn run(ctx: &Context, args: &InitArgs) -> Result<()> {
    let reference = match &args.reference {
        Some(dir) => Reference::from_dir(dir)?,
        None => Reference::embedded(),
    };
    let mut store = ctx.open_for_writing("pantau init", true)?;
    let changed = store.load_reference(&reference)?;
    let l = ctx.lang;
    let upgraded = store.upgraded_from();
    if let Some(from) = upgraded {
        let m = Command::InitUpgraded {
            from,
            to: crate::store::SCHEMA_VERSION,
        };
        println!("{}", m.text(l));
    }
    println!(
        "{}: {} ({} {}, {} {}, {} {}){}",
        Command::InitReady.text(l),
        ctx.db.display(),
        reference.regions.len(),
        Command::InitRegions.text(l),
        reference.stages.len(),
        Command::InitStages.text(l),
        reference.holidays.len(),
        Command::InitHolidays.text(l),
        if changed || upgraded.is_some() {
            String::new()
        } else {
            Command::InitUnchanged.text(l)
        },
    );
    Ok(())
}
