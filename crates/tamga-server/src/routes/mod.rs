//! The router: routes, authentication, protection layers and observability.

pub mod batch;
pub mod decide;
pub mod docs;
pub mod ops;
pub mod search;
pub mod yente;

use crate::auth::Role;
use crate::error::ApiError;
use crate::state::{AppState, Snapshot};
use axum::body::{Body, Bytes};
use axum::error_handling::HandleErrorLayer;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, HeaderName, HeaderValue, Method};
use axum::middleware::{from_fn_with_state, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use std::sync::Arc;
use std::time::Instant;
use tamga_screen::QueryError;
use tower::limit::GlobalConcurrencyLimitLayer;
use tower::load_shed::LoadShedLayer;
use tower::timeout::TimeoutLayer;
use tower::{BoxError, ServiceBuilder};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::sensitive_headers::SetSensitiveRequestHeadersLayer;
use tracing::Instrument;

/// The request id header, read if the client sends one and always echoed.
pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Builds the complete router over shared state.
pub fn router(state: Arc<AppState>) -> Router {
    // Load shedding over a global concurrency limit, then a timeout. When
    // every slot is taken a request is refused at once with 503 +
    // `Retry-After` instead of waiting in an unbounded queue.
    let on_error = {
        let state = Arc::clone(&state);
        move |err: BoxError| {
            let state = Arc::clone(&state);
            async move { overload_response(&state, err) }
        }
    };
    let protection = ServiceBuilder::new()
        .layer(HandleErrorLayer::new(on_error))
        .layer(LoadShedLayer::new())
        .layer(GlobalConcurrencyLimitLayer::with_semaphore(Arc::clone(
            &state.request_slots,
        )))
        .layer(TimeoutLayer::new(state.config.request_timeout()));

    // Routes that read the lists: `screen` role, and protected against
    // overload (shed, not queued) and slow requests.
    let screening = Router::new()
        .route("/search", get(search::search))
        .route("/match/{dataset}", post(yente::match_entities))
        .route("/screen", post(batch::screen))
        .route("/entities/{id}", get(ops::entity))
        .route("/lists", get(ops::lists))
        // The rules engine shares the `screen` role and the protection.
        .route("/decide", post(decide::decide))
        .layer(protection)
        .layer(from_fn_with_state(
            (Arc::clone(&state), Role::Screen),
            require_role,
        ));

    // Refresh is not under the request timeout: re-indexing the full set of
    // lists can legitimately take longer than a screening request.
    let admin = Router::new()
        .route("/admin/refresh", post(ops::refresh))
        .layer(from_fn_with_state(
            (Arc::clone(&state), Role::Admin),
            require_role,
        ));

    let mut health = Router::new()
        .route("/healthz", get(ops::healthz))
        .route("/readyz", get(ops::readyz));
    if !state.config.auth.public_health {
        health = health.layer(from_fn_with_state(
            (Arc::clone(&state), Role::Screen),
            require_role,
        ));
    }
    let mut metrics = Router::new().route("/metrics", get(ops::metrics));
    if !state.config.auth.public_metrics {
        metrics = metrics.layer(from_fn_with_state(
            (Arc::clone(&state), Role::Admin),
            require_role,
        ));
    }

    let docs = Router::new()
        .route("/", get(docs::index))
        .route("/docs", get(docs::index))
        .route("/openapi.json", get(docs::openapi));

    Router::new()
        .merge(screening)
        .merge(admin)
        .merge(health)
        .merge(metrics)
        .merge(docs)
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(CatchPanicLayer::custom(panic_response))
        .layer(from_fn_with_state(Arc::clone(&state), observe))
        .layer(SetSensitiveRequestHeadersLayer::new([
            header::AUTHORIZATION,
            HeaderName::from_static("x-api-key"),
        ]))
        .with_state(state)
}

fn overload_response(state: &AppState, err: BoxError) -> ApiError {
    if err.is::<tower::load_shed::error::Overloaded>() {
        state
            .metrics
            .rejected
            .with_label_values(&["overload"])
            .inc();
        ApiError::unavailable(
            "overloaded",
            "the service is at its concurrency limit; retry shortly",
            1,
        )
    } else if err.is::<tower::timeout::error::Elapsed>() {
        state.metrics.rejected.with_label_values(&["timeout"]).inc();
        ApiError::unavailable(
            "timeout",
            format!(
                "the request took longer than {} ms",
                state.config.limits.request_timeout_ms
            ),
            1,
        )
    } else {
        ApiError::internal(format!("request failed: {err}"))
    }
}

/// Checks the API key for a role; records who called (by key name) on the
/// response for the access log.
async fn require_role(
    State((state, role)): State<(Arc<AppState>, Role)>,
    request: Request,
    next: Next,
) -> Response {
    match state.keys.authorize(request.headers(), role) {
        Ok(principal) => {
            let mut response = next.run(request).await;
            response.extensions_mut().insert(principal);
            response
        }
        Err(err) => err.into_response(),
    }
}

/// Request id, metrics and one structured access-log line per request. Only
/// the method, route, status, latency, request id and key *name* are logged:
/// never headers (keys) nor query strings (screened names are personal data).
async fn observe(State(state): State<Arc<AppState>>, mut request: Request, next: Next) -> Response {
    let start = Instant::now();
    let request_id = request
        .headers()
        .get(&REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .filter(|v| !v.is_empty() && v.len() <= 128 && v.bytes().all(|b| b.is_ascii_graphic()))
        .map(str::to_string)
        .unwrap_or_else(|| state.next_request_id());
    let header_value =
        HeaderValue::from_str(&request_id).unwrap_or_else(|_| HeaderValue::from_static("invalid"));
    request
        .headers_mut()
        .insert(REQUEST_ID, header_value.clone());
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| "unmatched".to_string());
    let method = request.method().clone();
    let span = tracing::info_span!("request", request_id = %request_id);
    let mut response = next.run(request).instrument(span).await;
    response.headers_mut().insert(REQUEST_ID, header_value);
    let elapsed = start.elapsed();
    let status = response.status();
    state
        .metrics
        .requests
        .with_label_values(&[route.as_str(), method.as_str(), status.as_str()])
        .inc();
    state
        .metrics
        .latency
        .with_label_values(&[route.as_str()])
        .observe(elapsed.as_secs_f64());
    let principal = response
        .extensions()
        .get::<crate::auth::Principal>()
        .map(|p| p.name.as_str())
        .unwrap_or("-");
    tracing::info!(
        target: "tamga_server::access",
        request_id = %request_id,
        method = %method,
        route = %route,
        status = status.as_u16(),
        latency_ms = elapsed.as_secs_f64() * 1000.0,
        key = principal,
        "request"
    );
    response
}

async fn not_found(method: Method, uri: axum::http::Uri) -> ApiError {
    ApiError::not_found(format!("no route for {method} {}", uri.path()))
}

async fn method_not_allowed(method: Method, uri: axum::http::Uri) -> ApiError {
    ApiError::new(
        axum::http::StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        format!("{method} is not allowed on {}", uri.path()),
    )
}

fn panic_response(_panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    // The panic payload may quote request data; it is not echoed to the client.
    tracing::error!("handler panicked");
    ApiError::internal("internal error").into_response()
}

/// The served snapshot, or 503 while the lists are still loading.
pub(crate) fn ready_snapshot(state: &AppState) -> Result<Arc<Snapshot>, ApiError> {
    state.snapshot().ok_or_else(|| {
        ApiError::unavailable(
            "not_ready",
            "the lists are still loading (or the initial load failed: see GET /lists)",
            5,
        )
    })
}

/// Reads a body up to `limit` bytes; 413 beyond it.
pub(crate) async fn read_body(body: Body, limit: usize) -> Result<Bytes, ApiError> {
    let too_large = || {
        ApiError::too_large(
            "body_too_large",
            format!("the request body exceeds the limit of {limit} bytes"),
        )
    };
    match axum::body::to_bytes(body, limit).await {
        Ok(bytes) => Ok(bytes),
        Err(err) => {
            let mut source: Option<&(dyn std::error::Error + 'static)> = Some(&err);
            while let Some(e) = source {
                if e.is::<http_body_util::LengthLimitError>() {
                    return Err(too_large());
                }
                source = e.source();
            }
            Err(ApiError::bad_request(format!(
                "could not read the request body: {err}"
            )))
        }
    }
}

/// Refuses a body whose declared length is already over the limit, before
/// reading any of it.
pub(crate) fn check_content_length(
    headers: &axum::http::HeaderMap,
    limit: usize,
) -> Result<(), ApiError> {
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    match declared {
        Some(n) if n > limit as u64 => Err(ApiError::too_large(
            "body_too_large",
            format!("the request body ({n} bytes) exceeds the limit of {limit} bytes"),
        )),
        _ => Ok(()),
    }
}

/// Maps a query the screener refuses to a 422 naming the field.
pub(crate) fn query_error(err: &QueryError, context: &str) -> ApiError {
    let code = match err {
        QueryError::EmptyName => "empty_name",
        QueryError::NameTooLong { .. } => "name_too_long",
        QueryError::InvalidField { .. } => "invalid_field",
    };
    ApiError::unprocessable(code, format!("{context}: {err}"))
}

/// Runs CPU-bound screening off the async workers.
pub(crate) async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| ApiError::internal(format!("screening task failed: {e}")))
}
