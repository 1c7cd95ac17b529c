//! Loader for the `canada` format (to be implemented).

use crate::{LoadError, LoadOptions};
use std::path::Path;
use tamga_model::EntityList;

/// Loads a `canada` publication.
pub fn load(path: &Path, options: &LoadOptions) -> Result<EntityList, LoadError> {
    let _ = options;
    Err(LoadError::file(
        path,
        "the canada loader is not implemented yet",
    ))
}
