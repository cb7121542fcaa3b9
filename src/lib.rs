//! pantau: a terminal monitor of election-violation cases for Bawaslu Kalimantan Timur.
//! The library holds everything; the binary only parses the command line and hands off.
//!
//! Layers, from the bottom; a module imports its own layer and those below, never one above
//! (tests/architecture.rs checks it, and that src/tui and src/import have no import circle):
//! 0. `text`, `log`, `progress`, `fs_safe`, `fsread`, `error`, `i18n`: leaves.
//! 1. `domain`: regions, stages (the campaign stage), codes, deadlines, reference data, map tiles.
//! 2. `view`: the view-spec language.
//! 3. `store`: SQLite, the only writer of SQL with `engine/sql/`; baseline copies.
//! 4. `engine`: answers a view (counts, pages, the index, campaign figures).
//! 5. `import`, `demo`, `config` (config reads the TUI's key table and events only), `report`
//!    (the workbook, charts and printed report made from answered figures).
//! 6. `tui`: the interactive screen; each screen its own module under `tui/screens/`.
//! 7. `commands`, `cli`; then `main.rs`.

#![forbid(unsafe_code)]

pub mod cli;
pub mod commands;
pub mod config;
pub mod demo;
pub mod domain;
pub mod engine;
pub mod error;
pub mod fs_safe;
pub mod fsread;
pub mod i18n;
pub mod import;
pub mod log;
pub mod progress;
pub mod report;
pub mod store;
pub mod text;
pub mod tui;
pub mod view;

pub use error::{Error, Result};
