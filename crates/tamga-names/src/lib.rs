//! Name analysis for multi-script matching.
//!
//! Query names and list names go through the same pipeline, so matching does not depend on the
//! script or the romanisation convention a name was written in. [`analyze`] does, in order:
//!
//! 1. **Unicode clean-up**: NFKC (compatibility forms such as full-width letters and ligatures
//!    fold to their plain letters), lowercase, invisible characters removed (controls,
//!    zero-width joiners, bidi marks, BOM, soft hyphen), every dash read as `-`, every
//!    apostrophe-like mark (`' ’ ‘ ʼ ʻ ʹ ´ \``) read as `'`, other quotation marks read as spaces.
//! 2. **Tokenisation**: letters, digits and combining marks make words; an apostrophe between
//!    letters is dropped (`O'Brien` → `obrien`, Uzbek `Oʻktam`/`O'ktam`/`Oktam` → `oktam`); a
//!    hyphen separates words (`Kassym-Jomart` = `Kassym Jomart`; so does the Persian
//!    zero-width non-joiner between parts of 2+ and 3+ letters: سید‌صادق = Seyed Sadegh) but is remembered in
//!    [`NameToken::hyphen_next`] so that [`AnalyzedName::compounds`] can give the joined form
//!    (`kassymjomart`) to match a list that writes the compound as one word. A Chinese or
//!    Korean personal name written without spaces (习近平, 김정은) is split into family name
//!    (first character) and given name (the rest) for Chinese, one token per syllable for Korean
//!    (given-name syllables hyphen-linked), as Latin renderings write them. A Chinese company
//!    name written as one run (深圳市恒邦微电子有限公司) is cut into its division, trade name,
//!    industry words and legal form (深圳 市 恒邦微 电子 有限公司; `data/han_words.tsv`,
//!    longest match): the trade name stays one token, read as one pinyin word (Hengbangwei);
//!    division and industry words are stopwords carrying the concept key of their English
//!    gloss (电子 `@electronic`, 香港 `@hongkong`), read as the dictionary reads them (银行
//!    yinhang). Traditional characters are folded to simplified (`data/han_ts.tsv`), as case
//!    is folded, so 華信 and 华信 are one text, and Han names can be compared by their
//!    characters rather than by their toneless reading, which homophones share. An Arabic
//!    word starting with the article ال (not one of the words of `data/al_words.txt` that
//!    only begin with its letters: الهام Elham, الناز Elnaz) is split into the particle `al`
//!    and the rest (after the conjunction و, itself split off: والمسلمين = `wa al-Muslimin`), and
//!    ʿAbd al- written as one word (عبدالكريم, or `Abdul`/`Abdel` before a separate name) into
//!    `abd` + particle `al` + the rest, as lists also write `Abd Al-Karim`.
//! 3. **Classes** ([`TokenClass`]): legal forms (organisations; multi-word forms such as
//!    "Limited Liability Company" or "общество с ограниченной ответственностью" collapse to ONE
//!    [`TokenClass::LegalForm`] token whose text is the words joined by spaces; dotted
//!    abbreviations `L.L.C.`, `S.A.` are one token, and can start or continue a longer form:
//!    `S.A. de C.V.`, `S.A.L. Offshore`, `B.S.C. (c)`; a form that is also a word, an
//!    acronym or a person's initials, `AS`, `A.Ş.`, `S.C.`, `ASC`, only as the last word of
//!    a name that has others, where the laws that define it put it: `Aksu A.Ş.`, not `JSC
//!    A.S. Yakovlev` nor the alias `ASC` of `AFGHAN SUPPORT COMMITTEE`), titles (persons only, see
//!    `data/titles.txt`), particles, stopwords (organisations; weighted, not dropped),
//!    initials (one letter). A Russian organisation-type abbreviation (НИИ, ЦНИИ, ОКБ, НПО,
//!    АКБ; two-letter ПО, УК only leading a Russian-language name) is written out as the
//!    stopwords it abbreviates (`data/ru_abbreviations.tsv`: `AO NII VEKTOR` = `AO nauchno
//!    issledovatelskiy institut VEKTOR`), which meet the romanised and translated words.
//! 4. **Roles** ([`TokenRole`], persons only): patronymic and family-name suffixes from
//!    `data/name_suffixes.tsv`, the list convention of writing the surname in capitals
//!    (`ABDIROV Nurlan`), and the position of a patronymic (`Family Given Patronymic` or
//!    `Given Patronymic Family`); see [`analyze`].
//! 5. **Transliteration** to a canonical Latin skeleton ([`NameToken::latin`], ASCII
//!    `[a-z0-9]`) and a **phonetic key** ([`NameToken::phonetic`]) that folds the differences
//!    between romanisation conventions (every rule, why, and the conflicts chosen: module
//!    [`phonetic`]). Latin-script tokens also get
//!    [`NameToken::variants`] (their key under other readings of j/x/ch, and under the
//!    French, Persian and Turkish readings of Arabic names: `ou` = w, `dh` = z, the e of the
//!    pattern fāʿil = i, as in Ouali = Wali, Kadhim = Kazim, Nayef = Naif), and every token a
//!    [`NameToken::consonants`] key for scripts that write no short vowels. A Belarusian name
//!    in Cyrillic (ў after a vowel, or a Belarusian legal form such as ТАА) also gets the keys
//!    of its Russian reading (ў = в, і = и, дз/ц = д/т before a soft vowel, akanye а = о:
//!    Марозаў = Morozov) as variants.
//!
//! # Using the keys (index and scorer)
//!
//! * Candidate index: post each token under its `phonetic` key and each of its `variants`;
//!   post tokens written in Arabic or Hebrew script (and probe with any query token) under
//!   `consonants` too, since those scripts write no short vowels. Post each
//!   [`AnalyzedName::compounds`] phonetic key as well, so `Kassymjomart` finds `Kassym-Jomart`.
//! * Scorer: [`key_match`] tells on which key two tokens agree (latin > phonetic > variant >
//!   consonants); [`joined_key`] gives the key of adjacent tokens written as one word;
//!   `class` and `role` give the weights (stopwords and legal forms light, a legal-form token's
//!   `phonetic` is its class so ООО meets LLC).
//!
//! # Tables and their sources
//!
//! All tables are data files in `crates/tamga-names/data/`, compiled in with `include_str!`
//! and parsed once (lazily) into hash maps; each file's header cites its published source.
//! None is derived from sanctions lists.
//!
//! | file | content | source |
//! |---|---|---|
//! | `cyrillic.tsv` | Russian, Ukrainian, Belarusian, Kazakh, Kyrgyz, Uzbek, Tajik, Serbian/Macedonian letters × 9 schemes ([`Scheme`]) | ICAO Doc 9303 Part 3; BGN/PCGN (Russian 1947, Ukrainian 1965, Belarusian 1979, Kazakh 1979, Uzbek 1979, Tajik 1994); ISO 9:1995 = GOST 7.79-2000 A; scientific transliteration; English/German/French/Spanish press conventions |
//! | `cyrillic_lang.tsv` | per-language overrides (Ukrainian г→h, и→y; Uzbek ў→o, ж→j; …) | Ukrainian Cabinet Resolution 55 (2010); BGN/PCGN Belarusian; Uzbek Latin alphabet (1995/2019); BGN/PCGN Tajik |
//! | `arabic.tsv` | Arabic, Persian, Urdu, Pashto letters → consonant skeleton | BGN/PCGN 1956 (Arabic), 1958 (Persian), ASCII-reduced |
//! | `hebrew.tsv` | Hebrew → consonant skeleton | BGN/PCGN 1962 |
//! | `abjad_readings.tsv` | other Latin readings of ambiguous Arabic-script and Hebrew letters (و w/u, ة -a/-at, ث th/s, unpointed ב כ פ ח ו), for [`NameToken::consonant_variants`] | BGN/PCGN 1956/1958/1962, ALA-LC Arabic and Persian tables, ISO 259-2, Maghreb French-based practice (see header) |
//! | `greek.tsv` | Greek | ELOT 743:1982 / ISO 843 |
//! | `armenian.tsv` | Armenian | BGN/PCGN 1981 |
//! | `georgian.tsv` | Georgian | National system of romanization 2002 |
//! | `kana.tsv` | hiragana (katakana folded onto it) | Modified Hepburn |
//! | `hangul_rr.tsv` | Hangul jamo (syllables decomposed algorithmically) | Revised Romanization of Korean (2000) |
//! | `korean_surnames.tsv` | Korean family names (Hangul syllable) -> their Latin spellings (박 = Park, Pak), for [`korean`] | commonest names of the Statistics Korea 2015 census; Revised Romanization (2000), McCune-Reischauer (1939) and the common spellings, as Wikipedia's "List of Korean surnames" tabulates them |
//! | (crate `pinyin`) | Hanzi → toneless pinyin | Unihan kMandarin / pinyin-data |
//! | `han_ts.tsv` | traditional → simplified Chinese characters | OpenCC 1.4.2 `TSCharacters.txt` (Apache-2.0) |
//! | `han_words.tsv` | Chinese company-name words: places, division suffixes, industry words with reading and concept key | CC-CEDICT (CC BY-SA 4.0); GB/T 2260 division names; name structure from the PRC Regulations on Enterprise Name Registration, art. 6 |
//! | `legal_forms.tsv` | legal forms → class (`llc`, `llp`, `jsc`, `ojsc`, `cjsc`, `pjsc`, `sue`, `ltd`, `plc`, `inc`, `corp`, `lp`, `gp`, `coop`, `assoc`, `fze`, `fzco`, `fzllc`, `dmcc`; a `final` flag for forms read only as a name's last word) | company laws of each country; ISO 20275 (GLEIF ELF code list) jurisdiction by jurisdiction |
//! | `titles.txt`, `particles.txt`, `stopwords.txt` | word lists | see headers |
//! | `al_words.txt` | Arabic-script words that start with the letters of the article ال without being article + word (الله, الهام Elham, الناز Elnaz): kept whole | Wiktionary entries; Behind the Name, Persian names; Hans Wehr (see header) |
//! | `name_suffixes.tsv` | patronymic / family-name suffixes | see header |
//! | `org_terms.tsv` | organisation words (Russian, Ukrainian, Belarusian, Arabic, Persian, English, Spanish, Portuguese, French, Italian, Romanian, German, Turkish) → concept variant key (`@plant`: завод = plant; two-word English concepts such as `machinebuilding` entered joined) | Smirnitsky Russian-English, Hans Wehr Arabic-English, Aryanpur Persian-English dictionaries; Wiktionary translation tables |
//! | `ru_abbreviations.tsv` | Russian organisation-type abbreviations (НИИ, ЦНИИ, ОКБ, НПО, НПП, ПО, УК, АКБ, ФГБУ) → the words they abbreviate, written out by the analyser in organisation names | Словарь сокращений русского языка (Alekseev, Gozman, Sakharov, 1984); Russian Wiktionary entries |
//! | `function_words.txt` | articles, prepositions, conjunctions an acronym may skip ([`acronym`]) | general grammar of the lists' languages (see header) |
//! | `cognates.tsv` | international words of Latin and Greek origin across English, Russian, Turkish, French, Spanish, Italian, German: letter correspondences, inflections and derivational suffixes → a cognate key as a variant (`okeanologii` = oceanology) | Wiktionary suffix entries and translation tables; Krysin's dictionary of foreign words; TDK spelling rules (see header) |
//! | `ru_stumps.tsv` | stumps of Russian compound abbreviations of organisation names (рос, пром, нефте, спец, …) -> the Russian words and English equivalents they stand for, for [`stumps`] (Роснефть = Russian Oil) | Rosenthal, Справочник по правописанию и стилистике § 17; Русская грамматика (1980) §§ 412-416; Словарь сокращений русского языка (1984); Russian Wiktionary entries of the stumps |
//! | `loanwords_ru_en.tsv` | Russian renderings of English business words → the English word's phonetic key as a variant (`lizing` = leasing) | Russian dictionaries of foreign words / Wiktionary (see header) |
//! | `given_names.tsv` | East Slavic given-name forms → class variant key (`@g:vladimir`: Uladzimir = Volodymyr = Vladimir) | Wiktionary name entries |
//! | `given_names_arabic_persian.tsv` | given names of Arabic and Persian origin in the Latin spellings of the languages that use them → class variant key (`@g:yusuf`: Yussef = Yusif = Jusup = Yuusuf); a form belongs to one class | Wiktionary name entries and Wikipedia name articles; Turkish, Azerbaijani, Uzbek, Kazakh, Somali orthographies; BGN/PCGN for Russian and Tajik Cyrillic |
//!
//! Kanji read through the Hanzi table (Mandarin readings), which is wrong for Japanese names;
//! scripts with no table (Thai, Devanagari, …) keep a hex skeleton so that a name still meets
//! itself.

#![warn(missing_docs)]

pub mod acronym;
mod arabic_latin;
mod cognate;
mod han;
pub mod korean;
mod lexicon;
mod normalize;
pub mod phonetic;
pub mod stumps;
mod tables;
mod translit;

use lexicon::{lexicon, Strength};
use normalize::RawToken;
use translit::Lang;

pub use phonetic::{consonant_key, phonetic_key, phonetic_variants};
pub use tables::TableError;
pub use translit::{transliterate, Scheme};

/// What kind of party a name belongs to (changes how legal forms and titles are read).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum PartyHint {
    /// A natural person.
    Person,
    /// An organisation.
    Organization,
    /// Unknown or other.
    #[default]
    Unknown,
}

/// The class of a token, which sets how much it may weigh in a match.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub enum TokenClass {
    /// An ordinary name token.
    #[default]
    Name,
    /// A single-letter initial.
    Initial,
    /// Title or honorific (`dr`, `sheikh`, `president`).
    Title,
    /// A particle (`al`, `bin`, `ibn`, `abu`, `van`, `de`, …).
    Particle,
    /// A legal form, with the class it normalises to (`llc`, `jsc`, …); see
    /// `data/legal_forms.tsv` for the classes.
    LegalForm(String),
    /// A low-information word (`group`, `trading`, `company`, …).
    Stopword,
}

/// The role of a token within a personal name, when it can be told.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum TokenRole {
    /// Not known.
    #[default]
    Unknown,
    /// Given name.
    Given,
    /// Patronymic (`-ovich`, `-uly`, `-ugli`, …).
    Patronymic,
    /// Family name.
    Family,
}

/// One analysed token.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NameToken {
    /// The token case-folded and NFKC-normalised, in its original script (apostrophes inside
    /// the word removed; traditional Chinese characters folded to simplified, as case is). A multi-word legal form has its words joined by single spaces.
    pub text: String,
    /// A Latin skeleton: transliterated, accents stripped, lowercase ASCII `[a-z0-9]`, never
    /// empty. Equal skeletons mean "the same name written in another script or convention".
    pub latin: String,
    /// A phonetic key of the skeleton, tolerant of transliteration choices
    /// (kh/h/x, j/zh/dzh, y/i/j, ou/u, doubled letters, …); see [`phonetic_key`]. The `j` of
    /// a skeleton transliterated from Arabic script is ج (or ژ), keyed as such, never as the
    /// glide a final Latin j may be (ارج Arj is not Ari).
    /// For a [`TokenClass::LegalForm`] token it is the form's class (`llc`), so that forms of
    /// the same class agree in any language or script (ООО = LLC = GmbH).
    pub phonetic: String,
    /// What kind of token it is.
    pub class: TokenClass,
    /// Its role in a personal name.
    pub role: TokenRole,
    /// Other phonetic keys of a Latin-script token under the other readings of its ambiguous
    /// letters (j as й or х, x as х, ch as х, h as г; see [`phonetic_variants`]), or of a Hangul
    /// syllable under McCune-Reischauer initials (k/t/p for RR g/d/b), or of a surname ending
    /// in -ev/-yov under the other reading of е/ё (Korolev, Korolyov). Empty for most tokens. A match on a variant is as
    /// good as a match on `phonetic`: index both, probe both.
    pub variants: Vec<String>,
    /// The consonant-class skeleton of the token (vowels dropped, the consonants Latin
    /// renderings of one Arabic or Hebrew letter disagree on merged: q/k/g/gh, kh/h, d/z/dh,
    /// …; abjad letters read one at a time): the key on which a token in Arabic or Hebrew
    /// script (no short vowels written) meets its Latin rendering.
    pub consonants: String,
    /// Other consonant keys of a token written in an abjad, under the other readings of its
    /// ambiguous letters (و as w or u, ة as -a or -at, ث as th or s, Hebrew ב as v or b, two
    /// letters Latin writes as one digraph: ك+ح = `kh`; `data/abjad_readings.tsv`). Empty
    /// for other tokens. A Latin token whose `consonants` equals one of them meets this token
    /// as on `consonants`: index both, probe both.
    pub consonant_variants: Vec<String>,
    /// Written joined to the next token by a hyphen (`Kassym-Jomart`, `al-Baqi`), or split
    /// from it by the analyser (Arabic article). See [`AnalyzedName::compounds`].
    pub hyphen_next: bool,
    /// Written with a lowercase letter in the input: a word, never read as an acronym
    /// ([`acronym::is_acronym_candidate`]). All-caps and caseless tokens are false.
    pub has_lower: bool,
}

impl NameToken {
    /// Adds `key` to [`NameToken::variants`] unless it is empty, the token's own phonetic key
    /// or already there.
    fn add_variant(&mut self, key: String) {
        if !key.is_empty() && key != self.phonetic && !self.variants.contains(&key) {
            self.variants.push(key);
        }
    }

    /// The token's consonant keys: [`NameToken::consonants`], then its
    /// [`NameToken::consonant_variants`].
    pub fn consonant_keys(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.consonants.as_str())
            .chain(self.consonant_variants.iter().map(String::as_str))
    }
}

/// A name after analysis.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AnalyzedName {
    /// The input as given.
    pub original: String,
    /// Dominant script of the input (ISO 15924 code: `Latn`, `Cyrl`, `Arab`, …; `Zyyy` when
    /// it has no letter).
    pub script: &'static str,
    /// Tokens in written order.
    pub tokens: Vec<NameToken>,
    /// The party hint the name was analysed under (only names that are not a person's have
    /// acronyms, see [`acronym`]).
    pub party: PartyHint,
}

/// A run of tokens written as one hyphenated compound, with its joined keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compound {
    /// Index of the first token of the run.
    pub start: usize,
    /// Index one past the last token of the run.
    pub end: usize,
    /// The tokens' `latin` concatenated (`kassymjomart`).
    pub latin: String,
    /// The phonetic key of `latin` (not the concatenation of the tokens' keys: doubled letters
    /// and glides across the joint are folded as in a single word).
    pub phonetic: String,
}

impl AnalyzedName {
    /// [`consonant_runs`] over the name's tokens and all their consonant keys.
    pub fn consonant_runs(&self) -> Vec<(usize, usize, String)> {
        let keys: Vec<(&str, Vec<&str>)> = self
            .tokens
            .iter()
            .map(|t| (t.text.as_str(), t.consonant_keys().collect()))
            .collect();
        let keys: Vec<(&str, &[&str])> = keys.iter().map(|(t, k)| (*t, k.as_slice())).collect();
        consonant_runs(&keys)
    }

    /// The hyphenated compounds of the name (`Kassym-Jomart` gives one compound over tokens
    /// 0..2 with latin `kassymjomart`), so that a scorer can match them against a list name
    /// that writes the compound as one word (`Kassymjomart`) and the other way round.
    pub fn compounds(&self) -> Vec<Compound> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.tokens.len() {
            let mut j = i;
            while j + 1 < self.tokens.len() && self.tokens[j].hyphen_next {
                j += 1;
            }
            if j > i {
                let (latin, phonetic) = joined_key(&self.tokens[i..=j]);
                out.push(Compound {
                    start: i,
                    end: j + 1,
                    latin,
                    phonetic,
                });
            }
            i = j + 1;
        }
        out
    }

    /// The class of the first legal-form token, if any (`Some("llc")`).
    pub fn legal_form(&self) -> Option<&str> {
        self.tokens.iter().find_map(|t| match &t.class {
            TokenClass::LegalForm(c) => Some(c.as_str()),
            _ => None,
        })
    }
}

/// On which key two tokens agree, strongest first (see [`key_match`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum KeyMatch {
    /// Same Latin skeleton: the same spelling up to script and accents.
    Latin,
    /// Same phonetic key.
    Phonetic,
    /// A phonetic key of one equals a reading variant of the other.
    Variant,
    /// Same consonant skeleton, and one of the tokens is written in an abjad (Arabic or Hebrew
    /// script, where short vowels are not written, so only consonants can be compared).
    Consonants,
}

/// Whether a token is written in Arabic or Hebrew script.
fn is_abjad(text: &str) -> bool {
    text.chars().any(|c| matches!(c, '\u{0590}'..='\u{05FF}' | '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}'))
}

/// The strongest key on which two tokens agree, or None. This is the comparison the
/// cross-script agreement figures of the test suite use; a scorer can weigh the levels.
pub fn key_match(a: &NameToken, b: &NameToken) -> Option<KeyMatch> {
    if a.latin == b.latin {
        return Some(KeyMatch::Latin);
    }
    if a.phonetic == b.phonetic {
        return Some(KeyMatch::Phonetic);
    }
    if a.variants.contains(&b.phonetic)
        || b.variants.contains(&a.phonetic)
        || a.variants.iter().any(|v| b.variants.contains(v))
    {
        return Some(KeyMatch::Variant);
    }
    if (is_abjad(&a.text) || is_abjad(&b.text)) && consonants_meet(a, b) {
        return Some(KeyMatch::Consonants);
    }
    None
}

/// Whether two tokens share a consonant key, counting an abjad token's other readings
/// ([`NameToken::consonant_variants`]).
pub fn consonants_meet(a: &NameToken, b: &NameToken) -> bool {
    a.consonant_keys()
        .any(|k| b.consonant_keys().any(|m| m == k))
}

/// Whether two tokens that share a consonant key ([`consonants_meet`]) also agree on the
/// vowels Arabic script writes: for some key they share, every long vowel the Arabic-script
/// token spells between two consonants (ا a, ی/ي i, و u) is a vowel of the other token's
/// rendering in that gap (ا as `a` or `o`, ي as `i`, `e` or `y`, و as `u` or `o`), and a
/// word the script ends on a consonant is not rendered with a final vowel (a French-style
/// mute `e` aside: Lamine الأمين, Yacine ياسين). Two Arabic-script tokens must write the same
/// long vowels in each gap.
///
/// A consonant key keeps too little of a short name (Ehsan احسان and Hossein share `hsn`;
/// Zahra زهرا and Zouhair share `zhr`): the long vowels the script does write tell such names
/// apart. Letters whose vowel the script leaves open impose nothing: ʿayn (Saeed, Said سعيد),
/// a word-initial alif, the alif of the article (Abdullah, Abdallah عبدالله), a final ح or ه
/// (Salih صالح, Fatemeh فاطمه), short-vowel signs, and alif maqsura ى (a, or a dotless
/// final ي). Tokens in other scripts (Hebrew included, whose vowel letters are optional)
/// always agree.
///
/// Computes both tokens' [`VowelFrames`]; a caller that compares one token many times keeps
/// them and calls [`VowelFrames::agree`].
pub fn consonant_vowels_agree(a_text: &str, a_latin: &str, b_text: &str, b_latin: &str) -> bool {
    VowelFrames::of(a_text, a_latin).agree(&VowelFrames::of(b_text, b_latin))
}

/// A token's consonant keys, each with the vowel letters written between its consonants:
/// what [`consonant_vowels_agree`] compares. Reading them walks the transliteration tables,
/// so a scorer that meets one listed token in many candidates computes them once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VowelFrames {
    frames: Vec<translit::ConsonantFrame>,
    /// The token is written in Arabic script (see [`consonant_vowels_agree`]).
    arabic: bool,
}

impl VowelFrames {
    /// The frames of a token's original text and Latin skeleton.
    pub fn of(text: &str, latin: &str) -> VowelFrames {
        VowelFrames {
            frames: translit::consonant_frames(text, latin),
            arabic: text.chars().any(translit::is_arabic_script_char),
        }
    }

    /// Whether the two tokens agree on the vowels Arabic script writes (see
    /// [`consonant_vowels_agree`]).
    pub fn agree(&self, other: &VowelFrames) -> bool {
        if !self.arabic && !other.arabic {
            return true;
        }
        self.frames.iter().any(|x| {
            other
                .frames
                .iter()
                .any(|y| x.key == y.key && translit::frames_agree(x, y))
        })
    }

    /// The frames of a run of tokens written together ([`consonant_runs`]: two adjacent
    /// tokens, or three around a split Arabic article, the article's `l` kept or left out),
    /// joined as their consonant keys join, and only those whose key is `key`: عبد ال علی read
    /// as one word, for comparing with a single token on the other side. Takes each token's
    /// text and its own frames ([`VowelFrames::of`]), which a scorer has already read for
    /// the token's other comparisons.
    pub fn of_run(parts: &[(&str, &VowelFrames)], key: &str) -> VowelFrames {
        // Each token multiplies the readings of the run so far by its own (an ambiguous
        // letter in each word of a long run); real runs of two or three words have a handful,
        // and the bound keeps a hostile run of many ambiguous words from growing without end
        // on the scorer's pair path. Readings past it are dropped; a run left with no reading
        // of the key is not vowel-checked at all (see `agree_on`), as before this check.
        const MAX_RUN_FRAMES: usize = 64;
        let per: Vec<&[translit::ConsonantFrame]> =
            parts.iter().map(|(_, f)| f.frames.as_slice()).collect();
        let arabic = parts.iter().any(|(_, f)| f.arabic);
        let mut frames = Vec::new();
        // Prefixes of the key so far: each choice of frames, token by token.
        let mut partial: Vec<translit::ConsonantFrame> =
            per.first().map(|f| f.to_vec()).unwrap_or_default();
        partial.retain(|f| key.starts_with(f.key.as_str()));
        let article = parts.len() == 3 && is_arabic_article(parts[1].0);
        if article {
            // Left out: the first and last tokens joined over an open joint.
            for a in &partial {
                for c in per[2] {
                    if let Some(f) = translit::join_frames(a, c, true).filter(|f| f.key == key) {
                        frames.push(f);
                    }
                }
            }
        }
        for next in per.iter().skip(1) {
            let mut grown = Vec::new();
            for a in &partial {
                for b in next.iter() {
                    if let Some(f) = translit::join_frames(a, b, false) {
                        if key.starts_with(f.key.as_str()) && grown.len() < MAX_RUN_FRAMES {
                            grown.push(f);
                        }
                    }
                }
            }
            partial = grown;
        }
        frames.extend(partial.into_iter().filter(|f| f.key == key));
        VowelFrames { frames, arabic }
    }

    /// Whether the two tokens agree on the vowels Arabic script writes for the one consonant
    /// key `key` (see [`consonant_vowels_agree`]); true when either has no frame of that key
    /// (a run of tokens joined without the article's `l`, whose key no reading of the joined
    /// text gives).
    pub fn agree_on(&self, other: &VowelFrames, key: &str) -> bool {
        if !self.arabic && !other.arabic {
            return true;
        }
        let mut mine = self.frames.iter().filter(|x| x.key == key).peekable();
        let mut theirs = other.frames.iter().filter(|y| y.key == key).peekable();
        if mine.peek().is_none() || theirs.peek().is_none() {
            return true;
        }
        let theirs: Vec<_> = theirs.collect();
        mine.any(|x| theirs.iter().any(|y| translit::frames_agree(x, y)))
    }
}

/// The latin and phonetic keys of several tokens written as one word (`["abdul", "aziz"]` →
/// `("abdulaziz", …)`): for matching a name split in one list and joined in another.
pub fn joined_key(tokens: &[NameToken]) -> (String, String) {
    let latin: String = tokens.iter().map(|t| t.latin.as_str()).collect();
    let phonetic = phonetic_key(&latin);
    (latin, phonetic)
}

/// The consonant key ([`NameToken::consonants`]) of tokens written as one word: the keys
/// concatenated, a class doubled across a joint collapsed (`عبد` + `الله` = `bd` + `l`, the key
/// of Abdullah). The last part's key has already lost a final `h` that ends its word (`الله`
/// = `l`) and kept one a vowel follows (`عبد` + `ال` + `حی` = `bdlh`, the key of Abdulhai).
/// `None` when a part's key is empty.
pub fn joined_consonants<'a>(parts: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let mut out = String::new();
    for p in parts {
        if p.is_empty() {
            return None;
        }
        let skip = p.chars().next().is_some_and(|c| out.ends_with(c));
        out.push_str(if skip { &p[1..] } else { p });
    }
    Some(out)
}

/// Whether a token is the Arabic article split off its word (`ال` of الدين): Latin renderings
/// of a compound name write it `al`, `ul`, `ud`, `ad` or assimilated into a doubled consonant
/// (Nasiruddin for نصير الدين), so a joined consonant key is tried with and without it.
pub fn is_arabic_article(text: &str) -> bool {
    text == "ال"
}

/// The most joined keys one run of tokens gets from its tokens' consonant variants
/// ([`consonant_runs`]).
const MAX_RUN_KEYS: usize = 8;

/// Runs of tokens that a Latin rendering may write as one word, with their joined consonant
/// key, for matching a name in an abjad against its Latin rendering: every two adjacent
/// tokens, and three around a split Arabic article ([`is_arabic_article`]) with and without
/// its `l`. Takes each token's text and consonant keys ([`NameToken::consonants`] first, then
/// its [`NameToken::consonant_variants`]); gives `(start, end, key)` for keys of 3+ classes
/// (shorter ones say too little), the canonical join first, at most a few per run.
pub fn consonant_runs<K: AsRef<str>>(tokens: &[(&str, &[K])]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut run: Vec<String> = Vec::new();
    for i in 0..tokens.len().saturating_sub(1) {
        let (a, b) = (tokens[i].1, tokens[i + 1].1);
        run.clear();
        // A join whose key is one of its parts' (חי + חסדאי: `h` + `hsd`, the doubled class
        // collapsed) says no more than that part alone, which is matched on its own.
        let add = |parts: &[&str], run: &mut Vec<String>| {
            if let Some(k) = joined_consonants(parts.iter().copied()) {
                let new = !run.contains(&k) && !parts.contains(&k.as_str());
                if k.len() >= 3 && new && run.len() < MAX_RUN_KEYS {
                    run.push(k);
                }
            }
        };
        let end = if is_arabic_article(tokens[i + 1].0) {
            let Some(&(_, c)) = tokens.get(i + 2) else {
                continue;
            };
            for x in a {
                for z in c {
                    let (x, z) = (x.as_ref(), z.as_ref());
                    add(&[x, z], &mut run);
                    add(&[x, "l", z], &mut run);
                }
            }
            i + 3
        } else {
            for x in a {
                for y in b {
                    add(&[x.as_ref(), y.as_ref()], &mut run);
                }
            }
            i + 2
        };
        out.extend(run.drain(..).map(|k| (i, end, k)));
    }
    out
}

/// Checks that every bundled data table parses; the error names the file and line.
///
/// [`analyze`] never fails: a table that does not parse behaves as empty, so the test suite
/// calls this to make sure none does.
pub fn check_tables() -> Result<(), TableError> {
    translit::load_result()?;
    lexicon::load_result()?;
    han::load_result()?;
    acronym::load_result()?;
    phonetic::load_result()?;
    cognate::load_result()?;
    stumps::load_result()?;
    Ok(())
}

/// Entry counts of the transliteration tables (`("cyrillic", 62)`, …), for diagnostics.
pub fn table_sizes() -> Vec<(&'static str, usize)> {
    translit::tables().sizes()
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FA1F}' | '\u{30000}'..='\u{323AF}')
}

fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}')
}

/// Whether a token is written in Hangul or Han characters, each a whole syllable: one whose
/// reading is a single letter (이 i, 우 u, 오 o) is a syllable of the name, as much a part of
/// it as any other (류우진 Ryu Woo-jin is not Ryu Jin), never an initial.
pub fn is_syllable_token(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| is_hangul(c) || is_han(c))
}

/// Whether a word in Arabic script ends on a vowel letter (ا و ی ي ى), which writes a final
/// vowel that a Latin rendering of it must spell (محمدی Mohammadi is not Muhammad). Only
/// meaningful for Arabic-script text: no other script has these letters.
pub fn ends_on_arabic_vowel_letter(text: &str) -> bool {
    translit::ends_on_vowel_letter(text)
}

/// Whether every character of a token is a Hangul syllable (the Korean vowel and initial
/// checks of a scorer apply to it).
pub fn is_hangul_token(text: &str) -> bool {
    !text.is_empty() && text.chars().all(is_hangul)
}

fn is_latin_text(text: &str) -> bool {
    use unicode_script::{Script, UnicodeScript};
    text.is_ascii()
        || text.chars().all(|c| {
            c.is_ascii()
                || matches!(
                    c.script(),
                    Script::Latin | Script::Common | Script::Inherited
                )
        })
}

/// Latin and Cyrillic spellings of ʿAbd al- written as one word before a separate name.
const ABD_AL: [&str; 9] = [
    "abdul",
    "abdel",
    "abdoul",
    "abdal",
    "abdol",
    "abdoel",
    "абдул",
    "абдель",
    "абдал",
];

/// A Russian or Ukrainian compound adjective of two organisation words written without its
/// hyphen (научнопроизводственное for научно-производственное, "scientific and production"),
/// split after its linking vowel о/е as the hyphenated spelling is: `(head, tail)` when both
/// parts are words of `data/org_terms.tsv` and the whole is not (машиностроительный is a
/// concept of its own and stays whole). The parts stay hyphen-linked, so the joined form
/// still matches a list that writes it as one word.
fn cyrillic_compound(text: &str) -> Option<(String, String)> {
    const MIN_HEAD: usize = 4;
    const MIN_TAIL: usize = 5;
    let chars: Vec<char> = text.chars().collect();
    if chars.len() < MIN_HEAD + MIN_TAIL + 1
        || !chars.iter().all(|c| ('\u{0400}'..='\u{04FF}').contains(c))
    {
        return None;
    }
    let lex = lexicon();
    let lang = Lang::detect(text);
    let concept = |part: &str| lex.concept(&latin_of(part, lang)).is_some();
    if concept(text) {
        return None;
    }
    (MIN_HEAD..chars.len() - MIN_TAIL)
        .filter(|&k| matches!(chars[k], 'о' | 'е'))
        .find_map(|k| {
            let head: String = chars[..=k].iter().collect();
            let tail: String = chars[k + 1..].iter().collect();
            (concept(&head) && concept(&tail)).then_some((head, tail))
        })
}

/// Splits CJK personal names, the Arabic article and ʿAbd al- (see the crate doc, step 2).
fn split_raw(raw: Vec<RawToken>, hint: PartyHint, han_org: &mut bool) -> Vec<RawToken> {
    let mut out = Vec::with_capacity(raw.len() + 1);
    for mut t in raw {
        // Fast path: an ASCII token can only be ʿAbd al- written as one word.
        if t.text.is_ascii() && !(t.text.starts_with("abd") && ABD_AL.contains(&t.text.as_str())) {
            out.push(t);
            continue;
        }
        // Traditional and simplified Chinese are one script for matching, as upper and lower
        // case are (華 = 华); the characters of data/han_ts.tsv are folded.
        if let Some(simple) = han::simplify(&t.text) {
            t.text = simple;
        }
        if hint != PartyHint::Person {
            if let Some((head, tail)) = cyrillic_compound(&t.text) {
                out.push(RawToken {
                    text: head,
                    hyphen_next: true,
                    dotted: false,
                    ..t.clone()
                });
                out.push(RawToken { text: tail, ..t });
                continue;
            }
        }
        let n = t.text.chars().count();
        let first_len = t.text.chars().next().map_or(0, char::len_utf8);
        // Korean given names are written syllable by syllable in Latin lists (Kim Yong Bok,
        // Kim Jong-un): one token per syllable, the given name's syllables hyphen-linked so
        // that compounds() also offers the joined form.
        if hint != PartyHint::Organization && (2..=4).contains(&n) && t.text.chars().all(is_hangul)
        {
            let last = n - 1;
            for (k, c) in t.text.chars().enumerate() {
                let hyphen = if k == last { t.hyphen_next } else { k > 0 };
                out.push(RawToken {
                    text: c.to_string(),
                    hyphen_next: hyphen,
                    dotted: false,
                    ..t.clone()
                });
            }
            continue;
        }
        // A Chinese company name is written as one run of characters: cut it into its
        // division, trade name, industry words and legal form (module `han`).
        if hint != PartyHint::Person && t.text.chars().all(is_han) {
            if let Some(pieces) = han::segment(&t.text) {
                *han_org = true;
                let last = pieces.len() - 1;
                for (k, (piece, _)) in pieces.into_iter().enumerate() {
                    out.push(RawToken {
                        text: piece.to_string(),
                        hyphen_next: k == last && t.hyphen_next,
                        dotted: k == last && t.dotted,
                        ..t.clone()
                    });
                }
                continue;
            }
        }
        let cjk =
            hint != PartyHint::Organization && (2..=4).contains(&n) && t.text.chars().all(is_han);
        // ʿAbd al-X: Arabic writes it joined (عبدالكريم), Latin lists write Abd Al-Karim,
        // Abdul Karim or Abdel Karim; all become `abd` + particle `al` + X. Not عبدالله,
        // which Latin writes as one word (Abdullah) and which meets it whole.
        if let Some(rest) = t
            .text
            .strip_prefix("عبدال")
            .filter(|r| r.chars().count() > 1 && *r != "له")
        {
            for (text, hyphen) in [("عبد", true), ("ال", true), (rest, t.hyphen_next)] {
                out.push(RawToken {
                    text: text.to_string(),
                    hyphen_next: hyphen,
                    dotted: false,
                    ..t.clone()
                });
            }
            continue;
        }
        if ABD_AL.contains(&t.text.as_str()) {
            let cut = t
                .text
                .char_indices()
                .nth(3)
                .map_or(t.text.len(), |(k, _)| k);
            out.push(RawToken {
                text: t.text[..cut].to_string(),
                hyphen_next: true,
                dotted: false,
                ..t.clone()
            });
            out.push(RawToken {
                text: t.text[cut..].to_string(),
                ..t
            });
            continue;
        }
        // The conjunction و written onto an article-prefixed word (والمسلمين): Latin writes
        // `wa al-Muslimin` or `wal-Muslimin`, so it is split into و + the word, whose
        // article is split next.
        if let Some(rest) = t
            .text
            .strip_prefix('و')
            .filter(|r| r.starts_with("ال") && r.chars().count() > 4)
        {
            out.push(RawToken {
                text: "و".to_string(),
                hyphen_next: false,
                dotted: false,
                ..t.clone()
            });
            out.extend(split_raw(
                vec![RawToken {
                    text: rest.to_string(),
                    ..t
                }],
                hint,
                han_org,
            ));
            continue;
        }
        // Words that start with the article's letters without being article + word (الله
        // Allah, الهام Elham, الناز Elnaz; `data/al_words.txt`): Latin writes them whole.
        let arabic_article = n > 3
            && t.text.starts_with("ال")
            && !lexicon::lexicon().al_words.contains(t.text.as_str());
        let cut = if cjk {
            first_len
        } else if arabic_article {
            "ال".len()
        } else {
            0
        };
        if cut == 0 {
            out.push(t);
        } else {
            let rest = t.text[cut..].to_string();
            let head = RawToken {
                text: t.text[..cut].to_string(),
                hyphen_next: arabic_article,
                dotted: false,
                ..t.clone()
            };
            out.push(head);
            out.push(RawToken { text: rest, ..t });
        }
    }
    out
}

/// Latin skeleton of a token's text under a Cyrillic language; never empty (a token in a
/// script without a table keeps `u` + hex code points).
fn latin_of(text: &str, lang: Lang) -> String {
    let mut s = String::with_capacity(text.len() + 4);
    translit::token_latin(text, lang, &mut s);
    if s.is_empty() {
        for c in text.chars() {
            s.push_str(&format!("u{:x}", c as u32));
        }
    }
    s
}

fn make_token(text: String, latin: String, hyphen_next: bool) -> NameToken {
    // The `j` of a transliteration from Arabic script is ج (or ژ), never the glide й that
    // a final or preconsonantal Latin j may be: ارج Arj is not Ari.
    let phonetic = if text.chars().any(translit::is_arabic_script_char) {
        phonetic::key(
            &latin,
            phonetic::Reading {
                j_dzh: true,
                ..phonetic::Reading::default()
            },
        )
    } else {
        phonetic_key(&latin)
    };
    let variants = if is_latin_text(&text) {
        phonetic::variants_of(&latin, &phonetic)
    } else {
        translit::hangul_alternative(&text)
            .map(|alt| phonetic_key(&alt))
            .filter(|k| *k != phonetic)
            .into_iter()
            .collect()
    };
    let mut variants = variants;
    // Russian print mostly writes ё as е (Дёмин is published as Demin and Dyomin).
    if text.contains('ё') {
        let alt = latin_of(&text.replace('ё', "е"), Lang::detect(&text));
        let k = phonetic_key(&alt);
        if k != phonetic && !variants.contains(&k) {
            variants.push(k);
        }
    }
    if let Some(alt) = yo_alternative(&latin) {
        let k = phonetic_key(&alt);
        if k != phonetic && !variants.contains(&k) {
            variants.push(k);
        }
    }
    // Consonant classes (not `consonant_key(&phonetic)`): the phonetic rules read a
    // vowel-less abjad skeleton's adjacent letters as digraphs (مقیسه `mqish` -> `mkix`).
    let (mut consonants, consonant_variants) = translit::consonant_classes(&text, &latin);
    if consonants.is_empty() {
        // A vowel-only token (`a`, `ya`) keeps a key, as `consonant_key` does.
        consonants = consonant_key(&phonetic);
    }
    NameToken {
        text,
        latin,
        phonetic,
        class: TokenClass::Name,
        role: TokenRole::Unknown,
        variants,
        consonants,
        consonant_variants,
        hyphen_next,
        has_lower: false,
    }
}

/// The other reading of a surname ending in -ев/-ёв: Russian print mostly writes ё as е, so
/// Королев is published as Korolev and Korolyov, Воробьев as Vorobyev and Vorobyov. Gives the
/// skeleton with `-ev(a)` and `-yov(a)` swapped, or None.
fn yo_alternative(latin: &str) -> Option<String> {
    let b = latin.as_bytes();
    // After ж ч ш щ Ukrainian writes the Russian ё as о (Усачова, Russian Усачёва, printed
    // Усачева): -ov(a) there reads -ev(a) too.
    let sibilant = |stem: &str| ["zh", "ch", "sh"].iter().any(|s| stem.ends_with(s));
    for (from, to) in [("ova", "eva"), ("ov", "ev")] {
        if let Some(stem) = latin
            .strip_suffix(from)
            .filter(|s| s.len() >= 3 && sibilant(s))
        {
            return Some(format!("{stem}{to}"));
        }
    }
    for (from, to) in [
        ("yova", "eva"),
        ("yov", "ev"),
        ("eva", "yova"),
        ("ev", "yov"),
    ] {
        if let Some(stem) = latin.strip_suffix(from) {
            let before = stem.as_bytes().last().copied();
            let consonant = before.is_some_and(|c| !b"aeiouy".contains(&c));
            if stem.len() >= 3 && consonant && b.len() > from.len() {
                return Some(format!("{stem}{to}"));
            }
        }
    }
    None
}

/// The Arabic article and its Latin renderings, as a separate word inside a compound name
/// (`Abd al Majid`, `Nasir ud Din`, `Abd ur Rahman`): before a "sun letter" the article's `l`
/// is written as that letter (ʿAbd ar-Raḥmān, ʿAbd as-Salām; W. Wright, *A Grammar of the
/// Arabic Language*, vol. I §14; the ALA-LC and UNGEGN romanisations of Arabic write the
/// assimilation). Grammar, not vocabulary: the list is closed.
const ARABIC_ARTICLES: [&str; 27] = [
    "al", "el", "ul", "il", "ad", "ed", "ud", "ar", "er", "ur", "as", "es", "us", "an", "en", "un",
    "at", "et", "ut", "az", "ez", "uz", "ash", "esh", "ush", "ath", "adh",
];

/// Whether a token's canonical Latin is a rendering of the Arabic article (`al`, `el`, `ul`,
/// and the sun-letter forms `ar`, `as`, `ad`, `ash`, …); [`is_arabic_article`] is the same
/// for Arabic script.
pub fn is_latin_arabic_article(latin: &str) -> bool {
    ARABIC_ARTICLES.contains(&latin)
}

/// The one-word spellings of `a` + Arabic article + `c` (`abd` `al` `rahman`): the words
/// written together (`abdalrahman`) and, when `c` starts with a sun letter, with the article
/// assimilated to it (`abdarrahman`), each with the article's vowel as any of a, e, i, u, as
/// one-word spellings vary it (`Abdelrahman`, `Abdulrahman`, `Abdurrahman`). Empty when
/// `article` is not the article. Scorer and index share it, so the index files every
/// spelling the scorer's joined path matches exactly.
pub fn arabic_article_joins(a: &str, article: &str, c: &str) -> Vec<String> {
    if !is_latin_arabic_article(article) || a.is_empty() || c.is_empty() {
        return Vec::new();
    }
    let rest = &article[1..];
    let first = c.as_bytes()[0];
    let sun = matches!(first, b't' | b'd' | b'r' | b'z' | b's' | b'n');
    let mut out = Vec::with_capacity(8);
    for vowel in ['a', 'e', 'i', 'u'] {
        out.push(format!("{a}{vowel}{rest}{c}"));
        if sun {
            let assimilated = format!("{a}{vowel}{}{c}", first as char);
            if !out.contains(&assimilated) {
                out.push(assimilated);
            }
        }
    }
    out
}

/// Analyses a name: normalise, split, classify and transliterate each token.
///
/// Roles (persons and unknown parties only, never when a legal form was found):
/// 1. a strong patronymic suffix (`-ovich`, `-ovna`, `-uly`, `-kyzy`, `-ugli`, `-ogly`, …)
///    makes a Patronymic; a strong family suffix (`-ov(a)`, `-ev(a)`, `-enko`, `-skiy`,
///    `-zoda`, `-yan`, `-dze`, `-shvili`, …) a Family name;
/// 2. when the name mixes cases, a word written in capitals is the Family name (the
///    convention of the UN, UK and many national lists: `ABDIROV Nurlan`);
/// 3. with no family name yet, a weak family suffix (`-in(a)`, `-ko`, …) counts on the first
///    or last name word only;
/// 4. with one patronymic and no family name in a three-word name, the order tells: last
///    patronymic → `Family Given Patronymic`; middle → `Given Patronymic Family`;
/// 5. the word before a patronymic is Given; when the family name is first or last, the other
///    unknown words are Given. Anything else stays Unknown;
/// 6. a Korean name of two or three Hangul syllables is Family (the first) and Given.
pub fn analyze(name: &str, hint: PartyHint) -> AnalyzedName {
    let mut han_org = false;
    let raw = split_raw(normalize::tokenize(name), hint, &mut han_org);
    let lex = lexicon();
    let lang = if raw.iter().any(|t| !t.text.is_ascii()) {
        match Lang::detect_chars(raw.iter().flat_map(|t| t.text.chars())) {
            Lang::Russian
                if raw
                    .iter()
                    .any(|t| BELARUSIAN_FORM_WORDS.contains(&t.text.as_str())) =>
            {
                Lang::Belarusian
            }
            l => l,
        }
    } else {
        Lang::Russian
    };
    let mut tokens: Vec<NameToken> = Vec::with_capacity(raw.len());
    let mut upper: Vec<bool> = Vec::with_capacity(raw.len());
    let any_lower = raw.iter().any(|t| t.has_lower);
    let cyrillic_name = lang != Lang::Persian && detect_script(name) == "Cyrl";
    let orgish = hint != PartyHint::Person;
    let mut i = 0;
    while i < raw.len() {
        // Dotted one-letter abbreviations that spell a legal form (L.L.C., S.A.).
        if orgish && raw[i].text.chars().count() == 1 {
            let mut j = i;
            let mut letters: Vec<String> = Vec::new();
            while j < raw.len() && raw[j].text.chars().count() == 1 && (j == i || raw[j - 1].dotted)
            {
                letters.push(latin_of(&raw[j].text, lang));
                j += 1;
            }
            // The longest leading run that spells a form: in `B.S.C. (c)` the run is b-s-c-c
            // and the form is its first three letters.
            let mut found = None;
            while j - i >= 2 {
                let joined = letters[..j - i].concat();
                if let Some(class) = lex.legal_one_word(&joined, i > 0 && j == raw.len()) {
                    found = Some((joined, class));
                    break;
                }
                j -= 1;
            }
            if let Some((joined, class)) = found {
                let text: String = raw[i..j].iter().map(|t| t.text.as_str()).collect();
                let mut t = make_token(text, joined, raw[j - 1].hyphen_next);
                t.has_lower = raw[i..j].iter().any(|r| r.has_lower);
                set_legal(&mut t, class);
                tokens.push(t);
                upper.push(false);
                i = j;
                continue;
            }
        }
        let r = &raw[i];
        // A one-letter Latin lookalike in a Cyrillic name (`Общество c ограниченной …` typed
        // with a Latin c) is the Cyrillic letter.
        let text = match translit::cyrillic_lookalike(&r.text) {
            Some(c) if cyrillic_name => c.to_string(),
            _ => r.text.clone(),
        };
        let han_word = han_org.then(|| han::word(&text)).flatten();
        let latin = match han_word {
            Some(w) if !w.reading.is_empty() => w.reading.to_string(),
            _ => latin_of(&text, lang),
        };
        let latin = match ordinal_number(&latin) {
            Some(number) => number.to_string(),
            None => latin,
        };
        let mut t = make_token(text, latin, r.hyphen_next);
        t.has_lower = r.has_lower;
        // Between two words of an organisation's name, an undotted и/i, y or e is the
        // conjunction "and" (Лукин и партнеры, Hermanos y Asociados), not a person's
        // initial: as an initial it met any word that starts with its letter. A dotted
        // letter (I. Petrov), one next to another function word (P AND I: protection and
        // indemnity) and one hyphened on (the Persian ezafe of ROYAY-E ROZ) are not.
        let plain_word = |n: &normalize::RawToken| {
            n.text.chars().count() > 1 && !acronym::is_function_word(&latin_of(&n.text, lang))
        };
        if hint == PartyHint::Organization
            && is_conjunction_letter(&t.latin)
            && !r.dotted
            && i > 0
            && !raw[i - 1].hyphen_next
            && !r.hyphen_next
            && raw.get(i + 1).is_some_and(plain_word)
            && plain_word(&raw[i - 1])
        {
            t.class = TokenClass::Stopword;
            t.add_variant("@and".to_string());
        }
        // The division and industry words of a Chinese company name say what kind of company
        // it is and where, not which: as light as the stopwords of a Latin name, and carrying
        // the concept key of their English gloss (电子 = electronics).
        if let Some(w) = han_word.filter(|w| w.kind != han::Kind::Legal) {
            t.class = TokenClass::Stopword;
            t.variants.extend(w.concept.iter().cloned());
        }
        tokens.push(t);
        upper.push(r.upper && any_lower);
        i += 1;
    }
    let mut has_legal = tokens
        .iter()
        .any(|t| matches!(t.class, TokenClass::LegalForm(_)));
    if orgish {
        has_legal |= collapse_legal_forms(&mut tokens, &mut upper);
    }
    // A name of unknown kind only with a legal form: `Nii` is also a Ga given name.
    if hint == PartyHint::Organization || (orgish && has_legal) {
        expand_abbreviations(&mut tokens, &mut upper, cyrillic_name);
    }
    // Titles: persons anywhere, unknown parties only as leading words.
    let mut leading = true;
    for t in tokens.iter_mut() {
        if t.class != TokenClass::Name {
            leading = false;
            continue;
        }
        let title_ok = match hint {
            PartyHint::Person => true,
            PartyHint::Unknown => leading && !has_legal,
            PartyHint::Organization => false,
        };
        if title_ok && lex.titles.contains(&t.latin) {
            t.class = TokenClass::Title;
            continue;
        }
        leading = false;
        if lex.particles.contains(&t.latin) {
            t.class = TokenClass::Particle;
        } else if orgish && lex.stopwords.contains(&t.latin) {
            t.class = TokenClass::Stopword;
        } else if t.text.chars().count() == 1
            && t.latin.len() == 1
            && t.text.chars().all(char::is_alphabetic)
            && !is_syllable_token(&t.text)
        {
            t.class = TokenClass::Initial;
        }
    }
    // A particle links the word after it (bin Laden, van Gogh): the last word of a name,
    // after another, has nothing to link and is a name (XU, Bin is Xu Bin, 徐斌; NGUYEN,
    // Van), which a particle's low weight would all but ignore. Not the particle of a
    // compound split apart (Abdul = abd-ul).
    if let [.., before, last] = tokens.as_mut_slice() {
        if last.class == TokenClass::Particle
            && before.class != TokenClass::Particle
            && !before.hyphen_next
        {
            last.class = TokenClass::Name;
        }
    }
    if hint != PartyHint::Organization && !has_legal {
        assign_roles(&mut tokens, &upper);
        assign_korean_roles(&mut tokens);
    }
    if hint != PartyHint::Person {
        add_loanword_variants(&mut tokens);
        add_cognate_variants(&mut tokens);
    }
    add_concept_variants(&mut tokens, hint);
    if hint != PartyHint::Person {
        add_dedication_variants(&mut tokens);
    }
    if hint != PartyHint::Organization {
        add_belarusian_surname_variants(&mut tokens);
    }
    if lang == Lang::Belarusian {
        add_russian_reading_variants(&mut tokens, hint);
    }
    AnalyzedName {
        original: name.to_string(),
        script: detect_script(name),
        tokens,
        party: hint,
    }
}

/// The number of an English ordinal written in digits (`50th`, `3rd`, `21st`): one
/// publication of a name writes `Plant of the 50th Anniversary`, another `Plant of 50 Years`
/// or the Russian `50-летия`, where the number stands alone. The suffix says nothing the
/// number does not.
fn ordinal_number(latin: &str) -> Option<&str> {
    let digits = latin.trim_end_matches(|c: char| c.is_ascii_lowercase());
    let suffix = &latin[digits.len()..];
    (!digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(suffix, "st" | "nd" | "rd" | "th"))
    .then_some(digits)
}

/// The one-letter words that mean "and" in the lists' languages (Russian, Ukrainian and
/// the other Slavic languages и/i, Spanish y, Portuguese and Italian e), on their
/// canonical Latin.
fn is_conjunction_letter(latin: &str) -> bool {
    matches!(latin, "i" | "y" | "e")
}

/// Words of the Belarusian legal forms (ISO 20275 ELF code list, Belarus: ТАА, ААТ, ЗАТ,
/// таварыства), which only a Belarusian name contains: they tell the language of a name that
/// has none of the letters Belarusian alone writes (`ТАА Рухсерваматор`).
const BELARUSIAN_FORM_WORDS: [&str; 4] = ["таа", "аат", "зат", "таварыства"];

/// At most this many letters а of a Belarusian word are read back as о (2^n readings).
const AKANYE_MAX: usize = 3;

/// A Belarusian name in Cyrillic gets the phonetic keys of its Russian reading as variants,
/// because lists give the Russian form of the same name or word (Марозаў = Морозов, Аршанскі
/// = Оршанский, Алег = Олег). The Belarusian spelling differs from the Russian one by regular
/// correspondences of the two orthographies (Belarusian orthography rules of 2008, §§ on
/// аканне, ў, дзеканне/цеканне; any Belarusian grammar):
/// * ў (non-syllabic u) stands for в (Марозаў, Морозов);
/// * і is и, э is е (Парытэт, Паритет);
/// * дз and ц before a soft vowel or ь are д and т (Уладзімір, Владимир; Цітоў, Титов);
/// * аканне: an unstressed о is written а (Марозаў, Морозов), and the stress is not written,
///   so each of the first [`AKANYE_MAX`] letters а is read as а and as о;
/// * г is read g as in Russian (the canonical Belarusian reading is h).
///
/// In a name that is an organisation's, a place adjective's readings also give their place
/// (Аршанскі, Оршанский: Orsha), as [`place_adjective_bases`] does for Russian.
fn add_russian_reading_variants(tokens: &mut [NameToken], hint: PartyHint) {
    for t in tokens.iter_mut() {
        if !matches!(t.class, TokenClass::Name | TokenClass::Stopword)
            || !t.text.chars().any(|c| matches!(c, '\u{0400}'..='\u{04FF}'))
        {
            continue;
        }
        let chars: Vec<char> = t.text.chars().collect();
        let soft = |c: Option<&char>| matches!(c, Some('і' | 'е' | 'ё' | 'ю' | 'я' | 'ь'));
        let mut russian: Vec<char> = Vec::with_capacity(chars.len());
        let mut k = 0;
        while k < chars.len() {
            let c = chars[k];
            match c {
                'д' if chars.get(k + 1) == Some(&'з') && soft(chars.get(k + 2)) => {
                    russian.push('д');
                    k += 2;
                    continue;
                }
                'ц' if soft(chars.get(k + 1)) => russian.push('т'),
                'ў' => russian.push('в'),
                'і' => russian.push('и'),
                'э' => russian.push('е'),
                other => russian.push(other),
            }
            k += 1;
        }
        for word in akanye_readings(&russian, 'а', 'о') {
            let text: String = word.into_iter().collect();
            let latin = latin_of(&text, Lang::Russian);
            t.add_variant(phonetic_key(&latin));
            if hint == PartyHint::Organization && t.class == TokenClass::Name {
                for base in place_adjective_bases(&latin) {
                    let key = phonetic_key(&base);
                    if key.len() >= 4 {
                        t.add_variant(key);
                    }
                }
            }
        }
    }
}

/// A Belarusian word under аканне: its first [`AKANYE_MAX`] letters `a` each read as
/// written and as `o` (an unstressed о is written а, and the stress is not written), every
/// combination, the word as written first.
fn akanye_readings<T: Copy + PartialEq>(word: &[T], a: T, o: T) -> Vec<Vec<T>> {
    let a_at: Vec<usize> = (0..word.len())
        .filter(|&k| word[k] == a)
        .take(AKANYE_MAX)
        .collect();
    (0..1usize << a_at.len())
        .map(|mask| {
            let mut reading = word.to_vec();
            for (bit, &k) in a_at.iter().enumerate() {
                if mask & (1 << bit) != 0 {
                    reading[k] = o;
                }
            }
            reading
        })
        .collect()
}

/// Belarusian surnames end in -аў/-оў/-еў where Russian ones end in -ов/-ев (Жукаў,
/// Жуков); Latin renderings write ў as `u` (BGN/PCGN 1979 and the 2007 national system:
/// `Zhukau`, `Karpou`), two letters from the Russian `-ov`, too far for the edit path on a
/// short name. Such a token gets the phonetic key of its `-ov`/`-ev` form as a variant, in a
/// name that is East Slavic by another token (a patronymic, or a given name of
/// `data/given_names.tsv`, not the Arabic and Persian classes): West African names end in -ou too (Amadou, Saidou) and are not
/// Saidov. French `-eau` (Moreau) is not this ending.
fn add_belarusian_surname_variants(tokens: &mut [NameToken]) {
    let lex = lexicon();
    let east_slavic = tokens.iter().any(|t| {
        t.role == TokenRole::Patronymic
            || t.variants
                .iter()
                .any(|v| lex.east_slavic_classes.contains(v))
    });
    if !east_slavic {
        return;
    }
    for t in tokens.iter_mut() {
        if t.class != TokenClass::Name || !t.latin.is_ascii() || t.latin.len() < 5 {
            continue;
        }
        let russian = if let Some(stem) = t.latin.strip_suffix("eu") {
            format!("{stem}ev")
        } else if let Some(stem) = t
            .latin
            .strip_suffix("au")
            .or_else(|| t.latin.strip_suffix("ou"))
        {
            if stem.ends_with('e') {
                continue;
            }
            format!("{stem}ov")
        } else {
            continue;
        };
        // The stem is Belarusian too: дз for д before a soft vowel (Radzkou, Radkov) and
        // akanye а for an unstressed о (Marozau, Morozov), as in
        // [`add_russian_reading_variants`].
        let mut forms = vec![russian.clone()];
        if russian.contains("dz") {
            forms.push(russian.replace("dz", "d"));
        }
        for form in forms {
            for word in akanye_readings(form.as_bytes(), b'a', b'o') {
                t.add_variant(phonetic_key(&String::from_utf8_lossy(&word)));
            }
        }
    }
}

/// Russian renderings of English business words (`lizing` = leasing, see
/// `data/loanwords_ru_en.tsv`) get the English word's phonetic key as a variant.
fn add_loanword_variants(tokens: &mut [NameToken]) {
    for t in tokens.iter_mut() {
        if !matches!(t.class, TokenClass::Name | TokenClass::Stopword) {
            continue;
        }
        if let Some(k) = phonetic::loanword_key(&t.latin) {
            t.add_variant(k.to_string());
        }
    }
}

/// The person an organisation is named after is in the genitive after Russian and Ukrainian
/// имени / им. / імені (`завод имени Лебедева`, `institut im. P.P. Shirshova`), in the
/// nominative in the English name (`Lebedev Institute`, `named after Lebedev`). The first
/// two name words of the dedication get the phonetic keys of their nominative forms as
/// variants, by the regular masculine genitive endings of Russian and Ukrainian nouns and
/// surnames (Wiktionary, "Russian nouns" and "Russian adjectives" declension tables;
/// Розенталь, Справочник по правописанию, §§ on surnames in -ов/-ин/-ский):
/// consonant + а (Лебедева → Лебедев, Гагарина → Гагарин), vowel + я (Алексея → Алексей),
/// consonant + я (Игоря → Игорь), -ого/-его (Дзержинского → Дзержинский).
fn add_dedication_variants(tokens: &mut [NameToken]) {
    let Some(marker) = tokens.iter().position(|t| {
        t.class == TokenClass::Stopword && matches!(t.latin.as_str(), "imeni" | "im")
    }) else {
        return;
    };
    let words = tokens[marker + 1..]
        .iter_mut()
        .filter(|t| t.class != TokenClass::Initial)
        .take(2);
    for t in words.filter(|t| t.class == TokenClass::Name) {
        for base in genitive_nominatives(&t.latin) {
            t.add_variant(phonetic_key(&base));
        }
    }
}

/// The nominative forms a masculine Russian genitive (canonical Latin) may stand for; none
/// when the word has no genitive ending or the stem would be shorter than three letters.
fn genitive_nominatives(latin: &str) -> Vec<String> {
    let ends_in_vowel = |stem: &str| stem.bytes().last().is_some_and(phonetic::is_vowel_or_y);
    let mut out = Vec::new();
    for (ending, replacements) in [("ogo", &["iy", "oy"][..]), ("ego", &["iy"][..])] {
        if let Some(stem) = latin.strip_suffix(ending).filter(|s| s.len() >= 3) {
            out.extend(replacements.iter().map(|r| format!("{stem}{r}")));
            return out;
        }
    }
    if let Some(stem) = latin.strip_suffix("ya").filter(|s| s.len() >= 3) {
        // Алексея → Алексей (the й is written y), Игоря → Игорь.
        if ends_in_vowel(stem) {
            out.push(format!("{stem}y"));
        } else {
            out.push(stem.to_string());
        }
        return out;
    }
    if let Some(stem) = latin.strip_suffix('a').filter(|s| s.len() >= 3) {
        if !ends_in_vowel(stem) {
            out.push(stem.to_string());
        }
    }
    out
}

/// International words of an organisation name (`data/cognates.tsv`) get their cognate key
/// as a variant, so one word in two languages' spelling and inflection meets itself
/// (`okeanologii` = oceanology, `profesyoneller` = professionals).
fn add_cognate_variants(tokens: &mut [NameToken]) {
    for t in tokens.iter_mut() {
        if !matches!(t.class, TokenClass::Name | TokenClass::Stopword) {
            continue;
        }
        for k in cognate::cognate_keys(&t.latin) {
            t.add_variant(k);
        }
    }
}

/// Organisation words (`data/org_terms.tsv`, names that may be organisations) and East Slavic
/// given names (`data/given_names.tsv`, names that may be persons) get their concept key as an
/// extra variant, so a translated word (завод, plant) or another language's form of a given
/// name (Uladzimir, Vladimir) meets its counterpart.
fn add_concept_variants(tokens: &mut [NameToken], hint: PartyHint) {
    let lex = lexicon();
    for t in tokens.iter_mut() {
        if !matches!(t.class, TokenClass::Name | TokenClass::Stopword) {
            continue;
        }
        // English inflection of a Latin organisation word (lotteries, lottery; technological,
        // technology): the base forms' keys are variants, and a base form's concept key stands
        // for the word's when the word itself has none (charities -> charity -> @charitable).
        let english_bases = if hint != PartyHint::Person && t.text.is_ascii() {
            english_base_forms(&t.latin)
        } else {
            Vec::new()
        };
        let key = if hint != PartyHint::Person {
            lex.concept(&t.latin)
                .or_else(|| english_bases.iter().find_map(|b| lex.concept(b)))
        } else {
            None
        };
        for base in &english_bases {
            t.add_variant(phonetic_key(base));
        }
        let mut key = key.map(str::to_string);
        if key.is_none() && hint != PartyHint::Organization {
            let class_key = lexicon::given_class_key(&t.latin, &t.phonetic);
            key = lex
                .heads
                .contains(&lexicon::head3(&class_key))
                .then(|| lex.given_classes.get(&class_key).cloned())
                .flatten()
                .filter(|k| spells_given_class(t, k))
                .or_else(|| patronymic_class(&t.latin));
        }
        if key.is_none() && hint == PartyHint::Organization && t.class == TokenClass::Name {
            let russian_bases = place_adjective_bases(&t.latin)
                .into_iter()
                .chain(ical_adjective_bases(&t.latin));
            for base in russian_bases {
                let k = phonetic_key(&base);
                if k.len() >= 4 {
                    t.add_variant(k);
                }
            }
        }
        if let Some(k) = key {
            t.add_variant(k);
        }
        if hint != PartyHint::Organization && t.class == TokenClass::Name {
            if let Some(k) = patronymic_stem_key(&t.latin) {
                t.add_variant(k);
            }
        }
    }
    // A concept English writes as two words (machine building, instrument making) and
    // Russian as one (машиностроительный): both words get the key marked as a part
    // (`@machinebuilding+`), and the scorer's joined path pairs them with the one word.
    if hint != PartyHint::Person {
        for i in 1..tokens.len() {
            let (head, tail) = tokens.split_at_mut(i);
            let (a, b) = (&mut head[i - 1], &mut tail[0]);
            if !matches!(a.class, TokenClass::Name | TokenClass::Stopword)
                || !matches!(b.class, TokenClass::Name | TokenClass::Stopword)
            {
                continue;
            }
            // Whole entries only: a stem would read `institute of` as a form of институт.
            let joined = format!("{}{}", a.latin, b.latin);
            if let Some(k) = lex.concept_words.get(&joined) {
                // Marked `+` (a part, not the concept): `machine` alone is not машиностроительный.
                let part = format!("{k}+");
                for t in [a, b] {
                    t.add_variant(part.clone());
                }
            }
        }
    }
}

/// Whether a token may carry the given-name class key `key` (`@g:muhammad`) its phonetic key
/// found. The classes list Latin spellings, abbreviations among them (Mohd for Muhammad); a
/// token written in an abjad is read without its short vowels, so its transliteration can
/// coincide with such a spelling while the script writes other consonants (موحد Movahed,
/// read `muhd`, is not Mohd). The script writes every consonant of a name: an abjad token
/// is of the class only if one of its consonant keys is that of the class's name.
fn spells_given_class(t: &NameToken, key: &str) -> bool {
    if !is_abjad(&t.text) {
        return true;
    }
    let Some(name) = key.strip_prefix("@g:") else {
        return true;
    };
    let (class, _) = translit::consonant_classes(name, name);
    t.consonant_keys().any(|k| k == class)
}

/// Shortest English word (in letters) whose inflection is undone by [`english_base_forms`]:
/// shorter words (Davies, Torres) are surnames more often than vocabulary, and their base
/// form's phonetic key, looser than an edit, would let them meet other names.
const ENGLISH_BASE_MIN: usize = 7;

/// The base forms an English organisation word is inflected or derived from, by the regular
/// suffix rules of English morphology (any English grammar, e.g. Quirk et al., *A
/// Comprehensive Grammar of the English Language*, § 5.83 on regular plurals and appendix I
/// on -al/-ic/-ical derivation):
/// * plurals in -ies -> -y (lotteries, lottery) and in -es after a sibilant (businesses,
///   business; branches, branch); a plain -s is one edit, which the scorer already allows;
/// * adjectives in -ical / -ic / -ial from nouns in -y and -ic (technological, technology;
///   optical, optic; economic, economy; industrial, industry), and -ional from the noun in
///   -ion (regional, region; national, nation);
/// * adjectives of country in -ian / -ean from the country's name (Iranian, Iran; Austrian,
///   Austria; Korean, Korea).
///
/// The two forms of one word differ by more letters than the edit allowance (lotteries and
/// lottery are three edits apart), so the phonetic keys of these bases are given as variants
/// and both forms meet on them. Organisation names only (a personal name is not inflected).
fn english_base_forms(latin: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if latin.len() < ENGLISH_BASE_MIN || !latin.bytes().all(|b| b.is_ascii_lowercase()) {
        return out;
    }
    let mut push = |s: String| {
        if s.len() >= 4 && s != latin && !out.contains(&s) {
            out.push(s);
        }
    };
    if let Some(stem) = latin.strip_suffix("ies") {
        push(format!("{stem}y"));
    } else if let Some(stem) = latin
        .strip_suffix("es")
        .filter(|s| s.ends_with("ss") || s.ends_with("ch") || s.ends_with("sh") || s.ends_with('x'))
    {
        push(stem.to_string());
    }
    if let Some(stem) = latin.strip_suffix("ical") {
        push(format!("{stem}ic"));
        push(format!("{stem}y"));
    } else if let Some(stem) = latin.strip_suffix("ic") {
        push(format!("{stem}y"));
    } else if let Some(stem) = latin.strip_suffix("ial") {
        push(format!("{stem}y"));
    } else if let Some(stem) = latin.strip_suffix("al").filter(|s| s.ends_with("ion")) {
        push(stem.to_string());
    } else if let Some(stem) = latin.strip_suffix("ian") {
        push(stem.to_string());
        push(format!("{stem}ia"));
    } else if let Some(stem) = latin.strip_suffix("ean") {
        push(format!("{stem}ea"));
    }
    out
}

/// The English adjective a Russian or Ukrainian adjective in -ический/-ічний renders:
/// геологическая (geologicheskaya) -> geological, geologic; технічний -> technical. Russian
/// forms these adjectives from the same Greek and Latin stems as English -ic/-ical (any
/// Russian-English dictionary: химический chemical, электронный… электрический electric),
/// so the stem is kept and the ending swapped.
fn ical_adjective_bases(latin: &str) -> Vec<String> {
    const ENDINGS: [&str; 20] = [
        "icheskaya",
        "icheskaia",
        "icheskiy",
        "icheskii",
        "ichesky",
        "icheskoe",
        "icheskoye",
        "icheskogo",
        "icheskoy",
        "icheskoi",
        "icheskikh",
        "icheskie",
        "icheskiye",
        "ichnyi",
        "ichnyy",
        "ichna",
        "ichne",
        "ichnoho",
        "ichnykh",
        "ichnoi",
    ];
    match ENDINGS.iter().find_map(|e| latin.strip_suffix(e)) {
        Some(stem) if stem.len() >= 3 => vec![format!("{stem}ical"), format!("{stem}ic")],
        _ => Vec::new(),
    }
}

/// The place a Russian/Ukrainian relational adjective is formed from, as an organisation's
/// name writes it in English: Ковровский (kovrovskiy) -> Kovrov, Челябинский -> Chelyabinsk,
/// Марийский -> Mari. Gives the stem with and without `sk` (and without a final y/i).
fn place_adjective_bases(latin: &str) -> Vec<String> {
    // Russian and Ukrainian endings, and (in a Russian reading) Belarusian -скі.
    const ENDINGS: [&str; 15] = [
        "skiy", "skii", "skyi", "sky", "skaya", "skaia", "skoe", "skoye", "skogo", "skoy", "skoi",
        "skikh", "skie", "skiye", "ski",
    ];
    let Some(stem) = ENDINGS.iter().find_map(|e| latin.strip_suffix(e)) else {
        return Vec::new();
    };
    if stem.len() < 2 {
        return Vec::new();
    }
    // Омский -> Omsk: a two-letter stem gives only the form with `sk`.
    let mut out = vec![format!("{stem}sk")];
    if stem.len() < 3 {
        return out;
    }
    out.push(stem.to_string());
    // Миасский -> Miass, Улан-Удэнский -> Ude: the place's own final s or the -n- of -нский.
    if stem.ends_with('s') {
        out.push(format!("{stem}s"));
    }
    if let Some(s) = stem.strip_suffix('n').filter(|s| s.len() >= 2) {
        out.push(s.to_string());
    }
    if let Some(s) = stem.strip_suffix(['y', 'i']).filter(|s| s.len() >= 3) {
        out.push(s.to_string());
    }
    // Чукотский -> Чукотка, Камчатский -> Камчатка: a place in -ка drops it before -ский.
    if stem.ends_with(|c: char| !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')) {
        out.push(format!("{stem}ka"));
    }
    // A place in -а after two consonants takes a fleeting vowel о/е between them before
    // -ский (Вологда -> вологодский, Москва -> московский, Коломна -> коломенский), and г
    // alternates with ж (Калуга -> калужский, Рига -> рижский); Русская грамматика (АН СССР,
    // 1980), the fleeting vowels and the г/ж alternation of adjective formation.
    let b = stem.as_bytes();
    if let [.., c1, v, c2] = b {
        if stem.len() >= 5
            && !phonetic::is_vowel_or_y(*c1)
            && matches!(v, b'o' | b'e')
            && !phonetic::is_vowel_or_y(*c2)
        {
            let head = &stem[..stem.len() - 2];
            out.push(format!("{head}{}a", char::from(*c2)));
        }
    }
    if let Some(head) = stem.strip_suffix("zh").filter(|h| h.len() >= 3) {
        out.push(format!("{head}ga"));
    }
    out
}

/// Patronymic suffixes (Latin skeletons) whose stem is the father's name as written: East
/// Slavic (-ovich, -evna, Ukrainian -ovych, -ivna, Belarusian -auna), Kazakh -uly/-kyzy (ұлы,
/// қызы), Kyrgyz -uulu/-kyzy (уулу), Uzbek -ugli/-qizi (ўғли, o'g'li), Azerbaijani -ogly/-oglu
/// (оглы); see `data/name_suffixes.tsv` for their sources. Longest first.
const PATRONYMIC_SUFFIXES: [&str; 21] = [
    "ievich", "yevich", "ovitch", "evitch", "ovich", "evich", "avich", "ovych", "evych", "ovna",
    "evna", "ivna", "auna", "euna", "uulu", "kyzy", "kizi", "qizi", "ugli", "ogli", "ogly",
];

/// A key shared by the patronymics of one father's name across the East Slavic and Turkic
/// suffixes (`@s:` + the stem's phonetic key): a Kazakh deputy's Ойратұлы is published in
/// Russian form as Oyratovich. Fathers' names outside `data/given_names.tsv` (most Turkic and
/// Arabic ones) have no class key (see [`patronymic_class`]); this key covers them without one.
/// Short Turkic suffixes (-uly, -uli, -oglu) are tried after the longer ones; the stem must
/// keep 3+ letters.
fn patronymic_stem_key(latin: &str) -> Option<String> {
    PATRONYMIC_SUFFIXES
        .iter()
        .chain(["uly", "uli", "oglu"].iter())
        .filter_map(|s| latin.strip_suffix(s))
        .find(|stem| stem.len() >= 3)
        .map(|stem| format!("@s:{}", phonetic_key(stem)))
}

/// The class key (`@p:sergey`) of an East Slavic patronymic whose father's name is in
/// `data/given_names.tsv`: Sergeevich, Serhiyovych and Siarheevich all come from one class.
///
/// Belarusian patronymics (national romanisation 2007, BGN/PCGN 1979) are formed from the
/// Belarusian name, whose final ў (Latin `u`) is в before the suffix (Святаслаў ->
/// Святаслававна, `Sviataslavauna`) and whose final й is spelt by the iotated vowel of the
/// suffix (Сяргей -> Сяргееўна, `Siarhieeuna`): the stem is also tried with `v` read as `u`
/// and with the `j` restored.
fn patronymic_class(latin: &str) -> Option<String> {
    const SUFFIXES: [&str; 13] = [
        "ievich", "yevich", "ovych", "ovich", "evich", "avich", "evych", "ovna", "evna", "ivna",
        "auna", "euna", "aviche",
    ];
    let lex = lexicon();
    let class_of = |stem: &str| {
        lex.heads
            .contains(&lexicon::head3(stem))
            .then(|| lex.patronymic_stems.get(stem))
            .flatten()
            .cloned()
    };
    SUFFIXES
        .iter()
        .filter_map(|s| latin.strip_suffix(s))
        .find_map(|stem| {
            class_of(stem)
                .or_else(|| {
                    let u = stem.strip_suffix('v')?;
                    class_of(&format!("{u}u"))
                })
                .or_else(|| {
                    stem.ends_with(['e', 'a', 'i'])
                        .then(|| class_of(&format!("{stem}j")))
                        .flatten()
                })
        })
}

/// Russian organisation-type abbreviations (НИИ, ОКБ, НПО, УК; `data/ru_abbreviations.tsv`)
/// written out as the words they abbreviate, so that `АО НИИ «Вектор»` meets `Joint Stock
/// Company Scientific Research Institute Vektor` and `Научно-исследовательский институт
/// Вектор` word by word: the words carry their concept keys (`data/org_terms.tsv`) and
/// romanisations. In a name written in Latin the words are written as their skeletons. A
/// two-letter abbreviation is read only as the first word (legal forms aside) of a
/// Russian-language name: written in Cyrillic, or with a legal form the table writes in
/// Cyrillic (`UK RFPI, OOO`, not `GKR UK OOO` or `PCC (UK) LTD`). Called for organisations'
/// names, and for names of unknown kind that have a legal form.
fn expand_abbreviations(tokens: &mut Vec<NameToken>, upper: &mut Vec<bool>, cyrillic_name: bool) {
    let lex = lexicon();
    if lex.abbreviations.is_empty() {
        return;
    }
    let russian = cyrillic_name
        || tokens.iter().any(|t| {
            matches!(t.class, TokenClass::LegalForm(_)) && lex.cyrillic_forms.contains(&t.latin)
        });
    // The first word that is not a legal form: where Russian names put the kind of
    // organisation (`УК «РФПИ»`, `АО ПО «Уралэнергомонтаж»`).
    let lead = tokens
        .iter()
        .position(|t| !matches!(t.class, TokenClass::LegalForm(_)));
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let short_ok = russian && lead == Some(i);
        let words = (t.class == TokenClass::Name
            && t.latin.len() <= lex.abbreviation_len
            && (short_ok || t.latin.len() > 2))
            .then(|| lex.abbreviations.get(&t.latin))
            .flatten();
        let Some(words) = words else {
            i += 1;
            continue;
        };
        let latin_script = t.text.is_ascii();
        let last_hyphen = t.hyphen_next;
        let n = words.len();
        let expanded: Vec<NameToken> = words
            .iter()
            .enumerate()
            .map(|(k, w)| {
                let text = if latin_script { &w.latin } else { &w.text };
                let hyphen = if k + 1 == n {
                    last_hyphen
                } else {
                    w.hyphen_next
                };
                let mut e = make_token(text.clone(), w.latin.clone(), hyphen);
                // Words, not initials: never read as an acronym.
                e.has_lower = true;
                // They say what kind of organisation it is, not which (`OKB Sukhoi` is not
                // `OKB Yakovlev`): as light as the generic words of `data/stopwords.txt`.
                e.class = TokenClass::Stopword;
                e
            })
            .collect();
        tokens.splice(i..=i, expanded);
        upper.splice(i..=i, std::iter::repeat_n(false, n));
        i += n;
    }
}

/// Collapses multi-word legal forms into one token and classes one-word forms; returns
/// whether any legal form was found.
fn collapse_legal_forms(tokens: &mut Vec<NameToken>, upper: &mut Vec<bool>) -> bool {
    let lex = lexicon();
    let mut found = false;
    // A dotted form already read as one legal form (`S.A.`, `C.V.`) keeps its own key here, so
    // that it can still start or continue a longer form (`S.A. de C.V.`, `S.A.L. Offshore`).
    let form_key = |t: &NameToken| match t.class {
        TokenClass::LegalForm(_) => phonetic_key(&t.latin),
        _ => t.phonetic.clone(),
    };
    let mut i = 0;
    while i < tokens.len() {
        let mut matched = None;
        if lex.legal_first.contains(&form_key(&tokens[i])) {
            let max = lex.legal_max.min(tokens.len() - i);
            let mut key = String::new();
            for len in (2..=max).rev() {
                key.clear();
                for (k, t) in tokens[i..i + len].iter().enumerate() {
                    if k > 0 {
                        key.push(' ');
                    }
                    key.push_str(&form_key(t));
                }
                if let Some(class) = lex.legal_multi.get(&key) {
                    matched = Some((len, class.clone()));
                    break;
                }
            }
            if matched.is_none() {
                let end = (i + lex.legal_max).min(tokens.len());
                let keys: Vec<String> = tokens[i..end].iter().map(form_key).collect();
                let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
                matched = lexicon::fuzzy_form_len(lex, &keys).map(|(n, c)| (n, c.to_string()));
            }
        }
        if let Some((len, class)) = matched {
            let parts: Vec<NameToken> = tokens.drain(i..i + len).collect();
            upper.drain(i..i + len);
            let text = parts
                .iter()
                .map(|t| t.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let latin: String = parts.iter().map(|t| t.latin.as_str()).collect();
            let hyphen = parts.last().is_some_and(|t| t.hyphen_next);
            let mut t = make_token(text, latin, hyphen);
            set_legal(&mut t, &class);
            tokens.insert(i, t);
            upper.insert(i, false);
            found = true;
        } else if matches!(tokens[i].class, TokenClass::LegalForm(_)) {
            found = true;
        } else if let Some(class) =
            lex.legal_one_word(&tokens[i].latin, i > 0 && i + 1 == tokens.len())
        {
            set_legal(&mut tokens[i], class);
            found = true;
        }
        i += 1;
    }
    found
}

/// Makes a token a legal form of `class`: its keys become the class (see [`NameToken::phonetic`]).
fn set_legal(t: &mut NameToken, class: &str) {
    t.class = TokenClass::LegalForm(class.to_string());
    t.phonetic = class.to_string();
    t.consonants = class.to_string();
    t.consonant_variants.clear();
    t.variants.clear();
}

/// Role heuristics; see [`analyze`].
fn assign_roles(tokens: &mut [NameToken], upper: &[bool]) {
    let lex = lexicon();
    let idx: Vec<usize> = (0..tokens.len())
        .filter(|&i| tokens[i].class == TokenClass::Name)
        .collect();
    if idx.len() < 2 {
        return;
    }
    let n = idx.len();
    let mut weak_family: Vec<usize> = Vec::new();
    for (pos, &i) in idx.iter().enumerate() {
        match lex.suffix_role(&tokens[i].latin) {
            Some((TokenRole::Patronymic, Strength::Strong)) => {
                tokens[i].role = TokenRole::Patronymic
            }
            Some((TokenRole::Patronymic, Strength::Weak)) if n >= 3 && pos == 1 => {
                tokens[i].role = TokenRole::Patronymic
            }
            Some((TokenRole::Family, Strength::Strong)) => tokens[i].role = TokenRole::Family,
            Some((TokenRole::Family, Strength::Weak)) if pos == 0 || pos == n - 1 => {
                weak_family.push(i)
            }
            _ => {}
        }
    }
    // A patronymic formed on a compound name is written with a hyphen
    // (Magomed-Salamovich, Abdul-Kerimovich): the parts before the suffixed
    // one belong to the patronymic too, not to the given names.
    for w in (0..n.saturating_sub(1)).rev() {
        let (i, next) = (idx[w], idx[w + 1]);
        if next == i + 1 && tokens[i].hyphen_next && tokens[next].role == TokenRole::Patronymic {
            tokens[i].role = TokenRole::Patronymic;
        }
    }
    // Capitals mark the surname when the name mixes cases.
    let caps: Vec<usize> = idx
        .iter()
        .copied()
        .filter(|&i| upper.get(i).copied().unwrap_or(false))
        .collect();
    if !caps.is_empty() && caps.len() < n {
        for &i in &idx {
            if caps.contains(&i) {
                if tokens[i].role != TokenRole::Patronymic {
                    tokens[i].role = TokenRole::Family;
                }
            } else if tokens[i].role == TokenRole::Family {
                // The capitals outrank a suffix guess (Given names end in -ova too rarely, but
                // a capitalised surname is explicit).
                tokens[i].role = TokenRole::Unknown;
            }
        }
    }
    let has_family = |t: &[NameToken]| idx.iter().any(|&i| t[i].role == TokenRole::Family);
    if !has_family(tokens) {
        for &i in &weak_family {
            tokens[i].role = TokenRole::Family;
        }
    }
    let patronymics: Vec<usize> = (0..n)
        .filter(|&p| tokens[idx[p]].role == TokenRole::Patronymic)
        .collect();
    // One patronymic (of one or more hyphenated parts) places the family
    // name: Given Patronymic Family, or Family Given Patronymic.
    let one_run = patronymics.windows(2).all(|w| w[1] == w[0] + 1);
    if let (false, true, Some(&first), Some(&last)) = (
        has_family(tokens),
        one_run,
        patronymics.first(),
        patronymics.last(),
    ) {
        let others = n - (last - first + 1);
        if others >= 2 && last == n - 1 {
            tokens[idx[0]].role = TokenRole::Family;
        } else if others == 2 && first == 1 {
            tokens[idx[n - 1]].role = TokenRole::Family;
        }
    }
    for &p in &patronymics {
        if p > 0 && tokens[idx[p - 1]].role == TokenRole::Unknown {
            tokens[idx[p - 1]].role = TokenRole::Given;
        }
    }
    let fam: Vec<usize> = (0..n)
        .filter(|&p| tokens[idx[p]].role == TokenRole::Family)
        .collect();
    if let (Some(&first), Some(&last)) = (fam.first(), fam.last()) {
        if first == 0 || last == n - 1 {
            for &i in &idx {
                if tokens[i].role == TokenRole::Unknown {
                    tokens[i].role = TokenRole::Given;
                }
            }
        }
    }
}

/// A Korean name written in Hangul, two or three syllables (김정은, 이영호): the first
/// syllable is the family name, the others the given name. (Four syllables may be a
/// two-syllable family name, 남궁민수, or a one-syllable one: left unknown.)
fn assign_korean_roles(tokens: &mut [NameToken]) {
    let syllable = |t: &NameToken| {
        t.class == TokenClass::Name && is_hangul_token(&t.text) && t.text.chars().count() == 1
    };
    if (2..=3).contains(&tokens.len()) && tokens.iter().all(syllable) {
        for (k, t) in tokens.iter_mut().enumerate() {
            t.role = if k == 0 {
                TokenRole::Family
            } else {
                TokenRole::Given
            };
        }
    }
}

/// Whether the skeleton `longer` is the skeleton `shorter` plus a family-name
/// or patronymic suffix of `data/name_suffixes.tsv` (`muhammadov` =
/// `muhammad` + `ov`, `abdullaev` = `abdulla` + `ev`): a surname formed on a
/// given name, hence another name than that given name, however few letters
/// it adds. A scorer must not read the suffix as a typo.
pub fn is_derived_name(longer: &str, shorter: &str) -> bool {
    if longer.len() <= shorter.len() || !longer.starts_with(shorter) || shorter.len() < 3 {
        return false;
    }
    let added = longer.len() - shorter.len();
    lexicon().suffixes_of(longer).any(|s| {
        s.role != TokenRole::Given && s.strength == Strength::Strong && s.suffix.len() == added
    })
}

/// Whether two skeletons are the masculine and feminine forms of one
/// East Slavic or Turkic surname (`osipov` ~ `osipova`, `ivanin` ~
/// `ivanina`): the feminine is the masculine plus `a`, both endings family
/// suffixes of `data/name_suffixes.tsv`. They name different people (a man
/// and his wife, sister or daughter), so a scorer must not read the `a` as
/// a typo.
pub fn is_other_gender_form(a: &str, b: &str) -> bool {
    let (long, short) = if a.len() > b.len() { (a, b) } else { (b, a) };
    if long.len() != short.len() + 1 || !long.starts_with(short) || !long.ends_with('a') {
        return false;
    }
    let lex = lexicon();
    // The masculine ending itself must be a family suffix whose `a` form
    // is one too (ov/ova, ev/eva, in/ina), not any word ending in a consonant.
    lex.suffixes_of(short)
        .any(|s| s.role == TokenRole::Family && short.len() >= s.suffix.len() + 3)
        && lex
            .suffix_role(long)
            .is_some_and(|(role, _)| role == TokenRole::Family)
}

/// The role a skeleton's own suffix tells, from the strong suffixes of
/// `data/name_suffixes.tsv` (`ivanovna`: patronymic, `ivanova`: family),
/// whatever its place in a name.
pub fn suffix_role(latin: &str) -> Option<TokenRole> {
    match lexicon().suffix_role(latin) {
        Some((role, Strength::Strong)) => Some(role),
        _ => None,
    }
}

/// The length of the longest family-name suffix of `data/name_suffixes.tsv`
/// that both skeletons end with (`enko` for `kashchenko` and `ishchenko`,
/// `ova` for `voronova` and `morozova`), if each keeps a stem of two or more
/// letters before it. Surnames that share a formant differ only in their
/// stems, and a scorer weighs their spelling difference against the stem:
/// two letters of nine are a typo, two letters of a five-letter stem are
/// another name.
pub fn shared_family_suffix(a: &str, b: &str) -> Option<usize> {
    lexicon()
        .suffixes_of(a)
        .filter(|s| {
            s.role == TokenRole::Family
                && b.ends_with(s.suffix.as_str())
                && a.len().min(b.len()) >= s.suffix.len() + 2
        })
        .map(|s| s.suffix.len())
        .max()
}

/// The Latin skeleton of one token (see [`NameToken::latin`]); the Cyrillic language is told
/// from the token alone. Empty if the token has no letter or digit.
pub fn skeleton(token: &str) -> String {
    let cleaned = normalize::clean(token);
    let text: String = cleaned
        .chars()
        .filter(|c| c.is_alphanumeric() || !c.is_ascii() && !c.is_whitespace())
        .collect();
    let mut s = String::new();
    translit::token_latin(&text, Lang::detect(&text), &mut s);
    s
}

/// The dominant script of a text as an ISO 15924 code (`Latn`, `Cyrl`, `Arab`, `Hani`, …):
/// the script of most of its letters; `Zyyy` (common) when it has none.
pub fn detect_script(text: &str) -> &'static str {
    use unicode_script::{Script, UnicodeScript};
    if text.is_ascii() {
        return if text.bytes().any(|b| b.is_ascii_alphabetic()) {
            "Latn"
        } else {
            "Zyyy"
        };
    }
    let mut counts: [(Script, usize); 8] = [(Script::Common, 0); 8];
    let mut used = 0;
    for c in text.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphabetic() {
                bump(&mut counts, &mut used, Script::Latin);
            }
            continue;
        }
        let s = c.script();
        if matches!(s, Script::Common | Script::Inherited | Script::Unknown) {
            continue;
        }
        bump(&mut counts, &mut used, s);
    }
    counts[..used]
        .iter()
        .max_by_key(|(_, n)| *n)
        .map_or("Zyyy", |(s, _)| s.short_name())
}

fn bump(
    counts: &mut [(unicode_script::Script, usize); 8],
    used: &mut usize,
    s: unicode_script::Script,
) {
    if let Some(e) = counts[..*used].iter_mut().find(|(x, _)| *x == s) {
        e.1 += 1;
    } else if *used < counts.len() {
        counts[*used] = (s, 1);
        *used += 1;
    }
}
