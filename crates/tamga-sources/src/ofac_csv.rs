//! Loader for the `ofac_csv` format (to be implemented).

use crate::{LoadError, LoadOptions};
use std::path::Path;
use tamga_model::EntityList;

/// Loads a `ofac_csv` publication.
pub fn load(path: &Path, options: &LoadOptions) -> Result<EntityList, LoadError> {
    let _ = options;
    Err(LoadError::file(path, "the ofac_csv loader is not implemented yet"))
}
