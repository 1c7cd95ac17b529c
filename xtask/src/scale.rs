//! `cargo xtask scale`: index build time, memory and throughput on a
//! synthetic list of millions of names. The names are recombined from the
//! real lists' tokens (given names, family names, organisation words) so the
//! token statistics resemble a real list, only bigger.

use crate::eval::{eval_list_specs, load_available, write_json, Paths};
use crate::latency::{batch_time, cpu_seconds, percentile, read_query_csv, rss_kb};
use crate::perturb;
use crate::rng::Rng;
use crate::text::{script_of, Script};
use anyhow::Context;
use std::collections::BTreeSet;
use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};
use tamga_model::{Entity, EntityKind, EntityList, ListMeta, Name, NameKind, NamePartRole, Source};
use tamga_scorer::TamgaScorer;
use tamga_screen::{Query, ScreenOptions, Screener};

/// Options of `cargo xtask scale`.
#[derive(clap::Args, Debug, Clone)]
pub struct ScaleArgs {
    /// Synthetic names to index.
    #[arg(long, default_value_t = 1_000_000)]
    pub names: usize,
    /// Queries screened (half real innocents, half typo'd synthetic names).
    #[arg(long, default_value_t = 200)]
    pub queries: usize,
    /// RNG seed.
    #[arg(long, default_value_t = 7)]
    pub seed: u64,
    /// Write every k-th synthetic name and the queries to
    /// data/eval/generated/scale_*.csv for the RapidFuzz projection
    /// (0: do not export).
    #[arg(long, default_value_t = 10)]
    pub export_every: usize,
    /// Alert threshold passed to `screen`.
    #[arg(long, default_value_t = tamga_screen::DEFAULT_THRESHOLD)]
    pub threshold: f64,
    /// Print the N slowest queries (single-query time) to stderr, to see
    /// which shapes of query cost most.
    #[arg(long, default_value_t = 0)]
    pub slowest: usize,
    /// Also write the figures as JSON here.
    #[arg(long)]
    pub json: Option<PathBuf>,
}

/// Real name tokens by role.
#[derive(Debug, Default)]
pub struct TokenPools {
    /// Given names of persons.
    pub given: Vec<String>,
    /// Family names of persons.
    pub family: Vec<String>,
    /// Words of organisation names.
    pub org: Vec<String>,
}

/// Collects Latin-script tokens from the lists. Persons: published name
/// parts where the loader kept them; otherwise "FAMILY, Given" (OFAC /
/// OFSI style) or, without a comma, first token given and last family.
pub fn token_pools(lists: &[EntityList]) -> TokenPools {
    let (mut given, mut family, mut org) = (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| c.is_whitespace() || c == ',')
            .filter(|t| t.chars().filter(|c| c.is_alphabetic()).count() >= 2)
            .map(|t| t.to_string())
            .collect()
    };
    for e in lists.iter().flat_map(|l| &l.entities) {
        for n in e
            .names
            .iter()
            .filter(|n| script_of(&n.full) == Script::Latin)
        {
            match e.kind {
                EntityKind::Person => {
                    if !n.parts.is_empty() {
                        for p in &n.parts {
                            let pool = match p.role {
                                NamePartRole::Given | NamePartRole::Middle => &mut given,
                                NamePartRole::Family | NamePartRole::Patronymic => &mut family,
                                _ => continue,
                            };
                            pool.extend(words(&p.value));
                        }
                    } else if let Some((last, first)) = n.full.split_once(',') {
                        family.extend(words(last));
                        given.extend(words(first));
                    } else {
                        let w = words(&n.full);
                        if w.len() >= 2 {
                            given.insert(w[0].clone());
                            family.insert(w[w.len() - 1].clone());
                        }
                    }
                }
                EntityKind::Organization => org.extend(words(&n.full)),
                _ => {}
            }
        }
    }
    TokenPools {
        given: given.into_iter().collect(),
        family: family.into_iter().collect(),
        org: org.into_iter().collect(),
    }
}

/// One synthetic name: persons (70 %) "Given [Given] Family", organisations
/// 2–4 organisation words.
pub fn synth_name(pools: &TokenPools, rng: &mut Rng) -> Option<(String, EntityKind)> {
    if rng.chance(0.7) && !pools.given.is_empty() && !pools.family.is_empty() {
        let mut parts = vec![rng.pick(&pools.given)?.clone()];
        if rng.chance(0.3) {
            parts.push(rng.pick(&pools.given)?.clone());
        }
        parts.push(rng.pick(&pools.family)?.clone());
        Some((parts.join(" "), EntityKind::Person))
    } else if !pools.org.is_empty() {
        let n = 2 + rng.below(3);
        let parts: Option<Vec<String>> = (0..n).map(|_| rng.pick(&pools.org).cloned()).collect();
        Some((parts?.join(" "), EntityKind::Organization))
    } else {
        None
    }
}

/// Most names of one synthetic entity.
pub const MAX_NAMES_PER_ENTITY: usize = 4;

/// One synthetic entity's names: a primary name from [`synth_name`] and
/// 0–3 aliases made from it the way lists write aliases (real lists average
/// ~2.6 names per entity): for a person the family name first
/// (`FAMILY, Given`), another given name, or the middle name dropped; for an
/// organisation a word dropped, replaced or added. At most `max` names.
pub fn synth_entity(
    pools: &TokenPools,
    rng: &mut Rng,
    max: usize,
) -> Option<(Vec<String>, EntityKind)> {
    let (primary, kind) = synth_name(pools, rng)?;
    let words: Vec<&str> = primary.split(' ').collect();
    let want = (1 + rng.below(MAX_NAMES_PER_ENTITY)).min(max.max(1));
    let mut names = vec![primary.clone()];
    for attempt in 0..want * 3 {
        if names.len() >= want {
            break;
        }
        let mut w: Vec<String> = words.iter().map(|s| s.to_string()).collect();
        let alias = match (kind, (attempt + rng.below(3)) % 3) {
            (EntityKind::Person, 0) => {
                let family = w.pop().unwrap_or_default();
                format!("{}, {}", family.to_uppercase(), w.join(" "))
            }
            (EntityKind::Person, 1) => {
                w[0] = rng.pick(&pools.given)?.clone();
                w.join(" ")
            }
            (EntityKind::Person, _) if w.len() > 2 => {
                w.remove(1);
                w.join(" ")
            }
            (EntityKind::Person, _) => {
                w.insert(1, rng.pick(&pools.given)?.clone());
                w.join(" ")
            }
            (_, 0) if w.len() > 2 => {
                w.pop();
                w.join(" ")
            }
            (_, 1) => {
                let i = rng.below(w.len());
                w[i] = rng.pick(&pools.org)?.clone();
                w.join(" ")
            }
            _ => {
                w.push(rng.pick(&pools.org)?.clone());
                w.join(" ")
            }
        };
        if !names.contains(&alias) {
            names.push(alias);
        }
    }
    Some((names, kind))
}

/// Runs the scale benchmark.
pub fn run(args: &ScaleArgs) -> anyhow::Result<()> {
    let paths = Paths::new();
    let (lists, notes) = load_available(&eval_list_specs());
    let pools = token_pools(&lists);
    drop(lists);
    eprintln!(
        "xtask: token pools: {} given, {} family, {} organisation words",
        pools.given.len(),
        pools.family.len(),
        pools.org.len()
    );
    if pools.given.is_empty() && pools.org.is_empty() {
        anyhow::bail!("no list loaded, no tokens to build synthetic names from");
    }
    let mut rng = Rng::new(args.seed);
    let source = Source::Custom("synthetic".to_string());
    let mut list = EntityList {
        meta: ListMeta {
            source: source.clone(),
            format: "synthetic".to_string(),
            ..ListMeta::default()
        },
        entities: Vec::new(),
    };
    let generated = paths.generated();
    std::fs::create_dir_all(&generated)
        .with_context(|| format!("creating {}", generated.display()))?;
    let mut sample = if args.export_every > 0 {
        let path = generated.join("scale_names_sample.csv");
        let mut w = std::io::BufWriter::new(
            std::fs::File::create(&path).with_context(|| format!("creating {}", path.display()))?,
        );
        writeln!(w, "name")?;
        Some(w)
    } else {
        None
    };
    let gen_started = Instant::now();
    let mut n_names = 0;
    while n_names < args.names {
        let Some((names, kind)) = synth_entity(&pools, &mut rng, args.names - n_names) else {
            break;
        };
        let mut e = Entity::new(source.clone(), list.entities.len().to_string(), kind);
        // Exactly as many names as the entity has: no spare capacity held
        // for millions of entities.
        e.names.reserve_exact(names.len());
        for (k, name) in names.into_iter().enumerate() {
            if let Some(w) = sample.as_mut() {
                if (n_names + k) % args.export_every == 0 {
                    writeln!(w, "\"{}\"", name.replace('"', "\"\""))?;
                }
            }
            let kind = if k == 0 {
                NameKind::Primary
            } else {
                NameKind::Aka
            };
            e.names.push(Name::new(name, kind));
        }
        n_names += e.names.len();
        list.entities.push(e);
    }
    list.entities.shrink_to_fit();
    if let Some(mut w) = sample {
        w.flush()?;
    }
    let generate = gen_started.elapsed();
    // Queries: real innocent names and typo'd synthetic names (which must hit).
    let half = args.queries / 2;
    let mut queries = read_query_csv(&paths.innocents(), half)?;
    while queries.len() < args.queries && !list.entities.is_empty() {
        let e = &list.entities[rng.below(list.entities.len())];
        let listed = &e.names[rng.below(e.names.len())].full;
        let name = perturb::typo(listed, &mut rng).unwrap_or_else(|| listed.clone());
        queries.push(Query {
            id: Some(format!("synthetic:{}", queries.len())),
            name,
            kind: Some(e.kind),
            ..Query::default()
        });
    }
    {
        let path = generated.join("scale_queries.csv");
        let mut w = csv::Writer::from_path(&path)
            .with_context(|| format!("creating {}", path.display()))?;
        w.write_record(["name", "kind"])?;
        for q in &queries {
            w.write_record([q.name.as_str(), q.kind.map_or("", |k| k.as_str())])?;
        }
        w.flush()?;
    }
    let (rss_lists, _) = rss_kb();
    let n_entities = list.entities.len();
    let build_started = Instant::now();
    let build_cpu = cpu_seconds();
    let screener = Screener::new(vec![list], TamgaScorer);
    let build = build_started.elapsed();
    let build_cpu = cpu_seconds() - build_cpu;
    let (rss_built, peak_built) = rss_kb();
    // A marker for profilers that attach once the build is done.
    eprintln!(
        "xtask: index built in {:.1} s; screening {} queries",
        build.as_secs_f64(),
        queries.len()
    );
    let options = ScreenOptions {
        threshold: args.threshold,
        limit: 10,
    };
    // Single-query latency over 50 queries spread evenly over both halves
    // (innocents and typo'd synthetic names), then the batch for throughput.
    let mut times: Vec<Duration> = Vec::new();
    let step = (queries.len() / 50).max(1);
    for q in queries.iter().step_by(step).take(50) {
        let started = Instant::now();
        let _ = std::hint::black_box(screener.screen(q, &options));
        times.push(started.elapsed());
    }
    times.sort_unstable();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    if args.slowest > 0 {
        let mut each: Vec<(Duration, &str)> = queries
            .iter()
            .map(|q| {
                let started = Instant::now();
                let _ = std::hint::black_box(screener.screen(q, &options));
                (started.elapsed(), q.name.as_str())
            })
            .collect();
        each.sort_unstable_by_key(|e| std::cmp::Reverse(e.0));
        for (d, name) in each.iter().take(args.slowest) {
            eprintln!("xtask: slow query {:.2} ms: {name}", ms(*d));
        }
    }
    let batch_cpu = cpu_seconds();
    let batch = batch_time(&screener, &queries, &options);
    let batch_cpu = cpu_seconds() - batch_cpu;
    let figures = serde_json::json!({
        "synthetic_names": n_names,
        "synthetic_entities": n_entities,
        "seed": args.seed,
        "generate_s": generate.as_secs_f64(),
        "index_build_s": build.as_secs_f64(),
        "index_build_cpu_s": build_cpu,
        "rss_lists_only_kb": rss_lists,
        "rss_after_build_kb": rss_built,
        "peak_rss_kb": peak_built,
        "latency_ms_over_50": {
            "p50": ms(percentile(&times, 0.5)),
            "p90": ms(percentile(&times, 0.9)),
            "max": ms(percentile(&times, 1.0)),
        },
        "batch_queries": queries.len(),
        "batch_s": batch.as_secs_f64(),
        "batch_qps": queries.len() as f64 / batch.as_secs_f64().max(1e-9),
        "batch_cpu_s": batch_cpu,
        "batch_qps_per_cpu_s": queries.len() as f64 / batch_cpu.max(1e-9),
        "threshold": args.threshold,
        "export_every": args.export_every,
        "lists": notes,
    });
    println!("{}", serde_json::to_string_pretty(&figures)?);
    if let Some(out) = &args.json {
        write_json(out, &figures)?;
    }
    Ok(())
}
