//! Loader for the `uk_fcdo` format (to be implemented).

use crate::{LoadError, LoadOptions};
use std::path::Path;
use tamga_model::EntityList;

/// Loads a `uk_fcdo` publication.
pub fn load(path: &Path, options: &LoadOptions) -> Result<EntityList, LoadError> {
    let _ = options;
    Err(LoadError::file(
        path,
        "the uk_fcdo loader is not implemented yet",
    ))
}
