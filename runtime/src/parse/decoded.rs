//! What lenient decoding gives: [`Decoded`], the typed variant or [`Decoded::Unrecognised`],
//! each with the [`ErrorResponse`] facts of what was received.

use std::time::{Duration, SystemTime};

use super::ReceivedBody;
use crate::format::Format;
use crate::model::catalog::VariantMeta;

/// An HTTP error response decoded leniently by [`decode`](super::decode): never a failure.
#[derive(Debug, Clone, PartialEq)]
pub enum Decoded<E> {
    /// The body's code names a variant of `E`, and every field of the variant was read
    /// back from the body.
    Typed {
        /// The typed error.
        error: E,
        /// What else the response said (trace id, `Retry-After`, …).
        response: ErrorResponse,
    },
    /// Anything else: a code `E`'s catalog does not have (or a variant whose fields could
    /// not be read back, see [`ErrorResponse::meta`]), a body in no known format, an HTML
    /// page from a gateway, an empty body. Everything that could be read is kept.
    Unrecognised(ErrorResponse),
}

impl<E> Decoded<E> {
    /// The facts of the response, typed or not.
    pub fn response(&self) -> &ErrorResponse {
        match self {
            Decoded::Typed { response, .. } | Decoded::Unrecognised(response) => response,
        }
    }

    /// The typed error, if the body decoded to one.
    pub fn typed(&self) -> Option<&E> {
        match self {
            Decoded::Typed { error, .. } => Some(error),
            Decoded::Unrecognised(_) => None,
        }
    }

    /// The typed error, if the body decoded to one.
    pub fn into_typed(self) -> Option<E> {
        match self {
            Decoded::Typed { error, .. } => Some(error),
            Decoded::Unrecognised(_) => None,
        }
    }
}

/// What an HTTP error response said, as far as it could be read: the facts every client
/// wants whether or not the error is in its catalog.
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorResponse {
    /// The HTTP status.
    pub status: u16,
    /// The trace id: the body's `traceId`, else the `traceparent` header.
    pub trace_id: Option<String>,
    /// The `Retry-After` header, when it was valid.
    pub retry_after: Option<RetryAfter>,
    /// The `Content-Type` header, when it was text.
    pub content_type: Option<String>,
    /// The language of the text: the `Content-Language` header, else Oney's
    /// `language_code`.
    pub language: Option<String>,
    /// The catalog entry the code names, where the catalog asked for has it (also when its
    /// fields could not be read back into a typed value).
    pub meta: Option<&'static VariantMeta>,
    /// The body as read, where it was in one of the wire formats: its code and message are
    /// [`ErrorResponse::code`] and [`ErrorResponse::message`].
    pub body: Option<ReceivedBody>,
    /// The `message` member of a JSON body in none of the wire formats, such as an API
    /// gateway's own `{"statusCode": 401, "message": "Access denied…"}`.
    pub gateway_message: Option<String>,
    /// For an unrecognised response, the first bytes of the body (at most
    /// [`DecodeOptions::max_raw_bytes`](super::DecodeOptions::max_raw_bytes)); empty for a
    /// typed one.
    pub raw: Vec<u8>,
    /// Whether `raw` was cut.
    pub raw_truncated: bool,
}

impl ErrorResponse {
    /// The wire format the body was read as; `None` when it was in none (an HTML page, an
    /// empty body, a gateway's own JSON).
    pub fn format(&self) -> Option<Format> {
        self.body.as_ref().map(|b| b.format)
    }

    /// The error's code (Omise `code`, problem `code`, the Vipps `ErrorCode`, the first
    /// Oney `error_code`), if the body carried one.
    pub fn code(&self) -> Option<&str> {
        self.body.as_ref()?.code.as_deref()
    }

    /// The message (Omise `message`, problem `detail`, the first Oney `error_label`, a
    /// gateway's `message`), if the body carried one.
    pub fn message(&self) -> Option<&str> {
        match &self.body {
            Some(body) => body.message.as_deref(),
            None => self.gateway_message.as_deref(),
        }
    }
}

/// A `Retry-After` header (RFC 9110 section 10.2.3): a delay in seconds, or a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryAfter {
    /// Retry after this long.
    Delay(Duration),
    /// Retry at this time.
    At(SystemTime),
}

impl RetryAfter {
    /// Reads a header value; `None` for anything that is neither a number of seconds nor
    /// an HTTP date.
    ///
    /// ```
    /// use apierror::parse::RetryAfter;
    /// use std::time::Duration;
    ///
    /// assert_eq!(RetryAfter::parse("120"), Some(RetryAfter::Delay(Duration::from_secs(120))));
    /// assert!(matches!(RetryAfter::parse("Fri, 31 Dec 1999 23:59:59 GMT"), Some(RetryAfter::At(_))));
    /// assert_eq!(RetryAfter::parse("soon"), None);
    /// ```
    pub fn parse(value: &str) -> Option<RetryAfter> {
        let value = value.trim();
        if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
            // A number too large for u64 is refused rather than wrapped.
            return value
                .parse()
                .ok()
                .map(Duration::from_secs)
                .map(RetryAfter::Delay);
        }
        httpdate::parse_http_date(value).ok().map(RetryAfter::At)
    }

    /// How long to wait from `now`: zero for a date in the past.
    pub fn delay_from(&self, now: SystemTime) -> Duration {
        match *self {
            RetryAfter::Delay(delay) => delay,
            RetryAfter::At(at) => at.duration_since(now).unwrap_or_default(),
        }
    }
}
