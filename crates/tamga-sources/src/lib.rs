//! Loaders for official sanctions publications.
//!
//! Each loader reads one published format, streaming, into
//! [`tamga_model::EntityList`]. The format is detected from the file's content
//! (see [`detect`]), never from its name. A load either yields the whole list
//! or fails with a [`LoadError`] naming the file and line/element; with
//! [`LoadOptions::lenient`] a bad *record* is skipped and counted in
//! [`tamga_model::ListMeta::warnings`] instead, but a broken *file* (truncated,
//! not UTF-8, wrong format) still fails.

#![warn(missing_docs)]

pub mod detect;
mod error;

pub mod alternatives;
pub mod canada;
pub mod custom;
pub mod diff;
pub mod eu;
pub mod fetch;
pub mod ftm;
pub mod inspect;
pub mod ofac_advanced;
pub mod ofac_csv;
pub mod ofac_xml;
pub mod remarks;
pub mod uk_fcdo;
pub mod uk_ofsi;
pub mod un;
mod xmlrec;

pub use detect::{detect_format, Format};
pub use error::{LoadError, Location};

use std::path::{Path, PathBuf};
use tamga_model::EntityList;

/// Options for every loader.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Skip malformed records with a counted warning instead of failing.
    pub lenient: bool,
}

/// One list to load, as given on the command line: `PATH` or `NAME=PATH`.
///
/// `PATH` may be a file or a directory holding one publication (for the OFAC
/// legacy CSV set: `sdn.csv` with its `add.csv`, `alt.csv`, `sdn_comments.csv`).
/// `NAME` sets the source name of a custom list (default: the file stem).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListSpec {
    /// User-given list name, for custom lists.
    pub name: Option<String>,
    /// File or directory.
    pub path: PathBuf,
}

impl ListSpec {
    /// Parses `PATH` or `NAME=PATH`. A `=` only counts as a separator when
    /// the part before it is a plain identifier, so paths containing `=` work.
    pub fn parse(text: &str) -> ListSpec {
        if let Some((name, path)) = text.split_once('=') {
            let plain = !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
            if plain {
                return ListSpec {
                    name: Some(name.to_string()),
                    path: PathBuf::from(path),
                };
            }
        }
        ListSpec {
            name: None,
            path: PathBuf::from(text),
        }
    }
}

/// Loads one list, detecting its format from content.
pub fn load(spec: &ListSpec, options: &LoadOptions) -> Result<EntityList, LoadError> {
    let format = detect_format(&spec.path)?;
    load_as(format, spec, options)
}

/// Loads one list in a known format.
pub fn load_as(
    format: Format,
    spec: &ListSpec,
    options: &LoadOptions,
) -> Result<EntityList, LoadError> {
    let path = spec.path.as_path();
    let mut list = match format {
        Format::OfacCsv => ofac_csv::load(path, options),
        Format::OfacXml => ofac_xml::load(path, options),
        Format::OfacAdvancedXml => ofac_advanced::load(path, options),
        Format::UnXml => un::load(path, options),
        Format::EuFsfXml => eu::load(path, options),
        Format::UkOfsiXlsx | Format::UkOfsiCsv => uk_ofsi::load(path, format, options),
        Format::UkFcdoXml => uk_fcdo::load(path, options),
        Format::CaSemaXml => canada::load(path, options),
        Format::FtmJson => ftm::load(path, options),
        Format::CustomCsv => custom::load(path, spec.name.as_deref(), options),
    }?;
    if list.meta.format.is_empty() {
        list.meta.format = format.as_str().to_string();
    }
    Ok(list)
}

/// Loads several lists; the first failure aborts with its error (nothing partial).
pub fn load_all(specs: &[ListSpec], options: &LoadOptions) -> Result<Vec<EntityList>, LoadError> {
    specs.iter().map(|spec| load(spec, options)).collect()
}

/// The bundled snapshot directory: `$TAMGA_DATA` if set, else `data/lists`
/// in the current directory, else the repository's `data/lists` as seen at
/// build time (so `cargo run` works from any directory of a checkout).
pub fn bundled_data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("TAMGA_DATA") {
        return PathBuf::from(dir);
    }
    let local = PathBuf::from("data/lists");
    if local.is_dir() {
        return local;
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/lists")
}

/// The bundled licence directory: the sibling `licences` of
/// [`bundled_data_dir`] (`…/data/lists`), so `TAMGA_DATA` moves both. The
/// default of `tamga decide` and of the service's `/decide`.
pub fn bundled_licences_dir() -> PathBuf {
    bundled_data_dir()
        .parent()
        .map(|d| d.join("licences"))
        .unwrap_or_else(|| PathBuf::from("data/licences"))
}

/// The default lists: the bundled snapshot of every official list, plus the
/// Central Asian legislators as a PEP list. Used when no `--list` is given.
pub fn default_list_specs(data_dir: &Path) -> Vec<ListSpec> {
    let file = |rel: &str| ListSpec {
        name: None,
        path: data_dir.join(rel),
    };
    let named = |name: &str, rel: &str| ListSpec {
        name: Some(name.to_string()),
        path: data_dir.join(rel),
    };
    vec![
        file("ofac/sdn_2023-12-28"),
        file("ofac/consolidated_2025-12"),
        file("un/2026-02-27/consolidated.xml"),
        file("eu/fsf_excerpt_2026-08-05/sample_eu_fsf.EXCERPT.xml"),
        file("uk/ofsi_conlist_2025-04-14/ConList.xlsx"),
        file("uk/fcdo_uk_sanctions_list_xml_excerpt_2026-09-10/sample_uk_sanctions.EXCERPT.xml"),
        file("canada/sema_2025-05/sema_consolidated.xml"),
        file("opensanctions/ftm/zala.entities.ftm.json"),
        file("opensanctions/ftm/t1.entities.ftm.json"),
        named(
            "pep_kz_mazhilis",
            "pep/everypolitician_upstream_index/Kazakhstan/names.csv",
        ),
    ]
}

/// SHA-256 of files in order, hex encoded; the audit fingerprint of a list.
pub fn sha256_files(files: &[PathBuf]) -> Result<String, LoadError> {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    for file in files {
        let bytes = std::fs::read(file).map_err(|e| LoadError::file(file, e.to_string()))?;
        hasher.update(&bytes);
    }
    Ok(hex::encode(hasher.finalize()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_spec_parses_name_and_path() {
        assert_eq!(
            ListSpec::parse("pep=data/x.csv"),
            ListSpec {
                name: Some("pep".into()),
                path: "data/x.csv".into()
            }
        );
        assert_eq!(ListSpec::parse("/tmp/a=b/c.csv").name, None);
        assert_eq!(ListSpec::parse("x.csv").path, PathBuf::from("x.csv"));
    }
}
