//! The matcher's speed: per-message match time and index build time, on the bundled pack and on
//! a synthetic pack of 10,000 arguments (the most a pack may hold) generated here and loaded
//! through the real loader; and the whole `match --jsonl` process over 10,000 lines.

use std::fmt::Write;
use std::hint::black_box;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use debate_drill::matcher::Matcher;
use debate_drill::pack::{Pack, load_pack, load_sources};
use debate_drill::source::SourceText;

/// Student-style messages for the bundled pack: casual, misspelled, keyword-ish, long.
const BUNDLED_MESSAGES: &[&str] = &[
    "ukr should just get a coalition garantee w/o the us",
    "putin doesnt care about nato its about democracy",
    "korea style armistice",
    "if we let ukraine into nato russia will see it as a direct threat and things get way more dangerous for everyone in europe",
    "neutrality never would of satisfied putin lol",
    "what's for lunch",
    "The West should test whether Russia's aims are limited by negotiating military neutrality, but never the EU.",
    "sanctions relief in exchange for verifable commitments",
];

const SYNTHETIC_ARGUMENTS: usize = 10_000;
const SYNTHETIC_POSITIONS: usize = 20;

/// A deterministic generator, so every run measures the same pack.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize
    }

    /// A word index with a rough Zipf shape: a few words are common, most are rare.
    fn word(&mut self, vocabulary: usize) -> usize {
        let u = (self.next() % 1_000_000) as f64 / 1_000_000.0;
        ((vocabulary as f64).powf(u) as usize).min(vocabulary - 1)
    }
}

/// 8,000 pronounceable words of 2-4 syllables.
fn vocabulary() -> Vec<String> {
    const SYLLABLES: &[&str] = &[
        "ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "pra", "sto", "gri", "bel", "dan",
        "fer", "hol", "jun", "kor", "lin", "mar",
    ];
    let mut rng = Lcg(7);
    let mut words = std::collections::BTreeSet::new();
    while words.len() < 8_000 {
        let syllables = 2 + rng.next() % 3;
        words.insert(
            (0..syllables)
                .map(|_| SYLLABLES[rng.next() % SYLLABLES.len()])
                .collect::<String>(),
        );
    }
    words.into_iter().collect()
}

fn sentence(rng: &mut Lcg, vocabulary: &[String], words: usize) -> String {
    (0..words)
        .map(|_| vocabulary[rng.word(vocabulary.len())].as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The synthetic pack as TOML text (a pack file and one file per position), and messages drawn
/// from its vocabulary, some with a letter dropped.
fn synthetic_sources() -> (SourceText, Vec<SourceText>, Vec<String>) {
    let vocabulary = vocabulary();
    let mut rng = Lcg(42);
    let mut pack =
        String::from("id = \"synthetic\"\ntitle = \"Synthetic\"\nmotion = \"A motion\"\n");
    for (side, other) in [("pro", "con"), ("con", "pro")] {
        write!(
            pack,
            "\n[[sides]]\nid = \"{side}\"\nname = \"{side}\"\nopposes = [\"{other}\"]\n"
        )
        .unwrap();
    }
    pack.push_str("\n[aliases]\n");
    for group in 0..200 {
        let words: Vec<&str> = (0..4).map(|i| vocabulary[group * 4 + i].as_str()).collect();
        writeln!(
            pack,
            "\"{}\" = [\"{}\", \"{} {}\"]",
            words[0], words[1], words[2], words[3]
        )
        .unwrap();
    }
    let per_position = SYNTHETIC_ARGUMENTS / SYNTHETIC_POSITIONS;
    let mut positions = Vec::new();
    for position in 0..SYNTHETIC_POSITIONS {
        let side = if position % 2 == 0 { "pro" } else { "con" };
        let mut text = format!(
            "id = \"p{position}\"\nauthor = \"Author {position}\"\nsource = \"Synthetic\"\nside = \"{side}\"\nthesis = \"{}\"\n",
            sentence(&mut rng, &vocabulary, 30)
        );
        for argument in 0..per_position {
            let list = |rng: &mut Lcg, n: usize, words: usize| {
                (0..n)
                    .map(|_| format!("\"{}\"", sentence(rng, &vocabulary, words)))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            write!(
                text,
                "\n[[arguments]]\nid = \"p{position}.a{argument}\"\nclaim = \"{}\"\nquote = \"{}\"\nkeywords = [{}]\nevidence = [{}]\n",
                sentence(&mut rng, &vocabulary, 25),
                sentence(&mut rng, &vocabulary, 40),
                list(&mut rng, 6, 2),
                list(&mut rng, 2, 4),
            )
            .unwrap();
        }
        positions.push(SourceText::new(format!("p{position}.toml"), text));
    }
    let messages = (0..64)
        .map(|i| {
            let mut message = sentence(&mut rng, &vocabulary, 6 + i % 20);
            if i % 3 == 0 {
                message.remove(message.len() / 2);
            }
            message
        })
        .collect();
    (SourceText::new("pack.toml", pack), positions, messages)
}

fn load_synthetic(pack: &SourceText, positions: &[SourceText]) -> Arc<Pack> {
    let loaded = load_sources(pack, positions);
    Arc::new(
        loaded
            .pack
            .unwrap_or_else(|| panic!("the synthetic pack loads:\n{}", loaded.diagnostics)),
    )
}

fn bundled() -> Arc<Pack> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("positions/ukraine-nato");
    Arc::new(load_pack(&path).pack.expect("the bundled pack loads"))
}

/// Times one message per iteration, cycling through `messages`.
fn bench_messages(c: &mut Criterion, name: &str, matcher: &Matcher, messages: &[impl AsRef<str>]) {
    let mut next = 0;
    c.bench_function(name, |b| {
        b.iter(|| {
            next = (next + 1) % messages.len();
            black_box(matcher.search(black_box(messages[next].as_ref()), 5))
        })
    });
}

fn bundled_pack(c: &mut Criterion) {
    let pack = bundled();
    c.bench_function("build/bundled", |b| {
        b.iter(|| Matcher::new(black_box(pack.clone())))
    });
    bench_messages(c, "match/bundled", &Matcher::new(pack), BUNDLED_MESSAGES);
}

fn synthetic_pack(c: &mut Criterion) {
    let (pack_file, position_files, messages) = synthetic_sources();
    let pack = load_synthetic(&pack_file, &position_files);
    assert_eq!(pack.arguments.len(), SYNTHETIC_ARGUMENTS);
    let mut group = c.benchmark_group("build");
    group.sample_size(10);
    group.bench_function("synthetic-10k", |b| {
        b.iter(|| Matcher::new(black_box(pack.clone())))
    });
    group.finish();
    bench_messages(c, "match/synthetic-10k", &Matcher::new(pack), &messages);
}

/// Lines fed to the whole process: the blind tuning messages, repeated to this many.
const PROCESS_LINES: usize = 10_000;

/// `debate-drill match --jsonl` over 10,000 lines on the bundled packs, start-up included: the
/// figure a script or a grader piping messages through the binary sees.
fn whole_process(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let queries = std::fs::read_to_string(root.join("tests/data/blind/attacks-tuning.jsonl"))
        .expect("the labelled messages are readable");
    let lines: Vec<&str> = queries.lines().filter(|l| !l.trim().is_empty()).collect();
    let input: String = lines
        .iter()
        .cycle()
        .take(PROCESS_LINES)
        .flat_map(|line| [*line, "\n"])
        .collect();
    let scratch = tempfile::tempdir().expect("a scratch folder");
    let input_file = scratch.path().join("messages.jsonl");
    std::fs::write(&input_file, input).expect("the messages are written");
    let mut group = c.benchmark_group("process");
    group.sample_size(10);
    group.bench_function("match-jsonl-10k-lines/bundled", |b| {
        b.iter(|| {
            let status = Command::new(env!("CARGO_BIN_EXE_debate-drill"))
                .current_dir(root)
                .args(["match", "--jsonl"])
                .stdin(std::fs::File::open(&input_file).expect("the messages open"))
                .stdout(Stdio::null())
                .status()
                .expect("the binary runs");
            assert!(status.success());
        })
    });
    group.finish();
}

criterion_group!(benches, bundled_pack, synthetic_pack, whole_process);
criterion_main!(benches);
