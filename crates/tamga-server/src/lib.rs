//! The tamga HTTP screening service (`tamga serve`).
//!
//! An axum service over the [`tamga_screen::Screener`] and the
//! [`tamga_rules::RulesEngine`], with a yente-compatible `/match`, a native
//! batch `/screen`, licensing decisions (`/decide`), safe list refresh, API
//! keys, request limits, Prometheus metrics and JSON logs.
//!
//! # Endpoints
//!
//! | Route | Role | |
//! |---|---|---|
//! | `GET /search?q=&kind=&country=&limit=&threshold=` | screen | quick name search |
//! | `POST /match/{dataset}` | screen | yente-compatible query-by-example |
//! | `POST /screen` | screen | batch: JSON array / NDJSON / CSV in, NDJSON out |
//! | `POST /decide` | screen | licensing decision: clear / review / authorised / blocked per regime |
//! | `GET /entities/{id}` | screen | one entity in the unified model |
//! | `GET /lists` | screen | every list: source, format, date, count, SHA-256, refresh status; licences |
//! | `POST /admin/refresh[?force=true]` | admin | re-read lists, validate, swap |
//! | `GET /healthz`, `GET /readyz` | none* | liveness; readiness (503 until lists load) |
//! | `GET /metrics` | none* | Prometheus text |
//! | `GET /openapi.json`, `GET /`, `GET /docs` | none | API description and a docs page |
//!
//! (*) configurable: `auth.public_health`, `auth.public_metrics`.
//!
//! # `POST /screen`
//!
//! Records in, one NDJSON line out per record, in input order, with the
//! record shape of `tamga screen` (a `QueryResult` `{id, matches}` or an
//! error record `{id, record, line, code, error, matches: []}`). NDJSON
//! (`application/x-ndjson`) and CSV (`text/csv`, a header naming at least
//! `name`) input is **streamed**: the body is parsed frame by frame and
//! records are screened as their lines (CSV: records, quoted newlines
//! included) complete, so the first results can be read while the rest is
//! still being sent, and the raw body is never held whole. A JSON array
//! (`application/json`) is read whole, then screened. A bad record (not
//! JSON, not UTF-8, no name, …) is an error line; the rest go on.
//!
//! Limits (`max_batch_body_bytes`, counted as the body streams in, and
//! `max_batch_records`) answer 413 with nothing screened when they are
//! crossed before the response head is sent (the head goes out once the
//! first records are parsed and no more input is immediately available).
//! Crossed later, the records before the limit are screened and the stream
//! ends with one line
//! `{"status": 413, "error": "batch_too_large" | "body_too_large", "detail": "…"}`
//! (no `id`): clients streaming large batches should treat such a line as
//! "the rest was not screened". The same final line (status 408,
//! `body_timeout`) ends a batch whose body sends nothing for
//! `request_timeout_ms`. Records waiting to be screened are bounded by
//! `max_batch_records`. `x-batch-size` is set only when the whole body was
//! read before the head. Details: [`routes::batch`].
//!
//! # `POST /decide`
//!
//! The body is the JSON `tamga decide` reads ([`tamga_rules::DecisionRequest`]:
//! `date`, `parties`, `activities`, `nexus`, optional `id`, `goods_origin`,
//! `thresholds`); the answer is the [`tamga_rules::DecisionReport`] of
//! `RulesEngine::decide`, unchanged, with the list version in
//! `x-lists-version`. Malformed JSON is a 400; JSON of the wrong shape
//! (unknown field, bad date, unknown role) or a request the engine refuses
//! (no party, unknown `entity_id`, thresholds out of order) is a 422 whose
//! `detail` names the field, e.g. `parties[0].role`. Example requests:
//! `data/licences/examples/`. `tamga_decisions_total{outcome}` counts the
//! answers by overall outcome.
//!
//! The engine is built with the screener in every list snapshot, from
//! `licences_dir` and `ownership_files` (below), so a refresh re-reads them
//! and swaps lists and engine together. A licence or ownership file that
//! cannot be read fails the refresh like a list (the previous snapshot keeps
//! serving, `GET /lists` shows the error under `rules.last_attempt`), and at
//! start-up keeps `/readyz` at 503.
//!
//! Every error is JSON: `{"status": 413, "error": "body_too_large", "detail": "…"}`
//! (`detail` is what yente / FastAPI clients read). Every response carries an
//! `x-request-id` (the client's, if it sent a sane one, else generated).
//!
//! # Configuration
//!
//! Defaults, overridden by a TOML file (`tamga serve --config FILE`), then by
//! environment variables, then by command-line flags:
//!
//! | TOML | Environment | Default | |
//! |---|---|---|---|
//! | `bind` | `TAMGA_BIND` | `127.0.0.1:8000` | listen address |
//! | `lists` | `TAMGA_LISTS` (comma-separated) | bundled snapshot | `[NAME=]PATH` each |
//! | `lenient` | `TAMGA_LENIENT` | `false` | skip bad records instead of failing the list |
//! | `refresh_interval` | `TAMGA_REFRESH_INTERVAL` | none | `"6h"`, `"30m"`, `"90s"` or seconds |
//! | `min_entity_ratio` | `TAMGA_MIN_ENTITY_RATIO` | `0.9` | shrink guard for refreshes |
//! | `licences_dir` | `TAMGA_LICENCES_DIR` | bundled `data/licences`* | licence / prohibition TOML files for `/decide` |
//! | `ownership_files` | `TAMGA_OWNERSHIP` (comma-separated) | none | ownership CSV files for `/decide` |
//! | `limits.max_body_bytes` | `TAMGA_MAX_BODY_BYTES` | 1 MiB | 413 beyond |
//! | `limits.max_batch_body_bytes` | `TAMGA_MAX_BATCH_BODY_BYTES` | 32 MiB | `/screen` body, counted as it streams; 413 beyond (see `POST /screen`) |
//! | `limits.max_batch_records` | `TAMGA_MAX_BATCH_RECORDS` | 10 000 | `/screen` records; 413 beyond (see `POST /screen`) |
//! | `limits.max_match_queries` | `TAMGA_MAX_MATCH_QUERIES` | 100 | `/match` queries; 413 beyond |
//! | `limits.max_results` | `TAMGA_MAX_RESULTS` | 500 | largest `limit`; 422 beyond |
//! | `limits.request_timeout_ms` | `TAMGA_REQUEST_TIMEOUT_MS` | 10 000 | 503 beyond |
//! | `limits.max_concurrent_requests` | `TAMGA_MAX_CONCURRENT_REQUESTS` | 256 | 503 + `Retry-After` beyond |
//! | `limits.max_concurrent_batches` | `TAMGA_MAX_CONCURRENT_BATCHES` | 2 | 503 + `Retry-After` beyond |
//! | `auth.api_keys` | `TAMGA_API_KEYS` | none | see below |
//! | `auth.public_health` | `TAMGA_PUBLIC_HEALTH` | `true` | |
//! | `auth.public_metrics` | `TAMGA_PUBLIC_METRICS` | `true` | |
//!
//! (*) the sibling `licences` of the bundled lists directory
//! ([`tamga_sources::bundled_data_dir`], moved by `TAMGA_DATA`), as for
//! `tamga decide`. Flags: `tamga serve --licences DIR --ownership FILE.csv`
//! (repeatable).
//!
//! Log level: `TAMGA_LOG` (or `RUST_LOG`), an `EnvFilter` directive, default `info`.
//!
//! ```toml
//! bind = "0.0.0.0:8000"
//! refresh_interval = "6h"
//! lists = ["/srv/lists/un/consolidated.xml", "/srv/lists/ofac/sdn"]
//!
//! [limits]
//! max_concurrent_requests = 128
//!
//! [[auth.api_keys]]
//! name = "payments"
//! roles = ["screen"]
//! sha256 = "…64 hex digits…"   # printf %s "$KEY" | sha256sum
//!
//! [[auth.api_keys]]
//! name = "ops"
//! roles = ["screen", "admin"]
//! sha256 = "…"
//! ```
//!
//! # Security
//!
//! * Keys are configured as SHA-256 hashes (`tamga serve --hash-key KEY`, or
//!   `printf %s KEY | sha256sum`); the presented key is hashed and compared
//!   with every configured hash in constant time. `TAMGA_API_KEYS` holds
//!   comma-separated `NAME:ROLES:SHA256` entries, `ROLES` being `screen`,
//!   `admin` or `screen+admin`.
//! * Keys are read from `Authorization: Bearer KEY`, `Authorization: ApiKey KEY`
//!   (yente clients), a bare `Authorization: KEY` (OpenSanctions' curl
//!   examples) or `X-API-Key: KEY`. No / unknown key → 401; a key without
//!   the route's role → 403.
//! * With no key configured the service runs unauthenticated, with a
//!   warning, and only on a loopback address: binding elsewhere without keys
//!   refuses to start.
//! * Logs never contain keys (only the key's configured *name*) nor query
//!   strings or bodies (screened names are personal data).
//! * Overload is shed, not queued: past `max_concurrent_requests` in flight,
//!   requests get 503 with `Retry-After: 1` at once.
//!
//! # List refresh
//!
//! `POST /admin/refresh` and the optional `refresh_interval` re-read every
//! list file, the licence directory and the ownership files on a blocking
//! thread and build a new index and rules engine beside the ones being
//! served. The new set is swapped in atomically only if every list, licence
//! and ownership file parsed and no list's entity count fell below `min_entity_ratio` (default 0.9) of the
//! count being served (`?force=true` skips that check). Otherwise the last
//! good set keeps serving, `/readyz` stays 200, `/lists` shows each list's
//! last attempt and error (naming the file and line / element), and
//! `tamga_refresh_failures_total{reason}` counts it. One refresh runs at a
//! time (409 for a second). **Memory bound:** the old and the new index
//! coexist during a refresh, so peak memory is about twice one index.
//!
//! # Differences from yente's `/match`
//!
//! * Screening is by name: a query needs `name` (or `alias`,
//!   `previousName`, or `firstName`/`lastName` parts); each name is screened
//!   and an entity scores its best over the names. A query without a usable
//!   name is a 400. At most 20 names per query.
//! * Only the first `birthDate` (or `incorporationDate`), the first
//!   country-like value (`nationality`, `citizenship`, `country`,
//!   `jurisdiction`, …) and the first identifier (`idNumber`,
//!   `passportNumber`, `registrationNumber`, `imoNumber`, …) are used as
//!   evidence; other properties (`address`, …) are accepted and ignored.
//! * Schemata: `Person`, `Company`, `Organization`, `PublicBody`,
//!   `LegalEntity`, `Vessel`, `Airplane`, `Thing`; others are a 400.
//! * `algorithm` accepts yente's names (`logic-v1`, `logic-v2`, `best`, …)
//!   and `tamga`; every one runs tamga's scorer. `weights` and `config` are
//!   accepted and ignored; `changed_since` is ignored.
//! * `dataset` is `default` (also `all`, `sanctions`) or a list slug
//!   (`us_ofac_sdn`, `un_sc`, …); others are a 404. `include_dataset`,
//!   `exclude_dataset`, `exclude_schema`, `exclude_entity_ids` and `topics`
//!   (`sanction` for official lists) filter as in yente.
//! * `limit` defaults to 5 as in yente but may go up to
//!   `limits.max_results`; `threshold` (default 0.7) sets `match`; `cutoff`
//!   (default: the threshold) is the lowest score returned.
//! * Results carry `features` built from tamga's explanation (`name_score`
//!   and signed adjustments such as `birth_date`, `country`), and two
//!   extensions: `matched_name` and the full token-level `explanation`.
//!   `properties` are FollowTheMoney-style; `datasets` is the list slug;
//!   `referents` the id as published; `first_seen` the listing date;
//!   `last_seen` / `last_change` are null. Ids are `<source>:<source_id>`.
//! * Limits answer 413 (too many queries, body too large) and 422 (name
//!   too long, bad numbers) where yente answers 400 / 422.

#![warn(missing_docs)]

pub mod auth;
pub mod config;
pub mod error;
pub mod metrics;
pub mod routes;
pub mod state;
pub mod time;

pub use auth::{hash_key, Role};
pub use config::{ApiKeyConfig, AuthConfig, Config, ConfigError, Limits};
pub use state::{AppState, RefreshError, RefreshReport, Snapshot, Trigger};

use std::future::Future;
use std::sync::Arc;
use tamga_sources::{bundled_data_dir, default_list_specs, ListSpec};

/// Why the service could not start or stopped.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The configuration is unusable.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// Metrics could not be registered.
    #[error("metrics: {0}")]
    Metrics(#[from] prometheus::Error),
    /// Binding or serving failed.
    #[error("{context}: {source}")]
    Io {
        /// What was being done.
        context: String,
        /// The error.
        source: std::io::Error,
    },
}

/// A configured service, before it listens.
#[derive(Clone)]
pub struct Service {
    state: Arc<AppState>,
}

impl Service {
    /// Validates the configuration and prepares the state. Lists are not
    /// loaded yet: see [`Service::start_background`].
    pub fn new(config: Config) -> Result<Service, ServeError> {
        config.validate()?;
        let specs: Vec<ListSpec> = if config.lists.is_empty() {
            default_list_specs(&bundled_data_dir())
        } else {
            config.lists.iter().map(|s| ListSpec::parse(s)).collect()
        };
        Ok(Service {
            state: Arc::new(AppState::new(config, specs)?),
        })
    }

    /// The shared state (lists, metrics, refresh).
    pub fn state(&self) -> &Arc<AppState> {
        &self.state
    }

    /// The router, ready to serve.
    pub fn router(&self) -> axum::Router {
        routes::router(Arc::clone(&self.state))
    }

    /// Loads the lists in the background (readiness turns 200 when done) and
    /// starts the refresh schedule, if one is configured. Must be called from
    /// within a tokio runtime.
    pub fn start_background(&self) {
        let state = Arc::clone(&self.state);
        tokio::spawn(async move {
            // Errors are recorded in /lists, counted and logged by refresh().
            let _ = state.refresh(Trigger::Initial, false).await;
            let Some(interval) = state.config.refresh_interval else {
                return;
            };
            let mut ticker = tokio::time::interval(interval);
            ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            ticker.tick().await;
            loop {
                ticker.tick().await;
                let _ = state.refresh(Trigger::Scheduled, false).await;
            }
        });
    }
}

/// Serves on an already-bound listener until `shutdown` completes, loading
/// lists in the background after the listener is up.
pub async fn serve_on(
    listener: tokio::net::TcpListener,
    service: Service,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServeError> {
    if service.state.keys.is_open() {
        tracing::warn!(
            "no API keys configured: serving WITHOUT authentication (allowed on loopback only)"
        );
    }
    service.start_background();
    let router = service.router();
    axum::serve(listener, router)
        .with_graceful_shutdown(shutdown)
        .await
        .map_err(|source| ServeError::Io {
            context: "serving".to_string(),
            source,
        })
}

/// Binds `config.bind` and serves until Ctrl-C / SIGTERM.
pub async fn run(config: Config) -> Result<(), ServeError> {
    let service = Service::new(config)?;
    let bind = service.state.config.bind;
    let listener = tokio::net::TcpListener::bind(bind)
        .await
        .map_err(|source| ServeError::Io {
            context: format!("binding {bind}"),
            source,
        })?;
    let local = listener.local_addr().unwrap_or(bind);
    tracing::info!(address = %local, "listening");
    serve_on(listener, service, shutdown_signal()).await
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down");
}

/// Installs JSON logging to stderr, filtered by `TAMGA_LOG` / `RUST_LOG`
/// (default `info`). Does nothing if a subscriber is already installed.
pub fn init_logging() {
    use tracing_subscriber::EnvFilter;
    let filter = std::env::var("TAMGA_LOG")
        .ok()
        .and_then(|f| EnvFilter::try_new(f).ok())
        .or_else(|| EnvFilter::try_from_default_env().ok())
        .unwrap_or_else(|| EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .json()
        .with_env_filter(filter)
        .with_current_span(true)
        .with_span_list(false)
        .with_writer(std::io::stderr)
        .try_init();
}

/// [`run`] on a new multi-threaded tokio runtime, for callers that have none
/// (the `tamga` CLI).
pub fn run_blocking(config: Config) -> Result<(), ServeError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|source| ServeError::Io {
            context: "starting the async runtime".to_string(),
            source,
        })?;
    runtime.block_on(run(config))
}
