//! Name fields that hold more than one name.
//!
//! Some publishers write alternatives into one free-text name field: Canada's
//! SEMA list has `Анна Андреевна Пушкарева or Анна Андреевна Шейман`,
//! `Александр Владимирович Карниенко or Карниенка` (a second spelling of the
//! surname only), `Aleksandr Evgenyevich or Evgenievich Kon’kov` (of the
//! patronymic only), `Yaroslavl Radioworks (also known as Joint Stock Company
//! Yaroslav Radio Factory)`, and line breaks from the layout of the printed
//! schedule in the middle of names (`Almaz-⏎Antey`, `Joint⏎Stock`).
//! Screened as one string, such a field matches neither of the names it
//! holds: the other alternative's tokens count as unmatched. [`expand`] turns
//! the field into the names a reader sees in it ([`split_semicolons`] does the
//! same for the UN list's spellings separated by semicolons); loaders keep the raw text
//! as a property, so nothing published is lost.
//!
//! # Rules
//!
//! 1. Layout line breaks become spaces, except after a hyphen, where the
//!    word continues (`Almaz-⏎Antey` → `Almaz-Antey`).
//! 2. A trailing `(also known as X)` is split off: the name before it and
//!    `X` are both names.
//! 3. ` or ` separates alternatives. Each alternative is read against the
//!    name before it:
//!    * a single word replaces the *last* word of that name (`Карниенко or
//!      Карниенка`: a second surname spelling), unless that name is itself a
//!      single word (`Nikolay or Nikolai`: two names);
//!    * a name whose first word is one word on its own before ` or `
//!      (`Alexander, or Alexandr Valerievich Kalinin`) gives that name with
//!      its first word replaced, besides itself;
//!    * when the words on both sides of ` or ` are spellings of one word
//!      (same first letter, close in length and letters: `Evgenyevich or
//!      Evgenievich`), the alternation is of that one word: the name is read
//!      once with each;
//!    * otherwise the alternative is a whole name of its own.
//! 4. ` and ` separates alternatives only between names written in a
//!    non-Latin script: an English connector between, say, a Ukrainian and a
//!    Russian form (`Віталій … Булюк and Виталий … Булюк`) is the
//!    publisher's, never part of a name, while in Latin script `and` is part
//!    of many names (`Research and Production Association`).

/// The names of a field that lists several separated by semicolons (the UN list's
/// `Azim Adhajani; Azim Agha-Jani`): its non-empty, trimmed pieces, or the whole field when
/// it has none.
pub fn split_semicolons(text: &str) -> Vec<String> {
    let pieces: Vec<String> = text
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    if pieces.is_empty() {
        vec![text.to_string()]
    } else {
        pieces
    }
}

/// Normalises layout line breaks (rule 1 of the module docs) and runs of
/// whitespace to single spaces.
pub fn clean_layout(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            // A hyphen at a line break joins the two halves of one word.
            let hyphenated_break = (c == '\n' || c == '\r') && out.ends_with('-');
            pending_space |= !out.is_empty() && !hyphenated_break;
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
    out
}

/// The names a free-text name field holds (see the module docs), for a
/// person's field when `person` (single-word alternatives are then
/// spellings of one word of the name; for an organisation they are names of
/// their own: `Министерство финансов or МинФин`). The result has no
/// duplicates and is empty only for a field without words.
pub fn expand(text: &str, person: bool) -> Vec<String> {
    let text = clean_layout(text);
    let mut out: Vec<String> = Vec::new();
    let (main, aka) = split_also_known_as(&text);
    for piece in std::iter::once(main).chain(aka) {
        for name in expand_connectors(piece, person) {
            if !name.is_empty() && !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}

/// Splits a trailing `(also known as X)`.
fn split_also_known_as(text: &str) -> (&str, Option<&str>) {
    const MARK: &str = "(also known as ";
    // ASCII lower-casing keeps byte offsets, so a position found in the
    // folded copy is a position in `text`.
    let Some(at) = text.to_ascii_lowercase().find(MARK) else {
        return (text, None);
    };
    let inner = text[at + MARK.len()..].trim_end();
    let inner = inner.strip_suffix(')').unwrap_or(inner).trim();
    let main = text[..at].trim();
    if main.is_empty() || inner.is_empty() {
        (text, None)
    } else {
        (main, Some(inner))
    }
}

fn is_non_latin(text: &str) -> bool {
    let mut letters = 0;
    let mut latin = 0;
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        if c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c) {
            latin += 1;
        }
    }
    letters > 0 && latin * 2 < letters
}

/// Splits on ` or ` (and ` and ` between non-Latin names), reading each
/// alternative against the name before it (rule 3).
fn expand_connectors(text: &str, person: bool) -> Vec<String> {
    let segments: Vec<Vec<&str>> = split_connectors(text)
        .into_iter()
        .map(words)
        .filter(|w| !w.is_empty())
        .collect();
    let Some(first) = segments.first() else {
        return Vec::new();
    };
    let mut out: Vec<String> = Vec::new();
    // The name later single-word alternatives are read against, and whether
    // it still has to be emitted as it stands.
    let mut base: Vec<&str> = first.clone();
    let mut pending = true;
    for pair in segments.windows(2) {
        let (left, right) = (&pair[0], &pair[1]);
        if person && right.len() == 1 && base.len() > 1 {
            if pending {
                out.push(base.join(" "));
                pending = false;
            }
            let mut variant = base.clone();
            let last = variant.len() - 1;
            variant[last] = right[0];
            out.push(variant.join(" "));
        } else if person && left.len() == 1 && right.len() > 1 {
            // `Alexander, or Alexandr Valerievich Kalinin`: the lone word is
            // the first word's alternative, not a name of its own.
            if pending && base.len() > 1 {
                out.push(base.join(" "));
            }
            let mut variant = right.clone();
            variant[0] = left[0];
            out.push(right.join(" "));
            out.push(variant.join(" "));
            base = right.clone();
            pending = false;
        } else if left.len() > 1 && right.len() > 1 && same_word(left[left.len() - 1], right[0]) {
            let mut with_left = left.clone();
            with_left.extend_from_slice(&right[1..]);
            let mut with_right = left[..left.len() - 1].to_vec();
            with_right.extend_from_slice(right);
            out.push(with_left.join(" "));
            out.push(with_right.join(" "));
            base = with_right;
            pending = false;
        } else {
            if pending {
                out.push(base.join(" "));
            }
            base = right.clone();
            pending = true;
        }
    }
    if pending {
        out.push(base.join(" "));
    }
    out
}

/// Splits at the connectors of rules 3 and 4.
fn split_connectors(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    loop {
        let or = rest.find(" or ").map(|i| (i, 4));
        let and = rest
            .find(" and ")
            .map(|i| (i, 5))
            .filter(|&(i, _)| is_non_latin(&rest[..i]) && is_non_latin(&rest[i + 5..]));
        let next = match (or, and) {
            (Some(a), Some(b)) => Some(if a.0 <= b.0 { a } else { b }),
            (a, b) => a.or(b),
        };
        match next {
            Some((at, len)) => {
                out.push(&rest[..at]);
                rest = &rest[at + len..];
            }
            None => {
                out.push(rest);
                return out;
            }
        }
    }
}

/// Words of a segment, without the commas and spaces a connector leaves.
fn words(segment: &str) -> Vec<&str> {
    segment
        .trim_matches(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .split_whitespace()
        .collect()
}

/// Whether two words are spellings of one word: same first letter, lengths
/// within a third of each other, and at least two thirds of the longer
/// word's letters in common (as a multiset).
fn same_word(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().flat_map(char::to_lowercase).collect();
    let b: Vec<char> = b.chars().flat_map(char::to_lowercase).collect();
    if a.len() < 4 || b.len() < 4 || a.first() != b.first() {
        return false;
    }
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if short.len() * 3 < long.len() * 2 {
        return false;
    }
    let mut pool = long.clone();
    let mut common = 0;
    for c in short {
        if let Some(i) = pool.iter().position(|p| p == c) {
            pool.swap_remove(i);
            common += 1;
        }
    }
    common * 3 >= long.len() * 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_breaks_join_words() {
        assert_eq!(
            clean_layout(
                "North Western Regional Center of “Almaz-\nAntey” – Obukhovskiy Plant, JSC"
            ),
            "North Western Regional Center of “Almaz-Antey” – Obukhovskiy Plant, JSC"
        );
        assert_eq!(
            clean_layout("Joint\nStock  Company "),
            "Joint Stock Company"
        );
    }

    #[test]
    fn surname_alternative_replaces_the_last_word() {
        assert_eq!(
            expand("Александр Владимирович Карниенко or Карниенка", true),
            vec![
                "Александр Владимирович Карниенко",
                "Александр Владимирович Карниенка"
            ]
        );
        assert_eq!(
            expand("Сергей Евгеньевич Цивилев, or Цивилёв", true),
            vec!["Сергей Евгеньевич Цивилев", "Сергей Евгеньевич Цивилёв"]
        );
    }

    #[test]
    fn whole_names_and_word_alternations() {
        assert_eq!(
            expand("Наталья Браунинг or Наталья Тимченко", true),
            vec!["Наталья Браунинг", "Наталья Тимченко"]
        );
        assert_eq!(
            expand("Aleksandr Evgenyevich or Evgenievich Kon’kov", true),
            vec![
                "Aleksandr Evgenyevich Kon’kov",
                "Aleksandr Evgenievich Kon’kov"
            ]
        );
        assert_eq!(
            expand("Alexander, or Alexandr Valerievich Kalinin", true),
            vec![
                "Alexandr Valerievich Kalinin",
                "Alexander Valerievich Kalinin"
            ]
        );
        assert_eq!(
            expand("Nikolay or Nikolai", true),
            vec!["Nikolay", "Nikolai"]
        );
    }

    #[test]
    fn and_splits_only_between_non_latin_names() {
        assert_eq!(
            expand(
                "Віталій Вікторович Булюк and Виталий Викторович Булюк",
                true
            ),
            vec!["Віталій Вікторович Булюк", "Виталий Викторович Булюк"]
        );
        assert_eq!(
            expand("Research and Production Association", false),
            vec!["Research and Production Association"]
        );
    }

    #[test]
    fn also_known_as_is_a_second_name() {
        assert_eq!(
            expand(
                "Yaroslavl Radioworks (also known as Joint\nStock Company Yaroslav Radio Factory)",
                false
            ),
            vec![
                "Yaroslavl Radioworks",
                "Joint Stock Company Yaroslav Radio Factory"
            ]
        );
    }

    #[test]
    fn organisation_abbreviations_are_names_of_their_own() {
        assert_eq!(
            expand("Министерство финансов or МинФин", false),
            vec!["Министерство финансов", "МинФин"]
        );
        assert_eq!(
            expand(
                "Центральная избирательная комиссия Российской Федерации or ЦИК or Центризбирком",
                false
            ),
            vec![
                "Центральная избирательная комиссия Российской Федерации",
                "ЦИК",
                "Центризбирком"
            ]
        );
    }
}
