//! [`NameFiling`]: what of an analysed name is filed in which dictionary,
//! written down apart from the builder; [`NameIndexBuilder`]: the filing,
//! and the build of the dictionaries and the deletion neighbourhood.

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
///
/// What is filed of a name is first written down apart from the builder
/// ([`NameFiling`]), so that a build can do that on every core, beside the
/// names' analysis, and leave to the one thread that owns the builder only
/// the lookups and the filing of name ids.
#[derive(Default)]
pub struct NameIndexBuilder {
    /// The dictionaries a token's own keys are filed in.
    families: FamilyTerms,
    joined: JoinedTerms,
    acronyms: Terms,
    /// A token's filing key ([`token_key`]) → the terms it is filed under.
    memo: TokenMemo,
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

/// The term maps of the [`Family`] dictionaries, apart from the builder's memo so
/// that a memoised token's terms are filed while the memo is borrowed.
#[derive(Default)]
struct FamilyTerms {
    latin: Terms,
    phonetic: Terms,
    consonants: Terms,
    abjad_consonants: Terms,
}

impl FamilyTerms {
    /// The term map of `family`.
    fn of(&mut self, family: Family) -> &mut Terms {
        match family {
            Family::Latin => &mut self.latin,
            Family::Phonetic => &mut self.phonetic,
            Family::Consonants => &mut self.consonants,
            Family::AbjadConsonants => &mut self.abjad_consonants,
        }
    }
}

/// Writes to `out` the key under which [`NameIndexBuilder`] memoises what
/// `token` is filed under: the token ([`NameToken::write_key`]) and whether its
/// consonant keys are filed (`abjad`). Tokens with equal keys are filed under the
/// same terms.
fn token_key(token: &NameToken, abjad: bool, out: &mut Vec<u8>) {
    out.push(u8::from(abjad));
    token.write_key(out);
}

/// What one analysed name is filed under in a [`NameIndexBuilder`], written
/// down without the builder ([`NameFiling::new`]), so that it can be
/// computed on another thread than the one filing it
/// ([`NameIndexBuilder::add_filing`]).
///
/// At millions of names this also keeps the analysed names on the threads
/// that made them: dropped where they were allocated, their few dozen small
/// blocks each go back to that thread's allocator cache, where freed by the
/// filing thread they were a locked return to another thread's heap.
#[derive(Debug, Clone, Default)]
pub struct NameFiling {
    /// Entries, each a tag ([`Entry`]), a length (`u32`, little-endian) and
    /// that many bytes. A [`Entry::Token`] (the token's memo key) is followed
    /// by the terms its token is filed under (the other token entries),
    /// which the builder reads only for a token it has not seen.
    bytes: Vec<u8>,
}

/// The tags of a [`NameFiling`]'s entries.
#[repr(u8)]
#[derive(Clone, Copy)]
enum Entry {
    /// A token's memo key ([`token_key`]).
    Token,
    /// The token's terms in each family.
    Latin,
    Phonetic,
    Consonants,
    AbjadConsonants,
    /// The name's other keys, each filed as it is.
    AbjadRun,
    Joined,
    Acronym,
    Stump,
}

impl Entry {
    const ALL: [Entry; 9] = [
        Entry::Token,
        Entry::Latin,
        Entry::Phonetic,
        Entry::Consonants,
        Entry::AbjadConsonants,
        Entry::AbjadRun,
        Entry::Joined,
        Entry::Acronym,
        Entry::Stump,
    ];

    /// The family of a token's term entry, None for other entries.
    fn family(self) -> Option<Family> {
        match self {
            Entry::Latin => Some(Family::Latin),
            Entry::Phonetic => Some(Family::Phonetic),
            Entry::Consonants => Some(Family::Consonants),
            Entry::AbjadConsonants => Some(Family::AbjadConsonants),
            _ => None,
        }
    }
}

impl NameFiling {
    /// What `name` is filed under.
    pub fn new(name: &AnalyzedName) -> NameFiling {
        let mut filing = NameFiling {
            bytes: Vec::with_capacity(64 * name.tokens.len() + 16),
        };
        let abjad = is_abjad(name.script);
        for token in &name.tokens {
            filing.token(token, abjad);
        }
        // Abjad tokens that a Latin rendering writes as one word (عبد الله, Abdullah).
        if abjad {
            for (_, _, key) in consonant_runs_of(name) {
                filing.push_nonempty(Entry::AbjadRun, key.as_bytes());
            }
        }
        for pair in name.tokens.windows(2) {
            if !pair[0].latin.is_empty() && !pair[1].latin.is_empty() {
                filing.push_pair(
                    Entry::Joined,
                    pair[0].latin.as_bytes(),
                    pair[1].latin.as_bytes(),
                );
            }
        }
        // `Abd al Rahman` is also filed as `abdalrahman` and `abdarrahman`.
        for run in name.tokens.windows(3) {
            for term in arabic_article_joins(&run[0].latin, &run[1].latin, &run[2].latin) {
                filing.push(Entry::Joined, term.as_bytes());
            }
        }
        for key in acronym_keys(name) {
            filing.push_nonempty(Entry::Acronym, key.as_bytes());
        }
        // A stump compound (`Роснефть` = рос + нефть) is also filed under the
        // keys of the words its pieces stand for, so that the words written
        // out or translated (`Russian Oil`) find it, and another compound of
        // the same words (`Ruselectronics` ~ `Roselektronika`).
        for (_, pieces) in stumps::splits(name) {
            for word in pieces.iter().flat_map(|p| &p.words) {
                filing.push_nonempty(Entry::Stump, word.phonetic.as_bytes());
                for variant in &word.variants {
                    filing.push_nonempty(Entry::Stump, variant.as_bytes());
                }
            }
        }
        filing
    }

    /// Writes `token`'s memo key, then the terms it is filed under.
    fn token(&mut self, token: &NameToken, abjad: bool) {
        self.bytes.push(Entry::Token as u8);
        let at = self.bytes.len();
        self.bytes.extend_from_slice(&[0; 4]);
        token_key(token, abjad, &mut self.bytes);
        let len = (self.bytes.len() - at - 4) as u32;
        self.bytes[at..at + 4].copy_from_slice(&len.to_le_bytes());
        self.push_nonempty(Entry::Latin, token.latin.as_bytes());
        if abjad {
            for key in token.consonant_keys().filter(|k| k.len() >= 2) {
                self.push_nonempty(Entry::AbjadConsonants, key.as_bytes());
            }
        }
        self.push_nonempty(Entry::Phonetic, token.phonetic.as_bytes());
        for variant in &token.variants {
            self.push_nonempty(Entry::Phonetic, variant.as_bytes());
        }
        if token.consonants.len() >= 2 {
            self.push_nonempty(Entry::Consonants, token.consonants.as_bytes());
        }
    }

    /// Writes an entry of `a` and `b` written together.
    fn push_pair(&mut self, entry: Entry, a: &[u8], b: &[u8]) {
        self.bytes.push(entry as u8);
        let len = (a.len() + b.len()) as u32;
        self.bytes.extend_from_slice(&len.to_le_bytes());
        self.bytes.extend_from_slice(a);
        self.bytes.extend_from_slice(b);
    }

    fn push(&mut self, entry: Entry, key: &[u8]) {
        self.push_pair(entry, key, &[]);
    }

    /// Writes an entry unless `key` is empty (an empty key is not filed).
    fn push_nonempty(&mut self, entry: Entry, key: &[u8]) {
        if !key.is_empty() {
            self.push(entry, key);
        }
    }

    /// The entries in order.
    fn entries(&self) -> Entries<'_> {
        Entries {
            bytes: &self.bytes,
            at: 0,
        }
    }
}

/// The entries of a [`NameFiling`].
struct Entries<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Entries<'a> {
    /// The next entry, without moving past it.
    fn peek(&self) -> Option<(Entry, &'a [u8], usize)> {
        let tag = *self.bytes.get(self.at)?;
        let entry = *Entry::ALL.get(usize::from(tag))?;
        let len: [u8; 4] = self.bytes.get(self.at + 1..self.at + 5)?.try_into().ok()?;
        let start = self.at + 5;
        let end = start + u32::from_le_bytes(len) as usize;
        Some((entry, self.bytes.get(start..end)?, end))
    }
}

impl<'a> Iterator for Entries<'a> {
    type Item = (Entry, &'a [u8]);

    fn next(&mut self) -> Option<(Entry, &'a [u8])> {
        let (entry, key, end) = self.peek()?;
        self.at = end;
        Some((entry, key))
    }
}

impl NameIndexBuilder {
    /// An empty builder.
    pub fn new() -> NameIndexBuilder {
        NameIndexBuilder::default()
    }

    /// Adds a name. Ids must be added in increasing order (posting lists stay
    /// sorted without a sort); the usual id is the position in a names table.
    pub fn add(&mut self, id: u32, name: &AnalyzedName) {
        self.add_filing(id, &NameFiling::new(name));
    }

    /// Adds a name given by what it is filed under ([`NameFiling::new`]), as
    /// [`NameIndexBuilder::add`] does.
    pub fn add_filing(&mut self, id: u32, filing: &NameFiling) {
        self.names = self.names.max(id + 1);
        let mut entries = filing.entries();
        while let Some((entry, key)) = entries.next() {
            match entry {
                Entry::Token => {
                    let terms = match self.memo.get(key) {
                        Some(terms) => {
                            // Its terms are known: skip their entries.
                            while let Some((e, _, end)) = entries.peek() {
                                if e.family().is_none() {
                                    break;
                                }
                                entries.at = end;
                            }
                            terms
                        }
                        None => {
                            let mut terms = Vec::new();
                            while let Some((e, term, end)) = entries.peek() {
                                let Some(family) = e.family() else {
                                    break;
                                };
                                entries.at = end;
                                terms.push((family, self.families.of(family).id(term)));
                            }
                            self.memo.entry(key.into()).or_insert(terms.into())
                        }
                    };
                    for &(family, term) in terms.iter() {
                        self.families.of(family).file_id(term, id);
                    }
                }
                // A token's term entries are read with its key above.
                Entry::Latin | Entry::Phonetic | Entry::Consonants | Entry::AbjadConsonants => {}
                Entry::AbjadRun => self.families.abjad_consonants.file(key, id),
                Entry::Joined => self.joined.push_one(key, id),
                Entry::Acronym => self.acronyms.file(key, id),
                Entry::Stump => self.families.phonetic.file(key, id),
            }
        }
    }

    /// Builds the index.
    pub fn build(self, options: IndexOptions) -> NameIndex {
        let names = self.names;
        let NameIndexBuilder {
            families:
                FamilyTerms {
                    latin,
                    phonetic,
                    consonants,
                    abjad_consonants,
                },
            joined,
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
