//! Behaviour of `#[derive(ApiError)]`: statuses, codes, titles, messages, metadata.

use std::borrow::Cow;
use std::fmt;

use apierror::parse::{Received, TemplatePiece};
use apierror::{ApiError, MessageSink, Translation};

#[derive(Debug, ApiError)]
#[api_error(location = "https://www.omise.co/api-errors")]
enum ChargeError {
    /// An attempt was made to re-use a token.
    /// Tokens are single use only.
    #[status(400)]
    #[code("used_token")]
    #[message("token was already used")]
    #[description(ja = "トークンは一度しか使えません。")]
    UsedToken,

    #[status(400)]
    #[code("invalid_charge")]
    #[message("amount must be at least {min} {currency}")]
    InvalidCharge { min: u64, currency: &'static str },

    #[status(404)]
    #[code("not_found")]
    #[title("Resource Not Found")]
    #[message("{0} {1:?} was not found ({{braces}})")]
    NotFound(&'static str, String),

    #[status(500)]
    #[code("internal_error")]
    #[message("request could not be completed due to an internal error")]
    Internal(#[source] std::io::Error),

    #[status(400)]
    #[code("bad_request")]
    #[message("bad request")]
    BadRequest {
        #[message]
        message: Option<Cow<'static, str>>,
    },
}

#[test]
fn status_code_title() {
    let err = ChargeError::UsedToken;
    assert_eq!(err.status(), http::StatusCode::BAD_REQUEST);
    assert_eq!(err.code(), "used_token");
    assert_eq!(err.title(), "Used Token");
    let err = ChargeError::NotFound("charge", "chrg_1".into());
    assert_eq!(err.status(), http::StatusCode::NOT_FOUND);
    assert_eq!(err.title(), "Resource Not Found");
}

#[test]
fn messages_render_templates() {
    assert_eq!(
        ChargeError::UsedToken.message().to_string(),
        "token was already used"
    );
    let err = ChargeError::InvalidCharge {
        min: 2000,
        currency: "thb",
    };
    assert_eq!(
        err.message().to_string(),
        "amount must be at least 2000 thb"
    );
    let err = ChargeError::NotFound("charge", "chrg_\"1".into());
    assert_eq!(
        err.message().to_string(),
        r#"charge "chrg_\"1" was not found ({braces})"#
    );
    assert_eq!(
        format!("{:?}", ChargeError::UsedToken.message()),
        "Message(\"token was already used\")"
    );
}

#[test]
fn source_fields_stay_out_of_the_message() {
    let err = ChargeError::Internal(std::io::Error::other("disk /var/secret full"));
    let ChargeError::Internal(source) = &err else {
        unreachable!()
    };
    assert_eq!(source.to_string(), "disk /var/secret full");
    assert_eq!(
        err.message().to_string(),
        "request could not be completed due to an internal error"
    );
}

#[test]
fn message_override_field() {
    let default = ChargeError::BadRequest { message: None };
    assert_eq!(default.message().to_string(), "bad request");
    let specific = ChargeError::BadRequest {
        message: Some("amount is not a number".into()),
    };
    assert_eq!(specific.message().to_string(), "amount is not a number");
    assert_eq!(specific.meta().message, Some("bad request"));
}

#[test]
fn catalog_lists_every_variant() {
    let catalog = ChargeError::catalog();
    assert_eq!(catalog.name, "ChargeError");
    let names: Vec<_> = catalog.variants.iter().map(|v| v.name).collect();
    assert_eq!(
        names,
        [
            "UsedToken",
            "InvalidCharge",
            "NotFound",
            "Internal",
            "BadRequest"
        ]
    );
    // `VariantMeta` is `#[non_exhaustive]`: every field is compared on its own.
    let used = &catalog.variants[0];
    assert_eq!(used.name, "UsedToken");
    assert_eq!(used.status, 400);
    assert_eq!(used.code, "used_token");
    assert_eq!(used.title, "Used Token");
    assert_eq!(used.message, Some("token was already used"));
    assert_eq!(
        used.description,
        "An attempt was made to re-use a token.\nTokens are single use only."
    );
    assert_eq!(
        used.translations,
        [Translation {
            lang: "ja",
            description: "トークンは一度しか使えません。"
        }]
    );
    assert_eq!(used.field, None);
    assert!(used.fields.is_empty());
    assert_eq!(
        used.pieces,
        [TemplatePiece::Literal("token was already used")]
    );
    assert_eq!(used.location, Some("https://www.omise.co/api-errors"));
    assert_eq!(used.language, "en");
    assert!(used.localized.is_empty());
    assert_eq!(used.domain, None);
    assert_eq!(used.grpc, None);
    assert!(used.meta.is_empty());
    assert!(used.rebuildable);
    let charge = catalog.find("invalid_charge").unwrap();
    assert_eq!(
        charge.message,
        Some("amount must be at least {min} {currency}")
    );
    assert_eq!(charge.fields, ["min", "currency"]);
    assert_eq!(catalog.find("not_found").unwrap().fields, ["0", "1"]);
    assert!(catalog.find("nope").is_none());
    assert_eq!(catalog.variant("Internal").unwrap().code, "internal_error");
}

#[test]
fn meta_of_a_value_is_its_catalog_entry() {
    let err = ChargeError::InvalidCharge {
        min: 1,
        currency: "jpy",
    };
    assert!(std::ptr::eq(
        err.meta(),
        &ChargeError::catalog().variants[1]
    ));
    assert_eq!(err.meta().description_in("ja"), "");
    assert_eq!(
        ChargeError::UsedToken.meta().description_in("ja"),
        "トークンは一度しか使えません。"
    );
    assert_eq!(
        ChargeError::UsedToken.meta().description_in("fr"),
        "An attempt was made to re-use a token.\nTokens are single use only."
    );
}

/// A sink that records the pieces, to show what the derive hands a wire format.
#[derive(Default)]
struct Pieces(Vec<String>);

impl MessageSink for Pieces {
    fn literal(&mut self, text: &'static str, json_escaped: &'static str) -> fmt::Result {
        self.0.push(format!("lit({text}|{json_escaped})"));
        Ok(())
    }
    fn value(&mut self, value: &dyn fmt::Display) -> fmt::Result {
        self.0.push(format!("val({value})"));
        Ok(())
    }
}

#[derive(Debug, ApiError)]
#[api_error(status = 422, rename_all = "snake_case")]
enum Escaped {
    #[message("say \"{word}\"\n\\ done")]
    SayWord { word: String },
    #[status(409)]
    #[message("conflict")]
    HTTPConflict,
}

#[test]
fn literal_parts_come_pre_escaped() {
    let mut pieces = Pieces::default();
    Escaped::SayWord { word: "hi".into() }
        .write_message(&mut pieces)
        .unwrap();
    assert_eq!(
        pieces.0,
        [
            "lit(say \"|say \\\")",
            "val(hi)",
            "lit(\"\n\\ done|\\\"\\n\\\\ done)"
        ]
    );
}

#[test]
fn container_defaults_and_rename_all() {
    let say = Escaped::SayWord {
        word: String::new(),
    };
    assert_eq!(say.status().as_u16(), 422);
    assert_eq!(say.code(), "say_word");
    let conflict = Escaped::HTTPConflict;
    assert_eq!(conflict.status().as_u16(), 409);
    assert_eq!(conflict.code(), "http_conflict");
    assert_eq!(conflict.title(), "HTTP Conflict");
}

#[derive(Debug, thiserror::Error, ApiError)]
enum StoreError {
    #[error("transfer {id} not found")]
    #[status(404)]
    #[code("not_found")]
    NotFound { id: String },

    #[error("storage failed: {0}")]
    #[status(503)]
    #[code("service_unavailable")]
    Storage(#[from] std::io::Error),
}

#[test]
fn thiserror_display_is_the_message_without_template() {
    let err = StoreError::NotFound {
        id: "trsf_test_1".into(),
    };
    assert_eq!(err.message().to_string(), "transfer trsf_test_1 not found");
    assert_eq!(err.to_string(), "transfer trsf_test_1 not found");
    // Without `#[message]`, thiserror's format string is the template (tests/test_thiserror.rs).
    assert_eq!(err.meta().message, Some("transfer {id} not found"));
    // A 5xx whose format string prints its source keeps none: its text stays off the wire.
    let storage = StoreError::catalog().find("service_unavailable").unwrap();
    assert_eq!(storage.message, None);
    let err = StoreError::from(std::io::Error::other("db password wrong"));
    // Logs get the full Display, source chain included.
    assert_eq!(
        err.message().to_string(),
        "storage failed: db password wrong"
    );
    assert!(std::error::Error::source(&err).is_some());
}

#[test]
fn public_message_of_5xx_display_errors_hides_the_source() {
    struct Text(String);
    impl MessageSink for Text {
        fn literal(&mut self, text: &'static str, _: &'static str) -> fmt::Result {
            self.0.push_str(text);
            Ok(())
        }
        fn value(&mut self, value: &dyn fmt::Display) -> fmt::Result {
            use fmt::Write;
            write!(self.0, "{value}")
        }
    }
    let err = StoreError::from(std::io::Error::other("db password wrong"));
    let mut text = Text(String::new());
    err.write_public_message(&mut text).unwrap();
    assert_eq!(text.0, "Service Unavailable");
    let mut text = Text(String::new());
    StoreError::NotFound { id: "x".into() }
        .write_public_message(&mut text)
        .unwrap();
    assert_eq!(text.0, "transfer x not found");
}

/// A single error type: the struct is its own variant.
#[derive(Debug, ApiError)]
#[status(429)]
#[code("rate_limited")]
#[message("retry after {retry_after} seconds")]
struct RateLimited {
    retry_after: u32,
}

#[test]
fn structs_derive_too() {
    let err = RateLimited { retry_after: 30 };
    assert_eq!(err.status().as_u16(), 429);
    assert_eq!(err.code(), "rate_limited");
    assert_eq!(err.title(), "Rate Limited");
    assert_eq!(err.message().to_string(), "retry after 30 seconds");
    assert_eq!(RateLimited::catalog().variants.len(), 1);
}

#[derive(Debug, ApiError)]
#[api_error(status = 400, allow_duplicate_codes, oney)]
enum OneyPayment {
    #[code("ERR_07")]
    #[field("purchase.delivery.address")]
    #[message("Field is mandatory")]
    MissingAddress,
    #[code("ERR_07")]
    #[message("Field {name} is mandatory")]
    Missing {
        #[field]
        name: String,
    },
    #[code("ERR_01")]
    #[message("Unknown error")]
    Unknown,
}

#[test]
fn oney_fields_and_duplicate_codes() {
    assert_eq!(
        OneyPayment::MissingAddress.field().unwrap().to_string(),
        "purchase.delivery.address"
    );
    let missing = OneyPayment::Missing {
        name: "purchase.amount".into(),
    };
    assert_eq!(missing.field().unwrap().to_string(), "purchase.amount");
    assert_eq!(
        missing.message().to_string(),
        "Field purchase.amount is mandatory"
    );
    assert!(OneyPayment::Unknown.field().is_none());
    let catalog = OneyPayment::catalog();
    assert_eq!(catalog.find_all("ERR_07").count(), 2);
    assert_eq!(catalog.find("ERR_07").unwrap().name, "MissingAddress");
    assert_eq!(catalog.variants[0].field, Some("purchase.delivery.address"));
}

#[derive(Debug, ApiError)]
#[api_error(status = 400)]
enum Generic<'a, T: fmt::Debug, S> {
    #[code("wrapped")]
    #[message("wrapped {value} from {origin}")]
    Wrapped { value: T, origin: &'a str },
    #[code("other")]
    #[message("other")]
    Other(#[source] S),
}

#[test]
fn generics_and_lifetimes() {
    let err: Generic<'_, u8, std::io::Error> = Generic::Wrapped {
        value: 7,
        origin: "here",
    };
    assert_eq!(err.message().to_string(), "wrapped 7 from here");
    let err: Generic<'_, u8, std::io::Error> = Generic::Other(std::io::Error::other("x"));
    assert_eq!(err.code(), "other");
    assert_eq!(Generic::<'static, u8, ()>::catalog().variants.len(), 2);
}

#[derive(Debug, ApiError)]
enum Empty {}

#[test]
fn empty_enum_has_an_empty_catalog() {
    assert!(Empty::catalog().variants.is_empty());
}

#[derive(Debug, ApiError)]
#[api_error(status = 400, rename_all = "kebab-case")]
enum RawNames {
    #[message("{r#type} is bad")]
    r#Type { r#type: &'static str },
}

#[test]
fn raw_identifiers() {
    let err = RawNames::r#Type { r#type: "card" };
    assert_eq!(err.message().to_string(), "card is bad");
    assert_eq!(err.code(), "type");
    assert_eq!(err.meta().name, "Type");
    assert_eq!(err.meta().fields, ["type"]);
}

#[test]
fn works_as_a_trait_object() {
    let errors: Vec<Box<dyn ApiError>> = vec![
        Box::new(ChargeError::UsedToken),
        Box::new(RateLimited { retry_after: 1 }),
    ];
    let codes: Vec<_> = errors.iter().map(|e| e.code()).collect();
    assert_eq!(codes, ["used_token", "rate_limited"]);
    assert_eq!(
        apierror::Message::new(&*errors[1]).to_string(),
        "retry after 1 seconds"
    );
}

#[derive(Debug, PartialEq, ApiError)]
#[api_error(status = 400, allow_duplicate_codes)]
enum Received2 {
    #[code("used_token")]
    #[message("token was already used")]
    UsedToken,
    #[code("invalid_charge")]
    #[message("amount must be at least {min} {currency}")]
    InvalidCharge { min: u64, currency: String },
    #[code("bad_request")]
    #[message("bad request")]
    BadRequest {
        #[message]
        message: Option<Cow<'static, str>>,
    },
    #[code("ERR_07")]
    #[message("Field {0} is mandatory")]
    Missing(String, #[field] String),
    #[code("static_field")]
    #[message("static {name}")]
    Static { name: &'static str },
    #[code("not_in_body")]
    #[message("hidden")]
    NotInBody { id: u32 },
}

fn rebuild(code: &str, message: &str, field: Option<&str>) -> Option<Received2> {
    let meta = Received2::catalog().find(code).unwrap();
    Received2::from_received(
        meta,
        &Received {
            message: Some(message),
            field,
        },
    )
}

#[test]
fn variants_rebuild_from_received_bodies() {
    assert_eq!(
        rebuild("used_token", "anything", None),
        Some(Received2::UsedToken)
    );
    assert_eq!(
        rebuild("invalid_charge", "amount must be at least 2000 thb", None),
        Some(Received2::InvalidCharge {
            min: 2000,
            currency: "thb".into()
        })
    );
    // The message does not have the template's shape, or a value does not parse.
    assert_eq!(rebuild("invalid_charge", "amount too low", None), None);
    assert_eq!(
        rebuild("invalid_charge", "amount must be at least lots thb", None),
        None
    );
    assert_eq!(
        rebuild("bad_request", "bad request", None),
        Some(Received2::BadRequest { message: None })
    );
    assert_eq!(
        rebuild("bad_request", "amount is not a number", None),
        Some(Received2::BadRequest {
            message: Some("amount is not a number".into())
        })
    );
    assert_eq!(
        rebuild(
            "ERR_07",
            "Field amount is mandatory",
            Some("purchase.amount")
        ),
        Some(Received2::Missing(
            "amount".into(),
            "purchase.amount".into()
        ))
    );
    assert_eq!(rebuild("ERR_07", "Field amount is mandatory", None), None);
    // &'static str cannot hold received text; a field the body does not carry cannot be read.
    assert_eq!(rebuild("static_field", "static x", None), None);
    assert_eq!(rebuild("not_in_body", "hidden", None), None);
    assert_eq!(Received2::NotInBody { id: 1 }.code(), "not_in_body");
    assert_eq!(
        Received2::Static { name: "x" }.message().to_string(),
        "static x"
    );
}
