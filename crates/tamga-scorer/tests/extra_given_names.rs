//! A person's name written with fewer given or middle names than the other name has: the
//! extra given names cost less than their weight, when the shorter name is matched whole,
//! family name and a given name included. The listed names are real designations of the
//! bundled lists (held-out aliases of the evaluation); the other names are made up or the
//! same lists' other aliases.

mod common;

use common::person;
use tamga_matcher::{NameKindHint, NameScorer, NoStats};
use tamga_scorer::TamgaScorer;

/// The default alert threshold of `tamga-screen` (`DEFAULT_THRESHOLD`).
const ALERT: f64 = 0.7;

/// A family name and a given name, matched, against the same name with middle names (or,
/// in an Arabic name, the father's and grandfather's names) alerts, in either direction,
/// and the explanation says the extra names were discounted; it stays below the same
/// name written in full.
#[test]
fn a_name_written_with_fewer_given_names_alerts() {
    for (short, long) in [
        ("STUDHALTER, Hugo", "STUDHALTER, Hugo Ange Christophe"),
        ("DWEIK, Aziz", "DWAIK, Aziz Salem Mustada"),
        ("Shavendra SILVA", "Shavendra Lokugan Hewage Chandana SILVA"),
    ] {
        for (a, b) in [(short, long), (long, short)] {
            let s = person(a, b);
            assert!(s.score >= ALERT, "{a} ~ {b}: {}", s.score);
            assert!(s.score < 0.9, "{a} ~ {b}: {}", s.score);
            assert_eq!(
                s.explanation.notes.len(),
                1,
                "{a} ~ {b}: {:?}",
                s.explanation
            );
        }
    }
    // The first Muhammad stands before the given name matched and costs in full; the
    // others are discounted (0.48 with every one at its full cost, under these statistics).
    let s = person(
        "SHAMMOUT, Muhammad Isam Muhammad Anwar Nur",
        "SHAMMOUT, Issam",
    );
    assert!(s.score > 0.65, "{}", s.score);
    assert!(
        s.explanation.notes[0].contains("anwar"),
        "{:?}",
        s.explanation
    );
}

/// What is not a name written shortly: another given name beside a patronymic (another
/// person), a left-over family name (a partial name), a given name that stands after
/// others in the longer name (the father's, perhaps), a given name of syllables left
/// incomplete (in Han, or in Latin letters a syllable a word), and near names. None is
/// discounted.
#[test]
fn other_and_partial_names_are_not_discounted() {
    for (a, b) in [
        ("TSYPLAKOV, Gennady", "TSYPLAKOV, Sergey Gennadevich"),
        ("Anna Lopez", "LOPEZ TORRES, Ana Lilia"),
        ("Juan Gonzalez", "GONZALEZ DIAZ, Juan Carlos"),
        ("Mohamed AL-NASSER", "Abdelkarim Hussein Mohamed AL-NASSER"),
        ("李成", "LI, Cheng Yu"),
        ("Ann Wong", "Jong Hyuk AN"),
        // A given name written in syllables, in Latin letters: a syllable left over is
        // another given name.
        ("LI, Kai", "LI, Kai Shou"),
        ("KIM, Chol", "KIM, Chol Nam"),
        ("SON, Jong", "SON, Jong Hyok"),
    ] {
        let s = person(a, b);
        assert!(
            s.explanation.notes.is_empty(),
            "{a} ~ {b}: {:?}",
            s.explanation
        );
    }
    let s = person("TSYPLAKOV, Gennady", "TSYPLAKOV, Sergey Gennadevich");
    assert!(s.score < 0.6, "{}", s.score);
}

/// Names that are not a person's have no given names to leave out: an organisation's
/// extra words cost in full.
#[test]
fn organisations_have_no_extra_given_names() {
    let s = TamgaScorer;
    let kind = NameKindHint::Organization;
    let score = s.score(
        &s.prepare("STUDHALTER, Hugo", kind),
        &s.prepare("STUDHALTER, Hugo Ange Christophe", kind),
        &NoStats,
    );
    assert!(
        score.explanation.notes.is_empty(),
        "{:?}",
        score.explanation
    );
    assert!(score.score < ALERT, "{}", score.score);
}
