//! API keys and roles, request limits and overload shedding, over real HTTP.

mod common;

use common::{a_person, lists_config, load, TestServer, UN_XML};
use serde_json::{json, Value};
use std::time::Duration;
use tamga_server::{hash_key, ApiKeyConfig, Config, Role};

fn keyed_config() -> Config {
    let mut config = lists_config(&[UN_XML]);
    config.auth.api_keys = vec![
        ApiKeyConfig {
            name: "app".into(),
            sha256: hash_key("app-key-1"),
            roles: vec![Role::Screen],
        },
        ApiKeyConfig {
            name: "ops".into(),
            sha256: hash_key("ops-key-2"),
            roles: vec![Role::Screen, Role::Admin],
        },
    ];
    config
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keys_and_roles_are_enforced() {
    let list = load(UN_XML);
    let person = a_person(&list);
    let server = TestServer::start(keyed_config()).await;
    server.wait_ready().await; // readiness is public by default
    let search = format!("/search?q={}", person.caption());
    let c = &server.client;

    let r = server.get(&search, None).await;
    assert_eq!(r.status(), 401);
    assert!(r.headers().contains_key("www-authenticate"));
    let e: Value = r.json().await.unwrap();
    assert_eq!(e["error"], "unauthorized");

    let r = server.get(&search, Some("wrong")).await;
    assert_eq!(r.status(), 401);

    let r = server.get(&search, Some("app-key-1")).await;
    assert_eq!(r.status(), 200);
    let r = c
        .get(server.url("/lists"))
        .header("x-api-key", "app-key-1")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    // yente clients send `Authorization: ApiKey KEY`.
    let r = c
        .post(server.url("/match/default"))
        .header("authorization", "ApiKey app-key-1")
        .json(&json!({"queries": {"q1": {"schema": "Person", "properties": {"name": [person.caption()]}}}}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);

    // The screen role cannot refresh; the admin key can.
    let r = server.post("/admin/refresh", Some("app-key-1")).await;
    assert_eq!(r.status(), 403);
    let e: Value = r.json().await.unwrap();
    assert_eq!(e["error"], "forbidden");
    let r = server.post("/admin/refresh", Some("ops-key-2")).await;
    assert_eq!(r.status(), 200);

    // Health, metrics and docs are open by default.
    for path in ["/healthz", "/readyz", "/metrics", "/openapi.json", "/"] {
        let r = server.get(path, None).await;
        assert_eq!(r.status(), 200, "{path}");
    }
    // The access log counted the refused requests by status.
    assert_eq!(
        server
            .metric(r#"tamga_http_requests_total{method="GET",route="/search",status="401"}"#)
            .await,
        Some(2.0)
    );

    // Closing health and metrics.
    let mut closed = keyed_config();
    closed.auth.public_health = false;
    closed.auth.public_metrics = false;
    let server = TestServer::start(closed).await;
    assert_eq!(server.get("/healthz", None).await.status(), 401);
    assert_eq!(server.get("/metrics", None).await.status(), 401);
    let r = server.get("/metrics", Some("app-key-1")).await;
    assert_eq!(r.status(), 403);
    let r = server.get("/metrics", Some("ops-key-2")).await;
    assert_eq!(r.status(), 200);
}

#[test]
fn no_keys_on_a_public_address_refuses_to_start() {
    let config = Config {
        bind: "0.0.0.0:8000".parse().unwrap(),
        ..Config::default()
    };
    let err = tamga_server::Service::new(config).err().expect("refused");
    assert!(err.to_string().contains("without API keys"), "{err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn size_and_shape_limits_answer_413_and_422() {
    let mut config = lists_config(&[UN_XML]);
    config.limits.max_body_bytes = 4096;
    config.limits.max_batch_records = 3;
    config.limits.max_match_queries = 2;
    config.limits.max_results = 50;
    let server = TestServer::start(config).await;
    server.wait_ready().await;

    // Body over the limit, declared by Content-Length.
    let names: Vec<String> = (0..400).map(|i| format!("name number {i}")).collect();
    let big = json!({"queries": {"q1": {"schema": "Person", "properties": {"name": names}}}});
    let (s, e) = server.post_json("/match/default", &big).await;
    assert_eq!(
        (s, e["error"].as_str()),
        (413, Some("body_too_large")),
        "{e}"
    );
    // ... and undeclared (chunked), caught while reading.
    let chunks: Vec<Result<Vec<u8>, std::io::Error>> =
        (0..10).map(|_| Ok(vec![b' '; 1000])).collect();
    let r = server
        .post_raw(
            "/match/default",
            "application/json",
            reqwest::Body::wrap_stream(tokio_stream::iter(chunks)),
        )
        .await;
    assert_eq!(r.status(), 413);

    // Too many queries / records.
    let q = json!({"schema": "Person", "properties": {"name": ["a b"]}});
    let (s, e) = server
        .post_json(
            "/match/default",
            &json!({"queries": {"a": q, "b": q, "c": q}}),
        )
        .await;
    assert_eq!((s, e["error"].as_str()), (413, Some("batch_too_large")));
    let body = "{\"name\":\"a\"}\n{\"name\":\"b\"}\n{\"name\":\"c\"}\n{\"name\":\"d\"}\n";
    let r = server
        .post_raw("/screen", "application/x-ndjson", body)
        .await;
    assert_eq!(r.status(), 413);

    // Name length and parameter ranges.
    let long = "x".repeat(tamga_screen::MAX_NAME_BYTES + 1);
    let (s, e) = server.get_json(&format!("/search?q={long}")).await;
    assert_eq!(
        (s, e["error"].as_str()),
        (422, Some("name_too_long")),
        "{e}"
    );
    let (s, e) = server
        .post_json(
            "/match/default",
            &json!({"queries": {"q1": {"schema": "Person", "properties": {"name": [long]}}}}),
        )
        .await;
    assert_eq!((s, e["error"].as_str()), (422, Some("name_too_long")));
    assert!(e["detail"]
        .as_str()
        .unwrap()
        .contains("queries.q1.properties.name[0]"));
    let (s, _) = server.get_json("/search?q=a+b&limit=51").await;
    assert_eq!(s, 422);
    let (s, _) = server.get_json("/search?q=a+b&threshold=1.5").await;
    assert_eq!(s, 422);
}

type SlowRequest = (
    tokio::sync::mpsc::Sender<Result<Vec<u8>, std::io::Error>>,
    tokio::task::JoinHandle<reqwest::Result<reqwest::Response>>,
);

/// Starts a `/match` request whose body stays open until the sender sends
/// the rest and is dropped.
async fn start_slow(server: &TestServer) -> SlowRequest {
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Vec<u8>, std::io::Error>>(4);
    tx.send(Ok(b"{\"queries\": ".to_vec())).await.unwrap();
    let client = server.client.clone();
    let url = server.url("/match/default");
    let slow = tokio::spawn(async move {
        client
            .post(url)
            .header("content-type", "application/json")
            .body(reqwest::Body::wrap_stream(
                tokio_stream::wrappers::ReceiverStream::new(rx),
            ))
            .send()
            .await
    });
    (tx, slow)
}

/// A request whose body never finishes holds its concurrency slot; with one
/// slot, the next request is shed at once with 503 + Retry-After, while
/// health checks still answer.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn overload_is_shed_with_retry_after_and_slow_requests_time_out() {
    let mut config = lists_config(&[UN_XML]);
    config.limits.max_concurrent_requests = 1;
    config.limits.request_timeout_ms = 120_000;
    let server = TestServer::start(config).await;
    server.wait_ready().await;

    // Start the slow request, then poll with a second one until it is shed.
    // If the poll wins the race for the slot instead (the slow one is then
    // shed itself), start over: bounded attempts, no timing assertion.
    let mut attempt = None;
    'attempts: for _ in 0..20 {
        let (tx, slow) = start_slow(&server).await;
        for _ in 0..100 {
            if slow.is_finished() {
                continue 'attempts;
            }
            let r = server.get("/search?q=a+b", None).await;
            if r.status() == 503 {
                attempt = Some((tx, slow, r));
                break 'attempts;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
    let (tx, slow, shed) = attempt.expect("a second request was shed");
    assert_eq!(shed.headers()["retry-after"], "1");
    let e: Value = shed.json().await.unwrap();
    assert_eq!(e["error"], "overloaded");
    assert_eq!(server.get("/healthz", None).await.status(), 200);
    assert!(
        server
            .metric(r#"tamga_requests_rejected_total{reason="overload"}"#)
            .await
            .unwrap()
            >= 1.0
    );

    // Finish the slow body: it completes normally and frees the slot.
    tx.send(Ok(
        b"{\"q\": {\"schema\": \"Person\", \"properties\": {\"name\": [\"a b\"]}}}}".to_vec(),
    ))
    .await
    .unwrap();
    drop(tx);
    let r = slow.await.unwrap().unwrap();
    assert_eq!(r.status(), 200);
    let r = server.get("/search?q=a+b", None).await;
    assert_eq!(r.status(), 200);

    // A request slower than the timeout is answered 503 `timeout`.
    let mut config = lists_config(&[UN_XML]);
    config.limits.request_timeout_ms = 300;
    let server = TestServer::start(config).await;
    server.wait_ready().await;
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Vec<u8>, std::io::Error>>(4);
    tx.send(Ok(b"{\"queries\": ".to_vec())).await.unwrap();
    let r = server
        .post_raw(
            "/match/default",
            "application/json",
            reqwest::Body::wrap_stream(tokio_stream::wrappers::ReceiverStream::new(rx)),
        )
        .await;
    assert_eq!(r.status(), 503);
    assert!(r.headers().contains_key("retry-after"));
    let e: Value = r.json().await.unwrap();
    assert_eq!(e["error"], "timeout");
    drop(tx);
}
