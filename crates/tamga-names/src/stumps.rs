//! Russian stump compounds (сложносокращённые слова) of organisation names.
//!
//! Russian company names are very often one word made of the first syllables of the words
//! they stand for: Роснефть = Рос(сийская) нефть, Газпромбанк = газ + пром + банк,
//! Металлоинвест, Промсырьеимпорт, Спецпоставка. A list publishes one party under the compound
//! and under its words written out or translated (`ROSELEKTRONIKA`, `RUSELECTRONICS`,
//! `RUSSIAN ELECTRONICS`). [`split`] cuts such a token into its pieces, each a stump of
//! `data/ru_stumps.tsv` (read as the words it abbreviates, whose concept keys from
//! `data/org_terms.tsv` meet the translation) or the one word written whole
//! (`elektronika`, read through the name pipeline like any organisation word).
//!
//! A token is cut only when it parses completely: every piece a table stump, except at most
//! one remainder of [`MIN_REMAINDER`]+ letters, and at least two pieces. A parse into stumps
//! only wins (`gaz prom bank`, not `gaz` and a word `prombank`); among parses of one kind,
//! the fewest pieces, then the fewest remainder letters. Tokens that are themselves an
//! organisation word of the concept table (`elektronika`, `promyshlennost`) are words, not
//! compounds, and are cut only when stumps alone spell them (`Нефтегаз`, which the stem
//! нефт* reads as oil alone); nor is a token ending in a surname or patronymic suffix
//! (`data/name_suffixes.tsv`: `Rusakova` in `НПО «Русакова-Никонова»` is a surname, not
//! рус + akova). Only names that are an organisation's ([`splits`]): a
//! person's surname that happens to start like a stump (`Gasanov`) is not a compound.
//!
//! The scorer meets a compound with a run of words on the other side piece by piece, in
//! order (`Роснефть` ~ `Russian Oil`), and with another compound piece by piece
//! (`Roselektronika` ~ `Ruselectronics`); the index files and probes the pieces' keys.

use crate::tables::{rows, FastMap, TableError};
use crate::{analyze, AnalyzedName, NameToken, PartyHint, TokenClass};
use std::sync::LazyLock;

/// Fewest letters of the one piece of a compound that is not a table stump (the word written
/// whole: `neft` of `Rosneft` is a stump too, `elektronika` of `Roselektronika` is not).
pub const MIN_REMAINDER: usize = 4;

/// Fewest letters of a token that may be a compound.
pub const MIN_COMPOUND: usize = 6;

/// One piece of a compound token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// The piece's letters in the token's Latin skeleton (`ros`, `elektronika`).
    pub latin: String,
    /// The piece is a stump of the table (else the remainder, a word written whole).
    pub stump: bool,
    /// The words the piece stands for, analysed as organisation words: a stump itself, its
    /// full Russian word and its English equivalent (`рос`, `российская`, `russian`), or the
    /// remainder itself.
    pub words: Vec<NameToken>,
}

/// The stump table: Latin skeleton of each stump -> the analysed words it abbreviates.
struct Table {
    stumps: FastMap<String, Vec<NameToken>>,
    /// Longest and shortest stump skeleton, in bytes.
    len: (usize, usize),
}

static TABLE: LazyLock<Result<Table, TableError>> = LazyLock::new(|| {
    const FILE: &str = "data/ru_stumps.tsv";
    let mut stumps: FastMap<String, Vec<NameToken>> = FastMap::default();
    for (line, cells) in rows(include_str!("../data/ru_stumps.tsv")) {
        let err = |message: String| TableError {
            file: FILE,
            line,
            message,
        };
        let (Some(stump), words) = (cells.first(), cells.get(1..).unwrap_or(&[])) else {
            return Err(err("empty row".into()));
        };
        if words.is_empty() {
            return Err(err(format!("stump `{stump}` abbreviates no word")));
        }
        let latin = match analyze(stump, PartyHint::Unknown).tokens.as_slice() {
            [t] if t.latin.bytes().all(|b| b.is_ascii_lowercase()) => t.latin.clone(),
            _ => return Err(err(format!("`{stump}` is not one word"))),
        };
        let entry = stumps.entry(latin).or_default();
        // The stump is also a word of its own: the other side may write it
        // apart (`Газтелеком` ~ `Газпром Телеком`, `Rosneft` ~ `Ros Neft`).
        for w in std::iter::once(stump).chain(words) {
            match analyze(w, PartyHint::Organization).tokens.as_slice() {
                [t] => {
                    if !entry.contains(t) {
                        entry.push(t.clone());
                    }
                }
                _ => return Err(err(format!("`{w}` is not one word"))),
            }
        }
    }
    let len = stumps.keys().fold((0, usize::MAX), |(hi, lo), k| {
        (hi.max(k.len()), lo.min(k.len()))
    });
    Ok(Table { stumps, len })
});

/// The load result of the stump table, for [`crate::check_tables`].
pub(crate) fn load_result() -> Result<(), TableError> {
    TABLE.as_ref().map(|_| ()).map_err(Clone::clone)
}

/// Whether a name's tokens may be read as compounds: an organisation's name, or a name of
/// unknown kind with a legal form.
pub fn has_compounds(name: &AnalyzedName) -> bool {
    name.party == PartyHint::Organization
        || (name.party == PartyHint::Unknown && name.legal_form().is_some())
}

/// The compound tokens of a name and their pieces (token index, pieces); empty for a name
/// that is not an organisation's ([`has_compounds`]).
pub fn splits(name: &AnalyzedName) -> Vec<(usize, Vec<Piece>)> {
    if !has_compounds(name) {
        return Vec::new();
    }
    name.tokens
        .iter()
        .enumerate()
        .filter_map(|(i, t)| split(t).map(|p| (i, p)))
        .collect()
}

/// The pieces of a token read as a stump compound, or None (see the module docs). Does not
/// look at the name the token is in: callers check [`has_compounds`].
pub fn split(token: &NameToken) -> Option<Vec<Piece>> {
    // Most tokens are too short to be a compound: no need to look them up.
    if token.class != TokenClass::Name || token.latin.len() < MIN_COMPOUND {
        return None;
    }
    // The parse depends only on the token's letters and whether it is a concept word, and
    // the same words recur across a list's names: the index and the scorer each ask once
    // per name, so each thread remembers its recent answers (a bounded cache, emptied
    // when full, so a long-running server's memory does not grow with its queries).
    // Looked up by the letters as they are (no key built for a lookup: the
    // cache is asked several times per token of every organisation's name).
    let concept = usize::from(is_concept_word(token));
    if let Some(hit) = SPLITS.with(|c| c.borrow()[concept].get(token.latin.as_str()).cloned()) {
        return hit;
    }
    let pieces = split_uncached(token);
    SPLITS.with(|c| {
        let mut c = c.borrow_mut();
        if c[0].len() + c[1].len() >= SPLIT_CACHE_CAPACITY {
            c[0].clear();
            c[1].clear();
        }
        c[concept].insert(token.latin.clone(), pieces.clone());
    });
    pieces
}

/// Most tokens a thread's [`split`] cache holds before it is emptied.
const SPLIT_CACHE_CAPACITY: usize = 1 << 16;

/// A thread's remembered parses: letters -> pieces, of tokens that are not concept words
/// (`[0]`) and of those that are (`[1]`).
type SplitCache = [std::collections::HashMap<String, Option<Vec<Piece>>>; 2];

thread_local! {
    static SPLITS: std::cell::RefCell<SplitCache> = std::cell::RefCell::new(SplitCache::default());
}

/// Whether a token is a word of the concept table (not merely one with a cognate key): such
/// a word is cut only where stumps alone spell it.
fn is_concept_word(token: &NameToken) -> bool {
    token
        .variants
        .iter()
        .any(|v| v.starts_with('@') && !crate::cognate::is_cognate_key(v))
}

fn split_uncached(token: &NameToken) -> Option<Vec<Piece>> {
    let Ok(table) = &*TABLE else {
        return None;
    };
    Some(
        cuts(token)?
            .into_iter()
            .map(|(a, b, stump)| {
                let latin = token.latin[a..b].to_string();
                let words = if stump {
                    table.stumps.get(&latin).cloned().unwrap_or_default()
                } else {
                    analyze(&latin, PartyHint::Organization).tokens
                };
                Piece {
                    latin,
                    stump,
                    words,
                }
            })
            .collect(),
    )
}

/// Where a token is cut into pieces (start, end, whether the piece is a stump), or None.
fn cuts(token: &NameToken) -> Option<Vec<(usize, usize, bool)>> {
    let Ok(table) = &*TABLE else {
        return None;
    };
    let s = token.latin.as_bytes();
    if token.class != TokenClass::Name
        || s.len() < MIN_COMPOUND
        || !s.iter().all(u8::is_ascii_lowercase)
        || crate::suffix_role(&token.latin).is_some()
    {
        return None;
    }
    // An organisation word of the concept table is a word, unless stumps
    // alone spell it (`Нефтегаз`, which the stem нефт* reads as oil only).
    // A cognate key (`@~…`) is not the table's: it says which international
    // suffix a word ends in, which a compound's last piece may well do
    // (Ruselectronics = rus + electronics).
    let word = is_concept_word(token);
    let n = s.len();
    // best[i][r]: the best parse of s[..i] with r remainders, as (pieces, remainder
    // letters, previous cut, whether the last piece is a stump).
    type Cell = Option<(usize, usize, usize, bool)>;
    let mut best: Vec<[Cell; 2]> = vec![[None; 2]; n + 1];
    best[0][0] = Some((0, 0, 0, true));
    for i in 0..n {
        for r in 0..2 {
            let Some((pieces, rest, _, _)) = best[i][r] else {
                continue;
            };
            for (j, cells) in best.iter_mut().enumerate().skip(i + 1) {
                let len = j - i;
                if len == n {
                    // The whole token is a word, not a compound.
                    continue;
                }
                let stump = (table.len.1..=table.len.0).contains(&len)
                    && table.stumps.contains_key(&token.latin[i..j]);
                let (r2, rest2) = if stump {
                    (r, rest)
                } else if len >= MIN_REMAINDER && r == 0 {
                    (1, rest + len)
                } else {
                    continue;
                };
                let cell = (pieces + 1, rest2, i, stump);
                let slot = &mut cells[r2];
                if slot.is_none_or(|b| (cell.0, cell.1) < (b.0, b.1)) {
                    *slot = Some(cell);
                }
            }
        }
    }
    // Stumps only if they parse the token (`gaz prom bank`, not `gaz` and
    // the word `prombank`), else the parse with the word written whole.
    let (mut r, end) = (0..if word { 1 } else { 2 }).find_map(|r| best[n][r].map(|c| (r, c)))?;
    if end.0 < 2 {
        return None;
    }
    let mut cuts = Vec::with_capacity(end.0);
    let mut j = n;
    while j > 0 {
        let (_, _, from, stump) = best[j][r]?;
        cuts.push((from, j, stump));
        if !stump {
            r -= 1;
        }
        j = from;
    }
    cuts.reverse();
    Some(cuts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_loads() {
        assert!(load_result().is_ok(), "{:?}", load_result());
    }

    fn pieces(name: &str) -> Vec<String> {
        let a = analyze(name, PartyHint::Organization);
        splits(&a)
            .into_iter()
            .flat_map(|(_, p)| p.into_iter().map(|p| p.latin))
            .collect()
    }

    #[test]
    fn compounds_split_into_their_stumps() {
        assert_eq!(pieces("Роснефть"), ["ros", "neft"]);
        assert_eq!(pieces("AO ROSELEKTRONIKA"), ["ros", "elektronika"]);
        assert_eq!(pieces("Gazprombank"), ["gaz", "prom", "bank"]);
        assert_eq!(pieces("PROMSYRIOIMPORT"), ["prom", "syrio", "import"]);
        assert_eq!(pieces("Спецпоставка"), ["spets", "postavka"]);
        assert_eq!(pieces("Metalloinvest"), ["metallo", "invest"]);
        // A concept word (нефт*: oil) that stumps alone spell.
        assert_eq!(pieces("Нефтегаз"), ["nefte", "gaz"]);
    }

    #[test]
    fn words_and_persons_are_not_compounds() {
        // An organisation word of the concept table is a word.
        assert!(pieces("Электроника").is_empty());
        assert!(pieces("Promyshlennost").is_empty());
        // Too short, or no parse.
        assert!(pieces("Rostov").is_empty());
        assert!(pieces("Vektor").is_empty());
        // A surname in an organisation's name is a name.
        assert!(pieces("НПО «Русакова-Никонова»").is_empty());
        // A person's surname is never cut.
        let a = analyze("Gasanov Rustam", PartyHint::Person);
        assert!(splits(&a).is_empty());
    }
}
