//! The Microsoft REST API guidelines format: exact bodies, `x-ms-error-code`, the reader.

mod common;

use apierror::format::{Carries, Confidence, Microsoft, ParseError, ReadMode, WireFormat};
use apierror::{ApiError, Format, RequestContext};
use common::{answer, body, cart, object, price, ShopError, SoldOut, StoreError, SECRET};
use serde_json::{json, Value};

const JSON: &str = "application/json; charset=utf-8";

/// The `x-ms-error-code` header of the response to `errors`.
fn error_code_header(errors: &[&dyn ApiError]) -> String {
    let res = common::renderer(Microsoft::new()).response_all(
        Format::named("microsoft"),
        errors,
        &RequestContext::new(),
    );
    res.headers()["x-ms-error-code"]
        .to_str()
        .unwrap()
        .to_owned()
}

#[test]
fn a_4xx_body_exactly() {
    assert_eq!(
        answer(Microsoft::new(), &[&ShopError::UsedToken], None),
        (
            400,
            JSON.to_owned(),
            "en".to_owned(),
            r#"{"error":{"code":"used_token","message":"token was already used"}}"#.to_owned()
        )
    );
    assert_eq!(error_code_header(&[&ShopError::UsedToken]), "used_token");
}

#[test]
fn a_5xx_body_exactly() {
    assert_eq!(
        body(Microsoft::new(), &[&ShopError::Unavailable { secs: 30 }]),
        r#"{"error":{"code":"unavailable","message":"try again in 30 s"}}"#
    );
    let (status, _, _, body) = answer(Microsoft::new(), &[&StoreError::Failed], None);
    assert_eq!(status, 500);
    assert_eq!(
        body,
        r#"{"error":{"code":"store_failed","message":"Internal Server Error"}}"#
    );
    assert!(!body.contains(SECRET));
    assert_eq!(error_code_header(&[&StoreError::Failed]), "store_failed");
}

#[test]
fn a_template_value_is_escaped() {
    assert_eq!(
        body(Microsoft::new(), &[&cart("a\"b\\c\n")]),
        r#"{"error":{"code":"cart_not_found","message":"cart \"a\"b\\c\n\" was not found"}}"#
    );
}

#[test]
fn the_field_is_the_target_as_written() {
    for (field, target) in [
        ("items[0].price", "items[0].price"),
        ("amount", "amount"),
        ("a\"b", "a\\\"b"),
    ] {
        assert_eq!(
            body(Microsoft::new(), &[&price(field)]),
            format!(
                r#"{{"error":{{"code":"invalid_price","message":"price must be at least 1","target":"{target}"}}}}"#
            ),
        );
    }
}

#[test]
fn several_errors_put_the_first_on_top_and_all_in_details() {
    let errors: [&dyn ApiError; 3] = [&price("amount"), &ShopError::UsedToken, &cart("7")];
    let (status, _, _, body) = answer(Microsoft::new(), &errors, None);
    assert_eq!(status, 422);
    assert_eq!(
        body,
        concat!(
            r#"{"error":{"code":"invalid_price","message":"price must be at least 1","target":"amount","details":["#,
            r#"{"code":"invalid_price","message":"price must be at least 1","target":"amount"},"#,
            r#"{"code":"used_token","message":"token was already used"},"#,
            r#"{"code":"cart_not_found","message":"cart \"7\" was not found"}"#,
            r#"]}}"#
        )
    );
    assert_eq!(error_code_header(&errors), "invalid_price");
}

#[test]
fn translated_errors_say_their_languages() {
    let (status, _, language, body) = answer(Microsoft::new(), &[&cart("7")], Some("ja"));
    assert_eq!((status, language.as_str()), (404, "ja"));
    assert_eq!(
        body,
        r#"{"error":{"code":"cart_not_found","message":"カート「7」が見つかりません"}}"#
    );
    let (_, _, language, body) = answer(
        Microsoft::new(),
        &[&SoldOut, &ShopError::UsedToken],
        Some("ja"),
    );
    assert_eq!(language, "ja, en");
    assert!(body.starts_with(r#"{"error":{"code":"sold_out","message":"在庫切れです","details":["#));
}

#[test]
fn the_view_writes_the_same_bytes() {
    let cases: [&[&dyn ApiError]; 5] = [
        &[&ShopError::UsedToken],
        &[&cart("a\"b"), &price("items.0.price")],
        &[&price("x")],
        &[&StoreError::Failed, &ShopError::UsedToken],
        &[],
    ];
    common::assert_views_write_the_bodies(Microsoft::new(), &cases);
}

#[test]
fn the_reader_reads_the_top_and_every_detail() {
    let sent = body(Microsoft::new(), &[&price("items[0].price"), &cart("7")]);
    let received = common::parse(JSON, &sent);
    assert_eq!(received.format, Format::named("microsoft"));
    assert_eq!(received.code.as_deref(), Some("invalid_price"));
    assert_eq!(
        received.message.as_deref(),
        Some("price must be at least 1")
    );
    assert_eq!(received.field.as_deref(), Some("items[0].price"));
    let codes: Vec<_> = received
        .entries
        .iter()
        .map(|e| e.code.as_deref().unwrap())
        .collect();
    assert_eq!(codes, ["invalid_price", "cart_not_found"]);
    assert_eq!(received.entries[0].field.as_deref(), Some("items[0].price"));
    assert!(received.extra.is_empty());
    let decoded = common::decode::<ShopError>(422, JSON, &sent);
    assert_eq!(decoded.typed(), Some(&price("items[0].price")));
}

#[test]
fn the_reader_keeps_innererror_and_the_rest() {
    let sent = json!({"error": {
        "code": "BadArgument", "message": "Multiple errors in ContactInfo data", "target": "ContactInfo",
        "details": [{"code": "NullValue", "target": "PhoneNumber", "message": "Phone number must not be null"}],
        "innererror": {"code": "PasswordError", "innererror": {"code": "PasswordDoesNotMeetPolicy"}}
    }});
    let received = Microsoft::new()
        .read(object(sent), ReadMode::Strict)
        .unwrap();
    assert_eq!(received.field.as_deref(), Some("ContactInfo"));
    assert_eq!(received.entries[0].field.as_deref(), Some("PhoneNumber"));
    assert_eq!(received.extra["innererror"]["code"], "PasswordError");
}

#[test]
fn strict_reading_requires_code_and_message() {
    let microsoft = Microsoft::new();
    let missing = |member: &str| {
        Err(ParseError::Missing {
            format: Format::named("microsoft"),
            member: member.to_owned(),
        })
    };
    assert_eq!(
        microsoft.read(object(json!({})), ReadMode::Strict),
        missing("error")
    );
    assert_eq!(
        microsoft.read(object(json!({"error": {"code": "X"}})), ReadMode::Strict),
        missing("error.message")
    );
    assert_eq!(
        microsoft.read(
            object(json!({"error": {"code": "X", "message": "m", "details": [{"code": "Y"}]}})),
            ReadMode::Strict
        ),
        missing("error.details[0].message")
    );
    let lenient = microsoft
        .read(
            object(json!({"error": {"code": "X", "details": [1, {"code": "Y"}]}})),
            ReadMode::Lenient,
        )
        .unwrap();
    assert_eq!(lenient.message, None);
    assert_eq!(lenient.entries.len(), 1);
}

#[test]
fn detection() {
    let microsoft = Microsoft::new();
    let detect = |value: Value| microsoft.detect(&object(value), "application/json");
    assert_eq!(
        detect(json!({"error": {"code": "X", "message": "m"}})),
        Confidence::MEMBERS
    );
    assert_eq!(
        detect(json!({"error": {"code": "X", "message": "m", "target": "t"}})),
        Confidence::CERTAIN
    );
    assert_eq!(
        detect(
            json!({"error": {"code": "X", "message": "m", "details": [{"code": "Y", "message": "n"}]}})
        ),
        Confidence::CERTAIN
    );
    assert_eq!(
        detect(json!({"error": {"code": "X", "message": "m", "innerError": {"date": "d"}}})),
        Confidence::CERTAIN
    );
    assert_eq!(detect(json!({"error": {"code": "X"}})), Confidence::SHAPE);
    // Google's numeric code, Stripe's `type`.
    assert_eq!(
        detect(json!({"error": {"code": 404, "message": "m", "status": "NOT_FOUND"}})),
        Confidence::NONE
    );
    assert_eq!(
        detect(json!({"error": {"type": "card_error", "code": "card_declined", "message": "m"}})),
        Confidence::SHAPE
    );
    assert_eq!(
        detect(
            json!({"error": {"code": "X", "message": "m", "details": [{"@type": "t", "code": "Y"}]}})
        ),
        Confidence::MEMBERS
    );
}

#[test]
fn headers_and_names() {
    let microsoft = Microsoft::new();
    assert_eq!(microsoft.name(), "microsoft");
    assert_eq!(microsoft.media_type(), "application/json");
    assert_eq!(microsoft.content_type(), JSON);
    assert_eq!(microsoft.carries(), Carries::LIST);
    assert_eq!(microsoft.schema_name(), "MicrosoftError");
    let res = common::renderer(Microsoft::new()).response(
        Format::named("microsoft"),
        &ShopError::UsedToken,
        &RequestContext::new(),
    );
    let names: Vec<&str> = res.headers().keys().map(|k| k.as_str()).collect();
    assert_eq!(
        names,
        ["content-type", "content-language", "x-ms-error-code"]
    );
}
