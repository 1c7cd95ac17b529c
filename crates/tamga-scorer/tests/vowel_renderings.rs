//! Latin renderings of one name that differ only in two vowels: the consonants, in order,
//! are the same, as when the source script writes no short vowels (Arabic, Persian). The
//! listed pairs are real OFAC SDN entries, each published under both spellings (ent_num
//! 41700 `ZAITAR, Noah` a.k.a. `ZUAITER, Nuah`; 33634 `EMENNET PASARGAD` a.k.a. `IMANNET
//! PASARGAD`); the names kept apart are Spanish given names of the innocent population's
//! source data.

mod common;

use common::score;
use tamga_matcher::{MatchPath, NameKindHint, NameScore};

/// The path by which the query token `q` met a list token, if it met one.
fn path_of(s: &NameScore, q: &str) -> Option<MatchPath> {
    s.explanation
        .tokens
        .iter()
        .find(|t| t.query == q)
        .map(|t| t.path.clone())
}

#[test]
fn a_name_spelt_with_other_vowels_meets_its_listed_spelling() {
    let s = score("ZAITAR, Noah", "ZUAITER, Nuah", NameKindHint::Person);
    assert!(
        matches!(
            path_of(&s, "zaitar"),
            Some(MatchPath::EditDistance { distance: 2 })
        ),
        "{:?}",
        s.explanation
    );
    assert!(s.score > 0.8, "{}", s.score);
    let s = score(
        "IMANNET PASARGAD",
        "EMENNET PASARGAD",
        NameKindHint::Organization,
    );
    assert!(path_of(&s, "imannet").is_some(), "{:?}", s.explanation);
    assert!(s.score > 0.8, "{}", s.score);
}

#[test]
fn a_vowel_ending_added_is_another_name() {
    let s = score("Mariano", "Marin", NameKindHint::Person);
    assert!(path_of(&s, "mariano").is_none(), "{:?}", s.explanation);
}

#[test]
fn a_consonant_edit_is_not_a_vowel_rendering() {
    // Two edits of seven letters, one of them a consonant: beyond the one edit allowed.
    let s = score("Karimov", "Kerimob", NameKindHint::Person);
    assert!(path_of(&s, "karimov").is_none(), "{:?}", s.explanation);
}
