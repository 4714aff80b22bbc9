//! Helpers shared by the end-to-end tests: running the real binary.
#![allow(dead_code)]

pub mod postgres;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The crate's root folder.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The five essays the bundled packs quote, beside the crate (`../shared/seeds/`) as in CI. Their
/// absence fails the tests that compare against them, unless `DEBATE_DRILL_WITHOUT_SEEDS` is set:
/// then those tests say they were skipped, knowingly.
pub fn seeds() -> Option<PathBuf> {
    let dir = root().join("../shared/seeds");
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("DEBATE_DRILL_WITHOUT_SEEDS").is_some(),
        "the essays must sit at ../shared/seeds/ beside the crate; \
         set DEBATE_DRILL_WITHOUT_SEEDS=1 to skip the tests that compare against them"
    );
    println!("skipped (DEBATE_DRILL_WITHOUT_SEEDS): ../shared/seeds/ is not beside the crate");
    None
}

/// The built `debate-drill` binary, run in `dir`.
pub fn debate_drill(dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_debate-drill"));
    command.current_dir(dir).env_remove("DEBATE_DRILL_LOG");
    command
}

/// Runs the binary in `dir` with `args`, feeding `stdin`.
pub fn run(dir: &Path, args: &[&str], stdin: &str) -> Output {
    let mut child = debate_drill(dir)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    child
        .stdin
        .take()
        .expect("piped")
        .write_all(stdin.as_bytes())
        .expect("stdin accepts the input");
    child.wait_with_output().expect("the binary finishes")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
