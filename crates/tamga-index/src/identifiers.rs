//! The exact index of identifier numbers (passports, registrations).

use std::collections::HashMap;

/// Normalises an identifier number for comparison: ASCII letters and digits
/// only, uppercased, so `AB 123-456` equals `ab123456`. Non-ASCII letters are
/// kept (lowercase-folded to uppercase) because some registries use them.
pub fn normalize_identifier(number: &str) -> String {
    number
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(|c| c.to_uppercase())
        .collect()
}

/// Exact index of normalised identifier numbers to owner ids (entity
/// positions). Numbers shorter than [`IdentifierIndex::MIN_LEN`] after
/// normalisation are not indexed: `12` or `A1` would match at random.
#[derive(Debug, Default, Clone)]
pub struct IdentifierIndex {
    map: HashMap<String, Vec<u32>>,
}

impl IdentifierIndex {
    /// Shortest normalised number indexed.
    pub const MIN_LEN: usize = 4;

    /// An empty index.
    pub fn new() -> IdentifierIndex {
        IdentifierIndex::default()
    }

    /// Adds `number` for `owner`.
    pub fn add(&mut self, number: &str, owner: u32) {
        let key = normalize_identifier(number);
        if key.chars().count() < Self::MIN_LEN {
            return;
        }
        let owners = self.map.entry(key).or_default();
        if !owners.contains(&owner) {
            owners.push(owner);
        }
    }

    /// The owners of `number` (normalised before lookup).
    pub fn lookup(&self, number: &str) -> &[u32] {
        self.map
            .get(&normalize_identifier(number))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Number of distinct normalised numbers.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_normalise_punctuation_and_case() {
        assert_eq!(normalize_identifier("ab 12-34/5"), "AB12345");
        let mut index = IdentifierIndex::new();
        index.add("A-12", 1);
        assert!(index.is_empty(), "too short to be indexed");
        index.add("C 00123456", 7);
        assert_eq!(index.lookup("c00123456"), &[7]);
    }
}
