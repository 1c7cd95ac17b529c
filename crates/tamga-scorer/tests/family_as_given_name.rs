//! A name whose family name is left unmatched, against a listed name its given name spells
//! whole as one word (`Muhammadayub Usmonov` ~ `Qari Muhammad Ayub`): the listed
//! surname is inside this person's given name, and his own surname says another family.
//! The listed names are real designations of the bundled lists (UN, UK OFSI, OFAC); the
//! screened names are Uzbek and Tajik given names with family names of the region.

mod common;

use common::person;
use tamga_matcher::NameScore;

fn family_contradicted(s: &NameScore) -> bool {
    s.explanation
        .contradictions
        .iter()
        .any(|c| c.part == "family")
}

#[test]
fn a_given_name_that_spells_the_listed_name_is_another_family() {
    for (screened, listed) in [
        // UN QDi, alias as the UN writes it (no capitals: the whole name is the run).
        ("Muhammadayub Usmonov", "Qari Muhammad Ayub"),
        // UK OFSI, the family name in capitals.
        ("Muhammadamin Mahdiev", "Muhammad AMIN"),
        ("Abdurahmon Halidov", "عبد الرحمن"),
    ] {
        for (a, b) in [(screened, listed), (listed, screened)] {
            let s = person(a, b);
            assert!(family_contradicted(&s), "{a} ~ {b}: {:?}", s.explanation);
            assert!(s.score < 0.6, "{a} ~ {b}: {}", s.score);
        }
    }
}

#[test]
fn the_listed_name_joined_without_another_family_still_matches() {
    // No family name of its own left over: the same name written as one word.
    let s = person("Muhammadayub", "Qari Muhammad Ayub");
    assert!(!family_contradicted(&s), "{:?}", s.explanation);
    assert!(s.score > 0.75, "{}", s.score);
}

#[test]
fn weak_role_readings_and_swapped_aliases_are_not_contradictions() {
    for (a, b) in [
        // `Kevin` reads as a family name by its -in only weakly: no formant of its own.
        ("Kevin Daniels", "DANIEL, Saw"),
        // OFAC lists the same person with given and family names swapped between
        // aliases; a family name matched word for word to a given name says nothing.
        ("James Nando MARK", "NANDO, James Marko"),
    ] {
        let s = person(a, b);
        assert!(!family_contradicted(&s), "{a} ~ {b}: {:?}", s.explanation);
    }
}

/// A surname with its formant is not a listed name of two words written together a few
/// edits off, the formant missing from it: `Samirov` (son of Samir) is not the listed
/// `Samir FOZ` (UK OFSI).
#[test]
fn a_surname_with_its_formant_is_not_two_words_without_it() {
    let s = person("Hasan Samirov", "Samir FOZ");
    assert!(
        s.explanation.tokens.iter().all(|t| t.query != "samirov"),
        "{:?}",
        s.explanation
    );
    assert!(s.score < 0.5, "{}", s.score);
}

/// The same on the abjad consonant path, and for the Azerbaijani formant `-zadə`
/// (`Əlizadə`, son of Ali; the screened names are Azerbaijani names of the innocent
/// population's source data): the listed `علی آزادی` (Ali Azadi, Canada SEMA) spells the
/// consonants of `Əlizadə` with a surname of its own, and `HASAN Saad` (of `Nayif Hasan
/// Saad AL-ARIFI`, UK OFSI) is `Həsənzadə` two edits off with the formant missing.
#[test]
fn an_azerbaijani_surname_in_zade_is_not_a_given_name_and_another_surname() {
    for (screened, listed) in [
        ("Vasif Əlizadə", "علی آزادی"),
        ("Arifə Həsənzadə", "Nayif Hasan Saad AL-ARIFI"),
    ] {
        let s = person(screened, listed);
        assert!(
            s.explanation
                .tokens
                .iter()
                .all(|t| !t.query.ends_with("zadə")),
            "{screened} ~ {listed}: {:?}",
            s.explanation
        );
        assert!(s.score < 0.6, "{screened} ~ {listed}: {}", s.score);
    }
}

/// The formant written apart is still the surname written as one word: `Akhundzadeh` ~
/// `آخوند زاده` (the UN writes زاده apart).
#[test]
fn the_formant_written_apart_still_joins() {
    let s = person("Akhundzadeh", "آخوند زاده");
    assert!(s.score > 0.8, "{:?}", s.explanation);
}
