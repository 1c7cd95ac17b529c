//! The CSV files the rules read (ownership files, customer books): read
//! whole as UTF-8, `#` starts a comment line, fields are trimmed, the first
//! row names the columns (in any case and order).

use crate::RulesError;
use std::io::Cursor;
use std::path::Path;

/// An open CSV file, its header row read.
pub(crate) struct CsvFile {
    /// The path, as errors name it.
    pub file: String,
    headers: csv::StringRecord,
    reader: csv::Reader<Cursor<Vec<u8>>>,
}

impl CsvFile {
    /// Reads `path` and its header row.
    pub fn open(path: &Path) -> Result<CsvFile, RulesError> {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| RulesError::Io {
            file: file.clone(),
            message: e.to_string(),
        })?;
        let mut reader = csv::ReaderBuilder::new()
            .comment(Some(b'#'))
            .flexible(false)
            .trim(csv::Trim::All)
            .from_reader(Cursor::new(text.into_bytes()));
        let headers = reader
            .headers()
            .map_err(|e| RulesError::at(&file, 1, "header", e.to_string()))?
            .clone();
        Ok(CsvFile {
            file,
            headers,
            reader,
        })
    }

    /// The index of an optional column.
    pub fn col(&self, name: &str) -> Option<usize> {
        self.headers
            .iter()
            .position(|h| h.eq_ignore_ascii_case(name))
    }

    /// The index of a required column; an error on line 1 without it.
    pub fn need(&self, name: &str) -> Result<usize, RulesError> {
        self.col(name)
            .ok_or_else(|| RulesError::at(&self.file, 1, name, "missing column"))
    }

    /// The records with their line numbers; a malformed record is an error
    /// naming its line.
    pub fn records(
        &mut self,
    ) -> impl Iterator<Item = Result<(u64, csv::StringRecord), RulesError>> + '_ {
        let file = &self.file;
        self.reader.records().map(move |record| {
            let record = record.map_err(|e| {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                RulesError::at(file, line, "record", e.to_string())
            })?;
            let line = record.position().map(|p| p.line()).unwrap_or(0);
            Ok((line, record))
        })
    }
}
