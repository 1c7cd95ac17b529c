//! A person's listed name of one word that names no family (a nickname, one
//! given name) is weak evidence: the screener cuts it as it cuts a
//! publisher-graded weak alias. On the Canadian SEMA list, which grades no
//! alias.

use std::sync::OnceLock;
use tamga_model::EntityKind;
use tamga_scorer::TamgaScorer;
use tamga_screen::{is_one_word_person_name, Match, Query, ScreenOptions, Screener};
use tamga_sources::{load, ListSpec, LoadOptions};

const SEMA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/lists/canada/sema_2025-05/sema_consolidated.xml"
);

fn screener() -> &'static Screener<TamgaScorer> {
    static SCREENER: OnceLock<Screener<TamgaScorer>> = OnceLock::new();
    SCREENER.get_or_init(|| {
        let list = load(&ListSpec::parse(SEMA), &LoadOptions::default()).expect("SEMA loads");
        Screener::new(vec![list], TamgaScorer)
    })
}

/// The match of `entity_id` for `name` screened as a person, whatever its score.
fn match_of(name: &str, entity_id: &str) -> Match {
    let query = Query {
        name: name.to_string(),
        kind: Some(EntityKind::Person),
        ..Query::default()
    };
    screener()
        .screen(
            &query,
            &ScreenOptions {
                threshold: 0.0,
                limit: 50,
            },
        )
        .expect("valid query")
        .into_iter()
        .find(|m| m.entity_id == entity_id)
        .unwrap_or_else(|| panic!("{entity_id} not found for {name:?}"))
}

fn one_word_cut(m: &Match) -> bool {
    m.explanation
        .adjustments
        .iter()
        .any(|a| a.evidence == "one_word_name" && a.delta == tamga_screen::ONE_WORD_NAME_DELTA)
}

#[test]
fn a_lone_given_name_is_cut_and_the_full_name_is_not() {
    // SEMA Ukraine part 1, item 88: Mikhail TOLSTYKH, also listed as "Givi".
    let by_nickname = match_of("Givi", "ca_sema:ukraine/part-1/88");
    assert_eq!(by_nickname.matched_name, "Givi");
    assert!(one_word_cut(&by_nickname), "{by_nickname:?}");
    let by_name = match_of("Mikhail Tolstykh", "ca_sema:ukraine/part-1/88");
    assert_eq!(by_name.matched_name, "Mikhail TOLSTYKH");
    assert!(!one_word_cut(&by_name), "{by_name:?}");
    assert!(by_name.score > by_nickname.score);
}

#[test]
fn the_cut_is_the_delta_on_the_name_score() {
    let m = match_of("Givi", "ca_sema:ukraine/part-1/88");
    assert_eq!(m.explanation.adjustments.len(), 1, "{m:?}");
    let expected = m.explanation.name_score + tamga_screen::ONE_WORD_NAME_DELTA;
    assert!((m.score - expected).abs() < 1e-3, "{m:?}");
}

#[test]
fn a_lone_family_name_is_not_cut() {
    // Item 122 of the same part is listed under her surname alone.
    let m = match_of("PODLIPAYEVA", "ca_sema:ukraine/part-1/122");
    assert_eq!(m.matched_name, "PODLIPAYEVA");
    assert!(!one_word_cut(&m), "{m:?}");
}

#[test]
fn which_names_are_one_word_person_names() {
    let person = |name: &str| {
        is_one_word_person_name(
            EntityKind::Person,
            &tamga_names::analyze(name, tamga_names::PartyHint::Person),
        )
    };
    assert!(person("Givi"));
    assert!(person("Abu Hanifa"), "a kunya is one name word");
    assert!(person("Qari Atif"), "a title is not a name word");
    assert!(!person("PODLIPAYEVA"), "a surname by its formant");
    assert!(!person("Mikhail TOLSTYKH"));
    assert!(!person("노광철"), "a Korean name in Hangul is one token");
    assert!(!is_one_word_person_name(
        EntityKind::Organization,
        &tamga_names::analyze("SONA", tamga_names::PartyHint::Organization),
    ));
}
