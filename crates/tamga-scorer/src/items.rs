//! The candidate items of an alignment, one function a source: token pairs
//! ([`push_pair_items`]), one token against adjacent tokens written together
//! ([`push_joined_items`]), stump compounds ([`push_compound_items`]),
//! acronyms ([`push_acronym_items`]) and the consonant runs of an abjad name
//! ([`push_consonant_run_items`]): step 1 of the crate docs. Each pushes onto
//! the scratch's item list, which [`align`] then sorts and takes greedily.
//!
//! The sources that compare one token of a side with a run of the other's
//! are written once and called with the sides swapped (`single_q` says
//! whether the single token is the query's), so that both directions stay
//! the same rule.
//!
//! The `push_` functions are `#[inline(always)]`: each is called once or
//! twice an alignment, and compiled out of line (plain `#[inline]` left them
//! so) the latency benchmark ran 0.7 % more instructions than with the same
//! loops written inside [`align`] (cachegrind, `xtask latency --batch
//! 20000`: 23.17 G before the split, 23.32 G, 23.16 G inlined).
//!
//! [`align`]: crate::align::align

use crate::align::Item;
use crate::join::{
    acronym_path, compound_pair, compound_run, formant_missing, joined_pair, joined_triple,
    may_join, run_frames,
};
use crate::pair::{token_pair, Path};
use crate::prepared::{PreparedName, Tok};
use crate::SIM_CONSONANTS;
use tamga_names::acronym::acronym_span_with;
use tamga_names::{ConsonantRuns, RunFrames};

/// The token weights of both names, for an item's weight: the summed weight
/// of the tokens it spans on both sides.
#[derive(Clone, Copy)]
pub(crate) struct Weights<'a> {
    pub(crate) q: &'a [f64],
    pub(crate) l: &'a [f64],
}

impl Weights<'_> {
    /// The weight of query tokens `q0..q1` and list tokens `l0..l1`.
    #[inline]
    fn of(&self, (q0, q1): (usize, usize), (l0, l1): (usize, usize)) -> f64 {
        self.q[q0..q1].iter().sum::<f64>() + self.l[l0..l1].iter().sum::<f64>()
    }

    /// An item between token `k` of one side and the run `run` of the
    /// other's tokens; `single_q` says whether token `k` is the query's.
    #[inline]
    fn item(&self, single_q: bool, k: usize, run: (usize, usize), sim: f64, path: Path) -> Item {
        let (qr, lr) = if single_q {
            ((k, k + 1), run)
        } else {
            (run, (k, k + 1))
        };
        Item {
            q: (qr.0 as u8, qr.1 as u8),
            l: (lr.0 as u8, lr.1 as u8),
            sim,
            weight: self.of(qr, lr),
            path,
        }
    }
}

/// Every query token against every list token ([`token_pair`]): the items
/// most alignments are made of.
#[inline(always)]
pub(crate) fn push_pair_items(qt: &[Tok], lt: &[Tok], w: Weights, items: &mut Vec<Item>) {
    for (i, qt_i) in qt.iter().enumerate() {
        for (j, lt_j) in lt.iter().enumerate() {
            if let Some((sim, path)) = token_pair(qt_i, lt_j) {
                items.push(w.item(true, i, (j, j + 1), sim, path));
            }
        }
    }
}

/// Each token of `singles` against two adjacent tokens of `runs` written
/// together ([`joined_pair`]) and three around the Arabic article
/// ([`joined_triple`], which writes the article's joined spellings into
/// `spelling`, the scratch's): one list writes as one word (`Abdelmajid`)
/// what another writes apart (`Abd al Majid`).
#[inline(always)]
pub(crate) fn push_joined_items(
    single_q: bool,
    (singles, runs): (&[Tok], &[Tok]),
    w: Weights,
    spelling: &mut Vec<u8>,
    items: &mut Vec<Item>,
) {
    for (k, t) in singles.iter().enumerate() {
        for j in 0..runs.len().saturating_sub(1) {
            if let Some(sim) = joined_pair(t, &runs[j], &runs[j + 1]) {
                items.push(w.item(single_q, k, (j, j + 2), sim, Path::Joined));
            }
        }
        for j in 0..runs.len().saturating_sub(2) {
            let run = (&runs[j], &runs[j + 1], &runs[j + 2]);
            if let Some(sim) = joined_triple(t, run, spelling) {
                items.push(w.item(single_q, k, (j, j + 3), sim, Path::Joined));
            }
        }
    }
}

/// Each stump compound of `singles` against the runs of `runs` it may stand
/// for (`Роснефть` ~ `Russian Oil`, [`compound_run`]) and, from the query
/// side only, against another compound ([`compound_pair`]): a Russian
/// organisation writes as one word what a translation writes as several.
#[inline(always)]
pub(crate) fn push_compound_items(
    single_q: bool,
    singles: &[Tok],
    runs: &[Tok],
    w: Weights,
    items: &mut Vec<Item>,
) {
    for (k, t) in singles.iter().enumerate() {
        let n = t.pieces.len();
        if n == 0 {
            continue;
        }
        for j in 0..runs.len() {
            let run = (j + n <= runs.len())
                .then(|| compound_run(t, &runs[j..]).map(|(len, sim)| (j + len, sim)))
                .flatten();
            // Two compounds: once, from the query side, and only when
            // the tokens do not meet as words.
            let pair = (single_q && !runs[j].pieces.is_empty())
                .then(|| compound_pair(t, &runs[j]).map(|sim| (j + 1, sim)))
                .flatten()
                .filter(|_| token_pair(t, &runs[j]).is_none());
            for (end, sim) in run.into_iter().chain(pair) {
                items.push(w.item(single_q, k, (j, end), sim, Path::Joined));
            }
        }
    }
}

/// Each acronym candidate of `acronyms` against every run of `runs` whose
/// initials spell it (`PCC` ~ `Petrochemical Commercial Company`,
/// [`acronym_span_with`]): an organisation is listed under its full name and
/// screened under its short one, or the other way round. Called for names
/// that read acronyms ([`PreparedName::reads_acronyms`]) only.
#[inline(always)]
pub(crate) fn push_acronym_items(
    single_q: bool,
    acronyms: &[Tok],
    runs: &[Tok],
    w: Weights,
    items: &mut Vec<Item>,
) {
    for (k, t) in acronyms.iter().enumerate().filter(|(_, t)| t.acronym) {
        for j in 0..runs.len() {
            if let Some(span) = acronym_span_with(t.latin.as_bytes(), runs.len() - j, |m| {
                let o = &runs[j + m];
                (o.initial, o.initial2, o.function, o.stump_initials)
            }) {
                let n = span.tokens;
                let (sim, path) = acronym_path(span, &runs[j..j + n]);
                items.push(w.item(single_q, k, (j, j + n), sim, path));
            }
        }
    }
}

/// Whether the consonant runs of [`push_consonant_run_items`] are looked
/// for: some token of either name is abjad, and none is Han (whose
/// characters are compared as such, never by a consonant key).
#[inline]
pub(crate) fn reads_consonant_runs(q: &PreparedName, l: &PreparedName) -> bool {
    q.tokens.iter().chain(l.tokens.iter()).any(|t| t.abjad)
        && !q.tokens.iter().chain(l.tokens.iter()).any(|t| t.han)
}

/// Abjad names: a run of tokens of `runs` (a name in script `runs_script`)
/// whose consonant keys, written together, equal one token's of `singles`
/// (عبد الله ~ Abdullah, نصير الدين ~ Nasiruddin, Abbas-Ali ~ عباسعلی),
/// provided the run spells the long and final vowels the script writes.
///
/// Only for a pair where [`may_join`] holds are the runs' keys read
/// ([`tamga_names::consonant_runs_into`]), into `keys`, and a run's vowel
/// frames ([`run_frames`]), into `frames`, when a single token has its key:
/// both buffers are the scratch's, so that this allocates nothing once they
/// have grown.
#[inline(always)]
pub(crate) fn push_consonant_run_items(
    single_q: bool,
    (runs, singles): (&[Tok], &[Tok]),
    runs_script: &str,
    w: Weights,
    (keys, frames): (&mut ConsonantRuns, &mut RunFrames),
    items: &mut Vec<Item>,
) {
    // Joining words is an Arabic and Persian habit (Abd al-, -uddin,
    // Abbas-Ali). Hebrew names are not written so, and with its
    // optional vowel letters a Hebrew given name and surname run
    // together spell many a single Latin name (עדן לוי, Eden Levi,
    // has the consonants of Daniel).
    if runs_script == "Hebr" || !may_join(runs, singles) {
        return;
    }
    tamga_names::consonant_runs_into(runs, keys);
    for (start, end, key) in keys.iter() {
        // The run's frames are read once, and only for a key some single has.
        let mut read = false;
        for (k, t) in singles.iter().enumerate() {
            if !t.consonant_keys().any(|c| c == key) {
                continue;
            }
            // The long and final vowels the script writes must be spelt, as on
            // one token's consonant path (اصيل الوعري is not Silver).
            if !read {
                run_frames(&runs[start..end], key, frames);
                read = true;
            }
            if !frames.agree_on(t.vowel_frames(), key) {
                continue;
            }
            if formant_missing(t, &runs[end - 1]) {
                continue;
            }
            items.push(w.item(single_q, k, (start, end), SIM_CONSONANTS, Path::Joined));
        }
    }
}
