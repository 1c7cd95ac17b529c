//! The scoring interface of tamga.
//!
//! The screening pipeline (`tamga-screen`) depends on this small crate, not on
//! the concrete scorer (`tamga-scorer`), the way ripgrep's searcher depends on
//! its `matcher` trait rather than on a regex engine. Any scorer that can
//! prepare a name once and compare two prepared names, explaining its answer,
//! can drive screening.

use serde::{Deserialize, Serialize};

/// The kind of party a name belongs to, as far as scoring cares: legal forms
/// and word rarity are read differently for people and for organisations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NameKindHint {
    /// A natural person.
    Person,
    /// A company or other organisation.
    Organization,
    /// A vessel, aircraft or anything else.
    Other,
    /// Not known.
    #[default]
    Unknown,
}

/// By which path one query token was found to match one list token.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "path", rename_all = "snake_case")]
pub enum MatchPath {
    /// Identical after normalisation.
    Exact,
    /// Identical after transliteration to the Latin skeleton; `scheme` names
    /// the convention that explains the spelling difference when known.
    Transliteration {
        /// Scheme or rule, e.g. `ru:bgn_pcgn`, `uz:latin`, `skeleton`.
        scheme: String,
    },
    /// Same phonetic key.
    Phonetic {
        /// The shared key.
        key: String,
    },
    /// Within an edit distance of the list token.
    EditDistance {
        /// Levenshtein distance between the skeletons.
        distance: u32,
    },
    /// An initial matched a full token (`J.` ~ `John`).
    Initial,
    /// Tokens written together on one side and apart on the other
    /// (`Kassymjomart` ~ `Kassym Jomart`).
    Joined,
    /// One token is the initials of a run of tokens on the other side
    /// (`PCC` ~ `Petrochemical Commercial Company`, `CBSP` ~ `Comité de
    /// Bienfaisance et de Secours aux Palestiniens`).
    Acronym,
    /// Both are organisation legal forms of the same class (`OOO` ~ `LLC`).
    LegalForm {
        /// The class, e.g. `llc`.
        class: String,
    },
}

/// One aligned pair of tokens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TokenMatch {
    /// Query token as written (after normalisation).
    pub query: String,
    /// List token as written (after normalisation).
    pub list: String,
    /// How they matched.
    #[serde(flatten)]
    pub path: MatchPath,
    /// Similarity of the pair in [0, 1].
    pub similarity: f64,
    /// Weight of the pair in the name score (rarer tokens weigh more).
    pub weight: f64,
}

/// A documented raise or cut of the score for secondary evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Adjustment {
    /// What evidence (`birth_date`, `country`, `identifier`, `kind`, `weak_alias`, …).
    pub evidence: String,
    /// Signed change applied to the score.
    pub delta: f64,
    /// Human-readable reason, e.g. "birth year 1957 outside listed 1962".
    pub reason: String,
}

/// Two tokens that stand in the same place of two persons' names and name
/// different things (another patronymic, given name or family name): evidence
/// of two people, which a scorer may charge beyond leaving the tokens
/// unmatched, and shows here so an analyst sees why the score fell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contradiction {
    /// Query token as written (after normalisation).
    pub query: String,
    /// List token as written (after normalisation).
    pub list: String,
    /// The part of the name they both stand for: `given`, `patronymic` or
    /// `family`.
    pub part: String,
}

/// Why a name scored what it scored.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Explanation {
    /// Aligned token pairs.
    pub tokens: Vec<TokenMatch>,
    /// Query tokens no list token matched.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unmatched_query: Vec<String>,
    /// List tokens no query token matched.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unmatched_list: Vec<String>,
    /// Unmatched tokens of the two names that contradict each other, each
    /// pair once (see [`Contradiction`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contradictions: Vec<Contradiction>,
    /// How the scorer charged what the fields above do not show, one sentence each: the
    /// extra given names of a person's name written more fully on one side, which cost
    /// less than their weight.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// Score of the names alone, before adjustments.
    pub name_score: f64,
    /// Weighted share of both names' tokens that were matched, in [0, 1]
    /// (0 when the scorer does not report it).
    #[serde(default)]
    pub coverage: f64,
    /// How distinctive the matched tokens are, in [0, 1]: 1 when they carry
    /// enough rare-token evidence to identify a party, lower for matches made
    /// of common tokens only (0 when the scorer does not report it).
    #[serde(default)]
    pub distinctiveness: f64,
    /// Secondary-evidence adjustments, in the order applied.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adjustments: Vec<Adjustment>,
}

/// A score in [0, 1] with its explanation.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct NameScore {
    /// Score in [0, 1].
    pub score: f64,
    /// Why.
    pub explanation: Explanation,
}

/// How often a normalised token occurs among list names; scorers use it to
/// weigh rare tokens above common ones ("Ivanov", "LLC").
pub trait TokenStats {
    /// Fraction of list names containing `token`, in [0, 1]; 0 when unseen.
    fn frequency(&self, token: &str) -> f64;
}

/// Statistics that know nothing: every token is equally informative.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoStats;

impl TokenStats for NoStats {
    fn frequency(&self, _token: &str) -> f64 {
        0.0
    }
}

/// A list-name preparer (see [`NameScorer::list_preparer`]): name, kind hint,
/// the caller's analysis (as for [`NameScorer::prepare_with_analysis`]).
pub type ListPreparer<'a, P> =
    dyn Fn(&str, NameKindHint, &dyn std::any::Any) -> P + Send + Sync + 'a;

/// A name scorer.
///
/// `prepare` does the expensive, per-name work once (normalisation,
/// transliteration, phonetic keys); `score` compares two prepared names and
/// must be cheap, because screening calls it for every candidate.
pub trait NameScorer: Send + Sync {
    /// A name made ready for scoring.
    type Prepared: Send + Sync;

    /// Prepares a name.
    fn prepare(&self, name: &str, kind: NameKindHint) -> Self::Prepared;

    /// Prepares a name for which the caller already holds an analysis (the
    /// screening pipeline analyses every list name once for its candidate
    /// index and passes a `tamga_names::AnalyzedName` here). A scorer that can
    /// use the analysis downcasts it; the default ignores it and calls
    /// [`NameScorer::prepare`]. The result must equal `prepare(name, kind)`.
    fn prepare_with_analysis(
        &self,
        name: &str,
        kind: NameKindHint,
        analysis: &dyn std::any::Any,
    ) -> Self::Prepared {
        let _ = analysis;
        self.prepare(name, kind)
    }

    /// A preparer for the list names of one screener build. Names prepared
    /// through one preparer may share storage (a scorer may intern their
    /// tokens and memoise each shared token's statistics once), so they must
    /// all be scored under one set of [`TokenStats`]: a screener builds one
    /// preparer per build and drops it when the build ends. Queries are
    /// prepared with [`NameScorer::prepare_with_analysis`], never through a
    /// preparer, so that screening does not grow shared storage. Each
    /// prepared name must equal `prepare_with_analysis(name, kind, analysis)`
    /// in every score; the default calls exactly that.
    fn list_preparer(&self) -> Box<ListPreparer<'_, Self::Prepared>> {
        Box::new(move |name, kind, analysis| self.prepare_with_analysis(name, kind, analysis))
    }

    /// Scores a prepared query name against a prepared list name.
    fn score(
        &self,
        query: &Self::Prepared,
        candidate: &Self::Prepared,
        stats: &dyn TokenStats,
    ) -> NameScore;

    /// The score alone, without building an explanation. Screening calls it
    /// for every candidate and asks [`NameScorer::score`] only for the
    /// matches it returns, so scorers should make it cheap. It must equal
    /// `score(..).score`; the default computes exactly that.
    fn score_value(
        &self,
        query: &Self::Prepared,
        candidate: &Self::Prepared,
        stats: &dyn TokenStats,
    ) -> f64 {
        self.score(query, candidate, stats).score
    }

    /// [`NameScorer::score_value`] of `query` against each of `candidates`,
    /// in their order. Screening scores all the candidates of a query at
    /// once through it, so that a scorer may share work between them (the
    /// same list token met in many candidates); each value must equal
    /// `score_value`'s, which the default calls.
    fn score_values(
        &self,
        query: &Self::Prepared,
        candidates: &[&Self::Prepared],
        stats: &dyn TokenStats,
    ) -> Vec<f64> {
        candidates
            .iter()
            .map(|c| self.score_value(query, c, stats))
            .collect()
    }
}

/// Hints the processor to load the cache lines of the `n` values at `p`
/// into cache. A hint only: the address is never dereferenced.
///
/// For [`NameScorer::score_values`] implementations and candidate indexes,
/// whose cost is memory waits more than instructions: reaching a listed
/// name's tokens is a chain of main-memory reads, which a hint issued one
/// candidate ahead overlaps with the work on the current one. A no-op off
/// x86_64.
#[inline(always)]
pub fn prefetch<T>(p: *const T, n: usize) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        let bytes = std::mem::size_of::<T>() * n;
        for offset in (0..bytes).step_by(64) {
            // SAFETY: a prefetch never faults and has no effect a program
            // can observe but its timing, whatever the address (only
            // computed here, with wrapping arithmetic); SSE is part of the
            // x86_64 baseline.
            unsafe { _mm_prefetch::<_MM_HINT_T0>(p.cast::<i8>().wrapping_add(offset)) };
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = (p, n);
}
