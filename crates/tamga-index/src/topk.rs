//! Ranking with exact top-k pruning (see the crate docs, "Top-k pruning"):
//! per-thread scratch space for the names a query holds, the admission bar,
//! and the two ways a step credits names (reading its postings, or
//! galloping through them for the held names).

use std::cell::RefCell;

use tamga_names::AnalyzedName;

use crate::{Candidate, NameIndex};

/// Per-thread scratch space for evidence accumulation, so a query allocates
/// nothing proportional to the list size. Evidence is summed in `f64`, in
/// which sums of the `f32` weights are exact (see [`NameIndex::candidates`]).
///
/// The names a query holds live in the compact `held` array; `is_held`
/// has a bit per name and `slots` a name's position in `held` (meaningful
/// only while its bit is set). At millions of names `slots` is larger than
/// the caches, so every access to it is a likely cache miss, while the
/// bitmap (a bit a name: 625 kB at 5 M) stays in the core's cache: a
/// posting of a name not held costs a bit test (and, when it creates the
/// name, stores that need not wait), and only a name already held pays for
/// reading its slot. Everything that walks the held names (the admission
/// bar, dropping hopeless names, the final ranking) reads `held` in order.
#[derive(Default)]
struct Scratch {
    /// Per name id: its position in `held`, if it is held.
    slots: Vec<u32>,
    /// Bit `n` set iff name `n` is in `held`; cleared name by name.
    is_held: Vec<u64>,
    held: Vec<Held>,
    /// The step being read (1-based within a query).
    clock: u32,
    /// The most evidence any name has held in this query (a lower bound of
    /// the final best, since evidence only grows).
    top: f64,
    /// The admission bar so far (it only rises within a query).
    bar: f64,
    /// Whether `held` is sorted by name (done once for [`look_up`]; names
    /// are no longer created then, so it stays sorted).
    sorted: bool,
    /// Buffer for [`admission_bar`]: kept between queries because at
    /// millions of names it can be megabytes.
    evidence: Vec<f64>,
}

/// A name held by the current query.
#[derive(Clone, Copy)]
struct Held {
    evidence: f64,
    name: u32,
    /// The step that last credited it.
    stamp: u32,
}

impl Scratch {
    /// Starts a query over `n` names.
    fn start(&mut self, n: usize) {
        if self.slots.len() < n {
            self.slots.resize(n, 0);
            self.is_held.resize(n.div_ceil(64), 0);
        }
        // The last query's names (kept until now, so that a query that
        // panicked half-way leaves nothing behind either).
        for h in &self.held {
            if let Some(word) = self.is_held.get_mut(h.name as usize / 64) {
                *word &= !(1 << (h.name % 64));
            }
        }
        self.held.clear();
        self.clock = 0;
        self.top = 0.0;
        self.bar = 0.0;
        self.sorted = false;
    }
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

impl NameIndex {
    pub(crate) fn rank(
        &self,
        query: &AnalyzedName,
        limit: usize,
        min_ratio: f64,
        prune: bool,
    ) -> Vec<Candidate> {
        let steps = self.steps(query);
        SCRATCH.with(|scratch| {
            let mut scratch = scratch.borrow_mut();
            let scratch = &mut *scratch;
            scratch.start(self.names as usize);
            // Evidence sums are exact in any order, so steps that may create
            // candidates go strongest first: the rare tokens settle the
            // ranking before the common ones are read.
            let mut order: Vec<usize> = (0..steps.len()).collect();
            if prune {
                order.sort_by(|&a, &b| {
                    let (a, b) = (&steps[a], &steps[b]);
                    b.may_create
                        .cmp(&a.may_create)
                        .then(b.max.total_cmp(&a.max))
                });
            }
            // rest[k]: the most evidence steps order[k..] can still add.
            let mut rest = vec![0.0; order.len() + 1];
            for k in (0..order.len()).rev() {
                rest[k] = rest[k + 1] + steps[order[k]].max;
            }
            let mut creating = true;
            for (k, &s) in order.iter().enumerate() {
                let step = &steps[s];
                if step.expansions.is_empty() {
                    continue;
                }
                if prune && !scratch.held.is_empty() {
                    let bar = admission_bar(scratch, limit, min_ratio);
                    if creating && step.may_create && rest[k] < bar {
                        creating = false;
                    }
                    if !creating {
                        drop_hopeless(scratch, rest[k], bar);
                    }
                }
                let create = step.may_create && creating;
                scratch.clock += 1;
                if create || !prune || !step.cheaper_to_look_up(scratch.held.len()) {
                    scan(scratch, &step.expansions, create);
                } else {
                    look_up(scratch, &step.expansions);
                }
            }
            // A name below the bar is outside the ranking (see the crate
            // docs): most held names, which need not be copied and sorted.
            let bar = scratch.bar;
            let mut out: Vec<(f64, u32)> = Vec::with_capacity(scratch.held.len());
            out.extend(
                scratch
                    .held
                    .iter()
                    .filter(|h| h.evidence >= bar)
                    .map(|h| (h.evidence, h.name)),
            );
            let top = out.iter().map(|c| c.0).fold(0.0, f64::max);
            out.retain(|c| c.0 >= min_ratio * top);
            let by_rank = |a: &(f64, u32), b: &(f64, u32)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
            if out.len() > limit {
                out.select_nth_unstable_by(limit, by_rank);
                out.truncate(limit);
            }
            out.sort_unstable_by(by_rank);
            out.into_iter()
                .map(|(evidence, name)| Candidate {
                    name,
                    evidence: evidence as f32,
                })
                .collect()
        })
    }
}

/// The evidence a name not yet held must exceed to reach the ranking: the
/// `limit`-th best held evidence and `min_ratio` × the best (held evidence
/// only grows, so both bars only rise). `0` while fewer than `limit` names
/// are held and no ratio applies.
fn admission_bar(scratch: &mut Scratch, limit: usize, min_ratio: f64) -> f64 {
    let mut bar = scratch.bar.max(min_ratio * scratch.top);
    if limit > 0 && scratch.held.len() >= limit {
        // The bar never falls, so only evidence at or above it can be the
        // `limit`-th best that raises it.
        let floor = bar;
        let ev = &mut scratch.evidence;
        ev.clear();
        ev.extend(
            scratch
                .held
                .iter()
                .map(|h| h.evidence)
                .filter(|&e| e >= floor),
        );
        if ev.len() >= limit {
            let (_, kth, _) = ev.select_nth_unstable_by(limit - 1, |a, b| b.total_cmp(a));
            bar = bar.max(*kth);
        }
    }
    scratch.bar = bar;
    bar
}

/// Forgets held names that cannot reach `bar` with the `rest` still to come
/// (only once no name is created any more: a forgotten name is never held
/// again).
fn drop_hopeless(scratch: &mut Scratch, rest: f64, bar: f64) {
    let Some(first) = scratch.held.iter().position(|h| h.evidence + rest < bar) else {
        return;
    };
    // Compact in place, keeping the order (sorted stays sorted); the moved
    // names' slots follow them.
    let mut to = first;
    for from in first..scratch.held.len() {
        let h = scratch.held[from];
        if h.evidence + rest >= bar {
            scratch.held[to] = h;
            scratch.slots[h.name as usize] = to as u32;
            to += 1;
        } else {
            scratch.is_held[h.name as usize / 64] &= !(1 << (h.name % 64));
        }
    }
    scratch.held.truncate(to);
}

/// Reads every posting of a step; `create`: names not yet held become
/// candidates, otherwise only held names gain.
fn scan(scratch: &mut Scratch, expansions: &[(f32, &[u32])], create: bool) {
    let clock = scratch.clock;
    let mut top = scratch.top;
    for &(weight, posting) in expansions {
        let weight = f64::from(weight);
        for &name in posting {
            let (word, bit) = (name as usize / 64, 1u64 << (name % 64));
            if scratch.is_held[word] & bit != 0 {
                let at = scratch.slots[name as usize] as usize;
                if let Some(h) = scratch.held.get_mut(at) {
                    // Credited once per step, at the highest weight
                    // (expansions come strongest first).
                    if h.stamp != clock {
                        h.stamp = clock;
                        h.evidence += weight;
                        top = top.max(h.evidence);
                    }
                }
            } else if create {
                // Not held: new (a name forgotten as hopeless is never
                // created again: forgetting starts once creating stops).
                scratch.is_held[word] |= bit;
                scratch.slots[name as usize] = scratch.held.len() as u32;
                scratch.held.push(Held {
                    evidence: weight,
                    name,
                    stamp: clock,
                });
                top = top.max(weight);
            }
        }
    }
    scratch.top = top;
}

/// Credits held names found in a step's postings by galloping search (held
/// names sorted, postings sorted), without reading the postings whole.
fn look_up(scratch: &mut Scratch, expansions: &[(f32, &[u32])]) {
    if !scratch.sorted {
        scratch.held.sort_unstable_by_key(|h| h.name);
        for (at, h) in scratch.held.iter().enumerate() {
            scratch.slots[h.name as usize] = at as u32;
        }
        scratch.sorted = true;
    }
    let clock = scratch.clock;
    let mut top = scratch.top;
    for &(weight, posting) in expansions {
        let weight = f64::from(weight);
        let mut from = 0;
        for h in scratch.held.iter_mut() {
            let rest = &posting[from..];
            let Some(at) = gallop(rest, h.name) else {
                break;
            };
            from += at;
            if posting.get(from) != Some(&h.name) {
                continue;
            }
            if h.stamp != clock {
                h.stamp = clock;
                h.evidence += weight;
                top = top.max(h.evidence);
            }
        }
    }
    scratch.top = top;
}

/// Position of the first element `>= x` in sorted `s`, by exponential then
/// binary search; `None` when every element is smaller.
fn gallop(s: &[u32], x: u32) -> Option<usize> {
    let mut hi = 1;
    while hi < s.len() && s[hi - 1] < x {
        hi *= 2;
    }
    let hi = hi.min(s.len());
    let lo = hi / 2;
    let at = lo + s[lo..hi].partition_point(|&v| v < x);
    (at < s.len()).then_some(at)
}
