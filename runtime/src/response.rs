//! [`http::Response`] building with each format's exact headers.

use http::header::{HeaderMap, HeaderValue, CONTENT_LANGUAGE, CONTENT_TYPE, VARY};
use http::Response;

use crate::format::{primary, wire_status};
use crate::language;
use crate::render::titled;
use crate::{ApiError, Format, Renderer, RequestContext};

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
    /// status is the first error's.
    pub fn response_all(
        &self,
        format: Format,
        errors: &[&dyn ApiError],
        ctx: &RequestContext<'_>,
    ) -> Response<Vec<u8>> {
        let chosen = self.language(format, errors, ctx);
        let mut body = Vec::with_capacity(INITIAL_CAPACITY);
        self.render_all_in(format, errors, ctx, chosen.written(), &mut body);
        let mut response = Response::new(body);
        *response.status_mut() = wire_status(primary(errors));
        let headers = response.headers_mut();
        headers.insert(CONTENT_TYPE, content_type_header(format));
        let language = match format {
            // Only the first error is written; it is in the language chosen.
            Format::Omise => language_header(chosen.lang),
            // Every language written: a Google body's developer-facing texts are in each
            // error's default language, beside a `LocalizedMessage` in the chosen one, and
            // errors that share no language are each in their own.
            _ if format == Format::Google || chosen.mixed => {
                languages_header(languages_written(format, errors, chosen.written()))
            }
            _ => language_header(chosen.lang),
        };
        headers.insert(CONTENT_LANGUAGE, language);
        if chosen.negotiable {
            // Another `Accept-Language` could have given another body.
            headers.insert(VARY, const { HeaderValue::from_static("accept-language") });
        }
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

/// `Content-Type` for `format`, made at compile time: `HeaderValue::from_static` at run
/// time checks every byte of the media type again for each response.
fn content_type_header(format: Format) -> HeaderValue {
    const fn header(format: Format) -> HeaderValue {
        HeaderValue::from_static(format.content_type())
    }
    match format {
        Format::Omise => const { header(Format::Omise) },
        Format::Problem => const { header(Format::Problem) },
        Format::Vipps => const { header(Format::Vipps) },
        Format::Oney => const { header(Format::Oney) },
        Format::Google => const { header(Format::Google) },
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

/// Every language the texts of a body of `errors` in `format` are in, given the writers'
/// language `lang` ([`Chosen::written`](crate::language::Chosen)), the first error's first
/// (a language may come more than once).
fn languages_written<'e>(
    format: Format,
    errors: &'e [&'e dyn ApiError],
    lang: &'static str,
) -> impl Iterator<Item = &'static str> + Clone + 'e {
    let first = primary(errors);
    type Each = fn(&dyn ApiError, &'static str) -> &'static str;
    let (head, each): ([Option<&'static str>; 2], Each) = match format {
        // `message` and each `fieldViolations` description are developer-facing, in the
        // error's default language; a `LocalizedMessage` in `lang` where that is another.
        Format::Google => {
            let localized = (!lang.is_empty() && !lang.eq_ignore_ascii_case(first.meta().language))
                .then_some(lang);
            ([Some(first.meta().language), localized], |e, _| {
                e.meta().language
            })
        }
        // Each error's message where it has one in `lang`, else in its default; the first
        // error's title too, where the format writes one.
        _ => {
            let title = titled(format).then(|| language::title_language(first, lang));
            (
                [Some(language::message_language(first, lang)), title],
                language::message_language,
            )
        }
    };
    let rest = errors.iter().map(move |e| each(*e, lang));
    head.into_iter().flatten().chain(rest)
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
