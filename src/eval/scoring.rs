//! How well the scoring rubric orders replies: within each graded set (four replies to one
//! counter), every pair of different grades should score in grade order, and the grade-0 reply
//! (a concession or off-topic) should score lowest. Beside two simple signals: reply length, and
//! word overlap with the counter.

use std::collections::{BTreeMap, HashSet};

use super::blind::GradedSet;
use super::essays::Placement;
use crate::drill::{Rubric, TurnContext};

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

/// The ordering of one scorer: overall, per grade pair (better, worse), and how often the
/// grade-0 reply of a set scores strictly lowest.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Orderings {
    pub overall: Ordering,
    pub by_pair: BTreeMap<(u8, u8), Ordering>,
    pub zero_lowest: usize,
    pub sets_with_zero: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Scoring {
    pub sets: usize,
    pub adversarial: usize,
    pub rubric: Orderings,
    /// The same, on the adversarial sets only.
    pub rubric_adversarial: Orderings,
    pub length: Orderings,
    pub overlap: Orderings,
}

/// Scores every reply of every set whose student essay argues a side of the pack; a counter
/// given as text is matched to the nearest pack argument, as `score --jsonl` does.
pub fn scoring(rubric: &Rubric, placement: &Placement, sets: &[GradedSet]) -> Scoring {
    let mut report = Scoring {
        sets: 0,
        adversarial: 0,
        rubric: Orderings::default(),
        rubric_adversarial: Orderings::default(),
        length: Orderings::default(),
        overlap: Orderings::default(),
    };
    for set in sets {
        let Some(side) = placement.side_of_essay.get(&set.student_essay) else {
            continue;
        };
        report.sets += 1;
        report.adversarial += usize::from(set.adversarial);
        let counter = rubric.nearest_counter(side, &set.counter);
        let grades: Vec<u8> = set.replies.iter().map(|r| r.grade).collect();
        let scores: Vec<f64> = set
            .replies
            .iter()
            .map(|reply| {
                let context = TurnContext {
                    side,
                    counter,
                    earlier: &[],
                };
                rubric.score(context, &reply.text).total
            })
            .collect();
        add_set(&mut report.rubric, &grades, &scores);
        if set.adversarial {
            add_set(&mut report.rubric_adversarial, &grades, &scores);
        }
        let lengths: Vec<f64> = set
            .replies
            .iter()
            .map(|r| r.text.chars().count() as f64)
            .collect();
        add_set(&mut report.length, &grades, &lengths);
        let overlaps: Vec<f64> = set
            .replies
            .iter()
            .map(|r| word_overlap(&r.text, &set.counter))
            .collect();
        add_set(&mut report.overlap, &grades, &overlaps);
    }
    report
}

/// Every pair of replies of one set with different grades, judged by `scores`.
fn add_set(orderings: &mut Orderings, grades: &[u8], scores: &[f64]) {
    for i in 0..grades.len() {
        for j in i + 1..grades.len() {
            if grades[i] == grades[j] {
                continue;
            }
            let (better, worse) = if grades[i] > grades[j] {
                (i, j)
            } else {
                (j, i)
            };
            orderings.overall.add(scores[better], scores[worse]);
            orderings
                .by_pair
                .entry((grades[better], grades[worse]))
                .or_default()
                .add(scores[better], scores[worse]);
        }
    }
    if let Some(zero) = grades.iter().position(|&g| g == 0) {
        orderings.sets_with_zero += 1;
        let lowest = (0..scores.len()).all(|i| i == zero || scores[i] > scores[zero]);
        orderings.zero_lowest += usize::from(lowest);
    }
}

/// Distinct lowercase words a reply shares with the counter.
fn word_overlap(reply: &str, counter: &str) -> f64 {
    let words = |text: &str| -> HashSet<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    words(reply).intersection(&words(counter)).count() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_are_formed_within_a_set_ties_count_half_and_the_zero_must_be_strictly_lowest() {
        let mut orderings = Orderings::default();
        add_set(&mut orderings, &[3, 1, 1, 0], &[2.0, 1.0, 2.0, 1.0]);
        // 3>1 (right), 3>1 (tie), 3>0 (right), 1>0 (tie), 1>0 (right); 1=1 is no pair.
        assert_eq!(orderings.overall.pairs, 5);
        assert_eq!(orderings.overall.correct, 4.0);
        assert_eq!(orderings.by_pair.len(), 3);
        assert_eq!((orderings.zero_lowest, orderings.sets_with_zero), (0, 1));
        add_set(&mut orderings, &[0, 2], &[0.0, 5.0]);
        assert_eq!((orderings.zero_lowest, orderings.sets_with_zero), (1, 2));
    }
}
