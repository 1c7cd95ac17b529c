//! Custom CSV lists, on the real EveryPolitician Kazakhstan names file.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use tamga_model::{EntityKind, NameKind, Source};
use tamga_sources::custom::{load_with_mapping, ColumnMapping};
use tamga_sources::{detect_format, load, Format, ListSpec, LoadOptions};

const KZ: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/lists/pep/everypolitician_upstream_index/Kazakhstan/names.csv"
);

/// id → names, read with the csv crate directly.
fn independent() -> BTreeMap<String, BTreeSet<String>> {
    let mut reader = csv::Reader::from_path(KZ).unwrap();
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for row in reader.records() {
        let row = row.unwrap();
        out.entry(row[1].to_string())
            .or_default()
            .insert(row[0].trim().to_string());
    }
    out
}

#[test]
fn rows_sharing_an_id_form_one_entity() {
    assert_eq!(detect_format(KZ.as_ref()).unwrap(), Format::CustomCsv);
    let list = load(
        &ListSpec::parse(&format!("pep_kz={KZ}")),
        &LoadOptions::default(),
    )
    .unwrap();
    let expected = independent();
    assert_eq!(expected.len(), 171, "PROVENANCE.md figure");
    assert_eq!(list.entities.len(), expected.len());
    assert_eq!(list.meta.source, Source::Custom("pep_kz".into()));
    for e in &list.entities {
        assert_eq!(e.source, Source::Custom("pep_kz".into()));
        assert_eq!(e.id, format!("pep_kz:{}", e.source_id));
        let names: BTreeSet<String> = e.names.iter().map(|n| n.full.clone()).collect();
        assert_eq!(names, expected[&e.source_id], "{}", e.source_id);
        assert_eq!(e.names[0].kind, NameKind::Primary);
        assert!(e.names[1..].iter().all(|n| n.kind == NameKind::Aka));
        // names.mapping.json beside the file sets `default_kind: person`.
        assert_eq!(e.kind, EntityKind::Person);
    }
    let scripts: BTreeSet<String> = list
        .entities
        .iter()
        .flat_map(|e| e.names.iter().filter_map(|n| n.script.clone()))
        .collect();
    assert_eq!(
        scripts,
        ["Cyrl", "Latn"].iter().map(|s| s.to_string()).collect()
    );
}

#[test]
fn source_name_defaults_to_the_file_stem() {
    let list = load(&ListSpec::parse(KZ), &LoadOptions::default()).unwrap();
    assert_eq!(list.meta.source, Source::Custom("names".into()));
}

fn temp_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tamga-custom-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn other_layouts_load_through_a_mapping_file() {
    // The same real rows, re-laid out with different headers, a semicolon
    // delimiter and an extra column; a mapping file next to it.
    let dir = temp_dir();
    let csv_path = dir.join("kz_members.csv");
    let mut text = String::from("full_name;person_uuid;chamber\n");
    let mut reader = csv::Reader::from_path(KZ).unwrap();
    for row in reader.records() {
        let row = row.unwrap();
        text.push_str(&format!("{};{};Mazhilis\n", &row[0], &row[1]));
    }
    std::fs::write(&csv_path, text).unwrap();
    std::fs::write(
        dir.join("kz_members.mapping.json"),
        r#"{"id": "person_uuid", "name": "full_name", "delimiter": ";", "default_kind": "person"}"#,
    )
    .unwrap();
    assert_eq!(detect_format(&csv_path).unwrap(), Format::CustomCsv);
    let mapped = load(
        &ListSpec::parse(csv_path.to_str().unwrap()),
        &LoadOptions::default(),
    )
    .unwrap();
    let plain = load(&ListSpec::parse(KZ), &LoadOptions::default()).unwrap();
    assert_eq!(mapped.entities.len(), plain.entities.len());
    for (a, b) in mapped.entities.iter().zip(&plain.entities) {
        assert_eq!(a.source_id, b.source_id);
        assert_eq!(a.names, b.names);
        assert_eq!(a.kind, EntityKind::Person);
        assert_eq!(a.properties["chamber"], vec!["Mazhilis".to_string()]);
    }
    // The same mapping given explicitly.
    let mapping = ColumnMapping::from_file(&dir.join("kz_members.mapping.json")).unwrap();
    let explicit =
        load_with_mapping(&csv_path, Some("kz"), &mapping, &LoadOptions::default()).unwrap();
    assert_eq!(explicit.entities.len(), plain.entities.len());
    std::fs::remove_dir_all(&dir).unwrap();
}
