//! `tamga lists …` end to end, with the built binary and the real lists.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const TAMGA: &str = env!("CARGO_BIN_EXE_tamga");

fn data(rel: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../data/lists")
        .join(rel)
        .display()
        .to_string()
}

fn tamga(args: &[&str]) -> Output {
    Command::new(TAMGA).args(args).output().expect("runs tamga")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn temp(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tamga-lists-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

const UN: &str = "un/2026-02-27/consolidated.xml";

#[test]
fn inspect_un_prints_counts_by_kind() {
    let out = tamga(&["lists", "inspect", &data(UN)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let xml = std::fs::read_to_string(data(UN)).unwrap();
    let persons = xml.matches("<INDIVIDUAL>").count();
    let orgs = xml.matches("<ENTITY>").count();
    assert!(text.contains(&format!("{persons} persons")), "{text}");
    assert!(text.contains(&format!("{orgs} organizations")), "{text}");
    assert!(text.contains("730 persons, 273 organizations"), "{text}");
    assert!(text.contains("published 2026-02-27"), "{text}");
    assert!(text.starts_with("un_sc"), "{text}");
}

#[test]
fn inspect_json_is_one_report_per_list() {
    let out = tamga(&[
        "lists",
        "inspect",
        "--format",
        "json",
        &data(UN),
        &data("opensanctions/ftm/t1.entities.ftm.json"),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let reports: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let reports = reports.as_array().unwrap();
    assert_eq!(reports.len(), 2);
    assert_eq!(reports[0]["source"], "un_sc");
    assert_eq!(reports[0]["by_kind"]["person"], 730);
    assert_eq!(reports[1]["source"], "opensanctions");
}

#[test]
fn export_writes_one_line_per_entity() {
    for rel in [UN, "canada/sema_2025-05/sema_consolidated.xml"] {
        let list = format!("--list={}", data(rel));
        let inspect = tamga(&["lists", "inspect", "--format", "json", &list]);
        assert!(inspect.status.success(), "{}", stderr(&inspect));
        let report: serde_json::Value = serde_json::from_str(&stdout(&inspect)).unwrap();
        let entities = report[0]["entities"].as_u64().unwrap() as usize;
        let out = tamga(&["lists", "export", "--format", "jsonl", &list]);
        assert!(out.status.success(), "{}", stderr(&out));
        let text = stdout(&out);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), entities, "{rel}");
        for line in &lines {
            let e: tamga_model::Entity = serde_json::from_str(line).unwrap();
            assert!(!e.names.is_empty());
        }
    }
}

#[test]
fn a_corrupted_file_exits_non_zero_naming_file_and_place() {
    let xml = std::fs::read_to_string(data(UN)).unwrap();
    let cut = xml.len() / 3;
    let cut = (0..=cut).rev().find(|&i| xml.is_char_boundary(i)).unwrap();
    let path = temp("cut-consolidated.xml", &xml.as_bytes()[..cut]);
    let out = tamga(&["lists", "inspect", path.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("cut-consolidated.xml at byte"), "{err}");
    assert!(err.contains("truncated"), "{err}");
    // Lenient does not make a truncated file acceptable.
    let out = tamga(&["lists", "inspect", "--lenient", path.to_str().unwrap()]);
    assert!(!out.status.success());
}

#[test]
fn lenient_skips_a_bad_record_with_a_warning() {
    let text = std::fs::read_to_string(data("opensanctions/ftm/zala.entities.ftm.json")).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines[2] = lines[2].replacen("\"id\"", "\"id", 1);
    let path = temp(
        "zala-bad-line.ftm.json",
        (lines.join("\n") + "\n").as_bytes(),
    );
    let path = path.to_str().unwrap();
    let strict = tamga(&["lists", "inspect", path]);
    assert!(!strict.status.success());
    assert!(
        stderr(&strict).contains("zala-bad-line.ftm.json:3"),
        "{}",
        stderr(&strict)
    );
    let lenient = tamga(&["lists", "inspect", "--lenient", "--format", "json", path]);
    assert!(lenient.status.success(), "{}", stderr(&lenient));
    assert!(stderr(&lenient).contains("zala-bad-line.ftm.json:3"));
    let report: serde_json::Value = serde_json::from_str(&stdout(&lenient)).unwrap();
    assert_eq!(report[0]["warnings"], 1);
}

#[test]
fn diff_of_two_real_sdn_publications() {
    let old = data("ofac/sdn_2023-12-28/sdn.csv");
    let new = data("ofac/sdn_2024-05-03/sdn.csv");
    let out = tamga(&["lists", "diff", "--format", "json", &old, &new]);
    assert!(out.status.success(), "{}", stderr(&out));
    let diff: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    // Independent: ent_num sets of the two CSVs.
    let ids = |path: &str| -> std::collections::HashSet<String> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_path(path)
            .unwrap();
        reader
            .records()
            .filter_map(|r| r.ok())
            .filter(|r| r.len() > 1)
            .map(|r| r[0].to_string())
            .collect()
    };
    let (a, b) = (ids(&old), ids(&new));
    assert_eq!(diff["counts"]["old_total"], a.len());
    assert_eq!(diff["counts"]["new_total"], b.len());
    assert_eq!(diff["counts"]["added"], b.difference(&a).count());
    assert_eq!(diff["counts"]["removed"], a.difference(&b).count());
    let table = tamga(&["lists", "diff", &old, &new]);
    assert!(table.status.success());
    assert!(stdout(&table).contains(&format!("added {}", b.difference(&a).count())));
}

#[test]
fn every_subcommand_has_help() {
    for sub in ["inspect", "export", "diff", "fetch"] {
        let out = tamga(&["lists", sub, "--help"]);
        assert!(out.status.success(), "{sub}");
        assert!(stdout(&out).contains("Usage: tamga lists"), "{sub}");
    }
}

#[test]
fn fetch_with_a_bad_config_names_the_file() {
    let path = temp("fetch.toml", b"timeout_secs = \"soon\"\n");
    let out = tamga(&["lists", "fetch", "--config", path.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("fetch.toml"), "{}", stderr(&out));
}
