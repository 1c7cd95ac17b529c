//! `POST /decide`: the rules engine (`tamga-rules`) over the served lists.
//!
//! The body is a [`DecisionRequest`] (the JSON `tamga decide` reads); the
//! answer is the [`DecisionReport`] `RulesEngine::decide` returns, per regime
//! and overall. The engine and the screener come from the same snapshot, so
//! a decision never mixes two list versions; the version is echoed in the
//! `x-lists-version` header.

use super::{blocking, check_content_length, read_body, ready_snapshot};
use crate::error::ApiError;
use crate::state::AppState;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderName, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Json;
use std::sync::Arc;
use tamga_rules::{DecisionReport, DecisionRequest, Outcome, RulesError};

/// Header carrying the version of the list set that answered (as
/// `lists_version` in `GET /lists`).
pub const LISTS_VERSION: HeaderName = HeaderName::from_static("x-lists-version");

/// Decides a transaction under every applicable regime.
#[utoipa::path(
    post,
    path = "/decide",
    request_body(
        content = Object,
        description = "A decision request, as for `tamga decide`: `date` (YYYY-MM-DD), \
                       `parties` (each `name` or `entity_id`, `role`, optional `country`), \
                       optional `id`, `activities` (licence activity codes), `nexus` \
                       (`currency`, `us_person`, `eu_person`, `uk_person`, `jurisdictions`), \
                       `goods_origin` and `thresholds` (`review`, `block`). Unknown fields \
                       are refused.",
        content_type = "application/json"
    ),
    responses(
        (status = 200, description = "The decision report: `overall` (clear, review, authorised, \
                                      blocked), one decision per regime with its reasons, the \
                                      licence relied upon or rejected, and how each party was \
                                      resolved", body = Object,
         headers(("x-lists-version" = u64, description = "Version of the list set that answered"))),
        (status = 400, description = "The body is not JSON"),
        (status = 401, description = "No or unknown API key"),
        (status = 403, description = "The key lacks the screen role"),
        (status = 413, description = "Body too large"),
        (status = 422, description = "JSON of the wrong shape or an invalid request; `detail` \
                                      names the field (e.g. `parties[0].entity_id`)"),
        (status = 503, description = "Lists not loaded yet, or overloaded (see Retry-After)"),
    ),
    security(("api_key" = []))
)]
pub async fn decide(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let limit = state.config.limits.max_body_bytes;
    check_content_length(&headers, limit)?;
    let bytes = read_body(body, limit).await?;
    let request = parse_request(&bytes)?;
    let snapshot = ready_snapshot(&state)?;
    let version = snapshot.version;
    let report: DecisionReport =
        blocking(move || snapshot.engine.decide(&snapshot.screener, &request))
            .await?
            .map_err(|e| rules_error(&e))?;
    state
        .metrics
        .decisions
        .with_label_values(&[outcome_label(report.overall)])
        .inc();
    let mut response = Json(report).into_response();
    response
        .headers_mut()
        .insert(LISTS_VERSION, HeaderValue::from(version));
    Ok(response)
}

/// Reads the body as a [`DecisionRequest`]: 400 when it is not JSON, 422
/// naming the field when it is JSON of the wrong shape.
pub(crate) fn parse_request(bytes: &[u8]) -> Result<DecisionRequest, ApiError> {
    use serde_json::error::Category;
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let parsed: Result<DecisionRequest, _> = serde_path_to_error::deserialize(&mut de);
    let request = match parsed {
        Ok(r) => r,
        Err(err) => {
            let path = err.path().to_string();
            let inner = err.into_inner();
            return Err(match inner.classify() {
                Category::Data => {
                    let detail = if path == "." {
                        format!("request body: {inner}")
                    } else {
                        format!("request field `{path}`: {inner}")
                    };
                    ApiError::unprocessable("invalid_body", detail)
                }
                _ => ApiError::bad_request(format!("request body is not valid JSON: {inner}")),
            });
        }
    };
    // Trailing garbage after the object is malformed JSON too.
    de.end()
        .map_err(|e| ApiError::bad_request(format!("request body is not valid JSON: {e}")))?;
    Ok(request)
}

/// A request the engine refuses: 422 naming the field. Other rules errors
/// cannot come from a request (files are read when the snapshot is built).
fn rules_error(err: &RulesError) -> ApiError {
    match err {
        RulesError::Request { .. } => ApiError::unprocessable("invalid_request", err.to_string()),
        _ => ApiError::internal(format!("rules engine: {err}")),
    }
}

/// The metric label of an outcome.
pub(crate) fn outcome_label(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::NotApplicable => "not_applicable",
        Outcome::Clear => "clear",
        Outcome::Review => "review",
        Outcome::Authorised => "authorised",
        Outcome::Blocked => "blocked",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::StatusCode;

    #[test]
    fn bad_bodies_name_the_field() {
        let err = parse_request(b"{\"date\": \"2026-01-01\", \"parties\": [").unwrap_err();
        assert_eq!(err.status, StatusCode::BAD_REQUEST);
        let err =
            parse_request(br#"{"date": "2026-01-01", "parties": [{"name": "X", "role": "boss"}]}"#)
                .unwrap_err();
        assert_eq!(err.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(err.detail.contains("parties[0].role"), "{}", err.detail);
        let err = parse_request(br#"{"parties": []}"#).unwrap_err();
        assert_eq!(err.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(err.detail.contains("date"), "{}", err.detail);
        let err = parse_request(br#"{"date": "2026-01-01", "parties": []} x"#).unwrap_err();
        assert_eq!(err.status, StatusCode::BAD_REQUEST);
    }
}
