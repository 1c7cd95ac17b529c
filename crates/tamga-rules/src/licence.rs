//! Licences, derogations and activity prohibitions as data (TOML files).
//!
//! Every `*.toml` file in a licence directory is one document whose
//! top-level `kind` is `licence` (a general licence or derogation that
//! authorises otherwise prohibited dealings) or `prohibition` (an activity
//! ban that applies regardless of who the parties are, e.g. the US
//! petroleum-services determination under E.O. 14071). The format is
//! documented in the crate docs; every loading error names the file and the
//! field.

use crate::{Date, RulesError};
use serde::{Deserialize, Serialize};
use std::path::Path;
use tamga_model::Regime;

/// A reference to parties a licence covers or relates to.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartyRef {
    /// Entity ids (`us_ofac_cons:17248`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entity_ids: Vec<String>,
    /// Names, matched exactly after normalisation (case, punctuation).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<String>,
    /// "Entities owned `min_percentage` % or more, directly or indirectly,
    /// individually or in the aggregate, by" these parties (ids or names).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub owned_by: Vec<String>,
    /// Threshold for `owned_by` (default 50).
    #[serde(default = "fifty")]
    pub min_percentage: f64,
    /// The licence paragraph this reference comes from, e.g. `(a)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clause: Option<String>,
}

fn fifty() -> f64 {
    50.0
}

/// An activity code with its description.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    /// Short code used in requests (`petroleum-services`, `wind-down`, …).
    pub code: String,
    /// What it means, in the licence's words where possible.
    pub description: String,
    /// The licence paragraph, e.g. `(a)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clause: Option<String>,
}

/// Whether a document authorises or prohibits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocumentKind {
    /// A general licence, derogation or exemption.
    Licence,
    /// An activity prohibition.
    Prohibition,
}

/// One licence or prohibition document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Licence {
    /// `licence` or `prohibition`.
    pub kind: DocumentKind,
    /// Stable id, e.g. `US-OFAC-GL-124B`.
    pub id: String,
    /// Regime whose law it is.
    pub regime: Regime,
    /// Official title.
    pub title: String,
    /// Date of issue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued: Option<Date>,
    /// First day it has effect.
    pub effective: Date,
    /// Last day it has effect (inclusive); none = no expiry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<Date>,
    /// The expiry as the text states it (e.g. "12:01 a.m. eastern standard
    /// time, November 21, 2025"), for the audit trail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_text: Option<String>,
    /// Id of the licence this one replaces (from this one's `effective`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supersedes: Option<String>,
    /// Official source.
    pub source_url: String,
    /// Whether the terms here were checked against the published text.
    pub verified: bool,
    /// What was and was not verified, and against what.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verification_note: Option<String>,
    /// Blocked parties the licence authorises dealings with.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<PartyRef>,
    /// The transaction must relate to one of these (a project, an operator).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related_to: Vec<PartyRef>,
    /// Licence: authorised activities (empty = any activity). Prohibition:
    /// prohibited activities.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<Activity>,
    /// Activities the licence expressly does not authorise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclusions: Vec<Activity>,
    /// Conditions the user must respect when relying on the licence.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<String>,
    /// Licence: goods must originate in one of these (ISO alpha-2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub origin_countries: Vec<String>,
    /// Prohibition: applies only when one of these jurisdictions (ISO
    /// alpha-2) is involved (transaction jurisdictions or goods origin).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub jurisdictions: Vec<String>,
    /// File it was read from.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub file: String,
}

impl Licence {
    /// Whether the document has effect on `date` (ignoring supersession).
    pub fn in_force(&self, date: Date) -> bool {
        self.effective <= date && self.expires.is_none_or(|e| date <= e)
    }

    /// Parses one TOML document; `file` names it in errors.
    pub fn parse(text: &str, file: &str) -> Result<Licence, RulesError> {
        let mut licence: Licence = toml::from_str(text).map_err(|e| RulesError::Licence {
            file: file.to_string(),
            field: error_field(text, &e),
            message: e.message().to_string(),
        })?;
        licence.file = file.to_string();
        let err = |field: &str, message: String| RulesError::Licence {
            file: file.to_string(),
            field: field.to_string(),
            message,
        };
        if licence.id.trim().is_empty() {
            return Err(err("id", "empty".into()));
        }
        if let Some(expires) = licence.expires {
            if expires < licence.effective {
                return Err(err(
                    "expires",
                    format!("{expires} is before effective {}", licence.effective),
                ));
            }
        }
        for (i, p) in licence
            .parties
            .iter()
            .chain(&licence.related_to)
            .enumerate()
        {
            if p.entity_ids.is_empty() && p.names.is_empty() && p.owned_by.is_empty() {
                return Err(err(
                    &format!("parties/related_to[{i}]"),
                    "needs entity_ids, names or owned_by".into(),
                ));
            }
            if !(0.0..=100.0).contains(&p.min_percentage) {
                return Err(err(
                    &format!("parties[{i}].min_percentage"),
                    format!("{} is outside 0–100", p.min_percentage),
                ));
            }
        }
        if licence.kind == DocumentKind::Prohibition && licence.activities.is_empty() {
            return Err(err(
                "activities",
                "a prohibition needs at least one activity".into(),
            ));
        }
        Ok(licence)
    }
}

/// The field a TOML error is about: the key on the line the error points
/// at, else the name the message quotes (`missing field `source_url``).
fn error_field(text: &str, e: &toml::de::Error) -> String {
    let quoted = e.message().split('`').nth(1).map(str::to_string);
    let Some(span) = e.span() else {
        return quoted.unwrap_or_else(|| "document".into());
    };
    let start = span.start.min(text.len());
    let line_no = text[..start].matches('\n').count() + 1;
    let line = text.lines().nth(line_no - 1).unwrap_or("").trim();
    let key = match line.split_once('=') {
        Some((key, _)) if !line.starts_with('[') => key.trim().to_string(),
        _ => quoted.unwrap_or_else(|| line.trim_matches(|c| c == '[' || c == ']').to_string()),
    };
    format!("{key} (line {line_no})")
}

/// Every licence and prohibition loaded from a directory.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct LicenceSet {
    /// Documents, sorted by id.
    pub documents: Vec<Licence>,
}

impl LicenceSet {
    /// Loads every `*.toml` file under `dir` (recursively, sorted by path).
    pub fn load_dir(dir: &Path) -> Result<LicenceSet, RulesError> {
        let mut files = Vec::new();
        collect_toml(dir, &mut files)?;
        files.sort();
        let mut documents = Vec::new();
        for file in files {
            let name = file.display().to_string();
            let text = std::fs::read_to_string(&file).map_err(|e| RulesError::Io {
                file: name.clone(),
                message: e.to_string(),
            })?;
            documents.push(Licence::parse(&text, &name)?);
        }
        LicenceSet::new(documents)
    }

    /// Builds a set, checking ids are unique and `supersedes` point somewhere.
    pub fn new(mut documents: Vec<Licence>) -> Result<LicenceSet, RulesError> {
        documents.sort_by(|a, b| a.id.cmp(&b.id));
        for pair in documents.windows(2) {
            if pair[0].id == pair[1].id {
                return Err(RulesError::Licence {
                    file: pair[1].file.clone(),
                    field: "id".into(),
                    message: format!("duplicate id {} (also in {})", pair[1].id, pair[0].file),
                });
            }
        }
        Ok(LicenceSet { documents })
    }

    /// A document by id.
    pub fn get(&self, id: &str) -> Option<&Licence> {
        self.documents.iter().find(|l| l.id == id)
    }

    /// The document that supersedes `id` and has taken effect on `date`.
    pub fn superseded_by(&self, id: &str, date: Date) -> Option<&Licence> {
        self.documents
            .iter()
            .find(|l| l.supersedes.as_deref() == Some(id) && l.effective <= date)
    }

    /// `id`, the licence it supersedes, and so on back (GL 124B → 124A → 124).
    pub fn chain(&self, id: &str) -> Vec<String> {
        let mut chain = vec![id.to_string()];
        let mut current = self.get(id);
        while let Some(prev) = current.and_then(|l| l.supersedes.as_deref()) {
            if chain.iter().any(|c| c == prev) {
                break;
            }
            chain.push(prev.to_string());
            current = self.get(prev);
        }
        chain
    }
}

fn collect_toml(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> Result<(), RulesError> {
    let entries = std::fs::read_dir(dir).map_err(|e| RulesError::Io {
        file: dir.display().to_string(),
        message: e.to_string(),
    })?;
    for entry in entries {
        let entry = entry.map_err(|e| RulesError::Io {
            file: dir.display().to_string(),
            message: e.to_string(),
        })?;
        let path = entry.path();
        if path.is_dir() {
            collect_toml(&path, out)?;
        } else if path.extension().is_some_and(|x| x == "toml") {
            out.push(path);
        }
    }
    Ok(())
}
