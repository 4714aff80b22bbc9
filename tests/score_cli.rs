//! `debate-drill score --jsonl` through the real binary, per CONTRACT.md: one answer line per
//! input line, in order; bad lines get `{"error"}` and the stream goes on; blank lines skipped.

mod common;

use common::{root, run, stdout};
use serde_json::Value;

fn score(input: &str) -> Vec<Value> {
    let output = run(&root(), &["score", "--jsonl"], input);
    assert_eq!(output.status.code(), Some(0), "{}", common::stderr(&output));
    stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).expect("every output line is JSON"))
        .collect()
}

const STRONG: &str = r#"{"side": "permanent-nonalignment", "counter_id": "popova-shevel.enlargement-2004", "reply": "the 2004 round is no precedent: washington never recognised the baltics as soviet, and poland (joined 1999) was only in the warsaw pact. ukraine's history and people are bound up with russia's."}"#;
const OFF_TOPIC: &str = r#"{"side": "permanent-nonalignment", "counter_id": "popova-shevel.enlargement-2004", "reply": "is debate club still doing pizza on friday"}"#;

#[test]
fn scores_replies_with_a_breakdown_and_feedback() {
    let answers = score(&format!("{STRONG}\n\n{OFF_TOPIC}\n"));
    assert_eq!(answers.len(), 2, "the blank line is skipped: {answers:?}");
    for answer in &answers {
        let total = answer["total"].as_f64().expect("a total");
        assert!((0.0..=100.0).contains(&total), "{answer}");
        let breakdown = answer["breakdown"].as_object().expect("a breakdown");
        for category in ["relevance", "clash", "evidence", "novelty"] {
            assert!(breakdown[category].is_number(), "{answer}");
        }
        let feedback = answer["feedback"].as_array().expect("feedback");
        assert!(
            !feedback.is_empty() && feedback.iter().all(Value::is_string),
            "{answer}"
        );
    }
    assert!(
        answers[0]["total"].as_f64() > answers[1]["total"].as_f64(),
        "{answers:?}"
    );
}

#[test]
fn a_counter_given_as_text_is_matched_first() {
    let by_text = r#"{"side": "coalition-guarantee", "counter": "ukraine in nato would be a strategic mistake that makes europe less secure", "reply": "a european coalition guarantee keeps ukraine safe without nato membership"}"#;
    let answers = score(by_text);
    assert!(answers[0]["total"].is_number(), "{answers:?}");
}

#[test]
fn conceding_is_named_in_the_breakdown() {
    let line = r#"{"side": "permanent-nonalignment", "counter_id": "popova-shevel.enlargement-2004", "reply": "you're right, fair point"}"#;
    let answers = score(line);
    assert!(
        answers[0]["breakdown"]["concedes"].as_f64() < Some(0.0),
        "{answers:?}"
    );
}

#[test]
fn bad_lines_get_an_error_and_the_stream_goes_on() {
    let huge = format!(
        r#"{{"side": "permanent-nonalignment", "counter_id": "popova-shevel.enlargement-2004", "reply": "{}"}}"#,
        "a".repeat(100 * 1024)
    );
    let input = [
        "not json",
        r#"{"side": "permanent-nonalignment", "reply": "no counter"}"#,
        r#"{"counter_id": "popova-shevel.enlargement-2004", "reply": "no side"}"#,
        r#"{"side": "nope", "counter_id": "popova-shevel.enlargement-2004", "reply": "x"}"#,
        r#"{"side": "permanent-nonalignment", "counter_id": "nope", "reply": "x"}"#,
        &huge,
        STRONG,
    ]
    .join("\n");
    let answers = score(&input);
    assert_eq!(answers.len(), 7);
    for answer in &answers[..6] {
        assert!(answer["error"].is_string(), "{answer}");
    }
    assert!(answers[6]["total"].is_number());
}

#[test]
fn a_counter_of_the_students_own_side_is_refused_and_a_lone_reply_is_not_a_repeat() {
    let input = concat!(
        r#"{"side": "coalition-guarantee", "counter_id": "menon.europe-not-us", "reply": "x"}"#,
        "\n",
        r#"{"side": "not-about-nato", "counter_id": "nonalignment-2021.strategic-mistake", "reply": "ok fine you are right"}"#,
        "\n"
    );
    let output = common::run(&common::root(), &["score", "--jsonl"], input);
    let lines: Vec<serde_json::Value> = common::stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(
        lines[0]["error"]
            .as_str()
            .unwrap()
            .contains("is an argument of side `coalition-guarantee` itself")
    );
    let feedback = lines[1]["feedback"].to_string();
    assert!(feedback.contains("You conceded the point"), "{feedback}");
    assert!(!feedback.contains("repeats an earlier turn"), "{feedback}");
    assert!(lines[1]["breakdown"]["concedes"].as_f64().unwrap() < 0.0);
}
