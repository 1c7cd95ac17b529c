//! The person an organisation is named after: genitive after Russian имени / им. in the
//! original name, nominative in the English one.
//!
//! The pairs are names of one entity as published in the bundled lists (Canada SEMA,
//! US OFAC SDN).

mod common;

use common::organisation_score as org;
use tamga_names::{analyze, phonetic_key, PartyHint};

#[test]
fn the_dedicatee_in_the_genitive_meets_its_nominative() {
    for (english, original) in [
        (
            "Lebedev Physical Institute",
            "Физический институт имени П. Н. Лебедева",
        ),
        (
            "Local Charitable Foundation named after Alexei Talai",
            "Местный благотворительный фонд имени Алексея Талая",
        ),
    ] {
        let score = org(english, original);
        assert!(score >= 0.7, "{english} ~ {original}: {score}");
    }
}

#[test]
fn only_the_dedication_is_read_as_a_genitive() {
    // Outside a dedication, -a is not a case ending (Lebedeva is also the female surname),
    // so only the dedicated word gets the nominative's key.
    let nominative = phonetic_key("lebedev");
    let has_nominative = |name: &str| {
        analyze(name, PartyHint::Organization)
            .tokens
            .iter()
            .any(|t| t.latin == "lebedeva" && t.variants.contains(&nominative))
    };
    assert!(has_nominative("Институт имени Лебедева"));
    assert!(has_nominative("INSTITUT IM. P.N. LEBEDEVA"));
    assert!(!has_nominative("Институт Лебедева"));
    // Adjective-declined surnames and given names in -ya.
    let dzerzhinsky = analyze("Завод имени Ф. Э. Дзержинского", PartyHint::Organization);
    let key = phonetic_key("dzerzhinskiy");
    assert!(dzerzhinsky.tokens.iter().any(|t| t.variants.contains(&key)));
}
