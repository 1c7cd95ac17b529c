//! `tamga screen` and `tamga compare`.
//!
//! Query files are streamed: rows are read in chunks, each chunk is screened
//! in parallel, and results are written in input order before the next chunk
//! is read, so memory does not grow with the number of queries.

use crate::common::ListArgs;
use anyhow::Context;
use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;
use std::fs::File;
use std::io::{BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tamga_model::EntityKind;
use tamga_scorer::TamgaScorer;
use tamga_screen::{
    Comparison, Match, Query, QueryError, QueryResult, ScreenOptions, Screener, DEFAULT_THRESHOLD,
};

const SCREEN_EXIT_CODES: &str = "\
Exit codes:
  0  every query was screened (whether or not anything matched)
  1  at least one query row was invalid; it is reported on stderr with its
     line and as an error record in the output, and every other row was
     still screened
  2  fatal: unreadable query file, missing `name` column, lists failed to load";

const COMPARE_EXIT_CODES: &str = "\
Exit codes:
  0  every pair was compared
  1  at least one pair row was invalid (reported on stderr and in the output)
  2  fatal: unreadable pairs file, missing columns, lists failed to load";

/// Rows screened per parallel chunk: large enough to keep both cores busy,
/// small enough that memory stays flat.
const CHUNK_ROWS: usize = 1024;

/// Output format of `tamga screen`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ScreenFormat {
    /// One JSON object per query: `{"id", "matches": [...]}`.
    Jsonl,
    /// One CSV row per match (a row with empty match columns when none).
    Csv,
    /// Aligned text for people.
    Table,
}

/// Output format of `tamga compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    /// Readable text.
    Text,
    /// JSON (one object per pair; JSON Lines with `--pairs`).
    Json,
}

/// Arguments of `tamga screen`.
#[derive(Args)]
#[command(after_help = SCREEN_EXIT_CODES)]
pub struct ScreenArgs {
    #[command(flatten)]
    lists: ListArgs,
    /// CSV file of queries with a header: `name` (required) and optional
    /// `id`, `kind`, `birth_date`, `country`, `identifier`; other columns are
    /// ignored. `-` reads standard input.
    #[arg(
        value_name = "QUERIES.csv",
        required_unless_present = "name",
        conflicts_with = "name"
    )]
    queries: Option<PathBuf>,
    /// Name to screen.
    #[arg(long)]
    name: Option<String>,
    /// Kind of party: person, organization, vessel, aircraft.
    #[arg(long, requires = "name")]
    kind: Option<String>,
    /// Birth or incorporation date: YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long = "birth-date", requires = "name")]
    birth_date: Option<String>,
    /// Country of nationality, residence or registration (name or ISO code).
    #[arg(long, requires = "name")]
    country: Option<String>,
    /// Identifier number (passport, tax id, IMO, …).
    #[arg(long, requires = "name")]
    identifier: Option<String>,
    /// Lowest score reported; 0 reports the best `--limit` candidates.
    #[arg(long, default_value_t = DEFAULT_THRESHOLD)]
    threshold: f64,
    /// Most matches reported per query.
    #[arg(long, default_value_t = 10)]
    limit: usize,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    format: ScreenFormat,
}

/// Arguments of `tamga compare`.
#[derive(Args)]
#[command(after_help = COMPARE_EXIT_CODES)]
pub struct CompareArgs {
    #[command(flatten)]
    lists: ListArgs,
    /// First name.
    #[arg(required_unless_present = "pairs")]
    name1: Option<String>,
    /// Second name.
    #[arg(required_unless_present = "pairs")]
    name2: Option<String>,
    /// Kind of party both names belong to.
    #[arg(long)]
    kind: Option<String>,
    /// CSV of pairs with a header `name1,name2[,kind]` (other columns
    /// ignored); writes JSON Lines in input order. `-` reads standard input.
    #[arg(long, value_name = "PAIRS.csv", conflicts_with_all = ["name1", "name2"])]
    pairs: Option<PathBuf>,
    /// Output format for a single pair.
    #[arg(long, value_enum, default_value = "text")]
    format: CompareFormat,
    /// Do not load lists: every token weighs the same instead of by its
    /// rarity among listed names (faster; scores differ from screening).
    #[arg(long)]
    no_stats: bool,
}

/// An output record for a query that could not be screened.
#[derive(Serialize)]
struct ErrorRecord<'a> {
    id: &'a str,
    error: &'a str,
    matches: [Match; 0],
}

/// Which columns of a query file hold what.
struct Columns {
    name: usize,
    id: Option<usize>,
    kind: Option<usize>,
    birth_date: Option<usize>,
    country: Option<usize>,
    identifier: Option<usize>,
}

/// A read row: a query ready to screen, or why it cannot be.
enum Row {
    Query {
        line: u64,
        query: Query,
    },
    Bad {
        line: u64,
        id: String,
        error: String,
    },
}

fn find_column(headers: &csv::ByteRecord, wanted: &str) -> Option<usize> {
    headers.iter().position(|h| {
        String::from_utf8_lossy(h)
            .trim()
            .trim_start_matches('\u{feff}')
            .eq_ignore_ascii_case(wanted)
    })
}

fn open_input(path: &Path) -> anyhow::Result<Box<dyn Read>> {
    if path.as_os_str() == "-" {
        return Ok(Box::new(std::io::stdin()));
    }
    let file = File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    Ok(Box::new(file))
}

fn progress_bar(path: &Path) -> ProgressBar {
    let len = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if !std::io::stderr().is_terminal() || len == 0 {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::default_bar()
        .template("{spinner} [{elapsed_precise}] {bar:40} {bytes}/{total_bytes} {msg}")
    {
        bar.set_style(style);
    }
    bar
}

/// Reads one field as UTF-8; `Ok(None)` when the column is absent or empty.
fn field(
    record: &csv::ByteRecord,
    column: Option<usize>,
    what: &str,
) -> Result<Option<String>, String> {
    let Some(bytes) = column.and_then(|c| record.get(c)) else {
        return Ok(None);
    };
    let text = std::str::from_utf8(bytes).map_err(|e| {
        format!(
            "field `{what}` is not valid UTF-8 (byte {})",
            e.valid_up_to()
        )
    })?;
    let text = text.trim();
    Ok((!text.is_empty()).then(|| text.to_string()))
}

fn parse_kind(text: Option<&str>) -> Result<Option<EntityKind>, String> {
    match text {
        None => Ok(None),
        Some(t) => EntityKind::parse(t).map(Some).ok_or_else(|| {
            format!("field `kind`: `{t}` is not person, organization, vessel, aircraft or unknown")
        }),
    }
}

fn read_row(record: &csv::ByteRecord, columns: &Columns, row_number: u64, line: u64) -> Row {
    let fallback_id = row_number.to_string();
    let id = match field(record, columns.id, "id") {
        Ok(id) => id,
        Err(error) => {
            return Row::Bad {
                line,
                id: fallback_id,
                error,
            }
        }
    };
    let id_text = id.clone().unwrap_or_else(|| fallback_id.clone());
    let build = || -> Result<Query, String> {
        if record.get(columns.name).is_none() {
            return Err(format!(
                "row has {} fields; the `name` column is field {}",
                record.len(),
                columns.name + 1
            ));
        }
        // The name is not trimmed away when empty here: `validate` reports it.
        let name = field(record, Some(columns.name), "name")?.unwrap_or_default();
        let kind = parse_kind(field(record, columns.kind, "kind")?.as_deref())?;
        let query = Query {
            id: Some(id_text.clone()),
            name,
            kind,
            birth_date: field(record, columns.birth_date, "birth_date")?,
            country: field(record, columns.country, "country")?,
            identifier: field(record, columns.identifier, "identifier")?,
        };
        tamga_screen::validate(&query).map_err(|e| e.to_string())?;
        Ok(query)
    };
    match build() {
        Ok(query) => Row::Query { line, query },
        Err(error) => Row::Bad {
            line,
            id: id_text,
            error,
        },
    }
}

/// Writes results in the chosen format.
struct Output<W: Write> {
    out: W,
    format: ScreenFormat,
    wrote_header: bool,
}

impl<W: Write> Output<W> {
    fn result(&mut self, id: &str, matches: Vec<Match>) -> anyhow::Result<()> {
        match self.format {
            ScreenFormat::Jsonl => {
                let result = QueryResult {
                    id: id.to_string(),
                    matches,
                };
                serde_json::to_writer(&mut self.out, &result)?;
                writeln!(self.out)?;
            }
            ScreenFormat::Csv => {
                let mut w = self.csv_rows()?;
                if matches.is_empty() {
                    w.write_record([id, "", "", "", "", "", "", "", "", ""])?;
                }
                for (rank, m) in matches.iter().enumerate() {
                    w.write_record([
                        id,
                        &(rank + 1).to_string(),
                        &m.entity_id,
                        m.source.as_str(),
                        &m.source_id,
                        &m.name,
                        &m.matched_name,
                        m.kind.as_str(),
                        &format!("{:.4}", m.score),
                        "",
                    ])?;
                }
                w.flush()?;
            }
            ScreenFormat::Table => {
                writeln!(self.out, "query {id}: {} match(es)", matches.len())?;
                for m in &matches {
                    writeln!(
                        self.out,
                        "  {:.4}  {:<28} {:<12} {}{}",
                        m.score,
                        m.entity_id,
                        m.kind.as_str(),
                        m.name,
                        if m.matched_name != m.name {
                            format!("  (as \"{}\")", m.matched_name)
                        } else {
                            String::new()
                        }
                    )?;
                    for a in &m.explanation.adjustments {
                        writeln!(
                            self.out,
                            "          {:+.2} {}: {}",
                            a.delta, a.evidence, a.reason
                        )?;
                    }
                }
            }
        }
        Ok(())
    }

    fn error(&mut self, id: &str, error: &str) -> anyhow::Result<()> {
        match self.format {
            ScreenFormat::Jsonl => {
                serde_json::to_writer(
                    &mut self.out,
                    &ErrorRecord {
                        id,
                        error,
                        matches: [],
                    },
                )?;
                writeln!(self.out)?;
            }
            ScreenFormat::Csv => {
                let mut w = self.csv_rows()?;
                w.write_record([id, "", "", "", "", "", "", "", "", error])?;
                w.flush()?;
            }
            ScreenFormat::Table => writeln!(self.out, "query {id}: error: {error}")?,
        }
        Ok(())
    }

    /// A CSV writer for the next rows; writes the header before the first.
    fn csv_rows(&mut self) -> anyhow::Result<csv::Writer<&mut W>> {
        if !self.wrote_header {
            self.wrote_header = true;
            writeln!(
                self.out,
                "query_id,rank,entity_id,source,source_id,name,matched_name,kind,score,error"
            )?;
        }
        Ok(csv::WriterBuilder::new()
            .has_headers(false)
            .from_writer(&mut self.out))
    }
}

/// Runs `tamga screen`.
pub fn run_screen(args: ScreenArgs) -> anyhow::Result<ExitCode> {
    if !(0.0..=1.0).contains(&args.threshold) {
        anyhow::bail!("--threshold must be between 0 and 1");
    }
    let options = ScreenOptions {
        threshold: args.threshold,
        limit: args.limit,
    };
    // Read the query file's header before loading lists, so a wrong file
    // fails fast.
    let reader = match &args.queries {
        Some(path) => Some((path.clone(), open_input(path)?)),
        None => None,
    };
    let lists = args.lists.load()?;
    let screener = Screener::new(lists, TamgaScorer);
    let stdout = std::io::stdout();
    let mut output = Output {
        out: BufWriter::new(stdout.lock()),
        format: args.format,
        wrote_header: false,
    };
    let failed = match reader {
        None => {
            let kind = match parse_kind(args.kind.as_deref()) {
                Ok(kind) => kind,
                Err(e) => anyhow::bail!("--kind: {e}"),
            };
            let query = Query {
                id: Some("1".to_string()),
                name: args.name.unwrap_or_default(),
                kind,
                birth_date: args.birth_date,
                country: args.country,
                identifier: args.identifier,
            };
            match screener.screen(&query, &options) {
                Ok(matches) => {
                    output.result("1", matches)?;
                    false
                }
                Err(e) => {
                    eprintln!("tamga: query: {e}");
                    output.error("1", &e.to_string())?;
                    true
                }
            }
        }
        Some((path, input)) => screen_file(&screener, &path, input, &options, &mut output)?,
    };
    output.out.flush()?;
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Streams a query file; returns whether any row failed.
fn screen_file<W: Write>(
    screener: &Screener<TamgaScorer>,
    path: &Path,
    input: Box<dyn Read>,
    options: &ScreenOptions,
    output: &mut Output<W>,
) -> anyhow::Result<bool> {
    let shown = path.display();
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(input);
    let headers = reader
        .byte_headers()
        .with_context(|| format!("{shown}: cannot read the header line"))?
        .clone();
    let Some(name) = find_column(&headers, "name") else {
        anyhow::bail!("{shown}:1: the header has no `name` column");
    };
    let columns = Columns {
        name,
        id: find_column(&headers, "id"),
        kind: find_column(&headers, "kind"),
        birth_date: find_column(&headers, "birth_date"),
        country: find_column(&headers, "country"),
        identifier: find_column(&headers, "identifier"),
    };
    let bar = progress_bar(path);
    let mut failed = false;
    let mut row_number = 0u64;
    let mut record = csv::ByteRecord::new();
    loop {
        let mut rows = Vec::with_capacity(CHUNK_ROWS);
        while rows.len() < CHUNK_ROWS {
            match reader.read_byte_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {
                    row_number += 1;
                    let line = record
                        .position()
                        .map(|p| p.line())
                        .unwrap_or(row_number + 1);
                    rows.push(read_row(&record, &columns, row_number, line));
                }
                Err(e) if e.is_io_error() => {
                    return Err(e).with_context(|| format!("{shown}: read failed"));
                }
                Err(e) => {
                    row_number += 1;
                    let line = e.position().map(|p| p.line()).unwrap_or(row_number + 1);
                    rows.push(Row::Bad {
                        line,
                        id: row_number.to_string(),
                        error: format!("malformed CSV: {e}"),
                    });
                }
            }
        }
        if rows.is_empty() {
            break;
        }
        let queries: Vec<Query> = rows
            .iter()
            .filter_map(|r| match r {
                Row::Query { query, .. } => Some(query.clone()),
                Row::Bad { .. } => None,
            })
            .collect();
        let mut results = screener.screen_batch(&queries, options).into_iter();
        for row in rows {
            match row {
                Row::Query { line, query } => {
                    let id = query.id.clone().unwrap_or_default();
                    match results.next() {
                        Some(Ok(matches)) => output.result(&id, matches)?,
                        Some(Err(e)) => {
                            failed = true;
                            report(&shown, line, &id, &e);
                            output.error(&id, &e.to_string())?;
                        }
                        None => anyhow::bail!("internal error: batch returned too few results"),
                    }
                }
                Row::Bad { line, id, error } => {
                    failed = true;
                    eprintln!("tamga: {shown}:{line}: query {id}: {error}");
                    output.error(&id, &error)?;
                }
            }
        }
        bar.set_position(reader.position().byte());
    }
    bar.finish_and_clear();
    Ok(failed)
}

fn report(file: &std::path::Display<'_>, line: u64, id: &str, error: &QueryError) {
    eprintln!("tamga: {file}:{line}: query {id}: {error}");
}

/// Runs `tamga compare`.
pub fn run_compare(args: CompareArgs) -> anyhow::Result<ExitCode> {
    let kind = parse_kind(args.kind.as_deref()).map_err(|e| anyhow::anyhow!("--kind: {e}"))?;
    let input = match &args.pairs {
        Some(path) => Some((path.clone(), open_input(path)?)),
        None => None,
    };
    let lists = if args.no_stats {
        Vec::new()
    } else {
        args.lists.load()?
    };
    let screener = Screener::new(lists, TamgaScorer);
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let failed = match input {
        None => {
            let (Some(a), Some(b)) = (args.name1, args.name2) else {
                anyhow::bail!("give two names, or --pairs PAIRS.csv");
            };
            let c = screener.compare(&a, &b, kind);
            match args.format {
                CompareFormat::Json => {
                    serde_json::to_writer_pretty(&mut out, &c)?;
                    writeln!(out)?;
                }
                CompareFormat::Text => write_comparison(&mut out, &c)?,
            }
            false
        }
        Some((path, input)) => compare_file(&screener, &path, input, kind, &mut out)?,
    };
    out.flush()?;
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn write_comparison(out: &mut impl Write, c: &Comparison) -> anyhow::Result<()> {
    let e = &c.explanation;
    writeln!(
        out,
        "score {:.4}  (coverage {:.4}, distinctiveness {:.4})",
        c.score, e.coverage, e.distinctiveness
    )?;
    writeln!(out, "  {:?}  vs  {:?}", c.name1, c.name2)?;
    for t in &e.tokens {
        let path = serde_json::to_value(&t.path)?;
        let detail = path
            .as_object()
            .map(|o| {
                o.iter()
                    .filter(|(k, _)| k.as_str() != "path")
                    .map(|(k, v)| format!("{k}={v}"))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .unwrap_or_default();
        let name = path.get("path").and_then(|p| p.as_str()).unwrap_or("?");
        writeln!(
            out,
            "  {:<20} ~ {:<20} {:<16} similarity {:.2}  weight {:.3} {}",
            t.query, t.list, name, t.similarity, t.weight, detail
        )?;
    }
    if !e.unmatched_query.is_empty() {
        writeln!(
            out,
            "  unmatched in first:  {}",
            e.unmatched_query.join(" ")
        )?;
    }
    if !e.unmatched_list.is_empty() {
        writeln!(out, "  unmatched in second: {}", e.unmatched_list.join(" "))?;
    }
    for c in &e.contradictions {
        writeln!(
            out,
            "  contradicted {}: {} vs {} (another person's)",
            c.part, c.query, c.list
        )?;
    }
    for n in &e.notes {
        writeln!(out, "  note: {n}")?;
    }
    Ok(())
}

#[derive(Serialize)]
struct PairError<'a> {
    line: u64,
    error: &'a str,
}

/// Streams a pairs file as JSON Lines; returns whether any row failed.
fn compare_file(
    screener: &Screener<TamgaScorer>,
    path: &Path,
    input: Box<dyn Read>,
    kind: Option<EntityKind>,
    out: &mut impl Write,
) -> anyhow::Result<bool> {
    let shown = path.display();
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(input);
    let headers = reader
        .byte_headers()
        .with_context(|| format!("{shown}: cannot read the header line"))?
        .clone();
    let (Some(c1), Some(c2)) = (
        find_column(&headers, "name1"),
        find_column(&headers, "name2"),
    ) else {
        anyhow::bail!("{shown}:1: the header needs `name1` and `name2` columns");
    };
    let ck = find_column(&headers, "kind");
    let mut failed = false;
    let mut record = csv::ByteRecord::new();
    loop {
        let line;
        let row = match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                line = record.position().map(|p| p.line()).unwrap_or(0);
                (|| -> Result<Comparison, String> {
                    let a = field(&record, Some(c1), "name1")?.unwrap_or_default();
                    let b = field(&record, Some(c2), "name2")?.unwrap_or_default();
                    for (what, n) in [("name1", &a), ("name2", &b)] {
                        let q = Query {
                            name: n.clone(),
                            ..Query::default()
                        };
                        tamga_screen::validate(&q).map_err(|e| format!("field `{what}`: {e}"))?;
                    }
                    let row_kind = match parse_kind(field(&record, ck, "kind")?.as_deref())? {
                        Some(k) => Some(k),
                        None => kind,
                    };
                    Ok(screener.compare(&a, &b, row_kind))
                })()
            }
            Err(e) if e.is_io_error() => {
                return Err(e).with_context(|| format!("{shown}: read failed"));
            }
            Err(e) => {
                line = e.position().map(|p| p.line()).unwrap_or(0);
                Err(format!("malformed CSV: {e}"))
            }
        };
        match row {
            Ok(c) => serde_json::to_writer(&mut *out, &c)?,
            Err(error) => {
                failed = true;
                eprintln!("tamga: {shown}:{line}: {error}");
                serde_json::to_writer(
                    &mut *out,
                    &PairError {
                        line,
                        error: &error,
                    },
                )?;
            }
        }
        writeln!(out)?;
    }
    Ok(failed)
}
