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

/// A round on the pack at `pack` (relative to the crate), arguing `side`: says each command
/// and renders what the engine answers, as the terminal shows it.
struct Round {
    runtime: tokio::runtime::Runtime,
    engine: Engine,
    catalogue: Catalogue,
    _dir: tempfile::TempDir,
}

impl Round {
    fn new(pack: &str) -> Round {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let pack = Arc::new(load_pack(&common::root().join(pack)).pack.unwrap());
        let store = runtime
            .block_on(Store::open_in(&dir.path().join("r.db")))
            .unwrap();
        let engine = Engine::new(&[pack], store, &Config::default());
        Round {
            runtime,
            engine,
            catalogue: Catalogue::builtin(),
            _dir: dir,
        }
    }

    fn say(&self, command: Command) -> String {
        let outputs: Vec<Output> = self
            .runtime
            .block_on(self.engine.handle("student", "place", command))
            .unwrap();
        outputs
            .iter()
            .map(|o| render::output(&self.catalogue, o))
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    fn start(&self, side: &str) -> String {
        self.say(Command::Start {
            pack: None,
            side: Some(side.into()),
            seed: Some(1),
        })
    }
}

fn turn(text: &str) -> Command {
    Command::Say {
        text: text.into(),
        source_id: None,
    }
}

#[test]
fn a_round_renders_as_the_snapshots_say() {
    let round = Round::new("positions/ukraine-nato");
    let say = |command: Command| round.say(command);
    insta::assert_snapshot!("started", round.start("not-about-nato"));
    insta::assert_snapshot!(
        "counter",
        say(turn(
            "putin doesnt care about nato, its about stopping democracy spreading from ukraine"
        ))
    );
    insta::assert_snapshot!(
        "answer",
        say(turn(
            "a ceasefire just lets putin regroup, he recognised donetsk and luhansk on february 21 2022 and never kept his word"
        ))
    );
    insta::assert_snapshot!("hint", say(Command::Hint));
    insta::assert_snapshot!("next_counter", say(Command::NextCounter));
    insta::assert_snapshot!("scorecard", say(Command::End));
}

#[test]
fn each_debate_move_renders_as_the_snapshots_say() {
    let round = Round::new("tests/data/good-packs/homework.toml");
    round.start("keep");
    insta::assert_snapshot!(
        "move_point",
        round.say(turn("kids need to practise their times tables every day"))
    );
    insta::assert_snapshot!(
        "move_attack",
        round.say(turn(
            "homework clubs are a nice idea but most schools have no money or staff to run them"
        ))
    );
    insta::assert_snapshot!(
        "move_concession",
        round.say(turn("ok fair point, ur right, volunteers could run them"))
    );
    insta::assert_snapshot!("move_unsure", round.say(turn("what's for lunch")));
}
