//! Ownership-graph rules per regime, on real list entities, and the error
//! messages of the user data files.

mod common;

use common::{data, ofac_csv};
use std::path::PathBuf;
use tamga_model::{Entity, Regime, RelationKind, Relationship, Source};
use tamga_rules::{
    ownership_rule, EdgeInfo, GraphBuilder, LicenceSet, OwnershipGraph, OwnershipStatus,
};

/// Real SDN entities: KOMID (9345) and the individuals OFAC links to it.
fn sdn() -> Vec<Entity> {
    ofac_csv("lists/ofac/sdn_2023-12-28/sdn.csv", Source::UsOfacSdn)
}

fn info(note: &str) -> EdgeInfo {
    EdgeInfo {
        as_of: None,
        source: note.to_string(),
    }
}

const KOMID: &str = "us_ofac_sdn:9345";
// Another real SDN entity, used as a second designated owner.
const HWANG: &str = "us_ofac_sdn:18552";

fn status(graph: &OwnershipGraph, regime: Regime, seeds: &[&str], party: &str) -> OwnershipStatus {
    let seeds: Vec<u32> = seeds
        .iter()
        .map(|s| graph.node_of_key(s).unwrap())
        .collect();
    let eval = graph.evaluate(&ownership_rule(regime), &seeds);
    let node = graph.nodes_of_name(party)[0];
    graph.status(&eval, node)
}

#[test]
fn cycles_terminate_and_blocked_stakes_count_whole() {
    let entities = sdn();
    let mut b = GraphBuilder::new();
    b.add_entities(&entities);
    b.add_edge(KOMID, "CYCLE A", Some(60.0), false, None, info("test"));
    b.add_edge("CYCLE A", "CYCLE B", Some(60.0), false, None, info("test"));
    b.add_edge("CYCLE B", "CYCLE A", Some(30.0), false, None, info("test"));
    // An unlisted loop: nobody designated, nothing blocked, still terminates.
    b.add_edge("LOOP C", "LOOP D", Some(100.0), false, None, info("test"));
    b.add_edge("LOOP D", "LOOP C", Some(100.0), false, None, info("test"));
    let g = b.build();
    for regime in [Regime::Us, Regime::Eu, Regime::Uk] {
        assert_eq!(
            status(&g, regime, &[KOMID], "CYCLE A"),
            OwnershipStatus::Blocked
        );
        assert_eq!(
            status(&g, regime, &[KOMID], "CYCLE B"),
            OwnershipStatus::Blocked
        );
        assert_eq!(
            status(&g, regime, &[KOMID], "LOOP C"),
            OwnershipStatus::Clear
        );
    }
    let seeds = [g.node_of_key(KOMID).unwrap()];
    let eval = g.evaluate(&ownership_rule(Regime::Us), &seeds);
    let path = g.explain(&eval, g.nodes_of_name("CYCLE B")[0]);
    let edges: Vec<(&str, Option<f64>)> = path
        .iter()
        .map(|s| (s.owned_name.as_str(), s.percentage))
        .collect();
    assert_eq!(edges, [("CYCLE A", Some(60.0)), ("CYCLE B", Some(60.0))]);
}

#[test]
fn aggregation_and_joint_arrangements_differ_between_regimes() {
    let entities = sdn();
    let mut b = GraphBuilder::new();
    b.add_entities(&entities);
    b.add_edge(KOMID, "SPLIT C", Some(30.0), false, None, info("test"));
    b.add_edge(HWANG, "SPLIT C", Some(30.0), false, None, info("test"));
    b.add_edge(
        KOMID,
        "JOINT D",
        Some(30.0),
        false,
        Some("komid-hwang"),
        info("test"),
    );
    b.add_edge(
        HWANG,
        "JOINT D",
        Some(30.0),
        false,
        Some("komid-hwang"),
        info("test"),
    );
    b.add_edge(KOMID, "HALF E", Some(50.0), false, None, info("test"));
    let g = b.build();
    let both = [KOMID, HWANG];
    // 30 + 30 aggregated under OFAC and the EU.
    assert_eq!(
        status(&g, Regime::Us, &both, "SPLIT C"),
        OwnershipStatus::Blocked
    );
    assert_eq!(
        status(&g, Regime::Eu, &both, "SPLIT C"),
        OwnershipStatus::Blocked
    );
    // Not under the UK without a joint arrangement; with one, yes.
    assert_eq!(
        status(&g, Regime::Uk, &both, "SPLIT C"),
        OwnershipStatus::Clear
    );
    assert_eq!(
        status(&g, Regime::Uk, &both, "JOINT D"),
        OwnershipStatus::Blocked
    );
    // Exactly 50 %: "50 % or more" (US, EU) versus "more than 50 %" (UK).
    assert_eq!(
        status(&g, Regime::Us, &both, "HALF E"),
        OwnershipStatus::Blocked
    );
    assert_eq!(
        status(&g, Regime::Eu, &both, "HALF E"),
        OwnershipStatus::Blocked
    );
    assert_eq!(
        status(&g, Regime::Uk, &both, "HALF E"),
        OwnershipStatus::Clear
    );
}

#[test]
fn control_blocks_in_eu_and_uk_but_is_review_under_ofac() {
    let entities = sdn();
    let mut b = GraphBuilder::new();
    b.add_entities(&entities);
    b.add_edge(KOMID, "CONTROLLED F", Some(20.0), true, None, info("test"));
    let g = b.build();
    assert_eq!(
        status(&g, Regime::Eu, &[KOMID], "CONTROLLED F"),
        OwnershipStatus::Blocked
    );
    assert_eq!(
        status(&g, Regime::Uk, &[KOMID], "CONTROLLED F"),
        OwnershipStatus::Blocked
    );
    assert_eq!(
        status(&g, Regime::Us, &[KOMID], "CONTROLLED F"),
        OwnershipStatus::Review
    );
}

#[test]
fn ofac_linked_to_is_not_ownership() {
    // HWANG Su Man's SDN remarks say "Linked To: KOREA MINING DEVELOPMENT TRADING CORPORATION".
    let mut entities = sdn();
    let hwang = entities.iter_mut().find(|e| e.id == HWANG).unwrap();
    let remarks = hwang.remarks.clone().unwrap();
    assert!(remarks.contains("Linked To: KOREA MINING DEVELOPMENT TRADING CORPORATION"));
    hwang.relationships.push(Relationship {
        kind: RelationKind::LinkedTo,
        target_id: None,
        target_name: Some("KOREA MINING DEVELOPMENT TRADING CORPORATION".into()),
        percentage: None,
        note: None,
    });
    let mut b = GraphBuilder::new();
    b.add_entities(&entities);
    let g = b.build();
    assert_eq!(g.stats().ignored_non_ownership, 1);
    assert_eq!(g.stats().edges, 0);
}

#[test]
fn list_published_stakes_with_percentages_are_edges() {
    // An OpenSanctions-style OwnedBy relationship with a percentage on a real entity.
    let mut entities = sdn();
    let komid = entities.iter_mut().find(|e| e.id == KOMID).unwrap();
    komid.relationships.push(Relationship {
        kind: RelationKind::Owns,
        target_id: Some(HWANG.into()),
        target_name: None,
        percentage: Some(75.0),
        note: None,
    });
    let mut b = GraphBuilder::new();
    b.add_entities(&entities);
    let g = b.build();
    assert_eq!(g.stats().edges, 1);
    let hwang = g.node_of_key(HWANG).unwrap();
    let eval = g.evaluate(
        &ownership_rule(Regime::Uk),
        &[g.node_of_key(KOMID).unwrap()],
    );
    assert_eq!(g.status(&eval, hwang), OwnershipStatus::Blocked);
    assert_eq!(
        g.explain(&eval, hwang)[0].info.source,
        format!("{KOMID} relationships (Owns)")
    );
}

fn temp_file(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tamga-rules-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn ownership_csv_errors_name_file_line_and_field() {
    let path = temp_file(
        "bad-ownership.csv",
        "owner,owned,percentage\nus_ofac_sdn:9345,SOME CO,40\nus_ofac_sdn:9345,OTHER CO,forty\n",
    );
    let err = GraphBuilder::new().load_csv(&path).unwrap_err().to_string();
    assert!(err.contains("bad-ownership.csv:3"), "{err}");
    assert!(err.contains("`percentage`"), "{err}");
    let path = temp_file("no-owned.csv", "owner,percentage\nX,1\n");
    let err = GraphBuilder::new().load_csv(&path).unwrap_err().to_string();
    assert!(
        err.contains("no-owned.csv:1") && err.contains("`owned`"),
        "{err}"
    );
    // The bundled scenario file loads.
    let mut b = GraphBuilder::new();
    assert_eq!(b.load_csv(&data("ownership/scenarios.csv")).unwrap(), 7);
}

#[test]
fn licence_errors_name_file_and_field() {
    let dir = std::env::temp_dir().join(format!("tamga-licences-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad_date = dir.join("bad-date.toml");
    std::fs::write(
        &bad_date,
        "kind = \"licence\"\nid = \"X\"\nregime = \"us\"\ntitle = \"t\"\neffective = \"2025-02-30\"\nsource_url = \"u\"\nverified = false\n",
    )
    .unwrap();
    let err = LicenceSet::load_dir(&dir).unwrap_err().to_string();
    assert!(
        err.contains("bad-date.toml") && err.contains("effective"),
        "{err}"
    );
    std::fs::write(
        &bad_date,
        "kind = \"licence\"\nid = \"X\"\nregime = \"us\"\ntitle = \"t\"\neffective = \"2025-02-01\"\nverified = false\n",
    )
    .unwrap();
    let err = LicenceSet::load_dir(&dir).unwrap_err().to_string();
    assert!(
        err.contains("bad-date.toml") && err.contains("source_url"),
        "{err}"
    );
}

#[test]
fn bundled_licences_load_with_their_supersession_chain() {
    let set = LicenceSet::load_dir(&data("licences")).unwrap();
    let ids: Vec<&str> = set.documents.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "EU-833-2014-ART3M",
            "EU-833-2014-ART3M-NON-RUSSIAN-ORIGIN",
            "US-EO14071-PETROLEUM-SERVICES",
            "US-OFAC-GL-124",
            "US-OFAC-GL-124A",
            "US-OFAC-GL-124B",
            "US-OFAC-GL-126",
        ]
    );
    assert_eq!(
        set.chain("US-OFAC-GL-124B"),
        ["US-OFAC-GL-124B", "US-OFAC-GL-124A", "US-OFAC-GL-124"]
    );
    // Every licence says whether it was verified, and unverified ones say why.
    for l in &set.documents {
        assert!(l.verified || l.verification_note.is_some(), "{}", l.id);
    }
}

#[test]
fn opensanctions_ownership_percentages_from_the_real_zala_file() {
    // OpenSanctions (zala dataset) publishes the stakes of Aleksandr ZAKHAROV,
    // founder of ZALA Aero; OFAC lists him (SDN 45937). The FtM entity and the
    // SDN entry are one person: recorded with `same_party`.
    let zala = tamga_sources::load(
        &tamga_sources::ListSpec::parse(
            &data("lists/opensanctions/ftm/zala.entities.ftm.json")
                .display()
                .to_string(),
        ),
        &tamga_sources::LoadOptions::default(),
    )
    .expect("zala FtM loads");
    let mut entities = sdn();
    entities.extend(zala.entities);
    let mut b = GraphBuilder::new();
    b.add_entities(&entities);
    b.same_party(&[
        "us_ofac_sdn:45937",
        "opensanctions:NK-aU5ybkbRFJucf8YMwsJvDw",
    ]);
    let g = b.build();
    assert!(g.stats().edges >= 10, "{:?}", g.stats());
    let zakharov = g.node_of_key("us_ofac_sdn:45937").unwrap();
    let eval = g.evaluate(&ownership_rule(Regime::Us), &[zakharov]);
    // "LLC Aeroscan": 100 % per the FtM Ownership record of 2024-03-01.
    let aeroscan = g
        .node_of_key("opensanctions:NK-iE6m5ryPeTAMZozfECVSL7")
        .unwrap();
    assert_eq!(g.status(&eval, aeroscan), OwnershipStatus::Blocked);
    let path = g.explain(&eval, aeroscan);
    assert_eq!(path.len(), 1);
    assert_eq!(path[0].percentage, Some(100.0));
    assert!(path[0].owner_listed);
    // A list-published directorship is possible control: review, not blocked.
    let directed: Vec<&str> = entities
        .iter()
        .filter(|e| e.id == "opensanctions:NK-aU5ybkbRFJucf8YMwsJvDw")
        .flat_map(|e| e.relationships.iter())
        .filter(|r| r.kind == RelationKind::Controls)
        .filter_map(|r| r.target_id.as_deref())
        .collect();
    assert!(
        !directed.is_empty(),
        "the zala file lists his directorships"
    );
    for id in &directed {
        let node = g.node_of_key(id).unwrap();
        assert_ne!(g.status(&eval, node), OwnershipStatus::Clear, "{id}");
    }
    // "Zala Aero JSC": an Ownership record without a percentage → review.
    let zala_aero = g
        .node_of_key("opensanctions:NK-cPks3aTbes8k4aCerfBAzN")
        .unwrap();
    assert_eq!(g.status(&eval, zala_aero), OwnershipStatus::Review);
}
