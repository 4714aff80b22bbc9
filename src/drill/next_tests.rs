//! Another counter on request, over a real SQLite file: never repeated, never the student's own
//! side, answered by the next turn, and still right after the engine is rebuilt (a restart).

use tempfile::TempDir;

use super::engine_tests::{PLACE, USER, end, engine_in, start, started, turn};
use super::{Category, Command, DrillError, Engine, NextCounter, Output, Via};
use crate::config::Config;
use crate::store::ClashOrigin;

const COST: &str = "uniforms are cheaper for families than fashion brands";
/// A point the fixture pack answers with two curated rebuttals.
const BULLYING: &str = "nobody is bullied for their clothes when everyone dresses alike";

async fn next_counter(engine: &Engine) -> Result<NextCounter, DrillError> {
    let outputs = engine.handle(USER, PLACE, Command::NextCounter).await?;
    match outputs.as_slice() {
        [Output::NextCounter(next)] => Ok((**next).clone()),
        other => panic!("expected another counter, got {other:?}"),
    }
}

async fn origins(engine: &Engine) -> Vec<(String, ClashOrigin)> {
    let store = engine.store();
    let round = store.active_round(USER, PLACE).await.unwrap().unwrap();
    store
        .clashes(round.id)
        .await
        .unwrap()
        .into_iter()
        .map(|clash| (clash.counter_argument, clash.origin))
        .collect()
}

#[tokio::test]
async fn each_counter_asked_for_is_new_contesting_and_opposing_until_none_is_left() {
    let dir = TempDir::new().unwrap();
    let engine = started(&dir, "for-uniforms").await;
    let first = turn(&engine, COST).await.counter.expect("a counter");
    let mut served = vec![first.id];
    let next_error = loop {
        match next_counter(&engine).await {
            Ok(next) => {
                assert_eq!(next.to.id, "smith.cost", "it answers the latest point");
                assert_eq!(next.counter.side, "against-uniforms");
                assert!(
                    matches!(next.via, Via::Rebuttal | Via::Related),
                    "only a curated clash contests the point: {next:?}"
                );
                assert!(
                    !served.contains(&next.counter.id),
                    "{} twice",
                    next.counter.id
                );
                served.push(next.counter.id);
            }
            Err(error) => break error,
        }
    };
    assert!(matches!(next_error, DrillError::NoCounterLeft));
    let stored = origins(&engine).await;
    let expected: Vec<(String, ClashOrigin)> = served
        .iter()
        .enumerate()
        .map(|(n, id)| {
            let origin = if n == 0 {
                ClashOrigin::Turn
            } else {
                ClashOrigin::Next
            };
            (id.clone(), origin)
        })
        .collect();
    assert_eq!(stored, expected);
    assert_eq!(
        end(&engine).await.turns,
        1,
        "asking for a counter is not a turn"
    );
}

#[tokio::test]
async fn a_counter_is_asked_for_only_after_a_turn() {
    let dir = TempDir::new().unwrap();
    let engine = engine_in(&dir, &Config::default()).await;
    assert!(matches!(
        next_counter(&engine).await,
        Err(DrillError::NoRound)
    ));
    engine
        .handle(USER, PLACE, start("for-uniforms"))
        .await
        .unwrap();
    assert!(matches!(
        next_counter(&engine).await,
        Err(DrillError::NoTurnYet)
    ));
    let unsure = engine
        .handle(USER, PLACE, super::engine_tests::say("what's for lunch"))
        .await
        .unwrap();
    assert_eq!(unsure, [Output::Unsure]);
    assert!(matches!(
        next_counter(&engine).await,
        Err(DrillError::NoTurnYet)
    ));
}

#[tokio::test]
async fn the_next_turn_answers_the_counter_asked_for_even_after_a_restart() {
    let dir = TempDir::new().unwrap();
    let first = {
        let engine = started(&dir, "for-uniforms").await;
        let first = turn(&engine, BULLYING).await.counter.expect("a counter");
        assert_eq!(first.id, "jones.bullies-adapt", "the closer rebuttal first");
        first
    };
    let engine = engine_in(&dir, &Config::default()).await;
    let after_restart = next_counter(&engine).await.expect("another counter");
    assert_eq!(after_restart.to.id, "smith.bullying");
    assert_eq!(after_restart.counter.id, "jones.expression");
    let reply = turn(
        &engine,
        "clothes are not the only way teenagers express who they are: music, sport and art say more",
    )
    .await;
    assert_eq!(
        reply.answered.map(|a| a.id),
        Some(after_restart.counter.id.clone())
    );
    let clash = reply
        .score
        .categories
        .iter()
        .find(|c| c.category == Category::Clash)
        .expect("scored against the counter asked for");
    assert!(clash.points > 0.0, "{clash:?}");
    let card = end(&engine).await;
    assert_eq!(
        card.answered.iter().map(|a| &a.id).collect::<Vec<_>>(),
        [&after_restart.counter.id]
    );
    let dropped: Vec<&String> = card.dropped.iter().map(|d| &d.counter.id).collect();
    assert_eq!(dropped, [&first.id]);
}

#[tokio::test]
async fn counters_asked_for_at_once_are_still_all_different() {
    let dir = TempDir::new().unwrap();
    let engine = started(&dir, "for-uniforms").await;
    turn(&engine, BULLYING).await;
    let (first, second, third) = tokio::join!(
        next_counter(&engine),
        next_counter(&engine),
        next_counter(&engine)
    );
    let (served, refused): (Vec<_>, Vec<_>) =
        [first, second, third].into_iter().partition(Result::is_ok);
    assert_eq!(
        served.len(),
        1,
        "one contesting counter was left, so exactly one request gets it: {served:?}"
    );
    assert!(
        refused
            .iter()
            .all(|r| matches!(r, Err(DrillError::NoCounterLeft)))
    );
}
