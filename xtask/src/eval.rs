//! `cargo xtask eval`: builds the sets, exports them for the peer scripts,
//! screens them with tamga and writes the report.

use crate::report;
use crate::sets::{self, EvalPlan, EvalQuery, SetConfig};
use crate::text::fnv1a64;
use anyhow::Context;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;
use tamga_model::{EntityKind, EntityList};
use tamga_scorer::TamgaScorer;
use tamga_screen::{Query, ScreenOptions, Screener};
use tamga_sources::{bundled_data_dir, default_list_specs, load, ListSpec, LoadOptions};

/// Paths of the evaluation inputs and outputs, relative to the repository.
pub struct Paths {
    /// Repository root.
    pub root: PathBuf,
}

impl Paths {
    /// The repository root as seen at build time (xtask lives one level down).
    pub fn new() -> Paths {
        Paths {
            root: Path::new(env!("CARGO_MANIFEST_DIR")).join(".."),
        }
    }
    /// `data/eval/innocents.csv`.
    pub fn innocents(&self) -> PathBuf {
        self.root.join("data/eval/innocents.csv")
    }
    /// The PEP names file used for the PEP cross-script set.
    pub fn pep_names(&self) -> PathBuf {
        self.root
            .join("data/lists/pep/everypolitician_upstream_index/Kazakhstan/names.csv")
    }
    /// Generated (git-ignored) query sets and per-method scores.
    pub fn generated(&self) -> PathBuf {
        self.root.join("data/eval/generated")
    }
    /// Committed results JSON.
    pub fn results_json(&self) -> PathBuf {
        self.root.join("data/eval/results/latest.json")
    }
    /// The evaluation document whose results section is rewritten.
    pub fn doc(&self) -> PathBuf {
        self.root.join("docs/EVALUATION.md")
    }
}

/// The list specs the evaluation indexes: the bundled defaults minus the PEP
/// file, which the harness rebuilds itself (one script indexed per deputy)
/// so that the PEP cross-script set is really held out.
pub fn eval_list_specs() -> Vec<ListSpec> {
    default_list_specs(&bundled_data_dir())
        .into_iter()
        .filter(|s| !s.path.to_string_lossy().contains("/pep/"))
        .collect()
}

/// Loads every spec that loads; a list whose loader fails is reported and
/// skipped, so the harness runs while some loaders are unfinished.
pub fn load_available(specs: &[ListSpec]) -> (Vec<EntityList>, Vec<String>) {
    let mut lists = Vec::new();
    let mut notes = Vec::new();
    let options = LoadOptions { lenient: true };
    for spec in specs {
        match load(spec, &options) {
            Ok(list) => {
                let names: usize = list.entities.iter().map(|e| e.names.len()).sum();
                let note = format!(
                    "loaded {} ({}): {} entities, {} names, {} warnings",
                    spec.path.display(),
                    list.meta.source,
                    list.entities.len(),
                    names,
                    list.meta.warnings.len()
                );
                eprintln!("xtask: {note}");
                notes.push(note);
                lists.push(list);
            }
            Err(e) => {
                let note = format!("SKIPPED {}: {e}", spec.path.display());
                eprintln!("xtask: warning: {note}");
                notes.push(note);
            }
        }
    }
    (lists, notes)
}

/// Options of `cargo xtask eval`.
#[derive(clap::Args, Debug, Clone)]
pub struct EvalArgs {
    /// RNG seed of the set construction.
    #[arg(long, default_value_t = SetConfig::default().seed)]
    pub seed: u64,
    /// Held-out alias queries.
    #[arg(long, default_value_t = SetConfig::default().heldout)]
    pub heldout: usize,
    /// Cross-script queries per direction.
    #[arg(long, default_value_t = SetConfig::default().cross_script)]
    pub cross_script: usize,
    /// Typo queries.
    #[arg(long, default_value_t = SetConfig::default().typo)]
    pub typo: usize,
    /// Reordering queries.
    #[arg(long, default_value_t = SetConfig::default().reorder)]
    pub reorder: usize,
    /// Legal-form queries.
    #[arg(long, default_value_t = SetConfig::default().legal_form)]
    pub legal_form: usize,
    /// Most innocents screened (the committed file holds more).
    #[arg(long, default_value_t = 20_000)]
    pub max_innocents: usize,
    /// Rank cut-off: the target counts only if among the top `limit` entities.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Only build and export the sets; do not screen.
    #[arg(long)]
    pub export_only: bool,
}

/// Runs the whole evaluation.
pub fn run(args: &EvalArgs) -> anyhow::Result<()> {
    let paths = Paths::new();
    let (lists, mut notes) = load_available(&eval_list_specs());
    if lists.is_empty() {
        eprintln!("xtask: warning: no sanctions list loaded; only the PEP set is evaluated");
    }
    let pep = sets::read_pep_names(&paths.pep_names())?;
    let mut listed = sets::listed_name_set(&lists);
    listed.extend(pep.iter().map(|(n, _)| crate::text::token_key(n)));
    let config = SetConfig {
        seed: args.seed,
        heldout: args.heldout,
        cross_script: args.cross_script,
        typo: args.typo,
        reorder: args.reorder,
        legal_form: args.legal_form,
    };
    let plan = sets::build_plan(lists, &pep, &config);
    notes.extend(plan.notes.iter().cloned());
    let innocent_rows = sets::read_innocents(&paths.innocents()).with_context(|| {
        format!(
            "reading {} (run scripts/eval/make_innocents.py)",
            paths.innocents().display()
        )
    })?;
    let (innocents, dropped) = sets::innocent_queries(&innocent_rows, &listed, args.max_innocents);
    notes.push(format!(
        "innocents: {} used, {} dropped because their name is a listed name (up to case, punctuation, word order)",
        innocents.len(),
        dropped
    ));
    let mut queries = plan.queries.clone();
    queries.extend(innocents);
    let generated = paths.generated();
    std::fs::create_dir_all(&generated)
        .with_context(|| format!("creating {}", generated.display()))?;
    let queries_fp = write_queries(&generated.join("queries.csv"), &queries)?;
    let index_fp = write_index(&generated.join("index_names.csv"), &plan)?;
    let mut counts = std::collections::BTreeMap::new();
    for q in &queries {
        *counts.entry(q.set.clone()).or_insert(0usize) += 1;
    }
    for (set, n) in &counts {
        eprintln!("xtask: set {set}: {n} queries");
    }
    let run_info = serde_json::json!({
        "seed": args.seed,
        "limit": args.limit,
        "queries_fnv64": queries_fp,
        "index_fnv64": index_fp,
        "set_sizes": counts,
        "notes": notes,
        "date": report::now_utc(),
        "commit": report::git_commit(&paths.root),
    });
    write_json(&generated.join("run.json"), &run_info)?;
    if args.export_only {
        return Ok(());
    }

    let started = Instant::now();
    let screener = Screener::new(plan.lists, TamgaScorer);
    let build = started.elapsed();
    eprintln!(
        "xtask: screener built over {} entities in {:.2?}; screening {} queries",
        screener.entities().len(),
        build,
        queries.len()
    );
    let started = Instant::now();
    let (scores, tops, errors) = score_all(&screener, &queries, args.limit);
    eprintln!(
        "xtask: screened in {:.2?} ({} query errors scored 0)",
        started.elapsed(),
        errors
    );
    write_tops(&generated, &queries, &tops)?;
    write_scores(
        &generated,
        "tamga",
        "tamga (TamgaScorer)",
        &queries,
        &scores,
        &queries_fp,
    )?;
    report::run(&paths)
}

/// A query's best match: the entity id and the name of it that matched.
type TopMatch = (String, String);

/// The score a query earns: its target's score (0 when the target is not in
/// the top `limit`), or for an innocent its best score against anything.
/// Screened with `screen_batch` (every core), as a bank's batch job would.
fn score_all(
    screener: &Screener<TamgaScorer>,
    queries: &[EvalQuery],
    limit: usize,
) -> (Vec<f64>, Vec<Option<TopMatch>>, usize) {
    let options = ScreenOptions {
        threshold: 0.0,
        limit,
    };
    let batch: Vec<Query> = queries
        .iter()
        .map(|q| Query {
            id: Some(q.id.clone()),
            name: q.name.clone(),
            kind: q.kind,
            ..Query::default()
        })
        .collect();
    let mut errors = 0;
    let mut tops = Vec::with_capacity(queries.len());
    let scores = queries
        .iter()
        .zip(screener.screen_batch(&batch, &options))
        .map(|(q, result)| match result {
            Ok(matches) => {
                tops.push(
                    matches
                        .first()
                        .map(|m| (m.entity_id.clone(), m.matched_name.clone())),
                );
                match &q.target {
                    Some(t) => matches
                        .iter()
                        .find(|m| &m.entity_id == t)
                        .map_or(0.0, |m| m.score),
                    None => matches.first().map_or(0.0, |m| m.score),
                }
            }
            Err(_) => {
                errors += 1;
                tops.push(None);
                0.0
            }
        })
        .collect();
    (scores, tops, errors)
}

/// Writes `top_tamga.csv`: each query's best match (entity and the name
/// that matched), the diagnostic an analyst reads beside the scores to see
/// what a missed alias lost to and what an innocent name alerted on.
fn write_tops(dir: &Path, queries: &[EvalQuery], tops: &[Option<TopMatch>]) -> anyhow::Result<()> {
    let path = dir.join("top_tamga.csv");
    let mut w =
        csv::Writer::from_path(&path).with_context(|| format!("creating {}", path.display()))?;
    w.write_record(["id", "top_entity_id", "top_matched_name"])?;
    for (q, top) in queries.iter().zip(tops) {
        let (entity, name) = top.as_ref().map_or(("", ""), |(e, n)| (e, n));
        w.write_record([q.id.as_str(), entity, name])?;
    }
    w.flush()
        .with_context(|| format!("writing {}", path.display()))
}

fn kind_str(kind: Option<EntityKind>) -> &'static str {
    kind.map_or("", |k| k.as_str())
}

/// Writes `queries.csv` and returns its FNV-1a fingerprint (hex).
fn write_queries(path: &Path, queries: &[EvalQuery]) -> anyhow::Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["id", "set", "name", "kind", "target", "subset"])?;
    for q in queries {
        w.write_record([
            q.id.as_str(),
            q.set.as_str(),
            q.name.as_str(),
            kind_str(q.kind),
            q.target.as_deref().unwrap_or(""),
            q.subset.as_deref().unwrap_or(""),
        ])?;
    }
    let bytes = w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?;
    std::fs::write(path, &bytes).with_context(|| format!("writing {}", path.display()))?;
    Ok(format!("{:016x}", fnv1a64(&bytes)))
}

/// Writes every indexed name (`entity_id,kind,name`) for the peers.
fn write_index(path: &Path, plan: &EvalPlan) -> anyhow::Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["entity_id", "kind", "name"])?;
    for list in &plan.lists {
        for e in &list.entities {
            for n in &e.names {
                w.write_record([e.id.as_str(), e.kind.as_str(), n.full.as_str()])?;
            }
        }
    }
    let bytes = w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?;
    std::fs::write(path, &bytes).with_context(|| format!("writing {}", path.display()))?;
    Ok(format!("{:016x}", fnv1a64(&bytes)))
}

/// Writes `scores_<method>.csv` and its metadata, in the format the peer
/// script also writes.
fn write_scores(
    dir: &Path,
    method: &str,
    label: &str,
    queries: &[EvalQuery],
    scores: &[f64],
    queries_fp: &str,
) -> anyhow::Result<()> {
    let path = dir.join(format!("scores_{method}.csv"));
    let mut file = std::io::BufWriter::new(
        std::fs::File::create(&path).with_context(|| format!("creating {}", path.display()))?,
    );
    writeln!(file, "id,score")?;
    for (q, s) in queries.iter().zip(scores) {
        writeln!(file, "{},{s:.6}", q.id)?;
    }
    file.flush()?;
    let meta = serde_json::json!({
        "method": method,
        "label": label,
        "queries_fnv64": queries_fp,
        "notes": "tamga Screener::screen_batch (every core), threshold 0, limit 10, query kind passed",
    });
    write_json(&dir.join(format!("scores_{method}.json")), &meta)
}

/// Writes pretty JSON.
pub fn write_json(path: &Path, value: &serde_json::Value) -> anyhow::Result<()> {
    let text = serde_json::to_string_pretty(value)?;
    std::fs::write(path, text + "\n").with_context(|| format!("writing {}", path.display()))
}
