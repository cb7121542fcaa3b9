//! pantau: a terminal monitor of election-violation cases for Bawaslu Kalimantan Timur.
//! The library holds everything; the binary only parses the command line and hands off.

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
pub mod store;
pub mod text;
pub mod tui;
pub mod view;

pub use error::{Error, Result};
