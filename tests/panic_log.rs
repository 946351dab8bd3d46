//! A handler's panic in the log, never on the wire: one error line in the request's span
//! with the panic's message and, with `log_panic_locations`, where it was raised; the body
//! is the catalog's. Both integrations, in process. A binary of its own: its subscriber is
//! global (see `support/log_capture.rs`) and its panic hook is the process's.
#![cfg(all(feature = "axum", feature = "actix-web"))]

mod support;

use support::log_capture;

use apierror::{Format, Renderer};
use tower::{Layer, ServiceExt};

const TRACE: &str = "00-813b63975adcaaeef2b0ec7c103c40e3-706492e906541d31-01";
/// What the handler panics with: what no client may read.
const SECRET: &str = "order 7: db password=hunter2 rejected";

async fn boom() -> &'static str {
    panic!("order 7: db password={} rejected", "hunter2")
}

/// The line of this file that panics with the secret, as the hook reports it.
fn panic_line() -> usize {
    let source = include_str!("panic_log.rs");
    let at = source.find("    panic!(\"order 7").expect("the panic");
    source[..at].lines().count() + 1
}

/// Status and body of `GET /orders/7` through the axum layer.
async fn through_axum() -> (u16, String) {
    let router = axum::Router::new().route("/orders/7", axum::routing::get(boom));
    let app = apierror::axum::ApiErrorLayer::fixed(Format::Omise).layer(router);
    let req = http::Request::get("/orders/7")
        .header("traceparent", TRACE)
        .body(axum::body::Body::empty())
        .unwrap();
    let res = app.oneshot(req).await.unwrap();
    let status = res.status().as_u16();
    let body = axum::body::to_bytes(res.into_body(), 1 << 16)
        .await
        .unwrap();
    (status, String::from_utf8(body.to_vec()).unwrap())
}

/// Status and body of `GET /orders/7` through the actix middleware.
async fn through_actix() -> (u16, String) {
    use actix_web::middleware::from_fn;
    use actix_web::test::{init_service, try_call_service, TestRequest};
    use actix_web::{web, App};
    use apierror::actix::{render_errors, ErrorConfig};

    let config = ErrorConfig::negotiated(Renderer::new(Format::Omise));
    let app = App::new()
        .app_data(web::Data::new(config))
        .wrap(from_fn(render_errors))
        .route("/orders/7", web::get().to(boom));
    let req = TestRequest::get()
        .uri("/orders/7")
        .insert_header(("traceparent", TRACE));
    // The answer comes as an error carrying its response (see `render_errors`).
    let err = try_call_service(&init_service(app).await, req.to_request())
        .await
        .expect_err("a panic's answer");
    let res = err.error_response();
    let status = res.status().as_u16();
    let body = actix_web::body::to_bytes(res.into_body()).await.unwrap();
    (status, String::from_utf8(body.to_vec()).unwrap())
}

/// Through `run`: the catalog's body on the wire, the panic's text and location in one
/// error line of the request's span.
fn assert_logged_not_sent(logs: &log_capture::Logs, run: impl FnOnce() -> (u16, String)) {
    logs.take();
    let (status, body) = run();
    let text = logs.take();
    assert_eq!(status, 500);
    assert_eq!(
        body,
        r#"{"object":"error","location":"https://www.omise.co/api-errors#internal-error","code":"internal_error","message":"the request could not be completed due to an internal error"}"#
    );
    assert!(!body.contains("hunter2"), "{body}");
    let line = format!(
        "ERROR request{{method=GET path=/orders/7 trace_id={TRACE}}}: apierror::web::panic: \
         handler panicked status=500 code=\"internal_error\" panic=\"{SECRET}\" \
         location=\"{}:{}:5\"",
        file!(),
        panic_line()
    );
    assert!(text.contains(&line), "{line}\nnot in\n{text}");
    assert_eq!(text.matches("handler panicked").count(), 1, "{text}");
}

#[test]
fn a_panic_is_logged_with_its_location_and_never_sent() {
    let logs = log_capture::capture();
    apierror::web::log_panic_locations();
    let tokio = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    assert_logged_not_sent(&logs, || tokio.block_on(through_axum()));
    let actix = actix_web::rt::System::new();
    assert_logged_not_sent(&logs, || actix.block_on(through_actix()));
}
