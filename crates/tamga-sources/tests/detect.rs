//! Format detection from content, on every bundled real file.

use std::path::{Path, PathBuf};
use tamga_sources::{detect_format, Format};

fn data(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../data/lists")
        .join(rel)
}

#[test]
fn every_bundled_publication_is_recognised() {
    let cases = [
        ("ofac/sdn_2023-12-28", Format::OfacCsv),
        ("ofac/consolidated_2025-12", Format::OfacCsv),
        ("ofac/sdn_2024-05-03/sdn.csv", Format::OfacCsv),
        (
            "ofac/consolidated_xml_2026-01-08/CONSOLIDATED.XML",
            Format::OfacXml,
        ),
        (
            "ofac/cons_advanced_2020-03-17/cons_advanced.xml",
            Format::OfacAdvancedXml,
        ),
        ("un/2026-02-27/consolidated.xml", Format::UnXml),
        (
            "eu/fsf_excerpt_2026-08-05/sample_eu_fsf.EXCERPT.xml",
            Format::EuFsfXml,
        ),
        (
            "uk/ofsi_conlist_2025-04-14/ConList.xlsx",
            Format::UkOfsiXlsx,
        ),
        (
            "uk/fcdo_uk_sanctions_list_xml_excerpt_2026-09-10/sample_uk_sanctions.EXCERPT.xml",
            Format::UkFcdoXml,
        ),
        (
            "canada/sema_2025-05/sema_consolidated.xml",
            Format::CaSemaXml,
        ),
        ("opensanctions/ftm/zala.entities.ftm.json", Format::FtmJson),
        (
            "opensanctions/ftm/parteispenden.entities.ftm.json",
            Format::FtmJson,
        ),
        (
            "pep/everypolitician_upstream_index/Kazakhstan/names.csv",
            Format::CustomCsv,
        ),
        (
            "pep/everypolitician_2015-11-30/Uzbekistan/names.csv",
            Format::CustomCsv,
        ),
    ];
    for (rel, expected) in cases {
        assert_eq!(detect_format(&data(rel)).unwrap(), expected, "{rel}");
    }
}

fn temp(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tamga-detect-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn the_file_name_does_not_matter() {
    // The real UN list saved under a misleading name is still UN XML.
    let bytes = std::fs::read(data("un/2026-02-27/consolidated.xml")).unwrap();
    let path = temp("sdn.csv", &bytes);
    assert_eq!(detect_format(&path).unwrap(), Format::UnXml);
}

#[test]
fn unknown_content_is_an_error_naming_the_file_and_what_was_seen() {
    // A real CSV that is no list by itself: OFAC's address file.
    let add = data("ofac/sdn_2023-12-28/add.csv");
    let err = detect_format(&add).unwrap_err().to_string();
    assert!(err.contains("add.csv:1"), "{err}");
    assert!(err.contains("unrecognised list format"), "{err}");
    // A real JSON that is not FtM (Popolo).
    let popolo = data("pep/everypolitician_2015-11-30/Kazakhstan/ep-popolo-v1.0.json");
    let err = detect_format(&popolo).unwrap_err().to_string();
    assert!(err.contains("ep-popolo-v1.0.json"), "{err}");
    // PROVENANCE.md is not a list.
    let err = detect_format(&data("PROVENANCE.md"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("PROVENANCE.md"), "{err}");
    // A directory without an OFAC set.
    let err = detect_format(&data("pep")).unwrap_err().to_string();
    assert!(err.contains("no OFAC CSV set"), "{err}");
}

#[test]
fn empty_and_non_utf8_files_are_errors() {
    let empty = temp("empty.xml", b"");
    let err = detect_format(&empty).unwrap_err().to_string();
    assert!(err.contains("empty.xml") && err.contains("empty"), "{err}");
    // Real Kazakhstan names with a Latin-1 byte injected on line 3.
    let mut bytes = std::fs::read(data(
        "pep/everypolitician_upstream_index/Kazakhstan/names.csv",
    ))
    .unwrap();
    let third_line = bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .nth(1)
        .unwrap()
        .0
        + 1;
    bytes[third_line] = 0xE9;
    let path = temp("latin1.csv", &bytes);
    let err = detect_format(&path).unwrap_err().to_string();
    assert!(
        err.contains("latin1.csv:3") && err.contains("UTF-8"),
        "{err}"
    );
}
