//! Labelled query files: one JSON object a line,
//! `{"q": "...", "expect": ["argument.id", ...], "style": "paraphrase"}`; `"expect": []` marks a
//! message that should match nothing (off-topic). Blank lines are skipped.

use std::path::Path;

use serde::Deserialize;

use super::labelled::{LabelledSetError, not_in_pack, read_records};
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
pub fn read_queries(pack: &Pack, path: &Path) -> Result<Vec<LabelledQuery>, LabelledSetError> {
    read_records::<RawQuery>(path, "query")?
        .into_iter()
        .map(|(line, raw)| {
            let expect = raw
                .expect
                .iter()
                .map(|id| {
                    pack.argument_index(id)
                        .ok_or_else(|| not_in_pack(path, line, "argument", id))
                })
                .collect::<Result<_, _>>()?;
            Ok(LabelledQuery {
                text: raw.q,
                expect,
                style: raw.style,
            })
        })
        .collect()
}
