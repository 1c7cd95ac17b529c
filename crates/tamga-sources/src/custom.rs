//! Loader for a user's own list as CSV (internal blacklist, PEP list, …).
//!
//! # Layout
//!
//! UTF-8 CSV with a header row. One row per *name*; rows sharing an `id`
//! form one entity (in order of first appearance), so a person with Latin,
//! Kazakh and Russian spellings is three rows with one id. Columns, matched
//! case-insensitively:
//!
//! | column       | required | meaning |
//! |--------------|----------|---------|
//! | `id`         | yes      | the entity's id in your list (`source_id`) |
//! | `name`       | yes      | one name |
//! | `kind`       | no       | `person`, `organization`, `vessel`, `aircraft` (default `unknown`) |
//! | `name_type`  | no       | `primary`, `alias`/`aka`, `weak` (weak alias), `fka`, `nka`, `original` (original script). Default: the first name of an id is primary, later ones aliases |
//! | `birth_date` | no       | `YYYY`, `YYYY-MM` or `YYYY-MM-DD` |
//! | `country`    | no       | an associated country |
//! | `identifier` | no       | a document / registration number |
//! | `identifier_type` | no  | its type (`passport`, `national_id`, `inn`, …; default `other`) |
//! | `program`    | no       | programme / list / category |
//!
//! Any other column is kept, per entity, in `properties` under its header.
//! Per-entity values (`kind`, dates, countries, …) may be given on any of
//! the entity's rows; repeated values are stored once.
//!
//! # Other layouts: the mapping file
//!
//! A CSV with different headers is read through a column mapping: a JSON
//! file next to it named `<stem>.mapping.json` (for `peps.csv`:
//! `peps.mapping.json`), or one given to [`load_with_mapping`]. It maps each
//! standard column above to the header used in the file, and may set the
//! delimiter and a default kind:
//!
//! ```json
//! { "id": "person_uuid", "name": "full_name", "birth_date": "dob",
//!   "delimiter": ";", "default_kind": "person" }
//! ```
//!
//! The source of every entity is `Source::Custom(name)` where `name` is the
//! `--list NAME=PATH` name, or else the file stem.

use crate::inspect::detect_script;
use crate::xmlrec::{single_file_list, Problems};
use crate::{LoadError, LoadOptions};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use tamga_model::{BirthDate, Entity, EntityKind, EntityList, Identifier, Name, NameKind, Source};

/// Column mapping for a custom CSV whose headers differ from the standard
/// ones (see the module documentation). Every field names a header in the
/// file; unset fields use the standard header.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ColumnMapping {
    /// Header of the id column.
    pub id: Option<String>,
    /// Header of the name column.
    pub name: Option<String>,
    /// Header of the kind column.
    pub kind: Option<String>,
    /// Header of the name-type column.
    pub name_type: Option<String>,
    /// Header of the birth-date column.
    pub birth_date: Option<String>,
    /// Header of the country column.
    pub country: Option<String>,
    /// Header of the identifier column.
    pub identifier: Option<String>,
    /// Header of the identifier-type column.
    pub identifier_type: Option<String>,
    /// Header of the program column.
    pub program: Option<String>,
    /// Field delimiter, one ASCII character (default `,`).
    pub delimiter: Option<String>,
    /// Kind of every entity when there is no kind column (default `unknown`).
    pub default_kind: Option<String>,
}

impl ColumnMapping {
    /// Reads a mapping file (JSON).
    pub fn from_file(path: &Path) -> Result<ColumnMapping, LoadError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| LoadError::file(path, format!("cannot read mapping: {e}")))?;
        serde_json::from_str(&text)
            .map_err(|e| LoadError::line(path, e.line() as u64, format!("bad column mapping: {e}")))
    }
}

/// The mapping file that applies to a CSV if present: `<stem>.mapping.json`
/// in the same directory.
pub fn mapping_path_for(csv: &Path) -> PathBuf {
    let stem = csv
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    csv.with_file_name(format!("{stem}.mapping.json"))
}

/// Loads a custom CSV list, using `<stem>.mapping.json` if it exists.
pub fn load(
    path: &Path,
    name: Option<&str>,
    options: &LoadOptions,
) -> Result<EntityList, LoadError> {
    let mapping_file = mapping_path_for(path);
    let mapping = if mapping_file.is_file() {
        ColumnMapping::from_file(&mapping_file)?
    } else {
        ColumnMapping::default()
    };
    load_with_mapping(path, name, &mapping, options)
}

/// The standard columns, in mapping order.
const STANDARD: [&str; 9] = [
    "id",
    "name",
    "kind",
    "name_type",
    "birth_date",
    "country",
    "identifier",
    "identifier_type",
    "program",
];

/// Loads a custom CSV list with an explicit column mapping.
pub fn load_with_mapping(
    path: &Path,
    name: Option<&str>,
    mapping: &ColumnMapping,
    options: &LoadOptions,
) -> Result<EntityList, LoadError> {
    let list_name = match name {
        Some(n) => n.to_string(),
        None => path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "custom".to_string()),
    };
    let source = Source::Custom(list_name);
    let delimiter = match mapping.delimiter.as_deref() {
        None => b',',
        Some(d) if d.len() == 1 && d.is_ascii() => d.as_bytes()[0],
        Some(d) => {
            return Err(LoadError::file(
                path,
                format!("mapping delimiter {d:?} must be one ASCII character"),
            ))
        }
    };
    let default_kind = match mapping.default_kind.as_deref() {
        None => EntityKind::Unknown,
        Some(k) => EntityKind::parse(k).ok_or_else(|| {
            LoadError::file(path, format!("mapping default_kind {k:?} is not a kind"))
        })?,
    };
    let file = std::fs::File::open(path)
        .map_err(|e| LoadError::file(path, format!("cannot open: {e}")))?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(false)
        .from_reader(std::io::BufReader::new(file));
    let csv_err = |e: csv::Error| {
        let line = e.position().map(|p| p.line()).unwrap_or(1);
        let msg = match e.kind() {
            csv::ErrorKind::Utf8 { err, .. } => {
                format!(
                    "not UTF-8 text (field {}): custom lists must be UTF-8",
                    err.field() + 1
                )
            }
            _ => format!("malformed CSV: {e}"),
        };
        LoadError::line(path, line, msg)
    };
    let headers = reader.headers().map_err(csv_err)?.clone();
    if headers.is_empty() || headers.iter().all(|h| h.trim().is_empty()) {
        return Err(LoadError::file(path, "file is empty (no header row)"));
    }
    let wanted = |i: usize| -> String {
        let m = match i {
            0 => &mapping.id,
            1 => &mapping.name,
            2 => &mapping.kind,
            3 => &mapping.name_type,
            4 => &mapping.birth_date,
            5 => &mapping.country,
            6 => &mapping.identifier,
            7 => &mapping.identifier_type,
            _ => &mapping.program,
        };
        m.clone().unwrap_or_else(|| STANDARD[i].to_string())
    };
    let find = |header: &str| {
        headers.iter().position(|h| {
            h.trim()
                .trim_start_matches('\u{feff}')
                .eq_ignore_ascii_case(header)
        })
    };
    let columns: Vec<Option<usize>> = (0..STANDARD.len()).map(|i| find(&wanted(i))).collect();
    let (Some(id_col), Some(name_col)) = (columns[0], columns[1]) else {
        return Err(LoadError::line(
            path,
            1,
            format!(
                "header must have `{}` and `{}` columns (found: {}); map other headers with {}",
                wanted(0),
                wanted(1),
                headers.iter().collect::<Vec<_>>().join(", "),
                mapping_path_for(path).display()
            ),
        ));
    };
    let extra: Vec<(usize, String)> = headers
        .iter()
        .enumerate()
        .filter(|(i, _)| !columns.contains(&Some(*i)))
        .map(|(i, h)| (i, h.trim().to_string()))
        .collect();

    let mut problems = Problems::new(options);
    let mut entities: Vec<Entity> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                // Structural errors (wrong field count) affect one row;
                // invalid UTF-8 means the whole file is suspect.
                if matches!(e.kind(), csv::ErrorKind::UnequalLengths { .. }) {
                    problems.record(csv_err(e))?;
                    continue;
                }
                return Err(csv_err(e));
            }
        }
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        let get = |col: Option<usize>| {
            col.and_then(|c| record.get(c))
                .map(str::trim)
                .filter(|v| !v.is_empty())
        };
        let (Some(id), Some(name)) = (get(Some(id_col)), get(Some(name_col))) else {
            problems.record(LoadError::line(path, line, "row without id or name"))?;
            continue;
        };
        let kind = match get(columns[2]) {
            None => None,
            Some(k) => match EntityKind::parse(k) {
                Some(k) => Some(k),
                None => {
                    problems.record(LoadError::line(
                        path,
                        line,
                        format!("unknown kind {k:?} (person, organization, vessel, aircraft)"),
                    ))?;
                    continue;
                }
            },
        };
        let birth = match get(columns[4]) {
            None => None,
            Some(d) => match BirthDate::parse_iso(d) {
                Some(d) => Some(d),
                None => {
                    problems.record(LoadError::line(
                        path,
                        line,
                        format!("birth_date {d:?} is not YYYY, YYYY-MM or YYYY-MM-DD"),
                    ))?;
                    continue;
                }
            },
        };
        let slot = *index.entry(id.to_string()).or_insert_with(|| {
            entities.push(Entity::new(source.clone(), id, default_kind));
            entities.len() - 1
        });
        let entity = &mut entities[slot];
        let first_name = entity.names.is_empty();
        let mut name = match get(columns[3]).map(str::to_ascii_lowercase).as_deref() {
            None => Name::new(
                name,
                if first_name {
                    NameKind::Primary
                } else {
                    NameKind::Aka
                },
            ),
            Some("primary" | "main" | "name") => Name::new(name, NameKind::Primary),
            Some("alias" | "aka" | "a.k.a." | "strong") => Name::new(name, NameKind::Aka),
            Some("weak" | "weak_alias" | "low") => Name::new(name, NameKind::Aka).weak(),
            Some("fka" | "f.k.a." | "former" | "previous") => Name::new(name, NameKind::Fka),
            Some("nka" | "n.k.a.") => Name::new(name, NameKind::Nka),
            Some("original" | "original_script" | "native") => {
                Name::new(name, NameKind::OriginalScript)
            }
            Some(other) => {
                problems.record(LoadError::line(
                    path,
                    line,
                    format!("unknown name_type {other:?} (primary, aka, weak, fka, nka, original)"),
                ))?;
                continue;
            }
        };
        name.script = detect_script(&name.full);
        entity.push_name(name);
        if let Some(kind) = kind {
            entity.kind = kind;
        }
        if let Some(b) = birth {
            if !entity.birth_dates.contains(&b) {
                entity.birth_dates.push(b);
            }
        }
        if let Some(c) = get(columns[5]) {
            if !entity.countries.iter().any(|x| x == c) {
                entity.countries.push(c.to_string());
            }
        }
        if let Some(number) = get(columns[6]) {
            let id_type = get(columns[7]).unwrap_or("other").to_ascii_lowercase();
            if !entity
                .identifiers
                .iter()
                .any(|i| i.number == number && i.id_type == id_type)
            {
                entity.identifiers.push(Identifier {
                    id_type,
                    number: number.to_string(),
                    ..Identifier::default()
                });
            }
        }
        if let Some(p) = get(columns[8]) {
            if !entity.programs.iter().any(|x| x == p) {
                entity.programs.push(p.to_string());
            }
        }
        for (col, header) in &extra {
            if let Some(v) = get(Some(*col)) {
                let known = entity
                    .properties
                    .get(header)
                    .is_some_and(|vals| vals.iter().any(|x| x == v));
                if !known {
                    entity.push_property(header, v);
                }
            }
        }
    }
    single_file_list(
        path,
        source,
        crate::Format::CustomCsv,
        None,
        problems.warnings,
        entities,
    )
}
