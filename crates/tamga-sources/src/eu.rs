//! Loader for the EU Financial Sanctions Files XML (`xmlFullSanctionsList_1_1`,
//! root `<export generationDate=…>` in the `http://eu.europa.ec/fpi/fsd/export`
//! namespace).
//!
//! Mapping: `sanctionEntity/@logicalId` → `source_id`; `subjectType/@code`
//! (`person`, `enterprise`) → kind; every `nameAlias` → a name (the EU marks
//! no primary name: the first alias published with split first/last name is
//! taken as primary, else the first alias, and the rest as aka; `strong="false"` → weak; `nameLanguage` → lang; first/middle/last
//! name → parts); `birthdate` (exact date, year, `yearRangeFrom/To`, `circa`)
//! → birth dates and places; `citizenship` → citizenships; `identification`
//! → identifiers (`knownFalse` kept); `address` → addresses; `regulation
//! /@programme` → programs; `designationDate` → listed on; entity-level
//! `remark`s → remarks. EU and UN reference numbers, functions, titles and
//! contact details go to `properties`.

use crate::inspect::detect_script;
use crate::xmlrec::{expect_root, for_each_record, iso_date_part, Node, RecordPos, Records};
use crate::{LoadError, LoadOptions};
use std::path::Path;
use tamga_model::{
    Address, BirthDate, Entity, EntityKind, EntityList, Identifier, Name, NameKind, NamePart,
    NamePartRole, Source,
};

/// Loads an EU FSF XML file.
pub fn load(path: &Path, options: &LoadOptions) -> Result<EntityList, LoadError> {
    let mut records = Records::new(options);
    let root = for_each_record(path, 1, |node, pos| {
        if node.name != "sanctionEntity" {
            // The export may carry other top-level elements; only entities count.
            return Ok(());
        }
        records.accept(path, &pos, read_entity(path, &node, &pos), "logicalId")
    })?;
    expect_root(path, &root, "export")?;
    records.into_list(
        path,
        Source::EuFsf,
        crate::Format::EuFsfXml,
        root.attr("generationDate").map(|d| iso_date_part(&d)),
    )
}

/// `countryDescription` unless it is the EU's "unknown" placeholder.
fn country(node: &Node) -> Option<String> {
    node.attr("countryDescription")
        .filter(|c| !c.eq_ignore_ascii_case("UNKNOWN") && c != "00")
}

fn read_entity(path: &Path, node: &Node, pos: &RecordPos) -> Result<Entity, LoadError> {
    let id = node.attr("logicalId").ok_or_else(|| {
        LoadError::element(
            path,
            pos.offset,
            &pos.path,
            "sanctionEntity without logicalId",
        )
    })?;
    let kind = match node
        .child("subjectType")
        .and_then(|s| s.attr("code"))
        .as_deref()
    {
        Some("person") => EntityKind::Person,
        Some("enterprise") => EntityKind::Organization,
        _ => EntityKind::Unknown,
    };
    let mut entity = Entity::new(Source::EuFsf, id, kind);
    for alias in node.children_named("nameAlias") {
        let Some(whole) = alias.attr("wholeName") else {
            continue;
        };
        // Every alias starts as aka; the primary one is chosen below.
        let mut name = Name::new(whole, NameKind::Aka);
        if alias.attr("strong").as_deref() == Some("false") {
            name = name.weak();
        }
        name.lang = alias.attr("nameLanguage").map(|l| l.to_ascii_lowercase());
        name.script = detect_script(&name.full);
        for (attr, role) in [
            ("title", NamePartRole::Title),
            ("firstName", NamePartRole::Given),
            ("middleName", NamePartRole::Middle),
            ("lastName", NamePartRole::Family),
        ] {
            if let Some(value) = alias.attr(attr) {
                name.parts.push(NamePart { role, value });
            }
        }
        // The same text in several languages is one name for screening.
        entity.push_name(name);
        if let Some(g) = alias.attr("gender") {
            let g = match g.as_str() {
                "M" => "male".to_string(),
                "F" => "female".to_string(),
                other => other.to_ascii_lowercase(),
            };
            entity.gender.get_or_insert(g);
        }
        for (attr, key) in [("function", "function"), ("title", "title")] {
            if let Some(v) = alias.attr(attr) {
                let known = entity
                    .properties
                    .get(key)
                    .is_some_and(|vals| vals.contains(&v));
                if !known {
                    entity.push_property(key, v);
                }
            }
        }
    }
    // The EU flags no primary name. The designation's main name is the one
    // published with its parts split (first/last name); else the first.
    let primary = entity
        .names
        .iter()
        .position(|n| n.parts.iter().any(|p| p.role != NamePartRole::Title))
        .unwrap_or(0);
    if let Some(name) = entity.names.get_mut(primary) {
        name.kind = NameKind::Primary;
    }
    if entity.names.is_empty() {
        return Err(LoadError::element(
            path,
            pos.offset,
            format!("{}/nameAlias", pos.path),
            "sanctionEntity without any nameAlias wholeName",
        ));
    }
    for birth in node.children_named("birthdate") {
        let circa = birth.attr("circa").as_deref() == Some("true");
        let year = birth.attr("year").and_then(|y| y.parse::<i32>().ok());
        let date = birth
            .attr("birthdate")
            .and_then(|d| BirthDate::parse_iso(&d));
        let range = match (
            birth
                .attr("yearRangeFrom")
                .and_then(|y| y.parse::<i32>().ok()),
            birth
                .attr("yearRangeTo")
                .and_then(|y| y.parse::<i32>().ok()),
        ) {
            (Some(from), Some(to)) => Some(BirthDate::Range { from, to }),
            _ => None,
        };
        let parsed = range.or(match (circa, date, year) {
            (true, _, Some(year)) => Some(BirthDate::Approximate { year }),
            (_, Some(d), _) => Some(d),
            (_, None, Some(year)) => Some(BirthDate::Year { year }),
            _ => None,
        });
        if let Some(d) = parsed {
            if !entity.birth_dates.contains(&d) {
                entity.birth_dates.push(d);
            }
        }
        let place: Vec<String> = [
            birth.attr("place"),
            birth.attr("city"),
            birth.attr("region"),
        ]
        .into_iter()
        .flatten()
        .filter(|p| p != "-")
        .chain(country(birth))
        .collect();
        if !place.is_empty() {
            let place = place.join(", ");
            if !entity.birth_places.contains(&place) {
                entity.birth_places.push(place);
            }
        }
    }
    for citizenship in node.children_named("citizenship") {
        if let Some(c) = country(citizenship) {
            if !entity.citizenships.contains(&c) {
                entity.citizenships.push(c);
            }
        }
    }
    for ident in node.children_named("identification") {
        let Some(number) = ident.attr("number").or_else(|| ident.attr("latinNumber")) else {
            continue;
        };
        let code = ident.attr("identificationTypeCode").unwrap_or_default();
        let id_type = match code.as_str() {
            "passport" => "passport",
            "id" => "national_id",
            "fiscalcode" | "tax" => "tax_id",
            "regnumber" => "registration",
            "" => "other",
            other => other,
        }
        .to_string();
        let note: Vec<String> = [
            ident.attr("identificationTypeDescription"),
            ident.attr("issuedBy").map(|v| format!("issued by {v}")),
            ident
                .attr("nameOnDocument")
                .map(|v| format!("name on document: {v}")),
            ident.child("remark").and_then(Node::own_text),
        ]
        .into_iter()
        .flatten()
        .collect();
        entity.identifiers.push(Identifier {
            id_type,
            number,
            country: country(ident),
            known_false: ident.attr("knownFalse").as_deref() == Some("true"),
            note: (!note.is_empty()).then(|| note.join("; ")),
        });
    }
    for addr in node.children_named("address") {
        let street: Vec<String> = [
            addr.attr("street"),
            addr.attr("poBox").map(|p| format!("PO Box {p}")),
        ]
        .into_iter()
        .flatten()
        .collect();
        let address = Address {
            street: (!street.is_empty()).then(|| street.join(", ")),
            city: addr.attr("city").or_else(|| addr.attr("place")),
            region: addr.attr("region"),
            postal_code: addr.attr("zipCode"),
            country: country(addr),
            full: None,
        };
        if let Some(c) = &address.country {
            if !entity.countries.contains(c) {
                entity.countries.push(c.clone());
            }
        }
        if address != Address::default() {
            entity.addresses.push(address);
        }
        for info in addr.children_named("contactInfo") {
            if let (Some(k), Some(v)) = (info.attr("key"), info.attr("value")) {
                entity.push_property(&format!("contact_{}", k.to_ascii_lowercase()), v);
            }
        }
        if let Some(r) = addr.child("remark").and_then(Node::own_text) {
            entity.push_property("address_remark", r);
        }
    }
    for regulation in node.children_named("regulation") {
        if let Some(p) = regulation.attr("programme") {
            if !entity.programs.contains(&p) {
                entity.programs.push(p);
            }
        }
        if let Some(t) = regulation.attr("numberTitle") {
            entity.push_property("regulation", t);
        }
    }
    entity.listed_on = node.attr("designationDate").map(|d| iso_date_part(&d));
    let remarks: Vec<String> = node
        .children_named("remark")
        .filter_map(Node::own_text)
        .collect();
    if !remarks.is_empty() {
        entity.remarks = Some(remarks.join("\n"));
    }
    for (attr, key) in [
        ("euReferenceNumber", "eu_reference_number"),
        ("unitedNationId", "un_id"),
        ("designationDetails", "designation_details"),
    ] {
        if let Some(v) = node.attr(attr) {
            entity.push_property(key, v);
        }
    }
    Ok(entity)
}
