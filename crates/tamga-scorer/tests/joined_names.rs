//! A token against two tokens of the other name written together: a family name and a
//! given name the list sets apart by its comma join only as listed, never a few edits off.
//! The listed name is a real designation (OFAC SDN `MAN, Nu`); the screened names are
//! English names of the innocent population's source data.

mod common;

use common::person;
use tamga_matcher::NameScore;

fn joined(s: &NameScore) -> bool {
    s.explanation.tokens.iter().any(|t| t.list.contains(' '))
}

#[test]
fn a_surname_is_not_the_listed_family_and_given_name_an_edit_off() {
    for screened in ["Richard Mann", "Mark Mann"] {
        let s = person(screened, "MAN, Nu");
        assert!(!joined(&s), "{screened}: {:?}", s.explanation);
        assert!(s.score < 0.55, "{screened}: {}", s.score);
    }
}

#[test]
fn the_family_and_given_name_written_together_as_listed_still_join() {
    let s = person("Mannu", "MAN, Nu");
    assert!(joined(&s), "{:?}", s.explanation);
    assert!(s.score > 0.9, "{}", s.score);
}

/// UN listing TAi.101 (Mohammad Eshaq AKHUNZADA): the Latin name writes the family name in one
/// word, the original script (`آخوند زاده`) with its `-zada` formant apart. The formant
/// written apart is the surname's own, so the two join; before the Latin joined path took
/// the abjad path's formant check, `akhunzada` could not be joined from a last word that
/// is not itself a surname, and the name fell to 0.52.
#[test]
fn a_surname_joins_its_formant_written_apart_in_another_script() {
    let s = person("Mohammad Eshaq AKHUNZADA", "محمد اسحاق آخوند زاده");
    assert!(joined(&s), "{:?}", s.explanation);
    assert!(s.score > 0.8, "{}", s.score);
}

/// The same check still refuses a surname with its formant against a given name and
/// another word: `Samirov` (son of Samir) is not `Samir Foz`.
#[test]
fn a_surname_does_not_join_a_given_name_and_another_word() {
    let s = person("Samirov", "Samir Foz");
    assert!(!joined(&s), "{:?}", s.explanation);
}
