//! Criterion benches of the candidate index on the real OFAC SDN names:
//! build, and candidate generation for exact and misspelt queries.
//! Run: `cargo bench -p tamga-index --bench index`.

use criterion::{criterion_group, criterion_main, Criterion};
use tamga_index::{IndexOptions, NameIndex};
use tamga_names::{analyze, AnalyzedName, PartyHint};

const SDN: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/lists/ofac/sdn_2023-12-28/"
);

fn names() -> Vec<AnalyzedName> {
    let mut out = Vec::new();
    for (file, col) in [("sdn.csv", 1), ("alt.csv", 3)] {
        let mut reader = match csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_path(format!("{SDN}{file}"))
        {
            Ok(r) => r,
            Err(e) => {
                eprintln!("skipping {file}: {e}");
                continue;
            }
        };
        for record in reader.byte_records().flatten() {
            if let Some(name) = record.get(col) {
                out.push(analyze(&String::from_utf8_lossy(name), PartyHint::Unknown));
            }
        }
    }
    out
}

fn benches(c: &mut Criterion) {
    let names = names();
    let mut group = c.benchmark_group("index");
    group.sample_size(10);
    group.bench_function("build_sdn_names", |b| {
        b.iter(|| {
            NameIndex::build(
                names.iter().enumerate().map(|(i, n)| (i as u32, n)),
                IndexOptions::default(),
            )
        })
    });
    group.finish();
    let index = NameIndex::build(
        names.iter().enumerate().map(|(i, n)| (i as u32, n)),
        IndexOptions::default(),
    );
    let exact = analyze("Vladimir Ivanovich Yakunin", PartyHint::Person);
    let typo = analyze("Vladimr Ivanovic Yakunn", PartyHint::Person);
    let common = analyze("Mohammad Ali Hassan", PartyHint::Person);
    c.bench_function("candidates/exact", |b| b.iter(|| index.candidates(&exact)));
    c.bench_function("candidates/typos", |b| b.iter(|| index.candidates(&typo)));
    c.bench_function("candidates/common_tokens", |b| {
        b.iter(|| index.candidates(&common))
    });
}

criterion_group!(index, benches);
criterion_main!(index);
