//! Project automation for tamga.
//!
//! - `cargo xtask eval`: builds the accuracy evaluation sets from the real
//!   bundled lists, screens them with tamga and writes the report
//!   (docs/EVALUATION.md describes the method).
//! - `cargo xtask report`: re-evaluates every score file of the current sets
//!   (tamga and the peers of `scripts/eval/peers.py`) side by side.
//! - `cargo xtask latency`: per-query latency percentiles and batch
//!   throughput over real queries (a benchmark, not a test).
//! - `cargo xtask scale`: the same on a synthetic list of millions of names
//!   recombined from the real lists' tokens.
#![warn(missing_docs)]

mod eval;
mod latency;
mod metrics;
mod perturb;
mod report;
mod rng;
mod scale;
mod sets;
mod text;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "xtask", about = "tamga project automation")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the evaluation sets, screen them with tamga, write the report.
    Eval(eval::EvalArgs),
    /// Re-evaluate every current score file (tamga and peers) side by side.
    Report,
    /// Single-query latency percentiles and batch throughput on real queries.
    Latency(latency::LatencyArgs),
    /// Build time, memory and throughput on a synthetic multi-million-name list.
    Scale(scale::ScaleArgs),
}

fn main() -> anyhow::Result<()> {
    match Cli::parse().command {
        Command::Eval(args) => eval::run(&args),
        Command::Report => report::run(&eval::Paths::new()),
        Command::Latency(args) => latency::run(&args),
        Command::Scale(args) => scale::run(&args),
    }
}
