//! End-to-end tests of the actix-web example (`examples/actix_transfers`) over loopback HTTP
//! with `ureq`; and a derived error through the actix-web middleware, in process.
#![cfg(feature = "actix-web")]

use crate::support::{http_client, TRACE};

fn start() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let addr = listener.local_addr().expect("local addr");
    std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            let server = actix_web::HttpServer::new(actix_transfers::app)
                .workers(1)
                .listen(listener)
                .expect("listen");
            server.run().await.expect("serve");
        });
    });
    format!("http://{addr}")
}

/// Status, `Content-Type`, body.
fn send(
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
) -> (u16, String, String) {
    let agent = http_client::agent(std::time::Duration::from_secs(5));
    let answer = http_client::send(&agent, method, url, headers, body);
    let content_type = answer.header("content-type").unwrap_or_default().to_owned();
    (answer.status, content_type, answer.body)
}

fn omise(code: &str, message: &str) -> String {
    format!(
        r#"{{"object":"error","location":"https://www.omise.co/api-errors#{}","code":"{code}","message":"{message}"}}"#,
        code.replace('_', "-")
    )
}

const JSON: &str = "application/json; charset=utf-8";

#[test]
fn handler_errors_in_both_formats() {
    let base = start();
    let (status, _, body) = send("GET", &format!("{base}/transfers/trsf_test_1"), &[], None);
    assert_eq!(
        (status, body.as_str()),
        (
            200,
            r#"{"object":"transfer","id":"trsf_test_1","amount":100000}"#
        )
    );

    let res = send("GET", &format!("{base}/transfers/trsf_test_2"), &[], None);
    assert_eq!(
        res,
        (
            404,
            JSON.to_owned(),
            omise("not_found", "the requested object was not found")
        )
    );

    let headers = [
        ("Accept", "application/problem+json"),
        ("traceparent", TRACE),
    ];
    let res = send(
        "GET",
        &format!("{base}/transfers/trsf_test_2"),
        &headers,
        None,
    );
    assert_eq!(
        res,
        (
            404,
            "application/problem+json".to_owned(),
            format!(
                r#"{{"type":"about:blank","title":"Not Found","status":404,"detail":"the requested object was not found","instance":"/transfers/trsf_test_2","code":"not_found","traceId":"{TRACE}"}}"#
            )
        )
    );

    let json = [("Content-Type", "application/json")];
    let res = send(
        "POST",
        &format!("{base}/transfers"),
        &json,
        Some(r#"{"amount":0}"#),
    );
    assert_eq!(
        res,
        (
            400,
            JSON.to_owned(),
            omise("invalid_transfer", "amount must be greater than 0")
        )
    );
}

#[test]
fn rejections_are_catalog_errors() {
    let base = start();
    let url = format!("{base}/transfers");
    let json = [("Content-Type", "application/json")];
    let res = send("POST", &url, &json, Some("{bad"));
    assert_eq!(
        res,
        (
            400,
            JSON.to_owned(),
            // Omise has one message: the first violation's, here the body's as a whole.
            omise("bad_request", "is not valid JSON")
        )
    );
    let res = send(
        "POST",
        &url,
        &[("Content-Type", "text/plain")],
        Some("amount=1"),
    );
    assert_eq!(
        res,
        (
            400,
            JSON.to_owned(),
            omise("bad_request", "Content type error")
        )
    );
    let res = send("GET", &format!("{url}?limit=abc"), &[], None);
    assert_eq!(
        res,
        (
            400,
            JSON.to_owned(),
            omise(
                "bad_request",
                "Query deserialize error: has an invalid value"
            )
        )
    );
    let not_found = omise("not_found", "the requested object was not found");
    assert_eq!(
        send("GET", &format!("{base}/nope"), &[], None),
        (404, JSON.to_owned(), not_found.clone())
    );
    assert_eq!(
        send("DELETE", &url, &[], None),
        (404, JSON.to_owned(), not_found)
    );
}

mod derived {
    //! A handler returning `Result<T, MyError>` of a derived type, in process.

    use actix_web::middleware::from_fn;
    use actix_web::test::{call_service, init_service, read_body, TestRequest};
    use actix_web::{web, App};
    use apierror::actix::{render_errors, ErrorConfig};
    use apierror::{Format, Renderer};

    use crate::support::{ShopError, TRACE};

    async fn cart(id: web::Path<u64>) -> Result<&'static str, ShopError> {
        Err(ShopError::CartNotFound(*id))?
    }

    /// Status, headers sorted as `name: value` lines, body.
    async fn send(layer: bool, headers: &[(&str, &str)]) -> (u16, String, String) {
        let renderer =
            Renderer::new(Format::Problem).with_offers(&[Format::Problem, Format::Omise]);
        let app = App::new()
            .app_data(web::Data::new(ErrorConfig::negotiated(renderer)))
            .route("/carts/{id}", web::get().to(cart));
        let mut req = TestRequest::get().uri("/carts/7");
        for header in headers {
            req = req.insert_header(*header);
        }
        let res = if layer {
            call_service(
                &init_service(app.wrap(from_fn(render_errors))).await,
                req.to_request(),
            )
            .await
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
        let body = read_body(res).await;
        let body = String::from_utf8(body.to_vec()).unwrap();
        (status, lines.join("\n"), body)
    }

    #[actix_web::test]
    async fn derived_error_gets_the_request_context_and_negotiated_format() {
        let problem = [
            ("accept", "application/problem+json"),
            ("traceparent", TRACE),
        ];
        let (status, headers, body) = send(true, &problem).await;
        let expected = format!(
            r#"{{"type":"about:blank","title":"Not Found","status":404,"detail":"cart 7 was not found","instance":"/carts/7","code":"cart_not_found","traceId":"{TRACE}"}}"#
        );
        assert_eq!(status, 404);
        assert_eq!(
            headers,
            "content-language: en\ncontent-type: application/problem+json\nvary: accept"
        );
        assert_eq!(body, expected);

        let (status, headers, body) = send(true, &[("accept", "application/json")]).await;
        assert_eq!(status, 404);
        assert_eq!(
            headers,
            "content-language: en\ncontent-type: application/json; charset=utf-8\nvary: accept"
        );
        assert_eq!(
            body,
            r#"{"object":"error","location":"https://shop.example.com/errors#cart-not-found","code":"cart_not_found","message":"cart 7 was not found"}"#
        );
    }

    #[actix_web::test]
    async fn without_the_middleware_the_derived_error_still_renders() {
        let res = send(
            false,
            &[("accept", "application/json"), ("traceparent", TRACE)],
        )
        .await;
        assert_eq!(
            res,
            (
                404,
                "content-language: en\ncontent-type: application/problem+json".to_owned(),
                r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"cart 7 was not found","code":"cart_not_found"}"#.to_owned()
            )
        );
    }
}
