//! Whole requests through an axum router, in process (`tower::ServiceExt::oneshot`, no
//! sockets): what a handler's error costs through the derive and the layer against a
//! hand-written `impl IntoResponse`, and what the layer adds to a success.
//!
//! `cargo bench --bench server`; medians in
//! `target/criterion/server_{error,success}/<function>/new/estimates.json`.
//! `tests/test_bench_equivalence.rs` is for the wire bench; here `check` below asserts
//! before measuring that both error functions answer with the same bytes and headers.

use std::future::Future;
use std::hint::black_box;
use std::pin::pin;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

use apierror::axum::ApiErrorLayer;
use apierror::{ApiError, Format, Renderer};
use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use serde::Serialize;
use tower::ServiceExt;

const TRACE: &str = "00-813b63975adcaaeef2b0ec7c103c40e3-706492e906541d31-01";

#[derive(Debug, thiserror::Error, ApiError)]
enum ShopError {
    #[error("cart {0} was not found")]
    #[status(404)]
    #[code("cart_not_found")]
    CartNotFound(u64),
}

async fn apierror_handler() -> Result<&'static str, ShopError> {
    Err(ShopError::CartNotFound(black_box(7)))
}

/// What a server author writes without apierror: the same RFC 9457 body and headers.
#[derive(Serialize)]
struct Problem<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    title: &'static str,
    status: u16,
    detail: String,
    instance: &'a str,
    code: &'static str,
    #[serde(rename = "traceId", skip_serializing_if = "Option::is_none")]
    trace_id: Option<&'a str>,
}

struct HandWritten<'a> {
    cart: u64,
    instance: &'a str,
    trace_id: Option<&'a str>,
}

impl IntoResponse for HandWritten<'_> {
    fn into_response(self) -> Response {
        let body = serde_json::to_vec(&Problem {
            kind: "about:blank",
            title: "Not Found",
            status: 404,
            detail: format!("cart {} was not found", self.cart),
            instance: self.instance,
            code: "cart_not_found",
            trace_id: self.trace_id,
        })
        .expect("serializable");
        let mut res = Response::new(Body::from(body));
        *res.status_mut() = StatusCode::NOT_FOUND;
        let headers = res.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        headers.insert(header::CONTENT_LANGUAGE, HeaderValue::from_static("en"));
        res
    }
}

async fn hand_written_handler(req: Request) -> Response {
    let trace_id = req
        .headers()
        .get("traceparent")
        .and_then(|v| v.to_str().ok());
    HandWritten {
        cart: black_box(7),
        instance: req.uri().path(),
        trace_id,
    }
    .into_response()
}

async fn ok_handler() -> &'static str {
    "ok"
}

fn request(path: &str) -> Request {
    Request::builder()
        .uri(path)
        .header("accept", "application/json, application/problem+json;q=0.9")
        .header("traceparent", TRACE)
        .body(Body::empty())
        .expect("request")
}

struct NoopWake;

impl Wake for NoopWake {
    fn wake(self: Arc<Self>) {}
}

/// Runs a future that never waits (a router over in-memory handlers) to its end.
fn run<F: Future>(future: F) -> F::Output {
    let waker = Waker::from(Arc::new(NoopWake));
    let mut cx = Context::from_waker(&waker);
    match pin!(future).poll(&mut cx) {
        Poll::Ready(output) => output,
        Poll::Pending => panic!("an in-memory request waited"),
    }
}

/// Status, headers and body of an answer.
type Answer = (u16, Vec<(String, Vec<u8>)>, Vec<u8>);

/// `app`'s answer to `path`, for the check before measuring.
fn answer(app: &Router, path: &str) -> Answer {
    let res = run(app.clone().oneshot(request(path))).expect("infallible");
    let headers = res
        .headers()
        .iter()
        .map(|(n, v)| (n.to_string(), v.as_bytes().to_vec()))
        .collect();
    let status = res.status().as_u16();
    let body = run(axum::body::to_bytes(res.into_body(), 1 << 16)).expect("body");
    (status, headers, body.to_vec())
}

fn bench(c: &mut Criterion, group: &str, functions: [(&str, &Router, &str); 2]) {
    let mut g = c.benchmark_group(group);
    for (name, app, path) in functions {
        g.bench_function(name, |b| {
            b.iter_batched(
                || (app.clone(), request(path)),
                |(app, req)| run(app.oneshot(req)),
                BatchSize::SmallInput,
            )
        });
    }
    g.finish();
}

fn server(c: &mut Criterion) {
    let apierror = Router::new()
        .route("/carts/7", get(apierror_handler))
        .layer(ApiErrorLayer::fixed_with(
            Renderer::default(),
            Format::Problem,
        ));
    let hand_written = Router::new().route("/carts/7", get(hand_written_handler));
    let (status, headers, body) = answer(&apierror, "/carts/7");
    assert_eq!((status, &headers, &body), {
        let (s, h, b) = answer(&hand_written, "/carts/7");
        (s, &h.clone(), &b.clone())
    });
    assert!(body.ends_with(format!(r#""traceId":"{TRACE}"}}"#).as_bytes()));
    bench(
        c,
        "server_error",
        [
            ("apierror", &apierror, "/carts/7"),
            ("hand_written", &hand_written, "/carts/7"),
        ],
    );

    let no_layer = Router::new().route("/ok", get(ok_handler));
    let layer = no_layer
        .clone()
        .layer(ApiErrorLayer::negotiated(Renderer::default()));
    assert_eq!(answer(&layer, "/ok"), answer(&no_layer, "/ok"));
    bench(
        c,
        "server_success",
        [("layer", &layer, "/ok"), ("no_layer", &no_layer, "/ok")],
    );
}

criterion_group!(benches, server);
criterion_main!(benches);
