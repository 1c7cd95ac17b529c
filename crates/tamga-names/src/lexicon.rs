//! Word lists (titles, particles, stopwords, legal forms, role suffixes) from `data/`.
//!
//! Every entry is read through the same pipeline as names (clean, tokenise, transliterate), so
//! an entry written in one script matches its spelling in any other.

use crate::normalize::tokenize;
use crate::phonetic::phonetic_key;
use crate::script::is_arabic_script;
use crate::tables::{rows, words, FastMap, FastSet, TableError};
use crate::translit::{token_latin, Lang};
use crate::TokenRole;
use std::sync::LazyLock;

/// How sure a suffix is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Strength {
    Strong,
    Weak,
}

/// A role suffix.
#[derive(Debug, Clone)]
pub(crate) struct Suffix {
    pub role: TokenRole,
    pub strength: Strength,
    pub suffix: String,
}

/// All word lists.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    pub titles: FastSet<String>,
    pub particles: FastSet<String>,
    pub stopwords: FastSet<String>,
    /// One-token legal forms, keyed by canonical Latin (`ooo`, `llc`, `gmbh`).
    pub legal_single: FastMap<String, String>,
    /// One-token legal forms read as forms only as the last word of a name that has others
    /// (`AS`, `SC`: the table's `final` column), keyed by canonical Latin: elsewhere, or
    /// alone, they are words, acronyms or a person's initials (`WA'AD AS SADIQ`, `JSC A.S.
    /// YAKOVLEV DB`, the alias `ASC`).
    pub legal_final: FastMap<String, String>,
    /// Multi-token legal forms, keyed by the phonetic keys joined with spaces.
    pub legal_multi: FastMap<String, String>,
    /// Phonetic keys that start some multi-token form (a cheap pre-check).
    pub legal_first: FastSet<String>,
    /// Longest multi-token form, in tokens.
    pub legal_max: usize,
    /// Multi-token forms by the phonetic key of their first word: each form's word keys and
    /// its class, for reading a form written with a typo in a later word (see
    /// [`fuzzy_form_len`]).
    pub legal_by_first: FastMap<String, Vec<(Vec<String>, String)>>,
    /// Suffixes, longest first.
    pub suffixes: Vec<Suffix>,
    /// The same, grouped by their last letter (a token is checked only against its group).
    pub suffixes_by_last: FastMap<u8, Vec<Suffix>>,
    /// Organisation words (whole skeletons) -> concept variant key (`@plant`).
    pub concept_words: FastMap<String, String>,
    /// Organisation word stems -> concept variant key.
    pub concept_stems: FastMap<String, String>,
    /// First three bytes (padded) of every concept word, given-name key and patronymic stem
    /// (a cheap pre-check before hashing whole strings).
    pub heads: FastSet<[u8; 3]>,
    /// First four letters of every stem (a cheap pre-check).
    pub stem_heads: FastSet<[u8; 4]>,
    /// Longest and shortest stem, in bytes.
    pub stem_len: (usize, usize),
    /// Words written with the letters of the Arabic article at their start that are not the
    /// article + a word (`data/al_words.txt`: الهام Elham, الناز Elnaz), as written.
    pub al_words: FastSet<String>,
    /// Phonetic keys of given-name forms -> class variant key (`@g:vladimir`, `@g:yusuf`).
    pub given_classes: FastMap<String, String>,
    /// Latin skeletons of given names as Arabic script writes them
    /// (`data/given_names_arabic_script.tsv`: `ahmd` of احمد) -> class variant key
    /// (`@g:ahmad`); read for tokens in Arabic script only.
    pub abjad_given_classes: FastMap<String, String>,
    /// Latin skeletons of the short forms of East Slavic given names
    /// (`data/given_names_short.tsv`) -> the class keys of every full name each stands for
    /// (Sasha: `@g:aleksandr`, `@g:aleksandra`). By skeleton, not phonetic key: a short
    /// form's key, vowels folded, is that of names of other origin (Senya and Sana, Tolya and
    /// Tola, Zhenya and Jana).
    pub short_forms: FastMap<String, Vec<String>>,
    /// Endings of theophoric compound given names (`data/given_name_compounds.tsv`: -ullah,
    /// -uddin), longest first.
    pub compound_endings: Vec<String>,
    /// The given-name and patronymic class keys of East Slavic names (`@g:vladimir`,
    /// `@p:vladimir`): they mark a name as East Slavic, which names of Arabic and Persian
    /// origin, used from West Africa to Central Asia, do not.
    pub east_slavic_classes: FastSet<String>,
    /// Skeletons a patronymic suffix leaves of a given-name form (`serge` of Sergeevich,
    /// `pavl` of Pavlovich) -> patronymic class key (`@p:sergey`).
    pub patronymic_stems: FastMap<String, String>,
    /// Russian organisation-type abbreviations (`data/ru_abbreviations.tsv`) by skeleton
    /// (`nii`) -> the words they abbreviate.
    pub abbreviations: FastMap<String, Vec<Expansion>>,
    /// Longest skeleton of [`Lexicon::abbreviations`], in bytes (a cheap pre-check).
    pub abbreviation_len: usize,
    /// Skeletons of the legal forms `data/legal_forms.tsv` writes in Cyrillic (`ooo`, `zao`,
    /// `obshchestvosogranichennoiotvetstvennostyu`): a name with one is a Russian-language
    /// name, whatever its script.
    pub cyrillic_forms: FastSet<String>,
}

/// One word of an abbreviation written out ([`Lexicon::abbreviations`]).
#[derive(Debug, Clone)]
pub(crate) struct Expansion {
    /// The word in Cyrillic, as the table writes it.
    pub text: String,
    /// Its Latin skeleton.
    pub latin: String,
    /// Written with a hyphen to the next word (`научно-исследовательский`).
    pub hyphen_next: bool,
}

/// Most edits a word of a multi-word legal form may carry (see [`fuzzy_form_len`]).
const FORM_WORD_EDITS: usize = 1;
/// Most edits a whole multi-word legal form may carry.
const FORM_EDITS: usize = 2;
/// Shortest word key (in letters) that may carry an edit: shorter words (`s`, `z`, `and`)
/// tell forms apart and must be exact.
const FORM_FUZZY_MIN: usize = 5;

/// Whether the optimal-string-alignment distance of two ASCII keys is at most `max` (a
/// transposition of two adjacent letters costs one edit), and the distance.
pub(crate) fn osa_within(a: &str, b: &str, max: usize) -> Option<usize> {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for (j, cell) in d.iter_mut().take(w).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        d[i * w] = i;
        let mut row_min = i;
        for j in 1..w {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1)
                .min(d[i * w + j - 1] + 1)
                .min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return None;
        }
    }
    let v = d[a.len() * w + b.len()];
    (v <= max).then_some(v)
}

/// The longest multi-word legal form whose first word is `keys[0]` exactly and whose later
/// words agree with `keys` up to a typo: a word of 5+ letters may carry one edit, the form
/// two in all, shorter words must be exact (`Obshchestvo s organichennoi otvetstvennostyu`,
/// `… otvetsvennostyu` are the Russian LLC form misspelt). Gives the form's length in words
/// and its class.
pub(crate) fn fuzzy_form_len<'a>(lex: &'a Lexicon, keys: &[&str]) -> Option<(usize, &'a str)> {
    let forms = lex.legal_by_first.get(*keys.first()?)?;
    let mut best: Option<(usize, &str)> = None;
    for (form, class) in forms {
        if form.len() > keys.len() || best.is_some_and(|(n, _)| n >= form.len()) {
            continue;
        }
        let mut edits = 0;
        let ok = form.iter().zip(keys).skip(1).all(|(f, k)| {
            if f == k {
                return true;
            }
            if f.len() < FORM_FUZZY_MIN || k.len() < FORM_FUZZY_MIN {
                return false;
            }
            match osa_within(f, k, FORM_WORD_EDITS) {
                Some(d) => {
                    edits += d;
                    edits <= FORM_EDITS
                }
                None => false,
            }
        });
        if ok {
            best = Some((form.len(), class.as_str()));
        }
    }
    best
}

/// The first three bytes of a key, zero-padded.
pub(crate) fn head3(s: &str) -> [u8; 3] {
    let b = s.as_bytes();
    [
        b.first().copied().unwrap_or(0),
        b.get(1).copied().unwrap_or(0),
        b.get(2).copied().unwrap_or(0),
    ]
}

/// Most letters a concept stem may be followed by (case and adjective endings).
pub(crate) const STEM_SLACK: usize = 6;

/// Skeletons of a one-word entry under every Cyrillic reading (an isolated stem cannot show
/// which language it is, and и/е/г read differently in Ukrainian and Belarusian).
fn entry_latins(entry: &str) -> Vec<String> {
    let mut out = entry_latin(entry);
    if out.len() == 1 && !entry.is_ascii() {
        for lang in [Lang::Russian, Lang::Ukrainian, Lang::Belarusian] {
            let raw = tokenize(entry);
            if let [t] = raw.as_slice() {
                let mut s = String::new();
                token_latin(&t.text, lang, &mut s);
                if !s.is_empty() && !out.contains(&s) {
                    out.push(s);
                }
            }
        }
    }
    out
}

/// Canonical Latin of each token of an entry.
fn entry_latin(entry: &str) -> Vec<String> {
    let raw = tokenize(entry);
    let joined: String = raw
        .iter()
        .map(|t| t.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let lang = Lang::detect(&joined);
    let mut out: Vec<String> = raw
        .iter()
        .map(|t| {
            let mut s = String::new();
            token_latin(&t.text, lang, &mut s);
            s
        })
        .filter(|s| !s.is_empty())
        .collect();
    // Dotted abbreviations (L.L.C., S.A.) are one word.
    if out.len() > 1
        && out.iter().all(|s| s.len() == 1)
        && raw.iter().take(raw.len() - 1).all(|t| t.dotted)
    {
        out = vec![out.concat()];
    }
    out
}

fn word_set(file: &'static str, text: &'static str) -> Result<FastSet<String>, TableError> {
    let mut set = FastSet::default();
    for (line, w) in words(text) {
        let latin = entry_latin(w);
        match latin.as_slice() {
            [one] => {
                set.insert(one.clone());
            }
            _ => {
                return Err(TableError {
                    file,
                    line,
                    message: format!("`{w}` is not one word"),
                })
            }
        }
    }
    Ok(set)
}

impl Lexicon {
    /// The class of the one-token legal form written `latin` (canonical Latin), read as a
    /// form where it stands: a `final` form ([`Lexicon::legal_final`]) only when
    /// `last_of_several`, the last word of a name that has others.
    pub fn legal_one_word(&self, latin: &str, last_of_several: bool) -> Option<&String> {
        self.legal_single.get(latin).or_else(|| {
            last_of_several
                .then(|| self.legal_final.get(latin))
                .flatten()
        })
    }

    fn load() -> Result<Lexicon, TableError> {
        let mut lex = Lexicon {
            titles: word_set("data/titles.txt", include_str!("../data/titles.txt"))?,
            particles: word_set("data/particles.txt", include_str!("../data/particles.txt"))?,
            stopwords: word_set("data/stopwords.txt", include_str!("../data/stopwords.txt"))?,
            ..Lexicon::default()
        };
        for (line, w) in words(include_str!("../data/al_words.txt")) {
            // Only a word the article rule would split needs an entry.
            if !w.starts_with("ال") || w.chars().count() < 4 {
                return Err(TableError {
                    file: "data/al_words.txt",
                    line,
                    message: format!("`{w}` does not start with ال and a letter or more"),
                });
            }
            lex.al_words.insert(w.to_string());
        }
        const LF: &str = "data/legal_forms.tsv";
        for (line, cells) in rows(include_str!("../data/legal_forms.tsv")) {
            let (Some(class), Some(form)) = (cells.first(), cells.get(1)) else {
                return Err(TableError {
                    file: LF,
                    line,
                    message: "expected `class<TAB>form`".into(),
                });
            };
            let final_only = match cells.get(2).map(|c| c.trim()) {
                None | Some("") => false,
                Some("final") => true,
                Some(other) => {
                    return Err(TableError {
                        file: LF,
                        line,
                        message: format!("unknown flag `{other}` (expected `final`)"),
                    })
                }
            };
            let latin = entry_latin(form);
            if final_only && latin.len() != 1 {
                return Err(TableError {
                    file: LF,
                    line,
                    message: format!("`{form}`: only a one-word form may be `final`"),
                });
            }
            match latin.len() {
                0 => {
                    return Err(TableError {
                        file: LF,
                        line,
                        message: format!("`{form}` has no letters"),
                    })
                }
                1 if final_only => {
                    lex.legal_final.insert(latin[0].clone(), class.to_string());
                }
                1 => {
                    lex.legal_single.insert(latin[0].clone(), class.to_string());
                    if !form.is_ascii() {
                        lex.cyrillic_forms.insert(latin[0].clone());
                    }
                }
                n => {
                    if !form.is_ascii() {
                        lex.cyrillic_forms.insert(latin.concat());
                    }
                    let keys: Vec<String> = latin.iter().map(|l| phonetic_key(l)).collect();
                    lex.legal_first.insert(keys[0].clone());
                    lex.legal_multi.insert(keys.join(" "), class.to_string());
                    lex.legal_by_first
                        .entry(keys[0].clone())
                        .or_default()
                        .push((keys.clone(), class.to_string()));
                    lex.legal_max = lex.legal_max.max(n);
                }
            }
        }
        const SUF: &str = "data/name_suffixes.tsv";
        for (line, cells) in rows(include_str!("../data/name_suffixes.tsv")) {
            let err = |m: &str| TableError {
                file: SUF,
                line,
                message: m.to_string(),
            };
            if cells.len() < 3 {
                return Err(err("expected `role<TAB>strength<TAB>suffix`"));
            }
            let role = match cells[0] {
                "patronymic" => TokenRole::Patronymic,
                "family" => TokenRole::Family,
                "given" => TokenRole::Given,
                _ => return Err(err("role must be patronymic, family or given")),
            };
            let strength = match cells[1] {
                "strong" => Strength::Strong,
                "weak" => Strength::Weak,
                _ => return Err(err("strength must be strong or weak")),
            };
            lex.suffixes.push(Suffix {
                role,
                strength,
                suffix: cells[2].trim().to_string(),
            });
        }
        const OT: &str = "data/org_terms.tsv";
        lex.stem_len = (usize::MAX, 0);
        for (line, cells) in rows(include_str!("../data/org_terms.tsv")) {
            let (Some(concept), Some(word)) = (cells.first(), cells.get(1)) else {
                return Err(TableError {
                    file: OT,
                    line,
                    message: "expected `concept<TAB>word`".into(),
                });
            };
            let (word, stem) = match word.trim().strip_suffix('*') {
                Some(w) => (w, true),
                None => (word.trim(), false),
            };
            let first = entry_latin(word);
            if first.len() != 1 {
                return Err(TableError {
                    file: OT,
                    line,
                    message: format!("`{word}` is not one word"),
                });
            }
            let key = format!("@{}", concept.trim());
            for latin in entry_latins(word) {
                if stem {
                    if latin.len() < 4 {
                        return Err(TableError {
                            file: OT,
                            line,
                            message: format!("stem `{word}` is shorter than 4 letters"),
                        });
                    }
                    lex.stem_len = (
                        lex.stem_len.0.min(latin.len()),
                        lex.stem_len.1.max(latin.len()),
                    );
                    let b = latin.as_bytes();
                    lex.stem_heads.insert([b[0], b[1], b[2], b[3]]);
                    lex.concept_stems.insert(latin, key.clone());
                } else {
                    lex.heads.insert(head3(&latin));
                    lex.concept_words.insert(latin, key.clone());
                }
            }
        }
        const AB: &str = "data/ru_abbreviations.tsv";
        for (line, cells) in rows(include_str!("../data/ru_abbreviations.tsv")) {
            let err = |message: String| TableError {
                file: AB,
                line,
                message,
            };
            let (Some(abbr), Some(full)) = (cells.first(), cells.get(1)) else {
                return Err(err("expected `abbreviation<TAB>words`".into()));
            };
            let key = match entry_latin(abbr.trim()).as_slice() {
                [one] => one.clone(),
                _ => return Err(err(format!("`{abbr}` is not one word"))),
            };
            let words: Vec<Expansion> = tokenize(full.trim())
                .into_iter()
                .map(|t| {
                    let mut latin = String::new();
                    token_latin(&t.text, Lang::Russian, &mut latin);
                    Expansion {
                        text: t.text,
                        latin,
                        hyphen_next: t.hyphen_next,
                    }
                })
                .collect();
            if words.len() < 2 || words.iter().any(|w| w.latin.is_empty()) {
                return Err(err(format!("`{full}` is not two or more words")));
            }
            lex.abbreviation_len = lex.abbreviation_len.max(key.len());
            if lex.abbreviations.insert(key, words).is_some() {
                return Err(err(format!("`{abbr}` is entered twice")));
            }
        }
        const GIVEN: [(&str, &str, bool); 2] = [
            (
                "data/given_names.tsv",
                include_str!("../data/given_names.tsv"),
                true,
            ),
            (
                "data/given_names_arabic_persian.tsv",
                include_str!("../data/given_names_arabic_persian.tsv"),
                false,
            ),
        ];
        for (file, text, east_slavic) in GIVEN {
            for (line, cells) in rows(text) {
                let Some(key) = cells.first() else { continue };
                let key = format!("@g:{}", key.trim());
                let p = key.replacen("@g:", "@p:", 1);
                if east_slavic {
                    lex.east_slavic_classes.insert(key.clone());
                    lex.east_slavic_classes.insert(p.clone());
                }
                for form in &cells[1..] {
                    let form = form.trim();
                    if form.is_empty() {
                        continue;
                    }
                    let k = given_class_key(form, &phonetic_key(form));
                    // One spelling in two classes would make two different names meet
                    // through it: the table must choose.
                    if let Some(other) = lex.given_classes.get(&k).filter(|o| **o != key) {
                        return Err(TableError {
                            file,
                            line,
                            message: format!("`{form}` (key `{k}`) is already a form of {other}"),
                        });
                    }
                    lex.heads.insert(head3(&k));
                    lex.given_classes.insert(k, key.clone());
                    let mut stems = vec![form.to_string()];
                    for tail in ["y", "o", "iy", "i", "ii"] {
                        if let Some(s) = form.strip_suffix(tail) {
                            stems.push(s.to_string());
                        }
                    }
                    if let Some(s) = form.strip_suffix("ey") {
                        stems.push(format!("{s}e"));
                    }
                    for s in stems.into_iter().filter(|s| s.len() >= 3) {
                        lex.heads.insert(head3(&s));
                        lex.patronymic_stems.entry(s).or_insert_with(|| p.clone());
                    }
                }
            }
        }
        let classes: FastSet<String> = lex.given_classes.values().cloned().collect();
        for_class_forms(
            "data/given_names_arabic_script.tsv",
            include_str!("../data/given_names_arabic_script.tsv"),
            &classes,
            |key, form| {
                if !is_arabic_script(form) {
                    return Err(format!("`{form}` is not written in Arabic script"));
                }
                let mut latin = String::new();
                token_latin(form, Lang::default(), &mut latin);
                if let Some(other) = lex.abjad_given_classes.get(&latin).filter(|o| **o != key) {
                    return Err(format!(
                        "`{form}` (skeleton `{latin}`) is already a spelling of {other}"
                    ));
                }
                lex.abjad_given_classes.insert(latin, key);
                Ok(())
            },
        )?;
        for_class_forms(
            "data/given_names_short.tsv",
            include_str!("../data/given_names_short.tsv"),
            &classes,
            |key, form| {
                if !form.bytes().all(|b| b.is_ascii_lowercase()) {
                    return Err(format!("`{form}` is not a Latin skeleton"));
                }
                let k = given_class_key(form, &phonetic_key(form));
                // A short form spelt as a full form of another name would make that name
                // meet this one through it.
                match lex.given_classes.get(&k) {
                    Some(c) if *c == key => return Ok(()),
                    Some(c) => {
                        return Err(format!(
                            "`{form}` (key `{k}`) is a full form of {c}, not a short form of {key}"
                        ))
                    }
                    None => {}
                }
                lex.heads.insert(head3(form));
                let keys = lex.short_forms.entry(form.to_string()).or_default();
                if !keys.contains(&key) {
                    keys.push(key);
                }
                Ok(())
            },
        )?;
        let file = "data/given_name_compounds.tsv";
        for (line, cells) in rows(include_str!("../data/given_name_compounds.tsv")) {
            let ending = cells.first().map(|c| c.trim()).unwrap_or_default();
            if ending.len() < 3 || !ending.bytes().all(|b| b.is_ascii_lowercase()) {
                return Err(TableError {
                    file,
                    line,
                    message: format!("`{ending}` is not an ending of 3+ Latin letters"),
                });
            }
            lex.compound_endings.push(ending.to_string());
        }
        lex.compound_endings
            .sort_by_key(|e| std::cmp::Reverse(e.len()));
        lex.suffixes
            .sort_by_key(|s| std::cmp::Reverse(s.suffix.len()));
        for s in &lex.suffixes {
            if let Some(&b) = s.suffix.as_bytes().last() {
                lex.suffixes_by_last.entry(b).or_default().push(s.clone());
            }
        }
        Ok(lex)
    }

    /// The concept key of an organisation word's skeleton, if it is in `data/org_terms.tsv`.
    pub(crate) fn concept(&self, latin: &str) -> Option<&str> {
        if self.heads.contains(&head3(latin)) {
            if let Some(k) = self.concept_words.get(latin) {
                return Some(k);
            }
        }
        let (lo, hi) = self.stem_len;
        // Stems have 4+ letters; the bound also holds for the empty lexicon of a table
        // that failed to load, whose `stem_len` is (0, 0).
        if latin.len() < lo.max(4) || !latin.is_ascii() {
            return None;
        }
        let b = latin.as_bytes();
        if !self.stem_heads.contains(&[b[0], b[1], b[2], b[3]]) {
            return None;
        }
        let top = hi.min(latin.len());
        let bottom = lo.max(latin.len().saturating_sub(STEM_SLACK));
        (bottom..=top)
            .rev()
            .find_map(|n| self.concept_stems.get(&latin[..n]))
            .map(String::as_str)
    }

    /// The role a suffix suggests for a token's Latin form (the stem must keep 3+ letters).
    pub(crate) fn suffix_role(&self, latin: &str) -> Option<(TokenRole, Strength)> {
        self.suffixes_of(latin)
            .find(|s| latin.len() >= s.suffix.len() + 3)
            .map(|s| (s.role, s.strength))
    }

    /// The role suffixes `latin` ends with, in table order (the suffix may be
    /// the whole word: callers say how long a stem they need).
    pub(crate) fn suffixes_of<'a>(&'a self, latin: &'a str) -> impl Iterator<Item = &'a Suffix> {
        latin
            .as_bytes()
            .last()
            .and_then(|last| self.suffixes_by_last.get(last))
            .into_iter()
            .flatten()
            .filter(move |s| latin.ends_with(s.suffix.as_str()))
    }
}

/// Reads a table whose rows are a given-name class key then forms of it
/// (`data/given_names_short.tsv`, `data/given_names_arabic_script.tsv`): `each` gets the
/// class variant key (`@g:…`) and a form, empty cells skipped, and its error is reported
/// at the form's line, as is a row whose class the Latin class tables do not have.
fn for_class_forms(
    file: &'static str,
    text: &'static str,
    classes: &FastSet<String>,
    mut each: impl FnMut(String, &'static str) -> Result<(), String>,
) -> Result<(), TableError> {
    for (line, cells) in rows(text) {
        let err = |message: String| TableError {
            file,
            line,
            message,
        };
        let Some(key) = cells.first() else { continue };
        let key = format!("@g:{}", key.trim());
        if !classes.contains(&key) {
            return Err(err(format!(
                "`{key}` is not a class of the given-name tables"
            )));
        }
        for form in cells[1..]
            .iter()
            .map(|f| f.trim())
            .filter(|f| !f.is_empty())
        {
            each(key.clone(), form).map_err(err)?;
        }
    }
    Ok(())
}

/// The key a given name is looked up by in the given-name classes: its
/// phonetic key, with a final `h` the key dropped put back. The key drops a
/// final `h` for Arabic names (Abdullah = Abdulla), but in Belarusian and
/// Ukrainian Latin it is the consonant г (Aleh = Oleg): without it `Aleh`
/// and the unrelated `Alla` would share the key `ala`.
pub(crate) fn given_class_key(latin: &str, phonetic: &str) -> String {
    if latin.ends_with('h') && !phonetic.ends_with('h') {
        format!("{phonetic}h")
    } else {
        phonetic.to_string()
    }
}

static LEXICON: LazyLock<Result<Lexicon, TableError>> = LazyLock::new(Lexicon::load);
static EMPTY: LazyLock<Lexicon> = LazyLock::new(Lexicon::default);

/// The word lists (empty if one is malformed; [`crate::check_tables`] reports that).
pub(crate) fn lexicon() -> &'static Lexicon {
    match &*LEXICON {
        Ok(l) => l,
        Err(_) => &EMPTY,
    }
}

/// The load result, for [`crate::check_tables`].
pub(crate) fn load_result() -> Result<&'static Lexicon, TableError> {
    LEXICON.as_ref().map_err(Clone::clone)
}

#[cfg(test)]
mod tests {
    use super::Lexicon;

    /// The empty lexicon stands in when a table fails to load (the failure is reported by
    /// `check_tables`); reading a short word from it must not index past the word.
    #[test]
    fn the_empty_lexicon_reads_short_words() {
        let empty = Lexicon::default();
        for word in ["", "a", "ab", "abc", "abcd"] {
            assert_eq!(empty.concept(word), None, "{word}");
        }
    }
}
