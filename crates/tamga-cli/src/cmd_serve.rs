//! `tamga serve` (to be implemented).

use crate::common::ListArgs;
use clap::Args;
use std::process::ExitCode;

/// Arguments of `tamga serve`.
#[derive(Args)]
pub struct ServeArgs {
    #[command(flatten)]
    lists: ListArgs,
}

/// Runs the service.
pub fn run(args: ServeArgs) -> anyhow::Result<ExitCode> {
    let _ = args.lists;
    anyhow::bail!("serve is not implemented yet")
}
