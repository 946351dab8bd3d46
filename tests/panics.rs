//! A handler that panics, under load, over loopback HTTP: every request is answered with
//! the exact 500 body of the built-in `internal_error` in the negotiated format, naming the
//! request's own trace id, and the server goes on answering, in both integrations.
//!
//! Before the integrations caught panics, both closed the connection without an answer
//! (`curl: (52) Empty reply from server`).
#![cfg(all(feature = "axum", feature = "actix-web"))]

mod support;

use support::http_client;

use std::net::TcpListener;
use std::sync::Once;
use std::time::Duration;

/// Every panic of the handlers here says this, and only those are kept off standard error.
const PANIC: &str = "test_panics: the handler gave up";
/// Concurrent clients, and requests each sends to the panicking route.
const CLIENTS: usize = 32;
const PANICS_PER_CLIENT: usize = 8;

async fn boom() -> &'static str {
    panic!("{PANIC}")
}

async fn ok() -> &'static str {
    "ok"
}

/// std's hook prints each panic on standard error (with a backtrace where one is asked
/// for): hundreds of them here. The handlers' own panics are kept quiet, every other one
/// (a failing assertion) is printed as usual.
fn quiet_handler_panics() {
    static QUIET: Once = Once::new();
    QUIET.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let text = info.payload().downcast_ref::<String>();
            if !text.is_some_and(|text| text == PANIC) {
                previous(info);
            }
        }));
    });
}

/// An axum server with the layer around its router, on a loopback port.
fn start_axum() -> String {
    use axum::routing::get;
    use tower::Layer;

    let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    listener.set_nonblocking(true).expect("non-blocking");
    let addr = listener.local_addr().expect("local addr");
    std::thread::spawn(move || {
        let tokio = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("runtime");
        tokio.block_on(async move {
            let router = axum::Router::new()
                .route("/boom", get(boom))
                .route("/ok", get(ok));
            let app = apierror::axum::ApiErrorLayer::negotiated(apierror::Renderer::default())
                .layer(router);
            let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
            let app = axum::ServiceExt::<axum::extract::Request>::into_make_service(app);
            axum::serve(listener, app).await.expect("serve");
        });
    });
    format!("http://{addr}")
}

/// An actix-web server with the middleware, on a loopback port.
fn start_actix() -> String {
    use actix_web::middleware::from_fn;
    use actix_web::{web, App, HttpServer};

    let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let addr = listener.local_addr().expect("local addr");
    std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            let server = HttpServer::new(|| {
                App::new()
                    .wrap(from_fn(apierror::actix::render_errors))
                    .route("/boom", web::get().to(boom))
                    .route("/ok", web::get().to(ok))
            })
            .workers(2)
            .listen(listener)
            .expect("listen");
            server.run().await.expect("serve");
        });
    });
    format!("http://{addr}")
}

/// The trace id client `client` sends with its `n`th request.
fn traceparent(client: usize, n: usize) -> String {
    format!("00-{:032x}-{:016x}-01", 0x7e57_0000 + client, n + 1)
}

/// The whole answer to a panic of `GET /boom` with `traceparent`: the built-in
/// `internal_error` in the problem format (the default renderer's first offer).
fn expected_panic_answer(traceparent: &str) -> String {
    format!(
        concat!(
            r#"{{"type":"about:blank","title":"Internal Server Error","status":500,"#,
            r#""detail":"the request could not be completed due to an internal error","#,
            r#""instance":"/boom","code":"internal_error","traceId":"{}"}}"#
        ),
        traceparent
    )
}

/// `CLIENTS` clients at once, each sending `PANICS_PER_CLIENT` requests that panic, each
/// followed by one that does not; then one more normal request.
fn panics_under_load(base: &str) {
    quiet_handler_panics();
    let agent = http_client::agent(Duration::from_secs(10));
    // The server is up once it answers.
    let up = (0..100).any(|_| {
        let answered = http_client::exchange(&agent, "GET", &format!("{base}/ok"), &[], None);
        answered.is_ok() || {
            std::thread::sleep(Duration::from_millis(50));
            false
        }
    });
    assert!(up, "{base} never answered");

    let clients: Vec<_> = (0..CLIENTS)
        .map(|client| {
            let base = base.to_owned();
            std::thread::spawn(move || {
                let agent = http_client::agent(Duration::from_secs(10));
                for n in 0..PANICS_PER_CLIENT {
                    let trace = traceparent(client, n);
                    let headers = [("traceparent", trace.as_str())];
                    let url = format!("{base}/boom");
                    let answer = http_client::send(&agent, "GET", &url, &headers, None);
                    assert_eq!(answer.status, 500, "{answer:?}");
                    assert_eq!(
                        answer.header("content-type"),
                        Some("application/problem+json")
                    );
                    assert_eq!(answer.body, expected_panic_answer(&trace));
                    let normal = http_client::send(&agent, "GET", &format!("{base}/ok"), &[], None);
                    assert_eq!((normal.status, normal.body.as_str()), (200, "ok"));
                }
            })
        })
        .collect();
    for client in clients {
        client.join().expect("a client's checks failed");
    }

    let after = http_client::send(&agent, "GET", &format!("{base}/ok"), &[], None);
    assert_eq!((after.status, after.body.as_str()), (200, "ok"));
}

#[test]
fn axum_answers_every_panic_and_goes_on_serving() {
    panics_under_load(&start_axum());
}

#[test]
fn actix_answers_every_panic_and_goes_on_serving() {
    panics_under_load(&start_actix());
}
