//! `tamga lists …` (to be implemented: inspect, export, diff, fetch).

use clap::Subcommand;
use std::process::ExitCode;

/// List management subcommands.
#[derive(Subcommand)]
pub enum ListsCommand {
    /// Per list: source, publication date, counts by kind, names, scripts, warnings.
    Inspect {
        /// Lists to inspect (files or publication directories).
        paths: Vec<String>,
    },
}

/// Runs a `lists` subcommand.
pub fn run(cmd: ListsCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        ListsCommand::Inspect { paths } => {
            anyhow::bail!("lists inspect is not implemented yet ({} paths)", paths.len())
        }
    }
}
