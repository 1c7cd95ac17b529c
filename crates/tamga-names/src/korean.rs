//! Korean family names and their Latin spellings (`data/korean_surnames.tsv`).
//!
//! A Korean name written in Hangul starts with the family name; a Latin rendering writes it
//! in a spelling of its own, which the generic romanisation of the syllable often misses
//! (박 `bak` is `Park` or `Pak`, 최 `choe` is `Choi`, 정 `jeong` is `Chung` or `Jong`). The
//! table gives a scorer both what a family syllable may be written as and which Latin words
//! are Korean family names at all, so that a family name matched by none of the other
//! side's words can be told from one the other side writes differently.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

struct Table {
    /// Hangul syllable -> its Latin spellings.
    spellings: HashMap<&'static str, Vec<&'static str>>,
    /// Every spelling of every family name.
    latin: HashSet<&'static str>,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut spellings: HashMap<&'static str, Vec<&'static str>> = HashMap::new();
    let mut latin = HashSet::new();
    for (_, cells) in crate::tables::rows(include_str!("../data/korean_surnames.tsv")) {
        let [hangul, forms] = cells[..] else { continue };
        let entry = spellings.entry(hangul.trim()).or_default();
        for form in forms.split(',').map(str::trim).filter(|f| !f.is_empty()) {
            entry.push(form);
            latin.insert(form);
        }
    }
    Table { spellings, latin }
});

/// Whether `latin` (a canonical Latin skeleton) is a spelling of the Korean family name
/// written `hangul` (one Hangul syllable): `Park` of 박, `Choi` of 최, `Ri` and `Lee` of 이.
pub fn is_family_name_spelling(hangul: &str, latin: &str) -> bool {
    TABLE
        .spellings
        .get(hangul)
        .is_some_and(|forms| forms.contains(&latin))
}

/// Whether `latin` (a canonical Latin skeleton) is a spelling of some Korean family name.
pub fn is_family_name_latin(latin: &str) -> bool {
    TABLE.latin.contains(latin)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every row is a Hangul syllable with spellings in the skeleton alphabet, entered once.
    #[test]
    fn the_table_is_well_formed() {
        let mut seen = HashSet::new();
        let mut rows = 0;
        for (line, cells) in crate::tables::rows(include_str!("../data/korean_surnames.tsv")) {
            assert_eq!(cells.len(), 2, "line {line}");
            let hangul = cells[0].trim();
            assert!(
                crate::is_hangul_token(hangul) && hangul.chars().count() == 1,
                "line {line}"
            );
            assert!(seen.insert(hangul), "line {line}: {hangul} entered twice");
            for form in cells[1].split(',') {
                assert!(
                    !form.is_empty() && form.bytes().all(|b| b.is_ascii_lowercase()),
                    "line {line}: `{form}`"
                );
            }
            rows += 1;
        }
        assert!(rows > 50);
        assert!(is_family_name_spelling("박", "park"));
        assert!(!is_family_name_spelling("박", "kim"));
        assert!(is_family_name_latin("choi") && !is_family_name_latin("andrei"));
    }
}
