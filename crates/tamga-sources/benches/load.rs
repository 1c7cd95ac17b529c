//! Load times of the bundled OFAC publications (the largest lists) and of
//! the whole default bundled set.
//!
//! `cargo bench -p tamga-sources --bench load`

use criterion::{criterion_group, criterion_main, Criterion};
use std::path::{Path, PathBuf};
use std::time::Duration;
use tamga_sources::{load_as, Format, ListSpec, LoadOptions};

fn ofac(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../data/lists/ofac")
        .join(rel)
}

fn bench_load(c: &mut Criterion) {
    let cases = [
        (
            "ofac_csv sdn_2023-12-28 (4 files)",
            Format::OfacCsv,
            ofac("sdn_2023-12-28"),
        ),
        (
            "ofac_csv consolidated_2025-12",
            Format::OfacCsv,
            ofac("consolidated_2025-12"),
        ),
        (
            "ofac_xml CONSOLIDATED.XML",
            Format::OfacXml,
            ofac("consolidated_xml_2026-01-08/CONSOLIDATED.XML"),
        ),
        (
            "ofac_advanced cons_advanced.xml",
            Format::OfacAdvancedXml,
            ofac("cons_advanced_2020-03-17/cons_advanced.xml"),
        ),
    ];
    let options = LoadOptions::default();
    let mut group = c.benchmark_group("load");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(8));
    for (name, format, path) in cases {
        let spec = ListSpec { name: None, path };
        group.bench_function(name, |b| {
            b.iter(|| load_as(format, &spec, &options).expect("bundled list loads"))
        });
    }
    let all = tamga_sources::default_list_specs(&tamga_sources::bundled_data_dir());
    group.bench_function("all default bundled lists", |b| {
        b.iter(|| tamga_sources::load_all(&all, &options).expect("bundled lists load"))
    });
    group.finish();
}

criterion_group!(benches, bench_load);
criterion_main!(benches);
