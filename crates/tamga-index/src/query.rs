//! The query side: a query's tokens expanded into weighted posting lists
//! (exact, phonetic, consonant, edit-distance, joined and acronym
//! evidence), one [`Step`] per token, in the order the evidence is defined.

use tamga_names::acronym::{
    acronym_keys_at, has_acronyms, is_acronym_candidate, name_stump_initials, StumpInitials,
    MIN_ACRONYM,
};
use tamga_names::{
    arabic_article_joins, marked_reading, stumps, AnalyzedName, NameToken, PartyHint, TokenClass,
};

use crate::{
    edit_bound, NameIndex, ACRONYM_FACTOR, COMMON_TOKEN_SHARE, CONSONANT_FACTOR, EDIT_FACTOR,
    EXACT_FACTOR, JOINED_FACTOR, PHONETIC_FACTOR,
};

/// Scripts that do not write short vowels.
pub(crate) fn is_abjad(script: &str) -> bool {
    matches!(script, "Arab" | "Hebr" | "Syrc" | "Thaa")
}

/// Whether a token alone may make a name a candidate.
fn informative(token: &NameToken) -> bool {
    matches!(token.class, TokenClass::Name) && token.latin.len() >= 2
}

impl NameIndex {
    /// The query's evidence steps, in the order the evidence is defined:
    /// informative tokens, then weak ones (see the crate docs).
    pub(crate) fn steps(&self, query: &AnalyzedName) -> Vec<Step<'_>> {
        let mut steps = Vec::with_capacity(query.tokens.len());
        // The query's consonant runs, found once for all its tokens.
        let runs = consonant_runs_of(query);
        let mut splits = stumps::splits(query).into_iter().peekable();
        for (i, token) in query.tokens.iter().enumerate() {
            if informative(token) {
                let mut expansions = self.expansions(query, i, &runs);
                // A stump compound probes with its pieces' words too (see
                // `NameIndexBuilder::add`).
                if let Some((_, pieces)) = splits.next_if(|(k, _)| *k == i) {
                    let words = pieces.iter().flat_map(|p| &p.words);
                    let keys = words.flat_map(|w| std::iter::once(&w.phonetic).chain(&w.variants));
                    for key in keys.filter(|k| k.len() >= 2) {
                        // A piece as common as `@russian` tells little and
                        // would read tens of thousands of postings; the
                        // compound's other pieces find it.
                        if let Some(t) = self.phonetic.get(key) {
                            let p = self.phonetic.posting(t);
                            if p.len() * COMMON_TOKEN_SHARE <= self.names as usize {
                                expansions.push((PHONETIC_FACTOR * self.idf(p.len()), p));
                            }
                        }
                    }
                    expansions.sort_by(|a, b| b.0.total_cmp(&a.0));
                }
                steps.push(Step::new(expansions, true));
            }
        }
        // Weak tokens never create candidates on their own when real name
        // tokens did: "Global Trading LLC" must not pull in every LLC.
        // Postings are never empty, so an informative token with an
        // expansion always credits a name.
        let any_informative = steps.iter().any(|s| !s.expansions.is_empty());
        // An acronym and the run it abbreviates are specific enough to
        // create candidates whatever the class of their tokens.
        let stumps = if has_acronyms(query) {
            name_stump_initials(query)
        } else {
            Vec::new()
        };
        for i in 0..query.tokens.len() {
            let expansions = self.acronym_expansions(query, i, &stumps);
            if !expansions.is_empty() {
                steps.push(Step::new(expansions, true));
            }
            // So is a weak token written apart from its neighbour where a
            // list writes them as one word (`T-Bank` ~ `TBANK`): an
            // informative token already probes this in its expansions.
            if !informative(&query.tokens[i]) {
                if let Some(joined) = self.joined_with_next(query, i) {
                    steps.push(Step::new(vec![joined], true));
                }
            }
        }
        for (i, token) in query.tokens.iter().enumerate() {
            if informative(token) {
                continue;
            }
            let may_create = !any_informative;
            let expansions = if may_create && token.latin.len() >= 4 {
                self.expansions(query, i, &runs)
            } else {
                self.latin
                    .get(&token.latin)
                    .map(|t| {
                        let p = self.latin.posting(t);
                        vec![(EXACT_FACTOR * self.idf(p.len()), p)]
                    })
                    .unwrap_or_default()
            };
            steps.push(Step::new(expansions, may_create));
        }
        steps
    }

    /// Query token `i` read as an acronym (list names with a run of tokens
    /// it abbreviates), and the runs of query tokens starting at `i` read as
    /// the initials of a list token; `stumps` are the query's
    /// [`name_stump_initials`].
    fn acronym_expansions(
        &self,
        query: &AnalyzedName,
        i: usize,
        stumps: &[StumpInitials],
    ) -> Vec<(f32, &[u32])> {
        let mut out: Vec<(f32, &[u32])> = Vec::new();
        if !has_acronyms(query) {
            return out;
        }
        let token = &query.tokens[i];
        if is_acronym_candidate(token) {
            if let Some(t) = self.acronyms.get(&token.latin) {
                let p = self.acronyms.posting(t);
                out.push((ACRONYM_FACTOR * self.idf(p.len()), p));
            }
        }
        for key in acronym_keys_at(query, i, stumps) {
            if let Some(t) = self.latin.get(&key) {
                let p = self.latin.posting(t);
                // The key stands for a run of query tokens, each of which
                // credits the names sharing it: weighed as one token, a
                // listed acronym loses to every name sharing two common
                // words of the run (`AFRIC` for `Association for Free
                // Research and International Cooperation`). Each letter
                // beyond two confirms one more word of the run, as in the
                // scorer's acronym evidence; three letters, which spell a
                // listed token by chance all too often, weigh as before.
                let letters = key.len().saturating_sub(MIN_ACRONYM - 1).max(1);
                out.push((ACRONYM_FACTOR * self.idf(p.len()) * letters as f32, p));
            }
        }
        out.sort_by(|a, b| b.0.total_cmp(&a.0));
        out
    }

    /// Query tokens `i` and `i + 1` read as one list token written apart
    /// (`T-Bank` finds `TBANK`).
    fn joined_with_next(&self, query: &AnalyzedName, i: usize) -> Option<(f32, &[u32])> {
        let (token, next) = (query.tokens.get(i)?, query.tokens.get(i + 1)?);
        if token.latin.is_empty() || next.latin.is_empty() {
            return None;
        }
        let joined = format!("{}{}", token.latin, next.latin);
        let t = self.latin.get(&joined)?;
        let p = self.latin.posting(t);
        Some((JOINED_FACTOR * self.idf(p.len()), p))
    }

    /// Expands query token `i` into weighted posting lists, strongest first;
    /// `runs` are the query's consonant runs ([`consonant_runs_of`]).
    fn expansions(
        &self,
        query: &AnalyzedName,
        i: usize,
        runs: &[(usize, usize, String)],
    ) -> Vec<(f32, &[u32])> {
        let token = &query.tokens[i];
        let mut out: Vec<(f32, &[u32])> = Vec::new();
        let latin = token.latin.as_str();
        if latin.is_empty() {
            return out;
        }
        let mut exact_df = 0;
        if let Some(t) = self.latin.get(latin) {
            let p = self.latin.posting(t);
            exact_df = p.len();
            out.push((EXACT_FACTOR * self.idf(p.len()), p));
        }
        // An English reading (`~bilain`, `tamga_names::english_reading`) is filed marked and
        // meets a token's own key only: probed without its mark, and the token's own key is
        // probed with the mark, for the listed words English reads that way. Readings are
        // filed for names that may be organisations' only, and a person's name screened
        // against one pays the kind mismatch anyway: its tokens skip that probe (about 5 %
        // of a person query's work).
        let marked = (query.party != PartyHint::Person).then(|| marked_reading(&token.phonetic));
        let keys = std::iter::once(token.phonetic.as_str())
            .chain(marked.as_deref())
            .chain(
                token
                    .variants
                    .iter()
                    .map(|v| tamga_names::english_reading(v).unwrap_or(v)),
            );
        for key in keys.filter(|k| k.len() >= 2) {
            if let Some(t) = self.phonetic.get(key) {
                let p = self.phonetic.posting(t);
                out.push((PHONETIC_FACTOR * self.idf(p.len()), p));
            }
        }
        // Arabic and Hebrew do not write short vowels: their tokens meet
        // Latin renderings on the consonant skeleton.
        // The other way round, a Latin query meets list names written in
        // those scripts through their consonant skeletons only.
        // An abjad token probes with the keys of its other readings too
        // (و as w or u, ة as -a or -at: `NameToken::consonant_variants`).
        let dict = if is_abjad(query.script) {
            &self.consonants
        } else {
            &self.abjad_consonants
        };
        for key in token.consonant_keys().filter(|k| k.len() >= 2) {
            if let Some(t) = dict.get(key) {
                let p = dict.posting(t);
                out.push((CONSONANT_FACTOR * self.idf(p.len()), p));
            }
        }
        // Query tokens that a list name in (or the Latin rendering of) an
        // abjad writes as one word: عبد الله ~ Abdullah, Abbas Ali ~ عباسعلی.
        let dict = if is_abjad(query.script) {
            &self.consonants
        } else {
            &self.abjad_consonants
        };
        for (_, _, key) in runs.iter().filter(|r| r.0 == i) {
            if let Some(t) = dict.get(key) {
                let p = dict.posting(t);
                out.push((CONSONANT_FACTOR * self.idf(p.len()), p));
            }
        }
        // A token that is itself common (in more than 1 % of names) is a
        // correctly written common name; its neighbours within the edit bound
        // are other common spellings (muhammad / muhammed), which the
        // phonetic keys already reach, and expanding them would touch tens of
        // thousands of postings. A misspelt token is rare and always expands.
        let common = exact_df * COMMON_TOKEN_SHARE > self.names as usize;
        let fuzzy = if common {
            Vec::new()
        } else {
            self.deletions.search(latin, edit_bound(latin.len()))
        };
        for t in fuzzy {
            let p = self.latin.posting(t);
            out.push((EDIT_FACTOR * self.idf(p.len()), p));
        }
        if let Some(t) = self.joined.get(latin) {
            let p = self.joined.posting(t);
            out.push((JOINED_FACTOR * self.idf(p.len()), p));
        }
        out.extend(self.joined_with_next(query, i));
        // Three query tokens around the Arabic article that are one list token
        // (`Abd al Rahman` finds `Abdurrahman`).
        if let (Some(article), Some(last)) = (query.tokens.get(i + 1), query.tokens.get(i + 2)) {
            for joined in arabic_article_joins(latin, &article.latin, &last.latin) {
                if let Some(t) = self.latin.get(&joined) {
                    let p = self.latin.posting(t);
                    out.push((JOINED_FACTOR * self.idf(p.len()), p));
                }
            }
        }
        out.sort_by(|a, b| b.0.total_cmp(&a.0));
        out
    }
}

/// One query token's evidence: its expansions (strongest first; a name is
/// credited once, by the first that holds it) and whether it may make a name
/// a candidate.
pub(crate) struct Step<'a> {
    pub(crate) expansions: Vec<(f32, &'a [u32])>,
    pub(crate) may_create: bool,
    /// The most evidence it can give one name.
    pub(crate) max: f64,
}

impl<'a> Step<'a> {
    fn new(expansions: Vec<(f32, &'a [u32])>, may_create: bool) -> Step<'a> {
        let max = expansions
            .iter()
            .map(|e| f64::from(e.0))
            .fold(0.0, f64::max);
        Step {
            expansions,
            may_create,
            max,
        }
    }

    /// Whether searching the postings for `held` names costs less than
    /// reading them whole.
    pub(crate) fn cheaper_to_look_up(&self, held: usize) -> bool {
        let h = held.max(1) as f64;
        let (mut scan, mut look) = (0.0, 0.0);
        for (_, p) in &self.expansions {
            let len = p.len() as f64;
            scan += len;
            look += h * (1.0 + (1.0 + len / h).log2());
        }
        look < scan
    }
}

/// [`tamga_names::consonant_runs`] of a name's tokens, over every consonant key of each.
pub(crate) fn consonant_runs_of(name: &AnalyzedName) -> Vec<(usize, usize, String)> {
    name.consonant_runs()
}
