//! Loading and validating packs: the bundled one from disk, and a generated 10,000-argument
//! pack (the most a pack may hold) from memory.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use debate_drill::pack::{load_pack, load_sources, synthetic};

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
}

criterion_group!(benches, loading);
criterion_main!(benches);
