//! [`NameIndexBuilder`]: what of an analysed name is filed in which
//! dictionary, and the build of the dictionaries and the deletion
//! neighbourhood.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use tamga_names::acronym::acronym_keys;
use tamga_names::{arabic_article_joins, stumps, AnalyzedName, NameToken};

use crate::deletions::Deletions;
use crate::dictionary::Dictionary;
use crate::query::{consonant_runs_of, is_abjad};
use crate::terms::{FastHasher, JoinedTerms, Terms};
use crate::{IndexOptions, NameIndex};

/// Collects analysed names, then builds a [`NameIndex`].
///
/// What a token is filed under depends on the token alone (and whether its
/// name is written in an abjad), and a large list repeats a small
/// vocabulary: the terms a token is filed under are looked up once per
/// distinct token and memoised (`memo`), so that a repeat costs one lookup
/// instead of one per key (at millions of names, each a likely cache miss).
#[derive(Default)]
pub struct NameIndexBuilder {
    latin: Terms,
    phonetic: Terms,
    joined: JoinedTerms,
    consonants: Terms,
    abjad_consonants: Terms,
    acronyms: Terms,
    /// A token's filing key ([`token_key`]) → the terms it is filed under.
    memo: TokenMemo,
    /// The filing key being looked up, reused between tokens.
    key: Vec<u8>,
    names: u32,
}

/// A token's filing key ([`token_key`]) → the terms it is filed under.
type TokenMemo = HashMap<Box<[u8]>, Box<[(Family, u32)]>, BuildHasherDefault<FastHasher>>;

/// The dictionaries a token's own keys are filed in.
#[derive(Clone, Copy)]
enum Family {
    Latin,
    Phonetic,
    Consonants,
    AbjadConsonants,
}

/// Writes to `out` the key under which [`NameIndexBuilder::add`] memoises what
/// `token` is filed under: the token ([`NameToken::write_key`]) and whether its
/// consonant keys are filed (`abjad`). Tokens with equal keys are filed under the
/// same terms.
fn token_key(token: &NameToken, abjad: bool, out: &mut Vec<u8>) {
    out.clear();
    out.push(u8::from(abjad));
    token.write_key(out);
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
        let push = |map: &mut Terms, key: &str| map.file(key, id);
        let abjad = is_abjad(name.script);
        for token in &name.tokens {
            let mut key = std::mem::take(&mut self.key);
            token_key(token, abjad, &mut key);
            let terms = match self.memo.get(&key[..]) {
                Some(terms) => terms,
                None => {
                    let terms = self.token_terms(token, abjad);
                    self.memo.entry(key[..].into()).or_insert(terms)
                }
            };
            for &(family, term) in terms.iter() {
                let map = match family {
                    Family::Latin => &mut self.latin,
                    Family::Phonetic => &mut self.phonetic,
                    Family::Consonants => &mut self.consonants,
                    Family::AbjadConsonants => &mut self.abjad_consonants,
                };
                map.file_id(term, id);
            }
            self.key = key;
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

    /// The terms `token` is filed under (added to their dictionaries if
    /// new), `abjad` telling whether its name is written in an abjad.
    fn token_terms(&mut self, token: &NameToken, abjad: bool) -> Box<[(Family, u32)]> {
        let mut terms = Vec::new();
        let mut term = |family: Family, map: &mut Terms, key: &str| {
            if !key.is_empty() {
                terms.push((family, map.id(key)));
            }
        };
        term(Family::Latin, &mut self.latin, &token.latin);
        if abjad {
            for key in token.consonant_keys().filter(|k| k.len() >= 2) {
                term(Family::AbjadConsonants, &mut self.abjad_consonants, key);
            }
        }
        term(Family::Phonetic, &mut self.phonetic, &token.phonetic);
        for variant in &token.variants {
            term(Family::Phonetic, &mut self.phonetic, variant);
        }
        if token.consonants.len() >= 2 {
            term(Family::Consonants, &mut self.consonants, &token.consonants);
        }
        terms.into()
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
            memo,
            ..
        } = self;
        drop(memo);
        let acronyms = Dictionary::build(&acronyms.sorted());
        // The order of the two threads' work is the one of least memory at
        // millions of names (measured: building other dictionaries beside
        // the joined pairs' sort raised the peak by 60–150 MB at 5 M names).
        let ((latin, deletions, joined), (phonetic, consonants, abjad_consonants)) =
            std::thread::scope(|s| {
                let latin = s.spawn(|| {
                    let latin = latin.sorted();
                    // The fst's term ids are the positions in sorted order.
                    let deletions = Deletions::build(latin.iter().map(|(term, _)| term.as_bytes()));
                    (Dictionary::build(&latin), deletions)
                });
                let joined = joined.build();
                let phonetic = Dictionary::build(&phonetic.sorted());
                let consonants = Dictionary::build(&consonants.sorted());
                let abjad_consonants = Dictionary::build(&abjad_consonants.sorted());
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
