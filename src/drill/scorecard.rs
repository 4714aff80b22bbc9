//! The scorecard at the end of a round: per-category totals, the 0–100 total and the same on a
//! debate scale, a short reason for decision, and the counters answered and dropped, with the
//! answer a dropped one needed.

use serde::Serialize;

use super::clash::best_answer;
use super::feedback::Feedback;
use super::refs::{ArgumentRef, SideRef};
use super::round::RoundState;
use super::scale::Scale;
use super::scoring::{Category, CategoryPoints, Rubric, TurnScore, named, round1};
use crate::pack::ArgumentIndex;
use crate::prompts::Catalogue;

/// Why a round ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EndReason {
    Command,
    TurnLimit,
    TimeLimit,
}

impl EndReason {
    pub fn name(self) -> &'static str {
        match self {
            EndReason::Command => "command",
            EndReason::TurnLimit => "turn limit",
            EndReason::TimeLimit => "time limit",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DroppedCounter {
    pub counter: ArgumentRef,
    /// The student's own argument that answers it best (a curated rebuttal first).
    pub answer: Option<ArgumentRef>,
}

/// One turn, as the reason for decision names it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TurnMark {
    /// From 1.
    pub turn: usize,
    pub total: f64,
}

/// The reason for decision, as an adjudicator gives it: the best turn and the weakest, and the
/// clash won (counters answered) and lost (counters dropped).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Decision {
    /// The best and the weakest turn; `None` in a round of fewer than two turns.
    pub best_and_weakest: Option<(TurnMark, TurnMark)>,
    pub answered: usize,
    pub dropped: usize,
}

impl Decision {
    fn new(scores: &[TurnScore], answered: usize, dropped: usize) -> Decision {
        let marks = scores.iter().enumerate().map(|(index, score)| TurnMark {
            turn: index + 1,
            total: score.total,
        });
        // The earliest of equal turns is named: the first time the student reached that mark.
        let best = marks
            .clone()
            .reduce(|best, mark| if mark.total > best.total { mark } else { best });
        let weakest = marks.reduce(|weakest, mark| {
            if mark.total < weakest.total {
                mark
            } else {
                weakest
            }
        });
        Decision {
            best_and_weakest: best.zip(weakest).filter(|_| scores.len() >= 2),
            answered,
            dropped,
        }
    }

    pub fn render(&self, catalogue: &Catalogue) -> String {
        let served = self.answered + self.dropped;
        match self.best_and_weakest {
            Some((best, weakest)) => catalogue.render(
                "scorecard.decision",
                &[
                    ("best", &best.turn),
                    ("best_total", &best.total),
                    ("weakest", &weakest.turn),
                    ("weakest_total", &weakest.total),
                    ("answered", &self.answered),
                    ("served", &served),
                ],
            ),
            None => catalogue.render(
                "scorecard.decision_clash",
                &[("answered", &self.answered), ("served", &served)],
            ),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scorecard {
    pub round_id: i64,
    pub pack_id: String,
    pub side: SideRef,
    pub reason: EndReason,
    pub turns: usize,
    /// Each category's points summed over the turns, out of its summed maximum.
    pub categories: Vec<CategoryPoints>,
    /// Points lost to flags over the round (0 or negative).
    pub penalties: f64,
    /// The mean turn score, 0–100.
    pub total: f64,
    pub scale: Scale,
    /// `total` on `scale`.
    pub scaled: f64,
    pub decision: Decision,
    pub answered: Vec<ArgumentRef>,
    pub dropped: Vec<DroppedCounter>,
    /// What to take away: one sentence per dropped counter.
    pub feedback: Vec<Feedback>,
    /// The round the student switched sides from, when they did.
    pub compared: Option<Compared>,
}

/// The round a switched round is compared with: the side argued there and its total.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Compared {
    pub side: SideRef,
    pub total: f64,
}

impl Scorecard {
    pub fn new(rubric: &Rubric, state: &RoundState, reason: EndReason, scale: Scale) -> Scorecard {
        let pack = rubric.pack();
        let side = &state.record.side;
        let categories = Category::ALL
            .iter()
            .map(|&category| {
                let of_category = state
                    .scores
                    .iter()
                    .flat_map(|score| &score.categories)
                    .filter(|c| c.category == category);
                let (points, max) =
                    of_category.fold((0.0, 0.0), |(p, m), c| (p + c.points, m + c.max));
                CategoryPoints {
                    category,
                    points: round1(points),
                    max: round1(max),
                }
            })
            .collect();
        let penalties = state
            .scores
            .iter()
            .flat_map(|score| &score.flags)
            .map(|flag| flag.points())
            .sum();
        let total = if state.scores.is_empty() {
            0.0
        } else {
            round1(state.scores.iter().map(|s| s.total).sum::<f64>() / state.scores.len() as f64)
        };
        let answer_to = |counter: ArgumentIndex| best_answer(rubric.matcher(), side, counter);
        let dropped: Vec<DroppedCounter> = state
            .open
            .iter()
            .map(|&counter| DroppedCounter {
                counter: ArgumentRef::new(pack, counter),
                answer: answer_to(counter).map(|answer| ArgumentRef::new(pack, answer)),
            })
            .collect();
        let feedback = state
            .open
            .iter()
            .map(|&counter| Feedback::Dropped {
                counter: named(pack, counter),
                answer: answer_to(counter).map(|answer| named(pack, answer)),
            })
            .collect();
        Scorecard {
            round_id: state.record.id,
            pack_id: pack.id.clone(),
            side: SideRef::of_round(pack, side),
            reason,
            turns: state.turn_count(),
            categories,
            penalties,
            total,
            scale,
            scaled: scale.map(total),
            decision: Decision::new(&state.scores, state.answered.len(), state.open.len()),
            answered: state
                .answered
                .iter()
                .map(|&c| ArgumentRef::new(pack, c))
                .collect(),
            dropped,
            feedback,
            compared: None,
        }
    }
}
