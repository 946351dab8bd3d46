//! `#[meta(key = "value")]`: facts a wire format needs that the derive does not model, on a
//! variant or on the enum (a default every variant without the key inherits), read at run
//! time through `VariantMeta::meta` and `VariantMeta::meta_value`.

use apierror::ApiError;

#[derive(Debug, ApiError)]
#[meta(doc_url = "https://example.com/errors", provider = "example")]
#[meta(r#type = "api_error")]
enum PaymentError {
    #[status(402)]
    #[code("card_declined")]
    #[message("your card was declined")]
    #[meta(
        stripe_type = "card_error",
        doc_url = "https://example.com/errors/card-declined"
    )]
    #[meta(target = "card")]
    CardDeclined,

    #[status(400)]
    #[code("amount_too_small")]
    #[message("amount must be at least {min}")]
    #[meta(target = "amount")]
    AmountTooSmall { min: u64 },

    #[status(500)]
    #[code("internal_error")]
    #[message("request could not be completed")]
    Internal,
}

#[test]
fn variant_facts_first_then_the_enums() {
    let declined = PaymentError::CardDeclined.meta();
    assert_eq!(
        declined.meta,
        [
            ("stripe_type", "card_error"),
            ("doc_url", "https://example.com/errors/card-declined"),
            ("target", "card"),
            ("provider", "example"),
            ("type", "api_error"),
        ]
    );
    assert_eq!(
        declined.meta_value("doc_url"),
        Some("https://example.com/errors/card-declined")
    );
    assert_eq!(declined.meta_value("provider"), Some("example"));
    assert_eq!(declined.meta_value("missing"), None);

    let small = PaymentError::AmountTooSmall { min: 100 }.meta();
    assert_eq!(small.meta_value("target"), Some("amount"));
    assert_eq!(
        small.meta_value("doc_url"),
        Some("https://example.com/errors")
    );
    assert_eq!(small.meta_value("stripe_type"), None);

    let internal = PaymentError::catalog().find("internal_error").unwrap();
    assert_eq!(
        internal.meta,
        [
            ("doc_url", "https://example.com/errors"),
            ("provider", "example"),
            ("type", "api_error"),
        ]
    );
}

/// A struct's `#[meta]` is its own variant's.
#[derive(Debug, ApiError)]
#[status(409)]
#[code("conflict")]
#[message("the request conflicts with another")]
#[meta(target = "idempotency_key")]
struct Conflict;

/// No `#[meta]` anywhere: nothing to read.
#[derive(Debug, ApiError)]
enum Plain {
    #[status(404)]
    #[code("not_found")]
    #[message("not found")]
    NotFound,
}

#[test]
fn structs_and_types_without_facts() {
    assert_eq!(Conflict.meta().meta, [("target", "idempotency_key")]);
    assert!(Plain::NotFound.meta().meta.is_empty());
    assert_eq!(Plain::NotFound.meta().meta_value("target"), None);
}
