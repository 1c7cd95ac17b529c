//! UK loaders on the real bundled files: OFSI ConList (xlsx as published,
//! and the same rows as CSV) and the FCDO UK Sanctions List XML excerpt.

mod common;

use calamine::{open_workbook, Reader, Xlsx};
use common::{name_pairs, source_ids};
use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;
use tamga_model::{EntityKind, NameKind, NameQuality, RelationKind, Source};
use tamga_sources::{detect_format, load, Format, ListSpec, LoadOptions};

const CONLIST: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/lists/uk/ofsi_conlist_2025-04-14/ConList.xlsx"
);
const FCDO: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/lists/uk/fcdo_uk_sanctions_list_xml_excerpt_2026-09-10/sample_uk_sanctions.EXCERPT.xml"
);

/// The sheet's rows as strings, read with calamine directly.
fn sheet_rows() -> Vec<Vec<String>> {
    let mut wb: Xlsx<_> = open_workbook(CONLIST).unwrap();
    let range = wb.worksheet_range("Data").unwrap();
    range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

struct Independent {
    name_rows: usize,
    groups_by_type: BTreeMap<String, HashSet<String>>,
    cyrillic_groups: HashSet<String>,
    low_rows: HashSet<(String, String)>,
}

fn independent(rows: &[Vec<String>]) -> Independent {
    let header = &rows[1];
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (gid, gtype, non_latin, quality) = (
        col("Group ID"),
        col("Group Type"),
        col("Name Non-Latin Script"),
        col("Alias Quality"),
    );
    let names: Vec<usize> = (1..=6).map(|i| col(&format!("Name {i}"))).collect();
    let mut out = Independent {
        name_rows: 0,
        groups_by_type: BTreeMap::new(),
        cyrillic_groups: HashSet::new(),
        low_rows: HashSet::new(),
    };
    for row in &rows[2..] {
        out.name_rows += 1;
        out.groups_by_type
            .entry(row[gtype].clone())
            .or_default()
            .insert(row[gid].clone());
        if row[non_latin]
            .chars()
            .any(|c| ('\u{0400}'..='\u{04ff}').contains(&c))
        {
            out.cyrillic_groups.insert(row[gid].clone());
        }
        if row[quality].starts_with("Low") {
            let full: Vec<&str> = names
                .iter()
                .map(|&i| row[i].trim())
                .filter(|s| !s.is_empty())
                .collect();
            out.low_rows.insert((row[gid].clone(), full.join(" ")));
        }
    }
    out
}

#[test]
fn ofsi_xlsx_groups_rows_into_entities() {
    assert_eq!(detect_format(CONLIST.as_ref()).unwrap(), Format::UkOfsiXlsx);
    let list = load(&ListSpec::parse(CONLIST), &LoadOptions::default()).unwrap();
    let rows = sheet_rows();
    let ind = independent(&rows);
    assert_eq!(ind.name_rows, 18798, "PROVENANCE.md figure");
    let count = |k: EntityKind| list.entities.iter().filter(|e| e.kind == k).count();
    assert_eq!(
        count(EntityKind::Person),
        ind.groups_by_type["Individual"].len()
    );
    assert_eq!(
        count(EntityKind::Organization),
        ind.groups_by_type["Entity"].len()
    );
    assert_eq!(count(EntityKind::Vessel), ind.groups_by_type["Ship"].len());
    assert_eq!(
        (
            count(EntityKind::Person),
            count(EntityKind::Organization),
            count(EntityKind::Vessel)
        ),
        (3663, 1010, 15),
        "PROVENANCE.md figures"
    );
    assert_eq!(list.entities.len(), 4688);
    let cyrillic: HashSet<String> = list
        .entities
        .iter()
        .filter(|e| {
            e.names.iter().any(|n| {
                n.kind == NameKind::OriginalScript
                    && n.full
                        .chars()
                        .any(|c| ('\u{0400}'..='\u{04ff}').contains(&c))
            })
        })
        .map(|e| e.source_id.clone())
        .collect();
    let missing: Vec<_> = ind.cyrillic_groups.difference(&cyrillic).take(5).collect();
    let extra: Vec<_> = cyrillic.difference(&ind.cyrillic_groups).take(5).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing {missing:?}, extra {extra:?}"
    );
    assert_eq!(cyrillic.len(), 2051, "PROVENANCE.md figure");
    let weak: HashSet<(String, String)> = name_pairs(&list, |n| n.quality == NameQuality::Weak);
    assert_eq!(weak.len(), ind.low_rows.len());
    assert!(
        !weak.is_empty(),
        "the ConList grades some aliases Low quality"
    );
    assert!(weak == ind.low_rows, "weak aliases differ from Low rows");
    assert_eq!(list.meta.published.as_deref(), Some("2025-04-14"));
    assert_eq!(list.meta.source, Source::GbOfsi);
    assert!(list.meta.warnings.is_empty());
    assert!(list
        .entities
        .iter()
        .all(|e| e.names.iter().any(|n| n.kind == NameKind::Primary)
            || e.names.iter().all(|n| n.kind != NameKind::Primary)));
}

#[test]
fn ofsi_row_fields_are_typed() {
    let list = load(&ListSpec::parse(CONLIST), &LoadOptions::default()).unwrap();
    let haq = list
        .entities
        .iter()
        .find(|e| e.source_id == "15672")
        .unwrap();
    assert_eq!(haq.kind, EntityKind::Person);
    assert_eq!(haq.programs, vec!["Global Human Rights".to_string()]);
    assert_eq!(haq.listed_on.as_deref(), Some("2022-12-09"));
    assert_eq!(haq.gender.as_deref(), Some("male"));
    assert_eq!(
        haq.properties["uk_sanctions_list_ref"],
        vec!["GHR0086".to_string()]
    );
    assert!(haq.names.iter().any(|n| n.full.contains("MITHOO")));
    // Every passport number cell yields at least one identifier.
    let with_passport = list
        .entities
        .iter()
        .filter(|e| e.identifiers.iter().any(|i| i.id_type == "passport"))
        .count();
    assert!(with_passport > 100, "{with_passport}");
}

fn temp_path(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tamga-uk-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

#[test]
fn ofsi_csv_of_the_same_rows_gives_the_same_entities() {
    // OFSI also publishes the list as CSV in the same layout; build that CSV
    // from the real workbook's rows.
    let rows = sheet_rows();
    let csv_path = temp_path("ConList.csv");
    let mut writer = csv::WriterBuilder::new()
        .flexible(true)
        .from_path(&csv_path)
        .unwrap();
    for row in &rows {
        // Row 1 holds only "Last Updated" and the date.
        let row: Vec<&String> = if row[0] == "Last Updated" {
            row[..2].iter().collect()
        } else {
            row.iter().collect()
        };
        writer.write_record(row).unwrap();
    }
    writer.flush().unwrap();
    drop(writer);
    assert_eq!(detect_format(&csv_path).unwrap(), Format::UkOfsiCsv);
    let from_csv = load(
        &ListSpec::parse(csv_path.to_str().unwrap()),
        &LoadOptions::default(),
    )
    .unwrap();
    let from_xlsx = load(&ListSpec::parse(CONLIST), &LoadOptions::default()).unwrap();
    assert_eq!(from_csv.meta.format, "uk_ofsi_csv");
    assert_eq!(from_csv.meta.published, from_xlsx.meta.published);
    assert_eq!(from_csv.entities, from_xlsx.entities);
    std::fs::remove_file(&csv_path).unwrap();
}

#[test]
fn fcdo_designations() {
    assert_eq!(detect_format(FCDO.as_ref()).unwrap(), Format::UkFcdoXml);
    let list = load(&ListSpec::parse(FCDO), &LoadOptions::default()).unwrap();
    let text = std::fs::read_to_string(FCDO).unwrap();
    let ids: Vec<String> = text
        .split("<UniqueID>")
        .skip(1)
        .map(|s| s[..s.find('<').unwrap()].to_string())
        .collect();
    assert_eq!(ids.len(), 5);
    assert_eq!(source_ids(&list), ids);
    assert_eq!(list.meta.source, Source::GbFcdo);
    assert_eq!(list.meta.published.as_deref(), Some("2026-09-10"));
    let names: usize = list.entities.iter().map(|e| e.names.len()).sum();
    // <Name> elements plus non-Latin names (none repeat in this excerpt).
    assert_eq!(
        names,
        text.matches("<NameType>").count() + text.matches("<NameNonLatinScript>").count()
    );
    let akhund = list
        .entities
        .iter()
        .find(|e| e.source_id == "AFG0006")
        .unwrap();
    assert_eq!(akhund.kind, EntityKind::Person);
    assert_eq!(akhund.caption(), "MOHAMMAD HASSAN AKHUND");
    assert_eq!(akhund.birth_dates.len(), 3);
    assert_eq!(akhund.listed_on.as_deref(), Some("2001-01-25"));
    assert!(akhund.identifiers.iter().any(|i| i.number == "P04581926"));
    let bnk = list
        .entities
        .iter()
        .find(|e| e.source_id == "BEL0107")
        .unwrap();
    assert!(bnk
        .names
        .iter()
        .any(|n| n.full == "BNK" && n.quality == NameQuality::Weak));
    let owned_by = bnk
        .relationships
        .iter()
        .filter(|r| r.kind == RelationKind::OwnedBy)
        .count();
    assert_eq!(owned_by, 2);
    assert_eq!(
        list.entities
            .iter()
            .filter(|e| e.kind == EntityKind::Vessel)
            .count(),
        text.matches("<IndividualEntityShip>Ship<").count()
    );
}
