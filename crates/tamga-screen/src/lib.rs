//! The screening pipeline: a query in, ranked and explained matches out.
//!
//! [`Screener`] owns the loaded lists and the candidate index, and is generic
//! over a [`NameScorer`] so that it never depends on a concrete scorer.
//!
//! STUB NOTE: the public API here is the contract used by the CLI, the server,
//! the rules engine and the evaluation harness. The body currently scores every
//! name (a brute-force placeholder) until the candidate index lands.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use tamga_matcher::{Explanation, NameKindHint, NameScorer, NoStats};
use tamga_model::{Entity, EntityKind, EntityList, ListMeta, Source};

/// Longest name accepted in a query, in bytes. Longer input is an error, not
/// a silent truncation: a truncated name could miss a listed party.
pub const MAX_NAME_BYTES: usize = 1024;

/// One screening query.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Query {
    /// Caller's id for the query, echoed in the result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The name to screen.
    pub name: String,
    /// Expected kind of party, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<EntityKind>,
    /// Birth (or incorporation) date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<String>,
    /// Country (name or ISO code) of nationality, residence or registration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// An identifier number (passport, tax id, IMO, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifier: Option<String>,
}

/// How many matches to return and from what score.
#[derive(Debug, Clone, PartialEq)]
pub struct ScreenOptions {
    /// Lowest score returned; `0.0` returns the top `limit` regardless of score.
    pub threshold: f64,
    /// Most matches returned per query.
    pub limit: usize,
}

impl Default for ScreenOptions {
    fn default() -> Self {
        ScreenOptions {
            threshold: DEFAULT_THRESHOLD,
            limit: 10,
        }
    }
}

/// The default alert threshold. Its meaning is documented in ARCHITECTURE.md
/// (score semantics) and calibrated by the evaluation harness.
pub const DEFAULT_THRESHOLD: f64 = 0.7;

/// One match of a query against a listed entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Match {
    /// `<source>:<source_id>`.
    pub entity_id: String,
    /// List slug.
    pub source: Source,
    /// The id as published.
    pub source_id: String,
    /// The entity's caption (primary name).
    pub name: String,
    /// The entity's name that matched best.
    pub matched_name: String,
    /// Kind of the listed entity.
    pub kind: EntityKind,
    /// Score in [0, 1].
    pub score: f64,
    /// Why.
    pub explanation: Explanation,
}

/// The result for one query, as written by `tamga screen` and `POST /screen`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QueryResult {
    /// The query's id (its 1-based row number when the caller gave none).
    pub id: String,
    /// Best first.
    pub matches: Vec<Match>,
}

/// A query that cannot be screened.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum QueryError {
    /// The name is empty or only punctuation / whitespace / control characters.
    #[error("name is empty")]
    EmptyName,
    /// The name is longer than [`MAX_NAME_BYTES`].
    #[error("name is {len} bytes long; the limit is {max}")]
    NameTooLong {
        /// Its length in bytes.
        len: usize,
        /// The limit.
        max: usize,
    },
    /// A secondary field could not be read.
    #[error("field `{field}`: {message}")]
    InvalidField {
        /// Which field.
        field: String,
        /// What is wrong.
        message: String,
    },
}

/// The result of comparing two names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// First name.
    pub name1: String,
    /// Second name.
    pub name2: String,
    /// Score in [0, 1].
    pub score: f64,
    /// Why.
    pub explanation: Explanation,
}

/// The loaded lists and their index, ready to screen.
pub struct Screener<S: NameScorer> {
    scorer: S,
    lists: Vec<ListMeta>,
    entities: Vec<Entity>,
    by_id: HashMap<String, usize>,
    /// (entity index, name index, prepared name)
    names: Vec<(usize, usize, S::Prepared)>,
}

impl<S: NameScorer> Screener<S> {
    /// Builds the screener (and its index) over the given lists.
    pub fn new(lists: Vec<EntityList>, scorer: S) -> Screener<S> {
        let mut metas = Vec::new();
        let mut entities = Vec::new();
        for list in lists {
            metas.push(list.meta);
            entities.extend(list.entities);
        }
        let by_id = entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i))
            .collect();
        let mut names = Vec::new();
        for (ei, entity) in entities.iter().enumerate() {
            for (ni, name) in entity.names.iter().enumerate() {
                names.push((ei, ni, scorer.prepare(&name.full, kind_hint(entity.kind))));
            }
        }
        Screener {
            scorer,
            lists: metas,
            entities,
            by_id,
            names,
        }
    }

    /// Screens one query.
    pub fn screen(&self, query: &Query, options: &ScreenOptions) -> Result<Vec<Match>, QueryError> {
        validate(query)?;
        let prepared = self
            .scorer
            .prepare(&query.name, kind_hint(query.kind.unwrap_or_default()));
        let mut best: HashMap<usize, (f64, usize, Explanation)> = HashMap::new();
        for (ei, ni, candidate) in &self.names {
            let s = self.scorer.score(&prepared, candidate, &NoStats);
            let slot = best.entry(*ei).or_insert((-1.0, *ni, Explanation::default()));
            if s.score > slot.0 {
                *slot = (s.score, *ni, s.explanation);
            }
        }
        let mut matches: Vec<Match> = best
            .into_iter()
            .filter(|(_, (score, _, _))| *score >= options.threshold && *score > 0.0)
            .map(|(ei, (score, ni, explanation))| {
                let e = &self.entities[ei];
                Match {
                    entity_id: e.id.clone(),
                    source: e.source.clone(),
                    source_id: e.source_id.clone(),
                    name: e.caption().to_string(),
                    matched_name: e.names[ni].full.clone(),
                    kind: e.kind,
                    score,
                    explanation,
                }
            })
            .collect();
        matches.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.entity_id.cmp(&b.entity_id)));
        matches.truncate(options.limit);
        Ok(matches)
    }

    /// Compares two names directly.
    pub fn compare(&self, name1: &str, name2: &str, kind: Option<EntityKind>) -> Comparison {
        let hint = kind_hint(kind.unwrap_or_default());
        let a = self.scorer.prepare(name1, hint);
        let b = self.scorer.prepare(name2, hint);
        let s = self.scorer.score(&a, &b, &NoStats);
        Comparison {
            name1: name1.to_string(),
            name2: name2.to_string(),
            score: s.score,
            explanation: s.explanation,
        }
    }

    /// Looks an entity up by `<source>:<source_id>`.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.by_id.get(id).map(|&i| &self.entities[i])
    }

    /// All entities, lists in load order.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// Metadata of every loaded list.
    pub fn lists(&self) -> &[ListMeta] {
        &self.lists
    }

    /// The scorer in use.
    pub fn scorer(&self) -> &S {
        &self.scorer
    }
}

/// Checks a query before screening.
pub fn validate(query: &Query) -> Result<(), QueryError> {
    if query.name.len() > MAX_NAME_BYTES {
        return Err(QueryError::NameTooLong {
            len: query.name.len(),
            max: MAX_NAME_BYTES,
        });
    }
    if !query.name.chars().any(|c| c.is_alphanumeric()) {
        return Err(QueryError::EmptyName);
    }
    Ok(())
}

/// The scorer's view of an entity kind.
pub fn kind_hint(kind: EntityKind) -> NameKindHint {
    match kind {
        EntityKind::Person => NameKindHint::Person,
        EntityKind::Organization => NameKindHint::Organization,
        EntityKind::Vessel | EntityKind::Aircraft => NameKindHint::Other,
        EntityKind::Unknown => NameKindHint::Unknown,
    }
}
