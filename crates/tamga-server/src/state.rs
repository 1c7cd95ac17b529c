//! The served list set and its refresh.
//!
//! The lists being served are one immutable [`Snapshot`] behind an
//! [`ArcSwapOption`]: a request takes a reference-counted pointer to the
//! snapshot current when it starts and keeps it to the end, so it never sees
//! half of an old list set and half of a new one. A refresh builds the next
//! snapshot beside the current one on a blocking thread, validates it, and
//! swaps the pointer; until the swap every request is answered from the last
//! good snapshot, and a refresh that fails or looks wrong never swaps at all.
//!
//! The rules engine (`POST /decide`) is part of the snapshot: every refresh
//! re-reads the licence directory and the ownership files and rebuilds the
//! engine over the new entities, so the screener and the engine a decision
//! uses always come from the same list set. A licence or ownership file that
//! cannot be read fails the refresh exactly as a list would.
//!
//! Memory: while a refresh runs, the old and new snapshots coexist, so peak
//! memory is about twice the size of one loaded index (plus the parse buffers
//! of the list being read). Requests that started before a swap keep the old
//! snapshot alive until they finish.

use crate::auth::KeyRing;
use crate::config::Config;
use crate::metrics::Metrics;
use crate::time::rfc3339;
use arc_swap::ArcSwapOption;
use serde::Serialize;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Instant, SystemTime};
use tamga_model::ListMeta;
use tamga_rules::{LicenceSet, RulesEngine, RulesError};
use tamga_scorer::TamgaScorer;
use tamga_screen::Screener;
use tamga_sources::{ListSpec, LoadOptions};
use tokio::sync::Semaphore;

/// One list as served.
pub struct LoadedList {
    /// Label used in metrics and `/lists`: the list's source slug.
    pub label: String,
    /// Where it was read from.
    pub spec: ListSpec,
    /// Publication facts (format, files, SHA-256, date, warnings).
    pub meta: ListMeta,
    /// Entities it holds.
    pub entity_count: usize,
    /// When this version was loaded.
    pub loaded_at: SystemTime,
}

/// An immutable, fully built list set.
pub struct Snapshot {
    /// The screener over every list.
    pub screener: Screener<TamgaScorer>,
    /// The rules engine (licences, ownership graph) over the same entities.
    pub engine: RulesEngine,
    /// Licence and prohibition documents the engine holds.
    pub licence_count: usize,
    /// The lists, in configuration order.
    pub lists: Vec<LoadedList>,
    /// Increments with every successful swap (1 = the initial load).
    pub version: u64,
    /// When it was built.
    pub loaded_at: SystemTime,
}

/// What caused a refresh.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Trigger {
    /// The load at start-up.
    Initial,
    /// `POST /admin/refresh`.
    Manual,
    /// The `refresh_interval` schedule.
    Scheduled,
}

/// How a refresh (or one list within it) ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Loaded and now served.
    Ok,
    /// Could not be loaded; the previous version is still served.
    Failed,
    /// Loaded but shrank beyond `min_entity_ratio`; refused.
    Suspicious,
    /// This list loaded fine but another one failed, so nothing was swapped.
    NotApplied,
}

/// The last refresh attempt of one list.
#[derive(Debug, Clone, Serialize)]
pub struct Attempt {
    /// When the attempt finished (RFC 3339).
    pub at: String,
    /// How it ended.
    pub outcome: Outcome,
    /// Entity count read, when the file loaded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity_count: Option<usize>,
    /// Why it failed, naming the file and line or element.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// The last refresh as a whole.
#[derive(Debug, Clone, Serialize)]
pub struct RefreshRecord {
    /// What caused it.
    pub trigger: Trigger,
    /// `?force=true` was given.
    pub forced: bool,
    /// Start (RFC 3339).
    pub started_at: String,
    /// End (RFC 3339).
    pub finished_at: String,
    /// How it ended.
    pub outcome: Outcome,
    /// Why it failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The version served after it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<u64>,
}

/// A list that failed to load during a refresh.
#[derive(Debug, Clone, Serialize)]
pub struct ListFailure {
    /// The configured path.
    pub path: String,
    /// The loader's error, naming the file and line / element.
    pub error: String,
}

/// A list whose entity count fell too far.
#[derive(Debug, Clone, Serialize)]
pub struct Shrink {
    /// The list.
    pub list: String,
    /// Count being served.
    pub previous: usize,
    /// Count just read.
    pub new: usize,
}

/// Why a refresh kept the previous lists.
#[derive(Debug, Clone, thiserror::Error)]
pub enum RefreshError {
    /// Another refresh is running.
    #[error("a refresh is already running")]
    InProgress,
    /// At least one list could not be loaded.
    #[error("{}", describe_failures(.0))]
    Load(Vec<ListFailure>),
    /// At least one list shrank suspiciously.
    #[error("{}", describe_shrinks(.0))]
    Suspicious(Vec<Shrink>),
    /// The refresh task itself failed (a loader panicked).
    #[error("refresh task failed: {0}")]
    Internal(String),
}

fn describe_failures(failures: &[ListFailure]) -> String {
    let parts: Vec<String> = failures.iter().map(|f| f.error.clone()).collect();
    format!("list load failed: {}", parts.join("; "))
}

fn describe_shrinks(shrinks: &[Shrink]) -> String {
    let parts: Vec<String> = shrinks
        .iter()
        .map(|s| format!("{} fell from {} to {} entities", s.list, s.previous, s.new))
        .collect();
    format!(
        "refresh refused as suspicious: {}; retry with ?force=true to accept",
        parts.join("; ")
    )
}

/// What a successful refresh did.
#[derive(Debug, Clone, Serialize)]
pub struct RefreshReport {
    /// The version now served.
    pub version: u64,
    /// Milliseconds spent loading, validating and indexing.
    pub duration_ms: u64,
    /// Per list: label, new count and the count it replaced.
    pub lists: Vec<ListCount>,
}

/// A list's entity count before and after a refresh.
#[derive(Debug, Clone, Serialize)]
pub struct ListCount {
    /// The list.
    pub list: String,
    /// New count.
    pub entity_count: usize,
    /// Count replaced (absent on the initial load).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous: Option<usize>,
}

struct Status {
    attempts: Vec<Option<Attempt>>,
    rules: Option<Attempt>,
    last_refresh: Option<RefreshRecord>,
}

/// Everything the request handlers share.
pub struct AppState {
    /// The configuration in force.
    pub config: Config,
    /// The lists to load, in order.
    pub specs: Vec<ListSpec>,
    /// API keys.
    pub keys: KeyRing,
    /// Metrics.
    pub metrics: Metrics,
    /// Slots for concurrent `/screen` batches.
    pub batch_slots: Arc<Semaphore>,
    /// Slots shared by every protected API route.
    pub request_slots: Arc<Semaphore>,
    current: ArcSwapOption<Snapshot>,
    status: Mutex<Status>,
    refresh_lock: Arc<tokio::sync::Mutex<()>>,
    versions: AtomicU64,
    id_seed: u64,
    id_counter: AtomicU64,
}

impl AppState {
    /// Builds the state; no list is loaded yet.
    pub fn new(config: Config, specs: Vec<ListSpec>) -> Result<AppState, prometheus::Error> {
        use std::hash::{BuildHasher, Hasher};
        let keys = KeyRing::new(&config.auth.api_keys);
        let batch_slots = Arc::new(Semaphore::new(config.limits.max_concurrent_batches));
        let request_slots = Arc::new(Semaphore::new(config.limits.max_concurrent_requests));
        // Random per process, so request ids from two runs never collide.
        let id_seed = std::collections::hash_map::RandomState::new()
            .build_hasher()
            .finish();
        Ok(AppState {
            status: Mutex::new(Status {
                attempts: vec![None; specs.len()],
                rules: None,
                last_refresh: None,
            }),
            config,
            specs,
            keys,
            metrics: Metrics::new()?,
            batch_slots,
            request_slots,
            current: ArcSwapOption::empty(),
            refresh_lock: Arc::new(tokio::sync::Mutex::new(())),
            versions: AtomicU64::new(0),
            id_seed,
            id_counter: AtomicU64::new(0),
        })
    }

    /// The snapshot being served, if lists are loaded.
    pub fn snapshot(&self) -> Option<Arc<Snapshot>> {
        self.current.load_full()
    }

    /// A fresh request id.
    pub fn next_request_id(&self) -> String {
        let n = self.id_counter.fetch_add(1, Ordering::Relaxed);
        format!("{:08x}-{n:08x}", self.id_seed as u32)
    }

    /// A refresh is running.
    pub fn refreshing(&self) -> bool {
        self.refresh_lock.try_lock().is_err()
    }

    /// The last attempt per configured list, in order.
    pub fn attempts(&self) -> Vec<Option<Attempt>> {
        self.status
            .lock()
            .map(|s| s.attempts.clone())
            .unwrap_or_default()
    }

    /// The last attempt to load the licences and ownership files (its
    /// `entity_count` is the number of licence documents read).
    pub fn rules_attempt(&self) -> Option<Attempt> {
        self.status.lock().ok().and_then(|s| s.rules.clone())
    }

    /// The last refresh.
    pub fn last_refresh(&self) -> Option<RefreshRecord> {
        self.status.lock().ok().and_then(|s| s.last_refresh.clone())
    }

    /// Re-reads every list, validates and swaps. Only one runs at a time;
    /// a second caller gets [`RefreshError::InProgress`] at once.
    ///
    /// The work runs in its own task, so a client that disconnects from
    /// `POST /admin/refresh` does not abandon a refresh half-way.
    pub async fn refresh(
        self: &Arc<Self>,
        trigger: Trigger,
        force: bool,
    ) -> Result<RefreshReport, RefreshError> {
        let guard = Arc::clone(&self.refresh_lock)
            .try_lock_owned()
            .map_err(|_| RefreshError::InProgress)?;
        let state = Arc::clone(self);
        let task = tokio::spawn(async move {
            let _guard = guard;
            state.refresh_locked(trigger, force).await
        });
        task.await
            .map_err(|e| RefreshError::Internal(e.to_string()))?
    }

    async fn refresh_locked(
        self: &Arc<Self>,
        trigger: Trigger,
        force: bool,
    ) -> Result<RefreshReport, RefreshError> {
        let started = SystemTime::now();
        let clock = Instant::now();
        self.metrics.refresh_attempts.inc();
        self.metrics.refresh_in_progress.set(1);
        let previous = self.snapshot();
        let state = Arc::clone(self);
        let built = tokio::task::spawn_blocking(move || state.build(previous.as_deref(), force))
            .await
            .unwrap_or_else(|e| Err(RefreshError::Internal(e.to_string())));
        self.metrics.refresh_in_progress.set(0);
        let finished = SystemTime::now();
        let result = match built {
            Ok((snapshot, counts)) => {
                let version = snapshot.version;
                self.metrics.set_lists(&snapshot);
                let old = self.current.swap(Some(Arc::new(snapshot)));
                // Dropping an index can take milliseconds; keep it off the
                // async workers.
                if old.is_some() {
                    tokio::task::spawn_blocking(move || drop(old));
                }
                Ok(RefreshReport {
                    version,
                    duration_ms: clock.elapsed().as_millis() as u64,
                    lists: counts,
                })
            }
            Err(err) => {
                let reason = match &err {
                    RefreshError::Load(_) => "load",
                    RefreshError::Suspicious(_) => "suspicious",
                    RefreshError::InProgress | RefreshError::Internal(_) => "internal",
                };
                self.metrics
                    .refresh_failures
                    .with_label_values(&[reason])
                    .inc();
                Err(err)
            }
        };
        let record = RefreshRecord {
            trigger,
            forced: force,
            started_at: rfc3339(started),
            finished_at: rfc3339(finished),
            outcome: match &result {
                Ok(_) => Outcome::Ok,
                Err(RefreshError::Suspicious(_)) => Outcome::Suspicious,
                Err(_) => Outcome::Failed,
            },
            error: result.as_ref().err().map(ToString::to_string),
            version: self.snapshot().map(|s| s.version),
        };
        match &result {
            Ok(report) => tracing::info!(
                trigger = ?trigger,
                version = report.version,
                duration_ms = report.duration_ms,
                "lists refreshed"
            ),
            Err(err) => {
                tracing::error!(trigger = ?trigger, error = %err, "list refresh kept the previous lists")
            }
        }
        if let Ok(mut status) = self.status.lock() {
            status.last_refresh = Some(record);
        }
        result
    }

    /// Loads, validates and indexes on the calling (blocking) thread.
    fn build(
        &self,
        previous: Option<&Snapshot>,
        force: bool,
    ) -> Result<(Snapshot, Vec<ListCount>), RefreshError> {
        let options = LoadOptions {
            lenient: self.config.lenient,
        };
        let mut loaded = Vec::with_capacity(self.specs.len());
        let mut failures = Vec::new();
        for spec in &self.specs {
            match tamga_sources::load(spec, &options) {
                Ok(list) => loaded.push(Ok(list)),
                Err(e) => {
                    failures.push(ListFailure {
                        path: spec.path.display().to_string(),
                        error: e.to_string(),
                    });
                    loaded.push(Err(e.to_string()));
                }
            }
        }
        let now = SystemTime::now();
        let at = rfc3339(now);
        if !failures.is_empty() {
            let attempts = loaded
                .iter()
                .map(|r| {
                    Some(match r {
                        Ok(list) => Attempt {
                            at: at.clone(),
                            outcome: Outcome::NotApplied,
                            entity_count: Some(list.entities.len()),
                            error: Some("another list failed; nothing was swapped".to_string()),
                        },
                        Err(e) => Attempt {
                            at: at.clone(),
                            outcome: Outcome::Failed,
                            entity_count: None,
                            error: Some(e.clone()),
                        },
                    })
                })
                .collect();
            self.set_attempts(attempts);
            return Err(RefreshError::Load(failures));
        }
        let lists: Vec<_> = loaded.into_iter().filter_map(Result::ok).collect();
        let mut counts = Vec::with_capacity(lists.len());
        let mut shrinks = Vec::new();
        for (i, list) in lists.iter().enumerate() {
            let label = list.meta.source.as_str().to_string();
            let previous_count = previous
                .and_then(|p| p.lists.get(i))
                .map(|l| l.entity_count);
            let new = list.entities.len();
            if let Some(prev) = previous_count {
                if !force && (new as f64) < self.config.min_entity_ratio * prev as f64 {
                    shrinks.push(Shrink {
                        list: label.clone(),
                        previous: prev,
                        new,
                    });
                }
            }
            counts.push(ListCount {
                list: label,
                entity_count: new,
                previous: previous_count,
            });
        }
        if !shrinks.is_empty() {
            let attempts = counts
                .iter()
                .map(|c| {
                    let shrink = shrinks.iter().find(|s| s.list == c.list);
                    Some(Attempt {
                        at: at.clone(),
                        outcome: if shrink.is_some() {
                            Outcome::Suspicious
                        } else {
                            Outcome::NotApplied
                        },
                        entity_count: Some(c.entity_count),
                        error: Some(match shrink {
                            Some(s) => format!(
                                "entity count fell from {} to {} (below {} of the served count); \
                                 POST /admin/refresh?force=true to accept",
                                s.previous, s.new, self.config.min_entity_ratio
                            ),
                            None => "another list looked suspicious; nothing was swapped".into(),
                        }),
                    })
                })
                .collect();
            self.set_attempts(attempts);
            return Err(RefreshError::Suspicious(shrinks));
        }
        let served: Vec<LoadedList> = lists
            .iter()
            .zip(&self.specs)
            .map(|(list, spec)| LoadedList {
                label: list.meta.source.as_str().to_string(),
                spec: spec.clone(),
                meta: list.meta.clone(),
                entity_count: list.entities.len(),
                loaded_at: now,
            })
            .collect();
        // Licences first: a broken licence file is found before indexing.
        let rules_failed = |err: RulesError| {
            let failure = rules_failure(&self.config.licences_dir, &err);
            let mut attempts: Vec<Option<Attempt>> = counts
                .iter()
                .map(|c| {
                    Some(Attempt {
                        at: at.clone(),
                        outcome: Outcome::NotApplied,
                        entity_count: Some(c.entity_count),
                        error: Some(
                            "the licences or ownership files failed; nothing was swapped".into(),
                        ),
                    })
                })
                .collect();
            attempts.resize(self.specs.len(), None);
            self.set_attempts(attempts);
            self.set_rules_attempt(Attempt {
                at: at.clone(),
                outcome: Outcome::Failed,
                entity_count: None,
                error: Some(failure.error.clone()),
            });
            RefreshError::Load(vec![failure])
        };
        let licences = match LicenceSet::load_dir(&self.config.licences_dir) {
            Ok(l) => l,
            Err(e) => return Err(rules_failed(e)),
        };
        let licence_count = licences.documents.len();
        // `default()` rather than a unit literal: the scorer is due to gain
        // configuration (tables, weights) without this call changing.
        #[allow(clippy::default_constructed_unit_structs)]
        let screener = Screener::new(lists, TamgaScorer::default());
        let engine =
            match RulesEngine::new(screener.entities(), licences, &self.config.ownership_files) {
                Ok(engine) => engine,
                Err(e) => return Err(rules_failed(e)),
            };
        self.set_rules_attempt(Attempt {
            at: at.clone(),
            outcome: Outcome::Ok,
            entity_count: Some(licence_count),
            error: None,
        });
        let version = self.versions.fetch_add(1, Ordering::SeqCst) + 1;
        self.set_attempts(
            counts
                .iter()
                .map(|c| {
                    Some(Attempt {
                        at: at.clone(),
                        outcome: Outcome::Ok,
                        entity_count: Some(c.entity_count),
                        error: None,
                    })
                })
                .collect(),
        );
        Ok((
            Snapshot {
                screener,
                engine,
                licence_count,
                lists: served,
                version,
                loaded_at: now,
            },
            counts,
        ))
    }

    fn set_rules_attempt(&self, attempt: Attempt) {
        if let Ok(mut status) = self.status.lock() {
            status.rules = Some(attempt);
        }
    }

    fn set_attempts(&self, attempts: Vec<Option<Attempt>>) {
        if let Ok(mut status) = self.status.lock() {
            status.attempts = attempts;
        }
    }
}

/// A licence or ownership error as a refresh failure naming the file.
fn rules_failure(licences_dir: &std::path::Path, err: &RulesError) -> ListFailure {
    let path = match err {
        RulesError::Io { file, .. }
        | RulesError::Record { file, .. }
        | RulesError::Licence { file, .. } => file.clone(),
        RulesError::Request { .. } => licences_dir.display().to_string(),
    };
    ListFailure {
        path,
        error: format!("rules data: {err}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn only_one_refresh_runs_at_a_time() {
        let state = Arc::new(AppState::new(Config::default(), Vec::new()).unwrap());
        let held = Arc::clone(&state.refresh_lock).try_lock_owned().unwrap();
        assert!(state.refreshing());
        assert!(matches!(
            state.refresh(Trigger::Manual, false).await,
            Err(RefreshError::InProgress)
        ));
        drop(held);
        // Once free, a refresh (of no lists) succeeds and is version 1.
        let report = state.refresh(Trigger::Manual, false).await.unwrap();
        assert_eq!(report.version, 1);
        assert!(!state.refreshing());
    }
}
