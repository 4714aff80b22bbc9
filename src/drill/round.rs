//! A round's state, rebuilt from what the store holds: so a round interrupted by a restart goes
//! on exactly where it stopped, and no state lives only in memory.

use std::collections::HashSet;

use crate::pack::ArgumentIndex;
use crate::store::{ClashRecord, RoundRecord, TurnRecord};

use super::ledger;
use super::scoring::{Rubric, TurnScore};

pub struct RoundState {
    pub record: RoundRecord,
    /// Counters served (in answer to turns, asked for, or by an opponent), in order.
    pub served: Vec<ArgumentIndex>,
    /// Counters answered by a later turn, in the order served.
    pub answered: Vec<ArgumentIndex>,
    /// Counters not (yet) answered, in the order served.
    pub open: Vec<ArgumentIndex>,
    /// The analysed terms of each turn's message, in order.
    pub earlier_terms: Vec<Vec<String>>,
    /// Own-side arguments the student has made.
    pub used: HashSet<ArgumentIndex>,
    /// Each turn's score, in order.
    pub scores: Vec<TurnScore>,
    /// The point the student's latest turn made; `None` before the first turn.
    pub latest_point: Option<LatestPoint>,
}

/// What the student's latest turn was recognised as, with their words.
pub struct LatestPoint {
    pub argument: ArgumentIndex,
    pub message: String,
}

impl RoundState {
    pub fn rebuild(
        rubric: &Rubric,
        record: RoundRecord,
        turns: &[TurnRecord],
        clashes: &[ClashRecord],
    ) -> RoundState {
        let pack = rubric.pack();
        let index_of = |id: &Option<String>| id.as_deref().and_then(|id| pack.argument_index(id));
        let served = clashes
            .iter()
            .filter_map(|clash| pack.argument_index(&clash.counter_argument))
            .collect();
        let used = turns
            .iter()
            .filter_map(|t| index_of(&t.matched_argument))
            .filter(|&argument| pack.arguments[argument].side == record.side)
            .collect();
        let (answered, open) = ledger::split(pack, clashes);
        let latest_point = turns.iter().rev().find_map(|turn| {
            Some(LatestPoint {
                argument: index_of(&turn.matched_argument)?,
                message: turn.message.clone(),
            })
        });
        RoundState {
            latest_point,
            served,
            answered,
            open,
            earlier_terms: turns.iter().map(|t| rubric.terms(&t.message)).collect(),
            used,
            // A score the engine cannot read back (written by another version) counts as 0.
            scores: turns
                .iter()
                .filter_map(|t| serde_json::from_str(&t.scores_json).ok())
                .collect(),
            record,
        }
    }

    pub fn turn_count(&self) -> usize {
        self.earlier_terms.len()
    }

    /// The counter the next reply answers: the latest one served, while it is still open.
    pub fn counter_under_reply(&self) -> Option<ArgumentIndex> {
        self.served
            .last()
            .copied()
            .filter(|counter| self.open.contains(counter))
    }

    /// Own-side arguments (never context entries) not yet made in this round, in pack order.
    pub fn unused_arguments<'r>(
        &'r self,
        rubric: &'r Rubric,
    ) -> impl Iterator<Item = ArgumentIndex> + 'r {
        let pack = rubric.pack();
        pack.arguments_of_side(&self.record.side)
            .filter(|&argument| pack.arguments[argument].is_servable())
            .filter(|argument| !self.used.contains(argument))
    }
}
