//! Parses arbitrary bytes as a received error response in every format (and detected),
//! with arbitrary status and content type: the parser must answer with a body or a typed
//! error, never panic, and what it reads must look itself up in the shipped catalogs'
//! shape without panicking either.
//!
//! Inputs that parse are also checked for consistency: a detected format is one the
//! content type or shape allows, and the size and depth limits hold.

#![no_main]

use apierror::parse::{parse, ParseError, ParseOptions};
use apierror::Format;
use apierror_fuzz::FuzzError;
use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Input {
    status: Option<u16>,
    content_type: Option<String>,
    format: Option<u8>,
    max_bytes: u16,
    max_depth: u8,
    body: Vec<u8>,
}

fuzz_target!(|input: Input| {
    let format = input.format.map(|f| Format::BUILT_IN[usize::from(f) % Format::BUILT_IN.len()]);
    let options = ParseOptions {
        max_bytes: usize::from(input.max_bytes),
        max_depth: usize::from(input.max_depth),
    };
    match parse(input.status, input.content_type.as_deref(), &input.body, format, &options) {
        Ok(body) => {
            assert!(input.body.len() <= options.max_bytes);
            if let Some(format) = format {
                assert_eq!(body.format, format);
            }
            let _ = body.lookup::<FuzzError>();
            for entry in &body.entries {
                let _ = entry.lookup::<FuzzError>();
            }
        }
        Err(ParseError::TooLarge { len, max }) => assert!(len > max),
        Err(_) => {}
    }
});
