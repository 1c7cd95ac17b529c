//! [`NameIndexBuilder`]: what of an analysed name is filed in which
//! dictionary, and the build of the dictionaries and the deletion
//! neighbourhood.

use tamga_names::acronym::acronym_keys;
use tamga_names::{arabic_article_joins, stumps, AnalyzedName};

use crate::deletions::Deletions;
use crate::dictionary::Dictionary;
use crate::query::{consonant_runs_of, is_abjad};
use crate::terms::{self, JoinedTerms, TermMap};
use crate::{IndexOptions, NameIndex};

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
        let push = |map: &mut TermMap, key: &str| terms::file(map, key, id);
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
        let acronyms = Dictionary::build(&terms::sorted(acronyms));
        // The order of the two threads' work is the one of least memory at
        // millions of names (measured: building other dictionaries beside
        // the joined pairs' sort raised the peak by 60–150 MB at 5 M names).
        let ((latin, deletions, joined), (phonetic, consonants, abjad_consonants)) =
            std::thread::scope(|s| {
                let latin = s.spawn(|| {
                    let latin = terms::sorted(latin);
                    // The fst's term ids are the positions in sorted order.
                    let deletions = Deletions::build(latin.iter().map(|(term, _)| term.as_bytes()));
                    (Dictionary::build(&latin), deletions)
                });
                let joined = joined.build();
                let phonetic = Dictionary::build(&terms::sorted(phonetic));
                let consonants = Dictionary::build(&terms::sorted(consonants));
                let abjad_consonants = Dictionary::build(&terms::sorted(abjad_consonants));
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
