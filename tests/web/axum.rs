//! A handler returning `Result<T, MyError>` of a derived type, in process through
//! `tower::ServiceExt::oneshot`: with the layer the body carries the request's context and
//! negotiated format; without it the error still renders.
#![cfg(feature = "axum")]

use std::convert::Infallible;
use std::fmt;

use apierror::axum::{ApiErrorLayer, ApiErrorService};
use apierror::{ApiError, Format, Renderer};
use axum::body::Body;
use axum::extract::Path;
use axum::http::{Request, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Extension;
use axum::Router;
use tower::{Layer, Service, ServiceExt};

use crate::support::{ShopError, TRACE};

/// A generic derived type: the impl carries its generics and predicates.
#[derive(Debug, thiserror::Error, ApiError)]
enum Conflict<T: fmt::Display + fmt::Debug + Send + Sync + 'static> {
    #[error("{0} already exists")]
    #[status(409)]
    #[code("conflict")]
    Exists(T),
}

/// A derived type without `Display`: it compiles with the axum feature (the impl's bounds
/// sit under a binder) and is simply not an `IntoResponse`.
#[derive(Debug, ApiError)]
#[allow(dead_code)]
enum NoDisplay {
    #[status(400)]
    #[code("bad")]
    #[message("bad")]
    Bad,
}

async fn cart(Path(id): Path<u64>) -> Result<&'static str, ShopError> {
    if id == 1 {
        return Ok("cart 1");
    }
    Err(ShopError::CartNotFound(id))?
}

async fn private() -> impl IntoResponse {
    (
        [("www-authenticate", "Basic realm=\"shop\"")],
        ShopError::Unauthorized,
    )
}

async fn create() -> Result<&'static str, Conflict<&'static str>> {
    Err(Conflict::Exists("cart 7"))
}

/// What a handler attaches to its response for another layer.
#[derive(Clone, Debug, PartialEq)]
struct Marked(&'static str);

async fn marked() -> impl IntoResponse {
    (
        Extension(Marked("for the audit layer")),
        ShopError::Unauthorized,
    )
}

fn routes() -> Router {
    Router::new()
        .route("/marked", get(marked))
        .route("/carts/{id}", get(cart))
        .route("/private", get(private))
        .route("/conflict", get(create))
}

fn with_layer() -> Router {
    let renderer = Renderer::new(Format::Problem).with_offers(&[Format::Problem, Format::Omise]);
    routes().layer(ApiErrorLayer::negotiated(renderer))
}

/// The layer around the whole router rather than inside it (`Router::layer`).
fn around() -> ApiErrorService<Router> {
    let renderer = Renderer::new(Format::Problem).with_offers(&[Format::Problem, Format::Omise]);
    ApiErrorLayer::negotiated(renderer).layer(routes())
}

/// Status, headers as `name: value` lines in order, body.
async fn send<S>(app: S, path: &str, headers: &[(&str, &str)]) -> (u16, String, String)
where
    S: Service<Request<Body>, Response = Response, Error = Infallible>,
{
    let mut req = Request::builder().uri(path);
    for (name, value) in headers {
        req = req.header(*name, *value);
    }
    let res = app.oneshot(req.body(Body::empty()).unwrap()).await.unwrap();
    let status = res.status().as_u16();
    let headers = res
        .headers()
        .iter()
        .map(|(n, v)| format!("{n}: {}", v.to_str().unwrap()))
        .collect::<Vec<_>>()
        .join("\n");
    let body = axum::body::to_bytes(res.into_body(), 1 << 16)
        .await
        .unwrap();
    (status, headers, String::from_utf8(body.to_vec()).unwrap())
}

#[tokio::test]
async fn derived_error_gets_the_request_context_and_negotiated_format() {
    let res = send(
        with_layer(),
        "/carts/7",
        &[
            ("accept", "application/problem+json"),
            ("traceparent", TRACE),
        ],
    )
    .await;
    assert_eq!(
        res,
        (
            404,
            "content-type: application/problem+json\ncontent-language: en\nvary: accept\ncontent-length: 201".to_owned(),
            format!(
                r#"{{"type":"about:blank","title":"Not Found","status":404,"detail":"cart 7 was not found","instance":"/carts/7","code":"cart_not_found","traceId":"{TRACE}"}}"#
            )
        )
    );

    let res = send(with_layer(), "/carts/8", &[("accept", "application/json")]).await;
    assert_eq!(
        res,
        (
            404,
            "content-type: application/json; charset=utf-8\ncontent-language: en\nvary: accept\ncontent-length: 135".to_owned(),
            r#"{"object":"error","location":"https://shop.example.com/errors#cart-not-found","code":"cart_not_found","message":"cart 8 was not found"}"#.to_owned()
        )
    );
}

#[tokio::test]
async fn without_the_layer_the_derived_error_still_renders() {
    let res = send(routes(), "/carts/7", &[("traceparent", TRACE)]).await;
    assert_eq!(
        res,
        (
            404,
            "content-type: application/problem+json\ncontent-language: en\ncontent-length: 111".to_owned(),
            r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"cart 7 was not found","code":"cart_not_found"}"#.to_owned()
        )
    );
}

#[tokio::test]
async fn the_handlers_other_headers_are_kept() {
    let (status, headers, body) = send(with_layer(), "/private", &[("traceparent", TRACE)]).await;
    assert_eq!(status, 401);
    assert_eq!(
        headers,
        "content-type: application/problem+json\ncontent-language: en\nvary: accept\n\
         www-authenticate: Basic realm=\"shop\"\ncontent-length: 195"
    );
    assert_eq!(
        body,
        format!(
            r#"{{"type":"about:blank","title":"Unauthorized","status":401,"detail":"sign in first","instance":"/private","code":"unauthorized","traceId":"{TRACE}"}}"#
        )
    );
}

#[tokio::test]
async fn a_generic_derived_type_answers_too() {
    let (status, _, body) = send(with_layer(), "/conflict", &[("traceparent", TRACE)]).await;
    assert_eq!(status, 409);
    assert_eq!(
        body,
        format!(
            r#"{{"type":"about:blank","title":"Conflict","status":409,"detail":"cart 7 already exists","instance":"/conflict","code":"conflict","traceId":"{TRACE}"}}"#
        )
    );
}

#[tokio::test]
async fn successes_and_rejections_through_the_layer() {
    let res = send(with_layer(), "/carts/1", &[]).await;
    assert_eq!(
        res,
        (
            200,
            "content-type: text/plain; charset=utf-8\ncontent-length: 6".to_owned(),
            "cart 1".to_owned()
        )
    );

    // A path parameter axum cannot parse: its rejection becomes `bad_request`, told
    // without the value the request sent.
    let (status, headers, body) = send(with_layer(), "/carts/x", &[("traceparent", TRACE)]).await;
    assert_eq!(status, StatusCode::BAD_REQUEST.as_u16());
    assert!(headers.contains("vary: accept"), "{headers}");
    assert_eq!(
        body,
        format!(
            r#"{{"type":"about:blank","title":"Bad Request","status":400,"detail":"Invalid URL: Cannot parse a path parameter to a `u64`","instance":"/carts/x","code":"bad_request","traceId":"{TRACE}"}}"#
        )
    );
}

#[tokio::test]
async fn around_the_whole_router_the_answers_are_the_same() {
    let cases: [(&str, &[(&str, &str)]); 5] = [
        ("/carts/7", &[("traceparent", TRACE)]),
        (
            "/private",
            &[("traceparent", TRACE), ("accept", "application/json")],
        ),
        ("/carts/1", &[]),
        ("/nowhere", &[("traceparent", TRACE)]),
        ("/carts/x", &[("traceparent", TRACE)]),
    ];
    for (path, headers) in cases {
        let inside = send(with_layer(), path, headers).await;
        assert_eq!(send(around(), path, headers).await, inside, "{path}");
    }
    // A wrong method: the 405 keeps its `Allow`, and says its length as axum would.
    let req = || {
        Request::post("/carts/7")
            .header("traceparent", TRACE)
            .body(Body::empty())
    };
    let inside = with_layer().oneshot(req().unwrap()).await.unwrap();
    let outside = around().oneshot(req().unwrap()).await.unwrap();
    assert_eq!(outside.status(), 405);
    assert_eq!(outside.headers(), inside.headers());
    assert_eq!(outside.headers()["allow"], "GET,HEAD");
    let body = axum::body::to_bytes(outside.into_body(), 1 << 16)
        .await
        .unwrap();
    assert_eq!(
        body,
        format!(
            r#"{{"type":"about:blank","title":"Method Not Allowed","status":405,"detail":"the request method is not allowed for this path","instance":"/carts/7","code":"method_not_allowed","traceId":"{TRACE}"}}"#
        )
    );
    assert_eq!(
        inside.headers()["content-length"],
        body.len().to_string().as_str()
    );
}

#[tokio::test]
async fn the_handlers_response_extensions_are_kept() {
    let req = Request::get("/marked").body(Body::empty()).unwrap();
    let res = with_layer().oneshot(req).await.unwrap();
    assert_eq!(res.status(), 401);
    assert_eq!(
        res.extensions().get::<Marked>(),
        Some(&Marked("for the audit layer"))
    );
}
