//! Wire-format benchmarks: apierror against a pre-rendered copy, hand-written serde
//! structs, `serde_json::json!` and http-api-problem. See `benches/cases/mod.rs` for what
//! each function does; every function of a group writes the same body
//! (`tests/formats/bench_equivalence.rs`).
//!
//! Full run: `cargo bench --bench wire`; quick: `cargo bench --bench wire -- --warm-up-time
//! 0.5 --measurement-time 1`. Medians: `target/criterion/<group>/<function>/new/estimates.json`.
//!
//! Instruction counts, stable where times are noisy: `WIRE_BENCH_COUNT=<group>/<function>:<n>`
//! runs that function `n` times instead of the benchmark, for
//! `valgrind --tool=callgrind --toggle-collect='*measured*' target/release/deps/wire-<hash> --bench`
//! (the instructions counted, divided by `n`, are one body's).

mod cases;

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};

/// One body of `case`: what callgrind counts (see the module's comment).
#[inline(never)]
fn measured(case: cases::Case, fx: &cases::Fixture, buf: &mut Vec<u8>) {
    buf.clear();
    case(black_box(fx), buf);
    black_box(&buf);
}

/// The `WIRE_BENCH_COUNT` run: `<group>/<function>:<n>`.
fn count(spec: &str, fx: &cases::Fixture) {
    let (id, n) = spec.split_once(':').expect("<group>/<function>:<n>");
    let n: usize = n.parse().expect("a number of bodies");
    let (group, function) = id.split_once('/').expect("<group>/<function>");
    let case = cases::GROUPS
        .iter()
        .filter(|g| g.name == group)
        .flat_map(|g| g.functions)
        .find(|(name, _, _)| *name == function)
        .map(|(_, case, _)| *case)
        .expect("a function of a group");
    let mut buf = Vec::with_capacity(1024);
    for _ in 0..n {
        measured(case, fx, &mut buf);
    }
}

fn wire(c: &mut Criterion) {
    let fx = cases::Fixture::new();
    if let Ok(spec) = std::env::var("WIRE_BENCH_COUNT") {
        return count(&spec, &fx);
    }
    for group in cases::GROUPS {
        let mut g = c.benchmark_group(group.name);
        for (name, case, _) in group.functions {
            let mut buf = Vec::with_capacity(1024);
            g.bench_function(*name, |b| {
                b.iter(|| {
                    buf.clear();
                    case(black_box(&fx), &mut buf);
                    black_box(&buf);
                })
            });
        }
        g.finish();
    }
    let mut g = c.benchmark_group("response");
    for (name, case) in cases::RESPONSE {
        g.bench_function(*name, |b| b.iter(|| black_box(case(black_box(&fx)))));
    }
    g.finish();
}

criterion_group!(benches, wire);
criterion_main!(benches);
