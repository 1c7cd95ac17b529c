//! Shared by the benches and the `measure` example: the bundled lists and a
//! deterministic query set derived from their names.

use tamga_model::EntityList;
use tamga_screen::Query;

/// Every default bundled list that loads; a list whose loader fails is
/// skipped with a message (loaders are still being written).
pub fn bundled_lists() -> Vec<EntityList> {
    let specs = tamga_sources::default_list_specs(&tamga_sources::bundled_data_dir());
    let mut lists = Vec::new();
    for spec in specs {
        match tamga_sources::load(&spec, &Default::default()) {
            Ok(list) => lists.push(list),
            Err(e) => eprintln!("skipping {}: {e}", spec.path.display()),
        }
    }
    lists
}

/// Queries made from every `step`-th listed primary name: tokens reversed
/// (order-insensitivity) and, for every other query, one letter dropped from
/// the longest token (a typo), so candidate generation does real fuzzy work.
#[allow(dead_code)] // each includer uses its own subset of these helpers
pub fn queries(lists: &[EntityList], step: usize) -> Vec<Query> {
    labelled_queries(lists, step)
        .into_iter()
        .map(|(q, _)| q)
        .collect()
}

/// [`queries`] with the id of the entity each query was made from.
#[allow(dead_code)] // each includer uses its own subset of these helpers
pub fn labelled_queries(lists: &[EntityList], step: usize) -> Vec<(Query, String)> {
    let mut out = Vec::new();
    for (i, e) in lists.iter().flat_map(|l| &l.entities).enumerate() {
        if i % step != 0 {
            continue;
        }
        let mut tokens: Vec<String> = e
            .caption()
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect();
        tokens.reverse();
        if i % 2 == 0 {
            if let Some(longest) = tokens.iter_mut().max_by_key(|t| t.chars().count()) {
                if longest.chars().count() > 4 {
                    let cut = longest.char_indices().nth(2).map(|(b, _)| b).unwrap_or(0);
                    longest.remove(cut);
                }
            }
        }
        out.push((
            Query {
                name: tokens.join(" "),
                ..Query::default()
            },
            e.id.clone(),
        ));
    }
    out
}
