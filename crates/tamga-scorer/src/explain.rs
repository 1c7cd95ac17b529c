//! The explanation of a score: the chosen items as [`TokenMatch`]es, the
//! unmatched tokens and the contradictions, written from the alignment's
//! scratch only when a caller asks for it (`score`, not `score_value`), so
//! that screening builds no strings.

use crate::align::{Aligned, Scratch};
use crate::pair::Path;
use crate::prepared::{PreparedName, Tok};
use crate::{round4, EXTRA_GIVEN_NAME_COST, EXTRA_QUERY_WORD_COST};
use tamga_matcher::{Contradiction, Explanation, MatchPath, TokenMatch};

/// The texts of `tokens`, joined by spaces.
fn join_text(tokens: &[Tok]) -> String {
    tokens
        .iter()
        .map(|t| &*t.text)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The explanation of the alignment `a` that [`align`] left in `s`.
///
/// [`align`]: crate::align::align
pub(crate) fn explain(q: &PreparedName, l: &PreparedName, s: &Scratch, a: &Aligned) -> Explanation {
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
                Path::ArabicLatin => MatchPath::Phonetic {
                    key: qs[0].arabic.to_string(),
                },
                Path::CompoundHead => MatchPath::Phonetic {
                    key: qs[0].compound_head(&ls[0]).unwrap_or_default().to_string(),
                },
                Path::Edit(d) => MatchPath::EditDistance {
                    distance: u32::from(d),
                },
                Path::Joined => MatchPath::Joined,
                Path::Acronym(_) | Path::Initialism => MatchPath::Acronym,
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
    let contradictions = s
        .contradicted
        .iter()
        .map(|&(a, b, part)| Contradiction {
            query: q.tokens[a].text.to_string(),
            list: l.tokens[b].text.to_string(),
            part: part.to_string(),
        })
        .collect();
    let mut notes = Vec::new();
    if !s.extra.is_empty() {
        let (side, other, toks) = if s.extra_on_query {
            ("query", "listed name", &q.tokens)
        } else {
            ("listed name", "query", &l.tokens)
        };
        let names: Vec<&str> = s.extra.iter().map(|&k| &*toks[k].text).collect();
        notes.push(format!(
            "extra given names of the {side} ({}) cost {EXTRA_GIVEN_NAME_COST} of their weight: \
             the {other} is matched whole, its family name and a given name included",
            names.join(", ")
        ));
    }
    if !s.extra_words.is_empty() {
        let words: Vec<&str> = s.extra_words.iter().map(|&k| &*q.tokens[k].text).collect();
        notes.push(format!(
            "extra words of the query ({}) cost {EXTRA_QUERY_WORD_COST} of their weight: \
             the query contains the listed name whole, each name word as listed",
            words.join(", ")
        ));
    }
    Explanation {
        tokens,
        unmatched_query: unmatched(&q.tokens, &s.q_used),
        unmatched_list: unmatched(&l.tokens, &s.l_used),
        contradictions,
        notes,
        name_score: a.score,
        coverage: round4(a.coverage),
        distinctiveness: round4(a.distinctiveness),
        adjustments: Vec::new(),
    }
}
