//! Versus turns through the engine over a real SQLite file: the bot answers no turn, the point
//! made goes to the opponent's round, and the opponent's answer closes it in their ledger.

use tempfile::TempDir;

use super::engine_tests::{engine_in, start};
use super::{Command, DrillRound, Engine, Moderated, Output};
use crate::config::Config;
use crate::store::{ClashOrigin, NewDrill, RoundRecord};

const PLACE: &str = "discord:channel:7";
/// Argues for uniforms.
const ALICE: &str = "discord:user:1";
/// Argues against them.
const BOB: &str = "discord:user:2";

const CHEAPER: &str = "uniforms are cheaper for families than fashion brands";
const NOT_CHEAPER: &str =
    "uniforms are not cheaper, families still buy weekend clothes so the blazer is an extra cost";

/// An engine with Alice and Bob paired in a versus drill: each in a round of the drill's, in
/// the same place.
async fn paired(dir: &TempDir) -> Engine {
    let engine = engine_in(dir, &Config::default()).await;
    let store = engine.store();
    let drill = store
        .open_drill(NewDrill {
            scope: "discord:guild:1".into(),
            channel_key: "discord:channel:1".into(),
            pack_key: "uniforms".into(),
            mode: "versus".into(),
            max_turns: None,
            minutes: None,
            begin_at_ms: None,
            seed: 1,
            created_by: "discord:user:9".into(),
        })
        .await
        .unwrap()
        .expect("the channel has no drill yet");
    for (user, side) in [(ALICE, "for-uniforms"), (BOB, "against-uniforms")] {
        store.join_drill(drill.id, user, user).await.unwrap();
        store
            .assign_drill_member(drill.id, user, side, PLACE)
            .await
            .unwrap();
        let in_drill = DrillRound {
            id: drill.id,
            max_turns: None,
            deadline_ms: None,
        };
        engine
            .handle_drill(None, Some(in_drill), user, PLACE, start(side))
            .await
            .unwrap();
    }
    engine
}

fn said(text: &str, source_id: Option<&str>) -> Command {
    Command::Say {
        text: text.into(),
        source_id: source_id.map(str::to_owned),
    }
}

async fn moderated(engine: &Engine, user: &str, command: Command) -> Moderated {
    match engine
        .handle(user, PLACE, command)
        .await
        .unwrap()
        .as_slice()
    {
        [Output::Moderated(moderated)] => (**moderated).clone(),
        other => panic!("expected a moderated turn, got {other:?}"),
    }
}

async fn round_of(engine: &Engine, user: &str) -> RoundRecord {
    engine
        .store()
        .active_round(user, PLACE)
        .await
        .unwrap()
        .expect("an active round")
}

/// The round's ledger: (counter, answered turn, origin), in the order served.
async fn ledger(engine: &Engine, user: &str) -> Vec<(String, Option<u32>, ClashOrigin)> {
    let round = round_of(engine, user).await;
    engine
        .store()
        .clashes(round.id)
        .await
        .unwrap()
        .into_iter()
        .map(|clash| (clash.counter_argument, clash.answered_turn, clash.origin))
        .collect()
}

#[tokio::test]
async fn a_point_made_goes_to_the_opponent_and_their_answer_closes_it() {
    let dir = TempDir::new().unwrap();
    let engine = paired(&dir).await;

    let first = moderated(&engine, ALICE, said(CHEAPER, None)).await;
    assert_eq!(
        (first.speaker.as_str(), first.opponent.as_str()),
        (ALICE, BOB)
    );
    assert_eq!(first.turn.turn, 1);
    assert!(first.turn.counter.is_none(), "the bot does not answer");
    assert!(first.facing.is_none());
    let served = first.served.expect("the point goes to Bob");
    assert_eq!(served.id, "smith.cost");
    assert!(ledger(&engine, ALICE).await.is_empty());
    assert_eq!(
        ledger(&engine, BOB).await,
        [("smith.cost".to_owned(), None, ClashOrigin::Opponent)]
    );

    let reply = moderated(&engine, BOB, said(NOT_CHEAPER, None)).await;
    assert_eq!(
        reply.facing.map(|point| point.id).as_deref(),
        Some("smith.cost")
    );
    assert_eq!(
        reply.turn.answered.map(|point| point.id).as_deref(),
        Some("smith.cost")
    );
    assert_eq!(
        reply.served.map(|point| point.id).as_deref(),
        Some("jones.hidden-costs")
    );
    assert_eq!(
        ledger(&engine, BOB).await,
        [("smith.cost".to_owned(), Some(1), ClashOrigin::Opponent)]
    );
    assert_eq!(
        ledger(&engine, ALICE).await,
        [("jones.hidden-costs".to_owned(), None, ClashOrigin::Opponent)]
    );

    let card = match engine
        .handle(BOB, PLACE, Command::End)
        .await
        .unwrap()
        .as_slice()
    {
        [Output::Scorecard(card)] => (**card).clone(),
        other => panic!("expected Bob's scorecard, got {other:?}"),
    };
    let answered: Vec<&str> = card.answered.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(answered, ["smith.cost"]);
    assert!(card.dropped.is_empty());
}

#[tokio::test]
async fn arguing_the_opponents_own_case_gives_them_nothing_to_answer() {
    let dir = TempDir::new().unwrap();
    let engine = paired(&dir).await;

    let turn = moderated(&engine, ALICE, said(NOT_CHEAPER, None)).await;

    assert!(turn.served.is_none());
    assert!(ledger(&engine, BOB).await.is_empty());
}

#[tokio::test]
async fn no_point_goes_to_an_opponent_whose_round_has_ended() {
    let dir = TempDir::new().unwrap();
    let engine = paired(&dir).await;
    engine.handle(BOB, PLACE, Command::End).await.unwrap();

    let turn = moderated(&engine, ALICE, said(CHEAPER, None)).await;

    assert_eq!(turn.turn.turn, 1, "still Alice's turn");
    assert!(turn.served.is_none());
}

#[tokio::test]
async fn a_redelivered_message_puts_its_point_once() {
    let dir = TempDir::new().unwrap();
    let engine = paired(&dir).await;

    let first = moderated(&engine, ALICE, said(CHEAPER, Some("m1"))).await;
    let again = moderated(&engine, ALICE, said(CHEAPER, Some("m1"))).await;

    assert_eq!(again.turn.turn, first.turn.turn);
    assert_eq!(again.served, first.served);
    assert_eq!(ledger(&engine, BOB).await.len(), 1);
}

#[tokio::test]
async fn the_counter_hint_is_the_askers_own_sides_best_answer() {
    let dir = TempDir::new().unwrap();
    let engine = paired(&dir).await;
    let hint = |argument: &str| Command::CounterHint {
        argument: argument.into(),
    };

    let answer = match engine.handle(BOB, PLACE, hint("smith.cost")).await.unwrap()[..] {
        [Output::Hint { ref argument }] => argument.clone(),
        ref other => panic!("expected a hint, got {other:?}"),
    };
    assert_eq!(
        answer.map(|a| a.id).as_deref(),
        Some("jones.hidden-costs"),
        "the curated rebuttal"
    );
    let unknown = engine
        .handle(BOB, PLACE, hint("nobody.said"))
        .await
        .unwrap();
    assert_eq!(unknown, [Output::Hint { argument: None }]);
}

#[tokio::test]
async fn two_rounds_in_one_place_outside_a_drill_are_each_answered_by_the_bot() {
    let dir = TempDir::new().unwrap();
    let engine = engine_in(&dir, &Config::default()).await;
    for (user, side) in [(ALICE, "for-uniforms"), (BOB, "against-uniforms")] {
        engine.handle(user, PLACE, start(side)).await.unwrap();
    }

    let outputs = engine
        .handle(ALICE, PLACE, said(CHEAPER, None))
        .await
        .unwrap();

    assert!(
        matches!(outputs.as_slice(), [Output::Countered(_)]),
        "{outputs:?}"
    );
    assert!(ledger(&engine, BOB).await.is_empty());
}
