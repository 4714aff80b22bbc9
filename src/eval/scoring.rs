//! How well the scoring rubric orders replies: within each group (replies to one counter), every
//! pair of different grades should score in grade order. Reported overall and per grade pair,
//! beside two simple signals: reply length, and word overlap with the counter.

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::labelled::LabelledSetError;
use super::replies::{Grade, LabelledReply, read_replies};
use crate::config::Config;
use crate::drill::{Rubric, TurnContext};
use crate::matcher::Matcher;
use crate::pack::Pack;

/// Correctly ordered pairs out of all pairs (a tie counts half).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Ordering {
    pub correct: f64,
    pub pairs: usize,
}

impl Ordering {
    pub fn accuracy(&self) -> f64 {
        if self.pairs == 0 {
            0.0
        } else {
            self.correct / self.pairs as f64
        }
    }

    fn add(&mut self, better: f64, worse: f64) {
        self.pairs += 1;
        self.correct += if better > worse {
            1.0
        } else if better == worse {
            0.5
        } else {
            0.0
        };
    }
}

/// The ordering of one scorer: overall and per grade pair (better, worse).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Orderings {
    pub overall: Ordering,
    pub by_pair: BTreeMap<(Grade, Grade), Ordering>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ScoringReport {
    pub source: PathBuf,
    pub replies: usize,
    pub groups: usize,
    pub rubric: Orderings,
    pub length: Orderings,
    pub overlap: Orderings,
}

/// Scores every reply of `replies` with the default rubric and measures the pairwise ordering.
pub fn evaluate_scoring(
    pack: Arc<Pack>,
    replies: &Path,
) -> Result<ScoringReport, LabelledSetError> {
    let labelled = read_replies(&pack, replies)?;
    let config = Config::default();
    let matcher =
        Matcher::new(Arc::clone(&pack)).with_min_confidence(config.matcher.min_confidence);
    let rubric = Rubric::new(Arc::new(matcher), config.scoring);
    let rubric_scores: Vec<f64> = labelled
        .iter()
        .map(|reply| {
            let context = TurnContext {
                side: &reply.side,
                counter: Some(reply.counter),
                earlier: &[],
            };
            rubric.score(context, &reply.reply).total
        })
        .collect();
    let length_scores: Vec<f64> = labelled
        .iter()
        .map(|r| r.reply.chars().count() as f64)
        .collect();
    let overlap_scores: Vec<f64> = labelled.iter().map(|r| word_overlap(&pack, r)).collect();
    Ok(ScoringReport {
        source: replies.to_path_buf(),
        replies: labelled.len(),
        groups: labelled
            .iter()
            .map(|r| &r.group)
            .collect::<HashSet<_>>()
            .len(),
        rubric: orderings(&labelled, &rubric_scores),
        length: orderings(&labelled, &length_scores),
        overlap: orderings(&labelled, &overlap_scores),
    })
}

/// Every pair of replies in the same group with different grades, judged by `scores`.
fn orderings(replies: &[LabelledReply], scores: &[f64]) -> Orderings {
    let mut result = Orderings::default();
    for (i, a) in replies.iter().enumerate() {
        for (j, b) in replies.iter().enumerate().skip(i + 1) {
            if a.group != b.group || a.grade == b.grade {
                continue;
            }
            let (better, worse) = if a.grade > b.grade { (i, j) } else { (j, i) };
            let pair = (replies[better].grade, replies[worse].grade);
            result.overall.add(scores[better], scores[worse]);
            result
                .by_pair
                .entry(pair)
                .or_default()
                .add(scores[better], scores[worse]);
        }
    }
    result
}

/// The baseline signal: distinct lowercase words the reply shares with the counter's claim and
/// quote.
fn word_overlap(pack: &Pack, reply: &LabelledReply) -> f64 {
    let words = |text: &str| -> HashSet<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let counter = &pack.arguments[reply.counter];
    let counter_words = words(&format!("{} {}", counter.claim, counter.quote));
    words(&reply.reply).intersection(&counter_words).count() as f64
}

impl fmt::Display for ScoringReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "Scoring: pairwise ordering on {} ({} replies, {} groups)",
            self.source.display(),
            self.replies,
            self.groups
        )?;
        writeln!(
            f,
            "{:<22} {:>6} {:>8} {:>8} {:>8}",
            "pair", "pairs", "rubric", "length", "overlap"
        )?;
        let row =
            |f: &mut fmt::Formatter<'_>, name: &str, pick: &dyn Fn(&Orderings) -> Ordering| {
                writeln!(
                    f,
                    "{:<22} {:>6} {:>8.3} {:>8.3} {:>8.3}",
                    name,
                    pick(&self.rubric).pairs,
                    pick(&self.rubric).accuracy(),
                    pick(&self.length).accuracy(),
                    pick(&self.overlap).accuracy()
                )
            };
        row(f, "all", &|o| o.overall)?;
        for &(better, worse) in self.rubric.by_pair.keys().rev() {
            let name = format!("{} > {}", better.name(), worse.name());
            row(f, &name, &|o| {
                o.by_pair.get(&(better, worse)).copied().unwrap_or_default()
            })?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled_pack() -> Arc<Pack> {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let loaded = crate::pack::load_pack(&root.join("positions/ukraine-nato"));
        Arc::new(loaded.pack.expect("the bundled pack loads"))
    }

    #[test]
    fn the_rubric_orders_the_labelled_replies_above_a_loose_floor() {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let report = evaluate_scoring(bundled_pack(), &root.join("tests/data/replies.jsonl"))
            .expect("the labelled replies load");
        println!("{report}");
        assert!(report.rubric.overall.accuracy() >= 0.6, "{report}");
    }

    #[test]
    fn pairs_are_only_formed_within_a_group_and_ties_count_half() {
        let reply = |group: &str, grade| LabelledReply {
            group: group.into(),
            side: "s".into(),
            counter: 0,
            reply: String::new(),
            grade,
        };
        let replies = [
            reply("a", Grade::Strong),
            reply("a", Grade::Vague),
            reply("a", Grade::Vague),
            reply("b", Grade::Offtopic),
        ];
        let result = orderings(&replies, &[2.0, 1.0, 2.0, 9.0]);
        assert_eq!(result.overall.pairs, 2);
        assert_eq!(result.overall.correct, 1.5);
        assert_eq!(result.by_pair.len(), 1);
    }

    #[test]
    fn a_bad_line_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.jsonl");
        std::fs::write(
            &path,
            "\n{\"group\": \"g\", \"side\": \"nope\", \"counter_id\": \"x\", \"reply\": \"r\", \"grade\": \"strong\"}\n",
        )
        .unwrap();
        let error = evaluate_scoring(bundled_pack(), &path).unwrap_err();
        assert!(
            matches!(
                error,
                LabelledSetError::NotInPack {
                    line: 2,
                    what: "side",
                    ..
                }
            ),
            "{error}"
        );
    }
}
