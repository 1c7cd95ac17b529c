//! Variant keys added to tokens after transliteration ([`NameToken::variants`]): other
//! readings of Russian, Belarusian and Ukrainian spellings, loanwords, dedications
//! (`named after`), cognates and organisation concepts. A variant only adds a key a token
//! may meet another by; it never replaces the token's own keys.

use crate::keys::is_abjad;
use crate::pipeline::latin_of;
use crate::roles::{patronymic_class, patronymic_stem_key};
use crate::script::is_arabic_script;
use crate::{
    cognate, english, lexicon, phonetic, phonetic::phonetic_key, translit, translit::Lang,
    NameToken, PartyHint, TokenClass, TokenRole,
};

/// Words of the Belarusian legal forms (ISO 20275 ELF code list, Belarus: ТАА, ААТ, ЗАТ,
/// таварыства), which only a Belarusian name contains: they tell the language of a name that
/// has none of the letters Belarusian alone writes (`ТАА Рухсерваматор`).
pub(crate) const BELARUSIAN_FORM_WORDS: [&str; 4] = ["таа", "аат", "зат", "таварыства"];

/// At most this many letters а of a Belarusian word are read back as о (2^n readings).
const AKANYE_MAX: usize = 3;

/// A Belarusian name in Cyrillic gets the phonetic keys of its Russian reading as variants,
/// because lists give the Russian form of the same name or word (Марозаў = Морозов, Аршанскі
/// = Оршанский, Алег = Олег). The Belarusian spelling differs from the Russian one by regular
/// correspondences of the two orthographies (Belarusian orthography rules of 2008, §§ on
/// аканне, ў, дзеканне/цеканне; any Belarusian grammar):
/// * ў (non-syllabic u) stands for в (Марозаў, Морозов);
/// * і is и, э is е (Парытэт, Паритет);
/// * дз and ц before a soft vowel or ь are д and т (Уладзімір, Владимир; Цітоў, Титов);
/// * аканне: an unstressed о is written а (Марозаў, Морозов), and the stress is not written,
///   so each of the first [`AKANYE_MAX`] letters а is read as а and as о;
/// * г is read g as in Russian (the canonical Belarusian reading is h).
///
/// In a name that is an organisation's, a place adjective's readings also give their place
/// (Аршанскі, Оршанский: Orsha), as [`place_adjective_bases`] does for Russian.
pub(crate) fn add_russian_reading_variants(tokens: &mut [NameToken], hint: PartyHint) {
    for t in tokens.iter_mut() {
        if !matches!(t.class, TokenClass::Name | TokenClass::Stopword)
            || !t.text.chars().any(|c| matches!(c, '\u{0400}'..='\u{04FF}'))
        {
            continue;
        }
        let chars: Vec<char> = t.text.chars().collect();
        let soft = |c: Option<&char>| matches!(c, Some('і' | 'е' | 'ё' | 'ю' | 'я' | 'ь'));
        let mut russian: Vec<char> = Vec::with_capacity(chars.len());
        let mut k = 0;
        while k < chars.len() {
            let c = chars[k];
            match c {
                'д' if chars.get(k + 1) == Some(&'з') && soft(chars.get(k + 2)) => {
                    russian.push('д');
                    k += 2;
                    continue;
                }
                'ц' if soft(chars.get(k + 1)) => russian.push('т'),
                'ў' => russian.push('в'),
                'і' => russian.push('и'),
                'э' => russian.push('е'),
                other => russian.push(other),
            }
            k += 1;
        }
        for word in akanye_readings(&russian, 'а', 'о') {
            let text: String = word.into_iter().collect();
            let latin = latin_of(&text, Lang::Russian);
            t.add_variant(phonetic_key(&latin));
            if hint == PartyHint::Organization && t.class == TokenClass::Name {
                for base in place_adjective_bases(&latin) {
                    let key = phonetic_key(&base);
                    if key.len() >= 4 {
                        t.add_variant(key);
                    }
                }
            }
        }
    }
}

/// A Belarusian word under аканне: its first [`AKANYE_MAX`] letters `a` each read as
/// written and as `o` (an unstressed о is written а, and the stress is not written), every
/// combination, the word as written first.
fn akanye_readings<T: Copy + PartialEq>(word: &[T], a: T, o: T) -> Vec<Vec<T>> {
    let a_at: Vec<usize> = (0..word.len())
        .filter(|&k| word[k] == a)
        .take(AKANYE_MAX)
        .collect();
    (0..1usize << a_at.len())
        .map(|mask| {
            let mut reading = word.to_vec();
            for (bit, &k) in a_at.iter().enumerate() {
                if mask & (1 << bit) != 0 {
                    reading[k] = o;
                }
            }
            reading
        })
        .collect()
}

/// Belarusian surnames end in -аў/-оў/-еў where Russian ones end in -ов/-ев (Жукаў,
/// Жуков); Latin renderings write ў as `u` (BGN/PCGN 1979 and the 2007 national system:
/// `Zhukau`, `Karpou`), two letters from the Russian `-ov`, too far for the edit path on a
/// short name. Such a token gets the phonetic key of its `-ov`/`-ev` form as a variant, in a
/// name that is East Slavic by another token (a patronymic, or a given name of
/// `data/given_names.tsv`, not the Arabic and Persian classes): West African names end in -ou too (Amadou, Saidou) and are not
/// Saidov. French `-eau` (Moreau) is not this ending.
pub(crate) fn add_belarusian_surname_variants(tokens: &mut [NameToken]) {
    let lex = lexicon();
    let east_slavic = tokens.iter().any(|t| {
        t.role == TokenRole::Patronymic
            || t.variants
                .iter()
                .any(|v| lex.east_slavic_classes.contains(v))
    });
    if !east_slavic {
        return;
    }
    for t in tokens.iter_mut() {
        if t.class != TokenClass::Name || !t.latin.is_ascii() || t.latin.len() < 5 {
            continue;
        }
        let russian = if let Some(stem) = t.latin.strip_suffix("eu") {
            format!("{stem}ev")
        } else if let Some(stem) = t
            .latin
            .strip_suffix("au")
            .or_else(|| t.latin.strip_suffix("ou"))
        {
            if stem.ends_with('e') {
                continue;
            }
            format!("{stem}ov")
        } else {
            continue;
        };
        // The stem is Belarusian too: дз for д before a soft vowel (Radzkou, Radkov) and
        // akanye а for an unstressed о (Marozau, Morozov), as in
        // [`add_russian_reading_variants`].
        let mut forms = vec![russian.clone()];
        if russian.contains("dz") {
            forms.push(russian.replace("dz", "d"));
        }
        for form in forms {
            for word in akanye_readings(form.as_bytes(), b'a', b'o') {
                t.add_variant(phonetic_key(&String::from_utf8_lossy(&word)));
            }
        }
    }
}

/// Russian renderings of English business words (`lizing` = leasing, see
/// `data/loanwords_ru_en.tsv`) get the English word's phonetic key as a variant.
pub(crate) fn add_loanword_variants(tokens: &mut [NameToken]) {
    for t in tokens.iter_mut() {
        if !matches!(t.class, TokenClass::Name | TokenClass::Stopword) {
            continue;
        }
        if let Some(k) = phonetic::loanword_key(&t.latin) {
            t.add_variant(k.to_string());
        }
    }
}

/// Most English readings ([`english::readings`]) a token keeps as variants: each is a key
/// the index files and probes.
const MAX_ENGLISH_READINGS: usize = 4;

/// Shortest word read by the English rules: a two-letter word is an abbreviation or a
/// function word far more often than a brand (`fly`, three letters, is read `flai`).
const ENGLISH_READING_MIN: usize = 3;

/// Longest acronym spelt out by its letters' names: a longer word in capitals is more often
/// a word (NEVA, ROSE) than letters.
const ACRONYM_SPELT_MAX: usize = 3;

/// Shortest key of an acronym spelt out by its letters' names: two short names make a
/// common short word or name (ELN read `elen` is the key of Allen; IT read `aiti`).
const SPELT_KEY_MIN: usize = 5;

/// A Latin word of a name that may be an organisation's gets the phonetic keys of its
/// English readings as variants (`data/english_reading.tsv`: `beeline` read `bilain`,
/// `precision` read `presizhn`), so an English brand or word meets the spelling another
/// script gives its sound, in that script (билайн) or romanised back (BILAIN). Not a word
/// the loanword table already reads: that table gives the English word itself. An acronym
/// of two or three capitals also gets the key of its letters' names read in a row
/// (`data/english_letter_names.tsv`: USM read `yuesem`, ЮЭСЭМ).
///
/// Each key is marked as a reading ([`crate::english_reading`]): it meets another token's
/// own phonetic key only, never another English reading, since two Latin words that English
/// would read alike (Adams, Idiams) are two spellings of nothing a list transcribed.
pub(crate) fn add_english_reading_variants(tokens: &mut [NameToken]) {
    for t in tokens.iter_mut() {
        if !matches!(t.class, TokenClass::Name | TokenClass::Stopword)
            || t.latin.len() < 2
            || !t.text.is_ascii()
            || !t.latin.bytes().all(|b| b.is_ascii_lowercase())
            || phonetic::loanword_key(&t.latin).is_some()
        {
            continue;
        }
        let keys = if t.latin.len() >= ENGLISH_READING_MIN {
            english::reading_keys(&t.latin, &t.phonetic, MAX_ENGLISH_READINGS)
        } else {
            Vec::new()
        };
        for key in keys {
            t.add_variant(key);
        }
        // An acronym written in capitals is spelt out by its letters' names
        // (`data/english_letter_names.tsv`: USM = ЮЭСЭМ, YUESEM).
        if !t.has_lower && (2..=ACRONYM_SPELT_MAX).contains(&t.latin.len()) {
            if let Some(names) = english::letter_names(&t.latin) {
                let key = phonetic_key(&names);
                if key.len() >= SPELT_KEY_MIN && key != t.phonetic {
                    t.add_variant(english::marked_reading(&key));
                }
            }
        }
    }
}

/// The person an organisation is named after is in the genitive after Russian and Ukrainian
/// имени / им. / імені (`завод имени Лебедева`, `institut im. P.P. Shirshova`), in the
/// nominative in the English name (`Lebedev Institute`, `named after Lebedev`). The first
/// two name words of the dedication get the phonetic keys of their nominative forms as
/// variants, by the regular masculine genitive endings of Russian and Ukrainian nouns and
/// surnames (Wiktionary, "Russian nouns" and "Russian adjectives" declension tables;
/// Розенталь, Справочник по правописанию, §§ on surnames in -ов/-ин/-ский):
/// consonant + а (Лебедева → Лебедев, Гагарина → Гагарин), vowel + я (Алексея → Алексей),
/// consonant + я (Игоря → Игорь), -ого/-его (Дзержинского → Дзержинский).
pub(crate) fn add_dedication_variants(tokens: &mut [NameToken]) {
    let Some(marker) = tokens.iter().position(|t| {
        t.class == TokenClass::Stopword && matches!(t.latin.as_str(), "imeni" | "im")
    }) else {
        return;
    };
    let words = tokens[marker + 1..]
        .iter_mut()
        .filter(|t| t.class != TokenClass::Initial)
        .take(2);
    for t in words.filter(|t| t.class == TokenClass::Name) {
        for base in genitive_nominatives(&t.latin) {
            t.add_variant(phonetic_key(&base));
        }
    }
}

/// The nominative forms a masculine Russian genitive (canonical Latin) may stand for; none
/// when the word has no genitive ending or the stem would be shorter than three letters.
fn genitive_nominatives(latin: &str) -> Vec<String> {
    let ends_in_vowel = |stem: &str| stem.bytes().last().is_some_and(phonetic::is_vowel_or_y);
    let mut out = Vec::new();
    for (ending, replacements) in [("ogo", &["iy", "oy"][..]), ("ego", &["iy"][..])] {
        if let Some(stem) = latin.strip_suffix(ending).filter(|s| s.len() >= 3) {
            out.extend(replacements.iter().map(|r| format!("{stem}{r}")));
            return out;
        }
    }
    if let Some(stem) = latin.strip_suffix("ya").filter(|s| s.len() >= 3) {
        // Алексея → Алексей (the й is written y), Игоря → Игорь.
        if ends_in_vowel(stem) {
            out.push(format!("{stem}y"));
        } else {
            out.push(stem.to_string());
        }
        return out;
    }
    if let Some(stem) = latin.strip_suffix('a').filter(|s| s.len() >= 3) {
        if !ends_in_vowel(stem) {
            out.push(stem.to_string());
        }
    }
    out
}

/// International words of an organisation name (`data/cognates.tsv`) get their cognate key
/// as a variant, so one word in two languages' spelling and inflection meets itself
/// (`okeanologii` = oceanology, `profesyoneller` = professionals).
pub(crate) fn add_cognate_variants(tokens: &mut [NameToken]) {
    for t in tokens.iter_mut() {
        if !matches!(t.class, TokenClass::Name | TokenClass::Stopword) {
            continue;
        }
        for k in cognate::cognate_keys(&t.latin) {
            t.add_variant(k);
        }
    }
}

/// Organisation words (`data/org_terms.tsv`, names that may be organisations) and East Slavic
/// given names (`data/given_names.tsv`, names that may be persons) get their concept key as an
/// extra variant, so a translated word (завод, plant) or another language's form of a given
/// name (Uladzimir, Vladimir) meets its counterpart.
pub(crate) fn add_concept_variants(tokens: &mut [NameToken], hint: PartyHint) {
    let lex = lexicon();
    for t in tokens.iter_mut() {
        if !matches!(t.class, TokenClass::Name | TokenClass::Stopword) {
            continue;
        }
        // English inflection of a Latin organisation word (lotteries, lottery; technological,
        // technology): the base forms' keys are variants, and a base form's concept key stands
        // for the word's when the word itself has none (charities -> charity -> @charitable).
        let english_bases = if hint != PartyHint::Person && t.text.is_ascii() {
            english_base_forms(&t.latin)
        } else {
            Vec::new()
        };
        let key = if hint != PartyHint::Person {
            lex.concept(&t.latin)
                .or_else(|| english_bases.iter().find_map(|b| lex.concept(b)))
                .or_else(|| english_s_form_concept(t))
        } else {
            None
        };
        for base in &english_bases {
            t.add_variant(phonetic_key(base));
        }
        let mut key = key.map(str::to_string);
        if key.is_none() && hint != PartyHint::Organization && is_arabic_script(&t.text) {
            key = lex.abjad_given_classes.get(&*t.latin).cloned();
        }
        if key.is_none() && hint != PartyHint::Organization {
            let class_key = lexicon::given_class_key(&t.latin, &t.phonetic);
            key = lex
                .heads
                .contains(&lexicon::head3(&class_key))
                .then(|| lex.given_classes.get(&class_key).cloned())
                .flatten()
                .filter(|k| spells_given_class(t, k))
                .or_else(|| patronymic_class(&t.latin));
        }
        if key.is_none() && hint == PartyHint::Organization && t.class == TokenClass::Name {
            let russian_bases = place_adjective_bases(&t.latin)
                .into_iter()
                .chain(ical_adjective_bases(&t.latin));
            for base in russian_bases {
                let k = phonetic_key(&base);
                if k.len() >= 4 {
                    t.add_variant(k);
                }
            }
        }
        if let Some(k) = key {
            t.add_variant(k);
        } else if hint != PartyHint::Organization && t.class == TokenClass::Name {
            // A short form (Sasha) stands for each full name it is listed under; it gets
            // all their keys, and they stay apart from each other.
            if lex.heads.contains(&lexicon::head3(&t.latin)) {
                for k in lex.short_forms.get(&*t.latin).into_iter().flatten() {
                    if spells_given_class(t, k) {
                        t.add_variant(k.clone());
                    }
                }
            }
        }
        if hint != PartyHint::Organization && t.class == TokenClass::Name {
            for k in compound_heads(t) {
                t.add_variant(k);
            }
            if let Some(k) = patronymic_stem_key(&t.latin) {
                t.add_variant(k);
            }
        }
    }
    // A concept English writes as two words (machine building, instrument making) and
    // Russian as one (машиностроительный): both words get the key marked as a part
    // (`@machinebuilding+`), and the scorer's joined path pairs them with the one word.
    if hint != PartyHint::Person {
        for i in 1..tokens.len() {
            let (head, tail) = tokens.split_at_mut(i);
            let (a, b) = (&mut head[i - 1], &mut tail[0]);
            if !matches!(a.class, TokenClass::Name | TokenClass::Stopword)
                || !matches!(b.class, TokenClass::Name | TokenClass::Stopword)
            {
                continue;
            }
            // Whole entries only: a stem would read `institute of` as a form of институт.
            let joined = format!("{}{}", a.latin, b.latin);
            if let Some(k) = lex.concept_words.get(&joined) {
                // Marked `+` (a part, not the concept): `machine` alone is not машиностроительный.
                let part = format!("{k}+");
                for t in [a, b] {
                    t.add_variant(part.clone());
                }
            }
        }
    }
}

/// The concept key of a Latin organisation word written with the English possessive or
/// plural -s (`IRAN'S` = Iran: the tokeniser drops an apostrophe between letters, so the
/// possessive is `irans`; `banks` = bank). Spelling already lets the two forms meet (one
/// edit); the concept key lets the -s form meet the word's translation (Iran's ~ иранский).
/// Not after another s (`business`, `swiss`), and the base keeps four letters, so short words
/// (`gas`, `arms`, `news`) are not read as a shorter one.
fn english_s_form_concept(t: &NameToken) -> Option<&'static str> {
    if !t.text.is_ascii() {
        return None;
    }
    let base = t
        .latin
        .strip_suffix('s')
        .filter(|b| b.len() >= 4 && !b.ends_with('s'))?;
    lexicon().concept(base)
}

/// Shortest first part of a theophoric compound given name that is a name of its own (Nur,
/// Ala of Nuriddin, Alaeddine); a shorter one (`M` of Mullah) is no name.
const COMPOUND_HEAD_MIN: usize = 3;

/// The compound-head keys of a given name written as one theophoric compound
/// (`data/given_name_compounds.tsv`: Ghodratollah, Nasiruddin): `@c:` + the phonetic key of
/// its first part (`@c:gudrat`) and `@c:` + the first part's given-name class key when it has
/// one (`@c:@g:nasir`). The scorer matches a head with the first part written alone
/// (Ghodrat), never with another compound's head. Latin spellings only: a word in an abjad
/// writes no short vowels, so an ending cannot be read off its skeleton.
fn compound_heads(t: &NameToken) -> Vec<String> {
    let lex = lexicon();
    if !t.latin.bytes().all(|b| b.is_ascii_lowercase()) || is_abjad(&t.text) {
        return Vec::new();
    }
    let Some(head) = lex
        .compound_endings
        .iter()
        .find_map(|e| t.latin.strip_suffix(e.as_str()))
    else {
        return Vec::new();
    };
    // `Abd` is "servant (of)": Abdullah is one name, and `Abd` alone none.
    if head.len() < COMPOUND_HEAD_MIN || head == "abd" {
        return Vec::new();
    }
    let phonetic = phonetic_key(head);
    let mut out = vec![format!("@c:{phonetic}")];
    let class_key = lexicon::given_class_key(head, &phonetic);
    if let Some(class) = lex.given_classes.get(&class_key) {
        out.push(format!("@c:{class}"));
    }
    out
}

/// Whether a token may carry the given-name class key `key` (`@g:muhammad`) its phonetic key
/// found. The classes list Latin spellings, abbreviations among them (Mohd for Muhammad); a
/// token written in an abjad is read without its short vowels, so its transliteration can
/// coincide with such a spelling while the script writes other consonants (موحد Movahed,
/// read `muhd`, is not Mohd). The script writes every consonant of a name: an abjad token
/// is of the class only if one of its consonant keys is that of the class's name.
fn spells_given_class(t: &NameToken, key: &str) -> bool {
    if !is_abjad(&t.text) {
        return true;
    }
    let Some(name) = key.strip_prefix("@g:") else {
        return true;
    };
    let (class, _) = translit::consonant_classes(name, name);
    t.consonant_keys().any(|k| k == class)
}

/// Shortest English word (in letters) whose inflection is undone by [`english_base_forms`]:
/// shorter words (Davies, Torres) are surnames more often than vocabulary, and their base
/// form's phonetic key, looser than an edit, would let them meet other names.
const ENGLISH_BASE_MIN: usize = 7;

/// The base forms an English organisation word is inflected or derived from, by the regular
/// suffix rules of English morphology (any English grammar, e.g. Quirk et al., *A
/// Comprehensive Grammar of the English Language*, § 5.83 on regular plurals and appendix I
/// on -al/-ic/-ical derivation):
/// * plurals in -ies -> -y (lotteries, lottery) and in -es after a sibilant (businesses,
///   business; branches, branch); a plain -s is one edit, which the scorer already allows;
/// * adjectives in -ical / -ic / -ial from nouns in -y and -ic (technological, technology;
///   optical, optic; economic, economy; industrial, industry), and -ional from the noun in
///   -ion (regional, region; national, nation);
/// * adjectives of country in -ian / -ean from the country's name (Iranian, Iran; Austrian,
///   Austria; Korean, Korea).
///
/// The two forms of one word differ by more letters than the edit allowance (lotteries and
/// lottery are three edits apart), so the phonetic keys of these bases are given as variants
/// and both forms meet on them. Organisation names only (a personal name is not inflected).
fn english_base_forms(latin: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if latin.len() < ENGLISH_BASE_MIN || !latin.bytes().all(|b| b.is_ascii_lowercase()) {
        return out;
    }
    let mut push = |s: String| {
        if s.len() >= 4 && s != latin && !out.contains(&s) {
            out.push(s);
        }
    };
    if let Some(stem) = latin.strip_suffix("ies") {
        push(format!("{stem}y"));
    } else if let Some(stem) = latin
        .strip_suffix("es")
        .filter(|s| s.ends_with("ss") || s.ends_with("ch") || s.ends_with("sh") || s.ends_with('x'))
    {
        push(stem.to_string());
    }
    if let Some(stem) = latin.strip_suffix("ical") {
        push(format!("{stem}ic"));
        push(format!("{stem}y"));
    } else if let Some(stem) = latin.strip_suffix("ic") {
        push(format!("{stem}y"));
    } else if let Some(stem) = latin.strip_suffix("ial") {
        push(format!("{stem}y"));
    } else if let Some(stem) = latin.strip_suffix("al").filter(|s| s.ends_with("ion")) {
        push(stem.to_string());
    } else if let Some(stem) = latin.strip_suffix("ian") {
        push(stem.to_string());
        push(format!("{stem}ia"));
    } else if let Some(stem) = latin.strip_suffix("ean") {
        push(format!("{stem}ea"));
    }
    out
}

/// The English adjective a Russian or Ukrainian adjective in -ический/-ічний renders:
/// геологическая (geologicheskaya) -> geological, geologic; технічний -> technical. Russian
/// forms these adjectives from the same Greek and Latin stems as English -ic/-ical (any
/// Russian-English dictionary: химический chemical, электронный… электрический electric),
/// so the stem is kept and the ending swapped.
fn ical_adjective_bases(latin: &str) -> Vec<String> {
    const ENDINGS: [&str; 20] = [
        "icheskaya",
        "icheskaia",
        "icheskiy",
        "icheskii",
        "ichesky",
        "icheskoe",
        "icheskoye",
        "icheskogo",
        "icheskoy",
        "icheskoi",
        "icheskikh",
        "icheskie",
        "icheskiye",
        "ichnyi",
        "ichnyy",
        "ichna",
        "ichne",
        "ichnoho",
        "ichnykh",
        "ichnoi",
    ];
    match ENDINGS.iter().find_map(|e| latin.strip_suffix(e)) {
        Some(stem) if stem.len() >= 3 => vec![format!("{stem}ical"), format!("{stem}ic")],
        _ => Vec::new(),
    }
}

/// The place a Russian/Ukrainian relational adjective is formed from, as an organisation's
/// name writes it in English: Ковровский (kovrovskiy) -> Kovrov, Челябинский -> Chelyabinsk,
/// Марийский -> Mari. Gives the stem with and without `sk` (and without a final y/i).
fn place_adjective_bases(latin: &str) -> Vec<String> {
    // Russian and Ukrainian endings, and (in a Russian reading) Belarusian -скі.
    const ENDINGS: [&str; 15] = [
        "skiy", "skii", "skyi", "sky", "skaya", "skaia", "skoe", "skoye", "skogo", "skoy", "skoi",
        "skikh", "skie", "skiye", "ski",
    ];
    let Some(stem) = ENDINGS.iter().find_map(|e| latin.strip_suffix(e)) else {
        return Vec::new();
    };
    if stem.len() < 2 {
        return Vec::new();
    }
    // Омский -> Omsk: a two-letter stem gives only the form with `sk`.
    let mut out = vec![format!("{stem}sk")];
    if stem.len() < 3 {
        return out;
    }
    out.push(stem.to_string());
    // Миасский -> Miass, Улан-Удэнский -> Ude: the place's own final s or the -n- of -нский.
    if stem.ends_with('s') {
        out.push(format!("{stem}s"));
    }
    if let Some(s) = stem.strip_suffix('n').filter(|s| s.len() >= 2) {
        out.push(s.to_string());
    }
    if let Some(s) = stem.strip_suffix(['y', 'i']).filter(|s| s.len() >= 3) {
        out.push(s.to_string());
    }
    // Чукотский -> Чукотка, Камчатский -> Камчатка: a place in -ка drops it before -ский.
    if stem.ends_with(|c: char| !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')) {
        out.push(format!("{stem}ka"));
    }
    // A place in -а after two consonants takes a fleeting vowel о/е between them before
    // -ский (Вологда -> вологодский, Москва -> московский, Коломна -> коломенский), and г
    // alternates with ж (Калуга -> калужский, Рига -> рижский); Русская грамматика (АН СССР,
    // 1980), the fleeting vowels and the г/ж alternation of adjective formation.
    let b = stem.as_bytes();
    if let [.., c1, v, c2] = b {
        if stem.len() >= 5
            && !phonetic::is_vowel_or_y(*c1)
            && matches!(v, b'o' | b'e')
            && !phonetic::is_vowel_or_y(*c2)
        {
            let head = &stem[..stem.len() - 2];
            out.push(format!("{head}{}a", char::from(*c2)));
        }
    }
    if let Some(head) = stem.strip_suffix("zh").filter(|h| h.len() >= 3) {
        out.push(format!("{head}ga"));
    }
    out
}
