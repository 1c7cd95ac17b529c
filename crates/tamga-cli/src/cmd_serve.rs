//! `tamga serve`: the HTTP screening service (see the `tamga-server` crate
//! docs for endpoints, configuration and security).

use crate::common::ListArgs;
use anyhow::Context;
use clap::Args;
use std::io::Read;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use tamga_server::Config;

/// Arguments of `tamga serve`.
#[derive(Args)]
pub struct ServeArgs {
    #[command(flatten)]
    lists: ListArgs,
    /// Address to listen on [default: 127.0.0.1:8000, or `bind` from the
    /// config file / TAMGA_BIND]. Without API keys only loopback is allowed.
    #[arg(long, value_name = "ADDR")]
    bind: Option<SocketAddr>,
    /// TOML configuration file (limits, API key hashes, refresh schedule).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Directory of licence / prohibition TOML files for `POST /decide`
    /// [default: the bundled `data/licences`, or `licences_dir` from the
    /// config file / TAMGA_LICENCES_DIR].
    #[arg(long, value_name = "DIR")]
    licences: Option<PathBuf>,
    /// Ownership CSV for `POST /decide`
    /// (`owner,owned,percentage,as_of,source[,control][,joint_arrangement]`);
    /// repeatable, replaces `ownership_files` from the config file /
    /// TAMGA_OWNERSHIP. None by default.
    #[arg(long = "ownership", value_name = "FILE.csv")]
    ownership: Vec<PathBuf>,
    /// Re-read the lists on this schedule (`6h`, `30m`, `90s`).
    #[arg(long, value_name = "INTERVAL")]
    refresh_interval: Option<String>,
    /// Print the SHA-256 of KEY, the form API keys take in the config, and
    /// exit. Give `-` to read the key from stdin (keeps it out of the shell
    /// history and the process list).
    #[arg(long, value_name = "KEY")]
    hash_key: Option<String>,
}

/// Runs the service until Ctrl-C / SIGTERM.
pub fn run(args: ServeArgs) -> anyhow::Result<ExitCode> {
    if let Some(key) = args.hash_key {
        let key = if key == "-" {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .context("reading the key from stdin")?;
            text.trim_end_matches(['\r', '\n']).to_string()
        } else {
            key
        };
        println!("{}", tamga_server::hash_key(&key));
        return Ok(ExitCode::SUCCESS);
    }
    let mut config = match &args.config {
        Some(path) => Config::from_file(path)?,
        None => Config::default(),
    };
    config.apply_env()?;
    if !args.lists.lists.is_empty() {
        config.lists = args.lists.lists.clone();
    }
    if args.lists.lenient {
        config.lenient = true;
    }
    if let Some(dir) = args.licences {
        config.licences_dir = dir;
    }
    if !args.ownership.is_empty() {
        config.ownership_files = args.ownership;
    }
    if let Some(bind) = args.bind {
        config.bind = bind;
    }
    if let Some(interval) = &args.refresh_interval {
        config.refresh_interval = Some(
            tamga_server::config::parse_interval(interval)
                .map_err(|e| anyhow::anyhow!("--refresh-interval: {e}"))?,
        );
    }
    tamga_server::init_logging();
    tamga_server::run_blocking(config)?;
    Ok(ExitCode::SUCCESS)
}
