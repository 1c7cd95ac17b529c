//! Comparing two tokens' keys: on which key they agree ([`key_match`]), the consonant keys
//! and vowel frames of words in scripts that write no short vowels ([`VowelFrames`]), and
//! the keys of several tokens written as one word ([`joined_key`], [`consonant_runs`],
//! [`arabic_article_joins`]). Read by the index and the scorer; nothing here changes a token.

use crate::{phonetic::phonetic_key, translit, NameToken};

/// On which key two tokens agree, strongest first (see [`key_match`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum KeyMatch {
    /// Same Latin skeleton: the same spelling up to script and accents.
    Latin,
    /// Same phonetic key.
    Phonetic,
    /// A phonetic key of one equals a reading variant of the other.
    Variant,
    /// Same consonant skeleton, and one of the tokens is written in an abjad (Arabic or Hebrew
    /// script, where short vowels are not written, so only consonants can be compared).
    Consonants,
}

/// Whether a token is written in Arabic or Hebrew script.
pub(crate) fn is_abjad(text: &str) -> bool {
    text.chars().any(|c| matches!(c, '\u{0590}'..='\u{05FF}' | '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}'))
}

/// The strongest key on which two tokens agree, or None. This is the comparison the
/// cross-script agreement figures of the test suite use; a scorer can weigh the levels.
pub fn key_match(a: &NameToken, b: &NameToken) -> Option<KeyMatch> {
    if a.latin == b.latin {
        return Some(KeyMatch::Latin);
    }
    if a.phonetic == b.phonetic {
        return Some(KeyMatch::Phonetic);
    }
    // An English reading (`~bilain`) meets the other token's own key only.
    let reads_as = |t: &NameToken, key: &str| {
        t.variants
            .iter()
            .any(|v| v == key || crate::english_reading(v) == Some(key))
    };
    if reads_as(a, &b.phonetic)
        || reads_as(b, &a.phonetic)
        || a.variants
            .iter()
            .any(|v| crate::english_reading(v).is_none() && b.variants.contains(v))
    {
        return Some(KeyMatch::Variant);
    }
    if (is_abjad(&a.text) || is_abjad(&b.text)) && consonants_meet(a, b) {
        return Some(KeyMatch::Consonants);
    }
    None
}

/// Whether two tokens share a consonant key, counting an abjad token's other readings
/// ([`NameToken::consonant_variants`]).
pub fn consonants_meet(a: &NameToken, b: &NameToken) -> bool {
    a.consonant_keys()
        .any(|k| b.consonant_keys().any(|m| m == k))
}

/// Whether two tokens that share a consonant key ([`consonants_meet`]) also agree on the
/// vowels Arabic script writes: for some key they share, every long vowel the Arabic-script
/// token spells between two consonants (ا a, ی/ي i, و u) is a vowel of the other token's
/// rendering in that gap (ا as `a` or `o`, ي as `i`, `e` or `y`, و as `u` or `o`), and a
/// word the script ends on a consonant is not rendered with a final vowel (a French-style
/// mute `e` aside: Lamine الأمين, Yacine ياسين). Two Arabic-script tokens must write the same
/// long vowels in each gap.
///
/// A consonant key keeps too little of a short name (Ehsan احسان and Hossein share `hsn`;
/// Zahra زهرا and Zouhair share `zhr`): the long vowels the script does write tell such names
/// apart. Letters whose vowel the script leaves open impose nothing: ʿayn (Saeed, Said سعيد),
/// a word-initial alif, the alif of the article (Abdullah, Abdallah عبدالله), a final ح or ه
/// (Salih صالح, Fatemeh فاطمه), short-vowel signs, and alif maqsura ى (a, or a dotless
/// final ي). Tokens in other scripts (Hebrew included, whose vowel letters are optional)
/// always agree.
///
/// Computes both tokens' [`VowelFrames`]; a caller that compares one token many times keeps
/// them and calls [`VowelFrames::agree`].
pub fn consonant_vowels_agree(a_text: &str, a_latin: &str, b_text: &str, b_latin: &str) -> bool {
    VowelFrames::of(a_text, a_latin).agree(&VowelFrames::of(b_text, b_latin))
}

/// A token's consonant keys, each with the vowel letters written between its consonants:
/// what [`consonant_vowels_agree`] compares. Reading them walks the transliteration tables,
/// so a scorer that meets one listed token in many candidates computes them once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VowelFrames {
    frames: Vec<translit::ConsonantFrame>,
    /// The token is written in Arabic script (see [`consonant_vowels_agree`]).
    arabic: bool,
}

impl VowelFrames {
    /// The frames of a token's original text and Latin skeleton.
    pub fn of(text: &str, latin: &str) -> VowelFrames {
        VowelFrames {
            frames: translit::consonant_frames(text, latin),
            arabic: text.chars().any(translit::is_arabic_script_char),
        }
    }

    /// Whether the two tokens agree on the vowels Arabic script writes (see
    /// [`consonant_vowels_agree`]).
    pub fn agree(&self, other: &VowelFrames) -> bool {
        if !self.arabic && !other.arabic {
            return true;
        }
        self.frames.iter().any(|x| {
            other
                .frames
                .iter()
                .any(|y| x.key == y.key && translit::frames_agree(x, y))
        })
    }

    /// The frames of a run of tokens written together ([`consonant_runs`]: two adjacent
    /// tokens, or three around a split Arabic article, the article's `l` kept or left out),
    /// joined as their consonant keys join, and only those whose key is `key`: عبد ال علی read
    /// as one word, for comparing with a single token on the other side. Takes each token's
    /// text and its own frames ([`VowelFrames::of`]), which a scorer has already read for
    /// the token's other comparisons. [`RunFrames::read`] does the same into reused buffers.
    pub fn of_run(parts: &[(&str, &VowelFrames)], key: &str) -> VowelFrames {
        let mut run = RunFrames::default();
        run.read(parts.iter().copied(), key);
        run.to_vowel_frames()
    }

    /// Whether the two tokens agree on the vowels Arabic script writes for the one consonant
    /// key `key` (see [`consonant_vowels_agree`]); true when either has no frame of that key
    /// (a run of tokens joined without the article's `l`, whose key no reading of the joined
    /// text gives).
    pub fn agree_on(&self, other: &VowelFrames, key: &str) -> bool {
        frames_agree_on(
            (&self.frames, self.arabic),
            (&other.frames, other.arabic),
            key,
        )
    }
}

/// [`VowelFrames::agree_on`] over two tokens' frames, each with whether its token is written
/// in Arabic script.
fn frames_agree_on(
    (mine, mine_arabic): (&[translit::ConsonantFrame], bool),
    (theirs, theirs_arabic): (&[translit::ConsonantFrame], bool),
    key: &str,
) -> bool {
    if !mine_arabic && !theirs_arabic {
        return true;
    }
    let of_key = |f: &&translit::ConsonantFrame| f.key == key;
    if !mine.iter().any(|x| x.key == key) || !theirs.iter().any(|y| y.key == key) {
        return true;
    }
    mine.iter().filter(of_key).any(|x| {
        theirs
            .iter()
            .filter(of_key)
            .any(|y| translit::frames_agree(x, y))
    })
}

/// Frames kept in storage that outlives them: the first `len` slots are the frames, the
/// slots past them spare storage that the next frames reuse, so that reading frames again
/// allocates nothing once the slots have grown.
#[derive(Debug, Default, Clone)]
struct FramePool {
    slots: Vec<translit::ConsonantFrame>,
    len: usize,
}

impl FramePool {
    /// The frames.
    fn frames(&self) -> &[translit::ConsonantFrame] {
        &self.slots[..self.len]
    }

    /// Empties the pool, keeping the slots' storage.
    fn clear(&mut self) {
        self.len = 0;
    }

    /// The slot past the frames, to write a frame into; [`FramePool::keep`] makes it one.
    fn spare(&mut self) -> &mut translit::ConsonantFrame {
        if self.len == self.slots.len() {
            self.slots.push(translit::ConsonantFrame::default());
        }
        &mut self.slots[self.len]
    }

    /// Keeps the frame written into [`FramePool::spare`].
    fn keep(&mut self) {
        self.len += 1;
    }

    /// Adds a copy of `frame`.
    fn push_copy(&mut self, frame: &translit::ConsonantFrame) {
        self.spare().assign(frame);
        self.keep();
    }
}

/// The vowel frames of a run of tokens written together ([`VowelFrames::of_run`]), read into
/// buffers that are kept from one run to the next: a scorer that checks the runs of many
/// candidates allocates nothing for them once the buffers have grown to the longest run met.
#[derive(Debug, Default, Clone)]
pub struct RunFrames {
    /// The run's frames of the key last read.
    frames: FramePool,
    /// The frames of the run's first tokens, while it is read token by token.
    partial: FramePool,
    /// `partial` grown by the next token.
    grown: FramePool,
    /// Some token of the run is written in Arabic script.
    arabic: bool,
}

impl RunFrames {
    /// Reads the frames of the run `parts` (each token's text and own frames, in written
    /// order) whose key is `key`, in place of the frames read before: as
    /// [`VowelFrames::of_run`].
    pub fn read<'a>(
        &mut self,
        parts: impl Iterator<Item = (&'a str, &'a VowelFrames)> + Clone,
        key: &str,
    ) {
        // Each token multiplies the readings of the run so far by its own (an ambiguous
        // letter in each word of a long run); real runs of two or three words have a handful,
        // and the bound keeps a hostile run of many ambiguous words from growing without end
        // on the scorer's pair path. Readings past it are dropped; a run left with no reading
        // of the key is not vowel-checked at all (see `agree_on`), as before this check.
        const MAX_RUN_FRAMES: usize = 64;
        let RunFrames {
            frames,
            partial,
            grown,
            arabic,
        } = self;
        frames.clear();
        partial.clear();
        *arabic = parts.clone().any(|(_, f)| f.arabic);
        // Prefixes of the key so far: each choice of frames, token by token.
        let mut rest = parts.clone();
        if let Some((_, first)) = rest.next() {
            for f in first
                .frames
                .iter()
                .filter(|f| key.starts_with(f.key.as_str()))
            {
                partial.push_copy(f);
            }
        }
        let mut three = parts.clone().skip(1);
        if let (Some((article, _)), Some((_, last)), None) =
            (three.next(), three.next(), three.next())
        {
            if is_arabic_article(article) {
                // Left out: the first and last tokens joined over an open joint.
                for a in partial.frames() {
                    for c in &last.frames {
                        let f = frames.spare();
                        if translit::join_frames(a, c, true, f) && f.key == key {
                            frames.keep();
                        }
                    }
                }
            }
        }
        for (_, next) in rest {
            grown.clear();
            for a in partial.frames() {
                for b in &next.frames {
                    let f = grown.spare();
                    if translit::join_frames(a, b, false, f)
                        && key.starts_with(f.key.as_str())
                        && grown.len < MAX_RUN_FRAMES
                    {
                        grown.keep();
                    }
                }
            }
            std::mem::swap(partial, grown);
        }
        for f in partial.frames().iter().filter(|f| f.key == key) {
            frames.push_copy(f);
        }
    }

    /// The frames of the run read last, as [`VowelFrames::of_run`] gives them.
    pub fn to_vowel_frames(&self) -> VowelFrames {
        VowelFrames {
            frames: self.frames.frames().to_vec(),
            arabic: self.arabic,
        }
    }

    /// Whether the run read last and the token `other` agree on the vowels Arabic script
    /// writes for the key `key`: as [`VowelFrames::agree_on`].
    pub fn agree_on(&self, other: &VowelFrames, key: &str) -> bool {
        frames_agree_on(
            (self.frames.frames(), self.arabic),
            (&other.frames, other.arabic),
            key,
        )
    }
}

/// The latin and phonetic keys of several tokens written as one word (`["abdul", "aziz"]` →
/// `("abdulaziz", …)`): for matching a name split in one list and joined in another.
pub fn joined_key(tokens: &[NameToken]) -> (String, String) {
    let latin: String = tokens.iter().map(|t| t.latin.as_str()).collect();
    let phonetic = phonetic_key(&latin);
    (latin, phonetic)
}

/// The consonant key ([`NameToken::consonants`]) of tokens written as one word: the keys
/// concatenated, a class doubled across a joint collapsed (`عبد` + `الله` = `bd` + `l`, the key
/// of Abdullah). The last part's key has already lost a final `h` that ends its word (`الله`
/// = `l`) and kept one a vowel follows (`عبد` + `ال` + `حی` = `bdlh`, the key of Abdulhai).
/// `None` when a part's key is empty.
pub fn joined_consonants<'a>(parts: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let mut out = String::new();
    join_consonants_onto(&mut out, 0, parts).then_some(out)
}

/// Writes the [`joined_consonants`] of `parts` onto `out` after its first `from` bytes, which
/// the join does not look at; false, and `out` cut back to `from` bytes, when a part is empty.
fn join_consonants_onto<'a>(
    out: &mut String,
    from: usize,
    parts: impl IntoIterator<Item = &'a str>,
) -> bool {
    for p in parts {
        if p.is_empty() {
            out.truncate(from);
            return false;
        }
        let skip = p.chars().next().is_some_and(|c| out[from..].ends_with(c));
        out.push_str(if skip { &p[1..] } else { p });
    }
    true
}

/// Whether a token is the Arabic article split off its word (`ال` of الدين): Latin renderings
/// of a compound name write it `al`, `ul`, `ud`, `ad` or assimilated into a doubled consonant
/// (Nasiruddin for نصير الدين), so a joined consonant key is tried with and without it.
pub fn is_arabic_article(text: &str) -> bool {
    text == "ال"
}

/// The most joined keys one run of tokens gets from its tokens' consonant variants
/// ([`consonant_runs`]).
const MAX_RUN_KEYS: usize = 8;

/// Runs of tokens that a Latin rendering may write as one word, with their joined consonant
/// key, for matching a name in an abjad against its Latin rendering: every two adjacent
/// tokens, and three around a split Arabic article ([`is_arabic_article`]) with and without
/// its `l`. Takes each token's text and consonant keys ([`NameToken::consonants`] first, then
/// its [`NameToken::consonant_variants`]); gives `(start, end, key)` for keys of 3+ classes
/// (shorter ones say too little), the canonical join first, at most a few per run.
/// [`consonant_runs_into`] gives the same into a reused buffer.
pub fn consonant_runs<K: AsRef<str>>(tokens: &[(&str, &[K])]) -> Vec<(usize, usize, String)> {
    let mut runs = ConsonantRuns::default();
    consonant_runs_into(tokens, &mut runs);
    runs.iter()
        .map(|(start, end, key)| (start, end, key.to_owned()))
        .collect()
}

/// A token as [`consonant_runs_into`] reads it: its original text (which tells the split
/// Arabic article) and its consonant keys.
pub trait RunToken {
    /// The token's original text.
    fn run_text(&self) -> &str;
    /// The token's consonant keys: [`NameToken::consonants`] first, then its
    /// [`NameToken::consonant_variants`].
    fn run_keys(&self) -> impl Iterator<Item = &str>;
}

impl<K: AsRef<str>> RunToken for (&str, &[K]) {
    fn run_text(&self) -> &str {
        self.0
    }

    fn run_keys(&self) -> impl Iterator<Item = &str> {
        self.1.iter().map(AsRef::as_ref)
    }
}

impl RunToken for NameToken {
    fn run_text(&self) -> &str {
        &self.text
    }

    fn run_keys(&self) -> impl Iterator<Item = &str> {
        self.consonant_keys()
    }
}

/// The runs of [`consonant_runs_into`]: `(start, end, key)` with the keys written one after
/// another into one string, kept from one name to the next so that reading a name's runs
/// allocates nothing once the buffers have grown to the longest name met.
#[derive(Debug, Default, Clone)]
pub struct ConsonantRuns {
    /// The runs' keys, one after another.
    keys: String,
    /// Each run's first token, the token past its last, and its key's byte range in `keys`.
    runs: Vec<(usize, usize, std::ops::Range<usize>)>,
}

impl ConsonantRuns {
    /// The runs, in the order of [`consonant_runs`]: `(start, end, key)`.
    pub fn iter(&self) -> impl Iterator<Item = (usize, usize, &str)> {
        self.runs
            .iter()
            .map(|(start, end, key)| (*start, *end, &self.keys[key.clone()]))
    }

    /// The number of runs.
    pub fn len(&self) -> usize {
        self.runs.len()
    }

    /// Whether there is no run.
    pub fn is_empty(&self) -> bool {
        self.runs.is_empty()
    }

    /// Adds the run `start..end` of key [`joined_consonants`]`(parts)` unless the key has
    /// fewer than 3 classes, is one of the parts' (חי + חסדאי: `h` + `hsd`, the doubled class
    /// collapsed: the join says no more than that part alone, which is matched on its own),
    /// or is already a key of this run, whose keys start at `first`, or the run has
    /// [`MAX_RUN_KEYS`] keys.
    fn add(&mut self, (start, end): (usize, usize), first: usize, parts: &[&str]) {
        let from = self.keys.len();
        if !join_consonants_onto(&mut self.keys, from, parts.iter().copied()) {
            return;
        }
        let key = &self.keys[from..];
        let new = !self.runs[first..]
            .iter()
            .any(|(_, _, k)| &self.keys[k.clone()] == key)
            && !parts.contains(&key);
        if key.len() >= 3 && new && self.runs.len() - first < MAX_RUN_KEYS {
            self.runs.push((start, end, from..self.keys.len()));
        } else {
            self.keys.truncate(from);
        }
    }
}

/// [`consonant_runs`] of `tokens`, written into `runs` in place of the runs read before.
pub fn consonant_runs_into<T: RunToken>(tokens: &[T], runs: &mut ConsonantRuns) {
    runs.keys.clear();
    runs.runs.clear();
    for i in 0..tokens.len().saturating_sub(1) {
        let first = runs.runs.len();
        let (a, b) = (&tokens[i], &tokens[i + 1]);
        if is_arabic_article(b.run_text()) {
            let Some(c) = tokens.get(i + 2) else {
                continue;
            };
            for x in a.run_keys() {
                for z in c.run_keys() {
                    runs.add((i, i + 3), first, &[x, z]);
                    runs.add((i, i + 3), first, &[x, "l", z]);
                }
            }
        } else {
            for x in a.run_keys() {
                for y in b.run_keys() {
                    runs.add((i, i + 2), first, &[x, y]);
                }
            }
        }
    }
}

/// The Arabic article and its Latin renderings, as a separate word inside a compound name
/// (`Abd al Majid`, `Nasir ud Din`, `Abd ur Rahman`): before a "sun letter" the article's `l`
/// is written as that letter (ʿAbd ar-Raḥmān, ʿAbd as-Salām; W. Wright, *A Grammar of the
/// Arabic Language*, vol. I §14; the ALA-LC and UNGEGN romanisations of Arabic write the
/// assimilation). Grammar, not vocabulary: the list is closed.
const ARABIC_ARTICLES: [&str; 27] = [
    "al", "el", "ul", "il", "ad", "ed", "ud", "ar", "er", "ur", "as", "es", "us", "an", "en", "un",
    "at", "et", "ut", "az", "ez", "uz", "ash", "esh", "ush", "ath", "adh",
];

/// Whether a token's canonical Latin is a rendering of the Arabic article (`al`, `el`, `ul`,
/// and the sun-letter forms `ar`, `as`, `ad`, `ash`, …); [`is_arabic_article`] is the same
/// for Arabic script.
pub fn is_latin_arabic_article(latin: &str) -> bool {
    ARABIC_ARTICLES.contains(&latin)
}

/// The one-word spellings of `a` + Arabic article + `c` (`abd` `al` `rahman`): the words
/// written together (`abdalrahman`) and, when `c` starts with a sun letter, with the article
/// assimilated to it (`abdarrahman`), each with the article's vowel as any of a, e, i, u, as
/// one-word spellings vary it (`Abdelrahman`, `Abdulrahman`, `Abdurrahman`). Empty when
/// `article` is not the article. Scorer and index share it, so the index files every
/// spelling the scorer's joined path matches exactly; [`arabic_article_join_parts`] gives
/// the same spellings without writing them out.
pub fn arabic_article_joins(a: &str, article: &str, c: &str) -> Vec<String> {
    arabic_article_join_parts(a, article, c)
        .map(|parts| parts.concat())
        .collect()
}

/// The spellings of [`arabic_article_joins`], in its order, each as the four pieces that
/// written together spell it: `a`, the article's vowel, the article's consonant as written
/// or assimilated, `c`. For a caller that reads each spelling once (the scorer compares it
/// with a token), so that nothing is allocated.
pub fn arabic_article_join_parts<'a>(
    a: &'a str,
    article: &'a str,
    c: &'a str,
) -> impl Iterator<Item = [&'a str; 4]> {
    let joins = is_latin_arabic_article(article) && !a.is_empty() && !c.is_empty();
    let rest = if joins { &article[1..] } else { "" };
    let sun = joins && matches!(c.as_bytes()[0], b't' | b'd' | b'r' | b'z' | b's' | b'n');
    // An article already written as the letter it would assimilate to (`ad` before `din`)
    // has one spelling, not two.
    let assimilated = if sun { Some(&c[..1]) } else { None }.filter(|&first| first != rest);
    ["a", "e", "i", "u"]
        .into_iter()
        .filter(move |_| joins)
        .flat_map(move |vowel| {
            std::iter::once([a, vowel, rest, c])
                .chain(assimilated.map(|first| [a, vowel, first, c]))
        })
}
