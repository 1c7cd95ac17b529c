//! Damaged copies of real lists: every failure names the file and where,
//! nothing partial is returned, and lenient mode skips bad *records* only.

use std::path::{Path, PathBuf};
use tamga_sources::{load, ListSpec, LoadError, LoadOptions, Location};

fn data(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../data/lists")
        .join(rel)
}

const UN: &str = "un/2026-02-27/consolidated.xml";
const ZALA: &str = "opensanctions/ftm/zala.entities.ftm.json";
const KZ: &str = "pep/everypolitician_upstream_index/Kazakhstan/names.csv";

fn temp(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tamga-bad-input-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn strict() -> LoadOptions {
    LoadOptions { lenient: false }
}

fn lenient() -> LoadOptions {
    LoadOptions { lenient: true }
}

fn load_path(path: &Path, options: &LoadOptions) -> Result<tamga_model::EntityList, LoadError> {
    load(&ListSpec::parse(path.to_str().unwrap()), options)
}

fn replace_once(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "fixture changed: {from:?} not found");
    text.replacen(from, to, 1)
}

#[test]
fn truncated_xml_fails_even_when_lenient() {
    for rel in [
        UN,
        "eu/fsf_excerpt_2026-08-05/sample_eu_fsf.EXCERPT.xml",
        "canada/sema_2025-05/sema_consolidated.xml",
        "uk/fcdo_uk_sanctions_list_xml_excerpt_2026-09-10/sample_uk_sanctions.EXCERPT.xml",
    ] {
        let bytes = std::fs::read(data(rel)).unwrap();
        // Cut at a character boundary in the middle.
        let mut cut = bytes.len() / 2;
        while std::str::from_utf8(&bytes[..cut]).is_err() {
            cut -= 1;
        }
        let name = format!("truncated-{}", rel.rsplit('/').next().unwrap());
        let path = temp(&name, &bytes[..cut]);
        for options in [strict(), lenient()] {
            let err = load_path(&path, &options).unwrap_err();
            let text = err.to_string();
            assert!(text.contains(&name), "{text}");
            assert!(matches!(err.location, Location::Element { .. }), "{text}");
        }
    }
}

#[test]
fn malformed_xml_names_byte_offset_and_element() {
    let text = std::fs::read_to_string(data(UN)).unwrap();
    let broken = replace_once(&text, "</SECOND_NAME>", "</SECOND_NAMX>");
    let path = temp("mismatched.xml", broken.as_bytes());
    let err = load_path(&path, &lenient()).unwrap_err();
    let shown = err.to_string();
    assert!(shown.contains("mismatched.xml at byte"), "{shown}");
    assert!(shown.contains("INDIVIDUAL/SECOND_NAME"), "{shown}");
    let Location::Element { offset, .. } = err.location else {
        panic!("{shown}")
    };
    let first = text.find("</SECOND_NAME>").unwrap() as u64;
    assert!(
        offset >= first && offset < first + 40,
        "{offset} vs {first}"
    );
}

#[test]
fn invalid_utf8_in_xml_is_an_error() {
    let text = std::fs::read_to_string(data(UN)).unwrap();
    // Near the start, format detection already refuses it, naming the line.
    let at = text.find("<FIRST_NAME>ERIC").unwrap() + "<FIRST_NAME>".len();
    let mut bytes = text.clone().into_bytes();
    bytes[at] = 0xFF;
    let path = temp("bad-utf8-early.xml", &bytes);
    let err = load_path(&path, &lenient()).unwrap_err().to_string();
    assert!(
        err.contains("bad-utf8-early.xml:7") && err.contains("UTF-8"),
        "{err}"
    );
    // Further in, the loader refuses it, naming the byte and element.
    let at = text[1_000_000..].find("<FIRST_NAME>").unwrap() + 1_000_000 + "<FIRST_NAME>".len();
    let mut bytes = text.into_bytes();
    bytes[at] = 0xFF;
    let path = temp("bad-utf8.xml", &bytes);
    let err = load_path(&path, &lenient()).unwrap_err().to_string();
    assert!(
        err.contains("bad-utf8.xml at byte") && err.contains("UTF-8"),
        "{err}"
    );
    assert!(err.contains("FIRST_NAME"), "{err}");
}

#[test]
fn duplicate_records_fail_strict_and_are_skipped_lenient() {
    let text = std::fs::read_to_string(data(UN)).unwrap();
    let start = text.find("<INDIVIDUAL>").unwrap();
    let end = text.find("</INDIVIDUAL>").unwrap() + "</INDIVIDUAL>".len();
    let record = &text[start..end];
    let mut doubled = text.clone();
    doubled.insert_str(end, &format!("\n    {record}"));
    let path = temp("duplicate.xml", doubled.as_bytes());
    let err = load_path(&path, &strict()).unwrap_err().to_string();
    assert!(err.contains("duplicate.xml at byte"), "{err}");
    assert!(err.contains("duplicate DATAID 6907993"), "{err}");
    assert!(err.contains("INDIVIDUAL[2]"), "{err}");
    let list = load_path(&path, &lenient()).unwrap();
    assert_eq!(list.entities.len(), 1003);
    assert_eq!(list.meta.warnings.len(), 1);
    assert!(list.meta.warnings[0].contains("duplicate DATAID"));
}

#[test]
fn a_record_without_id_fails_strict_and_is_skipped_lenient() {
    let text = std::fs::read_to_string(data(UN)).unwrap();
    let broken = replace_once(&text, "<DATAID>6907994</DATAID>", "");
    let path = temp("no-id.xml", broken.as_bytes());
    let err = load_path(&path, &strict()).unwrap_err().to_string();
    assert!(
        err.contains("no-id.xml") && err.contains("INDIVIDUAL[2]/DATAID"),
        "{err}"
    );
    let list = load_path(&path, &lenient()).unwrap();
    assert_eq!(list.entities.len(), 1002);
    assert_eq!(list.meta.warnings.len(), 1);
}

#[test]
fn ftm_bad_lines_name_their_line() {
    let text = std::fs::read_to_string(data(ZALA)).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    // Line 5 corrupted: a brace dropped.
    let mut corrupted: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    corrupted[4] = corrupted[4].replacen('{', "", 1);
    let path = temp("corrupt.ftm.json", (corrupted.join("\n") + "\n").as_bytes());
    let err = load_path(&path, &strict()).unwrap_err().to_string();
    assert!(err.contains("corrupt.ftm.json:5"), "{err}");
    let list = load_path(&path, &lenient()).unwrap();
    assert_eq!(list.meta.warnings.len(), 1);

    // Truncated mid-line: fails even lenient.
    let cut = text.len() - 200;
    let path = temp("truncated.ftm.json", &text.as_bytes()[..cut]);
    let err = load_path(&path, &lenient()).unwrap_err().to_string();
    assert!(
        err.contains(&format!("truncated.ftm.json:{}", lines.len())),
        "{err}"
    );
    assert!(err.contains("truncated"), "{err}");

    // Duplicate line.
    let dup = format!("{text}{}\n", lines[0]);
    let path = temp("dup.ftm.json", dup.as_bytes());
    let err = load_path(&path, &strict()).unwrap_err().to_string();
    assert!(
        err.contains(&format!("dup.ftm.json:{}", lines.len() + 1)),
        "{err}"
    );
    assert!(err.contains("duplicate id"), "{err}");
    let list = load_path(&path, &lenient()).unwrap();
    assert_eq!(list.meta.warnings.len(), 1);

    // Invalid UTF-8 on line 2.
    let mut bytes = text.clone().into_bytes();
    let at = text.find('\n').unwrap() + 10;
    bytes[at] = 0xC0;
    let path = temp("latin.ftm.json", &bytes);
    let err = load_path(&path, &lenient()).unwrap_err().to_string();
    assert!(
        err.contains("latin.ftm.json:2") && err.contains("UTF-8"),
        "{err}"
    );
}

#[test]
fn custom_csv_errors_name_their_line() {
    let text = std::fs::read_to_string(data(KZ)).unwrap();
    // Line 4 loses its id.
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let name = lines[3].split(',').next().unwrap().to_string();
    lines[3] = format!("{name},");
    let path = temp("no-id.csv", (lines.join("\n") + "\n").as_bytes());
    let err = load_path(&path, &strict()).unwrap_err().to_string();
    assert!(
        err.contains("no-id.csv:4") && err.contains("without id"),
        "{err}"
    );
    let list = load_path(&path, &lenient()).unwrap();
    assert_eq!(list.meta.warnings.len(), 1);

    // Invalid UTF-8 after the sniffed prefix (line 300): still an error.
    let mut bytes = text.clone().into_bytes();
    let at = text.match_indices('\n').nth(298).unwrap().0 + 1;
    bytes[at] = 0xFF;
    let path = temp("late-latin.csv", &bytes);
    let err = load_path(&path, &lenient()).unwrap_err().to_string();
    assert!(
        err.contains("late-latin.csv:300") && err.contains("UTF-8"),
        "{err}"
    );
}

#[test]
fn empty_files_are_errors() {
    let path = temp("empty.csv", b"");
    let err = load_path(&path, &lenient()).unwrap_err().to_string();
    assert!(err.contains("empty.csv") && err.contains("empty"), "{err}");
}

#[test]
fn ofsi_csv_row_without_group_id_names_its_line() {
    use calamine::{open_workbook, Reader, Xlsx};
    // The real ConList rows as CSV, with the Group ID of line 5 blanked.
    let mut wb: Xlsx<_> = open_workbook(data("uk/ofsi_conlist_2025-04-14/ConList.xlsx")).unwrap();
    let range = wb.worksheet_range("Data").unwrap();
    let rows: Vec<Vec<String>> = range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    let gid = rows[1].iter().position(|h| h == "Group ID").unwrap();
    let mut writer = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    for (i, row) in rows.iter().enumerate() {
        let mut row = row.clone();
        if i == 4 {
            row[gid].clear();
        }
        writer.write_record(&row).unwrap();
    }
    let path = temp("conlist-no-group.csv", &writer.into_inner().unwrap());
    let err = load_path(&path, &strict()).unwrap_err().to_string();
    assert!(
        err.contains("conlist-no-group.csv:5") && err.contains("Group ID"),
        "{err}"
    );
    let list = load_path(&path, &lenient()).unwrap();
    assert_eq!(list.meta.warnings.len(), 1);
    assert_eq!(list.meta.format, "uk_ofsi_csv");
}

#[test]
fn duplicated_canada_record_is_reported() {
    let text = std::fs::read_to_string(data("canada/sema_2025-05/sema_consolidated.xml")).unwrap();
    let start = text.find("<record>").unwrap();
    let end = text.find("</record>").unwrap() + "</record>".len();
    let mut doubled = text.clone();
    doubled.insert_str(end, &text[start..end]);
    let path = temp("sema-dup.xml", doubled.as_bytes());
    let err = load_path(&path, &strict()).unwrap_err().to_string();
    assert!(
        err.contains("sema-dup.xml at byte") && err.contains("record[2]"),
        "{err}"
    );
    assert!(
        err.contains("duplicate record id belarus/1-part-1/1"),
        "{err}"
    );
    let list = load_path(&path, &lenient()).unwrap();
    assert_eq!(list.entities.len(), 4759);
    assert_eq!(list.meta.warnings.len(), 1);
}
