//! The ownership graph and the per-regime ownership rules.
//!
//! Nodes are parties: every loaded entity (keyed by its `<source>:<id>`), plus
//! companies that appear only in ownership data (keyed `name:<NORMALISED NAME>`).
//! Edges are stakes `owner → owned` with an optional percentage, a control
//! flag and an optional joint-arrangement tag. Edges come from the lists
//! (`Entity::relationships` of kind `OwnedBy` / `Owns` / `Controls` /
//! `ControlledBy`) and from user CSV files (see [`GraphBuilder::load_csv`]).
//!
//! `Controls` / `ControlledBy` relationships published by the lists (OFAC
//! Advanced "Leader Of", FtM `Directorship`, …) are *possible* control: they
//! raise `review`, never block by themselves. Control that blocks under the
//! EU and UK rules is control asserted in user data (`control` column).
//!
//! `LinkedTo`, `Associate` and `Family` relationships are **not** ownership:
//! an OFAC `Linked To:` remark says that a designation is tied to another
//! party, not that it holds shares in it, so it never blocks by itself. Those
//! relationships are counted in [`GraphStats::ignored_non_ownership`] only.
//!
//! Evaluation is a monotone fixed point (a party, once blocked, stays
//! blocked; each party enters the work list at most once), so cycles
//! terminate and a million edges evaluate in well under a second.

use crate::csvfile::CsvFile;
use crate::RulesError;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::path::Path;
use tamga_model::{Entity, RelationKind};

/// Normalises a name for exact ownership references: upper case, letters and
/// digits only, single spaces. Ownership data is matched exactly (never
/// fuzzily): a fuzzy match would attach a real stake to the wrong company.
pub fn normalise_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = false;
    for c in name.chars() {
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_uppercase());
        } else {
            space = true;
        }
    }
    out
}

/// One ownership or control edge as read from a list or a user file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EdgeInfo {
    /// Date the stake was observed (`YYYY-MM-DD` as given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    /// Where the edge comes from: `<entity id> relationships` or `<file>:<line>`.
    pub source: String,
}

#[derive(Debug, Clone, Copy)]
struct Edge {
    owner: u32,
    owned: u32,
    /// Percentage of the owned party held, when known.
    pct: Option<f64>,
    /// The owner controls the owned party (board, voting agreement, …).
    control: bool,
    /// Joint-arrangement tag (index into `joint_tags`).
    joint: Option<u32>,
    info: u32,
}

/// Counters describing how a graph was built.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GraphStats {
    /// Parties (nodes).
    pub nodes: usize,
    /// Ownership / control edges after de-duplication.
    pub edges: usize,
    /// Edges without a percentage.
    pub edges_without_percentage: usize,
    /// `LinkedTo` / `Associate` / `Family` relationships, not used as ownership.
    pub ignored_non_ownership: usize,
}

/// Builds an [`OwnershipGraph`].
#[derive(Default)]
pub struct GraphBuilder {
    keys: Vec<String>,
    labels: Vec<String>,
    index: HashMap<String, u32>,
    /// Normalised name → entity ids carrying it (for exact name references).
    names: HashMap<String, Vec<String>>,
    /// Same-source name index, for `target_name` references inside one list.
    source_names: HashMap<(String, String), Vec<String>>,
    parent: Vec<u32>,
    raw: Vec<Edge>,
    infos: Vec<EdgeInfo>,
    joint_tags: Vec<String>,
    joint_index: HashMap<String, u32>,
    ignored: usize,
}

impl GraphBuilder {
    /// An empty builder.
    pub fn new() -> GraphBuilder {
        GraphBuilder::default()
    }

    fn node(&mut self, key: &str, label: &str) -> u32 {
        if let Some(&n) = self.index.get(key) {
            return n;
        }
        let n = self.keys.len() as u32;
        self.keys.push(key.to_string());
        self.labels.push(label.to_string());
        self.parent.push(n);
        self.index.insert(key.to_string(), n);
        n
    }

    fn find(&mut self, mut n: u32) -> u32 {
        while self.parent[n as usize] != n {
            let p = self.parent[n as usize];
            self.parent[n as usize] = self.parent[p as usize];
            n = p;
        }
        n
    }

    fn union(&mut self, a: u32, b: u32) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // Keep the lower index (registered first, usually an entity) as root.
            let (root, child) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[child as usize] = root;
        }
    }

    /// Registers entities as parties and adds the ownership edges their lists
    /// publish. Call once with every loaded entity before adding user files,
    /// so that user references by name resolve to listed entities.
    pub fn add_entities<'a>(&mut self, entities: impl IntoIterator<Item = &'a Entity>) {
        let entities: Vec<&Entity> = entities.into_iter().collect();
        for e in &entities {
            self.node(&e.id, e.caption());
            for name in &e.names {
                let norm = normalise_name(&name.full);
                if norm.is_empty() {
                    continue;
                }
                let ids = self.names.entry(norm.clone()).or_default();
                if !ids.contains(&e.id) {
                    ids.push(e.id.clone());
                }
                let ids = self
                    .source_names
                    .entry((e.source.as_str().to_string(), norm))
                    .or_default();
                if !ids.contains(&e.id) {
                    ids.push(e.id.clone());
                }
            }
        }
        for e in &entities {
            for rel in &e.relationships {
                // List-published control (director, leader, executive of …)
                // is *possible* control: without a percentage it is counted
                // only in the upper bound, so it raises `review` but never
                // blocks by itself. Asserted control comes from user data.
                let owner_is_self = match rel.kind {
                    RelationKind::OwnedBy | RelationKind::ControlledBy => false,
                    RelationKind::Owns | RelationKind::Controls => true,
                    RelationKind::LinkedTo | RelationKind::Associate | RelationKind::Family => {
                        self.ignored += 1;
                        continue;
                    }
                };
                let me = self.index[&e.id];
                let other = match (&rel.target_id, &rel.target_name) {
                    (Some(id), _) => {
                        let label = rel.target_name.clone().unwrap_or_else(|| id.clone());
                        self.node(id, &label)
                    }
                    (None, Some(name)) => {
                        let norm = normalise_name(name);
                        let same_source = self
                            .source_names
                            .get(&(e.source.as_str().to_string(), norm.clone()))
                            .cloned();
                        match same_source.or_else(|| self.names.get(&norm).cloned()) {
                            Some(ids) => self.merged(&ids, name),
                            None => self.node(&format!("name:{norm}"), name),
                        }
                    }
                    (None, None) => continue,
                };
                let info = self.info(EdgeInfo {
                    as_of: None,
                    source: match &rel.note {
                        Some(note) => format!("{} relationships ({:?}: {note})", e.id, rel.kind),
                        None => format!("{} relationships ({:?})", e.id, rel.kind),
                    },
                });
                let (owner, owned) = if owner_is_self {
                    (me, other)
                } else {
                    (other, me)
                };
                self.raw.push(Edge {
                    owner,
                    owned,
                    pct: rel.percentage,
                    control: false,
                    joint: None,
                    info,
                });
            }
        }
    }

    fn info(&mut self, info: EdgeInfo) -> u32 {
        self.infos.push(info);
        (self.infos.len() - 1) as u32
    }

    /// One node standing for several entity ids known to be the same party.
    fn merged(&mut self, ids: &[String], label: &str) -> u32 {
        let first = self.node(&ids[0], label);
        for id in &ids[1..] {
            let n = self.node(id, label);
            self.union(first, n);
        }
        first
    }

    /// Resolves a party reference from user data: `id1|id2|…` (entity ids
    /// known to be one party, merged), a single entity id, or a name. A name
    /// is matched exactly (normalised) against every listed name; when it
    /// matches several entities they are taken to be that one party (merged);
    /// when it matches none, it becomes a `name:` party of its own.
    pub fn resolve(&mut self, reference: &str) -> u32 {
        let reference = reference.trim();
        let parts: Vec<&str> = reference
            .split('|')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        let mut nodes = Vec::new();
        for part in parts {
            if self.index.contains_key(part) && !part.starts_with("name:") {
                nodes.push(self.index[part]);
                continue;
            }
            let norm = normalise_name(part);
            match self.names.get(&norm).cloned() {
                Some(ids) => nodes.push(self.merged(&ids, part)),
                None => nodes.push(self.node(&format!("name:{norm}"), part)),
            }
        }
        let first = nodes
            .first()
            .copied()
            .unwrap_or_else(|| self.node("name:", ""));
        for &n in &nodes[1..] {
            self.union(first, n);
        }
        first
    }

    /// Records that several references (entity ids or names) are one party,
    /// e.g. the same company on the SDN list and in OpenSanctions data.
    pub fn same_party(&mut self, references: &[&str]) {
        let nodes: Vec<u32> = references.iter().map(|r| self.resolve(r)).collect();
        for pair in nodes.windows(2) {
            self.union(pair[0], pair[1]);
        }
    }

    /// Adds one edge between two references (see [`GraphBuilder::resolve`]).
    pub fn add_edge(
        &mut self,
        owner: &str,
        owned: &str,
        percentage: Option<f64>,
        control: bool,
        joint_arrangement: Option<&str>,
        info: EdgeInfo,
    ) {
        let o = self.resolve(owner);
        let d = self.resolve(owned);
        let joint = joint_arrangement.map(|t| {
            if let Some(&j) = self.joint_index.get(t) {
                return j;
            }
            self.joint_tags.push(t.to_string());
            let j = (self.joint_tags.len() - 1) as u32;
            self.joint_index.insert(t.to_string(), j);
            j
        });
        let info = self.info(info);
        self.raw.push(Edge {
            owner: o,
            owned: d,
            pct: percentage,
            control,
            joint,
            info,
        });
    }

    /// Reads a user ownership file.
    ///
    /// Format: CSV with a header row; columns (case-insensitive, any order):
    /// `owner`, `owned`, `percentage` (0–100, empty = unknown), `as_of`
    /// (`YYYY-MM-DD`, optional), `source` (free text, optional), `control`
    /// (`true`/`yes`/`1` when the owner controls the owned party regardless
    /// of its stake, optional), `joint_arrangement` (a tag shared by the
    /// stakes of designated persons who act jointly, optional; UK
    /// aggregation). `owner` / `owned` are entity ids (`us_ofac_sdn:36`),
    /// several ids of one party joined by `|`, or names. Lines starting with
    /// `#` are comments.
    pub fn load_csv(&mut self, path: &Path) -> Result<usize, RulesError> {
        let mut csv = CsvFile::open(path)?;
        let file = csv.file.clone();
        let owner_col = csv.need("owner")?;
        let owned_col = csv.need("owned")?;
        let (pct_col, as_of_col, source_col, control_col, joint_col) = (
            csv.col("percentage"),
            csv.col("as_of"),
            csv.col("source"),
            csv.col("control"),
            csv.col("joint_arrangement"),
        );
        let mut count = 0;
        for record in csv.records() {
            let (line, record) = record?;
            let get = |c: Option<usize>| c.and_then(|c| record.get(c)).unwrap_or("").trim();
            let owner = get(Some(owner_col));
            let owned = get(Some(owned_col));
            if owner.is_empty() {
                return Err(RulesError::at(&file, line, "owner", "empty"));
            }
            if owned.is_empty() {
                return Err(RulesError::at(&file, line, "owned", "empty"));
            }
            let pct_text = get(pct_col).trim_end_matches('%');
            let percentage = if pct_text.is_empty() {
                None
            } else {
                let p: f64 = pct_text.parse().map_err(|_| {
                    RulesError::at(
                        &file,
                        line,
                        "percentage",
                        format!("not a number: {pct_text:?}"),
                    )
                })?;
                if !(0.0..=100.0).contains(&p) {
                    return Err(RulesError::at(
                        &file,
                        line,
                        "percentage",
                        format!("{p} is outside 0–100"),
                    ));
                }
                Some(p)
            };
            let as_of = get(as_of_col);
            if !as_of.is_empty() && crate::Date::parse(as_of).is_none() {
                return Err(RulesError::at(
                    &file,
                    line,
                    "as_of",
                    format!("not YYYY-MM-DD: {as_of:?}"),
                ));
            }
            let control = match get(control_col).to_ascii_lowercase().as_str() {
                "" | "false" | "no" | "0" => false,
                "true" | "yes" | "1" => true,
                other => {
                    return Err(RulesError::at(
                        &file,
                        line,
                        "control",
                        format!("not a boolean: {other:?}"),
                    ))
                }
            };
            let joint = get(joint_col);
            let source = get(source_col);
            let info = EdgeInfo {
                as_of: (!as_of.is_empty()).then(|| as_of.to_string()),
                source: if source.is_empty() {
                    format!("{file}:{line}")
                } else {
                    format!("{file}:{line} ({source})")
                },
            };
            self.add_edge(
                owner,
                owned,
                percentage,
                control,
                (!joint.is_empty()).then_some(joint),
                info,
            );
            count += 1;
        }
        Ok(count)
    }

    /// Finishes the graph: merges parties known to be the same and removes
    /// duplicate edges (the same stake published by two sources keeps the
    /// largest known percentage; it is never summed).
    pub fn build(mut self) -> OwnershipGraph {
        let n = self.keys.len();
        let roots: Vec<u32> = (0..n as u32).map(|i| self.find(i)).collect();
        let mut dedup: HashMap<(u32, u32), usize> = HashMap::new();
        let mut edges: Vec<Edge> = Vec::with_capacity(self.raw.len());
        for raw in &self.raw {
            let (o, d) = (roots[raw.owner as usize], roots[raw.owned as usize]);
            let (pct, control, joint, info) = (raw.pct, raw.control, raw.joint, raw.info);
            if o == d {
                continue;
            }
            match dedup.get(&(o, d)) {
                Some(&i) => {
                    let e = &mut edges[i];
                    e.pct = match (e.pct, pct) {
                        (Some(a), Some(b)) => Some(a.max(b)),
                        (a, b) => a.or(b),
                    };
                    e.control |= control;
                    e.joint = e.joint.or(joint);
                }
                None => {
                    dedup.insert((o, d), edges.len());
                    edges.push(Edge {
                        owner: o,
                        owned: d,
                        pct,
                        control,
                        joint,
                        info,
                    });
                }
            }
        }
        // Edges sorted by owner: each party's stakes are one contiguous,
        // cache-friendly run (the evaluation walks them millions of times).
        edges.sort_by_key(|e| e.owner);
        let mut out_start = vec![0u32; n + 1];
        for e in &edges {
            out_start[e.owner as usize + 1] += 1;
        }
        for i in 0..n {
            out_start[i + 1] += out_start[i];
        }
        let mut members: Vec<Vec<String>> = vec![Vec::new(); n];
        for (i, key) in self.keys.iter().enumerate() {
            if !key.starts_with("name:") {
                members[roots[i] as usize].push(key.clone());
            }
        }
        let stats = GraphStats {
            nodes: roots
                .iter()
                .enumerate()
                .filter(|(i, r)| *i as u32 == **r)
                .count(),
            edges: edges.len(),
            edges_without_percentage: edges.iter().filter(|e| e.pct.is_none()).count(),
            ignored_non_ownership: self.ignored,
        };
        OwnershipGraph {
            keys: self.keys,
            labels: self.labels,
            index: self.index,
            names: self.names,
            roots,
            members,
            edges,
            out_start,
            infos: self.infos,
            joint_tags: self.joint_tags,
            stats,
        }
    }
}

/// A built ownership graph.
pub struct OwnershipGraph {
    keys: Vec<String>,
    labels: Vec<String>,
    index: HashMap<String, u32>,
    names: HashMap<String, Vec<String>>,
    roots: Vec<u32>,
    members: Vec<Vec<String>>,
    edges: Vec<Edge>,
    out_start: Vec<u32>,
    infos: Vec<EdgeInfo>,
    joint_tags: Vec<String>,
    stats: GraphStats,
}

/// How a regime treats ownership.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct OwnershipRule {
    /// Threshold in percent.
    pub threshold: f64,
    /// `true`: blocked at exactly the threshold (`≥`); `false`: only above (`>`).
    pub inclusive: bool,
    /// `true`: stakes of all designated persons are added together;
    /// `false`: each designated person (or joint arrangement) separately.
    pub aggregate: bool,
    /// `true`: a control edge from a designated party blocks by itself;
    /// `false`: it only raises a review.
    pub control_blocks: bool,
}

impl OwnershipRule {
    fn reached(&self, total: f64) -> bool {
        // Percentages come from decimal text; allow rounding noise.
        if self.inclusive {
            total + 1e-9 >= self.threshold
        } else {
            total > self.threshold + 1e-9
        }
    }
}

/// The ownership status of one party under one rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OwnershipStatus {
    /// Designated itself (a seed of the evaluation).
    Listed,
    /// Owned or controlled by designated parties beyond the threshold.
    Blocked,
    /// Would be blocked if unknown percentages (or non-blocking control)
    /// were full stakes: the data does not allow a conclusion.
    Review,
    /// Neither.
    Clear,
}

/// One edge of an explained ownership path.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PathStep {
    /// Owner party key (entity id or `name:…`).
    pub owner: String,
    /// Owner display name.
    pub owner_name: String,
    /// Whether the owner is itself designated under the regime.
    pub owner_listed: bool,
    /// Owned party key.
    pub owned: String,
    /// Owned display name.
    pub owned_name: String,
    /// Stake in percent, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percentage: Option<f64>,
    /// The edge records control.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub control: bool,
    /// Joint-arrangement tag, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub joint_arrangement: Option<String>,
    /// Where the edge comes from.
    #[serde(flatten)]
    pub info: EdgeInfo,
}

/// The outcome of evaluating a rule over the whole graph.
pub struct Evaluation {
    status: Vec<OwnershipStatus>,
    /// Per node: head (in `arena`) of the edges that made it blocked (or
    /// possibly blocked); [`NONE`] when none.
    because: Vec<u32>,
    arena: Arena,
}

const NONE: u32 = u32::MAX;

/// Singly linked lists of edge indices in two flat vectors: one push per
/// counted stake and no allocation per party, which matters at a million
/// edges.
#[derive(Default)]
struct Arena {
    next: Vec<u32>,
    edge: Vec<u32>,
}

impl Arena {
    fn push(&mut self, head: u32, edge: u32) -> u32 {
        self.next.push(head);
        self.edge.push(edge);
        (self.edge.len() - 1) as u32
    }

    fn iter(&self, mut head: u32) -> impl Iterator<Item = u32> + '_ {
        std::iter::from_fn(move || {
            if head == NONE {
                return None;
            }
            let e = self.edge[head as usize];
            head = self.next[head as usize];
            Some(e)
        })
    }
}

/// Per-pass accumulation state: stakes summed per party, and which parties
/// are already inside (designated or blocked).
trait AccState {
    fn inside(&self, node: u32) -> bool;
    fn set_inside(&mut self, node: u32);
    /// Adds a stake; returns the new total and the contribution list head.
    fn add(&mut self, node: u32, stake: f64, edge: u32, arena: &mut Arena) -> (f64, u32);
}

struct DenseState {
    inside: Vec<bool>,
    total: Vec<f64>,
    head: Vec<u32>,
}

impl DenseState {
    fn new(n: usize) -> DenseState {
        DenseState {
            inside: vec![false; n],
            total: vec![0.0; n],
            head: vec![NONE; n],
        }
    }
}

impl AccState for DenseState {
    fn inside(&self, node: u32) -> bool {
        self.inside[node as usize]
    }
    fn set_inside(&mut self, node: u32) {
        self.inside[node as usize] = true;
    }
    fn add(&mut self, node: u32, stake: f64, edge: u32, arena: &mut Arena) -> (f64, u32) {
        let i = node as usize;
        self.total[i] += stake;
        self.head[i] = arena.push(self.head[i], edge);
        (self.total[i], self.head[i])
    }
}

#[derive(Default)]
struct SparseState {
    inside: HashSet<u32, BuildIdHasher>,
    acc: HashMap<u32, (f64, u32), BuildIdHasher>,
}

impl AccState for SparseState {
    fn inside(&self, node: u32) -> bool {
        self.inside.contains(&node)
    }
    fn set_inside(&mut self, node: u32) {
        self.inside.insert(node);
    }
    fn add(&mut self, node: u32, stake: f64, edge: u32, arena: &mut Arena) -> (f64, u32) {
        let slot = self.acc.entry(node).or_insert((0.0, NONE));
        slot.0 += stake;
        slot.1 = arena.push(slot.1, edge);
        *slot
    }
}

/// Node indices are dense small integers: a multiplicative hash is enough
/// and several times faster than the default SipHash on these hot maps.
#[derive(Default, Clone, Copy)]
struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ b as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

type BuildIdHasher = std::hash::BuildHasherDefault<IdHasher>;

impl Evaluation {
    /// Counts of parties per status (for reporting and benches).
    pub fn counts(&self) -> HashMap<OwnershipStatus, usize> {
        let mut m = HashMap::new();
        for s in &self.status {
            *m.entry(*s).or_insert(0) += 1;
        }
        m
    }
}

impl std::hash::Hash for OwnershipStatus {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        (*self as u8).hash(state)
    }
}

impl OwnershipGraph {
    /// Counters.
    pub fn stats(&self) -> &GraphStats {
        &self.stats
    }

    /// The party node of a key (entity id or `name:…`), after merging.
    pub fn node_of_key(&self, key: &str) -> Option<u32> {
        self.index.get(key).map(|&n| self.roots[n as usize])
    }

    /// Parties referenced by an exact (normalised) name: listed entities with
    /// that name and a `name:` party from ownership data.
    pub fn nodes_of_name(&self, name: &str) -> Vec<u32> {
        let norm = normalise_name(name);
        let mut out = Vec::new();
        if let Some(ids) = self.names.get(&norm) {
            out.extend(ids.iter().filter_map(|id| self.node_of_key(id)));
        }
        out.extend(self.node_of_key(&format!("name:{norm}")));
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Entity ids merged into a party.
    pub fn members(&self, node: u32) -> &[String] {
        &self.members[node as usize]
    }

    /// A party's key.
    pub fn key(&self, node: u32) -> &str {
        &self.keys[node as usize]
    }

    /// A party's display name.
    pub fn label(&self, node: u32) -> &str {
        &self.labels[node as usize]
    }

    /// Number of node slots (merged slots included).
    pub fn node_count(&self) -> usize {
        self.keys.len()
    }

    /// Indices of the edges a party owns: a contiguous range.
    fn out(&self, n: u32) -> std::ops::Range<u32> {
        self.out_start[n as usize]..self.out_start[n as usize + 1]
    }

    /// Evaluates a rule with the given designated parties as seeds.
    pub fn evaluate(&self, rule: &OwnershipRule, seeds: &[u32]) -> Evaluation {
        let n = self.keys.len();
        let mut status = vec![OwnershipStatus::Clear; n];
        let mut because = vec![NONE; n];
        let mut arena = Arena::default();
        for &s in seeds {
            status[self.roots[s as usize] as usize] = OwnershipStatus::Listed;
        }
        let seeds: Vec<u32> = (0..n as u32)
            .filter(|&i| status[i as usize] == OwnershipStatus::Listed)
            .collect();
        let mut mark = |found: Vec<(u32, u32)>,
                        as_status: OwnershipStatus,
                        status: &mut Vec<OwnershipStatus>| {
            for (node, head) in found {
                if status[node as usize] == OwnershipStatus::Clear {
                    status[node as usize] = as_status;
                    because[node as usize] = head;
                }
            }
        };
        if rule.aggregate {
            let lower = self.propagate(rule, &seeds, false, None, true, &mut arena);
            mark(lower, OwnershipStatus::Blocked, &mut status);
            let upper = self.propagate(rule, &seeds, true, None, true, &mut arena);
            mark(upper, OwnershipStatus::Review, &mut status);
        } else {
            let groups = self.groups(&seeds);
            for (group, tag) in &groups {
                let found = self.propagate(rule, group, false, *tag, false, &mut arena);
                mark(found, OwnershipStatus::Blocked, &mut status);
            }
            for (group, tag) in &groups {
                let found = self.propagate(rule, group, true, *tag, false, &mut arena);
                mark(found, OwnershipStatus::Review, &mut status);
            }
        }
        Evaluation {
            status,
            because,
            arena,
        }
    }

    /// Seed groups for non-aggregating rules: each designated party alone,
    /// and, per joint-arrangement tag, the designated parties whose stakes
    /// carry it (at their own level only the tagged stakes are pooled; what
    /// the pool then controls counts in full further down).
    fn groups(&self, seeds: &[u32]) -> Vec<(Vec<u32>, Option<u32>)> {
        let mut by_tag: HashMap<u32, Vec<u32>> = HashMap::new();
        let mut groups = Vec::new();
        for &s in seeds {
            if self.out(s).is_empty() {
                continue;
            }
            groups.push((vec![s], None));
            for ei in self.out(s) {
                if let Some(tag) = self.edges[ei as usize].joint {
                    let members = by_tag.entry(tag).or_default();
                    if !members.contains(&s) {
                        members.push(s);
                    }
                }
            }
        }
        let mut tags: Vec<(u32, Vec<u32>)> = by_tag.into_iter().collect();
        tags.sort_unstable();
        groups.extend(tags.into_iter().map(|(tag, members)| (members, Some(tag))));
        groups
    }

    /// Worklist fixed point from `seeds`: returns every party (not a seed)
    /// that the seeds, with everything they block, own or control beyond
    /// the threshold, with the head of its list of contributing edges in
    /// `arena`. A blocked party's whole stake counts (percentages are not
    /// multiplied down the chain). `optimistic`: unknown percentages and
    /// non-blocking control count as full stakes (upper bound, for
    /// `review`). `seed_tag`: only the seeds' stakes carrying this
    /// joint-arrangement tag count at seed level.
    ///
    /// `dense` keeps per-party state in arrays sized to the graph (one pass
    /// over everything); otherwise in hash maps sized to what is reached
    /// (many small passes, one per designated person).
    fn propagate(
        &self,
        rule: &OwnershipRule,
        seeds: &[u32],
        optimistic: bool,
        seed_tag: Option<u32>,
        dense: bool,
        arena: &mut Arena,
    ) -> Vec<(u32, u32)> {
        let mut state: Box<dyn AccState> = if dense {
            Box::new(DenseState::new(self.keys.len()))
        } else {
            Box::new(SparseState::default())
        };
        for &s in seeds {
            state.set_inside(s);
        }
        let mut work: Vec<u32> = seeds.to_vec();
        let mut result = Vec::new();
        while let Some(node) = work.pop() {
            let is_seed_level = seed_tag.is_some() && seeds.contains(&node);
            for ei in self.out(node) {
                let e = &self.edges[ei as usize];
                if state.inside(e.owned) {
                    continue;
                }
                if is_seed_level && e.joint != seed_tag {
                    continue;
                }
                let stake = match (e.control, e.pct) {
                    (true, _) if rule.control_blocks || optimistic => 100.0,
                    (_, Some(p)) => p,
                    (_, None) if optimistic => 100.0,
                    _ => continue,
                };
                let (total, head) = state.add(e.owned, stake, ei, arena);
                if rule.reached(total) {
                    state.set_inside(e.owned);
                    result.push((e.owned, head));
                    work.push(e.owned);
                }
            }
        }
        result
    }

    /// Status of a party.
    pub fn status(&self, eval: &Evaluation, node: u32) -> OwnershipStatus {
        eval.status[self.roots[node as usize] as usize]
    }

    /// The ownership path that explains a party's status: every edge from
    /// designated parties down to it, owners first.
    pub fn explain(&self, eval: &Evaluation, node: u32) -> Vec<PathStep> {
        let mut steps = Vec::new();
        let mut seen = HashSet::new();
        self.explain_into(eval, self.roots[node as usize], &mut seen, &mut steps);
        steps
    }

    fn explain_into(
        &self,
        eval: &Evaluation,
        node: u32,
        seen: &mut HashSet<u32>,
        steps: &mut Vec<PathStep>,
    ) {
        if !seen.insert(node) {
            return;
        }
        // The arena lists are newest first; explain in the order counted.
        let mut edges: Vec<u32> = eval.arena.iter(eval.because[node as usize]).collect();
        edges.reverse();
        for ei in edges {
            let e = self.edges[ei as usize];
            self.explain_into(eval, e.owner, seen, steps);
            steps.push(self.step(eval, &e));
        }
    }

    fn step(&self, eval: &Evaluation, e: &Edge) -> PathStep {
        PathStep {
            owner: self.keys[e.owner as usize].clone(),
            owner_name: self.labels[e.owner as usize].clone(),
            owner_listed: eval.status[e.owner as usize] == OwnershipStatus::Listed,
            owned: self.keys[e.owned as usize].clone(),
            owned_name: self.labels[e.owned as usize].clone(),
            percentage: e.pct,
            control: e.control,
            joint_arrangement: e.joint.map(|j| self.joint_tags[j as usize].clone()),
            info: self.infos[e.info as usize].clone(),
        }
    }

    /// Parties owned `threshold` % or more (aggregated, directly or
    /// indirectly) by the given parties; used for licence clauses such as
    /// "entities owned 50 % or more by Lukoil".
    pub fn owned_by(&self, owners: &[u32], threshold: f64) -> HashSet<u32> {
        let rule = OwnershipRule {
            threshold,
            inclusive: true,
            aggregate: true,
            control_blocks: false,
        };
        let roots: Vec<u32> = owners.iter().map(|&o| self.roots[o as usize]).collect();
        let mut arena = Arena::default();
        self.propagate(&rule, &roots, false, None, false, &mut arena)
            .into_iter()
            .map(|(n, _)| n)
            .collect()
    }

    /// Edges leaving a party (owner side), for inspection.
    pub fn stakes_of(&self, node: u32) -> Vec<(String, Option<f64>)> {
        self.out(self.roots[node as usize])
            .map(|ei| {
                let e = &self.edges[ei as usize];
                (self.keys[e.owned as usize].clone(), e.pct)
            })
            .collect()
    }
}
