//! The `ofac_advanced_xml` loader must not panic on any input.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    common::load_files(
        tamga_sources::Format::OfacAdvancedXml,
        &[("sdn_advanced.xml", data)],
        false,
    );
});
