//! Versus: two students argue in one place, each in a round of their own. The bot answers no
//! turn with a counter; the point a turn makes is put to the opponent as the counter they must
//! answer, and either student may ask for their own side's best answer to the other's point.

use super::clash::best_answer;
use super::io::{Countered, Moderated};
use super::refs::ArgumentRef;
use super::scoring::Rubric;
use crate::pack::{ArgumentIndex, Pack};
use crate::store::{OpponentPoint, RoundRecord};

/// Whom a versus turn is aimed at: their user key, and their round in the same place while
/// it runs.
pub(super) struct Opponent<'a> {
    pub key: &'a str,
    pub round: Option<RoundRecord>,
}

impl Opponent<'_> {
    /// The point a turn that made `argument` puts to the opponent: only an argument of a side
    /// against theirs (a student who argues the opponent's own case gives them nothing to answer).
    pub fn point(&self, pack: &Pack, argument: ArgumentIndex) -> Option<OpponentPoint> {
        let round = self.round.as_ref()?;
        let made = &pack.arguments[argument];
        pack.opposes(&round.side, &made.side)
            .then(|| OpponentPoint {
                round_id: round.id,
                argument: made.id.clone(),
            })
    }

    /// The turn `speaker` took, for the moderator to announce.
    pub fn moderated(
        &self,
        speaker: &str,
        turn: Countered,
        facing: Option<ArgumentRef>,
        served: Option<ArgumentRef>,
    ) -> Moderated {
        Moderated {
            speaker: speaker.to_string(),
            opponent: self.key.to_string(),
            turn,
            facing,
            served,
        }
    }

    /// A turn the store already holds (a redelivered message), to announce again; its point
    /// was put to the opponent then, and is not put again.
    pub fn replayed(&self, pack: &Pack, speaker: &str, turn: Countered) -> Moderated {
        let served = turn
            .matched
            .as_ref()
            .map(|(made, _)| made)
            .filter(|made| self.point(pack, made.index).is_some())
            .cloned();
        self.moderated(speaker, turn, None, served)
    }
}

/// The argument of `side` that best answers the pack's argument `id` (a curated rebuttal
/// first); `None` when the pack does not hold `id`.
pub(super) fn counter_hint(rubric: &Rubric, side: &str, id: &str) -> Option<ArgumentRef> {
    let pack = rubric.pack();
    let point = pack.argument_index(id)?;
    best_answer(rubric.matcher(), side, point).map(|answer| ArgumentRef::new(pack, answer))
}
