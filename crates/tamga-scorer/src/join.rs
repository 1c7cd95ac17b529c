//! One token against a run of tokens on the other side: two adjacent tokens
//! written together ([`joined_pair`]) or three around the Arabic article
//! ([`joined_triple`]), a Russian stump compound against the words it stands
//! for or another compound ([`compound_run`], [`compound_pair`]), an acronym
//! against the words whose initials spell it ([`acronym_path`]), and the
//! vowel check and filter of an abjad name's consonant runs ([`run_frames`],
//! [`may_join`]): the run paths of step 1 of the crate docs. The alignment
//! finds the runs; these judge them.

use crate::pair::{edit_similarity, token_pair, Path};
use crate::prepared::{StumpPiece, Tok};
use crate::{SIM_ACRONYM, SIM_JOINED, SIM_PHONETIC, SIM_TRANSLITERATION};
use tamga_names::acronym::Span;
use tamga_names::{RunFrames, TokenRole};

/// How an acronym meets the run it spells: the same letters written apart
/// are an initialism, as good as a transliteration; initials of words are an
/// acronym, whose evidence is capped by its length.
/// The evidence counts the words that gave letters, not the letters: a word
/// giving two (`CH` of `Chelyabinskii` in `CHTZ`) confirms one word.
#[inline]
pub(crate) fn acronym_path(span: Span, run: &[Tok]) -> (f64, Path) {
    if run.iter().all(|t| t.latin.len() == 1) {
        (SIM_TRANSLITERATION, Path::Initialism)
    } else {
        (SIM_ACRONYM, Path::Acronym(span.words as u8))
    }
}

/// The concept key `v` is part of (`@machinebuilding` for `@machinebuilding+`),
/// if it is a part key (see [`joined_pair`]).
pub(crate) fn part_of(v: &str) -> Option<&str> {
    v.strip_suffix('+').filter(|k| k.starts_with('@'))
}

/// Single token against two adjacent tokens written together.
pub(crate) fn joined_pair(single: &Tok, pa: &Tok, pb: &Tok) -> Option<f64> {
    let s = single.latin.as_bytes();
    let (a, b) = (pa.latin.as_bytes(), pb.latin.as_bytes());
    if s.len() < 4 || a.is_empty() || b.is_empty() {
        return None;
    }
    // Han against Han: the characters, not the reading (see `token_pair`).
    if single.han && pa.han && pb.han {
        let (t, x, y) = (&*single.text, &*pa.text, &*pb.text);
        let whole = t.len() == x.len() + y.len() && t.starts_with(x) && t.ends_with(y);
        return whole.then_some(SIM_JOINED);
    }
    if s.len() == a.len() + b.len()
        && single.first == pa.first
        && s.starts_with(a)
        && s.ends_with(b)
    {
        return Some(SIM_JOINED);
    }
    // A concept written as one word in one language and two in the other
    // (машиностроительный ~ machine building): both parts carry its key
    // marked as a part (`@machinebuilding+`, see `tamga_names::analyze`).
    if pa.parts
        && pa.variants.iter().any(|v| {
            part_of(v).is_some_and(|k| {
                pb.variants.iter().any(|w| w == v) && single.variants.iter().any(|x| **x == *k)
            })
        })
    {
        return Some(SIM_PHONETIC);
    }
    // Fuzzy joins are a secondary path: require the first letter to agree
    // before paying for an edit distance. Never for Han, for the reason it
    // has no edit path (see [`is_syllabic`]; pinyin has one spelling per
    // syllable, unlike the romanisations of Hangul): `xinquan` is not
    // `xin quang`.
    if single.first != pa.first || single.han || pa.han || pb.han {
        return None;
    }
    // A surname with its formant is not a name of two words the formant is missing
    // from: `Samirov` (son of Samir) is not `Samir FOZ` two edits off.
    if formant_missing(single, pb) {
        return None;
    }
    // A family name and a given name the list set apart by its comma (`MAN, Nu`)
    // are two names: written together they are that name's spelling only when
    // spelt as listed (above), not a few edits off (`Mann`, a surname of its own).
    if matches!(
        (pa.role, pb.role),
        (TokenRole::Family, TokenRole::Given) | (TokenRole::Given, TokenRole::Family)
    ) {
        return None;
    }
    // The second token must be more than the edits: `Yakovlev` is two edits
    // from `Yakovlev DB` written together, and `Summers` one from `Summer 5`,
    // but each is the first word alone, the second unmatched.
    let together = a.iter().chain(b.iter()).copied();
    edit_similarity(s, together, a.len() + b.len(), SIM_JOINED)
        .filter(|&(_, d)| usize::from(d) < b.len())
        .map(|(sim, _)| sim)
}

/// Single token against three adjacent tokens written together when the
/// middle one is the Arabic article (`Abdelmajid` ~ `Abd al Majid`,
/// `Abdurrahman` ~ `Abd al Rahman`), with the tolerance of [`joined_pair`]:
/// the article as written and assimilated to a following sun letter
/// ([`tamga_names::arabic_article_joins`], each spelling written into
/// `spelling`, a reused buffer, so that nothing is allocated).
pub(crate) fn joined_triple(
    single: &Tok,
    (pa, article, pc): (&Tok, &Tok, &Tok),
    spelling: &mut Vec<u8>,
) -> Option<f64> {
    if !article.article {
        return None;
    }
    let s = single.latin.as_bytes();
    let (a, c) = (pa.latin.as_bytes(), pc.latin.as_bytes());
    if a.is_empty() || c.len() < 2 || s.len() < a.len() + c.len() || single.first != pa.first {
        return None;
    }
    let mut best: Option<f64> = None;
    for parts in tamga_names::arabic_article_join_parts(&pa.latin, &article.latin, &pc.latin) {
        // Written out into the reused buffer, so that the edit distance
        // reads a byte slice as it does for every other spelling.
        spelling.clear();
        for p in parts {
            spelling.extend_from_slice(p.as_bytes());
        }
        let t = spelling.as_slice();
        let sim = if t == s {
            Some(SIM_JOINED)
        } else {
            edit_similarity(s, t.iter().copied(), t.len(), SIM_JOINED).map(|r| r.0)
        };
        if let Some(sim) = sim {
            best = Some(best.map_or(sim, |b: f64| b.max(sim)));
        }
    }
    best
}

/// Shortest stump that may stand for a word it starts (`gaz` of `gazovoi`,
/// `prom` of `promyshlennosti`).
const STUMP_PREFIX_MIN: usize = 3;

/// How well one piece of a stump compound meets a token: the best pair of
/// the words the piece stands for with the token, or a stump that starts the
/// token (`gaz` ~ `gazovoi`).
fn piece_meets(piece: &StumpPiece, t: &Tok) -> Option<f64> {
    let mut best = piece
        .words
        .iter()
        .filter_map(|w| token_pair(w, t).map(|(sim, _)| sim))
        .fold(None, |b: Option<f64>, x| Some(b.map_or(x, |b| b.max(x))));
    if piece.stump
        && piece.latin.len() >= STUMP_PREFIX_MIN
        && t.latin.len() > piece.latin.len()
        && t.latin.starts_with(&*piece.latin)
        && t.legal.is_none()
    {
        best = Some(best.map_or(SIM_PHONETIC, |b| b.max(SIM_PHONETIC)));
    }
    best
}

/// A stump compound against the run of tokens starting `from`, one piece a
/// token in order (`Роснефть` ~ `Russian Oil`, `Спецпоставка` ~ `Special
/// Supply`), function words between pieces skipped (`Нефтегаз` ~ `Oil and
/// Gas`): the run's length and the weakest piece's similarity, at most that
/// of a joined pair.
#[inline]
pub(crate) fn compound_run(compound: &Tok, from: &[Tok]) -> Option<(usize, f64)> {
    let mut sim = SIM_JOINED;
    let mut k = 0;
    for (n, p) in compound.pieces.iter().enumerate() {
        if n > 0 {
            while from.get(k).is_some_and(|t| t.function) {
                k += 1;
            }
        }
        sim = sim.min(piece_meets(p, from.get(k)?)?);
        k += 1;
    }
    Some((k, sim))
}

/// Two stump compounds of as many pieces, piece by piece (`Roselektronika`
/// ~ `Ruselectronics`), when the tokens do not meet as words.
#[inline]
pub(crate) fn compound_pair(a: &Tok, b: &Tok) -> Option<f64> {
    if a.pieces.len() != b.pieces.len() || a.pieces.is_empty() {
        return None;
    }
    let mut sim = SIM_JOINED;
    for (p, r) in a.pieces.iter().zip(b.pieces.iter()) {
        let same = p.stump && r.stump && p.latin == r.latin;
        let meet = if same {
            Some(1.0)
        } else {
            p.words
                .iter()
                .filter_map(|w| {
                    r.words
                        .iter()
                        .filter_map(|x| token_pair(w, x))
                        .map(|x| x.0)
                        .reduce(f64::max)
                })
                .reduce(f64::max)
        };
        sim = sim.min(meet?);
    }
    Some(sim)
}

/// Reads into `out` the vowel frames of a run of tokens written together
/// under its joined consonant key (عبد ال علی as عبدالعلی), for the vowel
/// check of the joined consonant path: joined from each token's memoised
/// frames, which a listed token reads once for all the queries it meets.
#[inline]
pub(crate) fn run_frames(run: &[Tok], key: &str, out: &mut RunFrames) {
    out.read(run.iter().map(|t| (&*t.text, t.vowel_frames())), key);
}

/// False only when no run of `runs` can have a consonant key of a token of
/// `singles`: a run's key ([`tamga_names::consonant_runs`]) starts with a
/// whole key of its first token and keeps only keys of 3+ classes, so some
/// single's key of 3+ classes must start with a non-empty key of a token
/// that begins a run. Spares building the runs' keys for most pairs.
#[inline]
pub(crate) fn may_join(runs: &[Tok], singles: &[Tok]) -> bool {
    let starts = &runs[..runs.len().saturating_sub(1)];
    starts.iter().any(|r| {
        singles.iter().any(|t| {
            // A prefix starts with the letter its key does (see
            // `TokData::consonant_firsts`).
            (r.consonant_firsts & 0xffff_ffff) & (t.consonant_firsts >> 32) != 0
                && r.consonant_keys().any(|rk| {
                    !rk.is_empty()
                        && t.consonant_keys()
                            .any(|k| k.len() >= 3 && k.starts_with(rk))
                })
        })
    })
}

/// Whether `single` is a surname by its formant (`Samirov`, son of Samir;
/// `Əlizadə`, son of Ali) and the last word of the run it would be joined
/// from is neither a surname by a formant of its own nor the formant written
/// apart: that run is a given name and another name (`Samir FOZ`; `علی آزادی`,
/// Ali Azadi) whose letters the surname's happen to spell, a few edits off.
/// The formant written apart (`Ali Zada`, `علی زاده`) starts the last word;
/// an abjad skeleton's vowels are the script's, so only its first letter is
/// compared.
pub(crate) fn formant_missing(single: &Tok, last: &Tok) -> bool {
    tamga_names::family_formant(&single.latin).is_some_and(|f| {
        !last.has_family_formant() && last.latin.as_bytes().first() != f.as_bytes().first()
    })
}
