//! The `ftm_json` loader must not panic on any input.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    common::load_files(
        tamga_sources::Format::FtmJson,
        &[("entities.ftm.json", data)],
        false,
    );
});
