//! Builds the evaluation query sets from the real lists.
//!
//! Every positive query has a *target*: the listed entity a correct engine
//! must return. Sets that hold a name out remove it from the indexed copy of
//! the lists, so the engine can only find the target through the names that
//! remain (the question a real screening answers: "a spelling we have not
//! seen"). All sets are drawn from one shuffled order of entities and never
//! share an entity, so a single reduced index serves every set and the
//! innocent population is scored against exactly the same index.

use crate::perturb;
use crate::rng::Rng;
use crate::text::{normalize, script_of, token_key, Script};
use std::collections::{BTreeMap, HashMap, HashSet};
use tamga_model::{Entity, EntityKind, EntityList, ListMeta, Name, NameKind, NameQuality, Source};
use tamga_names::{analyze, PartyHint, TokenClass};

/// One evaluation query.
#[derive(Debug, Clone, PartialEq)]
pub struct EvalQuery {
    /// Unique id, `<set>:<n>`.
    pub id: String,
    /// The set it belongs to.
    pub set: String,
    /// The name to screen.
    pub name: String,
    /// Kind of party (known to a bank for its customer).
    pub kind: Option<EntityKind>,
    /// The entity that must be found; `None` for innocents.
    pub target: Option<String>,
    /// A diagnostic subset of the set, reported beside it but not counted
    /// twice in the macro average (see [`alias_relation`]).
    pub subset: Option<String>,
}

/// Sizes and seed of the generated sets.
#[derive(Debug, Clone)]
pub struct SetConfig {
    /// RNG seed.
    pub seed: u64,
    /// Held-out aliases (same script as a remaining name).
    pub heldout: usize,
    /// Cross-script held-out queries per direction.
    pub cross_script: usize,
    /// Typo queries.
    pub typo: usize,
    /// Reordering queries.
    pub reorder: usize,
    /// Legal-form variant queries.
    pub legal_form: usize,
}

impl Default for SetConfig {
    fn default() -> Self {
        SetConfig {
            seed: 20_260_227,
            heldout: 2000,
            cross_script: 1000,
            typo: 2000,
            reorder: 1000,
            legal_form: 1000,
        }
    }
}

/// The generated sets and the reduced lists to index.
#[derive(Debug, Clone)]
pub struct EvalPlan {
    /// The lists with every held-out name removed.
    pub lists: Vec<EntityList>,
    /// Positive queries, in set order.
    pub queries: Vec<EvalQuery>,
    /// Human-readable facts about the construction (counts per script, …).
    pub notes: Vec<String>,
}

/// The names of the set kinds, in report order.
pub const SET_ORDER: &[&str] = &[
    "heldout_alias",
    "xs_orig_to_latn",
    "xs_latn_to_orig",
    "pep_kz_cyrl_to_latn",
    "pep_kz_latn_to_cyrl",
    "typo",
    "reorder",
    "legal_form",
    "innocent",
];

/// One PEP record of the EveryPolitician names file: (name, person id).
pub type PepRow = (String, String);

/// Reads the EveryPolitician `names.csv` (`name,id`): the same deputy under
/// Latin, Kazakh Cyrillic and Russian Cyrillic spellings, keyed by UUID.
pub fn read_pep_names(path: &std::path::Path) -> anyhow::Result<Vec<PepRow>> {
    let mut reader =
        csv::Reader::from_path(path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    let headers = reader
        .headers()
        .map_err(|e| anyhow::anyhow!("{}: header: {e}", path.display()))?
        .clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| anyhow::anyhow!("{}: no `{name}` column", path.display()))
    };
    let (name_col, id_col) = (col("name")?, col("id")?);
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record =
            record.map_err(|e| anyhow::anyhow!("{}: row {}: {e}", path.display(), i + 2))?;
        let name = record.get(name_col).unwrap_or("").trim().to_string();
        let id = record.get(id_col).unwrap_or("").trim().to_string();
        if name.is_empty() || id.is_empty() {
            anyhow::bail!("{}: row {}: empty name or id", path.display(), i + 2);
        }
        rows.push((name, id));
    }
    Ok(rows)
}

/// Generic words of organisation names that say nothing about which party
/// is meant (legal forms and the like), ignored by [`alias_relation`].
const GENERIC_WORDS: &[&str] = &[
    "company",
    "limited",
    "trading",
    "international",
    "group",
    "corporation",
    "holding",
    "holdings",
    "industries",
    "services",
    "bank",
    "general",
    "import",
    "export",
    "the",
];

/// Subset of a held-out alias that has a word of 4+ letters in common with a
/// name its entity keeps (see [`alias_relation`]).
pub const SHARES_A_WORD: &str = "shares a word";
/// Subset of a held-out alias that shares no word with the kept names but
/// has one spelt alike, or is an acronym of their words or they of its.
pub const SPELT_ALIKE: &str = "a word spelt alike";
/// Subset of a held-out alias with no word related to any kept name.
pub const NO_RELATED_WORD: &str = "no related word";

/// Lowest normalised Levenshtein similarity at which two words count as
/// spelt alike in [`alias_relation`]: deliberately generous (`omar` ~
/// `amar`, `dweik` ~ `dwaik`, `ivanov` ~ `ivanova`), so that the queries left
/// with no related word are beyond any name matcher, not merely beyond
/// tamga.
const SPELT_ALIKE_SIMILARITY: f64 = 0.5;

/// How a held-out alias relates to the names its entity keeps in the index,
/// by a rule that ignores how any method scores:
/// - [`SHARES_A_WORD`]: some word of 4+ letters (case and punctuation aside,
///   generic organisation words excepted) appears in a kept name;
/// - [`SPELT_ALIKE`]: none does, but a word of 3+ letters is within a
///   normalised Levenshtein similarity of 0.5 of a kept word once both are
///   written in Latin letters (`tamga_names::skeleton`: DWEIK ~ DWAIK,
///   Гундяев ~ GUNDYAYEV), or a word of 2–8 letters of one name is a run of
///   the initials of the other's words (IMU ~ ISLAMIC MOVEMENT OF
///   UZBEKISTAN);
/// - [`NO_RELATED_WORD`]: neither (a nickname such as `SANDOKAN`, a former
///   or married name, a translated or brand name).
///
/// The last kind is out of reach of name matching: finding it at a 1 %
/// innocent alert rate would take knowledge of the party, not of names. Its
/// share of the set bounds the recall any name matcher can reach, and the
/// report shows recall on each kind so that ceiling is visible.
pub fn alias_relation<'a>(alias: &str, kept: impl IntoIterator<Item = &'a str>) -> &'static str {
    let words = |text: &str| -> HashSet<String> {
        normalize(text)
            .split(' ')
            .filter(|w| w.chars().count() >= 4 && !GENERIC_WORDS.contains(w))
            .map(str::to_string)
            .collect()
    };
    let own = words(alias);
    let kept: Vec<&str> = kept.into_iter().collect();
    if kept.iter().any(|k| !own.is_disjoint(&words(k))) {
        return SHARES_A_WORD;
    }
    let alias_latin = latin_words(alias);
    if kept
        .iter()
        .any(|k| spelt_alike(&alias_latin, &latin_words(k)))
    {
        SPELT_ALIKE
    } else {
        NO_RELATED_WORD
    }
}

/// A name's words written in Latin letters (`tamga_names::skeleton`), for
/// [`spelt_alike`].
fn latin_words(text: &str) -> Vec<String> {
    normalize(text)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(tamga_names::skeleton)
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether two names' [`latin_words`] have a word spelt alike or one's word
/// abbreviates the other's words (see [`alias_relation`]).
fn spelt_alike(a: &[String], b: &[String]) -> bool {
    let content = |w: &&String| w.len() >= 3 && !GENERIC_WORDS.contains(&w.as_str());
    let alike = a.iter().filter(content).any(|x| {
        b.iter().filter(content).any(|y| {
            rapidfuzz::distance::levenshtein::normalized_similarity(x.chars(), y.chars())
                >= SPELT_ALIKE_SIMILARITY
        })
    });
    alike || abbreviates(a, b) || abbreviates(b, a)
}

/// Whether a word of 2–8 letters of `short` is a run of the initials of
/// `long`'s words, with or without its function words (`MOD` and `MD` for
/// `Ministry of Defence`).
fn abbreviates(short: &[String], long: &[String]) -> bool {
    let initials = |skip_function_words: bool| -> String {
        long.iter()
            .filter(|w| !skip_function_words || !tamga_names::acronym::is_function_word(w))
            .filter_map(|w| w.chars().next())
            .collect()
    };
    let (all, content) = (initials(false), initials(true));
    short
        .iter()
        .filter(|w| (2..=8).contains(&w.len()))
        .any(|w| all.contains(w.as_str()) || content.contains(w.as_str()))
}

fn kind_of(entity: &Entity) -> Option<EntityKind> {
    match entity.kind {
        EntityKind::Unknown => None,
        k => Some(k),
    }
}

fn is_latin(name: &Name) -> bool {
    script_of(&name.full) == Script::Latin
}

fn is_original_script(name: &Name) -> bool {
    matches!(
        script_of(&name.full),
        Script::Cyrillic | Script::Arabic | Script::Other
    )
}

/// Whether a name has a word that names someone: a name that is only a legal
/// form or generic words (Canada's schedule publishes `Акционерное общество`
/// as an alias) identifies nobody and is no query.
fn names_someone(name: &Name) -> bool {
    analyze(&name.full, PartyHint::Organization)
        .tokens
        .iter()
        .any(|t| t.class == TokenClass::Name)
}

/// The caption if it is in Latin script, else the first Latin name.
fn latin_caption(entity: &Entity) -> Option<&Name> {
    entity
        .names
        .iter()
        .find(|n| n.kind == NameKind::Primary && is_latin(n))
        .or_else(|| entity.names.iter().find(|n| is_latin(n)))
}

struct Builder {
    rng: Rng,
    queries: Vec<EvalQuery>,
    counters: BTreeMap<String, usize>,
    notes: Vec<String>,
}

impl Builder {
    fn push(&mut self, set: &str, name: String, kind: Option<EntityKind>, target: &str) {
        let n = self.counters.entry(set.to_string()).or_insert(0);
        *n += 1;
        self.queries.push(EvalQuery {
            id: format!("{set}:{n:05}"),
            set: set.to_string(),
            name,
            kind,
            target: Some(target.to_string()),
            subset: None,
        });
    }

    fn count(&self, set: &str) -> usize {
        self.counters.get(set).copied().unwrap_or(0)
    }
}

/// Builds every positive set. `pep` are the rows of the PEP names file; they
/// become an extra list (`eval_pep_kz`) in the plan.
pub fn build_plan(mut lists: Vec<EntityList>, pep: &[PepRow], config: &SetConfig) -> EvalPlan {
    let mut b = Builder {
        rng: Rng::new(config.seed),
        queries: Vec::new(),
        counters: BTreeMap::new(),
        notes: Vec::new(),
    };
    // One deterministic shuffled order of (list, entity) positions.
    let mut order: Vec<(usize, usize)> = lists
        .iter()
        .enumerate()
        .flat_map(|(li, l)| (0..l.entities.len()).map(move |ei| (li, ei)))
        .collect();
    b.rng.shuffle(&mut order);
    let mut used: HashSet<(usize, usize)> = HashSet::new();
    // Names to remove: (list, entity) -> name indices.
    let mut removals: HashMap<(usize, usize), Vec<usize>> = HashMap::new();

    // 1. Held-out aliases: a strong Latin name whose entity keeps another
    //    Latin name that is not the same words.
    for &(li, ei) in &order {
        if b.count("heldout_alias") >= config.heldout {
            break;
        }
        let e = &lists[li].entities[ei];
        if e.names.len() < 2 {
            continue;
        }
        let keys: Vec<String> = e.names.iter().map(|n| token_key(&n.full)).collect();
        let candidates: Vec<usize> = (0..e.names.len())
            .filter(|&ni| {
                let n = &e.names[ni];
                n.quality == NameQuality::Strong
                    && is_latin(n)
                    && names_someone(n)
                    && !keys[ni].is_empty()
                    && (0..e.names.len()).any(|o| o != ni && is_latin(&e.names[o]))
                    && (0..e.names.len()).all(|o| o == ni || keys[o] != keys[ni])
            })
            .collect();
        let Some(&ni) = b.rng.pick(&candidates) else {
            continue;
        };
        let (name, kind, id) = (e.names[ni].full.clone(), kind_of(e), e.id.clone());
        let relation = alias_relation(
            &name,
            e.names
                .iter()
                .enumerate()
                .filter(|&(o, _)| o != ni)
                .map(|(_, n)| n.full.as_str()),
        );
        b.push("heldout_alias", name, kind, &id);
        if let Some(q) = b.queries.last_mut() {
            q.subset = Some(relation.to_string());
        }
        removals.insert((li, ei), vec![ni]);
        used.insert((li, ei));
    }

    // 2. Cross-script: entities with both Latin and original-script names.
    //    Alternate the direction so both sets fill evenly.
    let mut per_script: BTreeMap<(String, &'static str), usize> = BTreeMap::new();
    let mut to_latin_next = true;
    for &(li, ei) in &order {
        let (a, z) = (b.count("xs_orig_to_latn"), b.count("xs_latn_to_orig"));
        if a >= config.cross_script && z >= config.cross_script {
            break;
        }
        if used.contains(&(li, ei)) {
            continue;
        }
        let e = &lists[li].entities[ei];
        let originals: Vec<usize> = (0..e.names.len())
            .filter(|&i| is_original_script(&e.names[i]))
            .collect();
        let latins: Vec<usize> = (0..e.names.len())
            .filter(|&i| is_latin(&e.names[i]))
            .collect();
        if originals.is_empty() || latins.is_empty() {
            continue;
        }
        // Every original-script name is removed, but only one that names
        // someone is a query.
        let queryable: Vec<usize> = originals
            .iter()
            .copied()
            .filter(|&i| names_someone(&e.names[i]))
            .collect();
        let to_latin = if a >= config.cross_script {
            false
        } else if z >= config.cross_script {
            true
        } else {
            to_latin_next
        };
        to_latin_next = !to_latin;
        let (set, query_idx, removed) = if to_latin {
            let Some(&q) = b.rng.pick(&queryable) else {
                continue;
            };
            ("xs_orig_to_latn", q, originals)
        } else {
            // Prefer the Latin caption: it is what a customer record carries.
            let q = latin_caption(e)
                .filter(|c| names_someone(c))
                .and_then(|c| e.names.iter().position(|n| n == c));
            let Some(q) = q else {
                continue;
            };
            ("xs_latn_to_orig", q, latins)
        };
        let script = script_of(&e.names[query_idx].full).label();
        *per_script.entry((set.to_string(), script)).or_insert(0) += 1;
        let (name, kind, id) = (e.names[query_idx].full.clone(), kind_of(e), e.id.clone());
        b.push(set, name, kind, &id);
        removals.insert((li, ei), removed);
        used.insert((li, ei));
    }
    for ((set, script), n) in &per_script {
        b.notes
            .push(format!("{set}: {n} queries whose query name is {script}"));
    }
    let mut by_source: BTreeMap<(String, String), usize> = BTreeMap::new();
    for &(li, ei) in &used {
        let e = &lists[li].entities[ei];
        if let Some(q) = b
            .queries
            .iter()
            .rev()
            .find(|q| q.target.as_deref() == Some(&e.id))
        {
            *by_source
                .entry((q.set.clone(), e.source.to_string()))
                .or_insert(0) += 1;
        }
    }
    for ((set, source), n) in &by_source {
        b.notes.push(format!("{set}: {n} targets from {source}"));
    }

    // 3. Perturbations of the Latin caption of entities nothing was removed
    //    from (their full name set stays indexed).
    for &(li, ei) in &order {
        let full = b.count("typo") >= config.typo
            && b.count("reorder") >= config.reorder
            && b.count("legal_form") >= config.legal_form;
        if full {
            break;
        }
        if used.contains(&(li, ei)) {
            continue;
        }
        let e = &lists[li].entities[ei];
        if !matches!(e.kind, EntityKind::Person | EntityKind::Organization) {
            continue;
        }
        let Some(caption) = latin_caption(e) else {
            continue;
        };
        let caption = caption.full.clone();
        let norms: HashSet<String> = e.names.iter().map(|n| normalize(&n.full)).collect();
        let keys: HashSet<String> = e.names.iter().map(|n| token_key(&n.full)).collect();
        // Legal forms first: few entities qualify, so they get first pick.
        let variant =
            if e.kind == EntityKind::Organization && b.count("legal_form") < config.legal_form {
                perturb::legal_form_variant(&caption, &mut b.rng)
                    .filter(|v| !norms.contains(&normalize(v)))
                    .map(|v| ("legal_form", v))
            } else {
                None
            };
        let variant = variant.or_else(|| {
            // Alternate typo / reorder by need.
            let want_typo = b.count("typo") < config.typo
                && (b.count("reorder") >= config.reorder
                    || b.count("typo") * config.reorder.max(1)
                        <= b.count("reorder") * config.typo.max(1));
            if want_typo {
                perturb::typo(&caption, &mut b.rng)
                    .filter(|v| !keys.contains(&token_key(v)))
                    .map(|v| ("typo", v))
            } else if b.count("reorder") < config.reorder {
                perturb::reorder(&caption, &mut b.rng)
                    .filter(|v| !norms.contains(&normalize(v)))
                    .map(|v| ("reorder", v))
            } else {
                None
            }
        });
        if let Some((set, v)) = variant {
            let (kind, id) = (kind_of(e), e.id.clone());
            b.push(set, v, kind, &id);
            used.insert((li, ei));
        }
    }

    // Apply removals (descending so indices stay valid).
    for ((li, ei), mut idx) in removals {
        idx.sort_unstable_by(|a, b| b.cmp(a));
        let names = &mut lists[li].entities[ei].names;
        for i in idx {
            names.remove(i);
        }
    }

    // A held-out name is removed from its own entity only. When another
    // entity publishes the same name (the same party on another list, or a
    // namesake), screening it alerts on that entity at 1.0 whatever the
    // target scores: the report says how many, so the set's per-entity
    // recall can be read beside the alert a bank would actually get.
    let mut published: HashMap<String, HashSet<&str>> = HashMap::new();
    for e in lists.iter().flat_map(|l| l.entities.iter()) {
        for n in &e.names {
            published
                .entry(token_key(&n.full))
                .or_default()
                .insert(e.id.as_str());
        }
    }
    for set in ["heldout_alias", "xs_orig_to_latn", "xs_latn_to_orig"] {
        let elsewhere = b
            .queries
            .iter()
            .filter(|q| q.set == set)
            .filter(|q| {
                published
                    .get(&token_key(&q.name))
                    .is_some_and(|ids| ids.iter().any(|id| Some(*id) != q.target.as_deref()))
            })
            .count();
        b.notes.push(format!(
            "{set}: {elsewhere} queries whose name another entity still publishes (case, punctuation and word order aside)"
        ));
    }

    // 4. PEP cross-script: index one script, query the other.
    if let Some(pep_list) = pep_plan(pep, &mut b) {
        lists.push(pep_list);
    }

    // Queries in report order of sets, then by id.
    b.queries.sort_by(|x, y| {
        let rank = |s: &str| SET_ORDER.iter().position(|o| *o == s).unwrap_or(usize::MAX);
        rank(&x.set).cmp(&rank(&y.set)).then(x.id.cmp(&y.id))
    });
    EvalPlan {
        lists,
        queries: b.queries,
        notes: b.notes,
    }
}

/// Builds the PEP list: half the deputies are indexed under their Latin
/// names only (queried by a Cyrillic name), the other half under their
/// Cyrillic names only (queried by the Latin name).
fn pep_plan(rows: &[PepRow], b: &mut Builder) -> Option<EntityList> {
    if rows.is_empty() {
        return None;
    }
    let mut persons: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    let mut first_seen: Vec<&str> = Vec::new();
    for (name, id) in rows {
        let entry = persons.entry(id.as_str()).or_default();
        if entry.is_empty() {
            first_seen.push(id.as_str());
        }
        if !entry.contains(&name.as_str()) {
            entry.push(name.as_str());
        }
    }
    let mut ids: Vec<&str> = first_seen
        .into_iter()
        .filter(|id| {
            let names = &persons[id];
            names.iter().any(|n| script_of(n) == Script::Latin)
                && names.iter().any(|n| script_of(n) == Script::Cyrillic)
        })
        .collect();
    b.rng.shuffle(&mut ids);
    let source = Source::Custom("eval_pep_kz".to_string());
    let mut list = EntityList {
        meta: ListMeta {
            source: source.clone(),
            format: "eval_pep_csv".to_string(),
            ..ListMeta::default()
        },
        entities: Vec::new(),
    };
    for (i, id) in ids.iter().enumerate() {
        let names = &persons[id];
        let latin: Vec<&str> = names
            .iter()
            .copied()
            .filter(|n| script_of(n) == Script::Latin)
            .collect();
        let cyrillic: Vec<&str> = names
            .iter()
            .copied()
            .filter(|n| script_of(n) == Script::Cyrillic)
            .collect();
        let (indexed, queries, set) = if i % 2 == 0 {
            (latin, cyrillic, "pep_kz_cyrl_to_latn")
        } else {
            (cyrillic, latin, "pep_kz_latn_to_cyrl")
        };
        let Some(&query) = b.rng.pick(&queries) else {
            continue;
        };
        let mut entity = Entity::new(source.clone(), *id, EntityKind::Person);
        for (k, n) in indexed.iter().enumerate() {
            let kind = if k == 0 {
                NameKind::Primary
            } else {
                NameKind::Aka
            };
            entity.push_name(Name::new(*n, kind));
        }
        b.push(set, query.to_string(), Some(EntityKind::Person), &entity.id);
        list.entities.push(entity);
    }
    Some(list)
}

/// Every listed name as a [`token_key`] (normalised, order-insensitive);
/// an innocent with the same key bears exactly a listed name (perhaps in
/// another word order) and is a true name hit, not an innocent: dropped.
pub fn listed_name_set<'a>(lists: impl IntoIterator<Item = &'a EntityList>) -> HashSet<String> {
    lists
        .into_iter()
        .flat_map(|l| l.entities.iter())
        .flat_map(|e| e.names.iter())
        .map(|n| token_key(&n.full))
        .collect()
}

/// One row of the committed innocent population.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct InnocentRow {
    /// Row id.
    pub id: String,
    /// Name.
    pub name: String,
    /// `person` or `organization`.
    pub kind: String,
}

/// Reads `data/eval/innocents.csv`.
pub fn read_innocents(path: &std::path::Path) -> anyhow::Result<Vec<InnocentRow>> {
    let mut reader =
        csv::Reader::from_path(path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    let mut rows = Vec::new();
    for (i, row) in reader.deserialize().enumerate() {
        let row: InnocentRow =
            row.map_err(|e| anyhow::anyhow!("{}: row {}: {e}", path.display(), i + 2))?;
        rows.push(row);
    }
    Ok(rows)
}

/// Turns innocent rows into queries, dropping (and counting) those whose
/// name is a listed name up to case, punctuation and word order.
pub fn innocent_queries(
    rows: &[InnocentRow],
    listed: &HashSet<String>,
    max: usize,
) -> (Vec<EvalQuery>, usize) {
    let mut dropped = 0;
    let mut out = Vec::new();
    for row in rows {
        if out.len() >= max {
            break;
        }
        if listed.contains(&token_key(&row.name)) {
            dropped += 1;
            continue;
        }
        out.push(EvalQuery {
            id: format!("innocent:{}", row.id),
            set: "innocent".to_string(),
            name: row.name.clone(),
            kind: EntityKind::parse(&row.kind).filter(|k| *k != EntityKind::Unknown),
            target: None,
            subset: None,
        });
    }
    (out, dropped)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tamga_sources::{load, ListSpec, LoadOptions};

    const UN: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../data/lists/un/2026-02-27/consolidated.xml"
    );
    const PEP: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../data/lists/pep/everypolitician_upstream_index/Kazakhstan/names.csv"
    );

    fn un_list() -> EntityList {
        load(&ListSpec::parse(UN), &LoadOptions::default()).expect("UN list loads")
    }

    fn small() -> SetConfig {
        SetConfig {
            heldout: 50,
            cross_script: 20,
            typo: 40,
            reorder: 30,
            legal_form: 10,
            ..SetConfig::default()
        }
    }

    #[test]
    fn sets_from_the_real_un_list_are_non_empty_deterministic_and_held_out() {
        let original = un_list();
        let pep = read_pep_names(std::path::Path::new(PEP)).expect("PEP names read");
        let a = build_plan(vec![original.clone()], &pep, &small());
        let b = build_plan(vec![original.clone()], &pep, &small());
        assert_eq!(a.queries, b.queries, "same seed, same sets");
        let c = build_plan(
            vec![original.clone()],
            &pep,
            &SetConfig { seed: 1, ..small() },
        );
        assert_ne!(a.queries, c.queries, "the seed matters");

        let count = |set: &str| a.queries.iter().filter(|q| q.set == set).count();
        assert_eq!(count("heldout_alias"), 50);
        assert_eq!(count("typo"), 40);
        assert_eq!(count("reorder"), 30);
        // The UN list publishes Arabic-script originals for some entries.
        assert!(count("xs_orig_to_latn") > 0);
        assert!(count("pep_kz_cyrl_to_latn") > 0 && count("pep_kz_latn_to_cyrl") > 0);

        let reduced: HashMap<&str, &Entity> = a
            .lists
            .iter()
            .flat_map(|l| &l.entities)
            .map(|e| (e.id.as_str(), e))
            .collect();
        let full: HashMap<&str, &Entity> = original
            .entities
            .iter()
            .map(|e| (e.id.as_str(), e))
            .collect();
        let mut targets = HashSet::new();
        for q in &a.queries {
            let target = q.target.as_deref().expect("positive queries have targets");
            assert!(
                targets.insert(target),
                "sets never share an entity: {target}"
            );
            let indexed = reduced[target];
            let indexed_norms: Vec<String> =
                indexed.names.iter().map(|n| normalize(&n.full)).collect();
            assert!(!indexed.names.is_empty(), "{target} keeps a name");
            // The query is never an indexed name of its target.
            assert!(
                !indexed_norms.contains(&normalize(&q.name)),
                "{}: {}",
                q.set,
                q.name
            );
            if q.set == "heldout_alias" || q.set.starts_with("xs_") {
                // The held-out name is a real published name of the target,
                // and one that names someone.
                let published = full[target].names.iter().find(|n| n.full == q.name);
                assert!(published.is_some_and(names_someone), "{}", q.name);
            }
            if q.set == "xs_orig_to_latn" {
                assert!(indexed
                    .names
                    .iter()
                    .all(|n| script_of(&n.full) == Script::Latin));
                assert_ne!(script_of(&q.name), Script::Latin);
            }
        }
    }

    #[test]
    fn a_name_of_legal_form_words_only_is_no_query() {
        // Aliases as Canada's Russia schedule publishes them.
        let name = |text: &str| Name::new(text, NameKind::Aka);
        assert!(!names_someone(&name("Акционерное общество")));
        assert!(!names_someone(&name("Открытого акционерного общества")));
        assert!(!names_someone(&name("АО")));
        assert!(names_someone(&name("Банк Зенит, ПАО")));
        assert!(names_someone(&name("Рембаза, АО")));
    }

    #[test]
    fn innocents_that_are_listed_names_are_dropped() {
        let list = un_list();
        let listed = listed_name_set([&list]);
        let committed = concat!(env!("CARGO_MANIFEST_DIR"), "/../data/eval/innocents.csv");
        let mut rows = read_innocents(std::path::Path::new(committed)).expect("innocents read");
        rows.truncate(5);
        let kept_first = rows[0].id.clone();
        // A listed caption, re-cased, smuggled into the population.
        rows.insert(
            0,
            InnocentRow {
                id: "listed".into(),
                name: list.entities[0].caption().to_uppercase(),
                kind: "person".into(),
            },
        );
        let (queries, dropped) = innocent_queries(&rows, &listed, 10);
        assert_eq!(dropped, 1);
        assert_eq!(queries.len(), 5);
        assert_eq!(queries[0].id, format!("innocent:{kept_first}"));
        assert!(queries
            .iter()
            .all(|q| q.target.is_none() && q.set == "innocent"));
    }

    #[test]
    fn alias_relation_tells_variants_from_unrelated_names() {
        assert_eq!(
            alias_relation("Mohammad Sadeq NASERI", ["Mohammad Sadegh NASERI"]),
            SHARES_A_WORD
        );
        assert_eq!(
            alias_relation("SCHIAVONE, Francesco", ["SANDOKAN"]),
            NO_RELATED_WORD
        );
        // Another spelling of every word, or of the other script.
        assert_eq!(
            alias_relation("DWEIK", ["DWAIK, Aziz Salem Mustada"]),
            SPELT_ALIKE
        );
        assert_eq!(
            alias_relation("PATRIARCH KIRILL", ["Владимир Михайлович Гундяев"]),
            NO_RELATED_WORD
        );
        assert_eq!(
            alias_relation("Vladimir GUNDYAYEV", ["Владимир Михайлович Гундяев"]),
            SPELT_ALIKE
        );
        // An acronym of the kept name's words, with or without `of`.
        assert_eq!(
            alias_relation("IMU", ["ISLAMIC MOVEMENT OF UZBEKISTAN"]),
            SPELT_ALIKE
        );
        // Generic organisation words do not make a relation.
        assert_eq!(
            alias_relation(
                "WONBANG TRADING COMPANY",
                ["GLOCOM INTERNATIONAL TRADING COMPANY"]
            ),
            NO_RELATED_WORD
        );
    }
}
