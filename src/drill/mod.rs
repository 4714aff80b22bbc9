//! The drill engine: rounds of practice, whatever the front end.
//!
//! A student (an opaque user key) in a place (an opaque place key) starts a round on a side,
//! argues in turns, and gets a counter and a score each turn; the round ends with a scorecard.
//! In a versus drill two students argue in one place, each in a round of their own: a turn is
//! scored but not countered, and the point it made becomes the counter the opponent must answer.
//! This room knows nothing of Discord or terminals: adapters turn their events into
//! [`Command`]s and render the [`Output`]s, feedback included, through the message catalogue.
//! It builds on `matcher` (recognition, counter choice) and `store` (every turn is committed
//! before its output is returned, so a round survives a restart).

mod clash;
mod engine;
#[cfg(test)]
mod engine_tests;
mod error;
mod evidence;
mod feedback;
#[cfg(test)]
mod fixture;
mod io;
mod ledger;
mod next;
#[cfg(test)]
mod next_tests;
mod novelty;
mod progress;
mod refs;
mod registry;
mod reminders;
mod review;
mod round;
mod scale;
mod scorecard;
mod scoring;
mod serial;
mod sides;
mod stored_scorecard;
mod switch;
mod versus;
#[cfg(test)]
mod versus_tests;

pub use clash::{Clash, best_answer};
pub use engine::{DrillRound, Engine};
pub use error::DrillError;
pub use feedback::{Feedback, Named};
pub use io::{
    Brief, Command, Countered, Moderated, MoveKind, NextCounter, Output, Started, Switched, Via,
};
pub use progress::{DroppedOften, Progress};
pub use refs::{ArgumentRef, SideRef};
pub use registry::{pack_key, split_pack_key};
pub use reminders::Reminder;
pub use review::{Grade, ReviewCard, Reviewed, Reviews};
pub use scale::Scale;
pub use scorecard::{Compared, DroppedCounter, EndReason, Scorecard};
pub use scoring::{Category, CategoryPoints, Flag, Rubric, TurnContext, TurnScore, named};
pub use sides::{Pairing, balance, pair_opponents, random_side, rng_from};
