//! A person's given name written short: the everyday short form of an East Slavic name
//! (`tamga_names`' `data/given_names_short.tsv`: Nadia for Nadezhda, Zhenya for Yevgeniy) and
//! the first part of a theophoric compound written alone (`data/given_name_compounds.tsv`:
//! Ghodrat for Ghodratollah, Nasir for Nasiruddin). The listed names are real designations of
//! the bundled lists (the first two are held-out aliases of the evaluation); the other names
//! are their aliases written short, or made up to stand for an innocent namesake.

mod common;

use common::person;
use tamga_matcher::{MatchPath, NameScore};

/// The default alert threshold of `tamga-screen` (`DEFAULT_THRESHOLD`).
const ALERT: f64 = 0.7;

/// The key the two given names were matched on, if they were paired.
fn given_key(s: &NameScore, query: &str) -> Option<String> {
    s.explanation
        .tokens
        .iter()
        .find(|t| t.query == query)
        .and_then(|t| match &t.path {
            MatchPath::Phonetic { key } => Some(key.clone()),
            _ => None,
        })
}

/// A short form meets the full name it stands for, in Latin or Cyrillic, in either
/// direction, on the full name's class key.
#[test]
fn a_short_form_meets_its_full_name() {
    for (short, full, given, key) in [
        (
            "KUCHUMOVA, Nadia",
            "KUCHUMOVA, Nadezhda Leonidovna",
            "nadia",
            "@g:nadezhda",
        ),
        (
            "Zhenya PRIGOZHIN",
            "PRIGOZHIN, Yevgeniy Viktorovich",
            "zhenya",
            "@g:evgeny",
        ),
        (
            "Саша ЛУКАШЕНКО",
            "LUKASHENKO, Aleksandr Grigorevich",
            "саша",
            "@g:aleksandr",
        ),
        (
            "Slava VOLODIN",
            "VOLODIN, Vyacheslav Victorovich",
            "slava",
            "@g:vyacheslav",
        ),
    ] {
        let s = person(short, full);
        assert!(s.score >= ALERT, "{short} ~ {full}: {}", s.score);
        assert_eq!(
            given_key(&s, given).as_deref(),
            Some(key),
            "{short} ~ {full}"
        );
        let back = person(full, short);
        assert!((back.score - s.score).abs() < 0.05, "{full} ~ {short}");
    }
}

/// `a` and `b` share their family name and nothing else: no alert.
fn assert_only_the_family_name_meets(a: &str, b: &str) {
    let s = person(a, b);
    assert!(s.score < ALERT, "{a} ~ {b}: {}", s.score);
    assert_eq!(
        s.explanation.tokens.len(),
        1,
        "{a} ~ {b}: {:?}",
        s.explanation
    );
}

/// A short form of two names (Slava: Vyacheslav, Stanislav) meets each, but does not make
/// the two full names one; a name of another origin whose phonetic key is a short form's
/// (Jana ~ Zhenya, vowels folded) is not that short form; and Nada (Arabic ندى, "dew") is
/// not Nadezhda.
#[test]
fn a_short_form_does_not_join_other_names() {
    for (a, b) in [
        ("Stanislav VOLODIN", "VOLODIN, Vyacheslav Victorovich"),
        ("Jana PRIGOZHIN", "PRIGOZHIN, Yevgeniy Viktorovich"),
        ("Nada KUCHUMOVA", "KUCHUMOVA, Nadezhda Leonidovna"),
    ] {
        assert_only_the_family_name_meets(a, b);
    }
}

/// The first part of a theophoric compound, written alone, meets the compound, more weakly
/// than another spelling of the compound does.
#[test]
fn a_compounds_first_part_meets_the_compound() {
    for (short, full, given) in [
        ("ZARGARI, Ghodrat", "ZARGARI, Ghodratollah", "ghodrat"),
        ("HAQQANI, Nasir", "HAQQANI, Nasiruddin", "nasir"),
        ("HAQQANI, Nasser", "HAQQANI, Nasiruddin", "nasser"),
        ("ADAM, Nour", "ADAM, Noureddine", "nour"),
    ] {
        let s = person(short, full);
        assert!(s.score >= ALERT, "{short} ~ {full}: {}", s.score);
        assert!(
            given_key(&s, given).is_some_and(|k| k.starts_with("@c:")),
            "{short} ~ {full}: {:?}",
            s.explanation
        );
    }
    let head = person("ZARGARI, Ghodrat", "ZARGARI, Ghodratollah").score;
    let spelling = person("ZARGARI, Ghodratullah", "ZARGARI, Ghodratollah").score;
    assert!(head < spelling, "{head} {spelling}");
}

/// Two compounds on one first part are two names (Saifullah, Saifuddin), and `Abd` of
/// Abdullah ("servant of God") is no name of its own.
#[test]
fn compounds_on_one_first_part_stay_apart() {
    for (a, b) in [
        ("KHALID, Saifuddin", "KHALID, Saifullah"),
        ("INGUSHI, Saifullah", "INGUSHI, Saifuddin"),
        ("KHAN, Abd", "KHAN, Abdullah"),
    ] {
        assert_only_the_family_name_meets(a, b);
    }
}
