//! Test support: real list entities read straight from the bundled files
//! (independent of the loaders being built in parallel), a deterministic
//! token-overlap scorer, and the bundled licence / ownership data.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use tamga_matcher::{Explanation, NameKindHint, NameScore, NameScorer, TokenStats};
use tamga_model::{Entity, EntityKind, EntityList, ListMeta, Name, NameKind, Source};
use tamga_rules::{normalise_name, LicenceSet, RulesEngine};
use tamga_screen::Screener;

pub fn data(rel: &str) -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data")).join(rel)
}

/// OFAC legacy CSV (`sdn.csv` / `cons_prim.csv`): ent_num, name, type, programs, …, remarks.
pub fn ofac_csv(rel: &str, source: Source) -> Vec<Entity> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(data(rel))
        .expect("bundled OFAC CSV opens");
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record.expect("bundled OFAC CSV parses");
        let field = |i: usize| {
            record
                .get(i)
                .map(str::trim)
                .filter(|v| *v != "-0-" && !v.is_empty())
                .map(String::from)
        };
        let Some(id) = field(0) else { continue };
        if id.chars().any(|c| !c.is_ascii_digit()) {
            continue;
        }
        let kind = match field(2).as_deref() {
            Some("individual") => EntityKind::Person,
            Some("vessel") => EntityKind::Vessel,
            Some("aircraft") => EntityKind::Aircraft,
            _ => EntityKind::Organization,
        };
        let mut e = Entity::new(source.clone(), id, kind);
        e.push_name(Name::new(field(1).unwrap_or_default(), NameKind::Primary));
        e.programs = field(3)
            .unwrap_or_default()
            .split("] [")
            .map(|p| p.trim_matches(|c| c == '[' || c == ']').to_string())
            .filter(|p| !p.is_empty())
            .collect();
        e.remarks = field(11);
        out.push(e);
    }
    out
}

/// UN consolidated XML: DATAID and name parts of INDIVIDUAL / ENTITY records.
pub fn un_xml(rel: &str) -> Vec<Entity> {
    use quick_xml::events::Event;
    let text = std::fs::read_to_string(data(rel)).expect("bundled UN XML reads");
    let mut reader = quick_xml::Reader::from_str(&text);
    let mut out = Vec::new();
    let mut current: Option<(EntityKind, Option<String>, Vec<String>)> = None;
    let mut tag = String::new();
    loop {
        match reader.read_event().expect("bundled UN XML parses") {
            Event::Start(s) => {
                tag = String::from_utf8_lossy(s.name().as_ref()).into_owned();
                match tag.as_str() {
                    "INDIVIDUAL" => current = Some((EntityKind::Person, None, Vec::new())),
                    "ENTITY" => current = Some((EntityKind::Organization, None, Vec::new())),
                    _ => {}
                }
            }
            Event::Text(t) => {
                if let Some((_, id, parts)) = current.as_mut() {
                    let value = t.unescape().expect("text unescapes").trim().to_string();
                    match tag.as_str() {
                        "DATAID" => *id = Some(value),
                        "FIRST_NAME" | "SECOND_NAME" | "THIRD_NAME" | "FOURTH_NAME" => {
                            parts.push(value)
                        }
                        _ => {}
                    }
                }
            }
            Event::End(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                if name == "INDIVIDUAL" || name == "ENTITY" {
                    if let Some((kind, Some(id), parts)) = current.take() {
                        let mut entity = Entity::new(Source::UnSc, id, kind);
                        entity.push_name(Name::new(parts.join(" "), NameKind::Primary));
                        out.push(entity);
                    }
                }
                tag.clear();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// The real lists the scenarios need.
pub fn lists() -> Vec<EntityList> {
    let list = |source: Source, entities: Vec<Entity>| EntityList {
        meta: ListMeta {
            source,
            ..ListMeta::default()
        },
        entities,
    };
    vec![
        list(
            Source::UsOfacSdn,
            ofac_csv("lists/ofac/sdn_2023-12-28/sdn.csv", Source::UsOfacSdn),
        ),
        list(
            Source::UsOfacCons,
            ofac_csv(
                "lists/ofac/consolidated_2025-12/cons_prim.csv",
                Source::UsOfacCons,
            ),
        ),
        list(Source::UnSc, un_xml("lists/un/2026-02-27/consolidated.xml")),
    ]
}

/// Token-overlap (Jaccard) scorer: deterministic and good enough to tell an
/// exact name from a different one in these scenarios.
pub struct JaccardScorer;

impl NameScorer for JaccardScorer {
    type Prepared = Vec<String>;

    fn prepare(&self, name: &str, _kind: NameKindHint) -> Vec<String> {
        let mut tokens: Vec<String> = normalise_name(name).split(' ').map(String::from).collect();
        tokens.sort();
        tokens.dedup();
        tokens
    }

    fn score(&self, q: &Vec<String>, c: &Vec<String>, _stats: &dyn TokenStats) -> NameScore {
        let inter = q.iter().filter(|t| c.contains(t)).count() as f64;
        let union = (q.len() + c.len()) as f64 - inter;
        NameScore {
            score: if union == 0.0 { 0.0 } else { inter / union },
            explanation: Explanation::default(),
        }
    }
}

pub struct World {
    pub screener: Screener<JaccardScorer>,
    pub engine: RulesEngine,
}

pub fn world() -> World {
    let lists = lists();
    let entities: Vec<Entity> = lists.iter().flat_map(|l| l.entities.clone()).collect();
    let licences = LicenceSet::load_dir(&data("licences")).expect("bundled licences load");
    let engine = RulesEngine::new(&entities, licences, &[data("ownership/scenarios.csv")])
        .expect("engine builds");
    World {
        screener: Screener::new(lists, JaccardScorer),
        engine,
    }
}
