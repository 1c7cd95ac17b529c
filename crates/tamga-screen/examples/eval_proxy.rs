//! Tuning aid: recall at a 1 % alert rate on innocents, on the evaluation
//! harness's generated typo / reorder / legal-form sets (which need no
//! held-out index). Run `cargo xtask eval` once first to generate them, then
//! `cargo run --release -p tamga-screen --example eval_proxy`.

use std::collections::HashMap;
use tamga_model::EntityKind;
use tamga_scorer::TamgaScorer;
use tamga_screen::{Query, ScreenOptions, Screener};

#[path = "../benches/support/mod.rs"]
mod support;

fn rows(path: &str) -> Vec<HashMap<String, String>> {
    let Ok(mut reader) = csv::Reader::from_path(path) else {
        eprintln!("{path}: missing (run `cargo xtask eval` first)");
        return Vec::new();
    };
    let headers = reader.headers().cloned().unwrap_or_default();
    reader
        .records()
        .flatten()
        .map(|r| {
            headers
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

fn main() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/eval/");
    let queries = rows(&format!("{root}generated/queries.csv"));
    let innocents = rows(&format!("{root}innocents.csv"));
    let screener = Screener::new(support::bundled_lists(), TamgaScorer);
    let top_n = ScreenOptions {
        threshold: 0.0,
        limit: 10,
    };
    let to_query = |r: &HashMap<String, String>| Query {
        name: r.get("name").cloned().unwrap_or_default(),
        kind: r.get("kind").and_then(|k| EntityKind::parse(k)),
        ..Query::default()
    };
    let inn: Vec<Query> = innocents.iter().map(to_query).collect();
    let mut inn_scores: Vec<f64> = screener
        .screen_batch(&inn, &top_n)
        .into_iter()
        .map(|r| {
            r.ok()
                .and_then(|m| m.first().map(|m| m.score))
                .unwrap_or(0.0)
        })
        .collect();
    inn_scores.sort_by(|a, b| b.total_cmp(a));
    let threshold = inn_scores[inn_scores.len() / 100];
    println!(
        "innocents: {}, threshold at 1 %: {threshold:.4}",
        inn_scores.len()
    );
    for set in ["typo", "reorder", "legal_form"] {
        let picked: Vec<&HashMap<String, String>> = queries
            .iter()
            .filter(|r| r.get("set").map(String::as_str) == Some(set))
            .collect();
        let qs: Vec<Query> = picked.iter().map(|r| to_query(r)).collect();
        let results = screener.screen_batch(&qs, &top_n);
        let hits = picked
            .iter()
            .zip(results)
            .filter(|(r, res)| {
                res.as_ref().is_ok_and(|m| {
                    m.iter()
                        .any(|m| Some(&m.entity_id) == r.get("target") && m.score > threshold)
                })
            })
            .count();
        println!(
            "{set}: {hits}/{} = {:.3}",
            picked.len(),
            hits as f64 / picked.len().max(1) as f64
        );
        if std::env::var_os("PROXY_MISSES").is_some() {
            for (r, q) in picked.iter().zip(&qs) {
                let res = screener.screen(q, &top_n).unwrap_or_default();
                let own = res.iter().find(|m| Some(&m.entity_id) == r.get("target"));
                if own.is_none_or(|m| m.score <= threshold) {
                    let detail = own.map(|m| {
                        let pairs: Vec<String> = m
                            .explanation
                            .tokens
                            .iter()
                            .map(|t| format!("{}~{} {:.2}", t.query, t.list, t.similarity))
                            .collect();
                        (m.score, m.matched_name.clone(), pairs)
                    });
                    println!("  miss {set}: {:?} -> {detail:?}", q.name);
                }
            }
        }
    }
}
