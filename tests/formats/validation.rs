//! Validation failures in every built-in format, byte for byte with their headers: the
//! summary where the format writes an error, each violation with its path in the format's
//! own notation (RFC 6901 pointer in a problem's `errors`, dotted elsewhere), the count of
//! violations left out, Thai bodies, fields of ordinary errors, and the bodies read back.

use apierror::parse::{DecodeOptions, Decoder, ReceivedBody};
use apierror::validation::ValidationFailure;
use apierror::{
    ApiError, FieldPath, FieldViolation, Format, Notation, Renderer, RequestContext, Rule,
};

use crate::support::{assert_rfc9457, assert_vipps, render};

const PLAIN: &str = "application/json; charset=utf-8";
const PROBLEM: &str = "application/problem+json";

/// `InvalidFields`' message and title in Thai, and the Thai defaults of the three rules.
const TH_SUMMARY: &str = "คำขอมีข้อมูลที่ไม่ถูกต้อง";
const TH_TITLE: &str = "ข้อมูลในคำขอไม่ถูกต้อง";
const TH_LENGTH: &str = "ต้องมีอย่างน้อย 3 ตัวอักษร";
const TH_EMAIL: &str = "ต้องเป็นอีเมลที่ถูกต้อง";
const TH_REQUIRED: &str = "ต้องระบุ";

fn sku() -> FieldViolation {
    FieldViolation::new(
        FieldPath::new().key("items").index(2).key("sku"),
        "length",
        Rule::Length {
            min: Some(3),
            max: None,
            equal: None,
        },
    )
}

/// A member name with `/` and `~` (escaped in a pointer) and `"` (quoted in a dotted path,
/// escaped again in JSON).
fn odd() -> FieldViolation {
    FieldViolation::new(
        FieldPath::new().key("meta").key("a/b~c\"d"),
        "email",
        Rule::Email,
    )
}

/// A rule without parameters.
fn required() -> FieldViolation {
    FieldViolation::new(
        FieldPath::new().key("customer").key("name"),
        "required",
        Rule::Required,
    )
}

fn three() -> ValidationFailure {
    ValidationFailure::new([sku(), odd(), required()])
}

fn one() -> ValidationFailure {
    ValidationFailure::new([sku()])
}

/// 102 violations (`items[0]` to `items[101]` required): 100 kept, 2 omitted.
fn too_many() -> ValidationFailure {
    ValidationFailure::new((0..102).map(|i| {
        FieldViolation::new(
            FieldPath::new().key("items").index(i),
            "required",
            Rule::Required,
        )
    }))
}

fn thai() -> RequestContext<'static> {
    RequestContext::new().with_accept_language("th").unwrap()
}

/// Status, `Content-Type`, `Content-Language` and body of `err` in `format`; the body is
/// checked to be the one `render_all` and the `Serialize` view write too.
fn answer(
    format: Format,
    err: &dyn ApiError,
    ctx: &RequestContext<'_>,
) -> (u16, String, String, String) {
    let renderer = Renderer::default();
    let res = renderer.response(format, err, ctx);
    let header = |name: &str| res.headers()[name].to_str().unwrap().to_owned();
    let body = String::from_utf8(res.body().clone()).unwrap();
    assert_eq!(render(&renderer, format, &[err], ctx), body, "{format:?}");
    (
        res.status().as_u16(),
        header("content-type"),
        header("content-language"),
        body,
    )
}

fn expected(content_type: &str, language: &str, body: &str) -> (u16, String, String, String) {
    (
        422,
        content_type.to_owned(),
        language.to_owned(),
        body.to_owned(),
    )
}

// Omise: the summary's code and location; the first violation's path (dotted) and message.

#[test]
fn omise_writes_the_first_violation_under_the_summary_code() {
    let body = |message: &str| {
        format!(
            r#"{{"object":"error","location":"https://www.omise.co/api-errors#validation-failed","code":"validation_failed","message":"{message}"}}"#
        )
    };
    let ctx = RequestContext::new();
    let cases: [(&str, ValidationFailure, &RequestContext<'_>, &str, String); 4] = [
        (
            "three",
            three(),
            &ctx,
            "en",
            body("items[2].sku must be at least 3 characters"),
        ),
        (
            "one",
            one(),
            &ctx,
            "en",
            body("items[2].sku must be at least 3 characters"),
        ),
        (
            "omitted",
            too_many(),
            &ctx,
            "en",
            body("items[0] is required"),
        ),
        (
            "thai",
            three(),
            &thai(),
            "th",
            body(&format!("items[2].sku {TH_LENGTH}")),
        ),
    ];
    for (name, failure, ctx, language, bytes) in cases {
        assert_eq!(
            answer(Format::Omise, &failure, ctx),
            expected(PLAIN, language, &bytes),
            "{name}"
        );
    }
    // A name that is not plain is quoted in the dotted path, and escaped in JSON.
    assert_eq!(
        answer(Format::Omise, &ValidationFailure::new([odd(), sku()]), &ctx).3,
        body(r#"meta[\"a/b~c\\\"d\"] must be a valid email address"#)
    );
    // The empty path (the body as a whole): the message alone.
    let whole = FieldViolation::new(FieldPath::new(), "required", Rule::Required);
    assert_eq!(
        answer(Format::Omise, &ValidationFailure::new([whole]), &ctx).3,
        body("is required")
    );
}

/// `Content-Language` names the language of the text Omise writes, the violation's, also
/// where it is not the summary's: a validator's own message is English only.
#[test]
fn omise_labels_the_violation_language_not_the_summary_language() {
    let own = ValidationFailure::new([sku().with_message("SKU is too short")]);
    let (_, _, language, body) = answer(Format::Omise, &own, &thai());
    assert_eq!(language, "en");
    assert_eq!(
        body,
        r#"{"object":"error","location":"https://www.omise.co/api-errors#validation-failed","code":"validation_failed","message":"items[2].sku SKU is too short"}"#
    );
    // The problem writes both: the Thai summary, the English violation.
    assert_eq!(answer(Format::Problem, &own, &thai()).2, "th, en");
}

// Problem, plain profile: `errors` of `{"code","detail","pointer"}`, `errors_omitted`.

fn problem_errors(entries: &[String]) -> String {
    format!(
        r#"{{"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"the request has invalid fields","code":"validation_failed","errors":[{}]"#,
        entries.join(",")
    )
}

#[test]
fn problem_lists_every_violation_with_a_pointer() {
    let ctx = RequestContext::new();
    let entry = |code: &str, detail: &str, pointer: &str| {
        format!(r#"{{"code":"{code}","detail":"{detail}","pointer":"{pointer}"}}"#)
    };
    let sku = entry("length", "must be at least 3 characters", "/items/2/sku");
    let three_body = problem_errors(&[
        sku.clone(),
        entry(
            "email",
            "must be a valid email address",
            r#"/meta/a~1b~0c\"d"#,
        ),
        entry("required", "is required", "/customer/name"),
    ]) + "}";
    assert_eq!(
        answer(Format::Problem, &three(), &ctx),
        expected(PROBLEM, "en", &three_body)
    );
    assert_rfc9457(&three_body, 422);
    // One violation is listed too: `errors` is where a client finds the fields.
    let one_body = answer(Format::Problem, &one(), &ctx);
    assert_eq!(
        one_body,
        expected(
            PROBLEM,
            "en",
            r#"{"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"the request has invalid fields","code":"validation_failed","errors":[{"code":"length","detail":"must be at least 3 characters","pointer":"/items/2/sku"}]}"#
        )
    );
    let kept: Vec<String> = (0..100)
        .map(|i| entry("required", "is required", &format!("/items/{i}")))
        .collect();
    assert_eq!(
        answer(Format::Problem, &too_many(), &ctx),
        expected(
            PROBLEM,
            "en",
            &(problem_errors(&kept) + r#","errors_omitted":2}"#)
        )
    );
    // Members the context adds come after the list.
    let traced = RequestContext::new()
        .with_instance("/orders")
        .unwrap()
        .with_trace_id(crate::support::TRACE)
        .unwrap();
    assert_eq!(
        answer(Format::Problem, &one(), &traced).3,
        format!(
            r#"{{"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"the request has invalid fields","instance":"/orders","code":"validation_failed","errors":[{sku}],"traceId":"{}"}}"#,
            crate::support::TRACE
        )
    );
}

#[test]
fn problem_in_thai() {
    let entry = |code: &str, detail: &str, pointer: &str| {
        format!(r#"{{"code":"{code}","detail":"{detail}","pointer":"{pointer}"}}"#)
    };
    let body = format!(
        r#"{{"type":"about:blank","title":"{TH_TITLE}","status":422,"detail":"{TH_SUMMARY}","code":"validation_failed","errors":[{},{},{}]}}"#,
        entry("length", TH_LENGTH, "/items/2/sku"),
        entry("email", TH_EMAIL, r#"/meta/a~1b~0c\"d"#),
        entry("required", TH_REQUIRED, "/customer/name"),
    );
    assert_eq!(
        answer(Format::Problem, &three(), &thai()),
        expected(PROBLEM, "th", &body)
    );
}

// Problem, Vipps profile: `ErrorCode`, then `{"name": <dotted path>, "reason": <message>}`.

fn vipps_body(title: &str, detail: &str, entries: &[(&str, &str)]) -> String {
    let entries: String = entries
        .iter()
        .map(|(name, reason)| format!(r#",{{"name":"{name}","reason":"{reason}"}}"#))
        .collect();
    format!(
        r#"{{"type":"https://httpstatuses.io/422","title":"{title}","status":422,"detail":"{detail}","extraDetails":[{{"name":"ErrorCode","reason":"validation_failed"}}{entries}],"traceId":""}}"#
    )
}

#[test]
fn vipps_adds_an_extra_detail_per_violation() {
    let ctx = RequestContext::new();
    let title = "Unprocessable Content";
    let detail = "the request has invalid fields";
    let three_body = vipps_body(
        title,
        detail,
        &[
            ("items[2].sku", "must be at least 3 characters"),
            (r#"meta[\"a/b~c\\\"d\"]"#, "must be a valid email address"),
            ("customer.name", "is required"),
        ],
    );
    assert_eq!(
        answer(Format::Vipps, &three(), &ctx),
        expected(PROBLEM, "en", &three_body)
    );
    assert_rfc9457(&three_body, 422);
    assert_vipps(&three_body);
    assert_eq!(
        answer(Format::Vipps, &one(), &ctx),
        expected(
            PROBLEM,
            "en",
            r#"{"type":"https://httpstatuses.io/422","title":"Unprocessable Content","status":422,"detail":"the request has invalid fields","extraDetails":[{"name":"ErrorCode","reason":"validation_failed"},{"name":"items[2].sku","reason":"must be at least 3 characters"}],"traceId":""}"#
        )
    );
    // The profile has no member for a count: the 100 kept.
    let names: Vec<String> = (0..100).map(|i| format!("items[{i}]")).collect();
    let kept: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), "is required")).collect();
    assert_eq!(
        answer(Format::Vipps, &too_many(), &ctx),
        expected(PROBLEM, "en", &vipps_body(title, detail, &kept))
    );
    assert_eq!(
        answer(Format::Vipps, &three(), &thai()),
        expected(
            PROBLEM,
            "th",
            &vipps_body(
                TH_TITLE,
                TH_SUMMARY,
                &[
                    ("items[2].sku", TH_LENGTH),
                    (r#"meta[\"a/b~c\\\"d\"]"#, TH_EMAIL),
                    ("customer.name", TH_REQUIRED),
                ],
            )
        )
    );
}

// Oney: one entry per violation, the violation's code where it fits 10 characters.

fn oney_body(language: &str, entries: &[(&str, &str, &str)]) -> String {
    let entries: Vec<String> = entries
        .iter()
        .map(|(field, code, label)| {
            format!(
                r#"{{"error":{{"field":"{field}","error_code":"{code}","error_label":"{label}"}}}}"#
            )
        })
        .collect();
    format!(
        r#"{{"language_code":"{language}","error_list":[{}]}}"#,
        entries.join(",")
    )
}

#[test]
fn oney_lists_the_violations() {
    let ctx = RequestContext::new();
    assert_eq!(
        answer(Format::Oney, &three(), &ctx),
        expected(
            PLAIN,
            "en",
            &oney_body(
                "EN",
                &[
                    ("items[2].sku", "length", "must be at least 3 characters"),
                    (
                        r#"meta[\"a/b~c\\\"d\"]"#,
                        "email",
                        "must be a valid email address"
                    ),
                    ("customer.name", "required", "is required"),
                ]
            )
        )
    );
    assert_eq!(
        answer(Format::Oney, &one(), &ctx),
        expected(
            PLAIN,
            "en",
            r#"{"language_code":"EN","error_list":[{"error":{"field":"items[2].sku","error_code":"length","error_label":"must be at least 3 characters"}}]}"#
        )
    );
    let fields: Vec<String> = (0..100).map(|i| format!("items[{i}]")).collect();
    let kept: Vec<(&str, &str, &str)> = fields
        .iter()
        .map(|f| (f.as_str(), "required", "is required"))
        .collect();
    assert_eq!(
        answer(Format::Oney, &too_many(), &ctx),
        expected(PLAIN, "en", &oney_body("EN", &kept))
    );
    assert_eq!(
        answer(Format::Oney, &three(), &thai()),
        expected(
            PLAIN,
            "th",
            &oney_body(
                "TH",
                &[
                    ("items[2].sku", "length", TH_LENGTH),
                    (r#"meta[\"a/b~c\\\"d\"]"#, "email", TH_EMAIL),
                    ("customer.name", "required", TH_REQUIRED),
                ]
            )
        )
    );
}

/// An Oney-style summary of the application's own catalog, with a code Oney can carry.
#[derive(Debug, ApiError)]
#[status(400)]
#[code("ERR_03")]
#[message("The request has invalid fields")]
struct OneyInvalid;

#[test]
fn oney_writes_the_summary_code_where_a_violation_code_is_too_long() {
    let card = FieldViolation::new(
        FieldPath::new().key("card").key("number"),
        "credit_card",
        Rule::CreditCard,
    );
    let ours = ValidationFailure::with_summary(OneyInvalid, [card.clone(), sku()]);
    let (status, _, language, body) = answer(Format::Oney, &ours, &RequestContext::new());
    assert_eq!((status, language.as_str()), (400, "en"));
    assert_eq!(
        body,
        oney_body(
            "EN",
            &[
                ("card.number", "ERR_03", "must be a valid card number"),
                ("items[2].sku", "length", "must be at least 3 characters"),
            ]
        )
    );
    // Under the default summary, its code is cut to the limit as any code is.
    let default = ValidationFailure::new([card]);
    assert_eq!(
        answer(Format::Oney, &default, &RequestContext::new()).3,
        oney_body(
            "EN",
            &[("card.number", "validation", "must be a valid card number")]
        )
    );
}

// Google: the summary's status and ErrorInfo; a BadRequest with every violation.

fn google_body(localized: &str, violations: &[(&str, &str, &str)]) -> String {
    let violations: Vec<String> = violations
        .iter()
        .map(|(field, description, reason)| {
            format!(r#"{{"field":"{field}","description":"{description}","reason":"{reason}"}}"#)
        })
        .collect();
    format!(
        r#"{{"error":{{"code":422,"message":"the request has invalid fields","status":"INVALID_ARGUMENT","details":[{{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"VALIDATION_FAILED","metadata":{{}}}}{localized},{{"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":[{}]}}]}}}}"#,
        violations.join(",")
    )
}

#[test]
fn google_lists_the_violations_in_bad_request() {
    let ctx = RequestContext::new();
    let three_violations = [
        ("items[2].sku", "must be at least 3 characters", "LENGTH"),
        (
            r#"meta[\"a/b~c\\\"d\"]"#,
            "must be a valid email address",
            "EMAIL",
        ),
        ("customer.name", "is required", "REQUIRED"),
    ];
    assert_eq!(
        answer(Format::Google, &three(), &ctx),
        expected(PLAIN, "en", &google_body("", &three_violations))
    );
    assert_eq!(
        answer(Format::Google, &one(), &ctx),
        expected(
            PLAIN,
            "en",
            r#"{"error":{"code":422,"message":"the request has invalid fields","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"VALIDATION_FAILED","metadata":{}},{"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":[{"field":"items[2].sku","description":"must be at least 3 characters","reason":"LENGTH"}]}]}}"#
        )
    );
    let fields: Vec<String> = (0..100).map(|i| format!("items[{i}]")).collect();
    let kept: Vec<(&str, &str, &str)> = fields
        .iter()
        .map(|f| (f.as_str(), "is required", "REQUIRED"))
        .collect();
    assert_eq!(
        answer(Format::Google, &too_many(), &ctx),
        expected(PLAIN, "en", &google_body("", &kept))
    );
    // Google's `message` and each `description` are developer-facing, in English; the
    // summary's Thai is its `LocalizedMessage`: the body is in both.
    let localized = format!(
        r#",{{"@type":"type.googleapis.com/google.rpc.LocalizedMessage","locale":"th","message":"{TH_SUMMARY}"}}"#
    );
    assert_eq!(
        answer(Format::Google, &three(), &thai()),
        expected(PLAIN, "en, th", &google_body(&localized, &three_violations))
    );
}

// Fields of ordinary errors.

#[derive(Debug, ApiError)]
enum CardError {
    #[status(400)]
    #[code("invalid_number")]
    #[message("the card number is invalid")]
    #[field("card[number]")]
    InvalidNumber,
}

#[test]
fn one_error_with_a_field_writes_it_in_the_plain_profile() {
    let ctx = RequestContext::new();
    // A declared field, as it is.
    let body = answer(Format::Problem, &CardError::InvalidNumber, &ctx).3;
    assert_eq!(
        body,
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"the card number is invalid","code":"invalid_number","field":"card[number]"}"#
    );
    assert_rfc9457(&body, 400);
    // A path, as a pointer.
    let (status, _, _, body) = answer(Format::Problem, &odd(), &ctx);
    assert_eq!(status, 422);
    assert_eq!(
        body,
        r#"{"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"must be a valid email address","code":"email","pointer":"/meta/a~1b~0c\"d"}"#
    );
    // In a list of errors, each entry has its own.
    let renderer = Renderer::default();
    let errors: [&dyn ApiError; 2] = [&CardError::InvalidNumber, &sku()];
    assert_eq!(
        render(&renderer, Format::Problem, &errors, &ctx),
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"the card number is invalid","code":"invalid_number","errors":[{"code":"invalid_number","detail":"the card number is invalid","field":"card[number]"},{"code":"length","detail":"must be at least 3 characters","pointer":"/items/2/sku"}]}"#
    );
    // The other formats write a path in their own notation.
    assert_eq!(
        render(&renderer, Format::Google, &[&sku()], &ctx),
        r#"{"error":{"code":422,"message":"must be at least 3 characters","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"LENGTH","metadata":{}},{"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":[{"field":"items[2].sku","description":"must be at least 3 characters","reason":"LENGTH"}]}]}}"#
    );
    assert_eq!(
        render(&renderer, Format::Oney, &[&sku()], &ctx),
        r#"{"language_code":"EN","error_list":[{"error":{"field":"items[2].sku","error_code":"length","error_label":"must be at least 3 characters"}}]}"#
    );
    assert_eq!(
        render(&renderer, Format::Vipps, &[&sku()], &ctx),
        r#"{"type":"https://httpstatuses.io/422","title":"Invalid Field","status":422,"detail":"must be at least 3 characters","extraDetails":[{"name":"ErrorCode","reason":"length"},{"name":"items[2].sku","reason":"must be at least 3 characters"}],"traceId":""}"#
    );
}

// Reading the bodies back.

/// The entries of `body` as (code, field, message).
fn entries(body: &ReceivedBody) -> Vec<(Option<&str>, Option<&str>, Option<&str>)> {
    body.entries
        .iter()
        .map(|e| (e.code.as_deref(), e.field.as_deref(), e.message.as_deref()))
        .collect()
}

fn decode(format: Format, failure: &ValidationFailure) -> ReceivedBody {
    let res = Renderer::default().response(format, failure, &RequestContext::new());
    let decoded = Decoder::new().decode_response(
        res.status().as_u16(),
        res.headers(),
        res.body(),
        &DecodeOptions::default(),
    );
    let body = decoded.body.expect("a body in a wire format");
    assert_eq!(body.format, format);
    body
}

#[test]
fn summary_bodies_read_back() {
    let failure = three();
    let paths: Vec<FieldPath> = failure.list().iter().map(|v| v.path().clone()).collect();
    let odd_pointer = r#"/meta/a~1b~0c"d"#;
    let odd_dotted = r#"meta["a/b~c\"d"]"#;
    let messages = [
        "must be at least 3 characters",
        "must be a valid email address",
        "is required",
    ];

    let problem = decode(Format::Problem, &failure);
    assert_eq!(problem.code.as_deref(), Some("validation_failed"));
    assert_eq!(
        problem.message.as_deref(),
        Some("the request has invalid fields")
    );
    assert_eq!(problem.field, None);
    assert_eq!(
        entries(&problem),
        [
            (Some("length"), Some("/items/2/sku"), Some(messages[0])),
            (Some("email"), Some(odd_pointer), Some(messages[1])),
            (Some("required"), Some("/customer/name"), Some(messages[2])),
        ]
    );

    // Vipps writes no code per violation.
    let vipps = decode(Format::Vipps, &failure);
    assert_eq!(vipps.code.as_deref(), Some("validation_failed"));
    assert_eq!(
        vipps.message.as_deref(),
        Some("the request has invalid fields")
    );
    assert_eq!(
        entries(&vipps),
        [
            (None, Some("items[2].sku"), Some(messages[0])),
            (None, Some(odd_dotted), Some(messages[1])),
            (None, Some("customer.name"), Some(messages[2])),
        ]
    );

    // Oney writes no summary: its first entry stands for the body.
    let oney = decode(Format::Oney, &failure);
    assert_eq!(oney.code.as_deref(), Some("length"));
    assert_eq!(oney.message.as_deref(), Some(messages[0]));
    assert_eq!(oney.field.as_deref(), Some("items[2].sku"));
    assert_eq!(
        entries(&oney),
        [
            (Some("length"), Some("items[2].sku"), Some(messages[0])),
            (Some("email"), Some(odd_dotted), Some(messages[1])),
            (Some("required"), Some("customer.name"), Some(messages[2])),
        ]
    );

    // Google's codes are reasons, in UPPER_SNAKE_CASE.
    let google = decode(Format::Google, &failure);
    assert_eq!(google.code.as_deref(), Some("VALIDATION_FAILED"));
    assert_eq!(
        google.message.as_deref(),
        Some("the request has invalid fields")
    );
    assert_eq!(
        entries(&google),
        [
            (Some("LENGTH"), Some("items[2].sku"), Some(messages[0])),
            (Some("EMAIL"), Some(odd_dotted), Some(messages[1])),
            (Some("REQUIRED"), Some("customer.name"), Some(messages[2])),
        ]
    );

    // Each field reads back into the path it was written from.
    for (body, notation) in [
        (&problem, Notation::Pointer),
        (&vipps, Notation::Dotted),
        (&oney, Notation::Dotted),
        (&google, Notation::Dotted),
    ] {
        let read: Vec<Option<FieldPath>> = body
            .entries
            .iter()
            .map(|e| FieldPath::parse(e.field.as_deref().unwrap(), notation))
            .collect();
        let expected: Vec<Option<FieldPath>> = paths.iter().cloned().map(Some).collect();
        assert_eq!(read, expected, "{:?}", body.format);
    }

    // Omise carries the summary's code and the first violation as its message.
    let omise = decode(Format::Omise, &failure);
    assert_eq!(omise.code.as_deref(), Some("validation_failed"));
    assert_eq!(
        omise.message.as_deref(),
        Some("items[2].sku must be at least 3 characters")
    );
    assert!(omise.entries.is_empty());

    // The count left out is kept among the problem's other members.
    let many = decode(Format::Problem, &too_many());
    assert_eq!(many.entries.len(), 100);
    assert_eq!(many.extra["errors_omitted"], 2);
}

#[test]
fn a_plain_problem_field_reads_back() {
    let ctx = RequestContext::new();
    for (err, field) in [
        (&CardError::InvalidNumber as &dyn ApiError, "card[number]"),
        (&odd(), r#"/meta/a~1b~0c"d"#),
    ] {
        let res = Renderer::default().response(Format::Problem, err, &ctx);
        let decoded = Decoder::new().decode_response(
            res.status().as_u16(),
            res.headers(),
            res.body(),
            &DecodeOptions::default(),
        );
        let body = decoded.body.unwrap();
        assert_eq!(body.field.as_deref(), Some(field));
        assert!(body.extra.is_empty(), "{:?}", body.extra);
    }
}

/// What each format says it writes of a validation failure, which `Content-Language`
/// is worked out from.
#[test]
fn formats_say_whether_they_write_the_summary_message() {
    let renderer = Renderer::default();
    let says = |format: Format| renderer.wire(format).carries().summary_message;
    assert!(!says(Format::Omise));
    assert!(!says(Format::Oney));
    assert!(says(Format::Problem));
    assert!(says(Format::Vipps));
    assert!(says(Format::Google));
}
