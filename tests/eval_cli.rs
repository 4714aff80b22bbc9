//! `debate-drill eval` through the real binary: it measures every blind set it finds, names the
//! ones it does not, and names a broken line by file and line. The essays must sit beside the
//! crate (`../shared/seeds/`), as in CI (see `common::seeds`).

mod common;

use std::fs;
use std::path::Path;

use common::{root, run, stderr, stdout};

/// The first `lines` lines of a committed blind set, written into `dir`.
fn copy_head(set: &str, dir: &Path, lines: usize) {
    let text = fs::read_to_string(root().join("tests/data/blind").join(set)).unwrap();
    let head: Vec<&str> = text.lines().take(lines).collect();
    fs::write(dir.join(set), head.join("\n") + "\n").unwrap();
}

fn eval(blind: &Path, seeds: &Path) -> std::process::Output {
    let (blind, seeds) = (blind.display().to_string(), seeds.display().to_string());
    run(&root(), &["eval", "--blind", &blind, "--seeds", &seeds], "")
}

#[test]
fn eval_measures_the_sets_it_finds_and_names_the_missing_ones() {
    let Some(seeds) = common::seeds() else {
        return;
    };
    let blind = tempfile::tempdir().unwrap();
    copy_head("attacks-tuning.jsonl", blind.path(), 3);
    copy_head("graded-tuning.jsonl", blind.path(), 2);
    let output = eval(blind.path(), &seeds);
    let report = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(report.starts_with("== tuning split ==\n"), "{report}");
    assert!(
        report.contains(
            "not measured (no such file): clash-map.jsonl, recognition-tuning.jsonl, \
             concessions-tuning.jsonl"
        ),
        "{report}"
    );
    assert!(
        report.contains("Attacks (3): on the right point "),
        "{report}"
    );
    assert!(
        report.contains("Scoring: pairwise ordering on 2 graded sets"),
        "{report}"
    );
    assert!(!report.contains("Recognition ("), "{report}");
    assert!(!report.contains("Concessions ("), "{report}");
}

#[test]
fn a_broken_blind_line_is_named_by_file_and_line() {
    let Some(seeds) = common::seeds() else {
        return;
    };
    let blind = tempfile::tempdir().unwrap();
    copy_head("attacks-tuning.jsonl", blind.path(), 1);
    let path = blind.path().join("attacks-tuning.jsonl");
    let mut text = fs::read_to_string(&path).unwrap();
    text.push_str("{\"id\": \"broken\", \"q\": 7}\n");
    fs::write(&path, text).unwrap();
    let output = eval(blind.path(), &seeds);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.contains(&format!("{}:2: not a labelled attack", path.display())),
        "{message}"
    );
    assert!(stdout(&output).is_empty());
}

#[test]
fn eval_reads_the_packs_links_against_the_clash_map() {
    let Some(seeds) = common::seeds() else {
        return;
    };
    let blind = tempfile::tempdir().unwrap();
    // The bundled pack answers Popova and Shevel's democratic-contagion paragraph (004:12) from
    // 000:4, 002:8 and 003:15; this map names only the last two as contesting it.
    let line = r#"{"paragraph": "004:12", "contested_by": [{"paragraph": "002:8", "how": "denies premise", "reason": "r"}, {"paragraph": "003:15", "how": "denies premise", "reason": "r"}]}"#;
    fs::write(blind.path().join("clash-map.jsonl"), format!("{line}\n")).unwrap();
    let output = eval(blind.path(), &seeds);
    let report = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        report.contains(
            "Pack links between paragraphs the map judges (3): in a contesting paragraph 0.667 (2)"
        ),
        "{report}"
    );
}
