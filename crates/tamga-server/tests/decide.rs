//! `POST /decide` over real HTTP: the bundled example transactions on the
//! real bundled lists, licences and ownership data, compared with the rules
//! engine run in-process on the same inputs; authentication, bad bodies, and
//! licence files that break a refresh.

mod common;

use common::{copy_to_temp, lists_config, TestServer, OFAC_CONS_DIR, UN_XML};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use tamga_rules::{DecisionRequest, LicenceSet, RulesEngine};
use tamga_scorer::TamgaScorer;
use tamga_screen::Screener;
use tamga_server::{hash_key, ApiKeyConfig, Config, Role};
use tamga_sources::{ListSpec, LoadOptions};

/// OFAC SDN legacy CSV set, 2023-12-28.
const OFAC_SDN_DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/lists/ofac/sdn_2023-12-28"
);

fn data(rel: &str) -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data")).join(rel)
}

/// A bundled example request (`data/licences/examples/NAME.json`).
fn example(name: &str) -> Value {
    let path = data(&format!("licences/examples/{name}.json"));
    let text = std::fs::read_to_string(&path).expect("example request reads");
    serde_json::from_str(&text).expect("example request is JSON")
}

/// The lists the examples rely on (see `data/licences/examples/README.md`).
const LISTS: [&str; 3] = [OFAC_SDN_DIR, OFAC_CONS_DIR, UN_XML];

fn rules_config(lists: &[&str]) -> Config {
    Config {
        ownership_files: vec![data("ownership/scenarios.csv")],
        ..lists_config(lists)
    }
}

/// The same lists, licences and ownership data, decided in-process as
/// `tamga decide` does: the expectation every HTTP answer is held to.
struct InProcess {
    screener: Screener<TamgaScorer>,
    engine: RulesEngine,
}

impl InProcess {
    fn new(lists: &[&str]) -> InProcess {
        let lists = lists
            .iter()
            .map(|p| tamga_sources::load(&ListSpec::parse(p), &LoadOptions::default()))
            .collect::<Result<Vec<_>, _>>()
            .expect("lists load");
        let licences = LicenceSet::load_dir(&data("licences")).expect("licences load");
        #[allow(clippy::default_constructed_unit_structs)]
        let screener = Screener::new(lists, TamgaScorer::default());
        let engine = RulesEngine::new(
            screener.entities(),
            licences,
            &[data("ownership/scenarios.csv")],
        )
        .expect("engine builds");
        InProcess { screener, engine }
    }

    fn decide(&self, request: &Value) -> Value {
        let request: DecisionRequest =
            serde_json::from_value(request.clone()).expect("request deserialises");
        let report = self
            .engine
            .decide(&self.screener, &request)
            .expect("engine decides");
        serde_json::to_value(report).expect("report serialises")
    }
}

fn regime<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["regimes"]
        .as_array()
        .expect("regimes")
        .iter()
        .find(|r| r["regime"] == name)
        .unwrap_or_else(|| panic!("no {name} decision in {report}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn example_transactions_are_decided_as_the_engine_decides_them() {
    let server = TestServer::start(rules_config(&LISTS)).await;
    let local = InProcess::new(&LISTS);
    server.wait_ready().await;

    // Kazakh crude through the CPC: authorised under GL 124B, no expiry.
    let cpc = example("cpc_shipment");
    let (status, report) = server.post_json("/decide", &cpc).await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(report, local.decide(&cpc));
    assert_eq!(report["id"], "example-cpc-shipment");
    let us = regime(&report, "us");
    assert_eq!(us["outcome"], "authorised", "{us}");
    assert_eq!(us["licence"]["id"], "US-OFAC-GL-124B");
    assert!(us["licence"]["expires"].is_null(), "{us}");

    // A UN-listed party: blocked under every regime, by its UN listing.
    let un = example("un_listed");
    let (status, report) = server.post_json("/decide", &un).await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(report, local.decide(&un));
    assert_eq!(report["overall"], "blocked");
    for name in ["un", "us", "eu", "uk"] {
        let d = regime(&report, name);
        assert_eq!(d["outcome"], "blocked", "{d}");
        assert!(
            d["reasons"]
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r["kind"] == "direct_listing" && r["entity_id"] == "un_sc:690735"),
            "{d}"
        );
    }

    // Half owned by a blocked Lukoil subsidiary (ownership from the CSV):
    // authorised under GL 126 on its last day, blocked the day after.
    let last_day = example("turgai_wind_down");
    assert_eq!(last_day["date"], "2025-11-20");
    let (status, report) = server.post_json("/decide", &last_day).await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(report, local.decide(&last_day));
    let us = regime(&report, "us");
    assert_eq!(us["outcome"], "authorised", "{us}");
    assert_eq!(us["licence"]["id"], "US-OFAC-GL-126");
    assert_eq!(us["licence"]["days_remaining"], 0);

    let mut after = last_day.clone();
    after["date"] = json!("2025-11-21");
    let (status, report) = server.post_json("/decide", &after).await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(report, local.decide(&after));
    assert_eq!(report["overall"], "blocked");
    let us = regime(&report, "us");
    assert_eq!(us["outcome"], "blocked", "{us}");
    assert!(us["licence"].is_null());
    assert!(
        us["licences_rejected"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r.as_str().unwrap().starts_with("US-OFAC-GL-126: expired")),
        "{us}"
    );

    // Counted by overall outcome; the list version is on the response.
    assert_eq!(
        server
            .metric(r#"tamga_decisions_total{outcome="blocked"}"#)
            .await,
        Some(2.0)
    );
    assert_eq!(
        server
            .metric(r#"tamga_decisions_total{outcome="authorised"}"#)
            .await,
        Some(2.0)
    );
    let r = server.post_json_as("/decide", &un, None).await;
    assert_eq!(r.headers()["x-lists-version"], "1");

    // The licences are visible next to the lists, and /decide is documented.
    let (_, lists) = server.get_json("/lists").await;
    let served = LicenceSet::load_dir(&data("licences")).unwrap();
    assert_eq!(
        lists["rules"]["licence_count"].as_u64(),
        Some(served.documents.len() as u64)
    );
    assert_eq!(lists["rules"]["last_attempt"]["outcome"], "ok");
    let (_, openapi) = server.get_json("/openapi.json").await;
    assert!(openapi["paths"]["/decide"]["post"].is_object(), "{openapi}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn decide_needs_the_screen_role_and_names_bad_fields() {
    let mut config = rules_config(&[UN_XML]);
    config.auth.api_keys = vec![ApiKeyConfig {
        name: "app".into(),
        sha256: hash_key("app-key-1"),
        roles: vec![Role::Screen],
    }];
    let server = TestServer::start(config).await;
    server.wait_ready().await;
    let c = &server.client;
    let url = server.url("/decide");
    let un = example("un_listed");

    let r = server.post_json_as("/decide", &un, None).await;
    assert_eq!(r.status(), 401);
    let e: Value = r.json().await.unwrap();
    assert_eq!(e["error"], "unauthorized");
    let r = server.post_json_as("/decide", &un, Some("wrong")).await;
    assert_eq!(r.status(), 401);

    let r = server.post_json_as("/decide", &un, Some("app-key-1")).await;
    assert_eq!(r.status(), 200);
    let report: Value = r.json().await.unwrap();
    assert_eq!(report["overall"], "blocked", "{report}");

    let send = |body: &'static str| {
        c.post(&url)
            .bearer_auth("app-key-1")
            .header("content-type", "application/json")
            .body(body)
            .send()
    };
    // Status and JSON error body of a POST /decide with this body.
    let reply = |body: &'static str| {
        let sent = send(body);
        async move {
            let r = sent.await.unwrap();
            let status = r.status().as_u16();
            (status, r.json::<Value>().await.expect("JSON error body"))
        }
    };

    // Not JSON at all: 400.
    let (s, e) = reply(r#"{"date": "2026-03-01", "parties": ["#).await;
    assert_eq!((s, e["error"].as_str()), (400, Some("bad_request")), "{e}");
    let (s, e) = reply("").await;
    assert_eq!(s, 400, "{e}");

    // JSON of the wrong shape, and valid JSON the engine refuses: 422 naming
    // the field.
    for (body, field) in [
        (
            r#"{"date": "2026-03-01", "parties": [{"name": "X", "role": "boss"}]}"#,
            "parties[0].role",
        ),
        (r#"{"date": "1 March", "parties": [{"name": "X"}]}"#, "date"),
        (
            r#"{"date": "2026-03-01", "parties": [{"name": "X"}], "amount": 5}"#,
            "amount",
        ),
        (r#"{"date": "2026-03-01", "parties": []}"#, "parties"),
    ] {
        let (s, e) = reply(body).await;
        assert_eq!(s, 422, "{e}");
        assert!(e["detail"].as_str().unwrap().contains(field), "{e}");
    }
    let (s, e) =
        reply(r#"{"date": "2026-03-01", "parties": [{"entity_id": "un_sc:no-such-id"}]}"#).await;
    assert_eq!(
        (s, e["error"].as_str()),
        (422, Some("invalid_request")),
        "{e}"
    );
    assert!(e["detail"].as_str().unwrap().contains("parties[0]"), "{e}");
}

/// Copies the bundled licence directory (with its subdirectories).
fn copy_licences() -> tempfile::TempDir {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let path = entry.unwrap().path();
            let target = to.join(path.file_name().unwrap());
            if path.is_dir() {
                copy(&path, &target);
            } else {
                std::fs::copy(&path, &target).unwrap();
            }
        }
    }
    let dir = tempfile::tempdir().unwrap();
    copy(&data("licences"), dir.path());
    dir
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_broken_licence_file_fails_the_refresh_and_the_old_engine_keeps_serving() {
    let licences = copy_licences();
    let (_list_dir, list) = copy_to_temp(UN_XML);
    let mut config = rules_config(&[list.to_str().unwrap()]);
    config.licences_dir = licences.path().to_path_buf();
    let server = TestServer::start(config).await;
    server.wait_ready().await;
    let un = example("un_listed");
    let (status, before) = server.post_json("/decide", &un).await;
    assert_eq!(status, 200, "{before}");

    // A licence file with a syntax error.
    let broken = licences.path().join("us/broken.toml");
    std::fs::write(&broken, "kind = \"licence\"\nid = \n").unwrap();
    let r = server.post("/admin/refresh", None).await;
    assert_eq!(r.status(), 422);
    let err: Value = r.json().await.unwrap();
    let file = broken.display().to_string();
    assert_eq!(err["error"], "refresh_failed", "{err}");
    assert!(err["detail"].as_str().unwrap().contains(&file), "{err}");

    // Still served by the old snapshot, identically; the failure is visible.
    let (status, after) = server.post_json("/decide", &un).await;
    assert_eq!((status, &after), (200, &before));
    let (s, ready) = server.get_json("/readyz").await;
    assert_eq!((s, ready["lists_version"].as_u64()), (200, Some(1)));
    let (_, lists) = server.get_json("/lists").await;
    assert_eq!(lists["rules"]["last_attempt"]["outcome"], "failed");
    assert!(
        lists["rules"]["last_attempt"]["error"]
            .as_str()
            .unwrap()
            .contains(&file),
        "{lists}"
    );
    assert_eq!(lists["lists"][0]["last_attempt"]["outcome"], "not_applied");
    assert_eq!(lists["last_refresh"]["outcome"], "failed");

    // Fixed: the next refresh swaps lists and engine together.
    std::fs::remove_file(&broken).unwrap();
    let r = server.post("/admin/refresh", None).await;
    assert_eq!(r.status(), 200);
    let (_, lists) = server.get_json("/lists").await;
    assert_eq!(lists["rules"]["last_attempt"]["outcome"], "ok");
    assert_eq!(lists["lists_version"], 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_missing_ownership_file_keeps_the_service_unready() {
    let missing = std::env::temp_dir().join("tamga-no-such-ownership-file.csv");
    let config = Config {
        ownership_files: vec![missing.clone()],
        ..lists_config(&[UN_XML])
    };
    let server = TestServer::start(config).await;
    // Wait for the initial load to finish (it fails).
    let lists = server.wait_lists(|l| !l["last_refresh"].is_null()).await;
    assert_eq!(lists["last_refresh"]["outcome"], "failed", "{lists}");
    let file = missing.display().to_string();
    let (s, ready) = server.get_json("/readyz").await;
    assert_eq!(s, 503, "{ready}");
    assert!(ready["detail"].as_str().unwrap().contains(&file), "{ready}");
    assert!(
        lists["rules"]["last_attempt"]["error"]
            .as_str()
            .unwrap()
            .contains(&file),
        "{lists}"
    );
    let (s, e) = server.post_json("/decide", &example("un_listed")).await;
    assert_eq!((s, e["error"].as_str()), (503, Some("not_ready")), "{e}");
}
