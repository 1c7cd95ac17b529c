//! The unified entity model of tamga.
//!
//! Every list loader (`tamga-sources`) turns an official publication into
//! [`Entity`] values; every later stage (name matching, screening, ownership and
//! licence decisions, the HTTP service) reads only this model. The model is
//! deliberately *lossless where it matters for compliance*: a loader must never
//! drop a published name, date of birth, identifier or relationship; anything it
//! cannot place in a typed field goes to [`Entity::remarks`] or
//! [`Entity::properties`] rather than being discarded.
//!
//! Ids are stable across publications: `<source>:<source_id>` where `source_id`
//! is the identifier the authority publishes (OFAC `ent_num`, UN `DATAID`, EU
//! `logicalId`, UK Group ID, OpenSanctions id).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// Which publication an entity comes from.
///
/// Known official sources have fixed slugs; a user's own list (internal
/// blacklist, PEP list) is `Custom` with the name the user gave it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Source {
    /// US OFAC Specially Designated Nationals list.
    UsOfacSdn,
    /// US OFAC consolidated non-SDN lists (SSI, NS-MBS, FSE, …).
    UsOfacCons,
    /// UN Security Council consolidated list.
    UnSc,
    /// EU Financial Sanctions Files (consolidated list).
    EuFsf,
    /// UK HM Treasury OFSI consolidated list.
    GbOfsi,
    /// UK FCDO UK Sanctions List.
    GbFcdo,
    /// Canada Special Economic Measures Act consolidated list.
    CaSema,
    /// OpenSanctions FollowTheMoney data.
    OpenSanctions,
    /// A user-named list.
    Custom(String),
}

impl Source {
    /// Every built-in source, in display order.
    pub const BUILTIN: [Source; 8] = [
        Source::UsOfacSdn,
        Source::UsOfacCons,
        Source::UnSc,
        Source::EuFsf,
        Source::GbOfsi,
        Source::GbFcdo,
        Source::CaSema,
        Source::OpenSanctions,
    ];

    /// The stable slug used in ids and output (`us_ofac_sdn`, …).
    pub fn as_str(&self) -> &str {
        match self {
            Source::UsOfacSdn => "us_ofac_sdn",
            Source::UsOfacCons => "us_ofac_cons",
            Source::UnSc => "un_sc",
            Source::EuFsf => "eu_fsf",
            Source::GbOfsi => "gb_ofsi",
            Source::GbFcdo => "gb_fcdo",
            Source::CaSema => "ca_sema",
            Source::OpenSanctions => "opensanctions",
            Source::Custom(name) => name,
        }
    }

    /// Parses a slug; anything that is not a built-in slug is a custom list name.
    pub fn from_slug(slug: &str) -> Source {
        Source::BUILTIN
            .iter()
            .find(|s| s.as_str() == slug)
            .cloned()
            .unwrap_or_else(|| Source::Custom(slug.to_string()))
    }

    /// The sanctions regime whose law this source publishes, if any.
    pub fn regime(&self) -> Option<Regime> {
        match self {
            Source::UsOfacSdn | Source::UsOfacCons => Some(Regime::Us),
            Source::UnSc => Some(Regime::Un),
            Source::EuFsf => Some(Regime::Eu),
            Source::GbOfsi | Source::GbFcdo => Some(Regime::Uk),
            Source::CaSema => Some(Regime::Ca),
            Source::OpenSanctions | Source::Custom(_) => None,
        }
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Source {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Source {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let slug = String::deserialize(d)?;
        Ok(Source::from_slug(&slug))
    }
}

impl Default for Source {
    /// An unnamed custom list; loaders always set the real source.
    fn default() -> Self {
        Source::Custom(String::new())
    }
}

/// A body of sanctions law. Decisions are made per regime.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Regime {
    /// United Nations Security Council (binding on every member state).
    Un,
    /// United States (OFAC).
    Us,
    /// European Union.
    Eu,
    /// United Kingdom (OFSI / FCDO).
    Uk,
    /// Canada.
    Ca,
}

/// What kind of thing a list entry designates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A natural person.
    Person,
    /// A company, organisation, government body or other legal entity.
    Organization,
    /// A ship.
    Vessel,
    /// An aircraft.
    Aircraft,
    /// The publication does not say.
    #[default]
    Unknown,
}

impl EntityKind {
    /// Parses the usual spellings (`person`, `individual`, `entity`, `company`, …).
    pub fn parse(text: &str) -> Option<EntityKind> {
        match text.trim().to_ascii_lowercase().as_str() {
            "person" | "individual" | "individuals" | "p" => Some(EntityKind::Person),
            "organization" | "organisation" | "entity" | "entities" | "company" | "legalentity"
            | "org" | "e" => Some(EntityKind::Organization),
            "vessel" | "ship" => Some(EntityKind::Vessel),
            "aircraft" | "airplane" => Some(EntityKind::Aircraft),
            "unknown" | "" => Some(EntityKind::Unknown),
            _ => None,
        }
    }

    /// The lowercase name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Vessel => "vessel",
            EntityKind::Aircraft => "aircraft",
            EntityKind::Unknown => "unknown",
        }
    }
}

/// The role a name plays for its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NameKind {
    /// The main name under which the entity is listed.
    #[default]
    Primary,
    /// Also known as.
    Aka,
    /// Formerly known as.
    Fka,
    /// Now known as.
    Nka,
    /// The name written in its original (often non-Latin) script.
    OriginalScript,
}

/// How reliable a name is as an identifier, as the publisher grades it.
///
/// OFAC and the UN mark some aliases "weak" / "low quality": broad nicknames
/// that alone would produce many false hits. Screening still matches them but
/// must not rank them like strong names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NameQuality {
    /// A normal, strong name.
    #[default]
    Strong,
    /// A low-quality / weak alias.
    Weak,
}

/// One name of an entity.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Name {
    /// The full name as published (whitespace trimmed, otherwise untouched).
    pub full: String,
    /// Its role.
    pub kind: NameKind,
    /// Publisher's quality grade.
    pub quality: NameQuality,
    /// Dominant script, as an ISO 15924 code (`Latn`, `Cyrl`, `Arab`, …) when
    /// the loader knows or detects it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub script: Option<String>,
    /// Language of the name (ISO 639) where published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// Name parts where the publisher splits them (given, family, …), in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<NamePart>,
}

impl Name {
    /// A strong name of the given kind with no parts; script detected later.
    pub fn new(full: impl Into<String>, kind: NameKind) -> Name {
        Name {
            full: full.into().trim().to_string(),
            kind,
            ..Name::default()
        }
    }

    /// The same name marked weak.
    pub fn weak(mut self) -> Name {
        self.quality = NameQuality::Weak;
        self
    }
}

/// A published part of a name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamePart {
    /// Which part.
    pub role: NamePartRole,
    /// Its text.
    pub value: String,
}

/// The role of a published name part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NamePartRole {
    /// Given / first name.
    Given,
    /// Middle name.
    Middle,
    /// Patronymic (father's name).
    Patronymic,
    /// Family name / surname.
    Family,
    /// Title or honorific.
    Title,
    /// Any other published part (UN FOURTH_NAME, …).
    Other,
}

/// A date of birth (or of incorporation for organisations) as precise as published.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum BirthDate {
    /// A full calendar date.
    Exact {
        /// Year.
        year: i32,
        /// Month 1–12.
        month: u8,
        /// Day 1–31.
        day: u8,
    },
    /// Only year and month are known.
    Month {
        /// Year.
        year: i32,
        /// Month 1–12.
        month: u8,
    },
    /// Only the year is known.
    Year {
        /// Year.
        year: i32,
    },
    /// Born between two years inclusive (`1958 to 1962`, UN `BETWEEN`).
    Range {
        /// First possible year.
        from: i32,
        /// Last possible year.
        to: i32,
    },
    /// `circa 1960` / UN `APPROXIMATELY`: the year give or take a few.
    Approximate {
        /// Central year.
        year: i32,
    },
}

impl BirthDate {
    /// The inclusive range of years this date allows. `Approximate` is taken
    /// as ±2 years, the tolerance OFAC's own guidance uses for "circa".
    pub fn year_range(&self) -> (i32, i32) {
        match *self {
            BirthDate::Exact { year, .. }
            | BirthDate::Month { year, .. }
            | BirthDate::Year { year } => (year, year),
            BirthDate::Range { from, to } => (from, to),
            BirthDate::Approximate { year } => (year - 2, year + 2),
        }
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (ISO forms used by queries and FtM).
    pub fn parse_iso(text: &str) -> Option<BirthDate> {
        let text = text.trim();
        let mut parts = text.splitn(3, '-');
        let year: i32 = parts.next()?.parse().ok()?;
        if !(1000..=2999).contains(&year) {
            return None;
        }
        let month = match parts.next() {
            None => return Some(BirthDate::Year { year }),
            Some(m) => m.parse::<u8>().ok().filter(|m| (1..=12).contains(m))?,
        };
        let day = match parts.next() {
            None => return Some(BirthDate::Month { year, month }),
            Some(d) => d
                .get(..2.min(d.len()))
                .and_then(|d| d.parse::<u8>().ok())
                .filter(|d| (1..=31).contains(d))?,
        };
        Some(BirthDate::Exact { year, month, day })
    }
}

/// An identity or registration document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Identifier {
    /// Normalised type (`passport`, `national_id`, `tax_id`, `inn`, `ogrn`,
    /// `registration`, `imo`, `mmsi`, `swift_bic`, `crypto`, `other`, …).
    pub id_type: String,
    /// The number as published.
    pub number: String,
    /// Issuing country where published (name or ISO code as published).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// The publisher says the document is known to be false / fraudulent.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub known_false: bool,
    /// Anything else the publisher says about it (issue date, "expires", …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A postal address.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Address {
    /// Street lines as published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    /// City.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// State / province / region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Postal code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// Country as published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// The whole address as one line when the source does not split it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub full: Option<String>,
}

/// How two entities are related.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    /// This entity is owned (wholly or partly) by the target.
    OwnedBy,
    /// This entity owns (wholly or partly) the target.
    Owns,
    /// This entity controls the target (director, manager, …).
    Controls,
    /// This entity is controlled by the target.
    ControlledBy,
    /// Generic link (OFAC `Linked To:`).
    LinkedTo,
    /// Business or personal associate.
    Associate,
    /// Family member.
    Family,
}

/// A published relationship from this entity to another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Relationship {
    /// Kind of relation, read from this entity's side.
    pub kind: RelationKind,
    /// The other party's entity id when the publisher references it by id
    /// (already in `<source>:<source_id>` form).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_id: Option<String>,
    /// The other party's name as published (OFAC `Linked To: NAME.`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_name: Option<String>,
    /// Ownership share in percent, where published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percentage: Option<f64>,
    /// Free-text qualifier as published (role, relation type, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One designated party (or PEP / custom-list entry) in unified form.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Entity {
    /// Stable id, `<source>:<source_id>`.
    pub id: String,
    /// Publishing list.
    pub source: Source,
    /// The id as published by the authority.
    pub source_id: String,
    /// What is designated.
    pub kind: EntityKind,
    /// Every published name; the first `Primary` one is the caption.
    pub names: Vec<Name>,
    /// Dates of birth (persons) or incorporation (organisations), all published.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub birth_dates: Vec<BirthDate>,
    /// Places of birth as published.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub birth_places: Vec<String>,
    /// Nationalities as published.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nationalities: Vec<String>,
    /// Citizenships as published.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citizenships: Vec<String>,
    /// Other associated countries (address countries, jurisdiction, flag, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<String>,
    /// Gender as published (`male` / `female`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<String>,
    /// Documents and registration numbers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifiers: Vec<Identifier>,
    /// Addresses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub addresses: Vec<Address>,
    /// Sanctions programmes / regimes (`RUSSIA-EO14024`, `UKRAINE-EO13662`, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub programs: Vec<String>,
    /// Date of listing (ISO `YYYY-MM-DD`) where published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub listed_on: Option<String>,
    /// Free-text remarks as published (OFAC remarks with comment overflow merged).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remarks: Option<String>,
    /// Published relationships to other entities.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relationships: Vec<Relationship>,
    /// Any other published field, by name, so nothing is lost.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub properties: BTreeMap<String, Vec<String>>,
}

impl Entity {
    /// Creates an empty entity with its id derived from source and source id.
    pub fn new(source: Source, source_id: impl Into<String>, kind: EntityKind) -> Entity {
        let source_id = source_id.into();
        Entity {
            id: entity_id(&source, &source_id),
            source,
            source_id,
            kind,
            ..Entity::default()
        }
    }

    /// The caption: the first primary name, else the first name, else the id.
    pub fn caption(&self) -> &str {
        self.names
            .iter()
            .find(|n| n.kind == NameKind::Primary)
            .or_else(|| self.names.first())
            .map(|n| n.full.as_str())
            .unwrap_or(&self.id)
    }

    /// Adds a name unless the same text with the same kind is already present.
    pub fn push_name(&mut self, name: Name) {
        if name.full.is_empty() {
            return;
        }
        if !self
            .names
            .iter()
            .any(|n| n.full == name.full && n.kind == name.kind)
        {
            self.names.push(name);
        }
    }

    /// Appends a value to a free-form property.
    pub fn push_property(&mut self, key: &str, value: impl Into<String>) {
        let value = value.into();
        if !value.trim().is_empty() {
            self.properties
                .entry(key.to_string())
                .or_default()
                .push(value);
        }
    }
}

/// Builds the stable entity id `<source>:<source_id>`.
pub fn entity_id(source: &Source, source_id: &str) -> String {
    format!("{}:{}", source.as_str(), source_id)
}

/// Facts about one loaded publication (one list), kept for audit: which exact
/// file was screened against.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ListMeta {
    /// Source of every entity in the list.
    pub source: Source,
    /// Format that was detected (`ofac_csv`, `un_xml`, …).
    pub format: String,
    /// Files read, in order.
    pub files: Vec<String>,
    /// SHA-256 of the file contents (hex; files hashed in order, concatenated).
    pub sha256: String,
    /// Publication date stated in the file (ISO), when it states one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Records skipped in lenient mode, with the reason for each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// A loaded publication: its metadata and entities.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct EntityList {
    /// Facts about the publication.
    pub meta: ListMeta,
    /// The entities, in publication order.
    pub entities: Vec<Entity>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_source_prefixed_and_round_trip() {
        let e = Entity::new(Source::UsOfacSdn, "36", EntityKind::Organization);
        assert_eq!(e.id, "us_ofac_sdn:36");
        let json = serde_json_roundtrip(&e);
        assert_eq!(json.source, Source::UsOfacSdn);
        assert_eq!(Source::from_slug("my_pep"), Source::Custom("my_pep".into()));
    }

    fn serde_json_roundtrip(e: &Entity) -> Entity {
        let text = serde_json::to_string(e).expect("serialises");
        assert!(text.contains(r#""source":"us_ofac_sdn""#), "{text}");
        serde_json::from_str(&text).expect("deserialises")
    }

    #[test]
    fn iso_birth_dates_parse_at_published_precision() {
        assert_eq!(
            BirthDate::parse_iso("1957-07-20"),
            Some(BirthDate::Exact {
                year: 1957,
                month: 7,
                day: 20
            })
        );
        assert_eq!(
            BirthDate::parse_iso("1957-07"),
            Some(BirthDate::Month {
                year: 1957,
                month: 7
            })
        );
        assert_eq!(
            BirthDate::parse_iso("1957"),
            Some(BirthDate::Year { year: 1957 })
        );
        assert_eq!(BirthDate::parse_iso("57"), None);
        assert_eq!(BirthDate::parse_iso("1957-13"), None);
        assert_eq!(
            BirthDate::Approximate { year: 1960 }.year_range(),
            (1958, 1962)
        );
    }
}
