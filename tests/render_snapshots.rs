//! The terminal's rendering of a counter, a hint, another counter asked for and a scorecard,
//! pinned by snapshots: a round on the bundled pack, through the real engine and a real SQLite
//! file.

mod common;

use std::sync::Arc;

use debate_drill::config::Config;
use debate_drill::drill::{Command, Engine, Output};
use debate_drill::pack::load_pack;
use debate_drill::prompts::Catalogue;
use debate_drill::store::Store;
use debate_drill::terminal::render;

#[test]
fn a_round_renders_as_the_snapshots_say() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pack = Arc::new(
        load_pack(&common::root().join("positions/ukraine-nato"))
            .pack
            .unwrap(),
    );
    let store = runtime
        .block_on(Store::open_in(&dir.path().join("r.db")))
        .unwrap();
    let engine = Engine::new(&[pack], store, &Config::default());
    let catalogue = Catalogue::builtin();
    let say = |command: Command| -> Vec<Output> {
        runtime
            .block_on(engine.handle("student", "place", command))
            .unwrap()
    };
    let start = Command::Start {
        pack: None,
        side: Some("not-about-nato".into()),
        seed: Some(1),
    };
    let text = |outputs: Vec<Output>| {
        outputs
            .iter()
            .map(|o| render::output(&catalogue, o))
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    insta::assert_snapshot!("started", text(say(start)));
    let turn = |text: &str| Command::Say {
        text: text.into(),
        source_id: None,
    };
    insta::assert_snapshot!(
        "counter",
        text(say(turn(
            "putin doesnt care about nato, its about stopping democracy spreading from ukraine"
        )))
    );
    insta::assert_snapshot!(
        "answer",
        text(say(turn(
            "a ceasefire just lets putin regroup, he recognised donetsk and luhansk on february 21 2022 and never kept his word"
        )))
    );
    insta::assert_snapshot!("hint", text(say(Command::Hint)));
    insta::assert_snapshot!("next_counter", text(say(Command::NextCounter)));
    insta::assert_snapshot!("scorecard", text(say(Command::End)));
}
