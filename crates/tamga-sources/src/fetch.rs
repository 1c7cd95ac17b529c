//! Downloads the current official list files, safely.
//!
//! [`fetch_lists`] fetches every configured list into `dest/<list name>/`.
//! For each list it:
//!
//! 1. downloads every file into `dest/<name>/.staging/`;
//! 2. loads the staged copy with the list's loader and requires at least one
//!    entity (an HTML error page, a truncated or empty file fails here);
//! 3. records the SHA-256 of each file;
//! 4. only then, file by file, renames the current copy to `<file>.prev`
//!    and renames the new one into place (a rename within one directory is
//!    atomic, so readers see either the old or the new file, never a part).
//!
//! A failed download or a file that does not load leaves the current copies
//! untouched and is reported in [`FetchReport`]; the other lists still go
//! ahead. A list whose files are byte-identical to the current copies is
//! reported [`FetchStatus::Unchanged`] and not rotated.
//!
//! # Default sources
//!
//! | List name        | Format              | File(s) and official URL |
//! |------------------|---------------------|--------------------------|
//! | `us_ofac_sdn`    | `ofac_csv`          | `sdn.csv`, `add.csv`, `alt.csv`, `sdn_comments.csv` from `https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/{SDN,ADD,ALT,SDN_COMMENTS}.CSV` |
//! | `us_ofac_cons`   | `ofac_xml`          | `CONSOLIDATED.XML` from `https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONSOLIDATED.XML` |
//! | `us_ofac_sdn_advanced` | `ofac_advanced_xml` | `SDN_ADVANCED.XML` from `https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN_ADVANCED.XML` |
//! | `un_sc`          | `un_xml`            | `consolidated.xml` from `https://scsanctions.un.org/resources/xml/en/consolidated.xml` |
//! | `eu_fsf`         | `eu_fsf_xml`        | `eu_fsf.xml` from `https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw` |
//! | `gb_ofsi`        | `uk_ofsi_xlsx`      | `ConList.xlsx` from `https://ofsistorage.blob.core.windows.net/publishlive/2022format/ConList.xlsx` |
//! | `gb_fcdo`        | `uk_fcdo_xml`       | `UK-Sanctions-List.xml` from `https://docs.fcdo.gov.uk/docs/UK-Sanctions-List.xml` |
//! | `ca_sema`        | `ca_sema_xml`       | `sema-lmes.xml` from `https://www.international.gc.ca/world-monde/assets/office_docs/international_relations-relations_internationales/sanctions/sema-lmes.xml` |
//!
//! # Configuration file
//!
//! [`FetchConfig::from_file`] reads TOML (or JSON for a `.json` file). Every
//! key is optional; missing keys keep the defaults above:
//!
//! ```toml
//! timeout_secs = 300
//! only = ["us_ofac_sdn", "un_sc"]          # fetch just these lists
//! [urls]                                    # per-file URL overrides
//! "us_ofac_sdn/sdn.csv" = "https://mirror.example/sdn.csv"
//! ```
//!
//! A `[[lists]]` array replaces the whole default table (each entry:
//! `name`, `format`, `files = [{ name, url }]`).

use crate::{Format, ListSpec, LoadOptions};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

const OFAC_EXPORTS: &str =
    "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports";

/// What to fetch and how.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FetchConfig {
    /// The lists, by default the official table in the module docs.
    pub lists: Vec<FetchList>,
    /// URL overrides keyed `<list name>/<file name>`.
    pub urls: BTreeMap<String, String>,
    /// Fetch only these lists (all when empty).
    pub only: Vec<String>,
    /// Whole-request timeout per file, in seconds.
    pub timeout_secs: u64,
    /// Largest accepted file, in bytes (guards against a runaway response).
    pub max_bytes: u64,
    /// `User-Agent` sent with every request.
    pub user_agent: String,
}

/// One list to fetch: a name (its directory under `dest`), the format its
/// loader reads, and its files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FetchList {
    /// Directory name under `dest`, e.g. `us_ofac_sdn`.
    pub name: String,
    /// Format slug ([`Format::as_str`]), e.g. `ofac_csv`.
    pub format: String,
    /// Files; the first is the one the loader is given (for `ofac_csv` the
    /// directory is given, and the loader finds its siblings).
    pub files: Vec<FetchFile>,
}

/// One file of a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FetchFile {
    /// Local file name.
    pub name: String,
    /// Official URL.
    pub url: String,
}

impl Default for FetchConfig {
    fn default() -> Self {
        let list = |name: &str, format: Format, files: &[(&str, String)]| FetchList {
            name: name.to_string(),
            format: format.as_str().to_string(),
            files: files
                .iter()
                .map(|(n, u)| FetchFile {
                    name: n.to_string(),
                    url: u.clone(),
                })
                .collect(),
        };
        let ofac = |file: &str| format!("{OFAC_EXPORTS}/{file}");
        FetchConfig {
            lists: vec![
                list(
                    "us_ofac_sdn",
                    Format::OfacCsv,
                    &[
                        ("sdn.csv", ofac("SDN.CSV")),
                        ("add.csv", ofac("ADD.CSV")),
                        ("alt.csv", ofac("ALT.CSV")),
                        ("sdn_comments.csv", ofac("SDN_COMMENTS.CSV")),
                    ],
                ),
                list(
                    "us_ofac_cons",
                    Format::OfacXml,
                    &[("CONSOLIDATED.XML", ofac("CONSOLIDATED.XML"))],
                ),
                list(
                    "us_ofac_sdn_advanced",
                    Format::OfacAdvancedXml,
                    &[("SDN_ADVANCED.XML", ofac("SDN_ADVANCED.XML"))],
                ),
                list(
                    "un_sc",
                    Format::UnXml,
                    &[(
                        "consolidated.xml",
                        "https://scsanctions.un.org/resources/xml/en/consolidated.xml".into(),
                    )],
                ),
                list(
                    "eu_fsf",
                    Format::EuFsfXml,
                    &[(
                        "eu_fsf.xml",
                        "https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw".into(),
                    )],
                ),
                list(
                    "gb_ofsi",
                    Format::UkOfsiXlsx,
                    &[(
                        "ConList.xlsx",
                        "https://ofsistorage.blob.core.windows.net/publishlive/2022format/ConList.xlsx".into(),
                    )],
                ),
                list(
                    "gb_fcdo",
                    Format::UkFcdoXml,
                    &[(
                        "UK-Sanctions-List.xml",
                        "https://docs.fcdo.gov.uk/docs/UK-Sanctions-List.xml".into(),
                    )],
                ),
                list(
                    "ca_sema",
                    Format::CaSemaXml,
                    &[(
                        "sema-lmes.xml",
                        "https://www.international.gc.ca/world-monde/assets/office_docs/international_relations-relations_internationales/sanctions/sema-lmes.xml".into(),
                    )],
                ),
            ],
            urls: BTreeMap::new(),
            only: Vec::new(),
            timeout_secs: 300,
            max_bytes: 512 * 1024 * 1024,
            user_agent: concat!("tamga/", env!("CARGO_PKG_VERSION")).to_string(),
        }
    }
}

impl FetchConfig {
    /// Reads a configuration file: JSON when it ends in `.json`, else TOML.
    pub fn from_file(path: &Path) -> Result<FetchConfig, FetchError> {
        let text = std::fs::read_to_string(path).map_err(|e| FetchError::Config {
            file: path.to_path_buf(),
            message: e.to_string(),
        })?;
        let json = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"));
        let parsed = if json {
            serde_json::from_str(&text).map_err(|e| e.to_string())
        } else {
            toml::from_str(&text).map_err(|e| e.to_string())
        };
        parsed.map_err(|message| FetchError::Config {
            file: path.to_path_buf(),
            message,
        })
    }

    /// Sets the URL of one file (`list`/`file` as in the table).
    pub fn set_url(&mut self, list: &str, file: &str, url: impl Into<String>) {
        self.urls.insert(format!("{list}/{file}"), url.into());
    }

    /// The lists to fetch, with `only` and URL overrides applied.
    pub fn resolved_lists(&self) -> Result<Vec<FetchList>, FetchError> {
        for key in self.urls.keys() {
            let known = key.split_once('/').is_some_and(|(list, file)| {
                self.lists
                    .iter()
                    .any(|l| l.name == list && l.files.iter().any(|f| f.name == file))
            });
            if !known {
                return Err(FetchError::Invalid(format!(
                    "URL override {key:?} names no configured list/file"
                )));
            }
        }
        for name in &self.only {
            if !self.lists.iter().any(|l| &l.name == name) {
                return Err(FetchError::Invalid(format!(
                    "unknown list {name:?} in `only`"
                )));
            }
        }
        let mut lists = Vec::new();
        for list in &self.lists {
            if !self.only.is_empty() && !self.only.contains(&list.name) {
                continue;
            }
            if format_from_slug(&list.format).is_none() {
                return Err(FetchError::Invalid(format!(
                    "list {:?}: unknown format {:?}",
                    list.name, list.format
                )));
            }
            let valid_name = |n: &str| {
                !n.is_empty()
                    && !n.starts_with('.')
                    && n.chars()
                        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
            };
            if !valid_name(&list.name) || list.files.is_empty() {
                return Err(FetchError::Invalid(format!(
                    "list {:?}: needs a plain name and at least one file",
                    list.name
                )));
            }
            let mut list = list.clone();
            for file in &mut list.files {
                if !valid_name(&file.name) {
                    return Err(FetchError::Invalid(format!(
                        "list {:?}: file name {:?} must be a plain file name",
                        list.name, file.name
                    )));
                }
                if let Some(url) = self.urls.get(&format!("{}/{}", list.name, file.name)) {
                    file.url = url.clone();
                }
            }
            lists.push(list);
        }
        Ok(lists)
    }
}

/// A format from its slug.
pub fn format_from_slug(slug: &str) -> Option<Format> {
    [
        Format::OfacCsv,
        Format::OfacXml,
        Format::OfacAdvancedXml,
        Format::UnXml,
        Format::EuFsfXml,
        Format::UkOfsiXlsx,
        Format::UkOfsiCsv,
        Format::UkFcdoXml,
        Format::CaSemaXml,
        Format::FtmJson,
        Format::CustomCsv,
    ]
    .into_iter()
    .find(|f| f.as_str() == slug)
}

/// The fetch could not start (bad configuration, unusable destination).
/// Problems with one list are not errors: they are in [`FetchReport`].
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// The configuration file could not be read or parsed.
    #[error("{}: {message}", file.display())]
    Config {
        /// The file.
        file: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// The configuration is inconsistent.
    #[error("fetch configuration: {0}")]
    Invalid(String),
    /// The destination directory cannot be used.
    #[error("{}: {message}", dir.display())]
    Destination {
        /// The directory.
        dir: PathBuf,
        /// What failed.
        message: String,
    },
}

/// What happened to each list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FetchReport {
    /// One outcome per list, in configuration order.
    pub lists: Vec<ListOutcome>,
}

impl FetchReport {
    /// True when no list failed.
    pub fn all_ok(&self) -> bool {
        self.lists
            .iter()
            .all(|l| !matches!(l.status, FetchStatus::Failed { .. }))
    }
}

/// The outcome for one list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListOutcome {
    /// List name (its directory under `dest`).
    pub name: String,
    /// Directory holding the list's current files.
    pub dir: PathBuf,
    /// What happened.
    pub status: FetchStatus,
    /// The downloaded files (empty when a download failed).
    pub files: Vec<FetchedFile>,
}

/// Status of one list after a fetch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum FetchStatus {
    /// New files are in place; the previous ones are kept as `<file>.prev`.
    Updated {
        /// Entities the new publication loaded with.
        entities: usize,
    },
    /// The downloaded files are identical to the current ones.
    Unchanged {
        /// Entities the publication loaded with.
        entities: usize,
    },
    /// Nothing was replaced; the current files (if any) are untouched.
    Failed {
        /// Why, naming the URL or the file and line.
        error: String,
    },
}

/// One downloaded file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FetchedFile {
    /// Local file name.
    pub name: String,
    /// Where it came from.
    pub url: String,
    /// Size in bytes.
    pub bytes: u64,
    /// SHA-256, hex.
    pub sha256: String,
}

/// Fetches every configured list into `dest/<list name>/`. See the module
/// docs for the safety rules.
pub fn fetch_lists(config: &FetchConfig, dest: &Path) -> Result<FetchReport, FetchError> {
    let lists = config.resolved_lists()?;
    std::fs::create_dir_all(dest).map_err(|e| FetchError::Destination {
        dir: dest.to_path_buf(),
        message: e.to_string(),
    })?;
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(config.timeout_secs.max(1))))
        .user_agent(config.user_agent.as_str())
        .build()
        .into();
    let mut report = FetchReport { lists: Vec::new() };
    for list in &lists {
        let dir = dest.join(&list.name);
        let mut files = Vec::new();
        let status = match fetch_one(&agent, config, list, &dir, &mut files) {
            Ok(status) => status,
            Err(error) => FetchStatus::Failed { error },
        };
        // Whatever happened, no staging leftovers.
        let _ = std::fs::remove_dir_all(dir.join(".staging"));
        report.lists.push(ListOutcome {
            name: list.name.clone(),
            dir,
            status,
            files,
        });
    }
    Ok(report)
}

fn fetch_one(
    agent: &ureq::Agent,
    config: &FetchConfig,
    list: &FetchList,
    dir: &Path,
    files: &mut Vec<FetchedFile>,
) -> Result<FetchStatus, String> {
    let staging = dir.join(".staging");
    let _ = std::fs::remove_dir_all(&staging);
    std::fs::create_dir_all(&staging).map_err(|e| format!("{}: {e}", staging.display()))?;
    for file in &list.files {
        let target = staging.join(&file.name);
        let (bytes, sha256) = download(agent, config, &file.url, &target)?;
        files.push(FetchedFile {
            name: file.name.clone(),
            url: file.url.clone(),
            bytes,
            sha256,
        });
    }

    // The staged copy must load and hold entities before it may replace
    // anything.
    let format = format_from_slug(&list.format).ok_or("unknown format")?;
    let path = if format == Format::OfacCsv {
        staging.clone()
    } else {
        staging.join(&list.files[0].name)
    };
    let spec = ListSpec {
        name: Some(list.name.clone()),
        path,
    };
    let loaded = crate::load_as(format, &spec, &LoadOptions::default())
        .map_err(|e| format!("downloaded file does not load: {e}"))?;
    let entities = loaded.entities.len();
    if entities == 0 {
        return Err("downloaded publication holds no entities".into());
    }

    let unchanged = files.iter().all(|f| {
        std::fs::read(dir.join(&f.name))
            .map(|old| hex::encode(Sha256::digest(&old)) == f.sha256)
            .unwrap_or(false)
    });
    if unchanged {
        return Ok(FetchStatus::Unchanged { entities });
    }
    for f in files.iter() {
        let current = dir.join(&f.name);
        if current.exists() {
            let prev = dir.join(format!("{}.prev", f.name));
            std::fs::rename(&current, &prev)
                .map_err(|e| format!("keeping {} as .prev: {e}", current.display()))?;
        }
        std::fs::rename(staging.join(&f.name), &current)
            .map_err(|e| format!("moving new {} into place: {e}", current.display()))?;
    }
    Ok(FetchStatus::Updated { entities })
}

/// Streams one URL into `target`, returning its size and SHA-256.
fn download(
    agent: &ureq::Agent,
    config: &FetchConfig,
    url: &str,
    target: &Path,
) -> Result<(u64, String), String> {
    let mut response = agent.get(url).call().map_err(|e| format!("{url}: {e}"))?;
    let mut reader = response
        .body_mut()
        .with_config()
        .limit(config.max_bytes)
        .reader();
    let mut out =
        std::fs::File::create(target).map_err(|e| format!("{}: {e}", target.display()))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    let mut total = 0u64;
    loop {
        let n = std::io::Read::read(&mut reader, &mut buf).map_err(|e| format!("{url}: {e}"))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        out.write_all(&buf[..n])
            .map_err(|e| format!("{}: {e}", target.display()))?;
        total += n as u64;
    }
    out.sync_all()
        .map_err(|e| format!("{}: {e}", target.display()))?;
    if total == 0 {
        return Err(format!("{url}: empty response"));
    }
    Ok((total, hex::encode(hasher.finalize())))
}
