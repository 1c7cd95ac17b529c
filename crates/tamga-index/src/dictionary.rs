//! The dictionaries term families are stored in: sorted terms in an fst map
//! whose values are term ids (or, for the joined pairs, front-coded: see
//! [`ExactDictionary`]), and each term's name ids as one CSR posting array
//! (`offsets[t]..offsets[t + 1]` into `postings`).

use fst::{Map, MapBuilder};

use crate::terms::Term;

/// A dictionary: sorted terms in an fst map pointing into CSR posting lists.
pub(crate) struct Dictionary {
    terms: Map<Vec<u8>>,
    postings: Postings,
}

/// Each term's name ids as one CSR array: `offsets[t]..offsets[t + 1]` into
/// `ids`. Allocated once at the size a build asks for (see
/// [`Dictionary::from_sorted`]).
struct Postings {
    offsets: Vec<u32>,
    ids: Vec<u32>,
}

impl Postings {
    /// Room for `terms` terms and `ids` name ids.
    fn with_capacity(terms: usize, ids: usize) -> Postings {
        let mut offsets = Vec::with_capacity(terms + 1);
        offsets.push(0);
        Postings {
            offsets,
            ids: Vec::with_capacity(ids),
        }
    }

    /// Appends the next term's name ids, given in increasing order; repeats
    /// are dropped.
    fn push_term(&mut self, ids: impl Iterator<Item = u32>) {
        let start = self.ids.len();
        for id in ids {
            if self.ids.len() == start || self.ids.last() != Some(&id) {
                self.ids.push(id);
            }
        }
        self.offsets.push(self.ids.len() as u32);
    }

    fn shrink_to_fit(&mut self) {
        self.offsets.shrink_to_fit();
        self.ids.shrink_to_fit();
    }

    /// The name ids of term `t`; empty for a term not held.
    fn of(&self, t: u64) -> &[u32] {
        let t = t as usize;
        match (self.offsets.get(t), self.offsets.get(t + 1)) {
            (Some(&a), Some(&b)) => &self.ids[a as usize..b as usize],
            _ => &[],
        }
    }

    /// Number of terms.
    fn terms(&self) -> usize {
        self.offsets.len() - 1
    }

    fn heap_bytes(&self) -> usize {
        (self.offsets.len() + self.ids.len()) * 4
    }
}

impl Dictionary {
    /// Builds from [`crate::terms::sorted`] entries.
    pub(crate) fn build(terms: &[(Term, Vec<u32>)]) -> Dictionary {
        let postings = terms.iter().map(|(_, ids)| ids.len()).sum();
        Dictionary::from_sorted(
            terms
                .iter()
                .map(|(key, ids)| (key.as_bytes(), ids.iter().copied())),
            (terms.len(), postings),
        )
    }

    /// Builds from terms in strictly increasing byte order, each with its
    /// name ids in increasing order (repeats are dropped); `capacity` is at
    /// least the number of terms and of name ids. The arrays are allocated
    /// at that size once: grown by doubling, the postings of a large list
    /// were copied a dozen times and held up to twice their size at the
    /// build's peak of memory.
    pub(crate) fn from_sorted<'k, I: Iterator<Item = u32>>(
        terms: impl Iterator<Item = (&'k [u8], I)>,
        capacity: (usize, usize),
    ) -> Dictionary {
        let mut builder = MapBuilder::memory();
        let mut postings = Postings::with_capacity(capacity.0, capacity.1);
        let mut i = 0u64;
        for (key, ids) in terms {
            // Keys are sorted and unique, the only conditions under which
            // the fst builder fails; skipping is the safe answer regardless.
            if builder.insert(key, i).is_err() {
                continue;
            }
            i += 1;
            postings.push_term(ids);
        }
        let bytes = builder.into_inner().unwrap_or_default();
        let terms = Map::new(bytes).unwrap_or_default();
        postings.shrink_to_fit();
        Dictionary { terms, postings }
    }

    pub(crate) fn posting(&self, term: u64) -> &[u32] {
        self.postings.of(term)
    }

    /// Number of terms.
    pub(crate) fn len(&self) -> usize {
        self.terms.len()
    }

    pub(crate) fn get(&self, key: &str) -> Option<u64> {
        self.terms.get(key)
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        self.terms.as_fst().as_bytes().len() + self.postings.heap_bytes()
    }
}

/// A dictionary looked up only by whole key (no automaton search), stored
/// front-coded: the sorted keys one after another, each as the length of the
/// prefix it shares with the key before, then the rest, with every
/// [`RESTART`]-th key written whole so that a lookup binary-searches those
/// and reads at most [`RESTART`] keys. The joined pairs' dictionary holds a
/// term for almost every pair of adjacent tokens of the list (near-unique
/// keys): at millions of names building them into an fst cost about a tenth
/// of the whole build, where writing them front-coded is one copy, and the
/// pairs, sorted, share their first word with their neighbours.
pub(crate) struct ExactDictionary {
    /// The keys, front-coded (see the type's docs): for each, the shared
    /// length and the length of the rest as LEB128 numbers, then the rest.
    keys: Vec<u8>,
    /// The position in `keys` of every [`RESTART`]-th key.
    restarts: Vec<usize>,
    postings: Postings,
}

/// Keys between two keys written whole in an [`ExactDictionary`].
const RESTART: usize = 16;

/// Appends `n` to `out` as a LEB128 number.
fn write_number(out: &mut Vec<u8>, mut n: usize) {
    while n >= 0x80 {
        out.push((n as u8 & 0x7f) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// Reads a LEB128 number at `*at`, moving `*at` past it.
fn read_number(bytes: &[u8], at: &mut usize) -> Option<usize> {
    let mut n = 0usize;
    let mut shift = 0;
    loop {
        let b = *bytes.get(*at)?;
        *at += 1;
        n |= usize::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Some(n);
        }
        shift += 7;
        if shift >= usize::BITS {
            return None;
        }
    }
}

impl ExactDictionary {
    /// Builds from terms in strictly increasing byte order, each with its
    /// name ids in increasing order (repeats are dropped); a term not after
    /// the one before is skipped. `capacity` is at least the number of terms
    /// and of name ids (see [`Dictionary::from_sorted`]).
    pub(crate) fn from_sorted<'k, I: Iterator<Item = u32>>(
        terms: impl Iterator<Item = (&'k [u8], I)>,
        capacity: (usize, usize),
    ) -> ExactDictionary {
        let mut keys = Vec::new();
        let mut restarts = Vec::with_capacity(capacity.0 / RESTART + 1);
        let mut postings = Postings::with_capacity(capacity.0, capacity.1);
        let mut previous: &[u8] = &[];
        let mut n = 0usize;
        for (key, ids) in terms {
            if n > 0 && key <= previous {
                continue;
            }
            let shared = if n.is_multiple_of(RESTART) {
                restarts.push(keys.len());
                0
            } else {
                key.iter().zip(previous).take_while(|(a, b)| a == b).count()
            };
            write_number(&mut keys, shared);
            write_number(&mut keys, key.len() - shared);
            keys.extend_from_slice(&key[shared..]);
            previous = key;
            n += 1;
            postings.push_term(ids);
        }
        keys.shrink_to_fit();
        restarts.shrink_to_fit();
        postings.shrink_to_fit();
        ExactDictionary {
            keys,
            restarts,
            postings,
        }
    }

    /// The key written whole at restart `r`.
    fn restart_key(&self, r: usize) -> Option<&[u8]> {
        let mut at = *self.restarts.get(r)?;
        let _shared = read_number(&self.keys, &mut at)?;
        let len = read_number(&self.keys, &mut at)?;
        self.keys.get(at..at + len)
    }

    pub(crate) fn get(&self, key: &str) -> Option<u64> {
        let key = key.as_bytes();
        // The last restart whose key is not after `key`.
        let (mut lo, mut hi) = (0, self.restarts.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.restart_key(mid)? <= key {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let r = lo.checked_sub(1)?;
        let terms = self.postings.terms();
        let mut at = self.restarts[r];
        // The keys are read without being put together: `matched` is the
        // length of the prefix the key before shares with `key` (which is
        // after it). A key sharing more with the key before is still before
        // `key`; one sharing less is after it; one sharing exactly as much
        // is `key[..matched]` and its rest, compared with the rest of `key`.
        let mut matched = 0;
        for t in r * RESTART..terms.min((r + 1) * RESTART) {
            let shared = read_number(&self.keys, &mut at)?;
            let len = read_number(&self.keys, &mut at)?;
            let rest = self.keys.get(at..at + len)?;
            at += len;
            if shared > matched {
                continue;
            }
            if shared < matched {
                return None;
            }
            let tail = &key[matched..];
            let common = rest.iter().zip(tail).take_while(|(a, b)| a == b).count();
            match (rest.get(common), tail.get(common)) {
                (None, None) => return Some(t as u64),
                // This key is a prefix of `key`, or smaller where they differ.
                (None, Some(_)) => matched += common,
                (Some(a), Some(b)) if a < b => matched += common,
                _ => return None,
            }
        }
        None
    }

    pub(crate) fn posting(&self, term: u64) -> &[u32] {
        self.postings.of(term)
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        self.keys.len()
            + self.restarts.len() * std::mem::size_of::<usize>()
            + self.postings.heap_bytes()
    }
}

/// A dictionary in two parts by the first byte of its terms (below `split`
/// or not), so that the parts are sorted and built in parallel: the joined
/// pairs' dictionary holds a term for almost every pair of adjacent tokens
/// of the list, and built whole it was the longest step after analysis at
/// millions of names, one core idle. A term id carries its part in its low
/// bit.
pub(crate) struct SplitDictionary {
    split: u8,
    parts: [ExactDictionary; 2],
}

impl SplitDictionary {
    /// The dictionary of parts `low` (terms whose first byte is below
    /// `split`) and `high` (the others).
    pub(crate) fn new(split: u8, low: ExactDictionary, high: ExactDictionary) -> SplitDictionary {
        SplitDictionary {
            split,
            parts: [low, high],
        }
    }

    /// The part of terms beginning with `first`.
    pub(crate) fn part_of(split: u8, first: u8) -> usize {
        usize::from(first >= split)
    }

    pub(crate) fn get(&self, key: &str) -> Option<u64> {
        let part = Self::part_of(self.split, *key.as_bytes().first()?);
        let term = self.parts[part].get(key)?;
        Some(term << 1 | part as u64)
    }

    pub(crate) fn posting(&self, term: u64) -> &[u32] {
        self.parts[(term & 1) as usize].posting(term >> 1)
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        self.parts.iter().map(ExactDictionary::heap_bytes).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Keys sharing prefixes of every length, some longer than a one-byte
    /// length, more than a restart apart, with name ids.
    fn keys() -> Vec<(Vec<u8>, Vec<u32>)> {
        let mut keys = Vec::new();
        for (i, first) in ["", "a", "ab", "abd", "zhan", "ĳssel", "мохаммад"]
            .iter()
            .enumerate()
        {
            for j in 0..40u32 {
                let mut key = format!("{first}{}", "x".repeat(j as usize % 7));
                key.push_str(&j.to_string());
                if j == 39 {
                    key.push_str(&"long".repeat(50));
                }
                keys.push((key.into_bytes(), vec![i as u32, 100 + j, 100 + j]));
            }
        }
        keys.sort();
        keys.dedup_by(|a, b| a.0 == b.0);
        keys
    }

    #[test]
    fn exact_lookups_agree_with_the_fst_dictionary() {
        let keys = keys();
        let entries = || keys.iter().map(|(k, ids)| (&k[..], ids.iter().copied()));
        let exact = ExactDictionary::from_sorted(entries(), (keys.len(), keys.len() * 3));
        let fst = Dictionary::from_sorted(entries(), (keys.len(), keys.len() * 3));
        let mut probes: Vec<String> = keys
            .iter()
            .map(|(k, _)| String::from_utf8(k.clone()).unwrap_or_default())
            .collect();
        // Absent keys: prefixes and extensions of present ones, before the
        // first and after the last.
        for k in probes.clone() {
            probes.push(format!("{k}0"));
            probes.push(k.chars().take(k.chars().count() / 2).collect());
        }
        probes.extend(["", "0", "zzzz", "ab", "\u{10ffff}"].map(String::from));
        probes.sort();
        probes.dedup();
        let mut found = 0;
        for probe in &probes {
            let want = fst.get(probe).map(|t| fst.posting(t).to_vec());
            let got = exact.get(probe).map(|t| exact.posting(t).to_vec());
            assert_eq!(got, want, "{probe:?}");
            found += usize::from(got.is_some());
        }
        assert_eq!(found, keys.len());
    }

    #[test]
    fn terms_out_of_order_are_skipped() {
        let entries: Vec<(&[u8], Vec<u32>)> = vec![
            (b"b", vec![1]),
            (b"a", vec![2]),
            (b"b", vec![3]),
            (b"c", vec![4, 4, 5]),
        ];
        let exact = ExactDictionary::from_sorted(
            entries.iter().map(|(k, ids)| (*k, ids.iter().copied())),
            (4, 5),
        );
        assert_eq!(exact.get("b").map(|t| exact.posting(t)), Some(&[1][..]));
        assert_eq!(exact.get("a"), None);
        assert_eq!(exact.get("c").map(|t| exact.posting(t)), Some(&[4, 5][..]));
    }
}
