//! Loader for the `custom` format (to be implemented).

use crate::{LoadError, LoadOptions};
use std::path::Path;
use tamga_model::EntityList;

/// Loads a `custom` publication.
pub fn load(path: &Path, name: Option<&str>, options: &LoadOptions) -> Result<EntityList, LoadError> {
    let _ = (name, options);
    Err(LoadError::file(path, "the custom loader is not implemented yet"))
}
