//! Criterion benches: build on all bundled lists, single-query latency and
//! batch throughput. Run: `cargo bench -p tamga-screen --bench screen`.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use tamga_scorer::TamgaScorer;
use tamga_screen::{ScreenOptions, Screener};

#[path = "support/mod.rs"]
mod support;

fn benches(c: &mut Criterion) {
    let lists = support::bundled_lists();
    let mut group = c.benchmark_group("build");
    group.sample_size(10);
    group.bench_function("all_bundled_lists", |b| {
        b.iter_batched(
            || lists.clone(),
            |lists| Screener::new(lists, TamgaScorer),
            BatchSize::LargeInput,
        )
    });
    group.finish();

    let screener = Screener::new(lists.clone(), TamgaScorer);
    let queries = support::queries(&lists, 37);
    let options = ScreenOptions::default();

    let mut group = c.benchmark_group("screen");
    let mut i = 0;
    group.bench_function("single_query", |b| {
        b.iter(|| {
            i = (i + 1) % queries.len();
            screener.screen(&queries[i], &options)
        })
    });
    let batch: Vec<_> = queries.iter().take(1000).cloned().collect();
    group.throughput(Throughput::Elements(batch.len() as u64));
    group.sample_size(10);
    group.bench_function("batch_1000", |b| {
        b.iter(|| screener.screen_batch(&batch, &options))
    });
    group.finish();
}

criterion_group!(screen, benches);
criterion_main!(screen);
