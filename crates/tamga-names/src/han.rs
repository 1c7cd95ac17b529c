//! Chinese organisation names written without spaces (`data/han_words.tsv`).
//!
//! A Chinese company name is a division, a trade name, an industry word and an
//! organisational form written as one run of characters (深圳市 + 恒邦微 + 电子 + 有限公司);
//! Latin renderings write each part as a word (Shenzhen Hengbangwei Electronics Co., Ltd.).
//! [`segment`] cuts a run at the words of the table and at the Chinese legal forms of
//! `data/legal_forms.tsv`, by longest match from the left; what lies between them is kept as
//! one token, the trade name, which Latin renderings write as one pinyin word.
//!
//! [`simplify`] folds traditional characters to simplified (`data/han_ts.tsv`, from OpenCC),
//! so that a name meets itself in either writing and Han names compare by characters.

use crate::tables::{rows, FastMap, TableError};
use std::sync::LazyLock;

/// What a word of the table is in a company name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// An administrative division's name (深圳, 香港).
    Place,
    /// A division suffix (市, 省): a word only right after a place.
    Division,
    /// An industry or business word (电子, 科技).
    Trade,
    /// An organisational form (有限公司); classed by `data/legal_forms.tsv`.
    Legal,
}

/// One word of the table.
#[derive(Debug, Clone)]
pub(crate) struct Word {
    /// Its Mandarin reading, syllables joined (the dictionary's, which settles characters
    /// with several readings: 银行 is yinhang, not yinxing).
    pub reading: &'static str,
    /// What the word is in a company name.
    pub kind: Kind,
    /// The concept key of its English gloss (`@electronic`), if `org_terms.tsv` has one.
    pub concept: Option<String>,
}

#[derive(Debug, Default)]
struct Table {
    /// Traditional character -> simplified (`data/han_ts.tsv`).
    simplified: FastMap<char, char>,
    /// Keyed by the simplified form (see [`simplify`]).
    words: FastMap<String, Word>,
    /// Longest word, in characters.
    max_chars: usize,
}

const FILE: &str = "data/han_words.tsv";

fn is_han(c: char) -> bool {
    crate::script::is_han(c)
}

impl Table {
    fn load() -> Result<Table, TableError> {
        let mut t = Table::default();
        const TS: &str = "data/han_ts.tsv";
        for (line, cells) in rows(include_str!("../data/han_ts.tsv")) {
            let one = |i: usize| {
                let mut chars = cells.get(i)?.chars();
                let c = chars.next().filter(|c| is_han(*c));
                c.filter(|_| chars.next().is_none())
            };
            let (Some(trad), Some(simp)) = (one(0), one(1)) else {
                return Err(TableError {
                    file: TS,
                    line,
                    message: "expected `traditional<TAB>simplified`, one Han character each".into(),
                });
            };
            t.simplified.insert(trad, simp);
        }
        let concepts = &crate::lexicon::load_result()?.concept_words;
        for (line, cells) in rows(include_str!("../data/han_words.tsv")) {
            let err = |m: String| TableError {
                file: FILE,
                line,
                message: m,
            };
            let (Some(word), Some(reading), Some(kind)) =
                (cells.first(), cells.get(1), cells.get(2))
            else {
                return Err(err(
                    "expected `word<TAB>reading<TAB>kind<TAB>concept`".into()
                ));
            };
            if word.is_empty() || !word.chars().all(is_han) {
                return Err(err(format!("`{word}` is not written in Han characters")));
            }
            if reading.is_empty() || !reading.bytes().all(|b| b.is_ascii_lowercase()) {
                return Err(err(format!("reading `{reading}` is not lowercase pinyin")));
            }
            let kind = match *kind {
                "place" => Kind::Place,
                "division" => Kind::Division,
                "trade" => Kind::Trade,
                other => return Err(err(format!("unknown kind `{other}`"))),
            };
            let concept = match cells.get(3).map(|c| c.trim()).filter(|c| !c.is_empty()) {
                None => None,
                Some(c) => {
                    let key = format!("@{c}");
                    // A key no other language's word carries would meet nothing.
                    if !concepts.values().any(|v| *v == key) {
                        return Err(err(format!("concept `{c}` is not in org_terms.tsv")));
                    }
                    Some(key)
                }
            };
            t.max_chars = t.max_chars.max(word.chars().count());
            let w = Word {
                reading,
                kind,
                concept,
            };
            // Names are read in simplified characters: a traditional entry is the same word.
            let key = fold(&t.simplified, word);
            match t.words.get(&key) {
                Some(old)
                    if old.reading != w.reading
                        || old.kind != w.kind
                        || old.concept != w.concept =>
                {
                    return Err(err(format!("`{word}` is listed twice, differently")));
                }
                _ => {
                    t.words.insert(key, w);
                }
            }
        }
        for (_, cells) in rows(include_str!("../data/legal_forms.tsv")) {
            if let Some(form) = cells.get(1).filter(|f| f.chars().all(is_han)) {
                t.max_chars = t.max_chars.max(form.chars().count());
                t.words.insert(
                    fold(&t.simplified, form),
                    Word {
                        reading: "",
                        kind: Kind::Legal,
                        concept: None,
                    },
                );
            }
        }
        Ok(t)
    }
}

static TABLE: LazyLock<Result<Table, TableError>> = LazyLock::new(Table::load);
static EMPTY: LazyLock<Table> = LazyLock::new(Table::default);

fn table() -> &'static Table {
    match &*TABLE {
        Ok(t) => t,
        Err(_) => &EMPTY,
    }
}

/// The load result, for [`crate::check_tables`].
pub(crate) fn load_result() -> Result<(), TableError> {
    TABLE.as_ref().map(|_| ()).map_err(Clone::clone)
}

fn fold(map: &FastMap<char, char>, text: &str) -> String {
    text.chars().map(|c| *map.get(&c).unwrap_or(&c)).collect()
}

/// The text with its traditional characters written in their simplified form (`華信船務` →
/// `华信船务`), or None when it has none.
pub(crate) fn simplify(text: &str) -> Option<String> {
    let map = &table().simplified;
    // The range test first: most non-ASCII tokens are not Han at all.
    if !text.chars().any(|c| is_han(c) && map.contains_key(&c)) {
        return None;
    }
    Some(fold(map, text))
}

/// The table's entry for a word, if any.
pub(crate) fn word(text: &str) -> Option<&'static Word> {
    table().words.get(text)
}

/// Cuts a run of Han characters into its dictionary words and the runs between them
/// (`(piece, entry)`), or None when it holds no organisational form or industry word (a
/// person's name, or a name this table cannot read). A division suffix counts only right
/// after a place (深圳市 = 深圳 + 市, but 市 inside a trade name stays there).
pub(crate) fn segment(text: &str) -> Option<Vec<(&str, Option<&'static Word>)>> {
    let t = table();
    let bounds: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    let n = bounds.len() - 1;
    let mut out: Vec<(&str, Option<&'static Word>)> = Vec::new();
    let mut run_start: Option<usize> = None;
    let mut org = false;
    let mut i = 0;
    while i < n {
        let after_place = run_start.is_none()
            && matches!(out.last(), Some((_, Some(w))) if w.kind == Kind::Place);
        let found = (1..=t.max_chars.min(n - i)).rev().find_map(|len| {
            let piece = &text[bounds[i]..bounds[i + len]];
            t.words
                .get(piece)
                .filter(|w| w.kind != Kind::Division || after_place)
                .map(|w| (len, piece, w))
        });
        match found {
            Some((len, piece, w)) => {
                if let Some(s) = run_start.take() {
                    out.push((&text[bounds[s]..bounds[i]], None));
                }
                org |= matches!(w.kind, Kind::Trade | Kind::Legal);
                out.push((piece, Some(w)));
                i += len;
            }
            None => {
                run_start.get_or_insert(i);
                i += 1;
            }
        }
    }
    if let Some(s) = run_start {
        out.push((&text[bounds[s]..], None));
    }
    org.then_some(out)
}
