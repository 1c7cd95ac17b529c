//! Canada SEMA loader on the real bundled list.

mod common;

use common::count_names;
use std::collections::HashSet;
use tamga_model::{EntityKind, Source};
use tamga_sources::{detect_format, load, Format, ListSpec, LoadOptions};

const SEMA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/lists/canada/sema_2025-05/sema_consolidated.xml"
);

/// Per record: which of GivenName/LastName, EntityOrShip, ShipIMONumber it
/// has, read with a plain quick-xml pass.
fn independent() -> Vec<HashSet<String>> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_file(SEMA).unwrap();
    let mut buf = Vec::new();
    let mut records = Vec::new();
    let mut current: Option<HashSet<String>> = None;
    loop {
        match reader.read_event_into(&mut buf).unwrap() {
            Event::Start(e) => {
                let name = String::from_utf8(e.name().as_ref().to_vec()).unwrap();
                if name == "record" {
                    current = Some(HashSet::new());
                } else if let Some(fields) = current.as_mut() {
                    fields.insert(name);
                }
            }
            Event::End(e) if e.name().as_ref() == b"record" => {
                records.push(current.take().unwrap());
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    records
}

#[test]
fn loads_every_record_with_its_kind() {
    assert_eq!(detect_format(SEMA.as_ref()).unwrap(), Format::CaSemaXml);
    let list = load(&ListSpec::parse(SEMA), &LoadOptions::default()).unwrap();
    let records = independent();
    assert_eq!(records.len(), 4759, "PROVENANCE.md figure");
    assert_eq!(list.entities.len(), records.len());
    let persons = records
        .iter()
        .filter(|r| r.contains("GivenName") || r.contains("LastName"))
        .count();
    let ships = records
        .iter()
        .filter(|r| {
            !r.contains("GivenName") && !r.contains("LastName") && r.contains("ShipIMONumber")
        })
        .count();
    let count = |k: EntityKind| list.entities.iter().filter(|e| e.kind == k).count();
    assert_eq!(count(EntityKind::Person), persons);
    assert_eq!(count(EntityKind::Vessel), ships);
    assert_eq!(
        count(EntityKind::Organization),
        records.len() - persons - ships
    );
    assert_eq!(list.meta.source, Source::CaSema);
    assert_eq!(list.meta.published, None, "the file states no date");
    // Ids are unique (the loader would have failed otherwise) and stable.
    let ids: HashSet<&str> = list.entities.iter().map(|e| e.source_id.as_str()).collect();
    assert_eq!(ids.len(), list.entities.len());
    assert_eq!(list.entities[0].source_id, "belarus/1-part-1/1");
    assert_eq!(
        list.entities[0].caption(),
        "Khazalbek Bakhtibekovich Atabekov"
    );
    assert_eq!(list.entities[0].listed_on.as_deref(), Some("2020-09-28"));
}

#[test]
fn cyrillic_aliases_and_birth_dates() {
    let list = load(&ListSpec::parse(SEMA), &LoadOptions::default()).unwrap();
    let text = std::fs::read_to_string(SEMA).unwrap();
    let alias_fields = text.matches("<Aliases>").count();
    let with_raw = list
        .entities
        .iter()
        .filter(|e| e.properties.contains_key("aliases_raw"))
        .count();
    assert_eq!(with_raw, alias_fields);
    let cyrillic_names = count_names(&list, |n| n.script.as_deref() == Some("Cyrl"));
    assert!(cyrillic_names >= 2000, "{cyrillic_names}");
    let lukashenko = list
        .entities
        .iter()
        .find(|e| e.caption() == "Aleksandr Grigoryevich Lukashenko")
        .unwrap();
    assert_eq!(
        lukashenko.birth_dates,
        vec![tamga_model::BirthDate::Exact {
            year: 1954,
            month: 8,
            day: 30
        }]
    );
    // Person dates the loader could not type are kept, never dropped.
    let person_dates = list
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .filter(|e| !e.birth_dates.is_empty() || e.properties.contains_key("birth_date_unparsed"))
        .count();
    // Build dates of ships (and of the few entities listed with one).
    let ship_dates = list
        .entities
        .iter()
        .filter(|e| e.kind != EntityKind::Person && e.properties.contains_key("build_date"))
        .count();
    assert_eq!(
        person_dates + ship_dates,
        text.matches("<DateOfBirthOrShipBuildDate>").count()
    );
}

/// Name fields holding alternatives (`A or B`, `(also known as …)`, layout
/// line breaks) are read as the names they hold, and the raw text is kept.
#[test]
fn name_fields_with_alternatives_become_separate_names() {
    let list = load(&ListSpec::parse(SEMA), &LoadOptions::default()).unwrap();
    for e in &list.entities {
        for n in &e.names {
            assert!(!n.full.contains('\n'), "{}: {:?}", e.id, n.full);
            assert!(!n.full.contains("(also known as"), "{}: {:?}", e.id, n.full);
            let non_latin = n
                .full
                .chars()
                .filter(|c| ('\u{0400}'..='\u{04FF}').contains(c))
                .count();
            if non_latin > 0 {
                assert!(!n.full.contains(" or "), "{}: {:?}", e.id, n.full);
            }
        }
    }
    let names_of = |caption: &str| -> Vec<String> {
        let e = list
            .entities
            .iter()
            .find(|e| e.names.iter().any(|n| n.full == caption))
            .unwrap_or_else(|| panic!("no entity named {caption}"));
        e.names.iter().map(|n| n.full.clone()).collect()
    };
    let karnienko = names_of("Александр Владимирович Карниенко");
    assert!(karnienko.contains(&"Александр Владимирович Карниенка".to_string()));
    let radio = names_of("Yaroslavl Radioworks");
    assert!(
        radio.contains(&"Joint Stock Company Yaroslav Radio Factory".to_string()),
        "{radio:?}"
    );
    let with_raw = list
        .entities
        .iter()
        .filter(|e| e.properties.contains_key("name_raw"))
        .count();
    assert!(with_raw >= 50, "{with_raw}");
}
