//! `#[api_error(no_framework_impls)]`: a derived type the author answers for themselves, with
//! their own `IntoResponse` (which the derive's would otherwise conflict with, E0119).
#![cfg(feature = "axum")]

use apierror::format::{Body, JsonWriter, WireFormat};
use apierror::{ApiError, Format, Renderer, RequestContext};
use axum::response::{IntoResponse, Response};

#[derive(Debug)]
struct Acme;

impl WireFormat for Acme {
    fn name(&self) -> &'static str {
        "acme"
    }

    fn write(&self, body: &Body<'_>, out: &mut Vec<u8>) {
        let err = body.first();
        let mut w = JsonWriter::new(out);
        w.raw(r#"{"error":{"code":"#);
        w.code(err);
        w.raw(r#","message":"#);
        w.message(err, body.message_language(err));
        w.raw("}}");
    }
}

#[derive(Debug, ApiError)]
#[api_error(no_framework_impls)]
enum OrderError {
    #[status(404)]
    #[code("order_not_found")]
    #[message("order {id} was not found")]
    NotFound { id: u64 },
}

impl IntoResponse for OrderError {
    fn into_response(self) -> Response {
        let renderer = Renderer::new(Format::named("acme"))
            .with_format(Acme)
            .expect("a name of its own");
        let res = renderer.response(Format::named("acme"), &self, &RequestContext::new());
        let (parts, body) = res.into_parts();
        Response::from_parts(parts, axum::body::Body::from(body))
    }
}

#[tokio::test]
async fn the_authors_own_into_response_answers() {
    let res = OrderError::NotFound { id: 7 }.into_response();
    assert_eq!(res.status(), 404);
    assert_eq!(
        res.headers()["content-type"],
        "application/json; charset=utf-8"
    );
    let body = axum::body::to_bytes(res.into_body(), 1024).await.unwrap();
    assert_eq!(
        &body[..],
        br#"{"error":{"code":"order_not_found","message":"order 7 was not found"}}"#
    );
}
