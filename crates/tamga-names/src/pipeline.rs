//! [`analyze`]: the pipeline from a raw name to its [`AnalyzedName`] (crate docs, steps 1-5).
//! Splitting and token making live here; the classes of organisation words are in `forms`,
//! the roles of a person's name parts in `roles`, and the extra keys a token gets in `variants`.

use crate::forms::{collapse_legal_forms, expand_abbreviations, set_legal};
use crate::roles::{assign_korean_roles, assign_roles};
use crate::script::{is_han, is_hangul, is_latin_text};
use crate::variants::{
    add_belarusian_surname_variants, add_cognate_variants, add_concept_variants,
    add_dedication_variants, add_english_reading_variants, add_loanword_variants,
    add_russian_reading_variants, BELARUSIAN_FORM_WORDS,
};
use crate::{
    acronym, han, lexicon, normalize, normalize::RawToken, phonetic, phonetic::consonant_key,
    phonetic::phonetic_key, script::detect_script, script::is_syllable_token, translit,
    translit::Lang, AnalyzedName, NameToken, PartyHint, TokenClass, TokenRole,
};

/// Latin and Cyrillic spellings of ʿAbd al- written as one word before a separate name.
const ABD_AL: [&str; 9] = [
    "abdul",
    "abdel",
    "abdoul",
    "abdal",
    "abdol",
    "abdoel",
    "абдул",
    "абдель",
    "абдал",
];

/// A Russian or Ukrainian compound adjective of two organisation words written without its
/// hyphen (научнопроизводственное for научно-производственное, "scientific and production"),
/// split after its linking vowel о/е as the hyphenated spelling is: `(head, tail)` when both
/// parts are words of `data/org_terms.tsv` and the whole is not (машиностроительный is a
/// concept of its own and stays whole). The parts stay hyphen-linked, so the joined form
/// still matches a list that writes it as one word.
fn cyrillic_compound(text: &str) -> Option<(String, String)> {
    const MIN_HEAD: usize = 4;
    const MIN_TAIL: usize = 5;
    let chars: Vec<char> = text.chars().collect();
    if chars.len() < MIN_HEAD + MIN_TAIL + 1
        || !chars.iter().all(|c| ('\u{0400}'..='\u{04FF}').contains(c))
    {
        return None;
    }
    let lex = lexicon();
    let lang = Lang::detect(text);
    let concept = |part: &str| lex.concept(&latin_of(part, lang)).is_some();
    if concept(text) {
        return None;
    }
    (MIN_HEAD..chars.len() - MIN_TAIL)
        .filter(|&k| matches!(chars[k], 'о' | 'е'))
        .find_map(|k| {
            let head: String = chars[..=k].iter().collect();
            let tail: String = chars[k + 1..].iter().collect();
            (concept(&head) && concept(&tail)).then_some((head, tail))
        })
}

/// Splits CJK personal names, the Arabic article and ʿAbd al- (see the crate doc, step 2).
fn split_raw(raw: Vec<RawToken>, hint: PartyHint, han_org: &mut bool) -> Vec<RawToken> {
    let mut out = Vec::with_capacity(raw.len() + 1);
    for mut t in raw {
        // Fast path: an ASCII token can only be ʿAbd al- written as one word.
        if t.text.is_ascii() && !(t.text.starts_with("abd") && ABD_AL.contains(&t.text.as_str())) {
            out.push(t);
            continue;
        }
        // Traditional and simplified Chinese are one script for matching, as upper and lower
        // case are (華 = 华); the characters of data/han_ts.tsv are folded.
        if let Some(simple) = han::simplify(&t.text) {
            t.text = simple;
        }
        if hint != PartyHint::Person {
            if let Some((head, tail)) = cyrillic_compound(&t.text) {
                out.push(RawToken {
                    text: head,
                    hyphen_next: true,
                    dotted: false,
                    ..t.clone()
                });
                out.push(RawToken { text: tail, ..t });
                continue;
            }
        }
        let n = t.text.chars().count();
        let first_len = t.text.chars().next().map_or(0, char::len_utf8);
        // Korean given names are written syllable by syllable in Latin lists (Kim Yong Bok,
        // Kim Jong-un): one token per syllable, the given name's syllables hyphen-linked so
        // that compounds() also offers the joined form.
        if hint != PartyHint::Organization && (2..=4).contains(&n) && t.text.chars().all(is_hangul)
        {
            let last = n - 1;
            for (k, c) in t.text.chars().enumerate() {
                let hyphen = if k == last { t.hyphen_next } else { k > 0 };
                out.push(RawToken {
                    text: c.to_string(),
                    hyphen_next: hyphen,
                    dotted: false,
                    ..t.clone()
                });
            }
            continue;
        }
        // A Chinese company name is written as one run of characters: cut it into its
        // division, trade name, industry words and legal form (module `han`).
        if hint != PartyHint::Person && t.text.chars().all(is_han) {
            if let Some(pieces) = han::segment(&t.text) {
                *han_org = true;
                let last = pieces.len() - 1;
                for (k, (piece, _)) in pieces.into_iter().enumerate() {
                    out.push(RawToken {
                        text: piece.to_string(),
                        hyphen_next: k == last && t.hyphen_next,
                        dotted: k == last && t.dotted,
                        ..t.clone()
                    });
                }
                continue;
            }
        }
        let cjk =
            hint != PartyHint::Organization && (2..=4).contains(&n) && t.text.chars().all(is_han);
        // ʿAbd al-X: Arabic writes it joined (عبدالكريم), Latin lists write Abd Al-Karim,
        // Abdul Karim or Abdel Karim; all become `abd` + particle `al` + X. Not عبدالله,
        // which Latin writes as one word (Abdullah) and which meets it whole.
        if let Some(rest) = t
            .text
            .strip_prefix("عبدال")
            .filter(|r| r.chars().count() > 1 && *r != "له")
        {
            for (text, hyphen) in [("عبد", true), ("ال", true), (rest, t.hyphen_next)] {
                out.push(RawToken {
                    text: text.to_string(),
                    hyphen_next: hyphen,
                    dotted: false,
                    ..t.clone()
                });
            }
            continue;
        }
        if ABD_AL.contains(&t.text.as_str()) {
            let cut = t
                .text
                .char_indices()
                .nth(3)
                .map_or(t.text.len(), |(k, _)| k);
            out.push(RawToken {
                text: t.text[..cut].to_string(),
                hyphen_next: true,
                dotted: false,
                ..t.clone()
            });
            out.push(RawToken {
                text: t.text[cut..].to_string(),
                ..t
            });
            continue;
        }
        // The conjunction و written onto an article-prefixed word (والمسلمين): Latin writes
        // `wa al-Muslimin` or `wal-Muslimin`, so it is split into و + the word, whose
        // article is split next.
        if let Some(rest) = t
            .text
            .strip_prefix('و')
            .filter(|r| r.starts_with("ال") && r.chars().count() > 4)
        {
            out.push(RawToken {
                text: "و".to_string(),
                hyphen_next: false,
                dotted: false,
                ..t.clone()
            });
            out.extend(split_raw(
                vec![RawToken {
                    text: rest.to_string(),
                    ..t
                }],
                hint,
                han_org,
            ));
            continue;
        }
        // Words that start with the article's letters without being article + word (الله
        // Allah, الهام Elham, الناز Elnaz; `data/al_words.txt`): Latin writes them whole.
        let arabic_article = n > 3
            && t.text.starts_with("ال")
            && !lexicon::lexicon().al_words.contains(t.text.as_str());
        let cut = if cjk {
            first_len
        } else if arabic_article {
            "ال".len()
        } else {
            0
        };
        if cut == 0 {
            out.push(t);
        } else {
            let rest = t.text[cut..].to_string();
            let head = RawToken {
                text: t.text[..cut].to_string(),
                hyphen_next: arabic_article,
                dotted: false,
                ..t.clone()
            };
            out.push(head);
            out.push(RawToken { text: rest, ..t });
        }
    }
    out
}

/// Latin skeleton of a token's text under a Cyrillic language; never empty (a token in a
/// script without a table keeps `u` + hex code points).
pub(crate) fn latin_of(text: &str, lang: Lang) -> String {
    let mut s = String::with_capacity(text.len() + 4);
    translit::token_latin(text, lang, &mut s);
    if s.is_empty() {
        for c in text.chars() {
            s.push_str(&format!("u{:x}", c as u32));
        }
    }
    s
}

/// The token of `text` with skeleton `latin`: its phonetic key and variants and its
/// consonant keys, class and role not yet told.
pub(crate) fn make_token(text: String, latin: String, hyphen_next: bool) -> NameToken {
    // The keys depend only on the text and skeleton, and a list repeats a small vocabulary
    // across its names: each thread remembers its recent tokens (a bounded cache, emptied
    // when full, so a long-running server's memory does not grow with its queries).
    TOKENS.with(|cache| {
        let mut cache = cache.borrow_mut();
        let TokenCache { key, tokens } = &mut *cache;
        key.clear();
        key.push_str(&text);
        // A skeleton is `[a-z0-9]`: the key reads back as (text, latin).
        key.push('\0');
        key.push_str(&latin);
        if let Some(keys) = tokens.get(key.as_str()) {
            return decode_keys(keys, text, latin, hyphen_next);
        }
        let token = make_token_uncached(text, latin, hyphen_next);
        if let Some(keys) = encode_keys(&token) {
            if tokens.len() >= TOKEN_CACHE_CAPACITY {
                tokens.clear();
            }
            tokens.insert(key.as_str().into(), keys);
        }
        token
    })
}

/// Most tokens a thread's [`make_token`] cache holds before it is emptied.
const TOKEN_CACHE_CAPACITY: usize = 1 << 16;

/// Ends a field of [`encode_keys`]; never in a key.
const FIELD_END: char = '\u{1}';
/// Separates the keys of a list field of [`encode_keys`]; never in a key.
const LIST_SEP: char = '\u{2}';

/// The keys [`make_token`] computed for `token` as one string (phonetic key, consonant key,
/// variants, consonant variants), a third of the memory of the token's fields; None when a
/// key holds a separator or a list holds an empty key (not cached: the string would not
/// read back as the token), or when the token is not of the class and role
/// [`decode_keys`] gives.
fn encode_keys(token: &NameToken) -> Option<Box<str>> {
    let lists = [&token.variants, &token.consonant_variants];
    let fields = [&token.phonetic, &token.consonants];
    let all = || fields.into_iter().chain(lists.into_iter().flatten());
    // What [`decode_keys`] restores as constants.
    if token.class != TokenClass::Name || token.role != TokenRole::Unknown || token.has_lower {
        return None;
    }
    if all().any(|k| k.contains([FIELD_END, LIST_SEP]))
        || lists.iter().flat_map(|l| l.iter()).any(String::is_empty)
    {
        return None;
    }
    let mut out = String::with_capacity(all().map(|k| k.len() + 1).sum());
    for field in fields {
        out.push_str(field);
        out.push(FIELD_END);
    }
    for list in lists {
        for (i, k) in list.iter().enumerate() {
            if i > 0 {
                out.push(LIST_SEP);
            }
            out.push_str(k);
        }
        out.push(FIELD_END);
    }
    Some(out.into())
}

/// The token of `text` and `latin` whose keys [`encode_keys`] wrote to `keys`.
fn decode_keys(keys: &str, text: String, latin: String, hyphen_next: bool) -> NameToken {
    let mut fields = keys.split(FIELD_END);
    let mut field = || fields.next().unwrap_or_default();
    let (phonetic, consonants) = (field().to_string(), field().to_string());
    let mut list = || -> Vec<String> {
        match field() {
            "" => Vec::new(),
            l => l.split(LIST_SEP).map(str::to_string).collect(),
        }
    };
    let (variants, consonant_variants) = (list(), list());
    unclassified_token(
        (text, latin, hyphen_next),
        phonetic,
        (consonants, variants, consonant_variants),
    )
}

/// A token with its keys, its class and role not yet told ([`make_token`]'s, computed or
/// remembered).
fn unclassified_token(
    (text, latin, hyphen_next): (String, String, bool),
    phonetic: String,
    (consonants, variants, consonant_variants): (String, Vec<String>, Vec<String>),
) -> NameToken {
    NameToken {
        text,
        latin,
        phonetic,
        class: TokenClass::Name,
        role: TokenRole::Unknown,
        variants,
        consonants,
        consonant_variants,
        hyphen_next,
        has_lower: false,
    }
}

/// A thread's remembered tokens: `text \0 latin` -> their keys ([`encode_keys`]), and the
/// key being looked up.
#[derive(Default)]
struct TokenCache {
    key: String,
    tokens: std::collections::HashMap<Box<str>, Box<str>>,
}

thread_local! {
    static TOKENS: std::cell::RefCell<TokenCache> = std::cell::RefCell::new(TokenCache::default());
}

fn make_token_uncached(text: String, latin: String, hyphen_next: bool) -> NameToken {
    // The `j` of a transliteration from Arabic script is ج (or ژ), never the glide й that
    // a final or preconsonantal Latin j may be: ارج Arj is not Ari.
    let phonetic = if text.chars().any(translit::is_arabic_script_char) {
        phonetic::key(
            &latin,
            phonetic::Reading {
                j_dzh: true,
                ..phonetic::Reading::default()
            },
        )
    } else {
        phonetic_key(&latin)
    };
    let variants = if is_latin_text(&text) {
        phonetic::variants_of(&latin, &phonetic)
    } else {
        translit::hangul_alternative(&text)
            .map(|alt| phonetic_key(&alt))
            .filter(|k| *k != phonetic)
            .into_iter()
            .collect()
    };
    let mut variants = variants;
    // Russian print mostly writes ё as е (Дёмин is published as Demin and Dyomin).
    if text.contains('ё') {
        let alt = latin_of(&text.replace('ё', "е"), Lang::detect(&text));
        let k = phonetic_key(&alt);
        if k != phonetic && !variants.contains(&k) {
            variants.push(k);
        }
    }
    if let Some(alt) = yo_alternative(&latin) {
        let k = phonetic_key(&alt);
        if k != phonetic && !variants.contains(&k) {
            variants.push(k);
        }
    }
    // Consonant classes (not `consonant_key(&phonetic)`): the phonetic rules read a
    // vowel-less abjad skeleton's adjacent letters as digraphs (مقیسه `mqish` -> `mkix`).
    let (mut consonants, consonant_variants) = translit::consonant_classes(&text, &latin);
    if consonants.is_empty() {
        // A vowel-only token (`a`, `ya`) keeps a key, as `consonant_key` does.
        consonants = consonant_key(&phonetic);
    }
    unclassified_token(
        (text, latin, hyphen_next),
        phonetic,
        (consonants, variants, consonant_variants),
    )
}

/// The other reading of a surname ending in -ев/-ёв: Russian print mostly writes ё as е, so
/// Королев is published as Korolev and Korolyov, Воробьев as Vorobyev and Vorobyov. Gives the
/// skeleton with `-ev(a)` and `-yov(a)` swapped, or None.
fn yo_alternative(latin: &str) -> Option<String> {
    let b = latin.as_bytes();
    // After ж ч ш щ Ukrainian writes the Russian ё as о (Усачова, Russian Усачёва, printed
    // Усачева): -ov(a) there reads -ev(a) too.
    let sibilant = |stem: &str| ["zh", "ch", "sh"].iter().any(|s| stem.ends_with(s));
    for (from, to) in [("ova", "eva"), ("ov", "ev")] {
        if let Some(stem) = latin
            .strip_suffix(from)
            .filter(|s| s.len() >= 3 && sibilant(s))
        {
            return Some(format!("{stem}{to}"));
        }
    }
    for (from, to) in [
        ("yova", "eva"),
        ("yov", "ev"),
        ("eva", "yova"),
        ("ev", "yov"),
    ] {
        if let Some(stem) = latin.strip_suffix(from) {
            let before = stem.as_bytes().last().copied();
            let consonant = before.is_some_and(|c| !b"aeiouy".contains(&c));
            if stem.len() >= 3 && consonant && b.len() > from.len() {
                return Some(format!("{stem}{to}"));
            }
        }
    }
    None
}

/// Analyses a name: normalise, split, classify and transliterate each token.
///
/// Roles (persons and unknown parties only, never when a legal form was found):
/// 1. a strong patronymic suffix (`-ovich`, `-ovna`, `-uly`, `-kyzy`, `-ugli`, `-ogly`, …)
///    makes a Patronymic; a strong family suffix (`-ov(a)`, `-ev(a)`, `-enko`, `-skiy`,
///    `-zoda`, `-yan`, `-dze`, `-shvili`, …) a Family name;
/// 2. when the name mixes cases, a word written in capitals is the Family name (the
///    convention of the UN, UK and many national lists: `ABDIROV Nurlan`);
/// 3. with no family name yet, a weak family suffix (`-in(a)`, `-ko`, …) counts on the first
///    or last name word only;
/// 4. with one patronymic and no family name in a three-word name, the order tells: last
///    patronymic → `Family Given Patronymic`; middle → `Given Patronymic Family`;
/// 5. the word before a patronymic is Given; when the family name is first or last, the other
///    unknown words are Given. Anything else stays Unknown;
/// 6. a Korean name of two or three Hangul syllables is Family (the first) and Given.
pub fn analyze(name: &str, hint: PartyHint) -> AnalyzedName {
    let mut han_org = false;
    let raw = split_raw(normalize::tokenize(name), hint, &mut han_org);
    let lex = lexicon();
    let lang = if raw.iter().any(|t| !t.text.is_ascii()) {
        match Lang::detect_chars(raw.iter().flat_map(|t| t.text.chars())) {
            Lang::Russian
                if raw
                    .iter()
                    .any(|t| BELARUSIAN_FORM_WORDS.contains(&t.text.as_str())) =>
            {
                Lang::Belarusian
            }
            l => l,
        }
    } else {
        Lang::Russian
    };
    let mut tokens: Vec<NameToken> = Vec::with_capacity(raw.len());
    let mut upper: Vec<bool> = Vec::with_capacity(raw.len());
    let any_lower = raw.iter().any(|t| t.has_lower);
    let cyrillic_name = lang != Lang::Persian && detect_script(name) == "Cyrl";
    let orgish = hint != PartyHint::Person;
    let mut i = 0;
    while i < raw.len() {
        // Dotted one-letter abbreviations that spell a legal form (L.L.C., S.A.).
        if orgish && raw[i].text.chars().count() == 1 {
            let mut j = i;
            let mut letters: Vec<String> = Vec::new();
            while j < raw.len() && raw[j].text.chars().count() == 1 && (j == i || raw[j - 1].dotted)
            {
                letters.push(latin_of(&raw[j].text, lang));
                j += 1;
            }
            // The longest leading run that spells a form: in `B.S.C. (c)` the run is b-s-c-c
            // and the form is its first three letters.
            let mut found = None;
            while j - i >= 2 {
                let joined = letters[..j - i].concat();
                if let Some(class) = lex.legal_one_word(&joined, i > 0 && j == raw.len()) {
                    found = Some((joined, class));
                    break;
                }
                j -= 1;
            }
            if let Some((joined, class)) = found {
                let text: String = raw[i..j].iter().map(|t| t.text.as_str()).collect();
                let mut t = make_token(text, joined, raw[j - 1].hyphen_next);
                t.has_lower = raw[i..j].iter().any(|r| r.has_lower);
                set_legal(&mut t, class);
                tokens.push(t);
                upper.push(false);
                i = j;
                continue;
            }
        }
        let r = &raw[i];
        // A one-letter Latin lookalike in a Cyrillic name (`Общество c ограниченной …` typed
        // with a Latin c) is the Cyrillic letter.
        let text = match translit::cyrillic_lookalike(&r.text) {
            Some(c) if cyrillic_name => c.to_string(),
            _ => r.text.clone(),
        };
        let han_word = han_org.then(|| han::word(&text)).flatten();
        let latin = match han_word {
            Some(w) if !w.reading.is_empty() => w.reading.to_string(),
            _ => latin_of(&text, lang),
        };
        let latin = match ordinal_number(&latin) {
            Some(number) => number.to_string(),
            None => latin,
        };
        let mut t = make_token(text, latin, r.hyphen_next);
        t.has_lower = r.has_lower;
        // Between two words of an organisation's name, an undotted и/i, y or e is the
        // conjunction "and" (Лукин и партнеры, Hermanos y Asociados), not a person's
        // initial: as an initial it met any word that starts with its letter. A dotted
        // letter (I. Petrov), one next to another function word (P AND I: protection and
        // indemnity) and one hyphened on (the Persian ezafe of ROYAY-E ROZ) are not.
        let plain_word = |n: &normalize::RawToken| {
            n.text.chars().count() > 1 && !acronym::is_function_word(&latin_of(&n.text, lang))
        };
        if hint == PartyHint::Organization
            && is_conjunction_letter(&t.latin)
            && !r.dotted
            && i > 0
            && !raw[i - 1].hyphen_next
            && !r.hyphen_next
            && raw.get(i + 1).is_some_and(plain_word)
            && plain_word(&raw[i - 1])
        {
            t.class = TokenClass::Stopword;
            t.add_variant("@and".to_string());
        }
        // The division and industry words of a Chinese company name say what kind of company
        // it is and where, not which: as light as the stopwords of a Latin name, and carrying
        // the concept key of their English gloss (电子 = electronics).
        if let Some(w) = han_word.filter(|w| w.kind != han::Kind::Legal) {
            t.class = TokenClass::Stopword;
            t.variants.extend(w.concept.iter().cloned());
        }
        tokens.push(t);
        upper.push(r.upper && any_lower);
        i += 1;
    }
    let mut has_legal = tokens
        .iter()
        .any(|t| matches!(t.class, TokenClass::LegalForm(_)));
    if orgish {
        has_legal |= collapse_legal_forms(&mut tokens, &mut upper);
    }
    // A name of unknown kind only with a legal form: `Nii` is also a Ga given name.
    if hint == PartyHint::Organization || (orgish && has_legal) {
        expand_abbreviations(&mut tokens, &mut upper, cyrillic_name);
    }
    // Titles: persons anywhere, unknown parties only as leading words.
    let mut leading = true;
    for t in tokens.iter_mut() {
        if t.class != TokenClass::Name {
            leading = false;
            continue;
        }
        let title_ok = match hint {
            PartyHint::Person => true,
            PartyHint::Unknown => leading && !has_legal,
            PartyHint::Organization => false,
        };
        if title_ok && lex.titles.contains(&t.latin) {
            t.class = TokenClass::Title;
            continue;
        }
        leading = false;
        if lex.particles.contains(&t.latin) {
            t.class = TokenClass::Particle;
        } else if orgish && lex.stopwords.contains(&t.latin) {
            t.class = TokenClass::Stopword;
        } else if t.text.chars().count() == 1
            && t.latin.len() == 1
            && t.text.chars().all(char::is_alphabetic)
            && !is_syllable_token(&t.text)
        {
            t.class = TokenClass::Initial;
        }
    }
    // A particle links the word after it (bin Laden, van Gogh): the last word of a name,
    // after another, has nothing to link and is a name (XU, Bin is Xu Bin, 徐斌; NGUYEN,
    // Van), which a particle's low weight would all but ignore. Not the particle of a
    // compound split apart (Abdul = abd-ul).
    if let [.., before, last] = tokens.as_mut_slice() {
        if last.class == TokenClass::Particle
            && before.class != TokenClass::Particle
            && !before.hyphen_next
        {
            last.class = TokenClass::Name;
        }
    }
    if hint != PartyHint::Organization && !has_legal {
        assign_roles(&mut tokens, &upper);
        assign_korean_roles(&mut tokens);
    }
    if hint != PartyHint::Person {
        add_loanword_variants(&mut tokens);
        add_english_reading_variants(&mut tokens);
        add_cognate_variants(&mut tokens);
    }
    add_concept_variants(&mut tokens, hint);
    if hint != PartyHint::Person {
        add_dedication_variants(&mut tokens);
    }
    if hint != PartyHint::Organization {
        add_belarusian_surname_variants(&mut tokens);
    }
    if lang == Lang::Belarusian {
        add_russian_reading_variants(&mut tokens, hint);
    }
    AnalyzedName {
        original: name.to_string(),
        script: detect_script(name),
        tokens,
        party: hint,
    }
}

/// The number of an English ordinal written in digits (`50th`, `3rd`, `21st`): one
/// publication of a name writes `Plant of the 50th Anniversary`, another `Plant of 50 Years`
/// or the Russian `50-летия`, where the number stands alone. The suffix says nothing the
/// number does not.
fn ordinal_number(latin: &str) -> Option<&str> {
    let digits = latin.trim_end_matches(|c: char| c.is_ascii_lowercase());
    let suffix = &latin[digits.len()..];
    (!digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(suffix, "st" | "nd" | "rd" | "th"))
    .then_some(digits)
}

/// The one-letter words that mean "and" in the lists' languages (Russian, Ukrainian and
/// the other Slavic languages и/i, Spanish y, Portuguese and Italian e), on their
/// canonical Latin.
fn is_conjunction_letter(latin: &str) -> bool {
    matches!(latin, "i" | "y" | "e")
}
