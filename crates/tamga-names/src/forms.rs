//! Organisation words: Russian organisation-type abbreviations written out as the words they
//! abbreviate, and multi-word legal forms collapsed into one [`TokenClass::LegalForm`] token.

use crate::pipeline::make_token;
use crate::{lexicon, phonetic::phonetic_key, NameToken, TokenClass};

/// Russian organisation-type abbreviations (НИИ, ОКБ, НПО, УК; `data/ru_abbreviations.tsv`)
/// written out as the words they abbreviate, so that `АО НИИ «Вектор»` meets `Joint Stock
/// Company Scientific Research Institute Vektor` and `Научно-исследовательский институт
/// Вектор` word by word: the words carry their concept keys (`data/org_terms.tsv`) and
/// romanisations. In a name written in Latin the words are written as their skeletons. A
/// two-letter abbreviation is read only as the first word (legal forms aside) of a
/// Russian-language name: written in Cyrillic, or with a legal form the table writes in
/// Cyrillic (`UK RFPI, OOO`, not `GKR UK OOO` or `PCC (UK) LTD`). Called for organisations'
/// names, and for names of unknown kind that have a legal form.
pub(crate) fn expand_abbreviations(
    tokens: &mut Vec<NameToken>,
    upper: &mut Vec<bool>,
    cyrillic_name: bool,
) {
    let lex = lexicon();
    if lex.abbreviations.is_empty() {
        return;
    }
    let russian = cyrillic_name
        || tokens.iter().any(|t| {
            matches!(t.class, TokenClass::LegalForm(_)) && lex.cyrillic_forms.contains(&t.latin)
        });
    // The first word that is not a legal form: where Russian names put the kind of
    // organisation (`УК «РФПИ»`, `АО ПО «Уралэнергомонтаж»`).
    let lead = tokens
        .iter()
        .position(|t| !matches!(t.class, TokenClass::LegalForm(_)));
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let short_ok = russian && lead == Some(i);
        let words = (t.class == TokenClass::Name
            && t.latin.len() <= lex.abbreviation_len
            && (short_ok || t.latin.len() > 2))
            .then(|| lex.abbreviations.get(&t.latin))
            .flatten();
        let Some(words) = words else {
            i += 1;
            continue;
        };
        let latin_script = t.text.is_ascii();
        let last_hyphen = t.hyphen_next;
        let n = words.len();
        let expanded: Vec<NameToken> = words
            .iter()
            .enumerate()
            .map(|(k, w)| {
                let text = if latin_script { &w.latin } else { &w.text };
                let hyphen = if k + 1 == n {
                    last_hyphen
                } else {
                    w.hyphen_next
                };
                let mut e = make_token(text.clone(), w.latin.clone(), hyphen);
                // Words, not initials: never read as an acronym.
                e.has_lower = true;
                // They say what kind of organisation it is, not which (`OKB Sukhoi` is not
                // `OKB Yakovlev`): as light as the generic words of `data/stopwords.txt`.
                e.class = TokenClass::Stopword;
                e
            })
            .collect();
        tokens.splice(i..=i, expanded);
        upper.splice(i..=i, std::iter::repeat_n(false, n));
        i += n;
    }
}

/// Collapses multi-word legal forms into one token and classes one-word forms; returns
/// whether any legal form was found.
pub(crate) fn collapse_legal_forms(tokens: &mut Vec<NameToken>, upper: &mut Vec<bool>) -> bool {
    let lex = lexicon();
    let mut found = false;
    // A dotted form already read as one legal form (`S.A.`, `C.V.`) keeps its own key here, so
    // that it can still start or continue a longer form (`S.A. de C.V.`, `S.A.L. Offshore`).
    let form_key = |t: &NameToken| match t.class {
        TokenClass::LegalForm(_) => phonetic_key(&t.latin),
        _ => t.phonetic.clone(),
    };
    let mut i = 0;
    while i < tokens.len() {
        let mut matched = None;
        if lex.legal_first.contains(&form_key(&tokens[i])) {
            let max = lex.legal_max.min(tokens.len() - i);
            let mut key = String::new();
            for len in (2..=max).rev() {
                key.clear();
                for (k, t) in tokens[i..i + len].iter().enumerate() {
                    if k > 0 {
                        key.push(' ');
                    }
                    key.push_str(&form_key(t));
                }
                if let Some(class) = lex.legal_multi.get(&key) {
                    matched = Some((len, class.clone()));
                    break;
                }
            }
            if matched.is_none() {
                let end = (i + lex.legal_max).min(tokens.len());
                let keys: Vec<String> = tokens[i..end].iter().map(form_key).collect();
                let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
                matched = lexicon::fuzzy_form_len(lex, &keys).map(|(n, c)| (n, c.to_string()));
            }
        }
        if let Some((len, class)) = matched {
            let parts: Vec<NameToken> = tokens.drain(i..i + len).collect();
            upper.drain(i..i + len);
            let text = parts
                .iter()
                .map(|t| t.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let latin: String = parts.iter().map(|t| t.latin.as_str()).collect();
            let hyphen = parts.last().is_some_and(|t| t.hyphen_next);
            let mut t = make_token(text, latin, hyphen);
            set_legal(&mut t, &class);
            tokens.insert(i, t);
            upper.insert(i, false);
            found = true;
        } else if matches!(tokens[i].class, TokenClass::LegalForm(_)) {
            found = true;
        } else if let Some(class) =
            lex.legal_one_word(&tokens[i].latin, i > 0 && i + 1 == tokens.len())
        {
            set_legal(&mut tokens[i], class);
            found = true;
        }
        i += 1;
    }
    found
}

/// Makes a token a legal form of `class`: its keys become the class (see [`NameToken::phonetic`]).
pub(crate) fn set_legal(t: &mut NameToken, class: &str) {
    t.class = TokenClass::LegalForm(class.to_string());
    t.phonetic = class.to_string();
    t.consonants = class.to_string();
    t.consonant_variants.clear();
    t.variants.clear();
}
