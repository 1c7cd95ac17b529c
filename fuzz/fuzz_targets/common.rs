//! Shared by the loader targets: write the input into a scratch directory
//! (loaders read files) and load it. Errors are fine; panics are the bugs.

use std::path::PathBuf;
use std::sync::OnceLock;
use tamga_sources::{load_as, Format, ListSpec, LoadOptions};

fn scratch() -> &'static tempfile::TempDir {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().expect("scratch directory"))
}

/// Splits `data` at `0xFF 0xFE` into at most `n` parts.
#[allow(dead_code)]
pub fn split(data: &[u8], n: usize) -> Vec<&[u8]> {
    let mut parts = Vec::new();
    let mut rest = data;
    while parts.len() + 1 < n {
        match rest.windows(2).position(|w| w == [0xFF, 0xFE]) {
            Some(at) => {
                parts.push(&rest[..at]);
                rest = &rest[at + 2..];
            }
            None => break,
        }
    }
    parts.push(rest);
    parts
}

/// Writes the files (removing any from a previous input) and loads them,
/// strict and lenient. `as_dir` gives the loader the directory, else the
/// first file.
pub fn load_files(format: Format, files: &[(&str, &[u8])], as_dir: bool) {
    let dir = scratch().path();
    for entry in std::fs::read_dir(dir).expect("read scratch").flatten() {
        let _ = std::fs::remove_file(entry.path());
    }
    for (name, bytes) in files {
        std::fs::write(dir.join(name), bytes).expect("write input");
    }
    let path: PathBuf = if as_dir {
        dir.to_path_buf()
    } else {
        dir.join(files[0].0)
    };
    for lenient in [false, true] {
        let spec = ListSpec {
            name: Some("fuzz".into()),
            path: path.clone(),
        };
        let _ = load_as(format, &spec, &LoadOptions { lenient });
    }
}
