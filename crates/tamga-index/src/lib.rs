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
//!
//! # Layout
//!
//! One module a job: `dictionary` (an fst term map over CSR posting lists,
//! the storage of every dictionary above but the joined pairs', whose
//! near-unique terms are looked up only whole and are stored front-coded
//! instead, in two parts by first byte, built in parallel), `terms` (term collection while building:
//! term ids, posting lists), `deletions` (the deletion neighbourhood),
//! `builder` (what of a name is filed in which dictionary, memoised per
//! distinct token, and the build), `query` (a query
//! token's expansions into weighted posting lists), `topk` (the ranking and
//! its pruning) and `identifiers`.

#![warn(missing_docs)]

mod builder;
mod deletions;
mod dictionary;
mod identifiers;
mod query;
mod terms;
mod topk;

use tamga_matcher::TokenStats;
use tamga_names::AnalyzedName;

pub use builder::{NameFiling, NameIndexBuilder};
pub use identifiers::{normalize_identifier, IdentifierIndex};

use deletions::Deletions;
use dictionary::{Dictionary, SplitDictionary};

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
/// The candidate index (see the crate docs for its recall guarantee).
pub struct NameIndex {
    latin: Dictionary,
    phonetic: Dictionary,
    joined: SplitDictionary,
    consonants: Dictionary,
    abjad_consonants: Dictionary,
    acronyms: Dictionary,
    names: u32,
    deletions: Deletions,
    options: IndexOptions,
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
        self.latin.len()
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
}

impl TokenStats for NameIndex {
    /// `token` is a Latin skeleton ([`tamga_names::NameToken::latin`]).
    fn frequency(&self, token: &str) -> f64 {
        if self.names == 0 {
            return 0.0;
        }
        self.document_frequency(token) as f64 / self.names as f64
    }
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
}
