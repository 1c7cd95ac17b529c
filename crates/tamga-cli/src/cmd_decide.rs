//! `tamga decide` and `tamga licences …` (to be implemented).

use clap::{Args, Subcommand};
use std::process::ExitCode;

/// Arguments of `tamga decide`.
#[derive(Args)]
pub struct DecideArgs {
    /// Transaction file (JSON).
    file: String,
}

/// Licence subcommands.
#[derive(Subcommand)]
pub enum LicencesCommand {
    /// Relationships in a customer book that depend on licences expiring soon.
    Expiring {
        /// Window, e.g. `30d`.
        #[arg(long)]
        within: String,
    },
}

/// Runs `tamga decide`.
pub fn run_decide(args: DecideArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("decide is not implemented yet ({})", args.file)
}

/// Runs a `licences` subcommand.
pub fn run_licences(cmd: LicencesCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        LicencesCommand::Expiring { within } => {
            anyhow::bail!("licences expiring is not implemented yet ({within})")
        }
    }
}
