//! tamga's concrete name scorer.
//!
//! STUB: token-overlap placeholder so the pipeline builds; to be replaced by
//! the real aligner (transliteration, phonetic and edit-distance evidence).

use tamga_matcher::{Explanation, MatchPath, NameKindHint, NameScore, NameScorer, TokenMatch, TokenStats};
use tamga_names::{analyze, AnalyzedName, PartyHint};

/// The default tamga scorer.
#[derive(Debug, Clone, Default)]
pub struct TamgaScorer;

impl NameScorer for TamgaScorer {
    type Prepared = AnalyzedName;

    fn prepare(&self, name: &str, kind: NameKindHint) -> AnalyzedName {
        let hint = match kind {
            NameKindHint::Person => PartyHint::Person,
            NameKindHint::Organization => PartyHint::Organization,
            _ => PartyHint::Unknown,
        };
        analyze(name, hint)
    }

    fn score(&self, query: &AnalyzedName, candidate: &AnalyzedName, _stats: &dyn TokenStats) -> NameScore {
        let mut explanation = Explanation::default();
        for q in &query.tokens {
            match candidate.tokens.iter().find(|c| c.latin == q.latin) {
                Some(c) => explanation.tokens.push(TokenMatch {
                    query: q.text.clone(),
                    list: c.text.clone(),
                    path: MatchPath::Exact,
                    similarity: 1.0,
                    weight: 1.0,
                }),
                None => explanation.unmatched_query.push(q.text.clone()),
            }
        }
        let total = query.tokens.len().max(candidate.tokens.len()).max(1) as f64;
        let score = explanation.tokens.len() as f64 / total;
        explanation.name_score = score;
        NameScore { score, explanation }
    }
}
