//! The dictionary every term family is stored in: sorted terms in an fst map
//! whose values are term ids, and each term's name ids as one CSR posting
//! array (`offsets[t]..offsets[t + 1]` into `postings`).

use fst::{Map, MapBuilder};

use crate::terms::Term;

/// A dictionary: sorted terms in an fst map pointing into CSR posting lists.
pub(crate) struct Dictionary {
    terms: Map<Vec<u8>>,
    offsets: Vec<u32>,
    postings: Vec<u32>,
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
        let mut offsets = Vec::with_capacity(capacity.0 + 1);
        offsets.push(0);
        let mut postings = Vec::with_capacity(capacity.1);
        let mut i = 0u64;
        for (key, ids) in terms {
            // Keys are sorted and unique, the only conditions under which
            // the fst builder fails; skipping is the safe answer regardless.
            if builder.insert(key, i).is_err() {
                continue;
            }
            i += 1;
            let start = postings.len();
            for id in ids {
                if postings.len() == start || postings.last() != Some(&id) {
                    postings.push(id);
                }
            }
            offsets.push(postings.len() as u32);
        }
        let bytes = builder.into_inner().unwrap_or_default();
        let terms = Map::new(bytes).unwrap_or_default();
        offsets.shrink_to_fit();
        postings.shrink_to_fit();
        Dictionary {
            terms,
            offsets,
            postings,
        }
    }

    pub(crate) fn posting(&self, term: u64) -> &[u32] {
        let t = term as usize;
        match (self.offsets.get(t), self.offsets.get(t + 1)) {
            (Some(&a), Some(&b)) => &self.postings[a as usize..b as usize],
            _ => &[],
        }
    }

    /// Number of terms.
    pub(crate) fn len(&self) -> usize {
        self.terms.len()
    }

    pub(crate) fn get(&self, key: &str) -> Option<u64> {
        self.terms.get(key)
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        self.terms.as_fst().as_bytes().len() + self.offsets.len() * 4 + self.postings.len() * 4
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
    parts: [Dictionary; 2],
}

impl SplitDictionary {
    /// The dictionary of parts `low` (terms whose first byte is below
    /// `split`) and `high` (the others).
    pub(crate) fn new(split: u8, low: Dictionary, high: Dictionary) -> SplitDictionary {
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
        self.parts.iter().map(Dictionary::heap_bytes).sum()
    }
}
