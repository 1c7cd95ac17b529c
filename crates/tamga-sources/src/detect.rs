//! Format detection from file content.
//!
//! The file name is never trusted (downloads get renamed, `.xml` vs `.XML`,
//! `ConList.xlsx` vs `UK_Sanctions_List.xlsx`): only the first few kilobytes
//! of content decide. Rules, in order:
//!
//! * a directory holding `sdn.csv` or `cons_prim.csv` → [`Format::OfacCsv`];
//! * a zip archive containing `xl/workbook.xml` → [`Format::UkOfsiXlsx`];
//! * XML, by root element: `sdnList` → OFAC XML; `Sanctions` in the
//!   sanctions namespace → OFAC Advanced; `CONSOLIDATED_LIST` → UN;
//!   `export` holding `sanctionEntity` (or in the EU FSF namespace) → EU FSF;
//!   `Designations` → FCDO; `data-set` holding `record` → Canada SEMA;
//! * JSON lines whose first object has `schema` and `properties` → FtM;
//! * CSV: a numeric first field, 12 columns and `-0-` null markers → OFAC
//!   legacy CSV; a header with the OFSI columns (`Name 6`, `Group ID`) in
//!   the first two rows → OFSI CSV; a header with `id` and `name`, or any CSV
//!   with a `<stem>.mapping.json` next to it → custom CSV.
//!
//! Anything else is a [`LoadError`] that names the file and says what was seen.

use crate::LoadError;
use std::io::Read;
use std::path::Path;

/// A published list format tamga reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// OFAC legacy CSV set (sdn/add/alt/sdn_comments or cons_prim/cons_add/…).
    OfacCsv,
    /// OFAC XML (sdn.xml / CONSOLIDATED.XML schema).
    OfacXml,
    /// OFAC Advanced XML (SDN_ADVANCED.xml / cons_advanced.xml schema).
    OfacAdvancedXml,
    /// UN Security Council consolidated list XML.
    UnXml,
    /// EU Financial Sanctions Files XML.
    EuFsfXml,
    /// UK OFSI consolidated list, xlsx as published.
    UkOfsiXlsx,
    /// UK OFSI consolidated list, csv.
    UkOfsiCsv,
    /// UK FCDO UK Sanctions List XML.
    UkFcdoXml,
    /// Canada SEMA consolidated XML.
    CaSemaXml,
    /// OpenSanctions FollowTheMoney JSON lines.
    FtmJson,
    /// A user's own CSV list.
    CustomCsv,
}

impl Format {
    /// Stable slug used in `ListMeta::format` and `tamga lists inspect`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::OfacCsv => "ofac_csv",
            Format::OfacXml => "ofac_xml",
            Format::OfacAdvancedXml => "ofac_advanced_xml",
            Format::UnXml => "un_xml",
            Format::EuFsfXml => "eu_fsf_xml",
            Format::UkOfsiXlsx => "uk_ofsi_xlsx",
            Format::UkOfsiCsv => "uk_ofsi_csv",
            Format::UkFcdoXml => "uk_fcdo_xml",
            Format::CaSemaXml => "ca_sema_xml",
            Format::FtmJson => "ftm_json",
            Format::CustomCsv => "custom_csv",
        }
    }
}

/// How much of a file is sniffed. Every official format names its root
/// element (and, for the EU and Canada, the first record) well within this.
const SNIFF_BYTES: usize = 16 * 1024;

/// Detects the format of a file or publication directory from its content.
pub fn detect_format(path: &Path) -> Result<Format, LoadError> {
    let meta =
        std::fs::metadata(path).map_err(|e| LoadError::file(path, format!("cannot read: {e}")))?;
    if meta.is_dir() {
        for file in ["sdn.csv", "cons_prim.csv", "SDN.CSV", "CONS_PRIM.CSV"] {
            if path.join(file).is_file() {
                return Ok(Format::OfacCsv);
            }
        }
        return Err(LoadError::file(
            path,
            "directory holds no OFAC CSV set (no sdn.csv or cons_prim.csv); give a list file instead",
        ));
    }
    if meta.len() == 0 {
        return Err(LoadError::file(path, "file is empty"));
    }
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    std::fs::File::open(path)
        .and_then(|f| f.take(SNIFF_BYTES as u64).read_to_end(&mut head))
        .map_err(|e| LoadError::file(path, format!("cannot read: {e}")))?;

    if head.starts_with(b"PK\x03\x04") {
        return detect_zip(path);
    }
    let text = sniff_text(path, &head)?;
    let body = text.trim_start_matches('\u{feff}').trim_start();
    if body.is_empty() {
        return Err(LoadError::file(path, "file holds only whitespace"));
    }
    if body.starts_with('<') {
        return detect_xml(path, body);
    }
    if body.starts_with('{') {
        return detect_json(path, body);
    }
    detect_csv(path, body)
}

/// The sniffed prefix as UTF-8. A multi-byte character cut by the sniff
/// limit is fine; any other invalid byte is an error naming its line.
fn sniff_text<'a>(path: &Path, head: &'a [u8]) -> Result<&'a str, LoadError> {
    match std::str::from_utf8(head) {
        Ok(text) => Ok(text),
        Err(err) if err.error_len().is_none() => {
            Ok(std::str::from_utf8(&head[..err.valid_up_to()]).unwrap_or_default())
        }
        Err(err) => {
            let line = 1 + head[..err.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count() as u64;
            Err(LoadError::line(
                path,
                line,
                format!(
                    "not UTF-8 text (invalid byte 0x{:02x} at byte {}); lists must be UTF-8",
                    head[err.valid_up_to()],
                    err.valid_up_to()
                ),
            ))
        }
    }
}

fn detect_zip(path: &Path) -> Result<Format, LoadError> {
    // The zip central directory (at the end) lists every member name in
    // plain bytes; a substring search finds the workbook without unzipping.
    let bytes =
        std::fs::read(path).map_err(|e| LoadError::file(path, format!("cannot read: {e}")))?;
    let tail = &bytes[bytes.len().saturating_sub(1 << 20)..];
    let needle = b"xl/workbook.xml";
    if tail.windows(needle.len()).any(|w| w == needle) {
        Ok(Format::UkOfsiXlsx)
    } else {
        Err(LoadError::file(
            path,
            "zip archive without xl/workbook.xml: not an xlsx workbook (unzip it and give the list file)",
        ))
    }
}

/// Name (prefix stripped) and raw attribute text of the first element.
fn root_element(body: &str) -> Option<(&str, &str)> {
    let mut rest = body;
    loop {
        let start = rest.find('<')?;
        rest = &rest[start..];
        if rest.starts_with("<?") {
            rest = &rest[rest.find("?>")? + 2..];
        } else if rest.starts_with("<!--") {
            rest = &rest[rest.find("-->")? + 3..];
        } else if rest.starts_with("<!") {
            rest = &rest[rest.find('>')? + 1..];
        } else {
            let end = rest.find('>').unwrap_or(rest.len());
            let tag = &rest[1..end];
            let name_end = tag
                .find(|c: char| c.is_whitespace() || c == '/')
                .unwrap_or(tag.len());
            let name = &tag[..name_end];
            let local = name.rsplit(':').next().unwrap_or(name);
            return Some((local, &tag[name_end..]));
        }
    }
}

fn detect_xml(path: &Path, body: &str) -> Result<Format, LoadError> {
    let Some((root, attrs)) = root_element(body) else {
        return Err(LoadError::file(
            path,
            "looks like XML but no root element in the first 16 KiB",
        ));
    };
    let format = match root {
        "sdnList" => Some(Format::OfacXml),
        "Sanctions" if attrs.to_ascii_lowercase().contains("sanctions") => {
            Some(Format::OfacAdvancedXml)
        }
        "CONSOLIDATED_LIST" => Some(Format::UnXml),
        "export"
            if body.contains("sanctionEntity") || attrs.contains("eu.europa.ec/fpi/fsd/export") =>
        {
            Some(Format::EuFsfXml)
        }
        "Designations" => Some(Format::UkFcdoXml),
        "data-set" if body.contains("<record") => Some(Format::CaSemaXml),
        _ => None,
    };
    format.ok_or_else(|| {
        LoadError::file(
            path,
            format!("XML with root element <{root}> is not a list format tamga knows (OFAC, UN, EU FSF, UK FCDO, Canada SEMA)"),
        )
    })
}

fn detect_json(path: &Path, body: &str) -> Result<Format, LoadError> {
    let first = body.lines().next().unwrap_or_default();
    let value: serde_json::Value = serde_json::from_str(first).map_err(|e| {
        LoadError::line(
            path,
            1,
            format!("starts like JSON but the first line is not one JSON object: {e}"),
        )
    })?;
    if value.get("schema").is_some_and(|s| s.is_string())
        && value.get("properties").is_some_and(|p| p.is_object())
    {
        Ok(Format::FtmJson)
    } else {
        Err(LoadError::line(
            path,
            1,
            "JSON object without `schema` and `properties`: not FollowTheMoney JSON lines",
        ))
    }
}

fn detect_csv(path: &Path, body: &str) -> Result<Format, LoadError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(body.as_bytes());
    let mut rows: Vec<Vec<String>> = Vec::new();
    for record in reader.records().take(2) {
        // The sniff window may cut the last row: only complete rows count.
        let Ok(record) = record else { break };
        rows.push(record.iter().map(|f| f.trim().to_string()).collect());
    }
    let Some(first) = rows.first() else {
        return Err(LoadError::file(path, "no CSV row found"));
    };
    let lead = first.first().map(String::as_str).unwrap_or_default();
    let numeric_first = !lead.is_empty() && lead.bytes().all(|b| b.is_ascii_digit());
    if numeric_first && first.len() == 12 && first.iter().any(|f| f == "-0-") {
        return Ok(Format::OfacCsv);
    }
    let is_ofsi = |row: &Vec<String>| {
        row.iter().any(|f| f == "Name 6") && row.iter().any(|f| f == "Group ID")
    };
    if rows.iter().any(is_ofsi) {
        return Ok(Format::UkOfsiCsv);
    }
    let has = |name: &str| first.iter().any(|f| f.eq_ignore_ascii_case(name));
    if has("id") && has("name") {
        return Ok(Format::CustomCsv);
    }
    if crate::custom::mapping_path_for(path).is_file() {
        return Ok(Format::CustomCsv);
    }
    let shown: Vec<&str> = first.iter().take(6).map(String::as_str).collect();
    Err(LoadError::line(
        path,
        1,
        format!(
            "unrecognised list format: first row is [{}] ({} fields); expected OFAC CSV, OFSI CSV, a custom CSV with `id` and `name` columns, XML or FtM JSON lines",
            shown.join(", "),
            first.len()
        ),
    ))
}
