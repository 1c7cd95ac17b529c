//! FollowTheMoney JSON-lines loader on the real OpenSanctions fixtures.

mod common;

use common::name_pairs;
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};
use tamga_model::{EntityKind, NameKind, NameQuality, RelationKind, Source};
use tamga_sources::{detect_format, load, Format, ListSpec, LoadOptions};

const DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/lists/opensanctions/ftm/"
);

fn path(name: &str) -> String {
    format!("{DIR}{name}.entities.ftm.json")
}

fn lines(name: &str) -> Vec<Value> {
    std::fs::read_to_string(path(name))
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn schema_counts(values: &[Value]) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for v in values {
        *counts
            .entry(v["schema"].as_str().unwrap().to_string())
            .or_insert(0) += 1;
    }
    counts
}

#[test]
fn things_become_entities_for_every_fixture() {
    for name in ["zala", "t1", "parteispenden"] {
        let p = path(name);
        assert_eq!(detect_format(p.as_ref()).unwrap(), Format::FtmJson);
        let list = load(&ListSpec::parse(&p), &LoadOptions::default()).unwrap();
        let counts = schema_counts(&lines(name));
        let get = |s: &str| counts.get(s).copied().unwrap_or(0);
        let count = |k: EntityKind| list.entities.iter().filter(|e| e.kind == k).count();
        assert_eq!(count(EntityKind::Person), get("Person"), "{name}");
        assert_eq!(
            count(EntityKind::Organization),
            get("Organization") + get("Company") + get("LegalEntity") + get("PublicBody"),
            "{name}"
        );
        assert_eq!(count(EntityKind::Vessel), get("Vessel"), "{name}");
        assert_eq!(list.meta.source, Source::OpenSanctions);
        // Publication date = latest last_change, when the file has any.
        let latest = lines(name)
            .iter()
            .filter_map(|v| v["last_change"].as_str().map(|s| s[..10].to_string()))
            .max();
        assert_eq!(list.meta.published, latest, "{name}");
    }
}

#[test]
fn zala_names_links_and_sanctions() {
    let list = load(&ListSpec::parse(&path("zala")), &LoadOptions::default()).unwrap();
    let values = lines("zala");
    assert_eq!(values.len(), 91, "PROVENANCE.md figure");
    assert_eq!(list.meta.published.as_deref(), Some("2026-04-29"));
    // Every name/alias/weakAlias/previousName value of every thing is kept.
    let mut expected = HashSet::new();
    let mut weak = HashSet::new();
    let mut strong_alias = HashSet::new();
    for v in &values {
        let schema = v["schema"].as_str().unwrap();
        if !["Person", "Company", "Organization", "LegalEntity"].contains(&schema) {
            continue;
        }
        let id = v["id"].as_str().unwrap().to_string();
        for prop in ["name", "alias", "weakAlias", "previousName"] {
            for n in v["properties"][prop].as_array().into_iter().flatten() {
                expected.insert((id.clone(), n.as_str().unwrap().trim().to_string()));
                if prop == "weakAlias" {
                    weak.insert((id.clone(), n.as_str().unwrap().trim().to_string()));
                }
                if prop == "alias" {
                    strong_alias.insert((id.clone(), n.as_str().unwrap().trim().to_string()));
                }
            }
        }
    }
    let loaded: HashSet<(String, String)> = name_pairs(&list, |_| true);
    assert_eq!(loaded, expected);
    let loaded_weak: HashSet<(String, String)> =
        name_pairs(&list, |n| n.quality == NameQuality::Weak);
    // A weak alias that is also published as a strong alias stays strong.
    let weak: HashSet<_> = weak.difference(&strong_alias).cloned().collect();
    assert_eq!(loaded_weak, weak);
    let osetrova = list
        .entities
        .iter()
        .find(|e| e.source_id == "NK-2Tbri3s6GgNtAwsSXh4qpL")
        .unwrap();
    assert!(osetrova
        .names
        .iter()
        .any(|n| n.kind == NameKind::Fka && n.full == "Maria Aleksandrovna Zakharova"));
    assert!(osetrova
        .identifiers
        .iter()
        .any(|i| i.id_type == "inn" && i.number == "183116181362"));
    assert_eq!(osetrova.gender.as_deref(), Some("female"));

    // Each Ownership with both ends present yields OwnedBy on the asset and
    // Owns on the owner.
    let ids: HashSet<&str> = list.entities.iter().map(|e| e.source_id.as_str()).collect();
    let ownerships: Vec<&Value> = values
        .iter()
        .filter(|v| v["schema"] == "Ownership")
        .collect();
    let owned_by_expected = ownerships
        .iter()
        .filter(|v| ids.contains(v["properties"]["asset"][0].as_str().unwrap()))
        .count();
    let owns_expected = ownerships
        .iter()
        .filter(|v| ids.contains(v["properties"]["owner"][0].as_str().unwrap()))
        .count();
    let rels = |k: RelationKind| {
        list.entities
            .iter()
            .flat_map(|e| &e.relationships)
            .filter(|r| r.kind == k)
            .count()
    };
    assert_eq!(rels(RelationKind::OwnedBy), owned_by_expected);
    assert_eq!(rels(RelationKind::Owns), owns_expected);
    let with_pct = list
        .entities
        .iter()
        .flat_map(|e| &e.relationships)
        .filter(|r| r.kind == RelationKind::OwnedBy && r.percentage.is_some())
        .count();
    let pct_expected = ownerships
        .iter()
        .filter(|v| ids.contains(v["properties"]["asset"][0].as_str().unwrap()))
        .filter(|v| v["properties"]["percentage"].is_array())
        .count();
    assert_eq!(with_pct, pct_expected);
    let directorships = values
        .iter()
        .filter(|v| v["schema"] == "Directorship")
        .count();
    assert_eq!(rels(RelationKind::Controls), directorships);
    let families = values.iter().filter(|v| v["schema"] == "Family").count();
    assert_eq!(rels(RelationKind::Family), 2 * families);

    // Sanctions attach their programme to the sanctioned entity.
    for s in values.iter().filter(|v| v["schema"] == "Sanction") {
        let target = s["properties"]["entity"][0].as_str().unwrap();
        let Some(e) = list.entities.iter().find(|e| e.source_id == target) else {
            continue;
        };
        for p in s["properties"]["programId"]
            .as_array()
            .into_iter()
            .flatten()
        {
            assert!(
                e.programs.iter().any(|x| x == p.as_str().unwrap()),
                "{target} {p}"
            );
        }
        assert!(e.listed_on.is_some() || s["properties"]["startDate"].is_null());
    }
}
