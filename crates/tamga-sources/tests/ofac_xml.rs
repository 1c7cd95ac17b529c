//! The OFAC XML loader (sdn.xml schema) on the bundled CONSOLIDATED.XML.
//! Expected values are counted here from the raw XML text.

use std::path::{Path, PathBuf};
use tamga_model::{BirthDate, EntityKind, NameKind, NameQuality, Source};
use tamga_sources::{load_as, Format, ListSpec, LoadOptions, Location};

const FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/lists/ofac/consolidated_xml_2026-01-08/CONSOLIDATED.XML"
);

fn load(path: &Path, lenient: bool) -> Result<tamga_model::EntityList, tamga_sources::LoadError> {
    load_as(
        Format::OfacXml,
        &ListSpec {
            name: None,
            path: PathBuf::from(path),
        },
        &LoadOptions { lenient },
    )
}

fn count(text: &str, needle: &str) -> usize {
    text.matches(needle).count()
}

#[test]
fn consolidated_xml_matches_independent_counts() {
    let text = std::fs::read_to_string(FILE).expect("read");
    let list = load(Path::new(FILE), false).expect("loads");
    assert_eq!(list.meta.source, Source::UsOfacCons);
    assert_eq!(list.meta.format, "ofac_xml");
    assert_eq!(list.meta.published.as_deref(), Some("2026-01-08"));
    assert_eq!(count(&text, "<sdnEntry>"), 442);
    assert_eq!(list.entities.len(), count(&text, "<sdnEntry>"));
    assert!(list
        .entities
        .iter()
        .all(|e| e.id.starts_with("us_ofac_cons:")));

    let persons = list
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .count();
    assert_eq!(persons, count(&text, "<sdnType>Individual</sdnType>"));

    let aliases: Vec<_> = list
        .entities
        .iter()
        .flat_map(|e| &e.names)
        .filter(|n| n.kind != NameKind::Primary)
        .collect();
    assert_eq!(aliases.len(), count(&text, "<aka>"));
    let weak = aliases
        .iter()
        .filter(|n| n.quality == NameQuality::Weak)
        .count();
    assert_eq!(weak, count(&text, "<category>weak</category>"));
    let fka = aliases.iter().filter(|n| n.kind == NameKind::Fka).count();
    assert_eq!(fka, count(&text, "<type>f.k.a.</type>"));

    // Distinct dates per entry: `<dateOfBirth>` items plus Organization
    // Established Date ids (incorporation dates). Entry 17016 publishes the
    // same established date twice; the model keeps it once.
    let expected_dates: usize = text
        .split("<sdnEntry>")
        .skip(1)
        .map(|entry| {
            let mut dates = std::collections::HashSet::new();
            for piece in entry.split("<dateOfBirth>").skip(1) {
                dates.insert(piece.split('<').next().unwrap_or_default().to_string());
            }
            for piece in entry
                .split("<idType>Organization Established Date</idType>")
                .skip(1)
            {
                let number = piece.split("<idNumber>").nth(1).unwrap_or_default();
                dates.insert(number.split('<').next().unwrap_or_default().to_string());
            }
            dates.len()
        })
        .sum();
    let dobs: usize = list.entities.iter().map(|e| e.birth_dates.len()).sum();
    assert_eq!(dobs, expected_dates);

    let programs: usize = list.entities.iter().map(|e| e.programs.len()).sum();
    assert_eq!(programs, count(&text, "<program>"));
}

#[test]
fn first_entry_is_read_field_by_field() {
    let list = load(Path::new(FILE), false).expect("loads");
    let e = &list.entities[0];
    assert_eq!(e.id, "us_ofac_cons:9639");
    assert_eq!(e.caption(), "HANIYA, Ismail Abdul Salah");
    assert_eq!(e.programs, vec!["NS-PLC"]);
    assert_eq!(e.birth_dates, vec![BirthDate::Year { year: 1962 }]);
    assert_eq!(e.birth_places, vec!["Shati"]);
    assert_eq!(e.names.len(), 3);
    // Linked To in XML remarks, "(Linked To: HAMAS)".
    let linked = list
        .entities
        .iter()
        .find(|e| e.remarks.as_deref() == Some("(Linked To: HAMAS)"))
        .expect("entry with link");
    assert_eq!(
        linked.relationships[0].target_name.as_deref(),
        Some("HAMAS")
    );
}

#[test]
fn ids_in_the_xml_become_identifiers_with_country() {
    let list = load(Path::new(FILE), false).expect("loads");
    let tax_ids: Vec<_> = list
        .entities
        .iter()
        .flat_map(|e| &e.identifiers)
        .filter(|i| i.id_type == "tax_id")
        .collect();
    let text = std::fs::read_to_string(FILE).expect("read");
    assert_eq!(tax_ids.len(), count(&text, "<idType>Tax ID No.</idType>"));
    assert!(tax_ids
        .iter()
        .any(|i| i.country.as_deref() == Some("Russia")));
}

#[test]
fn truncated_xml_fails_with_element_path() {
    let bytes = std::fs::read(FILE).expect("read");
    let tmp = tempfile::tempdir().expect("tempdir");
    let cut = tmp.path().join("CONSOLIDATED.XML");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).expect("write");
    for lenient in [false, true] {
        let err = load(&cut, lenient).expect_err("truncated");
        match &err.location {
            Location::Element { path, .. } => {
                assert!(path.starts_with("sdnList/sdnEntry"), "{err}")
            }
            other => panic!("unexpected location {other:?}"),
        }
    }
}

#[test]
fn duplicate_uid_is_an_error_or_a_warning() {
    let text = std::fs::read_to_string(FILE).expect("read");
    let start = text.find("<sdnEntry>").expect("entry");
    let end = text.find("</sdnEntry>").expect("end") + "</sdnEntry>".len();
    let doubled = format!("{}{}{}", &text[..end], &text[start..end], &text[end..]);
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = tmp.path().join("CONSOLIDATED.XML");
    std::fs::write(&file, doubled).expect("write");
    let err = load(&file, false).expect_err("duplicate");
    assert!(err.message.contains("duplicate uid 9639"), "{err}");
    let list = load(&file, true).expect("lenient");
    assert_eq!(list.entities.len(), 442);
    // The skipped duplicate also makes Record_Count disagree: two warnings.
    assert_eq!(list.meta.warnings.len(), 2, "{:?}", list.meta.warnings);
}
