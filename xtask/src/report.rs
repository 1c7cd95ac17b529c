//! `cargo xtask report`: reads the per-method score files of the current
//! query set and prints / writes the side-by-side results.

use crate::eval::{write_json, Paths};
use crate::metrics::{evaluate, MethodResult, SetRecall, ALERT_RATES};
use crate::sets::SET_ORDER;
use crate::text::fnv1a64;
use anyhow::Context;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;

const START: &str = "<!-- results:start -->";
const END: &str = "<!-- results:end -->";

/// Current UTC time as `YYYY-MM-DDTHH:MMZ` (via `date`; an xtask may shell out).
pub fn now_utc() -> String {
    std::process::Command::new("date")
        .args(["-u", "+%Y-%m-%dT%H:%MZ"])
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| s.trim().to_string())
        .unwrap_or_default()
}

/// Short commit of the work tree, with `-dirty` when tracked files changed.
pub fn git_commit(root: &Path) -> String {
    let run = |args: &[&str]| {
        std::process::Command::new("git")
            .args(args)
            .current_dir(root)
            .output()
            .ok()
            .and_then(|o| String::from_utf8(o.stdout).ok())
            .unwrap_or_default()
    };
    let commit = run(&["rev-parse", "--short", "HEAD"]).trim().to_string();
    let dirty = !run(&["status", "--porcelain", "--untracked-files=no"])
        .trim()
        .is_empty();
    if dirty {
        format!("{commit}-dirty")
    } else {
        commit
    }
}

struct QueryInfo {
    set: String,
    /// Diagnostic subset of the set (empty for none).
    subset: String,
}

struct MethodScores {
    method: String,
    label: String,
    notes: String,
    scores: HashMap<String, f64>,
}

fn read_queries(path: &Path) -> anyhow::Result<(Vec<(String, QueryInfo)>, String)> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let fp = format!("{:016x}", fnv1a64(&bytes));
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let mut out = Vec::new();
    for (i, rec) in reader.records().enumerate() {
        let rec = rec.with_context(|| format!("{}: row {}", path.display(), i + 2))?;
        let id = rec.get(0).unwrap_or("").to_string();
        let set = rec.get(1).unwrap_or("").to_string();
        let subset = rec.get(5).unwrap_or("").to_string();
        out.push((id, QueryInfo { set, subset }));
    }
    Ok((out, fp))
}

fn read_method(json_path: &Path, queries_fp: &str) -> anyhow::Result<Option<MethodScores>> {
    let text = std::fs::read_to_string(json_path)
        .with_context(|| format!("reading {}", json_path.display()))?;
    let meta: serde_json::Value =
        serde_json::from_str(&text).with_context(|| format!("parsing {}", json_path.display()))?;
    let field = |k: &str| {
        meta.get(k)
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .to_string()
    };
    let method = field("method");
    if field("queries_fnv64") != queries_fp {
        eprintln!(
            "xtask: ignoring {} (computed on another query set; re-run it)",
            json_path.display()
        );
        return Ok(None);
    }
    let csv_path = json_path.with_extension("csv");
    let mut reader = csv::Reader::from_path(&csv_path)
        .with_context(|| format!("reading {}", csv_path.display()))?;
    let mut scores = HashMap::new();
    for (i, rec) in reader.records().enumerate() {
        let rec = rec.with_context(|| format!("{}: row {}", csv_path.display(), i + 2))?;
        let id = rec.get(0).unwrap_or("").to_string();
        let score: f64 = rec
            .get(1)
            .unwrap_or("")
            .parse()
            .with_context(|| format!("{}: row {}: score", csv_path.display(), i + 2))?;
        scores.insert(id, score);
    }
    Ok(Some(MethodScores {
        method,
        label: field("label"),
        notes: field("notes"),
        scores,
    }))
}

fn evaluate_on(
    m: &MethodScores,
    queries: &[(String, QueryInfo)],
    keep: &dyn Fn(&str) -> bool,
) -> MethodResult {
    let mut innocent = Vec::new();
    let mut positives: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    let mut subsets: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    for (id, q) in queries {
        if !keep(id) {
            continue;
        }
        let Some(&s) = m.scores.get(id) else {
            continue;
        };
        if q.set == "innocent" {
            innocent.push(s);
        } else {
            positives.entry(q.set.clone()).or_default().push(s);
            if !q.subset.is_empty() {
                subsets
                    .entry(subset_key(&q.set, &q.subset))
                    .or_default()
                    .push(s);
            }
        }
    }
    evaluate(&m.method, &m.label, &innocent, &positives, &subsets)
}

/// The key of a diagnostic subset: `<set> / <subset>`, so it sorts right
/// after its set.
fn subset_key(set: &str, subset: &str) -> String {
    format!("{set} / {subset}")
}

fn pct(x: f64) -> String {
    format!("{:.1}", x * 100.0)
}

fn ordered_sets(results: &[MethodResult]) -> Vec<String> {
    let mut sets: Vec<String> = results
        .iter()
        .flat_map(|r| r.sets.keys().cloned())
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    sets.sort_by_key(|s| {
        (
            SET_ORDER.iter().position(|o| o == s).unwrap_or(usize::MAX),
            s.clone(),
        )
    });
    sets
}

/// One table row: recall at alert rate `i` of `key` for every method.
fn recall_row(
    md: &mut String,
    results: &[MethodResult],
    i: usize,
    key: &str,
    label: &str,
    field: impl Fn(&MethodResult) -> &BTreeMap<String, SetRecall>,
) {
    let n = results
        .iter()
        .filter_map(|r| field(r).get(key).map(|s| s.n))
        .max()
        .unwrap_or(0);
    let _ = write!(md, "| {label} | {n} |");
    for r in results {
        match field(r).get(key) {
            Some(s) => {
                let _ = write!(md, " {} |", pct(s.recall[i]));
            }
            None => {
                let _ = write!(md, " – |");
            }
        }
    }
    let _ = writeln!(md);
}

/// Markdown tables: a summary (macro recall per method and rate), then one
/// table per alert rate with recall per set, methods side by side.
pub fn markdown(results: &[MethodResult]) -> String {
    let mut md = String::new();
    let sets = ordered_sets(results);
    let _ = writeln!(
        md,
        "**Macro-average recall (%) over the positive sets, at a fixed alert rate on innocents**\n"
    );
    let _ = write!(md, "| method | innocents |");
    for r in ALERT_RATES {
        let _ = write!(md, " recall @ {}% alerts | threshold |", pct(r));
    }
    let _ = writeln!(md);
    let _ = write!(md, "|---|---:|");
    for _ in ALERT_RATES {
        let _ = write!(md, "---:|---:|");
    }
    let _ = writeln!(md);
    for r in results {
        let _ = write!(md, "| {} | {} |", r.label, r.innocents);
        for i in 0..ALERT_RATES.len() {
            let _ = write!(md, " {} | {:.3} |", pct(r.macro_recall[i]), r.thresholds[i]);
        }
        let _ = writeln!(md);
    }
    for (i, rate) in ALERT_RATES.iter().enumerate() {
        let _ = writeln!(
            md,
            "\n**Recall (%) per set at {}% alert rate**\n",
            pct(*rate)
        );
        let _ = write!(md, "| set | n |");
        for r in results {
            let _ = write!(md, " {} |", r.label);
        }
        let _ = writeln!(md);
        let _ = write!(md, "|---|---:|");
        for _ in results {
            let _ = write!(md, "---:|");
        }
        let _ = writeln!(md);
        for set in &sets {
            recall_row(&mut md, results, i, set, set, |r| &r.sets);
            let prefix = subset_key(set, "");
            let mut subsets: Vec<&String> = results
                .iter()
                .flat_map(|r| r.subsets.keys())
                .filter(|k| k.starts_with(&prefix))
                .collect();
            subsets.sort();
            subsets.dedup();
            for key in subsets {
                let label = format!("↳ *{}*", &key[prefix.len()..]);
                recall_row(&mut md, results, i, key, &label, |r| &r.subsets);
            }
        }
        let _ = write!(md, "| *threshold (alert if >)* | |");
        for r in results {
            let _ = write!(md, " {:.3} |", r.thresholds[i]);
        }
        let _ = writeln!(md);
        let _ = write!(md, "| *actual alert rate %* | |");
        for r in results {
            let _ = write!(md, " {} |", pct(r.actual_alert_rates[i]));
        }
        let _ = writeln!(md);
    }
    md
}

/// Reads every current score file, evaluates, prints the tables, writes the
/// JSON results and the results section of docs/EVALUATION.md.
pub fn run(paths: &Paths) -> anyhow::Result<()> {
    let generated = paths.generated();
    let (queries, fp) = read_queries(&generated.join("queries.csv"))?;
    let run_info: serde_json::Value = std::fs::read_to_string(generated.join("run.json"))
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or(serde_json::Value::Null);
    let mut methods = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(&generated)
        .with_context(|| format!("reading {}", generated.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("scores_") && n.ends_with(".json"))
        })
        .collect();
    entries.sort();
    for path in entries {
        if let Some(m) = read_method(&path, &fp)? {
            methods.push(m);
        }
    }
    // tamga first, then peers alphabetically.
    methods.sort_by_key(|m| (m.method != "tamga", m.method.clone()));
    if methods.is_empty() {
        anyhow::bail!(
            "no score file matches {}; run `cargo xtask eval`",
            generated.join("queries.csv").display()
        );
    }
    // Table A: every method that scored the whole query set, on the whole
    // set. Table B (only when some peer scored a subsample because it is
    // slow): every method on the queries all of them scored.
    let all_ids: HashSet<&str> = queries.iter().map(|(id, _)| id.as_str()).collect();
    let full: Vec<&MethodScores> = methods
        .iter()
        .filter(|m| all_ids.iter().all(|id| m.scores.contains_key(*id)))
        .collect();
    let common: HashSet<&str> = all_ids
        .iter()
        .copied()
        .filter(|id| methods.iter().all(|m| m.scores.contains_key(*id)))
        .collect();
    let table_a: Vec<MethodResult> = full
        .iter()
        .map(|m| evaluate_on(m, &queries, &|_| true))
        .collect();
    let table_b: Vec<MethodResult> = if full.len() < methods.len() {
        methods
            .iter()
            .map(|m| evaluate_on(m, &queries, &|id| common.contains(id)))
            .collect()
    } else {
        Vec::new()
    };
    let mut md = String::new();
    let date = run_info.get("date").and_then(|v| v.as_str()).unwrap_or("");
    let commit = run_info
        .get("commit")
        .and_then(|v| v.as_str())
        .unwrap_or("");
    let _ = writeln!(
        md,
        "Run of {date} at commit `{commit}`; {} queries.\n",
        queries.len()
    );
    if !table_a.is_empty() {
        let _ = writeln!(md, "### All queries\n");
        md.push_str(&markdown(&table_a));
    }
    if !table_b.is_empty() {
        let _ = writeln!(
            md,
            "\n### Query subsample scored by every method ({} queries)\n",
            common.len()
        );
        md.push_str(&markdown(&table_b));
    }
    let _ = writeln!(md, "\nMethods:\n");
    for m in &methods {
        let _ = writeln!(md, "- **{}**: {}", m.label, m.notes);
    }
    if let Some(notes) = run_info.get("notes").and_then(|v| v.as_array()) {
        let _ = writeln!(md, "\nConstruction notes of this run:\n");
        for n in notes.iter().filter_map(|n| n.as_str()) {
            let _ = writeln!(md, "- {n}");
        }
    }
    println!("{md}");
    let json = serde_json::json!({
        "run": run_info,
        "all_queries": table_a,
        "common_subsample_queries": common.len(),
        "common_subsample": table_b,
    });
    if let Some(dir) = paths.results_json().parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    write_json(&paths.results_json(), &json)?;
    update_doc(&paths.doc(), &md)?;
    eprintln!(
        "xtask: wrote {} and the results section of {}",
        paths.results_json().display(),
        paths.doc().display()
    );
    Ok(())
}

/// Replaces the text between the result markers of the document (appends a
/// section when the markers are missing).
fn update_doc(path: &Path, md: &str) -> anyhow::Result<()> {
    let doc = std::fs::read_to_string(path).unwrap_or_default();
    let section = format!("{START}\n{md}\n{END}");
    let new = match (doc.find(START), doc.find(END)) {
        (Some(s), Some(e)) if e > s => format!("{}{}{}", &doc[..s], section, &doc[e + END.len()..]),
        _ => format!("{doc}\n## Latest results\n\n{section}\n"),
    };
    std::fs::write(path, new).with_context(|| format!("writing {}", path.display()))
}
