//! What the format tests share: the errors rendered, and a renderer and a decoder of each
//! format.

#![allow(dead_code)]

use apierror::format::{JsonApi, Microsoft, Stripe, WireFormat};
use apierror::parse::{DecodeOptions, Decoder, ParseOptions, ReceivedBody};
use apierror::{ApiError, Format, Renderer, RequestContext};
use serde_json::{Map, Value};

/// One variant per case the formats must get right: a static message of each status class,
/// a template whose value needs escaping, a translation, a field.
#[derive(Debug, PartialEq, ApiError)]
pub enum ShopError {
    #[status(400)]
    #[code("used_token")]
    #[message("token was already used")]
    UsedToken,

    #[status(404)]
    #[code("cart_not_found")]
    #[message("cart \"{id}\" was not found")]
    #[message(ja = "カート「{id}」が見つかりません")]
    #[title(ja = "カートが見つかりません")]
    CartNotFound { id: String },

    #[status(402)]
    #[code("card_declined")]
    #[message("your card was declined")]
    CardDeclined,

    #[status(422)]
    #[code("invalid_price")]
    #[message("price must be at least {min}")]
    InvalidPrice {
        #[field]
        field: String,
        min: u32,
    },

    #[status(503)]
    #[code("unavailable")]
    #[message("try again in {secs} s")]
    Unavailable { secs: u32 },
}

/// An error written in Japanese alone: beside an English one, a body shares no language
/// and is in both.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(lang = "ja")]
#[status(409)]
#[code("sold_out")]
#[title("売り切れ")]
#[message("在庫切れです")]
pub struct SoldOut;

/// A 5xx whose text comes from `Display`, which carries a source error's secret: the wire
/// must get the status's reason instead.
#[derive(Debug, thiserror::Error, ApiError)]
pub enum StoreError {
    #[error("connection to db-7 refused: password=hunter2")]
    #[status(500)]
    #[code("store_failed")]
    Failed,
}

pub const SECRET: &str = "hunter2";

pub fn cart(id: &str) -> ShopError {
    ShopError::CartNotFound { id: id.to_owned() }
}

pub fn price(field: &str) -> ShopError {
    ShopError::InvalidPrice {
        field: field.to_owned(),
        min: 1,
    }
}

/// A renderer offering `format` alone, by default.
pub fn renderer(format: impl WireFormat) -> Renderer {
    let name = format.name();
    Renderer::new(Format::named(name))
        .with_format(format)
        .expect("a free name and media type")
}

/// A decoder of the built-ins and the three formats.
pub fn decoder() -> Decoder {
    Decoder::new()
        .with_format(Stripe::new())
        .and_then(|d| d.with_format(JsonApi::new()))
        .and_then(|d| d.with_format(Microsoft::new()))
        .expect("free names")
}

/// The response to `errors` in `format`, for a request preferring `accept_language`:
/// status, `Content-Type`, `Content-Language`, body.
pub fn answer(
    format: impl WireFormat,
    errors: &[&dyn ApiError],
    accept_language: Option<&str>,
) -> (u16, String, String, String) {
    let name = format.name();
    let mut ctx = RequestContext::new();
    if let Some(preferences) = accept_language {
        ctx = ctx.with_accept_language(preferences).unwrap();
    }
    let res = renderer(format).response_all(Format::named(name), errors, &ctx);
    let header = |name: &str| res.headers()[name].to_str().unwrap().to_owned();
    (
        res.status().as_u16(),
        header("content-type"),
        header("content-language"),
        String::from_utf8(res.body().clone()).unwrap(),
    )
}

/// The body of `errors` in `format`, for a request without preferences.
pub fn body(format: impl WireFormat, errors: &[&dyn ApiError]) -> String {
    answer(format, errors, None).3
}

/// Reads `body` strictly as whatever the decoder of every format detects.
pub fn parse(content_type: &str, body: &str) -> ReceivedBody {
    decoder()
        .parse(
            None,
            Some(content_type),
            body.as_bytes(),
            None,
            &ParseOptions::default(),
        )
        .unwrap_or_else(|e| panic!("{e}: {body}"))
}

/// Reads `body` leniently, as a client does, with its status and `Content-Type`.
pub fn decode<E: ApiError>(
    status: u16,
    content_type: &str,
    body: &str,
) -> apierror::parse::Decoded<E> {
    let mut headers = http::HeaderMap::new();
    headers.insert("content-type", content_type.parse().unwrap());
    decoder().decode::<E>(status, &headers, body.as_bytes(), &DecodeOptions::default())
}

/// Checks that the `Serialize` view of each list of `cases` in `format` writes the body's
/// bytes, with and without a preference for Japanese.
pub fn assert_views_write_the_bodies(format: impl WireFormat + Clone, cases: &[&[&dyn ApiError]]) {
    let name = Format::named(format.name());
    let renderer = renderer(format.clone());
    for errors in cases {
        for language in [None, Some("ja")] {
            let mut ctx = RequestContext::new();
            if let Some(preferences) = language {
                ctx = ctx.with_accept_language(preferences).unwrap();
            }
            let view = serde_json::to_string(&renderer.view(name, errors, &ctx)).unwrap();
            assert_eq!(
                view,
                answer(format.clone(), errors, language).3,
                "{language:?}"
            );
        }
    }
}

/// The members of a JSON object value, as a reader takes them.
pub fn object(value: Value) -> Map<String, Value> {
    let Value::Object(map) = value else {
        panic!("not an object: {value}")
    };
    map
}
