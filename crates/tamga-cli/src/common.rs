//! Arguments shared by every subcommand that reads lists.

use anyhow::Context;
use clap::Args;
use tamga_model::EntityList;
use tamga_sources::{bundled_data_dir, default_list_specs, load_all, ListSpec, LoadOptions};

/// Which lists to load.
#[derive(Args, Debug, Clone, Default)]
pub struct ListArgs {
    /// A list to load: `PATH` or `NAME=PATH` (repeatable). When any is given,
    /// exactly these lists are used and the bundled defaults are not.
    #[arg(long = "list", value_name = "[NAME=]PATH")]
    pub lists: Vec<String>,
    /// Skip malformed records with a counted warning instead of failing.
    #[arg(long)]
    pub lenient: bool,
}

impl ListArgs {
    /// The list specs in force: the `--list` ones, else the bundled snapshot.
    pub fn specs(&self) -> Vec<ListSpec> {
        if self.lists.is_empty() {
            default_list_specs(&bundled_data_dir())
        } else {
            self.lists.iter().map(|s| ListSpec::parse(s)).collect()
        }
    }

    /// Loads every list in force; any failure aborts (nothing partial).
    pub fn load(&self) -> anyhow::Result<Vec<EntityList>> {
        let options = LoadOptions {
            lenient: self.lenient,
        };
        let lists = load_all(&self.specs(), &options).context("loading lists")?;
        for list in &lists {
            for warning in &list.meta.warnings {
                eprintln!("tamga: warning: {}: {warning}", list.meta.source);
            }
        }
        Ok(lists)
    }
}
