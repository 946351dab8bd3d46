//! Detection, as a property: with every format registered in one decoder, any body of any
//! shipped catalog entry, in any format, decodes as its own format and to its own typed
//! value, fields and all, never another format's reading or another variant.

use crate::support::samples::typed;
use apierror::format::WireFormat;
use apierror::parse::{DecodeOptions, Decoded, Decoder};
use apierror::{ApiError, Format, Renderer, RequestContext};
use proptest::prelude::*;
use proptest::test_runner::Config;

/// Every format the project ships, each registered where it is not a built-in.
fn formats() -> (Renderer, Decoder) {
    let renderer = Renderer::all_built_in(Format::Omise);
    let decoder = Decoder::new();
    (renderer, decoder)
}

/// Renders every entry of `E`'s catalog that rebuilds from `value` in every format, decodes
/// it with every format registered, and checks the format read and the typed value.
fn every_entry_reads_back<E>(value: &str) -> Result<usize, TestCaseError>
where
    E: ApiError + PartialEq + core::fmt::Debug,
{
    let (renderer, decoder) = formats();
    let names: Vec<Format> = renderer
        .formats()
        .map(|f: &dyn WireFormat| Format::of(f))
        .collect();
    let mut checked = 0;
    for meta in E::catalog().variants {
        // A numeric field reads text only where it is a number: both are tried.
        let Some((expected, _)) = typed::<E>(meta, &[value, "7"], &format!("purchase.{value}"))
        else {
            continue;
        };
        for &format in &names {
            let response = renderer.response(format, &expected, &RequestContext::new());
            let decoded = decoder.decode::<E>(
                response.status().as_u16(),
                response.headers(),
                response.body(),
                &DecodeOptions::default(),
            );
            prop_assert_eq!(
                decoded.response().format(),
                Some(format),
                "{} read as another format: {}",
                meta.name,
                String::from_utf8_lossy(response.body())
            );
            // A format with no place for the field (Omise's object, a plain problem) cannot
            // give back a variant whose field is a value: that variant is still read as
            // itself, by its code and message.
            let field = expected.field().map(|f| f.to_string());
            let body = String::from_utf8_lossy(response.body());
            let field_lost = field.is_some_and(|f| !body.contains(&f));
            match decoded {
                Decoded::Typed { error, .. } => {
                    prop_assert_eq!(&error, &expected, "{} in {}", meta.name, format)
                }
                Decoded::Unrecognised(response) if field_lost => {
                    prop_assert_eq!(
                        response.meta.map(|m| m.name),
                        Some(meta.name),
                        "{} in {}",
                        meta.name,
                        format
                    );
                }
                Decoded::Unrecognised(response) => {
                    return Err(TestCaseError::fail(format!(
                        "{} in {format} not typed: {:?}",
                        meta.name, response.body
                    )))
                }
            }
            checked += 1;
        }
    }
    Ok(checked)
}

proptest! {
    #![proptest_config(Config::with_cases(24))]

    #[test]
    fn every_body_decodes_as_its_own_format_and_value(value in "[a-z][a-z0-9]{0,11}") {
        let mut checked = 0;
        for result in every_catalog!(every_entry_reads_back(&value)) {
            checked += result?;
        }
        // Every catalog has entries that rebuild: the property is not vacuous.
        prop_assert!(checked > 100, "only {} bodies checked", checked);
    }
}
