//! The corpus of received bodies (`tests/fixtures/received/`, provenance in its README):
//! each decodes leniently to exactly the expected value, quirks and all.

use std::time::{Duration, UNIX_EPOCH};

use apierror::parse::{decode, DecodeOptions, Decoded, ErrorResponse, ReceivedBody, RetryAfter};
use apierror::{ApiError, Format};
use apierror_catalog::omise::OmiseError;
use apierror_catalog::oney_payment::PaymentError;
use apierror_catalog::vipps_epayment::EpaymentError;
use http::HeaderMap;
use serde_json::{json, Map, Value};

use crate::support::TRACE;

fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
    let mut map = HeaderMap::new();
    for (name, value) in pairs {
        map.append(*name, value.parse().unwrap());
    }
    map
}

fn decode_file<E: ApiError>(
    file: &[u8],
    status: u16,
    pairs: &[(&'static str, &'static str)],
) -> Decoded<E> {
    decode::<E>(status, &headers(pairs), file, &DecodeOptions::default())
}

/// An [`ErrorResponse`] with nothing read but the status and content type.
fn nothing(status: u16, content_type: Option<&str>) -> ErrorResponse {
    ErrorResponse {
        status,
        trace_id: None,
        retry_after: None,
        content_type: content_type.map(str::to_owned),
        language: None,
        meta: None,
        body: None,
        gateway_message: None,
        raw: Vec::new(),
        raw_truncated: false,
    }
}

/// A [`ReceivedBody`] of `format` with nothing read but the HTTP status.
fn empty_body(format: Format, status: u16) -> ReceivedBody {
    let mut body = ReceivedBody::new(format);
    body.status = Some(status);
    body
}

fn object(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        _ => unreachable!(),
    }
}

fn some(text: &str) -> Option<String> {
    Some(text.to_owned())
}

/// An Omise body read with its four members, typed as `error`.
fn omise_typed(
    error: OmiseError,
    status: u16,
    content_type: &str,
    code: &str,
    message: &str,
    extra: Value,
) -> Decoded<OmiseError> {
    let mut body = empty_body(Format::Omise, status);
    body.location = Some(format!(
        "https://www.omise.co/api-errors#{}",
        code.replace('_', "-")
    ));
    body.code = some(code);
    body.message = some(message);
    body.extra = object(extra);
    let mut response = nothing(status, Some(content_type));
    response.meta = OmiseError::catalog().find(code);
    response.body = Some(body);
    Decoded::Typed { error, response }
}

#[test]
fn omise_bodies() {
    assert_eq!(
        decode_file::<OmiseError>(
            include_bytes!("../fixtures/received/omise-used-token.json"),
            400,
            &[("content-type", "application/json; charset=utf-8")]
        ),
        omise_typed(
            OmiseError::UsedToken,
            400,
            "application/json; charset=utf-8",
            "used_token",
            "token was already used",
            json!({})
        )
    );
    assert_eq!(
        decode_file::<OmiseError>(
            include_bytes!("../fixtures/received/omise-extra-members.json"),
            404,
            &[("content-type", "application/json")]
        ),
        omise_typed(
            OmiseError::NotFound,
            404,
            "application/json",
            "not_found",
            "transfer trsf_test_5fzbq9kx5k6gyzxw7sq was not found",
            json!({"request_id": "req_5fzbq9kx5k6gyzxw7sr"})
        )
    );
    assert_eq!(
        decode_file::<OmiseError>(
            include_bytes!("../fixtures/received/omise-bom.json"),
            401,
            &[("content-type", "application/json")]
        ),
        omise_typed(
            OmiseError::AuthenticationFailure,
            401,
            "application/json",
            "authentication_failure",
            "authentication failed",
            json!({})
        )
    );
}

#[test]
fn vipps_bodies() {
    let detail = "The amount you tried to capture is not reserved. The user must accept the payment before capture can be done.";
    let mut body = empty_body(Format::Vipps, 400);
    body.problem_type = some("https://httpstatuses.io/400");
    body.title = some("Cannot capture before reservation");
    body.message = some(detail);
    body.instance = some("/v1/payments/577531734343670112/capture");
    body.code = some("6080");
    body.trace_id = some(TRACE);
    let mut response = nothing(400, Some("application/problem+json"));
    response.trace_id = some(TRACE);
    response.language = some("en");
    response.meta = EpaymentError::catalog().find("6080");
    response.body = Some(body);
    assert_eq!(
        decode_file::<EpaymentError>(
            include_bytes!("../fixtures/received/vipps-epayment-example.json"),
            400,
            &[
                ("content-type", "application/problem+json"),
                ("content-language", "en")
            ]
        ),
        Decoded::Typed {
            error: EpaymentError::CannotCaptureBeforeReservation,
            response
        }
    );

    let trace = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    let detail = "The amount is invalid. Amounts must be integers, no decimals. They are specified in minor units, like øre or cent. A common error is to specify amounts with decimals, sometimes due to rounding errors.";
    let mut body = empty_body(Format::Vipps, 400);
    body.problem_type = some("https://httpstatuses.io/400");
    body.title = some("Invalid amount");
    body.message = some(detail);
    body.instance = some("/epayment/v1/payments");
    body.code = some("4040");
    body.trace_id = some(trace);
    let mut response = nothing(400, Some("application/problem+json; charset=utf-8"));
    response.trace_id = some(trace);
    response.meta = EpaymentError::catalog().find("4040");
    response.body = Some(body);
    assert_eq!(
        decode_file::<EpaymentError>(
            include_bytes!("../fixtures/received/vipps-status-string.json"),
            400,
            &[("content-type", "application/problem+json; charset=utf-8")]
        ),
        Decoded::Typed {
            error: EpaymentError::InvalidAmount,
            response
        }
    );
}

#[test]
fn gateway_answers_are_unrecognised_with_their_message() {
    let file = include_bytes!("../fixtures/received/vipps-apim-401.json");
    let mut response = nothing(401, Some("application/json"));
    response.gateway_message = some("Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.");
    response.raw = file.to_vec();
    assert_eq!(
        decode_file::<EpaymentError>(file, 401, &[("content-type", "application/json")]),
        Decoded::Unrecognised(response)
    );

    let file = include_bytes!("../fixtures/received/vipps-apim-429.json");
    let mut response = nothing(429, Some("application/json"));
    response.gateway_message = some("Rate limit is exceeded. Try again in 7 seconds.");
    response.retry_after = Some(RetryAfter::Delay(Duration::from_secs(7)));
    response.raw = file.to_vec();
    assert_eq!(
        decode_file::<EpaymentError>(
            file,
            429,
            &[("content-type", "application/json"), ("retry-after", "7")]
        ),
        Decoded::Unrecognised(response)
    );
}

/// An entry of a list as (code, field, message, extra members).
type Entry = (Option<String>, Option<String>, Option<String>, Value);

/// The entries of a decoded Oney body.
fn entries(decoded: &Decoded<PaymentError>) -> Vec<Entry> {
    decoded
        .response()
        .body
        .as_ref()
        .unwrap()
        .entries
        .iter()
        .map(|e| {
            (
                e.code.clone(),
                e.field.clone(),
                e.message.clone(),
                Value::Object(e.extra.clone()),
            )
        })
        .collect()
}

/// An Oney body whose first entry is `ERR_02` on `purchase.external_reference_type`, with
/// its entries and extra members left out (they are compared apart).
fn oney_err_02(
    language: &str,
    extra: Value,
    decoded: &Decoded<PaymentError>,
) -> Decoded<PaymentError> {
    let label = "Field size must be less than 128 characters";
    let mut body = empty_body(Format::Oney, 400);
    body.language = some(language);
    body.code = some("ERR_02");
    body.message = some(label);
    body.field = some("purchase.external_reference_type");
    body.extra = object(extra);
    body.entries = decoded.response().body.as_ref().unwrap().entries.clone();
    let mut response = nothing(400, Some("application/json"));
    response.language = some(language);
    response.meta = PaymentError::catalog().find("ERR_02");
    response.body = Some(body);
    Decoded::Typed {
        error: PaymentError::FieldTooLong {
            field: "purchase.external_reference_type".into(),
            max: 128,
        },
        response,
    }
}

#[test]
fn oney_bodies() {
    let json = &[("content-type", "application/json")];
    let err_02 = (
        some("ERR_02"),
        some("purchase.external_reference_type"),
        some("Field size must be less than 128 characters"),
        json!({}),
    );
    let err_01 = (
        some("ERR_01"),
        some("customer.customer_address.email"),
        some("The field is mandatory"),
        json!({}),
    );

    let decoded = decode_file::<PaymentError>(
        include_bytes!("../fixtures/received/oney-example.json"),
        400,
        json,
    );
    assert_eq!(decoded, oney_err_02("EN", json!({}), &decoded));
    assert_eq!(entries(&decoded), std::slice::from_ref(&err_02));

    let decoded = decode_file::<PaymentError>(
        include_bytes!("../fixtures/received/oney-flat-entries.json"),
        400,
        json,
    );
    assert_eq!(decoded, oney_err_02("EN", json!({}), &decoded));
    assert_eq!(entries(&decoded), [err_02.clone(), err_01.clone()]);

    let decoded = decode_file::<PaymentError>(
        include_bytes!("../fixtures/received/oney-unknown-members.json"),
        400,
        json,
    );
    assert_eq!(
        decoded,
        oney_err_02("EN", json!({"request_id": "9f1c"}), &decoded)
    );
    let mut with_severity = err_02.clone();
    with_severity.3 = json!({"severity": "blocking"});
    assert_eq!(entries(&decoded), [with_severity]);

    let decoded = decode_file::<PaymentError>(
        include_bytes!("../fixtures/received/oney-error-list-space.json"),
        400,
        json,
    );
    assert_eq!(entries(&decoded), [err_01]);
    let mut body = empty_body(Format::Oney, 400);
    body.language = some("FR");
    body.code = some("ERR_01");
    body.message = some("The field is mandatory");
    body.field = some("customer.customer_address.email");
    body.entries = decoded.response().body.as_ref().unwrap().entries.clone();
    let mut response = nothing(400, Some("application/json"));
    response.language = some("FR");
    response.meta = PaymentError::catalog().find("ERR_01");
    response.body = Some(body);
    assert_eq!(
        decoded,
        Decoded::Typed {
            error: PaymentError::MandatoryField {
                field: "customer.customer_address.email".into()
            },
            response
        }
    );
}

#[test]
fn problem_bodies() {
    let mut body = empty_body(Format::Problem, 400);
    body.problem_type = some("about:blank");
    body.title = some("Bad Request");
    body.message = some("token was already used");
    body.instance = some("/charges");
    body.code = some("used_token");
    let mut response = nothing(400, Some("application/problem+json; charset=utf-8"));
    response.meta = OmiseError::catalog().find("used_token");
    response.body = Some(body);
    assert_eq!(
        decode_file::<OmiseError>(
            include_bytes!("../fixtures/received/problem-charset.json"),
            400,
            &[("content-type", "application/problem+json; charset=utf-8")]
        ),
        Decoded::Typed {
            error: OmiseError::UsedToken,
            response
        }
    );

    let file = include_bytes!("../fixtures/received/problem-type-only.json");
    let mut body = empty_body(Format::Problem, 403);
    body.problem_type = some("https://example.com/probs/out-of-credit");
    let mut response = nothing(403, Some("application/problem+json"));
    response.body = Some(body);
    response.raw = file.to_vec();
    assert_eq!(
        decode_file::<OmiseError>(file, 403, &[("content-type", "application/problem+json")]),
        Decoded::Unrecognised(response)
    );
}

#[test]
fn pages_and_empty_bodies_are_unrecognised() {
    let file = include_bytes!("../fixtures/received/gateway-502.html");
    let mut response = nothing(502, Some("text/html"));
    response.retry_after = Some(RetryAfter::Delay(Duration::from_secs(30)));
    response.raw = file.to_vec();
    assert_eq!(
        decode_file::<OmiseError>(
            file,
            502,
            &[("content-type", "text/html"), ("retry-after", "30")]
        ),
        Decoded::Unrecognised(response)
    );

    let file = include_bytes!("../fixtures/received/empty-503.txt");
    let mut response = nothing(503, None);
    // Wed, 21 Oct 2026 07:28:00 GMT
    response.retry_after = Some(RetryAfter::At(
        UNIX_EPOCH + Duration::from_secs(1_792_567_680),
    ));
    assert_eq!(
        decode_file::<OmiseError>(
            file,
            503,
            &[("retry-after", "Wed, 21 Oct 2026 07:28:00 GMT")]
        ),
        Decoded::Unrecognised(response)
    );
}

#[test]
fn the_raw_copy_is_bounded_and_traceparent_is_kept() {
    let page = vec![b'x'; 10_000];
    let options = DecodeOptions {
        max_raw_bytes: 100,
        ..DecodeOptions::default()
    };
    let headers = headers(&[("traceparent", TRACE)]);
    let decoded = decode::<OmiseError>(500, &headers, &page, &options);
    let response = decoded.response();
    assert_eq!(response.raw, vec![b'x'; 100]);
    assert!(response.raw_truncated);
    assert_eq!(response.trace_id.as_deref(), Some(TRACE));
    assert!(decoded.typed().is_none());
}
