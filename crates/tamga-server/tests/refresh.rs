//! List refresh never leaves the service blind: corrupted and shrunken lists
//! are refused and the last good version keeps serving.

mod common;

use common::{a_person, copy_to_temp, lists_config, load, TestServer, UN_XML};
use serde_json::Value;

async fn search(server: &TestServer, name: &str) -> Value {
    let r = server
        .client
        .get(server.url("/search"))
        .query(&[("q", name), ("threshold", "0.5"), ("limit", "20")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let v: Value = r.json().await.unwrap();
    v["results"].clone()
}

async fn refresh(server: &TestServer, query: &str) -> (u16, Value) {
    let r = server.post(&format!("/admin/refresh{query}"), None).await;
    let status = r.status().as_u16();
    (status, r.json().await.unwrap())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_corrupted_list_is_refused_and_the_old_one_keeps_serving() {
    let list = load(UN_XML);
    let person = a_person(&list);
    let (_dir, path) = copy_to_temp(UN_XML);
    let server = TestServer::with_lists(&[path.to_str().unwrap()]).await;
    server.wait_ready().await;
    let before = search(&server, person.caption()).await;
    assert!(!before.as_array().unwrap().is_empty());

    // Truncate the file mid-record, as an interrupted download would.
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();

    let (status, err) = refresh(&server, "").await;
    assert_eq!(status, 422, "{err}");
    assert_eq!(err["error"], "refresh_failed");
    let file = path.display().to_string();
    assert!(err["detail"].as_str().unwrap().contains(&file), "{err}");
    assert_eq!(
        err["context"]["failures"][0]["path"].as_str(),
        Some(file.as_str())
    );

    // Identical answers from the old version; still ready; failure visible.
    assert_eq!(search(&server, person.caption()).await, before);
    let (s, ready) = server.get_json("/readyz").await;
    assert_eq!((s, ready["lists_version"].as_u64()), (200, Some(1)));
    let (_, lists) = server.get_json("/lists").await;
    let l = &lists["lists"][0];
    assert_eq!(l["entity_count"].as_u64(), Some(list.entities.len() as u64));
    assert_eq!(l["last_attempt"]["outcome"], "failed");
    assert!(l["last_attempt"]["error"].as_str().unwrap().contains(&file));
    assert_eq!(lists["last_refresh"]["outcome"], "failed");
    assert_eq!(lists["last_refresh"]["trigger"], "manual");
    assert_eq!(
        server
            .metric(r#"tamga_refresh_failures_total{reason="load"}"#)
            .await,
        Some(1.0)
    );
    assert_eq!(
        server.metric("tamga_refresh_attempts_total").await,
        Some(1.0 + 1.0)
    );

    // Restoring the file and refreshing swaps in version 2.
    std::fs::write(&path, &bytes).unwrap();
    let (status, ok) = refresh(&server, "").await;
    assert_eq!(status, 200, "{ok}");
    assert_eq!(ok["report"]["version"], 2);
    let (_, lists) = server.get_json("/lists").await;
    assert_eq!(lists["lists"][0]["last_attempt"]["outcome"], "ok");
    assert_eq!(lists["lists_version"], 2);
    assert_eq!(search(&server, person.caption()).await, before);
}

/// Keeps the first `keep` `<INDIVIDUAL>` records of a real UN file: a valid
/// publication, only much shorter.
fn shrink_un(text: &str, keep: usize) -> String {
    let end_tag = "</INDIVIDUAL>";
    let mut cut = 0;
    for _ in 0..keep {
        let from = cut;
        cut = from + text[from..].find(end_tag).expect("enough individuals") + end_tag.len();
    }
    let close = text.find("</INDIVIDUALS>").expect("INDIVIDUALS element");
    format!("{}\n  {}", &text[..cut], &text[close..])
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_shrunken_list_is_refused_unless_forced() {
    let list = load(UN_XML);
    let (_dir, path) = copy_to_temp(UN_XML);
    let server = TestServer::with_lists(&[path.to_str().unwrap()]).await;
    server.wait_ready().await;

    let text = std::fs::read_to_string(UN_XML).unwrap();
    std::fs::write(&path, shrink_un(&text, 50)).unwrap();
    let shrunk = load(path.to_str().unwrap());
    let (old, new) = (list.entities.len(), shrunk.entities.len());
    assert!((new as f64) < 0.9 * old as f64, "{new} vs {old}");

    let (status, err) = refresh(&server, "").await;
    assert_eq!(status, 422, "{err}");
    assert_eq!(err["error"], "refresh_suspicious");
    assert_eq!(
        err["context"]["shrinks"][0]["previous"].as_u64(),
        Some(old as u64)
    );
    assert_eq!(
        err["context"]["shrinks"][0]["new"].as_u64(),
        Some(new as u64)
    );
    let (_, lists) = server.get_json("/lists").await;
    assert_eq!(lists["lists"][0]["entity_count"].as_u64(), Some(old as u64));
    assert_eq!(lists["lists"][0]["last_attempt"]["outcome"], "suspicious");
    assert_eq!(server.get_json("/readyz").await.0, 200);
    assert_eq!(
        server
            .metric(r#"tamga_refresh_failures_total{reason="suspicious"}"#)
            .await,
        Some(1.0)
    );

    let (status, ok) = refresh(&server, "?force=true").await;
    assert_eq!(status, 200, "{ok}");
    assert_eq!(
        ok["report"]["lists"][0]["entity_count"].as_u64(),
        Some(new as u64)
    );
    assert_eq!(
        ok["report"]["lists"][0]["previous"].as_u64(),
        Some(old as u64)
    );
    let (_, ready) = server.get_json("/readyz").await;
    assert_eq!(ready["entities"].as_u64(), Some(new as u64));
    assert_eq!(
        lists["lists"][0]["sha256"].as_str(),
        Some(list.meta.sha256.as_str())
    );
    let (_, lists) = server.get_json("/lists").await;
    assert_eq!(
        lists["lists"][0]["sha256"].as_str(),
        Some(shrunk.meta.sha256.as_str())
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_initial_load_is_not_ready_until_a_good_refresh() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("consolidated.xml");
    let text = std::fs::read(UN_XML).unwrap();
    std::fs::write(&path, &text[..text.len() / 3]).unwrap();
    let server = TestServer::with_lists(&[path.to_str().unwrap()]).await;
    let file = path.display().to_string();

    // Wait for the initial attempt to be recorded (bounded poll).
    let lists = server.wait_lists(|l| !l["last_refresh"].is_null()).await;
    assert_eq!(lists["ready"], false);
    assert!(lists["lists"][0]["last_attempt"]["error"]
        .as_str()
        .unwrap()
        .contains(&file));
    let r = server.get("/readyz", None).await;
    assert_eq!(r.status(), 503);
    assert!(r.headers().contains_key("retry-after"));
    let r = server.get("/search?q=a+b", None).await;
    assert_eq!(r.status(), 503);
    let e: Value = r.json().await.unwrap();
    assert_eq!(e["error"], "not_ready");

    std::fs::write(&path, &text).unwrap();
    let (status, ok) = refresh(&server, "").await;
    assert_eq!(status, 200, "{ok}");
    assert_eq!(server.get_json("/readyz").await.0, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_schedule_refreshes_and_keeps_serving() {
    let config = tamga_server::Config {
        refresh_interval: Some(std::time::Duration::from_secs(1)),
        ..lists_config(&[UN_XML])
    };
    let server = TestServer::start(config).await;
    server.wait_ready().await;
    // Bounded poll for a scheduled refresh to have swapped in version 2+.
    let lists = server
        .wait_lists(|l| {
            l["last_refresh"]["trigger"] == "scheduled" && l["last_refresh"]["outcome"] == "ok"
        })
        .await;
    assert!(lists["lists_version"].as_u64().unwrap() >= 2, "{lists}");
    assert!(server.metric("tamga_refresh_attempts_total").await.unwrap() >= 2.0);
    assert_eq!(server.get_json("/readyz").await.0, 200);
}
