//! The cases of `benches/wire.rs`: every function of a group appends the same body to a
//! buffer. Shared with `tests/formats/bench_equivalence.rs`, which checks that they do.
//!
//! Each group pits apierror against what a user would write instead: a copy of the body
//! rendered ahead of time (the floor), a hand-written `#[derive(Serialize)]` struct,
//! `serde_json::json!`, or the http-api-problem crate.

#![allow(dead_code)]

mod formats;
// Read by `tests/test_bench_equivalence.rs`, not by the benchmark.
#[allow(unused_imports)]
pub use formats::{CUSTOM_OMISE_BODY, JSONAPI_LIST3_BODY, MICROSOFT_UNIT_BODY, STRIPE_UNIT_BODY};

// The runtime's own escaping (not public API), so that the floor differs from apierror's
// path only in what is copied.
use apierror::__private::escape_str;
use apierror::format::{GoogleFormat, OmiseFormat, OneyFormat, ProblemFormat};
use apierror::{ApiError, Format, Renderer, RequestContext};
use http::header::{CONTENT_LANGUAGE, CONTENT_TYPE};
use http::{Response, StatusCode};
use serde::Serialize;

/// The errors rendered.
#[derive(Debug, ApiError)]
pub enum BenchError {
    /// Omise's `used_token`, a message without placeholders.
    #[status(400)]
    #[code("used_token")]
    #[message("token was already used")]
    UsedToken,

    /// A message with one interpolated field, in English and Japanese.
    #[status(404)]
    #[code("token_not_found")]
    #[message("token {token} was not found")]
    #[message(ja = "トークン {token} が見つかりません")]
    TokenNotFound { token: String },

    /// The Vipps ePayment example.
    #[status(400)]
    #[code("6080")]
    #[title("Cannot capture before reservation")]
    #[message("The amount you tried to capture is not reserved. The user must accept the payment before capture can be done.")]
    CaptureBeforeReservation,
}

/// Oney errors: the list of three.
#[derive(Debug, ApiError)]
#[api_error(oney)]
pub enum OneyError {
    #[status(400)]
    #[code("ERR_01")]
    #[message("The field is mandatory")]
    Mandatory {
        #[field]
        field: &'static str,
    },

    #[status(400)]
    #[code("ERR_02")]
    #[message("Field size must be less than {max} characters")]
    TooLong {
        #[field]
        field: &'static str,
        max: u32,
    },

    #[status(400)]
    #[code("ERR_05")]
    #[message("The limits of a business transaction are exceeded")]
    Limits,
}

pub const TOKEN: &str = "tokn_test_5xp6ca4bs4tnx0ybmbd";
pub const INSTANCE: &str = "/v1/payments/577531734343670112/capture";
pub const TRACE_ID: &str = "00-813b63975adcaaeef2b0ec7c103c40e3-706492e906541d31-01";
const VIPPS_DETAIL: &str = "The amount you tried to capture is not reserved. The user must accept the payment before capture can be done.";

pub const OMISE_UNIT_BODY: &[u8] = br#"{"object":"error","location":"https://www.omise.co/api-errors#used-token","code":"used_token","message":"token was already used"}"#;
pub const OMISE_TEMPLATED_BODY: &[u8] = br#"{"object":"error","location":"https://www.omise.co/api-errors#token-not-found","code":"token_not_found","message":"token tokn_test_5xp6ca4bs4tnx0ybmbd was not found"}"#;
pub const GOOGLE_UNIT_BODY: &[u8] = br#"{"error":{"code":400,"message":"token was already used","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"USED_TOKEN","metadata":{}}]}}"#;
pub const OMISE_LOCALIZED_BODY: &[u8] = r#"{"object":"error","location":"https://www.omise.co/api-errors#token-not-found","code":"token_not_found","message":"トークン tokn_test_5xp6ca4bs4tnx0ybmbd が見つかりません"}"#.as_bytes();
pub const VIPPS_BODY: &[u8] = br#"{"type":"https://httpstatuses.io/400","title":"Cannot capture before reservation","status":400,"detail":"The amount you tried to capture is not reserved. The user must accept the payment before capture can be done.","instance":"/v1/payments/577531734343670112/capture","extraDetails":[{"name":"ErrorCode","reason":"6080"}],"traceId":"00-813b63975adcaaeef2b0ec7c103c40e3-706492e906541d31-01"}"#;
pub const ONEY_BODY: &[u8] = br#"{"language_code":"EN","error_list":[{"error":{"field":"purchase.external_reference","error_code":"ERR_01","error_label":"The field is mandatory"}},{"error":{"field":"purchase.external_reference_type","error_code":"ERR_02","error_label":"Field size must be less than 128 characters"}},{"error":{"error_code":"ERR_05","error_label":"The limits of a business transaction are exceeded"}}]}"#;

/// Everything a case needs, built once outside the timed loop.
pub struct Fixture {
    pub omise: OmiseFormat,
    pub google: GoogleFormat,
    pub vipps: ProblemFormat,
    pub oney: OneyFormat,
    pub renderer: Renderer,
    pub ctx: RequestContext<'static>,
    /// A request preferring Japanese.
    pub ja: RequestContext<'static>,
    pub templated: BenchError,
    pub oney_errors: [OneyError; 3],
    /// The `apierror-formats` formats and a user's own.
    pub formats: formats::Formats,
}

impl Fixture {
    pub fn new() -> Self {
        let ctx = RequestContext::new()
            .with_instance(INSTANCE)
            .and_then(|c| c.with_trace_id(TRACE_ID))
            .unwrap_or_default();
        Fixture {
            omise: OmiseFormat::new(),
            google: GoogleFormat::new(),
            vipps: ProblemFormat::vipps(),
            oney: OneyFormat::new(),
            renderer: Renderer::new(Format::Problem),
            ctx,
            ja: RequestContext::new()
                .with_accept_language("ja-JP, en;q=0.5")
                .unwrap_or_default(),
            templated: BenchError::TokenNotFound {
                token: TOKEN.to_owned(),
            },
            oney_errors: [
                OneyError::Mandatory {
                    field: "purchase.external_reference",
                },
                OneyError::TooLong {
                    field: "purchase.external_reference_type",
                    max: 128,
                },
                OneyError::Limits,
            ],
            formats: formats::Formats::new(),
        }
    }
}

impl Default for Fixture {
    fn default() -> Self {
        Self::new()
    }
}

/// A function of a group: appends its body to the buffer.
pub type Case = fn(&Fixture, &mut Vec<u8>);

/// How a function's output is compared with the group's first: byte for byte, or as a JSON
/// document where the contender fixes its own member order (`json!` sorts members,
/// http-api-problem writes `status` before `title` and its extensions from a `HashMap`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Same {
    Bytes,
    Json,
}

pub struct Group {
    pub name: &'static str,
    pub functions: &'static [(&'static str, Case, Same)],
}

pub const GROUPS: &[Group] = &[
    Group {
        name: "omise_unit",
        functions: &[
            ("apierror", omise_unit_apierror, Same::Bytes),
            ("memcpy_floor", omise_unit_memcpy, Same::Bytes),
            ("serde_struct", omise_unit_serde, Same::Bytes),
            ("json_macro", omise_unit_json_macro, Same::Json),
        ],
    },
    Group {
        name: "omise_templated",
        functions: &[
            ("apierror", omise_templated_apierror, Same::Bytes),
            ("pre_escaped_floor", omise_templated_floor, Same::Bytes),
            (
                "format_then_serde",
                omise_templated_format_serde,
                Same::Bytes,
            ),
        ],
    },
    Group {
        name: "google_unit",
        functions: &[
            ("apierror", google_unit_apierror, Same::Bytes),
            ("memcpy_floor", google_unit_memcpy, Same::Bytes),
            ("serde_struct", google_unit_serde, Same::Bytes),
        ],
    },
    Group {
        name: "omise_localized",
        functions: &[
            ("apierror", omise_localized_apierror, Same::Bytes),
            ("pre_escaped_floor", omise_localized_floor, Same::Bytes),
        ],
    },
    Group {
        name: "problem_vipps",
        functions: &[
            ("apierror", vipps_apierror, Same::Bytes),
            ("memcpy_floor", vipps_memcpy, Same::Bytes),
            ("serde_struct", vipps_serde, Same::Bytes),
            ("http_api_problem", vipps_http_api_problem, Same::Json),
        ],
    },
    Group {
        name: "oney_list3",
        functions: &[
            ("apierror", oney_apierror, Same::Bytes),
            ("memcpy_floor", oney_memcpy, Same::Bytes),
            ("serde_struct", oney_serde, Same::Bytes),
        ],
    },
    Group {
        name: "stripe_unit",
        functions: &[
            ("apierror", formats::stripe_unit_apierror, Same::Bytes),
            ("memcpy_floor", formats::stripe_unit_memcpy, Same::Bytes),
            ("serde_struct", formats::stripe_unit_serde, Same::Bytes),
        ],
    },
    Group {
        name: "jsonapi_list3",
        functions: &[
            ("apierror", formats::jsonapi_list3_apierror, Same::Bytes),
            ("memcpy_floor", formats::jsonapi_list3_memcpy, Same::Bytes),
            ("serde_struct", formats::jsonapi_list3_serde, Same::Bytes),
        ],
    },
    Group {
        name: "microsoft_unit",
        functions: &[
            ("apierror", formats::microsoft_unit_apierror, Same::Bytes),
            ("memcpy_floor", formats::microsoft_unit_memcpy, Same::Bytes),
            ("serde_struct", formats::microsoft_unit_serde, Same::Bytes),
        ],
    },
    // A user's format (`formats::CustomOmise`, the public trait alone) against the
    // built-in writing the same body.
    Group {
        name: "custom_omise",
        functions: &[
            ("custom_format", formats::custom_omise_renderer, Same::Bytes),
            ("custom_write", formats::custom_omise_write, Same::Bytes),
            ("built_in", formats::custom_omise_built_in, Same::Bytes),
            ("memcpy_floor", omise_unit_memcpy, Same::Bytes),
            ("serde_struct", omise_unit_serde, Same::Bytes),
        ],
    },
];

// ---- omise_unit ----

#[derive(Serialize)]
struct OmiseBody<'a> {
    object: &'a str,
    location: &'a str,
    code: &'a str,
    message: &'a str,
}

fn omise_unit_apierror(fx: &Fixture, buf: &mut Vec<u8>) {
    fx.omise.render(&BenchError::UsedToken, buf);
}

fn omise_unit_memcpy(_: &Fixture, buf: &mut Vec<u8>) {
    buf.extend_from_slice(OMISE_UNIT_BODY);
}

fn omise_unit_serde(_: &Fixture, buf: &mut Vec<u8>) {
    let body = OmiseBody {
        object: "error",
        location: "https://www.omise.co/api-errors#used-token",
        code: "used_token",
        message: "token was already used",
    };
    let _ = serde_json::to_writer(buf, &body);
}

fn google_unit_apierror(fx: &Fixture, buf: &mut Vec<u8>) {
    fx.google.render(&BenchError::UsedToken, &fx.ctx, buf);
}

fn google_unit_memcpy(_: &Fixture, buf: &mut Vec<u8>) {
    buf.extend_from_slice(GOOGLE_UNIT_BODY);
}

/// What a user writes by hand for the same body: `google.rpc.Status` as serde structs.
#[derive(Serialize)]
struct GoogleBody<'a> {
    error: GoogleStatus<'a>,
}

#[derive(Serialize)]
struct GoogleStatus<'a> {
    code: u16,
    message: &'a str,
    status: &'a str,
    details: [GoogleErrorInfo<'a>; 1],
}

#[derive(Serialize)]
struct GoogleErrorInfo<'a> {
    #[serde(rename = "@type")]
    kind: &'a str,
    reason: &'a str,
    metadata: std::collections::BTreeMap<&'a str, &'a str>,
}

fn google_unit_serde(_: &Fixture, buf: &mut Vec<u8>) {
    let body = GoogleBody {
        error: GoogleStatus {
            code: 400,
            message: "token was already used",
            status: "INVALID_ARGUMENT",
            details: [GoogleErrorInfo {
                kind: "type.googleapis.com/google.rpc.ErrorInfo",
                reason: "USED_TOKEN",
                metadata: std::collections::BTreeMap::new(),
            }],
        },
    };
    let _ = serde_json::to_writer(buf, &body);
}

fn omise_unit_json_macro(_: &Fixture, buf: &mut Vec<u8>) {
    let value = serde_json::json!({
        "object": "error",
        "location": "https://www.omise.co/api-errors#used-token",
        "code": "used_token",
        "message": "token was already used",
    });
    if let Ok(bytes) = serde_json::to_vec(&value) {
        buf.extend_from_slice(&bytes);
    }
}

// ---- omise_templated ----

fn omise_templated_apierror(fx: &Fixture, buf: &mut Vec<u8>) {
    fx.omise.render(&fx.templated, buf);
}

fn omise_templated_floor(fx: &Fixture, buf: &mut Vec<u8>) {
    let BenchError::TokenNotFound { token } = &fx.templated else {
        return;
    };
    buf.extend_from_slice(
        br#"{"object":"error","location":"https://www.omise.co/api-errors#token-not-found","code":"token_not_found","message":"token "#,
    );
    escape_str(buf, token);
    buf.extend_from_slice(br#" was not found"}"#);
}

/// Through the renderer: the language is chosen from the request's `Accept-Language` among
/// the error's, then the Japanese template is written.
fn omise_localized_apierror(fx: &Fixture, buf: &mut Vec<u8>) {
    fx.renderer
        .render(Format::Omise, &fx.templated, &fx.ja, buf);
}

fn omise_localized_floor(fx: &Fixture, buf: &mut Vec<u8>) {
    let BenchError::TokenNotFound { token } = &fx.templated else {
        return;
    };
    buf.extend_from_slice(
        r#"{"object":"error","location":"https://www.omise.co/api-errors#token-not-found","code":"token_not_found","message":"トークン "#.as_bytes(),
    );
    escape_str(buf, token);
    buf.extend_from_slice(r#" が見つかりません"}"#.as_bytes());
}

fn omise_templated_format_serde(fx: &Fixture, buf: &mut Vec<u8>) {
    let BenchError::TokenNotFound { token } = &fx.templated else {
        return;
    };
    let message = format!("token {token} was not found");
    let body = OmiseBody {
        object: "error",
        location: "https://www.omise.co/api-errors#token-not-found",
        code: "token_not_found",
        message: &message,
    };
    let _ = serde_json::to_writer(buf, &body);
}

// ---- problem_vipps ----

#[derive(Serialize)]
struct NameReason<'a> {
    name: &'a str,
    reason: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct VippsBody<'a> {
    #[serde(rename = "type")]
    type_: &'a str,
    title: &'a str,
    status: u16,
    detail: &'a str,
    instance: &'a str,
    extra_details: [NameReason<'a>; 1],
    trace_id: &'a str,
}

fn vipps_apierror(fx: &Fixture, buf: &mut Vec<u8>) {
    fx.vipps
        .render(&BenchError::CaptureBeforeReservation, &fx.ctx, buf);
}

fn vipps_memcpy(_: &Fixture, buf: &mut Vec<u8>) {
    buf.extend_from_slice(VIPPS_BODY);
}

fn vipps_serde(fx: &Fixture, buf: &mut Vec<u8>) {
    let body = VippsBody {
        type_: "https://httpstatuses.io/400",
        title: "Cannot capture before reservation",
        status: 400,
        detail: VIPPS_DETAIL,
        instance: fx.ctx.instance().unwrap_or_default(),
        extra_details: [NameReason {
            name: "ErrorCode",
            reason: "6080",
        }],
        trace_id: fx.ctx.trace_id().unwrap_or_default(),
    };
    let _ = serde_json::to_writer(buf, &body);
}

fn vipps_http_api_problem(fx: &Fixture, buf: &mut Vec<u8>) {
    let problem = http_api_problem::HttpApiProblem::new(StatusCode::BAD_REQUEST)
        .type_url("https://httpstatuses.io/400")
        .title("Cannot capture before reservation")
        .detail(VIPPS_DETAIL)
        .instance(fx.ctx.instance().unwrap_or_default())
        .value(
            "extraDetails",
            &[NameReason {
                name: "ErrorCode",
                reason: "6080",
            }],
        )
        .value("traceId", &fx.ctx.trace_id().unwrap_or_default());
    let _ = serde_json::to_writer(buf, &problem);
}

// ---- oney_list3 ----

#[derive(Serialize)]
struct OneyBody<'a> {
    language_code: &'a str,
    error_list: [OneyEntry<'a>; 3],
}

#[derive(Serialize)]
struct OneyEntry<'a> {
    error: OneyDetail<'a>,
}

#[derive(Serialize)]
struct OneyDetail<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<&'a str>,
    error_code: &'a str,
    error_label: &'a str,
}

fn oney_apierror(fx: &Fixture, buf: &mut Vec<u8>) {
    let [a, b, c] = &fx.oney_errors;
    fx.oney.render_all(&[a, b, c], &fx.ctx, buf);
}

fn oney_memcpy(_: &Fixture, buf: &mut Vec<u8>) {
    buf.extend_from_slice(ONEY_BODY);
}

fn oney_serde(_: &Fixture, buf: &mut Vec<u8>) {
    let entry = |field, error_code, error_label| OneyEntry {
        error: OneyDetail {
            field,
            error_code,
            error_label,
        },
    };
    let body = OneyBody {
        language_code: "EN",
        error_list: [
            entry(
                Some("purchase.external_reference"),
                "ERR_01",
                "The field is mandatory",
            ),
            entry(
                Some("purchase.external_reference_type"),
                "ERR_02",
                "Field size must be less than 128 characters",
            ),
            entry(
                None,
                "ERR_05",
                "The limits of a business transaction are exceeded",
            ),
        ],
    };
    let _ = serde_json::to_writer(buf, &body);
}

// ---- response ----

/// A response builder of the `response` group.
pub type ResponseCase = fn(&Fixture) -> Response<Vec<u8>>;

pub const RESPONSE: &[(&str, ResponseCase)] = &[
    ("apierror", response_apierror),
    ("hand_written", response_hand_written),
];

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PlainProblem<'a> {
    #[serde(rename = "type")]
    type_: &'a str,
    title: &'a str,
    status: u16,
    detail: &'a str,
    instance: &'a str,
    code: &'a str,
    trace_id: &'a str,
}

fn response_apierror(fx: &Fixture) -> Response<Vec<u8>> {
    fx.renderer
        .response(Format::Problem, &BenchError::UsedToken, &fx.ctx)
}

fn response_hand_written(fx: &Fixture) -> Response<Vec<u8>> {
    let mut body = Vec::with_capacity(256);
    let problem = PlainProblem {
        type_: "about:blank",
        title: "Bad Request",
        status: 400,
        detail: "token was already used",
        instance: fx.ctx.instance().unwrap_or_default(),
        code: "used_token",
        trace_id: fx.ctx.trace_id().unwrap_or_default(),
    };
    let _ = serde_json::to_writer(&mut body, &problem);
    let mut response = Response::new(body);
    *response.status_mut() = StatusCode::BAD_REQUEST;
    let headers = response.headers_mut();
    headers.insert(
        CONTENT_TYPE,
        http::HeaderValue::from_static("application/problem+json"),
    );
    headers.insert(CONTENT_LANGUAGE, http::HeaderValue::from_static("en"));
    response
}
