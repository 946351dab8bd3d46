//! # apierror
//!
//! One error enum, many wire formats. `#[derive(ApiError)]` turns an error enum into one
//! that knows its HTTP status, machine code, title and message, checked at compile time.
//!
//! ```
//! use apierror::ApiError;
//!
//! #[derive(Debug, ApiError)]
//! #[api_error(location = "https://www.omise.co/api-errors")]
//! pub enum ChargeError {
//!     /// An attempt was made to re-use a token. Tokens are single use only.
//!     #[status(400)]
//!     #[code("used_token")]
//!     #[message("token was already used")]
//!     UsedToken,
//!
//!     /// The amount is below the minimum.
//!     #[status(400)]
//!     #[code("invalid_charge")]
//!     #[message("amount must be at least {min} {currency}")]
//!     InvalidCharge { min: u64, currency: &'static str },
//!
//!     #[status(500)]
//!     #[code("internal_error")]
//!     #[message("request could not be completed due to an internal error")]
//!     Internal(#[source] std::io::Error),
//! }
//!
//! let err = ChargeError::InvalidCharge { min: 2000, currency: "thb" };
//! assert_eq!(err.status().as_u16(), 400);
//! assert_eq!(err.code(), "invalid_charge");
//! assert_eq!(err.message().to_string(), "amount must be at least 2000 thb");
//!
//! // Every variant's metadata, at run time.
//! let catalog = ChargeError::catalog();
//! assert_eq!(catalog.variants.len(), 3);
//! let used = catalog.find("used_token").unwrap();
//! assert_eq!(used.title, "Used Token");
//! assert_eq!(used.description, "An attempt was made to re-use a token. Tokens are single use only.");
//! ```
//!
//! ## Attributes
//!
//! On the enum (or struct), `#[api_error(…)]` with any of:
//!
//! | option | meaning |
//! |---|---|
//! | `status = 400` | default status for variants without `#[status]` |
//! | `rename_all = "snake_case"` | (enums) derive codes from variant names where `#[code]` is absent (`lowercase`, `UPPERCASE`, `PascalCase`, `camelCase`, `snake_case`, `SCREAMING_SNAKE_CASE`, `kebab-case`, `SCREAMING-KEBAB-CASE`) |
//! | `allow_duplicate_codes` | let several variants share a code (Oney services do) |
//! | `location = "https://…"` | absolute base URL of the error reference, for the Omise `location` member |
//! | `oney` | enforce Oney's limits at compile time: codes ≤ 10 characters, fields ≤ 100 |
//! | `lang = "en"` | the language of the undecorated titles and messages (`en` when absent) |
//! | `no_framework_impls` | leave out `IntoResponse` (axum), `ResponseError` (actix-web) and `From<E> for tonic::Status`, for an author who writes their own |
//!
//! Also on an enum, `#[meta(key = "value", …)]`: facts every variant has unless it gives
//! the key itself (see `#[meta]` below); and `#[retry_after(30)]`: the delay of every 429
//! and 503 variant without its own.
//!
//! On each variant (or on the struct itself):
//!
//! | attribute | meaning |
//! |---|---|
//! | `#[status(404)]` | HTTP status, `400..=599` |
//! | `#[code("not_found")]` | machine code: non-empty, no whitespace or control characters |
//! | `#[message("… {field} … {0} …")]` | message template over the variant's fields; without it thiserror's `#[error("…")]` is the template where it can be (see [Pairing with thiserror](#pairing-with-thiserror)), else the type's `Display` is the message |
//! | `#[title("Not Found")]` | short summary; defaults to the variant name in words |
//! | `#[message(ja = "…", th = "…")]`, `#[title(ja = "…")]` | translations, checked like the default; `Accept-Language` chooses among them and `Content-Language` names the one written |
//! | `/// doc comment` | the description |
//! | `#[description(ja = "…")]` | the description in another language |
//! | `#[field("purchase.amount")]` | constant Oney `field` |
//! | `#[meta(stripe_type = "card_error", doc_url = "https://…")]` | facts a wire format needs that the derive does not model: keys are identifiers, values string literals, each key once per variant; several attributes allowed; read with [`VariantMeta::meta_value`] |
//! | `#[retry_after(5)]` | on a 429 or 503 variant (a compile error elsewhere): seconds to wait, sent as the `Retry-After` header in every format and as Google's `RetryInfo` |
//!
//! On a field: `#[source]` / `#[from]` (shared with thiserror: never printed unless the
//! template names it, and never by a 5xx template), `#[field]` (its value is the Oney
//! `field`), `#[message]` (an `Option` whose `Some` replaces the default message).
//!
//! ## Pairing with thiserror
//!
//! `#[derive(thiserror::Error, ApiError)]` is a supported pairing. Where a variant has no
//! `#[message]`, its `#[error("…")]` (or the enum's, which thiserror gives every variant
//! without one; or a struct's) is the message template, exactly as if it were written in
//! `#[message]`: the message renders as thiserror's `Display`, the catalog holds the
//! template ([`VariantMeta::message`], [`VariantMeta::pieces`]), a client captures the
//! fields back into the typed variant, the Google format's `ErrorInfo.metadata` carries
//! them. thiserror's placeholders are understood: `{field}`, `{0}`, format specs (`{id:?}`,
//! `{id:>5}`, `{n:.2}`, `{n:#x}`) and `{{` / `}}`.
//!
//! ```
//! use apierror::ApiError;
//!
//! #[derive(Debug, PartialEq, thiserror::Error, ApiError)]
//! pub enum StoreError {
//!     #[error("transfer {0} not found")]
//!     #[status(404)]
//!     #[code("not_found")]
//!     NotFound(String),
//! }
//!
//! let err = StoreError::NotFound("trsf_test_1".into());
//! assert_eq!(err.message().to_string(), "transfer trsf_test_1 not found");
//! assert_eq!(err.meta().message, Some("transfer {0} not found"));
//!
//! // The client side reads the field back from a received body.
//! let body = br#"{"object":"error","code":"not_found","message":"transfer trsf_test_1 not found"}"#;
//! let headers = http::HeaderMap::new();
//! let decoded = apierror::parse::decode::<StoreError>(404, &headers, body, &Default::default());
//! assert_eq!(decoded.typed(), Some(&err));
//! ```
//!
//! A text is the template only where the derive can read it back and it may go on the
//! wire; otherwise the type's `Display` stays the message, whole and opaque, as without
//! `#[error]` ([`VariantMeta::message`] is `None`), and where the variant has fields the
//! body does not carry, its catalog entry says the client can never rebuild it
//! ([`VariantMeta::rebuildable`] is `false`: it decodes untyped). Not read as a template:
//!
//! - `#[error(transparent)]` and `#[error(fmt = …)]`;
//! - a format string with arguments: member access and expressions
//!   (`#[error("{}", .items.len())]`, `#[error("{first}", first = .items[0])]`);
//! - a placeholder that names no field of the variant (thiserror leaves it to `format!`,
//!   which finds a constant of that name), or a width or precision taken from an argument
//!   (`{0:1$}`, `{:.*}`);
//! - a `Path` or `PathBuf` field printed without a spec (thiserror prints it through
//!   `.display()`).
//!
//! **Server errors.** The message of a 5xx whose text comes from `Display` never reaches
//! the wire: the status's canonical reason (`Internal Server Error`) is written instead,
//! since such a text may carry a source's details. A 5xx's `#[error]` text is never its
//! template, even a literal (`#[error("connection to db-7 refused")]`): thiserror's text is
//! written for the log, and may name what a client must not see. Logs still get the whole
//! `Display`; write `#[message("…")]` to put a 5xx's text on the wire.
//!
//! ```
//! use apierror::ApiError;
//!
//! #[derive(Debug, thiserror::Error, ApiError)]
//! pub enum DbError {
//!     #[error("database unavailable")]
//!     #[status(503)]
//!     #[code("db_unavailable")]
//!     Unavailable(#[source] std::io::Error),
//!
//!     #[error("query failed: {0}")]
//!     #[status(500)]
//!     #[code("query_failed")]
//!     #[message("the query could not be run")]
//!     Query(String),
//! }
//!
//! assert_eq!(DbError::catalog().variants[0].message, None); // its text stays off the wire
//! let err = DbError::Query("relation \"users\" does not exist".into());
//! assert_eq!(err.meta().message, Some("the query could not be run"));
//! assert_eq!(err.message().to_string(), "the query could not be run");
//! ```
//!
//! ## Wire formats
//!
//! A wire format is a value implementing [`format::WireFormat`]: the built-ins
//! ([`format::OmiseFormat`], [`format::ProblemFormat`] for plain RFC 9457 and the Vipps
//! ePayment profile, [`format::OneyFormat`], [`format::GoogleFormat`]) and any of your
//! own. A [`Renderer`] offers the formats you chose, writes any error into a caller's
//! buffer, or builds an `http::Response` with the exact headers. The format is the
//! server's choice or negotiated from `Accept` among those offered; per-request values
//! travel in a validated [`RequestContext`].
//!
//! ```
//! use apierror::{ApiError, Format, Renderer, RequestContext};
//!
//! #[derive(Debug, ApiError)]
//! enum ChargeError {
//!     #[status(400)]
//!     #[code("used_token")]
//!     #[message("token was already used")]
//!     UsedToken,
//! }
//!
//! let renderer = Renderer::new(Format::Omise).with_offers(&[Format::Omise, Format::Problem]);
//! let ctx = RequestContext::new().with_instance("/charges")?;
//!
//! let mut buf = Vec::with_capacity(256);
//! renderer.render(Format::Omise, &ChargeError::UsedToken, &ctx, &mut buf);
//! assert_eq!(
//!     std::str::from_utf8(&buf).unwrap(),
//!     r#"{"object":"error","location":"https://www.omise.co/api-errors#used-token","code":"used_token","message":"token was already used"}"#
//! );
//!
//! let format = renderer.negotiate("application/problem+json");
//! let res = renderer.response(format, &ChargeError::UsedToken, &ctx);
//! assert_eq!(res.status(), 400);
//! assert_eq!(res.headers()["content-type"], "application/problem+json");
//! assert_eq!(
//!     std::str::from_utf8(res.body()).unwrap(),
//!     r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"token was already used","instance":"/charges","code":"used_token"}"#
//! );
//! # Ok::<(), apierror::ContextError>(())
//! ```
//!
//! ## Validation failures
//!
//! Every invalid field of a request in one answer, in the API's own format: a
//! [`validation::ValidationFailure`] is a summary error of your catalog over the
//! [`FieldViolation`]s a validator reported (from `validator` or `garde`, or your own),
//! each written with its [`FieldPath`] in the format's own [`Notation`]. The validated
//! extractors of the framework integrations (`Valid<Json<T>>`, `Garde<Json<T>>`) answer
//! with one; see [`mod@validation`].

#![forbid(unsafe_code)]
#![warn(missing_docs)]

// Lets the derive's `::apierror::…` paths resolve inside this crate, for `web::RejectionError`
// and `validation::InvalidFields`.
extern crate self as apierror;

#[cfg(feature = "actix-web")]
pub mod actix;
#[cfg(feature = "axum")]
pub mod axum;
mod integrations;
// The integrations' impls macros without their feature (see `integrations.rs`).
#[cfg(not(feature = "actix-web"))]
#[doc(hidden)]
pub use crate::__no_impls as __actix_impls;
#[cfg(not(feature = "axum"))]
#[doc(hidden)]
pub use crate::__no_impls as __axum_impls;
#[cfg(not(feature = "tonic"))]
#[doc(hidden)]
pub use crate::__no_impls as __tonic_impls;
#[cfg(feature = "reqwest")]
pub mod reqwest;
#[cfg(feature = "tonic")]
pub mod tonic;
pub mod validation;
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub mod web;
#[cfg(feature = "wiremock")]
pub mod wiremock;

pub use apierror_macros::ApiError;
#[cfg(feature = "utoipa")]
#[doc(inline)]
pub use apierror_runtime::openapi;
#[doc(inline)]
pub use apierror_runtime::{
    parse, ApiError, ArgsError, Catalog, ContextError, DynamicError, FieldPath, FieldViolation,
    Format, Localized, Message, MessageSink, Notation, Renderer, RequestContext, Rule, Segment,
    Translation, VariantMeta, View, Violations, MAX_VIOLATIONS,
};

/// The wire formats: the runtime's built-ins and trait ([`WireFormat`](format::WireFormat)),
/// and the formats of the `apierror-formats` crate, written through that trait alone.
pub mod format {
    #[doc(inline)]
    pub use apierror_formats::{JsonApi, Microsoft, Stripe, StripeType};
    #[doc(inline)]
    pub use apierror_runtime::format::*;
}

/// What generated code reaches, through `::apierror::__private::…` only. Not public API:
/// names may change in any release.
#[doc(hidden)]
pub mod __private {
    pub use apierror_runtime::private::*;

    pub use crate::__framework_impls as framework_impls;
    #[cfg(feature = "actix-web")]
    pub use crate::integrations::actix;
    #[cfg(feature = "axum")]
    pub use crate::integrations::axum;
    /// What the derive's `From<E> for tonic::Status` impls name.
    #[cfg(feature = "tonic")]
    pub mod tonic {
        pub use ::tonic::Status;
    }
}

/// The README's Rust examples, compiled and run as doctests, so that what a newcomer reads
/// first stays true. They use every integration: tested with all features, as CI does.
#[cfg(all(
    doctest,
    feature = "axum",
    feature = "reqwest",
    feature = "wiremock",
    feature = "tonic",
    feature = "validator"
))]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
