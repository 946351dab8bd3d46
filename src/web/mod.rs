//! What the framework integrations share: the request context read from a request's
//! headers, and the catalog errors that answer a framework's own rejections.
//!
//! A rejection of a request's body, query string, form or path parameter names the member
//! it is about where the framework's text says which ([`Rejection::field`]): it is answered
//! as a [`ValidationFailure`](crate::validation::ValidationFailure) whose summary is the
//! catalog error the rejection maps to (the built-in [`RejectionError`], or the
//! application's own through `map_rejections`) and whose one violation is that member, so
//! that each format writes it in its own place and notation (`/items/0/qty` in a problem's
//! `errors`, `items[0].qty` in Oney's `field`). Neither the detail nor the violation quotes
//! what the request sent: serde's message is told in the server's own words (`has the
//! wrong type, expected u32`).
//!
//! ```
//! use apierror::web::{Rejection, RejectionError};
//! use apierror::{ApiError, Notation};
//!
//! let r = Rejection::new(400, "Failed to deserialize query string: limit: invalid digit found in string");
//! assert_eq!(r.field().unwrap().display(Notation::Pointer).to_string(), "/limit");
//! assert_eq!(r.detail, "Failed to deserialize query string: limit: has an invalid value");
//! // The member's violation says what is wrong: the summary keeps its own message.
//! assert_eq!(RejectionError::from_rejection(&r).message().to_string(), "the request could not be read");
//! ```
//!
//! ```
//! use apierror::web::{request_context, Rejection, RejectionError};
//! use apierror::ApiError;
//!
//! let ctx = request_context(
//!     "/transfers/trsf_test_1",
//!     Some("00-813b63975adcaaeef2b0ec7c103c40e3-706492e906541d31-01"),
//!     Some("ja-JP,en;q=0.8"),
//! );
//! assert_eq!(ctx.instance(), Some("/transfers/trsf_test_1"));
//! assert_eq!(ctx.trace_id(), Some("00-813b63975adcaaeef2b0ec7c103c40e3-706492e906541d31-01"));
//! assert_eq!(ctx.accept_language(), Some("ja-JP,en;q=0.8"));
//!
//! // An invalid traceparent is replaced by a fresh one.
//! let ctx = request_context("/", Some("garbage"), None);
//! assert!(apierror::web::is_traceparent(ctx.trace_id().unwrap()));
//!
//! let err = RejectionError::from_rejection(&Rejection::new(405, ""));
//! assert_eq!(err.code(), "method_not_allowed");
//! ```
//!
//! # One policy, one adapter per framework
//!
//! Everything an integration decides lives here, once: the settings (renderer, fixed or
//! negotiated format, rejection mapper), the verdict on a response (re-render a handler's
//! error, map a rejection, or pass it through), the answer (context, format, render,
//! `Vary: accept`, which headers of the old response survive), rejection detection and
//! mapping, the request context, the wrapper for errors of other crates, the render of a
//! handler's error where no middleware is, the log span of a request and the log line of a
//! server error. The items named below are the crate's own (files of `src/web/`, not
//! public API): this list is for a contributor adding an adapter. An adapter
//! (`src/axum.rs`, `src/actix.rs`) only translates its framework's types. A new
//! framework's adapter provides:
//!
//! 1. **Headers**: an impl of `web::request_headers::Headers` for its header map (first value and
//!    every value of a header, as bytes; `http` 1's `HeaderMap` has one), so
//!    [`request_context`] and negotiation read it. A middleware that hands the request on
//!    by value (tower) keeps what an error reads with `web::kept_request::Held` instead: copies in
//!    a small inline room, no atomic count, nothing read unless an error comes back.
//! 2. **Settings**: a public builder over `web::settings::Settings` (negotiated, fixed,
//!    `map_rejections`), held where every request can reach it.
//! 3. **A handler's error in its response**: the framework's response trait for
//!    `web::error::Error` (re-exported as the adapter's `Error` and `Result`) and for
//!    derived types (a `__<framework>_impls!` macro in `src/integrations.rs`, cfg'd by the
//!    feature, with its bounds under a `for<'__x>` binder so that types without them still
//!    compile). It renders with `pending_error::without_context` (so it answers without the
//!    middleware; a middleware that will render anyway may skip it), logs a server error
//!    once (`pending_error::log_if_server_error`), and leaves the error reachable from the response
//!    (`pending_error::Pending` in the extensions, or a downcast from the error the response
//!    already holds).
//! 4. **The middleware**: after the handler, ask `policy::judge` for a verdict (it looks
//!    at `Content-Type` only for an error status); for `Reject`, turn the framework's text
//!    into a catalog error with `Settings::map`; for `Rerender` and `Reject`, call
//!    `Settings::answer` with an `answer::Exchange` (the request's path and headers, the
//!    old response's headers): it reads the context only then, so a success pays nothing
//!    for it.
//! 5. **A span**: the middleware runs the request in `span::request` and records its
//!    trace id with `span::record_trace_id`, handing a fresh one it made to the answer.
//! 6. **A handler's context**: an `ErrorContext` extractor over
//!    `web::error_context::Core`, reading the request's path and headers and the
//!    middleware's settings, whose answers `Settings::answer` renders and marks
//!    `error_context::Answered` (which the middleware passes on without counting it
//!    again). While the middleware polls the handler, it lends what the extractor needs
//!    through a thread-local it takes back after each poll: the fresh trace id it made
//!    for a request without a valid `traceparent`, if any (the extractor makes it there
//!    otherwise, so every answer of the request names the same one), and, for tower,
//!    its settings. A request without an `ErrorContext` pays only for moving a pointer
//!    or two in and out (`src/axum/future.rs`, `src/actix/context.rs`).
//! 7. **A conversion** from the `http::Response<Vec<u8>>` the renderer builds to the
//!    framework's response, when its types are not `http` 1's.
//! 8. **Tests**: `tests/web/<framework>.rs` with exact bytes and headers: a handler's
//!    `Result<T, MyError>` with and without the middleware, negotiation and `Vary`, the
//!    trace id, each kind of rejection (`tests/web/rejections.rs`), and the handler's
//!    context (`tests/web/error_context.rs`).

pub(crate) mod answer;
pub(crate) mod error;
pub(crate) mod error_context;
#[cfg(feature = "axum")]
mod inline_bytes;
#[cfg(feature = "axum")]
pub(crate) mod kept_request;
pub mod observe;
pub(crate) mod panic;
pub(crate) mod pending_error;
pub(crate) mod policy;
mod rejection;
pub(crate) mod request_headers;
pub(crate) mod settings;
pub(crate) mod span;

pub use panic::log_panic_locations;
pub use rejection::{Rejection, RejectionError};
pub use request_headers::{is_traceparent, request_context};
