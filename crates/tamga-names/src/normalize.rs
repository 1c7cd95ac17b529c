//! Unicode clean-up and tokenisation.

use unicode_normalization::UnicodeNormalization;

/// Characters that carry no letter: format controls, zero-width joiners, bidi marks, BOM,
/// soft hyphen. They are invisible, so two names that differ only by them are the same name.
fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{180B}'..='\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
        )
}

/// Dashes and hyphens of every kind, read as the ASCII hyphen.
fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'
            ..='\u{2015}'
                | '\u{2043}'
                | '\u{2212}'
                | '\u{FE58}'
                | '\u{FE63}'
                | '\u{FF0D}'
                | '\u{058A}'
                | '\u{05BE}'
                | '\u{1806}'
    )
}

/// Apostrophe-like marks inside names (O'Brien, Uzbek oʻ gʻ, Arabic ʿayn/hamza in
/// transliteration, Ukrainian apostrophe), all read as the ASCII apostrophe.
fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '`' | '\u{00B4}' | '\u{02B9}'
            ..='\u{02BF}'
                | '\u{02C8}'
                | '\u{2018}'
                | '\u{2019}'
                | '\u{201B}'
                | '\u{2032}'
                | '\u{055A}'
                | '\u{FF07}'
    )
}

/// NFKC, lowercase, invisible characters removed, dashes and apostrophes unified, other
/// quotation marks turned into spaces.
pub(crate) fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let push = |c: char, out: &mut String| {
        if is_invisible(c) {
        } else if is_dash(c) {
            out.push('-');
        } else if is_apostrophe(c) {
            out.push('\'');
        } else if matches!(
            c,
            '"' | '«' | '»' | '„' | '“' | '”' | '‹' | '›' | '「' | '」'
        ) {
            out.push(' ');
        } else if c.is_uppercase() {
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    };
    if text.is_ascii() {
        for c in text.chars() {
            push(c, &mut out);
        }
    } else {
        for c in text.nfkc() {
            push(c, &mut out);
        }
    }
    out
}

/// A raw token before analysis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawToken {
    /// Cleaned text (lowercase, NFKC, apostrophes removed).
    pub text: String,
    /// Written with a hyphen to the next token (`kassym-jomart`).
    pub hyphen_next: bool,
    /// Followed by a full stop (`l.`, `dr.`).
    pub dotted: bool,
    /// Written in capitals in the input (and longer than one letter).
    pub upper: bool,
    /// Written with at least one lowercase letter in the input.
    pub has_lower: bool,
}

/// Splits an original name into raw tokens: letters, digits and combining marks form words;
/// an apostrophe between two letters is dropped (`o'brien` → `obrien`, `oʻktam` → `oktam`);
/// a hyphen separates words but is remembered; every other character separates words.
/// One pass over the NFKC form, cleaning as in [`clean`] and reading case on the way.
pub(crate) fn tokenize(original: &str) -> Vec<RawToken> {
    let mut t = Tokenizer::default();
    // Most names are already in NFKC: the quick check spares the normaliser's buffering.
    if original.is_ascii()
        || unicode_normalization::is_nfkc_quick(original.chars())
            == unicode_normalization::IsNormalized::Yes
    {
        original.chars().for_each(|c| t.feed(c));
    } else {
        original.nfkc().for_each(|c| t.feed(c));
    }
    t.flush();
    // A trailing hyphen joins nothing.
    if let Some(last) = t.tokens.last_mut() {
        last.hyphen_next = false;
    }
    t.tokens
}

#[derive(Default)]
struct Tokenizer {
    tokens: Vec<RawToken>,
    cur: String,
    up: bool,
    low: bool,
    /// An apostrophe after a letter, waiting to see whether a letter follows.
    pending_apostrophe: bool,
    last: Option<char>,
    /// Byte offsets in `cur` of Persian zero-width non-joiners (see [`Tokenizer::flush`]).
    zwnj: Vec<usize>,
}

impl Tokenizer {
    fn feed(&mut self, c: char) {
        if c == '\u{200C}' && !self.cur.is_empty() {
            self.zwnj.push(self.cur.len());
            return;
        }
        if is_invisible(c) {
            return;
        }
        if self.pending_apostrophe {
            self.pending_apostrophe = false;
            if c.is_alphabetic() {
                if self.last.is_some_and(is_cyrillic_letter) {
                    // The Ukrainian/Belarusian apostrophe is the hard sign: it keeps the next
                    // vowel iotated (Юр'евіч = Yur-yevich) and writes nothing.
                    self.cur.push('ъ');
                }
            } else {
                self.flush();
            }
        }
        if c.is_alphanumeric() || is_mark(c) {
            self.up |= c.is_uppercase();
            self.low |= c.is_lowercase();
            if c.is_uppercase() {
                self.cur.extend(c.to_lowercase());
            } else {
                self.cur.push(c);
            }
            self.last = Some(c);
        } else if is_apostrophe(c) && self.last.is_some_and(char::is_alphabetic) {
            self.pending_apostrophe = true;
        } else {
            let had = !self.cur.is_empty();
            self.flush();
            if had {
                if let Some(last) = self.tokens.last_mut() {
                    if is_dash(c) {
                        last.hyphen_next = true;
                    } else if c == '.' {
                        last.dotted = true;
                    }
                }
            }
        }
    }

    /// Ends the current word. Persian writes the zero-width non-joiner (ZWNJ) between the
    /// parts of a compound that Latin writes apart or hyphenated (سید‌صادق Seyed Sadegh,
    /// احمدی‌مقدم Ahmadi-Moghaddam) or joined (حسن‌زاده Hassanzadeh): the word is split there
    /// and the parts hyphen-linked, so both the parts and the joined form are matched. A
    /// part of fewer than three letters is a suffix (اژه‌ای Ejei), not a word: no split there.
    fn flush(&mut self) {
        if !self.cur.is_empty() {
            let text = std::mem::take(&mut self.cur);
            let upper = self.up && !self.low && text.chars().nth(1).is_some();
            let mut start = 0;
            for &cut in &self.zwnj {
                let (left, right) = (&text[start..cut], &text[cut..]);
                if left.chars().count() >= 2 && right.chars().count() >= 3 {
                    self.tokens.push(RawToken {
                        text: left.to_string(),
                        hyphen_next: true,
                        dotted: false,
                        upper,
                        has_lower: self.low,
                    });
                    start = cut;
                }
            }
            self.tokens.push(RawToken {
                text: text[start..].to_string(),
                hyphen_next: false,
                dotted: false,
                upper,
                has_lower: self.low,
            });
        }
        self.zwnj.clear();
        self.up = false;
        self.low = false;
        self.last = None;
        self.pending_apostrophe = false;
    }
}

fn is_cyrillic_letter(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{052F}')
}

/// Combining marks (kept inside words; Arabic harakat, Hebrew points, Devanagari signs).
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{0483}'..='\u{0489}' | '\u{0591}'..='\u{05C7}' | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0900}'..='\u{0903}' | '\u{093A}'..='\u{094F}' | '\u{3099}'..='\u{309C}')
}
