//! Differences between two publications of a list.
//!
//! Entities are matched by id (`<source>:<source_id>`), which the
//! authorities keep stable across publications; an entity is *changed* when
//! any of its published fields differs. Fields holding several values
//! (names, programmes, addresses, …) are compared as sets, so a publisher
//! merely reordering them is not a change.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use tamga_model::{Entity, EntityKind, EntityList};

/// What changed between two publications.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListDiff {
    /// Totals.
    pub counts: DiffCounts,
    /// Entities only in the new publication, in its order.
    pub added: Vec<EntitySummary>,
    /// Entities only in the old publication, in its order.
    pub removed: Vec<EntitySummary>,
    /// Entities in both whose published data differs, in the new order.
    pub changed: Vec<ChangedEntity>,
}

/// Counts of a [`ListDiff`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DiffCounts {
    /// Entities in the old publication.
    pub old_total: usize,
    /// Entities in the new publication.
    pub new_total: usize,
    /// Only in the new one.
    pub added: usize,
    /// Only in the old one.
    pub removed: usize,
    /// In both, different.
    pub changed: usize,
    /// In both, identical.
    pub unchanged: usize,
}

/// An added or removed entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntitySummary {
    /// Entity id.
    pub id: String,
    /// Its caption (primary name).
    pub caption: String,
    /// Its kind.
    pub kind: EntityKind,
}

/// An entity present in both publications with different data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangedEntity {
    /// Entity id.
    pub id: String,
    /// Caption in the new publication.
    pub caption: String,
    /// Names of the [`Entity`] fields that differ (`names`, `programs`,
    /// `remarks`, `addresses`, …), in field order.
    pub fields: Vec<String>,
}

impl EntitySummary {
    fn of(e: &Entity) -> EntitySummary {
        EntitySummary {
            id: e.id.clone(),
            caption: e.caption().to_string(),
            kind: e.kind,
        }
    }
}

/// Compares two publications of a list. Duplicate ids within one list (which
/// loaders reject) are matched first-come.
pub fn diff_lists(old: &EntityList, new: &EntityList) -> ListDiff {
    let old_by_id: HashMap<&str, &Entity> = old
        .entities
        .iter()
        .rev()
        .map(|e| (e.id.as_str(), e))
        .collect();
    let new_by_id: HashMap<&str, &Entity> = new
        .entities
        .iter()
        .rev()
        .map(|e| (e.id.as_str(), e))
        .collect();
    let mut added = Vec::new();
    let mut changed = Vec::new();
    let mut unchanged = 0;
    for e in &new.entities {
        match old_by_id.get(e.id.as_str()) {
            None => added.push(EntitySummary::of(e)),
            Some(before) => {
                let fields = changed_fields(before, e);
                if fields.is_empty() {
                    unchanged += 1;
                } else {
                    changed.push(ChangedEntity {
                        id: e.id.clone(),
                        caption: e.caption().to_string(),
                        fields: fields.into_iter().map(str::to_string).collect(),
                    });
                }
            }
        }
    }
    let removed: Vec<EntitySummary> = old
        .entities
        .iter()
        .filter(|e| !new_by_id.contains_key(e.id.as_str()))
        .map(EntitySummary::of)
        .collect();
    ListDiff {
        counts: DiffCounts {
            old_total: old.entities.len(),
            new_total: new.entities.len(),
            added: added.len(),
            removed: removed.len(),
            changed: changed.len(),
            unchanged,
        },
        added,
        removed,
        changed,
    }
}

/// Same elements regardless of order (multiset equality; lists are short).
fn same_set<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    a.len() == b.len()
        && a.iter()
            .all(|x| a.iter().filter(|y| *y == x).count() == b.iter().filter(|y| *y == x).count())
}

/// Names of the fields that differ between two versions of an entity.
pub fn changed_fields(a: &Entity, b: &Entity) -> Vec<&'static str> {
    let mut fields = Vec::new();
    let mut check = |name: &'static str, same: bool| {
        if !same {
            fields.push(name);
        }
    };
    check("source", a.source == b.source);
    check("kind", a.kind == b.kind);
    check("names", same_set(&a.names, &b.names));
    check("birth_dates", same_set(&a.birth_dates, &b.birth_dates));
    check("birth_places", same_set(&a.birth_places, &b.birth_places));
    check(
        "nationalities",
        same_set(&a.nationalities, &b.nationalities),
    );
    check("citizenships", same_set(&a.citizenships, &b.citizenships));
    check("countries", same_set(&a.countries, &b.countries));
    check("gender", a.gender == b.gender);
    check("identifiers", same_set(&a.identifiers, &b.identifiers));
    check("addresses", same_set(&a.addresses, &b.addresses));
    check("programs", same_set(&a.programs, &b.programs));
    check("listed_on", a.listed_on == b.listed_on);
    check("remarks", a.remarks == b.remarks);
    check(
        "relationships",
        same_set(&a.relationships, &b.relationships),
    );
    check(
        "properties",
        a.properties.len() == b.properties.len()
            && a.properties
                .iter()
                .all(|(k, v)| b.properties.get(k).is_some_and(|w| same_set(v, w))),
    );
    fields
}
