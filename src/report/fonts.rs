//! The fonts a report draws with, built into pantau: DejaVu Sans and DejaVu Sans Bold (free to
//! embed; assets/fonts/LICENSE.md). Holds bytes only: the chart and the printed report load them.

/// DejaVu Sans: Latin with every accent Indonesian names carry, digits, `·`, `–`, `…`.
pub const REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// DejaVu Sans Bold.
pub const BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");
