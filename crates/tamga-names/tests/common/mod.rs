//! Helpers shared by the integration tests of `tamga-names`.

use tamga_names::{analyze, PartyHint};

/// The texts of a name's tokens, in order.
pub fn token_texts(name: &str, hint: PartyHint) -> Vec<String> {
    analyze(name, hint)
        .tokens
        .into_iter()
        .map(|t| t.text)
        .collect()
}
