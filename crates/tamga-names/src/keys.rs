//! Comparing two tokens' keys: on which key they agree ([`key_match`]), the consonant keys
//! and vowel frames of words in scripts that write no short vowels ([`VowelFrames`]), and
//! the keys of several tokens written as one word ([`joined_key`], [`consonant_runs`],
//! [`arabic_article_joins`]). Read by the index and the scorer; nothing here changes a token.

use crate::{phonetic::phonetic_key, translit, NameToken};

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
pub(crate) fn is_abjad(text: &str) -> bool {
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
