//! Russian organisation-type abbreviations written out by the analyser
//! (`data/ru_abbreviations.tsv`).

use tamga_names::{analyze, PartyHint, TokenClass};

fn latins(name: &str, hint: PartyHint) -> Vec<String> {
    analyze(name, hint)
        .tokens
        .into_iter()
        .map(|t| t.latin)
        .collect()
}

#[test]
fn an_abbreviation_becomes_the_words_it_abbreviates_in_any_script() {
    let cyr = analyze("АО НИИ «Вектор»", PartyHint::Organization);
    let lat = analyze("AO NII VEKTOR", PartyHint::Organization);
    let words: Vec<&str> = cyr.tokens.iter().map(|t| t.latin.as_str()).collect();
    assert_eq!(words.len(), 5, "{words:?}");
    assert_eq!(
        words,
        lat.tokens
            .iter()
            .map(|t| t.latin.as_str())
            .collect::<Vec<_>>()
    );
    // The written-out words keep their script, carry their concept keys, and weigh as
    // generic words of a kind of organisation.
    assert_eq!(cyr.tokens[1].text, "научно");
    assert_eq!(lat.tokens[1].text, lat.tokens[1].latin);
    assert!(lat.tokens[3].variants.iter().any(|v| v == "@institute"));
    assert!(lat.tokens[1..4]
        .iter()
        .all(|t| t.class == TokenClass::Stopword && t.has_lower));
    // ЦНИИ romanised with ts (BGN/PCGN, GOST 7.79-B) and with c (ISO 9).
    assert_eq!(
        latins("TSNII BUREVESTNIK", PartyHint::Organization),
        latins("CNII BUREVESTNIK", PartyHint::Organization)
    );
}

#[test]
fn a_two_letter_abbreviation_needs_a_russian_name_and_the_lead() {
    assert!(latins("UK RFPI, OOO", PartyHint::Organization).len() > 3);
    assert!(latins("УК РФПИ", PartyHint::Organization).len() > 2);
    assert!(latins("GKR UK OOO", PartyHint::Organization).contains(&"uk".to_string()));
    assert!(latins("UK EXPORT FINANCE", PartyHint::Organization).contains(&"uk".to_string()));
    assert!(latins("PO BOX TRADING LTD", PartyHint::Organization).contains(&"po".to_string()));
}

#[test]
fn persons_and_names_of_unknown_kind_keep_their_tokens() {
    // `Nii` is a Ga given name (Ghana): a person's name has no abbreviations to write out,
    // nor has a name of unknown kind unless a legal form shows it is an organisation's.
    let nii = vec!["nii".to_string(), "armah".to_string()];
    assert_eq!(latins("NII Armah", PartyHint::Person), nii);
    assert_eq!(latins("NII ARMAH", PartyHint::Unknown), nii);
    assert!(latins("AO NII VEKTOR", PartyHint::Unknown).len() > 3);
}
