//! `tamga lists …`: inspect, export, diff and fetch sanctions lists.

use crate::common::ListArgs;
use anyhow::Context;
use clap::{Args, Subcommand, ValueEnum};
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use tamga_model::EntityList;
use tamga_sources::diff::{diff_lists, ListDiff};
use tamga_sources::fetch::{fetch_lists, FetchConfig, FetchReport, FetchStatus};
use tamga_sources::inspect::{inspect, ListReport};
use tamga_sources::{load, ListSpec, LoadOptions};

/// List management subcommands.
#[derive(Subcommand)]
pub enum ListsCommand {
    /// Per list: source, format, files, SHA-256, publication date, counts by
    /// kind, names, aliases, weak aliases, scripts, warnings.
    Inspect(InspectArgs),
    /// Write the lists in the unified entity model, one JSON entity per line.
    Export(ExportArgs),
    /// Compare two publications of a list: added, removed, changed entities.
    Diff(DiffArgs),
    /// Download the current official lists, verify they load, and swap them
    /// in atomically (previous copies kept as `<file>.prev`).
    Fetch(FetchArgs),
}

/// Output format of `inspect` and `diff`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Human-readable text.
    Table,
    /// JSON (one document on stdout).
    Json,
}

/// Arguments of `tamga lists inspect`.
#[derive(Args)]
pub struct InspectArgs {
    /// Lists to inspect: files or publication directories, `[NAME=]PATH`.
    /// With none (and no `--list`), the bundled default lists.
    #[arg(value_name = "[NAME=]PATH")]
    paths: Vec<String>,
    #[command(flatten)]
    lists: ListArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: ReportFormat,
}

/// Export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// JSON lines: one `Entity` object per line.
    Jsonl,
}

/// Arguments of `tamga lists export`.
#[derive(Args)]
pub struct ExportArgs {
    #[command(flatten)]
    lists: ListArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    format: ExportFormat,
}

/// Arguments of `tamga lists diff`.
#[derive(Args)]
pub struct DiffArgs {
    /// The older publication (file or directory).
    #[arg(value_name = "OLD")]
    old: String,
    /// The newer publication (file or directory).
    #[arg(value_name = "NEW")]
    new: String,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: ReportFormat,
    /// Skip malformed records with a counted warning instead of failing.
    #[arg(long)]
    lenient: bool,
}

/// Arguments of `tamga lists fetch`.
#[derive(Args)]
pub struct FetchArgs {
    /// Fetch configuration (TOML, or JSON for `.json`); default: the
    /// official sources.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Directory receiving one sub-directory per list.
    #[arg(long, value_name = "DIR", default_value = "tamga-lists")]
    dest: PathBuf,
    /// Fetch only this list (repeatable), e.g. `un_sc`.
    #[arg(long = "only", value_name = "LIST")]
    only: Vec<String>,
    /// Output format of the report.
    #[arg(long, value_enum, default_value = "table")]
    format: ReportFormat,
}

/// Runs a `lists` subcommand.
pub fn run(cmd: ListsCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        ListsCommand::Inspect(args) => run_inspect(args),
        ListsCommand::Export(args) => run_export(args),
        ListsCommand::Diff(args) => run_diff(args),
        ListsCommand::Fetch(args) => run_fetch(args),
    }
}

/// Writes to stdout; a closed pipe (`| head`) ends output quietly.
fn emit(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = write(&mut out).and_then(|()| out.flush());
    match result {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("writing to stdout"),
    }
}

fn run_inspect(args: InspectArgs) -> anyhow::Result<ExitCode> {
    let mut list_args = args.lists.clone();
    list_args.lists.extend(args.paths);
    let lists = list_args.load()?;
    let reports: Vec<ListReport> = lists.iter().map(inspect).collect();
    match args.format {
        ReportFormat::Json => emit(|out| {
            serde_json::to_writer_pretty(&mut *out, &reports)?;
            writeln!(out)
        })?,
        ReportFormat::Table => emit(|out| write_inspect_table(out, &reports))?,
    }
    Ok(ExitCode::SUCCESS)
}

fn plural(n: usize, word: &str) -> String {
    match (n, word) {
        (1, _) => format!("1 {word}"),
        (_, "aircraft" | "unknown") => format!("{n} {word}"),
        _ => format!("{n} {word}s"),
    }
}

fn write_inspect_table(out: &mut dyn Write, reports: &[ListReport]) -> std::io::Result<()> {
    let mut total_entities = 0;
    let mut total_names = 0;
    for (i, r) in reports.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(
            out,
            "{}  ({}, published {})",
            r.source,
            r.format,
            r.published.as_deref().unwrap_or("not stated")
        )?;
        for (j, file) in r.files.iter().enumerate() {
            let label = if j == 0 { "files" } else { "" };
            writeln!(out, "  {label:<9} {file}")?;
        }
        writeln!(out, "  {:<9} {}", "sha256", r.sha256)?;
        let kinds: Vec<String> = ["person", "organization", "vessel", "aircraft", "unknown"]
            .iter()
            .filter_map(|k| {
                let n = r.by_kind.get(*k).copied().unwrap_or(0);
                // Unknown only matters when present.
                (n > 0 || *k != "unknown").then(|| plural(n, k))
            })
            .collect();
        writeln!(
            out,
            "  {:<9} {}: {}",
            "entities",
            r.entities,
            kinds.join(", ")
        )?;
        writeln!(
            out,
            "  {:<9} {} ({} aliases, {} weak)",
            "names", r.names, r.aliases, r.weak_aliases
        )?;
        let mut scripts: Vec<(&String, &usize)> = r.scripts.iter().collect();
        scripts.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let scripts: Vec<String> = scripts.iter().map(|(s, n)| format!("{s} {n}")).collect();
        writeln!(out, "  {:<9} {}", "scripts", scripts.join(", "))?;
        writeln!(out, "  {:<9} {}", "warnings", r.warnings)?;
        total_entities += r.entities;
        total_names += r.names;
    }
    if reports.len() > 1 {
        writeln!(
            out,
            "\n{} lists, {total_entities} entities, {total_names} names",
            reports.len()
        )?;
    }
    Ok(())
}

fn run_export(args: ExportArgs) -> anyhow::Result<ExitCode> {
    let ExportFormat::Jsonl = args.format;
    let lists = args.lists.load()?;
    emit(|out| {
        for entity in lists.iter().flat_map(|l| &l.entities) {
            serde_json::to_writer(&mut *out, entity)?;
            out.write_all(b"\n")?;
        }
        Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}

fn load_one(text: &str, options: &LoadOptions) -> anyhow::Result<EntityList> {
    let spec = ListSpec::parse(text);
    let list = load(&spec, options).with_context(|| format!("loading {text}"))?;
    for warning in &list.meta.warnings {
        eprintln!("tamga: warning: {}: {warning}", list.meta.source);
    }
    Ok(list)
}

fn run_diff(args: DiffArgs) -> anyhow::Result<ExitCode> {
    let options = LoadOptions {
        lenient: args.lenient,
    };
    let old = load_one(&args.old, &options)?;
    let new = load_one(&args.new, &options)?;
    if old.meta.source != new.meta.source {
        eprintln!(
            "tamga: warning: comparing different sources ({} vs {}): every entity differs by id",
            old.meta.source, new.meta.source
        );
    }
    let diff = diff_lists(&old, &new);
    match args.format {
        ReportFormat::Json => emit(|out| {
            serde_json::to_writer_pretty(&mut *out, &diff)?;
            writeln!(out)
        })?,
        ReportFormat::Table => emit(|out| write_diff_table(out, &old, &new, &diff))?,
    }
    Ok(ExitCode::SUCCESS)
}

fn write_diff_table(
    out: &mut dyn Write,
    old: &EntityList,
    new: &EntityList,
    diff: &ListDiff,
) -> std::io::Result<()> {
    let published = |l: &EntityList| l.meta.published.clone().unwrap_or_else(|| "?".into());
    writeln!(
        out,
        "{}: {} (published {}, {} entities) -> {} (published {}, {} entities)",
        new.meta.source,
        old.meta.files.join(" "),
        published(old),
        diff.counts.old_total,
        new.meta.files.join(" "),
        published(new),
        diff.counts.new_total
    )?;
    writeln!(
        out,
        "added {}, removed {}, changed {}, unchanged {}",
        diff.counts.added, diff.counts.removed, diff.counts.changed, diff.counts.unchanged
    )?;
    for e in &diff.added {
        writeln!(out, "+ {}  {}  ({})", e.id, e.caption, e.kind.as_str())?;
    }
    for e in &diff.removed {
        writeln!(out, "- {}  {}  ({})", e.id, e.caption, e.kind.as_str())?;
    }
    for e in &diff.changed {
        writeln!(out, "~ {}  {}  [{}]", e.id, e.caption, e.fields.join(", "))?;
    }
    Ok(())
}

fn run_fetch(args: FetchArgs) -> anyhow::Result<ExitCode> {
    let mut config = match &args.config {
        Some(path) => FetchConfig::from_file(path)?,
        None => FetchConfig::default(),
    };
    if !args.only.is_empty() {
        config.only = args.only.clone();
    }
    let report = fetch_lists(&config, &args.dest)?;
    match args.format {
        ReportFormat::Json => emit(|out| {
            serde_json::to_writer_pretty(&mut *out, &report)?;
            writeln!(out)
        })?,
        ReportFormat::Table => emit(|out| write_fetch_table(out, &report))?,
    }
    Ok(if report.all_ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn write_fetch_table(out: &mut dyn Write, report: &FetchReport) -> std::io::Result<()> {
    for list in &report.lists {
        let status = match &list.status {
            FetchStatus::Updated { entities } => format!("updated ({entities} entities)"),
            FetchStatus::Unchanged { entities } => format!("unchanged ({entities} entities)"),
            FetchStatus::Failed { error } => format!("FAILED: {error}"),
        };
        writeln!(out, "{:<22} {status}", list.name)?;
        for file in &list.files {
            writeln!(
                out,
                "  {:<20} {:>12} bytes  sha256 {}",
                file.name, file.bytes, file.sha256
            )?;
        }
    }
    Ok(())
}
