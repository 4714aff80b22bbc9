//! The blind evaluation sets in `tests/data/blind/`: written from the essays alone, by authors
//! who never saw the pack, the matcher or the scorer, and labelled with essay paragraphs. Each
//! set is split into a tuning file and a holdout file (`recognition-tuning.jsonl`,
//! `recognition-holdout.jsonl`, …); the clash map is one file. A set whose file is absent is
//! not measured, and the report says so, rather than counted as empty.

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
    pub messages: Vec<Message>,
    pub attacks: Vec<MoveMessage>,
    pub concessions: Vec<MoveMessage>,
    pub graded: Vec<GradedSet>,
    pub clash_map: ClashMap,
    /// The sets whose files are absent from the directory, by file name.
    pub missing: Vec<String>,
}

impl BlindSets {
    pub fn read(dir: &Path, split: Split) -> Result<BlindSets, LabelledSetError> {
        let mut missing = Vec::new();
        let mut read = |name: String| -> Option<PathBuf> {
            let path = dir.join(&name);
            if path.is_file() {
                Some(path)
            } else {
                missing.push(name);
                None
            }
        };
        let split_file = |set: &str| format!("{set}-{}.jsonl", split.name());
        let clash_map = match read("clash-map.jsonl".to_string()) {
            Some(path) => read_records::<ClashEntry>(&path, "clash entry")?
                .into_iter()
                .map(|(_, entry)| {
                    let by = entry
                        .contested_by
                        .into_iter()
                        .map(|c| c.paragraph)
                        .collect();
                    (entry.paragraph, by)
                })
                .collect(),
            None => HashMap::new(),
        };
        let messages = records(read(split_file("recognition")), "message")?;
        let attacks = records(read(split_file("attacks")), "attack")?;
        let concessions = records(read(split_file("concessions")), "concession")?;
        let graded = records(read(split_file("graded")), "graded set")?;
        Ok(BlindSets {
            messages,
            attacks,
            concessions,
            graded,
            clash_map: ClashMap {
                contested_by: clash_map,
            },
            missing,
        })
    }
}

fn records<Record: DeserializeOwned>(
    path: Option<PathBuf>,
    record: &'static str,
) -> Result<Vec<Record>, LabelledSetError> {
    let Some(path) = path else {
        return Ok(Vec::new());
    };
    Ok(read_records(&path, record)?
        .into_iter()
        .map(|(_, r)| r)
        .collect())
}
