//! A handler's `ErrorContext` (axum and actix-web): its answers are the integration's own,
//! byte for byte, and its trace id is the one every other error path of the request names:
//! the `traceparent` sent, or the same fresh one.

use std::sync::Mutex;

use apierror::{Format, Renderer};

use crate::support::{ShopError, TRACE};

/// The problem body of `CartNotFound(7)` at `/carts/7` naming `trace_id`.
fn not_found(trace_id: &str) -> String {
    format!(
        r#"{{"type":"about:blank","title":"Not Found","status":404,"detail":"cart 7 was not found","instance":"/carts/7","code":"cart_not_found","traceId":"{trace_id}"}}"#
    )
}

/// The problem body of the built-in answer to a panic at `/boom` naming `trace_id`.
fn panicked(trace_id: &str) -> String {
    format!(
        r#"{{"type":"about:blank","title":"Internal Server Error","status":500,"detail":"the request could not be completed due to an internal error","instance":"/boom","code":"internal_error","traceId":"{trace_id}"}}"#
    )
}

/// The trace id of a problem body.
fn trace_id_of(body: &str) -> &str {
    let start = body.find(r#""traceId":""#).expect("a trace id") + 11;
    &body[start..start + 55]
}

fn renderer() -> Renderer {
    Renderer::new(Format::Problem).with_offers(&[Format::Problem, Format::Omise])
}

/// A handler's context read in a test, for the test to compare with its answer. Each test
/// that sets it holds `SERIAL` while it runs.
static SEEN: Mutex<Option<String>> = Mutex::new(None);
static SERIAL: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

#[cfg(feature = "axum")]
mod with_axum {
    use apierror::axum::{ApiErrorLayer, ErrorContext};
    use axum::body::Body;
    use axum::http::Request;
    use axum::response::{IntoResponse, Response};
    use axum::routing::get;
    use axum::Router;
    use tower::ServiceExt;

    use super::*;

    async fn built(ctx: ErrorContext) -> Response {
        ctx.respond(&ShopError::CartNotFound(7))
    }

    async fn returned() -> Result<&'static str, ShopError> {
        Err(ShopError::CartNotFound(7))
    }

    /// The handler's error, with the context's trace id in a header of its own, which the
    /// layer keeps beside its answer.
    async fn both(ctx: ErrorContext) -> Response {
        let header = [("x-context-trace", ctx.trace_id().to_owned())];
        (header, ShopError::CartNotFound(7)).into_response()
    }

    async fn boom(ctx: ErrorContext) -> &'static str {
        *SEEN.lock().unwrap() = Some(ctx.trace_id().to_owned());
        panic!("the basket went missing")
    }

    fn routes() -> Router {
        Router::new()
            .route("/carts/{id}", get(built))
            .route("/returned/carts/{id}", get(returned))
            .route("/both/carts/{id}", get(both))
            .route("/boom", get(boom))
    }

    /// Status, headers as `name: value` lines in order, body.
    async fn send(app: Router, path: &str, headers: &[(&str, &str)]) -> (u16, String, String) {
        let mut req = Request::get(path);
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
    async fn the_answer_is_the_layers_own_with_the_traceparent_sent() {
        let app = || routes().layer(ApiErrorLayer::negotiated(renderer()));
        let headers = [
            ("traceparent", TRACE),
            ("accept", "application/problem+json"),
        ];
        let res = send(app(), "/carts/7", &headers).await;
        assert_eq!(
            res,
            (
                404,
                "content-type: application/problem+json\ncontent-language: en\nvary: accept\ncontent-length: 201".to_owned(),
                not_found(TRACE)
            )
        );
        // What the layer answers for the same error returned, but the instance's prefix.
        let returned = send(app(), "/returned/carts/7", &headers).await;
        let returned_body = returned.2.replace("/returned/carts/7", "/carts/7");
        let returned_headers = returned
            .1
            .replace("content-length: 210", "content-length: 201");
        assert_eq!((returned.0, returned_headers, returned_body), res);

        // Negotiated: Omise where the request asks for JSON.
        let res = send(app(), "/carts/7", &[("accept", "application/json")]).await;
        assert_eq!(
            res.2,
            r#"{"object":"error","location":"https://shop.example.com/errors#cart-not-found","code":"cart_not_found","message":"cart 7 was not found"}"#
        );
    }

    #[tokio::test]
    async fn without_a_traceparent_every_error_path_names_the_same_fresh_one() {
        let app = || routes().layer(ApiErrorLayer::fixed(Format::Problem));
        // The handler's error, answered by the layer, beside the context's trace id.
        let (status, headers, body) = send(app(), "/both/carts/7", &[]).await;
        assert_eq!(status, 404);
        let trace_id = trace_id_of(&body);
        assert!(apierror::web::is_traceparent(trace_id), "{body}");
        assert_ne!(trace_id, TRACE);
        assert!(
            headers.contains(&format!("x-context-trace: {trace_id}")),
            "{headers}\n{body}"
        );
        assert_eq!(
            body,
            not_found(trace_id).replace("/carts/7", "/both/carts/7")
        );

        // A panic after the context was read: its answer names the same.
        let _serial = SERIAL.lock().await;
        let (status, _, body) = send(app(), "/boom", &[]).await;
        assert_eq!(status, 500);
        let seen = SEEN.lock().unwrap().take().expect("the handler ran");
        assert_eq!(body, panicked(&seen));
    }

    #[tokio::test]
    async fn without_the_layer_the_default_renderer_answers() {
        let res = send(routes(), "/carts/7", &[("traceparent", TRACE)]).await;
        assert_eq!(
            res,
            (
                404,
                "content-type: application/problem+json\ncontent-language: en\ncontent-length: 201"
                    .to_owned(),
                not_found(TRACE)
            )
        );
        // No layer, no traceparent: a fresh one of its own.
        let (_, _, body) = send(routes(), "/carts/7", &[]).await;
        assert_eq!(body, not_found(trace_id_of(&body)));
        assert_ne!(trace_id_of(&body), TRACE);
    }
}

#[cfg(feature = "actix-web")]
mod with_actix {
    use actix_web::middleware::from_fn;
    use actix_web::test::{call_service, init_service, read_body, try_call_service, TestRequest};
    use actix_web::{web, App, HttpResponse};
    use apierror::actix::{render_errors, ErrorConfig, ErrorContext};

    use super::*;

    async fn built(ctx: ErrorContext) -> HttpResponse {
        ctx.respond(&ShopError::CartNotFound(7))
    }

    async fn returned() -> Result<&'static str, ShopError> {
        Err(ShopError::CartNotFound(7))
    }

    async fn boom(ctx: ErrorContext) -> &'static str {
        *SEEN.lock().unwrap() = Some(ctx.trace_id().to_owned());
        panic!("the basket went missing")
    }

    fn configure(cfg: &mut web::ServiceConfig) {
        cfg.app_data(web::Data::new(ErrorConfig::negotiated(renderer())))
            .route("/carts/{id}", web::get().to(built))
            .route("/returned/carts/{id}", web::get().to(returned))
            .route("/boom", web::get().to(boom));
    }

    /// Status, headers sorted as `name: value` lines, body.
    async fn send(middleware: bool, path: &str, headers: &[(&str, &str)]) -> (u16, String, String) {
        let mut req = TestRequest::get().uri(path);
        for header in headers {
            req = req.insert_header(*header);
        }
        let app = App::new().configure(configure);
        let res = if middleware {
            let app = init_service(app.wrap(from_fn(render_errors))).await;
            call_service(&app, req.to_request()).await
        } else {
            call_service(&init_service(app).await, req.to_request()).await
        };
        let status = res.status().as_u16();
        let mut lines: Vec<String> = res
            .headers()
            .iter()
            .map(|(n, v)| format!("{n}: {}", v.to_str().unwrap()))
            .collect();
        lines.sort();
        let body = String::from_utf8(read_body(res).await.to_vec()).unwrap();
        (status, lines.join("\n"), body)
    }

    #[actix_web::test]
    async fn the_answer_is_the_middlewares_own_with_the_traceparent_sent() {
        let headers = [
            ("traceparent", TRACE),
            ("accept", "application/problem+json"),
        ];
        let res = send(true, "/carts/7", &headers).await;
        assert_eq!(
            res,
            (
                404,
                "content-language: en\ncontent-type: application/problem+json\nvary: accept"
                    .to_owned(),
                not_found(TRACE)
            )
        );
        let returned = send(true, "/returned/carts/7", &headers).await;
        let returned_body = returned.2.replace("/returned/carts/7", "/carts/7");
        assert_eq!((returned.0, returned.1, returned_body), res);
    }

    #[actix_web::test]
    async fn without_a_traceparent_a_panic_names_the_contexts_fresh_one() {
        let _serial = SERIAL.lock().await;
        let app = App::new().configure(configure).wrap(from_fn(render_errors));
        let app = init_service(app).await;
        let req = TestRequest::get().uri("/boom").to_request();
        let res = try_call_service(&app, req)
            .await
            .unwrap_err()
            .error_response();
        assert_eq!(res.status(), 500);
        let body = actix_web::body::to_bytes(res.into_body()).await.unwrap();
        let seen = SEEN.lock().unwrap().take().expect("the handler ran");
        assert!(apierror::web::is_traceparent(&seen));
        assert_eq!(String::from_utf8(body.to_vec()).unwrap(), panicked(&seen));
    }

    #[actix_web::test]
    async fn without_the_middleware_the_config_still_answers() {
        let res = send(false, "/carts/7", &[("traceparent", TRACE)]).await;
        assert_eq!(
            res,
            (
                404,
                "content-language: en\ncontent-type: application/problem+json\nvary: accept"
                    .to_owned(),
                not_found(TRACE)
            )
        );
        let (_, _, body) = send(false, "/carts/7", &[]).await;
        assert_eq!(body, not_found(trace_id_of(&body)));
    }
}
