//! The TUI's widgets, one per file, each drawing from explicit inputs into a `Buffer` so it can be
//! tested alone. None of them sees the app, the database or the clock.

pub mod ascii;
pub mod bar;
pub mod big_digits;
pub mod breadcrumb;
pub mod campaign_table;
pub mod case_table;
pub mod confirm;
pub mod count_panel;
pub mod detail;
pub mod error_box;
pub mod figure;
pub mod filter_bar;
pub mod footer;
pub mod format_bar;
pub mod header;
pub mod help;
pub mod region_table;
pub mod saved_views;
pub mod text;
pub mod tile_map;
pub mod timeline;
pub mod too_small;
pub mod week_chart;
