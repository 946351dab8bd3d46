//! With a `tracing` subscriber, each request runs in a `request` span with its method, path
//! and trace id, in both integrations: the request's `traceparent`, or else the fresh one its
//! error body names, which is also the one a handler's `ErrorContext` names. One test in a
//! binary of its own, so that its subscriber is the only one.
#![cfg(all(feature = "axum", feature = "actix-web"))]

mod support;

use apierror::{Format, Renderer};
use support::{log_capture, ShopError, TRACE};
use tower::{Layer, ServiceExt};

/// Status and body of `GET /carts/7` through the axum layer, with `headers`; the handler's
/// error returned, or answered by its `ErrorContext` where `context`.
async fn through_axum(headers: &[(&str, &str)], context: bool) -> (u16, String) {
    use apierror::axum::ErrorContext;
    use axum::extract::Path;
    use axum::response::Response;

    async fn cart(Path(id): Path<u64>) -> Result<&'static str, ShopError> {
        Err(ShopError::CartNotFound(id))?
    }
    async fn answered(ctx: ErrorContext, Path(id): Path<u64>) -> Response {
        ctx.respond(&ShopError::CartNotFound(id))
    }
    let route = match context {
        true => axum::routing::get(answered),
        false => axum::routing::get(cart),
    };
    let router = axum::Router::new().route("/carts/{id}", route);
    let app = apierror::axum::ApiErrorLayer::fixed(Format::Problem).layer(router);
    let mut req = http::Request::builder().uri("/carts/7");
    for (name, value) in headers {
        req = req.header(*name, *value);
    }
    let req = req.body(axum::body::Body::empty()).unwrap();
    let res = app.oneshot(req).await.unwrap();
    let status = res.status().as_u16();
    let body = axum::body::to_bytes(res.into_body(), 1 << 16)
        .await
        .unwrap();
    (status, String::from_utf8(body.to_vec()).unwrap())
}

/// Status and body of `GET /carts/7` through the actix middleware, with `headers`; the
/// handler's error returned, or answered by its `ErrorContext` where `context`.
async fn through_actix(headers: &[(&str, &str)], context: bool) -> (u16, String) {
    use actix_web::middleware::from_fn;
    use actix_web::test::{call_service, init_service, read_body, TestRequest};
    use actix_web::{web, App, HttpResponse};
    use apierror::actix::{render_errors, ErrorConfig, ErrorContext};

    async fn cart(id: web::Path<u64>) -> Result<&'static str, ShopError> {
        Err(ShopError::CartNotFound(*id))?
    }
    async fn answered(ctx: ErrorContext, id: web::Path<u64>) -> HttpResponse {
        ctx.respond(&ShopError::CartNotFound(*id))
    }
    let config = ErrorConfig::negotiated(Renderer::new(Format::Problem));
    let route = match context {
        true => web::get().to(answered),
        false => web::get().to(cart),
    };
    let app = App::new()
        .app_data(web::Data::new(config))
        .wrap(from_fn(render_errors))
        .route("/carts/{id}", route);
    let mut req = TestRequest::get().uri("/carts/7");
    for header in headers {
        req = req.insert_header(*header);
    }
    let res = call_service(&init_service(app).await, req.to_request()).await;
    let status = res.status().as_u16();
    let body = read_body(res).await;
    (status, String::from_utf8(body.to_vec()).unwrap())
}

/// Through `run` (status and body of `GET /carts/7` with the given headers): the span names
/// the request's `traceparent`; without one, the fresh trace id its error body names.
fn assert_spans(logs: &log_capture::Logs, mut run: impl FnMut(&[(&str, &str)]) -> (u16, String)) {
    logs.take();
    let (status, body) = run(&[("traceparent", TRACE)]);
    assert_eq!(status, 404, "{body}");
    let text = logs.take();
    // The error's fields follow (see `test_observe`).
    let span = format!(
        "request{{method=GET path=/carts/7 trace_id={TRACE} \
         error.type=cart_not_found http.response.status_code=404}}"
    );
    assert!(text.contains(&span), "{text}");

    let (_, body) = run(&[]);
    let text = logs.take();
    let body: serde_json::Value = serde_json::from_str(&body).unwrap();
    let logged = log_capture::span_trace_id(&text);
    assert!(logged.is_some_and(apierror::web::is_traceparent), "{text}");
    assert_eq!(logged, body["traceId"].as_str(), "{text}");
}

#[test]
fn each_request_runs_in_a_span_with_its_trace_id() {
    let logs = log_capture::capture();
    let tokio = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let actix = actix_web::rt::System::new();
    for context in [false, true] {
        assert_spans(&logs, |headers| {
            tokio.block_on(through_axum(headers, context))
        });
        assert_spans(&logs, |headers| {
            actix.block_on(through_actix(headers, context))
        });
    }
}
