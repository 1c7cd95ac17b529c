//! `tamga screen` and `tamga compare` driven through the real binary on the
//! real bundled OFAC SDN list (2023-12-28).

mod common;

use serde_json::Value;
use std::process::Output;

const SDN: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/lists/ofac/sdn_2023-12-28"
);

fn tamga(args: &[&str], stdin: Option<&[u8]>) -> Output {
    common::run_tamga(args, stdin)
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .expect("utf-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

fn top_entity(record: &Value) -> &str {
    record["matches"][0]["entity_id"].as_str().unwrap_or("")
}

#[test]
fn a_listed_name_is_found_first() {
    // SDN 16667 "YAKUNIN, Vladimir Ivanovich", written in the other order.
    let out = tamga(
        &[
            "screen",
            "--list",
            SDN,
            "--name",
            "Vladimir Ivanovich Yakunin",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let records = lines(&out);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["id"], "1");
    assert_eq!(top_entity(&records[0]), "us_ofac_sdn:16667");
    assert!(records[0]["matches"][0]["score"].as_f64().unwrap_or(0.0) >= 0.9);
}

#[test]
fn cyrillic_and_misspelt_forms_find_the_same_entity() {
    for name in ["Владимир Иванович Якунин", "Vladimr Ivanovic Yakunn"] {
        let out = tamga(&["screen", "--list", SDN, "--name", name], None);
        assert_eq!(out.status.code(), Some(0), "{name}: {out:?}");
        let records = lines(&out);
        assert_eq!(top_entity(&records[0]), "us_ofac_sdn:16667", "{name}");
        let paths: Vec<&str> = records[0]["matches"][0]["explanation"]["tokens"]
            .as_array()
            .expect("token list")
            .iter()
            .filter_map(|t| t["path"].as_str())
            .collect();
        assert!(!paths.contains(&"exact"), "{name}: {paths:?}");
    }
}

#[test]
fn a_batch_with_bad_rows_reports_them_and_screens_the_rest() {
    let long = "A".repeat(10_000);
    let mut csv = Vec::new();
    csv.extend_from_slice(b"id,name,country,notes\n");
    csv.extend_from_slice(b"q1,Viktor Anatolijevitch Bout,,first\n");
    csv.extend_from_slice(b"q2,,,empty name\n");
    csv.extend_from_slice(format!("q3,{long},,too long\n").as_bytes());
    csv.extend_from_slice(b"q4,\"\x01\x02\",,control characters only\n");
    csv.extend_from_slice(b"q5,Jak\xffunin,,invalid utf-8\n");
    csv.extend_from_slice(b"q6\n");
    csv.extend_from_slice(b",Vladimir Yakunin,RU,no id\n");
    let out = tamga(&["screen", "--list", SDN, "-"], Some(&csv));
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let records = lines(&out);
    let ids: Vec<&str> = records
        .iter()
        .map(|r| r["id"].as_str().unwrap_or("?"))
        .collect();
    assert_eq!(ids, ["q1", "q2", "q3", "q4", "q5", "q6", "7"]);
    assert_eq!(top_entity(&records[0]), "us_ofac_sdn:8279");
    assert_eq!(top_entity(&records[6]), "us_ofac_sdn:16667");
    for bad in &records[1..6] {
        assert!(
            bad["error"].as_str().is_some_and(|e| !e.is_empty()),
            "{bad}"
        );
        assert_eq!(bad["matches"], Value::Array(vec![]));
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    for line in [":3:", ":4:", ":5:", ":6:", ":7:"] {
        assert!(stderr.contains(line), "stderr names line {line}: {stderr}");
    }
}

#[test]
fn a_file_without_a_name_column_is_fatal() {
    let out = tamga(
        &["screen", "--list", SDN, "-"],
        Some(b"id,fullname\n1,Viktor Bout\n"),
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("name"));
}

#[test]
fn threshold_zero_returns_exactly_the_limit() {
    let out = tamga(
        &[
            "screen",
            "--list",
            SDN,
            "--name",
            "Zakharov",
            "--threshold",
            "0",
            "--limit",
            "3",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let records = lines(&out);
    assert_eq!(records[0]["matches"].as_array().map(Vec::len), Some(3));
}

#[test]
fn compare_pairs_keep_input_order() {
    let pairs = "name1,name2,kind,extra\n\
        Vladimir Yakunin,YAKUNIN Vladimir Ivanovich,person,x\n\
        Viktor Bout,BOUT Viktor Anatolijevitch,,y\n\
        Pamkin House,OOO PAMKIN KHAUS,organization,z\n";
    let out = tamga(
        &["compare", "--list", SDN, "--pairs", "-"],
        Some(pairs.as_bytes()),
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let records = lines(&out);
    let firsts: Vec<&str> = records
        .iter()
        .map(|r| r["name1"].as_str().unwrap_or("?"))
        .collect();
    assert_eq!(firsts, ["Vladimir Yakunin", "Viktor Bout", "Pamkin House"]);
    assert!(records
        .iter()
        .all(|r| r["score"].as_f64().is_some() && r["explanation"]["tokens"].is_array()));
}

#[test]
fn compare_explains_in_text() {
    let out = tamga(
        &[
            "compare",
            "--no-stats",
            "Kassymjomart Tokayev",
            "Kassym-Jomart Tokayev",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("score "), "{text}");
    assert!(text.contains("joined"), "{text}");
}

#[test]
fn compare_shows_a_contradicted_patronymic() {
    // SDN 16667 "YAKUNIN, Vladimir Ivanovich" against a namesake with another father.
    let pairs = "name1,name2,kind\n\
        Yakunin Vladimir Petrovich,YAKUNIN Vladimir Ivanovich,person\n\
        Yakunin Vladimir,YAKUNIN Vladimir Ivanovich,person\n";
    let out = tamga(
        &["compare", "--list", SDN, "--pairs", "-"],
        Some(pairs.as_bytes()),
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let records = lines(&out);
    let contradictions = &records[0]["explanation"]["contradictions"];
    assert_eq!(contradictions[0]["part"], "patronymic", "{contradictions}");
    assert_eq!(contradictions[0]["query"], "petrovich", "{contradictions}");
    assert_eq!(contradictions[0]["list"], "ivanovich", "{contradictions}");
    // A missing patronymic is not another one.
    assert!(records[1]["explanation"].get("contradictions").is_none());
    let (other, missing) = (
        records[0]["score"].as_f64().unwrap_or(1.0),
        records[1]["score"].as_f64().unwrap_or(0.0),
    );
    assert!(other < missing, "{other} vs {missing}");

    let text = tamga(
        &[
            "compare",
            "--list",
            SDN,
            "--kind",
            "person",
            "Yakunin Vladimir Petrovich",
            "YAKUNIN Vladimir Ivanovich",
        ],
        None,
    );
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("contradicted patronymic: petrovich vs ivanovich"),
        "{text}"
    );
}

#[test]
fn screening_without_a_kind_still_sees_a_contradicted_patronymic() {
    // A screened name of unknown kind is read for a person's parts, so against the listed
    // person SDN 16667 "YAKUNIN, Vladimir Ivanovich" another patronymic is contradicted.
    let out = tamga(
        &[
            "screen",
            "--list",
            SDN,
            "--threshold",
            "0",
            "--limit",
            "1",
            "--name",
            "Yakunin Vladimir Petrovich",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let records = lines(&out);
    let m = &records[0]["matches"][0];
    assert_eq!(m["source_id"], "16667", "{m}");
    assert_eq!(
        m["explanation"]["contradictions"][0]["part"], "patronymic",
        "{m}"
    );
}
