//! `pantau report --format xlsx|png|svg|pdf`: the report's document written as a workbook, a chart
//! or the printed report. The document is made by `report::document`, encoded by `report::files`.

use crate::cli::{ChartChoice, ReportArgs, ReportFormat};
use crate::commands::Context;
use crate::error::Result;
use crate::report::document::Document;
use crate::report::files::{self, Format, Options, Pick};

/// The bytes of `doc` in the format `args` asks for.
pub(super) fn bytes(ctx: &Context, args: &ReportArgs, doc: &Document) -> Result<Vec<u8>> {
    let format = match args.format {
        ReportFormat::Png => Format::Png,
        ReportFormat::Svg => Format::Svg,
        ReportFormat::Pdf => Format::Pdf,
        _ => Format::Xlsx,
    };
    let options = Options {
        file: super::output_file(args.output.as_deref())
            .and_then(|p| p.file_name())
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default(),
        database: ctx.db.display().to_string(),
        pick: match args.chart {
            ChartChoice::Bars => Pick::Main,
            ChartChoice::Map => Pick::Map,
        },
        letterhead: ctx.config.letterhead.head(),
    };
    files::bytes(doc, format, &options)
}
