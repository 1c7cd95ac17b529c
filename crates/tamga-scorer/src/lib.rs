//! tamga's concrete name scorer.
//!
//! [`TamgaScorer`] compares two names analysed by `tamga-names` (Latin
//! skeletons and phonetic keys per token) and returns a score in [0, 1] with
//! a token-by-token explanation.
//!
//! # How a score is made
//!
//! 1. **Token pairs.** Every query token is compared with every list token,
//!    by the first path that applies: identical text (`exact`, 1.0); same
//!    legal-form class (`legal_form`, 1.0: `OOO` ~ `LLC`; 0.8 for two
//!    joint-stock classes, `OAO` ~ `JSC`, or two private limited-company
//!    classes, `OOD` ~ `Ltd`); same Latin skeleton
//!    (`transliteration`, 0.97); an initial against a token starting with it
//!    (`initial`, 0.70); same phonetic key or variant key (`phonetic`, 0.92;
//!    a short form's variant keys are the class keys of every full name it
//!    stands for, Sasha ~ Aleksandr, Aleksandra); a theophoric compound given
//!    name against its first part written alone (`phonetic`, 0.85:
//!    `Ghodratollah` ~ `Ghodrat`, `Nasiruddin` ~ `Nasir`, never two compounds
//!    on one first part, [`SIM_COMPOUND_HEAD`]);
//!    0.80 between two Latin words of at most five letters that are two or
//!    more letters apart, whose key keeps too little to tell them apart
//!    (`Chase` ~ `Hasa`); otherwise
//!    the OSA edit distance `d` of the skeletons (transpositions cost 1) when
//!    the longer has 4+ characters and the shorter 3+, and `d` is at most 1
//!    (2 when they have 8+ and 6+; two surnames sharing a family formant
//!    such as `-enko` or `-ova` are two letters apart only if their stems
//!    allow it, and a surname is never an edit of the given name it is
//!    formed on, `Muhammadov` ~ `Muhammad`, nor of its other-gender form,
//!    `Osipova` ~ `Osipov`): `edit_distance`, `1 − 0.75·d/len`, less 0.06 when the
//!    first letters differ, an error typists seldom make (never
//!    for a name written in Han, Hangul or kana, whose romanised syllables one
//!    letter apart are different characters; a Han token is not matched by
//!    the generic phonetic key either, which would fold pinyin `x` into `h`
//!    and `q` into `k`, only by the concept key of an organisation word,
//!    电子 ~ electronics; two Han tokens meet on their characters, never on
//!    their reading alone, which homophones share); for a name in Arabic
//!    or Hebrew script, the same consonant skeleton (`phonetic`, 0.85), the
//!    abjad token's skeleton under another reading of an ambiguous letter
//!    included (`NameToken::consonant_variants`: و as w or u, ة as -a or
//!    -at, ك+ح as `kh`, Hebrew ב as b or v), provided the long and final
//!    vowels Arabic script writes are spelt too
//!    ([`tamga_names::consonant_vowels_agree`]: Ehsan احسان is not Hossein,
//!    though both are `hsn`). A Hangul syllable meets a Latin one only with
//!    the same vowel glide and initial consonant (영 yeong is not `Jong`), or
//!    by the initial-sound rule (이 ~ Ri, Lee), or as a family name in a spelling of
//!    [`tamga_names::korean`] (박 ~ `Park`, `Pak`; 최 ~ `Choi`; `phonetic`, 0.92), unless it
//!    is a syllable of the given name; a one-letter syllable (이, 우)
//!    is a syllable of the name, never an initial. The syllables of a Korean
//!    given name keep their order (김광수 is not `Su Gwang KIM`), and when
//!    one of them is unmatched the others keep half their similarity
//!    ([`PARTIAL_GIVEN_NAME`]: 류우진 is not `RYU JIN`).
//!    Pairs of tokens of at most 3 characters therefore need exact,
//!    skeleton or phonetic equality. Two
//!    adjacent tokens on one side are also compared, written together, with a
//!    single token on the other (`joined`, 0.95, minus the same edit cost; with
//!    an edit, not when the single token is a surname by its formant and the
//!    second of the two is not: `Samirov` is not `Samir FOZ`);
//!    so are three when the middle one is the Arabic article (`al`, `el`,
//!    `ul`, and its sun-letter forms `ar`, `as`, `ad`, …), written as is or
//!    assimilated to the next word's first letter: `Abdelmajid` ~
//!    `Abd al Majid`, `Abdurrahman` ~ `Abd al Rahman`.
//!    In an organisation's name, a Russian stump compound
//!    ([`tamga_names::stumps`]: Роснефть = рос + нефть) is also compared
//!    with every run of as many tokens on the other side, piece by piece in
//!    order (function words between them skipped: `Нефтегаз` ~ `Oil and
//!    Gas`), each piece meeting a token through the words it stands for
//!    (рос: российская, russian) or, a stump of 3+ letters, as the start of
//!    the token (`gaz` ~ `gazovoi`); and with another compound of as many
//!    pieces, piece by piece (`Roselektronika` ~ `Ruselectronics`): `joined`,
//!    the weakest piece's similarity, at most 0.95. Every piece must meet:
//!    `Rosagro` shares a stump with `Rosneft` and nothing more.
//!    In names that are not a person's, one token of 3–8 letters not written
//!    in lowercase is also compared with every run of tokens on the other
//!    side whose initials spell it (`acronym`, see [`tamga_names::acronym`]):
//!    `PCC` ~ `Petrochemical Commercial Company`, 0.90; `MDS` ~ `M. D. S.`
//!    (an initialism: the same letters written apart), 0.97. Two Latin name
//!    tokens of 5+ letters that agree only on the consonant skeleton of
//!    Arabic and Persian romanisations, with 4+ consonants and the same first
//!    sound, match at 0.82 (`phonetic`; Kutherani ~ Kawtharani, see
//!    [`tamga_names::phonetic::arabic_latin_key`]); so do a word in Arabic
//!    script and a Latin one on that key, unless the script ends the word on a
//!    vowel letter the rendering does not spell (محمدی Mohammadi is not
//!    Muhammad). Adjacent tokens of an Arabic-script name whose consonant keys,
//!    written together, are one token's on the other side meet it at 0.85
//!    (`joined`: عبد الله ~ Abdullah, نصير الدين ~ Nasiruddin), provided the
//!    run's long and final vowels are spelt as on the consonant path
//!    ([`tamga_names::VowelFrames::of_run`]: اصيل الوعري is not Silver,
//!    عبد ال علی not Abdollah).
//! 2. **Alignment** is order-insensitive: pairs are taken greedily, best
//!    similarity first, each token used at most once. When that spends a
//!    token a joined run needed (a repeated `Mohamed` paired exactly while
//!    `Mohamedsherif` ~ `Mohamed Sherif` goes unmatched), the alignment that
//!    takes joined runs first is tried as well and the one that matches more
//!    weight is kept.
//! 3. **Weights.** A token weighs `class factor × rarity bits`. Rarity bits are
//!    `−log2(frequency)` of its skeleton among list names (from
//!    [`TokenStats`]), clamped to [1, 16]; an unseen token weighs 16. Class
//!    factors: name 1.0 (patronymic 0.6), initial (a one-letter token not
//!    written in Hangul or Han) 0.35, stopword 0.3, legal
//!    form 0.25, particle 0.15, title 0.1.
//! 4. **Coverage** is a weighted Dice coefficient:
//!    `Σ sim·(w_query + w_list) / (Σ all list weights + Σ matched query
//!    weights + 0.8 · Σ unmatched query weights)`, so unmatched tokens on
//!    either side cost their weight: a missing rare surname costs a lot, a
//!    missing title or patronymic little. A query token no list token
//!    matches costs 0.8 of its weight, a list token in full: the screened
//!    name comes from a customer record, which often writes more of the name
//!    (a second surname, a middle name, a descriptor) than the listed alias,
//!    while a listed token the query lacks is the list's own word for the
//!    party. So `Anna Smith` against a listed `Anna Smith X` scores as before,
//!    and `Anna Smith X` against a listed `Anna Smith` a little higher. In a
//!    name that is not a person's, an unmatched token that repeats a matched
//!    one (or a legal form of a matched one's class), or abbreviates a run of
//!    matched ones, costs nothing: `… «ПЛАЗ» (ООО «ПЛАЗ»)`, `DEFENCE
//!    INDUSTRIES ORGANISATION (DIO)`. Between two persons' names (or a person's and
//!    a screened name of unknown kind, see `parts_may_contradict`), a token the other
//!    name contradicts costs its weight again ([`CONTRADICTION_COST`]; see
//!    `contradiction`): another patronymic or given name between two East Slavic names
//!    that both have a patronymic (`Исаев Андрей Венедиктович` ~ `Исаев Андрей
//!    Константинович`), another family name between a Korean name in Hangul and a Latin one
//!    (이경희 ~ `Kim Kyong HUI`), or a family name (by its formant) left unmatched beside a
//!    given name that spells the other name whole as one word (`Muhammadayub Usmonov` ~
//!    `Qari Muhammad Ayub`: the listed surname is this person's given name). Such parts are common names, whose rarity says little,
//!    but two of them in one place are two people. The explanation lists each such pair
//!    (`Explanation::contradictions`), so the analyst sees why the score fell. Between
//!    two persons' names of which one is matched whole (each token at
//!    [`EXTRA_GIVEN_NAME_MIN_SIMILARITY`] at least), its family name and a given name
//!    included, the other's given names after the first one matched cost
//!    [`EXTRA_GIVEN_NAME_COST`] of their weight, provided that nothing contradicts, that the
//!    longer name leaves no family name over and that neither is written in Han or Hangul
//!    (module `shortened`): `STUDHALTER, Hugo` ~ `STUDHALTER, Hugo Ange Christophe`
//!    is the person written shortly, as payment messages write "first last", not a partial
//!    match. The explanation says so (`Explanation::notes`). Likewise, when neither name
//!    is a person's and the screened name contains the listed one whole (every listed
//!    token matched, a name word among them, each name word at
//!    [`CONTAINED_MIN_SIMILARITY`] at least: written as listed, not a lookalike), the
//!    screened name's extra words cost [`EXTRA_QUERY_WORD_COST`] of their weight, not
//!    0.8: `DOLLY BELL DOO BEOGRAD-NOVI BEOGRAD` ~ `DOLLY BELL`, `IRIS DENA` ~ `DENA`, a
//!    listed company with its legal form, city, branch or descriptor, as screening
//!    practice alerts on. Not when an extra word is a surname by its formant (`-ov`,
//!    `-enko`, `-yan`: [`tamga_names::suffix_role`]): `AO «Kuznetsov-Lobanov»` ~
//!    `KUZNETSOV PJSC` names a second person beside the listed name, a firm of
//!    partners, not the listed company with a descriptor. The explanation says so.
//! 5. **Distinctiveness**: how well the matched list tokens identify a
//!    party. The rarest matched token counts in full and the others at half
//!    (a rare surname identifies; common given names add a little):
//!    `(max + ½·(Σ − max)) / FULL_EVIDENCE_BITS` over the matched list-side
//!    weights `sim·w_list`, capped at 1. The name score is
//!    `coverage × (0.45 + 0.55 × distinctiveness)`, so that a match made only
//!    of very common tokens ("Mohammad Ali", "Ivanov") cannot reach the alert
//!    band on its own. An acronym (not an initialism) of `k` letters gives at
//!    most `6·(k − 2)` bits of evidence, however rare its token: the initials
//!    of some run of words spell a listed three-letter acronym all too often
//!    (`Asadov, Abbosov and Bonueva` = `AAB`), so a three-letter acronym
//!    alone stays below the alert band and needs the rest of the name to
//!    agree, while one of four letters or more (`SCIT` ~ `Syrian Company for
//!    Information Technology`) reaches it on its own. `k` counts the words
//!    that gave letters (`CHTZ` of `CHelyabinskii Traktornyi Zavod` is three),
//!    not the function words (`and`, `of`) that gave one, whose letter chance
//!    supplies (`Sarvinozova, Charosova and Nurmuhammadov` = `SCAN` is three
//!    words, and so is `BONY` = `Bank of New York`), and the words matched
//!    one for one, in order, right before or after the acronym on both sides:
//!    `AO NII SVT`, whose `NII` the analyser wrote out, is one acronym of six
//!    words; a legal form of the same class there counts as one (`PTC GMBH` ~
//!    `PRINTING TRADE CENTER GMBH` is four).
//!
//! # What a score means
//!
//! * **≥ 0.90**: the same name up to spelling, transliteration, word order or
//!   legal-form convention, with enough distinctive content.
//! * **0.70 – 0.90**: likely the same name: a typo in each token, a missing
//!   middle name or patronymic, an initial for a given name, or a common name
//!   matched in full. This is the default alert band
//!   (`tamga_screen::DEFAULT_THRESHOLD` = 0.7).
//! * **0.50 – 0.70**: partial: some tokens shared; worth a look only with
//!   secondary evidence (birth date, identifier).
//! * **< 0.50**: different names that share a common token or two.
//!
//! Secondary evidence (birth date, country, identifier, kind, weak alias) is
//! applied by `tamga-screen` on top of this name score.

#![warn(missing_docs)]

// Functions one module calls in another's hot path (scoring a candidate,
// preparing a token), and what they call, are `#[inline]`: modules may be
// compiled in different codegen units, and those functions were inlined when
// the scorer was one module (checked on the release binary's symbols and
// instruction counts), which latency depends on.
mod align;
mod contradiction;
mod explain;
mod items;
mod join;
mod pair;
mod prepared;
mod shortened;
#[cfg(test)]
mod tests;

pub use prepared::PreparedName;

use align::{align, SCRATCH};
use explain::explain;
use prepared::Interner;
use std::sync::Arc;
use tamga_matcher::{prefetch, ListPreparer, NameKindHint, NameScore, NameScorer, TokenStats};
use tamga_names::{analyze, AnalyzedName, NameToken, PartyHint, TokenClass, TokenRole};

/// Rarity of a token never seen in the lists (and the cap for rare ones).
pub const MAX_BITS: f64 = 16.0;
/// Rarity floor: even a token in every name carries a little.
pub const MIN_BITS: f64 = 1.0;
/// Matched list-side evidence (in weighted bits, see the crate docs) at
/// which a match counts as fully distinctive: one token no other list name
/// shares, or a rare family name with a given name.
pub const FULL_EVIDENCE_BITS: f64 = 16.0;
/// Share of the coverage a match keeps however indistinct it is.
pub const DISTINCTIVENESS_FLOOR: f64 = 0.45;

/// Similarity of a skeleton match (same name, other script or accents).
pub const SIM_TRANSLITERATION: f64 = 0.97;
/// Similarity of two legal forms of different joint-stock classes (`OAO` ~
/// `JSC`, `ZAO` ~ `AO`) or of different private limited-company classes
/// (`OOO` ~ `Ltd`): the same kind of company, renamed or written generically.
pub const SIM_LEGAL_RELATED: f64 = 0.8;
/// Similarity of a phonetic-key match.
pub const SIM_PHONETIC: f64 = 0.92;
/// Similarity of an initial against a full token.
pub const SIM_INITIAL: f64 = 0.70;
/// Phonetic key shared by two short words two or more letters apart
/// (see `short_phonetic_similarity`).
pub const SIM_SHORT_PHONETIC: f64 = 0.80;
/// Similarity of two tokens in a script without written short vowels
/// (Arabic, Hebrew) that agree on their consonant skeleton.
pub const SIM_CONSONANTS: f64 = 0.85;
/// Similarity of two Latin tokens that agree on the consonant skeleton of
/// Arabic and Persian romanisations only (see [`tamga_names::phonetic::arabic_latin_key`]).
pub const SIM_ARABIC_LATIN: f64 = 0.82;
/// What an edit-distance match loses when the two words differ in their first
/// letter (see `token_pair`).
pub const FIRST_LETTER_EDIT_COST: f64 = 0.06;
/// Similarity of a theophoric compound given name against its first part written alone
/// (`Ghodratollah` ~ `Ghodrat`, `Nasiruddin` ~ `Nasir`; see `tamga_names`'
/// `data/given_name_compounds.tsv`): the bearer's usual short name, but also a name of its
/// own that others bear, so weaker than a spelling of one name ([`SIM_PHONETIC`]), as strong
/// as an abjad consonant skeleton ([`SIM_CONSONANTS`]).
pub const SIM_COMPOUND_HEAD: f64 = 0.85;
/// Similarity of a token against another by the English reading of one of them
/// ([`tamga_names::english_reading`]: `Beeline` ~ `билайн`, `precision` ~ `presizhn`): a
/// sound inferred from an English spelling, not a spelling of the same name, so as strong as
/// an abjad consonant skeleton ([`SIM_CONSONANTS`]), not as a shared phonetic key. The
/// explanation gives the reading's key with its mark (`key="~bilain"`).
pub const SIM_ENGLISH_READING: f64 = 0.85;
/// Similarity of two tokens that equal one token when written together.
pub const SIM_JOINED: f64 = 0.95;
/// Similarity of a token read as the initials of a run of tokens (see
/// [`tamga_names::acronym`]).
pub const SIM_ACRONYM: f64 = 0.90;

/// Evidence (in bits, see the crate docs) one letter of an acronym carries
/// beyond the first two: a run's initials spell some listed three-letter
/// acronym by chance all too often (`Asadov, Abbosov and Bonueva` = `AAB`), a
/// six-letter one hardly ever. At 6 bits a four-letter acronym alone (12 bits)
/// reaches the alert band and a three-letter one (6 bits) does not: against
/// 4 bits, organisation held-out aliases 573 -> 581 of 883 with the 1 %
/// threshold 0.7183 -> 0.7189 (`cargo xtask eval`).
pub const ACRONYM_LETTER_BITS: f64 = 6.0;

/// Share of its weight an unmatched *query* token costs in the coverage
/// (unmatched list tokens cost in full; see the crate docs).
pub const UNMATCHED_QUERY_COST: f64 = 0.8;

/// What a token of a contradicted pair costs beyond its weight (see `contradiction`): as
/// much again, so that it costs as if written twice and unmatched, and a query token in
/// full (not [`UNMATCHED_QUERY_COST`]), since the other name says something else in its
/// place rather than less. At 1.0 `cargo xtask eval` lowered the 1 % innocent threshold
/// from 0.6741 to 0.6617 and lost one positive (see the commit).
pub const CONTRADICTION_COST: f64 = 1.0;

/// What an extra given name costs, as a share of its weight (see module `shortened`),
/// in place of its full weight (or [`UNMATCHED_QUERY_COST`] on the query side): a person
/// written with fewer given or middle names than the other name has (`STUDHALTER, Hugo` ~
/// `STUDHALTER, Hugo Ange Christophe`, or "first last" in a payment message) is the same
/// person written shortly, not a partial match. At 0.3 such a name lands in the band of a
/// missing middle name (0.70–0.90: `STUDHALTER, Hugo` 0.85), below the same name written
/// in full. `cargo xtask eval`: held-out aliases 76.8 → 77.0 % at 1 % innocent alerts, the
/// threshold unchanged (0.6498); no innocent crossed it, and the two that rose (`Mark
/// James` ~ `MARK, James Nando`) were above it already. At 0.5 four positives crossed
/// instead of five; at 0.2 the same five, and these names came near 0.9, the band of one
/// name spelt otherwise.
pub const EXTRA_GIVEN_NAME_COST: f64 = 0.3;

/// The least similarity every matched token of the shorter name needs for the other
/// name's extra given names to be discounted ([`EXTRA_GIVEN_NAME_COST`]): the same name
/// spelt otherwise (a key or transliteration path, or one edit in five letters, 0.85),
/// not a near one (one edit in four letters, 0.81; a run written together, from 0.76).
/// Near names with left-over names are how an innocent "first last" meets a listed
/// person: `Ann Wong` ~ `Jong Hyuk AN`, `Комар Азар` ~ `'Umar … Ba' AMAR`.
pub const EXTRA_GIVEN_NAME_MIN_SIMILARITY: f64 = 0.85;

/// What an extra word of a screened name costs, as a share of its weight, in place of
/// [`UNMATCHED_QUERY_COST`], when the screened name contains a listed organisation's name
/// whole (see module `shortened`): `DOLLY BELL DOO BEOGRAD-NOVI BEOGRAD` for the listed
/// `DOLLY BELL`, `IRIS DENA` for `DENA`. A branch, city or descriptor added to a listed
/// company's name is the way customer records write that company, and screening practice
/// alerts on such a containment. At 0.4 a listed name of one rare word with as many
/// extra words lands near the alert band, not above the listed name written alone.
/// `cargo xtask eval`: held-out aliases 1,541 → 1,547 of 2,000 at 1 % innocent alerts,
/// reorder 993 → 995, Latin → original script 925 → 926, no set down, the threshold
/// 0.6498 → 0.6499; no innocent crossed it (the innocents that rose most, `Մերի և Կլոդ
/// Հոլդինգ` ~ `MERI` 0.565 → 0.699 and `Wagner Inc` ~ `Wagner`, hold a listed one-word
/// name exactly).
pub const EXTRA_QUERY_WORD_COST: f64 = 0.4;

/// The least similarity every name word of a listed organisation's name needs for the
/// screened name to contain it whole ([`EXTRA_QUERY_WORD_COST`]): the word as listed,
/// exact or transliterated (0.97), not a lookalike. A lookalike inside a longer name is how
/// innocent firms named after people meet a listed one-word name: `Bauer Metz GmbH` ~
/// `BAJER S.R.L.`, `Förster Schäfer GbR` ~ `CHAFER`, `Koch GmbH & Co. OHG` ~ `KOACH`
/// (each rose by 0.06–0.12 at the lower bound 0.85, and the threshold to 0.6539).
pub const CONTAINED_MIN_SIMILARITY: f64 = SIM_TRANSLITERATION;

/// Share of its similarity a syllable of a Korean given name keeps when another syllable
/// of that given name is unmatched: the syllables are one name (우진 Woo-jin), and a
/// syllable it shares with another given name (진 Jin) is weak evidence of it. Half, so
/// that such a match with the surname stays below the alert band; a full match of the
/// given name keeps its similarity.
pub const PARTIAL_GIVEN_NAME: f64 = 0.5;

/// The default tamga scorer.
#[derive(Debug, Clone, Default)]
pub struct TamgaScorer;

/// The weight class factor of a token (see the crate docs).
#[inline]
pub fn class_factor(token: &NameToken) -> f64 {
    if token.latin.chars().count() == 1 && !tamga_names::is_syllable_token(&token.text) {
        return 0.35;
    }
    match &token.class {
        TokenClass::Name => match token.role {
            TokenRole::Patronymic => 0.6,
            _ => 1.0,
        },
        TokenClass::Initial => 0.35,
        TokenClass::Stopword => 0.3,
        TokenClass::LegalForm(_) => 0.25,
        TokenClass::Particle => 0.15,
        TokenClass::Title => 0.1,
    }
}

/// Rarity bits of a token from its list frequency (see the crate docs).
pub fn rarity_bits(frequency: f64) -> f64 {
    if frequency <= 0.0 || frequency.is_nan() {
        MAX_BITS
    } else {
        (-frequency.log2()).clamp(MIN_BITS, MAX_BITS)
    }
}

/// Vessels and aircraft are read as organisations: their names are names of
/// things, so words like `Kapitan` or `General` are part of the name, not
/// titles to discount.
fn hint_to_party(kind: NameKindHint) -> PartyHint {
    match kind {
        NameKindHint::Person => PartyHint::Person,
        NameKindHint::Organization | NameKindHint::Other => PartyHint::Organization,
        NameKindHint::Unknown => PartyHint::Unknown,
    }
}

impl TamgaScorer {
    /// A scorer with the documented constants.
    pub fn new() -> TamgaScorer {
        TamgaScorer
    }
}

impl NameScorer for TamgaScorer {
    type Prepared = PreparedName;

    fn prepare(&self, name: &str, kind: NameKindHint) -> PreparedName {
        PreparedName::from(&analyze(name, hint_to_party(kind)))
    }

    /// Uses the caller's analysis when it is a [`AnalyzedName`] made with the
    /// same party hint (the screening pipeline's is), saving a second pass.
    fn prepare_with_analysis(
        &self,
        name: &str,
        kind: NameKindHint,
        analysis: &dyn std::any::Any,
    ) -> PreparedName {
        match analysis.downcast_ref::<AnalyzedName>() {
            Some(a) if a.original == name => PreparedName::from(a),
            _ => self.prepare(name, kind),
        }
    }

    /// Interns tokens: names prepared by one preparer share equal tokens
    /// (see [`PreparedName`]); the interner is dropped with the preparer.
    fn list_preparer(&self) -> Box<ListPreparer<'_, PreparedName>> {
        let interner = Interner::new();
        Box::new(move |name, kind, analysis| {
            let own;
            let a = match analysis.downcast_ref::<AnalyzedName>() {
                Some(a) if a.original == name => a,
                _ => {
                    own = analyze(name, hint_to_party(kind));
                    &own
                }
            };
            PreparedName::build(a, Some(&interner))
        })
    }

    fn score(
        &self,
        query: &PreparedName,
        candidate: &PreparedName,
        stats: &dyn TokenStats,
    ) -> NameScore {
        SCRATCH.with(|s| {
            let mut s = s.borrow_mut();
            let aligned = align(query, candidate, stats, &mut s);
            let explanation = explain(query, candidate, &s, &aligned);
            NameScore {
                score: aligned.score,
                explanation,
            }
        })
    }

    fn score_value(
        &self,
        query: &PreparedName,
        candidate: &PreparedName,
        stats: &dyn TokenStats,
    ) -> f64 {
        SCRATCH.with(|s| align(query, candidate, stats, &mut s.borrow_mut()).score)
    }

    /// Scores the candidates in turn while fetching the memory of the next
    /// ones (see `prefetch_ahead`).
    fn score_values(
        &self,
        query: &PreparedName,
        candidates: &[&PreparedName],
        stats: &dyn TokenStats,
    ) -> Vec<f64> {
        SCRATCH.with(|s| {
            let mut s = s.borrow_mut();
            (0..candidates.len())
                .map(|k| {
                    prefetch_ahead(candidates, k);
                    align(query, candidates[k], stats, &mut s).score
                })
                .collect()
        })
    }
}

/// Asks for the memory candidates `k + 1` to `k + 4` will be scored with,
/// one level deeper for each nearer candidate: the names of a query lie
/// anywhere in a list of tens of thousands, and each is a chain of reads
/// (the name, its token array, the tokens, their text and skeleton, which
/// a token met exactly compares) that would each wait on main memory when
/// the name is scored. Fetched while candidate `k` is aligned, they are
/// mostly in cache by then. Names are read only as far as the previous
/// step fetched them, so no read waits here either.
fn prefetch_ahead(candidates: &[&PreparedName], k: usize) {
    if let Some(&name) = candidates.get(k + 4) {
        prefetch(name as *const PreparedName, 1);
    }
    if let Some(&name) = candidates.get(k + 3) {
        prefetch(name.tokens.as_ptr(), name.tokens.len());
    }
    if let Some(&name) = candidates.get(k + 2) {
        for t in name.tokens.iter() {
            prefetch(Arc::as_ptr(&t.0), 1);
        }
    }
    if let Some(&name) = candidates.get(k + 1) {
        for t in name.tokens.iter() {
            prefetch(t.text.as_ptr(), t.text.len());
            prefetch(t.latin.as_ptr(), t.latin.len());
        }
    }
}

/// Rounds to 4 decimals so that output is stable and readable; scores are
/// never compared at finer resolution than that.
#[inline]
fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}
