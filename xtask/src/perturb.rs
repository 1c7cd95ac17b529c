//! Realistic corruptions of real list names, used to build the typo,
//! reordering and legal-form query sets.
//!
//! The edits imitate what actually reaches a screening engine from customer
//! data entry and from other systems: one slip of the finger per word
//! (neighbouring key, dropped, doubled or swapped letters), a phonetic
//! respelling, "LAST, First" rendered as "First Last", and company legal
//! forms written out, abbreviated, transliterated (OOO/LLC) or left off.

use crate::rng::Rng;

/// QWERTY neighbours of each lowercase letter (same row and adjacent rows).
fn keyboard_neighbours(c: char) -> &'static str {
    match c {
        'q' => "wa",
        'w' => "qeas",
        'e' => "wrsd",
        'r' => "etdf",
        't' => "ryfg",
        'y' => "tugh",
        'u' => "yihj",
        'i' => "uojk",
        'o' => "ipkl",
        'p' => "ol",
        'a' => "qwsz",
        's' => "awedxz",
        'd' => "serfcx",
        'f' => "drtgvc",
        'g' => "ftyhbv",
        'h' => "gyujnb",
        'j' => "huikmn",
        'k' => "jiolm",
        'l' => "kop",
        'z' => "asx",
        'x' => "zsdc",
        'c' => "xdfv",
        'v' => "cfgb",
        'b' => "vghn",
        'n' => "bhjm",
        'm' => "njk",
        _ => "",
    }
}

/// Phonetic respellings common in romanised names (both directions listed).
const PHONETIC: &[(&str, &str)] = &[
    ("ph", "f"),
    ("f", "ph"),
    ("ck", "k"),
    ("c", "k"),
    ("k", "c"),
    ("kh", "h"),
    ("h", "kh"),
    ("y", "i"),
    ("i", "y"),
    ("ou", "u"),
    ("u", "ou"),
    ("v", "w"),
    ("w", "v"),
    ("z", "s"),
    ("s", "z"),
    ("ee", "i"),
    ("sh", "sch"),
    ("j", "dzh"),
    ("dzh", "j"),
    ("yu", "iu"),
    ("ya", "ia"),
    ("ii", "iy"),
    ("iy", "ii"),
    ("q", "k"),
    ("x", "ks"),
    ("ks", "x"),
];

/// The kinds of single-token edit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// A letter replaced by a keyboard neighbour.
    Keyboard,
    /// A letter dropped.
    Drop,
    /// A letter doubled.
    Double,
    /// Two adjacent letters swapped.
    Transpose,
    /// A phonetic respelling (`ph`↔`f`, `kh`↔`h`, …).
    Phonetic,
}

const EDITS: [Edit; 5] = [
    Edit::Keyboard,
    Edit::Drop,
    Edit::Double,
    Edit::Transpose,
    Edit::Phonetic,
];

/// Applies one edit to a token of at least 4 letters, keeping its case style.
/// Returns `None` when the chosen edit is not applicable or changes nothing.
pub fn edit_token(token: &str, edit: Edit, rng: &mut Rng) -> Option<String> {
    let chars: Vec<char> = token.chars().collect();
    let letters: Vec<usize> = (0..chars.len())
        .filter(|&i| chars[i].is_ascii_alphabetic())
        .collect();
    if letters.len() < 4 {
        return None;
    }
    let upper = chars
        .iter()
        .filter(|c| c.is_alphabetic())
        .all(|c| c.is_uppercase());
    let restyle = |s: String| {
        if upper {
            s.to_uppercase()
        } else {
            s
        }
    };
    let mut out = chars.clone();
    match edit {
        Edit::Keyboard => {
            // Not the first letter: people rarely mistype the initial.
            let i = letters[1 + rng.below(letters.len() - 1)];
            let lower = chars[i].to_ascii_lowercase();
            let neighbours: Vec<char> = keyboard_neighbours(lower).chars().collect();
            let n = *rng.pick(&neighbours)?;
            out[i] = if chars[i].is_uppercase() {
                n.to_ascii_uppercase()
            } else {
                n
            };
        }
        Edit::Drop => {
            let i = letters[1 + rng.below(letters.len() - 1)];
            out.remove(i);
        }
        Edit::Double => {
            let i = letters[rng.below(letters.len())];
            out.insert(i, chars[i]);
        }
        Edit::Transpose => {
            let k = 1 + rng.below(letters.len() - 2);
            let (i, j) = (letters[k], letters[k + 1]);
            if j != i + 1 || chars[i].eq_ignore_ascii_case(&chars[j]) {
                return None;
            }
            out.swap(i, j);
        }
        Edit::Phonetic => {
            let lower = token.to_lowercase();
            let options: Vec<&(&str, &str)> = PHONETIC
                .iter()
                .filter(|(from, _)| lower.contains(from))
                .collect();
            let (from, to) = **rng.pick(&options)?;
            let positions: Vec<usize> = lower.match_indices(from).map(|(p, _)| p).collect();
            let p = *rng.pick(&positions)?;
            let mut s = String::with_capacity(lower.len() + 2);
            s.push_str(&lower[..p]);
            s.push_str(to);
            s.push_str(&lower[p + from.len()..]);
            // Re-apply title case when the original was title case.
            let title = chars.first().is_some_and(|c| c.is_uppercase()) && !upper;
            let s = if title {
                let mut cs = s.chars();
                match cs.next() {
                    Some(f) => f.to_uppercase().chain(cs).collect(),
                    None => s,
                }
            } else {
                s
            };
            let s = restyle(s);
            return (s != token).then_some(s);
        }
    }
    let s: String = out.into_iter().collect();
    (s != token).then_some(s)
}

/// Introduces typos in a name: every token of ≥ 4 letters gets at most one
/// edit, each such token is edited with probability ½, and at least one
/// token is edited. `None` when no token is long enough.
pub fn typo(name: &str, rng: &mut Rng) -> Option<String> {
    let tokens: Vec<&str> = name.split(' ').collect();
    let eligible: Vec<usize> = (0..tokens.len())
        .filter(|&i| {
            tokens[i]
                .chars()
                .filter(|c| c.is_ascii_alphabetic())
                .count()
                >= 4
        })
        .collect();
    if eligible.is_empty() {
        return None;
    }
    let forced = eligible[rng.below(eligible.len())];
    let mut out: Vec<String> = tokens.iter().map(|t| t.to_string()).collect();
    let mut changed = false;
    for &i in &eligible {
        if i != forced && !rng.chance(0.5) {
            continue;
        }
        // A few tries: some edits do not apply to some tokens.
        for _ in 0..6 {
            let edit = EDITS[rng.below(EDITS.len())];
            if let Some(t) = edit_token(tokens[i], edit, rng) {
                out[i] = t;
                changed = true;
                break;
            }
        }
    }
    changed.then(|| out.join(" "))
}

/// Reorders a name: "LAST, First Middle" becomes "First Middle LAST";
/// otherwise the tokens are shuffled (guaranteed to differ from the
/// original order). `None` for single-token names.
pub fn reorder(name: &str, rng: &mut Rng) -> Option<String> {
    if let Some((last, rest)) = name.split_once(',') {
        let (last, rest) = (last.trim(), rest.trim());
        if !last.is_empty() && !rest.is_empty() {
            return Some(format!("{rest} {last}"));
        }
    }
    let tokens: Vec<&str> = name.split_whitespace().collect();
    if tokens.len() < 2 {
        return None;
    }
    let mut shuffled = tokens.clone();
    for _ in 0..8 {
        rng.shuffle(&mut shuffled);
        if shuffled != tokens {
            return Some(shuffled.join(" "));
        }
    }
    shuffled.rotate_left(1);
    Some(shuffled.join(" "))
}

/// Groups of equivalent legal forms, each written as upper-case token
/// sequences. Russian/Kazakh forms appear as their usual romanisations and
/// English translations, because that is how they are written in
/// Latin-script payment and KYC data.
const LEGAL_FORMS: &[&[&str]] = &[
    &[
        "LIMITED LIABILITY COMPANY",
        "LLC",
        "OOO",
        "OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU",
        "TOO",
        "LLP",
    ],
    &[
        "JOINT STOCK COMPANY",
        "JSC",
        "AO",
        "AKTSIONERNOE OBSHCHESTVO",
        "JOINT-STOCK COMPANY",
    ],
    &[
        "PUBLIC JOINT STOCK COMPANY",
        "PJSC",
        "PAO",
        "PUBLICHNOE AKTSIONERNOE OBSHCHESTVO",
    ],
    &[
        "OPEN JOINT STOCK COMPANY",
        "OJSC",
        "OAO",
        "OTKRYTOE AKTSIONERNOE OBSHCHESTVO",
    ],
    &[
        "CLOSED JOINT STOCK COMPANY",
        "CJSC",
        "ZAO",
        "ZAKRYTOE AKTSIONERNOE OBSHCHESTVO",
    ],
    &["LIMITED", "LTD"],
    &["COMPANY LIMITED", "CO LTD", "CO., LTD."],
    &["INCORPORATED", "INC"],
    &["CORPORATION", "CORP"],
    &["GMBH", "GESELLSCHAFT MIT BESCHRAENKTER HAFTUNG"],
    &["FZE", "FREE ZONE ESTABLISHMENT"],
    &["FZCO", "FZC", "FREE ZONE COMPANY"],
    &["SOCIEDAD ANONIMA", "S.A.", "SA"],
    &["PUBLIC LIMITED COMPANY", "PLC"],
    &["SDN BHD", "SENDIRIAN BERHAD"],
    &["PTE LTD", "PRIVATE LIMITED"],
];

/// Upper-case alphanumeric tokens of a text, for legal-form matching.
fn form_tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(|t| t.to_uppercase())
        .collect()
}

/// Rewrites the legal form of an organisation name: replaced by an
/// equivalent form (probability ⅔) or dropped. The longest form found wins
/// ("PUBLIC JOINT STOCK COMPANY" before "JOINT STOCK COMPANY"). `None` when
/// the name carries no known legal form or dropping it would leave nothing.
pub fn legal_form_variant(name: &str, rng: &mut Rng) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let word_tokens: Vec<Vec<String>> = words.iter().map(|w| form_tokens(w)).collect();
    // Flattened token list with the index of the word each token belongs to.
    let mut flat: Vec<(String, usize)> = Vec::new();
    for (wi, toks) in word_tokens.iter().enumerate() {
        for t in toks {
            flat.push((t.clone(), wi));
        }
    }
    let mut best: Option<(usize, usize, usize, usize)> = None; // (group, form, start, len)
    for (gi, group) in LEGAL_FORMS.iter().enumerate() {
        for (fi, form) in group.iter().enumerate() {
            let ft = form_tokens(form);
            if ft.is_empty() || ft.len() > flat.len() {
                continue;
            }
            for start in 0..=flat.len() - ft.len() {
                if flat[start..start + ft.len()]
                    .iter()
                    .zip(&ft)
                    .all(|((a, _), b)| a == b)
                    && best.is_none_or(|(_, _, _, l)| ft.len() > l)
                {
                    best = Some((gi, fi, start, ft.len()));
                }
            }
        }
    }
    let (gi, fi, start, len) = best?;
    // Whole words covered by the matched tokens.
    let first_word = flat[start].1;
    let last_word = flat[start + len - 1].1;
    let group = LEGAL_FORMS[gi];
    let replacement = if group.len() > 1 && rng.chance(2.0 / 3.0) {
        let mut choice = rng.below(group.len() - 1);
        if choice >= fi {
            choice += 1;
        }
        Some(group[choice])
    } else {
        None
    };
    let mut out: Vec<String> = Vec::new();
    out.extend(words[..first_word].iter().map(|w| w.to_string()));
    if let Some(r) = replacement {
        out.push(r.to_string());
    }
    out.extend(words[last_word + 1..].iter().map(|w| w.to_string()));
    let text = out.join(" ");
    let text = text
        .trim_matches(|c: char| c == ',' || c.is_whitespace())
        .to_string();
    if text.chars().filter(|c| c.is_alphanumeric()).count() < 2 || text == name {
        return None;
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_change_exactly_what_they_say() {
        let mut rng = Rng::new(3);
        let t = edit_token("IVANOV", Edit::Drop, &mut rng).unwrap();
        assert_eq!(t.len(), 5);
        assert!(t.starts_with('I'));
        let t = edit_token("Ivanov", Edit::Double, &mut rng).unwrap();
        assert_eq!(t.len(), 7);
        let t = edit_token("KHALID", Edit::Phonetic, &mut rng).unwrap();
        assert_ne!(t, "KHALID");
        assert_eq!(t, t.to_uppercase());
        assert_eq!(edit_token("ABU", Edit::Drop, &mut rng), None);
    }

    #[test]
    fn reorder_turns_comma_form_around() {
        let mut rng = Rng::new(1);
        assert_eq!(
            reorder("PUTIN, Vladimir Vladimirovich", &mut rng).as_deref(),
            Some("Vladimir Vladimirovich PUTIN")
        );
        assert_eq!(reorder("HAMAS", &mut rng), None);
    }

    #[test]
    fn legal_forms_are_swapped_or_dropped_longest_first() {
        for seed in 0..20 {
            let mut rng = Rng::new(seed);
            let v = legal_form_variant("PUBLIC JOINT STOCK COMPANY ROSNEFT OIL COMPANY", &mut rng)
                .unwrap();
            // The longest form is the one rewritten, never the inner JSC words.
            assert!(v.ends_with("ROSNEFT OIL COMPANY"), "{v}");
            assert!(!v.starts_with("PUBLIC JOINT STOCK COMPANY"), "{v}");
        }
        let mut rng = Rng::new(5);
        assert_eq!(legal_form_variant("HAMAS", &mut rng), None);
    }
}
