//! UN SC consolidated list loader, checked against the real bundled file.

mod common;

use common::count_names;
use quick_xml::events::Event;
use std::collections::HashMap;
use std::path::Path;
use tamga_model::{BirthDate, EntityKind, NameKind, NameQuality, Source};
use tamga_sources::{load, ListSpec, LoadOptions};

const UN: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/lists/un/2026-02-27/consolidated.xml"
);

/// Counts start tags by local name with a plain quick-xml pass, independent of
/// the loader.
fn count_elements(path: &str) -> HashMap<String, usize> {
    let mut reader = quick_xml::Reader::from_file(Path::new(path)).unwrap();
    let mut buf = Vec::new();
    let mut counts = HashMap::new();
    loop {
        match reader.read_event_into(&mut buf).unwrap() {
            Event::Start(e) | Event::Empty(e) => {
                let name = String::from_utf8(e.local_name().as_ref().to_vec()).unwrap();
                *counts.entry(name).or_insert(0) += 1;
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    counts
}

#[test]
fn loads_every_individual_and_entity() {
    let list = load(&ListSpec::parse(UN), &LoadOptions::default()).unwrap();
    let counts = count_elements(UN);
    let persons = list
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .count();
    let orgs = list
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Organization)
        .count();
    assert_eq!(persons, counts["INDIVIDUAL"]);
    assert_eq!(orgs, counts["ENTITY"]);
    assert_eq!((persons, orgs), (730, 273), "PROVENANCE.md figures");
    assert_eq!(list.meta.source, Source::UnSc);
    assert_eq!(list.meta.format, "un_xml");
    assert_eq!(list.meta.published.as_deref(), Some("2026-02-27"));
    assert!(list.meta.warnings.is_empty());
    assert_eq!(
        list.meta.sha256,
        "66b392a4090868d2d39161e8d748efd39138377b0e6e60b7921aa67a4f99c8bf"
    );
    assert!(list
        .entities
        .iter()
        .all(|e| e.id == format!("un_sc:{}", e.source_id)));
}

#[test]
fn every_alias_and_original_script_name_is_kept() {
    let list = load(&ListSpec::parse(UN), &LoadOptions::default()).unwrap();
    // Independent count: non-empty ALIAS_NAME texts and NAME_ORIGINAL_SCRIPT
    // texts, as distinct (DATAID, text) pairs, since the loader dedups names.
    let text = std::fs::read_to_string(UN).unwrap();
    let mut reader = quick_xml::Reader::from_str(&text);
    let mut current = String::new();
    let mut id = String::new();
    let mut pairs = std::collections::HashSet::new();
    let mut weak = std::collections::HashSet::new();
    let mut quality = String::new();
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) => current = String::from_utf8(e.name().as_ref().to_vec()).unwrap(),
            Event::Text(t) => {
                let t = t.unescape().unwrap().trim().to_string();
                match current.as_str() {
                    "DATAID" => id = t,
                    "QUALITY" => quality = t,
                    "ALIAS_NAME" if !t.is_empty() => {
                        // One field may hold several spellings separated by semicolons.
                        for piece in t.split(';').map(str::trim).filter(|p| !p.is_empty()) {
                            if quality == "Low" {
                                weak.insert((id.clone(), piece.to_string()));
                            }
                            pairs.insert((id.clone(), piece.to_string()));
                        }
                    }
                    // An entity's FIRST_NAME listing two names: the later ones are aliases.
                    "FIRST_NAME" if t.contains(';') => {
                        for piece in t
                            .split(';')
                            .map(str::trim)
                            .filter(|p| !p.is_empty())
                            .skip(1)
                        {
                            pairs.insert((id.clone(), piece.to_string()));
                        }
                    }
                    "NAME_ORIGINAL_SCRIPT" if !t.is_empty() => {
                        pairs.insert((id.clone(), t));
                    }
                    _ => {}
                }
            }
            Event::End(_) => current.clear(),
            Event::Eof => break,
            _ => {}
        }
    }
    let mut loaded = std::collections::HashSet::new();
    let mut loaded_weak = std::collections::HashSet::new();
    for e in &list.entities {
        for n in e.names.iter().filter(|n| n.kind != NameKind::Primary) {
            loaded.insert((e.source_id.clone(), n.full.clone()));
            if n.quality == NameQuality::Weak {
                loaded_weak.insert((e.source_id.clone(), n.full.clone()));
            }
        }
    }
    assert_eq!(loaded, pairs);
    assert_eq!(loaded_weak, weak);
    let arabic = count_names(&list, |n| {
        n.kind == NameKind::OriginalScript && n.script.as_deref() == Some("Arab")
    });
    assert!(
        arabic > 100,
        "original-script names are mostly Arabic: {arabic}"
    );
}

#[test]
fn birth_dates_keep_their_published_precision() {
    let list = load(&ListSpec::parse(UN), &LoadOptions::default()).unwrap();
    let all: Vec<&BirthDate> = list.entities.iter().flat_map(|e| &e.birth_dates).collect();
    let ranges = all
        .iter()
        .filter(|d| matches!(d, BirthDate::Range { .. }))
        .count();
    let approx = all
        .iter()
        .filter(|d| matches!(d, BirthDate::Approximate { .. }))
        .count();
    let text = std::fs::read_to_string(UN).unwrap();
    // Every BETWEEN date has FROM_YEAR and TO_YEAR in this file.
    assert_eq!(ranges, text.matches("<TYPE_OF_DATE>BETWEEN<").count());
    assert!(approx > 0 && approx <= text.matches("<TYPE_OF_DATE>APPROXIMATELY<").count());
    assert!(list
        .entities
        .iter()
        .all(|e| !e.properties.contains_key("birth_date_unparsed")));
    let badege = list
        .entities
        .iter()
        .find(|e| e.source_id == "6907993")
        .unwrap();
    assert_eq!(badege.caption(), "ERIC BADEGE");
    assert_eq!(badege.birth_dates, vec![BirthDate::Year { year: 1971 }]);
    assert_eq!(badege.gender.as_deref(), Some("male"));
    assert_eq!(
        badege.programs,
        vec!["DRC".to_string(), "CDi.001".to_string()]
    );
    assert_eq!(badege.listed_on.as_deref(), Some("2012-12-31"));
    assert!(badege
        .remarks
        .as_deref()
        .unwrap()
        .starts_with("He fled to Rwanda"));
}

#[test]
fn documents_become_identifiers() {
    let list = load(&ListSpec::parse(UN), &LoadOptions::default()).unwrap();
    let text = std::fs::read_to_string(UN).unwrap();
    let numbers = text.matches("<NUMBER>").count();
    let ids: usize = list.entities.iter().map(|e| e.identifiers.len()).sum();
    assert_eq!(ids, numbers);
    let passports = list
        .entities
        .iter()
        .flat_map(|e| &e.identifiers)
        .filter(|i| i.id_type == "passport")
        .count();
    assert!(passports >= 300, "{passports}");
}

#[test]
fn an_alias_field_with_several_spellings_gives_a_name_each() {
    let list = load(&ListSpec::parse(UN), &LoadOptions::default()).unwrap();
    // IRi.003 publishes `Azim Adhajani; Azim Agha-Jani` in one ALIAS_NAME.
    let entity = list
        .entities
        .iter()
        .find(|e| e.source_id == "110444")
        .expect("DATAID 110444 is in the bundled list");
    let names: Vec<&str> = entity.names.iter().map(|n| n.full.as_str()).collect();
    assert!(names.contains(&"Azim Adhajani"), "{names:?}");
    assert!(names.contains(&"Azim Agha-Jani"), "{names:?}");
    assert!(names.iter().all(|n| !n.contains(';')), "{names:?}");
    assert!(entity
        .properties
        .get("alias_name_as_published")
        .is_some_and(|v| v.iter().any(|s| s == "Azim Adhajani; Azim Agha-Jani")));
    // No loaded name anywhere keeps the separator.
    assert!(list
        .entities
        .iter()
        .flat_map(|e| &e.names)
        .all(|n| !n.full.contains(';')));
}
