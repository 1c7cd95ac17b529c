//! The OFAC legacy CSV loader on the bundled real publications. Expected
//! counts are computed here from the files with the `csv` crate, not copied
//! from the loader.

mod common;

use common::count_names;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use tamga_model::{EntityKind, NameKind, NamePartRole, NameQuality, Source};
use tamga_sources::{load_as, Format, ListSpec, LoadOptions, Location};

const OFAC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/lists/ofac");

fn dir(rel: &str) -> PathBuf {
    Path::new(OFAC).join(rel)
}

fn load(path: &Path, lenient: bool) -> Result<tamga_model::EntityList, tamga_sources::LoadError> {
    load_as(
        Format::OfacCsv,
        &ListSpec {
            name: None,
            path: path.to_path_buf(),
        },
        &LoadOptions { lenient },
    )
}

/// Rows of a bundled OFAC CSV, read independently of the loader.
fn rows(path: &Path) -> Vec<csv::StringRecord> {
    let bytes = std::fs::read(path).expect("read");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes.as_slice());
    reader
        .records()
        .map(|r| r.expect("row"))
        // The trailing Ctrl-Z byte reads as a one-field row.
        .filter(|r| r.len() > 1)
        .collect()
}

fn is_null(v: &str) -> bool {
    let v = v.trim();
    v.is_empty() || v == "-0-"
}

#[test]
fn sdn_2023_12_28_set_matches_independent_counts() {
    let set = dir("sdn_2023-12-28");
    let list = load(&set, false).expect("loads");
    let sdn = rows(&set.join("sdn.csv"));
    let alt = rows(&set.join("alt.csv"));
    let add = rows(&set.join("add.csv"));

    assert_eq!(list.meta.source, Source::UsOfacSdn);
    assert_eq!(list.meta.format, "ofac_csv");
    assert_eq!(list.meta.files.len(), 4);
    assert_eq!(list.meta.sha256.len(), 64);
    assert!(list.meta.warnings.is_empty());
    assert_eq!(list.entities.len(), sdn.len());
    assert_eq!(sdn.len(), 13_821);

    let mut kinds: HashMap<String, usize> = HashMap::new();
    for r in &sdn {
        *kinds.entry(r[2].trim().to_string()).or_default() += 1;
    }
    let count = |k: EntityKind| list.entities.iter().filter(|e| e.kind == k).count();
    assert_eq!(count(EntityKind::Person), kinds["individual"]);
    assert_eq!(count(EntityKind::Vessel), kinds["vessel"]);
    assert_eq!(count(EntityKind::Aircraft), kinds["aircraft"]);
    assert_eq!(count(EntityKind::Organization), kinds["-0-"]);
    assert_eq!(
        (
            kinds["individual"],
            kinds["vessel"],
            kinds["aircraft"],
            kinds["-0-"]
        ),
        (6646, 764, 378, 6033)
    );

    // Every alt.csv row is attached as a strong alias of its entry.
    let strong_aliases: usize = count_names(&list, |n| {
        n.kind != NameKind::Primary && n.quality == NameQuality::Strong
    });
    assert_eq!(alt.len(), 17_091);
    assert_eq!(strong_aliases, alt.len());

    // add.csv rows with any published value become addresses; all-null rows
    // are OFAC's "no address" placeholder.
    let real_addresses = add
        .iter()
        .filter(|r| !(is_null(&r[2]) && is_null(&r[3]) && is_null(&r[4])))
        .count();
    assert_eq!(add.len(), 18_990);
    let loaded: usize = list.entities.iter().map(|e| e.addresses.len()).sum();
    assert_eq!(loaded, real_addresses);

    // Ids and order follow the file.
    for (entity, row) in list.entities.iter().zip(&sdn) {
        assert_eq!(entity.source_id, row[0].trim());
        assert_eq!(entity.id, format!("us_ofac_sdn:{}", row[0].trim()));
        assert_eq!(entity.caption(), row[1].trim());
    }
}

#[test]
fn sdn_entry_fields_are_filled_from_columns_and_remarks() {
    let list = load(&dir("sdn_2023-12-28"), false).expect("loads");
    let by_id: HashMap<&str, &tamga_model::Entity> = list
        .entities
        .iter()
        .map(|e| (e.source_id.as_str(), e))
        .collect();

    // 2676: "AL ZAWAHIRI, Dr. Ayman", individual, passport in remarks.
    let e = by_id["2676"];
    assert_eq!(e.kind, EntityKind::Person);
    let parts: Vec<_> = e.names[0]
        .parts
        .iter()
        .map(|p| (p.role, p.value.as_str()))
        .collect();
    assert_eq!(
        parts,
        vec![
            (NamePartRole::Family, "AL ZAWAHIRI"),
            (NamePartRole::Given, "Dr. Ayman")
        ]
    );
    assert_eq!(e.birth_places, vec!["Giza, Egypt"]);
    assert!(e
        .identifiers
        .iter()
        .any(|i| i.id_type == "passport" && i.number == "1084010"));

    // 306: BANCO NACIONAL DE CUBA: strong alias from alt.csv, weak from remarks.
    let e = by_id["306"];
    assert!(e
        .names
        .iter()
        .any(|n| n.full == "NATIONAL BANK OF CUBA" && n.quality == NameQuality::Strong));
    assert!(e
        .names
        .iter()
        .any(|n| n.full == "BNC" && n.quality == NameQuality::Weak));
    assert_eq!(e.remarks.as_deref(), Some("a.k.a. 'BNC'."));
    assert!(e
        .addresses
        .iter()
        .any(|a| a.country.as_deref() == Some("Switzerland")));

    // 15036: vessel columns.
    let e = by_id["15036"];
    assert_eq!(e.kind, EntityKind::Vessel);
    assert_eq!(e.properties["vessel_call_sign"], vec!["T2EU4"]);
    assert_eq!(e.properties["vessel_flag"], vec!["Iran"]);
    assert!(e
        .identifiers
        .iter()
        .any(|i| i.id_type == "imo" && i.number == "9187629"));

    // 10479: several programmes in one field.
    assert_eq!(
        by_id["10479"].programs,
        vec!["SDGT", "NPWMD", "IRGC", "IFSR"]
    );
}

#[test]
fn remark_overflow_from_comments_is_appended() {
    let set = dir("sdn_2023-12-28");
    let list = load(&set, false).expect("loads");
    let sdn: HashMap<String, String> = rows(&set.join("sdn.csv"))
        .iter()
        .map(|r| (r[0].trim().to_string(), r[11].to_string()))
        .collect();
    let comments = rows(&set.join("sdn_comments.csv"));
    assert_eq!(comments.len(), 16);
    for c in &comments {
        let id = c[0].trim();
        let entity = list
            .entities
            .iter()
            .find(|e| e.source_id == id)
            .expect("entity");
        let want = format!("{}{}", sdn[id], &c[1]);
        assert_eq!(entity.remarks.as_deref(), Some(want.trim()));
    }
    // 28264's overflow holds its second `Linked To:` and weak aliases.
    let e = list
        .entities
        .iter()
        .find(|e| e.source_id == "28264")
        .expect("28264");
    assert!(e
        .names
        .iter()
        .any(|n| n.full == "khaleesi" && n.quality == NameQuality::Weak));
}

#[test]
fn consolidated_csv_set_loads_as_cons_source() {
    let set = dir("consolidated_2025-12");
    let list = load(&set, false).expect("loads");
    let prim = rows(&set.join("cons_prim.csv"));
    let alt = rows(&set.join("cons_alt.csv"));
    assert_eq!(prim.len(), 442);
    assert_eq!(list.entities.len(), prim.len());
    assert_eq!(list.meta.source, Source::UsOfacCons);
    assert!(list
        .entities
        .iter()
        .all(|e| e.id.starts_with("us_ofac_cons:")));
    let strong: usize = count_names(&list, |n| {
        n.kind != NameKind::Primary && n.quality == NameQuality::Strong
    });
    assert_eq!(strong, alt.len());
    // The main file given directly finds its siblings.
    let direct = load(&set.join("cons_prim.csv"), false).expect("loads");
    assert_eq!(direct.meta.files, list.meta.files);
}

#[test]
fn bench_2021_set_joins_exactly() {
    let set = dir("sdn_2021-07_bench");
    let list = load(&set, false).expect("loads");
    let ids: HashSet<String> = rows(&set.join("sdn.csv"))
        .iter()
        .map(|r| r[0].trim().to_string())
        .collect();
    assert_eq!(list.entities.len(), ids.len());
    assert_eq!(ids.len(), 8976);
}

/// Copies real lines of the bundled sdn.csv into a fresh set directory,
/// after `edit` changed them.
fn broken_set(edit: impl FnOnce(&mut Vec<String>)) -> tempfile::TempDir {
    let text = std::fs::read_to_string(dir("sdn_2023-12-28/sdn.csv")).expect("read");
    let mut lines: Vec<String> = text.split("\r\n").take(50).map(str::to_string).collect();
    edit(&mut lines);
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::write(tmp.path().join("sdn.csv"), lines.join("\r\n") + "\r\n\x1a").expect("write");
    tmp
}

#[test]
fn duplicate_ent_num_fails_with_line_or_warns_when_lenient() {
    let tmp = broken_set(|lines| {
        let copy = lines[3].clone();
        lines.insert(10, copy);
    });
    let err = load(tmp.path(), false).expect_err("duplicate");
    assert_eq!(err.location, Location::Line(11));
    assert!(err.message.contains("duplicate ent_num 424"), "{err}");
    assert!(err.to_string().contains("sdn.csv:11"), "{err}");

    let list = load(tmp.path(), true).expect("lenient loads");
    assert_eq!(list.entities.len(), 50);
    assert_eq!(list.meta.warnings.len(), 1);
    assert!(list.meta.warnings[0].contains(":11: duplicate"));
}

#[test]
fn malformed_rows_fail_with_line() {
    let tmp = broken_set(|lines| lines[4] = lines[4].replacen("475,", "47x,", 1));
    let err = load(tmp.path(), false).expect_err("bad ent_num");
    assert_eq!(err.location, Location::Line(5));
    assert!(err.message.contains("not a number"), "{err}");

    let tmp = broken_set(|lines| lines[6] = lines[6].replacen(",-0- ", "", 1));
    let err = load(tmp.path(), false).expect_err("short row");
    assert_eq!(err.location, Location::Line(7));
    assert!(
        err.message.contains("expected 12 columns, found 11"),
        "{err}"
    );
    let list = load(tmp.path(), true).expect("lenient");
    assert_eq!(list.entities.len(), 49);
}

#[test]
fn truncated_file_fails_even_when_lenient() {
    let text = std::fs::read(dir("sdn_2023-12-28/sdn.csv")).expect("read");
    // Cut inside the quoted remarks of the third row (306, "a.k.a. 'BNC'.").
    let at = text
        .windows(4)
        .position(|w| w == b"'BNC")
        .expect("306 remarks");
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::write(tmp.path().join("sdn.csv"), &text[..at]).expect("write");
    for lenient in [false, true] {
        let err = load(tmp.path(), lenient).expect_err("truncated");
        assert_eq!(err.location, Location::Line(3));
        assert!(err.message.contains("never closed"), "{err}");
    }
}

#[test]
fn alias_of_unknown_entry_is_an_error() {
    let tmp = broken_set(|_| {});
    let alt = std::fs::read_to_string(dir("sdn_2023-12-28/alt.csv")).expect("alt");
    // Aliases of entries beyond the 50 copied rows reference unknown ent_nums.
    std::fs::write(tmp.path().join("alt.csv"), alt).expect("write");
    let err = load(tmp.path(), false).expect_err("unknown");
    assert!(err.file.ends_with("alt.csv"));
    assert!(err.message.contains("not in the main file"), "{err}");
}

#[test]
fn latin1_bytes_are_decoded() {
    let tmp = broken_set(|_| {});
    // Row 1 (36, AEROCARIBBEAN AIRLINES) with an accented letter in latin-1,
    // as older OFAC files carried them.
    let file = tmp.path().join("sdn.csv");
    let mut bytes = std::fs::read(&file).expect("read");
    let at = bytes
        .windows(13)
        .position(|w| w == b"AEROCARIBBEAN")
        .expect("row 36");
    bytes[at + 3] = 0xC9; // É
    std::fs::write(&file, bytes).expect("write");
    let list = load(tmp.path(), false).expect("loads");
    assert_eq!(list.entities[0].caption(), "AERÉCARIBBEAN AIRLINES");
}

#[test]
fn linked_to_names_resolve_to_unique_entries_of_the_list() {
    let list = load(&dir("sdn_2023-12-28"), false).expect("loads");
    let by_id: HashMap<&str, &tamga_model::Entity> =
        list.entities.iter().map(|e| (e.id.as_str(), e)).collect();
    let mut strong_name_count: HashMap<&str, usize> = HashMap::new();
    for e in &list.entities {
        let names: HashSet<&str> = e
            .names
            .iter()
            .filter(|n| n.quality == NameQuality::Strong)
            .map(|n| n.full.as_str())
            .collect();
        for n in names {
            *strong_name_count.entry(n).or_default() += 1;
        }
    }
    let links: Vec<_> = list
        .entities
        .iter()
        .flat_map(|e| &e.relationships)
        .collect();
    assert!(!links.is_empty());
    for r in &links {
        let name = r.target_name.as_deref().expect("Linked To name");
        let unique = strong_name_count.get(name) == Some(&1);
        match &r.target_id {
            Some(id) => {
                assert!(unique, "{name} resolved though not unique");
                assert!(by_id[id.as_str()].names.iter().any(|n| n.full == name));
            }
            None => assert!(!unique, "{name} is unique but was not resolved"),
        }
    }
    // 18535 is Linked To: HAMAS, itself SDN entry 4695.
    let e = by_id["us_ofac_sdn:18535"];
    assert_eq!(
        e.relationships[0].target_id.as_deref(),
        Some("us_ofac_sdn:4695")
    );
}
