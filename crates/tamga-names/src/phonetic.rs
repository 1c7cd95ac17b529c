//! The canonicalising phonetic key.
//!
//! Input is a Latin skeleton (`[a-z0-9]`, anything else is ignored); output is a short key in
//! which the spelling conventions of the same sound meet. Classes (one output letter each):
//!
//! | key | sound | spellings folded into it | why |
//! |---|---|---|---|
//! | `x` | ш щ ч | sh, sch, ch, tch, tsch, chtch, shch, schtsch (and š č ş ç via the skeleton) | English/German/French/Czech write ш and ч differently (Shevchenko, Schewtschenko, Chevtchenko, Ševčenko); French ch = ш while English ch = ч, so the two sounds share a class |
//! | `h` | х h | kh, h, x at the start of a word (Uzbek Xuseyn; elsewhere x is ks), ch before a consonant (German Bachtijor, Achmed) | Х is kh (English), h (Uzbek), x (Uzbek Latin), ch (German), j (Spanish: a variant) |
//! | `j` | ж дж ҷ ج | zh, j, dj, dzh, dsch | English j = дж and also the French/English rendering of ж (Jomart = Жомарт) |
//! | `y` | й (glide) | y or i before a vowel at the start of a word (Yulia, Iuliia, Ioulia) | |
//! | `c` | ц | ts, tz | |
//! | `k` | к қ ق | k, q, ck, c (not before e/i/y) | Kazakh/Arabic q is English k (Qasim/Kasim) |
//! | `s` | с (з) | s, c before e/i/y; z between a vowel and a consonant that a vowel follows | the voicing of s/z there follows the next consonant, the spelling the source language (Ismailov = Измайлов); vowels on both sides keep the rule off abjad skeletons (ظفری zfri) |
//! | `g` | г ғ غ | g, gh, gu before e/i (French Evgueni) | |
//! | `f`,`t`,`d`,`v` | | ph→f, th→t, dh→d, w→v, French ou between vowels→v | w is German/Polish в (Iwanow) and Arabic و |
//! | `a` | а е э ә | a, e | Arabic fatha is written a or e (Mohammed/Muhammad, Ahmed/Ahmad); Kazakh ә is a/ä/e |
//! | `u` | о у ў ұ ү ө | o, u, ou, oo, eo, eu | Arabic damma is o or u (Mohammed/Muhammad); French ou; Korean RR eo/eu vs McCune-Reischauer o/u |
//! | `i` | и ы і ӣ й | i, y (not before a vowel), j before a consonant or at the end | ы is y (BGN) or i; -iy/-ij/-ii/-y endings meet (Evgeniy, Evgenij, Evgenii, Yevgeny); GOST-like j for й (Ajtmatova) |
//!
//! Then: a glide between vowels is dropped (Mirziyoyev = Mirziyoev = Мирзиёев), a glide after a
//! consonant is a vowel i (Ilya = Ilia, Vasilyev = Vasiliev) and an i between a consonant and a
//! vowel is then dropped (Natalya = Natalia = Natalja = Наталья; Vitalevich = Vitalyevich, as
//! lists often omit the soft sign), a final -ic is -ич (Filipovic), an initial glide before e is
//! dropped (Yelena = Elena, Ye/E/Je), a final h written alone is dropped (Abdullah = Abdulla;
//! a final kh, ch or x is х and stays: Вайнах is not Wayne), and any letter
//! doubled is written once (Hussein = Husein, Kassym = Kasym).
//!
//! Conflicts, decided here and bridged by [`phonetic_variants`]:
//! * `j` before a vowel is дж/ж in English (default) but й in German/Slavic Latin (Julija,
//!   Mirzijojev) and х in Spanish (Jusein, Bajtiyor): the variants read it both other ways.
//!   Before a consonant or at the end it is read й by default (Ajtmatova), and дж in a
//!   variant (Talluj = Talludzh).
//! * `ee` is e+e in Russian names (Alekseev = Алексеев) by default, and the English long i of
//!   Arabic and Persian names (Sameer = Samir, Saeed = Said) in a variant.
//! * `x` inside a word is ks (Alexander, Maxim, Export: default) but х in Uzbek Latin
//!   (Baxtiyor, Axmedov); at the start of a word it is х (Xuseyn; English initial x is rare).
//! * `ch` before a vowel is ч/ш (default) but х in German (Dschochar).
//! * г is h in Ukrainian and Belarusian Latin (Serhiy, Ihor) but g in Russian (Sergey, Igor),
//!   and Russian writes a foreign h as г (Гасан = Hasan): g and h stay distinct in the key
//!   (they are distinct in most names) and a lone h is read as g in a variant (so is the h of
//!   dh, which joins two names in Azerbaijani compounds: Mammadhasan = Мамедгасан).
//! * `q` is k by default (Qasim = Kasim) but g in a variant: Persian writes ق and غ for one
//!   sound, rendered q or gh (Sadeq = Sadegh), and Gulf and Egyptian Arabic say ق as g
//!   (Qaddafi = Gaddafi).
//! * English -er/-ar at the end after a consonant is folded to -r (Alexander = Aleksandr,
//!   Baker = Bakr), at the cost of merging e.g. Nasser with Nasr.

/// How the ambiguous Latin letters are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Reading {
    /// `j` as the glide й (German, Slavic, Dutch, Scandinavian Latin).
    pub j_glide: bool,
    /// `j` as х (Spanish).
    pub j_kh: bool,
    /// `j` always as дж, also at the end and before a consonant (English renderings of Arabic
    /// and Turkic names: Talluj = Talludzh, Hajj), where the default reads the glide й.
    pub j_dzh: bool,
    /// `x` always as х (Uzbek Latin, pinyin-like), never ks.
    pub x_kh: bool,
    /// `ch` always as х (German, Dutch, Polish).
    pub ch_kh: bool,
    /// A lone `h` as г (Ukrainian and Belarusian Latin write г as h: Serhiy = Сергей; Russian
    /// writes foreign h as г: Гасан = Hasan).
    pub h_g: bool,
    /// `q` as g: Persian writes ق and غ for one sound, rendered `q` or `gh` (Sadeq = Sadegh),
    /// and Gulf and Egyptian Arabic say ق as g (Qaddafi = Gaddafi).
    pub q_g: bool,
    /// `ee` as the long vowel i: English renderings of Arabic, Persian and South Asian names
    /// write ī as ee (Sameer = Samir, Rafeeq = Rafiq, Saeed = Said), where Russian names
    /// write е twice (Alekseev).
    pub ee_i: bool,
}

const GLIDE: u8 = b'Y';

/// A vowel letter of a Latin skeleton.
pub fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// A vowel letter of a Latin skeleton, or y.
pub fn is_vowel_or_y(b: u8) -> bool {
    is_vowel(b) || b == b'y'
}

/// The phonetic key under the default (English) reading; the rules are in the [module
/// doc](self).
pub fn phonetic_key(latin: &str) -> String {
    key(latin, Reading::default())
}

/// The multi-letter spelling at `i`, longest first: `(letters used, key letter)`. Written as
/// byte matches rather than a table of strings because it runs for every letter of every name.
fn digraph(b: &[u8], i: usize) -> Option<(usize, u8)> {
    let at = |k: usize| b.get(i + k).copied().unwrap_or(0);
    let (n1, n2, n3) = (at(1), at(2), at(3));
    match at(0) {
        b's' if n1 == b'c' && n2 == b'h' => {
            if n3 == b't' && at(4) == b's' && at(5) == b'c' && at(6) == b'h' {
                Some((7, b'x')) // schtsch (German щ)
            } else {
                Some((3, b'x')) // sch
            }
        }
        b's' if n1 == b'h' => Some(if n2 == b'c' && n3 == b'h' {
            (4, b'x')
        } else {
            (2, b'x')
        }), // shch, sh
        b'c' if n1 == b'h' && n2 == b't' && n3 == b'c' && at(4) == b'h' => Some((5, b'x')), // chtch
        b'c' if n1 == b'k' => Some((2, b'k')),
        b't' => match n1 {
            b's' if n2 == b'c' && n3 == b'h' => Some((4, b'x')), // tsch
            b'c' if n2 == b'h' => Some((3, b'x')),               // tch
            b'h' => Some((2, b't')),
            b's' | b'z' => Some((2, b'c')),
            _ => None,
        },
        b'd' => match n1 {
            b's' if n2 == b'c' && n3 == b'h' => Some((4, b'j')), // dsch
            b'z' if n2 == b'h' => Some((3, b'j')),               // dzh
            b'j' => Some((2, b'j')),
            b'h' => Some((2, b'd')),
            _ => None,
        },
        b'z' if n1 == b'h' => Some((2, b'j')),
        b'k' if n1 == b'h' => Some((2, b'h')),
        b'g' if n1 == b'h' => Some((2, b'g')),
        b'p' if n1 == b'h' => Some((2, b'f')),
        b'o' if n1 == b'u' || n1 == b'o' => Some((2, b'u')),
        b'e' if n1 == b'o' || n1 == b'u' => Some((2, b'u')),
        _ => None,
    }
}

/// The phonetic key under a given reading.
pub(crate) fn key(latin: &str, r: Reading) -> String {
    // The skeletons the pipeline passes are already clean: borrow them instead of copying.
    let owned: Vec<u8>;
    let bytes: &[u8] = if latin
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        latin.as_bytes()
    } else {
        owned = latin
            .bytes()
            .filter(u8::is_ascii_alphanumeric)
            .map(|b| b.to_ascii_lowercase())
            .collect();
        &owned
    };
    let n = bytes.len();
    let at = |i: usize| -> u8 { bytes.get(i).copied().unwrap_or(0) };
    let mut sym: Vec<u8> = Vec::with_capacity(n);
    // Whether the last symbol is the letter h written alone: only that h may be the silent
    // final h of Arabic and Persian names; kh, ch and x are х, a consonant every rendering
    // writes (Вайнах is not Wayne).
    let mut bare_h_last = false;
    let mut i = 0;
    while i < n {
        let c = bytes[i];
        bare_h_last = false;
        if r.ee_i && c == b'e' && at(i + 1) == b'e' {
            sym.push(b'i');
            i += 2;
            continue;
        }
        if c == b'o' && at(i + 1) == b'u' && i > 0 && is_vowel(bytes[i - 1]) && is_vowel(at(i + 2))
        {
            // French ou between vowels is w (Zarkaoui = Zarqawi).
            sym.push(b'v');
            i += 2;
            continue;
        }
        // Under the г reading, dh is d + h at a joint of a compound (Azerbaijani Mammadhasan,
        // Russian Мамедгасан), not Arabic ذ.
        let joint_dh = r.h_g && c == b'd' && at(i + 1) == b'h';
        if let Some((len, k)) = digraph(bytes, i).filter(|_| !joint_dh) {
            sym.push(k);
            i += len;
            continue;
        }
        if c == b'c' && at(i + 1) == b'h' {
            let next = at(i + 2);
            let before_consonant = next != 0 && !is_vowel_or_y(next);
            sym.push(if r.ch_kh || before_consonant {
                b'h'
            } else {
                b'x'
            });
            i += 2;
            continue;
        }
        if c == b'g' && at(i + 1) == b'u' && matches!(at(i + 2), b'e' | b'i') {
            sym.push(b'g');
            i += 2;
            continue;
        }
        let next = at(i + 1);
        let prev = if i > 0 { bytes[i - 1] } else { 0 };
        let out = match c {
            b'h' if r.h_g => b'g',
            b'a' | b'e' => b'a',
            b'o' | b'u' => b'u',
            b'i' => {
                // A glide at the start before a vowel (Iuliia) and between vowels (Ukrainian
                // -oiu for -ою, Mirziioev).
                if is_vowel(next) && (i == 0 || is_vowel(prev)) {
                    GLIDE
                } else {
                    b'i'
                }
            }
            b'y' => {
                if is_vowel(next) {
                    GLIDE
                } else {
                    b'i'
                }
            }
            b'j' => {
                if r.j_kh {
                    b'h'
                } else if r.j_glide {
                    if is_vowel(next) {
                        GLIDE
                    } else {
                        b'i'
                    }
                } else if r.j_dzh {
                    b'j'
                } else if next == 0 && prev == b'i' {
                    // German/Czech -ij ending of -ий (Evgenij).
                    b'i'
                } else if !is_vowel_or_y(next) {
                    // Before a consonant or at the end j is the glide й in the GOST-like
                    // renderings common in Central Asian lists (Ajtmatova, Torobaj).
                    b'i'
                } else {
                    b'j'
                }
            }
            b'x' => {
                if !r.x_kh && i > 0 {
                    sym.push(b'k');
                    b's'
                } else {
                    b'h'
                }
            }
            b'c' if i + 1 == n && prev == b'i' && i >= 2 => {
                // South Slavic -ić written without its accent (Filipovic = Филипович).
                b'x'
            }
            b'c' => {
                if matches!(next, b'e' | b'i' | b'y') {
                    b's'
                } else {
                    b'k'
                }
            }
            // Between a vowel and a consonant that a vowel follows, s and z are one sound
            // written two ways: the voicing follows the next consonant, and spellings follow
            // the source language, not the sound (Ismailov = Измайлов, Izmaylov; Kozlov =
            // Koslov). Vowels on both sides keep the rule off the vowelless skeletons of
            // Arabic-script words (ظفری zfri is Zafari, not Safari).
            b'z' if is_vowel(prev)
                && next != 0
                && !is_vowel_or_y(next)
                && is_vowel_or_y(at(i + 2)) =>
            {
                b's'
            }
            b'q' if r.q_g => b'g',
            b'q' => b'k',
            b'w' => b'v',
            other => other,
        };
        // Initial glide before e: Ye/Je/E all start with the vowel (Yelena = Elena).
        if out == GLIDE && i == 0 && next == b'e' && !matches!(at(i + 2), b'o' | b'u') {
            i += 1;
            continue;
        }
        bare_h_last = c == b'h' && out == b'h';
        sym.push(out);
        i += 1;
    }
    let vowel = |b: u8| matches!(b, b'a' | b'i' | b'u');
    let mut res: Vec<u8> = Vec::with_capacity(sym.len());
    for (k, &s) in sym.iter().enumerate() {
        let s = if s == GLIDE {
            let prev = res.last().copied();
            let next = sym.get(k + 1).copied();
            match prev {
                None => b'y',
                Some(p) if vowel(p) && next.is_some_and(vowel) => continue,
                Some(p) if vowel(p) => b'i',
                Some(_) => b'i',
            }
        } else {
            s
        };
        if res.last() == Some(&s) {
            continue;
        }
        res.push(s);
    }
    if bare_h_last && res.len() > 2 && res.last() == Some(&b'h') {
        res.pop();
    }
    // English -er/-ar after a consonant at the end meets the Slavic and Arabic bare -r
    // (Alexander = Aleksandr, Baker = Bakr, Jafar = Jafr).
    let len = res.len();
    if len >= 4
        && res[len - 1] == b'r'
        && res[len - 2] == b'a'
        && !vowel(res[len - 3])
        && res[len - 3] != b'y'
    {
        res.remove(len - 2);
    }
    // i between a consonant and a vowel is dropped: the soft sign and the glide are written
    // y, i, j or not at all (Natalya, Natalia, Natalja; Vitalyevich, Vitalievich, Vitalevich).
    let mut k = 1;
    while k + 1 < res.len() {
        if res[k] == b'i' && !vowel(res[k - 1]) && vowel(res[k + 1]) {
            res.remove(k);
        } else {
            k += 1;
        }
    }
    // Only ASCII bytes were pushed.
    String::from_utf8(res).unwrap_or_default()
}

/// Alternative phonetic keys of a Latin-script token under the other readings of `j`, `x`,
/// `ch`, a lone `h`, `q` and `ee` (see the module doc), and under the French, Persian and
/// Turkish readings of Arabic names (`ou` = w, `dh` = z, the e of the pattern fāʿil = i:
/// Ouali = Wali, Kadhim = Kazim, Nayef = Naif), without the default key and without duplicates. Empty for a one-letter token or when
/// the token has none of those letters.
pub fn phonetic_variants(latin: &str) -> Vec<String> {
    variants_of(latin, &phonetic_key(latin))
}

/// [`phonetic_variants`] when the default key is already known.
pub(crate) fn variants_of(latin: &str, base: &str) -> Vec<String> {
    let mut out = letter_reading_variants(latin, base);
    // French, Persian and Turkish renderings of Arabic names (ou = w, dh = z, the e of fāʿil
    // = i): see `crate::arabic_latin`.
    for alt in crate::arabic_latin::readings(latin) {
        let k = phonetic_key(&alt);
        if k != base && !out.contains(&k) {
            out.push(k);
        }
    }
    out
}

/// The variants under the other readings of `j`, `x`, `ch`, a lone `h`, `q` and `ee`.
fn letter_reading_variants(latin: &str, base: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let has = |s: &str| latin.contains(s);
    let (j, x, ch, q, ee) = (has("j"), has("x"), has("ch"), has("q"), has("ee"));
    // A lone h: not the second letter of a digraph (kh sh ch zh th ph gh dh).
    let b = latin.as_bytes();
    // dh counts too: at the joint of a compound it is d + h (Mammadhasan).
    let lone_h = (0..b.len()).any(|i| b[i] == b'h' && (i == 0 || !b"kscztpg".contains(&b[i - 1])));
    if !(j || x || ch || lone_h || q || ee) || latin.len() < 2 {
        return out;
    }
    let mut readings: Vec<Reading> = Vec::new();
    if j {
        readings.push(Reading {
            j_glide: true,
            ..Reading::default()
        });
        readings.push(Reading {
            j_kh: true,
            ..Reading::default()
        });
        readings.push(Reading {
            j_dzh: true,
            ..Reading::default()
        });
    }
    if x {
        readings.push(Reading {
            x_kh: true,
            ..Reading::default()
        });
    }
    if ch {
        readings.push(Reading {
            ch_kh: true,
            ..Reading::default()
        });
        if j {
            // German spelling reads both: Bachtijor.
            readings.push(Reading {
                ch_kh: true,
                j_glide: true,
                ..Reading::default()
            });
        }
    }
    if lone_h {
        readings.push(Reading {
            h_g: true,
            ..Reading::default()
        });
    }
    if q {
        readings.push(Reading {
            q_g: true,
            ..Reading::default()
        });
    }
    if ee {
        readings.push(Reading {
            ee_i: true,
            ..Reading::default()
        });
    }
    for r in readings {
        let k = key(latin, r);
        if k != base && !out.contains(&k) {
            out.push(k);
        }
    }
    out
}

/// The consonant skeleton of a phonetic key: vowels (`a`, `i`, `u`) and the glide `y`
/// removed. Arabic and Hebrew script write no short vowels, so their tokens meet Latin
/// renderings on this key (محمد = Muhammad = `mhmd`). Falls back to the key itself when it has
/// no consonant.
pub fn consonant_key(phonetic: &str) -> String {
    let s: String = phonetic
        .chars()
        .filter(|c| !matches!(c, 'a' | 'i' | 'u' | 'y' | 'e' | 'o'))
        .collect();
    if s.is_empty() {
        phonetic.to_string()
    } else {
        s
    }
}

/// The loanword table (`data/loanwords_ru_en.tsv`): whole words and stems (with their
/// lengths, shortest and longest) to the English word's phonetic key.
#[derive(Debug, Default)]
struct Loanwords {
    words: crate::tables::FastMap<String, String>,
    stems: Vec<(String, String)>,
}

/// Letters a loanword stem may be followed by (Russian case and adjective endings).
const LOANWORD_SLACK: usize = 6;

static LOANWORDS: std::sync::LazyLock<Result<Loanwords, crate::tables::TableError>> =
    std::sync::LazyLock::new(|| {
        const FILE: &str = "data/loanwords_ru_en.tsv";
        let mut out = Loanwords::default();
        for (line, cells) in crate::tables::rows(include_str!("../data/loanwords_ru_en.tsv")) {
            let err = |message: String| crate::tables::TableError {
                file: FILE,
                line,
                message,
            };
            let (Some(english), Some(word)) = (cells.first(), cells.get(1)) else {
                return Err(err("expected `english<TAB>loanword`".into()));
            };
            let (word, stem) = match word.trim().strip_suffix('*') {
                Some(w) => (w, true),
                None => (word.trim(), false),
            };
            let latin = crate::skeleton(word);
            let key = phonetic_key(&crate::skeleton(english.trim()));
            if latin.len() < 4 || key.len() < 3 {
                return Err(err(format!("`{word}` or `{english}` is too short")));
            }
            if stem {
                out.stems.push((latin, key));
            } else {
                out.words.insert(latin, key);
            }
        }
        Ok(out)
    });

/// The load result of the loanword table, for [`crate::check_tables`].
pub(crate) fn load_result() -> Result<(), crate::tables::TableError> {
    LOANWORDS.as_ref().map(|_| ()).map_err(Clone::clone)
}

/// The phonetic key of the English word a Russian business loanword renders (`lizing`,
/// `лизинговая` → the key of `leasing`), from `data/loanwords_ru_en.tsv`; None for any other
/// word. The key differs from the token's own: no folding rule joins `lizing` and `leasing`.
pub fn loanword_key(latin: &str) -> Option<&'static str> {
    let table = LOANWORDS.as_ref().ok()?;
    if let Some(k) = table.words.get(latin) {
        return Some(k);
    }
    table
        .stems
        .iter()
        .find(|(stem, _)| {
            latin.len() <= stem.len() + LOANWORD_SLACK && latin.starts_with(stem.as_str())
        })
        .map(|(_, k)| k.as_str())
}

/// A consonant skeleton for Latin renderings of Arabic and Persian names, where vowels,
/// diphthongs and the letters for ق/غ/ک vary with the romanisation (Kutherani = Kawtharani,
/// Sadeq = Sadegh, Aqeel = Akil, Humaydah = Hemaida). From a Latin skeleton: `w` after a
/// vowel and before a consonant or at the end is the vowel of a diphthong (aw, ow) and read
/// as `u`; then the [`phonetic_key`] without its vowels and glides, `g` read as `k` (q, k, gh
/// and g all render ق and غ in some convention), doubled consonants written once.
///
/// It collides far more than [`phonetic_key`]: a scorer uses it as a weak path between long
/// words only (see `tamga-scorer`).
pub fn arabic_latin_key(latin: &str) -> String {
    let vowel = |c: u8| matches!(c, b'a' | b'i' | b'u' | b'e' | b'o' | b'y');
    let b = latin.as_bytes();
    let folded: Vec<u8> = b
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let diphthong =
                c == b'w' && i > 0 && vowel(b[i - 1]) && !b.get(i + 1).copied().is_some_and(vowel);
            if diphthong {
                b'u'
            } else {
                c
            }
        })
        .collect();
    let key = phonetic_key(std::str::from_utf8(&folded).unwrap_or(latin));
    let mut out: Vec<u8> = Vec::with_capacity(key.len());
    for c in key.bytes() {
        if vowel(c) {
            continue;
        }
        let c = if c == b'g' { b'k' } else { c };
        if out.last() == Some(&c) {
            continue;
        }
        out.push(c);
    }
    String::from_utf8(out).unwrap_or_default()
}
