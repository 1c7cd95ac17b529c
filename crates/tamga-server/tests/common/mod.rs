//! Shared helpers: a real server on an ephemeral loopback port, a real HTTP
//! client, and the real bundled lists.

#![allow(dead_code)]

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::Duration;
use tamga_model::{Entity, EntityKind, EntityList};
use tamga_server::{Config, Service};
use tamga_sources::{ListSpec, LoadOptions};

/// The UN Security Council consolidated list, 2026-02-27.
pub const UN_XML: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/lists/un/2026-02-27/consolidated.xml"
);

/// OFAC consolidated (non-SDN) legacy CSV set, 2025-12.
pub const OFAC_CONS_DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/lists/ofac/consolidated_2025-12"
);

/// Loads a list the way the server does, so tests derive their expectations
/// from the data instead of hard-coding them.
pub fn load(path: &str) -> EntityList {
    tamga_sources::load(&ListSpec::parse(path), &LoadOptions::default()).expect("list loads")
}

/// A person with a primary name, a birth date and a nationality, if any.
pub fn a_person(list: &EntityList) -> &Entity {
    list.entities
        .iter()
        .find(|e| {
            e.kind == EntityKind::Person
                && e.caption().split_whitespace().count() >= 2
                && !e.birth_dates.is_empty()
        })
        .expect("the list has a person with a birth date")
}

/// A configuration serving exactly these list files, defaults otherwise.
pub fn lists_config(lists: &[&str]) -> Config {
    Config {
        lists: lists.iter().map(|s| s.to_string()).collect(),
        ..Config::default()
    }
}

/// A running server.
pub struct TestServer {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    /// The service (state, metrics).
    pub service: Service,
    /// A client.
    pub client: reqwest::Client,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
}

impl TestServer {
    /// Binds 127.0.0.1:0 and serves `config` (its `bind` is replaced).
    pub async fn start(mut config: Config) -> TestServer {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        config.bind = addr;
        let service = Service::new(config).expect("config is valid");
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(tamga_server::serve_on(listener, service.clone(), async {
            let _ = rx.await;
        }));
        TestServer {
            base: format!("http://{addr}"),
            service,
            client: reqwest::Client::new(),
            shutdown: Some(tx),
        }
    }

    /// Serves exactly these list files.
    pub async fn with_lists(lists: &[&str]) -> TestServer {
        TestServer::start(lists_config(lists)).await
    }

    /// The URL of a path.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Waits until `/readyz` is 200 (fails after two minutes: a generous
    /// bound for loading in a debug build, not a performance assertion).
    pub async fn wait_ready(&self) {
        for _ in 0..1200 {
            if let Ok(r) = self.client.get(self.url("/readyz")).send().await {
                if r.status() == 200 {
                    return;
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("server never became ready");
    }

    /// Polls `/lists` until `until` holds for it, for at most two minutes
    /// (as [`TestServer::wait_ready`]); returns the last `/lists` answer, so
    /// the caller's assertions report what was seen.
    pub async fn wait_lists(&self, until: impl Fn(&Value) -> bool) -> Value {
        let mut lists = Value::Null;
        for _ in 0..1200 {
            lists = self.get_json("/lists").await.1;
            if until(&lists) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        lists
    }

    /// GET, with `key` as a bearer token if given.
    pub async fn get(&self, path: &str, key: Option<&str>) -> reqwest::Response {
        with_key(self.client.get(self.url(path)), key)
            .send()
            .await
            .expect("GET")
    }

    /// POST without a body, with `key` as a bearer token if given.
    pub async fn post(&self, path: &str, key: Option<&str>) -> reqwest::Response {
        with_key(self.client.post(self.url(path)), key)
            .send()
            .await
            .expect("POST")
    }

    /// POST JSON, with `key` as a bearer token if given.
    pub async fn post_json_as(
        &self,
        path: &str,
        body: &Value,
        key: Option<&str>,
    ) -> reqwest::Response {
        with_key(self.client.post(self.url(path)), key)
            .json(body)
            .send()
            .await
            .expect("POST")
    }

    /// POST a raw body with this content type.
    pub async fn post_raw(
        &self,
        path: &str,
        content_type: &str,
        body: impl Into<reqwest::Body>,
    ) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .expect("POST")
    }

    /// GET returning status and JSON.
    pub async fn get_json(&self, path: &str) -> (u16, Value) {
        let r = self.client.get(self.url(path)).send().await.expect("GET");
        let status = r.status().as_u16();
        (status, r.json().await.expect("JSON body"))
    }

    /// POST JSON returning status and JSON.
    pub async fn post_json(&self, path: &str, body: &Value) -> (u16, Value) {
        let r = self
            .client
            .post(self.url(path))
            .json(body)
            .send()
            .await
            .expect("POST");
        let status = r.status().as_u16();
        (status, r.json().await.expect("JSON body"))
    }

    /// The value of a metric series in `/metrics` (exact series text).
    pub async fn metric(&self, series: &str) -> Option<f64> {
        let text = self
            .client
            .get(self.url("/metrics"))
            .send()
            .await
            .expect("GET /metrics")
            .text()
            .await
            .expect("text");
        text.lines()
            .find(|l| l.starts_with(series) && l[series.len()..].starts_with(' '))
            .and_then(|l| l[series.len()..].trim().parse().ok())
    }
}

/// `request` with `key` as a bearer token, if given.
fn with_key(request: reqwest::RequestBuilder, key: Option<&str>) -> reqwest::RequestBuilder {
    match key {
        Some(key) => request.bearer_auth(key),
        None => request,
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

/// Copies a real list file into a fresh temporary directory.
pub fn copy_to_temp(src: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let name = Path::new(src).file_name().expect("file name");
    let dst = dir.path().join(name);
    std::fs::copy(src, &dst).expect("copy list");
    (dir, dst)
}

/// The ids of a result list (`/search` results).
pub fn ids(results: &Value) -> Vec<String> {
    results
        .as_array()
        .expect("array")
        .iter()
        .map(|m| {
            m.get("entity_id")
                .or_else(|| m.get("id"))
                .and_then(Value::as_str)
                .expect("id")
                .to_string()
        })
        .collect()
}
