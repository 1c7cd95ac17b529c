//! Transliteration of every supported script to Latin, driven by the tables in `data/`.

use crate::tables::{char_map, rows, CharMap, FastMap, Out, TableError};
use pinyin::ToPinyin;
use std::sync::LazyLock;

/// A romanisation scheme for Cyrillic (see `data/cyrillic.tsv` for each column's source).
///
/// Scripts other than Cyrillic have one table each and read the same under every scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scheme {
    /// tamga's canonical reading (ASCII BGN/PCGN, language-aware): what [`crate::NameToken::latin`] uses.
    Canonical,
    /// ICAO Doc 9303 (machine-readable passports).
    Icao,
    /// BGN/PCGN (US Board on Geographic Names / UK Permanent Committee on Geographical Names).
    BgnPcgn,
    /// ISO 9:1995 = GOST 7.79-2000 system A (with diacritics).
    Iso9,
    /// Scholarly "scientific" transliteration (with diacritics).
    Scientific,
    /// English press rendering.
    EnglishPress,
    /// German press rendering.
    GermanPress,
    /// French press rendering.
    FrenchPress,
    /// Spanish press rendering.
    SpanishPress,
}

impl Scheme {
    /// Every scheme, in the column order of `data/cyrillic.tsv`.
    pub const ALL: [Scheme; 9] = [
        Scheme::Canonical,
        Scheme::Icao,
        Scheme::BgnPcgn,
        Scheme::Iso9,
        Scheme::Scientific,
        Scheme::EnglishPress,
        Scheme::GermanPress,
        Scheme::FrenchPress,
        Scheme::SpanishPress,
    ];

    /// A short stable name (`canonical`, `icao`, `bgn`, `iso9`, `scientific`, `en`, `de`, `fr`, `es`).
    pub fn name(self) -> &'static str {
        match self {
            Scheme::Canonical => "canonical",
            Scheme::Icao => "icao",
            Scheme::BgnPcgn => "bgn",
            Scheme::Iso9 => "iso9",
            Scheme::Scientific => "scientific",
            Scheme::EnglishPress => "en",
            Scheme::GermanPress => "de",
            Scheme::FrenchPress => "fr",
            Scheme::SpanishPress => "es",
        }
    }

    fn index(self) -> usize {
        Scheme::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }
}

/// The language of a name, as far as its letters tell; it only changes the few letters listed
/// in `data/cyrillic_lang.tsv` (Cyrillic languages) and the Persian column of
/// `data/arabic.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub(crate) enum Lang {
    /// Russian or any language without a distinctive letter (the default).
    #[default]
    Russian,
    /// Ukrainian: і ї є ґ without Kazakh letters.
    Ukrainian,
    /// Belarusian: ў together with і or ы, and no и.
    Belarusian,
    /// Uzbek: ў with қ ғ ҳ, or ў without і/ы.
    Uzbek,
    /// Tajik: ӣ ӯ ҷ.
    Tajik,
    /// Persian, Urdu or Pashto in Arabic script: پ چ ژ گ ک ی.
    Persian,
}

impl Lang {
    fn from_code(code: &str) -> Option<Lang> {
        [
            Lang::Russian,
            Lang::Ukrainian,
            Lang::Belarusian,
            Lang::Uzbek,
            Lang::Tajik,
            Lang::Persian,
        ]
        .into_iter()
        .find(|l| l.code() == code)
    }

    fn code(self) -> &'static str {
        match self {
            Lang::Russian => "ru",
            Lang::Ukrainian => "uk",
            Lang::Belarusian => "be",
            Lang::Uzbek => "uz",
            Lang::Tajik => "tg",
            Lang::Persian => "fa",
        }
    }

    /// Tells the language of a lowercased Cyrillic text from its letters.
    pub(crate) fn detect(text: &str) -> Lang {
        Lang::detect_chars(text.chars())
    }

    /// As [`Lang::detect`], over any sequence of lowercased characters.
    pub(crate) fn detect_chars(chars: impl Iterator<Item = char>) -> Lang {
        let (mut uk, mut kk, mut ou, mut i_or_y, mut plain_i, mut uz, mut tg, mut fa) =
            (false, false, false, false, false, false, false, false);
        let mut ou_after_vowel = false;
        let mut prev = ' ';
        for c in chars {
            if c == 'ў'
                && matches!(
                    prev,
                    'а' | 'о' | 'у' | 'е' | 'э' | 'ы' | 'і' | 'ё' | 'ю' | 'я'
                )
            {
                ou_after_vowel = true;
            }
            prev = c;
            match c {
                'ї' | 'є' | 'ґ' => uk = true,
                'і' => i_or_y = true,
                'ы' => i_or_y = true,
                'и' => plain_i = true,
                'ә' | 'ң' | 'ө' | 'ұ' | 'ү' | 'һ' => kk = true,
                'ў' => ou = true,
                'қ' | 'ғ' | 'ҳ' => uz = true,
                'ӣ' | 'ӯ' | 'ҷ' => tg = true,
                'پ' | 'چ' | 'ژ' | 'گ' | 'ک' | 'ی' => fa = true,
                _ => {}
            }
        }
        if fa {
            Lang::Persian
        } else if tg {
            Lang::Tajik
        } else if ou_after_vowel && !uz && !plain_i {
            // Belarusian ў is the non-syllabic u and only follows a vowel (Марозаў, праўда);
            // Uzbek ў is a vowel, written after consonants and at the start (Тўхтаев, Ўктам).
            Lang::Belarusian
        } else if ou && (uz || !i_or_y) {
            Lang::Uzbek
        } else if ou && !plain_i {
            Lang::Belarusian
        } else if uk && !kk && !uz {
            Lang::Ukrainian
        } else {
            Lang::Russian
        }
    }
}

/// Hangul jamo readings (Revised Romanization).
#[derive(Debug, Default)]
struct Hangul {
    lead: Vec<Box<str>>,
    vowel: Vec<Box<str>>,
    tail: Vec<Box<str>>,
}

/// Every transliteration table, parsed once.
#[derive(Debug, Default)]
pub(crate) struct Tables {
    cyrillic: Vec<CharMap>,
    cyr_lang: FastMap<(Lang, char), Out>,
    arabic: CharMap,
    persian: CharMap,
    hebrew: CharMap,
    greek: CharMap,
    armenian: CharMap,
    georgian: CharMap,
    kana: CharMap,
    hangul: Hangul,
    /// Other readings of abjad letters for the consonant key (`data/abjad_readings.tsv`).
    abjad_readings: FastMap<char, Vec<Box<str>>>,
}

impl Tables {
    fn load() -> Result<Tables, TableError> {
        const CYR: &str = "data/cyrillic.tsv";
        let mut cyrillic: Vec<CharMap> = Scheme::ALL.iter().map(|_| CharMap::default()).collect();
        for (line, cells) in rows(include_str!("../data/cyrillic.tsv")) {
            if cells.len() != Scheme::ALL.len() + 1 {
                return Err(TableError {
                    file: CYR,
                    line,
                    message: format!(
                        "expected {} tab-separated cells, found {}",
                        Scheme::ALL.len() + 1,
                        cells.len()
                    ),
                });
            }
            for (map, cell) in cyrillic.iter_mut().zip(&cells[1..]) {
                map.insert(cells[0], Out::parse(cell))
                    .map_err(|message| TableError {
                        file: CYR,
                        line,
                        message,
                    })?;
            }
        }
        let mut cyr_lang = FastMap::default();
        for (line, cells) in rows(include_str!("../data/cyrillic_lang.tsv")) {
            let mut chars = cells.get(1).map(|s| s.chars()).into_iter().flatten();
            match (cells.first(), chars.next(), chars.next(), cells.get(2)) {
                (Some(lang), Some(c), None, Some(out)) => {
                    let Some(lang) = Lang::from_code(lang) else {
                        return Err(TableError {
                            file: "data/cyrillic_lang.tsv",
                            line,
                            message: format!("unknown language code `{lang}`"),
                        });
                    };
                    cyr_lang.insert((lang, c), Out::parse(out));
                }
                _ => {
                    return Err(TableError {
                        file: "data/cyrillic_lang.tsv",
                        line,
                        message: "expected `lang<TAB>one letter<TAB>latin`".to_string(),
                    })
                }
            }
        }
        let mut hangul = Hangul::default();
        for (line, cells) in rows(include_str!("../data/hangul_rr.tsv")) {
            let err = |message: &str| TableError {
                file: "data/hangul_rr.tsv",
                line,
                message: message.to_string(),
            };
            if cells.len() < 3 {
                return Err(err("expected `part<TAB>index<TAB>latin`"));
            }
            let index: usize = cells[1]
                .trim()
                .parse()
                .map_err(|_| err("index is not a number"))?;
            let part = match cells[0] {
                "L" => &mut hangul.lead,
                "V" => &mut hangul.vowel,
                "T" => &mut hangul.tail,
                _ => return Err(err("part must be L, V or T")),
            };
            if index != part.len() {
                return Err(err("indices must be listed in order from 0"));
            }
            let latin = if cells[2] == "_" { "" } else { cells[2].trim() };
            part.push(latin.into());
        }
        if hangul.lead.len() != 19 || hangul.vowel.len() != 21 || hangul.tail.len() != 28 {
            return Err(TableError {
                file: "data/hangul_rr.tsv",
                line: 0,
                message: "need 19 L, 21 V and 28 T rows".to_string(),
            });
        }
        let mut abjad_readings = FastMap::default();
        for (line, cells) in rows(include_str!("../data/abjad_readings.tsv")) {
            let mut chars = cells.first().map(|s| s.chars()).into_iter().flatten();
            match (chars.next(), chars.next(), cells.get(1)) {
                (Some(c), None, Some(list)) if cells.len() == 2 => {
                    let readings: Vec<Box<str>> = list
                        .split(',')
                        .map(|r| if r == "_" { "" } else { r.trim() }.into())
                        .collect();
                    abjad_readings.insert(c, readings);
                }
                _ => {
                    return Err(TableError {
                        file: "data/abjad_readings.tsv",
                        line,
                        message: "expected `one letter<TAB>reading,reading,...`".to_string(),
                    })
                }
            }
        }
        Ok(Tables {
            abjad_readings,
            cyrillic,
            cyr_lang,
            arabic: char_map("data/arabic.tsv", include_str!("../data/arabic.tsv"))?,
            persian: persian_map()?,
            hebrew: char_map("data/hebrew.tsv", include_str!("../data/hebrew.tsv"))?,
            greek: char_map("data/greek.tsv", include_str!("../data/greek.tsv"))?,
            armenian: char_map("data/armenian.tsv", include_str!("../data/armenian.tsv"))?,
            georgian: char_map("data/georgian.tsv", include_str!("../data/georgian.tsv"))?,
            kana: char_map("data/kana.tsv", include_str!("../data/kana.tsv"))?,
            hangul,
        })
    }

    /// Sizes of the tables, for the table tests.
    pub(crate) fn sizes(&self) -> Vec<(&'static str, usize)> {
        vec![
            ("cyrillic", self.cyrillic.first().map_or(0, CharMap::len)),
            ("arabic", self.arabic.len()),
            ("hebrew", self.hebrew.len()),
            ("greek", self.greek.len()),
            ("armenian", self.armenian.len()),
            ("georgian", self.georgian.len()),
            ("kana", self.kana.len()),
        ]
    }
}

/// The Persian reading of the Arabic-script table: its third column where given, else the second.
fn persian_map() -> Result<CharMap, TableError> {
    let mut map = CharMap::default();
    for (line, cells) in rows(include_str!("../data/arabic.tsv")) {
        let cell = cells.get(2).or(cells.get(1)).ok_or_else(|| TableError {
            file: "data/arabic.tsv",
            line,
            message: "expected 2 or 3 tab-separated cells".to_string(),
        })?;
        map.insert(cells[0], Out::parse(cell))
            .map_err(|message| TableError {
                file: "data/arabic.tsv",
                line,
                message,
            })?;
    }
    Ok(map)
}

static TABLES: LazyLock<Result<Tables, TableError>> = LazyLock::new(Tables::load);
static EMPTY: LazyLock<Tables> = LazyLock::new(Tables::default);

/// The parsed tables (empty if a table is malformed; [`crate::check_tables`] reports that).
impl Tables {
    /// The table for Arabic-script letters in a name of language `lang`:
    /// Persian reads some letters differently (the third column of
    /// `data/arabic.tsv`).
    fn arabic_script(&self, lang: Lang) -> &CharMap {
        if lang == Lang::Persian {
            &self.persian
        } else {
            &self.arabic
        }
    }
}

pub(crate) fn tables() -> &'static Tables {
    match &*TABLES {
        Ok(t) => t,
        Err(_) => &EMPTY,
    }
}

/// The load result, for [`crate::check_tables`].
pub(crate) fn load_result() -> Result<&'static Tables, TableError> {
    TABLES.as_ref().map_err(Clone::clone)
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{052F}' | '\u{1C80}'..='\u{1C8F}' | '\u{2DE0}'..='\u{2DFF}' | '\u{A640}'..='\u{A69F}')
}

fn is_cyr_vowel_or_sign(c: char) -> bool {
    matches!(
        c,
        'а' | 'е'
            | 'ё'
            | 'и'
            | 'о'
            | 'у'
            | 'ы'
            | 'э'
            | 'ю'
            | 'я'
            | 'і'
            | 'ї'
            | 'є'
            | 'ә'
            | 'ө'
            | 'ұ'
            | 'ү'
            | 'ӣ'
            | 'ӯ'
            | 'ў'
            | 'ъ'
            | 'ь'
    ) || matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// Latin letters whose usual ASCII rendering is not what stripping the accent gives:
/// Slavic/Baltic/Turkish carons and cedillas become the English digraphs the canonical
/// Cyrillic reading uses (š → sh meets ш → sh), ligatures are spelt out.
fn latin_special(c: char) -> Option<&'static str> {
    Some(match c {
        'š' | 'ş' | 'ș' => "sh",
        'ž' | 'ż' => "zh",
        'č' | 'ç' => "ch",
        'ğ' | 'ǧ' => "gh",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'ø' => "o",
        'ł' => "l",
        'đ' => "dj",
        'ð' => "d",
        'þ' => "th",
        'ı' => "i",
        'ŋ' => "ng",
        'ə' => "a",
        'ĳ' => "ij",
        _ => return None,
    })
}

/// Appends the ASCII reading of one Latin-script (or other non-table) character: special
/// letters, else the base letters of its canonical decomposition. Returns whether it wrote.
fn push_latin_char(c: char, out: &mut String) -> bool {
    if c.is_ascii_alphanumeric() {
        out.push(c.to_ascii_lowercase());
        return true;
    }
    if let Some(s) = latin_special(c) {
        out.push_str(s);
        return true;
    }
    let before = out.len();
    unicode_normalization::char::decompose_canonical(c, |d| {
        if d.is_ascii_alphanumeric() {
            out.push(d.to_ascii_lowercase());
        }
    });
    out.len() > before
}

/// Arabic and Hebrew weak letters: consonant at the start of a word or next to alif (Arabic),
/// long vowel elsewhere. Returns the reading, or None for other letters.
fn semitic_weak(chars: &[char], i: usize) -> Option<&'static str> {
    let c = chars[i];
    let prev = if i > 0 {
        chars.get(i - 1).copied()
    } else {
        None
    };
    let next = chars.get(i + 1).copied();
    let alif = |x: Option<char>| matches!(x, Some('ا' | 'أ' | 'إ' | 'آ' | 'ى' | 'ة'));
    // After a word-initial ʿayn (not written in Latin) the weak letter starts the word as
    // Latin writes it: عوض Awad, عويس Aweys.
    let after_initial_ayn = i == 1 && prev == Some('ع');
    // The و of abu before the article written together (ابوالفضل Abolfazl, ابوالقاسم
    // Abolghasem, Persian compound given names) is the long vowel of abu: the alif after
    // it is the article's, not a long ā.
    let abu_article =
        c == 'و' && prev == Some('ب') && chars.get(i + 2) == Some(&'ل') && chars.len() > i + 4;
    let consonant = i == 0
        || after_initial_ayn
        || (alif(next) && !abu_article)
        || alif(prev)
        || matches!(next, Some('و' | 'ي' | 'ی'));
    match c {
        'و' => Some(if consonant { "w" } else { "u" }),
        'ي' | 'ی' => Some(if consonant { "y" } else { "i" }),
        'ו' => Some(if i == 0 || next == Some('ו') {
            "v"
        } else {
            "o"
        }),
        'י' => Some(if i == 0 || next == Some('י') {
            "y"
        } else {
            "i"
        }),
        _ => None,
    }
}

/// In a word written mostly in Cyrillic, reads the Latin letters that look like Cyrillic ones
/// as those (`Вітaлійович` with a Latin a, `Мiĸалай` with Latin i and kra, `Pаїса` with a
/// Latin P): lists and their sources mix keyboards, and the word is meant as Cyrillic. The
/// pairs are the Unicode confusables (UTS #39 `confusables.txt`) between the two scripts, on
/// lowercased text (so Latin b, h, m, t come from capitals В, Н, М, Т).
fn fold_latin_homoglyphs(chars: &mut [char]) {
    let cyrillic = chars.iter().filter(|c| is_cyrillic(**c)).count();
    let latin = chars
        .iter()
        .filter(|c| c.is_ascii_alphabetic() || **c == 'ĸ')
        .count();
    if latin == 0 || cyrillic < latin {
        return;
    }
    fold_latin_homoglyphs_all(chars);
}

/// Every Latin lookalike of a Cyrillic letter replaced by that letter.
fn fold_latin_homoglyphs_all(chars: &mut [char]) {
    for c in chars.iter_mut() {
        *c = match *c {
            'a' => 'а',
            'b' => 'в',
            'c' => 'с',
            'e' => 'е',
            'h' => 'н',
            'i' => 'і',
            'k' | 'ĸ' => 'к',
            'm' => 'м',
            'o' => 'о',
            'p' => 'р',
            't' => 'т',
            'x' => 'х',
            'y' => 'у',
            other => other,
        };
    }
}

/// The Cyrillic letter a one-letter Latin token looks like (`c` -> `с`, `i` -> `і`), or None;
/// see [`fold_latin_homoglyphs`].
pub(crate) fn cyrillic_lookalike(token: &str) -> Option<char> {
    let mut it = token.chars();
    let (Some(c), None) = (it.next(), it.next()) else {
        return None;
    };
    if !(c.is_ascii_alphabetic() || c == 'ĸ') {
        return None;
    }
    let mut one = [c];
    fold_latin_homoglyphs_all(&mut one);
    (one[0] != c).then_some(one[0])
}

/// Transliterates one lowercased token to its canonical Latin skeleton (ASCII `[a-z0-9]`).
pub(crate) fn token_latin(token: &str, lang: Lang, out: &mut String) {
    let t = tables();
    let start_len = out.len();
    if token.is_ascii() {
        out.extend(
            token
                .bytes()
                .filter(u8::is_ascii_alphanumeric)
                .map(|b| b.to_ascii_lowercase() as char),
        );
        return;
    }
    // الله is written without its long vowel (the dagger alif of اللّٰه): read it as Latin
    // writes it, so that it does not look like the article `al`.
    if token == "الله" {
        out.push_str("allah");
        return;
    }
    let mut chars: Vec<char> = token.chars().collect();
    fold_latin_homoglyphs(&mut chars);
    let cyr = t.cyrillic.first();
    let mut i = 0;
    let mut geminate = false;
    while i < chars.len() {
        let c = chars[i];
        let initial = i == 0;
        let mark = out.len();
        let mut used = 1;
        if is_cyrillic(c) {
            let iot = initial || is_cyr_vowel_or_sign(chars[i - 1]);
            if let Some(o) = (lang != Lang::Russian)
                .then(|| t.cyr_lang.get(&(lang, c)))
                .flatten()
            {
                out.push_str(o.pick(initial, iot));
            } else if let Some((n, o)) = cyr.and_then(|m| m.lookup(&chars, i)) {
                used = n;
                out.push_str(o.pick(initial, iot));
            }
        } else if let Some(w) = semitic_weak(&chars, i) {
            out.push_str(w);
        } else if t.arabic.contains(c) {
            if let Some((n, o)) = t.arabic_script(lang).lookup(&chars, i) {
                used = n;
                out.push_str(o.pick(initial, false));
            }
        } else if t.hebrew.contains(c) {
            if let Some((n, o)) = t.hebrew.lookup(&chars, i) {
                used = n;
                out.push_str(o.pick(initial, false));
            }
        } else if let Some(m) = [&t.greek, &t.armenian, &t.georgian]
            .into_iter()
            .find(|m| m.contains(c))
        {
            if let Some((n, o)) = m.lookup(&chars, i) {
                used = n;
                out.push_str(o.pick(initial, false));
            }
        } else if matches!(c, '\u{3041}'..='\u{30FF}') {
            used = kana(&t.kana, &chars, i, out, &mut geminate);
        } else if matches!(c, '\u{AC00}'..='\u{D7A3}') {
            let s = c as u32 - 0xAC00;
            let (l, v, tl) = (
                (s / 588) as usize,
                ((s % 588) / 28) as usize,
                (s % 28) as usize,
            );
            for part in [
                t.hangul.lead.get(l),
                t.hangul.vowel.get(v),
                t.hangul.tail.get(tl),
            ]
            .into_iter()
            .flatten()
            {
                out.push_str(part);
            }
        } else if let Some(p) = c.to_pinyin() {
            out.push_str(p.plain());
        } else {
            push_latin_char(c, out);
        }
        // Table outputs for non-ASCII schemes never reach here (canonical is ASCII), but a
        // stray combining mark or symbol could: keep only [a-z0-9].
        if !out[mark..]
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        {
            let kept: String = out[mark..]
                .chars()
                .filter(|c| c.is_ascii_alphanumeric())
                .collect();
            out.truncate(mark);
            out.push_str(&kept.to_ascii_lowercase());
        }
        i += used;
    }
    let _ = start_len;
}

/// The McCune-Reischauer-style reading of a Hangul token (syllable-initial ㄱ ㄷ ㅂ as k t p,
/// as the DPRK and many passports write them: Kim, Pak, Kwang), or None if the token has no
/// such syllable. Used for [`crate::NameToken::variants`].
pub(crate) fn hangul_alternative(token: &str) -> Option<String> {
    let t = tables();
    let mut out = String::new();
    let mut changed = false;
    for c in token.chars() {
        if !matches!(c, '\u{AC00}'..='\u{D7A3}') {
            return None;
        }
        let s = c as u32 - 0xAC00;
        let (l, v, tl) = (
            (s / 588) as usize,
            ((s % 588) / 28) as usize,
            (s % 28) as usize,
        );
        let lead = match l {
            0 => Some("k"),
            3 => Some("t"),
            7 => Some("p"),
            _ => None,
        };
        changed |= lead.is_some();
        out.push_str(lead.or(t.hangul.lead.get(l).map(|b| &**b)).unwrap_or(""));
        for part in [t.hangul.vowel.get(v), t.hangul.tail.get(tl)]
            .into_iter()
            .flatten()
        {
            out.push_str(part);
        }
    }
    changed.then_some(out)
}

/// Kana at `chars[i]` (katakana folded onto hiragana): writes its Hepburn reading and returns
/// how many characters it used. `geminate` carries a pending sokuon (っ) to the next kana.
fn kana(map: &CharMap, chars: &[char], i: usize, out: &mut String, geminate: &mut bool) -> usize {
    let fold = |c: char| -> char {
        if ('\u{30A1}'..='\u{30F6}').contains(&c) {
            char::from_u32(c as u32 - 0x60).unwrap_or(c)
        } else {
            c
        }
    };
    let c = fold(chars[i]);
    if c == 'っ' {
        *geminate = true;
        return 1;
    }
    if c == 'ー' || c == '・' {
        return 1;
    }
    let folded: Vec<char> = chars[i..chars.len().min(i + 2)]
        .iter()
        .map(|&c| fold(c))
        .collect();
    if let Some((n, o)) = map.lookup(&folded, 0) {
        let s = o.pick(i == 0, false);
        if std::mem::take(geminate) {
            // Hepburn doubles the first consonant, except ch which becomes tch.
            if s.starts_with("ch") {
                out.push('t');
            } else if let Some(f) = s.chars().next().filter(|f| !"aeiou".contains(*f)) {
                out.push(f);
            }
        }
        out.push_str(s);
        return n;
    }
    1
}

/// Transliterates a whole text under one scheme, keeping spaces and punctuation.
///
/// Cyrillic follows the scheme's column of `data/cyrillic.tsv` (the canonical scheme also
/// applies the language overrides of `data/cyrillic_lang.tsv`); every other script uses its
/// single table whatever the scheme. Latin text is returned lowercased with accents kept.
/// The result is lowercase; for [`Scheme::Iso9`] and [`Scheme::Scientific`] it keeps their
/// diacritics (š, ž, ŝ), the other schemes give ASCII.
pub fn transliterate(text: &str, scheme: Scheme) -> String {
    let lower = crate::normalize::clean(text);
    let lang = Lang::detect(&lower);
    let t = tables();
    let Some(map) = t.cyrillic.get(scheme.index()) else {
        return lower;
    };
    let mut out = String::with_capacity(lower.len() + 8);
    let mut word = String::new();
    let chars: Vec<char> = lower.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_cyrillic(c) {
            let initial = i == 0 || !chars[i - 1].is_alphabetic();
            let iot = initial || is_cyr_vowel_or_sign(chars[i - 1]);
            if scheme == Scheme::Canonical {
                if let Some(o) = t.cyr_lang.get(&(lang, c)) {
                    out.push_str(o.pick(initial, iot));
                    i += 1;
                    continue;
                }
            }
            match map.lookup(&chars, i) {
                Some((n, o)) => {
                    out.push_str(o.pick(initial, iot));
                    i += n;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            }
        } else if c.is_alphabetic() && !c.is_ascii() && !is_latin_script(c) {
            // Another script: transliterate the run of its letters as a token.
            let start = i;
            while i < chars.len()
                && chars[i].is_alphabetic()
                && !is_cyrillic(chars[i])
                && !is_latin_script(chars[i])
            {
                i += 1;
            }
            word.clear();
            word.extend(&chars[start..i]);
            token_latin(&word, lang, &mut out);
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn is_latin_script(c: char) -> bool {
    use unicode_script::{Script, UnicodeScript};
    c.script() == Script::Latin
}

/// Whether a character is a letter of the Arabic or Hebrew script (abjads: short vowels are
/// not written).
fn is_abjad_char(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{05FF}' | '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// What [`push_classes`] has read of a word so far, carried across its calls.
#[derive(Default)]
struct ClassRun {
    /// A vowel came after the last consonant: a class repeated with no vowel between is one
    /// consonant written double (Hassan = حسن), with a vowel between it is two (Aziz = عزيز).
    vowel: bool,
    /// The last consonant is the letter `h` written alone, which may be the silent final h
    /// of Arabic and Persian names (Abdullah = Abdulla); `kh` and `x` are х and خ, which
    /// every rendering writes (Вайнах is not Wayne).
    bare_h: bool,
}

impl ClassRun {
    /// Whether the word read so far ends on an `h` its key may drop (see
    /// [`drop_final_h_framed`]).
    fn ends_on_silent_h(&self) -> bool {
        self.bare_h && !self.vowel
    }
}

/// Appends the consonant classes of a Latin string (see [`consonant_classes`]). Digraphs are
/// read first (`kh`, `gh`, `sh`, `ch`, `zh`, `dh`, `th`, `ph`, `dj`, `ts`, `tz`; `ou` before a
/// vowel as w), so this must
/// be given one letter's reading at a time on the abjad side: there, س followed by ه is two
/// letters, not `sh`. `run` carries what the calls so far have read (see [`ClassRun`]).
///
/// When `gaps` is given, records the vowel letters read between the consonants: it holds one
/// [`VowelGap`] mask per consonant of `out` (the vowels before it) and one more for the
/// vowels after the last.
fn push_classes(latin: &str, out: &mut String, run: &mut ClassRun, mut gaps: Option<&mut Vec<u8>>) {
    let b = latin.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let two = b.get(i..i + 2);
        let di = match two {
            Some(b"kh") => Some('h'),
            Some(b"gh") => Some('k'),
            Some(b"sh" | b"ch") => Some('x'),
            Some(b"zh" | b"dj") => Some('j'),
            Some(b"dh") => Some('d'),
            Some(b"th") => Some('t'),
            Some(b"ph") => Some('f'),
            Some(b"ts" | b"tz") => Some('s'),
            // French-based renderings (Morocco, Algeria, Tunisia, Mauritania) write the
            // consonant w as `ou` before a vowel: Aouadi عوادي, Marouane مروان, Ouahid.
            Some(b"ou") if matches!(b.get(i + 2), Some(b'a' | b'e' | b'i')) => Some('v'),
            _ => None,
        };
        let (class, used) = match di {
            Some(c) => (Some(c), 2),
            None => (
                match b[i] {
                    b'a' | b'e' | b'i' | b'o' | b'u' | b'y' => None,
                    b'g' | b'k' | b'q' | b'c' => Some('k'),
                    b'w' | b'v' => Some('v'),
                    b'x' => Some('h'),
                    c if c.is_ascii_alphanumeric() => Some(c as char),
                    _ => None,
                },
                1,
            ),
        };
        match class {
            Some(c) => {
                if run.vowel || !out.ends_with(c) {
                    out.push(c);
                    if let Some(g) = gaps.as_deref_mut() {
                        g.push(0);
                    }
                }
                run.vowel = false;
                run.bare_h = di.is_none() && b[i] == b'h';
            }
            None if b[i].is_ascii_alphabetic() => {
                run.vowel = true;
                if let Some(last) = gaps.as_deref_mut().and_then(|g| g.last_mut()) {
                    *last |= vowel_bit(b[i]);
                }
            }
            None => {}
        }
        i += used;
    }
}

/// Bits of the vowel letters read in one gap between the consonants of a consonant key (see
/// [`consonant_frames`]).
#[allow(non_snake_case)]
pub(crate) mod VowelGap {
    /// `a`.
    pub const A: u8 = 1;
    /// `e`.
    pub const E: u8 = 2;
    /// `i`.
    pub const I: u8 = 4;
    /// `o`.
    pub const O: u8 = 8;
    /// `u`.
    pub const U: u8 = 16;
    /// `y` (on the abjad side: ي read as a consonant next to a vowel letter).
    pub const Y: u8 = 32;
    /// Alif maqsura ى: `a` in Arabic orthography, `i` where it stands for a dotless final ي
    /// (Egyptian practice: على for علي).
    pub const MAQSURA: u8 = 64;
    /// The gap holds a letter whose vowel the script does not fix (ʿayn, a word-initial alif
    /// carrying any short vowel, the alif of the article, a final ه read -e/-a/-eh, a
    /// written short-vowel sign): it accepts any vowels.
    pub const FREE: u8 = 128;
}

fn vowel_bit(b: u8) -> u8 {
    match b {
        b'a' => VowelGap::A,
        b'e' => VowelGap::E,
        b'i' => VowelGap::I,
        b'o' => VowelGap::O,
        b'u' => VowelGap::U,
        b'y' => VowelGap::Y,
        _ => 0,
    }
}

/// A consonant key with the vowel letters written in each gap of it (see
/// [`consonant_frames`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ConsonantFrame {
    /// The consonant-class key ([`crate::NameToken::consonants`] or one of its variants).
    pub key: String,
    /// One mask per gap: before each consonant of `key`, then after the last.
    pub gaps: Vec<u8>,
    /// Read from Arabic script: its vowel letters are long vowels or final vowels.
    pub arabic: bool,
    /// The word ends on a vowel and `h` (a Latin rendering: Abdollah, Fatimah, Shah), the h
    /// a letter of the original that the key drops (ه, ة, ح).
    pub vowel_h_end: bool,
    /// The word ends on a vowel letter (Arabic script: ا, و, ی, ي, ى): no ه, ة or ح after it.
    pub vowel_letter_end: bool,
    /// The word starts with a vowel (a Latin rendering: Araghi, Ihsan), not the vowel of an
    /// article assimilated to the next letter (Essaadi, Ash-Shami, written as one word).
    pub vowel_start: bool,
    /// The word starts with a consonant letter (a Latin rendering: Sharafi).
    pub consonant_start: bool,
    /// The word starts with an alif (Arabic script: ا أ إ آ ٱ), the seat of a first vowel.
    pub alif_start: bool,
}

/// The most other keys an abjad token gets ([`consonant_classes`]): enough for a name with
/// a few ambiguous letters, bounded so that a long word does not multiply index terms.
const MAX_CONSONANT_VARIANTS: usize = 8;

/// The consonant-class key on which a token written in an abjad (Arabic, Persian, Hebrew
/// script: short vowels not written) meets its Latin rendering, and the other way round,
/// with the other keys of an abjad token under the other readings of its ambiguous letters.
///
/// Vowels (and y, which renders both ي and a vowel) are dropped; the consonants that Latin
/// renderings of one letter disagree on fall into one class: q/k/g/gh/c (قاسم Qasem, Ghassem;
/// Persian ق = gh: Bagher), kh/h/x (Hebrew ח: Chai, Khai), d/dh, sh/ch (French Chaouki), v/w;
/// a consonant written double collapses and a final h is dropped
/// (Abdulla/Abdullah, ta marbuta: Fatima/Fatimah). On the abjad side each letter is read on
/// its own through `data/arabic.tsv` / `data/hebrew.tsv` (so that adjacent letters do not
/// form a false digraph); on any other script the Latin skeleton is read with digraphs.
///
/// The variants (abjad tokens only; empty otherwise) read one or two letters otherwise:
/// by `data/abjad_readings.tsv` (و as w or u, ة as -a or -at, ث as th or s, ב as v or b, …),
/// or two adjacent letters whose readings form a Latin digraph as that digraph (ك+ح = `kh`
/// in Lakhal لكحل, س+ح = `sh` in Ishaq اسحاق). At most [`MAX_CONSONANT_VARIANTS`], single
/// changes before pairs, none equal to the key.
pub(crate) fn consonant_classes(text: &str, latin: &str) -> (String, Vec<String>) {
    let (primary, variants) = classes_core(text, latin, false);
    (primary.0, variants.into_iter().map(|(k, _)| k).collect())
}

/// The consonant keys of a token ([`consonant_classes`]: its key first, then its variants),
/// each with the vowel letters written between its consonants ([`ConsonantFrame`]).
pub(crate) fn consonant_frames(text: &str, latin: &str) -> Vec<ConsonantFrame> {
    let arabic = text.chars().any(is_arabic_script_char);
    let (primary, variants) = classes_core(text, latin, true);
    let b = latin.as_bytes();
    let vowel_h_end =
        !arabic && b.len() >= 2 && b[b.len() - 1] == b'h' && b"aeiouy".contains(&b[b.len() - 2]);
    let vowel_letter_end = arabic && ends_on_vowel_letter(text);
    let vowel_start =
        !arabic && b.first().is_some_and(|c| b"aeiou".contains(c)) && !assimilated_article(b);
    let consonant_start = !arabic && b.first().is_some_and(|c| !b"aeiouy".contains(c));
    let alif_start = arabic && matches!(text.chars().next(), Some('ا' | 'أ' | 'إ' | 'آ' | 'ٱ'));
    std::iter::once(primary)
        .chain(variants)
        .map(|(key, gaps)| ConsonantFrame {
            key,
            gaps,
            arabic,
            vowel_h_end,
            vowel_letter_end,
            vowel_start,
            consonant_start,
            alif_start,
        })
        .collect()
}

impl ConsonantFrame {
    /// Makes this frame a copy of `other` in its own storage, which a run's frames reuse
    /// from one run to the next ([`crate::RunFrames`]).
    pub(crate) fn assign(&mut self, other: &ConsonantFrame) {
        self.key.clone_from(&other.key);
        self.gaps.clone_from(&other.gaps);
        self.arabic = other.arabic;
        self.vowel_h_end = other.vowel_h_end;
        self.vowel_letter_end = other.vowel_letter_end;
        self.vowel_start = other.vowel_start;
        self.consonant_start = other.consonant_start;
        self.alif_start = other.alif_start;
    }
}

/// Two frames written together, joined as [`crate::joined_consonants`] joins keys: a class
/// doubled across the joint written once, the gaps around the joint merged (`open` adds
/// [`VowelGap::FREE`] to the joint: an article left out between the two, whose alif carries
/// any vowel). Written into `out`, reusing its storage; false (and `out` left unspecified)
/// when a key is empty.
pub(crate) fn join_frames(
    a: &ConsonantFrame,
    b: &ConsonantFrame,
    open: bool,
    out: &mut ConsonantFrame,
) -> bool {
    if a.key.is_empty() || b.key.is_empty() || a.gaps.len() != a.key.len() + 1 {
        return false;
    }
    let framed = b.gaps.len() == b.key.len() + 1;
    out.key.clone_from(&a.key);
    out.gaps.clone_from(&a.gaps);
    let collapse = b.key.chars().next().is_some_and(|c| out.key.ends_with(c));
    let skip = usize::from(collapse);
    out.key.push_str(&b.key[skip..]);
    if framed {
        // `a`'s key is not empty, so it has a gap after its last consonant.
        let Some(joint) = out.gaps.last_mut() else {
            return false;
        };
        for g in &b.gaps[..=skip] {
            *joint |= g;
        }
        if open {
            *joint |= VowelGap::FREE;
        }
        out.gaps.extend_from_slice(&b.gaps[skip + 1..]);
    }
    out.arabic = a.arabic || b.arabic;
    out.vowel_h_end = b.vowel_h_end;
    out.vowel_letter_end = b.vowel_letter_end;
    out.vowel_start = a.vowel_start;
    out.consonant_start = a.consonant_start;
    out.alif_start = a.alif_start;
    true
}

/// Whether a Latin word starts with the Arabic article assimilated to a sun letter and
/// written onto the word (`essaadi`, `ashshami`, `arrahman`): a vowel, then a doubled
/// consonant of the sun letters (t, th, d, dh, r, z, s, sh, l, n).
fn assimilated_article(b: &[u8]) -> bool {
    let Some(rest) = b.get(1..) else {
        return false;
    };
    [
        "tt", "thth", "dd", "dhdh", "rr", "zz", "ss", "shsh", "ll", "nn",
    ]
    .iter()
    .any(|d| rest.starts_with(d.as_bytes()))
}

/// A letter of the Arabic script (Arabic, Persian, Urdu, Pashto), whose vowel letters
/// (matres lectionis) spell long and final vowels; Hebrew spells them too inconsistently
/// (defective spelling: דוד David, שלמה Shlomo) to be read so.
pub(crate) fn is_arabic_script_char(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// Whether an Arabic-script word ends on a vowel letter (ا و ی ي ى): a long or final
/// vowel the script writes, so a rendering must end on a vowel too, and no ه, ة or ح
/// follows it for a rendering's final `h` to stand for.
pub(crate) fn ends_on_vowel_letter(text: &str) -> bool {
    matches!(text.chars().last(), Some('ا' | 'و' | 'ی' | 'ي' | 'ى'))
}

/// The mark an Arabic-script letter at `i` puts on its gap instead of its reading's vowels,
/// or 0. [`VowelGap::FREE`] for a letter that leaves the vowel open: a word-final ʿayn (the
/// vowel before it is not written: Nafi, Nafe نافع; inside a word ʿayn imposes nothing and
/// the long vowels around it still count: قاعي is not Ko), a word-initial alif, ʿayn or
/// hamza (a carrier of any short vowel, which Latin writes as the word's first letter:
/// Ehsan احسان, Ali علي), the alif of the article inside a word (hamzat al-wasl: Abdullah,
/// Abdallah عبدالله), and the optional short-vowel signs. Shadda and sukun are not vowels
/// (a doubled consonant, no vowel): they leave the gap as the letters write it (عبّود
/// Abboud is not Abd).
///
/// Alif maqsura ى, and a Persian ی ending a word, which Persian writes for it (Morteza
/// مرتضی, Mousa موسی, beside Hakimi حکیمی), are [`VowelGap::MAQSURA`]: `a` or `i`.
fn vowel_mark(chars: &[char], i: usize) -> u8 {
    let c = chars[i];
    match c {
        'ع' if i + 1 == chars.len() => VowelGap::FREE,
        'ع' | 'ء' | 'ئ' | 'ؤ' if i == 0 => VowelGap::FREE,
        '\u{064B}'..='\u{0650}' | '\u{0670}' => VowelGap::FREE,
        'ا' | 'أ' | 'إ' | 'آ' | 'ٱ' if i == 0 || chars.get(i + 1) == Some(&'ل') => {
            VowelGap::FREE
        }
        'ى' => VowelGap::MAQSURA,
        'ی' if i + 1 == chars.len() => VowelGap::MAQSURA,
        _ => 0,
    }
}

type Framed = (String, Vec<u8>);

/// [`consonant_classes`], with each key's vowel gaps when `framed` (else empty gaps).
fn classes_core(text: &str, latin: &str, framed: bool) -> (Framed, Vec<Framed>) {
    if !text.chars().any(is_abjad_char) {
        let mut out = String::with_capacity(latin.len());
        let mut gaps = vec![0u8];
        let mut run = ClassRun::default();
        push_classes(latin, &mut out, &mut run, framed.then_some(&mut gaps));
        if run.ends_on_silent_h() {
            drop_final_h_framed(&mut out, &mut gaps, false);
        }
        return ((out, if framed { gaps } else { Vec::new() }), Vec::new());
    }
    let chars: Vec<char> = text.chars().collect();
    let lang = Lang::detect_chars(chars.iter().copied());
    let t = tables();
    // One slot per letter (or table key): its readings, the canonical one first.
    let mut slots: Vec<Vec<&str>> = Vec::with_capacity(chars.len());
    let mut marks: Vec<u8> = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let mut used = 1;
        let c = chars[i];
        let mut readings: Vec<&str> = Vec::with_capacity(3);
        if let Some(w) = semitic_weak(&chars, i) {
            readings.push(w);
        } else if t.arabic.contains(c) {
            if let Some((n, o)) = t.arabic_script(lang).lookup(&chars, i) {
                used = n;
                readings.push(o.pick(i == 0, false));
            }
        } else if t.hebrew.contains(c) {
            if let Some((n, o)) = t.hebrew.lookup(&chars, i) {
                used = n;
                readings.push(o.pick(i == 0, false));
            }
        } else if c.is_ascii_alphanumeric() {
            readings.push(ascii_str(c));
        }
        if readings.is_empty() {
            readings.push("");
        }
        // A letter carrying a point (בּ, a table key of two characters) is not ambiguous.
        // Arabic و read as a consonant inside a word (next to alif: Marwan مروان, Qawasim
        // قواسم) is w in every convention; only a word-initial one is also written as the
        // vowel `ou` (French convention: Ould ولد, Oualid وليد).
        let consonant_waw = c == 'و' && i > 0 && readings.first() == Some(&"w");
        // Persian writes a silent و after خ before ا (خواجه khāje, خواهر khāhar: the
        // "vāv-e maʿdule" of Persian orthography), so there it also reads as nothing at all,
        // neither consonant nor vowel.
        if consonant_waw && chars[i - 1] == 'خ' && chars.get(i + 1) == Some(&'ا') {
            readings.push("");
        }
        if used == 1 {
            if let Some(more) = t.abjad_readings.get(&c) {
                for r in more {
                    let vowel = r.bytes().all(|b| b"aeiouy".contains(&b));
                    let skip = readings.contains(&&**r) || (consonant_waw && vowel);
                    if !skip {
                        readings.push(r);
                    }
                }
            }
        }
        slots.push(readings);
        marks.push(if framed { vowel_mark(&chars, i) } else { 0 });
        i += used;
    }
    let key = |choice: &[u8], merge: Option<usize>| -> Framed {
        let mut out = String::new();
        let mut gaps = vec![0u8];
        let mut run = ClassRun::default();
        let mut k = 0;
        while k < slots.len() {
            let here = slots[k][choice[k] as usize];
            // A marked letter read as a vowel gives its mark, not its reading's vowel.
            let vowel_only = here.bytes().all(|b| b"aeiouy".contains(&b));
            let g = (framed && !(marks[k] != 0 && vowel_only)).then_some(&mut gaps);
            let step = if merge == Some(k) && k + 1 < slots.len() {
                let joined = format!("{here}{}", slots[k + 1][choice[k + 1] as usize]);
                push_classes(&joined, &mut out, &mut run, g);
                2
            } else {
                push_classes(here, &mut out, &mut run, g);
                1
            };
            if marks[k] != 0 {
                if let Some(last) = gaps.last_mut() {
                    *last |= marks[k];
                }
            }
            k += step;
        }
        if run.ends_on_silent_h() {
            drop_final_h_framed(&mut out, &mut gaps, true);
        }
        (out, if framed { gaps } else { Vec::new() })
    };
    let mut choice = vec![0u8; slots.len()];
    let primary = key(&choice, None);
    // Deviations: (slot, reading) for a letter read otherwise, (slot, u8::MAX) for a letter
    // read together with the next as a digraph.
    let mut deviations: Vec<(usize, u8)> = Vec::new();
    for (k, s) in slots.iter().enumerate() {
        for r in 1..s.len().min(usize::from(u8::MAX)) {
            deviations.push((k, r as u8));
        }
        if let Some(next) = slots.get(k + 1) {
            if forms_digraph(s[0], next[0]) {
                deviations.push((k, u8::MAX));
            }
        }
    }
    let mut variants: Vec<Framed> = Vec::new();
    let mut consider = |set: &[(usize, u8)], variants: &mut Vec<Framed>| {
        choice.iter_mut().for_each(|c| *c = 0);
        let mut merge = None;
        for &(k, r) in set {
            if r == u8::MAX {
                merge = Some(k);
            } else {
                choice[k] = r;
            }
        }
        let (v, gaps) = key(&choice, merge);
        // Another reading that leaves one consonant of several says too little (وعري
        // Wari read as `ri` would meet Yury); a one-consonant word keeps its alternatives
        // (חי Khai, Chai).
        let enough = v.len() >= 2 || (v.len() == 1 && primary.0.len() == 1);
        if enough && v != primary.0 && !variants.iter().any(|(w, _)| *w == v) {
            variants.push((v, gaps));
        }
    };
    for d in &deviations {
        if variants.len() >= MAX_CONSONANT_VARIANTS {
            break;
        }
        consider(std::slice::from_ref(d), &mut variants);
    }
    'pairs: for (a, da) in deviations.iter().enumerate() {
        for db in &deviations[a + 1..] {
            if variants.len() >= MAX_CONSONANT_VARIANTS {
                break 'pairs;
            }
            // One letter read two ways at once, or two merges, is not a reading.
            let clash = da.0 == db.0
                || (da.1 == u8::MAX && db.1 == u8::MAX)
                || (da.1 == u8::MAX && db.0 == da.0 + 1)
                || (db.1 == u8::MAX && da.0 == db.0 + 1);
            if !clash {
                consider(&[*da, *db], &mut variants);
            }
        }
    }
    (primary, variants)
}

/// Whether two letters' readings written together make a Latin digraph that reads as one
/// letter (`k` + `h` = `kh`): a Latin rendering writes ك+ح and خ alike.
fn forms_digraph(first: &str, second: &str) -> bool {
    matches!(
        first.as_bytes().last(),
        Some(b'k' | b's' | b'c' | b'g' | b't' | b'd' | b'z')
    ) && second.starts_with('h')
}

/// The one-letter string of an ASCII letter or digit.
fn ascii_str(c: char) -> &'static str {
    const ALNUM: &str = "0123456789abcdefghijklmnopqrstuvwxyz";
    let c = c.to_ascii_lowercase();
    ALNUM.find(c).map_or("", |k| &ALNUM[k..k + 1])
}

/// Drops a word's final `h` from its consonant key (Abdulla/Abdullah; ta marbuta:
/// Fatima/Fatimah); callers call it only when no vowel follows the `h` in the word, which
/// is then a consonant every rendering writes (Salehi صالحی keeps its ح: it is not Leslie),
/// merging the gaps around the dropped `h` (kept only when `gaps` is not
/// empty). On the abjad side the merged gap is left open ([`VowelGap::FREE`]) when it
/// writes no long vowel: the vowel before a final ح or ه is not written (Salih, Saleh
/// صالح), and a final ه is itself the vowel -e/-a of a Persian name (Fatemeh فاطمه). A long
/// vowel the script does write before it (Haniyeh هانيه, Ruqayya رقیه) must still be
/// spelt: Haniyeh is not Khan.
fn drop_final_h_framed(out: &mut String, gaps: &mut Vec<u8>, abjad: bool) {
    if out.len() > 1 && out.ends_with('h') {
        out.pop();
        if gaps.len() >= 2 {
            let last = gaps.pop().unwrap_or(0);
            if let Some(g) = gaps.last_mut() {
                *g |= last;
                if abjad && long_vowels(*g) == 0 {
                    *g |= VowelGap::FREE;
                }
            }
        }
    }
}

/// Whether two frames of one consonant key agree on their vowels (see
/// [`crate::consonant_vowels_agree`]).
pub(crate) fn frames_agree(x: &ConsonantFrame, y: &ConsonantFrame) -> bool {
    if x.gaps.len() != y.gaps.len() {
        return true;
    }
    match (x.arabic, y.arabic) {
        (false, false) => true,
        (true, false) => rendering_fits(x, y),
        (false, true) => rendering_fits(y, x),
        (true, true) => x.gaps.iter().zip(&y.gaps).all(|(&g, &h)| {
            let open = VowelGap::FREE | VowelGap::MAQSURA;
            (g | h) & open != 0 || long_vowels(g) == long_vowels(h)
        }),
    }
}

/// The vowel letters an Arabic-script gap writes: long a, i, u, and ي read as the consonant
/// y next to alif (رياض Riyad, not رائد Raed, whose hamza seat reads i).
fn long_vowels(g: u8) -> u8 {
    use VowelGap::*;
    g & (A | I | U | Y)
}

/// Whether a rendering's vowel gaps (`latin`) spell the long and final vowels an
/// Arabic-script token's gaps (`arabic`) write. The script writes a letter for a word's
/// first sound (alif, ʿayn or hamza for a vowel): a word it starts on a consonant is not
/// rendered with a vowel before it (رقیه Roqayeh is not Araghi, حسن is not Ihsan), and a
/// word it starts on alif not with a consonant (اشرفی Ashrafi is not Sharafi). A word
/// it ends on a vowel letter has no ه, ة or ح after it, which a rendering's final `h`
/// after a vowel stands for (عبدالعلی Abdolali is not Abdollah).
fn rendering_fits(arabic: &ConsonantFrame, latin: &ConsonantFrame) -> bool {
    use VowelGap::*;
    if arabic.vowel_letter_end && latin.vowel_h_end {
        return false;
    }
    if latin.vowel_start && arabic.gaps.first() == Some(&0)
        || latin.consonant_start && arabic.alif_start
    {
        return false;
    }
    let (arabic, latin) = (&arabic.gaps, &latin.gaps);
    let last = arabic.len().saturating_sub(1);
    arabic.iter().zip(latin).enumerate().all(|(j, (&g, &h))| {
        if g & FREE != 0 {
            return true;
        }
        let needs = |written: u8, renderings: u8| g & written == 0 || h & renderings != 0;
        needs(A, A | O)
            && needs(I | Y, I | E | Y)
            && needs(U, U | O)
            && needs(MAQSURA, A | O | I | E | Y)
            && !(j == last && g == 0 && h & !E != 0)
    })
}
