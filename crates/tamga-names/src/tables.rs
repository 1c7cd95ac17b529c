//! Parsing of the data tables under `crates/tamga-names/data/`.
//!
//! The tables are compiled into the binary with `include_str!` and parsed once, lazily, into
//! hash maps. A malformed line is a bug in the shipped data, not in user input, so it is
//! reported by [`crate::check_tables`] (run by the test suite) naming the file and line; at run
//! time a table that failed to parse behaves as empty rather than panicking.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

/// A small multiply-rotate hasher (the Fx hash of rustc/Firefox). The tables are fixed,
/// shipped data, so the DoS resistance of the default SipHash buys nothing here, and lookups
/// run for every character of every name.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut v = [0u8; 8];
            v[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(v));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

impl FxHasher {
    #[inline]
    fn add(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// A hash map with [`FxHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// A hash set with [`FxHasher`].
pub(crate) type FastSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

/// A problem in one of the bundled data tables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableError {
    /// The table file, relative to the crate (`data/cyrillic.tsv`).
    pub file: &'static str,
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for TableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for TableError {}

/// The data lines of a table: `(line number, tab-separated cells)`, comments (`#`) and blank
/// lines skipped.
pub(crate) fn rows(text: &'static str) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    text.lines().enumerate().filter_map(|(i, line)| {
        let trimmed = line.trim_end_matches('\r');
        if trimmed.trim().is_empty() || trimmed.starts_with('#') {
            None
        } else {
            Some((i + 1, trimmed.split('\t').collect()))
        }
    })
}

/// The words of a one-entry-per-line list (`titles.txt`), comments skipped.
pub(crate) fn words(text: &'static str) -> impl Iterator<Item = (usize, &'static str)> {
    rows(text).filter_map(|(line, cells)| cells.first().map(|c| (line, c.trim())))
}

/// The output of one table cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Out {
    /// Always this string.
    Always(Box<str>),
    /// `x|y`: `iot` at the start of a word, after a vowel or after a hard/soft sign; `plain`
    /// after a consonant (Cyrillic iotated vowels).
    Iotated { iot: Box<str>, plain: Box<str> },
    /// `x^y`: `init` at the start of a word, `rest` elsewhere.
    Initial { init: Box<str>, rest: Box<str> },
}

impl Out {
    /// Parses a cell (`_` is the empty string).
    pub(crate) fn parse(cell: &str) -> Out {
        fn one(s: &str) -> Box<str> {
            if s == "_" {
                "".into()
            } else {
                s.into()
            }
        }
        if let Some((a, b)) = cell.split_once('|') {
            Out::Iotated {
                iot: one(a),
                plain: one(b),
            }
        } else if let Some((a, b)) = cell.split_once('^') {
            Out::Initial {
                init: one(a),
                rest: one(b),
            }
        } else {
            Out::Always(one(cell))
        }
    }

    /// The string for a position: `initial` = start of word, `iot` = iotation position.
    pub(crate) fn pick(&self, initial: bool, iot: bool) -> &str {
        match self {
            Out::Always(s) => s,
            Out::Iotated { iot: a, plain: b } => {
                if iot {
                    a
                } else {
                    b
                }
            }
            Out::Initial { init, rest } => {
                if initial {
                    init
                } else {
                    rest
                }
            }
        }
    }
}

/// A character map with multi-character keys, matched longest first.
#[derive(Debug, Default)]
pub(crate) struct CharMap {
    single: FastMap<char, Out>,
    /// Keys of two or more characters, indexed by their first character, longest first.
    multi: FastMap<char, Vec<MultiEntry>>,
}

/// A multi-character key and its output.
type MultiEntry = (Box<[char]>, Out);

impl CharMap {
    /// Adds a key; an empty key is an error of the table.
    pub(crate) fn insert(&mut self, key: &str, out: Out) -> Result<(), String> {
        let chars: Vec<char> = key.chars().collect();
        match chars.len() {
            0 => Err("empty key".to_string()),
            1 => {
                self.single.insert(chars[0], out);
                Ok(())
            }
            _ => {
                let list = self.multi.entry(chars[0]).or_default();
                list.push((chars.into_boxed_slice(), out));
                list.sort_by_key(|e| std::cmp::Reverse(e.0.len()));
                Ok(())
            }
        }
    }

    /// The longest entry matching `chars` at `i`: `(chars consumed, output)`.
    pub(crate) fn lookup(&self, chars: &[char], i: usize) -> Option<(usize, &Out)> {
        let c = *chars.get(i)?;
        if let Some(list) = self.multi.get(&c) {
            for (key, out) in list {
                if chars.len() >= i + key.len() && chars[i..i + key.len()] == key[..] {
                    return Some((key.len(), out));
                }
            }
        }
        self.single.get(&c).map(|o| (1, o))
    }

    /// Whether a single character has an entry.
    pub(crate) fn contains(&self, c: char) -> bool {
        self.single.contains_key(&c) || self.multi.contains_key(&c)
    }

    /// Number of entries (for tests and diagnostics).
    pub(crate) fn len(&self) -> usize {
        self.single.len() + self.multi.values().map(Vec::len).sum::<usize>()
    }
}

/// Parses a two-column `char<TAB>latin` table into a [`CharMap`].
pub(crate) fn char_map(file: &'static str, text: &'static str) -> Result<CharMap, TableError> {
    let mut map = CharMap::default();
    for (line, cells) in rows(text) {
        let err = |message: String| TableError {
            file,
            line,
            message,
        };
        if cells.len() < 2 {
            return Err(err(format!(
                "expected 2 tab-separated cells, found {}",
                cells.len()
            )));
        }
        map.insert(cells[0], Out::parse(cells[1])).map_err(err)?;
    }
    Ok(map)
}
