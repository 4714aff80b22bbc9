//! Reading a labelled set: a JSON-lines file of one kind of record, blank lines skipped, every
//! problem named by its file and line.

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

/// Why a labelled set cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum LabelledSetError {
    #[error("{path}: cannot read: {source}", path = path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}:{line}: not a labelled {record}: {source}", path = path.display())]
    Parse {
        path: PathBuf,
        line: usize,
        record: &'static str,
        source: serde_json::Error,
    },
}

/// The records of `path`, each with its line number (from 1). `record` names one record in
/// error messages ("query", "reply").
pub fn read_records<Record: DeserializeOwned>(
    path: &Path,
    record: &'static str,
) -> Result<Vec<(usize, Record)>, LabelledSetError> {
    let text = std::fs::read_to_string(path).map_err(|source| LabelledSetError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    text.lines()
        .enumerate()
        .map(|(index, line)| (index + 1, line))
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(line, text)| {
            serde_json::from_str(text)
                .map(|parsed| (line, parsed))
                .map_err(|source| LabelledSetError::Parse {
                    path: path.to_path_buf(),
                    line,
                    record,
                    source,
                })
        })
        .collect()
}
