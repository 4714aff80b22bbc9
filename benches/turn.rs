//! One turn through the engine and the store — match, counter, score, SQLite commit — on the
//! bundled pack, in a round of up to ten turns (a round is rebuilt from its stored turns on
//! every command, so its length matters). Criterion reports the mean and median; a plain run of
//! 1,000 turns before it prints the p50 and p99.

use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use debate_drill::config::Config;
use debate_drill::drill::{Command, Engine};
use debate_drill::pack::load_pack;
use debate_drill::store::Store;

const MESSAGES: &[&str] = &[
    "ukraine should get a coalition garantee from european countries w/o the us",
    "russia attacked ukraine twice already, in 2014 and 2022",
    "neutrality is just a consolation prize, nobody in kyiv wants it",
    "the us can keep sending weapons even if europe gives the guarantee",
    "putin might get tired of the war and a guarantee lets him save face",
];

struct Bench {
    runtime: tokio::runtime::Runtime,
    engine: Engine,
    _dir: tempfile::TempDir,
    turns: usize,
}

impl Bench {
    fn new() -> Bench {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let pack = Arc::new(
            load_pack(&root.join("positions/ukraine-nato"))
                .pack
                .unwrap(),
        );
        let store = runtime
            .block_on(Store::open_in(&dir.path().join("bench.db")))
            .unwrap();
        let engine = Engine::new(&[pack], store, &Config::default());
        let bench = Bench {
            runtime,
            engine,
            _dir: dir,
            turns: 0,
        };
        bench.command(Command::Start {
            pack: None,
            side: Some("coalition-guarantee".into()),
            seed: Some(1),
        });
        bench
    }

    fn command(&self, command: Command) {
        self.runtime
            .block_on(self.engine.handle("bench", "bench", command))
            .unwrap();
    }

    /// Times one turn; every ten turns the round is ended and a new one started, untimed.
    fn turn(&mut self) -> Duration {
        let text = MESSAGES[self.turns % MESSAGES.len()].to_string();
        let started = Instant::now();
        black_box(self.runtime.block_on(self.engine.handle(
            "bench",
            "bench",
            Command::Say {
                text,
                source_id: None,
            },
        )))
        .unwrap();
        let took = started.elapsed();
        self.turns += 1;
        if self.turns.is_multiple_of(10) {
            self.command(Command::End);
            self.command(Command::Start {
                pack: None,
                side: Some("coalition-guarantee".into()),
                seed: Some(1),
            });
        }
        took
    }
}

fn one_turn(c: &mut Criterion) {
    let mut bench = Bench::new();
    let mut samples: Vec<Duration> = (0..1_000).map(|_| bench.turn()).collect();
    samples.sort();
    println!(
        "one turn over 1,000 turns: p50 {:?}, p99 {:?}",
        samples[samples.len() / 2],
        samples[samples.len() * 99 / 100]
    );
    c.bench_function("one turn through engine and store", |b| {
        b.iter_custom(|iterations| (0..iterations).map(|_| bench.turn()).sum())
    });
}

criterion_group!(benches, one_turn);
criterion_main!(benches);
