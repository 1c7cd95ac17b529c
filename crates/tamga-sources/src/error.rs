//! Load errors that always say where the problem is.

use std::fmt;
use std::path::{Path, PathBuf};

/// Where in a file a problem was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// The file as a whole (unreadable, unknown format, empty, …).
    File,
    /// A 1-based line (CSV and JSON Lines).
    Line(u64),
    /// A byte offset plus the element path being read (XML).
    Element {
        /// Byte offset in the file.
        offset: u64,
        /// Element path, e.g. `INDIVIDUALS/INDIVIDUAL[17]/DATAID`.
        path: String,
    },
    /// A spreadsheet cell or row (`Data!C12`).
    Cell(String),
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::File => Ok(()),
            Location::Line(n) => write!(f, ":{n}"),
            Location::Element { offset, path } => write!(f, " at byte {offset} in <{path}>"),
            Location::Cell(c) => write!(f, " at {c}"),
        }
    }
}

/// A list could not be loaded. Names the file and the line or element.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{}{location}: {message}", file.display())]
pub struct LoadError {
    /// The file that failed.
    pub file: PathBuf,
    /// Where in it.
    pub location: Location,
    /// What is wrong, in words an operator can act on.
    pub message: String,
}

impl LoadError {
    /// An error about a whole file.
    pub fn file(file: &Path, message: impl Into<String>) -> LoadError {
        LoadError {
            file: file.to_path_buf(),
            location: Location::File,
            message: message.into(),
        }
    }

    /// An error at a 1-based line.
    pub fn line(file: &Path, line: u64, message: impl Into<String>) -> LoadError {
        LoadError {
            file: file.to_path_buf(),
            location: Location::Line(line),
            message: message.into(),
        }
    }

    /// An error at an XML element.
    pub fn element(
        file: &Path,
        offset: u64,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> LoadError {
        LoadError {
            file: file.to_path_buf(),
            location: Location::Element {
                offset,
                path: path.into(),
            },
            message: message.into(),
        }
    }

    /// An error at a spreadsheet cell or row.
    pub fn cell(file: &Path, cell: impl Into<String>, message: impl Into<String>) -> LoadError {
        LoadError {
            file: file.to_path_buf(),
            location: Location::Cell(cell.into()),
            message: message.into(),
        }
    }
}
