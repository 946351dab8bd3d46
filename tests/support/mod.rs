//! What the test binaries share, each including this module (`tests/<area>/main.rs` with
//! `#[path = "../support/mod.rs"] mod support;`, `tests/<name>.rs` with `mod support;`): the
//! trace id, error types and body checks of the wire-format tests (here), sample values of
//! every shipped catalog ([`samples`]), one HTTP exchange over loopback ([`http_client`]),
//! captured `tracing` output ([`log_capture`]), and the Transfers example app started for a
//! test with its clients, loads and databases ([`transfers_app`]).
//!
//! Each binary uses part of it.
#![allow(dead_code)]

pub mod http_client;
pub mod log_capture;
#[macro_use]
pub mod samples;
pub mod transfers_app;

use apierror::{ApiError, Format, Renderer, RequestContext};

/// A W3C `traceparent` header value, sent by the tests that check a body's trace id.
pub const TRACE: &str = "00-813b63975adcaaeef2b0ec7c103c40e3-706492e906541d31-01";

/// Quotes, backslashes, control characters, non-ASCII and an emoji.
pub const HOSTILE: &str = "q\"b\\s\n\r\t\u{0}\u{1f}\u{7f}é🦀</script>";
/// `HOSTILE` as it must appear inside a JSON string.
pub const HOSTILE_JSON: &str = "q\\\"b\\\\s\\n\\r\\t\\u0000\\u001f\u{7f}é🦀</script>";
/// Text of a source error that must never reach a 5xx body.
pub const SECRET: &str = "connection refused to db.internal:5432 (password=hunter2)";

/// A shop's error returned by the web handlers of the integration tests (axum, actix-web and
/// the request spans): its message is thiserror's `Display`, its `location` a page of the
/// shop's own.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(location = "https://shop.example.com/errors")]
pub enum ShopError {
    #[error("cart {0} was not found")]
    #[status(404)]
    #[code("cart_not_found")]
    CartNotFound(u64),
    #[error("sign in first")]
    #[status(401)]
    #[code("unauthorized")]
    Unauthorized,
}

/// Omise charge errors, without a `location` of their own.
#[derive(Debug, ApiError)]
pub enum ChargeError {
    /// An attempt was made to re-use a token.
    #[status(400)]
    #[code("used_token")]
    #[message("token was already used")]
    UsedToken,

    /// The amount is below the minimum.
    #[status(400)]
    #[code("invalid_charge")]
    #[message("amount must be at least {min} {currency}")]
    InvalidCharge { min: u64, currency: String },

    /// Something failed on our side.
    #[status(500)]
    #[code("internal_error")]
    #[message("request could not be completed due to an internal error")]
    Internal(#[source] std::io::Error),
}

/// An error whose message is its thiserror `Display`, which prints the source.
#[derive(Debug, thiserror::Error, ApiError)]
pub enum StoreError {
    #[error("database failed: {0}")]
    #[status(503)]
    #[code("db_down")]
    Database(#[source] std::io::Error),

    #[error("transfer {0} not found")]
    #[status(404)]
    #[code("not_found")]
    NotFound(String),
}

/// Vipps ePayment errors.
#[derive(Debug, ApiError)]
pub enum PaymentError {
    #[status(400)]
    #[code("6080")]
    #[title("Cannot capture before reservation")]
    #[message("The amount you tried to capture is not reserved. The user must accept the payment before capture can be done.")]
    CaptureBeforeReservation,

    #[status(400)]
    #[code("4040")]
    #[title("Invalid amount")]
    #[message("amounts are integers in minor units, got {got}")]
    InvalidAmount {
        #[field]
        field: &'static str,
        got: String,
    },
}

/// Oney service payment errors.
#[derive(Debug, ApiError)]
#[api_error(oney, allow_duplicate_codes)]
pub enum OneyError {
    #[status(400)]
    #[code("ERR_01")]
    #[message("The field is mandatory")]
    Mandatory {
        #[field]
        field: String,
    },

    #[status(400)]
    #[code("ERR_02")]
    #[message("Field size must be less than {max} characters")]
    TooLong {
        #[field]
        field: String,
        max: u32,
    },

    #[status(400)]
    #[code("ERR_04")]
    #[message("Field value is invalid {value}")]
    Invalid {
        #[field]
        field: String,
        value: String,
    },

    #[status(400)]
    #[code("ERR_05")]
    #[message("The limits of a business transaction are exceeded")]
    Limits,

    #[status(500)]
    #[code("ERR_500")]
    #[message("Failed to process the request")]
    Internal(#[source] std::io::Error),
}

/// The settings of the render and round-trip properties: 256 cases, and no regression file
/// (a failure prints its shrunk case; those properties keep no seeds).
pub fn proptest_config() -> proptest::test_runner::Config {
    proptest::test_runner::Config {
        cases: 256,
        failure_persistence: None,
        ..proptest::test_runner::Config::default()
    }
}

pub fn secret_error() -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::ConnectionRefused, SECRET)
}

/// Renders `errors` in `format` and checks what holds for every body: it is valid UTF-8
/// JSON, the `Serialize` view writes the very same bytes, and no source text leaks.
pub fn render(
    renderer: &Renderer,
    format: Format,
    errors: &[&dyn ApiError],
    ctx: &RequestContext<'_>,
) -> String {
    let mut buf = Vec::new();
    renderer.render_all(format, errors, ctx, &mut buf);
    let body = String::from_utf8(buf).expect("body is UTF-8");
    let parsed: serde_json::Value = serde_json::from_str(&body).expect("body is JSON");
    let view = renderer.view(format, errors, ctx);
    assert_eq!(
        serde_json::to_string(&view).unwrap(),
        body,
        "view writes the same bytes"
    );
    assert_eq!(serde_json::to_value(&view).unwrap(), parsed);
    assert!(!body.contains("hunter2"), "source text leaked: {body}");
    body
}

/// RFC 9457's rules for a problem body sent with HTTP status `http_status`, as assertions.
pub fn assert_rfc9457(body: &str, http_status: u16) {
    let value: serde_json::Value = serde_json::from_str(body).expect("problem is JSON");
    let object = value
        .as_object()
        .expect("section 3: a problem is a JSON object");
    let is_uri_reference = |s: &str| !s.chars().any(|c| c.is_control() || c.is_whitespace());
    if let Some(ty) = object.get("type") {
        let ty = ty.as_str().expect("3.1.1: type is a string");
        assert!(
            is_uri_reference(ty),
            "3.1.1: type is a URI reference: {ty:?}"
        );
        if ty == "about:blank" {
            let reason = http::StatusCode::from_u16(http_status)
                .unwrap()
                .canonical_reason()
                .unwrap();
            assert_eq!(
                object["title"], reason,
                "4.2.1: about:blank title is the reason phrase"
            );
        }
    }
    let status = object.get("status").expect("status present");
    let status = status.as_u64().expect("3.1.2: status is a JSON number");
    assert!(
        (100..=599).contains(&status),
        "3.1.2: status is an HTTP status"
    );
    assert_eq!(
        status,
        u64::from(http_status),
        "3.1.2: status equals the HTTP status"
    );
    if let Some(title) = object.get("title") {
        assert!(title.is_string(), "3.1.3: title is a string");
    }
    if let Some(detail) = object.get("detail") {
        assert!(detail.is_string(), "3.1.4: detail is a string");
    }
    if let Some(instance) = object.get("instance") {
        let instance = instance.as_str().expect("3.1.5: instance is a string");
        assert!(
            is_uri_reference(instance),
            "3.1.5: instance is a URI reference"
        );
    }
}

/// The Vipps `Problem` schema's rules: `type` (a URI), `title`, `status`, `traceId` present.
pub fn assert_vipps(body: &str) {
    let value: serde_json::Value = serde_json::from_str(body).unwrap();
    for required in ["type", "title", "status", "traceId"] {
        assert!(
            value.get(required).is_some(),
            "Vipps Problem requires {required}"
        );
    }
    assert!(value["type"]
        .as_str()
        .unwrap()
        .starts_with("https://httpstatuses.io/"));
    assert_eq!(value["extraDetails"][0]["name"], "ErrorCode");
}

/// `err` with everything of the trait but its derived parts (`json_parts` and the writers
/// that go with them): what a hand-written impl, or a wrapper that forwards the
/// translations as a composed catalog does, looks like. The formats render it on their
/// generic path, which the tests compare with the derive's.
pub struct Generic<'e>(pub &'e dyn ApiError);

impl ApiError for Generic<'_> {
    fn catalog() -> &'static apierror::Catalog {
        unreachable!("rendering never asks a value for its type's catalog")
    }

    fn meta(&self) -> &'static apierror::VariantMeta {
        self.0.meta()
    }

    fn write_message(&self, out: &mut dyn apierror::MessageSink) -> core::fmt::Result {
        self.0.write_message(out)
    }

    fn has_message_in(&self, lang: &str) -> bool {
        self.0.has_message_in(lang)
    }

    fn write_message_in(
        &self,
        lang: &str,
        out: &mut dyn apierror::MessageSink,
    ) -> Option<core::fmt::Result> {
        self.0.write_message_in(lang, out)
    }

    fn field(&self) -> Option<&dyn core::fmt::Display> {
        self.0.field()
    }

    fn for_each_value(&self, visit: &mut dyn FnMut(&'static str, &dyn core::fmt::Display)) {
        self.0.for_each_value(visit)
    }
}
