//! The reqwest adapter against wiremock doubles of every format: a provider-exact error
//! response comes back as the typed catalog variant, with its facts; foreign responses,
//! bounded bodies and transport failures are reported, never a panic.

use std::io::{Read, Write};
use std::time::Duration;

use apierror::parse::RetryAfter;
use apierror::reqwest::ResponseExt;
use apierror::wiremock::{respond, respond_with};
use apierror::{Format, Renderer, RequestContext};
use apierror_catalog::omise::OmiseError;
use apierror_catalog::oney_payment::PaymentError;
use apierror_catalog::vipps_epayment::EpaymentError;
use wiremock::matchers::path;
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::TRACE;

async fn server_answering(template: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(path("/thing"))
        .respond_with(template)
        .mount(&server)
        .await;
    server
}

async fn get(server: &MockServer) -> reqwest::Response {
    reqwest::get(format!("{}/thing", server.uri()))
        .await
        .unwrap()
}

#[tokio::test]
async fn the_double_sends_exactly_what_the_renderer_builds() {
    let ctx = RequestContext::new()
        .with_instance("/thing")
        .unwrap()
        .with_trace_id(TRACE)
        .unwrap();
    for format in Format::BUILT_IN {
        let renderer = Renderer::new(format);
        let expected = renderer.response(format, &OmiseError::UsedToken, &ctx);
        let server = server_answering(respond_with(
            &renderer,
            format,
            &OmiseError::UsedToken,
            &ctx,
        ))
        .await;
        let response = get(&server).await;
        assert_eq!(response.status().as_u16(), 400, "{format}");
        for (name, value) in expected.headers() {
            assert_eq!(response.headers().get(name), Some(value), "{format} {name}");
        }
        assert_eq!(
            response.bytes().await.unwrap().as_ref(),
            expected.body().as_slice(),
            "{format}"
        );
    }
}

#[tokio::test]
async fn every_format_comes_back_typed() {
    for format in Format::BUILT_IN {
        let server = server_answering(respond(format, &OmiseError::UsedToken)).await;
        let failure = get(&server)
            .await
            .error_for_api::<OmiseError>()
            .await
            .unwrap_err();
        assert_eq!(failure.typed(), Some(&OmiseError::UsedToken), "{format}");
        assert_eq!(failure.status(), http::StatusCode::BAD_REQUEST);
        // The code as the body carries it: a Google body's is its ErrorInfo reason.
        let code = match format {
            Format::Google => "USED_TOKEN",
            _ => "used_token",
        };
        assert_eq!(failure.code(), Some(code));
        assert_eq!(failure.message(), Some("token was already used"));
        assert_eq!(
            failure.to_string(),
            format!("HTTP 400 {code}: token was already used")
        );
    }

    let ctx = RequestContext::new().with_trace_id(TRACE).unwrap();
    let err = EpaymentError::CannotCaptureBeforeReservation;
    let server = server_answering(
        respond_with(&Renderer::new(Format::Vipps), Format::Vipps, &err, &ctx)
            .append_header("retry-after", "3"),
    )
    .await;
    let failure = get(&server)
        .await
        .error_for_api::<EpaymentError>()
        .await
        .unwrap_err();
    assert_eq!(failure.typed(), Some(&err));
    assert_eq!(failure.trace_id(), Some(TRACE));
    assert_eq!(
        failure.retry_after(),
        Some(RetryAfter::Delay(Duration::from_secs(3)))
    );

    let err = PaymentError::FieldTooLong {
        field: "purchase.external_reference_type".into(),
        max: 128,
    };
    let server = server_answering(respond(Format::Oney, &err)).await;
    let failure = get(&server)
        .await
        .error_for_api::<PaymentError>()
        .await
        .unwrap_err();
    assert_eq!(failure.into_typed(), Some(err));
}

#[tokio::test]
async fn success_passes_through_and_foreign_errors_are_unrecognised() {
    let server = server_answering(ResponseTemplate::new(200).set_body_string("{}")).await;
    let ok = get(&server)
        .await
        .error_for_api::<OmiseError>()
        .await
        .unwrap();
    assert_eq!(ok.text().await.unwrap(), "{}");

    let page = "<html><body>502 Bad Gateway</body></html>";
    let server = server_answering(ResponseTemplate::new(502).set_body_raw(page, "text/html")).await;
    let failure = get(&server)
        .await
        .error_for_api::<OmiseError>()
        .await
        .unwrap_err();
    assert_eq!(failure.typed(), None);
    assert_eq!(failure.code(), None);
    assert_eq!(failure.received().unwrap().raw, page.as_bytes());
    assert_eq!(failure.to_string(), "HTTP 502");

    // A code the catalog does not have: its code and message still come through.
    let server = server_answering(respond(Format::Vipps, &OmiseError::UsedToken)).await;
    let failure = get(&server)
        .await
        .error_for_api::<EpaymentError>()
        .await
        .unwrap_err();
    assert_eq!(failure.typed(), None);
    assert_eq!(failure.code(), Some("used_token"));
}

#[tokio::test]
async fn the_body_read_is_bounded() {
    let body = "x".repeat(200_000);
    let server =
        server_answering(ResponseTemplate::new(500).set_body_raw(body, "text/plain")).await;
    let failure = get(&server)
        .await
        .error_for_api_limited::<OmiseError>(1000)
        .await
        .unwrap_err();
    let received = failure.received().unwrap();
    assert_eq!(received.raw.len(), 1000);
    assert!(received.raw_truncated);
}

/// A server that promises a body and hangs up half way: the transport failure is its own
/// kind, with the status that was received.
#[tokio::test]
async fn a_body_cut_by_the_transport_is_reported_as_such() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let mut request = [0u8; 1024];
        let _ = stream.read(&mut request);
        let _ = stream.write_all(
            b"HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{\"object\":",
        );
    });
    let failure = reqwest::get(format!("http://{addr}/"))
        .await
        .unwrap()
        .error_for_api::<OmiseError>()
        .await
        .unwrap_err();
    assert_eq!(failure.status().as_u16(), 503);
    assert!(failure.transport().is_some());
    assert!(failure.received().is_none());
    assert!(std::error::Error::source(&failure).is_some());
    assert_eq!(
        failure.to_string(),
        "HTTP 503: the error body could not be read"
    );
}
