//! Contradictions between two persons' names: the parts (another given name
//! or patronymic of an East Slavic name, another Korean family name) by which
//! the other name says another person, found once the alignment has chosen
//! its pairs ([`find_contradictions`]), and what they add to the coverage's
//! denominator ([`contradiction`]): the contradicted parts of step 4 of the
//! crate docs.

use crate::align::{Item, Scratch};
use crate::prepared::{aligned_tokens, PreparedName, Tok, MAX_ALIGNED_TOKENS};
use crate::{CONTRADICTION_COST, UNMATCHED_QUERY_COST};
use rapidfuzz::distance::osa;
use tamga_names::{PartyHint, TokenRole};

/// Whether two names may contradict each other part for part ([`contradiction`]): when
/// one is known to be a person's and neither an organisation's. A screened name of unknown
/// kind is read for roles as a person's would be (`analyze`), so its patronymic or Korean
/// family name contradicts a listed person's as a known person's does; two names of unknown
/// kind (or a vessel's, read as an organisation's) are not compared part for part, as
/// nothing says either has a person's parts.
#[inline]
pub(crate) fn parts_may_contradict(q: &PreparedName, l: &PreparedName) -> bool {
    let organisation = |n: &PreparedName| n.party == PartyHint::Organization;
    !organisation(q)
        && !organisation(l)
        && (q.party == PartyHint::Person || l.party == PartyHint::Person)
}

/// The extra weight (added to the coverage's denominator) of the tokens by which two
/// persons' names contradict each other (`s.contradicted`), each token counted once:
///
/// * two East Slavic names, each with a patronymic (a strong suffix, `-ovich`, `-kyzy`):
///   the unmatched patronymics, when their fathers' names differ
///   (`Исаев Андрей Венедиктович` ~ `Исаев Андрей Константинович`), and the unmatched given
///   names, when they differ (`Andreev Gedeon Viktorovich` ~ `ANDREEV, Pavel Viktorovich`):
///   such a name has one given name and one patronymic, so two different ones are two
///   people, however common the names (which is why their rarity says too little). A
///   patronymic that is missing is not contradicted, nor is one in another language's form
///   ([`names_differ`]);
/// * a Korean name in Hangul against a Latin name that writes another family name
///   ([`korean_family_contradiction`]);
/// * a name whose family name is unmatched against one whose family name it holds as a
///   given name ([`family_as_given_name`]): `Muhammadayub Usmonov` ~ `Qari Muhammad AYUB`;
/// * two names whose family names, one of them with its formant, are both unmatched and
///   far apart, only given names matched ([`another_family_name`]);
/// * two names whose family name, one with its formant, matched and whose given names
///   did not and are far apart ([`another_given_name`]).
///
/// Names that are not a person's have no such parts: 0.
#[inline]
pub(crate) fn contradiction(s: &Scratch) -> f64 {
    if s.contradicted.is_empty() {
        return 0.0;
    }
    // A token in two pairs (a Latin family name both sides' Korean rules flag) costs once.
    let mut q_flag = [false; MAX_ALIGNED_TOKENS];
    let mut l_flag = [false; MAX_ALIGNED_TOKENS];
    for &(a, b, _) in &s.contradicted {
        q_flag[a] = true;
        l_flag[b] = true;
    }
    let mut extra = 0.0;
    for (k, _) in q_flag.iter().enumerate().filter(|(_, &f)| f) {
        extra += CONTRADICTION_COST * s.wq[k];
        if !s.q_used[k] {
            extra += (1.0 - UNMATCHED_QUERY_COST) * s.wq[k];
        }
    }
    for (k, _) in l_flag.iter().enumerate().filter(|(_, &f)| f) {
        extra += CONTRADICTION_COST * s.wl[k];
    }
    extra
}

/// Fills `s.contradicted` with the pairs of tokens (query position, list position, part of
/// the name) by which two persons' names contradict each other, as [`contradiction`]
/// defines them, once the alignment has chosen its pairs; the vector is the scratch's, so
/// the hot path allocates nothing.
#[inline]
pub(crate) fn find_contradictions(q: &PreparedName, l: &PreparedName, s: &mut Scratch) {
    let (qt, lt) = (aligned_tokens(q), aligned_tokens(l));
    let mut pairs = std::mem::take(&mut s.contradicted);
    if q.has_patronymic && l.has_patronymic {
        for (role, part) in [
            (TokenRole::Given, "given"),
            (TokenRole::Patronymic, "patronymic"),
        ] {
            let heaviest = |toks: &[Tok], used: &[bool], w: &[f64]| {
                toks.iter()
                    .enumerate()
                    .filter(|&(k, t)| !used[k] && t.role == role && t.factor >= 0.6)
                    .max_by(|a, b| w[a.0].total_cmp(&w[b.0]))
                    .map(|(k, _)| k)
            };
            if let (Some(a), Some(b)) = (
                heaviest(qt, &s.q_used, &s.wq),
                heaviest(lt, &s.l_used, &s.wl),
            ) {
                if names_differ(&qt[a], &lt[b]) {
                    pairs.push((a, b, part));
                }
            }
        }
    }
    // Each rule read both ways; a pair two rules (or both ways) find counts once.
    let found = [
        (another_given_name(qt, lt, &s.q_used, &s.l_used), "given"),
        (
            korean_family_contradiction(qt, lt, &s.q_used, &s.chosen, false),
            "family",
        ),
        (
            korean_family_contradiction(lt, qt, &s.l_used, &s.chosen, true).map(|(b, a)| (a, b)),
            "family",
        ),
        (
            family_as_given_name(qt, lt, &s.q_used, &s.chosen, false),
            "family",
        ),
        (
            family_as_given_name(lt, qt, &s.l_used, &s.chosen, true).map(|(b, a)| (a, b)),
            "family",
        ),
        (another_family_name(qt, lt, &s.q_used, &s.l_used), "family"),
    ];
    for (pair, part) in found {
        if let Some((a, b)) = pair.filter(|&p| !pairs.iter().any(|&(x, y, _)| (x, y) == p)) {
            pairs.push((a, b, part));
        }
    }
    s.contradicted = pairs;
}

/// Whether two given names, or the fathers' names of two patronymics (their stem keys,
/// `@s:`, which the East Slavic and Turkic suffixes share), are too far apart to be one
/// name spelt otherwise: more than a third of the longer apart (Konstantin ~ Venedikt,
/// Taras ~ Igor), where a name in another language's form stays within it (Mykola ~
/// Nikolai, Henryk ~ Genrikh, Ermyrza ~ Ermurza).
#[inline]
fn names_differ(a: &Tok, b: &Tok) -> bool {
    fn key(t: &Tok) -> Option<&str> {
        if t.role == TokenRole::Patronymic {
            t.variants.iter().find_map(|v| v.strip_prefix("@s:"))
        } else {
            Some(&t.phonetic)
        }
    }
    // A patronymic whose suffix the stem table does not know tells no father's name.
    let (Some(x), Some(y)) = (key(a), key(b)) else {
        return false;
    };
    let longer = x.len().max(y.len());
    let near = longer / 3;
    osa::distance_with_args(
        x.bytes(),
        y.bytes(),
        &osa::Args::default().score_cutoff(near),
    )
    .is_none()
}

/// A Korean name in Hangul (`korean`) whose family name is unmatched, against a Latin name
/// (`latin`) whose first or last word is a Korean family name ([`tamga_names::korean`]) left
/// unmatched or matched to a syllable of the given name: two family names, two people
/// (이경희 is not `Kim Kyong HUI`, 김유진 is not `RYU JIN`). The table holds the spellings
/// of the Hangul family name too, so the same family written otherwise is matched, not
/// contradicted. Gives the two tokens' positions; `flipped` when `korean` is the list side.
pub(crate) fn korean_family_contradiction(
    korean: &[Tok],
    latin: &[Tok],
    korean_used: &[bool],
    chosen: &[Item],
    flipped: bool,
) -> Option<(usize, usize)> {
    let family = korean
        .iter()
        .position(|t| t.hangul && t.role == TokenRole::Family)?;
    if korean_used[family] || latin.len() < 2 || !latin.iter().all(|t| t.text.is_ascii()) {
        return None;
    }
    let partner = |k: usize| {
        chosen.iter().find_map(|it| {
            let (latin_side, korean_side) = it.ranges_from(flipped);
            latin_side.contains(&k).then_some(korean_side)
        })
    };
    [0, latin.len() - 1]
        .into_iter()
        .find(|&k| {
            latin[k].korean_family
                && match partner(k) {
                    None => true,
                    Some(run) => run
                        .into_iter()
                        .any(|j| korean[j].hangul && korean[j].role == TokenRole::Given),
                }
        })
        .map(|k| (family, k))
}

/// A name (`one`) whose family name is left unmatched, against a name (`other`) whose
/// family name one given name of `one` writes inside a run of words as one word: the
/// other's surname is in this name's given name, and this name's own surname says another
/// family. Uzbek and Tajik given names join `Muhammad` with a second name
/// (`Muhammadayub`, `Muhammadyusuf`, `Muhammadamin`): `Muhammadayub Usmonov` is a
/// Usmonov, not the listed `Qari Muhammad AYUB`, whose whole name his given name spells.
/// When `other` tells no roles, a run that holds all its names is the whole name and
/// holds its family name too (`Qari Muhammad Ayub`). `one`'s family name must say so by
/// its own formant (`-ov`, `-zoda`, `-enko`: [`Tok::has_family_formant`]), not by a
/// weaker reading of roles: `Kevin Daniels` reads `Kevin` as a family name by its `-in`,
/// and `Daniels` ~ `DANIEL, Saw` is another matter. Only a run written as one word:
/// lists give the same person with given and family names swapped between aliases (`MARK, James Nando` ~ `James Nando
/// MARK`, roles read from capitals and commas that disagree), so a family name matched to
/// a given name word for word is no evidence of another family. Gives the two family
/// names' positions (`one`'s, then `other`'s); `flipped` when `one` is the list side.
pub(crate) fn family_as_given_name(
    one: &[Tok],
    other: &[Tok],
    one_used: &[bool],
    chosen: &[Item],
    flipped: bool,
) -> Option<(usize, usize)> {
    let run = chosen.iter().find_map(|it| {
        let (run, word) = it.ranges_from(flipped);
        (run.len() > 1 && word.len() == 1 && one[word.start].role == TokenRole::Given)
            .then_some(run)
    })?;
    // Runs written as one word are rare: looked for first, the formant only then.
    let family = (0..one.len())
        .find(|&k| !one_used[k] && one[k].factor >= 1.0 && one[k].has_family_formant())?;
    let other_family = match other.iter().position(|t| t.role == TokenRole::Family) {
        Some(k) => k,
        None if other.iter().all(|t| t.role == TokenRole::Unknown) => run.end - 1,
        None => return None,
    };
    let names_in_run = other
        .iter()
        .enumerate()
        .filter(|(_, t)| t.factor >= 1.0)
        .all(|(k, _)| run.contains(&k));
    (run.contains(&other_family) && names_in_run).then_some((family, other_family))
}

/// Two names that each tell their family name, neither matched, and the two far apart
/// ([`names_differ`]), while what matched is given names only: `Hans-Peter Rosenow` is
/// not `BOMATTER, Hans Peter`, a namesake of another family. One of the two must be a
/// family name by its formant (`-ow`, `-ova`: [`Tok::has_family_formant`]): a comma or
/// capitals alone do not prove another family in an Arabic name, whose aliases move its
/// parts (`AL-MULA, Amir …` ~ `AL-MAWLA, Amir …`), nor in a Korean one written in Latin
/// letters (`Tcheul-hy KIM` ~ `Tcheul-hy DJANG`), and a maiden name (`ESHSTRUT` ~
/// `ZHUKOVA`, both `Anastasiya Olegovna`) is below the alert band with or without this.
/// Gives the two family names' positions (query's, then list's).
pub(crate) fn another_family_name(
    qt: &[Tok],
    lt: &[Tok],
    q_used: &[bool],
    l_used: &[bool],
) -> Option<(usize, usize)> {
    let family = |toks: &[Tok], used: &[bool]| {
        let mut unmatched = None;
        for (k, t) in toks.iter().enumerate() {
            if t.role != TokenRole::Family {
                continue;
            }
            if used[k] {
                return None;
            }
            if t.factor >= 1.0 && unmatched.is_none() {
                unmatched = Some(k);
            }
        }
        unmatched
    };
    let (a, b) = (family(qt, q_used)?, family(lt, l_used)?);
    let formant = qt[a].has_family_formant() || lt[b].has_family_formant();
    (formant && names_differ(&qt[a], &lt[b])).then_some((a, b))
}

/// Two names whose family names matched and whose given names, one on each side, did
/// not: `Кудряшова Галина` is not `KUDRYASHOVA, Olga`, another woman of the family. The
/// matched family name must be one by its formant (`-ova`, `-ov`: East Slavic, Turkic,
/// Caucasian names, which lists give with the full given name), since beside another
/// family name an alias may go by another given name (`CARRILLO FUENTES, Andres` ~
/// `… Vicente`: two held-out aliases fell below the 1 % threshold without this); each name
/// must tell its given name by its roles, and the two must be far apart
/// ([`names_differ`], which keeps another language's form of one name). A given name of
/// either side that is matched (one of two given names written) is no contradiction.
/// Gives the two given names' positions (query's, then list's).
pub(crate) fn another_given_name(
    qt: &[Tok],
    lt: &[Tok],
    q_used: &[bool],
    l_used: &[bool],
) -> Option<(usize, usize)> {
    let sides = |toks: &[Tok], used: &[bool]| {
        let mut given = None;
        let mut family_matched = false;
        for (k, t) in toks.iter().enumerate() {
            match t.role {
                TokenRole::Given if used[k] => return None,
                TokenRole::Given if t.factor >= 1.0 && given.is_none() => given = Some(k),
                TokenRole::Family if used[k] && t.has_family_formant() => family_matched = true,
                _ => {}
            }
        }
        given.filter(|_| family_matched)
    };
    let (a, b) = (sides(qt, q_used)?, sides(lt, l_used)?);
    names_differ(&qt[a], &lt[b]).then_some((a, b))
}
