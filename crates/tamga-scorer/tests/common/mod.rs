//! Scoring helpers shared by the scorer's integration tests: one pair of names through
//! `TamgaScorer`'s public interface, without token statistics. Each test file uses some.
#![allow(dead_code)]

use tamga_matcher::{NameKindHint, NameScore, NameScorer, NoStats};
use tamga_scorer::TamgaScorer;

/// The score of `query` against `listed`, both of the given kind.
pub fn score(query: &str, listed: &str, kind: NameKindHint) -> NameScore {
    let s = TamgaScorer;
    s.score(&s.prepare(query, kind), &s.prepare(listed, kind), &NoStats)
}

/// [`score`] between two persons' names.
pub fn person(a: &str, b: &str) -> NameScore {
    score(a, b, NameKindHint::Person)
}

/// [`score`] between two organisations' names.
pub fn organisation(a: &str, b: &str) -> NameScore {
    score(a, b, NameKindHint::Organization)
}

/// The score alone of [`person`].
pub fn person_score(a: &str, b: &str) -> f64 {
    person(a, b).score
}

/// The score alone of [`organisation`].
pub fn organisation_score(a: &str, b: &str) -> f64 {
    organisation(a, b).score
}
