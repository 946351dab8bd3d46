//! Validation failures, as properties: any `validator::ValidationErrors` (random nesting,
//! codes, limits, messages, member names with the characters JSON, pointers, brackets and
//! dotted paths escape) renders in every format, the shipped three included, as valid JSON
//! whose field paths read back to the violations' paths; and thousands of invalid fields
//! give a bounded body that says how many were left out.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use apierror::format::{JsonApi, Microsoft, Stripe};
use apierror::parse::{DecodeOptions, Decoder};
use apierror::validation::ValidationFailure;
use apierror::{FieldPath, Format, Notation, Renderer, RequestContext, MAX_VIOLATIONS};
use proptest::prelude::*;
use proptest::test_runner::Config;
use validator::{ValidationError, ValidationErrors, ValidationErrorsKind};

/// Every format the project ships, and how each writes a path as its reader gives it back.
const FORMATS: [(Format, Notation); 8] = [
    (Format::Omise, Notation::Dotted),
    (Format::Problem, Notation::Pointer),
    (Format::Vipps, Notation::Dotted),
    (Format::Oney, Notation::Dotted),
    (Format::Google, Notation::Dotted),
    (Format::named("stripe"), Notation::Dotted),
    (Format::named("jsonapi"), Notation::Dotted),
    (Format::named("microsoft"), Notation::Dotted),
];

fn formats() -> (Renderer, Decoder) {
    let renderer = Renderer::all_built_in(Format::Problem)
        .with_configured_format(Stripe::new())
        .and_then(|r| r.with_format(JsonApi::new()))
        .and_then(|r| r.with_configured_format(Microsoft::new()))
        .expect("free names");
    let decoder = Decoder::new()
        .with_format(Stripe::new())
        .and_then(|d| d.with_format(JsonApi::new()))
        .and_then(|d| d.with_format(Microsoft::new()))
        .expect("free names");
    (renderer, decoder)
}

/// A member name: letters, and the characters each notation must escape.
fn name() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[a-zA-Z0-9_~/\"\\\\.\\[\\]% \u{1}\u{1f}éก]{1,6}")
        .unwrap()
        .prop_filter(
            "not validator's struct-level key, nor digits a pointer reads as an index",
            |n| n != "__all__" && !n.bytes().all(|b| b.is_ascii_digit()),
        )
}

fn error() -> impl Strategy<Value = ValidationError> {
    let code = prop_oneof![
        Just(Cow::Borrowed("length")),
        Just(Cow::Borrowed("range")),
        Just(Cow::Borrowed("email")),
        Just(Cow::Borrowed("required")),
        "[a-z_]{1,12}".prop_map(Cow::Owned),
    ];
    let limit = || proptest::option::of(0u64..1000);
    let message = proptest::option::of("[a-zA-Z \"\\\\<>]{0,12}");
    (code, limit(), limit(), message).prop_map(|(code, min, max, message)| {
        let mut params = HashMap::new();
        if let Some(min) = min {
            params.insert(Cow::Borrowed("min"), serde_json::json!(min));
        }
        if let Some(max) = max {
            params.insert(Cow::Borrowed("max"), serde_json::json!(max));
        }
        // The request's own value, which no body may carry.
        params.insert(Cow::Borrowed("value"), serde_json::json!("SECRET-VALUE"));
        ValidationError {
            code,
            message: message.map(Cow::Owned),
            params,
        }
    })
}

fn errors() -> impl Strategy<Value = ValidationErrors> {
    let leaf = proptest::collection::vec(error(), 1..3).prop_map(ValidationErrorsKind::Field);
    let kind = leaf.prop_recursive(3, 12, 3, |inner| {
        prop_oneof![
            proptest::collection::hash_map(name(), inner.clone(), 1..3)
                .prop_map(|members| { ValidationErrorsKind::Struct(Box::new(errors_of(members))) }),
            proptest::collection::btree_map(0usize..20, inner, 1..3).prop_map(|items| {
                let items: BTreeMap<usize, Box<ValidationErrors>> = items
                    .into_iter()
                    .map(|(i, kind)| {
                        (
                            i,
                            Box::new(errors_of(HashMap::from([(String::from("x"), kind)]))),
                        )
                    })
                    .collect();
                ValidationErrorsKind::List(items)
            }),
        ]
    });
    proptest::collection::hash_map(name(), kind, 1..4).prop_map(errors_of)
}

fn errors_of(members: HashMap<String, ValidationErrorsKind>) -> ValidationErrors {
    ValidationErrors(
        members
            .into_iter()
            .map(|(name, kind)| (Cow::Owned(name), kind))
            .collect(),
    )
}

proptest! {
    #![proptest_config(Config { cases: 256, ..Config::default() })]

    #[test]
    fn every_format_writes_json_whose_paths_read_back(errors in errors()) {
        let failure = ValidationFailure::from(&errors);
        prop_assert!(!failure.list().is_empty());
        let paths: Vec<&FieldPath> = failure.list().iter().map(|v| v.path()).collect();
        let (renderer, decoder) = formats();
        for (format, notation) in FORMATS {
            let res = renderer.response(format, &failure, &RequestContext::new());
            let text = String::from_utf8(res.body().clone()).expect("UTF-8");
            serde_json::from_str::<serde_json::Value>(&text).expect("valid JSON");
            prop_assert!(!text.contains("SECRET-VALUE"), "{format:?}: {text}");
            let decoded = decoder.decode_response(
                res.status().as_u16(),
                res.headers(),
                res.body(),
                &DecodeOptions::default(),
            );
            let body = decoded.body.expect("read back");
            prop_assert_eq!(body.format, format);
            let read = |field: Option<&str>| field.and_then(|f| FieldPath::parse(f, notation));
            match format.name() {
                // One error: the first violation, its path at the head of the message.
                "omise" => {
                    let first = paths[0].display(Notation::Dotted).to_string();
                    let message = body.message.unwrap_or_default();
                    prop_assert!(message.starts_with(&first), "{message} / {first}");
                }
                "stripe" => {
                    let field = read(body.field.as_deref());
                    prop_assert_eq!(field.as_ref(), Some(paths[0]));
                }
                _ => {
                    let fields: Vec<Option<FieldPath>> =
                        body.entries.iter().map(|e| read(e.field.as_deref())).collect();
                    let expected: Vec<Option<FieldPath>> =
                        paths.iter().map(|p| Some((*p).clone())).collect();
                    prop_assert_eq!(fields, expected, "{:?}: {}", format, text);
                }
            }
        }
    }
}

#[test]
fn thousands_of_invalid_fields_give_a_bounded_body() {
    let mut members = HashMap::new();
    for i in 0..5000 {
        let error = ValidationError::new("required");
        members.insert(
            format!("field{i:04}"),
            ValidationErrorsKind::Field(vec![error]),
        );
    }
    let failure = ValidationFailure::from(&errors_of(members));
    assert_eq!(failure.list().len(), MAX_VIOLATIONS);
    assert_eq!(failure.omitted(), 5000 - MAX_VIOLATIONS);
    let (renderer, _) = formats();
    for (format, _) in FORMATS {
        let res = renderer.response(format, &failure, &RequestContext::new());
        assert!(
            res.body().len() < 16 * 1024,
            "{format:?}: {} bytes",
            res.body().len()
        );
        let text = std::str::from_utf8(res.body()).unwrap();
        match format.name() {
            "problem" => assert!(text.ends_with(r#","errors_omitted":4900}"#), "{text}"),
            "jsonapi" => assert!(text.ends_with(r#","meta":{"omitted":4900}}"#), "{text}"),
            _ => {}
        }
    }
}
