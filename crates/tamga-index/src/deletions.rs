//! The SymSpell deletion neighbourhood of the skeleton dictionary: every
//! term filed under the hashes of its forms with one or two bytes deleted,
//! probed with the query token's own deletion forms and verified with the
//! OSA distance (see the crate docs for the bounds and why they suffice).

use rapidfuzz::distance::osa;
use tamga_matcher::prefetch;

/// FNV-1a over bytes: a fast, deterministic hash for deletion forms (hits
/// are verified, so a collision costs a comparison, never a wrong answer).
fn fnv(bytes: impl Iterator<Item = u8>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Calls `f` with the hash of `term` and of every form of it with up to
/// `depth` bytes deleted (forms may repeat; callers tolerate duplicates).
fn deletion_hashes(term: &[u8], depth: u8, f: &mut impl FnMut(u64)) {
    let n = term.len();
    f(fnv(term.iter().copied()));
    if depth >= 1 {
        for i in 0..n {
            f(fnv(term[..i].iter().chain(&term[i + 1..]).copied()));
            if depth >= 2 {
                for j in i + 1..n {
                    let two = term[..i]
                        .iter()
                        .chain(&term[i + 1..j])
                        .chain(&term[j + 1..])
                        .copied();
                    f(fnv(two));
                }
            }
        }
    }
}

/// The deletion depth a list term is filed with (see the crate docs).
fn term_depth(len: usize) -> u8 {
    match len {
        0..=2 => 0,
        3..=7 => 1,
        _ => 2,
    }
}

/// The deletion neighbourhood of the skeleton dictionary: `(hash, term id)`
/// pairs sorted by hash, with a bucket table on the hash's top bits so that
/// a probe is two memory reads rather than a binary search over a million
/// entries.
pub(crate) struct Deletions {
    terms: Vec<Box<[u8]>>,
    /// Top hash bits that pick a bucket ([`Deletions::bucket_bits`]).
    bits: u32,
    buckets: Vec<u32>,
    entries: Vec<(u64, u32)>,
}

impl Deletions {
    /// Fewest and most top hash bits of the bucket table.
    const BUCKET_BITS: (u32, u32) = (16, 24);

    /// Bucket bits for `entries` entries: about four entries a bucket, so
    /// that a probe reads one or two cache lines of entries instead of
    /// binary-searching a bucket of dozens (a query token probes dozens of
    /// deletion forms). The table costs a byte per entry; the cap bounds it
    /// at 64 MiB for the largest lists.
    fn bucket_bits(entries: usize) -> u32 {
        let wanted = (entries / 4).max(1).next_power_of_two().trailing_zeros();
        wanted.clamp(Self::BUCKET_BITS.0, Self::BUCKET_BITS.1)
    }
    /// Longer tokens are matched exactly only: no real name part is this
    /// long, and it bounds the work a hostile query can cause.
    const MAX_FUZZY_LEN: usize = 40;

    /// `terms` in sorted order, so that positions equal the fst's term ids.
    pub(crate) fn build<'t>(terms: impl Iterator<Item = &'t [u8]>) -> Deletions {
        let terms: Vec<Box<[u8]>> = terms.map(Box::from).collect();
        let mut entries = Vec::new();
        for (id, term) in terms.iter().enumerate() {
            let bytes = &term[..];
            if bytes.len() > Self::MAX_FUZZY_LEN {
                continue;
            }
            deletion_hashes(bytes, term_depth(bytes.len()), &mut |h| {
                entries.push((h, id as u32))
            });
        }
        entries.sort_unstable();
        entries.dedup();
        let bits = Self::bucket_bits(entries.len());
        let mut buckets = vec![0u32; (1 << bits) + 1];
        for &(h, _) in &entries {
            buckets[(h >> (64 - bits)) as usize + 1] += 1;
        }
        for i in 1..buckets.len() {
            buckets[i] += buckets[i - 1];
        }
        Deletions {
            terms,
            bits,
            buckets,
            entries,
        }
    }

    /// The bucket of deletion hash `h`.
    fn bucket_of(&self, h: u64) -> usize {
        (h >> (64 - self.bits)) as usize
    }

    /// Appends the term ids filed under `hash`, whose bucket is `bucket`.
    fn probe(&self, hash: u64, bucket: std::ops::Range<usize>, hits: &mut Vec<u32>) {
        let bucket = &self.entries[bucket];
        let first = bucket.partition_point(|&(h, _)| h < hash);
        hits.extend(
            bucket[first..]
                .iter()
                .take_while(|&&(h, _)| h == hash)
                .map(|&(_, t)| t),
        );
    }

    /// Term ids within OSA distance `bound` of `token`, `token` excluded.
    pub(crate) fn search(&self, token: &str, bound: u8) -> Vec<u64> {
        let bytes = token.as_bytes();
        if bound == 0 || bytes.len() > Self::MAX_FUZZY_LEN {
            return Vec::new();
        }
        // Each pass asks for the memory the next one reads (the bucket table
        // rows of every deletion form, then their entries, then the terms
        // hit): the reads of one pass are independent, so their cache misses
        // overlap, where probing form by form waited for each in turn.
        let n = bytes.len();
        let forms = 1
            + n
            + if bound >= 2 {
                n * n.saturating_sub(1) / 2
            } else {
                0
            };
        let mut hashes: Vec<u64> = Vec::with_capacity(forms);
        deletion_hashes(bytes, bound, &mut |h| {
            prefetch(self.buckets[self.bucket_of(h)..].as_ptr(), 2);
            hashes.push(h);
        });
        let spans: Vec<(u64, usize, usize)> = hashes
            .iter()
            .map(|&h| {
                let b = self.bucket_of(h);
                let (start, end) = (self.buckets[b] as usize, self.buckets[b + 1] as usize);
                prefetch(self.entries[start..].as_ptr(), end - start);
                (h, start, end)
            })
            .collect();
        let mut hits = Vec::with_capacity(forms);
        for (hash, start, end) in spans {
            self.probe(hash, start..end, &mut hits);
        }
        hits.sort_unstable();
        hits.dedup();
        for &t in &hits {
            prefetch(self.terms[t as usize..].as_ptr(), 1);
        }
        hits.into_iter()
            .filter(|&t| {
                let term = &self.terms[t as usize][..];
                // The length first: it is stored with the term's address,
                // its letters elsewhere.
                term.len().abs_diff(bytes.len()) <= usize::from(bound)
                    && term != bytes
                    && osa::distance_with_args(
                        bytes.iter().copied(),
                        term.iter().copied(),
                        &osa::Args::default().score_cutoff(usize::from(bound)),
                    )
                    .is_some()
            })
            .map(u64::from)
            .collect()
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        self.entries.len() * 16
            + self.buckets.len() * 4
            + self.terms.iter().map(|t| t.len() + 16).sum::<usize>()
    }
}
