//! A framework's rejection of a request's body, query string or form names the member it
//! is about, in every format's place and notation, and never quotes what the request sent:
//! axum through `ApiErrorLayer`, actix-web through `render_errors`, in process.
//!
//! Each answer is a validation failure: the catalog error the rejection maps to is its
//! summary, the member its one violation (Oney's `field` in dotted notation, a problem's
//! `errors[].pointer`).

use apierror::{ApiError, Format};
use serde::Deserialize;

use crate::support::TRACE;

/// An order: `{"items":[{"sku":"a","qty":1}]}`, nothing else.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Order {
    items: Vec<Item>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Item {
    sku: String,
    qty: u32,
}

/// A page of a list: `?limit=20`.
#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Page {
    limit: u32,
}

/// A form's line: `sku=a&qty=1`.
#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Line {
    sku: String,
    qty: u32,
}

/// A request: method, path and query, body and its content type.
#[derive(Clone, Copy)]
struct Case {
    method: &'static str,
    uri: &'static str,
    content_type: Option<&'static str>,
    body: &'static str,
}

const JSON: Option<&str> = Some("application/json");
const FORM: Option<&str> = Some("application/x-www-form-urlencoded");

/// `qty` is the string `"x"`, where a number belongs.
const MISTYPED: Case = Case {
    method: "POST",
    uri: "/orders",
    content_type: JSON,
    body: r#"{"items":[{"sku":"a","qty":"x"}]}"#,
};
/// The first item has no `sku`.
const MISSING: Case = Case {
    method: "POST",
    uri: "/orders",
    content_type: JSON,
    body: r#"{"items":[{"qty":1}]}"#,
};
/// The first item has a `colour` it may not have.
const UNKNOWN: Case = Case {
    method: "POST",
    uri: "/orders",
    content_type: JSON,
    body: r#"{"items":[{"sku":"a","qty":1,"colour":"x"}]}"#,
};
/// `items` is no JSON value.
const MALFORMED: Case = Case {
    method: "POST",
    uri: "/orders",
    content_type: JSON,
    body: r#"{"items":x}"#,
};
/// `limit` is `x`.
const QUERY: Case = Case {
    method: "GET",
    uri: "/carts?limit=x",
    content_type: None,
    body: "",
};
/// `qty` is `x`.
const FORM_BODY: Case = Case {
    method: "POST",
    uri: "/lines",
    content_type: FORM,
    body: "sku=a&qty=x",
};

/// What a violation says: its path (dotted, and as a pointer), code and message.
struct Named {
    dotted: &'static str,
    pointer: &'static str,
    code: &'static str,
    message: &'static str,
}

/// The summary a rejection maps to: status, title, code, message.
struct Summary {
    status: u16,
    title: &'static str,
    code: &'static str,
    message: &'static str,
}

const BAD_REQUEST: Summary = Summary {
    status: 400,
    title: "Bad Request",
    code: "bad_request",
    message: "the request could not be read",
};
const UNPROCESSABLE: Summary = Summary {
    status: 422,
    title: "Unprocessable Entity",
    code: "unprocessable_entity",
    message: "the request body does not hold the expected data",
};

/// The Oney body of a failure: its violations, one entry each (the summary has no place
/// of its own); `error_code` the violation's where it fits Oney's 10 characters, else the
/// summary's, cut to them; a path at the root is `""`.
fn oney(summary: &Summary, named: &Named) -> String {
    let code = match named.code.chars().count() {
        0..=10 => named.code,
        _ => summary.code,
    };
    let code: String = code.chars().take(10).collect();
    // A path at the root (the body as a whole) is the empty path.
    let field = format!(r#""field":"{}","#, named.dotted);
    format!(
        r#"{{"language_code":"EN","error_list":[{{"error":{{{field}"error_code":"{code}","error_label":"{}"}}}}]}}"#,
        named.message
    )
}

/// The problem body of a failure: the summary, then its violations in `errors`.
fn problem(summary: &Summary, instance: &str, named: &Named) -> String {
    format!(
        r#"{{"type":"about:blank","title":"{}","status":{},"detail":"{}","instance":"{instance}","code":"{}","errors":[{{"code":"{}","detail":"{}","pointer":"{}"}}],"traceId":"{TRACE}"}}"#,
        summary.title,
        summary.status,
        summary.message,
        summary.code,
        named.code,
        named.message,
        named.pointer,
    )
}

/// The headers of an answer in `format`, as `name: value` lines sorted.
fn headers(format: Format, body: &str) -> String {
    let content_type = match format {
        Format::Problem => "application/problem+json",
        _ => "application/json; charset=utf-8",
    };
    format!(
        "content-language: en\ncontent-length: {}\ncontent-type: {content_type}",
        body.len()
    )
}

/// Checks that `body` does not quote the request's value `"x"`, bare or escaped.
fn assert_unquoted(body: &str) {
    assert!(!body.contains(r#""x""#), "{body}");
    assert!(!body.contains(r#"\"x\""#), "{body}");
    assert!(!body.contains("`x`"), "{body}");
}

/// A catalog error of the application's own, answering every rejection.
#[derive(Debug, thiserror::Error, ApiError)]
#[error("the shop could not read the request")]
#[status(400)]
#[code("unreadable")]
struct Unreadable;

#[cfg(feature = "axum")]
mod with_axum {
    use std::sync::{Arc, Mutex};

    use apierror::axum::ApiErrorLayer;
    use apierror::web::Rejection;
    use apierror::{Format, Notation};
    use axum::body::Body;
    use axum::extract::{Form, Json, Path, Query};
    use axum::http::Request;
    use axum::routing::{get, post};
    use axum::Router;
    use tower::ServiceExt;

    use super::*;

    async fn order(Json(_): Json<Order>) -> &'static str {
        "ordered"
    }

    async fn carts(Query(_): Query<Page>) -> &'static str {
        "carts"
    }

    async fn lines(Form(_): Form<Line>) -> &'static str {
        "added"
    }

    async fn cart(Path(_): Path<u64>) -> &'static str {
        "cart"
    }

    /// `/shops/{shop}/items/{id}`.
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct ItemParams {
        shop: String,
        id: u64,
    }

    async fn item(Path(_): Path<ItemParams>) -> &'static str {
        "item"
    }

    fn routes() -> Router {
        Router::new()
            .route("/orders", post(order))
            .route("/carts", get(carts))
            .route("/carts/{id}", get(cart))
            .route("/shops/{shop}/items/{id}", get(item))
            .route("/lines", post(lines))
    }

    /// Status, headers (sorted `name: value` lines), body.
    async fn send(app: Router, case: Case) -> (u16, String, String) {
        let mut req = Request::builder()
            .method(case.method)
            .uri(case.uri)
            .header("traceparent", TRACE);
        if let Some(content_type) = case.content_type {
            req = req.header("content-type", content_type);
        }
        let req = req.body(Body::from(case.body)).unwrap();
        let res = app.oneshot(req).await.unwrap();
        let status = res.status().as_u16();
        let mut lines: Vec<String> = res
            .headers()
            .iter()
            .map(|(n, v)| format!("{n}: {}", v.to_str().unwrap()))
            .collect();
        lines.sort();
        let body = axum::body::to_bytes(res.into_body(), 1 << 16)
            .await
            .unwrap();
        let body = String::from_utf8(body.to_vec()).unwrap();
        assert_unquoted(&body);
        (status, lines.join("\n"), body)
    }

    /// Each case, the summary axum's rejection maps to, and the member it names.
    fn cases() -> [(Case, Summary, Named); 6] {
        [
            (
                MISTYPED,
                UNPROCESSABLE,
                Named {
                    dotted: "items[0].qty",
                    pointer: "/items/0/qty",
                    code: "invalid_type",
                    message: "has the wrong type, expected u32",
                },
            ),
            (
                MISSING,
                UNPROCESSABLE,
                Named {
                    dotted: "items[0].sku",
                    pointer: "/items/0/sku",
                    code: "missing_field",
                    message: "is required",
                },
            ),
            (
                UNKNOWN,
                UNPROCESSABLE,
                Named {
                    dotted: "items[0].colour",
                    pointer: "/items/0/colour",
                    code: "unknown_field",
                    message: "is not an accepted member",
                },
            ),
            (
                MALFORMED,
                BAD_REQUEST,
                Named {
                    dotted: "items",
                    pointer: "/items",
                    code: "invalid_json",
                    message: "is not valid JSON",
                },
            ),
            (
                QUERY,
                BAD_REQUEST,
                Named {
                    dotted: "limit",
                    pointer: "/limit",
                    code: "invalid_value",
                    message: "has an invalid value",
                },
            ),
            (
                FORM_BODY,
                UNPROCESSABLE,
                Named {
                    dotted: "qty",
                    pointer: "/qty",
                    code: "invalid_value",
                    message: "has an invalid value",
                },
            ),
        ]
    }

    #[tokio::test]
    async fn oney_names_the_field_of_each_rejection() {
        for (case, summary, named) in cases() {
            let app = routes().layer(ApiErrorLayer::fixed(Format::Oney));
            let body = oney(&summary, &named);
            let expected = (summary.status, headers(Format::Oney, &body), body);
            assert_eq!(send(app, case).await, expected, "{}", case.body);
        }
    }

    #[tokio::test]
    async fn problems_point_at_the_field_of_each_rejection() {
        for (case, summary, named) in cases() {
            let app = routes().layer(ApiErrorLayer::fixed(Format::Problem));
            let instance = case.uri.split('?').next().unwrap();
            let body = problem(&summary, instance, &named);
            let expected = (summary.status, headers(Format::Problem, &body), body);
            assert_eq!(send(app, case).await, expected, "{}", case.body);
        }
    }

    #[tokio::test]
    async fn a_path_parameter_is_named_without_its_value() {
        let get = |uri| Case {
            method: "GET",
            uri,
            content_type: None,
            body: "",
        };
        let app = || routes().layer(ApiErrorLayer::fixed(Format::Problem));
        // A parameter of a struct: axum's text names it.
        let (status, _, body) = send(app(), get("/shops/s1/items/x")).await;
        assert_eq!(status, 400);
        assert_eq!(
            body,
            format!(
                r#"{{"type":"about:blank","title":"Bad Request","status":400,"detail":"the request could not be read","instance":"/shops/s1/items/x","code":"bad_request","errors":[{{"code":"invalid_value","detail":"has an invalid value, expected u64","pointer":"/id"}}],"traceId":"{TRACE}"}}"#
            )
        );
        // A `Path<u64>` is one value: axum's text names no parameter, only the type.
        let (status, _, body) = send(app(), get("/carts/x")).await;
        assert_eq!(status, 400);
        assert_eq!(
            body,
            format!(
                r#"{{"type":"about:blank","title":"Bad Request","status":400,"detail":"Invalid URL: Cannot parse a path parameter to a `u64`","instance":"/carts/x","code":"bad_request","traceId":"{TRACE}"}}"#
            )
        );
    }

    #[tokio::test]
    async fn the_applications_own_error_is_the_summary() {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let kept = Arc::clone(&seen);
        let layer = ApiErrorLayer::fixed(Format::Problem).map_rejections(move |r: &Rejection| {
            kept.lock().unwrap().push(r.clone());
            Unreadable
        });
        let (status, _, body) = send(routes().layer(layer), MISTYPED).await;
        assert_eq!(status, 400);
        assert_eq!(
            body,
            format!(
                r#"{{"type":"about:blank","title":"Bad Request","status":400,"detail":"the shop could not read the request","instance":"/orders","code":"unreadable","errors":[{{"code":"invalid_type","detail":"has the wrong type, expected u32","pointer":"/items/0/qty"}}],"traceId":"{TRACE}"}}"#
            )
        );
        // The mapper saw the member, and a detail without the request's value.
        let seen = seen.lock().unwrap();
        let rejection = &seen[0];
        assert_eq!(rejection.status, 422);
        assert_eq!(
            rejection
                .field()
                .map(|p| p.display(Notation::Dotted).to_string()),
            Some("items[0].qty".to_owned())
        );
        assert_eq!(
            rejection.detail,
            "Failed to deserialize the JSON body into the target type: items[0].qty: has the wrong type, expected u32"
        );
    }
}

#[cfg(feature = "actix-web")]
mod with_actix {
    use actix_web::middleware::from_fn;
    use actix_web::test::{call_service, init_service, read_body, TestRequest};
    use actix_web::{web, App};
    use apierror::actix::{render_errors, ErrorConfig};
    use apierror::Format;

    use super::*;

    async fn order(_: web::Json<Order>) -> &'static str {
        "ordered"
    }

    async fn carts(_: web::Query<Page>) -> &'static str {
        "carts"
    }

    async fn lines(_: web::Form<Line>) -> &'static str {
        "added"
    }

    /// Status, headers (sorted `name: value` lines), body.
    async fn send(config: ErrorConfig, case: Case) -> (u16, String, String) {
        let app = App::new()
            .app_data(web::Data::new(config))
            .wrap(from_fn(render_errors))
            .route("/orders", web::post().to(order))
            .route("/carts", web::get().to(carts))
            .route("/lines", web::post().to(lines));
        let app = init_service(app).await;
        let mut req = TestRequest::default()
            .method(case.method.parse().unwrap())
            .uri(case.uri)
            .insert_header(("traceparent", TRACE))
            .set_payload(case.body);
        if let Some(content_type) = case.content_type {
            req = req.insert_header(("content-type", content_type));
        }
        let res = call_service(&app, req.to_request()).await;
        let status = res.status().as_u16();
        let mut lines: Vec<String> = res
            .headers()
            .iter()
            .map(|(n, v)| format!("{n}: {}", v.to_str().unwrap()))
            .collect();
        lines.sort();
        let body = String::from_utf8(read_body(res).await.to_vec()).unwrap();
        assert_unquoted(&body);
        (status, lines.join("\n"), body)
    }

    /// The headers of an answer in `format`, without `content-length` (actix-web's test
    /// service leaves it to the server).
    fn headers_of(format: Format, body: &str) -> String {
        super::headers(format, body)
            .lines()
            .filter(|l| !l.starts_with("content-length"))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Each case whose member actix-web's text names, the summary, and the member.
    ///
    /// actix-web's extractors call serde without tracking the path: a member is named where
    /// serde's message names it (by its name alone), and a JSON syntax error is the body's.
    fn named_cases() -> [(Case, Summary, Named); 3] {
        [
            (
                MISSING,
                BAD_REQUEST,
                Named {
                    dotted: "sku",
                    pointer: "/sku",
                    code: "missing_field",
                    message: "is required",
                },
            ),
            (
                UNKNOWN,
                BAD_REQUEST,
                Named {
                    dotted: "colour",
                    pointer: "/colour",
                    code: "unknown_field",
                    message: "is not an accepted member",
                },
            ),
            (
                MALFORMED,
                BAD_REQUEST,
                Named {
                    dotted: "",
                    pointer: "",
                    code: "invalid_json",
                    message: "is not valid JSON",
                },
            ),
        ]
    }

    #[actix_web::test]
    async fn oney_names_the_field_where_actix_says_it() {
        for (case, summary, named) in named_cases() {
            let body = oney(&summary, &named);
            let expected = (summary.status, headers_of(Format::Oney, &body), body);
            let config = ErrorConfig::fixed(Format::Oney);
            assert_eq!(send(config, case).await, expected, "{}", case.body);
        }
    }

    #[actix_web::test]
    async fn problems_point_at_the_field_where_actix_says_it() {
        for (case, summary, named) in named_cases() {
            let instance = case.uri.split('?').next().unwrap();
            let body = problem(&summary, instance, &named);
            let expected = (summary.status, headers_of(Format::Problem, &body), body);
            let config = ErrorConfig::fixed(Format::Problem);
            assert_eq!(send(config, case).await, expected, "{}", case.body);
        }
    }

    /// A value of the wrong type: actix-web's text names no member, so the answer has
    /// none, and its detail tells serde's message without the value.
    #[actix_web::test]
    async fn a_value_of_the_wrong_type_is_told_without_it() {
        let cases = [
            (
                MISTYPED,
                "Json deserialize error: has the wrong type, expected u32",
            ),
            (QUERY, "Query deserialize error: has an invalid value"),
            (FORM_BODY, "Parse error: has an invalid value"),
        ];
        for (case, detail) in cases {
            let instance = case.uri.split('?').next().unwrap();
            let body = format!(
                r#"{{"type":"about:blank","title":"Bad Request","status":400,"detail":"{detail}","instance":"{instance}","code":"bad_request","traceId":"{TRACE}"}}"#
            );
            let expected = (400, headers_of(Format::Problem, &body), body);
            let config = ErrorConfig::fixed(Format::Problem);
            assert_eq!(send(config, case).await, expected, "{}", case.body);

            let body = format!(
                r#"{{"language_code":"EN","error_list":[{{"error":{{"error_code":"bad_reques","error_label":"{detail}"}}}}]}}"#
            );
            let expected = (400, headers_of(Format::Oney, &body), body);
            let config = ErrorConfig::fixed(Format::Oney);
            assert_eq!(send(config, case).await, expected, "{}", case.body);
        }
    }

    #[actix_web::test]
    async fn the_applications_own_error_is_the_summary() {
        let config = ErrorConfig::fixed(Format::Problem).map_rejections(|_| Unreadable);
        let (status, _, body) = send(config, MISSING).await;
        assert_eq!(status, 400);
        assert_eq!(
            body,
            format!(
                r#"{{"type":"about:blank","title":"Bad Request","status":400,"detail":"the shop could not read the request","instance":"/orders","code":"unreadable","errors":[{{"code":"missing_field","detail":"is required","pointer":"/sku"}}],"traceId":"{TRACE}"}}"#
            )
        );
    }
}
