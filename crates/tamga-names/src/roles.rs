//! Roles of a person's name parts ([`TokenRole`]): patronymic and family-name suffixes, the
//! list convention of capitalised surnames, positions; Korean family names; and the
//! suffix-based relations between two surnames (derived names, other-gender forms).

use crate::{
    lexicon, lexicon::Strength, phonetic::phonetic_key, script::is_hangul_token, NameToken,
    TokenClass, TokenRole,
};

/// Patronymic suffixes (Latin skeletons) whose stem is the father's name as written: East
/// Slavic (-ovich, -evna, Ukrainian -ovych, -ivna, Belarusian -auna), Kazakh -uly/-kyzy (ұлы,
/// қызы), Kyrgyz -uulu/-kyzy (уулу), Uzbek -ugli/-qizi (ўғли, o'g'li), Azerbaijani -ogly/-oglu
/// (оглы); see `data/name_suffixes.tsv` for their sources. Longest first.
const PATRONYMIC_SUFFIXES: [&str; 21] = [
    "ievich", "yevich", "ovitch", "evitch", "ovich", "evich", "avich", "ovych", "evych", "ovna",
    "evna", "ivna", "auna", "euna", "uulu", "kyzy", "kizi", "qizi", "ugli", "ogli", "ogly",
];

/// A key shared by the patronymics of one father's name across the East Slavic and Turkic
/// suffixes (`@s:` + the stem's phonetic key): a Kazakh deputy's Ойратұлы is published in
/// Russian form as Oyratovich. Fathers' names outside `data/given_names.tsv` (most Turkic and
/// Arabic ones) have no class key (see [`patronymic_class`]); this key covers them without one.
/// Short Turkic suffixes (-uly, -uli, -oglu) are tried after the longer ones; the stem must
/// keep 3+ letters.
pub(crate) fn patronymic_stem_key(latin: &str) -> Option<String> {
    PATRONYMIC_SUFFIXES
        .iter()
        .chain(["uly", "uli", "oglu"].iter())
        .filter_map(|s| latin.strip_suffix(s))
        .find(|stem| stem.len() >= 3)
        .map(|stem| format!("@s:{}", phonetic_key(stem)))
}

/// The class key (`@p:sergey`) of an East Slavic patronymic whose father's name is in
/// `data/given_names.tsv`: Sergeevich, Serhiyovych and Siarheevich all come from one class.
///
/// Belarusian patronymics (national romanisation 2007, BGN/PCGN 1979) are formed from the
/// Belarusian name, whose final ў (Latin `u`) is в before the suffix (Святаслаў ->
/// Святаслававна, `Sviataslavauna`) and whose final й is spelt by the iotated vowel of the
/// suffix (Сяргей -> Сяргееўна, `Siarhieeuna`): the stem is also tried with `v` read as `u`
/// and with the `j` restored.
pub(crate) fn patronymic_class(latin: &str) -> Option<String> {
    const SUFFIXES: [&str; 13] = [
        "ievich", "yevich", "ovych", "ovich", "evich", "avich", "evych", "ovna", "evna", "ivna",
        "auna", "euna", "aviche",
    ];
    let lex = lexicon();
    let class_of = |stem: &str| {
        lex.heads
            .contains(&lexicon::head3(stem))
            .then(|| lex.patronymic_stems.get(stem))
            .flatten()
            .cloned()
    };
    SUFFIXES
        .iter()
        .filter_map(|s| latin.strip_suffix(s))
        .find_map(|stem| {
            class_of(stem)
                .or_else(|| {
                    let u = stem.strip_suffix('v')?;
                    class_of(&format!("{u}u"))
                })
                .or_else(|| {
                    stem.ends_with(['e', 'a', 'i'])
                        .then(|| class_of(&format!("{stem}j")))
                        .flatten()
                })
        })
}

/// Role heuristics; see [`crate::analyze`].
pub(crate) fn assign_roles(tokens: &mut [NameToken], upper: &[bool]) {
    let lex = lexicon();
    let idx: Vec<usize> = (0..tokens.len())
        .filter(|&i| tokens[i].class == TokenClass::Name)
        .collect();
    if idx.len() < 2 {
        return;
    }
    let n = idx.len();
    let mut weak_family: Vec<usize> = Vec::new();
    for (pos, &i) in idx.iter().enumerate() {
        match lex.suffix_role(&tokens[i].latin) {
            Some((TokenRole::Patronymic, Strength::Strong)) => {
                tokens[i].role = TokenRole::Patronymic
            }
            Some((TokenRole::Patronymic, Strength::Weak)) if n >= 3 && pos == 1 => {
                tokens[i].role = TokenRole::Patronymic
            }
            Some((TokenRole::Family, Strength::Strong)) => tokens[i].role = TokenRole::Family,
            Some((TokenRole::Family, Strength::Weak)) if pos == 0 || pos == n - 1 => {
                weak_family.push(i)
            }
            _ => {}
        }
    }
    // A patronymic formed on a compound name is written with a hyphen
    // (Magomed-Salamovich, Abdul-Kerimovich): the parts before the suffixed
    // one belong to the patronymic too, not to the given names.
    for w in (0..n.saturating_sub(1)).rev() {
        let (i, next) = (idx[w], idx[w + 1]);
        if next == i + 1 && tokens[i].hyphen_next && tokens[next].role == TokenRole::Patronymic {
            tokens[i].role = TokenRole::Patronymic;
        }
    }
    // Capitals mark the surname when the name mixes cases.
    let caps: Vec<usize> = idx
        .iter()
        .copied()
        .filter(|&i| upper.get(i).copied().unwrap_or(false))
        .collect();
    if !caps.is_empty() && caps.len() < n {
        for &i in &idx {
            if caps.contains(&i) {
                if tokens[i].role != TokenRole::Patronymic {
                    tokens[i].role = TokenRole::Family;
                }
            } else if tokens[i].role == TokenRole::Family {
                // The capitals outrank a suffix guess (Given names end in -ova too rarely, but
                // a capitalised surname is explicit).
                tokens[i].role = TokenRole::Unknown;
            }
        }
    }
    let has_family = |t: &[NameToken]| idx.iter().any(|&i| t[i].role == TokenRole::Family);
    if !has_family(tokens) {
        for &i in &weak_family {
            tokens[i].role = TokenRole::Family;
        }
    }
    let patronymics: Vec<usize> = (0..n)
        .filter(|&p| tokens[idx[p]].role == TokenRole::Patronymic)
        .collect();
    // One patronymic (of one or more hyphenated parts) places the family
    // name: Given Patronymic Family, or Family Given Patronymic.
    let one_run = patronymics.windows(2).all(|w| w[1] == w[0] + 1);
    if let (false, true, Some(&first), Some(&last)) = (
        has_family(tokens),
        one_run,
        patronymics.first(),
        patronymics.last(),
    ) {
        let others = n - (last - first + 1);
        if others >= 2 && last == n - 1 {
            tokens[idx[0]].role = TokenRole::Family;
        } else if others == 2 && first == 1 {
            tokens[idx[n - 1]].role = TokenRole::Family;
        }
    }
    for &p in &patronymics {
        if p > 0 && tokens[idx[p - 1]].role == TokenRole::Unknown {
            tokens[idx[p - 1]].role = TokenRole::Given;
        }
    }
    let fam: Vec<usize> = (0..n)
        .filter(|&p| tokens[idx[p]].role == TokenRole::Family)
        .collect();
    if let (Some(&first), Some(&last)) = (fam.first(), fam.last()) {
        if first == 0 || last == n - 1 {
            for &i in &idx {
                if tokens[i].role == TokenRole::Unknown {
                    tokens[i].role = TokenRole::Given;
                }
            }
        }
    }
}

/// A Korean name written in Hangul, two or three syllables (김정은, 이영호): the first
/// syllable is the family name, the others the given name. (Four syllables may be a
/// two-syllable family name, 남궁민수, or a one-syllable one: left unknown.)
pub(crate) fn assign_korean_roles(tokens: &mut [NameToken]) {
    let syllable = |t: &NameToken| {
        t.class == TokenClass::Name && is_hangul_token(&t.text) && t.text.chars().count() == 1
    };
    if (2..=3).contains(&tokens.len()) && tokens.iter().all(syllable) {
        for (k, t) in tokens.iter_mut().enumerate() {
            t.role = if k == 0 {
                TokenRole::Family
            } else {
                TokenRole::Given
            };
        }
    }
}

/// Whether the skeleton `longer` is the skeleton `shorter` plus a family-name
/// or patronymic suffix of `data/name_suffixes.tsv` (`muhammadov` =
/// `muhammad` + `ov`, `abdullaev` = `abdulla` + `ev`): a surname formed on a
/// given name, hence another name than that given name, however few letters
/// it adds. A scorer must not read the suffix as a typo.
pub fn is_derived_name(longer: &str, shorter: &str) -> bool {
    if longer.len() <= shorter.len() || !longer.starts_with(shorter) || shorter.len() < 3 {
        return false;
    }
    let added = longer.len() - shorter.len();
    lexicon().suffixes_of(longer).any(|s| {
        s.role != TokenRole::Given && s.strength == Strength::Strong && s.suffix.len() == added
    })
}

/// Whether two skeletons are the masculine and feminine forms of one
/// East Slavic or Turkic surname (`osipov` ~ `osipova`, `ivanin` ~
/// `ivanina`): the feminine is the masculine plus `a`, both endings family
/// suffixes of `data/name_suffixes.tsv`. They name different people (a man
/// and his wife, sister or daughter), so a scorer must not read the `a` as
/// a typo.
pub fn is_other_gender_form(a: &str, b: &str) -> bool {
    let (long, short) = if a.len() > b.len() { (a, b) } else { (b, a) };
    if long.len() != short.len() + 1 || !long.starts_with(short) || !long.ends_with('a') {
        return false;
    }
    let lex = lexicon();
    // The masculine ending itself must be a family suffix whose `a` form
    // is one too (ov/ova, ev/eva, in/ina), not any word ending in a consonant.
    lex.suffixes_of(short)
        .any(|s| s.role == TokenRole::Family && short.len() >= s.suffix.len() + 3)
        && lex
            .suffix_role(long)
            .is_some_and(|(role, _)| role == TokenRole::Family)
}

/// The role a skeleton's own suffix tells, from the strong suffixes of
/// `data/name_suffixes.tsv` (`ivanovna`: patronymic, `ivanova`: family),
/// whatever its place in a name.
pub fn suffix_role(latin: &str) -> Option<TokenRole> {
    match lexicon().suffix_role(latin) {
        Some((role, Strength::Strong)) => Some(role),
        _ => None,
    }
}

/// The family-name formant a skeleton ends with (a slice of it), when [`suffix_role`] reads
/// it as a family name by it (`zada` for `alizada`, `ov` for `samirov`): a
/// scorer asks whether a name of two words written apart ends with the same
/// formant (`Ali Zada`) or lacks it (`Ali Azadi`).
pub fn family_formant(latin: &str) -> Option<&str> {
    let n = lexicon()
        .suffixes_of(latin)
        .find(|s| latin.len() >= s.suffix.len() + 3)
        .filter(|s| s.role == TokenRole::Family && s.strength == Strength::Strong)?
        .suffix
        .len();
    Some(&latin[latin.len() - n..])
}

/// The length of the longest family-name suffix of `data/name_suffixes.tsv`
/// that both skeletons end with (`enko` for `kashchenko` and `ishchenko`,
/// `ova` for `voronova` and `morozova`), if each keeps a stem of two or more
/// letters before it. Surnames that share a formant differ only in their
/// stems, and a scorer weighs their spelling difference against the stem:
/// two letters of nine are a typo, two letters of a five-letter stem are
/// another name.
pub fn shared_family_suffix(a: &str, b: &str) -> Option<usize> {
    lexicon()
        .suffixes_of(a)
        .filter(|s| {
            s.role == TokenRole::Family
                && b.ends_with(s.suffix.as_str())
                && a.len().min(b.len()) >= s.suffix.len() + 2
        })
        .map(|s| s.suffix.len())
        .max()
}
