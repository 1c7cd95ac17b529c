//! Term collection while building: the hashed term maps (term → name ids)
//! and the byte arena of joined pairs, each turned into a dictionary
//! ([`crate::dictionary`]).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};

use crate::dictionary::{ExactDictionary, SplitDictionary};

/// FxHash-style multiply-rotate hashing for the builder's term maps: keys
/// are list tokens, hashed tens of millions of times at millions of names,
/// where SipHash's flood resistance buys nothing.
#[derive(Default, Clone, Copy)]
pub(crate) struct FastHasher(u64);

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        // The multiply carries input bits only upwards, and hash tables
        // index by the low bits: fold the high bits down (murmur3's
        // finaliser), or tokens sharing their first bytes collide.
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h
    }

    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
}

/// Term → term id, while building.
type TermIds = HashMap<Term, u32, BuildHasherDefault<FastHasher>>;

/// One dictionary's terms while building: each term's id (its position of
/// first filing) and the name ids filed under it.
///
/// The term's id separates the lookup from the posting list, so that a
/// token's ids can be memoised (see [`crate::NameIndexBuilder`]) and a
/// filing checks for a repeat in `last` (a dense array, mostly in cache)
/// rather than at the end of the term's list, a read of memory far from
/// everything else at millions of names.
#[derive(Default)]
pub(crate) struct Terms {
    ids: TermIds,
    postings: Vec<Vec<u32>>,
    /// The last name id filed under each term (`u32::MAX`: none yet).
    last: Vec<u32>,
}

impl Terms {
    /// The id of term `key` (not empty), added if new.
    pub(crate) fn id(&mut self, key: &[u8]) -> u32 {
        let next = self.postings.len() as u32;
        let id = *self.ids.entry(Term::new(key)).or_insert(next);
        if id == next {
            self.postings.push(Vec::new());
            self.last.push(u32::MAX);
        }
        id
    }

    /// Files name `id` under term id `term` (ids come in increasing order,
    /// so a repeat is the last id).
    pub(crate) fn file_id(&mut self, term: u32, id: u32) {
        let t = term as usize;
        if self.last[t] != id {
            self.last[t] = id;
            self.postings[t].push(id);
        }
    }

    /// Files name `id` under `key`; an empty key is not filed.
    pub(crate) fn file(&mut self, key: &[u8], id: u32) {
        if !key.is_empty() {
            let term = self.id(key);
            self.file_id(term, id);
        }
    }

    /// The entries in increasing byte order of their terms.
    pub(crate) fn sorted(self) -> Vec<(Term, Vec<u32>)> {
        let Terms {
            ids, mut postings, ..
        } = self;
        let mut terms: Vec<(Term, Vec<u32>)> = ids
            .into_iter()
            .map(|(term, t)| (term, std::mem::take(&mut postings[t as usize])))
            .collect();
        drop(postings);
        terms.sort_unstable_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
        terms
    }
}

/// Longest term stored inline in a [`Term`].
const INLINE_TERM: usize = 22;

/// A term while building. Nearly every name token and key is short, and is
/// stored in the hash table's slot itself: a lookup compares it there,
/// where a boxed key cost a read of separately allocated memory (at
/// millions of names a likely cache miss, on every one of the tens of
/// millions of lookups) and an allocation per new term. Longer terms are
/// boxed. Equal strings always take the same form, so the derived equality
/// is string equality.
#[derive(Clone, PartialEq, Eq)]
pub(crate) enum Term {
    /// The first `len` bytes of `bytes`, the rest zero.
    Inline { len: u8, bytes: [u8; INLINE_TERM] },
    /// A term longer than [`INLINE_TERM`] bytes.
    Boxed(Box<[u8]>),
}

impl Term {
    /// The term of `b`.
    pub(crate) fn new(b: &[u8]) -> Term {
        if b.len() <= INLINE_TERM {
            let mut bytes = [0u8; INLINE_TERM];
            bytes[..b.len()].copy_from_slice(b);
            Term::Inline {
                len: b.len() as u8,
                bytes,
            }
        } else {
            Term::Boxed(b.into())
        }
    }

    /// The term's bytes (as given to [`Term::new`]).
    pub(crate) fn as_bytes(&self) -> &[u8] {
        match self {
            Term::Inline { len, bytes } => &bytes[..usize::from(*len)],
            Term::Boxed(b) => b,
        }
    }
}

impl Hash for Term {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write(self.as_bytes());
    }
}

/// Joined-pair terms while building. Almost every pair of adjacent tokens
/// in a large list is distinct, so a map entry per pair (~150 bytes) was
/// most of the build's memory at millions of names; the pairs are written
/// to one byte arena instead (~30 bytes each) and sorted at build.
#[derive(Default)]
pub(crate) struct JoinedTerms {
    bytes: Vec<u8>,
    /// `(start in bytes, name id, length)`.
    entries: Vec<(u64, u32, u32)>,
}

impl JoinedTerms {
    pub(crate) fn push(&mut self, a: &[u8], b: &[u8], id: u32) {
        let start = self.bytes.len() as u64;
        self.bytes.extend_from_slice(a);
        self.bytes.extend_from_slice(b);
        self.entries.push((start, id, (a.len() + b.len()) as u32));
    }

    /// A term already written together (a three-token run, see
    /// [`tamga_names::arabic_article_joins`]).
    pub(crate) fn push_one(&mut self, term: &[u8], id: u32) {
        self.push(term, &[], id);
    }

    fn key(&self, e: &(u64, u32, u32)) -> &[u8] {
        &self.bytes[e.0 as usize..e.0 as usize + e.2 as usize]
    }

    /// The key's first 8 bytes as a big-endian number: ordering by it agrees
    /// with byte order, and settles most comparisons without reading the
    /// arena.
    fn prefix(&self, e: &(u64, u32, u32)) -> u64 {
        let key = self.key(e);
        let mut word = [0u8; 8];
        let n = key.len().min(8);
        word[..n].copy_from_slice(&key[..n]);
        u64::from_be_bytes(word)
    }

    /// The dictionary of the pairs, in two parts of about equal size sorted
    /// and built in parallel (see [`SplitDictionary`]).
    pub(crate) fn build(mut self) -> SplitDictionary {
        let mut entries = std::mem::take(&mut self.entries);
        // The first byte that splits the entries in halves.
        let mut counts = [0usize; 256];
        for e in &entries {
            counts[usize::from(self.key(e).first().copied().unwrap_or(0))] += 1;
        }
        let mut split = 255u8;
        let mut below = 0;
        for (b, count) in counts.iter().enumerate() {
            if below >= entries.len() / 2 {
                split = b as u8;
                break;
            }
            below += count;
        }
        let part = |e: &(u64, u32, u32)| {
            SplitDictionary::part_of(split, self.key(e).first().copied().unwrap_or(0))
        };
        // Partitioned in place (the parts' order does not matter: each is
        // sorted by key and name id below).
        let (mut i, mut j) = (0, entries.len());
        while i < j {
            if part(&entries[i]) == 0 {
                i += 1;
            } else {
                j -= 1;
                entries.swap(i, j);
            }
        }
        let (low, high) = entries.split_at_mut(i);
        let this = &self;
        let (low, high) = std::thread::scope(|s| {
            let high = s.spawn(|| this.dictionary(high));
            let low = this.dictionary(low);
            // A panic in the other thread can only come from allocation
            // failure; building again here would fail the same way.
            let high = high.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
            (low, high)
        });
        SplitDictionary::new(split, low, high)
    }

    /// The dictionary of `entries`, sorted here.
    fn dictionary(&self, entries: &mut [(u64, u32, u32)]) -> ExactDictionary {
        entries.sort_by_cached_key(|e| self.prefix(e));
        // Runs of equal prefixes are short; order them by the whole key and
        // name id (ties of key keep ids increasing for the postings).
        for run in entries.chunk_by_mut(|a, b| self.prefix(a) == self.prefix(b)) {
            if run.len() > 1 {
                run.sort_unstable_by(|a, b| self.key(a).cmp(self.key(b)).then(a.1.cmp(&b.1)));
            }
        }
        let groups = entries
            .chunk_by(|a, b| self.key(a) == self.key(b))
            .map(|g| (self.key(&g[0]), g.iter().map(|e| e.1)));
        // Every entry is at most one term and one name id.
        ExactDictionary::from_sorted(groups, (entries.len(), entries.len()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_and_boxed_terms_file_and_sort_as_their_strings() {
        let long = "abcdefghijklmnopqrstuvwxyz"; // longer than INLINE_TERM
        let mut map = Terms::default();
        for (key, id) in [
            (long, 1),
            ("abc", 1),
            ("abc", 1),
            (long, 2),
            ("ab", 3),
            ("", 3),
        ] {
            map.file(key.as_bytes(), id);
        }
        assert!(map.ids.contains_key(&Term::new(long.as_bytes())));
        let got: Vec<(Vec<u8>, Vec<u32>)> = map
            .sorted()
            .into_iter()
            .map(|(t, ids)| (t.as_bytes().to_vec(), ids))
            .collect();
        let want: Vec<(Vec<u8>, Vec<u32>)> = vec![
            (b"ab".to_vec(), vec![3]),
            (b"abc".to_vec(), vec![1]),
            (long.as_bytes().to_vec(), vec![1, 2]),
        ];
        assert_eq!(got, want);
        assert!(matches!(Term::new(long.as_bytes()), Term::Boxed(_)));
    }

    #[test]
    fn joined_pairs_are_found_in_either_part() {
        let mut joined = JoinedTerms::default();
        let words = [
            "abd", "ali", "kassym", "jomart", "zhan", "mohammad", "yusuf", "b",
        ];
        let mut want: Vec<(String, Vec<u32>)> = Vec::new();
        for (id, pair) in words.windows(2).enumerate() {
            for id in [id as u32, id as u32 + 10] {
                joined.push(pair[0].as_bytes(), pair[1].as_bytes(), id);
            }
            want.push((
                format!("{}{}", pair[0], pair[1]),
                vec![id as u32, id as u32 + 10],
            ));
        }
        joined.push_one(b"abdarrahman", 3);
        joined.push_one(b"abdarrahman", 3);
        want.push(("abdarrahman".to_string(), vec![3]));
        let dictionary = joined.build();
        for (key, ids) in &want {
            let term = dictionary.get(key);
            assert!(term.is_some(), "{key}");
            assert_eq!(term.map(|t| dictionary.posting(t)), Some(&ids[..]), "{key}");
        }
        assert!(dictionary.get("kassym").is_none());
        assert!(dictionary.get("").is_none());
    }
}
