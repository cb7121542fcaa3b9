//! Fuzz target: the CSV importer. Any bytes are checked and written into an in-memory database
//! inside a transaction that is rolled back; problems are reported, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pantau::import::Format;

mod common;

fuzz_target!(|data: &[u8]| {
    common::import(Format::Csv, "kiriman.csv", data);
});
