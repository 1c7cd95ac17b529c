//! tamga's concrete name scorer.
//!
//! [`TamgaScorer`] compares two names analysed by `tamga-names` (Latin
//! skeletons and phonetic keys per token) and returns a score in [0, 1] with
//! a token-by-token explanation.
//!
//! # How a score is made
//!
//! 1. **Token pairs.** Every query token is compared with every list token,
//!    by the first path that applies: identical text (`exact`, 1.0); same
//!    legal-form class (`legal_form`, 1.0: `OOO` ~ `LLC`); same Latin skeleton
//!    (`transliteration`, 0.97); an initial against a token starting with it
//!    (`initial`, 0.70); same phonetic key or variant key (`phonetic`, 0.92);
//!    otherwise
//!    the OSA edit distance `d` of the skeletons (transpositions cost 1) when
//!    the longer has 4+ characters and the shorter 3+, and `d` is at most 1
//!    (2 when they have 8+ and 6+): `edit_distance`, `1 − 0.75·d/len`; for a name in Arabic
//!    or Hebrew script, the same consonant skeleton (`phonetic`, 0.85).
//!    Pairs of tokens of at most 3 characters therefore need exact,
//!    skeleton or phonetic equality. Two
//!    adjacent tokens on one side are also compared, written together, with a
//!    single token on the other (`joined`, 0.95, minus the same edit cost).
//! 2. **Alignment** is order-insensitive: pairs are taken greedily, best
//!    similarity first, each token used at most once.
//! 3. **Weights.** A token weighs `class factor × rarity bits`. Rarity bits are
//!    `−log2(frequency)` of its skeleton among list names (from
//!    [`TokenStats`]), clamped to [1, 16]; an unseen token weighs 16. Class
//!    factors: name 1.0 (patronymic 0.6), initial 0.35, stopword 0.3, legal
//!    form 0.25, particle 0.15, title 0.1.
//! 4. **Coverage** is a weighted Dice coefficient:
//!    `Σ sim·(w_query + w_list) / (Σ all query weights + Σ all list weights)`,
//!    so unmatched tokens on either side cost their weight: a missing rare
//!    surname costs a lot, a missing title or patronymic little.
//! 5. **Distinctiveness**: how well the matched list tokens identify a
//!    party. The rarest matched token counts in full and the others at half
//!    (a rare surname identifies; common given names add a little):
//!    `(max + ½·(Σ − max)) / FULL_EVIDENCE_BITS` over the matched list-side
//!    weights `sim·w_list`, capped at 1. The name score is
//!    `coverage × (0.45 + 0.55 × distinctiveness)`, so that a match made only
//!    of very common tokens ("Mohammad Ali", "Ivanov") cannot reach the alert
//!    band on its own.
//!
//! # What a score means
//!
//! * **≥ 0.90**: the same name up to spelling, transliteration, word order or
//!   legal-form convention, with enough distinctive content.
//! * **0.70 – 0.90**: likely the same name: a typo in each token, a missing
//!   middle name or patronymic, an initial for a given name, or a common name
//!   matched in full. This is the default alert band
//!   (`tamga_screen::DEFAULT_THRESHOLD` = 0.7).
//! * **0.50 – 0.70**: partial: some tokens shared; worth a look only with
//!   secondary evidence (birth date, identifier).
//! * **< 0.50**: different names that share a common token or two.
//!
//! Secondary evidence (birth date, country, identifier, kind, weak alias) is
//! applied by `tamga-screen` on top of this name score.

#![warn(missing_docs)]

use rapidfuzz::distance::osa;
use std::cell::RefCell;
use std::sync::OnceLock;
use tamga_matcher::{
    Explanation, MatchPath, NameKindHint, NameScore, NameScorer, TokenMatch, TokenStats,
};
use tamga_names::{analyze, AnalyzedName, NameToken, PartyHint, TokenClass, TokenRole};

/// Rarity of a token never seen in the lists (and the cap for rare ones).
pub const MAX_BITS: f64 = 16.0;
/// Rarity floor: even a token in every name carries a little.
pub const MIN_BITS: f64 = 1.0;
/// Matched list-side evidence (in weighted bits, see the crate docs) at
/// which a match counts as fully distinctive: one token no other list name
/// shares, or a rare family name with a given name.
pub const FULL_EVIDENCE_BITS: f64 = 16.0;
/// Share of the coverage a match keeps however indistinct it is.
pub const DISTINCTIVENESS_FLOOR: f64 = 0.45;

/// Similarity of a skeleton match (same name, other script or accents).
pub const SIM_TRANSLITERATION: f64 = 0.97;
/// Similarity of a phonetic-key match.
pub const SIM_PHONETIC: f64 = 0.92;
/// Similarity of an initial against a full token.
pub const SIM_INITIAL: f64 = 0.70;
/// Similarity of two tokens in a script without written short vowels
/// (Arabic, Hebrew) that agree on their consonant skeleton.
pub const SIM_CONSONANTS: f64 = 0.85;
/// Similarity of two tokens that equal one token when written together.
pub const SIM_JOINED: f64 = 0.95;

/// Tokens beyond this many per name are not aligned (they still weigh in
/// the denominator): real names never come close, and it bounds the cost of
/// a hostile 1 kB query.
const MAX_ALIGNED_TOKENS: usize = 32;

/// The default tamga scorer.
#[derive(Debug, Clone, Default)]
pub struct TamgaScorer;

/// The weight class factor of a token (see the crate docs).
pub fn class_factor(token: &NameToken) -> f64 {
    if token.latin.chars().count() == 1 {
        return 0.35;
    }
    match &token.class {
        TokenClass::Name => match token.role {
            TokenRole::Patronymic => 0.6,
            _ => 1.0,
        },
        TokenClass::Initial => 0.35,
        TokenClass::Stopword => 0.3,
        TokenClass::LegalForm(_) => 0.25,
        TokenClass::Particle => 0.15,
        TokenClass::Title => 0.1,
    }
}

/// Rarity bits of a token from its list frequency (see the crate docs).
pub fn rarity_bits(frequency: f64) -> f64 {
    if frequency <= 0.0 || frequency.is_nan() {
        MAX_BITS
    } else {
        (-frequency.log2()).clamp(MIN_BITS, MAX_BITS)
    }
}

fn token_weight(token: &Tok, stats: &dyn TokenStats) -> f64 {
    let bits = *token
        .bits
        .get_or_init(|| rarity_bits(stats.frequency(&token.latin)));
    token.factor * bits
}

/// The allowed OSA distance for two skeletons (0 = edit distance not
/// allowed): one edit when the longer has 4+ characters and the shorter 3+
/// (`Oeg` ~ `Oleg`, `Jun` ~ `Juan`), two when they have 8+ and 6+.
fn allowed_distance(shorter: usize, longer: usize) -> usize {
    if longer < 4 || shorter < 3 {
        0
    } else if longer >= 8 && shorter >= 6 {
        2
    } else {
        1
    }
}

/// Vessels and aircraft are read as organisations: their names are names of
/// things, so words like `Kapitan` or `General` are part of the name, not
/// titles to discount.
fn hint_to_party(kind: NameKindHint) -> PartyHint {
    match kind {
        NameKindHint::Person => PartyHint::Person,
        NameKindHint::Organization | NameKindHint::Other => PartyHint::Organization,
        NameKindHint::Unknown => PartyHint::Unknown,
    }
}

impl TamgaScorer {
    /// A scorer with the documented constants.
    pub fn new() -> TamgaScorer {
        TamgaScorer
    }
}

/// A name prepared for scoring: the analysed tokens in a compact form with
/// their class weights, built once per list name.
///
/// Token rarity is looked up in the [`TokenStats`] the first time the name is
/// scored and memoised, because list statistics do not change while a name
/// exists and the lookups would otherwise dominate screening. To score the
/// same name under other statistics, prepare it again.
#[derive(Debug, Clone, Default)]
pub struct PreparedName {
    script: &'static str,
    tokens: Box<[Tok]>,
}

impl PreparedName {
    /// Dominant script of the name (ISO 15924).
    pub fn script(&self) -> &'static str {
        self.script
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Whether the name has no token.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The tokens' Latin skeletons in written order.
    pub fn skeletons(&self) -> impl Iterator<Item = &str> {
        self.tokens.iter().map(|t| &*t.latin)
    }
}

/// One prepared token.
#[derive(Debug, Clone, Default)]
struct Tok {
    text: Box<str>,
    latin: Box<str>,
    phonetic: Box<str>,
    variants: Box<[Box<str>]>,
    consonants: Box<str>,
    legal: Option<Box<str>>,
    factor: f64,
    /// Rarity bits, memoised from the first statistics the token is scored
    /// with (see [`PreparedName`]).
    bits: OnceLock<f64>,
    /// Script without written short vowels (Arabic, Hebrew): matched on
    /// consonants too.
    abjad: bool,
}

impl Tok {
    fn new(t: &NameToken, abjad: bool) -> Tok {
        Tok {
            text: t.text.as_str().into(),
            latin: t.latin.as_str().into(),
            phonetic: t.phonetic.as_str().into(),
            variants: t.variants.iter().map(|v| v.as_str().into()).collect(),
            consonants: t.consonants.as_str().into(),
            legal: match &t.class {
                TokenClass::LegalForm(c) => Some(c.as_str().into()),
                _ => None,
            },
            factor: class_factor(t),
            bits: OnceLock::new(),
            abjad,
        }
    }

    /// The phonetic key both tokens share, if any (main key or a variant).
    fn shared_phonetic<'a>(&'a self, other: &'a Tok) -> Option<&'a str> {
        if self.phonetic.len() < 2 {
            return None;
        }
        if self.phonetic == other.phonetic {
            return Some(&self.phonetic);
        }
        std::iter::once(&self.phonetic)
            .chain(self.variants.iter())
            .find(|k| other.variants.contains(k) || **k == other.phonetic)
            .map(|k| &**k)
    }
}

impl From<&AnalyzedName> for PreparedName {
    fn from(a: &AnalyzedName) -> PreparedName {
        let abjad = matches!(a.script, "Arab" | "Hebr" | "Syrc" | "Thaa");
        PreparedName {
            script: a.script,
            tokens: a.tokens.iter().map(|t| Tok::new(t, abjad)).collect(),
        }
    }
}

/// How a pair matched, compactly (turned into [`MatchPath`] only for
/// explanations).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Path {
    Exact,
    LegalForm,
    Transliteration,
    Initial,
    Phonetic,
    Consonants,
    Edit(u8),
    Joined,
}

/// One aligned item: a run of query tokens against a run of list tokens.
#[derive(Debug, Clone, Copy)]
struct Item {
    q: (u8, u8),
    l: (u8, u8),
    sim: f64,
    weight: f64,
    path: Path,
}

fn edit_similarity(
    a: &[u8],
    b: impl DoubleEndedIterator<Item = u8> + Clone,
    blen: usize,
    base: f64,
) -> Option<(f64, u8)> {
    let la = a.len();
    let allowed = allowed_distance(la.min(blen), la.max(blen));
    if allowed == 0 || la.abs_diff(blen) > allowed {
        return None;
    }
    let d = osa::distance_with_args(
        a.iter().copied(),
        b,
        &osa::Args::default().score_cutoff(allowed),
    )?;
    Some((base - 0.75 * d as f64 / la.max(blen) as f64, d as u8))
}

/// Compares two single tokens by the first path that applies.
fn token_pair(q: &Tok, l: &Tok) -> Option<(f64, Path)> {
    if let (Some(a), Some(b)) = (&q.legal, &l.legal) {
        return (a == b).then_some((1.0, Path::LegalForm));
    }
    if q.text == l.text {
        return Some((1.0, Path::Exact));
    }
    if q.latin == l.latin {
        return Some((SIM_TRANSLITERATION, Path::Transliteration));
    }
    let (ql, ll) = (q.latin.len(), l.latin.len());
    if ql == 1 || ll == 1 {
        let (short, long) = if ql == 1 { (q, l) } else { (l, q) };
        return (long.latin.len() > 1 && long.latin.starts_with(&*short.latin))
            .then_some((SIM_INITIAL, Path::Initial));
    }
    // A concept key (`@plant`: a translated organisation word or another language's form
    // of a given name; see `NameToken::variants`) is a fallback: spelling evidence first.
    let shared = q.shared_phonetic(l);
    if shared.is_some_and(|k| !k.starts_with('@')) {
        return Some((SIM_PHONETIC, Path::Phonetic));
    }
    let edit = edit_similarity(q.latin.as_bytes(), l.latin.bytes(), ll, 1.0);
    if let Some((sim, d)) = edit {
        // A given-name or patronymic class (Uladzimir = Vladimir) is an equivalence, not a
        // translation: it outranks a weak spelling match.
        let class = shared.is_some_and(|k| k.starts_with("@g:") || k.starts_with("@p:"));
        if !class || sim >= SIM_PHONETIC {
            return Some((sim, Path::Edit(d)));
        }
    }
    if shared.is_some() {
        return Some((SIM_PHONETIC, Path::Phonetic));
    }
    // A one-consonant skeleton (علي ~ Ali) is accepted only between short
    // words, where it is all the script writes.
    let short = q.latin.len().max(l.latin.len()) <= 4;
    if (q.abjad || l.abjad)
        && !q.consonants.is_empty()
        && (q.consonants.len() >= 2 || short)
        && q.consonants == l.consonants
    {
        return Some((SIM_CONSONANTS, Path::Consonants));
    }
    None
}

/// Single token against two adjacent tokens written together.
fn joined_pair(single: &Tok, pa: &Tok, pb: &Tok) -> Option<f64> {
    let s = single.latin.as_bytes();
    let (a, b) = (pa.latin.as_bytes(), pb.latin.as_bytes());
    if s.len() < 4 || a.is_empty() || b.is_empty() {
        return None;
    }
    if s.len() == a.len() + b.len() && s.starts_with(a) && s.ends_with(b) {
        return Some(SIM_JOINED);
    }
    // A concept written as one word in one language and two in the other
    // (машиностроительный ~ machine building): both parts carry its key
    // marked as a part (`@machinebuilding+`, see `tamga_names::analyze`).
    fn part_of(v: &str) -> Option<&str> {
        v.strip_suffix('+').filter(|k| k.starts_with('@'))
    }
    if pa.variants.iter().any(|v| {
        part_of(v).is_some_and(|k| {
            pb.variants.iter().any(|w| w == v) && single.variants.iter().any(|x| **x == *k)
        })
    }) {
        return Some(SIM_PHONETIC);
    }
    // Fuzzy joins are a secondary path: require the first letter to agree
    // before paying for an edit distance.
    if s[0] != a[0] {
        return None;
    }
    let together = a.iter().chain(b.iter()).copied();
    edit_similarity(s, together, a.len() + b.len(), SIM_JOINED).map(|(sim, _)| sim)
}

/// Reusable buffers, so scoring a candidate allocates nothing.
#[derive(Default)]
struct Scratch {
    wq: Vec<f64>,
    wl: Vec<f64>,
    items: Vec<Item>,
    q_used: Vec<bool>,
    l_used: Vec<bool>,
    chosen: Vec<Item>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// The outcome of an alignment, before any explanation is written.
struct Aligned {
    score: f64,
    coverage: f64,
    distinctiveness: f64,
    total: f64,
}

fn align(q: &PreparedName, l: &PreparedName, stats: &dyn TokenStats, s: &mut Scratch) -> Aligned {
    s.wq.clear();
    s.wq.extend(q.tokens.iter().map(|t| token_weight(t, stats)));
    s.wl.clear();
    s.wl.extend(l.tokens.iter().map(|t| token_weight(t, stats)));
    let total: f64 = s.wq.iter().sum::<f64>() + s.wl.iter().sum::<f64>();
    let qt = &q.tokens[..q.tokens.len().min(MAX_ALIGNED_TOKENS)];
    let lt = &l.tokens[..l.tokens.len().min(MAX_ALIGNED_TOKENS)];
    s.items.clear();
    let (wq, wl) = (&s.wq, &s.wl);
    let weight = |q0: usize, q1: usize, l0: usize, l1: usize| -> f64 {
        wq[q0..q1].iter().sum::<f64>() + wl[l0..l1].iter().sum::<f64>()
    };
    for (i, qt_i) in qt.iter().enumerate() {
        for (j, lt_j) in lt.iter().enumerate() {
            if let Some((sim, path)) = token_pair(qt_i, lt_j) {
                s.items.push(Item {
                    q: (i as u8, i as u8 + 1),
                    l: (j as u8, j as u8 + 1),
                    sim,
                    weight: weight(i, i + 1, j, j + 1),
                    path,
                });
            }
        }
        for j in 0..lt.len().saturating_sub(1) {
            if let Some(sim) = joined_pair(qt_i, &lt[j], &lt[j + 1]) {
                s.items.push(Item {
                    q: (i as u8, i as u8 + 1),
                    l: (j as u8, j as u8 + 2),
                    sim,
                    weight: weight(i, i + 1, j, j + 2),
                    path: Path::Joined,
                });
            }
        }
    }
    for i in 0..qt.len().saturating_sub(1) {
        for (j, lt_j) in lt.iter().enumerate() {
            if let Some(sim) = joined_pair(lt_j, &qt[i], &qt[i + 1]) {
                s.items.push(Item {
                    q: (i as u8, i as u8 + 2),
                    l: (j as u8, j as u8 + 1),
                    sim,
                    weight: weight(i, i + 2, j, j + 1),
                    path: Path::Joined,
                });
            }
        }
    }
    // Abjad names: a run of tokens on one side whose consonant keys, written
    // together, equal one token's on the other (عبد الله ~ Abdullah,
    // نصير الدين ~ Nasiruddin, Abbas-Ali ~ عباسعلی).
    if q.tokens.iter().chain(l.tokens.iter()).any(|t| t.abjad) {
        for (single_q, runs, singles) in [(false, qt, lt), (true, lt, qt)] {
            let keys: Vec<(&str, &str)> = runs.iter().map(|t| (&*t.text, &*t.consonants)).collect();
            for (start, end, key) in tamga_names::consonant_runs(&keys) {
                for (k, t) in singles.iter().enumerate() {
                    if *t.consonants != *key {
                        continue;
                    }
                    let (qr, lr) = if single_q {
                        ((k, k + 1), (start, end))
                    } else {
                        ((start, end), (k, k + 1))
                    };
                    s.items.push(Item {
                        q: (qr.0 as u8, qr.1 as u8),
                        l: (lr.0 as u8, lr.1 as u8),
                        sim: SIM_CONSONANTS,
                        weight: weight(qr.0, qr.1, lr.0, lr.1),
                        path: Path::Joined,
                    });
                }
            }
        }
    }
    // Best similarity first; among equals the heavier pair, then written
    // order so that the alignment is deterministic.
    s.items.sort_by(|a, b| {
        b.sim
            .total_cmp(&a.sim)
            .then(b.weight.total_cmp(&a.weight))
            .then(a.q.cmp(&b.q))
            .then(a.l.cmp(&b.l))
    });
    s.q_used.clear();
    s.q_used.resize(q.tokens.len(), false);
    s.l_used.clear();
    s.l_used.resize(l.tokens.len(), false);
    s.chosen.clear();
    let mut matched = 0.0;
    let mut evidence_bits = 0.0;
    let mut rarest_bits: f64 = 0.0;
    for it in &s.items {
        let (q0, q1, l0, l1) = (
            it.q.0 as usize,
            it.q.1 as usize,
            it.l.0 as usize,
            it.l.1 as usize,
        );
        if s.q_used[q0..q1].iter().any(|&u| u) || s.l_used[l0..l1].iter().any(|&u| u) {
            continue;
        }
        s.q_used[q0..q1].iter_mut().for_each(|u| *u = true);
        s.l_used[l0..l1].iter_mut().for_each(|u| *u = true);
        matched += it.sim * it.weight;
        let bits = it.sim * s.wl[l0..l1].iter().sum::<f64>();
        evidence_bits += bits;
        rarest_bits = rarest_bits.max(bits);
        s.chosen.push(*it);
    }
    let coverage = if total > 0.0 { matched / total } else { 0.0 };
    let distinctiveness =
        ((rarest_bits + 0.5 * (evidence_bits - rarest_bits)) / FULL_EVIDENCE_BITS).min(1.0);
    let score = (coverage
        * (DISTINCTIVENESS_FLOOR + (1.0 - DISTINCTIVENESS_FLOOR) * distinctiveness))
        .clamp(0.0, 1.0);
    Aligned {
        score: round4(score),
        coverage,
        distinctiveness,
        total,
    }
}

fn join_text(tokens: &[Tok]) -> String {
    tokens
        .iter()
        .map(|t| &*t.text)
        .collect::<Vec<_>>()
        .join(" ")
}

fn explain(q: &PreparedName, l: &PreparedName, s: &Scratch, a: &Aligned) -> Explanation {
    let scheme = if q.script == l.script {
        "skeleton".to_string()
    } else {
        format!("{}-{}", q.script, l.script)
    };
    let mut chosen = s.chosen.clone();
    chosen.sort_by_key(|it| it.q);
    let tokens = chosen
        .iter()
        .map(|it| {
            let qs = &q.tokens[it.q.0 as usize..it.q.1 as usize];
            let ls = &l.tokens[it.l.0 as usize..it.l.1 as usize];
            let path = match it.path {
                Path::Exact => MatchPath::Exact,
                Path::LegalForm => MatchPath::LegalForm {
                    class: ls[0].legal.as_deref().unwrap_or_default().to_string(),
                },
                Path::Transliteration => MatchPath::Transliteration {
                    scheme: scheme.clone(),
                },
                Path::Initial => MatchPath::Initial,
                Path::Phonetic => MatchPath::Phonetic {
                    key: qs[0]
                        .shared_phonetic(&ls[0])
                        .unwrap_or_default()
                        .to_string(),
                },
                Path::Consonants => MatchPath::Phonetic {
                    key: qs[0].consonants.to_string(),
                },
                Path::Edit(d) => MatchPath::EditDistance {
                    distance: u32::from(d),
                },
                Path::Joined => MatchPath::Joined,
            };
            TokenMatch {
                query: join_text(qs),
                list: join_text(ls),
                path,
                similarity: round4(it.sim),
                weight: round4(if a.total > 0.0 {
                    it.weight / a.total
                } else {
                    0.0
                }),
            }
        })
        .collect();
    let unmatched = |toks: &[Tok], used: &[bool]| -> Vec<String> {
        toks.iter()
            .zip(used)
            .filter(|(_, &u)| !u)
            .map(|(t, _)| t.text.to_string())
            .collect()
    };
    Explanation {
        tokens,
        unmatched_query: unmatched(&q.tokens, &s.q_used),
        unmatched_list: unmatched(&l.tokens, &s.l_used),
        name_score: a.score,
        coverage: round4(a.coverage),
        distinctiveness: round4(a.distinctiveness),
        adjustments: Vec::new(),
    }
}

impl NameScorer for TamgaScorer {
    type Prepared = PreparedName;

    fn prepare(&self, name: &str, kind: NameKindHint) -> PreparedName {
        PreparedName::from(&analyze(name, hint_to_party(kind)))
    }

    /// Uses the caller's analysis when it is a [`AnalyzedName`] made with the
    /// same party hint (the screening pipeline's is), saving a second pass.
    fn prepare_with_analysis(
        &self,
        name: &str,
        kind: NameKindHint,
        analysis: &dyn std::any::Any,
    ) -> PreparedName {
        match analysis.downcast_ref::<AnalyzedName>() {
            Some(a) if a.original == name => PreparedName::from(a),
            _ => self.prepare(name, kind),
        }
    }

    fn score(
        &self,
        query: &PreparedName,
        candidate: &PreparedName,
        stats: &dyn TokenStats,
    ) -> NameScore {
        SCRATCH.with(|s| {
            let mut s = s.borrow_mut();
            let aligned = align(query, candidate, stats, &mut s);
            let explanation = explain(query, candidate, &s, &aligned);
            NameScore {
                score: aligned.score,
                explanation,
            }
        })
    }

    fn score_value(
        &self,
        query: &PreparedName,
        candidate: &PreparedName,
        stats: &dyn TokenStats,
    ) -> f64 {
        SCRATCH.with(|s| align(query, candidate, stats, &mut s.borrow_mut()).score)
    }
}

/// Rounds to 4 decimals so that output is stable and readable; scores are
/// never compared at finer resolution than that.
fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use tamga_matcher::NoStats;

    fn score(a: &str, b: &str) -> NameScore {
        let s = TamgaScorer;
        let a = s.prepare(a, NameKindHint::Unknown);
        let b = s.prepare(b, NameKindHint::Unknown);
        s.score(&a, &b, &NoStats)
    }

    #[test]
    fn identical_names_score_one_and_are_exact() {
        // Names of OFAC SDN entries (sdn.csv 2023-12-28): 16667, 45937, 8279.
        let s = score("YAKUNIN, Vladimir Ivanovich", "YAKUNIN, Vladimir Ivanovich");
        assert!(s.score > 0.99, "{s:?}");
        assert!(s
            .explanation
            .tokens
            .iter()
            .all(|t| t.path == MatchPath::Exact));
    }

    #[test]
    fn order_does_not_matter() {
        let a = score("ZAKHAROV Aleksandr", "Aleksandr ZAKHAROV");
        assert!(a.score > 0.99, "{a:?}");
    }

    #[test]
    fn typos_and_joins_are_explained() {
        // OFAC SDN 35037 "OOO NAUCHNO-TEKHNICHESKII TSENTR METROTEK", with the
        // hyphenated words written together and a typo in the last word.
        let s = score(
            "Nauchnotekhnicheskii Tsentr Metrotel",
            "OOO NAUCHNO-TEKHNICHESKII TSENTR METROTEK",
        );
        let paths: Vec<_> = s.explanation.tokens.iter().map(|t| &t.path).collect();
        assert!(paths.contains(&&MatchPath::Joined), "{s:?}");
        assert!(
            paths
                .iter()
                .any(|p| matches!(p, MatchPath::EditDistance { distance: 1 })),
            "{s:?}"
        );
        assert!((0.7..0.99).contains(&s.score), "{s:?}");
    }

    #[test]
    fn arabic_script_meets_its_latin_rendering() {
        // UN consolidated list (2026-02-27), DATAID 6908052: its
        // NAME_ORIGINAL_SCRIPT and its FIRST..FOURTH_NAME parts.
        let s = score("علي حسن المجيد التكريتي", "ALI HASSAN AL-MAJID AL-TIKRITI");
        assert!(s.score >= 0.7, "{s:?}");
        assert!(s.explanation.unmatched_query.is_empty(), "{s:?}");
        assert!(s
            .explanation
            .tokens
            .iter()
            .any(|t| t.list == "ali" && matches!(t.path, MatchPath::Phonetic { .. })));
    }

    #[test]
    fn a_three_letter_token_may_miss_one_letter_of_four() {
        // SDN "SHAPOVALOV, Oleg Georgievich" with a letter of the given name lost.
        let s = score("Oeg Georgievich Shapovalov", "Oleg Georgievich SHAPOVALOV");
        assert!(s.explanation.unmatched_query.is_empty(), "{s:?}");
        assert!(s
            .explanation
            .tokens
            .iter()
            .any(|t| t.query == "oeg" && t.path == MatchPath::EditDistance { distance: 1 }));
    }

    #[test]
    fn short_tokens_need_equality() {
        let s = score("Ali", "Ari");
        assert_eq!(s.score, 0.0, "{s:?}");
        assert_eq!(s.explanation.unmatched_query, vec!["ali".to_string()]);
    }

    #[test]
    fn initials_match_full_tokens_weakly() {
        let full = score("Viktor Bout", "Viktor Anatolijevitch BOUT");
        let initial = score("V. Bout", "Viktor Anatolijevitch BOUT");
        assert!(initial
            .explanation
            .tokens
            .iter()
            .any(|t| t.path == MatchPath::Initial));
        assert!(initial.score < full.score, "{initial:?} vs {full:?}");
    }

    #[test]
    fn missing_tokens_cost_score() {
        let full = score("Viktor Anatolijevitch Bout", "Viktor Anatolijevitch BOUT");
        let partial = score("Bout", "Viktor Anatolijevitch BOUT");
        assert!(partial.score < 0.7, "{partial:?}");
        assert!(full.score > partial.score);
    }
}
