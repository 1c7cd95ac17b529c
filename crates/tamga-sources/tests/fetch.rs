//! `fetch_lists` against a local HTTP server (a std TcpListener thread)
//! serving the bundled real files; what it serves can be swapped between
//! fetches to simulate a new publication, a corrupted download or a 404.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::Path;
use std::sync::{Arc, Mutex};
use tamga_sources::fetch::{fetch_lists, FetchConfig, FetchFile, FetchList, FetchStatus};

const OFAC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/lists/ofac");

type Files = Arc<Mutex<HashMap<String, Vec<u8>>>>;

/// Serves `files` by request path (404 for anything else) until the test
/// process ends.
fn serve() -> (String, Files) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    let files: Files = Arc::default();
    let shared = files.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().expect("clone"));
            let mut request_line = String::new();
            if reader.read_line(&mut request_line).is_err() {
                continue;
            }
            // Drain the headers.
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok() && line.trim() != "" {
                line.clear();
            }
            let path = request_line.split(' ').nth(1).unwrap_or("/").to_string();
            let body = shared.lock().expect("lock").get(&path).cloned();
            let _ = match body {
                Some(body) => stream
                    .write_all(
                        format!(
                            "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                            body.len()
                        )
                        .as_bytes(),
                    )
                    .and_then(|_| stream.write_all(&body)),
                None => stream.write_all(
                    b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                ),
            };
        }
    });
    (base, files)
}

fn bundled(rel: &str) -> Vec<u8> {
    std::fs::read(Path::new(OFAC).join(rel)).expect("bundled file")
}

fn config(base: &str) -> FetchConfig {
    let file = |name: &str| FetchFile {
        name: name.to_string(),
        url: format!("{base}/{name}"),
    };
    FetchConfig {
        lists: vec![
            FetchList {
                name: "us_ofac_sdn".into(),
                format: "ofac_csv".into(),
                files: vec![
                    file("sdn.csv"),
                    file("add.csv"),
                    file("alt.csv"),
                    file("sdn_comments.csv"),
                ],
            },
            FetchList {
                name: "us_ofac_cons".into(),
                format: "ofac_xml".into(),
                files: vec![file("CONSOLIDATED.XML")],
            },
        ],
        ..FetchConfig::default()
    }
}

fn sha(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(bytes))
}

#[test]
fn fetch_verifies_rotates_and_keeps_the_old_copy_on_failure() {
    let (base, files) = serve();
    {
        let mut f = files.lock().expect("lock");
        for name in ["sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"] {
            f.insert(
                format!("/{name}"),
                bundled(&format!("sdn_2023-12-28/{name}")),
            );
        }
        f.insert(
            "/CONSOLIDATED.XML".into(),
            bundled("consolidated_xml_2026-01-08/CONSOLIDATED.XML"),
        );
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let dest = tmp.path();
    let cfg = config(&base);

    // 1. First fetch: everything new and verified.
    let report = fetch_lists(&cfg, dest).expect("fetch");
    assert!(report.all_ok(), "{report:?}");
    assert_eq!(
        report.lists[0].status,
        FetchStatus::Updated { entities: 13_821 }
    );
    assert_eq!(
        report.lists[1].status,
        FetchStatus::Updated { entities: 442 }
    );
    let sdn = bundled("sdn_2023-12-28/sdn.csv");
    assert_eq!(report.lists[0].files[0].sha256, sha(&sdn));
    assert_eq!(report.lists[0].files[0].bytes, sdn.len() as u64);
    assert_eq!(
        std::fs::read(dest.join("us_ofac_sdn/sdn.csv")).expect("in place"),
        sdn
    );
    assert!(!dest.join("us_ofac_sdn/sdn.csv.prev").exists());
    assert!(!dest.join("us_ofac_sdn/.staging").exists());

    // 2. Same files again: unchanged, nothing rotated.
    let report = fetch_lists(&cfg, dest).expect("fetch");
    assert_eq!(
        report.lists[1].status,
        FetchStatus::Unchanged { entities: 442 }
    );
    assert!(!dest.join("us_ofac_cons/CONSOLIDATED.XML.prev").exists());

    // 3. A truncated sdn.csv and a missing CONSOLIDATED.XML: both fail,
    //    the current copies stay as they were.
    {
        let mut f = files.lock().expect("lock");
        let cut = sdn.windows(4).position(|w| w == b"'BNC").expect("306");
        f.insert("/sdn.csv".into(), sdn[..cut].to_vec());
        f.remove("/CONSOLIDATED.XML");
    }
    let report = fetch_lists(&cfg, dest).expect("fetch");
    assert!(!report.all_ok());
    match &report.lists[0].status {
        FetchStatus::Failed { error } => {
            assert!(
                error.contains("does not load") && error.contains("sdn.csv:3"),
                "{error}"
            )
        }
        other => panic!("expected failure, got {other:?}"),
    }
    match &report.lists[1].status {
        FetchStatus::Failed { error } => assert!(error.contains("404"), "{error}"),
        other => panic!("expected failure, got {other:?}"),
    }
    assert_eq!(
        std::fs::read(dest.join("us_ofac_sdn/sdn.csv")).expect("kept"),
        sdn
    );
    assert_eq!(
        std::fs::read(dest.join("us_ofac_cons/CONSOLIDATED.XML")).expect("kept"),
        bundled("consolidated_xml_2026-01-08/CONSOLIDATED.XML")
    );
    assert!(!dest.join("us_ofac_sdn/sdn.csv.prev").exists());
    assert!(!dest.join("us_ofac_sdn/.staging").exists());
}

#[test]
fn a_new_publication_replaces_the_file_and_keeps_prev() {
    let (base, files) = serve();
    let sdn_2023 = bundled("sdn_2023-12-28/sdn.csv");
    let sdn_2024 = bundled("sdn_2024-05-03/sdn.csv");
    files
        .lock()
        .expect("lock")
        .insert("/sdn.csv".into(), sdn_2023.clone());
    let cfg = FetchConfig {
        lists: vec![FetchList {
            name: "us_ofac_sdn".into(),
            format: "ofac_csv".into(),
            files: vec![FetchFile {
                name: "sdn.csv".into(),
                url: "http://invalid.invalid/sdn.csv".into(),
            }],
        }],
        ..FetchConfig::default()
    };
    // The URL override is what points the list at the local server.
    let mut cfg = cfg;
    cfg.set_url("us_ofac_sdn", "sdn.csv", format!("{base}/sdn.csv"));
    let tmp = tempfile::tempdir().expect("tempdir");
    let report = fetch_lists(&cfg, tmp.path()).expect("fetch");
    assert_eq!(
        report.lists[0].status,
        FetchStatus::Updated { entities: 13_821 }
    );

    files
        .lock()
        .expect("lock")
        .insert("/sdn.csv".into(), sdn_2024.clone());
    let report = fetch_lists(&cfg, tmp.path()).expect("fetch");
    assert_eq!(
        report.lists[0].status,
        FetchStatus::Updated { entities: 14_965 }
    );
    let dir = tmp.path().join("us_ofac_sdn");
    assert_eq!(std::fs::read(dir.join("sdn.csv")).expect("new"), sdn_2024);
    assert_eq!(
        std::fs::read(dir.join("sdn.csv.prev")).expect("prev"),
        sdn_2023
    );
}

#[test]
fn config_files_override_urls_and_reject_unknown_names() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let toml = tmp.path().join("fetch.toml");
    std::fs::write(
        &toml,
        "timeout_secs = 60\nonly = [\"us_ofac_sdn\"]\n[urls]\n\"us_ofac_sdn/sdn.csv\" = \"https://mirror.test/sdn.csv\"\n",
    )
    .expect("write");
    let cfg = FetchConfig::from_file(&toml).expect("parses");
    assert_eq!(cfg.timeout_secs, 60);
    let lists = cfg.resolved_lists().expect("resolves");
    assert_eq!(lists.len(), 1);
    assert_eq!(lists[0].files[0].url, "https://mirror.test/sdn.csv");
    // The default table's other files keep their official URLs.
    assert!(lists[0].files[1]
        .url
        .starts_with("https://sanctionslistservice.ofac.treas.gov/"));

    let json = tmp.path().join("fetch.json");
    std::fs::write(&json, r#"{"urls": {"nope/sdn.csv": "https://x.test/"}}"#).expect("write");
    let cfg = FetchConfig::from_file(&json).expect("parses");
    assert!(cfg.resolved_lists().is_err());

    std::fs::write(&toml, "timeout = 5\n").expect("write");
    let err = FetchConfig::from_file(&toml).expect_err("unknown key");
    assert!(err.to_string().contains("fetch.toml"), "{err}");
}
