//! `match --jsonl` and `counter --jsonl` through the real binary: the stream contract (one line
//! per input line, in order, errors in place), and the counter rule (only from opposing sides).

mod common;

use common::{root, run, stdout};
use debate_drill::pack::load_pack;
use serde_json::Value;

fn lines(output: &std::process::Output) -> Vec<Value> {
    stdout(output)
        .lines()
        .map(|line| serde_json::from_str(line).expect("every output line is JSON"))
        .collect()
}

#[test]
fn match_answers_every_line_in_order() {
    let long = "nato ".repeat(20_000);
    let input = format!(
        "{}\n\n{}\nnot json\n{}\n{}\n{}\n{}\n",
        r#"{"q": "putin doesnt care about nato its about democracy"}"#,
        r#"{"q": "korea style armistice"}"#,
        r#"{"x": 1}"#,
        r#"{"q": 7}"#,
        serde_json::json!({ "q": long }),
        r#"{"q": "lol 😂 שלום @everyone **bold**"}"#,
    );
    let output = run(&root(), &["match", "--jsonl", "--top", "3"], &input);
    assert_eq!(output.status.code(), Some(0), "{}", common::stderr(&output));
    let lines = lines(&output);
    assert_eq!(lines.len(), 7, "blank lines get no output line");
    assert_eq!(
        lines[0]["q"],
        "putin doesnt care about nato its about democracy"
    );
    assert_eq!(lines[0]["hits"][0]["side"], "not-about-nato");
    assert!(lines[0]["hits"].as_array().unwrap().len() <= 3);
    assert_eq!(
        lines[1]["hits"][0]["argument"],
        "russia-nato-link.korea-model"
    );
    for bad in &lines[2..6] {
        assert!(bad["error"].is_string(), "{bad}");
    }
    assert_eq!(
        lines[6]["hits"],
        serde_json::json!([]),
        "an off-topic message is unsure"
    );
}

#[test]
fn hits_carry_the_verbatim_quote_and_attribution() {
    let pack = load_pack(&root().join("positions/ukraine-nato"))
        .pack
        .unwrap();
    let output = run(
        &root(),
        &["match", "--jsonl"],
        r#"{"q": "a coalition of european countries should guarantee ukraine without the us"}"#,
    );
    let line = &lines(&output)[0];
    let hit = &line["hits"][0];
    let argument = pack.argument(hit["argument"].as_str().unwrap()).unwrap();
    assert_eq!(hit["quote"], argument.quote);
    assert_eq!(hit["position"], argument.position);
    assert_eq!(
        hit["author"],
        pack.position(&argument.position).unwrap().author
    );
    let score = hit["score"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&score));
}

#[test]
fn counters_come_only_from_opposing_sides() {
    let pack = load_pack(&root().join("positions/ukraine-nato"))
        .pack
        .unwrap();
    let queries =
        std::fs::read_to_string(root().join("tests/data/blind/attacks-tuning.jsonl")).unwrap();
    let messages = queries.lines().count();
    for side in &pack.sides {
        let output = run(
            &root(),
            &["counter", "--jsonl", "--side", &side.id],
            &queries,
        );
        assert_eq!(output.status.code(), Some(0));
        let mut countered = 0;
        for line in lines(&output) {
            if line["counter"].is_null() {
                if line["move"] == "unsure" {
                    assert!(line["matched"].is_null(), "{line}");
                }
                continue;
            }
            assert!(
                matches!(line["move"].as_str(), Some("point" | "attack")),
                "only a point or an attack is countered: {line}"
            );
            countered += 1;
            let counter = pack
                .argument(line["counter"]["argument"].as_str().unwrap())
                .unwrap();
            assert!(
                pack.opposes(&side.id, &counter.side),
                "{} answered from {}",
                side.id,
                counter.side
            );
            assert!(counter.is_servable(), "{} is context", counter.id);
            assert_ne!(line["counter"]["argument"], line["matched"]["argument"]);
            assert_eq!(line["counter"]["quote"], counter.quote);
        }
        assert!(
            countered * 2 > messages,
            "{}: most messages are countered ({countered}/{messages})",
            side.id
        );
    }
}

#[test]
fn an_unknown_side_is_refused() {
    let output = run(&root(), &["counter", "--jsonl", "--side", "nope"], "");
    assert_eq!(output.status.code(), Some(1));
    assert!(common::stderr(&output).contains("unknown side `nope`"));
}
