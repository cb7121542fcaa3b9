//! `pantau batches`: the recorded import batches, newest first, each with what it loaded (cases
//! or campaign activities) and, for an import into a national roll-up, where it came from; as
//! lines or as JSON.

use serde::Serialize;

use crate::cli::{BatchesArgs, KegiatanFormat};
use crate::commands::Context;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::i18n::commands::Command;
use crate::i18n::national::National;
use crate::store::BatchInfo;

/// One batch as `--format json` prints it: the stored fields, and what it loaded in words.
#[derive(Serialize)]
struct BatchJson<'a> {
    #[serde(flatten)]
    batch: &'a BatchInfo,
    content_label: String,
}

/// Prints one line per batch, or all of them as JSON.
pub fn run(ctx: &Context, args: &BatchesArgs) -> Result<()> {
    let store = ctx.open_to_answer()?;
    let l = ctx.lang;
    let batches = store.batches()?;
    let content = |b: &BatchInfo| {
        Command::BatchContent {
            content: &b.content,
        }
        .text(l)
    };
    if args.format == KegiatanFormat::Json {
        let all: Vec<BatchJson<'_>> = batches
            .iter()
            .map(|b| BatchJson {
                batch: b,
                content_label: content(b),
            })
            .collect();
        let text = serde_json::to_string_pretty(&all).map_err(|e| {
            let m = Command::ExportEncode { error: &e };
            Error::failed(m.text(Lang::Id), m.text(Lang::En))
        })?;
        println!("{text}");
        return Ok(());
    }
    if batches.is_empty() {
        println!("{}", Command::BatchesNone.text(l));
    }
    // Names come from files and the system: made safe, and padded by terminal cells.
    use crate::text::pad_min;
    let width = ["cases", "activities"]
        .iter()
        .map(|c| crate::text::width(&Command::BatchContent { content: c }.text(l)))
        .max()
        .unwrap_or(0);
    for b in &batches {
        // Where an import into a national roll-up came from: `origin: 64 Kaltim`, each
        // province by its code and the short name officers use.
        let origin = b.origin.as_deref().map_or(String::new(), |o| {
            let named: Vec<String> = o
                .split(',')
                .map(str::trim)
                .map(|code| {
                    match crate::domain::wilayah::provinces()
                        .into_iter()
                        .find(|(c, _)| c == code)
                    {
                        Some((c, name)) => {
                            format!("{c} {}", crate::domain::wilayah::province_short(&c, &name))
                        }
                        None => code.to_string(),
                    }
                })
                .collect();
            format!(
                "  {}",
                crate::text::safe(
                    &National::OriginRecorded {
                        origin: &named.join(", ")
                    }
                    .text(l)
                )
            )
        });
        println!(
            "#{:<4} {:<8} {}  {} {} {} {} {}, {} {}, {} {}, {} {}{}",
            b.id,
            b.kind,
            b.imported_at,
            pad_min(&b.imported_by, 12),
            pad_min(&content(b), width),
            pad_min(&b.source_name, 30),
            crate::i18n::commands::count(l, b.rows_new),
            Command::New.text(l),
            crate::i18n::commands::count(l, b.rows_changed),
            Command::Changed.text(l),
            crate::i18n::commands::count(l, b.rows_unchanged),
            Command::Unchanged.text(l),
            crate::i18n::commands::count(l, b.rows_rejected),
            Command::Rejected.text(l),
            origin,
        );
    }
    Ok(())
}
