//! Prometheus metrics.
//!
//! Each service instance owns its own [`prometheus::Registry`] (not a
//! process-global recorder), so several services in one process — as in the
//! integration tests — never mix their counts.

use crate::state::Snapshot;
use crate::time::{date_prefix_secs, unix_secs};
use prometheus::{
    Encoder, GaugeVec, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, IntGauge,
    IntGaugeVec, Opts, Registry, TextEncoder,
};
use std::time::SystemTime;

/// The service's metrics.
pub struct Metrics {
    registry: Registry,
    /// Requests by route template, method and status.
    pub requests: IntCounterVec,
    /// Request latency by route template.
    pub latency: HistogramVec,
    /// Matches returned, by route.
    pub matches: IntCounterVec,
    /// `POST /decide` answers, by overall outcome.
    pub decisions: IntCounterVec,
    /// Refresh attempts (scheduled, manual and the initial load).
    pub refresh_attempts: IntCounter,
    /// Refreshes that did not swap in new lists, by reason (`load`,
    /// `suspicious`, `internal`).
    pub refresh_failures: IntCounterVec,
    /// 1 while a refresh runs.
    pub refresh_in_progress: IntGauge,
    /// Requests refused to protect the service, by reason (`overload`,
    /// `timeout`, `batch_slots`).
    pub rejected: IntCounterVec,
    /// 1 once lists are loaded.
    pub ready: IntGauge,
    /// Version of the list set being served (increments on every swap).
    pub version: IntGauge,
    list_entities: IntGaugeVec,
    list_loaded: GaugeVec,
    list_published: GaugeVec,
    list_age: GaugeVec,
}

impl Metrics {
    /// Registers every metric in a fresh registry.
    pub fn new() -> Result<Metrics, prometheus::Error> {
        let registry = Registry::new();
        let requests = IntCounterVec::new(
            Opts::new(
                "tamga_http_requests_total",
                "HTTP requests by route, method and status.",
            ),
            &["route", "method", "status"],
        )?;
        let latency = HistogramVec::new(
            HistogramOpts::new(
                "tamga_http_request_duration_seconds",
                "Time to produce the response head, by route.",
            )
            .buckets(vec![
                0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
            ]),
            &["route"],
        )?;
        let matches = IntCounterVec::new(
            Opts::new(
                "tamga_matches_returned_total",
                "Matches returned to clients, by route.",
            ),
            &["route"],
        )?;
        let decisions = IntCounterVec::new(
            Opts::new(
                "tamga_decisions_total",
                "Decisions answered by POST /decide, by overall outcome.",
            ),
            &["outcome"],
        )?;
        let refresh_attempts = IntCounter::new(
            "tamga_refresh_attempts_total",
            "List refresh attempts, including the initial load.",
        )?;
        let refresh_failures = IntCounterVec::new(
            Opts::new(
                "tamga_refresh_failures_total",
                "Refreshes that kept the previous lists, by reason.",
            ),
            &["reason"],
        )?;
        let refresh_in_progress =
            IntGauge::new("tamga_refresh_in_progress", "1 while a list refresh runs.")?;
        let rejected = IntCounterVec::new(
            Opts::new(
                "tamga_requests_rejected_total",
                "Requests refused to protect the service, by reason.",
            ),
            &["reason"],
        )?;
        let ready = IntGauge::new("tamga_ready", "1 once lists are loaded and served.")?;
        let version = IntGauge::new("tamga_lists_version", "Version of the list set served.")?;
        let list_entities = IntGaugeVec::new(
            Opts::new("tamga_list_entities", "Entities served, per list."),
            &["list"],
        )?;
        let list_loaded = GaugeVec::new(
            Opts::new(
                "tamga_list_loaded_timestamp_seconds",
                "When the served version of each list was loaded (Unix time).",
            ),
            &["list"],
        )?;
        let list_published = GaugeVec::new(
            Opts::new(
                "tamga_list_published_timestamp_seconds",
                "Publication date stated in each list, when it states one (Unix time).",
            ),
            &["list"],
        )?;
        let list_age = GaugeVec::new(
            Opts::new(
                "tamga_list_age_seconds",
                "Age of each served list: now minus its publication date, or minus its load \
                 time when the file states no date.",
            ),
            &["list"],
        )?;
        registry.register(Box::new(requests.clone()))?;
        registry.register(Box::new(latency.clone()))?;
        registry.register(Box::new(matches.clone()))?;
        registry.register(Box::new(decisions.clone()))?;
        registry.register(Box::new(refresh_attempts.clone()))?;
        registry.register(Box::new(refresh_failures.clone()))?;
        registry.register(Box::new(refresh_in_progress.clone()))?;
        registry.register(Box::new(rejected.clone()))?;
        registry.register(Box::new(ready.clone()))?;
        registry.register(Box::new(version.clone()))?;
        registry.register(Box::new(list_entities.clone()))?;
        registry.register(Box::new(list_loaded.clone()))?;
        registry.register(Box::new(list_published.clone()))?;
        registry.register(Box::new(list_age.clone()))?;
        // Make the failure series exist at 0 so alerts can use rate() from the start.
        for reason in ["load", "suspicious", "internal"] {
            refresh_failures.with_label_values(&[reason]);
        }
        for reason in ["overload", "timeout", "batch_slots"] {
            rejected.with_label_values(&[reason]);
        }
        Ok(Metrics {
            registry,
            requests,
            latency,
            matches,
            decisions,
            refresh_attempts,
            refresh_failures,
            refresh_in_progress,
            rejected,
            ready,
            version,
            list_entities,
            list_loaded,
            list_published,
            list_age,
        })
    }

    /// Replaces the per-list gauges after a swap.
    pub fn set_lists(&self, snapshot: &Snapshot) {
        self.list_entities.reset();
        self.list_loaded.reset();
        self.list_published.reset();
        self.list_age.reset();
        for list in &snapshot.lists {
            let label = [list.label.as_str()];
            self.list_entities
                .with_label_values(&label)
                .set(list.entity_count as i64);
            self.list_loaded
                .with_label_values(&label)
                .set(unix_secs(list.loaded_at));
            if let Some(secs) = list.meta.published.as_deref().and_then(date_prefix_secs) {
                self.list_published
                    .with_label_values(&label)
                    .set(secs as f64);
            }
        }
        self.ready.set(1);
        self.version.set(snapshot.version as i64);
    }

    /// The text exposition, with list ages computed now.
    pub fn render(&self, snapshot: Option<&Snapshot>) -> String {
        if let Some(snapshot) = snapshot {
            let now = unix_secs(SystemTime::now());
            for list in &snapshot.lists {
                let since = list
                    .meta
                    .published
                    .as_deref()
                    .and_then(date_prefix_secs)
                    .map(|s| s as f64)
                    .unwrap_or_else(|| unix_secs(list.loaded_at));
                self.list_age
                    .with_label_values(&[list.label.as_str()])
                    .set((now - since).max(0.0));
            }
        }
        let mut out = Vec::new();
        // Encoding into a Vec cannot fail for well-formed metric families.
        let _ = TextEncoder::new().encode(&self.registry.gather(), &mut out);
        String::from_utf8(out).unwrap_or_default()
    }
}
