//! Client-side benchmark: decoding a received Omise error body (129 bytes) to the typed
//! catalog variant, against what a client author would write instead —
//! `serde_json::from_slice` into a `#[derive(Deserialize)]` struct of the four members,
//! which gives strings, not a typed error.
//!
//! `cargo bench --bench client`; quick: `cargo bench --bench client -- --warm-up-time 0.5
//! --measurement-time 2`. Medians: `target/criterion/decode_omise/<function>/new/estimates.json`.

use std::hint::black_box;

use apierror::format::{JsonApi, Microsoft, Stripe};
use apierror::parse::{decode, DecodeOptions, Decoder};
use apierror_catalog::omise::OmiseError;
use criterion::{criterion_group, criterion_main, Criterion};
use http::HeaderMap;
use serde::Deserialize;

const BODY: &[u8] = br#"{"object":"error","location":"https://www.omise.co/api-errors#used-token","code":"used_token","message":"token was already used"}"#;

/// What a client author writes by hand for the same body.
#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct OmiseBody {
    object: String,
    location: String,
    code: String,
    message: String,
}

fn decode_omise(c: &mut Criterion) {
    assert_eq!(BODY.len(), 129);
    let headers = HeaderMap::new();
    let options = DecodeOptions::default();
    // Both functions must do their job: checked once before timing.
    assert_eq!(
        decode::<OmiseError>(400, &headers, BODY, &options).into_typed(),
        Some(OmiseError::UsedToken)
    );
    assert_eq!(
        serde_json::from_slice::<OmiseBody>(BODY).unwrap().code,
        "used_token"
    );

    // The same through a decoder that also knows the three shipped formats, as a client of
    // several providers holds one.
    let decoder = Decoder::new()
        .with_format(Stripe::new())
        .and_then(|d| d.with_format(JsonApi::new()))
        .and_then(|d| d.with_format(Microsoft::new()))
        .expect("names of their own");
    assert_eq!(
        decoder
            .decode::<OmiseError>(400, &headers, BODY, &options)
            .into_typed(),
        Some(OmiseError::UsedToken)
    );

    let mut g = c.benchmark_group("decode_omise");
    g.bench_function("apierror", |b| {
        b.iter(|| {
            black_box(decode::<OmiseError>(
                400,
                &headers,
                black_box(BODY),
                &options,
            ))
        })
    });
    g.bench_function("apierror_eight_formats", |b| {
        b.iter(|| black_box(decoder.decode::<OmiseError>(400, &headers, black_box(BODY), &options)))
    });
    g.bench_function("serde_struct", |b| {
        b.iter(|| black_box(serde_json::from_slice::<OmiseBody>(black_box(BODY)).unwrap()))
    });
    g.finish();
}

criterion_group!(benches, decode_omise);
criterion_main!(benches);
