//! The JSON-lines loop of `match`, `counter` and `score` through the real binary: each answer
//! is written as soon as its line is read, every non-blank line gets exactly one answer, and an
//! oversized line costs an error line, not the stream.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;
use std::sync::mpsc;
use std::time::Duration;

use common::{debate_drill, root, run, stdout};
use serde_json::Value;

const POINT: &str = r#"{"q": "a european coalition should guarantee ukraine"}"#;
const COUNTER: [&str; 4] = ["counter", "--jsonl", "--side", "coalition-guarantee"];

#[test]
fn each_answer_is_written_as_soon_as_its_line_is_read() {
    let mut child = debate_drill(&root())
        .args(COUNTER)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    writeln!(stdin, "{POINT}").unwrap();
    stdin.flush().unwrap();
    // The answer is read while stdin stays open; the bound only keeps a broken build from
    // hanging the suite.
    let out = child.stdout.take().unwrap();
    let (sender, answers) = mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        BufReader::new(out).read_line(&mut line).unwrap();
        sender.send(line).unwrap();
    });
    let answer = answers
        .recv_timeout(Duration::from_secs(60))
        .expect("the answer arrives before stdin closes");
    let answer: Value = serde_json::from_str(&answer).unwrap();
    assert!(answer["move"].is_string(), "{answer}");
    drop(stdin);
    assert!(child.wait().unwrap().success());
}

#[test]
fn a_line_of_other_whitespace_is_answered_with_an_error() {
    let input = format!("\u{a0}\n  \t\r\n\u{3000}\n\u{2028}\n\u{b}\n{POINT}\n");
    let output = run(&root(), &COUNTER, &input);
    let lines: Vec<Value> = stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(
        lines.len(),
        5,
        "only the plain blank line is skipped: {lines:?}"
    );
    for line in &lines[..4] {
        assert!(
            line["error"]
                .as_str()
                .unwrap()
                .starts_with("not valid JSON"),
            "{line}"
        );
    }
    assert!(lines[4]["move"].is_string(), "{:?}", lines[4]);
}

#[test]
fn an_oversized_line_gets_an_error_and_the_stream_goes_on() {
    let huge = format!("{{\"q\": \"{}\"}}", "x".repeat(1_000_000));
    let output = run(&root(), &COUNTER, &format!("{huge}\n{POINT}\n"));
    let lines: Vec<Value> = stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(
        lines[0]["error"]
            .as_str()
            .unwrap()
            .starts_with("line too long: 1000009 bytes, the limit is 65536"),
        "{}",
        lines[0]
    );
    assert!(lines[1]["move"].is_string(), "{}", lines[1]);
}
