//! RFC 9457 problem details, plain and in the Vipps ePayment profile, byte for byte.

use apierror::format::{ProblemFormat, Profile};
use apierror::{ApiError, Format, Renderer, RequestContext};

use crate::support::*;

fn problem(renderer: &Renderer, errors: &[&dyn ApiError], ctx: &RequestContext<'_>) -> String {
    let body = render(renderer, Format::Problem, errors, ctx);
    let status = errors.first().map_or(500, |e| e.status().as_u16());
    assert_rfc9457(&body, status);
    body
}

fn vipps(errors: &[&dyn ApiError], ctx: &RequestContext<'_>) -> String {
    let body = render(&Renderer::default(), Format::Vipps, errors, ctx);
    let status = errors.first().map_or(500, |e| e.status().as_u16());
    assert_rfc9457(&body, status);
    assert_vipps(&body);
    body
}

#[test]
fn about_blank_uses_the_reason_phrase_as_title() {
    let ctx = RequestContext::new()
        .with_instance("/charges")
        .unwrap()
        .with_trace_id(TRACE)
        .unwrap();
    assert_eq!(
        problem(&Renderer::default(), &[&ChargeError::UsedToken], &ctx),
        format!(
            r#"{{"type":"about:blank","title":"Bad Request","status":400,"detail":"token was already used","instance":"/charges","code":"used_token","traceId":"{TRACE}"}}"#
        )
    );
}

#[test]
fn code_based_type_uses_the_variant_title_and_templated_detail() {
    let renderer = Renderer::default().with_problem(
        ProblemFormat::new()
            .with_code_base("https://example.com/problems/")
            .unwrap(),
    );
    let err = ChargeError::InvalidCharge {
        min: 2000,
        currency: HOSTILE.to_owned(),
    };
    let body = problem(&renderer, &[&err], &RequestContext::new());
    assert_eq!(
        body,
        format!(
            r#"{{"type":"https://example.com/problems/invalid_charge","title":"Invalid Charge","status":400,"detail":"amount must be at least 2000 {HOSTILE_JSON}","code":"invalid_charge"}}"#
        )
    );
    let value: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        value["detail"],
        format!("amount must be at least 2000 {HOSTILE}")
    );
}

#[test]
fn status_based_type() {
    let renderer = Renderer::default().with_problem(
        ProblemFormat::new()
            .with_status_base("https://httpstatuses.io/")
            .unwrap(),
    );
    assert_eq!(
        problem(
            &renderer,
            &[&StoreError::NotFound("trsf_1".into())],
            &RequestContext::new()
        ),
        r#"{"type":"https://httpstatuses.io/404","title":"Not Found","status":404,"detail":"transfer trsf_1 not found","code":"not_found"}"#
    );
}

#[test]
fn extension_members_from_the_context_are_escaped() {
    let ctx = RequestContext::new()
        .with_extension("balance", HOSTILE)
        .unwrap()
        .with_extension("account_id", "acct_1")
        .unwrap();
    assert_eq!(
        problem(&Renderer::default(), &[&ChargeError::UsedToken], &ctx),
        format!(
            r#"{{"type":"about:blank","title":"Bad Request","status":400,"detail":"token was already used","code":"used_token","balance":"{HOSTILE_JSON}","account_id":"acct_1"}}"#
        )
    );
}

#[test]
fn server_errors_never_carry_source_text() {
    let ctx = RequestContext::new();
    assert_eq!(
        problem(
            &Renderer::default(),
            &[&ChargeError::Internal(secret_error())],
            &ctx
        ),
        r#"{"type":"about:blank","title":"Internal Server Error","status":500,"detail":"request could not be completed due to an internal error","code":"internal_error"}"#
    );
    assert_eq!(
        problem(
            &Renderer::default(),
            &[&StoreError::Database(secret_error())],
            &ctx
        ),
        r#"{"type":"about:blank","title":"Service Unavailable","status":503,"detail":"Service Unavailable","code":"db_down"}"#
    );
    let body = vipps(&[&StoreError::Database(secret_error())], &ctx);
    assert_eq!(
        body,
        r#"{"type":"https://httpstatuses.io/503","title":"Database","status":503,"detail":"Service Unavailable","extraDetails":[{"name":"ErrorCode","reason":"db_down"}],"traceId":""}"#
    );
}

#[test]
fn several_errors_in_the_plain_profile_are_listed_in_errors() {
    let a = OneyError::Mandatory {
        field: "purchase.amount".into(),
    };
    let b = OneyError::TooLong {
        field: "purchase.ref".into(),
        max: 128,
    };
    assert_eq!(
        problem(&Renderer::default(), &[&a, &b], &RequestContext::new()),
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"The field is mandatory","code":"ERR_01","errors":[{"code":"ERR_01","detail":"The field is mandatory","field":"purchase.amount"},{"code":"ERR_02","detail":"Field size must be less than 128 characters","field":"purchase.ref"}]}"#
    );
}

#[test]
fn vipps_matches_the_reference_body() {
    let ctx = RequestContext::new()
        .with_instance("/v1/payments/577531734343670112/capture")
        .unwrap()
        .with_trace_id(TRACE)
        .unwrap();
    assert_eq!(
        vipps(&[&PaymentError::CaptureBeforeReservation], &ctx),
        format!(
            r#"{{"type":"https://httpstatuses.io/400","title":"Cannot capture before reservation","status":400,"detail":"The amount you tried to capture is not reserved. The user must accept the payment before capture can be done.","instance":"/v1/payments/577531734343670112/capture","extraDetails":[{{"name":"ErrorCode","reason":"6080"}}],"traceId":"{TRACE}"}}"#
        )
    );
}

#[test]
fn vipps_several_errors_add_extra_details() {
    let ctx = RequestContext::new().with_trace_id(TRACE).unwrap();
    let invalid = PaymentError::InvalidAmount {
        field: "amount.value",
        got: HOSTILE.to_owned(),
    };
    let body = vipps(&[&invalid, &PaymentError::CaptureBeforeReservation], &ctx);
    assert_eq!(
        body,
        format!(
            r#"{{"type":"https://httpstatuses.io/400","title":"Invalid amount","status":400,"detail":"amounts are integers in minor units, got {HOSTILE_JSON}","extraDetails":[{{"name":"ErrorCode","reason":"4040"}},{{"name":"amount.value","reason":"amounts are integers in minor units, got {HOSTILE_JSON}"}},{{"name":"6080","reason":"The amount you tried to capture is not reserved. The user must accept the payment before capture can be done."}}],"traceId":"{TRACE}"}}"#
        )
    );
    let value: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        value["extraDetails"][1]["reason"],
        format!("amounts are integers in minor units, got {HOSTILE}")
    );
}

#[test]
fn vipps_profile_with_about_blank() {
    let renderer =
        Renderer::default().with_problem(ProblemFormat::new().with_profile(Profile::Vipps));
    let body = render(
        &renderer,
        Format::Problem,
        &[&ChargeError::UsedToken],
        &RequestContext::new(),
    );
    assert_rfc9457(&body, 400);
    assert_eq!(
        body,
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"token was already used","extraDetails":[{"name":"ErrorCode","reason":"used_token"}],"traceId":""}"#
    );
}

#[test]
fn empty_list_renders_a_500() {
    let body = render(
        &Renderer::default(),
        Format::Problem,
        &[],
        &RequestContext::new(),
    );
    assert_rfc9457(&body, 500);
    assert_eq!(
        body,
        r#"{"type":"about:blank","title":"Internal Server Error","status":500,"detail":"Internal Server Error","code":"internal_error"}"#
    );
}

#[test]
fn type_bases_are_checked() {
    assert!(ProblemFormat::new().with_code_base("https://x/\n").is_err());
    assert!(ProblemFormat::new().with_status_base("").is_err());
}
