//! Cognate keys: one international word (of Latin or Greek origin) written in another
//! language's spelling or inflection (`oceanology`, `okeanologii`; `finance`, `finansov`;
//! `professionals`, `profesyoneller`), from `data/cognates.tsv`.
//!
//! A word's key is its stem, after one inflection is taken off and a derivational suffix of
//! the table recognised, with the letters the languages spell differently folded, plus the
//! suffix class: `@~okeanolog~ia`. Both the suffix class and the folded stem must agree, so
//! a key is a statement that two words are one word, not that they look alike; a word with
//! no suffix of the table (most proper names) gets none.

use std::sync::LazyLock;

use crate::tables::{rows, TableError};

/// The parsed table.
#[derive(Debug, Default)]
struct Cognates {
    /// Letter correspondences, longest first.
    folds: Vec<(String, String)>,
    /// The other reading of letters two groups of languages render apart (Latin c before
    /// e as Russian ц and as Greek к: центр, океан), longest first.
    alternatives: Vec<(String, String)>,
    /// Inflections, longest first.
    inflections: Vec<String>,
    /// Derivational suffixes with their class index, longest first.
    suffixes: Vec<(String, usize)>,
    /// Class names and the fewest letters their folded stem must keep.
    classes: Vec<(String, usize)>,
}

/// Shortest word that gets a key: shorter words are names and function words far more often
/// than international vocabulary, and leave too short a stem to tell words apart.
const MIN_WORD: usize = 5;

/// One-letter suffixes (`y`, `i`) end so many words that their stem must be this long.
const MIN_STEM_ONE_LETTER_SUFFIX: usize = 5;

static COGNATES: LazyLock<Result<Cognates, TableError>> = LazyLock::new(|| {
    const FILE: &str = "data/cognates.tsv";
    let mut out = Cognates::default();
    for (line, cells) in rows(include_str!("../data/cognates.tsv")) {
        let err = |message: String| TableError {
            file: FILE,
            line,
            message,
        };
        let cell = |i: usize| {
            cells
                .get(i)
                .map(|c| c.trim())
                .filter(|c| !c.is_empty() && c.bytes().all(|b| b.is_ascii_lowercase()))
        };
        match cells.first().map(|c| c.trim()) {
            Some("fold") => match (cell(1), cell(2)) {
                (Some(a), Some(b)) => out.folds.push((a.to_string(), b.to_string())),
                _ => return Err(err("expected `fold<TAB>letters<TAB>written as`".into())),
            },
            Some("alternative") => match (cell(1), cell(2)) {
                (Some(a), Some(b)) => out.alternatives.push((a.to_string(), b.to_string())),
                _ => {
                    return Err(err(
                        "expected `alternative<TAB>letters<TAB>written as`".into()
                    ))
                }
            },
            Some("inflection") => match cell(1) {
                Some(a) => out.inflections.push(a.to_string()),
                None => return Err(err("expected `inflection<TAB>ending`".into())),
            },
            Some("class") => {
                let min = cells.get(2).and_then(|c| c.trim().parse::<usize>().ok());
                match (cell(1), min) {
                    (Some(name), Some(min)) => out.classes.push((name.to_string(), min)),
                    _ => return Err(err("expected `class<TAB>name<TAB>min stem`".into())),
                }
            }
            Some("suffix") => {
                let class = cell(1).and_then(|c| out.classes.iter().position(|(n, _)| n == c));
                match (class, cell(2)) {
                    (Some(class), Some(s)) => out.suffixes.push((s.to_string(), class)),
                    _ => {
                        return Err(err(
                            "expected `suffix<TAB>class<TAB>ending`, class declared above".into(),
                        ))
                    }
                }
            }
            _ => return Err(err("unknown row kind".into())),
        }
    }
    out.folds.sort_by_key(|(a, _)| std::cmp::Reverse(a.len()));
    out.alternatives
        .sort_by_key(|(a, _)| std::cmp::Reverse(a.len()));
    out.inflections.sort_by_key(|a| std::cmp::Reverse(a.len()));
    out.suffixes
        .sort_by_key(|(a, _)| std::cmp::Reverse(a.len()));
    Ok(out)
});

/// The load result of the cognate table, for [`crate::check_tables`].
pub(crate) fn load_result() -> Result<(), TableError> {
    COGNATES.as_ref().map(|_| ()).map_err(Clone::clone)
}

impl Cognates {
    /// The stem with the table's letter correspondences applied (the alternative readings
    /// first when `alternative`) and doubled letters written once.
    fn fold(&self, stem: &str, alternative: bool) -> String {
        let b = stem.as_bytes();
        let mut out: Vec<u8> = Vec::with_capacity(b.len());
        let mut i = 0;
        let alternatives = if alternative {
            &self.alternatives[..]
        } else {
            &[]
        };
        while i < b.len() {
            match alternatives
                .iter()
                .chain(&self.folds)
                .find(|(from, _)| b[i..].starts_with(from.as_bytes()))
            {
                Some((from, to)) => {
                    out.extend_from_slice(to.as_bytes());
                    i += from.len();
                }
                None => {
                    out.push(b[i]);
                    i += 1;
                }
            }
        }
        out.dedup();
        String::from_utf8(out).unwrap_or_default()
    }

    /// The keys of `word` read as `stem + suffix` (the suffix ends the word, and has at
    /// least `min_suffix` letters), if the suffix is in the table and the folded stem long
    /// enough for its class: under the usual reading of the letters and, when that differs,
    /// their alternative reading; a suffix two classes share (Turkish `-ik` is both the noun
    /// `-ics` and the adjective `-ic`) gives the keys of both.
    fn keys_of(&self, word: &str, min_suffix: usize) -> Option<Vec<String>> {
        let (suffix, stem, folded) = self.suffixes.iter().find_map(|(suffix, class)| {
            if suffix.len() < min_suffix {
                return None;
            }
            let stem = word.strip_suffix(suffix.as_str())?;
            let folded = self.fitting_stem(stem, suffix, *class)?;
            Some((suffix, stem, folded))
        })?;
        let other = self.fold(stem, true);
        let mut keys = Vec::new();
        for (_, class) in self.suffixes.iter().filter(|(s, _)| s == suffix) {
            let name = &self.classes[*class].0;
            keys.push(format!("{COGNATE_PREFIX}{folded}~{name}"));
            if other != folded {
                keys.push(format!("{COGNATE_PREFIX}{other}~{name}"));
            }
        }
        Some(keys)
    }

    /// `stem` folded, if it keeps enough letters for the class of `suffix`.
    fn fitting_stem(&self, stem: &str, suffix: &str, class: usize) -> Option<String> {
        let min = self.classes[class].1;
        let min = if suffix.len() == 1 {
            min.max(MIN_STEM_ONE_LETTER_SUFFIX)
        } else {
            min
        };
        Some(self.fold(stem, false)).filter(|f| f.len() >= min)
    }
}

/// Suffixes of this many letters are read on the word as it stands before any inflection is
/// taken off: they are whole inflected forms themselves (`-ika`, `-iya`, `-ansov`), and
/// taking a letter off first would read `logika` as `logik`, the Turkish adjective.
const WHOLE_FORM_SUFFIX: usize = 3;

/// What every cognate key starts with; a concept key of the organisation vocabulary starts
/// with `@` alone.
const COGNATE_PREFIX: &str = "@~";

/// Whether a variant key is a cognate key (as opposed to a concept key of the
/// organisation vocabulary, which also starts with `@`).
pub(crate) fn is_cognate_key(key: &str) -> bool {
    key.starts_with(COGNATE_PREFIX)
}

/// The cognate keys of a word's Latin skeleton (`okeanologii` → `@~okeanolog~ia`; two when
/// a letter has an alternative reading, `oceanology` → `@~oseanolog~ia`, `@~okeanolog~ia`),
/// empty when no suffix of `data/cognates.tsv` ends it. An inflection is taken off first
/// where that leaves a suffix (longest inflection first), except for a suffix that is a whole
/// inflected form ([`WHOLE_FORM_SUFFIX`]), which is read first.
pub fn cognate_keys(latin: &str) -> Vec<String> {
    if latin.len() < MIN_WORD || !latin.bytes().all(|b| b.is_ascii_lowercase()) {
        return Vec::new();
    }
    let Ok(table) = COGNATES.as_ref() else {
        return Vec::new();
    };
    table
        .keys_of(latin, WHOLE_FORM_SUFFIX)
        .or_else(|| {
            table
                .inflections
                .iter()
                .filter_map(|i| latin.strip_suffix(i.as_str()))
                .find_map(|w| table.keys_of(w, 1))
        })
        .or_else(|| table.keys_of(latin, 1))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &str, b: &str) -> bool {
        let kb = cognate_keys(b);
        cognate_keys(a).iter().any(|k| kb.contains(k))
    }

    #[test]
    fn one_word_across_languages() {
        assert!(same("oceanology", "okeanologii"));
        assert!(same("technologies", "teknoloji"));
        assert!(same("technology", "tekhnologiya"));
        assert!(same("finance", "finansov"));
        assert!(same("professionals", "profesyoneller"));
        assert!(same("electronics", "elektronik"));
        assert!(same("economic", "ekonomicheskogo"));
        assert!(same("economics", "ekonomiki"));
        assert!(same("hydraulics", "gidravliki"));
        assert!(same("additive", "additivnykh"));
        assert!(same("organization", "organizatsii"));
        assert!(same("organization", "organizatsiya"));
        assert!(same("international", "internatsionalnyy"));
        assert!(same("university", "universitet"));
        assert!(same("culture", "kultury"));
        assert!(same("reactors", "reaktorov"));
        assert!(same("humanitarian", "gumanitarnykh"));
        assert!(same("commission", "komissiya"));
        assert!(same("synthesis", "sintez"));
        assert!(same("analysis", "analiza"));
    }

    #[test]
    fn different_words_stay_apart() {
        assert!(!same("rossi", "rossiya"));
        assert!(!same("mary", "maria"));
        assert!(!same("kamal", "kamalov"));
        assert!(!same("victor", "viktorov"));
        assert!(!same("technology", "technical"));
        assert!(!same("logika", "logical"));
        assert!(same("logika", "logics"));
        assert!(same("electronic", "elektronik"));
        assert!(cognate_keys("ivanov").is_empty());
        assert!(cognate_keys("smith").is_empty());
    }
}
