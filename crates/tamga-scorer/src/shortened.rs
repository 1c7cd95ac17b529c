//! A person's name written with fewer given or middle names than the other name has
//! (`STUDHALTER, Hugo` ~ `STUDHALTER, Hugo Ange Christophe`, "first last" in a payment
//! message): the other name's extra given names cost [`EXTRA_GIVEN_NAME_COST`] of their
//! weight in the coverage's denominator (step 4 of the crate docs), under the conditions
//! [`extra_given_names`] states. The counterpart of `contradiction`, which makes a
//! person's other parts cost more.

use crate::align::Scratch;
use crate::contradiction::parts_may_contradict;
use crate::pair::Path;
use crate::prepared::{aligned_tokens, PreparedName, Tok};
use crate::{EXTRA_GIVEN_NAME_COST, EXTRA_GIVEN_NAME_MIN_SIMILARITY, UNMATCHED_QUERY_COST};
use tamga_names::TokenRole;

/// By how much the coverage's denominator shrinks for the extra given names of the
/// longer of two persons' names, which go to `s.extra` for the explanation. A given name
/// is extra, and costs [`EXTRA_GIVEN_NAME_COST`] of its weight, when
///
/// * the names are persons' ([`parts_may_contradict`]) and nothing contradicts
///   (`s.contradicted`): `TSYPLAKOV, Gennady` ~ `TSYPLAKOV, Sergey Gennadevich` is
///   another person's name, not a shorter one;
/// * neither is written in Han or Hangul, whose given name is one name of one or two
///   syllables: a syllable left over is another given name (李成 is not `LI, Cheng Yu`);
///   nor is the longer name one whose every name is a word of one syllable
///   ([`in_syllables`]), as Chinese, Korean and Vietnamese names are in Latin letters:
///   `SON, Jong Hyok`, `LI, Kai Shou`, `NGUYEN, Van Thanh` have one given name written
///   in syllables, and `SON, Jong` is another name, not the same one shortened;
/// * the shorter name is matched whole (its names, patronymics and initials, each at
///   [`EXTRA_GIVEN_NAME_MIN_SIMILARITY`] at least), among them its family name and a
///   given name written in full, as either name tells their roles (when both tell and
///   disagree, neither is taken);
/// * the longer leaves no family name over (`Anna Lopez` ~ `LOPEZ TORRES, Ana Lilia`
///   lacks a surname as well: the common way of writing such a name, but partial);
/// * it is a given name by the longer name's own roles (the comma form `SURNAME, Given
///   Middle` or the capitals tell them; a name that tells no roles gives none), written
///   after the first given name matched: a middle name, or in an Arabic name the
///   father's and grandfather's names (`DWAIK, Aziz Salem Mustada`), not a first name
///   before it, where the shorter name's given name may be the father's
///   (`Abdelkarim Hussein Mohamed AL-NASSER`).
pub(crate) fn extra_given_names(q: &PreparedName, l: &PreparedName, s: &mut Scratch) -> f64 {
    s.extra.clear();
    if !parts_may_contradict(q, l) || !s.contradicted.is_empty() {
        return 0.0;
    }
    let (qt, lt) = (aligned_tokens(q), aligned_tokens(l));
    if qt.iter().chain(lt).any(|t| t.syllable_token) {
        return 0.0;
    }
    // Titles, particles and the like may be left over; names and initials may not.
    let whole =
        |toks: &[Tok], used: &[bool]| toks.iter().zip(used).all(|(t, &u)| u || t.factor < 0.35);
    let (short_q, short, long, long_used) = match (whole(qt, &s.q_used), whole(lt, &s.l_used)) {
        (true, false) => (true, qt, lt, &s.l_used),
        (false, true) => (false, lt, qt, &s.q_used),
        _ => return 0.0,
    };
    if in_syllables(long) {
        return 0.0;
    }
    let known = |toks: &[Tok]| {
        toks.iter()
            .map(|t| t.role)
            .find(|&r| r != TokenRole::Unknown)
    };
    let (mut family, mut first_given) = (false, None::<usize>);
    for it in &s.chosen {
        let (mine, other) = if short_q { (it.q, it.l) } else { (it.l, it.q) };
        let mine = &short[usize::from(mine.0)..usize::from(mine.1)];
        let (other_at, other) = (
            usize::from(other.0),
            &long[usize::from(other.0)..usize::from(other.1)],
        );
        if mine.iter().any(|t| t.factor >= 0.35) && it.sim < EXTRA_GIVEN_NAME_MIN_SIMILARITY {
            return 0.0;
        }
        // A run written together may hold a particle (`BIN AL-SHIBH`); an initial is no name.
        let in_full = !matches!(it.path, Path::Initial) && mine.iter().any(|t| t.factor >= 1.0);
        match (known(mine), known(other)) {
            (Some(a), Some(b)) if a != b => {}
            (Some(TokenRole::Family), _) | (None, Some(TokenRole::Family)) => family |= in_full,
            (Some(TokenRole::Given), _) | (None, Some(TokenRole::Given)) if in_full => {
                first_given = Some(first_given.map_or(other_at, |f| f.min(other_at)));
            }
            _ => {}
        }
    }
    let Some(first_given) = first_given.filter(|_| family) else {
        return 0.0;
    };
    let left = |k: usize, t: &Tok| !long_used[k] && t.factor >= 1.0;
    if long
        .iter()
        .enumerate()
        .any(|(k, t)| left(k, t) && t.role == TokenRole::Family)
    {
        return 0.0;
    }
    let (w, full) = if short_q {
        (&s.wl, 1.0)
    } else {
        (&s.wq, UNMATCHED_QUERY_COST)
    };
    let mut discount = 0.0;
    for (k, t) in long.iter().enumerate().skip(first_given) {
        if left(k, t) && t.role == TokenRole::Given {
            discount += (full - EXTRA_GIVEN_NAME_COST).max(0.0) * w[k];
            s.extra.push((!short_q, k));
        }
    }
    discount
}

/// Whether every name of a name (initials, titles and particles aside) is a word of one
/// syllable, one run of vowel letters (`son`, `jong`, `hyok`, `kai`, `shou`, `nguyen`,
/// `thanh`): the way Chinese, Korean and Vietnamese names are written in Latin letters,
/// a syllable a word, a given name in two or three of them. Western names of one-syllable
/// words (`SMITH, Paul John`) are read so too, and keep their middle names' full cost:
/// the safe side.
fn in_syllables(tokens: &[Tok]) -> bool {
    let vowel = |b: u8| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
    let one_syllable = |t: &Tok| {
        let b = t.latin.as_bytes();
        (0..b.len())
            .filter(|&k| vowel(b[k]) && (k == 0 || !vowel(b[k - 1])))
            .count()
            == 1
    };
    let mut names = tokens.iter().filter(|t| t.factor >= 1.0).peekable();
    names.peek().is_some() && names.all(one_syllable)
}
