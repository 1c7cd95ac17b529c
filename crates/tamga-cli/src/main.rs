//! `tamga`: sanctions screening and licensing decisions from the command line.
//!
//! A thin shell: every subcommand parses its arguments, calls the library
//! crates, and prints. No screening or decision logic lives here.

mod cmd_decide;
mod cmd_lists;
mod cmd_screen;
mod cmd_serve;
mod common;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Sanctions screening and licensing decisions.
#[derive(Parser)]
#[command(name = "tamga", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Inspect, export, diff and fetch sanctions lists.
    #[command(subcommand)]
    Lists(cmd_lists::ListsCommand),
    /// Screen names against the lists.
    Screen(cmd_screen::ScreenArgs),
    /// Score two names against each other and explain the score.
    Compare(cmd_screen::CompareArgs),
    /// Run the HTTP screening service.
    Serve(cmd_serve::ServeArgs),
    /// Decide whether a transaction may go ahead, per regime.
    Decide(cmd_decide::DecideArgs),
    /// Licences: which relationships depend on licences that expire soon.
    #[command(subcommand)]
    Licences(cmd_decide::LicencesCommand),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Lists(cmd) => cmd_lists::run(cmd),
        Command::Screen(args) => cmd_screen::run_screen(args),
        Command::Compare(args) => cmd_screen::run_compare(args),
        Command::Serve(args) => cmd_serve::run(args),
        Command::Decide(args) => cmd_decide::run_decide(args),
        Command::Licences(cmd) => cmd_decide::run_licences(cmd),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("tamga: error: {err:#}");
            ExitCode::from(2)
        }
    }
}
