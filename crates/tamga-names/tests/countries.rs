//! Country names as organisation vocabulary (`data/org_terms.tsv`, "Countries and places"):
//! each country is one concept key across its names, former names, adjectives and
//! languages, and the words the table leaves out on purpose do not get one.

use tamga_names::{analyze, PartyHint};

/// The concept keys (`@…`, not given-name classes) of a one-word name's token.
fn concepts(word: &str, hint: PartyHint) -> Vec<String> {
    analyze(word, hint)
        .tokens
        .iter()
        .flat_map(|t| t.variants.iter())
        .filter(|v| v.starts_with('@') && !v.contains(':') && !v.starts_with("@~"))
        .cloned()
        .collect()
}

#[test]
fn names_adjectives_and_languages_of_one_country_share_its_key() {
    for (key, words) in [
        (
            "@myanmar",
            &[
                "Myanmar",
                "Burma",
                "Myanma",
                "Burmese",
                "Мьянма",
                "Бирмы",
                "بورما",
            ][..],
        ),
        (
            "@iran",
            &[
                "Iran",
                "Iranian",
                "Persia",
                "Ирана",
                "иранской",
                "іранського",
                "إيران",
                "الإيرانية",
            ][..],
        ),
        (
            "@korea",
            &[
                "Korea",
                "Korean",
                "Corée",
                "Choson",
                "Корея",
                "корейская",
                "كوريا",
            ][..],
        ),
        (
            "@belarus",
            &[
                "Belarus",
                "Byelorussian",
                "Беларусь",
                "Белоруссии",
                "білоруський",
            ][..],
        ),
        (
            "@kyrgyzstan",
            &[
                "Kyrgyzstan",
                "Kirghizia",
                "Kyrgyz",
                "Кыргызстана",
                "киргизский",
            ][..],
        ),
        (
            "@germany",
            &[
                "Germany",
                "German",
                "Deutschland",
                "Allemagne",
                "немецкий",
                "Німеччини",
            ][..],
        ),
        (
            "@crimea",
            &["Crimea", "Crimean", "Крыма", "Криму", "крымский"][..],
        ),
    ] {
        for w in words {
            let got = concepts(w, PartyHint::Organization);
            assert!(got.iter().any(|k| k == key), "{w}: {got:?}, expected {key}");
        }
    }
}

#[test]
fn a_country_key_is_not_given_to_a_person_name() {
    // Jordan, Georgia, Chad, Israel are given names: only names that may be organisations
    // carry organisation vocabulary.
    for w in ["Jordan", "Georgia", "Chad", "Israel", "Holland"] {
        let got = concepts(w, PartyHint::Person);
        assert!(got.is_empty(), "{w}: {got:?}");
    }
}

#[test]
fn words_that_are_also_common_words_are_left_out() {
    // Russian того (Togo; the pronoun), бутан (Bhutan; butane), English pole (Poland) and
    // island (German Island = Iceland), Arabic هند (India; the given name Hind), and the
    // abbreviation DPRK, which would make South Korea's `Korea` meet North Korea's.
    for (w, key) in [
        ("того", "@togo"),
        ("бутан", "@bhutan"),
        ("pole", "@poland"),
        ("island", "@iceland"),
        ("هند", "@india"),
        ("DPRK", "@korea"),
    ] {
        let got = concepts(w, PartyHint::Organization);
        assert!(!got.iter().any(|k| k == key), "{w}: {got:?}");
    }
}
