//! The source essays, cut into numbered paragraphs, and where each pack argument stands in them.
//!
//! The blind sets are labelled with essay paragraphs ("001:8": essay 001, paragraph 8), written
//! from the essays alone, so re-curating the pack cannot move their targets. An argument stands
//! in the paragraph that holds its verbatim quote; a position argues the essay that holds most
//! of its quotes.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::pack::{ArgumentIndex, Pack};

/// A paragraph of an essay: "001:8".
pub type ParagraphId = String;

#[derive(Debug, thiserror::Error)]
pub enum EssaysError {
    #[error("{path}: cannot read the essays: {source}", path = path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: no essays (files named like 001_*.txt)", path = path.display())]
    Empty { path: PathBuf },
}

/// The essays of a folder, by code (the digits before the first `_` of the file name).
#[derive(Debug, Clone)]
pub struct Essays {
    essays: Vec<(String, Vec<String>)>,
}

impl Essays {
    pub fn read(dir: &Path) -> Result<Essays, EssaysError> {
        let read_error = |source| EssaysError::Read {
            path: dir.to_path_buf(),
            source,
        };
        let mut essays = Vec::new();
        for entry in std::fs::read_dir(dir).map_err(read_error)? {
            let path = entry.map_err(read_error)?.path();
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            let Some((code, _)) = name.split_once('_') else {
                continue;
            };
            if !name.ends_with(".txt") || !code.chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            let text = std::fs::read_to_string(&path).map_err(|source| EssaysError::Read {
                path: path.clone(),
                source,
            })?;
            essays.push((code.to_string(), paragraphs(&text)));
        }
        if essays.is_empty() {
            return Err(EssaysError::Empty {
                path: dir.to_path_buf(),
            });
        }
        essays.sort();
        Ok(Essays { essays })
    }

    /// The paragraph that holds `quote` (whitespace folded), if any.
    pub fn paragraph_of(&self, quote: &str) -> Option<ParagraphId> {
        let quote = fold(quote);
        self.essays.iter().find_map(|(code, paragraphs)| {
            paragraphs
                .iter()
                .position(|p| p.contains(&quote))
                .map(|at| format!("{code}:{}", at + 1))
        })
    }
}

/// Where a pack's arguments and positions stand in the essays.
#[derive(Debug, Clone)]
pub struct Placement {
    /// Per argument, the paragraph of its quote.
    pub paragraph: Vec<Option<ParagraphId>>,
    /// Essay code -> the side of the position that argues it.
    pub side_of_essay: HashMap<String, String>,
}

impl Placement {
    pub fn new(pack: &Pack, essays: &Essays) -> Placement {
        let paragraph: Vec<Option<ParagraphId>> = pack
            .arguments
            .iter()
            .map(|argument| essays.paragraph_of(&argument.quote))
            .collect();
        let mut votes: HashMap<(&str, &str), usize> = HashMap::new();
        for (argument, paragraph) in pack.arguments.iter().zip(&paragraph) {
            if let Some((code, _)) = paragraph.as_deref().and_then(|p| p.split_once(':')) {
                *votes.entry((code, argument.side.as_str())).or_default() += 1;
            }
        }
        let mut side_of_essay: HashMap<String, (String, usize)> = HashMap::new();
        for ((code, side), count) in votes {
            let best = side_of_essay
                .entry(code.to_string())
                .or_insert_with(|| (side.to_string(), 0));
            if count > best.1 || (count == best.1 && side < best.0.as_str()) {
                *best = (side.to_string(), count);
            }
        }
        Placement {
            paragraph,
            side_of_essay: side_of_essay
                .into_iter()
                .map(|(code, (side, _))| (code, side))
                .collect(),
        }
    }

    /// Every argument whose quote stands in one of `paragraphs`.
    pub fn arguments_in(&self, paragraphs: &[ParagraphId]) -> Vec<ArgumentIndex> {
        (0..self.paragraph.len())
            .filter(|&a| {
                self.paragraph[a]
                    .as_ref()
                    .is_some_and(|p| paragraphs.contains(p))
            })
            .collect()
    }
}

/// Whitespace folded to single spaces, as quotes are compared.
pub fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An essay's paragraphs: blocks between blank lines; inside a block a line longer than 120
/// characters stands alone (files with a paragraph per line), shorter lines are joined
/// (hard-wrapped files).
pub fn paragraphs(essay: &str) -> Vec<String> {
    let mut found = Vec::new();
    let text = essay.replace("\r\n", "\n");
    for block in text.split("\n\n").flat_map(|b| b.split("\n \n")) {
        let mut joined: Vec<&str> = Vec::new();
        for line in block.lines().map(str::trim) {
            if line.chars().count() > 120 {
                if !joined.is_empty() {
                    found.push(joined.join(" "));
                    joined.clear();
                }
                found.push(line.to_string());
            } else if !line.is_empty() {
                joined.push(line);
            }
        }
        if !joined.is_empty() {
            found.push(joined.join(" "));
        }
    }
    found
        .into_iter()
        .map(|p| fold(&p))
        .filter(|p| !p.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_stand_alone_and_short_lines_join() {
        let long = "x".repeat(130);
        let text = format!("Title\nSubtitle\n\n{long}\n{long}\n\nshort\n \nlast");
        let found = paragraphs(&text);
        assert_eq!(found, ["Title Subtitle", &long, &long, "short", "last"]);
    }
}
