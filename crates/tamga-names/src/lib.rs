//! Name analysis for multi-script matching.
//!
//! STUB: the public API below is the contract the scorer and index are built
//! against; the bodies are placeholders to be replaced by the real pipeline
//! (Unicode normalisation, script detection, transliteration tables, phonetic
//! keys, legal forms, titles, name-part roles).

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
    /// A legal form, with the class it normalises to (`llc`, `jsc`, …).
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
    /// The token case-folded and NFC-normalised, in its original script.
    pub text: String,
    /// A Latin skeleton: transliterated, accents stripped, lowercase ASCII.
    /// Equal skeletons mean "the same name written in another script or convention".
    pub latin: String,
    /// A phonetic key of the skeleton, tolerant of transliteration choices
    /// (kh/h/x, j/zh/dzh, y/i/j, ou/u, doubled letters, …).
    pub phonetic: String,
    /// What kind of token it is.
    pub class: TokenClass,
    /// Its role in a personal name.
    pub role: TokenRole,
}

/// A name after analysis.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AnalyzedName {
    /// The input as given.
    pub original: String,
    /// Dominant script of the input (ISO 15924 code: `Latn`, `Cyrl`, `Arab`, …).
    pub script: &'static str,
    /// Tokens in written order.
    pub tokens: Vec<NameToken>,
}

/// Analyses a name: normalise, split, classify and transliterate each token.
pub fn analyze(name: &str, hint: PartyHint) -> AnalyzedName {
    let _ = hint;
    let tokens = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(|t| {
            let text = t.to_lowercase();
            let latin = skeleton(&text);
            NameToken {
                phonetic: phonetic_key(&latin),
                latin,
                text,
                ..NameToken::default()
            }
        })
        .collect();
    AnalyzedName {
        original: name.to_string(),
        script: detect_script(name),
        tokens,
    }
}

/// The Latin skeleton of one token (see [`NameToken::latin`]).
pub fn skeleton(token: &str) -> String {
    token
        .to_lowercase()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect()
}

/// The phonetic key of a Latin skeleton (see [`NameToken::phonetic`]).
pub fn phonetic_key(latin: &str) -> String {
    latin.to_string()
}

/// The dominant script of a text as an ISO 15924 code.
pub fn detect_script(text: &str) -> &'static str {
    if text.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)) {
        "Cyrl"
    } else {
        "Latn"
    }
}
