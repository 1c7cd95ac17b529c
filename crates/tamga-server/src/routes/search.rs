//! `GET /search`: quick name search.

use super::{blocking, query_error, ready_snapshot};
use crate::error::ApiError;
use crate::state::AppState;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::Json;
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use tamga_model::EntityKind;
use tamga_screen::{validate, Match, ScreenOptions, DEFAULT_THRESHOLD};
use utoipa::{IntoParams, ToSchema};

/// Query parameters of `GET /search`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// The name to look for (required).
    pub q: Option<String>,
    /// Only return entities of this kind: `person`, `organization`, `vessel`,
    /// `aircraft` (entities whose kind the list does not state are kept).
    pub kind: Option<String>,
    /// Country of the party (name or ISO code), used as scoring evidence.
    pub country: Option<String>,
    /// Most results (default 10, at most `limits.max_results`).
    pub limit: Option<usize>,
    /// Lowest score returned, 0–1 (default 0.7).
    pub threshold: Option<f64>,
}

/// Response of `GET /search`.
#[derive(Debug, Serialize, ToSchema)]
pub struct SearchResponse {
    /// The name searched.
    pub q: String,
    /// Results returned.
    pub total: usize,
    /// The limit applied.
    pub limit: usize,
    /// The threshold applied.
    pub threshold: f64,
    /// Version of the list set that answered (see `GET /lists`).
    pub lists_version: u64,
    /// Matches, best first (tamga's `Match`: entity_id, source, source_id,
    /// name, matched_name, kind, score, explanation).
    #[schema(value_type = Vec<Object>)]
    pub results: Vec<Match>,
}

/// Quick name search.
#[utoipa::path(
    get,
    path = "/search",
    params(SearchParams),
    responses(
        (status = 200, description = "Matches, best first", body = SearchResponse),
        (status = 400, description = "Missing or unreadable parameter"),
        (status = 401, description = "No or unknown API key"),
        (status = 422, description = "Name too long, unknown kind, limit or threshold out of range"),
        (status = 503, description = "Lists not loaded yet, or overloaded (see Retry-After)"),
    ),
    security(("api_key" = []))
)]
pub async fn search(
    State(state): State<Arc<AppState>>,
    params: Result<Query<SearchParams>, QueryRejection>,
) -> Result<Json<SearchResponse>, ApiError> {
    let Query(params) = params.map_err(|e| ApiError::bad_request(e.body_text()))?;
    let q = params
        .q
        .filter(|q| !q.trim().is_empty())
        .ok_or_else(|| ApiError::bad_request("query parameter `q` (the name) is required"))?;
    let kind = match params.kind.as_deref() {
        None | Some("") => None,
        Some(text) => Some(EntityKind::parse(text).ok_or_else(|| {
            ApiError::unprocessable(
                "invalid_field",
                format!("kind `{text}` is not one of person, organization, vessel, aircraft"),
            )
        })?),
    };
    let (limit, threshold) = limit_and_threshold(&state, params.limit, params.threshold, 10)?;
    let query = tamga_screen::Query {
        id: None,
        name: q.clone(),
        kind,
        birth_date: None,
        country: params.country.filter(|c| !c.trim().is_empty()),
        identifier: None,
    };
    validate(&query).map_err(|e| query_error(&e, "q"))?;
    let snapshot = ready_snapshot(&state)?;
    let version = snapshot.version;
    // With a kind filter, ask for the most results allowed and filter after:
    // the screener's cost is in scoring candidates, not in returning them.
    let fetch = if kind.is_some() {
        state.config.limits.max_results
    } else {
        limit
    };
    let options = ScreenOptions {
        threshold,
        limit: fetch,
    };
    let mut results = blocking(move || snapshot.screener.screen(&query, &options))
        .await?
        .map_err(|e| query_error(&e, "q"))?;
    if let Some(kind) = kind {
        results.retain(|m| m.kind == kind || m.kind == EntityKind::Unknown);
    }
    results.truncate(limit);
    state
        .metrics
        .matches
        .with_label_values(&["/search"])
        .inc_by(results.len() as u64);
    Ok(Json(SearchResponse {
        q,
        total: results.len(),
        limit,
        threshold,
        lists_version: version,
        results,
    }))
}

/// Validates `limit` and `threshold`, applying defaults.
pub(crate) fn limit_and_threshold(
    state: &AppState,
    limit: Option<usize>,
    threshold: Option<f64>,
    default_limit: usize,
) -> Result<(usize, f64), ApiError> {
    let max = state.config.limits.max_results;
    let limit = limit.unwrap_or(default_limit.min(max));
    if limit == 0 || limit > max {
        return Err(ApiError::unprocessable(
            "invalid_field",
            format!("limit must be between 1 and {max}, got {limit}"),
        ));
    }
    let threshold = threshold.unwrap_or(DEFAULT_THRESHOLD);
    if !(0.0..=1.0).contains(&threshold) {
        return Err(ApiError::unprocessable(
            "invalid_field",
            format!("threshold must be between 0 and 1, got {threshold}"),
        ));
    }
    Ok((limit, threshold))
}
