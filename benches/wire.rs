//! Wire-format benchmarks: apierror against a pre-rendered copy, hand-written serde
//! structs, `serde_json::json!` and http-api-problem. See `benches/cases/mod.rs` for what
//! each function does; every function of a group writes the same body
//! (`tests/formats/bench_equivalence.rs`).
//!
//! Full run: `cargo bench --bench wire`; quick: `cargo bench --bench wire -- --warm-up-time
//! 0.5 --measurement-time 1`. Medians: `target/criterion/<group>/<function>/new/estimates.json`.

mod cases;

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};

fn wire(c: &mut Criterion) {
    let fx = cases::Fixture::new();
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
