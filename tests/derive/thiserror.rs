//! thiserror's `#[error("…")]` is the message template where `#[message]` is absent: the
//! message renders exactly as thiserror's `Display`, the catalog holds the template, a
//! client captures the fields back into the typed variant, the Google format's metadata
//! carries them. What cannot be read back keeps the type's `Display` as its message and is
//! said in its catalog entry (`VariantMeta::rebuildable`); a 5xx's `#[error]` text never
//! reaches the wire (it is written for the log), its status's reason does.

use std::borrow::Cow;
use std::fmt;
use std::path::PathBuf;

use apierror::parse::{decode, DecodeOptions, TemplatePiece};
use apierror::{ApiError, Format, Renderer, RequestContext};
use http::HeaderMap;

/// Every placeholder shape thiserror's format strings take, each variant a template.
#[derive(Debug, PartialEq, thiserror::Error, ApiError)]
#[api_error(domain = "shop.example.com")]
enum OrderError {
    #[error("order {id} was not found")]
    #[status(404)]
    #[code("order_not_found")]
    NotFound { id: u64 },

    #[error("sku {0} is out of stock ({1} left)")]
    #[status(409)]
    #[code("out_of_stock")]
    OutOfStock(String, u32),

    #[error("quantity {quantity:>5} of {sku:?} is more than {max:05}")]
    #[status(400)]
    #[code("too_many")]
    TooMany {
        sku: String,
        quantity: u32,
        max: u32,
    },

    #[error("{{braces}} stay, {0:#x} is hex, {1:.2} is rounded, {0} twice")]
    #[status(400)]
    #[code("formats")]
    Formats(u32, f64),

    #[error("le panier « {name} » est vide — {letter}")]
    #[status(422)]
    #[code("unicode")]
    Unicode {
        name: Cow<'static, str>,
        letter: char,
    },

    #[error("tag {tag} of kind {type}")]
    #[status(400)]
    #[code("raw_field")]
    RawField { tag: &'static str, r#type: Box<str> },

    #[error("a quote \" and a backslash \\ in {0}")]
    #[status(400)]
    #[code("escapes")]
    Escapes(String),

    #[error("the cart is empty")]
    #[status(400)]
    #[code("empty_cart")]
    EmptyCart,
}

/// A value of every variant of [`OrderError`].
fn orders() -> Vec<OrderError> {
    vec![
        OrderError::NotFound { id: 7 },
        OrderError::OutOfStock("ab-1".into(), 3),
        OrderError::TooMany {
            sku: "ab-\"1\"".into(),
            quantity: 12,
            max: 10,
        },
        OrderError::Formats(255, 2.0 / 3.0),
        OrderError::Unicode {
            name: "été".into(),
            letter: 'ß',
        },
        OrderError::RawField {
            tag: "t1",
            r#type: "box".into(),
        },
        OrderError::Escapes("a \"b\" \\ c\n".into()),
        OrderError::EmptyCart,
    ]
}

/// The `message` member of an Omise body of `err`.
fn omise_message(err: &dyn ApiError) -> String {
    let mut out = Vec::new();
    Renderer::new(Format::Omise).render(Format::Omise, err, &RequestContext::new(), &mut out);
    let body: serde_json::Value = serde_json::from_slice(&out).unwrap();
    body["message"].as_str().unwrap().to_owned()
}

#[test]
fn message_renders_as_thiserror_display() {
    for err in orders() {
        let display = err.to_string();
        assert_eq!(err.message().to_string(), display, "{err:?}");
        // The JSON formats write it their own way (the tables, the direct path): the same
        // text, escaped.
        assert_eq!(omise_message(&err), display, "{err:?}");
    }
    assert_eq!(
        OrderError::Formats(255, 2.0 / 3.0).to_string(),
        "{braces} stay, 0xff is hex, 0.67 is rounded, 255 twice"
    );
}

#[test]
fn catalog_holds_the_template() {
    let catalog = OrderError::catalog();
    let not_found = catalog.find("order_not_found").unwrap();
    assert_eq!(not_found.message, Some("order {id} was not found"));
    assert_eq!(
        not_found.pieces,
        [
            TemplatePiece::Literal("order "),
            TemplatePiece::Field("id"),
            TemplatePiece::Literal(" was not found"),
        ]
    );
    assert_eq!(not_found.placeholders().collect::<Vec<_>>(), ["id"]);
    assert!(not_found.rebuildable);
    let raw = catalog.find("raw_field").unwrap();
    assert_eq!(raw.placeholders().collect::<Vec<_>>(), ["tag", "type"]);
    let empty = catalog.find("empty_cart").unwrap();
    assert_eq!(empty.message, Some("the cart is empty"));
    assert_eq!(empty.pieces, [TemplatePiece::Literal("the cart is empty")]);
}

/// Decodes an Omise body of `err` as `E`.
fn round_trip<E: ApiError + fmt::Debug>(err: &dyn ApiError) -> Option<E> {
    let mut body = Vec::new();
    Renderer::new(Format::Omise).render(Format::Omise, err, &RequestContext::new(), &mut body);
    let status = err.status().as_u16();
    decode::<E>(status, &HeaderMap::new(), &body, &DecodeOptions::default()).into_typed()
}

#[test]
fn client_captures_the_fields_back() {
    for err in [
        OrderError::NotFound { id: 7 },
        OrderError::OutOfStock("ab-1".into(), 3),
        OrderError::Unicode {
            name: "été".into(),
            letter: 'ß',
        },
        OrderError::EmptyCart,
    ] {
        assert_eq!(round_trip::<OrderError>(&err), Some(err));
    }
    // Each format reads it back, not the Omise one only.
    let err = OrderError::NotFound { id: 7 };
    for format in [Format::Problem, Format::Vipps, Format::Oney, Format::Google] {
        let res = Renderer::new(format).response(format, &err, &RequestContext::new());
        let decoded =
            decode::<OrderError>(404, res.headers(), res.body(), &DecodeOptions::default());
        assert_eq!(decoded.typed(), Some(&err), "{format:?}");
    }
}

#[test]
fn google_metadata_carries_the_printed_values() {
    let mut body = Vec::new();
    let err = OrderError::OutOfStock("ab-1".into(), 3);
    Renderer::new(Format::Google).render(Format::Google, &err, &RequestContext::new(), &mut body);
    assert_eq!(
        std::str::from_utf8(&body).unwrap(),
        r#"{"error":{"code":409,"message":"sku ab-1 is out of stock (3 left)","status":"ABORTED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"OUT_OF_STOCK","domain":"shop.example.com","metadata":{"0":"ab-1","1":"3"}}]}}"#
    );
}

/// The issue's newcomer app: messages in thiserror's `#[error]` only, served by axum through
/// the layer, read back by a client as the typed error.
#[cfg(feature = "axum")]
#[tokio::test]
async fn framework_app_decodes_typed_end_to_end() {
    use apierror::axum::ApiErrorLayer;
    use axum::body::Body;
    use axum::extract::Path;
    use axum::http::Request;
    use axum::routing::get;
    use axum::Router;
    use tower::ServiceExt;

    #[derive(Debug, PartialEq, thiserror::Error, ApiError)]
    enum ShopError {
        #[error("order {id} was not found")]
        #[status(404)]
        #[code("order_not_found")]
        OrderNotFound { id: u64 },
    }

    async fn order(Path(id): Path<u64>) -> Result<&'static str, ShopError> {
        Err(ShopError::OrderNotFound { id })
    }

    let app: Router = Router::new()
        .route("/orders/{id}", get(order))
        .layer(ApiErrorLayer::negotiated(Renderer::new(Format::Problem)));
    for accept in ["application/problem+json", "application/json"] {
        let req = Request::get("/orders/42")
            .header("accept", accept)
            .body(Body::empty())
            .unwrap();
        let res = app.clone().oneshot(req).await.unwrap();
        let (parts, body) = res.into_parts();
        let body = axum::body::to_bytes(body, 1 << 16).await.unwrap();
        let decoded = decode::<ShopError>(
            parts.status.as_u16(),
            &parts.headers,
            &body,
            &DecodeOptions::default(),
        );
        assert_eq!(
            decoded.typed(),
            Some(&ShopError::OrderNotFound { id: 42 }),
            "{accept}: {}",
            String::from_utf8_lossy(&body)
        );
    }
}

/// Something that is no text: its `Display` may print anything.
#[derive(Debug)]
struct Upstream(&'static str);

impl fmt::Display for Upstream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "upstream said {}", self.0)
    }
}

/// Server errors: thiserror's text is written for the log and may name what a client must
/// not see, even as a literal; none of it reaches the wire.
#[derive(Debug, thiserror::Error, ApiError)]
enum ServerError {
    #[error("database unavailable")]
    #[status(503)]
    #[code("db_unavailable")]
    Unavailable(#[source] std::io::Error),

    #[error("busy, retry in {0} seconds")]
    #[status(503)]
    #[code("busy")]
    Busy(u32),

    #[error("database failed: {0}")]
    #[status(500)]
    #[code("db_failed")]
    Failed(#[source] std::io::Error),

    #[error("query failed: {0}")]
    #[status(500)]
    #[code("query_failed")]
    Query(String),

    #[error("gateway: {0}")]
    #[status(502)]
    #[code("gateway")]
    Gateway(Upstream),
}

fn secret() -> std::io::Error {
    std::io::Error::other("password=hunter2")
}

#[test]
fn server_error_text_never_reaches_the_wire() {
    for (err, reason) in [
        (ServerError::Unavailable(secret()), "Service Unavailable"),
        (ServerError::Busy(30), "Service Unavailable"),
        (ServerError::Failed(secret()), "Internal Server Error"),
        (
            ServerError::Query("password=hunter2".into()),
            "Internal Server Error",
        ),
        (
            ServerError::Gateway(Upstream("password=hunter2")),
            "Bad Gateway",
        ),
    ] {
        // Logs still get thiserror's Display.
        assert!(!err.message().to_string().is_empty());
        assert_eq!(err.meta().message, None, "{err:?}");
        assert!(err.meta().pieces.is_empty());
        assert_eq!(omise_message(&err), reason);
        let mut body = Vec::new();
        Renderer::new(Format::Google).render(
            Format::Google,
            &err,
            &RequestContext::new(),
            &mut body,
        );
        let body = String::from_utf8(body).unwrap();
        assert!(!body.contains("hunter2"), "{body}");
        assert!(body.contains(r#""metadata":{}"#), "{body}");
    }
}

const LIMIT: usize = 3;

/// Texts the client can never read back: the type's `Display` stays the message.
#[derive(Debug, thiserror::Error, ApiError)]
enum Opaque {
    #[error("{} items are too many", .items.len())]
    #[status(400)]
    #[code("too_many_items")]
    TooManyItems { items: Vec<u64> },

    #[error("first item {first}", first = .items[0])]
    #[status(400)]
    #[code("first_item")]
    FirstItem { items: Vec<u64> },

    #[error("at most {LIMIT} items")]
    #[status(400)]
    #[code("over_limit")]
    OverLimit,

    #[error("file {0} is missing")]
    #[status(404)]
    #[code("missing_file")]
    MissingFile(PathBuf),

    #[error(transparent)]
    #[status(400)]
    #[code("invalid_input")]
    Invalid(#[from] std::num::ParseIntError),
}

#[test]
fn unreadable_texts_keep_the_display_and_say_so() {
    let values = [
        Opaque::TooManyItems {
            items: vec![1, 2, 3, 4],
        },
        Opaque::FirstItem { items: vec![9] },
        Opaque::OverLimit,
        Opaque::MissingFile("/tmp/x.csv".into()),
        Opaque::Invalid("x".parse::<u8>().unwrap_err()),
    ];
    for err in &values {
        let meta = err.meta();
        assert_eq!(meta.message, None, "{err:?}");
        assert!(meta.pieces.is_empty());
        assert_eq!(err.message().to_string(), err.to_string());
        assert_eq!(omise_message(err), err.to_string());
        // A variant with fields the body does not carry can never be rebuilt: the client
        // decodes it untyped, its catalog entry says so.
        let fieldless = matches!(err, Opaque::OverLimit);
        assert_eq!(meta.rebuildable, fieldless, "{err:?}");
        let mut body = Vec::new();
        Renderer::new(Format::Omise).render(Format::Omise, err, &RequestContext::new(), &mut body);
        let decoded = decode::<Opaque>(400, &HeaderMap::new(), &body, &DecodeOptions::default());
        assert_eq!(decoded.typed().is_some(), fieldless, "{err:?}");
        assert_eq!(decoded.response().meta.map(|m| m.code), Some(meta.code));
    }
    assert_eq!(values[0].to_string(), "4 items are too many");
    assert_eq!(values[2].to_string(), "at most 3 items");
}

/// thiserror gives an enum's `#[error]` to every variant without one; so does the derive.
#[derive(Debug, PartialEq, thiserror::Error, ApiError)]
#[error("{0} is not allowed")]
enum Refused {
    #[status(403)]
    #[code("word_refused")]
    Word(String),

    #[error("number {0} is too large")]
    #[status(400)]
    #[code("number_refused")]
    Number(u64),
}

/// A struct's `#[error]` is its template.
#[derive(Debug, PartialEq, thiserror::Error, ApiError)]
#[error("retry after {retry_after} seconds")]
#[status(429)]
#[code("rate_limited")]
struct RateLimited {
    retry_after: u32,
}

#[test]
fn enum_and_struct_level_texts_are_templates() {
    let catalog = Refused::catalog();
    assert_eq!(catalog.variants[0].message, Some("{0} is not allowed"));
    assert_eq!(catalog.variants[1].message, Some("number {0} is too large"));
    let word = Refused::Word("spam".into());
    assert_eq!(word.message().to_string(), word.to_string());
    assert_eq!(round_trip::<Refused>(&word), Some(word));
    let limited = RateLimited { retry_after: 30 };
    assert_eq!(
        limited.meta().message,
        Some("retry after {retry_after} seconds")
    );
    assert_eq!(limited.message().to_string(), "retry after 30 seconds");
    assert_eq!(round_trip::<RateLimited>(&limited), Some(limited));
}

/// `#[message]` wins over `#[error]`, and translations translate an `#[error]` template.
#[derive(Debug, PartialEq, thiserror::Error, ApiError)]
enum Translated {
    #[error("cart {id} was not found")]
    #[message(ja = "カート {id} が見つかりません")]
    #[status(404)]
    #[code("cart_not_found")]
    CartNotFound { id: u64 },

    #[error("internal text for logs")]
    #[message("the public text")]
    #[status(400)]
    #[code("declared")]
    Declared,
}

#[test]
fn message_wins_and_translations_translate_the_error_text() {
    let cart = Translated::CartNotFound { id: 7 };
    assert_eq!(cart.meta().message, Some("cart {id} was not found"));
    assert_eq!(
        cart.meta().message_in("ja"),
        Some("カート {id} が見つかりません")
    );
    let mut ja = String::new();
    struct Text<'a>(&'a mut String);
    impl apierror::MessageSink for Text<'_> {
        fn literal(&mut self, text: &'static str, _: &'static str) -> fmt::Result {
            self.0.push_str(text);
            Ok(())
        }
        fn value(&mut self, value: &dyn fmt::Display) -> fmt::Result {
            use fmt::Write;
            write!(self.0, "{value}")
        }
    }
    cart.write_message_in("ja", &mut Text(&mut ja))
        .unwrap()
        .unwrap();
    assert_eq!(ja, "カート 7 が見つかりません");
    assert_eq!(Translated::Declared.meta().message, Some("the public text"));
    assert_eq!(
        Translated::Declared.message().to_string(),
        "the public text"
    );
    assert_eq!(Translated::Declared.to_string(), "internal text for logs");
}

/// A generic type: the bounds are those of the fields printed, as thiserror's.
#[derive(Debug, thiserror::Error, ApiError)]
enum Conflict<T: fmt::Debug> {
    #[error("{0} already exists")]
    #[status(409)]
    #[code("conflict")]
    Exists(T),
}

#[test]
fn generic_fields_print_as_thiserror_prints_them() {
    let err = Conflict::Exists("cart 7");
    assert_eq!(err.message().to_string(), "cart 7 already exists");
    assert_eq!(err.meta().message, Some("{0} already exists"));
}

/// OpenAPI examples show an `#[error]` template as a `#[message]` one: placeholders as
/// `{name}`, not the variant's title.
#[cfg(feature = "utoipa")]
#[test]
fn openapi_examples_show_the_template() {
    let responses = apierror::openapi::catalog_responses(
        OrderError::catalog(),
        &Renderer::default(),
        Format::Omise,
    );
    let json = serde_json::to_value(&responses).unwrap();
    let examples = &json["404"]["content"]["application/json; charset=utf-8"]["examples"];
    assert_eq!(
        examples["NotFound"]["value"]["message"],
        "order {id} was not found"
    );
}
