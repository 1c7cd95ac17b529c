//! Prints the figures the issue asks for on all bundled lists: build time,
//! resident memory, single-query latency percentiles and batch throughput.
//! Run: `cargo run --release -p tamga-screen --example measure`.

use std::time::Instant;
use tamga_scorer::TamgaScorer;
use tamga_screen::{ScreenOptions, Screener};

#[path = "../benches/support/mod.rs"]
mod support;

fn rss_kb(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

fn main() {
    let lists = support::bundled_lists();
    let labelled = support::labelled_queries(&lists, 7);
    let queries: Vec<_> = labelled.iter().map(|(q, _)| q.clone()).collect();
    println!("rss after loading lists: {} MB", rss_kb("VmRSS:") / 1024);
    let started = Instant::now();
    let screener = Screener::new(lists, TamgaScorer);
    let build = started.elapsed();
    println!("stats: {:?}", screener.stats());
    println!("build: {:.0} ms", build.as_secs_f64() * 1e3);
    println!(
        "rss after build: {} MB (peak {} MB)",
        rss_kb("VmRSS:") / 1024,
        rss_kb("VmHWM:") / 1024
    );
    let options = ScreenOptions::default();
    if let Ok(name) = std::env::var("MEASURE_LOOP") {
        // Profiling aid: screen one name repeatedly.
        let q = tamga_screen::Query {
            name,
            ..Default::default()
        };
        let t = Instant::now();
        for _ in 0..3000 {
            let _ = screener.screen(&q, &options);
        }
        println!(
            "loop: {:.0} us/query",
            t.elapsed().as_secs_f64() * 1e6 / 3000.0
        );
        return;
    }
    let mut latencies = Vec::with_capacity(queries.len());
    let mut hits = 0usize;
    let mut found = 0usize;
    for (q, expected) in &labelled {
        let t = Instant::now();
        let r = screener.screen(q, &options);
        latencies.push(t.elapsed().as_secs_f64() * 1e6);
        let r = r.unwrap_or_default();
        hits += usize::from(!r.is_empty());
        let hit = r.iter().any(|m| &m.entity_id == expected);
        found += usize::from(hit);
        if !hit && std::env::var_os("MEASURE_MISSES").is_some() {
            let own = screener
                .screen(
                    q,
                    &ScreenOptions {
                        threshold: 0.0,
                        limit: 50,
                    },
                )
                .unwrap_or_default()
                .into_iter()
                .find(|m| &m.entity_id == expected)
                .map(|m| (m.score, m.matched_name));
            println!("  miss: {} ({expected}): {own:?}", q.name);
        }
    }
    println!(
        "self-recall: {found}/{} source entities returned at >= {}",
        labelled.len(),
        options.threshold
    );
    let mut slowest: Vec<(f64, &str)> = latencies
        .iter()
        .zip(&queries)
        .map(|(&l, q)| (l, q.name.as_str()))
        .collect();
    slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (l, name) in slowest.iter().take(8) {
        println!("  slow: {l:.0} us  {name}");
    }
    latencies.sort_by(f64::total_cmp);
    let pct = |p: f64| latencies[((latencies.len() as f64 - 1.0) * p) as usize];
    println!(
        "single query ({} queries, {} with a match >= {}): p50 {:.0} us, p90 {:.0} us, p99 {:.0} us, max {:.0} us",
        queries.len(),
        hits,
        options.threshold,
        pct(0.5),
        pct(0.9),
        pct(0.99),
        pct(1.0)
    );
    let t = Instant::now();
    let analyzed: Vec<_> = queries
        .iter()
        .map(|q| tamga_names::analyze(&q.name, tamga_names::PartyHint::Unknown))
        .collect();
    println!(
        "analyze only: {:.0} us/query",
        t.elapsed().as_secs_f64() * 1e6 / queries.len() as f64
    );
    let t = Instant::now();
    let mut total = 0usize;
    for a in &analyzed {
        total += screener.index().candidates(a).len();
    }
    println!(
        "candidates only: {:.0} us/query, {:.0} candidates/query",
        t.elapsed().as_secs_f64() * 1e6 / queries.len() as f64,
        total as f64 / queries.len() as f64
    );
    let t = Instant::now();
    let mut total = 0usize;
    for q in &queries {
        let a = tamga_names::analyze(&q.name, tamga_names::PartyHint::Unknown);
        total += screener.index().candidates(&a).len();
    }
    println!(
        "index only: {:.0} us/query, {:.0} candidates/query",
        t.elapsed().as_secs_f64() * 1e6 / queries.len() as f64,
        total as f64 / queries.len() as f64
    );
    let t = Instant::now();
    let mut n = 0;
    while t.elapsed().as_secs_f64() < 3.0 {
        n += screener.screen_batch(&queries, &options).len();
    }
    println!(
        "batch: {:.0} queries/s on {} threads",
        n as f64 / t.elapsed().as_secs_f64(),
        rayon::current_num_threads()
    );
    println!("rss at end: {} MB", rss_kb("VmRSS:") / 1024);
}
