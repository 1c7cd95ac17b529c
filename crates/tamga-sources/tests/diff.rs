//! `diff_lists` on two real OFAC SDN publications (2023-12-28 and
//! 2024-05-03). The 2024 one has no add/alt/comments files, so each sdn.csv
//! is loaded alone from a directory of its own (the loader picks up siblings
//! next to a main file). Expected counts come from the ent_num column, read
//! here with the `csv` crate.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use tamga_model::EntityList;
use tamga_sources::diff::{changed_fields, diff_lists};
use tamga_sources::{load_as, Format, ListSpec, LoadOptions};

const OFAC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/lists/ofac");

/// ent_num → the row's other columns, trimmed.
fn rows(file: &Path) -> HashMap<String, Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(file)
        .expect("open");
    reader
        .records()
        .map(|r| r.expect("row"))
        .filter(|r| r.len() > 1)
        .map(|r| {
            let cols: Vec<String> = r.iter().skip(1).map(|c| c.trim().to_string()).collect();
            (r[0].trim().to_string(), cols)
        })
        .collect()
}

fn load_alone(file: &Path, dir: &Path) -> EntityList {
    std::fs::create_dir_all(dir).expect("mkdir");
    std::fs::copy(file, dir.join("sdn.csv")).expect("copy");
    load_as(
        Format::OfacCsv,
        &ListSpec {
            name: None,
            path: dir.to_path_buf(),
        },
        &LoadOptions::default(),
    )
    .expect("loads")
}

#[test]
fn sdn_2023_to_2024_matches_ent_num_sets() {
    let old_file = Path::new(OFAC).join("sdn_2023-12-28/sdn.csv");
    let new_file = Path::new(OFAC).join("sdn_2024-05-03/sdn.csv");
    let tmp = tempfile::tempdir().expect("tempdir");
    let old = load_alone(&old_file, &tmp.path().join("old"));
    let new = load_alone(&new_file, &tmp.path().join("new"));
    let diff = diff_lists(&old, &new);

    let old_rows = rows(&old_file);
    let new_rows = rows(&new_file);
    let old_ids: HashSet<&String> = old_rows.keys().collect();
    let new_ids: HashSet<&String> = new_rows.keys().collect();
    let added: HashSet<String> = new_ids
        .difference(&old_ids)
        .map(|id| format!("us_ofac_sdn:{id}"))
        .collect();
    let removed: HashSet<String> = old_ids
        .difference(&new_ids)
        .map(|id| format!("us_ofac_sdn:{id}"))
        .collect();
    // An entry in both changed exactly when its published row changed.
    let changed: HashSet<String> = old_ids
        .intersection(&new_ids)
        .filter(|id| old_rows[**id] != new_rows[**id])
        .map(|id| format!("us_ofac_sdn:{id}"))
        .collect();

    assert_eq!(diff.counts.old_total, 13_821);
    assert_eq!(diff.counts.new_total, 14_965);
    assert_eq!(diff.counts.added, added.len());
    assert_eq!(diff.counts.removed, removed.len());
    assert_eq!(diff.counts.changed, changed.len());
    assert_eq!(
        diff.counts.unchanged,
        old_ids.intersection(&new_ids).count() - changed.len()
    );
    assert_eq!(
        diff.added
            .iter()
            .map(|e| e.id.clone())
            .collect::<HashSet<_>>(),
        added
    );
    assert_eq!(
        diff.removed
            .iter()
            .map(|e| e.id.clone())
            .collect::<HashSet<_>>(),
        removed
    );
    assert_eq!(
        diff.changed
            .iter()
            .map(|e| e.id.clone())
            .collect::<HashSet<_>>(),
        changed
    );
    assert!(diff.changed.iter().all(|c| !c.fields.is_empty()));

    // A programme-only change in the file is reported as `programs`.
    let program_only = diff.changed.iter().find(|c| {
        let id = c.id.trim_start_matches("us_ofac_sdn:");
        let (a, b) = (&old_rows[id], &new_rows[id]);
        a[2] != b[2]
            && a.iter()
                .zip(b)
                .enumerate()
                .all(|(i, (x, y))| i == 2 || x == y)
    });
    if let Some(c) = program_only {
        assert_eq!(c.fields, vec!["programs"]);
    }

    let json = serde_json::to_string(&diff).expect("serialises");
    let back: tamga_sources::diff::ListDiff = serde_json::from_str(&json).expect("parses");
    assert_eq!(back, diff);
}

#[test]
fn field_comparison_ignores_order_but_not_values() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let list = load_alone(&Path::new(OFAC).join("sdn_2023-12-28/sdn.csv"), tmp.path());
    // 10479 is listed under four programmes.
    let before = list
        .entities
        .iter()
        .find(|e| e.source_id == "10479")
        .expect("10479");
    let mut after = before.clone();
    after.programs.reverse();
    assert!(changed_fields(before, &after).is_empty());
    after.programs[0] = after.programs[1].clone();
    assert_eq!(changed_fields(before, &after), vec!["programs"]);
    after.remarks = None;
    after.names.reverse();
    assert_eq!(changed_fields(before, &after), vec!["programs", "remarks"]);
}
