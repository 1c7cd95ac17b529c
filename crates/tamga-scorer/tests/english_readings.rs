//! An English word of an organisation's name meets the spelling another script gives its
//! sound (`tamga-names/data/english_reading.tsv`): Beeline ~ билайн, Precision ~ PRESIZHN,
//! iLogic ~ АЙЛОГИК, read as Russian practical transcription writes English. An English
//! reading meets another token's own spelling only, never another word's English reading.
//! An acronym in capitals meets its letters' English names spelt out (USM ~ YUESEM).
//!
//! The positive pairs are names of one entity as published in the Canadian SEMA list
//! (2025-05) and the US OFAC SDN list (2023-12-28), bundled under `data/lists`.

mod common;

use common::organisation_score as org;
use tamga_matcher::{NameKindHint, NameScorer, NoStats};
use tamga_names::{analyze, english_reading, PartyHint};
use tamga_scorer::TamgaScorer;

#[test]
fn english_words_meet_their_transcription() {
    for (english, transcribed) in [
        // SEMA: the Russian brand and its English name, one entity.
        ("Beeline", "билайн"),
        ("SMT-iLogic", "ООО СМТ-АЙЛОГИК"),
        ("“Voentorg-Retail” LLC", "Военторг-Ритейл"),
        // SDN aliases: the English name and its Russian form romanised back.
        ("HAITIAN PRECISION LLC", "KHAITIAN PRESIZHN"),
        ("OOO FLY BRIDGE", "OOO FLAI BRIDZH"),
        ("UNISTREAM BANK", "YUNISTRIM BANK"),
    ] {
        let score = org(english, transcribed);
        assert!(
            score >= 0.7,
            "{english} ~ {transcribed}: {score:.3}, expected an alert (≥ 0.7)"
        );
    }
}

#[test]
fn acronyms_meet_their_letters_names() {
    // SDN aliases of one entity: USM spelt out as ЮЭСЭМ and romanised back.
    let score = org("USM HOLDINGS LIMITED", "HOLDING COMPANY YUESEM");
    assert!(score >= 0.7, "USM ~ YUESEM: {score:.3}");
    // Two short letter names make a common word's key (ELN read `elen`, Allen): not read.
    let score = org("Allen Group", "ELN");
    assert!(score < 0.5, "Allen ~ ELN: {score:.3}");
    // A word written in lowercase is a word, not letters.
    let score = org("Usm Holdings", "HOLDING COMPANY YUESEM");
    assert!(score < 0.7, "Usm ~ YUESEM: {score:.3}");
}

#[test]
fn english_readings_of_two_words_do_not_meet() {
    // `Adams` may be read `eidams` and `Idiams` `aidiams`: the same key, but neither is
    // the other's spelling, so the readings give no evidence.
    let score = org("Adams Inc", "IDIAMS DMCC");
    assert!(score < 0.5, "Adams ~ Idiams: {score:.3}");
}

#[test]
fn only_organisation_words_are_read_as_english() {
    let readings = |name: &str, hint: PartyHint| -> usize {
        analyze(name, hint)
            .tokens
            .iter()
            .flat_map(|t| &t.variants)
            .filter(|v| english_reading(v).is_some())
            .count()
    };
    assert!(readings("Beeline", PartyHint::Organization) > 0);
    assert_eq!(readings("Mike Stone", PartyHint::Person), 0);
    // Another script's word is read by its own letters.
    assert_eq!(readings("билайн", PartyHint::Organization), 0);
}

/// The explanation says a match came by an English reading (its key keeps the reading's
/// mark), and the match counts less than a shared phonetic key: a sound inferred from a
/// spelling is weaker evidence than a spelling of the same name.
#[test]
fn an_english_reading_is_explained_and_weighed_as_such() {
    let s = TamgaScorer;
    let kind = NameKindHint::Organization;
    let score = s.score(
        &s.prepare("Beeline", kind),
        &s.prepare("билайн", kind),
        &NoStats,
    );
    let token = &score.explanation.tokens[0];
    match &token.path {
        tamga_matcher::MatchPath::Phonetic { key } => {
            assert!(key.starts_with(tamga_names::READING_MARK), "{key}")
        }
        other => panic!("{other:?}"),
    }
    assert!(
        token.similarity < tamga_scorer::SIM_PHONETIC,
        "{}",
        token.similarity
    );
}
