//! The blind evaluation sets in `tests/data/blind/`: written from the essays alone, by authors
//! who never saw the pack, the matcher or the scorer, and labelled with essay paragraphs. Each
//! set is split into a tuning file and a holdout file (`recognition-tuning.jsonl`,
//! `recognition-holdout.jsonl`, …); the clash map is one file.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::essays::ParagraphId;
use super::labelled::{LabelledSetError, read_records};

/// Which half of a split set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Split {
    Tuning,
    Holdout,
}

impl Split {
    pub fn name(self) -> &'static str {
        match self {
            Split::Tuning => "tuning",
            Split::Holdout => "holdout",
        }
    }
}

/// A student message labelled with the paragraphs it expresses (none: off-topic).
#[derive(Debug, Clone, Deserialize)]
pub struct Message {
    pub id: String,
    pub q: String,
    pub style: String,
    /// The essay whose case the message argues; `None` off-topic.
    pub essay: Option<String>,
    pub paragraphs: Vec<ParagraphId>,
}

/// An attack on an opposing paragraph, or a concession, said by a student arguing
/// `speaker_essay`'s case.
#[derive(Debug, Clone, Deserialize)]
pub struct MoveMessage {
    pub id: String,
    pub q: String,
    pub speaker_essay: String,
    /// The paragraphs attacked (attacks) or accepted (concessions; may be empty).
    #[serde(alias = "attacks", alias = "concedes")]
    pub about: Vec<ParagraphId>,
}

/// For one paragraph, the paragraphs of other essays that contest it.
#[derive(Debug, Clone, Deserialize)]
struct ClashEntry {
    paragraph: ParagraphId,
    contested_by: Vec<Contest>,
}

#[derive(Debug, Clone, Deserialize)]
struct Contest {
    paragraph: ParagraphId,
}

/// Which paragraphs contest which.
#[derive(Debug, Clone, Default)]
pub struct ClashMap {
    contested_by: HashMap<ParagraphId, Vec<ParagraphId>>,
}

impl ClashMap {
    /// Whether the map labels any of `points` (a map may be written in parts).
    pub fn covers(&self, points: &[ParagraphId]) -> bool {
        points
            .iter()
            .any(|point| self.contested_by.contains_key(point))
    }

    /// Whether `answer` contests any of `points`.
    pub fn contests(&self, answer: &str, points: &[ParagraphId]) -> bool {
        points.iter().any(|point| {
            self.contested_by
                .get(point)
                .is_some_and(|by| by.iter().any(|p| p == answer))
        })
    }
}

/// A counter (verbatim from its paragraph) and four replies by a student of `student_essay`,
/// graded 0 (concedes or off-topic) to 3 (strong rebuttal with support).
#[derive(Debug, Clone, Deserialize)]
pub struct GradedSet {
    pub id: String,
    pub student_essay: String,
    pub counter: String,
    pub replies: Vec<GradedReply>,
    #[serde(default)]
    pub adversarial: bool,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GradedReply {
    pub text: String,
    pub grade: u8,
}

/// Every blind set, one split of each.
#[derive(Debug, Clone)]
pub struct BlindSets {
    pub split: Split,
    pub messages: Vec<Message>,
    pub attacks: Vec<MoveMessage>,
    pub concessions: Vec<MoveMessage>,
    pub graded: Vec<GradedSet>,
    pub clash_map: ClashMap,
}

impl BlindSets {
    pub fn read(dir: &Path, split: Split) -> Result<BlindSets, LabelledSetError> {
        let file = |set: &str| -> PathBuf { dir.join(format!("{set}-{}.jsonl", split.name())) };
        let clash_map = read_records::<ClashEntry>(&dir.join("clash-map.jsonl"), "clash entry")?
            .into_iter()
            .map(|(_, entry)| {
                let by = entry
                    .contested_by
                    .into_iter()
                    .map(|c| c.paragraph)
                    .collect();
                (entry.paragraph, by)
            })
            .collect();
        Ok(BlindSets {
            split,
            messages: records(&file("recognition"), "message")?,
            attacks: records(&file("attacks"), "attack")?,
            concessions: records(&file("concessions"), "concession")?,
            graded: records(&file("graded"), "graded set")?,
            clash_map: ClashMap {
                contested_by: clash_map,
            },
        })
    }
}

fn records<Record: DeserializeOwned>(
    path: &Path,
    record: &'static str,
) -> Result<Vec<Record>, LabelledSetError> {
    Ok(read_records(path, record)?
        .into_iter()
        .map(|(_, r)| r)
        .collect())
}
