//! `tamga decide` and `tamga licences expiring` end to end: the real
//! binary, the bundled lists, licences and scenario ownership file.

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn tamga(args: &[&str], stdin: Option<&str>) -> Output {
    let r = root();
    let data = |rel: &str| r.join(rel).display().to_string();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tamga"));
    cmd.args(args)
        .args(["--list", &data("data/lists/ofac/sdn_2023-12-28")])
        .args(["--list", &data("data/lists/ofac/consolidated_2025-12")])
        .args(["--list", &data("data/lists/un/2026-02-27/consolidated.xml")])
        .args(["--licences", &data("data/licences")])
        .args(["--ownership", &data("data/ownership/scenarios.csv")])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("tamga runs");
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    }
    child.wait_with_output().unwrap()
}

fn example(name: &str) -> String {
    root()
        .join("data/licences/examples")
        .join(name)
        .display()
        .to_string()
}

fn report(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

fn regime<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["regimes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["regime"] == name)
        .unwrap()
}

#[test]
fn wind_down_is_authorised_until_the_licence_expires_then_blocked() {
    let out = tamga(&["decide", &example("turgai_wind_down.json")], None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r = report(&out);
    let us = regime(&r, "us");
    assert_eq!(us["outcome"], "authorised");
    assert_eq!(us["licence"]["id"], "US-OFAC-GL-126");
    assert_eq!(us["licence"]["days_remaining"], 0);

    let out = tamga(
        &[
            "decide",
            &example("turgai_wind_down.json"),
            "--date",
            "2025-11-21",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(3));
    let r = report(&out);
    let us = regime(&r, "us");
    assert_eq!(us["outcome"], "blocked");
    let rejected = us["licences_rejected"].to_string();
    assert!(rejected.contains("US-OFAC-GL-126: expired"), "{rejected}");
    let path = &us["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["kind"] == "ownership")
        .unwrap()["path"];
    assert_eq!(path[0]["owner"], "us_ofac_cons:17248");
    assert_eq!(path[1]["percentage"], 50.0);
}

#[test]
fn cpc_shipment_is_authorised_under_gl_124b_with_no_expiry() {
    let out = tamga(&["decide", &example("cpc_shipment.json")], None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r = report(&out);
    let us = regime(&r, "us");
    assert_eq!(us["outcome"], "authorised");
    assert_eq!(us["licence"]["id"], "US-OFAC-GL-124B");
    assert!(us["licence"].get("expires").is_none());
}

#[test]
fn un_listed_party_is_blocked_everywhere() {
    let out = tamga(
        &["decide", &example("un_listed.json"), "--format", "text"],
        None,
    );
    assert_eq!(out.status.code(), Some(3));
    let text = String::from_utf8_lossy(&out.stdout);
    for line in ["UN: BLOCKED", "US: BLOCKED", "EU: BLOCKED", "UK: BLOCKED"] {
        assert!(text.contains(line), "{line} missing in\n{text}");
    }
}

#[test]
fn indirect_stake_is_blocked_under_ofac_not_uk_and_unknown_stake_is_review() {
    let out = tamga(&["decide", &example("indirect_stake.json")], None);
    assert_eq!(out.status.code(), Some(3));
    let r = report(&out);
    assert_eq!(regime(&r, "us")["outcome"], "blocked");
    assert_eq!(regime(&r, "uk")["outcome"], "clear");

    let out = tamga(&["decide", &example("unknown_stake.json")], None);
    assert_eq!(out.status.code(), Some(1));
    let r = report(&out);
    let us = regime(&r, "us");
    assert_eq!(us["outcome"], "review");
    assert!(us["reasons"].to_string().contains("unknown_ownership"));
}

#[test]
fn invalid_requests_fail_with_the_file_and_field() {
    let out = tamga(
        &["decide", "-"],
        Some(r#"{"date":"2026-01-01","parties":[{"nam":"X"}]}"#),
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("-: not a valid decision request") && err.contains("nam"),
        "{err}"
    );

    let out = tamga(
        &["decide", "-"],
        Some(r#"{"date":"2026-01-01","parties":[{"entity_id":"us_ofac_sdn:0"}]}"#),
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("parties[0].entity_id"), "{err}");
}

#[test]
fn licences_expiring_lists_dependencies_and_exposure() {
    let book = root().join("data/ownership/example_customer_book.csv");
    let out = tamga(
        &[
            "licences",
            "expiring",
            "--within",
            "30d",
            "--book",
            &book.display().to_string(),
            "--date",
            "2025-11-01",
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let plan = report(&out);
    let deps = plan["dependencies"].as_array().unwrap();
    assert_eq!(deps.len(), 1, "{deps:#?}");
    assert_eq!(deps[0]["customer_id"], "C001");
    assert_eq!(deps[0]["licence"], "US-OFAC-GL-126");
    assert_eq!(deps[0]["after_expiry"], "blocked");
    assert_eq!(plan["exposure"]["by_decision"]["blocked"]["count"], 1);
}

#[test]
fn ofsi_listing_binds_the_uk_regime_only() {
    // Sberbank is on the OFSI consolidated list (2025-04-14); with GBP only
    // the UN and UK regimes apply, and only the UK one blocks.
    let r = root();
    let mut child = Command::new(env!("CARGO_BIN_EXE_tamga"))
        .args(["decide", "-"])
        .args([
            "--list",
            &r.join("data/lists/uk/ofsi_conlist_2025-04-14/ConList.xlsx")
                .display()
                .to_string(),
        ])
        .args(["--licences", &r.join("data/licences").display().to_string()])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(
            br#"{"date":"2026-03-01","parties":[{"name":"PUBLIC JOINT STOCK COMPANY SBERBANK OF RUSSIA"}],"nexus":{"currency":"GBP"}}"#,
        )
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r = report(&out);
    assert_eq!(regime(&r, "un")["outcome"], "clear");
    assert_eq!(regime(&r, "us")["outcome"], "not_applicable");
    let uk = regime(&r, "uk");
    assert_eq!(uk["outcome"], "blocked");
    let entity = uk["reasons"][0]["entity_id"].as_str().unwrap();
    assert!(entity.starts_with("gb_ofsi:"), "{entity}");
}
