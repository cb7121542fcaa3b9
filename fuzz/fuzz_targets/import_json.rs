//! Fuzz target: the JSON and JSON Lines importers (an odd first byte picks JSON Lines). The rest is
//! checked and written into an in-memory database in a transaction that is rolled back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pantau::import::Format;

mod common;

fuzz_target!(|data: &[u8]| {
    match data.split_first() {
        Some((b, rest)) if b % 2 == 1 => common::import(Format::Jsonl, "kiriman.jsonl", rest),
        Some((_, rest)) => common::import(Format::Json, "kiriman.json", rest),
        None => common::import(Format::Json, "kiriman.json", data),
    }
});
