//! Decodes arbitrary responses leniently, as a client does: arbitrary status, headers and
//! body bytes, arbitrary limits. Decoding must never panic, must keep at most the configured
//! bytes of the body, and a typed result must name a variant whose code the body carried.

#![no_main]

use apierror::parse::{decode, DecodeOptions, Decoded, ParseOptions};
use apierror::ApiError;
use apierror_fuzz::FuzzError;
use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Input {
    status: u16,
    headers: Vec<(String, Vec<u8>)>,
    max_bytes: u16,
    max_depth: u8,
    max_raw: u16,
    body: Vec<u8>,
}

fuzz_target!(|input: Input| {
    let mut headers = http::HeaderMap::new();
    for (name, value) in &input.headers {
        let name = http::HeaderName::from_bytes(name.as_bytes());
        let value = http::HeaderValue::from_bytes(value);
        if let (Ok(name), Ok(value)) = (name, value) {
            headers.append(name, value);
        }
    }
    let options = DecodeOptions {
        parse: ParseOptions {
            max_bytes: usize::from(input.max_bytes),
            max_depth: usize::from(input.max_depth),
        },
        max_raw_bytes: usize::from(input.max_raw),
    };
    let decoded = decode::<FuzzError>(input.status, &headers, &input.body, &options);
    let response = decoded.response();
    assert_eq!(response.status, input.status);
    assert!(response.raw.len() <= options.max_raw_bytes);
    match &decoded {
        Decoded::Typed { error, response } => {
            assert!(input.body.len() <= options.parse.max_bytes);
            assert!(response.raw.is_empty());
            let code = response.code().expect("a typed error comes from a code");
            // The Oney format cuts codes to 10 characters: the variant's code starts with it.
            assert!(error.code().starts_with(code), "{code} for {}", error.code());
        }
        Decoded::Unrecognised(response) => {
            let kept = input.body.len().min(options.max_raw_bytes);
            if response.body.is_none() {
                assert_eq!(response.raw, &input.body[..kept]);
            }
        }
    }
});
