//! `http::Response` building: status, exact headers, body.

use apierror::{Format, Renderer, RequestContext};
use http::header::{HeaderMap, HeaderValue, ACCEPT, CONTENT_LANGUAGE, CONTENT_TYPE, VARY};

use crate::support::*;

fn header_list(res: &http::Response<Vec<u8>>) -> Vec<(String, String)> {
    res.headers()
        .iter()
        .map(|(k, v)| (k.as_str().to_owned(), v.to_str().unwrap().to_owned()))
        .collect()
}

#[test]
fn omise_response() {
    let res = Renderer::default().response(
        Format::Omise,
        &ChargeError::UsedToken,
        &RequestContext::new(),
    );
    assert_eq!(res.status(), 400);
    assert_eq!(
        header_list(&res),
        [
            (
                "content-type".to_owned(),
                "application/json; charset=utf-8".to_owned()
            ),
            // Every format says what language its text is in.
            ("content-language".to_owned(), "en".to_owned()),
        ]
    );
    assert_eq!(
        std::str::from_utf8(res.body()).unwrap(),
        r#"{"object":"error","location":"https://www.omise.co/api-errors#used-token","code":"used_token","message":"token was already used"}"#
    );
}

#[test]
fn oney_response() {
    let err = OneyError::Mandatory {
        field: "purchase.amount".into(),
    };
    let res = Renderer::default().response(Format::Oney, &err, &RequestContext::new());
    assert_eq!(res.status(), 400);
    assert_eq!(
        header_list(&res),
        [
            (
                "content-type".to_owned(),
                "application/json; charset=utf-8".to_owned()
            ),
            // Every format says what language its text is in.
            ("content-language".to_owned(), "en".to_owned()),
        ]
    );
    assert_eq!(
        std::str::from_utf8(res.body()).unwrap(),
        r#"{"language_code":"EN","error_list":[{"error":{"field":"purchase.amount","error_code":"ERR_01","error_label":"The field is mandatory"}}]}"#
    );
}

#[test]
fn problem_responses_have_no_content_type_parameters_and_a_language() {
    for format in [Format::Problem, Format::Vipps] {
        let res =
            Renderer::default().response(format, &ChargeError::UsedToken, &RequestContext::new());
        assert_eq!(res.status(), 400);
        assert_eq!(
            header_list(&res),
            [
                (
                    "content-type".to_owned(),
                    "application/problem+json".to_owned()
                ),
                ("content-language".to_owned(), "en".to_owned()),
            ]
        );
        assert_rfc9457(std::str::from_utf8(res.body()).unwrap(), 400);
    }
    // The error is written in English only: preferring Portuguese changes nothing.
    let ctx = RequestContext::new().with_accept_language("pt-BR").unwrap();
    let res = Renderer::default().response(Format::Problem, &ChargeError::UsedToken, &ctx);
    assert_eq!(res.headers()[CONTENT_LANGUAGE], "en");
}

#[test]
fn status_is_the_errors_status() {
    let ctx = RequestContext::new();
    let renderer = Renderer::default();
    for format in Format::BUILT_IN {
        let res = renderer.response(format, &ChargeError::Internal(secret_error()), &ctx);
        assert_eq!(res.status(), 500);
        let body = std::str::from_utf8(res.body()).unwrap();
        assert!(!body.contains("hunter2"));
        let res = renderer.response(format, &StoreError::Database(secret_error()), &ctx);
        assert_eq!(res.status(), 503);
        assert!(!std::str::from_utf8(res.body()).unwrap().contains("hunter2"));
    }
    let res = renderer.response_all(
        Format::Vipps,
        &[&StoreError::NotFound("x".into()), &ChargeError::UsedToken],
        &ctx,
    );
    assert_eq!(res.status(), 404);
    assert_rfc9457(std::str::from_utf8(res.body()).unwrap(), 404);
}

#[test]
fn negotiated_response_varies_on_accept() {
    let renderer = Renderer::new(Format::Omise).with_offers(&[Format::Omise, Format::Problem]);
    let mut request = HeaderMap::new();
    request.insert(
        ACCEPT,
        HeaderValue::from_static("application/problem+json, application/json;q=0.5"),
    );
    let ctx = RequestContext::new().with_instance("/charges").unwrap();
    let res = renderer.negotiated_response(&request, &ChargeError::UsedToken, &ctx);
    assert_eq!(res.status(), 400);
    assert_eq!(res.headers()[CONTENT_TYPE], "application/problem+json");
    assert_eq!(res.headers()[VARY], "accept");
    assert_eq!(
        std::str::from_utf8(res.body()).unwrap(),
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"token was already used","instance":"/charges","code":"used_token"}"#
    );
    // An unacceptable Accept still gets the default format, not a failure.
    request.insert(ACCEPT, HeaderValue::from_static("text/html"));
    let res = renderer.negotiated_response(&request, &ChargeError::UsedToken, &ctx);
    assert_eq!(res.status(), 400);
    assert_eq!(
        res.headers()[CONTENT_TYPE],
        "application/json; charset=utf-8"
    );
}

#[test]
fn hostile_context_values_never_reach_headers() {
    assert!(RequestContext::new()
        .with_accept_language("en\r\nSet-Cookie: a=b")
        .is_err());
    assert!(RequestContext::new()
        .with_instance("/a\r\nSet-Cookie: a=b")
        .is_err());
    assert!(RequestContext::new().with_trace_id("t\u{0}").is_err());
}
