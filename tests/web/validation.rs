//! Validation failures through the integrations: the validated extractors (`Valid<X>` for
//! `validator`, `Garde<X>` for `garde`, `X` each of `Json`, `Query`, `Form` and `Path`) of
//! axum and actix-web, answered with every invalid field in the negotiated format, under the
//! layer's or middleware's `validation_summary` where one is set, and without them still a
//! 422; and a body that does not deserialize, answered with the field it is about.
#![cfg(all(feature = "validator", feature = "garde"))]

use std::fmt;

use apierror::format::{Body, JsonWriter, WireFormat};
use apierror::{ApiError, Format, Notation, Renderer};
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::Deserialize;
// What validator's derive calls on a nested member (garde's derive names its own trait).
use validator::Validate as _;

use crate::support::TRACE;

/// One line of an order: its SKU, written as it is (a list element in JSON, one of the
/// comma-separated SKUs of a query, form or path).
#[derive(Debug, validator::Validate, garde::Validate)]
struct Item {
    #[validate(length(min = 3))]
    #[garde(length(min = 3))]
    sku: String,
}

/// An order: its items are nested, so that a violation is at `items[2].sku`.
#[derive(Debug, Deserialize, validator::Validate, garde::Validate)]
struct Order {
    #[validate(email(message = "is not an email address"))]
    #[garde(length(min = 3, max = 20))]
    email: String,
    #[validate(range(min = 1, max = 10))]
    #[garde(range(min = 1, max = 10))]
    count: u32,
    #[serde(deserialize_with = "skus")]
    #[validate(nested)]
    #[garde(dive)]
    items: Vec<Item>,
}

/// A list of SKUs: a JSON array of strings, or the text `a,b,c`.
fn skus<'de, D: Deserializer<'de>>(de: D) -> Result<Vec<Item>, D::Error> {
    struct Skus;

    impl<'de> Visitor<'de> for Skus {
        type Value = Vec<Item>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a list of SKUs")
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<Vec<Item>, E> {
            Ok(text
                .split(',')
                .map(|sku| Item {
                    sku: sku.to_owned(),
                })
                .collect())
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Item>, A::Error> {
            let mut items = Vec::new();
            while let Some(sku) = seq.next_element::<String>()? {
                items.push(Item { sku });
            }
            Ok(items)
        }
    }

    de.deserialize_any(Skus)
}

/// A cart whose lines are objects, for the deserialization failures.
#[derive(Debug, Deserialize, validator::Validate, garde::Validate)]
struct Cart {
    #[validate(nested)]
    #[garde(dive)]
    items: Vec<Line>,
}

#[derive(Debug, Deserialize, validator::Validate, garde::Validate)]
#[allow(dead_code)] // `qty` is only deserialized
struct Line {
    #[validate(length(min = 1))]
    #[garde(length(min = 1))]
    sku: String,
    #[garde(skip)]
    qty: u32,
}

/// The summary a server chose for its validation failures.
#[derive(Debug, thiserror::Error, ApiError)]
enum OrderError {
    #[error("the order has invalid fields")]
    #[status(400)]
    #[code("invalid_order")]
    Invalid,
}

/// The invalid order of every request: its JSON body, and its members as a query, a form
/// body or path parameters (`/orders/{email}/{count}/{items}`).
const JSON: &str = r#"{"email":"nobody","count":0,"items":["abc","defg","x"]}"#;
const URLENCODED: &str = "email=nobody&count=0&items=abc%2Cdefg%2Cx";
const PATH: &str = "/orders/nobody/0/abc,defg,x";

/// The request of each extractor kind: method, URI, `Content-Type`, body.
fn requests() -> [(
    &'static str,
    &'static str,
    String,
    Option<&'static str>,
    &'static str,
); 4] {
    [
        (
            "json",
            "POST",
            "/orders".to_owned(),
            Some("application/json"),
            JSON,
        ),
        ("query", "GET", format!("/orders?{URLENCODED}"), None, ""),
        (
            "form",
            "POST",
            "/orders".to_owned(),
            Some("application/x-www-form-urlencoded"),
            URLENCODED,
        ),
        ("path", "GET", PATH.to_owned(), None, ""),
    ]
}

/// `(code, message, dotted path, pointer)` of a violation.
type Violation = (&'static str, &'static str, &'static str, &'static str);

/// A request whose value does not deserialize: method, URI, `Content-Type`, body, and the
/// violation that answers it.
type Undeserializable = (
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
    Violation,
);

/// A missing member, a body that is not JSON at all, a query member and a path parameter
/// that do not parse.
fn undeserializable() -> [Undeserializable; 4] {
    [
        (
            "POST",
            "/carts",
            Some("application/json"),
            r#"{"items":[{"qty":1}]}"#,
            ("missing_field", "is required", "", "/items/0/sku"),
        ),
        (
            "POST",
            "/carts",
            Some("application/json"),
            r#"{"items":[{"sku":"<b>"#,
            ("invalid_json", "is not valid JSON", "", ""),
        ),
        (
            "GET",
            "/orders?email=a%40b.co&count=lots&items=abc",
            None,
            "",
            ("invalid_value", "has an invalid value", "", "/count"),
        ),
        (
            "GET",
            "/orders/a@b.co/lots/abc",
            None,
            "",
            (
                "invalid_value",
                "has an invalid value, expected u32",
                "",
                "/count",
            ),
        ),
    ]
}

/// The path a request's body names as its `instance`.
fn instance(uri: &str) -> &str {
    uri.split('?').next().unwrap()
}

/// `(code, message, dotted path, pointer)` of each violation `validator` reports for the
/// invalid order, in their fixed order (by member name).
const VALIDATOR: [Violation; 3] = [
    ("range", "must be between 1 and 10", "count", "/count"),
    ("email", "is not an email address", "email", "/email"),
    (
        "length",
        "must be at least 3 characters",
        "items[2].sku",
        "/items/2/sku",
    ),
];

/// The same for `garde`, in garde's order (the members' order), with garde's messages.
const GARDE: [Violation; 2] = [
    ("invalid", "lower than 1", "count", "/count"),
    (
        "invalid",
        "length is lower than 3",
        "items[2].sku",
        "/items/2/sku",
    ),
];

/// The problem body listing `violations` under a summary (`title`, `status`, `detail`,
/// `code`), with the request's `instance` and trace id where given.
fn problem(
    summary: (&str, u16, &str, &str),
    violations: &[Violation],
    instance: Option<&str>,
    trace: Option<&str>,
) -> String {
    let (title, status, detail, code) = summary;
    let mut body = format!(
        r#"{{"type":"about:blank","title":"{title}","status":{status},"detail":"{detail}""#
    );
    if let Some(instance) = instance {
        body += &format!(r#","instance":"{instance}""#);
    }
    body += &format!(r#","code":"{code}","errors":["#);
    let entries: Vec<String> = violations
        .iter()
        .map(|(code, message, _, pointer)| {
            format!(r#"{{"code":"{code}","detail":"{message}","pointer":"{pointer}"}}"#)
        })
        .collect();
    body += &entries.join(",");
    body.push(']');
    if let Some(trace) = trace {
        body += &format!(r#","traceId":"{trace}""#);
    }
    body.push('}');
    body
}

/// The default summary, `InvalidFields`, as a plain problem writes it.
const INVALID_FIELDS: (&str, u16, &str, &str) = (
    // A problem of type `about:blank` is titled with the status phrase, as `http` names it.
    "Unprocessable Entity",
    422,
    "the request has invalid fields",
    "validation_failed",
);

/// The server's own summary, `OrderError::Invalid`.
const INVALID_ORDER: (&str, u16, &str, &str) = (
    "Bad Request",
    400,
    "the order has invalid fields",
    "invalid_order",
);

/// The Oney body listing `violations`.
fn oney(violations: &[Violation]) -> String {
    let entries: Vec<String> = violations
        .iter()
        .map(|(code, message, field, _)| {
            format!(
                r#"{{"error":{{"field":"{field}","error_code":"{code}","error_label":"{message}"}}}}"#
            )
        })
        .collect();
    format!(
        r#"{{"language_code":"EN","error_list":[{}]}}"#,
        entries.join(",")
    )
}

/// A format of the test's own, on the public `WireFormat` trait: the status, the code, and
/// each entry as `[code, pointer, message]`. It shows what reaches every format (the
/// summary and the violations) apart from how each built-in format writes them.
#[derive(Debug)]
struct Listing;

const LISTING: &str = "application/vnd.listing+json";

impl WireFormat for Listing {
    fn name(&self) -> &'static str {
        "listing"
    }

    fn media_type(&self) -> &'static str {
        LISTING
    }

    fn content_type(&self) -> &'static str {
        LISTING
    }

    fn write(&self, body: &Body<'_>, out: &mut Vec<u8>) {
        let mut w = JsonWriter::new(out);
        w.raw(r#"{"status":"#);
        w.number(body.status().as_u16().into());
        w.raw(r#","code":"#);
        w.code(body.first());
        w.raw(r#","entries":["#);
        for (i, entry) in body.entries().iter().enumerate() {
            w.raw(if i == 0 { "[" } else { ",[" });
            w.code(entry);
            w.raw(",");
            if !w.field_in(entry, Notation::Pointer) {
                w.raw("null");
            }
            w.raw(",");
            w.message(entry, body.message_language(entry));
            w.raw("]");
        }
        w.raw(r#"],"omitted":"#);
        w.number(body.omitted() as u64);
        w.raw("}");
    }
}

/// The `Listing` body of `violations` under a summary.
fn listing(summary: (&str, u16, &str, &str), violations: &[Violation]) -> String {
    let (_, status, _, code) = summary;
    let entries: Vec<String> = violations
        .iter()
        .map(|(code, message, _, pointer)| format!(r#"["{code}","{pointer}","{message}"]"#))
        .collect();
    format!(
        r#"{{"status":{status},"code":"{code}","entries":[{}],"omitted":0}}"#,
        entries.join(",")
    )
}

/// The renderer of every app: problem details by default, Oney for `application/json`, and
/// the test's `Listing`.
fn renderer() -> Renderer {
    Renderer::new(Format::Problem)
        .with_offers(&[Format::Problem, Format::Oney])
        .with_format(Listing)
        .expect("a name of its own")
}

const PROBLEM_HEADERS: &str = "content-type: application/problem+json\ncontent-language: en";
const ONEY_HEADERS: &str = "content-type: application/json; charset=utf-8\ncontent-language: en";
/// The default summary and the rules' default messages speak English, Thai and Japanese:
/// the answer depends on `Accept-Language` too.
const VARY: &str = "vary: accept, accept-language";

mod with_axum {
    //! In process, through `tower::ServiceExt::oneshot`.

    use apierror::axum::{ApiErrorLayer, Garde, Valid};
    use axum::body::Body;
    use axum::extract::{Path, Query};
    use axum::http::Request;
    use axum::routing::{get, post};
    use axum::{Form, Json, Router};
    use tower::ServiceExt;

    use super::*;

    /// Every extractor kind, checked by `validator` under `/orders` and by `garde` under
    /// `/garde/orders`; and a cart for the deserialization failures.
    fn routes() -> Router {
        async fn json(Valid(Json(order)): Valid<Json<Order>>) -> String {
            format!("{order:?}")
        }
        async fn query(Valid(Query(order)): Valid<Query<Order>>) -> String {
            format!("{order:?}")
        }
        async fn form(Valid(Form(order)): Valid<Form<Order>>) -> String {
            format!("{order:?}")
        }
        async fn path(Valid(Path(order)): Valid<Path<Order>>) -> String {
            format!("{order:?}")
        }
        async fn garde_json(Garde(Json(order)): Garde<Json<Order>>) -> String {
            format!("{order:?}")
        }
        async fn garde_query(Garde(Query(order)): Garde<Query<Order>>) -> String {
            format!("{order:?}")
        }
        async fn garde_form(Garde(Form(order)): Garde<Form<Order>>) -> String {
            format!("{order:?}")
        }
        async fn garde_path(Garde(Path(order)): Garde<Path<Order>>) -> String {
            format!("{order:?}")
        }
        async fn cart(Valid(Json(cart)): Valid<Json<Cart>>) -> String {
            format!("{cart:?}")
        }
        async fn garde_cart(Garde(Json(cart)): Garde<Json<Cart>>) -> String {
            format!("{cart:?}")
        }
        Router::new()
            .route("/orders", get(query).post(json))
            .route("/orders/form", post(form))
            .route("/orders/{email}/{count}/{items}", get(path))
            .route("/garde/orders", get(garde_query).post(garde_json))
            .route("/garde/orders/form", post(garde_form))
            .route("/garde/orders/{email}/{count}/{items}", get(garde_path))
            .route("/carts", post(cart))
            .route("/garde/carts", post(garde_cart))
    }

    fn with_layer() -> Router {
        routes().layer(ApiErrorLayer::negotiated(renderer()))
    }

    fn summarized() -> Router {
        routes()
            .layer(ApiErrorLayer::negotiated(renderer()).validation_summary(OrderError::Invalid))
    }

    /// Status, headers as `name: value` lines in order, body.
    pub(super) async fn send(
        app: Router,
        method: &str,
        uri: &str,
        content_type: Option<&str>,
        body: &str,
        accept: &str,
    ) -> (u16, String, String) {
        let mut req = Request::builder()
            .method(method)
            .uri(uri)
            .header("accept", accept)
            .header("traceparent", TRACE);
        if let Some(content_type) = content_type {
            req = req.header("content-type", content_type);
        }
        let req = req.body(Body::from(body.to_owned())).unwrap();
        let res = app.oneshot(req).await.unwrap();
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

    /// `/orders…` of a request, under `/garde` for garde; the form at `/orders/form`.
    fn uri(prefix: &str, kind: &str, uri: &str) -> String {
        match kind {
            "form" => format!("{prefix}/orders/form"),
            _ => format!("{prefix}{uri}"),
        }
    }

    /// What reaches the formats, seen through `Listing`: the summary and every violation.
    #[tokio::test]
    async fn every_extractor_kind_reaches_the_format_with_every_invalid_field() {
        for (prefix, violations) in [("", &VALIDATOR[..]), ("/garde", &GARDE[..])] {
            for (kind, method, path, content_type, body) in requests() {
                let uri = uri(prefix, kind, &path);
                let (status, headers, text) =
                    send(with_layer(), method, &uri, content_type, body, LISTING).await;
                assert_eq!(
                    (status, text),
                    (422, listing(INVALID_FIELDS, violations)),
                    "{prefix} {kind}"
                );
                assert!(headers.contains(VARY), "{headers}");
            }
        }
    }

    /// The built-in formats' bodies.
    #[tokio::test]
    async fn every_extractor_kind_lists_every_invalid_field() {
        for (prefix, violations) in [("", &VALIDATOR[..]), ("/garde", &GARDE[..])] {
            for (kind, method, path, content_type, body) in requests() {
                let uri = uri(prefix, kind, &path);
                let res = send(
                    with_layer(),
                    method,
                    &uri,
                    content_type,
                    body,
                    "application/json",
                )
                .await;
                let expected = oney(violations);
                assert_eq!(
                    res,
                    (
                        422,
                        format!("{ONEY_HEADERS}\n{VARY}\ncontent-length: {}", expected.len()),
                        expected
                    ),
                    "{prefix} {kind}"
                );

                let res = send(
                    with_layer(),
                    method,
                    &uri,
                    content_type,
                    body,
                    "application/problem+json",
                )
                .await;
                let expected = problem(
                    INVALID_FIELDS,
                    violations,
                    Some(instance(&uri)),
                    Some(TRACE),
                );
                assert_eq!(
                    res,
                    (
                        422,
                        format!(
                            "{PROBLEM_HEADERS}\n{VARY}\ncontent-length: {}",
                            expected.len()
                        ),
                        expected
                    ),
                    "{prefix} {kind}"
                );
            }
        }
    }

    #[tokio::test]
    async fn a_valid_request_reaches_the_handler() {
        let body = r#"{"email":"a@example.com","count":2,"items":["abc"]}"#;
        let (status, _, text) = send(
            with_layer(),
            "POST",
            "/orders",
            Some("application/json"),
            body,
            "*/*",
        )
        .await;
        assert_eq!(status, 200, "{text}");
        assert!(
            text.starts_with("Order { email: \"a@example.com\""),
            "{text}"
        );
        let (status, _, _) = send(
            with_layer(),
            "GET",
            "/garde/orders/a@example.com/2/abc,def",
            None,
            "",
            "*/*",
        )
        .await;
        assert_eq!(status, 200);
    }

    #[tokio::test]
    async fn the_layers_summary_replaces_the_default() {
        for (kind, method, path, content_type, body) in requests() {
            let uri = uri("", kind, &path);
            let (status, _, text) =
                send(summarized(), method, &uri, content_type, body, LISTING).await;
            assert_eq!(
                (status, text),
                (400, listing(INVALID_ORDER, &VALIDATOR)),
                "{kind}"
            );
            let (status, _, text) = send(
                summarized(),
                method,
                &uri,
                content_type,
                body,
                "application/problem+json",
            )
            .await;
            assert_eq!(status, 400, "{kind}");
            assert_eq!(
                text,
                problem(INVALID_ORDER, &VALIDATOR, Some(instance(&uri)), Some(TRACE)),
                "{kind}"
            );
        }
    }

    #[tokio::test]
    async fn without_the_layer_a_failure_still_answers_422() {
        for (kind, method, path, content_type, body) in requests() {
            let uri = uri("", kind, &path);
            let res = send(
                routes(),
                method,
                &uri,
                content_type,
                body,
                "application/json",
            )
            .await;
            let expected = problem(INVALID_FIELDS, &VALIDATOR, None, None);
            assert_eq!(
                res,
                (
                    422,
                    format!(
                        "{PROBLEM_HEADERS}\nvary: accept-language\ncontent-length: {}",
                        expected.len()
                    ),
                    expected
                ),
                "{kind}"
            );
        }
    }

    #[tokio::test]
    async fn a_body_that_does_not_deserialize_names_its_field() {
        let body = r#"{"items":[{"sku":"abc","qty":"<script>alert(1)</script>"}]}"#;
        let wrong_type = [(
            "invalid_type",
            "has the wrong type, expected u32",
            "items[0].qty",
            "/items/0/qty",
        )];
        for uri in ["/carts", "/garde/carts"] {
            let json = Some("application/json");
            let (status, _, text) = send(with_layer(), "POST", uri, json, body, LISTING).await;
            assert_eq!(
                (status, text),
                (422, listing(INVALID_FIELDS, &wrong_type)),
                "{uri}"
            );
        }
        let cases = undeserializable();
        for (method, uri, content_type, body, violation) in cases {
            let (status, _, text) =
                send(with_layer(), method, uri, content_type, body, LISTING).await;
            assert_eq!(
                (status, text),
                (422, listing(INVALID_FIELDS, &[violation])),
                "{uri}"
            );
        }
        for uri in ["/carts", "/garde/carts"] {
            let (status, _, text) = send(
                with_layer(),
                "POST",
                uri,
                Some("application/json"),
                body,
                "application/problem+json",
            )
            .await;
            assert_eq!(status, 422);
            assert!(!text.contains("script"), "{text}");
            assert_eq!(
                text,
                problem(INVALID_FIELDS, &wrong_type, Some(uri), Some(TRACE))
            );
        }
    }

    #[tokio::test]
    async fn media_type_and_size_keep_the_frameworks_rejection() {
        let (status, _, text) = send(
            with_layer(),
            "POST",
            "/orders",
            Some("text/plain"),
            JSON,
            "application/problem+json",
        )
        .await;
        assert_eq!(status, 415);
        assert!(
            text.contains(r#""code":"unsupported_media_type""#),
            "{text}"
        );
        let (status, _, text) = send(
            with_layer(),
            "POST",
            "/orders/form",
            Some("application/json"),
            JSON,
            "application/problem+json",
        )
        .await;
        assert_eq!(status, 415);
        assert!(
            text.contains(r#""code":"unsupported_media_type""#),
            "{text}"
        );
        let big = format!(r#"{{"email":"{}"}}"#, "x".repeat(3 << 20));
        let (status, _, text) = send(
            with_layer(),
            "POST",
            "/orders",
            Some("application/json"),
            &big,
            "application/problem+json",
        )
        .await;
        assert_eq!(status, 413);
        assert!(text.contains(r#""code":"payload_too_large""#), "{text}");
    }
}

mod with_actix {
    //! In process, through `actix_web::test`.

    use actix_web::middleware::from_fn;
    use actix_web::test::{call_service, init_service, read_body, TestRequest};
    use actix_web::{web, App};
    use apierror::actix::{render_errors, ErrorConfig, Garde, Valid};

    use super::*;

    async fn json(Valid(order): Valid<web::Json<Order>>) -> String {
        format!("{:?}", order.into_inner())
    }
    async fn query(Valid(order): Valid<web::Query<Order>>) -> String {
        format!("{:?}", order.into_inner())
    }
    async fn form(Valid(order): Valid<web::Form<Order>>) -> String {
        format!("{:?}", order.into_inner())
    }
    async fn path(Valid(order): Valid<web::Path<Order>>) -> String {
        format!("{:?}", order.into_inner())
    }
    async fn garde_json(Garde(order): Garde<web::Json<Order>>) -> String {
        format!("{:?}", order.into_inner())
    }
    async fn garde_query(Garde(order): Garde<web::Query<Order>>) -> String {
        format!("{:?}", order.into_inner())
    }
    async fn garde_form(Garde(order): Garde<web::Form<Order>>) -> String {
        format!("{:?}", order.into_inner())
    }
    async fn garde_path(Garde(order): Garde<web::Path<Order>>) -> String {
        format!("{:?}", order.into_inner())
    }
    async fn cart(Valid(cart): Valid<web::Json<Cart>>) -> String {
        format!("{:?}", cart.into_inner())
    }

    /// How the app answers: with the middleware (and maybe a summary), or without.
    #[derive(Clone, Copy)]
    enum Setup {
        Middleware,
        Summarized,
        Bare,
    }

    /// Status, headers sorted as `name: value` lines, body.
    async fn send(
        setup: Setup,
        method: &str,
        uri: &str,
        content_type: Option<&str>,
        body: &str,
        accept: &str,
    ) -> (u16, String, String) {
        let config = match setup {
            Setup::Summarized => {
                ErrorConfig::negotiated(renderer()).validation_summary(OrderError::Invalid)
            }
            _ => ErrorConfig::negotiated(renderer()),
        };
        let app = App::new()
            .app_data(web::Data::new(config))
            .route("/orders", web::get().to(query))
            .route("/orders", web::post().to(json))
            .route("/orders/form", web::post().to(form))
            .route("/orders/{email}/{count}/{items}", web::get().to(path))
            .route("/garde/orders", web::get().to(garde_query))
            .route("/garde/orders", web::post().to(garde_json))
            .route("/garde/orders/form", web::post().to(garde_form))
            .route(
                "/garde/orders/{email}/{count}/{items}",
                web::get().to(garde_path),
            )
            .route("/carts", web::post().to(cart));
        let mut req = TestRequest::default()
            .method(method.parse().unwrap())
            .uri(uri)
            .insert_header(("accept", accept))
            .insert_header(("traceparent", TRACE))
            .set_payload(body.to_owned());
        if let Some(content_type) = content_type {
            req = req.insert_header(("content-type", content_type));
        }
        let res = match setup {
            Setup::Bare => call_service(&init_service(app).await, req.to_request()).await,
            _ => {
                let app = init_service(app.wrap(from_fn(render_errors))).await;
                call_service(&app, req.to_request()).await
            }
        };
        let status = res.status().as_u16();
        let mut lines: Vec<String> = res
            .headers()
            .iter()
            .map(|(n, v)| format!("{n}: {}", v.to_str().unwrap()))
            .collect();
        lines.sort();
        let body = read_body(res).await;
        (
            status,
            lines.join("\n"),
            String::from_utf8(body.to_vec()).unwrap(),
        )
    }

    fn uri(prefix: &str, kind: &str, uri: &str) -> String {
        match kind {
            "form" => format!("{prefix}/orders/form"),
            _ => format!("{prefix}{uri}"),
        }
    }

    /// What reaches the formats, seen through `Listing`: the summary and every violation.
    #[actix_web::test]
    async fn every_extractor_kind_reaches_the_format_with_every_invalid_field() {
        for (prefix, violations) in [("", &VALIDATOR[..]), ("/garde", &GARDE[..])] {
            for (kind, method, path, content_type, body) in requests() {
                let uri = uri(prefix, kind, &path);
                let (status, headers, text) =
                    send(Setup::Middleware, method, &uri, content_type, body, LISTING).await;
                assert_eq!(
                    (status, text),
                    (422, listing(INVALID_FIELDS, violations)),
                    "{prefix} {kind}"
                );
                assert!(headers.contains(VARY), "{headers}");
            }
        }
    }

    /// The built-in formats' bodies.
    #[actix_web::test]
    async fn every_extractor_kind_lists_every_invalid_field() {
        for (prefix, violations) in [("", &VALIDATOR[..]), ("/garde", &GARDE[..])] {
            for (kind, method, path, content_type, body) in requests() {
                let uri = uri(prefix, kind, &path);
                let res = send(
                    Setup::Middleware,
                    method,
                    &uri,
                    content_type,
                    body,
                    "application/json",
                )
                .await;
                assert_eq!(
                    res,
                    (
                        422,
                        format!(
                            "content-language: en\ncontent-type: application/json; charset=utf-8\n{VARY}"
                        ),
                        oney(violations)
                    ),
                    "{prefix} {kind}"
                );
                let res = send(
                    Setup::Middleware,
                    method,
                    &uri,
                    content_type,
                    body,
                    "application/problem+json",
                )
                .await;
                assert_eq!(
                    res,
                    (
                        422,
                        format!(
                            "content-language: en\ncontent-type: application/problem+json\n{VARY}"
                        ),
                        problem(
                            INVALID_FIELDS,
                            violations,
                            Some(instance(&uri)),
                            Some(TRACE)
                        )
                    ),
                    "{prefix} {kind}"
                );
            }
        }
    }

    #[actix_web::test]
    async fn the_configs_summary_replaces_the_default() {
        for (kind, method, path, content_type, body) in requests() {
            let uri = uri("", kind, &path);
            let (status, _, text) =
                send(Setup::Summarized, method, &uri, content_type, body, LISTING).await;
            assert_eq!(
                (status, text),
                (400, listing(INVALID_ORDER, &VALIDATOR)),
                "{kind}"
            );
            let (status, _, text) = send(
                Setup::Summarized,
                method,
                &uri,
                content_type,
                body,
                "application/problem+json",
            )
            .await;
            assert_eq!(status, 400, "{kind}");
            assert_eq!(
                text,
                problem(INVALID_ORDER, &VALIDATOR, Some(instance(&uri)), Some(TRACE)),
                "{kind}"
            );
        }
    }

    #[actix_web::test]
    async fn without_the_middleware_a_failure_still_answers_422() {
        for (kind, method, path, content_type, body) in requests() {
            let uri = uri("", kind, &path);
            let res = send(Setup::Bare, method, &uri, content_type, body, "*/*").await;
            assert_eq!(
                res,
                (
                    422,
                    "content-language: en\ncontent-type: application/problem+json\nvary: accept-language"
                        .to_owned(),
                    problem(INVALID_FIELDS, &VALIDATOR, None, None)
                ),
                "{kind}"
            );
        }
    }

    #[actix_web::test]
    async fn a_body_that_does_not_deserialize_names_its_field() {
        let body = r#"{"items":[{"sku":"abc","qty":"<script>alert(1)</script>"}]}"#;
        let wrong_type = [(
            "invalid_type",
            "has the wrong type, expected u32",
            "items[0].qty",
            "/items/0/qty",
        )];
        let json = Some("application/json");
        let (status, _, text) =
            send(Setup::Middleware, "POST", "/carts", json, body, LISTING).await;
        assert_eq!((status, text), (422, listing(INVALID_FIELDS, &wrong_type)));
        let cases = undeserializable();
        for (method, uri, content_type, body, violation) in cases {
            let (status, _, text) =
                send(Setup::Middleware, method, uri, content_type, body, LISTING).await;
            assert_eq!(
                (status, text),
                (422, listing(INVALID_FIELDS, &[violation])),
                "{uri}"
            );
        }
        let (status, _, text) = send(
            Setup::Middleware,
            "POST",
            "/carts",
            json,
            body,
            "application/problem+json",
        )
        .await;
        assert_eq!(status, 422);
        assert!(!text.contains("script"), "{text}");
        assert_eq!(
            text,
            problem(INVALID_FIELDS, &wrong_type, Some("/carts"), Some(TRACE))
        );
    }

    #[actix_web::test]
    async fn media_type_keeps_the_frameworks_rejection() {
        // actix-web's own statuses: 400 for `Json`'s media type error, 415 for `Form`'s.
        for (uri, status, code) in [
            ("/orders", 400, "bad_request"),
            ("/orders/form", 415, "unsupported_media_type"),
        ] {
            let (got, _, text) = send(
                Setup::Middleware,
                "POST",
                uri,
                Some("text/plain"),
                JSON,
                "application/problem+json",
            )
            .await;
            assert_eq!(got, status, "{uri}");
            assert!(text.contains(&format!(r#""code":"{code}""#)), "{text}");
        }
    }
}
