//! `cargo xtask latency`: how long one `screen` call takes on real queries,
//! and how many queries per second a batch reaches on every core. A
//! benchmark for the report, not a test: nothing here asserts a speed.

use crate::eval::{load_available, write_json, Paths};
use anyhow::Context;
use std::path::PathBuf;
use std::time::{Duration, Instant};
use tamga_model::EntityKind;
use tamga_scorer::TamgaScorer;
use tamga_screen::{Query, ScreenOptions, Screener};
use tamga_sources::{bundled_data_dir, default_list_specs};

/// Options of `cargo xtask latency`.
#[derive(clap::Args, Debug, Clone)]
pub struct LatencyArgs {
    /// CSV of queries with `name` (and optional `kind`) columns; default the
    /// committed innocent population (real first/last names).
    #[arg(long)]
    pub queries: Option<PathBuf>,
    /// Queries timed one by one.
    #[arg(long, default_value_t = 2000)]
    pub n: usize,
    /// Queries screened in the parallel batch (0: same as `--n`).
    #[arg(long, default_value_t = 0)]
    pub batch: usize,
    /// Alert threshold passed to `screen`.
    #[arg(long, default_value_t = tamga_screen::DEFAULT_THRESHOLD)]
    pub threshold: f64,
    /// Matches returned per query.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Also write the figures as JSON here.
    #[arg(long)]
    pub json: Option<PathBuf>,
    /// Write every indexed name (`entity_id,name`) here, so a peer can be
    /// timed on exactly the same names.
    #[arg(long)]
    pub export_names: Option<PathBuf>,
}

/// Reads queries from a CSV with a `name` column and optional `kind`.
pub fn read_query_csv(path: &std::path::Path, max: usize) -> anyhow::Result<Vec<Query>> {
    let mut reader =
        csv::Reader::from_path(path).with_context(|| format!("reading {}", path.display()))?;
    let headers = reader
        .headers()
        .with_context(|| format!("{}: header", path.display()))?
        .clone();
    let name_col = headers
        .iter()
        .position(|h| h == "name")
        .with_context(|| format!("{}: no `name` column", path.display()))?;
    let kind_col = headers.iter().position(|h| h == "kind");
    let mut out = Vec::new();
    for (i, rec) in reader.records().enumerate() {
        if out.len() >= max {
            break;
        }
        let rec = rec.with_context(|| format!("{}: row {}", path.display(), i + 2))?;
        out.push(Query {
            id: Some((i + 1).to_string()),
            name: rec.get(name_col).unwrap_or("").to_string(),
            kind: kind_col
                .and_then(|c| rec.get(c))
                .and_then(EntityKind::parse)
                .filter(|k| *k != EntityKind::Unknown),
            ..Query::default()
        });
    }
    Ok(out)
}

/// Resident-memory figures of this process from /proc (kB): (current, peak).
pub fn rss_kb() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |key: &str| {
        status
            .lines()
            .find(|l| l.starts_with(key))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// CPU seconds (user + system, all threads) this process has used so far,
/// from /proc/self/stat (0 where it is unreadable). On a shared machine the
/// wall time of a phase depends on what else runs; its CPU time does not.
pub fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name, which is in parentheses and may hold
    // spaces: state is field 3, utime 14 and stime 15.
    let rest = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // Clock ticks are 100 per second on Linux (USER_HZ).
    (ticks(11) + ticks(12)) / 100.0
}

/// The `p`-quantile (0–1) of sorted durations, nearest-rank.
pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

/// Screens `queries` with `screen_batch` (every core); returns the wall time.
pub fn batch_time(
    screener: &Screener<TamgaScorer>,
    queries: &[Query],
    options: &ScreenOptions,
) -> Duration {
    let started = Instant::now();
    let results = screener.screen_batch(queries, options);
    let elapsed = started.elapsed();
    std::hint::black_box(results);
    elapsed
}

/// Runs the latency benchmark.
pub fn run(args: &LatencyArgs) -> anyhow::Result<()> {
    let paths = Paths::new();
    let path = args.queries.clone().unwrap_or_else(|| paths.innocents());
    let batch_n = if args.batch == 0 { args.n } else { args.batch };
    let queries = read_query_csv(&path, args.n.max(batch_n))?;
    let (rss0, _) = rss_kb();
    let load_started = Instant::now();
    let (lists, notes) = load_available(&default_list_specs(&bundled_data_dir()));
    let load = load_started.elapsed();
    let names: usize = lists
        .iter()
        .flat_map(|l| &l.entities)
        .map(|e| e.names.len())
        .sum();
    if let Some(out) = &args.export_names {
        let mut w =
            csv::Writer::from_path(out).with_context(|| format!("creating {}", out.display()))?;
        w.write_record(["entity_id", "name"])?;
        for e in lists.iter().flat_map(|l| &l.entities) {
            for n in &e.names {
                w.write_record([e.id.as_str(), n.full.as_str()])?;
            }
        }
        w.flush()
            .with_context(|| format!("writing {}", out.display()))?;
    }
    let build_started = Instant::now();
    let screener = Screener::new(lists, TamgaScorer);
    let build = build_started.elapsed();
    let (rss_built, peak_built) = rss_kb();
    let options = ScreenOptions {
        threshold: args.threshold,
        limit: args.limit,
    };
    let mut times = Vec::with_capacity(args.n);
    let mut alerts = 0usize;
    for q in queries.iter().take(args.n) {
        let started = Instant::now();
        let result = screener.screen(q, &options);
        times.push(started.elapsed());
        if result.is_ok_and(|m| !m.is_empty()) {
            alerts += 1;
        }
    }
    times.sort_unstable();
    let total: Duration = times.iter().sum();
    let batch_queries = &queries[..batch_n.min(queries.len())];
    // CPU time as well as wall time: on a shared machine the wall time of
    // the batch follows the other load, its CPU time much less.
    let batch_cpu = cpu_seconds();
    let batch = batch_time(&screener, batch_queries, &options);
    let batch_cpu = cpu_seconds() - batch_cpu;
    let (_, peak) = rss_kb();
    let qps = batch_queries.len() as f64 / batch.as_secs_f64().max(1e-9);
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let figures = serde_json::json!({
        "queries_file": path.display().to_string(),
        "entities": screener.entities().len(),
        "names": names,
        "load_s": load.as_secs_f64(),
        "index_build_s": build.as_secs_f64(),
        "rss_before_load_kb": rss0,
        "rss_after_build_kb": rss_built,
        "peak_rss_after_build_kb": peak_built,
        "peak_rss_kb": peak,
        "sequential_queries": times.len(),
        "latency_ms": {
            "mean": ms(total) / times.len().max(1) as f64,
            "p50": ms(percentile(&times, 0.50)),
            "p90": ms(percentile(&times, 0.90)),
            "p99": ms(percentile(&times, 0.99)),
            "max": ms(percentile(&times, 1.0)),
        },
        "alerting_queries": alerts,
        "threshold": args.threshold,
        "batch_queries": batch_queries.len(),
        "batch_threads": std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
        "batch_s": batch.as_secs_f64(),
        "batch_qps": qps,
        "batch_cpu_s": batch_cpu,
        "batch_cpu_us_per_query": batch_cpu * 1e6 / batch_queries.len().max(1) as f64,
        "lists": notes,
    });
    println!("{}", serde_json::to_string_pretty(&figures)?);
    if let Some(out) = &args.json {
        write_json(out, &figures)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let d: Vec<Duration> = (1..=100).map(Duration::from_millis).collect();
        assert_eq!(percentile(&d, 0.5), Duration::from_millis(50));
        assert_eq!(percentile(&d, 0.99), Duration::from_millis(99));
        assert_eq!(percentile(&d, 1.0), Duration::from_millis(100));
        assert_eq!(percentile(&d[..1], 0.99), Duration::from_millis(1));
    }
}
