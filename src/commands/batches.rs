//! `pantau batches`: the recorded import batches, newest first.

use crate::commands::Context;
use crate::error::Result;

/// Prints one line per batch.
pub fn run(ctx: &Context) -> Result<()> {
    let store = ctx.open_for_reading()?;
    let l = ctx.lang;
    let batches = store.batches()?;
    if batches.is_empty() {
        println!("{}", l.pick("Belum ada batch.", "No batches yet."));
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
            l.pick("baru", "new"),
            b.rows_changed,
            l.pick("berubah", "changed"),
            b.rows_unchanged,
            l.pick("tetap", "unchanged"),
            b.rows_rejected,
            l.pick("ditolak", "rejected"),
        );
    }
    Ok(())
}
