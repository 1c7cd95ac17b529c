//! Health, readiness, metrics, list status, entity lookup and refresh.

use super::ready_snapshot;
use crate::error::ApiError;
use crate::state::{AppState, Attempt, RefreshError, RefreshRecord, Trigger};
use crate::time::rfc3339;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use utoipa::{IntoParams, ToSchema};

/// Liveness: the process answers.
#[utoipa::path(get, path = "/healthz", responses((status = 200, description = "Alive")))]
pub async fn healthz() -> Json<serde_json::Value> {
    Json(serde_json::json!({"status": "ok"}))
}

/// Readiness: lists are loaded. Stays 200 after a failed refresh, because
/// the last good lists are still served.
#[utoipa::path(
    get,
    path = "/readyz",
    responses(
        (status = 200, description = "Lists loaded and served"),
        (status = 503, description = "Lists not loaded yet (or the initial load failed)"),
    )
)]
pub async fn readyz(State(state): State<Arc<AppState>>) -> Response {
    match state.snapshot() {
        Some(s) => Json(serde_json::json!({
            "status": "ready",
            "lists_version": s.version,
            "lists": s.lists.len(),
            "entities": s.screener.entities().len(),
            "loaded_at": rfc3339(s.loaded_at),
        }))
        .into_response(),
        None => {
            let detail = match state.last_refresh() {
                Some(r) => format!(
                    "lists are not loaded: {}",
                    r.error.unwrap_or_else(|| "loading".to_string())
                ),
                None => "lists are loading".to_string(),
            };
            ApiError::unavailable("not_ready", detail, 5).into_response()
        }
    }
}

/// Prometheus metrics.
#[utoipa::path(get, path = "/metrics", responses((status = 200, description = "Prometheus text format", content_type = "text/plain")))]
pub async fn metrics(State(state): State<Arc<AppState>>) -> Response {
    let text = state.metrics.render(state.snapshot().as_deref());
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        text,
    )
        .into_response()
}

/// One configured list in `GET /lists`.
#[derive(Debug, Serialize, ToSchema)]
pub struct ListStatus {
    /// Configured name (`NAME=` in `NAME=PATH`), if any.
    pub name: Option<String>,
    /// Configured path.
    pub path: String,
    /// Source slug of the served version (`un_sc`, …).
    pub source: Option<String>,
    /// Detected format (`un_xml`, `ofac_csv`, …).
    pub format: Option<String>,
    /// Publication date stated in the file.
    pub published: Option<String>,
    /// Entities served.
    pub entity_count: Option<usize>,
    /// SHA-256 of the served files.
    pub sha256: Option<String>,
    /// Files read.
    pub files: Vec<String>,
    /// Records skipped in lenient mode.
    pub warnings: usize,
    /// When the served version was loaded.
    pub loaded_at: Option<String>,
    /// The last refresh attempt of this list and its outcome.
    #[schema(value_type = Option<Object>)]
    pub last_attempt: Option<Attempt>,
}

/// The rules data behind `POST /decide` in `GET /lists`.
#[derive(Debug, Serialize, ToSchema)]
pub struct RulesStatus {
    /// Configured licence directory.
    pub licences_dir: String,
    /// Configured ownership CSV files.
    pub ownership_files: Vec<String>,
    /// Licence and prohibition documents served.
    pub licence_count: Option<usize>,
    /// The last attempt to read them (`entity_count` = documents read); a
    /// failure names the file and field, and the previous engine is served.
    #[schema(value_type = Option<Object>)]
    pub last_attempt: Option<Attempt>,
}

/// `GET /lists`.
#[derive(Debug, Serialize, ToSchema)]
pub struct ListsResponse {
    /// Lists are loaded.
    pub ready: bool,
    /// Version served.
    pub lists_version: Option<u64>,
    /// A refresh is running now.
    pub refreshing: bool,
    /// The last refresh (including the initial load).
    #[schema(value_type = Option<Object>)]
    pub last_refresh: Option<RefreshRecord>,
    /// Every configured list.
    pub lists: Vec<ListStatus>,
    /// Licences and ownership data of the rules engine (`POST /decide`).
    pub rules: RulesStatus,
}

/// Every loaded list with its provenance and refresh status.
#[utoipa::path(
    get,
    path = "/lists",
    responses((status = 200, description = "List status", body = ListsResponse)),
    security(("api_key" = []))
)]
pub async fn lists(State(state): State<Arc<AppState>>) -> Json<ListsResponse> {
    let snapshot = state.snapshot();
    let attempts = state.attempts();
    let lists = state
        .specs
        .iter()
        .enumerate()
        .map(|(i, spec)| {
            let served = snapshot.as_ref().and_then(|s| s.lists.get(i));
            ListStatus {
                name: spec.name.clone(),
                path: spec.path.display().to_string(),
                source: served.map(|l| l.label.clone()),
                format: served.map(|l| l.meta.format.clone()),
                published: served.and_then(|l| l.meta.published.clone()),
                entity_count: served.map(|l| l.entity_count),
                sha256: served.map(|l| l.meta.sha256.clone()),
                files: served.map(|l| l.meta.files.clone()).unwrap_or_default(),
                warnings: served.map(|l| l.meta.warnings.len()).unwrap_or(0),
                loaded_at: served.map(|l| rfc3339(l.loaded_at)),
                last_attempt: attempts.get(i).cloned().flatten(),
            }
        })
        .collect();
    Json(ListsResponse {
        ready: snapshot.is_some(),
        lists_version: snapshot.as_ref().map(|s| s.version),
        refreshing: state.refreshing(),
        last_refresh: state.last_refresh(),
        lists,
        rules: RulesStatus {
            licences_dir: state.config.licences_dir.display().to_string(),
            ownership_files: state
                .config
                .ownership_files
                .iter()
                .map(|p| p.display().to_string())
                .collect(),
            licence_count: snapshot.as_ref().map(|s| s.licence_count),
            last_attempt: state.rules_attempt(),
        },
    })
}

/// One entity in the unified model.
#[utoipa::path(
    get,
    path = "/entities/{id}",
    params(("id" = String, Path, description = "`<source>:<source_id>`, e.g. `un_sc:6908555`")),
    responses(
        (status = 200, description = "The entity (tamga's unified model)"),
        (status = 404, description = "No such entity"),
    ),
    security(("api_key" = []))
)]
pub async fn entity(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let snapshot = ready_snapshot(&state)?;
    match snapshot.screener.entity(&id) {
        Some(e) => Ok(Json(e).into_response()),
        None => Err(ApiError::not_found(format!("no entity with id `{id}`"))),
    }
}

/// Query parameters of `POST /admin/refresh`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RefreshParams {
    /// Accept lists that shrank below `min_entity_ratio`.
    #[serde(default)]
    pub force: bool,
}

/// Re-reads every list, validates and swaps atomically.
#[utoipa::path(
    post,
    path = "/admin/refresh",
    params(RefreshParams),
    responses(
        (status = 200, description = "New lists served"),
        (status = 409, description = "A refresh is already running"),
        (status = 422, description = "A list failed to load, or shrank suspiciously; the previous lists are still served"),
    ),
    security(("api_key" = []))
)]
pub async fn refresh(
    State(state): State<Arc<AppState>>,
    params: Result<Query<RefreshParams>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(params) = params.map_err(|e| ApiError::bad_request(e.body_text()))?;
    match state.refresh(Trigger::Manual, params.force).await {
        Ok(report) => Ok((
            StatusCode::OK,
            Json(serde_json::json!({"outcome": "ok", "report": report})),
        )
            .into_response()),
        Err(err) => Err(refresh_error(err)),
    }
}

fn refresh_error(err: RefreshError) -> ApiError {
    let detail = err.to_string();
    match err {
        RefreshError::InProgress => ApiError {
            retry_after: Some(5),
            ..ApiError::new(StatusCode::CONFLICT, "refresh_in_progress", detail)
        },
        RefreshError::Load(failures) => ApiError::unprocessable("refresh_failed", detail)
            .with_context(serde_json::json!({ "failures": failures })),
        RefreshError::Suspicious(shrinks) => ApiError::unprocessable("refresh_suspicious", detail)
            .with_context(serde_json::json!({ "shrinks": shrinks })),
        RefreshError::Internal(_) => ApiError::internal(detail),
    }
}
