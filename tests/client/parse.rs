//! Client side: bodies rendered by the server side are read back to the same catalog entry,
//! and malformed bodies give typed errors.

use apierror::format::{GoogleFormat, OneyFormat};
use apierror::parse::{parse, ParseError, ParseOptions, ReceivedBody};
use apierror::{ApiError, Catalog, DynamicError, Format, Renderer, RequestContext, VariantMeta};
use apierror_catalog::{
    omise::OmiseError, oney_payment::PaymentError, vipps_epayment::EpaymentError,
};

use crate::support::TRACE;

/// Sample arguments for every placeholder of `meta`, and a field where the variant takes one.
fn sample(meta: &'static VariantMeta) -> DynamicError {
    let mut args: Vec<(&str, String)> = meta.placeholders().map(|p| (p, "7".to_owned())).collect();
    if meta.field.is_none()
        && meta.fields.contains(&"field")
        && !args.iter().any(|(n, _)| *n == "field")
    {
        args.push(("field", "purchase.sample".to_owned()));
    }
    DynamicError::new(meta, args).expect("sample arguments cover every placeholder")
}

fn render_parse(format: Format, err: &DynamicError) -> (http::Response<Vec<u8>>, ReceivedBody) {
    let ctx = RequestContext::new()
        .with_instance("/v1/things/1")
        .unwrap()
        .with_trace_id(TRACE)
        .unwrap();
    let response = Renderer::new(format).response(format, err, &ctx);
    let content_type = response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_owned();
    let received = parse(
        Some(response.status().as_u16()),
        Some(&content_type),
        response.body(),
        None,
        &ParseOptions::default(),
    )
    .unwrap_or_else(|e| panic!("{} {}: {e}", format, err.code()));
    (response, received)
}

#[test]
fn every_entry_of_every_catalog_round_trips_in_every_format() {
    let mut checked = 0;
    for (name, catalog) in apierror_catalog::all() {
        for meta in catalog.variants {
            let err = sample(meta);
            let message = err.message().to_string();
            for format in Format::BUILT_IN {
                let (response, received) = render_parse(format, &err);
                let what = format!("{name} {} in {format}", meta.name);
                assert_eq!(received.format, format, "{what}");
                // The Oney format cuts codes to 10 characters; lookup finds them by prefix. The
                // Google format sends the code's reason; lookup finds it by its reason.
                let sent: String = match format {
                    Format::Oney => meta.code.chars().take(OneyFormat::CODE_MAX).collect(),
                    Format::Google => GoogleFormat::reason(meta.code),
                    _ => meta.code.to_owned(),
                };
                assert_eq!(received.code.as_deref(), Some(&*sent), "{what}");
                assert_eq!(received.status, Some(response.status().as_u16()), "{what}");
                assert_eq!(received.status, Some(meta.status), "{what}");
                assert_eq!(received.message.as_deref(), Some(&*message), "{what}");
                let found = received.best_match(catalog).unwrap();
                assert_eq!(found.name, meta.name, "{what}");
                assert_eq!(found.code, meta.code, "{what}");
                checked += 1;
            }
        }
    }
    // 44 + 6 + 56 + 17 + 7 + 11 + 4 + 1 + 11 entries, in 5 formats.
    assert_eq!(checked, 157 * 5);
}

/// Every variant of `E` is found again by [`ReceivedBody::lookup`]; returns how many came
/// back typed.
fn typed_round_trip<E: ApiError + core::fmt::Debug>(format: Format) -> usize {
    let catalog: &Catalog = E::catalog();
    let mut typed = 0;
    for meta in catalog.variants {
        let (_, received) = render_parse(format, &sample(meta));
        let found = received.lookup::<E>();
        assert!(found.is_known());
        assert_eq!(found.meta.unwrap().name, meta.name);
        if let Some(value) = found.typed {
            assert_eq!(value.meta().name, meta.name, "{value:?}");
            assert_eq!(value.code(), meta.code);
            typed += 1;
        }
    }
    typed
}

#[test]
fn typed_variants_come_back() {
    assert_eq!(typed_round_trip::<OmiseError>(Format::Omise), 44);
    assert_eq!(typed_round_trip::<EpaymentError>(Format::Vipps), 56);
    assert!(typed_round_trip::<PaymentError>(Format::Oney) >= 10);
}

#[test]
fn typed_value_carries_its_fields() {
    let body = br#"{"language_code":"EN","error_list":[{"error":{"field":"purchase.external_reference_type","error_code":"ERR_02","error_label":"Field size must be less than 128 characters"}}]}"#;
    let received = parse(Some(400), None, body, None, &ParseOptions::default()).unwrap();
    assert_eq!(
        received.lookup::<PaymentError>().typed,
        Some(PaymentError::FieldTooLong {
            field: "purchase.external_reference_type".into(),
            max: 128
        })
    );
}

#[test]
fn unknown_code_is_kept() {
    let body = br#"{"object":"error","location":"x","code":"brand_new","message":"new","extra_member":[1,2]}"#;
    let received = parse(Some(418), None, body, None, &ParseOptions::default()).unwrap();
    assert_eq!(received.code.as_deref(), Some("brand_new"));
    assert_eq!(received.status, Some(418));
    assert_eq!(received.extra["extra_member"], serde_json::json!([1, 2]));
    let found = received.lookup::<OmiseError>();
    assert!(!found.is_known() && found.meta.is_none() && found.typed.is_none());
}

#[test]
fn oney_lists_and_vipps_details_keep_every_entry() {
    let body = r#"{"language_code":"FR","error_list":[
        {"error":{"field":"a","error_code":"ERR_01","error_label":"The field is mandatory"}},
        {"error":{"field":"b","error_code":"ERR_99","error_label":"new","severity":"high"}}]}"#;
    let received = parse(
        None,
        Some("application/json"),
        body.as_bytes(),
        None,
        &ParseOptions::default(),
    )
    .unwrap();
    assert_eq!(received.format, Format::Oney);
    assert_eq!(received.language.as_deref(), Some("FR"));
    assert_eq!(received.entries.len(), 2);
    assert_eq!(received.entries[1].code.as_deref(), Some("ERR_99"));
    assert_eq!(received.entries[1].extra["severity"], "high");
    assert!(received.entries[0].lookup::<PaymentError>().is_known());
    assert!(!received.entries[1].lookup::<PaymentError>().is_known());

    let body = r#"{"type":"https://httpstatuses.io/400","title":"t","status":400,"detail":"d",
        "extraDetails":[{"name":"ErrorCode","reason":"6080"},{"name":"amount","reason":"too big"}],"traceId":"abc","other":true}"#;
    let received = parse(
        None,
        Some("application/problem+json"),
        body.as_bytes(),
        None,
        &ParseOptions::default(),
    )
    .unwrap();
    assert_eq!(received.format, Format::Vipps);
    assert_eq!(received.code.as_deref(), Some("6080"));
    assert_eq!(received.trace_id.as_deref(), Some("abc"));
    assert_eq!(received.status, Some(400));
    assert_eq!(received.entries.len(), 1);
    assert_eq!(received.entries[0].field.as_deref(), Some("amount"));
    assert_eq!(received.entries[0].message.as_deref(), Some("too big"));
    assert_eq!(received.extra["other"], true);
}

fn parse_err(content_type: Option<&str>, body: &[u8]) -> ParseError {
    parse(
        Some(400),
        content_type,
        body,
        None,
        &ParseOptions::default(),
    )
    .unwrap_err()
}

#[test]
fn malformed_bodies_give_typed_errors() {
    assert_eq!(
        parse_err(None, b"not json"),
        ParseError::NotJson {
            message: "expected ident".into(),
            line: 1,
            column: 2,
        }
    );
    assert_eq!(parse_err(None, b"   "), ParseError::Empty);
    assert_eq!(parse_err(None, b"[1,2]"), ParseError::NotAnObject);
    assert_eq!(parse_err(None, br#"{"hello":1}"#), ParseError::UnknownShape);
    assert_eq!(
        parse_err(None, b"{\"object\":\"error\",\"code\":\"x\xff\"}"),
        ParseError::InvalidUtf8 { valid_up_to: 27 }
    );
    assert_eq!(
        parse_err(
            Some("text/html; charset=utf-8"),
            b"<html><body>502 Bad Gateway</body></html>"
        ),
        ParseError::Html
    );
    assert_eq!(
        parse_err(None, b"\n<!DOCTYPE html><html></html>"),
        ParseError::Html
    );
    assert_eq!(
        parse_err(Some("text/plain"), b"{}"),
        ParseError::ContentType("text/plain".into())
    );
}

#[test]
fn wrong_member_types_and_missing_members() {
    let cases: [(&str, ParseError); 7] = [
        (
            r#"{"object":"error","code":7,"message":"m"}"#,
            ParseError::WrongType {
                member: "code".into(),
                expected: "a string",
            },
        ),
        (
            r#"{"object":"error","message":"m"}"#,
            ParseError::Missing {
                format: Format::Omise,
                member: "code".into(),
            },
        ),
        (
            r#"{"type":"about:blank","status":"400"}"#,
            ParseError::WrongType {
                member: "status".into(),
                expected: "an HTTP status (100 to 999)",
            },
        ),
        (
            r#"{"type":"x","extraDetails":{"name":"ErrorCode"}}"#,
            ParseError::WrongType {
                member: "extraDetails".into(),
                expected: "an array",
            },
        ),
        (
            r#"{"type":"x","extraDetails":[{"name":"ErrorCode","reason":6080}]}"#,
            ParseError::WrongType {
                member: "extraDetails[0].reason".into(),
                expected: "a string",
            },
        ),
        (
            r#"{"error_list":[{"error":{"error_label":"x"}}]}"#,
            ParseError::Missing {
                format: Format::Oney,
                member: "error_list[0].error.error_code".into(),
            },
        ),
        (
            r#"{"error_list":[{"error":{"error_code":"E","field":["a"]}}]}"#,
            ParseError::WrongType {
                member: "error_list[0].error.field".into(),
                expected: "a string",
            },
        ),
    ];
    for (body, expected) in cases {
        assert_eq!(parse_err(None, body.as_bytes()), expected, "{body}");
    }
}

#[test]
fn limits_on_size_and_depth() {
    let options = ParseOptions {
        max_bytes: 64,
        max_depth: 4,
    };
    let big = format!(
        r#"{{"object":"error","code":"x","message":"{}"}}"#,
        "a".repeat(100)
    );
    assert_eq!(
        parse(None, None, big.as_bytes(), None, &options),
        Err(ParseError::TooLarge {
            len: big.len(),
            max: 64
        })
    );
    let deep = r#"{"object":"error","code":"x","a":[[[[1]]]]}"#;
    assert_eq!(
        parse(None, None, deep.as_bytes(), None, &options),
        Err(ParseError::TooDeep { max: 4 })
    );
    // Above serde_json's own recursion limit (128), its refusal maps to the same error.
    let options = ParseOptions {
        max_bytes: 1 << 20,
        max_depth: 10_000,
    };
    let deeper = format!(
        r#"{{"object":"error","code":"x","a":{}{}}}"#,
        "[".repeat(200),
        "]".repeat(200)
    );
    assert_eq!(
        parse(None, None, deeper.as_bytes(), None, &options),
        Err(ParseError::TooDeep { max: 128 })
    );
    // The defaults refuse a million opening brackets without recursing.
    let hostile = "[".repeat(1_000_000);
    assert_eq!(
        parse(
            None,
            None,
            hostile.as_bytes(),
            None,
            &ParseOptions::default()
        ),
        Err(ParseError::TooDeep { max: 32 })
    );
}

#[test]
fn named_format_wins_over_detection() {
    let body = br#"{"code":"used_token","message":"token was already used"}"#;
    let received = parse(
        Some(400),
        Some("text/plain"),
        body,
        Some(Format::Omise),
        &ParseOptions::default(),
    )
    .unwrap();
    assert_eq!(received.format, Format::Omise);
    assert_eq!(
        received.lookup::<OmiseError>().typed.map(|e| e.code()),
        Some("used_token")
    );
}
