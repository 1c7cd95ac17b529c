//! Probe: cost of the per-pair primitives.
//! Run: `cargo run --release -p tamga-scorer --example probe`.
use rapidfuzz::distance::osa;
use std::time::Instant;
use tamga_matcher::{NameKindHint, NameScorer, NoStats};
use tamga_scorer::TamgaScorer;

fn main() {
    let pairs = [
        ("zakharov", "zaharov"),
        ("viktor", "victor"),
        ("anatolijevitch", "anatolievich"),
    ];
    let t = Instant::now();
    let mut acc = 0;
    for _ in 0..100_000 {
        for (a, b) in pairs {
            acc += osa::distance_with_args(
                a.bytes(),
                b.bytes(),
                &osa::Args::default().score_cutoff(2),
            )
            .unwrap_or(9);
        }
    }
    println!(
        "osa: {:.0} ns/call ({acc})",
        t.elapsed().as_secs_f64() * 1e9 / 300_000.0
    );
    let s = TamgaScorer;
    let q = s.prepare("Aleksandr Vyacheslavovich Zakharov", NameKindHint::Person);
    let l = s.prepare("ZAKHAROV, Alexander Viacheslavovich", NameKindHint::Person);
    let t = Instant::now();
    let mut x = 0.0;
    for _ in 0..100_000 {
        x += s.score_value(&q, &l, &NoStats);
    }
    println!(
        "score_value: {:.0} ns/call ({x})",
        t.elapsed().as_secs_f64() * 1e9 / 100_000.0
    );
}
