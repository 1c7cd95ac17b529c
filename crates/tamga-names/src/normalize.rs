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
pub(crate) fn tokenize(original: &str) -> Vec<RawToken> {
    let cleaned = clean(original);
    // Case is read from the original (cleaning lowercases): walk the NFKC form in step.
    let mut cases: Vec<(bool, bool)> = Vec::new();
    let mut tokens: Vec<RawToken> = Vec::new();
    let mut cur = String::new();
    let (mut up, mut low) = (false, false);
    let orig: Vec<char> = if original.is_ascii() {
        original.chars().collect()
    } else {
        original.nfkc().filter(|c| !is_invisible(*c)).collect()
    };
    let chars: Vec<char> = cleaned.chars().collect();
    // `orig` and `chars` align except where lowercasing expanded a char; only case hints
    // depend on the alignment, so a mismatch merely weakens them.
    let aligned = orig.len() == chars.len();
    let flush = |cur: &mut String,
                 tokens: &mut Vec<RawToken>,
                 cases: &mut Vec<(bool, bool)>,
                 up: &mut bool,
                 low: &mut bool| {
        if !cur.is_empty() {
            tokens.push(RawToken {
                text: std::mem::take(cur),
                hyphen_next: false,
                dotted: false,
                upper: false,
                has_lower: false,
            });
            cases.push((*up, *low));
        }
        *up = false;
        *low = false;
    };
    for (i, &c) in chars.iter().enumerate() {
        if c.is_alphanumeric() || is_mark(c) {
            cur.push(c);
            if aligned {
                let o = orig[i];
                up |= o.is_uppercase();
                low |= o.is_lowercase();
            }
        } else if c == '\'' {
            let prev_letter = i > 0 && chars[i - 1].is_alphabetic();
            let next_letter = chars.get(i + 1).is_some_and(|n| n.is_alphabetic());
            if !(prev_letter && next_letter) {
                flush(&mut cur, &mut tokens, &mut cases, &mut up, &mut low);
            } else if is_cyrillic_letter(chars[i - 1]) {
                // The Ukrainian/Belarusian apostrophe is the hard sign: it keeps the next
                // vowel iotated (Юр'евіч = Yur-yevich) and writes nothing.
                cur.push('ъ');
            }
        } else {
            let had = !cur.is_empty();
            flush(&mut cur, &mut tokens, &mut cases, &mut up, &mut low);
            if had {
                if let Some(last) = tokens.last_mut() {
                    if c == '-' {
                        last.hyphen_next = true;
                    } else if c == '.' {
                        last.dotted = true;
                    }
                }
            }
        }
    }
    flush(&mut cur, &mut tokens, &mut cases, &mut up, &mut low);
    // A trailing hyphen joins nothing.
    if let Some(last) = tokens.last_mut() {
        last.hyphen_next = false;
    }
    for (t, (up, low)) in tokens.iter_mut().zip(cases) {
        t.upper = up && !low && t.text.chars().count() > 1;
        t.has_lower = low;
    }
    tokens
}

fn is_cyrillic_letter(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{052F}')
}

/// Combining marks (kept inside words; Arabic harakat, Hebrew points, Devanagari signs).
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{0483}'..='\u{0489}' | '\u{0591}'..='\u{05C7}' | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0900}'..='\u{0903}' | '\u{093A}'..='\u{094F}' | '\u{3099}'..='\u{309C}')
}
