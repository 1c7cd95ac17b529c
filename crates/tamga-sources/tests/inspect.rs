//! `inspect` reports on real lists, and every default list loads.

mod common;

use common::count_names;
use std::collections::BTreeMap;
use tamga_model::{EntityKind, NameKind, NameQuality};
use tamga_sources::inspect::{inspect, ListReport};
use tamga_sources::{bundled_data_dir, default_list_specs, load, load_all, ListSpec, LoadOptions};

const UN: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/lists/un/2026-02-27/consolidated.xml"
);

#[test]
fn un_report_counts_match_the_file() {
    let list = load(&ListSpec::parse(UN), &LoadOptions::default()).unwrap();
    let report = inspect(&list);
    let text = std::fs::read_to_string(UN).unwrap();
    assert_eq!(report.source, "un_sc");
    assert_eq!(report.format, "un_xml");
    assert_eq!(report.published.as_deref(), Some("2026-02-27"));
    assert_eq!(
        report.sha256, "66b392a4090868d2d39161e8d748efd39138377b0e6e60b7921aa67a4f99c8bf",
        "PROVENANCE.md checksum"
    );
    assert_eq!(
        report.by_kind["person"],
        text.matches("<INDIVIDUAL>").count()
    );
    assert_eq!(
        report.by_kind["organization"],
        text.matches("<ENTITY>").count()
    );
    assert_eq!(report.entities, 1003);
    // Every record has exactly one primary name.
    assert_eq!(report.names - report.aliases, report.entities);
    let weak = count_names(&list, |n| n.quality == NameQuality::Weak);
    assert_eq!(report.weak_aliases, weak);
    // A Low-quality ALIAS_NAME may list several spellings separated by semicolons, each a
    // weak name of its own (duplicates within a record are merged, hence at most).
    let low_spellings: usize = text
        .split("<QUALITY>Low</QUALITY>")
        .skip(1)
        .filter_map(|rest| {
            let rest = rest.trim_start().strip_prefix("<ALIAS_NAME>")?;
            let alias = &rest[..rest.find("</ALIAS_NAME>")?];
            Some(alias.split(';').filter(|p| !p.trim().is_empty()).count())
        })
        .sum();
    assert!(
        weak > 0 && weak <= low_spellings,
        "{weak} weak of {low_spellings}"
    );
    assert_eq!(report.scripts.values().sum::<usize>(), report.names);
    let original_script = count_names(&list, |n| n.kind == NameKind::OriginalScript);
    assert!(report.scripts["Arab"] > 0 && report.scripts["Arab"] <= original_script);
    assert_eq!(report.warnings, 0);
    // The report is serde data.
    let json = serde_json::to_string(&report).unwrap();
    let back: ListReport = serde_json::from_str(&json).unwrap();
    assert_eq!(back, report);
}

#[test]
fn every_default_list_loads() {
    let specs = default_list_specs(&bundled_data_dir());
    let lists = load_all(&specs, &LoadOptions::default()).unwrap();
    assert_eq!(lists.len(), specs.len());
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    for list in &lists {
        assert!(!list.entities.is_empty(), "{}", list.meta.source);
        assert!(list.meta.warnings.is_empty(), "{}", list.meta.source);
        for e in &list.entities {
            *kinds.entry(e.kind.as_str().to_string()).or_default() += 1;
        }
    }
    // Ids are unique across all lists (they are source-prefixed).
    let mut ids = std::collections::HashSet::new();
    for e in lists.iter().flat_map(|l| &l.entities) {
        assert!(ids.insert(e.id.clone()), "{}", e.id);
    }
    assert!(kinds[EntityKind::Person.as_str()] > 10_000, "{kinds:?}");
}
