//! Google's error model (AIP-193) over HTTP/JSON: exact bodies and headers for unit,
//! templated, fielded, localized and multi-error responses; the status mapping of every
//! error status; the `Serialize` view; reading bodies back.

use std::time::Duration;

use apierror::format::GoogleFormat;
use apierror::parse::{decode, DecodeOptions};
use apierror::{ApiError, Format, Renderer, RequestContext};

use crate::support::Generic;

/// A shop's errors in Google's error model: a Google `domain`, unit, templated, fielded and
/// translated variants, and a gRPC code given explicitly (`CartLocked`).
#[derive(Debug, PartialEq, ApiError)]
#[api_error(
    domain = "shop.example.com",
    location = "https://shop.example.com/errors",
    google
)]
enum GoogleShopError {
    #[status(400)]
    #[code("empty_cart")]
    #[message("the cart is empty")]
    EmptyCart,

    #[status(404)]
    #[code("cart_not_found")]
    #[message("cart {cart_id} was not found")]
    #[message(ja = "カート {cart_id} が見つかりません")]
    CartNotFound { cart_id: u64 },

    #[status(400)]
    #[code("invalid_quantity")]
    #[message("quantity must be at most {max}")]
    InvalidQuantity {
        #[field]
        field: String,
        max: u32,
    },

    #[status(409)]
    #[code("cart_locked")]
    #[grpc(FAILED_PRECONDITION)]
    #[message("the cart is being checked out")]
    CartLocked,

    #[status(503)]
    #[code("checkout_unavailable")]
    #[message("checkout is unavailable")]
    CheckoutUnavailable,
}

/// A type without domain or location: neither `domain` nor `Help`.
#[derive(Debug, PartialEq, ApiError)]
enum Plain {
    #[status(429)]
    #[code("rate_limited")]
    #[message("slow down")]
    RateLimited,
}

fn body(renderer: &Renderer, errors: &[&dyn ApiError], ctx: &RequestContext<'_>) -> String {
    let mut out = Vec::new();
    renderer.render_all(Format::Google, errors, ctx, &mut out);
    String::from_utf8(out).unwrap()
}

fn google() -> Renderer {
    Renderer::new(Format::Google)
}

const HELP: &str = r#"{"@type":"type.googleapis.com/google.rpc.Help","links":[{"description":"#;

#[test]
fn unit_variant() {
    assert_eq!(
        body(
            &google(),
            &[&GoogleShopError::EmptyCart],
            &RequestContext::new()
        ),
        format!(
            r#"{{"error":{{"code":400,"message":"the cart is empty","status":"INVALID_ARGUMENT","details":[{{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"EMPTY_CART","domain":"shop.example.com","metadata":{{}}}},{HELP}"Empty Cart","url":"https://shop.example.com/errors#empty-cart"}}]}}]}}}}"#
        )
    );
    assert_eq!(
        body(&google(), &[&Plain::RateLimited], &RequestContext::new()),
        r#"{"error":{"code":429,"message":"slow down","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"RATE_LIMITED","metadata":{}}]}}"#
    );
}

#[test]
fn templated_variant_carries_its_values_as_metadata() {
    assert_eq!(
        body(
            &google(),
            &[&GoogleShopError::CartNotFound { cart_id: 7 }],
            &RequestContext::new()
        ),
        format!(
            r#"{{"error":{{"code":404,"message":"cart 7 was not found","status":"NOT_FOUND","details":[{{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"CART_NOT_FOUND","domain":"shop.example.com","metadata":{{"cartId":"7"}}}},{HELP}"Cart Not Found","url":"https://shop.example.com/errors#cart-not-found"}}]}}]}}}}"#
        )
    );
}

#[test]
fn fielded_variant_adds_a_bad_request() {
    let err = GoogleShopError::InvalidQuantity {
        field: "items[0].quantity".into(),
        max: 10,
    };
    assert_eq!(
        body(&google(), &[&err], &RequestContext::new()),
        format!(
            r#"{{"error":{{"code":400,"message":"quantity must be at most 10","status":"INVALID_ARGUMENT","details":[{{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"INVALID_QUANTITY","domain":"shop.example.com","metadata":{{"max":"10"}}}},{{"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":[{{"field":"items[0].quantity","description":"quantity must be at most 10","reason":"INVALID_QUANTITY"}}]}},{HELP}"Invalid Quantity","url":"https://shop.example.com/errors#invalid-quantity"}}]}}]}}}}"#
        )
    );
}

#[test]
fn localized_variant_adds_a_localized_message() {
    let ctx = RequestContext::new().with_accept_language("ja").unwrap();
    let res = google().response(
        Format::Google,
        &GoogleShopError::CartNotFound { cart_id: 7 },
        &ctx,
    );
    assert_eq!(res.status(), 404);
    assert_eq!(
        res.headers()["content-type"],
        "application/json; charset=utf-8"
    );
    // The developer-facing message is English, the localized one Japanese: both languages.
    assert_eq!(res.headers()["content-language"], "en, ja");
    assert_eq!(res.headers()["vary"], "accept-language");
    assert_eq!(
        String::from_utf8(res.body().clone()).unwrap(),
        format!(
            r#"{{"error":{{"code":404,"message":"cart 7 was not found","status":"NOT_FOUND","details":[{{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"CART_NOT_FOUND","domain":"shop.example.com","metadata":{{"cartId":"7"}}}},{{"@type":"type.googleapis.com/google.rpc.LocalizedMessage","locale":"ja","message":"カート 7 が見つかりません"}},{HELP}"Cart Not Found","url":"https://shop.example.com/errors#cart-not-found"}}]}}]}}}}"#
        )
    );
}

#[test]
fn several_errors_make_one_bad_request() {
    let a = GoogleShopError::InvalidQuantity {
        field: "items[0].quantity".into(),
        max: 10,
    };
    let b = GoogleShopError::EmptyCart;
    let renderer = google().with_google(
        GoogleFormat::new()
            .with_domain("fallback.example.com")
            .unwrap(),
    );
    assert_eq!(
        body(
            &renderer,
            &[&Plain::RateLimited, &a, &b],
            &RequestContext::new()
        ),
        r#"{"error":{"code":429,"message":"slow down","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"RATE_LIMITED","domain":"fallback.example.com","metadata":{}},{"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":[{"description":"slow down","reason":"RATE_LIMITED"},{"field":"items[0].quantity","description":"quantity must be at most 10","reason":"INVALID_QUANTITY"},{"description":"the cart is empty","reason":"EMPTY_CART"}]}]}}"#
    );
}

#[test]
fn retry_info_and_named_codes() {
    let renderer =
        google().with_google(GoogleFormat::new().with_retry_delay(Duration::from_millis(2500)));
    let out = body(
        &renderer,
        &[&GoogleShopError::CheckoutUnavailable],
        &RequestContext::new(),
    );
    assert!(
        out.contains(r#"{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"2.5s"}"#),
        "{out}"
    );
    assert!(out.contains(r#""status":"UNAVAILABLE""#));
    // Not for a 404.
    let out = body(
        &renderer,
        &[&GoogleShopError::EmptyCart],
        &RequestContext::new(),
    );
    assert!(!out.contains("RetryInfo"));
    // The variant's own gRPC code wins over its status's.
    let out = body(
        &google(),
        &[&GoogleShopError::CartLocked],
        &RequestContext::new(),
    );
    assert!(out.starts_with(r#"{"error":{"code":409,"message":"the cart is being checked out","status":"FAILED_PRECONDITION","#), "{out}");
    assert!(GoogleFormat::new().with_domain("not a domain").is_err());
}

/// `google/rpc/code.proto`'s HTTP mapping for every error status.
#[test]
fn every_error_status_maps_to_a_code() {
    for status in 400..=599u16 {
        let expected = match status {
            400 => "INVALID_ARGUMENT",
            401 => "UNAUTHENTICATED",
            403 => "PERMISSION_DENIED",
            404 => "NOT_FOUND",
            409 => "ABORTED",
            429 => "RESOURCE_EXHAUSTED",
            499 => "CANCELLED",
            500 => "INTERNAL",
            501 => "UNIMPLEMENTED",
            503 => "UNAVAILABLE",
            504 => "DEADLINE_EXCEEDED",
            _ if status < 500 => "FAILED_PRECONDITION",
            _ => "INTERNAL",
        };
        assert_eq!(GoogleFormat::code_name(status), expected, "{status}");
    }
}

#[test]
fn the_view_serializes_the_same_body() {
    let ctx = RequestContext::new().with_accept_language("ja").unwrap();
    let renderer =
        google().with_google(GoogleFormat::new().with_retry_delay(Duration::from_secs(3)));
    let a = GoogleShopError::CartNotFound { cart_id: 7 };
    let b = GoogleShopError::InvalidQuantity {
        field: "q".into(),
        max: 1,
    };
    for errors in [
        vec![&a as &dyn ApiError],
        vec![&a, &b],
        vec![&GoogleShopError::CheckoutUnavailable],
    ] {
        let view = serde_json::to_string(&renderer.view(Format::Google, &errors, &ctx)).unwrap();
        assert_eq!(view, body(&renderer, &errors, &ctx));
    }
}

#[test]
fn bodies_decode_back_to_the_variant() {
    let ctx = RequestContext::new().with_accept_language("ja").unwrap();
    for err in [
        GoogleShopError::EmptyCart,
        GoogleShopError::CartNotFound { cart_id: 7 },
        GoogleShopError::InvalidQuantity {
            field: "items[0].quantity".into(),
            max: 10,
        },
        GoogleShopError::CartLocked,
    ] {
        let res = google().response(Format::Google, &err, &ctx);
        let decoded = decode::<GoogleShopError>(
            res.status().as_u16(),
            res.headers(),
            res.body(),
            &DecodeOptions::default(),
        );
        assert_eq!(decoded.response().format(), Some(Format::Google));
        assert_eq!(decoded.typed(), Some(&err));
    }
}

/// Variants at the edges of the derive's whole Google bodies (`GoogleUnit`): what has one
/// (a static message, a source, a gRPC code, a 429, escaped text) and what has none (a
/// field, a template, a message a field replaces), with neither domain nor location.
#[derive(Debug, ApiError)]
#[allow(dead_code)] // The source is carried, never printed.
enum Edge {
    #[status(400)]
    #[code("quoted")]
    #[title("A \"quoted\" title")]
    #[message("a \"quoted\" \\ message\n")]
    Quoted,

    #[status(429)]
    #[code("slow_down")]
    #[message("slow down")]
    SlowDown,

    #[status(418)]
    #[code("teapot")]
    #[grpc(ABORTED)]
    #[message("short and stout ☕")]
    Teapot,

    #[status(500)]
    #[code("upstream")]
    #[message("the upstream failed")]
    Upstream(#[source] std::io::Error),

    #[status(400)]
    #[code("bad_amount")]
    #[field("purchase.amount")]
    #[message("the amount is wrong")]
    BadAmount,

    #[status(404)]
    #[code("gone")]
    #[message("it is gone")]
    #[message(ja = "ありません")]
    Gone,

    #[status(400)]
    #[code("templated")]
    #[message("{n} is too many")]
    Templated { n: u32 },

    #[status(400)]
    #[code("replaced")]
    #[message("the default")]
    Replaced {
        #[message]
        message: Option<String>,
    },
}

fn edges() -> Vec<Box<dyn ApiError>> {
    vec![
        Box::new(Edge::Quoted),
        Box::new(Edge::SlowDown),
        Box::new(Edge::Teapot),
        Box::new(Edge::Upstream(std::io::Error::other("disk on fire"))),
        Box::new(Edge::BadAmount),
        Box::new(Edge::Gone),
        Box::new(Edge::Templated { n: 7 }),
        Box::new(Edge::Replaced { message: None }),
        Box::new(Edge::Replaced {
            message: Some("its own".into()),
        }),
        Box::new(GoogleShopError::EmptyCart),
        Box::new(GoogleShopError::CartLocked),
        Box::new(GoogleShopError::CheckoutUnavailable),
        Box::new(GoogleShopError::CartNotFound { cart_id: 7 }),
        Box::new(Plain::RateLimited),
    ]
}

/// Every option that changes a body the derive built whole.
fn formats() -> Vec<GoogleFormat> {
    let domain = || {
        GoogleFormat::new()
            .with_domain("errors.example.com")
            .unwrap()
    };
    vec![
        GoogleFormat::new(),
        domain(),
        GoogleFormat::new().with_retry_delay(Duration::from_secs(2)),
        domain().with_retry_delay(Duration::from_millis(1500)),
    ]
}

/// The derive's whole bodies and the generic path write the same bytes, whatever the
/// options, the request's languages and the way in (`GoogleFormat::render`, a renderer).
#[test]
fn whole_bodies_match_the_generic_path() {
    let contexts = [
        RequestContext::new(),
        RequestContext::new().with_accept_language("ja").unwrap(),
    ];
    for err in edges() {
        let err = &*err;
        for format in formats() {
            for ctx in &contexts {
                let (mut fast, mut generic) = (Vec::new(), Vec::new());
                format.render(err, ctx, &mut fast);
                format.render(&Generic(err), ctx, &mut generic);
                let fast = String::from_utf8(fast).unwrap();
                assert_eq!(fast, String::from_utf8(generic).unwrap(), "{format:?}");
                // Valid JSON, and the same through a renderer.
                serde_json::from_str::<serde_json::Value>(&fast).unwrap();
                let renderer = google().with_google(format.clone());
                assert_eq!(body(&renderer, &[err], ctx), fast, "{format:?}");
                assert_eq!(body(&renderer, &[&Generic(err)], ctx), fast, "{format:?}");
            }
        }
    }
}

/// The edges of the whole bodies, byte for byte: escaped texts, a format's domain put after
/// the reason (and not over a type's own), a retry delay that adds a `RetryInfo` (and one
/// that does not), a gRPC code, a source that is no metadata.
#[test]
fn whole_body_edges() {
    let ctx = RequestContext::new();
    let render = |format: &GoogleFormat, err: &dyn ApiError| {
        let mut out = Vec::new();
        format.render(err, &ctx, &mut out);
        String::from_utf8(out).unwrap()
    };
    let plain = GoogleFormat::new();
    let domain = GoogleFormat::new()
        .with_domain("errors.example.com")
        .unwrap();
    let retry = GoogleFormat::new().with_retry_delay(Duration::from_secs(2));
    const INFO: &str = r#""details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","#;
    assert_eq!(
        render(&plain, &Edge::Quoted),
        format!(
            r#"{{"error":{{"code":400,"message":"a \"quoted\" \\ message\n","status":"INVALID_ARGUMENT",{INFO}"reason":"QUOTED","metadata":{{}}}}]}}}}"#
        )
    );
    assert_eq!(
        render(&domain, &Edge::Quoted),
        format!(
            r#"{{"error":{{"code":400,"message":"a \"quoted\" \\ message\n","status":"INVALID_ARGUMENT",{INFO}"reason":"QUOTED","domain":"errors.example.com","metadata":{{}}}}]}}}}"#
        )
    );
    // The type's own domain wins.
    assert_eq!(
        render(&domain, &GoogleShopError::EmptyCart),
        format!(
            r#"{{"error":{{"code":400,"message":"the cart is empty","status":"INVALID_ARGUMENT",{INFO}"reason":"EMPTY_CART","domain":"shop.example.com","metadata":{{}}}},{HELP}"Empty Cart","url":"https://shop.example.com/errors#empty-cart"}}]}}]}}}}"#
        )
    );
    // A retry delay adds a `RetryInfo` to a 429 and a 503, before `Help`; not to a 400.
    assert_eq!(
        render(&retry, &Edge::SlowDown),
        format!(
            r#"{{"error":{{"code":429,"message":"slow down","status":"RESOURCE_EXHAUSTED",{INFO}"reason":"SLOW_DOWN","metadata":{{}}}},{{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"2s"}}]}}}}"#
        )
    );
    assert_eq!(
        render(&retry, &GoogleShopError::CheckoutUnavailable),
        format!(
            r#"{{"error":{{"code":503,"message":"checkout is unavailable","status":"UNAVAILABLE",{INFO}"reason":"CHECKOUT_UNAVAILABLE","domain":"shop.example.com","metadata":{{}}}},{{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"2s"}},{HELP}"Checkout Unavailable","url":"https://shop.example.com/errors#checkout-unavailable"}}]}}]}}}}"#
        )
    );
    assert_eq!(render(&retry, &Edge::Quoted), render(&plain, &Edge::Quoted));
    assert_eq!(
        render(&plain, &Edge::Teapot),
        format!(
            r#"{{"error":{{"code":418,"message":"short and stout ☕","status":"ABORTED",{INFO}"reason":"TEAPOT","metadata":{{}}}}]}}}}"#
        )
    );
    assert_eq!(
        render(
            &domain,
            &Edge::Upstream(std::io::Error::other("disk on fire"))
        ),
        format!(
            r#"{{"error":{{"code":500,"message":"the upstream failed","status":"INTERNAL",{INFO}"reason":"UPSTREAM","domain":"errors.example.com","metadata":{{}}}}]}}}}"#
        )
    );
    // A field: no whole body, a `BadRequest`.
    assert_eq!(
        render(&plain, &Edge::BadAmount),
        format!(
            r#"{{"error":{{"code":400,"message":"the amount is wrong","status":"INVALID_ARGUMENT",{INFO}"reason":"BAD_AMOUNT","metadata":{{}}}},{{"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":[{{"field":"purchase.amount","description":"the amount is wrong","reason":"BAD_AMOUNT"}}]}}]}}}}"#
        )
    );
}
