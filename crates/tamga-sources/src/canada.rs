//! Loader for Canada's Consolidated Special Economic Measures Act (SEMA)
//! list XML (root `<data-set>`, one flat `<record>` per listed party).
//!
//! # Ids
//!
//! The XML publishes no record id. A record is identified by its regime
//! (`Country`), `Schedule` and `Item` number, which together are unique and
//! stable between publications (Canada amends a schedule by adding items).
//! `source_id` is built from them as `<regime>/<schedule>/<item>`, each part
//! lower-cased with runs of non-alphanumeric characters turned into `-`
//! (the regime from its English half, before ` / `): e.g.
//! `russia/1-part-1/23`. Duplicates are reported like any other duplicate id.
//!
//! # Mapping
//!
//! `GivenName`/`LastName` → a person; `EntityOrShip` with a `ShipIMONumber`
//! → a vessel (with an `imo` identifier and its type from `TitleOrShip`);
//! otherwise an organisation. `DateOfBirthOrShipBuildDate` → birth dates
//! for persons (`YYYY[-MM[-DD]]`, `YYYY-YYYY` ranges, `A or B`), build year
//! for ships. `Aliases` is free text: it is split on `;`, ` / `, `, and`,
//! commas between names (not before a bare legal form, and for persons only
//! between names of two or more words),
//! and before language labels wherever they stand (`Russian: …`, `Arabic :`);
//! labels are removed, each piece
//! is read for alternatives (` or `, `(also known as …)`, layout line
//! breaks; see [`crate::alternatives`]), and the raw text is also kept in
//! `properties.aliases_raw`. `EntityOrShip` is read for alternatives the same
//! way (the first is the primary name, the others akas; the raw text goes to
//! `properties.name_raw` when the names read differ from it). `Country` and `Schedule`
//! → programs; `DateOfListing` → listed on. The file states no publication
//! date, so `published` is left empty.

use crate::alternatives;
use crate::inspect::detect_script;
use crate::xmlrec::{expect_root, for_each_record, Node, RecordPos, Records};
use crate::{LoadError, LoadOptions};
use std::path::Path;
use tamga_model::{
    BirthDate, Entity, EntityKind, EntityList, Identifier, Name, NameKind, NamePart, NamePartRole,
    Source,
};

/// Loads a Canada SEMA consolidated XML file.
pub fn load(path: &Path, options: &LoadOptions) -> Result<EntityList, LoadError> {
    let mut records = Records::new(options);
    let root = for_each_record(path, 1, |node, pos| {
        if node.name != "record" {
            return Ok(());
        }
        records.accept_with(path, &pos, read_record(path, &node, &pos), |id, first| {
            format!("duplicate record id {id} (regime/schedule/item; first at {first})")
        })
    })?;
    expect_root(path, &root, "data-set")?;
    records.into_list(path, Source::CaSema, crate::Format::CaSemaXml, None)
}

/// Lower-case, runs of non-alphanumerics → `-`, trimmed.
fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

/// The stable id of a record (see the module documentation).
pub fn record_id(regime: &str, schedule: &str, item: &str) -> String {
    let english = regime.split(" / ").next().unwrap_or(regime);
    format!("{}/{}/{}", slug(english), slug(schedule), slug(item))
}

fn read_record(path: &Path, node: &Node, pos: &RecordPos) -> Result<Entity, LoadError> {
    let missing = |field: &str| {
        LoadError::element(
            path,
            pos.offset,
            format!("{}/{field}", pos.path),
            format!("record without {field}"),
        )
    };
    let regime = node.text_of("Country").ok_or_else(|| missing("Country"))?;
    let item = node.text_of("Item").ok_or_else(|| missing("Item"))?;
    let schedule = node.text_of("Schedule").unwrap_or_default();
    let given = node
        .text_of("GivenName")
        .map(|t| alternatives::clean_layout(&t));
    let last = node
        .text_of("LastName")
        .map(|t| alternatives::clean_layout(&t));
    let entity_name = node.text_of("EntityOrShip");
    let imo = node.text_of("ShipIMONumber");
    let kind = if given.is_some() || last.is_some() {
        EntityKind::Person
    } else if imo.is_some() {
        EntityKind::Vessel
    } else if entity_name.is_some() {
        EntityKind::Organization
    } else {
        return Err(missing("GivenName, LastName or EntityOrShip"));
    };
    let mut entity = Entity::new(Source::CaSema, record_id(&regime, &schedule, &item), kind);
    if kind == EntityKind::Person {
        let mut parts = Vec::new();
        if let Some(g) = &given {
            parts.push(NamePart {
                role: NamePartRole::Given,
                value: g.clone(),
            });
        }
        if let Some(l) = &last {
            parts.push(NamePart {
                role: NamePartRole::Family,
                value: l.clone(),
            });
        }
        let full = parts
            .iter()
            .map(|p| p.value.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let mut name = Name::new(full, NameKind::Primary);
        name.script = detect_script(&name.full);
        name.parts = parts;
        entity.push_name(name);
        if let Some(title) = node.text_of("TitleOrShip") {
            entity.push_property("title", title);
        }
    } else if let Some(n) = entity_name {
        let names = alternatives::expand(&n, false);
        if names.len() != 1 || names[0] != n {
            entity.push_property("name_raw", n.as_str());
        }
        for (i, full) in names.into_iter().enumerate() {
            let kind = if i == 0 {
                NameKind::Primary
            } else {
                NameKind::Aka
            };
            let mut name = Name::new(full, kind);
            name.script = detect_script(&name.full);
            entity.push_name(name);
        }
        if let Some(t) = node.text_of("TitleOrShip") {
            let key = if kind == EntityKind::Vessel {
                "ship_type"
            } else {
                "title"
            };
            entity.push_property(key, t);
        }
    }
    if let Some(aliases) = node.text_of("Aliases") {
        let person = kind == EntityKind::Person;
        let names = split_aliases(&aliases, person)
            .into_iter()
            .flat_map(|alias| alternatives::expand(&alias, person));
        for alias in names {
            let mut name = Name::new(alias, NameKind::Aka);
            name.script = detect_script(&name.full);
            entity.push_name(name);
        }
        entity.push_property("aliases_raw", aliases);
    }
    if let Some(imo) = imo {
        entity.identifiers.push(Identifier {
            id_type: "imo".into(),
            number: imo,
            ..Identifier::default()
        });
    }
    if let Some(date) = node.text_of("DateOfBirthOrShipBuildDate") {
        if kind == EntityKind::Person {
            let parsed = parse_dates(&date);
            if parsed.is_empty() {
                entity.push_property("birth_date_unparsed", date);
            } else {
                entity.birth_dates = parsed;
            }
        } else {
            entity.push_property("build_date", date);
        }
    }
    let english = regime
        .split(" / ")
        .next()
        .unwrap_or(&regime)
        .trim()
        .to_string();
    entity.programs.push(english);
    if !schedule.is_empty() {
        entity.programs.push(format!("Schedule {schedule}"));
    }
    entity.push_property("regime", regime);
    entity.push_property("item", item);
    entity.listed_on = node.text_of("DateOfListing");
    Ok(entity)
}

/// Birth dates as published: `YYYY[-MM[-DD]]`, `YYYY-YYYY`, or several
/// joined by `or`.
fn parse_dates(text: &str) -> Vec<BirthDate> {
    let mut out = Vec::new();
    for part in text
        .split(" or ")
        .flat_map(|p| p.split(" OR "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let range = part.split_once('-').and_then(|(a, b)| {
            let (a, b) = (a.trim(), b.trim());
            (a.len() == 4 && b.len() == 4)
                .then(|| {
                    Some(BirthDate::Range {
                        from: a.parse().ok()?,
                        to: b.parse().ok()?,
                    })
                })
                .flatten()
        });
        if let Some(d) = range.or_else(|| BirthDate::parse_iso(part)) {
            if !out.contains(&d) {
                out.push(d);
            }
        }
    }
    out
}

/// Legal forms that follow an organisation's name after a comma
/// (`… Plant, JSC`): such a comma does not start a new alias.
const LEGAL_SUFFIXES: &[&str] = &[
    "jsc", "ojsc", "cjsc", "pjsc", "oao", "zao", "pao", "ooo", "ao", "llc", "llp", "ltd",
    "limited", "inc", "corp", "co", "plc", "gmbh", "sa", "srl", "bv", "ag", "fze", "fzco",
    // The Russian schedules write the Cyrillic form after the name the same way
    // (`Банк Зенит, ПАО`, `Рембаза, АО`).
    "ао", "оао", "зао", "пао", "нао", "ооо", "одо", "тоо",
];

/// Splits the free-text `Aliases` field into names (see module docs).
///
/// Separators: `;`, ` / `, a language label (`Russian:`, `Arabic :`)
/// wherever it stands, and commas. A comma separates two aliases of a
/// person only when both sides have two or more words (`LEVY, Yinon` is one
/// inverted name), and two aliases of an organisation unless what follows is
/// a bare legal form (`Obukhovskiy Plant, JSC`).
fn split_aliases(text: &str, person: bool) -> Vec<String> {
    let mut pieces: Vec<String> = vec![text.to_string()];
    for sep in [";", " / ", ", and "] {
        pieces = pieces
            .iter()
            .flat_map(|p| p.split(sep).map(str::to_string).collect::<Vec<_>>())
            .collect();
    }
    let mut out = Vec::new();
    for piece in pieces.iter().flat_map(|p| split_before_labels(p)) {
        let piece = label_end(piece.trim_start())
            .map_or(piece.trim(), |end| piece.trim_start()[end..].trim());
        out.extend(split_commas(piece, person));
    }
    out.into_iter()
        .map(|p| {
            p.trim_matches(|c: char| c == ',' || c.is_whitespace())
                .to_string()
        })
        .filter(|p| !p.is_empty())
        .collect()
}

/// Splits before every language label (see [`label_end`]) that follows a
/// space or a comma.
fn split_before_labels(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if i > start && (c == ' ' || c == ',') && label_end(text[i + 1..].trim_start()).is_some() {
            out.push(&text[start..i]);
            start = i + 1;
        }
    }
    out.push(&text[start..]);
    out
}

/// Splits one alias piece at the commas that separate names (see
/// [`split_aliases`]).
fn split_commas(text: &str, person: bool) -> Vec<String> {
    let words = |s: &str| s.split_whitespace().count();
    let mut out: Vec<String> = Vec::new();
    for chunk in text.split(',') {
        let joins = match out.last() {
            None => false,
            Some(prev) => {
                let bare = chunk
                    .trim()
                    .trim_end_matches('.')
                    .to_lowercase()
                    .replace('.', "");
                if chunk.trim().is_empty() {
                    true
                } else if person {
                    words(prev) < 2 || words(chunk) < 2
                } else {
                    LEGAL_SUFFIXES.contains(&bare.as_str())
                }
            }
        };
        match out.last_mut() {
            Some(prev) if joins => {
                prev.push(',');
                prev.push_str(chunk);
            }
            _ => out.push(chunk.to_string()),
        }
    }
    out
}

/// If `text` starts with a one-word label such as `Russian:` (or `Russian
/// :`), capitalised, the byte index just past the colon.
fn label_end(text: &str) -> Option<usize> {
    let colon = text.find(':')?;
    let label = text[..colon].trim_end();
    let capitalised = label.chars().next().is_some_and(char::is_uppercase);
    (capitalised && label.len() <= 20 && label.chars().all(char::is_alphabetic))
        .then_some(colon + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_split_on_separators_and_language_labels() {
        assert_eq!(
            split_aliases(
                "Belarusian: Юры Іванавіч ВАСІЛЕВІЧ, Russian: Юрий Иванович ВАСИЛЕВИЧ",
                true
            ),
            vec!["Юры Іванавіч ВАСІЛЕВІЧ", "Юрий Иванович ВАСИЛЕВИЧ"]
        );
        assert_eq!(
            split_aliases("Анастасия Михайловна Игнатова; Anastasiya Chemezova", true),
            vec!["Анастасия Михайловна Игнатова", "Anastasiya Chemezova"]
        );
        assert_eq!(split_aliases("RNRC, RNPK", false), vec!["RNRC", "RNPK"]);
        // A Cyrillic legal form after a comma belongs to the name before it.
        assert_eq!(
            split_aliases("Банк Зенит, ПАО", false),
            vec!["Банк Зенит, ПАО"]
        );
        assert_eq!(
            split_aliases(
                "VSC, VSK, Восточная Стивидорная Компания, ООО, ООО “ВСК”",
                false
            ),
            vec![
                "VSC",
                "VSK",
                "Восточная Стивидорная Компания, ООО",
                "ООО “ВСК”"
            ]
        );
        assert_eq!(
            split_aliases(
                "North Western Regional Center – Obukhovskiy Plant, JSC, NWRC",
                false
            ),
            vec![
                "North Western Regional Center – Obukhovskiy Plant, JSC",
                "NWRC"
            ]
        );
        assert_eq!(
            split_aliases(
                "LEVY, Yinon; Gennady Ivanovich Kudlasevich, Gennadiy Ivanovich Kudlasevich",
                true
            ),
            vec![
                "LEVY, Yinon",
                "Gennady Ivanovich Kudlasevich",
                "Gennadiy Ivanovich Kudlasevich"
            ]
        );
        assert_eq!(
            split_aliases("Ali Ahmed Karti Arabic: علي أحمد كرتي", true),
            vec!["Ali Ahmed Karti", "علي أحمد كرتي"]
        );
        assert_eq!(
            split_aliases(
                "Aндрэй Сяргеевiч Пальчык, Russian : Андрей Сергеевич Пальчик",
                true
            ),
            vec!["Aндрэй Сяргеевiч Пальчык", "Андрей Сергеевич Пальчик"]
        );
        assert_eq!(
            record_id("Russia / Russie", "1, Part 1", "23"),
            "russia/1-part-1/23"
        );
    }
}
