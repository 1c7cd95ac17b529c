//! Persons' names whose parts contradict each other: another family name in a Korean name,
//! another patronymic or given name in an East Slavic one. The list names are real
//! designations of the bundled lists; the screened names are made up or taken from the
//! innocent population's name data.

mod common;

use common::person_score as person;
use tamga_matcher::{NameKindHint, NameScorer, NoStats};
use tamga_scorer::TamgaScorer;

/// A Korean name in Hangul whose family name is not the one the Latin name writes is
/// another person's, whether the Latin family name is left over (`Kim`) or was taken by a
/// syllable of the given name (`RYU` ~ 유 of 김유진); the same name with the same family
/// name still matches.
#[test]
fn another_korean_family_name_is_another_person() {
    for (hangul, latin) in [
        ("이경희", "Kim Kyong HUI"),
        ("김유진", "RYU JIN"),
        ("이영호", "O, Yong Ho"),
        ("김명호", "Chang Myong Ho"),
    ] {
        let s = person(hangul, latin);
        assert!(s < 0.6, "{hangul} ~ {latin}: {s}");
    }
    for (hangul, latin) in [("김경희", "Kim Kyong HUI"), ("오영호", "O, Yong Ho")] {
        let s = person(hangul, latin);
        assert!(s >= 0.85, "{hangul} ~ {latin}: {s}");
    }
}

/// A Hangul family name meets its usual Latin spellings, which its Revised Romanization
/// (장 `jang`, 조 `jo`) and the generic keys miss.
#[test]
fn korean_family_names_meet_their_usual_spellings() {
    for (hangul, latin) in [("장명호", "Chang Myong Ho"), ("조춘룡", "CHO CHUN RYONG")] {
        let s = person(hangul, latin);
        assert!(s >= 0.85, "{hangul} ~ {latin}: {s}");
    }
}

/// Two East Slavic names with different patronymics, or different given names beside
/// their patronymics, are two people: they score well below the same name with the part
/// left out, which is a missing part, not another one.
#[test]
fn another_patronymic_or_given_name_is_another_person() {
    for (other, missing, listed) in [
        (
            "Исаев Андрей Венедиктович",
            "Исаев Андрей",
            "Исаев Андрей Константинович",
        ),
        (
            "Andreev Gedeon Viktorovich",
            "Andreev Viktorovich",
            "ANDREEV, Pavel Viktorovich",
        ),
        (
            "Taras Iulevich Afanasev",
            "Iulevich Afanasev",
            "AFANASEV, Igor Iurevich",
        ),
    ] {
        let (o, m) = (person(other, listed), person(missing, listed));
        assert!(o + 0.2 < m, "{other}: {o}, {missing}: {m} ~ {listed}");
    }
}

/// What is not a contradiction: a patronymic in another language's form (the Kazakh
/// -қызы of the Russian -ievna, the Ukrainian Mykolaiovych of Nikolayevich), a patronymic
/// with a typo, and different given names in names without a patronymic, which lists give
/// several of (`PALMA SALAZAR, Jesus Hector` is published as `Hector Luis` too).
#[test]
fn other_forms_and_other_naming_customs_are_not_contradictions() {
    for (query, listed) in [
        (
            "ҚАЗБЕКОВА Меруерт Айтқажықызы",
            "KAZBEKOVA Meruert Aytkazhievna",
        ),
        (
            "KOZHEMYAKO, Oleg Nikolayevich",
            "KOZHEMIAKO, Oleh Mykolaiovych",
        ),
        ("Исаев Андрей Констнатинович", "Исаев Андрей Константинович"),
        ("PALMA SALAZAR, Jesus Hector", "PALMA SALAZAR, Hector Luis"),
    ] {
        let s = person(query, listed);
        assert!(s >= 0.7, "{query} ~ {listed}: {s}");
    }
}

/// Two names that each tell their family name, one of them by its formant, with only the
/// given names (and patronymic) matched: a namesake of another family. Listed: OFAC SDN
/// `BOMATTER, Hans Peter`, UK OFSI `Глазкова Анжелика Егоровна`.
#[test]
fn another_family_name_by_its_formant_is_another_person() {
    for (screened, listed) in [
        ("Hans-Peter Rosenow", "BOMATTER, Hans Peter"),
        ("Копылова Анжелика Егоровна", "Глазкова Анжелика Егоровна"),
    ] {
        let s = person(screened, listed);
        assert!(s < 0.55, "{screened} ~ {listed}: {s}");
    }
    // The same family spelt otherwise is matched, not contradicted.
    let s = person("Glazkova Anzhelika Egorovna", "Глазкова Анжелика Егоровна");
    assert!(s > 0.9, "{s}");
}

/// Without a formant the comma's family name is no proof of another family: Arabic names
/// move their parts between aliases (OFAC SDN `AL-MAWLA, Amir Muhammad Sa'id
/// Abdal-Rahman`, also written `AL-MULA, …`).
#[test]
fn a_family_name_without_formant_is_not_contradicted() {
    let s = person(
        "AL-MULA, Amir Muhammad Sa'id 'Abd-al-Rahman Muhammad",
        "AL-MAWLA, Amir Muhammad Sa'id Abdal-Rahman",
    );
    assert!(s > 0.7, "{s}");
}

fn contradicted_parts(a: &str, b: &str) -> Vec<String> {
    let s = TamgaScorer;
    let kind = NameKindHint::Person;
    s.score(&s.prepare(a, kind), &s.prepare(b, kind), &NoStats)
        .explanation
        .contradictions
        .iter()
        .map(|c| c.part.to_string())
        .collect()
}

/// The family name matched, by its formant a family name, and the given names far apart:
/// another member of the family (OFAC SDN `KUDRYASHOVA, Olga`). The same given name in
/// another form is no contradiction, nor is another given name beside a family name
/// without formant, where an alias may go by another given name (OFAC SDN `CARRILLO
/// FUENTES, Vicente`, also listed as `… Andres`).
#[test]
fn another_given_name_beside_a_family_name_with_formant_is_another_person() {
    assert_eq!(
        contradicted_parts("Кудряшова Галина", "KUDRYASHOVA, Olga"),
        ["given"]
    );
    let s = person("Кудряшова Галина", "KUDRYASHOVA, Olga");
    assert!(s < 0.55, "{s}");
    assert!(contradicted_parts("Kudriashova Olha", "KUDRYASHOVA, Olga").is_empty());
    assert!(contradicted_parts("CARRILLO FUENTES, Andres", "CARRILLO FUENTES, Vicente").is_empty());
}
