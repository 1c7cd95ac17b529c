//! Top-k pruning (crate docs) returns exactly the unpruned ranking, on real
//! list names.

use tamga_index::{IndexOptions, NameIndex};
use tamga_names::{analyze, AnalyzedName, PartyHint};

const SDN: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/lists/ofac/sdn_2023-12-28/sdn.csv"
);

fn sdn_names() -> Vec<AnalyzedName> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(SDN)
        .expect("bundled file opens");
    reader
        .byte_records()
        .map(|r| r.expect("row parses"))
        .filter_map(|r| {
            let name = String::from_utf8_lossy(r.get(1)?).trim().to_string();
            (!name.is_empty()).then(|| analyze(&name, PartyHint::Unknown))
        })
        .collect()
}

/// Queries of several shapes: a list name, its tokens reversed with the
/// last letter of each dropped (edit-distance and phonetic expansions), and
/// a rare token of one name with the common tokens of another (the case
/// pruning is for: one rare token settles the ranking, common ones follow).
fn queries(names: &[AnalyzedName]) -> Vec<String> {
    let mut out = Vec::new();
    for (i, name) in names.iter().enumerate().step_by(17) {
        out.push(name.original.clone());
        let typo: Vec<String> = name
            .tokens
            .iter()
            .rev()
            .map(|t| {
                let mut s = t.latin.clone();
                if s.len() >= 5 {
                    s.pop();
                }
                s
            })
            .collect();
        out.push(typo.join(" "));
        let other = &names[(i * 7919 + 1) % names.len()];
        let mixed: Vec<&str> = name
            .tokens
            .iter()
            .take(1)
            .chain(other.tokens.iter().skip(1))
            .map(|t| t.text.as_str())
            .collect();
        out.push(mixed.join(" "));
    }
    out.push("Mohammed Ali".to_string());
    out.push("Limited Company Trading".to_string());
    out
}

#[test]
fn pruned_candidates_equal_unpruned_ones() {
    let names = sdn_names();
    assert!(names.len() > 10_000, "{} SDN names", names.len());
    let index = NameIndex::build(
        names.iter().enumerate().map(|(i, n)| (i as u32, n)),
        IndexOptions::default(),
    );
    let queries = queries(&names);
    let mut nonempty = 0;
    let mut capped = 0;
    for (limit, ratio) in [(256, 0.0), (100, 0.35), (10, 0.0), (3, 0.5)] {
        for q in &queries {
            let query = analyze(q, PartyHint::Unknown);
            let pruned = index.candidates_above(&query, limit, ratio);
            let reference = index.candidates_unpruned(&query, limit, ratio);
            assert_eq!(pruned, reference, "{q:?} limit {limit} ratio {ratio}");
            nonempty += usize::from(!pruned.is_empty());
            capped += usize::from(pruned.len() == limit);
        }
    }
    // The comparison is about rankings that were cut, not empty answers.
    assert!(nonempty > queries.len() * 3, "{nonempty} non-empty");
    assert!(capped > queries.len(), "{capped} rankings cut at the limit");
}
