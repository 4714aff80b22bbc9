//! Labelled reply files: one JSON object a line,
//! `{"group": "g01", "side": "SIDE", "counter_id": "ARGUMENT", "reply": "...", "grade": "strong"}`,
//! where the replies of a group answer the same counter and are graded
//! strong > generic > vague > offtopic. Blank lines are skipped.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use thiserror::Error;

use crate::pack::{ArgumentIndex, Pack};

#[derive(Debug, Error)]
pub enum ReplySetError {
    #[error("{path}: cannot read: {source}", path = path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}:{line}: not a labelled reply: {source}", path = path.display())]
    Parse {
        path: PathBuf,
        line: usize,
        source: serde_json::Error,
    },
    #[error("{path}:{line}: no argument `{id}` in the pack", path = path.display())]
    UnknownCounter {
        path: PathBuf,
        line: usize,
        id: String,
    },
    #[error("{path}:{line}: no side `{side}` in the pack", path = path.display())]
    UnknownSide {
        path: PathBuf,
        line: usize,
        side: String,
    },
}

/// How good a reply is, worst first, so that `Ord` is the expected order of scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Grade {
    Offtopic,
    Vague,
    Generic,
    Strong,
}

impl Grade {
    pub fn name(self) -> &'static str {
        match self {
            Grade::Offtopic => "offtopic",
            Grade::Vague => "vague",
            Grade::Generic => "generic",
            Grade::Strong => "strong",
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
struct RawReply {
    group: String,
    side: String,
    counter_id: String,
    reply: String,
    grade: Grade,
}

/// A reply with its counter resolved in the pack.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelledReply {
    pub group: String,
    pub side: String,
    pub counter: ArgumentIndex,
    pub reply: String,
    pub grade: Grade,
}

/// Reads a reply file; an unreadable file, a malformed line, or a side or counter the pack
/// lacks is an error naming the line.
pub fn read_replies(pack: &Pack, path: &Path) -> Result<Vec<LabelledReply>, ReplySetError> {
    let text = std::fs::read_to_string(path).map_err(|source| ReplySetError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let mut replies = Vec::new();
    for (number, line) in text.lines().enumerate().map(|(i, line)| (i + 1, line)) {
        if line.trim().is_empty() {
            continue;
        }
        let raw: RawReply = serde_json::from_str(line).map_err(|source| ReplySetError::Parse {
            path: path.to_path_buf(),
            line: number,
            source,
        })?;
        if pack.side(&raw.side).is_none() {
            return Err(ReplySetError::UnknownSide {
                path: path.to_path_buf(),
                line: number,
                side: raw.side,
            });
        }
        let counter =
            pack.argument_index(&raw.counter_id)
                .ok_or_else(|| ReplySetError::UnknownCounter {
                    path: path.to_path_buf(),
                    line: number,
                    id: raw.counter_id.clone(),
                })?;
        replies.push(LabelledReply {
            group: raw.group,
            side: raw.side,
            counter,
            reply: raw.reply,
            grade: raw.grade,
        });
    }
    Ok(replies)
}
