//! Acronyms and initialisms of organisation names.
//!
//! Organisations are listed and screened under their initials as often as under their words:
//! `PCC (UK)` is `PETROCHEMICAL COMMERCIAL COMPANY (U.K.)`, `IMU` the `ISLAMIC MOVEMENT OF
//! UZBEKISTAN`, `NPO RADIOVOLNA` a `NAUCHNO-PROIZVODSTVENNOYE OBYEDINENIYE RADIOVOLNA`. Two
//! mechanisms make them meet:
//!
//! * **Acronyms** are a relation between one token and a run of tokens: the token's letters
//!   are the run's initials.
//! * **Initialisms** are the same relation where the run is of one-letter tokens
//!   (`M. D. S. IMPORT` ~ `MDS IMPORT`, `T.M.G.` ~ `TMG`): the same letters, written apart.
//!   The initials stay separate tokens (joining them would also join `B.I., P.T.P.` across
//!   the comma, and `S.A.C.` into a heavy name token). A run starts and ends on a significant word; the function words
//!   of `data/function_words.txt` (`of`, `and`, `de`, `et`, `al`, …) inside it either give
//!   their initial too (`BANK OF NEW YORK` = `BONY`) or are skipped (`COMITE DE BIENFAISANCE
//!   ET DE SECOURS AUX PALESTINIENS` = `CBSP`); both readings are tried. Legal forms and tokens
//!   that do not start with a letter end a run (`PCC UK LTD`: the form is matched on its own).
//! * A word whose romanisation writes one letter of its script with two (`Ts` for Ц, `Ch` for
//!   Ч: `data/digraph_initials.txt`) gives an acronym either its first letter or both, since an
//!   acronym written from the Cyrillic takes one letter a word (`AO NTSLSK` = `Natsionalnyi
//!   TSentr Lazernykh Sistem i Kompleksov`, `CHTZ` = `CHelyabinskii Traktornyi Zavod`); the
//!   [`Span`] counts the words, which is what an acronym's evidence rests on.
//!
//! Only names that may be organisations take part ([`AnalyzedName::party`] is not a person),
//! and only acronyms of [`MIN_ACRONYM`]..=[`MAX_ACRONYM`] letters: two letters are initials
//! of too many runs to tell anything. A token can be read as an acronym only when it is not
//! written with lowercase letters ([`NameToken::has_lower`]): `Rust GmbH` names a word, `RUST`
//! might be initials. The index files [`acronym_keys`] of list names and probes a query
//! token's skeleton against them (and the query's own [`acronym_keys_at`] against the list
//! skeletons); the scorer aligns a token with a run through [`acronym_span`].

use crate::tables::{words, FastSet, TableError};
use crate::{AnalyzedName, NameToken, PartyHint, TokenClass};
use std::sync::LazyLock;

/// Fewest letters an acronym may have.
pub const MIN_ACRONYM: usize = 3;
/// Most letters an acronym may have (longer runs are names, not initials).
pub const MAX_ACRONYM: usize = 8;

static FUNCTION_WORDS: LazyLock<Result<FastSet<String>, TableError>> = LazyLock::new(|| {
    const FILE: &str = "data/function_words.txt";
    let mut set = FastSet::default();
    for (line, word) in words(include_str!("../data/function_words.txt")) {
        if word.is_empty() || !word.bytes().all(|b| b.is_ascii_lowercase()) {
            return Err(TableError {
                file: FILE,
                line,
                message: format!("`{word}` is not a lowercase ASCII word"),
            });
        }
        set.insert(word.to_string());
    }
    Ok(set)
});

static DIGRAPH_INITIALS: LazyLock<Result<Vec<[u8; 2]>, TableError>> = LazyLock::new(|| {
    const FILE: &str = "data/digraph_initials.txt";
    let mut out = Vec::new();
    for (line, word) in words(include_str!("../data/digraph_initials.txt")) {
        match word.as_bytes() {
            &[a, b] if a.is_ascii_lowercase() && b.is_ascii_lowercase() => out.push([a, b]),
            _ => {
                return Err(TableError {
                    file: FILE,
                    line,
                    message: format!("`{word}` is not two lowercase ASCII letters"),
                })
            }
        }
    }
    Ok(out)
});

/// The load result of the function-word and digraph-initial lists, for
/// [`crate::check_tables`].
pub(crate) fn load_result() -> Result<(), TableError> {
    FUNCTION_WORDS.as_ref().map(|_| ()).map_err(Clone::clone)?;
    DIGRAPH_INITIALS.as_ref().map(|_| ()).map_err(Clone::clone)
}

/// Whether a skeleton is a function word an acronym may skip (`of`, `de`, `et`, `al`, …;
/// see `data/function_words.txt`).
pub fn is_function_word(latin: &str) -> bool {
    match &*FUNCTION_WORDS {
        Ok(set) => set.contains(latin),
        Err(_) => false,
    }
}

/// Fewest letters of a one-word legal form written out in full (`Corporation`, `Limited`,
/// `Incorporated`), which gives its initial to an acronym like any word (`TMC` = `Tactical
/// Missiles Corporation`); abbreviated forms (`GmbH`, `Ltda`, `EIRELI`) are shorter.
const SPELT_OUT_FORM: usize = 7;

/// The letter a token gives an acronym (the first of its skeleton), or 0 when it ends a run
/// (an abbreviated or multi-word legal form, a token starting with a digit).
pub fn initial_letter(token: &NameToken) -> u8 {
    if matches!(token.class, TokenClass::LegalForm(_))
        && (token.latin.len() < SPELT_OUT_FORM || token.text.contains(' '))
    {
        return 0;
    }
    match token.latin.as_bytes().first() {
        Some(&b) if b.is_ascii_lowercase() => b,
        _ => 0,
    }
}

/// The second letter of a token's initial when its romanisation writes one letter of the
/// original script with two (`ts` of `Tsentralnyi` for Ц, see `data/digraph_initials.txt`),
/// or 0: an acronym written from the Cyrillic takes one letter, so the word may give an
/// acronym either its first letter or both (`TSNII`, `CHTZ`).
pub fn initial_second(token: &NameToken) -> u8 {
    if initial_letter(token) == 0 {
        return 0;
    }
    match (&*DIGRAPH_INITIALS, token.latin.as_bytes()) {
        (Ok(table), &[a, b, _, ..]) if table.contains(&[a, b]) => b,
        _ => 0,
    }
}

/// Whether a token may be read as an acronym: a name token of [`MIN_ACRONYM`] to
/// [`MAX_ACRONYM`] letters, not written with lowercase letters, not a function word.
pub fn is_acronym_candidate(token: &NameToken) -> bool {
    let n = token.latin.len();
    token.class == TokenClass::Name
        && !token.has_lower
        && (MIN_ACRONYM..=MAX_ACRONYM).contains(&n)
        && token.latin.bytes().all(|b| b.is_ascii_lowercase())
        && !is_function_word(&token.latin)
}

/// How a run of tokens, from the first, spells an acronym ([`acronym_span`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// The tokens of the run, function words skipped included.
    pub tokens: usize,
    /// The significant words that gave the acronym letters: fewer than its letters when a
    /// word gave two ([`initial_second`]) or a function word gave one (`BONY` = `Bank Of
    /// New York` is three words). A function word's letter is nearly free: the few
    /// function words start with a handful of letters, and each may give its letter or be
    /// skipped, so a run of names joined by `and` spells some listed acronym's vowel by
    /// chance (`Sarvinozova, Charosova and Nurmuhammadov` = `SCAN`).
    pub words: usize,
}

/// Most pieces of a stump compound that give an acronym their initials.
pub const MAX_STUMP_INITIALS: usize = 4;

/// The initials of a stump compound's pieces (`Metalloinvest` = metallo + invest: `mi`),
/// zero-padded; all zero for a token that is not a compound of 2 to [`MAX_STUMP_INITIALS`]
/// pieces. An acronym takes a letter from each word a compound stands for (`MIT` =
/// `Metalloinvest Trading`), so each piece counts as a word of its [`Span`].
pub type StumpInitials = [u8; MAX_STUMP_INITIALS];

/// The [`StumpInitials`] of a token's pieces ([`crate::stumps::split`]).
pub fn stump_initials(pieces: &[crate::stumps::Piece]) -> StumpInitials {
    initials_of(
        pieces
            .iter()
            .map(|p| p.latin.as_bytes().first().copied().unwrap_or(0)),
    )
}

/// The first [`MAX_STUMP_INITIALS`] letters, zero-padded; all zero for fewer than two
/// letters or more than [`MAX_STUMP_INITIALS`].
fn initials_of(letters: impl ExactSizeIterator<Item = u8>) -> StumpInitials {
    let mut out = [0; MAX_STUMP_INITIALS];
    if (2..=MAX_STUMP_INITIALS).contains(&letters.len()) {
        for (o, b) in out.iter_mut().zip(letters) {
            *o = b;
        }
    }
    out
}

/// The [`StumpInitials`] of every token of a name (all zero where a token is no compound, or
/// the name is not an organisation's: [`crate::stumps::has_compounds`]).
pub fn name_stump_initials(name: &AnalyzedName) -> Vec<StumpInitials> {
    let mut out = vec![[0; MAX_STUMP_INITIALS]; name.tokens.len()];
    for (i, pieces) in crate::stumps::splits(name) {
        out[i] = stump_initials(&pieces);
    }
    out
}

/// How many tokens, from the first, spell `key` by their initials, or None; as
/// [`acronym_span_with`] with no stump compound.
pub fn acronym_span(
    key: &[u8],
    len: usize,
    word: impl Fn(usize) -> (u8, u8, bool),
) -> Option<Span> {
    acronym_span_with(key, len, |k| {
        let (a, b, f) = word(k);
        (a, b, f, [0; MAX_STUMP_INITIALS])
    })
}

/// How many tokens, from the first, spell `key` by their initials, or None.
///
/// `word(k)` gives token `k`'s initial ([`initial_letter`], 0 ends a run), the second letter
/// of a two-letter initial it may give instead ([`initial_second`], 0 for none) and whether it
/// is a function word, and the initials of its pieces when it is a stump compound
/// ([`StumpInitials`], which it may give instead, each piece a word); `len` is the number of
/// tokens available. The run must start and end on a significant word. Every token giving
/// its initial is tried first, then function words skipped.
pub fn acronym_span_with(
    key: &[u8],
    len: usize,
    word: impl Fn(usize) -> (u8, u8, bool, StumpInitials),
) -> Option<Span> {
    if key.len() < MIN_ACRONYM || len == 0 {
        return None;
    }
    let (first, _, first_fn, _) = word(0);
    if first != key[0] || first_fn {
        return None;
    }
    // Every token gives its letter, then function words skipped.
    spell(key, 0, 0, len, &word, false, 0, 0, 0)
        .or_else(|| spell(key, 0, 0, len, &word, true, 0, 0, 0))
}

/// The rest of [`acronym_span`]: `key[pos..]` from token `k` on, `words` letters given so
/// far; with `skip`, function words give none, and at least one must have been skipped
/// (`skipped` counts them) for the reading to be new. The recursion branches only on
/// two-letter initials and stump compounds and is at most [`MAX_ACRONYM`] deep; `extra`
/// counts the words stump compounds gave beyond one each, `free` the function words that
/// gave a letter (not counted as words, see [`Span::words`]).
#[allow(clippy::too_many_arguments)]
fn spell(
    key: &[u8],
    pos: usize,
    k: usize,
    len: usize,
    word: &impl Fn(usize) -> (u8, u8, bool, StumpInitials),
    skip: bool,
    skipped: usize,
    extra: usize,
    free: usize,
) -> Option<Span> {
    if k >= len {
        return None;
    }
    let (letter, second, function, stumps) = word(k);
    if letter == 0 {
        return None;
    }
    if skip && function {
        return spell(key, pos, k + 1, len, word, skip, skipped + 1, extra, free);
    }
    let free = free + usize::from(function);
    let take = |n: usize, more: usize| {
        if pos + n == key.len() {
            (!function && (!skip || skipped > 0)).then_some(Span {
                tokens: k + 1,
                words: k + 1 - skipped - free + extra + more,
            })
        } else {
            spell(
                key,
                pos + n,
                k + 1,
                len,
                word,
                skip,
                skipped,
                extra + more,
                free,
            )
        }
    };
    if key[pos] != letter {
        return None;
    }
    if let Some(span) = take(1, 0) {
        return Some(span);
    }
    if second != 0 && key.get(pos + 1) == Some(&second) {
        if let Some(span) = take(2, 0) {
            return Some(span);
        }
    }
    let m = stumps.iter().take_while(|&&b| b != 0).count();
    if m >= 2 && key.get(pos..pos + m) == Some(&stumps[..m]) {
        return take(m, m - 1);
    }
    None
}

/// Whether a name's runs of tokens may be read as acronyms (anything but a person's name).
pub fn has_acronyms(name: &AnalyzedName) -> bool {
    name.party != PartyHint::Person
}

/// The acronyms of the runs of tokens starting at token `start` (both readings of function
/// words, [`MIN_ACRONYM`] to [`MAX_ACRONYM`] letters), for the index to look up as skeletons;
/// `stumps` are the name's [`name_stump_initials`], computed once for all its starts. Empty
/// for a person's name.
pub fn acronym_keys_at(name: &AnalyzedName, start: usize, stumps: &[StumpInitials]) -> Vec<String> {
    let mut out = Vec::new();
    if !has_acronyms(name) {
        return out;
    }
    let tokens = &name.tokens;
    let Some(first) = tokens.get(start) else {
        return out;
    };
    if initial_letter(first) == 0 || is_function_word(&first.latin) {
        return out;
    }
    let mut key = Vec::with_capacity(MAX_ACRONYM);
    for skip in [false, true] {
        keys_from(
            &tokens[start..],
            &stumps[start.min(stumps.len())..],
            skip,
            false,
            &mut key,
            &mut out,
        );
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Most keys [`acronym_keys_at`] gives one start: two-letter initials double the keys of the
/// runs through them, so a name of many such words is bounded here.
const MAX_KEYS_AT: usize = 64;

/// Pushes onto `out` the acronyms of the runs of `tokens` from the first, `key` holding the
/// letters given before them (see [`acronym_keys_at`]).
fn keys_from(
    tokens: &[NameToken],
    stumps: &[StumpInitials],
    skip: bool,
    skipped: bool,
    key: &mut Vec<u8>,
    out: &mut Vec<String>,
) {
    let Some(t) = tokens.first() else {
        return;
    };
    let letter = initial_letter(t);
    if letter == 0 || out.len() >= MAX_KEYS_AT {
        return;
    }
    let function = is_function_word(&t.latin);
    let rest = stumps.get(1..).unwrap_or(&[]);
    if function && skip {
        keys_from(&tokens[1..], rest, skip, true, key, out);
        return;
    }
    let second = initial_second(t);
    let pieces = stumps.first().copied().unwrap_or_default();
    let m = pieces.iter().take_while(|&&b| b != 0).count();
    let pair = [letter, second];
    // Its initial; the two letters of a digraph initial; its pieces' initials.
    let options: [&[u8]; 3] = [
        &pair[..1],
        if second != 0 { &pair[..] } else { &[] },
        if m >= 2 { &pieces[..m] } else { &[] },
    ];
    for initial in options.into_iter().filter(|o| !o.is_empty()) {
        let before = key.len();
        key.extend_from_slice(initial);
        if key.len() <= MAX_ACRONYM {
            // With skipping, only keys that skipped something are new.
            if key.len() >= MIN_ACRONYM && !function && (!skip || skipped) {
                out.push(key.iter().map(|&b| char::from(b)).collect());
            }
            keys_from(&tokens[1..], rest, skip, skipped, key, out);
        }
        key.truncate(before);
    }
}

/// Every acronym of a name's runs of tokens ([`acronym_keys_at`] for every start), for the
/// index to file. Empty for a person's name.
pub fn acronym_keys(name: &AnalyzedName) -> Vec<String> {
    let stumps = if has_acronyms(name) {
        name_stump_initials(name)
    } else {
        Vec::new()
    };
    let mut out: Vec<String> = (0..name.tokens.len())
        .flat_map(|i| acronym_keys_at(name, i, &stumps))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(key: &str, words: &[&str]) -> Option<usize> {
        let w: Vec<(u8, u8, bool)> = words
            .iter()
            .map(|w| (w.as_bytes()[0], 0, is_function_word(w)))
            .collect();
        acronym_span(key.as_bytes(), w.len(), |k| w[k]).map(|s| s.tokens)
    }

    #[test]
    fn a_stump_compound_gives_the_initials_of_its_pieces() {
        // Metalloinvest = metallo + invest: `MIT` is Metalloinvest Trading,
        // three words.
        let name = crate::analyze("Metalloinvest Trading AG", crate::PartyHint::Organization);
        assert!(acronym_keys(&name).contains(&"mit".to_string()));
        let initials = name_stump_initials(&name);
        let span = acronym_span_with(b"mit", name.tokens.len(), |k| {
            let t = &name.tokens[k];
            (initial_letter(t), initial_second(t), false, initials[k])
        });
        assert_eq!(
            span,
            Some(Span {
                tokens: 2,
                words: 3
            })
        );
        // A person's surname gives its own initial only.
        let name = crate::analyze("Gasprom Ivan", crate::PartyHint::Person);
        assert!(acronym_keys(&name).is_empty());
    }

    #[test]
    fn spans_read_function_words_both_ways() {
        assert_eq!(span("bony", &["bank", "of", "new", "york"]), Some(4));
        assert_eq!(
            span(
                "cbsp",
                &[
                    "comite",
                    "de",
                    "bienfaisance",
                    "et",
                    "de",
                    "secours",
                    "aux",
                    "palestiniens"
                ]
            ),
            Some(8)
        );
        assert_eq!(
            span("imu", &["islamic", "movement", "of", "uzbekistan"]),
            Some(4)
        );
        assert_eq!(
            span("pcc", &["petrochemical", "commercial", "company", "uk"]),
            Some(3)
        );
        assert_eq!(
            span("pcu", &["petrochemical", "commercial", "company"]),
            None
        );
        assert_eq!(
            span("ab", &["alpha", "beta"]),
            None,
            "two letters are too few"
        );
    }
}
