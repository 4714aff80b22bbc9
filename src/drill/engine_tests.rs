//! The engine's rules, end to end over a real SQLite file: rounds, counters, the ledger,
//! limits, and resuming after a restart.

use std::sync::atomic::{AtomicI64, Ordering};

use tempfile::TempDir;

use super::fixture;
use super::{Command, Countered, DrillError, EndReason, Engine, Grade, Output, Scorecard};
use crate::config::Config;
use crate::store::Store;

pub(super) const USER: &str = "terminal:test";
pub(super) const PLACE: &str = "terminal";

pub(super) async fn engine_in(dir: &TempDir, config: &Config) -> Engine {
    let store = Store::open_in(&dir.path().join("drill.db"))
        .await
        .expect("the store opens");
    Engine::new(&[fixture::pack()], store, config)
}

/// An engine on a store in `dir`, with the default config and a round started on `side`.
pub(super) async fn started(dir: &TempDir, side: &str) -> Engine {
    let engine = engine_in(dir, &Config::default()).await;
    engine.handle(USER, PLACE, start(side)).await.unwrap();
    engine
}

pub(super) fn start(side: &str) -> Command {
    Command::Start {
        pack: None,
        side: Some(side.into()),
        seed: Some(1),
    }
}

pub(super) fn say(text: &str) -> Command {
    Command::Say {
        text: text.into(),
        source_id: None,
    }
}

pub(super) async fn turn(engine: &Engine, text: &str) -> Countered {
    match engine
        .handle(USER, PLACE, say(text))
        .await
        .expect("a turn")
        .as_slice()
    {
        [Output::Countered(countered), ..] => (**countered).clone(),
        other => panic!("expected a counter for {text:?}, got {other:?}"),
    }
}

pub(super) async fn end(engine: &Engine) -> Scorecard {
    match engine
        .handle(USER, PLACE, Command::End)
        .await
        .expect("the round ends")
        .as_slice()
    {
        [Output::Scorecard(card)] => (**card).clone(),
        other => panic!("expected a scorecard, got {other:?}"),
    }
}

#[tokio::test]
async fn counters_come_from_the_other_side_and_never_repeat_while_others_remain() {
    let dir = TempDir::new().unwrap();
    let engine = engine_in(&dir, &Config::default()).await;
    engine
        .handle(USER, PLACE, start("for-uniforms"))
        .await
        .unwrap();
    let mut served = Vec::new();
    for text in [
        "nobody is bullied for wearing the wrong clothes when everyone dresses alike",
        "bullies lose their favourite target when the labels disappear",
        "uniforms are cheaper for families than fashion brands",
        "schools that adopted uniforms reported better attendance and discipline",
    ] {
        let countered = turn(&engine, text).await;
        let counter = countered.counter.expect("a counter");
        assert_eq!(counter.side, "against-uniforms");
        assert!(!served.contains(&counter.id), "{} served twice", counter.id);
        served.push(counter.id);
    }
}

#[tokio::test]
async fn an_unrecognised_message_asks_to_sharpen_it_and_is_not_a_turn() {
    let dir = TempDir::new().unwrap();
    let engine = engine_in(&dir, &Config::default()).await;
    engine
        .handle(USER, PLACE, start("for-uniforms"))
        .await
        .unwrap();
    let outputs = engine
        .handle(USER, PLACE, say("what's for lunch lol"))
        .await
        .unwrap();
    assert_eq!(outputs, [Output::Unsure]);
    assert_eq!(end(&engine).await.turns, 0);
}

#[tokio::test]
async fn the_ledger_lists_answered_and_dropped_counters() {
    let dir = TempDir::new().unwrap();
    let engine = engine_in(&dir, &Config::default()).await;
    engine
        .handle(USER, PLACE, start("for-uniforms"))
        .await
        .unwrap();
    let first = turn(
        &engine,
        "uniforms are cheaper for families than fashion brands",
    )
    .await;
    let served = first.counter.expect("a counter");
    assert_eq!(
        served.id, "jones.hidden-costs",
        "the curated rebuttal comes first"
    );
    let second = turn(
        &engine,
        "the blazer is no extra cost: weekend clothes are cheap, brands are what cost families money",
    )
    .await;
    assert_eq!(second.answered.map(|a| a.id), Some(served.id.clone()));
    let third = turn(
        &engine,
        "when everyone dresses alike nobody gets bullied over labels",
    )
    .await;
    let dropped = third.counter.expect("a counter to the new point");
    let card = end(&engine).await;
    assert_eq!(card.reason, EndReason::Command);
    assert_eq!(
        card.answered.iter().map(|a| &a.id).collect::<Vec<_>>(),
        [&served.id]
    );
    assert_eq!(card.dropped.len(), 1);
    assert_eq!(card.dropped[0].counter.id, dropped.id);
    let answer = card.dropped[0].answer.as_ref().expect("an own-side answer");
    assert_eq!(answer.side, "for-uniforms");
    assert_eq!(card.feedback.len(), 1);
}

#[tokio::test]
async fn a_round_resumes_from_the_store_after_a_restart() {
    let dir = TempDir::new().unwrap();
    let config = Config::default();
    let mut served = Vec::new();
    {
        let engine = engine_in(&dir, &config).await;
        engine
            .handle(USER, PLACE, start("for-uniforms"))
            .await
            .unwrap();
        for text in [
            "uniforms stop bullying about labels",
            "bullying and teasing stop with uniforms",
        ] {
            served.push(turn(&engine, text).await.counter.unwrap().id);
        }
    }
    let engine = engine_in(&dir, &config).await;
    let third = turn(&engine, "schools with uniforms saw attendance go up").await;
    assert_eq!(third.turn, 3);
    assert!(!served.contains(&third.counter.unwrap().id));
    assert_eq!(end(&engine).await.turns, 3);
}

#[tokio::test]
async fn a_redelivered_message_is_not_a_second_turn() {
    let dir = TempDir::new().unwrap();
    let engine = engine_in(&dir, &Config::default()).await;
    engine
        .handle(USER, PLACE, start("for-uniforms"))
        .await
        .unwrap();
    let message = || Command::Say {
        text: "uniforms are cheaper than brands".into(),
        source_id: Some("msg-1".into()),
    };
    let first = engine.handle(USER, PLACE, message()).await.unwrap();
    let again = engine.handle(USER, PLACE, message()).await.unwrap();
    assert_eq!(first, again);
    assert_eq!(end(&engine).await.turns, 1);
}

#[tokio::test]
async fn the_turn_limit_ends_the_round_with_its_scorecard() {
    let dir = TempDir::new().unwrap();
    let mut config = Config::default();
    config.drill.max_turns = 2;
    let engine = engine_in(&dir, &config).await;
    engine
        .handle(USER, PLACE, start("for-uniforms"))
        .await
        .unwrap();
    turn(&engine, "uniforms are cheaper than brands").await;
    let outputs = engine
        .handle(USER, PLACE, say("uniforms stop bullying"))
        .await
        .unwrap();
    match outputs.as_slice() {
        [Output::Countered(_), Output::Scorecard(card)] => {
            assert_eq!(card.reason, EndReason::TurnLimit);
            assert_eq!(card.turns, 2);
            let per_turn: f64 = card.categories.iter().map(|c| c.max).sum::<f64>() / 2.0;
            assert!((per_turn - 100.0).abs() < 0.5, "{card:?}");
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        engine.handle(USER, PLACE, say("more")).await,
        Err(DrillError::NoRound)
    ));
}

static NOW: AtomicI64 = AtomicI64::new(1_000_000);

fn test_clock() -> i64 {
    NOW.load(Ordering::SeqCst)
}

#[tokio::test]
async fn the_time_limit_ends_the_round_at_the_next_command() {
    let dir = TempDir::new().unwrap();
    let mut config = Config::default();
    config.drill.round_minutes = 5;
    let engine = engine_in(&dir, &config).await.with_clock(test_clock);
    engine
        .handle(USER, PLACE, start("for-uniforms"))
        .await
        .unwrap();
    turn(&engine, "uniforms are cheaper than brands").await;
    NOW.fetch_add(5 * 60_000, Ordering::SeqCst);
    let outputs = engine
        .handle(USER, PLACE, say("uniforms stop bullying"))
        .await
        .unwrap();
    match outputs.as_slice() {
        [Output::Scorecard(card)] => {
            assert_eq!(card.reason, EndReason::TimeLimit);
            assert_eq!(card.turns, 1);
        }
        other => panic!("{other:?}"),
    }
    // The store stamps the round and its turn by the same clock.
    let rounds = engine.store().rounds_of_user(USER).await.unwrap();
    let [round] = rounds.as_slice() else {
        panic!("{rounds:?}")
    };
    assert_eq!(round.ended_ms, Some(test_clock()));
    assert_eq!(round.ended_ms.unwrap() - round.started_ms, 5 * 60_000);
    let turns = engine.store().turns(round.id).await.unwrap();
    assert_eq!(turns[0].created_ms, round.started_ms);
}

#[tokio::test]
async fn commands_that_cannot_run_say_why() {
    let dir = TempDir::new().unwrap();
    let engine = engine_in(&dir, &Config::default()).await;
    assert!(matches!(
        engine.handle(USER, PLACE, Command::Hint).await,
        Err(DrillError::NoRound)
    ));
    assert!(matches!(
        engine.handle(USER, PLACE, start("maybe")).await,
        Err(DrillError::UnknownSide { .. })
    ));
    let wrong_pack = Command::Start {
        pack: Some("nope".into()),
        side: None,
        seed: None,
    };
    assert!(matches!(
        engine.handle(USER, PLACE, wrong_pack).await,
        Err(DrillError::UnknownPack { .. })
    ));
    engine
        .handle(USER, PLACE, start("for-uniforms"))
        .await
        .unwrap();
    assert!(matches!(
        engine.handle(USER, PLACE, start("for-uniforms")).await,
        Err(DrillError::RoundRunning { .. })
    ));
    assert!(matches!(
        engine.handle(USER, PLACE, say("   ")).await,
        Err(DrillError::EmptyMessage)
    ));
    let elsewhere = engine
        .handle(USER, "dm:other", start("against-uniforms"))
        .await
        .unwrap();
    assert!(
        matches!(elsewhere.as_slice(), [Output::Started(_)]),
        "one round per place"
    );
}

#[tokio::test]
async fn a_random_side_is_reproducible_and_hints_and_briefs_list_unused_arguments() {
    let dir = TempDir::new().unwrap();
    let engine = engine_in(&dir, &Config::default()).await;
    let random = |seed| Command::Start {
        pack: None,
        side: None,
        seed: Some(seed),
    };
    let side_of = |outputs: Vec<Output>| match outputs.as_slice() {
        [Output::Started(started)] => started.clone(),
        other => panic!("{other:?}"),
    };
    let first = side_of(engine.handle("a", PLACE, random(9)).await.unwrap());
    let second = side_of(engine.handle("b", PLACE, random(9)).await.unwrap());
    assert_eq!(first.side, second.side);
    let pack = fixture::pack();
    let side_arguments = pack
        .arguments_of_side(&first.side.id)
        .filter(|&a| pack.arguments[a].is_servable())
        .count();
    assert_eq!(
        first.brief.arguments.len(),
        side_arguments,
        "a new round has used nothing, and a brief never offers a context entry"
    );

    engine
        .handle(USER, PLACE, start("for-uniforms"))
        .await
        .unwrap();
    turn(
        &engine,
        "uniforms are cheaper for families than fashion brands",
    )
    .await;
    let brief = match engine
        .handle(USER, PLACE, Command::Brief)
        .await
        .unwrap()
        .as_slice()
    {
        [Output::Brief(brief)] => brief.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(brief.side.id, "for-uniforms");
    let ids: Vec<&str> = brief.arguments.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        ids,
        ["smith.bullying", "smith.attendance", "smith.mornings"]
    );
    match engine
        .handle(USER, PLACE, Command::Hint)
        .await
        .unwrap()
        .as_slice()
    {
        [
            Output::Hint {
                argument: Some(hint),
            },
        ] => assert!(ids.contains(&hint.id.as_str())),
        other => panic!("{other:?}"),
    }
}

/// Adapters share one engine across tasks.
#[test]
fn the_engine_is_send_and_sync() {
    fn is_send_sync<T: Send + Sync>() {}
    is_send_sync::<Engine>();
}

#[tokio::test]
async fn a_reload_that_drops_the_rounds_side_does_not_panic() {
    let dir = tempfile::tempdir().unwrap();
    let engine = started(&dir, "for-uniforms").await;
    turn(&engine, "uniforms save families money on brands").await;
    engine.replace_bundled(vec![fixture::pack_with_side_renamed(
        "for-uniforms",
        "pro-uniforms",
    )]);
    match engine
        .handle(USER, PLACE, Command::Brief)
        .await
        .unwrap()
        .as_slice()
    {
        [Output::Brief(brief)] => assert_eq!(brief.side.id, "for-uniforms"),
        other => panic!("expected a brief, got {other:?}"),
    }
    engine
        .handle(USER, PLACE, say("uniforms stop bullying over brands"))
        .await
        .unwrap();
    assert_eq!(end(&engine).await.side.name, "for-uniforms");
}

#[tokio::test]
async fn switching_sides_argues_the_side_that_countered_and_the_scorecard_compares_the_rounds() {
    let dir = TempDir::new().unwrap();
    let engine = started(&dir, "for-uniforms").await;
    let countered = turn(
        &engine,
        "nobody is bullied for wearing the wrong clothes when everyone dresses alike",
    )
    .await;
    let counter = countered.counter.expect("a counter was served");
    let first = end(&engine).await;

    let outputs = engine
        .handle(USER, PLACE, Command::Switch { seed: Some(2) })
        .await
        .expect("the switch starts a round");
    let [Output::Started(started)] = outputs.as_slice() else {
        panic!("expected a start, got {outputs:?}");
    };
    assert_eq!(started.side.id, counter.side, "the side that countered");
    let switched = started.switched.as_ref().expect("marked as a switch");
    assert_eq!(switched.from.id, "for-uniforms");
    assert_eq!(
        switched.beat_you[0].id, counter.id,
        "the dropped counter first"
    );

    turn(&engine, "uniforms cost families money they do not have").await;
    let second = end(&engine).await;
    let compared = second.compared.expect("compared with the first round");
    assert_eq!(compared.side.id, "for-uniforms");
    assert_eq!(compared.total, first.total);
}

#[tokio::test]
async fn switching_sides_needs_an_earlier_round_that_served_a_counter() {
    let dir = TempDir::new().unwrap();
    let engine = engine_in(&dir, &Config::default()).await;
    let switch = || engine.handle(USER, PLACE, Command::Switch { seed: None });

    assert!(matches!(
        switch().await,
        Err(DrillError::NoRoundToSwitchFrom)
    ));
    engine
        .handle(USER, PLACE, start("for-uniforms"))
        .await
        .unwrap();
    end(&engine).await;
    assert!(matches!(switch().await, Err(DrillError::NoCountersFaced)));
}

static REVIEW_NOW: AtomicI64 = AtomicI64::new(1_800_000_000_000);

fn review_clock() -> i64 {
    REVIEW_NOW.load(Ordering::SeqCst)
}

#[tokio::test]
async fn a_dropped_counter_comes_back_for_review_and_a_good_answer_sends_it_away_for_longer() {
    let dir = TempDir::new().unwrap();
    let engine = engine_in(&dir, &Config::default())
        .await
        .with_clock(review_clock);
    engine
        .handle(USER, PLACE, start("for-uniforms"))
        .await
        .unwrap();
    let countered = turn(
        &engine,
        "nobody is bullied for wearing the wrong clothes when everyone dresses alike",
    )
    .await;
    let dropped = countered.counter.expect("a counter was served");
    end(&engine).await;

    let reviews = engine.due_reviews(USER).await.unwrap();
    let [card] = reviews.due.as_slice() else {
        panic!("one card due: {reviews:?}");
    };
    assert_eq!(card.counter.id, dropped.id);
    assert_eq!(card.side.id, "for-uniforms");

    let first_review_at = review_clock();
    let reviewed = engine
        .review(USER, "it is true and I agree, fair point")
        .await
        .unwrap();
    assert_eq!(reviewed.grade, Grade::Again);
    assert_eq!(reviewed.remaining, 0);
    let soon = reviewed.next_due_ms;
    assert!(
        engine.due_reviews(USER).await.unwrap().due.is_empty(),
        "not due before its time"
    );
    assert!(matches!(
        engine.review(USER, "anything").await,
        Err(DrillError::NoReviewDue)
    ));
    assert_eq!(
        engine.due_reviews(USER).await.unwrap().next_due_ms,
        Some(soon)
    );

    REVIEW_NOW.store(soon, Ordering::SeqCst);
    let good = engine
        .review(
            USER,
            "That is wrong because uniforms cost families less than brands, so nobody is singled \
             out: in 2019 schools with uniforms reported fewer incidents of teasing about clothes.",
        )
        .await
        .unwrap();
    assert!(
        good.grade != Grade::Again,
        "{:?}: {:?}",
        good.grade,
        good.score
    );
    assert!(
        good.next_due_ms - soon > soon - first_review_at,
        "a good answer puts the card off longer than a concession did"
    );

    engine.store().forget_user(USER).await.unwrap();
    let reviews = engine.due_reviews(USER).await.unwrap();
    assert!(
        reviews.due.is_empty() && reviews.next_due_ms.is_none(),
        "forgotten"
    );
}
