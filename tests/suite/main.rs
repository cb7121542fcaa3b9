//! pantau's integration tests, linked into one binary: one module per area (named after the file it
//! is in, e.g. `cli::...`, `tui_pty::...`), and the helpers they share. Every run of the binary
//! starts from the environment of `sealed`, never from the machine's own setup.
//!
//! A new area is a file beside this one and one `mod` line below, in order.

mod demo_support;
mod import_support;
mod pdf_support;
mod sealed;
mod trust_support;
mod tui_support;

mod architecture;
mod area;
mod asof;
mod catalogue_commands;
mod catalogue_core;
mod cli;
mod cli_views;
mod config;
mod config_save;
mod config_tui;
mod demo_figures;
mod demo_pilkada;
mod doctor;
mod election_rules;
mod hostile_input;
mod import_concurrency;
mod import_elections;
mod import_errors;
mod import_followups;
mod import_roundtrip;
mod import_wilayah;
mod index;
mod init_elections;
mod kegiatan;
mod lang_errors;
mod national;
mod office_files;
mod offices;
mod oracle;
mod packaging;
mod pekan;
mod recap;
mod rekap;
mod report_elections;
mod report_pdf;
mod report_wilayah;
mod report_xlsx;
mod shared_files;
mod shared_host;
mod shared_readers;
mod shared_review;
mod shared_state;
mod simulate;
mod store;
mod store_upgrade;
mod terminal;
mod text_width;
mod themes;
mod themes_pty;
mod trust_backup;
mod trust_check;
mod trust_files;
mod trust_fuzz;
mod trust_text;
mod trust_tui;
mod tui_baseline;
mod tui_elections;
mod tui_meeting;
mod tui_nav;
mod tui_pty;
mod tui_regions;
mod tui_report;
mod tui_screens;
mod tui_state;
mod view_elections;
