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
//!    pattern fāʿil = i, as in Ouali = Wali, Kadhim = Kazim, Nayef = Naif; in a name that may
//!    be an organisation's, the word read aloud as English, marked: Beeline `~bilain` =
//!    Билайн, see [`english_reading`]), and every token a
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
//! | `org_terms.tsv` | organisation words (Russian, Ukrainian, Belarusian, Kazakh, Uzbek, Arabic, Persian, English, Spanish, Portuguese, French, Italian, Romanian, German, Turkish) → concept variant key (`@plant`: завод = plant; two-word English concepts such as `machinebuilding` entered joined); every country and the territories and regions organisation names carry, one key across names, former names, adjectives and scripts (`@myanmar`: Myanmar, Burma, Myanma, Мьянма, бирманский) | Smirnitsky Russian-English, Hans Wehr Arabic-English, Aryanpur Persian-English dictionaries; Wiktionary translation tables; industries after UN ISIC Rev. 4; countries: UNGEGN / UNTERM country names, ISO 3166-1, Wikipedia's list of adjectival and demonymic forms |
//! | `ru_abbreviations.tsv` | Russian organisation-type abbreviations (НИИ, ЦНИИ, ОКБ, НПО, НПП, ПО, УК, АКБ, ФГБУ) → the words they abbreviate, written out by the analyser in organisation names | Словарь сокращений русского языка (Alekseev, Gozman, Sakharov, 1984); Russian Wiktionary entries |
//! | `function_words.txt` | articles, prepositions, conjunctions an acronym may skip ([`acronym`]) | general grammar of the lists' languages (see header) |
//! | `cognates.tsv` | international words of Latin and Greek origin across English, Russian, Turkish, French, Spanish, Italian, German: letter correspondences, inflections and derivational suffixes → a cognate key as a variant (`okeanologii` = oceanology) | Wiktionary suffix entries and translation tables; Krysin's dictionary of foreign words; TDK spelling rules (see header) |
//! | `ru_stumps.tsv` | stumps of Russian compound abbreviations of organisation names (рос, пром, нефте, спец, …) -> the Russian words and English equivalents they stand for, for [`stumps`] (Роснефть = Russian Oil) | Rosenthal, Справочник по правописанию и стилистике § 17; Русская грамматика (1980) §§ 412-416; Словарь сокращений русского языка (1984); Russian Wiktionary entries of the stumps |
//! | `loanwords_ru_en.tsv` | Russian renderings of English business words → the English word's phonetic key as a variant (`lizing` = leasing) | Russian dictionaries of foreign words / Wiktionary (see header) |
//! | `english_reading.tsv` | how English spelling is read aloud (digraphs, magic e, open syllables, soft c and g, -tion, -sion) → the readings of a Latin organisation word as a transcription into Russian, Persian or Arabic writes its sound, their phonetic keys marked variants (`beeline` read `bilain` = Билайн; see [`english_reading`]) | Ermolovich, *Англо-русская практическая транскрипция*; Gilyarevsky & Starostin, *Иностранные имена и названия в русском тексте* (1985); Wikipedia "English orthography", "English–Russian practical transcription" |
//! | `english_letter_names.tsv` | the English letters' names (u `yu`, s `es`, m `em`) → an acronym of two or three capitals spelt out (USM read `yuesem` = ЮЭСЭМ), a marked variant like the readings | Wikipedia "English alphabet" letter names; Russian Wikipedia "Английский алфавит" (their Cyrillic spellings); Ermolovich |
//! | `given_names.tsv` | East Slavic given-name forms → class variant key (`@g:vladimir`: Uladzimir = Volodymyr = Vladimir) | Wiktionary name entries |
//! | `given_names_arabic_persian.tsv` | given names of Arabic and Persian origin in the Latin spellings of the languages that use them → class variant key (`@g:yusuf`: Yussef = Yusif = Jusup = Yuusuf); a form belongs to one class | Wiktionary name entries and Wikipedia name articles; Turkish, Azerbaijani, Uzbek, Kazakh, Somali orthographies; BGN/PCGN for Russian and Tajik Cyrillic |
//! | `given_names_arabic_script.tsv` | the same names as Arabic script writes them → the class key, for tokens in Arabic script only (يوسف: `@g:yusuf`) | Arabic-script head words of the Wiktionary name entries; Persian spellings where they differ |
//! | `given_names_short.tsv` | everyday short forms of East Slavic given names (Sasha, Nadya, Zhenya) → the class keys of every full name each stands for (Sasha: `@g:aleksandr` and `@g:aleksandra`), looked up by Latin skeleton, not by phonetic key | Wiktionary name entries; Superanskaya, Словарь русских личных имён (1998) |
//! | `given_name_compounds.tsv` | endings of theophoric compound given names (-ullah, -ollah, -uddin, -eddine, -iddin, -ettin) → the first part as a compound head (`@c:gudrat` of Ghodratollah), which meets the first part written alone | Schimmel, *Islamic Names* (1989); Wikipedia "Arabic name", "Theophoric name"; Wiktionary |
//!
//! Kanji read through the Hanzi table (Mandarin readings), which is wrong for Japanese names;
//! scripts with no table (Thai, Devanagari, …) keep a hex skeleton so that a name still meets
//! itself.

#![warn(missing_docs)]

pub mod acronym;
mod arabic_latin;
mod cognate;
mod english;
mod forms;
mod han;
mod keys;
pub mod korean;
mod lexicon;
mod normalize;
pub mod phonetic;
mod pipeline;
mod roles;
mod script;
pub mod stumps;
mod tables;
mod translit;
mod variants;

use lexicon::lexicon;

pub use english::{english_reading, marked_reading, READING_MARK};
pub use keys::{
    arabic_article_join_parts, arabic_article_joins, consonant_runs, consonant_runs_into,
    consonant_vowels_agree, consonants_meet, is_arabic_article, is_latin_arabic_article,
    joined_consonants, joined_key, key_match, ConsonantRuns, KeyMatch, RunFrames, RunToken,
    VowelFrames,
};
pub use phonetic::{consonant_key, phonetic_key, phonetic_variants};
pub use pipeline::analyze;
pub use roles::{
    family_formant, is_derived_name, is_other_gender_form, shared_family_suffix, suffix_role,
};
pub use script::{
    detect_script, ends_on_arabic_vowel_letter, is_hangul_token, is_syllable_token, skeleton,
};
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
    /// good as a match on `phonetic`: index both, probe both. A key marked
    /// [`READING_MARK`] (`~bilain`) is an English reading of the word and meets another
    /// token's `phonetic` only ([`english_reading`]).
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

    /// Appends every field of the token to `out`, so that equal bytes are equal tokens: a
    /// key under which a consumer memoises what it derives from a token alone (the index's
    /// terms, the scorer's prepared token), since a large list repeats a small vocabulary.
    /// Strings end with 0xff, lists with 0xfe, bytes UTF-8 never uses, so the encoding is
    /// unambiguous. Destructuring without `..` makes a new field a compile error until it is
    /// written too.
    pub fn write_key(&self, out: &mut Vec<u8>) {
        let NameToken {
            text,
            latin,
            phonetic,
            class,
            role,
            variants,
            consonants,
            consonant_variants,
            hyphen_next,
            has_lower,
        } = self;
        let (class, legal) = match class {
            TokenClass::Name => (0, ""),
            TokenClass::Initial => (1, ""),
            TokenClass::Title => (2, ""),
            TokenClass::Particle => (3, ""),
            TokenClass::LegalForm(c) => (4, c.as_str()),
            TokenClass::Stopword => (5, ""),
        };
        let role = match role {
            TokenRole::Unknown => 0,
            TokenRole::Given => 1,
            TokenRole::Patronymic => 2,
            TokenRole::Family => 3,
        };
        out.extend([class, role, u8::from(*hyphen_next), u8::from(*has_lower)]);
        for field in [text, latin, phonetic, consonants] {
            out.extend_from_slice(field.as_bytes());
            out.push(0xff);
        }
        out.extend_from_slice(legal.as_bytes());
        out.push(0xff);
        for list in [variants, consonant_variants] {
            for v in list {
                out.extend_from_slice(v.as_bytes());
                out.push(0xff);
            }
            out.push(0xfe);
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
        let mut runs = ConsonantRuns::default();
        consonant_runs_into(&self.tokens, &mut runs);
        runs.iter()
            .map(|(start, end, key)| (start, end, key.to_owned()))
            .collect()
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
    english::load_result()?;
    stumps::load_result()?;
    Ok(())
}

/// Entry counts of the transliteration tables (`("cyrillic", 62)`, …), for diagnostics.
pub fn table_sizes() -> Vec<(&'static str, usize)> {
    translit::tables().sizes()
}
