//! Loader for the OFAC Advanced Sanctions Data Model (`SDN_ADVANCED.XML`,
//! `cons_advanced.xml`).
//!
//! The file is a small relational database in XML, read in one streaming
//! pass because its sections come in dependency order:
//!
//! 1. `ReferenceValueSets`: dictionaries (alias types, countries, feature
//!    types, document types, scripts, programmes, lists, …) by numeric ID;
//! 2. `Locations`: addresses and countries, referenced by features;
//! 3. `IDRegDocuments`: identity documents, keyed by identity ID;
//! 4. `DistinctParties`: one `Profile` per listed party with its identities
//!    (aliases with documented name parts, in Latin and original scripts)
//!    and features (birth date, place of birth, nationality, gender, vessel
//!    data, …);
//! 5. `ProfileRelationships` and `SanctionsEntries` (programmes, listing
//!    date, which list), joined to the parties at the end.
//!
//! Which list the file is comes from its content: if most parties have a
//! sanctions entry on the "SDN List" it is [`Source::UsOfacSdn`], else
//! [`Source::UsOfacCons`].

use crate::ofac_xml::{apply_labelled, push_address, XmlEvent, XmlWalker};
use crate::{LoadError, LoadOptions};
use quick_xml::Reader;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use tamga_model::{
    Address, BirthDate, Entity, EntityKind, EntityList, Name, NameKind, NamePart, NamePartRole,
    RelationKind, Relationship, Source,
};

/// Loads an Advanced XML publication.
pub fn load(path: &Path, options: &LoadOptions) -> Result<EntityList, LoadError> {
    let file = std::fs::File::open(path).map_err(|e| LoadError::file(path, e.to_string()))?;
    let mut reader = Reader::from_reader(std::io::BufReader::with_capacity(1 << 16, file));
    reader.config_mut().trim_text(true);
    let mut walker = XmlWalker::new(path);
    let mut st = State::default();
    walker.run(&mut reader, |w, ev| st.handle(w, ev, options))?;
    if walker.root.as_deref() != Some("Sanctions") {
        return Err(LoadError::file(
            path,
            format!(
                "root element is <{}>, expected <Sanctions>",
                walker.root.as_deref().unwrap_or("")
            ),
        ));
    }
    st.finish(path, options)
}

/// One dictionary entry of `ReferenceValueSets`.
#[derive(Debug, Default, Clone)]
struct RefValue {
    text: String,
    attrs: Vec<(String, String)>,
}

impl RefValue {
    fn attr(&self, key: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// Year, month, day as far as published.
type Ymd = [Option<i32>; 3];

#[derive(Debug, Default, Clone)]
struct DatePeriod {
    start_from: Ymd,
    start_to: Ymd,
    end_from: Ymd,
    end_to: Ymd,
    approximate: bool,
}

#[derive(Debug, Default)]
struct Doc {
    identity: String,
    type_id: String,
    country_id: Option<String>,
    number: Option<String>,
    dates: Vec<(String, DatePeriod)>,
    comment: Option<String>,
}

#[derive(Debug, Default)]
struct Alias {
    type_id: String,
    primary: bool,
    low_quality: bool,
    /// Documented names: each a list of (name part group, script, text).
    names: Vec<Vec<(String, String, String)>>,
}

#[derive(Debug, Default)]
struct Feature {
    type_id: String,
    details: Vec<String>,
    dates: Vec<DatePeriod>,
    locations: Vec<String>,
}

#[derive(Debug, Default)]
struct SanctionsEntry {
    profile: String,
    list_id: String,
    date: Ymd,
    programs: Vec<String>,
}

#[derive(Default)]
struct State {
    refs: HashMap<(String, String), RefValue>,
    /// Location ID → address.
    locations: HashMap<String, Address>,
    docs: Vec<Doc>,
    entities: Vec<Entity>,
    /// Profile ID → index in `entities`.
    profiles: HashMap<String, usize>,
    /// Identity ID → profile ID.
    identities: HashMap<String, String>,
    relations: Vec<(String, Relationship)>,
    entries: Vec<SanctionsEntry>,
    warnings: Vec<String>,
    published: Ymd,

    // Open records while streaming.
    pending_ref: Option<(String, Vec<(String, String)>)>,
    loc: Option<(String, Address)>,
    loc_part: Option<String>,
    doc: Option<Doc>,
    doc_date_type: Option<String>,
    party_comment: Option<String>,
    entity: Option<Entity>,
    entity_error: Option<String>,
    identity_groups: HashMap<String, String>,
    identity_aliases: Vec<Alias>,
    alias: Option<Alias>,
    doc_name: Option<Vec<(String, String, String)>>,
    name_part: Option<(String, String)>,
    feature: Option<Feature>,
    period: Option<DatePeriod>,
    date: Ymd,
    entry: Option<SanctionsEntry>,
    measure_type: Option<String>,
}

fn attr<'a>(attrs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

impl State {
    fn reference(&self, set: &str, id: &str) -> Option<&RefValue> {
        self.refs.get(&(set.to_string(), id.to_string()))
    }

    fn ref_text(&self, set: &str, id: &str) -> Option<String> {
        self.reference(set, id)
            .map(|r| r.text.clone())
            .filter(|t| !t.is_empty())
    }

    fn country(&self, id: &str) -> Option<String> {
        self.ref_text("Country", id)
    }

    fn handle(
        &mut self,
        w: &XmlWalker<'_>,
        ev: XmlEvent<'_>,
        options: &LoadOptions,
    ) -> Result<(), LoadError> {
        let section = w.stack.get(1).map(String::as_str).unwrap_or("");
        match ev {
            XmlEvent::Start(name, attrs) => self.start(w, section, name, attrs),
            XmlEvent::End(name, text) => self.end(w, section, name, text, options),
        }
    }

    fn start(
        &mut self,
        w: &XmlWalker<'_>,
        section: &str,
        name: &str,
        attrs: &[(String, String)],
    ) -> Result<(), LoadError> {
        let a = |k: &str| attr(attrs, k).map(str::to_string);
        match (section, name) {
            ("ReferenceValueSets", _) if w.stack.len() == 4 => {
                self.pending_ref = Some((name.to_string(), attrs.to_vec()));
            }
            ("Locations", "Location") => {
                self.loc = Some((a("ID").unwrap_or_default(), Address::default()));
            }
            ("Locations", "LocationCountry") => {
                if let (Some((_, addr)), Some(id)) = (&mut self.loc, attr(attrs, "CountryID")) {
                    addr.country = self
                        .refs
                        .get(&("Country".into(), id.into()))
                        .map(|r| r.text.clone());
                }
            }
            ("Locations", "LocationAreaCode") => {
                // The area code's description names the country when no
                // LocationCountry follows ("undetermined" is no country).
                if let (Some((_, addr)), Some(id)) = (&mut self.loc, attr(attrs, "AreaCodeID")) {
                    addr.country = self
                        .refs
                        .get(&("AreaCode".into(), id.into()))
                        .and_then(|r| r.attr("Description"))
                        .filter(|t| !t.is_empty() && *t != "undetermined")
                        .map(str::to_string);
                }
            }
            ("Locations", "LocationPart") => {
                self.loc_part = a("LocPartTypeID");
            }
            ("IDRegDocuments", "IDRegDocument") => {
                self.doc = Some(Doc {
                    identity: a("IdentityID").unwrap_or_default(),
                    type_id: a("IDRegDocTypeID").unwrap_or_default(),
                    country_id: a("IssuedBy-CountryID"),
                    ..Doc::default()
                });
            }
            ("IDRegDocuments", "IDRegDocDate") => self.doc_date_type = a("IDRegDocDateTypeID"),
            ("DistinctParties", "DistinctParty") => {
                self.party_comment = None;
            }
            ("DistinctParties", "Profile") => {
                let id = a("ID").unwrap_or_default();
                let kind = self.party_kind(attr(attrs, "PartySubTypeID").unwrap_or(""));
                self.entity_error = match kind {
                    Some(_) if id.parse::<u64>().is_ok() => None,
                    Some(_) => Some(format!("Profile ID {id:?} is not a number")),
                    None => Some(format!("Profile {id} has an unknown PartySubTypeID")),
                };
                self.entity = Some(Entity::new(
                    Source::UsOfacSdn,
                    id,
                    kind.unwrap_or(EntityKind::Unknown),
                ));
            }
            ("DistinctParties", "Identity") => {
                if let (Some(e), Some(id)) = (&self.entity, a("ID")) {
                    self.identities.insert(id, e.source_id.clone());
                }
                self.identity_groups.clear();
                self.identity_aliases.clear();
            }
            ("DistinctParties", "Alias") => {
                self.alias = Some(Alias {
                    type_id: a("AliasTypeID").unwrap_or_default(),
                    primary: attr(attrs, "Primary") == Some("true"),
                    low_quality: attr(attrs, "LowQuality") == Some("true"),
                    names: Vec::new(),
                });
            }
            ("DistinctParties", "DocumentedName") => self.doc_name = Some(Vec::new()),
            ("DistinctParties", "NamePartValue") => {
                self.name_part = Some((
                    a("NamePartGroupID").unwrap_or_default(),
                    a("ScriptID").unwrap_or_default(),
                ));
            }
            ("DistinctParties", "NamePartGroup") => {
                if let (Some(id), Some(t)) = (a("ID"), a("NamePartTypeID")) {
                    self.identity_groups.insert(id, t);
                }
            }
            ("DistinctParties", "Feature") => {
                self.feature = Some(Feature {
                    type_id: a("FeatureTypeID").unwrap_or_default(),
                    ..Feature::default()
                });
            }
            ("DistinctParties", "VersionDetail") => {
                if let (Some(f), Some(r)) = (&mut self.feature, attr(attrs, "DetailReferenceID")) {
                    if let Some(text) = self.refs.get(&("DetailReference".into(), r.into())) {
                        f.details.push(text.text.clone());
                    }
                }
            }
            ("DistinctParties", "VersionLocation") => {
                if let (Some(f), Some(id)) = (&mut self.feature, a("LocationID")) {
                    f.locations.push(id);
                }
            }
            ("ProfileRelationships", "ProfileRelationship") => {
                let (Some(from), Some(to)) = (a("From-ProfileID"), a("To-ProfileID")) else {
                    return Ok(());
                };
                let label = attr(attrs, "RelationTypeID")
                    .and_then(|id| self.ref_text("RelationType", id))
                    .unwrap_or_default();
                let former = attr(attrs, "Former") == Some("true");
                let mut note = label.clone();
                if former {
                    note.push_str(" (former)");
                }
                self.relations.push((
                    from,
                    Relationship {
                        kind: relation_kind(&label),
                        // The source prefix is fixed once the list is known.
                        target_id: Some(to),
                        target_name: None,
                        percentage: None,
                        note: (!note.is_empty()).then_some(note),
                    },
                ));
            }
            ("SanctionsEntries", "SanctionsEntry") => {
                self.entry = Some(SanctionsEntry {
                    profile: a("ProfileID").unwrap_or_default(),
                    list_id: a("ListID").unwrap_or_default(),
                    ..SanctionsEntry::default()
                });
            }
            ("SanctionsEntries", "SanctionsMeasure") => self.measure_type = a("SanctionsTypeID"),
            (_, "DatePeriod") => self.period = Some(DatePeriod::default()),
            (_, "Start") | (_, "End") => {
                if let Some(p) = &mut self.period {
                    if attr(attrs, "Approximate") == Some("true") {
                        p.approximate = true;
                    }
                }
            }
            (_, "From") | (_, "To") | (_, "Date") => self.date = [None; 3],
            _ => {}
        }
        Ok(())
    }

    fn end(
        &mut self,
        w: &XmlWalker<'_>,
        section: &str,
        name: &str,
        text: &str,
        options: &LoadOptions,
    ) -> Result<(), LoadError> {
        let depth = w.stack.len();
        match (section, name) {
            ("ReferenceValueSets", _) if depth == 4 => {
                if let Some((set, attrs)) = self.pending_ref.take() {
                    let id = attr(&attrs, "ID").unwrap_or_default().to_string();
                    let text = if text.is_empty() {
                        // AreaCode "undetermined" has its name in Description.
                        attr(&attrs, "Description").unwrap_or_default().to_string()
                    } else {
                        text.to_string()
                    };
                    self.refs.insert((set, id), RefValue { text, attrs });
                }
            }
            (_, "Year") | (_, "Month") | (_, "Day") => {
                let slot = match name {
                    "Year" => 0,
                    "Month" => 1,
                    _ => 2,
                };
                let value = text.parse::<i32>().ok();
                if section == "DateOfIssue" {
                    self.published[slot] = value;
                } else {
                    self.date[slot] = value;
                }
            }
            (_, "From") | (_, "To") => {
                let parent = w.stack.get(depth.wrapping_sub(2)).map(String::as_str);
                if let Some(p) = &mut self.period {
                    let slot = match (parent, name) {
                        (Some("Start"), "From") => &mut p.start_from,
                        (Some("Start"), _) => &mut p.start_to,
                        (_, "From") => &mut p.end_from,
                        _ => &mut p.end_to,
                    };
                    *slot = self.date;
                }
            }
            (_, "DatePeriod") => {
                let period = self.period.take().unwrap_or_default();
                if let Some(f) = &mut self.feature {
                    f.dates.push(period);
                } else if let (Some(doc), Some(t)) = (&mut self.doc, self.doc_date_type.take()) {
                    doc.dates.push((t, period));
                }
            }
            ("Locations", "Value") => {
                if let (Some((_, addr)), Some(part)) = (&mut self.loc, &self.loc_part) {
                    let part_name = self
                        .refs
                        .get(&("LocPartType".to_string(), part.clone()))
                        .map(|r| r.text.as_str())
                        .unwrap_or("");
                    let slot = match part_name {
                        "ADDRESS1" | "ADDRESS2" | "ADDRESS3" => &mut addr.street,
                        "CITY" => &mut addr.city,
                        "STATE/PROVINCE" | "REGION" => &mut addr.region,
                        "POSTAL CODE" => &mut addr.postal_code,
                        _ => &mut addr.full,
                    };
                    match slot {
                        Some(existing) => {
                            existing.push_str(", ");
                            existing.push_str(text);
                        }
                        None => *slot = Some(text.to_string()),
                    }
                }
            }
            ("Locations", "Location") => {
                if let Some((id, addr)) = self.loc.take() {
                    self.locations.insert(id, addr);
                }
            }
            ("IDRegDocuments", "IDRegistrationNo") => {
                if let Some(d) = &mut self.doc {
                    d.number = Some(text.to_string());
                }
            }
            ("IDRegDocuments", "Comment") => {
                if let (Some(d), false) = (&mut self.doc, text.is_empty()) {
                    d.comment = Some(text.to_string());
                }
            }
            ("IDRegDocuments", "IDRegDocument") => {
                if let Some(d) = self.doc.take() {
                    self.docs.push(d);
                }
            }
            ("DistinctParties", "Comment") if depth == 4 && !text.is_empty() => {
                self.party_comment = Some(text.to_string());
            }
            ("DistinctParties", "NamePartValue") => {
                if let (Some(parts), Some((group, script))) =
                    (&mut self.doc_name, self.name_part.take())
                {
                    parts.push((group, script, text.to_string()));
                }
            }
            ("DistinctParties", "DocumentedName") => {
                if let (Some(alias), Some(parts)) = (&mut self.alias, self.doc_name.take()) {
                    alias.names.push(parts);
                }
            }
            ("DistinctParties", "Alias") => {
                if let Some(alias) = self.alias.take() {
                    self.identity_aliases.push(alias);
                }
            }
            ("DistinctParties", "Identity") => self.finish_identity(),
            ("DistinctParties", "VersionDetail") => {
                if let (Some(f), false) = (&mut self.feature, text.is_empty()) {
                    f.details.push(text.to_string());
                }
            }
            ("DistinctParties", "Feature") => {
                if let Some(f) = self.feature.take() {
                    self.apply_feature(f);
                }
            }
            ("DistinctParties", "Profile") => {
                if let Some(mut entity) = self.entity.take() {
                    entity.remarks = self.party_comment.take();
                    let error = self.entity_error.take().or_else(|| {
                        self.profiles
                            .contains_key(&entity.source_id)
                            .then(|| format!("duplicate Profile ID {}", entity.source_id))
                    });
                    match error {
                        None => {
                            self.profiles
                                .insert(entity.source_id.clone(), self.entities.len());
                            self.entities.push(entity);
                        }
                        Some(message) if options.lenient => self.warnings.push(format!(
                            "{} at byte {}: {message} (party skipped)",
                            w.path.display(),
                            w.offset
                        )),
                        Some(message) => return Err(w.error(message)),
                    }
                }
            }
            ("ProfileRelationships", "Comment") if !text.is_empty() => {
                // Ownership shares, where OFAC gives them, are in the comment.
                if let Some((_, rel)) = self.relations.last_mut() {
                    rel.percentage = percentage_in(text);
                    rel.note = Some(match rel.note.take() {
                        Some(label) => format!("{label}; {text}"),
                        None => text.to_string(),
                    });
                }
            }
            ("SanctionsEntries", "Date") => {
                if let Some(e) = &mut self.entry {
                    e.date = self.date;
                }
            }
            ("SanctionsEntries", "Comment") => {
                let is_program = self
                    .measure_type
                    .as_deref()
                    .and_then(|t| self.ref_text("SanctionsType", t))
                    .is_some_and(|t| t == "Program");
                if let (Some(e), true, false) = (&mut self.entry, is_program, text.is_empty()) {
                    e.programs.push(text.to_string());
                }
            }
            ("SanctionsEntries", "SanctionsMeasure") => self.measure_type = None,
            ("SanctionsEntries", "SanctionsEntry") => {
                if let Some(e) = self.entry.take() {
                    self.entries.push(e);
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn party_kind(&self, subtype_id: &str) -> Option<EntityKind> {
        let sub = self.reference("PartySubType", subtype_id)?;
        match sub.text.as_str() {
            "Vessel" => return Some(EntityKind::Vessel),
            "Aircraft" => return Some(EntityKind::Aircraft),
            _ => {}
        }
        let party = self.ref_text("PartyType", sub.attr("PartyTypeID")?)?;
        Some(match party.as_str() {
            "Individual" => EntityKind::Person,
            "Entity" | "Other Entity" => EntityKind::Organization,
            // A transport that is neither vessel nor aircraft, or a
            // "Location" party: the model has no kind for it.
            _ => EntityKind::Unknown,
        })
    }

    /// Turns the identity's aliases into names, now that its name part
    /// groups (which follow the aliases in the file) are known.
    fn finish_identity(&mut self) {
        let aliases = std::mem::take(&mut self.identity_aliases);
        let Some(entity) = &mut self.entity else {
            return;
        };
        for alias in aliases {
            let alias_type = self
                .refs
                .get(&("AliasType".to_string(), alias.type_id.clone()));
            let kind = if alias.primary {
                NameKind::Primary
            } else {
                match alias_type.map(|r| r.text.as_str()) {
                    Some("F.K.A.") => NameKind::Fka,
                    Some("N.K.A.") => NameKind::Nka,
                    _ => NameKind::Aka,
                }
            };
            for parts in alias.names {
                let script_code = parts
                    .first()
                    .and_then(|(_, s, _)| self.refs.get(&("Script".to_string(), s.clone())))
                    .and_then(|r| r.attr("ScriptCode").map(str::to_string));
                let script = script_code.as_deref().map(iso_15924);
                let mut family = Vec::new();
                let mut given = Vec::new();
                let mut other = Vec::new();
                let mut name_parts = Vec::new();
                for (group, _, text) in &parts {
                    let part_type = self
                        .identity_groups
                        .get(group)
                        .and_then(|t| self.refs.get(&("NamePartType".to_string(), t.clone())))
                        .map(|r| r.text.as_str())
                        .unwrap_or("");
                    let role = match part_type {
                        "Last Name" => {
                            family.push(text.as_str());
                            Some(NamePartRole::Family)
                        }
                        "First Name" => {
                            given.push(text.as_str());
                            Some(NamePartRole::Given)
                        }
                        "Middle Name" => {
                            given.push(text.as_str());
                            Some(NamePartRole::Middle)
                        }
                        "Patronymic" => {
                            given.push(text.as_str());
                            Some(NamePartRole::Patronymic)
                        }
                        "Matronymic" => {
                            given.push(text.as_str());
                            Some(NamePartRole::Other)
                        }
                        _ => {
                            other.push(text.as_str());
                            None
                        }
                    };
                    if let (Some(role), EntityKind::Person) = (role, entity.kind) {
                        name_parts.push(NamePart {
                            role,
                            value: text.clone(),
                        });
                    }
                }
                // `LAST, First` like the legacy CSV and sdn.xml, so the three
                // OFAC formats publish the same caption.
                let full = if !family.is_empty() && !given.is_empty() {
                    format!("{}, {}", family.join(" "), given.join(" "))
                } else {
                    family
                        .iter()
                        .chain(&given)
                        .chain(&other)
                        .copied()
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                let latin = script.as_deref().is_none_or(|s| s == "Latn");
                let mut name = Name::new(
                    full,
                    if latin {
                        kind
                    } else {
                        NameKind::OriginalScript
                    },
                );
                name.script = script;
                name.parts = name_parts;
                if alias.low_quality {
                    name = name.weak();
                }
                entity.push_name(name);
            }
        }
        // Keep the primary name first: it is the caption.
        if let Some(i) = entity
            .names
            .iter()
            .position(|n| n.kind == NameKind::Primary)
        {
            let primary = entity.names.remove(i);
            entity.names.insert(0, primary);
        }
    }

    fn apply_feature(&mut self, f: Feature) {
        let label = self.ref_text("FeatureType", &f.type_id).unwrap_or_default();
        let countries: Vec<String> = f
            .locations
            .iter()
            .filter_map(|id| self.locations.get(id))
            // A country-only location may be published as one untyped part.
            .filter_map(|a| a.country.clone().or_else(|| a.full.clone()))
            .collect();
        let addresses: Vec<Address> = f
            .locations
            .iter()
            .filter_map(|id| self.locations.get(id).cloned())
            .collect();
        let Some(entity) = &mut self.entity else {
            return;
        };
        match label.as_str() {
            "Birthdate" | "Organization Established Date" => {
                for p in &f.dates {
                    if let Some(d) = period_to_birth_date(p) {
                        if !entity.birth_dates.contains(&d) {
                            entity.birth_dates.push(d);
                        }
                    }
                }
            }
            "Place of Birth" => {
                entity.birth_places.extend(f.details.iter().cloned());
                entity
                    .birth_places
                    .extend(addresses.iter().filter_map(address_line));
            }
            "Nationality Country" => entity.nationalities.extend(countries),
            "Citizenship Country" => entity.citizenships.extend(countries),
            "Gender" => {
                if let Some(g) = f.details.first() {
                    entity.gender = Some(g.to_ascii_lowercase());
                }
            }
            "Location" | "Address" => {
                for a in addresses {
                    push_address(entity, a);
                }
            }
            _ => {
                let mut values = f.details.clone();
                values.extend(countries);
                values.extend(f.dates.iter().filter_map(period_text));
                for value in values {
                    apply_labelled(entity, &label, &value, None, String::new());
                }
            }
        }
    }

    fn finish(mut self, path: &Path, options: &LoadOptions) -> Result<EntityList, LoadError> {
        let sdn_list_ids: HashSet<String> = self
            .refs
            .iter()
            .filter(|((set, _), v)| set == "List" && v.text == "SDN List")
            .map(|((_, id), _)| id.clone())
            .collect();
        let on_sdn: HashSet<&str> = self
            .entries
            .iter()
            .filter(|e| sdn_list_ids.contains(&e.list_id))
            .map(|e| e.profile.as_str())
            .collect();
        let source = if on_sdn.len() * 2 > self.entities.len() {
            Source::UsOfacSdn
        } else {
            Source::UsOfacCons
        };
        for e in &mut self.entities {
            e.source = source.clone();
            e.id = tamga_model::entity_id(&source, &e.source_id);
        }

        let mut problems = Vec::new();
        for doc in std::mem::take(&mut self.docs) {
            let Some(i) = self
                .identities
                .get(&doc.identity)
                .and_then(|p| self.profiles.get(p))
                .copied()
            else {
                problems.push(format!(
                    "IDRegDocument for unknown IdentityID {}",
                    doc.identity
                ));
                continue;
            };
            let label = self
                .ref_text("IDRegDocType", &doc.type_id)
                .unwrap_or_default();
            let country = doc.country_id.as_deref().and_then(|c| self.country(c));
            let mut note: Vec<String> = doc
                .dates
                .iter()
                .filter_map(|(t, p)| {
                    let kind = self.ref_text("IDRegDocDateType", t)?;
                    Some(format!("{} {}", kind, period_text(p)?))
                })
                .collect();
            note.extend(doc.comment.clone());
            if let Some(number) = &doc.number {
                apply_labelled(
                    &mut self.entities[i],
                    &label,
                    number,
                    country,
                    note.join("; "),
                );
            }
        }
        for (from, mut rel) in std::mem::take(&mut self.relations) {
            let Some(&i) = self.profiles.get(&from) else {
                problems.push(format!("ProfileRelationship from unknown profile {from}"));
                continue;
            };
            rel.target_id = rel.target_id.map(|to| tamga_model::entity_id(&source, &to));
            self.entities[i].relationships.push(rel);
        }
        for entry in std::mem::take(&mut self.entries) {
            let Some(&i) = self.profiles.get(&entry.profile) else {
                problems.push(format!(
                    "SanctionsEntry for unknown profile {}",
                    entry.profile
                ));
                continue;
            };
            let list_name = self.ref_text("List", &entry.list_id);
            let e = &mut self.entities[i];
            for p in entry.programs {
                if !e.programs.contains(&p) {
                    e.programs.push(p);
                }
            }
            if let Some(list) = list_name {
                if !e.properties.get("list").is_some_and(|l| l.contains(&list)) {
                    e.push_property("list", list);
                }
            }
            if let Some(date) = ymd_iso(&entry.date) {
                // The earliest entry event is the original listing.
                if e.listed_on.as_ref().is_none_or(|d| date < *d) {
                    e.listed_on = Some(date);
                }
            }
        }
        if !problems.is_empty() {
            if options.lenient {
                self.warnings.extend(
                    problems
                        .into_iter()
                        .map(|p| format!("{}: {p}", path.display())),
                );
            } else {
                return Err(LoadError::file(path, problems.swap_remove(0)));
            }
        }
        if self.entities.is_empty() {
            return Err(LoadError::file(path, "no DistinctParty in the file"));
        }
        crate::xmlrec::single_file_list(
            path,
            source,
            crate::Format::OfacAdvancedXml,
            ymd_iso(&self.published),
            self.warnings,
            self.entities,
        )
    }
}

/// The first `NN%` / `NN.N %` in a text, as a percentage.
fn percentage_in(text: &str) -> Option<f64> {
    let at = text.find('%')?;
    let head = text[..at].trim_end();
    let start = head
        .rfind(|c: char| !(c.is_ascii_digit() || c == '.'))
        .map_or(0, |i| i + 1);
    head[start..]
        .parse::<f64>()
        .ok()
        .filter(|p| (0.0..=100.0).contains(p))
}

fn address_line(a: &Address) -> Option<String> {
    let parts: Vec<&str> = [&a.street, &a.city, &a.region, &a.postal_code, &a.country]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// Advanced XML relation type names → model relation kinds, read from the
/// `From` profile's side.
fn relation_kind(label: &str) -> RelationKind {
    let l = label.to_ascii_lowercase();
    if l.contains("owned or controlled by") || l.contains("owned by") {
        RelationKind::OwnedBy
    } else if l.contains("controlled by") {
        RelationKind::ControlledBy
    } else if l.contains("leader") || l.contains("official") || l.contains("executive") {
        RelationKind::Controls
    } else if l.contains("associate") {
        RelationKind::Associate
    } else if l.contains("family") {
        RelationKind::Family
    } else {
        RelationKind::LinkedTo
    }
}

/// The Advanced XML `ScriptCode` (script name) as ISO 15924.
fn iso_15924(code: &str) -> String {
    match code.to_ascii_lowercase().as_str() {
        "latin" => "Latn",
        "cyrillic" => "Cyrl",
        "arabic" => "Arab",
        "chinese simplified" | "chinese traditional" | "chinese" | "han" => "Hani",
        "korean" | "hangul" => "Hang",
        "greek" => "Grek",
        "hebrew" => "Hebr",
        "georgian" => "Geor",
        "armenian" => "Armn",
        "thai" => "Thai",
        "burmese" | "myanmar" => "Mymr",
        "japanese" => "Jpan",
        other => return other.to_string(),
    }
    .to_string()
}

fn ymd_iso(d: &Ymd) -> Option<String> {
    match *d {
        [Some(y), Some(m), Some(day)] => Some(format!("{y:04}-{m:02}-{day:02}")),
        [Some(y), Some(m), None] => Some(format!("{y:04}-{m:02}")),
        [Some(y), None, None] => Some(format!("{y:04}")),
        _ => None,
    }
}

fn period_text(p: &DatePeriod) -> Option<String> {
    let start = ymd_iso(&p.start_from)?;
    let end = ymd_iso(&if p.end_to[0].is_some() {
        p.end_to
    } else {
        p.end_from
    });
    match end {
        Some(end) if end != start => Some(format!("{start} to {end}")),
        _ => Some(start),
    }
}

fn days_in_month(year: i32, month: i32) -> i32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A date period as the most precise [`BirthDate`] it states: one day is
/// exact, a whole month or year is that month or year, anything wider a
/// range of years; `Approximate` on a single year is "circa".
fn period_to_birth_date(p: &DatePeriod) -> Option<BirthDate> {
    let [Some(y1), m1, d1] = p.start_from else {
        return None;
    };
    let end = if p.end_to[0].is_some() {
        p.end_to
    } else {
        p.end_from
    };
    let [y2, m2, d2] = end;
    let y2 = y2.unwrap_or(y1);
    let (m1, d1) = (m1.unwrap_or(1), d1.unwrap_or(1));
    let (m2, d2) = (m2.unwrap_or(12), d2.unwrap_or(31));
    if y1 != y2 {
        return (y1 < y2).then_some(BirthDate::Range { from: y1, to: y2 });
    }
    if p.approximate {
        return Some(BirthDate::Approximate { year: y1 });
    }
    let valid = |m: i32, d: i32| (1..=12).contains(&m) && (1..=31).contains(&d);
    if !valid(m1, d1) || !valid(m2, d2) {
        return Some(BirthDate::Year { year: y1 });
    }
    if (m1, d1) == (m2, d2) {
        return Some(BirthDate::Exact {
            year: y1,
            month: m1 as u8,
            day: d1 as u8,
        });
    }
    if m1 == m2 && d1 == 1 && d2 == days_in_month(y1, m1) {
        return Some(BirthDate::Month {
            year: y1,
            month: m1 as u8,
        });
    }
    Some(BirthDate::Year { year: y1 })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(a: (i32, i32, i32), b: (i32, i32, i32)) -> DatePeriod {
        let ymd = |(y, m, d): (i32, i32, i32)| [Some(y), Some(m), Some(d)];
        DatePeriod {
            start_from: ymd(a),
            start_to: ymd(a),
            end_from: ymd(b),
            end_to: ymd(b),
            approximate: false,
        }
    }

    #[test]
    fn periods_map_to_published_precision() {
        assert_eq!(
            period_to_birth_date(&period((1962, 1, 1), (1962, 12, 31))),
            Some(BirthDate::Year { year: 1962 })
        );
        assert_eq!(
            period_to_birth_date(&period((1962, 2, 1), (1962, 2, 28))),
            Some(BirthDate::Month {
                year: 1962,
                month: 2
            })
        );
        assert_eq!(
            period_to_birth_date(&period((1962, 2, 3), (1962, 2, 3))),
            Some(BirthDate::Exact {
                year: 1962,
                month: 2,
                day: 3
            })
        );
        assert_eq!(
            period_to_birth_date(&period((1958, 1, 1), (1962, 12, 31))),
            Some(BirthDate::Range {
                from: 1958,
                to: 1962
            })
        );
        let mut circa = period((1960, 1, 1), (1960, 12, 31));
        circa.approximate = true;
        assert_eq!(
            period_to_birth_date(&circa),
            Some(BirthDate::Approximate { year: 1960 })
        );
    }

    #[test]
    fn percentages_in_comments() {
        assert_eq!(percentage_in("owns 50% of the shares"), Some(50.0));
        assert_eq!(percentage_in("25.5 %"), Some(25.5));
        assert_eq!(percentage_in("no share"), None);
        assert_eq!(percentage_in("150%"), None);
    }

    #[test]
    fn relation_labels() {
        assert_eq!(
            relation_kind("Owned or Controlled By"),
            RelationKind::OwnedBy
        );
        assert_eq!(relation_kind("Associate Of"), RelationKind::Associate);
        assert_eq!(
            relation_kind("Providing support to"),
            RelationKind::LinkedTo
        );
    }
}
