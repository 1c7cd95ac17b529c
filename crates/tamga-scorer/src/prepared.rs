//! Names prepared for scoring: a [`PreparedName`] holds its tokens as [`Tok`]s,
//! each with what the comparisons read computed once per token (skeleton and
//! keys, roles, acronym letters, stump pieces, and bit sets of its letters and
//! keys that reject most pairs before a string is read), so that scoring a
//! pair analyses nothing. A token's rarity (step 3 of the crate docs) is
//! memoised on it ([`token_weight`]).
//!
//! Invariant: every derived field of a [`TokData`] is a function of the
//! fields its equality compares, so two equal tokens are interchangeable in
//! every score; this is what lets an [`Interner`] share one copy between the
//! list names of a preparer, rarity memo included.

use crate::join::part_of;
use crate::{class_factor, rarity_bits};
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, Hash, Hasher};
use std::ops::Deref;
use std::sync::{Arc, Mutex, OnceLock};
use tamga_matcher::TokenStats;
use tamga_names::acronym::{
    initial_letter, initial_second, is_acronym_candidate, is_function_word, stump_initials,
    StumpInitials,
};
use tamga_names::{AnalyzedName, NameToken, PartyHint, TokenClass, TokenRole, VowelFrames};

/// A name prepared for scoring: the analysed tokens in a compact form with
/// their class weights, built once per list name.
///
/// Token rarity is looked up in the [`TokenStats`] the first time the name is
/// scored and memoised, because list statistics do not change while a name
/// exists and the lookups would otherwise dominate screening. To score the
/// same name under other statistics, prepare it again.
///
/// List names prepared through one [`NameScorer::list_preparer`] share their
/// tokens: a token (all its prepared fields equal) is stored once however
/// many names hold it, and so is its rarity memo. A list of millions of names
/// repeats a small vocabulary, so this is most of the difference between
/// ~1 kB and ~60 bytes per name. The memo is then shared by all names of that
/// preparer, which is sound because a screener scores its list names under
/// one set of statistics (its own index) and builds a new preparer, hence
/// new tokens, whenever it is rebuilt. Queries are never interned.
///
/// [`NameScorer::list_preparer`]: tamga_matcher::NameScorer::list_preparer
#[derive(Debug, Clone, Default)]
pub struct PreparedName {
    pub(crate) script: &'static str,
    pub(crate) tokens: Box<[Tok]>,
    /// The party the name was read as: anything but a person's name may hold
    /// acronyms ([`PreparedName::reads_acronyms`]), and a person's parts may
    /// contradict another person's (see [`parts_may_contradict`]).
    ///
    /// [`parts_may_contradict`]: crate::contradiction::parts_may_contradict
    pub(crate) party: PartyHint,
    /// Some token carries a patronymic suffix (`-ovich`, `-kyzy`): the name has
    /// a father's name another may contradict (see [`contradiction`]).
    ///
    /// [`contradiction`]: crate::contradiction::contradiction
    pub(crate) has_patronymic: bool,
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

impl PreparedName {
    /// Prepares the analysed name `a`, its tokens shared through `interner`
    /// (see [`Interner`]) or, without one, held alone.
    pub(crate) fn build(a: &AnalyzedName, interner: Option<&Interner>) -> PreparedName {
        let abjad = matches!(a.script, "Arab" | "Hebr" | "Syrc" | "Thaa");
        let syllabic = is_syllabic(a.script);
        let han = a.script == "Hani";
        let mut splits = tamga_names::stumps::splits(a).into_iter().peekable();
        let tokens: Box<[Tok]> = a
            .tokens
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let pieces = splits.next_if(|(k, _)| *k == i).map(|(_, p)| p);
                let data = |pieces: Option<Vec<tamga_names::stumps::Piece>>| {
                    let mut data = TokData::new(t, abjad, syllabic, han);
                    if let Some(pieces) = pieces {
                        data.stump_initials = stump_initials(&pieces);
                        data.pieces = prepare_pieces(pieces);
                    }
                    data
                };
                match interner {
                    None => Tok(Arc::new(data(pieces))),
                    // A compound's pieces come from the name, not the token
                    // alone: interned by their prepared fields.
                    Some(interner) if pieces.is_some() => interner.intern(data(pieces)),
                    Some(interner) => {
                        interner.intern_token(t, [abjad, syllabic, han], || data(None))
                    }
                }
            })
            .collect();
        let has_patronymic = tokens[..tokens.len().min(MAX_ALIGNED_TOKENS)]
            .iter()
            .any(|t| t.suffix_role == Some(TokenRole::Patronymic));
        PreparedName {
            script: a.script,
            tokens,
            party: a.party,
            has_patronymic,
        }
    }

    /// Not a person's name: its tokens may be acronyms and its runs of tokens
    /// may be spelt by one ([`tamga_names::acronym::has_acronyms`]).
    #[inline]
    pub(crate) fn reads_acronyms(&self) -> bool {
        self.party != PartyHint::Person
    }
}

impl From<&AnalyzedName> for PreparedName {
    fn from(a: &AnalyzedName) -> PreparedName {
        PreparedName::build(a, None)
    }
}

/// Tokens beyond this many per name are not aligned (they still weigh in
/// the denominator): real names never come close, and it bounds the cost of
/// a hostile 1 kB query.
pub(crate) const MAX_ALIGNED_TOKENS: usize = 32;

/// The tokens of a name the alignment looks at (the first [`MAX_ALIGNED_TOKENS`]).
#[inline]
pub(crate) fn aligned_tokens(name: &PreparedName) -> &[Tok] {
    &name.tokens[..name.tokens.len().min(MAX_ALIGNED_TOKENS)]
}

/// The weight of a token under `stats`: class factor × rarity bits (see the
/// crate docs), the bits memoised on the token.
#[inline]
pub(crate) fn token_weight(token: &Tok, stats: &dyn TokenStats) -> f64 {
    let bits = *token
        .bits
        .get_or_init(|| rarity_bits(stats.frequency(&token.latin)));
    token.factor * bits
}

/// One prepared token: a shared handle, so that list names repeating a
/// token hold one copy of it (see [`PreparedName`]).
#[derive(Debug, Clone)]
pub(crate) struct Tok(pub(crate) Arc<TokData>);

impl Deref for Tok {
    type Target = TokData;

    fn deref(&self) -> &TokData {
        &self.0
    }
}

impl tamga_names::RunToken for Tok {
    fn run_text(&self) -> &str {
        &self.text
    }

    fn run_keys(&self) -> impl Iterator<Item = &str> {
        self.consonant_keys()
    }
}

impl Tok {
    /// The token's consonant keys, its own first.
    #[inline]
    pub(crate) fn consonant_keys(&self) -> impl Iterator<Item = &str> {
        std::iter::once(&*self.consonants).chain(self.consonant_variants.iter().map(|v| &**v))
    }

    /// Whether the two tokens share a consonant key (an abjad token's other
    /// readings included).
    pub(crate) fn consonants_meet(&self, other: &Tok) -> bool {
        self.consonant_set & other.consonant_set != 0
            && self
                .consonant_keys()
                .any(|k| other.consonant_keys().any(|m| m == k))
    }

    /// Whether the two tokens agree on the vowels Arabic script writes
    /// ([`tamga_names::consonant_vowels_agree`]), from their memoised frames.
    pub(crate) fn vowels_agree(&self, other: &Tok) -> bool {
        self.vowel_frames().agree(other.vowel_frames())
    }

    /// Whether the skeleton ends with a family-name formant (`-ov`, `-enko`, `-yan`:
    /// [`tamga_names::suffix_role`]), read on first use: asked only of a screened
    /// organisation's extra words (see `shortened`), a query token that meets many
    /// candidates.
    pub(crate) fn has_family_formant(&self) -> bool {
        *self
            .family_formant
            .get_or_init(|| tamga_names::suffix_role(&self.latin) == Some(TokenRole::Family))
    }

    /// The token's [`VowelFrames`], read on first use.
    #[inline]
    pub(crate) fn vowel_frames(&self) -> &VowelFrames {
        self.vowel_frames
            .get_or_init(|| VowelFrames::of(&self.text, &self.latin))
    }

    /// The phonetic key both tokens share, if any (main key or a variant).
    pub(crate) fn shared_phonetic<'a>(&'a self, other: &'a Tok) -> Option<&'a str> {
        // A one-letter key is an initial's, which only the initial path compares;
        // a one-letter conjunction still meets `and` by its concept key.
        if (self.phonetic.len() < 2 && !self.conjunction) || self.keys & other.keys == 0 {
            return None;
        }
        if self.phonetic == other.phonetic {
            return Some(&self.phonetic);
        }
        // A compound head (`@c:`) is not a key of the token: two compounds on one first part
        // are two names (Nasrullah, Nasruddin); see [`Tok::compound_head`].
        // An English reading (`~bilain`, see `tamga_names::english_reading`) meets the other
        // token's own key only, in either direction.
        // The reading is returned marked, so that the pair pays for the inference and the
        // explanation says which key it was.
        let reading = |a: &'a Tok, b: &'a Tok| {
            a.variants
                .iter()
                .find(|v| tamga_names::english_reading(v).is_some_and(|k| k == &*b.phonetic))
                .map(|v| &**v)
        };
        std::iter::once(&self.phonetic)
            .chain(self.variants.iter())
            .find(|k| {
                (other.variants.contains(k) || **k == other.phonetic)
                    && !k.starts_with("@c:")
                    && tamga_names::english_reading(k).is_none()
            })
            .map(|k| &**k)
            .or_else(|| reading(self, other))
            .or_else(|| reading(other, self))
    }

    /// The compound head (`@c:` variant, see `tamga_names`' `data/given_name_compounds.tsv`)
    /// of one token that the other, not itself a compound, is written as: Ghodratollah's
    /// `@c:gudrat` against Ghodrat. The head key names the first part by its phonetic key or
    /// its given-name class key (`@c:@g:nasir` meets Nasser).
    #[inline]
    pub(crate) fn compound_head<'a>(&'a self, other: &'a Tok) -> Option<&'a str> {
        let (compound, plain) = match (self.compound, other.compound) {
            (true, false) => (self, other),
            (false, true) => (other, self),
            _ => return None,
        };
        compound
            .variants
            .iter()
            .find(|v| {
                v.strip_prefix("@c:").is_some_and(|h| {
                    *h == *plain.phonetic || plain.variants.iter().any(|w| **w == *h)
                })
            })
            .map(|v| &**v)
    }
}

/// The prepared fields of a token.
#[derive(Debug, Default)]
pub(crate) struct TokData {
    pub(crate) text: Box<str>,
    pub(crate) latin: Box<str>,
    pub(crate) phonetic: Box<str>,
    pub(crate) variants: Box<[Box<str>]>,
    pub(crate) consonants: Box<str>,
    /// Other consonant keys of an abjad token (its ambiguous letters read
    /// otherwise: [`NameToken::consonant_variants`]).
    pub(crate) consonant_variants: Box<[Box<str>]>,
    pub(crate) legal: Option<Box<str>>,
    pub(crate) factor: f64,
    /// Role in a personal name (given, family, patronymic), when told.
    pub(crate) role: TokenRole,
    /// Rarity bits, memoised from the first statistics the token is scored
    /// with (see [`PreparedName`]).
    pub(crate) bits: OnceLock<f64>,
    /// The token's [`VowelFrames`], memoised on the first pair that needs them
    /// (see [`Tok::vowels_agree`]): a listed token meets many queries.
    pub(crate) vowel_frames: OnceLock<VowelFrames>,
    /// [`Tok::has_family_formant`], memoised.
    pub(crate) family_formant: OnceLock<bool>,
    /// Script without written short vowels (Arabic, Hebrew): matched on
    /// consonants too.
    pub(crate) abjad: bool,
    /// Script whose characters are whole syllables (see [`is_syllabic`]):
    /// never matched by edit distance.
    pub(crate) syllabic: bool,
    /// Han script: not matched by the generic phonetic key either.
    pub(crate) han: bool,
    /// The letter the token gives an acronym of a run (0: it ends a run).
    pub(crate) initial: u8,
    /// The second letter of a two-letter initial the token may give instead
    /// ([`initial_second`], 0: none).
    pub(crate) initial2: u8,
    /// A function word an acronym may skip (`of`, `de`).
    pub(crate) function: bool,
    /// A one-letter conjunction of an organisation's name (`и`, `y`: see
    /// [`tamga_names::analyze`]), never a person's initial.
    pub(crate) conjunction: bool,
    /// The token may be read as an acronym.
    pub(crate) acronym: bool,
    /// Consonant skeleton of a Latin rendering of an Arabic or Persian word
    /// ([`tamga_names::phonetic::arabic_latin_key`]); empty when too short.
    pub(crate) arabic: Box<str>,
    /// The bytes of `latin`, folded onto 64 bits ([`letter_set`]).
    pub(crate) letters: u64,
    /// A Hangul syllable linked to the next one of a given name (김정은: 정-은, see
    /// [`NameToken::hyphen_next`]): the syllables of a given name keep their order.
    pub(crate) syllable_next: bool,
    /// `text` is Hangul and Han characters only ([`tamga_names::is_syllable_token`]):
    /// a function of `text`, kept so that scoring a pair does not walk its characters.
    pub(crate) syllable_token: bool,
    /// Every character of `text` is a Hangul syllable (see [`hangul_syllables_differ`]).
    ///
    /// [`hangul_syllables_differ`]: crate::pair::hangul_syllables_differ
    pub(crate) hangul: bool,
    /// An abjad token ending on an Arabic-script vowel letter
    /// ([`tamga_names::ends_on_arabic_vowel_letter`]), which a rendering must
    /// end on a vowel to spell (see [`final_vowel_spelt`]): a function of
    /// `text`, kept so that scoring a pair does not walk its characters.
    ///
    /// [`final_vowel_spelt`]: crate::pair::final_vowel_spelt
    pub(crate) vowel_letter_end: bool,
    /// `latin` is a Latin spelling of some Korean family name
    /// ([`tamga_names::korean::is_family_name_latin`], see
    /// [`korean_family_contradiction`]): a function of `latin`, kept so that
    /// scoring a pair does not look it up.
    ///
    /// [`korean_family_contradiction`]: crate::contradiction::korean_family_contradiction
    pub(crate) korean_family: bool,
    /// Some variant is part of a concept key written as two words (see [`joined_pair`]).
    ///
    /// [`joined_pair`]: crate::join::joined_pair
    pub(crate) parts: bool,
    /// Some variant is a compound head (`@c:`, see [`Tok::compound_head`]).
    pub(crate) compound: bool,
    /// The first byte of `latin` (0 when empty).
    pub(crate) first: u8,
    /// `latin` is a Latin spelling of the Arabic article
    /// ([`tamga_names::is_latin_arabic_article`]).
    pub(crate) article: bool,
    /// A hash of `text` ([`fnv32`]): unequal hashes are unequal texts.
    pub(crate) text_hash: u32,
    /// The phonetic key and its variants folded onto 64 bits ([`key_set`]):
    /// two tokens whose sets are disjoint share no key.
    pub(crate) keys: u64,
    /// The consonant keys ([`Tok::consonant_keys`]) folded the same way.
    pub(crate) consonant_set: u64,
    /// The first letters of the consonant keys, each folded onto one of 32
    /// bits: of every non-empty key in the low half, of every key of 3+
    /// letters in the high half (see [`may_join`]).
    ///
    /// [`may_join`]: crate::join::may_join
    pub(crate) consonant_firsts: u64,
    /// The role the skeleton's suffix gives a token
    /// ([`tamga_names::suffix_role`]) when it is the token's role, a
    /// patronymic or family name (see [`patronymic_against_surname`]).
    ///
    /// [`patronymic_against_surname`]: crate::pair::patronymic_against_surname
    pub(crate) suffix_role: Option<TokenRole>,
    /// The pieces of a Russian stump compound (`Роснефть` = рос + нефть,
    /// [`tamga_names::stumps`]), in an organisation's name; empty for other
    /// tokens.
    pub(crate) pieces: Box<[StumpPiece]>,
    /// The initials of the pieces, which the token may give an acronym
    /// instead of its own (`MIT` = `Metalloinvest Trading`; a function of
    /// `pieces`).
    pub(crate) stump_initials: StumpInitials,
}

/// One piece of a stump compound: its letters and the words it stands for,
/// prepared as tokens.
#[derive(Debug)]
pub(crate) struct StumpPiece {
    pub(crate) latin: Box<str>,
    /// A table stump (else the word written whole).
    pub(crate) stump: bool,
    pub(crate) words: Box<[Tok]>,
}

/// Equality of everything scoring reads (the memo excluded): two tokens
/// equal here are interchangeable in every score. Destructuring without `..`
/// makes a new field a compile error until it is compared too.
impl PartialEq for TokData {
    fn eq(&self, other: &TokData) -> bool {
        let TokData {
            text,
            latin,
            phonetic,
            variants,
            consonants,
            consonant_variants,
            legal,
            factor,
            role,
            bits: _,
            // A function of `text` and `latin`, compared above.
            vowel_frames: _,
            // A function of `latin`, compared above.
            family_formant: _,
            abjad,
            syllabic,
            han,
            initial,
            initial2,
            function,
            conjunction,
            acronym,
            arabic,
            // A function of `latin`, compared above.
            letters: _,
            syllable_next,
            // Functions of `text`, `latin`, `phonetic` and `variants`,
            // compared above: kept so that most unequal pairs are told
            // apart without reading the strings (a cache miss each).
            syllable_token: _,
            hangul: _,
            vowel_letter_end: _,
            korean_family: _,
            parts: _,
            compound: _,
            first: _,
            article: _,
            text_hash: _,
            keys: _,
            consonant_set: _,
            consonant_firsts: _,
            suffix_role: _,
            pieces,
            stump_initials: _,
        } = self;
        *text == other.text
            && *latin == other.latin
            && *phonetic == other.phonetic
            && *variants == other.variants
            && *consonants == other.consonants
            && *consonant_variants == other.consonant_variants
            && *legal == other.legal
            && factor.to_bits() == other.factor.to_bits()
            && *role == other.role
            && *abjad == other.abjad
            && *syllabic == other.syllabic
            && *han == other.han
            && *initial == other.initial
            && *initial2 == other.initial2
            && *function == other.function
            && *conjunction == other.conjunction
            && *acronym == other.acronym
            && *arabic == other.arabic
            && *syllable_next == other.syllable_next
            && pieces.len() == other.pieces.len()
            && pieces
                .iter()
                .zip(other.pieces.iter())
                .all(|(a, b)| a.latin == b.latin && a.stump == b.stump)
    }
}

impl Eq for TokData {}

impl Hash for TokData {
    fn hash<H: Hasher>(&self, state: &mut H) {
        // The text and skeleton identify almost every token; equality
        // settles the rest.
        self.text.hash(state);
        self.latin.hash(state);
    }
}

impl TokData {
    /// The prepared fields of token `t` of a name written in an abjad, a syllabic
    /// script or Han.
    fn new(t: &NameToken, abjad: bool, syllabic: bool, han: bool) -> TokData {
        let syllable_token = tamga_names::is_syllable_token(&t.text);
        TokData {
            text: t.text.as_str().into(),
            latin: t.latin.as_str().into(),
            phonetic: t.phonetic.as_str().into(),
            variants: t.variants.iter().map(|v| v.as_str().into()).collect(),
            consonants: t.consonants.as_str().into(),
            consonant_variants: t
                .consonant_variants
                .iter()
                .map(|v| v.as_str().into())
                .collect(),
            legal: match &t.class {
                TokenClass::LegalForm(c) => Some(c.as_str().into()),
                _ => None,
            },
            factor: class_factor(t),
            role: t.role,
            bits: OnceLock::new(),
            vowel_frames: OnceLock::new(),
            family_formant: OnceLock::new(),
            abjad,
            syllabic,
            han,
            initial: initial_letter(t),
            initial2: initial_second(t),
            function: is_function_word(&t.latin),
            conjunction: t.class == TokenClass::Stopword && t.latin.len() == 1,
            acronym: is_acronym_candidate(t),
            arabic: arabic_key(t),
            letters: letter_set(t.latin.as_bytes()),
            syllable_next: syllabic && !han && t.hyphen_next && syllable_token,
            syllable_token,
            hangul: tamga_names::is_hangul_token(&t.text),
            vowel_letter_end: abjad && tamga_names::ends_on_arabic_vowel_letter(&t.text),
            korean_family: tamga_names::korean::is_family_name_latin(&t.latin),
            parts: t.variants.iter().any(|v| part_of(v).is_some()),
            compound: t.variants.iter().any(|v| v.starts_with("@c:")),
            first: t.latin.as_bytes().first().copied().unwrap_or(0),
            article: tamga_names::is_latin_arabic_article(&t.latin),
            text_hash: fnv32(t.text.as_bytes()),
            keys: key_set(std::iter::once(&t.phonetic).chain(&t.variants)),
            consonant_set: key_set(std::iter::once(&t.consonants).chain(&t.consonant_variants)),
            consonant_firsts: std::iter::once(&t.consonants)
                .chain(&t.consonant_variants)
                .filter_map(|k| Some((k.as_bytes().first()? % 32, k.len() >= 3)))
                .fold(0, |m, (b, long)| {
                    m | 1 << b | if long { 1 << (32 + b) } else { 0 }
                }),
            suffix_role: match t.role {
                TokenRole::Patronymic | TokenRole::Family => {
                    tamga_names::suffix_role(&t.latin).filter(|&r| r == t.role)
                }
                _ => None,
            },
            pieces: Box::default(),
            stump_initials: StumpInitials::default(),
        }
    }
}

/// The Arabic-Latin consonant key of a name token with 4+ consonants and 5+
/// letters (shorter words collide on it too often), else empty.
fn arabic_key(t: &NameToken) -> Box<str> {
    if t.class != TokenClass::Name || t.latin.len() < 5 {
        return "".into();
    }
    let k = tamga_names::phonetic::arabic_latin_key(&t.latin);
    if k.len() >= 4 {
        k.into()
    } else {
        "".into()
    }
}

/// Scripts whose characters are whole syllables or morphemes (Han, Hangul,
/// kana). A token romanised from them is a sequence of standard syllables
/// (`wang`, `yang`, `chen`, `cheng`; `song`, `jong`): two romanisations one
/// letter apart are different characters,
/// hence different names, not a typo, so the edit-distance path does not
/// apply to them. Their spelling variants between romanisation systems are
/// covered by the transliteration and phonetic keys.
fn is_syllabic(script: &str) -> bool {
    matches!(script, "Hani" | "Hang" | "Hira" | "Kana")
}

/// A compound's pieces, their words prepared as tokens of their own (not
/// interned: only the compound token that holds them is).
fn prepare_pieces(pieces: Vec<tamga_names::stumps::Piece>) -> Box<[StumpPiece]> {
    pieces
        .into_iter()
        .map(|p| StumpPiece {
            latin: p.latin.into(),
            stump: p.stump,
            words: p
                .words
                .iter()
                .map(|w| Tok(Arc::new(TokData::new(w, false, false, false))))
                .collect(),
        })
        .collect()
}

/// FNV-1a over `bytes`, 32 bits.
fn fnv32(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |h, &b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// The set of `keys`, each folded onto one of 64 bits by its hash: a key
/// two tokens share sets the same bit in both sets.
fn key_set<'a>(keys: impl Iterator<Item = &'a String>) -> u64 {
    // An English reading is set under the key it meets (`~bilain` as `bilain`).
    keys.map(|k| tamga_names::english_reading(k).unwrap_or(k))
        .fold(0, |m, k| m | 1 << (fnv32(k.as_bytes()) % 64))
}

/// The set of bytes of `s`, each folded onto one of 64 bits (`b % 64`).
///
/// Every byte of one string whose bit the other string lacks must be deleted
/// or substituted by a distinct edit (a transposition moves letters without
/// removing any), and folding only merges bits, so the count of such bits
/// is a lower bound of the OSA distance: [`edit_within`] rejects most token
/// pairs with it before paying for the distance itself.
///
/// [`edit_within`]: crate::pair::edit_within
pub(crate) fn letter_set(s: &[u8]) -> u64 {
    s.iter().fold(0, |m, &b| m | 1 << (b % 64))
}

/// Shared tokens of one list preparer, in shards so that the parallel build
/// rarely waits on a lock.
///
/// A token's prepared fields are a function of the analysed token and its
/// name's script class alone ([`TokData::new`]), and a large list repeats a
/// small vocabulary: the shared token made from an analysed token is
/// memoised under that token's fields (`made`), so that a repeat is found
/// by one comparison of bytes instead of being prepared again (a dozen
/// allocations) and compared field by field with the shared copy.
pub(crate) struct Interner {
    shards: Vec<Mutex<HashSet<Arc<TokData>>>>,
    made: Vec<Mutex<HashMap<Box<[u8]>, Tok>>>,
    hasher: std::collections::hash_map::RandomState,
}

thread_local! {
    /// The key [`Interner::intern_token`] looks up, reused between tokens.
    static TOKEN_KEY: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

impl Interner {
    const SHARDS: usize = 64;

    pub(crate) fn new() -> Interner {
        Interner {
            shards: (0..Self::SHARDS).map(|_| Mutex::default()).collect(),
            made: (0..Self::SHARDS).map(|_| Mutex::default()).collect(),
            hasher: Default::default(),
        }
    }

    /// The shared copy of `data`, stored if it is the first.
    pub(crate) fn intern(&self, data: TokData) -> Tok {
        let shard = self.hasher.hash_one(&data) as usize % Self::SHARDS;
        // A poisoned shard only means another thread panicked mid-insert;
        // the set itself is still consistent.
        let mut set = self.shards[shard].lock().unwrap_or_else(|e| e.into_inner());
        if let Some(shared) = set.get(&data) {
            return Tok(Arc::clone(shared));
        }
        let shared = Arc::new(data);
        set.insert(Arc::clone(&shared));
        Tok(shared)
    }

    /// The shared token of analysed token `t` in a name of script class
    /// `script` (abjad, syllabic, Han), whose fields `data` prepares: what
    /// [`Interner::intern`] of `data()` gives, `data` called only for the
    /// first token with these fields.
    pub(crate) fn intern_token(
        &self,
        t: &NameToken,
        script: [bool; 3],
        data: impl FnOnce() -> TokData,
    ) -> Tok {
        TOKEN_KEY.with(|key| {
            let mut key = key.borrow_mut();
            token_key(t, script, &mut key);
            let shard = self.hasher.hash_one(&key[..]) as usize % Self::SHARDS;
            let made = |key: &[u8]| {
                let made = self.made[shard].lock().unwrap_or_else(|e| e.into_inner());
                made.get(key).cloned()
            };
            if let Some(tok) = made(&key[..]) {
                return tok;
            }
            // Prepared outside the lock; another thread may store the same
            // token meanwhile, and `intern` makes both the one shared copy.
            let tok = self.intern(data());
            self.made[shard]
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .entry(key[..].into())
                .or_insert(tok)
                .clone()
        })
    }
}

/// Writes `t` and its script class to `out` ([`NameToken::write_key`]): equal keys
/// are equal tokens of equal script classes, which [`TokData::new`] prepares alike.
fn token_key(t: &NameToken, script: [bool; 3], out: &mut Vec<u8>) {
    out.clear();
    out.extend(script.map(u8::from));
    t.write_key(out);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TamgaScorer;
    use tamga_matcher::{NameKindHint, NameScorer, NoStats};
    use tamga_names::analyze;

    #[test]
    fn list_preparer_prepares_each_token_as_alone() {
        // The same words in other roles, classes and scripts: a token shared
        // by the preparer must equal the token prepared alone in every field.
        let s = TamgaScorer::new();
        let preparer = s.list_preparer();
        let names = [
            ("Ivan Petrov", PartyHint::Person),
            ("PETROV, Ivan", PartyHint::Person),
            ("Petrov Ivan Ivanovich", PartyHint::Person),
            ("Ivan Petrov LLC", PartyHint::Organization),
            ("ИВАН ПЕТРОВ", PartyHint::Person),
            ("Petrov", PartyHint::Unknown),
            ("Роснефть Petrov", PartyHint::Organization),
        ];
        for round in 0..2 {
            for (name, party) in names {
                let analyzed = analyze(name, party);
                let shared = preparer(name, NameKindHint::Unknown, &analyzed);
                let own = PreparedName::from(&analyzed);
                assert_eq!(shared.tokens.len(), own.tokens.len(), "{name}");
                for (a, b) in shared.tokens.iter().zip(own.tokens.iter()) {
                    assert!(
                        *a.0 == *b.0,
                        "{name} (round {round}): {:?} vs {:?}",
                        a.0,
                        b.0
                    );
                }
            }
        }
    }

    #[test]
    fn list_preparer_shares_tokens_and_scores_alike() {
        // SDN names sharing a given name and a patronymic.
        let s = TamgaScorer::new();
        let preparer = s.list_preparer();
        let names = ["YAKUNIN, Vladimir Ivanovich", "Vladimir Ivanovich USTINOV"];
        let hint = NameKindHint::Person;
        let shared: Vec<PreparedName> = names
            .iter()
            .map(|n| preparer(n, hint, &analyze(n, PartyHint::Person)))
            .collect();
        let vladimir =
            |p: &PreparedName| p.tokens.iter().find(|t| &*t.latin == "vladimir").cloned();
        let (a, b) = (vladimir(&shared[0]), vladimir(&shared[1]));
        assert!(matches!((&a, &b), (Some(a), Some(b)) if Arc::ptr_eq(&a.0, &b.0)));
        let query = s.prepare("Vladimir Yakunin", hint);
        for (name, prepared) in names.iter().zip(&shared) {
            let own = s.prepare(name, hint);
            assert_eq!(
                s.score(&query, prepared, &NoStats),
                s.score(&query, &own, &NoStats)
            );
        }
    }
}
