//! The "done when" scenarios, through the library interface, on real list
//! entries and the bundled licence and ownership files.

mod common;

use common::{world, World};
use tamga_model::Regime;
use tamga_rules::{
    Date, DecisionReport, DecisionRequest, Nexus, Outcome, Party, Reason, ReasonKind,
    RegimeDecision, Role,
};

fn date(text: &str) -> Date {
    Date::parse(text).expect("valid test date")
}

fn party(name: &str, role: Role) -> Party {
    Party {
        name: Some(name.to_string()),
        role,
        ..Party::default()
    }
}

/// A known listed entity as a party.
fn listed(entity_id: &str, role: Role) -> Party {
    Party {
        entity_id: Some(entity_id.to_string()),
        role,
        ..Party::default()
    }
}

/// A request on `on` with these parties and nexus, and no activities, goods
/// origin or thresholds.
fn request(on: &str, parties: Vec<Party>, nexus: Nexus) -> DecisionRequest {
    DecisionRequest {
        id: None,
        date: date(on),
        parties,
        activities: vec![],
        nexus,
        goods_origin: None,
        thresholds: None,
    }
}

/// Decides `request` against the bundled world; it must be a valid request.
fn decide(w: &World, request: &DecisionRequest) -> DecisionReport {
    w.engine.decide(&w.screener, request).unwrap()
}

/// The ownership reason of a regime's decision (the test fails without one).
fn ownership_finding(decision: &RegimeDecision) -> &Reason {
    decision
        .reasons
        .iter()
        .find(|r| r.kind == ReasonKind::Ownership)
        .expect("ownership finding")
}

fn usd() -> Nexus {
    Nexus {
        currency: Some("USD".into()),
        ..Nexus::default()
    }
}

fn cpc_shipment(on: &str) -> DecisionRequest {
    DecisionRequest {
        id: Some("cpc".into()),
        date: date(on),
        parties: vec![
            party("TENGIZCHEVROIL LLP", Role::Originator),
            party("CASPIAN PIPELINE CONSORTIUM", Role::Intermediary),
        ],
        activities: vec!["petroleum-services".into(), "crude-oil-transport".into()],
        nexus: Nexus {
            currency: Some("USD".into()),
            us_person: true,
            jurisdictions: vec!["KZ".into(), "RU".into()],
            ..Nexus::default()
        },
        goods_origin: Some("KZ".into()),
        thresholds: None,
    }
}

#[test]
fn kazakh_crude_through_cpc_is_authorised_under_gl_124b_without_expiry() {
    let w = world();
    let report = decide(&w, &cpc_shipment("2026-02-01"));
    let us = report.regime(Regime::Us).unwrap();
    assert_eq!(us.outcome, Outcome::Authorised, "{us:#?}");
    let licence = us.licence.as_ref().unwrap();
    assert_eq!(licence.id, "US-OFAC-GL-124B");
    assert_eq!(licence.expires, None);
    assert_eq!(licence.days_remaining, None);
    assert_eq!(
        licence.chain,
        ["US-OFAC-GL-124B", "US-OFAC-GL-124A", "US-OFAC-GL-124"]
    );
    assert!(
        licence.clauses.contains(&"(a)".to_string()),
        "{:?}",
        licence.clauses
    );
    // The prohibition it lifts is named.
    assert!(us
        .reasons
        .iter()
        .any(|r| r.kind == ReasonKind::ProhibitedActivity
            && r.prohibition.as_deref() == Some("US-EO14071-PETROLEUM-SERVICES")));
    // Older versions were considered and rejected as superseded.
    assert!(us
        .licences_rejected
        .iter()
        .any(|r| r.starts_with("US-OFAC-GL-124A: superseded by US-OFAC-GL-124B")));
    assert_eq!(report.regime(Regime::Un).unwrap().outcome, Outcome::Clear);
    assert_eq!(
        report.regime(Regime::Eu).unwrap().outcome,
        Outcome::NotApplicable
    );
    assert_eq!(report.overall, Outcome::Authorised);

    // Before GL 124A existed, the first GL 124 (petroleum services only) is relied upon.
    let mut june = cpc_shipment("2025-06-01");
    june.activities = vec!["petroleum-services".into()];
    let june = decide(&w, &june);
    let us = june.regime(Regime::Us).unwrap();
    assert_eq!(
        us.licence.as_ref().map(|l| l.id.as_str()),
        Some("US-OFAC-GL-124")
    );

    // Selling an interest in the project is excluded from GL 124B.
    let mut sale = cpc_shipment("2026-02-01");
    sale.activities.push("interest-transfer".into());
    let us = decide(&w, &sale);
    let us = us.regime(Regime::Us).unwrap();
    // interest-transfer is not itself prohibited; the petroleum services still are.
    assert_eq!(us.outcome, Outcome::Blocked, "{us:#?}");
    assert!(us
        .licences_rejected
        .iter()
        .any(|r| r.starts_with("US-OFAC-GL-124B: activity `interest-transfer` is excluded")));
}

#[test]
fn eu_import_of_kazakh_crude_via_cpc_uses_the_third_country_origin_carve_out() {
    let w = world();
    let mut request = cpc_shipment("2026-02-01");
    request.activities = vec!["crude-oil-purchase".into()];
    request.nexus = Nexus {
        currency: Some("EUR".into()),
        eu_person: true,
        jurisdictions: vec!["KZ".into(), "RU".into(), "IT".into()],
        ..Nexus::default()
    };
    let report = decide(&w, &request);
    let eu = report.regime(Regime::Eu).unwrap();
    assert_eq!(eu.outcome, Outcome::Authorised, "{eu:#?}");
    let licence = eu.licence.as_ref().unwrap();
    assert_eq!(licence.id, "EU-833-2014-ART3M-NON-RUSSIAN-ORIGIN");
    assert!(
        !licence.verified,
        "the carve-out's wording is not verified and must say so"
    );
    assert!(!licence.conditions.is_empty());

    request.goods_origin = Some("RU".into());
    let report = decide(&w, &request);
    let eu = report.regime(Regime::Eu).unwrap();
    assert_eq!(eu.outcome, Outcome::Blocked, "{eu:#?}");
}

fn turgai(on: &str) -> DecisionRequest {
    DecisionRequest {
        activities: vec!["wind-down".into()],
        ..request(
            on,
            vec![party("TURGAI PETROLEUM", Role::Beneficiary)],
            usd(),
        )
    }
}

#[test]
fn company_half_owned_by_a_blocked_lukoil_subsidiary_is_authorised_until_gl_126_expires() {
    let w = world();
    let report = decide(&w, &turgai("2025-11-10"));
    let us = report.regime(Regime::Us).unwrap();
    assert_eq!(us.outcome, Outcome::Authorised, "{us:#?}");
    let licence = us.licence.as_ref().unwrap();
    assert_eq!(licence.id, "US-OFAC-GL-126");
    assert_eq!(licence.expires, Some(date("2025-11-20")));
    assert_eq!(licence.days_remaining, Some(10));
    assert!(!licence.conditions.is_empty());
    // Blocked by ownership, with the whole path and its percentages.
    let ownership = ownership_finding(us);
    let steps: Vec<(&str, Option<f64>, &str)> = ownership
        .path
        .iter()
        .map(|s| (s.owner.as_str(), s.percentage, s.owned_name.as_str()))
        .collect();
    assert_eq!(
        steps,
        [
            (
                "us_ofac_cons:17248",
                Some(100.0),
                "LUKOIL INTERNATIONAL GMBH"
            ),
            (
                "name:LUKOIL INTERNATIONAL GMBH",
                Some(50.0),
                "TURGAI PETROLEUM"
            ),
        ]
    );
    assert!(ownership.path[0].owner_listed);
    assert!(
        ownership.detail.contains("LUKOIL OAO"),
        "{}",
        ownership.detail
    );

    // Last day of the licence: still authorised, 0 days left.
    let last = decide(&w, &turgai("2025-11-20"));
    let us = last.regime(Regime::Us).unwrap();
    assert_eq!(us.outcome, Outcome::Authorised);
    assert_eq!(us.licence.as_ref().unwrap().days_remaining, Some(0));

    // The day after: blocked, and the report says the licence expired.
    let after = decide(&w, &turgai("2025-11-21"));
    let us = after.regime(Regime::Us).unwrap();
    assert_eq!(us.outcome, Outcome::Blocked, "{us:#?}");
    assert!(us.licence.is_none());
    assert!(us
        .licences_rejected
        .iter()
        .any(|r| r.starts_with("US-OFAC-GL-126: expired: last day of effect 2025-11-20")));
    assert_eq!(after.overall, Outcome::Blocked);

    // Not wind-down business: GL 126 does not apply even before expiry.
    let mut new_business = turgai("2025-11-10");
    new_business.activities = vec!["crude-oil-purchase".into()];
    let report = decide(&w, &new_business);
    assert_eq!(report.regime(Regime::Us).unwrap().outcome, Outcome::Blocked);
}

#[test]
fn aggregated_indirect_stake_blocks_under_ofac_but_not_under_uk() {
    // X (KOMID, on the SDN and UN lists) owns 50 % of A and 10 % of B; A owns 40 % of B.
    let w = world();
    let request = request(
        "2026-03-01",
        vec![party("SCENARIO TRADING B", Role::Beneficiary)],
        Nexus {
            currency: Some("USD".into()),
            uk_person: true,
            ..Nexus::default()
        },
    );
    let report = decide(&w, &request);
    let us = report.regime(Regime::Us).unwrap();
    assert_eq!(us.outcome, Outcome::Blocked, "{us:#?}");
    let path = &ownership_finding(us).path;
    let mut stakes: Vec<(String, f64)> = path
        .iter()
        .map(|s| {
            (
                format!("{}→{}", s.owner_name, s.owned_name),
                s.percentage.unwrap(),
            )
        })
        .collect();
    stakes.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        stakes,
        [
            (
                "KOREA MINING DEVELOPMENT TRADING CORPORATION→SCENARIO HOLDING A".to_string(),
                50.0
            ),
            (
                "KOREA MINING DEVELOPMENT TRADING CORPORATION→SCENARIO TRADING B".to_string(),
                10.0
            ),
            ("SCENARIO HOLDING A→SCENARIO TRADING B".to_string(), 40.0),
        ]
    );
    let uk = report.regime(Regime::Uk).unwrap();
    assert_eq!(uk.outcome, Outcome::Clear, "{uk:#?}");
    assert_eq!(report.overall, Outcome::Blocked);
}

#[test]
fn un_listed_party_is_blocked_under_every_regime() {
    let w = world();
    let request = request(
        "2026-03-01",
        vec![listed("un_sc:690735", Role::Counterparty)],
        Nexus {
            currency: Some("EUR".into()),
            us_person: true,
            uk_person: true,
            ..Nexus::default()
        },
    );
    let report = decide(&w, &request);
    for regime in [Regime::Un, Regime::Us, Regime::Eu, Regime::Uk] {
        let d = report.regime(regime).unwrap();
        assert_eq!(d.outcome, Outcome::Blocked, "{regime:?}: {d:#?}");
        assert!(d.reasons.iter().any(|r| r.kind == ReasonKind::DirectListing
            && r.entity_id.as_deref() == Some("un_sc:690735")));
    }
    // Screening by name finds the same listing (and the OFAC SDN entry).
    let by_name = DecisionRequest {
        parties: vec![party(
            "Korea Mining Development Trading Corporation",
            Role::Beneficiary,
        )],
        ..request
    };
    let report = decide(&w, &by_name);
    assert_eq!(report.overall, Outcome::Blocked);
    let ids: Vec<&str> = report.parties[0]
        .entities
        .iter()
        .map(|c| c.entity_id.as_str())
        .collect();
    assert!(
        ids.contains(&"un_sc:690735") && ids.contains(&"us_ofac_sdn:9345"),
        "{ids:?}"
    );
}

#[test]
fn stake_of_unknown_size_held_by_a_blocked_party_is_review_not_clear() {
    let w = world();
    let request = request(
        "2026-03-01",
        vec![party(
            "ROSNEFT-SHELL CASPIAN VENTURES LIMITED",
            Role::Counterparty,
        )],
        usd(),
    );
    let report = decide(&w, &request);
    let us = report.regime(Regime::Us).unwrap();
    assert_eq!(us.outcome, Outcome::Review, "{us:#?}");
    let finding = us
        .reasons
        .iter()
        .find(|r| r.kind == ReasonKind::UnknownOwnership)
        .expect("unknown-ownership finding");
    assert_eq!(finding.path.len(), 1);
    assert_eq!(finding.path[0].owner, "us_ofac_cons:17022");
    assert_eq!(finding.path[0].percentage, None);
    assert!(finding.detail.contains("unknown %"), "{}", finding.detail);
}

#[test]
fn uncertain_name_match_is_review() {
    let w = world();
    // Two of the three words of a listed name: Jaccard 2/3, between 0.6 and 0.9.
    let request = DecisionRequest {
        thresholds: Some(tamga_rules::Thresholds {
            review: 0.6,
            block: 0.9,
        }),
        ..request(
            "2026-03-01",
            vec![party("LUKOIL OAO TRADING", Role::Counterparty)],
            usd(),
        )
    };
    let report = decide(&w, &request);
    let us = report.regime(Regime::Us).unwrap();
    assert_eq!(us.outcome, Outcome::Review, "{us:#?}");
    assert!(us
        .reasons
        .iter()
        .any(|r| r.kind == ReasonKind::UncertainMatch
            && r.entity_id.as_deref() == Some("us_ofac_cons:17248")));
}

#[test]
fn sectoral_only_listing_is_review_and_unknown_ids_are_errors() {
    let w = world();
    // PJSC Gazprom is on the consolidated list without the E.O. 14024 blocking text.
    let request = request(
        "2026-03-01",
        vec![listed("us_ofac_cons:17250", Role::default())],
        usd(),
    );
    let report = decide(&w, &request);
    let us = report.regime(Regime::Us).unwrap();
    assert_eq!(us.outcome, Outcome::Review, "{us:#?}");
    assert_eq!(us.reasons[0].kind, ReasonKind::RestrictedListing);

    let bad = DecisionRequest {
        parties: vec![listed("us_ofac_sdn:99999999", Role::default())],
        ..request
    };
    let err = w.engine.decide(&w.screener, &bad).unwrap_err().to_string();
    assert!(err.contains("parties[0].entity_id"), "{err}");
}

#[test]
fn requests_and_reports_are_json() {
    let text = r#"{"date":"2025-11-20","parties":[{"name":"TURGAI PETROLEUM","role":"beneficiary"}],
        "activities":["wind-down"],"nexus":{"currency":"USD"}}"#;
    let request: DecisionRequest = serde_json::from_str(text).unwrap();
    let w = world();
    let report = decide(&w, &request);
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["overall"], "authorised");
    assert_eq!(json["regimes"][1]["licence"]["id"], "US-OFAC-GL-126");
    let bad: Result<DecisionRequest, _> =
        serde_json::from_str(r#"{"date":"2025-13-01","parties":[]}"#);
    assert!(bad.unwrap_err().to_string().contains("2025-13-01"));
}

#[test]
fn kazakh_joint_venture_half_owned_by_lukoil_is_blocked_by_the_50_percent_rule() {
    // Kalamkas-Khazar Operating LLP: 50 % Lukoil, 50 % KazMunayGas (public record, see scenarios.csv).
    let w = world();
    let mut request = turgai("2025-12-01");
    request.parties = vec![party("Kalamkas-Khazar Operating LLP", Role::Counterparty)];
    request.activities = vec!["crude-oil-purchase".into()];
    let report = decide(&w, &request);
    let us = report.regime(Regime::Us).unwrap();
    assert_eq!(us.outcome, Outcome::Blocked, "{us:#?}");
    let path = &ownership_finding(us).path;
    assert_eq!(path.len(), 1);
    assert_eq!(path[0].owner, "us_ofac_cons:17248");
    assert_eq!(path[0].percentage, Some(50.0));
    // GL 124B is limited to the CPC, Tengizchevroil and Karachaganak projects.
    assert!(us
        .licences_rejected
        .iter()
        .any(|r| r.starts_with("US-OFAC-GL-124B: the transaction involves none")));
}
