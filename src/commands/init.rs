//! `pantau init`: the schema and the reference data, idempotent.

use crate::cli::InitArgs;
use crate::commands::Context;
use crate::domain::Reference;
use crate::error::Result;

/// Creates or brings up to date the database and its reference data.
pub fn run(ctx: &Context, args: &InitArgs) -> Result<()> {
    let reference = match &args.reference {
        Some(dir) => Reference::from_dir(dir)?,
        None => Reference::embedded(),
    };
    let mut store = ctx.open_for_writing("pantau init", true)?;
    let changed = store.load_reference(&reference)?;
    let l = ctx.lang;
    println!(
        "{}: {} ({} {}, {} {}, {} {}){}",
        l.pick("Database siap", "Database ready"),
        ctx.db.display(),
        reference.regions.len(),
        l.pick("wilayah", "regions"),
        reference.stages.len(),
        l.pick("tahapan", "stages"),
        reference.holidays.len(),
        l.pick("hari libur", "holidays"),
        if changed {
            ""
        } else {
            l.pick(" — tidak ada perubahan", " — nothing changed")
        },
    );
    Ok(())
}
