//! Russian organisation-type abbreviations (НИИ, ЦНИИ, ГосМКБ, ПО, УК, АКБ;
//! `tamga-names/data/ru_abbreviations.tsv`) meet the words they abbreviate, in
//! Russian and in English translation, without making two organisations of the
//! same kind meet each other.
//!
//! The positive pairs are names of one entity as published in the UK OFSI and
//! US OFAC lists (2025 releases bundled under `data/lists`).

use std::collections::HashMap;
use tamga_matcher::{NameKindHint, NameScorer, NoStats, TokenStats};
use tamga_names::{analyze, PartyHint};
use tamga_scorer::TamgaScorer;

fn org(a: &str, b: &str) -> f64 {
    org_with(a, b, &NoStats)
}

fn org_with(a: &str, b: &str, stats: &dyn TokenStats) -> f64 {
    let s = TamgaScorer;
    let a = s.prepare(a, NameKindHint::Organization);
    let b = s.prepare(b, NameKindHint::Organization);
    s.score(&a, &b, stats).score
}

/// Token frequencies of a small list: the share of its names a skeleton occurs in, as the
/// screening index counts them.
struct ListStats(HashMap<String, f64>);

impl ListStats {
    fn of(names: &[&str]) -> ListStats {
        let mut counts: HashMap<String, f64> = HashMap::new();
        for name in names {
            let mut seen: Vec<String> = analyze(name, PartyHint::Organization)
                .tokens
                .into_iter()
                .map(|t| t.latin)
                .collect();
            seen.sort();
            seen.dedup();
            for t in seen {
                *counts.entry(t).or_default() += 1.0;
            }
        }
        let n = names.len() as f64;
        ListStats(counts.into_iter().map(|(k, c)| (k, c / n)).collect())
    }
}

impl TokenStats for ListStats {
    fn frequency(&self, token: &str) -> f64 {
        self.0.get(token).copied().unwrap_or(0.0)
    }
}

#[test]
fn abbreviations_meet_their_words_and_translations() {
    for (a, b) in [
        (
            "AO NII VEKTOR",
            "JOINT STOCK COMPANY SCIENTIFIC-RESEARCH INSTITUTE VEKTOR",
        ),
        (
            "TSNII BUREVESTNIK AO",
            "JOINT STOCK COMPANY CENTRAL SCIENTIFIC RESEARCH INSTITUTE BUREVESTNIK",
        ),
        ("АО ЦНИИ Буревестник", "TSNII BUREVESTNIK AO"),
        (
            "AKTSIONERNOE OBSHCHESTVO NAUCHNO ISSLEDOVATELSKII INSTITUT SREDSTV VYCHISLITELNOI TEKHNIKI",
            "AO NII SVT",
        ),
        (
            "AO GOSMKB RADUGA IM. A.YA.BEREZNYAKA",
            "RADUGA STATE ENGINEERING DESIGN BUREAU JSC NAMED AFTER A.Y. BEREZNYAK",
        ),
        (
            "AO PROIZVODSTVENNOE OBYEDINENIE 'URALENERGOMONTAZH'",
            "PO URALENERGOMONTAZH ZAO",
        ),
        (
            "OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU UPRAVLYAYUSHCHAYA KOMPANIYA RFPI",
            "UK RFPI, OOO",
        ),
        ("JOINT STOCK COMMERCIAL BANK PRIMORYE", "AKB PRIMORYE PAO"),
    ] {
        let s = org(a, b);
        assert!(s >= 0.75, "{a} ~ {b}: {s}");
        let s = org(b, a);
        assert!(s >= 0.75, "{b} ~ {a}: {s}");
    }
}

#[test]
fn organisations_of_one_kind_stay_apart() {
    // A listed name against a different organisation of the same kind: the
    // abbreviation says what kind of body it is, not which. Weighed as in a list
    // where each kind of organisation is common and each trade name rare.
    let pairs = [
        ("AO NII VEKTOR", "AO NII PLATAN"),
        ("TSNII BUREVESTNIK AO", "TSNII KRYLOVA AO"),
        ("AKB PRIMORYE PAO", "AKB ROSSIYA PAO"),
        ("PO URALENERGOMONTAZH ZAO", "PO SEVMASH ZAO"),
        ("UK RFPI, OOO", "UK ALFA KAPITAL, OOO"),
        ("NPO MASHINOSTROYENIYA", "NPO SPLAV"),
        ("OKB SUKHOI", "OKB YAKOVLEV"),
    ];
    let names: Vec<&str> = pairs.iter().flat_map(|(a, b)| [*a, *b]).collect();
    let stats = ListStats::of(&names);
    for (listed, other) in pairs {
        let s = org_with(listed, other, &stats);
        assert!(s < 0.5, "{listed} ~ {other}: {s}");
    }
}

#[test]
fn two_capitals_are_read_as_an_abbreviation_only_leading_a_russian_name() {
    // `UK` in the middle of a name, or in a name with no Russian legal form, is
    // the country: the two names below agree word for word.
    let s = org("GKR UK LLC", "GKR UK OOO");
    assert!(s > 0.9, "{s}");
    let s = org("PCC (UK) LTD", "PCC MANAGEMENT COMPANY LTD");
    assert!(s < 0.7, "{s}");
}
