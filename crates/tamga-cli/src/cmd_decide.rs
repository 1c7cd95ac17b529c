//! `tamga decide` and `tamga licences …`: thin shells over `tamga-rules`.

use crate::common::ListArgs;
use anyhow::Context;
use clap::{Args, Subcommand, ValueEnum};
use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;
use tamga_rules::{
    parse_window, read_book, Date, DecisionReport, DecisionRequest, LicenceSet, Outcome,
    RulesEngine, WindDownPlan,
};
use tamga_scorer::TamgaScorer;
use tamga_screen::Screener;

const DECIDE_EXIT_CODES: &str = "\
Exit codes:
  0  overall clear or authorised (or no regime applies)
  1  overall review: a person must look (uncertain match, unknown ownership)
  2  fatal: unreadable or invalid request, lists / licences / ownership failed to load
  3  overall blocked";

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// The full report as JSON.
    Json,
    /// Readable text.
    Text,
}

/// Where licences and ownership data come from.
#[derive(Args, Debug, Clone)]
pub struct RulesArgs {
    /// Directory of licence / prohibition TOML files (default: the bundled
    /// `data/licences`).
    #[arg(long, value_name = "DIR")]
    licences: Option<PathBuf>,
    /// Ownership CSV (`owner,owned,percentage,as_of,source[,control][,joint_arrangement]`);
    /// repeatable. None by default.
    #[arg(long = "ownership", value_name = "FILE.csv")]
    ownership: Vec<PathBuf>,
}

impl RulesArgs {
    fn licence_dir(&self) -> PathBuf {
        self.licences
            .clone()
            .unwrap_or_else(tamga_sources::bundled_licences_dir)
    }

    /// Loads lists, screener and rules engine.
    fn load(&self, lists: &ListArgs) -> anyhow::Result<(Screener<TamgaScorer>, RulesEngine)> {
        let dir = self.licence_dir();
        let licences = LicenceSet::load_dir(&dir)
            .with_context(|| format!("loading licences from {}", dir.display()))?;
        let screener = Screener::new(lists.load()?, TamgaScorer);
        let engine = RulesEngine::new(screener.entities(), licences, &self.ownership)
            .context("building the rules engine")?;
        Ok((screener, engine))
    }
}

/// Arguments of `tamga decide`.
#[derive(Args)]
#[command(after_help = DECIDE_EXIT_CODES)]
pub struct DecideArgs {
    /// Transaction file (JSON: `date`, `parties`, `activities`, `nexus`,
    /// optional `goods_origin`, `thresholds`); `-` reads standard input.
    file: PathBuf,
    #[command(flatten)]
    lists: ListArgs,
    #[command(flatten)]
    rules: RulesArgs,
    /// Decide as of this date (`YYYY-MM-DD`) instead of the file's `date`.
    #[arg(long)]
    date: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    format: OutputFormat,
}

/// Licence subcommands.
#[derive(Subcommand)]
pub enum LicencesCommand {
    /// Relationships in a customer book that depend on licences expiring
    /// within a window, and the exposure of the whole book.
    Expiring {
        /// Window, e.g. `30d` or `6w`.
        #[arg(long)]
        within: String,
        /// Customer book CSV: `customer_id,counterparty,country,amount,currency`
        /// and optional `activity` (`;`-separated codes), `us_person`,
        /// `eu_person`, `uk_person`, `goods_origin`, `jurisdictions`.
        #[arg(long, value_name = "CUSTOMERS.csv")]
        book: PathBuf,
        /// Planning date (`YYYY-MM-DD`); default today (UTC).
        #[arg(long)]
        date: Option<String>,
        #[command(flatten)]
        lists: ListArgs,
        #[command(flatten)]
        rules: RulesArgs,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: OutputFormat,
    },
}

fn parse_date(text: &str, what: &str) -> anyhow::Result<Date> {
    Date::parse(text).with_context(|| format!("{what}: {text:?} is not a date (YYYY-MM-DD)"))
}

/// Runs `tamga decide`.
pub fn run_decide(args: DecideArgs) -> anyhow::Result<ExitCode> {
    let name = args.file.display().to_string();
    let text = if name == "-" {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .context("reading the request from standard input")?;
        s
    } else {
        std::fs::read_to_string(&args.file).with_context(|| format!("reading {name}"))?
    };
    let mut request: DecisionRequest = serde_json::from_str(&text)
        .with_context(|| format!("{name}: not a valid decision request"))?;
    if let Some(d) = &args.date {
        request.date = parse_date(d, "--date")?;
    }
    let (screener, engine) = args.rules.load(&args.lists)?;
    let report = engine
        .decide(&screener, &request)
        .with_context(|| format!("{name}: cannot decide"))?;
    match args.format {
        OutputFormat::Json => println!("{}", serde_json::to_string_pretty(&report)?),
        OutputFormat::Text => print!("{}", report_text(&report)),
    }
    Ok(ExitCode::from(match report.overall {
        Outcome::Blocked => 3,
        Outcome::Review => 1,
        _ => 0,
    }))
}

fn outcome_name(o: Outcome) -> &'static str {
    match o {
        Outcome::NotApplicable => "not applicable",
        Outcome::Clear => "CLEAR",
        Outcome::Authorised => "AUTHORISED",
        Outcome::Review => "REVIEW",
        Outcome::Blocked => "BLOCKED",
    }
}

fn report_text(report: &DecisionReport) -> String {
    let mut out = format!(
        "Decision{} on {}: {}\n",
        report
            .id
            .as_deref()
            .map(|i| format!(" {i}"))
            .unwrap_or_default(),
        report.date,
        outcome_name(report.overall)
    );
    for r in &report.regimes {
        out.push_str(&format!("\n{:?}: {}\n", r.regime, outcome_name(r.outcome)).to_uppercase());
        for n in &r.nexus {
            out.push_str(&format!("  nexus: {n}\n"));
        }
        for reason in &r.reasons {
            // The detail already spells out the ownership path.
            out.push_str(&format!("  - {:?}: {}\n", reason.kind, reason.detail));
        }
        if let Some(l) = &r.licence {
            out.push_str(&format!(
                "  licence: {} {} ({}), clauses {}\n",
                l.id,
                l.title,
                match (l.expires, l.days_remaining) {
                    (Some(e), Some(d)) => format!("last day {e}, {d} days remaining"),
                    _ => "no expiry".to_string(),
                },
                l.clauses.join(", ")
            ));
            if !l.verified {
                out.push_str("    note: licence terms not verified against the published text\n");
            }
            for c in &l.conditions {
                out.push_str(&format!("    condition: {c}\n"));
            }
        }
        for why in &r.licences_rejected {
            out.push_str(&format!("  not applicable: {why}\n"));
        }
    }
    out
}

/// Runs a `licences` subcommand.
pub fn run_licences(cmd: LicencesCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        LicencesCommand::Expiring {
            within,
            book,
            date,
            lists,
            rules,
            format,
        } => {
            let days = parse_window(&within)
                .with_context(|| format!("--within {within:?}: expected e.g. 30d or 6w"))?;
            let date = match date {
                Some(d) => parse_date(&d, "--date")?,
                None => Date::today(),
            };
            let rows = read_book(&book)?;
            let (screener, engine) = rules.load(&lists)?;
            let plan = engine.plan_wind_down(&screener, &rows, date, days)?;
            match format {
                OutputFormat::Json => println!("{}", serde_json::to_string_pretty(&plan)?),
                OutputFormat::Text => print!("{}", plan_text(&plan)),
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn amounts(b: &tamga_rules::Bucket) -> String {
    b.amounts
        .iter()
        .map(|(c, a)| format!("{a:.2} {c}"))
        .collect::<Vec<_>>()
        .join(" + ")
}

fn plan_text(plan: &WindDownPlan) -> String {
    let mut out = format!(
        "Relationships depending on licences expiring within {} days of {}: {}\n",
        plan.within_days,
        plan.date,
        plan.dependencies.len()
    );
    for d in &plan.dependencies {
        out.push_str(&format!(
            "  line {} customer {} counterparty {} ({}) {:.2} {}: {:?} licence {} last day {} ({} days); after expiry: {}\n",
            d.line,
            d.customer_id,
            d.counterparty,
            d.country,
            d.amount,
            d.currency,
            d.regime,
            d.licence,
            d.expires,
            d.days_remaining,
            outcome_name(d.after_expiry)
        ));
    }
    out.push_str("\nExposure by decision:\n");
    for (o, b) in &plan.exposure.by_decision {
        out.push_str(&format!(
            "  {:<14} {:>4}  {}\n",
            outcome_name(*o),
            b.count,
            amounts(b)
        ));
    }
    out.push_str("\nExposure by regime:\n");
    for (r, m) in &plan.exposure.by_regime {
        for (o, b) in m {
            out.push_str(&format!(
                "  {:<4} {:<14} {:>4}  {}\n",
                format!("{r:?}"),
                outcome_name(*o),
                b.count,
                amounts(b)
            ));
        }
    }
    out.push_str("\nExposure by counterparty country:\n");
    for (c, m) in &plan.exposure.by_country {
        for (o, b) in m {
            out.push_str(&format!(
                "  {:<4} {:<14} {:>4}  {}\n",
                c,
                outcome_name(*o),
                b.count,
                amounts(b)
            ));
        }
    }
    out
}
