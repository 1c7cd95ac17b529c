//! Analyses every primary and alias name of the bundled 2023-12-28 OFAC SDN publication
//! `ROUNDS` times (default 10): a fixed workload to measure with `perf stat` (CPU time and
//! instructions are steadier than wall-clock time on a shared machine).
//!
//! `cargo build --release -p tamga-names --example analyze_all &&
//!  perf stat -e task-clock,instructions target/release/examples/analyze_all 10`
use tamga_names::{analyze, PartyHint};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let rounds: usize = std::env::args()
        .nth(1)
        .map(|s| s.parse())
        .transpose()?
        .unwrap_or(10);
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/lists/ofac/sdn_2023-12-28/"
    );
    let mut names: Vec<String> = Vec::new();
    for (file, col) in [("sdn.csv", 1), ("alt.csv", 3)] {
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_path(format!("{dir}{file}"))?;
        for rec in rdr.records() {
            if let Some(n) = rec?.get(col) {
                names.push(n.to_string());
            }
        }
    }
    let start = std::time::Instant::now();
    let mut tokens = 0usize;
    for _ in 0..rounds {
        for n in &names {
            tokens += analyze(n, PartyHint::Unknown).tokens.len();
        }
    }
    let per = start.elapsed().as_nanos() as f64 / (rounds * names.len()) as f64;
    println!(
        "{} names x {rounds} rounds, {tokens} tokens, {per:.0} ns/name (wall clock)",
        names.len()
    );
    Ok(())
}
