//! Loader for the OFAC legacy CSV set.
//!
//! OFAC publishes each list as up to four header-less CSV files joined by
//! `ent_num`:
//!
//! | SDN list           | Consolidated list   | Columns |
//! |--------------------|---------------------|---------|
//! | `sdn.csv`          | `cons_prim.csv`     | ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks |
//! | `add.csv`          | `cons_add.csv`      | ent_num, add_num, address, city/state/postal, country, add_remarks |
//! | `alt.csv`          | `cons_alt.csv`      | ent_num, alt_num, alt_type, alt_name, alt_remarks |
//! | `sdn_comments.csv` | `cons_comments.csv` | ent_num, remarks overflow |
//!
//! Values are ASCII (latin-1 accepted), `-0- ` marks a null, lines end in
//! CRLF and the file ends with a 0x1A (Ctrl-Z) byte. Remarks longer than 1000
//! characters are cut and continue in the comments file; the loader joins
//! them and runs [`crate::remarks::parse_remarks`] on the result.
//!
//! `path` may be the publication directory or the main file. Given the main
//! file, the optional siblings are looked up next to it, so to load a lone
//! `sdn.csv` put it in a directory of its own.

use crate::remarks::parse_remarks;
use crate::{LoadError, LoadOptions};
use csv::ByteRecord;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use tamga_model::{
    Address, Entity, EntityKind, EntityList, Name, NameKind, NamePart, NamePartRole, Source,
};

/// The files of one publication, resolved from a directory or main file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileSet {
    /// `UsOfacSdn` for `sdn*.csv`, `UsOfacCons` for `cons_*.csv`.
    pub source: Source,
    /// `sdn.csv` / `cons_prim.csv`.
    pub main: PathBuf,
    /// `add.csv` / `cons_add.csv`, if present.
    pub addresses: Option<PathBuf>,
    /// `alt.csv` / `cons_alt.csv`, if present.
    pub aliases: Option<PathBuf>,
    /// `sdn_comments.csv` / `cons_comments.csv`, if present.
    pub comments: Option<PathBuf>,
}

impl FileSet {
    /// Finds the set's files from a directory or from its main file. File
    /// names are matched case-insensitively (OFAC has published both cases).
    pub fn resolve(path: &Path) -> Result<FileSet, LoadError> {
        let (dir, main) = if path.is_dir() {
            let main = find_in(path, "sdn.csv")?
                .or(find_in(path, "cons_prim.csv")?)
                .ok_or_else(|| {
                    LoadError::file(path, "directory holds neither sdn.csv nor cons_prim.csv")
                })?;
            (path.to_path_buf(), main)
        } else {
            let dir = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            (dir.to_path_buf(), path.to_path_buf())
        };
        let stem = main
            .file_name()
            .map(|n| n.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        let cons = stem.starts_with("cons_");
        let (source, add, alt, comments) = if cons {
            (
                Source::UsOfacCons,
                "cons_add.csv",
                "cons_alt.csv",
                "cons_comments.csv",
            )
        } else {
            (Source::UsOfacSdn, "add.csv", "alt.csv", "sdn_comments.csv")
        };
        Ok(FileSet {
            source,
            addresses: find_in(&dir, add)?,
            aliases: find_in(&dir, alt)?,
            comments: find_in(&dir, comments)?,
            main,
        })
    }

    /// The files that exist, main file first (the order they are hashed in).
    pub fn files(&self) -> Vec<PathBuf> {
        let mut files = vec![self.main.clone()];
        files.extend(
            [&self.addresses, &self.aliases, &self.comments]
                .into_iter()
                .flatten()
                .cloned(),
        );
        files
    }
}

fn find_in(dir: &Path, name: &str) -> Result<Option<PathBuf>, LoadError> {
    let exact = dir.join(name);
    if exact.is_file() {
        return Ok(Some(exact));
    }
    let entries = std::fs::read_dir(dir).map_err(|e| LoadError::file(dir, e.to_string()))?;
    for entry in entries.flatten() {
        if entry
            .file_name()
            .to_string_lossy()
            .eq_ignore_ascii_case(name)
            && entry.path().is_file()
        {
            return Ok(Some(entry.path()));
        }
    }
    Ok(None)
}

/// Loads an OFAC legacy CSV publication (directory or main file).
pub fn load(path: &Path, options: &LoadOptions) -> Result<EntityList, LoadError> {
    let set = FileSet::resolve(path)?;
    let mut loader = Loader {
        source: set.source.clone(),
        options,
        entities: Vec::new(),
        index: HashMap::new(),
        warnings: Vec::new(),
    };
    loader.read_main(&set.main)?;
    if loader.entities.is_empty() {
        return Err(LoadError::file(&set.main, "no entries (empty file?)"));
    }
    if let Some(file) = &set.comments {
        loader.read_comments(file)?;
    }
    for entity in &mut loader.entities {
        if let Some(remarks) = entity.remarks.take() {
            let remarks = remarks.trim().to_string();
            parse_remarks(&remarks).apply_to(entity);
            entity.remarks = Some(remarks);
        }
    }
    if let Some(file) = &set.aliases {
        loader.read_aliases(file)?;
    }
    if let Some(file) = &set.addresses {
        loader.read_addresses(file)?;
    }
    resolve_link_targets(&mut loader.entities);
    crate::xmlrec::files_list(
        &set.files(),
        set.source,
        crate::Format::OfacCsv,
        None,
        loader.warnings,
        loader.entities,
    )
}

/// Sets `target_id` on `Linked To:` relationships whose target name is
/// the primary name or a strong alias of exactly one entry of the same list,
/// so ownership and control graphs can follow the link. Ambiguous or
/// unknown names keep only `target_name`.
pub(crate) fn resolve_link_targets(entities: &mut [Entity]) {
    use tamga_model::NameQuality;
    // name → the single entity bearing it, or None when several do.
    let mut by_name: HashMap<&str, Option<usize>> = HashMap::new();
    for (i, e) in entities.iter().enumerate() {
        let mut seen = std::collections::HashSet::new();
        for n in &e.names {
            if n.quality == NameQuality::Strong && seen.insert(n.full.as_str()) {
                by_name
                    .entry(n.full.as_str())
                    .and_modify(|slot| *slot = None)
                    .or_insert(Some(i));
            }
        }
    }
    let targets: Vec<Vec<Option<String>>> = entities
        .iter()
        .map(|e| {
            e.relationships
                .iter()
                .map(|r| match (&r.target_id, &r.target_name) {
                    (None, Some(name)) => by_name
                        .get(name.as_str())
                        .copied()
                        .flatten()
                        .map(|i| entities[i].id.clone()),
                    _ => None,
                })
                .collect()
        })
        .collect();
    for (e, ids) in entities.iter_mut().zip(targets) {
        for (r, id) in e.relationships.iter_mut().zip(ids) {
            if id.is_some() {
                r.target_id = id;
            }
        }
    }
}

struct Loader<'a> {
    source: Source,
    options: &'a LoadOptions,
    entities: Vec<Entity>,
    /// ent_num → position in `entities`.
    index: HashMap<u64, usize>,
    warnings: Vec<String>,
}

/// A problem with one record: fatal unless lenient.
struct RecordError(String);

impl Loader<'_> {
    fn read_main(&mut self, file: &Path) -> Result<(), LoadError> {
        let source = self.source.clone();
        let mut entities = std::mem::take(&mut self.entities);
        let mut index = std::mem::take(&mut self.index);
        let result = for_each_row(
            file,
            12,
            self.options,
            &mut self.warnings,
            |ent_num, row| {
                if index.contains_key(&ent_num) {
                    return Err(RecordError(format!("duplicate ent_num {ent_num}")));
                }
                let entity = main_entity(&source, ent_num, row)?;
                index.insert(ent_num, entities.len());
                entities.push(entity);
                Ok(())
            },
        );
        self.entities = entities;
        self.index = index;
        result
    }

    fn read_comments(&mut self, file: &Path) -> Result<(), LoadError> {
        let (entities, index) = (&mut self.entities, &self.index);
        for_each_row(file, 2, self.options, &mut self.warnings, |ent_num, row| {
            let entity = lookup(entities, index, ent_num)?;
            if let Some(more) = raw_field(row, 1) {
                // The main remarks are cut mid-word at 1000 characters; the
                // overflow continues them verbatim, so no separator.
                let mut text = entity.remarks.take().unwrap_or_default();
                text.push_str(&more);
                entity.remarks = Some(text);
            }
            Ok(())
        })
    }

    fn read_aliases(&mut self, file: &Path) -> Result<(), LoadError> {
        let (entities, index) = (&mut self.entities, &self.index);
        for_each_row(file, 5, self.options, &mut self.warnings, |ent_num, row| {
            let entity = lookup(entities, index, ent_num)?;
            let kind = match field(row, 2)
                .as_deref()
                .map(str::to_ascii_lowercase)
                .as_deref()
            {
                Some("aka") | None => NameKind::Aka,
                Some("fka") => NameKind::Fka,
                Some("nka") => NameKind::Nka,
                Some(other) => return Err(RecordError(format!("unknown alt_type {other:?}"))),
            };
            let Some(full) = field(row, 3) else {
                return Err(RecordError("alias row without alt_name".into()));
            };
            let name = person_name(full, kind, entity.kind);
            entity.push_name(name);
            if let Some(remarks) = field(row, 4) {
                entity.push_property("alias_remarks", remarks);
            }
            Ok(())
        })
    }

    fn read_addresses(&mut self, file: &Path) -> Result<(), LoadError> {
        let (entities, index) = (&mut self.entities, &self.index);
        for_each_row(file, 6, self.options, &mut self.warnings, |ent_num, row| {
            let entity = lookup(entities, index, ent_num)?;
            let street = field(row, 2);
            // OFAC publishes city, state and postal code as one field that
            // cannot be split reliably ("London EC3N 1DY"): keep it as the city.
            let city = field(row, 3);
            let country = field(row, 4);
            if let Some(remarks) = field(row, 5) {
                entity.push_property("address_remarks", remarks);
            }
            // An all-null row is OFAC's placeholder for "no address known".
            if street.is_none() && city.is_none() && country.is_none() {
                return Ok(());
            }
            let full = [&street, &city, &country]
                .into_iter()
                .flatten()
                .map(String::as_str)
                .collect::<Vec<_>>()
                .join(", ");
            if let Some(c) = &country {
                if !entity.countries.contains(c) {
                    entity.countries.push(c.clone());
                }
            }
            entity.addresses.push(Address {
                street,
                city,
                region: None,
                postal_code: None,
                country,
                full: Some(full),
            });
            Ok(())
        })
    }
}

fn lookup<'e>(
    entities: &'e mut [Entity],
    index: &HashMap<u64, usize>,
    ent_num: u64,
) -> Result<&'e mut Entity, RecordError> {
    match index.get(&ent_num) {
        Some(&i) => Ok(&mut entities[i]),
        None => Err(RecordError(format!(
            "ent_num {ent_num} is not in the main file"
        ))),
    }
}

fn main_entity(source: &Source, ent_num: u64, row: &ByteRecord) -> Result<Entity, RecordError> {
    let kind = match field(row, 2)
        .as_deref()
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        None => EntityKind::Organization,
        Some("individual") => EntityKind::Person,
        Some("vessel") => EntityKind::Vessel,
        Some("aircraft") => EntityKind::Aircraft,
        Some(other) => return Err(RecordError(format!("unknown SDN_Type {other:?}"))),
    };
    let Some(full) = field(row, 1) else {
        return Err(RecordError(format!("ent_num {ent_num} has no SDN_Name")));
    };
    let mut entity = Entity::new(source.clone(), ent_num.to_string(), kind);
    entity
        .names
        .push(person_name(full, NameKind::Primary, kind));
    if let Some(programs) = field(row, 3) {
        // Several programmes are published as `A] [B` inside one field.
        entity.programs = programs
            .split("] [")
            .map(|p| p.trim_matches(['[', ']', ' ']).to_string())
            .filter(|p| !p.is_empty())
            .collect();
    }
    for (col, key) in [
        (4, "title"),
        (5, "vessel_call_sign"),
        (6, "vessel_type"),
        (7, "vessel_tonnage"),
        (8, "vessel_grt"),
        (9, "vessel_flag"),
        (10, "vessel_owner"),
    ] {
        if let Some(value) = field(row, col) {
            if col == 9 {
                entity.countries.push(value.clone());
            }
            entity.push_property(key, value);
        }
    }
    // Kept untrimmed until the overflow from the comments file is joined:
    // the cut at 1000 characters may fall on a space.
    entity.remarks = raw_field(row, 11);
    Ok(entity)
}

/// A name as published; for persons `LAST, First` also yields family and
/// given parts so matchers need not guess the order.
fn person_name(full: String, kind: NameKind, entity: EntityKind) -> Name {
    let mut name = Name::new(full, kind);
    if entity == EntityKind::Person {
        if let Some((family, given)) = name.full.split_once(", ") {
            let (family, given) = (family.trim(), given.trim());
            if !family.is_empty() && !given.is_empty() {
                name.parts = vec![
                    NamePart {
                        role: NamePartRole::Family,
                        value: family.to_string(),
                    },
                    NamePart {
                        role: NamePartRole::Given,
                        value: given.to_string(),
                    },
                ];
            }
        }
    }
    name
}

/// A field's text, `None` for OFAC's `-0-` null marker or an empty field.
fn field(row: &ByteRecord, col: usize) -> Option<String> {
    let bytes = row.get(col)?;
    // The buffer was made UTF-8 before parsing, and csv splits only at ASCII
    // delimiters, so every field is valid UTF-8 too.
    let text = String::from_utf8_lossy(bytes);
    let text = text.trim();
    if text.is_empty() || text == "-0-" {
        None
    } else {
        Some(text.to_string())
    }
}

/// A field's text untrimmed, `None` for the null marker or an empty field.
fn raw_field(row: &ByteRecord, col: usize) -> Option<String> {
    let text = String::from_utf8_lossy(row.get(col)?);
    let trimmed = text.trim();
    if trimmed.is_empty() || trimmed == "-0-" {
        None
    } else {
        Some(text.into_owned())
    }
}

/// Reads a whole CSV file of the set: decodes it, checks it is complete, and
/// calls `f` with each row's ent_num. Row problems fail the load, or in
/// lenient mode become warnings.
fn for_each_row(
    file: &Path,
    columns: usize,
    options: &LoadOptions,
    warnings: &mut Vec<String>,
    mut f: impl FnMut(u64, &ByteRecord) -> Result<(), RecordError>,
) -> Result<(), LoadError> {
    let bytes = read_text(file)?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes.as_slice());
    let mut row = ByteRecord::new();
    loop {
        match reader.read_byte_record(&mut row) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = line_at(&bytes, e.position().map(|p| p.byte()).unwrap_or(0));
                return Err(LoadError::line(file, line, e.to_string()));
            }
        }
        // Computed from the byte offset, and only when needed: cheap, and
        // exact whatever line ends the file uses.
        let line = || line_at(&bytes, row.position().map(|p| p.byte()).unwrap_or(0));
        let result = if row.len() != columns {
            Err(RecordError(format!(
                "expected {columns} columns, found {}",
                row.len()
            )))
        } else {
            match parse_ent_num(&row) {
                Some(ent_num) => f(ent_num, &row),
                None => Err(RecordError(format!(
                    "ent_num {:?} is not a number",
                    String::from_utf8_lossy(row.get(0).unwrap_or_default())
                ))),
            }
        };
        if let Err(RecordError(message)) = result {
            let line = line();
            if options.lenient {
                warnings.push(format!(
                    "{}:{line}: {message} (row skipped)",
                    file.display()
                ));
            } else {
                return Err(LoadError::line(file, line, message));
            }
        }
    }
    Ok(())
}

/// 1-based line number of the record starting at a byte offset.
fn line_at(bytes: &[u8], offset: u64) -> u64 {
    let mut end = (offset as usize).min(bytes.len());
    // With CRLF line ends the reader stops after the `\r` and reports the
    // next record as starting at the `\n`: skip line-end bytes first.
    while matches!(bytes.get(end), Some(b'\r' | b'\n')) {
        end += 1;
    }
    1 + bytes[..end].iter().filter(|&&b| b == b'\n').count() as u64
}

fn parse_ent_num(row: &ByteRecord) -> Option<u64> {
    let text = std::str::from_utf8(row.get(0)?).ok()?.trim();
    text.parse().ok()
}

/// Reads a file as UTF-8 (latin-1 transcoded), without the trailing Ctrl-Z,
/// and rejects a file cut inside a quoted field.
fn read_text(file: &Path) -> Result<Vec<u8>, LoadError> {
    let mut bytes = std::fs::read(file).map_err(|e| LoadError::file(file, e.to_string()))?;
    while bytes.last() == Some(&0x1A) {
        bytes.pop();
    }
    if std::str::from_utf8(&bytes).is_err() {
        // Not UTF-8: OFAC's older files are latin-1, where every byte is the
        // code point of the same value.
        bytes = bytes
            .iter()
            .map(|&b| b as char)
            .collect::<String>()
            .into_bytes();
    }
    // The csv reader silently ends a quoted field at end of input, which
    // would hide a truncated download: check quotes balance ourselves.
    let mut open_line = None;
    let mut line = 1u64;
    for &b in &bytes {
        match b {
            b'"' => {
                open_line = if open_line.is_some() {
                    None
                } else {
                    Some(line)
                }
            }
            b'\n' => line += 1,
            _ => {}
        }
    }
    if let Some(start) = open_line {
        return Err(LoadError::line(
            file,
            start,
            "quoted field is never closed (file truncated?)",
        ));
    }
    Ok(bytes)
}
