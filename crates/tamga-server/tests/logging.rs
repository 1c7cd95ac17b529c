//! Access logs are JSON, carry the request id and key *name*, and never the
//! key itself nor the screened name (personal data).

mod common;

use common::{TestServer, UN_XML};
use std::io::Write;
use std::sync::{Arc, Mutex};
use tamga_server::{hash_key, ApiKeyConfig, Config, Role};

#[derive(Clone, Default)]
struct Buffer(Arc<Mutex<Vec<u8>>>);

impl Write for Buffer {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(data);
        Ok(data.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logs_name_the_key_but_never_contain_it_or_the_query() {
    let buffer = Buffer::default();
    let writer = buffer.clone();
    tracing_subscriber::fmt()
        .json()
        .with_writer(move || writer.clone())
        .with_max_level(tracing::Level::DEBUG)
        .init();

    let mut config = Config {
        lists: vec![UN_XML.to_string()],
        ..Config::default()
    };
    let secret = "very-secret-key-123";
    config.auth.api_keys = vec![ApiKeyConfig {
        name: "payments".into(),
        sha256: hash_key(secret),
        roles: vec![Role::Screen],
    }];
    let server = TestServer::start(config).await;
    server.wait_ready().await;
    let screened = "ZZYZX QUUXLY";
    for (header, value) in [
        ("authorization", format!("Bearer {secret}")),
        ("x-api-key", secret.to_string()),
        ("authorization", format!("ApiKey {secret}-wrong")),
    ] {
        server
            .client
            .get(server.url("/search"))
            .query(&[("q", screened)])
            .header(header, value)
            .header("x-request-id", "log-test-1")
            .send()
            .await
            .unwrap();
    }
    let text = String::from_utf8(buffer.0.lock().unwrap().clone()).unwrap();
    let access: Vec<serde_json::Value> = text
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| v["target"] == "tamga_server::access")
        .filter(|v| v["fields"]["route"] == "/search")
        .collect();
    assert_eq!(access.len(), 3, "{text}");
    assert_eq!(access[0]["fields"]["request_id"], "log-test-1");
    assert_eq!(access[0]["fields"]["key"], "payments");
    assert_eq!(access[0]["fields"]["status"], 200);
    assert_eq!(access[2]["fields"]["status"], 401);
    assert!(!text.contains(secret), "a key leaked into the logs");
    assert!(
        !text.contains("ZZYZX"),
        "a screened name leaked into the logs"
    );
}
