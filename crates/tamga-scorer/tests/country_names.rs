//! Country and place names across languages and former names (`tamga-names/data/
//! org_terms.tsv`, section "Countries and places"): an organisation name that translates its
//! country's name, or writes its former name, still meets the listed one.
//!
//! The pairs are names of one entity as published in the bundled lists (Canada SEMA's
//! Myanmar (Burma) and Ukraine schedules, the UN list's Arabic original, the UK OFSI list),
//! the query side written the way another list or an alias writes it.

mod common;

use common::organisation as org;
use tamga_matcher::NameScore;

/// Whether the alignment pairs a query token containing `q` with a list token containing `l`.
fn paired(score: &NameScore, q: &str, l: &str) -> bool {
    score
        .explanation
        .tokens
        .iter()
        .any(|t| t.query.contains(q) && t.list.contains(l))
}

#[test]
fn former_names_and_translations_of_a_country_meet() {
    for (query, listed, q, l) in [
        // Burma is Myanmar's former English name; Myanma its adjective in the banks' names.
        (
            "Burma Foreign Trade Bank",
            "Myanma Foreign Trade Bank",
            "burma",
            "myanma",
        ),
        (
            "Burma Economic Bank",
            "Myanma Economic Bank",
            "burma",
            "myanma",
        ),
        // The English adjective against the Arabic nisba (المصري, the Egyptian).
        (
            "EGYPTIAN ISLAMIC JIHAD",
            "الجهاد الاسلامي المصري",
            "egyptian",
            "مصري",
        ),
        // The English name of the region against the Russian adjective.
        (
            "Ministry of Education and Science of the Zaporizhzhia Region",
            "Министерство образования и науки Запорожской области",
            "zaporizhzhia",
            "запорожской",
        ),
    ] {
        let s = org(query, listed);
        assert!(
            paired(&s, q, l),
            "{query} ~ {listed}: {q} not paired with {l}: {:?}",
            s.explanation
        );
        assert!(s.score >= 0.7, "{query} ~ {listed}: {}", s.score);
    }
}

#[test]
fn english_possessive_of_a_country_meets_its_adjective() {
    // The tokeniser drops the apostrophe of IRAN'S (irans); the -s form still carries Iran.
    let s = org(
        "IRANIAN POLICE SPECIAL UNITS",
        "SPECIAL UNITS OF IRAN'S LAW ENFORCEMENT FORCES",
    );
    assert!(paired(&s, "iranian", "iran"), "{:?}", s.explanation);
}

#[test]
fn a_country_name_of_two_words_keeps_both_translated() {
    // Russian Federation = Российская Федерация word for word: a joined entry
    // (`russianfederation`) would pair both English words with Российской alone and leave
    // Федерации unmatched, costing a translated name a fifth of its score.
    for (query, listed) in [
        (
            "Ministry of Defence of the Russian Federation",
            "Министерство обороны Российской Федерации",
        ),
        (
            "Central Bank of the Russian Federation",
            "Центральный банк Российской Федерации",
        ),
    ] {
        let s = org(query, listed);
        assert!(
            paired(&s, "russian", "российской") && paired(&s, "federation", "федерации"),
            "{query} ~ {listed}: {:?}",
            s.explanation
        );
        assert!(s.score >= 0.8, "{query} ~ {listed}: {}", s.score);
    }
}

#[test]
fn the_words_beside_a_country_name_translate_too() {
    // единая = united; железная дорога (two words) = railway; выбары (Belarusian) = elections.
    for (query, listed, q, l) in [
        ("United Russia", "Единая Россия", "united", "единая"),
        (
            "Belarusian Railway",
            "Государственное объединение \"Белорусская железная дорога\"",
            "railway",
            "железная",
        ),
        (
            "CENTRAL ELECTION COMMISSION OF THE REPUBLIC OF BELARUS",
            "TSENTRALNAYA KAMISIYA RESPUBLIKI BELARUS PA VYBARAKH",
            "election",
            "vybarakh",
        ),
    ] {
        let s = org(query, listed);
        assert!(
            paired(&s, q, l),
            "{query} ~ {listed}: {q} not paired with {l}: {:?}",
            s.explanation
        );
    }
}

/// A country's name in another script that is also a few edits from the Latin one (Iraq,
/// عراق read `irak`) meets it as the same word, on the shared concept key, not as a weak
/// spelling match. The UN list writes Iraqi bodies in Arabic and English.
#[test]
fn a_shared_country_key_outranks_a_near_spelling() {
    let s = org("IRAQ", "عراق");
    let pair = &s.explanation.tokens[0];
    assert!(
        matches!(&pair.path, tamga_matcher::MatchPath::Phonetic { key } if key == "@iraq"),
        "{pair:?}"
    );
    assert!(pair.similarity >= 0.9, "{pair:?}");
}
