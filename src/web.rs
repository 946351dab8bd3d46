//! What the framework integrations share: the request context read from a request's
//! headers, and the catalog errors that answer a framework's own rejections.
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
//! assert_eq!(ctx.language(), "ja-JP");
//!
//! // An invalid traceparent is replaced by a fresh one; a bad language falls back to `en`.
//! let ctx = request_context("/", Some("garbage"), Some("???"));
//! assert!(apierror::web::is_traceparent(ctx.trace_id().unwrap()));
//! assert_eq!(ctx.language(), "en");
//!
//! let err = RejectionError::from_rejection(&Rejection::new(405, ""));
//! assert_eq!(err.code(), "method_not_allowed");
//! ```

use std::borrow::Cow;
use std::collections::hash_map::RandomState;
use std::fmt;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::{ApiError, RequestContext};

/// Most bytes of a rejection's text kept as its [`Rejection::detail`]: enough for any
/// framework message, little enough to keep error bodies small.
pub const MAX_DETAIL_LEN: usize = 300;

/// The context of a request: `instance` = its path, trace id = its W3C `traceparent` when
/// valid (otherwise a fresh one), language = the first tag of `Accept-Language` when it is
/// a language tag (otherwise the default `en`). Never fails: a value that does not validate
/// is left out rather than failing the response.
pub fn request_context(
    path: &str,
    traceparent: Option<&str>,
    accept_language: Option<&str>,
) -> RequestContext<'static> {
    let mut ctx = RequestContext::new();
    if let Ok(with) = ctx.clone().with_instance(path.to_owned()) {
        ctx = with;
    }
    let trace_id = match traceparent.map(str::trim) {
        Some(given) if is_traceparent(given) => given.to_owned(),
        _ => fresh_traceparent(),
    };
    if let Ok(with) = ctx.clone().with_trace_id(trace_id) {
        ctx = with;
    }
    if let Some(tag) = accept_language.and_then(first_language) {
        if let Ok(with) = ctx.clone().with_language(tag.to_owned()) {
            ctx = with;
        }
    }
    ctx
}

/// The first language of an `Accept-Language` value, without its weight; `None` for `*`
/// or an empty value.
fn first_language(value: &str) -> Option<&str> {
    let first = value.split(',').next()?.split(';').next()?.trim();
    (!first.is_empty() && first != "*").then_some(first)
}

/// Whether `value` is a W3C trace context `traceparent`
/// (`00-<32 hex>-<16 hex>-<2 hex>`, lower case, ids not all zeros, version not `ff`).
pub fn is_traceparent(value: &str) -> bool {
    let b = value.as_bytes();
    let hex = |s: &[u8]| s.iter().all(|c| matches!(c, b'0'..=b'9' | b'a'..=b'f'));
    let zero = |s: &[u8]| s.iter().all(|c| *c == b'0');
    b.len() == 55
        && b[2] == b'-'
        && b[35] == b'-'
        && b[52] == b'-'
        && hex(&b[0..2])
        && &b[0..2] != b"ff"
        && hex(&b[3..35])
        && !zero(&b[3..35])
        && hex(&b[36..52])
        && !zero(&b[36..52])
        && hex(&b[53..55])
}

/// A new `traceparent` with random ids.
///
/// The ids come from std's randomly keyed SipHash over a counter and the clock: unique and
/// unpredictable enough for tracing, with no extra dependency (they are not secrets).
pub fn fresh_traceparent() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    let mut hasher = RandomState::new().build_hasher();
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    hasher.write_u128(nanos);
    let high = hasher.finish();
    hasher.write_u8(1);
    let low = hasher.finish();
    hasher.write_u8(2);
    // `| 1` keeps both ids from being all zeros, which the format forbids.
    let parent = hasher.finish() | 1;
    format!("00-{:016x}{:016x}-{parent:016x}-01", high | 1, low)
}

/// A framework's own refusal of a request (malformed body, bad parameter, unknown route,
/// wrong method, …): its status and the text the framework gave, cut to
/// [`MAX_DETAIL_LEN`] bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    /// The status the framework chose.
    pub status: u16,
    /// The framework's text (may be empty, e.g. for 404 and 405).
    pub detail: String,
}

impl Rejection {
    /// A rejection with `detail` cut at a character boundary to [`MAX_DETAIL_LEN`] bytes.
    pub fn new(status: u16, detail: impl Into<String>) -> Self {
        let mut detail: String = detail.into();
        if detail.len() > MAX_DETAIL_LEN {
            let mut end = MAX_DETAIL_LEN;
            while !detail.is_char_boundary(end) {
                end -= 1;
            }
            detail.truncate(end);
        }
        let detail = detail.trim().to_owned();
        Rejection { status, detail }
    }

    /// The detail, or `None` when the framework gave no text.
    pub fn detail(&self) -> Option<&str> {
        (!self.detail.is_empty()).then_some(&*self.detail)
    }
}

/// The built-in catalog answering framework rejections, used unless the application maps
/// them to its own catalog.
#[derive(Debug, Clone, PartialEq, Eq, ApiError)]
pub enum RejectionError {
    /// The request's body, path or query could not be read.
    #[status(400)]
    #[code("bad_request")]
    #[message("the request could not be read")]
    BadRequest {
        /// The framework's reason, when it gave one.
        #[message]
        message: Option<Cow<'static, str>>,
    },
    /// No route matches the request's path.
    #[status(404)]
    #[code("not_found")]
    #[message("no resource matches the request path")]
    NotFound,
    /// The path exists but not with this method.
    #[status(405)]
    #[code("method_not_allowed")]
    #[message("the request method is not allowed for this path")]
    MethodNotAllowed,
    /// The body is larger than the server accepts.
    #[status(413)]
    #[code("payload_too_large")]
    #[message("the request body is too large")]
    PayloadTooLarge,
    /// The body's media type is not one the endpoint reads.
    #[status(415)]
    #[code("unsupported_media_type")]
    #[message("the request body's content type is not supported")]
    UnsupportedMediaType {
        /// The framework's reason, when it gave one.
        #[message]
        message: Option<Cow<'static, str>>,
    },
    /// The body is well-formed but does not hold what the endpoint expects.
    #[status(422)]
    #[code("unprocessable_entity")]
    #[message("the request body does not hold the expected data")]
    UnprocessableEntity {
        /// The framework's reason, when it gave one.
        #[message]
        message: Option<Cow<'static, str>>,
    },
    /// The framework failed on its own side.
    #[status(500)]
    #[code("internal_error")]
    #[message("the request could not be completed due to an internal error")]
    InternalError,
}

impl RejectionError {
    /// The catalog error for a rejection, by its status: 404, 405, 413, 415 and 422 have
    /// their own codes, any other client error is `bad_request`, a server error
    /// `internal_error`. The framework's text is the message where the variant takes one.
    pub fn from_rejection(rejection: &Rejection) -> Self {
        let message = rejection.detail().map(|d| Cow::Owned(d.to_owned()));
        match rejection.status {
            404 => RejectionError::NotFound,
            405 => RejectionError::MethodNotAllowed,
            413 => RejectionError::PayloadTooLarge,
            415 => RejectionError::UnsupportedMediaType { message },
            422 => RejectionError::UnprocessableEntity { message },
            500..=599 => RejectionError::InternalError,
            _ => RejectionError::BadRequest { message },
        }
    }
}

impl fmt::Display for RejectionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.message(), f)
    }
}

impl std::error::Error for RejectionError {}

/// An error on its way to the wire, with its type erased: what the integrations keep in a
/// response's extensions until the request's context is known.
pub(crate) trait WireError: Send + Sync + 'static {
    /// The error as the wire formats see it.
    fn api(&self) -> &dyn ApiError;
    /// The error as `std::error::Error`, for its source chain in logs.
    fn std(&self) -> &(dyn std::error::Error + 'static);
}

impl<E> WireError for E
where
    E: ApiError + std::error::Error + Send + Sync + 'static,
{
    fn api(&self) -> &dyn ApiError {
        self
    }

    fn std(&self) -> &(dyn std::error::Error + 'static) {
        self
    }
}

/// The error a handler returned, kept in the response's extensions for the middleware.
#[derive(Clone)]
pub(crate) struct Pending(pub(crate) Arc<dyn WireError>);

/// Maps a rejection to the application's catalog error.
pub(crate) type RejectionMapper = Arc<dyn Fn(&Rejection) -> Arc<dyn WireError> + Send + Sync>;

/// The default mapper: [`RejectionError::from_rejection`].
pub(crate) fn default_mapper() -> RejectionMapper {
    Arc::new(|r: &Rejection| Arc::new(RejectionError::from_rejection(r)) as Arc<dyn WireError>)
}

/// Wraps an application's mapping function.
pub(crate) fn mapper<F, E>(map: F) -> RejectionMapper
where
    F: Fn(&Rejection) -> E + Send + Sync + 'static,
    E: ApiError + std::error::Error + Send + Sync + 'static,
{
    Arc::new(move |r: &Rejection| Arc::new(map(r)) as Arc<dyn WireError>)
}

/// `err` and its sources joined by `: `, for logs.
pub(crate) fn source_chain(err: &(dyn std::error::Error + 'static)) -> String {
    let mut chain = err.to_string();
    let mut next = err.source();
    while let Some(source) = next {
        chain.push_str(": ");
        chain.push_str(&source.to_string());
        next = source.source();
    }
    chain
}

/// Logs a server error (5xx) with its source chain; client errors are the client's
/// business and are not logged.
pub(crate) fn log_if_server_error(err: &dyn WireError) {
    let api = err.api();
    if api.status().is_server_error() {
        tracing::error!(
            status = api.status().as_u16(),
            code = api.code(),
            error = %source_chain(err.std()),
            "request failed"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traceparents() {
        for _ in 0..100 {
            assert!(is_traceparent(&fresh_traceparent()));
        }
        assert!(!is_traceparent(
            "00-00000000000000000000000000000000-706492e906541d31-01"
        ));
        assert!(!is_traceparent(
            "00-813B63975ADCAAEEF2B0EC7C103C40E3-706492e906541d31-01"
        ));
        assert!(!is_traceparent(
            "ff-813b63975adcaaeef2b0ec7c103c40e3-706492e906541d31-01"
        ));
        assert_ne!(fresh_traceparent(), fresh_traceparent());
    }

    #[test]
    fn detail_is_cut_at_a_char_boundary() {
        let r = Rejection::new(400, "é".repeat(400));
        assert!(r.detail.len() <= MAX_DETAIL_LEN);
        assert_eq!(Rejection::new(404, "  ").detail(), None);
    }
}
