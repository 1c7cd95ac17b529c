//! Loader for OFAC's XML publications in the `sdn.xml` schema: `SDN.XML` and
//! `CONSOLIDATED.XML` (root `<sdnList>`, namespaced, one `<sdnEntry>` per
//! listed party, with typed lists for ids, aliases, addresses, dates and
//! places of birth, nationalities and vessel data).
//!
//! Both files share root, namespace and schema. Which list a file is comes
//! from its content: the consolidated list holds OFAC's *non-SDN* programmes
//! (NS-PLC, SSI `UKRAINE-EO13662`, CMIC, FSE, NS-ISA, MBS, 561-Related), so a
//! file where most entries carry one of them is [`Source::UsOfacCons`], any
//! other is [`Source::UsOfacSdn`].

use crate::remarks::{parse_date_phrase, parse_remarks, ParsedRemarks};
use crate::{LoadError, LoadOptions};
use quick_xml::events::Event;
use quick_xml::Reader;
use std::collections::{HashMap, HashSet};
use std::io::BufRead;
use std::path::Path;
use tamga_model::{
    Address, Entity, EntityKind, EntityList, Identifier, Name, NameKind, NamePart, NamePartRole,
    RelationKind, Relationship, Source,
};

/// Programmes published only on OFAC's consolidated (non-SDN) list.
const NON_SDN_PROGRAMS: &[&str] = &[
    "NS-PLC",
    "UKRAINE-EO13662",
    "CMIC-EO13959",
    "CMIC-EO14032",
    "FSE-IR",
    "FSE-SY",
    "FSE-WMD",
    "FSE-SDGT",
    "NS-ISA",
    "NS-MBS",
    "MBS",
    "561-Related",
];

/// Leaf fields of the element being collected, by local name.
type Fields = HashMap<String, String>;

/// Loads an `sdn.xml`-schema publication.
pub fn load(path: &Path, options: &LoadOptions) -> Result<EntityList, LoadError> {
    let file = std::fs::File::open(path).map_err(|e| LoadError::file(path, e.to_string()))?;
    let mut reader = Reader::from_reader(std::io::BufReader::with_capacity(1 << 16, file));
    reader.config_mut().trim_text(true);
    let mut walker = XmlWalker::new(path);
    let mut state = State::default();
    walker.run(&mut reader, |walker, ev| state.handle(walker, ev, options))?;
    if walker.root.as_deref() != Some("sdnList") {
        return Err(LoadError::file(
            path,
            format!(
                "root element is <{}>, expected <sdnList>",
                walker.root.as_deref().unwrap_or("")
            ),
        ));
    }
    if let Some(count) = state.record_count {
        let seen = state.entities.len() + state.skipped;
        if count != seen {
            let message = format!("Record_Count says {count} entries but the file holds {seen}");
            if options.lenient {
                state
                    .warnings
                    .push(format!("{}: {message}", path.display()));
            } else {
                return Err(LoadError::file(path, message));
            }
        }
    }
    let non_sdn = state
        .entities
        .iter()
        .filter(|e| {
            e.programs
                .iter()
                .any(|p| NON_SDN_PROGRAMS.contains(&p.as_str()))
        })
        .count();
    let source = if non_sdn * 2 > state.entities.len() {
        Source::UsOfacCons
    } else {
        Source::UsOfacSdn
    };
    for entity in &mut state.entities {
        entity.source = source.clone();
        entity.id = tamga_model::entity_id(&source, &entity.source_id);
    }
    crate::ofac_csv::resolve_link_targets(&mut state.entities);
    crate::xmlrec::single_file_list(
        path,
        source,
        crate::Format::OfacXml,
        state.published,
        state.warnings,
        state.entities,
    )
}

/// What the walker reports to a format's handler.
pub(crate) enum XmlEvent<'a> {
    /// An element opened; attributes by local name.
    Start(&'a str, &'a [(String, String)]),
    /// An element closed, with its (trimmed, unescaped) direct text.
    End(&'a str, &'a str),
}

/// A small streaming driver over quick-xml that keeps the element path for
/// error messages and hands local names, attributes and text to a handler.
pub(crate) struct XmlWalker<'p> {
    /// The file, for errors.
    pub path: &'p Path,
    /// Local names of the open elements.
    pub stack: Vec<String>,
    /// The root element's local name, once seen.
    pub root: Option<String>,
    /// Byte offset of the current event.
    pub offset: u64,
    text: String,
    attrs: Vec<(String, String)>,
}

impl<'p> XmlWalker<'p> {
    pub(crate) fn new(path: &'p Path) -> Self {
        XmlWalker {
            path,
            stack: Vec::new(),
            root: None,
            offset: 0,
            text: String::new(),
            attrs: Vec::new(),
        }
    }

    /// An error at the current element.
    pub(crate) fn error(&self, message: impl Into<String>) -> LoadError {
        LoadError::element(self.path, self.offset, self.stack.join("/"), message)
    }

    pub(crate) fn run<R: BufRead>(
        &mut self,
        reader: &mut Reader<R>,
        mut handle: impl FnMut(&Self, XmlEvent<'_>) -> Result<(), LoadError>,
    ) -> Result<(), LoadError> {
        let mut buf = Vec::new();
        loop {
            self.offset = reader.buffer_position();
            let event = reader.read_event_into(&mut buf).map_err(|e| {
                LoadError::element(
                    self.path,
                    reader.error_position(),
                    self.stack.join("/"),
                    format!("malformed XML: {e}"),
                )
            })?;
            match event {
                Event::Start(e) => {
                    let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                    self.read_attrs(&e)?;
                    if self.root.is_none() {
                        self.root = Some(name.clone());
                    }
                    self.stack.push(name);
                    self.text.clear();
                    let attrs = std::mem::take(&mut self.attrs);
                    handle(
                        self,
                        XmlEvent::Start(self.stack.last().map_or("", |s| s), &attrs),
                    )?;
                    self.attrs = attrs;
                }
                Event::Empty(e) => {
                    let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                    self.read_attrs(&e)?;
                    if self.root.is_none() {
                        self.root = Some(name.clone());
                    }
                    self.stack.push(name.clone());
                    let attrs = std::mem::take(&mut self.attrs);
                    handle(self, XmlEvent::Start(&name, &attrs))?;
                    handle(self, XmlEvent::End(&name, ""))?;
                    self.attrs = attrs;
                    self.stack.pop();
                }
                Event::Text(t) => {
                    let text = t
                        .unescape()
                        .map_err(|e| self.error(format!("bad text: {e}")))?;
                    self.text.push_str(&text);
                }
                Event::CData(t) => {
                    self.text.push_str(&String::from_utf8_lossy(&t));
                }
                Event::End(_) => {
                    let text = std::mem::take(&mut self.text);
                    let name = self.stack.last().cloned().unwrap_or_default();
                    handle(self, XmlEvent::End(&name, text.trim()))?;
                    self.stack.pop();
                    self.text.clear();
                }
                Event::Eof => {
                    if !self.stack.is_empty() {
                        return Err(self.error("file ends inside an element (truncated?)"));
                    }
                    if self.root.is_none() {
                        return Err(LoadError::file(self.path, "no XML content (empty file?)"));
                    }
                    return Ok(());
                }
                _ => {}
            }
            buf.clear();
        }
    }

    fn read_attrs(&mut self, e: &quick_xml::events::BytesStart<'_>) -> Result<(), LoadError> {
        self.attrs.clear();
        for attr in e.attributes() {
            let attr = attr.map_err(|err| self.error(format!("bad attribute: {err}")))?;
            let key = String::from_utf8_lossy(attr.key.local_name().as_ref()).into_owned();
            let value = attr
                .unescape_value()
                .map_err(|err| self.error(format!("bad attribute value: {err}")))?
                .into_owned();
            self.attrs.push((key, value));
        }
        Ok(())
    }
}

/// Converts OFAC's `MM/DD/YYYY` publication date to ISO.
fn us_date_to_iso(text: &str) -> Option<String> {
    let mut parts = text.trim().split('/');
    let month: u8 = parts.next()?.parse().ok()?;
    let day: u8 = parts.next()?.parse().ok()?;
    let year: u16 = parts.next()?.parse().ok()?;
    if parts.next().is_some() || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

#[derive(Default)]
struct State {
    entities: Vec<Entity>,
    seen: HashSet<String>,
    warnings: Vec<String>,
    skipped: usize,
    published: Option<String>,
    record_count: Option<usize>,
    /// Leaf fields of the current `<sdnEntry>`.
    entry: Option<Fields>,
    programs: Vec<String>,
    /// Finished sub-records of the current entry, by element name.
    subs: Vec<(String, Fields)>,
    /// Leaf fields of the open sub-record (`aka`, `id`, `address`, …).
    sub: Option<Fields>,
}

const SUB_RECORDS: &[&str] = &[
    "aka",
    "id",
    "address",
    "nationality",
    "citizenship",
    "dateOfBirthItem",
    "placeOfBirthItem",
    "vesselInfo",
];

impl State {
    fn handle(
        &mut self,
        walker: &XmlWalker<'_>,
        event: XmlEvent<'_>,
        options: &LoadOptions,
    ) -> Result<(), LoadError> {
        match event {
            XmlEvent::Start(name, _) => {
                if name == "sdnEntry" {
                    self.entry = Some(Fields::new());
                    self.programs.clear();
                    self.subs.clear();
                } else if self.entry.is_some() && SUB_RECORDS.contains(&name) {
                    self.sub = Some(Fields::new());
                }
            }
            XmlEvent::End(name, text) => {
                if name == "sdnEntry" {
                    let fields = self.entry.take().unwrap_or_default();
                    let subs = std::mem::take(&mut self.subs);
                    match self.build(fields, subs) {
                        Ok(entity) => self.entities.push(entity),
                        Err(message) if options.lenient => {
                            self.skipped += 1;
                            self.warnings.push(format!(
                                "{} at byte {}: {message} (entry skipped)",
                                walker.path.display(),
                                walker.offset
                            ));
                        }
                        Err(message) => return Err(walker.error(message)),
                    }
                } else if self.sub.is_some() && SUB_RECORDS.contains(&name) {
                    let fields = self.sub.take().unwrap_or_default();
                    self.subs.push((name.to_string(), fields));
                } else if text.is_empty() {
                    // A container closing, or an empty leaf: nothing to keep.
                } else if let Some(sub) = &mut self.sub {
                    sub.insert(name.to_string(), text.to_string());
                } else if let Some(entry) = &mut self.entry {
                    if name == "program" {
                        self.programs.push(text.to_string());
                    } else {
                        entry.insert(name.to_string(), text.to_string());
                    }
                } else if name == "Publish_Date" {
                    self.published = us_date_to_iso(text);
                } else if name == "Record_Count" {
                    self.record_count = text.parse().ok();
                }
            }
        }
        Ok(())
    }

    fn build(&mut self, mut f: Fields, subs: Vec<(String, Fields)>) -> Result<Entity, String> {
        let uid = f.remove("uid").ok_or("sdnEntry without uid")?;
        if uid.parse::<u64>().is_err() {
            return Err(format!("uid {uid:?} is not a number"));
        }
        if !self.seen.insert(uid.clone()) {
            return Err(format!("duplicate uid {uid}"));
        }
        let kind = match f.get("sdnType").map(|t| t.to_ascii_lowercase()).as_deref() {
            Some("individual") => EntityKind::Person,
            Some("entity") | None => EntityKind::Organization,
            Some("vessel") => EntityKind::Vessel,
            Some("aircraft") => EntityKind::Aircraft,
            Some(other) => return Err(format!("unknown sdnType {other:?}")),
        };
        // The source is settled once the whole file is read.
        let mut entity = Entity::new(Source::UsOfacSdn, uid.clone(), kind);
        let primary = ofac_name(
            f.get("firstName"),
            f.get("lastName"),
            NameKind::Primary,
            kind,
        )
        .ok_or_else(|| format!("sdnEntry {uid} has no lastName"))?;
        entity.names.push(primary);
        entity.programs = std::mem::take(&mut self.programs);
        if let Some(title) = f.remove("title") {
            entity.push_property("title", title);
        }
        if let Some(remarks) = f.remove("remarks") {
            linked_to_in(&remarks, &mut entity.relationships);
            entity.remarks = Some(remarks);
        }
        for (name, mut s) in subs {
            match name.as_str() {
                "aka" => {
                    let kind = match s.get("type").map(String::as_str) {
                        Some("f.k.a.") => NameKind::Fka,
                        Some("n.k.a.") => NameKind::Nka,
                        _ => NameKind::Aka,
                    };
                    if let Some(mut name) =
                        ofac_name(s.get("firstName"), s.get("lastName"), kind, entity.kind)
                    {
                        if s.get("category")
                            .is_some_and(|c| c.eq_ignore_ascii_case("weak"))
                        {
                            name = name.weak();
                        }
                        entity.push_name(name);
                    }
                }
                "id" => apply_id(&mut entity, s),
                "address" => {
                    let street = ["address1", "address2", "address3"]
                        .iter()
                        .filter_map(|k| s.remove(*k))
                        .collect::<Vec<_>>()
                        .join(", ");
                    let address = Address {
                        street: (!street.is_empty()).then_some(street),
                        city: s.remove("city"),
                        region: s.remove("stateOrProvince"),
                        postal_code: s.remove("postalCode"),
                        country: s.remove("country"),
                        full: None,
                    };
                    push_address(&mut entity, address);
                }
                "nationality" => {
                    if let Some(c) = s.remove("country") {
                        entity.nationalities.push(c);
                    }
                }
                "citizenship" => {
                    if let Some(c) = s.remove("country") {
                        entity.citizenships.push(c);
                    }
                }
                "dateOfBirthItem" => {
                    if let Some(text) = s.remove("dateOfBirth") {
                        match parse_date_phrase(&text) {
                            Some(date) => entity.birth_dates.push(date),
                            None => entity.push_property("birth_date_text", text),
                        }
                    }
                }
                "placeOfBirthItem" => {
                    if let Some(p) = s.remove("placeOfBirth") {
                        entity.birth_places.push(p);
                    }
                }
                "vesselInfo" => {
                    for (from, key) in [
                        ("callSign", "vessel_call_sign"),
                        ("vesselType", "vessel_type"),
                        ("vesselFlag", "vessel_flag"),
                        ("vesselOwner", "vessel_owner"),
                        ("tonnage", "vessel_tonnage"),
                        ("grossRegisteredTonnage", "vessel_grt"),
                    ] {
                        if let Some(v) = s.remove(from) {
                            if key == "vessel_flag" && !entity.countries.contains(&v) {
                                entity.countries.push(v.clone());
                            }
                            entity.push_property(key, v);
                        }
                    }
                }
                _ => {}
            }
        }
        Ok(entity)
    }
}

/// Adds an address with its one-line form, and its country to the entity's
/// countries.
pub(crate) fn push_address(entity: &mut Entity, mut address: Address) {
    let parts: Vec<&str> = [
        &address.street,
        &address.city,
        &address.region,
        &address.postal_code,
        &address.country,
    ]
    .into_iter()
    .flatten()
    .map(String::as_str)
    .collect();
    if parts.is_empty() {
        return;
    }
    if address.full.is_none() {
        address.full = Some(parts.join(", "));
    }
    if let Some(c) = &address.country {
        if !entity.countries.contains(c) {
            entity.countries.push(c.clone());
        }
    }
    entity.addresses.push(address);
}

/// A name from OFAC's first/last split, written `LAST, First` like the
/// legacy CSV so both formats give the same `full` text.
fn ofac_name(
    first: Option<&String>,
    last: Option<&String>,
    kind: NameKind,
    entity: EntityKind,
) -> Option<Name> {
    let last = last.map(|s| s.trim()).filter(|s| !s.is_empty());
    let first = first.map(|s| s.trim()).filter(|s| !s.is_empty());
    let full = match (last, first) {
        (Some(l), Some(f)) => format!("{l}, {f}"),
        (Some(l), None) => l.to_string(),
        (None, Some(f)) => f.to_string(),
        (None, None) => return None,
    };
    let mut name = Name::new(full, kind);
    if entity == EntityKind::Person {
        if let Some(l) = last {
            name.parts.push(NamePart {
                role: NamePartRole::Family,
                value: l.to_string(),
            });
        }
        if let Some(f) = first {
            name.parts.push(NamePart {
                role: NamePartRole::Given,
                value: f.to_string(),
            });
        }
    }
    Some(name)
}

/// `(Linked To: NAME)` inside XML remarks.
fn linked_to_in(remarks: &str, into: &mut Vec<Relationship>) {
    let mut rest = remarks;
    while let Some(at) = rest.find("Linked To:") {
        let after = &rest[at + "Linked To:".len()..];
        let end = after.find([')', ';']).unwrap_or(after.len());
        let target = after[..end].trim().trim_end_matches('.').trim();
        if !target.is_empty() {
            into.push(crate::xmlrec::named_relationship(
                RelationKind::LinkedTo,
                target.to_string(),
                None,
            ));
        }
        rest = &after[end..];
    }
}

/// An `<id>` item.
fn apply_id(entity: &mut Entity, mut s: Fields) {
    let (Some(id_type), Some(number)) = (s.remove("idType"), s.remove("idNumber")) else {
        return;
    };
    let note = [("issueDate", "issued"), ("expirationDate", "expires")]
        .iter()
        .filter_map(|(k, label)| s.get(*k).map(|v| format!("{label} {v}")))
        .collect::<Vec<_>>()
        .join(" ");
    apply_labelled(entity, &id_type, &number, s.remove("idCountry"), note);
}

/// Applies one labelled fact (`idType` + `idNumber` in sdn.xml, a feature or
/// document type + value in Advanced XML). OFAC files many remark-like facts
/// (website, gender, established date, secondary sanctions risk, …) this
/// way, so the label goes through the remarks clause parser and all OFAC
/// formats map a label alike. An unknown label with a country or note
/// becomes an `other` identifier, else a property named after the label.
pub(crate) fn apply_labelled(
    entity: &mut Entity,
    label: &str,
    value: &str,
    country: Option<String>,
    note: String,
) {
    let label = label.trim();
    let value = value.trim();
    if label.is_empty() || value.is_empty() {
        return;
    }
    let clause = format!("{} {}", label.trim_end_matches([' ', ':', '-']), value);
    let mut parsed: ParsedRemarks = parse_remarks(&format!("{clause}."));
    if parsed.identifiers.len() == 1 {
        let id = &mut parsed.identifiers[0];
        if id.id_type != "crypto" {
            // The published number, unsplit: the XML carries the country apart.
            id.number = value.to_string();
        }
        if country.is_some() {
            id.country = country;
        }
        if !note.is_empty() {
            id.note = Some(note);
        }
    } else if !parsed.unparsed.is_empty() {
        parsed.unparsed.clear();
        if country.is_some() || !note.is_empty() {
            parsed.identifiers.push(Identifier {
                id_type: "other".into(),
                number: value.to_string(),
                country,
                known_false: false,
                note: Some(format!("{label} {note}").trim().to_string()),
            });
        } else {
            parsed
                .properties
                .entry(property_key(label))
                .or_default()
                .push(value.to_string());
        }
    }
    parsed.apply_to(entity);
}

/// `Executive Order 13662 Directive Determination -` → `executive_order_13662_directive_determination`.
pub(crate) fn property_key(label: &str) -> String {
    let mut key = String::with_capacity(label.len());
    for c in label.chars() {
        if c.is_ascii_alphanumeric() {
            key.push(c.to_ascii_lowercase());
        } else if !key.ends_with('_') && !key.is_empty() {
            key.push('_');
        }
    }
    key.trim_end_matches('_').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publication_dates_and_keys() {
        assert_eq!(us_date_to_iso("01/08/2026").as_deref(), Some("2026-01-08"));
        assert_eq!(us_date_to_iso("13/08/2026"), None);
        assert_eq!(
            property_key("Executive Order 13662 Directive Determination -"),
            "executive_order_13662_directive_determination"
        );
    }

    #[test]
    fn linked_to_in_parentheses() {
        let mut rels = Vec::new();
        linked_to_in("(Linked To: HAMAS)", &mut rels);
        assert_eq!(rels.len(), 1);
        assert_eq!(rels[0].target_name.as_deref(), Some("HAMAS"));
    }
}
