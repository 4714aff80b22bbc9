//! Switching sides: after a round, the student argues the side whose counters they faced,
//! opening with the points that beat them. Which side that is, and which points, come from the
//! previous round's clash ledger.

use std::collections::HashMap;

use crate::pack::{ArgumentIndex, Pack};
use crate::store::ClashRecord;

/// The side a student faced in a round, and the points of it that beat them.
#[derive(Debug, Clone, PartialEq)]
pub struct Faced {
    pub side: String,
    /// The counters of that side they left standing, then the ones they answered.
    pub beat_them: Vec<ArgumentIndex>,
}

impl Faced {
    /// The side whose counters were served most often in the round (the first served wins a
    /// tie), other than `own_side`; `None` when the round served no counter.
    pub fn of(pack: &Pack, own_side: &str, clashes: &[ClashRecord]) -> Option<Faced> {
        let served: Vec<(ArgumentIndex, bool)> = clashes
            .iter()
            .filter_map(|clash| {
                let argument = pack.argument_index(&clash.counter_argument)?;
                Some((argument, clash.answered_turn.is_some()))
            })
            .filter(|(argument, _)| pack.arguments[*argument].side != own_side)
            .collect();
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for (argument, _) in &served {
            *counts.entry(&pack.arguments[*argument].side).or_default() += 1;
        }
        let most = *counts.values().max()?;
        let side = served
            .iter()
            .map(|(argument, _)| pack.arguments[*argument].side.as_str())
            .find(|side| counts[side] == most)?
            .to_string();
        let mut beat_them: Vec<ArgumentIndex> = Vec::new();
        for answered in [false, true] {
            for (argument, was_answered) in &served {
                if *was_answered == answered
                    && pack.arguments[*argument].side == side
                    && !beat_them.contains(argument)
                {
                    beat_them.push(*argument);
                }
            }
        }
        Some(Faced { side, beat_them })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::fixture;
    use crate::store::ClashOrigin;

    fn clash(counter: &str, answered: Option<u32>) -> ClashRecord {
        ClashRecord {
            round_id: 1,
            counter_argument: counter.to_string(),
            served_turn: 1,
            answered_turn: answered,
            origin: ClashOrigin::Turn,
        }
    }

    #[test]
    fn the_side_faced_most_is_taken_with_its_dropped_points_first() {
        let pack = fixture::pack();
        let own = &pack.sides[0].id;
        let servable_of = |side: &str| -> Vec<&str> {
            pack.arguments
                .iter()
                .filter(|a| a.side == side && a.is_servable())
                .map(|a| a.id.as_str())
                .collect()
        };
        let faced_side = pack
            .sides
            .iter()
            .map(|s| s.id.as_str())
            .find(|side| side != own && servable_of(side).len() >= 2)
            .expect("the fixture has an opposing side with two arguments");
        let (answered, dropped) = (servable_of(faced_side)[0], servable_of(faced_side)[1]);
        let clashes = [clash(answered, Some(2)), clash(dropped, None)];

        let faced = Faced::of(&pack, own, &clashes).expect("a side was faced");

        assert_eq!(faced.side, faced_side);
        let index = |id: &str| pack.argument_index(id).unwrap();
        assert_eq!(faced.beat_them, [index(dropped), index(answered)]);
        assert!(Faced::of(&pack, own, &[]).is_none());
    }
}
