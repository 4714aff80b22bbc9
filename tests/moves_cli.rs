//! Debate moves through the real binary, on a small pack of ours (`good-packs/homework.toml`):
//! what a message does decides how the bot answers it.

mod common;

use common::{root, run, stdout};
use serde_json::{Value, json};

const PACK: &str = "tests/data/good-packs/homework.toml";

/// `counter --jsonl` for a student arguing `side`, one answer per message.
fn counters(side: &str, messages: &[&str]) -> Vec<Value> {
    let input: String = messages
        .iter()
        .map(|q| format!("{}\n", json!({ "q": q })))
        .collect();
    let output = run(
        &root(),
        &["counter", "--packs", PACK, "--jsonl", "--side", side],
        &input,
    );
    assert_eq!(output.status.code(), Some(0), "{}", common::stderr(&output));
    stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

#[test]
fn the_homework_clubs_message_attacks_the_clubs_point() {
    let [answer] = &counters(
        "keep",
        &["homework clubs are a nice idea but most schools have no money or staff to run them"],
    )[..] else {
        panic!("one answer")
    };
    assert_eq!(answer["move"], "attack", "{answer}");
    assert_eq!(answer["matched"]["argument"], "reyes.clubs");
    // The attacked author's side defends its point, and says why.
    assert_eq!(answer["counter"]["argument"], "reyes.volunteers");
    assert_eq!(answer["counter"]["via"], "defence");
    assert!(
        answer["counter"]["reason"]
            .as_str()
            .is_some_and(|r| r.starts_with("Denies its premise:")),
        "{answer}"
    );
}

#[test]
fn an_attack_is_not_scored_as_arguing_the_other_side() {
    let input = json!({
        "side": "keep",
        "counter_id": "reyes.clubs",
        "reply": "homework clubs are a nice idea but most schools have no money or staff to run them",
    });
    let output = run(
        &root(),
        &["score", "--packs", PACK, "--jsonl"],
        &format!("{input}\n"),
    );
    let score: Value = serde_json::from_str(stdout(&output).trim()).unwrap();
    assert!(
        score["breakdown"].get("argues_opposing_side").is_none(),
        "{score}"
    );
}

#[test]
fn each_move_is_read_and_answered_as_a_coach_would() {
    let answers = counters(
        "keep",
        &[
            "kids need to practise their times tables every day",
            "clubs after school are wrong because nobody would staff them",
            "ok fair point, ur right, clubs would do the job",
            "what's for lunch",
        ],
    );
    let moves: Vec<&str> = answers
        .iter()
        .map(|a| a["move"].as_str().unwrap())
        .collect();
    assert_eq!(moves, ["point", "attack", "concession", "unsure"]);

    // A point gets the curated clash with it, and its reason.
    assert_eq!(answers[0]["matched"]["argument"], "okafor.practice");
    assert_eq!(answers[0]["counter"]["argument"], "reyes.clubs");
    assert_eq!(answers[0]["counter"]["via"], "rebuttal");
    assert!(answers[0]["counter"]["reason"].is_string());
    // A concession is not countered; nor is a message that makes no point.
    assert!(answers[2]["counter"].is_null());
    assert!(answers[3]["counter"].is_null() && answers[3]["matched"].is_null());
}

#[test]
fn a_point_nobody_answers_is_told_so_rather_than_given_an_off_point_counter() {
    // No argument of the pack contests `reyes.volunteers`.
    let [answer] = &counters(
        "abolish",
        &["volunteers and a rota of assistants cost little"],
    )[..] else {
        panic!("one answer")
    };
    assert_eq!(answer["move"], "point");
    assert_eq!(answer["matched"]["argument"], "reyes.volunteers");
    assert!(answer["counter"].is_null(), "{answer}");
}
