//! End-to-end tests of `examples/actix_server.rs` over loopback HTTP with `ureq`.
#![cfg(feature = "actix-web")]

#[path = "../examples/actix_server.rs"]
#[allow(dead_code)]
mod actix_server;

const TRACE: &str = "00-813b63975adcaaeef2b0ec7c103c40e3-706492e906541d31-01";

fn start() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let addr = listener.local_addr().expect("local addr");
    std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            let server = actix_web::HttpServer::new(actix_server::app)
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
    let agent = ureq::AgentBuilder::new()
        .timeout(std::time::Duration::from_secs(5))
        .build();
    let mut req = agent.request(method, url);
    for (name, value) in headers {
        req = req.set(name, value);
    }
    let result = match body {
        Some(body) => req.send_string(body),
        None => req.call(),
    };
    let res = match result {
        Ok(res) | Err(ureq::Error::Status(_, res)) => res,
        Err(err) => panic!("transport error: {err}"),
    };
    let content_type = res.header("content-type").unwrap_or_default().to_owned();
    (res.status(), content_type, res.into_string().expect("body"))
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
            omise(
                "bad_request",
                "Json deserialize error: key must be a string at line 1 column 2"
            )
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
                "Query deserialize error: invalid digit found in string"
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
