//! Lenient decoding, as properties: any rendered body of any shipped catalog entry decodes
//! to the same variant, in every format and with arbitrary sample values; and arbitrary
//! responses (status, headers, bytes) never panic and keep at most the configured bytes.

use apierror::parse::{decode, DecodeOptions, Decoded};
use apierror::{ApiError, Format, Renderer, RequestContext};
use apierror_catalog::omise::OmiseError;
use proptest::prelude::*;
use proptest::test_runner::Config;

use crate::support::samples::sample;

/// Renders entry `index` of `E`'s catalog in `format` and decodes it back; checks it is the
/// same entry, and, when typed, a value of that entry.
fn round_trip<E: ApiError>(index: usize, format: Format, value: &str) -> Result<(), TestCaseError> {
    let variants = E::catalog().variants;
    let meta = &variants[index % variants.len()];
    let err = sample(meta, value, &format!("purchase.{value}"));
    let response = Renderer::new(format).response(format, &err, &RequestContext::new());
    let decoded = decode::<E>(
        response.status().as_u16(),
        response.headers(),
        response.body(),
        &DecodeOptions::default(),
    );
    let found = decoded.response().meta.map(|m| m.name);
    prop_assert_eq!(found, Some(meta.name), "{} in {}", meta.name, format);
    if let Decoded::Typed { error, .. } = &decoded {
        prop_assert_eq!(error.meta().name, meta.name);
        // A number written with leading zeros (`007`) is read into a numeric field as the
        // number (7), which writes itself without them: the message is the same only for
        // text that is how its value writes itself.
        let canonical = value
            .parse::<u128>()
            .map_or(true, |n| n.to_string() == value);
        if canonical {
            prop_assert_eq!(error.message().to_string(), err.message().to_string());
        }
    }
    Ok(())
}

fn format() -> impl Strategy<Value = Format> {
    prop::sample::select(Format::BUILT_IN.to_vec())
}

proptest! {
    #![proptest_config(Config::with_cases(256))]

    #[test]
    fn every_catalog_entry_decodes_to_itself(
        index in 0usize..1000,
        format in format(),
        value in "[a-z0-9]{1,12}",
    ) {
        for checked in every_catalog!(round_trip(index, format, &value)) {
            checked?;
        }
    }

    #[test]
    fn arbitrary_responses_decode_without_panic_and_bounded(
        status in 400u16..600,
        content_type in prop::option::of(prop_oneof![
            Just("application/json".to_owned()),
            Just("application/problem+json; charset=utf-8".to_owned()),
            Just("text/html".to_owned()),
            "[ -~]{0,40}",
        ]),
        retry_after in prop::option::of("[ -~]{0,30}"),
        body in prop_oneof![
            prop::collection::vec(any::<u8>(), 0..2000),
            "[{}\\[\\]\":, a-z0-9_\u{feff}]{0,400}".prop_map(String::into_bytes),
        ],
        max_raw in 0usize..300,
    ) {
        let mut headers = http::HeaderMap::new();
        if let Some(Ok(value)) = content_type.map(|c| c.parse()) {
            headers.insert("content-type", value);
        }
        if let Some(Ok(value)) = retry_after.map(|r| r.parse()) {
            headers.insert("retry-after", value);
        }
        let options = DecodeOptions { max_raw_bytes: max_raw, ..DecodeOptions::default() };
        let decoded = decode::<OmiseError>(status, &headers, &body, &options);
        let response = decoded.response();
        prop_assert_eq!(response.status, status);
        prop_assert!(response.raw.len() <= max_raw);
        prop_assert_eq!(response.raw_truncated, matches!(decoded, Decoded::Unrecognised(_)) && body.len() > max_raw);
        if let Decoded::Unrecognised(_) = decoded {
            prop_assert_eq!(&response.raw[..], &body[..body.len().min(max_raw)]);
        }
    }
}

/// The case proptest found: `00` in Oney's "less than {max} characters" (`max: usize`) is
/// read back as 0; every entry, format and such number still decodes to its own entry.
#[test]
fn numbers_with_leading_zeros_decode_to_their_entry() {
    for value in ["00", "007", "0"] {
        for format in Format::BUILT_IN {
            for index in 0..100 {
                for checked in every_catalog!(round_trip(index, format, value)) {
                    checked.unwrap();
                }
            }
        }
    }
}
