//! `POST /screen` reads NDJSON and CSV input as a stream: the first results
//! come back while the client is still sending the rest of the body.
//! Real HTTP on 127.0.0.1:0, the real bundled UN list.

use serde_json::{json, Value};
use std::time::Duration;
use tamga_model::EntityKind;
use tamga_server::{Config, Service};
use tamga_sources::{ListSpec, LoadOptions};
use tokio::sync::mpsc;

const UN_XML: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/lists/un/2026-02-27/consolidated.xml"
);

/// Generous bound for any one step in a debug build; not a performance
/// assertion, only a guard against hanging forever.
const STEP: Duration = Duration::from_secs(120);

type BodySender = mpsc::Sender<Result<Vec<u8>, std::io::Error>>;

/// A `/screen` request whose body stays open until the sender is dropped.
struct Upload {
    body: BodySender,
    response: reqwest::Response,
    /// Response bytes read but not yet returned as lines.
    buffered: Vec<u8>,
}

impl Upload {
    /// Sends `first` and waits for the response head, the body still open.
    async fn start(base: &str, content_type: &str, first: &[u8]) -> Upload {
        let (body, rx) = mpsc::channel::<Result<Vec<u8>, std::io::Error>>(16);
        body.send(Ok(first.to_vec())).await.unwrap();
        let request = reqwest::Client::new()
            .post(format!("{base}/screen?limit=3"))
            .header("content-type", content_type)
            .body(reqwest::Body::wrap_stream(
                tokio_stream::wrappers::ReceiverStream::new(rx),
            ))
            .send();
        let response = tokio::time::timeout(STEP, request)
            .await
            .expect("the response head arrives before the body is complete")
            .expect("POST /screen");
        Upload {
            body,
            response,
            buffered: Vec::new(),
        }
    }

    /// Sends more of the body.
    async fn send(&self, bytes: &[u8]) {
        self.body.send(Ok(bytes.to_vec())).await.unwrap();
    }

    /// Reads the next response line while the body is still open.
    async fn line(&mut self) -> Value {
        loop {
            if let Some(i) = self.buffered.iter().position(|&b| b == b'\n') {
                let line: Vec<u8> = self.buffered.drain(..=i).collect();
                return serde_json::from_slice(&line).expect("each line is JSON");
            }
            let chunk = tokio::time::timeout(STEP, self.response.chunk())
                .await
                .expect("a result line arrives before the body is complete")
                .expect("read response")
                .expect("the response does not end early");
            self.buffered.extend_from_slice(&chunk);
        }
    }

    /// Ends the body and reads every remaining line.
    async fn finish(mut self) -> Vec<Value> {
        drop(self.body);
        let mut rest = self.buffered;
        while let Some(chunk) = tokio::time::timeout(STEP, self.response.chunk())
            .await
            .expect("the response ends")
            .expect("read response")
        {
            rest.extend_from_slice(&chunk);
        }
        String::from_utf8(rest)
            .expect("UTF-8 output")
            .lines()
            .map(|l| serde_json::from_str(l).expect("each line is JSON"))
            .collect()
    }
}

fn matched_ids(result: &Value) -> Vec<String> {
    result["matches"]
        .as_array()
        .expect("matches")
        .iter()
        .map(|m| m["entity_id"].as_str().expect("entity_id").to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn screen_reads_ndjson_and_csv_as_a_stream() {
    let list =
        tamga_sources::load(&ListSpec::parse(UN_XML), &LoadOptions::default()).expect("list loads");
    let person = list
        .entities
        .iter()
        .find(|e| e.kind == EntityKind::Person && e.caption().split_whitespace().count() >= 2)
        .expect("the list has a person");
    let name = person.caption();

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let mut config = Config {
        lists: vec![UN_XML.to_string()],
        bind: addr,
        ..Config::default()
    };
    config.limits.max_batch_records = 8;
    let service = Service::new(config).expect("config is valid");
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(tamga_server::serve_on(listener, service, async {
        let _ = stopped.await;
    }));
    let base = format!("http://{addr}");
    let client = reqwest::Client::new();
    let mut ready = false;
    for _ in 0..1200 {
        if let Ok(r) = client.get(format!("{base}/readyz")).send().await {
            if r.status() == 200 {
                ready = true;
                break;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(ready, "server never became ready");

    // NDJSON: the first record's result is read before the rest is sent.
    let mut up = Upload::start(
        &base,
        "application/x-ndjson",
        format!("{}\n", json!({"name": name})).as_bytes(),
    )
    .await;
    assert_eq!(up.response.status(), 200);
    assert_eq!(
        up.response.headers()["content-type"],
        "application/x-ndjson"
    );
    assert!(up.response.headers().get("x-batch-size").is_none());
    let first = up.line().await;
    assert_eq!(first["id"], "1", "{first}");
    assert!(matched_ids(&first).contains(&person.id), "{first}");
    // The rest: a record split across frames, a malformed line, a blank
    // line, a line that is not UTF-8, and a last line without a newline.
    let second = json!({"id": "second", "name": name}).to_string();
    let (a, b) = second.split_at(second.len() / 2);
    up.send(a.as_bytes()).await;
    up.send(format!("{b}\n{{not json\n\n").as_bytes()).await;
    up.send(b"{\"name\": \"caf\xff\"}\n").await;
    up.send(json!({"id": "last", "name": name}).to_string().as_bytes())
        .await;
    let out = up.finish().await;
    assert_eq!(out.len(), 4, "{out:?}");
    assert_eq!(out[0]["id"], "second");
    assert!(matched_ids(&out[0]).contains(&person.id));
    assert_eq!(
        (out[1]["record"].as_u64(), out[1]["line"].as_u64()),
        (Some(3), Some(3))
    );
    assert_eq!(out[1]["code"], "invalid_json");
    assert_eq!(
        (out[2]["record"].as_u64(), out[2]["line"].as_u64()),
        (Some(4), Some(5))
    );
    assert_eq!(out[2]["code"], "invalid_utf8");
    assert_eq!(out[3]["id"], "last");
    assert!(matched_ids(&out[3]).contains(&person.id));

    // CSV: same, with a quoted field holding a newline and a record split
    // inside its quotes.
    let mut up = Upload::start(
        &base,
        "text/csv",
        format!("id,name,kind\nc1,\"{name}\",person\n").as_bytes(),
    )
    .await;
    assert_eq!(up.response.status(), 200);
    let first = up.line().await;
    assert_eq!(first["id"], "c1", "{first}");
    assert!(matched_ids(&first).contains(&person.id), "{first}");
    let (a, b) = name.split_at(name.len() / 2);
    up.send(format!("c2,\"{a}").as_bytes()).await;
    up.send(format!("{b}\",person\nc3,\"two\nlines\",\nc4\n").as_bytes())
        .await;
    up.send(b"c5,caf\xff,person\n").await;
    up.send(format!("c6,\"{name}\",starship\nc7,\"{name}\",person").as_bytes())
        .await;
    let out = up.finish().await;
    assert_eq!(out.len(), 6, "{out:?}");
    assert_eq!(out[0]["id"], "c2");
    assert!(matched_ids(&out[0]).contains(&person.id));
    assert_eq!(out[1]["id"], "c3");
    assert!(out[1].get("error").is_none(), "{}", out[1]);
    assert_eq!(
        (out[2]["line"].as_u64(), out[2]["record"].as_u64()),
        (Some(6), Some(4))
    );
    assert_eq!(out[2]["code"], "invalid_record");
    assert_eq!(out[3]["line"], 7);
    assert_eq!(out[3]["code"], "invalid_utf8");
    assert_eq!(out[4]["line"], 8);
    assert_eq!(out[4]["code"], "invalid_field");
    assert_eq!(out[5]["id"], "c7");
    assert!(matched_ids(&out[5]).contains(&person.id));

    // The record limit crossed after streaming started: the records within
    // it are screened, then one final error line ends the stream.
    let record = format!("{}\n", json!({"name": name}));
    let mut up = Upload::start(&base, "application/x-ndjson", record.as_bytes()).await;
    assert_eq!(up.response.status(), 200);
    assert_eq!(up.line().await["id"], "1");
    up.send(record.repeat(9).as_bytes()).await;
    let out = up.finish().await;
    assert_eq!(out.len(), 8, "{out:?}");
    assert_eq!(out[6]["id"], "8");
    assert_eq!(out[7]["status"], 413);
    assert_eq!(out[7]["error"], "batch_too_large");
    assert!(out[7]["detail"].is_string());
    assert!(out[7].get("id").is_none());

    // Known before the head: still a 413 with nothing screened.
    let r = client
        .post(format!("{base}/screen"))
        .header("content-type", "application/x-ndjson")
        .body(record.repeat(9))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 413);
    let e: Value = r.json().await.unwrap();
    assert_eq!(e["error"], "batch_too_large");

    let _ = stop.send(());
}
