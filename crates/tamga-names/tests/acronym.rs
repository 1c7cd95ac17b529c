//! Acronym keys and loanword variants through the public analysis.

use tamga_names::acronym::{
    acronym_keys, acronym_keys_at, is_acronym_candidate, name_stump_initials,
};
use tamga_names::{analyze, phonetic::loanword_key, phonetic_key, PartyHint};

#[test]
fn organisation_runs_give_their_initials_with_and_without_function_words() {
    // UK OFSI / OFAC names: COMITE DE BIENFAISANCE ... (CBSP), ISLAMIC MOVEMENT OF UZBEKISTAN (IMU).
    let a = analyze(
        "COMITE DE BIENFAISANCE ET DE SECOURS AUX PALESTINIENS",
        PartyHint::Organization,
    );
    let keys = acronym_keys(&a);
    assert!(keys.contains(&"cbsp".to_string()), "{keys:?}");
    assert!(keys.contains(&"cdbedsap".to_string()), "{keys:?}");
    let a = analyze("ISLAMIC MOVEMENT OF UZBEKISTAN", PartyHint::Organization);
    assert!(acronym_keys_at(&a, 0, &name_stump_initials(&a)).contains(&"imu".to_string()));
    assert!(acronym_keys_at(&a, 0, &name_stump_initials(&a)).contains(&"imou".to_string()));
    // A legal form ends a run; two letters are no acronym.
    let a = analyze("PCC UK LTD", PartyHint::Organization);
    assert!(acronym_keys(&a).is_empty());
    // A one-word legal form written out in full is a word of the name.
    let a = analyze("TACTICAL MISSILES CORPORATION", PartyHint::Organization);
    assert!(acronym_keys(&a).contains(&"tmc".to_string()), "{a:?}");
    let a = analyze(
        "ALPHA BETA LIMITED LIABILITY COMPANY",
        PartyHint::Organization,
    );
    assert!(!acronym_keys(&a).contains(&"abl".to_string()));
}

#[test]
fn persons_have_no_acronyms_and_lowercase_words_are_not_acronyms() {
    let a = analyze("Ivan Ivanovich Ivanov", PartyHint::Person);
    assert!(acronym_keys(&a).is_empty());
    let a = analyze("Rust GmbH", PartyHint::Organization);
    assert!(!is_acronym_candidate(&a.tokens[0]));
    let a = analyze("RUST GMBH", PartyHint::Organization);
    assert!(is_acronym_candidate(&a.tokens[0]));
}

#[test]
fn russian_business_loanwords_meet_the_english_word() {
    let leasing = phonetic_key("leasing");
    assert_eq!(loanword_key("lizing"), Some(leasing.as_str()));
    assert_eq!(loanword_key("lizingovaya"), Some(leasing.as_str()));
    assert_eq!(loanword_key("ivanov"), None);
    // Cyrillic and Latin renderings both get the English key as a variant.
    for name in ["АО ВТБ ЛИЗИНГ", "AO VTB LIZING"] {
        let a = analyze(name, PartyHint::Organization);
        let t = a.tokens.last().expect("a token");
        assert!(t.variants.contains(&leasing), "{name}: {t:?}");
    }
    // Not for persons.
    let a = analyze("Lizing", PartyHint::Person);
    assert!(!a.tokens[0].variants.contains(&leasing));
}

#[test]
fn arabic_latin_renderings_share_a_consonant_skeleton() {
    use tamga_names::phonetic::arabic_latin_key;
    // Romanisations of one Arabic or Persian word.
    assert_eq!(
        arabic_latin_key("kutherani"),
        arabic_latin_key("kawtharani")
    );
    assert_eq!(arabic_latin_key("sadeq"), arabic_latin_key("sadegh"));
    assert_eq!(arabic_latin_key("aqeel"), arabic_latin_key("akil"));
    // A Slavic -ov is a consonant, not a diphthong.
    assert_ne!(arabic_latin_key("mahmudov"), arabic_latin_key("mahmud"));
}
