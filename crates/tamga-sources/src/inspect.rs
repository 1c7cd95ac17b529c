//! A summary of a loaded list for operators: what was read, when it was
//! published, and what it contains (`tamga lists inspect`).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use tamga_model::{EntityKind, EntityList, NameKind, NameQuality};
use unicode_script::{Script, UnicodeScript};

/// Facts about one loaded list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListReport {
    /// Source slug (`un_sc`, `gb_ofsi`, custom name, …).
    pub source: String,
    /// Detected format slug (`un_xml`, …).
    pub format: String,
    /// Files read.
    pub files: Vec<String>,
    /// SHA-256 of the files read (hex).
    pub sha256: String,
    /// Publication date stated in the file, if any.
    pub published: Option<String>,
    /// Number of entities.
    pub entities: usize,
    /// Entities by kind (`person`, `organization`, `vessel`, `aircraft`, `unknown`).
    pub by_kind: BTreeMap<String, usize>,
    /// Total names.
    pub names: usize,
    /// Names that are not primary names (aka, fka, nka, original script).
    pub aliases: usize,
    /// Names the publisher grades as weak / low quality.
    pub weak_aliases: usize,
    /// Number of names per dominant ISO 15924 script (`Latn`, `Cyrl`, …);
    /// `Zyyy` when a name has no letters of any script.
    pub scripts: BTreeMap<String, usize>,
    /// Warnings recorded while loading (skipped records in lenient mode).
    pub warnings: usize,
}

/// Summarises a loaded list.
pub fn inspect(list: &EntityList) -> ListReport {
    let mut by_kind = BTreeMap::new();
    // Every kind appears, even at zero, so reports line up across lists.
    for kind in [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Vessel,
        EntityKind::Aircraft,
        EntityKind::Unknown,
    ] {
        by_kind.insert(kind.as_str().to_string(), 0usize);
    }
    let mut names = 0;
    let mut aliases = 0;
    let mut weak_aliases = 0;
    let mut scripts: BTreeMap<String, usize> = BTreeMap::new();
    for entity in &list.entities {
        *by_kind.entry(entity.kind.as_str().to_string()).or_default() += 1;
        for name in &entity.names {
            names += 1;
            if name.kind != NameKind::Primary {
                aliases += 1;
            }
            if name.quality == NameQuality::Weak {
                weak_aliases += 1;
            }
            // Detect rather than trust `name.script`: the report should show
            // what is actually in the data.
            let script = detect_script(&name.full).unwrap_or_else(|| "Zyyy".to_string());
            *scripts.entry(script).or_default() += 1;
        }
    }
    ListReport {
        source: list.meta.source.to_string(),
        format: list.meta.format.clone(),
        files: list.meta.files.clone(),
        sha256: list.meta.sha256.clone(),
        published: list.meta.published.clone(),
        entities: list.entities.len(),
        by_kind,
        names,
        aliases,
        weak_aliases,
        scripts,
        warnings: list.meta.warnings.len(),
    }
}

/// The dominant script of a text as an ISO 15924 code (`Latn`, `Cyrl`,
/// `Arab`, `Hani`, …): the script of most of its letters. Common characters
/// (digits, punctuation, spaces) and inherited marks do not count. `None`
/// when the text has no letters of any specific script.
pub fn detect_script(text: &str) -> Option<String> {
    // Few scripts ever occur in one name: a small vector beats a map.
    let mut counts: Vec<(Script, usize)> = Vec::new();
    for c in text.chars() {
        let script = c.script();
        if matches!(script, Script::Common | Script::Inherited | Script::Unknown) {
            continue;
        }
        match counts.iter_mut().find(|(s, _)| *s == script) {
            Some((_, n)) => *n += 1,
            None => counts.push((script, 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(_, n)| n)
        .map(|(s, _)| s.short_name().to_string())
}

#[cfg(test)]
mod tests {
    use super::detect_script;

    #[test]
    fn scripts_are_iso_15924_codes_of_the_majority_of_letters() {
        assert_eq!(
            detect_script("Khalid Sheikh MOHAMMED").as_deref(),
            Some("Latn")
        );
        assert_eq!(detect_script("Мария Осетрова").as_deref(), Some("Cyrl"));
        assert_eq!(detect_script("محمد حسن آخوند").as_deref(), Some("Arab"));
        assert_eq!(detect_script("1-78-09 / ()"), None);
    }
}
