//! Which script a text or token is written in ([`detect_script`], Han, Hangul, Latin), and
//! the Latin skeleton of a bare word ([`skeleton`]).

use crate::{normalize, translit, translit::Lang};

pub(crate) fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FA1F}' | '\u{30000}'..='\u{323AF}')
}

pub(crate) fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}')
}

/// Whether a token is written in Hangul or Han characters, each a whole syllable: one whose
/// reading is a single letter (이 i, 우 u, 오 o) is a syllable of the name, as much a part of
/// it as any other (류우진 Ryu Woo-jin is not Ryu Jin), never an initial.
pub fn is_syllable_token(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| is_hangul(c) || is_han(c))
}

/// Whether a token is written in Arabic script (Arabic, Persian, Urdu and their presentation
/// forms), not Hebrew, the other abjad.
pub(crate) fn is_arabic_script(text: &str) -> bool {
    text.chars().any(crate::translit::is_arabic_script_char)
}

/// Whether a word in Arabic script ends on a vowel letter (ا و ی ي ى), which writes a final
/// vowel that a Latin rendering of it must spell (محمدی Mohammadi is not Muhammad). Only
/// meaningful for Arabic-script text: no other script has these letters.
pub fn ends_on_arabic_vowel_letter(text: &str) -> bool {
    translit::ends_on_vowel_letter(text)
}

/// Whether every character of a token is a Hangul syllable (the Korean vowel and initial
/// checks of a scorer apply to it).
pub fn is_hangul_token(text: &str) -> bool {
    !text.is_empty() && text.chars().all(is_hangul)
}

pub(crate) fn is_latin_text(text: &str) -> bool {
    use unicode_script::{Script, UnicodeScript};
    text.is_ascii()
        || text.chars().all(|c| {
            c.is_ascii()
                || matches!(
                    c.script(),
                    Script::Latin | Script::Common | Script::Inherited
                )
        })
}

/// The Latin skeleton of one token (see [`crate::NameToken::latin`]); the Cyrillic language is told
/// from the token alone. Empty if the token has no letter or digit.
pub fn skeleton(token: &str) -> String {
    let cleaned = normalize::clean(token);
    let text: String = cleaned
        .chars()
        .filter(|c| c.is_alphanumeric() || !c.is_ascii() && !c.is_whitespace())
        .collect();
    let mut s = String::new();
    translit::token_latin(&text, Lang::detect(&text), &mut s);
    s
}

/// The dominant script of a text as an ISO 15924 code (`Latn`, `Cyrl`, `Arab`, `Hani`, …):
/// the script of most of its letters; `Zyyy` (common) when it has none.
pub fn detect_script(text: &str) -> &'static str {
    use unicode_script::{Script, UnicodeScript};
    if text.is_ascii() {
        return if text.bytes().any(|b| b.is_ascii_alphabetic()) {
            "Latn"
        } else {
            "Zyyy"
        };
    }
    let mut counts: [(Script, usize); 8] = [(Script::Common, 0); 8];
    let mut used = 0;
    for c in text.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphabetic() {
                bump(&mut counts, &mut used, Script::Latin);
            }
            continue;
        }
        let s = c.script();
        if matches!(s, Script::Common | Script::Inherited | Script::Unknown) {
            continue;
        }
        bump(&mut counts, &mut used, s);
    }
    counts[..used]
        .iter()
        .max_by_key(|(_, n)| *n)
        .map_or("Zyyy", |(s, _)| s.short_name())
}

fn bump(
    counts: &mut [(unicode_script::Script, usize); 8],
    used: &mut usize,
    s: unicode_script::Script,
) {
    if let Some(e) = counts[..*used].iter_mut().find(|(x, _)| *x == s) {
        e.1 += 1;
    } else if *used < counts.len() {
        counts[*used] = (s, 1);
        *used += 1;
    }
}
