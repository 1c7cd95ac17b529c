//! Loader for the UK FCDO "UK Sanctions List" XML (root `<Designations>`,
//! one `<Designation>` per listed party, `<DateGenerated>dd/mm/yyyy`).
//!
//! Mapping: `UniqueID` (e.g. `AFG0001`, the UK Sanctions List reference) →
//! `source_id`; `IndividualEntityShip` → kind; `Names/Name` (`Name1`..`Name5`
//! given/other names, `Name6` family or entity name; `NameType` Primary Name
//! / Primary Name Variation / Alias; `AliasStrength` low → weak) → names;
//! `NonLatinNames` → original-script names; DOBs (`dd/mm/yyyy`, `dd`/`mm`
//! or `00` for unknown parts, or a bare year), nationalities, genders,
//! passports, national ids, business registration and IMO numbers, addresses,
//! `RegimeName` → programs, `DateDesignated` → listed on, `OtherInformation`
//! → remarks. Parent companies, subsidiaries and ship owner/operators are
//! published by name only and become relationships with `target_name`.

use crate::inspect::detect_script;
use crate::xmlrec::{
    dmy_to_iso, expect_root, for_each_record, named_relationship, parse_dmy_birth, Node, RecordPos,
    Records,
};
use crate::{LoadError, LoadOptions};
use std::path::Path;
use tamga_model::{
    Address, Entity, EntityKind, EntityList, Identifier, Name, NameKind, NamePart, NamePartRole,
    RelationKind, Source,
};

/// Loads an FCDO UK Sanctions List XML file.
pub fn load(path: &Path, options: &LoadOptions) -> Result<EntityList, LoadError> {
    let mut records = Records::new(options);
    let mut published = None;
    let root = for_each_record(path, 1, |node, pos| match node.name.as_str() {
        "DateGenerated" => {
            published = node.own_text().map(|d| dmy_to_iso(&d).unwrap_or(d));
            Ok(())
        }
        "Designation" => {
            records.accept(path, &pos, read_designation(path, &node, &pos), "UniqueID")
        }
        _ => Ok(()),
    })?;
    expect_root(path, &root, "Designations")?;
    records.into_list(path, Source::GbFcdo, crate::Format::UkFcdoXml, published)
}

/// Texts of `<outer><inner>…</inner>…</outer>` anywhere under `node`.
fn list(node: &Node, inner: &str) -> Vec<String> {
    node.descendant_texts(inner)
}

fn read_designation(path: &Path, node: &Node, pos: &RecordPos) -> Result<Entity, LoadError> {
    let id = node.text_of("UniqueID").ok_or_else(|| {
        LoadError::element(
            path,
            pos.offset,
            format!("{}/UniqueID", pos.path),
            "missing UniqueID",
        )
    })?;
    let kind_text = node.text_of("IndividualEntityShip").unwrap_or_default();
    let kind = match kind_text.to_ascii_lowercase().as_str() {
        "individual" => EntityKind::Person,
        "entity" => EntityKind::Organization,
        "ship" => EntityKind::Vessel,
        _ => EntityKind::Unknown,
    };
    let mut entity = Entity::new(Source::GbFcdo, id, kind);
    for name_node in node
        .child("Names")
        .into_iter()
        .flat_map(|n| n.children_named("Name"))
    {
        let mut parts = Vec::new();
        for (field, role) in [
            ("Name1", NamePartRole::Given),
            ("Name2", NamePartRole::Other),
            ("Name3", NamePartRole::Other),
            ("Name4", NamePartRole::Other),
            ("Name5", NamePartRole::Other),
            ("Name6", NamePartRole::Family),
        ] {
            if let Some(value) = name_node.text_of(field) {
                parts.push(NamePart { role, value });
            }
        }
        if parts.is_empty() {
            continue;
        }
        let full = parts
            .iter()
            .map(|p| p.value.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let name_type = name_node.text_of("NameType").unwrap_or_default();
        let kind = if name_type.eq_ignore_ascii_case("Primary Name") {
            NameKind::Primary
        } else {
            NameKind::Aka
        };
        let mut name = Name::new(full, kind);
        let strength = name_node.text_of("AliasStrength").unwrap_or_default();
        if strength.to_ascii_lowercase().starts_with("low") {
            name = name.weak();
        }
        name.script = detect_script(&name.full);
        if entity.kind == EntityKind::Person && parts.len() > 1 {
            name.parts = parts;
        }
        entity.push_name(name);
    }
    for original in list(node, "NameNonLatinScript") {
        let mut name = Name::new(original, NameKind::OriginalScript);
        name.script = detect_script(&name.full);
        entity.push_name(name);
    }
    if entity.names.is_empty() {
        return Err(LoadError::element(
            path,
            pos.offset,
            format!("{}/Names", pos.path),
            "designation without any name",
        ));
    }
    for dob in list(node, "DOB") {
        match parse_dmy_birth(&dob) {
            Some(d) if !entity.birth_dates.contains(&d) => entity.birth_dates.push(d),
            Some(_) => {}
            None => entity.push_property("birth_date_unparsed", dob),
        }
    }
    for location in node.children.iter().flat_map(|c| c.children.iter()) {
        // IndividualDetails/Individual/BirthDetails/Location
        for loc in location
            .children_named("BirthDetails")
            .flat_map(|b| b.children_named("Location"))
        {
            let place: Vec<String> = ["TownOfBirth", "CountryOfBirth"]
                .iter()
                .filter_map(|f| loc.text_of(f))
                .collect();
            if !place.is_empty() {
                entity.birth_places.push(place.join(", "));
            }
        }
    }
    entity.nationalities = list(node, "Nationality");
    if let Some(g) = list(node, "Gender").into_iter().next() {
        entity.gender = Some(g.to_ascii_lowercase());
    }
    for passport in node
        .children
        .iter()
        .flat_map(|c| c.children.iter())
        .flat_map(|c| c.children_named("PassportDetails"))
        .flat_map(|p| p.children_named("Passport"))
    {
        if let Some(number) = passport.text_of("PassportNumber") {
            let ident = Identifier {
                id_type: "passport".into(),
                number,
                note: passport.text_of("PassportAdditionalInformation"),
                ..Identifier::default()
            };
            if !entity.identifiers.contains(&ident) {
                entity.identifiers.push(ident);
            }
        }
    }
    for nid in node
        .children
        .iter()
        .flat_map(|c| c.children.iter())
        .flat_map(|c| c.children_named("NationalIdentifierDetails"))
        .flat_map(|p| p.children_named("NationalIdentifier"))
    {
        if let Some(number) = nid.text_of("NationalIdentifierNumber") {
            entity.identifiers.push(Identifier {
                id_type: "national_id".into(),
                number,
                note: nid.text_of("NationalIdentifierAdditionalInformation"),
                ..Identifier::default()
            });
        }
    }
    for number in list(node, "BusinessRegistrationNumber") {
        entity.identifiers.push(Identifier {
            id_type: "registration".into(),
            number,
            ..Identifier::default()
        });
    }
    for number in list(node, "IMONumber") {
        entity.identifiers.push(Identifier {
            id_type: "imo".into(),
            number,
            ..Identifier::default()
        });
    }
    for addr in node
        .child("Addresses")
        .into_iter()
        .flat_map(|a| a.children_named("Address"))
    {
        let lines: Vec<String> = (1..=6)
            .filter_map(|i| addr.text_of(&format!("AddressLine{i}")))
            .collect();
        let address = Address {
            street: (!lines.is_empty()).then(|| lines.join(", ")),
            postal_code: addr.text_of("AddressPostalCode"),
            country: addr.text_of("AddressCountry"),
            ..Address::default()
        };
        if let Some(c) = &address.country {
            if !entity.countries.contains(c) {
                entity.countries.push(c.clone());
            }
        }
        if address != Address::default() {
            entity.addresses.push(address);
        }
    }
    for flag in list(node, "CurrentBelievedFlagOfShip") {
        if !entity.countries.contains(&flag) {
            entity.countries.push(flag);
        }
    }
    for (tag, kind, note) in [
        ("ParentCompany", RelationKind::OwnedBy, "parent company"),
        ("Subsidiary", RelationKind::Owns, "subsidiary"),
        (
            "CurrentOwnerOperator",
            RelationKind::ControlledBy,
            "current owner/operator",
        ),
    ] {
        for target in list(node, tag) {
            entity
                .relationships
                .push(named_relationship(kind, target, Some(note.to_string())));
        }
    }
    if let Some(regime) = node.text_of("RegimeName") {
        entity.programs.push(regime);
    }
    entity.listed_on = node
        .text_of("DateDesignated")
        .map(|d| dmy_to_iso(&d).unwrap_or(d));
    entity.remarks = node.text_of("OtherInformation");
    for (tag, key) in [
        ("OFSIGroupID", "ofsi_group_id"),
        ("UNReferenceNumber", "un_reference_number"),
        ("DesignationSource", "designation_source"),
        ("SanctionsImposed", "sanctions_imposed"),
        ("UKStatementofReasons", "statement_of_reasons"),
        ("LastUpdated", "last_updated"),
    ] {
        if let Some(v) = node.text_of(tag) {
            entity.push_property(key, v);
        }
    }
    for (tag, key) in [
        ("Title", "title"),
        ("Position", "position"),
        ("PhoneNumber", "phone"),
        ("EmailAddress", "email"),
        ("Website", "website"),
        ("TypeOfEntity", "type_of_entity"),
        ("PreviousFlag", "previous_flag"),
        ("TypeOfShip", "type_of_ship"),
        ("TonnageOfShip", "tonnage"),
        ("LengthOfShip", "length"),
    ] {
        for v in list(node, tag) {
            entity.push_property(key, v);
        }
    }
    Ok(entity)
}
