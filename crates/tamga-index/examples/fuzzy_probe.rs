//! Probe: cost of a fuzzy dictionary search on the real SDN names.
//! Run: `cargo run --release -p tamga-index --example fuzzy_probe`.
use std::time::Instant;
use tamga_index::{IndexOptions, NameIndex};

fn main() {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/lists/ofac/sdn_2023-12-28/"
    );
    let mut names = Vec::new();
    for (file, col) in [("sdn.csv", 1), ("alt.csv", 3)] {
        let mut r = match csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_path(format!("{dir}{file}"))
        {
            Ok(r) => r,
            Err(e) => return eprintln!("{file}: {e}"),
        };
        for rec in r.byte_records().flatten() {
            if let Some(n) = rec.get(col) {
                names.push(tamga_names::analyze(
                    &String::from_utf8_lossy(n),
                    Default::default(),
                ));
            }
        }
    }
    let t = Instant::now();
    let index = NameIndex::build(
        names.iter().enumerate().map(|(i, n)| (i as u32, n)),
        IndexOptions::default(),
    );
    println!(
        "build: {:.0} ms, {} names, {} KB",
        t.elapsed().as_secs_f64() * 1e3,
        index.len(),
        index.heap_bytes() / 1024
    );
    for w in [
        "bout",
        "viktor",
        "anatolijevitch",
        "zakharov",
        "mohammad",
        "metrotek",
    ] {
        let t = Instant::now();
        let mut n = 0;
        for _ in 0..100 {
            n = index.fuzzy_terms(w).len();
        }
        println!(
            "{w}: {n} terms, {:.1} us",
            t.elapsed().as_secs_f64() * 1e6 / 100.0
        );
    }
}
