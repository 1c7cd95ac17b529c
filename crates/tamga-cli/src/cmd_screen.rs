//! `tamga screen` and `tamga compare` (to be implemented).

use crate::common::ListArgs;
use clap::Args;
use std::process::ExitCode;

/// Arguments of `tamga screen`.
#[derive(Args)]
pub struct ScreenArgs {
    #[command(flatten)]
    lists: ListArgs,
    /// Name to screen.
    #[arg(long)]
    name: Option<String>,
}

/// Arguments of `tamga compare`.
#[derive(Args)]
pub struct CompareArgs {
    /// First name.
    name1: Option<String>,
    /// Second name.
    name2: Option<String>,
}

/// Runs `tamga screen`.
pub fn run_screen(args: ScreenArgs) -> anyhow::Result<ExitCode> {
    let _ = (args.lists, args.name);
    anyhow::bail!("screen is not implemented yet")
}

/// Runs `tamga compare`.
pub fn run_compare(args: CompareArgs) -> anyhow::Result<ExitCode> {
    let _ = (args.name1, args.name2);
    anyhow::bail!("compare is not implemented yet")
}
