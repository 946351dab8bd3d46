//! The Stripe format: exact bodies, headers, the reader, the options.

mod common;

use apierror::format::{ParseError, ReadMode, Stripe, StripeType, WireFormat};
use apierror::parse::ReceivedBody;
use apierror::{ApiError, Format};
use common::{answer, body, cart, object, price, ShopError, StoreError, SECRET};
use serde_json::{json, Value};

const JSON: &str = "application/json; charset=utf-8";

#[test]
fn a_4xx_body_exactly() {
    assert_eq!(
        answer(Stripe::new(), &[&ShopError::UsedToken], None),
        (
            400,
            JSON.to_owned(),
            "en".to_owned(),
            r#"{"error":{"type":"invalid_request_error","code":"used_token","message":"token was already used"}}"#.to_owned()
        )
    );
}

#[test]
fn the_type_follows_the_status_as_stripes_libraries_read_it() {
    let cases: [(&dyn ApiError, &str); 5] = [
        (&ShopError::UsedToken, "invalid_request_error"),
        (&cart("7"), "invalid_request_error"),
        (&ShopError::CardDeclined, "card_error"),
        (&ShopError::Unavailable { secs: 3 }, "api_error"),
        (&StoreError::Failed, "api_error"),
    ];
    for (err, kind) in cases {
        let body: Value = serde_json::from_str(&body(Stripe::new(), &[err])).unwrap();
        assert_eq!(body["error"]["type"], kind, "{}", err.code());
    }
}

#[test]
fn a_5xx_body_exactly() {
    assert_eq!(
        answer(Stripe::new(), &[&ShopError::Unavailable { secs: 30 }], None),
        (
            503,
            JSON.to_owned(),
            "en".to_owned(),
            r#"{"error":{"type":"api_error","code":"unavailable","message":"try again in 30 s"}}"#
                .to_owned()
        )
    );
}

#[test]
fn a_5xx_text_from_display_never_reaches_the_wire() {
    let (status, _, _, body) = answer(Stripe::new(), &[&StoreError::Failed], None);
    assert_eq!(status, 500);
    assert_eq!(
        body,
        r#"{"error":{"type":"api_error","code":"store_failed","message":"Internal Server Error"}}"#
    );
    assert!(!body.contains(SECRET));
    assert!(StoreError::Failed.to_string().contains(SECRET));
}

#[test]
fn a_template_value_is_escaped() {
    assert_eq!(
        body(Stripe::new(), &[&cart("a\"b\\c\n")]),
        r#"{"error":{"type":"invalid_request_error","code":"cart_not_found","message":"cart \"a\"b\\c\n\" was not found"}}"#
    );
}

#[test]
fn the_field_is_param_in_bracket_notation() {
    for (field, param) in [
        ("items[0].price", "items[0][price]"),
        ("items.0.price", "items[0][price]"),
        ("card.number", "card[number]"),
        ("amount", "amount"),
        ("a\"b.c", "a\\\"b[c]"),
    ] {
        assert_eq!(
            body(Stripe::new(), &[&price(field)]),
            format!(
                r#"{{"error":{{"type":"invalid_request_error","code":"invalid_price","message":"price must be at least 1","param":"{param}"}}}}"#
            ),
            "{field}"
        );
    }
}

#[test]
fn several_errors_send_the_first() {
    let (status, _, language, body) = answer(
        Stripe::new(),
        &[&ShopError::CardDeclined, &ShopError::UsedToken, &cart("7")],
        Some("ja"),
    );
    assert_eq!(status, 402);
    // Only the first error's text is written: the body is in its language alone.
    assert_eq!(language, "en");
    assert_eq!(
        body,
        r#"{"error":{"type":"card_error","code":"card_declined","message":"your card was declined"}}"#
    );
}

#[test]
fn a_translated_error_says_its_language() {
    let (status, _, language, body) = answer(Stripe::new(), &[&cart("7")], Some("ja-JP, en;q=0.5"));
    assert_eq!((status, language.as_str()), (404, "ja"));
    assert_eq!(
        body,
        r#"{"error":{"type":"invalid_request_error","code":"cart_not_found","message":"カート「7」が見つかりません"}}"#
    );
}

#[test]
fn doc_url_needs_a_base_and_takes_stripes_shape() {
    let stripe = Stripe::new()
        .with_doc_base("https://docs.example.com/errors")
        .unwrap();
    assert_eq!(
        body(stripe.clone(), &[&ShopError::UsedToken]),
        r#"{"error":{"type":"invalid_request_error","code":"used_token","message":"token was already used","doc_url":"https://docs.example.com/errors/used_token"}}"#
    );
    // A code's own URL wins over the base.
    let stripe = stripe
        .with_doc_url_for("used_token", "https://docs.example.com/tokens#used")
        .unwrap();
    let with_field: Value =
        serde_json::from_str(&body(stripe.clone(), &[&price("amount")])).unwrap();
    assert_eq!(
        with_field["error"]["doc_url"],
        "https://docs.example.com/errors/invalid_price"
    );
    assert_eq!(with_field["error"]["param"], "amount");
    assert!(body(stripe, &[&ShopError::UsedToken])
        .ends_with(r#""doc_url":"https://docs.example.com/tokens#used"}}"#));
    // A base with a character that JSON escapes.
    let quoted = Stripe::new().with_doc_base("https://x.test/\"q\"").unwrap();
    let value: Value = serde_json::from_str(&body(quoted, &[&ShopError::UsedToken])).unwrap();
    assert_eq!(value["error"]["doc_url"], "https://x.test/\"q\"/used_token");
}

#[test]
fn bad_urls_are_refused() {
    for url in [
        "",
        "https://x.test/a b",
        "https://x.test/\n",
        &"x".repeat(2049),
    ] {
        assert!(Stripe::new().with_doc_base(url).is_err(), "{url:?}");
        assert!(Stripe::new().with_doc_url_for("c", url).is_err(), "{url:?}");
    }
}

#[test]
fn a_variant_may_be_sent_with_another_type() {
    // A card error sent with 400, as Stripe does for some card checks, and an idempotency
    // error: `type` then decides the client's exception.
    let stripe = Stripe::new()
        .with_type_for("used_token", StripeType::IdempotencyError)
        .with_type_for("invalid_price", StripeType::CardError);
    let token: Value =
        serde_json::from_str(&body(stripe.clone(), &[&ShopError::UsedToken])).unwrap();
    assert_eq!(token["error"]["type"], "idempotency_error");
    let (status, _, _, body) = answer(stripe.clone(), &[&price("card.cvc")], None);
    assert_eq!(status, 422);
    assert!(body.starts_with(r#"{"error":{"type":"card_error","code":"invalid_price""#));
    // The last word on a code counts.
    let again = stripe.with_type_for("used_token", StripeType::ApiError);
    assert_eq!(
        again.error_type(&ShopError::UsedToken),
        StripeType::ApiError
    );
}

#[test]
fn the_view_writes_the_same_bytes() {
    let stripe = Stripe::new()
        .with_doc_base("https://docs.example.com/errors")
        .unwrap()
        .with_doc_url_for("card_declined", "https://docs.example.com/cards")
        .unwrap();
    let cases: [&[&dyn ApiError]; 6] = [
        &[&ShopError::UsedToken],
        &[&cart("a\"b")],
        &[&price("items.0.price")],
        &[&StoreError::Failed],
        &[&ShopError::CardDeclined, &ShopError::UsedToken],
        &[],
    ];
    common::assert_views_write_the_bodies(stripe.clone(), &cases);
}

#[test]
fn the_reader_reads_what_the_writer_wrote() {
    let stripe = Stripe::new()
        .with_doc_base("https://docs.example.com/errors")
        .unwrap();
    let sent = body(stripe.clone(), &[&price("items[0].price")]);
    let received = common::parse(JSON, &sent);
    let mut expected = ReceivedBody::new(Format::named("stripe"));
    expected.code = Some("invalid_price".into());
    expected.message = Some("price must be at least 1".into());
    expected.field = Some("items[0].price".into());
    expected.location = Some("https://docs.example.com/errors/invalid_price".into());
    expected.extra = object(json!({"type": "invalid_request_error"}));
    assert_eq!(received, expected);
    // And the typed value comes back, field and all.
    let decoded = common::decode::<ShopError>(422, JSON, &sent);
    assert_eq!(decoded.typed(), Some(&price("items[0].price")));
}

#[test]
fn the_reader_keeps_stripes_other_members() {
    let sent = json!({"error": {
        "type": "card_error", "code": "card_declined", "decline_code": "insufficient_funds",
        "message": "Your card has insufficient funds.", "param": "card[number]",
        "doc_url": "https://stripe.com/docs/error-codes/card-declined",
        "request_log_url": "https://dashboard.stripe.com/logs/req_1"
    }, "beside": 1});
    let received = Stripe::new().read(object(sent), ReadMode::Strict).unwrap();
    assert_eq!(received.code.as_deref(), Some("card_declined"));
    assert_eq!(received.field.as_deref(), Some("card.number"));
    assert_eq!(received.extra["decline_code"], "insufficient_funds");
    assert_eq!(
        received.extra["request_log_url"],
        "https://dashboard.stripe.com/logs/req_1"
    );
    assert_eq!(received.extra["type"], "card_error");
    assert_eq!(received.extra["beside"], 1);
}

#[test]
fn strict_reading_requires_the_error_and_its_type() {
    let stripe = Stripe::new();
    let missing = |member: &str| ParseError::Missing {
        format: Format::named("stripe"),
        member: member.to_owned(),
    };
    assert_eq!(
        stripe.read(object(json!({})), ReadMode::Strict),
        Err(missing("error"))
    );
    assert_eq!(
        stripe.read(object(json!({"error": {"code": "c"}})), ReadMode::Strict),
        Err(missing("error.type"))
    );
    assert_eq!(
        stripe.read(
            object(json!({"error": {"type": "api_error", "code": 7}})),
            ReadMode::Strict
        ),
        Err(ParseError::WrongType {
            member: "error.code".into(),
            expected: "a string"
        })
    );
    assert_eq!(
        stripe.read(object(json!({"error": "boom"})), ReadMode::Strict),
        Err(ParseError::WrongType {
            member: "error".into(),
            expected: "an object"
        })
    );
}

#[test]
fn lenient_reading_takes_what_it_can() {
    let stripe = Stripe::new();
    let received = stripe
        .read(
            object(json!({"error": {"code": 7, "message": ["x"]}})),
            ReadMode::Lenient,
        )
        .unwrap();
    assert_eq!(received.code.as_deref(), Some("7"));
    assert_eq!(received.message, None);
    assert_eq!(received.extra["message"], json!(["x"]));
    let empty = stripe
        .read(object(json!({"other": true})), ReadMode::Lenient)
        .unwrap();
    assert_eq!(empty.code, None);
    assert_eq!(empty.extra["other"], true);
    // Member names with stray spaces read under their trimmed names, as the built-ins'.
    let spaced = stripe
        .read(
            object(json!({"error ": {" code": "card_declined", "type": "card_error"}})),
            ReadMode::Lenient,
        )
        .unwrap();
    assert_eq!(spaced.code.as_deref(), Some("card_declined"));
    assert_eq!(spaced.extra["type"], "card_error");
}

#[test]
fn detection() {
    use apierror::format::Confidence;
    let stripe = Stripe::new();
    let detect = |value: Value| stripe.detect(&object(value), "application/json");
    assert_eq!(
        detect(json!({"error": {"type": "card_error"}})),
        Confidence::CERTAIN
    );
    assert_eq!(
        detect(json!({"error": {"type": "rate_limit_error"}})),
        Confidence::CERTAIN
    );
    assert_eq!(
        detect(json!({"error": {"type": "brand_new_error"}})),
        Confidence::MEMBERS
    );
    assert_eq!(
        detect(json!({"error": {"code": "x", "message": "y"}})),
        Confidence::NONE
    );
    assert_eq!(
        detect(json!({"error": {"code": 404, "status": "NOT_FOUND"}})),
        Confidence::NONE
    );
    assert_eq!(detect(json!({"type": "card_error"})), Confidence::NONE);
}

#[test]
fn headers_and_names() {
    let stripe = Stripe::new();
    assert_eq!(stripe.name(), "stripe");
    assert_eq!(stripe.media_type(), "application/json");
    assert_eq!(stripe.content_type(), JSON);
    assert_eq!(stripe.schema_name(), "StripeError");
    let res = common::renderer(Stripe::new()).response(
        Format::named("stripe"),
        &ShopError::UsedToken,
        &apierror::RequestContext::new(),
    );
    let names: Vec<&str> = res.headers().keys().map(|k| k.as_str()).collect();
    assert_eq!(names, ["content-type", "content-language"]);
}
