//! `tamga decide` and `tamga licences expiring` end to end: the real
//! binary, the bundled lists, licences and scenario ownership file.

mod common;

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Output;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A bundled data file or folder, as an argument.
fn data(rel: &str) -> String {
    root().join(rel).display().to_string()
}

/// Runs the binary with exactly these arguments, `stdin` fed to it if given.
fn run(args: &[String], stdin: Option<&str>) -> Output {
    common::run_tamga(args, stdin.map(str::as_bytes))
}

/// Runs the binary on the bundled OFAC and UN lists, licences and scenario
/// ownership file.
fn tamga(args: &[&str], stdin: Option<&str>) -> Output {
    let mut all: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    for list in [
        "data/lists/ofac/sdn_2023-12-28",
        "data/lists/ofac/consolidated_2025-12",
        "data/lists/un/2026-02-27/consolidated.xml",
    ] {
        all.extend(["--list".to_string(), data(list)]);
    }
    all.extend(["--licences".to_string(), data("data/licences")]);
    all.extend([
        "--ownership".to_string(),
        data("data/ownership/scenarios.csv"),
    ]);
    run(&all, stdin)
}

/// Asserts the exit code, showing stderr when it differs.
fn expect_exit(out: &Output, code: i32) {
    assert_eq!(
        out.status.code(),
        Some(code),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Runs `tamga` (as [`tamga`], no stdin), expects exit `code` and returns
/// its JSON report.
fn decided(args: &[&str], code: i32) -> Value {
    let out = tamga(args, None);
    expect_exit(&out, code);
    report(&out)
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
    let r = decided(&["decide", &example("turgai_wind_down.json")], 0);
    let us = regime(&r, "us");
    assert_eq!(us["outcome"], "authorised");
    assert_eq!(us["licence"]["id"], "US-OFAC-GL-126");
    assert_eq!(us["licence"]["days_remaining"], 0);

    let r = decided(
        &[
            "decide",
            &example("turgai_wind_down.json"),
            "--date",
            "2025-11-21",
        ],
        3,
    );
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
    let r = decided(&["decide", &example("cpc_shipment.json")], 0);
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
    let r = decided(&["decide", &example("indirect_stake.json")], 3);
    assert_eq!(regime(&r, "us")["outcome"], "blocked");
    assert_eq!(regime(&r, "uk")["outcome"], "clear");

    let r = decided(&["decide", &example("unknown_stake.json")], 1);
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
    let plan = decided(
        &[
            "licences",
            "expiring",
            "--within",
            "30d",
            "--book",
            &data("data/ownership/example_customer_book.csv"),
            "--date",
            "2025-11-01",
            "--format",
            "json",
        ],
        0,
    );
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
    let args = [
        "decide".to_string(),
        "-".to_string(),
        "--list".to_string(),
        data("data/lists/uk/ofsi_conlist_2025-04-14/ConList.xlsx"),
        "--licences".to_string(),
        data("data/licences"),
    ];
    let out = run(
        &args,
        Some(
            r#"{"date":"2026-03-01","parties":[{"name":"PUBLIC JOINT STOCK COMPANY SBERBANK OF RUSSIA"}],"nexus":{"currency":"GBP"}}"#,
        ),
    );
    expect_exit(&out, 3);
    let r = report(&out);
    assert_eq!(regime(&r, "un")["outcome"], "clear");
    assert_eq!(regime(&r, "us")["outcome"], "not_applicable");
    let uk = regime(&r, "uk");
    assert_eq!(uk["outcome"], "blocked");
    let entity = uk["reasons"][0]["entity_id"].as_str().unwrap();
    assert!(entity.starts_with("gb_ofsi:"), "{entity}");
}
