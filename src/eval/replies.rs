//! Labelled reply files: one JSON object a line,
//! `{"group": "g01", "side": "SIDE", "counter_id": "ARGUMENT", "reply": "...", "grade": "strong"}`,
//! where the replies of a group answer the same counter and are graded
//! strong > generic > vague > offtopic. Blank lines are skipped.

use std::path::Path;

use serde::Deserialize;

use super::labelled::{LabelledSetError, not_in_pack, read_records};
use crate::pack::{ArgumentIndex, Pack};

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
pub fn read_replies(pack: &Pack, path: &Path) -> Result<Vec<LabelledReply>, LabelledSetError> {
    read_records::<RawReply>(path, "reply")?
        .into_iter()
        .map(|(line, raw)| {
            if pack.side(&raw.side).is_none() {
                return Err(not_in_pack(path, line, "side", &raw.side));
            }
            let counter = pack
                .argument_index(&raw.counter_id)
                .ok_or_else(|| not_in_pack(path, line, "argument", &raw.counter_id))?;
            Ok(LabelledReply {
                group: raw.group,
                side: raw.side,
                counter,
                reply: raw.reply,
                grade: raw.grade,
            })
        })
        .collect()
}
