//! `POST /screen`: native batch screening, NDJSON out.
//!
//! The body (JSON array, NDJSON or CSV, by `Content-Type`) is read whole, up
//! to `limits.max_batch_body_bytes`, and parsed before anything is screened:
//! a body that is not valid JSON / CSV, or holds more than
//! `limits.max_batch_records` records, is refused with a 4xx and nothing is
//! screened. A single bad *record* (no name, a name too long, an unknown kind)
//! becomes an error line naming its record and line; the rest are screened.
//! Results stream out one line per record, in input order, as they are
//! computed.

use super::{check_content_length, read_body, ready_snapshot};
use crate::error::ApiError;
use crate::state::AppState;
use axum::body::{Body, Bytes};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::sync::Arc;
use tamga_model::EntityKind;
use tamga_screen::{QueryError, QueryResult, ScreenOptions};
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

/// Batch screening.
#[utoipa::path(
    post,
    path = "/screen",
    params(BatchParams),
    request_body(
        description = "A JSON array of queries (`application/json`), one query per line \
                       (`application/x-ndjson`), or CSV with a header naming at least a `name` \
                       column (`text/csv`). Query fields: name, id, kind, birth_date, country, identifier.",
        content_type = "application/x-ndjson"
    ),
    responses(
        (status = 200, description = "One JSON line per record, in order: a `QueryResult` \
                                      {id, matches} or an error record {id, record, line, code, error}",
         content_type = "application/x-ndjson"),
        (status = 400, description = "Body is not valid JSON / CSV, or has no records"),
        (status = 413, description = "Body or batch too large"),
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
    let bytes = read_body(body, max_bytes).await?;
    let max_records = state.config.limits.max_batch_records;
    let records = match format {
        Format::JsonArray => parse_json_array(&bytes, max_records)?,
        Format::Ndjson => parse_ndjson(&bytes, max_records)?,
        Format::Csv => parse_csv(&bytes, max_records)?,
    };
    if records.is_empty() {
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
    let count = records.len();
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Bytes, std::io::Error>>(64);
    let metrics_state = Arc::clone(&state);
    tokio::task::spawn_blocking(move || {
        // The permit lives as long as the screening does, not just until the
        // response head is sent.
        let _permit = permit;
        let options = ScreenOptions { threshold, limit };
        let mut matched = 0u64;
        for record in records {
            let line = match record.query {
                Ok(query) => {
                    let id = query
                        .id
                        .clone()
                        .unwrap_or_else(|| record.number.to_string());
                    match snapshot.screener.screen(&query, &options) {
                        Ok(matches) => {
                            matched += matches.len() as u64;
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
            let Ok(mut line) = line else { continue };
            line.push(b'\n');
            // The client went away: stop screening.
            if tx.blocking_send(Ok(Bytes::from(line))).is_err() {
                break;
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
    h.insert("x-batch-size", HeaderValue::from(count));
    Ok(response)
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

fn utf8(bytes: &[u8]) -> Result<&str, ApiError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        ApiError::bad_request(format!("the body is not UTF-8 (line {line})"))
    })
}

fn parse_ndjson(bytes: &[u8], max: usize) -> Result<Vec<Record>, ApiError> {
    let text = utf8(bytes)?;
    let mut records = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        if records.len() == max {
            return Err(too_many(max));
        }
        let query = serde_json::from_str::<Value>(line)
            .map_err(|e| ("invalid_json", format!("not valid JSON: {e}")))
            .and_then(json_query);
        records.push(Record {
            number: records.len() + 1,
            line: Some(i as u64 + 1),
            query,
        });
    }
    Ok(records)
}

fn parse_csv(bytes: &[u8], max: usize) -> Result<Vec<Record>, ApiError> {
    let text = utf8(bytes)?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|e| ApiError::bad_request(format!("CSV header: {e}")))?
        .clone();
    let column = |names: &[&str]| {
        header
            .iter()
            .position(|h| names.iter().any(|n| h.trim().eq_ignore_ascii_case(n)))
    };
    let Some(name_col) = column(&["name"]) else {
        let found: Vec<&str> = header.iter().collect();
        return Err(ApiError::bad_request(format!(
            "CSV header (line 1) has no `name` column; found: {}",
            found.join(", ")
        )));
    };
    let id_col = column(&["id"]);
    let kind_col = column(&["kind", "type"]);
    let birth_col = column(&["birth_date", "birthdate", "dob"]);
    let country_col = column(&["country"]);
    let ident_col = column(&["identifier", "id_number", "idnumber"]);
    let width = header.len();
    let mut records = Vec::new();
    for row in reader.records() {
        if records.len() == max {
            return Err(too_many(max));
        }
        let number = records.len() + 1;
        let (line, query) = match row {
            Err(e) => (
                e.position().map(|p| p.line()),
                Err(("invalid_record", format!("CSV: {e}"))),
            ),
            Ok(row) => {
                let line = row.position().map(|p| p.line());
                let cell = |col: Option<usize>| {
                    col.and_then(|c| row.get(c))
                        .map(str::trim)
                        .filter(|v| !v.is_empty())
                        .map(str::to_string)
                };
                let query = if row.len() != width {
                    Err((
                        "invalid_record",
                        format!("{} fields where the header has {width}", row.len()),
                    ))
                } else {
                    let kind = match cell(kind_col) {
                        None => Ok(None),
                        Some(k) => EntityKind::parse(&k).map(Some).ok_or((
                            "invalid_field",
                            format!(
                                "kind `{k}` is not one of person, organization, vessel, aircraft"
                            ),
                        )),
                    };
                    kind.map(|kind| tamga_screen::Query {
                        id: cell(id_col),
                        name: row.get(name_col).unwrap_or("").to_string(),
                        kind,
                        birth_date: cell(birth_col),
                        country: cell(country_col),
                        identifier: cell(ident_col),
                    })
                };
                (line, query)
            }
        };
        records.push(Record {
            number,
            line,
            query,
        });
    }
    Ok(records)
}
