//! `analyze` on real list names: OFAC SDN primary names (Latin), and the Cyrillic, Arabic and
//! other non-Latin names of the UK OFSI list. Throughput is reported per name.
//!
//! Run: `cargo bench -p tamga-names --bench analyze`.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use tamga_names::{analyze, PartyHint};

fn sdn_names(limit: usize) -> Vec<(String, PartyHint)> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/lists/ofac/sdn_2023-12-28/sdn.csv"
    );
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(path)
        .expect("sdn.csv");
    rdr.records()
        .filter_map(Result::ok)
        .take(limit)
        .map(|r| {
            let hint = if r.get(2) == Some("individual") {
                PartyHint::Person
            } else {
                PartyHint::Organization
            };
            (r.get(1).unwrap_or_default().to_string(), hint)
        })
        .collect()
}

fn ofsi_non_latin(limit: usize) -> Vec<(String, PartyHint)> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/ofsi_conlist_2025-04-14_nonlatin_pairs.tsv"
    );
    let text = std::fs::read_to_string(path).expect("pairs file");
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('\t').collect();
            let hint = if cells.get(1) == Some(&"Individual") {
                PartyHint::Person
            } else {
                PartyHint::Organization
            };
            cells.get(5).map(|n| (n.to_string(), hint))
        })
        .take(limit)
        .collect()
}

fn bench(c: &mut Criterion) {
    // Build the lazily parsed tables outside the measurement.
    let _ = analyze("warm up", PartyHint::Unknown);
    let latin = sdn_names(2000);
    let other = ofsi_non_latin(1000);
    let mut mixed = latin.clone();
    mixed.extend(other.iter().cloned());

    let mut g = c.benchmark_group("analyze");
    for (label, names) in [
        ("sdn_latin_2000", &latin),
        ("ofsi_non_latin_1000", &other),
        ("mixed_3000", &mixed),
    ] {
        g.throughput(Throughput::Elements(names.len() as u64));
        g.bench_function(label, |b| {
            b.iter(|| {
                for (n, h) in names.iter() {
                    black_box(analyze(black_box(n), *h));
                }
            })
        });
    }
    g.finish();

    // Index build: every primary and alias name of the 2023-12-28 SDN publication.
    let mut all = sdn_names(usize::MAX);
    let alt = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/lists/ofac/sdn_2023-12-28/alt.csv"
    );
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(alt)
        .expect("alt.csv");
    all.extend(
        rdr.records()
            .filter_map(Result::ok)
            .filter_map(|r| r.get(3).map(|n| (n.to_string(), PartyHint::Unknown))),
    );
    let mut g = c.benchmark_group("index_build");
    g.sample_size(10);
    g.throughput(Throughput::Elements(all.len() as u64));
    g.bench_function(format!("sdn_and_alt_{}", all.len()), |b| {
        b.iter(|| {
            for (n, h) in all.iter() {
                black_box(analyze(black_box(n), *h));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
