//! Service configuration: defaults, then a TOML file, then `TAMGA_*`
//! environment variables, then command-line flags (each layer overrides the
//! one before). Every field and its default is documented in the crate docs.

use crate::auth::Role;
use serde::Deserialize;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The whole service configuration.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Address to listen on. Default `127.0.0.1:8000`.
    pub bind: SocketAddr,
    /// Lists to serve, each `PATH` or `NAME=PATH` as for `tamga --list`.
    /// Empty (the default) serves the bundled snapshot.
    pub lists: Vec<String>,
    /// Skip malformed records with a counted warning instead of failing the
    /// whole list. Default `false`: a list either loads completely or not at all.
    pub lenient: bool,
    /// Re-read the lists on this schedule (`"90s"`, `"30m"`, `"6h"`, `"1d"` or
    /// a number of seconds). Default: no schedule (refresh only on
    /// `POST /admin/refresh`).
    #[serde(deserialize_with = "de_interval")]
    pub refresh_interval: Option<Duration>,
    /// A refresh is refused as suspicious when any list's new entity count is
    /// below this fraction of the count being served (unless forced).
    /// Default `0.9`.
    pub min_entity_ratio: f64,
    /// Directory of licence / prohibition TOML files for `POST /decide`,
    /// read recursively at every refresh. Default: the bundled
    /// `data/licences` ([`default_licences_dir`]), as for `tamga decide`.
    pub licences_dir: PathBuf,
    /// Ownership CSV files
    /// (`owner,owned,percentage,as_of,source[,control][,joint_arrangement]`)
    /// added to the relationships the lists publish, read at every refresh.
    /// Default: none, as for `tamga decide`.
    pub ownership_files: Vec<PathBuf>,
    /// Request limits.
    pub limits: Limits,
    /// API keys and which endpoints need them.
    pub auth: AuthConfig,
}

/// The bundled licence directory, as for `tamga decide`
/// ([`tamga_sources::bundled_licences_dir`]).
pub fn default_licences_dir() -> PathBuf {
    tamga_sources::bundled_licences_dir()
}

impl Default for Config {
    fn default() -> Self {
        Config {
            bind: SocketAddr::from(([127, 0, 0, 1], 8000)),
            lists: Vec::new(),
            lenient: false,
            refresh_interval: None,
            min_entity_ratio: 0.9,
            licences_dir: default_licences_dir(),
            ownership_files: Vec::new(),
            limits: Limits::default(),
            auth: AuthConfig::default(),
        }
    }
}

/// Request limits. They exist so that one client cannot exhaust memory or
/// CPU for everyone else; every limit answers with a JSON error saying which
/// limit was hit.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Limits {
    /// Largest request body for every endpoint except `POST /screen`
    /// (413 beyond it). Default 1 MiB.
    pub max_body_bytes: usize,
    /// Largest request body for `POST /screen`, counted as the body streams
    /// in (413 beyond it; once results are streaming, a final error line
    /// instead). Default 32 MiB.
    pub max_batch_body_bytes: usize,
    /// Most records in one `POST /screen` batch (413 beyond it; once results
    /// are streaming, a final error line instead). Default 10 000.
    pub max_batch_records: usize,
    /// Most queries in one `POST /match` request (413 beyond it). Default 100,
    /// as yente's `MAX_BATCH`.
    pub max_match_queries: usize,
    /// Largest `limit` a client may ask for (422 beyond it). Default 500.
    pub max_results: usize,
    /// Time allowed to produce a response head, in milliseconds (503 beyond
    /// it). A `/screen` batch needs only its first records within it; its
    /// body then streams in and its results out for as long as they take,
    /// but a body that sends nothing for this long ends the batch. Default
    /// 10 000.
    pub request_timeout_ms: u64,
    /// Requests processed at once across all API routes; more are rejected at
    /// once with 503 and `Retry-After` rather than queued without bound.
    /// Default 256.
    pub max_concurrent_requests: usize,
    /// `POST /screen` batches screened at once (503 and `Retry-After` beyond
    /// it). Default 2.
    pub max_concurrent_batches: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_body_bytes: 1 << 20,
            max_batch_body_bytes: 32 << 20,
            max_batch_records: 10_000,
            max_match_queries: 100,
            max_results: 500,
            request_timeout_ms: 10_000,
            max_concurrent_requests: 256,
            max_concurrent_batches: 2,
        }
    }
}

/// API keys and which endpoints are open.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AuthConfig {
    /// The accepted keys, by hash. None: the service runs unauthenticated,
    /// which is only allowed on a loopback address.
    pub api_keys: Vec<ApiKeyConfig>,
    /// `/healthz` and `/readyz` need no key. Default `true`.
    pub public_health: bool,
    /// `/metrics` needs no key. Default `true`.
    pub public_metrics: bool,
}

impl Default for AuthConfig {
    fn default() -> Self {
        AuthConfig {
            api_keys: Vec::new(),
            public_health: true,
            public_metrics: true,
        }
    }
}

/// One API key, stored as the hex SHA-256 of the key (never the key itself,
/// so a leaked config file does not leak working keys).
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ApiKeyConfig {
    /// A label for logs and metrics (never the key).
    pub name: String,
    /// Hex SHA-256 of the key: `printf %s KEY | sha256sum` or `tamga serve --hash-key KEY`.
    pub sha256: String,
    /// What the key may do.
    pub roles: Vec<Role>,
}

/// A configuration that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The config file could not be read.
    #[error("{file}: {message}")]
    Read {
        /// The file.
        file: String,
        /// Why.
        message: String,
    },
    /// The TOML is malformed or has an unknown / mistyped field (the message
    /// carries the line and column).
    #[error("{file}: {message}")]
    Parse {
        /// The file.
        file: String,
        /// Parser message with line and column.
        message: String,
    },
    /// An environment variable has a value that cannot be used.
    #[error("environment variable {var}: {message}")]
    Env {
        /// The variable.
        var: String,
        /// What is wrong.
        message: String,
    },
    /// A field has a value that cannot be used.
    #[error("config field `{field}`: {message}")]
    Invalid {
        /// The field.
        field: String,
        /// What is wrong.
        message: String,
    },
    /// Refusing to expose the lists to the network without authentication.
    #[error(
        "refusing to listen on {bind} without API keys: set [auth] api_keys in the config or \
         TAMGA_API_KEYS, or bind to a loopback address such as 127.0.0.1"
    )]
    UnauthenticatedNonLoopback {
        /// The non-loopback address.
        bind: SocketAddr,
    },
}

impl Config {
    /// Reads a TOML config file over the defaults.
    pub fn from_file(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError::Read {
            file: path.display().to_string(),
            message: e.to_string(),
        })?;
        Config::from_toml(&text, &path.display().to_string())
    }

    /// Parses TOML text over the defaults; `origin` names it in errors.
    pub fn from_toml(text: &str, origin: &str) -> Result<Config, ConfigError> {
        toml::from_str(text).map_err(|e| ConfigError::Parse {
            file: origin.to_string(),
            message: e.to_string().trim_end().to_string(),
        })
    }

    /// Applies `TAMGA_*` variables from the process environment.
    pub fn apply_env(&mut self) -> Result<(), ConfigError> {
        self.apply_env_from(|name| std::env::var(name).ok())
    }

    /// Applies `TAMGA_*` variables read through `lookup` (tests inject their
    /// own environment this way instead of mutating the process's).
    pub fn apply_env_from(
        &mut self,
        lookup: impl Fn(&str) -> Option<String>,
    ) -> Result<(), ConfigError> {
        fn bad(var: &str, message: impl std::fmt::Display) -> ConfigError {
            ConfigError::Env {
                var: var.to_string(),
                message: message.to_string(),
            }
        }
        fn parsed<T: std::str::FromStr>(var: &str, value: &str) -> Result<T, ConfigError>
        where
            T::Err: std::fmt::Display,
        {
            value.trim().parse().map_err(|e| bad(var, e))
        }
        let get = |name: &str| lookup(name).filter(|v| !v.trim().is_empty());
        if let Some(v) = get("TAMGA_BIND") {
            self.bind = parsed("TAMGA_BIND", &v)?;
        }
        if let Some(v) = get("TAMGA_LISTS") {
            self.lists = v
                .split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect();
        }
        if let Some(v) = get("TAMGA_LICENCES_DIR") {
            self.licences_dir = PathBuf::from(v.trim());
        }
        if let Some(v) = get("TAMGA_OWNERSHIP") {
            self.ownership_files = v
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(PathBuf::from)
                .collect();
        }
        if let Some(v) = get("TAMGA_LENIENT") {
            self.lenient =
                parse_bool(&v).ok_or_else(|| bad("TAMGA_LENIENT", "expected true or false"))?;
        }
        if let Some(v) = get("TAMGA_REFRESH_INTERVAL") {
            self.refresh_interval =
                Some(parse_interval(&v).map_err(|m| bad("TAMGA_REFRESH_INTERVAL", m))?);
        }
        if let Some(v) = get("TAMGA_MIN_ENTITY_RATIO") {
            self.min_entity_ratio = parsed("TAMGA_MIN_ENTITY_RATIO", &v)?;
        }
        if let Some(v) = get("TAMGA_API_KEYS") {
            self.auth.api_keys = parse_env_keys(&v).map_err(|m| bad("TAMGA_API_KEYS", m))?;
        }
        if let Some(v) = get("TAMGA_PUBLIC_HEALTH") {
            self.auth.public_health = parse_bool(&v)
                .ok_or_else(|| bad("TAMGA_PUBLIC_HEALTH", "expected true or false"))?;
        }
        if let Some(v) = get("TAMGA_PUBLIC_METRICS") {
            self.auth.public_metrics = parse_bool(&v)
                .ok_or_else(|| bad("TAMGA_PUBLIC_METRICS", "expected true or false"))?;
        }
        let limits = &mut self.limits;
        for (var, slot) in [
            ("TAMGA_MAX_BODY_BYTES", &mut limits.max_body_bytes),
            (
                "TAMGA_MAX_BATCH_BODY_BYTES",
                &mut limits.max_batch_body_bytes,
            ),
            ("TAMGA_MAX_BATCH_RECORDS", &mut limits.max_batch_records),
            ("TAMGA_MAX_MATCH_QUERIES", &mut limits.max_match_queries),
            ("TAMGA_MAX_RESULTS", &mut limits.max_results),
            (
                "TAMGA_MAX_CONCURRENT_REQUESTS",
                &mut limits.max_concurrent_requests,
            ),
            (
                "TAMGA_MAX_CONCURRENT_BATCHES",
                &mut limits.max_concurrent_batches,
            ),
        ] {
            if let Some(v) = get(var) {
                *slot = parsed(var, &v)?;
            }
        }
        if let Some(v) = get("TAMGA_REQUEST_TIMEOUT_MS") {
            limits.request_timeout_ms = parsed("TAMGA_REQUEST_TIMEOUT_MS", &v)?;
        }
        Ok(())
    }

    /// Checks every value, including the rule that an unauthenticated
    /// service only listens on loopback.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let invalid = |field: &str, message: &str| ConfigError::Invalid {
            field: field.to_string(),
            message: message.to_string(),
        };
        if !(0.0..=1.0).contains(&self.min_entity_ratio) {
            return Err(invalid("min_entity_ratio", "must be between 0 and 1"));
        }
        let l = &self.limits;
        for (field, value) in [
            ("limits.max_body_bytes", l.max_body_bytes),
            ("limits.max_batch_body_bytes", l.max_batch_body_bytes),
            ("limits.max_batch_records", l.max_batch_records),
            ("limits.max_match_queries", l.max_match_queries),
            ("limits.max_results", l.max_results),
            ("limits.max_concurrent_requests", l.max_concurrent_requests),
            ("limits.max_concurrent_batches", l.max_concurrent_batches),
            ("limits.request_timeout_ms", l.request_timeout_ms as usize),
        ] {
            if value == 0 {
                return Err(invalid(field, "must be greater than 0"));
            }
        }
        if let Some(interval) = self.refresh_interval {
            if interval < Duration::from_secs(1) {
                return Err(invalid("refresh_interval", "must be at least one second"));
            }
        }
        for (i, key) in self.auth.api_keys.iter().enumerate() {
            let field = format!("auth.api_keys[{i}]");
            if key.sha256.len() != 64 || !key.sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(ConfigError::Invalid {
                    field: format!("{field}.sha256"),
                    message: "must be 64 hex digits (the SHA-256 of the key, not the key)"
                        .to_string(),
                });
            }
            if key.roles.is_empty() {
                return Err(ConfigError::Invalid {
                    field: format!("{field}.roles"),
                    message: "must name at least one role (screen, admin)".to_string(),
                });
            }
        }
        if self.auth.api_keys.is_empty() && !self.bind.ip().is_loopback() {
            return Err(ConfigError::UnauthenticatedNonLoopback { bind: self.bind });
        }
        Ok(())
    }

    /// The request timeout as a duration.
    pub fn request_timeout(&self) -> Duration {
        Duration::from_millis(self.limits.request_timeout_ms)
    }
}

fn parse_bool(text: &str) -> Option<bool> {
    match text.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Some(true),
        "0" | "false" | "no" | "off" => Some(false),
        _ => None,
    }
}

/// Parses `TAMGA_API_KEYS`: comma-separated `NAME:ROLES:SHA256` entries where
/// `ROLES` is `screen`, `admin` or `screen+admin`.
fn parse_env_keys(text: &str) -> Result<Vec<ApiKeyConfig>, String> {
    let mut keys = Vec::new();
    for (i, entry) in text.split(',').map(str::trim).enumerate() {
        if entry.is_empty() {
            continue;
        }
        let mut parts = entry.splitn(3, ':');
        let (Some(name), Some(roles), Some(hash)) = (parts.next(), parts.next(), parts.next())
        else {
            return Err(format!(
                "entry {} is not NAME:ROLES:SHA256 (e.g. ops:screen+admin:<64 hex digits>)",
                i + 1
            ));
        };
        let roles = roles
            .split('+')
            .map(|r| Role::parse(r).ok_or_else(|| format!("entry {}: unknown role `{r}`", i + 1)))
            .collect::<Result<Vec<_>, _>>()?;
        keys.push(ApiKeyConfig {
            name: name.to_string(),
            sha256: hash.to_ascii_lowercase(),
            roles,
        });
    }
    Ok(keys)
}

/// Parses `90`, `90s`, `30m`, `6h`, `1d`.
pub fn parse_interval(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let (number, unit) = match text.find(|c: char| !c.is_ascii_digit()) {
        Some(i) => text.split_at(i),
        None => (text, "s"),
    };
    let n: u64 = number
        .parse()
        .map_err(|_| format!("`{text}` is not a duration like 90s, 30m, 6h or 1d"))?;
    let secs = match unit.trim() {
        "s" => n,
        "m" => n.saturating_mul(60),
        "h" => n.saturating_mul(3600),
        "d" => n.saturating_mul(86_400),
        other => {
            return Err(format!(
                "unknown unit `{other}` in `{text}` (use s, m, h or d)"
            ))
        }
    };
    Ok(Duration::from_secs(secs))
}

fn de_interval<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Duration>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Seconds(u64),
        Text(String),
    }
    match Option::<Raw>::deserialize(d)? {
        None => Ok(None),
        Some(Raw::Seconds(s)) => Ok(Some(Duration::from_secs(s))),
        Some(Raw::Text(t)) => parse_interval(&t)
            .map(Some)
            .map_err(serde::de::Error::custom),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_overrides_defaults_and_reports_unknown_fields_with_line() {
        let c = Config::from_toml(
            "bind = \"127.0.0.1:9000\"\nrefresh_interval = \"30m\"\n[limits]\nmax_batch_records = 5\n",
            "t.toml",
        )
        .unwrap();
        assert_eq!(c.bind.port(), 9000);
        assert_eq!(c.refresh_interval, Some(Duration::from_secs(1800)));
        assert_eq!(c.limits.max_batch_records, 5);
        assert_eq!(c.limits.max_body_bytes, Limits::default().max_body_bytes);
        let err = Config::from_toml("bind = \"127.0.0.1:1\"\nbogus = 1\n", "t.toml").unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains("t.toml") && text.contains("line 2") && text.contains("bogus"),
            "{text}"
        );
    }

    #[test]
    fn env_overrides_and_key_parsing() {
        let mut c = Config::default();
        let hash = "a".repeat(64);
        let env = |name: &str| match name {
            "TAMGA_BIND" => Some("0.0.0.0:8080".to_string()),
            "TAMGA_API_KEYS" => Some(format!("ops:screen+admin:{hash}, app:screen:{hash}")),
            "TAMGA_MAX_CONCURRENT_REQUESTS" => Some("7".to_string()),
            _ => None,
        };
        c.apply_env_from(env).unwrap();
        assert_eq!(c.bind.port(), 8080);
        assert_eq!(c.limits.max_concurrent_requests, 7);
        assert_eq!(c.auth.api_keys.len(), 2);
        assert_eq!(c.auth.api_keys[0].roles, vec![Role::Screen, Role::Admin]);
        c.validate().unwrap();
        let err = Config::default()
            .apply_env_from(|n| (n == "TAMGA_API_KEYS").then(|| "ops:root:abc".to_string()))
            .unwrap_err();
        assert!(err.to_string().contains("unknown role `root`"), "{err}");
    }

    #[test]
    fn rules_data_defaults_and_overrides() {
        let c = Config::default();
        assert_eq!(c.licences_dir, default_licences_dir());
        assert!(c.licences_dir.ends_with("licences"));
        assert!(c.ownership_files.is_empty());
        let mut c = Config::from_toml(
            "licences_dir = \"/srv/licences\"\nownership_files = [\"a.csv\"]\n",
            "t.toml",
        )
        .unwrap();
        assert_eq!(c.licences_dir, PathBuf::from("/srv/licences"));
        assert_eq!(c.ownership_files, vec![PathBuf::from("a.csv")]);
        c.apply_env_from(|n| match n {
            "TAMGA_LICENCES_DIR" => Some("/etc/tamga/licences".to_string()),
            "TAMGA_OWNERSHIP" => Some("x.csv, y.csv".to_string()),
            _ => None,
        })
        .unwrap();
        assert_eq!(c.licences_dir, PathBuf::from("/etc/tamga/licences"));
        assert_eq!(
            c.ownership_files,
            vec![PathBuf::from("x.csv"), PathBuf::from("y.csv")]
        );
    }

    #[test]
    fn non_loopback_without_keys_is_refused() {
        let mut c = Config::default();
        c.validate().unwrap();
        c.bind = "0.0.0.0:8000".parse().unwrap();
        assert!(matches!(
            c.validate(),
            Err(ConfigError::UnauthenticatedNonLoopback { .. })
        ));
        c.auth.api_keys.push(ApiKeyConfig {
            name: "k".into(),
            sha256: "plain-key-not-a-hash".into(),
            roles: vec![Role::Screen],
        });
        let err = c.validate().unwrap_err().to_string();
        assert!(err.contains("auth.api_keys[0].sha256"), "{err}");
    }

    #[test]
    fn intervals() {
        assert_eq!(parse_interval("90").unwrap(), Duration::from_secs(90));
        assert_eq!(parse_interval("6h").unwrap(), Duration::from_secs(21_600));
        assert!(parse_interval("6 weeks").is_err());
        assert!(parse_interval("h").is_err());
    }
}
