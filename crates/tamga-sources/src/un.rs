//! Loader for the UN Security Council consolidated list XML
//! (`consolidated.xml`, root `<CONSOLIDATED_LIST dateGenerated=…>`).
//!
//! Mapping: `DATAID` → `source_id`; `FIRST_NAME`..`FOURTH_NAME` → the
//! primary name and its parts (the UN does not say which part is the family
//! name, so only the first is marked `given`); `NAME_ORIGINAL_SCRIPT` → an
//! original-script name; `*_ALIAS` by `QUALITY` (`Good`/`a.k.a.` strong aka,
//! `Low` weak aka, `f.k.a.` fka); `INDIVIDUAL_DATE_OF_BIRTH` by
//! `TYPE_OF_DATE` (`EXACT`, `APPROXIMATELY`, `BETWEEN`); `UN_LIST_TYPE` and
//! `REFERENCE_NUMBER` → programs; `COMMENTS1` → remarks. Fields without a
//! typed home (designation, title, list type, last update, notes) go to
//! `properties`.

use crate::alternatives;
use crate::inspect::detect_script;
use crate::xmlrec::{expect_root, for_each_record, iso_date_part, Node, RecordPos, Records};
use crate::{LoadError, LoadOptions};
use std::path::Path;
use tamga_model::{
    Address, BirthDate, Entity, EntityKind, EntityList, Identifier, Name, NameKind, NamePart,
    NamePartRole, Source,
};

/// Loads a UN SC consolidated list XML file.
pub fn load(path: &Path, options: &LoadOptions) -> Result<EntityList, LoadError> {
    let mut records = Records::new(options);
    let root = for_each_record(path, 2, |node, pos| {
        let kind = match node.name.as_str() {
            "INDIVIDUAL" => EntityKind::Person,
            "ENTITY" => EntityKind::Organization,
            other => {
                return records.problems.record(LoadError::element(
                    path,
                    pos.offset,
                    &pos.path,
                    format!("unexpected element <{other}>: expected INDIVIDUAL or ENTITY"),
                ))
            }
        };
        records.accept(path, &pos, read_entry(path, &node, &pos, kind), "DATAID")
    })?;
    expect_root(path, &root, "CONSOLIDATED_LIST")?;
    records.into_list(
        path,
        Source::UnSc,
        crate::Format::UnXml,
        root.attr("dateGenerated").map(|d| iso_date_part(&d)),
    )
}

fn values(node: &Node, name: &str) -> Vec<String> {
    node.children_named(name)
        .flat_map(|c| c.children_named("VALUE").filter_map(Node::own_text))
        .collect()
}

fn read_entry(
    path: &Path,
    node: &Node,
    pos: &RecordPos,
    kind: EntityKind,
) -> Result<Entity, LoadError> {
    let id = node.text_of("DATAID").ok_or_else(|| {
        LoadError::element(
            path,
            pos.offset,
            format!("{}/DATAID", pos.path),
            "missing DATAID",
        )
    })?;
    let mut entity = Entity::new(Source::UnSc, id, kind);

    // Primary name from its parts.
    let roles = [
        ("FIRST_NAME", NamePartRole::Given),
        ("SECOND_NAME", NamePartRole::Other),
        ("THIRD_NAME", NamePartRole::Other),
        ("FOURTH_NAME", NamePartRole::Other),
    ];
    let parts: Vec<NamePart> = roles
        .iter()
        .filter_map(|(field, role)| {
            node.text_of(field)
                .map(|value| NamePart { role: *role, value })
        })
        .collect();
    if parts.is_empty() {
        return Err(LoadError::element(
            path,
            pos.offset,
            format!("{}/FIRST_NAME", pos.path),
            "record has no name",
        ));
    }
    let full = parts
        .iter()
        .map(|p| p.value.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    // An entity's one FIRST_NAME may hold two names separated by a semicolon
    // (`COMPAGNIE AERIENNE DES GRANDS LACS (CAGL) ; GREAT LAKES BUSINESS COMPANY (GLBC)`):
    // the first is the primary name, the others aliases, and the field is kept as published.
    let mut names = match alternatives::split_semicolons(&full) {
        pieces if parts.len() == 1 && pieces.len() > 1 => {
            entity.push_property("name_as_published", full);
            pieces
        }
        _ => vec![full],
    };
    let others = names.split_off(1);
    let mut primary = Name::new(names.remove(0), NameKind::Primary);
    primary.script = detect_script(&primary.full);
    // Entities are listed under one FIRST_NAME: parts add nothing there.
    if parts.len() > 1 {
        primary.parts = parts;
    }
    entity.push_name(primary);
    for other in others {
        let mut name = Name::new(other, NameKind::Aka);
        name.script = detect_script(&name.full);
        entity.push_name(name);
    }
    if let Some(original) = node.text_of("NAME_ORIGINAL_SCRIPT") {
        let mut name = Name::new(original, NameKind::OriginalScript);
        name.script = detect_script(&name.full);
        entity.push_name(name);
    }
    for alias_tag in ["INDIVIDUAL_ALIAS", "ENTITY_ALIAS"] {
        for alias in node.children_named(alias_tag) {
            let Some(text) = alias.text_of("ALIAS_NAME") else {
                continue;
            };
            let quality = alias.text_of("QUALITY").unwrap_or_default();
            // Some ALIAS_NAME fields pack several spellings separated by semicolons
            // (`Azim Adhajani; Azim Agha-Jani`): each is a name of its own, and the field as
            // published is kept.
            let spellings = alternatives::split_semicolons(&text);
            if spellings.len() > 1 {
                entity.push_property("alias_name_as_published", text);
            }
            for spelling in spellings {
                let mut name = match quality.to_ascii_lowercase().as_str() {
                    "low" => Name::new(spelling, NameKind::Aka).weak(),
                    "f.k.a." | "fka" => Name::new(spelling, NameKind::Fka),
                    _ => Name::new(spelling, NameKind::Aka),
                };
                name.script = detect_script(&name.full);
                entity.push_name(name);
            }
            // Aliases may carry their own birth facts; keep them verbatim.
            for field in ["DATE_OF_BIRTH", "CITY_OF_BIRTH", "COUNTRY_OF_BIRTH", "NOTE"] {
                if let Some(v) = alias.text_of(field) {
                    entity.push_property(&format!("alias_{}", field.to_ascii_lowercase()), v);
                }
            }
        }
    }

    for dob in node.children_named("INDIVIDUAL_DATE_OF_BIRTH") {
        read_birth_date(&mut entity, dob);
    }
    for place in node.children_named("INDIVIDUAL_PLACE_OF_BIRTH") {
        let text: Vec<String> = ["CITY", "STATE_PROVINCE", "COUNTRY"]
            .iter()
            .filter_map(|f| place.text_of(f))
            .collect();
        if !text.is_empty() {
            entity.birth_places.push(text.join(", "));
        }
        if let Some(note) = place.text_of("NOTE") {
            entity.push_property("birth_place_note", note);
        }
    }
    entity.nationalities = values(node, "NATIONALITY");
    if let Some(gender) = node.text_of("GENDER") {
        entity.gender = Some(gender.to_ascii_lowercase());
    }
    for doc in node.children_named("INDIVIDUAL_DOCUMENT") {
        let Some(number) = doc.text_of("NUMBER") else {
            // A document without a number still says something: keep it.
            let desc: Vec<String> = ["TYPE_OF_DOCUMENT", "TYPE_OF_DOCUMENT2", "NOTE"]
                .iter()
                .filter_map(|f| doc.text_of(f))
                .collect();
            if !desc.is_empty() {
                entity.push_property("document", desc.join("; "));
            }
            continue;
        };
        let doc_type = doc.text_of("TYPE_OF_DOCUMENT").unwrap_or_default();
        let lower = doc_type.to_lowercase();
        let id_type = if lower.contains("pas") {
            "passport"
        } else if lower.contains("national identification") {
            "national_id"
        } else {
            "other"
        };
        let note: Vec<String> = [
            ("", "TYPE_OF_DOCUMENT"),
            ("", "TYPE_OF_DOCUMENT2"),
            ("issued ", "DATE_OF_ISSUE"),
            ("in ", "CITY_OF_ISSUE"),
            ("in ", "COUNTRY_OF_ISSUE"),
            ("", "NOTE"),
        ]
        .iter()
        .filter_map(|(prefix, f)| doc.text_of(f).map(|v| format!("{prefix}{v}")))
        .collect();
        entity.identifiers.push(Identifier {
            id_type: id_type.to_string(),
            number,
            country: doc.text_of("ISSUING_COUNTRY"),
            known_false: false,
            note: (!note.is_empty()).then(|| note.join("; ")),
        });
    }
    for addr_tag in ["INDIVIDUAL_ADDRESS", "ENTITY_ADDRESS"] {
        for addr in node.children_named(addr_tag) {
            let address = Address {
                street: addr.text_of("STREET"),
                city: addr.text_of("CITY"),
                region: addr.text_of("STATE_PROVINCE"),
                postal_code: addr.text_of("ZIP_CODE"),
                country: addr.text_of("COUNTRY"),
                full: None,
            };
            if address != Address::default() {
                if let Some(c) = &address.country {
                    if !entity.countries.contains(c) {
                        entity.countries.push(c.clone());
                    }
                }
                entity.addresses.push(address);
            }
            if let Some(note) = addr.text_of("NOTE") {
                entity.push_property("address_note", note);
            }
        }
    }
    if let Some(list) = node.text_of("UN_LIST_TYPE") {
        entity.programs.push(list);
    }
    if let Some(reference) = node.text_of("REFERENCE_NUMBER") {
        entity.programs.push(reference.clone());
        entity.push_property("reference_number", reference);
    }
    entity.listed_on = node.text_of("LISTED_ON").map(|d| iso_date_part(&d));
    entity.remarks = node.text_of("COMMENTS1");
    for (tag, key) in [
        ("TITLE", "title"),
        ("DESIGNATION", "designation"),
        ("LIST_TYPE", "list_type"),
        ("LAST_DAY_UPDATED", "last_updated"),
    ] {
        for v in values(node, tag) {
            entity.push_property(key, v);
        }
    }
    if let Some(v) = node.text_of("VERSIONNUM") {
        entity.push_property("version", v);
    }
    Ok(entity)
}

fn year_of(text: &str) -> Option<i32> {
    text.trim()
        .get(..4)
        .and_then(|y| y.parse().ok())
        .filter(|y| (1000..=2999).contains(y))
}

fn read_birth_date(entity: &mut Entity, dob: &Node) {
    let kind = dob.text_of("TYPE_OF_DATE").unwrap_or_default();
    let date = dob.text_of("DATE");
    let year = dob.text_of("YEAR");
    let parsed = match kind.as_str() {
        "BETWEEN" => match (
            dob.text_of("FROM_YEAR").and_then(|y| year_of(&y)),
            dob.text_of("TO_YEAR").and_then(|y| year_of(&y)),
        ) {
            (Some(from), Some(to)) => Some(BirthDate::Range { from, to }),
            _ => None,
        },
        "APPROXIMATELY" => date
            .as_deref()
            .or(year.as_deref())
            .and_then(year_of)
            .map(|year| BirthDate::Approximate { year }),
        _ => date
            .as_deref()
            .and_then(BirthDate::parse_iso)
            .or_else(|| year.as_deref().and_then(BirthDate::parse_iso)),
    };
    match parsed {
        Some(d) => {
            if !entity.birth_dates.contains(&d) {
                entity.birth_dates.push(d);
            }
        }
        None => {
            // Never drop a published date: keep what could not be typed.
            // (A type alone, e.g. APPROXIMATELY with only a NOTE "30-35 years
            // old", carries no date; the note is kept below.)
            let raw: Vec<String> = ["DATE", "YEAR", "FROM_YEAR", "TO_YEAR"]
                .iter()
                .filter_map(|f| dob.text_of(f).map(|v| format!("{f}={v}")))
                .collect();
            if !raw.is_empty() {
                entity.push_property("birth_date_unparsed", format!("{kind} {}", raw.join(" ")));
            }
        }
    }
    if let Some(note) = dob.text_of("NOTE") {
        entity.push_property("birth_date_note", note);
    }
}
