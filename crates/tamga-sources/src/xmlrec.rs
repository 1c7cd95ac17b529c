//! Record-at-a-time XML reading shared by the XML loaders (UN, EU, FCDO,
//! Canada), and the record bookkeeping every loader shares: [`Problems`]
//! (strict or lenient), [`Records`] (duplicate ids) and building the
//! [`tamga_model::EntityList`] of a loaded file ([`single_file_list`]).
//!
//! The official XML lists are flat sequences of records (one `<INDIVIDUAL>`,
//! `<sanctionEntity>`, `<Designation>` or `<record>` per listed party). Each
//! record is small, the file may be large: so the file is streamed with
//! quick-xml and only one record at a time is materialised as a tiny tree.
//! XML syntax errors, invalid UTF-8 and truncation are always fatal and name
//! the byte offset and element path; what a record *means* is up to the loader.

use crate::{LoadError, LoadOptions};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::fs::File;
use std::io::BufReader;
use std::path::Path;

/// One element of a record: name (namespace prefix stripped), attributes,
/// text content and child elements.
#[derive(Debug, Default, Clone)]
pub(crate) struct Node {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub text: String,
    pub children: Vec<Node>,
}

impl Node {
    /// The first child with this name.
    pub fn child(&self, name: &str) -> Option<&Node> {
        self.children.iter().find(|c| c.name == name)
    }

    /// Every child with this name.
    pub fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Node> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// Trimmed text of the first child with this name, if non-empty.
    pub fn text_of(&self, name: &str) -> Option<String> {
        self.child(name).and_then(|c| c.own_text())
    }

    /// Trimmed own text, if non-empty.
    pub fn own_text(&self) -> Option<String> {
        let t = self.text.trim();
        (!t.is_empty()).then(|| t.to_string())
    }

    /// Trimmed attribute value, if present and non-empty.
    pub fn attr(&self, name: &str) -> Option<String> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    }

    /// Texts of every descendant with this name, in document order.
    pub fn descendant_texts(&self, name: &str) -> Vec<String> {
        let mut out = Vec::new();
        self.collect_texts(name, &mut out);
        out
    }

    fn collect_texts(&self, name: &str, out: &mut Vec<String>) {
        for c in &self.children {
            if c.name == name {
                if let Some(t) = c.own_text() {
                    out.push(t);
                }
            }
            c.collect_texts(name, out);
        }
    }
}

/// Where a record was found, for error messages.
#[derive(Debug, Clone)]
pub(crate) struct RecordPos {
    /// Byte offset of the record's start tag.
    pub offset: u64,
    /// Element path with the 1-based index of the record, e.g.
    /// `CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL[17]`.
    pub path: String,
}

/// The root element of a document (name and attributes; no children).
pub(crate) type Root = Node;

fn local_name(raw: &[u8]) -> String {
    let name = match raw.iter().rposition(|&b| b == b':') {
        Some(i) => &raw[i + 1..],
        None => raw,
    };
    String::from_utf8_lossy(name).into_owned()
}

fn start_node(file: &Path, e: &BytesStart<'_>, offset: u64, path: &str) -> Result<Node, LoadError> {
    let mut node = Node {
        name: local_name(e.name().as_ref()),
        ..Node::default()
    };
    for attr in e.attributes() {
        let attr = attr.map_err(|err| {
            LoadError::element(file, offset, path, format!("malformed attribute: {err}"))
        })?;
        let key = local_name(attr.key.as_ref());
        let value = attr.unescape_value().map_err(|err| {
            LoadError::element(
                file,
                offset,
                path,
                format!("attribute {key} is not valid text (UTF-8 / entities): {err}"),
            )
        })?;
        node.attrs.push((key, value.into_owned()));
    }
    Ok(node)
}

/// Streams `file`, calling `on_record` with every element found at
/// `record_depth` (root = depth 0) as a small tree. Returns the root element
/// (attributes only). Fails on malformed XML, invalid UTF-8, an empty file or
/// truncation (elements still open at end of file).
pub(crate) fn for_each_record(
    file: &Path,
    record_depth: usize,
    mut on_record: impl FnMut(Node, RecordPos) -> Result<(), LoadError>,
) -> Result<Root, LoadError> {
    let handle =
        File::open(file).map_err(|e| LoadError::file(file, format!("cannot open: {e}")))?;
    let mut reader = Reader::from_reader(BufReader::with_capacity(1 << 16, handle));
    reader.config_mut().trim_text(false);
    let mut buf = Vec::new();
    // Names of the open elements, for error paths.
    let mut stack: Vec<String> = Vec::new();
    // The record being built: its node chain from the record element down.
    let mut building: Vec<Node> = Vec::new();
    let mut record_start: u64 = 0;
    let mut record_index: usize = 0;
    let mut root: Option<Root> = None;
    let path_of = |stack: &[String]| stack.join("/");
    loop {
        let offset = reader.buffer_position();
        let event = reader.read_event_into(&mut buf).map_err(|err| {
            LoadError::element(
                file,
                reader.error_position(),
                path_of(&stack),
                format!("malformed XML: {err}"),
            )
        })?;
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let is_empty = matches!(event, Event::Empty(_));
                let node = start_node(file, e, offset, &path_of(&stack))?;
                let depth = stack.len();
                if depth == 0 {
                    if root.is_some() {
                        return Err(LoadError::element(
                            file,
                            offset,
                            node.name.clone(),
                            "a second root element: not one XML document",
                        ));
                    }
                    root = Some(Node {
                        name: node.name.clone(),
                        attrs: node.attrs.clone(),
                        ..Node::default()
                    });
                }
                if depth == record_depth {
                    record_index += 1;
                    record_start = offset;
                }
                let name = node.name.clone();
                if depth >= record_depth {
                    building.push(node);
                }
                if is_empty {
                    if depth >= record_depth {
                        close_node(
                            &mut building,
                            file,
                            record_start,
                            &stack,
                            record_index,
                            &name,
                            &mut on_record,
                        )?;
                    }
                } else {
                    stack.push(name);
                }
            }
            Event::End(_) => {
                let name = stack.pop().unwrap_or_default();
                if stack.len() >= record_depth {
                    close_node(
                        &mut building,
                        file,
                        record_start,
                        &stack,
                        record_index,
                        &name,
                        &mut on_record,
                    )?;
                }
            }
            Event::Text(t) => {
                if let Some(node) = building.last_mut() {
                    let text = t.unescape().map_err(|err| {
                        LoadError::element(
                            file,
                            offset,
                            path_of(&stack),
                            format!("text is not valid UTF-8 or has a bad entity: {err}"),
                        )
                    })?;
                    node.text.push_str(&text);
                } else {
                    // Text outside records is ignored, but must still be UTF-8.
                    std::str::from_utf8(&t).map_err(|err| {
                        LoadError::element(
                            file,
                            offset,
                            path_of(&stack),
                            format!("text is not valid UTF-8: {err}"),
                        )
                    })?;
                }
            }
            Event::CData(t) => {
                if let Some(node) = building.last_mut() {
                    let text = std::str::from_utf8(&t).map_err(|err| {
                        LoadError::element(
                            file,
                            offset,
                            path_of(&stack),
                            format!("CDATA is not valid UTF-8: {err}"),
                        )
                    })?;
                    node.text.push_str(text);
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    if !stack.is_empty() {
        return Err(LoadError::element(
            file,
            reader.buffer_position(),
            path_of(&stack),
            format!(
                "file ends inside <{}>: truncated download?",
                stack.last().map(String::as_str).unwrap_or("")
            ),
        ));
    }
    root.ok_or_else(|| LoadError::file(file, "no XML element found (empty file?)"))
}

fn close_node(
    building: &mut Vec<Node>,
    file: &Path,
    record_start: u64,
    stack: &[String],
    record_index: usize,
    name: &str,
    on_record: &mut impl FnMut(Node, RecordPos) -> Result<(), LoadError>,
) -> Result<(), LoadError> {
    let Some(node) = building.pop() else {
        return Err(LoadError::element(
            file,
            record_start,
            stack.join("/"),
            format!("unbalanced end tag </{name}>"),
        ));
    };
    match building.last_mut() {
        Some(parent) => parent.children.push(node),
        None => {
            let mut path = stack.join("/");
            if !path.is_empty() {
                path.push('/');
            }
            path.push_str(&format!("{}[{record_index}]", node.name));
            on_record(
                node,
                RecordPos {
                    offset: record_start,
                    path,
                },
            )?;
        }
    }
    Ok(())
}

/// Collects problems with single records: fails in strict mode, records a
/// warning in lenient mode.
#[derive(Debug, Default)]
pub(crate) struct Problems {
    pub lenient: bool,
    pub warnings: Vec<String>,
}

impl Problems {
    pub fn new(options: &LoadOptions) -> Problems {
        Problems {
            lenient: options.lenient,
            warnings: Vec::new(),
        }
    }

    /// In strict mode returns the error; in lenient mode records it and
    /// returns `Ok(())` so the caller skips the record.
    pub fn record(&mut self, err: LoadError) -> Result<(), LoadError> {
        if self.lenient {
            self.warnings.push(format!("skipped: {err}"));
            Ok(())
        } else {
            Err(err)
        }
    }
}

/// Checks ids for uniqueness within one list.
#[derive(Debug, Default)]
pub(crate) struct SeenIds(std::collections::HashMap<String, String>);

impl SeenIds {
    /// Returns `Some(where it was first seen)` if `id` was seen before.
    pub fn check(&mut self, id: &str, here: impl Into<String>) -> Option<String> {
        match self.0.get(id) {
            Some(first) => Some(first.clone()),
            None => {
                self.0.insert(id.to_string(), here.into());
                None
            }
        }
    }
}

/// The records of one list as a loader reads them: each record is either
/// an entity (kept unless its id was already seen) or an error (fatal in
/// strict mode, a warning in lenient mode, via [`Problems`]).
#[derive(Debug, Default)]
pub(crate) struct Records {
    pub problems: Problems,
    seen: SeenIds,
    pub entities: Vec<tamga_model::Entity>,
}

impl Records {
    /// The list of the single file `path` these records were read from (see
    /// [`single_file_list`]).
    pub fn into_list(
        self,
        path: &Path,
        source: tamga_model::Source,
        format: crate::Format,
        published: Option<String>,
    ) -> Result<tamga_model::EntityList, LoadError> {
        single_file_list(
            path,
            source,
            format,
            published,
            self.problems.warnings,
            self.entities,
        )
    }

    pub fn new(options: &LoadOptions) -> Records {
        Records {
            problems: Problems::new(options),
            ..Records::default()
        }
    }

    /// Accepts the outcome of reading the record at `pos`; a repeated id is
    /// reported there as `duplicate <id_label> <id> (first at <where>)`.
    pub fn accept(
        &mut self,
        path: &Path,
        pos: &RecordPos,
        result: Result<tamga_model::Entity, LoadError>,
        id_label: &str,
    ) -> Result<(), LoadError> {
        self.accept_with(path, pos, result, |id, first| {
            format!("duplicate {id_label} {id} (first at {first})")
        })
    }

    /// As [`Records::accept`], with the duplicate-id message built from the
    /// id and where it was first seen.
    pub fn accept_with(
        &mut self,
        path: &Path,
        pos: &RecordPos,
        result: Result<tamga_model::Entity, LoadError>,
        duplicate: impl FnOnce(&str, &str) -> String,
    ) -> Result<(), LoadError> {
        match result {
            Ok(entity) => {
                if let Some(first) = self.seen.check(&entity.source_id, pos.path.clone()) {
                    return self.problems.record(LoadError::element(
                        path,
                        pos.offset,
                        &pos.path,
                        duplicate(&entity.source_id, &first),
                    ));
                }
                self.entities.push(entity);
                Ok(())
            }
            Err(err) => self.problems.record(err),
        }
    }
}

/// Fails unless the document's root element is `<expected>`.
pub(crate) fn expect_root(path: &Path, root: &Root, expected: &str) -> Result<(), LoadError> {
    if root.name == expected {
        Ok(())
    } else {
        Err(LoadError::file(
            path,
            format!("root element is <{}>, expected <{expected}>", root.name),
        ))
    }
}

/// The loaded list read from the single file `path`: its meta data records
/// the file and its SHA-256.
pub(crate) fn single_file_list(
    path: &Path,
    source: tamga_model::Source,
    format: crate::Format,
    published: Option<String>,
    warnings: Vec<String>,
    entities: Vec<tamga_model::Entity>,
) -> Result<tamga_model::EntityList, LoadError> {
    let files = vec![path.to_path_buf()];
    files_list(&files, source, format, published, warnings, entities)
}

/// The loaded list read from `files`, in order: its meta data records the
/// files and their SHA-256.
pub(crate) fn files_list(
    files: &[std::path::PathBuf],
    source: tamga_model::Source,
    format: crate::Format,
    published: Option<String>,
    warnings: Vec<String>,
    entities: Vec<tamga_model::Entity>,
) -> Result<tamga_model::EntityList, LoadError> {
    Ok(tamga_model::EntityList {
        meta: tamga_model::ListMeta {
            source,
            format: format.as_str().to_string(),
            sha256: crate::sha256_files(files)?,
            files: files.iter().map(|f| f.display().to_string()).collect(),
            published,
            warnings,
        },
        entities,
    })
}

/// A relationship to a party the list names but does not identify (no
/// target id, no percentage).
pub(crate) fn named_relationship(
    kind: tamga_model::RelationKind,
    target: String,
    note: Option<String>,
) -> tamga_model::Relationship {
    tamga_model::Relationship {
        kind,
        target_id: None,
        target_name: Some(target),
        percentage: None,
        note,
    }
}

/// `dd/mm/yyyy` (OFSI/FCDO style) to ISO `yyyy-mm-dd`; `None` if not that shape.
pub(crate) fn dmy_to_iso(text: &str) -> Option<String> {
    let mut it = text.trim().split('/');
    let (d, m, y) = (it.next()?, it.next()?, it.next()?);
    if it.next().is_some() || d.len() != 2 || m.len() != 2 || y.len() != 4 {
        return None;
    }
    if ![d, m, y]
        .iter()
        .all(|p| p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    Some(format!("{y}-{m}-{d}"))
}

/// Parses an OFSI/FCDO date of birth: `dd/mm/yyyy` with `00` or `dd`/`mm`
/// for unknown parts, or a bare year.
pub(crate) fn parse_dmy_birth(text: &str) -> Option<tamga_model::BirthDate> {
    use tamga_model::BirthDate;
    let text = text.trim();
    let parts: Vec<&str> = text.split('/').collect();
    let num = |s: &str| -> Option<u32> {
        if s.bytes().all(|b| b.is_ascii_digit()) && !s.is_empty() {
            s.parse().ok()
        } else {
            None
        }
    };
    let (day, month, year) = match parts.as_slice() {
        [y] => (None, None, num(y)?),
        [d, m, y] => (
            num(d).filter(|&d| d > 0),
            num(m).filter(|&m| m > 0),
            num(y)?,
        ),
        _ => return None,
    };
    let year = i32::try_from(year)
        .ok()
        .filter(|y| (1000..=2999).contains(y))?;
    match (day, month) {
        (Some(d), Some(m)) if (1..=31).contains(&d) && (1..=12).contains(&m) => {
            Some(BirthDate::Exact {
                year,
                month: m as u8,
                day: d as u8,
            })
        }
        (_, Some(m)) if (1..=12).contains(&m) => Some(BirthDate::Month {
            year,
            month: m as u8,
        }),
        _ => Some(BirthDate::Year { year }),
    }
}

/// The date part (`YYYY-MM-DD`) of an ISO timestamp.
pub(crate) fn iso_date_part(text: &str) -> String {
    text.trim().chars().take(10).collect()
}
