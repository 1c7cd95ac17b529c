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
//!    (`initial`, 0.70); same phonetic key (`phonetic`, 0.92); otherwise
//!    the OSA edit distance `d` of the skeletons (transpositions cost 1) when
//!    both have 4+ characters and `d` is at most 1 (2 when the longer has 8+
//!    characters): `edit_distance`, `1 − 0.75·d/len`. Tokens of 2–3
//!    characters therefore need exact, skeleton or phonetic equality. Two
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
//! 5. **Distinctiveness**: the matched list-side bits `Σ sim·w_list` over
//!    [`FULL_EVIDENCE_BITS`], capped at 1. The name score is
//!    `coverage × (0.55 + 0.45 × distinctiveness)`, so that a match made only
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
use tamga_matcher::{
    Explanation, MatchPath, NameKindHint, NameScore, NameScorer, TokenMatch, TokenStats,
};
use tamga_names::{analyze, AnalyzedName, NameToken, PartyHint, TokenClass, TokenRole};

/// Rarity of a token never seen in the lists (and the cap for rare ones).
pub const MAX_BITS: f64 = 16.0;
/// Rarity floor: even a token in every name carries a little.
pub const MIN_BITS: f64 = 1.0;
/// Matched list-side evidence (in weighted bits) at which a match counts as
/// fully distinctive; about a common given name plus a rare family name.
pub const FULL_EVIDENCE_BITS: f64 = 20.0;
/// Share of the coverage a match keeps however indistinct it is.
pub const DISTINCTIVENESS_FLOOR: f64 = 0.55;

/// Similarity of a skeleton match (same name, other script or accents).
pub const SIM_TRANSLITERATION: f64 = 0.97;
/// Similarity of a phonetic-key match.
pub const SIM_PHONETIC: f64 = 0.92;
/// Similarity of an initial against a full token.
pub const SIM_INITIAL: f64 = 0.70;
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

fn token_weight(token: &NameToken, stats: &dyn TokenStats) -> f64 {
    let key = if token.latin.is_empty() {
        &token.text
    } else {
        &token.latin
    };
    class_factor(token) * rarity_bits(stats.frequency(key))
}

/// The allowed OSA distance for two skeletons (0 = edit distance not allowed).
fn allowed_distance(shorter: usize, longer: usize) -> usize {
    if shorter < 4 {
        0
    } else if longer >= 8 {
        2
    } else {
        1
    }
}

fn edit_similarity(a: &str, b: &str, base: f64) -> Option<(f64, u32)> {
    let (la, lb) = (a.len(), b.len());
    let allowed = allowed_distance(la.min(lb), la.max(lb));
    if allowed == 0 || la.abs_diff(lb) > allowed {
        return None;
    }
    let d = osa::distance_with_args(
        a.bytes(),
        b.bytes(),
        &osa::Args::default().score_cutoff(allowed),
    )?;
    Some((base - 0.75 * d as f64 / la.max(lb) as f64, d as u32))
}

/// Compares two single tokens; `scheme` names the transliteration when the
/// names are in different scripts.
fn token_pair(q: &NameToken, l: &NameToken, scheme: &str) -> Option<(f64, MatchPath)> {
    if let (TokenClass::LegalForm(a), TokenClass::LegalForm(b)) = (&q.class, &l.class) {
        return (a == b).then(|| (1.0, MatchPath::LegalForm { class: a.clone() }));
    }
    if !q.text.is_empty() && q.text == l.text {
        return Some((1.0, MatchPath::Exact));
    }
    if q.latin.is_empty() || l.latin.is_empty() {
        return None;
    }
    if q.latin == l.latin {
        return Some((
            SIM_TRANSLITERATION,
            MatchPath::Transliteration {
                scheme: scheme.to_string(),
            },
        ));
    }
    let (ql, ll) = (q.latin.len(), l.latin.len());
    if ql == 1 || ll == 1 {
        let (short, long) = if ql == 1 { (q, l) } else { (l, q) };
        return (long.latin.len() > 1 && long.latin.starts_with(short.latin.as_str()))
            .then_some((SIM_INITIAL, MatchPath::Initial));
    }
    if !q.phonetic.is_empty() && q.phonetic == l.phonetic {
        return Some((
            SIM_PHONETIC,
            MatchPath::Phonetic {
                key: q.phonetic.clone(),
            },
        ));
    }
    edit_similarity(&q.latin, &l.latin, 1.0)
        .map(|(sim, distance)| (sim, MatchPath::EditDistance { distance }))
}

/// One aligned item: a run of query tokens against a run of list tokens.
struct Item {
    q: (usize, usize),
    l: (usize, usize),
    sim: f64,
    path: MatchPath,
}

fn hint_to_party(kind: NameKindHint) -> PartyHint {
    match kind {
        NameKindHint::Person => PartyHint::Person,
        NameKindHint::Organization => PartyHint::Organization,
        _ => PartyHint::Unknown,
    }
}

fn join(tokens: &[NameToken], f: impl Fn(&NameToken) -> &str) -> String {
    tokens.iter().map(f).collect::<Vec<_>>().join(" ")
}

impl TamgaScorer {
    /// A scorer with the documented constants.
    pub fn new() -> TamgaScorer {
        TamgaScorer
    }

    fn candidates(query: &AnalyzedName, list: &AnalyzedName, scheme: &str) -> Vec<Item> {
        let qt = &query.tokens[..query.tokens.len().min(MAX_ALIGNED_TOKENS)];
        let lt = &list.tokens[..list.tokens.len().min(MAX_ALIGNED_TOKENS)];
        let mut items = Vec::new();
        for (i, q) in qt.iter().enumerate() {
            for (j, l) in lt.iter().enumerate() {
                if let Some((sim, path)) = token_pair(q, l, scheme) {
                    items.push(Item {
                        q: (i, i + 1),
                        l: (j, j + 1),
                        sim,
                        path,
                    });
                }
            }
        }
        // Joined forms: one token on one side equals two adjacent tokens on
        // the other written together ("Kassymjomart" ~ "Kassym Jomart").
        let joined = |single: &NameToken, pair: &[NameToken]| -> Option<f64> {
            if single.latin.len() < 4 || pair.iter().any(|t| t.latin.is_empty()) {
                return None;
            }
            let together = format!("{}{}", pair[0].latin, pair[1].latin);
            if together == single.latin {
                Some(SIM_JOINED)
            } else {
                edit_similarity(&single.latin, &together, SIM_JOINED).map(|(s, _)| s)
            }
        };
        for (i, q) in qt.iter().enumerate() {
            for (j, pair) in lt.windows(2).enumerate() {
                if let Some(sim) = joined(q, pair) {
                    items.push(Item {
                        q: (i, i + 1),
                        l: (j, j + 2),
                        sim,
                        path: MatchPath::Joined,
                    });
                }
            }
        }
        for (i, pair) in qt.windows(2).enumerate() {
            for (j, l) in lt.iter().enumerate() {
                if let Some(sim) = joined(l, pair) {
                    items.push(Item {
                        q: (i, i + 2),
                        l: (j, j + 1),
                        sim,
                        path: MatchPath::Joined,
                    });
                }
            }
        }
        items
    }
}

impl NameScorer for TamgaScorer {
    type Prepared = AnalyzedName;

    fn prepare(&self, name: &str, kind: NameKindHint) -> AnalyzedName {
        analyze(name, hint_to_party(kind))
    }

    fn score(
        &self,
        query: &AnalyzedName,
        candidate: &AnalyzedName,
        stats: &dyn TokenStats,
    ) -> NameScore {
        let mut explanation = Explanation::default();
        if query.tokens.is_empty() || candidate.tokens.is_empty() {
            explanation.unmatched_query = query.tokens.iter().map(|t| t.text.clone()).collect();
            explanation.unmatched_list = candidate.tokens.iter().map(|t| t.text.clone()).collect();
            return NameScore {
                score: 0.0,
                explanation,
            };
        }
        let scheme = if query.script == candidate.script {
            "skeleton".to_string()
        } else {
            format!("{}-{}", query.script, candidate.script)
        };
        let wq: Vec<f64> = query
            .tokens
            .iter()
            .map(|t| token_weight(t, stats))
            .collect();
        let wl: Vec<f64> = candidate
            .tokens
            .iter()
            .map(|t| token_weight(t, stats))
            .collect();
        let total: f64 = wq.iter().sum::<f64>() + wl.iter().sum::<f64>();

        let mut items = TamgaScorer::candidates(query, candidate, &scheme);
        let pair_weight = |it: &Item| -> f64 {
            wq[it.q.0..it.q.1].iter().sum::<f64>() + wl[it.l.0..it.l.1].iter().sum::<f64>()
        };
        // Best similarity first; among equals the heavier pair, then written
        // order so that the alignment is deterministic.
        items.sort_by(|a, b| {
            b.sim
                .total_cmp(&a.sim)
                .then(pair_weight(b).total_cmp(&pair_weight(a)))
                .then(a.q.cmp(&b.q))
                .then(a.l.cmp(&b.l))
        });
        let mut q_used = vec![false; query.tokens.len()];
        let mut l_used = vec![false; candidate.tokens.len()];
        let mut matched = 0.0;
        let mut evidence_bits = 0.0;
        for it in items {
            if q_used[it.q.0..it.q.1].iter().any(|&u| u)
                || l_used[it.l.0..it.l.1].iter().any(|&u| u)
            {
                continue;
            }
            q_used[it.q.0..it.q.1].iter_mut().for_each(|u| *u = true);
            l_used[it.l.0..it.l.1].iter_mut().for_each(|u| *u = true);
            let weight = pair_weight(&it);
            matched += it.sim * weight;
            evidence_bits += it.sim * wl[it.l.0..it.l.1].iter().sum::<f64>();
            explanation.tokens.push(TokenMatch {
                query: join(&query.tokens[it.q.0..it.q.1], |t| &t.text),
                list: join(&candidate.tokens[it.l.0..it.l.1], |t| &t.text),
                path: it.path,
                similarity: round4(it.sim),
                weight: round4(weight / total),
            });
        }
        // Report pairs in the query's written order, which reads naturally.
        explanation.tokens.sort_by_key(|t| {
            query
                .tokens
                .iter()
                .position(|q| t.query.starts_with(&q.text))
        });
        explanation.unmatched_query = query
            .tokens
            .iter()
            .zip(&q_used)
            .filter(|(_, &u)| !u)
            .map(|(t, _)| t.text.clone())
            .collect();
        explanation.unmatched_list = candidate
            .tokens
            .iter()
            .zip(&l_used)
            .filter(|(_, &u)| !u)
            .map(|(t, _)| t.text.clone())
            .collect();
        let coverage = if total > 0.0 { matched / total } else { 0.0 };
        let distinctiveness = (evidence_bits / FULL_EVIDENCE_BITS).min(1.0);
        let score = (coverage
            * (DISTINCTIVENESS_FLOOR + (1.0 - DISTINCTIVENESS_FLOOR) * distinctiveness))
            .clamp(0.0, 1.0);
        explanation.coverage = round4(coverage);
        explanation.distinctiveness = round4(distinctiveness);
        explanation.name_score = round4(score);
        NameScore {
            score: round4(score),
            explanation,
        }
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
            "Nauchnotekhnicheskii Tsentr Metrotec",
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
