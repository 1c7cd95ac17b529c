//! In-process request cost of the service layers (routing, auth, limits,
//! JSON) on top of screening, against the real UN list. No sockets: the
//! load test (`scripts/loadtest.sh`) measures the network path.

use axum::body::Body;
use axum::http::Request;
use criterion::{criterion_group, criterion_main, Criterion};
use tamga_server::{Config, Service, Trigger};
use tower::ServiceExt;

const UN_XML: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/lists/un/2026-02-27/consolidated.xml"
);

/// Builds one benchmarked request from the /match body.
type MakeRequest = fn(&'static str) -> Request<Body>;

fn bench(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let config = Config {
        lists: vec![UN_XML.to_string()],
        ..Config::default()
    };
    let service = Service::new(config).expect("config");
    runtime
        .block_on(service.state().refresh(Trigger::Initial, false))
        .expect("UN list loads");
    let router = service.router();

    let body = r#"{"queries":{"q1":{"schema":"Person","properties":{"name":["THOMAS LUBANGA"]}}}}"#;
    let requests: [(&str, MakeRequest); 2] = [
        ("POST /match/default (1 person)", |body| {
            Request::post("/match/default")
                .header("content-type", "application/json")
                .body(Body::from(body))
                .expect("request")
        }),
        ("GET /search?q=ERIC BADEGE", |_| {
            Request::get("/search?q=ERIC+BADEGE")
                .body(Body::empty())
                .expect("request")
        }),
    ];
    for (name, make) in requests {
        c.bench_function(name, |b| {
            b.to_async(&runtime).iter(|| {
                let request = make(body);
                let router = router.clone();
                async move {
                    let response = router.oneshot(request).await.expect("infallible");
                    assert_eq!(response.status(), 200);
                    axum::body::to_bytes(response.into_body(), usize::MAX)
                        .await
                        .expect("body")
                }
            })
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
