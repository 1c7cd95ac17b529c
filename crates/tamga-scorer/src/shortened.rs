//! A name written shorter than the other: a person's name with fewer given or middle names
//! than the other name has (`STUDHALTER, Hugo` ~ `STUDHALTER, Hugo Ange Christophe`, "first
//! last" in a payment message), whose extra given names cost [`EXTRA_GIVEN_NAME_COST`] of
//! their weight under the conditions [`extra_given_names`] states; and a listed
//! organisation's name contained whole in a longer screened name (`DOLLY BELL DOO
//! BEOGRAD-NOVI BEOGRAD` ~ `DOLLY BELL`), whose extra words cost [`EXTRA_QUERY_WORD_COST`]
//! of theirs under the conditions [`extra_query_words`] states. Both shrink the coverage's
//! denominator (step 4 of the crate docs). The counterpart of `contradiction`, which makes
//! a person's other parts cost more.

use crate::align::Scratch;
use crate::contradiction::parts_may_contradict;
use crate::pair::Path;
use crate::prepared::{aligned_tokens, PreparedName, Tok};
use crate::{
    CONTAINED_MIN_SIMILARITY, EXTRA_GIVEN_NAME_COST, EXTRA_GIVEN_NAME_MIN_SIMILARITY,
    EXTRA_QUERY_WORD_COST, UNMATCHED_QUERY_COST,
};
use tamga_names::{PartyHint, TokenRole};

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
    s.extra_on_query = !short_q;
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
            s.extra.push(k);
        }
    }
    discount
}

/// By how much the coverage's denominator shrinks for the extra words of a screened name
/// that contains a listed organisation's name whole, which go to `s.extra_words` for the
/// explanation; `unmatched_query` is the weight of the query's unmatched tokens that still
/// costs (its own abbreviations and repetitions excluded). The extra words cost
/// [`EXTRA_QUERY_WORD_COST`] of their weight, not [`UNMATCHED_QUERY_COST`], when
///
/// * neither name is a person's: a company's legal form, city, branch or descriptor
///   added to its listed name (`DOLLY BELL DOO BEOGRAD-NOVI BEOGRAD` ~ `DOLLY BELL`,
///   `TRO ITALIA` ~ `TRO`) is that company, while a person's extra names are another
///   matter ([`extra_given_names`]);
/// * every token of the listed name is matched, a name word among them (a listed legal
///   form or stopword alone is no name to contain);
/// * every name word of the listed name is matched at [`CONTAINED_MIN_SIMILARITY`] at
///   least, the word as listed (exact or transliterated), not a lookalike: `Bauer Metz
///   GmbH` does not contain `BAJER S.R.L.`;
/// * no extra word is a surname by its formant ([`tamga_names::suffix_role`]: `-ov`, `-enko`,
///   `-yan`):
///   `AO «Kuznetsov-Lobanov»`, `АО «Калашников Фомичев»` name a second person beside the
///   listed name, a firm of partners named after them, not the listed company with a
///   descriptor.
pub(crate) fn extra_query_words(
    q: &PreparedName,
    l: &PreparedName,
    s: &mut Scratch,
    unmatched_query: f64,
) -> f64 {
    s.extra_words.clear();
    if q.party == PartyHint::Person || l.party == PartyHint::Person || unmatched_query <= 0.0 {
        return 0.0;
    }
    // Tokens past the aligned ones are never used, so a name that long is not matched whole.
    if !s.l_used.iter().all(|&u| u) {
        return 0.0;
    }
    let lt = aligned_tokens(l);
    let mut names = false;
    for it in &s.chosen {
        let listed = &lt[usize::from(it.l.0)..usize::from(it.l.1)];
        if listed.iter().any(|t| t.factor >= 1.0) {
            if it.sim < CONTAINED_MIN_SIMILARITY {
                return 0.0;
            }
            names = true;
        }
    }
    if !names {
        return 0.0;
    }
    for (k, t) in q.tokens.iter().enumerate().filter(|&(k, _)| !s.q_used[k]) {
        if t.factor >= 1.0 && t.has_family_formant() {
            s.extra_words.clear();
            return 0.0;
        }
        s.extra_words.push(k);
    }
    (UNMATCHED_QUERY_COST - EXTRA_QUERY_WORD_COST).max(0.0) * unmatched_query
}

/// Whether every name of a name (initials, titles and particles aside) is a word of one
/// syllable, one run of vowel letters (`son`, `jong`, `hyok`, `kai`, `shou`, `nguyen`,
/// `thanh`): the way Chinese, Korean and Vietnamese names are written in Latin letters,
/// a syllable a word, a given name in two or three of them. Western names of one-syllable
/// words (`SMITH, Paul John`) are read so too, and keep their middle names' full cost:
/// the safe side.
fn in_syllables(tokens: &[Tok]) -> bool {
    let vowel = tamga_names::phonetic::is_vowel_or_y;
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
