//! Term collection while building: the hashed term maps (term → name ids)
//! and the byte arena of joined pairs, each turned into a [`Dictionary`].

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::dictionary::Dictionary;

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

/// Term → name ids, while building.
pub(crate) type TermMap = HashMap<Box<str>, Vec<u32>, BuildHasherDefault<FastHasher>>;

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
    pub(crate) fn push(&mut self, a: &str, b: &str, id: u32) {
        let start = self.bytes.len() as u64;
        self.bytes.extend_from_slice(a.as_bytes());
        self.bytes.extend_from_slice(b.as_bytes());
        self.entries.push((start, id, (a.len() + b.len()) as u32));
    }

    /// A term already written together (a three-token run, see
    /// [`tamga_names::arabic_article_joins`]).
    pub(crate) fn push_one(&mut self, term: &str, id: u32) {
        self.push(term, "", id);
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

    pub(crate) fn build(mut self) -> Dictionary {
        let mut entries = std::mem::take(&mut self.entries);
        entries.sort_by_cached_key(|e| self.prefix(e));
        // Runs of equal prefixes are short; order them by the whole key and
        // name id (ties of key keep ids increasing for the postings).
        for run in entries.chunk_by_mut(|a, b| self.prefix(a) == self.prefix(b)) {
            if run.len() > 1 {
                run.sort_unstable_by(|a, b| self.key(a).cmp(self.key(b)).then(a.1.cmp(&b.1)));
            }
        }
        let this = &self;
        let groups = entries
            .chunk_by(|a, b| this.key(a) == this.key(b))
            .map(|g| (this.key(&g[0]), g.iter().map(|e| e.1)));
        Dictionary::from_sorted(groups)
    }
}
