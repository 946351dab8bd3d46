//! Framework rejections: telling them apart from a handler's responses, reading the
//! member a rejection is about from the framework's text, and the catalog errors that
//! answer them.
//!
//! A rejection of a request's body, query string, form or path parameter names the member
//! it is about where the framework's text says which (see [`Rejection::new`]): it is
//! answered as a [`ValidationFailure`] whose summary is the catalog error it maps to and
//! whose one violation is that member, so that every format writes the member in its own
//! place and notation. Neither the detail nor the violation quotes what the request sent.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use super::pending_error::WireError;
use super::request_headers::visible;
use crate::validation::ValidationFailure;
use crate::{ApiError, FieldPath, FieldViolation};

mod texts;

/// Most bytes of a rejection's text kept as its [`Rejection::detail`]: enough for any
/// framework message, little enough to keep error bodies small.
pub(crate) const MAX_DETAIL_LEN: usize = 300;

/// A framework's own refusal of a request (malformed body, bad parameter, unknown route,
/// wrong method, …): its status, the text the framework gave (cut to 300 bytes, and told
/// without what the request sent where apierror knows the text), and the member of the
/// request it is about, where the framework says.
///
/// ```
/// use apierror::web::Rejection;
/// use apierror::{ApiError, Notation};
///
/// let r = Rejection::new(
///     422,
///     r#"Failed to deserialize the JSON body into the target type: items[0].qty: invalid type: string "x", expected u32 at line 1 column 41"#,
/// );
/// let field = r.field().unwrap().display(Notation::Dotted).to_string();
/// assert_eq!(field, "items[0].qty");
/// assert_eq!(r.violation().unwrap().code(), "invalid_type");
/// assert_eq!(
///     r.detail,
///     "Failed to deserialize the JSON body into the target type: items[0].qty: has the wrong type, expected u32"
/// );
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Rejection {
    /// The status the framework chose.
    pub status: u16,
    /// The framework's text (may be empty, e.g. for 404 and 405). A text of axum or
    /// actix-web that quotes the request (a deserialization failure, a path parameter that
    /// does not parse) is told again without it, and with serde's message in its own words
    /// (`has the wrong type, expected u32`).
    pub detail: String,
    /// The member the rejection is about, as a violation of a validation failure.
    violation: Option<FieldViolation>,
}

// Every part compares as `Eq` does: a violation's rule holds texts and integers only.
impl Eq for Rejection {}

impl Rejection {
    /// The rejection of a framework's `status` and `text`.
    ///
    /// Where `text` is one of axum's or actix-web's deserialization failures (a JSON,
    /// form or query extractor's, or a path parameter's), the member it is about becomes
    /// [`Rejection::violation`] (the path axum names, `items[0].qty`; the member serde's
    /// message names, `missing field `sku``) and the detail is the text told again
    /// without what the request sent. Any other text is the detail as it is. The detail is
    /// cut at a character boundary to 300 bytes and trimmed.
    ///
    /// actix-web's extractors do not track where in a nested body a value failed: their
    /// texts name a member only where serde's message does, by its name alone.
    pub fn new(status: u16, text: impl Into<String>) -> Self {
        let text: String = text.into();
        let (detail, violation) = match texts::read(&text) {
            Some(read) => (read.detail, read.violation),
            None => (text, None),
        };
        Rejection {
            status,
            detail: cut(detail),
            violation,
        }
    }

    /// The same rejection about the member `violation` names, in place of any it had: for
    /// an integration of another framework, which reads its own texts.
    #[must_use]
    pub fn with_violation(mut self, violation: FieldViolation) -> Self {
        self.violation = Some(violation);
        self
    }

    /// The detail, or `None` when the framework gave no text.
    pub fn detail(&self) -> Option<&str> {
        (!self.detail.is_empty()).then_some(&*self.detail)
    }

    /// The path of the member of the request the rejection is about, where the
    /// framework's text says which.
    pub fn field(&self) -> Option<&FieldPath> {
        self.violation.as_ref().map(FieldViolation::path)
    }

    /// The member the rejection is about, as the violation its answer carries: its path,
    /// a code of the failure's kind (`invalid_type`, `missing_field`, `unknown_field`,
    /// `invalid_json`, …) and a message made of what the server's types say.
    pub fn violation(&self) -> Option<&FieldViolation> {
        self.violation.as_ref()
    }
}

/// `detail` cut at a character boundary to [`MAX_DETAIL_LEN`] bytes, and trimmed.
fn cut(mut detail: String) -> String {
    if detail.len() > MAX_DETAIL_LEN {
        let mut end = MAX_DETAIL_LEN;
        while !detail.is_char_boundary(end) {
            end -= 1;
        }
        detail.truncate(end);
    }
    match detail.trim() {
        trimmed if trimmed.len() == detail.len() => detail,
        trimmed => trimmed.to_owned(),
    }
}

/// What answers `rejection`: `err`, the catalog error it maps to, carrying the violation of
/// the member the rejection is about (`err` is then the failure's summary). An `err` that
/// carries violations of its own is answered as it is.
pub(crate) fn answer<E>(rejection: &Rejection, err: E) -> Arc<dyn WireError>
where
    E: ApiError + std::error::Error + Send + Sync + 'static,
{
    match rejection.violation() {
        Some(violation) if err.violations().is_empty() => {
            Arc::new(ValidationFailure::with_summary(err, [violation.clone()]))
        }
        _ => Arc::new(err),
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
        /// The framework's reason, when it gave one (told without what the request sent).
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
        /// The framework's reason, when it gave one (told without what the request sent).
        #[message]
        message: Option<Cow<'static, str>>,
    },
    /// The body is well-formed but does not hold what the endpoint expects.
    #[status(422)]
    #[code("unprocessable_entity")]
    #[message("the request body does not hold the expected data")]
    UnprocessableEntity {
        /// The framework's reason, when it gave one (told without what the request sent).
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
    /// `internal_error`. Where the variant takes a message, it is the rejection's
    /// [`detail`](Rejection::detail) (never the request's own text, see [`Rejection::new`]),
    /// or the variant's own where the rejection names a member: its violation says what
    /// is wrong there, and the integrations answer with both (the error as the summary of a
    /// [`ValidationFailure`]).
    pub fn from_rejection(rejection: &Rejection) -> Self {
        let message = match rejection.violation() {
            Some(_) => None,
            None => rejection.detail().map(|d| Cow::Owned(d.to_owned())),
        };
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
