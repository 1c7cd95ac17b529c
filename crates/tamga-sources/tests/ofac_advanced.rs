//! The OFAC Advanced XML loader on the bundled cons_advanced.xml. Expected
//! values are counted here from the raw XML text.

mod common;

use common::count_names;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use tamga_model::{BirthDate, EntityKind, NameKind, NameQuality, RelationKind, Source};
use tamga_sources::{load_as, Format, ListSpec, LoadOptions, Location};

const FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/lists/ofac/cons_advanced_2020-03-17/cons_advanced.xml"
);

fn load(path: &Path) -> Result<tamga_model::EntityList, tamga_sources::LoadError> {
    load_as(
        Format::OfacAdvancedXml,
        &ListSpec {
            name: None,
            path: PathBuf::from(path),
        },
        &LoadOptions::default(),
    )
}

/// Values of `attr="…"` on every `<tag ` in the text.
fn attr_values<'a>(text: &'a str, tag: &str, attr: &str) -> Vec<&'a str> {
    text.split(&format!("<{tag} "))
        .skip(1)
        .filter_map(|rest| {
            let head = rest.split('>').next()?;
            let at = head.find(&format!("{attr}=\""))? + attr.len() + 2;
            head[at..].split('"').next()
        })
        .collect()
}

#[test]
fn cons_advanced_matches_independent_counts() {
    let text = std::fs::read_to_string(FILE).expect("read");
    let list = load(Path::new(FILE)).expect("loads");
    assert_eq!(list.meta.source, Source::UsOfacCons);
    assert_eq!(list.meta.format, "ofac_advanced_xml");
    assert_eq!(list.meta.published.as_deref(), Some("2020-03-17"));
    assert!(list.meta.warnings.is_empty());

    let parties = attr_values(&text, "DistinctParty", "FixedRef");
    assert_eq!(parties.len(), 375);
    assert_eq!(list.entities.len(), parties.len());
    let ids: Vec<&str> = list.entities.iter().map(|e| e.source_id.as_str()).collect();
    assert_eq!(ids, parties);

    // One name per distinct DocumentedName of a party (profile 18769
    // publishes the a.k.a. VYSOKOTOCHNYE KOMPLEKSY twice), weak exactly for
    // LowQuality aliases.
    let (mut distinct, mut distinct_weak) = (0, 0);
    for party in text.split("<DistinctParty ").skip(1) {
        let mut seen = HashSet::new();
        for alias in party.split("<Alias ").skip(1) {
            let head = alias.split('>').next().unwrap_or_default().to_string();
            for name in alias.split("<DocumentedName ").skip(1) {
                let name = name.split("</DocumentedName>").next().unwrap_or_default();
                let parts: Vec<&str> = name
                    .split("<NamePartValue ")
                    .skip(1)
                    .filter_map(|p| p.split('>').nth(1)?.split('<').next())
                    .collect();
                seen.insert((head.clone(), parts.join("|")));
            }
        }
        distinct += seen.len();
        distinct_weak += seen
            .iter()
            .filter(|(head, _)| head.contains("LowQuality=\"true\""))
            .count();
    }
    assert_eq!(text.matches("<DocumentedName ").count(), 1290);
    let names: usize = list.entities.iter().map(|e| e.names.len()).sum();
    assert_eq!(names, distinct);
    let weak = count_names(&list, |n| n.quality == NameQuality::Weak);
    assert_eq!(text.matches("LowQuality=\"true\"").count(), 31);
    assert_eq!(weak, distinct_weak);
    let primaries = list
        .entities
        .iter()
        .filter(|e| e.names.first().map(|n| n.kind) == Some(NameKind::Primary))
        .count();
    assert_eq!(primaries, 375);

    // Every relationship, from its From-profile to us_ofac_cons:<To-profile>.
    let from = attr_values(&text, "ProfileRelationship", "From-ProfileID");
    let to = attr_values(&text, "ProfileRelationship", "To-ProfileID");
    let mut want: Vec<(String, String)> = from
        .iter()
        .zip(&to)
        .map(|(f, t)| (format!("us_ofac_cons:{f}"), format!("us_ofac_cons:{t}")))
        .collect();
    let mut got: Vec<(String, String)> = list
        .entities
        .iter()
        .flat_map(|e| {
            e.relationships
                .iter()
                .map(move |r| (e.id.clone(), r.target_id.clone().unwrap_or_default()))
        })
        .collect();
    want.sort();
    got.sort();
    assert_eq!(want.len(), 276);
    assert_eq!(got, want);
    assert!(list
        .entities
        .iter()
        .flat_map(|e| &e.relationships)
        .all(|r| r.kind == RelationKind::OwnedBy));

    // Every IDRegDocument number lands on its party (as an identifier or,
    // for remark-like document types, as a property).
    let numbers: Vec<&str> = text
        .split("<IDRegistrationNo>")
        .skip(1)
        .filter_map(|r| r.split('<').next())
        .collect();
    assert_eq!(numbers.len(), 573);
    let loaded: HashSet<&str> = list
        .entities
        .iter()
        .flat_map(|e| {
            e.identifiers
                .iter()
                .map(|i| i.number.as_str())
                .chain(e.properties.values().flatten().map(String::as_str))
        })
        .collect();
    for n in &numbers {
        assert!(loaded.contains(n), "document number {n} not loaded");
    }

    // Programmes: the distinct Program measures of each profile's entries.
    let mut programs: HashMap<String, HashSet<String>> = HashMap::new();
    for entry in text.split("<SanctionsEntry ").skip(1) {
        let entry = entry.split("</SanctionsEntry>").next().unwrap_or_default();
        let profile = entry
            .split("ProfileID=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .unwrap_or_default()
            .to_string();
        for measure in entry.split("SanctionsTypeID=\"1\">").skip(1) {
            if let Some(p) = measure
                .split("<Comment>")
                .nth(1)
                .and_then(|r| r.split('<').next())
            {
                programs
                    .entry(profile.clone())
                    .or_default()
                    .insert(p.into());
            }
        }
    }
    for e in &list.entities {
        let got: HashSet<String> = e.programs.iter().cloned().collect();
        assert_eq!(
            got,
            programs.remove(&e.source_id).unwrap_or_default(),
            "{}",
            e.id
        );
    }
}

#[test]
fn first_party_is_read_field_by_field() {
    let list = load(Path::new(FILE)).expect("loads");
    let e = &list.entities[0];
    assert_eq!(e.id, "us_ofac_cons:9639");
    assert_eq!(e.kind, EntityKind::Person);
    assert_eq!(e.caption(), "HANIYA, Ismail Abdul Salah");
    assert_eq!(e.names[0].parts.len(), 2);
    assert_eq!(e.names[0].script.as_deref(), Some("Latn"));
    assert_eq!(e.birth_dates, vec![BirthDate::Year { year: 1962 }]);
    assert_eq!(e.birth_places, vec!["Shati"]);
    assert_eq!(e.programs, vec!["NS-PLC"]);
    // Listed 2006-04-12 on the PLC list, 2014 on the consolidated list.
    assert_eq!(e.listed_on.as_deref(), Some("2006-04-12"));
    let gaza = list
        .entities
        .iter()
        .find(|e| e.source_id == "9641")
        .expect("9641");
    assert!(gaza
        .addresses
        .iter()
        .any(|a| a.region.as_deref() == Some("Gaza")));
}

#[test]
fn truncated_file_fails_with_element_path() {
    let bytes = std::fs::read(FILE).expect("read");
    let tmp = tempfile::tempdir().expect("tempdir");
    let cut = tmp.path().join("cons_advanced.xml");
    std::fs::write(&cut, &bytes[..bytes.len() * 2 / 3]).expect("write");
    let err = load(&cut).expect_err("truncated");
    assert!(
        matches!(&err.location, Location::Element { path, .. } if path.starts_with("Sanctions/")),
        "{err}"
    );
}
