//! What an error response tells tracing and metrics, in both integrations, in process: the
//! request span's OpenTelemetry fields (`error.type`, `http.response.status_code`, on errors
//! only), the `metrics` counter by code, status and format, and what the README promises:
//! a 5xx is logged once with its source chain, a 4xx is not logged, and `Vary` names
//! `accept-language` beside `accept` where the language of a translated error was chosen.
//!
//! One global subscriber captures the binary's logs (see `common/log_capture.rs`): the tests
//! take turns, so that each reads only its own lines. The counter's test needs the `metrics`
//! feature (`--features metrics`; CI's `--all-features` has it).
#![cfg(all(feature = "axum", feature = "actix-web"))]

mod support;

use support::log_capture;

use std::sync::{Mutex, MutexGuard};

use apierror::{ApiError, Format, Renderer};

const TRACE: &str = "00-813b63975adcaaeef2b0ec7c103c40e3-706492e906541d31-01";
/// A source error's text: for the log, never the wire.
const SOURCE: &str = "disk on fire (sector 7)";

#[derive(Debug, thiserror::Error, ApiError)]
enum ShopError {
    #[error("cart {id} was not found")]
    #[status(404)]
    #[code("cart_not_found")]
    #[message("cart {id} was not found")]
    #[message(ja = "カート {id} が見つかりません")]
    #[title(ja = "カートが見つかりません")]
    CartNotFound { id: u64 },

    #[error("the store failed")]
    #[status(503)]
    #[code("store_unavailable")]
    #[message("the store is unavailable")]
    Store(#[source] std::io::Error),
}

/// The handlers both apps route to; each derived error answers in either framework.
async fn cart() -> Result<&'static str, ShopError> {
    Err(ShopError::CartNotFound { id: 7 })
}

async fn store() -> Result<&'static str, ShopError> {
    Err(ShopError::Store(std::io::Error::other(SOURCE)))
}

async fn panic() -> &'static str {
    panic!("the handler gave up")
}

/// An answer: status, headers (`name: value` lines, lower-case names), body.
type Answer = (u16, String, String);

/// The routes both apps serve (a request to any other path is the framework's 404).
const CART: &str = "/carts/7";
const STORE: &str = "/store";
const PANIC: &str = "/panic";
/// Error bodies the handler builds itself (JSON, so passed on as they are).
const CONFLICT: &str = "/conflict";
const GATEWAY: &str = "/gateway";
const OK: &str = "/ok";
const NOWHERE: &str = "/nowhere";
/// A catalog error a handler answers with its `ErrorContext`: counted once, as the
/// integration's own answer is.
const ANSWERED: &str = "/answered";

/// A response's headers as `name: value` lines, sorted: actix's header map has no order of
/// its own.
fn header_lines<'h>(headers: impl Iterator<Item = (&'h str, &'h [u8])>) -> String {
    let mut lines: Vec<_> = headers
        .map(|(name, value)| format!("{name}: {}", String::from_utf8_lossy(value)))
        .collect();
    lines.sort();
    lines.join("\n")
}

mod axum_app {
    use axum::http::{header, StatusCode};
    use axum::response::IntoResponse;
    use axum::routing::get;
    use tower::{Layer, ServiceExt};

    use super::*;

    /// `GET path` through a router with the negotiated layer around it.
    pub async fn send(path: &str, headers: &[(&str, &str)]) -> Answer {
        fn json(status: StatusCode) -> axum::response::Response {
            (status, [(header::CONTENT_TYPE, "application/json")], "{}").into_response()
        }
        let router = axum::Router::new()
            .route(CART, get(cart))
            .route(STORE, get(store))
            .route(PANIC, get(panic))
            .route(CONFLICT, get(|| async { json(StatusCode::CONFLICT) }))
            .route(GATEWAY, get(|| async { json(StatusCode::BAD_GATEWAY) }))
            .route(OK, get(|| async { "ok".into_response() }))
            .route(
                ANSWERED,
                get(|ctx: apierror::axum::ErrorContext| async move {
                    ctx.respond(&ShopError::CartNotFound { id: 7 })
                }),
            );
        let app =
            apierror::axum::ApiErrorLayer::negotiated(Renderer::all_built_in(Format::Problem))
                .layer(router);
        let mut req = http::Request::get(path);
        for (name, value) in headers {
            req = req.header(*name, *value);
        }
        let res = app
            .oneshot(req.body(axum::body::Body::empty()).unwrap())
            .await
            .unwrap();
        let status = res.status().as_u16();
        let headers = header_lines(
            res.headers()
                .iter()
                .map(|(n, v)| (n.as_str(), v.as_bytes())),
        );
        let body = axum::body::to_bytes(res.into_body(), 1 << 16)
            .await
            .unwrap();
        (status, headers, String::from_utf8(body.to_vec()).unwrap())
    }
}

mod actix_app {
    use actix_web::http::StatusCode;
    use actix_web::middleware::from_fn;
    use actix_web::test::{init_service, try_call_service, TestRequest};
    use actix_web::{web, App, HttpResponse};
    use apierror::actix::{render_errors, ErrorConfig};

    use super::*;

    /// `GET path` through an app with the negotiated middleware.
    pub async fn send(path: &str, headers: &[(&str, &str)]) -> Answer {
        fn json(status: StatusCode) -> HttpResponse {
            HttpResponse::build(status)
                .content_type("application/json")
                .body("{}")
        }
        let config = ErrorConfig::negotiated(Renderer::all_built_in(Format::Problem));
        let app = App::new()
            .app_data(web::Data::new(config))
            .wrap(from_fn(render_errors))
            .route(CART, web::get().to(cart))
            .route(STORE, web::get().to(store))
            .route(PANIC, web::get().to(panic))
            .route(
                CONFLICT,
                web::get().to(|| async { json(StatusCode::CONFLICT) }),
            )
            .route(
                GATEWAY,
                web::get().to(|| async { json(StatusCode::BAD_GATEWAY) }),
            )
            .route(OK, web::get().to(|| async { "ok" }))
            .route(
                ANSWERED,
                web::get().to(|ctx: apierror::actix::ErrorContext| async move {
                    ctx.respond(&ShopError::CartNotFound { id: 7 })
                }),
            );
        let mut req = TestRequest::get().uri(path);
        for header in headers {
            req = req.insert_header(*header);
        }
        // A panic's answer comes as an error carrying its response (see `render_errors`).
        let res = match try_call_service(&init_service(app).await, req.to_request()).await {
            Ok(res) => res.into_parts().1,
            Err(err) => err.error_response(),
        };
        let status = res.status().as_u16();
        let headers = header_lines(
            res.headers()
                .iter()
                .map(|(n, v)| (n.as_str(), v.as_bytes())),
        );
        let body = actix_web::body::to_bytes(res.into_body()).await.unwrap();
        (status, headers, String::from_utf8(body.to_vec()).unwrap())
    }
}

/// `GET path` with these headers, answered.
type Sender = dyn Fn(&str, &[(&str, &str)]) -> Answer;

/// Each framework's `send`, run to its end on this thread (so that a thread's metrics
/// recorder sees it).
fn frameworks() -> [(&'static str, Box<Sender>); 2] {
    let tokio = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let actix = actix_web::rt::System::new();
    [
        (
            "axum",
            Box::new(move |p, h| tokio.block_on(axum_app::send(p, h))),
        ),
        (
            "actix",
            Box::new(move |p, h| actix.block_on(actix_app::send(p, h))),
        ),
    ]
}

/// The captured logs, for one test at a time.
fn logs() -> (log_capture::Logs, MutexGuard<'static, ()>) {
    static TURN: Mutex<()> = Mutex::new(());
    let turn = TURN.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let logs = log_capture::capture();
    logs.take();
    (logs, turn)
}

#[test]
fn the_request_span_records_error_type_and_status_on_errors_only() {
    let (logs, _turn) = logs();
    let cases = [
        (OK, ""),
        (
            CART,
            " error.type=cart_not_found http.response.status_code=404",
        ),
        (
            STORE,
            " error.type=store_unavailable http.response.status_code=503",
        ),
        (
            PANIC,
            " error.type=internal_error http.response.status_code=500",
        ),
        (
            NOWHERE,
            " error.type=not_found http.response.status_code=404",
        ),
        // A 5xx without a code of its own: its status, as the conventions say.
        (GATEWAY, " error.type=502 http.response.status_code=502"),
        (
            ANSWERED,
            " error.type=cart_not_found http.response.status_code=404",
        ),
        // A 4xx is no server error for the conventions: only its status.
        (CONFLICT, " http.response.status_code=409"),
    ];
    for (name, send) in frameworks() {
        for (path, fields) in cases {
            send(path, &[("traceparent", TRACE)]);
            let text = logs.take();
            let span = format!("request{{method=GET path={path} trace_id={TRACE}{fields}}}: ");
            assert!(
                text.contains(&span),
                "{name} {path}: {span}\nnot in\n{text}"
            );
            if fields.is_empty() {
                assert!(!text.contains("error.type"), "{name}: {text}");
            }
        }
    }
}

#[cfg(feature = "metrics")]
#[test]
fn error_responses_are_counted_by_code_status_and_format() {
    let (_logs, _turn) = logs();
    let json = [("accept", "application/json")];
    for (name, send) in frameworks() {
        let recorder = metrics_exporter_prometheus::PrometheusBuilder::new().build_recorder();
        let handle = recorder.handle();
        metrics::with_local_recorder(&recorder, || {
            send(CART, &[]);
            send(CART, &[]);
            send(CART, &json);
            send(STORE, &[]);
            send(PANIC, &json);
            send(NOWHERE, &[]);
            send(CONFLICT, &[]);
            send(GATEWAY, &[]);
            send(OK, &[]);
            send(ANSWERED, &[]);
        });
        let rendered = handle.render();
        let mut counted: Vec<_> = rendered
            .lines()
            .filter(|line| line.starts_with(apierror::web::observe::ERROR_RESPONSES))
            .collect();
        counted.sort_unstable();
        let series =
            |labels: &str, n: u32| format!("apierror_error_responses_total{{{labels}}} {n}");
        assert_eq!(
            counted,
            [
                series(r#"code="cart_not_found",status="404",format="omise""#, 1),
                series(r#"code="cart_not_found",status="404",format="problem""#, 3),
                series(r#"code="internal_error",status="500",format="omise""#, 1),
                series(r#"code="not_found",status="404",format="problem""#, 1),
                series(r#"code="other",status="409",format="other""#, 1),
                series(r#"code="other",status="502",format="other""#, 1),
                series(
                    r#"code="store_unavailable",status="503",format="problem""#,
                    1
                ),
            ],
            "{name}: {rendered}"
        );
    }
}

#[test]
fn a_5xx_is_logged_once_with_its_source_chain_and_a_4xx_not_at_all() {
    let (logs, _turn) = logs();
    for (name, send) in frameworks() {
        let (status, _, body) = send(STORE, &[("traceparent", TRACE)]);
        let text = logs.take();
        assert_eq!(status, 503);
        assert!(!body.contains(SOURCE), "{name}: {body}");
        let line = format!(
            "ERROR request{{method=GET path={STORE} trace_id={TRACE}}}: apierror::web::pending_error: \
             request failed status=503 code=\"store_unavailable\" error=the store failed: {SOURCE}"
        );
        assert!(text.contains(&line), "{name}: {line}\nnot in\n{text}");
        let errors = text.lines().filter(|line| line.starts_with("ERROR"));
        assert_eq!(errors.count(), 1, "{name}: {text}");

        let (status, _, _) = send(CART, &[("traceparent", TRACE)]);
        let text = logs.take();
        assert_eq!(status, 404);
        assert!(!text.contains("ERROR"), "{name}: {text}");
        assert!(!text.contains("request failed"), "{name}: {text}");
    }
}

#[test]
fn vary_names_accept_language_where_a_translated_errors_language_was_chosen() {
    let (_logs, _turn) = logs();
    for (name, send) in frameworks() {
        let (status, headers, body) = send(CART, &[("accept-language", "ja, en;q=0.5")]);
        assert_eq!(status, 404, "{name}");
        assert!(body.contains("カート 7 が見つかりません"), "{name}: {body}");
        assert!(
            headers.contains("content-language: ja"),
            "{name}: {headers}"
        );
        let vary: Vec<_> = headers
            .lines()
            .filter(|l| l.starts_with("vary: "))
            .collect();
        assert_eq!(vary, ["vary: accept, accept-language"], "{name}: {headers}");

        // An error with no translation could be in no other language: `Vary` names
        // `accept` alone (the format was negotiated).
        let (_, headers, _) = send(STORE, &[("accept-language", "ja, en;q=0.5")]);
        let vary: Vec<_> = headers
            .lines()
            .filter(|l| l.starts_with("vary: "))
            .collect();
        assert_eq!(vary, ["vary: accept"], "{name}: {headers}");
    }
}
