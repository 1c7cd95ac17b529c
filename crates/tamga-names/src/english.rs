//! English words read aloud: the readings of a Latin word by the sound-spelling rules of
//! English (`data/english_reading.tsv`), as a practical transcription into Russian, Persian
//! or Arabic writes them (`beeline` read `bilain`, Билайн; `precision` read `presizhn`,
//! Презижн; `fly bridge` read `flai bridzh`).
//!
//! An organisation's English name (a brand, an English word) is written in another script by
//! its sound, and that spelling is often romanised back letter by letter: the list then
//! holds `Beeline` beside `билайн` or `BILAIN`, which the phonetic key, reading every Latin
//! word by its letters, keeps apart. The rules are general correspondences of English
//! spelling (digraphs, magic e, open syllables, soft c and g), not a word list, so they read
//! tomorrow's brand as they read today's.
//!
//! A grapheme may have two readings (an open-syllable vowel long or short: `retail` is
//! `riteil`, `precision` `presizhn`): the readings with the fewest second choices come
//! first, and a caller keeps a bounded number.

use std::sync::LazyLock;

use crate::phonetic::{is_vowel, is_vowel_or_y};

/// Marks a variant key that is an English reading (`~bilain` of `beeline`), see
/// [`english_reading`].
pub const READING_MARK: char = '~';

/// The phonetic key of an English reading when `variant` is one (`~bilain` gives `bilain`),
/// None for any other variant key.
///
/// A token's English readings ([`crate::NameToken::variants`] marked `~`) say how a
/// transcription into another script spells its sound. Such a key is evidence against
/// another token's own [`crate::NameToken::phonetic`] key only (Beeline's `~bilain` meets
/// билайн's `bilain`): two Latin words English would read alike (Adams, Idiams) are not one
/// word published twice. The candidate index files the marked key as it is and probes it
/// without its mark; it probes a token's phonetic key with the mark too.
pub fn english_reading(variant: &str) -> Option<&str> {
    variant.strip_prefix(READING_MARK)
}

/// The phonetic key `key` marked as an English reading ([`READING_MARK`]): the variant
/// [`english_reading`] reads back, and the key a probe for such variants looks up.
pub fn marked_reading(key: &str) -> String {
    format!("{READING_MARK}{key}")
}

use crate::tables::{rows, TableError};

/// One symbol of a rule's context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ctx {
    /// A vowel letter (a e i o u).
    Vowel,
    /// A consonant letter (a letter other than a e i o u y).
    Consonant,
    /// A letter that softens c and g before it (e i y).
    Front,
    /// This letter.
    Letter(u8),
}

impl Ctx {
    fn fits(self, b: u8) -> bool {
        match self {
            Ctx::Vowel => is_vowel(b),
            Ctx::Consonant => b.is_ascii_lowercase() && !is_vowel_or_y(b),
            Ctx::Front => matches!(b, b'e' | b'i' | b'y'),
            Ctx::Letter(c) => b == c,
        }
    }
}

/// One row of the table: a grapheme, its context, its readings.
#[derive(Debug)]
struct Rule {
    /// Letters before the grapheme, nearest last.
    left: Vec<Ctx>,
    /// The left context starts the word (`^`).
    left_edge: bool,
    grapheme: Vec<u8>,
    /// Letters after the grapheme, nearest first.
    right: Vec<Ctx>,
    /// The right context ends the word (`$`).
    right_edge: bool,
    /// The readings, commonest first (an empty string is silent).
    readings: Vec<String>,
}

impl Rule {
    /// Whether the rule's grapheme and context fit `b` at `i`.
    fn fits(&self, b: &[u8], i: usize) -> bool {
        let end = i + self.grapheme.len();
        if end > b.len() || b[i..end] != self.grapheme[..] {
            return false;
        }
        let (l, r) = (self.left.len(), self.right.len());
        if i < l || (self.left_edge && i != l) {
            return false;
        }
        if end + r > b.len() || (self.right_edge && end + r != b.len()) {
            return false;
        }
        self.left.iter().zip(&b[i - l..i]).all(|(c, &x)| c.fits(x))
            && self
                .right
                .iter()
                .zip(&b[end..end + r])
                .all(|(c, &x)| c.fits(x))
    }
}

/// Parses one side of a pattern's context.
fn context(s: &str) -> Option<Vec<Ctx>> {
    s.bytes()
        .map(|b| match b {
            b'V' => Some(Ctx::Vowel),
            b'C' => Some(Ctx::Consonant),
            b'E' => Some(Ctx::Front),
            b'a'..=b'z' => Some(Ctx::Letter(b)),
            _ => None,
        })
        .collect()
}

/// Parses a pattern (`^C[y]$`) into a rule without readings.
fn pattern(p: &str) -> Option<Rule> {
    let (left, rest) = p.split_once('[')?;
    let (grapheme, right) = rest.split_once(']')?;
    if grapheme.is_empty() || !grapheme.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let (left_edge, left) = match left.strip_prefix('^') {
        Some(l) => (true, l),
        None => (false, left),
    };
    let (right_edge, right) = match right.strip_suffix('$') {
        Some(r) => (true, r),
        None => (false, right),
    };
    Some(Rule {
        left: context(left)?,
        left_edge,
        grapheme: grapheme.as_bytes().to_vec(),
        right: context(right)?,
        right_edge,
        readings: Vec::new(),
    })
}

static RULES: LazyLock<Result<Vec<Rule>, TableError>> =
    LazyLock::new(|| parse_rules(include_str!("../data/english_reading.tsv")));

/// Parses the rule table; an error names the file and line.
fn parse_rules(text: &'static str) -> Result<Vec<Rule>, TableError> {
    const FILE: &str = "data/english_reading.tsv";
    let mut out: Vec<Rule> = Vec::new();
    for (line, cells) in rows(text) {
        let err = |message: String| TableError {
            file: FILE,
            line,
            message,
        };
        let (Some(p), Some(readings), None) = (cells.first(), cells.get(1), cells.get(2)) else {
            return Err(err("expected `pattern<TAB>readings`".into()));
        };
        let mut rule = pattern(p.trim()).ok_or_else(|| {
            err(format!(
                "`{p}` is not a pattern (context, [lowercase letters], context; context \
                 symbols ^ $ V C E or lowercase letters)"
            ))
        })?;
        for r in readings.split(',').map(str::trim) {
            match r {
                "-" => rule.readings.push(String::new()),
                r if !r.is_empty() && r.bytes().all(|b| b.is_ascii_lowercase()) => {
                    rule.readings.push(r.to_string())
                }
                _ => {
                    return Err(err(format!(
                        "`{r}` is not a reading (lowercase letters or -)"
                    )))
                }
            }
        }
        out.push(rule);
    }
    // Longest grapheme first, then the most context; the table's order among equals.
    out.sort_by_key(|r| {
        std::cmp::Reverse((
            r.grapheme.len(),
            r.left.len() + r.right.len() + usize::from(r.left_edge) + usize::from(r.right_edge),
        ))
    });
    Ok(out)
}

static LETTER_NAMES: LazyLock<Result<[String; 26], TableError>> =
    LazyLock::new(|| parse_letter_names(include_str!("../data/english_letter_names.tsv")));

/// Parses the letter-name table; an error names the file and line.
fn parse_letter_names(text: &'static str) -> Result<[String; 26], TableError> {
    const FILE: &str = "data/english_letter_names.tsv";
    let mut out: [String; 26] = Default::default();
    for (line, cells) in rows(text) {
        let err = |message: &str| TableError {
            file: FILE,
            line,
            message: message.to_string(),
        };
        let (Some(letter), Some(name), None) = (cells.first(), cells.get(1), cells.get(2)) else {
            return Err(err("expected `letter<TAB>name`"));
        };
        let (&[l], name) = (letter.trim().as_bytes(), name.trim()) else {
            return Err(err("the letter is one lowercase letter"));
        };
        if !l.is_ascii_lowercase()
            || name.is_empty()
            || !name.bytes().all(|b| b.is_ascii_lowercase())
        {
            return Err(err(
                "expected a lowercase letter and its name in lowercase letters",
            ));
        }
        out[usize::from(l - b'a')] = name.to_string();
    }
    if let Some(k) = out.iter().position(String::is_empty) {
        return Err(TableError {
            file: FILE,
            line: 0,
            message: format!("no name for `{}`", char::from(b'a' + k as u8)),
        });
    }
    Ok(out)
}

/// The English names of the letters of `word` (lowercase ASCII letters) read in a row, as
/// another script spells out an acronym (`usm`: `yuesem`, ЮЭСЭМ); None for anything else or
/// when the table failed to load.
pub(crate) fn letter_names(word: &str) -> Option<String> {
    let names = LETTER_NAMES.as_ref().ok()?;
    word.bytes()
        .map(|b| {
            b.is_ascii_lowercase()
                .then(|| names[usize::from(b - b'a')].as_str())
        })
        .collect()
}

/// The load result of the table, for [`crate::check_tables`].
pub(crate) fn load_result() -> Result<(), TableError> {
    RULES.as_ref().map(|_| ()).map_err(Clone::clone)?;
    LETTER_NAMES.as_ref().map(|_| ()).map_err(Clone::clone)
}

/// Most partial readings kept while a word is read: each grapheme with two readings could
/// double them.
const MAX_PARTIAL: usize = 16;

/// The readings of a lowercase ASCII word by the English rules, the reading of every
/// grapheme's first choice first, then those with the fewest other choices; at most
/// [`MAX_PARTIAL`]. Empty for a word with other characters or when the table failed to load.
pub(crate) fn readings(word: &str) -> Vec<String> {
    let Ok(rules) = RULES.as_ref() else {
        return Vec::new();
    };
    let b = word.as_bytes();
    if b.is_empty() || !b.iter().all(u8::is_ascii_lowercase) {
        return Vec::new();
    }
    // (second choices made, reading so far)
    let mut partial: Vec<(usize, String)> = vec![(0, String::with_capacity(b.len() + 4))];
    let mut i = 0;
    while i < b.len() {
        match rules.iter().find(|r| r.fits(b, i)) {
            Some(rule) => {
                let mut next = Vec::with_capacity(partial.len() * rule.readings.len());
                for (seconds, s) in &partial {
                    for (k, r) in rule.readings.iter().enumerate() {
                        next.push((seconds + usize::from(k > 0), format!("{s}{r}")));
                    }
                }
                next.sort_by_key(|(seconds, _)| *seconds);
                next.truncate(MAX_PARTIAL);
                partial = next;
                i += rule.grapheme.len();
            }
            None => {
                for (_, s) in partial.iter_mut() {
                    s.push(char::from(b[i]));
                }
                i += 1;
            }
        }
    }
    partial.into_iter().map(|(_, s)| s).collect()
}

/// Most words a thread's [`reading_keys`] cache holds before it is emptied.
const KEY_CACHE_CAPACITY: usize = 1 << 15;

thread_local! {
    /// The marked keys of recently read words: a list repeats a small vocabulary, and
    /// reading a word tries every rule at every letter.
    static KEYS: std::cell::RefCell<std::collections::HashMap<Box<str>, Box<[String]>>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

/// The phonetic keys of the English readings of a word with skeleton `latin` and phonetic
/// key `own`, marked with [`READING_MARK`]: at most `max`, none equal to `own`, none
/// shorter than two letters, in the order of [`readings`].
pub(crate) fn reading_keys(latin: &str, own: &str, max: usize) -> Vec<String> {
    KEYS.with(|cache| {
        if let Some(keys) = cache.borrow().get(latin) {
            return keys.to_vec();
        }
        let mut keys: Vec<String> = Vec::new();
        for reading in readings(latin) {
            if keys.len() == max {
                break;
            }
            let key = crate::phonetic_key(&reading);
            if key.len() < 2 || key == own {
                continue;
            }
            let key = marked_reading(&key);
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
        let mut cache = cache.borrow_mut();
        if cache.len() >= KEY_CACHE_CAPACITY {
            cache.clear();
        }
        cache.insert(latin.into(), keys.clone().into_boxed_slice());
        keys
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_loads() {
        assert!(load_result().is_ok(), "{:?}", load_result());
    }

    #[test]
    fn reads_by_sound() {
        let first = |w: &str| readings(w).into_iter().next().unwrap_or_default();
        assert_eq!(first("beeline"), "bilain");
        assert_eq!(first("fly"), "flai");
        assert_eq!(first("bridge"), "bridzh");
        assert_eq!(first("unistream"), "yunistrim");
        assert_eq!(first("precision"), "presizhn");
        assert!(readings("retail").contains(&"riteil".to_string()));
        assert!(readings("ilogic").contains(&"ailogik".to_string()));
    }

    #[test]
    fn a_malformed_row_names_its_file_and_line() {
        let e = parse_rules("# header\n[ee]\ti\n[c]X\ts\n").err();
        assert_eq!(
            e.map(|e| (e.file, e.line)),
            Some(("data/english_reading.tsv", 3))
        );
        let e = parse_rules("[ee]\ti,I\n").err();
        assert_eq!(e.map(|e| e.line), Some(1));
        let e = parse_letter_names("a\tei\nbb\tbi\n").err();
        assert_eq!(
            e.map(|e| (e.file, e.line)),
            Some(("data/english_letter_names.tsv", 2))
        );
    }

    #[test]
    fn malformed_patterns_are_rejected() {
        assert!(pattern("tion").is_none());
        assert!(pattern("[]").is_none());
        assert!(pattern("[c]X").is_none());
        assert!(pattern("^C[y]$").is_some());
    }
}
