//! Validation failures in the three formats: the summary where a format writes one error,
//! the violations where it writes a list, each path in the format's notation (Stripe's
//! `items[2][sku]`, JSON:API's `/data/attributes/items/2/sku`, Microsoft's `items[2].sku`),
//! the count of violations left out where the format has a place for it, headers that say
//! the truth, and the bodies read back.

mod common;

use apierror::format::{JsonApi, Microsoft, Stripe, WireFormat};
use apierror::parse::{DecodeOptions, ReceivedBody};
use apierror::validation::{InvalidFields, ValidationFailure};
use apierror::{ApiError, FieldPath, FieldViolation, Format, Notation, RequestContext, Rule};

const JSON: &str = "application/json; charset=utf-8";
const JSONAPI: &str = "application/vnd.api+json";

/// Summaries of a server's own catalog.
#[derive(Debug, PartialEq, ApiError)]
enum OrderError {
    #[status(400)]
    #[code("invalid_order")]
    #[title("Invalid Order")]
    #[message("the order is invalid")]
    Invalid,
    #[status(402)]
    #[code("card_invalid")]
    #[message("the card details are invalid")]
    CardInvalid,
}

/// A member name with every character a notation escapes: `/` and `~` (pointer), `[`
/// (brackets, dotted) and `"` (dotted, JSON).
const ODD: &str = "a/b~c[d\"e";

fn sku() -> FieldPath {
    FieldPath::new().key("items").index(2).key("sku")
}

fn odd() -> FieldPath {
    FieldPath::new().key("meta").key(ODD)
}

fn email() -> FieldPath {
    FieldPath::new().key("email")
}

/// Three violations: a length, a regex at a path with odd names, a required field.
fn three() -> Vec<FieldViolation> {
    vec![
        FieldViolation::new(
            sku(),
            "length",
            Rule::Length {
                min: Some(3),
                max: None,
                equal: None,
            },
        ),
        FieldViolation::new(odd(), "regex", Rule::Regex),
        FieldViolation::new(email(), "required", Rule::Required),
    ]
}

/// `n` required fields, `items[i].sku`.
fn many(n: usize) -> Vec<FieldViolation> {
    (0..n)
        .map(|i| {
            let path = FieldPath::new().key("items").index(i).key("sku");
            FieldViolation::new(path, "required", Rule::Required)
        })
        .collect()
}

/// The response to `err` in `format` for a request preferring `accept_language`: status,
/// every header, body. Checks on the way that the format's `Serialize` view writes the
/// same bytes.
fn respond(
    format: impl WireFormat + Clone,
    err: &dyn ApiError,
    accept_language: Option<&str>,
) -> (u16, Vec<(String, String)>, String) {
    let name = Format::named(format.name());
    let mut ctx = RequestContext::new();
    if let Some(preferences) = accept_language {
        ctx = ctx.with_accept_language(preferences).unwrap();
    }
    let renderer = common::renderer(format);
    let res = renderer.response(name, err, &ctx);
    let headers = res
        .headers()
        .iter()
        .map(|(k, v)| (k.as_str().to_owned(), v.to_str().unwrap().to_owned()))
        .collect();
    let body = String::from_utf8(res.body().clone()).unwrap();
    let view = serde_json::to_string(&renderer.view(name, &[err], &ctx)).unwrap();
    assert_eq!(view, body, "the view of {}", name.name());
    (res.status().as_u16(), headers, body)
}

fn headers(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

// Stripe: one error, the summary's type and code with the first violation's message and
// param.

#[test]
fn stripe_three_violations() {
    let failure = ValidationFailure::new(three());
    assert_eq!(
        respond(Stripe::new(), &failure, None),
        (
            422,
            headers(&[("content-type", JSON), ("content-language", "en"),("vary", "accept-language")]),
            r#"{"error":{"type":"invalid_request_error","code":"validation_failed","message":"must be at least 3 characters","param":"items[2][sku]"}}"#.to_owned()
        )
    );
}

#[test]
fn stripe_one_violation_with_odd_names_and_a_doc_url() {
    let failure = ValidationFailure::new([FieldViolation::new(odd(), "regex", Rule::Regex)]);
    let stripe = Stripe::new().with_doc_base("https://d.test/e").unwrap();
    assert_eq!(
        respond(stripe, &failure, None),
        (
            422,
            headers(&[("content-type", JSON), ("content-language", "en"),("vary", "accept-language")]),
            r#"{"error":{"type":"invalid_request_error","code":"validation_failed","message":"is invalid","param":"meta[a/b~c%5Bd\"e]","doc_url":"https://d.test/e/validation_failed"}}"#.to_owned()
        )
    );
}

#[test]
fn stripe_many_violations_send_the_first() {
    let failure = ValidationFailure::new(many(102));
    assert_eq!(failure.omitted(), 2);
    assert_eq!(
        respond(Stripe::new(), &failure, None),
        (
            422,
            headers(&[("content-type", JSON), ("content-language", "en"),("vary", "accept-language")]),
            r#"{"error":{"type":"invalid_request_error","code":"validation_failed","message":"is required","param":"items[0][sku]"}}"#.to_owned()
        )
    );
}

#[test]
fn stripe_in_thai() {
    let failure = ValidationFailure::new(three());
    assert_eq!(
        respond(Stripe::new(), &failure, Some("th")),
        (
            422,
            headers(&[("content-type", JSON), ("content-language", "th"),("vary", "accept-language")]),
            r#"{"error":{"type":"invalid_request_error","code":"validation_failed","message":"ต้องมีอย่างน้อย 3 ตัวอักษร","param":"items[2][sku]"}}"#.to_owned()
        )
    );
}

#[test]
fn stripe_keeps_the_summarys_message_where_the_violations_is_in_another_language() {
    // The validator's own message is English only; the summary speaks Thai. Stripe carries
    // one message, and `Content-Language` names the summary's language: the message must
    // be in it.
    let failure = ValidationFailure::new([
        FieldViolation::new(sku(), "sku_format", Rule::Other).with_message("not a SKU")
    ]);
    assert_eq!(
        respond(Stripe::new(), &failure, Some("th")),
        (
            422,
            headers(&[("content-type", JSON), ("content-language", "th"),("vary", "accept-language")]),
            r#"{"error":{"type":"invalid_request_error","code":"validation_failed","message":"คำขอมีข้อมูลที่ไม่ถูกต้อง","param":"items[2][sku]"}}"#.to_owned()
        )
    );
    // In English both are English: the violation's message.
    assert_eq!(
        respond(Stripe::new(), &failure, None).2,
        r#"{"error":{"type":"invalid_request_error","code":"validation_failed","message":"not a SKU","param":"items[2][sku]"}}"#
    );
}

#[test]
fn stripe_under_a_summary_of_your_own() {
    let failure = ValidationFailure::with_summary(OrderError::Invalid, three());
    assert_eq!(
        respond(Stripe::new(), &failure, None),
        (
            400,
            headers(&[("content-type", JSON), ("content-language", "en")]),
            r#"{"error":{"type":"invalid_request_error","code":"invalid_order","message":"must be at least 3 characters","param":"items[2][sku]"}}"#.to_owned()
        )
    );
    // The type is the summary's (a violation's 422 would be an invalid request).
    let card = ValidationFailure::with_summary(OrderError::CardInvalid, three());
    let (status, _, body) = respond(Stripe::new(), &card, None);
    assert_eq!(status, 402);
    assert!(
        body.starts_with(r#"{"error":{"type":"card_error","code":"card_invalid","#),
        "{body}"
    );
}

#[test]
fn stripe_writes_a_path_outside_a_summary_in_brackets() {
    // A violation sent as an error of its own is no summary: its own code, message, path.
    let violation = FieldViolation::new(odd(), "regex", Rule::Regex);
    assert_eq!(
        respond(Stripe::new(), &violation, None).2,
        r#"{"error":{"type":"invalid_request_error","code":"regex","message":"is invalid","param":"meta[a/b~c%5Bd\"e]"}}"#
    );
}

// JSON:API: the violations, each with the failure's status and a pointer under the
// prefix; the count left out in the top-level `meta`.

const JSONAPI_THREE: &str = concat!(
    r#"{"errors":["#,
    r#"{"status":"422","code":"length","title":"Invalid Field","detail":"must be at least 3 characters","source":{"pointer":"/data/attributes/items/2/sku"}},"#,
    r#"{"status":"422","code":"regex","title":"Invalid Field","detail":"is invalid","source":{"pointer":"/data/attributes/meta/a~1b~0c[d\"e"}},"#,
    r#"{"status":"422","code":"required","title":"Invalid Field","detail":"is required","source":{"pointer":"/data/attributes/email"}}"#,
    r#"]}"#,
);

#[test]
fn jsonapi_three_violations() {
    let failure = ValidationFailure::new(three());
    assert_eq!(
        respond(JsonApi::new(), &failure, None),
        (
            422,
            headers(&[
                ("content-type", JSONAPI),
                ("content-language", "en"),
                ("vary", "accept-language")
            ]),
            JSONAPI_THREE.to_owned()
        )
    );
    // Pointers into the request document itself, without the prefix.
    let body = respond(JsonApi::new().with_pointer_prefix(""), &failure, None).2;
    assert!(
        body.contains(r#""source":{"pointer":"/items/2/sku"}"#),
        "{body}"
    );
    assert!(
        body.contains(r#""source":{"pointer":"/meta/a~1b~0c[d\"e"}"#),
        "{body}"
    );
}

#[test]
fn jsonapi_one_violation() {
    let failure = ValidationFailure::new(three().into_iter().take(1));
    assert_eq!(
        respond(JsonApi::new(), &failure, None),
        (
            422,
            headers(&[("content-type", JSONAPI), ("content-language", "en"),("vary", "accept-language")]),
            r#"{"errors":[{"status":"422","code":"length","title":"Invalid Field","detail":"must be at least 3 characters","source":{"pointer":"/data/attributes/items/2/sku"}}]}"#.to_owned()
        )
    );
}

#[test]
fn jsonapi_many_violations_say_how_many_are_left_out() {
    let failure = ValidationFailure::new(many(102));
    let entries: Vec<String> = (0..100)
        .map(|i| {
            format!(
                r#"{{"status":"422","code":"required","title":"Invalid Field","detail":"is required","source":{{"pointer":"/data/attributes/items/{i}/sku"}}}}"#
            )
        })
        .collect();
    let expected = format!(
        r#"{{"errors":[{}],"meta":{{"omitted":2}}}}"#,
        entries.join(",")
    );
    assert_eq!(
        respond(JsonApi::new(), &failure, None),
        (
            422,
            headers(&[
                ("content-type", JSONAPI),
                ("content-language", "en"),
                ("vary", "accept-language")
            ]),
            expected
        )
    );
    // Exactly the most kept: nothing left out, no `meta`.
    let body = respond(JsonApi::new(), &ValidationFailure::new(many(100)), None).2;
    assert!(body.ends_with(r#"/items/99/sku"}}]}"#), "{body}");
}

#[test]
fn jsonapi_in_thai() {
    let failure = ValidationFailure::new(three());
    let expected = concat!(
        r#"{"errors":["#,
        r#"{"status":"422","code":"length","title":"ข้อมูลไม่ถูกต้อง","detail":"ต้องมีอย่างน้อย 3 ตัวอักษร","source":{"pointer":"/data/attributes/items/2/sku"}},"#,
        r#"{"status":"422","code":"regex","title":"ข้อมูลไม่ถูกต้อง","detail":"ไม่ถูกต้อง","source":{"pointer":"/data/attributes/meta/a~1b~0c[d\"e"}},"#,
        r#"{"status":"422","code":"required","title":"ข้อมูลไม่ถูกต้อง","detail":"ต้องระบุ","source":{"pointer":"/data/attributes/email"}}"#,
        r#"]}"#,
    );
    assert_eq!(
        respond(JsonApi::new(), &failure, Some("th")),
        (
            422,
            headers(&[
                ("content-type", JSONAPI),
                ("content-language", "th"),
                ("vary", "accept-language")
            ]),
            expected.to_owned()
        )
    );
}

#[test]
fn jsonapi_with_a_validators_english_message_in_a_thai_body_says_both() {
    let failure = ValidationFailure::new([
        FieldViolation::new(sku(), "sku_format", Rule::Other).with_message("not a SKU"),
        FieldViolation::new(email(), "required", Rule::Required),
    ]);
    assert_eq!(
        respond(JsonApi::new(), &failure, Some("th")),
        (
            422,
            headers(&[("content-type", JSONAPI), ("content-language", "en, th"),("vary", "accept-language")]),
            concat!(
                r#"{"errors":["#,
                r#"{"status":"422","code":"sku_format","title":"ข้อมูลไม่ถูกต้อง","detail":"not a SKU","source":{"pointer":"/data/attributes/items/2/sku"}},"#,
                r#"{"status":"422","code":"required","title":"ข้อมูลไม่ถูกต้อง","detail":"ต้องระบุ","source":{"pointer":"/data/attributes/email"}}"#,
                r#"]}"#,
            )
            .to_owned()
        )
    );
}

#[test]
fn jsonapi_under_a_summary_of_your_own() {
    let failure = ValidationFailure::with_summary(OrderError::Invalid, three());
    let (status, headers_sent, body) = respond(JsonApi::new(), &failure, None);
    assert_eq!(status, 400);
    assert_eq!(
        headers_sent,
        headers(&[("content-type", JSONAPI), ("content-language", "en")])
    );
    // Every entry has the failure's status, not a violation's 422.
    assert_eq!(
        body,
        JSONAPI_THREE.replace(r#""status":"422""#, r#""status":"400""#)
    );
    assert_eq!(body.matches(r#""status":"400""#).count(), 3);
    let card = ValidationFailure::with_summary(OrderError::CardInvalid, three());
    let (status, _, body) = respond(JsonApi::new(), &card, None);
    assert_eq!(status, 402);
    assert_eq!(body.matches(r#""status":"402""#).count(), 3, "{body}");
}

// Microsoft: the summary at the top, every violation in `details`, each `target` dotted.

const MICROSOFT_DETAILS: &str = concat!(
    r#"{"code":"length","message":"must be at least 3 characters","target":"items[2].sku"},"#,
    r#"{"code":"regex","message":"is invalid","target":"meta[\"a/b~c[d\\\"e\"]"},"#,
    r#"{"code":"required","message":"is required","target":"email"}"#,
);

#[test]
fn microsoft_three_violations() {
    let failure = ValidationFailure::new(three());
    assert_eq!(
        respond(Microsoft::new(), &failure, None),
        (
            422,
            headers(&[
                ("content-type", JSON),
                ("content-language", "en"),
                ("vary", "accept-language"),
                ("x-ms-error-code", "validation_failed")
            ]),
            format!(
                r#"{{"error":{{"code":"validation_failed","message":"the request has invalid fields","details":[{MICROSOFT_DETAILS}]}}}}"#
            )
        )
    );
}

#[test]
fn microsoft_one_violation_is_still_a_detail() {
    let failure = ValidationFailure::new(three().into_iter().take(1));
    assert_eq!(
        respond(Microsoft::new(), &failure, None),
        (
            422,
            headers(&[
                ("content-type", JSON),
                ("content-language", "en"),
                ("vary", "accept-language"),
                ("x-ms-error-code", "validation_failed")
            ]),
            r#"{"error":{"code":"validation_failed","message":"the request has invalid fields","details":[{"code":"length","message":"must be at least 3 characters","target":"items[2].sku"}]}}"#.to_owned()
        )
    );
}

#[test]
fn microsoft_many_violations_list_the_most_kept() {
    let failure = ValidationFailure::new(many(102));
    let details: Vec<String> = (0..100)
        .map(|i| {
            format!(r#"{{"code":"required","message":"is required","target":"items[{i}].sku"}}"#)
        })
        .collect();
    assert_eq!(
        respond(Microsoft::new(), &failure, None),
        (
            422,
            headers(&[
                ("content-type", JSON),
                ("content-language", "en"),
                ("vary", "accept-language"),
                ("x-ms-error-code", "validation_failed")
            ]),
            format!(
                r#"{{"error":{{"code":"validation_failed","message":"the request has invalid fields","details":[{}]}}}}"#,
                details.join(",")
            )
        )
    );
}

#[test]
fn microsoft_in_thai() {
    let failure = ValidationFailure::new(three());
    assert_eq!(
        respond(Microsoft::new(), &failure, Some("th")),
        (
            422,
            headers(&[
                ("content-type", JSON),
                ("content-language", "th"),
                ("vary", "accept-language"),
                ("x-ms-error-code", "validation_failed")
            ]),
            concat!(
                r#"{"error":{"code":"validation_failed","message":"คำขอมีข้อมูลที่ไม่ถูกต้อง","details":["#,
                r#"{"code":"length","message":"ต้องมีอย่างน้อย 3 ตัวอักษร","target":"items[2].sku"},"#,
                r#"{"code":"regex","message":"ไม่ถูกต้อง","target":"meta[\"a/b~c[d\\\"e\"]"},"#,
                r#"{"code":"required","message":"ต้องระบุ","target":"email"}"#,
                r#"]}}"#,
            )
            .to_owned()
        )
    );
}

#[test]
fn microsoft_with_a_validators_english_message_in_a_thai_body_says_both() {
    let failure = ValidationFailure::new([
        FieldViolation::new(sku(), "sku_format", Rule::Other).with_message("not a SKU")
    ]);
    let (_, headers_sent, body) = respond(Microsoft::new(), &failure, Some("th"));
    assert_eq!(
        headers_sent[1],
        ("content-language".into(), "th, en".into())
    );
    assert_eq!(
        body,
        r#"{"error":{"code":"validation_failed","message":"คำขอมีข้อมูลที่ไม่ถูกต้อง","details":[{"code":"sku_format","message":"not a SKU","target":"items[2].sku"}]}}"#
    );
}

#[test]
fn microsoft_under_a_summary_of_your_own() {
    let failure = ValidationFailure::with_summary(OrderError::Invalid, three());
    assert_eq!(
        respond(Microsoft::new(), &failure, None),
        (
            400,
            headers(&[
                ("content-type", JSON),
                ("content-language", "en"),
                ("x-ms-error-code", "invalid_order")
            ]),
            format!(
                r#"{{"error":{{"code":"invalid_order","message":"the order is invalid","details":[{MICROSOFT_DETAILS}]}}}}"#
            )
        )
    );
}

// Views in Japanese too: the helper of the format tests writes each case with and without
// a preference for Japanese.

#[test]
fn views_write_the_same_bytes() {
    let three = ValidationFailure::new(three());
    let many = ValidationFailure::new(many(102));
    let own = ValidationFailure::with_summary(OrderError::Invalid, self::three());
    let cases: [&[&dyn ApiError]; 3] = [&[&three], &[&many], &[&own]];
    common::assert_views_write_the_bodies(Stripe::new(), &cases);
    common::assert_views_write_the_bodies(JsonApi::new(), &cases);
    common::assert_views_write_the_bodies(Microsoft::new(), &cases);
}

// Read back: through a decoder of every format, each body gives back what it carries of
// the violations.

/// The response to `err` in `format`, decoded by a decoder of every format as `E`.
fn decode_as<E: ApiError>(
    format: impl WireFormat + Clone,
    err: &dyn ApiError,
) -> apierror::parse::Decoded<E> {
    let res = common::renderer(format.clone()).response(
        Format::named(format.name()),
        err,
        &RequestContext::new(),
    );
    common::decoder().decode::<E>(
        res.status().as_u16(),
        res.headers(),
        res.body(),
        &DecodeOptions::default(),
    )
}

/// Each entry's code, message and field.
fn entries(body: &ReceivedBody) -> Vec<(Option<&str>, Option<&str>, Option<&str>)> {
    body.entries
        .iter()
        .map(|e| (e.code.as_deref(), e.message.as_deref(), e.field.as_deref()))
        .collect()
}

/// The three violations as read back: the odd path in the dotted notation, quoted.
const THREE_READ: [(Option<&str>, Option<&str>, Option<&str>); 3] = [
    (
        Some("length"),
        Some("must be at least 3 characters"),
        Some("items[2].sku"),
    ),
    (
        Some("regex"),
        Some("is invalid"),
        Some(r#"meta["a/b~c[d\"e"]"#),
    ),
    (Some("required"), Some("is required"), Some("email")),
];

/// Each field of `body`'s entries reads back into the path written.
fn assert_paths(body: &ReceivedBody) {
    let paths: Vec<Option<FieldPath>> = body
        .entries
        .iter()
        .map(|e| FieldPath::parse(e.field.as_deref().unwrap(), Notation::Dotted))
        .collect();
    assert_eq!(paths, [Some(sku()), Some(odd()), Some(email())]);
}

#[test]
fn microsoft_reads_back_the_summary_and_every_violation() {
    let failure = ValidationFailure::new(three());
    let decoded = decode_as::<InvalidFields>(Microsoft::new(), &failure);
    assert_eq!(decoded.typed(), Some(&InvalidFields));
    let body = decoded.response().body.as_ref().unwrap();
    assert_eq!(body.format, Format::named("microsoft"));
    assert_eq!(body.code.as_deref(), Some("validation_failed"));
    assert_eq!(
        body.message.as_deref(),
        Some("the request has invalid fields")
    );
    assert_eq!(body.field, None);
    assert_eq!(entries(body), THREE_READ);
    assert_paths(body);
    // Under a summary of your own, the typed summary comes back.
    let own = ValidationFailure::with_summary(OrderError::Invalid, three());
    let decoded = decode_as::<OrderError>(Microsoft::new(), &own);
    assert_eq!(decoded.typed(), Some(&OrderError::Invalid));
    assert_eq!(
        entries(decoded.response().body.as_ref().unwrap()),
        THREE_READ
    );
}

#[test]
fn jsonapi_reads_back_every_violation() {
    let failure = ValidationFailure::new(many(102));
    let decoded = decode_as::<InvalidFields>(JsonApi::new(), &failure);
    let body = decoded.response().body.as_ref().unwrap();
    assert_eq!(body.format, Format::named("jsonapi"));
    assert_eq!(body.entries.len(), 100);
    assert_eq!(body.extra["meta"], serde_json::json!({"omitted": 2}));
    let failure = ValidationFailure::new(three());
    let decoded = decode_as::<InvalidFields>(JsonApi::new(), &failure);
    // The document has no place for the summary: the top level is the first entry's.
    assert_eq!(decoded.typed(), None);
    let body = decoded.response().body.as_ref().unwrap();
    assert_eq!(body.code.as_deref(), Some("length"));
    assert_eq!(body.status, Some(422));
    assert_eq!(body.title.as_deref(), Some("Invalid Field"));
    assert_eq!(entries(body), THREE_READ);
    assert_paths(body);
    for entry in &body.entries {
        assert_eq!(entry.extra["status"], "422");
        assert_eq!(entry.extra["title"], "Invalid Field");
    }
}

#[test]
fn stripe_reads_back_the_summary_with_the_first_violation() {
    let failure = ValidationFailure::new([FieldViolation::new(odd(), "regex", Rule::Regex)]);
    let decoded = decode_as::<InvalidFields>(Stripe::new(), &failure);
    assert_eq!(decoded.typed(), Some(&InvalidFields));
    let body = decoded.response().body.as_ref().unwrap();
    assert_eq!(body.format, Format::named("stripe"));
    assert_eq!(body.code.as_deref(), Some("validation_failed"));
    // One error per body: the violation's message and path, but not its code.
    assert_eq!(body.message.as_deref(), Some("is invalid"));
    assert_eq!(body.field.as_deref(), Some(r#"meta["a/b~c[d\"e"]"#));
    assert_eq!(
        FieldPath::parse(body.field.as_deref().unwrap(), Notation::Dotted),
        Some(odd())
    );
    assert!(body.entries.is_empty());
    let decoded = decode_as::<InvalidFields>(Stripe::new(), &ValidationFailure::new(three()));
    let body = decoded.response().body.as_ref().unwrap();
    assert_eq!(body.field.as_deref(), Some("items[2].sku"));
}

/// JSON:API writes a failure as its violations alone: `Content-Language` names their
/// language, not the summary's, which the body does not hold.
#[test]
fn jsonapi_labels_only_what_it_writes() {
    #[derive(Debug, thiserror::Error, apierror::ApiError)]
    #[error("invalid")]
    #[status(422)]
    #[code("invalide")]
    #[message("la requête est invalide")]
    #[message(en = "the request is invalid")]
    #[api_error(lang = "fr")]
    struct Invalide;

    let failure = apierror::validation::ValidationFailure::with_summary(
        Invalide,
        [apierror::FieldViolation::new(
            apierror::FieldPath::new().key("name"),
            "required",
            apierror::Rule::Required,
        )],
    );
    let renderer = common::renderer(JsonApi::new());
    let format = apierror::Format::named("jsonapi");
    let res = renderer.response(format, &failure, &apierror::RequestContext::new());
    assert_eq!(res.headers()["content-language"], "en");
    assert_eq!(
        std::str::from_utf8(res.body()).unwrap(),
        r#"{"errors":[{"status":"422","code":"required","title":"Invalid Field","detail":"is required","source":{"pointer":"/data/attributes/name"}}]}"#
    );
}
