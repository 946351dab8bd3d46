//! [`http::Response`] building with each format's exact headers.

use http::header::{HeaderMap, HeaderValue, CONTENT_LANGUAGE, CONTENT_TYPE, RETRY_AFTER, VARY};
use http::Response;

use crate::format::Format;
use crate::format::{Body, WireFormat};
use crate::model::api_error::ApiError;
use crate::model::catalog::same_language;
use crate::negotiate::language;
use crate::render::Renderer;
use crate::request::context::RequestContext;

/// Room for a typical body, so most responses grow their buffer once.
const INITIAL_CAPACITY: usize = 256;

impl Renderer {
    /// The response for `err` in `format`.
    ///
    /// Status: the error's status (500 if it is not an error status). Headers:
    /// `Content-Type: application/json; charset=utf-8` for Omise and Oney,
    /// `application/problem+json` (no parameters) for problems; `Content-Language`, the
    /// language the body is written in (each of them, for errors that share none);
    /// `Vary: accept-language` where the error has more than one language, so the
    /// request's preferences chose among them.
    ///
    /// ```
    /// use apierror::{ApiError, Format, Renderer, RequestContext};
    ///
    /// #[derive(Debug, ApiError)]
    /// enum E {
    ///     #[status(404)]
    ///     #[code("not_found")]
    ///     #[message("charge was not found")]
    ///     NotFound,
    /// }
    ///
    /// let res = Renderer::default().response(Format::Problem, &E::NotFound, &RequestContext::new());
    /// assert_eq!(res.status(), 404);
    /// assert_eq!(res.headers()["content-type"], "application/problem+json");
    /// assert_eq!(res.headers()["content-language"], "en");
    /// ```
    pub fn response(
        &self,
        format: Format,
        err: &dyn ApiError,
        ctx: &RequestContext<'_>,
    ) -> Response<Vec<u8>> {
        self.response_all(format, &[err], ctx)
    }

    /// The response for several errors in one body (see [`Renderer::render_all`]); the
    /// status is the first error's. The headers come from what the format says of itself
    /// ([`WireFormat`]): its `Content-Type`, `Content-Language` naming every language its
    /// texts are in, and its own headers; and `Retry-After` where the first error's variant
    /// has `#[retry_after]`.
    pub fn response_all(
        &self,
        format: Format,
        errors: &[&dyn ApiError],
        ctx: &RequestContext<'_>,
    ) -> Response<Vec<u8>> {
        let resolved = self.resolved(format);
        let chosen = language::for_errors(errors, ctx);
        let body = Body::in_language(errors, ctx, chosen.written());
        let mut bytes = Vec::with_capacity(INITIAL_CAPACITY);
        resolved.write(&body, &mut bytes);
        let wire = resolved.wire;
        let mut response = Response::new(bytes);
        *response.status_mut() = wire.status(&body);
        let headers = response.headers_mut();
        headers.insert(CONTENT_TYPE, resolved.content_type.clone());
        headers.insert(CONTENT_LANGUAGE, content_language(wire, &body));
        if chosen.negotiable {
            // Another `Accept-Language` could have given another body.
            headers.insert(VARY, const { HeaderValue::from_static("accept-language") });
        }
        if let Some(seconds) = body.first().meta().retry_after {
            // `#[retry_after]` is checked at compile time to stand on a 429 or 503.
            headers.insert(RETRY_AFTER, HeaderValue::from(seconds));
        }
        wire.headers(&body, headers);
        response
    }

    /// The response in the format negotiated from the request's headers, with
    /// `Vary: accept` (and `accept-language`) since the body depends on them.
    pub fn negotiated_response(
        &self,
        request_headers: &HeaderMap,
        err: &dyn ApiError,
        ctx: &RequestContext<'_>,
    ) -> Response<Vec<u8>> {
        self.negotiated_response_all(request_headers, &[err], ctx)
    }

    /// [`Renderer::negotiated_response`] for several errors.
    pub fn negotiated_response_all(
        &self,
        request_headers: &HeaderMap,
        errors: &[&dyn ApiError],
        ctx: &RequestContext<'_>,
    ) -> Response<Vec<u8>> {
        let format = self.negotiate_headers(request_headers);
        let mut response = self.response_all(format, errors, ctx);
        vary_on_accept(response.headers_mut());
        response
    }
}

/// `Content-Language` for `lang`. The catalog's languages are checked language tags, so
/// they are valid header values; `en` covers the impossible failure rather than a panic.
/// English is a static value: no allocation for the commonest body.
fn language_header(lang: &str) -> HeaderValue {
    match lang {
        "en" => const { HeaderValue::from_static("en") },
        other => HeaderValue::from_str(other).unwrap_or_else(|_| HeaderValue::from_static("en")),
    }
}

/// `Content-Language` for `body` in `wire`. The commonest body, one error that is not a
/// validation failure, written in its default language, has its message in that language
/// and no localized copy: only the title's language, which the format says, may add one.
fn content_language(wire: &dyn WireFormat, body: &Body<'_>) -> HeaderValue {
    match body.errors() {
        [err] if body.written() == language::DEFAULT && !body.is_summary() => {
            let message = err.meta().language;
            let title = match wire.carries().title {
                true => wire.title_language(body, *err),
                false => message,
            };
            match same_language(title, message) {
                true => language_header(message),
                false => languages_header([message, title].into_iter()),
            }
        }
        _ => languages_header(languages_written(wire, body)),
    }
}

/// Every language the texts of `body` in `wire` are in, the first error's message's first
/// (a language may come more than once), from what the format says it carries.
fn languages_written<'b>(
    wire: &'b dyn WireFormat,
    body: &'b Body<'b>,
) -> impl Iterator<Item = &'static str> + Clone + 'b {
    let carries = wire.carries();
    let first = body.first();
    let chosen = body.message_language(first);
    // A developer-facing message in each error's default language, with a copy of the
    // first in the language chosen (Google's `LocalizedMessage`); else each message in
    // the language chosen where the error has it.
    let message = move |err: &dyn ApiError| match carries.localized_copy {
        true => err.meta().language,
        false => body.message_language(err),
    };
    // A validation failure's own message, unless the format writes its violations' alone.
    let summary = body.is_summary();
    let first_message = !summary || carries.summary_message;
    let localized = (first_message
        && carries.localized_copy
        && !chosen.eq_ignore_ascii_case(first.meta().language))
    .then_some(chosen);
    // A format that does not write a failure's message does not write its title either.
    let title = (first_message && carries.title).then(|| wire.title_language(body, first));
    // The entries after the first error; all of them where they are a validation
    // failure's violations, which do not repeat it. A format without a list that does
    // not write the failure's message writes the first violation's in its place.
    let skip = usize::from(!summary);
    let take = match (carries.list, summary) {
        (true, _) => usize::MAX,
        (false, true) => usize::from(!carries.summary_message),
        (false, false) => 0,
    };
    let rest = body.entries().iter().skip(skip).take(take);
    [first_message.then(|| message(first)), localized, title]
        .into_iter()
        .flatten()
        .chain(rest.map(message))
}

/// `Content-Language` naming each of `languages` once, in order, as RFC 9110 section 8.5
/// allows for content meant for several audiences. A body in one language (the usual
/// case) allocates nothing.
fn languages_header(languages: impl Iterator<Item = &'static str> + Clone) -> HeaderValue {
    let mut all = languages.clone();
    let first = all.next().unwrap_or("en");
    if all.all(|lang| lang.eq_ignore_ascii_case(first)) {
        return language_header(first);
    }
    // Written straight into the value's text: one allocation for it, one for the header.
    let mut joined = String::with_capacity(16);
    for lang in languages {
        if !joined
            .split(", ")
            .any(|seen| seen.eq_ignore_ascii_case(lang))
        {
            if !joined.is_empty() {
                joined.push_str(", ");
            }
            joined.push_str(lang);
        }
    }
    HeaderValue::from_str(&joined).unwrap_or_else(|_| language_header(first))
}

/// Adds `accept` to the response's `Vary`: the body also depends on the request's `Accept`
/// (`accept, accept-language` where it depends on both).
pub fn vary_on_accept(headers: &mut HeaderMap) {
    let both = headers
        .get(VARY)
        .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"accept-language"));
    let value = if both {
        const { HeaderValue::from_static("accept, accept-language") }
    } else {
        const { HeaderValue::from_static("accept") }
    };
    headers.insert(VARY, value);
}
