//! `practice` on a real terminal (a pseudo-terminal, through rexpect): the line can be edited
//! with the arrow keys before it is sent, and earlier lines come back with the up arrow.

mod common;

use std::process::Command;

use rexpect::session::spawn_command;

const LEFT: &str = "\x1b[D";
const UP: &str = "\x1b[A";

fn practice(db: &std::path::Path) -> rexpect::session::PtySession {
    let mut command = Command::new(env!("CARGO_BIN_EXE_debate-drill"));
    command
        .current_dir(common::root())
        .args([
            "practice",
            "--packs",
            "tests/data/good-packs/homework.toml",
            "--side",
            "keep",
        ])
        .arg("--db")
        .arg(db)
        .env("TERM", "xterm")
        .env_remove("DEBATE_DRILL_LOG");
    spawn_command(command, Some(30_000)).expect("practice starts on a pseudo-terminal")
}

#[test]
fn arrow_keys_edit_the_line_on_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = practice(&dir.path().join("round.db"));
    session.exp_string("> ").unwrap();
    // "/nxt", back two places, "e": the line sent is "/next", which asks for another counter
    // before any point was made. Sent as typed, it would be an unknown command.
    session.send(&format!("/nxt{LEFT}{LEFT}e\r")).unwrap();
    session.flush().unwrap();
    session
        .exp_string("Make your first point before asking for another counter")
        .unwrap();
    // The up arrow brings "/next" back.
    session.exp_string("> ").unwrap();
    session.send(&format!("{UP}\r")).unwrap();
    session.flush().unwrap();
    session
        .exp_string("Make your first point before asking for another counter")
        .unwrap();
    session.send_line("/end").unwrap();
    session.exp_eof().unwrap();
}
