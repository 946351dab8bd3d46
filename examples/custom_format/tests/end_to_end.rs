//! The orders API over a real socket on 127.0.0.1: every error, whatever the `Accept`, in
//! Acme's envelope; read back by the client as the typed `OrderError`; described in the
//! OpenAPI document.

use apierror::format::WireFormat;
use custom_format::client::OrdersClient;
use custom_format::format::Acme;
use custom_format::orders::OrderError;
use reqwest::header::HeaderMap;
use serde_json::{json, Value};

const TRACE: &str = "00-813b63975adcaaeef2b0ec7c103c40e3-706492e906541d31-01";

/// The API on a free port: its base URL.
async fn start() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(custom_format::serve(listener));
    base
}

/// A raw request: status, the headers an error is about, body.
async fn send(request: reqwest::RequestBuilder) -> (u16, String, String) {
    let response = request.header("traceparent", TRACE).send().await.unwrap();
    let status = response.status().as_u16();
    let headers = about_errors(response.headers());
    (status, headers, response.text().await.unwrap())
}

/// `content-type`, `content-language`, `vary` and `allow`, one line each, as received.
fn about_errors(headers: &HeaderMap) -> String {
    let names = ["content-type", "content-language", "vary", "allow"];
    let lines = names.into_iter().flat_map(|name| {
        let values = headers.get_all(name).into_iter();
        values.map(move |v| format!("{name}: {}", v.to_str().unwrap()))
    });
    lines.collect::<Vec<_>>().join("\n")
}

/// The envelope of `code` and `message` for the request traced as [`TRACE`].
fn envelope(code: &str, message: &str) -> String {
    format!(r#"{{"error":{{"code":"{code}","message":"{message}","request_id":"{TRACE}"}}}}"#)
}

const ERROR_HEADERS: &str =
    "content-type: application/json; charset=utf-8\ncontent-language: en\nvary: accept";

#[tokio::test]
async fn a_missing_order_is_answered_in_the_envelope_whatever_the_accept() {
    let base = start().await;
    let http = reqwest::Client::new();
    // Problem details are not offered: asking for them still gets Acme's envelope.
    for accept in [
        None,
        Some("application/json"),
        Some("application/problem+json"),
    ] {
        let mut request = http.get(format!("{base}/orders/7"));
        if let Some(accept) = accept {
            request = request.header("accept", accept);
        }
        let (status, headers, body) = send(request).await;
        assert_eq!(status, 404, "{accept:?}");
        assert_eq!(headers, ERROR_HEADERS, "{accept:?}");
        assert_eq!(
            body,
            envelope("order_not_found", "order 7 was not found"),
            "{accept:?}"
        );
    }
}

#[tokio::test]
async fn the_client_reads_errors_back_typed() {
    let client = OrdersClient::new(start().await);
    assert_eq!(client.order(1).await.unwrap(), "order 1: one teapot-red");

    let failure = client.order(7).await.unwrap_err();
    assert!(
        matches!(failure.typed(), Some(OrderError::NotFound { id: 7 })),
        "{failure:?}"
    );
    // No `traceparent` was sent: the request id is a fresh one, named in the envelope.
    let request_id = failure
        .api()
        .and_then(|f| f.trace_id())
        .expect("a request id");
    assert!(apierror::web::is_traceparent(request_id), "{request_id}");

    let failure = client.ship(2).await.unwrap_err();
    match failure.typed() {
        Some(OrderError::OutOfStock { sku }) => assert_eq!(sku, "teapot-blue"),
        other => panic!("{other:?}: {failure:?}"),
    }
}

#[tokio::test]
async fn a_server_error_keeps_its_source_off_the_wire() {
    let base = start().await;
    let (status, headers, body) =
        send(reqwest::Client::new().get(format!("{base}/orders/13"))).await;
    assert_eq!(status, 500);
    assert_eq!(headers, ERROR_HEADERS);
    assert_eq!(
        body,
        envelope("internal_error", "the order could not be read; retry later")
    );
    for secret in ["orders-db", "5432", "hunter2", "store failed"] {
        assert!(!body.contains(secret), "{secret} in {body}");
    }

    // An `io::Error` cannot be rebuilt from the wire: the client knows the code, not a value.
    let failure = OrdersClient::new(base).order(13).await.unwrap_err();
    assert!(failure.typed().is_none());
    assert_eq!(failure.api().and_then(|f| f.code()), Some("internal_error"));
}

#[tokio::test]
async fn axum_rejections_are_answered_in_the_envelope() {
    let base = start().await;
    let http = reqwest::Client::new();

    // An id that is not a u64: axum's `Path` rejection, mapped to `bad_request` (told
    // without the id the request sent).
    let (status, headers, body) = send(http.get(format!("{base}/orders/abc"))).await;
    assert_eq!((status, &*headers), (400, ERROR_HEADERS));
    assert_eq!(
        body,
        envelope(
            "bad_request",
            "Invalid URL: Cannot parse a path parameter to a `u64`"
        )
    );

    let (status, headers, body) = send(http.get(format!("{base}/nowhere"))).await;
    assert_eq!((status, &*headers), (404, ERROR_HEADERS));
    assert_eq!(
        body,
        envelope("not_found", "no resource matches the request path")
    );

    let (status, headers, body) = send(http.delete(format!("{base}/orders/1"))).await;
    assert_eq!(status, 405);
    assert_eq!(headers, format!("{ERROR_HEADERS}\nallow: GET,HEAD"));
    assert_eq!(
        body,
        envelope(
            "method_not_allowed",
            "the request method is not allowed for this path"
        )
    );
}

#[tokio::test]
async fn the_openapi_document_describes_the_envelope() {
    let base = start().await;
    let response = reqwest::get(format!("{base}/openapi.json")).await.unwrap();
    assert_eq!(response.status(), 200);
    let doc: Value = serde_json::from_str(&response.text().await.unwrap()).unwrap();

    assert_eq!(
        doc["components"]["schemas"]["AcmeError"],
        Acme.schema().unwrap()
    );
    let not_found = &doc["paths"]["/orders/{id}"]["get"]["responses"]["404"]["content"]
        ["application/json; charset=utf-8"];
    assert_eq!(
        not_found["schema"],
        json!({"$ref": "#/components/schemas/AcmeError"})
    );
    assert_eq!(
        not_found["examples"]["NotFound"]["value"],
        json!({"error": {"code": "order_not_found", "message": "order {id} was not found", "request_id": null}})
    );
    let conflict = &doc["paths"]["/orders/{id}/ship"]["post"]["responses"]["409"];
    assert!(
        conflict["content"]["application/json; charset=utf-8"]["examples"]["OutOfStock"]
            .is_object()
    );
}
