//! Other Latin readings of Arabic names written in the French, Maghreb, Persian and Turkish
//! conventions, given as extra phonetic variants (see [`crate::phonetic::phonetic_variants`]).
//!
//! The default phonetic key reads a Latin token the English way. Three conventions for
//! romanising Arabic names spell one sound with letters that key keeps apart; each is read
//! here as an alternative skeleton whose phonetic key becomes a variant, so both spellings
//! meet and neither loses its default reading:
//!
//! | reading | spelling | as | convention (source) | examples |
//! |---|---|---|---|---|
//! | `ou` = w | `ou` before a vowel, at the start of a word or after a consonant | `w` | French transcription of Arabic و /w/, the practice of the Maghreb civil status and of French-speaking West Africa (Wikipedia, "Romanization of Arabic", French-based transcriptions; the IGN/Institut géographique national place-name practice: Ouargla = Wargla, Ouazzane = Wazzan) | Ouaz = Waz, Ouali = Wali, Oueslati = Weslati, Djouadi = Jwadi |
//! | `dh` = z | `dh` | `z` | ذ ض ظ are z in Persian, Urdu and Turkish (BGN/PCGN Persian 1958: ذ ض ظ = z; Turkish orthography: Ramazan, Kâzım) and in Egyptian and Levantine speech, where the English-based Arabic romanisation writes dh (BGN/PCGN Arabic 1956: ذ = dh, ض = ḍ, ظ = ẓ, often dh in Gulf and Iraqi practice) | Kadhim = Kazim, Ramadhan = Ramazan, Fadhil = Fazil, Hafidh = Hafiz |
//! | e = i (kasra) | `e` in the last syllable of the pattern fāʿil (`a` + one consonant + `e` + one consonant, the word's end) | `i` | the kasra after a long ā is written e in French, Levantine, Egyptian and Persian renderings and i in the English-based ones (BGN/PCGN and ALA-LC write i: Khālid, Ḥāmid, Nāyif) | Khaled = Khalid, Nayef = Nayif = Naif, Saleh = Salih, Kazem = Kazim |
//!
//! The fāʿil rule is kept to that one pattern: elsewhere a Latin e is as often fatha (Ahmed =
//! Ahmad, Mohamed = Muhammad), which the default key already folds into a. None of these
//! tables or examples comes from a sanctions list.

use crate::phonetic::is_vowel;

/// A reading: the skeleton rewritten, or None when its pattern does not occur.
type Rule = fn(&[u8]) -> Option<Vec<u8>>;

/// The digraphs Latin renderings of Arabic write one consonant with.
fn is_consonant_digraph(a: u8, b: u8) -> bool {
    b == b'h' && matches!(a, b'k' | b's' | b't' | b'd' | b'g' | b'z')
}

/// The skeleton with every French `ou` before a vowel (word start or after a consonant) read
/// as `w`; None when the token has none. Between two vowels the default key already reads it
/// as w.
fn french_ou(latin: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(latin.len());
    let mut changed = false;
    let mut i = 0;
    while i < latin.len() {
        let c = latin[i];
        let after_consonant = i == 0 || !is_vowel(latin[i - 1]);
        if c == b'o'
            && latin.get(i + 1) == Some(&b'u')
            && latin
                .get(i + 2)
                .is_some_and(|&n| matches!(n, b'a' | b'e' | b'i'))
            && after_consonant
        {
            out.push(b'w');
            changed = true;
            i += 2;
            continue;
        }
        out.push(c);
        i += 1;
    }
    changed.then_some(out)
}

/// The skeleton with `dh` read as `z`; None when the token has no `dh`.
fn dh_as_z(latin: &[u8]) -> Option<Vec<u8>> {
    let at = latin.windows(2).position(|w| w == b"dh")?;
    let mut out = latin[..at].to_vec();
    out.push(b'z');
    let rest = &latin[at + 2..];
    out.extend(dh_as_z(rest).unwrap_or_else(|| rest.to_vec()));
    Some(out)
}

/// The skeleton with the e of a final fāʿil syllable read as i (`khaled` → `khalid`,
/// `nayef` → `nayif`, `saleh` → `salih`); None when the word does not end in that pattern.
fn kasra_e(latin: &[u8]) -> Option<Vec<u8>> {
    let n = latin.len();
    // The final consonant, and a final h after it only when it follows the e itself (Saleh).
    let e = match latin {
        [.., b'e', c] if !is_vowel(*c) && *c != b'y' => n - 2,
        _ => return None,
    };
    // One consonant (or a digraph) between the long ā and the e.
    let consonant = |i: usize| !is_vowel(latin[i]);
    let before = e.checked_sub(1).filter(|&i| consonant(i))?;
    let a = if before >= 1 && is_consonant_digraph(latin[before - 1], latin[before]) {
        before.checked_sub(2)?
    } else {
        before.checked_sub(1)?
    };
    if latin[a] != b'a' {
        return None;
    }
    let mut out = latin.to_vec();
    out[e] = b'i';
    Some(out)
}

/// The alternative skeletons of a Latin token under the readings of the [module doc](self),
/// each reading alone and, when a token has more than one, all of them together; empty when
/// none applies.
pub(crate) fn readings(latin: &str) -> Vec<String> {
    let b = latin.as_bytes();
    if b.len() < 3 {
        return Vec::new();
    }
    let mut out: Vec<Vec<u8>> = Vec::new();
    let rules: [Rule; 3] = [french_ou, dh_as_z, kasra_e];
    let mut all = b.to_vec();
    let mut applied = 0;
    for rule in rules {
        if let Some(alt) = rule(b) {
            out.push(alt);
        }
        if let Some(alt) = rule(&all) {
            all = alt;
            applied += 1;
        }
    }
    if applied > 1 {
        out.push(all);
    }
    out.into_iter()
        .filter_map(|v| String::from_utf8(v).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::readings;

    #[test]
    fn each_reading_applies_only_to_its_pattern() {
        assert_eq!(readings("ouaz"), vec!["waz"]);
        assert_eq!(readings("oumar"), Vec::<String>::new());
        assert_eq!(readings("kadhim"), vec!["kazim"]);
        assert_eq!(readings("khaled"), vec!["khalid"]);
        assert_eq!(readings("nayef"), vec!["nayif"]);
        assert_eq!(readings("saleh"), vec!["salih"]);
        // Fatha written e is not the fāʿil pattern.
        assert_eq!(readings("ahmed"), Vec::<String>::new());
        assert_eq!(readings("kazem"), vec!["kazim"]);
        assert_eq!(readings("kadhem"), vec!["kazem", "kadhim", "kazim"]);
    }
}
