//! A report as files that leave the meeting room: the workbook, the chart pictures and the printed
//! report, made from figures the engine has answered. Writes no file itself (callers write through
//! `fs_safe`) and asks the engine nothing: it shapes figures it is given.

pub mod build;
pub mod chart;
pub mod document;
pub mod files;
pub mod fonts;
mod map;
pub mod pdf;
mod pdf_content;
mod pdf_draw;
mod pdf_font;
mod pdf_layout;
mod pdf_table;
pub mod pekan;
mod table;
pub mod xlsx;

pub use table::Table;
