//! Framework rejections: telling them apart from a handler's responses, and the catalog
//! errors that answer them.

use std::borrow::Cow;
use std::fmt;

use super::request_headers::visible;
use crate::ApiError;

/// Most bytes of a rejection's text kept as its [`Rejection::detail`]: enough for any
/// framework message, little enough to keep error bodies small.
pub(crate) const MAX_DETAIL_LEN: usize = 300;

/// A framework's own refusal of a request (malformed body, bad parameter, unknown route,
/// wrong method, …): its status and the text the framework gave, cut to
/// 300 bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    /// The status the framework chose.
    pub status: u16,
    /// The framework's text (may be empty, e.g. for 404 and 405).
    pub detail: String,
}

impl Rejection {
    /// A rejection with `detail` cut at a character boundary to 300 bytes and trimmed.
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
    /// The server failed on its own side: a framework error, or a handler that panicked.
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

/// Whether an error response is the framework's own rejection rather than a handler's
/// answer: an error status (4xx, 5xx) with a plain-text body or none, which is how axum and
/// actix-web answer; a handler's JSON, HTML or other body is left as is. `content_type` is
/// the response's first `Content-Type` value.
pub(crate) fn is_rejection(status: u16, content_type: Option<&[u8]>) -> bool {
    if !(400..=599).contains(&status) {
        return false;
    }
    match content_type {
        None => true,
        Some(value) => visible(value).is_some_and(|v| {
            v.trim_start()
                .to_ascii_lowercase()
                .starts_with("text/plain")
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detail_is_cut_at_a_char_boundary() {
        let r = Rejection::new(400, "é".repeat(400));
        assert!(r.detail.len() <= MAX_DETAIL_LEN);
        assert_eq!(Rejection::new(404, "  ").detail(), None);
    }

    #[test]
    fn rejections_are_plain_text_error_responses() {
        assert!(is_rejection(404, None));
        assert!(is_rejection(400, Some(b" Text/Plain; charset=utf-8")));
        assert!(!is_rejection(400, Some(b"application/json")));
        assert!(!is_rejection(200, None));
        assert!(!is_rejection(302, Some(b"text/plain")));
        // A value that is not visible ASCII is not plain text.
        assert!(!is_rejection(500, Some("text/plain; é".as_bytes())));
    }
}
