//! The OFAC legacy CSV loader must not panic on any input. The input is
//! split at `0xFF 0xFE` into sdn.csv, add.csv, alt.csv and sdn_comments.csv
//! so the joins between the files are exercised too.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let names = ["sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"];
    let parts = common::split(data, names.len());
    let files: Vec<(&str, &[u8])> = names.iter().copied().zip(parts).collect();
    common::load_files(tamga_sources::Format::OfacCsv, &files, true);
});
