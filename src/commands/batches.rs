//! `pantau batches`: the recorded import batches, newest first.

use crate::commands::Context;
use crate::error::Result;
use crate::i18n::commands::Command;

/// Prints one line per batch.
pub fn run(ctx: &Context) -> Result<()> {
    let store = ctx.open_for_reading()?;
    let l = ctx.lang;
    let batches = store.batches()?;
    if batches.is_empty() {
        println!("{}", Command::BatchesNone.text(l));
    }
    // Names come from files and the system: made safe, and padded by terminal cells.
    use crate::text::pad_min;
    for b in batches {
        println!(
            "#{:<4} {:<8} {}  {} {} {} {}, {} {}, {} {}, {} {}",
            b.id,
            b.kind,
            b.imported_at,
            pad_min(&b.imported_by, 12),
            pad_min(&b.source_name, 30),
            b.rows_new,
            Command::New.text(l),
            b.rows_changed,
            Command::Changed.text(l),
            b.rows_unchanged,
            Command::Unchanged.text(l),
            b.rows_rejected,
            Command::Rejected.text(l),
        );
    }
    Ok(())
}
