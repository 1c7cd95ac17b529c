//! The screening pipeline: a query in, ranked and explained matches out.
//!
//! [`Screener`] owns the loaded lists and the candidate index, and is generic
//! over a [`NameScorer`] so that it never depends on a concrete scorer.
//!
//! # Pipeline
//!
//! 1. [`validate`] the query (name length, non-empty, readable birth date).
//! 2. Ask the candidate index ([`tamga_index::NameIndex`]) for the names that
//!    could match; it never scans the whole list and is recall-safe (see its
//!    crate docs). Entities whose identifier equals the query's identifier are
//!    added as candidates whatever their names.
//! 3. Score each candidate name with the scorer, weighting tokens by their
//!    rarity among list names; keep the best name per entity.
//! 4. Apply secondary evidence, each recorded as an
//!    [`tamga_matcher::Adjustment`] in the explanation (constants below):
//!
//! | evidence | when | change |
//! |---|---|---|
//! | `weak_alias` | the best name is a publisher-graded weak alias | [`WEAK_ALIAS_DELTA`] (−0.10) |
//! | `one_word_name` | the best name is a person's name of one word that names no family (a nickname, a kunya, one given name), not graded weak by the publisher | [`ONE_WORD_NAME_DELTA`] (−0.10) |
//! | `birth_date` | query date equals a listed full date | [`BIRTH_DATE_EXACT_DELTA`] (+0.10) |
//! | `birth_date` | query year inside a listed year range | [`BIRTH_YEAR_MATCH_DELTA`] (+0.05) |
//! | `birth_date` | query year more than 1 year from every listed date | [`BIRTH_YEAR_MISMATCH_DELTA`] (−0.15) |
//! | `country` | query country among listed nationalities / citizenships / countries / address countries | [`COUNTRY_MATCH_DELTA`] (+0.03) |
//! | `country` | entity lists countries and none is the query's | [`COUNTRY_MISMATCH_DELTA`] (−0.05) |
//! | `identifier` | query identifier equals a listed one after removing punctuation and case | +[`IDENTIFIER_MATCH_DELTA`] (+0.30), and at least up to [`IDENTIFIER_MATCH_FLOOR`] (0.90) |
//! | `kind` | query kind and listed kind both known and different | [`KIND_MISMATCH_DELTA`] (−0.15) |
//!
//! The final score is clamped to [0, 1]. Missing evidence on either side
//! never moves the score: lists omit data far too often for absence to mean
//! anything. A different identifier is not evidence against either: people
//! hold several documents.
//!
//! 5. Sort (score, then entity id), apply threshold and limit.

mod country;

pub use country::country_key;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use tamga_index::{IdentifierIndex, IndexOptions, NameIndex};
use tamga_matcher::{Adjustment, Explanation, NameKindHint, NameScorer, TokenStats};
use tamga_model::{BirthDate, Entity, EntityKind, EntityList, ListMeta, NameQuality, Source};
use tamga_names::PartyHint;

/// Candidates whose index evidence is below this share of the best
/// candidate's are not scored when a threshold is set (see
/// [`Screener::screen`]); measured on the bundled lists, no name below it
/// reaches the default threshold.
pub const MIN_EVIDENCE_RATIO: f32 = 0.35;
/// Most candidates scored per query when a threshold is set: the index
/// ranks by evidence, and a name that matches the query shares its rarest
/// tokens, so it ranks near the top; scoring the long tail of names that
/// share only common tokens would cost most of the query time.
pub const MAX_SCORED_WITH_THRESHOLD: usize = 100;
/// Score change when the best matching name is a weak alias.
pub const WEAK_ALIAS_DELTA: f64 = -0.10;
/// Score change when the best matching name is a person's name of one word
/// that names no family ([`is_one_word_person_name`]): `Givi`, `LUKA`,
/// `SAMIR`, `Abu Hanifa`. Such a name is what OFAC grades a weak alias ("a
/// relatively broad or generic alias that may generate a large volume of
/// false hits"), whether or not its publisher grades aliases: it identifies
/// no one on its own, and against a customer's full name it matches one word
/// of it. A lone family name (`ERYGIN`, `Petrushev`) is not cut: it names
/// the listed family, as a surname-only listing does. The same cut as a
/// graded weak alias, and never both.
pub const ONE_WORD_NAME_DELTA: f64 = -0.10;
/// Score change when the query's full birth date equals a listed full date.
pub const BIRTH_DATE_EXACT_DELTA: f64 = 0.10;
/// Score change when the query's birth year falls inside a listed year range.
pub const BIRTH_YEAR_MATCH_DELTA: f64 = 0.05;
/// Score change when the query's birth year is more than
/// [`BIRTH_YEAR_TOLERANCE`] years away from every listed date.
pub const BIRTH_YEAR_MISMATCH_DELTA: f64 = -0.15;
/// Years of disagreement tolerated without a cut (typos, calendar slips).
pub const BIRTH_YEAR_TOLERANCE: i32 = 1;
/// Score change when the query's country is one of the entity's countries.
pub const COUNTRY_MATCH_DELTA: f64 = 0.03;
/// Score change when the entity lists countries and none is the query's.
pub const COUNTRY_MISMATCH_DELTA: f64 = -0.05;
/// Score raise for an identifier equal to a listed one.
pub const IDENTIFIER_MATCH_DELTA: f64 = 0.30;
/// Lowest score an identifier match leaves, however weak the name.
pub const IDENTIFIER_MATCH_FLOOR: f64 = 0.90;
/// Score change when query and listed kinds are both known and differ.
pub const KIND_MISMATCH_DELTA: f64 = -0.15;

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

/// Figures about a built screener, for logs, `/health` and benchmarks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScreenerStats {
    /// Entities loaded.
    pub entities: usize,
    /// Names indexed (all names of all entities).
    pub names: usize,
    /// Distinct Latin-skeleton tokens in the index.
    pub terms: usize,
    /// Approximate heap size of the candidate index, bytes.
    pub index_bytes: usize,
    /// Distinct normalised identifier numbers indexed.
    pub identifiers: usize,
    /// Wall time to build, milliseconds.
    pub build_ms: u64,
}

/// One indexed name: its entity, its position among the entity's names, and
/// the scorer's prepared form.
struct IndexedName<P> {
    entity: u32,
    /// The position among the entity's names, with [`WEAK_ALIAS_BIT`] set
    /// for a weak alias and [`ONE_WORD_BIT`] for a one-word person's name
    /// that is not one: every candidate scored needs that grade, and
    /// reading it from the entity cost two cache misses a candidate at
    /// millions of names (the entity, then its names).
    name: u32,
    prepared: P,
}

/// See [`IndexedName::name`]; no entity has 2³⁰ names.
const WEAK_ALIAS_BIT: u32 = 1 << 31;
/// See [`IndexedName::name`] and [`ONE_WORD_NAME_DELTA`].
const ONE_WORD_BIT: u32 = 1 << 30;

impl<P> IndexedName<P> {
    /// Position among the entity's names.
    fn position(&self) -> usize {
        (self.name & !(WEAK_ALIAS_BIT | ONE_WORD_BIT)) as usize
    }

    /// The cut the name's grade costs every score it gets, with the
    /// adjustment that explains it; None for a name graded in full.
    fn grade(&self) -> Option<(f64, &'static str, &'static str)> {
        if self.name & WEAK_ALIAS_BIT != 0 {
            Some((
                WEAK_ALIAS_DELTA,
                "weak_alias",
                "matched name is graded a weak alias by the publisher",
            ))
        } else if self.name & ONE_WORD_BIT != 0 {
            Some((
                ONE_WORD_NAME_DELTA,
                "one_word_name",
                "matched name is one word of a person's name and names no family: \
                 a nickname or one given name, weak evidence on its own",
            ))
        } else {
            None
        }
    }
}

/// Whether a person's name is one name word (titles and particles aside:
/// `Qari Atif`, `Abu Hanifa`) that is not a family name by its formant
/// ([`tamga_names::suffix_role`]), and not a name written in Han or Hangul,
/// where one token is a whole name (노광철, 董勒成). See
/// [`ONE_WORD_NAME_DELTA`].
pub fn is_one_word_person_name(kind: EntityKind, analyzed: &tamga_names::AnalyzedName) -> bool {
    if kind != EntityKind::Person {
        return false;
    }
    let mut words = analyzed
        .tokens
        .iter()
        .filter(|t| t.class == tamga_names::TokenClass::Name);
    let (Some(word), None) = (words.next(), words.next()) else {
        return false;
    };
    !tamga_names::is_syllable_token(&word.text)
        && word.role != tamga_names::TokenRole::Family
        && tamga_names::suffix_role(&word.latin) != Some(tamga_names::TokenRole::Family)
}

/// The loaded lists and their index, ready to screen.
pub struct Screener<S: NameScorer> {
    scorer: S,
    lists: Vec<ListMeta>,
    entities: Vec<Entity>,
    /// Entity positions sorted by entity id (equal ids in load order), for
    /// lookup by id: 4 bytes per entity where a map of cloned ids took ~80.
    by_id: Vec<u32>,
    names: Vec<IndexedName<S::Prepared>>,
    index: NameIndex,
    identifiers: IdentifierIndex,
    /// Canonical country keys (see [`country_key`]) of entity `i`:
    /// `country_keys[country_offsets[i]..country_offsets[i + 1]]`, flat so
    /// that an entity without countries costs 4 bytes.
    country_offsets: Vec<u32>,
    country_keys: Vec<String>,
    stats: ScreenerStats,
}

/// Best name per entity: entity -> (name score, name id). Keys are entity
/// positions, hashed by FNV as the memo of [`CachedStats`] is.
type BestNames = HashMap<u32, (f64, u32), BuildHasherDefault<Fnv>>;

/// Keeps `score`, the name score of indexed name `name_id`, as its entity's
/// best if it is (a weak name pays its cut first, see [`IndexedName::grade`];
/// an earlier name keeps a tie).
fn record<P>(name_id: u32, indexed: &IndexedName<P>, mut score: f64, best: &mut BestNames) {
    if let Some((delta, _, _)) = indexed.grade() {
        score += delta;
    }
    match best.get(&indexed.entity) {
        Some(&(b, _)) if b >= score => {}
        _ => {
            best.insert(indexed.entity, (score, name_id));
        }
    }
}

/// The most the adjustments other than an identifier match can raise a name
/// score (every raise at once, plus the rounding of the final score), so
/// that a candidate below the threshold by more can be dropped unexplained.
const MAX_RAISE_WITHOUT_IDENTIFIER: f64 =
    BIRTH_DATE_EXACT_DELTA + BIRTH_YEAR_MATCH_DELTA + COUNTRY_MATCH_DELTA + 1e-3;

/// Names analysed per step of the build: enough to keep both cores busy,
/// few enough that the analyses alive at once stay small next to the list.
const BUILD_CHUNK: usize = 1 << 14;

/// Token statistics memoised for one query: the scorer asks for the same
/// tokens' frequencies once per candidate.
struct CachedStats<'a> {
    index: &'a NameIndex,
    cache: RefCell<HashMap<String, f64, BuildHasherDefault<Fnv>>>,
}

/// FNV-1a: the memo's keys are short tokens hashed hundreds of times per
/// query, where SipHash's flood resistance buys nothing (keys come from the
/// lists and the query's own tokens).
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

impl TokenStats for CachedStats<'_> {
    fn frequency(&self, token: &str) -> f64 {
        if let Some(&f) = self.cache.borrow().get(token) {
            return f;
        }
        let f = self.index.frequency(token);
        self.cache.borrow_mut().insert(token.to_string(), f);
        f
    }
}

/// The names crate's view of a kind; vessels and aircraft read as
/// organisations, as the scorer does.
fn party_hint(kind: EntityKind) -> PartyHint {
    match kind {
        EntityKind::Person => PartyHint::Person,
        EntityKind::Organization | EntityKind::Vessel | EntityKind::Aircraft => {
            PartyHint::Organization
        }
        EntityKind::Unknown => PartyHint::Unknown,
    }
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

impl<S: NameScorer> Screener<S> {
    /// Builds the screener (and its index) over the given lists.
    pub fn new(lists: Vec<EntityList>, scorer: S) -> Screener<S> {
        Screener::with_index_options(lists, scorer, IndexOptions::default())
    }

    /// [`Screener::new`] with explicit candidate-index options.
    pub fn with_index_options(
        lists: Vec<EntityList>,
        scorer: S,
        options: IndexOptions,
    ) -> Screener<S> {
        let started = std::time::Instant::now();
        let mut metas = Vec::new();
        let mut entities = Vec::new();
        for list in lists {
            metas.push(list.meta);
            entities.extend(list.entities);
        }
        let mut by_id: Vec<u32> = (0..entities.len() as u32).collect();
        // Stable, so that among equal ids the last loaded is found last.
        by_id.par_sort_by(|&a, &b| entities[a as usize].id.cmp(&entities[b as usize].id));
        let n_names: usize = entities.iter().map(|e| e.names.len()).sum();
        // Analysis dominates the build: each name is analysed once, in
        // parallel, and the analysis feeds both the scorer's preparation and
        // what the index files of it (`NameFiling`: its keys, written down
        // in parallel too, so that the one thread filing them into the index
        // only looks them up and files ids, and each analysis is dropped on
        // the thread that made it). Names go through in chunks so that only
        // one chunk's filings are alive at a time, and a chunk is filed in
        // the index while the next one is analysed.
        let preparer = scorer.list_preparer();
        let analyse = |chunk: &[(u32, u32, &str, EntityKind)]| {
            chunk
                .par_iter()
                .map(|&(entity, name, full, kind)| {
                    let analyzed = tamga_names::analyze(full, party_hint(kind));
                    let prepared = preparer(full, kind_hint(kind), &analyzed);
                    let name =
                        if name & WEAK_ALIAS_BIT == 0 && is_one_word_person_name(kind, &analyzed) {
                            name | ONE_WORD_BIT
                        } else {
                            name
                        };
                    (
                        IndexedName {
                            entity,
                            name,
                            prepared,
                        },
                        tamga_index::NameFiling::new(&analyzed),
                    )
                })
                .collect::<Vec<_>>()
        };
        let mut names: Vec<IndexedName<S::Prepared>> = Vec::with_capacity(n_names);
        let mut builder = tamga_index::NameIndexBuilder::new();
        let mut file = |done: Vec<(IndexedName<S::Prepared>, tamga_index::NameFiling)>| {
            for (indexed, filing) in done {
                builder.add_filing(names.len() as u32, &filing);
                names.push(indexed);
            }
        };
        let refs: Vec<(u32, u32, &str, EntityKind)> = entities
            .iter()
            .enumerate()
            .flat_map(|(ei, e)| {
                e.names.iter().enumerate().map(move |(ni, n)| {
                    let weak = if n.quality == NameQuality::Weak {
                        WEAK_ALIAS_BIT
                    } else {
                        0
                    };
                    (ei as u32, ni as u32 | weak, n.full.as_str(), e.kind)
                })
            })
            .collect();
        let mut pending = Vec::new();
        for chunk in refs.chunks(BUILD_CHUNK) {
            let done = std::mem::take(&mut pending);
            let ((), next) = rayon::join(|| file(done), || analyse(chunk));
            pending = next;
        }
        file(pending);
        drop(refs);
        drop(preparer);
        let index = builder.build(options);
        let mut identifiers = IdentifierIndex::new();
        let mut country_offsets = Vec::with_capacity(entities.len() + 1);
        let mut country_keys = Vec::new();
        country_offsets.push(0);
        for (ei, e) in entities.iter().enumerate() {
            for id in &e.identifiers {
                identifiers.add(&id.number, ei as u32);
            }
            let mut keys: Vec<String> = e
                .nationalities
                .iter()
                .chain(&e.citizenships)
                .chain(&e.countries)
                .chain(e.addresses.iter().filter_map(|a| a.country.as_ref()))
                .map(|c| country_key(c))
                .filter(|k| !k.is_empty())
                .collect();
            keys.sort();
            keys.dedup();
            country_keys.extend(keys);
            country_offsets.push(country_keys.len() as u32);
        }
        let stats = ScreenerStats {
            entities: entities.len(),
            names: names.len(),
            terms: index.term_count(),
            index_bytes: index.heap_bytes(),
            identifiers: identifiers.len(),
            build_ms: started.elapsed().as_millis() as u64,
        };
        Screener {
            scorer,
            lists: metas,
            entities,
            by_id,
            names,
            index,
            identifiers,
            country_offsets,
            country_keys,
            stats,
        }
    }

    /// Screens one query.
    pub fn screen(&self, query: &Query, options: &ScreenOptions) -> Result<Vec<Match>, QueryError> {
        validate(query)?;
        let birth_date = parse_birth_date(query)?;
        let kind = query.kind.unwrap_or_default();
        let analyzed = tamga_names::analyze(&query.name, party_hint(kind));
        let prepared = self
            .scorer
            .prepare_with_analysis(&query.name, kind_hint(kind), &analyzed);
        let stats = CachedStats {
            index: &self.index,
            cache: RefCell::new(HashMap::with_capacity_and_hasher(32, Default::default())),
        };
        // Best name per entity by name score (weak-alias cut included);
        // explanations are built only for the matches returned.
        let mut best: BestNames = HashMap::default();
        // With an alert threshold, names with little index evidence next to
        // the best candidate (they share only a fraction of the query's
        // weighted tokens) cannot reach it and are not scored, nor are more
        // than MAX_SCORED_WITH_THRESHOLD. With threshold 0 (top N) every
        // candidate is scored. The index applies both cuts itself, which
        // lets it skip most postings of common tokens.
        let candidates = if options.threshold > 0.0 {
            let limit = MAX_SCORED_WITH_THRESHOLD.min(self.index.options().max_candidates);
            self.index
                .candidates_above(&analyzed, limit, f64::from(MIN_EVIDENCE_RATIO))
        } else {
            self.index.candidates(&analyzed)
        };
        best.reserve(candidates.len());
        // All candidates at once, so that the scorer may share work between
        // them (see `NameScorer::score_values`).
        let listed: Vec<(u32, &IndexedName<S::Prepared>)> = candidates
            .iter()
            .filter_map(|c| Some((c.name, self.names.get(c.name as usize)?)))
            .collect();
        let list_prepared: Vec<&S::Prepared> = listed.iter().map(|(_, n)| &n.prepared).collect();
        let scores = self.scorer.score_values(&prepared, &list_prepared, &stats);
        for (&(name_id, indexed), score) in listed.iter().zip(scores) {
            record(name_id, indexed, score, &mut best);
        }
        let id_owners: &[u32] = match &query.identifier {
            Some(number) => self.identifiers.lookup(number),
            None => &[],
        };
        for &owner in id_owners {
            if !best.contains_key(&owner) {
                // Found by identifier alone: score all its names so the match
                // still shows which name is closest.
                let ids: Vec<u32> = self.names_of(owner).map(|(id, _)| id).collect();
                for id in ids {
                    self.consider(&prepared, id, &stats, &mut best);
                }
            }
        }
        let mut scored: Vec<(f64, u32, u32, Vec<Adjustment>)> = best
            .into_iter()
            .filter_map(|(ei, (name_score, name_id))| {
                // Most candidates of an alerting threshold fall short even
                // with every raise but an identifier's: skip writing their
                // adjustments (formatted reasons) only to drop them.
                if options.threshold > 0.0
                    && name_score + MAX_RAISE_WITHOUT_IDENTIFIER < options.threshold
                    && !id_owners.contains(&ei)
                {
                    return None;
                }
                let e = &self.entities[ei as usize];
                let mut adjustments = Vec::new();
                let mut score = name_score;
                if let Some(q) = &birth_date {
                    if let Some(a) = birth_date_evidence(q, &e.birth_dates) {
                        adjustments.push(a);
                    }
                }
                if let Some(c) = query.country.as_deref().filter(|c| !c.trim().is_empty()) {
                    if let Some(a) = self.country_evidence(ei, c) {
                        adjustments.push(a);
                    }
                }
                if id_owners.contains(&ei) {
                    let so_far = score + adjustments.iter().map(|a| a.delta).sum::<f64>();
                    let delta = IDENTIFIER_MATCH_DELTA.max(IDENTIFIER_MATCH_FLOOR - so_far);
                    let number = query.identifier.as_deref().unwrap_or_default();
                    adjustments.push(Adjustment {
                        evidence: "identifier".to_string(),
                        delta: round4(delta),
                        reason: format!("identifier {number} equals a listed identifier"),
                    });
                }
                if let Some(a) = kind_evidence(query.kind, e.kind) {
                    adjustments.push(a);
                }
                score += adjustments.iter().map(|a| a.delta).sum::<f64>();
                let score = round4(score.clamp(0.0, 1.0));
                let keep = options.threshold <= 0.0 || score >= options.threshold;
                keep.then_some((score, ei, name_id, adjustments))
            })
            .collect();
        scored.sort_by(|a, b| {
            b.0.total_cmp(&a.0).then_with(|| {
                self.entities[a.1 as usize]
                    .id
                    .cmp(&self.entities[b.1 as usize].id)
            })
        });
        scored.truncate(options.limit);
        let matches = scored
            .into_iter()
            .map(|(score, ei, name_id, adjustments)| {
                let e = &self.entities[ei as usize];
                let indexed = &self.names[name_id as usize];
                let mut explanation = self
                    .scorer
                    .score(&prepared, &indexed.prepared, &stats)
                    .explanation;
                if let Some((delta, evidence, reason)) = indexed.grade() {
                    explanation.adjustments.push(Adjustment {
                        evidence: evidence.to_string(),
                        delta,
                        reason: reason.to_string(),
                    });
                }
                explanation.adjustments.extend(adjustments);
                Match {
                    entity_id: e.id.clone(),
                    source: e.source.clone(),
                    source_id: e.source_id.clone(),
                    name: e.caption().to_string(),
                    matched_name: e.names[indexed.position()].full.clone(),
                    kind: e.kind,
                    score,
                    explanation,
                }
            })
            .collect();
        Ok(matches)
    }

    /// Screens many queries in parallel over the machine's cores; results are
    /// in query order.
    pub fn screen_batch(
        &self,
        queries: &[Query],
        options: &ScreenOptions,
    ) -> Vec<Result<Vec<Match>, QueryError>> {
        queries
            .par_iter()
            .map(|q| self.screen(q, options))
            .collect()
    }

    /// Positions (in the names table) of an entity's names. Names are stored
    /// entity by entity, so they form one run found by binary search.
    fn names_of(&self, entity: u32) -> impl Iterator<Item = (u32, &IndexedName<S::Prepared>)> {
        let start = self.names.partition_point(|n| n.entity < entity);
        self.names[start..]
            .iter()
            .take_while(move |n| n.entity == entity)
            .enumerate()
            .map(move |(i, n)| ((start + i) as u32, n))
    }

    fn consider(
        &self,
        prepared: &S::Prepared,
        name_id: u32,
        stats: &dyn TokenStats,
        best: &mut BestNames,
    ) {
        let Some(indexed) = self.names.get(name_id as usize) else {
            return;
        };
        let score = self.scorer.score_value(prepared, &indexed.prepared, stats);
        record(name_id, indexed, score, best);
    }

    fn country_evidence(&self, entity: u32, country: &str) -> Option<Adjustment> {
        let e = entity as usize;
        let listed = match (self.country_offsets.get(e), self.country_offsets.get(e + 1)) {
            (Some(&a), Some(&b)) => &self.country_keys[a as usize..b as usize],
            _ => &[],
        };
        if listed.is_empty() {
            return None;
        }
        let key = country_key(country);
        let (delta, reason) = if listed.contains(&key) {
            (
                COUNTRY_MATCH_DELTA,
                format!("country {country} is among the listed countries"),
            )
        } else {
            (
                COUNTRY_MISMATCH_DELTA,
                format!(
                    "country {country} is not among the listed countries ({})",
                    listed.join(", ")
                ),
            )
        };
        Some(adjustment("country", delta, reason))
    }

    /// Compares two names directly, weighting tokens by their rarity in the
    /// loaded lists (every token weighs the same when no list is loaded).
    pub fn compare(&self, name1: &str, name2: &str, kind: Option<EntityKind>) -> Comparison {
        let hint = kind_hint(kind.unwrap_or_default());
        let a = self.scorer.prepare(name1, hint);
        let b = self.scorer.prepare(name2, hint);
        let s = self.scorer.score(&a, &b, &self.index);
        Comparison {
            name1: name1.to_string(),
            name2: name2.to_string(),
            score: s.score,
            explanation: s.explanation,
        }
    }

    /// Looks an entity up by `<source>:<source_id>`.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        let end = self
            .by_id
            .partition_point(|&i| self.entities[i as usize].id.as_str() <= id);
        let last = *self.by_id[..end].last()?;
        let entity = &self.entities[last as usize];
        (entity.id == id).then_some(entity)
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

    /// Figures about the build.
    pub fn stats(&self) -> &ScreenerStats {
        &self.stats
    }

    /// The candidate index (also the token statistics the scorer uses).
    pub fn index(&self) -> &NameIndex {
        &self.index
    }
}

fn parse_birth_date(query: &Query) -> Result<Option<BirthDate>, QueryError> {
    match query.birth_date.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => {
            BirthDate::parse_iso(text)
                .map(Some)
                .ok_or_else(|| QueryError::InvalidField {
                    field: "birth_date".to_string(),
                    message: format!("`{text}` is not YYYY, YYYY-MM or YYYY-MM-DD"),
                })
        }
    }
}

fn describe(date: &BirthDate) -> String {
    match *date {
        BirthDate::Exact { year, month, day } => format!("{year:04}-{month:02}-{day:02}"),
        BirthDate::Month { year, month } => format!("{year:04}-{month:02}"),
        BirthDate::Year { year } => format!("{year}"),
        BirthDate::Range { from, to } => format!("{from}–{to}"),
        BirthDate::Approximate { year } => format!("circa {year}"),
    }
}

/// The birth-date adjustment: the most favourable over the listed dates.
fn birth_date_evidence(query: &BirthDate, listed: &[BirthDate]) -> Option<Adjustment> {
    birth_date_delta(query, listed).map(|(delta, reason)| adjustment("birth_date", delta, reason))
}

fn adjustment(evidence: &str, delta: f64, reason: String) -> Adjustment {
    Adjustment {
        evidence: evidence.to_string(),
        delta,
        reason,
    }
}

fn birth_date_delta(query: &BirthDate, listed: &[BirthDate]) -> Option<(f64, String)> {
    if listed.is_empty() {
        return None;
    }
    let (q0, q1) = query.year_range();
    let mut best_gap = i32::MAX;
    let mut closest = &listed[0];
    for date in listed {
        if let (BirthDate::Exact { .. }, true) = (query, query == date) {
            return Some((
                BIRTH_DATE_EXACT_DELTA,
                format!("birth date {} equals the listed date", describe(query)),
            ));
        }
        let (l0, l1) = date.year_range();
        let gap = if q1 < l0 {
            l0 - q1
        } else if l1 < q0 {
            q0 - l1
        } else {
            0
        };
        if gap < best_gap {
            best_gap = gap;
            closest = date;
        }
    }
    if best_gap == 0 {
        Some((
            BIRTH_YEAR_MATCH_DELTA,
            format!(
                "birth year {} within listed {}",
                describe(query),
                describe(closest)
            ),
        ))
    } else if best_gap > BIRTH_YEAR_TOLERANCE {
        Some((
            BIRTH_YEAR_MISMATCH_DELTA,
            format!(
                "birth year {} is {best_gap} years from listed {}",
                describe(query),
                describe(closest)
            ),
        ))
    } else {
        None
    }
}

fn kind_evidence(query: Option<EntityKind>, listed: EntityKind) -> Option<Adjustment> {
    let query = query?;
    if query == EntityKind::Unknown || listed == EntityKind::Unknown || query == listed {
        return None;
    }
    Some(adjustment(
        "kind",
        KIND_MISMATCH_DELTA,
        format!(
            "query is a {} but the listed party is a {}",
            query.as_str(),
            listed.as_str()
        ),
    ))
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
    parse_birth_date(query)?;
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
