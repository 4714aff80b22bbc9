//! Another counter, asked for: to the point of the student's latest turn, from a side opposing
//! theirs, never one the round has served. It opens a clash as a turn's counter does, so the
//! next turn answers it and is scored against it; it is not a turn and gets no score.

use super::error::DrillError;
use super::io::NextCounter;
use super::refs::ArgumentRef;
use super::round::RoundState;
use super::scoring::Rubric;
use crate::matcher::unserved_counter;
use crate::store::{ClashOrigin, Store};

/// Chooses the counter and stores it as served before returning it.
pub async fn serve_next_counter(
    store: &Store,
    rubric: &Rubric,
    state: &RoundState,
) -> Result<NextCounter, DrillError> {
    let point = state.latest_point.as_ref().ok_or(DrillError::NoTurnYet)?;
    let next = unserved_counter(
        rubric.matcher(),
        &state.record.side,
        &point.message,
        point.argument,
        &state.served,
    )
    .ok_or(DrillError::NoCounterLeft)?;
    let pack = rubric.pack();
    store
        .serve_counter(
            state.record.id,
            &pack.arguments[next.counter].id,
            ClashOrigin::Next,
        )
        .await?;
    Ok(NextCounter {
        round_id: state.record.id,
        to: ArgumentRef::new(pack, point.argument),
        counter: ArgumentRef::new(pack, next.counter),
        via: next.via.into(),
        reason: pack
            .clash_reason(next.counter, next.answers)
            .map(str::to_string),
    })
}
