//! Google's error model (AIP-193) over HTTP/JSON: exact bodies and headers for unit,
//! templated, fielded, localized and multi-error responses; the status mapping of every
//! error status; the `Serialize` view; reading bodies back.

use std::time::Duration;

use apierror::format::GoogleFormat;
use apierror::parse::{decode, DecodeOptions};
use apierror::{ApiError, Format, Renderer, RequestContext};

#[derive(Debug, PartialEq, ApiError)]
#[api_error(
    domain = "shop.example.com",
    location = "https://shop.example.com/errors",
    google
)]
enum ShopError {
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
        body(&google(), &[&ShopError::EmptyCart], &RequestContext::new()),
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
            &[&ShopError::CartNotFound { cart_id: 7 }],
            &RequestContext::new()
        ),
        format!(
            r#"{{"error":{{"code":404,"message":"cart 7 was not found","status":"NOT_FOUND","details":[{{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"CART_NOT_FOUND","domain":"shop.example.com","metadata":{{"cartId":"7"}}}},{HELP}"Cart Not Found","url":"https://shop.example.com/errors#cart-not-found"}}]}}]}}}}"#
        )
    );
}

#[test]
fn fielded_variant_adds_a_bad_request() {
    let err = ShopError::InvalidQuantity {
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
        &ShopError::CartNotFound { cart_id: 7 },
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
    let a = ShopError::InvalidQuantity {
        field: "items[0].quantity".into(),
        max: 10,
    };
    let b = ShopError::EmptyCart;
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
        &[&ShopError::CheckoutUnavailable],
        &RequestContext::new(),
    );
    assert!(
        out.contains(r#"{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"2.5s"}"#),
        "{out}"
    );
    assert!(out.contains(r#""status":"UNAVAILABLE""#));
    // Not for a 404.
    let out = body(&renderer, &[&ShopError::EmptyCart], &RequestContext::new());
    assert!(!out.contains("RetryInfo"));
    // The variant's own gRPC code wins over its status's.
    let out = body(&google(), &[&ShopError::CartLocked], &RequestContext::new());
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
    let a = ShopError::CartNotFound { cart_id: 7 };
    let b = ShopError::InvalidQuantity {
        field: "q".into(),
        max: 1,
    };
    for errors in [
        vec![&a as &dyn ApiError],
        vec![&a, &b],
        vec![&ShopError::CheckoutUnavailable],
    ] {
        let view = serde_json::to_string(&renderer.view(Format::Google, &errors, &ctx)).unwrap();
        assert_eq!(view, body(&renderer, &errors, &ctx));
    }
}

#[test]
fn bodies_decode_back_to_the_variant() {
    let ctx = RequestContext::new().with_accept_language("ja").unwrap();
    for err in [
        ShopError::EmptyCart,
        ShopError::CartNotFound { cart_id: 7 },
        ShopError::InvalidQuantity {
            field: "items[0].quantity".into(),
            max: 10,
        },
        ShopError::CartLocked,
    ] {
        let res = google().response(Format::Google, &err, &ctx);
        let decoded = decode::<ShopError>(
            res.status().as_u16(),
            res.headers(),
            res.body(),
            &DecodeOptions::default(),
        );
        assert_eq!(decoded.response().format(), Some(Format::Google));
        assert_eq!(decoded.typed(), Some(&err));
    }
}
