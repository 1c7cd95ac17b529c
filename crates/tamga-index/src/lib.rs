//! Recall-safe candidate index over list names.
//!
//! Screening must never compare a query with every listed name (too slow at
//! 100k names and thousands of queries per second), yet it must never lose a
//! listed party because its name was misspelt or written in another script.
//! [`NameIndex`] answers "which listed names could match this query?" from
//! token dictionaries:
//!
//! * a **skeleton dictionary**: every token's Latin skeleton
//!   ([`tamga_names::NameToken::latin`]), stored in an [`fst`] map, searched
//!   exactly and within an edit bound through a **deletion neighbourhood**
//!   (SymSpell): every term is also filed under the hashes of its forms with
//!   one (terms of 3–7 characters) or up to two (8+) characters deleted; a
//!   query token probes the hashes of its own forms with up to its bound of
//!   deletions, and every hit is verified with the OSA distance
//!   (transpositions cost 1). Two strings within OSA distance `d` always
//!   share a form with at most `d` deletions on each side, so this finds
//!   every term within the bound with a few dozen hash probes, where a
//!   Levenshtein-automaton walk over the dictionary took 0.1–0.5 ms per
//!   token;
//! * a **phonetic dictionary**: every token's phonetic key and variant keys,
//!   searched exactly, which catches transliteration variants beyond the
//!   edit bound (`Khodorkovsky` / `Hodorkovskiy`);
//! * **consonant dictionaries** for scripts that write no short vowels
//!   (Arabic, Hebrew): a query in such a script probes the consonant
//!   skeletons of all list tokens, a query in another script probes those of
//!   list names written in such a script;
//! * a **joined dictionary**: each pair of adjacent tokens written together,
//!   so `Kassymjomart` finds `Kassym Jomart` (exact lookup); the query's
//!   adjacent pairs written together are looked up in the skeleton
//!   dictionary for the reverse (a pair whose first token is weak, an
//!   initial or a stopword, may create candidates like an acronym: `T-Bank`
//!   has no informative token, yet finds `TBANK`); three adjacent tokens whose middle one is
//!   the Arabic article are filed and probed the same way, as written and
//!   with the article assimilated to a sun letter, its vowel written a, e,
//!   i or u ([`tamga_names::arabic_article_joins`]: `Abd al Rahman` is filed
//!   as `abdalrahman`, `abdulrahman`, `abdurrahman`, …, so `Abdurrahman`
//!   finds it);
//! * an **acronym dictionary** (names that are not a person's): the initials
//!   of every run of tokens ([`tamga_names::acronym::acronym_keys`]), so that
//!   a query token `PCC` finds `Petrochemical Commercial Company`; the
//!   query's own run initials are looked up in the skeleton dictionary for
//!   the reverse (`Islamic Movement of Uzbekistan` finds `IMU`). Acronym
//!   evidence (factor 0.8) may create candidates whatever the class of the
//!   tokens (`M. D. S. IMPORT EXPORT` has no informative token). The
//!   query's run initials stand for several query tokens: a key of `k`
//!   letters counts `k − 2` times (each letter beyond two confirms one more
//!   word, as in the scorer), so that `AFRIC` is not ranked behind every
//!   name sharing two common words of `Association for Free Research and
//!   International Cooperation`.
//! * **stump compounds** of organisation names
//!   ([`tamga_names::stumps`]: `Роснефть` = рос + нефть): a listed compound
//!   is also filed in the phonetic dictionary under the keys of the words its
//!   pieces stand for (`@russian`, `@oil`), and a query compound probes with
//!   them (those in more than 1 % of names aside: the other pieces find the
//!   name), so that `Russian Electronics`, `Ruselectronics` and
//!   `Roselektronika` find each other (phonetic factor).
//!
//! Each dictionary term points to a posting list of name ids. A query token
//! expands to dictionary terms; each name sharing a term gains *evidence*
//! `idf(term) × path factor` (exact 1.0, phonetic 0.9, joined 0.9, edit
//! distance 0.8), at most once per query token. Names are ranked by total
//! evidence (then name id) and the best [`IndexOptions::max_candidates`] are
//! returned; [`NameIndex::candidates_above`] also drops names below a share
//! of the best evidence (the screener's cut, applied here so that pruning
//! can use it).
//!
//! # Top-k pruning
//!
//! At millions of names a common token (`mohammed`, `ltd`) has 10⁵ postings,
//! and reading them all cost more than the rest of a query. The ranking is
//! computed without reading them, and is **exactly** the unpruned ranking
//! ([`NameIndex::candidates_unpruned`], compared on real list names in
//! `tests/pruning.rs`):
//!
//! * Evidence is summed in `f64`. Weights are `f32` in [0.07, 16], so every
//!   partial sum of up to a few hundred of them is a multiple of 2⁻²⁷ below
//!   2¹³ and is exact: sums do not depend on the order tokens are read.
//! * The query's tokens (each with the most evidence `max` it can give one
//!   name) are read strongest first. Before a token is read, `rest` is the
//!   sum of `max` over it and all tokens still unread, and the *bar* is the
//!   largest of the `limit`-th best evidence held, `min_ratio` × the best
//!   evidence any name has held, and the bar before. Evidence only grows, so
//!   the final ranking's `limit`-th evidence and its ratio cut are at least
//!   the bar (a held name later dropped as hopeless still ends with at least
//!   the evidence it held). A name not yet held can end with at most
//!   `rest`: once `rest < bar` it can enter neither, and from then on no
//!   name becomes a candidate; held names with `evidence + rest < bar` are
//!   dropped for the same reason.
//! * After that, a token only adds evidence to the held names: by galloping
//!   search of its (sorted) posting lists for them when that is cheaper than
//!   reading the lists.
//!
//! The recall guarantee below is unaffected: it is stated in terms of the
//! ranking, which pruning does not change.
//!
//! # Recall guarantee
//!
//! The edit bound for a query token of `n` Latin characters is 0 for
//! `n <= 2`, 1 for `3 <= n <= 5` and 2 for `n >= 6`; list terms are filed
//! with one deletion from 3 characters and two from 8. This covers every list
//! token of 4+ characters carrying one edit (the query token keeps 3+
//! characters) and every list token of 8+ characters carrying two (a query
//! token with two deletions from an 8-character token still has 6
//! characters). Therefore:
//!
//! > A listed name whose tokens each carry at most one edit (insertion,
//! > deletion, substitution or adjacent transposition; two for tokens of 8+
//! > characters), or which is written in another script that the names crate
//! > transliterates to the same skeleton or phonetic key, receives evidence
//! > from **every** informative query token — at least 0.8 of the maximum
//! > evidence any name can receive for that query. It is returned unless
//! > `max_candidates` other names receive strictly more evidence, i.e. unless
//! > that many names are themselves near-complete matches of the query.
//!
//! One exception keeps common names cheap: a query token that is itself
//! found exactly in more than 1 % of list names ([`COMMON_TOKEN_SHARE`]) is
//! not expanded within the edit bound, only through its phonetic keys. A
//! misspelt token is rare by construction and always expands, so the
//! guarantee holds for the misspelt tokens it is about; what is given up is
//! a correctly spelt common token (`Muhammad`) reaching a list spelling at
//! edit distance that is not also a phonetic variant.
//!
//! "Informative" tokens are those the names crate classifies as names or
//! initials-free name tokens; titles, particles, stopwords and legal forms
//! only add evidence to names already found, and are searched on their own
//! only when a query has nothing else. The guarantee is tested on real list
//! names (one edit per token, Cyrillic transliteration) in `tests/recall.rs`.
//!
//! The index also serves token statistics ([`tamga_matcher::TokenStats`]):
//! the fraction of list names that contain a skeleton. Identifiers have their
//! own exact index, [`IdentifierIndex`].

#![warn(missing_docs)]

use fst::{Map, MapBuilder};
use rapidfuzz::distance::osa;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use tamga_matcher::{prefetch, TokenStats};
use tamga_names::acronym::{
    acronym_keys, acronym_keys_at, has_acronyms, is_acronym_candidate, name_stump_initials,
    StumpInitials, MIN_ACRONYM,
};
use tamga_names::{arabic_article_joins, stumps, AnalyzedName, NameToken, TokenClass};

/// Evidence factor for a token found through its exact skeleton.
pub const EXACT_FACTOR: f32 = 1.0;
/// Evidence factor for a token found through its phonetic key.
pub const PHONETIC_FACTOR: f32 = 0.9;
/// Evidence factor for a token in Arabic or Hebrew script found through its
/// consonant skeleton.
pub const CONSONANT_FACTOR: f32 = 0.7;
/// Evidence factor for a token found through the joined-pair dictionary.
pub const JOINED_FACTOR: f32 = 0.9;
/// Evidence factor for a token found within the edit bound.
pub const EDIT_FACTOR: f32 = 0.8;
/// Evidence factor for an acronym against the run of tokens it abbreviates.
pub const ACRONYM_FACTOR: f32 = 0.8;

/// A query token found exactly in more than `1 / COMMON_TOKEN_SHARE` of the
/// names is not expanded within the edit bound (see the crate docs).
pub const COMMON_TOKEN_SHARE: usize = 100;

/// Tuning of candidate generation.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexOptions {
    /// Most candidates returned per query (the best by evidence).
    pub max_candidates: usize,
}

impl Default for IndexOptions {
    fn default() -> Self {
        IndexOptions {
            max_candidates: 256,
        }
    }
}

/// The edit bound for a query token of `len` Latin characters (see the crate
/// docs for why these bounds give the recall guarantee).
pub fn edit_bound(len: usize) -> u8 {
    match len {
        0..=2 => 0,
        3..=5 => 1,
        _ => 2,
    }
}

/// One candidate name and the index's evidence for it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate {
    /// The name id given to [`NameIndexBuilder::add`].
    pub name: u32,
    /// Accumulated evidence (sum over query tokens of idf × path factor).
    pub evidence: f32,
}

/// A dictionary: sorted terms in an fst map pointing into CSR posting lists.
struct Dictionary {
    terms: Map<Vec<u8>>,
    offsets: Vec<u32>,
    postings: Vec<u32>,
}

impl Dictionary {
    fn build(terms: TermMap) -> Dictionary {
        let mut terms: Vec<(Box<str>, Vec<u32>)> = terms.into_iter().collect();
        terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        Dictionary::from_sorted(
            terms
                .iter()
                .map(|(key, ids)| (key.as_bytes(), ids.iter().copied())),
        )
    }

    /// Builds from terms in strictly increasing byte order, each with its
    /// name ids in increasing order (repeats are dropped).
    fn from_sorted<'k, I: Iterator<Item = u32>>(
        terms: impl Iterator<Item = (&'k [u8], I)>,
    ) -> Dictionary {
        let mut builder = MapBuilder::memory();
        let mut offsets = vec![0];
        let mut postings = Vec::new();
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

    fn posting(&self, term: u64) -> &[u32] {
        let t = term as usize;
        match (self.offsets.get(t), self.offsets.get(t + 1)) {
            (Some(&a), Some(&b)) => &self.postings[a as usize..b as usize],
            _ => &[],
        }
    }

    fn get(&self, key: &str) -> Option<u64> {
        self.terms.get(key)
    }

    fn heap_bytes(&self) -> usize {
        self.terms.as_fst().as_bytes().len() + self.offsets.len() * 4 + self.postings.len() * 4
    }
}

/// FxHash-style multiply-rotate hashing for the builder's term maps: keys
/// are list tokens, hashed tens of millions of times at millions of names,
/// where SipHash's flood resistance buys nothing.
#[derive(Default, Clone, Copy)]
struct FastHasher(u64);

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
type TermMap = HashMap<Box<str>, Vec<u32>, BuildHasherDefault<FastHasher>>;

/// Joined-pair terms while building. Almost every pair of adjacent tokens
/// in a large list is distinct, so a map entry per pair (~150 bytes) was
/// most of the build's memory at millions of names; the pairs are written
/// to one byte arena instead (~30 bytes each) and sorted at build.
#[derive(Default)]
struct JoinedTerms {
    bytes: Vec<u8>,
    /// `(start in bytes, name id, length)`.
    entries: Vec<(u64, u32, u32)>,
}

impl JoinedTerms {
    fn push(&mut self, a: &str, b: &str, id: u32) {
        let start = self.bytes.len() as u64;
        self.bytes.extend_from_slice(a.as_bytes());
        self.bytes.extend_from_slice(b.as_bytes());
        self.entries.push((start, id, (a.len() + b.len()) as u32));
    }

    /// A term already written together (a three-token run, see
    /// [`tamga_names::arabic_article_joins`]).
    fn push_one(&mut self, term: &str, id: u32) {
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

    fn build(mut self) -> Dictionary {
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

/// Collects analysed names, then builds a [`NameIndex`].
#[derive(Default)]
pub struct NameIndexBuilder {
    latin: TermMap,
    phonetic: TermMap,
    joined: JoinedTerms,
    consonants: TermMap,
    abjad_consonants: TermMap,
    acronyms: TermMap,
    names: u32,
}

impl NameIndexBuilder {
    /// An empty builder.
    pub fn new() -> NameIndexBuilder {
        NameIndexBuilder::default()
    }

    /// Adds a name. Ids must be added in increasing order (posting lists stay
    /// sorted without a sort); the usual id is the position in a names table.
    pub fn add(&mut self, id: u32, name: &AnalyzedName) {
        self.names = self.names.max(id + 1);
        let push = |map: &mut TermMap, key: &str| {
            if key.is_empty() {
                return;
            }
            // Look up before inserting: most keys repeat, and an owned key
            // is allocated only for a new term.
            if let Some(ids) = map.get_mut(key) {
                if ids.last() != Some(&id) {
                    ids.push(id);
                }
            } else {
                map.insert(key.into(), vec![id]);
            }
        };
        let abjad = is_abjad(name.script);
        for token in &name.tokens {
            push(&mut self.latin, &token.latin);
            if abjad {
                for key in token.consonant_keys().filter(|k| k.len() >= 2) {
                    push(&mut self.abjad_consonants, key);
                }
            }
            push(&mut self.phonetic, &token.phonetic);
            for variant in &token.variants {
                push(&mut self.phonetic, variant);
            }
            if token.consonants.len() >= 2 {
                push(&mut self.consonants, &token.consonants);
            }
        }
        // Abjad tokens that a Latin rendering writes as one word (عبد الله, Abdullah).
        if abjad {
            for (_, _, key) in consonant_runs_of(name) {
                push(&mut self.abjad_consonants, &key);
            }
        }
        for pair in name.tokens.windows(2) {
            if !pair[0].latin.is_empty() && !pair[1].latin.is_empty() {
                self.joined.push(&pair[0].latin, &pair[1].latin, id);
            }
        }
        // `Abd al Rahman` is also filed as `abdalrahman` and `abdarrahman`.
        for run in name.tokens.windows(3) {
            for term in arabic_article_joins(&run[0].latin, &run[1].latin, &run[2].latin) {
                self.joined.push_one(&term, id);
            }
        }
        for key in acronym_keys(name) {
            push(&mut self.acronyms, &key);
        }
        // A stump compound (`Роснефть` = рос + нефть) is also filed under the
        // keys of the words its pieces stand for, so that the words written
        // out or translated (`Russian Oil`) find it, and another compound of
        // the same words (`Ruselectronics` ~ `Roselektronika`).
        for (_, pieces) in stumps::splits(name) {
            for word in pieces.iter().flat_map(|p| &p.words) {
                push(&mut self.phonetic, &word.phonetic);
                for variant in &word.variants {
                    push(&mut self.phonetic, variant);
                }
            }
        }
    }

    /// Builds the index.
    pub fn build(self, options: IndexOptions) -> NameIndex {
        let names = self.names;
        let NameIndexBuilder {
            latin,
            phonetic,
            joined,
            consonants,
            abjad_consonants,
            acronyms,
            ..
        } = self;
        let acronyms = Dictionary::build(acronyms);
        let ((latin, deletions, joined), (phonetic, consonants, abjad_consonants)) =
            std::thread::scope(|s| {
                let latin = s.spawn(|| {
                    let mut terms: Vec<Box<str>> = latin.keys().cloned().collect();
                    terms.sort_unstable();
                    let deletions = Deletions::build(&terms);
                    (Dictionary::build(latin), deletions)
                });
                let joined = joined.build();
                let phonetic = Dictionary::build(phonetic);
                let consonants = Dictionary::build(consonants);
                let abjad_consonants = Dictionary::build(abjad_consonants);
                // A panic in the other thread can only come from allocation
                // failure; rebuilding here would fail the same way.
                let (latin, deletions) = latin
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e));
                (
                    (latin, deletions, joined),
                    (phonetic, consonants, abjad_consonants),
                )
            });
        NameIndex {
            latin,
            phonetic,
            joined,
            consonants,
            abjad_consonants,
            acronyms,
            names,
            deletions,
            options,
        }
    }
}

/// The candidate index (see the crate docs for its recall guarantee).
pub struct NameIndex {
    latin: Dictionary,
    phonetic: Dictionary,
    joined: Dictionary,
    consonants: Dictionary,
    abjad_consonants: Dictionary,
    acronyms: Dictionary,
    names: u32,
    deletions: Deletions,
    options: IndexOptions,
}

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

/// Scripts that do not write short vowels.
fn is_abjad(script: &str) -> bool {
    matches!(script, "Arab" | "Hebr" | "Syrc" | "Thaa")
}

/// Whether a token alone may make a name a candidate.
fn informative(token: &NameToken) -> bool {
    matches!(token.class, TokenClass::Name) && token.latin.len() >= 2
}

impl NameIndex {
    /// Builds an index over names given as `(id, analysed name)` in
    /// increasing id order.
    pub fn build<'a>(
        names: impl IntoIterator<Item = (u32, &'a AnalyzedName)>,
        options: IndexOptions,
    ) -> NameIndex {
        let mut builder = NameIndexBuilder::new();
        for (id, name) in names {
            builder.add(id, name);
        }
        builder.build(options)
    }

    /// Number of names (one more than the highest id added).
    pub fn len(&self) -> usize {
        self.names as usize
    }

    /// Whether the index holds no names.
    pub fn is_empty(&self) -> bool {
        self.names == 0
    }

    /// The options in force.
    pub fn options(&self) -> &IndexOptions {
        &self.options
    }

    /// Number of distinct skeleton terms.
    pub fn term_count(&self) -> usize {
        self.latin.terms.len()
    }

    /// Approximate heap size of the index in bytes.
    pub fn heap_bytes(&self) -> usize {
        self.latin.heap_bytes()
            + self.phonetic.heap_bytes()
            + self.joined.heap_bytes()
            + self.consonants.heap_bytes()
            + self.abjad_consonants.heap_bytes()
            + self.acronyms.heap_bytes()
            + self.deletions.heap_bytes()
    }

    /// How many names contain the skeleton `latin`.
    pub fn document_frequency(&self, latin: &str) -> usize {
        self.latin
            .get(latin)
            .map(|t| self.latin.posting(t).len())
            .unwrap_or(0)
    }

    /// Skeleton terms within the edit bound of `token` (excluding `token`
    /// itself), as dictionary term ids.
    pub fn fuzzy_terms(&self, token: &str) -> Vec<u64> {
        self.deletions.search(token, edit_bound(token.len()))
    }

    fn idf(&self, df: usize) -> f32 {
        // ln(N / df), floored so that even a token in every name adds a little.
        ((self.names.max(1) as f32 + 1.0) / (df.max(1) as f32))
            .ln()
            .max(0.1)
    }

    /// The candidates for a query, best evidence first, at most
    /// [`IndexOptions::max_candidates`].
    pub fn candidates(&self, query: &AnalyzedName) -> Vec<Candidate> {
        self.candidates_with_limit(query, self.options.max_candidates)
    }

    /// [`NameIndex::candidates`] with an explicit cap.
    pub fn candidates_with_limit(&self, query: &AnalyzedName, limit: usize) -> Vec<Candidate> {
        self.candidates_above(query, limit, 0.0)
    }

    /// The best `limit` names (evidence descending, then name id) among
    /// those whose evidence is at least `min_ratio` × the best evidence.
    /// Equal to filtering and truncating the unpruned ranking
    /// ([`NameIndex::candidates_unpruned`]), but computed with the top-k
    /// pruning described in the crate docs, which skips most postings of
    /// common tokens in large lists.
    pub fn candidates_above(
        &self,
        query: &AnalyzedName,
        limit: usize,
        min_ratio: f64,
    ) -> Vec<Candidate> {
        self.rank(query, limit, min_ratio, true)
    }

    /// The reference for [`NameIndex::candidates_above`]: every posting of
    /// every expansion is read and every name sharing one becomes a
    /// candidate before the ranking is cut. For tests and benchmarks.
    pub fn candidates_unpruned(
        &self,
        query: &AnalyzedName,
        limit: usize,
        min_ratio: f64,
    ) -> Vec<Candidate> {
        self.rank(query, limit, min_ratio, false)
    }

    /// The query's evidence steps, in the order the evidence is defined:
    /// informative tokens, then weak ones (see the crate docs).
    fn steps(&self, query: &AnalyzedName) -> Vec<Step<'_>> {
        let mut steps = Vec::with_capacity(query.tokens.len());
        // The query's consonant runs, found once for all its tokens.
        let runs = consonant_runs_of(query);
        let mut splits = stumps::splits(query).into_iter().peekable();
        for (i, token) in query.tokens.iter().enumerate() {
            if informative(token) {
                let mut expansions = self.expansions(query, i, &runs);
                // A stump compound probes with its pieces' words too (see
                // `NameIndexBuilder::add`).
                if let Some((_, pieces)) = splits.next_if(|(k, _)| *k == i) {
                    let words = pieces.iter().flat_map(|p| &p.words);
                    let keys = words.flat_map(|w| std::iter::once(&w.phonetic).chain(&w.variants));
                    for key in keys.filter(|k| k.len() >= 2) {
                        // A piece as common as `@russian` tells little and
                        // would read tens of thousands of postings; the
                        // compound's other pieces find it.
                        if let Some(t) = self.phonetic.get(key) {
                            let p = self.phonetic.posting(t);
                            if p.len() * COMMON_TOKEN_SHARE <= self.names as usize {
                                expansions.push((PHONETIC_FACTOR * self.idf(p.len()), p));
                            }
                        }
                    }
                    expansions.sort_by(|a, b| b.0.total_cmp(&a.0));
                }
                steps.push(Step::new(expansions, true));
            }
        }
        // Weak tokens never create candidates on their own when real name
        // tokens did: "Global Trading LLC" must not pull in every LLC.
        // Postings are never empty, so an informative token with an
        // expansion always credits a name.
        let any_informative = steps.iter().any(|s| !s.expansions.is_empty());
        // An acronym and the run it abbreviates are specific enough to
        // create candidates whatever the class of their tokens.
        let stumps = if has_acronyms(query) {
            name_stump_initials(query)
        } else {
            Vec::new()
        };
        for i in 0..query.tokens.len() {
            let expansions = self.acronym_expansions(query, i, &stumps);
            if !expansions.is_empty() {
                steps.push(Step::new(expansions, true));
            }
            // So is a weak token written apart from its neighbour where a
            // list writes them as one word (`T-Bank` ~ `TBANK`): an
            // informative token already probes this in its expansions.
            if !informative(&query.tokens[i]) {
                if let Some(joined) = self.joined_with_next(query, i) {
                    steps.push(Step::new(vec![joined], true));
                }
            }
        }
        for (i, token) in query.tokens.iter().enumerate() {
            if informative(token) {
                continue;
            }
            let may_create = !any_informative;
            let expansions = if may_create && token.latin.len() >= 4 {
                self.expansions(query, i, &runs)
            } else {
                self.latin
                    .get(&token.latin)
                    .map(|t| {
                        let p = self.latin.posting(t);
                        vec![(EXACT_FACTOR * self.idf(p.len()), p)]
                    })
                    .unwrap_or_default()
            };
            steps.push(Step::new(expansions, may_create));
        }
        steps
    }

    fn rank(
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

    /// Query token `i` read as an acronym (list names with a run of tokens
    /// it abbreviates), and the runs of query tokens starting at `i` read as
    /// the initials of a list token; `stumps` are the query's
    /// [`name_stump_initials`].
    fn acronym_expansions(
        &self,
        query: &AnalyzedName,
        i: usize,
        stumps: &[StumpInitials],
    ) -> Vec<(f32, &[u32])> {
        let mut out: Vec<(f32, &[u32])> = Vec::new();
        if !has_acronyms(query) {
            return out;
        }
        let token = &query.tokens[i];
        if is_acronym_candidate(token) {
            if let Some(t) = self.acronyms.get(&token.latin) {
                let p = self.acronyms.posting(t);
                out.push((ACRONYM_FACTOR * self.idf(p.len()), p));
            }
        }
        for key in acronym_keys_at(query, i, stumps) {
            if let Some(t) = self.latin.get(&key) {
                let p = self.latin.posting(t);
                // The key stands for a run of query tokens, each of which
                // credits the names sharing it: weighed as one token, a
                // listed acronym loses to every name sharing two common
                // words of the run (`AFRIC` for `Association for Free
                // Research and International Cooperation`). Each letter
                // beyond two confirms one more word of the run, as in the
                // scorer's acronym evidence; three letters, which spell a
                // listed token by chance all too often, weigh as before.
                let letters = key.len().saturating_sub(MIN_ACRONYM - 1).max(1);
                out.push((ACRONYM_FACTOR * self.idf(p.len()) * letters as f32, p));
            }
        }
        out.sort_by(|a, b| b.0.total_cmp(&a.0));
        out
    }

    /// Query tokens `i` and `i + 1` read as one list token written apart
    /// (`T-Bank` finds `TBANK`).
    fn joined_with_next(&self, query: &AnalyzedName, i: usize) -> Option<(f32, &[u32])> {
        let (token, next) = (query.tokens.get(i)?, query.tokens.get(i + 1)?);
        if token.latin.is_empty() || next.latin.is_empty() {
            return None;
        }
        let joined = format!("{}{}", token.latin, next.latin);
        let t = self.latin.get(&joined)?;
        let p = self.latin.posting(t);
        Some((JOINED_FACTOR * self.idf(p.len()), p))
    }

    /// Expands query token `i` into weighted posting lists, strongest first;
    /// `runs` are the query's consonant runs ([`consonant_runs_of`]).
    fn expansions(
        &self,
        query: &AnalyzedName,
        i: usize,
        runs: &[(usize, usize, String)],
    ) -> Vec<(f32, &[u32])> {
        let token = &query.tokens[i];
        let mut out: Vec<(f32, &[u32])> = Vec::new();
        let latin = token.latin.as_str();
        if latin.is_empty() {
            return out;
        }
        let mut exact_df = 0;
        if let Some(t) = self.latin.get(latin) {
            let p = self.latin.posting(t);
            exact_df = p.len();
            out.push((EXACT_FACTOR * self.idf(p.len()), p));
        }
        let keys = std::iter::once(&token.phonetic).chain(&token.variants);
        for key in keys.filter(|k| k.len() >= 2) {
            if let Some(t) = self.phonetic.get(key) {
                let p = self.phonetic.posting(t);
                out.push((PHONETIC_FACTOR * self.idf(p.len()), p));
            }
        }
        // Arabic and Hebrew do not write short vowels: their tokens meet
        // Latin renderings on the consonant skeleton.
        // The other way round, a Latin query meets list names written in
        // those scripts through their consonant skeletons only.
        // An abjad token probes with the keys of its other readings too
        // (و as w or u, ة as -a or -at: `NameToken::consonant_variants`).
        let dict = if is_abjad(query.script) {
            &self.consonants
        } else {
            &self.abjad_consonants
        };
        for key in token.consonant_keys().filter(|k| k.len() >= 2) {
            if let Some(t) = dict.get(key) {
                let p = dict.posting(t);
                out.push((CONSONANT_FACTOR * self.idf(p.len()), p));
            }
        }
        // Query tokens that a list name in (or the Latin rendering of) an
        // abjad writes as one word: عبد الله ~ Abdullah, Abbas Ali ~ عباسعلی.
        let dict = if is_abjad(query.script) {
            &self.consonants
        } else {
            &self.abjad_consonants
        };
        for (_, _, key) in runs.iter().filter(|r| r.0 == i) {
            if let Some(t) = dict.get(key) {
                let p = dict.posting(t);
                out.push((CONSONANT_FACTOR * self.idf(p.len()), p));
            }
        }
        // A token that is itself common (in more than 1 % of names) is a
        // correctly written common name; its neighbours within the edit bound
        // are other common spellings (muhammad / muhammed), which the
        // phonetic keys already reach, and expanding them would touch tens of
        // thousands of postings. A misspelt token is rare and always expands.
        let common = exact_df * COMMON_TOKEN_SHARE > self.names as usize;
        let fuzzy = if common {
            Vec::new()
        } else {
            self.deletions.search(latin, edit_bound(latin.len()))
        };
        for t in fuzzy {
            let p = self.latin.posting(t);
            out.push((EDIT_FACTOR * self.idf(p.len()), p));
        }
        if let Some(t) = self.joined.get(latin) {
            let p = self.joined.posting(t);
            out.push((JOINED_FACTOR * self.idf(p.len()), p));
        }
        out.extend(self.joined_with_next(query, i));
        // Three query tokens around the Arabic article that are one list token
        // (`Abd al Rahman` finds `Abdurrahman`).
        if let (Some(article), Some(last)) = (query.tokens.get(i + 1), query.tokens.get(i + 2)) {
            for joined in arabic_article_joins(latin, &article.latin, &last.latin) {
                if let Some(t) = self.latin.get(&joined) {
                    let p = self.latin.posting(t);
                    out.push((JOINED_FACTOR * self.idf(p.len()), p));
                }
            }
        }
        out.sort_by(|a, b| b.0.total_cmp(&a.0));
        out
    }
}

/// One query token's evidence: its expansions (strongest first; a name is
/// credited once, by the first that holds it) and whether it may make a name
/// a candidate.
struct Step<'a> {
    expansions: Vec<(f32, &'a [u32])>,
    may_create: bool,
    /// The most evidence it can give one name.
    max: f64,
}

impl<'a> Step<'a> {
    fn new(expansions: Vec<(f32, &'a [u32])>, may_create: bool) -> Step<'a> {
        let max = expansions
            .iter()
            .map(|e| f64::from(e.0))
            .fold(0.0, f64::max);
        Step {
            expansions,
            may_create,
            max,
        }
    }

    /// Whether searching the postings for `held` names costs less than
    /// reading them whole.
    fn cheaper_to_look_up(&self, held: usize) -> bool {
        let h = held.max(1) as f64;
        let (mut scan, mut look) = (0.0, 0.0);
        for (_, p) in &self.expansions {
            let len = p.len() as f64;
            scan += len;
            look += h * (1.0 + (1.0 + len / h).log2());
        }
        look < scan
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

impl TokenStats for NameIndex {
    /// `token` is a Latin skeleton ([`NameToken::latin`]).
    fn frequency(&self, token: &str) -> f64 {
        if self.names == 0 {
            return 0.0;
        }
        self.document_frequency(token) as f64 / self.names as f64
    }
}

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
struct Deletions {
    terms: Vec<Box<str>>,
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

    /// `terms` sorted, so that positions equal the fst's term ids.
    fn build(terms: &[Box<str>]) -> Deletions {
        let mut entries = Vec::new();
        for (id, term) in terms.iter().enumerate() {
            let bytes = term.as_bytes();
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
            terms: terms.to_vec(),
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
    fn search(&self, token: &str, bound: u8) -> Vec<u64> {
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
                let term = self.terms[t as usize].as_bytes();
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

    fn heap_bytes(&self) -> usize {
        self.entries.len() * 16
            + self.buckets.len() * 4
            + self.terms.iter().map(|t| t.len() + 16).sum::<usize>()
    }
}

/// Normalises an identifier number for comparison: ASCII letters and digits
/// only, uppercased, so `AB 123-456` equals `ab123456`. Non-ASCII letters are
/// kept (lowercase-folded to uppercase) because some registries use them.
pub fn normalize_identifier(number: &str) -> String {
    number
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(|c| c.to_uppercase())
        .collect()
}

/// Exact index of normalised identifier numbers to owner ids (entity
/// positions). Numbers shorter than [`IdentifierIndex::MIN_LEN`] after
/// normalisation are not indexed: `12` or `A1` would match at random.
#[derive(Debug, Default, Clone)]
pub struct IdentifierIndex {
    map: HashMap<String, Vec<u32>>,
}

impl IdentifierIndex {
    /// Shortest normalised number indexed.
    pub const MIN_LEN: usize = 4;

    /// An empty index.
    pub fn new() -> IdentifierIndex {
        IdentifierIndex::default()
    }

    /// Adds `number` for `owner`.
    pub fn add(&mut self, number: &str, owner: u32) {
        let key = normalize_identifier(number);
        if key.chars().count() < Self::MIN_LEN {
            return;
        }
        let owners = self.map.entry(key).or_default();
        if !owners.contains(&owner) {
            owners.push(owner);
        }
    }

    /// The owners of `number` (normalised before lookup).
    pub fn lookup(&self, number: &str) -> &[u32] {
        self.map
            .get(&normalize_identifier(number))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Number of distinct normalised numbers.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

/// [`tamga_names::consonant_runs`] of a name's tokens, over every consonant key of each.
fn consonant_runs_of(name: &AnalyzedName) -> Vec<(usize, usize, String)> {
    name.consonant_runs()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_bounds_cover_the_documented_typo_budget() {
        // One edit on a 4-char token leaves >= 3 chars; two on 8 leave >= 6.
        assert_eq!(edit_bound(3), 1);
        assert_eq!(edit_bound(6), 2);
        assert_eq!(edit_bound(2), 0);
    }

    #[test]
    fn identifiers_normalise_punctuation_and_case() {
        assert_eq!(normalize_identifier("ab 12-34/5"), "AB12345");
        let mut index = IdentifierIndex::new();
        index.add("A-12", 1);
        assert!(index.is_empty(), "too short to be indexed");
        index.add("C 00123456", 7);
        assert_eq!(index.lookup("c00123456"), &[7]);
    }
}
