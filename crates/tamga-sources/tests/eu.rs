//! EU FSF XML loader on the real bundled excerpt.

mod common;

use common::{name_pairs, source_ids};
use quick_xml::events::Event;
use std::collections::HashSet;
use tamga_model::{EntityKind, NameKind, Source};
use tamga_sources::{load, ListSpec, LoadOptions};

const EU: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/lists/eu/fsf_excerpt_2026-08-05/sample_eu_fsf.EXCERPT.xml"
);

/// Entity ids, (entity id, wholeName) pairs, nameAlias count and subject
/// type codes.
type Facts = (Vec<String>, HashSet<(String, String)>, usize, Vec<String>);

/// The facts read with a plain quick-xml pass independent of the loader.
fn independent() -> Facts {
    let mut reader = quick_xml::Reader::from_file(EU).unwrap();
    let mut buf = Vec::new();
    let mut ids = Vec::new();
    let mut names = HashSet::new();
    let mut aliases = 0;
    let mut codes = Vec::new();
    let attr = |e: &quick_xml::events::BytesStart, k: &str| {
        e.try_get_attribute(k)
            .unwrap()
            .map(|a| a.unescape_value().unwrap().to_string())
    };
    loop {
        match reader.read_event_into(&mut buf).unwrap() {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"sanctionEntity" => ids.push(attr(&e, "logicalId").unwrap()),
                b"nameAlias" => {
                    aliases += 1;
                    let whole = attr(&e, "wholeName").unwrap();
                    names.insert((ids.last().unwrap().clone(), whole));
                }
                b"subjectType" => codes.push(attr(&e, "code").unwrap()),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    (ids, names, aliases, codes)
}

#[test]
fn loads_every_entity_and_name_alias() {
    let list = load(&ListSpec::parse(EU), &LoadOptions::default()).unwrap();
    let (ids, names, aliases, codes) = independent();
    assert_eq!((ids.len(), aliases), (5, 45), "PROVENANCE.md figures");
    assert_eq!(source_ids(&list), ids);
    let loaded: HashSet<(String, String)> = name_pairs(&list, |_| true);
    assert_eq!(loaded, names, "every distinct wholeName, per entity");
    let persons = codes.iter().filter(|c| *c == "person").count();
    assert_eq!(
        list.entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
            .count(),
        persons
    );
    assert_eq!(
        list.entities
            .iter()
            .filter(|e| e.kind == EntityKind::Organization)
            .count(),
        codes.len() - persons
    );
    assert_eq!(list.meta.source, Source::EuFsf);
    assert_eq!(list.meta.published.as_deref(), Some("2026-08-05"));
    assert!(list.entities.iter().all(|e| e
        .names
        .iter()
        .filter(|n| n.kind == NameKind::Primary)
        .count()
        == 1));
}

#[test]
fn dates_documents_and_programmes_are_typed() {
    let list = load(&ListSpec::parse(EU), &LoadOptions::default()).unwrap();
    let ksm = list.entities.iter().find(|e| e.source_id == "191").unwrap();
    assert_eq!(ksm.caption(), "Khalid Sheikh MOHAMMED");
    assert!(ksm
        .names
        .iter()
        .any(|n| n.full == "Khalid Sheikh MOHAMMED" && n.lang.as_deref() == Some("en")));
    assert_eq!(ksm.birth_dates.len(), 2);
    assert_eq!(ksm.identifiers[0].number, "488555");
    assert_eq!(ksm.identifiers[0].id_type, "passport");
    assert_eq!(ksm.programs, vec!["TERR".to_string()]);
    let text = std::fs::read_to_string(EU).unwrap();
    let births: usize = list.entities.iter().map(|e| e.birth_dates.len()).sum();
    assert!(births > 0 && births <= text.matches("<birthdate ").count());
    let ranges = list
        .entities
        .iter()
        .flat_map(|e| &e.birth_dates)
        .filter(|d| matches!(d, tamga_model::BirthDate::Range { .. }))
        .count();
    // Distinct published ranges per entity (a range repeated within one
    // entity is one fact).
    let expected: usize = text
        .split("<sanctionEntity ")
        .skip(1)
        .map(|chunk| {
            chunk
                .split("<birthdate ")
                .skip(1)
                .filter_map(|b| {
                    let from = b.split("yearRangeFrom=\"").nth(1)?.get(..4)?;
                    let to = b.split("yearRangeTo=\"").nth(1)?.get(..4)?;
                    Some((from.to_string(), to.to_string()))
                })
                .collect::<HashSet<_>>()
                .len()
        })
        .sum();
    assert!(expected > 0);
    assert_eq!(ranges, expected);
    let idents: usize = list.entities.iter().map(|e| e.identifiers.len()).sum();
    assert_eq!(idents, text.matches("<identification ").count());
}
