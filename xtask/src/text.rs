//! Script detection and the simple normalisation the harness needs to decide
//! which names are "the same" (for de-duplicating held-out names and for
//! dropping innocents that are literally listed). Deliberately independent of
//! `tamga-names`: the harness must not judge the matcher with the matcher's
//! own normaliser.

/// Coarse script class of a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Script {
    /// Latin letters (ASCII and Latin extended blocks).
    Latin,
    /// Cyrillic.
    Cyrillic,
    /// Arabic (including Persian / Urdu extensions).
    Arabic,
    /// Any other script (CJK, Georgian, Armenian, Hebrew, …).
    Other,
    /// No letters at all.
    None,
}

impl Script {
    /// ISO 15924-like label used in reports.
    pub fn label(self) -> &'static str {
        match self {
            Script::Latin => "Latn",
            Script::Cyrillic => "Cyrl",
            Script::Arabic => "Arab",
            Script::Other => "Other",
            Script::None => "None",
        }
    }
}

fn class_of(c: char) -> Option<Script> {
    if !c.is_alphabetic() {
        return None;
    }
    let u = c as u32;
    Some(match u {
        0..=0x024F | 0x1E00..=0x1EFF | 0x2C60..=0x2C7F | 0xA720..=0xA7FF => Script::Latin,
        0x0400..=0x052F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Script::Cyrillic,
        0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
            Script::Arabic
        }
        _ => Script::Other,
    })
}

/// The dominant script of a text: the class with most letters; ties go to
/// the non-Latin class, because a single original-script letter in a Latin
/// name is a sign the name was not romanised.
pub fn script_of(text: &str) -> Script {
    let mut counts = [0usize; 4];
    for c in text.chars() {
        match class_of(c) {
            Some(Script::Latin) => counts[0] += 1,
            Some(Script::Cyrillic) => counts[1] += 1,
            Some(Script::Arabic) => counts[2] += 1,
            Some(_) => counts[3] += 1,
            None => {}
        }
    }
    let classes = [
        Script::Latin,
        Script::Cyrillic,
        Script::Arabic,
        Script::Other,
    ];
    let mut best = Script::None;
    let mut best_count = 0;
    for (i, &n) in counts.iter().enumerate() {
        if n > 0 && n >= best_count {
            best = classes[i];
            best_count = n;
        }
    }
    best
}

/// Lowercase, every run of non-alphanumeric characters collapsed to one space.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(c.to_lowercase());
        } else {
            pending_space = true;
        }
    }
    out
}

/// [`normalize`]d tokens sorted: two names with the same key differ only by
/// case, punctuation or word order.
pub fn token_key(text: &str) -> String {
    let norm = normalize(text);
    let mut tokens: Vec<&str> = norm.split(' ').filter(|t| !t.is_empty()).collect();
    tokens.sort_unstable();
    tokens.join(" ")
}

/// 64-bit FNV-1a of bytes: a cheap fingerprint so the report can tell whether
/// a peer's score file was computed on the current query set (the Python
/// side computes the same function).
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_keys() {
        assert_eq!(script_of("PUTIN, Vladimir Vladimirovich"), Script::Latin);
        assert_eq!(script_of("Путин Владимир"), Script::Cyrillic);
        assert_eq!(script_of("محمد"), Script::Arabic);
        assert_eq!(script_of("梁鑫"), Script::Other);
        assert_eq!(script_of("12-34"), Script::None);
        assert_eq!(normalize("  AL-QA'IDA, Inc. "), "al qa ida inc");
        assert_eq!(token_key("PUTIN, Vladimir"), token_key("vladimir putin"));
        assert_ne!(token_key("PUTIN, Vladimir"), token_key("vladimir putina"));
        // Reference value of FNV-1a 64 for "a" (from the FNV specification).
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
