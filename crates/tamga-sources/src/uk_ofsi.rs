//! Loader for the UK OFSI consolidated list (to be implemented).

use crate::{Format, LoadError, LoadOptions};
use std::path::Path;
use tamga_model::EntityList;

/// Loads an OFSI ConList in xlsx or csv form.
pub fn load(path: &Path, format: Format, options: &LoadOptions) -> Result<EntityList, LoadError> {
    let _ = (format, options);
    Err(LoadError::file(
        path,
        "the uk_ofsi loader is not implemented yet",
    ))
}
