//! The screening pipeline on real lists: ranking, explanations, secondary
//! evidence and batch behaviour.

use std::sync::OnceLock;
use tamga_matcher::MatchPath;
use tamga_model::EntityKind;
use tamga_scorer::TamgaScorer;
use tamga_screen::{Query, ScreenOptions, Screener};
use tamga_sources::{load, ListSpec, LoadOptions};

const SDN: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/lists/ofac/sdn_2023-12-28"
);

/// The OFAC SDN list of 2023-12-28 (13,821 entries), built once per test binary.
fn screener() -> &'static Screener<TamgaScorer> {
    static SCREENER: OnceLock<Screener<TamgaScorer>> = OnceLock::new();
    SCREENER.get_or_init(|| {
        let list = load(&ListSpec::parse(SDN), &LoadOptions::default()).expect("SDN list loads");
        Screener::new(vec![list], TamgaScorer)
    })
}

fn query(name: &str) -> Query {
    Query {
        name: name.to_string(),
        ..Query::default()
    }
}

fn top(q: &Query) -> tamga_screen::Match {
    let matches = screener()
        .screen(q, &ScreenOptions::default())
        .expect("valid query");
    matches
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no match for {q:?}"))
}

#[test]
fn listed_name_is_found_first_with_exact_tokens() {
    // SDN 8279 "BOUT, Viktor Anatolijevitch".
    let m = top(&query("Viktor Anatolijevitch Bout"));
    assert_eq!(m.entity_id, "us_ofac_sdn:8279");
    assert!(m.score >= 0.9, "{m:?}");
    assert!(m
        .explanation
        .tokens
        .iter()
        .all(|t| t.path == MatchPath::Exact));
}

#[test]
fn one_typo_per_token_still_finds_the_entity() {
    // SDN 35037 "OOO NAUCHNO-TEKHNICHESKII TSENTR METROTEK", every word misspelt once.
    let m = top(&query("Nauchni Tekhnicheskiy Tsentrr Metrotec"));
    assert_eq!(m.entity_id, "us_ofac_sdn:35037");
    assert!(m.score >= 0.7, "{m:?}");
    // Every misspelt word is matched, none as exact: by its phonetic key, its edit
    // distance or (nauchni ~ nauchno) the organisation word both spellings stand for.
    assert_eq!(m.explanation.tokens.len(), 4, "{m:?}");
    assert!(
        m.explanation.tokens.iter().all(|t| matches!(
            t.path,
            MatchPath::EditDistance { .. } | MatchPath::Phonetic { .. }
        )),
        "{m:?}"
    );
    assert!(m.explanation.unmatched_list.contains(&"ooo".to_string()) || m.score < 1.0);
}

#[test]
fn birth_date_raises_when_inside_and_lowers_when_far() {
    let name = "Viktor Bout";
    let plain = top(&query(name));
    let same = top(&Query {
        birth_date: Some("1967-01-13".into()),
        ..query(name)
    });
    let far = screener()
        .screen(
            &Query {
                birth_date: Some("1990".into()),
                ..query(name)
            },
            &ScreenOptions {
                threshold: 0.0,
                limit: 50,
            },
        )
        .expect("valid");
    let far = far
        .iter()
        .find(|m| m.entity_id == plain.entity_id)
        .expect("still a candidate");
    assert_eq!(same.entity_id, "us_ofac_sdn:8279");
    let adj = |m: &tamga_screen::Match| {
        m.explanation
            .adjustments
            .iter()
            .find(|a| a.evidence == "birth_date")
            .map(|a| a.delta)
    };
    assert_eq!(adj(&same), Some(tamga_screen::BIRTH_DATE_EXACT_DELTA));
    assert_eq!(adj(far), Some(tamga_screen::BIRTH_YEAR_MISMATCH_DELTA));
    assert!(same.score > plain.score && far.score < plain.score);
}

#[test]
fn identifier_alone_produces_a_match() {
    // SDN 35038 "OOO PAMKIN KHAUS", Tax ID No. 7715848680 (published in remarks).
    let q = Query {
        identifier: Some("771-584-8680".into()),
        ..query("Zhilstroy Invest")
    };
    let m = top(&q);
    assert_eq!(m.entity_id, "us_ofac_sdn:35038");
    assert!(m.score >= tamga_screen::IDENTIFIER_MATCH_FLOOR, "{m:?}");
    assert!(m
        .explanation
        .adjustments
        .iter()
        .any(|a| a.evidence == "identifier" && a.delta > 0.0));
}

#[test]
fn kind_mismatch_is_penalised_and_explained() {
    let org = top(&query("Pamkin Khaus"));
    let as_person = screener()
        .screen(
            &Query {
                kind: Some(EntityKind::Person),
                ..query("Pamkin Khaus")
            },
            &ScreenOptions {
                threshold: 0.0,
                limit: 10,
            },
        )
        .expect("valid");
    let same = as_person
        .iter()
        .find(|m| m.entity_id == org.entity_id)
        .expect("still listed");
    assert!(same
        .explanation
        .adjustments
        .iter()
        .any(|a| a.evidence == "kind" && a.delta == tamga_screen::KIND_MISMATCH_DELTA));
    assert!(same.score < org.score);
}

#[test]
fn threshold_zero_returns_exactly_the_limit() {
    let matches = screener()
        .screen(
            &query("Zakharov"),
            &ScreenOptions {
                threshold: 0.0,
                limit: 3,
            },
        )
        .expect("valid");
    assert_eq!(matches.len(), 3);
    assert!(matches.windows(2).all(|w| w[0].score >= w[1].score));
}

#[test]
fn a_bare_common_surname_stays_below_the_alert_threshold() {
    // Several ZAKHAROV entries are listed; the surname alone identifies none.
    let matches = screener()
        .screen(&query("Zakharov"), &ScreenOptions::default())
        .expect("valid");
    assert!(matches.is_empty(), "{matches:?}");
}

#[test]
fn batch_equals_one_by_one_in_order() {
    let queries = vec![
        query("Viktor Bout"),
        query(""),
        query("Pamkin Khaus"),
        Query {
            birth_date: Some("13/01/1967".into()),
            ..query("Viktor Bout")
        },
    ];
    let options = ScreenOptions::default();
    let batch = screener().screen_batch(&queries, &options);
    assert_eq!(batch.len(), queries.len());
    for (q, r) in queries.iter().zip(&batch) {
        assert_eq!(&screener().screen(q, &options), r);
    }
    assert!(batch[1].is_err() && batch[3].is_err());
}

#[test]
fn innocent_common_names_stay_below_the_alert_band() {
    // Queries made only of common tokens, screened against the whole SDN
    // list: the best they reach is a partial match of a real entry such as
    // the alias "ALI, Mohammad Ijaz Safarash" or "WALI, Mohammad" (SDN 13125).
    for name in ["Mohammad Ali", "Ivanov", "Global Trading LLC"] {
        let matches = screener()
            .screen(&query(name), &ScreenOptions::default())
            .expect("valid");
        assert!(matches.is_empty(), "{name}: {matches:?}");
    }
}

#[test]
fn distinctive_names_outscore_common_ones_at_equal_coverage() {
    // Both pairs are complete, exact token matches (coverage 1); only the
    // rarity of the tokens differs.
    let common = screener().compare("Mohammad Wali", "WALI, Mohammad", None);
    let rare = screener().compare("Pamkin Khaus", "PAMKIN KHAUS", None);
    assert_eq!(common.explanation.coverage, 1.0);
    assert_eq!(rare.explanation.coverage, 1.0);
    assert!(
        common.explanation.distinctiveness < rare.explanation.distinctiveness,
        "{common:?} vs {rare:?}"
    );
    assert!(
        common.score < rare.score && rare.score >= 0.9,
        "{common:?} vs {rare:?}"
    );
}

#[test]
fn every_entity_is_found_by_its_id_and_unknown_ids_are_not() {
    let s = screener();
    for (i, e) in s.entities().iter().enumerate().step_by(97) {
        let found = s.entity(&e.id).map(|f| f as *const _);
        assert_eq!(found, Some(&s.entities()[i] as *const _), "{}", e.id);
    }
    let first = &s.entities()[0].id;
    assert!(s.entity(&format!("{first}x")).is_none());
    assert!(s.entity("").is_none());
    assert!(s.entity("zz:unknown").is_none());
}

#[test]
fn weak_alias_cut_applies_exactly_to_names_graded_weak() {
    use tamga_model::NameQuality;
    let weak_names: Vec<String> = screener()
        .entities()
        .iter()
        .flat_map(|e| &e.names)
        .filter(|n| n.quality == NameQuality::Weak)
        .map(|n| n.full.clone())
        .take(20)
        .collect();
    assert!(!weak_names.is_empty(), "the SDN list grades weak aliases");
    let mut weak_matches = 0;
    for name in &weak_names {
        let matches = screener()
            .screen(
                &query(name),
                &ScreenOptions {
                    threshold: 0.0,
                    limit: 10,
                },
            )
            .expect("valid query");
        for m in &matches {
            let entity = screener().entity(&m.entity_id).expect("listed");
            let weak = entity
                .names
                .iter()
                .any(|n| n.full == m.matched_name && n.quality == NameQuality::Weak);
            let cut =
                m.explanation.adjustments.iter().any(|a| {
                    a.evidence == "weak_alias" && a.delta == tamga_screen::WEAK_ALIAS_DELTA
                });
            assert_eq!(
                weak, cut,
                "{name:?}: {} via {:?}",
                m.entity_id, m.matched_name
            );
            weak_matches += usize::from(weak);
        }
    }
    assert!(weak_matches > 0, "no match went through a weak alias");
}
