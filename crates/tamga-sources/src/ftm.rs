//! Loader for OpenSanctions FollowTheMoney (FtM) entities as JSON lines
//! (`*.ftm.json`, one `{"id", "schema", "properties", …}` object per line).
//!
//! Things (`Person`, `Organization`, `Company`, `LegalEntity`, `PublicBody`,
//! `Vessel`, `Airplane`) become entities with `source_id` = the FtM id.
//! Links are folded into the things they connect, after the whole file is
//! read (a link may come before its endpoints):
//!
//! * `Sanction` → programs (`program`, `programId`) and the earliest
//!   `listingDate`/`startDate` as listed-on date of its `entity`;
//! * `Ownership` → `OwnedBy` on the `asset` and `Owns` on the `owner`, with
//!   the `percentage` (`"50%"`, `"50.0"`, `"25-50"`; for a range the upper
//!   bound is kept, the conservative reading for 50%-rule aggregation, and
//!   the raw text goes to the note);
//! * `Directorship` → `Controls` / `ControlledBy`; `Family` → `Family`;
//!   `Associate` → `Associate`; `UnknownLink` → `LinkedTo` (both sides);
//! * `Passport` / `Identification` → an identifier of the `holder`;
//! * `Address` → the structured address of things that reference it in
//!   `addressEntity`.
//!
//! Typed properties: names (`name` primary, `alias` aka, `weakAlias` weak
//! aka, `previousName` fka), `birthDate` / `incorporationDate`, `birthPlace`,
//! `nationality`, `citizenship`, `country` / `jurisdiction`, `gender`,
//! identifiers (`idNumber`, `passportNumber`, `innCode`, `ogrnCode`,
//! `taxNumber`, `registrationNumber`, `imoNumber`, `mmsi`, `swiftBic`, …),
//! `topics`/`program`/`programId` → programs, `notes` → remarks. Every other
//! property is kept in `properties`. Other schemas (payments, …) are not
//! entities and are skipped. The publication date is the latest
//! `last_change`, if any.

use crate::inspect::detect_script;
use crate::xmlrec::{single_file_list, Problems, SeenIds};
use crate::{LoadError, LoadOptions};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::io::BufRead;
use std::path::Path;
use tamga_model::{
    entity_id, Address, BirthDate, Entity, EntityKind, EntityList, Identifier, Name, NameKind,
    RelationKind, Relationship, Source,
};

#[derive(Deserialize)]
struct Line {
    id: Option<String>,
    schema: Option<String>,
    #[serde(default)]
    properties: BTreeMap<String, serde_json::Value>,
    #[serde(default)]
    datasets: Vec<String>,
    last_change: Option<String>,
}

/// A link or address stashed until every thing has been read.
struct Pending {
    schema: String,
    id: String,
    props: BTreeMap<String, Vec<String>>,
}

/// Property values as strings (FtM values are arrays of strings).
fn strings(value: &serde_json::Value) -> Vec<String> {
    match value {
        serde_json::Value::Array(items) => items.iter().flat_map(strings).collect(),
        serde_json::Value::String(s) => {
            let s = s.trim();
            if s.is_empty() {
                vec![]
            } else {
                vec![s.to_string()]
            }
        }
        serde_json::Value::Null => vec![],
        other => vec![other.to_string()],
    }
}

fn thing_kind(schema: &str) -> Option<EntityKind> {
    match schema {
        "Person" => Some(EntityKind::Person),
        "Organization" | "Company" | "LegalEntity" | "PublicBody" => Some(EntityKind::Organization),
        "Vessel" => Some(EntityKind::Vessel),
        "Airplane" => Some(EntityKind::Aircraft),
        _ => None,
    }
}

/// Identifier type of an FtM identifier property.
fn identifier_type(prop: &str, kind: EntityKind) -> Option<&'static str> {
    Some(match prop {
        "idNumber" if kind == EntityKind::Person => "national_id",
        "idNumber" => "other",
        "passportNumber" => "passport",
        "innCode" => "inn",
        "ogrnCode" => "ogrn",
        "taxNumber" | "vatCode" => "tax_id",
        "registrationNumber" => "registration",
        "imoNumber" => "imo",
        "mmsi" => "mmsi",
        "swiftBic" => "swift_bic",
        "leiCode" => "lei",
        "okpoCode" => "okpo",
        "kppCode" => "kpp",
        "icaoCode" => "icao",
        "dunsCode" => "duns",
        "uniqueEntityId" => "uei",
        "socialSecurityNumber" => "ssn",
        _ => return None,
    })
}

/// Parses an ownership percentage: `50%`, `50.0`, `25-50` / `25 – 50 %`
/// (upper bound, see module docs).
pub fn parse_percentage(text: &str) -> Option<f64> {
    let cleaned = text.trim().trim_end_matches('%').trim().replace(',', ".");
    let upper = cleaned
        .rsplit(['-', '–', '—'])
        .next()
        .unwrap_or(&cleaned)
        .trim()
        .trim_end_matches('%')
        .trim();
    upper
        .parse::<f64>()
        .ok()
        .filter(|p| p.is_finite() && (0.0..=100.0).contains(p))
}

/// Loads an FtM JSON-lines file.
pub fn load(path: &Path, options: &LoadOptions) -> Result<EntityList, LoadError> {
    let file = std::fs::File::open(path)
        .map_err(|e| LoadError::file(path, format!("cannot open: {e}")))?;
    let mut reader = std::io::BufReader::new(file);
    let mut problems = Problems::new(options);
    let mut seen = SeenIds::default();
    let mut entities: Vec<Entity> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut pending: Vec<Pending> = Vec::new();
    let mut address_refs: Vec<(usize, String)> = Vec::new();
    let mut published: Option<String> = None;
    let mut bytes = Vec::new();
    let mut line_no = 0u64;
    let mut any = false;
    loop {
        bytes.clear();
        let n = reader
            .read_until(b'\n', &mut bytes)
            .map_err(|e| LoadError::line(path, line_no + 1, format!("read error: {e}")))?;
        if n == 0 {
            break;
        }
        line_no += 1;
        let text = std::str::from_utf8(&bytes).map_err(|e| {
            LoadError::line(
                path,
                line_no,
                format!("not UTF-8 (invalid byte at column {})", e.valid_up_to() + 1),
            )
        })?;
        if text.trim().is_empty() {
            continue;
        }
        any = true;
        if !bytes.ends_with(b"\n") && serde_json::from_str::<serde_json::Value>(text).is_err() {
            // A cut-off last line is a truncated download, never a record to skip.
            return Err(LoadError::line(
                path,
                line_no,
                "last line is incomplete JSON: truncated file?",
            ));
        }
        let parsed: Line = match serde_json::from_str(text) {
            Ok(l) => l,
            Err(e) => {
                problems.record(LoadError::line(path, line_no, format!("bad JSON: {e}")))?;
                continue;
            }
        };
        let (Some(id), Some(schema)) = (parsed.id.clone(), parsed.schema.clone()) else {
            problems.record(LoadError::line(
                path,
                line_no,
                "object without id or schema",
            ))?;
            continue;
        };
        if let Some(first) = seen.check(&id, format!("line {line_no}")) {
            problems.record(LoadError::line(
                path,
                line_no,
                format!("duplicate id {id} (first at {first})"),
            ))?;
            continue;
        }
        if let Some(change) = &parsed.last_change {
            let date = change.trim().chars().take(10).collect::<String>();
            if published.as_ref().is_none_or(|p| &date > p) {
                published = Some(date);
            }
        }
        let props: BTreeMap<String, Vec<String>> = parsed
            .properties
            .iter()
            .map(|(k, v)| (k.clone(), strings(v)))
            .collect();
        match thing_kind(&schema) {
            Some(kind) => {
                let mut entity = read_thing(&id, kind, &props);
                for dataset in &parsed.datasets {
                    entity.push_property("datasets", dataset.clone());
                }
                entity.push_property("schema", schema.clone());
                for addr in props.get("addressEntity").into_iter().flatten() {
                    address_refs.push((entities.len(), addr.clone()));
                }
                index.insert(id, entities.len());
                entities.push(entity);
            }
            None => pending.push(Pending { schema, id, props }),
        }
    }
    if !any {
        return Err(LoadError::file(path, "file is empty"));
    }
    apply_links(&mut entities, &index, &pending);
    attach_addresses(&mut entities, &pending, &address_refs);
    single_file_list(
        path,
        Source::OpenSanctions,
        crate::Format::FtmJson,
        published,
        problems.warnings,
        entities,
    )
}

fn read_thing(id: &str, kind: EntityKind, props: &BTreeMap<String, Vec<String>>) -> Entity {
    let mut entity = Entity::new(Source::OpenSanctions, id, kind);
    let push_names = |prop: &str, kind: NameKind, weak: bool, entity: &mut Entity| {
        for value in props.get(prop).into_iter().flatten() {
            let mut name = Name::new(value.clone(), kind);
            if weak {
                name = name.weak();
            }
            name.script = detect_script(&name.full);
            entity.push_name(name);
        }
    };
    push_names("name", NameKind::Primary, false, &mut entity);
    push_names("alias", NameKind::Aka, false, &mut entity);
    push_names("weakAlias", NameKind::Aka, true, &mut entity);
    push_names("previousName", NameKind::Fka, false, &mut entity);
    for (prop, values) in props {
        let values = values.iter().cloned();
        match prop.as_str() {
            "name" | "alias" | "weakAlias" | "previousName" | "addressEntity" => {}
            "birthDate" | "incorporationDate" => {
                for v in values {
                    match BirthDate::parse_iso(&v) {
                        Some(d) if !entity.birth_dates.contains(&d) => entity.birth_dates.push(d),
                        Some(_) => {}
                        None => entity.push_property(prop, v),
                    }
                }
            }
            "birthPlace" => entity.birth_places.extend(values),
            "nationality" => entity.nationalities.extend(values),
            "citizenship" => entity.citizenships.extend(values),
            "country" | "jurisdiction" | "flag" | "birthCountry" => {
                for v in values {
                    if !entity.countries.contains(&v) {
                        entity.countries.push(v);
                    }
                }
            }
            "gender" => entity.gender = values.into_iter().next(),
            "topics" | "program" | "programId" => {
                for v in values {
                    if !entity.programs.contains(&v) {
                        entity.programs.push(v);
                    }
                }
            }
            "notes" => {
                let notes: Vec<String> = values.collect();
                if !notes.is_empty() {
                    entity.remarks = Some(notes.join("\n"));
                }
            }
            "address" => {
                for v in values {
                    entity.addresses.push(Address {
                        full: Some(v),
                        ..Address::default()
                    });
                }
            }
            other => match identifier_type(other, kind) {
                Some(id_type) => {
                    for number in values {
                        let ident = Identifier {
                            id_type: id_type.to_string(),
                            number,
                            ..Identifier::default()
                        };
                        if !entity.identifiers.contains(&ident) {
                            entity.identifiers.push(ident);
                        }
                    }
                }
                None => {
                    for v in values {
                        entity.push_property(other, v);
                    }
                }
            },
        }
    }
    entity
}

fn first<'a>(props: &'a BTreeMap<String, Vec<String>>, key: &str) -> Option<&'a String> {
    props.get(key).and_then(|v| v.first())
}

fn apply_links(entities: &mut [Entity], index: &HashMap<String, usize>, pending: &[Pending]) {
    let target = |id: &str| Some(entity_id(&Source::OpenSanctions, id));
    let add = |entities: &mut [Entity], from: &str, rel: Relationship| {
        if let Some(&i) = index.get(from) {
            entities[i].relationships.push(rel);
        }
    };
    for link in pending {
        let p = &link.props;
        match link.schema.as_str() {
            "Sanction" => {
                for subject in p.get("entity").into_iter().flatten() {
                    let Some(&i) = index.get(subject) else {
                        continue;
                    };
                    let e = &mut entities[i];
                    for key in ["program", "programId"] {
                        for v in p.get(key).into_iter().flatten() {
                            if !e.programs.contains(v) {
                                e.programs.push(v.clone());
                            }
                        }
                    }
                    let date = first(p, "listingDate").or_else(|| first(p, "startDate"));
                    if let Some(d) = date {
                        let d: String = d.chars().take(10).collect();
                        if e.listed_on.as_ref().is_none_or(|cur| &d < cur) {
                            e.listed_on = Some(d);
                        }
                    }
                    for a in p.get("authority").into_iter().flatten() {
                        if !e
                            .properties
                            .get("sanction_authority")
                            .is_some_and(|v| v.contains(a))
                        {
                            e.push_property("sanction_authority", a.clone());
                        }
                    }
                }
            }
            "Ownership" => {
                let (Some(owner), Some(asset)) = (first(p, "owner"), first(p, "asset")) else {
                    continue;
                };
                let raw = first(p, "percentage");
                let percentage = raw.and_then(|r| parse_percentage(r));
                let note = [
                    first(p, "role").cloned(),
                    raw.map(|r| format!("percentage {r}")),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join("; ");
                let note = (!note.is_empty()).then_some(note);
                add(
                    entities,
                    asset,
                    Relationship {
                        kind: RelationKind::OwnedBy,
                        target_id: target(owner),
                        target_name: None,
                        percentage,
                        note: note.clone(),
                    },
                );
                add(
                    entities,
                    owner,
                    Relationship {
                        kind: RelationKind::Owns,
                        target_id: target(asset),
                        target_name: None,
                        percentage,
                        note,
                    },
                );
            }
            "Directorship" | "Family" | "Associate" | "UnknownLink" => {
                let (a_key, b_key, a_kind, b_kind, note_key) = match link.schema.as_str() {
                    "Directorship" => (
                        "director",
                        "organization",
                        RelationKind::Controls,
                        RelationKind::ControlledBy,
                        "role",
                    ),
                    "Family" => (
                        "person",
                        "relative",
                        RelationKind::Family,
                        RelationKind::Family,
                        "relationship",
                    ),
                    "Associate" => (
                        "person",
                        "associate",
                        RelationKind::Associate,
                        RelationKind::Associate,
                        "relationship",
                    ),
                    _ => (
                        "subject",
                        "object",
                        RelationKind::LinkedTo,
                        RelationKind::LinkedTo,
                        "role",
                    ),
                };
                let (Some(a), Some(b)) = (first(p, a_key), first(p, b_key)) else {
                    continue;
                };
                let note = first(p, note_key).cloned();
                add(
                    entities,
                    a,
                    Relationship {
                        kind: a_kind,
                        target_id: target(b),
                        target_name: None,
                        percentage: None,
                        note: note.clone(),
                    },
                );
                add(
                    entities,
                    b,
                    Relationship {
                        kind: b_kind,
                        target_id: target(a),
                        target_name: None,
                        percentage: None,
                        note,
                    },
                );
            }
            "Passport" | "Identification" => {
                let Some(holder) = first(p, "holder") else {
                    continue;
                };
                let Some(number) = first(p, "number").or_else(|| first(p, "passportNumber")) else {
                    continue;
                };
                let Some(&i) = index.get(holder) else {
                    continue;
                };
                let id_type = if link.schema == "Passport" {
                    "passport".to_string()
                } else {
                    first(p, "type").cloned().unwrap_or_else(|| "other".into())
                };
                entities[i].identifiers.push(Identifier {
                    id_type,
                    number: number.clone(),
                    country: first(p, "country").cloned(),
                    known_false: false,
                    note: first(p, "summary").cloned(),
                });
            }
            _ => {}
        }
    }
}

fn attach_addresses(entities: &mut [Entity], pending: &[Pending], refs: &[(usize, String)]) {
    let addresses: HashMap<&str, &Pending> = pending
        .iter()
        .filter(|p| p.schema == "Address")
        .map(|p| (p.id.as_str(), p))
        .collect();
    for (i, addr_id) in refs {
        let Some(addr) = addresses.get(addr_id.as_str()) else {
            continue;
        };
        let p = &addr.props;
        let full = first(p, "full").cloned();
        let entity = &mut entities[*i];
        // The thing may already list the same address as a plain string.
        entity
            .addresses
            .retain(|a| !(a.street.is_none() && a.full.is_some() && a.full == full));
        let address = Address {
            street: first(p, "street").cloned(),
            city: first(p, "city").cloned(),
            region: first(p, "region").cloned(),
            postal_code: first(p, "postalCode").cloned(),
            country: first(p, "country").cloned(),
            full,
        };
        if !entity.addresses.contains(&address) {
            entity.addresses.push(address);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::parse_percentage;

    #[test]
    fn percentages_in_published_shapes() {
        assert_eq!(parse_percentage("50%"), Some(50.0));
        assert_eq!(parse_percentage("50.0"), Some(50.0));
        assert_eq!(parse_percentage("25-50"), Some(50.0));
        assert_eq!(parse_percentage("12,5 %"), Some(12.5));
        assert_eq!(parse_percentage("majority"), None);
        assert_eq!(parse_percentage("150"), None);
    }
}
