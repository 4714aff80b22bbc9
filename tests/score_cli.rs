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

/// One reply of a student arguing permanent nonalignment to Popova and Shevel's "don't believe
/// Putin's word", as a `score --jsonl` line.
fn reply_to_putins_word(reply: &str) -> String {
    serde_json::json!({
        "side": "permanent-nonalignment",
        "counter_id": "popova-shevel.putin-word",
        "reply": reply,
    })
    .to_string()
}

const DEVELOPED_REBUTTAL: &str = "Sure, Putin's word is worth little: he called the buildup \
exercises. But that is exactly why the deal I defend does not rest on his word. In 1994 the \
Budapest Memorandum traded Ukraine's nearly 2,000 warheads for paper assurances, and Russia broke \
them by seizing Crimea in 2014; the Minsk agreements failed because nothing in them was verified. \
So permanent nonalignment has to come with verifiable commitments: the 100,000 troops massed on \
the border pulled back, monitors in the Donbas, and sanctions lifted only step by step as Russia \
complies, because a promise that can be checked does not need trust.";

#[test]
fn a_developed_rebuttal_outscores_an_emoji_slogan_and_a_two_word_one() {
    let answers = score(
        &[
            DEVELOPED_REBUTTAL,
            "neutrality = peace 🕊️🕊️ nato in ukraine = war 💥💥 its that simple 🤷",
            "neutrality good",
        ]
        .map(reply_to_putins_word)
        .join("\n"),
    );
    let total = |i: usize| answers[i]["total"].as_f64().unwrap();
    assert!(total(0) >= total(1) + 30.0, "{answers:?}");
    assert!(total(0) >= total(2) + 30.0, "{answers:?}");
    assert_eq!(answers[1]["breakdown"]["evidence"], 0.0, "{answers:?}");
}

#[test]
fn a_reply_without_a_fact_earns_no_evidence() {
    let line = serde_json::json!({
        "side": "negotiate-neutrality",
        "counter_id": "popova-shevel.putin-word",
        "reply": "offer ukrane neutrality and see if putin actualy backs off. nothing to lose",
    });
    let answers = score(&line.to_string());
    assert_eq!(answers[0]["breakdown"]["evidence"], 0.0, "{answers:?}");
    let feedback = answers[0]["feedback"].to_string();
    assert!(!feedback.contains("backed with facts"), "{feedback}");
}

#[test]
fn trivia_about_the_counters_names_earns_a_fraction_of_the_evidence() {
    let line = serde_json::json!({
        "side": "coalition-guarantee",
        "counter_id": "russia-nato-link.korea-model",
        "reply": "The Korean DMZ is about 4 km wide and runs roughly along the 38th parallel. \
            The armistice was signed at Panmunjom in July 1953, and there's still no peace treaty.",
    });
    let answers = score(&line.to_string());
    let evidence = answers[0]["breakdown"]["evidence"].as_f64().unwrap();
    assert!(
        evidence > 0.0 && evidence <= 10.0,
        "facts that argue nothing of the student's case keep under half of 20: {answers:?}"
    );
}

#[test]
fn agreeing_with_the_counter_is_a_concession_that_earns_nothing() {
    let answers = score(
        &[
            "Lifting sanctions is a fair trade, I'd go for that.",
            "If he really has lied that often, we probably shouldn't trust him. Fair.",
            "Exactly, his word means nothing, so the deal is pointless.",
        ]
        .map(reply_to_putins_word)
        .join("\n"),
    );
    for answer in &answers {
        assert!(
            answer["breakdown"]["concedes"].as_f64() < Some(0.0),
            "{answer}"
        );
        assert_eq!(answer["total"], 0.0, "{answer}");
    }
}

#[test]
fn echoing_the_counter_without_disputing_it_earns_no_clash_and_half_the_rest() {
    let answers = score(
        &[
            "putin said the buildup was exercises and he denied taking crimea and the donbas",
            "putin said the buildup was exercises, but that is no reason to distrust a deal \
             russia can be checked on",
        ]
        .map(reply_to_putins_word)
        .join("\n"),
    );
    assert_eq!(answers[0]["breakdown"]["clash"], 0.0, "{answers:?}");
    assert!(
        answers[0]["feedback"]
            .to_string()
            .contains("point but never said why it fails"),
        "{answers:?}"
    );
    assert!(
        answers[1]["breakdown"]["clash"].as_f64() > Some(0.0),
        "{answers:?}"
    );
    // It keeps half of what it earns otherwise (15.8 before echoes were halved: 8.0).
    assert!(answers[0]["total"].as_f64() < Some(10.0), "{answers:?}");
}

/// A slogan of one's own side that shares one word ("support") with an opposing argument is
/// weak, not the other side's case; and a "but" that turns back to agreeing concedes.
#[test]
fn a_slogan_sharing_a_word_is_not_the_other_side_and_a_but_that_agrees_concedes() {
    let slogan = r#"{"side": "coalition-guarantee", "counter_id": "nonalignment-2021.strategic-mistake", "reply": "Ukraine has been brave and deserves our support."}"#;
    let turned = r#"{"side": "not-about-nato", "counter": "The other security guarantee, demanded by Russia, is that NATO will not invade Russia. This is a paranoid fantasy, but NATO members must deal with it tangibly.", "reply": "It's a paranoid fantasy, but yeah, NATO members have to deal tangibly with it and convince Russia they never had plans to invade. Makes sense."}"#;
    let answers = score(&format!("{slogan}\n{turned}\n"));
    assert!(
        answers[0]["breakdown"]
            .get("argues_opposing_side")
            .is_none(),
        "{}",
        answers[0]
    );
    assert!(answers[0]["total"].as_f64() > Some(0.0), "{}", answers[0]);
    assert!(
        answers[1]["breakdown"]["concedes"].as_f64() < Some(0.0),
        "{}",
        answers[1]
    );
}

#[test]
fn praise_for_the_counter_with_no_stock_phrase_still_concedes() {
    let answers = score(
        &[
            "Good historical point, his assurances have been broken so often that nobody sensible should rely on them.",
            "neutrality = peace 🕊️🕊️ nato in ukraine = war 💥💥 its that simple 🤷",
        ]
        .map(reply_to_putins_word)
        .join("\n"),
    );
    assert!(
        answers[0]["breakdown"]["concedes"].as_f64() < Some(0.0),
        "{answers:?}"
    );
    assert!(
        answers[0]["total"].as_f64() < answers[1]["total"].as_f64(),
        "{answers:?}"
    );
}

#[test]
fn sarcasm_that_grants_the_counter_in_mockery_is_no_concession() {
    let answers = score(
        &[
            "oh sure, so nobody should ever negotiate with a leader they distrust 🙄 arms control \
             with the Soviets ran on verification, not on trust",
            "You're right, we can't trust his word.",
        ]
        .map(reply_to_putins_word)
        .join("\n"),
    );
    assert!(
        answers[0]["breakdown"].get("concedes").is_none(),
        "{answers:?}"
    );
    assert!(
        answers[1]["breakdown"]["concedes"].as_f64() < Some(0.0),
        "{answers:?}"
    );
    assert!(
        answers[0]["total"].as_f64() > answers[1]["total"].as_f64(),
        "{answers:?}"
    );
}
