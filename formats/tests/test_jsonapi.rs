//! The JSON:API format: exact documents, headers, the response status of a list, the
//! reader.

mod common;

use apierror::format::{Carries, Confidence, JsonApi, ParseError, ReadMode, WireFormat};
use apierror::parse::ReceivedEntry;
use apierror::{ApiError, Format, RequestContext};
use common::{answer, body, cart, object, price, ShopError, SoldOut, StoreError, SECRET};
use serde_json::{json, Value};

const MEDIA_TYPE: &str = "application/vnd.api+json";

#[test]
fn a_4xx_document_exactly() {
    assert_eq!(
        answer(JsonApi::new(), &[&ShopError::UsedToken], None),
        (
            400,
            MEDIA_TYPE.to_owned(),
            "en".to_owned(),
            r#"{"errors":[{"status":"400","code":"used_token","title":"Used Token","detail":"token was already used"}]}"#.to_owned()
        )
    );
}

#[test]
fn a_5xx_document_exactly() {
    assert_eq!(
        answer(
            JsonApi::new(),
            &[&ShopError::Unavailable { secs: 30 }],
            None
        )
        .3,
        r#"{"errors":[{"status":"503","code":"unavailable","title":"Unavailable","detail":"try again in 30 s"}]}"#
    );
    let (status, _, _, body) = answer(JsonApi::new(), &[&StoreError::Failed], None);
    assert_eq!(status, 500);
    assert_eq!(
        body,
        r#"{"errors":[{"status":"500","code":"store_failed","title":"Failed","detail":"Internal Server Error"}]}"#
    );
    assert!(!body.contains(SECRET));
}

#[test]
fn a_template_value_is_escaped() {
    assert_eq!(
        body(JsonApi::new(), &[&cart("a\"b\\c\n")]),
        r#"{"errors":[{"status":"404","code":"cart_not_found","title":"Cart Not Found","detail":"cart \"a\"b\\c\n\" was not found"}]}"#
    );
}

#[test]
fn the_field_is_a_pointer_into_the_request_document() {
    for (field, pointer) in [
        ("name", "/data/attributes/name"),
        ("items[0].price", "/data/attributes/items/0/price"),
        ("items.0.price", "/data/attributes/items/0/price"),
        ("a/b~c", "/data/attributes/a~1b~0c"),
        ("quote\"d", "/data/attributes/quote\\\"d"),
        ("/data/relationships/author", "/data/relationships/author"),
    ] {
        assert_eq!(
            body(JsonApi::new(), &[&price(field)]),
            format!(
                r#"{{"errors":[{{"status":"422","code":"invalid_price","title":"Invalid Price","detail":"price must be at least 1","source":{{"pointer":"{pointer}"}}}}]}}"#
            ),
            "{field}"
        );
    }
    let bare = JsonApi::new().with_pointer_prefix("");
    assert!(
        body(bare, &[&price("items[2].sku")]).contains(r#""source":{"pointer":"/items/2/sku"}"#)
    );
}

#[test]
fn several_errors_each_keep_their_status() {
    let errors: [&dyn ApiError; 3] = [
        &price("name"),
        &ShopError::UsedToken,
        &ShopError::Unavailable { secs: 1 },
    ];
    let (status, content_type, language, body) = answer(JsonApi::new(), &errors, None);
    assert_eq!(content_type, MEDIA_TYPE);
    assert_eq!(language, "en");
    assert_eq!(
        body,
        concat!(
            r#"{"errors":["#,
            r#"{"status":"422","code":"invalid_price","title":"Invalid Price","detail":"price must be at least 1","source":{"pointer":"/data/attributes/name"}},"#,
            r#"{"status":"400","code":"used_token","title":"Used Token","detail":"token was already used"},"#,
            r#"{"status":"503","code":"unavailable","title":"Unavailable","detail":"try again in 1 s"}"#,
            r#"]}"#
        )
    );
    // The response carries the most generally applicable status, as the specification asks.
    assert_eq!(status, 500);
    assert_eq!(JsonApi::response_status(&errors), 500);
    assert_eq!(JsonApi::response_status(&errors[..2]), 400);
    assert_eq!(JsonApi::response_status(&errors[..1]), 422);
}

#[test]
fn translated_errors_and_titles_say_their_languages() {
    let (status, _, language, body) = answer(JsonApi::new(), &[&cart("7")], Some("ja"));
    assert_eq!((status, language.as_str()), (404, "ja"));
    assert_eq!(
        body,
        r#"{"errors":[{"status":"404","code":"cart_not_found","title":"カートが見つかりません","detail":"カート「7」が見つかりません"}]}"#
    );
    // A list is in the language every error has: English here, the Japanese unused.
    let (_, _, language, body) = answer(
        JsonApi::new(),
        &[&cart("7"), &ShopError::UsedToken],
        Some("ja"),
    );
    assert_eq!(language, "en");
    assert!(body.contains(r#""title":"Cart Not Found","detail":"cart \"7\" was not found""#));
    // Errors that share no language are each in their own, and the header names both.
    let (_, _, language, body) = answer(JsonApi::new(), &[&SoldOut, &ShopError::UsedToken], None);
    assert_eq!(language, "ja, en");
    assert_eq!(
        body,
        r#"{"errors":[{"status":"409","code":"sold_out","title":"売り切れ","detail":"在庫切れです"},{"status":"400","code":"used_token","title":"Used Token","detail":"token was already used"}]}"#
    );
}

#[test]
fn the_view_writes_the_same_bytes() {
    let cases: [&[&dyn ApiError]; 6] = [
        &[&ShopError::UsedToken],
        &[&cart("a\"b"), &price("items.0.price")],
        &[&price("/data/relationships/x")],
        &[&StoreError::Failed],
        &[&SoldOut, &cart("7")],
        &[],
    ];
    common::assert_views_write_the_bodies(JsonApi::new(), &cases);
}

fn entry(code: &str, field: Option<&str>, message: &str, extra: Value) -> ReceivedEntry {
    let mut entry = ReceivedEntry::default();
    entry.code = Some(code.into());
    entry.field = field.map(str::to_owned);
    entry.message = Some(message.into());
    entry.extra = object(extra);
    entry
}

#[test]
fn the_reader_reads_every_entry() {
    let sent = body(JsonApi::new(), &[&price("items[0].price"), &cart("7")]);
    let received = common::parse(MEDIA_TYPE, &sent);
    assert_eq!(received.format, Format::named("jsonapi"));
    assert_eq!(received.status, Some(422));
    assert_eq!(received.code.as_deref(), Some("invalid_price"));
    assert_eq!(received.title.as_deref(), Some("Invalid Price"));
    assert_eq!(received.field.as_deref(), Some("items[0].price"));
    assert_eq!(
        received.entries,
        [
            entry(
                "invalid_price",
                Some("items[0].price"),
                "price must be at least 1",
                json!({"status": "422", "title": "Invalid Price"})
            ),
            entry(
                "cart_not_found",
                None,
                "cart \"7\" was not found",
                json!({"status": "404", "title": "Cart Not Found"})
            ),
        ]
    );
    let decoded = common::decode::<ShopError>(400, MEDIA_TYPE, &sent);
    assert_eq!(decoded.typed(), Some(&price("items[0].price")));
    // Each entry looks itself up.
    assert_eq!(
        received.entries[1].lookup::<ShopError>().typed,
        Some(cart("7"))
    );
}

#[test]
fn the_reader_keeps_the_rest() {
    let sent = json!({
        "jsonapi": {"version": "1.1"},
        "errors": [{"id": "e1", "status": "403", "detail": "no", "source": {"parameter": "include", "header": "X"}, "meta": {"k": 1}}],
    });
    let received = JsonApi::new().read(object(sent), ReadMode::Strict).unwrap();
    assert_eq!(received.code, None);
    assert_eq!(received.field.as_deref(), Some("include"));
    assert_eq!(received.extra["jsonapi"]["version"], "1.1");
    let extra = &received.entries[0].extra;
    assert_eq!(extra["id"], "e1");
    assert_eq!(extra["meta"]["k"], 1);
    assert_eq!(extra["source"], json!({"header": "X"}));
}

#[test]
fn strict_reading_checks_the_document() {
    let jsonapi = JsonApi::new();
    assert_eq!(
        jsonapi.read(object(json!({"data": null})), ReadMode::Strict),
        Err(ParseError::Missing {
            format: Format::named("jsonapi"),
            member: "errors".into()
        })
    );
    assert_eq!(
        jsonapi.read(
            object(json!({"errors": [{"status": 400}]})),
            ReadMode::Strict
        ),
        Err(ParseError::WrongType {
            member: "errors[0].status".into(),
            expected: "a string"
        })
    );
    assert_eq!(
        jsonapi.read(
            object(json!({"errors": [{"code": "a"}, 7]})),
            ReadMode::Strict
        ),
        Err(ParseError::WrongType {
            member: "errors[1]".into(),
            expected: "an object"
        })
    );
    assert_eq!(
        jsonapi.read(
            object(json!({"errors": [{"source": {"pointer": 1}}]})),
            ReadMode::Strict
        ),
        Err(ParseError::WrongType {
            member: "errors[0].source.pointer".into(),
            expected: "a string"
        })
    );
}

#[test]
fn lenient_reading_takes_what_it_can() {
    let received = JsonApi::new()
        .read(
            object(json!({"errors": [7, {"status": 409, "code": "taken", "source": []}]})),
            ReadMode::Lenient,
        )
        .unwrap();
    assert_eq!(received.entries.len(), 1);
    assert_eq!(received.status, Some(409));
    assert_eq!(received.code.as_deref(), Some("taken"));
    assert_eq!(received.entries[0].extra["source"], json!([]));
}

#[test]
fn detection() {
    let jsonapi = JsonApi::new();
    let detect = |value: Value, media_type: &str| jsonapi.detect(&object(value), media_type);
    let doc = json!({"errors": [{"status": "400", "code": "x"}]});
    assert_eq!(detect(doc.clone(), ""), Confidence::CERTAIN);
    assert_eq!(detect(doc, MEDIA_TYPE), Confidence::CERTAIN);
    // A GraphQL error list, or a problem's `errors` extension, only could be.
    let graphql = json!({"errors": [{"message": "x", "locations": []}]});
    assert_eq!(
        detect(graphql.clone(), "application/json"),
        Confidence::SHAPE
    );
    assert_eq!(detect(graphql, MEDIA_TYPE), Confidence::CERTAIN);
    let problem = json!({"type": "about:blank", "status": 400, "errors": [{"detail": "x"}]});
    assert_eq!(
        detect(problem, "application/problem+json"),
        Confidence::SHAPE
    );
    assert_eq!(detect(json!({"errors": "x"}), MEDIA_TYPE), Confidence::NONE);
    assert_eq!(detect(json!({"data": {}}), MEDIA_TYPE), Confidence::NONE);
}

#[test]
fn headers_and_names() {
    let jsonapi = JsonApi::new();
    assert_eq!(jsonapi.name(), "jsonapi");
    assert_eq!(jsonapi.media_type(), MEDIA_TYPE);
    assert_eq!(jsonapi.content_type(), MEDIA_TYPE);
    assert_eq!(
        jsonapi.carries(),
        Carries::LIST.with_title().without_summary_message()
    );
    assert_eq!(jsonapi.schema_name(), "JsonApiErrors");
    let renderer = common::renderer(JsonApi::new());
    // Negotiated by its media type.
    assert_eq!(renderer.negotiate(MEDIA_TYPE), Format::named("jsonapi"));
    let res = renderer.response(
        Format::named("jsonapi"),
        &ShopError::UsedToken,
        &RequestContext::new(),
    );
    let names: Vec<&str> = res.headers().keys().map(|k| k.as_str()).collect();
    assert_eq!(names, ["content-type", "content-language"]);
}

/// The format keeps the error objects of static variants (`EntryCache`): whatever was
/// answered before, in whatever language, each document is the one a fresh format writes.
#[test]
fn kept_entries_are_the_entries_a_fresh_format_writes() {
    use apierror::validation::ValidationFailure;
    use apierror::{FieldPath, FieldViolation, Rule};

    #[derive(Debug, ApiError)]
    enum Constant {
        #[status(400)]
        #[code("bad_currency")]
        #[message("the currency is not supported")]
        #[field("payment.currency")]
        BadCurrency,
        #[status(409)]
        #[code("taken")]
        #[message("this name is taken")]
        #[message(ja = "この名前は使われています")]
        Taken,
    }

    let failure = ValidationFailure::new([FieldViolation::new(
        FieldPath::new().key("items").index(0).key("price"),
        "range",
        Rule::Required,
    )]);
    let cart = cart("7");
    let price = price("items[0].price");
    let cases: [(&[&dyn ApiError], Option<&str>); 10] = [
        (&[&Constant::Taken, &Constant::Taken], None),
        (&[&Constant::Taken, &Constant::Taken], Some("ja")),
        (&[&Constant::Taken], Some("ja")),
        (&[&ShopError::UsedToken, &ShopError::CardDeclined], None),
        (&[&SoldOut, &ShopError::UsedToken], Some("ja")),
        (&[&cart, &ShopError::UsedToken], Some("ja")),
        (&[&cart], Some("ja")),
        (
            &[&price, &ShopError::UsedToken, &ShopError::UsedToken],
            None,
        ),
        (&[&failure], None),
        (
            &[&Constant::BadCurrency, &ShopError::CardDeclined],
            Some("ja"),
        ),
    ];
    for prefix in ["/data/attributes", "/data/meta"] {
        let kept = JsonApi::new().with_pointer_prefix(prefix);
        let renderer = common::renderer(kept.clone());
        for _ in 0..3 {
            for (errors, language) in cases {
                let mut ctx = RequestContext::new();
                if let Some(language) = language {
                    ctx = ctx.with_accept_language(language).unwrap();
                }
                let mut again = Vec::new();
                renderer.render_all(Format::named("jsonapi"), errors, &ctx, &mut again);
                let fresh = common::renderer(JsonApi::new().with_pointer_prefix(prefix))
                    .response_all(Format::named("jsonapi"), errors, &ctx);
                assert_eq!(
                    String::from_utf8(again).unwrap(),
                    String::from_utf8(fresh.body().clone()).unwrap(),
                    "{prefix} {language:?}"
                );
            }
        }
    }
    // The constant field of a static variant, under each prefix.
    assert_eq!(
        body(
            JsonApi::new().with_pointer_prefix("/data/meta"),
            &[&Constant::BadCurrency]
        ),
        r#"{"errors":[{"status":"400","code":"bad_currency","title":"Bad Currency","detail":"the currency is not supported","source":{"pointer":"/data/meta/payment/currency"}}]}"#
    );
}
