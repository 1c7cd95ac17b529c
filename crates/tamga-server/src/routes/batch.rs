//! `POST /screen`: native batch screening, streamed in and NDJSON out.
//!
//! NDJSON and CSV bodies are read incrementally, frame by frame: complete
//! lines (NDJSON) or complete records (CSV, whose quoted fields may hold
//! newlines) are parsed as they arrive and handed, in chunks of up to
//! [`CHUNK`] records, to one screening thread on the blocking pool, which
//! writes each record's result line as soon as it is computed, in input
//! order. The first results can therefore be read while the client is still
//! sending the rest. A JSON array (`application/json`) is still read whole,
//! up to `limits.max_batch_body_bytes`, and parsed before anything is
//! screened.
//!
//! A single bad *record* (not JSON, not UTF-8, no name, a name too long, an
//! unknown kind, a short CSV row) becomes an error line naming its record and
//! line; the rest are screened. A final line without a newline is still a
//! record.
//!
//! Whole-body problems are a 4xx JSON error, with nothing screened, as long
//! as they are known before the response head is sent: a bad Content-Type,
//! a CSV header without `name`, no records, a declared `Content-Length` over
//! the cap, and — when they are already in the first frames read — more
//! than `limits.max_batch_records` records or more than
//! `limits.max_batch_body_bytes` bytes. The head is sent once at least one
//! record is parsed and no more input is immediately available (or a full
//! chunk is ready, or the body ended). A limit crossed *after* that — the
//! record cap, the byte cap (a streaming byte counter), a read error, or no
//! body data for `limits.request_timeout_ms` — cannot change the status any
//! more: the records before it are screened, then one final line in the
//! shape of an error response, `{"status": 413, "error": "batch_too_large",
//! "detail": "…"}` (no `id`, no `record`), is written and the stream ends.
//!
//! Memory: raw body bytes are dropped once parsed; only one incomplete line
//! or record is buffered. The reader never waits for the screening, so a
//! client that sends its whole body before reading the answer cannot
//! deadlock the exchange; the parsed records waiting to be screened are
//! therefore bounded by `limits.max_batch_records` (the reader stops there),
//! not by a fixed window. A body that sends nothing for
//! `limits.request_timeout_ms` after the head ends the batch with a final
//! `{"status": 408, "error": "body_timeout", …}` line.

use super::{check_content_length, read_body, ready_snapshot};
use crate::error::ApiError;
use crate::state::{AppState, Snapshot};
use axum::body::{Body, BodyDataStream, Bytes};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::pin::Pin;
use std::sync::Arc;
use std::task::Poll;
use std::time::Duration;
use tamga_model::EntityKind;
use tamga_screen::{QueryError, QueryResult, ScreenOptions};
use tokio::sync::mpsc::UnboundedSender;
use tokio_stream::{Stream, StreamExt};
use utoipa::IntoParams;

/// Query parameters of `POST /screen`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct BatchParams {
    /// Matches per record (default 10).
    pub limit: Option<usize>,
    /// Lowest score returned (default 0.7).
    pub threshold: Option<f64>,
}

/// The line written for a record that could not be screened.
#[derive(Debug, Serialize)]
pub struct ErrorRecord {
    /// The record's id (its 1-based record number when it gave none).
    pub id: String,
    /// 1-based record number.
    pub record: usize,
    /// 1-based line in the body (NDJSON and CSV).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// Machine-readable code.
    pub code: &'static str,
    /// What is wrong.
    pub error: String,
    /// Always empty; present so that readers of `tamga screen` output, whose
    /// error records carry `matches: []`, read these lines the same way.
    pub matches: [u8; 0],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    JsonArray,
    Ndjson,
    Csv,
}

/// One parsed record: a query, or why it is not one.
struct Record {
    number: usize,
    line: Option<u64>,
    query: Result<tamga_screen::Query, (&'static str, String)>,
}

/// Records handed to the screening thread at once.
pub const CHUNK: usize = 256;

/// What the body reader hands to the screening thread, in order.
enum Step {
    /// Parsed records, to be screened in order.
    Records(Vec<Record>),
    /// The batch stops here: written as a final error line.
    Fatal(ApiError),
}

/// The final line written when a limit is crossed after the head was sent.
#[derive(Serialize)]
struct FatalLine<'a> {
    status: u16,
    error: &'a str,
    detail: &'a str,
}

/// Batch screening.
#[utoipa::path(
    post,
    path = "/screen",
    params(BatchParams),
    request_body(
        description = "A JSON array of queries (`application/json`, read whole), one query per line \
                       (`application/x-ndjson`, streamed), or CSV with a header naming at least a \
                       `name` column (`text/csv`, streamed). Query fields: name, id, kind, \
                       birth_date, country, identifier.",
        content_type = "application/x-ndjson"
    ),
    responses(
        (status = 200, description = "One JSON line per record, in order, written as soon as it is \
                                      screened (possibly before the whole body is received): a \
                                      `QueryResult` {id, matches} or an error record {id, record, \
                                      line, code, error}. A limit crossed after the first lines were \
                                      sent ends the stream with one line {status, error, detail}.",
         content_type = "application/x-ndjson"),
        (status = 400, description = "Body is not valid JSON / CSV, or has no records"),
        (status = 413, description = "Body or batch too large (when known before streaming starts)"),
        (status = 415, description = "Unsupported Content-Type"),
        (status = 503, description = "Lists not loaded, or all batch slots busy (see Retry-After)"),
    ),
    security(("api_key" = []))
)]
pub async fn screen(
    State(state): State<Arc<AppState>>,
    params: Result<Query<BatchParams>, QueryRejection>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let Query(params) = params.map_err(|e| ApiError::bad_request(e.body_text()))?;
    let (limit, threshold) =
        super::search::limit_and_threshold(&state, params.limit, params.threshold, 10)?;
    let format = content_format(&headers)?;
    let max_bytes = state.config.limits.max_batch_body_bytes;
    check_content_length(&headers, max_bytes)?;
    let max_records = state.config.limits.max_batch_records;
    let (first, rest) = match format {
        Format::JsonArray => {
            let bytes = read_body(body, max_bytes).await?;
            (parse_json_array(&bytes, max_records)?, None)
        }
        Format::Ndjson | Format::Csv => {
            let parser = if format == Format::Csv {
                Parser::Csv(CsvParser::default())
            } else {
                Parser::Ndjson(NdjsonParser::default())
            };
            let mut input = Input {
                stream: body.into_data_stream(),
                parser,
                pending: Vec::new(),
                received: 0,
                max_bytes,
                max_records,
                done: false,
            };
            input.fill_first().await?;
            let first = std::mem::take(&mut input.pending);
            (first, (!input.done).then_some(input))
        }
    };
    if first.is_empty() {
        return Err(ApiError::bad_request("the batch holds no records"));
    }
    let snapshot = ready_snapshot(&state)?;
    let permit = Arc::clone(&state.batch_slots)
        .try_acquire_owned()
        .map_err(|_| {
            state
                .metrics
                .rejected
                .with_label_values(&["batch_slots"])
                .inc();
            ApiError::unavailable(
                "overloaded",
                format!(
                    "{} batches are already being screened; retry shortly",
                    state.config.limits.max_concurrent_batches
                ),
                2,
            )
        })?;
    // Known only when the whole body was read before the head.
    let count = rest.is_none().then_some(first.len());
    // Unbounded, but the reader stops at `max_batch_records` records: it
    // must never wait for the screening, or a client that sends its whole
    // body before reading the answer would deadlock with us.
    let (steps, mut steps_rx) = tokio::sync::mpsc::unbounded_channel::<Step>();
    let _ = steps.send(Step::Records(first));
    match rest {
        Some(input) => {
            tokio::spawn(input.read_rest(steps, state.config.request_timeout()));
        }
        None => drop(steps),
    }
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Bytes, std::io::Error>>(64);
    let metrics_state = Arc::clone(&state);
    tokio::task::spawn_blocking(move || {
        // The permit lives as long as the screening does, not just until the
        // response head is sent.
        let _permit = permit;
        let options = ScreenOptions { threshold, limit };
        let mut matched = 0u64;
        'steps: while let Some(step) = steps_rx.blocking_recv() {
            match step {
                Step::Records(records) => {
                    for record in records {
                        let Some(line) = screen_record(&snapshot, &options, record, &mut matched)
                        else {
                            continue;
                        };
                        // The client went away: stop screening (dropping
                        // `steps_rx` stops the reader too).
                        if tx.blocking_send(Ok(line)).is_err() {
                            break 'steps;
                        }
                    }
                }
                Step::Fatal(err) => {
                    let line = serde_json::to_vec(&FatalLine {
                        status: err.status.as_u16(),
                        error: err.code,
                        detail: &err.detail,
                    });
                    if let Ok(mut line) = line {
                        line.push(b'\n');
                        let _ = tx.blocking_send(Ok(Bytes::from(line)));
                    }
                    break;
                }
            }
        }
        metrics_state
            .metrics
            .matches
            .with_label_values(&["/screen"])
            .inc_by(matched);
    });
    let stream = tokio_stream::wrappers::ReceiverStream::new(rx);
    let mut response = (StatusCode::OK, Body::from_stream(stream)).into_response();
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/x-ndjson"),
    );
    if let Some(count) = count {
        h.insert("x-batch-size", HeaderValue::from(count));
    }
    Ok(response)
}

/// Screens one record into its NDJSON line (newline included).
fn screen_record(
    snapshot: &Snapshot,
    options: &ScreenOptions,
    record: Record,
    matched: &mut u64,
) -> Option<Bytes> {
    let line = match record.query {
        Ok(query) => {
            let id = query
                .id
                .clone()
                .unwrap_or_else(|| record.number.to_string());
            match snapshot.screener.screen(&query, options) {
                Ok(matches) => {
                    *matched += matches.len() as u64;
                    serde_json::to_vec(&QueryResult { id, matches })
                }
                Err(e) => serde_json::to_vec(&ErrorRecord {
                    id,
                    record: record.number,
                    line: record.line,
                    code: query_error_code(&e),
                    error: e.to_string(),
                    matches: [],
                }),
            }
        }
        Err((code, error)) => serde_json::to_vec(&ErrorRecord {
            id: record.number.to_string(),
            record: record.number,
            line: record.line,
            code,
            error,
            matches: [],
        }),
    };
    let mut line = line.ok()?;
    line.push(b'\n');
    Some(Bytes::from(line))
}

/// One frame of the body, `None` at its end.
type Frame = Option<Result<Bytes, axum::Error>>;

/// The streamed body being parsed.
struct Input {
    stream: BodyDataStream,
    parser: Parser,
    /// Parsed records not yet handed to the screening thread.
    pending: Vec<Record>,
    /// Body bytes received so far.
    received: usize,
    max_bytes: usize,
    max_records: usize,
    /// The body ended, or a limit was crossed: read no further.
    done: bool,
}

impl Input {
    /// The next frame if one is available right now, without waiting.
    async fn frame_now(&mut self) -> Option<Frame> {
        let stream = &mut self.stream;
        std::future::poll_fn(|cx| match Pin::new(&mut *stream).poll_next(cx) {
            Poll::Ready(frame) => Poll::Ready(Some(frame)),
            Poll::Pending => Poll::Ready(None),
        })
        .await
    }

    /// Parses one frame into `pending`. An error ends the input; records
    /// before it stay in `pending`, records past `max_records` do not.
    fn accept(&mut self, frame: Frame) -> Result<(), ApiError> {
        let result = match frame {
            None => {
                self.done = true;
                self.parser.finish(&mut self.pending)
            }
            Some(Err(e)) => Err(ApiError::bad_request(format!(
                "could not read the request body: {e}"
            ))),
            Some(Ok(bytes)) => {
                self.received = self.received.saturating_add(bytes.len());
                if self.received > self.max_bytes {
                    Err(ApiError::too_large(
                        "body_too_large",
                        format!(
                            "the request body exceeds the limit of {} bytes",
                            self.max_bytes
                        ),
                    ))
                } else {
                    self.parser.feed(&bytes, &mut self.pending)
                }
            }
        };
        if result.is_ok() && self.parser.count() > self.max_records {
            let max = self.max_records;
            self.pending.retain(|r| r.number <= max);
            self.done = true;
            return Err(too_many(max));
        }
        if result.is_err() {
            self.done = true;
        }
        result
    }

    /// Before the response head: reads until at least one record is parsed
    /// and no more input is available right now, a full chunk is parsed, or
    /// the body ended. An error here is the response (4xx).
    async fn fill_first(&mut self) -> Result<(), ApiError> {
        while !self.done && self.pending.len() < CHUNK {
            let frame = if self.pending.is_empty() {
                self.stream.next().await
            } else {
                match self.frame_now().await {
                    Some(frame) => frame,
                    None => break,
                }
            };
            self.accept(frame)?;
        }
        Ok(())
    }

    /// After the head: reads the rest of the body, handing records over in
    /// chunks as they are parsed; an error becomes the final step.
    async fn read_rest(mut self, steps: UnboundedSender<Step>, idle: Duration) {
        loop {
            let frame = match self.frame_now().await {
                Some(frame) => frame,
                None => {
                    // Nothing more right now: screen what is ready while
                    // waiting for the client.
                    if !self.pending.is_empty()
                        && steps
                            .send(Step::Records(std::mem::take(&mut self.pending)))
                            .is_err()
                    {
                        return;
                    }
                    match tokio::time::timeout(idle, self.stream.next()).await {
                        Ok(frame) => frame,
                        Err(_) => {
                            let _ = steps.send(Step::Fatal(ApiError::new(
                                StatusCode::REQUEST_TIMEOUT,
                                "body_timeout",
                                format!(
                                    "no request body data for {} ms; the batch stops here",
                                    idle.as_millis()
                                ),
                            )));
                            return;
                        }
                    }
                }
            };
            let result = self.accept(frame);
            if (self.done || self.pending.len() >= CHUNK)
                && !self.pending.is_empty()
                && steps
                    .send(Step::Records(std::mem::take(&mut self.pending)))
                    .is_err()
            {
                return;
            }
            if let Err(err) = result {
                let _ = steps.send(Step::Fatal(err));
                return;
            }
            if self.done {
                return;
            }
        }
    }
}

/// An incremental body parser.
enum Parser {
    Ndjson(NdjsonParser),
    Csv(CsvParser),
}

impl Parser {
    /// Parses the complete lines / records of `bytes` (after what was fed
    /// before) into `out`; keeps an incomplete tail for the next frame.
    fn feed(&mut self, bytes: &[u8], out: &mut Vec<Record>) -> Result<(), ApiError> {
        match self {
            Parser::Ndjson(p) => {
                p.feed(bytes, out);
                Ok(())
            }
            Parser::Csv(p) => p.feed(bytes, out),
        }
    }

    /// The body ended: the incomplete tail is the last record.
    fn finish(&mut self, out: &mut Vec<Record>) -> Result<(), ApiError> {
        match self {
            Parser::Ndjson(p) => {
                p.finish(out);
                Ok(())
            }
            Parser::Csv(p) => p.finish(out),
        }
    }

    /// Records parsed so far.
    fn count(&self) -> usize {
        match self {
            Parser::Ndjson(p) => p.records,
            Parser::Csv(p) => p.records,
        }
    }
}

fn query_error_code(e: &QueryError) -> &'static str {
    match e {
        QueryError::EmptyName => "empty_name",
        QueryError::NameTooLong { .. } => "name_too_long",
        QueryError::InvalidField { .. } => "invalid_field",
    }
}

fn content_format(headers: &HeaderMap) -> Result<Format, ApiError> {
    let ct = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match ct.as_str() {
        "application/json" => Ok(Format::JsonArray),
        "application/x-ndjson"
        | "application/ndjson"
        | "application/jsonl"
        | "application/x-jsonlines"
        | "application/jsonlines" => Ok(Format::Ndjson),
        "text/csv" | "application/csv" => Ok(Format::Csv),
        "" => Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "Content-Type is required: application/json (array), application/x-ndjson or text/csv",
        )),
        other => Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            format!(
                "Content-Type `{other}` is not supported: use application/json (array), \
                 application/x-ndjson or text/csv"
            ),
        )),
    }
}

fn too_many(max: usize) -> ApiError {
    ApiError::too_large(
        "batch_too_large",
        format!("the batch holds more than {max} records"),
    )
}

/// A JSON value as a query: an object with the `tamga screen` fields, or a
/// bare string taken as the name.
fn json_query(value: Value) -> Result<tamga_screen::Query, (&'static str, String)> {
    match value {
        Value::String(name) => Ok(tamga_screen::Query {
            name,
            ..Default::default()
        }),
        Value::Object(_) => {
            serde_json::from_value(value).map_err(|e| ("invalid_record", e.to_string()))
        }
        _ => Err((
            "invalid_record",
            "expected an object with a `name` field, or a string".to_string(),
        )),
    }
}

fn parse_json_array(bytes: &[u8], max: usize) -> Result<Vec<Record>, ApiError> {
    let values: Vec<Value> = serde_json::from_slice(bytes)
        .map_err(|e| ApiError::bad_request(format!("the body is not a valid JSON array: {e}")))?;
    if values.len() > max {
        return Err(too_many(max));
    }
    Ok(values
        .into_iter()
        .enumerate()
        .map(|(i, v)| Record {
            number: i + 1,
            line: None,
            query: json_query(v),
        })
        .collect())
}

/// NDJSON, line by line. Lines are numbered from 1 over the whole body,
/// blank lines included; blank lines are not records.
#[derive(Default)]
struct NdjsonParser {
    /// The incomplete last line.
    partial: Vec<u8>,
    /// Lines seen.
    lines: u64,
    /// Records seen.
    records: usize,
}

impl NdjsonParser {
    fn feed(&mut self, bytes: &[u8], out: &mut Vec<Record>) {
        let mut rest = bytes;
        while let Some(i) = rest.iter().position(|&b| b == b'\n') {
            if self.partial.is_empty() {
                self.take_line(&rest[..i], out);
            } else {
                self.partial.extend_from_slice(&rest[..i]);
                let whole = std::mem::take(&mut self.partial);
                self.take_line(&whole, out);
            }
            rest = &rest[i + 1..];
        }
        self.partial.extend_from_slice(rest);
    }

    fn finish(&mut self, out: &mut Vec<Record>) {
        if !self.partial.is_empty() {
            let whole = std::mem::take(&mut self.partial);
            self.take_line(&whole, out);
        }
    }

    fn take_line(&mut self, bytes: &[u8], out: &mut Vec<Record>) {
        self.lines += 1;
        let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
        let query = match std::str::from_utf8(bytes) {
            Err(e) => Err((
                "invalid_utf8",
                format!("the line is not UTF-8 (byte {})", e.valid_up_to() + 1),
            )),
            Ok(text) if text.trim().is_empty() => return,
            Ok(text) => serde_json::from_str::<Value>(text)
                .map_err(|e| ("invalid_json", format!("not valid JSON: {e}")))
                .and_then(json_query),
        };
        self.records += 1;
        out.push(Record {
            number: self.records,
            line: Some(self.lines),
            query,
        });
    }
}

/// Where the CSV record splitter is (the `csv` crate's default dialect:
/// `,` delimiter, `"` quotes doubled inside quoted fields, and `\n`, `\r`
/// or `\r\n` ending a record outside quotes).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum CsvState {
    #[default]
    StartField,
    InField,
    InQuoted,
    QuoteInQuoted,
}

/// The columns of the CSV header that feed a query.
struct Columns {
    name: usize,
    id: Option<usize>,
    kind: Option<usize>,
    birth: Option<usize>,
    country: Option<usize>,
    ident: Option<usize>,
    width: usize,
}

impl Columns {
    fn from_header(header: &csv::StringRecord) -> Result<Columns, ApiError> {
        let column = |names: &[&str]| {
            header
                .iter()
                .position(|h| names.iter().any(|n| h.trim().eq_ignore_ascii_case(n)))
        };
        let Some(name) = column(&["name"]) else {
            let found: Vec<&str> = header.iter().collect();
            return Err(ApiError::bad_request(format!(
                "CSV header (line 1) has no `name` column; found: {}",
                found.join(", ")
            )));
        };
        Ok(Columns {
            name,
            id: column(&["id"]),
            kind: column(&["kind", "type"]),
            birth: column(&["birth_date", "birthdate", "dob"]),
            country: column(&["country"]),
            ident: column(&["identifier", "id_number", "idnumber"]),
            width: header.len(),
        })
    }

    fn query(
        &self,
        row: &csv::StringRecord,
    ) -> Result<tamga_screen::Query, (&'static str, String)> {
        let width = self.width;
        if row.len() != width {
            return Err((
                "invalid_record",
                format!("{} fields where the header has {width}", row.len()),
            ));
        }
        let cell = |col: Option<usize>| {
            col.and_then(|c| row.get(c))
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_string)
        };
        let kind = match cell(self.kind) {
            None => None,
            Some(k) => Some(EntityKind::parse(&k).ok_or((
                "invalid_field",
                format!("kind `{k}` is not one of person, organization, vessel, aircraft"),
            ))?),
        };
        Ok(tamga_screen::Query {
            id: cell(self.id),
            name: row.get(self.name).unwrap_or("").to_string(),
            kind,
            birth_date: cell(self.birth),
            country: cell(self.country),
            identifier: cell(self.ident),
        })
    }
}

/// CSV, record by record: bytes are buffered until a record terminator
/// outside quotes, then the complete records are parsed by the `csv` crate.
#[derive(Default)]
struct CsvParser {
    /// Unparsed bytes; starts at a record boundary.
    buf: Vec<u8>,
    /// How much of `buf` the splitter has scanned.
    scanned: usize,
    state: CsvState,
    /// Newlines before `buf`: its first line is `newlines + 1`.
    newlines: u64,
    /// From the header, once read.
    columns: Option<Columns>,
    /// Records seen (the header is not one).
    records: usize,
}

impl CsvParser {
    fn feed(&mut self, bytes: &[u8], out: &mut Vec<Record>) -> Result<(), ApiError> {
        self.buf.extend_from_slice(bytes);
        let mut end = 0;
        for i in self.scanned..self.buf.len() {
            use CsvState::*;
            self.state = match (self.state, self.buf[i]) {
                (InQuoted, b'"') => QuoteInQuoted,
                (InQuoted, _) => InQuoted,
                (QuoteInQuoted, b'"') => InQuoted,
                (_, b'\n' | b'\r') => {
                    end = i + 1;
                    StartField
                }
                (_, b',') => StartField,
                (StartField, b'"') => InQuoted,
                _ => InField,
            };
        }
        self.scanned = self.buf.len();
        if end > 0 {
            self.parse(end, out)?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut Vec<Record>) -> Result<(), ApiError> {
        self.parse(self.buf.len(), out)?;
        if self.columns.is_none() {
            // No header at all: the same answer as a header without `name`.
            self.columns = Some(Columns::from_header(&csv::StringRecord::new())?);
        }
        Ok(())
    }

    /// Parses `buf[..end]`, which ends at a record boundary (or the body's end).
    fn parse(&mut self, end: usize, out: &mut Vec<Record>) -> Result<(), ApiError> {
        let first_line = self.newlines + 1;
        let chunk = &self.buf[..end];
        self.newlines += chunk.iter().filter(|&&b| b == b'\n').count() as u64;
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(chunk);
        let line_of = |p: Option<&csv::Position>| p.map(|p| first_line + p.line() - 1);
        for row in reader.records() {
            let Some(columns) = &self.columns else {
                let header = row.map_err(|e| ApiError::bad_request(format!("CSV header: {e}")))?;
                self.columns = Some(Columns::from_header(&header)?);
                continue;
            };
            let (line, query) = match row {
                Err(e) => {
                    let code = if matches!(e.kind(), csv::ErrorKind::Utf8 { .. }) {
                        "invalid_utf8"
                    } else {
                        "invalid_record"
                    };
                    (line_of(e.position()), Err((code, format!("CSV: {e}"))))
                }
                Ok(row) => (line_of(row.position()), columns.query(&row)),
            };
            self.records += 1;
            out.push(Record {
                number: self.records,
                line,
                query,
            });
        }
        self.buf.drain(..end);
        self.scanned -= end;
        Ok(())
    }
}
