//! Labelled query files: one JSON object a line,
//! `{"q": "...", "expect": ["argument.id", ...], "style": "paraphrase"}`; `"expect": []` marks a
//! message that should match nothing (off-topic). Blank lines are skipped.

use std::path::Path;

use serde::Deserialize;

use super::matching::EvalError;
use crate::pack::{ArgumentIndex, Pack};

#[derive(Debug, Clone, Deserialize)]
struct RawQuery {
    q: String,
    expect: Vec<String>,
    style: String,
}

/// A query with its expected arguments resolved in the pack.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelledQuery {
    pub text: String,
    pub expect: Vec<ArgumentIndex>,
    pub style: String,
}

impl LabelledQuery {
    pub fn is_off_topic(&self) -> bool {
        self.expect.is_empty()
    }
}

/// Reads a query file; an unreadable file, a malformed line or an id the pack lacks is an error
/// naming the line.
pub fn read_queries(pack: &Pack, path: &Path) -> Result<Vec<LabelledQuery>, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|source| EvalError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let mut queries = Vec::new();
    for (number, line) in text.lines().enumerate().map(|(i, line)| (i + 1, line)) {
        if line.trim().is_empty() {
            continue;
        }
        let raw: RawQuery = serde_json::from_str(line).map_err(|source| EvalError::Parse {
            path: path.to_path_buf(),
            line: number,
            source,
        })?;
        let expect = raw
            .expect
            .iter()
            .map(|id| {
                pack.argument_index(id)
                    .ok_or_else(|| EvalError::UnknownArgument {
                        path: path.to_path_buf(),
                        line: number,
                        id: id.clone(),
                    })
            })
            .collect::<Result<_, _>>()?;
        queries.push(LabelledQuery {
            text: raw.q,
            expect,
            style: raw.style,
        });
    }
    Ok(queries)
}
