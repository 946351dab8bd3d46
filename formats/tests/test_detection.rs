//! With every format in one decoder, each body is read by the format that wrote it: the
//! three formats here never take a built-in's body, nor the built-ins theirs, though
//! Stripe, Microsoft and Google all send `{"error":{…}}`.

mod common;

use apierror::format::{JsonApi, Microsoft, Stripe};
use apierror::parse::{DecodeOptions, ParseOptions};
use apierror::validation::ValidationFailure;
use apierror::{ApiError, FieldPath, FieldViolation, Format, Renderer, RequestContext, Rule};
use common::{cart, price, ShopError};

/// The response of `errors` in `format` (a built-in, or one of `renderer`'s).
fn response(
    renderer: &Renderer,
    format: Format,
    errors: &[&dyn ApiError],
) -> http::Response<Vec<u8>> {
    renderer.response_all(format, errors, &RequestContext::new())
}

/// The format the decoder of every format reads `res` as, strictly and leniently, with
/// and without its `Content-Type`.
fn read_as(res: &http::Response<Vec<u8>>) -> Vec<Format> {
    let decoder = common::decoder();
    let content_type = res.headers()["content-type"].to_str().unwrap();
    let status = res.status().as_u16();
    let mut read = Vec::new();
    for content_type in [Some(content_type), None] {
        let parsed = decoder
            .parse(
                Some(status),
                content_type,
                res.body(),
                None,
                &ParseOptions::default(),
            )
            .unwrap();
        read.push(parsed.format);
        let mut headers = http::HeaderMap::new();
        if let Some(content_type) = content_type {
            headers.insert("content-type", content_type.parse().unwrap());
        }
        let decoded =
            decoder.decode_response(status, &headers, res.body(), &DecodeOptions::default());
        read.push(decoded.format().unwrap());
    }
    read
}

#[test]
fn each_body_is_read_by_the_format_that_wrote_it() {
    let ours = [
        common::renderer(Stripe::new()),
        common::renderer(Stripe::new().with_doc_base("https://d.test/e").unwrap()),
        common::renderer(JsonApi::new()),
        common::renderer(Microsoft::new()),
    ];
    // A validation failure: its summary and violations, in each format's notation.
    let failure = ValidationFailure::new([
        FieldViolation::new(
            FieldPath::new().key("items").index(2).key("sku"),
            "required",
            Rule::Required,
        ),
        FieldViolation::new(FieldPath::new().key("a/b~c[d\"e"), "regex", Rule::Regex),
    ]);
    let lists: [&[&dyn ApiError]; 5] = [
        &[&ShopError::UsedToken],
        &[&price("items[0].price")],
        &[&cart("7"), &price("amount")],
        &[
            &ShopError::Unavailable { secs: 1 },
            &ShopError::UsedToken,
            &price("a"),
        ],
        &[&failure],
    ];
    let built_in = Renderer::all_built_in(Format::Problem);
    let writers = ours
        .iter()
        .map(|r| (r, r.default_format()))
        .chain(Format::BUILT_IN.map(|f| (&built_in, f)));
    let mut checked = 0;
    for (renderer, format) in writers {
        for errors in lists {
            let res = response(renderer, format, errors);
            let body = String::from_utf8_lossy(res.body());
            assert_eq!(read_as(&res), [format; 4], "{body}");
            checked += 1;
        }
    }
    assert_eq!(checked, 4 * 5 + 5 * 5);
}

#[test]
fn real_provider_bodies_are_read_by_their_format() {
    let cases = [
        // Stripe's documented card error.
        (
            r#"{"error":{"code":"card_declined","decline_code":"generic_decline","doc_url":"https://stripe.com/docs/error-codes/card-declined","message":"Your card was declined.","param":"","request_log_url":"https://dashboard.stripe.com/test/logs/req_1?t=1","type":"card_error"}}"#,
            "stripe",
        ),
        // Azure Resource Manager.
        (
            r#"{"error":{"code":"ResourceNotFound","message":"The Resource 'Microsoft.Storage/storageAccounts/x' under resource group 'rg' was not found."}}"#,
            "microsoft",
        ),
        // Microsoft Graph, with its innerError.
        (
            r#"{"error":{"code":"Request_ResourceNotFound","message":"Resource 'x' does not exist.","innerError":{"date":"2024-01-01T00:00:00","request-id":"r","client-request-id":"c"}}}"#,
            "microsoft",
        ),
        // The guidelines' own example.
        (
            r#"{"error":{"code":"BadArgument","message":"Multiple errors in ContactInfo data","target":"ContactInfo","details":[{"code":"NullValue","target":"PhoneNumber","message":"Phone number must not be null"}]}}"#,
            "microsoft",
        ),
        // Google, which the built-in reads.
        (
            r#"{"error":{"code":404,"message":"cart 7 was not found","status":"NOT_FOUND","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"CART_NOT_FOUND","domain":"shop.example.com","metadata":{"id":"7"}}]}}"#,
            "google",
        ),
        (r#"{"error":{"code":403,"message":"denied"}}"#, "google"),
        // JSON:API's example.
        (
            r#"{"errors":[{"status":"422","source":{"pointer":"/data/attributes/firstName"},"title":"Invalid Attribute","detail":"First name must contain at least two characters."}]}"#,
            "jsonapi",
        ),
    ];
    let decoder = common::decoder();
    for (body, expected) in cases {
        let res = decoder.decode_response(
            400,
            &http::HeaderMap::new(),
            body.as_bytes(),
            &DecodeOptions::default(),
        );
        assert_eq!(res.format().map(|f| f.name()), Some(expected), "{body}");
    }
}
