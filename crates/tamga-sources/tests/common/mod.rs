//! Shared helpers: what a loaded list holds, in the shapes the tests compare
//! with independent readings of the published files.

#![allow(dead_code)]

use std::collections::HashSet;
use tamga_model::{EntityList, Name};

/// The `source_id`s of the entities, in list order.
pub fn source_ids(list: &EntityList) -> Vec<String> {
    list.entities.iter().map(|e| e.source_id.clone()).collect()
}

/// How many names, across all entities, satisfy `keep`.
pub fn count_names(list: &EntityList, keep: impl Fn(&Name) -> bool) -> usize {
    list.entities
        .iter()
        .flat_map(|e| &e.names)
        .filter(|n| keep(n))
        .count()
}

/// `(source_id, full name)` of every name that satisfies `keep`.
pub fn name_pairs(list: &EntityList, keep: impl Fn(&Name) -> bool) -> HashSet<(String, String)> {
    list.entities
        .iter()
        .flat_map(|e| {
            e.names
                .iter()
                .filter(|n| keep(n))
                .map(move |n| (e.source_id.clone(), n.full.clone()))
        })
        .collect()
}
