//! Ownership evaluation on a synthetic graph of about a million edges whose
//! designated owners are the real entity ids of the bundled OFAC SDN list
//! (2023-12-28, 13 821 entries).
//!
//! Shape: 500 000 unlisted companies in a layered corporate forest; each has
//! two to three owners drawn from earlier companies or (1 %) from SDN
//! entities, with stakes that split 100 %; 2 % of stakes have no percentage;
//! 0.5 % of companies also hold a stake in an earlier one (cycles).
//! Deterministic (fixed LCG seed). Run: `cargo bench -p tamga-rules`.

use criterion::{criterion_group, criterion_main, Criterion};
use std::path::Path;
use tamga_model::Regime;
use tamga_model::{Entity, EntityKind, Name, NameKind, Source};
use tamga_rules::{ownership_rule, EdgeInfo, GraphBuilder, OwnershipGraph};

struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn sdn_entities() -> Vec<Entity> {
    let path = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/lists/ofac/sdn_2023-12-28/sdn.csv"
    ));
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(path)
        .expect("bundled sdn.csv opens");
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record.expect("sdn.csv parses");
        let (Some(id), Some(name)) = (record.get(0), record.get(1)) else {
            continue;
        };
        if id.trim().chars().all(|c| c.is_ascii_digit()) && !id.trim().is_empty() {
            let mut e = Entity::new(Source::UsOfacSdn, id.trim(), EntityKind::Organization);
            e.push_name(Name::new(name, NameKind::Primary));
            out.push(e);
        }
    }
    out
}

fn build() -> (OwnershipGraph, Vec<u32>, usize) {
    const COMPANIES: u64 = 500_000;
    let entities = sdn_entities();
    let mut b = GraphBuilder::new();
    b.add_entities(&entities);
    let mut rng = Lcg(0x7a6d_6761);
    let info = EdgeInfo {
        as_of: None,
        source: "synthetic".into(),
    };
    let company = |i: u64| format!("SYN{i}");
    let mut edges = 0usize;
    for i in 0..COMPANIES {
        let owners = 2 + rng.below(2);
        let mut left = 100.0;
        for k in 0..owners {
            let stake = if k + 1 == owners {
                left
            } else {
                (10 + rng.below(50)) as f64
            };
            left -= stake;
            let owner = if i == 0 || rng.below(100) < 1 {
                entities[rng.below(entities.len() as u64) as usize]
                    .id
                    .clone()
            } else {
                company(rng.below(i))
            };
            let pct = if rng.below(100) < 2 {
                None
            } else {
                Some(stake)
            };
            b.add_edge(&owner, &company(i), pct, false, None, info.clone());
            edges += 1;
        }
        if i > 0 && rng.below(1000) < 5 {
            b.add_edge(
                &company(i),
                &company(rng.below(i)),
                Some(5.0),
                false,
                None,
                info.clone(),
            );
            edges += 1;
        }
    }
    let graph = b.build();
    let seeds: Vec<u32> = entities
        .iter()
        .filter_map(|e| graph.node_of_key(&e.id))
        .collect();
    (graph, seeds, edges)
}

fn bench(c: &mut Criterion) {
    let (graph, seeds, edges) = build();
    eprintln!(
        "synthetic graph: {} edges added, {:?}",
        edges,
        graph.stats()
    );
    for regime in [Regime::Us, Regime::Eu, Regime::Uk] {
        let eval = graph.evaluate(&ownership_rule(regime), &seeds);
        eprintln!("{regime:?}: {:?}", eval.counts());
    }
    let mut group = c.benchmark_group("ownership_1m_edges");
    group.sample_size(10);
    for regime in [Regime::Us, Regime::Eu, Regime::Uk] {
        group.bench_function(format!("{regime:?}"), |b| {
            b.iter(|| graph.evaluate(&ownership_rule(regime), &seeds))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
