//! Loading and validating packs: the bundled one from disk, a generated 10,000-argument pack
//! (the most a pack may hold) from memory, and a hostile one of 5,600 arguments each rebutting
//! an argument that does not exist (every one an error with a "did you mean" search).

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use debate_drill::pack::{load_pack, load_sources, synthetic};
use debate_drill::source::SourceText;

fn loading(c: &mut Criterion) {
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("positions/ukraine-nato");
    c.bench_function("load the bundled pack from disk", |b| {
        b.iter(|| black_box(load_pack(&bundled)).pack.expect("loads"))
    });

    let (pack, positions) = synthetic::generate("synthetic", 10_000);
    let mut group = c.benchmark_group("10,000 arguments");
    group.sample_size(10);
    group.bench_function("load and validate", |b| {
        b.iter(|| {
            black_box(load_sources(&pack, &positions))
                .pack
                .expect("loads")
        })
    });
    group.finish();

    let (pack, positions) = synthetic::generate("unknown-rebuts", 5_600);
    let positions: Vec<SourceText> = positions
        .into_iter()
        .map(|file| {
            let text = file.text.replace("rebuts = [\"a", "rebuts = [\"missing-a");
            SourceText::new(file.path, text)
        })
        .collect();
    let mut group = c.benchmark_group("5,600 arguments, every rebut unknown");
    group.sample_size(10);
    group.bench_function("check", |b| {
        b.iter(|| {
            let loaded = black_box(load_sources(&pack, &positions));
            assert!(loaded.diagnostics.has_errors());
        })
    });
    group.finish();
}

criterion_group!(benches, loading);
criterion_main!(benches);
