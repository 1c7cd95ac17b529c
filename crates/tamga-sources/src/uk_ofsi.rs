//! Loader for the UK HM Treasury OFSI consolidated list ("ConList", 2022
//! format), as published in xlsx (sheet `Data`) or the same layout as CSV.
//!
//! Layout: an optional first row `Last Updated | dd/mm/yyyy` (→ published),
//! then a header row (`Name 6`, `Name 1`..`Name 5`, `Title`, `Name Non-Latin
//! Script`, …, `Group Type`, `Alias Type`, `Alias Quality`, `Regime`,
//! `Listed On`, `Group ID`), then one row per *name*. Rows sharing a
//! `Group ID` are one listed party (`source_id` = Group ID).
//!
//! Mapping: `Name 1`..`Name 5` + `Name 6` → the name (`Name 6` is the family
//! or entity name) with `Title` as a title part; `Alias Type` (`Primary
//! name` → primary; `FKA` → fka; `Primary name variation`, `AKA`, `Prime
//! Alias` → aka), `Alias Quality` `Low quality` → weak; `Name Non-Latin
//! Script` → original-script name (language from `Non-Latin Script
//! Language`); `DOB` (`dd/mm/yyyy`, `00` for unknown parts); `Town/Country of Birth`; `Nationality`;
//! `Passport Number/Details` and `National Identification Number/Details` →
//! identifiers (OFSI numbers multiple values `(1) … (2) …`; they are split);
//! `Address 1`..`6`, `Post/Zip Code`, `Country` → address; `Other
//! Information` → remarks (its `(UK Sanctions List Ref):` and `(Gender):`
//! tags are also read); `Group Type` → kind; `Regime` → programs; `Listed
//! On` → listed on; parent/subsidiary company columns, where present, →
//! relationships by name. Other columns go to `properties`.

use crate::inspect::detect_script;
use crate::xmlrec::{dmy_to_iso, named_relationship, parse_dmy_birth, single_file_list, Problems};
use crate::{Format, LoadError, LoadOptions};
use std::collections::HashMap;
use std::path::Path;
use tamga_model::{
    Address, Entity, EntityKind, EntityList, Identifier, Name, NameKind, NamePart, NamePartRole,
    RelationKind, Source,
};

/// Loads an OFSI ConList in xlsx or csv form.
pub fn load(path: &Path, format: Format, options: &LoadOptions) -> Result<EntityList, LoadError> {
    let mut builder = Builder::new(path, options);
    match format {
        Format::UkOfsiXlsx => read_xlsx(path, &mut builder)?,
        Format::UkOfsiCsv => read_csv(path, &mut builder)?,
        other => {
            return Err(LoadError::file(
                path,
                format!("uk_ofsi cannot read {} files", other.as_str()),
            ))
        }
    }
    builder.finish(format)
}

fn read_xlsx(path: &Path, builder: &mut Builder) -> Result<(), LoadError> {
    use calamine::{open_workbook, Reader, Xlsx};
    let mut workbook: Xlsx<_> = open_workbook(path)
        .map_err(|e| LoadError::file(path, format!("cannot open xlsx workbook: {e}")))?;
    let names = workbook.sheet_names().to_vec();
    // OFSI names its one sheet "Data"; accept a renamed single sheet too.
    let sheet = names
        .iter()
        .find(|n| n.as_str() == "Data")
        .or_else(|| names.first())
        .cloned()
        .ok_or_else(|| LoadError::file(path, "workbook has no sheets"))?;
    let range = workbook.worksheet_range(&sheet).map_err(|e| {
        LoadError::cell(path, format!("{sheet}!"), format!("cannot read sheet: {e}"))
    })?;
    // Rows are numbered as in Excel (1-based, counting from A1).
    let first_row = range.start().map(|(r, _)| r as u64 + 1).unwrap_or(1);
    let mut cells = Vec::new();
    for (i, row) in range.rows().enumerate() {
        cells.clear();
        cells.extend(row.iter().map(|c| c.to_string().trim().to_string()));
        let loc = Loc::Cell(format!("{sheet}!row {}", first_row + i as u64));
        builder.row(&cells, loc)?;
    }
    Ok(())
}

fn read_csv(path: &Path, builder: &mut Builder) -> Result<(), LoadError> {
    let file = std::fs::File::open(path)
        .map_err(|e| LoadError::file(path, format!("cannot open: {e}")))?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(std::io::BufReader::new(file));
    let mut record = csv::StringRecord::new();
    let mut cells = Vec::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                let msg = match e.kind() {
                    csv::ErrorKind::Utf8 { .. } => {
                        "not UTF-8 text; the list must be UTF-8".to_string()
                    }
                    _ => format!("malformed CSV: {e}"),
                };
                return Err(LoadError::line(path, line, msg));
            }
        }
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        cells.clear();
        cells.extend(record.iter().map(|c| c.trim().to_string()));
        builder.row(&cells, Loc::Line(line))?;
    }
    Ok(())
}

/// Where a row was read.
enum Loc {
    Line(u64),
    Cell(String),
}

/// The typed columns of the layout.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Col {
    Name(usize),
    Title,
    NonLatin,
    NonLatinType,
    NonLatinLang,
    Dob,
    TownOfBirth,
    CountryOfBirth,
    Nationality,
    PassportNumber,
    PassportDetails,
    NationalIdNumber,
    NationalIdDetails,
    Position,
    Address(usize),
    PostCode,
    Country,
    OtherInformation,
    GroupType,
    AliasType,
    AliasQuality,
    Regime,
    ListedOn,
    GroupId,
    ParentCompany,
    Subsidiaries,
}

fn column_of(header: &str) -> Option<Col> {
    let h = header.trim();
    if let Some(n) = h
        .strip_prefix("Name ")
        .and_then(|n| n.parse::<usize>().ok())
    {
        return (1..=6).contains(&n).then_some(Col::Name(n));
    }
    if let Some(n) = h
        .strip_prefix("Address ")
        .and_then(|n| n.parse::<usize>().ok())
    {
        return (1..=6).contains(&n).then_some(Col::Address(n));
    }
    Some(match h {
        "Title" => Col::Title,
        "Name Non-Latin Script" => Col::NonLatin,
        "Non-Latin Script Type" => Col::NonLatinType,
        "Non-Latin Script Language" => Col::NonLatinLang,
        "DOB" => Col::Dob,
        "Town of Birth" => Col::TownOfBirth,
        "Country of Birth" => Col::CountryOfBirth,
        "Nationality" => Col::Nationality,
        "Passport Number" => Col::PassportNumber,
        "Passport Details" => Col::PassportDetails,
        "National Identification Number" | "NI Number" => Col::NationalIdNumber,
        "National Identification Details" | "NI Details" => Col::NationalIdDetails,
        "Position" => Col::Position,
        "Post/Zip Code" => Col::PostCode,
        "Country" => Col::Country,
        "Other Information" => Col::OtherInformation,
        "Group Type" => Col::GroupType,
        "Alias Type" => Col::AliasType,
        "Alias Quality" => Col::AliasQuality,
        "Regime" => Col::Regime,
        "Listed On" => Col::ListedOn,
        "Group ID" => Col::GroupId,
        "Parent Company" | "Parent Companies" => Col::ParentCompany,
        "Subsidiaries" | "Subsidiary" => Col::Subsidiaries,
        _ => return None,
    })
}

/// Splits OFSI's numbered multi-values `(1) A (2) B` into `[A, B]`; text
/// without numbering is one value.
fn split_numbered(text: &str) -> Vec<String> {
    let text = text.trim();
    if !text.starts_with("(1)") {
        return if text.is_empty() {
            vec![]
        } else {
            vec![text.to_string()]
        };
    }
    let mut out = Vec::new();
    let mut rest = text;
    let mut n = 1;
    while let Some(start) = rest.find(&format!("({n})")) {
        let after = &rest[start + format!("({n})").len()..];
        let end = after.find(&format!("({})", n + 1)).unwrap_or(after.len());
        let value = after[..end].trim();
        if !value.is_empty() {
            out.push(value.to_string());
        }
        rest = &after[end..];
        n += 1;
    }
    out
}

/// ISO 639-1 code of the languages OFSI names for non-Latin scripts.
fn language_code(language: &str) -> Option<String> {
    let code = match language.trim().to_ascii_lowercase().as_str() {
        "russian" => "ru",
        "ukrainian" => "uk",
        "belarusian" => "be",
        "arabic" => "ar",
        "persian" | "farsi" => "fa",
        "chinese" => "zh",
        "korean" => "ko",
        "japanese" => "ja",
        "burmese" | "myanmar" => "my",
        "georgian" => "ka",
        "armenian" => "hy",
        "pashto" => "ps",
        "dari" => "prs",
        "urdu" => "ur",
        _ => return None,
    };
    Some(code.to_string())
}

struct Builder<'a> {
    path: &'a Path,
    problems: Problems,
    columns: Option<Vec<Option<Col>>>,
    headers: Vec<String>,
    published: Option<String>,
    entities: Vec<Entity>,
    index: HashMap<String, usize>,
    rows_seen: u64,
}

impl<'a> Builder<'a> {
    fn new(path: &'a Path, options: &LoadOptions) -> Builder<'a> {
        Builder {
            path,
            problems: Problems::new(options),
            columns: None,
            headers: Vec::new(),
            published: None,
            entities: Vec::new(),
            index: HashMap::new(),
            rows_seen: 0,
        }
    }

    fn error(&self, loc: &Loc, message: impl Into<String>) -> LoadError {
        match loc {
            Loc::Line(n) => LoadError::line(self.path, *n, message),
            Loc::Cell(c) => LoadError::cell(self.path, c.clone(), message),
        }
    }

    fn row(&mut self, cells: &[String], loc: Loc) -> Result<(), LoadError> {
        self.rows_seen += 1;
        let Some(columns) = &self.columns else {
            if cells.iter().any(|c| c == "Group ID") && cells.iter().any(|c| c == "Name 6") {
                self.columns = Some(cells.iter().map(|h| column_of(h)).collect());
                self.headers = cells.to_vec();
                return Ok(());
            }
            if cells.first().map(String::as_str) == Some("Last Updated") {
                self.published = cells.get(1).map(|d| dmy_to_iso(d).unwrap_or(d.clone()));
                return Ok(());
            }
            if self.rows_seen >= 5 {
                return Err(self.error(
                    &loc,
                    "no OFSI header row (with `Name 6` and `Group ID`) in the first rows",
                ));
            }
            return Ok(());
        };
        if cells.iter().all(String::is_empty) {
            return Ok(());
        }
        let mut values: HashMap<Col, &str> = HashMap::new();
        let mut extra: Vec<(usize, &str)> = Vec::new();
        for (i, cell) in cells.iter().enumerate() {
            if cell.is_empty() {
                continue;
            }
            match columns.get(i).copied().flatten() {
                Some(col) => {
                    values.insert(col, cell.as_str());
                }
                None => extra.push((i, cell.as_str())),
            }
        }
        let Some(group_id) = values.get(&Col::GroupId).map(|g| g.to_string()) else {
            return self
                .problems
                .record(self.error(&loc, "row without Group ID"));
        };
        let kind = match values.get(&Col::GroupType).copied().unwrap_or_default() {
            "Individual" => EntityKind::Person,
            "Entity" => EntityKind::Organization,
            "Ship" => EntityKind::Vessel,
            "" => EntityKind::Unknown,
            other => {
                let msg = format!("Group ID {group_id}: unknown Group Type {other:?}");
                return self.problems.record(self.error(&loc, msg));
            }
        };
        let slot = match self.index.get(&group_id) {
            Some(&i) => {
                if self.entities[i].kind != kind {
                    let msg = format!(
                        "Group ID {group_id} is listed as {} and as {}",
                        self.entities[i].kind.as_str(),
                        kind.as_str()
                    );
                    return self.problems.record(self.error(&loc, msg));
                }
                i
            }
            None => {
                self.index.insert(group_id.clone(), self.entities.len());
                self.entities
                    .push(Entity::new(Source::GbOfsi, group_id.clone(), kind));
                self.entities.len() - 1
            }
        };
        let headers = &self.headers;
        let entity = &mut self.entities[slot];
        apply_row(entity, &values);
        for (i, v) in extra {
            let key = headers
                .get(i)
                .cloned()
                .unwrap_or_else(|| format!("column {}", i + 1));
            push_unique_property(entity, &key, v);
        }
        Ok(())
    }

    fn finish(self, format: Format) -> Result<EntityList, LoadError> {
        if self.columns.is_none() {
            return Err(LoadError::file(
                self.path,
                "no OFSI header row (with `Name 6` and `Group ID`) found: empty or not an OFSI list",
            ));
        }
        single_file_list(
            self.path,
            Source::GbOfsi,
            format,
            self.published,
            self.problems.warnings,
            self.entities,
        )
    }
}

fn push_unique(list: &mut Vec<String>, value: &str) {
    if !list.iter().any(|v| v == value) {
        list.push(value.to_string());
    }
}

fn push_unique_property(entity: &mut Entity, key: &str, value: &str) {
    let known = entity
        .properties
        .get(key)
        .is_some_and(|v| v.iter().any(|x| x == value));
    if !known {
        entity.push_property(key, value.to_string());
    }
}

fn apply_row(entity: &mut Entity, v: &HashMap<Col, &str>) {
    let get = |c: Col| v.get(&c).copied();
    // The name of this row.
    let mut parts = Vec::new();
    if let Some(t) = get(Col::Title) {
        parts.push(NamePart {
            role: NamePartRole::Title,
            value: t.to_string(),
        });
    }
    for n in 1..=6 {
        if let Some(value) = get(Col::Name(n)) {
            let role = match n {
                1 => NamePartRole::Given,
                6 => NamePartRole::Family,
                _ => NamePartRole::Other,
            };
            parts.push(NamePart {
                role,
                value: value.to_string(),
            });
        }
    }
    // The title is a part, not part of the matched full name.
    let full = parts
        .iter()
        .filter(|p| p.role != NamePartRole::Title)
        .map(|p| p.value.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    if !full.is_empty() {
        let alias_type = get(Col::AliasType).unwrap_or_default().to_ascii_lowercase();
        let kind = match alias_type.as_str() {
            "primary name" => NameKind::Primary,
            "fka" | "f.k.a." => NameKind::Fka,
            _ => NameKind::Aka,
        };
        let mut name = Name::new(full, kind);
        // Published as "Good quality" / "Low quality" (older files: "Low").
        if get(Col::AliasQuality).is_some_and(|q| q.to_ascii_lowercase().starts_with("low")) {
            name = name.weak();
        }
        name.script = detect_script(&name.full);
        if entity.kind == EntityKind::Person && parts.len() > 1 {
            name.parts = parts;
        }
        entity.push_name(name);
    }
    if let Some(original) = get(Col::NonLatin) {
        let mut name = Name::new(original, NameKind::OriginalScript);
        name.script = detect_script(&name.full);
        name.lang = get(Col::NonLatinLang).and_then(language_code);
        entity.push_name(name);
    }
    if let Some(dob) = get(Col::Dob) {
        for d in split_numbered(dob) {
            match parse_dmy_birth(&d) {
                Some(b) if !entity.birth_dates.contains(&b) => entity.birth_dates.push(b),
                Some(_) => {}
                None => push_unique_property(entity, "birth_date_unparsed", &d),
            }
        }
    }
    let place: Vec<&str> = [get(Col::TownOfBirth), get(Col::CountryOfBirth)]
        .into_iter()
        .flatten()
        .collect();
    if !place.is_empty() {
        push_unique(&mut entity.birth_places, &place.join(", "));
    }
    if let Some(n) = get(Col::Nationality) {
        for n in split_numbered(n) {
            push_unique(&mut entity.nationalities, &n);
        }
    }
    for (num_col, det_col, id_type) in [
        (Col::PassportNumber, Col::PassportDetails, "passport"),
        (Col::NationalIdNumber, Col::NationalIdDetails, "national_id"),
    ] {
        let numbers = get(num_col).map(split_numbered).unwrap_or_default();
        let details = get(det_col).map(split_numbered).unwrap_or_default();
        for (i, number) in numbers.iter().enumerate() {
            // Details pair with numbers when counts agree; else all go on each.
            let note = if details.len() == numbers.len() {
                details.get(i).cloned()
            } else {
                get(det_col).map(str::to_string)
            };
            let ident = Identifier {
                id_type: id_type.to_string(),
                number: number.clone(),
                note,
                ..Identifier::default()
            };
            if !entity
                .identifiers
                .iter()
                .any(|x| x.id_type == ident.id_type && x.number == ident.number)
            {
                entity.identifiers.push(ident);
            }
        }
        if numbers.is_empty() {
            if let Some(d) = get(det_col) {
                push_unique_property(entity, &format!("{id_type}_details"), d);
            }
        }
    }
    if let Some(p) = get(Col::Position) {
        push_unique_property(entity, "position", p);
    }
    let lines: Vec<&str> = (1..=6).filter_map(|i| get(Col::Address(i))).collect();
    let address = Address {
        street: (!lines.is_empty()).then(|| lines.join(", ")),
        postal_code: get(Col::PostCode).map(str::to_string),
        country: get(Col::Country).map(str::to_string),
        ..Address::default()
    };
    if let Some(c) = &address.country {
        push_unique(&mut entity.countries, c);
    }
    if address != Address::default() && !entity.addresses.contains(&address) {
        entity.addresses.push(address);
    }
    if let Some(info) = get(Col::OtherInformation) {
        if entity.remarks.as_deref() != Some(info) {
            entity.remarks = Some(match entity.remarks.take() {
                Some(prev) if !prev.contains(info) => format!("{prev}\n{info}"),
                Some(prev) => prev,
                None => info.to_string(),
            });
        }
        if let Some(r) = tagged(info, "(UK Sanctions List Ref):") {
            push_unique_property(entity, "uk_sanctions_list_ref", &r);
        }
        if let Some(g) = tagged(info, "(Gender):") {
            entity.gender.get_or_insert(g.to_ascii_lowercase());
        }
    }
    if let Some(r) = get(Col::Regime) {
        push_unique(&mut entity.programs, r);
    }
    if let Some(d) = get(Col::ListedOn) {
        let iso = dmy_to_iso(d).unwrap_or_else(|| d.to_string());
        if entity.listed_on.as_ref().is_none_or(|cur| &iso < cur) {
            entity.listed_on = Some(iso);
        }
    }
    for (col, kind, note) in [
        (Col::ParentCompany, RelationKind::OwnedBy, "parent company"),
        (Col::Subsidiaries, RelationKind::Owns, "subsidiary"),
    ] {
        for target in get(col).map(split_numbered).unwrap_or_default() {
            if !entity
                .relationships
                .iter()
                .any(|r| r.kind == kind && r.target_name.as_deref() == Some(target.as_str()))
            {
                entity
                    .relationships
                    .push(named_relationship(kind, target, Some(note.to_string())));
            }
        }
    }
    for (col, key) in [(Col::NonLatinType, "non_latin_script_type")] {
        if let Some(x) = get(col) {
            push_unique_property(entity, key, x);
        }
    }
}

/// The value after an OFSI `(Tag):` marker, up to the next `.` + space or
/// `(` tag.
fn tagged(text: &str, tag: &str) -> Option<String> {
    let start = text.find(tag)? + tag.len();
    let rest = text[start..].trim_start();
    let end = rest
        .find(". ")
        .into_iter()
        .chain(rest.find(" ("))
        .min()
        .unwrap_or(rest.len());
    let value = rest[..end].trim().trim_end_matches('.');
    (!value.is_empty()).then(|| value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_values_and_tags() {
        assert_eq!(
            split_numbered("(1) Russia (2) Ukraine"),
            vec!["Russia", "Ukraine"]
        );
        assert_eq!(split_numbered("Russia"), vec!["Russia"]);
        assert_eq!(
            tagged(
                "(UK Sanctions List Ref):RUS1831. Financial",
                "(UK Sanctions List Ref):"
            ),
            Some("RUS1831".into())
        );
        assert_eq!(tagged("x (Gender):Male", "(Gender):"), Some("Male".into()));
    }
}
