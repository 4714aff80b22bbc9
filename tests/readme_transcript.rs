//! The README's practice transcript is this test's output, so it cannot go stale: the round in
//! `tests/data/transcripts/homework-round.txt`, played through the real binary with `--echo`,
//! must match the block between the README's transcript markers. `UPDATE_README=1 cargo test
//! --test readme_transcript` rewrites the block after a deliberate change.

mod common;

use std::fs;

use common::{root, run, stderr, stdout};

const START: &str = "<!-- transcript: start (written by tests/readme_transcript.rs) -->\n";
const END: &str = "<!-- transcript: end -->\n";
const COMMAND: &str = "cargo run --release -- practice --packs tests/data/good-packs/homework.toml --side keep --echo < tests/data/transcripts/homework-round.txt";

#[test]
fn the_readme_transcript_is_what_the_binary_prints() {
    let script =
        fs::read_to_string(root().join("tests/data/transcripts/homework-round.txt")).unwrap();
    let db = tempfile::tempdir().unwrap();
    let db = db.path().join("round.db").display().to_string();
    let args = [
        "practice",
        "--packs",
        "tests/data/good-packs/homework.toml",
        "--side",
        "keep",
        "--echo",
        "--db",
        &db,
    ];
    let output = run(&root(), &args, &script);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let block = format!("```\n$ {COMMAND}\n{}```\n", stdout(&output));

    let readme_path = root().join("README.md");
    let readme = fs::read_to_string(&readme_path).unwrap();
    let start = readme
        .find(START)
        .expect("the README has the transcript's start marker")
        + START.len();
    let end = start + readme[start..].find(END).expect("and its end marker");
    if std::env::var_os("UPDATE_README").is_some() {
        fs::write(
            &readme_path,
            format!("{}{block}{}", &readme[..start], &readme[end..]),
        )
        .unwrap();
        return;
    }
    assert_eq!(
        readme[start..end],
        block,
        "the README's transcript is stale: run `UPDATE_README=1 cargo test --test readme_transcript`"
    );
}
