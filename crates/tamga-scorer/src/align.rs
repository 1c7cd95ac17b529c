//! The alignment of two prepared names: every candidate [`Item`] (token
//! pairs, joined runs, stump compounds, acronyms, abjad consonant runs: see
//! [`crate::items`]) is collected, sorted best first, and taken greedily
//! ([`greedy`], re-run joined-first when a joined run was crowded out); the
//! chosen items give the coverage and distinctiveness, hence the score:
//! steps 2 to 5 of the crate docs.
//!
//! Invariant: every token is in at most one chosen item. The buffers live in
//! a per-thread [`Scratch`], reused from one candidate to the next.

use crate::contradiction::{contradiction, find_contradictions, parts_may_contradict};
use crate::items::{
    push_acronym_items, push_compound_items, push_consonant_run_items, push_joined_items,
    push_pair_items, reads_consonant_runs, Weights,
};
use crate::pair::Path;
use crate::prepared::{aligned_tokens, token_weight, PreparedName, Tok};
use crate::shortened::{extra_given_names, extra_query_words};
use crate::{
    round4, ACRONYM_LETTER_BITS, DISTINCTIVENESS_FLOOR, FULL_EVIDENCE_BITS, PARTIAL_GIVEN_NAME,
    UNMATCHED_QUERY_COST,
};
use std::cell::RefCell;
use std::ops::Range;
use tamga_matcher::TokenStats;
use tamga_names::acronym::acronym_span;

/// One aligned item: a run of query tokens against a run of list tokens.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Item {
    pub(crate) q: (u8, u8),
    pub(crate) l: (u8, u8),
    pub(crate) sim: f64,
    pub(crate) weight: f64,
    pub(crate) path: Path,
}

impl Item {
    /// The item's token ranges as (the other name's, this name's), for a rule that reads
    /// one name against the other: `flipped` when "this name" is the list's.
    pub(crate) fn ranges_from(&self, flipped: bool) -> (Range<usize>, Range<usize>) {
        let (theirs, mine) = if flipped {
            (self.q, self.l)
        } else {
            (self.l, self.q)
        };
        (
            usize::from(theirs.0)..usize::from(theirs.1),
            usize::from(mine.0)..usize::from(mine.1),
        )
    }
}

/// Reusable buffers, so that scoring a candidate allocates nothing once
/// they have grown to the longest names met (`tests/allocations.rs`; the
/// consonant runs of an abjad name, their keys and vowel frames, included),
/// except on these paths:
/// - the first read of a token's vowel frames, memoised on the token;
/// - the Lee and Rhee spellings of the Korean syllable 이.
#[derive(Default)]
pub(crate) struct Scratch {
    pub(crate) wq: Vec<f64>,
    pub(crate) wl: Vec<f64>,
    pub(crate) items: Vec<Item>,
    pub(crate) q_used: Vec<bool>,
    pub(crate) l_used: Vec<bool>,
    pub(crate) chosen: Vec<Item>,
    /// The contradicted pairs of the last alignment (see [`find_contradictions`]),
    /// which its explanation reports.
    pub(crate) contradicted: Vec<(usize, usize, &'static str)>,
    /// The positions of the extra given names of the last alignment (see
    /// [`extra_given_names`]), which its explanation reports.
    pub(crate) extra: Vec<usize>,
    /// Whether those names are the query's (else the listed name's).
    pub(crate) extra_on_query: bool,
    /// The extra words of a screened name that contains the listed one whole (see
    /// [`extra_query_words`]): their query positions, which its explanation reports.
    pub(crate) extra_words: Vec<usize>,
    /// Where [`take_items`] keeps the first alignment (`chosen`, `q_used`,
    /// `l_used`) while it tries a second.
    spare: (Vec<Item>, Vec<bool>, Vec<bool>),
    /// The consonant runs of an abjad name ([`push_consonant_run_items`]).
    runs: tamga_names::ConsonantRuns,
    /// The vowel frames of one of those runs ([`push_consonant_run_items`]).
    run_frames: tamga_names::RunFrames,
    /// One spelling of a word joined over the Arabic article
    /// ([`push_joined_items`]).
    spelling: Vec<u8>,
}

impl Scratch {
    /// Swaps the chosen items and used tokens with the spare ones.
    fn swap_spare(&mut self) {
        std::mem::swap(&mut self.chosen, &mut self.spare.0);
        std::mem::swap(&mut self.q_used, &mut self.spare.1);
        std::mem::swap(&mut self.l_used, &mut self.spare.2);
    }
}

thread_local! {
    pub(crate) static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// The outcome of an alignment, before any explanation is written.
pub(crate) struct Aligned {
    pub(crate) score: f64,
    pub(crate) coverage: f64,
    pub(crate) distinctiveness: f64,
    pub(crate) total: f64,
}

/// Aligns the query `q` with the list name `l` under `stats` and scores the
/// alignment; its chosen items, used tokens and contradictions stay in `s`
/// for [`explain`].
///
/// [`explain`]: crate::explain::explain
pub(crate) fn align(
    q: &PreparedName,
    l: &PreparedName,
    stats: &dyn TokenStats,
    s: &mut Scratch,
) -> Aligned {
    s.wq.clear();
    s.wq.extend(q.tokens.iter().map(|t| token_weight(t, stats)));
    s.wl.clear();
    s.wl.extend(l.tokens.iter().map(|t| token_weight(t, stats)));
    let total: f64 = s.wq.iter().sum::<f64>() + s.wl.iter().sum::<f64>();
    let (qt, lt) = (aligned_tokens(q), aligned_tokens(l));
    collect_items(q, l, s);
    sort_items(&mut s.items, qt, lt);
    let (matched, evidence_bits, rarest_bits) = take_items(s, (q, l), (qt, lt));
    let coverage = coverage(q, l, s, total, matched);
    let distinctiveness =
        ((rarest_bits + 0.5 * (evidence_bits - rarest_bits)) / FULL_EVIDENCE_BITS).min(1.0);
    let score = (coverage
        * (DISTINCTIVENESS_FLOOR + (1.0 - DISTINCTIVENESS_FLOOR) * distinctiveness))
        .clamp(0.0, 1.0);
    Aligned {
        score: round4(score),
        coverage,
        distinctiveness,
        total,
    }
}

/// Fills `s.items` with every candidate item of `q` against `l`, from each
/// source of [`crate::items`] in turn (the sort is stable, so this order
/// breaks the ties the sort leaves); the token weights must be in `s`.
fn collect_items(q: &PreparedName, l: &PreparedName, s: &mut Scratch) {
    let (qt, lt) = (aligned_tokens(q), aligned_tokens(l));
    s.items.clear();
    let w = Weights { q: &s.wq, l: &s.wl };
    push_pair_items(qt, lt, w, &mut s.items);
    push_joined_items(true, (qt, lt), w, &mut s.spelling, &mut s.items);
    push_joined_items(false, (lt, qt), w, &mut s.spelling, &mut s.items);
    push_compound_items(true, qt, lt, w, &mut s.items);
    push_compound_items(false, lt, qt, w, &mut s.items);
    if q.reads_acronyms() && l.reads_acronyms() {
        push_acronym_items(true, qt, lt, w, &mut s.items);
        push_acronym_items(false, lt, qt, w, &mut s.items);
    }
    if reads_consonant_runs(q, l) {
        let runs = (&mut s.runs, &mut s.run_frames);
        push_consonant_run_items(false, (qt, lt), q.script, w, runs, &mut s.items);
        let runs = (&mut s.runs, &mut s.run_frames);
        push_consonant_run_items(true, (lt, qt), l.script, w, runs, &mut s.items);
    }
}

/// Sorts the candidate items of tokens `qt` and `lt` in the order greedy
/// takes them: best similarity first; among equals the heavier item, then
/// written order, so that the alignment is deterministic.
fn sort_items(items: &mut [Item], qt: &[Tok], lt: &[Tok]) {
    // The Arabic article split off a word (`ال`) pairs with any article on
    // the other side, and a name has several: it is aligned last, so that it
    // does not take the article a joined run needs (`ABDERRAHMANE EL AMAR` ~
    // `عبد الرحمن العامر`: `el` belongs with العامر, not inside عبد الرحمن).
    let article = |it: &Item| {
        it.q.1 - it.q.0 == 1
            && it.l.1 - it.l.0 == 1
            && (tamga_names::is_arabic_article(&qt[usize::from(it.q.0)].text)
                || tamga_names::is_arabic_article(&lt[usize::from(it.l.0)].text))
    };
    items.sort_by(|a, b| {
        article(a)
            .cmp(&article(b))
            .then(b.sim.total_cmp(&a.sim))
            .then(b.weight.total_cmp(&a.weight))
            .then(a.q.cmp(&b.q))
            .then(a.l.cmp(&b.l))
    });
}

/// Takes the sorted items greedily ([`greedy`]) and, when that crowded out
/// a joined item, again joined items first, keeping the alignment that
/// matches more weight in `s`; returns its matched weight, evidence bits and
/// rarest bits.
fn take_items(
    s: &mut Scratch,
    names: (&PreparedName, &PreparedName),
    tokens: (&[Tok], &[Tok]),
) -> (f64, f64, f64) {
    let first = greedy(s, names, tokens, |_| true);
    // Greedy best-first can spend a token on an exact match that a run
    // written together needed: `AWAAD, Mohamedsherif Mohamed Mohamed` ~
    // `AWADD, Mohamed Sherif Mohamed Mohamed` pairs the first `Mohamed`
    // exactly and leaves `Mohamedsherif` and `Sherif` apart. When a joined
    // pair was crowded out, the alignment that takes joined pairs first is
    // tried too, and the one that explains more weight is kept.
    let crowded_out = s.items.iter().any(|it| {
        matches!(it.path, Path::Joined) && !s.chosen.iter().any(|c| c.q == it.q && c.l == it.l)
    });
    if !crowded_out {
        return first;
    }
    // Keep the first alignment aside in the spare buffers; greedy refills
    // the scratch's own.
    s.swap_spare();
    let second = greedy(s, names, tokens, |it| matches!(it.path, Path::Joined));
    if second.0 > first.0 {
        second
    } else {
        s.swap_spare();
        first
    }
}

/// The coverage of the alignment in `s` of `q` with `l` (token weights
/// `total` in all, `matched` of it matched): the matched share of the
/// weight that counts, less redundant tokens and a share of the query's
/// unmatched ones, plus what contradictions add, less what a person's extra
/// given names, or the extra words of a name containing the listed one, are
/// spared. Records the contradicted pairs in `s.contradicted`, the extra given
/// names in `s.extra` and the extra words in `s.extra_words`.
fn coverage(q: &PreparedName, l: &PreparedName, s: &mut Scratch, total: f64, matched: f64) -> f64 {
    let (qt, lt) = (aligned_tokens(q), aligned_tokens(l));
    // A name's own abbreviation of words already matched (`AL-ITIHAAD
    // AL-ISLAMIYA / AIAI`, `DEFENCE INDUSTRIES ORGANISATION (DIO)`), or its
    // repetition of them (`… «ПЛАЗ» (ООО «ПЛАЗ»)`), says nothing the match
    // has not counted: unmatched, it costs nothing. Not in a person's name,
    // where a repeated name is another person's (a grandfather's Mohamed).
    let redundant_q = if q.reads_acronyms() {
        self_abbreviations(qt, &s.q_used, &s.wq)
    } else {
        0.0
    };
    let redundant_l = if l.reads_acronyms() {
        self_abbreviations(lt, &s.l_used, &s.wl)
    } else {
        0.0
    };
    let unmatched_query: f64 =
        s.wq.iter()
            .zip(&s.q_used)
            .filter(|(_, &u)| !u)
            .map(|(w, _)| w)
            .sum::<f64>()
            - redundant_q;
    s.contradicted.clear();
    if parts_may_contradict(q, l) {
        find_contradictions(q, l, s);
    }
    let contradicted = contradiction(s);
    let extra = extra_given_names(q, l, s) + extra_query_words(q, l, s, unmatched_query);
    let denominator =
        total - redundant_q - redundant_l - (1.0 - UNMATCHED_QUERY_COST) * unmatched_query
            + contradicted
            - extra;
    if denominator > 0.0 {
        matched / denominator
    } else {
        0.0
    }
}

/// The most distinctiveness evidence an acronym of `letters` letters gives.
fn acronym_bits(letters: u8) -> f64 {
    (ACRONYM_LETTER_BITS * (f64::from(letters) - 2.0)).max(0.0)
}

/// One greedy pass over the sorted candidate items of names `q` and `l`
/// (whose first [`MAX_ALIGNED_TOKENS`] tokens are `qt` and `lt`): the items `first`
/// accepts are taken before the rest, each in sorted order, and an item is
/// taken when none of its tokens is used yet and it does not take two
/// syllables of a Korean given name in the other order. Fills `s.chosen`,
/// `s.q_used` and `s.l_used`; returns the matched weight `Σ sim·weight`, the
/// evidence bits and the rarest matched bits, after the syllables of a
/// given name matched in part keep [`PARTIAL_GIVEN_NAME`] of their
/// similarity.
///
/// [`MAX_ALIGNED_TOKENS`]: crate::prepared::MAX_ALIGNED_TOKENS
fn greedy(
    s: &mut Scratch,
    (q, l): (&PreparedName, &PreparedName),
    (qt, lt): (&[Tok], &[Tok]),
    first: impl Fn(&Item) -> bool,
) -> (f64, f64, f64) {
    s.q_used.clear();
    s.q_used.resize(q.tokens.len(), false);
    s.l_used.clear();
    s.l_used.resize(l.tokens.len(), false);
    s.chosen.clear();
    for early in [true, false] {
        for it in s.items.iter().filter(|it| first(it) == early) {
            let (q0, q1, l0, l1) = (
                it.q.0 as usize,
                it.q.1 as usize,
                it.l.0 as usize,
                it.l.1 as usize,
            );
            if s.q_used[q0..q1].iter().any(|&u| u) || s.l_used[l0..l1].iter().any(|&u| u) {
                continue;
            }
            if s.chosen.iter().any(|c| swaps_syllables(qt, lt, it, c)) {
                continue;
            }
            s.q_used[q0..q1].iter_mut().for_each(|u| *u = true);
            s.l_used[l0..l1].iter_mut().for_each(|u| *u = true);
            s.chosen.push(*it);
        }
    }
    let mut matched = 0.0;
    let mut evidence_bits = 0.0;
    let mut rarest_bits: f64 = 0.0;
    for k in 0..s.chosen.len() {
        let mut it = s.chosen[k];
        if in_partial_given_name(qt, &s.q_used, it.q) || in_partial_given_name(lt, &s.l_used, it.l)
        {
            it.sim *= PARTIAL_GIVEN_NAME;
            s.chosen[k].sim = it.sim;
        }
        matched += it.sim * it.weight;
        let mut bits = it.sim
            * s.wl[usize::from(it.l.0)..usize::from(it.l.1)]
                .iter()
                .sum::<f64>();
        if let Path::Acronym(letters) = it.path {
            let words = letters.saturating_add(chained_words(&s.chosen, &it, qt, lt));
            bits = bits.min(acronym_bits(words));
        }
        evidence_bits += bits;
        rarest_bits = rarest_bits.max(bits);
    }
    (matched, evidence_bits, rarest_bits)
}

/// The words matched one for one, in the same order on both sides, right
/// before or after an acronym and the run it spells: an acronym written in
/// several tokens (`AO NII SVT` of `… NAUCHNO ISSLEDOVATELSKII INSTITUT
/// SREDSTV VYCHISLITELNOI TEKHNIKI`, whose `NII` the analyser wrote out)
/// is one acronym, whose letters chance would have to spell together. Only
/// words that give an acronym their initial ([`initial_letter`]) count, and
/// a legal form of the same class on both sides, which closes the name the
/// acronym abbreviates (`PTC GMBH` ~ `PRINTING TRADE CENTER GMBH`, `LLC NGF`
/// ~ `LIMITED LIABILITY COMPANY NOVELCO GLOBAL FORWARDING`, held-out OFAC
/// aliases at 0.52-0.64 before). A form is shared by far more names than a
/// word, so this is weaker evidence than it is counted as; in `cargo xtask
/// eval` it moved no score of the 20,000 innocents, and held-out aliases
/// 1518 -> 1522 at 1 % alerts.
///
/// [`initial_letter`]: tamga_names::acronym::initial_letter
fn chained_words(chosen: &[Item], acronym: &Item, qt: &[Tok], lt: &[Tok]) -> u8 {
    let single = |o: &&Item| {
        o.q.1 - o.q.0 == 1
            && o.l.1 - o.l.0 == 1
            && !matches!(o.path, Path::Acronym(_) | Path::Initialism)
            && ((qt[usize::from(o.q.0)].initial != 0 && lt[usize::from(o.l.0)].initial != 0)
                || (o.path == Path::LegalForm && o.sim >= 1.0))
    };
    let mut n: u8 = 0;
    let (mut q, mut l) = (acronym.q.0, acronym.l.0);
    while let Some(o) = chosen
        .iter()
        .filter(single)
        .find(|o| o.q.1 == q && o.l.1 == l)
    {
        (q, l, n) = (o.q.0, o.l.0, n + 1);
    }
    let (mut q, mut l) = (acronym.q.1, acronym.l.1);
    while let Some(o) = chosen
        .iter()
        .filter(single)
        .find(|o| o.q.0 == q && o.l.0 == l)
    {
        (q, l, n) = (o.q.1, o.l.1, n + 1);
    }
    n
}

/// Whether the tokens `range` of a name lie in a Korean given name (Hangul syllables linked
/// by [`TokData::syllable_next`]) some syllable of which is unmatched (`used` false).
///
/// [`TokData::syllable_next`]: crate::prepared::TokData::syllable_next
fn in_partial_given_name(tokens: &[Tok], used: &[bool], range: (u8, u8)) -> bool {
    let (a, b) = (usize::from(range.0), usize::from(range.1));
    if !(a..b).any(|k| in_given_name(tokens, k)) {
        return false;
    }
    let start = given_name_start(tokens, a);
    let mut end = b.max(start + 1);
    while end < tokens.len() && tokens[end - 1].syllable_next {
        end += 1;
    }
    (start..end).any(|k| !used[k])
}

/// Whether token `k` is a syllable of a Korean given name of several (linked
/// to the next or from the previous by [`TokData::syllable_next`]).
///
/// [`TokData::syllable_next`]: crate::prepared::TokData::syllable_next
fn in_given_name(tokens: &[Tok], k: usize) -> bool {
    tokens[k].syllable_next || (k > 0 && tokens[k - 1].syllable_next)
}

/// The first syllable of the Korean given name token `k` belongs to.
fn given_name_start(tokens: &[Tok], mut k: usize) -> usize {
    while k > 0 && tokens[k - 1].syllable_next {
        k -= 1;
    }
    k
}

/// Whether two single-token pairs take two syllables of one Korean given name in the
/// other order (광수 Gwang-su against `Su Gwang`): the syllables of a given name are one
/// name in their order, and 수광 is another name than 광수.
fn swaps_syllables(qt: &[Tok], lt: &[Tok], a: &Item, b: &Item) -> bool {
    let single = |it: &Item| it.q.1 - it.q.0 == 1 && it.l.1 - it.l.0 == 1;
    if !single(a) || !single(b) {
        return false;
    }
    let one_name = |t: &[Tok], i: u8, j: u8| {
        let (i, j) = (usize::from(i), usize::from(j));
        in_given_name(t, i)
            && in_given_name(t, j)
            && given_name_start(t, i) == given_name_start(t, j)
    };
    let crossed = (a.q.0 < b.q.0) != (a.l.0 < b.l.0);
    crossed && (one_name(qt, a.q.0, b.q.0) || one_name(lt, a.l.0, b.l.0))
}

/// The weight of the unmatched tokens of a name that say again what its
/// matched tokens say: a repetition of a matched token, or a legal form of a
/// matched one's class (a name that gives its short form after the full one,
/// `ООО «ПЛАЗ»` after `Общество с ограниченной ответственностью «ПЛАЗ»`),
/// or an abbreviation of a run of its own matched tokens: an acronym
/// candidate whose letters are the initials of a run (see [`acronym_span`])
/// elsewhere in the name, every significant token of which is matched.
fn self_abbreviations(tokens: &[Tok], used: &[bool], weights: &[f64]) -> f64 {
    let mut redundant = 0.0;
    for (i, t) in tokens.iter().enumerate() {
        if used[i] {
            continue;
        }
        let repeated = tokens.iter().zip(used).any(|(other, &u)| {
            u && match (&t.legal, &other.legal) {
                (Some(a), Some(b)) => a == b,
                (None, None) => t.text == other.text,
                _ => false,
            }
        });
        if repeated {
            redundant += weights[i];
            continue;
        }
        if !t.acronym {
            continue;
        }
        let spelt = (0..tokens.len()).any(|j| {
            acronym_span(t.latin.as_bytes(), tokens.len() - j, |k| {
                let other = &tokens[j + k];
                (other.initial, other.initial2, other.function)
            })
            .map(|span| span.tokens)
            .is_some_and(|n| {
                !(j..j + n).contains(&i) && (j..j + n).all(|k| used[k] || tokens[k].function)
            })
        });
        if spelt {
            redundant += weights[i];
        }
    }
    redundant
}
